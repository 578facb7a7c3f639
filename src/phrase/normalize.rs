//! The one normalisation that phrases and text are read through, [`normalize`]: a run of
//! whitespace, hyphens and dashes becomes one space; curly quotes and apostrophes become
//! straight ones; and, unless a rule is case-sensitive, letters become lower case. A phrase
//! matches where its normalised form occurs in the normalised text, and matches are mapped
//! back to byte spans of the text with [`Normalized::to_orig`].

/// The apostrophes read as `'`.
pub(super) const APOSTROPHES: [char; 4] = ['\'', '’', '‘', 'ʼ'];
/// The double quotes read as `"`.
pub(super) const DOUBLE_QUOTES: [char; 3] = ['"', '“', '”'];

pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−')
}

/// Characters with no glyph that editors and web pages leave in text: a soft hyphen, zero-
/// width spaces and joiners, direction marks and isolates, a word joiner, a byte-order mark
/// (Unicode's format characters). They are read as nothing, so that `part\u{ad}ner` is
/// `partner` and `touch \u{200b}base` is `touch base`; a draft of only them is empty.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{61c}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{feff}'
    )
}

/// `s` normalised as the matcher reads text (see the module documentation).
pub fn normalize(s: &str, lowercase: bool) -> String {
    let table = if lowercase { &LOWER } else { &KEEP };
    if s.bytes()
        .all(|b| b.is_ascii() && table[usize::from(b)] == b)
    {
        return s.to_string();
    }
    let mut n = Normalized::default();
    n.fill(s, 0, s.len(), 0, lowercase);
    n.text
}

/// A normalised copy of part of a text, with what it takes to map its offsets back.
#[derive(Debug, Default)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    /// `(normalised offset, original offset)` wherever the difference between the two
    /// changes; between anchors, bytes correspond one to one.
    anchors: Vec<(usize, usize)>,
}

/// What one character of the text becomes.
enum Class {
    /// Whitespace, a hyphen or a dash: part of a separator run.
    Sep,
    /// Nothing: an invisible character ([`is_invisible`]).
    Skip,
    /// This character.
    Char(char),
}

/// ASCII bytes: 0 for a separator, else the byte they become.
const fn ascii_table(lowercase: bool) -> [u8; 128] {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = match c {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | b'-' => 0,
            b'A'..=b'Z' if lowercase => c + 32,
            _ => c,
        };
        b += 1;
    }
    t
}

const LOWER: [u8; 128] = ascii_table(true);
const KEEP: [u8; 128] = ascii_table(false);

fn class(c: char, lowercase: bool) -> Class {
    match c {
        c if is_dash(c) => Class::Sep,
        c if is_invisible(c) => Class::Skip,
        c if c.is_whitespace() => Class::Sep,
        c if APOSTROPHES.contains(&c) => Class::Char('\''),
        c if DOUBLE_QUOTES.contains(&c) => Class::Char('"'),
        // Σ lower-cases to σ; a word-final ς is the same letter.
        'ς' if lowercase => Class::Char('σ'),
        c if lowercase => {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(x), None) => Class::Char(x),
                _ => Class::Char(c),
            }
        }
        c => Class::Char(c),
    }
}

/// How far past its end a piece reads for the `extra` normalised bytes of a match that starts
/// in it. A run of separators (or of ignored characters) writes at most one: a long text of
/// whitespace made every piece read to the end of the text, a cost that grew with the square
/// of its length (a review measured 64 MB of blank lines at 10 s). Only a phrase whose words
/// are more than this many bytes of whitespace apart, across a piece's end, goes unfound.
const RUN_PAST_END: usize = 64 << 10;

impl Normalized {
    /// Normalise `text[from..]` into `self` (replacing what it held), up to `to` and then
    /// on until at least `extra` more normalised bytes are written, or [`RUN_PAST_END`] more
    /// bytes of `text` read, or the text ends.
    /// Returns the normalised length at `to`: matches that start before it start before
    /// `to`. `from` and `to` must be character boundaries.
    pub fn fill(
        &mut self,
        text: &str,
        from: usize,
        to: usize,
        extra: usize,
        lowercase: bool,
    ) -> usize {
        self.text.clear();
        self.anchors.clear();
        self.anchors.push((0, from));
        let table = if lowercase { &LOWER } else { &KEEP };
        let bytes = text.as_bytes();
        // The text's bytes go into `out` unchanged or as other valid UTF-8, so `out` stays
        // valid UTF-8; it is built as bytes and checked once at the end.
        let mut out = std::mem::take(&mut self.text).into_bytes();
        // About one byte out per byte in: reserved once, not grown by doubling.
        out.reserve(to.saturating_sub(from) + extra);
        let mut in_sep = false;
        let mut cut = None;
        let mut i = from;
        // Original minus normalised offset since the last anchor.
        let mut delta = from as isize;
        while i < bytes.len() {
            if cut.is_none() && i >= to {
                cut = Some(out.len());
            }
            if let Some(c) = cut
                && (out.len() >= c + extra || i - to > RUN_PAST_END)
            {
                break;
            }
            let b = bytes[i];
            let (class, len) = if b < 0x80 {
                match table[usize::from(b)] {
                    0 => (Class::Sep, 1),
                    m => (Class::Char(char::from(m)), 1),
                }
            } else {
                let c = text[i..].chars().next().unwrap_or('\u{fffd}');
                (class(c, lowercase), c.len_utf8())
            };
            match class {
                Class::Skip => {}
                Class::Sep if in_sep => {}
                Class::Sep => {
                    anchor(&mut self.anchors, &mut delta, out.len(), i);
                    out.push(b' ');
                    in_sep = true;
                }
                Class::Char(c) => {
                    anchor(&mut self.anchors, &mut delta, out.len(), i);
                    if c.is_ascii() {
                        out.push(c as u8);
                    } else {
                        let mut buf = [0u8; 4];
                        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    }
                    in_sep = false;
                    if b < 0x80 {
                        // A run of ASCII characters maps one to one: no anchor moves. It
                        // stops where the checks above must run again: at `to`, or once
                        // `extra` bytes past the cut are written.
                        let limit = match cut {
                            None => to,
                            Some(c) => i + 1 + (c + extra).saturating_sub(out.len()),
                        };
                        let end = limit.min(bytes.len());
                        let ascii = |b: u8| if b < 0x80 { table[usize::from(b)] } else { 0 };
                        let mut j = i + 1;
                        while j < end {
                            let m = ascii(bytes[j]);
                            if m != 0 {
                                out.push(m);
                                j += 1;
                                continue;
                            }
                            // One separator byte between two characters (a space between
                            // words) also maps one to one: the run goes on.
                            match bytes.get(j + 1).map(|&n| ascii(n)) {
                                Some(n) if n != 0 && j + 1 < end => {
                                    out.extend_from_slice(&[b' ', n]);
                                    j += 2;
                                }
                                _ => break,
                            }
                        }
                        i = j;
                        continue;
                    }
                }
            }
            i += len;
        }
        let cut = cut.unwrap_or(out.len());
        anchor(&mut self.anchors, &mut delta, out.len(), i);
        self.text = String::from_utf8(out).unwrap_or_else(|e| {
            // Unreachable: only whole characters are written. Recover rather than panic.
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        });
        cut
    }

    /// The original offset of normalised offset `n` (a character boundary of the
    /// normalised text, or its end).
    pub fn to_orig(&self, n: usize) -> usize {
        let k = self.anchors.partition_point(|a| a.0 <= n).saturating_sub(1);
        let (an, ao) = self.anchors.get(k).copied().unwrap_or((0, 0));
        ao + (n - an)
    }
}

/// Record that normalised offset `n` is original offset `o`, if the two have drifted.
fn anchor(anchors: &mut Vec<(usize, usize)>, delta: &mut isize, n: usize, o: usize) {
    let d = o as isize - n as isize;
    if d != *delta {
        *delta = d;
        if anchors.last().is_some_and(|a| a.0 == n) {
            anchors.pop();
        }
        anchors.push((n, o));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Normalise char by char through `class` (ASCII included), with each output
    /// character's original offset: what `fill` must agree with.
    fn reference(text: &str, lowercase: bool) -> (String, Vec<(usize, usize)>) {
        let (mut out, mut origin, mut in_sep) = (String::new(), Vec::new(), false);
        for (o, c) in text.char_indices() {
            match class(c, lowercase) {
                Class::Skip => {}
                Class::Sep if in_sep => {}
                Class::Sep => {
                    origin.push((out.len(), o));
                    out.push(' ');
                    in_sep = true;
                }
                Class::Char(c) => {
                    origin.push((out.len(), o));
                    out.push(c);
                    in_sep = false;
                }
            }
        }
        (out, origin)
    }

    proptest::proptest! {
        #[test]
        fn fill_agrees_with_the_char_by_char_normalisation(
            text in "([a-zA-Z' .,\\n\t-]|É|é|–|’|\u{a0}|Σ|ς|ﬁ|\u{ad}|\u{200b}|−){0,60}",
            cuts in proptest::collection::vec(0usize..80, 3),
            lowercase in proptest::bool::ANY,
        ) {
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let mut ab = [bounds[cuts[0] % bounds.len()], bounds[cuts[1] % bounds.len()]];
            ab.sort_unstable();
            let [from, to] = ab;
            let extra = cuts[2] % 20;
            let mut n = Normalized::default();
            let cut = n.fill(&text, from, to, extra, lowercase);
            let (want, origin) = reference(&text[from..], lowercase);
            let (head, _) = reference(&text[from..to], lowercase);
            proptest::prop_assert!(want.starts_with(&n.text), "{:?} vs {:?}", n.text, want);
            proptest::prop_assert_eq!(cut, head.len());
            proptest::prop_assert!(n.text.len() >= (cut + extra).min(want.len()));
            for &(at, o) in origin.iter().filter(|(at, _)| *at < n.text.len()) {
                proptest::prop_assert_eq!(n.to_orig(at), from + o, "at {}", at);
            }
        }
    }

    #[test]
    fn offsets_map_back_through_runs_quotes_and_case() {
        let text = "Hi  THERE,\r\n\tWe’d — ẞig ok";
        let mut n = Normalized::default();
        let cut = n.fill(text, 0, text.len(), 0, true);
        assert_eq!(n.text, "hi there, we'd ßig ok");
        assert_eq!(cut, n.text.len());
        for word in ["there", "we'd", "ßig", "ok"] {
            let at = n.text.find(word).unwrap();
            let (s, e) = (n.to_orig(at), n.to_orig(at + word.len()));
            assert_eq!(normalize(&text[s..e], true), word, "{word}: {s}..{e}");
        }
    }

    #[test]
    fn invisible_characters_are_read_as_nothing() {
        let text = "part\u{ad}ner, touch \u{200b}base, win\u{2212}win";
        let mut n = Normalized::default();
        n.fill(text, 0, text.len(), 0, true);
        assert_eq!(n.text, "partner, touch base, win win");
        let at = n.text.find("base").unwrap();
        assert_eq!(&text[n.to_orig(at)..n.to_orig(at + 4)], "base");
        let end = n.text.find(',').unwrap();
        assert_eq!(&text[n.to_orig(0)..n.to_orig(end)], "part\u{ad}ner");
    }

    #[test]
    fn a_piece_reads_on_past_its_end() {
        let text = "aa bb cc dd";
        let mut n = Normalized::default();
        let cut = n.fill(text, 3, 5, 4, true);
        assert_eq!(cut, 2);
        assert_eq!(n.text, "bb cc ");
        assert_eq!(n.to_orig(3), 6);
    }
}
