//! Fuzz the markdown reader: any bytes decode (or are skipped as binary), the parts lie on
//! character boundaries inside the view, and a full lint and both renderers never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pitchlint::document::{self, Format};
use pitchlint::render::{self, OutputFormat, RenderOptions};
use pitchlint::report::Summary;
use pitchlint::score::Gate;
use pitchlint::{Linter, pack};
use std::sync::LazyLock;

static LINTER: LazyLock<Linter> =
    LazyLock::new(|| Linter::new(&pack::default_sources()).expect("default pack compiles"));

fuzz_target!(|data: &[u8]| {
    let Some(doc) = document::read("f.md", data.to_vec(), Format::Markdown) else {
        return;
    };
    let text = doc.text();
    for s in &doc.segments {
        assert!(s.span.start <= s.span.end && s.span.end <= text.len());
        assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
    }
    let report = pitchlint::lint(&LINTER, doc, &Gate::default());
    for f in &report.findings {
        assert!(report.source.get(f.span.clone()).is_some(), "span off a char boundary");
    }
    for format in [OutputFormat::Human, OutputFormat::Json] {
        let mut r = render::renderer(format, RenderOptions::default());
        let mut out = Vec::new();
        r.begin(&mut out).unwrap();
        r.file(&mut out, &report).unwrap();
        let mut summary = Summary::default();
        summary.add(&report);
        r.end(&mut out, &summary).unwrap();
    }
});
