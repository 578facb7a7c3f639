//! Phrases as strings: one Aho–Corasick automaton over the normalised text.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::{Cand, MatcherError, starts_in_word, unicode_bounded};
use crate::phrase::Normalized;
use crate::phrase::is_word_char;

/// The phrases of one case mode, compiled into one automaton.
#[derive(Debug)]
pub(super) struct LiteralGroup {
    ac: AhoCorasick,
    /// For each automaton pattern, the (distinct pattern, open end) pairs it stands for.
    owners: Vec<Vec<(u32, bool)>>,
    /// Whether text is lower-cased before matching (case-insensitive phrases).
    lowercase: bool,
    /// The longest string, in bytes: how far a piece reads on past its end.
    max_len: usize,
}

/// Past this many strings the contiguous NFA (faster to search) costs more to build than it
/// saves: a pack of 100,000 phrases builds in half the time without it.
const CONTIGUOUS_MAX: usize = 20_000;

impl LiteralGroup {
    /// `lits` holds (normalised string, open end, distinct pattern).
    pub(super) fn new(
        mut lits: Vec<(String, bool, u32)>,
        lowercase: bool,
        first_rule: &[usize],
    ) -> Result<Self, MatcherError> {
        lits.sort_unstable();
        lits.dedup();
        let mut strings: Vec<String> = Vec::new();
        let mut owners: Vec<Vec<(u32, bool)>> = Vec::new();
        for (text, open, pid) in lits {
            if strings.last() != Some(&text) {
                strings.push(text);
                owners.push(Vec::new());
            }
            if let Some(o) = owners.last_mut() {
                o.push((pid, open));
            }
        }
        let max_len = strings.iter().map(String::len).max().unwrap_or(0);
        let kind = if strings.len() <= CONTIGUOUS_MAX {
            AhoCorasickKind::ContiguousNFA
        } else {
            AhoCorasickKind::NoncontiguousNFA
        };
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(kind))
            .build(&strings)
            .map_err(|e| MatcherError {
                rule: first_rule.last().copied().unwrap_or(0),
                message: format!("the phrases of all rules together are too many: {e}"),
            })?;
        Ok(LiteralGroup {
            ac,
            owners,
            lowercase,
            max_len,
        })
    }

    /// Push a candidate for every phrase that starts in `from..to` (`to` may be past the end).
    pub(super) fn scan(&self, text: &str, from: usize, to: usize, out: &mut Vec<Cand>) {
        let mut norm = Normalized::default();
        let cut = norm.fill(text, from, to.min(text.len()), self.max_len, self.lowercase);
        for m in self.ac.find_overlapping_iter(&norm.text) {
            if m.start() >= cut {
                continue;
            }
            let start = norm.to_orig(m.start());
            // A match inside a word is no phrase: reject it before `word_end` would scan the
            // rest of the word (a prefix repeated in one long word would cost quadratic time).
            if starts_in_word(text, start) {
                continue;
            }
            let end = norm.to_orig(m.end());
            for &(pattern, open) in &self.owners[m.pattern().as_usize()] {
                let end = if open { word_end(text, end) } else { end };
                if unicode_bounded(text, start, end) {
                    out.push(Cand {
                        pattern,
                        start,
                        end,
                    });
                }
            }
        }
    }
}

/// Where the word that continues at `at` ends: `partner*` matches all of "partnerships".
fn word_end(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let len = rest
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(rest.len(), |(i, _)| i);
    at + len
}
