//! The fixed regexes of document reading. `build.rs` includes this file and compiles them
//! into DFAs at build time, so no run pays for compiling them (see [`super::dfa`]).
//!
//! Both are byte regexes with byte classes: a Unicode class compiles to a large UTF-8
//! automaton. Every match starts and ends at an ASCII byte, so its span is on character
//! boundaries of the text.

/// Every placeholder syntax, most specific first (leftmost-first alternation). It is run
/// anchored, from each byte in [`PLACEHOLDER_FIRST_BYTES`].
pub const PLACEHOLDER: &str = concat!(
    // {{first_name}}, {{ company | default }}, {{%}}
    // (80 characters are up to 320 bytes; `find` checks the count in characters.)
    r"\{\{(?-u:[^{}\n]){1,320}\}\}",
    // *|FNAME|* (Mailchimp)
    r"|\*\|[A-Za-z0-9_:]{1,40}\|\*",
    // {first_name}
    r"|\{[A-Za-z_][A-Za-z0-9_ .\-]{0,40}\}",
    // %FIRSTNAME% (uppercase only: "50% off 20%" is prose)
    r"|%[A-Z][A-Z0-9_]{1,40}%",
    // <NAME>, <FIRST NAME>; <First Name>, <first_name>, <company-name>, <Prospect's company>
    // (`find` keeps one in lower or mixed case only if it names a field, and none that is an
    // HTML tag: not <b>, <BR>, <title>, <Capacity Planning>)
    r"|<[A-Za-z][A-Za-z0-9_ '/\-]{0,40}>",
    // [Company], [First Name], [shared audience], [X], [Use case 2]: words of letters,
    // `_`, `-`, `/`, `'`, `+`, `&` and sentence marks, no colon (checked further by `is_prose`);
    // also after a count written against them, [1-sentence insight], [2nd pain point] (not a
    // footnote's [1], a year's [2024] nor [1 of 3]); a figure's sign ([X%]: `is_prose`
    // makes [Save 20% now] prose). (Not a curly apostrophe: mail editors write one, and
    // "Within a month [Harlow’s] dock…" is an insertion in a customer's words.)
    r"|\[(?:[0-9]{1,3}-?)?[A-Za-z][A-Za-z0-9 _'/+&.,?!%$\-]{0,60}\]",
);

/// The bytes a placeholder can start with.
pub const PLACEHOLDER_FIRST_BYTES: &[u8] = b"{*%<[";

/// A URL with a scheme or `www.`, an email address (with an optional `mailto:`), or a link
/// without its scheme (a host with a path, or under a common top-level domain). A match
/// stops before an ASCII delimiter (or at the end); `links::find` then cuts it at the first
/// Unicode space or typographic mark.
pub const LINK: &str = concat!(
    r"(?i-u)\b(?:(?:https?|ftp)://|www\.)[^\s<>()\[\]{}\x22'`]+",
    r"|(?i-u)\b(?:mailto:)?[a-z0-9._%+\-]+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}\b",
    // A link written without its scheme (`calendly.com/sam/intro`, `acme.com`): a host with a
    // path, or a host under a common top-level domain, in lower case: a sentence run on
    // after its full stop ("ASAP.It matters", "world-class.Service/support") is prose.
    r"|(?i-u)\b[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)*\.",
    r"(?-i:[a-z]{2,24}/[^\s<>()\[\]{}\x22'`]*",
    r"|(?:com|org|net|edu|gov|io|co|ai|app|dev|biz|info|uk|de|fr|es|nl|eu|ca|au|ly)",
    r"\b(?:/[^\s<>()\[\]{}\x22'`]*)?)",
);

/// The leftmost-first matches of `pattern` by the regex crate: what the embedded DFAs must find.
#[cfg(test)]
pub fn regex_matches(pattern: &str, text: &str) -> Vec<std::ops::Range<usize>> {
    let re = regex::bytes::Regex::new(pattern).unwrap();
    re.find_iter(text.as_bytes()).map(|m| m.range()).collect()
}
