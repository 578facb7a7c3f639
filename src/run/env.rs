//! What a run reports back (its [`Status`], a [`RunError`]) and what it needs from its
//! surroundings ([`Env`]: the folder, the terminal, colour).

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};

use crate::cli::ColorChoice;
use crate::error::Error;

/// How a run ended; the binary maps it to the exit code (0 / 1 / 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Every file passed.
    Success,
    /// A file failed the gate, or there were too many warnings.
    Failure,
    /// Usage error, unreadable input, or an invalid rule pack or config.
    Error,
}

impl Status {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            Status::Success => 0,
            Status::Failure => 1,
            Status::Error => 2,
        }
    }
}

/// Why a run stopped early.
#[derive(Debug)]
pub enum RunError {
    /// A usage, config, pack or input error.
    Lint(Error),
    /// Writing the output failed (a closed pipe is a quiet success for the binary).
    Io(io::Error),
}

impl RunError {
    /// Whether this is a closed stdout (`pitchlint folder | head -1`).
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, RunError::Io(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::Lint(e) => e.fmt(f),
            // Standard error is where this is said, so it is standard output that failed.
            RunError::Io(e) => write!(
                f,
                "writing to standard output: {}",
                crate::error::io_message(e)
            ),
        }
    }
}

impl From<Error> for RunError {
    fn from(e: Error) -> Self {
        RunError::Lint(e)
    }
}

impl From<io::Error> for RunError {
    fn from(e: io::Error) -> Self {
        RunError::Io(e)
    }
}

/// What a run needs from its surroundings.
#[derive(Clone, Debug)]
pub struct Env {
    /// The current folder (absolute).
    pub cwd: PathBuf,
    /// Whether standard input is a terminal (then it is not read without `-`).
    pub stdin_is_terminal: bool,
    /// Whether to colour the human output.
    pub color: bool,
    /// The report's file (`--output`), when it is there before the run: never read as a draft.
    pub output: Option<FileId>,
}

impl Env {
    /// The process's surroundings; `out_is_terminal` says whether the report goes to one.
    /// (`output` is set by the caller that opens it.)
    pub fn detect(choice: ColorChoice, out_is_terminal: bool) -> io::Result<Env> {
        Ok(Env {
            cwd: std::env::current_dir()?,
            stdin_is_terminal: io::stdin().is_terminal(),
            color: use_color(choice, out_is_terminal),
            output: None,
        })
    }
}

/// A file that is there before the run (the report's, `--output`), known by what it is and not
/// by its name: a hard link to it, under any name, is the same file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileId {
    /// Its device and inode.
    #[cfg(unix)]
    id: (u64, u64),
    /// Its absolute, canonical path (hard links are not told apart here).
    #[cfg(not(unix))]
    canonical: PathBuf,
}

impl FileId {
    /// The file at `path`, if there is one.
    pub fn of(path: &Path) -> Option<FileId> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let m = std::fs::metadata(path).ok()?;
            Some(FileId {
                id: (m.dev(), m.ino()),
            })
        }
        #[cfg(not(unix))]
        {
            Some(FileId {
                canonical: std::fs::canonicalize(path).ok()?,
            })
        }
    }

    /// The file standard output (`fd` 1) or standard error (2) writes to, if it can be told.
    pub fn of_stream(fd: i32) -> Option<FileId> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let m = (fd != 0).then(|| stream_metadata(fd)).flatten()?;
            Some(FileId {
                id: (m.dev(), m.ino()),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = fd;
            None
        }
    }

    /// Whether `path` is this file: on Unix, the same device and inode (a hard link, a
    /// symbolic link or another spelling of the path); elsewhere, the same canonical path.
    /// Only the file's metadata is read (a FIFO is not opened).
    pub fn is(&self, path: &Path) -> bool {
        FileId::of(path).is_some_and(|other| other == *self)
    }
}

/// The metadata of what standard input (`fd` 0), output (1) or error (2) is: a regular file
/// when it is redirected from or to one (its size, its inode), else a pipe or a terminal.
/// `None` where it cannot be told (or off Unix).
pub fn stream_metadata(fd: i32) -> Option<std::fs::Metadata> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let owned = match fd {
            0 => std::io::stdin().as_fd().try_clone_to_owned(),
            1 => std::io::stdout().as_fd().try_clone_to_owned(),
            2 => std::io::stderr().as_fd().try_clone_to_owned(),
            _ => return None,
        }
        .ok()?;
        std::fs::File::from(owned).metadata().ok()
    }
    #[cfg(not(unix))]
    {
        let _ = fd;
        None
    }
}

/// Whether to colour: `always`, `never`, or on a terminal when NO_COLOR is unset or empty.
pub fn use_color(choice: ColorChoice, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && is_terminal
        }
    }
}

/// A writer whose reader may go away (`pitchlint folder | head -1`): after the first broken
/// pipe, it takes every write and drops it, so that the run goes on to the verdict on every
/// file. The exit code does not depend on when the reader left.
pub struct Gone<W> {
    inner: W,
    gone: bool,
}

impl<W: io::Write> Gone<W> {
    /// Write to `inner` until its reader goes away.
    pub fn new(inner: W) -> Self {
        Gone { inner, gone: false }
    }

    /// Whether the reader went away (nothing more is written).
    pub fn gone(&self) -> bool {
        self.gone
    }

    fn went<T>(&mut self, r: io::Result<T>, or: T) -> io::Result<T> {
        match r {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.gone = true;
                Ok(or)
            }
            other => other,
        }
    }
}

impl<W: io::Write> io::Write for Gone<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.gone {
            return Ok(buf.len());
        }
        let r = self.inner.write(buf);
        self.went(r, buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.gone {
            return Ok(());
        }
        let r = self.inner.flush();
        self.went(r, ())
    }
}
