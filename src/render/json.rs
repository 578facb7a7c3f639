//! `json`: one JSON object, `{"files": [...], "unread": [...], "summary": {...}}`, written file
//! by file.
//! The schema is documented in the README; fields are only ever added.

use std::io::{self, Write};

use serde::Serialize;

use super::Renderer;
use crate::document::Scope;
use crate::report::{FileReport, Located, Summary};
use crate::rule::Severity;
use crate::score::Score;

/// The JSON renderer.
#[derive(Default)]
pub struct Json {
    files: usize,
    /// The inputs not linted, for the report's `unread` list.
    unread: Vec<serde_json::Value>,
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

/// One line of the breakdown. A penalty counts per part of the pitch, so a rule may have a
/// line per part; `part` tells them apart (null for a reward, which counts once).
#[derive(Serialize)]
struct JsonLine<'a> {
    rule: &'a str,
    hits: usize,
    points: f64,
    part: Option<Scope>,
}

/// One finding as JSON. Lines and columns are 1-based; columns count characters; the end is
/// exclusive; `text` is the file's text at the span, exactly. `replacements` are what may
/// replace `text` (substitutions, doubled words); the finding is `fixable` by `--fix` when there
/// is exactly one. `strength` is how much of the rule's weight it carries, in (0, 1].
///
/// It is written by hand, not through serde: a long report writes millions of findings, and
/// serde_json escapes every key and every byte of every string one at a time, which was the
/// largest cost of the JSON formats. The keys here are constants, and a string with nothing to
/// escape (nearly all of them) is copied whole.
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
        offset: file.stored_offset + f.span.start,
        end_offset: file.stored_offset + f.span.end,
        text: file.source.get(f.span.clone()).unwrap_or(""),
        scope: f.scope,
        suggest: f.rule.suggest.as_deref(),
        replacements: &f.replacements,
        fixable: f.fix().is_some(),
        strength: f.strength,
    }
}

/// The record of a file whose score is below the minimum (rule `pitchlint/min-score`, at 1:1,
/// of no part), with the fields of every other finding.
pub fn min_score(message: &str) -> JsonFinding<'_> {
    JsonFinding {
        rule: super::sarif::MIN_SCORE_RULE,
        severity: Severity::Error,
        weight: 0,
        message,
        line: 1,
        column: 1,
        end_line: 1,
        end_column: 1,
        offset: 0,
        end_offset: 0,
        text: "",
        scope: Scope::NONE,
        suggest: None,
        replacements: &[],
        fixable: false,
        strength: 1.0,
    }
}

impl JsonFinding<'_> {
    /// Writes its fields, `"rule":…` to `"strength":…`, without the braces around them.
    pub fn write_fields(&self, w: &mut impl Write) -> io::Result<()> {
        w.write_all(b"\"rule\":")?;
        string(w, self.rule)?;
        w.write_all(b",\"severity\":\"")?;
        w.write_all(self.severity.as_str().as_bytes())?;
        w.write_all(b"\",\"weight\":")?;
        int(w, self.weight)?;
        w.write_all(b",\"message\":")?;
        string(w, self.message)?;
        for (key, n) in [
            (&b",\"line\":"[..], self.line),
            (b",\"column\":", self.column),
            (b",\"end_line\":", self.end_line),
            (b",\"end_column\":", self.end_column),
            (b",\"offset\":", self.offset),
            (b",\"end_offset\":", self.end_offset),
        ] {
            w.write_all(key)?;
            int(w, n)?;
        }
        w.write_all(b",\"text\":")?;
        string(w, self.text)?;
        // Scope labels are ASCII names joined by `+` (see `Scope::label`): nothing to escape.
        w.write_all(b",\"scope\":\"")?;
        self.scope.label_pieces(|s| w.write_all(s.as_bytes()))?;
        w.write_all(b"\",\"suggest\":")?;
        match self.suggest {
            Some(s) => string(w, s)?,
            None => w.write_all(b"null")?,
        }
        w.write_all(b",\"replacements\":[")?;
        for (i, r) in self.replacements.iter().enumerate() {
            if i > 0 {
                w.write_all(b",")?;
            }
            string(w, r)?;
        }
        w.write_all(if self.fixable {
            b"],\"fixable\":true,\"strength\":"
        } else {
            b"],\"fixable\":false,\"strength\":"
        })?;
        // Nearly every finding has the whole weight, 1.0, as serde_json writes it.
        if self.strength == 1.0 {
            return w.write_all(b"1.0");
        }
        serde_json::to_writer(w, &self.strength).map_err(io::Error::from)
    }
}

/// Writes `s` as a JSON string: copied whole when nothing in it needs escaping, else escaped
/// by serde_json.
pub fn string(w: &mut (impl Write + ?Sized), s: &str) -> io::Result<()> {
    if !needs_escape(s.as_bytes()) {
        w.write_all(b"\"")?;
        w.write_all(s.as_bytes())?;
        w.write_all(b"\"")
    } else {
        serde_json::to_writer(w, s).map_err(io::Error::from)
    }
}

/// Whether `s` has a byte that JSON escapes: a control character (below 0x20), `"` or `\\`.
/// Eight bytes at a time: `x - 0x01…01 * n & !x & 0x80…80` is non-zero exactly when a byte of
/// `x` is below `n` (for `n` ≤ 0x80), and a byte equal to `c` is a zero byte of `x ^ 0x01…01 * c`.
fn needs_escape(s: &[u8]) -> bool {
    const ONES: u64 = u64::MAX / 255;
    const HIGH: u64 = ONES * 0x80;
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH;
    let mut chunks = s.chunks_exact(8);
    for chunk in &mut chunks {
        let mut eight = [0; 8];
        eight.copy_from_slice(chunk);
        let x = u64::from_le_bytes(eight);
        let found = below(x, 0x20)
            | below(x ^ (ONES * u64::from(b'"')), 1)
            | below(x ^ (ONES * u64::from(b'\\')), 1);
        if found != 0 {
            return true;
        }
    }
    chunks
        .remainder()
        .iter()
        .any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

/// Writes an integer.
fn int(w: &mut (impl Write + ?Sized), n: impl itoa::Integer) -> io::Result<()> {
    w.write_all(itoa::Buffer::new().format(n).as_bytes())
}

/// Writes a file's JSON object: its findings one by one as they are located (no list of them
/// is built), the rest through serde.
/// The findings go to `w` in pieces (see [`super::each_finding`]); what comes before and after
/// them is built in a small buffer first, so that serde_json's many small writes do not each go
/// through `dyn Write`.
fn write_file(w: &mut dyn Write, file: &FileReport) -> io::Result<()> {
    let s: &Score = &file.score;
    let mut buf = Vec::with_capacity(1024);
    buf.write_all(b"{\"path\":")?;
    string(&mut buf, &file.path)?;
    write!(
        buf,
        ",\"format\":\"{}\",\"profile\":\"{}\",\"score\":{},\"passed\":{},\"findings\":[",
        file.format.name(),
        file.profile.as_str(),
        s.score,
        s.passed
    )?;
    w.write_all(&buf)?;
    super::each_finding(w, file, super::PIECE, |buf, i, _, l| {
        buf.write_all(if i == 0 { b"{" } else { b",{" })?;
        finding(file, l).write_fields(buf)?;
        buf.write_all(b"}")
    })?;
    buf.clear();
    buf.write_all(b"],\"breakdown\":")?;
    let breakdown = JsonScore {
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
                part: (!l.part.is_empty()).then_some(l.part),
            })
            .collect(),
        reasons: &s.reasons,
    };
    serde_json::to_writer(&mut buf, &breakdown).map_err(io::Error::from)?;
    buf.write_all(b",\"warnings\":")?;
    serde_json::to_writer(&mut buf, &file.warnings).map_err(io::Error::from)?;
    if !file.suppressed.is_empty() {
        buf.write_all(b",\"suppressed\":")?;
        int(&mut buf, file.suppressed.len())?;
    }
    buf.write_all(b"}")?;
    w.write_all(&buf)
}

/// An input that was not linted, as the JSON reports list it under `unread` (`error`: it
/// could not be read; else it was skipped as binary).
pub(crate) fn unread_record(path: &str, message: &str, error: bool) -> serde_json::Value {
    serde_json::json!({"path": path, "message": message, "error": error})
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
        write_file(w, file)
    }

    fn unread(
        &mut self,
        _w: &mut dyn Write,
        path: &str,
        message: &str,
        error: bool,
    ) -> io::Result<()> {
        self.unread.push(unread_record(path, message, error));
        Ok(())
    }

    fn end(&mut self, w: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        // The inputs that were not linted: unreadable (`error`) or skipped as binary.
        w.write_all(b"],\"unread\":")?;
        serde_json::to_writer(&mut *w, &self.unread).map_err(io::Error::from)?;
        w.write_all(b",\"summary\":")?;
        serde_json::to_writer(&mut *w, summary).map_err(io::Error::from)?;
        w.write_all(b"}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// A string is written exactly as serde_json writes it, whether or not it needs escaping.
        #[test]
        fn strings_are_written_as_serde_json_writes_them(s in "[a-z \"\\\\\u{0}-\u{1f}\u{7f}é’🎉]{0,40}") {
            let mut out = Vec::new();
            string(&mut out, &s).unwrap();
            prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&s).unwrap());
        }
    }

    /// Every ASCII character at every place of a plain string longer than two chunks.
    #[test]
    fn every_ascii_character_anywhere() {
        for c in (0..128u8).map(char::from) {
            for at in 0..18 {
                let mut s: String = "abcdefghijklmnopq".into();
                s.insert(at, c);
                let mut out = Vec::new();
                string(&mut out, &s).unwrap();
                assert_eq!(
                    String::from_utf8(out).unwrap(),
                    serde_json::to_string(&s).unwrap()
                );
            }
        }
    }
}
