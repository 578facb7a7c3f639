//! Helpers shared by the CLI test files: the real binary, and folders of real files.
#![allow(dead_code)]

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

/// The binary, run from the repository root, without colour and without NO_COLOR.
pub fn pitchlint() -> Command {
    let mut c = Command::cargo_bin("pitchlint").unwrap();
    c.env_remove("NO_COLOR")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// The binary, run from `dir`.
pub fn pitchlint_in(dir: &Path) -> Command {
    let mut c = pitchlint();
    c.current_dir(dir);
    c
}

/// Write `files` (path, text) under `root`, creating folders.
pub fn write(root: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let p = root.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
}

/// Run and return (stdout, stderr, exit code).
pub fn run(c: &mut Command) -> (String, String, i32) {
    let out = c.output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

/// Run `c` and parse its stdout as JSON: (the value, the exit code). Panics showing stdout
/// and stderr when stdout is not JSON.
pub fn json(c: &mut Command) -> (Value, i32) {
    let out = c.output().unwrap();
    let v = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (v, out.status.code().unwrap())
}

/// `pitchlint --format json ARGS` from the repository root, reading `stdin` when given:
/// (the report, the exit code).
pub fn lint_json(args: &[&str], stdin: Option<&str>) -> (Value, i32) {
    let mut c = pitchlint();
    c.args(["--format", "json"]).args(args);
    if let Some(s) = stdin {
        c.write_stdin(s);
    }
    json(&mut c)
}

/// The rule ids of the findings of one file object of a json report (e.g. `&v["files"][0]`),
/// in report order.
pub fn rule_ids(file: &Value) -> Vec<String> {
    file["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

/// The paths of the files of a json report, in report order.
pub fn file_paths(v: &Value) -> Vec<&str> {
    v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect()
}

/// A one-rule pack named `team`: `Globex` is an error-free warning of weight -6.
pub const TEAM_PACK: &str = r#"[pack]
name = "team"
[[rule]]
id = "competitor"
message = "Don't name competitors."
weight = -6
phrases = ["Globex"]
"#;

/// Flags that load the default packs except `research` (the shape of a draft), for tests whose
/// tiny drafts are about something else: `--no-default-rules --rules …` with absolute paths.
pub fn phrase_packs() -> Vec<String> {
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut args = vec!["--no-default-rules".to_string()];
    for pack in ["sales.toml", "seed.toml", "subject.toml"] {
        args.push("--rules".into());
        args.push(rules.join(pack).display().to_string());
    }
    args
}
