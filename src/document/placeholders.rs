//! Placeholders (merge fields) in templates: `{{first_name}}`, `{first_name}`, `[Company]`,
//! `[First Name]`, `<NAME>`, `<First Name>`, `%FIRSTNAME%`, `*|FNAME|*`.
//!
//! They are found on the lintable view, once per document. Phrase rules skip them (they are
//! added to `Document::masked`), metrics count each as one word, and the `placeholder` rule
//! kind reports an unfilled one in a draft that is not a template.

use std::ops::Range;

use regex_automata::dfa::Automaton;
use regex_automata::{Anchored, Input};

use super::dfa::PLACEHOLDER;
use super::patterns::PLACEHOLDER_FIRST_BYTES;

/// [`PLACEHOLDER_FIRST_BYTES`] as a table: one lookup per byte of text.
static FIRST: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < PLACEHOLDER_FIRST_BYTES.len() {
        t[PLACEHOLDER_FIRST_BYTES[i] as usize] = true;
        i += 1;
    }
    t
};

/// The spans of every placeholder in `text`, sorted and disjoint: the leftmost-first matches
/// of [`super::patterns::PLACEHOLDER`], found by running its anchored DFA from each byte that
/// can start one (the first such byte with a match is the leftmost start).
pub fn find(text: &str) -> Vec<Range<usize>> {
    let mut out = matches(text.as_bytes());
    out.retain(|r| {
        text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
            && (!text[r.clone()].starts_with("{{") || text[r.clone()].chars().count() <= 84)
            && !is_prose(&text[r.clone()], &text[r.end..])
            && !is_tag(&text[r.clone()])
            && (!text[r.clone()].starts_with('<') || angle_field(&text[r.clone()]))
    });
    // A row of image texts ("[Acme] [LinkedIn] [Twitter]", a signature's icons in an email's
    // plain-text part): a name in it is an image's too ("[Acme]"). A row with a field in it
    // ("[Your Name] | [LinkedIn]") is a template's, and keeps its fields.
    // (Each line is read once, however many fields it holds, and the rows, in order as the
    // fields are, are walked beside them: a long template has millions of fields.)
    if out.iter().any(|r| text[(*r).clone()].starts_with('[')) {
        let mut rows: Vec<Range<usize>> = Vec::new();
        let mut line: Option<Range<usize>> = None;
        for r in out.iter().filter(|r| text[(*r).clone()].starts_with('[')) {
            if line.as_ref().is_some_and(|l| l.contains(&r.start)) {
                continue;
            }
            let l = line_of(text, r.start);
            if is_icon_row(&text[l.clone()]) {
                rows.push(l.clone());
            }
            line = Some(l);
        }
        let mut rows = rows.iter().peekable();
        out.retain(|r| {
            while rows.next_if(|l| l.end <= r.start).is_some() {}
            rows.peek().is_none_or(|l| !l.contains(&r.start))
        });
    }
    // The list lives as long as its document.
    out.shrink_to_fit();
    out
}

/// Words that make bracketed text a merge field however it stands: what a template asks the
/// writer to fill in.
const FIELD_WORDS: &[&str] = &[
    "name",
    "first",
    "last",
    "your",
    "company",
    "title",
    "role",
    "position",
    "phone",
    "mobile",
    "email",
    "e-mail",
    "website",
    "url",
    "address",
    "city",
    "industry",
    "product",
    "prospect",
    "contact",
    "sender",
    "recipient",
    "signature",
    "calendar",
    "link",
    "customer",
    "client",
    "brand",
];

/// Whether bracketed text holds a [`FIELD_WORDS`] word, also inside a run-together name
/// (`[FirstName]`, `[CompanyName]`).
fn names_a_field(m: &str) -> bool {
    let inner = m.trim_matches(['[', ']']).to_lowercase();
    FIELD_WORDS.iter().any(|f| inner.contains(f))
}

/// Whether an angle-bracketed match is a merge field. Not if it is written as an HTML tag is:
/// an element's name alone, in any case (`<b>`, `<BR>`, `<Title>`), or first in lower case
/// (`<input name>`). In capitals, always (`<NAME>`, `<FIRST NAME>`, `<X>`); in lower or mixed
/// case, if it is more than one word or starts with a capital, and one of its words, whole or
/// in a run-together name, is an [`ANGLE_WORDS`] word: `<First Name>`, `<FirstName>`,
/// `<first_name>`, `<company-name>`, `<Prospect's company>`, `<Company>`; not `<Capacity
/// Planning>` ("city" inside a word), `<Contact Us>` nor `<LinkedIn>`.
fn angle_field(m: &str) -> bool {
    let inner = &m[1..m.len() - 1];
    let separators = [' ', '_', '-', '/'];
    let words = || inner.split(separators).filter(|w| !w.is_empty());
    let first = words().next().unwrap_or_default().to_ascii_lowercase();
    let has_upper = inner.bytes().any(|b| b.is_ascii_uppercase());
    if HTML_ELEMENTS.binary_search(&first.as_str()).is_ok() && (words().count() == 1 || !has_upper)
    {
        return false;
    }
    if !inner.bytes().any(|b| b.is_ascii_lowercase()) {
        return true;
    }
    (inner.contains(separators) || inner.starts_with(|c: char| c.is_ascii_uppercase()))
        && words().flat_map(camel_parts).any(|w| {
            let w = w.strip_suffix("'s").unwrap_or(w);
            ANGLE_WORDS.iter().any(|a| a.eq_ignore_ascii_case(w))
        })
}

/// A word cut where a capital follows a small letter: `FirstName` into `First` and `Name`.
fn camel_parts(w: &str) -> impl Iterator<Item = &str> {
    let b = w.as_bytes();
    let cuts =
        (1..b.len()).filter(move |&i| b[i].is_ascii_uppercase() && b[i - 1].is_ascii_lowercase());
    let mut start = 0;
    cuts.chain(std::iter::once(b.len())).map(move |end| {
        let part = &w[start..end];
        start = end;
        part
    })
}

/// Words that make angle-bracketed text in lower or mixed case a merge field, as whole words:
/// fewer than [`FIELD_WORDS`], since a capitalised label in angle brackets ("<Customer
/// Success>", "<Contact Us>") is more often a name than a field.
const ANGLE_WORDS: &[&str] = &[
    "name",
    "firstname",
    "lastname",
    "fname",
    "lname",
    "your",
    "company",
    "title",
    "role",
    "phone",
    "email",
    "industry",
    "city",
    "prospect",
    "recipient",
    "sender",
    "insert",
    "pain",
    "signature",
];

/// HTML elements' names, sorted: angle brackets holding one are a tag, not a field.
#[rustfmt::skip]
const HTML_ELEMENTS: &[&str] = &[
    "a", "abbr", "address", "article", "aside", "audio", "b", "big", "blockquote", "body", "br",
    "button", "caption", "center", "cite", "code", "col", "dd", "del", "details", "div", "dl",
    "dt", "em", "embed", "fieldset", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "head", "header", "hr", "html", "i", "iframe", "img", "input", "ins", "label",
    "legend", "li", "link", "main", "mark", "meta", "nav", "ol", "option", "p", "pre", "q", "s",
    "script", "section", "select", "small", "source", "span", "strong", "style", "sub",
    "summary", "sup", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "time",
    "title", "tr", "u", "ul", "video", "wbr",
];

/// Bracketed labels that mail gateways and email clients write, never merge fields, as whole
/// labels (case and `:`, `-` aside): a gateway's subject tag (`[EXTERNAL]`, `[CAUTION:
/// External]`, `[SPAM]`) and an image's text in a plain-text part (`[LinkedIn]`, `[logo]`).
/// A label that only starts with one of them (`[LinkedIn topic]`, `[possible pain point]`) is
/// a field.
const TAGS: &[&str] = &[
    "external",
    "ext",
    "external email",
    "external sender",
    "external message",
    "caution",
    "caution external",
    "caution external email",
    "caution external sender",
    "warning external",
    "warning external email",
    "spam",
    "suspected spam",
    "possible spam",
    "suspicious",
    "phishing",
    "bulk",
    "encrypt",
    "secure",
    "linkedin",
    "twitter",
    "facebook",
    "instagram",
    "youtube",
    "tiktok",
    "xing",
    "logo",
    "icon",
    "image",
    "banner",
];

/// Whether bracketed text is a label of [`TAGS`], an inline image (`[cid:image001.png@…]`),
/// or a name and an image word (`[Acme logo]`; `[Company logo]` names a field).
fn is_tag(m: &str) -> bool {
    let Some(inner) = m.strip_prefix('[').and_then(|m| m.strip_suffix(']')) else {
        return false;
    };
    if inner
        .get(..4)
        .is_some_and(|p| p.eq_ignore_ascii_case("cid:"))
    {
        return true;
    }
    // Its words joined by single spaces and lower-cased into a buffer (no tag is longer), then
    // compared with each tag: a long template's every bracketed field comes here, and an ASCII
    // label is read without a copy. (Lower-casing may turn a character outside ASCII into an
    // ASCII one, as the Kelvin sign into `k`: such a label is lower-cased whole first.)
    let lowered;
    let inner = if inner.is_ascii() {
        inner
    } else {
        lowered = inner.to_lowercase();
        lowered.as_str()
    };
    let words = inner
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '!'))
        .filter(|w| !w.is_empty());
    let mut label = [0u8; 32];
    let mut n = 0;
    let fits = words.clone().all(|w| {
        let sep = usize::from(n > 0);
        let Some(room) = label.get_mut(n..n + sep + w.len()) else {
            return false;
        };
        room[..sep].fill(b' ');
        room[sep..].copy_from_slice(w.as_bytes());
        n += sep + w.len();
        true
    });
    label[..n].make_ascii_lowercase();
    if fits && TAGS.iter().any(|t| t.as_bytes() == &label[..n]) {
        return true;
    }
    let mut two = words;
    match (two.next(), two.next(), two.next()) {
        (Some(name), Some(image), None) => {
            (image.eq_ignore_ascii_case("logo") || image.eq_ignore_ascii_case("icon"))
                && !names_a_field(name)
        }
        _ => false,
    }
}

/// A line of only bracketed labels (with separators), at least two, one of them a tag
/// ([`is_tag`]) and none a field's ([`names_a_field`]): a row of icons.
fn is_icon_row(line: &str) -> bool {
    let mut labels = 0;
    let mut tagged = false;
    let mut rest = line.trim();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let Some(close) = after.find(']') else {
                return false;
            };
            let label = &rest[..close + 2];
            // A field, or more than one word that is no tag (`[Pain Point]`): a template's.
            let tag = is_tag(label);
            if !tag && (names_a_field(label) || label.contains(char::is_whitespace)) {
                return false;
            }
            labels += 1;
            tagged |= tag;
            rest = after[close + 1..].trim_start_matches([' ', '\t', '|', '·', '•', ',']);
        } else {
            return false;
        }
    }
    labels >= 2 && tagged
}

/// The span of the line holding `at`, without its line break.
fn line_of(text: &str, at: usize) -> Range<usize> {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find(['\n', '\r']).map_or(text.len(), |i| at + i);
    start..end
}

/// The pattern's matches in `hay`, before the filters of [`find`].
fn matches(hay: &[u8]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = hay[at..].iter().position(|&b| FIRST[usize::from(b)]) {
        let start = at + i;
        let input = Input::new(hay).range(start..).anchored(Anchored::Yes);
        match PLACEHOLDER.try_search_fwd(&input) {
            Ok(Some(m)) => {
                out.push(start..m.offset());
                at = m.offset();
            }
            _ => at = start + 1,
        }
    }
    out
}

/// A price list's or a proposal's labels, each the whole of its brackets (`[Optional]`,
/// `[Add-on]`, `[New]`, `[Confidential]`; not `[Optional soft pitch]`, a template's slot).
const LABELS: &[&str] = &[
    "optional",
    "add-on",
    "addon",
    "included",
    "recommended",
    "new",
    "confidential",
    "draft",
];

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

/// First words of a reference when a number follows (`[page 14]`, `[p. 3]`, `[section 2.1]`),
/// or of a price table's term (`[Year 2]`, `[Net 30]`, `[Phase 1]`); with a word after them
/// they name a field (`[Section name]`, `[Slide title]`, `[Year founded]`).
const REFERENCE_WORDS: &[&str] = &[
    "page",
    "p",
    "pp",
    "para",
    "paragraph",
    "section",
    "slide",
    "chapter",
    "year",
    "month",
    "quarter",
    "net",
    "phase",
    "tier",
];

/// The most words a bracketed merge field has (`[Stat 1 with surprise factor]`), unless it
/// starts as a template's instruction ([`is_instruction`]).
const MAX_BRACKET_WORDS: usize = 5;

/// First words of a template's instruction to the writer, whatever follows: `[Insert a
/// customer story here]`, `[Describe their stack in 2-3 words]`, `[Observation question
/// about their situation?]`; and "link to …", "one sentence …" ([`is_instruction`]). (The
/// first word only, and whole: reviews found `[Case 10492, customer escalation]` read as a
/// field when any word named one, and `[Your order 4411 shipped Tuesday]`, `[Add 20% more
/// dock capacity in Q3]`, `[Mention this email for 10% off]` when "your", "add" and
/// "mention" started one.)
const INSTRUCTION_STARTS: &[&str] = &[
    "insert",
    "describe",
    "personalize",
    "personalise",
    "personalized",
    "personalised",
    "cta",
    "observation",
    "placeholder",
];

/// Whether bracketed text starts as a template's instruction ([`INSTRUCTION_STARTS`], "link
/// to", or "one sentence", "a sentence", "two sentences"): a slot however long, and whatever
/// figures it holds (`[Link to calendar / Suggest 2-3 times]`).
fn is_instruction(inner: &str) -> bool {
    let mut words = inner
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let (Some(first), second) = (words.next(), words.next()) else {
        return false;
    };
    let second_is =
        |w: &[&str]| second.is_some_and(|s| w.iter().any(|w| w.eq_ignore_ascii_case(s)));
    INSTRUCTION_STARTS
        .iter()
        .any(|i| i.eq_ignore_ascii_case(first))
        || (first.eq_ignore_ascii_case("link") && second_is(&["to"]))
        || (["one", "a", "two", "1", "2"]
            .iter()
            .any(|i| i.eq_ignore_ascii_case(first))
            && second_is(&["sentence", "sentences"]))
}

/// Bracketed text that is not a merge field: a link's text (`[our guide](…)`,
/// `[our guide][1]`) when the view still shows the link syntax (Markdown task boxes never
/// reach the view: the Markdown reader blanks them); an editorial note or reference
/// (`[sic]`, `[see Appendix A]`, `[page 14]`), a quote's changed letter (`[w]e`) or a price
/// list's label (`[Optional]`); more than
/// [`MAX_BRACKET_WORDS`] words; or a number word
/// longer than two digits (`[Gartner 2025]`; `[Problem 3]` and `[1-sentence insight]` are
/// fields). A template's slot or instruction ([`is_instruction`]) is a field at any length.
fn is_prose(m: &str, after: &str) -> bool {
    let Some(inner) = m.strip_prefix('[').and_then(|m| m.strip_suffix(']')) else {
        return false;
    };
    if after.starts_with('(') || after.starts_with('[') {
        return true;
    }
    // A quote's changed letter: "[w]e missed 14% of slots", "[T]he dock". (Not a figure's
    // field before its unit: "[X]x faster", "$[N]M", "$[n]k".)
    let changed_letter = matches!(inner.as_bytes(), [c] if c.is_ascii_alphabetic()
        && !b"nxyz".contains(&c.to_ascii_lowercase()));
    if changed_letter && after.starts_with(|c: char| c.is_alphabetic()) {
        return true;
    }
    let words = inner.split_whitespace();
    let Some(first) = words.clone().next() else {
        return true;
    };
    let first = first.trim_end_matches(['.', ',', '?', '!']);
    let reference = REFERENCE_WORDS
        .iter()
        .any(|p| p.eq_ignore_ascii_case(first))
        && words
            .clone()
            .nth(1)
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
    if reference {
        return true;
    }
    let mut n = 0;
    let mut has_number = false;
    for w in words {
        n += 1;
        has_number |= w.bytes().any(|b| b.is_ascii_digit())
            && !(w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
            && !is_count(w);
    }
    // The list is ASCII, and the one character outside ASCII that lower-cases into it is the
    // Kelvin sign, to `k`, which no listed word has (a test checks): comparing ASCII case
    // aside is comparing `to_lowercase`, without building it.
    ((n > MAX_BRACKET_WORDS || has_number) && !is_instruction(inner))
        || PROSE_WORDS.iter().any(|p| p.eq_ignore_ascii_case(first))
        || (n == 1 && LABELS.iter().any(|p| p.eq_ignore_ascii_case(first)))
}

/// A count written against its noun (`1-sentence`, `3-step`) or an ordinal (`2nd`, `10th`):
/// not `3x`, `2FA`, `3D` or `24h`, which are words of their own.
fn is_count(w: &str) -> bool {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &w[digits..];
    let noun = rest
        .strip_prefix('-')
        .is_some_and(|n| n.len() >= 2 && n.bytes().all(|b| b.is_ascii_alphabetic()));
    let ordinal = ["st", "nd", "rd", "th"]
        .iter()
        .any(|s| rest.eq_ignore_ascii_case(s));
    (1..=3).contains(&digits) && (noun || ordinal)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No character outside ASCII lower-cases to letters of the prose words, so comparing
    /// them ASCII case aside is comparing `to_lowercase`.
    #[test]
    fn prose_words_compare_case_aside_as_to_lowercase_does() {
        for c in ('\u{80}'..=char::MAX).filter(|c| c.to_lowercase().all(|l| l.is_ascii())) {
            let lower: String = c.to_lowercase().collect();
            assert!(
                PROSE_WORDS
                    .iter()
                    .chain(LABELS)
                    .chain(REFERENCE_WORDS)
                    .all(|w| !w.contains(&*lower)),
                "{c:?} lower-cases to {lower:?}"
            );
        }
    }

    fn found(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|r| &text[r]).collect()
    }

    /// The regex engine's leftmost-first matches of the same pattern, before the filters.
    fn by_regex(text: &str) -> Vec<Range<usize>> {
        crate::document::patterns::regex_matches(crate::document::patterns::PLACEHOLDER, text)
    }

    proptest::proptest! {
        #[test]
        fn the_embedded_dfa_finds_what_the_regex_finds(
            text in r"([{}\[\]<>%*|_ a-zA-Z0-9.\n-]|\{\{|\}\}|é|公){0,120}"
        ) {
            proptest::prop_assert_eq!(matches(text.as_bytes()), by_regex(&text));
        }
    }

    #[test]
    fn the_embedded_dfa_matches_the_regex_on_long_fields() {
        for n in [0, 1, 79, 80, 81, 319, 320, 321, 400] {
            let t = format!("a {{{{{} }}}} [X] {{{{{{b}}}}}} {{{{", "y".repeat(n));
            assert_eq!(matches(t.as_bytes()), by_regex(&t), "{n}");
        }
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
    fn html_elements_are_sorted() {
        assert!(HTML_ELEMENTS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn angle_brackets_hold_a_field_in_any_case_but_not_a_tag() {
        let t = "Hi <First Name>, <first_name> at <Company> (<your company>, <<Last Name>>).";
        assert_eq!(
            found(t),
            [
                "<First Name>",
                "<first_name>",
                "<Company>",
                "<your company>",
                "<Last Name>"
            ]
        );
        let t = "<Prospect's company>, <company-name>, <FirstName>, <insert case study>, \
                 <Pain Point>, <Job Title>, <Name of company>, <X>, <NAME>";
        assert_eq!(found(t).len(), 9, "{:?}", found(t));
        // Tags in any case, names of no field, and field words inside other words.
        for t in [
            "<title>Q3</title> <link> <address> <b>bold</b> <br> <p class>",
            "<BR> <B> <P> <Title>Q3</Title> <Address>HQ</Address> <input name>",
            "Sam <Acme Corp> and <Dear Sir> wrote <x>.",
            "<Velocity Report> <Capacity Planning> <Brandon Smith> <LinkedIn> <Untitled>",
            "<Customer Success> <Client Portal> <Product Demo> <Contact Us> <Sales Team>",
        ] {
            assert!(found(t).is_empty(), "{t:?}: {:?}", found(t));
        }
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
        // A quote's changed letter, and a page or section of a report.
        let t = "Your CEO said \"[w]e missed 14% of slots\" and \"[T]he dock is full\". The 10-K \
                 says so [page 14], [p. 3], [pp. 4-5], [section 2.1], [slide 7].";
        assert!(found(t).is_empty(), "{:?}", found(t));
        // A one-letter field that no word runs on from stays one: "[X]% faster", "[X] hours";
        // so does a figure's field before its unit, and a field named by a reference word.
        assert_eq!(found("Save [X]% or [X] hours, [N]."), ["[X]", "[X]", "[N]"]);
        assert_eq!(
            found("By [X]x, $[N]M, $[n]k. [Section name] and [Slide title] too."),
            ["[X]", "[N]", "[n]", "[Section name]", "[Slide title]"]
        );
        // A price list's labels.
        let t = "- Window cleaning, quarterly [Optional]\n- Floor waxing [Add-on] [Included] \
                 [Recommended]\n- Carpet care [TBD] [Option price] [Optional soft pitch]";
        assert_eq!(
            found(t),
            ["[TBD]", "[Option price]", "[Optional soft pitch]"]
        );
        // A proposal's price table: its terms and labels are no fields; a word after the
        // term, or a field's word, still is one.
        let t = "| Seats [New] | $9,000 [Year 2] | [Net 30] [Phase 1] [Tier 3] [Confidential] \
                 [Draft] |\n[Year founded] [Company] [New feature name] [Net revenue]";
        assert_eq!(
            found(t),
            [
                "[Year founded]",
                "[Company]",
                "[New feature name]",
                "[Net revenue]"
            ]
        );
    }

    #[test]
    fn bracketed_merge_fields_are_placeholders() {
        let t = "[Company] [First Name] [company name] [Your Name] [Use case 2] [day/day] [X] \
                 [usage URL from {{LIB}}] [Observation question?] [1-sentence insight or resource] \
                 [2nd pain point] [1] [2024] [1 of 3] [3x] [2FA] [3D] [24h] [Figure 2a] [X%] \
                 [One sentence about why you're reaching out] [Link to calendar / Suggest 2-3 times] \
                 [Your name + 1-line credential] [link to one-pager, not your homepage] \
                 [Harlow’s team] [I was there in 2019 and it was a great show] \
                 [Case 10492, customer escalation] [Chart, dock capacity by month, 2024 vs 2025] \
                 [Sent from my iPhone, please excuse typos] [Mobile add-on for 120 drivers] \
                 [Your order 4411 shipped Tuesday] [Link expired? Reply and I'll resend] \
                 [Add 20% more dock capacity in Q3 without new headcount] \
                 [Insert the customer story from the 2024 deck here] \
                 [fill rate went from 91% to 98% across 1,200 stores] [Save 20% on the first lane] \
                 [Acme Freight — Dayton] Detention fees [$] | 52,000";
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
                "[Observation question?]",
                "[1-sentence insight or resource]",
                "[2nd pain point]",
                "[X%]",
                "[One sentence about why you're reaching out]",
                "[Link to calendar / Suggest 2-3 times]",
                "[Your name + 1-line credential]",
                "[link to one-pager, not your homepage]",
                "[Insert the customer story from the 2024 deck here]"
            ]
        );
    }

    #[test]
    fn a_label_outside_ascii_is_read_without_slicing_a_character() {
        assert!(!is_tag("[日本語]"));
        assert!(!is_tag("[éa]"));
        assert!(is_tag("[CID:image001.png@01D]"));
        // Lower-cased as `str::to_lowercase` does: the Kelvin sign is a `k`.
        assert!(is_tag("[Lin\u{212a}edIn]"));
        assert!(is_tag("[EXTERNAL: Sender]"));
        assert!(is_tag("[Acme  logo]"));
        assert!(!is_tag("[Company logo]"));
        assert!(!is_tag(
            "[caution external sender with a label longer than the buffer]"
        ));
    }

    #[test]
    fn fields_that_start_like_a_tag_are_fields() {
        let t = "I saw your post on [LinkedIn topic]. [Insert logo of customer here] \
                 [Marketing calendar link] [possible pain point] [marketing tool they use] \
                 [Company logo]\n[Your Name] | [Your Title] | [LinkedIn]\n[Twitter handle] [Calendar link]";
        assert_eq!(
            found(t),
            [
                "[LinkedIn topic]",
                "[Insert logo of customer here]",
                "[Marketing calendar link]",
                "[possible pain point]",
                "[marketing tool they use]",
                "[Company logo]",
                "[Your Name]",
                "[Your Title]",
                "[Twitter handle]",
                "[Calendar link]"
            ]
        );
    }

    #[test]
    fn gateway_tags_and_image_texts_are_not_placeholders() {
        let t = "Subject: [EXTERNAL] Re: Spring trial\n[CAUTION: External sender] [SPAM] [Acme logo] [cid:image001.png@01D] [Warning: External email]";
        assert!(found(t).is_empty(), "{:?}", found(t));
        // A signature's row of icons, the company's among them.
        let t = "Sam Lee\n[Acme] [LinkedIn] [X]\n[Acme] | [Twitter]";
        assert!(found(t).is_empty(), "{:?}", found(t));
        // Fields beside, under or in such a row still are fields.
        let t = "Hi [First Name], [Company] [Title]\n[Your Name]\n[LinkedIn] and [Company]";
        assert_eq!(
            found(t),
            [
                "[First Name]",
                "[Company]",
                "[Title]",
                "[Your Name]",
                "[Company]"
            ]
        );
        let t = "[Your Name] [LinkedIn]\n[First Name] [Last Name] [Twitter]\n[Company] [Twitter]\n[Your Company] [Acme logo]\n[FirstName] [LinkedIn]\n[Pain Point] [LinkedIn]\n[Customer logo]";
        assert_eq!(
            found(t),
            [
                "[Your Name]",
                "[First Name]",
                "[Last Name]",
                "[Company]",
                "[Your Company]",
                "[FirstName]",
                "[Pain Point]",
                "[Customer logo]"
            ]
        );
    }
}
