//! One matcher for every phrase and pattern of every loaded pack, compiled once per run.
//!
//! Phrases go to one Aho–Corasick automaton (`literals`): each phrase expands to the few
//! strings it stands for, normalised, and the text is normalised the same way, one piece at a
//! time, so whitespace runs, dashes, curly quotes and case cost nothing per phrase. Building
//! it takes well under a millisecond for the default packs and well under a second for
//! 100,000 phrases, and it finds every phrase that starts at each position, overlaps included.
//!
//! Regexes (a rule's `pattern`, and the rare phrase that is no small set of strings) go to a
//! multi-pattern [`meta::Regex`](regex_automata::meta::Regex) (`regexes`), which is only
//! built when a pack has one.
//!
//! Both report candidates; one ordered pass then keeps, for each pattern, the longest match at
//! each start and drops its matches that overlap its previous one, as `find_iter` would.

use std::ops::Range;

use crate::phrase::is_word_char;
use crate::rule::{PatternSpec, Rule};

mod embedded;
mod literals;
mod regexes;
mod trie;

pub(crate) use embedded::is_embedded;
use literals::LiteralGroup;
use regexes::RegexGroup;

/// A phrase's string: borrowed from the binary when `build.rs` expanded the phrase.
type Str = std::borrow::Cow<'static, str>;

/// One string of a phrase: (normalised string, open end, distinct pattern).
type Lit = (Str, bool, u32);

/// One string of a phrase that `build.rs` expanded and embedded: (its index among the
/// embedded strings ([`crate::phrase::Literal::id`]), distinct pattern, open end). Its text
/// is in the binary; 12 bytes where a [`Lit`] takes 32.
type Known = (u32, u32, bool);

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
    /// Case-insensitive phrases, then case-sensitive ones.
    literals: Vec<LiteralGroup>,
    /// Regexes: see [`RegexGroup`].
    regexes: Vec<RegexGroup>,
    /// How many distinct patterns.
    n_patterns: usize,
    /// For each distinct pattern, the (rule, local pattern) pairs that declared it.
    owners: Vec<Vec<(u32, u32)>>,
    /// For each distinct pattern, whether it is a rule's regex (whose scan skips its own
    /// overlaps: see [`RegexGroup::scan`]).
    regex: Vec<bool>,
}

impl Matcher {
    /// Compile every pattern of `rules` into one matcher.
    pub fn new(rules: &[Box<dyn Rule>]) -> Result<Self, MatcherError> {
        let mut specs: Vec<&PatternSpec> = Vec::new();
        let mut owners: Vec<Vec<(u32, u32)>> = Vec::new();
        let mut first_rule: Vec<usize> = Vec::new();
        // Sized up front: growing would hash every phrase tree again.
        let total = rules.iter().map(|r| r.patterns().len()).sum();
        let mut index = foldhash::HashMap::with_capacity_and_hasher(total, Default::default());
        for (ri, rule) in rules.iter().enumerate() {
            for (pi, spec) in rule.patterns().iter().enumerate() {
                let id = *index.entry(spec).or_insert_with(|| {
                    specs.push(spec);
                    owners.push(Vec::new());
                    first_rule.push(ri);
                    specs.len() - 1
                });
                owners[id].push((ri as u32, pi as u32));
            }
        }
        Self::build(&specs, owners, &first_rule)
    }

    /// A matcher for these patterns alone; hits name pattern `i` as rule `i`, pattern 0.
    pub fn from_specs(specs: &[PatternSpec]) -> Result<Self, MatcherError> {
        let refs: Vec<&PatternSpec> = specs.iter().collect();
        let owners = (0..specs.len()).map(|i| vec![(i as u32, 0)]).collect();
        let first: Vec<usize> = (0..specs.len()).collect();
        Self::build(&refs, owners, &first)
    }

    fn build(
        specs: &[&PatternSpec],
        owners: Vec<Vec<(u32, u32)>>,
        first_rule: &[usize],
    ) -> Result<Self, MatcherError> {
        // Each pattern's strings (normalised string, open end, pattern), in its case's list,
        // or its regex. Phrases expand on all cores: start-up is felt on every draft.
        use rayon::prelude::*;
        let expanded: Vec<_> = specs
            .par_iter()
            .enumerate()
            .map(|(pid, spec)| {
                let rule = first_rule[pid];
                let pid = pid as u32;
                match spec {
                    PatternSpec::Regex(re) => (
                        0,
                        Vec::new(),
                        Vec::new(),
                        Some(regexes::Pattern {
                            regex: re.source.clone(),
                            hir: re.hir.clone(),
                            words: false,
                            pid,
                            rule,
                        }),
                    ),
                    PatternSpec::Phrases {
                        phrases,
                        case_sensitive,
                    } => {
                        // A built phrase's embedded strings, by index (the only strings
                        // with one: only case-insensitive strings are embedded); the list
                        // is sized once (a few thousand entries grew by doubling).
                        let built = || {
                            phrases
                                .iter()
                                .filter_map(|p| p.built_lower().filter(|_| !case_sensitive))
                        };
                        let mut known = Vec::with_capacity(built().map(<[_]>::len).sum());
                        for b in built() {
                            known.extend(b.iter().map(|&(_, open, id)| (id, pid, open)));
                        }
                        let (mut lits, mut slow) = (Vec::new(), Vec::new());
                        for p in phrases {
                            if p.built_lower().is_some() && !case_sensitive {
                                continue;
                            }
                            match p.literals(!case_sensitive) {
                                Some(ls) => {
                                    lits.extend(ls.into_iter().map(|l| (l.text, l.open_end, pid)))
                                }
                                None => slow.push(p.to_regex()),
                            }
                        }
                        let re = (!slow.is_empty()).then(|| {
                            // Longest first: leftmost-first then prefers the longer phrase.
                            slow.sort_by_key(|r| std::cmp::Reverse(r.len()));
                            let flags = if *case_sensitive { "" } else { "(?i)" };
                            regexes::Pattern {
                                regex: format!("{flags}(?:{})", slow.join("|")),
                                hir: None,
                                words: true,
                                pid,
                                rule,
                            }
                        });
                        (usize::from(*case_sensitive), known, lits, re)
                    }
                }
            })
            .collect();
        // Each list sized once: the default packs' 5,500 strings grew one by doubling, the
        // largest allocation of start-up (and each fresh page a start-up touches costs a
        // fault). Only case-insensitive strings are embedded.
        let (mut n_known, mut n_lits) = (0, [0, 0]);
        for (case, k, l, _) in &expanded {
            n_known += k.len();
            n_lits[*case] += l.len();
        }
        let mut known: Vec<Known> = Vec::with_capacity(n_known);
        let mut lits: [Vec<Lit>; 2] = n_lits.map(Vec::with_capacity);
        let mut res: Vec<regexes::Pattern> = Vec::new();
        for (case, k, l, re) in expanded {
            known.extend(k);
            lits[case].extend(l);
            res.extend(re);
        }
        // The automata build on all cores: start-up is felt on every draft.
        let [insensitive, sensitive] = lits;
        let group = |k: Vec<Known>, l: Vec<Lit>, lowercase: bool| {
            (!(k.is_empty() && l.is_empty()))
                .then(|| LiteralGroup::new(k, l, lowercase, first_rule))
                .transpose()
        };
        let ((insensitive, sensitive), regexes) = rayon::join(
            || {
                rayon::join(
                    || group(known, insensitive, true),
                    || group(Vec::new(), sensitive, false),
                )
            },
            || RegexGroup::build_all(res),
        );
        let literals = [insensitive?, sensitive?].into_iter().flatten().collect();
        Ok(Matcher {
            literals,
            regexes: regexes?,
            n_patterns: specs.len(),
            owners,
            regex: specs
                .iter()
                .map(|s| matches!(s, PatternSpec::Regex(_)))
                .collect(),
        })
    }

    /// The number of distinct patterns.
    pub fn len(&self) -> usize {
        self.n_patterns
    }

    /// Whether there is no pattern at all.
    pub fn is_empty(&self) -> bool {
        self.n_patterns == 0
    }

    /// The run will scan about `total` bytes of text (every input a file): the phrase automaton
    /// is built at once, or never, by what that makes cheaper.
    pub fn expect_text(&self, total: u64) {
        for g in &self.literals {
            g.expect_text(total);
        }
    }

    /// Push every hit in `text`, sorted by start, then by rule.
    ///
    /// A long text is cut into pieces scanned on all cores. That gives the same hits as one
    /// scan: whether a pattern matches at a position does not depend on where the scan began
    /// (each piece reads on past its end, and boundaries look at the whole text), so each
    /// piece yields the candidates that start in it, and one ordered pass then drops a
    /// pattern's hits that overlap its previous one.
    pub fn find_all(&self, text: &str, out: &mut Vec<Hit>) {
        self.find_all_in(text, out, PIECE_MIN, true);
    }

    /// [`Matcher::find_all`] in pieces of at least `piece_min` bytes; `skip` (a rule pattern's
    /// matches inside its own last one are not looked for, see [`RegexGroup::scan`]) changes
    /// the cost only, never the hits.
    fn find_all_in(&self, text: &str, out: &mut Vec<Hit>, piece_min: usize, skip: bool) {
        if self.n_patterns == 0 {
            return;
        }
        let pieces = pieces(text, rayon::current_num_threads().max(2), piece_min);
        let mut cands: Vec<Vec<Cand>> = if pieces.len() <= 1 {
            vec![self.scan_groups(text, 0, text.len() + 1, &[], skip.then_some(&[]))]
        } else {
            use rayon::prelude::*;
            // What each regex group's searches learned of where its next match starts, shared
            // by the pieces: a piece whose search ran on past its end to a far match (or to
            // the end of the text) saves the pieces after it the same search.
            let gaps: Vec<regexes::Gaps> =
                self.regexes.iter().map(|_| Default::default()).collect();
            pieces
                .par_iter()
                .map(|r| self.scan_groups(text, r.start, r.end, &gaps, skip.then_some(&[])))
                .collect()
        };
        if skip && pieces.len() > 1 {
            self.rescan_straddled(text, &pieces, &mut cands);
        }
        // Per pattern, where its last hit ended: a pattern's own hits never overlap, as with
        // `find_iter`; only different patterns may overlap.
        let mut last_end = vec![0usize; self.n_patterns];
        // The hits of a pattern that several rules declare, but for the first rule's.
        let mut extra = Vec::new();
        // Each piece's candidates become its hits in the same allocation (a candidate and a
        // hit are the same size), and each piece's list is freed once copied: a text of hits
        // (2 MB of `!`) never holds its candidates and its hits at once.
        let lists: Vec<Vec<Hit>> = cands
            .into_iter()
            .map(|list| {
                let mut hits: Vec<Hit> = list
                    .into_iter()
                    .filter_map(|c| {
                        let pid = c.pattern as usize;
                        if c.start < last_end[pid] {
                            return None;
                        }
                        last_end[pid] = c.end;
                        let (&(rule, pattern), rest) = self.owners[pid].split_first()?;
                        extra.extend(rest.iter().map(|&(rule, pattern)| Hit {
                            rule,
                            pattern,
                            span: c.start..c.end,
                        }));
                        Some(Hit {
                            rule,
                            pattern,
                            span: c.start..c.end,
                        })
                    })
                    .collect();
                // Candidates at one start come by pattern; hits go by rule.
                for group in hits.chunk_by_mut(|a, b| a.span.start == b.span.start) {
                    group.sort_unstable_by_key(|h| (h.rule, h.pattern));
                }
                hits
            })
            .collect();
        let total = lists.iter().map(Vec::len).sum::<usize>() + extra.len();
        if out.is_empty() && lists.len() == 1 {
            *out = lists.into_iter().next().unwrap_or_default();
        } else {
            out.reserve(total);
            for list in lists {
                out.extend_from_slice(&list);
            }
        }
        if !extra.is_empty() {
            merge_in(out, extra);
        }
        // The candidates' slack, which the hits do not need while the rules read them.
        out.shrink_to_fit();
    }

    /// A piece's scan skipped a rule pattern's matches inside its own last one, but the
    /// previous pieces' last match of that pattern may end inside one of this piece's: the
    /// matcher then drops that one and may keep a match it skipped. Such a piece (rare: two
    /// matches of one pattern that overlap across a piece's start) is scanned again, from
    /// where the matcher will have seen each pattern's last hit end.
    fn rescan_straddled(&self, text: &str, pieces: &[Range<usize>], cands: &mut [Vec<Cand>]) {
        let mut last_end = vec![0usize; self.n_patterns];
        for (piece, list) in pieces.iter().zip(cands.iter_mut()) {
            let straddled = list.iter().any(|c| {
                let e = last_end[c.pattern as usize];
                self.regex[c.pattern as usize] && c.start < e && e < c.end
            });
            if straddled {
                *list = self.scan_groups(text, piece.start, piece.end, &[], Some(&last_end));
            }
            // The pattern's last end as the matcher will see it: a candidate inside the
            // previous one is dropped.
            for c in list.iter() {
                let e = &mut last_end[c.pattern as usize];
                if c.start >= *e {
                    *e = c.end;
                }
            }
        }
    }

    /// Every candidate match that starts in `from..to` (`to` may be `text.len() + 1`), sorted
    /// by start, then pattern, then longest first; phrase matches inside a word are dropped.
    /// `gaps`: one per regex group when the text is scanned in pieces, else none.
    /// `own`: see [`RegexGroup::scan`].
    fn scan_groups(
        &self,
        text: &str,
        from: usize,
        to: usize,
        gaps: &[regexes::Gaps],
        own: Option<&[usize]>,
    ) -> Vec<Cand> {
        let mut all = Vec::new();
        for g in &self.literals {
            g.scan(text, from, to, &mut all);
        }
        for (i, g) in self.regexes.iter().enumerate() {
            g.scan(text, from, to, &mut all, gaps.get(i), own);
        }
        all.sort_unstable_by_key(|c| (c.start, c.pattern, std::cmp::Reverse(c.end)));
        all
    }
}

/// Merge `extra` into `out`, sorted by start, then rule, then pattern, as the hits `out` got
/// from this scan are: from the back, so that `out` grows by `extra` alone. Each extra hit
/// sorts after its pattern's first owner's hit at the same start, which this scan pushed, so
/// no extra hit moves before the hits `out` held before the scan.
fn merge_in(out: &mut Vec<Hit>, mut extra: Vec<Hit>) {
    let key = |h: &Hit| (h.span.start, h.rule, h.pattern);
    extra.sort_unstable_by_key(key);
    let mut i = out.len();
    let filler = Hit {
        rule: 0,
        pattern: 0,
        span: 0..0,
    };
    out.reserve_exact(extra.len());
    out.resize(i + extra.len(), filler);
    // `out[..i]` is still to merge, `out[k..]` merged, and the slots between hold fillers.
    let mut k = out.len();
    while let Some(h) = extra.pop() {
        while i > 0 && key(&out[i - 1]) > key(&h) {
            i -= 1;
            k -= 1;
            out.swap(i, k);
        }
        k -= 1;
        out[k] = h;
    }
}

/// A candidate match of one distinct pattern, before overlap filtering.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Cand {
    pattern: u32,
    start: usize,
    end: usize,
}

// A piece's candidates become its hits in their own allocation (see `find_all_in`), which
// takes a hit the size and alignment of a candidate.
const _: () = assert!(
    std::mem::size_of::<Cand>() == std::mem::size_of::<Hit>()
        && std::mem::align_of::<Cand>() == std::mem::align_of::<Hit>()
);

/// Texts shorter than this are scanned in one piece: splitting costs more than it saves.
const PIECE_MIN: usize = 4 << 20;

/// A text cut into pieces is cut into pieces of at most this many bytes: each piece is
/// normalised into a copy while it is scanned, so smaller pieces hold less memory at once
/// (a 100 MB text cut in two held two 50 MB copies).
const PIECE_MAX: usize = 1 << 20;

/// Cut `text` into `n` pieces of at least [`PIECE_MIN`] bytes (or more pieces, of at most
/// [`PIECE_MAX`] bytes, when it is cut at all), on character boundaries; the last piece ends at
/// `text.len() + 1` so that a match at the very end is seen.
fn pieces(text: &str, n: usize, piece_min: usize) -> Vec<Range<usize>> {
    let n = n.min(text.len() / piece_min.max(1)).max(1);
    let n = if n > 1 {
        n.max(text.len().div_ceil(PIECE_MAX))
    } else {
        n
    };
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

/// Whether a match starting at `s` would start inside a word.
fn starts_in_word(text: &str, s: usize) -> bool {
    let first = visible(text[s..].chars());
    let prev = visible(text[..s].chars().rev());
    first.is_some_and(is_word_char) && prev.is_some_and(is_word_char)
}

/// The first character of `chars` that is not invisible (a soft hyphen, a zero-width
/// space…, which the normalised text drops: `x\u{ad}partner` is one word), looking 64
/// characters on at most (a longer run of them is no text).
fn visible(mut chars: impl Iterator<Item = char>) -> Option<char> {
    chars
        .by_ref()
        .take(64)
        .find(|&c| !crate::phrase::normalize::is_invisible(c))
}

/// Whether `text[s..e]` does not continue a word on either side (Unicode letters and digits).
fn unicode_bounded(text: &str, s: usize, e: usize) -> bool {
    let last = visible(text[..e].chars().rev());
    let next = visible(text[e..].chars());
    let ends_in_word = last.is_some_and(is_word_char) && next.is_some_and(is_word_char);
    !(starts_in_word(text, s) || ends_in_word)
}

#[cfg(test)]
mod tests;
