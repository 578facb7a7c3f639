//! Saved emails (.eml, RFC 5322 / MIME), parsed with mail-parser.
//!
//! The view is `Subject: <decoded subject>`, a blank line, then the body: the first
//! text/plain part, or the first text/html part (read as HTML) when there is no plain one.
//! mail-parser decodes quoted-printable and base64 and converts charsets (windows-1252,
//! ISO-8859-1…); attachments are skipped. Positions point into the file as stored:
//! - the subject maps to the Subject header's value (byte for byte when it was not encoded);
//! - each decoded body line maps to the encoded line it came from (for quoted-printable, the
//!   logical line made of soft-broken physical lines), byte for byte when the two are equal;
//!   where the decoder made more or fewer lines than were encoded (a truncated escape), the
//!   lines up to the next line the same on both sides map as a whole to the first of them;
//! - a base64 body maps piece by piece: each 48 decoded bytes (to the next character) to the 64
//!   characters they came from; as a whole to the part's first encoded line when a charset
//!   conversion made the text differ from the decoded bytes.
//!
//! No view text ever maps into a header other than Subject.

use std::ops::Range;

use mail_parser::decoders::quoted_printable::quoted_printable_decode;
use mail_parser::{Encoding, HeaderName, MessageParser, MimeHeaders, PartType};

use super::align;
use super::view::{View, ViewBuilder};
use super::{Chunk, Document, Format, OffsetMap, html, plain};

/// Maps byte offsets of the raw file to offsets of its lossily decoded text (each invalid
/// UTF-8 sequence became the 3 bytes of U+FFFD).
struct Lossy {
    /// (raw start, text start, raw length, text length) of each valid run or invalid sequence.
    runs: Vec<(usize, usize, usize, usize)>,
}

impl Lossy {
    fn new(raw: &[u8]) -> (Lossy, String) {
        let mut runs = Vec::new();
        let mut text = String::with_capacity(raw.len());
        let mut at = 0;
        for chunk in raw.utf8_chunks() {
            let v = chunk.valid();
            runs.push((at, text.len(), v.len(), v.len()));
            text.push_str(v);
            at += v.len();
            let bad = chunk.invalid().len();
            if bad > 0 {
                runs.push((at, text.len(), bad, 3));
                text.push('\u{FFFD}');
                at += bad;
            }
        }
        (Lossy { runs }, text)
    }

    fn offset(&self, raw: usize) -> usize {
        let i = self.runs.partition_point(|r| r.0 <= raw).saturating_sub(1);
        match self.runs.get(i) {
            None => raw,
            Some(&(r, t, rl, tl)) if rl == tl => t + (raw - r).min(rl),
            Some(&(r, t, _, tl)) => t + if raw > r { tl } else { 0 },
        }
    }

    fn range(&self, raw: Range<usize>) -> Range<usize> {
        self.offset(raw.start)..self.offset(raw.end)
    }
}

/// The lines of `raw[range]`: each line's content range and its line break's range.
fn raw_lines(raw: &[u8], range: Range<usize>) -> Vec<(Range<usize>, Range<usize>)> {
    let mut out = Vec::new();
    let mut start = range.start;
    let mut i = range.start;
    while i < range.end {
        if raw[i] == b'\n' {
            let end = if i > start && raw[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            out.push((start..end, end..i + 1));
            start = i + 1;
        }
        i += 1;
    }
    if start < range.end {
        out.push((start..range.end, range.end..range.end));
    }
    out
}

/// Quoted-printable logical lines: physical lines joined where a line ends with a soft
/// break (`=` then optional whitespace).
fn qp_lines(raw: &[u8], range: Range<usize>) -> Vec<(Range<usize>, Range<usize>)> {
    let mut out: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    let mut open: Option<Range<usize>> = None;
    for (line, brk) in raw_lines(raw, range) {
        let body = &raw[line.clone()];
        let trimmed = body.trim_ascii_end();
        let soft = trimmed.last() == Some(&b'=');
        let start = open.take().map_or(line.start, |o| o.start);
        if soft {
            open = Some(start..line.end);
        } else {
            out.push((start..line.end, brk));
        }
    }
    // A soft break at the very end joins nothing: a last line of only `=` decodes to nothing.
    if let Some(o) = open.filter(|o| raw[o.clone()].trim_ascii() != b"=") {
        out.push((o.clone(), o.end..o.end));
    }
    out
}

/// Build a map from the decoded body `text` to the source: a base64 body piece by piece when
/// `same_bytes` (the text is the decoded bytes, no charset converted it; see
/// [`base64_chunks`]), others line for line; where the counts of decoded and encoded lines
/// part (a truncated escape), the lines up to the next line the same on both sides as a
/// whole, to the first of their encoded lines.
fn body_map(
    text: &str,
    raw: &[u8],
    range: Range<usize>,
    encoding: Encoding,
    lossy: &Lossy,
    same_bytes: bool,
) -> OffsetMap {
    if encoding == Encoding::Base64
        && same_bytes
        && let Some(chunks) = base64_chunks(text, raw, range.clone(), lossy)
    {
        return OffsetMap::new(chunks);
    }
    let enc_lines = match encoding {
        Encoding::QuotedPrintable => qp_lines(raw, range.clone()),
        Encoding::None => raw_lines(raw, range.clone()),
        Encoding::Base64 => Vec::new(),
    };
    let dec: Vec<(usize, &str)> = {
        let mut v = Vec::new();
        let mut at = 0;
        for l in text.split_inclusive('\n') {
            v.push((at, l));
            at += l.len();
        }
        v
    };
    // Trailing empty encoded lines (the blank line before a MIME boundary) may be trimmed
    // by the decoder: compare counts without them.
    let mut n_enc = enc_lines.len();
    while n_enc > dec.len() && enc_lines[n_enc - 1].0.is_empty() {
        n_enc -= 1;
    }
    let mut chunks = Vec::new();
    let qp = encoding == Encoding::QuotedPrintable;
    let enc_lines = &enc_lines[..n_enc];
    // Decoded line `d` with encoded line `e`, as the two were paired.
    let pair = |d: usize, e: usize, chunks: &mut Vec<Chunk>| {
        let (at, line) = dec[d];
        let (content, brk) = &enc_lines[e];
        let body = line.trim_end_matches(['\n', '\r']);
        for (dr, r) in align::encoded(&raw[content.clone()], body, qp) {
            chunks.push(Chunk {
                text: at + dr.start..at + dr.end,
                source: lossy.range(content.start + r.start..content.start + r.end),
            });
        }
        if body.len() < line.len() {
            chunks.push(Chunk {
                text: at + body.len()..at + line.len(),
                source: lossy.range(brk.clone()),
            });
        }
    };
    // Decoded lines `d` and encoded lines `e` whose counts differ (an escape the decoder
    // read otherwise, such as a truncated `=3`): their text as a whole to the first of them.
    let whole = |d: Range<usize>, e: Range<usize>, chunks: &mut Vec<Chunk>| {
        // (Called only where there are encoded lines; `e` may be empty, at their end.)
        let first = enc_lines[e.clone()]
            .iter()
            .find(|(l, _)| !l.is_empty())
            .unwrap_or(&enc_lines[e.start.min(enc_lines.len() - 1)])
            .0
            .clone();
        let from = dec[d.start].0;
        let to = dec[d.end - 1].0 + dec[d.end - 1].1.len();
        let source = lossy.range(first.clone());
        // Pieces of equal length map byte for byte: where the gap's text happens to be as
        // long as its encoded line but is other text, it goes in two halves, each shorter
        // than the line, so that a finding in it names the line, not bytes beside it.
        let same_length = to - from == source.len() && to - from > 1;
        if same_length && raw[first] != text.as_bytes()[from..to] {
            // The character boundary nearest the middle, past `from`.
            let mid = (from + 1..to)
                .find(|&m| m >= from + (to - from) / 2 && text.is_char_boundary(m))
                .unwrap_or(to);
            chunks.push(Chunk {
                text: from..mid,
                source: source.clone(),
            });
            if mid < to {
                chunks.push(Chunk {
                    text: mid..to,
                    source,
                });
            }
        } else {
            chunks.push(Chunk {
                text: from..to,
                source,
            });
        }
    };
    if !enc_lines.is_empty() {
        // Lines are paired in order; where the counts part, the two sides meet again at the
        // next line that is the same text in both (a plain line of some length), so one
        // odd escape costs the positions of its own lines only, not of the whole body.
        // A quoted-printable line as decoded on its own (escapes and soft breaks undone, by
        // mail-parser's own decoder), to meet a decoded line that is the same text: most
        // lines of a wrapped or escaped body are not the same bytes encoded. A line it cannot
        // decode (the broken escape) meets nothing.
        let decoded: Vec<Vec<u8>> = if qp && dec.len() != enc_lines.len() {
            enc_lines
                .iter()
                // The decoder drops the spaces before a hard line break (format=flowed lines
                // end in one).
                .map(|(l, _)| {
                    quoted_printable_decode(raw[l.clone()].trim_ascii_end()).unwrap_or_default()
                })
                .collect()
        } else {
            Vec::new()
        };
        let same = |d: usize, e: usize| {
            let line = dec[d].1.trim_end_matches(['\n', '\r']).as_bytes();
            let enc = decoded
                .get(e)
                .map_or(&raw[enc_lines[e].0.clone()], Vec::as_slice);
            line.len() >= 8 && enc == line
        };
        const LOOK: usize = 8;
        let (mut d, mut e) = (0, 0);
        while d < dec.len() && e < enc_lines.len() {
            if dec.len() - d == enc_lines.len() - e {
                // As many lines left on both sides: paired one for one.
                for k in 0..dec.len() - d {
                    pair(d + k, e + k, &mut chunks);
                }
                d = dec.len();
                break;
            }
            if same(d, e) {
                pair(d, e, &mut chunks);
                d += 1;
                e += 1;
                continue;
            }
            // The nearest pair of same lines ahead: the lines before it form a gap. It goes
            // the way the counts part (more decoded lines left: the decoded side skips more),
            // and its line is one of a kind near it: a sentence written twice would pair the
            // first copy with the second's line.
            let more_decoded = dec.len() - d > enc_lines.len() - e;
            let unique = |a: usize, b: usize| {
                let (dl, el) = (d + a, e + b);
                let dec_near = (d..(d + 2 * LOOK + 1).min(dec.len())).filter(|&k| k != dl);
                let enc_near = (e..(e + 2 * LOOK + 1).min(enc_lines.len())).filter(|&k| k != el);
                !dec_near.into_iter().any(|k| {
                    dec[k].1.trim_end_matches(['\n', '\r'])
                        == dec[dl].1.trim_end_matches(['\n', '\r'])
                }) && !enc_near.into_iter().any(|k| same(dl, k))
            };
            let meet = (1..=2 * LOOK).find_map(|sum| {
                (0..=sum.min(LOOK))
                    .map(|a| (a, sum - a))
                    .filter(|&(a, b)| b <= LOOK && (a == b || (a > b) == more_decoded))
                    .find(|&(a, b)| {
                        d + a < dec.len()
                            && e + b < enc_lines.len()
                            && same(d + a, e + b)
                            && unique(a, b)
                    })
            });
            match meet {
                Some((a, b)) if a == b => {
                    for k in 0..a {
                        pair(d + k, e + k, &mut chunks);
                    }
                    d += a;
                    e += b;
                }
                Some((a, b)) => {
                    if a > 0 {
                        whole(d..d + a, e..e + b, &mut chunks);
                    }
                    d += a;
                    e += b;
                }
                None => {
                    // No same line near (a body of escapes throughout): the rest as a whole,
                    // rather than lines paired with the wrong ones.
                    break;
                }
            }
        }
        if d < dec.len() {
            whole(
                d..dec.len(),
                e.min(enc_lines.len() - 1)..enc_lines.len(),
                &mut chunks,
            );
        }
    } else if !text.is_empty() {
        let first = raw_lines(raw, range.clone())
            .into_iter()
            .find(|(l, _)| !l.is_empty())
            .map_or(range.start..range.start, |(l, _)| l);
        chunks.push(Chunk {
            text: 0..text.len(),
            source: lossy.range(first),
        });
    }
    OffsetMap::new(chunks)
}

/// Decoded bytes per piece of a base64 body's map: 16 groups of 3, from 64 characters.
const BASE64_PIECE: usize = 48;

/// A base64 body's map, piece by piece: each [`BASE64_PIECE`] decoded bytes map to the 64
/// characters they were decoded from, so a finding quotes a line's worth of the encoding, not
/// the whole body (a body on one line was quoted whole by every finding: 1 MB of it wrote
/// 11 GB of JSON). A piece's text ends on a character boundary (a piece that ended inside a
/// character would make the view give up mapping the rest). The caller knows that the text is
/// the decoded bytes (UTF-8 or ASCII); `None` when it is not as long as the characters decode
/// to: then the body maps to its first line.
fn base64_chunks(text: &str, raw: &[u8], range: Range<usize>, lossy: &Lossy) -> Option<Vec<Chunk>> {
    let mut starts = Vec::with_capacity(text.len() / BASE64_PIECE + 1);
    let mut count = 0usize;
    let mut end = range.start;
    for (i, &c) in raw[range.clone()].iter().enumerate() {
        if c.is_ascii_alphanumeric() || c == b'+' || c == b'/' {
            if count.is_multiple_of(BASE64_PIECE / 3 * 4) {
                starts.push(range.start + i);
            }
            count += 1;
            end = range.start + i + 1;
        } else if c == b'=' {
            end = range.start + i + 1;
        }
    }
    let decoded = count / 4 * 3
        + match count % 4 {
            0 => 0,
            2 => 1,
            3 => 2,
            _ => return None,
        };
    if decoded != text.len() || text.is_empty() {
        return None;
    }
    let mut chunks = Vec::with_capacity(starts.len());
    let mut at = 0;
    for (k, &from) in starts.iter().enumerate() {
        let mut upto = ((k + 1) * BASE64_PIECE).min(text.len());
        while !text.is_char_boundary(upto) {
            upto += 1;
        }
        if upto <= at {
            continue;
        }
        let to = starts.get(k + 1).copied().unwrap_or(end);
        chunks.push(Chunk {
            text: at..upto,
            source: lossy.range(from..to),
        });
        at = upto;
    }
    Some(chunks)
}

/// An email document; falls back to plain text when the bytes are not a message.
pub fn read(path: &str, bytes: Vec<u8>) -> Option<Document> {
    let (bytes, bom) = match bytes.strip_prefix(plain::BOM) {
        Some(rest) => (rest.to_vec(), true),
        None => (bytes, false),
    };
    // Byte offsets are the file's own when the rest is UTF-8 as stored (see
    // `Document::stored_offset`).
    let stored_offset = if bom && std::str::from_utf8(&bytes).is_ok() {
        plain::BOM.len()
    } else {
        0
    };
    if bytes[..bytes.len().min(plain::SNIFF)].contains(&0) {
        return None;
    }
    let (lossy, source) = Lossy::new(&bytes);
    // A message starts with a header field: a name of printable characters, then a colon.
    let first = bytes.split(|&c| c == b'\n').next().unwrap_or_default();
    let is_header = first
        .iter()
        .position(|&c| c == b':')
        .is_some_and(|i| i > 0 && first[..i].iter().all(|&c| c.is_ascii_graphic()));
    let parsed = if is_header {
        MessageParser::default().parse(&bytes[..])
    } else {
        None
    };
    let Some(msg) = parsed else {
        let mut doc = plain::read_decoded(path, bytes, plain::read)?;
        doc.stored_offset = stored_offset;
        doc.warnings
            .push("not a MIME message: read as plain text".to_string());
        return Some(doc);
    };
    let mut b = ViewBuilder::new();
    let mut warnings = Vec::new();
    // An 8-bit body in another charset (windows-1252) is decoded for linting, but the source
    // that reports quote and count bytes in is the file's bytes read as UTF-8.
    if let Some((line, column)) = plain::invalid_utf8_at(&bytes) {
        warnings.push(format!(
            "not UTF-8 as stored (first at {line}:{column}): the message is linted as its \
             charset says, but byte offsets and quoted text in reports are those of the file \
             read as UTF-8, with U+FFFD for each invalid sequence"
        ));
    }

    // The subject, at the Subject header's value.
    let root = msg.parts.first();
    let header = root.and_then(|p| {
        p.headers
            .iter()
            .find(|h| matches!(h.name, HeaderName::Subject))
    });
    if let (Some(h), Some(subject)) = (header, msg.subject()) {
        let field = h.offset_field as usize..h.offset_start as usize;
        let mut value = h.offset_start as usize..(h.offset_end as usize).min(bytes.len());
        let raw_value = &bytes[value.clone()];
        let lead = raw_value.len() - raw_value.trim_ascii_start().len();
        let trail = raw_value.len() - raw_value.trim_ascii_end().len();
        value = value.start + lead..(value.end - trail).max(value.start + lead);
        b.push("Subject: ", lossy.range(field.start..value.start));
        let subject = subject.trim();
        b.push(subject, lossy.range(value.clone()));
        b.push("\n\n", lossy.range(value.end..value.end));
    }

    // The body: the first text/plain part, else the first text/html part.
    let plain_part = msg
        .text_body
        .iter()
        .filter_map(|&i| msg.parts.get(i as usize))
        .find(|p| matches!(p.body, PartType::Text(_)));
    let html_part = || {
        msg.html_body
            .iter()
            .filter_map(|&i| msg.parts.get(i as usize))
            .find(|p| matches!(p.body, PartType::Html(_)))
    };
    let mut quoted_printable = None;
    if let Some(part) = plain_part.or_else(html_part) {
        let range = part.offset_body as usize
            ..(part.offset_end as usize).clamp(part.offset_body as usize, bytes.len());
        if part.encoding == Encoding::QuotedPrintable {
            quoted_printable = Some(lossy.range(range.clone()));
        }
        if part.is_encoding_problem {
            warnings.push("the body could not be decoded cleanly".to_string());
        }
        // Whether the text is the body's decoded bytes: ASCII text (from UTF-16 it is half
        // as long as they are, which `base64_chunks` turns away), or a UTF-8 or ASCII part. A
        // UTF-16 body of ASCII and CJK may convert to as many bytes as it had.
        let charset = part.content_type().and_then(|c| c.attribute("charset"));
        let same_bytes = |text: &str| {
            text.is_ascii()
                || charset.is_none_or(|c| {
                    ["utf-8", "utf8", "us-ascii", "ascii"]
                        .iter()
                        .any(|u| c.eq_ignore_ascii_case(u))
                })
        };
        match &part.body {
            PartType::Text(text) => {
                let map = body_map(text, &bytes, range, part.encoding, &lossy, same_bytes(text));
                b.append_mapped(
                    View {
                        text: text.to_string(),
                        map: OffsetMap::default(),
                        quotes: Vec::new(),
                        headings: Vec::new(),
                        subject: None,
                    },
                    &map,
                );
            }
            PartType::Html(text) => {
                let map = body_map(text, &bytes, range, part.encoding, &lossy, same_bytes(text));
                b.append_mapped(html::view(text), &map);
            }
            _ => {}
        }
    } else {
        // Only attachments, or multipart boundaries that do not match: say so, rather than
        // judge an empty message.
        warnings.push(
            "no text body found (no text/plain or text/html part; a multipart boundary that \
             does not match?): only the subject is linted"
                .to_string(),
        );
    }
    let in_thread = root.is_some_and(|p| {
        p.headers
            .iter()
            .any(|h| matches!(h.name, HeaderName::InReplyTo | HeaderName::References))
    });
    let mut doc = Document::from_view(path.to_string(), Format::Email, source, b.finish());
    doc.in_thread = in_thread;
    doc.quoted_printable = quoted_printable;
    doc.warnings = warnings;
    doc.stored_offset = stored_offset;
    Some(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Scope;

    fn at<'a>(d: &'a Document, word: &str) -> &'a str {
        let i = d.text().find(word).expect("word in view");
        &d.source[d.map.to_source(i..i + word.len())]
    }

    #[test]
    fn subject_and_plain_body_map_exactly() {
        let src = "From: a@b.c\r\nSubject: Partnership opportunity\r\nContent-Type: text/plain\r\n\r\nHi Dana,\r\n\r\nWill you partner with us?\r\n\r\nBest,\r\nSam\r\n";
        let d = read("t.eml", src.as_bytes().to_vec()).unwrap();
        assert_eq!(at(&d, "Partnership"), "Partnership");
        assert_eq!(at(&d, "partner with"), "partner with");
        let s = d.text().find("Partnership").unwrap();
        assert_eq!(d.scope_at(s), Scope::SUBJECT);
        let p = d.text().find("partner with").unwrap();
        assert!(d.scope_at(p).intersects(Scope::CLOSING));
    }

    #[test]
    fn quoted_printable_lines_map_to_their_encoded_line() {
        let src = "Subject: Hi\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nWe=E2=80=99re glad.\nA long line that is =\nsoft broken here.\n";
        let d = read("t.eml", src.as_bytes().to_vec()).unwrap();
        assert!(d.text().contains("We’re glad."), "{:?}", d.text());
        assert!(d.text().contains("A long line that is soft broken here."));
        assert_eq!(at(&d, "glad"), "glad");
        assert_eq!(at(&d, "’"), "=E2=80=99");
        assert_eq!(at(&d, "is soft"), "is =\nsoft");
    }

    /// A truncated escape (`=3` at a line's end) decodes to another count of lines than was
    /// encoded: only its own lines lose their exact place; the lines after it keep theirs
    /// (they all went to the body's first line).
    #[test]
    fn a_truncated_escape_costs_only_its_own_lines_their_place() {
        let src = "Subject: Hi\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nHi Dana,\n\nWe cut costs by 3=3\nWe leverage synergy.\n\nWe=E2=80=99re glad to utilize it.\n";
        let d = read("t.eml", src.as_bytes().to_vec()).unwrap();
        assert!(d.text().contains("We leverage synergy."), "{:?}", d.text());
        assert_eq!(at(&d, "leverage"), "leverage");
        assert_eq!(at(&d, "synergy"), "synergy");
        assert_eq!(at(&d, "utilize"), "utilize");
        assert_eq!(at(&d, "’"), "=E2=80=99");
        assert_eq!(at(&d, "Dana"), "Dana");
    }

    /// A gap whose text is as long as its encoded line, but other text, is not mapped byte
    /// for byte (a finding quoted "e lever" for "leverage"); and escaped or soft-wrapped lines
    /// meet again once decoded, so the lines after a broken escape keep their place.
    #[test]
    fn a_gap_of_other_text_is_never_mapped_byte_for_byte() {
        let src = "Subject: Hi\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nHi Dana,\n\nWe=E2=80=99re glad you=E2=80=99re here; we leverage synergy daily.\nIt is 1=3\nThanks again for the call.\n";
        let d = read("t.eml", src.as_bytes().to_vec()).unwrap();
        let leverage = d.text().find("leverage").unwrap();
        let got = &src[d.map.to_source(leverage..leverage + 8)];
        assert!(got.contains("leverage"), "{got:?}");
        let src = "Subject: Hi\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nHi Dana,\n\nWe cut detention at Harlow by 3=3\nOur drivers say it=E2=80=99s the best lane we run, and we =\nknow why.\nWe leverage the same dispatch for you.\n";
        let d = read("t.eml", src.as_bytes().to_vec()).unwrap();
        assert_eq!(at(&d, "leverage"), "leverage");
    }

    /// A sentence written twice around a broken escape: the lines meet again only at a line
    /// of a kind (the first copy once took the second's line, and the second copy quoted the
    /// line after it); a line ending in spaces (format=flowed) meets its decoded self.
    #[test]
    fn a_repeated_line_is_no_meeting_point() {
        for copy in [
            "We=E2=80=99ll leverage synergy every day.",
            "We will leverage synergy every day.",
        ] {
            let src = format!(
                "Subject: Hi\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nHi Dana,\n\n{copy}=3\nYes.\n{copy}\nCould we talk on Tuesday?\n\nSam\n"
            );
            let d = read("t.eml", src.as_bytes().to_vec()).unwrap();
            for (i, _) in d.text().match_indices("synergy") {
                let got = &src[d.map.to_source(i..i + 7)];
                assert!(got.contains("synergy"), "{copy}: {got:?}");
            }
            let i = d.text().find("Could").unwrap();
            assert!(src[d.map.to_source(i..i + 5)].contains("Could"), "{copy}");
        }
        let src = "Subject: Hi\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nHi Dana,\n\nWe cut detention at Harlow by 3=3\nOur drivers know the lane well. \nWe leverage the same dispatch. \n";
        let d = read("t.eml", src.as_bytes().to_vec()).unwrap();
        assert_eq!(at(&d, "leverage"), "leverage");
    }

    fn fixture(name: &str) -> Document {
        let path = format!(
            "{}/tests/fixtures/formats/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        read(name, std::fs::read(path).unwrap()).unwrap()
    }

    #[test]
    fn a_last_line_of_only_a_soft_break_keeps_the_lines_mapped() {
        let src = "Subject: Hi\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nHi Dana,\n\nWe utilize trucks.\n=\n";
        let d = read("t.eml", src.as_bytes().to_vec()).unwrap();
        assert_eq!(at(&d, "utilize"), "utilize");
    }

    #[test]
    fn a_message_without_a_text_body_says_so() {
        let src = "Subject: Hi\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=XYZ\n\n--ABC\nContent-Type: text/plain\n\nWill you partner with us?\n--ABC--\n";
        let d = read("t.eml", src.as_bytes().to_vec()).unwrap();
        assert!(!d.text().contains("partner"), "{:?}", d.text());
        assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);
        assert!(d.warnings[0].starts_with("no text body found"));
    }

    #[test]
    fn charsets_are_converted_and_attachments_skipped() {
        let d = fixture("cp1252.eml");
        assert!(
            d.text().starts_with("Subject: Café supplies\n\nHi Renée,"),
            "{:?}",
            d.text()
        );
        assert!(d.text().contains("We’ve delivered to cafés"));
        // The attachment says "partner" three times; the body once.
        assert_eq!(d.text().matches("partner").count(), 1);
        // Text after a converted character still maps exactly.
        assert_eq!(at(&d, "delivered"), "delivered");
        // The file is 8-bit windows-1252: reports' offsets are those of its lossy UTF-8 copy,
        // and a warning says so.
        assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);
        assert!(d.warnings[0].starts_with("not UTF-8 as stored (first at "));
        let utf8 = fixture("saved.eml");
        assert!(utf8.warnings.is_empty(), "{:?}", utf8.warnings);
    }

    #[test]
    fn multipart_alternative_reads_the_plain_part_and_html_only_the_html() {
        let d = fixture("saved.eml");
        assert!(!d.text().contains("<p>"));
        assert!(d.text().contains("every order left our dock"));
        let h = fixture("html-only.eml");
        assert!(
            h.text()
                .starts_with("Subject: Spring packaging — Northwind\n\n")
        );
        assert!(!h.text().contains("<div"));
        assert_eq!(at(&h, "partner with us"), "partner with us");
        let q = h.text().find("a partner or").unwrap();
        assert_eq!(h.scope_at(q), Scope::QUOTE);
    }

    #[test]
    fn base64_bodies_map_to_the_characters_they_came_from() {
        let d = fixture("base64.eml");
        assert!(d.text().contains("Will you partner with us"));
        let i = d.text().find("partner").unwrap();
        let s = d.map.to_source(i..i + 7);
        // "partner" (at 73 of the body) is in its second 48 bytes: characters 64 to 128,
        // which run from the first encoded line into the second.
        let body = d.source.find("SGkg").unwrap();
        assert_eq!(s.start, body + 64, "{s:?}");
        let chars: String = d.source[s.clone()].split_whitespace().collect();
        assert_eq!(chars.len(), 64, "{s:?}");
        // The last piece ends at the last character.
        let j = d.text().rfind("Sam").unwrap();
        let t = d.map.to_source(j..j + 3);
        let last = d.source.find("ZXN0LApTYW0K").unwrap() + "ZXN0LApTYW0K".len();
        assert_eq!(t.end, last, "{t:?}");
    }

    #[test]
    fn a_character_across_a_base64_piece_keeps_the_rest_mapped() {
        // "’" is decoded bytes 47..50, across the first piece's end (found by a review: the
        // view gave up mapping after it, and every later finding quoted the rest of the body).
        let eml = "Subject: x\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n\
            SGkgRGFuYSwKCk91ciB0ZWFtIG1vdmVzIGZyZWlnaHQgYWNyb3NzIE9oaW8gSXTigJlzIHRydWUu\n\
            IFdlIHJ1biA0MCB0cnVja3Mgb3V0IG9mIERheXRvbiBldmVyeSBuaWdodCBmb3IgZ3JvY2VycyBh\n\
            bmQgcGxhbnRzIGluIE9oaW8gYW5kIEluZGlhbmEuIFdlIGxldmVyYWdlIGxhbmVzLgoKQ2FuIHdl\n\
            IHRhbGsgVHVlc2RheT8KClNhbQo=\n";
        let d = read("s.eml", eml.as_bytes().to_vec()).unwrap();
        assert!(d.text().contains("It’s true."));
        let i = d.text().find("leverage").unwrap();
        let s = d.map.to_source(i..i + 8);
        let chars: String = d.source[s.clone()].split_whitespace().collect();
        assert!(chars.len() <= 64, "{s:?}");
        assert!(d.source[..s.start].contains("bmQgcGxhbnRz"), "{s:?}");
    }

    #[test]
    fn a_base64_body_on_one_line_maps_piece_by_piece() {
        // The fixture's body, its lines joined: it decodes to a multiple of 3 bytes (no `=`),
        // so the string repeated is the body repeated, on one line.
        let raw = std::fs::read_to_string(format!(
            "{}/tests/fixtures/formats/base64.eml",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let (_, b64) = raw.split_once("\n\n").unwrap();
        let one: String = b64.split_whitespace().collect();
        assert!(!one.contains('='));
        let enc = one.repeat(2000);
        let eml = format!("Subject: x\nContent-Transfer-Encoding: base64\n\n{enc}\n");
        let d = read("b.eml", eml.into_bytes()).unwrap();
        let i = d.text().rfind("partner").unwrap();
        let s = d.map.to_source(i..i + 7);
        assert!(s.len() <= 2 * 64, "{s:?}");
        // The characters found decode to bytes around the phrase.
        let start = d.source.find(&enc[..8]).unwrap();
        let k = (s.start - start) / 4 * 3;
        assert!(
            k <= i - d.text().find("Hi").unwrap() + 3 && i < k + 96,
            "{k} {i}"
        );
    }

    #[test]
    fn not_a_message_reads_as_text() {
        let d = read("t.eml", b"just words".to_vec()).unwrap();
        assert_eq!(d.text(), "just words");
    }
}
