//! The command line, as clap derive definitions. Doc comments are the help text.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::document::Format;
use crate::profile::Profile;
use crate::render::OutputFormat;

/// When to colour the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and NO_COLOR is not set.
    #[default]
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Lint sales pitch messages: cold emails, follow-ups and proposals.
///
/// pitchlint reads drafts, finds what your team's pitch rules describe, and prints scored
/// findings. With no rule files it uses its embedded default pack.
///
/// Exit status: 0 when every file passes, 1 when a file fails (a finding of severity error, or
/// a score below --min-score, 50 by default), 2 on a usage error, an unreadable file or an invalid rule pack.
///
/// A file named like a subcommand (`rules`, `config`…) is linted when written as `./rules`.
#[derive(Debug, Parser)]
#[command(
    name = "pitchlint",
    version,
    about,
    long_about = None,
    max_term_width = 100,
    // A subcommand comes first: `pitchlint draft.txt rules` lints a file named `rules`.
    override_usage = "pitchlint [OPTIONS] [PATH]...\n       pitchlint [OPTIONS] <COMMAND>",
    after_help = "Exit status: 0 every file passed, 1 a file failed the gate, 2 an error.\nA file named like a subcommand is linted when written as ./NAME (pitchlint ./rules)."
)]
pub struct Cli {
    /// Files or folders to lint; `-` reads standard input. With no path, standard input is read
    /// when it is not a terminal. Folders are searched for .txt, .tmpl, .md, .markdown, .html,
    /// .htm and .eml files.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Add a rule pack: a .toml file or a folder of them (repeatable).
    #[arg(long = "rules", value_name = "PATH", global = true)]
    pub rules: Vec<PathBuf>,

    /// Do not load the embedded default pack.
    #[arg(long, global = true)]
    pub no_default_rules: bool,

    /// Output format. (`--output-format` is the same option, by the name ruff gives it.)
    #[arg(long, visible_alias = "output-format", value_enum, ignore_case = true, default_value_t = OutputFormat::Human, global = true)]
    pub format: OutputFormat,

    /// When to use colour. (Global: a shell alias that adds `--color never` must not break
    /// `pitchlint check-rules`, which has nothing to colour but its errors.)
    #[arg(long, value_enum, ignore_case = true, default_value_t = ColorChoice::Auto, value_name = "WHEN", global = true)]
    pub color: ColorChoice,

    /// Fail any file that scores below N (0-100; default 50; 0 turns the threshold off).
    #[arg(
        long,
        value_name = "N",
        value_parser = clap::value_parser!(u8).range(0..=100),
        global = true,
        allow_negative_numbers = true
    )]
    pub min_score: Option<u8>,

    /// Read inputs as this format, whatever their extension (and name the format of standard
    /// input, which is otherwise told by how it opens: an email's headers, an HTML page, else
    /// text).
    #[arg(long, value_enum, ignore_case = true, value_name = "FORMAT")]
    pub input_format: Option<Format>,

    /// The file that standard input stands for (an editor or a hook piping a buffer): reports
    /// name it, its extension gives the format (.tmpl: a template), and its config is found
    /// from its folder, with the [[overrides]] entries that match it.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,

    /// Lint drafts as templates: merge fields ({{first_name}}, [Company]…) are allowed. Files
    /// ending in .tmpl are always templates.
    #[arg(long, global = true)]
    pub template: bool,

    /// Print each draft with its parts marked (subject, greeting, opening, body, closing,
    /// courtesy, signoff, signature, quote) and its placeholders, instead of linting it.
    #[arg(long)]
    pub show_parts: bool,

    /// A subcommand; without one, pitchlint lints the PATHs.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Use this config file for every input instead of searching for pitchlint.toml.
    #[arg(long, value_name = "PATH", global = true, conflicts_with = "isolated")]
    pub config: Option<PathBuf>,

    /// Ignore every config file.
    #[arg(long, global = true)]
    pub isolated: bool,

    /// Print the merged configuration, and where each value came from, instead of linting.
    #[arg(long, conflicts_with_all = ["fix", "diff", "stats", "show_parts", "statistics"])]
    pub show_config: bool,

    /// The lowest severity that fails a file (default: error, or the config's `fail_on`).
    #[arg(
        long,
        value_enum,
        ignore_case = true,
        value_name = "SEVERITY",
        global = true
    )]
    pub fail_on: Option<FailOn>,

    /// Fail the run when there are more than N warnings (-1: no limit, whatever the config
    /// says).
    #[arg(
        long,
        value_name = "N",
        global = true,
        allow_negative_numbers = true,
        value_parser = max_warnings
    )]
    pub max_warnings: Option<i64>,

    /// Exit 0 even when files fail the gate (errors still exit 2).
    #[arg(long, global = true)]
    pub exit_zero: bool,

    /// Write the report to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE", global = true)]
    pub output: Option<PathBuf>,

    /// Print only the files that fail.
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// Lint on N threads (default, or 0: one per core), beside which the thread that writes
    /// the report lints too while it waits. `-j 1` lints one file at a time on one core, as
    /// on a shared CI runner.
    #[arg(
        long,
        short = 'j',
        value_name = "N",
        value_parser = clap::value_parser!(u16).range(0..=1024)
    )]
    pub threads: Option<u16>,

    /// Print how many findings each rule had, instead of the findings. (--stats prints the
    /// measures of each file.)
    #[arg(long)]
    pub statistics: bool,

    /// Report suppression comments that silenced nothing (as warnings).
    #[arg(long)]
    pub report_unused_disables: bool,

    /// Hold files named on the command line to what a folder walk would lint: the config's
    /// include/exclude and the draft extensions (for pre-commit and `git diff --name-only |
    /// xargs`, which name every changed file).
    #[arg(long)]
    pub force_exclude: bool,

    /// Run only these rules: rule ids (`seed/partner-close` or `partner-close`), pack names
    /// (`sales`) or prefixes of pack/id, comma-separated or repeated. Replaces the config's
    /// `select`.
    #[arg(long, value_name = "RULES", global = true)]
    pub select: Vec<String>,

    /// Turn these rules off (same forms as --select). Added to the config's `ignore`.
    #[arg(long, value_name = "RULES", global = true)]
    pub ignore: Vec<String>,

    /// The kind of message: rules and thresholds differ for each (default first-touch).
    #[arg(
        long,
        value_enum,
        ignore_case = true,
        value_name = "NAME",
        global = true
    )]
    pub profile: Option<Profile>,

    /// Apply the findings that have one replacement (substitutions, doubled words) in place,
    /// then report on the fixed files. Writes are atomic; a file that changed since it was read
    /// is left alone. Standard input's fixed text is printed, and the report goes to stderr.
    #[arg(long, conflicts_with_all = ["diff", "stats", "show_parts"])]
    pub fix: bool,

    /// Print what --fix would change as a unified diff, and write nothing. Exits 1 when a file
    /// would change.
    #[arg(long, conflicts_with_all = ["stats", "show_parts", "statistics"])]
    pub diff: bool,

    /// Print the measures of each file (words, sentences, reading grade, questions, customer
    /// focus…) instead of linting it. (--statistics counts findings per rule.)
    #[arg(long, conflicts_with_all = ["show_parts", "statistics"])]
    pub stats: bool,
}

/// A severity named on the command line (`--fail-on`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Only errors fail a file.
    Error,
    /// Warnings and errors fail a file.
    Warning,
    /// Any finding but a reward (weight above 0) fails a file.
    Info,
}

impl From<FailOn> for crate::rule::Severity {
    fn from(f: FailOn) -> Self {
        match f {
            FailOn::Error => crate::rule::Severity::Error,
            FailOn::Warning => crate::rule::Severity::Warning,
            FailOn::Info => crate::rule::Severity::Info,
        }
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every loaded rule: id, kind, weight, severity, scope, pack.
    #[command(after_help = "--format takes human (a table) or json.")]
    Rules {
        /// Print JSON instead of a table (as `--format json` does).
        #[arg(long)]
        json: bool,
    },
    /// Print a rule's rationale, examples and suggestion.
    #[command(
        after_help = "--format takes human (text) or json (one object with the definition and \
        the examples)."
    )]
    Explain {
        /// The rule, as `pack/id` (or a bare id when only one pack has it).
        #[arg(value_name = "RULE")]
        rule: String,
    },
    /// Write a starter pitchlint.toml and a sample team pack (never overwrites a file).
    Init {
        /// The folder to write them in.
        #[arg(value_name = "DIR", default_value = ".")]
        dir: PathBuf,
    },
    /// Validate rule packs and run their examples, without linting anything.
    #[command(
        after_help = "--config and --isolated apply only with no PATH: they say where \
        the config's packs are."
    )]
    CheckRules {
        /// Pack files or folders of them (default: the packs the config here lists).
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Print the merged configuration and where each value came from.
    #[command(
        after_help = "The options above show in the merged configuration, with where each \
        came from; it is printed as TOML (--format does not apply)."
    )]
    Config {
        /// Show the configuration that applies to this file (default: the current folder).
        #[arg(value_name = "PATH")]
        path: Option<PathBuf>,
    },
    /// Print a shell completion script.
    Completions {
        /// The shell.
        #[arg(value_enum, ignore_case = true)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
    /// Print the JSON Schema of a rule pack or of the config file.
    Schema {
        /// Which schema.
        #[arg(value_enum, ignore_case = true, value_name = "KIND")]
        kind: SchemaKind,
    },
}

/// The JSON Schemas pitchlint can print.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// A rule pack (`[pack]` and `[[rule]]`).
    Pack,
    /// The config file (`pitchlint.toml`).
    Config,
}

/// The global options that only some subcommands read, by long name: the format, what loads
/// the rules, then the gate's. (`--color` and `--output` apply to every subcommand.)
pub const SUBCOMMAND_OPTIONS: [&str; 13] = [
    "format",
    "rules",
    "no-default-rules",
    "config",
    "isolated",
    "select",
    "ignore",
    "profile",
    "min-score",
    "fail-on",
    "max-warnings",
    "exit-zero",
    "template",
];

/// Of [`SUBCOMMAND_OPTIONS`], those subcommand `name` reads; `with_paths` says whether it was
/// given paths (`check-rules` with none reads the config's packs). The others are refused,
/// and left out of its help.
pub fn reads(name: &str, with_paths: bool) -> &'static [&'static str] {
    // The format of `rules` and `explain`, then what loads the rules (`--rules` to
    // `--profile`).
    const RULES: &[&str] = SUBCOMMAND_OPTIONS.split_at(8).0;
    match name {
        "rules" | "explain" => RULES,
        // With no path, it reads the config's `packs`.
        "check-rules" if !with_paths => &RULES[1..5],
        "check-rules" => &RULES[1..3],
        // Every setting but the format: it shows the gate's too, as TOML whatever the format.
        "config" => &SUBCOMMAND_OPTIONS[1..],
        _ => &[],
    }
}

/// The subcommands' names, and clap's `help`: a command line that holds none of them is a
/// lint, which [`command`]'s work for the subcommands' help does not change.
pub const SUBCOMMANDS: [&str; 9] = [
    "rules",
    "explain",
    "init",
    "check-rules",
    "config",
    "completions",
    "man",
    "schema",
    "help",
];

/// The command line as clap parses it, with each subcommand's help listing only the global
/// options it reads (see [`reads`]): `init --help` does not offer `--min-score`. `args`
/// (the command line, without the program's name) that name no subcommand get the plain
/// command, which parses them the same: building the subcommands' copies of the options
/// cost 2% of the instructions of linting a 3 KB draft.
pub fn command_for(args: impl IntoIterator<Item = std::ffi::OsString>) -> clap::Command {
    use clap::CommandFactory;
    let names_one = args
        .into_iter()
        .any(|a| a.to_str().is_some_and(|a| SUBCOMMANDS.contains(&a)));
    if names_one { command() } else { Cli::command() }
}

/// `Cli`'s command with the options only some subcommands read (see [`SUBCOMMAND_OPTIONS`])
/// made over: each is given to `top`, and each subcommand gets what `copy` makes of it, told
/// whether the subcommand reads it (`None`: nothing).
fn with_subcommand_copies(
    top: impl Fn(clap::Arg) -> clap::Arg,
    copy: impl Fn(&clap::Arg, bool) -> Option<clap::Arg>,
) -> clap::Command {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    let options: Vec<clap::Arg> = cmd
        .get_arguments()
        .filter(|a| {
            a.is_global_set()
                && a.get_long()
                    .is_some_and(|l| SUBCOMMAND_OPTIONS.contains(&l))
        })
        .cloned()
        .collect();
    for a in &options {
        cmd = cmd.mut_arg(a.get_id().clone(), &top);
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        // (`check-rules` reads the config's options when given no path.)
        let reads = reads(&name, false);
        cmd = cmd.mut_subcommand(&name, |sub| {
            options.iter().fold(sub, |sub, a| {
                let read = a.get_long().is_some_and(|l| reads.contains(&l));
                match copy(a, read) {
                    Some(a) => sub.arg(a),
                    None => sub,
                }
            })
        });
    }
    cmd
}

/// The command line as shell completions offer it: each subcommand completes only the
/// options it reads (see [`reads`]). clap's completion scripts list hidden options too, so
/// here the options only some subcommands read are not global: each such subcommand has its
/// own copy. (For completions only: it would parse a value given before the subcommand
/// differently.)
pub fn completion_command() -> clap::Command {
    with_subcommand_copies(
        |a| a.global(false),
        |a, read| read.then(|| a.clone().global(false)),
    )
}

/// The command line as clap parses it, with each subcommand's help listing only the global
/// options it reads (see [`reads`]): `init --help` does not offer `--min-score`. A subcommand
/// given its own copy of a global option, hidden, does not get the parent's when the command
/// is built; a value given to it is still the global's.
pub fn command() -> clap::Command {
    with_subcommand_copies(|a| a, |a, read| (!read).then(|| a.clone().hide(true)))
}

/// `--max-warnings N`: a whole number, or -1 for no limit (as ESLint takes it).
fn max_warnings(s: &str) -> Result<i64, String> {
    match s.parse::<i64>() {
        Ok(n) if n >= -1 => Ok(n),
        _ => Err("expected a whole number, 0 or more, or -1 for no limit".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, FromArgMatches};

    /// [`SUBCOMMANDS`] names every subcommand clap knows, `help` among them: a command line
    /// that names one gets [`command`], whose subcommands' help is trimmed; and the plain
    /// command parses a lint as [`command`] does.
    #[test]
    fn the_subcommand_list_is_clap_s() {
        let mut cmd = Cli::command();
        cmd.build();
        let mut names: Vec<&str> = cmd.get_subcommands().map(|s| s.get_name()).collect();
        names.sort_unstable();
        let mut listed = SUBCOMMANDS.to_vec();
        listed.sort_unstable();
        assert_eq!(names, listed);
        // The plain command for a lint; the trimmed one as soon as a subcommand is named.
        let hidden = |c: &clap::Command| {
            c.find_subcommand("init")
                .is_some_and(|i| i.get_arguments().any(|a| a.get_long() == Some("min-score")))
        };
        assert!(!hidden(&command_for(["draft.txt".into()])));
        assert!(hidden(&command_for(["init".into(), "--help".into()])));
        let args = [
            "pitchlint",
            "--min-score",
            "60",
            "draft.txt",
            "--format",
            "json",
        ];
        let plain = Cli::from_arg_matches(&Cli::command().get_matches_from(args)).unwrap();
        let full = Cli::from_arg_matches(&command().get_matches_from(args)).unwrap();
        assert_eq!(format!("{plain:?}"), format!("{full:?}"));
    }
}
