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

mod literals;
mod regexes;
mod trie;

use literals::LiteralGroup;
use regexes::RegexGroup;

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
                        Some(regexes::Pattern {
                            regex: re.clone(),
                            words: false,
                            pid,
                            rule,
                        }),
                    ),
                    PatternSpec::Phrases {
                        phrases,
                        case_sensitive,
                    } => {
                        let mut lits = Vec::new();
                        let mut slow = Vec::new();
                        for p in phrases {
                            match p.literals(!case_sensitive) {
                                Some(ls) => {
                                    lits.extend(ls.into_iter().map(|l| (l.text, l.open_end, pid)));
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
                                words: true,
                                pid,
                                rule,
                            }
                        });
                        (usize::from(*case_sensitive), lits, re)
                    }
                }
            })
            .collect();
        let mut lits: [Vec<(String, bool, u32)>; 2] = [Vec::new(), Vec::new()];
        let mut res: Vec<regexes::Pattern> = Vec::new();
        for (case, l, re) in expanded {
            lits[case].extend(l);
            res.extend(re);
        }
        // The automata build on all cores: start-up is felt on every draft.
        let [insensitive, sensitive] = lits;
        let group = |l: Vec<(String, bool, u32)>, lowercase: bool| {
            (!l.is_empty())
                .then(|| LiteralGroup::new(l, lowercase, first_rule))
                .transpose()
        };
        let ((insensitive, sensitive), regexes) = rayon::join(
            || rayon::join(|| group(insensitive, true), || group(sensitive, false)),
            || RegexGroup::build_all(res),
        );
        let literals = [insensitive?, sensitive?].into_iter().flatten().collect();
        Ok(Matcher {
            literals,
            regexes: regexes?,
            n_patterns: specs.len(),
            owners,
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

    /// Push every hit in `text`, sorted by start, then by rule.
    ///
    /// A long text is cut into pieces scanned on all cores. That gives the same hits as one
    /// scan: whether a pattern matches at a position does not depend on where the scan began
    /// (each piece reads on past its end, and boundaries look at the whole text), so each
    /// piece yields the candidates that start in it, and one ordered pass then drops a
    /// pattern's hits that overlap its previous one.
    pub fn find_all(&self, text: &str, out: &mut Vec<Hit>) {
        self.find_all_in(text, out, PIECE_MIN);
    }

    fn find_all_in(&self, text: &str, out: &mut Vec<Hit>, piece_min: usize) {
        if self.n_patterns == 0 {
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
        let mut last_end = vec![0usize; self.n_patterns];
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

    /// Every candidate match that starts in `from..to` (`to` may be `text.len() + 1`), sorted
    /// by start, then pattern, then longest first; phrase matches inside a word are dropped.
    fn scan_groups(&self, text: &str, from: usize, to: usize) -> Vec<Cand> {
        let mut all = Vec::new();
        for g in &self.literals {
            g.scan(text, from, to, &mut all);
        }
        for g in &self.regexes {
            g.scan(text, from, to, &mut all);
        }
        all.sort_unstable_by_key(|c| (c.start, c.pattern, std::cmp::Reverse(c.end)));
        all
    }
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
    let first = text[s..].chars().next();
    let prev = text[..s].chars().next_back();
    first.is_some_and(is_word_char) && prev.is_some_and(is_word_char)
}

/// Whether `text[s..e]` does not continue a word on either side (Unicode letters and digits).
fn unicode_bounded(text: &str, s: usize, e: usize) -> bool {
    let last = text[..e].chars().next_back();
    let next = text[e..].chars().next();
    let ends_in_word = last.is_some_and(is_word_char) && next.is_some_and(is_word_char);
    !(starts_in_word(text, s) || ends_in_word)
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
        // `partner*` is any word that starts with "partner", non-ASCII letters included.
        assert_eq!(hits(TWO, "partneré"), [(0, "partneré".into())]);
        assert!(hits(TWO, "a partner withé you").iter().all(|h| h.0 == 0));
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

    /// A long text is cut into pieces of at most PIECE_MAX bytes that cover it in order, on
    /// character boundaries; a short one stays whole.
    #[test]
    fn long_texts_are_cut_into_small_pieces() {
        let text = "é".repeat(PIECE_MAX * 2 + 7);
        let p = pieces(&text, 2, PIECE_MAX);
        assert!(p.len() >= 5, "{p:?}");
        assert_eq!(p[0].start, 0);
        assert_eq!(p.last().unwrap().end, text.len() + 1);
        for w in p.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
        for r in &p {
            assert!(text.is_char_boundary(r.start));
            assert!(r.end - r.start <= PIECE_MAX + 2, "{r:?}");
        }
        assert_eq!(pieces("short", 2, PIECE_MAX), vec![0..6]);
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
        assert_eq!(m.regexes.len(), 1);
        assert_eq!(m.literals.len(), 1);
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
    fn phrases_left_to_the_regex_engine_mean_what_literal_ones_mean() {
        // `partner* with you` is no small set of strings: it runs as a regex.
        let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\n\
                 phrases = [\"partner* with you\", \"partner* with you and me\"]\n";
        assert_eq!(
            hits(
                t,
                "We partner with you and me. Partneré—with you. partners - with\nyou."
            ),
            [
                (0, "partner with you and me".into()),
                (0, "Partneré—with you".into()),
                (0, "partners - with\nyou".into())
            ]
        );
    }

    #[test]
    fn greek_final_sigma_is_sigma() {
        let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nphrases = [\"οδος\"]\n";
        assert_eq!(hits(t, "ΟΔΟΣ, Οδος, οδος").len(), 3);
    }

    #[test]
    fn a_prefix_repeated_inside_one_word_is_no_match() {
        // Each repeat starts inside the word: rejected before the word's end is looked for.
        let word = "synerg".repeat(5000);
        assert!(hits(TWO, &format!("partner{word}x partnerx")).len() == 2);
        let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nphrases = [\"synerg*\"]\n";
        assert_eq!(hits(t, &format!("a {word} b")), [(0, word)]);
    }

    #[test]
    fn user_regexes_keep_their_meaning() {
        let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\npattern = '!{2,}'\n";
        assert_eq!(hits(t, "Wow!!! ok!"), [(0, "!!!".into())]);
    }
}
