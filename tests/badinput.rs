//! The bad-input matrix: one test per kind of hostile or odd input, run against the real
//! binary. Each case behaves as the README's "Input handling" section says, and none panics.

#![allow(clippy::print_stdout)]

mod common;

use std::io::Read;
use std::path::Path;
use std::process::{Command as StdCommand, Stdio};

use common::pitchlint;
use serde_json::Value;

struct Run {
    json: Value,
    stderr: String,
    code: i32,
}

/// The run failed on an input it could not lint (exit 2), saying `want` on standard error.
fn assert_unread(r: &Run, want: &str) {
    assert!(r.stderr.contains(want), "{want:?} not in {}", r.stderr);
    assert_eq!(r.code, 2, "{}", r.stderr);
}

/// Run with `--format json`, check that it did not panic, and parse stdout.
fn run_json(args: &[&str], dir: &Path, stdin: Option<Vec<u8>>) -> Run {
    let mut c = pitchlint();
    c.current_dir(dir).args(["--format", "json"]).args(args);
    if let Some(s) = stdin {
        c.write_stdin(s);
    }
    let out = c.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let code = out.status.code().unwrap();
    assert_no_panic(code, &stderr);
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\nstderr: {stderr}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    Run { json, stderr, code }
}

fn assert_no_panic(code: i32, stderr: &str) {
    assert_ne!(code, 101, "exit 101 (panic); stderr: {stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("internal error"),
        "panic message on stderr: {stderr}"
    );
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

/// Line and column (1-based, characters) of byte `offset`, computed independently of the
/// library: lines end at `\r\n`, `\n` or a lone `\r`.
fn line_col(text: &str, offset: usize) -> (u64, u64) {
    let (mut line, mut col) = (1, 1);
    let mut it = text[..offset].chars().peekable();
    while let Some(c) = it.next() {
        match c {
            '\r' if it.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                line += 1;
                col = 1;
            }
            _ => col += 1,
        }
    }
    if text[..offset].ends_with('\r') && text[offset..].starts_with('\n') {
        col += 1;
    }
    (line, col)
}

/// Every finding's `text` equals the decoded file at its offsets, and its line and column
/// agree with an independent count.
fn check_positions(file: &Value, decoded: &str) {
    check_positions_after(file, decoded, 0);
}

/// [`check_positions`] for a file whose offsets count `stored` bytes before the decoded text
/// (a UTF-8 byte-order mark).
fn check_positions_after(file: &Value, decoded: &str, stored: usize) {
    for f in file["findings"].as_array().unwrap() {
        let (s, e) = (
            f["offset"].as_u64().unwrap() as usize - stored,
            f["end_offset"].as_u64().unwrap() as usize - stored,
        );
        assert_eq!(f["text"].as_str().unwrap(), &decoded[s..e]);
        let (l, c) = line_col(decoded, s);
        assert_eq!(
            (f["line"].as_u64().unwrap(), f["column"].as_u64().unwrap()),
            (l, c)
        );
        let (l, c) = line_col(decoded, e);
        assert_eq!(
            (
                f["end_line"].as_u64().unwrap(),
                f["end_column"].as_u64().unwrap()
            ),
            (l, c)
        );
    }
}

fn partner_finding(file: &Value) -> &Value {
    file["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["text"].as_str().unwrap().eq_ignore_ascii_case("partner"))
        .unwrap_or_else(|| panic!("no `partner` finding in {file}"))
}

/// Only whole-draft findings (a missing ask, too short…), whose span holds no text.
fn assert_no_text_findings(file: &Value) {
    for f in file["findings"].as_array().unwrap() {
        assert!(f["text"].as_str().unwrap().trim().is_empty(), "{f}");
    }
}

/// Write `files` (name, bytes) into a fresh temporary folder and `run_json(args)` there.
fn run_on(files: &[(&str, &[u8])], args: &[&str]) -> Run {
    let d = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        write(d.path(), name, bytes);
    }
    run_json(args, d.path(), None)
}

/// The file `name` holding `bytes` is linted (exit 0 or 1), counted, and has no text findings.
fn assert_linted_without_text_findings(name: &str, bytes: &[u8]) {
    let r = run_on(&[(name, bytes)], &[name]);
    assert!(r.code <= 1, "exit {}", r.code);
    assert_eq!(r.json["summary"]["files"], 1);
    assert_no_text_findings(&r.json["files"][0]);
}

#[test]
fn empty_file_is_linted_without_text_findings() {
    assert_linted_without_text_findings("empty.txt", b"");
}

#[test]
fn whitespace_only_file_is_linted_without_text_findings() {
    assert_linted_without_text_findings("ws.txt", b" \t\n\r\n  \n\x0b\x0c\n");
}

/// A short cold email that scores a pass with the default packs.
const PASSING_DRAFT: &[u8] = b"Hi Dana,\n\nYour Reno dock turned away 14 trailers last month. \
We run the Sparks dock two miles away and unload within an hour of the slot, as we have for \
Harlow Tools since March.\n\nCould we show you the slot log on Tuesday?\n\nSam\n";

#[test]
fn binary_file_is_skipped_with_a_note() {
    // A draft that passes on its own, so that the exit code says what the skip did.
    let r = run_on(
        &[
            ("a.txt", PASSING_DRAFT),
            ("b.txt", b"PK\x03\x04\0\0\x14\0partner\0\0"),
        ],
        &["."],
    );
    assert!(
        r.stderr.contains("b.txt: skipped: binary file"),
        "{}",
        r.stderr
    );
    assert_eq!(r.json["summary"]["files"], 1);
    assert_eq!(r.json["files"][0]["path"], "./a.txt");
    // The JSON report names what it skipped.
    assert_eq!(
        r.json["unread"],
        serde_json::json!([{"path": "./b.txt", "message": "skipped: binary file", "error": false}])
    );
    assert_eq!(r.code, 0);
}

/// A binary file named on the command line, or piped in, is an error (exit 2), not a pass: a
/// pre-send check of `offer.pdf` must not read as "fine to send". The error names the file
/// and the offset of the NUL byte that shows it binary.
#[test]
fn binary_file_named_or_piped_is_an_error() {
    let r = run_on(
        &[
            ("a.txt", b"Fine text.\n"),
            ("b.txt", b"PK\x03\x04\0\0\x14\0partner\0\0"),
        ],
        &["a.txt", "b.txt"],
    );
    assert!(
        r.stderr.contains(
            "pitchlint: error: b.txt: binary file (a NUL byte at offset 4), not a draft\n"
        ),
        "{}",
        r.stderr
    );
    assert_eq!(r.json["summary"]["files"], 1);
    assert_eq!(r.json["summary"]["errors"], 1);
    assert_eq!(
        r.json["unread"],
        serde_json::json!([{"path": "b.txt", "message": "binary file (a NUL byte at offset 4), not a draft", "error": true}])
    );
    assert_eq!(r.code, 2);

    // A name with a line break is still one line (as every other error's).
    let r = run_on(&[("offer\n.txt", b"a\0b")], &["offer\n.txt"]);
    assert!(
        r.stderr
            .contains("pitchlint: error: offer\u{240a}.txt: binary file (a NUL byte at offset 1)"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);

    // UTF-16 without a byte-order mark (some Windows tools write it) is told apart.
    let utf16: Vec<u8> = "Hi Dana,\r\n\r\nCould we talk?\r\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let r = run_on(&[("w.txt", &utf16)], &["w.txt"]);
    assert_unread(
        &r,
        "w.txt: binary file (a NUL byte at offset 1), not a draft: it reads as UTF-16 without a byte-order mark; save it as UTF-8\n",
    );

    // Named as well as found in a folder named before it: still named (`./d d/b.txt`).
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir(d.path().join("d")).unwrap();
    write(d.path(), "d/b.txt", b"ab\0cd");
    let r = run_json(&["./d", "d/b.txt"], d.path(), None);
    assert_unread(&r, "binary file (a NUL byte at offset 2)");

    let d = tempfile::tempdir().unwrap();
    let r = run_json(&[], d.path(), Some(b"%PDF-1.7\n\0\x01".to_vec()));
    assert_unread(
        &r,
        "-: binary input (a NUL byte in its first 8 KiB), not a draft",
    );
}

/// A sparse file that claims far more than memory holds is read by what it holds (its head
/// shows it binary), not reserved in full (the run aborted: "memory allocation … failed");
/// `--fix -` passes a binary standard input through whole (an editor filter keeps its
/// buffer); a config that is a device is an error, not read without end.
#[cfg(unix)]
#[test]
fn sparse_binary_and_device_inputs_are_read_as_far_as_needed() {
    let d = tempfile::tempdir().unwrap();
    let f = std::fs::File::create(d.path().join("sparse.txt")).unwrap();
    f.set_len(200 << 30).unwrap();
    let r = run_json(&["sparse.txt"], d.path(), None);
    assert_unread(&r, "sparse.txt: binary file (a NUL byte at offset 0)");

    let mut input = b"Hi\0there\n".to_vec();
    input.extend(std::iter::repeat_n(b'x', 20_000));
    let out = pitchlint()
        .current_dir(d.path())
        .args(["--fix", "-"])
        .write_stdin(input.clone())
        .output()
        .unwrap();
    assert_eq!(out.stdout, input);

    std::os::unix::fs::symlink("/dev/zero", d.path().join("pitchlint.toml")).unwrap();
    std::fs::write(d.path().join("d.txt"), "Hi Dana,\n\nCould we talk?\n").unwrap();
    let out = pitchlint()
        .current_dir(d.path())
        .arg("d.txt")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("pitchlint.toml: not a regular file"),
        "{stderr}"
    );
}

/// A binary input is read no further than the head that shows it is binary: `/dev/zero` (a
/// file that never ends) and an endless pipe of NUL bytes are skipped, not read until memory
/// runs out.
/// A binary draft behind a named pipe is an error like any other, without opening the pipe
/// again to find the NUL byte (the writer is gone: that open would wait for ever).
#[cfg(unix)]
#[test]
fn a_binary_fifo_is_an_error_without_hanging() {
    let d = tempfile::tempdir().unwrap();
    let fifo = d.path().join("f.txt");
    assert!(
        StdCommand::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, b"Hi\0there").unwrap())
    };
    let r = run_json(&["f.txt"], d.path(), None);
    writer.join().unwrap();
    assert_unread(&r, "f.txt: binary input");
}

#[cfg(unix)]
#[test]
fn endless_binary_input_is_skipped_after_its_head() {
    let d = tempfile::tempdir().unwrap();
    let r = run_json(&["/dev/zero"], d.path(), None);
    assert_unread(
        &r,
        "/dev/zero: binary input (a NUL byte in its first 8 KiB)",
    );

    let mut child = StdCommand::new(env!("CARGO_BIN_EXE_pitchlint"))
        .args(["--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // Writes until pitchlint stops reading and closes the pipe.
    let writer = std::thread::spawn(move || {
        let zeros = [0u8; 65536];
        while std::io::Write::write_all(&mut stdin, &zeros).is_ok() {}
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("-: binary input"), "{stderr}");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "bad.txt",
        b"caf\xe9 \xff\xfe we partner with you\n",
    );
    let r = run_json(&["bad.txt"], d.path(), None);
    let f = &r.json["files"][0];
    let w = f["warnings"].as_array().unwrap();
    assert!(
        w[0].as_str().unwrap().contains("invalid UTF-8 at 1:4"),
        "{w:?}"
    );
    let decoded = String::from_utf8_lossy(b"caf\xe9 \xff\xfe we partner with you\n");
    check_positions(f, &decoded);
    assert_eq!(partner_finding(f)["column"], 12);
}

#[test]
fn utf8_bom_is_removed_and_columns_do_not_count_it() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "bom.txt", b"\xEF\xBB\xBFWe partner with you.\n");
    let r = run_json(&["bom.txt"], d.path(), None);
    let f = &r.json["files"][0];
    // Offsets are the file's own: the mark's 3 bytes count.
    check_positions_after(f, "We partner with you.\n", 3);
    assert_eq!(partner_finding(f)["column"], 4);
    assert_eq!(partner_finding(f)["offset"], 6);
    assert!(f["warnings"].as_array().unwrap().is_empty());
}

#[test]
fn utf16_with_bom_is_decoded() {
    let d = tempfile::tempdir().unwrap();
    let text = "Hi Dana,\r\n\r\nWe’d love to partner with you.\r\n";
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    write(d.path(), "le.txt", &le);
    write(d.path(), "be.txt", &be);
    for name in ["le.txt", "be.txt"] {
        let r = run_json(&[name], d.path(), None);
        let f = &r.json["files"][0];
        check_positions(f, text);
        let p = partner_finding(f);
        let col = "We’d love to ".chars().count() as u64 + 1;
        assert_eq!(
            (p["line"].as_u64(), p["column"].as_u64()),
            (Some(3), Some(col))
        );
    }
}

#[test]
fn crlf_and_lone_cr_positions_are_right() {
    let d = tempfile::tempdir().unwrap();
    let text = "Hi Dana,\r\n\r\nWe supply cans.\rWill you partner with us?\r\nWe partner\rwell.\n";
    write(d.path(), "crlf.txt", text.as_bytes());
    let r = run_json(&["crlf.txt"], d.path(), None);
    let f = &r.json["files"][0];
    assert!(f["findings"].as_array().unwrap().len() >= 2);
    check_positions(f, text);
    let first = partner_finding(f);
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(4), Some(10))
    );
}

#[test]
fn a_100_mb_single_line_file_is_linted() {
    let d = tempfile::tempdir().unwrap();
    let filler = "The quarterly numbers look steady and the team shipped on time. ";
    let mut text = String::with_capacity(100 << 20);
    text.push_str("Hi Dana, we would love to partner with you. ");
    while text.len() < (100 << 20) - 64 {
        text.push_str(filler);
    }
    text.push_str("Will you partner with us?");
    write(d.path(), "one-line.txt", text.as_bytes());
    // A phrase pack only: this is about reading, matching and positions on one huge line; the
    // default pack's whole-draft measures would only add minutes in a debug build.
    write(
        d.path(),
        "pack.toml",
        b"[pack]\nname = \"p\"\n[[rule]]\nid = \"partner\"\nmessage = \"m\"\nweight = -1\nphrases = [\"partner*\"]\n",
    );
    let r = run_json(
        &["--no-default-rules", "--rules", "pack.toml", "one-line.txt"],
        d.path(),
        None,
    );
    let f = &r.json["files"][0];
    let findings = f["findings"].as_array().unwrap();
    let last = findings
        .iter()
        .rev()
        .find(|x| x["text"] == "partner")
        .unwrap();
    let at = text.rfind("partner").unwrap();
    assert_eq!(last["offset"].as_u64(), Some(at as u64));
    assert_eq!(last["line"].as_u64(), Some(1));
    assert_eq!(last["column"].as_u64(), Some(at as u64 + 1));
}

#[test]
fn a_10000_character_word_is_harmless() {
    let d = tempfile::tempdir().unwrap();
    let text = format!(
        "{} partner {}partner\n",
        "a".repeat(10_000),
        "é".repeat(10_000)
    );
    write(d.path(), "word.txt", text.as_bytes());
    let r = run_json(&["word.txt"], d.path(), None);
    let f = &r.json["files"][0];
    check_positions(f, &text);
    // The second `partner` continues a word of non-ASCII letters: not a whole word.
    let partner: Vec<&Value> = f["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["text"] == "partner")
        .collect();
    assert!(!partner.is_empty());
    assert!(partner.iter().all(|x| x["offset"] == 10_001), "{partner:?}");
    assert_eq!(partner_finding(f)["column"], 10_002);
}

#[test]
fn rtl_combining_marks_and_emoji_count_as_characters() {
    let d = tempfile::tempdir().unwrap();
    // Arabic, e + combining acute (two characters), a family emoji (five characters).
    let text = "مرحبا e\u{301} 👨‍👩‍👧 — partner";
    write(d.path(), "uni.txt", text.as_bytes());
    let r = run_json(&["uni.txt"], d.path(), None);
    let f = &r.json["files"][0];
    check_positions(f, text);
    let before = text[..text.find("partner").unwrap()].chars().count() as u64;
    assert_eq!(before, 17);
    assert_eq!(partner_finding(f)["column"].as_u64(), Some(before + 1));
}

#[test]
fn an_unreadable_file_is_named_and_the_others_are_linted() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.txt", b"We partner with you.\n");
    write(d.path(), "locked.txt", b"secret\n");
    write(d.path(), "z.txt", b"Fine text.\n");
    let locked = d.path().join("locked.txt");
    set_mode(&locked, 0o000);
    let is_root = StdCommand::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let bin = assert_cmd::cargo::cargo_bin("pitchlint");
    let mut cmd = if is_root {
        // Root reads everything: run the binary as `nobody` so that the read really fails.
        if StdCommand::new("setpriv")
            .arg("--version")
            .output()
            .is_err()
        {
            println!("skipped: running as root and `setpriv` is missing, so no read can fail");
            return;
        }
        set_mode(d.path(), 0o755);
        for f in ["a.txt", "z.txt"] {
            set_mode(&d.path().join(f), 0o644);
        }
        let mut c = StdCommand::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin);
        c
    } else {
        StdCommand::new(&bin)
    };
    let out = cmd
        .current_dir(d.path())
        .args(["--format", "json", "."])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let code = out.status.code().unwrap();
    assert_no_panic(code, &stderr);
    assert!(
        stderr.contains("locked.txt: permission denied"),
        "stderr: {stderr}"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["files"], 2);
    assert_eq!(v["summary"]["errors"], 1);
    assert_eq!(code, 2);
}

/// A missing path that is the name of an option, another linter's command or a mistyped
/// subcommand says what was likely meant; the rest is linted.
#[test]
fn a_missing_path_that_names_an_option_gets_a_hint() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.txt", b"Fine text.\n");
    for (word, hint) in [
        (
            "stats",
            "stats: no such file or directory (did you mean `--stats`?)",
        ),
        (
            "diff",
            "diff: no such file or directory (did you mean `--diff`?)",
        ),
        (
            "check",
            "check: no such file or directory (pitchlint lints the paths it is given",
        ),
        ("drafts", "drafts: no such file or directory\n"),
    ] {
        let r = run_json(&[word, "a.txt"], d.path(), None);
        assert!(r.stderr.contains(hint), "{word}: {}", r.stderr);
        assert_eq!((r.json["summary"]["files"].as_u64(), r.code), (Some(1), 2));
    }
    // A subcommand mistyped as the first word: its arguments are no paths, so the hint is the
    // one line of the run (no "no such file" for `sales/hype`, no summary), exit 2.
    let out = pitchlint()
        .current_dir(d.path())
        .args(["expain", "sales/hype"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr,
        "pitchlint: error: expain: no such file or directory (did you mean the subcommand `pitchlint explain`?)\n"
    );
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(out.status.code(), Some(2));
    // Later in the line it is a path like any other: the hint, and the rest is linted.
    let r = run_json(&["a.txt", "expain"], d.path(), None);
    assert!(
        r.stderr.contains(
            "expain: no such file or directory (did you mean the subcommand `pitchlint explain`?)"
        ),
        "{}",
        r.stderr
    );
    assert_eq!((r.json["summary"]["files"].as_u64(), r.code), (Some(1), 2));
    // A file of that name is linted as any other.
    write(d.path(), "stats", b"Fine text.\n");
    let r = run_json(&["stats"], d.path(), None);
    assert!(!r.stderr.contains("did you mean"), "{}", r.stderr);
    assert_eq!(r.json["summary"]["files"], 1);
}

fn set_mode(p: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn a_missing_path_is_an_error_and_the_rest_is_linted() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.txt", b"Fine text.\n");
    let r = run_json(&["missing.txt", "a.txt"], d.path(), None);
    assert!(
        r.stderr.contains("missing.txt: no such file or directory"),
        "{}",
        r.stderr
    );
    assert_eq!(r.json["summary"]["files"], 1);
    // The JSON report names what it could not read, as SARIF and JUnit do.
    let unread = r.json["unread"].as_array().unwrap();
    assert_eq!(unread.len(), 1);
    assert_eq!(unread[0]["path"], "missing.txt");
    assert_eq!(unread[0]["error"], true);
    // The path stands beside the message, not in it (as for a binary file's note).
    assert_eq!(unread[0]["message"], "no such file or directory");
    assert_eq!(r.code, 2);
    // --stats --format json names them the same way.
    write(d.path(), "b.txt", b"a\0b");
    let out = pitchlint()
        .current_dir(d.path())
        .args([
            "--stats",
            "--format",
            "json",
            "missing.txt",
            "b.txt",
            "a.txt",
        ])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["files"].as_array().unwrap().len(), 1);
    assert_eq!(
        json["unread"],
        serde_json::json!([
            {"path": "missing.txt", "message": "no such file or directory", "error": true},
            {"path": "b.txt", "message": "binary file (a NUL byte at offset 1), not a draft", "error": true},
        ])
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn symlink_loops_neither_hang_nor_crash() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("docs");
    std::fs::create_dir(&dir).unwrap();
    write(&dir, "a.txt", b"We partner with you.\n");
    std::os::unix::fs::symlink("..", dir.join("up")).unwrap();
    std::os::unix::fs::symlink("docs", dir.join("self")).unwrap();
    // A loop inside a folder: links are not followed, so each file is linted once.
    let r = run_json(&["docs"], d.path(), None);
    assert_eq!(r.json["summary"]["files"], 1);
    // A loop named on the command line: an error that names it.
    std::os::unix::fs::symlink("loop-b.txt", d.path().join("loop-a.txt")).unwrap();
    std::os::unix::fs::symlink("loop-a.txt", d.path().join("loop-b.txt")).unwrap();
    let r = run_json(&["loop-a.txt", "docs"], d.path(), None);
    assert!(r.stderr.contains("loop-a.txt: "), "{}", r.stderr);
    assert_eq!(r.json["summary"]["files"], 1);
    assert_eq!(r.code, 2);
}

#[test]
fn dev_null_and_empty_stdin_are_empty_drafts() {
    // An empty draft is linted, has one error finding (pitchlint/empty-draft) and fails.
    let d = tempfile::tempdir().unwrap();
    let r = run_json(&["/dev/null"], d.path(), None);
    assert_eq!(r.json["files"][0]["path"], "/dev/null");
    assert_eq!(
        r.json["files"][0]["findings"][0]["rule"],
        "pitchlint/empty-draft"
    );
    assert_eq!(r.code, 1);
    let r = run_json(&["-"], d.path(), Some(Vec::new()));
    assert_eq!(r.json["files"][0]["path"], "-");
    assert_eq!(
        r.json["files"][0]["findings"][0]["rule"],
        "pitchlint/empty-draft"
    );
    assert_eq!(r.code, 1);
}

#[test]
fn closed_stdin_reads_as_empty() {
    let bin = assert_cmd::cargo::cargo_bin("pitchlint");
    let out = StdCommand::new("sh")
        .arg("-c")
        .arg(r#"exec "$0" --format json - <&-"#)
        .arg(&bin)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_no_panic(out.status.code().unwrap(), &stderr);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["files"], 1);
    assert_eq!(
        v["files"][0]["findings"][0]["rule"],
        "pitchlint/empty-draft"
    );
    assert_eq!(out.status.code(), Some(1));
}

/// `pitchlint big-folder | head -1`: the reader goes away; pitchlint ends quietly, with the
/// gate's verdict on every draft: 1 when one of them failed (so that a cut run in a
/// `pipefail` script never passes), 0 when all passed, whenever the reader left. (It once
/// gave the verdict on the drafts linted before the reader left: a failing draft after the
/// cut, or a SARIF header written before any draft, made the exit code depend on timing.)
#[test]
fn stdout_closed_early_exits_quietly_with_the_verdict_on_every_draft() {
    let d = tempfile::tempdir().unwrap();
    for i in 0..300 {
        write(
            d.path(),
            &format!("{i:03}.txt"),
            "We would love to partner with you and circle back.\n"
                .repeat(20)
                .as_bytes(),
        );
    }
    let good = tempfile::tempdir().unwrap();
    let better = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/better-pitch.txt"
    ))
    .unwrap();
    for i in 0..300 {
        write(good.path(), &format!("{i:03}.txt"), &better);
    }
    // 300 good drafts, then one that fails: the cut comes long before it.
    let late = tempfile::tempdir().unwrap();
    for i in 0..300 {
        write(late.path(), &format!("{i:03}.txt"), &better);
    }
    write(
        late.path(),
        "999.txt",
        b"We would love to partner with you and circle back.\n",
    );
    for (dir, format, verdict) in [
        (d.path(), "human", 1),
        (d.path(), "json", 1),
        (good.path(), "human", 0),
        (good.path(), "sarif", 0),
        (late.path(), "human", 1),
        (late.path(), "json", 1),
        (late.path(), "jsonl", 1),
        (late.path(), "sarif", 1),
        (late.path(), "junit", 1),
        (late.path(), "github", 1),
        (late.path(), "concise", 1),
    ] {
        let out = run_cut(&["--format", format, "--color", "never", "."], dir);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_no_panic(out.status.code().unwrap(), &stderr);
        assert!(stderr.is_empty(), "{format}: stderr: {stderr}");
        assert_eq!(
            out.status.code(),
            Some(verdict),
            "{format} {}",
            dir.display()
        );
    }
    // Standard output closed before the start.
    let out = StdCommand::new("sh")
        .arg("-c")
        .arg(r#"exec "$0" . >&-"#)
        .arg(assert_cmd::cargo::cargo_bin("pitchlint"))
        .current_dir(d.path())
        .output()
        .unwrap();
    assert_no_panic(
        out.status.code().unwrap(),
        &String::from_utf8_lossy(&out.stderr),
    );
}

/// Random bytes, odd encodings and control characters on standard input: never exit 101.
#[test]
fn fuzzish_inputs_never_panic() {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let alphabet: &[&[u8]] = &[
        b"partner",
        b" ",
        b"\n",
        b"\r",
        b"\r\n",
        b"Hi Dana,",
        b"Best,",
        b"-- ",
        b"> ",
        b"\xEF\xBB\xBF",
        b"\xFF\xFE",
        b"\xFE\xFF",
        b"\xC3",
        b"\xA9",
        b"\xE2\x80\x99",
        b"\0",
        b"On Mon wrote:",
        b"*",
        b"circle back",
        b"\xF0\x9F\x98\x80",
        b"\xCC\x81",
        b"Subject:",
        b"\t",
        b"e",
    ];
    for _ in 0..40 {
        let n = (next() % 200) as usize;
        let mut bytes = Vec::new();
        for _ in 0..n {
            bytes.extend_from_slice(alphabet[(next() % alphabet.len() as u64) as usize]);
        }
        let out = pitchlint()
            .args(["--format", "json", "-"])
            .write_stdin(bytes.clone())
            .output()
            .unwrap();
        let code = out.status.code().unwrap();
        assert_no_panic(code, &String::from_utf8_lossy(&out.stderr));
        assert!(code <= 2, "exit {code} for {bytes:?}");
    }
}

/// A pattern too large to compile is one clear error naming its rule, even when a selection
/// leaves that rule out (a broken pack never passes); with the rule kept, at the line and
/// column of its pattern.
#[test]
fn an_oversized_regex_is_a_clear_error() {
    let d = tempfile::tempdir().unwrap();
    let pack = "[pack]\nname = \"big\"\n\n[[rule]]\nid = \"huge\"\nmessage = \"m\"\nweight = -1\npattern = '(?:\\w{100}){100}x'\n\n[[rule]]\nid = \"ok\"\nmessage = \"m\"\nweight = -1\nphrases = [\"Globex\"]\n";
    write(d.path(), "big.toml", pack.as_bytes());
    write(d.path(), "a.txt", b"Globex text\n");
    for selection in [&[][..], &["--ignore", "big/huge"], &["--select", "big/ok"]] {
        let out = pitchlint()
            .current_dir(d.path())
            .args(["--rules", "big.toml", "a.txt"])
            .args(selection)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_no_panic(out.status.code().unwrap(), &stderr);
        assert_eq!(out.status.code(), Some(2), "{selection:?}: {stderr}");
        assert!(
            stderr.contains("big.toml")
                && stderr.contains("rule `huge`")
                && stderr.contains("too large"),
            "{selection:?}: {stderr}"
        );
        assert_eq!(stderr.trim().lines().count(), 1, "one line: {stderr}");
        if selection.is_empty() {
            assert!(stderr.contains("big.toml:8:11: rule `huge`"), "{stderr}");
        }
    }
}

/// A pack of 100,000 phrases loads and finds what it lists, in curly-quote, hyphen and
/// upper-case variants, at the right place. (How fast: `cargo bench --bench matcher --
/// compile/100k`, and `benches/HISTORY.md`: session 2 loaded it in 0.5 s.)
#[test]
fn a_pack_of_100000_phrases_loads_and_matches() {
    let d = tempfile::tempdir().unwrap();
    let mut pack = String::from(
        "[pack]\nname = \"big\"\n\n[[rule]]\nid = \"list\"\nmessage = \"m\"\nweight = -1\nphrases = [\n",
    );
    for i in 0..100_000u32 {
        pack.push_str(&format!("  \"w{i} x{} it's\",\n", i % 97));
    }
    pack.push_str("  \"state-of-the-art\",\n]\n");
    write(d.path(), "big.toml", pack.as_bytes());
    let draft = "Hi,\n\nOur W97087 X87 IT’S plan is State of the\nArt. w1 x2 it's no.\n";
    write(d.path(), "a.txt", draft.as_bytes());
    let out = pitchlint()
        .current_dir(d.path())
        .args([
            "--no-default-rules",
            "--rules",
            "big.toml",
            "--format",
            "json",
            "a.txt",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_no_panic(out.status.code().unwrap(), &stderr);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let texts: Vec<&str> = v["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["W97087 X87 IT’S", "State of the\nArt"], "{v}");
}

#[test]
fn a_deeply_nested_regex_is_a_clear_error() {
    let d = tempfile::tempdir().unwrap();
    let re = format!("{}x{}", "(".repeat(400), ")".repeat(400));
    let pack = format!(
        "[pack]\nname = \"deep\"\n\n[[rule]]\nid = \"deep\"\nmessage = \"m\"\nweight = -1\npattern = '{re}'\n"
    );
    write(d.path(), "deep.toml", pack.as_bytes());
    write(d.path(), "a.txt", b"text\n");
    let out = pitchlint()
        .current_dir(d.path())
        .args(["--rules", "deep.toml", "a.txt"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_no_panic(out.status.code().unwrap(), &stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains("deep.toml:8:") && stderr.contains("nest"),
        "stderr: {stderr}"
    );
}

/// A subcommand whose reader has gone before it writes (`pitchlint rules --json | head -c 1`)
/// stops quietly too: `rules --json` once reported "writing output: Broken pipe", exit 2.
#[test]
fn a_subcommand_with_its_stdout_closed_exits_quietly() {
    for args in [
        &["rules", "--json"][..],
        &["rules"],
        &["explain", "partner-close"],
    ] {
        let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("pitchlint"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
    }
}

/// A draft given to `--rules` by mistake: one line saying it is no pack, not a TOML syntax
/// error from its first line.
#[test]
fn a_draft_given_as_a_rule_pack_is_named_as_no_pack() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "draft.txt", b"Hi Dana,\n\nCould we talk?\n");
    let out = pitchlint()
        .current_dir(d.path())
        .args(["--rules", "draft.txt", "draft.txt"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_no_panic(out.status.code().unwrap(), &stderr);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr,
        "pitchlint: error: draft.txt: not a rule pack: packs are .toml files (a draft to lint is a path to lint, not a pack)\n"
    );
}

/// Neither a config file nor a device is read as a rule pack: a config named as a pack is named
/// as a config, a folder of packs that holds the config (`packs = ["."]`) skips it, and a
/// `.toml` that is a link to /dev/zero is refused, not read without end.
#[test]
fn a_config_or_a_device_is_no_rule_pack() {
    let d = tempfile::tempdir().unwrap();
    let pack = "[pack]\nname = \"team\"\n\n[[rule]]\nid = \"no-synergy\"\nkind = \"phrase\"\nphrases = [\"synergy\"]\nweight = -5\nmessage = \"Say what you do.\"\n";
    write(d.path(), "team.toml", pack.as_bytes());
    write(
        d.path(),
        "draft.txt",
        b"Hi Dana,\n\nWe bring synergy.\n\nCould we talk?\n",
    );
    let run = |args: &[&str]| {
        let out = pitchlint()
            .current_dir(d.path())
            .args(args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_no_panic(out.status.code().unwrap(), &stderr);
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr,
            out.status.code(),
        )
    };
    write(d.path(), "pitchlint.toml", b"packs = [\".\"]\n");
    let (out, err, _) = run(&["--format", "concise", "draft.txt"]);
    assert!(out.contains("[team/no-synergy]"), "{out}{err}");
    let (_, err, code) = run(&["--rules", "pitchlint.toml", "draft.txt"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("pitchlint.toml: a config file, not a rule pack"),
        "{err}"
    );
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("/dev/zero", d.path().join("zero.toml")).unwrap();
        let (_, err, code) = run(&["--rules", "zero.toml", "draft.txt"]);
        assert_eq!(code, Some(2));
        assert_eq!(
            err,
            "pitchlint: error: zero.toml: not a regular file: a rule pack is TOML text\n"
        );
    }
}

/// Standard error that cannot be written (full, or a pipe nobody reads) changes neither the
/// verdict nor the report: its notes are dropped. It aborted (a panic while printing the
/// error), and a closed pipe on standard error passed a failing draft with an empty report.
#[test]
fn an_unwritable_standard_error_changes_neither_verdict_nor_report() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("d.txt");
    // Not UTF-8: a note on standard error; and a failing draft.
    std::fs::write(&draft, b"Hi D\xffna, we leverage synergy.\n").unwrap();
    let bin = env!("CARGO_BIN_EXE_pitchlint");
    let normal = StdCommand::new(bin)
        .args(["--format", "json"])
        .arg(&draft)
        .output()
        .unwrap();
    assert_eq!(normal.status.code(), Some(1));
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut sinks: Vec<Stdio> = vec![Stdio::from(writer)];
    if Path::new("/dev/full").exists() {
        sinks.push(Stdio::from(std::fs::File::create("/dev/full").unwrap()));
    }
    for sink in sinks {
        let out = StdCommand::new(bin)
            .args(["--format", "json"])
            .arg(&draft)
            .stderr(sink)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(out.stdout, normal.stdout);
    }
    // An error that cannot be printed still exits 2.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = StdCommand::new(bin)
        .arg(dir.path().join("missing.txt"))
        .stderr(Stdio::from(writer))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// `pitchlint --diff big.txt | head -1`: a cut diff keeps `--diff`'s verdict, 1 when a file
/// would change (it exited 0).
#[test]
fn a_cut_diff_keeps_its_verdict() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "long.txt",
        "We utilize the the lanes. ".repeat(40_000).as_bytes(),
    );
    let out = run_cut(&["--diff", "long.txt"], d.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_no_panic(out.status.code().unwrap(), &stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
}

/// pitchlint run with `args` in `dir`, its output read for 64 bytes and then closed: a reader
/// that goes away, as `| head -c 64` does.
fn run_cut(args: &[&str], dir: &Path) -> std::process::Output {
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("pitchlint"))
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

/// The human summary counts inputs that could not be read apart from findings, in words that
/// cannot be read as a finding's severity ("1 error").
#[test]
fn the_summary_counts_unread_inputs_as_such() {
    let out = pitchlint()
        .args([
            "--color",
            "never",
            "no-such-draft.txt",
            "tests/fixtures/better-pitch.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let last = stdout.lines().last().unwrap_or_default();
    assert!(last.starts_with("1 file: 1 passed, 0 failed"), "{stdout}");
    assert!(
        last.ends_with(", 1 input not read or written (see above)"),
        "{last}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no-such-draft.txt: no such file or directory"),
        "{stderr}"
    );
}

/// A mistyped flag or value is one line on standard error, as every other error is, with
/// what is wrong, the values it takes and clap's suggestion; exit 2. Help and version print
/// on standard output, exit 0.
#[test]
fn usage_errors_are_one_line() {
    for (args, want) in [
        (
            &["--profile", "followup", "x.txt"][..],
            "pitchlint: error: invalid value 'followup' for '--profile <NAME>'; possible values: first-touch, follow-up, proposal; tip: a similar value exists: 'follow-up' (see `pitchlint --help`)\n",
        ),
        (
            &["--formt", "json", "x.txt"],
            "pitchlint: error: unexpected argument '--formt' found; tip: a similar argument exists: '--format' (see `pitchlint --help`)\n",
        ),
        (
            &["explain"],
            "pitchlint: error: the following required arguments were not provided: <RULE>; <RULE> is a rule id, as `pitchlint rules` lists them (see `pitchlint --help`)\n",
        ),
        (
            &["completions"],
            "pitchlint: error: the following required arguments were not provided: <SHELL>; possible values: bash, elvish, fish, powershell, zsh (see `pitchlint --help`)\n",
        ),
    ] {
        let out = pitchlint().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), want, "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    // An argument that is no UTF-8 (a path) brings no panic, and the hint stays.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bad = std::ffi::OsStr::from_bytes(b"x\xff.toml");
        for sub in ["completions", "explain"] {
            let out = pitchlint()
                .arg("--rules")
                .arg(bad)
                .arg(sub)
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(2), "{sub}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(err.lines().count(), 1, "{err}");
            assert!(
                err.contains("possible values: bash") || err.contains("is a rule id"),
                "{err}"
            );
        }
    }
    for flag in ["--help", "--version"] {
        let out = pitchlint().arg(flag).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{flag}");
        assert!(
            out.stdout.starts_with(b"A fast linter") || out.stdout.starts_with(b"pitchlint "),
            "{flag}"
        );
        assert!(out.stderr.is_empty(), "{flag}");
    }
}

/// A folder of packs given to `--rules` with several broken ones: every broken pack is named,
/// each of its mistakes on a line of its own, in file order, as `check-rules` names them; and
/// every unreadable one, when some cannot be read at all.
#[test]
fn every_broken_pack_of_a_folder_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let packs = dir.path().join("packs");
    std::fs::create_dir(&packs).unwrap();
    std::fs::write(packs.join("a.toml"), "x = 1\n").unwrap();
    std::fs::write(
        packs.join("b.toml"),
        "[pack]\nname = \"b\"\n[[rule]]\nid = \"r\"\nmessage = \"m\"\nweight = -1\npattern = \"((\"\n",
    )
    .unwrap();
    std::fs::write(
        packs.join("c.toml"),
        "[pack]\nname = \"c\"\n[[rule]]\nid = \"r\"\nphrases = [\"x\"\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("d.txt"), "Hi Dana,\n\nCan we talk?\n").unwrap();
    let lint = |rules: &str| {
        let out = pitchlint()
            .current_dir(dir.path())
            .args(["--rules", rules, "d.txt"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        String::from_utf8(out.stderr).unwrap()
    };
    let err = lint("packs");
    let files: Vec<&str> = err
        .lines()
        .map(|l| {
            let l = l.strip_prefix("pitchlint: error: ").unwrap_or(l);
            l.split(':').next().unwrap_or_default()
        })
        .collect();
    assert!(
        files.contains(&"packs/a.toml") && files.contains(&"packs/b.toml"),
        "{err}"
    );
    assert!(files.contains(&"packs/c.toml"), "{err}");
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted, "{err}");
    assert!(err.contains("packs/b.toml:7:"), "{err}");
    // A pack named as another is one more error among them, not the only one.
    for (file, phrase) in [("b2.toml", "b"), ("b3.toml", "c")] {
        let pack = format!(
            "[pack]\nname = \"x\"\n[[rule]]\nid = \"r\"\nweight = -2\nmessage = \"m\"\nphrases = [\"{phrase}\"]\n"
        );
        std::fs::write(packs.join(file), pack).unwrap();
    }
    let err = lint("packs");
    assert!(
        err.contains("packs/b3.toml:2:8: pack name `x` is already used by packs/b2.toml"),
        "{err}"
    );
    assert!(
        err.contains("packs/a.toml:") && err.contains("packs/c.toml:"),
        "{err}"
    );
    // A pack without rules has its name too.
    std::fs::write(packs.join("b4.toml"), "[pack]\nname = \"x\"\n").unwrap();
    let err = lint("packs");
    assert!(
        err.contains("packs/b4.toml:2:8: pack name `x` is already used by packs/b2.toml"),
        "{err}"
    );
    // Two files that cannot be read: both named (before any is compiled). One saved as
    // UTF-16 (a Windows editor's "Unicode") is told how to fix it.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("[pack]\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(packs.join("e.toml"), utf16).unwrap();
    std::fs::write(packs.join("f.toml"), b"\xff bad").unwrap();
    let err = lint("packs");
    assert!(
        err.contains(
            "packs/e.toml:1:1: rule pack is not valid UTF-8: it is UTF-16 (it starts with a \
             UTF-16 byte-order mark); save it as UTF-8\n"
        ),
        "{err}"
    );
    assert!(
        err.contains("packs/f.toml:1:1: rule pack is not valid UTF-8\n"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 2, "{err}");
}

/// A symbolic link to nothing in a folder of packs is an error naming it, for a lint and for
/// check-rules, not a pack skipped unsaid (a team's rule would silently stop applying).
#[cfg(unix)]
#[test]
fn a_dangling_link_in_a_pack_folder_is_named() {
    let d = tempfile::tempdir().unwrap();
    let packs = d.path().join("packs");
    std::fs::create_dir(&packs).unwrap();
    let pack = "[pack]\nname = \"team\"\n\n[[rule]]\nid = \"no-synergy\"\nkind = \"phrase\"\nphrases = [\"synergy\"]\nweight = -5\nmessage = \"Say what you do.\"\n";
    write(&packs, "team.toml", pack.as_bytes());
    std::os::unix::fs::symlink(d.path().join("moved.toml"), packs.join("gone.toml")).unwrap();
    write(d.path(), "draft.txt", b"Hi Dana,\n\nCould we talk?\n");
    for args in [
        &["--rules", "packs", "draft.txt"][..],
        &["check-rules", "--rules", "packs"][..],
    ] {
        let out = pitchlint()
            .current_dir(d.path())
            .args(args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_no_panic(out.status.code().unwrap(), &stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr
                .lines()
                .any(|l| l.starts_with("pitchlint: error: packs/gone.toml: no such file")),
            "{args:?}: {stderr}"
        );
    }
}

/// A full disk behind standard output is one line naming standard output, exit 2.
#[cfg(target_os = "linux")]
#[test]
fn a_full_standard_output_is_named() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "draft.txt", b"Hi Dana,\n\nWe utilize synergy.\n");
    let out = StdCommand::new(env!("CARGO_BIN_EXE_pitchlint"))
        .env_remove("NO_COLOR")
        .args(["--color", "never", "draft.txt"])
        .current_dir(d.path())
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_no_panic(out.status.code().unwrap(), &stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(
        stderr,
        "pitchlint: error: writing to standard output: no space left on device\n"
    );
}

/// A folder that cannot be read is an error naming it, and no "no drafts found" note beside
/// it (which said the folder held none). Root reads any folder, so as root the binary runs as
/// `nobody` through util-linux's `setpriv` (CI runs as root).
#[test]
fn an_unreadable_folder_is_an_error_without_a_contradicting_note() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mode =
        |p: &Path, m: u32| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
    std::fs::create_dir_all(d.join("drafts/locked")).unwrap();
    std::fs::write(d.join("drafts/locked/a.txt"), "Will you partner with us?\n").unwrap();
    let bin = d.join("pitchlint");
    std::fs::copy(assert_cmd::cargo::cargo_bin("pitchlint"), &bin).unwrap();
    mode(d, 0o755);
    mode(&d.join("drafts"), 0o755);
    mode(&bin, 0o755);
    mode(&d.join("drafts/locked"), 0o000);
    let mut cmd = if running_as_root() {
        let mut c = StdCommand::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin);
        c
    } else {
        StdCommand::new(&bin)
    };
    let out = cmd.arg("drafts").current_dir(d).output();
    mode(&d.join("drafts/locked"), 0o755);
    let out = out.expect("setpriv (util-linux) runs the binary as nobody");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("pitchlint: error: drafts/locked: permission denied"),
        "{err}"
    );
    assert!(!err.contains("no drafts found"), "{err}");
}

/// Whether the tests run as root (uid 0), read from /proc (no libc call).
fn running_as_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .and_then(|l| l.split_whitespace().nth(1).map(|u| u == "0"))
        })
        .unwrap_or(false)
}
