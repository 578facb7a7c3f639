//! Check: run every rule over a document, with one matcher pass, and collect findings.
//!
//! Data flow: packs → rules → [`Linter`] (rules + the one compiled [`Matcher`]). For each
//! document: one matcher pass over the view → hits grouped by rule → each rule's
//! [`Rule::check`] → findings sorted by span.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::document::{Document, PARALLEL_FROM};
use crate::error::{Error, ErrorKind, Result};
use crate::matcher::{Hit, Matcher};
use crate::metrics::Store;
use crate::pack::PackSource;
use crate::profile::Profile;
use crate::rule::{self, Context, Finding, Rule, RuleMeta, Shared};

/// Every loaded rule and the matcher compiled from them: built once per run.
#[derive(Debug)]
pub struct Linter {
    rules: Vec<Box<dyn Rule>>,
    /// For a rule whose pack weighs it differently by profile, its metadata in each profile
    /// (by [`Profile::index`]): the findings' rule, with that profile's weight.
    by_profile: Vec<Option<[Arc<RuleMeta>; 3]>>,
    matcher: Matcher,
    profile: Profile,
    /// Rules the packs define that a selection turned off (`--ignore`, `select`): a
    /// suppression comment may still name them.
    off: Vec<Arc<RuleMeta>>,
}

/// Compile the rules of these packs, in load order, without the matcher (so that a
/// selection can drop rules before it is built once).
pub fn compile_rules(sources: &[PackSource]) -> Result<Vec<Box<dyn Rule>>> {
    let mut rules = Vec::new();
    let mut packs: HashMap<String, &PackSource> = HashMap::new();
    // Packs compile on all cores (start-up is felt on every draft); errors and name
    // clashes are then reported in load order, as if one by one.
    let compiled: Vec<Result<Vec<Box<dyn Rule>>>> =
        sources.par_iter().map(rule::compile_pack).collect();
    // Every broken pack is reported, each of its mistakes a line, in load order (a folder of
    // packs with three broken ones names all three).
    let mut errors = Vec::new();
    for (src, pack_rules) in sources.iter().zip(compiled) {
        let pack_rules = match pack_rules {
            Ok(rules) => rules,
            Err(e) => {
                errors.extend(e.into_all());
                continue;
            }
        };
        // A pack's name is its rules'; a pack without rules (rare) is read again for it, as
        // two packs of one name are an error whatever they hold.
        let name = match pack_rules.first() {
            Some(first) => Some(first.meta().pack.clone()),
            None => src.parse().ok().map(|def| def.pack.name.get_ref().clone()),
        };
        if let Some(name) = name {
            // The first pack of the name is the one named (a third is named against it too).
            if let Some(&prev) = packs.get(&name) {
                let message = format!(
                    "pack name `{name}` is already used by {}: rule ids would collide; rename \
                     one of them",
                    prev.path.display()
                );
                // At the `name` of the second pack (read again: this is the rare error path),
                // among the other packs' errors.
                errors.push(match src.parse() {
                    Ok(def) => src.error_at(def.pack.name.span().start, message),
                    Err(_) => Error::file(ErrorKind::Config, &src.path, message),
                });
                continue;
            }
            packs.insert(name, src);
        }
        rules.extend(pack_rules);
    }
    match Error::first_of(errors) {
        Some(e) => Err(e),
        None => Ok(rules),
    }
}

impl Linter {
    /// Load and validate every pack, then compile the matcher. Nothing is linted with half a
    /// pack: an invalid pack is an error (every invalid pack's mistakes, in load order).
    pub fn new(sources: &[PackSource]) -> Result<Linter> {
        Linter::build(compile_rules(sources)?, sources)
    }

    /// Compile the matcher over already-built rules.
    pub fn from_rules(rules: Vec<Box<dyn Rule>>) -> Result<Linter> {
        Linter::build(rules, &[])
    }

    /// Compile the matcher over `rules`; an error names the rule's pattern (or phrases) at
    /// its line and column when the rule comes from one of `sources`.
    pub fn build(rules: Vec<Box<dyn Rule>>, sources: &[PackSource]) -> Result<Linter> {
        let matcher = Matcher::new(&rules).map_err(|e| {
            let meta = rules[e.rule].meta();
            let message = format!("rule `{}`: {}", meta.id, e.message);
            // The rare error path: the pack is read again for the place of the rule's pattern.
            let at = sources
                .iter()
                .find(|s| s.path == meta.source)
                .and_then(|src| {
                    let def = src.parse().ok()?;
                    let rule = def
                        .rule
                        .iter()
                        .find(|r| *r.get_ref().id.get_ref() == meta.id)?;
                    let r = rule.get_ref();
                    let at = r
                        .pattern
                        .as_ref()
                        .map(|p| p.span().start)
                        .or_else(|| r.phrases.as_ref().map(|p| p.span().start))
                        .unwrap_or(r.id.span().start);
                    Some((src, at))
                });
            match at {
                Some((src, at)) => src.error_at(at, message),
                None => Error::file(ErrorKind::Config, &meta.source, message),
            }
        })?;
        let by_profile = rules
            .iter()
            .map(|r| {
                let m = r.meta();
                m.weighs_by_profile()
                    .then(|| Profile::ALL.map(|(p, _)| Arc::new(m.in_profile(p))))
            })
            .collect();
        Ok(Linter {
            rules,
            by_profile,
            matcher,
            profile: Profile::default(),
            off: Vec::new(),
        })
    }

    /// This linter, knowing the rules of its packs that a selection turned off.
    pub fn with_off(mut self, off: Vec<Arc<RuleMeta>>) -> Linter {
        self.off = off;
        self
    }

    /// The rules of its packs that a selection turned off (see [`Linter::with_off`]).
    pub fn off(&self) -> &[Arc<RuleMeta>] {
        &self.off
    }

    /// The metadata of every loaded rule, in load order.
    pub fn rules(&self) -> impl Iterator<Item = &Arc<RuleMeta>> {
        self.rules.iter().map(|r| r.meta())
    }

    /// A linter with only the rules for which `keep` is true (for running one rule's examples).
    pub fn retain(self, keep: impl Fn(&RuleMeta) -> bool) -> Result<Linter> {
        let profile = self.profile;
        let off = self.off;
        let rules = self.rules.into_iter().filter(|r| keep(r.meta())).collect();
        Ok(Linter::from_rules(rules)?
            .with_profile(profile)
            .with_off(off))
    }

    /// The profile that [`Linter::check`] uses (default: first-touch).
    pub fn with_profile(mut self, profile: Profile) -> Linter {
        self.profile = profile;
        self
    }

    /// The profile that [`Linter::check`] uses.
    pub fn profile(&self) -> Profile {
        self.profile
    }

    /// The rules, to rebuild a linter from them (config overrides: see
    /// [`crate::config::select`]).
    pub fn into_rules(self) -> Vec<Box<dyn Rule>> {
        self.rules
    }

    /// The run will lint about `total` bytes of files (see [`Matcher::expect_text`]).
    pub fn expect_text(&self, total: u64) {
        self.matcher.expect_text(total);
    }

    /// Every finding in `doc`, sorted by position, then by rule id.
    pub fn check(&self, doc: &Document) -> Vec<Finding> {
        self.check_as(doc, self.profile)
    }

    /// Every finding in `doc` for a message of kind `profile`.
    pub fn check_as(&self, doc: &Document, profile: Profile) -> Vec<Finding> {
        self.check_in_parallel(doc, profile, false)
    }

    /// [`Linter::check_as`]; `spare_cores` says that no other file is being linted, so that
    /// even a short draft measures its parts beside the matcher.
    pub fn check_in_parallel(
        &self,
        doc: &Document,
        profile: Profile,
        spare_cores: bool,
    ) -> Vec<Finding> {
        // Below [`PARALLEL_FROM`], a draft among others would wake a thread for less than it
        // costs, and may need only some of its parts measured.
        self.check_with(
            doc,
            profile,
            spare_cores || doc.text().len() >= PARALLEL_FROM,
        )
    }

    fn check_with(&self, doc: &Document, profile: Profile, prefill: bool) -> Vec<Finding> {
        let mut hits: Vec<Hit> = Vec::new();
        let shared = if !prefill {
            self.matcher.find_all(doc.text(), &mut hits);
            Shared::new(profile)
        } else {
            // A long document (or the run's only one): while the matcher runs, the other cores
            // measure every part and key every paragraph and sentence, which the rules would
            // otherwise compute one by one after it.
            let ((), ((parts, sentence_keys), keys)) = rayon::join(
                || self.matcher.find_all(doc.text(), &mut hits),
                || {
                    rayon::join(
                        || {
                            let parts = Store::measure_all(doc);
                            let keys = rule::repetition::sentence_keys(doc, &parts);
                            (parts, keys)
                        },
                        || rule::repetition::paragraph_keys(doc),
                    )
                },
            );
            Shared::prefilled(profile, Store::with_parts(parts), keys, sentence_keys)
        };
        // The matcher gives at most one hit per (rule, pattern) at a start, in pattern order:
        // with the pattern in the key, the order is total, and an unstable sort (no scratch
        // space) gives what a stable sort by (rule, start) would.
        // A long document's are sorted on all cores (a 1 GB file has 20 million).
        let key = |h: &Hit| (h.rule, h.span.start, h.pattern);
        if prefill {
            hits.par_sort_unstable_by_key(key);
        } else {
            hits.sort_unstable_by_key(key);
        }
        // Each rule's hits: `hits[mine[i]..mine[i + 1]]`.
        let mut mine = Vec::with_capacity(self.rules.len() + 1);
        mine.push(0);
        for i in 0..self.rules.len() {
            let from = mine[i];
            let n = hits[from..]
                .iter()
                .take_while(|h| h.rule as usize == i)
                .count();
            mine.push(from + n);
        }
        // The rules that read the measures run first, then the measures are freed; then the
        // rules with hits, then the hits are freed; then the rest. A long document's findings
        // (a 100 MB one has three million) then grow while less else is held. The order of the
        // findings is the sort's below, whatever order the rules ran in.
        let mut shared = shared;
        let mut out = Vec::new();
        let run = |i: usize, shared: &Shared, hits: &[Hit], out: &mut Vec<Finding>| {
            let rule = &self.rules[i];
            let meta = self.by_profile[i]
                .as_ref()
                .map_or(rule.meta(), |m| &m[profile.index()]);
            let cx = Context::new(doc, meta, shared);
            rule.check(&cx, hits, out);
        };
        let (measuring, others): (Vec<usize>, Vec<usize>) =
            (0..self.rules.len()).partition(|&i| self.rules[i].reads_measures());
        for &i in &measuring {
            run(i, &shared, &hits[mine[i]..mine[i + 1]], &mut out);
        }
        shared.drop_measures();
        let (with_hits, without): (Vec<usize>, Vec<usize>) =
            others.into_iter().partition(|&i| mine[i] < mine[i + 1]);
        for &i in &with_hits {
            run(i, &shared, &hits[mine[i]..mine[i + 1]], &mut out);
        }
        drop(hits);
        for &i in &without {
            run(i, &shared, &[], &mut out);
        }
        drop(shared);
        drop_unmet_needs(&mut out);
        // An unstable sort needs no scratch space (a stable one takes half the findings
        // again: 1.2 times a long file's size). The message breaks the ties a stable sort
        // would leave in push order: two findings of one rule at one span (a measure's
        // several findings) differ in it, and findings alike in all four show the same.
        let order = |a: &Finding, b: &Finding| {
            (a.span.start, a.span.end, &a.rule.qualified, a.message()).cmp(&(
                b.span.start,
                b.span.end,
                &b.rule.qualified,
                b.message(),
            ))
        };
        // A long document's findings (a 10 MB one has 300,000) are sorted on all cores.
        if prefill {
            out.par_sort_unstable_by(order);
        } else {
            out.sort_unstable_by(order);
        }
        out
    }
}

/// Drop the findings of each rule whose `needs` names a rule with no finding among
/// `findings` (a reward for naming quality without a figure that shows it), until none is
/// left to drop: a rule may need one that needs another. [`Linter::check`] applies it, and
/// [`crate::lint_with`] again once suppressions, accepted terms and per-path `ignore` have
/// removed findings (a figure suppressed by a comment shows nothing).
pub fn drop_unmet_needs(findings: &mut Vec<Finding>) {
    if findings.iter().all(|f| f.rule.needs.is_empty()) {
        return;
    }
    loop {
        // The rules with findings, each once (a long draft has millions of findings, and a
        // pack some dozens of rules).
        let mut fired: Vec<&Arc<RuleMeta>> = Vec::new();
        for f in findings.iter() {
            if !fired.last().is_some_and(|r| Arc::ptr_eq(r, &f.rule))
                && !fired.iter().any(|r| Arc::ptr_eq(r, &f.rule))
            {
                fired.push(&f.rule);
            }
        }
        let unmet: Vec<*const RuleMeta> = fired
            .iter()
            .filter(|r| {
                !r.needs
                    .iter()
                    .all(|n| fired.iter().any(|g| g.qualified == *n))
            })
            .map(|r| Arc::as_ptr(r))
            .collect();
        if unmet.is_empty() {
            return;
        }
        findings.retain(|f| !unmet.contains(&Arc::as_ptr(&f.rule)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{self, Format};

    /// Measuring the parts and keying the paragraphs beside the matcher (as for a long
    /// document) finds exactly what computing them one by one, on first use, finds.
    #[test]
    fn prefilled_measures_find_the_same() {
        let linter = Linter::new(&crate::pack::default_sources()).unwrap();
        let mut text = String::new();
        for name in [
            "sample-pitch.txt",
            "essay.txt",
            "better-pitch.txt",
            "sample-pitch.txt",
        ] {
            let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
            text.push_str(&std::fs::read_to_string(path).unwrap());
            text.push_str("\n\n");
        }
        // A sentence repeated in another paragraph (its key computed ahead when prefilled).
        text.push_str("We ship every order within two days of the call. Ask us how.\n\n");
        text.push_str(
            "Our trucks run every night. We ship every order within two days of the call.\n\n",
        );
        let doc = document::read("all.md", text.into_bytes(), Format::Markdown).unwrap();
        let shown = |prefill| {
            let findings = linter.check_with(&doc, Profile::default(), prefill);
            findings
                .iter()
                .map(|f| {
                    format!(
                        "{} {:?} {:?} {}",
                        f.rule.qualified,
                        f.span,
                        f.message(),
                        f.strength
                    )
                })
                .collect::<Vec<_>>()
        };
        let (lazy, prefilled) = (shown(false), shown(true));
        assert_eq!(lazy, prefilled);
        // Both paths were exercised: a repeated paragraph, and a finding from a measure.
        assert!(
            lazy.iter()
                .any(|f| f.starts_with("research/repeated-paragraph"))
        );
        assert!(lazy.iter().any(|f| f.contains(" words")));
        assert!(
            lazy.iter()
                .any(|f| f.starts_with("research/repeated-sentence"))
        );
    }
}
