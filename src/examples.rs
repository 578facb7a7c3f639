//! Rule examples: every rule's `fire` texts must make it fire, and its `quiet` texts must not.
//! The test suite runs this over every pack, and so does `pitchlint check-rules`.

use crate::Linter;
use crate::document::{self, Format};

/// An example that did not behave as its rule says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    /// `pack/id` of the rule.
    pub rule: String,
    /// The example text.
    pub text: String,
    /// Whether it was a `fire` example (that stayed quiet) or a `quiet` one (that fired).
    pub should_fire: bool,
    /// What helps to see why: where a `quiet` example fired, or the parts of a `fire` example
    /// and the parts the rule reads (a rule scoped to the closing stays quiet on a body).
    pub why: String,
}

impl std::fmt::Display for ExampleFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = if self.should_fire {
            "should fire but did not"
        } else {
            "should stay quiet but fired"
        };
        write!(
            f,
            "{}: example {what}: {:?} ({})",
            self.rule, self.text, self.why
        )
    }
}

/// Run every example of every rule in `linter`, each rule on its own. Returns the number of
/// examples run and the failures.
pub fn run(linter: &Linter) -> (usize, Vec<ExampleFailure>) {
    let mut failures = Vec::new();
    let mut count = 0;
    for meta in linter.rules() {
        let cases = meta
            .examples
            .fire
            .iter()
            .map(|t| (t, true))
            .chain(meta.examples.quiet.iter().map(|t| (t, false)));
        for (text, should_fire) in cases {
            count += 1;
            let doc = match document::read("<example>", text.as_bytes().to_vec(), Format::Text) {
                Some(d) => d,
                None => continue,
            };
            let profile = meta
                .examples
                .profile
                .as_deref()
                .and_then(crate::profile::Profile::from_name)
                .unwrap_or_default();
            let findings = linter.check_as(&doc, profile);
            let fired = findings.iter().find(|f| f.rule.qualified == meta.qualified);
            if fired.is_some() != should_fire {
                let line = |at: usize| text[..at.min(text.len())].matches('\n').count() + 1;
                let why = match fired {
                    Some(f) => {
                        let on = text.get(f.span.clone()).unwrap_or_default();
                        let on = match on.char_indices().nth(40) {
                            Some((i, _)) => format!("{}…", &on[..i]),
                            None => on.to_string(),
                        };
                        format!(
                            "fired at line {} in {}, on {on:?}: {}",
                            line(f.span.start),
                            f.scope.label(),
                            f.message()
                        )
                    }
                    None => {
                        let parts: Vec<String> = doc
                            .segments
                            .iter()
                            .map(|s| format!("{} {}", s.scope.label(), line(s.span.start)))
                            .collect();
                        // The rules it needs that found nothing here, if any.
                        let unmet: Vec<&str> = meta
                            .needs
                            .iter()
                            .filter(|n| !findings.iter().any(|f| f.rule.qualified == **n))
                            .map(String::as_str)
                            .collect();
                        let needs = if unmet.is_empty() {
                            String::new()
                        } else {
                            format!(
                                ", and counts only where {} fire{} too: {} did not",
                                meta.needs.join(", "),
                                if meta.needs.len() == 1 { "s" } else { "" },
                                unmet.join(", ")
                            )
                        };
                        format!(
                            "its parts, by line: {}; the rule reads {} in the {} profile{needs}",
                            if parts.is_empty() {
                                "none".to_string()
                            } else {
                                parts.join(", ")
                            },
                            meta.scope.label(),
                            profile.as_str()
                        )
                    }
                };
                failures.push(ExampleFailure {
                    rule: meta.qualified.clone(),
                    text: text.to_string(),
                    should_fire,
                    why,
                });
            }
        }
    }
    (count, failures)
}
