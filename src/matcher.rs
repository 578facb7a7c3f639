//! One matcher for every phrase and pattern of every loaded pack, compiled once per run.
//!
//! Each distinct pattern becomes one pattern of a multi-pattern [`meta::Regex`] (the engine
//! under the `regex` crate), so the text is scanned once whatever the number of rules. A scan
//! finds the leftmost match; a second, anchored check at that position finds every other
//! pattern that also starts there, so overlapping rules all see their hits. Then the scan
//! goes on one character later.
//!
//! Phrases use ASCII word boundaries (`(?-u:\b)`), which keep the lazy DFA working on
//! non-ASCII text; a phrase match that touches a non-ASCII letter on either side is rejected
//! here instead.

use std::ops::Range;

use regex_automata::meta::Regex;
use regex_automata::{Anchored, Input, MatchKind, PatternID};

use crate::rule::{PatternSpec, Rule};

/// A match of one rule's pattern: `rule` indexes the rule list, `pattern` that rule's
/// [`Rule::patterns`], `span` is a byte span of the lintable view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index of the rule in the list the matcher was built from.
    pub rule: u32,
    /// Index into that rule's patterns.
    pub pattern: u32,
    /// Byte span in the view.
    pub span: Range<usize>,
}

/// Why the matcher could not be built: which rule's pattern, and the engine's reason.
#[derive(Debug)]
pub struct MatcherError {
    /// Index of the rule.
    pub rule: usize,
    /// The reason, on one line.
    pub message: String,
}

/// The compiled matcher.
#[derive(Debug)]
pub struct Matcher {
    /// The patterns in groups, each compiled into one regex: see [`Group`].
    groups: Vec<Group>,
    specs: Vec<PatternSpec>,
    /// For each distinct pattern, the (rule, local pattern) pairs that declared it.
    owners: Vec<Vec<(u32, u32)>>,
}

/// Size limits that keep a hostile pack from exhausting memory.
const NFA_SIZE_LIMIT: usize = 64 << 20;

/// The most memory the lazy DFA may use; it grows only as states are built.
const HYBRID_CACHE: usize = 64 << 20;

impl Matcher {
    /// Compile every pattern of `rules` into one matcher.
    pub fn new(rules: &[Box<dyn Rule>]) -> Result<Self, MatcherError> {
        let mut specs: Vec<PatternSpec> = Vec::new();
        let mut owners: Vec<Vec<(u32, u32)>> = Vec::new();
        let mut first_rule: Vec<usize> = Vec::new();
        let mut index = std::collections::HashMap::new();
        for (ri, rule) in rules.iter().enumerate() {
            for (pi, spec) in rule.patterns().iter().enumerate() {
                let id = *index.entry(spec.clone()).or_insert_with(|| {
                    specs.push(spec.clone());
                    owners.push(Vec::new());
                    first_rule.push(ri);
                    specs.len() - 1
                });
                owners[id].push((ri as u32, pi as u32));
            }
        }
        // Patterns with Unicode word boundaries (`\b` in a user's regex) make the lazy DFA
        // give up on the first non-ASCII byte, and the whole regex then runs on the slow
        // PikeVM (300× slower on our corpus). They get a regex of their own, so that the rest
        // keeps the fast engine.
        let slow: Vec<bool> = specs.iter().map(|s| needs_slow_engine(&s.regex)).collect();
        let mut groups = Vec::new();
        for want_slow in [false, true] {
            let ids: Vec<u32> = (0..specs.len())
                .filter(|&i| slow[i] == want_slow)
                .map(|i| i as u32)
                .collect();
            if ids.is_empty() {
                continue;
            }
            let sub: Vec<PatternSpec> = ids.iter().map(|&i| specs[i as usize].clone()).collect();
            let rules: Vec<usize> = ids.iter().map(|&i| first_rule[i as usize]).collect();
            groups.push(Group {
                re: build(&sub, MatchKind::LeftmostFirst, &rules)?,
                by_first_byte: first_bytes(&sub),
                ids,
            });
        }
        Ok(Matcher {
            groups,
            specs,
            owners,
        })
    }

    /// The number of distinct patterns.
    pub fn len(&self) -> usize {
        self.specs.len()
    }

    /// Whether there is no pattern at all.
    pub fn is_empty(&self) -> bool {
        self.specs.is_empty()
    }

    /// Push every hit in `text`, sorted by start, then by rule.
    ///
    /// A long text is cut into pieces scanned on all cores. That gives the same hits as one
    /// scan: whether a pattern matches at a position does not depend on where the scan began
    /// (look-around sees the whole text), so each piece yields the candidates that start in
    /// it, and one ordered pass then drops a pattern's hits that overlap its previous one.
    pub fn find_all(&self, text: &str, out: &mut Vec<Hit>) {
        self.find_all_in(text, out, PIECE_MIN);
    }

    fn find_all_in(&self, text: &str, out: &mut Vec<Hit>, piece_min: usize) {
        if self.groups.is_empty() {
            return;
        }
        let pieces = pieces(text, rayon::current_num_threads().max(2), piece_min);
        let cands: Vec<Vec<Cand>> = if pieces.len() <= 1 {
            vec![self.scan_groups(text, 0, text.len() + 1)]
        } else {
            use rayon::prelude::*;
            pieces
                .par_iter()
                .map(|r| self.scan_groups(text, r.start, r.end))
                .collect()
        };
        // Per pattern, where its last hit ended: a pattern's own hits never overlap, as with
        // `find_iter`; only different patterns may overlap.
        let mut last_end = vec![0usize; self.specs.len()];
        let mut group_start = out.len();
        let mut group_at = usize::MAX;
        for c in cands.iter().flatten() {
            if c.start != group_at {
                out[group_start..].sort_by_key(|h| (h.rule, h.pattern));
                group_start = out.len();
                group_at = c.start;
            }
            let pid = c.pattern as usize;
            if c.start < last_end[pid] {
                continue;
            }
            last_end[pid] = c.end;
            for &(rule, pattern) in &self.owners[pid] {
                out.push(Hit {
                    rule,
                    pattern,
                    span: c.start..c.end,
                });
            }
        }
        out[group_start..].sort_by_key(|h| (h.rule, h.pattern));
    }

    /// Every candidate match that starts in `from..to` (`to` may be `text.len() + 1`), with
    /// every pattern that matches at that start; phrase matches inside a word are dropped.
    fn scan_groups(&self, text: &str, from: usize, to: usize) -> Vec<Cand> {
        let mut all = Vec::new();
        for g in &self.groups {
            all.extend(self.scan(g, text, from, to));
        }
        if self.groups.len() > 1 {
            all.sort_by_key(|c| (c.start, c.pattern));
        }
        all
    }

    fn scan(&self, g: &Group, text: &str, from: usize, to: usize) -> Vec<Cand> {
        let re = &g.re;
        let mut out = Vec::new();
        let mut at = from;
        let push = |out: &mut Vec<Cand>, pid: usize, s: usize, end: usize| {
            if !self.specs[pid].words || unicode_bounded(text, s, end) {
                out.push(Cand {
                    pattern: pid as u32,
                    start: s,
                    end,
                });
            }
        };
        while at < to && at <= text.len() {
            let Some(m) = re.search(&Input::new(text).range(at..)) else {
                break;
            };
            let s = m.start();
            if s >= to || s >= text.len() {
                break;
            }
            let before = out.len();
            let first = m.pattern();
            push(&mut out, g.ids[first.as_usize()] as usize, s, m.end());
            for &pid in &g.by_first_byte[usize::from(text.as_bytes()[s])] {
                let pid = PatternID::new_unchecked(pid as usize);
                if pid == first {
                    continue;
                }
                let input = Input::new(text).range(s..).anchored(Anchored::Pattern(pid));
                if let Some(x) = re.search(&input) {
                    push(&mut out, g.ids[pid.as_usize()] as usize, s, x.end());
                }
            }
            // Hits at one start go out by pattern, as a set would list them.
            out[before..].sort_by_key(|c| c.pattern);
            at = s + text[s..].chars().next().map_or(1, char::len_utf8);
        }
        out
    }
}

/// Some of the patterns, compiled into one multi-pattern regex.
#[derive(Debug)]
struct Group {
    re: Regex,
    /// For each first byte, the group's patterns (local ids) whose matches can start with it.
    by_first_byte: Vec<Vec<u32>>,
    /// Local pattern id → index into the matcher's distinct patterns.
    ids: Vec<u32>,
}

/// Whether a pattern has a Unicode word boundary, which the lazy DFA cannot run on non-ASCII
/// text.
fn needs_slow_engine(regex: &str) -> bool {
    regex_automata::util::syntax::parse(regex)
        .is_ok_and(|hir| hir.properties().look_set().contains_word_unicode())
}

/// A candidate match of one distinct pattern, before overlap filtering.
#[derive(Clone, Copy, Debug)]
struct Cand {
    pattern: u32,
    start: usize,
    end: usize,
}

/// Texts shorter than this are scanned in one piece: splitting costs more than it saves.
const PIECE_MIN: usize = 4 << 20;

/// Cut `text` into up to `n` pieces of at least [`PIECE_MIN`] bytes, on character
/// boundaries; the last piece ends at `text.len() + 1` so that a match at the very end is seen.
fn pieces(text: &str, n: usize, piece_min: usize) -> Vec<Range<usize>> {
    let n = n.min(text.len() / piece_min.max(1)).max(1);
    let mut out = Vec::with_capacity(n);
    let mut start = 0;
    for i in 1..n {
        let mut cut = text.len() / n * i;
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        if cut > start {
            out.push(start..cut);
            start = cut;
        }
    }
    out.push(start..text.len() + 1);
    out
}

fn build(
    specs: &[PatternSpec],
    kind: MatchKind,
    first_rule: &[usize],
) -> Result<Regex, MatcherError> {
    let regexes: Vec<&str> = specs.iter().map(|s| s.regex.as_str()).collect();
    let cfg = Regex::config()
        .match_kind(kind)
        .nfa_size_limit(Some(NFA_SIZE_LIMIT))
        // Big packs make big DFA states: with the default 2 MiB cache the lazy DFA gives up
        // and the slow PikeVM scans instead (10,000 phrases: seconds for a 3 KB draft).
        .hybrid_cache_capacity(HYBRID_CACHE);
    Regex::builder()
        .configure(cfg.clone())
        .build_many(&regexes)
        .map_err(|e| {
            let culprit = e.pattern().map(|p: PatternID| p.as_usize()).or_else(|| {
                // A size limit names no pattern: find the one that is too large on its own.
                // This only runs on the error path.
                regexes
                    .iter()
                    .position(|r| Regex::builder().configure(cfg.clone()).build(r).is_err())
            });
            let message = match e.size_limit() {
                Some(limit) if culprit.is_some() => {
                    format!("pattern is too large to compile (over the {limit}-byte limit)")
                }
                Some(limit) => format!(
                    "the patterns of all rules together are too large to compile (over the \
                     {limit}-byte limit); split the packs or remove rules"
                ),
                None => e
                    .to_string()
                    .lines()
                    .map(str::trim)
                    .collect::<Vec<_>>()
                    .join(" "),
            };
            // With no single culprit, name the last rule: the one that went over the limit.
            let rule = culprit.map_or(first_rule.last().copied().unwrap_or(0), |p| first_rule[p]);
            MatcherError { rule, message }
        })
}

/// For each byte, the patterns that may match starting with it: from each pattern's literal
/// prefixes when they are known, else every byte.
fn first_bytes(specs: &[PatternSpec]) -> Vec<Vec<u32>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let mut by_byte = vec![Vec::new(); 256];
    for (pid, spec) in specs.iter().enumerate() {
        let mut bytes = [false; 256];
        let known = regex_automata::util::syntax::parse(&spec.regex)
            .ok()
            .and_then(|hir| {
                let seq = Extractor::new().kind(ExtractKind::Prefix).extract(&hir);
                let lits = seq.literals()?;
                for lit in lits {
                    bytes[usize::from(*lit.as_bytes().first()?)] = true;
                }
                Some(())
            });
        for (b, list) in by_byte.iter_mut().enumerate() {
            if known.is_none() || bytes[b] {
                list.push(pid as u32);
            }
        }
    }
    by_byte
}

/// Whether `text[s..e]` does not continue a word on either side (Unicode letters and digits).
fn unicode_bounded(text: &str, s: usize, e: usize) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let first = text[s..].chars().next();
    let last = text[..e].chars().next_back();
    let prev = text[..s].chars().next_back();
    let next = text[e..].chars().next();
    let starts_in_word = first.is_some_and(is_word) && prev.is_some_and(is_word);
    let ends_in_word = last.is_some_and(is_word) && next.is_some_and(is_word);
    !(starts_in_word || ends_in_word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::PackSource;

    fn rules(toml: &str) -> Vec<Box<dyn Rule>> {
        let src = PackSource {
            path: "t.toml".into(),
            text: format!("[pack]\nname = \"t\"\n{toml}"),
        };
        crate::rule::compile_pack(&src).unwrap()
    }

    fn hits(toml: &str, text: &str) -> Vec<(u32, String)> {
        let rules = rules(toml);
        let m = Matcher::new(&rules).unwrap();
        let mut out = Vec::new();
        m.find_all(text, &mut out);
        out.into_iter()
            .map(|h| (h.rule, text[h.span].to_string()))
            .collect()
    }

    const TWO: &str = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nphrases = [\"partner*\"]\n\
                       [[rule]]\nid = \"b\"\nmessage = \"m\"\nweight = -1\nphrases = [\"partner with you\"]\n";

    #[test]
    fn overlapping_rules_both_fire() {
        assert_eq!(
            hits(TWO, "We partner with you."),
            [(0, "partner".into()), (1, "partner with you".into())]
        );
    }

    #[test]
    fn every_occurrence_is_found() {
        assert_eq!(hits(TWO, "partners and PARTNERSHIP").len(), 2);
    }

    #[test]
    fn non_ascii_letters_are_word_characters() {
        assert!(hits(TWO, "épartner").is_empty());
        assert!(hits(TWO, "partneré").is_empty());
        assert_eq!(hits(TWO, "«partner»").len(), 1);
        let t = "[[rule]]\nid = \"c\"\nmessage = \"m\"\nweight = -1\nphrases = [\"café\"]\n";
        assert_eq!(hits(t, "un café noir").len(), 1);
        assert!(hits(t, "cafés").is_empty());
    }

    #[test]
    fn identical_patterns_are_compiled_once() {
        let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nphrases = [\"synergy\"]\n\
                 [[rule]]\nid = \"b\"\nmessage = \"m\"\nweight = -1\nphrases = [\"synergy\"]\n";
        let r = rules(t);
        assert_eq!(Matcher::new(&r).unwrap().len(), 1);
        assert_eq!(
            hits(t, "synergy"),
            [(0, "synergy".into()), (1, "synergy".into())]
        );
    }

    #[test]
    fn pieces_find_what_one_scan_finds() {
        let r = rules(TWO);
        let m = Matcher::new(&r).unwrap();
        let t = "!!partner with you; partners é partner\u{e9} «partner» ".repeat(50);
        let mut one = Vec::new();
        m.find_all_in(&t, &mut one, usize::MAX);
        assert!(one.len() > 100);
        for min in [1, 7, 64, 1000] {
            let mut many = Vec::new();
            m.find_all_in(&t, &mut many, min);
            assert_eq!(one, many, "pieces of at least {min} bytes");
        }
        let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\npattern = '!{2,}'\n";
        let r = rules(t);
        let m = Matcher::new(&r).unwrap();
        let text = "!!!!!!!! a !!!! b".repeat(20);
        let mut one = Vec::new();
        m.find_all_in(&text, &mut one, usize::MAX);
        for min in [1, 3, 5] {
            let mut many = Vec::new();
            m.find_all_in(&text, &mut many, min);
            assert_eq!(one, many, "pieces of at least {min} bytes");
        }
    }

    #[test]
    fn overlaps_are_found_whatever_the_prefixes() {
        let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\npattern = '[a-z]+ing'\n\
                 [[rule]]\nid = \"b\"\nmessage = \"m\"\nweight = -1\nphrases = [\"testing\"]\n\
                 [[rule]]\nid = \"c\"\nmessage = \"m\"\nweight = -1\nphrases = [\"test*\"]\n";
        assert_eq!(
            hits(t, "Testing, testing."),
            [
                (0, "Testing".into()),
                (1, "Testing".into()),
                (2, "Testing".into()),
                (0, "testing".into()),
                (1, "testing".into()),
                (2, "testing".into()),
            ]
        );
    }

    #[test]
    fn unicode_boundary_patterns_run_apart_and_still_overlap() {
        let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\npattern = '\\bdemo\\b'\n\
                 [[rule]]\nid = \"b\"\nmessage = \"m\"\nweight = -1\nphrases = [\"demo*\"]\n";
        let r = rules(t);
        let m = Matcher::new(&r).unwrap();
        assert_eq!(m.groups.len(), 2);
        assert_eq!(
            hits(t, "« demo » démo demos"),
            [(0, "demo".into()), (1, "demo".into()), (1, "demos".into())]
        );
    }

    #[test]
    fn a_too_large_pattern_names_its_rule() {
        let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nphrases = [\"fine\"]\n\
                 [[rule]]\nid = \"b\"\nmessage = \"m\"\nweight = -1\npattern = '(?:\\w{100}){100}x'\n";
        let e = Matcher::new(&rules(t)).unwrap_err();
        assert_eq!(e.rule, 1);
        assert!(e.message.contains("too large"), "{}", e.message);
    }

    #[test]
    fn user_regexes_keep_their_meaning() {
        let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\npattern = '!{2,}'\n";
        assert_eq!(hits(t, "Wow!!! ok!"), [(0, "!!!".into())]);
    }
}
