//! The words of a text "case and punctuation aside", as a key for finding repeated
//! paragraphs and sentences, and the texts seen so far by key.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use crate::phrase::is_word_char;

/// The words of a text, lowercased and joined by single spaces, and how many there are: the
/// text "case and punctuation aside". Words follow the Unicode word rules (UAX #29) closely: a
/// word is a run of letters, digits, `_` and combining marks; `'`, `’`, `.` and `:` between
/// letters (`don't`, `acme.com`) and `.`, `,`, `;`, `'` between digits (`3.5`, `1,000`) stay
/// inside it; each Han ideograph and Hiragana character is a word of its own.
#[cfg(test)]
pub fn normalize(text: &str, out: &mut String) -> usize {
    out.clear();
    normalize_with(text, |c| out.push(c))
}

/// A character that is a word by itself: Han ideographs and Hiragana.
fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{309f}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2ffff}')
}

/// The ASCII word characters: letters, digits and `_`.
const ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    t
};

/// [`normalize`]'s characters, given one by one to `emit`; returns the number of words.
fn normalize_with(text: &str, mut emit: impl FnMut(char)) -> usize {
    let mut words = 0;
    let mut in_word = false;
    // A joiner seen inside a word, kept only if a word character of the right kind follows.
    let mut pending: Option<char> = None;
    let mut prev: char = ' ';
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        // ASCII: the same steps as below, without Unicode tables.
        if b.is_ascii() && pending.is_none() {
            at += 1;
            if ASCII_WORD[usize::from(b)] {
                if !in_word {
                    if words > 0 {
                        emit(' ');
                    }
                    words += 1;
                    in_word = true;
                }
                emit(char::from(b.to_ascii_lowercase()));
                // The rest of an ASCII word, in one go.
                while let Some(&b) = bytes.get(at) {
                    if !ASCII_WORD[usize::from(b)] {
                        break;
                    }
                    emit(char::from(b.to_ascii_lowercase()));
                    at += 1;
                }
                prev = char::from(bytes[at - 1]);
                continue;
            }
            if in_word && matches!(b, b'\'' | b'.' | b',' | b';' | b':') {
                pending = Some(char::from(b));
                continue;
            }
            in_word = false;
            prev = char::from(b);
            continue;
        }
        let Some(c) = text.get(at..).and_then(|t| t.chars().next()) else {
            break;
        };
        at += c.len_utf8();
        if is_ideograph(c) {
            if words > 0 {
                emit(' ');
            }
            words += 1;
            emit(c);
            in_word = false;
            pending = None;
            prev = c;
            continue;
        }
        if is_word_char(c) {
            if let Some(j) = pending.take() {
                let letters = prev.is_alphabetic() && c.is_alphabetic();
                let digits = prev.is_numeric() && c.is_numeric();
                let joins = match j {
                    '\'' | '.' => letters || digits,
                    ':' => letters,
                    _ => digits,
                };
                if joins {
                    emit(j);
                } else {
                    emit(' ');
                    words += 1;
                }
            } else if !in_word {
                if words > 0 {
                    emit(' ');
                }
                words += 1;
            }
            if c.is_ascii() {
                emit(c.to_ascii_lowercase());
            } else {
                c.to_lowercase().for_each(&mut emit);
            }
            in_word = true;
        } else if in_word && pending.is_none() && matches!(c, '\'' | '’' | '.' | ',' | ';' | ':')
        {
            pending = Some(if c == '’' { '\'' } else { c });
            continue;
        } else {
            in_word = false;
            pending = None;
        }
        prev = c;
    }
    words
}

/// A hash of [`normalize`]'s characters: ASCII characters are packed eight to a word before
/// they are mixed in. Equal texts have equal keys; [`Seen::first_copy`] compares the words.
struct KeyHasher {
    h: u64,
    buf: u64,
    n: u32,
}

impl KeyHasher {
    fn mix(&mut self, x: u64) {
        self.h = (self.h ^ x)
            .wrapping_mul(0x5851_f42d_4c95_7f2d)
            .rotate_left(31);
    }

    fn push(&mut self, c: char) {
        let c = u64::from(c);
        if c < 0x80 {
            self.buf = (self.buf << 8) | c;
            self.n += 1;
            if self.n == 8 {
                self.mix(self.buf);
                self.buf = 0;
                self.n = 0;
            }
        } else {
            self.flush();
            self.mix(c | 1 << 63);
        }
    }

    fn flush(&mut self) {
        if self.n > 0 {
            self.mix(self.buf | u64::from(self.n) << 56 | 1 << 62);
            self.buf = 0;
            self.n = 0;
        }
    }
}

/// A hash of [`normalize`]'s output, and its word count, without building it.
pub fn key_of(text: &str) -> (u64, usize) {
    let mut h = KeyHasher {
        h: 0xcbf2_9ce4_8422_2325,
        buf: 0,
        n: 0,
    };
    let n = normalize_with(text, |c| h.push(c));
    h.flush();
    (h.h ^ (h.h >> 29), n)
}

/// Whether `text` has the words `words` ([`normalize`]'s characters), case and punctuation
/// aside, without building its own.
fn has_words(text: &str, words: &[char]) -> bool {
    let mut i = 0;
    let mut same = true;
    normalize_with(text, |c| {
        if same && words.get(i) == Some(&c) {
            i += 1;
        } else {
            same = false;
        }
    });
    same && i == words.len()
}

/// A hasher for keys that are hashes already: it keeps them as they are.
#[derive(Default)]
struct KeyAsHash(u64);

impl Hasher for KeyAsHash {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Texts seen so far, by key: finds the first earlier text with the same words.
#[derive(Default)]
pub struct Seen {
    /// The first text of each key.
    first: HashMap<u64, Range<usize>, BuildHasherDefault<KeyAsHash>>,
    /// Later texts whose key was taken by different words, in order (a hash collision).
    others: Vec<(u64, Range<usize>)>,
    /// The words of the text being looked up, when its key was seen.
    words: Vec<char>,
}

impl Seen {
    /// The earlier span with the same words as `span`, or `None` after remembering it.
    pub fn first_copy(
        &mut self,
        text: &str,
        span: &Range<usize>,
        key: u64,
    ) -> Option<Range<usize>> {
        let Some(first) = self.first.get(&key) else {
            self.first.insert(key, span.clone());
            return None;
        };
        // A copy is most often the same text, byte for byte.
        if text[first.clone()] == text[span.clone()] {
            return Some(first.clone());
        }
        self.words.clear();
        normalize_with(&text[span.clone()], |c| self.words.push(c));
        let words = &self.words;
        let same = |f: &Range<usize>| has_words(&text[f.clone()], words);
        if same(first) {
            return Some(first.clone());
        }
        if let Some((_, f)) = self.others.iter().find(|(k, f)| *k == key && same(f)) {
            return Some(f.clone());
        }
        self.others.push((key, span.clone()));
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_drops_case_and_punctuation_but_keeps_words_whole() {
        let mut k = String::new();
        assert_eq!(
            normalize("We’re  SHIPPING, on-time: 1,000 parts (3.5 t)!", &mut k),
            8
        );
        assert_eq!(k, "we're shipping on time 1,000 parts 3.5 t");
        assert_eq!(normalize("'quoted' end. Next, 2.", &mut k), 4);
        assert_eq!(k, "quoted end next 2");
        assert_eq!(normalize("Élan über {{first_name}}", &mut k), 3);
        assert_eq!(k, "élan über first_name");
        assert_eq!(
            normalize("See acme.com: re:invent, cafe\u{301}.", &mut k),
            4
        );
        assert_eq!(k, "see acme.com re:invent cafe\u{301}");
        assert_eq!(normalize("我们的产品", &mut k), 5);
        assert_eq!(normalize("a.é x:1 2,b ab'’cd", &mut k), 7);
        assert_eq!(k, "a.é x 1 2 b ab cd");
    }

    #[test]
    fn equal_words_have_equal_keys_and_seen_finds_the_first() {
        assert_eq!(key_of("We ship, on time!"), key_of("we  SHIP on-time"));
        assert_ne!(key_of("We ship on time").0, key_of("We ship on tim").0);
        let words: Vec<char> = "we ship".chars().collect();
        assert!(has_words("We, SHIP!", &words));
        assert!(!has_words("We ship it", &words));
        assert!(!has_words("We shi", &words));
        let text = "Ship it. ship IT! Ship that.";
        let mut seen = Seen::default();
        let (a, b, c) = (0..8, 9..17, 18..28);
        assert_eq!(seen.first_copy(text, &a, key_of(&text[a.clone()]).0), None);
        assert_eq!(
            seen.first_copy(text, &b, key_of(&text[b.clone()]).0),
            Some(a.clone())
        );
        // A collision (same key, other words) is told apart, and remembered.
        assert_eq!(seen.first_copy(text, &c, 1), None);
        assert_eq!(seen.first_copy(text, &a, 1), None);
        assert_eq!(seen.first_copy(text, &(18..28), 1), Some(c));
        assert_eq!(seen.first_copy(text, &b, 1), Some(a));
    }
}
