//! `phrase`: the rule fires wherever one of its phrases (or its regex) stands, in its scope.

use std::sync::Arc;

use super::{Context, Finding, PatternSpec, Rule, RuleMeta};
use crate::error::Result;
use crate::matcher::Hit;
use crate::pack::{PackSource, RuleDef};
use crate::phrase;

/// A rule that fires on phrases or a regex.
#[derive(Debug)]
pub struct PhraseRule {
    meta: Arc<RuleMeta>,
    patterns: Vec<PatternSpec>,
}

impl PhraseRule {
    /// Compile the rule's phrases (all into one alternation) and its pattern.
    pub fn new(src: &PackSource, r: &RuleDef, meta: Arc<RuleMeta>) -> Result<Self> {
        let id = &meta.id;
        let err = |offset: usize, msg: String| src.error_at(offset, format!("rule `{id}`: {msg}"));
        let flags = if r.case_sensitive { "" } else { "(?i)" };
        let mut patterns = Vec::new();
        match (&r.phrases, &r.pattern) {
            (Some(_), Some(p)) => {
                return Err(err(
                    p.span().start,
                    "give `phrases` or `pattern`, not both".into(),
                ));
            }
            (None, None) => {
                return Err(err(
                    r.id.span().start,
                    "a phrase rule needs `phrases` or `pattern`".into(),
                ));
            }
            (Some(list), None) => {
                if list.get_ref().is_empty() {
                    return Err(err(
                        list.span().start,
                        "`phrases` is empty: list at least one phrase".into(),
                    ));
                }
                let mut alts = Vec::new();
                for p in list.get_ref() {
                    // +1 skips the opening quote of the TOML string.
                    let compiled = phrase::compile(p.get_ref()).map_err(|e| {
                        err(
                            p.span().start + 1 + e.offset,
                            format!("phrase {:?}: {}", p.get_ref(), e.message),
                        )
                    })?;
                    alts.push(compiled);
                }
                // Longest first, so that leftmost-first matching prefers the longer phrase.
                alts.sort_by_key(|a| std::cmp::Reverse(a.len()));
                alts.dedup();
                patterns.push(PatternSpec {
                    regex: format!("{flags}(?:{})", alts.join("|")),
                    words: true,
                });
            }
            (None, Some(p)) => {
                let re = p.get_ref();
                let hir = regex_automata::util::syntax::parse(re).map_err(|e| {
                    err(
                        p.span().start,
                        format!("invalid regex: {}", one_line(&e.to_string())),
                    )
                })?;
                if hir.properties().minimum_len() == Some(0) {
                    return Err(err(
                        p.span().start,
                        "pattern can match empty text: it must match at least one character".into(),
                    ));
                }
                patterns.push(PatternSpec {
                    regex: format!("{flags}(?:{re})"),
                    words: false,
                });
            }
        }
        Ok(PhraseRule { meta, patterns })
    }
}

fn one_line(s: &str) -> String {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Rule for PhraseRule {
    fn meta(&self) -> &Arc<RuleMeta> {
        &self.meta
    }

    fn patterns(&self) -> &[PatternSpec] {
        &self.patterns
    }

    fn check(&self, cx: &Context<'_>, hits: &[Hit], out: &mut Vec<Finding>) {
        for h in hits {
            if !cx.doc.scope_at(h.span.start).intersects(self.meta.scope)
                || cx.doc.is_masked(&h.span)
            {
                continue;
            }
            out.push(cx.finding(h.span.clone(), None));
        }
    }
}
