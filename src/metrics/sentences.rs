//! Sentence boundaries (UAX #29, §5), with a fast path for plain text.
//!
//! `unicode-segmentation` finds every character's sentence class by binary search, which made
//! sentence splitting the largest single cost of a lint. Most drafts are ASCII plus a few marks:
//! curly quotes, dashes, bullets, a non-breaking space. For text made only of those, the
//! classes are known here and the rules reduce to a scan from one terminator (`.`, `!`, `?`) or
//! line break to the next. Any other character sends the whole text to `unicode-segmentation`.
//! The tests hold the fast path to `unicode-segmentation` on random text.

use std::ops::Range;

use unicode_segmentation::{USentenceBoundIndices, UnicodeSegmentation};

/// The sentence classes (UAX #29, table 4) of the characters the fast path knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// A line break: CR, LF.
    Cr,
    Lf,
    Sp,
    Lower,
    Upper,
    Numeric,
    /// `.`
    ATerm,
    /// `!`, `?`
    STerm,
    Close,
    SContinue,
    /// Every other character the fast path knows.
    Other,
}

/// The class of an ASCII character (UAX #29 with Unicode 17, as `unicode-segmentation` has it).
const fn ascii_class(b: u8) -> Class {
    match b {
        b'\r' => Class::Cr,
        b'\n' => Class::Lf,
        b'\t' | b'\x0B' | b'\x0C' | b' ' => Class::Sp,
        b'a'..=b'z' => Class::Lower,
        b'A'..=b'Z' => Class::Upper,
        b'0'..=b'9' => Class::Numeric,
        b'.' => Class::ATerm,
        b'!' | b'?' => Class::STerm,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Class::Close,
        b',' | b'-' | b':' | b';' => Class::SContinue,
        _ => Class::Other,
    }
}

/// The class of a character, or `None` when the fast path does not know it.
#[inline]
fn class(c: char) -> Option<Class> {
    if c.is_ascii() {
        return Some(ascii_class(c as u8));
    }
    match c {
        '\u{A0}' => Some(Class::Sp),
        '–' | '—' => Some(Class::SContinue),
        '‘' | '’' | '“' | '”' => Some(Class::Close),
        '•' | '…' | '→' | '✓' | '✅' | '©' | '®' | '€' | '£' | '🎉' => {
            Some(Class::Other)
        }
        _ => None,
    }
}

/// Whether the fast path knows every character of `text`: ASCII and the marks [`class`] lists.
/// The word scan ([`super::words`]) knows the same characters.
pub fn plain(text: &str) -> bool {
    text.is_ascii() || text.chars().all(|c| class(c).is_some())
}

/// The sentences of `text` with their byte offsets, as
/// [`UnicodeSegmentation::split_sentence_bound_indices`] gives them; `plain` is
/// [`plain`]`(text)`.
pub fn sentence_bounds(
    text: &str,
    plain: bool,
) -> Bounds<'_, USentenceBoundIndices<'_>, impl Fn(&str, usize) -> Option<Range<usize>>> {
    if plain {
        let next = |text: &str, at| (at < text.len()).then(|| at..next_break(text, at));
        Bounds::Plain { text, at: 0, next }
    } else {
        Bounds::Unicode(text.split_sentence_bound_indices())
    }
}

/// An iterator over the pieces of a text (sentences, words) and their byte offsets. (`next`
/// is a type of its own, not a function pointer, so that the scan is inlined into the loop
/// that reads its pieces: one call per word of every draft.)
pub enum Bounds<'a, I, F> {
    /// Text whose every character the fast path knows: `next` gives the span of the first
    /// piece at or after `at`.
    Plain { text: &'a str, at: usize, next: F },
    /// Any other text: `unicode-segmentation`'s iterator.
    Unicode(I),
}

impl<'a, I, F> Iterator for Bounds<'a, I, F>
where
    I: Iterator<Item = (usize, &'a str)>,
    F: Fn(&str, usize) -> Option<Range<usize>>,
{
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        match self {
            Bounds::Plain { text, at, next } => {
                let piece = next(text, *at)?;
                *at = piece.end;
                Some((piece.start, &text[piece]))
            }
            Bounds::Unicode(it) => it.next(),
        }
    }
}

/// The class of the character at byte `i` of plain text, `None` at its end.
fn class_at(text: &str, i: usize) -> Option<Class> {
    text[i..].chars().next().and_then(class)
}

/// The first sentence break after `from` in plain text (its length when none is left).
///
/// Breaks come only after a paragraph separator (SB4) or after a terminator with its closing
/// punctuation and spaces (SB11), unless a rule from SB6 to SB10 keeps the text together.
fn next_break(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            // SB3, SB4: CR × LF; a paragraph separator ends a sentence.
            b'\r' => {
                return if bytes.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                };
            }
            b'\n' => return i + 1,
            b'.' | b'!' | b'?' => {
                let aterm = b == b'.';
                let after = i + 1;
                let next = class_at(text, after);
                if aterm {
                    // SB6: ATerm × Numeric.
                    if next == Some(Class::Numeric) {
                        i = after;
                        continue;
                    }
                    // SB7: (Upper | Lower) ATerm × Upper.
                    let before = text[..i].chars().next_back().and_then(class);
                    if next == Some(Class::Upper)
                        && matches!(before, Some(Class::Upper | Class::Lower))
                    {
                        i = after;
                        continue;
                    }
                }
                // SB9, SB10: nothing breaks inside SATerm Close* Sp*.
                let mut j = after;
                let mut spaces = false;
                for c in text[after..].chars() {
                    match class(c) {
                        Some(Class::Close) if !spaces => {}
                        Some(Class::Sp) => spaces = true,
                        _ => break,
                    }
                    j += c.len_utf8();
                }
                match class_at(text, j) {
                    None => return text.len(),
                    // SB9, SB10, then SB11 after the separator.
                    Some(Class::Cr) => {
                        return if bytes.get(j + 1) == Some(&b'\n') {
                            j + 2
                        } else {
                            j + 1
                        };
                    }
                    Some(Class::Lf) => return j + 1,
                    // SB8a: SATerm Close* Sp* × (SContinue | SATerm).
                    Some(Class::SContinue | Class::ATerm | Class::STerm) => i = j,
                    // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower.
                    _ if aterm && lower_ahead(&text[j..]) => i = j,
                    // SB11.
                    _ => return j,
                }
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

/// Whether the first letter, separator or terminator of `rest` is a lower-case letter (SB8).
fn lower_ahead(rest: &str) -> bool {
    for c in rest.chars() {
        match class(c) {
            Some(Class::Lower) => return true,
            Some(Class::Upper | Class::Cr | Class::Lf | Class::ATerm | Class::STerm) | None => {
                return false;
            }
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn reference(text: &str) -> Vec<(usize, &str)> {
        text.split_sentence_bound_indices().collect()
    }

    fn fast(text: &str) -> Vec<(usize, &str)> {
        assert!(plain(text), "{text:?} is not plain");
        sentence_bounds(text, true).collect()
    }

    #[test]
    fn the_rules_on_examples() {
        for text in [
            "Hi there. How are you? Fine!",
            "It costs $3.50 a month. U.S. teams like it.",
            "He said \"stop.\" Then left.",
            "etc. and more. (See above.) Next",
            "Wait... what?! Ok.\r\nNew line\nlast",
            "A.B. Smith. mr. x.  - item. 1. Two",
            "Dr. Who? yes. “Quoted.” ’Tis – so.\u{A0}Then",
            "",
            ".",
            "\r\r\n\n",
        ] {
            assert_eq!(fast(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn other_text_goes_to_unicode_segmentation() {
        let text = "Ça va. Très bien.";
        assert!(!plain(text));
        assert!(matches!(
            sentence_bounds(text, plain(text)),
            Bounds::Unicode(_)
        ));
        assert_eq!(
            sentence_bounds(text, false).collect::<Vec<_>>(),
            reference(text)
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// Random text over the characters the rules treat differently agrees with
        /// `unicode-segmentation`.
        #[test]
        fn plain_text_splits_as_unicode_segmentation_does(
            text in "[aZ1.!? \t\r\n\"'(),:;\\-_/\u{A0}–—‘’“”•…→✓✅©®€£🎉]{0,40}"
        ) {
            prop_assert_eq!(fast(&text), reference(&text));
        }

        /// The same over every ASCII character.
        #[test]
        fn ascii_splits_as_unicode_segmentation_does(text in "[\\x00-\\x7F]{0,60}") {
            prop_assert_eq!(fast(&text), reference(&text));
        }
    }
}
