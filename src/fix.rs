//! Fixes: apply the findings that carry exactly one replacement (substitutions, doubled
//! words), show them as a unified diff, or write them back atomically.
//!
//! Writing is safe by construction: the new text goes to a temporary file beside the original
//! (same folder, so the rename cannot cross file systems), gets the original's permissions and
//! owner, and is renamed over it (so a hard link to the original keeps the old text). Just before the rename the original is read again: if its content or its
//! modification time changed since it was linted, nothing is written. A read-only file (no
//! write bit for anyone) is never replaced, even by a user such as root whom the file system
//! would let rename over it; a folder where the temporary file cannot be created is an error
//! naming the file. A process killed at any point leaves the original or the fixed file, never
//! a mix: the original is only ever touched by the rename, which is atomic; at worst (SIGKILL:
//! a SIGINT or SIGTERM handler removes them, see [`remove_pending`]) a stray
//! `.pitchlint-fix-*` temporary file is left beside it. Fixing a fixed file
//! changes nothing, because a replacement may never match its own phrase (checked when the
//! pack loads).

use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::document::plain::BOM;
use crate::error::{Error, ErrorKind, Result};
use crate::report::FileReport;
use crate::rule::Finding;

/// One replacement in the source text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// Byte span in the source.
    pub span: Range<usize>,
    /// What replaces it.
    pub replacement: String,
}

/// The edits of the fixable findings, sorted, without overlaps (the first one wins).
pub fn edits(source: &str, findings: &[Finding]) -> Vec<Edit> {
    let all: Vec<Edit> = findings
        .iter()
        .filter_map(|f| {
            let r = f.fix()?;
            let current = source.get(f.span.clone())?;
            (current != r).then(|| Edit {
                span: f.span.clone(),
                replacement: r.to_string(),
            })
        })
        .collect();
    disjoint(all)
}

/// Edits sorted by position, without overlaps: of two that overlap, the first one wins.
pub fn disjoint(mut all: Vec<Edit>) -> Vec<Edit> {
    all.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out: Vec<Edit> = Vec::with_capacity(all.len());
    for e in all {
        if out.last().is_none_or(|l| l.span.end <= e.span.start) {
            out.push(e);
        }
    }
    out
}

/// `source` with `edits` applied (sorted and disjoint, as [`edits`] returns them).
pub fn apply(source: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&source[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&source[at..]);
    out
}

/// The fixed text of a linted file and the number of edits, or `None` when nothing changes.
pub fn fixed(report: &FileReport) -> Option<(String, usize)> {
    let edits = edits(&report.source, &report.findings);
    if edits.is_empty() {
        return None;
    }
    let text = apply(&report.source, &edits);
    (text != report.source).then_some((text, edits.len()))
}

/// How many times [`fixed_fully`] fixes and lints again at most.
pub const MAX_PASSES: usize = 8;

/// Fixes that never settle: after [`MAX_PASSES`] passes they still change the text (two
/// swaps of different packs that trade the same words back and forth, "use" → "utilize" and
/// "utilize" → "use"). Nothing of them is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unsettled;

/// The fixed text of a linted file after fixing until nothing changes (a fix can make another
/// one: "in order to to" becomes "to to", a doubled word), and the number of edits, or `None`
/// when nothing changes. `relint` lints a text as the file would be linted. This is what makes
/// fixing twice equal fixing once, and so fixes that still change the text after
/// [`MAX_PASSES`] passes are [`Unsettled`].
pub fn fixed_fully(
    report: &FileReport,
    mut relint: impl FnMut(&str) -> Option<FileReport>,
) -> Result<Option<(String, usize)>, Unsettled> {
    let Some((mut text, mut n)) = fixed(report) else {
        return Ok(None);
    };
    let mut settled = false;
    for _ in 1..MAX_PASSES {
        let Some((next, more)) = relint(&text).as_ref().and_then(fixed) else {
            settled = true;
            break;
        };
        text = next;
        n += more;
    }
    if !settled {
        return Err(Unsettled);
    }
    Ok((text != report.source).then_some((text, n)))
}

/// A unified diff from `old` to `new`, with `path` in the headers (`a/` and `b/` prefixed to
/// a relative path, as `git diff` does; an absolute path as is), tidied by
/// [`crate::render::repo_path`]: `git apply` refuses `a/./draft.txt`.
pub fn diff(path: &str, old: &str, new: &str) -> String {
    use std::fmt::Write;
    let path = crate::render::repo_path(path);
    let (a, b) = if Path::new(path.as_ref()).is_absolute() {
        (path.to_string(), path.to_string())
    } else {
        (format!("a/{path}"), format!("b/{path}"))
    };
    // Lines end at `\n` only, as for `patch` and `git apply`: a lone CR is inside a line (a
    // file of old Mac line ends is one line to them), and a diff cut at it does not apply.
    let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
    let diff = similar::TextDiff::configure()
        .newline_terminated(true)
        .diff_slices(&old_lines, &new_lines);
    let mut out = String::new();
    // Three lines of context, as `diff -u` and `git diff` give. The lines are written here:
    // similar takes a line that ends in a lone CR for one that ends in a line break, and
    // leaves out the break and the "no newline" mark after it.
    for hunk in diff.unified_diff().context_radius(3).iter_hunks() {
        if out.is_empty() {
            out = format!("--- {}\n+++ {}\n", git_quoted(&a), git_quoted(&b));
        }
        let _ = writeln!(out, "{}", hunk.header());
        for change in hunk.iter_changes() {
            let sign = match change.tag() {
                similar::ChangeTag::Equal => ' ',
                similar::ChangeTag::Delete => '-',
                similar::ChangeTag::Insert => '+',
            };
            let line: &str = change.value();
            out.push(sign);
            out.push_str(line);
            if !line.ends_with('\n') {
                out.push_str("\n\\ No newline at end of file\n");
            }
        }
    }
    out
}

/// A path as `git diff` writes it in a header: as is, or in double quotes with C escapes when
/// it holds a control character, a quote or a backslash (a name with a line break would split
/// the header, and `git apply` would refuse the whole patch).
fn git_quoted(path: &str) -> String {
    use std::fmt::Write;
    if !path
        .chars()
        .any(|c| c.is_control() || c == '"' || c == '\\')
    {
        return path.to_string();
    }
    let mut out = String::from("\"");
    for c in path.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(out, "\\{b:03o}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// What writing a fix did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Written {
    /// The file now holds the new text.
    Yes,
    /// Nothing was written, and why.
    Skipped(String),
}

/// Whether `bytes` hold `linted` after a byte-order mark; `Err` says why they do not hold it
/// at all (a file `--fix` leaves alone and `--diff` shows no diff for).
pub(crate) fn stored_as(bytes: &[u8], linted: &str) -> std::result::Result<bool, String> {
    if bytes == linted.as_bytes() {
        return Ok(false);
    }
    if bytes.strip_prefix(BOM) == Some(linted.as_bytes()) {
        return Ok(true);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(
            "it is stored as UTF-16, and a fix is written only to UTF-8 files; \
                    convert it first (iconv -f UTF-16 -t UTF-8)"
                .into(),
        );
    }
    Err(match crate::document::plain::invalid_utf8_at(bytes) {
        Some((line, column)) => format!(
            "it is not valid UTF-8 (at {line}:{column}), and fixing it would replace those \
             bytes; convert it to UTF-8 first (from Windows' Western encoding, which Latin-1 \
             files are too: iconv -f WINDOWS-1252 -t UTF-8; for an email, change its charset \
             parameter to UTF-8 as well)"
        ),
        None => "it changed since it was read; lint it again".into(),
    })
}

/// The bytes of an input stored as `bytes` and linted as `linted`, with `new` in place of
/// its text (its byte-order mark kept); `Err` says why it is left as it is (not UTF-8). For
/// standard input, whose fixed text is printed.
pub fn fixed_bytes(bytes: &[u8], linted: &str, new: &str) -> std::result::Result<Vec<u8>, String> {
    let bom = stored_as(bytes, linted)?;
    let mut out = Vec::with_capacity(new.len() + BOM.len());
    if bom {
        out.extend_from_slice(BOM);
    }
    out.extend_from_slice(new.as_bytes());
    Ok(out)
}

/// Why the file at `path` (through symbolic links) cannot be fixed or diffed because it is not
/// a regular file: a named pipe or `/dev/stdin` was read once already, and reading it again
/// would wait for a writer that never comes. `None` for a regular file, and for a path whose
/// metadata cannot be read (the read that follows says why).
fn not_regular(path: &Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    (!meta.file_type().is_file()).then(|| {
        "it is not a regular file (a pipe or a device cannot be read again); pipe it to \
         `pitchlint --fix -` instead"
            .to_string()
    })
}

/// Whether the file at `path` holds `linted` (see [`stored_as`]): `Err` says why not (`--diff`
/// shows no diff for a file that `--fix` would leave alone), `Ok(true)` that it holds it after
/// a byte-order mark (which the diff's first line then shows, so that `patch` applies it).
pub fn stored(path: &Path, linted: &str) -> Result<std::result::Result<bool, String>> {
    if let Some(why) = not_regular(path) {
        return Ok(Err(why));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, &e))?;
    Ok(stored_as(&bytes, linted))
}

/// Replace the file at `path`, which was linted as `linted`, with `new`, atomically. A file
/// that is not stored as `linted` (it changed since, or it is not UTF-8) is left alone.
pub fn write(path: &Path, linted: &str, new: &str) -> Result<Written> {
    if let Some(why) = not_regular(path) {
        return Ok(Written::Skipped(why));
    }
    // Write through a symbolic link to its target, instead of replacing the link.
    let target: PathBuf = std::fs::canonicalize(path).map_err(|e| Error::io(path, &e))?;
    let before = std::fs::metadata(&target).map_err(|e| Error::io(path, &e))?;
    if before.permissions().readonly() {
        return Err(Error::file(
            ErrorKind::Io,
            path,
            "not fixed: the file is read-only (make it writable, or see the changes with --diff)",
        ));
    }
    let bytes = std::fs::read(&target).map_err(|e| Error::io(path, &e))?;
    let bom = match stored_as(&bytes, linted) {
        Ok(bom) => bom,
        Err(why) => return Ok(Written::Skipped(why)),
    };
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let (_listed, mut tmp) = create_pending(dir).map_err(|e| {
        Error::file(
            ErrorKind::Io,
            path,
            format!(
                "not fixed: cannot create a temporary file in {}: {}",
                dir.display(),
                crate::error::io_message(&e)
            ),
        )
    })?;
    let io = |e: std::io::Error| {
        Error::file(
            ErrorKind::Io,
            path,
            format!("not fixed: {}", crate::error::io_message(&e)),
        )
    };
    if bom {
        tmp.write_all(BOM).map_err(io)?;
    }
    tmp.write_all(new.as_bytes()).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    // Its owner: a file fixed by root stays its owner's. Only root may give a file away; any
    // other user may still give it the original's group when they belong to it, so that a
    // file shared through its group stays shared. Then its permissions: after the owner,
    // whose change clears the set-user-ID and set-group-ID bits.
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, fchown};
        if fchown(tmp.as_file(), Some(before.uid()), Some(before.gid())).is_err() {
            let _ = fchown(tmp.as_file(), None, Some(before.gid()));
        }
    }
    std::fs::set_permissions(tmp.path(), before.permissions()).map_err(io)?;
    // The last look before the rename: the same content and modification time as when read.
    let now = std::fs::metadata(&target).map_err(|e| Error::io(path, &e))?;
    let again = std::fs::read(&target).map_err(|e| Error::io(path, &e))?;
    if again != bytes || now.modified().ok() != before.modified().ok() || now.len() != before.len()
    {
        return Ok(Written::Skipped(
            "it changed while it was being fixed".into(),
        ));
    }
    tmp.persist(&target).map_err(|e| {
        Error::file(
            ErrorKind::Io,
            path,
            format!("not fixed: {}", crate::error::io_message(&e.error)),
        )
    })?;
    Ok(Written::Yes)
}

/// The temporary files of fixes being written, so that a process stopped by a signal can
/// remove them before it exits (see [`remove_pending`]).
static PENDING: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// A fix's temporary file's place in [`PENDING`]: dropped, it leaves the list.
struct Listed(PathBuf);

impl Drop for Listed {
    fn drop(&mut self) {
        unlist(&self.0);
    }
}

/// Create a fix's temporary file in `dir`, listed in [`PENDING`] until the [`Listed`] is
/// dropped (declare it first, so that it outlives the file). The file is created and listed
/// under the list's lock: a signal handler that holds the lock (see [`remove_pending`]) lets
/// no new one appear unlisted.
fn create_pending(dir: &Path) -> std::io::Result<(Listed, tempfile::NamedTempFile)> {
    let mut list = PENDING.lock().unwrap_or_else(|e| e.into_inner());
    let file = tempfile::Builder::new()
        .prefix(".pitchlint-fix-")
        .tempfile_in(dir)?;
    list.push(file.path().to_path_buf());
    Ok((Listed(file.path().to_path_buf()), file))
}

fn unlist(path: &Path) {
    let mut list = PENDING.lock().unwrap_or_else(|e| e.into_inner());
    list.retain(|p| p != path);
}

/// Remove the temporary files of the fixes being written, and keep the lock so that no new
/// one is created: for a handler of SIGINT or SIGTERM, just before the process exits. Every
/// original is left as it was (an original is only ever replaced by a rename).
pub fn remove_pending() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    let list = PENDING.lock().unwrap_or_else(|e| e.into_inner());
    for p in list.iter() {
        let _ = std::fs::remove_file(p);
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{self, Format};
    use crate::pack::PackSource;
    use crate::score::Gate;
    use crate::{Linter, lint};

    fn linter() -> Linter {
        Linter::new(&[PackSource {
            path: "t.toml".into(),
            text: "[pack]\nname = \"t\"\n[[rule]]\nid = \"s\"\nmessage = \"m\"\nweight = -1\nswap = { \"utilize~\" = \"use\", \"leverage\" = [\"use\", \"build on\"] }\n".into(),
        }])
        .unwrap()
    }

    fn fix(text: &str) -> Option<String> {
        let doc = document::read("t", text.as_bytes().to_vec(), Format::Text).unwrap();
        fixed(&lint(&linter(), doc, &Gate::default())).map(|(t, _)| t)
    }

    #[test]
    fn applies_single_replacements_only_and_is_idempotent() {
        let once = fix("Utilize it. We leverage AI and utilize it.").unwrap();
        assert_eq!(once, "Use it. We leverage AI and use it.");
        assert_eq!(fix(&once), None);
    }

    #[test]
    fn overlapping_edits_keep_the_first() {
        let e = vec![
            Edit {
                span: 0..4,
                replacement: "a".into(),
            },
            Edit {
                span: 2..6,
                replacement: "b".into(),
            },
        ];
        let d = disjoint(e);
        assert_eq!(d.len(), 1);
        assert_eq!(apply("0123456", &d), "a456");
        assert!(diff("x.txt", "a\nb\n", "a\nc\n").contains("-b\n+c\n"));
    }

    #[test]
    fn writes_atomically_and_skips_changed_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("d.txt");
        std::fs::write(&p, "Utilize it.").unwrap();
        assert_eq!(write(&p, "Utilize it.", "Use it.").unwrap(), Written::Yes);
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "Use it.");
        // Linted as something else: left alone.
        assert!(matches!(
            write(&p, "Utilize it.", "Use it!").unwrap(),
            Written::Skipped(_)
        ));
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "Use it.");
        // A byte-order mark is kept.
        std::fs::write(&p, b"\xEF\xBB\xBFUtilize").unwrap();
        assert_eq!(write(&p, "Utilize", "Use").unwrap(), Written::Yes);
        assert_eq!(std::fs::read(&p).unwrap(), b"\xEF\xBB\xBFUse");
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn read_only_files_are_an_error_naming_the_file_even_for_root() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("d.txt");
        std::fs::write(&p, "Utilize it.").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o444)).unwrap();
        let e = write(&p, "Utilize it.", "Use it.").unwrap_err().to_string();
        assert_eq!(
            e,
            format!(
                "{}: not fixed: the file is read-only (make it writable, or see the changes with --diff)",
                p.display()
            )
        );
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "Utilize it.");
    }
}
