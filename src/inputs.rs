//! Inputs: the paths on the command line, folders walked, standard input read.
//!
//! Files named on the command line are linted whatever their extension. Folders are walked
//! with the `ignore` crate (hidden files and .gitignore'd paths skipped) and yield the files
//! whose extension pitchlint reads, in a stable, sorted order.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::document::{self, Document, Format, plain};
use crate::error::{Error, ErrorKind, Result};

/// One thing to lint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// Standard input, shown as `-`, or as the file it stands for (`--stdin-filename`), whose
    /// name also gives its format and its config.
    Stdin(Option<PathBuf>),
    /// A file on disk.
    File(PathBuf),
}

impl Input {
    /// The name shown in reports.
    pub fn display(&self) -> String {
        match self {
            Input::Stdin(None) => "-".to_string(),
            Input::Stdin(Some(p)) => p.display().to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }
}

/// The extensions a folder walk picks up, as the note on an empty folder lists them.
pub const EXTENSIONS: &str = ".txt, .tmpl, .md, .markdown, .html, .htm, .eml";

/// What [`collect`] found.
#[derive(Debug, Default)]
pub struct Collected {
    /// The inputs, each file once (the first spelling of a path is kept: `a.txt ./a.txt` is
    /// one file), standard input once.
    pub inputs: Vec<Input>,
    /// Paths that could not be read (a missing path, an unreadable folder); the rest is
    /// still linted.
    pub errors: Vec<Error>,
    /// Notes for the user: a folder with no draft in it.
    pub notes: Vec<String>,
}

/// Expand paths into inputs (see [`Collected`]).
pub fn collect(paths: &[PathBuf]) -> Collected {
    let mut c = Collected::default();
    for p in paths {
        if p.as_os_str() == "-" {
            c.inputs.push(Input::Stdin(None));
            continue;
        }
        match std::fs::metadata(p) {
            Err(e) => c.errors.push(Error::io(p, &e)),
            Ok(m) if m.is_dir() => {
                let before = (c.inputs.len(), c.errors.len());
                walk(p, &mut c.inputs, &mut c.errors);
                // A folder that could not be read (or part of it) has its error already: "no
                // drafts found" beside "permission denied" would contradict it.
                if c.inputs.len() == before.0 && c.errors.len() == before.1 {
                    c.notes.push(format!(
                        "{}: no drafts found (looked for {EXTENSIONS})",
                        p.display()
                    ));
                }
            }
            Ok(_) => c.inputs.push(Input::File(p.clone())),
        }
    }
    // The same file named twice (or found by two walks) is linted once.
    let mut seen = std::collections::HashSet::new();
    c.inputs.retain(|i| match i {
        Input::Stdin(_) => seen.insert(None),
        Input::File(p) => seen.insert(Some(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()))),
    });
    c
}

/// What a folder walk skips, for files named on the command line under `--force-exclude`:
/// hidden files and folders, and what the ignore files of the folders above a file list
/// (`.ignore`, `.gitignore`, and the repository's `.git/info/exclude`), as [`walk`] skips them.
#[derive(Default)]
pub struct WalkSkips {
    /// Each folder's ignore files, read once, and whether it is a repository's root.
    folders: std::collections::HashMap<PathBuf, (Vec<ignore::gitignore::Gitignore>, bool)>,
}

impl WalkSkips {
    /// Whether a walk from `root` (the current folder) would skip `file` (absolute).
    pub fn skips(&mut self, file: &Path, root: &Path) -> bool {
        // `./a/../b` as `b`: ignore files match clean paths.
        let clean = crate::config::discover::normalize(file);
        let hidden = |p: &Path| {
            p.components().any(|c| {
                matches!(c, std::path::Component::Normal(n)
                    if n.to_str().is_some_and(|n| n.starts_with('.')))
            })
        };
        // The deepest folder's verdict wins (a nested .gitignore may re-include a file), and
        // a repository's ignore files stop at its root.
        let mut ignored = None;
        let mut repo = None;
        for d in clean.ancestors().skip(1) {
            let (lists, is_root) = self.folders.entry(d.to_path_buf()).or_insert_with(|| {
                let lists = [".ignore", ".gitignore", ".git/info/exclude"]
                    .iter()
                    .map(|f| d.join(f))
                    .filter(|f| f.is_file())
                    .filter_map(|f| {
                        let mut b = ignore::gitignore::GitignoreBuilder::new(d);
                        b.add(&f);
                        b.build().ok()
                    })
                    .collect();
                (lists, d.join(".git").exists())
            });
            if ignored.is_none() {
                ignored = lists.iter().find_map(|list| {
                    match list.matched_path_or_any_parents(&clean, false) {
                        ignore::Match::Ignore(_) => Some(true),
                        ignore::Match::Whitelist(_) => Some(false),
                        ignore::Match::None => None,
                    }
                });
            }
            if *is_root {
                repo = Some(d);
                break;
            }
        }
        // Hidden below the folder a walk would start from: the current one, or for a file
        // outside it, its repository's root (else only its own name counts).
        let rel = if clean.starts_with(root) {
            clean.strip_prefix(root).unwrap_or(&clean)
        } else if let Some(r) = repo {
            clean.strip_prefix(r).unwrap_or(&clean)
        } else {
            Path::new(clean.file_name().unwrap_or_default())
        };
        hidden(rel) || ignored == Some(true)
    }
}

/// A folder walk as linting does it, hidden files and what ignore files list skipped. A
/// .gitignore counts in any folder, in a git repository or not: a folder of drafts on a shared
/// drive keeps out what its owner listed. In a repository, as in git and ripgrep, those above
/// its root do not count (a `proposals/` listed in a home folder's .gitignore would otherwise
/// pass a repository's CI with nothing linted).
pub fn walker(dir: &Path) -> ignore::WalkBuilder {
    // The folder as the walk sees it: `..` and links resolved (`../drafts` from inside a
    // repository, or a link from one to a shared drive, is not in it).
    let abs = dir
        .canonicalize()
        .or_else(|_| std::path::absolute(dir))
        .unwrap_or_else(|_| dir.to_path_buf());
    let in_repo = abs.ancestors().any(|d| d.join(".git").exists());
    let mut b = ignore::WalkBuilder::new(dir);
    b.require_git(in_repo);
    b
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<Error>) {
    let walker = walker(dir).sort_by_file_name(|a, b| a.cmp(b)).build();
    for entry in walker {
        match entry {
            Ok(e) => {
                if e.file_type().is_some_and(|t| t.is_file())
                    && Format::from_path(e.path()).is_some()
                {
                    inputs.push(Input::File(e.into_path()));
                }
            }
            Err(e) => {
                let path = match &e {
                    ignore::Error::WithPath { path, .. } => path.clone(),
                    _ => dir.to_path_buf(),
                };
                errors.push(Error::file(ErrorKind::Io, &path, walk_message(&e)));
            }
        }
    }
}

fn walk_message(e: &ignore::Error) -> String {
    match e {
        ignore::Error::WithPath { err, .. } => walk_message(err),
        ignore::Error::WithDepth { err, .. } => walk_message(err),
        ignore::Error::Loop { child, .. } => format!("symbolic link loop at {}", child.display()),
        ignore::Error::Io(io) => crate::error::io_message(io),
        other => other.to_string(),
    }
}

/// Read an input as a document, as `format` or else as its extension says (standard input as
/// the extension of the name it was given says, else as its first bytes say: see
/// [`Format::sniff`]); a `.tmpl` file is a template. `Ok(None)` means it is binary and was
/// skipped.
pub fn read(input: &Input, format: Option<Format>) -> Result<Option<Document>> {
    Ok(parse(input, read_bytes(input)?, format))
}

/// The bytes of an input, as stored. A binary input is read no further than the head that
/// shows it is binary (see [`plain::looks_binary`]): it is skipped, and a device such as
/// `/dev/zero` never ends.
pub fn read_bytes(input: &Input) -> Result<Vec<u8>> {
    read_input(input, false)
}

/// [`read_bytes`], or all of it whatever it holds when `whole` (standard input that `--fix -`
/// passes through: a binary buffer comes out as it went in).
pub fn read_input(input: &Input, whole: bool) -> Result<Vec<u8>> {
    match input {
        Input::Stdin(_) if whole => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|e| Error::io(Path::new("-"), &e))?;
            Ok(bytes)
        }
        Input::Stdin(_) => plain::read_unless_binary(std::io::stdin().lock(), 0)
            .map_err(|e| Error::io(Path::new("-"), &e)),
        Input::File(p) => {
            let read = || {
                let file = std::fs::File::open(p)?;
                let size = file.metadata().map_or(0, |m| m.len());
                plain::read_unless_binary(file, usize::try_from(size).unwrap_or(0))
            };
            read().map_err(|e| Error::io(p, &e))
        }
    }
}

/// Why an input named on the command line (or standard input) is not linted when it is
/// binary: an error, since a script that checks `pitchlint offer.pdf` before sending must not
/// read "passed". A file found by walking a folder is skipped with a note instead.
pub fn binary_error(input: &Input) -> String {
    // The head again (the file is not kept): its first NUL byte, and whether it reads as
    // UTF-16 without a byte-order mark, which Windows tools can write.
    let head = match input {
        // Not a FIFO or a device: opening one again would wait for a writer that is gone.
        Input::File(p) if std::fs::metadata(p).is_ok_and(|m| m.is_file()) => {
            std::fs::File::open(p).ok().and_then(|f| {
                let mut head = Vec::new();
                f.take(plain::SNIFF as u64).read_to_end(&mut head).ok()?;
                Some(head)
            })
        }
        _ => None,
    };
    let Some((head, at)) = head.and_then(|h| {
        let at = memchr::memchr(0, &h)?;
        Some((h, at))
    }) else {
        return "binary input (a NUL byte in its first 8 KiB), not a draft".to_string();
    };
    if utf16_without_bom(&head) {
        format!(
            "binary file (a NUL byte at offset {at}), not a draft: it reads as UTF-16 without \
             a byte-order mark; save it as UTF-8"
        )
    } else {
        format!("binary file (a NUL byte at offset {at}), not a draft")
    }
}

/// Whether `head` reads as UTF-16 text (little- or big-endian) with no byte-order mark: of
/// its first 256 code units, every one is printable ASCII, a tab, a line break or general
/// punctuation (the curly quotes and dashes of a Word or Outlook text).
fn utf16_without_bom(head: &[u8]) -> bool {
    let units = &head[..head.len().min(512) & !1];
    let ascii = |lo: u8, hi: u8| {
        (hi == 0 && (lo.is_ascii_graphic() || b" \t\r\n".contains(&lo)))
            || (hi == 0x20 && lo >= 0x10)
    };
    units.len() >= 4
        && (units.chunks(2).all(|u| ascii(u[0], u[1]))
            || units.chunks(2).all(|u| ascii(u[1], u[0])))
}

/// An input's bytes (see [`read_bytes`]) as a document: see [`read`].
pub fn parse(input: &Input, bytes: Vec<u8>, format: Option<Format>) -> Option<Document> {
    let name = input.display();
    let named = match input {
        Input::File(p) | Input::Stdin(Some(p)) => Some(p),
        Input::Stdin(None) => None,
    };
    let format = format.unwrap_or_else(|| match input {
        Input::File(p) => Format::from_path(p).unwrap_or(Format::Text),
        Input::Stdin(name) => name
            .as_deref()
            .and_then(Format::from_path)
            .unwrap_or_else(|| Format::sniff(&bytes)),
    });
    let mut doc = document::read(&name, bytes, format);
    if let (Some(d), Some(p)) = (&mut doc, named) {
        d.template = Format::is_template_path(p);
    }
    doc
}
