//! Accepted terms: the config's `accept` list (as Vale's vocabularies accept terms for every
//! rule). Text that matches an accepted term is not the writer's prose, whatever a rule says
//! of it: a customer's name ("Partners HealthCare"), a product ("Quality Partner Program").
//! Like a URL, it is masked: no rule's phrase or pattern matches in it, and the metrics do not
//! count its words. A finding that comes from no match (a merge field) and lies wholly inside
//! one is dropped too.

use std::ops::Range;

use crate::document::Document;
use crate::matcher::{Matcher, MatcherError};
use crate::phrase::Phrase;
use crate::rule::phrase::Exceptions;
use crate::rule::{Finding, PatternSpec};

/// Every accepted term of one config (its top level and its `[[overrides]]` entries), in one
/// matcher: a file's own terms are a subset of it ([`AcceptFor`]).
#[derive(Debug)]
pub struct Accepted {
    matcher: Matcher,
}

impl Accepted {
    /// One matcher for the terms, each its own pattern (term `i` is hit rule `i`). Terms are
    /// phrases, matched as a rule's phrases are (case-insensitive, whole words).
    pub fn new(terms: Vec<Phrase>) -> Result<Self, MatcherError> {
        let specs: Vec<PatternSpec> = terms
            .into_iter()
            .map(|p| PatternSpec::Phrases {
                phrases: vec![p],
                case_sensitive: false,
            })
            .collect();
        Ok(Accepted {
            matcher: Matcher::from_specs(&specs)?,
        })
    }
}

/// The accepted terms that apply to one file: which of its config's terms.
#[derive(Clone, Debug)]
pub struct AcceptFor {
    /// The config's terms.
    pub terms: std::sync::Arc<Accepted>,
    /// The indices of those that apply to the file.
    pub active: Vec<u32>,
}

impl AcceptFor {
    /// Mask the matches of the terms that apply in `doc` (as its URLs are), and return them,
    /// as view spans sorted by start, for [`AcceptFor::filter`].
    pub fn mask(&self, doc: &mut Document) -> Vec<Range<usize>> {
        let mut hits = Vec::new();
        self.terms.matcher.find_all(doc.text(), &mut hits);
        let spans: Vec<Range<usize>> = hits
            .into_iter()
            .filter(|h| self.active.contains(&h.rule))
            .map(|h| h.span)
            .collect();
        if !spans.is_empty() {
            doc.masked = crate::document::links::merge(&doc.masked, &spans);
            doc.accepted = crate::document::links::merge(&[], &spans);
        }
        spans
    }

    /// Drop the findings of `doc` that lie inside one of `spans` (from [`AcceptFor::mask`]).
    pub fn filter(doc: &Document, spans: &[Range<usize>], findings: &mut Vec<Finding>) {
        if spans.is_empty() {
            return;
        }
        // Mapping to the source keeps their order.
        let accepted =
            Exceptions::new(spans.iter().map(|s| doc.map.to_source(s.clone())).collect());
        findings.retain(|f| !accepted.cover(&f.span));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{self, Format};

    fn kept(terms: &[&str], active: &[u32], text: &str) -> Vec<String> {
        let phrases = terms
            .iter()
            .map(|t| crate::phrase::parse(t).unwrap())
            .collect();
        let accept = AcceptFor {
            terms: std::sync::Arc::new(Accepted::new(phrases).unwrap()),
            active: active.to_vec(),
        };
        let linter = crate::Linter::new(&crate::pack::default_sources()).unwrap();
        let mut doc = document::read("a.txt", text.as_bytes().to_vec(), Format::Text).unwrap();
        let spans = accept.mask(&mut doc);
        let mut findings = linter.check(&doc);
        AcceptFor::filter(&doc, &spans, &mut findings);
        findings
            .iter()
            .filter(|f| f.rule.qualified == "seed/partner-close")
            .map(|f| doc.source[f.span.clone()].to_string())
            .collect()
    }

    const DRAFT: &str = "Hi Dana,\n\nOur trucks serve Partners HealthCare, and we could partner on your lanes too.\n\nBest,\nSam";

    #[test]
    fn a_finding_inside_an_accepted_term_is_dropped_and_others_stay() {
        let all = kept(&[], &[], DRAFT);
        assert_eq!(all, ["Partners", "partner"], "the rule fires on both");
        assert_eq!(kept(&["partners healthcare"], &[0], DRAFT), ["partner"]);
        // Across a line break, as phrases match.
        let wrapped = DRAFT.replace("Partners HealthCare", "Partners\nHealthCare");
        assert_eq!(kept(&["Partners HealthCare"], &[0], &wrapped), ["partner"]);
    }

    #[test]
    fn only_active_terms_apply() {
        assert_eq!(
            kept(&["Partners HealthCare"], &[], DRAFT),
            ["Partners", "partner"]
        );
        assert_eq!(
            kept(&["lanes", "Partners HealthCare"], &[0], DRAFT),
            ["Partners", "partner"]
        );
        assert_eq!(kept(&["could partner on"], &[0], DRAFT), ["Partners"]);
    }
}
