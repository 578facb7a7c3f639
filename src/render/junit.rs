//! `junit`: JUnit XML for CI test reports. One test suite; one test case per file, named by its
//! path, failing when the file fails the gate, with its findings in the failure's text; a warnings
//! limit the run went over (`--max-warnings`) is a failing test case of its own.
//! Text is escaped for XML, and characters XML cannot hold are dropped.

use std::io::{self, Write};

use super::Renderer;
use super::concise::{level, one_line};
use crate::report::{FileReport, Summary};

/// The JUnit renderer: test cases are kept until the end, where the counts are known.
#[derive(Default)]
pub struct Junit {
    cases: Vec<String>,
    failures: usize,
    errors: usize,
    skipped: usize,
}

/// Escape `s` for XML text and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            // XML 1.0 allows no other control character, nor U+FFFE/U+FFFF.
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

impl Renderer for Junit {
    fn file(&mut self, _w: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        // Named as the repository names the file, as github and sarif do (`render::repo_path`).
        let path = super::repo_path(&file.path);
        let name = escape(&path);
        let mut case =
            format!("    <testcase name=\"{name}\" classname=\"pitchlint\" file=\"{name}\"");
        if file.score.passed {
            case.push_str("/>\n");
        } else {
            self.failures += 1;
            let message = format!(
                "score {}/100: {}",
                file.score.score,
                file.score.reasons.join("; ")
            );
            let located = file.located();
            let mut body = String::new();
            for l in &located {
                let f = l.finding;
                body.push_str(&format!(
                    "{}:{}:{}: {} [{}] {}\n",
                    path,
                    l.start.line,
                    l.start.column,
                    level(&f.rule),
                    f.rule.qualified,
                    one_line(f.message())
                ));
            }
            // A score below the minimum, as the concise format shows it: every failure shows.
            if let Some(reason) = file.score.reasons.iter().find(|r| r.starts_with("score ")) {
                body.push_str(&format!(
                    "{path}:1:1: error [{}] {reason}\n",
                    super::sarif::MIN_SCORE_RULE
                ));
            }
            case.push_str(&format!(
                ">\n      <failure type=\"pitchlint\" message=\"{}\">{}</failure>\n    </testcase>\n",
                escape(&message),
                escape(&body)
            ));
        }
        self.cases.push(case);
        Ok(())
    }

    /// An unreadable input is an errored test case; a binary one a skipped test case.
    fn unread(
        &mut self,
        _w: &mut dyn Write,
        path: &str,
        message: &str,
        error: bool,
    ) -> io::Result<()> {
        let name = escape(&super::repo_path(path));
        let (tag, extra) = if error {
            self.errors += 1;
            ("error", " type=\"pitchlint\"")
        } else {
            self.skipped += 1;
            ("skipped", "")
        };
        self.cases.push(format!(
            "    <testcase name=\"{name}\" classname=\"pitchlint\" file=\"{name}\">\n      <{tag}{extra} message=\"{}\"/>\n    </testcase>\n",
            escape(&one_line(message))
        ));
        Ok(())
    }

    fn end(&mut self, w: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        // A warnings limit the run went over: a failing test case of its own.
        for over in &summary.over_max_warnings {
            self.failures += 1;
            let name = escape(&format!("max_warnings from {}", over.origin));
            self.cases.push(format!(
                "    <testcase name=\"{name}\" classname=\"pitchlint\">\n      <failure type=\"{}\" message=\"{}\"/>\n    </testcase>\n",
                crate::builtin::MAX_WARNINGS,
                escape(&over.message())
            ));
        }
        let (tests, failures, errors, skipped) =
            (self.cases.len(), self.failures, self.errors, self.skipped);
        writeln!(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(
            w,
            "<testsuites name=\"pitchlint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\">"
        )?;
        writeln!(
            w,
            "  <testsuite name=\"pitchlint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"{skipped}\">"
        )?;
        for c in &self.cases {
            w.write_all(c.as_bytes())?;
        }
        writeln!(w, "  </testsuite>\n</testsuites>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_what_xml_cannot_hold() {
        assert_eq!(escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
