//! The human report of a folder of clean drafts is one line per file: the score line, with no
//! breakdown and no blank line; a file with findings keeps its frames and breakdown.

mod common;

use common::{pitchlint_in, run, write};

#[test]
fn clean_passing_files_are_one_line_each() {
    let dir = tempfile::tempdir().unwrap();
    let pack = "[pack]\nname = \"t\"\n[[rule]]\nid = \"rival\"\nmessage = \"Don't name rivals.\"\nweight = -6\nphrases = [\"Globex\"]\n";
    let clean = "Hi Dana,\n\nYour Ohio lane ran late twice in May.\n\nCould we talk on Tuesday?\n\nBest,\nSam\n";
    let mut files: Vec<(String, &str)> =
        (0..5).map(|i| (format!("d/clean{i}.txt"), clean)).collect();
    files.push((
        "d/rival.txt".into(),
        "Hi Dana,\n\nUnlike Globex, we ship fast.\n\nBest,\nSam\n",
    ));
    files.push(("t.toml".into(), pack));
    let refs: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), *t)).collect();
    write(dir.path(), &refs);
    let (out, err, code) = run(pitchlint_in(dir.path()).args([
        "--isolated",
        "--no-default-rules",
        "--rules",
        "t.toml",
        "--color",
        "never",
        "d",
    ]));
    assert_eq!(code, 0, "{out}{err}");
    for i in 0..5 {
        let head = format!("d/clean{i}.txt: score ");
        let at = out.find(&head).unwrap_or_else(|| panic!("{out}"));
        let line = out[at..].lines().next().unwrap();
        assert!(line.ends_with("/100 PASS"), "{line}");
        let next = out[at..].lines().nth(1).unwrap_or("");
        assert!(
            !next.contains("base") && !next.is_empty(),
            "one line only: {out}"
        );
    }
    // The file with a finding keeps its frame and breakdown.
    assert!(out.contains("warning[t/rival]"), "{out}");
    assert!(out.contains("  base\n"), "{out}");
    assert!(out.contains("t/rival"), "{out}");
    assert!(
        out.ends_with("6 files: 6 passed, 0 failed, 1 finding\n"),
        "{out}"
    );
    assert_eq!(out.matches(": score ").count(), 6);
}

/// A measure of a whole part is marked at the start of the part's first line and labelled
/// as standing for the part; a phrase found is underlined where it stands.
#[test]
fn a_measure_of_a_part_is_marked_not_underlined() {
    let essay = format!("{}/tests/fixtures/essay.txt", env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let (out, _, code) =
        run(pitchlint_in(dir.path()).args(["--isolated", "--color", "never", &essay]));
    assert_eq!(code, 1, "{out}");
    let frame = |rule: &str| {
        let at = out
            .find(&format!("[{rule}]"))
            .unwrap_or_else(|| panic!("{rule}: {out}"));
        out[at..].split("\n\n").next().unwrap().to_string()
    };
    let too_long = frame("research/too-long");
    assert!(
        too_long.contains("| ^ the opening+body+closing as a whole\n"),
        "{too_long}"
    );
    assert!(!too_long.contains("^^"), "{too_long}");
    // The longest sentence is what its rule found: underlined, though it fills its line.
    let (out, _, _) = run(pitchlint_in(dir.path())
        .args(["--isolated", "--color", "never", "--select", "research/long-sentence", "-"])
        .write_stdin("Hi Dana,\n\nWe ship.\nWe moved every single one of the pallets that your team shipped from the Dayton plant to the Akron warehouse last spring without a single late load or a single claim in the whole year.\n\nCan we talk?\n"));
    assert!(out.contains("long-sentence"), "{out}");
    assert!(!out.contains("as a whole"), "{out}");
    assert!(out.contains(&"^".repeat(40)), "{out}");
    // A wrapped one is marked over every line it runs on, in every format.
    let wrapped = "Hi Dana,\n\nWe moved every single one of the pallets that your team\nshipped from the Dayton plant to the Akron warehouse last spring without\na single late load or a single claim in the whole year.\n\nCan we talk?\n";
    let (out, _, _) = run(pitchlint_in(dir.path())
        .args([
            "--isolated",
            "--format",
            "json",
            "--select",
            "research/long-sentence",
            "-",
        ])
        .write_stdin(wrapped));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let f = &json["files"][0]["findings"][0];
    assert_eq!(f["rule"], "research/long-sentence", "{out}");
    assert_eq!(
        (f["line"].as_u64(), f["end_line"].as_u64()),
        (Some(3), Some(5)),
        "{out}"
    );
    assert!(
        f["text"].as_str().unwrap().ends_with("whole year."),
        "{out}"
    );
    let partner = frame("seed/partner-talk");
    assert!(partner.contains("^^^^^^^^^^"), "{partner}");
    assert!(!partner.contains("as a whole"), "{partner}");
}

/// Also where the part's first line holds markup around its text (an HTML paragraph) or is
/// several lines of the file (an email's quoted-printable soft line breaks): the frame shows
/// that line only, marked where the text starts.
#[test]
fn a_measure_of_a_part_is_marked_in_html_and_email_too() {
    let dir = tempfile::tempdir().unwrap();
    let we = "We built ChairTime for clinics. We sync with our EHRs and our team supports us. We think our reminders are great and we ship updates weekly.";
    let html = format!("<html><body>\n<p>{we}</p>\n</body></html>\n");
    let eml = format!(
        "From: Jordan <j@example.com>\nTo: Dana <d@example.com>\nSubject: Schedules\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nHi Dana,\n\n{}\n\nCould we talk Thursday?\n\nBest,\nJordan\n",
        // A soft line break (`=` at the end of a line) inside the paragraph.
        we.replacen(" We sync", " We=\nsync", 1)
    );
    write(dir.path(), &[("we.html", &html), ("we.eml", &eml)]);
    for (file, line, col) in [("we.html", 2, 4), ("we.eml", 9, 1)] {
        let (out, err, _) = run(pitchlint_in(dir.path()).args([
            "--isolated",
            "--color",
            "never",
            "--select",
            "research/we-focus",
            file,
        ]));
        let at = out
            .find("[research/we-focus]")
            .unwrap_or_else(|| panic!("{file}: {out}{err}"));
        let frame = out[at..].split("\n\n").next().unwrap();
        assert!(frame.contains(&format!("{file}:{line}:{col}")), "{frame}");
        assert!(frame.contains("^ the "), "{frame}");
        assert!(frame.contains(" as a whole\n"), "{frame}");
        assert!(!frame.contains("^^"), "{frame}");
        // One line of the file is shown, not the paragraph's every line.
        assert!(!frame.contains(&format!("{} |", line + 1)), "{frame}");
    }
}
