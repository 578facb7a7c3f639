//! `sarif`: SARIF 2.1.0, one run, for GitHub code scanning and other viewers. Every loaded rule
//! goes in `tool.driver.rules` with its descriptions; each finding is a result whose region
//! gives 1-based lines and columns in Unicode code points (the end column is exclusive, as
//! SARIF wants). A file that fails on its score gets a result of rule `pitchlint/min-score`.
//!
//! Results stream: each file's are written as the file is reported, one per line, and the run's
//! `tool` (whose rule list may grow with the built-in rules the results name) and `invocations`
//! follow them in [`Renderer::end`]. A JSON object's keys have no order, so `results` may come
//! before `tool`; holding every result until the end took about 1 GB per megabyte of a draft
//! that repeats a flagged sentence.

use std::collections::HashMap;
use std::io::{self, Write};
use std::sync::Arc;

use serde::Serialize;
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
    notifications: Vec<Value>,
    /// Whether a result was written: the next one follows a comma.
    wrote: bool,
}

/// One result, as written: borrowed from the finding, serialised without building a tree.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Text<'a>,
    locations: [Location<'a>; 1],
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<Properties>,
}

#[derive(Serialize)]
struct Text<'a> {
    text: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: Physical<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Physical<'a> {
    artifact_location: Artifact<'a>,
    region: Region<'a>,
}

#[derive(Serialize)]
struct Artifact<'a> {
    uri: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region<'a> {
    start_line: usize,
    start_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Text<'a>>,
}

#[derive(Serialize)]
struct Properties {
    weight: i32,
    scope: String,
}

/// A result's one location: `region` of the file at `uri`.
fn at<'a>(uri: &'a str, region: Region<'a>) -> [Location<'a>; 1] {
    [Location {
        physical_location: Physical {
            artifact_location: Artifact { uri },
            region,
        },
    }]
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
    let mut properties = json!({
        "pack": m.pack,
        "kind": m.kind,
        "weight": m.weight,
        "scope": m.scope.label(),
        "tags": ["pitch", m.pack.as_str()],
    });
    // A weight its pack changes by profile (a result carries the one it was found with).
    if m.weighs_by_profile() {
        let by_profile: serde_json::Map<String, Value> = crate::profile::Profile::ALL
            .iter()
            .map(|(p, name)| ((*name).to_string(), Value::from(m.weight_in(*p))))
            .collect();
        properties["profileWeights"] = Value::Object(by_profile);
    }
    json!({
        "id": m.qualified,
        "name": m.id,
        "shortDescription": {"text": m.message},
        "fullDescription": {"text": full},
        "help": {"text": help},
        "defaultConfiguration": {"level": level(m.severity)},
        "properties": properties,
    })
}

/// How the document opens, as far as the run's results (`end` closes it): also how
/// `--output` knows an earlier SARIF report of pitchlint's.
pub const OPENING: &str = concat!(
    "{\n",
    "  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n",
    "  \"version\": \"2.1.0\",\n",
    "  \"runs\": [\n",
    "    {\n",
    "      \"columnKind\": \"unicodeCodePoints\",\n",
    "      \"results\": [",
);

impl Sarif {
    /// A renderer listing `rules` (every loaded rule) in `tool.driver.rules`.
    pub fn new(rules: Vec<Arc<RuleMeta>>) -> Self {
        let mut s = Sarif {
            rules: Vec::new(),
            index: HashMap::new(),
            notifications: Vec::new(),
            wrote: false,
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

    /// Write one result, on a line of its own.
    fn write_result(&mut self, w: &mut dyn Write, result: &SarifResult<'_>) -> io::Result<()> {
        w.write_all(if self.wrote {
            b",\n        "
        } else {
            b"\n        "
        })?;
        self.wrote = true;
        serde_json::to_writer(&mut *w, result).map_err(io::Error::from)
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

/// `value` pretty-printed at the depth of a run's keys (six spaces).
fn pretty(w: &mut dyn Write, value: &Value) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::from)?;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            w.write_all(b"\n      ")?;
        }
        w.write_all(line.as_bytes())?;
    }
    Ok(())
}

impl Renderer for Sarif {
    fn begin(&mut self, w: &mut dyn Write) -> io::Result<()> {
        // The document as far as the run's results; `end` closes it.
        w.write_all(OPENING.as_bytes())
    }

    fn file(&mut self, w: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        let located = file.located();
        let uri = uri(&file.path);
        let mut text = String::new();
        // Rewards are left out, as in `github`: code scanning shows each result as an alert
        // to fix, and a reward asks for no change (it still counts in the score).
        for l in located.iter().filter(|l| !l.finding.rule.is_reward()) {
            let f = l.finding;
            let index = self.rule_index(&f.rule);
            text.clear();
            text.push_str(f.message());
            if let Some(s) = &f.rule.suggest {
                text.push_str(" Try: ");
                text.push_str(s);
            }
            let result = SarifResult {
                rule_id: &f.rule.qualified,
                rule_index: index,
                level: level(f.rule.severity),
                message: Text { text: &text },
                locations: at(
                    &uri,
                    Region {
                        start_line: l.start.line,
                        start_column: l.start.column,
                        end_line: Some(l.end.line),
                        end_column: Some(l.end.column),
                        snippet: Some(Text {
                            text: file.source.get(f.span.clone()).unwrap_or(""),
                        }),
                    },
                ),
                properties: Some(Properties {
                    weight: f.rule.weight,
                    scope: f.scope.label(),
                }),
            };
            self.write_result(w, &result)?;
        }
        let low_score = file.score.reasons.iter().find(|r| r.starts_with("score "));
        if let Some(reason) = low_score {
            let index = self.min_score_index();
            let text = format!("Score {}/100: {reason}.", file.score.score);
            let result = SarifResult {
                rule_id: MIN_SCORE_RULE,
                rule_index: index,
                level: "error",
                message: Text { text: &text },
                locations: at(
                    &uri,
                    Region {
                        start_line: 1,
                        start_column: 1,
                        end_line: None,
                        end_column: None,
                        snippet: None,
                    },
                ),
                properties: None,
            };
            self.write_result(w, &result)?;
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
        let tool = json!({"driver": {
            "name": "pitchlint",
            "version": env!("CARGO_PKG_VERSION"),
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "rules": std::mem::take(&mut self.rules),
        }});
        // Always one invocation, so that `runs[0].invocations[0].executionSuccessful` can be
        // read whatever happened; its notifications only when there are some.
        let mut invocation = json!({ "executionSuccessful": summary.errors == 0 });
        if !self.notifications.is_empty() {
            invocation["toolExecutionNotifications"] =
                json!(std::mem::take(&mut self.notifications));
        }
        w.write_all(if self.wrote {
            b"\n      ],\n      \"tool\": "
        } else {
            b"],\n      \"tool\": "
        })?;
        pretty(w, &tool)?;
        w.write_all(b",\n      \"invocations\": ")?;
        pretty(w, &json!([invocation]))?;
        w.write_all(b"\n    }\n  ]\n}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{self, Format};
    use crate::score::Gate;

    /// Each file's results are written when the file is reported, not held to the end: the
    /// run's memory stays that of one file's report however many findings the run has.
    #[test]
    fn results_are_written_as_each_file_is_reported() {
        let linter = crate::Linter::new(&crate::pack::default_sources()).unwrap();
        let report = |name: &str, text: &str| {
            let doc = document::read(name, text.as_bytes().to_vec(), Format::Text).unwrap();
            crate::lint(&linter, doc, &Gate::default())
        };
        let mut sarif = Sarif::new(linter.rules().cloned().collect());
        let mut out = Vec::new();
        sarif.begin(&mut out).unwrap();
        let partner = "Hi Dana,\n\nWe ship fast.\n\nWill you partner with us?\n\nBest,\nSam\n";
        sarif.file(&mut out, &report("a.txt", partner)).unwrap();
        let after_one = String::from_utf8(out.clone()).unwrap();
        assert!(
            after_one.contains("\"ruleId\":\"seed/partner-close\""),
            "{after_one}"
        );
        assert!(after_one.contains("\"uri\":\"a.txt\""), "{after_one}");
        sarif.file(&mut out, &report("b.txt", partner)).unwrap();
        let n_before_end = out.len();
        sarif.end(&mut out, &Summary::default()).unwrap();
        // What `end` adds is the run's tool and invocations, not the results.
        let v: Value = serde_json::from_slice(&out).unwrap();
        let results = v["runs"][0]["results"].as_array().unwrap();
        let tail = String::from_utf8(out[n_before_end..].to_vec()).unwrap();
        assert!(!tail.contains("\"ruleId\""), "{tail}");
        let uris: Vec<&str> = results
            .iter()
            .map(|r| {
                r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap()
            })
            .collect();
        assert!(
            uris.contains(&"a.txt") && uris.contains(&"b.txt"),
            "{uris:?}"
        );
        // Every result's rule index names its rule in the tool's list.
        let rules = v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
        for r in results {
            let i = r["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[i]["id"], r["ruleId"]);
        }
    }

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
