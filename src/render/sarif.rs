//! `sarif`: SARIF 2.1.0, one run, for GitHub code scanning and other viewers. Every loaded rule
//! goes in `tool.driver.rules` with its descriptions; each finding is a result whose region
//! gives 1-based lines and columns in Unicode code points (the end column is exclusive, as
//! SARIF wants). A file that fails on its score gets a result of rule `pitchlint/min-score`.
//! The document needs the whole run, so it is written in [`Renderer::end`].

use std::collections::HashMap;
use std::io::{self, Write};
use std::sync::Arc;

use serde_json::{Value, json};

use super::Renderer;
use crate::report::{FileReport, Summary};
use crate::rule::{RuleMeta, Severity};

/// The id of the result a file gets when its score is below the minimum.
pub const MIN_SCORE_RULE: &str = "pitchlint/min-score";

/// The SARIF renderer.
pub struct Sarif {
    rules: Vec<Value>,
    index: HashMap<String, usize>,
    results: Vec<Value>,
    notifications: Vec<Value>,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a URI: a relative path as a relative reference (`/` separators), an absolute one
/// as a `file://` URI, and the characters that would change its meaning percent-encoded.
pub fn uri(path: &str) -> String {
    let absolute = std::path::Path::new(path).is_absolute();
    // A backslash separates folders on Windows; elsewhere it is a character of the name.
    let path = if cfg!(windows) {
        path.replace('\\', "/")
    } else {
        path.to_string()
    };
    let path = super::repo_path(&path);
    let mut out = String::with_capacity(path.len() + 8);
    if absolute {
        out.push_str(if path.starts_with('/') {
            "file://"
        } else {
            "file:///"
        });
    }
    // A relative reference whose first segment has a `:` would read as a scheme (`c:x.txt`):
    // its colons are encoded (RFC 3986, 4.2).
    let first_segment = if absolute {
        0
    } else {
        path.find('/').unwrap_or(path.len())
    };
    for (i, c) in path.char_indices() {
        match c {
            ':' if i < first_segment => out.push_str("%3A"),
            // Outside ASCII and control characters too: SARIF's `uri` is an RFC 3986 URI
            // reference, whose characters are ASCII (its UTF-8 bytes, percent-encoded).
            c if !c.is_ascii()
                || c.is_control()
                || matches!(
                    c,
                    '%' | ' '
                        | '\\'
                        | '#'
                        | '?'
                        | '['
                        | ']'
                        | '"'
                        | '<'
                        | '>'
                        | '`'
                        | '{'
                        | '}'
                        | '|'
                        | '^'
                ) =>
            {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

fn rule_json(m: &RuleMeta) -> Value {
    let full = if m.rationale.is_empty() {
        m.message.clone()
    } else {
        m.rationale.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let mut help = m.message.clone();
    if let Some(s) = &m.suggest {
        help.push_str(&format!("\n\nTry: {s}"));
    }
    json!({
        "id": m.qualified,
        "name": m.id,
        "shortDescription": {"text": m.message},
        "fullDescription": {"text": full},
        "help": {"text": help},
        "defaultConfiguration": {"level": level(m.severity)},
        "properties": {
            "pack": m.pack,
            "kind": m.kind,
            "weight": m.weight,
            "scope": m.scope.label(),
            "tags": ["pitch", m.pack.as_str()],
        },
    })
}

impl Sarif {
    /// A renderer listing `rules` (every loaded rule) in `tool.driver.rules`.
    pub fn new(rules: Vec<Arc<RuleMeta>>) -> Self {
        let mut s = Sarif {
            rules: Vec::new(),
            index: HashMap::new(),
            results: Vec::new(),
            notifications: Vec::new(),
        };
        for r in &rules {
            s.rule_index(r);
        }
        s
    }

    fn rule_index(&mut self, m: &RuleMeta) -> usize {
        if let Some(&i) = self.index.get(&m.qualified) {
            return i;
        }
        self.rules.push(rule_json(m));
        self.index.insert(m.qualified.clone(), self.rules.len() - 1);
        self.rules.len() - 1
    }

    fn min_score_index(&mut self) -> usize {
        if let Some(&i) = self.index.get(MIN_SCORE_RULE) {
            return i;
        }
        self.rules
            .push(rule_json(&crate::builtin::min_score_meta()));
        self.index
            .insert(MIN_SCORE_RULE.to_string(), self.rules.len() - 1);
        self.rules.len() - 1
    }
}

impl Renderer for Sarif {
    fn file(&mut self, _w: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        let located = file.located();
        let uri = uri(&file.path);
        // Rewards are left out, as in `github`: code scanning shows each result as an alert
        // to fix, and a reward asks for no change (it still counts in the score).
        for l in located.iter().filter(|l| !l.finding.rule.is_reward()) {
            let f = l.finding;
            let index = self.rule_index(&f.rule);
            let mut text = f.message().to_string();
            if let Some(s) = &f.rule.suggest {
                text.push_str(&format!(" Try: {s}"));
            }
            self.results.push(json!({
                "ruleId": f.rule.qualified,
                "ruleIndex": index,
                "level": level(f.rule.severity),
                "message": {"text": text},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": {
                            "startLine": l.start.line,
                            "startColumn": l.start.column,
                            "endLine": l.end.line,
                            "endColumn": l.end.column,
                            "snippet": {"text": file.source.get(f.span.clone()).unwrap_or("")},
                        },
                    },
                }],
                "properties": {"weight": f.rule.weight, "scope": f.scope.label()},
            }));
        }
        let low_score = file.score.reasons.iter().find(|r| r.starts_with("score "));
        if let Some(reason) = low_score {
            let index = self.min_score_index();
            self.results.push(json!({
                "ruleId": MIN_SCORE_RULE,
                "ruleIndex": index,
                "level": "error",
                "message": {"text": format!("Score {}/100: {reason}.", file.score.score)},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": {"startLine": 1, "startColumn": 1},
                    },
                }],
            }));
        }
        Ok(())
    }

    /// An input not linted is a tool execution notification: `error` when it could not be
    /// read, `note` when it was skipped as binary.
    fn unread(
        &mut self,
        _w: &mut dyn Write,
        path: &str,
        message: &str,
        error: bool,
    ) -> io::Result<()> {
        self.notifications.push(json!({
            "level": if error { "error" } else { "note" },
            "message": {"text": message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(path)}}}],
        }));
        Ok(())
    }

    fn end(&mut self, w: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        // A warnings limit the run went over: an error notification of its own.
        for over in &summary.over_max_warnings {
            self.notifications.push(json!({
                "level": "error",
                "message": {"text": over.message()},
                "descriptor": {"id": crate::builtin::MAX_WARNINGS},
            }));
        }
        let mut run = json!({
            "tool": {"driver": {
                "name": "pitchlint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": std::mem::take(&mut self.rules),
            }},
            "columnKind": "unicodeCodePoints",
            "results": std::mem::take(&mut self.results),
        });
        // Always one invocation, so that `runs[0].invocations[0].executionSuccessful` can be
        // read whatever happened; its notifications only when there are some.
        let mut invocation = json!({ "executionSuccessful": summary.errors == 0 });
        if !self.notifications.is_empty() {
            invocation["toolExecutionNotifications"] =
                json!(std::mem::take(&mut self.notifications));
        }
        run["invocations"] = json!([invocation]);
        let doc = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [run],
        });
        serde_json::to_writer_pretty(&mut *w, &doc).map_err(io::Error::from)?;
        w.write_all(b"\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_and_encoded() {
        assert_eq!(uri("./a b/c#1.txt"), "a%20b/c%231.txt");
        if cfg!(windows) {
            assert_eq!(uri("dir\\x.md"), "dir/x.md");
        } else {
            assert_eq!(uri("dir\\x.md"), "dir%5Cx.md");
        }
        assert_eq!(uri("naïve.txt"), "na%C3%AFve.txt");
        assert_eq!(
            uri("für Müller/a\tb.txt"),
            "f%C3%BCr%20M%C3%BCller/a%09b.txt"
        );
        // A colon in the first segment would make it a scheme; later ones are fine.
        assert_eq!(uri("./c:x.txt"), "c%3Ax.txt");
        assert_eq!(uri("d/c:x.txt"), "d/c:x.txt");
        #[cfg(unix)]
        assert_eq!(uri("/tmp/a b.txt"), "file:///tmp/a%20b.txt");
    }
}
