//! `repetition`: the draft repeats itself. `unit = "paragraph"`: a paragraph that repeats an
//! earlier one word for word (case and punctuation aside); `unit = "sentence"`: a sentence that
//! repeats an earlier one (sentences of a repeated paragraph are left to the paragraph rule);
//! `unit = "word"`: the same word twice in a row ("the the", not the name "Walla Walla"), fixed
//! by `--fix`. The finding stands on the second copy.

use std::ops::Range;
use std::sync::Arc;

use super::{Context, Finding, Rule, RuleMeta, allow_keys};
use crate::document::Scope;
use crate::error::Result;
use crate::matcher::Hit;
use crate::metrics::Part;
use crate::pack::{PackSource, RuleDef};
use crate::position::LineCounter;

mod key;
mod phrasal;
use key::{Seen, key_of};

/// The lines of first copies, as [`RepetitionRule::line_of`] counts them.
#[derive(Default)]
struct Lines {
    counter: Option<LineCounter>,
    /// The line of each first copy named so far, by its start in the view.
    known: std::collections::HashMap<usize, usize>,
}

/// What is compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Paragraph,
    Sentence,
    Word,
}

/// Doubled words that are often right: "had had", "that that"; in French the reflexive
/// "nous nous", "vous vous"; in German the article before a relative pronoun ("die Frau, die
/// die Zeitung liest"), "das das" and "Sie sie" (you, them); in Dutch "dat dat". `--fix` must
/// not delete them.
const DOUBLES_OK: &[&str] = &[
    "had", "that", "nous", "vous", "die", "das", "der", "den", "dem", "sie", "dat",
];

/// A rule on repeated text.
#[derive(Debug)]
pub struct RepetitionRule {
    meta: Arc<RuleMeta>,
    unit: Unit,
    min_words: usize,
}

impl RepetitionRule {
    /// Check the keys and read the unit.
    pub fn new(src: &PackSource, r: &RuleDef, meta: Arc<RuleMeta>) -> Result<Self> {
        allow_keys(src, r, "repetition", &["unit", "min_words"])?;
        let id = &meta.id;
        let unit = match &r.unit {
            None => {
                return Err(src.error_at(
                    r.id.span().start,
                    format!(
                        "rule `{id}`: a repetition rule needs `unit`: one of paragraph, sentence, word"
                    ),
                ));
            }
            Some(u) => match u.get_ref().as_str() {
                "paragraph" => Unit::Paragraph,
                "sentence" => Unit::Sentence,
                "word" => Unit::Word,
                other => {
                    let near = crate::error::closest(other, ["paragraph", "sentence", "word"])
                        .map(|n| format!(" (did you mean `{n}`?)"))
                        .unwrap_or_default();
                    return Err(src.error_at(
                        u.span().start,
                        format!(
                            "rule `{id}`: unknown unit `{other}`{near}: expected one of paragraph, sentence, word"
                        ),
                    ));
                }
            },
        };
        let min_words = match &r.min_words {
            None => match unit {
                Unit::Paragraph => 8,
                Unit::Sentence => 5,
                Unit::Word => 1,
            },
            Some(n) if unit == Unit::Word => {
                return Err(src.error_at(
                    n.span().start,
                    format!("rule `{id}`: `min_words` does not apply to unit = \"word\""),
                ));
            }
            Some(n) if (1..=1000).contains(n.get_ref()) => *n.get_ref() as usize,
            Some(n) => {
                return Err(src.error_at(
                    n.span().start,
                    format!(
                        "rule `{id}`: min_words {} is out of range: expected 1 to 1000",
                        n.get_ref()
                    ),
                ));
            }
        };
        Ok(RepetitionRule {
            meta,
            unit,
            min_words,
        })
    }
}

/// The repetition key of every paragraph segment of `doc` (`None` for other segments), as
/// [`repeated_paragraphs`] computes them one by one: for a long document, computed on another
/// core while the matcher runs, then given to [`super::Shared::prefilled`].
pub fn paragraph_keys(doc: &crate::document::Document) -> Vec<Option<(u64, usize)>> {
    let text = doc.text();
    doc.segments
        .iter()
        .map(|s| {
            s.scope
                .intersects(Scope::MESSAGE)
                .then(|| key_of(&text[s.span.clone()]))
        })
        .collect()
}

/// The repetition key of every sentence of `parts` (the measures of `doc`'s segments), by
/// where it starts, in order: for a long document, computed on all cores before the rules
/// run, then given to [`super::Shared::prefilled`].
pub fn sentence_keys(doc: &crate::document::Document, parts: &[Part]) -> Vec<(usize, u64)> {
    use rayon::prelude::*;
    let text = doc.text();
    parts
        .par_iter()
        .flat_map_iter(|p| {
            (0..p.sentence_count()).map(move |i| {
                let s = p.sentence(i);
                (s.span.start, key_of(&text[s.span]).0)
            })
        })
        .collect()
}

/// The key of a sentence that holds all its paragraph's words: the paragraph's, which is
/// computed once per document (most of a short draft's sentences are paragraphs of their own,
/// and hashing each twice was 2% of a folder's lint). Only spaces and punctuation may stand
/// beside it in the paragraph: the key is of the words alone.
fn whole_paragraph_key(cx: &Context<'_>, span: &Range<usize>) -> Option<u64> {
    let text = cx.doc.text();
    let segments = &cx.doc.segments;
    let i = segments
        .partition_point(|g| g.span.start <= span.start)
        .checked_sub(1)?;
    let g = &segments[i];
    let no_word = |r: Range<usize>| {
        text.as_bytes()[r]
            .iter()
            .all(|&b| b != b'_' && (b.is_ascii_whitespace() || b.is_ascii_punctuation()))
    };
    (span.end <= g.span.end && no_word(g.span.start..span.start) && no_word(span.end..g.span.end))
        .then(|| {
            cx.shared
                .segment_key(i, segments.len(), || key_of(&text[g.span.clone()]))
                .0
        })
}

/// The paragraphs (opening, body, closing) in `scope` that repeat an earlier one: (copy,
/// original) view spans. Each paragraph's key is computed once per document.
fn repeated_paragraphs(
    cx: &Context<'_>,
    scope: Scope,
    min_words: usize,
) -> Vec<(Range<usize>, Range<usize>)> {
    let paras = Scope::MESSAGE;
    let mut seen = Seen::default();
    let mut out = Vec::new();
    let doc = cx.doc;
    let text = doc.text();
    for (i, s) in doc.segments.iter().enumerate() {
        if !s.scope.intersects(paras) || !s.scope.intersects(scope) {
            continue;
        }
        let (key, n) = cx
            .shared
            .segment_key(i, doc.segments.len(), || key_of(&text[s.span.clone()]));
        if n < min_words {
            continue;
        }
        if let Some(first) = seen.first_copy(text, &s.span, key) {
            out.push((s.span.clone(), first));
        }
    }
    out
}

impl RepetitionRule {
    /// The 1-based line of a view span's start in the source; the line counter is built once
    /// per check, on the first finding. A first copy's line is counted once: a long file's
    /// many copies of one template paragraph all name the line of its first.
    fn line_of(&self, cx: &Context<'_>, lines: &mut Lines, view: &Range<usize>) -> usize {
        if let Some(&line) = lines.known.get(&view.start) {
            return line;
        }
        let at = cx.doc.map.to_source(view.clone()).start;
        let line = lines
            .counter
            .get_or_insert_with(|| LineCounter::new(&cx.doc.source))
            .line(&cx.doc.source, at);
        lines.known.insert(view.start, line);
        line
    }

    fn check_words(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let text = cx.doc.text();
        let m = cx.metrics(self.meta.scope);
        let mut words = m.word_spans().iter();
        let Some(mut a) = words.next() else {
            return;
        };
        for b in words {
            let a = std::mem::replace(&mut a, b.clone());
            // A merge field counts as one word and may span words of its own: such spans can
            // overlap their neighbours, and are no doubled word.
            if b.start < a.end {
                continue;
            }
            let (wa, wb) = (&text[a.clone()], &text[b.clone()]);
            let between = &text[a.end..b.start];
            if !same_lowercase(wa, wb)
                || !between.chars().all(char::is_whitespace)
                || between.contains("\n\n")
                || !wa.chars().all(char::is_alphabetic)
                || DOUBLES_OK.iter().any(|d| same_lowercase(wa, d))
                || phrasal::is_right(text, &a, &b)
                || both_capitalised(wa, wb)
                || in_compound(text, &a, &b)
                || cx.doc.is_masked(&(a.start..b.end))
            {
                continue;
            }
            // The fix keeps the writer's line breaks: across a line end ("the\nthe pallets"),
            // it drops the second copy and the spaces after it ("the\npallets"), unless that
            // copy is alone on its line, which then goes with its line break.
            let rest = &text[b.end..];
            let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
            let next = rest[spaces..].chars().next();
            let (span, fix) =
                if between.contains('\n') && next.is_some_and(|c| !matches!(c, '\n' | '\r')) {
                    (a.start..b.end + spaces, format!("{wa}{between}"))
                } else {
                    (a.start..b.end, wa.to_string())
                };
            let mut f = cx.finding(
                span.clone(),
                Some(format!("\"{wa}\" twice in a row: {}", self.meta.message)),
            );
            cx.set_fix(&mut f, span, vec![fix]);
            out.push(f);
        }
    }
}

/// Whether the first word ends a compound or the second starts one ("add-on on top", "we
/// focus on on-time delivery", "and and/or"): the words are not the same word twice, and a
/// fix that dropped one would change the sentence.
fn in_compound(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    const JOINERS: [char; 4] = ['-', '\u{2010}', '\u{2011}', '/'];
    text[..a.start].ends_with(JOINERS) || text[b.end..].starts_with(JOINERS)
}

/// Whether both words start with a capital letter: a doubled name ("Walla Walla", "Bora
/// Bora") is no typo, where a typo's second copy is lower case ("The the"). "I I" is no
/// name: a fix that put "I" before "I" leaves it.
fn both_capitalised(a: &str, b: &str) -> bool {
    let upper = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    upper(a) && upper(b) && a != "I"
}

/// Whether two words are the same once lower-cased (`str::to_lowercase`), without building
/// the lower-cased copies for ASCII words.
fn same_lowercase(a: &str, b: &str) -> bool {
    // Lower-casing maps an ASCII first letter to an ASCII first letter.
    if let (Some(x), Some(y)) = (a.as_bytes().first(), b.as_bytes().first())
        && x.is_ascii()
        && y.is_ascii()
        && !x.eq_ignore_ascii_case(y)
    {
        return false;
    }
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

impl Rule for RepetitionRule {
    fn meta(&self) -> &Arc<RuleMeta> {
        &self.meta
    }

    fn reads_measures(&self) -> bool {
        true
    }

    fn check(&self, cx: &Context<'_>, _hits: &[Hit], out: &mut Vec<Finding>) {
        let mut lines = Lines::default();
        match self.unit {
            Unit::Word => self.check_words(cx, out),
            Unit::Paragraph => {
                for (copy, first) in repeated_paragraphs(cx, self.meta.scope, self.min_words) {
                    let line = self.line_of(cx, &mut lines, &first);
                    out.push(cx.finding(
                        copy,
                        Some(format!(
                            "this paragraph repeats the one on line {line}: {}",
                            self.meta.message
                        )),
                    ));
                }
            }
            Unit::Sentence => {
                // Sentences of a repeated paragraph are the paragraph rule's finding.
                let copies: Vec<Range<usize>> =
                    repeated_paragraphs(cx, self.meta.scope, self.min_words.max(2))
                        .into_iter()
                        .map(|(c, _)| c)
                        .collect();
                let text = cx.doc.text();
                let m = cx.metrics(self.meta.scope);
                let mut seen = Seen::default();
                for s in m.sentence_list().iter() {
                    if s.words < self.min_words {
                        continue;
                    }
                    let key = cx.shared.sentence_key(s.span.start).unwrap_or_else(|| {
                        whole_paragraph_key(cx, &s.span)
                            .unwrap_or_else(|| key_of(&text[s.span.clone()]).0)
                    });
                    if let Some(first) = seen.first_copy(text, &s.span, key) {
                        // Copies are paragraphs, in order and disjoint: only the last one
                        // that starts before the sentence can hold it.
                        let i = copies.partition_point(|c| c.start <= s.span.start);
                        let inside = i
                            .checked_sub(1)
                            .is_some_and(|i| s.span.end <= copies[i].end);
                        if !inside {
                            let line = self.line_of(cx, &mut lines, &first);
                            out.push(cx.finding(
                                s.span.clone(),
                                Some(format!(
                                    "this sentence repeats one on line {line}: {}",
                                    self.meta.message
                                )),
                            ));
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::tests::{findings, findings_full, pack_error};

    const PARA: &str = "kind = \"repetition\"\nunit = \"paragraph\"\nweight = -10\n";
    const SENT: &str = "kind = \"repetition\"\nunit = \"sentence\"\nweight = -5\n";
    const WORD: &str = "kind = \"repetition\"\nunit = \"word\"\nweight = -3\n";
    const TWICE: &str = "Hi,\n\nWe ship on time to every plant in Ohio and Texas.\n\nMore here.\n\nWe ship on time to every plant in Ohio and Texas!\n\nBest,\nSam";

    #[test]
    fn a_repeated_paragraph_is_flagged_once_on_the_second_copy() {
        let f = findings(PARA, TWICE);
        assert_eq!(f.len(), 1);
        assert!(
            f[0].0
                .starts_with("this paragraph repeats the one on line 3"),
            "{}",
            f[0].0
        );
        // The sentence rule leaves it to the paragraph rule.
        assert!(findings(SENT, TWICE).is_empty());
        assert!(findings(PARA, "Hi,\n\nThanks.\n\nThanks.\n\nBest,\nSam").is_empty());
    }

    #[test]
    fn a_repeated_sentence_inside_different_paragraphs() {
        let t = "Hi,\n\nWe ship on time to every plant. It is cheap.\n\nWe ship on time to every plant. Call me.\n\nBest,\nSam";
        let f = findings(SENT, t);
        assert_eq!(f.len(), 1);
        assert!(f[0].0.contains("line 3"), "{}", f[0].0);
    }

    #[test]
    fn doubled_words_are_fixable() {
        let f = findings_full(
            WORD,
            "We can ship the the parts. I had had enough.\n\nThe\nthe end. Our Walla Walla plant. I I want to.",
        );
        assert_eq!(f.len(), 3, "{f:?}");
        assert_eq!(f[0].fix(), Some("the"));
        assert_eq!(f[2].fix(), Some("I"));
        let e = pack_error("kind = \"repetition\"\nunit = \"line\"\nweight = -1\n");
        assert!(e.contains("unknown unit `line`"), "{e}");
    }
}
