//! The real corpus (`tests/corpus/real`, a copy of `../shared/corpus`: MIT and CC BY 4.0
//! templates, see `tests/corpus/SOURCES.md`): every draft lints
//! without error, as a draft and as a template, and the parts found in a sample of them are
//! snapshot-tested.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use pitchlint::document::{self, Format, show};
use serde_json::Value;

fn corpus() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/real");
    assert!(
        dir.is_dir(),
        "the real corpus is missing: expected {}",
        dir.display()
    );
    dir
}

/// Every draft of the corpus, sorted, as paths relative to the corpus root.
fn drafts() -> Vec<PathBuf> {
    let root = corpus();
    let mut out = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if Format::from_path(&p).is_some() {
                out.push(p.strip_prefix(&root).unwrap().to_path_buf());
            }
        }
    }
    out.sort();
    out
}

fn run(args: &[&str]) -> (Value, i32) {
    let out = Command::cargo_bin("pitchlint")
        .unwrap()
        .current_dir(corpus())
        .args(["--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (v, out.status.code().unwrap())
}

#[test]
fn every_real_draft_lints_without_error() {
    let drafts = drafts();
    assert!(drafts.len() >= 100, "only {} drafts found", drafts.len());
    let (v, code) = run(&["."]);
    assert_ne!(code, 2, "a draft could not be read: {}", v["summary"]);
    assert_eq!(v["summary"]["errors"], 0);
    assert_eq!(v["summary"]["files"], drafts.len() as u64);
    // Every file was read in its own format and has findings that point into it.
    for f in v["files"].as_array().unwrap() {
        let path = f["path"].as_str().unwrap();
        let expected = Format::from_path(Path::new(path)).unwrap().name();
        assert_eq!(f["format"], expected, "{path}");
        let len = std::fs::metadata(corpus().join(path)).unwrap().len();
        for finding in f["findings"].as_array().unwrap() {
            assert!(
                finding["end_offset"].as_u64().unwrap() <= len,
                "{path}: {finding}"
            );
        }
    }
}

#[test]
fn real_drafts_are_templates_and_pass_as_templates() {
    // As drafts, unfilled merge fields are errors; most of the corpus has some.
    let (v, _) = run(&["."]);
    let with_placeholders = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|x| x["rule"] == "draft/unfilled-placeholder")
        })
        .count();
    let total = v["summary"]["files"].as_u64().unwrap() as usize;
    assert!(
        with_placeholders * 2 > total,
        "{with_placeholders} of {total} drafts have placeholders"
    );
    // As templates, none is reported.
    let (v, code) = run(&["--template", "."]);
    assert_ne!(code, 2);
    for f in v["files"].as_array().unwrap() {
        for x in f["findings"].as_array().unwrap() {
            assert_ne!(x["rule"], "draft/unfilled-placeholder", "{}", f["path"]);
        }
    }
}

#[test]
fn parts_of_a_sample_of_real_drafts() {
    let drafts = drafts();
    // Every 12th draft: both sources, both formats, stable as long as the corpus is.
    let sample: Vec<&PathBuf> = drafts.iter().step_by(12).collect();
    let mut out = String::new();
    for rel in sample {
        let bytes = std::fs::read(corpus().join(rel)).unwrap();
        let format = Format::from_path(rel).unwrap();
        let name = rel.display().to_string();
        let doc = document::read(&name, bytes, format).expect("text, not binary");
        out.push_str(&show::render(&doc));
        out.push('\n');
    }
    insta::assert_snapshot!(out);
}

#[test]
fn parts_of_every_format_fixture() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| Format::from_path(p).is_some())
        .collect();
    files.sort();
    assert!(files.len() >= 10);
    let mut out = String::new();
    for p in files {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let mut doc = document::read(
            &name,
            std::fs::read(&p).unwrap(),
            Format::from_path(&p).unwrap(),
        )
        .expect("text, not binary");
        doc.template = Format::is_template_path(&p);
        out.push_str(&show::render(&doc));
        out.push('\n');
    }
    insta::assert_snapshot!(out);
}

/// The same report whatever the number of threads (`-j`): files come back in order, and a
/// long file's stages, run beside each other on several threads, agree with one thread's.
#[test]
fn any_number_of_threads_gives_the_same_report() {
    let tmp = tempfile::tempdir().unwrap();
    // One long draft (past the size at which its stages run on several cores) made of the
    // whole corpus, beside the corpus itself.
    let mut long = String::new();
    while long.len() <= 300 << 10 {
        for rel in drafts() {
            long.push_str(&std::fs::read_to_string(corpus().join(rel)).unwrap());
            long.push_str("\n\n");
        }
    }
    assert!(long.len() > 300 << 10, "{} bytes", long.len());
    let long_path = tmp.path().join("long.md");
    std::fs::write(&long_path, &long).unwrap();
    let lint = |args: &[&str]| {
        let out = Command::cargo_bin("pitchlint")
            .unwrap()
            .current_dir(corpus())
            .args(["--isolated", "--format", "json"])
            .args(args)
            .arg(".")
            .arg(&long_path)
            .output()
            .unwrap();
        assert_ne!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let default = lint(&[]);
    let v: Value = serde_json::from_slice(&default).unwrap();
    assert_eq!(v["summary"]["files"], drafts().len() as u64 + 1);
    assert!(v["summary"]["findings"].as_u64().unwrap() > 1000);
    for j in ["1", "2", "3", "0"] {
        assert!(lint(&["-j", j]) == default, "-j {j} gives another report");
    }
    // The long file alone, with its stages on one thread and on several.
    let alone = |j: &str| {
        Command::cargo_bin("pitchlint")
            .unwrap()
            .args(["--isolated", "--format", "json", "-j", j])
            .arg(&long_path)
            .output()
            .unwrap()
            .stdout
    };
    assert!(
        alone("1") == alone("2"),
        "a long file differs on one thread"
    );
    // A count no machine has is a usage error, not a crash while starting threads.
    let out = Command::cargo_bin("pitchlint")
        .unwrap()
        .args(["-j", "30000"])
        .arg(&long_path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("30000 is not in 0..=1024"));
}
