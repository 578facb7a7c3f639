//! Inputs the fuzz targets (fuzz/fuzz_targets/) crashed on, replayed through the same code path.
//! Each one must now lint without a panic.

use pitchlint::document::{self, Format};
use pitchlint::score::Gate;
use pitchlint::{Linter, pack};

fn lint_all(path: &str, bytes: Vec<u8>, format: Format) {
    let linter = Linter::new(&pack::default_sources()).expect("default pack compiles");
    let Some(doc) = document::read(path, bytes, format) else {
        return;
    };
    let report = pitchlint::lint(&linter, doc, &Gate::default());
    for f in &report.findings {
        assert!(
            report.source.get(f.span.clone()).is_some(),
            "span off a char boundary"
        );
    }
}

/// html_reader, found 2026-11-28: panicked in src/rule/repetition.rs (a merge field's word
/// span overlapped the next word: "byte range starts at 356 but ends at 341"). Fixed.
#[test]
fn html_reader_crash_8818dea7() {
    let bytes = include_bytes!("fuzz_regressions/html_reader-crash-8818dea7.html").to_vec();
    lint_all("f.html", bytes, Format::Html);
}

/// A quoted-printable part whose body is a soft break (`= `) right before the closing
/// boundary, found 2026-12-06 by a review's fuzzer: mail-parser 0.11.9 subtracts past zero
/// (quoted_printable.rs:138), an overflow panic in the dev profile only (release wraps, and
/// the `truncate` then does nothing). `Cargo.toml` turns overflow checks off for mail-parser
/// in the dev profile, so tests run the code the release binary runs.
#[test]
fn eml_quoted_printable_soft_break_before_the_boundary() {
    let bytes = include_bytes!("fuzz_regressions/eml-qp-soft-break-before-boundary.eml").to_vec();
    lint_all("f.eml", bytes, Format::Email);
}
