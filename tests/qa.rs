//! What a new user ran into: bracketed prose, URLs, parts around a P.S., empty input,
//! suppression typos, output consistency and small CLI messages, each against the real binary.

mod common;

use common::{pitchlint, pitchlint_in, rule_ids, run, write};
use serde_json::Value;

/// The json report of `args` with `stdin` as the draft.
fn json_of(args: &[&str], stdin: &str) -> Value {
    common::json(
        pitchlint()
            .args(["--format", "json"])
            .args(args)
            .arg("-")
            .write_stdin(stdin),
    )
    .0
}

#[test]
fn bracketed_prose_is_not_an_unfilled_placeholder() {
    let draft = "Hi Dana,\n\nPricing is attached [see Appendix A]. Per the report [sic], results \
                 rose 20% [Source: Gartner 2025].\n\nCould we talk Tuesday?\n\nBest,\nSam\n";
    let v = json_of(&[], draft);
    assert!(
        !rule_ids(&v["files"][0]).contains(&"draft/unfilled-placeholder".to_string()),
        "{:?}",
        rule_ids(&v["files"][0])
    );
    // A real merge field still is one.
    let v = json_of(&[], &draft.replace("Dana", "[First Name]"));
    let n = rule_ids(&v["files"][0])
        .iter()
        .filter(|r| *r == "draft/unfilled-placeholder")
        .count();
    assert_eq!(n, 1);
}

#[test]
fn urls_and_email_addresses_are_not_linted() {
    let body = "Hi Dana,\n\nWe pack beer for 40 breweries.\n\nSee https://acme.com/partner-program \
                or partners@acme.com.\n\nCould we talk Tuesday?\n\nBest,\nSam\n";
    let v = json_of(&[], body);
    let hits: Vec<String> = rule_ids(&v["files"][0])
        .into_iter()
        .filter(|r| r.contains("partner"))
        .collect();
    assert!(hits.is_empty(), "{hits:?}");
    // The same words outside an address still are found.
    let v = json_of(&[], &body.replace("Tuesday?", "Tuesday? Partner with us."));
    assert!(
        rule_ids(&v["files"][0])
            .iter()
            .any(|r| r.contains("partner"))
    );

    // An .eml body likewise.
    let dir = tempfile::tempdir().unwrap();
    let eml = format!(
        "From: Sam <sam@acme.example>\nTo: Dana <dana@northwind.example>\nSubject: Spring \
         packaging\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n{body}"
    );
    write(dir.path(), &[("a.eml", &eml)]);
    let (out, err, _) = run(pitchlint_in(dir.path()).args(["--format", "json", "a.eml"]));
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    assert_eq!(v["files"][0]["format"], "email");
    let hits: Vec<String> = rule_ids(&v["files"][0])
        .into_iter()
        .filter(|r| r.contains("partner"))
        .collect();
    assert!(hits.is_empty(), "{hits:?}");
}

#[test]
fn a_postscript_is_linted_and_a_courtesy_line_leaves_the_closing_to_the_ask() {
    let draft = "Hi Dana,\n\nWe ship fast.\n\nWill you partner with us on a pilot?\n\nLooking \
                 forward to hearing from you.\n\nBest,\nSam\n\nP.S. Act now, partner with us.\n";
    let (out, _, _) = run(pitchlint().args(["--show-parts", "-"]).write_stdin(draft));
    let line = |n: &str| {
        out.lines()
            .find(|l| l.trim_start().starts_with(n))
            .unwrap_or_else(|| panic!("no line {n}: {out}"))
            .to_string()
    };
    assert!(line("5 ").contains("closing"), "{out}");
    assert!(line("7 ").contains("body"), "{out}");
    assert!(line("12 ").contains("body"), "{out}");
    // The P.S. is linted: partner talk there is found, on line 12.
    let v = json_of(&[], draft);
    let lines: Vec<u64> = v["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "seed/partner-talk")
        .map(|f| f["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [12], "{}", v["files"][0]["findings"]);
}

#[test]
fn an_empty_or_blank_draft_fails_and_an_empty_folder_is_a_note() {
    for draft in ["", "  \n\t\n\n"] {
        let v = json_of(&[], draft);
        let f = &v["files"][0];
        assert_eq!(f["passed"], false, "{draft:?}: {f}");
        assert_eq!(f["score"], 0, "{draft:?}: {f}");
        assert_eq!(rule_ids(&v["files"][0]), ["pitchlint/empty-draft"]);
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("d")).unwrap();
    write(dir.path(), &[("d/notes.doc", "not a draft")]);
    let (out, err, code) = run(pitchlint_in(dir.path()).arg("d"));
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(
        err.trim(),
        "pitchlint: note: d: no drafts found (looked for .txt, .tmpl, .md, .markdown, .html, .htm, .eml)"
    );
    // A folder whose drafts the config leaves out says so too (it was silent).
    write(
        dir.path(),
        &[
            ("pitchlint.toml", "exclude = [\"archive/**\"]\n"),
            ("archive/a.txt", "Hi Dana,\n\nCould we talk?\n"),
            ("archive/b.txt", "Hi Sam,\n\nCould we talk?\n"),
        ],
    );
    let (out, err, code) = run(pitchlint_in(dir.path()).arg("archive"));
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    assert_eq!(
        err.trim(),
        "pitchlint: note: nothing to lint: 2 drafts found, all left out by the config's include/exclude (name a file to lint it anyway)"
    );
    // Named, a file is linted all the same.
    let (out, _, _) = run(pitchlint_in(dir.path()).arg("archive/a.txt"));
    assert!(out.contains("archive/a.txt: score"), "{out}");
}

#[test]
fn a_file_named_twice_is_linted_once() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &[("bad.txt", "Hi Dana,\n\nCan we talk?\n")]);
    let (out, err, _) =
        run(pitchlint_in(dir.path()).args(["--format", "json", "bad.txt", "./bad.txt", "."]));
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    assert_eq!(v["summary"]["files"], 1, "{out}");
    assert_eq!(v["files"][0]["path"], "bad.txt");
}

#[test]
fn suppression_typos_are_warnings_and_comment_prefixes_work() {
    let draft = "Hi Dana,\n\n<!-- pitchlint-disable-line -->\nWe ship fast.\n\n\
                 pitchlint-disable-next-line salez\nWe pack for 40 breweries.\n\n\
                 # pitchlint-disable-next-line seed\nWill you partner with us on a pilot?\n\n\
                 Best,\nSam\n";
    let v = json_of(&[], draft);
    let findings = v["files"][0]["findings"].as_array().unwrap();
    let of =
        |rule: &str| -> Vec<&Value> { findings.iter().filter(|f| f["rule"] == rule).collect() };
    let d = of("pitchlint/unknown-directive");
    assert_eq!(d.len(), 1, "{findings:?}");
    assert_eq!(d[0]["line"], 3);
    assert!(
        d[0]["message"]
            .as_str()
            .unwrap()
            .contains("pitchlint-disable-line")
    );
    assert_eq!(d[0]["severity"], "warning");
    let r = of("pitchlint/unknown-rule");
    assert_eq!(r.len(), 1, "{findings:?}");
    assert_eq!(r[0]["line"], 6);
    let message = r[0]["message"].as_str().unwrap();
    assert!(
        message.contains("`salez` names no loaded rule or pack (did you mean `sales`?)"),
        "{message}"
    );
    // `# pitchlint-…` works: the partner close under it is silenced, and "seed" in it is not
    // linted.
    assert!(of("seed/partner-close").is_empty(), "{findings:?}");
    assert!(findings.iter().all(|f| f["line"] != 9), "{findings:?}");
}

#[test]
fn reading_notes_go_to_stderr_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"Hi Dana,\n\nCan we talk caf".to_vec();
    bytes.push(0xE9);
    bytes.extend_from_slice(b" on Tuesday?\n");
    std::fs::write(dir.path().join("bad.txt"), bytes).unwrap();
    for format in [
        "human", "json", "jsonl", "concise", "sarif", "github", "junit",
    ] {
        let (out, err, _) = run(pitchlint_in(dir.path()).args(["--format", format, "bad.txt"]));
        assert!(
            err.contains("pitchlint: note: bad.txt: invalid UTF-8 at 3:16;"),
            "{format}: {err}"
        );
        assert!(
            !out.contains("invalid UTF-8") || format == "json",
            "{format}: {out}"
        );
    }
}

#[test]
fn jsonl_reports_a_failing_score_like_concise() {
    let draft = "Hi Dana,\n\nWe are the leading best-in-class synergy platform.\n\nBest,\nSam\n";
    let (out, _, code) = run(pitchlint()
        .args(["--format", "jsonl", "--min-score", "99", "-"])
        .write_stdin(draft));
    assert_eq!(code, 1);
    let last: Value = serde_json::from_str(out.lines().last().unwrap()).unwrap();
    assert_eq!(last["rule"], "pitchlint/min-score");
    assert_eq!(last["path"], "-");
    assert!(
        last["message"]
            .as_str()
            .unwrap()
            .contains("below the minimum of 99")
    );
}

#[test]
fn jsonl_has_a_record_for_each_input_not_linted() {
    // A script that reads standard output alone must see that a draft was not linted.
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[(
            "drafts/a.txt",
            "Hi Dana,\n\nWe would love to partner with you.\n",
        )],
    );
    std::fs::write(dir.path().join("drafts/b.txt"), b"Hi\0\0\x01binary").unwrap();
    let (out, err, code) =
        run(pitchlint_in(dir.path()).args(["--format", "jsonl", "missing.txt", "drafts"]));
    assert_eq!(code, 2, "{err}");
    let records: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let of = |path: &str| -> Vec<&Value> { records.iter().filter(|r| r["path"] == path).collect() };
    let missing = of("missing.txt");
    assert_eq!(missing.len(), 1, "{out}");
    assert_eq!(missing[0]["error"], true);
    assert!(
        missing[0]["message"]
            .as_str()
            .unwrap()
            .contains("no such file")
    );
    let binary = of("drafts/b.txt");
    assert_eq!(binary.len(), 1, "{out}");
    assert_eq!(binary[0]["error"], false);
    assert_eq!(binary[0]["message"], "skipped: binary file");
    // The linted draft's findings are there as before, and only they name a rule.
    assert!(of("drafts/a.txt").iter().all(|r| r["rule"].is_string()));
    assert!(
        of("drafts/a.txt")
            .iter()
            .any(|r| r["rule"] == "seed/partner-close"),
        "{out}"
    );
    // The json report lists the same records under `unread`.
    let (json, _, _) =
        run(pitchlint_in(dir.path()).args(["--format", "json", "missing.txt", "drafts"]));
    let json: Value = serde_json::from_str(&json).unwrap();
    let unread: Vec<&Value> = records.iter().filter(|r| r.get("rule").is_none()).collect();
    assert_eq!(
        json["unread"]
            .as_array()
            .unwrap()
            .iter()
            .collect::<Vec<_>>(),
        unread
    );
}

#[test]
fn flags_that_print_no_report_refuse_formats_they_cannot_honour() {
    for args in [
        &["--statistics", "--format", "sarif"][..],
        &["--statistics", "--format", "concise"],
        &["--statistics", "--format", "github"],
        &["--statistics", "--format", "junit"],
        &["--show-parts", "--format", "json"],
        &["--show-config", "--format", "sarif"],
        &["--stats", "--format", "sarif"],
        &["--stats", "--format", "concise"],
        &["--diff", "--format", "json"],
        &["--diff", "--format", "jsonl"],
    ] {
        let (out, err, code) = run(pitchlint().args(args).arg("-").write_stdin("Hi.\n"));
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        let flag = args[0];
        assert!(
            err.contains(flag) && err.contains(args[2]),
            "{args:?}: {err}"
        );
    }
    for args in [
        ["--statistics", "--format", "json"],
        ["--stats", "--format", "jsonl"],
    ] {
        let (_, _, code) = run(pitchlint().args(args).arg("-").write_stdin("Hi.\n"));
        assert_ne!(code, 2, "{args:?}");
    }
}

#[test]
fn unread_inputs_are_in_sarif_notifications_and_junit_errors() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[("ok.txt", "Hi Dana,\n\nCan we talk Tuesday?\n\nBest,\nSam\n")],
    );
    std::fs::write(dir.path().join("bin.txt"), b"ab\0cd").unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("sub/bin.txt"), b"ab\0cd").unwrap();
    // A binary file named is an error; one a folder walk finds is skipped (a note).
    let args = ["ok.txt", "bin.txt", "missing.txt", "sub"];
    let (out, err, code) = run(pitchlint_in(dir.path())
        .args(["--format", "sarif"])
        .args(args));
    assert_eq!(code, 2, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let inv = &v["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    let n = inv["toolExecutionNotifications"].as_array().unwrap();
    let levels: Vec<(&str, &str)> = n
        .iter()
        .map(|x| {
            (
                x["level"].as_str().unwrap(),
                x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap(),
            )
        })
        .collect();
    assert!(levels.contains(&("error", "missing.txt")), "{levels:?}");
    assert!(levels.contains(&("error", "bin.txt")), "{levels:?}");
    assert!(levels.contains(&("note", "sub/bin.txt")), "{levels:?}");

    let (out, _, _) = run(pitchlint_in(dir.path())
        .args(["--format", "junit"])
        .args(args));
    assert!(
        out.contains("tests=\"4\"")
            && out.contains("errors=\"2\"")
            && out.contains("skipped=\"1\""),
        "{out}"
    );
    assert!(
        out.contains("<error type=\"pitchlint\" message=\"no such file or directory\""),
        "{out}"
    );
}

#[test]
fn check_rules_reports_every_bad_file_and_counts_in_words() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            ("packs/a.toml", common::TEAM_PACK),
            (
                "packs/b.toml",
                "[pack]\nname = \"b\"\n[[rule]]\nid = \"x\"\n",
            ),
            (
                "packs/c.toml",
                "[pack]\nname = \"c\"\n[[rule]]\nid = \"y\"\nmessage = \"m\"\nweight = 1\nkind = \"nope\"\n",
            ),
            ("good/a.toml", common::TEAM_PACK),
        ],
    );
    let (_, err, code) = run(pitchlint_in(dir.path()).args(["check-rules", "packs"]));
    assert_eq!(code, 2);
    assert!(err.contains("packs/b.toml:"), "{err}");
    assert!(err.contains("packs/c.toml:"), "{err}");
    let (out, err, code) = run(pitchlint_in(dir.path()).args(["check-rules", "good/a.toml"]));
    assert!(out.contains("1 pack, 1 rule, "), "{out}{err}");
    assert_ne!(code, 2);
    // --rules packs are checked too.
    let (_, err, code) = run(pitchlint_in(dir.path()).args([
        "--rules",
        "packs/b.toml",
        "check-rules",
        "good/a.toml",
    ]));
    assert_eq!(code, 2);
    assert!(err.contains("packs/b.toml:"), "{err}");
}

#[test]
fn a_pack_named_twice_loads_once_and_paths_are_normalised() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            ("team.toml", common::TEAM_PACK),
            (
                "a.txt",
                "Hi Dana,\n\nWe beat Globex.\n\nCan we talk Tuesday?\n\nBest,\nSam\n",
            ),
        ],
    );
    let (out, err, code) = run(pitchlint_in(dir.path()).args([
        "--isolated",
        "--format",
        "concise",
        "--rules",
        "team.toml",
        "--rules",
        "./team.toml",
        "a.txt",
    ]));
    assert_ne!(code, 2, "{err}");
    assert_eq!(out.matches("[team/competitor]").count(), 1, "{out}");
    // A config naming `./missing.toml`: the error names the path without `./`.
    write(
        dir.path(),
        &[("pitchlint.toml", "packs = [\"./missing.toml\"]\n")],
    );
    let (_, err, code) = run(pitchlint_in(dir.path()).arg("a.txt"));
    assert_eq!(code, 2);
    assert!(
        err.contains("missing.toml") && !err.contains("/./"),
        "{err}"
    );
}

#[test]
fn rules_table_schema_and_no_rules_are_plain_about_it() {
    // The table shows each rule's parts exactly as `rules --json` does.
    let (out, _, _) = run(pitchlint().args(["--isolated", "rules"]));
    let (json, _, _) = run(pitchlint().args(["--isolated", "rules", "--json"]));
    let json: Value = serde_json::from_str(&json).unwrap();
    for r in json.as_array().unwrap() {
        let id = r["qualified"].as_str().unwrap();
        let row = out
            .lines()
            .find(|l| l.split_whitespace().next() == Some(id))
            .unwrap_or_else(|| panic!("{id} not in the table"));
        let scope = r["scope"].as_str().unwrap();
        assert!(
            row.split_whitespace().any(|w| w == scope),
            "{id}: {row} has not {scope}"
        );
    }
    assert!(!out.contains(" default "), "{out}");
    let (help, _, _) = run(pitchlint().args(["schema", "--help"]));
    assert!(
        help.contains("<KIND>") && !help.contains("<WHICH>"),
        "{help}"
    );
    let (_, err, code) = run(pitchlint().args(["--rules", "rules/seed.toml", "schema", "pack"]));
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "pitchlint: error: --rules does not apply to schema: drop it\n"
    );
    // Every subcommand refuses a global flag it would ignore; `config` reads them all.
    for args in [
        &["init", "x", "--min-score", "80", "--exit-zero"][..],
        &["man", "--select", "seed"],
        &["check-rules", "rules", "--fail-on", "warning"],
        &["explain", "partner-talk", "--template"],
        // A lint's own flags, given before the subcommand, too.
        &["--diff", "init", "y"],
        &["--fix", "rules"],
        &["--quiet", "check-rules", "rules"],
        &["--show-parts", "config"],
        &["--stdin-filename", "x.txt", "rules"],
        // And after it, where clap's own message was a tip to pass it as a value.
        &["check-rules", "rules", "--quiet"],
        &["explain", "seed/partner-close", "--fix"],
    ] {
        let (out, err, code) = run(pitchlint().args(args));
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}: {err}");
        assert!(err.contains("not apply to"), "{args:?}: {err}");
        assert!(!err.contains("as a value"), "{args:?}: {err}");
    }
    // `--color` is every subcommand's, before or after it (a shell alias adds it): a new
    // user's `check-rules --color never` was refused.
    for args in [
        &["check-rules", "--color", "never", "rules"][..],
        &["--color", "always", "check-rules", "rules"],
        &["explain", "seed/partner-close", "--color=never"],
        &["rules", "--color", "auto"],
    ] {
        let (out, err, code) = run(pitchlint().args(args));
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(
            !out.is_empty() && !err.contains("not apply to"),
            "{args:?}: {err}"
        );
    }
    // A flag pitchlint does not have is still clap's unknown argument.
    let (_, err, code) = run(pitchlint().args(["rules", "--bogus"]));
    assert_eq!(code, 2);
    assert!(err.contains("unexpected argument '--bogus'"), "{err}");
    let (_, err, code) = run(pitchlint().args(["--isolated", "--min-score", "80", "config"]));
    assert_eq!(code, 0, "{err}");
    let (_, err, code) = run(pitchlint()
        .args(["--isolated", "--no-default-rules", "-"])
        .write_stdin("Hi.\n"));
    assert_eq!(code, 0);
    assert!(err.contains("pitchlint: note: no rules are on"), "{err}");
    // An empty --select (a script's unset variable) would turn every rule off: refused.
    for empty in ["", " , "] {
        let (out, err, code) = run(pitchlint()
            .args(["--isolated", "--select", empty, "-"])
            .write_stdin("Will you partner with us?\n"));
        assert_eq!((code, out.as_str()), (2, ""), "{err}");
        assert!(err.contains("--select names no rule"), "{err}");
    }
}

#[test]
fn a_string_min_score_says_what_is_expected() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            ("pitchlint.toml", "min_score = \"80\"\n"),
            ("a.txt", "Hi.\n"),
        ],
    );
    let (_, err, code) = run(pitchlint_in(dir.path()).arg("a.txt"));
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "pitchlint.toml:1:13: invalid type: string \"80\", expected an integer from 0 to 100"
        ),
        "{err}"
    );
}

#[test]
fn init_errors_name_a_clean_path() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(run(pitchlint_in(dir.path()).arg("init")).2, 0);
    let (_, err, code) = run(pitchlint_in(dir.path()).arg("init"));
    assert_eq!(code, 2);
    assert!(
        err.contains("pitchlint.toml: already exists") && !err.contains("/./"),
        "{err}"
    );
}

#[test]
fn a_saved_email_without_a_subject_is_told_so() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("m.eml");
    std::fs::write(&p, "From: sam@acme.test\r\nTo: dana@brew.test\r\nContent-Type: text/plain\r\n\r\nHi Dana,\r\n\r\nCould we talk on Tuesday?\r\n\r\nBest,\r\nSam\r\n").unwrap();
    let out = pitchlint()
        .args(["--isolated", "--format", "concise", p.to_str().unwrap()])
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("warning [pitchlint/missing-subject]"), "{s}");
    std::fs::write(&p, "From: sam@acme.test\r\nSubject: Late loads in Ohio\r\nContent-Type: text/plain\r\n\r\nHi Dana,\r\n\r\nCould we talk on Tuesday?\r\n\r\nBest,\r\nSam\r\n").unwrap();
    let out = pitchlint()
        .args(["--isolated", "--format", "concise", p.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        !String::from_utf8(out.stdout)
            .unwrap()
            .contains("missing-subject")
    );
}

/// The built-in `pitchlint/missing-subject` can be ignored (flag or config) and explained, as
/// the README says; a built-in name that does not exist is still an error.
#[test]
fn built_in_rules_can_be_ignored_and_explained() {
    let dir = tempfile::tempdir().unwrap();
    let email = "From: a@b.co\nTo: c@d.co\n\nHi Sam,\n\nWe cut costs.\n\nCan we talk?\n\nJo\n";
    write(dir.path(), &[("ns.eml", email)]);
    let has_it = |args: &[&str]| {
        let (out, err, code) = run(common::pitchlint_in(dir.path())
            .args(["--format", "concise"])
            .args(args)
            .arg("ns.eml"));
        assert_ne!(code, 2, "{args:?}: {err}");
        out.contains("pitchlint/missing-subject")
    };
    assert!(has_it(&[]));
    assert!(!has_it(&["--ignore", "pitchlint/missing-subject"]));
    write(
        dir.path(),
        &[("pitchlint.toml", "ignore = [\"missing-subject\"]\n")],
    );
    assert!(!has_it(&[]));
    let (_, err, code) = run(common::pitchlint_in(dir.path()).args([
        "--isolated",
        "--ignore",
        "pitchlint/no-such-rule",
        "ns.eml",
    ]));
    assert_eq!(code, 2, "{err}");
    let (out, _, code) = run(pitchlint().args(["explain", "pitchlint/missing-subject"]));
    assert_eq!(code, 0);
    assert!(out.contains("no subject line"), "{out}");
    // An ignore that also names a built-in (a prefix of `pitchlint/…`) still yields to a more
    // specific `select` for pack rules (review: it used to drop them per file).
    let pack = "[pack]\nname = \"pitch\"\n[[rule]]\nid = \"foo\"\nmessage = \"no foo\"\nweight = -1\nphrases = [\"foobar\"]\n";
    write(
        dir.path(),
        &[
            ("pitch.toml", pack),
            (
                "a.txt",
                "Hi Dana,\n\nWe sell foobar to you.\n\nBest,\nSam\n",
            ),
        ],
    );
    let (out, err, _) = run(common::pitchlint_in(dir.path()).args([
        "--isolated",
        "--no-default-rules",
        "--rules",
        "pitch.toml",
        "--select",
        "pitch/foo",
        "--ignore",
        "pitch",
        "--format",
        "concise",
        "a.txt",
    ]));
    assert!(out.contains("[pitch/foo]"), "{out}{err}");
}
