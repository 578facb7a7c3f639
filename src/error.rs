//! Errors that point at their cause: `path:line:column: what is wrong`.
//!
//! Every error the library returns renders as one line. Positions are computed from byte
//! offsets at the moment the error is made, with the same [`LineIndex`] the renderers use.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::position::LineIndex;

/// What kind of failure this is; the binary maps it to an exit status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// A rule pack or config file is invalid.
    Config,
    /// A file or folder could not be read.
    Io,
    /// The command line asked for something impossible.
    Usage,
}

/// A one-line, positioned error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// The kind of failure.
    pub kind: ErrorKind,
    /// The file the error is about, if any.
    pub path: Option<PathBuf>,
    /// 1-based line and column (in characters), if known.
    pub position: Option<(usize, usize)>,
    /// What is wrong, and what was expected.
    pub message: String,
    /// Further errors found in the same pass over the same file (the other broken rules of a
    /// pack), in file order; each is a line of its own. See [`Error::all`].
    pub more: Vec<Error>,
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// This error with its files named as from folder `cwd` when they are in it
    /// (`pitchlint.toml:1:13: …`, `rules/team.toml:4:1: …`): a config found by walking up,
    /// and the packs it lists, are known by their absolute paths.
    pub fn relative_to(self, cwd: &Path) -> Self {
        self.map_paths(|p| {
            p.strip_prefix(cwd)
                .map_or_else(|_| p.to_path_buf(), Path::to_path_buf)
        })
    }

    /// This error, and the others found with it, with each file named by `name` instead.
    pub fn map_paths(mut self, name: impl Fn(&Path) -> PathBuf) -> Self {
        for path in std::iter::once(&mut self.path).chain(self.more.iter_mut().map(|m| &mut m.path))
        {
            *path = path.as_deref().map(&name);
        }
        self
    }

    /// An error about a file as a whole.
    pub fn file(kind: ErrorKind, path: &Path, message: impl Into<String>) -> Self {
        Error {
            kind,
            path: Some(path.to_path_buf()),
            position: None,
            message: message.into(),
            more: Vec::new(),
        }
    }

    /// An error at a byte offset of `source`, the text of the file at `path`.
    pub fn at(
        kind: ErrorKind,
        path: &Path,
        source: &str,
        offset: usize,
        message: impl Into<String>,
    ) -> Self {
        let mut index = LineIndex::new(source);
        let pos = index.position(source, offset);
        // A byte-order mark an editor saved is no column: `c.toml:1:1`, not `1:2`.
        let bom = pos.line == 1 && source.starts_with('\u{feff}') && offset >= 3;
        Error {
            kind,
            path: Some(path.to_path_buf()),
            position: Some((pos.line, pos.column - usize::from(bom))),
            message: message.into(),
            more: Vec::new(),
        }
    }

    /// The first of `errors` (in file order), carrying the rest; `None` when there are none.
    pub fn first_of(mut errors: Vec<Error>) -> Option<Error> {
        if errors.is_empty() {
            return None;
        }
        let mut first = errors.remove(0);
        first.more = errors;
        Some(first)
    }

    /// This error, then the others found with it, as a list (for a caller that gathers
    /// errors of its own).
    pub fn into_all(mut self) -> Vec<Error> {
        let more = std::mem::take(&mut self.more);
        let mut all = Vec::with_capacity(1 + more.len());
        all.push(self);
        all.extend(more);
        all
    }

    /// This error, then the others found with it: one line each.
    pub fn all(&self) -> impl Iterator<Item = &Error> {
        std::iter::once(self).chain(&self.more)
    }

    /// A usage error, not tied to a file.
    pub fn usage(message: impl Into<String>) -> Self {
        Error {
            kind: ErrorKind::Usage,
            path: None,
            position: None,
            message: message.into(),
            more: Vec::new(),
        }
    }

    /// An I/O error on `path`, worded for people ("no such file or directory").
    pub fn io(path: &Path, err: &std::io::Error) -> Self {
        Error::file(ErrorKind::Io, path, io_message(err))
    }
}

/// An I/O error worded for people, without the file it is about: "no such file or
/// directory", "permission denied", "no space left on device".
pub fn io_message(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            // Strip the " (os error N)" suffix: it helps nobody reading a lint report. The
            // OS's "Is a directory" reads as the others do: in lower case.
            let s = err.to_string();
            let s = s.find(" (os error").map_or(s.as_str(), |i| &s[..i]);
            let mut chars = s.chars();
            match chars.next() {
                Some(c) if chars.clone().next().is_some_and(char::is_lowercase) => {
                    c.to_lowercase().chain(chars).collect()
                }
                _ => s.to_string(),
            }
        }
    }
}

/// `Ok` for a regular file or a folder (which reading then names as one); an error for a
/// device or a FIFO (`/dev/zero` behind a `.toml` name), which would be read without end or
/// block: `what` says what the file should have been.
pub fn regular_file_or_folder(path: &Path, meta: &std::fs::Metadata, what: &str) -> Result<()> {
    if meta.is_file() || meta.is_dir() {
        Ok(())
    } else {
        Err(Error::file(
            ErrorKind::Config,
            path,
            format!("not a regular file: {what}"),
        ))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(path) = &self.path {
            write!(
                f,
                "{}:",
                crate::render::printable(&path.display().to_string())
            )?;
            if let Some((line, column)) = self.position {
                write!(f, "{line}:{column}:")?;
            }
            f.write_str(" ")?;
        }
        // Keep the error on one line whatever the underlying message looks like.
        let mut first = true;
        for part in self
            .message
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            if !first {
                f.write_str(" ")?;
            }
            // A name quoted in the message may hold control characters.
            f.write_str(&crate::render::printable(part))?;
            first = false;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// The name among `names` that `typed` most likely misspells, if one is close enough: at most
/// a third of its letters changed, added or removed (at least one), or `typed` is how the name
/// starts (three letters or more).
pub fn closest<'a>(typed: &str, names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    close(typed, names).min_by_key(|(d, _)| *d).map(|(_, n)| n)
}

/// The names close enough to `typed` for [`closest`], with their edit distances.
fn close<'a>(
    typed: &str,
    names: impl IntoIterator<Item = &'a str>,
) -> impl Iterator<Item = (usize, &'a str)> {
    let len = typed.chars().count();
    let limit = (len / 3).max(1);
    let starts = move |n: &str| typed.len() > 2 && n.starts_with(typed);
    names
        .into_iter()
        .filter(move |n| *n != typed)
        // The distance is at least the difference in length: a name too long or too short is
        // not measured (a directive may name thousands of unknown rules).
        .filter(move |n| n.chars().count().abs_diff(len) <= limit || starts(n))
        .map(move |n| (strsim::damerau_levenshtein(typed, n), n))
        .filter(move |(d, n)| *d <= limit || starts(n))
}

/// "unknown {what} `{typed}` (did you mean `x`?): expected one of a, b, c": a name that is
/// not one of `names`, with the likely intended one when one is close.
pub fn unknown(what: &str, typed: &str, names: &[&str]) -> String {
    let near = closest(typed, names.iter().copied())
        .map(|n| format!(" (did you mean `{n}`?)"))
        .unwrap_or_default();
    format!(
        "unknown {what} `{typed}`{near}: expected one of {}",
        names.join(", ")
    )
}

/// `bytes` read from `path` as text: a config error at the first byte that is not UTF-8
/// ("rule pack is not valid UTF-8" for `what` = "rule pack").
pub fn utf8_text(path: &Path, bytes: Vec<u8>, what: &str) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        let off = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
        // Windows editors save "Unicode" as UTF-16 with a byte-order mark; TOML is UTF-8.
        let hint = match e.as_bytes() {
            [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] => {
                ": it is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8"
            }
            _ => "",
        };
        Error::at(
            ErrorKind::Config,
            path,
            &text,
            off,
            format!("{what} is not valid UTF-8{hint}"),
        )
    })
}

/// A serde message about an unknown key or value ("unknown field `phrase`, expected one of
/// `id`, `phrases`, …"), with the likely intended one named: "unknown variant `warn` (did
/// you mean `warning`?), expected one of …". A key named so stands alone ("unknown field
/// `phrase` (did you mean `phrases`?)"): a table's keys are a list too long to read for it;
/// unless other keys are close too (`prof`: `profile` or `profiles`). Other messages are
/// returned as they are.
fn with_suggestion(message: &str) -> String {
    let Some(rest) = message
        .strip_prefix("unknown field `")
        .or_else(|| message.strip_prefix("unknown variant `"))
    else {
        return message.to_string();
    };
    let Some((typed, expected)) = rest.split_once("`, expected ") else {
        return message.to_string();
    };
    let names = expected.split('`').skip(1).step_by(2);
    match closest(typed, names) {
        Some(name) => {
            let head = &message[..message.len() - rest.len() + typed.len() + 1];
            let alone = close(typed, expected.split('`').skip(1).step_by(2)).count() == 1;
            if message.starts_with("unknown field") && alone {
                format!("{head} (did you mean `{name}`?)")
            } else {
                format!("{head} (did you mean `{name}`?), expected {expected}")
            }
        }
        None => message.to_string(),
    }
}

/// A TOML reader's error message for a user: [`with_suggestion`], and the type it wanted
/// said in words, not as the Rust type it is read into ("expected i64" becomes "expected an
/// integer from -100 to 100" for a `weight`). `text` is the file, for the key at the error.
pub fn toml_message(e: &toml::de::Error, text: &str) -> String {
    let message = with_suggestion(e.message().trim_end());
    let key = e.span().and_then(|s| {
        let line = text.get(..s.start)?;
        let line = &line[line.rfind('\n').map_or(0, |i| i + 1)..];
        Some(line.trim_end().trim_end_matches('=').trim_end())
    });
    let integer = match key {
        Some(k) if k.ends_with("min_score") => "an integer from 0 to 100",
        Some(k) if k.ends_with("weight") => "an integer from -100 to 100",
        _ => "an integer",
    };
    let mut message = message
        .replace("expected i64", &format!("expected {integer}"))
        .replace("expected f64", "expected a number")
        .replace("expected usize", "expected a whole number, 0 or more");
    // Messages that name the Rust type a value is read into, or say nothing of what was
    // expected: say it in TOML's words.
    if message.starts_with("data did not match any variant of untagged enum OneOrMany") {
        message = "expected a string or a list of strings".to_string();
    } else if message == "wanted string or table" {
        message = "expected a string (a name in quotes)".to_string();
    } else if message == "integer number overflowed" {
        message = "a number too large, or written wrong (`0x` with no digits)".to_string();
    } else if message.contains("$__toml_private_datetime") {
        message = "a date or time is no value this key takes".to_string();
    } else if let Some((head, name)) = message.rsplit_once(", expected struct ") {
        let table = match name {
            "Examples" => "a table: [rule.examples], with `fire` and `quiet` lists of drafts",
            "PackHeader" => "a table: [pack], with the pack's `name`",
            _ => "a table",
        };
        message = match head.strip_prefix("invalid type: ") {
            Some(found) => format!("expected {table}, not {found}"),
            None if head.starts_with("invalid length") => format!("expected {table}, not a list"),
            None => format!("expected {table}"),
        };
    }
    // A number past what is read: "invalid type: integer `99999999999999999999` as i128".
    if let Some(rest) = message.strip_prefix("invalid type: integer `")
        && let Some((n, expected)) = rest.split_once("` as i128, expected ")
    {
        message = format!("{n} is too large: expected {expected}");
    }
    // A string where a list is read (`phrases = "free"`): say the list in TOML.
    if let Some(rest) = message.strip_prefix("invalid type: string ")
        && let Some(value) = rest.strip_suffix(", expected a sequence")
    {
        message = format!("expected a list, not a string: write [{value}]");
    }
    // `profile = ["proposal"]` where `profiles` (the list) was meant: `profile` is the
    // per-profile threshold tables.
    if key == Some("profile") && message.starts_with("invalid type: sequence, expected a map") {
        message = "`profile` takes per-profile thresholds ([rule.profile.proposal]); did you \
                   mean `profiles`, the list of profiles the rule applies in?"
            .to_string();
    }
    // `[rule]` where `[[rule]]` was meant: one table where a list of them is read.
    let header = e
        .span()
        .and_then(|s| text.get(s.start..))
        .and_then(|t| t.lines().next())
        .map(str::trim)
        .filter(|h| h.starts_with('[') && !h.starts_with("[[") && h.ends_with(']'));
    if let Some(h) = header.filter(|_| message.contains("expected a sequence")) {
        let name = h.trim_matches(['[', ']']);
        message.push_str(&format!(
            ": `{h}` is one table; write `[[{name}]]` before each entry of the list"
        ));
    }
    // "duplicate key" alone: name the key (or table) the span points at.
    if message == "duplicate key"
        && let Some(name) = e.span().and_then(|s| text.get(s.clone()))
    {
        let name = name.trim().trim_matches(['[', ']']).trim();
        if !name.is_empty() && !name.contains('\n') {
            message = format!("duplicate key `{name}`: each key is set once in its table");
            if let Some(why) = e.span().and_then(|s| misnamed_entry(text, s.start, name)) {
                message = why;
            }
        }
    }
    message
}

/// Why `[[name]]`, at byte `at`, is a duplicate key, when an earlier `[name.sub]` made `name`
/// a table: that sub-table's own entry above it has another name, misspelt (`[[rules]]` then
/// `[rule.examples]`). The TOML reader says only "duplicate key", at the next `[[name]]`,
/// lines below the mistake (a new user's, session 46).
fn misnamed_entry(text: &str, at: usize, name: &str) -> Option<String> {
    let before = text.get(..at)?;
    // Header lines before the duplicate, with their line numbers.
    let headers: Vec<(usize, &str)> = before
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| l.starts_with('['))
        .collect();
    let sub = headers.iter().position(|(_, h)| {
        h.strip_prefix('[')
            .filter(|h| !h.starts_with('['))
            .and_then(|h| h.split(']').next())
            .and_then(|h| h.trim().strip_prefix(name))
            .is_some_and(|rest| rest.trim_start().starts_with('.'))
    })?;
    let (entry_line, entry) = headers[..sub]
        .iter()
        .rev()
        .find(|(_, h)| h.starts_with("[["))?;
    let entry_name = entry.trim_start_matches('[').split(']').next()?.trim();
    if entry_name == name {
        return None;
    }
    let (sub_line, sub_header) = headers[sub];
    Some(format!(
        "duplicate key `{name}`: `{sub_header}` (line {sub_line}) made `{name}` a table, under \
         `[[{entry_name}]]` (line {entry_line}), which is no `[[{name}]]`: did you mean \
         `[[{name}]]` on line {entry_line}?"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_names_the_likely_value() {
        let kinds = ["phrase", "substitution", "metric"];
        assert_eq!(
            unknown("kind", "phrases", &kinds),
            "unknown kind `phrases` (did you mean `phrase`?): expected one of phrase, substitution, metric"
        );
        assert_eq!(
            unknown("kind", "zzz", &kinds),
            "unknown kind `zzz`: expected one of phrase, substitution, metric"
        );
    }

    #[test]
    fn renders_path_line_column() {
        let src = "a = 1\nb = [\n";
        let e = Error::at(
            ErrorKind::Config,
            Path::new("p.toml"),
            src,
            8,
            "expected a value",
        );
        assert_eq!(e.to_string(), "p.toml:2:3: expected a value");
        // A byte-order mark is no column of the first line.
        let src = "\u{feff}min_scor = 1\nx = 2\n";
        let e = Error::at(ErrorKind::Config, Path::new("p.toml"), src, 3, "m");
        assert_eq!(e.to_string(), "p.toml:1:1: m");
        let e = Error::at(ErrorKind::Config, Path::new("p.toml"), src, 16, "m");
        assert_eq!(e.to_string(), "p.toml:2:1: m");
    }

    #[test]
    fn multi_line_messages_become_one_line() {
        let e = Error::file(ErrorKind::Config, Path::new("x"), "first\n  second\n");
        assert_eq!(e.to_string(), "x: first second");
    }

    #[test]
    fn a_close_name_is_suggested_and_a_far_one_is_not() {
        let keys = ["id", "phrases", "pattern", "min_score", "warning"];
        assert_eq!(closest("phrase", keys), Some("phrases"));
        assert_eq!(closest("patern", keys), Some("pattern"));
        assert_eq!(closest("minscore", keys), Some("min_score"));
        assert_eq!(closest("warn", keys), Some("warning"));
        assert_eq!(closest("colour", keys), None);
        assert_eq!(closest("id", keys), None);
    }

    /// Names skipped for their length are never ones the edit distance would have picked.
    #[test]
    fn skipping_names_by_length_changes_no_suggestion() {
        let names = [
            "sales",
            "seed",
            "sales/buzzwords",
            "seed/partner-close",
            "partner-close",
            "é-é",
            "a",
            "ab",
            "abc",
            "abcdef",
            "abcdefghi",
            "buzzwords",
            "buzz",
            "b/uzzwords",
            "zzz",
        ];
        let typos = [
            "sale",
            "salez",
            "sales/buzzword",
            "partner",
            "sed",
            "é",
            "éé-é",
            "abd",
            "abcd",
            "abcdefgh",
            "buzzword",
            "uzzwords",
            "x",
            "sales/buzzwordsss",
            "seedpartner-close",
        ];
        let brute = |typed: &str| {
            let limit = (typed.chars().count() / 3).max(1);
            names
                .iter()
                .filter(|n| **n != typed)
                .map(|n| (strsim::damerau_levenshtein(typed, n), *n))
                .filter(|(d, n)| *d <= limit || (typed.len() > 2 && n.starts_with(typed)))
                .min_by_key(|(d, _)| *d)
                .map(|(_, n)| n)
        };
        let mut some = 0;
        for t in typos.iter().chain(&names) {
            assert_eq!(closest(t, names), brute(t), "{t}");
            some += usize::from(brute(t).is_some());
        }
        assert!(some > 15, "{some}");
    }

    #[test]
    fn serde_messages_get_the_suggestion_and_others_stay() {
        assert_eq!(
            with_suggestion("unknown field `phrase`, expected one of `id`, `phrases`"),
            "unknown field `phrase` (did you mean `phrases`?)"
        );
        assert_eq!(
            with_suggestion("unknown variant `warn`, expected one of `error`, `warning`"),
            "unknown variant `warn` (did you mean `warning`?), expected one of `error`, `warning`"
        );
        // Two keys start so: the list stays.
        assert_eq!(
            with_suggestion("unknown field `prof`, expected one of `id`, `profile`, `profiles`"),
            "unknown field `prof` (did you mean `profile`?), expected one of `id`, `profile`, `profiles`"
        );
        for same in [
            "unknown field `zzz`, expected one of `id`, `phrases`",
            "invalid type: string, expected i64",
            "unknown field `x`",
        ] {
            assert_eq!(with_suggestion(same), same);
        }
    }

    /// The message of reading `text` as a pack, through [`toml_message`].
    fn pack_message(text: &str) -> String {
        let e = toml::from_str::<crate::pack::PackDef>(text).unwrap_err();
        toml_message(&e, text)
    }

    /// A misspelt `[[rules]]` whose `[rule.examples]` follows it: the TOML reader's "duplicate
    /// key" comes at the next `[[rule]]`, and the message names the line of the mistake.
    #[test]
    fn a_misspelt_entry_above_its_examples_is_named() {
        let text = "[pack]\nname = \"t\"\n\n[[rules]]\nid = \"a\"\n[rule.examples]\nfire = [\"x\"]\n\n[[rule]]\nid = \"b\"\n";
        assert_eq!(
            pack_message(text),
            "duplicate key `rule`: `[rule.examples]` (line 6) made `rule` a table, under \
             `[[rules]]` (line 4), which is no `[[rule]]`: did you mean `[[rule]]` on line 4?"
        );
        // A key set twice is still said as before.
        let text = "[pack]\nname = \"t\"\nname = \"u\"\n";
        assert_eq!(
            pack_message(text),
            "duplicate key `name`: each key is set once in its table"
        );
    }

    /// No message names the Rust type a value is read into, and each says what was expected.
    #[test]
    fn messages_say_the_type_in_toml_s_words() {
        let rule = |extra: &str| {
            format!(
                "[pack]\nname = \"e\"\n[[rule]]\nid = \"a\"\nmessage = \"x\"\nweight = -2\nphrases = [\"foo\"]\n{extra}\n"
            )
        };
        let cases = [
            (rule("scope = 3"), "expected a string or a list of strings"),
            (
                rule("examples = \"fire\""),
                "expected a table: [rule.examples], with `fire` and `quiet` lists of drafts, not string \"fire\"",
            ),
            (
                "pack = \"x\"\n".to_string(),
                "expected a table: [pack], with the pack's `name`, not string \"x\"",
            ),
            (
                rule("").replace("weight = -2", "weight = 0x"),
                "a number too large, or written wrong (`0x` with no digits)",
            ),
            (
                rule("").replace("weight = -2", "weight = 99999999999999999999"),
                "99999999999999999999 is too large: expected an integer from -100 to 100",
            ),
            (
                rule("examples = 1979-05-27"),
                "a date or time is no value this key takes",
            ),
            (
                rule("[rule.profile]\nproposal = []"),
                "expected a table, not a list",
            ),
        ];
        for (text, want) in cases {
            let got = pack_message(&text);
            assert_eq!(got, want, "{text}");
            assert!(!got.contains("struct") && !got.contains("enum"), "{got}");
        }
    }
}
