//! Building a lintable view piece by piece, with the map back to the source as it grows.
//!
//! Readers that decode (HTML entities, quoted-printable, charsets) push each piece of view
//! text with the source span it came from. Pieces of equal length map byte for byte; others
//! map as a whole (see [`super::OffsetMap`]). Readers also record quoted spans they know of
//! (`<blockquote>`), which the parts detection then takes as `quote`.

use std::ops::Range;

use super::{Chunk, OffsetMap};

/// A view being built: its text, the map back to the source, and the quoted spans.
#[derive(Clone, Debug, Default)]
pub struct ViewBuilder {
    text: String,
    chunks: Vec<Chunk>,
    quotes: Vec<Range<usize>>,
    headings: Vec<Range<usize>>,
}

/// A finished view: what [`super::Document::from_view`] takes.
#[derive(Clone, Debug, Default)]
pub struct View {
    /// The lintable text.
    pub text: String,
    /// View offsets → source offsets.
    pub map: OffsetMap,
    /// View spans that are quoted text, whatever their lines look like.
    pub quotes: Vec<Range<usize>>,
    /// View spans that are headings (a Markdown draft's `## Details`), its title aside.
    pub headings: Vec<Range<usize>>,
    /// The draft's title, if the format has one (a Markdown draft's first heading).
    pub subject: Option<Range<usize>>,
}

impl ViewBuilder {
    /// An empty view.
    pub fn new() -> Self {
        Self::default()
    }

    /// The text so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The view length so far.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether nothing was pushed yet.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Append `piece`, which stands for the source bytes `source`.
    pub fn push(&mut self, piece: &str, source: Range<usize>) {
        if piece.is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.push_str(piece);
        let text = start..self.text.len();
        // Merge with the previous chunk when both are byte-for-byte and contiguous, so that
        // long runs of plain text stay one chunk.
        if let Some(last) = self.chunks.last_mut()
            && last.text.len() == last.source.len()
            && text.len() == source.len()
            && last.text.end == text.start
            && last.source.end == source.start
        {
            last.text.end = text.end;
            last.source.end = source.end;
            return;
        }
        self.chunks.push(Chunk { text, source });
    }

    /// Append a line or paragraph break (`"\n"` or `"\n\n"`) that stands for a tag at
    /// `source`, unless the view already ends with one as strong.
    pub fn push_break(&mut self, brk: &str, source: Range<usize>) {
        if self.text.is_empty() {
            return;
        }
        let have = self.text.len() - self.text.trim_end_matches('\n').len();
        if have >= brk.len() {
            return;
        }
        let missing = &brk[have..];
        // A trailing run of spaces before the break is harmless; keep it.
        self.push(missing, source.start..source.start);
    }

    /// Mark the view span `span` as a heading (after those marked before it).
    pub fn heading(&mut self, span: Range<usize>) {
        if !span.is_empty() {
            self.headings.push(span);
        }
    }

    /// Mark the view span `span` as quoted text.
    pub fn quote(&mut self, span: Range<usize>) {
        if !span.is_empty() {
            self.quotes.push(span);
        }
    }

    /// Append another view, whose map points into a text that itself stands at `inner` in
    /// this view's source, mapped by `outer` (for an HTML body inside an email).
    pub fn append_mapped(&mut self, inner: View, outer: &OffsetMap) {
        let base = self.text.len();
        let mut chunks = inner.map.chunks().to_vec();
        if chunks.is_empty() && !inner.text.is_empty() {
            chunks.push(Chunk {
                text: 0..inner.text.len(),
                source: 0..inner.text.len(),
            });
        }
        for c in chunks {
            let piece = &inner.text[c.text.clone()];
            if c.text.len() == c.source.len() {
                // Byte-for-byte in the inner text: map each piece of it through `outer` in
                // turn, keeping exactness where `outer` is exact too.
                self.push_through(piece, c.source.start, outer);
            } else {
                self.push(piece, outer.to_source(c.source.clone()));
            }
        }
        self.quotes.extend(
            inner
                .quotes
                .into_iter()
                .map(|q| q.start + base..q.end + base),
        );
        self.headings.extend(
            inner
                .headings
                .into_iter()
                .map(|h| h.start + base..h.end + base),
        );
    }

    /// Push `piece`, found at `at` in an intermediate text, mapped to the source by `outer`:
    /// split where `outer`'s chunks split, so exact pieces stay exact.
    fn push_through(&mut self, piece: &str, at: usize, outer: &OffsetMap) {
        let mut done = 0;
        for range in outer.pieces(at..at + piece.len()) {
            let (a, b) = (range.start - at, range.end - at);
            if a != done || !piece.is_char_boundary(b) {
                continue;
            }
            self.push(&piece[a..b], outer.to_source(range));
            done = b;
        }
        if done < piece.len() {
            self.push(&piece[done..], outer.to_source(at + done..at + piece.len()));
        }
    }

    /// The finished view.
    pub fn finish(self) -> View {
        View {
            text: self.text,
            map: OffsetMap::new(self.chunks),
            quotes: self.quotes,
            headings: self.headings,
            subject: None,
        }
    }
}
