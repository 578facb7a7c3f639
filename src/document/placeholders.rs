//! Placeholders (merge fields) in templates: `{{first_name}}`, `{first_name}`, `[Company]`,
//! `[First Name]`, `<NAME>`, `%FIRSTNAME%`, `*|FNAME|*`.
//!
//! They are found on the lintable view, once per document. Phrase rules skip them (they are
//! added to `Document::masked`), metrics count each as one word, and the `placeholder` rule
//! kind reports an unfilled one in a draft that is not a template.

use std::ops::Range;
use std::sync::LazyLock;

// A bytes regex, so that `{{…}}` can use a byte class: the Unicode one compiles 80 copies of
// a UTF-8 automaton, on every run. Every match starts and ends at an ASCII delimiter, so its
// span is on character boundaries of the text.
use regex::bytes::Regex;

/// Every placeholder syntax, most specific first (leftmost-first alternation).
#[allow(clippy::expect_used)] // a constant pattern, not input
static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        // {{first_name}}, {{ company | default }}, {{%}}
        // (80 characters are up to 320 bytes; `find` checks the count in characters.)
        r"\{\{(?-u:[^{}\n]){1,320}\}\}",
        // *|FNAME|* (Mailchimp)
        r"|\*\|[A-Za-z0-9_:]{1,40}\|\*",
        // {first_name}
        r"|\{[A-Za-z_][A-Za-z0-9_ .\-]{0,40}\}",
        // %FIRSTNAME% (uppercase only: "50% off 20%" is prose)
        r"|%[A-Z][A-Z0-9_]{1,40}%",
        // <NAME>, <FIRST NAME> (uppercase only: tags are lowercase)
        r"|<[A-Z][A-Z0-9_ ]{0,40}>",
        // [Company], [First Name], [shared audience], [X], [Use case 2]: words of letters,
        // `_`, `-`, `/`, `'`, `+`, `&` and sentence marks, no colon (checked further by `is_prose`)
        r"|\[[A-Za-z][A-Za-z0-9 _'/+&.,?!\-]{0,60}\]",
    ))
    .expect("placeholder regex compiles")
});

/// The spans of every placeholder in `text`, sorted and disjoint.
pub fn find(text: &str) -> Vec<Range<usize>> {
    PLACEHOLDER
        .find_iter(text.as_bytes())
        .map(|m| m.range())
        .filter(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
        .filter(|r| !text[r.clone()].starts_with("{{") || text[r.clone()].chars().count() <= 84)
        .filter(|r| !is_prose(&text[r.clone()], &text[r.end..]))
        .collect()
}

/// First words of bracketed prose: editorial notes and references (`[sic]`, `[see Appendix
/// A]`, `[citation needed]`, `[emphasis added]`), never merge fields.
const PROSE_WORDS: &[&str] = &[
    "see",
    "sic",
    "source",
    "sources",
    "cf",
    "citation",
    "emphasis",
    "via",
    "ibid",
    "note",
    "edit",
    "edited",
    "ed",
    "update",
    "updated",
    "translated",
    "translation",
    "inaudible",
    "laughs",
    "laughter",
    "applause",
    "redacted",
    "appendix",
    "figure",
    "fig",
    "table",
    "exhibit",
    "attachment",
    "attached",
    "footnote",
    "ref",
    "emph",
    "original",
    "e.g",
    "i.e",
    "etc",
];

/// The most words a bracketed merge field has (`[Stat 1 with surprise factor]`).
const MAX_BRACKET_WORDS: usize = 5;

/// Bracketed text that is not a merge field: a link's text (`[our guide](…)`,
/// `[our guide][1]`) when the view still shows the link syntax (Markdown task boxes never
/// reach the view: the Markdown reader blanks them); an editorial note or reference
/// (`[sic]`, `[see Appendix A]`); more than [`MAX_BRACKET_WORDS`] words; or a number word
/// longer than two digits (`[Gartner 2025]`; `[Problem 3]` is a field).
fn is_prose(m: &str, after: &str) -> bool {
    let Some(inner) = m.strip_prefix('[').and_then(|m| m.strip_suffix(']')) else {
        return false;
    };
    if after.starts_with('(') || after.starts_with('[') {
        return true;
    }
    let words: Vec<&str> = inner.split_whitespace().collect();
    let first = words
        .first()
        .map(|w| w.trim_end_matches(['.', ',', '?', '!']).to_lowercase())
        .unwrap_or_default();
    words.is_empty()
        || words.len() > MAX_BRACKET_WORDS
        || PROSE_WORDS.contains(&first.as_str())
        || words.iter().any(|w| {
            w.chars().any(|c| c.is_ascii_digit())
                && !(w.len() <= 2 && w.chars().all(|c| c.is_ascii_digit()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn every_syntax_is_found() {
        let t = "Hi {{first_name}}, {first_name} at [Company] ([First Name]) <NAME> %FIRSTNAME% *|FNAME|*.";
        assert_eq!(
            found(t),
            [
                "{{first_name}}",
                "{first_name}",
                "[Company]",
                "[First Name]",
                "<NAME>",
                "%FIRSTNAME%",
                "*|FNAME|*"
            ]
        );
    }

    #[test]
    fn a_merge_field_holds_up_to_80_characters_of_any_script() {
        let cjk = format!("{{{{ {} }}}}", "公司".repeat(39));
        assert_eq!(found(&cjk), [cjk.as_str()]);
        let long = format!("{{{{ {} }}}}", "x".repeat(79));
        assert!(found(&long).is_empty(), "81 characters inside");
    }

    #[test]
    fn prose_is_not_a_placeholder() {
        assert!(found("We cut costs by 20% to 30%. See <b>this</b> [1] done.").is_empty());
        assert!(found("Read [our guide](https://x.io) today.").is_empty());
        assert_eq!(found("{{ company }} and {{%}}"), ["{{ company }}", "{{%}}"]);
    }

    #[test]
    fn bracketed_prose_is_not_a_placeholder() {
        let t = "Pricing is attached [see Appendix A]. Per the report [sic], results rose 20% \
                 [Source: Gartner 2025] [Gartner 2025] [citation needed] [a b c d e f] [x2y] [e.g. this].";
        assert!(found(t).is_empty(), "{:?}", found(t));
    }

    #[test]
    fn bracketed_merge_fields_are_placeholders() {
        let t = "[Company] [First Name] [company name] [Your Name] [Use case 2] [day/day] [X] \
                 [usage URL from {{LIB}}] [Observation question?]";
        assert_eq!(
            found(t),
            [
                "[Company]",
                "[First Name]",
                "[company name]",
                "[Your Name]",
                "[Use case 2]",
                "[day/day]",
                "[X]",
                "{{LIB}}",
                "[Observation question?]"
            ]
        );
    }
}
