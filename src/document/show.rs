//! `--show-parts`: a document's lintable text with its parts marked, as plain text.
//!
//! Each line of the view that lies in a part is printed with the source line it comes from
//! and the part's name, so a user can see why a scoped rule did or did not apply:
//!
//! ```text
//! draft.md (markdown)
//!    1  subject    │ Quick question
//!    3  greeting   │ Hi {{first_name}},
//!    5  opening    │ I saw your post.
//! placeholders: {{first_name}} (line 3)
//! ```

use std::fmt::Write;

use super::Document;
use crate::position::LineIndex;

/// The document's parts, one view line per output line.
pub fn render(doc: &Document) -> String {
    let mut index = LineIndex::new(&doc.source);
    let text = doc.text();
    let mut line_of = |view: usize| {
        let src = doc.map.to_source(view..view).start;
        index.position(&doc.source, src).line
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({})",
        crate::render::printable(&doc.path),
        doc.format.name()
    );
    let width = doc
        .segments
        .iter()
        .map(|s| s.scope.label().len())
        .max()
        .unwrap_or(0)
        .max(9);
    for seg in &doc.segments {
        let label = seg.scope.label();
        let mut at = seg.span.start;
        for line in text[seg.span.clone()].split_inclusive('\n') {
            let shown = line.trim_end_matches(['\n', '\r']);
            if !shown.trim().is_empty() {
                let lead = shown.len() - shown.trim_start().len();
                // Runs of blanks (left where markup was) are shown as one space.
                let words: Vec<&str> = shown.split_whitespace().collect();
                let _ = writeln!(
                    out,
                    "{:>5}  {label:<width$} │ {}",
                    line_of(at + lead),
                    crate::render::printable(&words.join(" "))
                );
            }
            at += line.len();
        }
    }
    if !doc.placeholders.is_empty() {
        let list: Vec<String> = doc
            .placeholders
            .iter()
            .map(|p| {
                let field = crate::render::printable(&text[p.clone()]);
                format!("{field} (line {})", line_of(p.start))
            })
            .collect();
        let _ = writeln!(
            out,
            "placeholders{}: {}",
            if doc.template { " (template)" } else { "" },
            list.join(", ")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::document::{Format, read};

    #[test]
    fn marks_each_part_with_its_source_line() {
        let src = "Subject: Hi\n\nHi {{first_name}},\n\nCan we talk?\n\nBest,\nSam\n";
        let d = read("d.txt", src.as_bytes().to_vec(), Format::Text).unwrap();
        let out = super::render(&d);
        assert!(out.starts_with("d.txt (text)\n"), "{out}");
        assert!(
            out.contains("    3  greeting        │ Hi {{first_name}},"),
            "{out}"
        );
        assert!(
            out.contains("    5  opening+closing │ Can we talk?"),
            "{out}"
        );
        assert!(
            out.contains("placeholders: {{first_name}} (line 3)"),
            "{out}"
        );
    }
}
