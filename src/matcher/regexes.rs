//! Regexes: every rule `pattern` (and any phrase that is no small set of strings) in one
//! multi-pattern [`meta::Regex`], the engine under the `regex` crate.
//!
//! A scan finds the leftmost match; a second, anchored check at that position finds every
//! other pattern that also starts there, so overlapping rules all see their hits. Then the
//! scan goes on one character later. Phrases use ASCII word boundaries (`(?-u:\b)`), which
//! keep the lazy DFA working on non-ASCII text; a phrase match that touches a non-ASCII letter
//! on either side is rejected here instead.

use regex_automata::meta::Regex;
use regex_automata::{Anchored, Input, MatchKind, PatternID};

use super::{Cand, MatcherError, unicode_bounded};

/// One regex to compile.
pub(super) struct Pattern {
    /// The source, flags included.
    pub regex: String,
    /// Whether matches must stand between Unicode word boundaries (phrases).
    pub words: bool,
    /// The distinct pattern it finds.
    pub pid: u32,
    /// The first rule that declared it, for errors.
    pub rule: usize,
}

/// Some of the patterns, compiled into one multi-pattern regex.
#[derive(Debug)]
pub(super) struct RegexGroup {
    re: Regex,
    /// For each first byte, the group's patterns (local ids) whose matches can start with it.
    by_first_byte: Vec<Vec<u32>>,
    /// Local pattern id → (distinct pattern, whole words).
    ids: Vec<(u32, bool)>,
}

/// Size limits that keep a hostile pack from exhausting memory.
const NFA_SIZE_LIMIT: usize = 64 << 20;

/// The most memory the lazy DFA may use; it grows only as states are built.
const HYBRID_CACHE: usize = 64 << 20;

impl RegexGroup {
    /// Compile the patterns: those with Unicode word boundaries (`\b` in a user's regex) make
    /// the lazy DFA give up on the first non-ASCII byte, and the whole regex then runs on the
    /// slow PikeVM (300× slower on our corpus). They get a regex of their own, so that the
    /// rest keeps the fast engine.
    pub(super) fn build_all(patterns: Vec<Pattern>) -> Result<Vec<RegexGroup>, MatcherError> {
        let slow: Vec<bool> = patterns
            .iter()
            .map(|p| needs_slow_engine(&p.regex))
            .collect();
        let mut groups = Vec::new();
        for want_slow in [false, true] {
            let sub: Vec<&Pattern> = patterns
                .iter()
                .zip(&slow)
                .filter(|(_, s)| **s == want_slow)
                .map(|(p, _)| p)
                .collect();
            if sub.is_empty() {
                continue;
            }
            groups.push(RegexGroup {
                re: build(&sub)?,
                by_first_byte: first_bytes(&sub),
                ids: sub.iter().map(|p| (p.pid, p.words)).collect(),
            });
        }
        Ok(groups)
    }

    /// Push a candidate for every pattern match that starts in `from..to`.
    pub(super) fn scan(&self, text: &str, from: usize, to: usize, out: &mut Vec<Cand>) {
        let re = &self.re;
        let mut at = from;
        let push = |out: &mut Vec<Cand>, local: usize, s: usize, end: usize| {
            let (pattern, words) = self.ids[local];
            if !words || unicode_bounded(text, s, end) {
                out.push(Cand {
                    pattern,
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
            let first = m.pattern();
            push(out, first.as_usize(), s, m.end());
            for &pid in &self.by_first_byte[usize::from(text.as_bytes()[s])] {
                let pid = PatternID::new_unchecked(pid as usize);
                if pid == first {
                    continue;
                }
                let input = Input::new(text).range(s..).anchored(Anchored::Pattern(pid));
                if let Some(x) = re.search(&input) {
                    push(out, pid.as_usize(), s, x.end());
                }
            }
            at = s + text[s..].chars().next().map_or(1, char::len_utf8);
        }
    }
}

/// Whether a pattern has a Unicode word boundary, which the lazy DFA cannot run on non-ASCII
/// text.
fn needs_slow_engine(regex: &str) -> bool {
    regex_automata::util::syntax::parse(regex)
        .is_ok_and(|hir| hir.properties().look_set().contains_word_unicode())
}

fn build(patterns: &[&Pattern]) -> Result<Regex, MatcherError> {
    let regexes: Vec<&str> = patterns.iter().map(|p| p.regex.as_str()).collect();
    let cfg = Regex::config()
        .match_kind(MatchKind::LeftmostFirst)
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
            let rule = culprit.map_or(patterns.last().map_or(0, |p| p.rule), |i| patterns[i].rule);
            MatcherError { rule, message }
        })
}

/// For each byte, the patterns that may match starting with it: from each pattern's literal
/// prefixes when they are known, else every byte.
fn first_bytes(patterns: &[&Pattern]) -> Vec<Vec<u32>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let mut by_byte = vec![Vec::new(); 256];
    for (pid, p) in patterns.iter().enumerate() {
        let mut bytes = [false; 256];
        let known = regex_automata::util::syntax::parse(&p.regex)
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
