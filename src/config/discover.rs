//! Finding each input's config: walk up from the file's folder to the nearest
//! `pitchlint.toml` / `.pitchlint.toml`, or use `--config`, or none with `--isolated`. Each
//! distinct config is loaded once.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use super::{Config, FILE_NAMES, Flags};
use crate::error::Result;

/// Drop the `.` and `..` components of `p` (an absolute path) without touching the file
/// system, so that a path reads the same from any folder.
pub fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// How configs are found.
#[derive(Clone, Debug)]
pub enum Mode {
    /// Walk up from each file's folder (the default).
    Discover,
    /// `--config PATH`: one file for every input.
    Explicit(PathBuf),
    /// `--isolated`: no file at all.
    Isolated,
}

/// Finds and caches the config of each input; each distinct config is loaded once.
#[derive(Debug)]
pub struct Configs {
    mode: Mode,
    flags: Flags,
    cwd: PathBuf,
    dirs: HashMap<PathBuf, Option<PathBuf>>,
    loaded: HashMap<Option<PathBuf>, usize>,
    /// Every config loaded so far, in the order first needed.
    pub list: Vec<Arc<Config>>,
}

/// The config file in folder `dir` itself, if there is one. Anything by that name is the
/// config: a link that leads nowhere, or a folder, is an error when it is read, not silently
/// no config.
pub fn config_in(dir: &Path) -> Option<PathBuf> {
    FILE_NAMES
        .iter()
        .map(|n| dir.join(n))
        .find(|p| p.symlink_metadata().is_ok())
}

impl Configs {
    /// A finder; `cwd` is the current folder (absolute).
    pub fn new(mode: Mode, flags: Flags, cwd: PathBuf) -> Configs {
        Configs {
            mode,
            flags,
            cwd,
            dirs: HashMap::new(),
            loaded: HashMap::new(),
            list: Vec::new(),
        }
    }

    /// The nearest config file at or above folder `dir` (absolute).
    fn find_from(&mut self, dir: &Path) -> Option<PathBuf> {
        if let Some(found) = self.dirs.get(dir) {
            return found.clone();
        }
        let found = match config_in(dir) {
            Some(p) => Some(p),
            None => dir.parent().and_then(|up| self.find_from(up)),
        };
        self.dirs.insert(dir.to_path_buf(), found.clone());
        found
    }

    /// The index in [`Configs::list`] of the config for `file` (`None` = standard input,
    /// looked up from the current folder).
    pub fn index_for(&mut self, file: Option<&Path>) -> Result<usize> {
        let path = match &self.mode {
            Mode::Isolated => None,
            Mode::Explicit(p) => Some(normalize(&self.cwd.join(p))),
            Mode::Discover => {
                let dir = match file {
                    Some(f) => {
                        let abs = normalize(&self.cwd.join(f));
                        abs.parent()
                            .map_or_else(|| self.cwd.clone(), Path::to_path_buf)
                    }
                    None => self.cwd.clone(),
                };
                self.find_from(&dir)
            }
        };
        if let Some(&i) = self.loaded.get(&path) {
            return Ok(i);
        }
        let config = match &path {
            None => Config::defaults(&self.flags, &self.cwd),
            Some(p) => Config::load(p, &self.flags, &self.cwd)?,
        };
        self.list.push(Arc::new(config));
        self.loaded.insert(path, self.list.len() - 1);
        Ok(self.list.len() - 1)
    }

    /// The config for `file`.
    pub fn for_file(&mut self, file: Option<&Path>) -> Result<Arc<Config>> {
        let i = self.index_for(file)?;
        Ok(Arc::clone(&self.list[i]))
    }

    /// The config for `path`, a file or a folder: a folder's is the one its own files get
    /// (`pitchlint config .` shows the config of the current folder, not of its parent).
    pub fn for_path(&mut self, path: Option<&Path>) -> Result<Arc<Config>> {
        match path {
            Some(p) if self.cwd.join(p).is_dir() => self.for_file(Some(&p.join("any-file"))),
            _ => self.for_file(path),
        }
    }
}
