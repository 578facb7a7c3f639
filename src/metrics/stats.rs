//! `--stats`: every measure of a draft, for people and for JSON.

use serde::Serialize;

use super::{Measure, Store};
use crate::document::{Document, Scope};

/// Every measure of a whole draft, for `--stats`.
#[derive(Clone, Debug, Serialize)]
pub struct Stats {
    /// Words in the opening, body and closing.
    pub words: usize,
    /// Sentences in them.
    pub sentences: usize,
    /// Average words per sentence.
    pub avg_sentence_words: Option<f64>,
    /// Words in the longest sentence.
    pub longest_sentence_words: Option<usize>,
    /// Flesch–Kincaid grade.
    pub grade: Option<f64>,
    /// Sentences that end with `?`.
    pub questions: usize,
    /// Questions in the closing.
    pub closing_questions: usize,
    /// Words in the opening.
    pub opening_words: usize,
    /// Words in the subject line, when there is one.
    pub subject_words: Option<usize>,
    /// you, your, you're…
    pub you_words: usize,
    /// I, me, my, we, us, our…
    pub we_words: usize,
    /// you words / (you words + I/we words).
    pub you_share: Option<f64>,
}

impl Stats {
    /// Measure a document.
    pub fn of(doc: &Document) -> Stats {
        let store = Store::new();
        let m = store.metrics(doc, Scope::MESSAGE, Scope::NONE);
        let subject = store.metrics(doc, Scope::SUBJECT, Scope::NONE);
        let round = |v: f64| (v * 10.0).round() / 10.0;
        Stats {
            words: m.words(),
            sentences: m.sentences(),
            avg_sentence_words: m.value(Measure::AvgSentenceWords).map(round),
            longest_sentence_words: m.longest_sentence().map(|s| s.words),
            grade: m.grade().map(round),
            questions: m.questions(),
            closing_questions: store.metrics(doc, Scope::CLOSING, Scope::NONE).questions(),
            opening_words: store.metrics(doc, Scope::OPENING, Scope::NONE).words(),
            subject_words: subject.is_present().then(|| subject.words()),
            you_words: m.you_words,
            we_words: m.we_words,
            you_share: m
                .value(Measure::YouShare)
                .map(|v| (v * 100.0).round() / 100.0),
        }
    }

    /// The measures for people: the path, then one `name  value` line each.
    pub fn render(&self, path: &str) -> String {
        let mut out = format!("{path}\n");
        for (name, value) in self.lines() {
            out.push_str(&format!("  {name:<24}{value}\n"));
        }
        out.push('\n');
        out
    }

    /// The measures as `name value` lines, for people.
    pub fn lines(&self) -> Vec<(&'static str, String)> {
        let opt = |v: Option<f64>| v.map_or_else(|| "-".to_string(), |v| format!("{v:.1}"));
        vec![
            ("words", self.words.to_string()),
            ("sentences", self.sentences.to_string()),
            ("avg sentence words", opt(self.avg_sentence_words)),
            (
                "longest sentence words",
                self.longest_sentence_words
                    .map_or_else(|| "-".into(), |v| v.to_string()),
            ),
            ("reading grade", opt(self.grade)),
            ("questions", self.questions.to_string()),
            ("closing questions", self.closing_questions.to_string()),
            ("opening words", self.opening_words.to_string()),
            (
                "subject words",
                self.subject_words
                    .map_or_else(|| "-".into(), |v| v.to_string()),
            ),
            ("you words", self.you_words.to_string()),
            ("I/we words", self.we_words.to_string()),
            (
                "customer focus",
                self.you_share
                    .map_or_else(|| "-".into(), |v| format!("{:.0}% you", v * 100.0)),
            ),
        ]
    }
}
