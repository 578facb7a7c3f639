//! `phrase`: the rule fires wherever one of its phrases (or its regex) stands, in its scope,
//! unless the match lies inside one of its `exceptions`.

use std::ops::Range;
use std::sync::Arc;

use super::{Context, Finding, PatternSpec, Rule, RuleMeta};
use crate::error::Result;
use crate::matcher::Hit;
use crate::pack::{PackSource, RuleDef};
use crate::phrase;

/// A rule that fires on phrases or a regex.
#[derive(Debug)]
pub struct PhraseRule {
    meta: Arc<RuleMeta>,
    /// What it matches, then its exceptions' pattern, if it has any.
    patterns: Vec<PatternSpec>,
}

impl PhraseRule {
    /// Compile the rule's phrases (all into one alternation) or its pattern, and its
    /// exceptions (another alternation).
    pub fn new(src: &PackSource, r: &RuleDef, meta: Arc<RuleMeta>) -> Result<Self> {
        super::allow_keys(src, r, "phrase", MATCH_KEYS)?;
        let mut patterns = compile_match(src, r, &meta.id)?;
        patterns.extend(compile_exceptions(src, r, &meta.id)?);
        Ok(PhraseRule { meta, patterns })
    }
}

/// The keys of the kinds that match phrases or a regex, with exceptions: phrase and require.
pub const MATCH_KEYS: &[&str] = &[
    "phrases",
    "pattern",
    "case_sensitive",
    "exceptions",
    "exception_pattern",
];

/// The patterns of a rule's exceptions (matches that are no match of the rule): its
/// `exceptions` phrases, then its `exception_pattern` regex, each if it has it. They come
/// last among the rule's patterns. Shared by the phrase, occurrence, proximity and require kinds.
pub fn compile_exceptions(src: &PackSource, r: &RuleDef, id: &str) -> Result<Vec<PatternSpec>> {
    let case = r.is_case_sensitive();
    let mut patterns = Vec::new();
    if let Some(list) = &r.exceptions {
        let at = list.span().start;
        if list.get_ref().is_empty() {
            return Err(src.error_at(
                at,
                format!(
                    "rule `{id}`: `exceptions` is an empty list: name a phrase or leave it out"
                ),
            ));
        }
        patterns.extend(compile_one(src, at, id, case, &r.exceptions, &None)?);
    }
    if let Some(p) = &r.exception_pattern {
        let at = p.span().start;
        patterns.extend(compile_one(src, at, id, case, &None, &r.exception_pattern)?);
    }
    Ok(patterns)
}

/// Spans whose insides are no match: the matches of a rule's `exceptions` in one check, or
/// the config's accepted terms in one draft ([`crate::accept`]). Whether a span lies inside one
/// is a binary search, so a long draft with many matches of both stays linear.
pub struct Exceptions {
    /// Sorted by start.
    spans: Vec<Range<usize>>,
    /// The furthest end among `spans[..=i]`.
    reach: Vec<usize>,
}

impl Exceptions {
    /// `spans`, sorted by start.
    pub fn new(spans: Vec<Range<usize>>) -> Self {
        let mut far = 0;
        let reach = spans
            .iter()
            .map(|s| {
                far = far.max(s.end);
                far
            })
            .collect();
        Exceptions { spans, reach }
    }

    /// The spans of the hits of the patterns from `index` on among a rule's `hits` (in order
    /// of start): a rule's exceptions are its last patterns.
    pub fn of(hits: &[Hit], index: u32) -> Self {
        Exceptions::new(
            hits.iter()
                .filter(|h| h.pattern >= index)
                .map(|h| h.span.clone())
                .collect(),
        )
    }

    /// Whether `span` lies inside one of them (and so is no match). An empty span (a place,
    /// not text) lies inside none: a span is inside one that starts at or before it exactly
    /// when it ends by the furthest end of those.
    pub fn cover(&self, span: &Range<usize>) -> bool {
        let i = self.spans.partition_point(|s| s.start <= span.start);
        !span.is_empty() && i > 0 && span.end <= self.reach[i - 1]
    }
}

/// Parse one phrase, errors pointing into the TOML string that holds it.
pub fn compile_phrase(
    src: &PackSource,
    id: &str,
    p: &toml::Spanned<String>,
) -> Result<phrase::Phrase> {
    if let Some(built) = super::built_phrases::find(p.get_ref()) {
        return Ok(built);
    }
    refuse_control(src, id, p, "phrase")?;
    // The error points into the phrase: a long one is shown by its start only.
    let text = p.get_ref();
    let shown = || match text.char_indices().nth(60) {
        Some((cut, _)) => format!("{:?}…", &text[..cut]),
        None => format!("{text:?}"),
    };
    // +1 skips the opening quote of the TOML string.
    let phrase = phrase::parse(text).map_err(|e| {
        src.error_at(
            p.span().start + 1 + e.offset,
            format!("rule `{id}`: phrase {}: {}", shown(), e.message),
        )
    })?;
    // Words of invisible characters only (a zero-width space, a soft hyphen) read as
    // nothing: such a phrase would match between any two words. (`build.rs` leaves such a
    // phrase out of the table above, so that it comes here.)
    if phrase
        .literals(true)
        .is_some_and(|l| l.iter().any(|l| l.text.is_empty()))
    {
        return Err(src.error_at(
            p.span().start + 1,
            format!(
                "rule `{id}`: phrase {}: this phrase can match nothing: it has no visible character",
                shown()
            ),
        ));
    }
    Ok(phrase)
}

/// A control character in a phrase or regex is an escape TOML read: in a double-quoted string
/// `"\bpartner\b"` holds two backspaces, not word boundaries, and would silently never match.
fn refuse_control(src: &PackSource, id: &str, p: &toml::Spanned<String>, what: &str) -> Result<()> {
    // Tabs and line breaks are whitespace (a verbose `(?x)` regex spans lines).
    let stray = |c: &char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    let Some(c) = p.get_ref().chars().find(stray) else {
        return Ok(());
    };
    let name = match c {
        '\u{8}' => "a backspace".to_string(),
        '\u{c}' => "a form feed".to_string(),
        c => format!("the control character U+{:04X}", u32::from(c)),
    };
    let hint = if c == '\u{8}' {
        ": in a double-quoted TOML string `\\b` is a backspace, not a word boundary"
    } else {
        ""
    };
    Err(src.error_at(
        p.span().start,
        format!(
            "rule `{id}`: the {what} holds {name}{hint}; write it between single quotes ('\\bword\\b'), where a backslash stays a backslash"
        ),
    ))
}

/// The one pattern of a rule that says what it matches with `phrases` (joined into one
/// alternation) or `pattern` (a regex as is). Shared by the phrase, occurrence and require kinds.
pub fn compile_match(src: &PackSource, r: &RuleDef, id: &str) -> Result<Vec<PatternSpec>> {
    compile_one(
        src,
        r.id.span().start,
        id,
        r.is_case_sensitive(),
        &r.phrases,
        &r.pattern,
    )
}

/// The one pattern of a list of phrases or a regex (exactly one of them); `at` is where to
/// report that neither is given.
pub fn compile_one(
    src: &PackSource,
    at: usize,
    id: &str,
    case_sensitive: bool,
    phrases: &Option<toml::Spanned<Vec<toml::Spanned<String>>>>,
    pattern: &Option<toml::Spanned<String>>,
) -> Result<Vec<PatternSpec>> {
    {
        let err = |offset: usize, msg: String| src.error_at(offset, format!("rule `{id}`: {msg}"));
        let mut patterns = Vec::new();
        match (phrases, pattern) {
            (Some(_), Some(p)) => {
                return Err(err(
                    p.span().start,
                    "give `phrases` or `pattern`, not both".into(),
                ));
            }
            (None, None) => {
                return Err(err(
                    at,
                    "the rule needs `phrases` or `pattern`: say what it matches".into(),
                ));
            }
            (Some(list), None) => {
                if list.get_ref().is_empty() {
                    return Err(err(
                        list.span().start,
                        "`phrases` is empty: list at least one phrase".into(),
                    ));
                }
                // Repeats are dropped by their text (the matcher also merges equal strings).
                // (Sized once: a default rule lists up to some hundred phrases.)
                let mut phrases = Vec::with_capacity(list.get_ref().len());
                let mut seen = foldhash::HashSet::with_capacity_and_hasher(
                    list.get_ref().len(),
                    Default::default(),
                );
                // Every phrase that does not parse is reported, not only the first.
                let mut errors = Vec::new();
                for p in list.get_ref() {
                    match compile_phrase(src, id, p) {
                        Ok(parsed) if seen.insert(p.get_ref().as_str()) => phrases.push(parsed),
                        Ok(_) => {}
                        Err(e) => errors.push(e),
                    }
                }
                if let Some(e) = crate::error::Error::first_of(errors) {
                    return Err(e);
                }
                patterns.push(PatternSpec::Phrases {
                    phrases,
                    case_sensitive,
                });
            }
            (None, Some(p)) => {
                let re = p.get_ref();
                refuse_control(src, id, p, "regex")?;
                let flags = if case_sensitive { "" } else { "(?i)" };
                let source = format!("{flags}(?:{re})");
                // A default pack's regex was parsed, checked and compiled by `build.rs`.
                let hir = if crate::matcher::is_embedded(&source) {
                    None
                } else {
                    // Parsed as written (an error quotes it so), with the rule's case flag:
                    // the tree the matcher compiles.
                    let syntax = regex_automata::util::syntax::Config::new()
                        .case_insensitive(!case_sensitive);
                    let hir =
                        regex_automata::util::syntax::parse_with(re, &syntax).map_err(|e| {
                            let (at, what) = regex_error(&src.text, p.span(), re, &e);
                            // What a Vale or PCRE user reaches for, said the way this pack
                            // says it.
                            let hint = if what.starts_with("look-around") {
                                ": list what must not match in `exceptions` (phrases) or \
                                 `exception_pattern` (a regex): a match inside one is no match"
                            } else if what.starts_with("backreferences") {
                                ": a word written twice in a row is what a `repetition` rule \
                                 with unit = \"word\" finds"
                            } else {
                                ""
                            };
                            err(at, format!("invalid regex: {what}{hint}"))
                        })?;
                    if hir.properties().minimum_len() == Some(0) {
                        return Err(err(
                            p.span().start,
                            "pattern can match empty text: it must match at least one character"
                                .into(),
                        ));
                    }
                    Some(Arc::new(hir))
                };
                patterns.push(PatternSpec::Regex(super::RegexSpec { source, hir }));
            }
        }
        Ok(patterns)
    }
}

/// Where in the pack a regex error stands, and what it is: at the character at fault when the
/// pattern is written as it reads (between single quotes, or double quotes without escapes),
/// else at the string, with the character's place in the pattern.
fn regex_error(
    text: &str,
    span: std::ops::Range<usize>,
    re: &str,
    e: &regex_syntax::Error,
) -> (usize, String) {
    let (at, what) = match e {
        regex_syntax::Error::Parse(x) => (x.span().start.offset, x.kind().to_string()),
        regex_syntax::Error::Translate(x) => (x.span().start.offset, x.kind().to_string()),
        _ => return (span.start, one_line(&e.to_string())),
    };
    let written = text.get(span.clone()).unwrap_or("");
    if written.len() == re.len() + 2 && written.get(1..written.len() - 1) == Some(re) {
        (span.start + 1 + at, what)
    } else {
        let nth = re.get(..at).map_or(1, |s| s.chars().count() + 1);
        (
            span.start,
            format!("{what} (at character {nth} of the pattern)"),
        )
    }
}

fn one_line(s: &str) -> String {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Rule for PhraseRule {
    fn meta(&self) -> &Arc<RuleMeta> {
        &self.meta
    }

    fn patterns(&self) -> &[PatternSpec] {
        &self.patterns
    }

    fn check(&self, cx: &Context<'_>, hits: &[Hit], out: &mut Vec<Finding>) {
        // Pattern 0 is what the rule matches, the patterns after it its exceptions.
        let exceptions = Exceptions::of(hits, 1);
        for h in hits.iter().filter(|h| h.pattern == 0) {
            if !exceptions.cover(&h.span) && cx.counts(&h.span) {
                out.push(cx.finding(h.span.clone(), None));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Exceptions;

    #[test]
    fn inside_means_wholly_inside_one_span() {
        let spans = Exceptions::new(vec![2..10, 4..6, 20..30]);
        for inside in [2..10, 3..9, 4..6, 20..21, 25..30] {
            assert!(spans.cover(&inside), "{inside:?}");
        }
        // Overlapping a span, or two spans, or none, or an empty place.
        for out in [0..3, 9..11, 8..22, 10..20, 30..31, 5..5] {
            assert!(!spans.cover(&out), "{out:?}");
        }
        assert!(!Exceptions::new(Vec::new()).cover(&(0..1)));
        // A short span after a long one that holds it.
        assert!(Exceptions::new(vec![0..50, 10..12]).cover(&(30..40)));
    }
}
