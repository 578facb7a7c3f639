//! Words (UAX #29, §4, keeping the segments with a letter or digit), with a fast path for
//! plain text.
//!
//! The text the sentence scan calls plain (ASCII and a few marks, see [`super::sentences`]) has
//! words made of ASCII letters, digits and `_`, joined by `'`, `’`, `‘`, `.` and `:` between
//! letters (`don’t`, `acme.com`) and by `'`, `’`, `‘`, `.`, `,` and `;` between digits (`3.5`,
//! `1,000`). This scan finds them without looking up any class in Unicode tables, and without
//! building the segments between words. Other text goes to `unicode-segmentation`. The tests
//! hold the fast path to `unicode-segmentation` on random text.

use std::ops::Range;

use unicode_segmentation::{UnicodeSegmentation, UnicodeWordIndices};

use super::sentences::Bounds;

/// The word classes (UAX #29, table 3) that matter in plain text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// `A`–`Z`, `a`–`z`.
    Letter,
    /// `0`–`9`.
    Digit,
    /// `_` (ExtendNumLet).
    Underscore,
    /// `:` (MidLetter): joins letters.
    MidLetter,
    /// `,`, `;` (MidNum): join digits.
    MidNum,
    /// `.`, `'`, `‘`, `’` (MidNumLet and Single_Quote): join letters, and digits.
    MidNumLet,
    /// Anything else: never part of a word.
    Other,
}

/// The class of the character at byte `i` of plain text and its length, `None` at its end.
fn class_at(text: &str, i: usize) -> Option<(Class, usize)> {
    let b = *text.as_bytes().get(i)?;
    let class = match b {
        b'A'..=b'Z' | b'a'..=b'z' => Class::Letter,
        b'0'..=b'9' => Class::Digit,
        b'_' => Class::Underscore,
        b':' => Class::MidLetter,
        b',' | b';' => Class::MidNum,
        b'.' | b'\'' => Class::MidNumLet,
        0..=0x7F => Class::Other,
        _ => {
            let c = text[i..].chars().next()?;
            let class = if matches!(c, '‘' | '’') {
                Class::MidNumLet
            } else {
                Class::Other
            };
            return Some((class, c.len_utf8()));
        }
    };
    Some((class, 1))
}

/// The words of `text` with their byte offsets, as
/// [`UnicodeSegmentation::unicode_word_indices`] gives them; `plain` is
/// [`super::sentences::plain`]`(text)`.
pub fn word_bounds(
    text: &str,
    plain: bool,
) -> Bounds<'_, UnicodeWordIndices<'_>, impl Fn(&str, usize) -> Option<Range<usize>>> {
    if plain {
        Bounds::Plain {
            text,
            at: 0,
            next: next_word,
        }
    } else {
        Bounds::Unicode(text.unicode_word_indices())
    }
}

/// The span of the first word at or after `from` in plain text.
fn next_word(text: &str, from: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let mut i = from;
    loop {
        // A word starts at a letter, digit or `_`, all ASCII (WB999 breaks before it).
        while !bytes.get(i)?.is_ascii_alphanumeric() && bytes[i] != b'_' {
            i += 1;
        }
        let start = i;
        let mut alphanumeric = false;
        let mut prev = Class::Other;
        while let Some((class, len)) = class_at(text, i) {
            match class {
                // WB5, WB8, WB9, WB10, WB13a, WB13b.
                Class::Letter | Class::Digit | Class::Underscore => {
                    alphanumeric |= class != Class::Underscore;
                    prev = class;
                    i += len;
                }
                // WB6, WB7 (letters), WB11, WB12 (digits): one joiner between two of a kind.
                Class::MidLetter | Class::MidNum | Class::MidNumLet => {
                    let next = class_at(text, i + len).map(|(c, _)| c);
                    let joins = match prev {
                        Class::Letter => class != Class::MidNum,
                        Class::Digit => class != Class::MidLetter,
                        _ => false,
                    };
                    if !joins || next != Some(prev) {
                        break;
                    }
                    i += len;
                }
                Class::Other => break,
            }
        }
        // A run of `_` alone is a segment without a letter or digit: not a word.
        if alphanumeric {
            return Some(start..i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::sentences::plain;
    use super::*;
    use proptest::prelude::*;

    fn reference(text: &str) -> Vec<(usize, &str)> {
        text.unicode_word_indices().collect()
    }

    fn fast(text: &str) -> Vec<(usize, &str)> {
        assert!(plain(text), "{text:?} is not plain");
        word_bounds(text, true).collect()
    }

    #[test]
    fn the_rules_on_examples() {
        for text in [
            "Don't stop: acme.com has 1,000.5 users; ask_me now.",
            "don’t ‘quote’ 3’000 a:b a::b 1:2 a,b 1,2 a;b 1;2",
            "__ _a a_ a_.b 1_.2 ___1 a.1 1.a",
            "U.S.A. e.g. x. .5 a..b 1..2 'tis dogs'",
            "",
            "—–•…",
        ] {
            assert_eq!(fast(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn other_text_goes_to_unicode_segmentation() {
        let text = "Ça va, très bien.";
        assert!(!plain(text));
        assert_eq!(
            word_bounds(text, false).collect::<Vec<_>>(),
            reference(text)
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// Random text over the characters the rules treat differently agrees with
        /// `unicode-segmentation`.
        #[test]
        fn plain_text_splits_as_unicode_segmentation_does(
            text in "[aZ19_.,;:'\" \t\r\n!?()/\\-\u{A0}–—‘’“”•…→✓✅©®€£🎉]{0,40}"
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
