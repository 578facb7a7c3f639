//! Documents: one reader per format, all producing the same [`Document`].
//!
//! A document keeps the file's text as stored (`source`) and a *lintable view* of it (`text`).
//! For plain text the two are the same string. Readers of other formats blank out what is not
//! prose, or decode it, and record an [`OffsetMap`] from view offsets back to source offsets,
//! so that every finding points into the file as stored. Parts of a pitch (subject, greeting,
//! opening, body, closing, signoff, signature, quote) are [`Segment`]s over the view.

pub mod align;
pub mod email;
pub mod html;
pub mod markdown;
pub mod parts;
pub mod placeholders;
pub mod plain;
pub mod show;
pub mod view;

use std::ops::Range;
use std::path::Path;

use serde::Serialize;

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

impl Format {
    /// The format for a path, from its extension; `None` when pitchlint does not read it.
    /// `.tmpl` files are plain-text templates (see [`Format::is_template_path`]).
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "tmpl" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "eml" => Some(Format::Email),
            _ => None,
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

/// A set of parts of a pitch, as bit flags: a paragraph can be the opening and the closing at
/// once when it is the only one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Scope(u16);

impl Scope {
    /// The subject line.
    pub const SUBJECT: Scope = Scope(1);
    /// "Hi Dana,".
    pub const GREETING: Scope = Scope(1 << 1);
    /// The first paragraph after the greeting.
    pub const OPENING: Scope = Scope(1 << 2);
    /// Paragraphs between the opening and the closing.
    pub const BODY: Scope = Scope(1 << 3);
    /// The last paragraph before the sign-off: where the ask is.
    pub const CLOSING: Scope = Scope(1 << 4);
    /// "Best," and the name.
    pub const SIGNOFF: Scope = Scope(1 << 5);
    /// Name, title, phone, links, disclaimers after the sign-off or "-- ".
    pub const SIGNATURE: Scope = Scope(1 << 6);
    /// Quoted reply text: never the sender's pitch.
    pub const QUOTE: Scope = Scope(1 << 7);
    /// No part at all.
    pub const NONE: Scope = Scope(0);

    /// Every part, in document order, with its name.
    pub const ALL: [(Scope, &'static str); 8] = [
        (Scope::SUBJECT, "subject"),
        (Scope::GREETING, "greeting"),
        (Scope::OPENING, "opening"),
        (Scope::BODY, "body"),
        (Scope::CLOSING, "closing"),
        (Scope::SIGNOFF, "signoff"),
        (Scope::SIGNATURE, "signature"),
        (Scope::QUOTE, "quote"),
    ];

    /// The scope of a rule that names none: every part but `quote` and `signature`.
    pub const DEFAULT: Scope = Scope(0b0011_1111);

    /// The scope named `name`, if it is one.
    pub fn from_name(name: &str) -> Option<Scope> {
        Scope::ALL.iter().find(|(_, n)| *n == name).map(|(s, _)| *s)
    }

    /// The names of every scope, for error messages.
    pub fn names() -> Vec<&'static str> {
        Scope::ALL.iter().map(|(_, n)| *n).collect()
    }

    /// Whether the two sets share a part.
    pub fn intersects(self, other: Scope) -> bool {
        self.0 & other.0 != 0
    }

    /// Whether no part is set.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The union of two sets.
    pub fn union(self, other: Scope) -> Scope {
        Scope(self.0 | other.0)
    }

    /// The names of the parts in this set, in document order.
    pub fn part_names(self) -> Vec<&'static str> {
        Scope::ALL
            .iter()
            .filter(|(s, _)| self.intersects(*s))
            .map(|(_, n)| *n)
            .collect()
    }

    /// The parts joined with `+` ("opening+closing"), or "none".
    pub fn label(self) -> String {
        let names = self.part_names();
        if names.is_empty() {
            "none".to_string()
        } else {
            names.join("+")
        }
    }
}

impl Serialize for Scope {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.label())
    }
}

/// A part of the pitch: a byte span of the lintable view.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// Which part(s) this is.
    pub scope: Scope,
    /// Byte span in the lintable view.
    pub span: Range<usize>,
}

/// One piece of the map from view offsets to source offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chunk {
    /// Where the piece starts in the view.
    pub text: Range<usize>,
    /// Where it comes from in the source.
    pub source: Range<usize>,
}

/// Maps byte offsets of the lintable view back to the source. Empty means identity. Pieces
/// of equal length map byte for byte; a decoded piece (an entity, a base64 line) maps every
/// offset inside it to the source piece's start, and its end to the source piece's end.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    chunks: Vec<Chunk>,
}

impl OffsetMap {
    /// A map from pieces sorted by view offset.
    pub fn new(chunks: Vec<Chunk>) -> Self {
        OffsetMap { chunks }
    }

    /// Whether view and source offsets are the same.
    pub fn is_identity(&self) -> bool {
        self.chunks.is_empty()
    }

    /// The pieces, sorted by view offset (empty for the identity).
    pub fn chunks(&self) -> &[Chunk] {
        &self.chunks
    }

    /// `span` cut where the pieces of the map start and end (the whole span for the
    /// identity, or where no piece covers it).
    pub fn pieces(&self, span: Range<usize>) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut at = span.start;
        for c in &self.chunks {
            if c.text.end <= at || c.text.start >= span.end {
                continue;
            }
            if c.text.start > at {
                out.push(at..c.text.start);
                at = c.text.start;
            }
            let end = c.text.end.min(span.end);
            out.push(at..end);
            at = end;
        }
        if at < span.end {
            out.push(at..span.end);
        }
        out
    }

    fn map(&self, off: usize, is_end: bool) -> usize {
        if self.chunks.is_empty() {
            return off;
        }
        let i = self
            .chunks
            .partition_point(|c| c.text.start <= off)
            .saturating_sub(1);
        let c = &self.chunks[i];
        if is_end && off > 0 && off == c.text.start && i > 0 {
            // An end that falls on a chunk start belongs to the chunk before it.
            let p = &self.chunks[i - 1];
            return self.map_in(p, off, true);
        }
        self.map_in(c, off, is_end)
    }

    fn map_in(&self, c: &Chunk, off: usize, is_end: bool) -> usize {
        if c.text.len() == c.source.len() {
            (c.source.start + off.saturating_sub(c.text.start)).min(c.source.end)
        } else if is_end && off >= c.text.end {
            c.source.end
        } else if off <= c.text.start {
            c.source.start
        } else if is_end {
            c.source.end
        } else {
            c.source.start
        }
    }

    /// The source span of a view span.
    pub fn to_source(&self, span: Range<usize>) -> Range<usize> {
        let start = self.map(span.start, false);
        let end = self.map(span.end, true).max(start);
        start..end
    }
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
    /// View spans that phrase rules skip (placeholders, markup left in place).
    pub masked: Vec<Range<usize>>,
    /// Notes for the user about how the file was read (lossy decoding…).
    pub warnings: Vec<String>,
    /// Merge fields (`{{first_name}}`, `[Company]`…) in the view, sorted. Each is also masked;
    /// metrics count each as one word.
    pub placeholders: Vec<Range<usize>>,
    /// Whether this draft is a template: placeholders in it are expected, not errors.
    pub template: bool,
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
            placeholders: Vec::new(),
            template: false,
        };
        doc.segments = parts::detect_with(doc.text(), hints);
        doc.placeholders = placeholders::find(doc.text());
        doc.masked = doc.placeholders.clone();
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

    /// Whether a view span overlaps a masked span.
    pub fn is_masked(&self, span: &Range<usize>) -> bool {
        let i = self.masked.partition_point(|m| m.end <= span.start);
        self.masked.get(i).is_some_and(|m| m.start < span.end)
    }
}

/// Read raw bytes as a document of `format`; `path` is only for messages.
/// Returns `Ok(None)` for binary content, which is skipped.
pub fn read(path: &str, bytes: Vec<u8>, format: Format) -> Option<Document> {
    if format == Format::Email {
        // Emails are parsed from their bytes: bodies carry their own charsets.
        return email::read(path, bytes);
    }
    let (source, warnings) = plain::decode(bytes)?;
    let mut doc = match format {
        Format::Text | Format::Email => plain::read(path, source),
        Format::Markdown => markdown::read(path, source),
        Format::Html => html::read(path, source),
    };
    doc.warnings.extend(warnings);
    Some(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_map_identity_and_pieces() {
        assert_eq!(OffsetMap::default().to_source(3..5), 3..5);
        // view "a’b" built from source "a&rsquo;b": 'a' 1:1, ’ (3 bytes) from 7 bytes, 'b' 1:1.
        let m = OffsetMap::new(vec![
            Chunk {
                text: 0..1,
                source: 0..1,
            },
            Chunk {
                text: 1..4,
                source: 1..8,
            },
            Chunk {
                text: 4..5,
                source: 8..9,
            },
        ]);
        assert_eq!(m.to_source(0..5), 0..9);
        assert_eq!(m.to_source(4..5), 8..9);
        assert_eq!(m.to_source(0..1), 0..1);
        assert_eq!(m.to_source(1..4), 1..8);
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
    fn scope_names_round_trip() {
        for (s, n) in Scope::ALL {
            assert_eq!(Scope::from_name(n), Some(s));
        }
        assert_eq!(
            Scope::OPENING.union(Scope::CLOSING).label(),
            "opening+closing"
        );
        assert!(!Scope::DEFAULT.intersects(Scope::QUOTE));
        assert!(!Scope::DEFAULT.intersects(Scope::SIGNATURE));
    }
}
