//! What a new user ran into: bracketed prose, URLs, parts around a P.S., empty input,
//! suppression typos, output consistency and small CLI messages, each against the real binary.

mod common;

use common::{pitchlint, pitchlint_in, run, write};
use serde_json::Value;

/// The json report of `args` with `stdin` as the draft.
fn json_of(args: &[&str], stdin: &str) -> Value {
    let (out, err, _) = run(pitchlint()
        .args(["--format", "json"])
        .args(args)
        .arg("-")
        .write_stdin(stdin));
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}\n{err}"))
}

/// The rule ids found in the first file of a json report.
fn rules_of(v: &Value) -> Vec<String> {
    v["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn bracketed_prose_is_not_an_unfilled_placeholder() {
    let draft = "Hi Dana,\n\nPricing is attached [see Appendix A]. Per the report [sic], results \
                 rose 20% [Source: Gartner 2025].\n\nCould we talk Tuesday?\n\nBest,\nSam\n";
    let v = json_of(&[], draft);
    assert!(
        !rules_of(&v).contains(&"draft/unfilled-placeholder".to_string()),
        "{:?}",
        rules_of(&v)
    );
    // A real merge field still is one.
    let v = json_of(&[], &draft.replace("Dana", "[First Name]"));
    let n = rules_of(&v)
        .iter()
        .filter(|r| *r == "draft/unfilled-placeholder")
        .count();
    assert_eq!(n, 1);
}

#[test]
fn urls_and_email_addresses_are_not_linted() {
    let body = "Hi Dana,\n\nWe pack beer for 40 breweries.\n\nSee https://acme.com/partner-program \
                or partners@acme.com.\n\nCould we talk Tuesday?\n\nBest,\nSam\n";
    let v = json_of(&[], body);
    let hits: Vec<String> = rules_of(&v)
        .into_iter()
        .filter(|r| r.contains("partner"))
        .collect();
    assert!(hits.is_empty(), "{hits:?}");
    // The same words outside an address still are found.
    let v = json_of(&[], &body.replace("Tuesday?", "Tuesday? Partner with us."));
    assert!(rules_of(&v).iter().any(|r| r.contains("partner")));

    // An .eml body likewise.
    let dir = tempfile::tempdir().unwrap();
    let eml = format!(
        "From: Sam <sam@acme.example>\nTo: Dana <dana@northwind.example>\nSubject: Spring \
         packaging\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n{body}"
    );
    write(dir.path(), &[("a.eml", &eml)]);
    let (out, err, _) = run(pitchlint_in(dir.path()).args(["--format", "json", "a.eml"]));
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    assert_eq!(v["files"][0]["format"], "email");
    let hits: Vec<String> = rules_of(&v)
        .into_iter()
        .filter(|r| r.contains("partner"))
        .collect();
    assert!(hits.is_empty(), "{hits:?}");
}
