//! The report: what a run found, per file, as plain data for the renderers.

use serde::Serialize;

use crate::document::Format;
use crate::position::{LineIndex, Position};
use crate::rule::Finding;
use crate::score::Score;

/// One linted file.
#[derive(Debug)]
pub struct FileReport {
    /// The path as given, or `-` for standard input.
    pub path: String,
    /// The format it was read as.
    pub format: Format,
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
    pub fn located(&self) -> (LineIndex, Vec<Located<'_>>) {
        let index = LineIndex::new(&self.source);
        let located = self
            .findings
            .iter()
            .map(|f| Located {
                finding: f,
                start: index.position(&self.source, f.span.start),
                end: index.position(&self.source, f.span.end),
            })
            .collect();
        (index, located)
    }
}

/// Counts over a whole run.
#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct Summary {
    /// Files linted.
    pub files: usize,
    /// Files that passed the gate.
    pub passed: usize,
    /// Files that failed the gate.
    pub failed: usize,
    /// Findings in all files.
    pub findings: usize,
    /// Files or inputs that could not be read.
    pub errors: usize,
    /// Findings silenced by suppression comments.
    #[serde(skip_serializing_if = "is_zero")]
    pub suppressed: usize,
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
        if f.score.passed {
            self.passed += 1;
        } else {
            self.failed += 1;
        }
    }
}
