//! The phrase syntax: what a rule author writes in `phrases = [...]`, parsed into a small tree
//! that [`Phrase::literals`] expands to normalised strings (see `literal.rs`) or, for the rare
//! phrase that is no small set of strings, [`Phrase::to_regex`] compiles to a regex.
//!
//! | written            | matches                                                             |
//! |--------------------|---------------------------------------------------------------------|
//! | `circle back`      | the words, separated by any run of whitespace, hyphens or dashes    |
//! | `we'd`             | `we'd`, `we’d`, `we‘d`: straight and curly apostrophes are one      |
//! | `"partner"`        | straight and curly double quotes are one                            |
//! | `best-in-class`    | a hyphen or dash between words is whitespace: `best in class` too   |
//! | `leverage~`        | the word and its regular inflections: leverages, leveraged, leveraging |
//! | `partner*`         | any word that starts with it: partners, partnership, partnering…    |
//! | `(act|sign) now`   | alternatives; `(our|)` makes a word optional                        |
//!
//! Matching is case-insensitive and whole-word unless the rule says `case_sensitive = true`.
//! Whole words: [`crate::matcher`] rejects a match with a word character ([`is_word_char`],
//! any script) on either side. The regex form uses ASCII word boundaries, so that the lazy DFA
//! stays fast on any text, and relies on that same check.

mod as_regex;
mod literal;
pub(crate) mod normalize;
pub use literal::Literal;
pub use normalize::{Normalized, normalize};

/// How deep a phrase's groups may nest.
const MAX_DEPTH: usize = 16;

/// Why a phrase could not be compiled; `offset` is a byte offset into the phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseError {
    /// Byte offset in the phrase where the problem is.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

/// A character that words are made of: Unicode letters and digits, `_`, and combining marks
/// (so that a decomposed `é` stays inside its word).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_combining_mark(c)
}

/// The combining-mark blocks (diacritics written as separate characters).
pub fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}'
        | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

/// The hash a built phrase's source is filed under in the table `build.rs` writes (FNV-1a):
/// a run finds a default phrase with one or two comparisons instead of a binary search's ten.
pub fn source_hash(source: &str) -> u64 {
    let h = source
        .as_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        });
    h ^ (h >> 32)
}

/// A parsed phrase: alternatives of word sequences, or a phrase that `build.rs` expanded when
/// the binary was built.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Phrase {
    repr: Repr,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Repr {
    Tree(Vec<Seq>),
    Built(&'static Built),
}

/// A phrase of the default packs as `build.rs` parsed and expanded it: what
/// [`Phrase::literals`] and [`Phrase::to_regex`] give for it, so that a run neither parses
/// nor expands it.
#[derive(Debug)]
pub struct Built {
    /// The phrase as written.
    pub source: &'static str,
    /// Its literals, lower-cased (`None`: it runs as a regex), each with its index among
    /// the default packs' lower-cased strings ([`Literal::id`]).
    pub lower: Option<&'static [(&'static str, bool, u32)]>,
    /// Its literals, case kept.
    pub exact: Option<&'static [(&'static str, bool)]>,
    /// Its regex source.
    pub regex: &'static str,
}

// What a built phrase stands for follows from its source.
impl PartialEq for Built {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source
    }
}

impl Eq for Built {}

impl std::hash::Hash for Built {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.source.hash(state);
    }
}

impl Phrase {
    /// A phrase that `build.rs` expanded.
    pub fn built(b: &'static Built) -> Phrase {
        Phrase {
            repr: Repr::Built(b),
        }
    }

    /// The lower-cased strings `build.rs` expanded this phrase to, each with its index among
    /// the embedded strings: [`Phrase::literals`]`(true)` without a list of its own.
    pub fn built_lower(&self) -> Option<&'static [(&'static str, bool, u32)]> {
        match &self.repr {
            Repr::Built(b) => b.lower,
            Repr::Tree(_) => None,
        }
    }

    /// The phrase as a tree, unless it was built.
    fn tree(&self) -> Option<&[Seq]> {
        match &self.repr {
            Repr::Tree(alts) => Some(alts),
            Repr::Built(_) => None,
        }
    }
}

/// Words and groups, one after the other.
type Seq = Vec<Elem>;

/// One element of a sequence; an optional group was written `(x|)`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Elem {
    kind: ElemKind,
    optional: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum ElemKind {
    Word(Word),
    Group(Vec<Seq>),
}

/// A word as written, without its suffix.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Word {
    text: String,
    suffix: Suffix,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Suffix {
    /// The word itself.
    None,
    /// `word*`: any word that starts with it.
    Prefix,
    /// `word~`: the word and its inflections.
    Inflect,
}

/// Parse one phrase.
pub fn parse(phrase: &str) -> Result<Phrase, PhraseError> {
    if phrase.trim().is_empty() {
        return Err(PhraseError {
            offset: 0,
            message: "empty phrase: a phrase needs at least one word".into(),
        });
    }
    let mut p = Parser {
        src: phrase,
        pos: 0,
    };
    let (alts, optional) = p.alternatives(0)?;
    if p.pos < phrase.len() {
        return Err(PhraseError {
            offset: p.pos,
            message: "unbalanced `)` in phrase".into(),
        });
    }
    if optional {
        return Err(PhraseError {
            offset: 0,
            message: "empty alternative at the top of a phrase".into(),
        });
    }
    Ok(Phrase {
        repr: Repr::Tree(alts),
    })
}

/// Compile one phrase to a regex source (no case flag; the caller adds it).
#[cfg(test)]
fn compile(phrase: &str) -> Result<String, PhraseError> {
    Ok(parse(phrase)?.to_regex())
}

/// Every word form that `word~` stands for, most specific first.
pub fn inflections(word: &str) -> Vec<String> {
    let lower = word.to_lowercase();
    let mut forms = vec![word.to_string()];
    let mut push = |s: String| {
        if !forms.contains(&s) {
            forms.push(s);
        }
    };
    let chars: Vec<char> = lower.chars().collect();
    let last = chars.last().copied().unwrap_or(' ');
    let before_last = if chars.len() >= 2 {
        chars[chars.len() - 2]
    } else {
        ' '
    };
    let is_vowel = |c: char| "aeiou".contains(c);
    if last == 'e' {
        let stem = &word[..word.len() - 1];
        push(format!("{word}s"));
        push(format!("{word}d"));
        push(format!("{stem}ing"));
    } else if last == 'y' && !is_vowel(before_last) {
        let stem = &word[..word.len() - 1];
        push(format!("{stem}ies"));
        push(format!("{stem}ied"));
        push(format!("{word}ing"));
    } else {
        if matches!(last, 's' | 'x' | 'z') || lower.ends_with("ch") || lower.ends_with("sh") {
            push(format!("{word}es"));
        } else {
            push(format!("{word}s"));
        }
        push(format!("{word}ed"));
        push(format!("{word}ing"));
        // Short consonant-vowel-consonant words double the last consonant: drop → dropped.
        let n = chars.len();
        if n >= 3
            && !is_vowel(last)
            && !"wxy".contains(last)
            && is_vowel(before_last)
            && !is_vowel(chars[n - 3])
            && n <= 4
        {
            push(format!("{word}{last}ed"));
            push(format!("{word}{last}ing"));
        }
    }
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    forms
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.src[self.pos..].chars().next()
    }

    /// alternatives := sequence ('|' sequence)*; returns them and whether one alternative is
    /// empty (which makes the group optional).
    fn alternatives(&mut self, depth: usize) -> Result<(Vec<Seq>, bool), PhraseError> {
        let mut alts = vec![self.sequence(depth)?];
        while self.peek() == Some('|') {
            self.pos += 1;
            alts.push(self.sequence(depth)?);
        }
        let optional = alts.iter().any(Vec::is_empty);
        alts.retain(|a| !a.is_empty());
        Ok((alts, optional))
    }

    /// sequence := (word | group)*, joined by whitespace runs.
    fn sequence(&mut self, depth: usize) -> Result<Seq, PhraseError> {
        let mut elems: Seq = Vec::new();
        while let Some(c) = self.peek() {
            match c {
                '|' => break,
                ')' => {
                    if depth == 0 {
                        return Err(PhraseError {
                            offset: self.pos,
                            message: "unbalanced `)` in phrase".into(),
                        });
                    }
                    break;
                }
                c if c.is_whitespace() => self.pos += c.len_utf8(),
                '(' => {
                    let open = self.pos;
                    // "re(s|)" would read as the word "re" and then a group, a space between
                    // them: never what was meant.
                    if let Some(before) = self.src[..open].chars().last()
                        && !before.is_whitespace()
                        && !"(|)".contains(before)
                        && !self.src[open + 1..].starts_with(char::is_whitespace)
                    {
                        return Err(PhraseError {
                            offset: open,
                            message: "a group right after a word is read as a word of its own, \
                                      with a space before it: leave a space, or write the whole \
                                      words as the group's options (`(plan|plans)`)"
                                .into(),
                        });
                    }
                    // Deeper groups say nothing a flatter phrase cannot, and the regex built
                    // from them has a nesting limit (as does the parser's stack).
                    if depth >= MAX_DEPTH {
                        return Err(PhraseError {
                            offset: open,
                            message: format!(
                                "groups nested more than {MAX_DEPTH} deep: write the options \
                                 out flatter, or use a pattern"
                            ),
                        });
                    }
                    self.pos += 1;
                    let (inner, optional) = self.alternatives(depth + 1)?;
                    if self.peek() != Some(')') {
                        return Err(PhraseError {
                            offset: open,
                            message: "unclosed `(` in phrase".into(),
                        });
                    }
                    self.pos += 1;
                    if inner.is_empty() {
                        return Err(PhraseError {
                            offset: open,
                            message: "empty group `()` in phrase".into(),
                        });
                    }
                    // `(free)` is a group, not brackets in the text: with one option, it is
                    // the words themselves, which is never what was meant.
                    if inner.len() == 1 && !optional {
                        let words = self.src.get(open + 1..self.pos - 1).unwrap_or("").trim();
                        return Err(PhraseError {
                            offset: open,
                            message: format!(
                                "`({words})` is a group with one option, the same as `{words}`: in a \
                                 phrase, brackets group options (`(a|b)`, or `(a|)` for an \
                                 optional word); to match brackets in the text, use a pattern"
                            ),
                        });
                    }
                    // "(10|20)% off" would read "%" as a word of its own, after a space.
                    // (An option that ends in a space, "(more |)about", says where the space is.)
                    if let Some(after) = self.peek()
                        && !after.is_whitespace()
                        && !"|)".contains(after)
                        && !{
                            let raw = &self.src[open + 1..self.pos - 1];
                            raw.ends_with(char::is_whitespace)
                                || raw.contains(" |")
                                || raw.contains("\t|")
                        }
                    {
                        return Err(PhraseError {
                            offset: self.pos,
                            message: format!(
                                "`{after}` right after a group is read as a word of its own, \
                                 with a space before it: leave a space, or write the whole words \
                                 as the group's options (`(10%|20%)`)"
                            ),
                        });
                    }
                    elems.push(Elem {
                        kind: ElemKind::Group(inner),
                        optional,
                    });
                }
                _ => elems.push(Elem {
                    kind: ElemKind::Word(self.word()?),
                    optional: false,
                }),
            }
        }
        if !elems.is_empty() && elems.iter().all(|e| e.optional) {
            return Err(PhraseError {
                offset: 0,
                message: "this phrase can match nothing: every part is optional".into(),
            });
        }
        Ok(elems)
    }

    /// A run of non-space, non-syntax characters, with an optional `*` or `~` suffix.
    fn word(&mut self) -> Result<Word, PhraseError> {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if c.is_whitespace() || "()|".contains(c) {
                break;
            }
            self.pos += c.len_utf8();
        }
        let raw = &self.src[start..self.pos];
        let (body, suffix) = match raw.chars().last() {
            Some('*') => (&raw[..raw.len() - 1], Suffix::Prefix),
            Some('~') => (&raw[..raw.len() - 1], Suffix::Inflect),
            _ => (raw, Suffix::None),
        };
        if body.is_empty() {
            return Err(PhraseError {
                offset: start,
                message: format!("`{raw}` has no word before its suffix"),
            });
        }
        if body.contains('*') || body.contains('~') {
            return Err(PhraseError {
                offset: start,
                message: format!("`{raw}`: `*` and `~` may only end a word"),
            });
        }
        // Hyphens and dashes read as spaces ("e-mail" is "e mail"): a word of only those is a
        // space, which would match between any two words (or as `(a|-)`, instead of one).
        if body.chars().all(normalize::is_dash) {
            return Err(PhraseError {
                offset: start,
                message: format!(
                    "`{raw}` is only dashes, which phrases read as spaces: drop it (\"win win\" \
                     matches \"win-win\" and \"win - win\"); alone it would match between any \
                     two words: find a dash with a `pattern`"
                ),
            });
        }
        Ok(Word {
            text: body.to_string(),
            suffix,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(phrase: &str, text: &str) -> bool {
        let re = regex::Regex::new(&format!("(?i){}", compile(phrase).unwrap())).unwrap();
        re.is_match(text)
    }

    #[test]
    fn whitespace_runs_and_line_breaks() {
        assert!(matches(
            "highest performing supplier",
            "our highest performing\nsupplier"
        ));
        assert!(matches("circle back", "let's circle   back"));
        assert!(!matches("circle back", "circleback"));
    }

    #[test]
    fn whole_words_only() {
        assert!(!matches("leverage", "leverages"));
        assert!(!matches("win", "window"));
        assert!(matches("win-win", "a win-win deal"));
        assert!(matches("win-win", "a win win deal"));
        assert!(matches("best-in-class", "best—in—class"));
        assert!(matches("best-in-class", "best – in – class"));
    }

    #[test]
    fn curly_and_straight_apostrophes() {
        assert!(matches("we'd", "We’d love to"));
        assert!(matches("we’d", "we'd love to"));
        assert!(matches("don't miss out", "Don’t miss out"));
    }

    #[test]
    fn prefix_and_inflections() {
        for w in [
            "partner",
            "partners",
            "partnered",
            "partnering",
            "partnership",
            "partnerships",
        ] {
            assert!(matches("partner*", w), "{w}");
        }
        for w in ["leverage", "leverages", "leveraged", "leveraging"] {
            assert!(matches("leverage~", w), "{w}");
        }
        assert!(!matches("leverage~", "leveragement"));
        assert!(matches("bump~ this", "bumping this"));
        assert!(matches("drop~", "dropped"));
        assert!(matches("apply~", "applies"));
    }

    #[test]
    fn alternatives_and_optional_words() {
        assert!(matches("(act|sign) now", "Sign now"));
        assert!(matches(
            "find out what (you|your team) need~",
            "find out what your team needs"
        ));
        assert!(matches("touch base (with you|)", "touch base"));
        assert!(matches("let's touch (base|bases)", "let’s touch bases"));
    }

    #[test]
    fn errors_point_into_the_phrase() {
        assert_eq!(compile("  ").unwrap_err().offset, 0);
        assert_eq!(compile("(act now").unwrap_err().offset, 0);
        assert_eq!(compile("act) now").unwrap_err().offset, 3);
        assert!(compile("*").is_err());
        assert!(compile("pa*rt").is_err());
        // Only dashes: read as a space, it would match between any two words.
        for (dashes, at) in [("-", 0), (" — ", 1), ("--", 0), ("(a|–)", 3), ("we —", 3)] {
            let e = compile(dashes).unwrap_err();
            assert!(
                e.message.contains("is only dashes"),
                "{dashes:?}: {}",
                e.message
            );
            assert_eq!(e.offset, at, "{dashes:?}");
        }
        assert!(compile("well-known (a|b)").is_ok());
        assert!(compile("e-mail").is_ok());
        // Text touching a group would be read as a word of its own, after a space: "(10|20)%"
        // never matched "10%".
        let e = compile("(10|20)% off").unwrap_err();
        assert_eq!(e.offset, 7);
        assert!(
            e.message.starts_with("`%` right after a group"),
            "{}",
            e.message
        );
        assert_eq!(compile("re(s|)").unwrap_err().offset, 2);
        assert!(compile("(a|b)(c|d)").is_err());
        // An option that ends in a space says where the space goes.
        assert!(compile("learn (more |)about").is_ok());
        assert!(compile("did you see my (last |previous |)(email|note)").is_ok());
        assert!(compile("(10%|20%) off").is_ok());
        // Groups nested past the limit: one short error at the group that goes too deep,
        // even 3,000 deep (it was the regex's own 129 KB error).
        let nested = |n: usize| format!("{}b{}", "(a|".repeat(n), ")".repeat(n));
        assert!(compile(&nested(MAX_DEPTH)).is_ok());
        for n in [MAX_DEPTH + 1, 3000] {
            let e = compile(&nested(n)).unwrap_err();
            assert_eq!(e.offset, 3 * MAX_DEPTH, "{n}");
            assert!(
                e.message.starts_with("groups nested more than 16 deep"),
                "{}",
                e.message
            );
        }
        // A group of one option is the words themselves: brackets meant as text.
        for (phrase, at) in [("(free)", 0), ("ship it (for free)", 8), ("((a|b))", 0)] {
            let e = compile(phrase).unwrap_err();
            assert!(
                e.message.contains("a group with one option"),
                "{phrase:?}: {}",
                e.message
            );
            assert_eq!(e.offset, at, "{phrase:?}");
        }
        assert!(compile("ship it (for free|)").is_ok());
        assert!(compile("(a (b|c)|d)").is_ok());
    }
}
