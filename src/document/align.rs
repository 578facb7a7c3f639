//! Aligning decoded text with the raw bytes it was decoded from, so that every piece of a
//! lintable view maps back to the file as stored.
//!
//! The decoders (html5gum for entities, mail-parser for quoted-printable and charsets) are the
//! truth about what the text *is*; these functions only find where each piece of it *was*.
//! Each returns pieces `(decoded range, raw range)`: equal runs map byte for byte, a decoded
//! piece (an entity, a run of escapes) maps as a whole. When the two cannot be matched up
//! again, the rest is one piece: positions then point at its start, still inside the text.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

#[allow(clippy::expect_used)] // a constant pattern, not input
static ENTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^&(?:#[xX][0-9a-fA-F]{1,8};?|#[0-9]{1,8};?|[A-Za-z][A-Za-z0-9]{0,31};?)")
        .expect("entity regex compiles")
});

/// Align the tokenizer's decoded text with the raw source bytes it came from: pieces of the
/// decoded text (byte ranges) with the raw ranges they stand for. Equal runs are one piece;
/// each entity and each CR LF is a piece of its own. If the two cannot be aligned, the rest is
/// one piece (positions then point at its start: still the text, never a tag).
pub fn entities(raw: &str, decoded: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let (rb, db) = (raw.as_bytes(), decoded.as_bytes());
    let mut out = Vec::new();
    let (mut r, mut d) = (0, 0);
    while r < rb.len() && d < db.len() {
        let (r0, d0) = (r, d);
        while r < rb.len() && d < db.len() && rb[r] == db[d] && rb[r] != b'&' && rb[r] != b'\r' {
            r += 1;
            d += 1;
        }
        while !decoded.is_char_boundary(d) || !raw.is_char_boundary(r) {
            r -= 1;
            d -= 1;
        }
        if d > d0 {
            out.push((d0..d, r0..r));
        }
        if r >= rb.len() || d >= db.len() {
            break;
        }
        if rb[r] == b'\r' && db[d] == b'\n' {
            let len = if rb.get(r + 1) == Some(&b'\n') { 2 } else { 1 };
            out.push((d..d + 1, r..r + len));
            (r, d) = (r + len, d + 1);
            continue;
        }
        if rb[r] == b'&' {
            if let Some((rl, dl)) = entity_at(&raw[r..], &decoded[d..]) {
                out.push((d..d + dl, r..r + rl));
                (r, d) = (r + rl, d + dl);
                continue;
            }
            if db[d] == b'&' {
                out.push((d..d + 1, r..r + 1));
                (r, d) = (r + 1, d + 1);
                continue;
            }
        }
        if d == d0 {
            break;
        }
    }
    if d < db.len() {
        out.push((d..db.len(), r.min(rb.len())..rb.len()));
    }
    out
}

/// The raw and decoded lengths of the entity that starts `raw`, checked against the text
/// that follows it on both sides.
fn entity_at(raw: &str, decoded: &str) -> Option<(usize, usize)> {
    let max = ENTITY.find(raw)?.end();
    let mut widths = Vec::new();
    let mut w = 0;
    for c in decoded.chars().take(2) {
        w += c.len_utf8();
        widths.push(w);
    }
    // One decoded character first: most entities decode to one.
    for &dl in &widths {
        for rl in (2..=max).rev() {
            if !raw.is_char_boundary(rl) {
                continue;
            }
            let (a, b) = (&raw[rl..], &decoded[dl..]);
            let agree = if a.is_empty() {
                b.is_empty()
            } else {
                let n = a
                    .bytes()
                    .take(16)
                    .position(|c| c == b'&' || c == b'\r')
                    .unwrap_or(a.len().min(16));
                b.as_bytes().starts_with(&a.as_bytes()[..n])
            };
            if agree {
                return Some((rl, dl));
            }
        }
    }
    None
}

/// Align one decoded line with the encoded bytes it came from: pieces of the decoded line
/// (byte ranges) with the raw ranges they stand for. Equal runs map byte for byte; a run of
/// quoted-printable escapes (`=E2=80=99`, soft breaks) or of bytes in another charset maps as
/// a whole to the decoded characters it became. When the two cannot be matched up again, the
/// rest of the line is one piece.
pub fn encoded(raw: &[u8], decoded: &str, qp: bool) -> Vec<(Range<usize>, Range<usize>)> {
    let db = decoded.as_bytes();
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    let special = |b: u8| b >= 0x80 || (qp && b == b'=');
    while i < raw.len() && j < db.len() {
        let (i0, j0) = (i, j);
        while i < raw.len() && j < db.len() && raw[i] == db[j] && !special(raw[i]) {
            i += 1;
            j += 1;
        }
        if j > j0 {
            out.push((j0..j, i0..i));
        }
        if i >= raw.len() || j >= db.len() {
            break;
        }
        // The encoded run: escapes and soft breaks, or bytes of another charset.
        let start = i;
        loop {
            let hex = |k: usize| raw.get(k).is_some_and(u8::is_ascii_hexdigit);
            if qp && raw[i] == b'=' && hex(i + 1) && hex(i + 2) {
                i += 3;
            } else if qp && raw[i] == b'=' {
                // A soft break: `=`, optional whitespace, the line break.
                i += 1;
                while i < raw.len() && raw[i].is_ascii_whitespace() {
                    i += 1;
                }
            } else if raw[i] >= 0x80 || (i == start && raw[i] != db[j]) {
                i += 1;
            } else {
                break;
            }
            if i >= raw.len() {
                break;
            }
        }
        // Where the decoded text picks up the next literal run again.
        let lit: &[u8] = {
            let rest = &raw[i..];
            let n = rest
                .iter()
                .take(8)
                .position(|&b| special(b))
                .unwrap_or(rest.len().min(8));
            &rest[..n]
        };
        // An encoded run decodes to at most about 4 bytes per raw byte (a byte of another
        // charset to a 3-byte character; an escape of 3 bytes to one): the literal run is
        // looked for that far on. (A fixed 24 bytes lost ten Chinese characters in a row of
        // escapes, and the rest of the line became one piece that every finding in it quoted
        // whole: a 200 KB email reported 2.8 GB of JSON.)
        let reach = 24 + 4 * (i - start);
        let fits = |k: usize| {
            j + k <= db.len() && decoded.is_char_boundary(j + k) && db[j + k..].starts_with(lit)
        };
        // Quoted-printable in UTF-8 decodes each escape to one byte: that length is tried
        // first, so that escapes decoding to the literal's own text (`=20`, escaped
        // punctuation) do not resync inside the run (a review found the first search
        // misplacing every later finding).
        let exact = qp.then(|| {
            let run = &raw[start..i];
            let escapes = run
                .windows(3)
                .filter(|w| w[0] == b'=' && w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit())
                .count();
            escapes + run.iter().filter(|&&b| b >= 0x80).count()
        });
        let resync = if lit.is_empty() {
            (i >= raw.len()).then_some(db.len() - j)
        } else if let Some(k) = exact.filter(|&k| fits(k)) {
            Some(k)
        } else {
            (0..=reach.min(db.len() - j)).find(|&k| fits(k))
        };
        match resync {
            Some(k) => {
                if k > 0 {
                    out.push((j..j + k, start..i));
                }
                j += k;
            }
            None => {
                out.push((j..db.len(), start..raw.len()));
                return out;
            }
        }
    }
    if j < db.len() {
        out.push((j..db.len(), i.min(raw.len())..raw.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces<'a>(
        raw: &'a str,
        dec: &'a str,
        p: &[(Range<usize>, Range<usize>)],
    ) -> Vec<(&'a str, &'a str)> {
        p.iter()
            .map(|(d, r)| (&dec[d.clone()], &raw[r.clone()]))
            .collect()
    }

    #[test]
    fn entities_and_crlf() {
        let raw = "a&amp;b\r\nc&rsquo;";
        let dec = "a&b\nc’";
        assert_eq!(
            pieces(raw, dec, &entities(raw, dec)),
            [
                ("a", "a"),
                ("&", "&amp;"),
                ("b", "b"),
                ("\n", "\r\n"),
                ("c", "c"),
                ("’", "&rsquo;")
            ]
        );
    }

    #[test]
    fn quoted_printable_and_other_charsets() {
        let raw = "We=E2=80=99re a=\r\nb";
        let dec = "We’re ab";
        assert_eq!(
            pieces(raw, dec, &encoded(raw.as_bytes(), dec, true)),
            [
                ("We", "We"),
                ("’", "=E2=80=99"),
                ("re a", "re a"),
                ("b", "b")
            ]
        );
        let raw = b"caf\xe9 ok";
        let p = encoded(raw, "café ok", false);
        assert_eq!(p, [(0..3, 0..3), (3..5, 3..4), (5..8, 4..7)]);
    }

    /// A long run of escapes (ten Chinese characters, 90 bytes of quoted-printable that decode
    /// to 30) is aligned as one piece, and the text after it byte for byte again.
    #[test]
    fn long_encoded_runs_are_aligned() {
        let cjk = "合作伙伴关系的承诺很重";
        let escaped: String = cjk.bytes().map(|b| format!("={b:02X}")).collect();
        let raw = format!("Hi {escaped} partner ok");
        let dec = format!("Hi {cjk} partner ok");
        let p = encoded(raw.as_bytes(), &dec, true);
        assert_eq!(
            pieces(&raw, &dec, &p),
            [
                ("Hi ", "Hi "),
                (cjk, escaped.as_str()),
                (" partner ok", " partner ok")
            ]
        );
        // Bytes of another charset, 30 in a row (é in windows-1252 decodes to 2 bytes).
        let mut raw = vec![0xe9u8; 30];
        raw.extend_from_slice(b" partner");
        let dec = format!("{} partner", "é".repeat(30));
        let p = encoded(&raw, &dec, false);
        assert_eq!(p, [(0..60, 0..30), (60..68, 30..38)]);
    }

    /// Escapes that decode to the text after them (an encoder that escapes ASCII) resync where
    /// the run's decoded length says, not at the first copy of the literal inside it.
    #[test]
    fn escapes_of_ascii_resync_at_their_decoded_length() {
        let raw = "=62=61=72=20=66=6F=6F=20bar ok";
        let dec = "bar foo bar ok";
        let p = encoded(raw.as_bytes(), dec, true);
        assert_eq!(
            pieces(raw, dec, &p),
            [
                ("bar foo ", "=62=61=72=20=66=6F=6F=20"),
                ("bar ok", "bar ok")
            ]
        );
    }

    #[test]
    fn unalignable_rest_is_one_piece() {
        let p = encoded(b"=ZZ", "xyz", true);
        assert_eq!(p.last().map(|x| x.0.end), Some(3));
    }
}
