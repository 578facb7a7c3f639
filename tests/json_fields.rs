//! The json and jsonl reports say what `--fix` would do with each finding: `replacements`,
//! `fixable` (exactly one replacement) and `strength` (how much of the weight it carries).

mod common;

use common::{pitchlint_in, run, write};
use serde_json::Value;

const DRAFT: &str = "Hi Dana,\n\nWe utilize data to plan the the routes for plants like yours. Reply at your earliest convenience.\n\nCould we talk on Tuesday?\n\nBest,\nSam\n";

fn finding<'a>(findings: &'a [Value], text: &str) -> &'a Value {
    findings
        .iter()
        .find(|f| f["text"] == text)
        .unwrap_or_else(|| panic!("no finding at {text:?} in {findings:?}"))
}

#[test]
fn findings_carry_replacements_fixable_and_strength() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &[("draft.txt", DRAFT)]);
    let (v, _) = common::json(pitchlint_in(dir.path()).args(["--format", "json", "draft.txt"]));
    let findings = v["files"][0]["findings"].as_array().unwrap();
    let utilize = finding(findings, "utilize");
    assert_eq!(utilize["replacements"], serde_json::json!(["use"]));
    assert_eq!(utilize["fixable"], true);
    let doubled = finding(findings, "the the");
    assert_eq!(doubled["fixable"], true, "{doubled}");
    assert_eq!(doubled["replacements"].as_array().unwrap().len(), 1);
    let ask = finding(findings, "at your earliest convenience");
    assert_eq!(
        ask["replacements"],
        serde_json::json!(["this week", "when it suits you"])
    );
    assert_eq!(ask["fixable"], false, "two replacements are only suggested");
    for f in findings {
        let s = f["strength"].as_f64().unwrap();
        assert!(s > 0.0 && s <= 1.0, "{f}");
        let n = f["replacements"].as_array().unwrap().len();
        assert_eq!(f["fixable"], n == 1, "{f}");
    }
    // --fix applies exactly the fixable ones.
    let fixable = findings.iter().filter(|f| f["fixable"] == true).count();
    let (_, err, _) = run(pitchlint_in(dir.path()).args(["--fix", "draft.txt"]));
    assert!(
        err.contains(&format!("fixed {fixable} findings in draft.txt")),
        "{err}"
    );
    // jsonl has the same fields.
    write(dir.path(), &[("draft.txt", DRAFT)]);
    let (out, _, _) = run(pitchlint_in(dir.path()).args(["--format", "jsonl", "draft.txt"]));
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), findings.len());
    let utilize = finding(&lines, "utilize");
    assert_eq!(utilize["replacements"], serde_json::json!(["use"]));
    assert_eq!(utilize["fixable"], true);
}

/// A file with more findings than one piece of the JSON writers (which then write pieces on
/// all cores): every finding is there once, in order, at its own line and column, and the
/// json and jsonl reports list the same findings (and the human one draws their frames so).
#[test]
fn a_file_with_many_findings_is_written_whole_and_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let n = 10_000;
    let text: String = (0..n)
        .map(|i| format!("Line {i}: é we utilize it.\n"))
        .collect();
    let pack = "[pack]\nname = \"p\"\n[[rule]]\nid = \"u\"\nmessage = \"m\"\nweight = -1\nphrases = [\"utilize\"]\n";
    write(dir.path(), &[("many.txt", &text), ("p.toml", pack)]);
    let args = ["--no-default-rules", "--rules", "p.toml", "many.txt"];
    let (v, _) = common::json(
        pitchlint_in(dir.path())
            .args(["--format", "json"])
            .args(args),
    );
    let findings = v["files"][0]["findings"].as_array().unwrap();
    assert_eq!(findings.len(), n);
    for (i, f) in findings.iter().enumerate() {
        let line = i + 1;
        let offset = text.match_indices("utilize").nth(i).unwrap().0;
        assert_eq!(f["line"], line, "{f}");
        assert_eq!(
            f["column"],
            13 + line.saturating_sub(1).to_string().len(),
            "{f}"
        );
        assert_eq!(f["offset"], offset, "{f}");
        assert_eq!(f["text"], "utilize");
    }
    let (out, _, _) = run(pitchlint_in(dir.path())
        .args(["--format", "jsonl"])
        .args(args));
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let records: Vec<&Value> = lines.iter().filter(|l| l["rule"] == "p/u").collect();
    assert_eq!(records.len(), n);
    for (l, f) in records.into_iter().zip(findings) {
        let mut f = f.clone();
        f["path"] = "many.txt".into();
        assert_eq!(l, &f);
    }
    // The human format draws frames a few at a time on all cores: still each once, in order,
    // up to the repeat that counts next to nothing, whose note counts the others.
    let (out, _, _) = run(pitchlint_in(dir.path()).args(args));
    let frames: Vec<&str> = out
        .lines()
        .filter(|l| l.trim_start().starts_with("--> many.txt:"))
        .collect();
    assert!(frames.len() > 5 && frames.len() < 20, "{}", frames.len());
    let places: Vec<String> = (0..n)
        .map(|i| format!("--> many.txt:{}:{}", i + 1, 13 + i.to_string().len()))
        .collect();
    let mut rest = places.iter();
    for f in &frames {
        assert!(rest.any(|p| p == f.trim_start()), "{f} out of order");
    }
    assert_eq!(frames[0].trim_start(), places[0]);
    let note = format!("= {} more times in the ", n - frames.len());
    assert!(out.contains(&note), "{note}");
}

/// Byte offsets index the file as stored: a UTF-8 byte-order mark, which the text read leaves
/// out, is counted, so that an editor applying them edits the right bytes.
#[test]
fn offsets_index_the_file_as_stored_byte_order_mark_included() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Hi Dana,\n\nWe utilize the the lanes in order to ship. Can we talk?\n";
    for (name, bytes) in [
        ("plain.txt", text.as_bytes().to_vec()),
        (
            "bom.txt",
            [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        ),
        (
            "bom.md",
            [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        ),
        // An .eml that is no MIME message is read as plain text, mark and all.
        (
            "bom.eml",
            [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        ),
        // And a MIME message, as its own reader reads it.
        (
            "bom-mime.eml",
            [
                b"\xEF\xBB\xBFSubject: Lanes\n\n".as_slice(),
                text.as_bytes(),
            ]
            .concat(),
        ),
    ] {
        std::fs::write(dir.path().join(name), &bytes).unwrap();
        let (out, err, _) = run(pitchlint_in(dir.path()).args(["--format", "json", name]));
        let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
        let findings = v["files"][0]["findings"].as_array().unwrap();
        assert!(findings.len() >= 3, "{name}: {findings:?}");
        for f in findings {
            let (a, z) = (
                f["offset"].as_u64().unwrap(),
                f["end_offset"].as_u64().unwrap(),
            );
            let stored = String::from_utf8_lossy(&bytes[a as usize..z as usize]).to_string();
            assert_eq!(stored, f["text"].as_str().unwrap(), "{name}: {f}");
        }
    }
}

/// The summary says how many of its findings are rewards and how many are of severity error,
/// each counted from the files' findings (a new user's, session 50: a run of good drafts
/// reported its rewards as "findings" only, and `errors` counts unread inputs, not errors).
/// The human summary line says the rewards too.
#[test]
fn the_summary_counts_rewards_and_error_findings() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    for name in ["better-pitch.txt", "sample-pitch.txt", "essay.txt"] {
        std::fs::copy(format!("{fixtures}/{name}"), dir.path().join(name)).unwrap();
    }
    let (v, _) = common::json(pitchlint_in(dir.path()).args(["--format", "json", "."]));
    let files = v["files"].as_array().unwrap();
    let all: Vec<&Value> = files
        .iter()
        .flat_map(|f| f["findings"].as_array().unwrap())
        .collect();
    let rewards = all
        .iter()
        .filter(|f| f["weight"].as_i64().unwrap() > 0)
        .count();
    let errors = all.iter().filter(|f| f["severity"] == "error").count();
    assert!(rewards > 0 && errors > 0, "{v}");
    let summary = &v["summary"];
    assert_eq!(summary["findings"], all.len());
    assert_eq!(summary["rewards"], rewards);
    assert_eq!(summary["error_findings"], errors);
    assert_eq!(summary["errors"], 0, "every input was read");
    let (out, _, _) = run(pitchlint_in(dir.path()).args(["--color", "never", "."]));
    let last = out.lines().last().unwrap();
    assert!(
        last.ends_with(&format!("{} findings ({rewards} rewards)", all.len())),
        "{last}"
    );
}
