//! The gate flags through the real binary: --fail-on, --max-warnings, --min-score and
//! --exit-zero, and the same keys in a config file, per path. Exit codes stay 0 / 1 / 2.

mod common;

use common::{phrase_packs, pitchlint, pitchlint_in, run, write};

/// Two buzzwords (two warnings), score 63: passes the default gate.
const TWO_WARNINGS: &str = "We leverage synergy.\n";
/// One reward (an info finding), no warning.
const ONE_INFO: &str = "Hi Dana,\n\nWe want to demonstrate that we can be your highest performing supplier. Will you give us that opportunity?\n\nBest,\nSam\n";

fn code(args: &[&str], stdin: &str) -> (i32, String) {
    let (_, err, code) = run(pitchlint()
        .args(["--isolated"])
        .args(phrase_packs())
        .args(args)
        .write_stdin(stdin));
    (code, err)
}

#[test]
fn fail_on_sets_the_lowest_failing_severity() {
    assert_eq!(code(&["-"], TWO_WARNINGS).0, 0);
    assert_eq!(code(&["--fail-on", "warning", "-"], TWO_WARNINGS).0, 1);
    assert_eq!(code(&["--fail-on", "error", "-"], TWO_WARNINGS).0, 0);
    assert_eq!(code(&["--fail-on", "warning", "-"], ONE_INFO).0, 0);
    // Rewards are info findings, but a reward never fails a file.
    assert_eq!(code(&["--fail-on", "info", "-"], ONE_INFO).0, 0);
    // An info-severity penalty does.
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[(
            "p.toml",
            "[pack]\nname = \"p\"\n[[rule]]\nid = \"nit\"\nmessage = \"m\"\nweight = -1\nseverity = \"info\"\nphrases = [\"synergy\"]\n",
        )],
    );
    let pack = dir.path().join("p.toml");
    let pack = pack.to_str().unwrap();
    let with = |sev: &str| {
        let args = [
            "--isolated",
            "--no-default-rules",
            "--rules",
            pack,
            "--fail-on",
            sev,
            "-",
        ];
        run(pitchlint().args(args).write_stdin(TWO_WARNINGS)).2
    };
    assert_eq!((with("info"), with("warning")), (1, 0));
    assert_eq!(code(&["--fail-on", "fatal", "-"], ONE_INFO).0, 2);
}

#[test]
fn max_warnings_counts_across_the_run() {
    assert_eq!(code(&["--max-warnings", "2", "-"], TWO_WARNINGS).0, 0);
    let (c, err) = code(&["--max-warnings", "1", "-"], TWO_WARNINGS);
    assert_eq!(c, 1);
    assert_eq!(
        err,
        "pitchlint: 2 warnings, more than the maximum of 1 (max_warnings from --max-warnings)\n"
    );
    // One warning in each of two files: two across the run.
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[("a.txt", "We leverage it.\n"), ("b.txt", "Pure synergy.\n")],
    );
    let (_, _, c) = run(pitchlint_in(dir.path()).args(phrase_packs()).args([
        "--isolated",
        "--max-warnings",
        "1",
        "a.txt",
        "b.txt",
    ]));
    assert_eq!(c, 1);
    let (_, _, c) = run(pitchlint_in(dir.path()).args(phrase_packs()).args([
        "--isolated",
        "--max-warnings",
        "2",
        "a.txt",
        "b.txt",
    ]));
    assert_eq!(c, 0);
    // -1 is no limit (as ESLint takes it), over the config's own; below -1 is a usage error.
    write(dir.path(), &[("pitchlint.toml", "max_warnings = 1\n")]);
    let (_, err, c) = run(pitchlint_in(dir.path())
        .args(phrase_packs())
        .args(["a.txt", "b.txt"]));
    assert_eq!(c, 1);
    // The config is named from the folder the run is in, as its errors are.
    assert!(
        err.ends_with("more than the maximum of 1 (max_warnings from pitchlint.toml)\n"),
        "{err}"
    );
    let (_, _, c) = run(pitchlint_in(dir.path()).args(phrase_packs()).args([
        "--max-warnings",
        "-1",
        "a.txt",
        "b.txt",
    ]));
    assert_eq!(c, 0);
    let (_, err, c) = run(pitchlint_in(dir.path()).args(["--max-warnings", "-2", "a.txt"]));
    assert_eq!(c, 2);
    assert!(
        err.contains("expected a whole number, 0 or more, or -1 for no limit"),
        "{err}"
    );
    // So does the config: an `[[overrides]]` entry lifts the limit for its files.
    write(
        dir.path(),
        &[(
            "pitchlint.toml",
            "max_warnings = 1\n\n[[overrides]]\npaths = [\"*.txt\"]\nmax_warnings = -1\n",
        )],
    );
    let (_, err, c) = run(pitchlint_in(dir.path())
        .args(phrase_packs())
        .args(["a.txt", "b.txt"]));
    assert_eq!(c, 0, "{err}");
    // A path whose files never fail the run (`exit_zero`) cannot fail it through the shared
    // limit either, in whichever order the files come; the other files' warnings still can.
    write(
        dir.path(),
        &[
            (
                "pitchlint.toml",
                "max_warnings = 1\n\n[[overrides]]\npaths = [\"f/**\"]\nexit_zero = true\n",
            ),
            ("f/c.txt", "We leverage synergy.\n"),
        ],
    );
    for files in [["f/c.txt", "a.txt"], ["a.txt", "f/c.txt"]] {
        let (_, err, c) = run(pitchlint_in(dir.path()).args(phrase_packs()).args(files));
        assert_eq!((c, err.as_str()), (0, ""), "{files:?}");
        let (_, err, c) = run(pitchlint_in(dir.path())
            .args(phrase_packs())
            .args(files)
            .arg("b.txt"));
        assert_eq!(c, 1, "{files:?}");
        assert!(
            err.contains("2 warnings, more than the maximum of 1"),
            "{err}"
        );
    }
    // Where every file has it, the limit is still reported, and the exit status left alone.
    let (_, err, c) = run(pitchlint_in(dir.path())
        .args(phrase_packs())
        .args(["f/c.txt"]));
    assert_eq!(c, 0);
    assert!(
        err.contains("2 warnings, more than the maximum of 1"),
        "{err}"
    );
    write(dir.path(), &[("pitchlint.toml", "max_warnings = -2\n")]);
    let (_, err, c) = run(pitchlint_in(dir.path()).args(["a.txt"]));
    assert_eq!(c, 2);
    assert!(
        err.contains("pitchlint.toml:1:16: `max_warnings` = -2 is out of range: expected a whole number, 0 or more, or -1 for no limit"),
        "{err}"
    );
}

#[test]
fn min_score_and_exit_zero() {
    assert_eq!(code(&["--min-score", "64", "-"], TWO_WARNINGS).0, 1);
    assert_eq!(code(&["--min-score", "63", "-"], TWO_WARNINGS).0, 0);
    let (out, _, c) = run(pitchlint().args([
        "--isolated",
        "--color",
        "never",
        "--exit-zero",
        "tests/fixtures/sample-pitch.txt",
    ]));
    assert_eq!(c, 0);
    assert!(out.contains("/100 FAIL"), "the report still says FAIL");
    assert_eq!(
        code(&["--exit-zero", "--max-warnings", "0", "-"], TWO_WARNINGS).0,
        0
    );
    // Errors are still errors.
    let (_, _, c) = run(pitchlint().args(["--exit-zero", "missing.txt"]));
    assert_eq!(c, 2);
}

#[test]
fn the_gate_keys_work_in_a_config_per_path() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            (
                "pitchlint.toml",
                "fail_on = \"warning\"\nignore = [\"research\"]\n\n[[overrides]]\npaths = [\"drafts/**\"]\nexit_zero = true\n\n[[overrides]]\npaths = [\"followups/**\"]\nfail_on = \"error\"\nmax_warnings = 1\n",
            ),
            ("proposals/a.txt", TWO_WARNINGS),
            ("drafts/a.txt", TWO_WARNINGS),
            ("followups/a.txt", TWO_WARNINGS),
        ],
    );
    let lint = |path: &str| run(pitchlint_in(dir.path()).arg(path)).2;
    assert_eq!(lint("proposals/a.txt"), 1, "fail_on = warning");
    assert_eq!(lint("drafts/a.txt"), 0, "exit_zero for drafts");
    let (_, err, c) = run(pitchlint_in(dir.path()).arg("followups/a.txt"));
    assert_eq!(c, 1, "two warnings, more than max_warnings 1");
    assert!(err.contains("[[overrides]] entry 2"), "{err}");
    // The file's own limit counts only its files: drafts don't count toward followups'.
    write(dir.path(), &[("followups/a.txt", "We leverage it.\n")]);
    assert_eq!(
        run(pitchlint_in(dir.path()).args(["drafts/a.txt", "followups/a.txt"])).2,
        0
    );
}

#[test]
fn one_warning_over_the_maximum_is_one_warning() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[(
            "p.toml",
            "[pack]\nname = \"p\"\n[[rule]]\nid = \"w\"\nmessage = \"m\"\nweight = -1\nphrases = [\"synergy\"]\n",
        )],
    );
    let pack = dir.path().join("p.toml");
    let args = [
        "--isolated",
        "--no-default-rules",
        "--rules",
        pack.to_str().unwrap(),
        "--max-warnings",
        "0",
        "-",
    ];
    let (_, err, code) = run(pitchlint().args(args).write_stdin("We love synergy.\n"));
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "pitchlint: 1 warning, more than the maximum of 0 (max_warnings from --max-warnings)\n"
    );
}

/// A bare `pitchlint` whose standard input is empty (`git diff --name-only | xargs pitchlint`
/// on a change with no drafts) has nothing to lint: a note, exit 0, an empty report. `-` still
/// lints empty input as an empty draft.
#[test]
fn empty_standard_input_with_no_path_is_nothing_to_lint() {
    for format in ["human", "json", "sarif"] {
        let (out, err, code) = run(pitchlint().args(["--format", format]).write_stdin(""));
        assert_eq!(code, 0, "{format}: {err}");
        assert!(
            err.contains("nothing to lint: no path was given and standard input is empty"),
            "{err}"
        );
        let results = match format {
            "sarif" => {
                serde_json::from_str::<serde_json::Value>(&out).unwrap()["runs"][0]["results"]
                    .to_string()
            }
            _ => out,
        };
        assert!(!results.contains("empty-draft"), "{results}");
    }
    let (out, _, _) = run(pitchlint().args(["--format", "json"]).write_stdin(""));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["files"], 0);
    let (out, _, code) = run(pitchlint()
        .args(["--format", "concise", "-"])
        .write_stdin(""));
    assert_eq!(code, 1);
    assert!(out.contains("[pitchlint/empty-draft]"), "{out}");
    let (_, _, code) = run(pitchlint()
        .args(["--stdin-filename", "d.txt"])
        .write_stdin(""));
    assert_eq!(code, 1);
}
