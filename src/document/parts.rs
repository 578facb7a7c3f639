//! Finds the parts of a pitch in a lintable view: subject, greeting, opening, body, closing,
//! signoff, signature and quote.
//!
//! The view is read line by line, once:
//! 1. quoted text: lines starting with `>`, and everything below "On … wrote:" or
//!    "-----Original Message-----";
//! 2. the signature: everything below a "-- " line;
//! 3. a "Subject:" first line, then a greeting line ("Hi Dana,");
//! 4. the sign-off: the last valediction line ("Best,", "Thanks,") and the name under it;
//!    short lines that trail the last paragraph with no sentence ending count as signature;
//! 5. the paragraphs between (split on blank lines, or on sentence ends at line ends when the
//!    draft has no blank line at all): the first is the opening, the last the closing, the rest
//!    the body.

// The `expect`s below are on constant patterns, checked by the tests, not on input.
#![allow(clippy::expect_used)]

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{Scope, Segment};

static GREETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening)|hiya|howdy|yo)\b[^\n]{0,60}?(?:[,!:—–]|$)")
        .expect("greeting regex compiles")
});
static SIGNOFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:best(?: regards| wishes)?|(?:kind|warm|warmest|many|with) (?:regards|thanks)|regards|thanks(?: again| so much| in advance)?|thank you(?: so much)?|many thanks|cheers|sincerely(?: yours)?|yours(?: truly| sincerely)?|talk soon|all the best|warmly|respectfully|speak soon|looking forward|take care|ttyl|rgds|thx)\s*[,.!—–-]*\s*$",
    )
    .expect("signoff regex compiles")
});
static QUOTE_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:on\b.{0,200}\bwrote:\s*$|-{2,}\s*original message\s*-{2,}|-{2,}\s*forwarded message\s*-{2,}|begin forwarded message:)")
        .expect("quote header regex compiles")
});
static SUBJECT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*subject:[ \t]*").expect("subject regex compiles"));

/// One line of the view: its span without the line break.
#[derive(Clone, Debug)]
struct Line {
    span: Range<usize>,
    blank: bool,
}

fn lines(text: &str) -> Vec<Line> {
    // memchr finds the breaks many bytes at a time; counting them first sizes the vector once
    // (a doubling vector of a 100 MB file's lines peaked at 2.5× the file).
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(memchr::memchr2_iter(b'\n', b'\r', b).count() + 1);
    let mut start = 0;
    let mut push = |start: usize, end: usize| {
        out.push(Line {
            span: start..end,
            blank: text[start..end].trim().is_empty(),
        });
    };
    for i in memchr::memchr2_iter(b'\n', b'\r', b) {
        if i < start {
            // The `\n` of a `\r\n` pair, already consumed.
            continue;
        }
        push(start, i);
        start = if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
            i + 2
        } else {
            i + 1
        };
    }
    if start < b.len() {
        push(start, b.len());
    }
    out
}

/// Whether a line ends a sentence (for drafts with no blank lines).
fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end();
    t.ends_with(['.', '?', '!', '”', '"', ':']) || t.ends_with(".)")
}

/// Trim a span to exclude leading and trailing whitespace.
fn trim(text: &str, span: Range<usize>) -> Range<usize> {
    let s = &text[span.clone()];
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

/// Detect the parts of `text`. The returned segments are sorted and do not overlap.
pub fn detect(text: &str) -> Vec<Segment> {
    let lines = lines(text);
    let mut segs: Vec<Segment> = Vec::new();
    let push = |segs: &mut Vec<Segment>, scope: Scope, span: Range<usize>| {
        let span = trim(text, span);
        if !span.is_empty() {
            segs.push(Segment { scope, span });
        }
    };

    // 1–2. Where the sender's message ends: a quote header or a "-- " signature marker.
    let mut end = lines.len();
    let mut tail: Vec<(Scope, Range<usize>)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let s = &text[l.span.clone()];
        if QUOTE_HEADER.is_match(s) {
            end = end.min(i);
            tail.push((Scope::QUOTE, l.span.start..text.len()));
            break;
        }
    }
    for (i, l) in lines[..end].iter().enumerate() {
        let s = &text[l.span.clone()];
        if s == "-- " || s == "--" {
            let stop = tail.first().map_or(text.len(), |t| t.1.start);
            tail.insert(0, (Scope::SIGNATURE, l.span.start..stop));
            end = i;
            break;
        }
    }

    // Lines starting with '>' are quotes wherever they stand.
    let is_quote = |l: &Line| text[l.span.clone()].trim_start().starts_with('>');

    // 3. Subject and greeting.
    let mut i = 0;
    while i < end && lines[i].blank {
        i += 1;
    }
    if i < end {
        let l = &lines[i];
        if let Some(m) = SUBJECT.find(&text[l.span.clone()]) {
            push(
                &mut segs,
                Scope::SUBJECT,
                l.span.start + m.end()..l.span.end,
            );
            i += 1;
            while i < end && lines[i].blank {
                i += 1;
            }
        }
    }
    let mut greeting_rest: Option<Range<usize>> = None;
    if i < end && !is_quote(&lines[i]) {
        let l = &lines[i];
        let s = &text[l.span.clone()];
        if let Some(m) = GREETING.find(s) {
            let words = s.split_whitespace().count();
            if m.end() == s.len() || s.trim_end().len() <= m.end() || words <= 5 {
                push(&mut segs, Scope::GREETING, l.span.clone());
            } else {
                // "Hi Dana, I noticed…": the greeting is the part up to the comma.
                push(
                    &mut segs,
                    Scope::GREETING,
                    l.span.start..l.span.start + m.end(),
                );
                greeting_rest = Some(l.span.start + m.end()..l.span.end);
            }
            i += 1;
        } else if words_only_name(s) {
            push(&mut segs, Scope::GREETING, l.span.clone());
            i += 1;
        }
    }
    let body_start = i;

    // 4. Sign-off: the last valediction line before `end`, and the name line under it.
    let mut body_end = end;
    let mut signoff_idx = None;
    for j in (body_start..end).rev() {
        if SIGNOFF.is_match(&text[lines[j].span.clone()]) {
            signoff_idx = Some(j);
            break;
        }
    }
    let mut sig_lines: Vec<usize> = Vec::new();
    if let Some(j) = signoff_idx {
        body_end = j;
        let mut k = j + 1;
        while k < end && lines[k].blank {
            k += 1;
        }
        let name_end = if k < end && text[lines[k].span.clone()].split_whitespace().count() <= 4 {
            k + 1
        } else {
            j + 1
        };
        let start = lines[j].span.start;
        let stop = lines[name_end - 1].span.end;
        push(&mut segs, Scope::SIGNOFF, start..stop);
        sig_lines.extend(name_end..end);
    } else {
        // No valediction: short trailing lines without a sentence end are a signature
        // ("Steve Steinberger", "VP Sales", a phone number).
        let mut j = end;
        while j > body_start {
            let l = &lines[j - 1];
            let s = text[l.span.clone()].trim();
            if l.blank {
                j -= 1;
                continue;
            }
            if s.split_whitespace().count() <= 4
                && !s.ends_with(['.', '?', '!'])
                && j - 1 > body_start
            {
                j -= 1;
            } else {
                break;
            }
        }
        // Only when something is left above it, and the block is at most 5 lines.
        if j < end && j > body_start && end - j <= 5 {
            sig_lines.extend(j..end);
            body_end = j;
        }
    }
    if let (Some(&a), Some(&b)) = (
        sig_lines.iter().find(|&&k| !lines[k].blank),
        sig_lines.iter().rev().find(|&&k| !lines[k].blank),
    ) {
        push(
            &mut segs,
            Scope::SIGNATURE,
            lines[a].span.start..lines[b].span.end,
        );
    }

    // 5. Paragraphs between greeting and sign-off.
    let mut paras: Vec<(Range<usize>, bool)> = Vec::new(); // (span, is_quote)
    if let Some(r) = greeting_rest.clone() {
        if !text[r.clone()].trim().is_empty() {
            paras.push((r, false));
        }
    }
    let has_blank = lines[body_start..body_end].iter().any(|l| l.blank);
    let mut cur: Option<(Range<usize>, bool)> = None;
    for l in &lines[body_start..body_end] {
        if l.blank {
            if let Some(c) = cur.take() {
                paras.push(c);
            }
            continue;
        }
        let q = is_quote(l);
        match &mut cur {
            Some((span, cq)) if *cq == q => {
                // Greeting-rest continues into following lines of the same paragraph.
                span.end = l.span.end;
            }
            _ => {
                if let Some(c) = cur.take() {
                    paras.push(c);
                }
                cur = Some((l.span.clone(), q));
            }
        }
        if !has_blank && ends_sentence(&text[l.span.clone()]) {
            if let Some(c) = cur.take() {
                paras.push(c);
            }
        }
    }
    if let Some(c) = cur.take() {
        paras.push(c);
    }
    // Merge greeting-rest with the paragraph that continues it.
    if greeting_rest.is_some()
        && paras.len() >= 2
        && !has_blank_between(text, &paras[0].0, &paras[1].0)
    {
        let next = paras.remove(1);
        paras[0].0.end = next.0.end;
    }
    let own: Vec<usize> = (0..paras.len()).filter(|&k| !paras[k].1).collect();
    for (k, (span, q)) in paras.iter().enumerate() {
        let scope = if *q {
            Scope::QUOTE
        } else {
            let mut s = Scope::NONE;
            if own.first() == Some(&k) {
                s = s.union(Scope::OPENING);
            }
            if own.last() == Some(&k) {
                s = s.union(Scope::CLOSING);
            }
            if s.is_empty() { Scope::BODY } else { s }
        };
        push(&mut segs, scope, span.clone());
    }
    for (scope, span) in tail {
        push(&mut segs, scope, span);
    }
    segs.sort_by_key(|s| s.span.start);
    // Guard the invariant (sorted, disjoint) whatever the heuristics above produced.
    let mut out: Vec<Segment> = Vec::with_capacity(segs.len());
    for s in segs {
        if let Some(last) = out.last() {
            if s.span.start < last.span.end {
                continue;
            }
        }
        out.push(s);
    }
    out
}

fn has_blank_between(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    text[a.end..b.start].matches('\n').count() >= 2
}

/// A line that is only a name and a comma ("Dana,").
fn words_only_name(s: &str) -> bool {
    let t = s.trim();
    t.ends_with(',')
        && t.split_whitespace().count() <= 3
        && t.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Vec<(String, &str)> {
        detect(text)
            .into_iter()
            .map(|s| (s.scope.label(), &text[s.span]))
            .collect()
    }

    fn part<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
        parts(text)
            .into_iter()
            .filter(|(s, _)| s == name)
            .map(|(_, t)| t)
            .collect()
    }

    const EMAIL: &str = "Subject: Quick question\n\nHi Dana,\n\nI saw your post.\n\nWe help teams ship.\nIt works.\n\nWould a call on Tuesday work?\n\nBest,\nSam Lee\nVP Sales, Acme\n555-0100\n";

    #[test]
    fn finds_every_part_of_an_email() {
        assert_eq!(part(EMAIL, "subject"), ["Quick question"]);
        assert_eq!(part(EMAIL, "greeting"), ["Hi Dana,"]);
        assert_eq!(part(EMAIL, "opening"), ["I saw your post."]);
        assert_eq!(part(EMAIL, "body"), ["We help teams ship.\nIt works."]);
        assert_eq!(part(EMAIL, "closing"), ["Would a call on Tuesday work?"]);
        assert_eq!(part(EMAIL, "signoff"), ["Best,\nSam Lee"]);
        assert_eq!(part(EMAIL, "signature"), ["VP Sales, Acme\n555-0100"]);
    }

    #[test]
    fn one_paragraph_is_opening_and_closing() {
        assert_eq!(
            part("Will you partner with us?", "opening+closing"),
            ["Will you partner with us?"]
        );
    }

    #[test]
    fn quotes_and_dash_dash_signatures() {
        let t = "Hi,\n\nThanks for the reply.\n\nCan we talk Monday?\n\n-- \nSam\n\nOn Mon, Jan 1, 2024, Dana wrote:\n> We want a partner.\n";
        assert_eq!(part(t, "closing"), ["Can we talk Monday?"]);
        assert_eq!(part(t, "signature"), ["-- \nSam"]);
        assert_eq!(
            part(t, "quote"),
            ["On Mon, Jan 1, 2024, Dana wrote:\n> We want a partner."]
        );
        let t2 = "Hi,\n\nSee below.\n\n> old text\n> more\n\nThoughts?\n";
        assert_eq!(part(t2, "quote"), ["> old text\n> more"]);
        assert_eq!(part(t2, "closing"), ["Thoughts?"]);
    }

    #[test]
    fn crlf_and_greeting_on_the_same_line() {
        let t = "Hi Dana, I noticed your launch.\r\nIt looked great.\r\n\r\nCan we talk?\r\n\r\nThanks,\r\nSam\r\n";
        assert_eq!(part(t, "greeting"), ["Hi Dana,"]);
        assert_eq!(
            part(t, "opening"),
            ["I noticed your launch.\r\nIt looked great."]
        );
        assert_eq!(part(t, "closing"), ["Can we talk?"]);
        assert_eq!(part(t, "signoff"), ["Thanks,\r\nSam"]);
    }

    #[test]
    fn drafts_without_blank_lines_split_on_sentence_ends() {
        let t = "The term partner is\nen vogue now.\nBuyers want quality.\nGive us that opportunity.\nSteve Steinberger\nNo comments:\n";
        assert_eq!(part(t, "opening"), ["The term partner is\nen vogue now."]);
        assert_eq!(part(t, "closing"), ["Give us that opportunity."]);
        assert_eq!(part(t, "signature"), ["Steve Steinberger\nNo comments:"]);
    }

    #[test]
    fn empty_and_whitespace_drafts_have_no_parts() {
        assert!(detect("").is_empty());
        assert!(detect("  \n\n \t\n").is_empty());
    }
}
