//! The measures of one part (a segment of the view): its words, sentences, syllables and
//! pronouns, computed once per document and shared by every scope that includes the part.

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::Sentence;
use super::syllables::syllables;
use crate::document::Document;

/// Word spans of one part, four bytes an offset while the view allows it.
#[derive(Clone, Debug)]
enum Spans {
    Narrow(Vec<[u32; 2]>),
    Wide(Vec<Range<usize>>),
}

impl Spans {
    fn new(wide: bool) -> Self {
        if wide {
            Spans::Wide(Vec::new())
        } else {
            Spans::Narrow(Vec::new())
        }
    }

    fn push(&mut self, r: Range<usize>) {
        match self {
            Spans::Wide(v) => v.push(r),
            Spans::Narrow(v) => match (u32::try_from(r.start), u32::try_from(r.end)) {
                (Ok(a), Ok(b)) => v.push([a, b]),
                // Not reached: a narrow list is only made for views that fit in u32.
                _ => {
                    let mut wide: Vec<Range<usize>> =
                        v.iter().map(|&[a, b]| a as usize..b as usize).collect();
                    wide.push(r);
                    *self = Spans::Wide(wide);
                }
            },
        }
    }

    fn len(&self) -> usize {
        match self {
            Spans::Narrow(v) => v.len(),
            Spans::Wide(v) => v.len(),
        }
    }

    fn get(&self, i: usize) -> Range<usize> {
        match self {
            Spans::Narrow(v) => {
                let [a, b] = v[i];
                a as usize..b as usize
            }
            Spans::Wide(v) => v[i].clone(),
        }
    }

    fn shrink(&mut self) {
        match self {
            Spans::Narrow(v) => v.shrink_to_fit(),
            Spans::Wide(v) => v.shrink_to_fit(),
        }
    }
}

/// The measures of one part.
#[derive(Clone, Debug)]
pub struct Part {
    words: Spans,
    /// Its sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Syllables in its words (estimated).
    pub syllables: usize,
    /// Its you-words.
    pub you_words: usize,
    /// Its I/we-words.
    pub we_words: usize,
    /// Its sentences that end with `?`.
    pub questions: usize,
    /// The index of its first longest sentence.
    pub longest: Option<usize>,
}

/// A you-word or an I/we-word.
enum Pronoun {
    You,
    We,
}

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

/// Whether `w` is a you-word or an I/we-word, case and curly apostrophes aside.
fn pronoun(w: &str) -> Option<Pronoun> {
    // The longest pronoun has 10 letters; a curly apostrophe takes 3 bytes.
    if w.len() > 12 {
        return None;
    }
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

/// A cursor over sorted, disjoint spans, for words that come in order: the span that
/// overlaps a word, found without a search per word.
struct Cursor<'a> {
    spans: &'a [Range<usize>],
    i: usize,
}

impl<'a> Cursor<'a> {
    fn new(spans: &'a [Range<usize>], from: usize) -> Self {
        let i = spans.partition_point(|p| p.end <= from);
        Cursor { spans, i }
    }

    /// The span overlapping `w`; words must be given in increasing order.
    fn overlapping(&mut self, w: &Range<usize>) -> Option<&'a Range<usize>> {
        while self.spans.get(self.i).is_some_and(|p| p.end <= w.start) {
            self.i += 1;
        }
        self.spans.get(self.i).filter(|p| p.start < w.end)
    }
}

/// The text of a part with its line breaks read as spaces (same length, so offsets hold),
/// except a line break before a bullet, which stays a line break and ends a sentence.
fn flatten(part: &str) -> Cow<'_, str> {
    if !part.bytes().any(|b| b == b'\n' || b == b'\r') {
        return Cow::Borrowed(part);
    }
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
    Cow::Owned(flat)
}

impl Part {
    /// Measure the part of `doc` at `span` (a segment's span of the view).
    pub fn measure(doc: &Document, span: Range<usize>) -> Part {
        let text = doc.text();
        let mut m = Part {
            words: Spans::new(u32::try_from(text.len()).is_err()),
            sentences: Vec::new(),
            syllables: 0,
            you_words: 0,
            we_words: 0,
            questions: 0,
            longest: None,
        };
        let flat = flatten(&text[span.clone()]);
        let mut placeholders = Cursor::new(&doc.placeholders, span.start);
        let mut masked = Cursor::new(&doc.masked, span.start);
        for (at, s) in flat.split_sentence_bound_indices() {
            let trimmed = s.trim();
            if trimmed.is_empty() {
                continue;
            }
            let lead = s.len() - s.trim_start().len();
            let start = span.start + at + lead;
            let mut words = 0;
            // A merge field is one word ("[Company Name]"); other masked text is not prose.
            let mut last_placeholder: Option<&Range<usize>> = None;
            for (wat, w) in s.unicode_word_indices() {
                let ws = span.start + at + wat;
                let wspan = ws..ws + w.len();
                if let Some(p) = placeholders.overlapping(&wspan) {
                    if last_placeholder == Some(p) {
                        continue;
                    }
                    last_placeholder = Some(p);
                    words += 1;
                    m.words.push(p.clone());
                    m.syllables += 1;
                    continue;
                }
                if masked.overlapping(&wspan).is_some() {
                    continue;
                }
                words += 1;
                m.words.push(wspan);
                m.syllables += syllables(w);
                match pronoun(w) {
                    Some(Pronoun::You) => m.you_words += 1,
                    Some(Pronoun::We) if w != "US" => m.we_words += 1,
                    _ => {}
                }
            }
            if words == 0 {
                continue;
            }
            let question = trimmed
                .trim_end_matches(['"', '”', '\'', '’', ')'])
                .ends_with('?');
            m.questions += usize::from(question);
            // The first of the longest, so the result does not depend on ties.
            if m.longest.is_none_or(|l| m.sentences[l].words < words) {
                m.longest = Some(m.sentences.len());
            }
            m.sentences.push(Sentence {
                span: start..start + trimmed.len(),
                words,
                question,
            });
        }
        m.words.shrink();
        m.sentences.shrink_to_fit();
        m
    }

    /// Its words.
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// The byte span of its `i`th word. Panics when out of range.
    pub fn word(&self, i: usize) -> Range<usize> {
        self.words.get(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_are_spaces_but_not_before_bullets() {
        assert!(matches!(flatten("one line"), Cow::Borrowed(_)));
        assert_eq!(flatten("a\nb\r\n- c\n2. d\n12x"), "a b\n\n- c\n2. d 12x");
    }

    #[test]
    fn narrow_spans_widen_when_needed() {
        let mut s = Spans::new(false);
        s.push(1..3);
        s.push(0..usize::MAX);
        assert!(matches!(s, Spans::Wide(_)));
        assert_eq!((s.len(), s.get(0), s.get(1)), (2, 1..3, 0..usize::MAX));
    }
}
