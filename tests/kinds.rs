//! The shape rule kinds through the real binary: repetition on the essay, the score of a long
//! we-we-we pitch against a short you-focused one, profiles and --stats.

mod common;

use common::{lint_json, pitchlint};
use predicates::prelude::*;
use serde_json::Value;

/// The json report of `args`, reading `stdin` when given (the exit code is not needed here).
fn json(args: &[&str], stdin: Option<&str>) -> Value {
    lint_json(args, stdin).0
}

fn findings<'a>(v: &'a Value, rule: &str) -> Vec<&'a Value> {
    v["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == rule)
        .collect()
}

#[test]
fn the_essay_s_repeated_paragraph_is_flagged_on_its_second_copy() {
    let v = json(&["tests/fixtures/essay.txt"], None);
    let f = findings(&v, "research/repeated-paragraph");
    assert_eq!(f.len(), 1, "{f:?}");
    let source = std::fs::read_to_string("tests/fixtures/essay.txt").unwrap();
    let text = f[0]["text"].as_str().unwrap();
    assert!(text.starts_with("The key words here are:"), "{text}");
    // The second copy: the same text stands earlier in the file.
    let first = source.find(text).unwrap();
    assert!(first < f[0]["offset"].as_u64().unwrap() as usize);
    assert_eq!(f[0]["line"], 38);
    assert!(
        f[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("this paragraph repeats the one on line 37"),
        "{}",
        f[0]["message"]
    );
    pitchlint()
        .args(["--color", "never", "tests/fixtures/essay.txt"])
        .assert()
        .stdout(predicate::str::contains(
            "warning[research/repeated-paragraph]",
        ));
}

const WE_PITCH: &str = "Subject: Introducing Northwind Systems, the leading provider of enterprise data platforms\n\nHello,\n\nWe are Northwind Systems. We were founded in 2004 and we have grown into one of the leading providers of enterprise data platforms in North America. We have offices in Boston, Chicago, Austin and Toronto, and we employ more than 900 people. Our mission is to help organizations unlock the value of their data, and we are proud of the results we have delivered for our customers over the years.\n\nOur platform brings together data integration, data quality, master data management, governance and analytics in one place. We built it from the ground up on a modern architecture, and we release new features every quarter. Our engineers have decades of combined experience, and our support team is available around the clock. We have won several industry awards, and analysts have recognized us as a leader in our category for three years running.\n\nWe work with customers in financial services, healthcare, retail, manufacturing and the public sector. Our customers include banks, insurers, hospital systems and retailers of every size. We have helped them consolidate their data, reduce their costs, improve their reporting and meet their regulatory obligations. We are also expanding our partner network, and we now work with the major cloud providers and many of the large consulting firms.\n\nOur implementation process is simple. We start with a discovery workshop, where our team learns about our platform's fit with your systems. Then we deploy our connectors, we configure our data quality rules, and we train your administrators on our tools. Most of our customers are live within six months, and many of them expand their use of our platform in the second year. We measure our success by our renewal rate, which has stayed above 95% for a decade.\n\nWe also offer a full range of professional services. Our consultants can help with implementation, migration, training and ongoing optimization, and we have a proven methodology that we have refined over hundreds of projects. We believe that our combination of technology and expertise is unique in the market, and we are confident that we could deliver the same results for your organization that we have delivered for our other customers.\n\nWe would welcome the opportunity to tell you more about our company and our platform. We can arrange a presentation at a time that suits our team and yours, and we will bring our solution architects and our account team. We look forward to hearing from you.\n\nBest regards,\nThe Northwind Systems Team\n";

const YOU_PITCH: &str = "Subject: Your month-end close\n\nHi Erin,\n\nYour team closes the books in twelve days, and your job post for a data analyst says most of that time goes into matching bank and ledger records by hand.\n\nFinance teams your size that move that matching into one shared table usually close in six days. You keep your bank feeds and your ledger; you only stop copying between them.\n\nWould a 20-minute look at your last close on Tuesday be useful?\n\nBest,\nSam\n";

#[test]
fn a_long_we_pitch_without_a_question_scores_clearly_below_a_short_you_pitch_with_one_ask() {
    let we = json(&["-"], Some(WE_PITCH));
    let you = json(&["-"], Some(YOU_PITCH));
    let (we_score, you_score) = (
        we["files"][0]["score"].as_i64().unwrap(),
        you["files"][0]["score"].as_i64().unwrap(),
    );
    assert!(
        you_score - we_score >= 40,
        "we-pitch {we_score}, you-pitch {you_score}"
    );
    assert!(we["files"][0]["passed"] == false && you["files"][0]["passed"] == true);
    for rule in [
        "research/too-long",
        "research/we-focus",
        "research/no-question",
        "research/no-ask",
    ] {
        assert_eq!(findings(&we, rule).len(), 1, "{rule} on the we-pitch");
        assert!(findings(&you, rule).is_empty(), "{rule} on the you-pitch");
    }
    let long = findings(&we, "research/too-long")[0]["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        long.starts_with("4") && long.contains(" words, more than 125: "),
        "{long}"
    );
    assert_eq!(findings(&you, "research/you-focus").len(), 1);
    let stats = |text: &str| json(&["--stats", "-"], Some(text))["files"][0]["stats"].clone();
    let (we_stats, you_stats) = (stats(WE_PITCH), stats(YOU_PITCH));
    assert!(we_stats["words"].as_u64().unwrap() >= 380, "{we_stats}");
    assert_eq!(we_stats["questions"], 0);
    assert!(you_stats["words"].as_u64().unwrap() <= 110, "{you_stats}");
    assert_eq!(you_stats["questions"], 1);
}

#[test]
fn profiles_change_thresholds_and_which_rules_apply() {
    let proposal = "Hi Dana,\n\nHere is the plan for the Columbus lane. Daily pickups from your three suppliers start July 8, with live tracking for your receiving team and a text before each truck arrives. We review the lane with you every Friday for the first two months, and adjust pickup windows when your schedule changes. Your buyers get one weekly report of every load, on time or not, with the reason for each delay. If more than two loads in a month are late, the last ten loads of that month are free.\n\nThe trial covers one lane for sixty days. After that, we would plan the Cincinnati lane the same way, with the same report and the same review.\n\nShall I send the trial agreement?\n\nBest,\nSam\n";
    let first = json(&["-"], Some(proposal));
    assert_eq!(findings(&first, "research/proposal-no-price").len(), 0);
    let as_proposal = json(&["--profile", "proposal", "-"], Some(proposal));
    assert_eq!(
        findings(&as_proposal, "research/proposal-no-price").len(),
        1
    );
    pitchlint()
        .args(["--profile", "cold", "-"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("first-touch"));
}

#[test]
fn stats_prints_every_measure() {
    pitchlint()
        .args(["--stats", "tests/fixtures/better-pitch.txt"])
        .assert()
        .success()
        .stdout(predicate::str::contains("words                   79"))
        .stdout(predicate::str::contains("reading grade"))
        .stdout(predicate::str::contains("closing questions       1"))
        .stdout(predicate::str::contains("subject words           6"))
        .stdout(predicate::str::contains("customer focus"));
    let v = json(&["--stats", "tests/fixtures/better-pitch.txt"], None);
    let s = &v["files"][0]["stats"];
    assert_eq!(s["words"], 79);
    assert_eq!(s["questions"], 1);
    assert!(s["grade"].as_f64().unwrap() > 0.0);
    // jsonl: one object a line, in input order.
    let out = pitchlint()
        .args(["--stats", "--format", "jsonl"])
        .args([
            "tests/fixtures/better-pitch.txt",
            "tests/fixtures/sample-pitch.txt",
        ])
        .output()
        .unwrap();
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[0]["path"], "tests/fixtures/better-pitch.txt");
    assert_eq!(lines[0]["stats"], *s);
    assert_eq!(lines[1]["path"], "tests/fixtures/sample-pitch.txt");
}

#[test]
fn kind_keys_that_do_not_belong_are_positioned_errors() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("team.toml");
    std::fs::write(
        &p,
        "[pack]\nname = \"team\"\n\n[[rule]]\nid = \"long\"\nkind = \"metric\"\nmeasure = \"words\"\nmax = 100\nmessage = \"m\"\nweight = -5\nphrases = [\"x\"]\n",
    )
    .unwrap();
    pitchlint()
        .args(["--rules", p.to_str().unwrap(), "-"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "team.toml:11:11: rule `long`: a metric rule has no `phrases` key",
        ));
}

#[test]
fn an_empty_draft_is_not_a_good_pitch_and_scores_are_deterministic() {
    let empty = json(&["-"], Some(""));
    let score = empty["files"][0]["score"].as_i64().unwrap();
    assert!(score < 70, "an empty draft scored {score}");
    assert_eq!(findings(&empty, "pitchlint/empty-draft").len(), 1);
    let a = json(&["tests/fixtures/essay.txt"], None);
    let b = json(&["tests/fixtures/essay.txt"], None);
    assert_eq!(a, b);
}

/// A metric without `scope` measures the message (opening, body, closing), not the subject,
/// greeting and sign-off.
#[test]
fn a_metric_without_scope_measures_the_message() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("m.toml");
    std::fs::write(
        &pack,
        "[pack]\nname = \"team\"\n[[rule]]\nid = \"few-words\"\nkind = \"metric\"\nmeasure = \"words\"\nmax = 3\nmessage = \"m\"\nweight = -1\n",
    )
    .unwrap();
    let draft = "Subject: Reno lanes for your team this week\n\nHi Dana,\n\nYour lanes run late.\n\nBest regards,\nSam Ortiz\n";
    let v = json(
        &["--no-default-rules", "--rules", pack.to_str().unwrap()],
        Some(draft),
    );
    let f = findings(&v, "team/few-words");
    assert_eq!(f.len(), 1, "{v}");
    assert_eq!(f[0]["message"], "4 words, more than 3: m");
    assert_eq!(
        (f[0]["line"].as_u64(), f[0]["scope"].as_str()),
        (Some(5), Some("opening+closing"))
    );
}

/// A reward that `needs` a figure counts only while the figure's finding stands: not when a
/// suppression comment, `--ignore` or a per-path `ignore` removes it.
#[test]
fn a_needed_rule_removed_after_checking_takes_the_reward_with_it() {
    let with_figure = "Hi Dana,\n\nWe deliver reliable, high-quality service.\nWe ship 98% of orders in 2 days.\n\nCan we talk Tuesday?\n\nSam\n";
    let rewarded = |v: &Value| findings(v, "seed/quality-and-reliability").len();
    // "reliable" and "high-quality": the reward's two places.
    let v = json(&["-"], Some(with_figure));
    assert!(!findings(&v, "seed/concrete-proof").is_empty());
    assert!(rewarded(&v) > 0);
    let suppressed = with_figure.replace(
        "We ship 98%",
        "pitchlint-disable-next-line seed/concrete-proof\nWe ship 98%",
    );
    let v = json(&["-"], Some(&suppressed));
    assert_eq!(findings(&v, "seed/concrete-proof").len(), 0);
    assert_eq!(rewarded(&v), 0);
    let v = json(&["--ignore", "seed/concrete-proof", "-"], Some(with_figure));
    assert_eq!(rewarded(&v), 0);
    // A config's per-path ignore.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("pitchlint.toml"),
        "[[overrides]]\npaths = [\"followups/**\"]\nignore = [\"seed/concrete-proof\"]\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("followups")).unwrap();
    std::fs::write(dir.path().join("followups/q.txt"), with_figure).unwrap();
    std::fs::write(dir.path().join("first.txt"), with_figure).unwrap();
    let out = pitchlint()
        .current_dir(dir.path())
        .args(["--format", "json", "."])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let per_file: Vec<(String, usize)> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let n = f["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|x| x["rule"] == "seed/quality-and-reliability")
                .count();
            (f["path"].as_str().unwrap().to_string(), n)
        })
        .collect();
    assert_eq!(
        per_file,
        [
            ("./first.txt".to_string(), 2),
            ("./followups/q.txt".to_string(), 0)
        ]
    );
}

/// `pitchlint/fake-reply` is a finding like any other: a suppression comment silences it,
/// and the comment is then no unused one.
#[test]
fn a_fake_reply_can_be_suppressed_by_a_comment() {
    let draft = "Subject: Re: our call\n\nHi Dana,\n\nWe cut late loads 40% for Harlow. Could we talk Tuesday?\n\nSam\n";
    let v = json(&["-"], Some(draft));
    assert_eq!(findings(&v, "pitchlint/fake-reply").len(), 1);
    let silenced =
        format!("pitchlint-disable-next-line pitchlint/fake-reply -- a real thread\n{draft}");
    let v = json(&["--report-unused-disables", "-"], Some(&silenced));
    assert_eq!(findings(&v, "pitchlint/fake-reply").len(), 0);
    assert_eq!(findings(&v, "pitchlint/unused-disable").len(), 0);
    assert_eq!(v["files"][0]["suppressed"], 1);
}

/// A pack's `[rule.profile.<name>] weight` is the rule's weight in that profile: in the
/// findings, the score and the gate, in `rules --profile` and in `explain`. It keeps its sign,
/// a config's `weight` replaces it in every profile, and a threshold in it is a metric's or
/// an occurrence's only.
#[test]
fn a_pack_weighs_a_rule_per_profile() {
    let dir = tempfile::tempdir().unwrap();
    let pack = |profile_table: &str| {
        format!(
            "[pack]\nname = \"team\"\n\n[[rule]]\nid = \"nudge\"\nmessage = \"Say something new.\"\n\
             weight = -10\nphrases = [\"just checking in\"]\n{profile_table}"
        )
    };
    common::write(
        dir.path(),
        &[
            (
                "team.toml",
                &pack("[rule.profile.follow-up]\nweight = -30\n"),
            ),
            (
                "draft.txt",
                "Hi Dana,\n\nJust checking in on the quote.\n\nCan we talk Tuesday?\n\nSam\n",
            ),
        ],
    );
    let lint = |profile: &str| {
        common::json(
            common::pitchlint_in(dir.path())
                .args(["--isolated", "--no-default-rules", "--rules", "team.toml"])
                .args(["--format", "json", "--profile", profile, "draft.txt"]),
        )
    };
    let (first, _) = lint("first-touch");
    let (follow, code) = lint("follow-up");
    let weight = |v: &Value| findings(v, "team/nudge")[0]["weight"].as_i64().unwrap();
    assert_eq!(weight(&first), -10);
    assert_eq!(weight(&follow), -30);
    let score = |v: &Value| v["files"][0]["score"].as_f64().unwrap();
    assert_eq!(score(&first) - score(&follow), 20.0, "{first}\n{follow}");
    assert_eq!(code, 1, "70 - 30 fails the gate of 50: {follow}");

    let (out, _, _) = common::run(
        common::pitchlint_in(dir.path())
            .args(["--isolated", "--no-default-rules", "--rules", "team.toml"])
            .args(["rules", "--profile", "follow-up"]),
    );
    let row = out.lines().find(|l| l.starts_with("team/nudge ")).unwrap();
    assert!(row.split_whitespace().any(|c| c == "-30"), "{out}");
    let (out, _, _) = common::run(
        common::pitchlint_in(dir.path())
            .args(["--isolated", "--no-default-rules", "--rules", "team.toml"])
            .args(["explain", "nudge"]),
    );
    assert!(out.contains("weight -10 (-30 in follow-up)"), "{out}");
    // The JSON rule list and SARIF's rule descriptors name the weight by profile.
    let (rules, _) = common::json(common::pitchlint_in(dir.path()).args([
        "--isolated",
        "--no-default-rules",
        "--rules",
        "team.toml",
        "rules",
        "--json",
    ]));
    assert_eq!(rules[0]["profile_weights"]["follow-up"], -30, "{rules}");
    let (sarif, _) = common::json(common::pitchlint_in(dir.path()).args([
        "--isolated",
        "--no-default-rules",
        "--rules",
        "team.toml",
        "--format",
        "sarif",
        "draft.txt",
    ]));
    let props = &sarif["runs"][0]["tool"]["driver"]["rules"][0]["properties"];
    assert_eq!(props["weight"], -10, "{props}");
    assert_eq!(props["profileWeights"]["follow-up"], -30, "{props}");
    assert_eq!(props["profileWeights"]["first-touch"], -10, "{props}");

    // The team's config weight is the rule's weight in every profile.
    common::write(
        dir.path(),
        &[(
            "pitchlint.toml",
            "packs = [\"team.toml\"]\ndefault_rules = false\n\n[rules.\"team/nudge\"]\nweight = -4\n",
        )],
    );
    let (v, _) = common::json(common::pitchlint_in(dir.path()).args([
        "--format",
        "json",
        "--profile",
        "follow-up",
        "draft.txt",
    ]));
    assert_eq!(weight(&v), -4, "{v}");
    std::fs::remove_file(dir.path().join("pitchlint.toml")).unwrap();

    // Mistakes: a sign turned, no points, an unknown profile, a profile the rule does not
    // apply in, a threshold on a phrase rule; two bad tables are two errors.
    for (table, want) in [
        (
            "[rule.profile.follow-up]\nweight = 5\n",
            "would make a reward of a penalty",
        ),
        ("[rule.profile.follow-up]\nweight = -500\n", "out of range"),
        (
            "[rule.profile.follow-up]\nweight = 0\n",
            "leave `follow-up` out of its `profiles`",
        ),
        ("[rule.profile.followup]\nweight = -20\n", "follow-up"),
        (
            "profiles = [\"first-touch\"]\n[rule.profile.follow-up]\nweight = -20\n",
            "a profile the rule does not apply in (its `profiles`: first-touch)",
        ),
        ("[rule.profile.follow-up]\nmin = 2\n", "has no `min` key"),
        (
            "[rule.profile.follow-up]\nweight = 5\n[rule.profile.proposal]\nweight = 7\n",
            "[rule.profile.proposal] would make",
        ),
    ] {
        common::write(dir.path(), &[("team.toml", &pack(table))]);
        let (_, err, code) = common::run(common::pitchlint_in(dir.path()).args([
            "--isolated",
            "--no-default-rules",
            "--rules",
            "team.toml",
            "draft.txt",
        ]));
        assert_eq!(code, 2, "{table}: {err}");
        assert!(
            err.contains("team.toml:") && err.contains(want),
            "{table}: {err}"
        );
    }
}

/// In the default pack, a follow-up of nothing but checking in fails the gate as a follow-up
/// (it passed, 54 of 100, when checking in cost a follow-up what it costs a first touch).
#[test]
fn an_empty_follow_up_fails_as_a_follow_up() {
    let draft = "Subject: Re: freight quote\n\nHi Dana,\n\nJust checking in to see if you had a chance to look at my last email. I wanted to bump this to the top of your inbox.\n\nJust following up on this. Any thoughts?\n\nThanks,\nSam\n";
    let (v, code) = lint_json(&["--profile", "follow-up", "-"], Some(draft));
    assert_eq!(code, 1, "{v}");
    let f = findings(&v, "sales/empty-follow-up");
    assert!(!f.is_empty());
    assert!(f.iter().all(|f| f["weight"] == -15), "{f:?}");
}
