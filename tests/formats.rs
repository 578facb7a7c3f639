//! Formats, against the real binary: Markdown, HTML and .eml drafts are flagged at the right
//! source line, and "partner" in code, markup or a quoted reply is not the sender's close.

mod common;

use std::path::Path;

use common::{lint_json, pitchlint, rule_ids};
use predicates::prelude::*;
use serde_json::Value;

const DIR: &str = "tests/fixtures/formats";

/// Lint with JSON output; returns the first file's report and the exit code.
fn lint(args: &[&str], stdin: Option<&str>) -> (Value, i32) {
    let (v, code) = lint_json(args, stdin);
    (v["files"][0].clone(), code)
}

fn fixture(name: &str) -> String {
    format!("{DIR}/{name}")
}

/// The 1-based line of the fixture (as stored) that contains `needle`.
fn line_of(name: &str, needle: &str) -> u64 {
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(fixture(name))).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {name}"));
    1 + text[..at].matches('\n').count() as u64
}

fn findings<'a>(file: &'a Value, rule: &str) -> Vec<&'a Value> {
    file["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == rule)
        .collect()
}

/// The partner close is flagged once, in the closing, on the line of the fixture that holds
/// `line_text`, and the finding's text is the word as stored.
fn assert_partner_close(name: &str, format: &str, line_text: &str) {
    let (file, _) = lint(&[&fixture(name)], None);
    assert_eq!(file["format"], format, "{name}");
    let f = findings(&file, "seed/partner-close");
    assert_eq!(f.len(), 1, "{name}: {:?}", rule_ids(&file));
    assert_eq!(f[0]["scope"], "closing", "{name}");
    assert_eq!(f[0]["line"], line_of(name, line_text), "{name}");
    assert_eq!(
        f[0]["text"], "partner",
        "{name}: points at the word as stored"
    );
    assert!(
        findings(&file, "seed/partner-talk").is_empty(),
        "{name}: {:?}",
        rule_ids(&file)
    );
}

fn assert_no_partner(name: &str) {
    let (file, _) = lint(&[&fixture(name)], None);
    let r = rule_ids(&file);
    assert!(
        !r.iter().any(|r| r.contains("partner")),
        "{name}: partner fired: {r:?}"
    );
    // The draft was read: other rules still see its prose.
    assert!(file["findings"].as_array().is_some(), "{name}");
}

#[test]
fn markdown_proposal_partner_close_is_flagged_in_the_closing() {
    assert_partner_close("proposal.md", "markdown", "Will you partner with us");
}

#[test]
fn html_email_partner_close_is_flagged_at_the_source_line() {
    assert_partner_close("email.html", "html", "Will you <b>partner</b>");
    let (file, _) = lint(&[&fixture("email.html")], None);
    let f = findings(&file, "seed/partner-close");
    // Column of the word itself, after `<b>`: never inside a tag.
    let line = std::fs::read_to_string(fixture("email.html"))
        .unwrap()
        .lines()
        .find(|l| l.contains("<b>partner</b>"))
        .unwrap()
        .to_string();
    let col = line[..line.find("partner</b>").unwrap()].chars().count() as u64 + 1;
    assert_eq!(f[0]["column"], col);
}

#[test]
fn saved_eml_partner_close_is_flagged_at_the_encoded_body_line() {
    // multipart/alternative: the quoted-printable text/plain part is read.
    assert_partner_close("saved.eml", "email", "Will you partner with us");
    // text/html only, quoted-printable, with a Gmail quote below.
    assert_partner_close("html-only.eml", "email", "Will you partner with us");
    // windows-1252, 8bit, with an attachment full of "partner" that is skipped.
    assert_partner_close("cp1252.eml", "email", "Will you partner with us");
}

#[test]
fn base64_bodies_point_at_the_parts_first_line() {
    let (file, _) = lint(&[&fixture("base64.eml")], None);
    let f = findings(&file, "seed/partner-close");
    assert_eq!(f.len(), 1, "{:?}", rule_ids(&file));
    assert_eq!(f[0]["scope"], "closing");
    assert_eq!(f[0]["line"], line_of("base64.eml", "SGkg"));
}

#[test]
fn partner_only_in_code_markup_or_quotes_gives_no_partner_finding() {
    for name in [
        "proposal-markup.md",
        "email-markup.html",
        "saved-quoted.eml",
        "nested-quotes.txt",
        "reply-hits.txt",
        "signature.txt",
    ] {
        assert_no_partner(name);
    }
}

#[test]
fn a_quoted_reply_full_of_rule_hits_costs_nothing() {
    let (file, code) = lint(&[&fixture("reply-hits.txt")], None);
    let quote_line = line_of("reply-hits.txt", "-----Original Message-----");
    for f in file["findings"].as_array().unwrap() {
        assert!(
            f["line"].as_u64().unwrap() < quote_line,
            "a finding in the quoted reply: {f}"
        );
        assert_ne!(f["scope"], "quote");
    }
    assert_eq!(code, 0, "{file}");
}

#[test]
fn the_subject_header_of_an_eml_is_the_subject_part() {
    let (file, _) = lint(
        &["--input-format", "email", "-"],
        Some(
            "Subject: PARTNERSHIP OPPORTUNITY!!\r\nContent-Type: text/plain\r\n\r\nHi Dana,\r\n\r\nCould we talk?\r\n",
        ),
    );
    for rule in [
        "draft/partnership-subject",
        "draft/all-caps-subject",
        "draft/exclaiming-subject",
    ] {
        let f = findings(&file, rule);
        assert_eq!(f.len(), 1, "{rule}: {:?}", rule_ids(&file));
        assert_eq!(f[0]["scope"], "subject");
        assert_eq!(f[0]["line"], 1);
    }
}

/// A subject in capitals is one finding, however many words it runs to, spanning them all.
#[test]
fn a_long_subject_in_capitals_is_one_finding() {
    let subject = "QUICK QUESTION ABOUT YOUR SUPPLY CHAIN AT ACME";
    let (file, _) = lint(
        &["--input-format", "email", "-"],
        Some(&format!(
            "Subject: {subject}\r\nContent-Type: text/plain\r\n\r\nHi Dana,\r\n\r\nCould we talk?\r\n"
        )),
    );
    let f = findings(&file, "draft/all-caps-subject");
    assert_eq!(f.len(), 1, "{:?}", f);
    assert_eq!(f[0]["text"], subject);
}

#[test]
fn crlf_drafts_keep_their_columns() {
    let (file, _) = lint(&[&fixture("crlf.txt")], None);
    let f = findings(&file, "seed/partner-close");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["line"], line_of("crlf.txt", "Will you partner"));
    assert_eq!(f[0]["column"], 10);
    assert_eq!(f[0]["text"], "partner");
}

#[test]
fn input_format_reads_stdin_as_html() {
    let html =
        "<p>Hi Dana,</p><p>We ship on time.</p><p>Will you partner with us?</p><p>Best,<br>Sam</p>";
    let (file, _) = lint(&["--input-format", "html", "-"], Some(html));
    assert_eq!(file["format"], "html");
    let f = findings(&file, "seed/partner-close");
    assert_eq!(f.len(), 1, "{:?}", rule_ids(&file));
    assert_eq!(f[0]["column"], html.find("partner").unwrap() as u64 + 1);
    // Read as text, the markup is prose and the tags are in the finding's line.
    let (file, _) = lint(&["--input-format", "text", "-"], Some(html));
    assert_eq!(file["format"], "text");
}

#[test]
fn stdin_is_read_as_what_it_opens_with() {
    // Each fixture piped in is read as its extension says, with the same findings.
    for (name, format) in [
        ("saved.eml", "email"),
        ("base64.eml", "email"),
        ("email.html", "html"),
        ("draft.txt", "text"),
    ] {
        let text = std::fs::read_to_string(fixture(name)).unwrap();
        let (piped, _) = lint(&["-"], Some(&text));
        let (named, _) = lint(&[&fixture(name)], None);
        assert_eq!(piped["format"], format, "{name}");
        assert_eq!(piped["findings"], named["findings"], "{name}");
        assert_eq!(piped["score"], named["score"], "{name}");
    }
    // A plain draft whose first lines look like headers, but not a saved email's, stays text;
    // so does one that opens with a merge field in angle brackets.
    for text in [
        "Subject: Spring packaging\nTo: Dana\n\nHi Dana,\n\nWill you partner with us?\n",
        "From: Sam\n\nHi Dana,\n\nWill you partner with us?\n",
        "<FirstName>,\n\nWill you partner with us?\n",
    ] {
        let (file, _) = lint(&["-"], Some(text));
        assert_eq!(file["format"], "text", "{text}");
    }
    // A whole page, and the piece of one a mail client or a browser copies: read as HTML, so
    // the tags are not words and the quoted thread is not the draft.
    for page in [
        "\u{feff}  <!DOCTYPE HTML><p>Hi Dana,</p><p>Will you partner with us?</p>",
        "<p>Hi Dana,</p><p>Will you partner with us?</p>",
        "<div dir=\"ltr\"><div>Hi Dana,</div><div><br></div><div>Will you partner with us?</div></div>",
        "<meta charset=\"utf-8\"><span>Hi Dana,</span><p>Will you partner with us?</p>",
    ] {
        let (file, _) = lint(&["-"], Some(page));
        assert_eq!(file["format"], "html", "{page}");
        let texts: Vec<&str> = file["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["text"].as_str().unwrap())
            .collect();
        assert!(texts.contains(&"partner"), "{page}: {texts:?}");
        assert!(!texts.iter().any(|t| t.contains('<')), "{page}: {texts:?}");
    }
}

#[test]
fn a_placeholder_is_an_error_in_a_draft_and_fine_in_a_template() {
    let (file, code) = lint(&[&fixture("draft.txt")], None);
    let f = findings(&file, "draft/unfilled-placeholder");
    assert_eq!(f.len(), 1, "{:?}", rule_ids(&file));
    assert_eq!(f[0]["severity"], "error");
    assert_eq!(f[0]["text"], "{{first_name}}");
    assert_eq!(
        (f[0]["line"].as_u64(), f[0]["column"].as_u64()),
        (Some(1), Some(4))
    );
    assert_eq!(code, 1);

    let (file, code) = lint(&["--template", &fixture("draft.txt")], None);
    assert!(findings(&file, "draft/unfilled-placeholder").is_empty());
    assert_eq!(code, 0, "{file}");

    // .tmpl files are templates without the flag.
    let (file, code) = lint(&[&fixture("template.tmpl")], None);
    assert!(findings(&file, "draft/unfilled-placeholder").is_empty());
    assert_eq!(code, 0, "{file}");
}

#[test]
fn a_merge_field_in_angle_brackets_is_one_in_any_case_and_format() {
    let dir = tempfile::tempdir().unwrap();
    let body = "Hi <First Name>,\n\nWe cut freight costs 12% for <company name>. Would a \
                20-minute call on Tuesday work? <b>Yes</b>, <title>.\n\nBest,\nSam\n";
    for name in ["d.txt", "d.md", "d.eml"] {
        let head = match name {
            "d.eml" => "From: a@b.com\nTo: c@d.com\nSubject: Freight\n\n",
            _ => "",
        };
        let path = dir.path().join(name);
        std::fs::write(&path, format!("{head}{body}")).unwrap();
        let (file, code) = lint(&[path.to_str().unwrap()], None);
        let texts: Vec<&str> = findings(&file, "draft/unfilled-placeholder")
            .iter()
            .map(|f| f["text"].as_str().unwrap())
            .collect();
        assert_eq!(texts, ["<First Name>", "<company name>"], "{name}");
        assert_eq!(code, 1, "{name}");
        let (file, _) = lint(&["--template", path.to_str().unwrap()], None);
        assert!(
            findings(&file, "draft/unfilled-placeholder").is_empty(),
            "{name}"
        );
    }
}

#[test]
fn placeholders_are_not_prose_for_phrase_rules() {
    let (file, _) = lint(
        &["--template", "-"],
        Some(
            "Hi {{partner_name}},\n\nWe ship on time.\n\nCan we talk Tuesday?\n\nBest,\n[Partner Manager]\n",
        ),
    );
    assert!(
        !rule_ids(&file).iter().any(|r| r.contains("partner")),
        "{:?}",
        rule_ids(&file)
    );
}

#[test]
fn folders_pick_up_every_format() {
    let (v, _) = {
        let out = pitchlint()
            .args(["--format", "json", DIR])
            .output()
            .unwrap();
        (
            serde_json::from_slice::<Value>(&out.stdout).unwrap(),
            out.status.code(),
        )
    };
    let paths = common::file_paths(&v);
    let on_disk = std::fs::read_dir(DIR)
        .unwrap()
        .filter(|e| {
            let p = e.as_ref().unwrap().path();
            !p.file_name().unwrap().to_string_lossy().starts_with('.')
        })
        .count();
    assert_eq!(paths.len(), on_disk, "{paths:?}");
    for ext in [".md", ".html", ".eml", ".txt", ".tmpl"] {
        assert!(paths.iter().any(|p| p.ends_with(ext)), "{ext}: {paths:?}");
    }
    assert_eq!(v["summary"]["errors"], 0);
}

/// The paths a lint run in `cwd` with `args` reports, in its order.
fn linted_paths(cwd: &std::path::Path, args: &[&str]) -> Vec<String> {
    let out = common::pitchlint_in(cwd)
        .args(["--isolated", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = v["files"].as_array().unwrap().iter();
    files
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn folders_skip_hidden_and_ignored_files_outside_git_too() {
    // A temporary folder, in no git repository.
    let dir = tempfile::tempdir().unwrap();
    let draft = "Hi Dana,\n\nWe ship on time.\n\nCan we talk Tuesday?\n\nBest,\nSam\n";
    common::write(
        dir.path(),
        &[
            ("d/a.txt", draft),
            ("d/.hidden.txt", draft),
            ("d/old/b.txt", draft),
            ("d/skip.md", draft),
            ("d/mine.txt", draft),
            ("d/kept.md", draft),
            ("d/.gitignore", "old/\nskip.md\n"),
            ("d/.ignore", "mine.txt\n"),
        ],
    );
    let paths = |args: &[&str]| linted_paths(dir.path(), args);
    assert_eq!(paths(&["d"]), ["d/a.txt", "d/kept.md"]);
    // A file named on the command line is linted whatever lists it.
    assert_eq!(paths(&["d/skip.md"]), ["d/skip.md"]);
}

/// In a git repository, as in git and ripgrep, a .gitignore above its root does not count: a
/// `proposals/` listed in a home folder's .gitignore passed a repository's CI with nothing
/// linted. Outside a repository, a folder's .gitignore still counts (above).
#[test]
fn a_gitignore_above_a_repository_does_not_count_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let draft = "Hi Dana,\n\nWe ship on time.\n\nCan we talk Tuesday?\n\nBest,\nSam\n";
    common::write(
        dir.path(),
        &[
            (".gitignore", "proposals/\n"),
            ("repo/.git/HEAD", "ref: refs/heads/main\n"),
            ("repo/.gitignore", "old/\n"),
            ("repo/proposals/q3.txt", draft),
            ("repo/old/q1.txt", draft),
            ("loose/proposals/q2.txt", draft),
        ],
    );
    let paths = |cwd: &str| linted_paths(&dir.path().join(cwd), &["."]);
    // The repository's own .gitignore counts; the one above it does not.
    assert_eq!(paths("repo"), ["./proposals/q3.txt"]);
    // A folder in no repository keeps what the .gitignore above it lists out.
    assert_eq!(paths("loose"), Vec::<String>::new());
    // A folder outside the repository, named from inside it (`../`), is no part of it: its
    // own .gitignore counts.
    common::write(
        dir.path(),
        &[
            ("drafts/.gitignore", "skip.txt\n"),
            ("drafts/skip.txt", draft),
            ("drafts/keep.txt", draft),
        ],
    );
    assert_eq!(
        linted_paths(&dir.path().join("repo"), &["../drafts"]),
        ["../drafts/keep.txt"]
    );
}

#[test]
fn show_parts_marks_every_part() {
    pitchlint()
        .args(["--show-parts", &fixture("saved-quoted.eml")])
        .assert()
        .success()
        .stdout(predicate::str::contains("saved-quoted.eml (email)"))
        .stdout(predicate::str::is_match(r"(?m)^\s+3  subject\s+│ Spring packaging$").unwrap())
        .stdout(
            predicate::str::is_match(r"(?m)^\s+13  closing\s+│ Could we run one trial order")
                .unwrap(),
        )
        .stdout(
            predicate::str::is_match(r"(?m)^\s+19  quote\s+│ > Sam, are you looking to partner")
                .unwrap(),
        );
    pitchlint()
        .args(["--show-parts", &fixture("template.tmpl")])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "placeholders (template): {{first_name}} (line 1), [Company] (line 3), %SENDER_NAME% (line 8)",
        ));
}

#[test]
fn an_unknown_input_format_is_a_usage_error() {
    pitchlint()
        .args(["--input-format", "pdf", "-"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "possible values: text, markdown, html, email",
        ));
}

/// A reward found in a quoted-printable body is quoted decoded in the human report's note
/// ("18%", not the file's "18=25"); the JSON `text` stays the file's bytes.
#[test]
fn a_quoted_printable_reward_is_quoted_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("qp.eml");
    std::fs::write(
        &path,
        "From: sam@acme.example\r\nSubject: Sacramento lane\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nHi Dana,\r\n\r\nFor Brightside, consolidating the lane cut freight spend by 18=25 in one quarter.\r\n\r\nCould I send you a one-page estimate this week?\r\n\r\nBest,\r\nSam\r\n",
    )
    .unwrap();
    let out = pitchlint()
        .args(["--color", "never"])
        .arg(&path)
        .output()
        .unwrap();
    let human = String::from_utf8(out.stdout).unwrap();
    assert!(human.contains("= \"18%\""), "{human}");
    // (The frame shows the file's line as stored.)
    assert!(!human.contains("= \"18=25\""), "{human}");
    let (v, _) = lint(&[path.to_str().unwrap()], None);
    let texts: Vec<&str> = findings(&v, "seed/concrete-proof")
        .iter()
        .map(|f| f["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["18=25"]);
}
