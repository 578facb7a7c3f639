//! Finds the parts of a pitch in a lintable view: subject, greeting, opening, body, closing,
//! signoff, signature and quote. Every reader's view goes through here, with what the reader
//! already knows ([`Hints`]: `<blockquote>` and Markdown quote spans, a Markdown title).
//!
//! The view is read line by line, once:
//! 1. quoted text: lines starting with `>` (nested or not) or inside a reader's quote span,
//!    everything below "On … wrote:", "-----Original Message-----" or an Outlook
//!    "From:/Sent:" header, and a trailing block of quoted lines. A draft that is all quote
//!    quotes nothing: it is read as the message;
//! 2. the signature: everything below a "-- " line;
//! 3. a "Subject:" first line (or the reader's title), then a greeting line ("Hi Dana,",
//!    "{{first_name}},"), under a letter's or a proposal's header if there is one (a date, an
//!    address block, "Prepared for…" lines: body);
//! 4. a postscript ("P.S.", "PS:") that starts a paragraph below the greeting: it and all below
//!    it are message text (`body`), even after the sign-off;
//! 5. the sign-off: the last valediction line ("Best,", "Thanks,") and the name under it;
//!    short lines that trail the last paragraph with no sentence ending count as signature;
//! 6. the paragraphs between (split on blank lines, or on sentence ends at line ends when the
//!    draft has no blank line at all): the first is the opening, the last the closing, the rest
//!    the body. A last paragraph that is only a courtesy ("Looking forward to hearing from
//!    you.") is body and `courtesy`, and the paragraph above it (the ask) is the closing; so
//!    are two.

mod cue_patterns;
mod cues;

use std::ops::Range;

use super::{Scope, Segment};
use cues::{
    Line, attribution, ends_sentence, greeting_end, has_blank_between, is_courtesy, is_plain_title,
    is_postscript, is_quote_header, is_signoff, lines, subject_end, trim, words_only_name,
};

/// Where the reply or forward prefix of a "Subject:" line stands ("Re:", "FW:", "AW:",
/// after a gateway's "[EXTERNAL]"), if it has one.
pub fn reply_prefix(line: &str) -> Option<Range<usize>> {
    cues::reply_prefix(line)
}

/// The paragraphs of a header from line `i` (a letter's date and recipient block, a cover
/// block's "Prepared for…" lines) when a greeting line ("Hi Dana,", or a name alone:
/// "Dana,"), or a proposal's first section heading
/// ("## Introduction"), comes right under them: their spans and that line. A header is at
/// most three paragraphs and eight lines, each line of at most ten words with no sentence end,
/// no name line ("Dana,") and each a header's ([`cues::is_header_line`]: a punchy opening in
/// short lines, "We run 40 trucks on I-70", is none).
fn header_blocks(
    text: &str,
    lines: &[Line],
    is_quote: impl Fn(&Line) -> bool,
    headings: &[Range<usize>],
    mut i: usize,
    end: usize,
) -> Option<(Vec<Range<usize>>, usize)> {
    let mut blocks = Vec::new();
    let mut count = 0;
    while i < end && !lines[i].blank && blocks.len() < 3 {
        let first = i;
        while i < end && !lines[i].blank {
            let s = text[lines[i].span.clone()].trim();
            count += 1;
            if count > 8
                || is_quote(&lines[i])
                || greeting_end(s).is_some()
                || words_only_name(s)
                || s.ends_with(['.', '?', '!', ':'])
                || s.split_whitespace().count() > 10
                || !cues::is_header_line(s)
            {
                return None;
            }
            i += 1;
        }
        blocks.push(lines[first].span.start..lines[i - 1].span.end);
        while i < end && lines[i].blank {
            i += 1;
        }
        if i < end
            && !is_quote(&lines[i])
            && (greets(text[lines[i].span.clone()].trim())
                // A proposal's first section heading ("## Introduction") under its cover.
                || holds_heading(headings, &lines[i].span))
        {
            return Some((blocks, i));
        }
    }
    None
}

/// Whether a trimmed line greets: "Hi Dana,", or a name alone, "Dana," (not "Best regards,").
fn greets(line: &str) -> bool {
    greeting_end(line).is_some() || (words_only_name(line) && !is_signoff(line))
}

/// Whether a line holds the start of one of the reader's headings.
fn holds_heading(headings: &[Range<usize>], line: &Range<usize>) -> bool {
    headings
        .iter()
        .any(|h| line.start <= h.start && h.start < line.end)
}

/// Detect the parts of `text`. The returned segments are sorted and do not overlap.
pub fn detect(text: &str) -> Vec<Segment> {
    detect_with(text, &Hints::default())
}

/// What a reader already knows about the parts of its view.
#[derive(Clone, Debug, Default)]
pub struct Hints {
    /// Spans that are quoted text (`<blockquote>` in HTML, `>` blocks in Markdown): a line
    /// that starts inside one is a quote line, as a line starting with `>` is.
    pub quotes: Vec<Range<usize>>,
    /// The draft's title, taken as its subject when it has no `Subject:` line (a Markdown
    /// draft's first heading).
    pub subject: Option<Range<usize>>,
    /// Headings other than the title, sorted (a Markdown draft's `## Details`): a paragraph
    /// that is one is body, neither the opening nor the closing (a proposal that starts with
    /// `## Introduction` opens with the paragraph under it).
    pub headings: Vec<Range<usize>>,
}

/// Detect the parts of `text` with what the reader knows (see [`Hints`]).
pub fn detect_with(text: &str, hints: &Hints) -> Vec<Segment> {
    let quotes = &hints.quotes[..];
    let mut lines = lines(text);
    let mut segs: Vec<Segment> = Vec::new();
    let push = |segs: &mut Vec<Segment>, scope: Scope, span: Range<usize>| {
        let span = trim(text, span);
        if !span.is_empty() {
            segs.push(Segment { scope, span });
        }
    };

    // Lines starting with '>' (or '> >', '>>': nested) are quotes wherever they stand, and so
    // are lines the reader marked as quoted.
    let marked = |l: &Line| {
        let s = &text[l.span.clone()];
        let lead = s.len() - s.trim_start().len();
        s.trim_start().starts_with('>')
            || quotes
                .iter()
                .any(|q| q.start <= l.span.start + lead && l.span.start + lead < q.end)
    };
    // A draft that is all quote quotes nothing: it is the message itself (a pitch kept as a
    // Markdown block quote), not a reply. (An email's Subject header is no text of its own.)
    let subject_line = lines
        .iter()
        .find(|l| !l.blank)
        .filter(|l| subject_end(&text[l.span.clone()]).is_some())
        .map(|l| l.span.start);
    let in_subject = |l: &Line| {
        subject_line == Some(l.span.start)
            || hints
                .subject
                .as_ref()
                .is_some_and(|t| t.start <= l.span.start && l.span.start < t.end.max(t.start + 1))
    };
    let all_quoted = lines.iter().all(|l| l.blank || marked(l) || in_subject(l));
    // Such a draft is read through its `>` marks: a line of only `>` separates paragraphs,
    // and "> Hi Dana," is a greeting.
    if all_quoted {
        for l in &mut lines {
            let s = &text[l.span.clone()];
            let rest = s.trim_start().trim_start_matches(['>', ' ', '\t']);
            if rest.len() < s.len() {
                l.span.start = l.span.end - rest.len();
                l.blank = rest.trim().is_empty();
            }
        }
    }
    let lines = lines;
    // Quote headers over `>` lines with the sender's text below them (a bottom-posted or
    // inline reply): such a header is a quote line like those under it. (Found in order:
    // sorted.)
    let mut inline_headers: Vec<usize> = Vec::new();
    let is_quote = |l: &Line, inline: &[usize]| {
        !all_quoted && (marked(l) || inline.binary_search(&l.span.start).is_ok())
    };

    // 1–2. Where the sender's message ends: a quote header or a "-- " signature marker.
    let mut end = lines.len();
    let mut tail: Vec<(Scope, Range<usize>)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let head = attribution(text, &lines, i, &marked);
        if head > 0 {
            let mut k = i + head;
            while k < lines.len() && lines[k].blank {
                k += 1;
            }
            let quoted = k;
            while k < lines.len() && (lines[k].blank || marked(&lines[k])) {
                k += 1;
            }
            // The sender's text below the quote: any words of their own ("Sure, attached."),
            // before a signature marker or another attribution ("Sent from my iPhone" under a
            // top-posted thread is no reply).
            let mut words = 0;
            for l in &lines[k..] {
                let t = text[l.span.clone()].trim();
                if t == "--" || is_quote_header(t) {
                    break;
                }
                if l.blank || marked(l) || cues::starts_with_ci(t, "sent from my") {
                    continue;
                }
                words += t.split_whitespace().count();
            }
            if !all_quoted && k > quoted && words > 0 {
                inline_headers.extend(lines[i..i + head].iter().map(|h| h.span.start));
                continue;
            }
            end = end.min(i);
            tail.push((Scope::QUOTE, l.span.start..text.len()));
            break;
        }
    }
    let is_quote = |l: &Line| is_quote(l, &inline_headers);
    // A trailing run of quoted lines (a reply quoted below the message) is quote too.
    let mut k = end;
    while k > 0 && (lines[k - 1].blank || is_quote(&lines[k - 1])) {
        k -= 1;
    }
    while k < end && lines[k].blank {
        k += 1;
    }
    if k < end {
        let stop = tail.first().map_or(text.len(), |t| t.1.start);
        tail.insert(0, (Scope::QUOTE, lines[k].span.start..stop));
        end = k;
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

    // 3. Subject and greeting (below any quote the reply starts with: a bottom-posted reply).
    let mut i = 0;
    while i < end && lines[i].blank {
        i += 1;
    }
    // (A quote's first line is no title: "On Mon, … Dana Park" over "<dana@…> wrote:".)
    if i < end && !is_quote(&lines[i]) {
        let l = &lines[i];
        if let Some(label) = subject_end(&text[l.span.clone()]) {
            push(&mut segs, Scope::SUBJECT, l.span.start + label..l.span.end);
            i += 1;
            while i < end && lines[i].blank {
                i += 1;
            }
        } else if let Some(t) = hints
            .subject
            .clone()
            .filter(|t| t.start >= l.span.start && t.start < l.span.end)
        {
            // Without the reply prefix it may start with, as a "Subject:" line's subject.
            let from = t.start + cues::title_prefix_end(&text[t.clone()]);
            push(&mut segs, Scope::SUBJECT, from..t.end);
            while i < end && lines[i].span.start < t.end {
                i += 1;
            }
            while i < end && lines[i].blank {
                i += 1;
            }
        } else if let Some(next) = (hints.subject.is_none())
            .then(|| (i + 1..end).find(|&k| !lines[k].blank))
            .flatten()
            .filter(|&k| {
                let next = &text[lines[k].span.clone()];
                // Right above the text, or over a blank line and then the greeting (a
                // subject written above the email: "Freight Savings", "", "Hi Maria,").
                is_plain_title(&text[l.span.clone()], next)
                    && (k == i + 1 || greeting_end(next).is_some())
            })
        {
            // A plain-text title over the text that follows it ("Vendor Customer
            // Relationships"): the draft's title, as a Markdown `#` title is, and not the
            // start of its first sentence.
            let title = trim(text, l.span.clone());
            let from = title.start + cues::title_prefix_end(&text[title.clone()]);
            push(&mut segs, Scope::SUBJECT, from..title.end);
            i = next;
        }
    }
    let quoted_from = i;
    while i < end && (lines[i].blank || is_quote(&lines[i])) {
        i += 1;
    }
    if i > quoted_from {
        if i < end {
            let last = (quoted_from..i)
                .rev()
                .find(|&k| !lines[k].blank)
                .unwrap_or(quoted_from);
            push(
                &mut segs,
                Scope::QUOTE,
                lines[quoted_from].span.start..lines[last].span.end,
            );
        } else {
            // Nothing but quote: the paragraphs below mark it.
            i = quoted_from;
        }
    }
    // A letter's or a proposal's header above the greeting (a date, the recipient's name and
    // address, "Prepared for Dana Park"): body, neither opening nor closing, so that the
    // greeting under it is found and the opening is the paragraph under the greeting.
    if let Some((blocks, greeting)) = header_blocks(text, &lines, is_quote, &hints.headings, i, end)
    {
        for b in blocks {
            push(&mut segs, Scope::BODY, b);
        }
        i = greeting;
    }
    // A proposal's first section heading with the greeting under it ("## Summary", then "Hi
    // Dana,"): the heading is body, and the greeting under it is the greeting (it was read as
    // the opening, the paragraph under a first heading).
    if i < end
        && !is_quote(&lines[i])
        && holds_heading(&hints.headings, &lines[i].span)
        && let Some(k) = (i + 1..end).find(|&k| !lines[k].blank)
        && greets(text[lines[k].span.clone()].trim())
        && !is_quote(&lines[k])
        && !holds_heading(&hints.headings, &lines[k].span)
    {
        push(&mut segs, Scope::BODY, trim(text, lines[i].span.clone()));
        i = k;
    }
    let mut greeting_rest: Option<Range<usize>> = None;
    if i < end && !is_quote(&lines[i]) {
        let l = &lines[i];
        let s = &text[l.span.clone()];
        if let Some(m_end) = greeting_end(s) {
            // The whole line is the greeting unless what follows it says something: a
            // question ("Hi Sam, can we talk?") or more than a couple of words ("Hi there,
            // good morning!" stays a greeting).
            let rest = s[m_end..].trim();
            if rest.is_empty() || (!rest.contains('?') && rest.split_whitespace().count() <= 2) {
                push(&mut segs, Scope::GREETING, l.span.clone());
            } else {
                // "Hi Dana, I noticed…": the greeting is the part up to the comma.
                push(
                    &mut segs,
                    Scope::GREETING,
                    l.span.start..l.span.start + m_end,
                );
                greeting_rest = Some(l.span.start + m_end..l.span.end);
            }
            i += 1;
        } else if words_only_name(s) && !is_signoff(s) {
            // "Dana," on its own line; not "Best regards," over a name with no message.
            push(&mut segs, Scope::GREETING, l.span.clone());
            i += 1;
        }
    }
    let body_start = i;

    // 4. A postscript that starts a paragraph, or any line below a sign-off: it (and all
    // below it) is message text.
    // Lines `from..end` are message text below the sign-off (a P.S., an afterthought): push
    // them as body, and give the end of what is above them.
    let below = |segs: &mut Vec<Segment>, from: usize, end: usize| {
        let last = (from..end).rev().find(|&k| !lines[k].blank).unwrap_or(from);
        push(
            segs,
            Scope::BODY,
            lines[from].span.start..lines[last].span.end,
        );
        (body_start..from)
            .rev()
            .find(|&k| !lines[k].blank)
            .map_or(body_start, |k| k + 1)
    };
    let first_signoff = (body_start..end).find(|&k| is_signoff(&text[lines[k].span.clone()]));
    // (Right under a line that ends a sentence, too: "Can I send it over?\nPS - …"; a line
    // of a wrapped paragraph does not start a postscript.)
    if let Some(ps) = (body_start + 1..end).find(|&j| {
        is_postscript(&text[lines[j].span.clone()])
            && (lines[j - 1].blank
                || ends_sentence(&text[lines[j - 1].span.clone()])
                || first_signoff.is_some_and(|f| f < j))
            && !is_quote(&lines[j])
    }) {
        end = below(&mut segs, ps, end);
    }

    // 5. Sign-off: the last valediction line before `end`, and the name line under it.
    let valediction = |k: usize| !is_quote(&lines[k]) && is_signoff(&text[lines[k].span.clone()]);
    let mut signoff_idx = (body_start..end).rev().find(|&j| valediction(j));
    // An afterthought under a signed name ("Best,\nSam\n\nThanks again."): a sentence that
    // reads as a valediction, below one that has its name. It is message text, as a P.S. is,
    // and the sign-off is the one above it (else the ask above would be read as no closing).
    if let Some(j) =
        signoff_idx.filter(|&j| text[lines[j].span.clone()].trim().ends_with(['.', '!']))
    {
        let signed = |k: usize| {
            (k + 1..j).find(|&n| !lines[n].blank).is_some_and(|n| {
                let s = text[lines[n].span.clone()].trim();
                s.split_whitespace().count() <= 4 && !s.ends_with(['.', '?', '!']) && !is_signoff(s)
            })
        };
        if let Some(above) = (body_start..j).rev().find(|&k| valediction(k) && signed(k)) {
            end = below(&mut segs, j, end);
            signoff_idx = Some(above);
        }
    }
    let mut body_end = end;
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
        let mut stop = lines[name_end - 1].span.end;
        // A title after the name ("Sam Ortiz, Partner", "Sam Ortiz | VP Sales") is the
        // signature's, as it would be on a line of its own: a job title is no pitch (a new
        // user's, session 50: "Partner" there was priced as partnership talk).
        if name_end == k + 1
            && let Some((name, title)) = cues::title_after_name(&text[lines[k].span.clone()])
        {
            let at = lines[k].span.start;
            stop = at + name;
            push(
                &mut segs,
                Scope::SIGNATURE,
                at + title.start..at + title.end,
            );
        }
        push(&mut segs, Scope::SIGNOFF, start..stop);
        sig_lines.extend(name_end..end);
    } else {
        // No valediction. Something must be left above the signature: the first line of the
        // body, or the text after an inline greeting ("Hi Dana, we cut…").
        let floor = if greeting_rest.is_some() {
            body_start
        } else {
            (body_start..end).find(|&k| !lines[k].blank).unwrap_or(end) + 1
        };
        // A short line without a sentence end: a name, a title, a phone number, or a few of
        // them on one line between separators ("Sam Ortiz | Northline Freight").
        let short = |k: usize| cues::is_short_line(text[lines[k].span.clone()].trim());
        // A mailing footer or legal notice at the end is signature, whatever its length.
        let mut stop = end;
        loop {
            let mut last = stop;
            while last > body_start && lines[last - 1].blank {
                last -= 1;
            }
            let mut first = last;
            while first > body_start && !lines[first - 1].blank {
                first -= 1;
            }
            if first >= last || first < floor {
                break;
            }
            // Under a name: the footer's own first line is a short one (an address line
            // under "Sam"), or the line above the paragraph is.
            let above = (body_start..first).rev().find(|&k| !lines[k].blank);
            let under_name = short(first) || above.is_some_and(short);
            if cues::is_footer(
                &text[lines[first].span.start..lines[last - 1].span.end],
                under_name,
            ) {
                stop = first;
            } else {
                break;
            }
        }
        // Short trailing lines without a sentence end are a signature ("Steve Steinberger",
        // "VP Sales", a phone number). A heading is no signature line: a proposal's contact
        // block under "## Contact" is signature, and the heading over it is body.
        let mut j = stop;
        while j > body_start {
            let l = &lines[j - 1];
            if l.blank {
                j -= 1;
                continue;
            }
            let s = &text[l.span.clone()];
            if short(j - 1)
                && !cues::is_message_field(s)
                && !holds_heading(&hints.headings, &l.span)
                && j > floor
            {
                j -= 1;
            } else {
                break;
            }
        }
        // At most 5 such lines (blank ones counted), or 7 under a name with a way to reach
        // the sender among them (an email address, a phone number, a web address): name,
        // title, company, email, phone, site. (Not "Three ways to start:" over a list of
        // short asks with a phone number under it.)
        // (Asked only of a block of six lines or more.)
        let written = || {
            (j..stop)
                .filter(|&k| !lines[k].blank)
                .map(|k| &text[lines[k].span.clone()])
        };
        let long_signature = || {
            written().count() <= 7
                && written()
                    .next()
                    .is_some_and(|first| cues::is_name(first.trim()))
                && written().any(cues::is_contact_line)
        };
        let from = if j < stop && j >= floor && (stop - j <= 5 || long_signature()) {
            j
        } else {
            stop
        };
        if from < end {
            sig_lines.extend(from..end);
            body_end = from;
        }
    }
    // The signature's lines, less any quoted ones among them (a thread quoted under the
    // sign-off is quote, never the sender's signature).
    let mut run: Option<(Scope, usize, usize)> = None;
    for &k in &sig_lines {
        if lines[k].blank {
            continue;
        }
        let scope = if is_quote(&lines[k]) {
            Scope::QUOTE
        } else {
            Scope::SIGNATURE
        };
        match &mut run {
            Some((s, _, b)) if *s == scope => *b = k,
            _ => {
                if let Some((s, a, b)) = run.take() {
                    push(&mut segs, s, lines[a].span.start..lines[b].span.end);
                }
                run = Some((scope, k, k));
            }
        }
    }
    if let Some((s, a, b)) = run {
        push(&mut segs, s, lines[a].span.start..lines[b].span.end);
    }

    // 6. Paragraphs between greeting and sign-off.
    let mut paras: Vec<(Range<usize>, bool)> = Vec::new(); // (span, is_quote)
    if let Some(r) = greeting_rest.clone()
        && !text[r.clone()].trim().is_empty()
    {
        paras.push((r, false));
    }
    let has_blank = lines[body_start..body_end].iter().any(|l| l.blank);
    let in_heading = |r: &Range<usize>| {
        let i = hints.headings.partition_point(|h| h.start <= r.start);
        i > 0 && r.end <= hints.headings[i - 1].end
    };
    let mut cur: Option<(Range<usize>, bool)> = None;
    for l in &lines[body_start..body_end] {
        if l.blank {
            if let Some(c) = cur.take() {
                paras.push(c);
            }
            continue;
        }
        // A heading is a paragraph of its own, with a blank line under it or not.
        if in_heading(&l.span) {
            paras.extend(cur.take());
            paras.push((l.span.clone(), is_quote(l)));
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
        if !has_blank
            && ends_sentence(&text[l.span.clone()])
            && let Some(c) = cur.take()
        {
            paras.push(c);
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
    // A heading that asks ("## Could we ship one trial load on Tuesday?") may be the ask.
    let heading = |k: usize| {
        in_heading(&paras[k].0) && !text[paras[k].0.clone()].trim_end().ends_with(['?', '？'])
    };
    // The message's paragraphs, headings aside (unless it is nothing but headings).
    let own: Vec<usize> = (0..paras.len()).filter(|&k| !paras[k].1).collect();
    let own: Vec<usize> = match own
        .iter()
        .copied()
        .filter(|&k| !heading(k))
        .collect::<Vec<_>>()
    {
        prose if prose.is_empty() => own,
        prose => prose,
    };
    // A closing courtesy under the ask does not take the closing from it, and a bare tag
    // question under it ("Thoughts?", "Make sense?") shares the closing with it: the ask
    // ("We would love to partner with you on Reno.") is what the tag asks about.
    let tag = |k: usize| {
        const TAGS: [&str; 16] = [
            "thoughts",
            "any thoughts",
            "interested",
            "any interest",
            "make sense",
            "makes sense",
            "does that make sense",
            "sound good",
            "sounds good",
            "worth a chat",
            "worth a look",
            "worth exploring",
            "open to it",
            "fair",
            "agree",
            "yes or no",
        ];
        let t = text[paras[k].0.clone()].trim();
        t.strip_suffix(['?', '？']).is_some_and(|q| {
            let q = q.trim().to_lowercase();
            TAGS.contains(&q.as_str())
        })
    };
    let courtesy = |k: usize| is_courtesy(&text[paras[k].0.clone()]);
    // The closing, and the courtesies under it (body, and `courtesy` too: the close's last
    // words, where "Looking forward to partnering with you." is the ask again).
    let (closing, courtesies): (Vec<usize>, Vec<usize>) = match own[..] {
        // Two courtesies under the ask ("Thanks for your time." then "Looking forward to
        // hearing from you.") leave it the closing as one does.
        [.., ask, one, last] if courtesy(one) && courtesy(last) && !courtesy(ask) => {
            (vec![ask], vec![one, last])
        }
        [.., ask, last] if courtesy(last) => (vec![ask], vec![last]),
        [.., ask, last] if tag(last) => (vec![ask, last], Vec::new()),
        [.., last] => (vec![last], Vec::new()),
        [] => (Vec::new(), Vec::new()),
    };
    for (k, (span, q)) in paras.iter().enumerate() {
        let scope = if *q {
            Scope::QUOTE
        } else {
            let mut s = Scope::NONE;
            if own.first() == Some(&k) {
                s = s.union(Scope::OPENING);
            }
            if closing.contains(&k) {
                s = s.union(Scope::CLOSING);
            }
            if s.is_empty() {
                s = Scope::BODY;
            }
            if courtesies.contains(&k) {
                s = s.union(Scope::COURTESY);
            }
            s
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
        if let Some(last) = out.last()
            && s.span.start < last.span.end
        {
            continue;
        }
        out.push(s);
    }
    out
}

#[cfg(test)]
mod tests;
