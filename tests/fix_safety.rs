//! `--fix` loses nothing: a run killed with SIGKILL at any moment leaves the original file or
//! the fully fixed one, never a mix; permissions are kept; a read-only file or folder is a
//! one-line error naming the file; a file that is not UTF-8 is left as it is, with a warning
//! that says why; and fixing twice equals fixing once (a property test on
//! drafts made of the default pack's own substitution phrases).
#![allow(clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;
use proptest::prelude::*;

use pitchlint::document::{self, Format};
use pitchlint::pack;
use pitchlint::score::Gate;
use pitchlint::{Linter, fix, lint};

/// The binary as a `std::process::Command` (these tests spawn it and kill it, which
/// assert_cmd's `Command` cannot), with `--color never`; not `tests/common`'s `pitchlint()`.
fn pitchlint() -> Command {
    let mut c = Command::cargo_bin("pitchlint").unwrap();
    c.env_remove("NO_COLOR").args(["--color", "never"]);
    c
}

/// A large draft with thousands of substitutions (four a line), so that the fixed text takes
/// a while to write.
fn big_draft() -> String {
    let line =
        "We utilize data in order to plan routes. At this point in time we are able to help.\n";
    line.repeat(1_500)
}

/// Temporary files `--fix` may leave beside the file when it is killed before the rename.
fn strays(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(".pitchlint-fix-"))
        })
        .collect()
}

/// `--fix` on `p`, quietly, in the background.
fn spawn_fix(p: &Path) -> std::process::Child {
    pitchlint()
        .args(["--fix", "--quiet", "--min-score", "0"])
        .arg(p)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Wait until `--fix`'s temporary file appears in `dir` (or the run ends).
fn until_temp_file(dir: &Path, child: &mut std::process::Child) {
    while strays(dir).is_empty() && child.try_wait().unwrap().is_none() {
        std::hint::spin_loop();
    }
}

/// The file as one complete `--fix` run leaves it, and how long that run took.
fn fixed_once(dir: &Path, original: &str) -> (Vec<u8>, Duration) {
    let p = dir.join("reference.txt");
    std::fs::write(&p, original).unwrap();
    let start = Instant::now();
    let out = pitchlint()
        .args(["--fix", "--quiet", "--min-score", "0"])
        .arg(&p)
        .output()
        .unwrap();
    let took = start.elapsed();
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let fixed = std::fs::read(&p).unwrap();
    std::fs::remove_file(&p).unwrap();
    (fixed, took)
}

/// Kill `--fix` with SIGKILL many times: in half the rounds at moments spread over a whole run
/// (from the start to past its end), in the other half just after the temporary file appears; after each, the file must be byte-identical to the original or to the
/// fully fixed text. A stray temporary file may remain (the process could not clean up), but
/// only beside an intact file; it is removed before the next round.
#[cfg(unix)]
#[test]
fn a_run_killed_mid_write_leaves_the_old_file_or_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let original = big_draft();
    let (fixed, took) = fixed_once(dir.path(), &original);
    assert_ne!(fixed, original.as_bytes(), "the draft has substitutions");
    assert!(fixed.len() < original.len());
    let p = dir.path().join("draft.txt");
    let rounds: u32 = 25;
    let (mut old, mut new, mut stray_rounds) = (0u32, 0u32, 0u32);
    for i in 0..rounds {
        std::fs::write(&p, &original).unwrap();
        let mut child = spawn_fix(&p);
        let at = if i % 2 == 0 {
            // From 0 to 110% of a whole run, with a little jitter from the round number.
            let at = took.mul_f64(1.1 * f64::from(i) / f64::from(rounds))
                + Duration::from_micros(u64::from(i * 7919 % 3000));
            std::thread::sleep(at);
            at
        } else {
            // Aimed at the write: wait until the temporary file exists, then a few
            // microseconds more (0 to 1.2 ms), so that the kill lands while it is written,
            // synced, or renamed.
            let start = Instant::now();
            until_temp_file(dir.path(), &mut child);
            std::thread::sleep(Duration::from_micros(u64::from(i * 50)));
            start.elapsed()
        };
        let _ = child.kill(); // SIGKILL on Unix; an error only means it already exited.
        child.wait().unwrap();
        let now = std::fs::read(&p).unwrap();
        if now == original.as_bytes() {
            old += 1;
        } else if now == fixed {
            new += 1;
        } else {
            panic!(
                "round {i} (killed after {at:?}): the file is neither the original nor the fixed text ({} bytes)",
                now.len()
            );
        }
        let left = strays(dir.path());
        if !left.is_empty() {
            assert_eq!(
                now,
                original.as_bytes(),
                "a stray temp file beside a fixed file"
            );
            stray_rounds += 1;
            for s in left {
                std::fs::remove_file(s).unwrap();
            }
        }
    }
    eprintln!(
        "{rounds} kills over a {took:?} run: {old} left the original ({stray_rounds} with a stray temporary file), {new} the fixed file"
    );
    assert_eq!(old + new, rounds);
}

/// Stopped by SIGTERM or SIGINT (Ctrl-C) while it writes a fix, `--fix` removes its temporary
/// file before it exits (130), and the file is the original or the fixed text.
#[cfg(unix)]
#[test]
fn a_run_stopped_by_a_signal_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let original = big_draft().repeat(20);
    let (fixed, _) = fixed_once(dir.path(), &original);
    let p = dir.path().join("draft.txt");
    let mut caught = 0;
    for (i, signal) in ["TERM", "INT", "TERM", "INT"].iter().enumerate() {
        std::fs::write(&p, &original).unwrap();
        let mut child = spawn_fix(&p);
        // Wait until the temporary file exists, then signal.
        until_temp_file(dir.path(), &mut child);
        let status = Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        let code = child.wait().unwrap().code();
        if status.success() && code == Some(130) {
            caught += 1;
        }
        assert!(
            strays(dir.path()).is_empty(),
            "round {i} (SIG{signal}): {code:?}"
        );
        let now = std::fs::read(&p).unwrap();
        assert!(now == original.as_bytes() || now == fixed, "round {i}");
    }
    // Most signals land while the fix is written (a run that ended first exits 0 or 1).
    assert!(caught >= 2, "{caught} of 4 signals landed while fixing");
}

#[cfg(unix)]
#[test]
fn fix_keeps_the_file_s_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("draft.txt");
    std::fs::write(&p, "We utilize data in order to plan routes.\n").unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
    let out = pitchlint().arg("--fix").arg(&p).output().unwrap();
    assert!(out.status.code().is_some_and(|c| c < 2));
    assert_eq!(
        std::fs::read_to_string(&p).unwrap(),
        "We use data to plan routes.\n"
    );
    let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    // The set-user-ID and set-group-ID bits too, which a change of owner clears.
    for special in [0o4755, 0o2755] {
        std::fs::write(&p, "We utilize data.\n").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(special)).unwrap();
        let out = pitchlint().arg("--fix").arg(&p).output().unwrap();
        assert!(out.status.code().is_some_and(|c| c < 2));
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "We use data.\n");
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o7777;
        assert_eq!(mode, special, "{special:o} became {mode:o}");
    }
}

/// A file with no write bit is refused by pitchlint itself, so this holds for root too (root
/// could otherwise rename over it, since a rename needs only the folder to be writable).
#[cfg(unix)]
#[test]
fn a_read_only_file_is_a_one_line_error_naming_it() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("draft.txt");
    let text = "We utilize data in order to plan routes.\n";
    std::fs::write(&p, text).unwrap();
    let other = dir.path().join("other.txt");
    std::fs::write(&other, text).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = pitchlint()
        .arg("--fix")
        .arg(&p)
        .arg(&other)
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{err}");
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("draft.txt") && l.contains("error"))
        .collect();
    assert_eq!(
        lines,
        [format!(
            "pitchlint: error: {}: not fixed: the file is read-only (make it writable, or see the changes with --diff)",
            p.display()
        )]
    );
    assert_eq!(std::fs::read_to_string(&p).unwrap(), text);
    // The other file is still fixed.
    assert_eq!(
        std::fs::read_to_string(&other).unwrap(),
        "We use data to plan routes.\n"
    );
}

/// A read-only folder: the temporary file cannot be created, so the file is not fixed and the
/// error names it. Root may write in any folder, so as root the same run must simply succeed
/// and keep the file whole (what this test then checks).
#[cfg(unix)]
#[test]
fn a_read_only_folder_is_an_error_naming_the_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("locked");
    std::fs::create_dir(&sub).unwrap();
    let p = sub.join("draft.txt");
    let text = "We utilize data in order to plan routes.\n";
    std::fs::write(&p, text).unwrap();
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o555)).unwrap();
    let privileged = std::fs::write(sub.join("probe"), "").is_ok();
    let out = pitchlint().arg("--fix").arg(&p).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    let now = std::fs::read_to_string(&p).unwrap();
    if privileged {
        eprintln!("running as a user who may write in a read-only folder (root): checking the fix");
        assert!(out.status.code().is_some_and(|c| c < 2), "{err}");
        assert_eq!(now, "We use data to plan routes.\n");
    } else {
        assert_eq!(out.status.code(), Some(2), "{err}");
        let prefix = format!(
            "pitchlint: error: {}: not fixed: cannot create a temporary file in",
            p.display()
        );
        assert!(err.lines().any(|l| l.starts_with(&prefix)), "{err}");
        assert_eq!(now, text);
    }
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// Phrase fragments from the default pack's substitution rules: every `swap` phrase (with the
/// `~` of inflected words dropped) and every replacement, plus a few plain words.
fn fragments() -> Vec<String> {
    let mut out: Vec<String> = [
        "the", "to", "we", "you", "data", "now", "Friday", "\n\n", ".",
    ]
    .map(String::from)
    .to_vec();
    for source in pack::default_sources() {
        let table: toml::Table = source.text.parse().unwrap();
        let rules = table.get("rule").and_then(|r| r.as_array()).cloned();
        for rule in rules.into_iter().flatten() {
            let Some(swap) = rule.get("swap").and_then(|s| s.as_table()) else {
                continue;
            };
            for (phrase, with) in swap {
                out.push(phrase.replace('~', ""));
                match with {
                    toml::Value::String(s) => out.push(s.clone()),
                    toml::Value::Array(a) => {
                        out.extend(a.iter().filter_map(|v| v.as_str().map(String::from)));
                    }
                    _ => {}
                }
            }
        }
    }
    out
}

/// What `--fix` does to a text draft, through the library: fix until nothing changes.
fn fix_text(linter: &Linter, text: &str) -> Option<String> {
    let report = |text: &str| {
        let doc = document::read("draft.txt", text.as_bytes().to_vec(), Format::Text)?;
        Some(lint(linter, doc, &Gate::default()))
    };
    fix::fixed_fully(&report(text)?, report)
        .ok()
        .flatten()
        .map(|(t, _)| t)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn fixing_twice_equals_fixing_once(
        picks in proptest::collection::vec((any::<prop::sample::Index>(), 0u8..4), 1..40)
    ) {
        static FRAGMENTS: OnceLock<Vec<String>> = OnceLock::new();
        static LINTER: OnceLock<Linter> = OnceLock::new();
        let frags = FRAGMENTS.get_or_init(fragments);
        prop_assert!(frags.len() > 20, "the default pack has substitutions");
        let mut draft = String::new();
        for (i, case) in &picks {
            let f = &frags[i.index(frags.len())];
            match case {
                0 => draft.push_str(&f.to_uppercase()),
                1 => {
                    let mut c = f.chars();
                    if let Some(first) = c.next() {
                        draft.extend(first.to_uppercase());
                        draft.push_str(c.as_str());
                    }
                }
                _ => draft.push_str(f),
            }
            draft.push(' ');
        }
        let linter = LINTER.get_or_init(|| Linter::new(&pack::default_sources()).unwrap());
        if let Some(once) = fix_text(linter, &draft) {
            prop_assert_ne!(&once, &draft);
            let twice = fix_text(linter, &once);
            prop_assert_eq!(twice, None, "fixing {:?} again changed {:?}", draft, once);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Doubled words anywhere in a hard-wrapped paragraph (LF or CRLF): `--fix` removes each
    /// second copy and nothing else. A line keeps its break; a copy alone on its line goes
    /// with that line. The expected text is built beside the draft.
    #[test]
    fn doubled_words_are_fixed_without_joining_lines(
        words in proptest::collection::vec((0usize..8, 0u8..3, any::<bool>(), any::<bool>()), 4..40),
        crlf in any::<bool>(),
    ) {
        const VOCAB: [&str; 8] =
            ["plan", "route", "crate", "lane", "truck", "depot", "pallet", "week"];
        static LINTER: OnceLock<Linter> = OnceLock::new();
        let nl = if crlf { "\r\n" } else { "\n" };
        let head = format!("Hi Dana,{nl}{nl}We move");
        let (mut draft, mut want) = (head.clone(), head);
        let mut last = usize::MAX;
        // Each step: a word (never the one before), then maybe its copy, each after a space or
        // a line break.
        for (i, &(w, sep, doubled, copy_break)) in words.iter().enumerate() {
            let w = if w == last { (w + 1) % VOCAB.len() } else { w };
            last = w;
            let sep = if sep == 0 { nl } else { " " };
            draft.push_str(sep);
            draft.push_str(VOCAB[w]);
            want.push_str(sep);
            want.push_str(VOCAB[w]);
            // The last word has no copy, so that every copy has a word after it.
            if doubled && i + 1 < words.len() {
                let between = if copy_break { nl } else { " " };
                draft.push_str(between);
                draft.push_str(&VOCAB[w].to_uppercase());
                // A copy after a line break with a word after it on its line: the line break
                // stays, the copy and the space after it go. Otherwise the copy goes with
                // what stands before it: a space, or (alone on its line) the line break.
                if copy_break && words[i + 1].1 != 0 {
                    let next = (w + 1) % VOCAB.len();
                    draft.push(' ');
                    draft.push_str(VOCAB[next]);
                    want.push_str(nl);
                    want.push_str(VOCAB[next]);
                    last = next;
                }
            }
        }
        let tail = format!(".{nl}{nl}Can we talk?{nl}{nl}Sam{nl}");
        draft.push_str(&tail);
        want.push_str(&tail);
        let linter = LINTER.get_or_init(|| Linter::new(&pack::default_sources()).unwrap());
        let fixed = fix_text(linter, &draft).unwrap_or_else(|| draft.clone());
        prop_assert_eq!(&fixed, &want, "draft {:?}", draft);
    }
}

/// A file that is not UTF-8 (Latin-1, UTF-16) is linted through a decoding, so writing the
/// fixed text would change bytes the fix never meant to touch: `--fix` leaves it as it is and
/// says why, with where the first byte that is not UTF-8 stands and how to convert it; `--diff`
/// shows no diff for it, and says the same.
#[test]
fn a_file_that_is_not_utf8_is_not_fixed_and_the_warning_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "In order to plan routes, we use data.\n".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    let cases: [(&str, Vec<u8>, &str); 2] = [
        (
            "latin1.txt",
            b"Hi Dana,\n\nIn order to cut caf\xe9 costs, we ship daily.\n".to_vec(),
            "it is not valid UTF-8 (at 3:20), and fixing it would replace those bytes; \
             convert it to UTF-8 first (from Windows' Western encoding, which Latin-1 files \
             are too: iconv -f WINDOWS-1252 -t UTF-8; for an email, change its charset \
             parameter to UTF-8 as well)",
        ),
        ("utf16.txt", utf16, "it is stored as UTF-16"),
    ];
    for (name, bytes, why) in cases {
        let p = dir.path().join(name);
        std::fs::write(&p, &bytes).unwrap();
        let out = pitchlint().arg("--fix").arg(&p).output().unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        let warning = format!("pitchlint: warning: {}: not fixed: {why}", p.display());
        assert!(err.contains(&warning), "{name}: {err}");
        assert_eq!(std::fs::read(&p).unwrap(), bytes, "{name}");
        // --diff shows no change that --fix would not make, and says why.
        let out = pitchlint().arg("--diff").arg(&p).output().unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        let warning = format!("pitchlint: warning: {}: no diff: {why}", p.display());
        assert!(err.contains(&warning), "{name}: {err}");
        assert!(out.stdout.is_empty(), "{name}");
        assert_eq!(out.status.code(), Some(0), "{name}");
    }
}

/// Waits for `child` at most `secs` seconds, and kills it if it is still running (a test that
/// would otherwise hang fails instead).
fn wait_at_most(mut child: std::process::Child, secs: u64) -> std::process::Output {
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(secs) {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "still running after {secs} s; stderr: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// A named pipe is read once: `--fix` and `--diff` do not open it again (which would wait for
/// a writer that never comes), they say why it is not fixed, and the findings still print.
#[cfg(unix)]
#[test]
fn a_named_pipe_is_linted_once_and_not_fixed() {
    for flag in ["--fix", "--diff"] {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("draft.txt");
        let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success());
        let writer = {
            let fifo = fifo.clone();
            std::thread::spawn(move || {
                std::fs::write(fifo, b"We utilize data in order to plan routes.\n").unwrap()
            })
        };
        let child = pitchlint()
            .arg(flag)
            .arg(&fifo)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = wait_at_most(child, 30);
        writer.join().unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        let why = if flag == "--fix" {
            "not fixed"
        } else {
            "no diff"
        };
        assert!(
            err.contains(&format!(
                "{}: {why}: it is not a regular file (a pipe or a device cannot be read again); pipe it to `pitchlint --fix -` instead",
                fifo.display()
            )),
            "{flag}: {err}"
        );
        assert!(!stdout.contains("+++"), "{flag}: {stdout}");
        // Linted all the same (--fix: the finding fails the run); --diff shows no change, so
        // it exits 0, as for a file that is not UTF-8.
        let code = if flag == "--fix" { 1 } else { 0 };
        assert_eq!(out.status.code(), Some(code), "{flag}: {err}\n{stdout}");
        if flag == "--fix" {
            assert!(stdout.contains("utilize"), "{stdout}");
        }
    }
}

/// `/dev/stdin` names a pipe here: it is linted, and `--fix` says why it is not fixed instead
/// of "no such file".
#[cfg(target_os = "linux")]
#[test]
fn dev_stdin_is_linted_and_not_fixed() {
    let mut child = pitchlint()
        .args(["--fix", "/dev/stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(b"We utilize data in order to plan routes.\n")
            .unwrap();
    }
    let out = wait_at_most(child, 30);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("/dev/stdin: not fixed: it is not a regular file"),
        "{err}"
    );
    assert!(!err.contains("No such file"), "{err}");
    assert_eq!(out.status.code(), Some(1), "{err}");
}
