//! `github`: GitHub Actions workflow commands, which the runner turns into annotations on the
//! pull request: `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
//! Values are escaped as the runner expects: `%`, `\r`, `\n` everywhere, and `:` and `,` in
//! properties. Columns are given only for a finding on one line, as GitHub wants. Each
//! annotation says the points its finding counts for, as the human titles do. A file that
//! fails the gate gets an `::error` of its own, before its findings' (GitHub shows only the
//! first few annotations of each kind in a step). Rewards (findings with a positive weight) are
//! left out: an annotation on a pull request asks for a change, and a reward asks for none
//! (the score line and the other formats still show them). An input that cannot be read
//! gets an `::error` on the file, one skipped as binary a `::notice`. Standard input with no
//! `--stdin-filename` has no file in the repository: its annotations name none.

use std::io::{self, Write};

use super::Renderer;
use crate::report::{FileReport, Summary};
use crate::rule::Severity;

/// The GitHub Actions renderer.
pub struct Github;

/// Escape a command's message. Other control characters are shown as in the human report
/// ([`super::printable`]: ESC as `␛`): a draft's or a file name's escape sequence must not
/// reach a CI log's terminal.
pub fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(super::control_picture(c).unwrap_or(c)),
        }
    }
    out
}

/// Escape a command property's value.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Renderer for Github {
    fn file(&mut self, w: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        let located = file.located();
        let path = property(&file.path);
        // The verdict first: GitHub shows only the first few annotations of a kind.
        if !file.score.passed {
            writeln!(
                w,
                "::error {}title={}::{}",
                at_file(&path, "line=1,col=1"),
                escape_property(&format!("pitchlint score {}/100", file.score.score)),
                escape_data(&format!(
                    "{} fails the gate: {}",
                    if file.path == "-" {
                        "standard input".into()
                    } else {
                        // As `file=` names it.
                        super::repo_path(&file.path)
                    },
                    file.score.reasons.join("; ")
                ))
            )?;
        }
        // Each says the points it counts for, as the human titles do: the annotations of a
        // file add up to its score.
        let shares = crate::score::shares(&file.findings);
        for (l, share) in located
            .iter()
            .zip(shares)
            .filter(|(l, _)| !l.finding.rule.is_reward())
        {
            let f = l.finding;
            let command = match f.rule.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut message = format!("{}: {}", super::counts_for(f, file, share), f.message());
            if let Some(s) = &f.rule.suggest {
                message.push_str(&format!("\nTry: {s}"));
            }
            // GitHub takes columns only when the annotation is on one line.
            let at = if l.start.line == l.end.line {
                format!(
                    "line={},col={},endLine={},endColumn={}",
                    l.start.line, l.start.column, l.end.line, l.end.column
                )
            } else {
                format!("line={},endLine={}", l.start.line, l.end.line)
            };
            writeln!(
                w,
                "::{command} {}title={}::{}",
                at_file(&path, &at),
                escape_property(&format!("pitchlint {}", f.rule.qualified)),
                escape_data(&message)
            )?;
        }
        Ok(())
    }

    /// An input not linted: unreadable (an error on the file) or binary (a notice).
    fn unread(
        &mut self,
        w: &mut dyn Write,
        path: &str,
        message: &str,
        error: bool,
    ) -> io::Result<()> {
        let (command, title) = if error {
            ("error", "pitchlint cannot read the file")
        } else {
            ("notice", "pitchlint skipped the file")
        };
        let file = property(path);
        let file = file
            .as_deref()
            .map_or(String::new(), |f| format!("file={f},"));
        writeln!(
            w,
            "::{command} {file}title={}::{}",
            escape_property(title),
            escape_data(message)
        )
    }

    /// A warnings limit the run went over: an error annotation of its own. A run that linted
    /// nothing and met no error says so in a notice: the step's summary shows it, where a
    /// gate that checked nothing would otherwise pass unseen (the reason is also on standard
    /// error, unless `--quiet`: so the notice names the reasons it can have).
    fn end(&mut self, w: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        if summary.files == 0 && summary.errors == 0 {
            writeln!(
                w,
                "::notice title=pitchlint linted nothing::No draft was linted, so this gate \
                 checked nothing: the paths held no drafts (or only binary files), standard \
                 input was empty, or the config left every file out."
            )?;
        }
        for over in &summary.over_max_warnings {
            writeln!(
                w,
                "::error title={}::{}",
                escape_property(&format!("pitchlint {}", crate::builtin::MAX_WARNINGS)),
                escape_data(&over.message())
            )?;
        }
        Ok(())
    }
}

/// A run that cannot start (a broken config or rule pack, a bad flag), as annotations: one
/// `::error` per error, on the file and at the place it names, so that a pull request that
/// breaks the team's rules shows where. (The binary names a path under the current folder
/// from it, as the repository does: see `Error::relative_to`.)
pub fn setup_errors(error: &crate::Error) -> String {
    let mut out = String::new();
    for e in error.all() {
        let file = e.path.as_deref().map(|p| {
            let shown = p.to_string_lossy();
            format!("file={},", escape_property(&super::repo_path(&shown)))
        });
        let at = match (&file, e.position) {
            (Some(_), Some((line, col))) => format!("line={line},col={col},"),
            _ => String::new(),
        };
        out.push_str(&format!(
            "::error {}{at}title={}::{}\n",
            file.unwrap_or_default(),
            escape_property("pitchlint cannot run"),
            escape_data(&e.message)
        ));
    }
    out
}

/// A file's path as a property: relative to the repository, as GitHub matches it (without a
/// leading `./`); `None` for standard input with no file name (`-`).
fn property(path: &str) -> Option<String> {
    (path != "-").then(|| escape_property(&super::repo_path(path)))
}

/// `file=…,{at},`, or nothing for standard input: a position without a file means nothing.
fn at_file(path: &Option<String>, at: &str) -> String {
    match path {
        Some(p) => format!("file={p},{at},"),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_runner_expects() {
        assert_eq!(escape_data("50% off\r\nnow"), "50%25 off%0D%0Anow");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
        // A clear-screen sequence in a draft, a tab kept, a C1 control replaced.
        assert_eq!(
            escape_data("a\u{1b}[2Jb\tc\u{85}"),
            "a\u{241b}[2Jb\tc\u{fffd}"
        );
    }
}
