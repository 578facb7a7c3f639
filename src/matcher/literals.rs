//! Phrases as strings: one Aho–Corasick automaton over the normalised text.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::{Cand, MatcherError, starts_in_word, unicode_bounded};
use crate::phrase::Normalized;
use crate::phrase::is_word_char;

/// The phrases of one case mode, compiled into one automaton.
#[derive(Debug)]
pub(super) struct LiteralGroup {
    ac: AhoCorasick,
    /// The strings, kept while the group is small enough for a DFA.
    strings: Vec<String>,
    /// How much text the group has scanned in this run.
    scanned: AtomicUsize,
    /// The same automaton as a DFA, built once [`DFA_AFTER`] bytes were scanned (`None` if
    /// it could not be built). It finds the same matches in the same order, about three
    /// times faster, but takes about 2.5 times longer to build: a short draft never pays
    /// for it.
    dfa: OnceLock<Option<AhoCorasick>>,
    /// For each automaton pattern, the (distinct pattern, open end) pairs it stands for.
    owners: Vec<Vec<(u32, bool)>>,
    /// Whether text is lower-cased before matching (case-insensitive phrases).
    lowercase: bool,
    /// The longest string, in bytes: how far a piece reads on past its end.
    max_len: usize,
}

/// The contiguous NFA (faster to search than the non-contiguous one it is built from) is for
/// groups too big for a DFA and up to this many strings: past it, it costs more to build than
/// it saves (a pack of 100,000 phrases builds in half the time without it).
const CONTIGUOUS_MAX: usize = 20_000;

/// Text scanned before the DFA is built. For the default packs, building it takes about the
/// wall time of scanning 100–150 KB with the NFA (1.7 ms, against 11–15 ms per MB), and the
/// instructions of scanning about 600 KB: past this much text a run gains from it.
const DFA_AFTER: usize = 512 << 10;

/// The most strings a group builds a DFA for: its size grows with strings × byte classes.
const DFA_MAX_STRINGS: usize = 5_000;

fn builder(kind: AhoCorasickKind) -> aho_corasick::AhoCorasickBuilder {
    let mut b = AhoCorasick::builder();
    b.match_kind(MatchKind::Standard).kind(Some(kind));
    b
}

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
        // A group that may later get its DFA starts with the NFA that is cheapest to build.
        let kind = if strings.len() <= DFA_MAX_STRINGS || strings.len() > CONTIGUOUS_MAX {
            AhoCorasickKind::NoncontiguousNFA
        } else {
            AhoCorasickKind::ContiguousNFA
        };
        let ac = builder(kind).build(&strings).map_err(|e| MatcherError {
            rule: first_rule.last().copied().unwrap_or(0),
            message: format!("the phrases of all rules together are too many: {e}"),
        })?;
        if strings.len() > DFA_MAX_STRINGS {
            strings = Vec::new();
        }
        Ok(LiteralGroup {
            ac,
            strings,
            scanned: AtomicUsize::new(0),
            dfa: OnceLock::new(),
            owners,
            lowercase,
            max_len,
        })
    }

    /// Push a candidate for every phrase that starts in `from..to` (`to` may be past the end).
    pub(super) fn scan(&self, text: &str, from: usize, to: usize, out: &mut Vec<Cand>) {
        let mut norm = Normalized::default();
        let cut = norm.fill(text, from, to.min(text.len()), self.max_len, self.lowercase);
        for m in self
            .automaton(norm.text.len())
            .find_overlapping_iter(&norm.text)
        {
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

impl LiteralGroup {
    /// The automaton to scan `len` more bytes with: the DFA once enough text was scanned.
    fn automaton(&self, len: usize) -> &AhoCorasick {
        let before = self.scanned.fetch_add(len, Ordering::Relaxed);
        if before + len < DFA_AFTER || self.strings.is_empty() {
            return &self.ac;
        }
        self.dfa
            .get_or_init(|| builder(AhoCorasickKind::DFA).build(&self.strings).ok())
            .as_ref()
            .unwrap_or(&self.ac)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn cands(g: &LiteralGroup, text: &str) -> Vec<(u32, usize, usize)> {
        let mut out = Vec::new();
        g.scan(text, 0, text.len() + 1, &mut out);
        out.iter().map(|c| (c.pattern, c.start, c.end)).collect()
    }

    #[test]
    fn the_dfa_built_after_much_text_finds_what_the_nfa_finds() {
        let lits = [
            "partner",
            "partners",
            "best in class",
            "in class",
            "reliable",
            "a",
        ]
        .iter()
        .enumerate()
        .map(|(i, s)| (s.to_string(), i == 0, i as u32))
        .collect::<Vec<_>>();
        let g = LiteralGroup::new(lits, true, &[0; 6]).unwrap();
        let text = "Partnering with a best-in-class, reliable partner: a PARTNERS’ best\nin class.";
        let by_nfa = cands(&g, text);
        assert!(g.dfa.get().is_none(), "a short text keeps the NFA");
        assert!(by_nfa.len() >= 6, "{by_nfa:?}");
        g.scanned.store(DFA_AFTER, Ordering::Relaxed);
        let by_dfa = cands(&g, text);
        assert!(
            g.dfa.get().is_some_and(Option::is_some),
            "the DFA was built"
        );
        assert_eq!(by_dfa, by_nfa);
    }
}
