//! The body shared by the document-reader fuzz targets (text, Markdown, HTML, email): read the
//! bytes in one format, check the parts, lint with the default packs and render; each target
//! includes this file with `#[path = "common.rs"] mod common;` (it is no target of its own).

use pitchlint::document::{self, Format};
use pitchlint::render::{self, OutputFormat, RenderOptions};
use pitchlint::report::Summary;
use pitchlint::score::Gate;
use pitchlint::{Linter, pack};
use std::sync::LazyLock;

static LINTER: LazyLock<Linter> =
    LazyLock::new(|| Linter::new(&pack::default_sources()).expect("default pack compiles"));

/// Read `data` as the file `path` in `format` (binary input is skipped), check that the parts
/// lie on character boundaries inside the view, lint it, check every finding's span, and
/// render it with the human and json renderers; panics on any failed check.
pub fn read_lint_render(path: &str, data: &[u8], format: Format) {
    let Some(doc) = document::read(path, data.to_vec(), format) else {
        return;
    };
    let text = doc.text();
    for s in &doc.segments {
        assert!(s.span.start <= s.span.end && s.span.end <= text.len());
        assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
    }
    let report = pitchlint::lint(&LINTER, doc, &Gate::default());
    for f in &report.findings {
        assert!(
            report.source.get(f.span.clone()).is_some(),
            "span off a char boundary"
        );
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
}
