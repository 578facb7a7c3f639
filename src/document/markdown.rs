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
//!
//! pulldown-cmark holds a tree of the whole text, about six times its size. So a long file is
//! parsed in sections, on all cores, each section starting at a top-level paragraph after a
//! blank line (where no block of the section before can go on: see [`sections`]), and its
//! prose is written straight into the view. Link references defined in one section and used
//! in another still resolve.

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

use super::view::View;
use super::{Document, Format, OffsetMap};

/// A file longer than twice this is parsed in sections of about this many bytes.
const SECTION: usize = 1 << 20;

/// What the parser found in one section, besides the prose it wrote into the view: block
/// quotes and the title (a heading that is the draft's first block), as spans of the file.
#[derive(Default)]
struct Found {
    quotes: Vec<Range<usize>>,
    title: Option<Range<usize>>,
}

/// Link reference labels defined anywhere in the file, normalised (see [`label`]), for the
/// sections that use a label defined in another.
type Labels = HashSet<String>;

/// Parse `source[at..]` (one section, `text`) and copy its prose into `out` (the same span of
/// the view, blank on entry). `first`: whether this section starts the file (front matter and
/// the title are only looked for there).
fn prose(text: &str, at: usize, out: &mut [u8], first: bool, labels: &Labels) -> Found {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    // A reference to a label defined in another section is a link, as it is in the whole file.
    let elsewhere = |link: BrokenLink| {
        (!labels.is_empty() && labels.contains(&label(&link.reference)))
            .then_some((CowStr::Borrowed(""), CowStr::Borrowed("")))
    };
    let mut quotes = Vec::new();
    let mut title = None;
    // The prose inside the title heading: its first start and last end.
    let mut title_prose: Option<Range<usize>> = None;
    // Whether a block other than front matter was seen yet.
    let mut first_block = first;
    // How many enclosing elements hide their text (code blocks, front matter, images,
    // autolinks).
    let mut hidden = 0usize;
    // Whether each open link is an autolink (`<https://…>`), whose text is its URL.
    let mut links: Vec<bool> = Vec::new();
    let parser = Parser::new_with_broken_link_callback(text, opts, Some(elsewhere));
    for (event, range) in parser.into_offset_iter() {
        let keep = match &event {
            Event::Start(Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::Image { .. }) => {
                hidden += 1;
                false
            }
            Event::End(TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::Image) => {
                hidden = hidden.saturating_sub(1);
                false
            }
            Event::Start(Tag::Link { link_type, .. }) => {
                let auto = matches!(*link_type, LinkType::Autolink | LinkType::Email);
                hidden += usize::from(auto);
                links.push(auto);
                false
            }
            Event::End(TagEnd::Link) => {
                if links.pop() == Some(true) {
                    hidden = hidden.saturating_sub(1)
                }
                false
            }
            Event::Start(Tag::BlockQuote(_)) => {
                quotes.push(at + range.start..at + range.end);
                false
            }
            Event::Start(Tag::Heading { .. }) if first_block => {
                title = Some(range.clone());
                false
            }
            Event::Text(_) => hidden == 0,
            Event::InlineHtml(h) => hidden == 0 && is_merge_field(h),
            _ => false,
        };
        if keep {
            if let (Some(dst), Some(src)) = (
                out.get_mut(range.clone()),
                text.as_bytes().get(range.clone()),
            ) {
                dst.copy_from_slice(src);
            }
            if title
                .as_ref()
                .is_some_and(|t| t.start <= range.start && range.end <= t.end)
            {
                let start = title_prose.as_ref().map_or(range.start, |p| p.start);
                title_prose = Some(start..range.end);
            }
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
    Found {
        quotes,
        // The title's prose, without the `#` markers and trailing spaces.
        title: title_prose.map(|p| at + p.start..at + p.end),
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

/// A link label as CommonMark matches it: case and runs of white space don't count.
fn label(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// What a line-by-line scan is inside of, at the top level of the file.
#[derive(Clone, Copy, PartialEq)]
enum Inside {
    Prose,
    /// Front matter closed by this line.
    FrontMatter(&'static str),
    /// A fenced code block: its fence character and length.
    Fence(u8, usize),
    /// An HTML block (CommonMark kinds 1–5) closed by a line containing this.
    Html(&'static str),
}

/// Where the sections of `source` start (the first at 0), each about `size` bytes or more,
/// and the link labels the file defines. A section starts only at a line that starts with an
/// ASCII letter, after a blank line, outside front matter, fenced code and the HTML blocks
/// that may hold blank lines: there every block of the section before has ended (lists, block
/// quotes and footnotes end at a line that is not indented), and a paragraph begins.
fn sections(source: &str, size: usize) -> (Vec<usize>, Labels) {
    let mut starts = vec![0];
    let mut labels = Labels::new();
    let mut inside = match source.lines().next().map(str::trim_end) {
        Some("---") => Inside::FrontMatter("---"),
        Some("+++") => Inside::FrontMatter("+++"),
        _ => Inside::Prose,
    };
    let mut at = 0;
    let mut blank_before = false;
    let mut first_line = true;
    for line in source.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let text = line.trim_end();
        let blank = text.trim_start().is_empty();
        let indent = text.len() - text.trim_start_matches(' ').len();
        let body = &text[indent..];
        match inside {
            Inside::FrontMatter(_) if first_line => {}
            Inside::FrontMatter(end) => {
                if text == end || (end == "---" && text == "...") {
                    inside = Inside::Prose;
                }
            }
            Inside::Fence(c, n) => {
                let run = body.bytes().take_while(|&b| b == c).count();
                if indent <= 3 && run >= n && body[run..].trim().is_empty() {
                    inside = Inside::Prose;
                }
            }
            Inside::Html(end) => {
                if line.to_ascii_lowercase().contains(end) {
                    inside = Inside::Prose;
                }
            }
            Inside::Prose => {
                if blank_before
                    && !blank
                    && indent == 0
                    && body.starts_with(|c: char| c.is_ascii_alphabetic())
                    && start - starts[starts.len() - 1] >= size
                {
                    starts.push(start);
                }
                if indent <= 3 {
                    inside = opens(body);
                    if let Inside::Html(end) = inside {
                        // The block may end on the line that opens it.
                        let rest = body.get(1..).unwrap_or("").to_ascii_lowercase();
                        if rest.contains(end) {
                            inside = Inside::Prose;
                        }
                    }
                    if let Some(l) = definition(body) {
                        labels.insert(label(l));
                    }
                }
            }
        }
        first_line = false;
        blank_before = blank;
    }
    (starts, labels)
}

/// What a top-level line (its indent removed) opens: a fence or an HTML block that may hold
/// blank lines, or nothing.
fn opens(body: &str) -> Inside {
    for c in [b'`', b'~'] {
        let run = body.bytes().take_while(|&b| b == c).count();
        // A backtick fence's info string holds no backtick.
        if run >= 3 && !(c == b'`' && body[run..].contains('`')) {
            return Inside::Fence(c, run);
        }
    }
    if !body.starts_with('<') {
        return Inside::Prose;
    }
    let lower = body.to_ascii_lowercase();
    for tag in ["script", "pre", "style", "textarea"] {
        if let Some(after) = lower[1..].strip_prefix(tag) {
            if after.is_empty() || after.starts_with([' ', '\t', '>']) {
                return Inside::Html(match tag {
                    "script" => "</script>",
                    "pre" => "</pre>",
                    "style" => "</style>",
                    _ => "</textarea>",
                });
            }
        }
    }
    if lower.starts_with("<!--") {
        Inside::Html("-->")
    } else if lower.starts_with("<?") {
        Inside::Html("?>")
    } else if lower.starts_with("<![cdata[") {
        Inside::Html("]]>")
    } else if lower[1..].starts_with('!')
        && lower[2..].starts_with(|c: char| c.is_ascii_alphabetic())
    {
        Inside::Html(">")
    } else {
        Inside::Prose
    }
}

/// The label of a link reference definition line (`[label]: …`), if the line is one.
fn definition(body: &str) -> Option<&str> {
    let rest = body.strip_prefix('[')?;
    if rest.starts_with('^') {
        return None;
    }
    let end = rest.find("]:")?;
    Some(&rest[..end]).filter(|l| !l.contains(['[', ']']) && !l.trim().is_empty())
}

/// The view of `source`: its prose, everything else blank (line breaks kept), in sections of
/// about `size` bytes for a file longer than twice that.
fn view(source: &str, size: usize) -> (String, Found) {
    let mut out: Vec<u8> = source
        .bytes()
        .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
        .collect();
    let found = if source.len() <= 2 * size {
        prose(source, 0, &mut out, true, &Labels::new())
    } else {
        let (starts, labels) = sections(source, size);
        let mut pieces = Vec::with_capacity(starts.len());
        let mut rest: &mut [u8] = &mut out;
        for (i, &start) in starts.iter().enumerate() {
            let end = starts.get(i + 1).copied().unwrap_or(source.len());
            let (piece, after) = rest.split_at_mut(end - start);
            rest = after;
            pieces.push((i, start, &source[start..end], piece));
        }
        use rayon::prelude::*;
        let found: Vec<Found> = pieces
            .into_par_iter()
            .map(|(i, start, text, piece)| prose(text, start, piece, i == 0, &labels))
            .collect();
        let mut all = Found::default();
        for (i, f) in found.into_iter().enumerate() {
            all.quotes.extend(f.quotes);
            if i == 0 {
                all.title = f.title;
            }
        }
        all
    };
    // Prose spans start and end on character boundaries and everything else is ASCII, so
    // this is valid UTF-8; fall back to lossy decoding rather than trusting it blindly.
    let text = String::from_utf8(out)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    (text, found)
}

/// A Markdown document.
pub fn read(path: &str, source: String) -> Document {
    let (text, found) = view(&source, SECTION);
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

    /// The view, quotes and title of `src` parsed whole.
    fn whole(src: &str) -> (String, Vec<Range<usize>>, Option<Range<usize>>) {
        let (text, found) = super::view(src, usize::MAX / 4);
        (text, found.quotes, found.title)
    }

    /// Parsing in sections gives what parsing whole gives, wherever the sections start.
    fn same_in_sections(src: &str) {
        let expected = whole(src);
        for size in [1, 7, 40, 200, 1000] {
            let (text, found) = super::view(src, size);
            if size * 4 < src.len() {
                assert!(sections(src, size).0.len() > 1, "section size {size}");
            }
            assert_eq!(text, expected.0, "section size {size}");
            assert_eq!(found.quotes, expected.1, "section size {size}");
            assert_eq!(found.title, expected.2, "section size {size}");
        }
    }

    #[test]
    fn sections_read_the_real_corpus_as_the_whole_file_does() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/real");
        let mut all = String::new();
        for entry in walk(&dir) {
            if entry.extension().is_some_and(|e| e == "md" || e == "txt") {
                all.push_str(&std::fs::read_to_string(&entry).unwrap());
                all.push_str("\n\n");
            }
        }
        assert!(all.len() > 20_000, "{}", all.len());
        same_in_sections(&all);
    }

    fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut out = Vec::new();
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
        out.sort();
        out
    }

    #[test]
    fn sections_never_start_inside_blocks_that_hold_blank_lines() {
        let src = "---\ntitle: x\n\nPartner notes\n---\n# Our offer\n\nWe partner with you.\n\n\
            ```text\nuse `partner`\n\nPartner inside code\n```\n\nPartner in prose, see [the guide][g].\n\n\
            ~~~~\n~~~\n\nPartner still code\n~~~~\n\n<!-- a comment\n\nPartner hidden\n-->\n\n\
            <pre>\n\nPartner preformatted\n</pre>\n\n> Will you partner?\n\nPartner after a quote.\n\n\
            - a list\n\n  Partner in the list\n\nPartner after the list.\n\n\
            ```bash\n```\n\nPartner after an empty fence [g].\n\n[g]: https://partner.io\n\nPartner last.\n";
        let (text, quotes, title) = whole(src);
        assert!(!text.contains("Partner notes"));
        assert!(!text.contains("Partner inside"));
        assert!(!text.contains("Partner still"));
        assert!(!text.contains("Partner hidden"));
        assert!(!text.contains("Partner preformatted"));
        assert!(!text.contains("partner.io"));
        assert!(text.contains("Partner after an empty fence  g "), "{text}");
        assert_eq!(quotes.len(), 1);
        assert_eq!(&src[title.unwrap()], "Our offer");
        same_in_sections(src);
        let (starts, labels) = sections(src, 1);
        assert!(labels.contains("g"), "{labels:?}");
        for s in &starts[1..] {
            assert!(
                src[*s..].starts_with("Partner") || src[*s..].starts_with("We"),
                "{:?}",
                &src[*s..]
            );
        }
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
