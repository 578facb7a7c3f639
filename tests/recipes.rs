//! The CI recipes work as written: the README's shell example and GitHub Actions commands run
//! against a real drafts repository, and the pre-commit hook's command line parses.

mod common;

use std::path::Path;
use std::process::Command;

use clap::Parser;
use common::write;
use pitchlint::cli::Cli;

const GOOD: &str = "Hi Dana,\n\nWe cut changeover time by a third at three breweries your size.\n\nWe want to demonstrate that we can be your highest performing supplier. Will you give us that opportunity?\n\nBest,\nSam\n";
const BAD: &str = "Hi Dana,\n\nSorry to bother you. We leverage synergy.\n\nAct now! Will you partner with us?\n\nBest,\nSam\n";

fn readme_section(title: &str) -> String {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find(&format!("## {title}\n"))
        .unwrap_or_else(|| panic!("no {title}"));
    let rest = &readme[start + 3..];
    rest[..rest.find("\n## ").unwrap_or(rest.len())].to_string()
}

/// The fenced code blocks of `section` whose info string is `lang`.
fn blocks(section: &str, lang: &str) -> Vec<String> {
    section
        .split("```")
        .skip(1)
        .step_by(2)
        .filter_map(|b| {
            b.strip_prefix(lang)
                .map(|b| b.trim_start_matches('\n').to_string())
        })
        .filter(|b| !b.is_empty())
        .collect()
}

fn drafts_repo(bad: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            ("pitchlint.toml", "min_score = 50\n"),
            ("proposals/acme.md", GOOD),
            ("followups/acme.txt", if bad { BAD } else { GOOD }),
        ],
    );
    dir
}

/// `sh` with the built binary first on PATH.
fn sh(dir: &Path, script: &str) -> (String, i32) {
    let bin = assert_cmd::cargo::cargo_bin("pitchlint");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .env("PATH", path)
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code().unwrap(),
    )
}

#[test]
fn the_generic_shell_example_relies_on_exit_codes() {
    let section = readme_section("CI recipes");
    let script = blocks(&section, "sh").pop().expect("a sh block");
    assert!(script.contains("pitchlint --format concise"));

    let ok = drafts_repo(false);
    let (_, code) = sh(ok.path(), &script);
    assert_eq!(code, 0);
    let junit = std::fs::read_to_string(ok.path().join("pitchlint-junit.xml")).unwrap();
    assert!(junit.contains("tests=\"2\" failures=\"0\""), "{junit}");

    let bad = drafts_repo(true);
    let (out, code) = sh(bad.path(), &script);
    assert_eq!(code, 1);
    assert!(out.contains("followups/acme.txt:"), "{out}");
    assert!(out.contains("pitchlint: fix the drafts above"));
    let junit = std::fs::read_to_string(bad.path().join("pitchlint-junit.xml")).unwrap();
    assert!(junit.contains("failures=\"1\""), "{junit}");
}

#[test]
fn the_github_actions_commands_work() {
    let section = readme_section("CI recipes");
    let workflow = blocks(&section, "yaml")
        .into_iter()
        .find(|b| b.contains("upload-sarif"))
        .expect("the workflow");
    let commands: Vec<&str> = workflow
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- run: "))
        .filter(|c| c.starts_with("pitchlint "))
        .collect();
    assert_eq!(commands.len(), 2, "{workflow}");
    assert!(workflow.contains("sarif_file: pitchlint.sarif"));

    let bad = drafts_repo(true);
    let (out, code) = sh(bad.path(), commands[0]);
    assert_eq!(code, 1, "the annotations step fails the job");
    assert!(out.lines().all(|l| l.starts_with("::")), "{out}");
    assert!(
        out.contains("::warning file=followups/acme.txt,line="),
        "{out}"
    );
    let (out, code) = sh(bad.path(), commands[1]);
    assert_eq!(
        (out.as_str(), code),
        ("", 0),
        "the SARIF step always writes its file"
    );
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(bad.path().join("pitchlint.sarif")).unwrap())
            .unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert!(!sarif["runs"][0]["results"].as_array().unwrap().is_empty());
}

#[test]
fn the_pre_commit_hook_runs_pitchlint_with_valid_arguments() {
    let hooks = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/.pre-commit-hooks.yaml"
    ))
    .unwrap();
    let field = |key: &str| {
        hooks
            .lines()
            .find_map(|l| l.trim().strip_prefix(&format!("{key}: ")))
            .unwrap_or_else(|| panic!("no {key}"))
            .to_string()
    };
    assert_eq!(field("- id"), "pitchlint");
    assert_eq!(field("entry"), "pitchlint");
    assert_eq!(field("language"), "rust");
    // One process, so that max_warnings counts the whole commit, not a batch of it.
    assert_eq!(field("require_serial"), "true");
    let args: Vec<String> = field("args")
        .trim_matches(['[', ']'])
        .split(',')
        .map(|a| a.trim().to_string())
        .collect();
    // pre-commit appends the changed files, after a `--`: one named like an option is a file.
    let cli = Cli::try_parse_from(
        std::iter::once("pitchlint".to_string())
            .chain(args.clone())
            .chain(["a.md".to_string(), "-b.md".to_string()]),
    )
    .unwrap();
    assert!(cli.force_exclude);
    assert_eq!(
        cli.paths,
        [std::path::PathBuf::from("a.md"), "-b.md".into()]
    );
    let files = regex::Regex::new(&field("files")).unwrap();
    assert!(files.is_match("proposals/acme.md") && files.is_match("x.txt"));
    // Every extension a folder walk lints, templates and saved emails too.
    for ext in pitchlint::inputs::EXTENSIONS.split(", ") {
        assert!(files.is_match(&format!("drafts/x{ext}")), "{ext}");
    }
    assert!(!files.is_match("Cargo.toml"));

    // As pre-commit runs it: the changed files named, an excluded one skipped.
    let dir = drafts_repo(true);
    write(
        dir.path(),
        &[("pitchlint.toml", "exclude = [\"followups/**\"]\n")],
    );
    let (out, code) = sh(
        dir.path(),
        &format!(
            "pitchlint {} proposals/acme.md followups/acme.txt",
            args.join(" ")
        ),
    );
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("followups"), "{out}");
}

/// The README's annotated pack and config, copied as they stand, load: the pack's examples
/// hold (a new user's, session 50: the pack's `needs` named a rule it did not have), and the
/// config, with the pack beside it where its `packs` says, lints a draft.
#[test]
fn the_readme_s_pack_and_config_load_as_written() {
    let pack = blocks(&readme_section("Rule packs"), "toml")
        .into_iter()
        .next()
        .expect("the annotated pack");
    assert!(pack.starts_with("[pack]"), "{pack}");
    let config = blocks(&readme_section("Config file"), "toml")
        .into_iter()
        .next()
        .expect("the annotated config");
    assert!(config.starts_with("# pitchlint.toml"), "{config}");
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        &[
            ("rules/team.toml", &pack),
            ("pitchlint.toml", &config),
            ("drafts/acme.md", GOOD),
        ],
    );
    let (out, err, code) =
        common::run(common::pitchlint_in(dir.path()).args(["check-rules", "rules/team.toml"]));
    assert_eq!(code, 0, "{out}{err}");
    let (out, err, code) = common::run(common::pitchlint_in(dir.path()).args([
        "--format",
        "concise",
        "drafts/acme.md",
    ]));
    assert!(code < 2, "{out}{err}");
    assert!(err.is_empty(), "{err}");
    // The team pack is loaded: naming a competitor in the close fires its rule (it needs a
    // customer named, and has one).
    std::fs::write(
        dir.path().join("drafts/globex.md"),
        "Hi Dana,\n\nWe deliver for Acme every night.\n\nCould I show you on Tuesday why Acme left Globex?\n\nBest,\nSam\n",
    )
    .unwrap();
    let (out, err, _) = common::run(common::pitchlint_in(dir.path()).args([
        "--format",
        "concise",
        "drafts/globex.md",
    ]));
    assert!(out.contains("[team/competitor-name]"), "{out}{err}");
}

/// The README's worked examples on `tests/fixtures/essay.txt` are what the binary prints: its
/// share of "you" words, `research/we-focus`'s points and the reward shown with its places (a
/// new user's, session 50, found all three out of date).
#[test]
fn the_readme_s_essay_figures_are_the_binary_s() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let essay = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/essay.txt");
    let (stats, _, _) = common::run(common::pitchlint().args(["--stats", essay]));
    let share = stats
        .lines()
        .find_map(|l| l.trim().strip_prefix("customer focus"))
        .expect("the customer focus line")
        .trim()
        .strip_suffix(" you")
        .unwrap()
        .to_string();
    assert!(
        readme.contains(&format!("(547 words, {share} \"you\";")),
        "the README's share is not {share}"
    );
    let count = |label: &str| -> u32 {
        stats
            .lines()
            .find_map(|l| l.trim().strip_prefix(label))
            .unwrap_or_else(|| panic!("no {label} in {stats}"))
            .trim()
            .parse()
            .unwrap()
    };
    let (you, we) = (count("you words"), count("I/we words"));
    assert!(
        readme.contains(&format!("({you} \"you\" words of {})", you + we)),
        "the README's pronoun counts are not {you} of {}",
        you + we
    );
    let (min, full) = (0.35, 0.10);
    let share = f64::from(you) / f64::from(you + we);
    let points = -8.0 * (0.25 + 0.75 * (min - share) / (min - full));
    assert!(
        readme.contains(&format!("≈ {points:.1} (")),
        "the README's formula gives {points:.1}"
    );
    let (human, _, _) = common::run(common::pitchlint().args(["--color", "never", essay]));
    let points = human
        .lines()
        .find_map(|l| l.strip_prefix("warning[research/we-focus]: "))
        .and_then(|l| l.split(" points").next())
        .expect("the we-focus warning")
        .to_string();
    assert!(
        readme.contains(&format!("≈ {points} (")),
        "the README's we-focus points are not {points}"
    );
    let block = readme
        .split("```text\n")
        .find(|b| b.starts_with("reward[seed/prove-it-ask]"))
        .expect("the README's reward example");
    let shown: Vec<&str> = block.lines().take(3).collect();
    let at = human
        .find(shown[0])
        .unwrap_or_else(|| panic!("no {:?} in\n{human}", shown[0]));
    let printed: Vec<&str> = human[at..].lines().take(3).collect();
    assert_eq!(
        printed[1..],
        [
            shown[1].replace("tests/fixtures/essay.txt", essay),
            shown[2].to_string()
        ]
    );
}
