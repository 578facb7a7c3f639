//! Markdown: only prose is linted.
//!
//! pulldown-cmark parses the source with byte offsets. The view is the source with every byte
//! that is not prose replaced by a space (line breaks are kept), so view and source offsets
//! are the same (an identity map) and findings need no mapping. Prose is the text of
//! paragraphs, headings, lists, tables and link texts; blanked are code blocks and inline code,
//! HTML (comments, tags, HTML blocks), link and image destinations, image alt texts, autolinks,
//! YAML (`---`) and TOML (`+++`) front matter, and Markdown's own markers (`#`, `*`, `>`…).
//! Block quotes are passed to the parts detection as `quote`. Inline HTML that is an
//! uppercase merge field (`<NAME>`) is kept, so it is seen as a placeholder.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::view::View;
use super::{Document, Format, OffsetMap};

/// What the Markdown parser found: prose spans, block quotes, and the title (a heading
/// that is the draft's first block).
#[derive(Default)]
struct Found {
    keep: Vec<Range<usize>>,
    quotes: Vec<Range<usize>>,
    title: Option<Range<usize>>,
}

/// The prose spans of `source`, its block quotes and its title.
fn prose(source: &str) -> Found {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut keep = Vec::new();
    let mut quotes = Vec::new();
    let mut title = None;
    // Whether a block other than front matter was seen yet.
    let mut first_block = true;
    // How many enclosing elements hide their text (code blocks, front matter, images,
    // autolinks).
    let mut hidden = 0usize;
    // Whether each open link is an autolink (`<https://…>`), whose text is its URL.
    let mut links: Vec<bool> = Vec::new();
    for (event, range) in Parser::new_ext(source, opts).into_offset_iter() {
        match &event {
            Event::Start(Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::Image { .. }) => {
                hidden += 1
            }
            Event::End(TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::Image) => {
                hidden = hidden.saturating_sub(1)
            }
            Event::Start(Tag::Link { link_type, .. }) => {
                let auto = matches!(*link_type, LinkType::Autolink | LinkType::Email);
                hidden += usize::from(auto);
                links.push(auto);
            }
            Event::End(TagEnd::Link) if links.pop() == Some(true) => {
                hidden = hidden.saturating_sub(1)
            }
            Event::Start(Tag::BlockQuote(_)) => quotes.push(range),
            Event::Start(Tag::Heading { .. }) if first_block => title = Some(range.clone()),
            Event::Text(_) if hidden == 0 => keep.push(range),
            Event::InlineHtml(h) if hidden == 0 && is_merge_field(h) => keep.push(range),
            _ => {}
        }
        if matches!(
            event,
            Event::Start(
                Tag::Paragraph
                    | Tag::Heading { .. }
                    | Tag::List(_)
                    | Tag::CodeBlock(_)
                    | Tag::BlockQuote(_)
                    | Tag::Table(_)
                    | Tag::HtmlBlock
            ) | Event::Rule
        ) {
            first_block = false;
        }
    }
    // The title's prose, without the `#` markers and trailing spaces.
    let title = title.and_then(|t| {
        let inner: Vec<&Range<usize>> = keep
            .iter()
            .filter(|k| k.start >= t.start && k.end <= t.end)
            .collect();
        Some(inner.first()?.start..inner.last()?.end)
    });
    Found {
        keep,
        quotes,
        title,
    }
}

/// `<NAME>`, `<FIRST NAME>`: an uppercase "tag" is a merge field, not markup.
fn is_merge_field(h: &str) -> bool {
    let inner = h.trim().strip_prefix('<').and_then(|s| s.strip_suffix('>'));
    inner.is_some_and(|s| {
        s.starts_with(|c: char| c.is_ascii_uppercase())
            && s.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_' || c == ' ')
    })
}

/// The source with everything outside `keep` blanked (line breaks kept).
fn blank(source: &str, keep: &[Range<usize>]) -> String {
    let mut out: Vec<u8> = source
        .bytes()
        .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
        .collect();
    for r in keep {
        if let (Some(dst), Some(src)) = (out.get_mut(r.clone()), source.as_bytes().get(r.clone())) {
            dst.copy_from_slice(src);
        }
    }
    // Kept ranges start and end on character boundaries and everything else is ASCII, so this
    // is valid UTF-8; fall back to lossy decoding rather than trusting it blindly.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// A Markdown document.
pub fn read(path: &str, source: String) -> Document {
    let found = prose(&source);
    let text = blank(&source, &found.keep);
    Document::from_view(
        path.to_string(),
        Format::Markdown,
        source,
        View {
            text,
            map: OffsetMap::default(),
            quotes: found.quotes,
            subject: found.title,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(src: &str) -> String {
        read("t.md", src.to_string()).text().to_string()
    }

    #[test]
    fn code_markup_urls_and_front_matter_are_blanked() {
        let src = "---\ntitle: partner\n---\n# Hi *Dana*\n\nSee `partner()` and [our guide](https://partner.io).\n\n```\npartner\n```\n\n<!-- partner -->\n![partner](p.png) <https://partner.io>\n";
        let v = view(src);
        assert_eq!(v.len(), src.len());
        assert_eq!(v.matches('\n').count(), src.matches('\n').count());
        assert!(!v.contains("partner"), "{v:?}");
        assert!(v.contains("Hi  Dana"), "{v:?}");
        assert!(v.contains("our guide"), "{v:?}");
    }

    #[test]
    fn toml_front_matter_and_merge_field_tags() {
        let src = "+++\nx = \"partner\"\n+++\nHi <NAME>, see <b>this</b>.\n";
        let v = view(src);
        assert!(!v.contains("partner"));
        assert!(v.contains("Hi <NAME>, see    this    ."), "{v:?}");
    }

    #[test]
    fn block_quotes_are_quote_parts() {
        let d = read(
            "t.md",
            "Hi Dana,\n\nWe ship fast.\n\nCan we talk?\n\n> Will you partner with us?\n"
                .to_string(),
        );
        let q: Vec<&str> = d
            .spans_of(crate::document::Scope::QUOTE)
            .map(|r| &d.text()[r.clone()])
            .collect();
        assert_eq!(q.len(), 1);
        assert!(q[0].contains("partner"));
    }
}
