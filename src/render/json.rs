//! `json`: one JSON object, `{"files": [...], "summary": {...}}`, written file by file.
//! The schema is documented in the README; fields are only ever added.

use std::io::{self, Write};

use serde::Serialize;

use super::Renderer;
use crate::document::{Format, Scope};
use crate::position::LineIndex;
use crate::report::{FileReport, Located, Summary};
use crate::rule::Severity;
use crate::score::Score;

/// The JSON renderer.
#[derive(Default)]
pub struct Json {
    files: usize,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    format: Format,
    score: u8,
    passed: bool,
    findings: Findings<'a>,
    breakdown: JsonScore<'a>,
    warnings: &'a [String],
    #[serde(skip_serializing_if = "is_zero")]
    suppressed: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Serialize)]
struct JsonScore<'a> {
    base: i32,
    rewards: f64,
    rewards_capped: bool,
    penalties: f64,
    rules: Vec<JsonLine<'a>>,
    reasons: &'a [String],
}

#[derive(Serialize)]
struct JsonLine<'a> {
    rule: &'a str,
    hits: usize,
    points: f64,
}

/// One finding as JSON. Lines and columns are 1-based; columns count characters; the end is
/// exclusive; `text` is the file's text at the span, exactly. `replacements` are what may
/// replace `text` (substitutions, doubled words); the finding is `fixable` by `--fix` when there
/// is exactly one. `strength` is how much of the rule's weight it carries, in (0, 1].
#[derive(Serialize)]
pub struct JsonFinding<'a> {
    rule: &'a str,
    severity: Severity,
    weight: i32,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    offset: usize,
    end_offset: usize,
    text: &'a str,
    scope: Scope,
    suggest: Option<&'a str>,
    replacements: &'a [String],
    fixable: bool,
    strength: f64,
}

/// One finding as a JSON object (shared with the `jsonl` format).
pub fn finding<'a>(file: &'a FileReport, l: &Located<'a>) -> JsonFinding<'a> {
    let f = l.finding;
    JsonFinding {
        rule: &f.rule.qualified,
        severity: f.rule.severity,
        weight: f.rule.weight,
        message: f.message(),
        line: l.start.line,
        column: l.start.column,
        end_line: l.end.line,
        end_column: l.end.column,
        offset: f.span.start,
        end_offset: f.span.end,
        text: file.source.get(f.span.clone()).unwrap_or(""),
        scope: f.scope,
        suggest: f.rule.suggest.as_deref(),
        replacements: &f.replacements,
        fixable: f.fix().is_some(),
        strength: f.strength,
    }
}

/// A file's findings, serialised one by one as they are located (no list of them is built).
struct Findings<'a>(&'a FileReport);

impl Serialize for Findings<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let index = LineIndex::new(&self.0.source);
        s.collect_seq(self.0.located_with(&index).map(|l| finding(self.0, &l)))
    }
}

impl<'a> JsonFile<'a> {
    fn new(file: &'a FileReport) -> Self {
        let s: &Score = &file.score;
        JsonFile {
            path: &file.path,
            format: file.format,
            score: s.score,
            passed: s.passed,
            findings: Findings(file),
            breakdown: JsonScore {
                base: s.base,
                rewards: s.rewards,
                rewards_capped: s.rewards_capped,
                penalties: s.penalties,
                rules: s
                    .breakdown
                    .iter()
                    .map(|l| JsonLine {
                        rule: &l.rule.qualified,
                        hits: l.hits,
                        points: l.points,
                    })
                    .collect(),
                reasons: &s.reasons,
            },
            warnings: &file.warnings,
            suppressed: file.suppressed.len(),
        }
    }
}

impl Renderer for Json {
    fn begin(&mut self, w: &mut dyn Write) -> io::Result<()> {
        w.write_all(b"{\"files\":[")
    }

    fn file(&mut self, w: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        if self.files > 0 {
            w.write_all(b",")?;
        }
        self.files += 1;
        // serde_json writes many small pieces: buffer them here, where the writer is a known
        // type, rather than through `dyn Write` one by one.
        let mut buf = io::BufWriter::with_capacity(64 << 10, &mut *w);
        serde_json::to_writer(&mut buf, &JsonFile::new(file)).map_err(io::Error::from)?;
        buf.flush()
    }

    fn end(&mut self, w: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        w.write_all(b"],\"summary\":")?;
        serde_json::to_writer(&mut *w, summary).map_err(io::Error::from)?;
        w.write_all(b"}\n")
    }
}
