//! Measures of a draft or of some of its parts: words, sentences, sentence lengths, reading
//! grade (Flesch–Kincaid), questions and customer focus (you/your against I/we/our).
//!
//! Computed once per document and scope, from Unicode word and sentence boundaries (UAX #29,
//! the `unicode-segmentation` crate, with faster scans for the sentences and words of plain
//! text in `sentences` and `words`). Line breaks inside a paragraph are read as spaces, so
//! hard-wrapped text is one sentence until its full stop; a paragraph break ends a sentence
//! (so a long part is measured a paragraph run at a time), and a full stop after a common
//! abbreviation ("St. Louis", "Mr. Park") ends none; a line that starts with a bullet
//! (`-`, `*`, `•`, `1.`) starts a new sentence. Every span is a byte span of the lintable view.

use std::ops::Range;

use serde::Serialize;

use crate::document::{Document, Scope};

mod packed;
mod part;
mod sentences;
mod stats;
mod store;
mod syllables;
mod view;
mod words;
pub use part::{Part, bullet};
pub use stats::Stats;
pub use store::Store;
pub use syllables::syllables;
pub use view::{Item, Metrics, Seq};

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
    /// Whether it counts things (words, sentences, questions), so that text without any of
    /// the parts measured has a value, zero; an average, a grade or a share has none.
    pub fn is_count(self) -> bool {
        matches!(
            self,
            Measure::Words | Measure::Sentences | Measure::Questions
        )
    }

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

    /// The values it can take, when bounded, in words for an error: a bound outside them is
    /// never crossed, or always. Counts and averages are never negative; a share runs from 0
    /// to 1; a grade can be below 0 (very plain text) and has no top.
    pub fn range(self) -> Option<(std::ops::RangeInclusive<f64>, &'static str)> {
        match self {
            Measure::YouShare => Some((0.0..=1.0, "a share from 0 to 1 (0.4 is 40%)")),
            Measure::Grade => None,
            _ => Some((0.0..=f64::INFINITY, "never negative")),
        }
    }

    /// The names, for error messages.
    pub fn names() -> Vec<&'static str> {
        Measure::ALL.iter().map(|(_, n)| *n).collect()
    }

    /// A value written for people: "412 words", "grade 9.3", "20% you".
    pub fn describe(self, v: f64) -> String {
        self.describe_finer(v, 0)
    }

    /// [`Measure::describe`] with `finer` more decimals for a grade or a share, whose bound
    /// the usual rounding can hide ("reading grade 8.04", not "8.0", above 8); a count is
    /// written as it is.
    pub fn describe_finer(self, v: f64, finer: usize) -> String {
        match self {
            Measure::Words => plural(v, "word"),
            Measure::Sentences => plural(v, "sentence"),
            Measure::AvgSentenceWords => format!("{v:.1} words per sentence on average"),
            Measure::LongestSentenceWords => format!("a sentence of {v:.0} words"),
            Measure::Grade => format!("reading grade {v:.*}", 1 + finer),
            Measure::Questions => plural(v, "question"),
            Measure::YouShare => {
                format!("{:.*}% of I/we/you words are \"you\"", finer, v * 100.0)
            }
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

/// The fewest words that have a reading grade (`grade`): under it the formula measures noise
/// ("Interested?" alone is grade 32), and the draft's length is `too-short`'s to judge.
pub const GRADE_MIN_WORDS: usize = 10;

/// A text has a reading grade when at least one word in this many is one of English's
/// commonest ("the", "and", "to", "you", "we"…: see `part::is_common_english`). The formula and
/// its syllable count are English's: a Spanish draft read as English came out at grade 10.5.
/// English prose has one such word in three or four.
pub const GRADE_ENGLISH_ONE_IN: usize = 20;

impl Metrics {
    /// Measure the segments of `doc` that have a part in `scope` (one scope of one document;
    /// a [`Store`] measures each part once for many scopes).
    pub fn of(doc: &Document, scope: Scope) -> Metrics {
        Metrics::clone(&Store::new().metrics(doc, scope, Scope::NONE))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{self, Format};

    fn doc(t: &str) -> Document {
        document::read("t", t.as_bytes().to_vec(), Format::Text).unwrap()
    }

    /// The reading grade is English's formula: a draft in another language has none (a Spanish
    /// one came out at grade 10.5, over `reading-grade`'s 8), and an English one keeps it.
    #[test]
    fn only_english_has_a_reading_grade() {
        let grade = |t: &str| Metrics::of(&doc(t), Scope::MESSAGE).grade();
        let es = "Hola Ana:\n\nVi que Logística Sur abrió un nuevo almacén en Sevilla. Redujimos las reclamaciones por daños un 38 % en seis meses para Brightside Foods.\n\n¿Hablamos el martes?\n\nUn saludo,\nSam";
        let de = "Hallo Anna,\n\nwir haben die Reklamationen bei Brightside Foods in sechs Monaten um 38 Prozent gesenkt, und Ihr neues Lager in Köln passt gut zu unseren Touren.\n\nHätten Sie am Dienstag Zeit?\n\nViele Grüße,\nSam";
        let fr = "Bonjour Anne,\n\nNous avons réduit les réclamations de Brightside Foods de 38 % en six mois, et votre nouvel entrepôt de Lyon est sur nos tournées.\n\nPouvons-nous parler mardi ?\n\nCordialement,\nSam";
        for t in [es, de, fr] {
            assert_eq!(grade(t), None, "{t}");
        }
        let en = "Hi Dana,\n\nWe cut damage claims at Brightside Foods by 38% in six months, and your new Columbus warehouse is on our routes.\n\nCould we talk on Tuesday?\n\nBest,\nSam";
        assert!(grade(en).is_some_and(|g| g > 0.0), "{en}");
        // Terse English with few of those words still has one: "Your" and "we" count.
        let terse = "Hi Dana,\n\nYour Ohio plant ships late. Three loads missed Monday. We fix routes. Drivers know Dayton well.\n\nCould we talk Tuesday?\n\nSam";
        assert!(grade(terse).is_some(), "{terse}");
    }

    /// The buyer quoted says "we" of the buyer: words inside double quotation marks are no
    /// you- or I/we-words (a new user's, session 46). A quotation ends at its paragraph, and a
    /// `"` after a figure is inches.
    #[test]
    fn a_quotation_s_pronouns_are_not_the_writer_s() {
        let counts = |text: &str| {
            let m = Metrics::of(&doc(text), Scope::MESSAGE);
            (m.you_words, m.we_words)
        };
        let plain = "Hi Dana,\n\nYou told me, we keep getting burned on the spot market. We fix that for you.\n\nCould we talk Tuesday?\n\nSam";
        assert_eq!(counts(plain), (2, 4), "\"me\" is an I-word");
        for quote in [
            "\"we keep getting burned on the spot market.\"",
            "“we keep getting burned on the spot market.”",
            "„we keep getting burned on the spot market.“",
        ] {
            let text = plain.replace("we keep getting burned on the spot market.", quote);
            assert_eq!(counts(&text), (2, 3), "{text}");
        }
        // Two sentences quoted, then the writer again.
        let two = "Hi Dana,\n\nYou said: \"We lose loads. Our carriers flake.\" We fix that for you.\n\nCould we talk Tuesday?\n\nSam";
        assert_eq!(counts(two), (2, 2));
        // A quote left open ends with its paragraph; inches open none.
        let open = "Hi Dana,\n\nYou said \"we lose loads.\n\nWe fix that for you. We run a 6\" pipe for you.\n\nCould we talk Tuesday?\n\nSam";
        assert_eq!(counts(open), (3, 3));
        // A quotation that ends on a figure ends there (a review's: the writer's "we" after it
        // was lost).
        let figure = "Hi Dana,\n\nYour VP told me, \"we need 20 more trucks by Q3\" and we have them. We run 400.\n\nCould we talk Tuesday?\n\nSam";
        assert_eq!(counts(figure), (1, 4));
    }

    #[test]
    fn counts_words_sentences_and_questions() {
        let d = doc(
            "Hi Dana,\n\nYour Ohio plant ships late.\nWe can fix that.\n\nCould we talk Tuesday?\n\nBest,\nSam",
        );
        let m = Metrics::of(&d, Scope::MESSAGE);
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
    fn question_marks_of_other_scripts_make_questions() {
        for ask in [
            "هل أنت مهتم؟",
            "質問ですか？",
            "Θέλετε να μιλήσουμε\u{37e}",
            "Vous êtes libre mardi ?»",
            "Could we try one order?!",
            "Could we try one order‽",
        ] {
            let d = doc(&format!(
                "Hi Dana,\n\nWe ship on time.\n\n{ask}\n\nBest,\nSam"
            ));
            assert_eq!(Metrics::of(&d, Scope::MESSAGE).questions(), 1, "{ask}");
        }
    }

    #[test]
    fn hard_wrapped_lines_are_one_sentence_but_bullets_split() {
        let d = doc(
            "Hi,\n\nWe ship parts to\nbreweries in Ohio.\n- cans\n- kegs\n\nCall me?\n\nBest,\nSam",
        );
        let m = Metrics::of(&d, Scope::MESSAGE);
        assert_eq!(m.sentences(), 4, "{:?}", m.sentence_list());
        assert_eq!(m.longest_sentence().unwrap().words, 7);
        // A Markdown or HTML list's items are sentences too, whatever their marker, not one
        // run-on sentence (their markers are markup, blanked in the view).
        let [a, b, c] = [
            "Containers unloaded within a day",
            "Daily tracking reports",
            "No detention fees",
        ];
        let end = "\n\nCould we talk Tuesday?\n\nBest,\nSam\n";
        for (src, format) in [
            (format!("Hi,\n\n- {a}\n- {b}\n- {c}{end}"), Format::Markdown),
            (format!("Hi,\n\n* {a}\n* {b}\n* {c}{end}"), Format::Markdown),
            (
                format!("Hi,\n\n1. {a}\n2. {b}\n3. {c}{end}"),
                Format::Markdown,
            ),
            (
                format!(
                    "<p>Hi,</p><ul><li>{a}</li><li>{b}<li>{c}</ul><p>Could we talk \
                     Tuesday?</p><p>Best,<br>Sam</p>"
                ),
                Format::Html,
            ),
        ] {
            let d = document::read("t", src.as_bytes().to_vec(), format).unwrap();
            let m = Metrics::of(&d, Scope::MESSAGE);
            assert_eq!(m.sentences(), 4, "{src}: {:?}", m.sentence_list());
            assert_eq!(m.longest_sentence().unwrap().words, 5, "{src}");
            assert_eq!(m.words(), 5 + 3 + 3 + 4, "{src}: {:?}", m.word_spans());
        }
    }

    #[test]
    fn a_paragraph_break_ends_a_sentence() {
        // A line of its own ("[Link]", a heading in plain text, a name) is no part of the next
        // paragraph's sentence, in a body of several paragraphs.
        let text = concat!(
            "Hi Dana,\n\nWe ship freight\nacross Ohio\n\nHere they are: [Link]\n\n",
            "Good luck with the launch!\n\nWhy now\n\nRates rise in May. Can we talk?\n\n",
            "Best,\nSam"
        );
        let m = Metrics::of(&doc(text), Scope::MESSAGE);
        let texts: Vec<&str> = m.sentence_list().iter().map(|s| &text[s.span]).collect();
        assert_eq!(
            texts,
            [
                "We ship freight\nacross Ohio",
                "Here they are: [Link]",
                "Good luck with the launch!",
                "Why now",
                "Rates rise in May.",
                "Can we talk?"
            ]
        );
    }

    #[test]
    fn a_table_row_is_a_sentence() {
        let md = "Hi,\n\nRates:\n\n| Lane | Rate |\n|---|---|\n| Salinas to Dallas | $2 a mile |\n| Fresno to Denver | $3 a mile |\n\nCould we talk Tuesday?\n\nBest,\nSam\n";
        let html = "<p>Hi,</p><p>Rates:</p><table><tr><th>Lane</th><th>Rate</th></tr><tr><td>Salinas to Dallas</td><td>$2 a mile</td></tr><tr><td>Fresno to Denver</td><td>$3 a mile</td></tr></table><p>Could we talk Tuesday?</p><p>Best,<br>Sam</p>";
        for (src, format) in [(md, Format::Markdown), (html, Format::Html)] {
            let d = document::read("t", src.as_bytes().to_vec(), format).unwrap();
            let m = Metrics::of(&d, Scope::MESSAGE);
            // "Rates:", three rows, the ask.
            assert_eq!(m.sentences(), 5, "{src}: {:?}", m.sentence_list());
            assert_eq!(m.longest_sentence().unwrap().words, 6, "{src}");
        }
    }

    #[test]
    fn a_merge_field_is_one_word() {
        let d = doc("Hi,\n\nWe help [Company Name] ship on time.\n\nCan we talk?\n\nSam");
        assert!(
            !d.placeholders.is_empty(),
            "the reader finds [Company Name]"
        );
        let m = Metrics::of(&d, Scope::MESSAGE);
        assert_eq!(m.words(), 9, "{:?}", m.word_spans());
    }

    #[test]
    fn grade_rises_with_long_words_and_sentences() {
        let simple = Metrics::of(
            &doc("Can we talk? It is a short call. You pick the day."),
            Scope::MESSAGE,
        );
        let hard = Metrics::of(
            &doc(
                "Our comprehensive implementation methodology facilitates organizational transformation across heterogeneous procurement environments.",
            ),
            Scope::MESSAGE,
        );
        assert!(simple.grade().unwrap() < 4.0, "{:?}", simple.grade());
        assert!(hard.grade().unwrap() > 15.0, "{:?}", hard.grade());
        // Too few words to grade: one long word would be grade 32.
        let few = Metrics::of(&doc("Interested?"), Scope::MESSAGE);
        assert_eq!(few.grade(), None);
        assert_eq!(few.value(Measure::Words), Some(1.0));
        assert_eq!(
            Metrics::of(&doc(""), Scope::MESSAGE).value(Measure::Words),
            None
        );
    }
}
