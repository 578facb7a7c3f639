//! `--fix` and `--diff` through the real binary, on real files in a temporary folder.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;

const DRAFT: &str = "Hi Dana,\n\nWe utilize data in order to plan the the routes for plants like yours.\nAt this point in time your Ohio lane runs late.\n\nCould we talk on Tuesday?\n\nBest,\nSam\n";
const FIXED: &str = "Hi Dana,\n\nWe use data to plan the routes for plants like yours.\nNow your Ohio lane runs late.\n\nCould we talk on Tuesday?\n\nBest,\nSam\n";

/// The shared binary, with `--color never` as well.
fn pitchlint_colorless() -> Command {
    let mut c = common::pitchlint();
    c.args(["--color", "never"]);
    c
}

fn draft() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("draft.txt");
    std::fs::write(&p, DRAFT).unwrap();
    (dir, p)
}

#[test]
fn diff_shows_a_unified_diff_and_writes_nothing() {
    let (_dir, p) = draft();
    pitchlint_colorless()
        .arg("--diff")
        .arg(&p)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!("--- {}\n", p.display())))
        .stdout(predicate::str::contains(format!("+++ {}\n", p.display())))
        .stdout(predicate::str::contains("@@ "))
        .stdout(predicate::str::contains(
            "-We utilize data in order to plan the the routes for plants like yours.\n",
        ))
        .stdout(predicate::str::contains(
            "+We use data to plan the routes for plants like yours.\n",
        ))
        .stdout(predicate::str::contains("+Now your Ohio lane runs late.\n"));
    // `--exit-zero` holds for a diff too: the same diff, exit 0.
    pitchlint_colorless()
        .args(["--diff", "--exit-zero"])
        .arg(&p)
        .assert()
        .success()
        .stdout(predicate::str::contains("@@ "));
    assert_eq!(std::fs::read_to_string(&p).unwrap(), DRAFT);
}

/// Apply `patch` in `dir` with `git apply`, which must take it (the patch file is removed
/// after, so that a later lint of `dir` does not find it).
fn git_apply(dir: &std::path::Path, patch: &str) {
    let file = dir.join("fix.patch");
    std::fs::write(&file, patch).unwrap();
    let git = std::process::Command::new("git")
        .args(["apply", "--unsafe-paths", "fix.patch"])
        .current_dir(dir)
        .output()
        .unwrap();
    std::fs::remove_file(&file).unwrap();
    assert!(
        git.status.success(),
        "{}\n{patch}",
        String::from_utf8_lossy(&git.stderr)
    );
}

/// A walk of `.` names files `./draft.txt`; the patch names them as `git diff` does, and
/// `git apply` takes it.
#[test]
fn a_diff_of_the_current_folder_applies_with_git() {
    let (dir, _p) = draft();
    let out = pitchlint_colorless()
        .args(["--diff", "."])
        .current_dir(dir.path())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let patch = String::from_utf8(out).unwrap();
    assert!(
        patch.starts_with("--- a/draft.txt\n+++ b/draft.txt\n"),
        "{patch}"
    );
    git_apply(dir.path(), &patch);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("draft.txt")).unwrap(),
        FIXED
    );
}

/// Lone-CR line ends and a name with a line break still make a patch `git apply` takes: lines
/// end at `\n` only, as for git, and the name is quoted as git quotes it (a review found both
/// patches refused).
#[test]
fn a_diff_of_odd_line_ends_and_names_applies_with_git() {
    let dir = tempfile::tempdir().unwrap();
    let cr = "Hi Dana,\r\rWe utilize rail. Could we talk on Tuesday?\r\rThanks,\rSam\r";
    std::fs::write(dir.path().join("cr.txt"), cr).unwrap();
    std::fs::write(
        dir.path().join("a\nb.txt"),
        "Hi Dana,\n\nWe utilize rail.\n",
    )
    .unwrap();
    let diff = || {
        let out = pitchlint_colorless()
            .args(["--diff", "."])
            .current_dir(dir.path())
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let patch = diff();
    assert!(patch.contains("--- \"a/a\\nb.txt\"\n"), "{patch}");
    git_apply(dir.path(), &patch);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("cr.txt")).unwrap(),
        cr.replace("utilize", "use")
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a\nb.txt")).unwrap(),
        "Hi Dana,\n\nWe use rail.\n"
    );
    // Nothing is left to fix.
    assert_eq!(diff(), "");
}

#[test]
fn fix_rewrites_the_file_and_fixing_twice_equals_fixing_once() {
    let (dir, p) = draft();
    pitchlint_colorless()
        .arg("--fix")
        .arg(&p)
        .assert()
        .stderr(predicate::str::contains("fixed 4 findings in"))
        // The report is of the fixed file: no substitution finding is left.
        .stdout(predicate::str::contains("sales/wordy").not())
        .stdout(predicate::str::contains("research/doubled-word").not());
    assert_eq!(std::fs::read_to_string(&p).unwrap(), FIXED);
    pitchlint_colorless()
        .arg("--fix")
        .arg(&p)
        .assert()
        .stderr(predicate::str::contains("fixed").not());
    assert_eq!(std::fs::read_to_string(&p).unwrap(), FIXED);
    pitchlint_colorless()
        .arg("--diff")
        .arg(&p)
        .assert()
        .success()
        .stdout("");
    // Only the draft is in the folder: the temporary file was renamed, not left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    // With --quiet the fix is written without its note, as every other note.
    std::fs::write(&p, DRAFT).unwrap();
    pitchlint_colorless()
        .args(["--fix", "--quiet"])
        .arg(&p)
        .assert()
        .stderr("");
    assert_eq!(std::fs::read_to_string(&p).unwrap(), FIXED);
}

#[cfg(unix)]
#[test]
fn fix_keeps_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, p) = draft();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
    pitchlint_colorless()
        .arg("--fix")
        .arg(&p)
        .assert()
        .stderr(predicate::str::contains("fixed 4 findings"));
    assert_eq!(std::fs::read_to_string(&p).unwrap(), FIXED);
    let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

#[test]
fn suggestions_with_several_replacements_are_not_applied() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("d.txt");
    let text = "Hi Dana,\n\nPlease reply at your earliest convenience.\n\nSam\n";
    std::fs::write(&p, text).unwrap();
    pitchlint_colorless()
        .arg("--fix")
        .arg(&p)
        .assert()
        .stdout(predicate::str::contains(
            "write \"this week\" or \"when it suits you\" instead of \"at your earliest convenience\"",
        ));
    assert_eq!(std::fs::read_to_string(&p).unwrap(), text);
}

/// `--fix -` (an editor piping a buffer through it, as with `ruff --fix -`): the fixed text on
/// standard output, the report on the fixed text on standard error.
#[test]
fn fixing_standard_input_prints_the_fixed_text_and_reports_on_stderr() {
    let out = pitchlint_colorless()
        .args(["--fix", "-"])
        .write_stdin(DRAFT)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), FIXED);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("pitchlint: fixed 4 findings in standard input\n"),
        "{err}"
    );
    // Named for an editor: still standard input that was fixed, not the file.
    let named = pitchlint_colorless()
        .args(["--fix", "--stdin-filename", "draft.txt"])
        .write_stdin(DRAFT)
        .output()
        .unwrap();
    let named_err = String::from_utf8(named.stderr).unwrap();
    assert!(
        named_err.contains("pitchlint: fixed 4 findings in standard input (as draft.txt)\n"),
        "{named_err}"
    );
    // The report is on the fixed text: the fixed phrases are gone from it.
    assert!(err.contains("score "), "{err}");
    assert!(!err.contains("utilize"), "{err}");
    assert_eq!(out.status.code(), Some(0));
    // As JSON too: the report on standard error, and only the text on standard output.
    let out = pitchlint_colorless()
        .args(["--fix", "--format", "json", "-"])
        .write_stdin(DRAFT)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), FIXED);
    let err = String::from_utf8(out.stderr).unwrap();
    let json = err.lines().find(|l| l.starts_with('{')).unwrap();
    let report: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(report["files"][0]["path"], "-");
    // --diff on standard input shows the same change.
    pitchlint_colorless()
        .args(["--diff", "-"])
        .write_stdin(DRAFT)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("+Now your Ohio lane runs late."));
}

/// `--fix -` with `--output`: the fixed text on standard output, and the report (here JSON,
/// which stderr's notes would break) in the file.
#[test]
fn fixing_standard_input_with_output_puts_the_report_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    let out = pitchlint_colorless()
        .args(["--fix", "--format", "json", "-o"])
        .arg(&report)
        .arg("-")
        .write_stdin(DRAFT)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), FIXED);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(json["files"][0]["path"], "-");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err, "pitchlint: fixed 4 findings in standard input\n");
}

/// Standard input that is not fixed comes out as it went in, byte for byte: not UTF-8 (a fix
/// would replace its bytes), binary, or nothing to fix; a byte-order mark is kept.
#[test]
fn standard_input_that_is_not_fixed_is_printed_unchanged() {
    let latin1 = b"We utilize the the caf\xe9 data.\n".to_vec();
    let binary = b"ab\0cd the the\n".to_vec();
    let clean = b"Hi Dana,\n\nCould we talk on Tuesday?\n".to_vec();
    for input in [latin1.clone(), binary, clean] {
        let out = pitchlint_colorless()
            .args(["--fix", "-"])
            .write_stdin(input.clone())
            .output()
            .unwrap();
        // An editor's filter: a binary buffer passes through with a note, not an error.
        assert_ne!(
            out.status.code(),
            Some(2),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            out.stdout,
            input,
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    pitchlint_colorless()
        .args(["--fix", "-"])
        .write_stdin(latin1)
        .assert()
        .stderr(predicate::str::contains(
            "-: not fixed: it is not valid UTF-8 (at 1:23)",
        ));
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(DRAFT.as_bytes());
    let out = pitchlint_colorless()
        .args(["--fix", "-"])
        .write_stdin(bom)
        .output()
        .unwrap();
    let mut want = b"\xEF\xBB\xBF".to_vec();
    want.extend_from_slice(FIXED.as_bytes());
    assert_eq!(out.stdout, want);
}

/// Standard input's fixed text would mix with other files' reports: a usage error.
#[test]
fn fixing_standard_input_beside_a_file_is_a_usage_error() {
    let (_dir, p) = draft();
    pitchlint_colorless()
        .args(["--fix", "-"])
        .arg(&p)
        .write_stdin(DRAFT)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("give - alone"));
    // The file was not touched.
    assert_eq!(std::fs::read_to_string(&p).unwrap(), DRAFT);
    // A path that is not there is no less a second input: nothing is fixed or printed.
    pitchlint_colorless()
        .args(["--fix", "-", "missing.txt"])
        .write_stdin(DRAFT)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("give - alone"));
}

#[test]
fn fix_rewrites_prose_and_leaves_markup_and_code_alone() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("d.html");
    std::fs::write(
        &html,
        "<p>Hi Dana,</p><p>We <b>utilize</b> data &amp; the the maps.</p><pre><code>utilize(the the)</code></pre><p>Run <code>utilize</code>. Can we talk Tuesday?</p>\n",
    )
    .unwrap();
    let md = dir.path().join("d.md");
    std::fs::write(
        &md,
        "# Plan\n\nWe utilize `utilize` data.\n\nCan we talk Tuesday?\n",
    )
    .unwrap();
    pitchlint_colorless()
        .arg("--fix")
        .arg(&html)
        .arg(&md)
        .assert()
        .stderr(predicate::str::contains("fixed 2 findings in"))
        .stderr(predicate::str::contains("fixed 1 finding in"));
    assert_eq!(
        std::fs::read_to_string(&html).unwrap(),
        "<p>Hi Dana,</p><p>We <b>use</b> data &amp; the maps.</p><pre><code>utilize(the the)</code></pre><p>Run <code>utilize</code>. Can we talk Tuesday?</p>\n"
    );
    assert_eq!(
        std::fs::read_to_string(&md).unwrap(),
        "# Plan\n\nWe use `utilize` data.\n\nCan we talk Tuesday?\n"
    );
}

/// A word doubled across a line end loses its second copy, not the line break: the lines stay
/// as the writer wrapped them (LF and CRLF), and a copy alone on its line goes with that line.
#[test]
fn a_doubled_word_across_a_line_end_keeps_the_line_breaks() {
    let dir = tempfile::tempdir().unwrap();
    for (text, fixed) in [
        (
            "Hi Dana,\n\nYour crates arrive Monday and the\nthe pallets on Tuesday.\n",
            "Hi Dana,\n\nYour crates arrive Monday and the\npallets on Tuesday.\n",
        ),
        (
            "Hi Dana,\r\n\r\nYour crates arrive Monday and the\r\nthe  pallets on Tuesday.\r\n",
            "Hi Dana,\r\n\r\nYour crates arrive Monday and the\r\npallets on Tuesday.\r\n",
        ),
        (
            "Hi Dana,\n\nWe ship the\nthe\nparts on Monday.\n",
            "Hi Dana,\n\nWe ship the\nparts on Monday.\n",
        ),
        (
            "Hi Dana,\r\n\r\nWe ship the\r\nthe\r\nparts on Monday.\r\n",
            "Hi Dana,\r\n\r\nWe ship the\r\nparts on Monday.\r\n",
        ),
    ] {
        let p = dir.path().join("d.txt");
        std::fs::write(&p, text).unwrap();
        pitchlint_colorless().arg("--fix").arg(&p).output().unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), fixed, "{text:?}");
    }
}

/// A file stored with a byte-order mark: the diff's lines hold it as the file does, so that
/// `patch` and `git apply` find the first line.
#[test]
fn a_diff_of_a_file_with_a_byte_order_mark_shows_the_mark() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("b.txt");
    std::fs::write(
        &p,
        "\u{feff}We utilize data.\n\nCould we talk on Tuesday?\n",
    )
    .unwrap();
    let out = pitchlint_colorless()
        .arg("--diff")
        .arg(&p)
        .output()
        .unwrap();
    let diff = String::from_utf8(out.stdout).unwrap();
    assert!(diff.contains("\n-\u{feff}We utilize data.\n"), "{diff}");
    assert!(diff.contains("\n+\u{feff}We use data.\n"), "{diff}");
    // Standard input's diff too, and beside a file (whose diff is as before).
    let bom_draft = "\u{feff}We utilize data.\n\nCould we talk on Tuesday?\n";
    let out = pitchlint_colorless()
        .args(["--diff", "-"])
        .write_stdin(bom_draft)
        .output()
        .unwrap();
    let stdin_diff = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdin_diff.contains("\n-\u{feff}We utilize data.\n"),
        "{stdin_diff}"
    );
    let out = pitchlint_colorless()
        .args(["--diff", "-"])
        .arg(&p)
        .write_stdin("We utilize data.\n")
        .output()
        .unwrap();
    let both = String::from_utf8(out.stdout).unwrap();
    assert!(both.starts_with("--- a/-\n"), "{both}");
    assert!(
        both.contains("\n-We utilize data.\n+We use data.\n"),
        "{both}"
    );
    // And --fix writes what the diff shows.
    pitchlint_colorless().arg("--fix").arg(&p).output().unwrap();
    assert_eq!(
        std::fs::read_to_string(&p).unwrap(),
        "\u{feff}We use data.\n\nCould we talk on Tuesday?\n"
    );
}

/// A file fixed by root keeps its owner (it became root's, which its owner could then not
/// write). Only root can give a file away, so the test runs only as root.
#[cfg(unix)]
#[test]
fn fix_keeps_the_owner() {
    use std::os::unix::fs::MetadataExt;
    let (dir, p) = draft();
    if std::fs::metadata(&p).unwrap().uid() != 0 {
        return;
    }
    std::os::unix::fs::chown(&p, Some(65534), Some(65534)).unwrap();
    pitchlint_colorless()
        .arg("--fix")
        .arg(&p)
        .assert()
        .success();
    let after = std::fs::metadata(&p).unwrap();
    assert_eq!((after.uid(), after.gid()), (65534, 65534));
    assert_eq!(std::fs::read_to_string(&p).unwrap(), FIXED);
    drop(dir);
}

/// A link written without its scheme is an address, not prose: `--fix` rewrites the sentence
/// around it and leaves the path alone (a booking link with "in-order-to" in it would break).
#[test]
fn fix_leaves_links_without_a_scheme_alone() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("draft.txt");
    let text = "Hi Dana,\n\nWe utilize data. See northline.com/utilize-windows or \
                calendly.com/sam/in-order-to-talk for the numbers.\n\nCould we talk on Tuesday?\n\n\
                Best,\nSam\n";
    std::fs::write(&p, text).unwrap();
    pitchlint_colorless().arg("--fix").arg(&p).assert().code(0);
    let fixed = std::fs::read_to_string(&p).unwrap();
    assert!(fixed.starts_with("Hi Dana,\n\nWe use data. "), "{fixed}");
    assert!(
        fixed.contains("northline.com/utilize-windows or calendly.com/sam/in-order-to-talk"),
        "{fixed}"
    );
}
