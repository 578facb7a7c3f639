//! Before linting: the flags that beat config files, the configs, which input each config
//! lints, and one linter per config in use.

use std::sync::Arc;

use super::Env;
use crate::check::Linter;
use crate::cli::Cli;
use crate::config::{Config, Configs, Flags, Mode};
use crate::error::Error;
use crate::inputs::Input;
use crate::rule::RuleMeta;

/// The flags of `cli` that beat config files.
pub fn flags(cli: &Cli) -> Flags {
    Flags {
        rules: cli.rules.clone(),
        no_default_rules: cli.no_default_rules,
        min_score: cli.min_score,
        fail_on: cli.fail_on.map(Into::into),
        max_warnings: cli.max_warnings.map(|n| usize::try_from(n).ok()),
        exit_zero: cli.exit_zero,
        profile: cli.profile,
        template: cli.template,
        select: (!cli.select.is_empty()).then(|| split_selectors(&cli.select)),
        ignore: split_selectors(&cli.ignore),
    }
}

/// `--select a,b --select c` → [a, b, c].
pub(super) fn split_selectors(values: &[String]) -> Vec<String> {
    values
        .iter()
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// The config finder `cli` asks for.
pub fn configs(cli: &Cli, env: &Env) -> Configs {
    let mode = if cli.isolated {
        Mode::Isolated
    } else if let Some(p) = &cli.config {
        Mode::Explicit(p.clone())
    } else {
        Mode::Discover
    };
    Configs::new(mode, flags(cli), env.cwd.clone())
}

/// What a run lints: see [`plan`].
pub(super) struct Plan {
    /// The configs the inputs use.
    pub configs: Configs,
    /// Each input to lint, with the index of its config.
    pub work: Vec<(Input, usize)>,
    /// The linter of each config that an input uses.
    pub linters: Vec<Option<Linter>>,
    /// Inputs found that a config's include/exclude (or --force-exclude) left out.
    pub excluded: usize,
    /// The folder given that holds the new `--output` file, when a later walk of it would
    /// lint the report as a draft (its extension is a draft's and the config wants it).
    pub output_walked: Option<std::path::PathBuf>,
    /// Notes for the user: a config's `[[overrides]]` entry that matched no draft of a run
    /// that walked the config's whole folder (a misspelt folder, which would otherwise leave
    /// its gate off unseen).
    pub notes: Vec<String>,
}

/// Each input's config (files found in folders filtered by its include/exclude), and the
/// linter of each config that an input uses, built once.
pub(super) fn plan(cli: &Cli, env: &Env, inputs: Vec<Input>) -> Result<Plan, Error> {
    let mut configs = configs(cli, env);
    let mut work: Vec<(Input, usize)> = Vec::with_capacity(inputs.len());
    let mut excluded = 0;
    // Under --force-exclude, a file named on the command line (or by --stdin-filename) is
    // held to what a walk would skip too. A walked file was: a folder named on the command
    // line is walked whatever its own name (`pitchlint --force-exclude .drafts`).
    let mut skips = crate::inputs::WalkSkips::default();
    let mut walk_wants = |config: &crate::config::Config, file: &std::path::Path, named: bool| {
        walk_wants(config, file) && !(cli.force_exclude && named && skips.skips(file, &env.cwd))
    };
    for input in inputs {
        let i = match &input {
            Input::Stdin(None) => configs.index_for(None)?,
            // Standard input named as a file gets that file's config; it is always linted,
            // but under --force-exclude, as a named file is.
            Input::Stdin(Some(p)) => {
                let i = configs.index_for(Some(p))?;
                if cli.force_exclude && !walk_wants(&configs.list[i], &env.cwd.join(p), true) {
                    excluded += 1;
                    continue;
                }
                i
            }
            Input::File(p) => {
                let i = configs.index_for(Some(p))?;
                let given = cli.paths.iter().any(|q| q == p);
                let named = !cli.force_exclude && given;
                if !named && !walk_wants(&configs.list[i], &env.cwd.join(p), given) {
                    excluded += 1;
                    continue;
                }
                // The report's file, there before the run, in a folder being linted: it is
                // a draft (or an old report) that the report would overwrite.
                if env.output.as_ref().is_some_and(|o| o.is(p)) {
                    let named = cli.output.as_deref().unwrap_or(p);
                    return Err(Error::usage(format!(
                        "--output {}: names a file this run lints ({}, in a folder given): the \
                         report would overwrite it; write the report outside the folders linted, \
                         or exclude it in the config",
                        named.display(),
                        p.display()
                    )));
                }
                i
            }
        };
        work.push((input, i));
    }
    if work.is_empty() {
        // Nothing to lint: still validate the packs, so that a broken pack never passes.
        let i = configs.index_for(None)?;
        configs.list[i].linter()?;
    }
    // The run's own config files and rule packs are inputs too: the report must not replace
    // one (`-o pitchlint.toml`, `--rules team.toml -o team.toml`), whatever it holds.
    if let (Some(o), Some(named)) = (&env.output, &cli.output) {
        for c in &configs.list {
            let own = c.path.iter().chain(c.packs.iter().map(|p| &p.path));
            for f in own {
                let in_folder = f.is_dir()
                    && named.extension().is_some_and(|e| e == "toml")
                    && std::fs::canonicalize(named)
                        .ok()
                        .zip(std::fs::canonicalize(f).ok())
                        .is_some_and(|(n, d)| n.starts_with(d));
                if o.is(f) || in_folder {
                    return Err(Error::usage(format!(
                        "--output {}: names a file this run reads ({}, its config or a rule \
                         pack): the report would overwrite it; write the report elsewhere",
                        named.display(),
                        f.display()
                    )));
                }
            }
        }
    }
    let mut linters: Vec<Option<Linter>> = Vec::new();
    linters.resize_with(configs.list.len(), || None);
    for (_, i) in &work {
        if linters[*i].is_none() {
            // Each file's profile (flag, then `[[overrides]]`, then the config) is passed to
            // the linter per file; the config's own is the linter's default.
            let profile = configs.list[*i].profile.value;
            linters[*i] = Some(configs.list[*i].linter()?.with_profile(profile));
        }
    }
    // A report written into a folder being linted is not linted by this run (it is not
    // there yet) but would be by the next, which then refuses to overwrite it.
    let output_walked = match &cli.output {
        Some(o) if env.output.is_none() => {
            let abs = crate::config::normalize(&env.cwd.join(o));
            let folder = cli.paths.iter().find(|d| {
                let d = env.cwd.join(d);
                d.is_dir() && abs.starts_with(crate::config::normalize(&d))
            });
            match folder {
                Some(d) => {
                    // A walk skips hidden files and folders (`.reports/run.md`).
                    let root = crate::config::normalize(&env.cwd.join(d));
                    let hidden = abs.strip_prefix(&root).is_ok_and(|rel| {
                        rel.components()
                            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
                    });
                    let i = configs.index_for(Some(&abs))?;
                    (!hidden && self::walk_wants(&configs.list[i], &abs)).then(|| d.clone())
                }
                None => None,
            }
        }
        _ => None,
    };
    let mut notes = unmatched_overrides(cli, env, &configs.list, &work);
    notes.extend(linters.iter().flatten().flat_map(needs_turned_off));
    notes.dedup();
    Ok(Plan {
        configs,
        work,
        linters,
        excluded,
        output_walked,
        notes,
    })
}

/// A note for each `[[overrides]]` entry that matched none of the drafts this run lints under
/// its config, when the run walked a folder in the config's folder (or one that holds it), and
/// that a walk of the config's folder, as `pitchlint config` does it, confirms: the entry
/// matches no draft there at all (`proposals/ followups/` linted, the entry misspelt
/// `follow-ups/**`). That walk reads no file and stops once every such entry matched one. A
/// run of named files alone says nothing: it is a pre-send check, and its start-up is felt.
fn unmatched_overrides(
    cli: &Cli,
    env: &Env,
    configs: &[Arc<Config>],
    work: &[(Input, usize)],
) -> Vec<String> {
    let walked: Vec<std::path::PathBuf> = cli
        .paths
        .iter()
        .map(|d| env.cwd.join(d))
        .filter(|d| d.is_dir())
        .map(|d| crate::config::normalize(&d))
        .collect();
    // Named as from the current folder, as errors name a config found above it.
    let shown = |p: &std::path::Path| {
        let name = match p.strip_prefix(&env.cwd) {
            Ok(r) if r.as_os_str().is_empty() => ".".to_string(),
            Ok(r) => r.display().to_string(),
            Err(_) => p.display().to_string(),
        };
        crate::render::printable(&name).into_owned()
    };
    let mut notes = Vec::new();
    for (i, config) in configs.iter().enumerate() {
        let Some(path) = &config.path else { continue };
        let inside =
            |d: &std::path::PathBuf| config.base.starts_with(d) || d.starts_with(&config.base);
        if config.overrides.is_empty() || !walked.iter().any(inside) {
            continue;
        }
        let files = work.iter().filter_map(|(input, c)| match input {
            Input::File(p) | Input::Stdin(Some(p)) if *c == i => Some(env.cwd.join(p)),
            _ => None,
        });
        let left = config.overrides_unmatched((0..config.overrides.len()).collect(), files);
        for k in config.overrides_matching_nothing(left) {
            let paths: Vec<String> = config.overrides[k]
                .paths
                .patterns
                .iter()
                .map(|p| format!("{p:?}"))
                .collect();
            notes.push(format!(
                "{}: [[overrides]] entry {} (paths = [{}]) matches no draft under {} (a \
                 misspelt folder?)",
                shown(path),
                k + 1,
                crate::render::printable(&paths.join(", ")),
                shown(&config.base),
            ));
        }
    }
    notes
}

/// A note for each rule that needs one a selection turned off (`--select team/x`, where `x`
/// needs `team/y`): its findings can never count, and nothing else would say why (a new
/// user's, session 50).
fn needs_turned_off(linter: &Linter) -> Vec<String> {
    let mut notes = Vec::new();
    for m in linter.rules() {
        for n in &m.needs {
            let off = linter.off().iter().any(|o| o.qualified == *n);
            if off && !linter.rules().any(|r| r.qualified == *n) {
                notes.push(format!(
                    "`{}` needs `{n}`, which the selection turns off (select, ignore): its \
                     findings cannot count; select both, or neither",
                    m.qualified
                ));
            }
        }
    }
    notes
}

/// Whether a folder walk under `config` would lint `file`: a draft by its extension (as
/// [`crate::inputs`] picks them), in the config's include and not its exclude.
/// `--force-exclude` holds named files to the same test (`git diff --name-only | xargs
/// pitchlint --force-exclude` names the config and the code too).
fn walk_wants(config: &crate::config::Config, file: &std::path::Path) -> bool {
    crate::document::Format::from_path(file).is_some() && config.wants(file)
}

/// Every rule of every linter, once each, in load order, then the built-in rules (for
/// SARIF's rule list).
pub(super) fn all_rules(linters: &[Option<Linter>], configs: &[Arc<Config>]) -> Vec<Arc<RuleMeta>> {
    let mut seen = std::collections::HashSet::new();
    let mut all: Vec<Arc<RuleMeta>> = linters
        .iter()
        .flatten()
        .flat_map(|l| l.rules())
        .filter(|m| seen.insert(m.qualified.clone()))
        .cloned()
        .collect();
    // The built-in rules that run under some config used (`--select team` leaves out
    // `pitchlint/missing-subject`); all of them when no file was linted.
    let mut builtins: Vec<Arc<RuleMeta>> = linters
        .iter()
        .zip(configs)
        .filter(|(l, _)| l.is_some())
        .flat_map(|(_, c)| c.builtins())
        .collect();
    if builtins.is_empty() {
        builtins = crate::builtin::rules();
    }
    all.extend(
        builtins
            .into_iter()
            .filter(|m| seen.insert(m.qualified.clone())),
    );
    all
}

/// The absolute path of an input, for config lookups; `None` for standard input.
pub(super) fn file_of(input: &Input, env: &Env) -> Option<std::path::PathBuf> {
    match input {
        Input::File(p) => Some(env.cwd.join(p)),
        Input::Stdin(name) => name.as_ref().map(|p| env.cwd.join(p)),
    }
}
