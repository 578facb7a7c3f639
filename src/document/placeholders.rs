//! Placeholders (merge fields) in templates: `{{first_name}}`, `{first_name}`, `[Company]`,
//! `[First Name]`, `<NAME>`, `%FIRSTNAME%`, `*|FNAME|*`.
//!
//! They are found on the lintable view, once per document. Phrase rules skip them (they are
//! added to `Document::masked`), metrics count each as one word, and the `placeholder` rule
//! kind reports an unfilled one in a draft that is not a template.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// Every placeholder syntax, most specific first (leftmost-first alternation).
#[allow(clippy::expect_used)] // a constant pattern, not input
static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        // {{first_name}}, {{ company | default }}, {{%}}
        r"\{\{[^{}\n]{1,80}\}\}",
        // *|FNAME|* (Mailchimp)
        r"|\*\|[A-Za-z0-9_:]{1,40}\|\*",
        // {first_name}
        r"|\{[A-Za-z_][A-Za-z0-9_ .\-]{0,40}\}",
        // %FIRSTNAME% (uppercase only: "50% off 20%" is prose)
        r"|%[A-Z][A-Z0-9_]{1,40}%",
        // <NAME>, <FIRST NAME> (uppercase only: tags are lowercase)
        r"|<[A-Z][A-Z0-9_ ]{0,40}>",
        // [Company], [First Name], [shared audience], [X]: starts with a letter, no nesting
        r"|\[[A-Za-z][^\[\]\n]{0,60}\]",
    ))
    .expect("placeholder regex compiles")
});

/// The spans of every placeholder in `text`, sorted and disjoint.
pub fn find(text: &str) -> Vec<Range<usize>> {
    PLACEHOLDER
        .find_iter(text)
        .filter(|m| !is_prose(m.as_str(), &text[m.end()..]))
        .map(|m| m.range())
        .collect()
}

/// Bracketed text that is not a merge field: a link's text (`[our guide](…)`,
/// `[our guide][1]`) when the view still shows the link syntax. (Markdown task boxes never
/// reach the view: the Markdown reader blanks them.)
fn is_prose(m: &str, after: &str) -> bool {
    m.starts_with('[') && (after.starts_with('(') || after.starts_with('['))
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
    fn prose_is_not_a_placeholder() {
        assert!(found("We cut costs by 20% to 30%. See <b>this</b> [1] done.").is_empty());
        assert!(found("Read [our guide](https://x.io) today.").is_empty());
        assert_eq!(found("{{ company }} and {{%}}"), ["{{ company }}", "{{%}}"]);
    }
}
