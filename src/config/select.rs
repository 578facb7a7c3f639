//! Applying a config to the loaded rules: `select` / `ignore` (ruff-style selectors) and
//! per-rule severity and weight overrides, before the linter compiles its matcher.

use std::path::Path;
use std::sync::Arc;

use crate::error::{Error, ErrorKind, Result};
use crate::matcher::Hit;
use crate::rule::{Context, Finding, PatternSpec, Rule, RuleMeta, Severity};

/// A selector as written, with where it came from (for errors).
#[derive(Clone, Debug)]
pub struct Selector {
    /// The text: `pack/id`, a pack name, a bare id, or a prefix of `pack/id`.
    pub text: String,
    /// Byte offset in the config file, or `None` when it did not come from a file.
    pub offset: Option<usize>,
    /// Whether it came from `--select` / `--ignore` rather than the file.
    pub flag: bool,
}

/// How specifically `sel` names `meta`: the longer the match, the more specific; `None` when
/// it does not name it at all. A prefix names a pack and the first words of ids, whole
/// (`seed/partner` takes in `seed/partner-close`): a prefix of a pack's name alone (`s`,
/// `sale`) would silently take in every pack that starts so, and a prefix that ends inside a
/// word would make a typo (`sales/buzzword`) name a rule (`sales/buzzwords`).
pub fn specificity(sel: &str, meta: &RuleMeta) -> Option<usize> {
    if sel == meta.qualified || sel == meta.id {
        Some(usize::MAX)
    } else if sel == meta.pack {
        Some(sel.len() + 1)
    } else if sel.contains('/')
        && meta.qualified.starts_with(sel)
        && (sel.ends_with(['-', '/']) || meta.qualified[sel.len()..].starts_with('-'))
    {
        Some(sel.len())
    } else {
        None
    }
}

/// Whether a rule stays on: the most specific selector wins, and `ignore` wins a tie. With no
/// `select` list, every rule is selected (with the lowest specificity).
pub fn enabled(meta: &RuleMeta, select: Option<&[Selector]>, ignore: &[Selector]) -> bool {
    let best = |list: &[Selector]| list.iter().filter_map(|s| specificity(&s.text, meta)).max();
    let selected = match select {
        None => Some(0),
        Some(list) => best(list),
    };
    match (selected, best(ignore)) {
        (None, _) => false,
        (Some(_), None) => true,
        (Some(s), Some(i)) => s > i,
    }
}

/// A rule whose metadata the config changed; matching and checking are the inner rule's.
#[derive(Debug)]
struct Adjusted {
    inner: Box<dyn Rule>,
    meta: Arc<RuleMeta>,
}

impl Rule for Adjusted {
    fn meta(&self) -> &Arc<RuleMeta> {
        &self.meta
    }
    fn patterns(&self) -> &[PatternSpec] {
        self.inner.patterns()
    }
    fn check(&self, cx: &Context<'_>, hits: &[Hit], out: &mut Vec<Finding>) {
        // Findings take the metadata from `cx.meta`, which is ours: the overrides show.
        self.inner.check(cx, hits, out);
    }
    fn reads_measures(&self) -> bool {
        self.inner.reads_measures()
    }
    fn with_bounds(
        &self,
        bounds: &crate::rule::NewBounds,
    ) -> Option<std::result::Result<Box<dyn Rule>, crate::rule::BoundError>> {
        Some(self.inner.with_bounds(bounds)?.map(|inner| {
            Box::new(Adjusted {
                inner,
                meta: self.meta.clone(),
            }) as Box<dyn Rule>
        }))
    }
}

/// One per-rule override, resolved.
#[derive(Clone, Debug)]
pub struct RuleChange {
    /// The rule as written (`pack/id` or a bare id).
    pub rule: String,
    /// Byte offset of the key in the config file.
    pub offset: Option<usize>,
    /// Byte offset of the weight's value in the config file.
    pub weight_offset: Option<usize>,
    /// The new severity.
    pub severity: Option<Severity>,
    /// The new weight.
    pub weight: Option<i32>,
    /// The new bounds (a metric or occurrence rule's).
    pub bounds: crate::rule::NewBounds,
    /// Byte offset of each bound's value in the config file, by profile (none: the rule's
    /// own) and key.
    pub bound_offsets: Vec<(Option<crate::profile::Profile>, &'static str, usize)>,
}

impl RuleChange {
    /// Whether it names rule `m` (as `pack/id` or by its bare id).
    pub fn names(&self, m: &RuleMeta) -> bool {
        self.rule == m.qualified || self.rule == m.id
    }

    /// What it changes as TOML lines: the severity, the weight, then the bounds, the rule's
    /// own then each profile's table: `weight = -9`, `max = 150`,
    /// `[rules."research/too-long".profile.proposal]`, `max = 600`.
    pub fn toml(&self) -> Vec<String> {
        let b = &self.bounds;
        let pair = |lo: Option<f64>, hi: Option<f64>| {
            [("min", lo), ("max", hi)]
                .into_iter()
                .filter_map(|(k, v)| Some(format!("{k} = {}", v?)))
                .collect::<Vec<_>>()
        };
        let mut out: Vec<String> = self
            .severity
            .map(|s| format!("severity = \"{s}\""))
            .into_iter()
            .chain(self.weight.map(|w| format!("weight = {w}")))
            .collect();
        out.extend(pair(b.min, b.max));
        for (p, name) in crate::profile::Profile::ALL {
            let (lo, hi) = b.profiles[p.index()];
            let lines = pair(lo, hi);
            if !lines.is_empty() {
                out.push(format!("[rules.\"{}\".profile.{name}]", self.rule));
                out.extend(lines);
            }
        }
        out
    }
}

/// What a config does to the rules.
#[derive(Clone, Debug, Default)]
pub struct RuleSelection {
    /// `select`, if given.
    pub select: Option<Vec<Selector>>,
    /// `ignore`.
    pub ignore: Vec<Selector>,
    /// Per-rule changes.
    pub changes: Vec<RuleChange>,
    /// The `ignore` selectors of every `[[overrides]]` entry, checked like the others.
    pub path_ignores: Vec<Selector>,
}

impl RuleSelection {
    /// Whether it changes nothing.
    pub fn is_empty(&self) -> bool {
        self.select.is_none() && self.ignore.is_empty() && self.changes.is_empty()
    }

    /// Apply to the compiled rules of the packs, before the matcher is built over those
    /// kept. A selector or override that names no loaded rule is an error at its place in
    /// the config file (`path`, `text`).
    pub fn apply(
        &self,
        rules: Vec<Box<dyn Rule>>,
        path: &Path,
        text: &str,
    ) -> Result<Vec<Box<dyn Rule>>> {
        if self.is_empty() && self.path_ignores.is_empty() {
            return Ok(rules);
        }
        let err = |offset: Option<usize>, msg: String| match offset {
            Some(o) => Error::at(ErrorKind::Config, path, text, o, msg),
            None => Error::file(ErrorKind::Config, path, msg),
        };
        let at_err = |offset: Option<usize>, msg: String| (offset, err(offset, msg));
        let metas: Vec<&Arc<RuleMeta>> = rules.iter().map(|r| r.meta()).collect();
        let mut packs: Vec<&str> = metas.iter().map(|m| m.pack.as_str()).collect();
        packs.dedup();
        let lists = self.select.iter().flatten().map(|s| ("select", s));
        let lists = lists
            .chain(self.ignore.iter().map(|s| ("ignore", s)))
            .chain(self.path_ignores.iter().map(|s| ("overrides.ignore", s)));
        // Every mistake, the flags' first, then the config file's in file order.
        let mut errors: Vec<(Option<usize>, Error)> = Vec::new();
        let builtins = crate::builtin::ignorable();
        let all_builtins = crate::builtin::rules();
        for (key, sel) in lists {
            let names_builtin = builtins.iter().any(|m| specificity(&sel.text, m).is_some());
            let named = names_builtin || metas.iter().any(|m| specificity(&sel.text, m).is_some());
            if !named && all_builtins.iter().any(|m| m.qualified == sel.text) {
                let why = if key == "select" {
                    format!(
                        "it always runs, selected or not (see `pitchlint explain {}`)",
                        sel.text
                    )
                } else {
                    format!(
                        "it cannot be turned off (see `pitchlint explain {}`)",
                        sel.text
                    )
                };
                if sel.flag {
                    let msg = format!("--{key} {}: a built-in rule: {why}", sel.text);
                    errors.push((None, Error::usage(msg)));
                    continue;
                }
                let msg = format!("`{key}`: `{}` is a built-in rule: {why}", sel.text);
                errors.push(at_err(sel.offset, msg));
                continue;
            }
            if !named {
                let hint = near_rules(&sel.text, &metas);
                // What a name may be, with this run's packs (none with --no-default-rules
                // and no pack of its own) and a prefix of one of their rules.
                let example = metas
                    .iter()
                    .find(|m| m.qualified == "seed/partner-close")
                    .or_else(|| metas.iter().find(|m| m.id.contains('-')))
                    .or(metas.first());
                let expected = match example {
                    Some(m) => format!(
                        "expected a rule (pack/id or id), a pack ({}) or a prefix of pack/id that ends at a `-` ({}/{})",
                        packs.join(", "),
                        m.pack,
                        m.id.split('-').next().unwrap_or(&m.id)
                    ),
                    None => {
                        "no pack is loaded (--no-default-rules, and no pack of the config's or \
                          --rules)"
                            .to_string()
                    }
                };
                let text = &sel.text;
                errors.push(if sel.flag {
                    let msg = format!("--{key} {text}: names no loaded rule{hint}: {expected}");
                    (None, Error::usage(msg))
                } else {
                    let msg = format!("`{key}`: `{text}` names no loaded rule{hint}: {expected}");
                    at_err(sel.offset, msg)
                });
            }
        }
        // The rules a config's `min` or `max` changed, by index in `rules`.
        let mut rebounded: Vec<(usize, Box<dyn Rule>)> = Vec::new();
        for c in &self.changes {
            let named: Vec<&&Arc<RuleMeta>> = metas.iter().filter(|m| c.names(m)).collect();
            let meta = match named[..] {
                [m] => m,
                [] if all_builtins.iter().any(|m| m.qualified == c.rule) => {
                    errors.push(at_err(
                        c.offset,
                        format!(
                            "`rules.\"{}\"` is a built-in rule: its severity, weight and bounds \
                             are fixed (see `pitchlint explain {}`)",
                            c.rule, c.rule
                        ),
                    ));
                    continue;
                }
                [] => {
                    errors.push(at_err(
                        c.offset,
                        format!(
                            "`rules.\"{}\"` names no loaded rule{}: expected one rule, as pack/id \
                             or an id that one pack has (see `pitchlint rules`)",
                            c.rule,
                            near_rules(&c.rule, &metas)
                        ),
                    ));
                    continue;
                }
                _ => {
                    let packs: Vec<String> =
                        named.iter().map(|m| format!("`{}`", m.qualified)).collect();
                    errors.push(at_err(
                        c.offset,
                        format!(
                            "`rules.\"{}\"` names rules in several packs ({}): write pack/id",
                            c.rule,
                            packs.join(", ")
                        ),
                    ));
                    continue;
                }
            };
            // Two tables of one rule (`rules."concise"` and `rules."research/concise"`) would
            // leave one of them unread, in an order the file does not show.
            if let Some(first) = self
                .changes
                .iter()
                .find(|o| o.offset < c.offset && o.names(meta))
            {
                errors.push(at_err(
                    c.offset,
                    format!(
                        "`rules.\"{}\"` and `rules.\"{}\"` both change `{}`: write one table",
                        first.rule, c.rule, meta.qualified
                    ),
                ));
                continue;
            }
            // A sign typo would turn a penalty into a reward (or back): the draft full of
            // buzzwords would score higher for them.
            if let Some(w) = c.weight
                && w != 0
                && meta.weight != 0
                && (w > 0) != (meta.weight > 0)
            {
                let (was, now, range) = if meta.weight < 0 {
                    ("penalty", "reward", "-100 to 0")
                } else {
                    ("reward", "penalty", "0 to 100")
                };
                errors.push(at_err(
                    c.weight_offset.or(c.offset),
                    format!(
                        "weight {w} would make `{}`, a {was} ({:+} in its pack), a {now}: \
                         expected a weight from {range} (0 counts nothing)",
                        meta.qualified, meta.weight
                    ),
                ));
                continue;
            }
            if !c.bounds.is_empty() {
                let at = rules.iter().position(|r| Arc::ptr_eq(r.meta(), meta));
                let bounded = at.and_then(|i| Some((i, rules[i].with_bounds(&c.bounds)?)));
                match bounded {
                    Some((i, Ok(rule))) => rebounded.push((i, rule)),
                    Some((_, Err(why))) => {
                        let at = c
                            .bound_offsets
                            .iter()
                            .find(|(p, k, _)| *p == why.profile && *k == why.key)
                            .map(|(_, _, at)| *at);
                        errors.push(at_err(
                            at.or(c.offset),
                            format!("`rules.\"{}\"`: {}", c.rule, why.message),
                        ));
                        continue;
                    }
                    None => {
                        errors.push(at_err(
                            c.bound_offsets.first().map(|(_, _, at)| *at).or(c.offset),
                            format!(
                                "`rules.\"{}\"`: `min` and `max` apply to metric and occurrence \
                                 rules, and `{}` is {} {} rule: it has no bounds to change",
                                c.rule,
                                meta.qualified,
                                crate::rule::article(meta.kind),
                                meta.kind
                            ),
                        ));
                        continue;
                    }
                }
            }
            // A reward fails no file: as in a pack, it cannot be an error or a warning.
            let weight = c.weight.unwrap_or(meta.weight);
            if let Some(s) = c.severity.filter(|&s| weight > 0 && s != Severity::Info) {
                errors.push(at_err(
                    c.offset,
                    format!(
                        "severity {} for `{}`, a reward ({weight:+}): a reward fails no file; \
                         leave its severity, or turn it off with weight = 0",
                        s.as_str(),
                        meta.qualified
                    ),
                ));
            }
        }
        errors.sort_by_key(|(offset, _)| *offset);
        if let Some(e) = Error::first_of(errors.into_iter().map(|(_, e)| e).collect()) {
            return Err(e);
        }
        if self.is_empty() {
            return Ok(rules);
        }
        let mut kept: Vec<Box<dyn Rule>> = Vec::with_capacity(rules.len());
        let mut dropped: Vec<Box<dyn Rule>> = Vec::new();
        for (i, mut rule) in rules.into_iter().enumerate() {
            // (One change a rule at most: two tables of one rule are an error above.)
            if let Some(at) = rebounded.iter().position(|(r, _)| *r == i) {
                rule = rebounded.swap_remove(at).1;
            }
            let meta = rule.meta();
            if !enabled(meta, self.select.as_deref(), &self.ignore) {
                dropped.push(rule);
                continue;
            }
            let change = self.changes.iter().find(|c| c.names(meta));
            match change {
                None => kept.push(rule),
                Some(c) => {
                    let mut m = RuleMeta::clone(meta);
                    if let Some(s) = c.severity {
                        m.severity = s;
                    }
                    // The team's weight is the rule's in every profile.
                    if let Some(w) = c.weight {
                        m.weight = w;
                        m.profile_weights = [None; 3];
                    }
                    kept.push(Box::new(Adjusted {
                        inner: rule,
                        meta: Arc::new(m),
                    }));
                }
            }
        }
        // A rule left out is still checked: its patterns must compile, as when it is kept (a
        // broken pack never passes). Only the few rules left out are compiled for that.
        if !dropped.is_empty() {
            crate::check::Linter::from_rules(dropped)?;
        }
        Ok(kept)
    }
}

/// The `pack/id` that `text` most likely misspells, by `pack/id` or by bare id.
pub(crate) fn closest_rule<'a>(text: &str, metas: &[&'a Arc<RuleMeta>]) -> Option<&'a str> {
    let ids = metas.iter().map(|m| m.qualified.as_str());
    crate::error::closest(text, ids).or_else(|| {
        let id = crate::error::closest(text, metas.iter().map(|m| m.id.as_str()))?;
        metas
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.qualified.as_str())
    })
}

/// " (did you mean `seed/partner-close`, …?)" for a selector that names no rule: the rules
/// whose id holds it, or the one it most likely misspells; empty when there is none.
pub(crate) fn near_rules(text: &str, metas: &[&Arc<RuleMeta>]) -> String {
    let lower = text.to_lowercase();
    // The start of a pack's name (`sale`): the packs it starts.
    let mut near: Vec<&str> = metas
        .iter()
        .filter(|m| !lower.contains('/') && m.pack.to_lowercase().starts_with(&lower))
        .map(|m| m.pack.as_str())
        .collect();
    near.dedup();
    // A misspelt pack (`teams`).
    if near.is_empty() && !lower.contains('/') {
        let mut packs: Vec<&str> = metas.iter().map(|m| m.pack.as_str()).collect();
        packs.dedup();
        near.extend(crate::error::closest(&lower, packs));
    }
    if near.is_empty() {
        near = metas
            .iter()
            .filter(|m| m.qualified.to_lowercase().contains(&lower))
            .map(|m| m.qualified.as_str())
            .collect();
    }
    if near.is_empty() {
        near.extend(closest_rule(&lower, metas));
    }
    if near.is_empty() {
        return String::new();
    }
    let shown: Vec<String> = near.iter().take(4).map(|n| format!("`{n}`")).collect();
    let more = if near.len() > 4 { ", …" } else { "" };
    format!(" (did you mean {}{more}?)", shown.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Scope;

    fn meta(pack: &str, id: &str) -> RuleMeta {
        RuleMeta {
            pack: pack.into(),
            id: id.into(),
            qualified: format!("{pack}/{id}"),
            kind: "phrase",
            message: "m".into(),
            weight: -1,
            profile_weights: [None; 3],
            severity: Severity::Warning,
            scope: Scope::DEFAULT,
            except: Scope::NONE,
            profiles: crate::profile::Profiles::ALL,
            needs: Vec::new(),
            suggest: None,
            rationale: Default::default(),
            examples: Default::default(),
            source: "t.toml".into(),
        }
    }

    fn sels(list: &[&str]) -> Vec<Selector> {
        list.iter()
            .map(|s| Selector {
                text: s.to_string(),
                offset: None,
                flag: false,
            })
            .collect()
    }

    /// A rule the config adjusted still runs where its kind does (before the measures are
    /// freed): a missing forward made an overridden metric rule measure a long draft again.
    #[test]
    fn an_adjusted_rule_reads_the_measures_its_rule_reads() {
        let rules = crate::check::compile_rules(&crate::pack::default_sources()).unwrap();
        let reads: Vec<bool> = rules.iter().map(|r| r.reads_measures()).collect();
        assert!(reads.contains(&true) && reads.contains(&false));
        for (rule, expected) in rules.into_iter().zip(reads) {
            let meta = Arc::clone(rule.meta());
            let adjusted = Adjusted { inner: rule, meta };
            assert_eq!(
                adjusted.reads_measures(),
                expected,
                "{}",
                adjusted.meta.qualified
            );
        }
    }
    #[test]
    fn the_start_of_a_pack_name_suggests_the_pack() {
        let (a, b, c) = (
            Arc::new(meta("sales", "buzzwords")),
            Arc::new(meta("sales", "cliches")),
            Arc::new(meta("seed", "partner-talk")),
        );
        let metas = [&a, &b, &c];
        assert_eq!(near_rules("sale", &metas), " (did you mean `sales`?)");
        assert_eq!(near_rules("s", &metas), " (did you mean `sales`, `seed`?)");
        assert_eq!(
            near_rules("partner", &metas),
            " (did you mean `seed/partner-talk`?)"
        );
    }

    #[test]
    fn more_specific_selector_wins() {
        let m = meta("sales", "buzzwords");
        let p = meta("seed", "partner-talk-often");
        assert!(enabled(&m, None, &[]));
        assert!(!enabled(&m, None, &sels(&["sales"])));
        assert!(enabled(
            &m,
            Some(&sels(&["sales/buzzwords"])),
            &sels(&["sales"])
        ));
        assert!(!enabled(
            &p,
            Some(&sels(&["seed"])),
            &sels(&["seed/partner"])
        ));
        assert!(enabled(
            &p,
            Some(&sels(&["seed/partner-talk"])),
            &sels(&["seed/partner"])
        ));
        assert!(!enabled(&m, Some(&sels(&["seed"])), &[]));
        // A prefix names a pack and the first words of ids, whole: a prefix of a pack's name
        // alone is none, and so is one that ends inside a word (a typo would name a rule).
        assert!(enabled(&p, Some(&sels(&["seed/partner"])), &[]));
        assert!(enabled(&p, Some(&sels(&["seed/partner-"])), &[]));
        assert!(enabled(&p, Some(&sels(&["seed/"])), &[]));
        assert!(!enabled(&p, Some(&sels(&["seed/part"])), &[]));
        assert!(!enabled(&m, Some(&sels(&["sales/buzzword"])), &[]));
        assert!(!enabled(&m, Some(&sels(&["sales/b"])), &[]));
        assert!(!enabled(&m, Some(&sels(&["sa"])), &[]));
        assert!(enabled(&m, None, &sels(&["sale"])));
        // A tie goes to ignore.
        assert!(!enabled(&m, Some(&sels(&["sales"])), &sels(&["sales"])));
        assert!(!enabled(&m, None, &sels(&["buzzwords"])));
    }
}
