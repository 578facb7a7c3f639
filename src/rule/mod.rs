//! Rules: one small type per rule kind, all behind the [`Rule`] trait.
//!
//! Data flow: a validated [`crate::pack::RuleDef`] → the kind's constructor (which checks its
//! keys and compiles what it needs, once) → `Box<dyn Rule>`. At check time a rule receives the
//! document and the matcher's hits for the patterns it declared, and pushes [`Finding`]s.
//! Adding a kind means one new file here and one arm in [`build`].

pub mod metric;
pub mod occurrence;
pub mod phrase;
pub mod proximity;
pub mod repetition;
pub mod require;
pub mod substitution;
mod thresholds;

pub use thresholds::{Judgement, Thresholds};

use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::ops::Range;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::Arc;

use serde::Serialize;

use crate::document::{Document, Scope};
use crate::error::Result;
use crate::matcher::Hit;
use crate::metrics::Metrics;
use crate::pack::{Examples, PackSource, RuleDef};
use crate::profile::{Profile, Profiles};

/// How serious a finding is. `error` fails the gate on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a file by itself.
    Info,
    /// Should be fixed before sending.
    Warning,
    /// Must be fixed: the file fails.
    Error,
}

impl Severity {
    /// The severity named `s`.
    pub fn from_name(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }

    /// Its lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What every rule carries, whatever its kind.
#[derive(Clone, Debug, Serialize)]
pub struct RuleMeta {
    /// The pack's name.
    pub pack: String,
    /// The id within the pack.
    pub id: String,
    /// `pack/id`, as findings report it.
    pub qualified: String,
    /// The rule kind (`phrase`, …).
    pub kind: &'static str,
    /// Why this matters, in one sentence.
    pub message: String,
    /// Points: negative penalises, positive rewards.
    pub weight: i32,
    /// How serious a finding is.
    pub severity: Severity,
    /// The parts of a pitch where the rule applies.
    pub scope: Scope,
    /// A better phrasing.
    pub suggest: Option<String>,
    /// The longer why.
    pub rationale: String,
    /// Texts that must and must not fire.
    #[serde(skip)]
    pub examples: Examples,
    /// The pack file it came from.
    pub source: PathBuf,
}

/// A finding: plain data, positions as byte spans of the source.
#[derive(Clone, Debug)]
pub struct Finding {
    /// The rule that fired.
    pub rule: Arc<RuleMeta>,
    /// Byte span in the document's source (the file as stored).
    pub span: Range<usize>,
    /// The part of the pitch where it stands.
    pub scope: Scope,
    /// A message that replaces the rule's (for rules that measure something).
    pub message: Option<String>,
    /// How much of the rule's weight this finding carries, in (0, 1]: 1 for a match, less for
    /// a measure just past its threshold (see [`Thresholds`]).
    pub strength: f64,
    /// Replacements for the text at `span`: exactly one is applied by `--fix`; several are
    /// only suggested.
    pub replacements: Vec<String>,
}

impl Finding {
    /// The message to show.
    pub fn message(&self) -> &str {
        self.message.as_deref().unwrap_or(&self.rule.message)
    }

    /// The one replacement `--fix` applies, when there is exactly one.
    pub fn fix(&self) -> Option<&str> {
        match self.replacements.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }
}

/// What the rules of one run share while checking one document: the profile, and measures
/// computed once per scope, on first use.
#[derive(Debug, Default)]
pub struct Shared {
    /// The kind of message being linted.
    pub profile: Profile,
    metrics: RefCell<Vec<(Scope, Rc<Metrics>)>>,
}

impl Shared {
    /// Nothing computed yet.
    pub fn new(profile: Profile) -> Self {
        Shared {
            profile,
            metrics: RefCell::default(),
        }
    }
}

/// What a rule sees while checking one document.
pub struct Context<'a> {
    /// The document.
    pub doc: &'a Document,
    /// This rule's metadata, shared by its findings.
    pub meta: &'a Arc<RuleMeta>,
    /// The profile and the per-document measures.
    pub shared: &'a Shared,
}

impl<'a> Context<'a> {
    /// The context of one rule on one document.
    pub fn new(doc: &'a Document, meta: &'a Arc<RuleMeta>, shared: &'a Shared) -> Self {
        Context { doc, meta, shared }
    }

    /// The profile of this run.
    pub fn profile(&self) -> Profile {
        self.shared.profile
    }

    /// The measures of the parts in `scope`, computed once per document.
    pub fn metrics(&self, scope: Scope) -> Rc<Metrics> {
        if let Some((_, m)) = self
            .shared
            .metrics
            .borrow()
            .iter()
            .find(|(s, _)| *s == scope)
        {
            return Rc::clone(m);
        }
        let m = Rc::new(Metrics::of(self.doc, scope));
        self.shared
            .metrics
            .borrow_mut()
            .push((scope, Rc::clone(&m)));
        m
    }

    /// A finding at a view span, mapped to the source.
    pub fn finding(&self, view_span: Range<usize>, message: Option<String>) -> Finding {
        Finding {
            rule: Arc::clone(self.meta),
            scope: self.doc.scope_at(view_span.start),
            span: self.doc.map.to_source(view_span),
            message,
            strength: 1.0,
            replacements: Vec::new(),
        }
    }

    /// Set replacements on a finding, when its source text is the view text it was found in
    /// (a fix must not rewrite markup that a reader decoded).
    pub fn set_fix(&self, f: &mut Finding, view_span: Range<usize>, replacements: Vec<String>) {
        if self.doc.source.get(f.span.clone()) == self.doc.text().get(view_span) {
            f.replacements = replacements;
        }
    }

    /// Whether a hit counts for this rule: in its scope and not masked.
    pub fn counts(&self, span: &Range<usize>) -> bool {
        self.doc.scope_at(span.start).intersects(self.meta.scope) && !self.doc.is_masked(span)
    }

    /// Where a finding about a whole part (or the whole draft) points: the first line of the
    /// first part in the rule's scope, or the start of the draft when there is none.
    pub fn anchor(&self) -> Range<usize> {
        let text = self.doc.text();
        match self.doc.spans_of(self.meta.scope).next() {
            Some(span) => first_line(text, span.clone()),
            None => 0..0,
        }
    }

    /// A finding about a whole part: at [`Context::anchor`], its scope the parts of the
    /// rule's scope that the draft has (the rule's scope when it has none of them).
    pub fn part_finding(&self, message: String) -> Finding {
        let mut f = self.finding(self.anchor(), Some(message));
        let mut present = Scope::NONE;
        for s in &self.doc.segments {
            if s.scope.intersects(self.meta.scope) {
                present = present.union(s.scope);
            }
        }
        f.scope = if present.is_empty() {
            self.meta.scope
        } else {
            present
        };
        f
    }
}

/// The first line of a view span.
pub fn first_line(text: &str, span: Range<usize>) -> Range<usize> {
    let s = &text[span.clone()];
    let end = s.find(['\n', '\r']).map_or(span.end, |i| span.start + i);
    span.start..end
}

/// A pattern a rule asks the shared matcher to find.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PatternSpec {
    /// Regex source, flags included.
    pub regex: String,
    /// Whether matches must also stand between Unicode word boundaries (phrases).
    pub words: bool,
}

/// One rule kind.
pub trait Rule: Send + Sync + fmt::Debug {
    /// What every rule carries.
    fn meta(&self) -> &Arc<RuleMeta>;
    /// The patterns the shared matcher finds for this rule, in one pass over the text.
    fn patterns(&self) -> &[PatternSpec] {
        &[]
    }
    /// Push the findings for `cx.doc`. `hits` are the matcher's hits of this rule's patterns,
    /// sorted by position; `Hit::pattern` indexes [`Rule::patterns`].
    fn check(&self, cx: &Context<'_>, hits: &[Hit], out: &mut Vec<Finding>);
}

/// The kinds a `kind = "…"` key may name.
pub const KINDS: &[&str] = &[
    "phrase",
    "substitution",
    "occurrence",
    "repetition",
    "metric",
    "require",
    "proximity",
];

/// Reject the kind-specific keys that `kind` does not use, at the key's value.
pub fn allow_keys(src: &PackSource, r: &RuleDef, kind: &str, allowed: &[&str]) -> Result<()> {
    for (key, at) in r.kind_keys() {
        if !allowed.contains(&key) {
            let expected = if allowed.is_empty() {
                "none".to_string()
            } else {
                allowed.join(", ")
            };
            return Err(src.error_at(
                at,
                format!(
                    "rule `{}`: a {kind} rule has no `{key}` key (its own keys: {expected})",
                    r.id.get_ref()
                ),
            ));
        }
    }
    Ok(())
}

/// A rule that applies only in some profiles: it checks nothing in the others.
#[derive(Debug)]
struct InProfiles {
    rule: Box<dyn Rule>,
    profiles: Profiles,
}

impl Rule for InProfiles {
    fn meta(&self) -> &Arc<RuleMeta> {
        self.rule.meta()
    }

    fn patterns(&self) -> &[PatternSpec] {
        self.rule.patterns()
    }

    fn check(&self, cx: &Context<'_>, hits: &[Hit], out: &mut Vec<Finding>) {
        if self.profiles.contains(cx.profile()) {
            self.rule.check(cx, hits, out);
        }
    }
}

/// Whether `s` is kebab-case: lowercase letters, digits and single hyphens.
pub fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// Validate and build every rule of one pack. The first problem stops the load.
pub fn compile_pack(src: &PackSource) -> Result<Vec<Box<dyn Rule>>> {
    let def = src.parse()?;
    let pack = def.pack.name.get_ref().clone();
    if !is_kebab(&pack) {
        return Err(src.error_at(
            def.pack.name.span().start,
            format!("pack name `{pack}` must be kebab-case (a-z, 0-9, single hyphens)"),
        ));
    }
    let mut seen = HashSet::new();
    let mut rules = Vec::with_capacity(def.rule.len());
    for r in &def.rule {
        let r = r.get_ref();
        let id = r.id.get_ref();
        let at = r.id.span().start;
        if !is_kebab(id) {
            return Err(src.error_at(
                at,
                format!("rule id `{id}` must be kebab-case (a-z, 0-9, single hyphens)"),
            ));
        }
        if !seen.insert(id.clone()) {
            return Err(src.error_at(at, format!("duplicate rule id `{id}` in pack `{pack}`")));
        }
        rules.push(build(src, &pack, r)?);
    }
    Ok(rules)
}

/// Build one rule: common keys here, kind-specific keys in the kind's constructor.
fn build(src: &PackSource, pack: &str, r: &RuleDef) -> Result<Box<dyn Rule>> {
    let id = r.id.get_ref();
    let err = |offset: usize, msg: String| src.error_at(offset, format!("rule `{id}`: {msg}"));
    let weight = *r.weight.get_ref();
    if !(-100..=100).contains(&weight) {
        return Err(err(
            r.weight.span().start,
            format!("weight {weight} is out of range: expected an integer from -100 to 100"),
        ));
    }
    let weight = weight as i32;
    let severity = match &r.severity {
        None if weight < 0 => Severity::Warning,
        None => Severity::Info,
        Some(s) => Severity::from_name(s.get_ref()).ok_or_else(|| {
            err(
                s.span().start,
                format!(
                    "unknown severity `{}`: expected one of error, warning, info",
                    s.get_ref()
                ),
            )
        })?,
    };
    let scope = match &r.scope {
        None => Scope::DEFAULT,
        Some(list) => {
            let mut scope = Scope::NONE;
            for name in list.get_ref().items() {
                let s = Scope::from_name(name).ok_or_else(|| {
                    err(
                        list.span().start,
                        format!(
                            "unknown scope `{name}`: expected one of {}",
                            Scope::names().join(", ")
                        ),
                    )
                })?;
                scope = scope.union(s);
            }
            if scope.is_empty() {
                return Err(err(
                    list.span().start,
                    "`scope` is an empty list: name at least one part".into(),
                ));
            }
            scope
        }
    };
    if r.message.get_ref().trim().is_empty() {
        return Err(err(
            r.message.span().start,
            "`message` is empty: say why this matters".into(),
        ));
    }
    let kind = match &r.kind {
        Some(k) => k.get_ref().as_str(),
        None if r.phrases.is_some() || r.pattern.is_some() => "phrase",
        None if r.swap.is_some() => "substitution",
        None => {
            return Err(err(
                r.id.span().start,
                "no `phrases` or `pattern`: say what the rule matches, or give its `kind`".into(),
            ));
        }
    };
    let kind: &'static str = match KINDS.iter().find(|k| **k == kind) {
        Some(k) => k,
        None => {
            let at = r
                .kind
                .as_ref()
                .map_or(r.id.span().start, |k| k.span().start);
            return Err(err(
                at,
                format!(
                    "unknown kind `{kind}`: expected one of {}",
                    KINDS.join(", ")
                ),
            ));
        }
    };
    let meta = Arc::new(RuleMeta {
        pack: pack.to_string(),
        id: id.clone(),
        qualified: format!("{pack}/{id}"),
        kind,
        message: r.message.get_ref().trim().to_string(),
        weight,
        severity,
        scope,
        suggest: r.suggest.as_ref().map(|s| s.get_ref().clone()),
        rationale: r.rationale.trim().to_string(),
        examples: r.examples.clone(),
        source: src.path.clone(),
    });
    let profiles = match &r.profiles {
        None => Profiles::ALL,
        Some(list) => {
            let mut set = Profiles::NONE;
            for name in list.get_ref() {
                let p = Profile::from_name(name).ok_or_else(|| {
                    err(
                        list.span().start,
                        format!(
                            "unknown profile `{name}`: expected one of {}",
                            Profile::names().join(", ")
                        ),
                    )
                })?;
                set = set.with(p);
            }
            if set == Profiles::NONE {
                return Err(err(
                    list.span().start,
                    "`profiles` is an empty list: name at least one profile".into(),
                ));
            }
            set
        }
    };
    if let Some(p) = &r.examples.profile {
        if Profile::from_name(p).is_none() {
            return Err(err(
                r.id.span().start,
                format!(
                    "examples: unknown profile `{p}`: expected one of {}",
                    Profile::names().join(", ")
                ),
            ));
        }
    }
    let rule: Box<dyn Rule> = match kind {
        "phrase" => Box::new(phrase::PhraseRule::new(src, r, meta)?),
        "substitution" => Box::new(substitution::SubstitutionRule::new(src, r, meta)?),
        "occurrence" => Box::new(occurrence::OccurrenceRule::new(src, r, meta)?),
        "repetition" => Box::new(repetition::RepetitionRule::new(src, r, meta)?),
        "metric" => Box::new(metric::MetricRule::new(src, r, meta)?),
        "require" => Box::new(require::RequireRule::new(src, r, meta)?),
        "proximity" => Box::new(proximity::ProximityRule::new(src, r, meta)?),
        _ => unreachable!("KINDS lists only built kinds"),
    };
    Ok(if profiles == Profiles::ALL {
        rule
    } else {
        Box::new(InProfiles { rule, profiles })
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::Linter;
    use crate::document::{self, Format};

    fn pack(rule: &str) -> PackSource {
        PackSource {
            path: PathBuf::from("t.toml"),
            text: format!("[pack]\nname = \"t\"\n[[rule]]\nid = \"x\"\nmessage = \"m\"\n{rule}"),
        }
    }

    /// Every finding of a one-rule pack on `text`, in the first-touch profile.
    pub fn findings_full(rule: &str, text: &str) -> Vec<Finding> {
        let linter = Linter::new(&[pack(rule)]).unwrap();
        let doc = document::read("t", text.as_bytes().to_vec(), Format::Text).unwrap();
        linter.check(&doc)
    }

    /// (message, strength) of each finding of a one-rule pack on `text`.
    pub fn findings(rule: &str, text: &str) -> Vec<(String, f64)> {
        findings_full(rule, text)
            .into_iter()
            .map(|f| (f.message().to_string(), f.strength))
            .collect()
    }

    /// The error a one-rule pack gives.
    pub fn pack_error(rule: &str) -> String {
        Linter::new(&[pack(rule)]).unwrap_err().to_string()
    }

    #[test]
    fn profiles_limit_where_a_rule_applies() {
        let r = "phrases = [\"checking in\"]\nweight = -5\nprofiles = [\"follow-up\"]\n";
        let linter = Linter::new(&[pack(r)]).unwrap();
        let doc = document::read("t", b"Just checking in.".to_vec(), Format::Text).unwrap();
        assert!(linter.check(&doc).is_empty());
        assert_eq!(linter.check_as(&doc, Profile::FollowUp).len(), 1);
        let e = pack_error("phrases = [\"a\"]\nweight = -5\nprofiles = [\"cold\"]\n");
        assert!(
            e.starts_with("t.toml:8:12: rule `x`: unknown profile `cold`"),
            "{e}"
        );
    }

    #[test]
    fn kind_keys_of_another_kind_are_rejected_where_they_stand() {
        let e = pack_error("phrases = [\"a\"]\nweight = -5\nunit = \"word\"\n");
        assert_eq!(
            e,
            "t.toml:8:8: rule `x`: a phrase rule has no `unit` key (its own keys: phrases, pattern, case_sensitive)"
        );
    }
}
