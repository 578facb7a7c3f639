//! Documents: one reader per format, all producing the same [`Document`].
//!
//! A document keeps the file's text as stored (`source`) and a *lintable view* of it (`text`).
//! For plain text the two are the same string. Readers of other formats blank out what is not
//! prose, or decode it, and record an [`OffsetMap`] from view offsets back to source offsets,
//! so that every finding points into the file as stored. Parts of a pitch (subject, greeting,
//! opening, body, closing, courtesy, signoff, signature, quote) are [`Segment`]s over the view.

pub mod align;
pub(crate) mod dfa;
pub mod email;
pub mod html;
pub mod links;
pub mod markdown;
pub mod parts;
pub mod patterns;
pub mod placeholders;
pub mod plain;
pub mod scope;
pub mod show;
pub mod view;

pub mod map;

pub use map::{Chunk, OffsetMap};
pub use scope::Scope;

use std::ops::Range;
use std::path::Path;

use serde::Serialize;

/// From this many bytes of view, a document's independent steps run on more than one core:
/// finding its parts beside its merge fields and links, and (in [`crate::check`]) measuring
/// its parts beside the matcher. Below it, waking a thread costs more than it saves.
pub const PARALLEL_FROM: usize = 256 << 10;

/// The input formats pitchlint reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text, linted as is.
    Text,
    /// Markdown: only prose is linted (code, markup, URLs and front matter are skipped).
    Markdown,
    /// HTML: only visible text is linted; entities are decoded.
    Html,
    /// A saved email (RFC 5322 / MIME): the Subject header and the text body.
    Email,
}

/// The tags that make standard input HTML when it opens with one: a whole document's, and
/// those a mail client's copy or export of a message opens with (Gmail's `<div dir="ltr">`,
/// a browser clipboard's `<meta charset="utf-8">`). A draft in words opens with none.
const HTML_OPENERS: [&str; 16] = [
    "html",
    "head",
    "body",
    "meta",
    "div",
    "p",
    "table",
    "span",
    "style",
    "font",
    "center",
    "br",
    "h1",
    "h2",
    "h3",
    "blockquote",
];

impl Format {
    /// The format for a path, from its extension; `None` when pitchlint does not read it.
    /// `.tmpl` files are templates (see [`Format::is_template_path`]) in the format of the
    /// extension before it (`offer.md.tmpl` is Markdown), plain text by default.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "tmpl" => Some(
                path.file_stem()
                    .and_then(|stem| Format::from_path(Path::new(stem)))
                    .unwrap_or(Format::Text),
            ),
            "txt" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "eml" => Some(Format::Email),
            _ => None,
        }
    }

    /// The format of text that came without a name (standard input), from how it opens: a
    /// saved email when it opens with a header block that has `From` and one of `Date`,
    /// `Message-ID`, `MIME-Version`, `Content-Type` or `Received`; HTML when it opens with
    /// `<!DOCTYPE html` or a tag an HTML email or a copied piece of one opens with (`<html`,
    /// `<meta`, `<div`, `<p>`, `<table`…: see [`HTML_OPENERS`]); else plain text. (Markdown
    /// reads well as text; name it with `--input-format`.)
    pub fn sniff(bytes: &[u8]) -> Format {
        let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let start = text.trim_ascii_start();
        // A known tag's name, then its end, `/` or attributes: not `<divider>`, nor a merge
        // field that starts with a tag's name (`<Head of Ops>`, `<Center name>`). (A copied
        // tag's style attribute may run to a few hundred bytes.)
        let tag = start.strip_prefix(b"<").and_then(|s| {
            let end = s.iter().take(8192).position(|&b| b == b'>')?;
            Some(&s[..end])
        });
        let html = tag.is_some_and(|written| {
            let inside = written.to_ascii_lowercase();
            // As written: `<table border>` is a tag, `<Table of contents>` a merge field.
            let lower = written
                .iter()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_whitespace());
            inside.starts_with(b"!doctype html")
                || HTML_OPENERS.iter().any(|tag| {
                    inside.strip_prefix(tag.as_bytes()).is_some_and(|rest| {
                        rest.trim_ascii().is_empty()
                            || rest.trim_ascii() == b"/"
                            || (rest[0].is_ascii_whitespace()
                                && (rest.contains(&b'=')
                                    || lower
                                        && !matches!(
                                            *tag,
                                            "head" | "center" | "font" | "style" | "meta"
                                        )))
                    })
                })
        });
        if html {
            Format::Html
        } else if is_mail_header(text) {
            Format::Email
        } else {
            Format::Text
        }
    }

    /// Whether a path names a template (`.tmpl`): placeholders are allowed in it.
    pub fn is_template_path(path: &Path) -> bool {
        path.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("tmpl"))
    }

    /// Its lowercase name, as `--input-format` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Email => "email",
        }
    }
}

/// Whether `text` opens with an RFC 5322 header block (fields, folded lines, then a blank line)
/// that has `From` and a field only a saved email has.
fn is_mail_header(text: &[u8]) -> bool {
    let (mut from, mut mail) = (false, false);
    for (i, line) in text.split(|&b| b == b'\n').take(200).enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            return from && mail;
        }
        if i > 0 && matches!(line[0], b' ' | b'\t') {
            continue;
        }
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            return false;
        };
        let name = &line[..colon];
        if name.is_empty() || !name.iter().all(|b| b.is_ascii_graphic()) {
            return false;
        }
        from |= name.eq_ignore_ascii_case(b"from");
        mail |= [
            "date",
            "message-id",
            "mime-version",
            "content-type",
            "received",
        ]
        .iter()
        .any(|n| name.eq_ignore_ascii_case(n.as_bytes()));
    }
    false
}

/// A part of the pitch: a byte span of the lintable view.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// Which part(s) this is.
    pub scope: Scope,
    /// Byte span in the lintable view.
    pub span: Range<usize>,
}

/// A draft ready to lint.
#[derive(Clone, Debug)]
pub struct Document {
    /// The path as given (or `-` for standard input).
    pub path: String,
    /// The format it was read as.
    pub format: Format,
    /// The text as stored (decoded to UTF-8; a byte-order mark removed).
    pub source: String,
    /// The lintable view, when it differs from `source`.
    view: Option<String>,
    /// View offsets → source offsets.
    pub map: OffsetMap,
    /// The parts of the pitch, over the view, sorted and non-overlapping.
    pub segments: Vec<Segment>,
    /// View spans that phrase rules skip besides the placeholders (URLs and email addresses,
    /// markup left in place, accepted terms, suppression comments), sorted and disjoint. (The
    /// placeholders are not copied in: a long template has millions. [`Document::is_masked`]
    /// reads both.)
    pub masked: Vec<Range<usize>>,
    /// Notes for the user about how the file was read (lossy decoding…).
    pub warnings: Vec<String>,
    /// Bytes of the file before `source` starts: 3 for a UTF-8 byte-order mark, which
    /// `source` leaves out, so that offsets in reports are the file's own.
    pub stored_offset: usize,
    /// Merge fields (`{{first_name}}`, `[Company]`…) in the view, sorted. Each is masked too
    /// (see [`Document::is_masked`]); metrics count each as one word.
    pub placeholders: Vec<Range<usize>>,
    /// The config's accepted terms in the view (a customer's or a product's name), sorted and
    /// disjoint. Each is also masked; metrics count each as one word, as a merge field.
    pub accepted: Vec<Range<usize>>,
    /// Whether this draft is a template: placeholders in it are expected, not errors.
    pub template: bool,
    /// Whether the message answers one in a thread: an email with an `In-Reply-To` or
    /// `References` header (its "Re:" is no trick).
    pub in_thread: bool,
    /// Where an email's body is quoted-printable, in `source`: the bytes stored there are
    /// escapes (`18=25` for "18%"), which a report's quote decodes.
    pub quoted_printable: Option<Range<usize>>,
}

impl Document {
    /// A document whose view is built by a reader, with its offset map.
    pub fn new(
        path: String,
        format: Format,
        source: String,
        view: Option<String>,
        map: OffsetMap,
    ) -> Self {
        Document::with_hints(path, format, source, view, map, &parts::Hints::default())
    }

    /// A document from a view built by a reader ([`view::ViewBuilder`]).
    pub fn from_view(path: String, format: Format, source: String, view: view::View) -> Self {
        let hints = parts::Hints {
            quotes: view.quotes,
            headings: view.headings,
            subject: view.subject,
        };
        Document::with_hints(path, format, source, Some(view.text), view.map, &hints)
    }

    fn with_hints(
        path: String,
        format: Format,
        source: String,
        view: Option<String>,
        map: OffsetMap,
        hints: &parts::Hints,
    ) -> Self {
        let mut doc = Document {
            path,
            format,
            source,
            view,
            map,
            segments: Vec::new(),
            masked: Vec::new(),
            warnings: Vec::new(),
            stored_offset: 0,
            placeholders: Vec::new(),
            accepted: Vec::new(),
            template: false,
            in_thread: false,
            quoted_printable: None,
        };
        let text = doc.text();
        let spans = || {
            let placeholders = placeholders::find(text);
            // The links, overlaps joined (the placeholders stay a list of their own).
            let masked = links::merge(&[], &links::find(text));
            (placeholders, masked)
        };
        // A long text finds its parts on one core and its merge fields and links on another;
        // for a short one, waking a thread costs more than that saves.
        let (segments, (placeholders, masked)) = if text.len() < PARALLEL_FROM {
            (parts::detect_with(text, hints), spans())
        } else {
            rayon::join(|| parts::detect_with(text, hints), spans)
        };
        doc.segments = segments;
        doc.placeholders = placeholders;
        doc.masked = masked;
        doc
    }

    /// The lintable view: what rules read.
    pub fn text(&self) -> &str {
        self.view.as_deref().unwrap_or(&self.source)
    }

    /// The parts at a view offset (empty between paragraphs).
    pub fn scope_at(&self, offset: usize) -> Scope {
        let i = self.segments.partition_point(|s| s.span.start <= offset);
        if i == 0 {
            return Scope::NONE;
        }
        let s = &self.segments[i - 1];
        if offset < s.span.end {
            s.scope
        } else {
            Scope::NONE
        }
    }

    /// The view spans of every segment that has a part of `scope`.
    pub fn spans_of(&self, scope: Scope) -> impl Iterator<Item = &Range<usize>> {
        self.segments
            .iter()
            .filter(move |s| s.scope.intersects(scope))
            .map(|s| &s.span)
    }

    /// The text of every segment that has a part of `scope`, trimmed: what a test of the
    /// parts compares.
    #[cfg(test)]
    pub(crate) fn texts_of(&self, scope: Scope) -> Vec<&str> {
        self.spans_of(scope)
            .map(|r| self.text()[r.clone()].trim())
            .collect()
    }

    /// The source span of a view span, snapped outward to character boundaries of the
    /// source, so that it can always be sliced (a decoded piece that maps byte for byte onto
    /// different characters could otherwise end inside one).
    pub fn source_span(&self, view: Range<usize>) -> Range<usize> {
        let s = self.map.to_source(view);
        let (mut start, mut end) = (s.start.min(self.source.len()), s.end.min(self.source.len()));
        while !self.source.is_char_boundary(start) {
            start -= 1;
        }
        while !self.source.is_char_boundary(end) {
            end += 1;
        }
        start..end
    }

    /// The subject line's view span, if the draft has one (a `Subject:` line, an email's
    /// Subject header, a Markdown title): for subject-length and missing-subject checks.
    pub fn subject(&self) -> Option<&Range<usize>> {
        self.spans_of(Scope::SUBJECT).next()
    }

    /// The placeholder that overlaps a view span, if any (metrics count each as one word).
    pub fn placeholder_in(&self, span: &Range<usize>) -> Option<&Range<usize>> {
        let i = self.placeholders.partition_point(|p| p.end <= span.start);
        self.placeholders.get(i).filter(|p| p.start < span.end)
    }

    /// Whether a view span overlaps a masked span or a placeholder.
    pub fn is_masked(&self, span: &Range<usize>) -> bool {
        let i = self.masked.partition_point(|m| m.end <= span.start);
        self.masked.get(i).is_some_and(|m| m.start < span.end)
            || self.placeholder_in(span).is_some()
    }
}

/// Read raw bytes as a document of `format`; `path` is only for messages.
/// Returns `Ok(None)` for binary content, which is skipped.
pub fn read(path: &str, bytes: Vec<u8>, format: Format) -> Option<Document> {
    if format == Format::Email {
        // Emails are parsed from their bytes: bodies carry their own charsets.
        return email::read(path, bytes);
    }
    plain::read_decoded(
        path,
        bytes,
        match format {
            Format::Text | Format::Email => plain::read,
            Format::Markdown => markdown::read,
            Format::Html => html::read,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_extensions() {
        let f = |p: &str| Format::from_path(Path::new(p));
        assert_eq!(f("a.TXT"), Some(Format::Text));
        assert_eq!(f("a.markdown"), Some(Format::Markdown));
        assert_eq!(f("a.htm"), Some(Format::Html));
        assert_eq!(f("a.eml"), Some(Format::Email));
        assert_eq!(f("a.tmpl"), Some(Format::Text));
        assert_eq!(f("offer.md.tmpl"), Some(Format::Markdown));
        assert_eq!(f("a.pdf"), None);
        assert!(Format::is_template_path(Path::new("offer.md.tmpl")));
        assert!(!Format::is_template_path(Path::new("offer.md")));
    }

    #[test]
    fn subject_and_placeholder_lookups() {
        let d = read(
            "d.txt",
            b"Subject: Hi [Company]\n\nHi {{first_name}},\n\nCan we talk?\n".to_vec(),
            Format::Text,
        )
        .unwrap();
        assert_eq!(
            d.subject().map(|s| &d.text()[s.clone()]),
            Some("Hi [Company]")
        );
        let at = d.text().find("first").unwrap();
        let p = d.placeholder_in(&(at..at + 1)).unwrap();
        assert_eq!(&d.text()[p.clone()], "{{first_name}}");
        assert!(d.placeholder_in(&(0..2)).is_none());
        assert!(d.is_masked(&(at..at + 5)));
        let none = read(
            "d.txt",
            b"Hi Dana,\n\nCan we talk?\n".to_vec(),
            Format::Text,
        )
        .unwrap();
        assert!(none.subject().is_none());
    }

    #[test]
    fn source_spans_are_sliceable() {
        // View "ab" maps byte for byte onto "é" (2 bytes): offset 1 is inside the character.
        let mut d = Document::new(
            "t".into(),
            Format::Text,
            "é".into(),
            Some("ab".into()),
            OffsetMap::new(vec![Chunk {
                text: 0..2,
                source: 0..2,
            }]),
        );
        assert_eq!(d.source_span(1..2), 0..2);
        d.map = OffsetMap::default();
        assert_eq!(d.source_span(0..1), 0..2);
    }

    #[test]
    fn sniffs_a_saved_email_by_its_header_block() {
        let mail = "From: Sam <s@a.example>\r\nSubject: Spring\r\n =?utf-8?q?packaging?=\r\nDate: Mon, 2 Mar 2026 09:00:00 +0000\r\n\r\nHi Dana,\r\n";
        assert_eq!(Format::sniff(mail.as_bytes()), Format::Email);
        // No From, no field only a saved email has, a field that is no field, or no blank
        // line after the headers: text.
        for text in [
            "Date: Monday\n\nHi Dana,\n",
            "From: Sam\nSubject: Spring\n\nHi Dana,\n",
            "From: Sam\nDate: Monday\nHi Dana, we ship.\n\nBest,\n",
            "From: Sam\nDate: Monday",
            " From: Sam\nDate: Monday\n\nHi\n",
        ] {
            assert_eq!(Format::sniff(text.as_bytes()), Format::Text, "{text:?}");
        }
        assert_eq!(Format::sniff(b"<HTML><body>Hi</body></HTML>"), Format::Html);
        // A mail client's copy of a message, or a browser clipboard's.
        for html in [
            "<div dir=\"ltr\">Hi Dana,<div><br></div></div>",
            "\n  <meta charset=\"utf-8\"><p>Hi</p>",
            "<p>Hi</p>",
            "<P class=MsoNormal>Hi<o:p></o:p></P>",
            "<br/>Hi",
            "<br />Hi",
            "<br >Hi",
            "<table border><tr><td>Hi</td></tr></table>",
        ] {
            assert_eq!(Format::sniff(html.as_bytes()), Format::Html, "{html:?}");
        }
        // A merge field, or a word in angle brackets, opens a draft in words.
        for text in [
            "<FirstName>, hi",
            "<Pat>, hi",
            "<divider> text",
            "<p",
            "",
            "<Head of Ops>, we haul for two plants.",
            "<Center Name>, hi",
            "<Table of contents> first",
        ] {
            assert_eq!(Format::sniff(text.as_bytes()), Format::Text, "{text:?}");
        }
    }
}
