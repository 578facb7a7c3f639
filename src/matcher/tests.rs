//! Tests of `crate::matcher`.

use super::*;
use crate::pack::PackSource;

fn rules(toml: &str) -> Vec<Box<dyn Rule>> {
    let src = PackSource {
        path: "t.toml".into(),
        text: format!("[pack]\nname = \"t\"\n{toml}"),
    };
    crate::rule::compile_pack(&src).unwrap()
}

fn hits(toml: &str, text: &str) -> Vec<(u32, String)> {
    let rules = rules(toml);
    let m = Matcher::new(&rules).unwrap();
    let mut out = Vec::new();
    m.find_all(text, &mut out);
    out.into_iter()
        .map(|h| (h.rule, text[h.span].to_string()))
        .collect()
}

const TWO: &str = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nphrases = [\"partner*\"]\n\
                   [[rule]]\nid = \"b\"\nmessage = \"m\"\nweight = -1\nphrases = [\"partner with you\"]\n";

#[test]
fn overlapping_rules_both_fire() {
    assert_eq!(
        hits(TWO, "We partner with you."),
        [(0, "partner".into()), (1, "partner with you".into())]
    );
}

#[test]
fn every_occurrence_is_found() {
    assert_eq!(hits(TWO, "partners and PARTNERSHIP").len(), 2);
}

#[test]
fn non_ascii_letters_are_word_characters() {
    assert!(hits(TWO, "épartner").is_empty());
    // `partner*` is any word that starts with "partner", non-ASCII letters included.
    assert_eq!(hits(TWO, "partneré"), [(0, "partneré".into())]);
    assert!(hits(TWO, "a partner withé you").iter().all(|h| h.0 == 0));
    assert_eq!(hits(TWO, "«partner»").len(), 1);
    let t = "[[rule]]\nid = \"c\"\nmessage = \"m\"\nweight = -1\nphrases = [\"café\"]\n";
    assert_eq!(hits(t, "un café noir").len(), 1);
    assert!(hits(t, "cafés").is_empty());
}

#[test]
fn identical_patterns_are_compiled_once() {
    let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nphrases = [\"synergy\"]\n\
             [[rule]]\nid = \"b\"\nmessage = \"m\"\nweight = -1\nphrases = [\"synergy\"]\n";
    let r = rules(t);
    assert_eq!(Matcher::new(&r).unwrap().len(), 1);
    assert_eq!(
        hits(t, "synergy"),
        [(0, "synergy".into()), (1, "synergy".into())]
    );
}

/// A long text is cut into pieces of at most PIECE_MAX bytes that cover it in order, on
/// character boundaries; a short one stays whole.
#[test]
fn long_texts_are_cut_into_small_pieces() {
    let text = "é".repeat(PIECE_MAX * 2 + 7);
    let p = pieces(&text, 2, PIECE_MAX);
    assert!(p.len() >= 5, "{p:?}");
    assert_eq!(p[0].start, 0);
    assert_eq!(p.last().unwrap().end, text.len() + 1);
    for w in p.windows(2) {
        assert_eq!(w[0].end, w[1].start);
    }
    for r in &p {
        assert!(text.is_char_boundary(r.start));
        assert!(r.end - r.start <= PIECE_MAX + 2, "{r:?}");
    }
    assert_eq!(pieces("short", 2, PIECE_MAX), vec![0..6]);
}

#[test]
fn pieces_find_what_one_scan_finds() {
    let r = rules(TWO);
    let m = Matcher::new(&r).unwrap();
    let t = "!!partner with you; partners é partner\u{e9} «partner» ".repeat(50);
    let mut one = Vec::new();
    m.find_all_in(&t, &mut one, usize::MAX);
    assert!(one.len() > 100);
    for min in [1, 7, 64, 1000] {
        let mut many = Vec::new();
        m.find_all_in(&t, &mut many, min);
        assert_eq!(one, many, "pieces of at least {min} bytes");
    }
    let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\npattern = '!{2,}'\n";
    let r = rules(t);
    let m = Matcher::new(&r).unwrap();
    let text = "!!!!!!!! a !!!! b".repeat(20);
    let mut one = Vec::new();
    m.find_all_in(&text, &mut one, usize::MAX);
    for min in [1, 3, 5] {
        let mut many = Vec::new();
        m.find_all_in(&text, &mut many, min);
        assert_eq!(one, many, "pieces of at least {min} bytes");
    }
}

#[test]
fn overlaps_are_found_whatever_the_prefixes() {
    let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\npattern = '[a-z]+ing'\n\
             [[rule]]\nid = \"b\"\nmessage = \"m\"\nweight = -1\nphrases = [\"testing\"]\n\
             [[rule]]\nid = \"c\"\nmessage = \"m\"\nweight = -1\nphrases = [\"test*\"]\n";
    assert_eq!(
        hits(t, "Testing, testing."),
        [
            (0, "Testing".into()),
            (1, "Testing".into()),
            (2, "Testing".into()),
            (0, "testing".into()),
            (1, "testing".into()),
            (2, "testing".into()),
        ]
    );
}

#[test]
fn unicode_boundary_patterns_run_apart_and_still_overlap() {
    let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\npattern = '\\bdemo\\b'\n\
             [[rule]]\nid = \"b\"\nmessage = \"m\"\nweight = -1\nphrases = [\"demo*\"]\n";
    let r = rules(t);
    let m = Matcher::new(&r).unwrap();
    assert_eq!(m.regexes.len(), 1);
    assert_eq!(m.literals.len(), 1);
    assert_eq!(
        hits(t, "« demo » démo demos"),
        [(0, "demo".into()), (1, "demo".into()), (1, "demos".into())]
    );
}

#[test]
fn a_too_large_pattern_names_its_rule() {
    let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nphrases = [\"fine\"]\n\
             [[rule]]\nid = \"b\"\nmessage = \"m\"\nweight = -1\npattern = '(?:\\w{100}){100}x'\n";
    let e = Matcher::new(&rules(t)).unwrap_err();
    assert_eq!(e.rule, 1);
    assert!(e.message.contains("too large"), "{}", e.message);
}

#[test]
fn phrases_left_to_the_regex_engine_mean_what_literal_ones_mean() {
    // `partner* with you` is no small set of strings: it runs as a regex.
    let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\n\
             phrases = [\"partner* with you\", \"partner* with you and me\"]\n";
    assert_eq!(
        hits(
            t,
            "We partner with you and me. Partneré—with you. partners - with\nyou."
        ),
        [
            (0, "partner with you and me".into()),
            (0, "Partneré—with you".into()),
            (0, "partners - with\nyou".into())
        ]
    );
}

#[test]
fn greek_final_sigma_is_sigma() {
    let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nphrases = [\"οδος\"]\n";
    assert_eq!(hits(t, "ΟΔΟΣ, Οδος, οδος").len(), 3);
}

#[test]
fn a_prefix_repeated_inside_one_word_is_no_match() {
    // Each repeat starts inside the word: rejected before the word's end is looked for.
    let word = "synerg".repeat(5000);
    assert!(hits(TWO, &format!("partner{word}x partnerx")).len() == 2);
    let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nphrases = [\"synerg*\"]\n";
    assert_eq!(hits(t, &format!("a {word} b")), [(0, word)]);
}

#[test]
fn user_regexes_keep_their_meaning() {
    let t = "[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\npattern = '!{2,}'\n";
    assert_eq!(hits(t, "Wow!!! ok!"), [(0, "!!!".into())]);
}
