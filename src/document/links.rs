//! Bare URLs (`https://acme.com/partner-program`, `www.acme.com`, `calendly.com/sam`) and
//! email addresses (`partners@acme.com`) in the lintable view: they are addresses, not prose,
//! so they are masked (`Document::masked`) in every format and phrase rules never fire inside
//! them.

use regex_automata::Input;
use std::ops::Range;

use super::dfa::LINK;

/// The spans of every URL and email address in `text`, sorted and disjoint. Sentence marks
/// that end a URL (`See https://acme.com.`) are not part of it.
pub fn find(text: &str) -> Vec<Range<usize>> {
    matches(text.as_bytes())
        .into_iter()
        .filter(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
        .map(|r| {
            // A URL ends at a Unicode space (a no-break space from HTML) or a typographic
            // mark, never written unescaped in one; letters of any script stay.
            let s = &text[r.clone()];
            let s = s
                .find(|c: char| {
                    c.is_whitespace()
                        || matches!(c, '“' | '”' | '‘' | '’' | '—' | '–' | '…' | '«' | '»')
                })
                .map_or(s, |i| &s[..i]);
            let trimmed = s.trim_end_matches(['.', ',', ';', ':', '!', '?']);
            r.start..r.start + trimmed.len()
        })
        .filter(|r| !r.is_empty())
        .collect()
}

/// The pattern's matches in `hay`, before [`find`] cuts and filters them.
fn matches(hay: &[u8]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if !may_hold_link(hay) {
        return out;
    }
    let mut input = Input::new(hay);
    // The DFAs have no quit bytes and no Unicode word boundary, so a search cannot fail.
    while let Ok(Some(m)) = LINK.try_search(&input) {
        out.push(m.range());
        input.set_start(m.end().max(m.start() + 1));
    }
    out
}

/// Whether `hay` holds what every link has: `://`, `@`, `www.` (case aside), or a dot
/// between a letter or digit and two letters (`acme.com`; not "e.g." or "3.5"). Most drafts hold none, and a
/// look for them with `memchr` costs far less than a pass of the DFA.
fn may_hold_link(hay: &[u8]) -> bool {
    memchr::memchr(b'@', hay).is_some()
        || memchr::memmem::find(hay, b"://").is_some()
        || memchr::memchr_iter(b'.', hay).any(|i| {
            (i >= 3 && hay[i - 3..i].eq_ignore_ascii_case(b"www"))
                || (i >= 1
                    && hay[i - 1].is_ascii_alphanumeric()
                    && hay
                        .get(i + 1..i + 3)
                        .is_some_and(|t| t.iter().all(u8::is_ascii_alphabetic)))
        })
}

/// `a` and `b` (each sorted by start; spans may overlap) as one sorted, disjoint list:
/// overlapping or touching spans are joined. One pass, and no copy of both: the list lives as
/// long as its document.
pub fn merge(a: &[Range<usize>], b: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.iter().peekable(), b.iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if (y.start, y.end) < (x.start, x.end) => b.next(),
            (Some(_), _) => a.next(),
            (None, _) => b.next(),
        };
        let Some(r) = next else { break };
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r.clone()),
        }
    }
    out.shrink_to_fit();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|r| &text[r]).collect()
    }

    fn by_regex(text: &str) -> Vec<Range<usize>> {
        crate::document::patterns::regex_matches(crate::document::patterns::LINK, text)
    }

    // (Also whether the look for `://`, `www.` and `@` ever skips a text with a link.)
    proptest::proptest! {
        #[test]
        fn the_embedded_dfas_find_what_the_regex_finds(
            text in r"(https?://|www\\.|WwW\\.|mailto:|@|\\.com|\\.Co|\\.io/|[a-z0-9._%+@ /:<>()-]|é|—){0,60}"
        ) {
            proptest::prop_assert_eq!(matches(text.as_bytes()), by_regex(&text));
        }
    }

    #[test]
    fn urls_and_addresses_are_found_without_trailing_marks() {
        let t = "See https://acme.com/partner-program or partners@acme.com. Also <https://x.io/a?b=1>, \
                 www.acme.com and mailto:sam@acme.co.uk!";
        assert_eq!(
            found(t),
            [
                "https://acme.com/partner-program",
                "partners@acme.com",
                "https://x.io/a?b=1",
                "www.acme.com",
                "mailto:sam@acme.co.uk"
            ]
        );
    }

    #[test]
    fn a_url_ends_at_unicode_spaces_quotes_and_dashes_but_keeps_letters() {
        let t = "See “https://acme.com/x” now, https://acme.com/y\u{a0}then \
                 https://acme.com/café—or https://acme.com/z\u{2028}end, \
                 https://ja.wikipedia.org/wiki/カタカナ.";
        assert_eq!(
            found(t),
            [
                "https://acme.com/x",
                "https://acme.com/y",
                "https://acme.com/café",
                "https://acme.com/z",
                "https://ja.wikipedia.org/wiki/カタカナ"
            ]
        );
    }

    #[test]
    fn prose_has_no_links() {
        assert!(found("We partner with teams @ scale. Email us at noon, e.g. today.").is_empty());
        assert!(found("The U.S. team grew 3.5x, i.e. fast; see p.12 and Node.js.").is_empty());
    }

    /// A link without its scheme is a link too: `--fix` must not rewrite a booking link's
    /// path ("calendly.com/sam/in-order-to-talk").
    #[test]
    fn links_without_a_scheme_are_found() {
        let t = "Book at calendly.com/sam/in-order-to-talk, see northline.com/utilize-windows or \
                 Northline.com. Our partner.acme.io/x page and go.acme.studio/a too.";
        assert_eq!(
            found(t),
            [
                "calendly.com/sam/in-order-to-talk",
                "northline.com/utilize-windows",
                "Northline.com",
                "partner.acme.io/x",
                "go.acme.studio/a"
            ]
        );
        // A sentence run on after its full stop is prose, whatever follows.
        let t = "Act now.It expires. Let me know ASAP.it matters. We're world-class.Service/support \
                 is in.Us too, and me.Me.";
        assert!(found(t).is_empty(), "{:?}", found(t));
    }

    #[test]
    fn merge_joins_overlaps_and_keeps_order() {
        assert_eq!(merge(&[0..3, 10..12], &[2..5, 7..8]), [0..5, 7..8, 10..12]);
        // Matches of accepted terms: sorted by start, not by end, and overlapping.
        assert_eq!(merge(&[], &[0..3, 0..5, 2..4, 9..10]), [0..5, 9..10]);
        assert_eq!(merge(&[1..2, 6..7], &[0..9, 0..4]), vec![0..9]);
        assert_eq!(merge(&[4..6, 8..9], &[]), [4..6, 8..9]);
    }
}
