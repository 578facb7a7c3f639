//! [`Metrics`]: the measures of the parts in one scope, as a view of the per-part measures
//! (no word or sentence is copied), with its totals.

use std::marker::PhantomData;
use std::ops::Range;
use std::rc::Rc;

use super::part::Part;
use super::{GRADE_ENGLISH_ONE_IN, GRADE_MIN_WORDS, MIN_PRONOUNS, Measure, Sentence};

/// The measures of the parts in one scope.
#[derive(Clone, Debug, Default)]
pub struct Metrics {
    /// The parts measured, in order.
    parts: Vec<Rc<Part>>,
    /// The parts that have words: (words up to and including the part, part index).
    word_chunks: Vec<(usize, usize)>,
    /// The parts that have sentences: (sentences up to and including the part, part index).
    sentence_chunks: Vec<(usize, usize)>,
    /// Syllables in all words (estimated).
    pub syllables: usize,
    /// Words that address the reader: you, your, yours, you're…
    pub you_words: usize,
    /// Words about the sender: I, me, my, we, us, our, I'm, we're…
    pub we_words: usize,
    /// Words among English's commonest, pronouns included (see [`GRADE_ENGLISH_ONE_IN`]).
    pub english_words: usize,
    questions: usize,
    /// The first longest sentence: (part index, sentence index in the part).
    longest: Option<(usize, usize)>,
}

impl Metrics {
    /// The measures of these parts, in order: the measures of each part, one after the other
    /// (parts never share a sentence).
    pub fn from_parts(parts: Vec<Rc<Part>>) -> Metrics {
        let mut m = Metrics::default();
        let (mut words, mut sentences) = (0, 0);
        for (i, p) in parts.iter().enumerate() {
            if p.word_count() > 0 {
                words += p.word_count();
                m.word_chunks.push((words, i));
            }
            if p.sentence_count() > 0 {
                sentences += p.sentence_count();
                m.sentence_chunks.push((sentences, i));
            }
            m.syllables += p.syllables;
            m.you_words += p.you_words;
            m.we_words += p.we_words;
            m.english_words += p.english;
            m.questions += p.questions;
            if let Some(l) = p.longest {
                let words = p.sentence(l).words;
                if m.longest
                    .is_none_or(|(a, b)| parts[a].sentence(b).words < words)
                {
                    m.longest = Some((i, l));
                }
            }
        }
        m.parts = parts;
        m
    }

    /// Whether any part was measured.
    pub fn is_present(&self) -> bool {
        !self.parts.is_empty()
    }

    /// Every word, as byte spans of the view, in order.
    pub fn word_spans(&self) -> Seq<'_, Range<usize>> {
        Seq {
            parts: &self.parts,
            chunks: &self.word_chunks,
            item: PhantomData,
        }
    }

    /// Every sentence, in order.
    pub fn sentence_list(&self) -> Seq<'_, Sentence> {
        Seq {
            parts: &self.parts,
            chunks: &self.sentence_chunks,
            item: PhantomData,
        }
    }

    /// Words.
    pub fn words(&self) -> usize {
        self.word_chunks.last().map_or(0, |c| c.0)
    }

    /// Sentences.
    pub fn sentences(&self) -> usize {
        self.sentence_chunks.last().map_or(0, |c| c.0)
    }

    /// Sentences that end with `?`.
    pub fn questions(&self) -> usize {
        self.questions
    }

    /// The longest sentence, if any: the first of the longest, so the result does not depend
    /// on ties.
    pub fn longest_sentence(&self) -> Option<Sentence> {
        self.longest.map(|(p, s)| self.parts[p].sentence(s))
    }

    /// Flesch–Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word −
    /// 15.59, not below 0. `None` under [`GRADE_MIN_WORDS`] words, and for a text that is not
    /// English (fewer than one word in [`GRADE_ENGLISH_ONE_IN`] among its commonest).
    pub fn grade(&self) -> Option<f64> {
        let (w, s) = (self.words() as f64, self.sentences() as f64);
        if self.words() < GRADE_MIN_WORDS
            || s == 0.0
            || self.english_words * GRADE_ENGLISH_ONE_IN < self.words()
        {
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

/// The words or the sentences of a scope: a sequence over the lists of its parts, with
/// random access and binary search like a slice.
#[derive(Clone, Copy)]
pub struct Seq<'a, T> {
    parts: &'a [Rc<Part>],
    chunks: &'a [(usize, usize)],
    item: PhantomData<T>,
}

/// What a [`Seq`] lists: the words or the sentences of a part.
pub trait Item<'a>: Sized {
    /// The `i`th of `part`.
    fn at(part: &'a Part, i: usize) -> Self;
}

impl<'a> Item<'a> for Range<usize> {
    fn at(part: &'a Part, i: usize) -> Self {
        part.word(i)
    }
}

impl<'a> Item<'a> for Sentence {
    fn at(part: &'a Part, i: usize) -> Self {
        part.sentence(i)
    }
}

/// The first index in `0..n` where `pred` is false (`pred` true then false), like
/// `slice::partition_point`.
fn partition(n: usize, mut pred: impl FnMut(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

impl<'a, T: Item<'a>> Seq<'a, T> {
    /// How many.
    pub fn len(&self) -> usize {
        self.chunks.last().map_or(0, |c| c.0)
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.chunks.is_empty()
    }

    /// Chunk `c`: where it starts in the sequence, its part and its length.
    fn chunk(&self, c: usize) -> (usize, &'a Part, usize) {
        let start = if c == 0 { 0 } else { self.chunks[c - 1].0 };
        let (end, p) = self.chunks[c];
        (start, &self.parts[p], end - start)
    }

    /// The `i`th item, if there is one.
    pub fn get(&self, i: usize) -> Option<T> {
        let c = self.chunks.partition_point(|&(end, _)| end <= i);
        if c == self.chunks.len() {
            return None;
        }
        let (start, part, _) = self.chunk(c);
        Some(T::at(part, i - start))
    }

    /// The index of the first item for which `pred` is false, `pred` being true for the
    /// items before it and false after, like `slice::partition_point`.
    pub fn partition_point(&self, mut pred: impl FnMut(&T) -> bool) -> usize {
        let c = partition(self.chunks.len(), |c| {
            let (_, part, len) = self.chunk(c);
            pred(&T::at(part, len - 1))
        });
        if c == self.chunks.len() {
            return self.len();
        }
        let (start, part, len) = self.chunk(c);
        start + partition(len, |i| pred(&T::at(part, i)))
    }

    /// The items, in order.
    pub fn iter(&self) -> impl Iterator<Item = T> + 'a
    where
        T: 'a,
    {
        let (parts, chunks) = (self.parts, self.chunks);
        let mut start = 0;
        chunks.iter().flat_map(move |&(end, p)| {
            let part = &parts[p];
            let len = end - start;
            start = end;
            (0..len).map(move |i| T::at(part, i))
        })
    }
}

impl<'a, T: Item<'a> + std::fmt::Debug + 'a> std::fmt::Debug for Seq<'a, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use crate::document::{self, Scope};
    use crate::metrics::Metrics;

    #[test]
    fn a_scope_reads_like_one_list_across_its_parts() {
        let text = "Hi Dana,\n\nOne two. Three?\n\nhttps://acme.com/x\n\nFour five six seven.\n\nCan we talk Tuesday?\n\nBest,\nSam";
        let d = document::read("t", text.as_bytes().to_vec(), document::Format::Text).unwrap();
        let m = Metrics::of(&d, Scope::DEFAULT);
        let words: Vec<_> = m.word_spans().iter().collect();
        let texts: Vec<&str> = words.iter().map(|w| &text[w.clone()]).collect();
        assert_eq!(texts[..4], ["Hi", "Dana", "One", "two"]);
        assert_eq!(words.len(), m.words());
        assert!(!texts.iter().any(|w| w.contains("acme")), "{texts:?}");
        for i in 0..=words.len() {
            assert_eq!(m.word_spans().get(i), words.get(i).cloned());
        }
        for at in (0..text.len()).step_by(3) {
            assert_eq!(
                m.word_spans().partition_point(|w| w.end <= at),
                words.partition_point(|w| w.end <= at),
                "{at}"
            );
        }
        let sentences: Vec<_> = m.sentence_list().iter().collect();
        assert_eq!(sentences.len(), m.sentences());
        assert_eq!(m.questions(), 2);
        assert_eq!(
            m.longest_sentence().map(|s| &text[s.span.clone()]),
            Some("Four five six seven.")
        );
        for at in 0..text.len() {
            assert_eq!(
                m.sentence_list().partition_point(|s| s.span.start <= at),
                sentences.partition_point(|s| s.span.start <= at)
            );
        }
        let none = Metrics::of(&d, Scope::QUOTE);
        assert_eq!(
            (none.word_spans().len(), none.word_spans().get(0)),
            (0, None)
        );
        assert_eq!(none.sentence_list().partition_point(|_| true), 0);
    }
}
