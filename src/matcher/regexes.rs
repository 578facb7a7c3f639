//! Regexes: every rule `pattern` (and any phrase that is no small set of strings) in one
//! multi-pattern [`meta::Regex`], the engine under the `regex` crate; or, when the patterns
//! are exactly the default packs' ones, the dense DFAs `build.rs` compiled from them
//! ([`super::embedded`]).
//!
//! A scan finds the leftmost match; a second, anchored check at that position finds every
//! other pattern that also starts there, so overlapping rules all see their hits. Then the
//! scan goes on one character later. Phrases use ASCII word boundaries (`(?-u:\b)`), which
//! keep the lazy DFA working on non-ASCII text; a phrase match that touches a non-ASCII letter
//! on either side is rejected here instead.

use std::sync::{Arc, OnceLock};

use regex_automata::dfa::dense::DFA;
use regex_automata::meta::Regex;
use regex_automata::{Anchored, Input, Match, MatchKind, PatternID};
use regex_syntax::hir::Hir;

use super::{Cand, MatcherError, embedded, unicode_bounded};

/// One regex to compile.
#[derive(Clone)]
pub(super) struct Pattern {
    /// The source, flags included.
    pub regex: String,
    /// Its parse, when the rule made it already.
    pub hir: Option<Arc<Hir>>,
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
    re: Engine,
    /// For each first byte, the group's patterns (local ids) whose matches can start with it.
    by_first_byte: Vec<Vec<u32>>,
    /// Local pattern id → (distinct pattern, whole words).
    ids: Vec<(u32, bool)>,
    /// Per local pattern: its source, and that pattern alone compiled, once a walk needs it.
    solo: Vec<(String, OnceLock<Option<Regex>>)>,
}

/// How a group's regex runs: compiled now, or the default packs' patterns as `build.rs`
/// compiled them into dense DFAs (no compile, and no lazy DFA to fill while scanning).
#[derive(Debug)]
enum Engine {
    Compiled(Regex),
    Embedded(&'static regex_automata::dfa::regex::Regex<DFA<&'static [u32]>>),
}

impl Engine {
    fn search(&self, input: &Input<'_>) -> Option<Match> {
        match self {
            Engine::Compiled(re) => re.search(input),
            // The DFAs have no Unicode word boundary (no quit byte), are built for both
            // anchored and per-pattern starts, and a search never stops early, so a search
            // can't fail.
            Engine::Embedded(re) => re.try_search(input).ok().flatten(),
        }
    }
}

/// The embedded DFAs as a group, when `patterns` are exactly the ones they were compiled
/// from, in the same order. The patterns a byte can start are read off the forward DFA: those
/// whose anchored start state does not die on it, whatever byte stands before (a word
/// boundary's start state depends on it). A match start then tries only those, not all.
fn embedded(patterns: &[Pattern]) -> Option<RegexGroup> {
    let sources = embedded::SOURCES;
    let same = !sources.is_empty()
        && patterns.len() == sources.len()
        && patterns.iter().zip(sources).all(|(p, s)| p.regex == *s);
    same.then(|| RegexGroup {
        re: Engine::Embedded(&embedded::REGEX),
        by_first_byte: first_bytes_of_dfa(embedded::REGEX.forward(), patterns.len()),
        ids: patterns.iter().map(|p| (p.pid, p.words)).collect(),
        solo: solos(patterns.iter()),
    })
}

/// For each byte, the patterns of `dfa` that a match can start with it.
fn first_bytes_of_dfa(dfa: &DFA<&'static [u32]>, n: usize) -> Vec<Vec<u32>> {
    use regex_automata::dfa::Automaton;
    use regex_automata::util::start;
    let mut by_byte = vec![Vec::new(); 256];
    for pid in 0..n {
        let anchored = Anchored::Pattern(PatternID::new_unchecked(pid));
        // At the text's start, and after a word byte, a space, a line break or a byte of a
        // longer character: every context a start state tells apart here.
        let starts: Vec<_> = [
            None,
            Some(b'a'),
            Some(b' '),
            Some(b'\n'),
            Some(b'\r'),
            Some(0x80),
        ]
        .into_iter()
        .filter_map(|before| {
            let config = start::Config::new().anchored(anchored).look_behind(before);
            dfa.start_state(&config).ok()
        })
        .collect();
        for (b, pids) in by_byte.iter_mut().enumerate() {
            let can = starts.is_empty()
                || starts
                    .iter()
                    .any(|&s| !dfa.is_dead_state(dfa.next_state(s, b as u8)));
            if can {
                pids.push(pid as u32);
            }
        }
    }
    by_byte
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
        if let Some(group) = embedded(&patterns) {
            return Ok(vec![group]);
        }
        // Each pattern parsed once (by its rule, or here): the same tree tells the engine it
        // needs, its first bytes, and builds the regex. On all cores; the first error in
        // pattern order is reported.
        use rayon::prelude::*;
        let hirs = patterns
            .par_iter()
            .map(|p| match &p.hir {
                Some(hir) => Ok(Arc::clone(hir)),
                None => regex_automata::util::syntax::parse(&p.regex)
                    .map(Arc::new)
                    .map_err(|e| MatcherError {
                        rule: p.rule,
                        message: one_line(&e.to_string()),
                    }),
            })
            .collect::<Vec<_>>()
            .into_iter()
            .collect::<Result<Vec<Arc<Hir>>, _>>()?;
        let mut groups = Vec::new();
        for want_slow in [false, true] {
            let picked: Vec<usize> = (0..patterns.len())
                .filter(|&i| hirs[i].properties().look_set().contains_word_unicode() == want_slow)
                .collect();
            if picked.is_empty() {
                continue;
            }
            let sub: Vec<&Pattern> = picked.iter().map(|&i| &patterns[i]).collect();
            let sub_hirs: Vec<&Hir> = picked.iter().map(|&i| &*hirs[i]).collect();
            groups.push(RegexGroup {
                re: Engine::Compiled(build(&sub, &sub_hirs)?),
                by_first_byte: first_bytes(&sub_hirs),
                ids: sub.iter().map(|p| (p.pid, p.words)).collect(),
                solo: solos(sub.iter().copied()),
            });
        }
        Ok(groups)
    }

    /// Whether this group runs the DFAs embedded at build time.
    #[cfg(test)]
    pub(super) fn is_embedded(&self) -> bool {
        matches!(self.re, Engine::Embedded(_))
    }

    /// This group with its patterns compiled now, as for a pack that isn't a default one.
    #[cfg(test)]
    pub(super) fn compiled(patterns: &[&Pattern]) -> RegexGroup {
        let hirs: Vec<Hir> = patterns
            .iter()
            .map(|p| regex_automata::util::syntax::parse(&p.regex).unwrap())
            .collect();
        let refs: Vec<&Hir> = hirs.iter().collect();
        RegexGroup {
            re: Engine::Compiled(build(patterns, &refs).unwrap()),
            by_first_byte: first_bytes(&refs),
            ids: patterns.iter().map(|p| (p.pid, p.words)).collect(),
            solo: solos(patterns.iter().copied()),
        }
    }

    /// Local pattern `local` compiled alone (once; none if it does not compile alone).
    fn solo(&self, local: usize) -> Option<&Regex> {
        let (source, re) = &self.solo[local];
        re.get_or_init(|| Regex::builder().configure(config()).build(source).ok())
            .as_ref()
    }

    /// Push a candidate for every pattern match that starts in `from..to`. `gaps` is shared by
    /// the pieces of one text scanned in parallel.
    ///
    /// With `own` (per distinct pattern, where its last match before `from` ended; an empty
    /// slice when none did), a rule pattern's matches that start inside its own last match are
    /// not looked for: the matcher drops them anyway, as `find_iter` would. When the leftmost
    /// match is such a one, every search from the next characters on would find the same
    /// pattern again and read to its end (80 KB of `1,1,1,… usd` took seconds), so the rest of
    /// that match, when it is long, is walked with anchored searches of the other patterns.
    /// With the ends the matcher saw, the candidates are exactly the hits it keeps; with none,
    /// only a piece's first matches may differ, see [`super::Matcher::find_all`].
    pub(super) fn scan(
        &self,
        text: &str,
        from: usize,
        to: usize,
        out: &mut Vec<Cand>,
        gaps: Option<&Gaps>,
        own: Option<&[usize]>,
    ) {
        let mut at = from;
        if let Some(next) = gaps.and_then(|g| g.next_match_from(from)) {
            if next >= to {
                return;
            }
            at = next;
        }
        let mut scan = Scan {
            group: self,
            text,
            skip: own.is_some(),
            own_end: self
                .ids
                .iter()
                .map(|&(pid, _)| own.and_then(|o| o.get(pid as usize)).map_or(0, |&e| e))
                .collect(),
            tries: vec![0; self.ids.len()],
            next: vec![None; self.ids.len()],
            out,
        };
        let char_after = |t: usize| t + text[t..].chars().next().map_or(1, char::len_utf8);
        while at < to && at <= text.len() {
            let found = self.re.search(&Input::new(text).range(at..));
            let s = found.as_ref().map_or(text.len(), |m| m.start());
            // (No match at all: `s` is the text's end.)
            if s >= to || s >= text.len() {
                // The search read on past this piece: no match starts in `at..s`.
                if let Some(g) = gaps {
                    g.note(at, s);
                }
                break;
            }
            let Some(m) = found else { break };
            let first = m.pattern().as_usize();
            if scan.skipped(first, s) {
                // Inside its own last match: walk to that match's end, each position tried
                // with anchored searches of the patterns it can start. Not a short one: there,
                // a few searches cost less than trying every pattern at each character (a team
                // pattern that reads far from each digit made walks of 60 bytes 20× slower).
                let end = scan.own_end[first].min(to);
                scan.others(s, Some(first), false);
                at = char_after(s);
                if end > at + LONG_MATCH {
                    while at < end {
                        scan.others(at, None, true);
                        at = char_after(at);
                    }
                }
                continue;
            }
            scan.push(first, s, m.end());
            scan.others(s, Some(first), false);
            at = char_after(s);
        }
    }
}

/// One [`RegexGroup::scan`] under way.
struct Scan<'a> {
    group: &'a RegexGroup,
    text: &'a str,
    skip: bool,
    /// Per local pattern, where its last candidate ended (rule patterns only: a phrase's
    /// pattern may also have matches in a literal group, which this scan does not see).
    own_end: Vec<usize>,
    /// Per local pattern, how often a walk tried it (after [`SOLO_AFTER`] tries, a search of its
    /// own looks for it, in walks and at other matches' starts alike).
    tries: Vec<usize>,
    /// Per local pattern, what its own search from a position found: `(from, Some((start,
    /// end)))` says no match of it starts in `from..start`; `(from, None)`, none from `from` on.
    next: Vec<Option<Known>>,
    out: &'a mut Vec<Cand>,
}

/// See [`Scan::next`].
type Known = (usize, Option<(usize, usize)>);

/// A walk tries a pattern with anchored searches this many times, then looks for it with a
/// search of its own.
const SOLO_AFTER: usize = 64;

impl Scan<'_> {
    /// Whether a match of `local` at `s` is one the matcher would drop, unlooked for.
    fn skipped(&self, local: usize, s: usize) -> bool {
        self.skip && !self.group.ids[local].1 && s < self.own_end[local]
    }

    fn push(&mut self, local: usize, s: usize, end: usize) {
        let (pattern, words) = self.group.ids[local];
        if self.skipped(local, s) {
            return;
        }
        if !words {
            self.own_end[local] = end;
        } else if !unicode_bounded(self.text, s, end) {
            return;
        }
        self.out.push(Cand {
            pattern,
            start: s,
            end,
        });
    }

    /// Push every pattern but `except` that matches at `s`, each tried with a search anchored
    /// there. In a walk (`walking`), a pattern tried often is looked for with a search of its
    /// own instead, which finds its next match from here in one pass: in `AAAA BBBB 1,1,…,1 CC`
    /// (an all-caps pattern's match inside its own last one), anchored searches of the price
    /// pattern from each digit each read to the run's end.
    fn others(&mut self, s: usize, except: Option<usize>, walking: bool) {
        let group = self.group;
        for &pid in &group.by_first_byte[usize::from(self.text.as_bytes()[s])] {
            let local = pid as usize;
            if Some(local) == except || self.skipped(local, s) {
                continue;
            }
            if walking {
                self.tries[local] += 1;
            }
            let solo = (self.tries[local] > SOLO_AFTER)
                .then(|| group.solo(local))
                .flatten();
            let end = match solo {
                None => {
                    let input = Input::new(self.text)
                        .range(s..)
                        .anchored(Anchored::Pattern(PatternID::new_unchecked(local)));
                    group.re.search(&input).map(|m| m.end())
                }
                Some(re) => {
                    let known = self.next[local].filter(|&(from, found)| {
                        from <= s && found.is_none_or(|(start, _)| s <= start)
                    });
                    let (_, found) = known.unwrap_or_else(|| {
                        let input = Input::new(self.text).range(s..);
                        let found = re.search(&input).map(|m| (m.start(), m.end()));
                        self.next[local] = Some((s, found));
                        (s, found)
                    });
                    found.filter(|&(start, _)| start == s).map(|(_, end)| end)
                }
            };
            if let Some(end) = end {
                self.push(local, s, end);
            }
        }
    }
}

/// Each pattern's source, for [`RegexGroup::solo`].
fn solos<'a>(
    patterns: impl Iterator<Item = &'a Pattern>,
) -> Vec<(String, OnceLock<Option<Regex>>)> {
    patterns
        .map(|p| (p.regex.clone(), OnceLock::new()))
        .collect()
}

/// A rule pattern's own last match longer than this is walked, not searched again from each
/// of its characters (see [`RegexGroup::scan`]).
const LONG_MATCH: usize = 64;

/// Stretches of one text where a regex group's next match is known: `(at, next)` says that
/// no match starts in `at..next` (a match starts at `next`, or `next` is the text's end).
///
/// A search returns the leftmost match after where it starts, so every piece that a search
/// ran through finds the same next match. Without this, a long text whose matches are rare
/// (100 MB in 1 MB pieces, a match only near its end) was searched to the far match once per
/// piece: its cost grew with the square of its length (a review measured 100 MB of one
/// repeated phrase at 8.3 s against 0.42 s for 16 MB).
#[derive(Debug, Default)]
pub(super) struct Gaps(std::sync::Mutex<Vec<(usize, usize)>>);

impl Gaps {
    /// Where the next match from `at` on starts, if a search through `at` found it.
    fn next_match_from(&self, at: usize) -> Option<usize> {
        let known = self.0.lock().unwrap_or_else(|e| e.into_inner());
        known
            .iter()
            .filter(|&&(from, next)| from <= at && at <= next)
            .map(|&(_, next)| next)
            .max()
    }

    /// A search from `at` found its next match at `next` (or none before `next`, the end).
    fn note(&self, at: usize, next: usize) {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((at, next));
    }
}

fn one_line(s: &str) -> String {
    s.lines().map(str::trim).collect::<Vec<_>>().join(" ")
}

/// How every regex here is compiled.
fn config() -> regex_automata::meta::Config {
    Regex::config()
        .match_kind(MatchKind::LeftmostFirst)
        .nfa_size_limit(Some(NFA_SIZE_LIMIT))
        // Big packs make big DFA states: with the default 2 MiB cache the lazy DFA gives up
        // and the slow PikeVM scans instead (10,000 phrases: seconds for a 3 KB draft).
        .hybrid_cache_capacity(HYBRID_CACHE)
        // Rule patterns start with many different bytes (`?`, `!`, words, digits), so a
        // prefilter rarely skips text, and building one from case-insensitive alternations
        // was half the start-up cost of the default pack's five patterns.
        .auto_prefilter(false)
}

fn build(patterns: &[&Pattern], hirs: &[&Hir]) -> Result<Regex, MatcherError> {
    let regexes: Vec<&str> = patterns.iter().map(|p| p.regex.as_str()).collect();
    let cfg = config();
    Regex::builder()
        .configure(cfg.clone())
        .build_many_from_hir(hirs)
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
                None => one_line(&e.to_string()),
            };
            // With no single culprit, name the last rule: the one that went over the limit.
            let rule = culprit.map_or(patterns.last().map_or(0, |p| p.rule), |i| patterns[i].rule);
            MatcherError { rule, message }
        })
}

/// For each byte, the patterns that may match starting with it: from each pattern's literal
/// prefixes when they are known, else every byte. Only first bytes matter, so prefixes are cut
/// to one byte, which keeps the extraction cheap on case-insensitive alternations.
fn first_bytes(hirs: &[&Hir]) -> Vec<Vec<u32>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let mut by_byte = vec![Vec::new(); 256];
    let mut ex = Extractor::new();
    ex.kind(ExtractKind::Prefix).limit_literal_len(1);
    for (pid, hir) in hirs.iter().enumerate() {
        let mut bytes = [false; 256];
        let seq = ex.extract(hir);
        let known = seq.literals().and_then(|lits| {
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
