//! `require`: something that must be present in a part, such as a question or a concrete next
//! step in the closing. The rule fires, once, when none of its phrases (or its pattern) stands
//! in its scope; the finding points at the first line of the first part in scope.

use std::sync::Arc;

use super::phrase::{Exceptions, MATCH_KEYS, compile_exceptions, compile_match};
use super::{Context, Finding, PatternSpec, Rule, RuleMeta, allow_keys};
use crate::error::Result;
use crate::matcher::Hit;
use crate::pack::{PackSource, RuleDef};

/// A rule that fires when what it requires is missing.
#[derive(Debug)]
pub struct RequireRule {
    meta: Arc<RuleMeta>,
    patterns: Vec<PatternSpec>,
}

impl RequireRule {
    /// Check the keys and compile what is required.
    pub fn new(src: &PackSource, r: &RuleDef, meta: Arc<RuleMeta>) -> Result<Self> {
        allow_keys(src, r, "require", MATCH_KEYS)?;
        let mut patterns = compile_match(src, r, &meta.id)?;
        patterns.extend(compile_exceptions(src, r, &meta.id)?);
        Ok(RequireRule { meta, patterns })
    }
}

impl Rule for RequireRule {
    fn meta(&self) -> &Arc<RuleMeta> {
        &self.meta
    }

    fn patterns(&self) -> &[PatternSpec] {
        &self.patterns
    }

    fn check(&self, cx: &Context<'_>, hits: &[Hit], out: &mut Vec<Finding>) {
        // Pattern 0 is what is required; a match inside one of its exceptions (the patterns
        // after it) does not count.
        let exceptions = Exceptions::of(hits, 1);
        let found = hits
            .iter()
            .any(|h| h.pattern == 0 && !exceptions.cover(&h.span) && cx.counts(&h.span));
        if !found && !placeholder_only(cx) {
            out.push(cx.part_finding(self.meta.message.clone()));
        }
    }
}

/// Whether the rule's scope, in a template, is merge fields and nothing else (a closing that
/// is `[CTA]`): what it must hold is left to the writer, so it is not judged.
fn placeholder_only(cx: &Context<'_>) -> bool {
    let doc = cx.doc;
    if !doc.template {
        return false;
    }
    let text = doc.text();
    let mut any = false;
    for span in doc.spans_of(cx.meta.scope) {
        let mut at = span.start;
        let first = doc.placeholders.partition_point(|p| p.end <= span.start);
        for p in doc.placeholders[first..]
            .iter()
            .take_while(|p| p.start < span.end)
        {
            any = true;
            if text[at..p.start.max(at)].chars().any(char::is_alphanumeric) {
                return false;
            }
            at = at.max(p.end);
        }
        if text[at.min(span.end)..span.end]
            .chars()
            .any(char::is_alphanumeric)
        {
            return false;
        }
    }
    any
}

#[cfg(test)]
mod tests {
    use crate::rule::tests::{findings, pack_error};

    const ASK: &str = "kind = \"require\"\nscope = \"closing\"\npattern = '\\?'\nweight = -10\n";

    /// What stands inside an exception does not count as present: a sum the buyer lost is
    /// no price.
    #[test]
    fn a_match_inside_an_exception_does_not_count() {
        let price = "kind = \"require\"\npattern = '[$][0-9]+'\nexception_pattern = 'cost (you|us) [$][0-9]+'\nweight = -6\n";
        let loss = "Hi Dana,\n\nLate freight cost you $240000 last year.\n\nShall I send it?\n\nBest,\nSam";
        assert_eq!(findings(price, loss).len(), 1);
        let priced = "Hi Dana,\n\nLate freight cost you $240000 last year. We charge $1850 a load.\n\nShall I send it?\n\nBest,\nSam";
        assert!(findings(price, priced).is_empty());
        let phrases =
            "kind = \"require\"\nphrases = [\"trial\"]\nexceptions = [\"no trial\"]\nweight = -6\n";
        assert_eq!(findings(phrases, "We offer no trial.").len(), 1);
        assert!(findings(phrases, "We offer a trial.").is_empty());
    }

    #[test]
    fn fires_once_when_the_closing_has_no_question() {
        let f = findings(
            ASK,
            "Hi Dana,\n\nWe move freight.\n\nLet me know.\n\nBest,\nSam",
        );
        assert_eq!(f.len(), 1);
        assert!(
            findings(
                ASK,
                "Hi Dana,\n\nWe move freight?\n\nCan we talk Tuesday?\n\nBest,\nSam"
            )
            .is_empty()
        );
        // A question elsewhere does not count.
        assert_eq!(
            findings(
                ASK,
                "Hi Dana,\n\nDo you ship?\n\nWe ship from Ohio.\n\nBest,\nSam"
            )
            .len(),
            1
        );
        assert_eq!(findings(ASK, "").len(), 1, "an empty draft has no ask");
    }

    #[test]
    fn a_template_s_closing_that_is_only_a_merge_field_is_not_judged() {
        let t =
            "Hi {{first_name}},\n\nWe move freight for plants like yours.\n\n[CTA]\n\nBest,\nSam";
        let template = |text: &str| crate::rule::tests::findings_in_template(ASK, text).len();
        assert_eq!(template(t), 0);
        // A draft (not a template) still has no ask; a merge field with words around it is
        // judged as the words are.
        assert_eq!(findings(ASK, t).len(), 1);
        assert_eq!(
            template(&t.replace("[CTA]", "Happy to send [resource].")),
            1
        );
    }

    #[test]
    fn rewards_are_rejected() {
        let e = pack_error("kind = \"require\"\npattern = 'x'\nweight = 5\n");
        assert!(
            e.contains(":8:10: rule `x`: a require rule fires when something is missing"),
            "{e}"
        );
        let e = pack_error("kind = \"require\"\npattern = 'x'\nweight = -5\nmax = 3\n");
        assert!(e.contains("a require rule has no `max` key"), "{e}");
    }
}
