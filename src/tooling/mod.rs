//! The subcommands: rule tooling (`rules`, `explain`, `init`, `check-rules`), `config`, and
//! what is generated from the definitions (`completions`, `man`, `schema`).

pub mod init;
pub mod schema;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::check::Linter;
use crate::cli::{Cli, Command, SchemaKind};
use crate::config::Configs;
use crate::error::Error;
use crate::examples;
use crate::pack;
use crate::render::OutputFormat;
use crate::rule::RuleMeta;
use crate::run::{Env, RunError, Status, configs};

/// A subcommand's name, as typed.
fn cmd_name(cmd: &Command) -> &'static str {
    match cmd {
        Command::Rules { .. } => "rules",
        Command::Explain { .. } => "explain",
        Command::Init { .. } => "init",
        Command::CheckRules { .. } => "check-rules",
        Command::Config { .. } => "config",
        Command::Completions { .. } => "completions",
        Command::Man => "man",
        Command::Schema { .. } => "schema",
    }
}

/// The flags given that `cmd` does not read (clap's `global` ones, and a lint's given before
/// the subcommand): it would silently ignore them.
fn ignored_flags(cmd: &Command, cli: &Cli) -> Vec<&'static str> {
    let given = [
        ("--format", cli.format != OutputFormat::Human),
        ("--rules", !cli.rules.is_empty()),
        ("--no-default-rules", cli.no_default_rules),
        ("--config", cli.config.is_some()),
        ("--isolated", cli.isolated),
        ("--select", !cli.select.is_empty()),
        ("--ignore", !cli.ignore.is_empty()),
        ("--profile", cli.profile.is_some()),
        ("--min-score", cli.min_score.is_some()),
        ("--fail-on", cli.fail_on.is_some()),
        ("--max-warnings", cli.max_warnings.is_some()),
        ("--exit-zero", cli.exit_zero),
        ("--template", cli.template),
    ];
    let (name, with_paths) = match cmd {
        Command::CheckRules { paths } => ("check-rules", !paths.is_empty()),
        other => (cmd_name(other), true),
    };
    let reads = crate::cli::reads(name, with_paths);
    // What only a lint reads: no subcommand does (`pitchlint --diff init` wrote the files).
    let lint_only = [
        ("--fix", cli.fix),
        ("--diff", cli.diff),
        ("--stats", cli.stats),
        ("--statistics", cli.statistics),
        ("--show-parts", cli.show_parts),
        ("--show-config", cli.show_config),
        ("--quiet", cli.quiet),
        ("--stdin-filename", cli.stdin_filename.is_some()),
        ("--input-format", cli.input_format.is_some()),
        ("--force-exclude", cli.force_exclude),
        ("--report-unused-disables", cli.report_unused_disables),
    ];
    given
        .iter()
        .filter(|(flag, on)| *on && !reads.contains(&&flag[2..]))
        .chain(lint_only.iter().filter(|(_, on)| *on))
        .map(|(flag, _)| *flag)
        .collect()
}

/// Whether subcommand `sub`, which prints text (`shown`, as its human form) or json, was asked
/// for json; any other `--format` is refused.
fn as_json(cli: &Cli, sub: &str, shown: &str) -> Result<bool, RunError> {
    match cli.format {
        OutputFormat::Json => Ok(true),
        OutputFormat::Human => Ok(false),
        other => Err(Error::usage(format!(
            "{sub} --format {}: {shown} or as json: use one of those, or drop --format",
            crate::run::format_name(other)
        ))
        .into()),
    }
}

/// The usage error for `flags` given to subcommand `sub`, which does not read them: "--quiet
/// does not apply to check-rules: drop it" (the binary says the same of one given after it).
pub fn not_applicable(flags: &[&str], sub: &str) -> String {
    let (verb, it) = if flags.len() == 1 {
        ("does", "it")
    } else {
        ("do", "them")
    };
    format!("{} {verb} not apply to {sub}: drop {it}", flags.join(", "))
}

/// Run one subcommand.
pub fn run(
    cmd: &Command,
    cli: &Cli,
    out: &mut dyn Write,
    err: &mut dyn Write,
    env: &Env,
) -> Result<Status, RunError> {
    let ignored = ignored_flags(cmd, cli);
    if !ignored.is_empty() {
        return Err(Error::usage(not_applicable(&ignored, cmd_name(cmd))).into());
    }
    match cmd {
        Command::Rules { json } => {
            let json = *json || as_json(cli, "rules", "the rules are listed as a table (human)")?;
            let mut configs = configs(cli, env);
            let config = configs.for_file(None)?;
            let linter = config.linter()?;
            // The packs' rules, then the built-in ones that run whatever the packs.
            let builtins = config.builtins();
            // With --profile, only the rules that apply in it, each with its weight there.
            let in_profile: Vec<Arc<RuleMeta>> = linter
                .rules()
                .chain(&builtins)
                .filter(|r| cli.profile.is_none_or(|p| r.profiles.contains(p)))
                .map(|r| match cli.profile {
                    Some(p) if r.weighs_by_profile() => Arc::new(r.in_profile(p)),
                    _ => Arc::clone(r),
                })
                .collect();
            let rules: Vec<&Arc<RuleMeta>> = in_profile.iter().collect();
            if json {
                let plain: Vec<&RuleMeta> = rules.iter().map(|r| r.as_ref()).collect();
                serde_json::to_writer_pretty(&mut *out, &plain).map_err(std::io::Error::from)?;
                writeln!(out)?;
            } else {
                write_rules(out, &rules)?;
            }
            Ok(Status::Success)
        }
        Command::Explain { rule } => {
            let json = as_json(cli, "explain", "a rule is explained as text (human)")?;
            let mut configs = configs(cli, env);
            let config = configs.for_file(None)?;
            let sources = config.pack_sources()?;
            let linter = config.linter_of(&sources)?;
            let meta = find_rule(&linter, rule)?;
            // What the rule finds, as its pack writes it (phrases, swaps, pattern, limits).
            let mut def = sources
                .iter()
                .find(|s| s.path == meta.source)
                .and_then(|s| definition(&s.text, &meta.id));
            // The severity, weight or bounds the config changed: what runs is not what the
            // pack says.
            let changed = config
                .selection
                .changes
                .iter()
                .filter(|c| c.names(&meta))
                .flat_map(|c| c.toml())
                .collect::<Vec<_>>();
            if !changed.is_empty() {
                let by = config
                    .path
                    .as_deref()
                    .map(|p| p.strip_prefix(&env.cwd).unwrap_or(p).display().to_string())
                    .unwrap_or_else(|| "the config".into());
                let d = def.get_or_insert_with(String::new);
                d.push_str(&format!(
                    "\n# {by} changes it (these run, not the pack's):\n# {}\n",
                    changed.join("\n# ")
                ));
            }
            if json {
                let explained = Explained {
                    rule: &meta,
                    definition: def.as_deref().map(str::trim_end).filter(|d| !d.is_empty()),
                    examples: &meta.examples,
                };
                serde_json::to_writer_pretty(&mut *out, &explained)
                    .map_err(std::io::Error::from)?;
                writeln!(out)?;
                return Ok(Status::Success);
            }
            // A pack's text may hold control characters: shown, line by line, as pictures.
            // A rule the config's `select` or `ignore` turned off is still explained (a team
            // lead looks up what they turned off), and says so.
            let off = linter.off().iter().any(|m| Arc::ptr_eq(m, &meta));
            let text = explain(&meta, def.as_deref(), off);
            for line in text.split_inclusive('\n') {
                let body = line.trim_end_matches('\n');
                out.write_all(crate::render::printable(body).as_bytes())?;
                out.write_all(&line.as_bytes()[body.len()..])?;
            }
            Ok(Status::Success)
        }
        Command::Init { dir } => {
            let above = init::init(&crate::config::normalize(&env.cwd.join(dir)))?;
            for name in init::FILES {
                let shown = if dir.as_os_str() == "." {
                    name.into()
                } else {
                    dir.join(name)
                };
                writeln!(out, "wrote {}", shown.display())?;
            }
            if let Some(above) = above {
                // The nearest config wins: the one above no longer applies here.
                let above = above.strip_prefix(&env.cwd).unwrap_or(&above);
                writeln!(
                    out,
                    "note: {} no longer applies to the drafts under {}: the nearest config wins; \
                     list its packs and settings in the new one too, or remove the new one",
                    crate::render::printable(&above.display().to_string()),
                    crate::render::printable(&dir.display().to_string())
                )?;
            }
            Ok(Status::Success)
        }
        Command::CheckRules { paths } if paths.is_empty() && cli.rules.is_empty() => {
            // A bare `check-rules` (a team's CI step) checks the packs the config here lists.
            let config = configs(cli, env).for_path(None)?;
            let packs: Vec<std::path::PathBuf> = config
                .packs
                .iter()
                .map(|p| {
                    p.path
                        .strip_prefix(&env.cwd)
                        .map_or_else(|_| p.path.clone(), std::path::Path::to_path_buf)
                })
                .collect();
            if packs.is_empty() {
                let found = match &config.path {
                    Some(p) => format!("{} lists none", p.display()),
                    None => "no pitchlint.toml was found from here".to_string(),
                };
                return Err(Error::usage(format!(
                    "check-rules: no packs to check ({found}): give pack files or folders, or \
                     list them in the config's `packs`"
                ))
                .into());
            }
            let defaults = config.default_rules.value && !cli.no_default_rules;
            check_rules(&packs, defaults, out, err)
        }
        Command::CheckRules { paths } => {
            // `--rules` packs are checked too.
            let all: Vec<std::path::PathBuf> = cli.rules.iter().chain(paths).cloned().collect();
            // A lint here loads the default packs unless told not to, by the flag or by the
            // config found from the current folder (`default_rules = false`); a config that
            // does not read is left to the lint to report.
            let defaults = !cli.no_default_rules
                && configs(cli, env)
                    .for_file(None)
                    .map_or(true, |c| c.default_rules.value);
            check_rules(&all, defaults, out, err)
        }
        Command::Config { path } => {
            let mut configs = configs(cli, env);
            let config = configs.for_path(path.as_deref())?;
            // Show only a config that works: its packs load and its selectors name rules.
            config.linter()?;
            out.write_all(config.show().as_bytes())?;
            if let Some(p) = path {
                out.write_all(per_file(&mut configs, env, p, err)?.as_bytes())?;
            }
            Ok(Status::Success)
        }
        Command::Completions { shell } => {
            // Into a buffer first: `generate` panics when its writer fails (a closed pipe).
            let mut buf = Vec::new();
            clap_complete::generate(
                *shell,
                &mut crate::cli::completion_command(),
                "pitchlint",
                &mut buf,
            );
            out.write_all(&buf)?;
            Ok(Status::Success)
        }
        Command::Man => {
            man_page(out)?;
            Ok(Status::Success)
        }
        Command::Schema { kind } => {
            let schema = match kind {
                SchemaKind::Pack => schema::pack(),
                SchemaKind::Config => schema::config(),
            };
            writeln!(out, "{schema}")?;
            Ok(Status::Success)
        }
    }
}

/// The `# for …` lines of `config PATH` and `--show-config PATH`: the profile, template setting
/// and gate that apply to the file PATH, or to each file a lint of the folder PATH would read
/// (files with the same settings share their lines). A PATH that does not exist gets a note:
/// the lines say what would apply to a file there.
pub(crate) fn per_file(
    configs: &mut Configs,
    env: &Env,
    path: &Path,
    err: &mut dyn Write,
) -> Result<String, RunError> {
    let abs = env.cwd.join(path);
    // `-`: what a lint of standard input (without --stdin-filename) would use.
    let stdin = path.as_os_str() == "-";
    let files: Vec<PathBuf> = if stdin {
        vec![path.to_path_buf()]
    } else if abs.is_dir() {
        let found = crate::inputs::collect(&[path.to_path_buf()]).inputs;
        found
            .into_iter()
            .filter_map(|i| match i {
                crate::inputs::Input::File(f) => Some(f),
                crate::inputs::Input::Stdin(_) => None,
            })
            .collect()
    } else {
        if !abs.exists() {
            writeln!(
                err,
                "pitchlint: note: {} does not exist: showing what would apply to a file there",
                path.display()
            )?;
        }
        vec![path.to_path_buf()]
    };
    // Settings, in the order first seen, with the files that get them.
    let mut groups: Vec<(String, Vec<PathBuf>)> = Vec::new();
    for f in files {
        let file = (!stdin).then(|| env.cwd.join(&f));
        let config = configs.for_file((!stdin).then_some(f.as_path()))?;
        if file.as_ref().is_some_and(|abs| !config.wants(abs)) && f != path {
            continue;
        }
        let g = config.gate_for(file.as_deref());
        let mut lines = format!(
            "profile = \"{}\", template = {}\n",
            g.profile,
            g.template || crate::document::Format::is_template_path(&f)
        );
        lines.push_str(&format!(
            "min_score = {}, fail_on = \"{}\", max_warnings = {}, exit_zero = {}",
            g.gate.min_score.unwrap_or(0),
            g.gate.fail_on,
            g.max_warnings.map_or("none".to_string(), |n| n.to_string()),
            g.exit_zero
        ));
        if !g.ignore.is_empty() {
            lines.push_str(&format!("\nignore = {:?}", g.ignore));
        }
        if let Some(a) = &g.accept {
            let terms: Vec<&String> = a
                .active
                .iter()
                .map(|&i| &config.accept[i as usize])
                .collect();
            lines.push_str(&format!("\naccept = {terms:?}"));
        }
        match groups.iter_mut().find(|(l, _)| *l == lines) {
            Some((_, fs)) => fs.push(f),
            None => groups.push((lines, vec![f])),
        }
    }
    if groups.is_empty() {
        return Ok(format!("\n# no file to lint in {}\n", path.display()));
    }
    let mut s = String::new();
    for (lines, fs) in groups {
        let mut names: Vec<String> = fs.iter().take(3).map(|f| f.display().to_string()).collect();
        if fs.len() > 3 {
            names.push(format!("{} more", fs.len() - 3));
        }
        s.push('\n');
        for line in lines.lines() {
            s.push_str(&format!("# for {}: {line}\n", names.join(", ")));
        }
    }
    Ok(s)
}

fn write_rules(out: &mut dyn Write, rules: &[&Arc<RuleMeta>]) -> std::io::Result<()> {
    let w = rules
        .iter()
        .map(|r| r.qualified.len())
        .max()
        .unwrap_or(4)
        .max(4);
    let k = rules.iter().map(|r| r.kind.len()).max().unwrap_or(4).max(4);
    // The parts, as `rules --json` and `explain` give them.
    let scope = |m: &RuleMeta| m.scope.label();
    let s = rules
        .iter()
        .map(|r| scope(r).len())
        .max()
        .unwrap_or(5)
        .max(5);
    writeln!(
        out,
        "{:<w$}  {:<k$}  WEIGHT  SEVERITY  {:<s$}  PACK",
        "RULE", "KIND", "SCOPE"
    )?;
    for r in rules {
        writeln!(
            out,
            "{:<w$}  {:<k$}  {:>6}  {:<8}  {:<s$}  {}",
            r.qualified,
            r.kind,
            format!("{:+}", r.weight),
            r.severity.as_str(),
            scope(r),
            r.pack
        )?;
    }
    Ok(())
}

/// The rule named `name`: `pack/id`, or a bare id that one pack has.
fn find_rule(linter: &Linter, name: &str) -> Result<Arc<RuleMeta>, Error> {
    let builtins = crate::builtin::rules();
    let found: Vec<&Arc<RuleMeta>> = linter
        .rules()
        .chain(&builtins)
        .filter(|m| m.qualified == name || m.id == name)
        .collect();
    // A rule the selection turned off, when no rule that is on has the name.
    let found = if found.is_empty() {
        linter
            .off()
            .iter()
            .filter(|m| m.qualified == name || m.id == name)
            .collect()
    } else {
        found
    };
    match found.as_slice() {
        [one] => Ok(Arc::clone(one)),
        [] => {
            let near: Vec<&str> = linter
                .rules()
                .filter(|m| m.qualified.contains(name) || name.contains(&m.id))
                .map(|m| m.qualified.as_str())
                .collect();
            // A misspelt name ("partner-clse"): the closest id or `pack/id`, as `--ignore`
            // suggests one.
            let all: Vec<&Arc<RuleMeta>> = linter.rules().chain(&builtins).collect();
            let closest = crate::config::select::closest_rule(name, &all);
            let hint = match (near.is_empty(), closest) {
                (false, _) => format!("did you mean {}?", near.join(", ")),
                (true, Some(c)) => format!("did you mean `{c}`?"),
                (true, None) => "see `pitchlint rules`".to_string(),
            };
            Err(Error::usage(format!("unknown rule `{name}`: {hint}")))
        }
        many => Err(Error::usage(format!(
            "`{name}` is a rule of several packs: name one of {}",
            many.iter()
                .map(|m| m.qualified.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

fn indent(text: &str) -> String {
    text.trim_end()
        .lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The `[[rule]]` table of rule `id` in a pack's text, as TOML, without what `explain` shows
/// already (id, kind, message, weight, severity, scope, rationale, suggest, examples).
fn definition(pack: &str, id: &str) -> Option<String> {
    let table: toml::Table = toml::from_str(pack).ok()?;
    let mut rule = table
        .get("rule")?
        .as_array()?
        .iter()
        .find(|r| r.get("id").and_then(toml::Value::as_str) == Some(id))?
        .as_table()?
        .clone();
    for key in [
        "id",
        "kind",
        "message",
        "weight",
        "severity",
        "scope",
        "rationale",
        "suggest",
        "examples",
    ] {
        rule.remove(key);
    }
    toml::to_string_pretty(&rule).ok()
}

/// `explain --format json`: the rule as `rules --format json` gives it, with what the text
/// form adds (the definition and the examples).
#[derive(serde::Serialize)]
struct Explained<'a> {
    #[serde(flatten)]
    rule: &'a RuleMeta,
    /// What it finds, as its pack writes it (absent for a built-in rule).
    #[serde(skip_serializing_if = "Option::is_none")]
    definition: Option<&'a str>,
    examples: &'a crate::pack::Examples,
}

/// `pitchlint explain`'s text for a rule, with its definition when its pack has one; `off`
/// when the config's selection turns it off.
pub fn explain(m: &RuleMeta, definition: Option<&str>, off: bool) -> String {
    let mut s = format!(
        "{}\n\n  kind {}, {}, severity {}, scope {}, pack {} ({}){}\n\n{}\n",
        m.qualified,
        m.kind,
        // A rule of no weight (a gate's own, as `pitchlint/min-score`) costs no points.
        if m.weight == 0 {
            "no points".to_string()
        } else {
            let by_profile: Vec<String> = crate::profile::Profile::ALL
                .iter()
                .filter(|(p, _)| m.weight_in(*p) != m.weight)
                .map(|(p, name)| format!("{:+} in {name}", m.weight_in(*p)))
                .collect();
            if by_profile.is_empty() {
                format!("weight {:+}", m.weight)
            } else {
                format!("weight {:+} ({})", m.weight, by_profile.join(", "))
            }
        },
        m.severity,
        m.scope.label(),
        m.pack,
        m.source.display(),
        if off {
            "\n  off here: the config's select or ignore turns it off"
        } else {
            ""
        },
        m.message
    );
    if !m.needs.is_empty() {
        s.push_str(&format!(
            "\nNeeds: {} (its findings count only in a draft where {} too)\n",
            m.needs.join(", "),
            if m.needs.len() == 1 {
                "that rule fires"
            } else {
                "those rules fire"
            }
        ));
    }
    if !m.rationale.is_empty() {
        s.push_str(&format!("\nWhy:\n{}\n", indent(&m.rationale)));
    }
    if let Some(sug) = &m.suggest {
        s.push_str(&format!("\nSuggestion:\n{}\n", indent(sug)));
    }
    if let Some(def) = definition.filter(|d| !d.trim().is_empty()) {
        s.push_str(&format!("\nDefinition:\n{}\n", indent(def.trim_end())));
    }
    // A few examples of each kind: a default rule carries dozens (a new user's `explain
    // seed/partner-close` ran to 1,121 lines), all of them in `--format json`.
    for (title, list) in [
        ("Fires on", &m.examples.fire),
        ("Stays quiet on", &m.examples.quiet),
    ] {
        for (i, e) in list.iter().take(EXAMPLES_SHOWN).enumerate() {
            s.push_str(&format!("\n{title} (example {}):\n{}\n", i + 1, indent(e)));
        }
    }
    let more = m.examples.fire.len().saturating_sub(EXAMPLES_SHOWN)
        + m.examples.quiet.len().saturating_sub(EXAMPLES_SHOWN);
    if more > 0 {
        s.push_str(&format!(
            "\n… and {more} more example{}: `pitchlint explain {} --format json` lists every one\n",
            if more == 1 { "" } else { "s" },
            m.qualified
        ));
    }
    s
}

/// How many examples of each kind (fire, quiet) `explain` prints.
const EXAMPLES_SHOWN: usize = 3;

/// Each pack file of `paths`: a file as given, a folder's packs as [`pack::folder_packs`]
/// lists them (a folder without one, or one that cannot be read, is an error in its place).
fn pack_files(paths: &[std::path::PathBuf]) -> Vec<Result<std::path::PathBuf, Error>> {
    let mut out = Vec::new();
    for p in paths {
        if !p.is_dir() {
            out.push(Ok(p.clone()));
            continue;
        }
        match pack::folder_packs(p) {
            Ok(files) => out.extend(files.into_iter().map(Ok)),
            Err(e) => out.push(Err(e)),
        }
    }
    out
}

/// `message` at a place of rule `m`'s pack (`team.toml:12:6: …`): where `find` says in its
/// text, else at the rule's `id`; alone when its pack is not among `sources`.
fn placed(
    sources: &[pack::PackSource],
    m: &RuleMeta,
    message: String,
    find: impl Fn(&str) -> Option<usize>,
) -> String {
    let Some(src) = sources.iter().find(|s| s.path == m.source) else {
        return message;
    };
    match find(&src.text).or_else(|| id_offset(&src.text, &m.id)) {
        Some(at) => src.error_at(at, message).to_string(),
        None => message,
    }
}

/// An error about the pack at `path` (one of `sources`), at its `name` as a lint gives it
/// (the rare error path: the pack is read again), else about the file.
fn at_pack_name(
    sources: &[pack::PackSource],
    path: &std::path::Path,
    message: String,
) -> crate::error::Error {
    let src = sources.iter().find(|x| x.path == path);
    match src.map(|src| (src, src.parse())) {
        Some((src, Ok(def))) => src.error_at(def.pack.name.span().start, message),
        _ => crate::error::Error::file(crate::error::ErrorKind::Config, path, message),
    }
}

/// A note for each phrase that is a web or email address as written ("bit.ly",
/// "calendly.com"): links in a draft are masked, so it matches only text that is no link
/// ("BIT.LY", "Socket.IO"), or, case-sensitive, nothing (a new user's, session 50: a team's
/// rule against link shorteners found none). A note, not an error: "asp.net" still finds
/// "ASP.NET".
fn link_phrases(sources: &[pack::PackSource]) -> Vec<String> {
    let mut notes = Vec::new();
    for src in sources {
        let Ok(def) = src.parse() else { continue };
        for r in &def.rule {
            let r = r.get_ref();
            for p in r.phrases.iter().flat_map(|l| l.get_ref()) {
                let text = p.get_ref();
                let Some(link) = crate::document::links::find(text).into_iter().next() else {
                    continue;
                };
                let address = &text[link.clone()];
                let matches = if r.is_case_sensitive() {
                    "so it never matches".to_string()
                } else {
                    format!(
                        "so it matches only text that is none (`{}`)",
                        address.to_uppercase()
                    )
                };
                let message = format!(
                    "{}/{}: note: phrase {text:?}: `{address}` is a web or email address, and \
                     links in a draft are not linted, {matches}; name what the link stands \
                     for in words instead",
                    def.pack.name.get_ref(),
                    r.id.get_ref(),
                );
                // +1: past the TOML string's opening quote.
                notes.push(
                    src.error_at(p.span().start + 1 + link.start, message)
                        .to_string(),
                );
            }
        }
    }
    notes
}

/// Where the value of rule `id`'s `id` stands in a pack's text.
fn id_offset(text: &str, id: &str) -> Option<usize> {
    pack::rule_tables(text)?
        .into_iter()
        .find_map(|t| t.id.filter(|(i, _)| i == id).map(|(_, at)| at))
}

/// A failed example, at `file:line:column` of the example in its pack (or of its rule's `id`
/// when the example is written in a way this search does not find).
fn example_at(
    linter: &Linter,
    sources: &[pack::PackSource],
    f: &examples::ExampleFailure,
) -> String {
    match linter.rules().find(|m| m.qualified == f.rule) {
        Some(m) => placed(sources, m, f.to_string(), |text| {
            example_offset(text, &m.id, f)
        }),
        None => f.to_string(),
    }
}

/// Where the failed example `f` of rule `id` is written in a pack's `text`: the pack read
/// again with spans, for its examples only (an example may be a `"""` string or use `\n`, so
/// it is not found as written).
fn example_offset(text: &str, id: &str, f: &examples::ExampleFailure) -> Option<usize> {
    use toml::Spanned;
    #[derive(serde::Deserialize)]
    struct Pack {
        #[serde(default)]
        rule: Vec<Rule>,
    }
    #[derive(serde::Deserialize)]
    struct Rule {
        id: String,
        #[serde(default)]
        examples: Examples,
    }
    #[derive(serde::Deserialize, Default)]
    struct Examples {
        #[serde(default)]
        fire: Vec<Spanned<String>>,
        #[serde(default)]
        quiet: Vec<Spanned<String>>,
    }
    let pack: Pack = toml::from_str(text).ok()?;
    let rule = pack.rule.into_iter().find(|r| r.id == id)?;
    let list = if f.should_fire {
        rule.examples.fire
    } else {
        rule.examples.quiet
    };
    list.iter()
        .find(|e| *e.get_ref() == f.text)
        .map(|e| e.span().start)
}

/// The name of each pack that `rules` come from, with its file.
fn pack_names<'a>(rules: impl Iterator<Item = &'a Arc<RuleMeta>>) -> Vec<(String, PathBuf)> {
    let mut names: Vec<(String, PathBuf)> = Vec::new();
    for m in rules {
        // A pack's rules come together, in load order.
        if names.last().is_none_or(|(_, path)| *path != m.source) {
            names.push((m.pack.clone(), m.source.clone()));
        }
    }
    names
}

/// Validate packs and run their examples. Every path is checked, so that one run reports
/// every broken pack; `with_defaults` says that a lint would load the default packs too.
fn check_rules(
    paths: &[std::path::PathBuf],
    with_defaults: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Status, RunError> {
    let mut broken = 0;
    // Packs that load, but not beside the default packs.
    let mut clashing = 0;
    let mut sources = Vec::new();
    let mut seen = std::collections::HashSet::new();
    // Each pack's name, and the file that has it: two packs of one name cannot load together.
    let mut names: std::collections::HashMap<String, PathBuf> = Default::default();
    // The default packs' names, when a lint would load them (not with --no-default-rules).
    let defaults: std::collections::HashMap<String, PathBuf> = if with_defaults {
        let rules = crate::check::compile_rules(&pack::default_sources()).unwrap_or_default();
        pack_names(rules.iter().map(|r| r.meta()))
            .into_iter()
            .collect()
    } else {
        Default::default()
    };
    for p in pack_files(paths) {
        let p = match p {
            Ok(p) => p,
            Err(e) => {
                writeln!(err, "pitchlint: error: {e}")?;
                broken += 1;
                continue;
            }
        };
        // A pack named twice (a folder and a file in it) is checked once.
        if !seen.insert(std::fs::canonicalize(&p).unwrap_or(p.clone())) {
            continue;
        }
        let checked = pack::read_sources(&p).and_then(|s| Linter::new(&s).map(|l| (s, l)));
        // With each pack's name: one that an earlier pack has is an error, as in a lint.
        let checked = checked.and_then(|(s, _)| {
            // From the packs, not their rules: a pack without rules has a name too (the packs
            // are read again: this is a tooling command, not a lint).
            let named: Vec<(String, PathBuf)> = s
                .iter()
                .filter_map(|x| Some((x.parse().ok()?.pack.name.get_ref().clone(), x.path.clone())))
                .collect();
            let clash = named
                .iter()
                .find_map(|(name, path)| Some((name, path, names.get(name)?)));
            match clash {
                Some((name, path, prev)) => {
                    let message = format!(
                        "pack name `{name}` is already used by {}: rule ids would collide",
                        prev.display()
                    );
                    Err(at_pack_name(&s, path, message))
                }
                None => Ok((s, named)),
            }
        });
        match checked {
            Ok((s, named)) => {
                let mut clashes = 0;
                for (name, path) in named {
                    // A default pack's own file (checked in its repository) is no clash.
                    let own = s.iter().any(|x| {
                        x.path == path && pack::DEFAULT_PACKS.iter().any(|e| e.full == x.text)
                    });
                    // A lint that loads both fails (exit 2): so does this check, or a rules
                    // repository's CI stays green while every lint breaks (a new user's,
                    // session 50; it was a note).
                    if let Some(d) = defaults.get(&name).filter(|_| !own) {
                        let message = format!(
                            "pack name `{name}` is also the default pack {}'s: a lint that \
                             loads both fails; rename it, or turn the default rules off \
                             (--no-default-rules, default_rules = false)",
                            d.display()
                        );
                        let e = at_pack_name(&s, &path, message);
                        writeln!(err, "pitchlint: error: {e}")?;
                        clashes += 1;
                    }
                    names.insert(name, path);
                }
                // Its examples still run: one run reports everything.
                clashing += usize::from(clashes > 0);
                sources.extend(s);
            }
            Err(e) => {
                // Every broken rule of the pack, one line each.
                for one in e.all() {
                    writeln!(err, "pitchlint: error: {one}")?;
                }
                broken += 1;
            }
        }
    }
    // The packs that load still have their examples run: one run reports everything.
    let linter = Linter::new(&sources)?;
    let (count, failures) = examples::run(&linter);
    let rules = linter.rules().count();
    for m in linter.rules() {
        for (kind, list) in [("fire", &m.examples.fire), ("quiet", &m.examples.quiet)] {
            if list.is_empty() {
                let note = format!("{}: note: no `{kind}` example", m.qualified);
                writeln!(out, "{}", placed(&sources, m, note, |_| None))?;
            }
        }
    }
    for note in link_phrases(&sources) {
        writeln!(out, "{note}")?;
    }
    for f in &failures {
        writeln!(out, "{}", example_at(&linter, &sources, f))?;
    }
    // When every pack was broken there is nothing to count.
    if !sources.is_empty() || broken == 0 {
        // With broken packs beside them, say these are the packs that loaded.
        let packs = if broken > 0 {
            format!(
                "{} of {} packs loaded",
                sources.len(),
                sources.len() + broken
            )
        } else {
            format!(
                "{} pack{}",
                sources.len(),
                if sources.len() == 1 { "" } else { "s" }
            )
        };
        writeln!(
            out,
            "{packs}, {rules} rule{}, {count} example{}: {}",
            if rules == 1 { "" } else { "s" },
            if count == 1 { "" } else { "s" },
            if failures.is_empty() {
                "all hold".to_string()
            } else {
                format!("{} failed", failures.len())
            }
        )?;
    }
    if broken > 0 {
        writeln!(
            out,
            "{broken} pack{} could not be loaded: see the errors",
            if broken == 1 { "" } else { "s" }
        )?;
    }
    if clashing > 0 {
        writeln!(
            out,
            "{clashing} pack{} cannot be loaded beside the default packs: see the errors",
            if clashing == 1 { "" } else { "s" }
        )?;
    }
    Ok(if broken > 0 || clashing > 0 {
        Status::Error
    } else if failures.is_empty() {
        Status::Success
    } else {
        Status::Failure
    })
}

/// Text for roff: a backslash and a hyphen escaped, and no line starting with a control
/// character.
fn roff_escape(s: &str) -> String {
    let t = s.replace('\\', "\\e").replace('-', "\\-");
    if t.starts_with(['.', '\'']) {
        format!("\\&{t}")
    } else {
        t
    }
}

/// The man page: clap_mangen's sections, with EXIT STATUS and NOTES sections of our own
/// where it would print `--help`'s closing lines as one EXTRA section.
fn man_page(out: &mut dyn Write) -> std::io::Result<()> {
    let man = clap_mangen::Man::new(crate::cli::command());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    // clap_mangen's own section names a page per subcommand (pitchlint-rules(1)), which this
    // page does not come with: list them here, with `--help` as the way to each one's options.
    writeln!(out, ".SH SUBCOMMANDS")?;
    for sub in crate::cli::command()
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
    {
        let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
        writeln!(
            out,
            ".TP\n\\fB{}\\fR\n{} (options: pitchlint {} \\-\\-help)",
            roff_escape(sub.get_name()),
            roff_escape(&about),
            roff_escape(sub.get_name())
        )?;
    }
    out.write_all(
        concat!(
            ".SH \"EXIT STATUS\"\n",
            ".TP\n\\fB0\\fR\nEvery file passed (or \\-\\-exit\\-zero or exit_zero was set), or ",
            "there was nothing to lint.\n",
            ".TP\n\\fB1\\fR\nA file failed the gate: a finding (not a reward) at or above ",
            "\\-\\-fail\\-on, a score below \\-\\-min\\-score, more warnings than ",
            "\\-\\-max\\-warnings; or, with \\-\\-diff, a file would change.\n",
            ".TP\n\\fB2\\fR\npitchlint could not run: a usage error, a missing or unreadable ",
            "file, an invalid rule pack or config file.\n",
            ".SH NOTES\n",
            "A file named like a subcommand is linted when written as ./NAME ",
            "(pitchlint ./rules).\n",
        )
        .as_bytes(),
    )?;
    man.render_version_section(out)
}
