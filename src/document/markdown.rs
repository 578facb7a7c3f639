//! Markdown: only prose is linted.
//!
//! pulldown-cmark parses the source with byte offsets. The view is the source with every byte
//! that is not prose replaced by a space (line breaks are kept), so view and source offsets
//! are the same (an identity map) and findings need no mapping. Prose is the text of
//! paragraphs, headings, lists, tables and link texts; blanked are code blocks and inline code,
//! HTML (comments, tags, HTML blocks), link and image destinations, image alt texts, autolinks,
//! YAML (`---`) and TOML (`+++`) front matter at the top, and Markdown's own markers (`#`,
//! `*`, `>`…). Block quotes are passed to the parts detection as `quote`. Inline HTML that is
//! a merge field (`<NAME>`, `<First Name>`) is kept, so it is seen as a placeholder.
//!
//! pulldown-cmark holds a tree of the whole text, about six times its size. So a long file is
//! parsed in sections, on all cores, each section starting at a top-level paragraph after a
//! blank line (where no block of the section before can go on: see [`sections`]), and its
//! prose is written straight into the view. Link references and footnotes defined in one
//! section and used in another still resolve.

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

use super::view::View;
use super::{Document, Format, OffsetMap};

/// A file longer than twice this is parsed in sections of about this many bytes.
const SECTION: usize = 1 << 20;

/// What the parser found in one section, besides the prose it wrote into the view: block
/// quotes and the title (a heading that is the draft's first block), as spans of the file;
/// and, when the file is read in sections, the link labels the section defines and those it
/// uses without defining them (normalised: see [`label`]).
#[derive(Default)]
struct Found {
    quotes: Vec<Range<usize>>,
    /// Headings but the title.
    headings: Vec<Range<usize>>,
    title: Option<Range<usize>>,
    defined: Vec<String>,
    undefined: Labels,
    /// Footnotes defined (as written), and whether the section may refer to one.
    footnotes: Vec<String>,
    cites: bool,
    /// Whether it holds a block (a title can only be in the first that does).
    blocks: bool,
}

/// Link reference labels defined in a file.
type Labels = HashSet<String>;

/// The Markdown syntax pitchlint reads.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

/// The length of the front matter that starts `source` (YAML between `---` lines, TOML
/// between `+++` lines), closing line included; 0 when there is none. Read as pulldown-cmark
/// reads a metadata block, but only at the start: further down, `---` is a rule or a heading
/// underline, and the prose after it is prose.
fn front_matter(source: &str) -> usize {
    let mut lines = source.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    let close: &[&str] = match first.trim_end() {
        "---" => &["---", "..."],
        "+++" => &["+++"],
        _ => return 0,
    };
    let closes =
        |line: &str| close.contains(&line.trim_end_matches(['\n', '\r']).trim_end_matches(' '));
    let mut at = first.len();
    for (i, line) in lines.enumerate() {
        at += line.len();
        // Its first line is neither blank nor the end.
        if i == 0 && (closes(line) || line.trim().is_empty()) {
            return 0;
        }
        if closes(line) {
            return at;
        }
    }
    0
}

/// Parse one section of a file read in sections, `text` at `at`, into `out` (see [`prose`]).
/// What other sections define is given as `elsewhere`: a reference to a link label in it is
/// a link, as it is in the whole file; the footnotes in it are defined again, after the
/// section (or before it, for the `last`).
fn section(
    text: &str,
    at: usize,
    out: &mut [u8],
    (first, last): (bool, bool),
    elsewhere: &Elsewhere,
) -> Found {
    // A merge field (`[First name]`) is an undefined label too, thousands of times in a long
    // template: each is kept once.
    let mut undefined = Labels::new();
    let resolve = |link: BrokenLink| {
        let l = label(&link.reference);
        if elsewhere.links.contains(&l) {
            return Some((CowStr::Borrowed(""), CowStr::Borrowed("")));
        }
        undefined.insert(l);
        None
    };
    let notes: String = elsewhere
        .footnotes
        .iter()
        .map(|l| format!("[^{l}]: .\n"))
        .collect();
    let (parsed, shift) = if notes.is_empty() {
        (std::borrow::Cow::Borrowed(text), 0)
    } else if last {
        (format!("{notes}\n{text}").into(), notes.len() + 1)
    } else {
        (format!("{text}{notes}").into(), 0)
    };
    let events =
        Parser::new_with_broken_link_callback(&parsed, options(), Some(resolve)).into_offset_iter();
    let defined = events
        .reference_definitions()
        .iter()
        .map(|(l, _)| label(l))
        .collect();
    let events = events.filter_map(|(e, r)| {
        (r.start >= shift && r.end <= shift + text.len())
            .then(|| (e, r.start - shift..r.end - shift))
    });
    let found = prose(events, text, at, out, first);
    Found {
        defined,
        undefined,
        ..found
    }
}

/// What the other sections of a file define: link labels (normalised) and footnotes.
#[derive(Default)]
struct Elsewhere {
    links: Labels,
    footnotes: Vec<String>,
}

/// Copy the prose among `events` (parsed from `text`, at `at` in the file) into `out` (the
/// same span of the view, blank on entry). `first`: whether `text` starts the file (the
/// title is only looked for there).
fn prose<'a>(
    events: impl Iterator<Item = (Event<'a>, Range<usize>)>,
    text: &str,
    at: usize,
    out: &mut [u8],
    first: bool,
) -> Found {
    let mut quotes = Vec::new();
    let mut headings = Vec::new();
    let mut footnotes = Vec::new();
    let mut title = None;
    // The prose inside the title heading: its first start and last end.
    let mut title_prose: Option<Range<usize>> = None;
    // Whether no block was seen yet.
    let mut first_block = first;
    let mut blocks = false;
    // How many enclosing elements hide their text (code blocks, images, autolinks).
    let mut hidden = 0usize;
    // Whether each open link is an autolink (`<https://…>`), whose text is its URL.
    let mut links: Vec<bool> = Vec::new();
    // Inline HTML code (`<code>`, `<kbd>`, `<samp>`) open in this paragraph, hidden as
    // Markdown's own code is.
    let mut html_code = 0usize;
    for (event, range) in events {
        let keep = match &event {
            Event::InlineHtml(h) if html_code_tag(h).is_some() => {
                if html_code_tag(h) == Some(true) {
                    html_code += 1;
                    hidden += 1;
                } else if html_code > 0 {
                    // Its closing tag (a stray one closes nothing).
                    html_code -= 1;
                    hidden -= 1;
                }
                false
            }
            // An unclosed one ends with its paragraph.
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) if html_code > 0 => {
                hidden -= html_code;
                html_code = 0;
                false
            }
            Event::Start(Tag::CodeBlock(_) | Tag::Image { .. }) => {
                hidden += 1;
                false
            }
            Event::End(TagEnd::CodeBlock | TagEnd::Image) => {
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
            // A footnote is a citation, not the pitch: not read (a footnote at the end was
            // taken for the closing, the ask).
            Event::Start(Tag::FootnoteDefinition(l)) => {
                footnotes.push(l.to_string());
                hidden += 1;
                false
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                hidden = hidden.saturating_sub(1);
                false
            }
            Event::Start(Tag::BlockQuote(_)) => {
                quotes.push(at + range.start..at + range.end);
                false
            }
            // A table row's leading `|` stays in the view: each row is a sentence of its
            // own, as a list item is.
            Event::Start(Tag::TableHead | Tag::TableRow) if hidden == 0 => {
                let row = text.get(range.clone()).unwrap_or_default();
                let lead = row.len() - row.trim_start().len();
                if row[lead..].starts_with('|')
                    && let Some(b) = out.get_mut(range.start + lead)
                {
                    *b = b'|';
                }
                false
            }
            // A list item's marker stays in the view (`-`, `*`, `+`, `1.`), as in plain text:
            // each item is its own sentence, not a run-on of the whole list.
            Event::Start(Tag::Item) if hidden == 0 => {
                let item = text.get(range.clone()).unwrap_or_default();
                let lead = item.len() - item.trim_start().len();
                let digits = item[lead..].bytes().take_while(u8::is_ascii_digit).count();
                let marker = match item.as_bytes().get(lead + digits) {
                    Some(b'-' | b'*' | b'+') if digits == 0 => 1,
                    Some(b'.' | b')') if digits > 0 => digits + 1,
                    _ => 0,
                };
                let from = range.start + lead;
                if let (Some(dst), Some(src)) = (
                    out.get_mut(from..from + marker),
                    text.as_bytes().get(from..from + marker),
                ) {
                    dst.copy_from_slice(src);
                }
                false
            }
            Event::Start(Tag::Heading { .. }) if first_block => {
                title = Some(range.clone());
                false
            }
            Event::Start(Tag::Heading { .. }) => {
                headings.push(at + range.start..at + range.end);
                false
            }
            // A space written as an entity (`join&nbsp;forces`, `&#160;`, `&emsp;`) is a space
            // in the view, left blank: as written, it would join its two words into one.
            Event::Text(t)
                if text.get(range.clone()).is_some_and(|r| r.starts_with('&'))
                    && t.chars().all(char::is_whitespace) =>
            {
                false
            }
            Event::Text(_) => hidden == 0,
            // A field alone on its line after a blank one is an HTML block's line to
            // CommonMark (a signature's "<Your Name>"): kept too.
            Event::InlineHtml(h) | Event::Html(h) => hidden == 0 && is_merge_field(h),
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
            // What shows no prose above the title does not make it the second block: an
            // HTML block of only a comment (a suppression directive) or of tags (`<img
            // src=logo.png>`), a paragraph of only a logo image (a paragraph stops being
            // "before the title" at its first prose, below). `blocks`: this text holds a
            // block that ends the search for the title, or the title.
            let no_prose = match event {
                Event::Start(Tag::Paragraph) => true,
                Event::Start(Tag::HtmlBlock) => text.get(range.clone()).is_some_and(|t| {
                    t.trim_start().starts_with("<!--") || !has_text_outside_tags(t)
                }),
                _ => false,
            };
            if !no_prose {
                first_block = false;
                blocks = true;
            }
        }
        // (Blanks between two logo images are no prose either.)
        if keep
            && !text
                .get(range.clone())
                .unwrap_or_default()
                .trim()
                .is_empty()
        {
            first_block = false;
            blocks = true;
        }
    }
    Found {
        quotes,
        headings,
        // The title's prose, without the `#` markers and trailing spaces.
        title: title_prose.map(|p| at + p.start..at + p.end),
        footnotes,
        cites: text.contains("[^"),
        blocks,
        ..Found::default()
    }
}

/// Whether HTML holds text outside its tags (`<p>Hi</p>` does; `<img src=x>` does not).
fn has_text_outside_tags(html: &str) -> bool {
    let mut inside = false;
    html.chars().any(|c| match c {
        '<' => {
            inside = true;
            false
        }
        '>' => {
            inside = false;
            false
        }
        c => !inside && !c.is_whitespace(),
    })
}

/// Whether inline HTML is a code element's tag: `Some(true)` opening (`<code>`, `<kbd
/// class="x">`, `<samp>`), `Some(false)` closing (`</code>`), `None` another tag.
fn html_code_tag(h: &str) -> Option<bool> {
    let inner = h.trim().strip_prefix('<')?.strip_suffix('>')?;
    let (open, inner) = match inner.strip_prefix('/') {
        Some(rest) => (false, rest),
        None => (true, inner),
    };
    let name = inner
        .split(|c: char| c.is_whitespace() || c == '/')
        .next()?;
    super::html::CODE
        .iter()
        .any(|t| name.eq_ignore_ascii_case(t))
        .then_some(open)
}

/// `<NAME>`, `<FIRST NAME>`, `<First Name>`, `<first_name>`: a "tag" that the placeholders
/// read, whole, as one merge field is not markup.
fn is_merge_field(h: &str) -> bool {
    let h = h.trim();
    h.starts_with('<') && matches!(super::placeholders::find(h)[..], [ref r] if *r == (0..h.len()))
}

/// A link label as CommonMark matches it: case and runs of white space don't count.
fn label(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// What a line-by-line scan is inside of, at the top level of the file.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Inside {
    Prose,
    /// A fenced code block: its fence character and length.
    Fence(u8, usize),
    /// An HTML block (CommonMark kinds 1–5) closed by a line containing this.
    Html(&'static str),
    /// An HTML block that ends at a blank line (kinds 6 and 7), or text that may be one.
    HtmlToBlank,
    /// Something the scan cannot place for sure: no section starts after it.
    Unsure,
}

/// Where the sections of `source` start (the first at 0), each about `size` bytes or more.
/// A section starts only at a line that starts with an ASCII letter, after a blank line,
/// outside fenced code and HTML blocks: there every block of the section before has ended
/// (lists, block quotes, footnotes and indented code end at a line that is not indented, and
/// the other HTML blocks at a blank line), and a paragraph begins.
///
/// A fence or an HTML block that starts in the first column is at the top level, whatever
/// came before. One that starts indented by one to three spaces may be inside a list item, or
/// not; a fence inside an HTML block that ends at a blank line may be in that block, or
/// not (that block may be text). The scan cannot tell without parsing, so after either it
/// starts no more sections: the rest of the file is one section.
fn sections(source: &str, size: usize) -> Vec<usize> {
    let mut starts = vec![0];
    let mut inside = Inside::Prose;
    let mut at = 0;
    let mut blank_before = false;
    for line in source.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let text = line.trim_end();
        let blank = text.trim_start().is_empty();
        let indent = text.len() - text.trim_start_matches(' ').len();
        let body = &text[indent..];
        // What the line opens if it is at the top level, and whether that is a fence or an
        // HTML block that may hold blank lines.
        let opened = (indent <= 3).then(|| opens(body));
        let unsure = matches!(opened, Some(Inside::Fence(..) | Inside::Html(_)));
        match inside {
            Inside::Unsure => break,
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
            Inside::HtmlToBlank if blank => inside = Inside::Prose,
            Inside::HtmlToBlank => {
                if unsure {
                    inside = Inside::Unsure;
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
                inside = match opened {
                    Some(Inside::Fence(..) | Inside::Html(_)) if indent > 0 => Inside::Unsure,
                    Some(Inside::Html(end)) if body[1..].to_ascii_lowercase().contains(end) => {
                        // The block ends on the line that opens it.
                        Inside::Prose
                    }
                    Some(o) => o,
                    None => Inside::Prose,
                };
            }
        }
        blank_before = blank;
    }
    starts
}

/// What a line (its indent removed) would open at the top level: a fence, an HTML block, or
/// nothing.
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
    for (tag, end) in [
        ("script", "</script>"),
        ("pre", "</pre>"),
        ("style", "</style>"),
        ("textarea", "</textarea>"),
    ] {
        if let Some(after) = lower[1..].strip_prefix(tag)
            && (after.is_empty() || after.starts_with([' ', '\t', '>']))
        {
            return Inside::Html(end);
        }
    }
    let after = &lower[1..];
    if after.starts_with("!--") {
        Inside::Html("-->")
    } else if after.starts_with('?') {
        Inside::Html("?>")
    } else if after.starts_with("![cdata[") {
        Inside::Html("]]>")
    } else if after.starts_with('!') && after[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        Inside::Html(">")
    } else if after
        .trim_start_matches('/')
        .starts_with(|c: char| c.is_ascii_alphabetic())
    {
        // A tag: an HTML block to the next blank line, or text (kinds 6 and 7).
        Inside::HtmlToBlank
    } else {
        Inside::Prose
    }
}

/// The view of `source`: its prose, everything else blank (line breaks kept), in sections of
/// about `size` bytes for a file longer than twice that.
fn view(source: &str, size: usize) -> (String, Found) {
    let mut out: Vec<u8> = source
        .bytes()
        .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
        .collect();
    // The front matter stays blank; the Markdown starts after it.
    let skip = front_matter(source);
    let (body, view) = (&source[skip..], &mut out[skip..]);
    let found = if body.len() <= 2 * size {
        let events = Parser::new_ext(body, options()).into_offset_iter();
        prose(events, body, skip, view, true)
    } else {
        in_sections(body, skip, view, size)
    };
    // Prose spans start and end on character boundaries and everything else is ASCII, so
    // this is valid UTF-8; fall back to lossy decoding rather than trusting it blindly.
    let text = String::from_utf8(out)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    (text, found)
}

/// [`view`] for a long file, `source` at `at` in it: its sections parsed on all cores into
/// `out`. A section that uses a link label defined in another is parsed again, knowing it
/// (rarely: most files define their references, if any, beside their uses).
fn in_sections(source: &str, at: usize, out: &mut [u8], size: usize) -> Found {
    use rayon::prelude::*;
    let starts = sections(source, size);
    let mut pieces = Vec::with_capacity(starts.len());
    let mut rest: &mut [u8] = out;
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(source.len());
        let (piece, after) = rest.split_at_mut(end - start);
        rest = after;
        pieces.push((at + start, &source[start..end], piece));
    }
    let n = pieces.len();
    let none = Elsewhere::default();
    let mut found: Vec<Found> = pieces
        .par_iter_mut()
        .enumerate()
        .map(|(i, (start, text, piece))| section(text, *start, piece, (i == 0, i + 1 == n), &none))
        .collect();
    let links: Labels = found
        .iter()
        .flat_map(|f| f.defined.iter().cloned())
        .collect();
    let notes: Vec<&String> = found.iter().flat_map(|f| &f.footnotes).collect();
    // What a section lacks that others define: it is parsed again, knowing them.
    let lacks: Vec<Option<Elsewhere>> = found
        .iter()
        .map(|f| {
            let footnotes: Vec<String> = notes
                .iter()
                .filter(|l| f.cites && !f.footnotes.contains(l))
                .map(|l| l.to_string())
                .collect();
            let link = f.undefined.iter().any(|l| links.contains(l));
            (link || !footnotes.is_empty()).then(|| Elsewhere {
                links: if link { links.clone() } else { Labels::new() },
                footnotes,
            })
        })
        .collect();
    let again = |i: usize, (start, text, piece): &mut (usize, &str, &mut [u8]), first: bool| {
        for (b, s) in piece.iter_mut().zip(text.bytes()) {
            *b = if s == b'\n' || s == b'\r' { s } else { b' ' };
        }
        let none = Elsewhere::default();
        let elsewhere = lacks[i].as_ref().unwrap_or(&none);
        section(text, *start, piece, (first, i + 1 == n), elsewhere)
    };
    pieces
        .par_iter_mut()
        .zip(found.par_iter_mut())
        .enumerate()
        .filter(|(i, _)| lacks[*i].is_some())
        .for_each(|(i, (p, f))| *f = again(i, p, i == 0));
    // The title is looked for in the first section that holds a block, once each section
    // knows what the others define (a footnote's mark above the title is no prose there).
    let titled = found.iter().position(|f| f.blocks).unwrap_or(0);
    if titled > 0 {
        found[titled] = again(titled, &mut pieces[titled], true);
    }
    let mut all = Found::default();
    for f in found {
        all.quotes.extend(f.quotes);
        all.headings.extend(f.headings);
        all.title = all.title.or(f.title);
    }
    all
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
            headings: found.headings,
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
    fn the_title_may_follow_a_comment_or_a_logo_but_not_prose() {
        let subject = |src: &str| {
            let d = read("t.md", src.to_string());
            d.spans_of(crate::document::Scope::SUBJECT)
                .map(|r| d.text()[r.clone()].to_string())
                .collect::<Vec<_>>()
        };
        let rest = "# Q4 reefer capacity\n\nHi Pepper,\n\nWe run 40 reefers.\n\nCan we talk?\n";
        for above in [
            "",
            "<!-- pitchlint-disable sales/cliches -->\n",
            "<!-- a note -->\n\n",
            "![Northwind](logo.png)\n\n",
            "![Ortiz](o.png) ![Partner](p.png)\n\n",
            "<img src=\"logo.png\" alt=\"Ortiz\">\n\n",
            "<p align=\"center\"><img src=\"logo.png\"></p>\n\n",
        ] {
            assert_eq!(
                subject(&format!("{above}{rest}")),
                ["Q4 reefer capacity"],
                "{above:?}"
            );
        }
        assert!(subject(&format!("Some intro text.\n\n{rest}")).is_empty());
    }

    /// A space written as an entity separates words in the view; other entities stay as
    /// written (the view is the source, byte for byte).
    #[test]
    fn a_space_entity_is_a_space() {
        let src = "Shall we join&nbsp;forces, all&#160;in, at&emsp;once? AT&amp;T `a&nbsp;b`\n";
        let v = view(src);
        assert_eq!(v.len(), src.len());
        assert_eq!(
            v.split_whitespace().collect::<Vec<_>>(),
            [
                "Shall", "we", "join", "forces,", "all", "in,", "at", "once?", "AT&amp;T"
            ]
        );
    }

    #[test]
    fn a_footnote_is_no_closing() {
        let src = "Hi Dana,\n\nWe cut late loads 40%[^1].\n\nCould we talk Tuesday?\n\n[^1]: Measured over 2025, partner loads.\n";
        let d = read("t.md", src.to_string());
        assert!(!d.text().contains("Measured"), "{:?}", d.text());
        let closing: Vec<&str> = d
            .spans_of(crate::document::Scope::CLOSING)
            .map(|r| &d.text()[r.clone()])
            .collect();
        assert_eq!(closing, ["Could we talk Tuesday?"]);
    }

    #[test]
    fn inline_html_code_is_code() {
        let src = "Type <code>partner()</code>, <KBD class=\"k\">Partner</KBD> or <samp>partner</samp>; we partner.\n\nA <code>partner\n\nWill you partner?\n";
        let v = view(src);
        assert_eq!(v.len(), src.len());
        // The prose copies only: the unclosed `<code>` ends with its paragraph.
        assert_eq!(v.matches("partner").count(), 2, "{v:?}");
        assert!(v.contains("we partner."), "{v:?}");
        assert!(v.contains("Will you partner?"), "{v:?}");
        assert_eq!(html_code_tag("<b>"), None);
        assert_eq!(html_code_tag("<codex>"), None);
        assert_eq!(html_code_tag("</code >"), Some(false));
    }

    #[test]
    fn toml_front_matter_and_merge_field_tags() {
        let src = "+++\nx = \"partner\"\n+++\nHi <NAME>, see <b>this</b>.\n";
        let v = view(src);
        assert!(!v.contains("partner"));
        assert!(v.contains("Hi <NAME>, see    this    ."), "{v:?}");
        // In any case, if it names a field; a tag that names one (`<title>`) is markup.
        let v = view("Best,\n\n<Your Name>\n<Your Title>\n\n<div>\n<Company>\n</div>\n");
        assert_eq!(
            v,
            "Best,\n\n<Your Name>\n<Your Title>\n\n     \n<Company>\n      \n"
        );
        let v = view("Hi <First Name> at <your_company>, <title>Q3</title> <Acme Corp>.\n");
        assert_eq!(
            v,
            "Hi <First Name> at <your_company>,        Q3                    .\n"
        );
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
                assert!(sections(src, size).len() > 1, "section size {size}");
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
        for input in crate::inputs::collect(&[dir]).inputs {
            if let crate::inputs::Input::File(p) = input {
                all.push_str(&std::fs::read_to_string(p).unwrap());
                all.push_str("\n\n");
            }
        }
        assert!(all.len() > 20_000, "{}", all.len());
        same_in_sections(&all);
    }

    /// A footnote's mark above the title, defined further down, is no prose: the heading
    /// under it is the title in sections too (the mark's section reads it as a mark only
    /// once it knows the definition; proptest found it).
    #[test]
    fn a_footnote_mark_above_the_title_defined_in_another_section() {
        let src = "[^1]\n\nPartner with us.\n===\n[^1]: a note\n";
        let (_, _, title) = whole(src);
        assert_eq!(&src[title.clone().unwrap()], "Partner with us.");
        assert!(sections(src, 1).len() > 1);
        let (_, found) = super::view(src, 1);
        assert_eq!(found.title, title);
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
        let starts = sections(src, 1);
        for s in &starts[1..] {
            assert!(
                src[*s..].starts_with("Partner") || src[*s..].starts_with("We"),
                "{:?}",
                &src[*s..]
            );
        }
    }

    /// Lines of the kinds that open, hold or close Markdown blocks.
    const LINES: &[&str] = &[
        "",
        "",
        "",
        "Partner with us.",
        "We ship *fast* and `partner` well.",
        "Partner",
        "```",
        "```text",
        "~~~",
        "````",
        "  ```",
        "    code line",
        "<!-- a comment",
        "-->",
        "<pre>",
        "</pre>",
        "<script>",
        "</script>",
        "<?php",
        "?>",
        "<![CDATA[",
        "]]>",
        "<!DOCTYPE x",
        ">",
        "<div>",
        "</div>",
        "> quoted partner",
        ">",
        "- item",
        "  more",
        "1. first",
        "[g]: https://partner.io",
        "See [the guide][g].",
        "[G]",
        "[^1]: a note",
        "Said it[^1].",
        "---",
        "+++",
        "...",
        "title: partner",
        "# Heading",
        "Setext",
        "===",
        "| a | b |",
        "|---|---|",
        "| c | d |",
        "<NAME>, hi",
        "\\```",
        "\t```",
        "   ```",
        "  - nested",
        "* * *",
        "<p>Partner</p>",
        "1) first",
        "\t- tab item",
        "> ```",
        "- ```",
        "Partner `code",
        "more` here",
        "[^1]",
        "[g]:",
        "  https://partner.io",
        "</div>",
        "<span>",
        "<!-- one -->",
        "Partner <!--",
        "~~~~~",
    ];

    /// A line: prose and blank lines (where sections may start) as often as the others.
    fn line() -> impl proptest::strategy::Strategy<Value = &'static str> {
        use proptest::sample::select;
        proptest::prop_oneof![
            2 => select(&["", "", "Partner with us.", "We ship fast."][..]),
            1 => select(LINES),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// Any mix of block openers and closers reads the same in sections as whole.
        #[test]
        fn sections_read_any_blocks_as_the_whole_file_does(
            lines in proptest::collection::vec(line(), 1..80),
            crlf in proptest::bool::ANY,
        ) {
            let eol = if crlf { "\r\n" } else { "\n" };
            let src: String = lines.iter().map(|l| format!("{l}{eol}")).collect();
            let expected = whole(&src);
            for size in [1, 30] {
                let (text, found) = super::view(&src, size);
                proptest::prop_assert_eq!(&text, &expected.0, "section size {}", size);
                proptest::prop_assert_eq!(&found.quotes, &expected.1);
                proptest::prop_assert_eq!(&found.title, &expected.2);
            }
        }
    }

    #[test]
    fn front_matter_is_only_at_the_start() {
        // Between two rules further down, it is prose (a metadata block to pulldown-cmark).
        let src = "Hi Dana,\n\nWe ship fast.\n\n---\nWill you partner with us?\n---\n\nSam\n";
        assert!(
            view(src).contains("Will you partner with us?"),
            "{:?}",
            view(src)
        );
        for (src, skip) in [
            ("---\ntitle: x\n---\nHi", 17),
            ("+++\nx = 1\n+++\r\nHi", 15),
            ("---  \na: b\n...\nHi", 15),
            ("---\n\na: b\n---\nHi", 0),
            ("---\n---\nHi", 0),
            ("---\na: b\nHi", 0),
            ("----\na: b\n----\nHi", 0),
            ("+++\na: b\n---\nHi", 0),
        ] {
            assert_eq!(front_matter(src), skip, "{src:?}");
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

    /// A proposal's section headings are body: the opening is the first paragraph under
    /// them, the closing the last paragraph, even under a heading of its own.
    #[test]
    fn headings_are_neither_opening_nor_closing() {
        use crate::document::Scope;
        let d = read(
            "t.md",
            "# A note for Harlow\n\n## Introduction\n\nSorry to bother you about cartons.\n\n\
             ## Details\n\nWe cut damage from 4% to 1% for Acme.\n\n\
             ## Next step\n\nShall we talk on Tuesday?\n"
                .to_string(),
        );
        assert_eq!(d.texts_of(Scope::SUBJECT), ["A note for Harlow"]);
        assert_eq!(
            d.texts_of(Scope::OPENING),
            ["Sorry to bother you about cartons."]
        );
        assert_eq!(d.texts_of(Scope::CLOSING), ["Shall we talk on Tuesday?"]);
        let body = d.texts_of(Scope::BODY);
        for h in ["Introduction", "Details", "Next step"] {
            assert!(body.contains(&h), "{body:?}");
        }
        // A heading with its text right under it, no blank line between.
        let d = read(
            "t.md",
            "# Title\n\n## Introduction\nSorry to bother you.\n\n## Next step\nShall we talk?\n"
                .to_string(),
        );
        assert_eq!(d.texts_of(Scope::OPENING), ["Sorry to bother you."]);
        assert_eq!(d.texts_of(Scope::CLOSING), ["Shall we talk?"]);
        // A heading that asks may be the ask.
        let d = read(
            "t.md",
            "# Title\n\n## Why now\n\nYour site added a shift.\n\n## Could we talk on Tuesday?\n"
                .to_string(),
        );
        assert_eq!(d.texts_of(Scope::CLOSING), ["Could we talk on Tuesday?"]);
        // A draft of headings only still has an opening.
        let d = read("t.md", "# Title\n\n## Only a heading\n".to_string());
        assert_eq!(d.spans_of(Scope::OPENING).count(), 1);
    }
}
