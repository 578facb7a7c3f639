//! Byte offsets to line:column, computed only when something is rendered.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`. Columns count Unicode scalar values (characters),
//! 1-based, as editors and SARIF viewers expect.

/// A 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

/// The start offsets of every line of a text.
///
/// It remembers the last position it computed, so that the columns of findings asked for in
/// order cost the distance between them, not the distance from the start of the line (which
/// made a 100 MB single-line file quadratic). Columns asked for out of order (a report drawn
/// in pieces, each from its own first finding) are counted from the nearest block mark of a
/// long line: see [`LineIndex::chars_between`].
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// When a line is longer than [`LONG_LINE`] bytes: the characters before byte
    /// `k * LineCounter::BLOCK`, for each `k`; else empty.
    chars: Vec<usize>,
    /// (line, byte offset, 1-based column) of the last position computed.
    last: (usize, usize, usize),
}

/// A line longer than this many bytes gets block marks in its [`LineIndex`]: counting a column
/// from the line's start would cost more than a block.
const LONG_LINE: usize = 2 * LineCounter::BLOCK;

/// The characters that start in `bytes` (the bytes that are not UTF-8 continuation bytes): in
/// a whole string, its characters.
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl LineIndex {
    /// Index the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        // About one line per 40 bytes of prose: reserve once instead of doubling.
        let mut starts = Vec::with_capacity(bytes.len() / 40 + 1);
        starts.push(0);
        let mut skip_lf = usize::MAX;
        for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if at == skip_lf {
                continue;
            }
            if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                skip_lf = at + 1;
                starts.push(at + 2);
            } else {
                starts.push(at + 1);
            }
        }
        let long = starts
            .iter()
            .zip(starts.iter().skip(1).chain([&bytes.len()]))
            .any(|(a, b)| b - a > LONG_LINE);
        let chars = if long {
            block_marks(bytes.len(), |from, to| char_starts(&bytes[from..to]))
        } else {
            Vec::new()
        };
        LineIndex {
            starts,
            chars,
            last: (0, 0, 1),
        }
    }

    /// The characters of `text[from..to]` (`text` the indexed text, `from` and `to`
    /// character boundaries, `from <= to`): counted one by one, or from the block marks when
    /// the range is long.
    pub fn chars_between(&self, text: &str, from: usize, to: usize) -> usize {
        if self.chars.is_empty() || to - from <= LONG_LINE {
            return text[from..to].chars().count();
        }
        let bytes = text.as_bytes();
        let before = |at: usize| {
            let k = at / LineCounter::BLOCK;
            self.chars[k] + char_starts(&bytes[k * LineCounter::BLOCK..at])
        };
        before(to) - before(from)
    }

    /// The 0-based line that holds byte `offset`, looked for first in `near` and the line
    /// after it: positions asked in order (a report's findings) are most often there, and a
    /// long file's index is too large for a binary search to stay in the cache.
    pub fn line_near(&self, near: usize, offset: usize) -> usize {
        let holds = |l: usize| {
            self.starts.get(l).is_some_and(|&s| s <= offset)
                && self.starts.get(l + 1).is_none_or(|&n| offset < n)
        };
        if holds(near) {
            near
        } else if holds(near + 1) {
            near + 1
        } else {
            self.line_of(offset)
        }
    }

    /// The 0-based line that holds byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// The byte offset where 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line.min(self.starts.len() - 1)]
    }

    /// The byte range of 0-based `line`, without its line break.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.line_start(line);
        let mut end = if line + 1 < self.starts.len() {
            self.starts[line + 1]
        } else {
            text.len()
        };
        let b = text.as_bytes();
        if end > start && b[end - 1] == b'\n' {
            end -= 1;
        }
        if end > start && b[end - 1] == b'\r' {
            end -= 1;
        }
        start..end
    }

    /// The number of lines.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether the text had no line at all (never: an empty text has one empty line).
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Line and column of byte `offset` in `text`. An offset inside a character, or past the
    /// end, is clamped to the nearest character boundary before it.
    pub fn position(&mut self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_near(self.last.0, offset);
        let start = self.starts[line].min(offset);
        let (l, at, col) = self.last;
        let column = if l == line && at >= start && at <= text.len() && text.is_char_boundary(at) {
            if at <= offset {
                col + self.chars_between(text, at, offset)
            } else {
                col - self.chars_between(text, offset, at)
            }
        } else {
            self.chars_between(text, start, offset) + 1
        };
        self.last = (line, offset, column);
        Position {
            line: line + 1,
            column,
        }
    }
}

/// The line of an offset, for a few offsets in any order, from a sparse index: how many line
/// breaks come before each [`LineCounter::BLOCK`]-byte block. It holds one number per block
/// where a [`LineIndex`] holds one per line (a 10 MB file of short lines: 20 KB, not 4 MB);
/// each lookup counts the breaks of at most one block.
#[derive(Clone, Debug)]
pub struct LineCounter {
    /// Line breaks before byte `k * BLOCK`.
    marks: Vec<usize>,
}

impl LineCounter {
    /// The bytes of one block.
    pub const BLOCK: usize = 4096;

    /// Index `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        LineCounter {
            marks: block_marks(bytes.len(), |from, to| breaks(bytes, from, to)),
        }
    }

    /// The 1-based line that holds byte `offset` of `text` (the text it indexed), as
    /// [`LineIndex::position`] gives it.
    pub fn line(&self, text: &str, offset: usize) -> usize {
        let offset = offset.min(text.len());
        let k = offset / Self::BLOCK;
        self.marks[k] + breaks(text.as_bytes(), k * Self::BLOCK, offset) + 1
    }
}

/// For each [`LineCounter::BLOCK`]-byte block of a text of `len` bytes, what `count` gives
/// for the blocks before it (`count(from, to)` counts in `from..to`): entry `k` holds for byte
/// `k * BLOCK`, for every `k` up to `len / BLOCK`.
fn block_marks(len: usize, count: impl Fn(usize, usize) -> usize) -> Vec<usize> {
    let mut marks = Vec::with_capacity(len / LineCounter::BLOCK + 1);
    let mut before = 0;
    for at in (0..=len).step_by(LineCounter::BLOCK) {
        marks.push(before);
        before += count(at, (at + LineCounter::BLOCK).min(len));
    }
    marks
}

/// The line breaks that start in `from..to` of `bytes`: each `\n`, and each `\r` that no `\n`
/// follows (a `\r\n` is counted at its `\n`, so that counts of adjacent ranges add up).
fn breaks(bytes: &[u8], from: usize, to: usize) -> usize {
    memchr::memchr2_iter(b'\n', b'\r', &bytes[from..to])
        .filter(|&i| bytes[from + i] == b'\n' || bytes.get(from + i + 1) != Some(&b'\n'))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(text: &str, offset: usize) -> (usize, usize) {
        let p = LineIndex::new(text).position(text, offset);
        (p.line, p.column)
    }

    /// Looking near a line first finds the line a binary search finds, from any line, for
    /// every offset: the same line, the next, one far away, past the last.
    #[test]
    fn line_near_is_line_of() {
        let text = "ab\ncd\r\n\nefg\rh\n\nlast";
        let index = LineIndex::new(text);
        let lines = index.line_of(text.len()) + 1;
        for offset in 0..=text.len() + 2 {
            for near in 0..lines + 2 {
                assert_eq!(
                    index.line_near(near, offset),
                    index.line_of(offset),
                    "offset {offset}, near line {near}"
                );
            }
        }
    }

    #[test]
    fn lf_crlf_and_lone_cr() {
        assert_eq!(pos("ab\ncd", 3), (2, 1));
        assert_eq!(pos("ab\r\ncd", 4), (2, 1));
        assert_eq!(pos("ab\rcd", 4), (2, 2));
        assert_eq!(pos("ab\r\n\r\ncd", 6), (3, 1));
    }

    #[test]
    fn columns_count_characters() {
        let t = "naïve “partner”";
        let off = t.find("partner").unwrap();
        assert_eq!(pos(t, off), (1, 8));
        assert_eq!(pos("😀 x", "😀 ".len()), (1, 3));
    }

    #[test]
    fn index_agrees_with_a_plain_scan() {
        for t in [
            "",
            "a",
            "\n",
            "\r",
            "\r\n",
            "a\r\r\nb\n\rc",
            "x\n\ny\r",
            "é\r\n😀\rz",
        ] {
            let mut idx = LineIndex::new(t);
            let mut line = 0;
            let mut col = 0;
            let b = t.as_bytes();
            let mut i = 0;
            while i <= t.len() {
                if t.is_char_boundary(i) {
                    let p = idx.position(t, i);
                    assert_eq!((p.line, p.column), (line + 1, col + 1), "{t:?} at {i}");
                }
                if i == t.len() {
                    break;
                }
                if b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')) {
                    line += 1;
                    col = 0;
                } else if t.is_char_boundary(i) {
                    col += 1;
                }
                i += 1;
            }
        }
    }

    #[test]
    fn positions_in_any_order_agree() {
        let t = "ab é😀 cd\r\nxy z\rq";
        let mut idx = LineIndex::new(t);
        let fresh = |o: usize| LineIndex::new(t).position(t, o);
        let offsets: Vec<usize> = (0..=t.len()).filter(|&o| t.is_char_boundary(o)).collect();
        for &a in &offsets {
            for &b in offsets.iter().rev() {
                assert_eq!(idx.position(t, a), fresh(a));
                assert_eq!(idx.position(t, b), fresh(b));
            }
        }
    }

    proptest::proptest! {
        /// Over texts longer than a block, of line breaks of every kind (a `\r\n` split by a
        /// block's end included), the counter gives the line the index gives.
        #[test]
        fn the_line_counter_agrees_with_the_index(
            parts in proptest::collection::vec(("[a-zé ]{0,900}", "(\n|\r\n|\r|)"), 0..20),
            picks in proptest::collection::vec(0usize..20_000, 1..40),
        ) {
            let t: String = parts.iter().map(|(a, b)| format!("{a}{b}")).collect();
            let counter = LineCounter::new(&t);
            let mut idx = LineIndex::new(&t);
            let mut offsets: Vec<usize> = picks.iter().map(|&p| p.min(t.len())).collect();
            offsets.extend((1..=t.len() / LineCounter::BLOCK).flat_map(|k| {
                let b = k * LineCounter::BLOCK;
                [b - 1, b, b + 1]
            }));
            for o in offsets {
                let o = (0..=o.min(t.len())).rev().find(|&o| t.is_char_boundary(o)).unwrap_or(0);
                proptest::prop_assert_eq!(counter.line(&t, o), idx.position(&t, o).line, "at {}", o);
            }
        }
    }

    proptest::proptest! {
        /// On texts with lines longer than [`LONG_LINE`] (counted from block marks), every
        /// column, asked for in any order, is the count of characters from its line's start;
        /// and so is every column a fresh cursor of [`crate::report`] computes.
        #[test]
        fn columns_on_long_lines_are_counted_characters(
            long in 1usize..6000,
            parts in proptest::collection::vec(("[a-zé😀 ]{0,3000}", "(\n|\r\n|\r|)"), 0..8),
            picks in proptest::collection::vec(0usize..80_000, 1..60),
        ) {
            let mut t = "aé😀 ".repeat(long);
            t.extend(parts.iter().map(|(a, b)| format!("{a}{b}")));
            let mut idx = LineIndex::new(&t);
            if long * "aé😀 ".len() > LONG_LINE {
                proptest::prop_assert!(!idx.chars.is_empty());
            }
            for p in picks {
                let o = (0..=p.min(t.len())).rev().find(|&o| t.is_char_boundary(o)).unwrap_or(0);
                let start = idx.line_start(idx.line_of(o));
                let column = t[start..o].chars().count() + 1;
                proptest::prop_assert_eq!(idx.position(&t, o).column, column, "at {}", o);
                proptest::prop_assert_eq!(idx.chars_between(&t, start, o), column - 1);
            }
        }
    }

    #[test]
    fn a_crlf_across_a_block_end_is_one_break() {
        let mut t = "a".repeat(LineCounter::BLOCK - 1);
        t.push_str("\r\nb\rc\n");
        let c = LineCounter::new(&t);
        assert_eq!(c.line(&t, LineCounter::BLOCK - 1), 1, "the \\r");
        assert_eq!(c.line(&t, LineCounter::BLOCK), 1, "the \\n");
        assert_eq!(c.line(&t, LineCounter::BLOCK + 1), 2, "b");
        assert_eq!(c.line(&t, LineCounter::BLOCK + 3), 3, "c");
        assert_eq!(c.line(&t, t.len()), 4);
    }

    #[test]
    fn line_range_excludes_breaks() {
        let t = "one\r\ntwo\n";
        let idx = LineIndex::new(t);
        assert_eq!(&t[idx.line_range(t, 0)], "one");
        assert_eq!(&t[idx.line_range(t, 1)], "two");
        assert_eq!(idx.len(), 3);
    }
}
