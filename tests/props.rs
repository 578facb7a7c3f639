//! Property tests: on generated drafts, every finding's span lies on character boundaries
//! inside the file and its JSON `text` is the file's text at that span; line and column agree
//! with the byte offset; linting arbitrary bytes never panics.

use std::sync::LazyLock;

use pitchlint::document::{self, Format};
use pitchlint::render::{self, OutputFormat, RenderOptions};
use pitchlint::report::{FileReport, Summary};
use pitchlint::score::Gate;
use pitchlint::{Linter, pack};
use proptest::prelude::*;
use serde_json::Value;

static LINTER: LazyLock<Linter> = LazyLock::new(|| Linter::new(&pack::default_sources()).unwrap());

/// Pieces that make the default pack fire, and the characters that make positions hard.
const PIECES: &[&str] = &[
    "partner",
    "partnership",
    "we’d love to",
    "circle back",
    "touch base",
    "synergy",
    "best-in-class",
    "Hi Dana,",
    "Best,\nSam",
    "-- \n",
    "> quoted partner\n",
    "On Mon, Dana wrote:\n",
    "Subject: partner\n",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\t",
    "é",
    "e\u{301}",
    "😀",
    "👨‍👩‍👧",
    "مرحبا",
    "\u{FEFF}",
    "\u{FFFD}",
    "’",
    "“quoted”",
    ".",
    "?",
    "!!!",
    "word",
];

fn draft() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|v| v.concat())
}

fn lint(bytes: Vec<u8>) -> Option<FileReport> {
    let doc = document::read("p.txt", bytes, Format::Text)?;
    Some(pitchlint::lint(&LINTER, doc, &Gate::default()))
}

fn json_of(report: &FileReport) -> Value {
    let mut r = render::renderer(OutputFormat::Json, RenderOptions::default());
    let mut out = Vec::new();
    r.begin(&mut out).unwrap();
    r.file(&mut out, report).unwrap();
    let mut summary = Summary::default();
    summary.add(report);
    r.end(&mut out, &summary).unwrap();
    serde_json::from_slice(&out).unwrap()
}

/// 1-based line and column (characters) of `offset`, counted independently of the library.
fn line_col(text: &str, offset: usize) -> (u64, u64) {
    let b = text.as_bytes();
    let (mut line, mut start) = (1u64, 0usize);
    let mut i = 0;
    while i < offset {
        match b[i] {
            b'\n' => {
                line += 1;
                start = i + 1;
            }
            b'\r' if b.get(i + 1) != Some(&b'\n') => {
                line += 1;
                start = i + 1;
            }
            b'\r' if i + 1 < offset => {
                line += 1;
                start = i + 2;
                i += 1;
            }
            _ => {}
        }
        i += 1;
    }
    (line, text[start..offset].chars().count() as u64 + 1)
}

fn check(report: &FileReport) -> Result<(), TestCaseError> {
    let src = &report.source;
    for f in &report.findings {
        prop_assert!(f.span.start <= f.span.end && f.span.end <= src.len());
        prop_assert!(src.is_char_boundary(f.span.start) && src.is_char_boundary(f.span.end));
    }
    let v = json_of(report);
    for f in v["files"][0]["findings"].as_array().unwrap() {
        // Offsets count a byte-order mark, which the decoded text leaves out.
        let s = f["offset"].as_u64().unwrap() as usize - report.stored_offset;
        let e = f["end_offset"].as_u64().unwrap() as usize - report.stored_offset;
        prop_assert_eq!(f["text"].as_str().unwrap(), &src[s..e]);
        let start = (f["line"].as_u64().unwrap(), f["column"].as_u64().unwrap());
        prop_assert_eq!(start, line_col(src, s));
        let end = (
            f["end_line"].as_u64().unwrap(),
            f["end_column"].as_u64().unwrap(),
        );
        prop_assert_eq!(end, line_col(src, e));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn findings_sit_on_char_boundaries_and_positions_agree(text in draft()) {
        let report = lint(text.clone().into_bytes()).unwrap();
        prop_assert_eq!(&report.source, &text.strip_prefix('\u{FEFF}').unwrap_or(&text).to_string());
        check(&report)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        if let Some(report) = lint(bytes) {
            check(&report)?;
        }
    }

    #[test]
    fn drafts_with_stray_bytes_never_panic(
        text in draft(),
        noise in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
    ) {
        let mut bytes = text.into_bytes();
        for (at, b) in noise {
            if !bytes.is_empty() {
                let i = at.index(bytes.len());
                bytes[i] = b;
            }
        }
        if let Some(report) = lint(bytes) {
            check(&report)?;
        }
    }
}
