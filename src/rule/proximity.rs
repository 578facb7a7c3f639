//! `proximity`: one of the rule's phrases stands near one of its `near` phrases (or its
//! `near_pattern`): within `within` words, or in the same sentence when `within` is not given.
//! "we" near "leading"; "partner" in the same sentence as a question mark. Both must stand in
//! the same paragraph (part). The finding spans the phrase, the near match and what stands
//! between them; each near match pairs with one phrase at most. Both lists are patterns of the
//! shared matcher.

use std::ops::Range;
use std::sync::Arc;

use super::phrase::compile_one;
use super::{Context, Finding, PatternSpec, Rule, RuleMeta, allow_keys};
use crate::error::Result;
use crate::matcher::Hit;
use crate::metrics::Metrics;
use crate::pack::{PackSource, RuleDef};

/// A rule on two things standing close together.
#[derive(Debug)]
pub struct ProximityRule {
    meta: Arc<RuleMeta>,
    /// `[anchor, near]`, then its exceptions, if it has any.
    patterns: Vec<PatternSpec>,
    within: Option<usize>,
}

impl ProximityRule {
    /// Check the keys and compile both patterns.
    pub fn new(src: &PackSource, r: &RuleDef, meta: Arc<RuleMeta>) -> Result<Self> {
        allow_keys(
            src,
            r,
            "proximity",
            &[
                "phrases",
                "pattern",
                "case_sensitive",
                "near",
                "near_pattern",
                "within",
                "exceptions",
                "exception_pattern",
            ],
        )?;
        let id = &meta.id;
        let err = |at: usize, msg: &str| src.error_at(at, format!("rule `{id}`: {msg}"));
        let mut patterns = super::phrase::compile_match(src, r, id)?;
        match (&r.near, &r.near_pattern) {
            (Some(_), Some(p)) => {
                return Err(err(
                    p.span().start,
                    "give `near` or `near_pattern`, not both",
                ));
            }
            (None, None) => {
                return Err(err(
                    r.id.span().start,
                    "a proximity rule needs `near` (phrases) or `near_pattern` (a regex)",
                ));
            }
            _ => {}
        }
        patterns.extend(compile_one(
            src,
            r.id.span().start,
            id,
            r.is_case_sensitive(),
            &r.near,
            &r.near_pattern,
        )?);
        // Its exceptions are the patterns after those: a match inside one of theirs is no
        // match.
        patterns.extend(super::phrase::compile_exceptions(src, r, id)?);
        let within = match &r.within {
            None => None,
            Some(w) if (0..=1000).contains(w.get_ref()) => Some(*w.get_ref() as usize),
            Some(w) => {
                return Err(err(
                    w.span().start,
                    &format!(
                        "within {} is out of range: expected 0 to 1000 words",
                        w.get_ref()
                    ),
                ));
            }
        };
        Ok(ProximityRule {
            meta,
            patterns,
            within,
        })
    }

    /// The view range where a near match can stand for a phrase at `a`: so many words either
    /// side, or the phrase's sentence. A cheap bound; [`ProximityRule::close`] decides.
    fn window(&self, m: &Metrics, a: &Range<usize>) -> Range<usize> {
        match self.within {
            Some(n) => {
                let w = m.word_spans();
                let first = w.partition_point(|s| s.end <= a.start);
                let last = w.partition_point(|s| s.start < a.end);
                let lo = first
                    .checked_sub(n + 1)
                    .and_then(|i| w.get(i))
                    .map_or(0, |s| s.start);
                let hi = w.get(last + n).map_or(usize::MAX, |s| s.end);
                lo..hi
            }
            None => {
                let s = m.sentence_list();
                let i = s.partition_point(|x| x.span.start <= a.start);
                match i.checked_sub(1).and_then(|i| s.get(i)) {
                    Some(x) if a.start < x.span.end => x.span.clone(),
                    _ => 0..0,
                }
            }
        }
    }

    /// Whether two view spans are close: at most `within` words between them, or in one
    /// sentence.
    fn close(&self, m: &Metrics, a: &Range<usize>, b: &Range<usize>) -> bool {
        let (first, second) = if a.start <= b.start { (a, b) } else { (b, a) };
        match self.within {
            Some(n) => {
                // Words that start after the first ends and end before the second starts.
                let from = m.word_spans().partition_point(|w| w.start < first.end);
                let to = m.word_spans().partition_point(|w| w.end <= second.start);
                to.saturating_sub(from) <= n
            }
            None => m
                .sentence_list()
                .iter()
                .any(|s| s.span.start <= first.start && second.end <= s.span.end),
        }
    }
}

impl Rule for ProximityRule {
    fn meta(&self) -> &Arc<RuleMeta> {
        &self.meta
    }

    fn reads_measures(&self) -> bool {
        true
    }

    fn patterns(&self) -> &[PatternSpec] {
        &self.patterns
    }

    fn check(&self, cx: &Context<'_>, hits: &[Hit], out: &mut Vec<Finding>) {
        // A phrase or near match inside a match of the exceptions (the patterns from the
        // third on) is no match at all.
        let exceptions = super::phrase::Exceptions::of(hits, 2);
        let counts = |h: &Hit| cx.counts(&h.span) && !exceptions.cover(&h.span);
        let near: Vec<&Hit> = hits
            .iter()
            .filter(|h| h.pattern == 1 && counts(h))
            .collect();
        if near.is_empty() {
            return;
        }
        // A near match before the phrase may start far before the window when it is long
        // ("second to none, that is us"): the search reaches back by the longest one.
        let reach = near.iter().map(|n| n.span.len()).max().unwrap_or(0);
        let m = cx.metrics(self.meta.scope);
        let segment = |at: usize| cx.doc.segments.partition_point(|s| s.span.start <= at);
        // Each near match pairs with one phrase at most: one claim, one finding.
        let mut used = vec![false; near.len()];
        for h in hits.iter().filter(|h| h.pattern == 0 && counts(h)) {
            // Only the near matches inside the window, found by binary search: linear overall.
            let win = self.window(&m, &h.span);
            let from = near.partition_point(|n| n.span.start < win.start.saturating_sub(reach));
            let to = near.partition_point(|n| n.span.start < win.end);
            let found = (from..to).find(|&i| {
                let n = near[i];
                !used[i]
                    && n.span != h.span
                    && segment(n.span.start) == segment(h.span.start)
                    && self.close(&m, &h.span, &n.span)
            });
            if let Some(i) = found {
                used[i] = true;
                // The finding spans both, so that the reader sees what stands near what.
                let n = &near[i].span;
                let span = h.span.start.min(n.start)..h.span.end.max(n.end);
                out.push(cx.finding(span, None));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::tests::{findings, findings_full, pack_error};

    const BRAG: &str = "kind = \"proximity\"\nphrases = [\"we\", \"our\"]\nnear = [\"leading\", \"best\"]\nwithin = 3\nweight = -4\n";
    const ASK: &str =
        "kind = \"proximity\"\nphrases = [\"partner*\"]\nnear_pattern = '\\?'\nweight = -4\n";

    #[test]
    fn a_finding_inside_an_exception_is_dropped() {
        let rule = format!("{BRAG}exceptions = [\"prove (that|) we (are|can be) your best\"]\n");
        assert_eq!(findings_full(&rule, "So we are the best firm.").len(), 1);
        assert!(findings_full(&rule, "Let us prove we are your best supplier.").is_empty());
        assert!(findings_full(&rule, "We can prove that we can be your best supplier.").is_empty());
        // A claim beside the exception still counts.
        let text = "We are the best. Let us prove we are your best supplier.";
        assert_eq!(findings_full(&rule, text).len(), 1);
        // A near match inside an exception counts for no phrase, even one outside it.
        let rule = format!("{BRAG}exceptions = [\"do our best\"]\n");
        assert_eq!(findings_full(BRAG, "We will do our best.").len(), 1);
        assert!(findings_full(&rule, "We will do our best.").is_empty());
    }

    /// The finding spans the phrase, what is near it, and the words between, whichever
    /// comes first.
    #[test]
    fn the_finding_spans_both() {
        for (text, want) in [
            ("So we are the leading firm.", "we are the leading"),
            ("The best firm is what we are.", "best firm is what we"),
        ] {
            let f = findings_full(BRAG, text);
            assert_eq!(f.len(), 1, "{text}");
            assert_eq!(&text[f[0].span.clone()], want);
        }
    }

    #[test]
    fn fires_within_so_many_words() {
        assert_eq!(findings(BRAG, "We are the leading firm.").len(), 1);
        // One claim, one finding; never across paragraphs.
        assert_eq!(
            findings(BRAG, "We are the best firm and we know it.").len(),
            1
        );
        assert!(findings(BRAG, "Hi,\n\nCan we talk?\n\nBest,\nSam").is_empty());
        assert_eq!(findings(BRAG, "Our best-selling line.").len(), 1);
        assert!(
            findings(
                BRAG,
                "We work closely with the leading firms in your region."
            )
            .is_empty()
        );
        assert!(findings(BRAG, "We ship daily.").is_empty());
    }

    /// A near phrase of several words before the phrase counts the words between them, not
    /// its own: "second to none is what we are" has two words between.
    #[test]
    fn a_long_near_phrase_before_the_phrase_is_near() {
        let rule = BRAG.replace("\"best\"]", "\"best\", \"second to none\"]");
        assert_eq!(findings(&rule, "Second to none is what we are.").len(), 1);
        assert_eq!(
            findings(&rule, "Second to none, that is what we are.").len(),
            1
        );
        assert!(
            findings(
                &rule,
                "Second to none is the claim every vendor makes, and we do not."
            )
            .is_empty()
        );
    }

    #[test]
    fn fires_in_the_same_sentence_without_within() {
        assert_eq!(findings(ASK, "Will you partner with us?").len(), 1);
        assert!(findings(ASK, "We partnered with Acme. Can we talk?").is_empty());
        let e = pack_error("kind = \"proximity\"\nphrases = [\"a\"]\nweight = -1\n");
        assert!(e.contains("needs `near`"), "{e}");
        let e = pack_error(
            "kind = \"proximity\"\nphrases = [\"a\"]\nnear = [\"b\"]\nmax = 1\nweight = -1\n",
        );
        assert!(e.contains("a proximity rule has no `max` key"), "{e}");
    }
}
