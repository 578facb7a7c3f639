//! `metric`: a measure of the draft or of some parts (words, sentences, reading grade,
//! questions, customer focus…) against `min` / `max`, with a penalty that saturates.
//!
//! The finding stands on the first line of the first measured part (on the longest sentence
//! itself for `longest_sentence_words`), and its message gives the measured value.

use std::sync::Arc;

use super::thresholds::num;
use super::{
    BoundError, Context, Finding, Judgement, NewBounds, Rule, RuleMeta, Thresholds, allow_keys,
};
use crate::document::Scope;
use crate::error::Result;
use crate::matcher::Hit;
use crate::metrics::Measure;
use crate::pack::{PackSource, RuleDef};

/// A rule on a measure.
#[derive(Clone, Debug)]
pub struct MetricRule {
    meta: Arc<RuleMeta>,
    measure: Measure,
    thresholds: Thresholds,
}

impl MetricRule {
    /// Check the keys and read the measure and its thresholds.
    pub fn new(src: &PackSource, r: &RuleDef, meta: Arc<RuleMeta>) -> Result<Self> {
        allow_keys(src, r, "metric", &["measure", "min", "max", "full_at"])?;
        let id = &meta.id;
        let measure = match &r.measure {
            None => {
                return Err(src.error_at(
                    r.id.span().start,
                    format!(
                        "rule `{id}`: a metric rule needs `measure`: one of {}",
                        Measure::names().join(", ")
                    ),
                ));
            }
            Some(m) => Measure::from_name(m.get_ref()).ok_or_else(|| {
                src.error_at(
                    m.span().start,
                    format!(
                        "rule `{id}`: {}",
                        crate::error::unknown("measure", m.get_ref(), &Measure::names())
                    ),
                )
            })?,
        };
        let thresholds = Thresholds::new(src, r, meta.weight, "metric")?;
        // A bound outside what the measure can be is never crossed, or always.
        if let Some((range, what)) = measure.range() {
            let profiles = r.profile.iter().flat_map(|p| p.get_ref().values());
            let bounds = [&r.min, &r.max, &r.full_at]
                .into_iter()
                .chain(profiles.flat_map(|p| [&p.min, &p.max, &p.full_at]))
                .flatten();
            if let Some(b) = bounds.into_iter().find(|b| !range.contains(b.get_ref())) {
                return Err(src.error_at(
                    b.span().start,
                    format!(
                        "rule `{id}`: {} is out of range for `{}`: {what}",
                        b.get_ref(),
                        measure.name()
                    ),
                ));
            }
        }
        Ok(MetricRule {
            meta,
            measure,
            thresholds,
        })
    }
}

impl Rule for MetricRule {
    fn meta(&self) -> &Arc<RuleMeta> {
        &self.meta
    }
    fn with_bounds(
        &self,
        bounds: &NewBounds,
    ) -> Option<std::result::Result<Box<dyn Rule>, BoundError>> {
        Some(
            self.thresholds
                .rebound(bounds, self.measure.range())
                .map(|thresholds| {
                    Box::new(MetricRule {
                        thresholds,
                        ..self.clone()
                    }) as Box<dyn Rule>
                }),
        )
    }

    fn reads_measures(&self) -> bool {
        true
    }

    fn check(&self, cx: &Context<'_>, _hits: &[Hit], out: &mut Vec<Finding>) {
        let m = cx.metrics(self.meta.scope);
        // A draft with none of the rule's parts of the message (opening, body, closing) has
        // none of their words, sentences or questions: a count is zero (a greeting and a
        // sign-off alone are too short). Parts a draft may leave out (a subject kept elsewhere,
        // a signature) have no measure, nor has a part the rule's `except_scope` leaves out,
        // and a draft with no text at all is `pitchlint/empty-draft`'s alone.
        let v = match m.value(self.measure) {
            Some(v) => v,
            None if self.measure.is_count()
                && self.meta.scope.intersects(Scope::MESSAGE)
                && !cx.doc.segments.is_empty()
                && cx.doc.spans_of(self.meta.scope).next().is_none() =>
            {
                0.0
            }
            None => return,
        };
        let Some(j) = self.thresholds.judge(v, cx.profile()) else {
            return;
        };
        // In a template, merge fields stand for words and questions the writer fills in
        // ("[One sentence about why you're reaching out]", a closing of "[CTA]"): too few of
        // them is not judged where the rule's parts hold one. Too many still is, and so is a
        // share (a field holds no "you").
        if self.measure.is_count() && matches!(j, Judgement::Below(..)) && holds_fields(cx) {
            return;
        }
        let value = self.measure.describe(v);
        let rule = &self.meta.message;
        let (message, strength) = match j {
            Judgement::Above(hi, s) => (format!("{value}, more than {}: {rule}", num(hi)), s),
            Judgement::Below(lo, s) => (format!("{value}, fewer than {}: {rule}", num(lo)), s),
            Judgement::Within => (format!("{value}: {rule}"), 1.0),
        };
        // "more than 0.4" reads badly for a share, and "more than 8" for a grade: the bound
        // in the measure's own terms ("reading grade 9.7, above 8", "34% …, below 40%").
        let bound = |b: f64| match self.measure {
            Measure::YouShare => format!("{:.0}%", b * 100.0),
            _ => num(b),
        };
        // A value that rounds to its bound is written one digit finer: "reading grade 8.04,
        // above 8", not "reading grade 8.0, above 8".
        let finer = |b: f64| {
            let hidden = self.measure.describe(b) == value;
            self.measure.describe_finer(v, usize::from(hidden))
        };
        let message = match (self.measure, j) {
            (Measure::YouShare | Measure::Grade, Judgement::Above(hi, _)) => {
                format!("{}, above {}: {rule}", finer(hi), bound(hi))
            }
            (Measure::YouShare | Measure::Grade, Judgement::Below(lo, _)) => {
                format!("{}, below {}: {rule}", finer(lo), bound(lo))
            }
            _ => message,
        };
        let mut f = cx.part_finding(message);
        if self.measure == Measure::LongestSentenceWords
            && let Some(s) = m.longest_sentence()
        {
            // The whole sentence, over every line it is wrapped on: an editor or a pull
            // request's annotation marks what to split.
            let scope = f.scope;
            let message = f.message.take();
            f = cx.finding(s.span.clone(), None);
            f.message = message;
            if f.scope.is_empty() {
                f.scope = scope;
            }
        }
        f.strength = strength;
        out.push(f);
    }
}

/// Whether the document is a template with a merge field in one of the rule's parts.
fn holds_fields(cx: &Context<'_>) -> bool {
    let doc = cx.doc;
    doc.template
        && doc
            .spans_of(cx.meta.scope)
            .any(|span| doc.placeholder_in(span).is_some())
}

#[cfg(test)]
mod tests {
    use crate::rule::tests::{findings, pack_error};

    const LONG: &str = "kind = \"metric\"\nmeasure = \"words\"\nscope = [\"opening\", \"body\", \"closing\"]\nmax = 10\nfull_at = 20\nweight = -8\n";

    /// A greeting and a sign-off alone have no words of the message: a count is zero, so a
    /// `min` fires; a grade is undefined, and an empty draft is left to `empty-draft`.
    #[test]
    fn a_draft_without_the_parts_counts_zero() {
        let short = "kind = \"metric\"\nmeasure = \"words\"\nscope = [\"opening\", \"body\", \"closing\"]\nmin = 25\nweight = -4\n";
        let bare = "Hi Dana,\n\nBest,\nSam\n";
        assert_eq!(
            findings(short, bare),
            [("0 words, fewer than 25: m".to_string(), 1.0)]
        );
        assert!(findings(short, "").is_empty());
        let grade = short
            .replace("\"words\"", "\"grade\"")
            .replace("min = 25", "max = 8");
        assert!(findings(&grade, bare).is_empty());
        // A subject may be kept elsewhere: a draft without one has no subject words to count.
        let subject = short.replace("[\"opening\", \"body\", \"closing\"]", "\"subject\"");
        assert!(findings(&subject, bare).is_empty());
        // A part the rule excepts is left out, not counted as zero words.
        let except = format!("{short}except_scope = \"closing\"\n");
        assert!(findings(&except, "Hi Dana,\n\nCan we talk?\n\nBest,\nSam\n").is_empty());
        assert_eq!(findings(&except, bare).len(), 1);
    }

    /// In a template, a merge field in the rule's parts stands for what the writer fills in:
    /// too few words or questions is not judged there, too many still is; a draft (not a
    /// template) is judged as written, and so is a template without a field in those parts.
    #[test]
    fn a_template_s_fields_leave_too_few_unjudged() {
        use crate::rule::tests::findings_in_template;
        let few_questions = "kind = \"metric\"\nmeasure = \"questions\"\nmin = 1\nweight = -5\n";
        let t = "Hi {{first_name}},\n\n[One sentence about why you are reaching out]\n\n[CTA]\n\nBest,\nSam\n";
        assert!(findings_in_template(few_questions, t).is_empty());
        assert_eq!(findings(few_questions, t).len(), 1);
        let plain = "Hi {{first_name}},\n\nWe ship on time.\n\nBest,\nSam\n";
        assert_eq!(findings_in_template(few_questions, plain).len(), 1);
        let many = "kind = \"metric\"\nmeasure = \"words\"\nmax = 3\nweight = -5\n";
        let long = "Hi,\n\nWe ship [Product] on time, every time, to you.\n\nSam";
        assert_eq!(findings_in_template(many, long).len(), 1);
    }

    #[test]
    fn fires_above_max_with_the_value_and_saturates() {
        let f = findings(
            LONG,
            "One two three four five six seven eight nine ten eleven twelve.",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, "12 words, more than 10: m");
        assert!((f[0].1 - 0.4).abs() < 1e-9, "{}", f[0].1);
        assert!(findings(LONG, "Short and sweet.").is_empty());
        assert!(findings(LONG, "").is_empty(), "no part, no measure");
    }

    /// A value that rounds to its bound is written one digit finer, so that the message never
    /// reads "40% …, below 40%"; one that does not keeps its usual form.
    #[test]
    fn a_value_that_rounds_to_its_bound_is_written_finer() {
        let share = "kind = \"metric\"\nmeasure = \"you_share\"\nmin = 0.404\nweight = -5\n";
        // Two "you" of five I/we/you words: 40%, just below 40.4%.
        let text = "You and you: we said we would, and we did.";
        assert_eq!(
            findings(share, text),
            [(
                "40.0% of I/we/you words are \"you\", below 40%: m".to_string(),
                1.0
            )]
        );
        let far = share.replace("0.404", "0.5");
        assert_eq!(
            findings(&far, text)[0].0,
            "40% of I/we/you words are \"you\", below 50%: m"
        );
    }

    #[test]
    fn profiles_override_and_rewards_fire_within() {
        let r = "kind = \"metric\"\nmeasure = \"questions\"\nmin = 1\nmax = 3\nweight = 4\n";
        assert_eq!(findings(r, "Can we talk? It is short.").len(), 1);
        assert!(findings(r, "We can talk.").is_empty());
        let p = format!("{LONG}[rule.profile.first-touch]\nmax = 100\nfull_at = 200\n");
        assert!(
            findings(
                &p,
                "One two three four five six seven eight nine ten eleven twelve."
            )
            .is_empty()
        );
    }

    #[test]
    fn unknown_measures_and_foreign_keys_are_errors() {
        let e = pack_error("kind = \"metric\"\nmeasure = \"length\"\nmax = 3\nweight = -1\n");
        assert!(
            e.contains("unknown measure `length`: expected one of words,"),
            "{e}"
        );
        let e = pack_error(
            "kind = \"metric\"\nmeasure = \"words\"\nmax = 3\nweight = -1\nphrases = [\"a\"]\n",
        );
        assert!(
            e.contains(":10:11: rule `x`: a metric rule has no `phrases` key"),
            "{e}"
        );
    }
}
