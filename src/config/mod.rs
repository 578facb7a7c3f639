//! Config: find and merge `pitchlint.toml`, in a fixed order: command-line flags, then the
//! file given with `--config`, else the nearest `pitchlint.toml` or `.pitchlint.toml` found by
//! walking up from each linted file's folder (from the current folder for standard input).
//! `--isolated` ignores every file. Unknown keys and bad values are errors at
//! `file:line:column` listing the allowed values.

pub mod discover;
pub mod file;
pub mod globs;
mod load;
pub mod select;
pub mod show;

use std::path::{Path, PathBuf};

pub use discover::{Configs, Mode, normalize};
pub use file::ConfigFile;
pub use globs::Globs;
use select::{RuleSelection, Selector};

use crate::check::Linter;
use crate::error::{Error, ErrorKind, Result};
use crate::pack::{self, PackSource};
use crate::profile::Profile;
use crate::rule::Severity;
use crate::score::{DEFAULT_MIN_SCORE, Gate};

/// The names a config file may have, in the order they are looked for in each folder.
pub const FILE_NAMES: [&str; 2] = ["pitchlint.toml", ".pitchlint.toml"];

/// What the command line says, which beats any file.
#[derive(Clone, Debug, Default)]
pub struct Flags {
    /// `--rules`: extra packs, relative to the current folder.
    pub rules: Vec<PathBuf>,
    /// `--no-default-rules`.
    pub no_default_rules: bool,
    /// `--min-score`.
    pub min_score: Option<u8>,
    /// `--fail-on`.
    pub fail_on: Option<Severity>,
    /// `--max-warnings`: `Some(None)` is `-1`, no limit.
    pub max_warnings: Option<Option<usize>>,
    /// `--exit-zero`.
    pub exit_zero: bool,
    /// `--profile`.
    pub profile: Option<Profile>,
    /// `--template`.
    pub template: bool,
    /// `--select`: replaces the config's `select`.
    pub select: Option<Vec<String>>,
    /// `--ignore`: added to the config's `ignore`.
    pub ignore: Vec<String>,
}

/// A value and where it came from (`default`, a flag, or a config file).
#[derive(Clone, Debug)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Where it came from.
    pub origin: String,
}

/// A pack to load, and where it was named.
#[derive(Clone, Debug)]
pub struct PackRef {
    /// The pack file or folder (absolute, or relative to the current folder).
    pub path: PathBuf,
    /// Where it was named: the config file, or `--rules`.
    pub origin: String,
    /// Byte offset of the name in the config file, when it came from one.
    pub offset: Option<usize>,
    /// The path as typed (`--rules team.toml`), which errors and findings show instead of
    /// `path` for the files in it.
    pub shown: Option<PathBuf>,
}

impl PackRef {
    /// How to show `file`, which is `path` or a file in it.
    fn show(&self, file: &Path) -> PathBuf {
        match (&self.shown, file.strip_prefix(&self.path)) {
            (Some(shown), Ok(rest)) if rest.as_os_str().is_empty() => shown.clone(),
            (Some(shown), Ok(rest)) => shown.join(rest),
            _ => file.to_path_buf(),
        }
    }
}

fn sourced<T>(value: T, origin: impl Into<String>) -> Sourced<T> {
    Sourced {
        value,
        origin: origin.into(),
    }
}

/// A `[[overrides]]` entry, resolved.
#[derive(Clone, Debug)]
pub struct Override {
    /// The files it applies to.
    pub paths: Globs,
    /// `min_score` (0 = none).
    pub min_score: Option<u8>,
    /// `fail_on`.
    pub fail_on: Option<Severity>,
    /// `max_warnings`: `Some(None)` (-1) lifts the limit for these files.
    pub max_warnings: Option<Option<usize>>,
    /// `exit_zero`.
    pub exit_zero: Option<bool>,
    /// `ignore`: rules off for these files.
    pub ignore: Vec<String>,
    /// `profile`.
    pub profile: Option<Profile>,
    /// `template`.
    pub template: Option<bool>,
    /// `accept`: its terms, as indices into [`Config::accept`].
    pub accept: std::ops::Range<usize>,
}

/// The gate for one file.
#[derive(Clone, Debug)]
pub struct FileGate {
    /// Score and severity thresholds.
    pub gate: Gate,
    /// The warning limit this file counts toward.
    pub max_warnings: Option<usize>,
    /// Which limit: 0 is the config's own, i + 1 is `[[overrides]]` entry i.
    pub warnings_group: usize,
    /// Whether the file's failure leaves the exit status alone.
    pub exit_zero: bool,
    /// Rules off for this file (`[[overrides]] ignore`), as selectors.
    pub ignore: Vec<String>,
    /// The config's and the flags' `ignore` selectors that name a built-in rule: they turn
    /// off built-in findings only.
    pub builtin_ignore: Vec<String>,
    /// The kind of message this file is.
    pub profile: Profile,
    /// Whether this file is linted as a template (besides `.tmpl` files, which always are).
    pub template: bool,
    /// The accepted terms that apply to this file (`None`: none).
    pub accept: Option<crate::accept::AcceptFor>,
}

/// A merged config: defaults, then a file (if any), then flags.
#[derive(Clone, Debug)]
pub struct Config {
    /// The config file, if one was used.
    pub path: Option<PathBuf>,
    /// The folder its globs and packs are relative to.
    pub base: PathBuf,
    /// Whether the embedded pack is loaded.
    pub default_rules: Sourced<bool>,
    /// Packs to load, in order, each with where it was named.
    pub packs: Vec<PackRef>,
    /// `select`, `ignore` and per-rule overrides.
    pub selection: RuleSelection,
    /// The minimum score (`None` = off).
    pub min_score: Sourced<Option<u8>>,
    /// The lowest failing severity.
    pub fail_on: Sourced<Severity>,
    /// The warning limit.
    pub max_warnings: Sourced<Option<usize>>,
    /// Whether failures leave the exit status at 0.
    pub exit_zero: Sourced<bool>,
    /// Files found in folders must match these.
    pub include: Option<Globs>,
    /// Files found in folders that are skipped.
    pub exclude: Option<Globs>,
    /// Per-path settings, later entries winning.
    pub overrides: Vec<Override>,
    /// The kind of message linted.
    pub profile: Sourced<Profile>,
    /// Whether files are linted as templates.
    pub template: Sourced<bool>,
    /// `accept`: every term of the file, the top level's first, then each `[[overrides]]`
    /// entry's.
    pub accept: Vec<String>,
    /// How many of [`Config::accept`] are the top level's.
    accept_top: usize,
    /// Those terms, compiled (`None` when there are none).
    accepted: Option<std::sync::Arc<crate::accept::Accepted>>,
    /// Whether flags fixed each per-path setting (and so beat `[[overrides]]`): min_score,
    /// fail_on, max_warnings, exit_zero, profile, template.
    flag_gate: [bool; 6],
    text: String,
    /// [`Config::builtin_ignores`], worked out once: every file's gate needs it, and each
    /// working-out builds the built-in rules' metadata.
    builtin_off: std::sync::OnceLock<Vec<String>>,
}

impl Config {
    /// The config with no file: defaults, then flags. Globs and packs are relative to `cwd`.
    pub fn defaults(flags: &Flags, cwd: &Path) -> Config {
        let mut c = Config {
            path: None,
            base: cwd.to_path_buf(),
            default_rules: sourced(true, "default"),
            packs: Vec::new(),
            selection: RuleSelection::default(),
            min_score: sourced(Some(DEFAULT_MIN_SCORE), "default"),
            fail_on: sourced(Severity::Error, "default"),
            max_warnings: sourced(None, "default"),
            exit_zero: sourced(false, "default"),
            include: None,
            exclude: None,
            overrides: Vec::new(),
            profile: sourced(Profile::default(), "default"),
            template: sourced(false, "default"),
            accept: Vec::new(),
            accept_top: 0,
            accepted: None,
            flag_gate: [false; 6],
            text: String::new(),
            builtin_off: std::sync::OnceLock::new(),
        };
        c.apply_flags(flags, cwd);
        c
    }

    /// The pack sources this config loads: the default pack (unless turned off), then its
    /// packs in order.
    pub fn pack_sources(&self) -> Result<Vec<PackSource>> {
        let mut sources = if self.default_rules.value {
            pack::default_sources()
        } else {
            Vec::new()
        };
        // The same pack file named twice (`--rules team.toml --rules ./team.toml`) loads once.
        let mut seen = std::collections::HashSet::new();
        for p in &self.packs {
            let read = pack::read_sources(&p.path).map_err(|e| match (&self.path, p.offset) {
                // A pack the config names but that cannot be read, or a folder with no pack
                // in it: point at the config.
                (Some(config), Some(at))
                    if e.position.is_none()
                        && (e.kind == ErrorKind::Io || e.path.as_deref() == Some(&*p.path)) =>
                {
                    // The file of a folder that could not be read is named, and so is every
                    // other one.
                    let e = e.map_paths(|f| p.show(f));
                    let named = e.path.as_deref().unwrap_or(&p.path).display().to_string();
                    Error {
                        more: e.more,
                        ..Error::at(
                            ErrorKind::Config,
                            config,
                            &self.text,
                            at,
                            format!("`packs`: {named}: {}", e.message),
                        )
                    }
                }
                // One given to `--rules`: say so, or it reads as a draft that is missing.
                _ if p.origin == "--rules" && e.kind == ErrorKind::Io && e.position.is_none() => {
                    let e = e.map_paths(|f| p.show(f));
                    Error {
                        message: format!("{} (the rule pack --rules names)", e.message),
                        ..e
                    }
                }
                // Each unreadable pack of a folder, named as given.
                _ => e.map_paths(|f| p.show(f)),
            })?;
            for mut s in read {
                if seen.insert(std::fs::canonicalize(&s.path).unwrap_or(s.path.clone())) {
                    s.path = p.show(&s.path);
                    sources.push(s);
                }
            }
        }
        Ok(sources)
    }

    /// Load the packs and build the linter, with `select`, `ignore` and rule overrides applied.
    pub fn linter(&self) -> Result<Linter> {
        self.linter_of(&self.pack_sources()?)
    }

    /// [`Config::linter`] from packs already read by [`Config::pack_sources`].
    pub fn linter_of(&self, sources: &[PackSource]) -> Result<Linter> {
        let rules = crate::check::compile_rules(sources)?;
        let all: Vec<_> = rules.iter().map(|r| r.meta().clone()).collect();
        let path = self.path.clone().unwrap_or_default();
        let kept = self.selection.apply(rules, &path, &self.text)?;
        // What the selection turned off is still a rule a suppression comment may name.
        let on: std::collections::HashSet<&str> =
            kept.iter().map(|r| r.meta().qualified.as_str()).collect();
        let off = all
            .iter()
            .filter(|m| !on.contains(m.qualified.as_str()))
            .cloned()
            .collect();
        Ok(Linter::build(kept, sources)?.with_off(off))
    }

    /// `file` relative to this config's folder (both made absolute and tidied).
    fn relative(&self, file: &Path) -> PathBuf {
        let abs = normalize(&self.base.join(file));
        abs.strip_prefix(&self.base)
            .map_or_else(|_| file.to_path_buf(), Path::to_path_buf)
    }

    /// The `[[overrides]]` entries among `left` (by index) that match none of `files` (paths
    /// absolute, or relative to this config's folder).
    pub fn overrides_unmatched<P: AsRef<Path>>(
        &self,
        mut left: Vec<usize>,
        files: impl IntoIterator<Item = P>,
    ) -> Vec<usize> {
        for f in files {
            if left.is_empty() {
                break;
            }
            let rel = self.relative(f.as_ref());
            left.retain(|&i| !self.overrides[i].paths.matches(&rel));
        }
        left
    }

    /// Whether a file found while walking a folder is linted (`include` / `exclude`).
    pub fn wants(&self, file: &Path) -> bool {
        if self.include.is_none() && self.exclude.is_none() {
            return true;
        }
        let rel = self.relative(file);
        self.include.as_ref().is_none_or(|g| g.matches(&rel))
            && !self.exclude.as_ref().is_some_and(|g| g.matches(&rel))
    }

    /// Where the warning limit of `group` (see [`FileGate::warnings_group`]) was set.
    pub fn max_warnings_origin(&self, group: usize) -> String {
        match (&self.path, group) {
            (Some(p), g) if g > 0 && !self.flag_gate[2] => {
                format!("{} [[overrides]] entry {g}", p.display())
            }
            _ => self.max_warnings.origin.clone(),
        }
    }

    /// The built-in rules that run under this config: all of them but the ones that can be
    /// turned off (`pitchlint/missing-subject`, `pitchlint/fake-reply`) and that its `select`
    /// and `ignore` turn off, weighed as a pack rule's are.
    pub fn builtins(&self) -> Vec<std::sync::Arc<crate::rule::RuleMeta>> {
        let off = self.builtin_ignores();
        crate::builtin::rules()
            .into_iter()
            .filter(|m| !off.contains(&m.qualified))
            .collect()
    }

    /// The built-in rules that can be turned off and are (by `pack/id`): those the config's
    /// and the flags' `ignore` names, and with a `select` list, those it does not name.
    fn builtin_ignores(&self) -> &[String] {
        self.builtin_off.get_or_init(|| {
            let s = &self.selection;
            crate::builtin::ignorable()
                .into_iter()
                .filter(|m| !select::enabled(m, s.select.as_deref(), &s.ignore))
                .map(|m| m.qualified.clone())
                .collect()
        })
    }

    /// The gate for `file` (absolute) (`None` for standard input): the config's settings, then each
    /// matching `[[overrides]]` entry in order, then the flags.
    pub fn gate_for(&self, file: Option<&Path>) -> FileGate {
        let mut g = FileGate {
            gate: Gate {
                min_score: self.min_score.value,
                fail_on: self.fail_on.value,
            },
            max_warnings: self.max_warnings.value,
            warnings_group: 0,
            exit_zero: self.exit_zero.value,
            ignore: Vec::new(),
            // The config's and the flags' `ignore` selectors that name a built-in rule
            // (`pitchlint/missing-subject`); the pack rules they name are gone from the linter
            // already, where `select` and `ignore` were weighed against each other.
            builtin_ignore: self.builtin_ignores().to_vec(),
            profile: self.profile.value,
            template: self.template.value,
            accept: None,
        };
        let mut accept: Vec<u32> = (0..self.accept_top as u32).collect();
        // Only `[[overrides]]` entries read the path (tidying it allocates, on every file).
        let rel = file
            .filter(|_| !self.overrides.is_empty())
            .map(|f| self.relative(f));
        for (i, o) in self.overrides.iter().enumerate() {
            if !rel.as_ref().is_some_and(|r| o.paths.matches(r)) {
                continue;
            }
            if let (Some(n), false) = (o.min_score, self.flag_gate[0]) {
                g.gate.min_score = (n > 0).then_some(n);
            }
            if let (Some(s), false) = (o.fail_on, self.flag_gate[1]) {
                g.gate.fail_on = s;
            }
            if let (Some(n), false) = (o.max_warnings, self.flag_gate[2]) {
                g.max_warnings = n;
                g.warnings_group = i + 1;
            }
            if let (Some(z), false) = (o.exit_zero, self.flag_gate[3]) {
                g.exit_zero = z;
            }
            if let (Some(p), false) = (o.profile, self.flag_gate[4]) {
                g.profile = p;
            }
            if let (Some(t), false) = (o.template, self.flag_gate[5]) {
                g.template = t;
            }
            g.ignore.extend(o.ignore.iter().cloned());
            accept.extend(o.accept.clone().map(|i| i as u32));
        }
        g.accept = self
            .accepted
            .as_ref()
            .filter(|_| !accept.is_empty())
            .map(|terms| crate::accept::AcceptFor {
                terms: std::sync::Arc::clone(terms),
                active: accept,
            });
        g
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Config> {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("pitchlint.toml");
        std::fs::write(&p, text).unwrap();
        Config::load(&p, &Flags::default(), dir.path()).map_err(|mut e| {
            e.path = Some(PathBuf::from("pitchlint.toml"));
            e
        })
    }

    #[test]
    fn unknown_keys_list_the_allowed_ones() {
        let e = load("min_score = 60\nfailon = \"warning\"\n").unwrap_err();
        let s = e.to_string();
        assert!(
            s.starts_with("pitchlint.toml:2:1: unknown field `failon`"),
            "{s}"
        );
        assert!(s.contains("`fail_on`"), "{s}");
    }

    #[test]
    fn bad_values_list_the_allowed_ones() {
        let s = load("fail_on = \"fatal\"\n").unwrap_err().to_string();
        assert!(s.starts_with("pitchlint.toml:1:11:"), "{s}");
        assert!(s.contains("`error`, `warning`"), "{s}");
        let s = load("min_score = 120\n").unwrap_err().to_string();
        assert_eq!(
            s,
            "pitchlint.toml:1:13: `min_score` = 120 is out of range: expected an integer from 0 to 100"
        );
        let s = load("exclude = [\"a/[b\"]\n").unwrap_err().to_string();
        assert!(
            s.starts_with("pitchlint.toml:1:12: `exclude`: invalid glob"),
            "{s}"
        );
    }

    #[test]
    fn overrides_apply_in_order_and_flags_win() {
        let c = load(
            "min_score = 60\n[[overrides]]\npaths = [\"proposals/**\"]\nmin_score = 80\nfail_on = \"warning\"\n",
        )
        .unwrap();
        let g = c.gate_for(Some(&c.base.join("proposals/a/b.md")));
        assert_eq!(g.gate.min_score, Some(80));
        assert_eq!(g.gate.fail_on, Severity::Warning);
        let g = c.gate_for(Some(&c.base.join("followups/b.md")));
        assert_eq!(g.gate.min_score, Some(60));
        assert_eq!(g.gate.fail_on, Severity::Error);
        let mut c = c;
        c.apply_flags(
            &Flags {
                min_score: Some(10),
                ..Flags::default()
            },
            Path::new("/"),
        );
        let g = c.gate_for(Some(&c.base.join("proposals/b.md")));
        assert_eq!(g.gate.min_score, Some(10));
        assert_eq!(c.min_score.origin, "--min-score");
    }

    #[test]
    fn globs_without_a_slash_match_names_anywhere() {
        let c = load("exclude = [\"*.draft.md\", \"old/**\"]\n").unwrap();
        assert!(!c.wants(&c.base.join("a/b/x.draft.md")));
        assert!(!c.wants(&c.base.join("old/x.md")));
        assert!(c.wants(&c.base.join("a/old/x.md")));
        assert!(c.wants(&c.base.join("x.md")));
    }

    #[test]
    fn normalize_drops_dots() {
        assert_eq!(
            normalize(Path::new("/a/b/../c/./d")),
            PathBuf::from("/a/c/d")
        );
    }
}
