//! Measures of a draft or of some of its parts: words, sentences, sentence lengths, reading
//! grade (Flesch–Kincaid), questions and customer focus (you/your against I/we/our).
//!
//! Computed once per document and scope, from Unicode word and sentence boundaries (UAX #29,
//! the `unicode-segmentation` crate). Line breaks inside a paragraph are read as spaces, so
//! hard-wrapped text is one sentence until its full stop; a line that starts with a bullet
//! (`-`, `*`, `•`, `1.`) starts a new sentence. Every span is a byte span of the lintable view.

use std::ops::Range;

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::document::{Document, Scope};

mod stats;
pub use stats::{Stats, message};

/// One sentence of the measured text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte span in the view, trimmed.
    pub span: Range<usize>,
    /// Its words.
    pub words: usize,
    /// Whether it ends with a question mark.
    pub question: bool,
}

/// The measures of the parts in one scope.
#[derive(Clone, Debug, Default)]
pub struct Metrics {
    /// The parts measured, in order: byte spans of the view.
    pub parts: Vec<Range<usize>>,
    /// Every word, as byte spans of the view.
    pub word_spans: Vec<Range<usize>>,
    /// Every sentence.
    pub sentence_list: Vec<Sentence>,
    /// Syllables in all words (estimated).
    pub syllables: usize,
    /// Words that address the reader: you, your, yours, you're…
    pub you_words: usize,
    /// Words about the sender: I, me, my, we, us, our, I'm, we're…
    pub we_words: usize,
}

/// What a metric rule may measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Words.
    Words,
    /// Sentences.
    Sentences,
    /// Average words per sentence.
    AvgSentenceWords,
    /// Words in the longest sentence.
    LongestSentenceWords,
    /// Flesch–Kincaid grade level.
    Grade,
    /// Sentences that end with a question mark.
    Questions,
    /// The share of you-words among you-words and I/we-words, from 0 to 1 (defined from
    /// [`MIN_PRONOUNS`] such words).
    YouShare,
}

impl Measure {
    /// Every measure with its TOML name.
    pub const ALL: [(Measure, &'static str); 7] = [
        (Measure::Words, "words"),
        (Measure::Sentences, "sentences"),
        (Measure::AvgSentenceWords, "avg_sentence_words"),
        (Measure::LongestSentenceWords, "longest_sentence_words"),
        (Measure::Grade, "grade"),
        (Measure::Questions, "questions"),
        (Measure::YouShare, "you_share"),
    ];

    /// The measure named `s`.
    pub fn from_name(s: &str) -> Option<Measure> {
        Measure::ALL.iter().find(|(_, n)| *n == s).map(|(m, _)| *m)
    }

    /// Its TOML name.
    pub fn name(self) -> &'static str {
        Measure::ALL
            .iter()
            .find(|(m, _)| *m == self)
            .map_or("words", |(_, n)| n)
    }

    /// The names, for error messages.
    pub fn names() -> Vec<&'static str> {
        Measure::ALL.iter().map(|(_, n)| *n).collect()
    }

    /// A value written for people: "412 words", "grade 9.3", "20% you".
    pub fn describe(self, v: f64) -> String {
        match self {
            Measure::Words => plural(v, "word"),
            Measure::Sentences => plural(v, "sentence"),
            Measure::AvgSentenceWords => format!("{v:.1} words per sentence on average"),
            Measure::LongestSentenceWords => format!("a sentence of {v:.0} words"),
            Measure::Grade => format!("reading grade {v:.1}"),
            Measure::Questions => plural(v, "question"),
            Measure::YouShare => format!("{:.0}% of I/we/you words are \"you\"", v * 100.0),
        }
    }
}

fn plural(v: f64, one: &str) -> String {
    if v == 1.0 {
        format!("1 {one}")
    } else {
        format!("{v:.0} {one}s")
    }
}

/// The fewest you/I/we words for [`Measure::YouShare`] to be defined: in a two-line note,
/// one "I" says nothing about focus.
pub const MIN_PRONOUNS: usize = 5;

const YOU: &[&str] = &[
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "you're",
    "you've",
    "you'll",
    "you'd",
];
const WE: &[&str] = &[
    "i",
    "i'm",
    "i've",
    "i'll",
    "i'd",
    "me",
    "my",
    "mine",
    "myself",
    "we",
    "we're",
    "we've",
    "we'll",
    "we'd",
    "us",
    "our",
    "ours",
    "ourselves",
];

impl Metrics {
    /// Measure the segments of `doc` that have a part in `scope`.
    pub fn of(doc: &Document, scope: Scope) -> Metrics {
        let mut m = Metrics::default();
        for span in doc.spans_of(scope) {
            m.append(&Metrics::of_part(doc, span.clone()));
        }
        m
    }

    /// The measures of one part (a segment's span of the view).
    pub fn of_part(doc: &Document, span: Range<usize>) -> Metrics {
        let mut m = Metrics::default();
        m.parts.push(span.clone());
        m.add_part(doc, doc.text(), span);
        m
    }

    /// Add the measures of parts that follow these: measures of a union of parts are the
    /// measures of each part, one after the other (parts never share a sentence).
    pub fn append(&mut self, other: &Metrics) {
        self.parts.extend(other.parts.iter().cloned());
        self.word_spans.extend(other.word_spans.iter().cloned());
        self.sentence_list
            .extend(other.sentence_list.iter().cloned());
        self.syllables += other.syllables;
        self.you_words += other.you_words;
        self.we_words += other.we_words;
    }

    /// Whether any part was measured.
    pub fn is_present(&self) -> bool {
        !self.parts.is_empty()
    }

    fn add_part(&mut self, doc: &Document, text: &str, span: Range<usize>) {
        let part = &text[span.clone()];
        // Line breaks become spaces (same length, so offsets hold), except before a bullet.
        let mut flat = String::with_capacity(part.len());
        let mut rest = part;
        while let Some(i) = rest.find(['\n', '\r']) {
            flat.push_str(&rest[..i]);
            let next = rest[i + 1..].trim_start_matches(['\n', '\r']);
            let bullet = next.trim_start().starts_with(['-', '*', '•', '–'])
                || next
                    .trim_start()
                    .split_once(['.', ')'])
                    .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|d| d.is_ascii_digit()));
            flat.push(if bullet { '\n' } else { ' ' });
            rest = &rest[i + 1..];
        }
        flat.push_str(rest);
        for (at, s) in flat.split_sentence_bound_indices() {
            let trimmed = s.trim();
            if trimmed.is_empty() {
                continue;
            }
            let lead = s.len() - s.trim_start().len();
            let start = span.start + at + lead;
            let mut words = 0;
            // A merge field is one word ("[Company Name]"); other masked text is not prose.
            let mut last_placeholder: Option<Range<usize>> = None;
            for (wat, w) in s.unicode_word_indices() {
                let ws = span.start + at + wat;
                let wspan = ws..ws + w.len();
                if let Some(p) = doc.placeholder_in(&wspan) {
                    if last_placeholder.as_ref() == Some(p) {
                        continue;
                    }
                    last_placeholder = Some(p.clone());
                    words += 1;
                    self.word_spans.push(p.clone());
                    self.syllables += 1;
                    continue;
                }
                if doc.is_masked(&wspan) {
                    continue;
                }
                words += 1;
                self.word_spans.push(wspan);
                self.syllables += syllables(w);
                match pronoun(w) {
                    Some(Pronoun::You) => self.you_words += 1,
                    Some(Pronoun::We) if w != "US" => self.we_words += 1,
                    _ => {}
                }
            }
            if words == 0 {
                continue;
            }
            let question = trimmed
                .trim_end_matches(['"', '”', '\'', '’', ')'])
                .ends_with('?');
            self.sentence_list.push(Sentence {
                span: start..start + trimmed.len(),
                words,
                question,
            });
        }
    }

    /// Words.
    pub fn words(&self) -> usize {
        self.word_spans.len()
    }

    /// Sentences.
    pub fn sentences(&self) -> usize {
        self.sentence_list.len()
    }

    /// Sentences that end with `?`.
    pub fn questions(&self) -> usize {
        self.sentence_list.iter().filter(|s| s.question).count()
    }

    /// The longest sentence, if any.
    pub fn longest_sentence(&self) -> Option<&Sentence> {
        // The first of the longest, so the result does not depend on ties.
        self.sentence_list.iter().rev().max_by_key(|s| s.words)
    }

    /// Flesch–Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word −
    /// 15.59, not below 0. `None` without words.
    pub fn grade(&self) -> Option<f64> {
        let (w, s) = (self.words() as f64, self.sentences() as f64);
        if w == 0.0 || s == 0.0 {
            return None;
        }
        Some((0.39 * w / s + 11.8 * self.syllables as f64 / w - 15.59).max(0.0))
    }

    /// The value of a measure; `None` when it is undefined (no part, no words, no pronoun).
    pub fn value(&self, m: Measure) -> Option<f64> {
        if !self.is_present() {
            return None;
        }
        let n = |x: usize| Some(x as f64);
        match m {
            Measure::Words => n(self.words()),
            Measure::Sentences => n(self.sentences()),
            Measure::AvgSentenceWords => {
                (self.sentences() > 0).then(|| self.words() as f64 / self.sentences() as f64)
            }
            Measure::LongestSentenceWords => self.longest_sentence().map(|s| s.words as f64),
            Measure::Grade => self.grade(),
            Measure::Questions => n(self.questions()),
            Measure::YouShare => {
                let all = self.you_words + self.we_words;
                (all >= MIN_PRONOUNS).then(|| self.you_words as f64 / all as f64)
            }
        }
    }
}

enum Pronoun {
    You,
    We,
}

/// Whether `w` is a you-word or an I/we-word, case and curly apostrophes aside.
fn pronoun(w: &str) -> Option<Pronoun> {
    let mut buf = [0u8; 12];
    let mut n = 0;
    for c in w.chars() {
        let b = match c {
            '’' => b'\'',
            c if c.is_ascii() => c.to_ascii_lowercase() as u8,
            _ => return None,
        };
        *buf.get_mut(n)? = b;
        n += 1;
    }
    let lower = std::str::from_utf8(&buf[..n]).ok()?;
    if YOU.contains(&lower) {
        Some(Pronoun::You)
    } else if WE.contains(&lower) {
        Some(Pronoun::We)
    } else {
        None
    }
}

/// Estimated English syllables in a word: vowel groups, less a silent final `e` and the `-es`
/// / `-ed` endings that add none; at least one. Digits count one per group.
pub fn syllables(word: &str) -> usize {
    // The word's letters, lower-cased: on the stack for all but very long words.
    let mut stack = ['\0'; 40];
    let mut heap = Vec::new();
    let mut n = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        if !c.is_alphabetic() {
            continue;
        }
        if n < stack.len() {
            stack[n] = c;
        } else {
            if heap.is_empty() {
                heap.extend_from_slice(&stack);
            }
            heap.push(c);
        }
        n += 1;
    }
    let w: &[char] = if heap.is_empty() { &stack[..n] } else { &heap };
    if w.len() <= 3 {
        return 1;
    }
    let vowel = |c: char| "aeiouyàâäéèêëîïôöûüù".contains(c);
    let mut count = 0;
    let mut prev = false;
    for &c in w {
        let v = vowel(c);
        if v && !prev {
            count += 1;
        }
        prev = v;
    }
    let n = w.len();
    let ends = |s: &str| {
        let k = s.chars().count();
        n >= k && w[n - k..].iter().copied().eq(s.chars())
    };
    if w[n - 1] == 'e' && !ends("le") && !ends("ee") && !ends("ye") && count > 1 {
        count -= 1; // make, service
    } else if ends("le") && n > 2 && vowel(w[n - 3]) && count > 1 {
        count -= 1; // sale, mile: the e is silent after a vowel
    }
    if (ends("es") || ends("ed")) && n > 3 && count > 1 {
        let before = w[n - 3];
        let adds = if ends("ed") {
            before == 't' || before == 'd'
        } else {
            matches!(before, 's' | 'x' | 'z' | 'c' | 'g') || ends("shes") || ends("ches")
        };
        if !adds && !vowel(before) {
            count -= 1; // asked, makes
        }
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{self, Format};

    fn doc(t: &str) -> Document {
        document::read("t", t.as_bytes().to_vec(), Format::Text).unwrap()
    }

    #[test]
    fn counts_words_sentences_and_questions() {
        let d = doc(
            "Hi Dana,\n\nYour Ohio plant ships late.\nWe can fix that.\n\nCould we talk Tuesday?\n\nBest,\nSam",
        );
        let m = Metrics::of(&d, message());
        assert_eq!(m.words(), 13);
        assert_eq!(m.sentences(), 3);
        assert_eq!(m.questions(), 1);
        assert_eq!(m.you_words, 1);
        assert_eq!(m.we_words, 2);
        assert_eq!(
            m.value(Measure::YouShare),
            None,
            "too few pronouns to judge"
        );
        let s = Stats::of(&d);
        assert_eq!(s.closing_questions, 1);
        assert_eq!(s.opening_words, 9);
        assert_eq!(s.subject_words, None);
    }

    #[test]
    fn hard_wrapped_lines_are_one_sentence_but_bullets_split() {
        let d = doc(
            "Hi,\n\nWe ship parts to\nbreweries in Ohio.\n- cans\n- kegs\n\nCall me?\n\nBest,\nSam",
        );
        let m = Metrics::of(&d, message());
        assert_eq!(m.sentences(), 4, "{:?}", m.sentence_list);
        assert_eq!(m.longest_sentence().unwrap().words, 7);
    }

    #[test]
    fn a_merge_field_is_one_word() {
        let d = doc("Hi,\n\nWe help [Company Name] ship on time.\n\nCan we talk?\n\nSam");
        assert!(
            !d.placeholders.is_empty(),
            "the reader finds [Company Name]"
        );
        let m = Metrics::of(&d, message());
        assert_eq!(m.words(), 9, "{:?}", m.word_spans);
    }

    #[test]
    fn syllables_are_estimated() {
        for (w, n) in [
            ("the", 1),
            ("make", 1),
            ("service", 2),
            ("asked", 1),
            ("wanted", 2),
            ("people", 2),
            ("delivery", 4),
            ("opportunity", 5),
            ("boxes", 2),
            ("Délivéry", 4),
            ("x", 1),
            ("", 1),
            ("internationalisationsinternationalisations", 16),
        ] {
            assert_eq!(syllables(w), n, "{w}");
        }
    }

    #[test]
    fn grade_rises_with_long_words_and_sentences() {
        let simple = Metrics::of(
            &doc("Can we talk? It is a short call. You pick the day."),
            message(),
        );
        let hard = Metrics::of(
            &doc(
                "Our comprehensive implementation methodology facilitates organizational transformation across heterogeneous procurement environments.",
            ),
            message(),
        );
        assert!(simple.grade().unwrap() < 4.0, "{:?}", simple.grade());
        assert!(hard.grade().unwrap() > 15.0, "{:?}", hard.grade());
        assert_eq!(Metrics::of(&doc(""), message()).value(Measure::Words), None);
    }
}
