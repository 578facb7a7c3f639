//! Phrases as regex sources, for the few the matcher cannot run as strings
//! ([`Phrase::literals`]): too many combinations, or a `word*` that something follows.

use std::fmt::Write;

use super::normalize::{APOSTROPHES, DOUBLE_QUOTES};
use super::{Elem, ElemKind, Phrase, Repr, Seq, Suffix, Word, inflections, normalize};

impl Phrase {
    /// The phrase as a regex source (no case flag). The matcher runs phrases as literals
    /// ([`Phrase::literals`]); this is for the few it cannot.
    pub fn to_regex(&self) -> String {
        match &self.repr {
            Repr::Tree(alts) => regex_alternatives(alts),
            Repr::Built(b) => b.regex.to_string(),
        }
    }
}

fn regex_alternatives(alts: &[Seq]) -> String {
    let mut res: Vec<String> = alts
        .iter()
        .map(|s| regex_sequence(s))
        .filter(|s| !s.is_empty())
        .collect();
    // Longest alternative first, so leftmost-first matching prefers the longer phrase.
    res.sort_by_key(|a| std::cmp::Reverse(a.len()));
    format!("(?:{})", res.join("|"))
}

fn regex_sequence(elems: &[Elem]) -> String {
    let mut out = String::new();
    for (i, e) in elems.iter().enumerate() {
        let re = match &e.kind {
            ElemKind::Word(w) => regex_word(w),
            ElemKind::Group(alts) => regex_alternatives(alts),
        };
        // An optional element carries its own separator, so leaving it out leaves one run.
        match (i, e.optional) {
            (0, false) => out.push_str(&re),
            (_, false) => {
                if !elems[i - 1].optional || i > 1 {
                    out.push_str(SEP);
                }
                out.push_str(&re);
            }
            (0, true) => {
                let _ = write!(out, r"(?:{re}{SEP})?");
            }
            (_, true) => {
                let _ = write!(out, r"(?:{SEP}{re})?");
            }
        }
    }
    out
}

fn regex_word(w: &Word) -> String {
    let body = w.text.as_str();
    let mut out = String::new();
    let first = body.chars().next().unwrap_or(' ');
    if first.is_ascii_alphanumeric() || first == '_' {
        out.push_str(r"(?-u:\b)");
    }
    match w.suffix {
        Suffix::Inflect => {
            let forms: Vec<String> = inflections(body).iter().map(|f| literal(f)).collect();
            let _ = write!(out, "(?:{})", forms.join("|"));
        }
        Suffix::Prefix => {
            // Greedy, and Unicode: the word runs on through non-ASCII letters (`partneré`);
            // the matcher checks the boundary at the end of the whole phrase.
            out.push_str(&literal(body));
            out.push_str(r"\w*");
            return out;
        }
        Suffix::None => out.push_str(&literal(body)),
    }
    let last = body.chars().last().unwrap_or(' ');
    if w.suffix != Suffix::None || last.is_ascii_alphanumeric() || last == '_' {
        out.push_str(r"(?-u:\b)");
    }
    out
}

/// Between words: a run of whitespace, hyphens and dashes, as the literal matcher reads it.
const SEP: &str = r"[\s\-‐‑‒–—―−]+";

/// A literal word as regex, with quotes and dashes made lenient.
fn literal(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        match c {
            c if APOSTROPHES.contains(&c) => class(&mut out, &APOSTROPHES),
            c if DOUBLE_QUOTES.contains(&c) => class(&mut out, &DOUBLE_QUOTES),
            c if normalize::is_dash(c) => out.push_str(SEP),
            c => {
                let mut buf = [0u8; 4];
                out.push_str(&regex_syntax::escape(c.encode_utf8(&mut buf)));
            }
        }
    }
    out
}

/// A class of characters that the normalisation reads as one (none needs escaping in a class).
fn class(out: &mut String, chars: &[char]) {
    out.push('[');
    out.extend(chars);
    out.push(']');
}
