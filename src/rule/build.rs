//! Building rules from a pack: the keys every rule has are checked here, the kind-specific
//! ones by each kind's constructor. Adding a kind means one name in [`KINDS`] and one arm in
//! [`build`].

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use super::{
    Context, Finding, PatternSpec, Rule, RuleMeta, Severity, metric, occurrence, phrase,
    placeholder, proximity, repetition, require, substitution,
};
use crate::document::Scope;
use crate::error::{Error, Result};
use crate::matcher::Hit;
use crate::pack::{PackSource, RuleDef};
use crate::profile::{Profile, Profiles};

/// The kinds a `kind = "…"` key may name.
pub const KINDS: &[&str] = &[
    "phrase",
    "substitution",
    "occurrence",
    "repetition",
    "metric",
    "require",
    "proximity",
    "placeholder",
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
                    "rule `{}`: {} {kind} rule has no `{key}` key (its own keys: {expected})",
                    r.id.get_ref(),
                    super::article(kind)
                ),
            ));
        }
    }
    Ok(())
}

/// A rule that applies only in some profiles (its [`RuleMeta::profiles`]): it checks nothing
/// in the others.
#[derive(Debug)]
struct InProfiles {
    rule: Box<dyn Rule>,
}

impl Rule for InProfiles {
    fn meta(&self) -> &Arc<RuleMeta> {
        self.rule.meta()
    }

    fn patterns(&self) -> &[PatternSpec] {
        self.rule.patterns()
    }

    fn check(&self, cx: &Context<'_>, hits: &[Hit], out: &mut Vec<Finding>) {
        if self.rule.meta().profiles.contains(cx.profile()) {
            self.rule.check(cx, hits, out);
        }
    }

    fn reads_measures(&self) -> bool {
        self.rule.reads_measures()
    }

    fn with_bounds(
        &self,
        bounds: &super::NewBounds,
    ) -> Option<std::result::Result<Box<dyn Rule>, super::BoundError>> {
        Some(
            self.rule
                .with_bounds(bounds)?
                .map(|rule| Box::new(InProfiles { rule }) as Box<dyn Rule>),
        )
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
    // Every mistake is reported, in file order, so that a pack is fixed in one pass: each
    // unknown key, each rule with a missing or mistyped key (left out), then what else the
    // pack holds (a syntax error, or a mistake in `[pack]`, stops the reading there).
    let mut errors = Vec::new();
    let (def, blanked, dropped) = match src.parse() {
        Ok(def) => (def, Vec::new(), Vec::new()),
        Err(first) => match src.parse_past_unknown_keys(&mut errors) {
            Some(read) => (read.def, read.blanked, read.dropped),
            None => {
                // The reader finds unknown keys in the order of their names, not of the file.
                errors.sort_by_key(|e| e.position);
                return Err(Error::first_of(errors).unwrap_or(first));
            }
        },
    };
    let pack = def.pack.name.get_ref().clone();
    if !is_kebab(&pack) {
        errors.push(src.error_at(
            def.pack.name.span().start,
            format!(
                "pack name `{pack}` must be kebab-case (a-z, 0-9, single hyphens){}",
                as_kebab(&pack)
            ),
        ));
    }
    if pack == crate::builtin::PACK {
        errors.push(src.error_at(
            def.pack.name.span().start,
            format!(
                "pack name `{pack}` is the built-in rules' (pitchlint/empty-draft…): their ids \
                 would collide; choose another name"
            ),
        ));
    }
    // The rules build on all cores (start-up is felt on every draft); their errors are
    // reported in the order of the file, as if they were built one by one.
    let built: Vec<Result<Box<dyn Rule>>> = def
        .rule
        .par_iter()
        .map(|r| build(src, &pack, r.get_ref()))
        .collect();
    let mut seen = HashMap::new();
    let mut rules = Vec::with_capacity(def.rule.len());
    for (r, rule) in def.rule.iter().zip(built) {
        let r = r.get_ref();
        let id = r.id.get_ref();
        let at = r.id.span().start;
        if !is_kebab(id) {
            errors.push(src.error_at(
                at,
                format!(
                    "rule id `{id}` must be kebab-case (a-z, 0-9, single hyphens){}",
                    as_kebab(id)
                ),
            ));
        }
        if let Some(first) = seen.insert(id.clone(), at) {
            let line = src.text[..first].matches('\n').count() + 1;
            errors.push(src.error_at(
                at,
                format!("duplicate rule id `{id}` in pack `{pack}` (first at line {line})"),
            ));
        }
        match rule {
            Ok(rule) => rules.push(rule),
            // A rule read without a misspelt key fails for its want ("no `phrases`", for
            // `phrase`): the misspelling's suggestion says so already. Its other mistakes
            // are said.
            Err(e) => errors.extend(e.into_all().into_iter().filter(|e| {
                !blanked
                    .iter()
                    .any(|(rule, key)| rule == id && e.message.contains(&format!("`{key}`")))
            })),
        }
    }
    // Every rule a `needs` names is in the pack (one left out for a mistyped key is, and has
    // its error).
    for r in &def.rule {
        for n in r.get_ref().needs.iter().flat_map(|l| l.get_ref()) {
            // (A `pack/id` has its own error, from the rule: name it by its id.)
            if !seen.contains_key(n.get_ref())
                && !dropped.contains(n.get_ref())
                && !n.get_ref().contains('/')
            {
                let near = crate::error::closest(n.get_ref(), seen.keys().map(String::as_str))
                    .map(|n| format!(" (did you mean `{n}`?)"))
                    .unwrap_or_default();
                errors.push(src.error_at(
                    n.span().start,
                    format!(
                        "rule `{}`: `needs` names `{}`, which is no rule of pack `{pack}`{near}",
                        r.get_ref().id.get_ref(),
                        n.get_ref()
                    ),
                ));
            }
        }
    }
    // In file order: the needs errors were found after the rules they stand in.
    errors.sort_by_key(|e| e.position);
    match Error::first_of(errors) {
        Some(e) => Err(e),
        None => Ok(rules),
    }
}

/// " (did you mean `banned-words`?)" for a name that is not kebab-case (`Banned_Words`,
/// `BannedWords`), when lowercasing it and joining its words by single hyphens makes it so;
/// empty otherwise.
fn as_kebab(name: &str) -> String {
    // A capital after a small letter or a figure starts a word ("MyTeam", "teamRules2Go").
    let mut spaced = String::with_capacity(name.len() + 4);
    let mut prev: Option<char> = None;
    for c in name.chars() {
        if c.is_ascii_uppercase()
            && prev.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit())
        {
            spaced.push(' ');
        }
        spaced.push(c);
        prev = Some(c);
    }
    let words: Vec<String> = spaced
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let kebab = words.join("-");
    if is_kebab(&kebab) {
        format!(" (did you mean `{kebab}`?)")
    } else {
        String::new()
    }
}

/// Build one rule: common keys here, kind-specific keys in the kind's constructor.
fn build(src: &PackSource, pack: &str, r: &RuleDef) -> Result<Box<dyn Rule>> {
    let id = r.id.get_ref();
    let err = |offset: usize, msg: String| src.error_at(offset, format!("rule `{id}`: {msg}"));
    // The mistakes of the common keys are independent: each is noted, the rule read on with
    // a stand-in value, and all of them (and its kind's first) reported at once, so that a
    // rule is fixed in one pass.
    let mut errors = Vec::new();
    let weight = *r.weight.get_ref();
    if !(-100..=100).contains(&weight) {
        errors.push(err(
            r.weight.span().start,
            format!("weight {weight} is out of range: expected an integer from -100 to 100"),
        ));
    }
    let weight = weight.clamp(-100, 100) as i32;
    let default_severity = if weight < 0 {
        Severity::Warning
    } else {
        Severity::Info
    };
    let severity = match &r.severity {
        None => default_severity,
        Some(s) => noted(
            Severity::from_name(s.get_ref()).ok_or_else(|| {
                err(
                    s.span().start,
                    crate::error::unknown("severity", s.get_ref(), &["error", "warning", "info"]),
                )
            }),
            &mut errors,
            default_severity,
        ),
    };
    let except = match &r.except_scope {
        None => Scope::NONE,
        Some(list) => noted(parse_scopes(list, &err), &mut errors, Scope::NONE),
    };
    // A scope with a mistake is checked against no other key (a stand-in would report a
    // mistake the pack does not have).
    let scope = match &r.scope {
        // A measure of the whole draft would count the subject, greeting and sign-off as
        // message text: a metric measures the message unless told otherwise.
        None if r.kind.as_ref().is_some_and(|k| k.get_ref() == "metric") => Some(Scope::MESSAGE),
        None => Some(Scope::DEFAULT),
        Some(list) => match parse_scopes(list, &err) {
            Ok(scope) if scope.is_empty() => {
                errors.push(err(
                    list.span().start,
                    "`scope` is an empty list: name at least one part".into(),
                ));
                None
            }
            Ok(scope) => Some(scope),
            Err(e) => {
                errors.push(e);
                None
            }
        },
    };
    if let Some((list, scope)) = r
        .except_scope
        .as_ref()
        .zip(scope)
        .filter(|(_, scope)| scope.is_within(except))
    {
        errors.push(err(
            list.span().start,
            format!(
                "`except_scope` takes out every part of the rule's scope ({}): it could never \
                 fire; drop those parts from one of them",
                scope.label()
            ),
        ));
    }
    let scope = scope.unwrap_or(Scope::DEFAULT);
    if r.message.get_ref().trim().is_empty() {
        errors.push(err(
            r.message.span().start,
            "`message` is empty: say why this matters".into(),
        ));
    }
    let kind = match &r.kind {
        Some(k) => k.get_ref().as_str(),
        None if r.phrases.is_some() || r.pattern.is_some() => "phrase",
        None if r.swap.is_some() => "substitution",
        None => {
            return Err(joined(
                errors,
                err(
                    r.id.span().start,
                    "no `phrases` or `pattern`: say what the rule matches, or give its `kind`"
                        .into(),
                ),
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
            return Err(joined(
                errors,
                err(at, crate::error::unknown("kind", kind, KINDS)),
            ));
        }
    };
    // A dropped minus sign must not turn a mistake into a reward, nor a reward into a gate.
    if weight > 0 {
        if let Some(s) = r.severity.as_ref().filter(|_| severity != Severity::Info) {
            errors.push(err(
                s.span().start,
                format!(
                    "severity `{}` with a positive weight ({}): a reward fails no file; \
                     make the weight negative, or drop `severity`",
                    s.get_ref(),
                    r.weight.get_ref()
                ),
            ));
        }
        if let Some(why) = match kind {
            "require" => Some("fires when something is missing"),
            "repetition" | "substitution" | "placeholder" => Some("reports a mistake"),
            _ => None,
        } {
            errors.push(err(
                r.weight.span().start,
                format!("a {kind} rule {why}, so its weight must be 0 or negative"),
            ));
        }
    }
    let profiles = match &r.profiles {
        None => Profiles::ALL,
        Some(list) => {
            let set = list.get_ref().iter().try_fold(Profiles::NONE, |set, name| {
                let p = name
                    .parse::<Profile>()
                    .map_err(|m| err(list.span().start, m))?;
                Ok(set.with(p))
            });
            match noted(set, &mut errors, Profiles::ALL) {
                Profiles::NONE => {
                    errors.push(err(
                        list.span().start,
                        "`profiles` is an empty list: name at least one profile".into(),
                    ));
                    Profiles::ALL
                }
                set => set,
            }
        }
    };
    let needs = noted(needs_of(r, pack, &err), &mut errors, Vec::new());
    let profile_weights = profile_weights(r, weight, profiles, &err, &mut errors);
    let meta = Arc::new(RuleMeta {
        pack: pack.to_string(),
        id: id.clone(),
        qualified: format!("{pack}/{id}"),
        kind,
        message: r.message.get_ref().trim().to_string(),
        weight,
        profile_weights,
        severity,
        scope,
        except,
        profiles,
        needs,
        suggest: r.suggest.as_ref().map(|s| s.get_ref().clone()),
        rationale: match &r.rationale {
            std::borrow::Cow::Borrowed(s) => std::borrow::Cow::Borrowed(s.trim()),
            std::borrow::Cow::Owned(s) => std::borrow::Cow::Owned(s.trim().to_string()),
        },
        examples: r.examples.clone(),
        source: src.path.clone(),
    });
    let example_profile = match &r.examples.profile {
        None => Some(Profile::default()),
        Some(p) => noted(
            p.parse::<Profile>()
                .map(Some)
                .map_err(|m| err(r.id.span().start, format!("examples: {m}"))),
            &mut errors,
            None,
        ),
    };
    let has_examples = !r.examples.fire.is_empty() || !r.examples.quiet.is_empty();
    if let Some(example_profile) =
        example_profile.filter(|&p| has_examples && !profiles.contains(p))
    {
        errors.push(err(
            r.profiles
                .as_ref()
                .map_or(r.id.span().start, |p| p.span().start),
            {
                let names: Vec<&str> = profiles.iter().map(Profile::as_str).collect();
                let verb = if r.examples.profile.is_some() {
                    "change"
                } else {
                    "set"
                };
                format!(
                    "the examples run in profile `{example_profile}`, where the rule does not apply: {verb} `profile` in [rule.examples] to one of the rule's profiles ({})",
                    names.join(", ")
                )
            },
        ));
    }
    // The kind's own keys are read even after a mistake above, for their first mistake.
    let rule = match kind {
        "phrase" => boxed(phrase::PhraseRule::new(src, r, meta)),
        "substitution" => boxed(substitution::SubstitutionRule::new(src, r, meta)),
        "occurrence" => boxed(occurrence::OccurrenceRule::new(src, r, meta)),
        "repetition" => boxed(repetition::RepetitionRule::new(src, r, meta)),
        "metric" => boxed(metric::MetricRule::new(src, r, meta)),
        "require" => boxed(require::RequireRule::new(src, r, meta)),
        "proximity" => boxed(proximity::ProximityRule::new(src, r, meta)),
        "placeholder" => boxed(placeholder::PlaceholderRule::new(src, r, meta)),
        _ => unreachable!("KINDS lists only built kinds"),
    };
    match rule {
        Err(e) => Err(joined(errors, e)),
        Ok(rule) => match errors.pop() {
            Some(last) => Err(joined(errors, last)),
            None if profiles == Profiles::ALL => Ok(rule),
            None => Ok(Box::new(InProfiles { rule })),
        },
    }
}

/// The weights that `[rule.profile.<name>]` tables give rule `r` (of weight `weight`, applying
/// in `profiles`), by [`Profile::index`]: each for a profile the rule applies in, in range and
/// of the weight's sign (a profile changes how much a rule counts, not which way). Each
/// mistake is pushed to `errors`, placed by `err`, and its table left out.
fn profile_weights(
    r: &RuleDef,
    weight: i32,
    profiles: Profiles,
    err: &dyn Fn(usize, String) -> Error,
    errors: &mut Vec<Error>,
) -> [Option<i32>; 3] {
    let mut out = [None; 3];
    let Some(table) = &r.profile else {
        return out;
    };
    for (name, o) in table.get_ref() {
        let Some(p) = Profile::from_name(name) else {
            errors.push(err(
                table.span().start,
                format!(
                    "[rule.profile.{name}]: {}",
                    crate::error::unknown("profile", name, &Profile::names())
                ),
            ));
            continue;
        };
        let Some(w) = &o.weight else {
            continue;
        };
        let v = *w.get_ref();
        let at = w.span().start;
        let mistake = if !(-100..=100).contains(&v) {
            Some("is out of range: expected an integer from -100 to 100".to_string())
        } else if !profiles.contains(p) {
            Some(format!(
                "is for a profile the rule does not apply in (its `profiles`: {}): add `{name}` \
                 to them, or drop the table",
                profiles
                    .iter()
                    .map(Profile::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        } else if v == 0 && weight != 0 {
            Some(format!(
                "would make the rule count nothing there: to turn it off in {name}, leave \
                 `{name}` out of its `profiles`"
            ))
        } else if v.signum() != i64::from(weight.signum()) {
            let what = |w: i64| if w > 0 { "a reward" } else { "a penalty" };
            Some(if weight == 0 {
                "is for a rule of weight 0, which counts nothing in any profile".to_string()
            } else {
                format!(
                    "would make {} of {}: a profile changes how much a rule counts, not which \
                     way; give it a weight of the sign of {weight}",
                    what(v),
                    what(i64::from(weight))
                )
            })
        } else {
            None
        };
        match mistake {
            Some(m) => errors.push(err(at, format!("weight {v} in [rule.profile.{name}] {m}"))),
            None => out[p.index()] = Some(v as i32),
        }
    }
    out
}

/// The rules of pack `pack` that rule `r` names in `needs`, qualified; `err` places an error.
fn needs_of(r: &RuleDef, pack: &str, err: &dyn Fn(usize, String) -> Error) -> Result<Vec<String>> {
    let mut needs = Vec::new();
    let Some(list) = &r.needs else {
        return Ok(needs);
    };
    if list.get_ref().is_empty() {
        return Err(err(
            list.span().start,
            "`needs` is an empty list: name a rule of this pack, or leave it out".into(),
        ));
    }
    for n in list.get_ref() {
        let name = n.get_ref();
        if name == r.id.get_ref() {
            return Err(err(
                n.span().start,
                "`needs` names the rule itself: name another rule of this pack".into(),
            ));
        }
        if name.contains('/') {
            return Err(err(
                n.span().start,
                format!("`needs` names `{name}`: name a rule of this pack by its id (no `pack/`)"),
            ));
        }
        let qualified = format!("{pack}/{name}");
        if needs.contains(&qualified) {
            return Err(err(n.span().start, format!("`needs` names `{name}` twice")));
        }
        needs.push(qualified);
    }
    Ok(needs)
}

/// `errors`, then `last` and the errors found with it, as one error: the first, the others
/// with it (see [`Error::all`]).
fn joined(errors: Vec<Error>, last: Error) -> Error {
    let mut all: Vec<Error> = errors.into_iter().flat_map(Error::into_all).collect();
    all.extend(last.into_all());
    let mut first = all.remove(0);
    first.more = all;
    first
}

/// A rule of some kind, boxed.
fn boxed<R: Rule + 'static>(rule: Result<R>) -> Result<Box<dyn Rule>> {
    Ok(Box::new(rule?))
}

/// The value of `r`, or `stand_in` once its error is noted in `errors`.
fn noted<T>(r: Result<T>, errors: &mut Vec<Error>, stand_in: T) -> T {
    match r {
        Ok(v) => v,
        Err(e) => {
            errors.push(e);
            stand_in
        }
    }
}

/// The parts named in `scope` or `except_scope`.
fn parse_scopes(
    list: &toml::Spanned<crate::pack::OneOrMany>,
    err: &dyn Fn(usize, String) -> crate::error::Error,
) -> Result<Scope> {
    let mut scope = Scope::NONE;
    for name in list.get_ref().items() {
        let s = Scope::from_name(name).ok_or_else(|| {
            // What email writers call the parts, where it is not close to our name for them.
            let meant = match name.to_lowercase().replace(['-', '_', ' '], "").as_str() {
                "opener" | "intro" | "introduction" | "hook" | "firstline" => Some("opening"),
                // A sales team's "closer" is the close, not a letter's complimentary one.
                "close" | "closer" | "ask" | "cta" | "calltoaction" => Some("closing"),
                "salutation" | "hello" => Some("greeting"),
                "valediction" => Some("signoff"),
                "sig" => Some("signature"),
                "subjectline" | "title" => Some("subject"),
                "quoted" | "reply" => Some("quote"),
                "message" => Some("opening, body, closing"),
                _ => None,
            };
            let message = match meant {
                Some(m) => format!(
                    "unknown scope `{name}` (did you mean {}?): expected one of {}",
                    m.split(", ")
                        .map(|m| format!("`{m}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    Scope::names().join(", ")
                ),
                None => crate::error::unknown("scope", name, &Scope::names()),
            };
            err(list.span().start, message)
        })?;
        scope = scope.union(s);
    }
    Ok(scope)
}

#[cfg(test)]
mod tests {
    /// A name's words are split at separators and at a capital after a small letter or a
    /// figure.
    #[test]
    fn a_name_is_suggested_in_kebab_case() {
        for (name, kebab) in [
            ("Banned_Words", "banned-words"),
            ("MyTeam", "my-team"),
            ("teamRules2Go", "team-rules2-go"),
            ("ACME rules", "acme-rules"),
        ] {
            assert_eq!(
                super::as_kebab(name),
                format!(" (did you mean `{kebab}`?)"),
                "{name}"
            );
        }
    }
}
