//! `concise`: `path:line:col: severity [rule] message`, one finding a line, for editors and
//! grep (a reward's severity reads `reward`). Messages are kept on one line. A file whose
//! score is below the minimum gets a line of rule `pitchlint/min-score` at 1:1, so that every
//! failure shows.

use std::io::{self, Write};

use super::Renderer;
use crate::report::FileReport;
use crate::rule::RuleMeta;

/// The concise renderer.
pub struct Concise;

/// A message on one line: line breaks become spaces.
pub fn one_line(s: &str) -> String {
    s.split(['\r', '\n'])
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A finding's level in a line: its severity, or `reward` for a reward (whose severity is
/// `info`), so that a gate of `--fail-on info` shows which lines failed the file: rewards
/// never do.
pub fn level(rule: &RuleMeta) -> &'static str {
    if rule.is_reward() {
        "reward"
    } else {
        rule.severity.as_str()
    }
}

impl Renderer for Concise {
    fn file(&mut self, w: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        let located = file.located();
        let path = super::printable(&file.path);
        for l in &located {
            let f = l.finding;
            writeln!(
                w,
                "{}:{}:{}: {} [{}] {}",
                path,
                l.start.line,
                l.start.column,
                level(&f.rule),
                f.rule.qualified,
                super::printable(&one_line(f.message()))
            )?;
        }
        if let Some(reason) = file.score.reasons.iter().find(|r| r.starts_with("score ")) {
            writeln!(
                w,
                "{}:1:1: error [{}] {reason}",
                path,
                super::sarif::MIN_SCORE_RULE
            )?;
        }
        Ok(())
    }
}
