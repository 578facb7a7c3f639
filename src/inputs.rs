//! Inputs: the paths on the command line, folders walked, standard input read.
//!
//! Files named on the command line are linted whatever their extension. Folders are walked
//! with the `ignore` crate (hidden files and .gitignore'd paths skipped) and yield the files
//! whose extension pitchlint reads, in a stable, sorted order.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::document::{self, Document, Format};
use crate::error::{Error, ErrorKind, Result};

/// One thing to lint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// Standard input, shown as `-`.
    Stdin,
    /// A file on disk.
    File(PathBuf),
}

impl Input {
    /// The name shown in reports.
    pub fn display(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }
}

/// Expand paths into inputs. Errors (a missing path, an unreadable folder) are returned beside
/// the inputs that could be found, so that the rest is still linted.
pub fn collect(paths: &[PathBuf]) -> (Vec<Input>, Vec<Error>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(p) {
            Err(e) => errors.push(Error::io(p, &e)),
            Ok(m) if m.is_dir() => walk(p, &mut inputs, &mut errors),
            Ok(_) => inputs.push(Input::File(p.clone())),
        }
    }
    (inputs, errors)
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<Error>) {
    let walker = ignore::WalkBuilder::new(dir)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
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
        ignore::Error::Io(io) => Error::io(Path::new(""), io).message,
        other => other.to_string(),
    }
}

/// Read an input as a document, as `format` or else as its extension says (text for standard
/// input); a `.tmpl` file is a template. `Ok(None)` means it is binary and was skipped.
pub fn read(input: &Input, format: Option<Format>) -> Result<Option<Document>> {
    let name = input.display();
    let bytes = match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map_err(|e| Error::io(Path::new("-"), &e))?;
            buf
        }
        Input::File(p) => std::fs::read(p).map_err(|e| Error::io(p, &e))?,
    };
    let format = format
        .or_else(|| match input {
            Input::File(p) => Format::from_path(p),
            Input::Stdin => None,
        })
        .unwrap_or(Format::Text);
    let mut doc = document::read(&name, bytes, format);
    if let (Some(d), Input::File(p)) = (&mut doc, input) {
        d.template = Format::is_template_path(p);
    }
    Ok(doc)
}
