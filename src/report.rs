//! The report: what a run found, per file, as plain data for the renderers.

use serde::Serialize;

use crate::document::Format;
use crate::position::{LineIndex, Position};
use crate::rule::{Finding, Severity};
use crate::score::Score;

/// One linted file.
#[derive(Debug)]
pub struct FileReport {
    /// The path as given, or `-` for standard input.
    pub path: String,
    /// The format it was read as.
    pub format: Format,
    /// The kind of message it was linted as.
    pub profile: crate::profile::Profile,
    /// The text as stored, which every finding's span indexes.
    pub source: String,
    /// Findings, sorted by position.
    pub findings: Vec<Finding>,
    /// Its score and pass/fail.
    pub score: Score,
    /// Notes about how it was read.
    pub warnings: Vec<String>,
    /// Findings silenced by suppression comments: they don't count toward the score.
    pub suppressed: Vec<Finding>,
    /// Bytes of the file before `source` (a UTF-8 byte-order mark): added to byte offsets.
    pub stored_offset: usize,
    /// Where an email's body is quoted-printable in `source` (see
    /// [`crate::document::Document::quoted_printable`]).
    pub quoted_printable: Option<std::ops::Range<usize>>,
}

/// A finding with its positions resolved, for renderers.
#[derive(Debug, Clone, Copy)]
pub struct Located<'a> {
    /// The finding.
    pub finding: &'a Finding,
    /// Start, 1-based line and column (characters).
    pub start: Position,
    /// End (exclusive), 1-based line and column (characters).
    pub end: Position,
}

impl FileReport {
    /// Every finding with line and column computed, sharing one line index.
    ///
    /// Findings are sorted by start, so columns are counted on from the previous finding on
    /// the same line rather than from the line start: thousands of findings on one very long
    /// line cost one pass over it, not one pass each.
    pub fn located(&self) -> Vec<Located<'_>> {
        let index = LineIndex::new(&self.source);
        self.located_in(&index, 0..self.findings.len()).collect()
    }

    /// [`FileReport::located`] for the findings at `range` of the list, one at a time, with the
    /// file's line index: for renderers that stream (a file with millions of findings holds no
    /// list of them), a piece on each core (each piece counts its columns afresh).
    pub fn located_in<'a, 'i>(
        &'a self,
        index: &'i LineIndex,
        range: std::ops::Range<usize>,
    ) -> impl Iterator<Item = Located<'a>> + use<'a, 'i> {
        let src = self.source.as_str();
        let mut cursor = Cursor::default();
        self.findings[range].iter().map(move |f| {
            let start = cursor.advance(index, src, f.span.start);
            // The end usually lies on the same line, a few characters on.
            let end = Cursor { ..cursor }.advance(index, src, f.span.end);
            Located {
                finding: f,
                start,
                end,
            }
        })
    }
}

/// A running (offset, position) pair, so that columns are counted once per line.
#[derive(Clone, Copy, Default)]
struct Cursor {
    /// 0-based line of `offset`, and its start; `None` before the first use.
    line: Option<(usize, usize)>,
    offset: usize,
    column: usize,
}

impl Cursor {
    fn advance(&mut self, index: &LineIndex, src: &str, offset: usize) -> Position {
        let mut offset = offset.min(src.len());
        while !src.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = match self.line {
            Some((l, _)) => index.line_near(l, offset),
            None => index.line_of(offset),
        };
        let line_start = index.line_start(line);
        let (from, column) = match self.line {
            Some((l, _)) if l == line && self.offset <= offset => (self.offset, self.column),
            _ => (line_start.min(offset), 1),
        };
        let column = column + index.chars_between(src, from, offset);
        *self = Cursor {
            line: Some((line, line_start)),
            offset,
            column,
        };
        Position {
            line: line + 1,
            column,
        }
    }
}

/// Counts over a whole run.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Summary {
    /// Files linted.
    pub files: usize,
    /// Files that passed the gate.
    pub passed: usize,
    /// Files that failed the gate.
    pub failed: usize,
    /// Findings in all files, rewards included.
    pub findings: usize,
    /// Of `findings`, the rewards (a positive weight): what the drafts do well.
    pub rewards: usize,
    /// Of `findings`, those of severity error (each fails its file).
    pub error_findings: usize,
    /// Files or inputs that could not be read (or, with `--fix`, written back).
    pub errors: usize,
    /// Findings silenced by suppression comments.
    #[serde(skip_serializing_if = "is_zero")]
    pub suppressed: usize,
    /// Findings of severity warning in all files.
    pub warnings: usize,
    /// The limits on warnings (`--max-warnings`, `max_warnings`) that the run went over, which
    /// fail it (unless `--exit-zero`, which changes only the exit code).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub over_max_warnings: Vec<WarningLimit>,
}

/// A limit on warnings that a run went over: see [`Summary::over_max_warnings`].
#[derive(Debug, Clone, Serialize)]
pub struct WarningLimit {
    /// The warnings counted against it.
    pub warnings: usize,
    /// The limit.
    pub max: usize,
    /// Where it was set: `--max-warnings`, or a config file (and its `[[overrides]]` entry).
    pub origin: String,
}

impl WarningLimit {
    /// The verdict in words: `11 warnings, more than the maximum of 3 (max_warnings from …)`.
    pub fn message(&self) -> String {
        format!(
            "{} warning{}, more than the maximum of {} (max_warnings from {})",
            self.warnings,
            if self.warnings == 1 { "" } else { "s" },
            self.max,
            self.origin
        )
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Summary {
    /// Count one file.
    pub fn add(&mut self, f: &FileReport) {
        self.files += 1;
        self.findings += f.findings.len();
        self.suppressed += f.suppressed.len();
        for g in &f.findings {
            match g.rule.severity {
                Severity::Warning => self.warnings += 1,
                Severity::Error => self.error_findings += 1,
                Severity::Info => {}
            }
            self.rewards += usize::from(g.rule.is_reward());
        }
        if f.score.passed {
            self.passed += 1;
        } else {
            self.failed += 1;
        }
    }
}
