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
/// made a 100 MB single-line file quadratic).
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// (line, byte offset, 1-based column) of the last position computed.
    last: (usize, usize, usize),
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
        LineIndex {
            starts,
            last: (0, 0, 1),
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
        let line = self.line_of(offset);
        let start = self.starts[line].min(offset);
        let (l, at, col) = self.last;
        let column = if l == line && at >= start && at <= text.len() && text.is_char_boundary(at) {
            if at <= offset {
                col + text[at..offset].chars().count()
            } else {
                col - text[offset..at].chars().count()
            }
        } else {
            text[start..offset].chars().count() + 1
        };
        self.last = (line, offset, column);
        Position {
            line: line + 1,
            column,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(text: &str, offset: usize) -> (usize, usize) {
        let p = LineIndex::new(text).position(text, offset);
        (p.line, p.column)
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

    #[test]
    fn line_range_excludes_breaks() {
        let t = "one\r\ntwo\n";
        let idx = LineIndex::new(t);
        assert_eq!(&t[idx.line_range(t, 0)], "one");
        assert_eq!(&t[idx.line_range(t, 1)], "two");
        assert_eq!(idx.len(), 3);
    }
}
