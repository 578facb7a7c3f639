//! `occurrence`: a phrase or pattern that stands more than `max` (or fewer than `min`) times in
//! the rule's scope: "partner" three times, "I" and "we" ten times, no question mark in the
//! closing. One finding per draft: on the first occurrence past `max`, or on the first line of
//! the scope for too few. What its `exceptions` cover is not counted ("your managing partner"
//! is no "partner" of the pitch).

use std::sync::Arc;

use super::phrase::{Exceptions, compile_exceptions, compile_match};
use super::thresholds::num;
use super::{
    BoundError, Context, Finding, Judgement, NewBounds, PatternSpec, Rule, RuleMeta, Thresholds,
    allow_keys,
};
use crate::error::Result;
use crate::matcher::Hit;
use crate::pack::{PackSource, RuleDef};

/// A rule on how often something occurs.
#[derive(Clone, Debug)]
pub struct OccurrenceRule {
    meta: Arc<RuleMeta>,
    patterns: Vec<PatternSpec>,
    thresholds: Thresholds,
}

impl OccurrenceRule {
    /// Check the keys, compile the phrases and read the thresholds.
    pub fn new(src: &PackSource, r: &RuleDef, meta: Arc<RuleMeta>) -> Result<Self> {
        allow_keys(
            src,
            r,
            "occurrence",
            &[
                "phrases",
                "pattern",
                "case_sensitive",
                "exceptions",
                "exception_pattern",
                "min",
                "max",
                "full_at",
            ],
        )?;
        let mut patterns = compile_match(src, r, &meta.id)?;
        patterns.extend(compile_exceptions(src, r, &meta.id)?);
        let thresholds = Thresholds::new(src, r, meta.weight, "occurrence")?;
        Ok(OccurrenceRule {
            meta,
            patterns,
            thresholds,
        })
    }
}

impl Rule for OccurrenceRule {
    fn meta(&self) -> &Arc<RuleMeta> {
        &self.meta
    }
    fn with_bounds(
        &self,
        bounds: &NewBounds,
    ) -> Option<std::result::Result<Box<dyn Rule>, BoundError>> {
        Some(self.thresholds.rebound(bounds, None).map(|thresholds| {
            Box::new(OccurrenceRule {
                thresholds,
                ..self.clone()
            }) as Box<dyn Rule>
        }))
    }

    fn patterns(&self) -> &[PatternSpec] {
        &self.patterns
    }

    fn check(&self, cx: &Context<'_>, hits: &[Hit], out: &mut Vec<Finding>) {
        // Pattern 0 is what the rule counts, the patterns after it its exceptions.
        let exceptions = Exceptions::of(hits, 1);
        // Counted, then walked again to the one a finding points at (near the first): a
        // list of them would hold a pointer per `!` of a draft made of them.
        let counted = || {
            hits.iter()
                .filter(|h| h.pattern == 0 && !exceptions.cover(&h.span) && cx.counts(&h.span))
        };
        let n = counted().count();
        let Some(j) = self.thresholds.judge(n as f64, cx.profile()) else {
            return;
        };
        let times = if n == 1 {
            "once".to_string()
        } else {
            format!("{n} times")
        };
        let rule = &self.meta.message;
        let mut f = match j {
            Judgement::Above(hi, _) => {
                // The first occurrence past the limit.
                let message = format!("{times}, more than {}: {rule}", num(hi));
                let at = (hi.max(0.0).floor() as usize).min(n.saturating_sub(1));
                match counted().nth(at) {
                    Some(h) => cx.finding(h.span.clone(), Some(message)),
                    None => cx.part_finding(message),
                }
            }
            Judgement::Below(lo, _) => {
                cx.part_finding(format!("{times}, fewer than {}: {rule}", num(lo)))
            }
            Judgement::Within => match counted().next() {
                Some(h) => cx.finding(h.span.clone(), Some(format!("{times}: {rule}"))),
                None => cx.part_finding(format!("{times}: {rule}")),
            },
        };
        f.strength = match j {
            Judgement::Above(_, s) | Judgement::Below(_, s) => s,
            Judgement::Within => 1.0,
        };
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::tests::findings;

    const PARTNER: &str = "kind = \"occurrence\"\nphrases = [\"partner*\"]\nmax = 2\nweight = -6\n";

    #[test]
    fn fires_once_past_max_at_the_first_excess() {
        let f = findings(PARTNER, "A partner. Partners. Partnering. Partnerships.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, "4 times, more than 2: m");
        assert!(findings(PARTNER, "A partner. Partners.").is_empty());
    }

    /// What its exceptions cover is not counted, and an exception alone counts nothing.
    #[test]
    fn exceptions_are_not_counted() {
        let r = format!("{PARTNER}exceptions = [\"managing partner\", \"partner program\"]\n");
        let text = "Our managing partner, a partner, partners and the partner program.";
        assert!(findings(&r, text).is_empty());
        let f = findings(&r, &format!("{text} Partnering."));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, "3 times, more than 2: m");
        // The same draft without the exceptions: four.
        assert_eq!(findings(PARTNER, text)[0].0, "4 times, more than 2: m");
    }

    #[test]
    fn fires_below_min_in_a_part() {
        let r =
            "kind = \"occurrence\"\nscope = \"closing\"\npattern = '\\?'\nmin = 1\nweight = -6\n";
        let f = findings(r, "Hi,\n\nIs this you?\n\nWe ship on time.\n\nBest,\nSam");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, "0 times, fewer than 1: m");
    }
}
