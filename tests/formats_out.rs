//! Every output format on the same fixture, as snapshots, plus what each format promises:
//! SARIF validates against the SARIF 2.1.0 schema with correct regions, GitHub commands are
//! escaped, JUnit has one test case per file, and machine formats carry no colour.

mod common;

use common::{pitchlint, pitchlint_in, run, write};
use serde_json::Value;

const SAMPLE: &str = "tests/fixtures/sample-pitch.txt";
/// Snapshots use a fixed pack and draft, so that they move only when a format does.
const FIXED: [&str; 5] = [
    "--isolated",
    "--no-default-rules",
    "--rules",
    "tests/fixtures/output/pack.toml",
    "tests/fixtures/output/draft.txt",
];

fn fixed(format: &str) -> String {
    let (out, _, code) = run(pitchlint().args(["--format", format]).args(FIXED));
    assert_eq!(code, 1, "the fixed draft fails on its error finding");
    out
}

/// The sample's score and per-rule counts, from the json report: the default pack grows, so
/// the other formats are checked against it rather than against numbers written here.
fn sample_facts() -> (u64, Vec<(String, u64)>) {
    let (out, _) = output(&["--format", "json", SAMPLE]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let file = &v["files"][0];
    let mut counts: Vec<(String, u64)> = Vec::new();
    for f in file["findings"].as_array().unwrap() {
        let rule = f["rule"].as_str().unwrap().to_string();
        match counts.iter_mut().find(|(r, _)| *r == rule) {
            Some((_, n)) => *n += 1,
            None => counts.push((rule, 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    (file["score"].as_u64().unwrap(), counts)
}

fn output(args: &[&str]) -> (String, i32) {
    let (out, _, code) = run(pitchlint().args(args));
    (out, code)
}

#[test]
fn concise_snapshot() {
    let (out, code) = output(&["--format", "concise", SAMPLE]);
    assert_eq!(code, 1);
    for line in out.lines() {
        assert!(
            line.starts_with("tests/fixtures/sample-pitch.txt:"),
            "{line}"
        );
    }
    assert!(
        out.contains("tests/fixtures/sample-pitch.txt:10:54: error [seed/partner-close] Asking")
    );
    insta::assert_snapshot!("concise_fixed", fixed("concise"));
}

#[test]
fn jsonl_is_one_finding_a_line() {
    let (out, code) = output(&[
        "--format",
        "jsonl",
        SAMPLE,
        "tests/fixtures/better-pitch.txt",
    ]);
    assert_eq!(code, 1);
    let (json, _) = output(&[
        "--format",
        "json",
        SAMPLE,
        "tests/fixtures/better-pitch.txt",
    ]);
    let json: Value = serde_json::from_str(&json).unwrap();
    let total = json["summary"]["findings"].as_u64().unwrap() as usize;
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Plus one `pitchlint/min-score` record per file that fails on its score.
    let below = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["breakdown"]["reasons"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r.as_str().unwrap().starts_with("score "))
        })
        .count();
    assert_eq!(lines.len(), total + below);
    assert_eq!(
        lines
            .iter()
            .filter(|l| l["rule"] == "pitchlint/min-score")
            .count(),
        below
    );
    // Every record has the same keys, written in the same order: `path` and `rule` first; the
    // min-score one adds `score`, last.
    let keys = |l: &Value| -> Vec<String> { l.as_object().unwrap().keys().cloned().collect() };
    let first_keys = keys(&lines[0]);
    for (raw, l) in out.lines().zip(&lines) {
        assert!(
            raw.starts_with("{\"path\":") && raw.contains(",\"rule\":"),
            "{raw}"
        );
        let mut k = keys(l);
        if l["rule"] == "pitchlint/min-score" {
            let score = l["score"].as_u64().unwrap();
            assert!(
                raw.ends_with(&format!(",\"strength\":1.0,\"score\":{score}}}")),
                "{raw}"
            );
            k.retain(|k| k != "score");
        }
        assert_eq!(k, first_keys, "{raw}");
    }
    // The same fields as the json format's findings, plus the path.
    assert_eq!(lines[0]["path"], SAMPLE);
    let first = &json["files"][0]["findings"][0];
    for (k, v) in first.as_object().unwrap() {
        assert_eq!(&lines[0][k], v, "{k}");
    }
    insta::assert_snapshot!("jsonl_fixed", fixed("jsonl"));
}

#[test]
fn github_snapshot_and_escaping() {
    let (out, code) = output(&["--format", "github", SAMPLE]);
    assert_eq!(code, 1);
    // Rewards (research/concise fires on the sample) are no annotations.
    let (json, _) = output(&["--format", "json", SAMPLE]);
    assert!(json.contains("\"research/concise\""));
    assert!(
        !out.contains("research/concise") && !out.contains("::notice"),
        "{out}"
    );
    assert!(out.contains(
        "::error file=tests/fixtures/sample-pitch.txt,line=10,col=54,endLine=10,endColumn=61,title=pitchlint seed/partner-close::-20 points: Asking"
    ));
    // The verdict comes first: GitHub shows only the first few annotations of a kind.
    let (score, _) = sample_facts();
    assert!(out.lines().next().unwrap().starts_with(&format!(
        "::error file=tests/fixtures/sample-pitch.txt,line=1,col=1,title=pitchlint score {score}/100::tests/fixtures/sample-pitch.txt fails the gate"
    )));
    // Named as `./…`, the file is spelt the same way in the text as in `file=`.
    let (dotted, _) = output(&["--format", "github", &format!("./{SAMPLE}")]);
    assert!(
        dotted
            .lines()
            .next()
            .unwrap()
            .contains("file=tests/fixtures/sample-pitch.txt,line=1,col=1,title=pitchlint score")
            && dotted.contains("::tests/fixtures/sample-pitch.txt fails the gate"),
        "{dotted}"
    );
    let fixed_out = fixed("github");
    // A finding over two lines has lines but no columns.
    assert!(fixed_out.contains("::warning file=tests/fixtures/output/draft.txt,line=5,endLine=6,title=pitchlint fmt/hedge::"));
    insta::assert_snapshot!("github_fixed", fixed_out);

    // `%`, line breaks, `:` and `,` are escaped where the runner needs it.
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            (
                "p.toml",
                "[pack]\nname = \"t\"\n[[rule]]\nid = \"pct\"\nmessage = \"100% sure:\\nno, really\"\nweight = -1\nphrases = [\"guaranteed\"]\n",
            ),
            ("a,b:c.txt", "It is guaranteed.\n"),
        ],
    );
    let (out, _, _) = run(common::pitchlint_in(dir.path()).args([
        "--format",
        "github",
        "--isolated",
        "--no-default-rules",
        "--rules",
        "p.toml",
        "a,b:c.txt",
    ]));
    assert_eq!(
        out.lines().next().unwrap(),
        "::warning file=a%2Cb%3Ac.txt,line=1,col=7,endLine=1,endColumn=17,title=pitchlint t/pct::-1 point: 100%25 sure:%0Ano, really"
    );
}

#[test]
fn junit_has_one_case_per_file_failing_with_the_gate() {
    let (out, code) = output(&[
        "--format",
        "junit",
        SAMPLE,
        "tests/fixtures/better-pitch.txt",
    ]);
    assert_eq!(code, 1);
    assert!(out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"));
    assert_eq!(out.matches("<testcase ").count(), 2);
    assert_eq!(out.matches("<failure ").count(), 1);
    assert!(out.contains("tests=\"2\" failures=\"1\""));
    assert!(out.contains(
        "<testcase name=\"tests/fixtures/better-pitch.txt\" classname=\"pitchlint\" file=\"tests/fixtures/better-pitch.txt\"/>"
    ));
    // Quotes in messages are escaped.
    assert!(out.contains("&quot;partner&quot;"));
    assert!(!out.contains("\"partner\""));
    insta::assert_snapshot!("junit_fixed", fixed("junit"));
    // A walk of `.` names its files as the repository does, as github and sarif do: a CI
    // dashboard matching cases by path sees one name per file.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Will you partner with us?\n").unwrap();
    let (out, _, code) = run(pitchlint_in(dir.path()).args(["--format", "junit", "."]));
    assert_eq!(code, 1);
    assert!(
        out.contains("<testcase name=\"a.txt\" classname=\"pitchlint\" file=\"a.txt\">"),
        "{out}"
    );
    assert!(
        out.contains("\na.txt:1:10: error [seed/partner-close]"),
        "{out}"
    );
    assert!(!out.contains("./a.txt"), "{out}");
    // A file that fails on its score alone says why in the failure's text, as concise does;
    // under --quiet, a binary file skipped is no test case (it did not fail).
    std::fs::write(dir.path().join("logo.txt"), b"GIF89a\0\0\x01").unwrap();
    let (out, _, code) = run(pitchlint_in(dir.path()).args([
        "--format",
        "junit",
        "--quiet",
        "--min-score",
        "100",
        ".",
    ]));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("a.txt:1:1: error [pitchlint/min-score] score "),
        "{out}"
    );
    assert!(!out.contains("logo.txt"), "{out}");
    let (out, _, _) = run(pitchlint_in(dir.path()).args(["--format", "junit", "."]));
    assert!(out.contains("<testcase name=\"logo.txt\""), "{out}");
}

fn sarif_schema() -> jsonschema::Validator {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/schemas/sarif-schema-2.1.0.json"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap()
}

/// Fails with every error when `sarif` is not valid against the SARIF 2.1.0 schema.
fn assert_valid_sarif(sarif: &Value) {
    let errors: Vec<String> = sarif_schema()
        .iter_errors(sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn sarif_validates_and_points_where_json_does() {
    let (out, code) = output(&["--format", "sarif", SAMPLE, "tests/fixtures/essay.txt"]);
    assert_eq!(code, 1);
    let sarif: Value = serde_json::from_str(&out).unwrap();
    assert_valid_sarif(&sarif);

    let run0 = &sarif["runs"][0];
    // Every input was read: one invocation all the same, successful, with no notification.
    assert_eq!(run0["invocations"][0]["executionSuccessful"], true);
    assert!(
        run0["invocations"][0]
            .get("toolExecutionNotifications")
            .is_none()
    );
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    // Every loaded rule is listed with its descriptions, not only those that fired.
    let (listed, _, _) = run(pitchlint().args(["rules", "--json"]));
    let listed: Value = serde_json::from_str(&listed).unwrap();
    for r in listed.as_array().unwrap() {
        let sr = rules
            .iter()
            .find(|x| x["id"] == r["qualified"])
            .unwrap_or_else(|| panic!("{} missing", r["qualified"]));
        assert_eq!(sr["shortDescription"]["text"], r["message"]);
        assert!(!sr["fullDescription"]["text"].as_str().unwrap().is_empty());
    }
    // As `rules --json` lists them: a selection that leaves out the built-in rules that can be
    // turned off leaves them out of the run's rules too.
    let (out, _) = output(&["--format", "sarif", "--select", "seed", SAMPLE]);
    let selected: Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<&str> = selected["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"seed/partner-close"), "{ids:?}");
    assert!(ids.contains(&"pitchlint/min-score"), "{ids:?}");
    assert!(!ids.contains(&"pitchlint/missing-subject"), "{ids:?}");
    assert!(!ids.iter().any(|id| id.starts_with("sales/")), "{ids:?}");
    // Regions are the json format's positions, and ruleIndex points at the rule.
    let (json, _) = output(&["--format", "json", SAMPLE, "tests/fixtures/essay.txt"]);
    let json: Value = serde_json::from_str(&json).unwrap();
    let results = run0["results"].as_array().unwrap();
    let findings: Vec<&Value> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["findings"].as_array().unwrap())
        .collect();
    // Rewards (a positive weight) are no alerts: SARIF leaves them out.
    let rewards = findings
        .iter()
        .filter(|f| f["weight"].as_i64().unwrap() > 0)
        .count();
    assert!(rewards > 0, "the essay earns rewards");
    assert!(
        results.iter().all(|r| r["level"] != "note"),
        "no reward is a result"
    );
    let findings: Vec<&Value> = findings
        .into_iter()
        .filter(|f| f["weight"].as_i64().unwrap() <= 0)
        .collect();
    let located: Vec<&Value> = results
        .iter()
        .filter(|r| r["ruleId"] != "pitchlint/min-score")
        .collect();
    assert_eq!(located.len(), findings.len());
    for (r, f) in located.iter().zip(&findings) {
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert_eq!(r["ruleId"], f["rule"]);
        assert_eq!(
            rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"],
            f["rule"]
        );
        assert_eq!(region["startLine"], f["line"]);
        assert_eq!(region["startColumn"], f["column"]);
        assert_eq!(region["endLine"], f["end_line"]);
        assert_eq!(region["endColumn"], f["end_column"]);
        assert_eq!(region["snippet"]["text"], f["text"]);
    }
    // The failing score is a result too.
    assert!(results.iter().any(|r| r["ruleId"] == "pitchlint/min-score"
        && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == SAMPLE));
}

#[test]
fn sarif_snapshot() {
    let out = fixed("sarif");
    let mut v: Value = serde_json::from_str(&out).unwrap();
    assert!(sarif_schema().validate(&v).is_ok());
    // The version moves with every release; the rest must not move unnoticed.
    v["runs"][0]["tool"]["driver"]["semanticVersion"] = "VERSION".into();
    v["runs"][0]["tool"]["driver"]["version"] = "VERSION".into();
    insta::assert_json_snapshot!("sarif_fixed", v);
}

#[test]
fn machine_formats_never_contain_colour() {
    for format in ["json", "jsonl", "concise", "sarif", "github", "junit"] {
        let (out, _) = output(&["--color", "always", "--format", format, SAMPLE]);
        assert!(!out.contains('\u{1b}'), "{format} has colour");
        assert!(!out.is_empty(), "{format} is empty");
    }
    let (out, _) = output(&["--color", "always", SAMPLE]);
    assert!(out.contains('\u{1b}'), "human colours when asked");
}

#[test]
fn output_writes_the_report_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.sarif");
    let (out, err, code) = run(pitchlint().args([
        "--format",
        "sarif",
        "--output",
        file.to_str().unwrap(),
        SAMPLE,
    ]));
    assert_eq!(code, 1);
    assert_eq!(out, "", "{err}");
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(written["version"], "2.1.0");
    let bad = dir.path().join("missing/report.txt");
    let (out, err, code) = run(pitchlint().args(["--output", bad.to_str().unwrap(), SAMPLE]));
    assert_eq!((out.as_str(), code), ("", 2));
    assert_eq!(
        err,
        format!(
            "pitchlint: error: {}: cannot write the report (--output): no such file or directory\n",
            bad.display()
        )
    );
}

/// A report `--output` wrote is replaced by the next run, in every format, rewards and all
/// (the sample earns `research/concise`, a `reward` line in concise and JUnit).
#[test]
fn output_replaces_its_own_report_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.out");
    let file = file.to_str().unwrap();
    for format in [
        "human", "concise", "json", "jsonl", "sarif", "github", "junit",
    ] {
        for round in 0..2 {
            let (_, err, code) = run(pitchlint().args(["--format", format, "-o", file, SAMPLE]));
            assert_eq!(code, 1, "{format}, run {round}: {err}");
            assert_eq!(err, "", "{format}, run {round}");
        }
        let report = std::fs::read_to_string(file).unwrap();
        assert!(report.contains("sample-pitch.txt"), "{format}: {report}");
        if format == "concise" {
            assert!(report.contains(": reward [research/concise] "), "{report}");
        }
    }
}

#[test]
fn quiet_prints_only_failures() {
    let (out, code) = output(&[
        "--color",
        "never",
        "--quiet",
        SAMPLE,
        "tests/fixtures/better-pitch.txt",
    ]);
    assert_eq!(code, 1);
    let (score, _) = sample_facts();
    assert!(out.contains(&format!("sample-pitch.txt: score {score}/100 FAIL")));
    assert!(!out.contains("better-pitch.txt: score"), "{out}");
    assert!(out.contains("2 files: 1 passed, 1 failed"), "{out}");
    // Nothing failed: nothing at all, one file or several.
    let better = "tests/fixtures/better-pitch.txt";
    let (out, code) = output(&["--quiet", better]);
    assert_eq!((out.as_str(), code), ("", 0));
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.txt");
    std::fs::copy(better, &copy).unwrap();
    std::fs::write(dir.path().join("bin.txt"), b"\x00\x01bin").unwrap();
    // The folder holds the copy and a binary file, which its walk skips with a note.
    let folder = dir.path().to_str().unwrap();
    let (out, err, code) = run(pitchlint().args(["--quiet", better, folder]));
    assert_eq!(code, 0);
    assert_eq!(out, "");
    // Nor notes on standard error (they are there without --quiet).
    assert_eq!(err, "");
    let (_, err, _) = run(pitchlint().arg(folder));
    assert!(err.contains("bin.txt: skipped: binary file"), "{err}");
}

/// GitHub annotations for inputs that were not linted, and none with a file for standard
/// input that names none.
#[test]
fn github_annotates_unread_inputs_and_nameless_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bin.txt"), b"\x00\x01\x02bin").unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("sub/bin.txt"), b"\x00\x01\x02bin").unwrap();
    let (out, _, code) =
        run(pitchlint_in(dir.path()).args(["--format", "github", "nope.txt", "bin.txt", "sub"]));
    assert_eq!(code, 2);
    assert!(
        out.contains("::error file=nope.txt,title=pitchlint cannot read the file::no such file or directory\n"),
        "{out}"
    );
    // Named: an error. Found in a folder: a notice.
    assert!(
        out.contains("::error file=bin.txt,title=pitchlint cannot read the file::binary file (a NUL byte at offset 0), not a draft\n"),
        "{out}"
    );
    assert!(
        out.contains("::notice file=sub/bin.txt,title=pitchlint skipped the file::"),
        "{out}"
    );
    let (out, _, code) = run(pitchlint()
        .args(["--format", "github", "--isolated"])
        .write_stdin("We leverage synergy.\n"));
    assert_eq!(code, 1);
    assert!(
        out.contains("::warning title=pitchlint sales/buzzwords::"),
        "{out}"
    );
    assert!(!out.contains("file="), "{out}");
    assert!(out.contains("standard input fails the gate"), "{out}");
    assert!(!out.contains("linted nothing"), "{out}");
}

/// A gate that linted nothing passes (a change with no drafts, `xargs` with no names), and
/// says so in a notice the step's summary shows, whatever the reason, `--quiet` or not; a
/// run that met an error does not add it.
#[test]
fn github_says_when_it_linted_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    std::fs::create_dir(dir.path().join("skipped")).unwrap();
    std::fs::write(dir.path().join("skipped/bin.txt"), b"\x00\x01bin").unwrap();
    let notice = "::notice title=pitchlint linted nothing::No draft was linted";
    // `--quiet` drops the reason on standard error, not the notice, which names the reasons.
    for args in [&["empty"][..], &["skipped"], &[], &["-q", "empty"]] {
        let mut cmd = pitchlint_in(dir.path());
        cmd.args(["--format", "github", "--isolated"]).args(args);
        let (out, err, code) = run(cmd.write_stdin(""));
        assert_eq!(code, 0, "{args:?}: {err}");
        assert_eq!(out.matches(notice).count(), 1, "{args:?}: {out}");
    }
    let (out, _, code) =
        run(pitchlint_in(dir.path()).args(["--format", "github", "--isolated", "nope.txt"]));
    assert_eq!(code, 2);
    assert!(!out.contains("linted nothing"), "{out}");
}

#[test]
fn statistics_count_findings_per_rule() {
    let (out, code) = output(&["--statistics", SAMPLE]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    let (_, counts) = sample_facts();
    // One line per rule, most findings first, each with its count.
    assert_eq!(lines.len(), counts.len(), "{out}");
    for (line, (rule, n)) in lines.iter().zip(&counts) {
        let words: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(
            (words[0], words[1]),
            (n.to_string().as_str(), rule.as_str()),
            "{out}"
        );
    }
    // Columns line up: the severity starts at the same place on every line.
    let at = |l: &str| {
        l.find(" warning ")
            .or_else(|| l.find(" error "))
            .or_else(|| l.find(" info "))
            .or_else(|| l.find(" reward "))
    };
    let starts: Vec<Option<usize>> = lines.iter().map(|l| at(l)).collect();
    assert!(starts.windows(2).all(|w| w[0] == w[1]), "{out}");
    // A reward reads `reward`, as in concise lines.
    let concise = lines
        .iter()
        .find(|l| l.contains(" research/concise "))
        .unwrap();
    assert!(concise.contains(" reward "), "{out}");
    let (out, _) = output(&["--statistics", "--format", "json", SAMPLE]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let total: u64 = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["count"].as_u64().unwrap())
        .sum();
    assert_eq!(total, sample_facts().1.iter().map(|(_, n)| n).sum::<u64>());
    // JSON Lines: the same rows, one object per line (it was the one array on one line).
    let (lines, _) = output(&["--statistics", "--format", "jsonl", SAMPLE]);
    let rows: Vec<Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(rows.len() > 1, "{lines}");
    assert_eq!(Value::Array(rows), v);
}

/// A run with more warnings than `--max-warnings` fails (exit 1) though every file passes:
/// each machine format says so, not only the exit code and stderr.
#[test]
fn a_run_over_max_warnings_says_so_in_every_machine_format() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.txt");
    // Three warnings (two buzzwords, too short), no error.
    std::fs::write(
        &draft,
        "Hi Dana,\n\nWe leverage synergy to help your team ship on time. Could we talk on Tuesday?\n\nBest,\nSam\n",
    )
    .unwrap();
    let draft = draft.to_str().unwrap().to_string();
    // Each format's report of a run over the limit, which exits 1.
    let over = |format: &str| {
        let (out, code) = output(&[
            "--format",
            format,
            "--max-warnings",
            "1",
            "--min-score",
            "0",
            &draft,
        ]);
        assert_eq!(code, 1, "{format}");
        out
    };
    let message = "more than the maximum of 1 (max_warnings from --max-warnings)";

    let json: Value = serde_json::from_str(&over("json")).unwrap();
    let summary = &json["summary"];
    assert_eq!(summary["failed"], 0, "{summary}");
    let warnings = summary["warnings"].as_u64().unwrap();
    assert!(warnings > 1, "{summary}");
    assert_eq!(summary["over_max_warnings"][0]["warnings"], warnings);
    assert_eq!(summary["over_max_warnings"][0]["max"], 1);
    assert_eq!(summary["over_max_warnings"][0]["origin"], "--max-warnings");

    let out = over("junit");
    assert!(out.contains("failures=\"1\""), "{out}");
    assert!(
        out.contains("<failure type=\"pitchlint/max-warnings\" message=\""),
        "{out}"
    );
    assert!(out.contains(message), "{out}");

    let out = over("github");
    let last = out.lines().last().unwrap();
    assert!(
        last.starts_with("::error title=pitchlint pitchlint/max-warnings::"),
        "{out}"
    );
    assert!(last.ends_with(message), "{out}");

    let sarif: Value = serde_json::from_str(&over("sarif")).unwrap();
    assert_valid_sarif(&sarif);
    let note = &sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"][0];
    assert_eq!(note["level"], "error");
    assert_eq!(note["descriptor"]["id"], "pitchlint/max-warnings");
    assert!(
        note["message"]["text"].as_str().unwrap().ends_with(message),
        "{note}"
    );

    // --exit-zero changes the exit code only: the report still says it.
    let (out, code) = output(&[
        "--format",
        "json",
        "--max-warnings",
        "1",
        "--exit-zero",
        &draft,
    ]);
    assert_eq!(code, 0);
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["summary"]["over_max_warnings"][0]["max"], 1, "{out}");

    // Under the limit: no such record.
    let (out, code) = output(&["--format", "json", "--max-warnings", "1000", &draft]);
    assert_eq!(code, 0);
    assert!(!out.contains("over_max_warnings"));
}

/// Paths as CI tools match them: GitHub annotations relative to the repository (no leading
/// `./`), SARIF's absolute paths as `file://` URIs (and still valid SARIF).
#[test]
fn ci_paths_are_what_the_ci_tools_match() {
    let (out, _) = output(&["--format", "github", "./tests/fixtures/sample-pitch.txt"]);
    assert!(
        out.contains("file=tests/fixtures/sample-pitch.txt,"),
        "{out}"
    );
    assert!(!out.contains("file=./"), "{out}");
    let abs = std::fs::canonicalize("tests/fixtures/sample-pitch.txt").unwrap();
    let abs = abs.to_str().unwrap();
    let (out, _) = output(&["--format", "sarif", abs]);
    let sarif: Value = serde_json::from_str(&out).unwrap();
    assert_valid_sarif(&sarif);
    let uri = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"];
    assert_eq!(uri.as_str().unwrap(), format!("file://{abs}"));
}

/// A report that cannot be written (a full disk) names its --output file, in the lower case
/// of every other error.
#[test]
#[cfg(target_os = "linux")]
fn an_output_that_cannot_be_written_is_named() {
    if !std::path::Path::new("/dev/full").exists() {
        return;
    }
    let (_, err, code) = run(pitchlint().args(["-o", "/dev/full", SAMPLE]));
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "pitchlint: error: /dev/full: cannot write the report (--output): no space left on device\n"
    );
}

/// `--output` never destroys a draft: naming an input (or the file standard input stands
/// for) is refused before the file is touched, so is a file there already in a folder being
/// linted, or one with a draft's extension that holds no report, and a run that stops on a
/// setup error leaves the file as it was.
#[test]
fn output_never_overwrites_or_lints_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let draft = "Hi Dana,\n\nWe leverage synergy. Could we talk on Tuesday?\n";
    std::fs::create_dir(dir.path().join("mw")).unwrap();
    std::fs::write(dir.path().join("same.txt"), draft).unwrap();
    std::fs::write(dir.path().join("mw/a.txt"), draft).unwrap();
    let (out, err, code) = run(pitchlint_in(dir.path()).args(["-o", "same.txt", "same.txt"]));
    assert_eq!((out.as_str(), code), ("", 2), "{err}");
    assert!(err.contains("--output names an input (same.txt)"), "{err}");
    let (_, err, code) = run(pitchlint_in(dir.path())
        .args(["-o", "same.txt", "--stdin-filename", "same.txt"])
        .write_stdin(draft));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--output names an input (same.txt)"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("same.txt")).unwrap(),
        draft
    );
    // The name standard input stands for, not there yet: the same path all the same.
    let (_, err, code) = run(pitchlint_in(dir.path())
        .args(["-o", "new.md", "--stdin-filename", "new.md", "-"])
        .write_stdin(draft));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--output names an input (new.md)"), "{err}");
    assert!(!dir.path().join("new.md").exists());
    // The first run writes its report in the folder it lints; the second finds it there as a
    // draft, and is refused rather than overwrite it, as it would a draft.
    let report_run =
        || run(pitchlint_in(dir.path()).args(["--format", "concise", "-o", "mw/report.txt", "mw"]));
    let (_, err, code) = report_run();
    assert_eq!(code, 0, "{err}");
    let report = std::fs::read_to_string(dir.path().join("mw/report.txt")).unwrap();
    assert!(report.contains("mw/a.txt:"), "{report}");
    let (_, err, code) = report_run();
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("--output mw/report.txt: names a file this run lints (mw/report.txt"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("mw/report.txt")).unwrap(),
        report
    );
    let (_, err, code) = run(pitchlint_in(dir.path()).args(["-o", "mw/a.txt", "mw"]));
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("mw/a.txt")).unwrap(),
        draft
    );
    // A hard link is the same file under another name: named, found in a folder, or the
    // file standard input stands for.
    std::fs::hard_link(dir.path().join("mw/a.txt"), dir.path().join("link.txt")).unwrap();
    for args in [
        &["-o", "link.txt", "mw/a.txt"][..],
        &["-o", "link.txt", "mw"],
        &["-o", "link.txt", "--stdin-filename", "mw/a.txt"],
    ] {
        let (_, err, code) = run(pitchlint_in(dir.path()).args(args).write_stdin(draft));
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains("link.txt"), "{err}");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("mw/a.txt")).unwrap(),
            draft
        );
    }
    std::fs::remove_file(dir.path().join("link.txt")).unwrap();
    // Excluded by the config, the file is no draft of this run: the report replaces it.
    std::fs::write(
        dir.path().join("pitchlint.toml"),
        "exclude = [\"mw/report.txt\"]\n",
    )
    .unwrap();
    let (_, err, code) = report_run();
    assert_eq!(code, 0, "{err}");
    // A draft the run does not lint (excluded, gitignored, or beside the file named) is no
    // report either: it is not replaced. A report of any format, or an empty file, is.
    std::fs::write(
        dir.path().join("pitchlint.toml"),
        "exclude = [\"mw/report.txt\", \"mw/wip.md\"]\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("mw/wip.md"), draft).unwrap();
    for args in [
        &["-o", "mw/wip.md", "mw"][..],
        &["-o", "mw/wip.md", "same.txt"],
        &["--format", "json", "-o", "mw/wip.md", "same.txt"],
    ] {
        let (_, err, code) = run(pitchlint_in(dir.path()).args(args));
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(
            err.contains(
                "mw/wip.md: --output names a file that is there and holds no pitchlint report"
            ),
            "{err}"
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("mw/wip.md")).unwrap(),
            draft
        );
    }
    // Nor is any other file that holds something else: the run's own rule pack, a
    // package.json, an XHTML draft, or a link to a draft under a report's name.
    std::fs::write(dir.path().join("team.toml"), common::TEAM_PACK).unwrap();
    std::fs::write(dir.path().join("package.json"), "{\n  \"name\": \"p\"\n}\n").unwrap();
    std::fs::write(
        dir.path().join("news.html"),
        "<?xml version=\"1.0\"?>\n<html><body><p>Hi Dana,</p></body></html>\n",
    )
    .unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("mw/wip.md", dir.path().join("link.json")).unwrap();
    for (name, args) in [
        (
            "team.toml",
            &["--rules", "team.toml", "-o", "team.toml", "same.txt"][..],
        ),
        ("package.json", &["-o", "package.json", "same.txt"]),
        ("news.html", &["-o", "news.html", "same.txt"]),
        #[cfg(unix)]
        ("link.json", &["-o", "link.json", "same.txt"]),
    ] {
        let before = std::fs::read(dir.path().join(name)).unwrap();
        let (_, err, code) = run(pitchlint_in(dir.path()).args(args));
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains("holds no pitchlint report"), "{err}");
        assert_eq!(std::fs::read(dir.path().join(name)).unwrap(), before);
    }
    // A patch, and a config that starts as `pitchlint config` prints one (which may have
    // become a config since), are not replaced either; nor is the run's own config.
    std::fs::write(
        dir.path().join("r.diff"),
        "--- a/x.txt\n+++ b/x.txt\n@@ -1 +1 @@\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("own.toml"),
        "# config file: team defaults\nmin_score = 85\n",
    )
    .unwrap();
    for args in [
        &["-o", "r.diff", "same.txt"][..],
        &["--config", "own.toml", "-o", "own.toml", "same.txt"],
        &["-o", "own.toml", "config"],
    ] {
        let (_, err, code) = run(pitchlint_in(dir.path()).args(args));
        assert_eq!(code, 2, "{args:?}: {err}");
    }
    assert!(
        std::fs::read_to_string(dir.path().join("own.toml"))
            .unwrap()
            .contains("min_score = 85")
    );
    // `-o -` is standard output.
    let (out, err, code) =
        run(pitchlint_in(dir.path()).args(["-o", "-", "--format", "json", "same.txt"]));
    assert_ne!(code, 2, "{err}");
    assert!(out.starts_with("{\"files\":["), "{out}");
    assert!(!dir.path().join("-").exists());
    std::fs::write(dir.path().join("old.md"), "").unwrap();
    for format in [
        "human", "concise", "json", "jsonl", "sarif", "github", "junit", "human",
    ] {
        let (_, err, code) =
            run(pitchlint_in(dir.path()).args(["--format", format, "-o", "old.md", "same.txt"]));
        assert_ne!(code, 2, "{format}: {err}");
        let report = std::fs::read_to_string(dir.path().join("old.md")).unwrap();
        assert!(report.contains("same.txt"), "{format}: {report}");
    }
    // So is what the other modes and subcommands write, run after run.
    for args in [
        &["--statistics", "--format", "json", "same.txt"][..],
        &["--statistics", "--format", "jsonl", "same.txt"],
        &["--statistics", "same.txt"],
        &["--stats", "same.txt"],
        &["--show-parts", "same.txt"],
        &["--color", "always", "same.txt"],
        &["missing.txt"],
        &["rules"],
        &["rules", "--json"],
        &["explain", "seed/partner-close"],
        &["completions", "bash"],
        &["schema", "pack"],
        &["same.txt"],
    ] {
        for _ in 0..2 {
            let (_, err, code) = run(pitchlint_in(dir.path()).args(["-o", "old.md"]).args(args));
            assert!(
                !err.contains("holds no pitchlint report"),
                "{args:?}: {err}: {}",
                std::fs::read_to_string(dir.path().join("old.md")).unwrap()
            );
            assert!(
                code == 0 || code == 1 || args == ["missing.txt"],
                "{args:?}: {err}"
            );
        }
    }
    // A setup error (a rule pack that is not there) neither creates nor empties the file.
    let (_, err, code) =
        run(pitchlint_in(dir.path()).args(["--rules", "none.toml", "-o", "new.json", "same.txt"]));
    assert_eq!(code, 2, "{err}");
    assert!(!dir.path().join("new.json").exists());
    let (_, _, code) = run(pitchlint_in(dir.path()).args([
        "--rules",
        "none.toml",
        "-o",
        "mw/report.txt",
        "same.txt",
    ]));
    assert_eq!(code, 2);
    assert!(
        std::fs::read_to_string(dir.path().join("mw/report.txt"))
            .unwrap()
            .contains("mw/a.txt:")
    );
}

/// A control character in a file's name, a pack's message or a draft reaches no terminal:
/// the human and concise reports, `--show-parts` and the notes on standard error show it as
/// its control picture (ESC as `␛`), and a line break in a name does not split a record.
#[cfg(unix)]
#[test]
fn control_characters_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let name = "evil\u{1b}[2J\nname.txt";
    let pack = "[pack]\nname = \"t\"\n\n[[rule]]\nid = \"bell\"\nkind = \"phrase\"\nphrases = [\"synergy\"]\nweight = -5\nmessage = \"ring \\u0007 \\u001b[31mred\"\nsuggest = \"drop \\u001b[0m it\"\n";
    write(
        dir.path(),
        &[
            (
                name,
                "Hi Dana,\n\nWe bring synergy \u{1b}[5m to \u{9b}2J freight.\n\nCould we talk?\n",
            ),
            ("t.toml", pack),
            ("bin\u{1b}.txt", "a\0b"),
        ],
    );
    for args in [
        &[
            "--no-default-rules",
            "--rules",
            "t.toml",
            "--color",
            "never",
            ".",
        ][..],
        &[
            "--no-default-rules",
            "--rules",
            "t.toml",
            "--format",
            "concise",
            ".",
        ],
        &["--show-parts", name],
    ] {
        let (out, err, _) = run(pitchlint_in(dir.path()).args(args));
        for text in [&out, &err] {
            // U+009B is a one-character escape sequence start (CSI) to some terminals.
            assert!(
                !text.contains(['\u{1b}', '\u{7}', '\u{9b}']),
                "{args:?}: {text:?}"
            );
        }
        assert!(out.contains("evil␛[2J␊name.txt"), "{args:?}: {out}");
        if args[0] != "--show-parts" {
            assert!(out.contains("ring ␇ ␛[31mred"), "{args:?}: {out}");
            assert!(err.contains("bin␛.txt: skipped: binary file"), "{err}");
        }
    }
    // `explain` shows the pack's text the same way, line by line.
    let (out, _, code) = run(pitchlint_in(dir.path()).args([
        "--no-default-rules",
        "--rules",
        "t.toml",
        "explain",
        "t/bell",
    ]));
    assert_eq!(code, 0);
    assert!(
        !out.contains('\u{1b}') && out.contains("ring ␇ ␛[31mred\n"),
        "{out}"
    );
    // JSON keeps the name as it is (escaped by JSON itself).
    let (out, _, _) = run(pitchlint_in(dir.path()).args([
        "--no-default-rules",
        "--rules",
        "t.toml",
        "--format",
        "json",
        name,
    ]));
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["files"][0]["path"], name);
}

/// A measure just past its bound costs part of its weight, and the github annotation says
/// what the human report says, not the rule's whole weight.
#[test]
fn github_annotations_give_a_findings_scaled_cost() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("short.txt");
    std::fs::write(
        &draft,
        "Hi Dana,\n\nWe cut late loads 12% for Globex last spring.\n\nCould we talk Tuesday?\n\nBest,\nSam\n",
    )
    .unwrap();
    let draft = draft.to_str().unwrap();
    let (human, _) = output(&["--isolated", "--color", "never", draft]);
    let (github, _) = output(&["--isolated", "--format", "github", draft]);
    let (json, _) = output(&["--isolated", "--format", "json", draft]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let f = v["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "research/too-short")
        .expect("too-short fires");
    let strength = f["strength"].as_f64().unwrap();
    assert!(strength < 1.0, "a measure just past its bound: {strength}");
    let cost = format!("{:+.1}", f["weight"].as_f64().unwrap() * strength);
    assert!(
        human.contains(&format!("warning[research/too-short]: {cost} ")),
        "{cost}\n{human}"
    );
    assert!(
        github.contains(&format!("title=pitchlint research/too-short::{cost} ")),
        "{cost}\n{github}"
    );
}

/// Each annotation says the points its finding counts for, as the human titles do: a rule's
/// second finding in a part counts half, and says so. So a file's annotations add up to the
/// penalties of its score (one decimal each), and the gate's verdict comes first (GitHub
/// shows only the first few annotations of a kind).
#[test]
fn github_annotations_add_up_to_the_score() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("pushy.txt");
    std::fs::write(
        &draft,
        "Hi Dana,\n\nOur best-in-class, synergy-driven platform leverages world-class synergy.\n\nAct now! Act now! Will you partner with us?\n\nBest,\nSam\n",
    )
    .unwrap();
    let draft = draft.to_str().unwrap();
    let (github, _) = output(&["--isolated", "--format", "github", draft]);
    let (json, _) = output(&["--isolated", "--format", "json", draft]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let penalties = v["files"][0]["breakdown"]["penalties"].as_f64().unwrap();
    let lines: Vec<&str> = github.lines().collect();
    assert!(
        lines[0].contains("title=pitchlint score ") && lines[0].contains("fails the gate"),
        "{github}"
    );
    let mut sum = 0.0;
    let mut halves = 0;
    for l in &lines[1..] {
        let (_, counted) = l.split_once("::").unwrap().1.split_once("::").unwrap();
        let (n, rest) = counted.split_once(" point").unwrap();
        sum += n.parse::<f64>().unwrap();
        halves += usize::from(rest.contains(", the rule's 2nd finding in the "));
    }
    assert!(halves >= 2, "{github}");
    // Each annotation is rounded to one decimal: within 0.05 each of the exact sum.
    assert!(
        (sum - penalties).abs() <= 0.05 * (lines.len() - 1) as f64,
        "{sum} vs {penalties}\n{github}"
    );
}

/// A run that cannot start, with `--format github`, annotates the broken config or pack at
/// the place the error names (as the repository names the file), so that the pull request
/// that broke it shows where; standard error says it as always. A report file is left as it
/// was.
#[test]
fn github_annotates_a_broken_config_or_pack() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            (
                "pitchlint.toml",
                "packs = [\"rules/team.toml\"]\nmin_scor = 60\n",
            ),
            ("rules/team.toml", "[pack]\nname = \"team\"\n"),
            (
                "d.txt",
                "Hi Dana,\n\nCould we talk Tuesday?\n\nBest,\nSam\n",
            ),
        ],
    );
    let (out, err, code) = run(pitchlint_in(dir.path()).args(["--format", "github", "d.txt"]));
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        out.starts_with("::error file=pitchlint.toml,line=2,col=1,title=pitchlint cannot run::unknown field `min_scor`"),
        "{out}"
    );
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        err.contains("pitchlint.toml:2:1: unknown field `min_scor`"),
        "{err}"
    );
    // A broken rule in the pack: its file, under the folder the run started in.
    write(
        dir.path(),
        &[
            ("pitchlint.toml", "packs = [\"rules/team.toml\"]\n"),
            (
                "rules/team.toml",
                "[pack]\nname = \"team\"\n\n[[rule]]\nid = \"x\"\nkind = \"phrase\"\nweight = \"4\"\nmessage = \"m\"\nphrases = [\"a\"]\n",
            ),
        ],
    );
    let (out, _, code) = run(pitchlint_in(dir.path()).args(["--format", "github", "d.txt"]));
    assert_eq!(code, 2, "{out}");
    assert!(
        out.starts_with("::error file=rules/team.toml,line=7,"),
        "{out}"
    );
    // Other formats print nothing on standard output; nor is a report file written.
    let (out, _, code) = run(pitchlint_in(dir.path()).args(["--format", "json", "d.txt"]));
    assert_eq!((code, out.as_str()), (2, ""));
    let args = ["--format", "github", "--output", "report.txt", "d.txt"];
    let (out, _, code) = run(pitchlint_in(dir.path()).args(args));
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(!dir.path().join("report.txt").exists());
}

/// A draft's frames are drawn on one thread, a long file's on all cores: either way the
/// human report shows every finding the JSON report has, at the same places, in order.
#[test]
fn human_frames_are_all_there_in_order_short_or_long() {
    let dir = tempfile::tempdir().unwrap();
    for lines in [3, 400] {
        let line = "Just circling back to touch base; we'd love to partner with you.\n";
        let text = format!("Hi Dana,\n\n{}\nBest,\nSam\n", line.repeat(lines));
        write(dir.path(), &[("d.txt", &text)]);
        let args = ["--isolated", "--color", "never", "--format"];
        let (json, _, _) = run(pitchlint_in(dir.path()).args(args).args(["json", "d.txt"]));
        let v: Value = serde_json::from_str(&json).unwrap();
        let places: Vec<String> = v["files"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["line"].is_u64())
            .map(|f| format!("d.txt:{}:{}", f["line"], f["column"]))
            .collect();
        assert!(
            places.len() > lines,
            "{} findings on {lines} lines",
            places.len()
        );
        let (human, _, _) = run(pitchlint_in(dir.path()).args(args).args(["human", "d.txt"]));
        let shown: Vec<String> = human
            .lines()
            .filter_map(|l| l.trim_start().strip_prefix("--> "))
            .map(String::from)
            .collect();
        // Repeats past the point where they count next to nothing are listed under the first
        // of them, not drawn: the rest are drawn, in order, and the notes count the others.
        let mut rest = places.iter();
        for s in &shown {
            assert!(rest.any(|p| p == s), "{s} out of order ({lines} lines)");
        }
        assert_eq!(shown.len() + listed(&human), places.len(), "{lines} lines");
        assert!(shown.len() >= 10.min(places.len()), "{human}");
    }
}

/// How many findings the human report's notes stand for (`= 7 more times in the body…`,
/// `= once more in the body…`).
fn listed(human: &str) -> usize {
    human
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("= "))
        .filter_map(|n| {
            if n.starts_with("once more in the") {
                Some(1)
            } else {
                n.split_once(" more times in the")?.0.parse().ok()
            }
        })
        .sum()
}

/// A report written as a draft into a folder being linted is not linted by this run (it is
/// not there yet), but the next run over the folder would find it: the first run says so.
#[test]
fn a_report_written_into_a_linted_folder_is_named() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[("repo/a.txt", "Hi Dana,\n\nCould we talk?\n")],
    );
    let note = "a folder this run lints: the next run over it will find the report";
    for (out, noted) in [
        ("repo/report.md", true),
        ("repo/report.json", false),
        ("report.md", false),
        // A walk skips hidden files and folders: nothing to say.
        ("repo/.report.md", false),
    ] {
        let (_, err, _) = run(pitchlint_in(dir.path()).args(["--isolated", "-o", out, "repo"]));
        assert_eq!(err.contains(note), noted, "{out}: {err}");
        assert!(dir.path().join(out).exists(), "{out}");
        std::fs::remove_file(dir.path().join(out)).unwrap();
    }
}

/// `-o /dev/stdout` is standard output, as `-o -` is: appended to a log (`>> build.log`), the
/// log keeps what it held (the report file was opened anew and emptied, and refused when it
/// held no report). `-o /dev/stderr` is written after what standard error's file holds.
#[cfg(target_os = "linux")]
#[test]
fn output_to_the_standard_streams_appends() {
    let dir = tempfile::tempdir().unwrap();
    for (stream, flag) in [("stdout", "/dev/stdout"), ("stderr", "/dev/stderr")] {
        let log = dir.path().join(format!("{stream}.log"));
        std::fs::write(&log, "== CI log\n").unwrap();
        // Run with the stream appended to the log, as a shell's `>>` or `2>>` does.
        let run_once = || {
            let file = std::fs::OpenOptions::new().append(true).open(&log).unwrap();
            let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_pitchlint"));
            cmd.args(["--format", "concise", "-o", flag, SAMPLE]);
            if stream == "stdout" {
                cmd.stdout(file);
            } else {
                cmd.stderr(file);
            }
            cmd.status().unwrap().code()
        };
        assert_eq!(run_once(), Some(1), "{stream}: the sample fails");
        let text = std::fs::read_to_string(&log).unwrap();
        assert!(text.starts_with("== CI log\n"), "{stream}: {text}");
        assert!(text.contains("seed/partner-close"), "{stream}: {text}");
        assert_eq!(run_once(), Some(1), "{stream}: again");
        let text = std::fs::read_to_string(&log).unwrap();
        assert!(text.starts_with("== CI log\n"), "{stream}: {text}");
        assert_eq!(
            text.matches("[seed/partner-close]").count(),
            2,
            "{stream}: {text}"
        );
    }
}

/// With standard output and standard error in one file (`> log 2>&1`, as a CI log is), every
/// note stands on a line of its own: the report is not written out mid-line (a review found
/// notes inside GitHub annotations when the report was written in blocks).
#[cfg(target_os = "linux")]
#[test]
fn notes_never_land_inside_a_report_line_in_a_shared_log() {
    let dir = tempfile::tempdir().unwrap();
    // Enough report (about 500 KB) that a block buffer is written out many times between notes.
    let draft = "Hi Dana,\n\nWe leverage synergy to move the needle for you, and we circle back to touch base.\n\nCould we talk on Tuesday?\n\nBest,\nSam\n";
    let mut files: Vec<(String, &[u8])> = Vec::new();
    for i in 0..300 {
        files.push((format!("d/a{i:03}.txt"), draft.as_bytes()));
        files.push((format!("d/a{i:03}b.txt"), b"PK\x03\x04\0\0binary"));
    }
    for (name, bytes) in &files {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    let log = dir.path().join("log");
    let file = std::fs::File::create(&log).unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_pitchlint"))
        .args(["--isolated", "--format", "github", "d"])
        .current_dir(dir.path())
        .stdout(file.try_clone().unwrap())
        .stderr(file)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    let text = std::fs::read_to_string(&log).unwrap();
    let notes = text
        .lines()
        .filter(|l| l.starts_with("pitchlint: note:"))
        .count();
    assert!(text.len() > 256 << 10, "{} bytes", text.len());
    assert_eq!(notes, 300);
    assert_eq!(text.matches("pitchlint: note:").count(), 300);
}

/// `-o /dev/stdout` into a folder the run lints is refused as `-o` of that file is.
#[cfg(target_os = "linux")]
#[test]
fn output_to_standard_output_in_a_linted_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[("self/a.txt", "Hi Dana,\n\nWe ship.\n\nBest,\nSam\n")],
    );
    let file = std::fs::File::create(dir.path().join("self/report.txt")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pitchlint"))
        .args(["--isolated", "-o", "/dev/stdout", "self"])
        .current_dir(dir.path())
        .stdout(file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("names a file this run lints"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
