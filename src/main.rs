//! The `pitchlint` binary: parse arguments, call the library, write what it rendered, and
//! return the exit status. Nothing else.
#![allow(clippy::print_stderr)]

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use pitchlint::cli::{Cli, ColorChoice};
use pitchlint::inputs::{self, Input};
use pitchlint::render::{self, RenderOptions};
use pitchlint::report::Summary;
use pitchlint::score::Gate;
use pitchlint::{Error, Linter};
use pitchlint::{fix, pack};

/// The exit status, decided in one place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    /// Every file passed.
    Success,
    /// A file failed the gate.
    Failure,
    /// Usage error, unreadable input or invalid rule pack.
    Error,
}

impl From<Status> for ExitCode {
    fn from(s: Status) -> ExitCode {
        match s {
            Status::Success => ExitCode::SUCCESS,
            Status::Failure => ExitCode::from(1),
            Status::Error => ExitCode::from(2),
        }
    }
}

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "pitchlint: internal error{at}; this is a bug, please report it with the input that caused it"
        );
    }));
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(s) => s.into(),
        Err(e) if is_broken_pipe(&e) => Status::Success.into(),
        Err(e) => {
            eprintln!("pitchlint: error: {e}");
            Status::Error.into()
        }
    }
}

fn is_broken_pipe(e: &RunError) -> bool {
    matches!(e, RunError::Io(io) if io.kind() == io::ErrorKind::BrokenPipe)
}

enum RunError {
    Lint(Error),
    Io(io::Error),
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::Lint(e) => e.fmt(f),
            RunError::Io(e) => write!(f, "writing output: {e}"),
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

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal()
        }
    }
}

fn run(cli: Cli) -> Result<Status, RunError> {
    let mut sources = if cli.no_default_rules {
        Vec::new()
    } else {
        pack::default_sources()
    };
    for path in &cli.rules {
        sources.extend(pack::read_sources(path)?);
    }
    let linter = Linter::new(&sources)?.with_profile(cli.profile.unwrap_or_default());

    let (mut inputs, errors) = if cli.paths.is_empty() {
        if io::stdin().is_terminal() {
            return Err(Error::usage(
                "no input: give a file, a folder, or - to read standard input (see --help)",
            )
            .into());
        }
        (vec![Input::Stdin], Vec::new())
    } else {
        inputs::collect(&cli.paths)
    };
    inputs.dedup();
    let mut failed_reads = errors.len();
    for e in &errors {
        eprintln!("pitchlint: error: {e}");
    }

    let color = use_color(cli.color);
    colored::control::set_override(color);
    let gate = Gate {
        min_score: cli.min_score.or(Gate::default().min_score),
        ..Gate::default()
    };
    let mut renderer = render::renderer(cli.format, RenderOptions { color });
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut summary = Summary::default();
    // --diff: how many files would change; --stats: the measures of each file, for JSON.
    let mut changed = 0;
    let mut stats = Vec::new();
    if !cli.show_parts && !cli.diff && !cli.stats {
        renderer.begin(&mut out)?;
    }
    for input in &inputs {
        let mut doc = match inputs::read(input, cli.input_format) {
            Ok(Some(doc)) => doc,
            Ok(None) => {
                eprintln!("pitchlint: note: {}: skipped: binary file", input.display());
                continue;
            }
            Err(e) => {
                out.flush()?;
                eprintln!("pitchlint: error: {e}");
                failed_reads += 1;
                continue;
            }
        };
        doc.template |= cli.template;
        if cli.show_parts {
            out.write_all(pitchlint::document::show::render(&doc).as_bytes())?;
            continue;
        }
        if cli.stats {
            let s = pitchlint::metrics::Stats::of(&doc);
            match cli.format {
                render::OutputFormat::Json => stats.push((doc.path, s)),
                _ => write!(out, "{}", s.render(&doc.path))?,
            }
            continue;
        }
        let mut report = pitchlint::lint(&linter, doc, &gate);
        if cli.fix || cli.diff {
            if let Some((text, n)) = fix::fixed(&report) {
                if cli.diff {
                    changed += 1;
                    out.write_all(fix::diff(&report.path, &report.source, &text).as_bytes())?;
                } else if let Input::File(path) = input {
                    match fix::write(path, &report.source, &text) {
                        Ok(fix::Written::Yes) => {
                            let s = if n == 1 { "" } else { "s" };
                            eprintln!("pitchlint: fixed {n} finding{s} in {}", path.display());
                            if let Ok(Some(mut doc)) = inputs::read(input, cli.input_format) {
                                doc.template |= cli.template;
                                report = pitchlint::lint(&linter, doc, &gate);
                            }
                        }
                        Ok(fix::Written::Skipped(why)) => {
                            eprintln!("pitchlint: note: {}: not fixed: {why}", path.display())
                        }
                        Err(e) => {
                            eprintln!("pitchlint: error: {e}");
                            failed_reads += 1;
                        }
                    }
                } else {
                    eprintln!(
                        "pitchlint: note: standard input cannot be fixed in place; use --diff"
                    );
                }
            }
            if cli.diff {
                continue;
            }
        }
        summary.add(&report);
        renderer.file(&mut out, &report)?;
    }
    summary.errors = failed_reads;
    if cli.stats {
        if cli.format == render::OutputFormat::Json {
            let files: Vec<serde_json::Value> = stats
                .iter()
                .map(|(path, s)| serde_json::json!({"path": path, "stats": s}))
                .collect();
            serde_json::to_writer(&mut out, &serde_json::json!({ "files": files }))
                .map_err(io::Error::other)?;
            writeln!(out)?;
        }
        out.flush()?;
        return Ok(if failed_reads > 0 {
            Status::Error
        } else {
            Status::Success
        });
    }
    if cli.diff {
        out.flush()?;
        return Ok(if failed_reads > 0 {
            Status::Error
        } else if changed > 0 {
            Status::Failure
        } else {
            Status::Success
        });
    }
    if !cli.show_parts {
        renderer.end(&mut out, &summary)?;
    }
    out.flush()?;
    Ok(if failed_reads > 0 {
        Status::Error
    } else if summary.failed > 0 {
        Status::Failure
    } else {
        Status::Success
    })
}
