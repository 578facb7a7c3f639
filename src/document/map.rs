//! [`OffsetMap`]: from byte offsets of a lintable view back to the file as stored.

use std::ops::Range;

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
}
