//! The `pitchlint` binary: parse arguments, call the library, write what it rendered, and
//! return the exit status. Nothing else: the run itself is [`pitchlint::run`].

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use pitchlint::cli::Cli;
use pitchlint::run::{self, Env, Status};

/// A line on standard error, written if it can be: a standard error that is closed or full
/// must change neither the verdict nor the report (`eprintln!` would panic). The line is
/// written whole, in one call: standard error is unbuffered, and `writeln!` would write each
/// piece of it (a path, a `:`, a number) by itself, where another process writing to the same
/// log could cut in.
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = io::stderr().write_all(format!("{}\n", format_args!($($arg)*)).as_bytes());
    }};
}

/// Standard error for the run's notes and errors: a write that fails is dropped, so that a
/// closed standard error is not taken for the report's reader going away.
struct Stderr;

impl Write for Stderr {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let _ = io::stderr().write_all(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let _ = io::stderr().flush();
        Ok(())
    }
}

/// Let glibc grow its heaps in steps of 4 MiB instead of 128 KiB. Each worker thread's heap
/// grows by an `mprotect` call per step: a 3 KB draft made 46 of them before it was linted,
/// most of them while the packs compiled. Memory that is reserved this way and never used is
/// never touched either, so the resident size does not grow.
///
/// Setting `M_TOP_PAD` also stops glibc from raising its mmap threshold as blocks are freed,
/// so every block of 128 KiB or more (a long draft's lists, a report's buffers) was mapped,
/// faulted in page by page and unmapped again. From 4 MiB instead: one 10 MB file lints 1.07
/// times as fast (hyperfine), with the same peak memory (32 MiB would gain a little more, but
/// held 20% more memory at the peak).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_allocator() {
    // SAFETY: `mallopt` only sets numbers in the allocator's parameters; it is called before
    // any thread of ours is started.
    unsafe {
        libc::mallopt(libc::M_TOP_PAD, 4 << 20);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 4 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_allocator() {}

/// Whether this user may run fewer than 256 processes and threads at once (`ulimit -u`), so
/// that starting a thread per core may be refused.
#[cfg(unix)]
fn few_processes_allowed() -> bool {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: `getrlimit` writes the limit into the struct it is given, and nothing else.
    let read = unsafe { libc::getrlimit(libc::RLIMIT_NPROC, &raw mut limit) } == 0;
    read && limit.rlim_cur != libc::RLIM_INFINITY && limit.rlim_cur < 256
}

#[cfg(not(unix))]
fn few_processes_allowed() -> bool {
    false
}

/// Drafts up to this size lint on the calling thread alone when they are the run's only
/// input (see `main`). Measured on two cores, a 6 KB draft was as fast or faster on one
/// thread, a 10 KB one as fast or slower, a 30 KB one 1.3× slower.
const SHORT_DRAFT: u64 = 8 << 10;

/// Whether `paths` is one file of at most [`SHORT_DRAFT`] bytes: a path, or standard input
/// redirected from such a file (`pitchlint - < draft.txt`). Not a folder, and not a pipe,
/// whose size is not known before it is read (and whose writer the packs compile beside).
fn one_short_draft(paths: &[PathBuf]) -> bool {
    let metadata = match paths {
        [] => run::stream_metadata(0),
        [one] if one.as_os_str() == "-" => run::stream_metadata(0),
        [one] => std::fs::metadata(one).ok(),
        _ => None,
    };
    metadata.is_some_and(|m| m.is_file() && m.len() <= SHORT_DRAFT)
}

fn main() -> ExitCode {
    tune_allocator();
    std::panic::set_hook(Box::new(|info| {
        // A thread the system would not start (the process limit was reached while the run
        // was under way): no bug, and no report either.
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.contains("failed to spawn thread")
            || message.contains("global thread pool has not been initialized")
        {
            say!(
                "pitchlint: error: the system would not start a thread (too many processes? see \
                 `ulimit -u`); try again, or with -j 1"
            );
            std::process::exit(i32::from(Status::Error.code()));
        }
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        say!(
            "pitchlint: internal error{at}; this is a bug, please report it with the input that caused it"
        );
    }));
    // (`cli::command_for`: each subcommand's help lists only the options it reads.)
    let parsed = pitchlint::cli::command_for(std::env::args_os().skip(1))
        .try_get_matches()
        .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m));
    let mut cli = match parsed {
        Ok(c) => c,
        // --help and --version, on standard output.
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        // A usage error on one line, as every other error: a CI log or a script's `2>&1 |
        // head -1` keeps the whole of it.
        Err(e) => {
            let message = lint_flag_after_subcommand(&e).unwrap_or_else(|| {
                usage_on_one_line(&e.render().to_string(), missing_values(&e).as_deref())
            });
            let message = as_typed(message);
            say!("pitchlint: error: {message}");
            return ExitCode::from(Status::Error.code());
        }
    };
    // `-o -` is standard output, as `-` is standard input; so is a name for the file standard
    // output writes to (`-o /dev/stdout >> build.log` appends, as `-o -` does: opened anew,
    // the log would be emptied).
    let (stdout_id, stderr_id) = (run::FileId::of_stream(1), run::FileId::of_stream(2));
    // Standard output's own file, named with -o: still no file the run lints (see below).
    let mut named_stdout = None;
    if cli.output.as_deref() == Some(Path::new("-")) {
        cli.output = None;
    } else if let Some(p) = cli.output.as_deref()
        && let Some(id) = stdout_id.as_ref().filter(|id| id.is(p))
    {
        named_stdout = std::fs::metadata(p)
            .is_ok_and(|m| m.is_file())
            .then(|| id.clone());
        cli.output = None;
    }
    // The file standard error writes to (`-o /dev/stderr 2>> build.log`) is written after
    // what is there, as pitchlint's own messages are: never emptied.
    let to_stderr = cli
        .output
        .as_deref()
        .is_some_and(|p| stderr_id.as_ref().is_some_and(|id| id.is(p)));
    // `-j N`: every parallel step (packs compiled, a long file's stages, folders) shares N
    // threads. Without it, rayon starts one per core when first asked. Where the user may
    // start only a few processes (`ulimit -u`), this thread is the pool and the run goes on
    // one step at a time: a thread the system refuses to start would stop the run.
    if few_processes_allowed() {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .use_current_thread()
            .build_global();
    } else if let Some(n) = cli.threads.filter(|&n| n > 0) {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.into())
            .build_global();
    } else if cli.command.is_none() && one_short_draft(&cli.paths) {
        // One short draft (the pre-send check): this thread is the pool. Starting the
        // workers, and their spinning while they wait for work, cost more than the few
        // steps run beside each other save (hyperfine, a 3 KB draft on two cores: 0.3–1.1
        // ms faster in each of ten rounds, and a fifth of the CPU time).
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .use_current_thread()
            .build_global();
    }
    // Stopped by Ctrl-C or a SIGTERM while fixing, pitchlint removes the temporary files of
    // the fixes being written (each original is only ever replaced by a rename) and exits.
    if cli.fix {
        let _ = ctrlc::set_handler(|| {
            let _keep_locked = pitchlint::fix::remove_pending();
            std::process::exit(130);
        });
    }
    // The report's file is created (emptied) only when the report is written, after the
    // rules loaded and the inputs were found: it must be none of the inputs, and a run that
    // stops on a setup error leaves it as it was.
    let output = cli.output.as_ref().map(|p| (p, run::FileId::of(p)));
    if let Some((path, target)) = &output {
        let named = cli.paths.iter().filter(|p| p.as_os_str() != "-");
        let stands_for = cli.stdin_filename.iter();
        // A report file that is not there yet is no input's file, but the name standard
        // input stands for may be one that does not exist yet either: the same path.
        let same = |p: &std::path::Path| match target {
            Some(target) => target.is(p),
            None => std::path::absolute(path).ok() == std::path::absolute(p).ok(),
        };
        if let Some(p) = named.chain(stands_for).find(|p| same(p)) {
            say!(
                "pitchlint: error: {}: --output names an input ({}): the report would overwrite \
                 it",
                pitchlint::render::printable(&path.display().to_string()),
                pitchlint::render::printable(&p.display().to_string())
            );
            return ExitCode::from(Status::Error.code());
        }
        // A file there already is replaced only when it holds nothing or what pitchlint writes
        // (an earlier run's `report.md`): `-o cold/next-draft.txt` meant as an input, a draft
        // the walk leaves out, a rule pack or a config, a link to any of them, a patch or a
        // `package.json` holds something else. Checked again when the file is opened.
        if target.is_some()
            && !to_stderr
            && let Err(why) = replaceable(path)
        {
            say!(
                "pitchlint: error: {}: --output names a file that is there and {why}: the \
                     report would overwrite it; write the report elsewhere, or remove the file \
                     first",
                pitchlint::render::printable(&path.display().to_string())
            );
            return ExitCode::from(Status::Error.code());
        }
    }
    let (mut out, is_terminal) = match cli.output.as_deref() {
        Some(path) => (
            Out::File(Report {
                path,
                file: None,
                append: to_stderr,
            }),
            false,
        ),
        None => {
            let is_terminal = io::stdout().is_terminal();
            // Block-buffered only where no note can land inside a report's line.
            let own_file = stdout_id.is_some() && stdout_id != stderr_id;
            (
                Out::Stdout(stdout_writer(!is_terminal && own_file)),
                is_terminal,
            )
        }
    };
    let mut env = match Env::detect(cli.color, is_terminal) {
        Ok(env) => env,
        Err(e) => {
            say!("pitchlint: error: current folder: {e}");
            return ExitCode::from(Status::Error.code());
        }
    };
    // A report file that is there already must not be a draft a folder walk finds; `--fix -`
    // prints its text on standard output.
    env.output = output.and_then(|(_, t)| t).or(named_stdout);
    let mut stdout = io::stdout().lock();
    let text: Option<&mut dyn Write> = cli.output.is_some().then_some(&mut stdout);
    // The run's notes and errors reach standard error a whole line at a time (see `say!`).
    let mut err = io::LineWriter::new(Stderr);
    let result = run::run(&cli, &mut out, text, &mut err, &env);
    let _ = err.flush();
    // A reader that went away keeps the verdict the run reached (see `run::lint`). A run that
    // reached a verdict has a report file, even an empty one.
    let result = result.and_then(|s| match out.finish() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(s),
    });
    // A config found by walking up, and the packs it lists, are known by absolute paths: an
    // error names them as from here when they are under it (`pitchlint.toml:1:13: …`).
    let result = result.map_err(|e| match e {
        run::RunError::Lint(e) => run::RunError::Lint(e.relative_to(&env.cwd)),
        other => other,
    });
    match result {
        Ok(s) => ExitCode::from(s.code()),
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            let _ = out.flush();
            match (&e, &cli.output) {
                // The report's file, named, as when it could not be created.
                (run::RunError::Io(io), Some(path)) => say!("{}", unwritable(path, io)),
                // A pack's broken rules, all of them: one line each.
                (run::RunError::Lint(e), _) => {
                    for one in e.all() {
                        say!("pitchlint: error: {one}");
                    }
                    // On a pull request, where the broken config or pack is (not into a report
                    // file: a run that stops on a setup error leaves that as it was).
                    if cli.format == pitchlint::render::OutputFormat::Github && cli.output.is_none()
                    {
                        let lines = pitchlint::render::github::setup_errors(e);
                        let _ = out.write_all(lines.as_bytes()).and_then(|()| out.finish());
                    }
                }
                _ => say!("pitchlint: error: {e}"),
            }
            ExitCode::from(Status::Error.code())
        }
    }
}

/// A lint's flag after a subcommand (`pitchlint check-rules --quiet`): said as when it comes
/// before it ("--quiet does not apply to check-rules"), not as clap's tip to pass it as a value.
fn lint_flag_after_subcommand(e: &clap::Error) -> Option<String> {
    use clap::CommandFactory;
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if e.kind() != ErrorKind::UnknownArgument {
        return None;
    }
    let Some(ContextValue::String(arg)) = e.get(ContextKind::InvalidArg) else {
        return None;
    };
    let flag = arg.split_once('=').map_or(arg.as_str(), |(f, _)| f);
    let cmd = Cli::command();
    let known = cmd.get_arguments().any(|a| {
        a.get_long()
            .is_some_and(|l| flag.strip_prefix("--") == Some(l))
            || a.get_short().is_some_and(|c| flag == format!("-{c}"))
    });
    let sub = subcommand_named(&cmd)?;
    known.then(|| pitchlint::tooling::not_applicable(&[flag], sub.get_name()))
}

/// The subcommand the command line names, if any: its first argument that is one's name.
/// (`args_os`: an argument that is no UTF-8, a path, must not panic here.)
fn subcommand_named(cmd: &clap::Command) -> Option<clap::Command> {
    std::env::args_os().skip(1).find_map(|a| {
        let a = a.to_str()?;
        cmd.get_subcommands().find(|s| s.get_name() == a).cloned()
    })
}

/// A missing argument's possible values ("bash, elvish, fish, powershell, zsh" for
/// `pitchlint completions`), which clap's message leaves out, or where to find them (a rule
/// id for `explain`).
fn missing_values(e: &clap::Error) -> Option<String> {
    use clap::CommandFactory;
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if e.kind() != ErrorKind::MissingRequiredArgument {
        return None;
    }
    let Some(ContextValue::Strings(missing)) = e.get(ContextKind::InvalidArg) else {
        return None;
    };
    let cmd = Cli::command();
    // The subcommand's arguments, else the top level's.
    let sub = subcommand_named(&cmd);
    let args: Vec<&clap::Arg> = match &sub {
        Some(s) => s.get_arguments().collect(),
        None => cmd.get_arguments().collect(),
    };
    let lists: Vec<String> = missing
        .iter()
        .filter_map(|m| {
            let arg = args.iter().find(|a| {
                a.get_value_names()
                    .is_some_and(|v| v.iter().any(|n| m.contains(n.as_str())))
            })?;
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            if values.is_empty() {
                // `explain`'s rule: the list is the loaded packs', which `rules` prints.
                return (arg.get_id() == "rule")
                    .then(|| format!("{m} is a rule id, as `pitchlint rules` lists them"));
            }
            // As clap says them for an invalid value.
            Some(format!("possible values: {}", values.join(", ")))
        })
        .collect();
    (!lists.is_empty()).then(|| lists.join("; "))
}

/// clap's usage error (`error: invalid value…`, the possible values, a tip, the usage and a
/// pointer to --help, over several lines) as one line: what is wrong, then the rest in order,
/// then `hint` (a missing argument's possible values).
/// A usage error about `--format` names it `--output-format` when that is how the command
/// line wrote it (clap names an option by its own name, not by the alias typed).
fn as_typed(message: String) -> String {
    let typed = |name: &str| {
        std::env::args_os().skip(1).any(|a| {
            a.to_str()
                .is_some_and(|a| a == name || a.starts_with(&format!("{name}=")))
        })
    };
    if typed("--output-format") && !typed("--format") {
        message.replace("'--format <FORMAT>'", "'--output-format <FORMAT>'")
    } else {
        message
    }
}

fn usage_on_one_line(text: &str, hint: Option<&str>) -> String {
    let mut line = String::new();
    for l in text.lines() {
        let t = l.trim();
        if t.starts_with("Usage:") || t.starts_with("For more information") {
            break;
        }
        if t.is_empty() {
            continue;
        }
        let t = t.strip_prefix("error: ").unwrap_or(t);
        let t = t
            .strip_prefix('[')
            .and_then(|v| v.strip_suffix(']'))
            .unwrap_or(t);
        if !line.is_empty() {
            line.push_str(if line.ends_with(':') { " " } else { "; " });
        }
        line.push_str(t);
    }
    if let Some(hint) = hint {
        line.push_str("; ");
        line.push_str(hint);
    }
    line.push_str(" (see `pitchlint --help`)");
    line
}

/// Whether the report may replace the file at `path`: it is not there, is no regular file (a
/// pipe, `/dev/null`), or holds nothing or what pitchlint writes; else why not.
fn replaceable(path: &Path) -> Result<(), String> {
    match file_head(path) {
        Ok(Some((head, whole))) => {
            let head = String::from_utf8_lossy(&head);
            if pitchlint::render::opens_as_pitchlint_output(&head, whole) {
                Ok(())
            } else {
                Err("holds no pitchlint report (a draft, a rule pack or another file)".into())
            }
        }
        Ok(None) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!(
            "cannot be read to check that it holds no draft ({})",
            pitchlint::error::io_message(&e)
        )),
    }
}

/// The first 4 KB of a regular file (through a link), and whether that is the whole file;
/// `None` for anything else (a pipe, which reading would drain or block on, a device such as
/// `/dev/null`).
fn file_head(path: &Path) -> io::Result<Option<(Vec<u8>, bool)>> {
    use std::io::Read;
    if !std::fs::metadata(path)?.is_file() {
        return Ok(None);
    }
    let mut head = Vec::with_capacity(4097);
    File::open(path)?.take(4097).read_to_end(&mut head)?;
    let whole = head.len() <= 4096;
    head.truncate(4096);
    Ok(Some((head, whole)))
}

/// The report's file (`--output`), created on the first write.
struct Report<'a> {
    path: &'a Path,
    file: Option<BufWriter<File>>,
    /// Whether it is standard error's file: written after what is there.
    append: bool,
}

impl Report<'_> {
    /// The file, created (emptied) if it was not yet: if it is still one the report may
    /// replace (a draft may have been moved there since the run started).
    fn open(&mut self) -> io::Result<&mut BufWriter<File>> {
        let file = match self.file.take() {
            Some(f) => f,
            None if self.append => {
                BufWriter::new(std::fs::OpenOptions::new().append(true).open(self.path)?)
            }
            None => {
                replaceable(self.path)
                    .map_err(|why| io::Error::other(format!("it is there now and {why}")))?;
                BufWriter::new(File::create(self.path)?)
            }
        };
        Ok(self.file.insert(file))
    }
}

/// Where the report goes: standard output, or the `--output` file.
enum Out<'a> {
    Stdout(BufWriter<Box<dyn Write>>),
    File(Report<'a>),
}

/// The report's standard output. Rust's is line-buffered whatever it is: every flush of the
/// report's buffer was searched for its last line break (1.7% of a folder's lint, 2.5% of a
/// long file's, in a helper's instruction counts). Not on a terminal, the report writes to a
/// copy of the descriptor, through one buffer.
///
/// `blocks`: not a terminal, and standard error writes to another file or pipe (with `> log
/// 2>&1` or `2>&1 |` the buffer, written out wherever it ends, would put a note inside a
/// report's line).
fn stdout_writer(blocks: bool) -> BufWriter<Box<dyn Write>> {
    #[cfg(unix)]
    if blocks {
        use std::os::fd::AsFd;
        if let Ok(fd) = io::stdout().as_fd().try_clone_to_owned() {
            return BufWriter::with_capacity(64 << 10, Box::new(File::from(fd)));
        }
    }
    let _ = blocks;
    BufWriter::new(Box::new(io::stdout().lock()))
}

impl Out<'_> {
    /// Flush, creating the report file if nothing was written to it.
    fn finish(&mut self) -> io::Result<()> {
        if let Out::File(r) = self {
            r.open()?;
        }
        self.flush()
    }
}

impl Write for Out<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Out::Stdout(w) => w.write(buf),
            Out::File(r) => r.open()?.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Out::Stdout(w) => w.flush(),
            Out::File(r) => r.file.as_mut().map_or(Ok(()), Write::flush),
        }
    }
}

/// The error for a report file (`--output`) that cannot be created or written.
fn unwritable(path: &Path, e: &io::Error) -> String {
    format!(
        "pitchlint: error: {}: cannot write the report (--output): {}",
        path.display(),
        pitchlint::error::io_message(e)
    )
}
