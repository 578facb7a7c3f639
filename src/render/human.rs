//! `human`: each finding as a code frame (annotate-snippets), then each file's score and the
//! rules that moved it. Colour only when asked for (the binary decides: terminal, NO_COLOR,
//! `--color`).

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Level, Renderer as Snippets, Snippet};
use colored::Colorize;

use super::{RenderOptions, Renderer};
use crate::report::{FileReport, Summary};
use crate::rule::Severity;
use crate::score::REWARD_CAP;

/// The human renderer.
pub struct Human {
    snippets: Snippets,
    color: bool,
}

impl Human {
    /// A human renderer; `opts.color` turns on colour.
    pub fn new(opts: RenderOptions) -> Self {
        let snippets = if opts.color {
            Snippets::styled()
        } else {
            Snippets::plain()
        };
        Human {
            snippets,
            color: opts.color,
        }
    }

    fn paint(&self, s: &str, f: impl Fn(&str) -> colored::ColoredString) -> String {
        if self.color {
            f(s).to_string()
        } else {
            s.to_string()
        }
    }
}

impl Renderer for Human {
    fn file(&mut self, w: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        for warning in &file.warnings {
            writeln!(
                w,
                "{}: {} {warning}",
                file.path,
                self.paint("note:", |s| s.yellow().bold())
            )?;
        }
        let (index, located) = file.located();
        for loc in &located {
            let f = loc.finding;
            let rule = &f.rule;
            let first = index.line_of(f.span.start);
            let last = index.line_of(f.span.end.saturating_sub(1).max(f.span.start));
            let start = index.line_start(first);
            let end = index.line_range(&file.source, last).end.max(f.span.end);
            let level = match rule.severity {
                Severity::Error => Level::ERROR,
                Severity::Warning => Level::WARNING,
                Severity::Info => Level::INFO,
            };
            let title = format!("{:+} {}", rule.weight, f.message());
            let snippet = Snippet::source(&file.source[start..end])
                .line_start(first + 1)
                .path(file.path.as_str())
                .annotation(AnnotationKind::Primary.span(f.span.start - start..f.span.end - start));
            let mut group = level
                .primary_title(title)
                .id(rule.qualified.as_str())
                .element(snippet);
            if let Some(s) = &rule.suggest {
                group = group.element(Level::HELP.message(s.as_str()));
            }
            writeln!(w, "{}\n", self.snippets.render(&[group]))?;
        }
        let s = &file.score;
        let verdict = if s.passed {
            self.paint("PASS", |x| x.green().bold())
        } else {
            self.paint("FAIL", |x| x.red().bold())
        };
        let mut head = format!(
            "{}: score {}/100 {verdict}",
            self.paint(&file.path, |x| x.bold()),
            s.score
        );
        if !s.reasons.is_empty() {
            head.push_str(&format!(" ({})", s.reasons.join("; ")));
        }
        if !file.suppressed.is_empty() {
            head.push_str(&format!(" [{} suppressed]", file.suppressed.len()));
        }
        writeln!(w, "{head}")?;
        writeln!(w, "  {:>5}  base", s.base)?;
        for l in &s.breakdown {
            let pts = format!("{:+.0}", l.points);
            let pts = if l.points > 0.0 {
                self.paint(&pts, |x| x.green())
            } else {
                self.paint(&pts, |x| x.red())
            };
            let times = if l.hits == 1 {
                String::new()
            } else {
                format!(" ×{}", l.hits)
            };
            // Pad on the visible width: colour codes are invisible.
            let pad = 5usize.saturating_sub(format!("{:+.0}", l.points).chars().count());
            let part = if l.part.is_empty() {
                String::new()
            } else {
                format!("  ({})", l.part.label())
            };
            writeln!(
                w,
                "  {}{pts}  {}{times}{part}",
                " ".repeat(pad),
                l.rule.qualified
            )?;
        }
        if s.rewards_capped {
            writeln!(w, "         (rewards capped at +{REWARD_CAP})")?;
        }
        writeln!(w)
    }

    fn end(&mut self, w: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        if summary.files > 1 || summary.errors > 0 {
            let plural = |n: usize, one: &str, many: &str| {
                if n == 1 {
                    format!("{n} {one}")
                } else {
                    format!("{n} {many}")
                }
            };
            writeln!(
                w,
                "{}: {} passed, {} failed, {}{}{}",
                plural(summary.files, "file", "files"),
                summary.passed,
                summary.failed,
                plural(summary.findings, "finding", "findings"),
                if summary.suppressed > 0 {
                    format!(", {} suppressed", summary.suppressed)
                } else {
                    String::new()
                },
                if summary.errors > 0 {
                    format!(", {} unreadable", summary.errors)
                } else {
                    String::new()
                }
            )?;
        }
        Ok(())
    }
}
