//! Rules: one small type per rule kind, all behind the [`Rule`] trait.
//!
//! Data flow: a validated [`crate::pack::RuleDef`] → the kind's constructor (which checks its
//! keys and compiles what it needs, once) → `Box<dyn Rule>`. At check time a rule receives the
//! document and the matcher's hits for the patterns it declared, and pushes [`Finding`]s.
//! Adding a kind means one new file here and one arm in [`build`].

pub mod phrase;
pub mod placeholder;

use std::collections::HashSet;
use std::fmt;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;

use crate::document::{Document, Scope};
use crate::error::Result;
use crate::matcher::Hit;
use crate::pack::{Examples, PackSource, RuleDef};

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
}

impl Finding {
    /// The message to show.
    pub fn message(&self) -> &str {
        self.message.as_deref().unwrap_or(&self.rule.message)
    }
}

/// What a rule sees while checking one document.
pub struct Context<'a> {
    /// The document.
    pub doc: &'a Document,
    /// This rule's metadata, shared by its findings.
    pub meta: &'a Arc<RuleMeta>,
}

impl Context<'_> {
    /// A finding at a view span, mapped to the source.
    pub fn finding(&self, view_span: Range<usize>, message: Option<String>) -> Finding {
        Finding {
            rule: Arc::clone(self.meta),
            scope: self.doc.scope_at(view_span.start),
            span: self.doc.map.to_source(view_span),
            message,
        }
    }
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
pub const KINDS: &[&str] = &["phrase", "placeholder"];

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
    match kind {
        "phrase" => Ok(Box::new(phrase::PhraseRule::new(src, r, meta)?)),
        "placeholder" => Ok(Box::new(placeholder::PlaceholderRule::new(src, r, meta)?)),
        _ => unreachable!("KINDS lists only built kinds"),
    }
}
