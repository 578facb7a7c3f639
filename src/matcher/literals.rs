//! Phrases as strings, found in the normalised text: by a plain trie while little text was
//! scanned, then by one Aho–Corasick automaton.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::embedded::{TRIE, TRIE_STRINGS};
use super::trie::Trie;
use super::{Cand, Known, Lit, MatcherError, Str, starts_in_word, unicode_bounded};
use crate::phrase::Normalized;
use crate::phrase::is_word_char;

/// The phrases of one case mode.
#[derive(Debug)]
pub(super) struct LiteralGroup {
    /// The group's strings besides the embedded ones, sorted and distinct. String `i` of
    /// the group is `TRIE_STRINGS[i]` below [`Self::base`], `extra[i - base]` from it. A
    /// string may be in both (a team's phrase that a default one expands to as well): the
    /// two copies have owners of their own, and an automaton over all of them reports a
    /// match of each (overlapping search reports every pattern).
    extra: Vec<Str>,
    /// How many of the strings are the embedded ones, which [`TRIE`] finds (0: none).
    base: usize,
    /// The other strings as a trie, for short texts.
    trie: Trie,
    /// The automaton of a big group that does not scan with the embedded trie (or of one with
    /// an empty string), built at once.
    nfa: Option<AhoCorasick>,
    /// How much text the group has scanned in this run.
    scanned: AtomicUsize,
    /// The strings as an automaton for long texts (see [`long_kind`]), built once
    /// [`LONG_AFTER`] bytes were scanned (`None` if it could not be built): a short draft
    /// never pays for it.
    long: OnceLock<Option<AhoCorasick>>,
    /// How much text is scanned by the trie before [`Self::long`] is built: [`LONG_AFTER`], or
    /// what [`Self::expect_text`] set.
    long_after: AtomicUsize,
    /// Whether the run expects at least [`DFA_FROM`] bytes: its long texts' automaton is then
    /// a DFA (see [`long_kind`]).
    long_dfa: AtomicBool,
    /// Whether a thread has started building [`Self::long`].
    building: AtomicBool,
    /// For each string, the (distinct pattern, open end) pairs it stands for.
    /// `owners[owned[i]..owned[i + 1]]`.
    owners: Vec<(u32, bool)>,
    owned: Vec<u32>,
    /// Whether text is lower-cased before matching (case-insensitive phrases).
    lowercase: bool,
    /// The longest string, in bytes: how far a piece reads on past its end.
    max_len: usize,
}

/// The contiguous NFA (faster to search than the non-contiguous one it is built from) is for
/// groups of up to this many strings: past it, it costs more to build than it saves (a pack of
/// 100,000 phrases builds in half the time without it).
const CONTIGUOUS_MAX: usize = 20_000;

/// Text scanned by the trie before the long texts' automaton is built, when the run does not
/// know how much it will read (standard input).
const LONG_AFTER: usize = 512 << 10;

/// The least text a run must read for the long texts' automaton to be worth building. Set for
/// a DFA, which cost about 300 M instructions for the default packs while each byte it scanned
/// instead of the trie saved about 50 (a helper's instruction counts): it paid for itself only
/// after about 6 MB (hyperfine, two cores: 1 MB of files 1.32× faster without it, 3 MB 1.04×;
/// 10 MB, built at once, the same as built after 512 KB). The contiguous NFA that replaced it
/// (session 41) is cheaper to build; the bound was not measured again.
const LONG_WORTH: u64 = 6 << 20;

/// From this much text expected in a run, the long texts' automaton is a DFA (of at most
/// [`DFA_MAX_STRINGS`] strings): on one 100 MB file the NFA was 1.06 times as slow (4.69 against
/// 4.44 s, three runs each, session 41), and the DFA's 13.8 MB are small beside such a run.
const DFA_FROM: u64 = 32 << 20;

/// The most strings a group builds a DFA for: its size grows with strings × byte classes. (It
/// was 5,000 until the default packs passed it, session 42: 5,312 strings.)
const DFA_MAX_STRINGS: usize = 6_000;

/// A group that does not scan with the embedded trie and holds more strings than this builds
/// its automaton at once, in place of a trie (a team's pack of 100,000 phrases).
const EAGER_STRINGS: usize = 5_000;

/// The automaton for long texts, or for a big group: a contiguous NFA, or for very many strings
/// a non-contiguous one. Not a DFA, below [`DFA_FROM`]: on the 10 MB corpus the contiguous NFA
/// of the default packs' 4,849 strings searched as fast (hyperfine, two rounds of 8 runs: the
/// folder 444/443 ms with the DFA, 436/443 with the NFA; the one file 462/456 against
/// 466/467), and the DFA held 13.8 MB (peak RSS, `--format json`: the folder 36.9 → 21.7 MB,
/// the one file 88.1 → 75.5).
fn long_kind(n: usize) -> AhoCorasickKind {
    if n > CONTIGUOUS_MAX {
        AhoCorasickKind::NoncontiguousNFA
    } else {
        AhoCorasickKind::ContiguousNFA
    }
}

fn builder(kind: AhoCorasickKind) -> aho_corasick::AhoCorasickBuilder {
    let mut b = AhoCorasick::builder();
    b.match_kind(MatchKind::Standard).kind(Some(kind));
    b
}

impl LiteralGroup {
    /// The number of strings (see [`Self::strings`]).
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.base + self.extra.len()
    }

    /// `known` holds the strings of the embedded trie (index, pattern, open end), `lits` the
    /// others (normalised string, open end, pattern). A case-insensitive group that owns most
    /// embedded strings scans with the embedded trie of the default packs' strings, and
    /// builds a trie of its other strings only: start-up builds nothing for the default packs.
    pub(super) fn new(
        known: Vec<Known>,
        mut lits: Vec<Lit>,
        lowercase: bool,
        first_rule: &[usize],
    ) -> Result<Self, MatcherError> {
        // The embedded trie scans for all the default packs' strings: worth it when this
        // group owns at least half of them (the default packs loaded, most of their rules
        // on). A group that owns fewer builds a trie of its own strings, as other packs' do.
        let mut used = 0;
        if lowercase && !known.is_empty() {
            let mut seen = vec![false; TRIE_STRINGS.len()];
            for &(id, _, _) in &known {
                if let Some(seen) = seen.get_mut(id as usize) {
                    used += usize::from(!std::mem::replace(seen, true));
                }
            }
        }
        let embedded = used > 0 && used * 2 >= TRIE_STRINGS.len();
        let known = if embedded {
            known
        } else {
            lits.extend(known.into_iter().filter_map(|(id, pid, open)| {
                let text = TRIE_STRINGS.get(id as usize)?;
                Some((Str::Borrowed(text), open, pid))
            }));
            Vec::new()
        };
        // Sorted by the first 8 bytes as one number first: most strings differ there, and
        // the number compares at once where a string compares through `memcmp` (a team's
        // thousands of strings, or the default packs' when a config turns most of their rules
        // off, are sorted on every run). Zero bytes pad a short
        // string, which no phrase holds, so the order is the strings' own.
        let head = |s: &str| {
            let mut b = [0u8; 8];
            let n = s.len().min(8);
            b[..n].copy_from_slice(&s.as_bytes()[..n]);
            u64::from_be_bytes(b)
        };
        let mut keyed: Vec<(u64, (Str, bool, u32))> = lits
            .into_iter()
            .map(|(text, open, pid)| (head(&text), (text, open, pid)))
            .collect();
        keyed.sort_unstable();
        let mut lits: Vec<(Str, bool, u32)> = keyed.into_iter().map(|(_, l)| l).collect();
        lits.dedup();
        let base = if embedded { TRIE_STRINGS.len() } else { 0 };
        let mut extra: Vec<Str> = Vec::with_capacity(lits.len());
        let mut owners = Vec::with_capacity(known.len() + lits.len());
        let mut owned = Vec::with_capacity(base + lits.len() + 1);
        if embedded {
            // The embedded strings are sorted already: each literal goes to its string's
            // slot (a counting sort), then each string's owners are sorted and deduplicated.
            // (Sorting all the literals by index instead cost a 3 KB draft 0.7 M instructions.)
            let mut next = vec![0u32; base + 1];
            for &(id, _, _) in &known {
                next[id as usize + 1] += 1;
            }
            for i in 1..=base {
                next[i] += next[i - 1];
            }
            owned.extend_from_slice(&next);
            owners.resize(known.len(), (0, false));
            for &(id, pid, open) in &known {
                let id = id as usize;
                owners[next[id] as usize] = (pid, open);
                next[id] += 1;
            }
            let mut kept = 0;
            for i in 0..base {
                let (a, z) = (owned[i] as usize, owned[i + 1] as usize);
                owners[a..z].sort_unstable();
                let start = kept;
                owned[i] = start as u32;
                for k in a..z {
                    if kept == start || owners[kept - 1] != owners[k] {
                        owners[kept] = owners[k];
                        kept += 1;
                    }
                }
            }
            owners.truncate(kept);
            owned.truncate(base);
        }
        for (text, open, pid) in lits {
            if extra.last() != Some(&text) {
                extra.push(text);
                owned.push(owners.len() as u32);
            }
            owners.push((pid, open));
        }
        owned.push(owners.len() as u32);
        let max_len = (extra.iter().map(|s| s.len()))
            .chain(TRIE_STRINGS[..base].iter().map(|s| s.len()))
            .max()
            .unwrap_or(0);
        // A trie cannot find an empty string; a big group needs its automaton at once (and
        // an error now, not in the middle of a run, if it is too big). Big by the strings it
        // owns: the embedded ones it does not own are at most as many.
        let live = if embedded {
            used + extra.len()
        } else {
            extra.len()
        };
        // Not a group that scans with the embedded trie: its own strings beside the default
        // packs' (a team's pack of 300 phrases took a group past the bound) are a trie built
        // now, and the automaton waits for a long text as ever (session 41: built at once, it
        // took a 3 KB draft's run from 2.5 to 8.8 ms).
        let eager =
            (!embedded && live > EAGER_STRINGS) || extra.first().is_some_and(|s| s.is_empty());
        let nfa = if eager {
            Some(
                builder(long_kind(base + extra.len()))
                    .build(strings(base, &extra))
                    .map_err(|e| MatcherError {
                        rule: first_rule.last().copied().unwrap_or(0),
                        message: format!("the phrases of all rules together are too many: {e}"),
                    })?,
            )
        } else {
            None
        };
        let trie = Trie::new(if eager { &[] } else { &extra });
        Ok(LiteralGroup {
            extra,
            base,
            trie,
            nfa,
            scanned: AtomicUsize::new(0),
            long: OnceLock::new(),
            long_after: AtomicUsize::new(LONG_AFTER),
            long_dfa: AtomicBool::new(false),
            building: AtomicBool::new(false),
            owners,
            owned,
            lowercase,
            max_len,
        })
    }

    /// Whether an automaton (a big group's at once, or a long text's) was built.
    #[cfg(test)]
    pub(super) fn automaton_built(&self) -> bool {
        self.nfa.is_some() || self.long.get().is_some_and(Option::is_some)
    }

    /// Push a candidate for every phrase that starts in `from..to` (`to` may be past the end).
    pub(super) fn scan(&self, text: &str, from: usize, to: usize, out: &mut Vec<Cand>) {
        let mut norm = Normalized::default();
        let cut = norm.fill(text, from, to.min(text.len()), self.max_len, self.lowercase);
        let engine = self.automaton(norm.text.len());
        self.find_in(text, &norm, cut, engine, out);
    }

    /// Push a candidate for every string of `norm` (a normalised piece of `text`) that
    /// starts before `cut`, found by `engine` or else by the trie.
    fn find_in(
        &self,
        text: &str,
        norm: &Normalized,
        cut: usize,
        engine: Option<&AhoCorasick>,
        out: &mut Vec<Cand>,
    ) {
        let found = |s: usize, e: usize, string: usize| {
            let start = norm.to_orig(s);
            // A match inside a word is no phrase: reject it before `word_end` would scan the
            // rest of the word (a prefix repeated in one long word would cost quadratic time).
            if starts_in_word(text, start) {
                return;
            }
            // A match ends at its last visible character: the normalised text dropped the
            // invisible ones after it ("partner\u{200b} ").
            let mut end = norm.to_orig(e);
            while let Some(c) = text[start..end]
                .chars()
                .next_back()
                .filter(|&c| crate::phrase::normalize::is_invisible(c))
            {
                end -= c.len_utf8();
            }
            let (a, z) = (self.owned[string], self.owned[string + 1]);
            for &(pattern, open) in &self.owners[a as usize..z as usize] {
                let end = if open { word_end(text, end) } else { end };
                if unicode_bounded(text, start, end) {
                    out.push(Cand {
                        pattern,
                        start,
                        end,
                    });
                }
            }
        };
        match engine {
            Some(ac) => {
                let mut found = found;
                for m in ac.find_overlapping_iter(&norm.text) {
                    if m.start() < cut {
                        found(m.start(), m.end(), m.pattern().as_usize());
                    }
                }
            }
            None => {
                let mut found = found;
                let hay = norm.text.as_bytes();
                if self.base > 0 {
                    TRIE.each_prefix(hay, cut, &mut found);
                }
                let base = self.base;
                self.trie
                    .each_prefix(hay, cut, |s, e, i| found(s, e, base + i));
            }
        }
    }

    /// The run will scan about `total` bytes of text: below [`LONG_WORTH`] the automaton is
    /// never built (the trie scans it all for less than building it costs), from it it is
    /// built at once.
    pub(super) fn expect_text(&self, total: u64) {
        let after = if total < LONG_WORTH { usize::MAX } else { 0 };
        self.long_after.store(after, Ordering::Relaxed);
        self.long_dfa.store(total >= DFA_FROM, Ordering::Relaxed);
    }

    /// The automaton to scan `len` more bytes with, if any: the automaton of a big group, or
    /// the long texts' once enough text was scanned; `None` means the trie.
    fn automaton(&self, len: usize) -> Option<&AhoCorasick> {
        if self.nfa.is_some() {
            return self.nfa.as_ref();
        }
        let before = self.scanned.fetch_add(len, Ordering::Relaxed);
        if before.saturating_add(len) < self.long_after.load(Ordering::Relaxed) {
            return None;
        }
        if let Some(long) = self.long.get() {
            return long.as_ref();
        }
        // One thread builds the automaton; the others go on with the trie meanwhile instead of
        // waiting for it (building takes what scanning 600 KB does).
        if self.building.swap(true, Ordering::AcqRel) {
            return None;
        }
        let n = self.base + self.extra.len();
        let kind = if self.long_dfa.load(Ordering::Relaxed) && n <= DFA_MAX_STRINGS {
            AhoCorasickKind::DFA
        } else {
            long_kind(n)
        };
        self.long
            .get_or_init(|| builder(kind).build(strings(self.base, &self.extra)).ok())
            .as_ref()
    }
}

/// A group's strings in order (the first `base` embedded ones, then `extra`) as bytes, for
/// the automaton builders.
fn strings(base: usize, extra: &[Str]) -> impl Iterator<Item = &[u8]> {
    (TRIE_STRINGS[..base].iter().map(|s| s.as_bytes())).chain(extra.iter().map(|s| s.as_bytes()))
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

    fn group(strings: &[&str]) -> LiteralGroup {
        let lits = strings
            .iter()
            .enumerate()
            .map(|(i, s)| (Str::from(s.to_string()), i == 0, i as u32))
            .collect::<Vec<_>>();
        LiteralGroup::new(Vec::new(), lits, true, &[0; 6]).unwrap()
    }

    fn cands(g: &LiteralGroup, text: &str) -> Vec<(u32, usize, usize)> {
        let mut out = Vec::new();
        g.scan(text, 0, text.len() + 1, &mut out);
        sorted(out)
    }

    fn sorted(mut out: Vec<Cand>) -> Vec<(u32, usize, usize)> {
        let mut v: Vec<_> = out.drain(..).map(|c| (c.pattern, c.start, c.end)).collect();
        v.sort_unstable();
        v
    }

    /// The candidates an Aho–Corasick NFA over the same strings finds: what the sorted
    /// strings must agree with.
    fn by_nfa(g: &LiteralGroup, text: &str, from: usize, to: usize) -> Vec<(u32, usize, usize)> {
        let nfa = builder(AhoCorasickKind::NoncontiguousNFA)
            .build(strings(g.base, &g.extra))
            .unwrap();
        let mut norm = Normalized::default();
        let cut = norm.fill(text, from, to.min(text.len()), g.max_len, g.lowercase);
        let mut out = Vec::new();
        g.find_in(text, &norm, cut, Some(&nfa), &mut out);
        sorted(out)
    }

    fn by_strings(
        g: &LiteralGroup,
        text: &str,
        from: usize,
        to: usize,
    ) -> Vec<(u32, usize, usize)> {
        let mut norm = Normalized::default();
        let cut = norm.fill(text, from, to.min(text.len()), g.max_len, g.lowercase);
        let mut out = Vec::new();
        g.find_in(text, &norm, cut, None, &mut out);
        sorted(out)
    }

    const STRINGS: [&str; 9] = [
        "partner",
        "partners",
        "best in class",
        "in class",
        "reliable",
        "a",
        "k",
        "ab",
        "'s",
    ];

    #[test]
    fn the_automaton_built_after_much_text_finds_what_the_sorted_strings_find() {
        let g = group(&STRINGS);
        let text = "Partnering with a best-in-class, reliable partner: a PARTNERS’ best\nin class.";
        let before = cands(&g, text);
        assert!(g.long.get().is_none(), "a short text builds no automaton");
        assert!(before.len() >= 6, "{before:?}");
        assert_eq!(before, by_nfa(&g, text, 0, text.len() + 1));
        g.scanned.store(LONG_AFTER, Ordering::Relaxed);
        let after = cands(&g, text);
        assert!(
            g.long.get().is_some_and(Option::is_some),
            "the automaton was built"
        );
        assert_eq!(after, before);
    }

    /// A run of 10 MB scans with a contiguous NFA, one of 100 MB with a DFA; both find what the
    /// trie finds.
    #[test]
    fn a_long_run_gets_an_nfa_and_a_very_long_one_a_dfa() {
        let text = "Partnering with a best-in-class, reliable partner: a PARTNERS’ best\nin class.";
        for (total, kind) in [
            (10 << 20, AhoCorasickKind::ContiguousNFA),
            (100 << 20, AhoCorasickKind::DFA),
        ] {
            let g = group(&STRINGS);
            g.expect_text(total);
            let by_trie = by_strings(&g, text, 0, text.len() + 1);
            assert!(by_trie.len() >= 6, "{by_trie:?}");
            assert_eq!(cands(&g, text), by_trie);
            let built = g.long.get().and_then(Option::as_ref).map(AhoCorasick::kind);
            assert_eq!(built, Some(kind), "{total} bytes");
        }
    }

    #[test]
    fn a_word_inside_an_ascii_word_or_after_a_kelvin_sign_is_no_phrase() {
        let g = group(&STRINGS);
        // "a" inside "data", "k" after the Kelvin sign (a letter that lower-cases to "k"),
        // "partner" after a soft hyphen and after an underscore.
        let text = "data \u{212a}k x\u{ad}partner _partner ab's";
        assert_eq!(
            by_strings(&g, text, 0, text.len() + 1),
            by_nfa(&g, text, 0, text.len() + 1)
        );
    }

    #[test]
    fn invisible_characters_join_words_and_stay_out_of_spans() {
        let g = group(&STRINGS);
        let text = "part\u{ad}ner partner\u{200b} x\u{ad}partner";
        let found = by_strings(&g, text, 0, text.len() + 1);
        assert_eq!(found, by_nfa(&g, text, 0, text.len() + 1));
        let spans: Vec<&str> = found.iter().map(|&(_, s, e)| &text[s..e]).collect();
        // The soft hyphen inside the word is the match's; the space after is not; "xpartner"
        // is one word.
        assert_eq!(spans, ["part\u{ad}ner", "partner"]);
    }

    /// A string with its embedded index, as [`crate::phrase::Phrase::literals`] gives it.
    type Full = (Str, bool, u32, Option<u32>);

    /// `lits` as the matcher hands them to a group: the embedded ones by index.
    fn split(lits: Vec<Full>) -> (Vec<Known>, Vec<Lit>) {
        let (known, other): (Vec<Full>, Vec<Full>) = lits.into_iter().partition(|l| l.3.is_some());
        (
            known
                .into_iter()
                .map(|(_, open, pid, id)| (id.unwrap(), pid, open))
                .collect(),
            other
                .into_iter()
                .map(|(text, open, pid, _)| (text, open, pid))
                .collect(),
        )
    }

    fn new_group(lits: Vec<Full>) -> LiteralGroup {
        let (known, other) = split(lits);
        LiteralGroup::new(known, other, true, &[0]).unwrap()
    }

    /// The case-insensitive strings of the default packs, one pattern per rule pattern, with
    /// their embedded indices.
    fn default_lits() -> Vec<Full> {
        let rules = crate::check::compile_rules(&crate::pack::default_sources()).unwrap();
        let specs = rules.iter().flat_map(|r| r.patterns());
        let mut lits = Vec::new();
        for (pid, spec) in specs.enumerate() {
            if let crate::rule::PatternSpec::Phrases {
                phrases,
                case_sensitive: false,
            } = spec
            {
                for p in phrases {
                    let Some(ls) = p.literals(true) else { continue };
                    // What the matcher takes from a built phrase, without the list.
                    if let Some(built) = p.built_lower() {
                        let ids: Vec<(&str, bool, Option<u32>)> = ls
                            .iter()
                            .map(|l| (l.text.as_ref(), l.open_end, l.id))
                            .collect();
                        let want: Vec<(&str, bool, Option<u32>)> = built
                            .iter()
                            .map(|&(t, open, id)| (t, open, Some(id)))
                            .collect();
                        assert_eq!(ids, want);
                    }
                    for l in ls {
                        lits.push((l.text, l.open_end, pid as u32, l.id));
                    }
                }
            }
        }
        lits
    }

    /// Real drafts and fixtures, and a few odd texts.
    fn texts() -> Vec<String> {
        let mut texts = Vec::new();
        for dir in ["tests/corpus/real", "tests/fixtures"] {
            let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            for e in ignore::Walk::new(root) {
                if let Ok(t) = std::fs::read_to_string(e.unwrap().path()) {
                    texts.push(t);
                }
            }
        }
        assert!(texts.len() > 20, "{}", texts.len());
        texts.push("We’d LOVE to Partner with you — a true\u{a0}partnership, \u{212a}".into());
        texts
    }

    /// The candidates of `g` on `text`, by its tries, or by its long texts' automaton when `long` (the scan
    /// builds it then, or takes the one built before).
    fn found(g: &LiteralGroup, text: &str, long: bool) -> Vec<(u32, usize, usize)> {
        g.scanned
            .store(if long { LONG_AFTER } else { 0 }, Ordering::Relaxed);
        let mut out = Vec::new();
        g.scan(text, 0, text.len() + 1, &mut out);
        sorted(out)
    }

    #[test]
    fn the_embedded_trie_is_the_trie_of_every_default_string() {
        assert!(
            TRIE_STRINGS.windows(2).all(|w| w[0] < w[1]),
            "sorted, distinct"
        );
        assert_eq!(TRIE, Trie::new(&TRIE_STRINGS));
        // Every case-insensitive string of the default packs is embedded: a run with them
        // builds no trie at all.
        let lits = default_lits();
        for (text, _, _, id) in &lits {
            assert_eq!(id.map(|i| TRIE_STRINGS[i as usize]), Some(text.as_ref()));
        }
        let few: Vec<Full> = lits.iter().take(40).cloned().collect();
        let g = new_group(lits);
        assert_eq!(g.base, TRIE_STRINGS.len());
        assert_eq!(g.extra.len(), 0, "strings the embedded trie lacks");
        assert_eq!(g.trie, Trie::new::<&str>(&[]));
        // A group with a few of them (a team pack that repeats a default phrase) scans its
        // own few strings, not all the embedded ones.
        let g = new_group(few);
        assert_eq!(g.base, 0);
        assert!(g.extra.len() <= 40 && !g.extra.is_empty());
    }

    /// The default packs' strings found by the embedded trie, and by a trie and an automaton
    /// built at run time, with strings of a team pack beside them (some the same as a default one): the
    /// same candidates, pattern by pattern.
    #[test]
    fn the_embedded_trie_finds_what_a_trie_built_now_finds() {
        let mut lits = default_lits();
        let team = [
            "partner",
            "partnership",
            "quality",
            "zz top",
            "a true partnership",
        ];
        let n = lits.len() as u32;
        lits.extend(
            team.iter()
                .enumerate()
                .map(|(i, s)| (Str::from(s.to_string()), i == 1, n + i as u32, None)),
        );
        // A pattern that lists one string twice owns it once.
        lits.push(lits[0].clone());
        let built_now: Vec<Full> = lits.iter().map(|l| (l.0.clone(), l.1, l.2, None)).collect();
        let embedded = new_group(lits);
        let now = new_group(built_now);
        assert!(embedded.base > 0 && now.base == 0);
        // The team's strings are a trie of their own, those the embedded one holds as well
        // (each trie finds its own owners).
        assert_eq!(embedded.extra.len(), team.len());
        assert!(TRIE_STRINGS.contains(&"partner") && TRIE_STRINGS.contains(&"partnership"));
        let mut total = 0;
        for t in texts() {
            let want = found(&now, &t, false);
            assert_eq!(found(&embedded, &t, false), want);
            assert_eq!(found(&embedded, &t, true), want);
            total += want.len();
        }
        assert!(total > 500, "{total}");
        assert!(
            embedded.long.get().is_some_and(Option::is_some),
            "the automaton was built"
        );
    }

    proptest::proptest! {
        #[test]
        fn the_sorted_strings_find_what_an_automaton_finds(
            text in "[abkinpartnerslcbe \u{212a}\u{130}\u{ad}_’'\\-\n]{0,60}",
            from in 0usize..70,
            len in 0usize..70,
        ) {
            let g = group(&STRINGS);
            let mut from = from.min(text.len());
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            let mut to = (from + len).min(text.len() + 1);
            while to <= text.len() && !text.is_char_boundary(to) {
                to += 1;
            }
            proptest::prop_assert_eq!(by_strings(&g, &text, from, to), by_nfa(&g, &text, from, to));
        }
    }
}
