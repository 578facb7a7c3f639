//! Plain text: the view is the source. Also the byte decoding every reader starts from.

use std::io::Read;

use super::{Document, Format, OffsetMap};

/// Decode `bytes` (see [`decode`]) and read the text with `read` (a format's reader): the
/// document gets the decoding's warnings, and the bytes of a UTF-8 byte-order mark as its
/// [`Document::stored_offset`] when the rest is UTF-8 as stored (so that byte offsets in
/// reports are the file's own; a UTF-16 or lossily decoded file's are into its text).
pub fn read_decoded(
    path: &str,
    bytes: Vec<u8>,
    read: impl FnOnce(&str, String) -> Document,
) -> Option<Document> {
    let bom = bytes.starts_with(BOM);
    let (source, warnings) = decode(bytes)?;
    let mut doc = read(path, source);
    doc.stored_offset = if bom && warnings.is_empty() {
        BOM.len()
    } else {
        0
    };
    doc.warnings.extend(warnings);
    Some(doc)
}

/// A UTF-8 byte-order mark: removed when read, kept when a fix is written.
pub(crate) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How many bytes at the start of a file decide whether it is binary (as ripgrep decides).
pub(crate) const SNIFF: usize = 8192;

/// Whether bytes that start with no UTF-16 byte-order mark hold a NUL in their first
/// [`SNIFF`] bytes: such a file is binary, and skipped (its head is enough to decide). UTF-16
/// text holds NULs; UTF-8 text, with a byte-order mark or not, never does.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let utf16 = [&[0xFF, 0xFE], &[0xFE, 0xFF]]
        .iter()
        .any(|m| bytes.starts_with(*m));
    !utf16 && bytes[..bytes.len().min(SNIFF)].contains(&0)
}

/// Read `from` to its end (`size` is its expected length), or only its head when that is
/// binary (see [`looks_binary`]).
pub(crate) fn read_unless_binary(mut from: impl Read, size: usize) -> std::io::Result<Vec<u8>> {
    // The size is a hint (a sparse or special file may claim far more than it holds):
    // reserving it may fail, which is an error, not an abort.
    let mut bytes = Vec::with_capacity(size.min(SNIFF));
    (&mut from).take(SNIFF as u64).read_to_end(&mut bytes)?;
    if !looks_binary(&bytes) {
        bytes
            .try_reserve(size.saturating_sub(bytes.len()))
            .map_err(|_| std::io::Error::from(std::io::ErrorKind::OutOfMemory))?;
        from.read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

/// Decode raw bytes to text. `None` means the bytes look binary (a NUL byte in the first
/// 8 KiB, as ripgrep decides) and the file is skipped. A UTF-8 byte-order mark is removed;
/// UTF-16 with a byte-order mark is decoded; invalid UTF-8 is decoded lossily, with a warning.
pub fn decode(bytes: Vec<u8>) -> Option<(String, Vec<String>)> {
    let mut warnings = Vec::new();
    if looks_binary(&bytes) {
        return None;
    }
    if let Some(rest) = bytes.strip_prefix(BOM) {
        return Some(utf8(rest.to_vec(), &mut warnings)).map(|s| (s, warnings));
    }
    let utf16 = |le: bool, body: &[u8]| -> String {
        let units: Vec<u16> = body
            .chunks(2)
            .map(|c| {
                let pair = [c[0], *c.get(1).unwrap_or(&0)];
                if le {
                    u16::from_le_bytes(pair)
                } else {
                    u16::from_be_bytes(pair)
                }
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Some((utf16(true, rest), warnings));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Some((utf16(false, rest), warnings));
    }
    Some((utf8(bytes, &mut warnings), warnings))
}

fn utf8(bytes: Vec<u8>, warnings: &mut Vec<String>) -> String {
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let (line, column) = invalid_utf8_at(e.as_bytes()).unwrap_or((1, 1));
            warnings.push(format!(
                "invalid UTF-8 at {line}:{column}; invalid bytes were replaced with U+FFFD"
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    }
}

/// Where the first byte that is not UTF-8 stands, as line:column (columns count the
/// characters of the valid text before it); `None` when all of `bytes` is UTF-8.
pub fn invalid_utf8_at(bytes: &[u8]) -> Option<(usize, usize)> {
    let at = std::str::from_utf8(bytes).err()?.valid_up_to();
    let before = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Some((line, column))
}

/// A plain-text document: the view is the source.
pub fn read(path: &str, source: String) -> Document {
    Document::new(
        path.to_string(),
        Format::Text,
        source,
        None,
        OffsetMap::default(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_binary_and_bad_utf8() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi".to_vec()).unwrap().0, "hi");
        assert_eq!(decode(b"\xFF\xFEh\0i\0".to_vec()).unwrap().0, "hi");
        assert_eq!(decode(b"\xFE\xFF\0h\0i".to_vec()).unwrap().0, "hi");
        assert!(decode(b"ab\0cd".to_vec()).is_none());
        // A UTF-8 byte-order mark does not make NULs text (a mark before /dev/zero's bytes).
        assert!(decode(b"\xEF\xBB\xBFab\0cd".to_vec()).is_none());
        let (s, w) = decode(b"caf\xE9".to_vec()).unwrap();
        assert_eq!(s, "caf\u{FFFD}");
        assert_eq!(w.len(), 1);
        let (_, w) = decode("Hi,\nnaïve caf".bytes().chain([0xE9]).collect()).unwrap();
        assert!(w[0].contains("at 2:10;"), "{}", w[0]);
    }
}
