//! The command line, as clap derive definitions. Doc comments are the help text.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};

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
#[derive(Debug, Parser)]
#[command(name = "pitchlint", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    /// Files or folders to lint; `-` reads standard input. With no path, standard input is read
    /// when it is not a terminal. Folders are searched for .txt, .tmpl, .md, .markdown, .html,
    /// .htm and .eml files.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Add a rule pack: a .toml file or a folder of them (repeatable).
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,

    /// Do not load the embedded default pack.
    #[arg(long)]
    pub no_default_rules: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,

    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Fail any file that scores below N (0-100; default 50; 0 turns the threshold off).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=100))]
    pub min_score: Option<u8>,

    /// Read inputs as this format, whatever their extension (and name the format of standard
    /// input, which is text by default).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<Format>,

    /// Lint drafts as templates: merge fields ({{first_name}}, [Company]…) are allowed. Files
    /// ending in .tmpl are always templates.
    #[arg(long)]
    pub template: bool,

    /// Print each draft with its parts marked (subject, greeting, opening, body, closing,
    /// signoff, signature, quote) and its placeholders, instead of linting it.
    #[arg(long)]
    pub show_parts: bool,

    /// The kind of message: rules and thresholds differ for each (default first-touch).
    #[arg(long, value_enum, value_name = "NAME")]
    pub profile: Option<Profile>,

    /// Apply the findings that have one replacement (substitutions, doubled words) in place,
    /// then report on the fixed files. Writes are atomic; a file that changed since it was read
    /// is left alone.
    #[arg(long, conflicts_with_all = ["diff", "stats", "show_parts"])]
    pub fix: bool,

    /// Print what --fix would change as a unified diff, and write nothing. Exits 1 when a file
    /// would change.
    #[arg(long, conflicts_with_all = ["stats", "show_parts"])]
    pub diff: bool,

    /// Print the measures of each file (words, sentences, reading grade, questions, customer
    /// focus…) instead of linting it.
    #[arg(long, conflicts_with = "show_parts")]
    pub stats: bool,
}
