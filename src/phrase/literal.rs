//! Phrases as plain strings, for a multi-string matcher (Aho–Corasick).
//!
//! Both the phrases and the text are read through one normalisation (see
//! [`super::normalize`]); a phrase then matches where its normalised form occurs in the
//! normalised text.
//!
//! Most phrases expand to a few such strings: `leverage~` to its four forms, `(act|sign) now`
//! to two, `(our|) team` to two. A phrase that does not (too many combinations, or a `word*`
//! that something follows) is left to the regex engine.

use std::borrow::Cow;

use super::normalize::{is_dash, normalize};
use super::{Elem, ElemKind, Phrase, Repr, Seq, Suffix, inflections};

/// One string a phrase stands for, normalised.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Literal {
    /// The normalised text: single spaces between words, straight quotes, lower case unless
    /// case-sensitive (borrowed from the binary for a phrase that `build.rs` expanded).
    pub text: Cow<'static, str>,
    /// Whether the phrase ends with `word*`: the match extends to the end of the word.
    pub open_end: bool,
    /// For a lower-cased string of a phrase that `build.rs` expanded: its index among all
    /// the default packs' lower-cased strings, which `build.rs` also built a trie of.
    pub id: Option<u32>,
}

/// The most strings one phrase may expand to; past this, the phrase runs as a regex.
const MAX_LITERALS: usize = 1024;

impl Phrase {
    /// Every string this phrase matches, normalised with `lowercase`; `None` when it cannot
    /// be written as a small set of strings.
    pub fn literals(&self, lowercase: bool) -> Option<Vec<Literal>> {
        let alts = match &self.repr {
            Repr::Tree(alts) => alts,
            Repr::Built(b) if lowercase => {
                return Some(
                    b.lower?
                        .iter()
                        .map(|&(text, open_end, id)| Literal {
                            text: Cow::Borrowed(text),
                            open_end,
                            id: Some(id),
                        })
                        .collect(),
                );
            }
            Repr::Built(b) => {
                return Some(
                    b.exact?
                        .iter()
                        .map(|&(text, open_end)| Literal {
                            text: Cow::Borrowed(text),
                            open_end,
                            id: None,
                        })
                        .collect(),
                );
            }
        };
        if let Some(plain) = self.plain_words(lowercase) {
            return Some(vec![plain]);
        }
        let mut out = alternatives(alts, lowercase)?;
        out.sort_by(|a, b| a.text.cmp(&b.text).then(a.open_end.cmp(&b.open_end)));
        out.dedup();
        Some(out)
    }
}

impl Phrase {
    /// The common case, without the general expansion: one sequence of plain words.
    fn plain_words(&self, lowercase: bool) -> Option<Literal> {
        let [seq] = self.tree()? else {
            return None;
        };
        let mut text = String::new();
        for e in seq {
            match &e.kind {
                ElemKind::Word(w)
                    if w.suffix == Suffix::None
                        && !e.optional
                        && !w.text.starts_with(is_dash)
                        && !w.text.ends_with(is_dash) =>
                {
                    if !text.is_empty() {
                        text.push(' ');
                    }
                    text.push_str(&w.text);
                }
                _ => return None,
            }
        }
        let text = normalize(&text, lowercase);
        (!text.starts_with(' ') && !text.ends_with(' ')).then_some(Literal {
            text: text.into(),
            open_end: false,
            id: None,
        })
    }
}

fn alternatives(alts: &[Seq], lowercase: bool) -> Option<Vec<Literal>> {
    let mut out = Vec::new();
    for seq in alts {
        out.extend(sequence(seq, lowercase)?);
        if out.len() > MAX_LITERALS {
            return None;
        }
    }
    Some(out)
}

fn sequence(elems: &[Elem], lowercase: bool) -> Option<Vec<Literal>> {
    let mut partial = vec![Literal {
        text: Cow::Borrowed(""),
        open_end: false,
        id: None,
    }];
    for e in elems {
        let mut choices = match &e.kind {
            ElemKind::Word(w) => {
                let forms = match w.suffix {
                    Suffix::None | Suffix::Prefix => vec![w.text.clone()],
                    Suffix::Inflect => inflections(&w.text),
                };
                let mut v = Vec::with_capacity(forms.len());
                for f in forms {
                    let text = normalize(&f, lowercase);
                    // A word that is only dashes, or starts or ends with one, has no exact
                    // literal form: the separator would merge with the one beside it.
                    if text.is_empty() || text.starts_with(' ') || text.ends_with(' ') {
                        return None;
                    }
                    v.push(Literal {
                        text: text.into(),
                        open_end: w.suffix == Suffix::Prefix,
                        id: None,
                    });
                }
                v
            }
            ElemKind::Group(alts) => alternatives(alts, lowercase)?,
        };
        if e.optional {
            choices.push(Literal {
                text: Cow::Borrowed(""),
                open_end: false,
                id: None,
            });
        }
        if partial.len() * choices.len() > MAX_LITERALS {
            return None;
        }
        let mut next = Vec::with_capacity(partial.len() * choices.len());
        for p in &partial {
            for c in &choices {
                if c.text.is_empty() {
                    next.push(p.clone());
                    continue;
                }
                if p.open_end {
                    // `word*` followed by more words: not a plain string.
                    return None;
                }
                let mut text = String::with_capacity(p.text.len() + 1 + c.text.len());
                text.push_str(&p.text);
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(&c.text);
                next.push(Literal {
                    text: text.into(),
                    open_end: c.open_end,
                    id: None,
                });
            }
        }
        if next.len() > MAX_LITERALS {
            return None;
        }
        partial = next;
    }
    Some(partial)
}

#[cfg(test)]
mod tests {
    use super::super::parse;

    fn lits(p: &str) -> Option<Vec<String>> {
        parse(p).unwrap().literals(true).map(|v| {
            v.into_iter()
                .map(|l| (l.text + if l.open_end { "*" } else { "" }).into_owned())
                .collect()
        })
    }

    #[test]
    fn phrases_expand_to_their_strings() {
        assert_eq!(lits("Circle  back").unwrap(), ["circle back"]);
        assert_eq!(lits("best-in-class").unwrap(), ["best in class"]);
        assert_eq!(lits("We’d").unwrap(), ["we'd"]);
        assert_eq!(lits("(act|sign) now").unwrap(), ["act now", "sign now"]);
        assert_eq!(
            lits("touch base (with you|)").unwrap(),
            ["touch base", "touch base with you"]
        );
        assert_eq!(lits("partner*").unwrap(), ["partner*"]);
        assert_eq!(
            lits("leverage~").unwrap(),
            ["leverage", "leveraged", "leverages", "leveraging"]
        );
        assert_eq!(
            lits("(our|) partner*").unwrap(),
            ["our partner*", "partner*"]
        );
    }

    #[test]
    fn some_phrases_stay_regexes() {
        assert_eq!(lits("partner* with you"), None);
        let many = "(a|b|c|d|e|f) (a|b|c|d|e|f) (a|b|c|d|e|f) (a|b|c|d|e|f)";
        assert_eq!(lits(many), None);
    }
}
