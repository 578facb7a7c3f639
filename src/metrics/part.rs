//! The measures of one part (a segment of the view): its words, sentences, syllables and
//! pronouns, computed once per document and shared by every scope that includes the part.

use std::ops::Range;

use super::Sentence;
use super::packed::{NarrowSentence, NarrowSpan, Packed};
use super::sentences::{plain, sentence_bounds};
use super::syllables::syllables;
use super::words::word_bounds;
use crate::document::Document;

/// Word spans of one part.
type Spans = Packed<NarrowSpan>;
/// Sentences of one part.
type Sentences = Packed<NarrowSentence>;

/// The measures of one part.
#[derive(Clone, Debug)]
pub struct Part {
    words: Spans,
    sentences: Sentences,
    /// Syllables in its words (estimated).
    pub syllables: usize,
    /// Its you-words.
    pub you_words: usize,
    /// Its I/we-words.
    pub we_words: usize,
    /// Its words among English's commonest: the you- and I/we-words and "the", "and", "to"…
    /// (see [`is_common_english`]).
    pub english: usize,
    /// Its sentences that end with `?`.
    pub questions: usize,
    /// The index of its first longest sentence.
    pub longest: Option<usize>,
}

/// Whether a quotation is open after `gap`, the text between two words, when `open` said
/// so before it: a `"` or `“` toggles, `„` opens, `”` and a line break (in a part's flattened
/// piece, a paragraph break or a bullet's line) close. A `"` right after a figure opens
/// nothing, it is inches (`a 6" pipe`), but closes an open quotation; `after_figure` says the
/// word before the gap was one.
fn quoted_after(gap: &str, mut open: bool, after_figure: bool) -> bool {
    // Most gaps are a space: no byte of a quote mark or a line break (`“”„` start with 0xE2).
    if !gap.bytes().any(|b| matches!(b, b'"' | b'\n' | 0xE2)) {
        return open;
    }
    for (i, c) in gap.char_indices() {
        match c {
            '\n' | '”' => open = false,
            '„' => open = true,
            // English opens with it, German („…“) closes.
            '“' => open = !open,
            // After a figure, an open quotation's end (`"we need 20 trucks by Q3"`), else
            // inches.
            '"' if open || !(i == 0 && after_figure) => open = !open,
            _ => {}
        }
    }
    open
}

/// A you-word or an I/we-word.
enum Pronoun {
    You,
    We,
}

/// Whether `w` is a you-word or an I/we-word, case and curly apostrophes aside.
fn pronoun(w: &str) -> Option<Pronoun> {
    // The longest pronoun has 10 letters; a curly apostrophe takes 3 bytes.
    let first = w.as_bytes().first().map(u8::to_ascii_lowercase);
    if w.len() > 12 || !matches!(first, Some(b'y' | b'i' | b'm' | b'w' | b'u' | b'o')) {
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
    match &buf[..n] {
        b"you" | b"your" | b"yours" | b"yourself" | b"yourselves" | b"you're" | b"you've"
        | b"you'll" | b"you'd" => Some(Pronoun::You),
        b"i" | b"i'm" | b"i've" | b"i'll" | b"i'd" | b"me" | b"my" | b"mine" | b"myself"
        | b"we" | b"we're" | b"we've" | b"we'll" | b"we'd" | b"us" | b"our" | b"ours"
        | b"ourselves" => Some(Pronoun::We),
        _ => None,
    }
}

/// Whether `w` is one of the commonest English words that no other language a pitch is
/// written in (German, French, Spanish, Italian, Portuguese) spells alike: "the", "and",
/// "to", "of", "for", "that", "with", "this", "are", "can", "is", case aside.
fn is_common_english(w: &str) -> bool {
    let b = w.as_bytes();
    if !(2..=4).contains(&b.len()) {
        return false;
    }
    let mut buf = [0u8; 4];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    matches!(
        &buf[..b.len()],
        b"the"
            | b"and"
            | b"to"
            | b"of"
            | b"for"
            | b"that"
            | b"with"
            | b"this"
            | b"are"
            | b"can"
            | b"is"
    )
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

/// The bytes of the bullet a line starts with (`-`, `*`, `+`, `•`, `–`, `1.`, `2)`, or a
/// table row's `|`), spaces before it included; `None` if it starts with none.
pub fn bullet(line: &str) -> Option<usize> {
    let t = line.trim_start_matches(|c: char| c.is_whitespace() && c != '\n' && c != '\r');
    let lead = line.len() - t.len();
    // A marker is followed by a space (or ends the line), as CommonMark has it: "-based",
    // "+1 555…" and "2.15 per mile" at the start of a wrapped line are words.
    let spaced = |n: usize| {
        t[n..]
            .chars()
            .next()
            .is_none_or(|c| c == ' ' || c == '\t' || c == '\n' || c == '\r')
    };
    if let Some(c) = t
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '*' | '+' | '•' | '–' | '|'))
    {
        return spaced(c.len_utf8()).then_some(lead + c.len_utf8());
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && matches!(t.as_bytes().get(digits), Some(b'.' | b')')) && spaced(digits + 1))
        .then_some(lead + digits + 1)
}

/// How much of a long part is flattened at a time: a piece ends at the first paragraph break
/// past this many bytes, so that a long draft is never copied whole.
const PIECE: usize = 64 << 10;

/// Whether the line that starts at `at` of `part` is blank: spaces at most, up to its line
/// break or the end.
fn line_is_blank(part: &str, at: usize) -> bool {
    part[at..]
        .chars()
        .take_while(|&c| c != '\n' && c != '\r')
        .all(char::is_whitespace)
}

/// The text of a part as measured, from byte `start` (0, or where the previous piece ended)
/// to the first paragraph break at least `max` bytes on, or to the end, pushed to `flat`:
/// the same length, so offsets hold. Its line breaks read as spaces (hard-wrapped lines are
/// one sentence), except a paragraph break (a line break before a blank line) and a line break
/// before a bullet, which stay and end a sentence; a list's bullets are blanked (a list item's
/// "1." is no sentence and no word). Returns where the piece ends.
///
/// A paragraph break ends a sentence whatever comes after it (UAX #29, SB4 and SB11), so the
/// pieces of a part are measured one after the other, each as if alone.
fn flatten(part: &str, start: usize, max: usize, flat: &mut String) -> usize {
    let bytes = part.as_bytes();
    let blank = |flat: &mut String, n: usize| flat.extend(std::iter::repeat_n(' ', n));
    let mut from = start;
    if start == 0
        && let Some(n) = bullet(part)
    {
        blank(flat, n);
        from = n;
    }
    let mut i = from;
    while let Some(k) = memchr::memchr2(b'\n', b'\r', &bytes[i.min(bytes.len())..]) {
        i += k;
        flat.push_str(&part[from..i]);
        // A CRLF is one line break.
        let next = i + 1 + usize::from(bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n'));
        if line_is_blank(part, next) {
            flat.push_str(&part[i..next]);
            from = next;
            if next - start >= max {
                return next;
            }
        } else {
            match bullet(&part[next..]) {
                Some(n) => {
                    flat.push_str(&"\n\n"[..next - i]);
                    blank(flat, n);
                    from = next + n;
                }
                None => {
                    flat.push_str(&"  "[..next - i]);
                    from = next;
                }
            }
        }
        i = from;
    }
    flat.push_str(&part[from.min(part.len())..]);
    part.len()
}

/// Abbreviations after which a full stop ends no sentence ("St. Louis", "Mr. Park", "vs.
/// $2.10", "P.S. We also…"), without their last full stop: a short list of those that rarely
/// end one (CLDR's sentence-break suppressions work the same way). Titles are matched as
/// written ("Ms." is one, "40 ms." is not), the others in any case. "U.S.", "etc.", "Inc." and
/// "a.m." often end a sentence ("we ship across the U.S."), and are not on it.
const TITLES: [&str; 8] = ["Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Mt", "Ft"];
const ABBREVIATIONS: [&str; 8] = ["vs", "approx", "appx", "e.g", "i.e", "p.s", "p.p.s", "dept"];

/// Whether a sentence as UAX #29 ends it stops at an abbreviation's full stop, with no line
/// break after it (a paragraph break, or a bullet's line, ends a sentence whatever comes
/// before: such a sentence ends in its line break, not in the full stop).
fn ends_in_abbreviation(sentence: &str) -> bool {
    let trimmed = sentence.trim_end_matches([' ', '\t', '\u{a0}']);
    let Some(head) = trimmed.strip_suffix('.') else {
        return false;
    };
    let split = |c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '\'');
    let mut words = head.rsplit(split);
    let word = words.next().unwrap_or("");
    if TITLES.contains(&word) {
        // A street's "St." follows its name or number ("on Main St.", "5th St."), and may
        // end a sentence; "in St. Louis" and a sentence's first "St." are the saint's.
        let before = words.find(|w| !w.is_empty());
        return word != "St" || before.is_none_or(|w| w.starts_with(char::is_lowercase));
    }
    ABBREVIATIONS.iter().any(|a| word.eq_ignore_ascii_case(a))
}

/// Words after whose full stop a figure goes on the same sentence ("No. 9", "Fig. 3", "Jan.
/// 5", "pp. 12", and, from a review, "Acme Inc. 9 times a week", "Wed. 5pm", "Qty. 40",
/// "Ex. 4", "Hwy. 9", "Bldg. 4", "Nr. 5", "ii. 30 pallets"): they are matched in any case, and
/// so is any word ending in "str" (German streets, "Hauptstr. 5").
const BEFORE_FIGURES: [&str; 77] = [
    "no", "nos", "vol", "vols", "pp", "fig", "figs", "ch", "sec", "art", "para", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ext", "tel", "rm",
    "ste", "apt", "ca", "ref", "inc", "co", "corp", "ltd", "llc", "bros", "mon", "tue", "tues",
    "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "cat", "qty", "ex", "exh", "max", "min",
    "hwy", "rte", "rd", "ave", "blvd", "bldg", "fl", "mob", "ph", "fax", "cell", "est", "nr", "ii",
    "iii", "iv", "ct", "supp", "stat", "rev", "ver", "pt", "pg", "hr", "hrs",
];

/// Where a sentence that starts with a figure begins inside `sentence`, if it does: after a
/// full stop (and any closing quotes) and spaces, a digit. UAX #29 runs a full stop on into
/// whatever follows it up to a lower-case letter ("… Lu & Associates. 9 of your 26 staff
/// clicked": one sentence of 37 words), which keeps "e.g. 5 pallets" whole; here the full stop
/// ends the sentence when the word before it is two letters or more and no abbreviation (not
/// "No. 9", "approx. 40", "U.S. 9").
fn figure_start(sentence: &str) -> Option<usize> {
    let bytes = sentence.as_bytes();
    let mut from = 0;
    while let Some(dot) = memchr::memchr(b'.', &bytes[from..]).map(|i| from + i) {
        from = dot + 1;
        let rest = &sentence[dot + 1..];
        let closed = rest.trim_start_matches(['"', '\'', ')', ']', '”', '’']);
        let spaced = closed.trim_start_matches([' ', '\t', '\u{a0}']);
        if spaced.len() == closed.len() || !spaced.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let word = sentence[..dot]
            .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '\''))
            .next()
            .unwrap_or("");
        if word.chars().nth(1).is_some()
            && word.chars().all(char::is_alphabetic)
            && !BEFORE_FIGURES.iter().any(|a| word.eq_ignore_ascii_case(a))
            && !word.to_ascii_lowercase().ends_with("str")
            && !TITLES.contains(&word)
            && !ABBREVIATIONS.iter().any(|a| word.eq_ignore_ascii_case(a))
        {
            return Some(sentence.len() - spaced.len());
        }
    }
    None
}

/// The sentences of a piece ([`sentence_bounds`]), with none ending at an abbreviation, and
/// one that starts with a figure on its own ([`figure_start`]).
fn sentences_of(piece: &str, plain: bool) -> impl Iterator<Item = (usize, &str)> {
    let mut bounds = sentence_bounds(piece, plain);
    // The rest of a sentence that a figure split, still to give.
    let mut pending: Option<(usize, usize)> = None;
    std::iter::from_fn(move || {
        let (at, mut end) = match pending.take() {
            Some(rest) => rest,
            None => {
                let (at, s) = bounds.next()?;
                let mut end = at + s.len();
                while ends_in_abbreviation(&piece[at..end]) {
                    match bounds.next() {
                        Some((next, t)) => end = next + t.len(),
                        None => break,
                    }
                }
                (at, end)
            }
        };
        if let Some(k) = figure_start(&piece[at..end]) {
            pending = Some((at + k, end));
            end = at + k;
        }
        Some((at, &piece[at..end]))
    })
}

/// Lists reused from part to part while measuring, so that each part's lists are allocated
/// once, at their size.
#[derive(Debug, Default)]
pub struct Scratch {
    words: Spans,
    sentences: Sentences,
    /// A piece of a part as measured (see [`flatten`]).
    flat: String,
}

impl Part {
    /// Measure the part of `doc` at `span` (a segment's span of the view).
    pub fn measure(doc: &Document, span: Range<usize>, scratch: &mut Scratch) -> Part {
        let text = doc.text();
        let words_list = &mut scratch.words;
        let wide = u32::try_from(text.len()).is_err();
        words_list.reset(wide);
        let sentences = &mut scratch.sentences;
        sentences.reset(wide);
        let flat = &mut scratch.flat;
        let mut longest_words = 0;
        let mut m = Part {
            words: Spans::default(),
            sentences: Sentences::default(),
            syllables: 0,
            you_words: 0,
            we_words: 0,
            english: 0,
            questions: 0,
            longest: None,
        };
        let mut placeholders = Cursor::new(&doc.placeholders, span.start);
        let mut accepted = Cursor::new(&doc.accepted, span.start);
        let mut masked = Cursor::new(&doc.masked, span.start);
        let part = &text[span.clone()];
        let whole =
            bullet(part).is_none() && memchr::memchr2(b'\n', b'\r', part.as_bytes()).is_none();
        let mut piece_start = 0;
        // Whether the words are inside a quotation: a buyer quoted ("you told me, \"we keep
        // getting burned\"") says "we" of the buyer, which is no I/we-word of the writer's.
        let mut quoted = false;
        while piece_start < part.len() {
            // A part of one line is measured as it is; others a piece at a time.
            let (piece, end) = if whole {
                (part, part.len())
            } else {
                flat.clear();
                let end = flatten(part, piece_start, PIECE, flat);
                (flat.as_str(), end)
            };
            let base = span.start + piece_start;
            piece_start = end;
            let plain = plain(piece);
            for (at, s) in sentences_of(piece, plain) {
                let from_first = s.trim_start();
                if from_first.is_empty() {
                    continue;
                }
                let trimmed = from_first.trim_end();
                let lead = s.len() - from_first.len();
                let start = base + at + lead;
                let mut words = 0;
                // A merge field is one word ("[Company Name]"), and so is an accepted term
                // ("Partners HealthCare", whose "Partners" is no I/we word); other masked text is
                // not prose.
                let mut last_placeholder: Option<&Range<usize>> = None;
                // The end of the word before (in `s`), and whether it was a figure.
                let mut prev = (0, false);
                for (wat, w) in word_bounds(s, plain) {
                    quoted = quoted_after(&s[prev.0..wat], quoted, prev.1);
                    prev = (wat + w.len(), w.ends_with(|c: char| c.is_ascii_digit()));
                    let ws = base + at + wat;
                    let wspan = ws..ws + w.len();
                    let one_word = placeholders
                        .overlapping(&wspan)
                        .or_else(|| accepted.overlapping(&wspan));
                    if let Some(p) = one_word {
                        if last_placeholder == Some(p) {
                            continue;
                        }
                        last_placeholder = Some(p);
                        words += 1;
                        words_list.push(p.clone());
                        m.syllables += 1;
                        continue;
                    }
                    if masked.overlapping(&wspan).is_some() {
                        continue;
                    }
                    words += 1;
                    words_list.push(wspan);
                    m.syllables += syllables(w);
                    match pronoun(w) {
                        Some(_) if quoted => {}
                        Some(Pronoun::You) => m.you_words += 1,
                        Some(Pronoun::We) if w != "US" => m.we_words += 1,
                        Some(Pronoun::We) => {}
                        None if is_common_english(w) => {}
                        None => continue,
                    }
                    m.english += 1;
                }
                quoted = quoted_after(&s[prev.0..], quoted, prev.1);
                if words == 0 {
                    continue;
                }
                // Also "?!", the interrobang and the full-width (Chinese, Japanese), Arabic and
                // Greek question marks.
                let question = trimmed
                    .trim_end_matches(['"', '”', '“', '»', '」', '\'', '’', ')', '!'])
                    .ends_with(['?', '？', '؟', '\u{37e}', '‽', '⁇', '⁈', '⁉']);
                m.questions += usize::from(question);
                // The first of the longest, so the result does not depend on ties.
                if m.longest.is_none() || longest_words < words {
                    m.longest = Some(sentences.len());
                    longest_words = words;
                }
                sentences.push(Sentence {
                    span: start..start + trimmed.len(),
                    words,
                    question,
                });
            }
        }
        m.words = words_list.take_exact();
        m.sentences = sentences.take_exact();
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

    /// Its sentences.
    pub fn sentence_count(&self) -> usize {
        self.sentences.len()
    }

    /// Its `i`th sentence. Panics when out of range.
    pub fn sentence(&self, i: usize) -> Sentence {
        self.sentences.get(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A part flattened a piece at a time, pieces of at least `max` bytes; and the piece ends.
    fn flat_in(part: &str, max: usize) -> (String, Vec<usize>) {
        let (mut flat, mut ends) = (String::new(), Vec::new());
        let mut at = 0;
        while at < part.len() {
            at = flatten(part, at, max, &mut flat);
            ends.push(at);
        }
        (flat, ends)
    }

    fn flat(part: &str) -> String {
        flat_in(part, PIECE).0
    }

    #[test]
    fn line_breaks_are_spaces_but_not_before_bullets() {
        // Bullets are blanked, byte for byte.
        assert_eq!(flat("a\nb\r\n- c\n2. d\n12x"), "a b\n\n  c\n   d 12x");
        assert_eq!(
            flat("a\n  • b\n\u{2003}3) c\n3 d.\n.e\n– f\n*"),
            "a\n      b\n      c 3 d. .e\n    f\n "
        );
        assert_eq!(flat("1. a\n2) b"), "   a\n   b");
        // A marker is followed by a space: these wrapped lines go on their sentence.
        assert_eq!(
            flat("call\n+1 555\nor\n-based\nat\n2.15 a mile"),
            "call +1 555 or -based at 2.15 a mile"
        );
    }

    #[test]
    fn a_paragraph_break_stays_and_may_end_a_piece() {
        // The line break before a blank line stays (it ends a sentence); the blank line's own
        // reads as a space, as any other.
        assert_eq!(flat("We ship\n\nacross Ohio"), "We ship\n across Ohio");
        assert_eq!(flat("a\r\n \t\r\nb\n\n"), "a\r\n \t  b\n\n");
        assert_eq!(flat("a\n\n- b"), "a\n\n  b");
        // Pieces end only after a paragraph break, once long enough.
        let text = "One two.\nthree\n\nFour\n\n\n- five\nsix\n\nseven";
        assert_eq!(flat_in(text, 1).1, [15, 21, 22, 34, text.len()]);
        assert_eq!(flat_in(text, 20).1, [21, text.len()]);
        for max in [0, 1, 2, 7, 20, 1000] {
            assert_eq!(flat_in(text, max).0, flat(text), "{max}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// Flattened a piece at a time or whole, a part reads the same, and each piece but the
        /// last ends after a line break that stays a line break (a sentence ends there).
        #[test]
        fn pieces_flatten_as_the_whole(
            text in "([ab.?\\- 1]|\n|\r|\r\n|  \n|•|\u{2003}){0,60}",
            max in 0usize..30,
        ) {
            let whole = flat(&text);
            let (pieces, ends) = flat_in(&text, max);
            proptest::prop_assert_eq!(&pieces, &whole);
            proptest::prop_assert_eq!(pieces.len(), text.len());
            for &e in &ends[..ends.len().saturating_sub(1)] {
                proptest::prop_assert!(matches!(whole.as_bytes()[e - 1], b'\n' | b'\r'), "{e}");
            }
        }
    }

    /// The sentences of `t`, trimmed.
    fn texts(t: &str) -> Vec<&str> {
        sentences_of(t, plain(t)).map(|(_, s)| s.trim()).collect()
    }

    #[test]
    fn a_full_stop_after_a_common_abbreviation_ends_no_sentence() {
        assert_eq!(
            texts(
                "We ship to St. Louis daily. Ask Mr. Park, e.g. on Monday. Rates are $2.40 vs. $2.10."
            ),
            [
                "We ship to St. Louis daily.",
                "Ask Mr. Park, e.g. on Monday.",
                "Rates are $2.40 vs. $2.10."
            ]
        );
        assert_eq!(
            texts("P.S. We also run reefer lanes. (Approx. 40 a week.)"),
            ["P.S. We also run reefer lanes.", "(Approx. 40 a week.)"]
        );
        // Not an abbreviation on the list, a line break after it, or the end: the sentence ends.
        assert_eq!(
            texts("We ship across the U.S. Call me. Ship to St.\nLouis"),
            [
                "We ship across the U.S.",
                "Call me.",
                "Ship to St.",
                "Louis"
            ]
        );
        assert_eq!(texts("Ask Dr."), ["Ask Dr."]);
        // Milliseconds are no Ms., and a street's St. may end a sentence.
        assert_eq!(
            texts("It took 900 ms. Ours took 40 ms. We are on 5th St. Call me. St. Paul too."),
            [
                "It took 900 ms.",
                "Ours took 40 ms.",
                "We are on 5th St.",
                "Call me.",
                "St. Paul too."
            ]
        );
        assert_eq!(texts("Dear Ms. Park, hi."), ["Dear Ms. Park, hi."]);
        // Text other than plain goes the same way.
        assert_eq!(
            texts("Zürich via St. Gallen. Done."),
            ["Zürich via St. Gallen.", "Done."]
        );
    }

    #[test]
    fn a_sentence_may_start_with_a_figure() {
        // A new user's draft (session 42): UAX #29 alone made these one sentence of 37 words.
        assert_eq!(
            texts(
                "We ran a phishing test for Lu & Associates. 9 of your 26 staff clicked. 3 reported it."
            ),
            [
                "We ran a phishing test for Lu & Associates.",
                "9 of your 26 staff clicked.",
                "3 reported it."
            ]
        );
        assert_eq!(
            texts("We ship 40 loads a week.” 12 of them go to Reno."),
            ["We ship 40 loads a week.”", "12 of them go to Reno."]
        );
        // An abbreviation, an initialism, a decimal and a figure before the full stop keep it.
        for t in [
            "See Fig. 3 for the lanes.",
            "Ship to No. 9 dock, approx. 40 pallets.",
            "We ship across the U.S. 9 days a week.",
            "It costs $2.40 a mile.",
            "Dock 9. 5 trucks wait there.",
            "Ask Dr. 5 times.",
            "We start Jan. 5 in Reno.",
            "We haul for Acme Inc. 9 times a week.",
            "Pick up Wed. 5pm or Thu. 7am at your dock.",
            "Attached as Ex. 4 to the draft, max. 20 pallets.",
            "Lieferung an Hauptstr. 5 in Halle.",
        ] {
            assert_eq!(texts(t), [t], "{t}");
        }
        // Other text goes the same way.
        assert_eq!(
            texts("Wir liefern nach Zürich. 9 von 10 Paletten."),
            ["Wir liefern nach Zürich.", "9 von 10 Paletten."]
        );
    }

    #[test]
    fn pronouns_are_told_case_and_curly_apostrophes_aside() {
        let kind = |w| match pronoun(w) {
            Some(Pronoun::You) => "you",
            Some(Pronoun::We) => "we",
            None => "-",
        };
        for (w, k) in [
            ("You’re", "you"),
            ("YOURSELVES", "you"),
            ("you'd", "you"),
            ("I", "we"),
            ("i’ve", "we"),
            ("Ourselves", "we"),
            ("US", "we"),
            ("mine", "we"),
            ("yo", "-"),
            ("USA", "-"),
            ("ours’s", "-"),
            ("", "-"),
            ("Ünser", "-"),
        ] {
            assert_eq!(kind(w), k, "{w}");
        }
    }
}
