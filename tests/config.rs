//! Config files through the real binary: discovery walking up from each file, nearest wins,
//! `--config`, `--isolated`, per-path overrides, include/exclude, select/ignore, rule
//! overrides, flags beating the file, errors at file:line:column, and `pitchlint config`.

mod common;

use std::path::Path;

use common::{TEAM_PACK, pitchlint_in, rule_ids, run, write};
use serde_json::Value;

const DRAFT: &str =
    "Hi Dana,\n\nUnlike Globex, we ship in two days.\n\nCan we talk on Friday?\n\nBest,\nSam\n";

/// A proposals repository: a root config with a team pack and a stricter rule for proposals.
/// The research pack (the shape of a draft) is ignored: these short drafts are about config.
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            (
                "pitchlint.toml",
                "packs = [\"rules/team.toml\"]\nmin_score = 50\nexclude = [\"archive/**\"]\nignore = [\"research\"]\n\n[[overrides]]\npaths = [\"proposals/**\"]\nmin_score = 80\n",
            ),
            ("rules/team.toml", TEAM_PACK),
            ("proposals/acme.txt", DRAFT),
            ("followups/acme.txt", DRAFT),
            ("archive/old.txt", DRAFT),
        ],
    );
    dir
}

/// The json report of `args` run from `dir`, and the exit code.
fn json_in(dir: &Path, args: &[&str]) -> (Value, i32) {
    common::json(pitchlint_in(dir).args(["--format", "json"]).args(args))
}

#[test]
fn the_nearest_config_is_found_from_the_file_s_folder() {
    let dir = repo();
    let (v, _) = json_in(dir.path(), &["followups/acme.txt"]);
    let f = &v["files"][0];
    assert_eq!(
        rule_ids(f),
        ["team/competitor"],
        "the team pack came from the config"
    );
    assert_eq!(f["score"], 64);
    assert_eq!(f["passed"], true);

    // A nearer config wins for the files below it (and only for them).
    write(
        dir.path(),
        &[(
            "followups/.pitchlint.toml",
            "default_rules = true\nmin_score = 70\nignore = [\"research\"]\n",
        )],
    );
    let (v, code) = json_in(dir.path(), &["followups/acme.txt", "proposals/acme.txt"]);
    assert_eq!(
        rule_ids(&v["files"][0]),
        Vec::<&str>::new(),
        "followups has no team pack"
    );
    assert_eq!(v["files"][0]["passed"], true);
    assert_eq!(rule_ids(&v["files"][1]), ["team/competitor"]);
    assert_eq!(code, 1);
}

#[test]
fn the_same_file_lints_the_same_from_any_folder() {
    let dir = repo();
    let root = dir.path();
    let strip = |mut v: Value| {
        v["files"][0]["path"] = Value::Null;
        v
    };
    let (a, ca) = json_in(root, &["proposals/acme.txt"]);
    let (b, cb) = json_in(&root.join("proposals"), &["acme.txt"]);
    let (c, cc) = json_in(&root.join("followups"), &["../proposals/acme.txt"]);
    std::fs::create_dir_all(root.join("deep/er")).unwrap();
    let (d, cd) = json_in(&root.join("deep/er"), &["../../proposals/acme.txt"]);
    assert_eq!(
        a["files"][0]["passed"], false,
        "min_score 80 applies to proposals"
    );
    let a = strip(a);
    assert_eq!(a, strip(b));
    assert_eq!(a, strip(c));
    assert_eq!(a, strip(d));
    assert_eq!((ca, cb, cc, cd), (1, 1, 1, 1));
}

#[test]
fn per_path_overrides_set_a_stricter_gate() {
    let dir = repo();
    let (v, code) = json_in(dir.path(), &["proposals", "followups"]);
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["path"], "proposals/acme.txt");
    assert_eq!(files[0]["passed"], false);
    assert_eq!(
        files[0]["breakdown"]["reasons"][0],
        "score 64 is below the minimum of 80"
    );
    assert_eq!(files[1]["passed"], true);
    assert_eq!(code, 1);

    // Rules can be turned off per path too.
    let config = std::fs::read_to_string(dir.path().join("pitchlint.toml")).unwrap();
    write(
        dir.path(),
        &[(
            "pitchlint.toml",
            &format!("{config}\n[[overrides]]\npaths = [\"followups/**\"]\nignore = [\"team\"]\n"),
        )],
    );
    let (v, _) = json_in(dir.path(), &["proposals", "followups"]);
    assert_eq!(rule_ids(&v["files"][0]), ["team/competitor"]);
    assert_eq!(rule_ids(&v["files"][1]), Vec::<&str>::new());
    assert_eq!(v["files"][1]["score"], 70);
}

#[test]
fn flags_beat_the_file_and_its_overrides() {
    let dir = repo();
    let (v, code) = json_in(dir.path(), &["--min-score", "60", "proposals/acme.txt"]);
    assert_eq!(v["files"][0]["passed"], true);
    assert_eq!(code, 0);
    let (v, code) = json_in(dir.path(), &["--fail-on", "warning", "followups/acme.txt"]);
    assert_eq!(v["files"][0]["passed"], false);
    assert_eq!(code, 1);
}

#[test]
fn isolated_ignores_every_config_and_config_names_one() {
    let dir = repo();
    let (v, code) = json_in(dir.path(), &["--isolated", "proposals/acme.txt"]);
    assert!(!rule_ids(&v["files"][0]).contains(&"team/competitor".to_string()));
    assert_eq!(code, 0);

    write(
        dir.path(),
        &[("other.toml", "default_rules = false\nmin_score = 90\n")],
    );
    let (v, code) = json_in(
        &dir.path().join("followups"),
        &["--config", "../other.toml", "acme.txt"],
    );
    assert_eq!(rule_ids(&v["files"][0]), Vec::<&str>::new());
    assert_eq!(v["files"][0]["passed"], false, "min_score 90 from --config");
    assert_eq!(code, 1);
}

#[test]
fn standard_input_uses_the_current_folder_s_config() {
    let dir = repo();
    let (out, _, code) = run(pitchlint_in(&dir.path().join("followups"))
        .args(["--format", "concise"])
        .write_stdin(DRAFT));
    assert!(out.starts_with("-:3:8: warning [team/competitor]"), "{out}");
    assert_eq!(code, 0);
}

#[test]
fn stdin_filename_gives_standard_input_a_file_s_name_format_and_config() {
    let dir = repo();
    let piped = |args: &[&str]| {
        common::json(
            pitchlint_in(dir.path())
                .args(["--format", "json"])
                .args(args)
                .write_stdin(DRAFT),
        )
    };
    // Named as a proposal: the proposals' [[overrides]] gate (80), as the file itself gets.
    let (v, code) = piped(&["--stdin-filename", "proposals/new.md"]);
    let f = &v["files"][0];
    assert_eq!(f["path"], "proposals/new.md");
    assert_eq!(f["format"], "markdown");
    assert_eq!(f["passed"], false);
    assert_eq!(
        f["breakdown"]["reasons"][0],
        "score 64 is below the minimum of 80"
    );
    assert_eq!(code, 1);
    // Unnamed, the same text gets the top level's gate, and is plain text.
    let (v, code) = piped(&[]);
    assert_eq!(v["files"][0]["path"], "-");
    assert_eq!(v["files"][0]["format"], "text");
    assert_eq!(v["files"][0]["passed"], true);
    assert_eq!(code, 0);
    // --force-exclude applies the config's exclude to it, as to a named file.
    let (v, _) = piped(&["--stdin-filename", "archive/old.txt", "--force-exclude"]);
    assert_eq!(v["files"].as_array().unwrap().len(), 0);
    let (v, _) = piped(&["--stdin-filename", "archive/old.txt"]);
    assert_eq!(v["files"].as_array().unwrap().len(), 1);
    // `config -` shows what standard input gets: the top level's settings.
    let (out, err, code) = run(pitchlint_in(dir.path()).args(["config", "-"]));
    assert_eq!(code, 0);
    assert!(err.is_empty(), "{err}");
    assert!(out.contains("\n# for -: min_score = 50,"), "{out}");
    // Without standard input to read, the flag is a usage error.
    let (out, err, code) =
        run(pitchlint_in(dir.path()).args(["--stdin-filename", "a.md", "followups/acme.txt"]));
    assert_eq!(code, 2, "{out}");
    assert!(
        err.starts_with("pitchlint: error: --stdin-filename"),
        "{err}"
    );
}

#[test]
fn include_and_exclude_filter_what_folders_yield() {
    let dir = repo();
    let (v, _) = json_in(dir.path(), &["."]);
    let paths = common::file_paths(&v);
    assert_eq!(paths, ["./followups/acme.txt", "./proposals/acme.txt"]);
    // A file named on the command line is always linted.
    let (v, _) = json_in(dir.path(), &["archive/old.txt"]);
    assert_eq!(v["summary"]["files"], 1);
    // Unless --force-exclude says otherwise (pre-commit names every changed file, and so does
    // `git diff --name-only | xargs pitchlint`): it holds named files to the walk's test, the
    // config's exclude and the draft extensions.
    let (v, code) = json_in(
        dir.path(),
        &[
            "--force-exclude",
            "archive/old.txt",
            "followups/acme.txt",
            "pitchlint.toml",
            "rules/team.toml",
        ],
    );
    assert_eq!(v["summary"]["files"], 1);
    assert_eq!(v["files"][0]["path"], "followups/acme.txt");
    assert_eq!(code, 0);
    let (v, code) = json_in(dir.path(), &["pitchlint.toml"]);
    assert_eq!((v["summary"]["files"].as_u64(), code), (Some(1), 1));
    let (_, err, code) = run(pitchlint_in(dir.path()).args(["--force-exclude", "pitchlint.toml"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("nothing to lint: 1 file found, all left out"),
        "{err}"
    );

    write(
        dir.path(),
        &[("pitchlint.toml", "include = [\"proposals/**\"]\n")],
    );
    let (v, _) = json_in(dir.path(), &["."]);
    assert_eq!(v["summary"]["files"], 1);
    assert_eq!(v["files"][0]["path"], "./proposals/acme.txt");
}

#[test]
fn select_ignore_and_rule_overrides() {
    let dir = repo();
    let text = "Hi Dana,\n\nWe leverage synergy. Unlike Globex, we ship.\n\nBest,\nSam\n";
    write(dir.path(), &[("d.txt", text)]);
    let all = |v: &Value| rule_ids(&v["files"][0]);

    let (v, _) = json_in(dir.path(), &["d.txt"]);
    assert!(all(&v).contains(&"sales/buzzwords".to_string()), "{v}");

    write(
        dir.path(),
        &[(
            "pitchlint.toml",
            "packs = [\"rules/team.toml\"]\nignore = [\"sales\", \"research\"]\n[rules.\"team/competitor\"]\nseverity = \"error\"\nweight = -30\n",
        )],
    );
    let (v, code) = json_in(dir.path(), &["d.txt"]);
    assert_eq!(all(&v), ["team/competitor"]);
    let f = &v["files"][0]["findings"][0];
    assert_eq!(
        (f["severity"].as_str(), f["weight"].as_i64()),
        (Some("error"), Some(-30))
    );
    assert_eq!(v["files"][0]["score"], 40);
    assert_eq!(code, 1);

    // The more specific selector wins; a prefix ends at a `-` (`sales/self` is the start of
    // `sales/self-praise`).
    let praise = text.replace("synergy.", "synergy. We are the industry-leading vendor.");
    write(dir.path(), &[("d.txt", &praise)]);
    write(
        dir.path(),
        &[(
            "pitchlint.toml",
            "select = [\"sales/buzzwords\", \"sales/self\"]\nignore = [\"sales\"]\n",
        )],
    );
    let (v, _) = json_in(dir.path(), &["d.txt"]);
    let rules = all(&v);
    assert!(rules.contains(&"sales/buzzwords".to_string()), "{v}");
    assert!(rules.contains(&"sales/self-praise".to_string()), "{v}");
    assert!(
        rules
            .iter()
            .all(|r| r == "sales/buzzwords" || r == "sales/self-praise"),
        "{v}"
    );
}

/// A config's bad values are all reported in one run, in file order, as a pack's are, and none
/// that the file does not have.
#[test]
fn a_config_reports_every_bad_value_at_once() {
    let dir = repo();
    let cases: [(&str, &[&str]); 8] = [
        (
            // Once the file reads, the rules it names and the weights it gives, all at once.
            "ignore = [\"nope\", \"zzz\"]\n[rules.\"sales/buzzword\"]\nweight = -8\n\
             [rules.\"sales/buzzwords\"]\nweight = 8\n",
            &[
                "pitchlint.toml:1:11: `ignore`: `nope` names no loaded rule",
                "pitchlint.toml:1:19: `ignore`: `zzz` names no loaded rule",
                "pitchlint.toml:2:8: `rules.\"sales/buzzword\"` names no loaded rule (did you mean",
                "pitchlint.toml:5:10: weight 8 would make `sales/buzzwords`, a penalty",
            ],
        ),
        (
            "min_score = 150\nprofile = \"proposals\"\nexit_zero = \"yes\"\n",
            &[
                "pitchlint.toml:1:13: `min_score` = 150 is out of range",
                "pitchlint.toml:2:11: unknown variant `proposals` (did you mean `proposal`?)",
                "pitchlint.toml:3:13: invalid type: string \"yes\", expected a boolean",
            ],
        ),
        (
            "ignore = [\n  \"sales\",\n  3,\n]\nfail_on = \"nevr\"\n",
            &[
                "pitchlint.toml:3:3: invalid type: integer `3`, expected a string",
                "pitchlint.toml:5:11: unknown variant `nevr`",
            ],
        ),
        (
            // A line the reader cannot read, when the rest reads without it.
            "min_score = \"x\nfail_on = \"nevr\"\n",
            &[
                "pitchlint.toml:1:15: invalid basic string",
                "pitchlint.toml:2:11: unknown variant `nevr`",
            ],
        ),
        (
            // A required key the search blanked is not reported missing.
            "[[overrides]]\npaths = 5\nmin_score = 150\n",
            &["pitchlint.toml:2:9: invalid type: integer `5`, expected a sequence"],
        ),
        (
            // Nor is one that an error already names as the key meant.
            "[[overrides]]\npath = [\"a/**\"]\nmin_score = 80\n",
            &["pitchlint.toml:2:1: unknown field `path` (did you mean `paths`?)"],
        ),
        (
            // But another entry's missing key is an error of its own, below a header or inline.
            "[[overrides]]\npaths = [\"d/**\"]\npath = [\"x\"]\n[[overrides]]\nmin_score = 10\n",
            &[
                "pitchlint.toml:3:1: unknown field `path` (did you mean `paths`?)",
                "pitchlint.toml:4:1: missing field `paths`",
            ],
        ),
        (
            "overrides = [\n  { path = [\"x\"] },\n  { min_score = 10 },\n]\n",
            &[
                "pitchlint.toml:2:5: unknown field `path` (did you mean `paths`?)",
                "pitchlint.toml:3:3: missing field `paths`",
            ],
        ),
    ];
    for (config, want) in cases {
        write(
            dir.path(),
            &[
                ("pitchlint.toml", config),
                ("d.txt", "Hi Dana,\n\nCould we talk?\n"),
            ],
        );
        let (_, err, code) = run(pitchlint_in(dir.path()).arg("d.txt"));
        assert_eq!(code, 2, "{config}");
        let err = err.replace(&format!("{}/", dir.path().display()), "");
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), want.len(), "{err}");
        for (line, want) in lines.iter().zip(want) {
            assert!(
                line.starts_with(&format!("pitchlint: error: {want}")),
                "{line}"
            );
        }
    }
}

#[test]
fn config_errors_point_at_the_key_and_list_what_is_allowed() {
    let dir = repo();
    let cases = [
        (
            "min_score = 60\nminscore = 70\n",
            // The key meant, and not the whole list after it.
            "pitchlint.toml:2:1: unknown field `minscore` (did you mean `min_score`?)\n",
        ),
        (
            "fail_on = \"never\"\n",
            "pitchlint.toml:1:11: unknown variant `never`, expected one of `error`, `warning`, `info`",
        ),
        (
            "ignore = [\"sales\", \"nope\"]\n",
            "pitchlint.toml:1:20: `ignore`: `nope` names no loaded rule: expected a rule (pack/id or id), a pack (",
        ),
        (
            "[rules.\"seed/nope\"]\nseverity = \"error\"\n",
            "pitchlint.toml:1:8: `rules.\"seed/nope\"` names no loaded rule: expected one rule, as pack/id or an id that one pack has",
        ),
        (
            "[rules.\"sales/buzzword\"]\nseverity = \"error\"\n",
            "pitchlint.toml:1:8: `rules.\"sales/buzzword\"` names no loaded rule (did you mean `sales/buzzwords`?)",
        ),
        // A sign typo would make a penalty a reward (or back).
        (
            "[rules.\"sales/buzzwords\"]\nseverity = \"error\"\nweight = 8\n",
            "pitchlint.toml:3:10: weight 8 would make `sales/buzzwords`, a penalty (-5 in its pack), a reward: expected a weight from -100 to 0 (0 counts nothing)",
        ),
        (
            "[rules.\"seed/concrete-proof\"]\nweight = -3\n",
            "pitchlint.toml:2:10: weight -3 would make `seed/concrete-proof`, a reward (+5 in its pack), a penalty: expected a weight from 0 to 100",
        ),
        // A reward fails no file, so it cannot be made an error.
        (
            "[rules.\"seed/prove-it-ask\"]\nseverity = \"error\"\n",
            "pitchlint.toml:1:8: severity error for `seed/prove-it-ask`, a reward (+10): a reward fails no file",
        ),
        (
            "[rules.\"pitchlint/empty-draft\"]\nweight = -3\n",
            "pitchlint.toml:1:8: `rules.\"pitchlint/empty-draft\"` is a built-in rule: its severity, weight and bounds are fixed",
        ),
        (
            "ignore = [\"pitchlint/min-score\"]\n",
            "pitchlint.toml:1:11: `ignore`: `pitchlint/min-score` is a built-in rule: it cannot be turned off",
        ),
        // A prefix ends at a `-`: a typo is no prefix.
        (
            "ignore = [\"sales/buzzword\"]\n",
            "pitchlint.toml:1:11: `ignore`: `sales/buzzword` names no loaded rule (did you mean `sales/buzzwords`?)",
        ),
        (
            "[[overrides]]\npaths = [\"a/**\"]\nignore = [\"sales/nope\"]\n",
            "pitchlint.toml:3:11: `overrides.ignore`: `sales/nope` names no loaded rule",
        ),
        (
            "[[overrides]]\nmin_score = 80\n",
            "pitchlint.toml:1:1: missing field `paths`",
        ),
        (
            "accept = [\"Partners HealthCare\", \"(Acme|Globex Partners\"]\n",
            "pitchlint.toml:1:35: `accept`: phrase \"(Acme|Globex Partners\": unclosed `(` in phrase",
        ),
        (
            "[[overrides]]\npaths = [\"a/**\"]\naccept = [\" \"]\n",
            "pitchlint.toml:3:12: `accept`: phrase \" \": empty phrase",
        ),
        (
            "packs = [\"missing.toml\"]\n",
            "pitchlint.toml:1:10: `packs`: missing.toml: no such file or directory",
        ),
        (
            "packs = [\"followups\"]\n",
            "pitchlint.toml:1:10: `packs`: followups: no rule pack (*.toml) in this folder",
        ),
        // A name where a number stands: what was expected, not the reader's inner words.
        (
            "profile = 3\n",
            "pitchlint.toml:1:11: expected a string (a name in quotes)",
        ),
        (
            "[rules.\"sales/buzzwords\"]\nseverity = 3\n",
            "pitchlint.toml:2:12: expected a string (a name in quotes)",
        ),
        // A byte that is no UTF-8, at its line and column.
        (
            "min_score = 50\n\u{e9}\n",
            "pitchlint.toml:2:1: config file is not valid UTF-8",
        ),
    ];
    for (text, want) in cases {
        write(dir.path(), &[("pitchlint.toml", text)]);
        if text.contains('\u{e9}') {
            // As Latin-1 would store it: one byte, 0xE9.
            std::fs::write(dir.path().join("pitchlint.toml"), b"min_score = 50\n\xe9\n").unwrap();
        }
        let (out, err, code) = run(pitchlint_in(dir.path()).arg("followups/acme.txt"));
        assert_eq!(code, 2, "{text}");
        assert_eq!(out, "");
        let err = err.replace(&format!("{}/", dir.path().display()), "");
        assert!(
            err.starts_with(&format!("pitchlint: error: {want}")),
            "{text}\n{err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

#[test]
fn config_subcommand_shows_the_merged_config_and_origins() {
    let dir = repo();
    let cfg = dir.path().join("pitchlint.toml").display().to_string();
    let (out, _, code) =
        run(pitchlint_in(&dir.path().join("proposals")).args(["--fail-on", "warning", "config"]));
    assert_eq!(code, 0);
    assert!(out.starts_with(&format!("# config file: {cfg}\n")), "{out}");
    let line = |key: &str| {
        out.lines()
            .find(|l| l.starts_with(&format!("{key} =")))
            .unwrap_or_else(|| panic!("no {key} in {out}"))
            .to_string()
    };
    assert!(line("default_rules").ends_with("# default"));
    assert!(line("min_score").starts_with("min_score = 50 "));
    assert!(line("min_score").ends_with(&format!("# {cfg}")));
    assert!(line("fail_on").starts_with("fail_on = \"warning\""));
    assert!(line("fail_on").ends_with("# --fail-on"));
    assert!(line("packs").contains("rules/team.toml"));
    assert!(out.contains("[[overrides]]") && out.contains("paths = [\"proposals/**\"]"));
    // --show-config says the same.
    let (same, _, _) = run(pitchlint_in(&dir.path().join("proposals")).args([
        "--fail-on",
        "warning",
        "--show-config",
    ]));
    assert_eq!(same, out);
    let (iso, _, _) = run(pitchlint_in(dir.path()).args(["--isolated", "config"]));
    assert!(iso.starts_with("# config file: none"), "{iso}");
    // With a path, the gate that applies to that file.
    let (out, _, _) = run(pitchlint_in(dir.path()).args(["config", "proposals/acme.txt"]));
    assert!(
        out.ends_with("\n# for proposals/acme.txt: min_score = 80, fail_on = \"error\", max_warnings = none, exit_zero = false\n"),
        "{out}"
    );
    // A config that does not work is an error here too.
    write(dir.path(), &[("pitchlint.toml", "select = [\"nope\"]\n")]);
    let (out, err, code) = run(pitchlint_in(dir.path()).arg("config"));
    assert_eq!((out.as_str(), code), ("", 2));
    assert!(
        err.contains("pitchlint.toml:1:11: `select`: `nope` names no loaded rule"),
        "{err}"
    );
}

/// A repository whose follow-ups and templates are told apart by path: a `kind` pack with a
/// rule that applies only to follow-ups, and drafts with an unfilled merge field.
fn kinds_repo(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let pack = "[pack]\nname = \"kind\"\n[[rule]]\nid = \"bump\"\nmessage = \"Say what is new.\"\nweight = -6\nprofiles = [\"follow-up\"]\nphrases = [\"circling back\"]\n";
    let draft = "Hi {{first_name}},\n\nCircling back on the pilot.\n\nCan we talk on Friday?\n\nBest,\nSam\n";
    write(
        dir.path(),
        &[
            ("pitchlint.toml", config),
            ("rules/kind.toml", pack),
            ("followups/a.txt", draft),
            ("templates/a.txt", draft),
            ("drafts/a.txt", draft),
        ],
    );
    dir
}

const KINDS_CONFIG: &str = "packs = [\"rules/kind.toml\"]\nignore = [\"research\", \"sales\"]\n\n[[overrides]]\npaths = [\"followups/**\"]\nprofile = \"follow-up\"\n\n[[overrides]]\npaths = [\"templates/**\"]\ntemplate = true\n";

fn file_rules(v: &Value, path: &str) -> Vec<String> {
    let f = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"].as_str().unwrap().ends_with(path))
        .unwrap_or_else(|| panic!("no {path} in {v}"));
    rule_ids(f)
}

#[test]
fn profile_and_template_are_chosen_per_path() {
    let dir = kinds_repo(KINDS_CONFIG);
    let (v, code) = json_in(dir.path(), &["followups", "templates", "drafts"]);
    assert_eq!(code, 1, "the draft with a merge field fails: {v}");
    let follow = file_rules(&v, "followups/a.txt");
    assert!(follow.contains(&"kind/bump".to_string()), "{follow:?}");
    assert!(follow.contains(&"draft/unfilled-placeholder".to_string()));
    let template = file_rules(&v, "templates/a.txt");
    assert!(!template.contains(&"kind/bump".to_string()), "{template:?}");
    assert!(!template.contains(&"draft/unfilled-placeholder".to_string()));
    let drafts = file_rules(&v, "drafts/a.txt");
    assert!(!drafts.contains(&"kind/bump".to_string()), "{drafts:?}");
    assert!(drafts.contains(&"draft/unfilled-placeholder".to_string()));
}

#[test]
fn top_level_profile_and_template_and_flags_beat_the_file() {
    let dir = kinds_repo(
        "packs = [\"rules/kind.toml\"]\nignore = [\"research\", \"sales\"]\nprofile = \"follow-up\"\ntemplate = true\n\n[[overrides]]\npaths = [\"drafts/**\"]\nprofile = \"proposal\"\ntemplate = false\n",
    );
    let (v, _) = json_in(dir.path(), &["followups", "drafts"]);
    assert_eq!(file_rules(&v, "followups/a.txt"), ["kind/bump"]);
    assert_eq!(
        file_rules(&v, "drafts/a.txt"),
        ["draft/unfilled-placeholder"]
    );
    // The flags beat the top level and the overrides alike.
    let (v, code) = json_in(
        dir.path(),
        &[
            "--profile",
            "follow-up",
            "--template",
            "followups",
            "drafts",
        ],
    );
    assert_eq!(code, 0, "{v}");
    assert_eq!(file_rules(&v, "followups/a.txt"), ["kind/bump"]);
    assert_eq!(file_rules(&v, "drafts/a.txt"), ["kind/bump"]);
    let (v, _) = json_in(dir.path(), &["--profile", "first-touch", "followups"]);
    assert_eq!(file_rules(&v, "followups/a.txt"), Vec::<String>::new());
}

#[test]
fn config_shows_profile_and_template_with_their_origin() {
    let dir = kinds_repo(KINDS_CONFIG);
    let cfg = dir.path().join("pitchlint.toml").display().to_string();
    let (out, _, code) = run(pitchlint_in(dir.path()).arg("config"));
    assert_eq!(code, 0, "{out}");
    let line = |out: &str, key: &str| {
        out.lines()
            .find(|l| l.starts_with(&format!("{key} =")))
            .unwrap_or_else(|| panic!("no {key} in {out}"))
            .to_string()
    };
    assert!(line(&out, "profile").starts_with("profile = \"first-touch\" "));
    assert!(line(&out, "profile").ends_with("# default"));
    assert!(line(&out, "template").ends_with("# default"));
    assert!(out.contains("paths = [\"followups/**\"]\nprofile = \"follow-up\"\n"));
    assert!(out.contains("paths = [\"templates/**\"]\ntemplate = true\n"));
    let (out, _, _) = run(pitchlint_in(dir.path()).args(["--profile", "proposal", "config"]));
    assert!(line(&out, "profile").starts_with("profile = \"proposal\" "));
    assert!(line(&out, "profile").ends_with("# --profile"));
    let (out, _, _) = run(pitchlint_in(dir.path()).args(["config", "templates/a.txt"]));
    assert!(
        out.contains("\n# for templates/a.txt: profile = \"first-touch\", template = true\n"),
        "{out}"
    );
    let (out, _, _) = run(pitchlint_in(dir.path()).args(["config", "followups/a.txt"]));
    assert!(
        out.contains("\n# for followups/a.txt: profile = \"follow-up\", template = false\n"),
        "{out}"
    );
    // --show-config FILE says the same; a folder gets the lines of the files in it.
    let (shown, _, _) = run(pitchlint_in(dir.path()).args(["--show-config", "followups/a.txt"]));
    assert_eq!(shown, out);
    let (folder, _, _) = run(pitchlint_in(dir.path()).args(["config", "followups"]));
    let for_lines = |s: &str| -> Vec<String> {
        let lines = s.lines().filter(|l| l.starts_with("# for "));
        lines
            .map(|l| l.replacen("followups/a.txt", "F", 1))
            .collect()
    };
    assert!(!for_lines(&folder).is_empty(), "{folder}");
    assert_eq!(for_lines(&folder), for_lines(&out), "{folder}");
    let (_, err, code) = run(pitchlint_in(dir.path()).args(["config", "followups/new.txt"]));
    assert_eq!(code, 0);
    assert!(err.contains("followups/new.txt does not exist"), "{err}");
    write(
        dir.path(),
        &[(
            "pitchlint.toml",
            "profile = \"proposal\"\ntemplate = true\n",
        )],
    );
    let (out, _, _) = run(pitchlint_in(dir.path()).arg("config"));
    assert!(
        line(&out, "profile").ends_with(&format!("# {cfg}")),
        "{out}"
    );
    assert!(line(&out, "template").starts_with("template = true "));
    assert!(line(&out, "template").ends_with(&format!("# {cfg}")));
}

#[test]
fn bad_profile_and_template_values_point_at_the_value() {
    let dir = kinds_repo("profile = \"cold\"\n");
    let (_, err, code) = run(pitchlint_in(dir.path()).arg("drafts"));
    assert_eq!(code, 2);
    assert!(
        err.contains("pitchlint.toml:1:11: unknown variant `cold`"),
        "{err}"
    );
    assert!(
        err.contains("`first-touch`, `follow-up`, `proposal`"),
        "{err}"
    );
    write(
        dir.path(),
        &[(
            "pitchlint.toml",
            "[[overrides]]\npaths = [\"x/**\"]\nprofile = \"followup\"\n",
        )],
    );
    let (_, err, code) = run(pitchlint_in(dir.path()).arg("drafts"));
    assert_eq!(code, 2);
    assert!(
        err.contains("pitchlint.toml:3:11: unknown variant `followup`"),
        "{err}"
    );
    write(dir.path(), &[("pitchlint.toml", "template = \"yes\"\n")]);
    let (_, err, code) = run(pitchlint_in(dir.path()).arg("drafts"));
    assert_eq!(code, 2);
    assert!(err.contains("pitchlint.toml:1:12: invalid type"), "{err}");
}

/// `select` reaches the built-in rules that can be turned off (`fake-reply`,
/// `missing-subject`) as it reaches a pack's: left out unless named; the others always run.
#[test]
fn select_leaves_out_the_built_in_rules_it_does_not_name() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[(
            "a.txt",
            "Subject: RE: Columbus lanes\n\nHi Dana,\n\nIn order to help, we ship.\n\nCan we talk?\n",
        )],
    );
    let fired = |args: &[&str]| -> Vec<String> {
        let (out, _, _) = run(pitchlint_in(dir.path())
            .args(["--format", "concise"])
            .args(args)
            .arg("a.txt"));
        out.lines()
            .filter_map(|l| Some(l.split('[').nth(1)?.split(']').next()?.to_string()))
            .collect()
    };
    assert!(fired(&[]).contains(&"pitchlint/fake-reply".to_string()));
    assert_eq!(fired(&["--select", "sales/wordy"]), ["sales/wordy"]);
    for sel in ["sales/wordy,pitchlint/fake-reply", "sales/wordy,pitchlint"] {
        assert_eq!(
            fired(&["--select", sel]),
            ["pitchlint/fake-reply", "sales/wordy"],
            "{sel}"
        );
    }
    // The more specific selector wins, as for a pack's rules.
    assert_eq!(
        fired(&[
            "--select",
            "sales/wordy,pitchlint",
            "--ignore",
            "pitchlint/fake-reply"
        ]),
        ["sales/wordy"]
    );
    let (_, err, code) = run(pitchlint_in(dir.path())
        .args(["--select", "pitchlint/min-score"])
        .arg("a.txt"));
    assert_eq!(code, 2);
    assert!(err.contains("it always runs, selected or not"), "{err}");
}

#[test]
fn select_and_ignore_flags_beat_the_file() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            ("pitchlint.toml", "select = [\"seed\"]\n"),
            ("a.txt", "We leverage synergy. Will you partner with us?\n"),
        ],
    );
    let rules = |args: &[&str]| -> Vec<String> {
        let (out, _, _) = run(pitchlint_in(dir.path())
            .args(["--format", "concise"])
            .args(args)
            .arg("a.txt"));
        let mut r: Vec<String> = out
            .lines()
            .filter_map(|l| {
                l.split('[')
                    .nth(1)
                    .and_then(|x| x.split(']').next())
                    .map(String::from)
            })
            .filter(|r| !r.starts_with("pitchlint/"))
            .collect();
        r.dedup();
        r
    };
    assert_eq!(rules(&[]), ["seed/partner-close"]);
    // --select replaces the file's select; comma-separated and repeated forms both work.
    assert_eq!(rules(&["--select", "sales/buzzwords"]), ["sales/buzzwords"]);
    assert_eq!(
        rules(&[
            "--select",
            "sales/buzzwords,seed",
            "--select",
            "research/too-short"
        ])
        .len(),
        3
    );
    // --ignore adds to the file's ignore.
    assert!(rules(&["--ignore", "partner-close"]).is_empty());
    // A selector that names no rule is a usage error naming the flag.
    let (_, err, code) = run(pitchlint_in(dir.path()).args(["--ignore", "nosuch", "a.txt"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("--ignore nosuch: names no loaded rule"),
        "{err}"
    );
}

/// A misspelt key, value or rule name is answered with the likely intended one.
#[test]
fn a_misspelt_name_gets_a_did_you_mean() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            ("d.txt", "Hi Dana,\n\nCan we talk?\n\nSam\n"),
            (
                "team.toml",
                "[pack]\nname = \"team\"\n[[rule]]\nid = \"x\"\nmessage = \"m\"\nweight = -1\nphrase = [\"ok\"]\n",
            ),
            (
                "ok.toml",
                "[pack]\nname = \"team\"\n[[rule]]\nid = \"x\"\nmessage = \"m\"\nweight = -1\nphrases = [\"ok\"]\n",
            ),
        ],
    );
    for (args, want) in [
        (
            &["--select", "partner", "d.txt"][..],
            "--select partner: names no loaded rule (did you mean `seed/partner-close`, `seed/partner-talk`, `seed/partner-sign-off`, `seed/partner-overuse`, …?)",
        ),
        (
            &["--ignore", "parnter-close", "d.txt"],
            "--ignore parnter-close: names no loaded rule (did you mean `seed/partner-close`?)",
        ),
        (
            &["--rules", "ok.toml", "--select", "teams", "d.txt"],
            "--select teams: names no loaded rule (did you mean `team`?)",
        ),
        (
            &["--no-default-rules", "--ignore", "sales/buzzwords", "d.txt"],
            "--ignore sales/buzzwords: names no loaded rule: no pack is loaded (--no-default-rules, and no pack of the config's or --rules)",
        ),
        (
            &["--ignore", "pitchlint/empty-draft", "d.txt"],
            "--ignore pitchlint/empty-draft: a built-in rule: it cannot be turned off (see `pitchlint explain pitchlint/empty-draft`)",
        ),
        (
            &["--rules", "team.toml", "d.txt"],
            "team.toml:7:1: rule `x`: unknown field `phrase` (did you mean `phrases`?)\n",
        ),
    ] {
        let (_, err, code) = run(pitchlint_in(dir.path()).args(args));
        assert_eq!(code, 2, "{args:?}");
        let err = err.replace(&format!("{}/", dir.path().display()), "");
        assert!(
            err.starts_with(&format!("pitchlint: error: {want}")),
            "{err}"
        );
    }
    let (_, err, _) = run(pitchlint_in(dir.path()).args(["--select", "zzz", "d.txt"]));
    assert!(!err.contains("did you mean"), "{err}");
}

/// `pitchlint config .` shows the current folder's config (not its parent's), and the gate
/// flags may follow the subcommand as they may precede it.
#[test]
fn config_of_a_folder_and_flags_after_the_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &[("pitchlint.toml", "min_score = 60\n")]);
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    for args in [
        &["config", "."][..],
        &["config", "sub"],
        &["--show-config", "."],
    ] {
        let (out, err, code) = run(pitchlint_in(dir.path()).args(args));
        assert_eq!(code, 0, "{args:?}: {err}");
        let first = out.lines().next().unwrap();
        assert!(first.ends_with("/pitchlint.toml"), "{args:?}: {first}");
        assert!(out.contains("\nmin_score = 60 "), "{args:?}: {out}");
    }
    let (out, err, code) = run(pitchlint_in(dir.path()).args([
        "config",
        ".",
        "--fail-on",
        "warning",
        "--min-score",
        "70",
        "--profile",
        "follow-up",
    ]));
    assert_eq!(code, 0, "{err}");
    for line in [
        "fail_on = \"warning\"",
        "min_score = 70 ",
        "profile = \"follow-up\"",
    ] {
        assert!(out.contains(line), "{line}: {out}");
    }
}

/// A draft that names two customers with "Partners" in their names, and asks to partner.
const PARTNERS: &str = "Hi Dana,\n\nOur trucks serve Partners HealthCare and Acme Partners, and we would like to partner with you on your Ohio lanes.\n\nCan we talk on Friday?\n\nBest,\nSam\n";

/// The columns of a rule's findings in the json report's first file.
fn columns(report: &Value, rule: &str) -> Vec<u64> {
    report["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == rule)
        .map(|f| f["column"].as_u64().unwrap())
        .collect()
}

#[test]
fn accepted_terms_are_no_match_for_any_rule() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            (
                "pitchlint.toml",
                "accept = [\"Partners HealthCare\"]\n\n[[overrides]]\npaths = [\"acme/**\"]\naccept = [\"Acme Partners\"]\n",
            ),
            ("draft.txt", PARTNERS),
            ("acme/draft.txt", PARTNERS),
        ],
    );
    // Without the config: "partner" three times, each partner talk, and overused.
    let (all, _) = json_in(dir.path(), &["--isolated", "draft.txt"]);
    assert_eq!(columns(&all, "seed/partner-talk"), [18, 47, 78]);
    assert_eq!(columns(&all, "seed/partner-overuse").len(), 1);
    // The top-level term applies everywhere: its "Partners" is no match, so it is neither a
    // finding nor counted (two mentions are within partner-overuse's limit).
    let (top, _) = json_in(dir.path(), &["draft.txt"]);
    assert_eq!(columns(&top, "seed/partner-talk"), [47, 78]);
    assert!(columns(&top, "seed/partner-overuse").is_empty());
    // The metrics count an accepted term as one word, as a merge field: "Acme Partners" is
    // one word less where it is accepted.
    let words = |file: &str| {
        let (v, _) =
            common::json(pitchlint_in(dir.path()).args(["--stats", "--format", "json", file]));
        v["files"][0]["stats"]["words"].as_u64().unwrap()
    };
    assert_eq!(words("draft.txt") - words("acme/draft.txt"), 1);
    // An [[overrides]] entry's terms add to it for its files.
    let (acme, _) = json_in(dir.path(), &["acme/draft.txt"]);
    assert_eq!(columns(&acme, "seed/partner-talk"), [78]);
    // `config` shows them, and which apply to a file.
    let (out, _, code) = run(pitchlint_in(dir.path()).args(["config", "acme/draft.txt"]));
    assert_eq!(code, 0);
    assert!(
        out.lines()
            .any(|l| l.starts_with("accept = [\"Partners HealthCare\"] ")),
        "{out}"
    );
    assert!(out.contains("\naccept = [\"Acme Partners\"]\n"), "{out}");
    assert!(
        out.contains("# for acme/draft.txt: accept = [\"Partners HealthCare\", \"Acme Partners\"]"),
        "{out}"
    );
}

/// A config that is there but cannot be read (a link that leads nowhere, a folder by that
/// name) is an error naming it, as an unreadable config file is, not silently no config.
#[cfg(unix)]
#[test]
fn a_dangling_config_link_is_an_error_not_no_config() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &[("d.txt", "Hi Dana,\n\nCould we talk?\n")]);
    std::os::unix::fs::symlink("nowhere.toml", dir.path().join("pitchlint.toml")).unwrap();
    let (_, err, code) = run(pitchlint_in(dir.path()).arg("d.txt"));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("pitchlint.toml: no such file or directory"),
        "{err}"
    );
    std::fs::remove_file(dir.path().join("pitchlint.toml")).unwrap();
    std::fs::create_dir(dir.path().join("pitchlint.toml")).unwrap();
    let (_, err, code) = run(pitchlint_in(dir.path()).arg("d.txt"));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("pitchlint.toml: is a directory"), "{err}");
}

/// `pitchlint config` says which `[[overrides]]` entry matches no draft under the config's
/// folder: a misspelt folder otherwise changes nothing, silently.
#[test]
fn config_names_an_override_that_matches_no_draft() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            ("proposals/a.md", "Hi Dana,\n\nCan we talk?\n"),
            (
                "pitchlint.toml",
                "[[overrides]]\npaths = [\"proposal/**\"]\nmin_score = 80\n\n[[overrides]]\npaths = [\"proposals/**\"]\nprofile = \"proposal\"\n",
            ),
        ],
    );
    let (out, err, code) = run(pitchlint_in(dir.path()).arg("config"));
    assert_eq!(code, 0, "{err}");
    let entries: Vec<&str> = out.split("[[overrides]]").skip(1).collect();
    assert_eq!(entries.len(), 2, "{out}");
    assert!(entries[0].contains("# matches no draft under"), "{out}");
    assert!(!entries[1].contains("matches no draft"), "{out}");
    // Drafts a lint would not read (.gitignore'd, in a git repository or not) match nothing.
    write(
        dir.path(),
        &[
            (".gitignore", "old/\n"),
            ("old/a.md", "Hi Dana,\n\nCan we talk?\n"),
            (
                "pitchlint.toml",
                "[[overrides]]\npaths = [\"old/**\"]\nmin_score = 80\n",
            ),
        ],
    );
    let (out, _, _) = run(pitchlint_in(dir.path()).arg("config"));
    assert!(out.contains("# matches no draft under"), "{out}");
}

/// A lint of the config's folder, or of folders in it, says on standard error which
/// `[[overrides]]` entry matches no draft there (its gate is off, unseen, otherwise); a lint of
/// named files says nothing (the entry is for other files), nor does `--quiet`.
#[test]
fn a_lint_of_the_whole_folder_names_an_override_that_matched_nothing() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            ("proposals/a.md", "Hi Dana,\n\nCan we talk?\n"),
            ("notes/b.txt", "Hi Dana,\n\nCan we talk?\n"),
            (
                "pitchlint.toml",
                "[[overrides]]\npaths = [\"proposal/**\"]\nmin_score = 80\n\n[[overrides]]\npaths = [\"proposals/**\"]\nprofile = \"proposal\"\n",
            ),
        ],
    );
    let notes = |err: &str| -> Vec<String> {
        err.lines()
            .filter(|l| l.contains("matches no draft"))
            .map(str::to_owned)
            .collect()
    };
    for args in [
        &["."][..],
        &[dir.path().to_str().unwrap()],
        &["notes", "proposals"],
        &["notes"],
    ] {
        let (_, err, code) = run(pitchlint_in(dir.path()).args(args));
        assert_ne!(code, 2, "{err}");
        let found = notes(&err);
        assert_eq!(found.len(), 1, "{err}");
        assert!(
            found[0]
                == "pitchlint: note: pitchlint.toml: [[overrides]] entry 1 (paths = \
                    [\"proposal/**\"]) matches no draft under . (a misspelt folder?)",
            "{err}"
        );
    }
    let (_, err, code) = run(pitchlint_in(dir.path()).args(["proposals/a.md", "notes/b.txt"]));
    assert_ne!(code, 2, "{err}");
    assert!(notes(&err).is_empty(), "{err}");
    let (_, err, _) = run(pitchlint_in(dir.path()).args(["--quiet", "."]));
    assert!(notes(&err).is_empty(), "{err}");
    // A draft given on standard input under a name in the entry's folder matches it.
    let (_, err, _) = run(pitchlint_in(dir.path())
        .args(["--stdin-filename", "proposal/new.md", "-", "."])
        .write_stdin("Hi Dana,\n\nCan we talk?\n"));
    assert!(notes(&err).is_empty(), "{err}");
    // A walk that never enters the config's folder (.gitignore'd) says nothing of it, as
    // `pitchlint config` says nothing: a draft there the entry is for is found.
    let outer = tempfile::tempdir().unwrap();
    write(
        outer.path(),
        &[
            (".gitignore", "proj/\n"),
            ("proj/drafts/a.md", "Hi Dana,\n\nCan we talk?\n"),
            ("proj/followups/b.md", "Hi Dana,\n\nCan we talk?\n"),
            (
                "proj/pitchlint.toml",
                "[[overrides]]\npaths = [\"drafts/**\"]\nmin_score = 80\n\n[[overrides]]\npaths = [\"followups/**\"]\nmin_score = 80\n",
            ),
        ],
    );
    let (_, err, code) = run(pitchlint_in(outer.path()).args([".", "proj/drafts/a.md"]));
    assert_ne!(code, 2, "{err}");
    assert!(notes(&err).is_empty(), "{err}");
    // Once the folder is spelt right, the note goes.
    write(
        dir.path(),
        &[(
            "pitchlint.toml",
            "[[overrides]]\npaths = [\"proposals/**\"]\nmin_score = 80\n",
        )],
    );
    let (_, err, _) = run(pitchlint_in(dir.path()).arg("."));
    assert!(notes(&err).is_empty(), "{err}");
}

/// `--force-exclude` holds a named file to everything a folder walk skips: a .gitignore'd
/// path (in a folder above it, or re-included deeper), a hidden file or folder, and a
/// `--stdin-filename` that names such a path.
#[test]
fn force_exclude_skips_what_a_walk_skips() {
    let dir = repo();
    write(
        dir.path(),
        &[
            (".gitignore", "build/\n*.bak.txt\n"),
            ("build/gen.txt", DRAFT),
            ("drafts/a.bak.txt", DRAFT),
            ("drafts/keep/.gitignore", "!*.bak.txt\n"),
            ("drafts/keep/b.bak.txt", DRAFT),
            (".hidden.txt", DRAFT),
            (".github/notes.txt", DRAFT),
            ("followups/ok.txt", DRAFT),
        ],
    );
    let named = [
        "build/gen.txt",
        "./build/gen.txt",
        "drafts/a.bak.txt",
        "drafts/keep/b.bak.txt",
        ".hidden.txt",
        ".github/notes.txt",
        "followups/ok.txt",
    ];
    // A walk of the folder skips them too: the same test.
    let (v, _) = json_in(dir.path(), &["."]);
    let walked: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().trim_start_matches("./"))
        .collect();
    assert!(walked.contains(&"drafts/keep/b.bak.txt"), "{walked:?}");
    assert!(!walked.contains(&"build/gen.txt"), "{walked:?}");
    let mut args = vec!["--force-exclude"];
    args.extend(named);
    let (v, _) = json_in(dir.path(), &args);
    let linted = common::file_paths(&v);
    assert_eq!(linted, ["drafts/keep/b.bak.txt", "followups/ok.txt"]);
    // A hidden folder named on the command line is walked, as without --force-exclude.
    let (v, _) = json_in(dir.path(), &["--force-exclude", ".github"]);
    assert_eq!(v["summary"]["files"], 1, "{}", v["summary"]);
    // Without it, every named file is linted (`./build/gen.txt` is `build/gen.txt`).
    let (v, _) = json_in(dir.path(), &named);
    assert_eq!(v["summary"]["files"], named.len() as u64 - 1);
    // Standard input named as an ignored file.
    let (_, err, code) = run(pitchlint_in(dir.path())
        .args(["--force-exclude", "--stdin-filename", "build/x.txt", "-"])
        .write_stdin(DRAFT));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("all left out"), "{err}");
}

/// A config found by walking up, and a pack it lists, are named in errors as from the
/// current folder when they are in it (they were named by their absolute paths), and by the
/// way there from a folder below.
#[test]
fn config_errors_name_the_file_as_from_the_current_folder() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            ("pitchlint.toml", "min_score = \"high\"\n"),
            ("d.txt", "Hi Dana, can we talk?\n"),
        ],
    );
    let (_, err, code) = run(pitchlint_in(dir.path()).arg("d.txt"));
    assert_eq!(code, 2);
    assert!(
        err.starts_with("pitchlint: error: pitchlint.toml:1:13: "),
        "{err}"
    );
    write(
        dir.path(),
        &[
            ("pitchlint.toml", "packs = [\"team.toml\"]\n"),
            (
                "team.toml",
                "[pack]\nname = \"team\"\n[[rule]]\nid = \"x\"\nmessage = \"m\"\nweight = \"heavy\"\nphrases = [\"a\"]\n",
            ),
        ],
    );
    let (_, err, code) = run(pitchlint_in(dir.path()).arg("d.txt"));
    assert_eq!(code, 2);
    assert!(
        err.starts_with("pitchlint: error: team.toml:6:10: "),
        "{err}"
    );
    // A subcommand's errors too (`rules` named the absolute path).
    for sub in ["check-rules", "rules"] {
        let (_, err, code) = run(pitchlint_in(dir.path()).arg(sub));
        assert_eq!(code, 2, "{sub}");
        assert!(
            err.contains("pitchlint: error: team.toml:6:10: "),
            "{sub}: {err}"
        );
        assert!(!err.contains(dir.path().to_str().unwrap()), "{sub}: {err}");
    }
    // From outside the folder, the path that leads there.
    let parent = dir.path().parent().unwrap();
    let name = dir.path().file_name().unwrap().to_str().unwrap();
    let (_, err, _) = run(pitchlint_in(parent).arg(format!("{name}/d.txt")));
    assert!(
        err.starts_with(&format!("pitchlint: error: {name}/team.toml:6:10: ")),
        "{err}"
    );
}

/// `--show-config` prints the config of one path and lints nothing: a flag that would lint,
/// fix or measure beside it, or a second path, is a usage error (exit 2), not ignored unsaid.
#[test]
fn show_config_refuses_what_it_would_ignore() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[("a.txt", "We utilize it.\n"), ("b.txt", "Hi.\n")],
    );
    for extra in [
        &["--fix", "a.txt"][..],
        &["--diff", "a.txt"],
        &["--stats", "a.txt"],
        &["--show-parts", "a.txt"],
        &["--statistics", "a.txt"],
        &["a.txt", "b.txt"],
    ] {
        let (out, err, code) = run(pitchlint_in(dir.path()).arg("--show-config").args(extra));
        assert_eq!(code, 2, "{extra:?}: {out}{err}");
        assert!(out.is_empty(), "{extra:?}: {out}");
        assert_eq!(
            err.lines().filter(|l| l.contains("error")).count(),
            1,
            "{extra:?}: {err}"
        );
        assert!(err.contains("--show-config"), "{extra:?}: {err}");
    }
    // The file is untouched.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        "We utilize it.\n"
    );
}

/// `[rules."pack/id"]` `min` and `max` move a metric or occurrence rule's bounds in the
/// profiles that take the rule's own, and a profile's table moves that profile's, keeping a
/// penalty's ramp; `pitchlint config` and `explain` show them; on a rule without bounds, out
/// of range, or twice, they are errors at their place.
#[test]
fn a_config_changes_a_rule_s_bounds() {
    let dir = tempfile::tempdir().unwrap();
    // 180 words between the greeting and the sign-off: more than research/too-long's 125.
    let body: Vec<String> = (0..20)
        .map(|i| format!("Our Dayton crew moved {i} pallets of your stock."))
        .collect();
    let draft = format!("Hi Dana,\n\n{}\n\nBest,\nSam\n", body.join(" "));
    write(dir.path(), &[("d.txt", &draft)]);
    let too_long = |v: &Value| -> Vec<String> {
        v["files"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "research/too-long")
            .map(|f| f["message"].as_str().unwrap().to_string())
            .collect()
    };
    let points = |v: &Value| {
        v["files"][0]["breakdown"]["rules"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["rule"] == "research/too-long")
            .map(|r| r["points"].as_f64().unwrap())
    };
    let (v, _) = json_in(dir.path(), &["d.txt"]);
    let m = too_long(&v);
    assert_eq!(m.len(), 1, "{v}");
    assert!(m[0].starts_with("180 words, more than 125"), "{m:?}");
    let before = points(&v).unwrap();

    // A team whose first emails run longer.
    let config = |text: &str| write(dir.path(), &[("pitchlint.toml", text)]);
    config("[rules.\"research/too-long\"]\nmax = 200\n");
    let (v, _) = json_in(dir.path(), &["d.txt"]);
    assert!(too_long(&v).is_empty(), "{v}");

    // A stricter one: the ramp (125 → 250 in the pack) keeps its width, 100 → 225, so 180
    // words cost more than at 125.
    config("[rules.too-long]\nmax = 100\n");
    let (v, _) = json_in(dir.path(), &["d.txt"]);
    let m = too_long(&v);
    assert!(m[0].starts_with("180 words, more than 100"), "{m:?}");
    let after = points(&v).unwrap();
    // 0.25 + 0.75 × 55/125 of -10 at 125, 0.25 + 0.75 × 80/125 at 100 (with the ramp left
    // at 250 it would be 0.25 + 0.75 × 80/150).
    assert!(
        (before + 5.8).abs() < 0.01 && (after + 7.3).abs() < 0.01,
        "{before} → {after}"
    );
    // A proposal keeps its own bound (450), which the pack sets apart from the rule's own…
    let (v, _) = json_in(dir.path(), &["--profile", "proposal", "d.txt"]);
    assert!(too_long(&v).is_empty(), "{v}");
    // …unless the profile's table changes it.
    config("[rules.too-long]\nmax = 100\n[rules.too-long.profile.proposal]\nmax = 150\n");
    let (v, _) = json_in(dir.path(), &["--profile", "proposal", "d.txt"]);
    let m = too_long(&v);
    assert!(
        m.len() == 1 && m[0].starts_with("180 words, more than 150"),
        "{v}"
    );
    let (out, _, _) = run(pitchlint_in(dir.path()).args(["config", "d.txt"]));
    assert!(
        out.contains("[rules.\"too-long\"]")
            && out.contains("\nmax = 100\n[rules.\"too-long\".profile.proposal]\nmax = 150\n"),
        "{out}"
    );
    let (out, _, _) = run(pitchlint_in(dir.path()).args(["explain", "research/too-long"]));
    assert!(
        out.contains("# pitchlint.toml changes it (these run, not the pack's):\n    # max = 100\n"),
        "{out}"
    );

    // Errors, each at its place.
    for (text, at, says) in [
        (
            "[rules.\"sales/buzzwords\"]\nmax = 3\n",
            "pitchlint.toml:2:7:",
            "`min` and `max` apply to metric and occurrence rules, and `sales/buzzwords` is a phrase rule",
        ),
        (
            "[rules.\"seed/partner-overuse\"]\nmax = 2.5\n",
            "pitchlint.toml:2:7:",
            "`max` 2.5 is no count",
        ),
        (
            "[rules.\"research/concise\"]\nmax = 10\n",
            "pitchlint.toml:2:7:",
            "`max` 10 is below the rule's `min` 25",
        ),
        (
            "[rules.\"research/too-short\"]\nmax = 10\n",
            "pitchlint.toml:2:7:",
            "the rule has no `max` to change (it has only a `min`)",
        ),
        (
            "[rules.\"research/too-long\"]\nmax = -5\n",
            "pitchlint.toml:2:7:",
            "`max` -5 is out of range: never negative",
        ),
        (
            "[rules.\"research/we-focus\"]\nmin = 40\n",
            "pitchlint.toml:2:7:",
            "`min` 40 is out of range: a share from 0 to 1 (0.4 is 40%)",
        ),
        (
            "[rules.\"research/too-long\"]\nmin = 60\n",
            "pitchlint.toml:2:7:",
            "the rule has no `min` to change (it has only a `max`)",
        ),
        (
            "[rules.\"seed/partner-overuse\"]\nmax = 1\n[rules.\"seed/partner-overuse\".profile.proposal]\nmax = 2.5\n",
            "pitchlint.toml:4:7:",
            "`max` 2.5 is no count",
        ),
        (
            "[rules.\"research/too-long\".profile.proposl]\nmax = 600\n",
            "pitchlint.toml:1:",
            "unknown profile `proposl` (did you mean `proposal`?)",
        ),
        (
            "[rules.\"research/concise\"]\nmin = 10\n[rules.concise]\nmax = 300\n",
            "pitchlint.toml:3:8:",
            "`rules.\"research/concise\"` and `rules.\"concise\"` both change `research/concise`: write one table",
        ),
    ] {
        config(text);
        let (_, err, code) = run(pitchlint_in(dir.path()).arg("d.txt"));
        assert_eq!(code, 2, "{text}: {err}");
        assert!(err.contains(at) && err.contains(says), "{text}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

/// Every invalid glob is reported at its place, two in one list too (only the first was).
#[test]
fn every_invalid_glob_is_reported_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            (
                "pitchlint.toml",
                "exclude = [\"a/[b\", \"ok/**\", \"c/{d\"]\ninclude = [\"**/*.{md\"]\n",
            ),
            ("d.txt", "Hi Dana,\n\nCould we talk Tuesday?\n\nSam\n"),
        ],
    );
    let (_, err, code) = run(pitchlint_in(dir.path()).arg("d.txt"));
    assert_eq!(code, 2, "{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(lines[0].starts_with("pitchlint: error: pitchlint.toml:1:12: `exclude`: invalid glob `a/[b`: unclosed character class"), "{err}");
    assert!(lines[1].starts_with("pitchlint: error: pitchlint.toml:1:29: `exclude`: invalid glob `c/{d`: unclosed alternate group"), "{err}");
    assert!(
        lines[2].starts_with(
            "pitchlint: error: pitchlint.toml:2:12: `include`: invalid glob `**/*.{md`"
        ),
        "{err}"
    );
    // A list over several lines: both of its globs, and the mistake under it.
    write(
        dir.path(),
        &[(
            "pitchlint.toml",
            "exclude = [\n  \"a/[b\",\n  \"c/{d\",\n]\naccept = [\"foo (\"]\n",
        )],
    );
    let (_, err, code) = run(pitchlint_in(dir.path()).arg("d.txt"));
    assert_eq!(code, 2, "{err}");
    let at: Vec<&str> = err
        .lines()
        .filter_map(|l| {
            l.strip_prefix("pitchlint: error: pitchlint.toml:")?
                .split(' ')
                .next()
        })
        .collect();
    assert_eq!(at, ["2:3:", "3:3:", "5:16:"], "{err}");
}
