//! The real binary, one behaviour per test.

mod common;

use std::path::Path;

use common::{lint_json, pitchlint, rule_ids, run};
use predicates::prelude::*;
use serde_json::Value;

/// The findings of the phrase packs only: the research pack judges the shape of a draft, and
/// fires on the short drafts these tests use.
fn phrase_rules_of(v: &Value) -> Vec<String> {
    rule_ids(&v["files"][0])
        .into_iter()
        .filter(|r| !r.starts_with("research/"))
        .collect()
}

#[test]
fn lints_a_draft_with_the_embedded_pack() {
    pitchlint()
        .args(["--color", "never", "tests/fixtures/sample-pitch.txt"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[seed/partner-close]: -20"))
        .stdout(predicate::str::contains(
            "tests/fixtures/sample-pitch.txt:10:54",
        ))
        .stdout(predicate::str::contains("score 0/100 FAIL"));
}

#[test]
fn a_strong_pitch_passes() {
    pitchlint()
        .args(["--color", "never", "tests/fixtures/better-pitch.txt"])
        .assert()
        .success()
        .stdout(predicate::str::contains("PASS"));
}

#[test]
fn human_output_snapshot() {
    let out = pitchlint()
        .args(["--color", "never", "tests/fixtures/sample-pitch.txt"])
        .output()
        .unwrap();
    insta::assert_snapshot!("human_sample_pitch", String::from_utf8(out.stdout).unwrap());
}

#[test]
fn json_output_snapshot() {
    let (v, code) = lint_json(&["tests/fixtures/sample-pitch.txt"], None);
    assert_eq!(code, 1);
    insta::assert_json_snapshot!("json_sample_pitch", v);
}

#[test]
fn json_has_the_documented_fields_and_exact_text() {
    let (v, _) = lint_json(&["tests/fixtures/essay.txt"], None);
    let file = &v["files"][0];
    assert_eq!(file["path"], "tests/fixtures/essay.txt");
    assert!(file["score"].as_u64().unwrap() <= 100);
    assert!(file["passed"].is_boolean());
    let source = std::fs::read_to_string("tests/fixtures/essay.txt").unwrap();
    let lines: Vec<&str> = source.split('\n').collect();
    for f in file["findings"].as_array().unwrap() {
        for key in [
            "rule",
            "severity",
            "weight",
            "message",
            "line",
            "column",
            "end_line",
            "end_column",
            "text",
            "scope",
        ] {
            assert!(!f[key].is_null(), "missing {key} in {f}");
        }
        // line/column (1-based, characters) point at `text` in the file.
        let line = lines[f["line"].as_u64().unwrap() as usize - 1];
        let col = f["column"].as_u64().unwrap() as usize - 1;
        let at: String = line.chars().skip(col).collect();
        let text = f["text"].as_str().unwrap();
        assert!(
            at.starts_with(text.split('\n').next().unwrap()),
            "{at:?} vs {text:?}"
        );
        let off = f["offset"].as_u64().unwrap() as usize;
        assert_eq!(
            &source[off..f["end_offset"].as_u64().unwrap() as usize],
            text
        );
    }
}

#[test]
fn phrases_match_across_line_breaks_and_report_both_ends() {
    let (v, _) = lint_json(
        &["-"],
        Some("We want to show that we are your highest performing\nsupplier."),
    );
    let f = &v["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "seed/prove-it-ask")
        .cloned()
        .unwrap();
    assert_eq!(f["line"], 1);
    assert_eq!(f["column"], 34);
    assert_eq!(f["end_line"], 2);
    assert_eq!(f["end_column"], 9);
    assert_eq!(f["text"], "highest performing\nsupplier");
}

#[test]
fn curly_quotes_and_case_do_not_matter() {
    let (v, _) = lint_json(&["-"], Some("SORRY TO BOTHER YOU. I know you’re busy."));
    assert_eq!(
        phrase_rules_of(&v),
        ["sales/apologetic-opener", "sales/apologetic-opener"]
    );
}

#[test]
fn partner_in_the_close_costs_more_than_in_the_body() {
    let body = "Hi Dana,\n\nWe partner with 40 breweries.\n\nWe make cans.\n\nCan we talk Tuesday?\n\nBest,\nSam\n";
    let close = "Hi Dana,\n\nWe make cans for 40 breweries.\n\nWe make cans.\n\nWill you partner with us?\n\nBest,\nSam\n";
    let (b, _) = lint_json(&["-"], Some(body));
    let (c, _) = lint_json(&["-"], Some(close));
    assert_eq!(phrase_rules_of(&b), ["seed/partner-talk"]);
    assert_eq!(phrase_rules_of(&c), ["seed/partner-close"]);
    let partner = c["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "seed/partner-close")
        .unwrap();
    assert_eq!(partner["scope"], "closing");
    assert!(c["files"][0]["score"].as_u64() < b["files"][0]["score"].as_u64());
}

#[test]
fn a_team_pack_finds_what_it_should_at_the_right_place() {
    let (v, code) = lint_json(
        &["--rules", "tests/fixtures/team-pack.toml", "-"],
        Some("Hi,\n\nUnlike  Globex, we ship.\n"),
    );
    let f = v["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "team/competitor-name")
        .cloned()
        .unwrap();
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(3), Some(9))
    );
    assert_eq!(f["severity"], "error");
    assert_eq!(code, 1, "an error finding fails the file");
}

#[test]
fn no_default_rules_drops_the_embedded_pack() {
    let (v, code) = lint_json(
        &["--no-default-rules", "-"],
        Some("Will you partner with us?"),
    );
    assert!(rule_ids(&v["files"][0]).is_empty());
    assert_eq!(code, 0);
    assert_eq!(v["files"][0]["score"], 70);
}

#[test]
fn rules_folder_loads_every_pack() {
    let (v, _) = lint_json(
        &["--no-default-rules", "--rules", "rules", "-"],
        Some("Let's circle back. Will you partner with us?"),
    );
    assert_eq!(
        rule_ids(&v["files"][0]),
        ["research/too-short", "sales/cliches", "seed/partner-close",]
    );
}

#[test]
fn min_score_gates_the_exit_code() {
    let draft = "Let's touch base about synergy.";
    pitchlint()
        .args(["--min-score", "0", "-"])
        .write_stdin(draft)
        .assert()
        .code(0);
    pitchlint()
        .args(["--min-score", "70", "-"])
        .write_stdin(draft)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("below the minimum of 70"));
    pitchlint()
        .args(["--min-score", "101", "-"])
        .assert()
        .code(2);
}

#[test]
fn stdin_is_read_when_no_path_is_given() {
    pitchlint()
        .args(["--color", "never"])
        .write_stdin("Just checking in!")
        .assert()
        .stdout(predicate::str::contains("-:1:1"));
}

#[test]
fn folders_are_walked_in_a_stable_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    for (name, text) in [
        ("b.txt", "synergy"),
        ("a.md", "synergy"),
        ("sub/c.txt", "synergy"),
        ("skip.pdf", "synergy"),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let (v, _) = lint_json(&[dir.path().to_str().unwrap()], None);
    let paths: Vec<String> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            Path::new(f["path"].as_str().unwrap())
                .strip_prefix(dir.path())
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(paths, ["a.md", "b.txt", "sub/c.txt"]);
    assert_eq!(v["summary"]["files"], 3);
}

#[test]
fn a_missing_file_is_an_error_but_the_rest_is_linted() {
    let out = pitchlint()
        .args([
            "--format",
            "json",
            "nope.txt",
            "tests/fixtures/better-pitch.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "pitchlint: error: nope.txt: no such file or directory"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"].as_array().unwrap().len(), 1);
}

/// Lint "x" from standard input in `dir` with `pack` written as `t.toml` there.
fn lint_with_pack(dir: &std::path::Path, pack: &str) -> std::process::Output {
    std::fs::write(dir.join("t.toml"), pack).unwrap();
    pitchlint()
        .current_dir(dir)
        .args(["--rules", "t.toml", "-"])
        .write_stdin("x")
        .output()
        .unwrap()
}

/// A pack with several broken rules gets every mistake at once, one positioned line each, in
/// file order, from a lint and from `check-rules`: fixing a pack takes one pass, not one run
/// per mistake. (A TOML syntax error, or a mistake in `[pack]`, still stops the reading.)
#[test]
fn a_pack_gets_every_broken_rule_reported_at_once() {
    let pack = "[pack]\nname = \"Team_Five\"\n\n[[rule]]\nid = \"Bad Id\"\nweight = -5\nmessage = \"m\"\nphrases = [\"a\"]\n\n[[rule]]\nid = \"ok-one\"\nweight = -5\nseverity = \"warn\"\nmessage = \"m\"\nphrases = [\"b\"]\n\n[[rule]]\nid = \"re\"\nweight = -5\nmessage = \"m\"\npattern = 'a('\nneeds = [\"ok-on\"]\nscopes = [\n  \"body\",\n]\n";
    let dir = tempfile::tempdir().unwrap();
    assert_pack_errors(
        dir.path(),
        pack,
        &[
            "t.toml:2:8: pack name `Team_Five` must be kebab-case",
            "t.toml:5:6: rule id `Bad Id` must be kebab-case",
            "t.toml:13:12: rule `ok-one`: unknown severity `warn`",
            "t.toml:21:13: rule `re`: invalid regex: unclosed group",
            "t.toml:22:10: rule `re`: `needs` names `ok-on`",
            // Each unknown key, and the reading goes on past it (a multi-line value too).
            "t.toml:23:1: rule `re`: unknown field `scopes` (did you mean `scope`?)",
        ],
    );
    // A dotted key or a table header that is unknown is said, and the reading stops there: a
    // piece of it left behind would read as a syntax error the file does not have.
    for (extra, want) in [
        ("exampels.fire = [\"x\"]\n", "unknown field `exampels`"),
        ("\n[extra]\nx = 1\n", "unknown field `extra`"),
    ] {
        let pack = format!(
            "[pack]\nname = \"t\"\n\n[[rule]]\nid = \"a\"\nweight = -5\nmessage = \"m\"\nphrases = [\"c\"]\n{extra}"
        );
        let out = lint_with_pack(dir.path(), &pack);
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(want), "{err}");
    }
    // A misspelt required key is said once, by its suggestion, not again as missing; the
    // rule cannot be read without it, so it is left out, and the next rule is read.
    let pack = "[pack]\nname = \"t\"\n\n[[rule]]\nid = \"a\"\nweight = -5\nseverty = \"info\"\nmesage = \"m\"\nphrases = [\"c\"]\n\n[[rule]]\nid = \"b\"\nweight = -5\nmessage = \"m\"\npattern = 'b('\n";
    let out = lint_with_pack(dir.path(), pack);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines[0].starts_with("pitchlint: error: t.toml:7:1: rule `a`: unknown field `severty`")
    );
    assert!(lines[1].starts_with("pitchlint: error: t.toml:8:1: rule `a`: unknown field `mesage`"));
    assert!(lines[2].starts_with("pitchlint: error: t.toml:15:13: rule `b`: invalid regex"));
    // A mistyped value, a missing key or a mistyped example list: that rule is left out, and
    // the mistakes before and after it are said too. A rule that needs the one left out gets
    // no second error for it.
    let pack = "[pack]\nname = \"t\"\n\n[[rule]]\nid = \"a\"\nweight = -5\nseverity = \"critical\"\nmessage = \"m\"\nphrases = [\"a\"]\n\n[[rule]]\nid = \"lane\"\nweight = \"4\"\nmessage = \"m\"\nphrases = [\"b\"]\n\n[[rule]]\nid = \"c\"\nweight = 3\nmessage = \"m\"\nphrases = [\"c\"]\nneeds = [\"lane\"]\n\n[[rule]]\nid = \"d\"\nweight = -2\nphrases = [\"d\"]\n\n[[rule]]\nid = \"e\"\nweight = -2\nmessage = \"m\"\nphrases = [\"e\"]\n[rule.examples]\nfire = \"ok\"\n\n[[rule]]\nid = \"f\"\nweight = -2\nmessage = \"m\"\nphrases = [\"f\"]\nscopes = [\"body\"]\n";
    assert_pack_errors(
        dir.path(),
        pack,
        &[
            "t.toml:7:12: rule `a`: unknown severity `critical`",
            "t.toml:13:10: rule `lane`: invalid type: string \"4\", expected an integer",
            "t.toml:24:1: rule `d`: missing field `message`",
            "t.toml:35:8: rule `e`: expected a list, not a string",
            "t.toml:42:1: rule `f`: unknown field `scopes`",
        ],
    );
}

/// A rule with several mistakes gets each of them, not only its first: the common keys'
/// (weight, severity, scope, needs) and its kind's first, and every phrase that does not parse.
#[test]
fn a_rule_gets_each_of_its_mistakes_reported() {
    let pack = "[pack]\nname = \"t\"\n\n[[rule]]\nid = \"a\"\nweight = -200\nseverity = \"fatal\"\nmessage = \"m\"\nscope = [\"middle\"]\npattern = 'a('\n\n[[rule]]\nid = \"b\"\nweight = -2\nmessage = \"m\"\nphrases = [\"(free)\", \"fine\", \"a (-|x) b\"]\nneeds = [\"b\"]\n\n[[rule]]\nid = \"c\"\nweight = -2\nmessage = \"m\"\nphrases = [\"c\"]\n";
    let dir = tempfile::tempdir().unwrap();
    assert_pack_errors(
        dir.path(),
        pack,
        &[
            "t.toml:6:10: rule `a`: weight -200 is out of range",
            "t.toml:7:12: rule `a`: unknown severity `fatal`",
            "t.toml:9:9: rule `a`: unknown scope `middle`",
            "t.toml:10:13: rule `a`: invalid regex: unclosed group",
            "t.toml:16:13: rule `b`: phrase \"(free)\"",
            "t.toml:16:34: rule `b`: phrase \"a (-|x) b\"",
            "t.toml:17:10: rule `b`: `needs` names the rule itself",
        ],
    );
    // A mistake's stand-in value brings no second error: a misspelt examples profile, an
    // empty `profiles`, an unknown scope beside `except_scope`.
    let pack = "[pack]\nname = \"t\"\n\n[[rule]]\nid = \"a\"\nweight = -2\nmessage = \"m\"\nphrases = [\"a\"]\nprofiles = [\"follow-up\"]\n[rule.examples]\nprofile = \"folow-up\"\nfire = [\"a\"]\n\n[[rule]]\nid = \"b\"\nweight = -2\nmessage = \"m\"\nphrases = [\"b\"]\nprofiles = []\n[rule.examples]\nfire = [\"b\"]\n\n[[rule]]\nid = \"c\"\nweight = -2\nmessage = \"m\"\nphrases = [\"c\"]\nscope = [\"middle\"]\nexcept_scope = [\"opening\", \"body\", \"closing\"]\n";
    assert_pack_errors(
        dir.path(),
        pack,
        &[
            "t.toml:5:6: rule `a`: examples: unknown profile",
            "t.toml:19:12: rule `b`: `profiles` is an empty list",
            "t.toml:28:9: rule `c`: unknown scope `middle`",
        ],
    );
    // A misspelt key is said by its suggestion, not again by what it leaves missing, and the
    // rule's other mistakes are said too.
    let pack = "[pack]\nname = \"t\"\n\n[[rule]]\nid = \"a\"\nweight = 500\nmessage = \"m\"\nphrase = [\"a\"]\n";
    assert_pack_errors(
        dir.path(),
        pack,
        &[
            "t.toml:6:10: rule `a`: weight 500 is out of range",
            "t.toml:8:1: rule `a`: unknown field `phrase` (did you mean `phrases`?)",
        ],
    );
    // A misspelt table (`[[rules]]`, twice, one with its examples) is said once, and the
    // mistakes of the rules above and below it are said too.
    let pack = "[pack]\nname = \"t\"\n\n[[rule]]\nid = \"a\"\nweight = -300\nmessage = \"m\"\nphrases = [\"a\"]\n\n[[rules]]\nid = \"b\"\nweight = -2\nmessage = \"m\"\nphrases = [\"b\"]\n[rules.examples]\nfire = [\"b\"]\n\n[[rules]]\nid = \"c\"\n\n[[rule]]\nid = \"d\"\nweight = -2\nmessage = \"m\"\nphrases = [\"\"]\n";
    assert_pack_errors(
        dir.path(),
        pack,
        &[
            "t.toml:6:10: rule `a`: weight -300 is out of range",
            "t.toml:10:3: unknown field `rules` (did you mean `rule`?)",
            "t.toml:25:13: rule `d`: phrase \"\": empty phrase",
        ],
    );
    // A `[Signature]` line in a misspelt table's multi-line string is no header, and a rule
    // that `needs` the left-out one gets no second error.
    let pack = "[pack]\nname = \"t\"\n\n[[rules]]\nid = \"b\"\nrationale = \"\"\"\nSign it\n[Signature]\nthanks\n\"\"\"\n\n[[rule]]\nid = \"a\"\nweight = -2\nmessage = \"m\"\nphrases = [\"a\"]\nneeds = [\"b\"]\n\n[[rule]]\nid = \"c\"\nweight = -2\nmessage = \"m\"\nphrases = [\"\"]\n";
    assert_pack_errors(
        dir.path(),
        pack,
        &[
            "t.toml:4:3: unknown field `rules` (did you mean `rule`?)",
            "t.toml:23:13: rule `c`: phrase \"\": empty phrase",
        ],
    );
    // A misspelt single table, with a sub-table of its own: left out whole.
    let pack = "[pack]\nname = \"t\"\n[packs]\nx = 1\n[packs.sub]\ny = 2\n[[rule]]\nid = \"a\"\nweight = -300\nmessage = \"m\"\nphrases = [\"a\"]\n";
    assert_pack_errors(
        dir.path(),
        pack,
        &[
            "t.toml:3:2: unknown field `packs` (did you mean `pack`?)",
            "t.toml:9:10: rule `a`: weight -300 is out of range",
        ],
    );
}

/// A rule left out is found by the TOML reader, however its headers are written: spaced or
/// indented headers, a sub-table after it, an id in single quotes that a `needs` names.
#[test]
fn a_rule_left_out_is_found_however_its_headers_are_written() {
    let dir = tempfile::tempdir().unwrap();
    let pack = "[pack]\nname = \"t\"\n\n[[rule]]\nid = \"a\"\nmessage = \"A\"\nweight = -2\nphrases = [\"alpha\"]\n\n  [[ rule ]]\nid = 'b'\nmessage = \"B\"\nweight = \"x\"\nphrases = [\"beta\"]\n[ rule . examples ]\nfire = [\"beta\"]\n\n  [[rule]]\n  id = \"c\"\n  message = \"C\"\n  weight = \"y\"\n  phrases = [\"gamma\"]\n  needs = [\"b\"]\n\n[[rule]]\nid=\"d\"\nmessage = \"D\"\nweight = -2\nphrases = [\"delta\"]\nneeds = [\"b\", \"e\"]\n";
    assert_pack_errors(
        dir.path(),
        pack,
        &[
            "t.toml:13:10: rule `b`: invalid type: string \"x\"",
            "t.toml:21:12: rule `c`: invalid type: string \"y\"",
            "t.toml:30:15: rule `d`: `needs` names `e`, which is no rule of pack `t`",
        ],
    );
}

/// A table after a rule (`[pack.extra]`) or a syntax error after it is no part of the rule:
/// the error names no rule, and no rule is left out for it. An unknown key of an inline table
/// is said once, without an error its blanking would make.
#[test]
fn a_mistake_after_a_rule_is_not_the_rule_s() {
    let dir = tempfile::tempdir().unwrap();
    let rule = "[[rule]]\nid = \"a\"\nmessage = \"A\"\nweight = -2\nphrases = [\"alpha\"]\n\n";
    for (pack, want) in [
        (
            format!("[pack]\nname = \"t\"\n\n{rule}[pack.extra]\nx = 1\n"),
            "t.toml:10:7: unknown field `extra`",
        ),
        (
            format!("{rule}[pack]\nname = \"t\n"),
            "t.toml:8:10: invalid basic string",
        ),
        (
            format!("pack = {{ extra = 1, name = \"t\" }}\n\n{rule}"),
            "t.toml:1:10: unknown field `extra`",
        ),
    ] {
        assert_pack_errors(dir.path(), &pack, &[want]);
    }
}

/// `pack`, as t.toml in `dir`, stops a lint and `check-rules` (exit 2) with exactly these
/// errors, one line each, in this order (each line starts with its `want`).
fn assert_pack_errors(dir: &std::path::Path, pack: &str, want: &[&str]) {
    std::fs::write(dir.join("t.toml"), pack).unwrap();
    for args in [&["--rules", "t.toml", "-"][..], &["check-rules", "t.toml"]] {
        let out = pitchlint()
            .current_dir(dir)
            .args(args)
            .write_stdin("x")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), want.len(), "{args:?}: {err}");
        for (line, want) in lines.iter().zip(want) {
            let want = format!("pitchlint: error: {want}");
            assert!(
                line.starts_with(&want),
                "{args:?}: {line:?} should start {want:?}"
            );
        }
    }
}

#[test]
fn broken_rule_files_get_one_positioned_line() {
    let cases = [
        (
            "[pack]\nname = \"t\"\n[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nphrases = [\"x\"]\nfoo = 1\n",
            "t.toml:8:1: rule `a`: unknown field `foo`",
        ),
        (
            "[pack]\nname = \"t\"\n[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\npattern = '(unclosed'\n",
            "t.toml:7:12: rule `a`: invalid regex: unclosed group",
        ),
        // At the character at fault when the pattern reads as written; else at the string.
        (
            "[pack]\nname = \"t\"\n[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\npattern = 'ab[z-a]'\n",
            "t.toml:7:15: rule `a`: invalid regex: invalid character class range",
        ),
        (
            "[pack]\nname = \"t\"\n[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\npattern = \"\\\\bab(c\"\n",
            "t.toml:7:11: rule `a`: invalid regex: unclosed group (at character 5 of the pattern)",
        ),
        (
            "[pack]\nname = \"t\"\n[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nphrases = [\"x\"]\n[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nphrases = [\"y\"]\n",
            "t.toml:9:6: duplicate rule id `a` in pack `t` (first at line 4)",
        ),
        (
            "[pack]\nname = \"t\"\n[[rule]]\nid = \"Banned_Words\"\nmessage = \"m\"\nweight = -1\nphrases = [\"x\"]\n",
            "t.toml:4:6: rule id `Banned_Words` must be kebab-case (a-z, 0-9, single hyphens) (did you mean `banned-words`?)",
        ),
        (
            "[pack]\nname = \"t\"\n[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nphrases = \"free trial\"\n",
            "t.toml:7:11: rule `a`: expected a list, not a string: write [\"free trial\"]",
        ),
        (
            "[pack]\nname = \"t\"\n[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nphrases = [\"(free)\"]\n",
            "t.toml:7:13: rule `a`: phrase \"(free)\": `(free)` is a group with one option, the same as `free`",
        ),
        (
            "[pack]\nname = \"t\"\n[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nscope = [\"body\", \"opener\"]\nphrases = [\"x\"]\n",
            "t.toml:7:9: rule `a`: unknown scope `opener` (did you mean `opening`?): expected one of subject",
        ),
        (
            "[pack]\nname = \"t\"\n[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nphrases = [\"ok\", \"  \"]\n",
            "t.toml:7:19: rule `a`: phrase \"  \": empty phrase",
        ),
        (
            "[pack]\nname = \"t\"\n[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nseverity = \"fatal\"\nphrases = [\"x\"]\n",
            "expected one of error, warning, info",
        ),
        (
            "[pack]\nname = \"t\"\n[[rule]]\nid = \"a\"\nweight = -1\nphrases = [\"x\"]\n",
            "t.toml:3:1: rule `a`: missing field `message`",
        ),
        (
            "[pack]\nname = \"t\"\n[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nscope = \"ending\"\nphrases = [\"x\"]\n",
            "unknown scope `ending`: expected one of subject, greeting",
        ),
        ("[pack\n", "t.toml:1:6:"),
    ];
    for (toml, expected) in cases {
        let dir = tempfile::tempdir().unwrap();
        let out = lint_with_pack(dir.path(), toml);
        assert_eq!(out.status.code(), Some(2), "{toml}");
        assert!(out.stdout.is_empty(), "nothing is linted with half a pack");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(
            err.contains(expected),
            "{err:?} should contain {expected:?}"
        );
        // The pack as the user named it, not its absolute path.
        assert!(err.starts_with("pitchlint: error: t.toml:"), "{err}");
    }
    // So for a pack in a folder named with --rules, and for a pack that is not there.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("packs")).unwrap();
    std::fs::write(dir.path().join("packs/t.toml"), "[pack\n").unwrap();
    for (pack, want) in [
        ("packs", "pitchlint: error: packs/t.toml:1:6:"),
        ("gone.toml", "pitchlint: error: gone.toml: "),
    ] {
        let out = pitchlint()
            .current_dir(dir.path())
            .args(["--rules", pack, "-"])
            .write_stdin("x")
            .output()
            .unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with(want), "{err}");
    }
}

#[test]
fn colour_follows_the_flags_and_no_color() {
    let ansi = predicate::str::contains("\u{1b}[");
    pitchlint()
        .args(["--color", "always", "-"])
        .write_stdin("synergy")
        .assert()
        .stdout(ansi.clone());
    pitchlint()
        .args(["--color", "never", "-"])
        .write_stdin("synergy")
        .assert()
        .stdout(ansi.clone().not());
    // Not a terminal: auto means no colour.
    pitchlint()
        .args(["-"])
        .write_stdin("synergy")
        .assert()
        .stdout(ansi.clone().not());
    pitchlint()
        .env("NO_COLOR", "1")
        .args(["-"])
        .write_stdin("synergy")
        .assert()
        .stdout(ansi.not());
}

#[test]
fn the_same_input_always_gives_the_same_report() {
    let a = pitchlint()
        .args(["--format", "json", "tests/fixtures"])
        .output()
        .unwrap();
    let b = pitchlint()
        .args(["--format", "json", "tests/fixtures"])
        .output()
        .unwrap();
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn the_essay_is_scored_and_explained() {
    let out = pitchlint()
        .args(["--color", "never", "tests/fixtures/essay.txt"])
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    // The essay says "partner" all through its body, and its close criticises the word
    // ("“partnering” is an overrated, undervalued and overused term"): that is its argument,
    // not the grab it warns of.
    assert!(s.contains("warning[seed/partner-talk]"), "{s}");
    assert!(!s.contains("error[seed/partner-close]"), "{s}");
    assert!(s.contains("reward[seed/prove-it-ask]"));
    for line in ["base", "seed/partner-talk ×", "seed/prove-it-ask"] {
        assert!(s.contains(line), "breakdown lacks {line}");
    }
    // A reward counts once and is shown once, at its first place, with the others on a line.
    let times = s
        .lines()
        .find(|l| l.trim_start().starts_with("+10  seed/prove-it-ask ×"))
        .and_then(|l| l.rsplit('×').next())
        .and_then(|n| n.trim().parse::<usize>().ok())
        .unwrap_or_else(|| panic!("{s}"));
    assert!(times > 1);
    assert_eq!(s.matches("reward[seed/prove-it-ask]").count(), 1, "{s}");
    let at = s.find("reward[seed/prove-it-ask]").unwrap();
    let also = s[at..].lines().nth(2).unwrap();
    assert!(
        also.starts_with("  = \"to demonstrate that we can be your\"; also at "),
        "{also}"
    );
    // Each place with what it found there, when that is short and on one line.
    assert!(
        also.contains(" 26:45 \"will you give us that opportunity\""),
        "{also}"
    );
    assert_eq!(also.matches(':').count(), times - 1, "{also}");
}

/// The essay says "partner" all through its body: its repeats that count next to nothing
/// are one line under the first of them, which counts the others, not a frame each.
#[test]
fn repeats_worth_next_to_nothing_are_one_line() {
    let (v, _) = lint_json(&["tests/fixtures/essay.txt"], None);
    let body = v["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "seed/partner-talk" && f["scope"] == "body")
        .count();
    let out = pitchlint()
        .args(["--color", "never", "tests/fixtures/essay.txt"])
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    let titles: Vec<&str> = s
        .lines()
        .filter(|l| l.starts_with("warning[seed/partner-talk]") && l.contains(" in the body "))
        .collect();
    let last = titles.last().unwrap_or_else(|| panic!("{s}"));
    assert!(last.contains(": next to no points (-8, the "), "{last}");
    assert_eq!(
        titles
            .iter()
            .filter(|t| t.contains("next to no points"))
            .count(),
        1,
        "{s}"
    );
    let at = s.find(last).unwrap();
    let note = s[at..].lines().nth(2).unwrap();
    let more = body - titles.len() - 1;
    assert!(
        note.starts_with(&format!(
            "  = {more} more times in the body, each for next to no points: at "
        )),
        "{note}"
    );
}

#[test]
fn a_reward_says_what_it_found() {
    let draft = "Subject: Late trucks at Reno\n\nHi Sam,\n\n\
                 I noticed your team added a second shift at the Reno warehouse last month. \
                 Carriers that miss dock appointments cost most shippers about $250 per late truck.\n\n\
                 We cut late arrivals by 38% for Harlow Foods in one quarter. Would a 15-minute \
                 call on Tuesday be useful to see if that fits Reno?\n\nBest,\nDana\n";
    let out = pitchlint()
        .args(["--color", "never", "-"])
        .write_stdin(draft)
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    let at = s
        .find("reward[seed/concrete-proof]")
        .unwrap_or_else(|| panic!("{s}"));
    assert_eq!(
        s[at..].lines().nth(2),
        Some("  = \"$250\"; also at 7:25 \"38%\""),
        "{s}"
    );
    // A measure's reward stands for a whole part: no text, even when the part's first line
    // (where it stands) is short.
    let at = s
        .find("reward[research/concise]")
        .unwrap_or_else(|| panic!("{s}"));
    assert_eq!(s[at..].lines().nth(2), Some(""), "{s}");
    let proposal = "# Reno docks\n\n## Why now\n\nYour Reno site added a second shift in \
                    October, and late carriers cost your team about two hours of rework a day. \
                    We book every carrier into a dock slot a day ahead and text drivers when the \
                    slot moves.\n\n## Next step\n\nCould we run a one-lane trial in January \
                    and judge us on the numbers?\n";
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.md"), proposal).unwrap();
    let out = pitchlint()
        .args(["--color", "never"])
        .arg(dir.path().join("p.md"))
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    let at = s
        .find("reward[research/concise]")
        .unwrap_or_else(|| panic!("{s}"));
    assert_eq!(s[at..].lines().nth(2), Some(""), "{s}");
    assert!(s.contains("  = \"one-lane trial\"; also at "), "{s}");
    // A match wrapped over two lines is quoted on one.
    let wrapped = "Hi Dana,\n\nWe cut late loads by 38% for Harlow.\n\nWe want to demonstrate that \
                   we can be your best supplier. Will you\ngive us that opportunity?\n\nBest,\nSam\n";
    let out = pitchlint()
        .args(["--color", "never", "-"])
        .write_stdin(wrapped)
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains(" \"Will you give us that opportunity\""), "{s}");
}

#[test]
fn usage_errors_exit_2() {
    pitchlint().args(["--format", "xml", "x"]).assert().code(2);
    pitchlint().args(["--bogus"]).assert().code(2);
}

#[test]
fn a_one_paragraph_partner_ask_is_priced_once_as_the_close() {
    let (v, _) = lint_json(&["-"], Some("Will you partner with us?"));
    assert_eq!(phrase_rules_of(&v), ["seed/partner-close"]);
}

#[test]
fn a_closed_pipe_is_a_quiet_success_in_every_format() {
    for format in [
        "human", "json", "jsonl", "sarif", "concise", "github", "junit",
    ] {
        let bin = assert_cmd::cargo::cargo_bin("pitchlint");
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("'{}' --format {format} tests/fixtures tests/fixtures tests/fixtures | head -c 20 >/dev/null; echo \"${{PIPESTATUS:-x}}\"", bin.display()))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            !err.contains("Broken pipe") && !err.contains("panicked"),
            "{format}: {err}"
        );
    }
}

#[test]
fn a_match_on_a_very_long_line_is_shown_in_a_window_at_the_right_place() {
    let line = format!("{}partner{}", "word ".repeat(2000), " more".repeat(2000));
    let out = pitchlint()
        .args(["--color", "never", "-"])
        .write_stdin(line)
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("-:1:10001"), "{}", &s[..s.len().min(2000)]);
    let shown = s
        .lines()
        .find(|l| l.contains("partner") && l.starts_with("1 |"))
        .unwrap();
    assert!(
        shown.len() < 400,
        "the line is cropped: {} bytes",
        shown.len()
    );
    assert!(shown.contains('…'));
    // No empty origin line (` ::: `) under the location (a helper found one for every finding
    // on a line over 1,000 bytes).
    assert!(
        !s.lines().any(|l| l.trim() == ":::"),
        "{}",
        &s[..s.len().min(2000)]
    );
}

/// A proposal's title is its subject, but no email subject line: the reply data behind
/// `research/subject-words` is left to emails.
#[test]
fn a_proposals_long_title_is_no_long_subject_line() {
    let draft = "Subject: A proposal to cut packaging waste across the three Ohio plants in 2027\n\nHi Dana,\n\nWe cut Acme's waste 18% in one quarter. Could we prove it on one line?\n\nBest,\nSam\n";
    for (profile, fires) in [("first-touch", true), ("proposal", false)] {
        let (v, _) = lint_json(&["--profile", profile, "-"], Some(draft));
        let ids = rule_ids(&v["files"][0]);
        assert_eq!(
            ids.iter().any(|r| r == "research/subject-words"),
            fires,
            "{profile}: {ids:?}"
        );
    }
}

/// With no path and a terminal on standard input, nothing is read (the terminal would wait
/// for a draft the user did not mean to type): one line says what to give, and with
/// `--stdin-filename` it says that standard input is what the name is for. The terminal is a
/// real one: util-linux's `script` runs the binary on a pseudo-terminal (Linux's; BSD's takes
/// other flags).
#[cfg(target_os = "linux")]
#[test]
fn a_terminal_on_standard_input_is_not_waited_on() {
    let bin = assert_cmd::cargo::cargo_bin("pitchlint");
    let on_a_terminal = |args: &str| {
        let out = std::process::Command::new("script")
            .args(["-qec", &format!("{} {args}", bin.display()), "/dev/null"])
            .env("NO_COLOR", "1")
            .stdin(std::process::Stdio::null())
            .output()
            .expect("util-linux's `script` runs");
        (
            String::from_utf8_lossy(&out.stdout).replace('\r', ""),
            out.status.code(),
        )
    };
    let (out, code) = on_a_terminal("");
    assert_eq!(code, Some(2), "{out}");
    assert_eq!(out.trim_end().lines().count(), 1, "{out}");
    assert!(
        out.contains("no input: give a file, a folder, or -"),
        "{out}"
    );
    let (out, code) = on_a_terminal("--stdin-filename draft.md");
    assert_eq!(code, Some(2), "{out}");
    assert_eq!(out.trim_end().lines().count(), 1, "{out}");
    assert!(
        out.contains(
            "--stdin-filename draft.md names standard input, but standard input is a terminal"
        ),
        "{out}"
    );
}

#[test]
fn output_format_is_another_name_for_format() {
    // ruff's users type `--output-format`; it must not be read as `--input-format`.
    let essay = "tests/fixtures/essay.txt";
    let (by_format, _, code) = run(pitchlint().args(["--format", "concise", essay]));
    let (by_alias, err, alias_code) = run(pitchlint().args(["--output-format", "concise", essay]));
    assert!(err.is_empty(), "{err}");
    assert_eq!((by_alias.as_str(), alias_code), (by_format.as_str(), code));
    assert!(by_alias.contains("seed/partner-talk"), "{by_alias}");
    // A mistake in it is named as it was typed; in `--format`, as that.
    for (args, named) in [
        (
            &["--output-format", "xml"][..],
            "'--output-format <FORMAT>'",
        ),
        (&["--output-format=xml"][..], "'--output-format <FORMAT>'"),
        (&["--format", "xml"][..], "'--format <FORMAT>'"),
    ] {
        let (_, err, code) = run(pitchlint().args(args).arg(essay));
        assert_eq!(code, 2);
        assert!(
            err.starts_with(&format!(
                "pitchlint: error: invalid value 'xml' for {named}"
            )),
            "{args:?}: {err}"
        );
    }
}

/// A selection that keeps a rule but turns off one it needs says so on stderr: the kept
/// rule's findings can never count (a new user's, session 50: a `--select` run lost its
/// rewards without a word). Selecting both, or the pack, says nothing.
#[test]
fn a_selection_that_turns_off_a_needed_rule_says_so() {
    let essay = "tests/fixtures/essay.txt";
    let (_, err, _) = run(pitchlint().args(["--select", "seed/quality-and-reliability", essay]));
    assert!(
        err.contains(
            "note: `seed/quality-and-reliability` needs `seed/concrete-proof`, which the selection turns off"
        ),
        "{err}"
    );
    let (_, err, _) = run(pitchlint().args(["--ignore", "seed/concrete-proof", essay]));
    assert!(err.contains("needs `seed/concrete-proof`"), "{err}");
    for both in [
        &[
            "--select",
            "seed/quality-and-reliability,seed/concrete-proof",
        ][..],
        &["--select", "seed"][..],
    ] {
        let (_, err, _) = run(pitchlint().args(both).arg(essay));
        assert!(!err.contains("needs"), "{both:?}: {err}");
    }
    // `--quiet` keeps stderr for failures.
    let (_, err, _) =
        run(pitchlint().args(["--quiet", "--select", "seed/quality-and-reliability", essay]));
    assert!(!err.contains("needs"), "{err}");
}
