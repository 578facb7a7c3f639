//! Orchestration of one `pitchlint` run, from parsed options to a [`Status`]: find configs,
//! build linters, read inputs, lint, render to the stream given, and count what decides the
//! exit status. The binary only parses, calls this, and maps the status to an exit code.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::cli::Cli;
use crate::config::FileGate;
use crate::error::Error;
use crate::inputs::{self, Input};
use crate::render::sarif::Sarif;
use crate::render::statistics::{self, Statistics};
use crate::render::{self, OutputFormat, RenderOptions, Renderer};
use crate::report::Summary;
use crate::rule::Severity;

mod env;
mod plan;

use env::Gone;
pub use env::{Env, FileId, RunError, Status, stream_metadata, use_color};
use plan::{all_rules, file_of, plan};
pub use plan::{configs, flags};

/// What the parallel stage hands to the ordered one: a finished report, or the read (for runs
/// that fix, diff, measure or show parts, which happen in order).
enum Pre {
    Read(Result<Option<crate::document::Document>, Error>),
    Report(crate::report::FileReport),
}

/// `writeln!` of a note on standard error (how a file was read, a folder with nothing to
/// lint), unless `--quiet` asks for the failures only.
macro_rules! note {
    ($err:expr, $quiet:expr, $($arg:tt)*) => {
        if $quiet {
            Ok(())
        } else {
            // A file's name may hold control characters: see `render::printable`.
            writeln!(
                $err,
                "pitchlint: note: {}",
                crate::render::printable(&format!($($arg)*))
            )
        }
    };
}

/// Run what `cli` asks: a subcommand, `--show-config`, or linting. The report goes to `out`;
/// notes and per-file errors go to `err`; `text` is standard output when `out` is a file (where
/// `--fix -` prints the fixed text). Made for a process that ends after it: a lint
/// leaves its compiled rules for the process exit to free.
pub fn run(
    cli: &Cli,
    out: &mut dyn Write,
    text: Option<&mut dyn Write>,
    err: &mut dyn Write,
    env: &Env,
) -> Result<Status, RunError> {
    // `--select "$RULES"` with the variable unset would turn every rule off, and pass all.
    if !cli.select.is_empty() && plan::split_selectors(&cli.select).is_empty() {
        return Err(Error::usage(
            "--select names no rule: give rules as pack/id, id, pack or a prefix of pack/id, \
             comma-separated",
        )
        .into());
    }
    if let Some(cmd) = &cli.command {
        return crate::tooling::run(cmd, cli, out, err, env);
    }
    if (cli.show_config || cli.show_parts || cli.diff) && cli.format != OutputFormat::Human {
        let flag = if cli.show_config {
            "--show-config"
        } else if cli.show_parts {
            "--show-parts"
        } else {
            "--diff"
        };
        return Err(Error::usage(format!(
            "{flag} prints text only: drop --format {} (or use --format human)",
            format_name(cli.format)
        ))
        .into());
    }
    if (cli.statistics || cli.stats)
        && !matches!(
            cli.format,
            OutputFormat::Human | OutputFormat::Json | OutputFormat::Jsonl
        )
    {
        let flag = if cli.stats { "--stats" } else { "--statistics" };
        return Err(Error::usage(format!(
            "{flag} prints a table (human) or JSON (json, jsonl), not {}: use one of \
             those formats, or drop {flag}",
            format_name(cli.format)
        ))
        .into());
    }
    if cli.show_config && cli.paths.len() > 1 {
        return Err(Error::usage(
            "--show-config shows the config of one path (a file, or a folder and the files in \
             it): name one",
        )
        .into());
    }
    if cli.show_config {
        let mut configs = configs(cli, env);
        let first = cli.paths.first().map(PathBuf::as_path);
        let first = first.filter(|p| p.as_os_str() != "-");
        let config = configs.for_path(first)?;
        config.linter()?;
        out.write_all(config.show().as_bytes())?;
        if let Some(p) = first {
            out.write_all(crate::tooling::per_file(&mut configs, env, p, err)?.as_bytes())?;
        }
        return Ok(Status::Success);
    }
    lint(cli, out, text, err, env)
}

/// The name of an output format, as `--format` takes it.
pub(crate) fn format_name(f: OutputFormat) -> String {
    use clap::ValueEnum;
    f.to_possible_value()
        .map_or_else(|| format!("{f:?}"), |v| v.get_name().to_string())
}

/// Past this many bytes of files, a run's total is not read on: what it decides is decided
/// (the matcher's mark is 6 MiB: see [`crate::Linter::expect_text`]).
const EXPECT_UP_TO: u64 = 8 << 20;

/// The note on a fixed input: `pitchlint: fixed 3 findings in draft.txt` (not with `--quiet`,
/// as the other notes).
fn fixed_note(n: usize, name: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!(
        "pitchlint: fixed {n} finding{s} in {}",
        crate::render::printable(name)
    )
}

/// The warning on an input `--fix` left alone, and why.
fn not_fixed(name: &str, why: &str) -> String {
    format!(
        "pitchlint: warning: {}: not fixed: {why}",
        crate::render::printable(name)
    )
}

/// Warnings over the files that share one `max_warnings` limit.
struct WarningGroup {
    limit: usize,
    /// The warnings of every file that shares the limit.
    count: usize,
    /// The warnings of the files that may fail the run (without `exit_zero`): only those
    /// weigh against the limit when there are such files, so that a path whose files never
    /// fail the run (`[[overrides]] exit_zero`) cannot fail it through a shared limit either.
    binding: usize,
    /// Whether every file that shares the limit has `exit_zero`: the limit is then reported
    /// when the run goes over it, but leaves the exit status alone.
    exit_zero: bool,
    origin: String,
}

impl WarningGroup {
    /// The warnings weighed against the limit.
    fn weighed(&self) -> usize {
        if self.exit_zero {
            self.count
        } else {
            self.binding
        }
    }
}

fn lint(
    cli: &Cli,
    out: &mut dyn Write,
    text: Option<&mut dyn Write>,
    err: &mut dyn Write,
    env: &Env,
) -> Result<Status, RunError> {
    let collected = if cli.paths.is_empty() {
        if env.stdin_is_terminal {
            // `--stdin-filename` names what standard input holds: the user meant to pipe a
            // draft in, and the terminal is waiting for none.
            let message = match &cli.stdin_filename {
                Some(name) => format!(
                    "no input: --stdin-filename {} names standard input, but standard input is \
                     a terminal; pipe the draft in (`pitchlint --stdin-filename {0} < draft`) \
                     or give - to type it",
                    name.display()
                ),
                None => "no input: give a file, a folder, or - to read standard input (see \
                         --help)"
                    .to_string(),
            };
            return Err(Error::usage(message).into());
        }
        inputs::Collected {
            inputs: vec![Input::Stdin(None)],
            ..Default::default()
        }
    } else {
        inputs::collect(&cli.paths)
    };
    let (mut inputs, mut errors) = (collected.inputs, collected.errors);
    for e in &mut errors {
        if let Some((hint, subcommand)) = e.path.as_deref().and_then(option_meant) {
            e.message.push_str(&hint);
            // A subcommand mistyped as the first word (`pitchlint explian sales/hype`): the
            // rest are its arguments, not paths, so the hint is the whole error (as git's
            // "'explian' is not a git command"), not one line among "no such file" lines and
            // a summary of no files. (An option's name, `pitchlint stats drafts/`, still lets
            // the rest be linted.)
            if subcommand && e.path.as_deref() == cli.paths.first().map(|p| p.as_path()) {
                return Err(RunError::from(e.clone()));
            }
        }
    }
    if let Some(name) = &cli.stdin_filename {
        let Some(stdin) = inputs.iter_mut().find(|i| matches!(i, Input::Stdin(_))) else {
            return Err(Error::usage(
                "--stdin-filename names standard input, which this run does not read: give - \
                 (or no path) to read it",
            )
            .into());
        };
        *stdin = Input::Stdin(Some(name.clone()));
    }
    // `--fix` on standard input (an editor piping a buffer through it, as with `ruff --fix -`)
    // prints the fixed text on standard output, and the report on standard error.
    let stdin_fix = cli.fix && inputs.iter().any(|i| matches!(i, Input::Stdin(_)));
    // A path that could not be read counts: `--fix - missing.txt` is the same mistake.
    if stdin_fix && inputs.len() + errors.len() > 1 {
        return Err(Error::usage(
            "--fix prints the fixed text of standard input on standard output: give - alone \
             (and fix files in a run of their own)",
        )
        .into());
    }
    let mut failed_reads = errors.len();
    for e in &errors {
        writeln!(err, "pitchlint: error: {e}")?;
    }
    for note in &collected.notes {
        note!(err, cli.quiet, "{note}")?;
    }

    // Standard input as read, when it is to be fixed (what is printed if it is not) or diffed
    // (as stored: a byte-order mark shows).
    let mut raw: Vec<u8> = Vec::new();
    // (Only when it is the one input, read early below: `--fix -` must be alone.)
    let keep_raw = (cli.fix || cli.diff) && matches!(inputs.as_slice(), [Input::Stdin(_)]);
    // One input is read on this thread while the packs compile on the pool: reading and
    // compiling are the two halves of its start-up. (With `rayon::join`, both often ran on one
    // worker, one after the other, while the other worker was still waking up.) For one short
    // file (the pre-send check of a draft), `main` made this thread the whole pool: the plan
    // then runs here, after the read.
    // Standard input read because no path was given (not `-`, not `--stdin-filename`): when
    // it is empty, there is nothing to lint (`git diff --name-only | xargs pitchlint` on a
    // change with no drafts runs a bare `pitchlint`), not an empty draft to fail.
    let implicit_stdin = cli.paths.is_empty() && cli.stdin_filename.is_none();
    let mut stdin_empty = false;
    let (planned, early) = match inputs.as_slice() {
        [one] => {
            let one = one.clone();
            let mut planned = None;
            let read = rayon::in_place_scope(|s| {
                s.spawn(|_| planned = Some(plan(cli, env, inputs)));
                let bytes = inputs::read_input(&one, keep_raw)?;
                stdin_empty = implicit_stdin && bytes.is_empty();
                if keep_raw {
                    raw.clone_from(&bytes);
                }
                Ok(inputs::parse(&one, bytes, cli.input_format))
            });
            #[expect(
                clippy::expect_used,
                reason = "in_place_scope waits for what it spawned"
            )]
            let planned = planned.expect("the scope has waited for the plan");
            (planned, Some(read))
        }
        _ => (plan(cli, env, inputs), None),
    };
    let plan::Plan {
        configs,
        mut work,
        linters,
        excluded,
        output_walked,
        notes,
    } = planned?;
    for n in &notes {
        note!(err, cli.quiet, "{n}")?;
    }
    if let (Some(folder), Some(o)) = (&output_walked, &cli.output) {
        note!(
            err,
            cli.quiet,
            "--output {} is in {}, a folder this run lints: the next run over it will find the \
             report as a draft (and refuse to overwrite it); write the report elsewhere, or \
             exclude it in the config",
            crate::render::printable(&o.display().to_string()),
            crate::render::printable(&folder.display().to_string())
        )?;
    }
    if stdin_empty {
        work.clear();
        note!(
            err,
            cli.quiet,
            "nothing to lint: no path was given and standard input is empty \
             (give - to lint it as a draft)"
        )?;
    }
    if work.is_empty() && excluded > 0 {
        let s = if excluded == 1 { "" } else { "s" };
        if cli.force_exclude {
            note!(
                err,
                cli.quiet,
                "nothing to lint: {excluded} file{s} found, all left out by the config's \
                 include/exclude, a .gitignore or .ignore file, or the draft extensions \
                 (--force-exclude holds named files to them)",
            )?;
        } else {
            note!(
                err,
                cli.quiet,
                "nothing to lint: {excluded} draft{s} found, all left out by the config's \
                 include/exclude (name a file to lint it anyway)",
            )?;
        }
    }
    // How much each linter will read, when all its inputs are files: a run that reads little
    // never builds the phrase automaton, one that reads much builds it at once. The sizes
    // are read until the total passes the mark that decides it.
    {
        let mut totals: Vec<Option<u64>> = vec![Some(0); linters.len()];
        for (input, i) in &work {
            let total = &mut totals[*i];
            // A pipe (`<(cat big.txt)`) says nothing of its size: unknown, as standard input.
            *total = match (*total, input) {
                (Some(t), Input::File(_)) if t >= EXPECT_UP_TO => Some(t),
                (Some(t), Input::File(p)) => std::fs::metadata(p)
                    .ok()
                    .filter(std::fs::Metadata::is_file)
                    .map(|m| t + m.len()),
                _ => None,
            };
        }
        for (linter, total) in linters.iter().zip(totals) {
            if let (Some(linter), Some(total)) = (linter, total) {
                linter.expect_text(total);
            }
        }
    }
    let early = std::sync::Mutex::new(early);
    let spare_cores = work.len() == 1 && cli.threads != Some(1);
    let options = |g: &FileGate| crate::LintOptions {
        report_unused_disables: cli.report_unused_disables,
        ignore: g.ignore.clone(),
        builtin_ignore: g.builtin_ignore.clone(),
        profile: Some(g.profile),
        spare_cores,
        accept: g.accept.clone(),
    };
    if !work.is_empty() && linters.iter().flatten().all(|l| l.rules().next().is_none()) {
        note!(
            err,
            cli.quiet,
            "no rules are on (no pack loaded, or select and ignore leave none): \
             every draft gets the base score"
        )?;
    }

    // With `--fix` on standard input, standard output gets the text, and the report goes to
    // its --output file, or else is kept to go to standard error after the run.
    let mut report_buf = Vec::new();
    let buffered = stdin_fix && text.is_none();
    let (out, text_out): (&mut dyn Write, Option<&mut dyn Write>) = match text {
        _ if !stdin_fix => (out, None),
        Some(text) => (out, Some(text)),
        None => (&mut report_buf, Some(out)),
    };
    // A reader that goes away (`pitchlint folder | head -1`) stops the output, not the run:
    // the exit code is the verdict on every file, whenever the reader left.
    let mut out = Gone::new(out);
    let out = &mut out;
    let mut text_out = text_out.map(Gone::new);
    let mut fixed_text: Option<Vec<u8>> = None;
    colored::control::set_override(env.color);
    let mut renderer: Box<dyn Renderer> = if cli.statistics {
        Box::new(Statistics::new(match cli.format {
            OutputFormat::Json => statistics::Shape::Json,
            OutputFormat::Jsonl => statistics::Shape::JsonLines,
            _ => statistics::Shape::Table,
        }))
    } else if cli.format == OutputFormat::Sarif {
        Box::new(Sarif::new(all_rules(&linters, &configs.list)))
    } else {
        let opts = RenderOptions {
            color: env.color,
            quiet: cli.quiet,
        };
        render::renderer(cli.format, opts)
    };
    let mut summary = Summary::default();
    let mut groups: HashMap<(usize, usize), WarningGroup> = HashMap::new();
    let mut failed_counted = 0;
    // --diff: how many files would change; --stats: the measures of each file, for JSON.
    let mut changed = 0;
    let mut stats = Vec::new();
    // --stats --format json: the inputs not measured, as the lint's JSON lists them.
    let mut stats_unread: Vec<serde_json::Value> = Vec::new();
    let reporting = !cli.show_parts && !cli.diff && !cli.stats;
    if reporting {
        renderer.begin(out)?;
    }
    for e in &errors {
        // The report names the path beside the message: the message alone, as for a binary
        // file's "skipped: binary file".
        let path = e.path.as_ref().map(|p| p.display().to_string());
        let path = path.as_deref().unwrap_or("-");
        if reporting {
            renderer.unread(out, path, &e.message, true)?;
        } else if cli.stats {
            stats_unread.push(crate::render::json::unread_record(path, &e.message, true));
        }
    }
    // Read and lint on all cores; everything with an order or a side effect (fixing files,
    // rendering, counting) happens in the callback, file by file, in input order.
    let lint_in_parallel = reporting && !cli.fix;
    let pre_work = |_: usize, (input, i): &(Input, usize)| -> Pre {
        let read = early.lock().ok().and_then(|mut e| e.take());
        match read.unwrap_or_else(|| inputs::read(input, cli.input_format)) {
            Ok(Some(mut doc)) if lint_in_parallel => {
                let Some(linter) = linters[*i].as_ref() else {
                    return Pre::Read(Ok(Some(doc)));
                };
                let g: FileGate = configs.list[*i].gate_for(file_of(input, env).as_deref());
                doc.template |= g.template;
                Pre::Report(crate::lint_with(linter, doc, &g.gate, &options(&g)))
            }
            other => Pre::Read(other),
        }
    };
    // What every linted file adds to the run: counts, the warnings limit, its report.
    // Returns the report when it is to be rendered (`--quiet` drops passing files).
    let mut tally = |report: crate::report::FileReport,
                     g: &FileGate,
                     i: usize|
     -> Option<crate::report::FileReport> {
        summary.add(&report);
        if !report.score.passed && !g.exit_zero {
            failed_counted += 1;
        }
        if let Some(limit) = g.max_warnings {
            let group = groups.entry((i, g.warnings_group)).or_insert(WarningGroup {
                limit,
                count: 0,
                binding: 0,
                exit_zero: true,
                origin: configs.list[i].max_warnings_origin(g.warnings_group),
            });
            let warnings = report
                .findings
                .iter()
                .filter(|f| f.rule.severity == Severity::Warning)
                .count();
            group.count += warnings;
            if !g.exit_zero {
                group.binding += warnings;
                group.exit_zero = false;
            }
        }
        (!(cli.quiet && report.score.passed)).then_some(report)
    };
    let walked = crate::parallel::for_each_ordered(
        &work,
        crate::parallel::Options {
            threads: cli.threads.map_or(0, usize::from),
            ..crate::parallel::Options::default()
        },
        |(input, _)| crate::parallel::size_hint(input),
        pre_work,
        |_, (input, i), pre| -> Result<(), RunError> {
            let file = file_of(input, env);
            let read = match pre {
                Pre::Report(report) => {
                    for w in &report.warnings {
                        note!(err, cli.quiet, "{}: {w}", report.path)?;
                    }
                    let g: FileGate = configs.list[*i].gate_for(file.as_deref());
                    // Once the reader has gone, a report is only counted.
                    if let Some(report) = tally(report, &g, *i).filter(|_| !out.gone()) {
                        renderer.file(out, &report)?;
                    }
                    return Ok(());
                }
                Pre::Read(read) => read,
            };
            let mut doc = match read {
                Ok(Some(doc)) => doc,
                // Binary and not an error (see `binary_is_an_error`): a note.
                Ok(None) if !binary_is_an_error(input, cli) => {
                    note!(err, cli.quiet, "{}: skipped: binary file", input.display())?;
                    // A skipped file did not fail: `--quiet` reports only those that did.
                    if reporting && !cli.quiet {
                        renderer.unread(out, &input.display(), "skipped: binary file", false)?;
                    } else if cli.stats {
                        stats_unread.push(crate::render::json::unread_record(
                            &input.display(),
                            "skipped: binary file",
                            false,
                        ));
                    }
                    return Ok(());
                }
                failed => {
                    let (shown, message) = match failed {
                        Err(e) => (e.to_string(), e.message),
                        _ => {
                            let m = inputs::binary_error(input);
                            // One line whatever the name holds (a line break, an escape).
                            let name = crate::render::printable(&input.display()).into_owned();
                            (format!("{name}: {m}"), m)
                        }
                    };
                    out.flush()?;
                    writeln!(err, "pitchlint: error: {shown}")?;
                    failed_reads += 1;
                    if reporting {
                        renderer.unread(out, &input.display(), &message, true)?;
                    } else if cli.stats {
                        stats_unread.push(crate::render::json::unread_record(
                            &input.display(),
                            &message,
                            true,
                        ));
                    }
                    return Ok(());
                }
            };
            // How the file was read (lossy decoding…): a note on stderr in every format.
            for w in &doc.warnings {
                // `note!` shows the name's control characters as pictures.
                note!(err, cli.quiet, "{}: {w}", doc.path)?;
            }
            let config = &configs.list[*i];
            let g: FileGate = config.gate_for(file.as_deref());
            doc.template |= g.template;
            let template = doc.template;
            if cli.show_parts {
                out.write_all(crate::document::show::render(&doc).as_bytes())?;
                return Ok(());
            }
            if cli.stats {
                // Measured as linted: directives and accepted terms are no prose.
                crate::suppress::mask(&mut doc);
                if let Some(a) = &g.accept {
                    a.mask(&mut doc);
                }
                let s = crate::metrics::Stats::of(&doc);
                let record = || serde_json::json!({"path": doc.path, "stats": s});
                match cli.format {
                    OutputFormat::Json => stats.push(record()),
                    // One object a line, as each file is measured.
                    OutputFormat::Jsonl => {
                        serde_json::to_writer(&mut *out, &record()).map_err(io::Error::from)?;
                        writeln!(out)?;
                    }
                    _ => {
                        out.write_all(s.render(&crate::render::printable(&doc.path)).as_bytes())?
                    }
                }
                return Ok(());
            }
            let Some(linter) = linters[*i].as_ref() else {
                return Ok(());
            };
            let opts = options(&g);
            let mut report = crate::lint_with(linter, doc, &g.gate, &opts);
            if cli.fix || cli.diff {
                let relint = |text: &str| {
                    let mut doc = crate::document::read(
                        &report.path,
                        text.as_bytes().to_vec(),
                        report.format,
                    )?;
                    doc.template = template;
                    Some(crate::lint_with(linter, doc, &g.gate, &opts))
                };
                let fixed = crate::fix::fixed_fully(&report, relint).unwrap_or_else(|_| {
                    let _ = writeln!(
                        err,
                        "pitchlint: warning: {}: not fixed: its fixes never settle (two swaps \
                         undo each other, such as one pack's \"use\" -> \"utilize\" beside \
                         another's \"utilize\" -> \"use\"); drop or change one of them",
                        crate::render::printable(&input.display())
                    );
                    None
                });
                if let Some((text, n)) = fixed {
                    if cli.diff {
                        // No diff for a file that --fix would leave alone (not UTF-8).
                        let stored = match input {
                            Input::File(path) => {
                                crate::fix::stored(path, &report.source).unwrap_or(Ok(false))
                            }
                            Input::Stdin(_) if keep_raw => {
                                crate::fix::stored_as(&raw, &report.source)
                            }
                            Input::Stdin(_) => Ok(false),
                        };
                        match stored {
                            Err(why) => writeln!(
                                err,
                                "pitchlint: warning: {}: no diff: {why}",
                                crate::render::printable(&input.display())
                            )?,
                            Ok(bom) => {
                                // `--exit-zero` holds for a diff too: the diff is the report.
                                changed += usize::from(!g.exit_zero);
                                let mark = if bom { "\u{feff}" } else { "" };
                                let diff = crate::fix::diff(
                                    &report.path,
                                    &format!("{mark}{}", report.source),
                                    &format!("{mark}{text}"),
                                );
                                out.write_all(diff.as_bytes())?;
                            }
                        }
                    } else if let Input::File(path) = input {
                        match crate::fix::write(path, &report.source, &text) {
                            Ok(crate::fix::Written::Yes) => {
                                if !cli.quiet {
                                    writeln!(err, "{}", fixed_note(n, &input.display()))?;
                                }
                                // Report on the file as it is now.
                                if let Ok(Some(mut doc)) = inputs::read(input, cli.input_format) {
                                    doc.template |= g.template;
                                    report = crate::lint_with(linter, doc, &g.gate, &opts);
                                }
                            }
                            Ok(crate::fix::Written::Skipped(why)) => {
                                writeln!(err, "{}", not_fixed(&input.display(), &why))?
                            }
                            Err(e) => {
                                writeln!(err, "pitchlint: error: {e}")?;
                                failed_reads += 1;
                            }
                        }
                    } else {
                        match crate::fix::fixed_bytes(&raw, &report.source, &text) {
                            Ok(bytes) => {
                                // The text fixed is standard input's, printed: the file it
                                // stands for is not touched.
                                let name = match input {
                                    Input::Stdin(Some(p)) => {
                                        format!("standard input (as {})", p.display())
                                    }
                                    _ => "standard input".to_string(),
                                };
                                if !cli.quiet {
                                    writeln!(err, "{}", fixed_note(n, &name))?;
                                }
                                // Report on the text as printed.
                                if let Some(again) = relint(&text) {
                                    report = again;
                                }
                                fixed_text = Some(bytes);
                            }
                            Err(why) => writeln!(err, "{}", not_fixed(&input.display(), &why))?,
                        }
                    }
                }
                if cli.diff {
                    return Ok(());
                }
            }
            if let Some(report) = tally(report, &g, *i).filter(|_| !out.gone()) {
                renderer.file(out, &report)?;
            }
            Ok(())
        },
    );
    // The verdict on the files (without the warnings limit, which is checked at the end of a
    // whole run).
    let verdict = |failed_reads: usize, failed: usize| {
        if failed_reads > 0 {
            Status::Error
        } else if failed > 0 {
            Status::Failure
        } else {
            Status::Success
        }
    };
    if let Some(t) = text_out.as_mut() {
        // Unfixed (nothing to fix, not UTF-8, not even read as text): as it came.
        let printed = t
            .write_all(fixed_text.as_deref().unwrap_or(&raw))
            .and_then(|()| t.flush());
        printed?;
    }
    walked?;
    // The process ends after the run: freeing the compiled rules, thousands of small
    // allocations, would cost more than linting a short draft.
    std::mem::forget(linters);
    summary.errors = failed_reads;
    if cli.stats || cli.diff {
        if cli.stats && cli.format == OutputFormat::Json {
            serde_json::to_writer(
                &mut *out,
                &serde_json::json!({ "files": stats, "unread": stats_unread }),
            )
            .map_err(io::Error::from)?;
            writeln!(out)?;
        }
        out.flush()?;
        // With --diff, a file that would change fails.
        return Ok(verdict(failed_reads, changed));
    }
    // The warnings limits gone over: the reports say so, as stderr does below (with
    // `--exit-zero` too: it changes the exit code only).
    let mut over: Vec<&WarningGroup> = groups.values().filter(|g| g.weighed() > g.limit).collect();
    over.sort_by(|a, b| a.origin.cmp(&b.origin));
    let too_many = over.iter().any(|g| !g.exit_zero);
    summary.over_max_warnings = over
        .iter()
        .map(|g| crate::report::WarningLimit {
            warnings: g.weighed(),
            max: g.limit,
            origin: relative_origin(&g.origin, &env.cwd),
        })
        .collect();
    if reporting {
        renderer.end(out, &summary)?;
    }
    out.flush()?;
    if buffered {
        err.write_all(&report_buf)?;
    }
    for l in &summary.over_max_warnings {
        writeln!(err, "pitchlint: {}", l.message())?;
    }
    Ok(match verdict(failed_reads, failed_counted) {
        Status::Success if too_many => Status::Failure,
        s => s,
    })
}

/// Where a limit was set, with its config file named from `cwd` when it is in it
/// (`pitchlint.toml [[overrides]] entry 1`), as errors name files.
fn relative_origin(origin: &str, cwd: &Path) -> String {
    cwd.to_str()
        .and_then(|cwd| origin.strip_prefix(cwd))
        .and_then(|rest| rest.strip_prefix(std::path::MAIN_SEPARATOR))
        .unwrap_or(origin)
        .to_string()
}

/// Whether a binary `input` is an error rather than a skipped file with a note: it was named
/// on the command line (as written, or as the same file: `./d d/bin.txt` keeps the walked
/// spelling) or piped in, except into `--fix -`, an editor's filter that passes it through.
fn binary_is_an_error(input: &Input, cli: &Cli) -> bool {
    match input {
        Input::Stdin(_) => !cli.fix,
        Input::File(p) => {
            cli.paths.contains(p) || {
                let real = std::fs::canonicalize(p).ok();
                real.is_some()
                    && cli
                        .paths
                        .iter()
                        .any(|q| std::fs::canonicalize(q).ok() == real)
            }
        }
    }
}

/// For a missing path that is a bare word naming an option or a command of another linter
/// (`pitchlint stats draft.txt`, `pitchlint check draft.txt`), or close to a subcommand
/// (`pitchlint expain …`), what was likely meant, and whether it is a subcommand.
fn option_meant(path: &std::path::Path) -> Option<(String, bool)> {
    use clap::CommandFactory;
    let word = path.to_str().filter(|w| {
        !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c == '-') && !path.exists()
    })?;
    if matches!(word, "check" | "lint") {
        return Some((
            " (pitchlint lints the paths it is given: `pitchlint <path>`)".into(),
            false,
        ));
    }
    let command = Cli::command();
    if command.get_arguments().any(|a| a.get_long() == Some(word)) {
        return Some((format!(" (did you mean `--{word}`?)"), false));
    }
    // A subcommand mistyped: `pitchlint expain seed/partner-close`.
    let subcommands: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).collect();
    crate::error::closest(word, subcommands.iter().copied()).map(|c| {
        (
            format!(" (did you mean the subcommand `pitchlint {c}`?)"),
            true,
        )
    })
}
