//! pitchlint: a linter for sales pitch messages.
//!
//! The library is one pass in one direction; each stage is a module with one job and knows
//! nothing of the stages after it:
//!
//! ```text
//! CLI args ─▶ packs ─▶ rules ─▶ matcher (one compiled multi-pattern regex)
//!                                  │
//! path/stdin ─▶ inputs ─▶ document (source + lintable view + parts, byte spans)
//!                                  ▼
//!                             check ─▶ findings ─▶ score ─▶ report ─▶ render ─▶ exit code
//! ```
//!
//! The library never prints: renderers write to the stream they are given, and only the
//! binary decides where that is.

// No unwrap or expect on input-derived data in the library (tests may use them).
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

pub mod check;
pub mod cli;
pub mod document;
pub mod error;
pub mod examples;
pub mod inputs;
pub mod matcher;
pub mod pack;
pub mod parallel;
pub mod phrase;
pub mod position;
pub mod render;
pub mod report;
pub mod rule;
pub mod score;

pub use check::Linter;
pub use error::{Error, ErrorKind, Result};
pub use parallel::lint_many;

use document::Document;
use report::FileReport;
use score::Gate;

/// Lint one document: findings, score and pass/fail.
pub fn lint(linter: &Linter, doc: Document, gate: &Gate) -> FileReport {
    let findings = linter.check(&doc);
    let score = score::score(&findings, gate);
    FileReport {
        path: doc.path,
        format: doc.format,
        source: doc.source,
        findings,
        score,
        warnings: doc.warnings,
    }
}
