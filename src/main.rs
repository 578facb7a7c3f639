//! The `pitchlint` binary: parse arguments, call the library, write what it rendered, and
//! return the exit status. Nothing else: the run itself is [`pitchlint::run`].
#![allow(clippy::print_stderr)]

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use pitchlint::cli::Cli;
use pitchlint::run::{self, Env, Status};

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
    // The report's file is created (emptied) before any input is read: it must be none of them.
    let output = cli
        .output
        .as_ref()
        .map(|p| (p, std::fs::canonicalize(p).ok()));
    if let Some((path, Some(target))) = &output {
        let named = cli.paths.iter().filter(|p| p.as_os_str() != "-");
        if let Some(p) = named.into_iter().find(|p| run::is_file(p, target)) {
            eprintln!(
                "pitchlint: error: {}: --output names an input ({}): the report would overwrite \
                 it before it is read",
                path.display(),
                p.display()
            );
            return ExitCode::from(Status::Error.code());
        }
    }
    let (mut out, is_terminal): (Box<dyn Write>, bool) = match &cli.output {
        Some(path) => match File::create(path) {
            Ok(f) => (Box::new(BufWriter::new(f)), false),
            Err(e) => {
                eprintln!("{}", unwritable(path, &e));
                return ExitCode::from(Status::Error.code());
            }
        },
        None => (
            Box::new(BufWriter::new(io::stdout().lock())),
            io::stdout().is_terminal(),
        ),
    };
    let mut env = match Env::detect(cli.color, is_terminal) {
        Ok(env) => env,
        Err(e) => {
            eprintln!("pitchlint: error: current folder: {e}");
            return ExitCode::from(Status::Error.code());
        }
    };
    // A folder walk skips the report's file; `--fix -` prints its text on standard output.
    env.output = output.and_then(|(p, t)| t.or_else(|| std::fs::canonicalize(p).ok()));
    let mut stdout = io::stdout().lock();
    let text: Option<&mut dyn Write> = cli.output.is_some().then_some(&mut stdout);
    let result = run::run(&cli, &mut out, text, &mut io::stderr(), &env);
    // A reader that went away keeps the verdict the run reached (see `run::lint`).
    let result = result.and_then(|s| match out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(s),
    });
    match result {
        Ok(s) => ExitCode::from(s.code()),
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            let _ = out.flush();
            match (&e, &cli.output) {
                // The report's file, named, as when it could not be created.
                (run::RunError::Io(io), Some(path)) => eprintln!("{}", unwritable(path, io)),
                _ => eprintln!("pitchlint: error: {e}"),
            }
            ExitCode::from(Status::Error.code())
        }
    }
}

/// The error for a report file (`--output`) that cannot be created or written.
fn unwritable(path: &std::path::Path, e: &io::Error) -> String {
    format!(
        "pitchlint: error: {}: cannot write the report (--output): {}",
        path.display(),
        pitchlint::Error::io(path, e).message
    )
}
