//! Globs in a config file (`include`, `exclude`, `[[overrides]] paths`), matched against
//! paths relative to the config's folder.

use std::path::Path;

use globset::{GlobSet, GlobSetBuilder};
use toml::Spanned;

use crate::error::{Error, ErrorKind, Result};

/// Globs relative to a folder.
#[derive(Clone, Debug)]
pub struct Globs {
    /// The globs as written.
    pub patterns: Vec<String>,
    set: GlobSet,
    names: GlobSet,
}

impl Globs {
    pub(super) fn new(
        list: &[Spanned<String>],
        path: &Path,
        text: &str,
        key: &str,
    ) -> Result<Globs> {
        let (mut set, mut names) = (GlobSetBuilder::new(), GlobSetBuilder::new());
        // Every invalid glob of the list is reported, each at its place.
        let mut errors = Vec::new();
        for g in list {
            let glob = match globset::GlobBuilder::new(g.get_ref())
                .literal_separator(true)
                .build()
            {
                Ok(glob) => glob,
                Err(e) => {
                    errors.push(Error::at(
                        ErrorKind::Config,
                        path,
                        text,
                        g.span().start,
                        format!("`{key}`: invalid glob `{}`: {}", g.get_ref(), e.kind()),
                    ));
                    continue;
                }
            };
            // A glob without `/` matches a file name in any folder, as in .gitignore.
            if g.get_ref().contains('/') {
                set.add(glob);
            } else {
                names.add(glob);
            }
        }
        if let Some(e) = Error::first_of(errors) {
            return Err(e);
        }
        let build = |b: GlobSetBuilder| b.build().unwrap_or_else(|_| GlobSet::empty());
        Ok(Globs {
            patterns: list.iter().map(|g| g.get_ref().clone()).collect(),
            set: build(set),
            names: build(names),
        })
    }

    /// Whether `rel` (a path relative to the config's folder) matches.
    pub fn matches(&self, rel: &Path) -> bool {
        self.set.is_match(rel) || rel.file_name().is_some_and(|n| self.names.is_match(n))
    }
}
