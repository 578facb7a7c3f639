//! `--statistics`: how many findings each rule had over the run, instead of the findings.
//! A table for people, a JSON array with `--format json`, or one JSON object per line with
//! `--format jsonl`.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::Renderer;
use crate::report::{FileReport, Summary};
use crate::rule::Severity;

/// One rule's count.
#[derive(Debug, Serialize)]
pub struct RuleCount {
    /// `pack/id`.
    pub rule: String,
    /// Its severity.
    pub severity: Severity,
    /// What the table calls it: its severity, or `reward` ([`super::concise::level`]; the JSON
    /// keeps the severity, beside which a reward's weight is positive).
    #[serde(skip)]
    pub level: &'static str,
    /// Findings over the run.
    pub count: usize,
    /// Suppressed findings over the run.
    pub suppressed: usize,
    /// Its message.
    pub message: String,
}

/// How the counts are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A table: `count  rule  severity  message`.
    Table,
    /// One JSON array.
    Json,
    /// One JSON object per line.
    JsonLines,
}

/// Counts findings per rule; prints them at the end.
pub struct Statistics {
    shape: Shape,
    counts: BTreeMap<String, RuleCount>,
}

impl Statistics {
    /// A counter printing its counts in `shape`.
    pub fn new(shape: Shape) -> Self {
        Statistics {
            shape,
            counts: BTreeMap::new(),
        }
    }
}

impl Renderer for Statistics {
    fn file(&mut self, _w: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        let all = file
            .findings
            .iter()
            .map(|f| (f, false))
            .chain(file.suppressed.iter().map(|f| (f, true)));
        for (f, suppressed) in all {
            let c = self
                .counts
                .entry(f.rule.qualified.clone())
                .or_insert_with(|| RuleCount {
                    rule: f.rule.qualified.clone(),
                    severity: f.rule.severity,
                    level: super::concise::level(&f.rule),
                    count: 0,
                    suppressed: 0,
                    message: f.rule.message.clone(),
                });
            if suppressed {
                c.suppressed += 1;
            } else {
                c.count += 1;
            }
        }
        Ok(())
    }

    fn end(&mut self, w: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        let mut rows: Vec<&RuleCount> = self.counts.values().collect();
        rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.rule.cmp(&b.rule)));
        match self.shape {
            Shape::Json => {
                serde_json::to_writer(&mut *w, &rows).map_err(io::Error::from)?;
                return w.write_all(b"\n");
            }
            Shape::JsonLines => {
                for r in rows {
                    serde_json::to_writer(&mut *w, r).map_err(io::Error::from)?;
                    w.write_all(b"\n")?;
                }
                return Ok(());
            }
            Shape::Table => {}
        }
        let width = rows.iter().map(|r| r.rule.len()).max().unwrap_or(4);
        for r in rows {
            let sup = if r.suppressed > 0 {
                format!(" ({} suppressed)", r.suppressed)
            } else {
                String::new()
            };
            writeln!(
                w,
                "{:>5}  {:<width$}  {:<7}  {}{sup}",
                r.count, r.rule, r.level, r.message
            )?;
        }
        Ok(())
    }
}
