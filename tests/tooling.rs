//! The subcommands through the real binary: rules, explain, init, check-rules, completions,
//! man and schema, and how they coexist with `pitchlint FILE…`.

mod common;

use common::{TEAM_PACK, pitchlint, pitchlint_in, run, write};
use serde_json::Value;

#[test]
fn rules_lists_every_loaded_rule() {
    let (out, _, code) = run(pitchlint().args(["--isolated", "rules"]));
    assert_eq!(code, 0);
    let mut lines = out.lines();
    let head: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert_eq!(
        head,
        ["RULE", "KIND", "WEIGHT", "SEVERITY", "SCOPE", "PACK"]
    );
    let row = out
        .lines()
        .find(|l| l.starts_with("seed/partner-close "))
        .unwrap();
    let cols: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(
        cols,
        [
            "seed/partner-close",
            "phrase",
            "-20",
            "error",
            "closing",
            "seed"
        ]
    );
    let (json, _, _) = run(pitchlint().args(["--isolated", "rules", "--json"]));
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json.as_array().unwrap().len(), out.lines().count() - 1);
    // The built-in rules come last; the one `ignore` can turn off goes with it.
    let builtin = |out: &str| -> Vec<String> {
        out.lines()
            .filter(|l| l.starts_with("pitchlint/"))
            .map(|l| {
                l.split("  ")
                    .filter(|c| !c.is_empty())
                    .map(str::trim)
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect()
    };
    // Every id a report can show is listed (and so can be explained): the gate's, and the
    // suppression comments'.
    let all = [
        "pitchlint/empty-draft|builtin|-70|error|none|pitchlint",
        "pitchlint/missing-subject|builtin|-10|warning|none|pitchlint",
        "pitchlint/fake-reply|builtin|-15|warning|subject|pitchlint",
        "pitchlint/min-score|builtin|+0|error|none|pitchlint",
        "pitchlint/max-warnings|builtin|+0|error|none|pitchlint",
        "pitchlint/unused-disable|builtin|+0|warning|none|pitchlint",
        "pitchlint/unknown-directive|builtin|+0|warning|none|pitchlint",
        "pitchlint/unknown-rule|builtin|+0|warning|none|pitchlint",
    ];
    assert_eq!(builtin(&out), all);
    assert!(
        out.lines()
            .last()
            .unwrap()
            .starts_with("pitchlint/unknown-rule ")
    );
    for id in [
        "pitchlint/min-score",
        "max-warnings",
        "unused-disable",
        "pitchlint/unknown-directive",
    ] {
        let (text, _, code) = run(pitchlint().args(["--isolated", "explain", id]));
        assert_eq!(code, 0, "{id}");
        assert!(text.starts_with("pitchlint/"), "{text}");
        assert!(text.contains("\nWhy:\n"), "{text}");
    }
    let (ignored, _, _) = run(pitchlint().args([
        "--isolated",
        "--ignore",
        "pitchlint/missing-subject",
        "rules",
    ]));
    let kept: Vec<&str> = all
        .iter()
        .copied()
        .filter(|r| !r.contains("missing-subject"))
        .collect();
    assert_eq!(builtin(&ignored), kept);

    // Flags before or after the subcommand add packs.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &[("team.toml", TEAM_PACK)]);
    for args in [
        ["--rules", "team.toml", "rules"],
        ["rules", "--rules", "team.toml"],
    ] {
        let (out, _, _) = run(pitchlint_in(dir.path()).arg("--isolated").args(args));
        assert!(out.contains("team/competitor "), "{args:?}: {out}");
    }
}

#[test]
fn rules_profile_lists_the_rules_that_apply_in_it() {
    let ids = |args: &[&str]| -> Vec<String> {
        let (out, _, code) = run(pitchlint().args(["--isolated", "rules"]).args(args));
        assert_eq!(code, 0, "{args:?}: {out}");
        out.lines()
            .skip(1)
            .map(|l| l.split_whitespace().next().unwrap().to_string())
            .collect()
    };
    let all = ids(&[]);
    let follow_up = ids(&["--profile", "follow-up"]);
    // `too-short` applies in first-touch and proposal, `proposal-no-price` in proposal only.
    for id in ["research/too-short", "research/proposal-no-price"] {
        assert!(all.contains(&id.to_string()), "{id}");
        assert!(!follow_up.contains(&id.to_string()), "{id}");
    }
    assert!(follow_up.contains(&"research/too-long".to_string()));
    assert!(follow_up.iter().all(|id| all.contains(id)));
    let proposal = ids(&["--profile", "proposal"]);
    assert!(proposal.contains(&"research/proposal-no-price".to_string()));

    // JSON names each rule's profiles, and agrees with the filter.
    let (json, _, _) = run(pitchlint().args(["--isolated", "rules", "--json"]));
    let json: Value = serde_json::from_str(&json).unwrap();
    let profiles = |id: &str| -> Vec<String> {
        let r = json
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["qualified"] == id);
        let list = r.unwrap()["profiles"].as_array().unwrap();
        list.iter()
            .map(|p| p.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(profiles("research/too-short"), ["first-touch", "proposal"]);
    assert_eq!(profiles("research/proposal-no-price"), ["proposal"]);
    assert_eq!(
        profiles("seed/partner-close"),
        ["first-touch", "follow-up", "proposal"]
    );
    let in_follow_up = json
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| {
            r["profiles"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p == "follow-up")
        })
        .count();
    assert_eq!(in_follow_up, follow_up.len());
}

#[test]
fn explain_prints_rationale_examples_and_suggestion() {
    let (out, _, code) = run(pitchlint().args(["--isolated", "explain", "seed/partner-close"]));
    assert_eq!(code, 0);
    assert!(out.starts_with("seed/partner-close\n"));
    assert!(out.contains("kind phrase, weight -20, severity error, scope closing, pack seed"));
    // A gate's own rule costs no points: it says so, not "weight +0".
    let (gate, _, _) = run(pitchlint().args(["--isolated", "explain", "pitchlint/min-score"]));
    assert!(
        gate.contains("kind builtin, no points, severity error"),
        "{gate}"
    );
    assert!(out.contains("\nWhy:\n    The closing paragraph is where the ask is."));
    assert!(out.contains("\nSuggestion:\n    We want to demonstrate"));
    assert!(out.contains("\nFires on (example 1):\n    Hi Dana,"));
    assert!(out.contains("\nStays quiet on (example 1):\n"));
    // Three of each kind, and where the rest are.
    assert!(out.contains("\nFires on (example 3):\n"));
    assert!(!out.contains("\nFires on (example 4):\n"));
    assert!(out.contains(
        "more examples: `pitchlint explain seed/partner-close --format json` lists every one\n"
    ));
    let (json, _, _) = run(pitchlint().args([
        "--isolated",
        "explain",
        "seed/partner-close",
        "--format",
        "json",
    ]));
    let v: Value = serde_json::from_str(&json).unwrap();
    assert!(v["examples"]["fire"].as_array().unwrap().len() > 3);
    // What the rule finds, as its pack writes it, in its order, a list's items one a line.
    assert!(
        out.contains(
            "\nDefinition:\n    phrases = [\n        \"partner~\",\n        \"partnership~\",\n        \"(your|"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "\n    exceptions = [\n        \"not asking for (a|) partnership\",\n        \"(no|forget) partnership (talk|pitch)\","
        ),
        "{out}"
    );
    assert!(out.lines().all(|l| l.chars().count() < 400), "{out}");
    let (wordy, _, _) = run(pitchlint().args(["--isolated", "explain", "sales/wordy"]));
    assert!(wordy.contains("\n    [swap]\n"), "{wordy}");
    assert!(wordy.contains("\n    \"utilize~\" = \"use\"\n"), "{wordy}");
    // A team pack's rule too.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &[("team.toml", TEAM_PACK)]);
    let (team, _, code) = run(pitchlint_in(dir.path()).args([
        "--isolated",
        "--rules",
        "team.toml",
        "explain",
        "team/competitor",
    ]));
    assert_eq!(code, 0);
    assert!(
        team.contains("\nDefinition:\n    phrases = [\"Globex\"]\n"),
        "{team}"
    );
    // A bare id works when one pack has it.
    let (bare, _, _) = run(pitchlint().args(["--isolated", "explain", "partner-close"]));
    assert_eq!(bare, out);
    let (out, err, code) = run(pitchlint().args(["--isolated", "explain", "partner"]));
    assert_eq!((out.as_str(), code), ("", 2));
    assert!(
        err.starts_with("pitchlint: error: unknown rule `partner`: did you mean seed/partner-close, seed/partner-talk"),
        "{err}"
    );
    // A misspelt id gets the closest rule, as `--ignore` does.
    let (_, err, code) = run(pitchlint().args(["--isolated", "explain", "partner-clse"]));
    assert_eq!(code, 2);
    assert_eq!(
        err.trim_end(),
        "pitchlint: error: unknown rule `partner-clse`: did you mean `seed/partner-close`?"
    );
}

/// `explain --format json` (before or after the subcommand) is the rule as `rules --format
/// json` lists it, with the definition and the examples; a format it cannot print is refused,
/// and `config`, which prints TOML, refuses any.
/// A rule the config turns off is still explained (a team lead looks up what they turned
/// off), and the text says it is off there; `select = []`, which would turn every rule off
/// and pass every draft, is an error at its line, and `config` no longer prints it as the
/// default.
#[test]
fn a_rule_turned_off_is_explained_and_an_empty_select_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[("pitchlint.toml", "ignore = [\"sales/spam-triggers\"]\n")],
    );
    let (out, err, code) = run(pitchlint_in(dir.path()).args(["explain", "spam-triggers"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("sales/spam-triggers\n"), "{out}");
    assert!(out.contains("\n  off here: the config's select or ignore turns it off\n"));
    let (on, _, _) = run(pitchlint_in(dir.path()).args(["explain", "sales/buzzwords"]));
    assert!(!on.contains("off here"), "{on}");

    write(
        dir.path(),
        &[
            ("pitchlint.toml", "min_score = 60\nselect = []\n"),
            ("d.txt", "Hi Dana,\n\nWill you partner with us?\n\nSam\n"),
        ],
    );
    let (out, err, code) = run(pitchlint_in(dir.path()).arg("d.txt"));
    assert_eq!(code, 2, "{out}");
    assert!(
        err.starts_with("pitchlint: error: pitchlint.toml:2:10: `select` is an empty list"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    let (shown, _, _) = run(pitchlint_in(dir.path()).args(["--isolated", "config", "."]));
    assert!(shown.contains("# select "), "{shown}");
    assert!(!shown.contains("select = []"), "{shown}");
}

/// A team pack's swap that a default one undoes ("use" -> "utilize" beside sales/wordy's
/// "utilize" -> "use") never settles: `--fix` writes nothing and says why, `--diff` shows no
/// diff, instead of flipping the word or saying nothing.
#[test]
fn fixes_that_undo_each_other_are_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Hi Dana,\n\nWe use the Dayton lane daily for two plants near you.\n\nCould we talk?\n\nSam\n";
    write(
        dir.path(),
        &[
            (
                "t.toml",
                "[pack]\nname = \"t\"\n\n[[rule]]\nid = \"w\"\nkind = \"substitution\"\nmessage = \"House word.\"\nweight = -2\nswap = { \"use\" = \"utilize\" }\n",
            ),
            ("a.txt", text),
        ],
    );
    for flag in ["--fix", "--diff"] {
        let (out, err, _) =
            run(pitchlint_in(dir.path()).args(["--rules", "t.toml", flag, "a.txt"]));
        assert!(
            err.contains("pitchlint: warning: a.txt: not fixed: its fixes never settle"),
            "{flag}: {err}"
        );
        assert!(!out.contains("+++ b/a.txt"), "{flag}: {out}");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.txt")).unwrap(),
            text
        );
    }
}

#[test]
fn explain_as_json_and_formats_a_subcommand_cannot_print() {
    let (out, err, code) = run(pitchlint().args([
        "--isolated",
        "explain",
        "seed/partner-close",
        "--format",
        "json",
    ]));
    assert_eq!(code, 0, "{err}");
    let rule: Value = serde_json::from_str(&out).unwrap();
    let (listed, _, _) = run(pitchlint().args(["--isolated", "rules", "--format", "json"]));
    let listed: Value = serde_json::from_str(&listed).unwrap();
    let same = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["qualified"] == "seed/partner-close")
        .unwrap();
    for (key, value) in same.as_object().unwrap() {
        assert_eq!(&rule[key], value, "{key}");
    }
    let fire = rule["examples"]["fire"].as_array().unwrap();
    assert!(fire[0].as_str().unwrap().starts_with("Hi Dana,"), "{out}");
    assert!(!rule["examples"]["quiet"].as_array().unwrap().is_empty());
    let definition = rule["definition"].as_str().unwrap();
    assert!(
        definition.contains("phrases = [\n    \"partner~\",\n"),
        "{out}"
    );
    let table: toml::Table = toml::from_str(definition).unwrap();
    assert!(table["exceptions"].as_array().unwrap().len() > 10);
    // Before the subcommand too; a built-in rule has no definition.
    let (out, _, code) = run(pitchlint().args([
        "--isolated",
        "--format",
        "json",
        "explain",
        "pitchlint/missing-subject",
    ]));
    assert_eq!(code, 0);
    let builtin: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(builtin["qualified"], "pitchlint/missing-subject");
    assert!(builtin.get("definition").is_none(), "{out}");
    for args in [
        &["explain", "partner-close", "--format", "sarif"][..],
        &["rules", "--format", "concise"],
        &["config", "--format", "json"],
        &["--format", "json", "config"],
    ] {
        let (out, err, code) = run(pitchlint().arg("--isolated").args(args));
        assert_eq!((out.as_str(), code), ("", 2), "{args:?}");
        assert!(
            err.starts_with("pitchlint: error: ") && err.contains("--format"),
            "{args:?}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

/// `check-rules` puts a rule without an example at its id, and says which of the rules an
/// example's rule needs found nothing in it.
#[test]
fn check_rules_places_its_notes_and_names_the_unmet_need() {
    let pack = "[pack]\nname = \"t\"\n\n[[rule]]\nid = \"lane\"\nweight = 0\nmessage = \"m\"\nphrases = [\"Chicago\"]\n\n[[rule]]\nid = \"figure\"\nweight = 0\nmessage = \"m\"\npattern = '[0-9]+%'\n\n[[rule]]\nid = \"proof\"\nweight = 5\nmessage = \"m\"\nphrases = [\"on time\"]\nneeds = [\"lane\", \"figure\"]\n[rule.examples]\nfire = [\"Chicago loads arrive on time.\"]\nquiet = [\"Loads arrive late.\"]\n";
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &[("t.toml", pack)]);
    let (out, err, code) = run(pitchlint_in(dir.path()).args(["check-rules", "t.toml"]));
    assert_eq!(code, 1, "{out}{err}");
    for want in [
        "t.toml:5:6: t/lane: note: no `fire` example",
        "t.toml:5:6: t/lane: note: no `quiet` example",
        "t.toml:11:6: t/figure: note: no `fire` example",
    ] {
        assert!(out.lines().any(|l| l == want), "{want}: {out}");
    }
    let failed = out
        .lines()
        .find(|l| l.contains("t/proof: example should fire but did not"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        failed.ends_with("counts only where t/lane, t/figure fire too: t/figure did not)"),
        "{failed}"
    );
}

/// When one of its files cannot be written, `init` leaves neither: a config without its pack
/// would stop every run in the folder, and `init` again would refuse.
#[cfg(unix)]
#[test]
fn init_that_cannot_write_both_files_leaves_neither() {
    let dir = tempfile::tempdir().unwrap();
    // A link to nothing: `exists()` says no, and creating the file there fails (even as root).
    std::os::unix::fs::symlink(
        dir.path().join("nowhere/x"),
        dir.path().join("pitchlint.toml"),
    )
    .unwrap();
    let (_, err, code) = run(pitchlint_in(dir.path()).arg("init"));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("pitchlint.toml"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        !dir.path().join("rules/team.toml").exists(),
        "the pack was left"
    );
    assert!(
        !dir.path().join("rules").exists(),
        "the folder it made was left"
    );
    // The pack's place taken: no config is left pointing at a pack that is not there.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("nowhere/x"),
        dir.path().join("rules/team.toml"),
    )
    .unwrap();
    let (_, err, code) = run(pitchlint_in(dir.path()).arg("init"));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("team.toml"), "{err}");
    assert!(
        !dir.path().join("pitchlint.toml").exists(),
        "the config was left"
    );
    assert!(
        dir.path().join("rules").exists(),
        "a folder it did not make stays"
    );
}

/// `init` under a folder with a config names its sample pack after the folder (a run over both
/// folders loaded two packs named `team`, and SARIF listed one rule for both) and says that the
/// config above no longer applies there.
#[test]
fn init_under_another_config_names_its_pack_after_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (out, _, code) = run(pitchlint_in(dir.path()).arg("init"));
    assert_eq!(code, 0);
    // With no config above, no note (the temporary folder has none above it).
    assert!(!out.contains("note:"), "{out}");
    let (out, err, code) = run(pitchlint_in(dir.path()).args(["init", "Client Proposals"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(
            "note: pitchlint.toml no longer applies to the drafts under Client Proposals: the nearest config wins"
        ),
        "{out}"
    );
    let pack =
        std::fs::read_to_string(dir.path().join("Client Proposals/rules/team.toml")).unwrap();
    assert!(pack.contains("name = \"client-proposals-team\""), "{pack}");
    let draft = "Hi Dana,\n\nUnlike Globex, we deliver on time.\n\nBest,\nSam\n";
    write(
        dir.path(),
        &[("a.txt", draft), ("Client Proposals/b.txt", draft)],
    );
    let (out, _, _) = run(pitchlint_in(dir.path()).args(["--format", "concise", "."]));
    assert!(
        out.contains("./a.txt:3:8: warning [team/competitor-name]"),
        "{out}"
    );
    assert!(
        out.contains("b.txt:3:8: warning [client-proposals-team/competitor-name]"),
        "{out}"
    );
    // The renamed pack passes its own checks.
    let (out, _, _) = run(pitchlint_in(dir.path()).args(["check-rules", "Client Proposals/rules"]));
    assert!(out.contains("all hold"), "{out}");
    // The config's `select`, uncommented, names the pack by its new name.
    let path = dir.path().join("Client Proposals/pitchlint.toml");
    let config = std::fs::read_to_string(&path).unwrap();
    let selected = config.replacen("# select = ", "select = ", 1);
    assert!(
        selected.contains("\"client-proposals-team\", \"pitchlint\"]"),
        "{selected}"
    );
    std::fs::write(&path, selected).unwrap();
    let (out, err, code) =
        run(pitchlint_in(dir.path()).args(["--format", "concise", "Client Proposals/b.txt"]));
    assert_ne!(code, 2, "{err}");
    assert!(
        out.contains("[client-proposals-team/competitor-name]"),
        "{out}"
    );
}

#[test]
fn init_writes_a_working_starter_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let (out, _, code) = run(pitchlint_in(dir.path()).arg("init"));
    assert_eq!(code, 0);
    assert!(
        out.contains("pitchlint.toml") && out.contains("team.toml"),
        "{out}"
    );
    let config = std::fs::read_to_string(dir.path().join("pitchlint.toml")).unwrap();

    // The starter pack passes its own checks, and the config loads it.
    let (out, err, code) = run(pitchlint_in(dir.path()).args(["check-rules", "rules"]));
    assert_eq!(code, 0, "{out}{err}");
    write(
        dir.path(),
        &[(
            "proposals/a.txt",
            "Hi Dana,\n\nUnlike Globex, we ship.\n\nBest,\nSam\n",
        )],
    );
    let (out, _, _) =
        run(pitchlint_in(&dir.path().join("proposals")).args(["--format", "concise", "a.txt"]));
    assert!(out.contains("[team/competitor-name]"), "{out}");
    // A key appended to the starter is a top-level key, not one of a table the file ends
    // with: the name it accepts is accepted everywhere.
    let draft = "Hi Dana,\n\nKroger and GreenLeaf Partners cut waste 12% with us.\n\nBest,\nSam\n";
    write(dir.path(), &[("followups/b.txt", draft)]);
    let lint = || run(pitchlint_in(dir.path()).args(["--format", "concise", "followups/b.txt"])).0;
    assert!(lint().contains("[seed/partner"), "{}", lint());
    let mut appended = config.clone();
    appended.push_str("accept = [\"GreenLeaf Partners\"]\n");
    std::fs::write(dir.path().join("pitchlint.toml"), appended).unwrap();
    assert!(!lint().contains("[seed/partner"), "{}", lint());
    std::fs::write(dir.path().join("pitchlint.toml"), &config).unwrap();
    // The starter's `select`, uncommented as it stands, keeps every check the run had: the
    // draft pack's unfilled merge field and the built-in checks too.
    write(
        dir.path(),
        &[(
            "followups/c.txt",
            "Hi {{first_name}},\n\nUnlike Globex, we ship. Could we talk?\n",
        )],
    );
    let ids = |config: &str| {
        std::fs::write(dir.path().join("pitchlint.toml"), config).unwrap();
        let (out, err, code) =
            run(pitchlint_in(dir.path()).args(["--format", "concise", "followups/c.txt"]));
        assert_eq!(code, 1, "{out}{err}");
        out.lines()
            .filter_map(|l| Some(l.split_once('[')?.1.split_once(']')?.0.to_string()))
            .collect::<Vec<_>>()
    };
    let all = ids(&config);
    assert!(
        all.iter().any(|r| r == "draft/unfilled-placeholder"),
        "{all:?}"
    );
    assert!(all.iter().any(|r| r.starts_with("research/")), "{all:?}");
    assert_eq!(ids(&config.replacen("# select = ", "select = ", 1)), all);
    std::fs::write(dir.path().join("pitchlint.toml"), &config).unwrap();
    std::fs::remove_dir_all(dir.path().join("followups")).unwrap();

    // A second run refuses, and changes nothing.
    std::fs::write(dir.path().join("pitchlint.toml"), "# mine\n").unwrap();
    let (_, err, code) = run(pitchlint_in(dir.path()).arg("init"));
    assert_eq!(code, 2);
    assert!(err.contains("pitchlint.toml: already exists"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("pitchlint.toml")).unwrap(),
        "# mine\n"
    );
    assert_ne!(config, "# mine\n");
    let fresh = tempfile::tempdir().unwrap();
    write(fresh.path(), &[("rules/team.toml", "keep")]);
    assert_eq!(run(pitchlint_in(fresh.path()).arg("init")).2, 2);
    assert!(!fresh.path().join("pitchlint.toml").exists());
    // A `.pitchlint.toml` there already would lose its place to the new file: refused too.
    let hidden = tempfile::tempdir().unwrap();
    write(hidden.path(), &[(".pitchlint.toml", "min_score = 80\n")]);
    let (_, err, code) = run(pitchlint_in(hidden.path()).arg("init"));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(".pitchlint.toml: this folder has a config already"),
        "{err}"
    );
    assert!(!hidden.path().join("pitchlint.toml").exists());
    assert!(!hidden.path().join("rules").exists());
    // The starter leaves a repository's own documents out: a README is no pitch.
    write(
        dir.path(),
        &[
            ("README.md", "# Proposals\n\nPartner with us.\n"),
            ("docs/README.md", "# Docs\n"),
        ],
    );
    std::fs::write(dir.path().join("pitchlint.toml"), &config).unwrap();
    let (out, err, _) = run(pitchlint_in(dir.path()).args(["--format", "json", "."]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    let paths = common::file_paths(&v);
    assert_eq!(paths, ["./proposals/a.txt"], "{out}");
}

#[test]
fn check_rules_validates_packs_and_runs_examples() {
    let (out, err, code) = run(pitchlint().args(["check-rules", "rules"]));
    assert_eq!(code, 0);
    assert!(out.trim_end().ends_with("examples: all hold"), "{out}");
    // The default packs' own files clash with nothing.
    assert_eq!(err, "");

    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            (
                "bad-example.toml",
                "[pack]\nname = \"t\"\n[[rule]]\nid = \"x\"\nmessage = \"m\"\nweight = -1\nphrases = [\"globex\"]\n[rule.examples]\nfire = [\"Initech\"]\nquiet = [\"nothing\"]\n",
            ),
            (
                "broken.toml",
                "[pack]\nname = \"u\"\n[[rule]]\nid = \"y\"\nmessage = \"m\"\nweight = -1\nseverity = \"fatal\"\nphrases = [\"a\"]\n",
            ),
        ],
    );
    let (out, _, code) = run(pitchlint_in(dir.path()).args(["check-rules", "bad-example.toml"]));
    assert_eq!(code, 1);
    assert!(
        out.contains("bad-example.toml:9:9: t/x: example should fire but did not: \"Initech\""),
        "{out}"
    );
    assert!(
        out.contains("1 pack, 1 rule, 2 examples: 1 failed"),
        "{out}"
    );
    // Whole drafts as examples, with `\n` or as a `"""` string, are found where they are
    // written, each one (not at the rule's id).
    write(
        dir.path(),
        &[(
            "drafts.toml",
            "[pack]\nname = \"d\"\n[[rule]]\nid = \"x\"\nmessage = \"m\"\nweight = -1\nphrases = [\"globex\"]\n[rule.examples]\nfire = [\n  \"Hi Dana,\\n\\nGlobex.\",\n  \"Hi Dana,\\n\\nInitech.\",\n  \"\"\"Hi Dana,\n\nAcme.\"\"\",\n]\nquiet = [\"We met Globex and Initech at the fair.\"]\n",
        )],
    );
    let (out, _, code) = run(pitchlint_in(dir.path()).args(["check-rules", "drafts.toml"]));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "drafts.toml:11:3: d/x: example should fire but did not: \"Hi Dana,\\n\\nInitech.\""
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "drafts.toml:12:3: d/x: example should fire but did not: \"Hi Dana,\\n\\nAcme.\""
        ),
        "{out}"
    );
    // Each says what helps to see why: the parts of an example that stayed quiet and the
    // parts the rule reads; where and on what one that should be quiet fired.
    assert!(
        out.contains("\"Hi Dana,\\n\\nAcme.\" (its parts, by line: greeting 1, opening+closing 3; the rule reads subject+greeting+opening+body+closing+signoff in the first-touch profile)"),
        "{out}"
    );
    assert!(
        out.contains("drafts.toml:16:10: d/x: example should stay quiet but fired: \"We met Globex and Initech at the fair.\" (fired at line 1 in opening+closing, on \"Globex\": m)"),
        "{out}"
    );
    let (out, err, code) =
        run(pitchlint_in(dir.path()).args(["check-rules", "broken.toml", "bad-example.toml"]));
    assert_eq!(code, 2);
    assert!(
        err.starts_with("pitchlint: error: broken.toml:7:12: rule `y`: unknown severity `fatal`"),
        "{err}"
    );
    // The pack that loads still has its examples run, in the same run.
    assert!(
        out.contains("t/x: example should fire but did not"),
        "{out}"
    );
    assert!(
        out.ends_with(
            "1 of 2 packs loaded, 1 rule, 2 examples: 1 failed\n1 pack could not be loaded: see the errors\n"
        ),
        "{out}"
    );
    // Every pack broken: nothing to count, only how many.
    let (out, _, code) = run(pitchlint_in(dir.path()).args(["check-rules", "broken.toml"]));
    assert_eq!(code, 2);
    assert_eq!(out, "1 pack could not be loaded: see the errors\n");
}

#[test]
fn completions_and_man_page_come_from_the_definitions() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (out, _, code) = run(pitchlint().args(["completions", shell]));
        assert_eq!(code, 0);
        assert!(out.contains("check-rules"), "{shell}");
        assert!(out.contains("max-warnings"), "{shell}");
    }
    // A subcommand completes only the options it reads, as its help lists them (a review's,
    // session 50: `init --min-score` was completed, then refused).
    let (bash, _, _) = run(pitchlint().args(["completions", "bash"]));
    let opts = |sub: &str| {
        let at = bash
            .find(&format!("\n        pitchlint__subcmd__{sub})\n"))
            .unwrap_or_else(|| panic!("no {sub} in {bash}"));
        bash[at..]
            .lines()
            .find_map(|l| l.trim().strip_prefix("opts=\""))
            .unwrap()
            .trim_end_matches('"')
            .split(' ')
            .collect::<Vec<_>>()
    };
    assert_eq!(opts("init"), ["-o", "-h", "--color", "--output", "--help"]);
    let rules = opts("rules");
    assert!(
        rules.contains(&"--select") && !rules.contains(&"--min-score"),
        "{rules:?}"
    );
    let config = opts("config");
    assert!(
        config.contains(&"--min-score") && !config.contains(&"--format"),
        "{config:?}"
    );
    let (fish, _, _) = run(pitchlint().args(["completions", "fish"]));
    assert!(!fish.contains("__fish_pitchlint_using_subcommand init\" -l min-score"));
    assert!(
        fish.contains("__fish_pitchlint_needs_command\" -l min-score"),
        "{fish}"
    );
    let (out, _, code) = run(pitchlint().arg("man"));
    assert_eq!(code, 0);
    assert!(
        out.contains(".TH pitchlint 1"),
        "{}",
        &out[..200.min(out.len())]
    );
    assert!(out.contains("fail\\-on") || out.contains("fail-on"));
    // Each exit code has its entry, before the version.
    let exit = out
        .find(".SH \"EXIT STATUS\"")
        .expect("an EXIT STATUS section");
    for code in ["\\fB0\\fR", "\\fB1\\fR", "\\fB2\\fR"] {
        assert!(out[exit..].contains(code), "{code}");
    }
    assert!(exit < out.find(".SH VERSION").unwrap());
    assert!(!out.contains(".SH EXTRA"));
    // Subcommands are listed on this page: it names no page it does not come with.
    assert!(out.contains("\\fBcheck\\-rules\\fR\n"), "{out}");
    assert!(!out.contains("pitchlint\\-rules(1)") && !out.contains("pitchlint-rules(1)"));
}

#[test]
fn a_missing_argument_with_a_fixed_list_says_the_list() {
    // On one line, each value named: the user asked for the list.
    for (sub, values) in [
        (
            "completions",
            &["bash", "elvish", "fish", "powershell", "zsh"][..],
        ),
        ("schema", &["pack", "config"][..]),
    ] {
        let (out, err, code) = run(pitchlint().arg(sub));
        assert_eq!(code, 2, "{sub}");
        assert!(out.is_empty(), "{sub}");
        assert_eq!(err.lines().count(), 1, "{sub}: {err}");
        let list = err
            .split("; possible values: ")
            .nth(1)
            .unwrap_or_else(|| panic!("{sub}: no list in {err}"));
        for v in values {
            assert!(list.contains(v), "{sub}: {v} not in {err}");
        }
    }
    // A rule id has no fixed list: the error says where the list is.
    let (_, err, code) = run(pitchlint().arg("explain"));
    assert_eq!(code, 2);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!err.contains("possible values"), "{err}");
    assert!(
        err.contains("<RULE> is a rule id, as `pitchlint rules` lists them"),
        "{err}"
    );
}

#[test]
fn a_file_named_like_a_subcommand_is_linted_as_dot_slash() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &[("rules", "Will you partner with us?\n")]);
    let (out, _, code) =
        run(pitchlint_in(dir.path()).args(["--isolated", "--format", "concise", "./rules"]));
    assert!(
        out.lines()
            .any(|l| l.starts_with("./rules:1:10: error [seed/partner-close]")),
        "{out}"
    );
    assert_eq!(code, 1, "an error: a linted file, not the subcommand");
    let (out, _, _) = run(pitchlint_in(dir.path()).args(["--isolated", "rules"]));
    assert!(out.starts_with("RULE "));
}

fn toml_to_json(text: &str) -> Value {
    serde_json::to_value(toml::from_str::<toml::Value>(text).unwrap()).unwrap()
}

fn validator(which: &str) -> jsonschema::Validator {
    let path = format!("{}/schemas/{which}.schema.json", env!("CARGO_MANIFEST_DIR"));
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

#[test]
fn committed_schemas_are_up_to_date() {
    for which in ["pack", "config"] {
        let (out, _, code) = run(pitchlint().args(["schema", which]));
        assert_eq!(code, 0);
        let path = format!("{}/schemas/{which}.schema.json", env!("CARGO_MANIFEST_DIR"));
        let committed = std::fs::read_to_string(&path).unwrap();
        assert!(
            committed == out,
            "{path} is stale: run `cargo run -- schema {which} > schemas/{which}.schema.json`"
        );
    }
}

#[test]
fn schemas_accept_what_pitchlint_accepts_and_reject_unknown_keys() {
    let packs = validator("pack");
    let mut files: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/rules"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.push(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/team-pack.toml").into());
    for f in files {
        let v = toml_to_json(&std::fs::read_to_string(&f).unwrap());
        let errors: Vec<String> = packs.iter_errors(&v).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", f.display());
    }
    assert!(!packs.is_valid(&toml_to_json("[pack]\nname = \"t\"\n[[rule]]\nid = \"x\"\nmessage = \"m\"\nweight = -1\nphrase = [\"a\"]\n")));
    assert!(!packs.is_valid(&toml_to_json("[pack]\nname = \"t\"\n[[rule]]\nid = \"x\"\nmessage = \"m\"\nweight = -1\nscope = \"ending\"\n")));

    let config = validator("config");
    let dir = tempfile::tempdir().unwrap();
    run(pitchlint_in(dir.path()).arg("init"));
    let starter =
        toml_to_json(&std::fs::read_to_string(dir.path().join("pitchlint.toml")).unwrap());
    assert!(config.is_valid(&starter));
    assert!(!config.is_valid(&toml_to_json("minscore = 1\n")));
    assert!(!config.is_valid(&toml_to_json("fail_on = \"fatal\"\n")));
    assert!(!config.is_valid(&toml_to_json("[[overrides]]\nmin_score = 1\n")));
}

/// The keys serde names when it meets an unknown one: "expected one of `a`, `b`" (or
/// "expected `a` or `b`").
fn serde_keys(toml: &str) -> Vec<String> {
    let src = pitchlint::pack::PackSource {
        path: "t.toml".into(),
        text: toml.into(),
    };
    let msg = src.parse().unwrap_err().message;
    let list = msg
        .split("expected")
        .nth(1)
        .unwrap_or_else(|| panic!("{msg}"));
    let mut keys: Vec<String> = list
        .split('`')
        .skip(1)
        .step_by(2)
        .map(String::from)
        .collect();
    keys.sort();
    keys
}

fn schema_keys(def: &str) -> Vec<String> {
    let v: Value = serde_json::from_str(&pitchlint::tooling::schema::pack()).unwrap();
    let props = if def.is_empty() {
        &v["properties"]
    } else {
        &v["$defs"][def]["properties"]
    };
    let mut keys: Vec<String> = props.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    keys
}

#[test]
fn the_pack_schema_has_exactly_the_pack_reader_s_keys() {
    let rule = "[pack]\nname = \"t\"\n[[rule]]\nzzz = 1\n";
    assert_eq!(
        schema_keys("RuleFile"),
        serde_keys(rule),
        "update src/tooling/schema.rs"
    );
    let header = "[pack]\nname = \"t\"\nzzz = 1\n";
    assert_eq!(schema_keys("PackHeader"), serde_keys(header));
    let examples = "[pack]\nname = \"t\"\n[[rule]]\nid = \"x\"\nmessage = \"m\"\nweight = 1\n[rule.examples]\nzzz = 1\n";
    assert_eq!(schema_keys("ExamplesFile"), serde_keys(examples));
    assert_eq!(
        schema_keys(""),
        serde_keys("zzz = 1\n[pack]\nname = \"t\"\n")
    );
}

/// `--format` before a subcommand: `rules` takes `--format json` as its own `--json`; the
/// other subcommands refuse a format rather than ignore it.
#[test]
fn format_before_a_subcommand_is_honoured_or_refused() {
    let (by_format, _, code) = run(pitchlint().args(["--isolated", "--format", "json", "rules"]));
    assert_eq!(code, 0);
    let (by_flag, _, _) = run(pitchlint().args(["--isolated", "rules", "--json"]));
    assert_eq!(by_format, by_flag);
    let (after, _, _) = run(pitchlint().args(["--isolated", "rules", "--format", "json"]));
    assert_eq!(after, by_flag);
    let rules: serde_json::Value = serde_json::from_str(&by_format).unwrap();
    assert!(rules.as_array().is_some_and(|a| !a.is_empty()));
    for args in [
        ["rules", "--format", "sarif"],
        ["--format", "sarif", "rules"],
        ["--format", "json", "init"],
        ["--format", "concise", "man"],
    ] {
        let (out, err, code) = run(pitchlint().arg("--isolated").args(args));
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert!(
            err.contains("--format") && err.contains("drop"),
            "{args:?}: {err}"
        );
    }
}

/// `check-rules` reports what linting with the packs would: two packs of one name are an
/// error (the others still checked, and counted), and a name a default pack has is a note.
#[test]
fn check_rules_reports_pack_name_clashes() {
    let dir = tempfile::tempdir().unwrap();
    let pack = |name: &str| {
        format!(
            "[pack]\nname = \"{name}\"\n[[rule]]\nid = \"x\"\nmessage = \"m\"\nweight = -1\nphrases = [\"foo bar\"]\n[rule.examples]\nfire = [\"a foo bar\"]\nquiet = [\"b\"]\n"
        )
    };
    let (team, sales) = (pack("team"), pack("sales"));
    write(
        dir.path(),
        &[
            ("two/a.toml", team.as_str()),
            ("two/b.toml", team.as_str()),
            ("sales.toml", sales.as_str()),
        ],
    );
    let (out, err, code) = run(pitchlint_in(dir.path()).args(["check-rules", "two"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("two/b.toml:2:8: pack name `team` is already used by two/a.toml"),
        "{err}"
    );
    assert!(
        out.contains("1 of 2 packs loaded, 1 rule, 2 examples: all hold"),
        "{out}"
    );
    assert!(out.contains("1 pack could not be loaded"), "{out}");
    // A pack named as a default pack is an error, at its name, as a lint that loads both
    // fails (it was a note: a rules repository's CI stayed green); its examples still run.
    let (out, err, code) = run(pitchlint_in(dir.path()).args(["check-rules", "sales.toml"]));
    assert_eq!(code, 2, "{err}");
    assert!(
        out.contains("1 pack, 1 rule, 2 examples: all hold"),
        "{out}"
    );
    assert!(
        out.contains("1 pack cannot be loaded beside the default packs"),
        "{out}"
    );
    assert!(
        err.contains("error: sales.toml:2:8: pack name `sales` is also the default pack"),
        "{err}"
    );
    // Without the default packs, it is fine.
    let (_, err, code) =
        run(pitchlint_in(dir.path()).args(["--no-default-rules", "check-rules", "sales.toml"]));
    assert_eq!(code, 0, "{err}");
    // And linting with it fails, as the error says.
    let (_, err, code) = run(pitchlint_in(dir.path())
        .args(["--rules", "sales.toml", "-"])
        .write_stdin("Hi."));
    assert_eq!(code, 2);
    assert!(err.contains("pack name `sales` is already used"), "{err}");
}

/// A bare `check-rules` checks the packs the config found from the current folder lists, and
/// says so when there are none.
#[test]
fn check_rules_with_no_path_checks_the_config_s_packs() {
    let dir = tempfile::tempdir().unwrap();
    let (_, err, code) = run(pitchlint_in(dir.path()).args(["--isolated", "check-rules"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("check-rules: no packs to check"), "{err}");
    write(
        dir.path(),
        &[
            ("pitchlint.toml", "packs = [\"rules/team.toml\"]\n"),
            (
                "rules/team.toml",
                "[pack]\nname = \"team\"\n[[rule]]\nid = \"x\"\nmessage = \"m\"\nweight = -1\nphrases = [\"globex\"]\n[rule.examples]\nfire = [\"Initech\"]\n",
            ),
        ],
    );
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let (out, err, code) = run(pitchlint_in(&dir.path().join("sub")).arg("check-rules"));
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("team/x: example should fire but did not: \"Initech\""),
        "{out}"
    );
    assert!(out.contains("1 pack, 1 rule, 1 example: 1 failed"), "{out}");
}

/// Each subcommand's help lists the global options it takes and no other (a new user's,
/// session 50: `init --help` offered `--min-score`, which `init` refuses): one it lists is
/// taken, and one it leaves out is refused.
#[test]
fn subcommand_help_lists_only_the_global_options_it_takes() {
    for (sub, takes, refused) in [
        ("rules", Some("--select"), "--min-score"),
        ("explain", Some("--select"), "--fail-on"),
        ("check-rules", Some("--no-default-rules"), "--select"),
        ("config", Some("--min-score"), "--format"),
        ("init", None, "--rules"),
        ("man", None, "--config"),
        ("completions", None, "--template"),
        ("schema", None, "--no-default-rules"),
    ] {
        let (help, _, code) = run(pitchlint().args(["help", sub]));
        assert_eq!(code, 0);
        let lists = |flag: &str| help.lines().any(|l| l.trim_start().starts_with(flag));
        assert!(!lists(refused), "{sub} lists {refused}: {help}");
        // Every subcommand takes these.
        assert!(lists("--color") && lists("-o, --output"), "{sub}: {help}");
        if let Some(flag) = takes {
            assert!(lists(flag), "{sub} does not list {flag}: {help}");
        }
        let mut args = vec![refused];
        if !matches!(refused, "--no-default-rules" | "--template") {
            args.push(match refused {
                "--min-score" => "60",
                "--fail-on" => "warning",
                "--select" => "seed",
                "--format" => "json",
                _ => "x.toml",
            });
        }
        args.push(sub);
        match sub {
            "explain" => args.push("seed/partner-close"),
            "completions" => args.push("bash"),
            "schema" => args.push("pack"),
            "init" => args.push("/nonexistent-dir-for-init"),
            _ => {}
        }
        let (_, err, code) = run(pitchlint().args(&args));
        assert_eq!(code, 2, "{sub} {args:?}: {err}");
        assert!(err.contains("not apply to"), "{sub}: {err}");
    }
    // The top level's help still lists them all.
    let (help, _, _) = run(pitchlint().arg("--help"));
    for flag in ["--min-score", "--rules", "--template", "--format"] {
        assert!(help.contains(flag), "{flag}");
    }
}

/// Every commented-out table of the starter config loads once uncommented, as a user would
/// (the bounds example too), and `pitchlint config` shows it.
#[test]
fn init_s_commented_tables_load_when_uncommented() {
    let dir = tempfile::tempdir().unwrap();
    let (_, err, code) = run(pitchlint_in(dir.path()).arg("init"));
    assert_eq!(code, 0, "{err}");
    let path = dir.path().join("pitchlint.toml");
    let config = std::fs::read_to_string(&path).unwrap();
    let key = |l: &str| {
        l.split_once(" = ").is_some_and(|(k, _)| {
            !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase() || c == '_')
        })
    };
    let mut n = 0;
    let uncommented: String = config
        .lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(rest) if rest.starts_with('[') || key(rest) => {
                n += 1;
                format!("{rest}\n")
            }
            _ => format!("{l}\n"),
        })
        .collect();
    assert!(n >= 12, "{n} lines uncommented:\n{uncommented}");
    std::fs::write(&path, &uncommented).unwrap();
    let (out, err, code) = run(pitchlint_in(dir.path()).args(["config", "."]));
    assert_eq!(code, 0, "{err}\n{uncommented}");
    for shown in [
        "[rules.\"research/too-long\"]",
        "max = 150",
        "[rules.\"sales/buzzwords\"]",
        "paths = [\"proposals/**\"]",
        "min_score = 60",
    ] {
        assert!(out.contains(shown), "{shown}: {out}");
    }
}

/// `explain` says when the config changes a rule's severity or weight, as it does its bounds
/// (the header shows what runs, the pack's definition what the pack says: a new user's,
/// session 50, saw -9 above `weight = -6` with no word why), and `config` shows each
/// `[rules."…"]` table with its origin in the column of the other lines'.
#[test]
fn explain_and_config_show_a_config_s_change_of_weight_and_severity() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[(
            "pitchlint.toml",
            "[rules.\"sales/buzzwords\"]\nseverity = \"error\"\nweight = -9\n\n[rules.\"too-long\"]\nmax = 150\n",
        )],
    );
    let (out, err, code) = run(pitchlint_in(dir.path()).args(["explain", "sales/buzzwords"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(
            "# pitchlint.toml changes it (these run, not the pack's):\n    # severity = \"error\"\n    # weight = -9\n"
        ),
        "{out}"
    );
    // A rule the config leaves alone says nothing of it.
    let (out, _, _) = run(pitchlint_in(dir.path()).args(["explain", "seed/partner-close"]));
    assert!(!out.contains("changes it"), "{out}");
    let (out, _, _) = run(pitchlint_in(dir.path()).arg("config"));
    let column = |l: &str| l.find(" # ");
    let comments: Vec<Option<usize>> = out
        .lines()
        .filter(|l| l.contains(" # ") && !l.starts_with('#'))
        .map(column)
        .collect();
    assert!(comments.len() > 3, "{out}");
    assert!(comments.windows(2).all(|w| w[0] == w[1]), "{out}");
    assert!(
        out.contains("[rules.\"sales/buzzwords\"]")
            && out.contains("\nseverity = \"error\"\nweight = -9\n"),
        "{out}"
    );
}

/// `check-rules` notes a phrase that is a web or email address as written (links in a draft
/// are masked: it matches only text that is no link), and still passes: "asp.net" finds
/// "ASP.NET" (a review's, session 50: as a load error it broke a working pack). A pack named
/// as a default pack is no error where the config here turns the default packs off.
#[test]
fn check_rules_notes_a_phrase_that_is_a_link() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            (
                "t.toml",
                "[pack]\nname = \"t\"\n[[rule]]\nid = \"links\"\nmessage = \"m\"\nweight = -1\nphrases = [\"bit.ly\", \"asp.net\", \"e.g. this\"]\n[rule.examples]\nfire = [\"We run ASP.NET.\"]\nquiet = [\"Book at bit.ly/x today.\"]\n",
            ),
            (
                "sales.toml",
                "[pack]\nname = \"sales\"\n[[rule]]\nid = \"x\"\nmessage = \"m\"\nweight = -1\nphrases = [\"globex\"]\n",
            ),
        ],
    );
    let (out, err, code) = run(pitchlint_in(dir.path()).args(["check-rules", "t.toml"]));
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains(
            "t.toml:7:13: t/links: note: phrase \"bit.ly\": `bit.ly` is a web or email address"
        ),
        "{out}"
    );
    assert!(
        out.contains("t.toml:7:23: t/links: note: phrase \"asp.net\""),
        "{out}"
    );
    assert!(!out.contains("e.g."), "{out}");
    assert!(out.contains("all hold"), "{out}");
    // The lint loads it and finds the capitalised form.
    let (out, err, code) = run(pitchlint_in(dir.path())
        .args([
            "--no-default-rules",
            "--rules",
            "t.toml",
            "--format",
            "concise",
            "-",
        ])
        .write_stdin("We run ASP.NET for you. Book at bit.ly/x today.\n"));
    assert!(code < 2, "{err}");
    assert!(out.contains(":1:8: warning [t/links]"), "{out}");
    assert_eq!(out.matches("[t/links]").count(), 1, "{out}");
    // `default_rules = false` in the config here: no clash with the default `sales`.
    let (_, err, code) = run(pitchlint_in(dir.path()).args(["check-rules", "sales.toml"]));
    assert_eq!(code, 2, "{err}");
    std::fs::write(dir.path().join("pitchlint.toml"), "default_rules = false\n").unwrap();
    let (_, err, code) = run(pitchlint_in(dir.path()).args(["check-rules", "sales.toml"]));
    assert_eq!(code, 0, "{err}");
}
