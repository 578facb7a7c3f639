//! HTML: only visible text is linted.
//!
//! html5gum (a WHATWG-compliant tokenizer) gives every token its byte span in the source. The
//! view is built from text tokens only, with entities decoded: each decoded piece is aligned
//! back to the raw bytes it came from (`&rsquo;` → `’` maps to the seven bytes of the entity),
//! so findings point at the text in the file as stored and never into a tag. Skipped: tags and
//! attributes, comments, `<head>`, `<script>`, `<style>` and other invisible elements,
//! elements hidden by their style (e-mail preheaders), images (tracking pixels), and code
//! (`<code>`, `<kbd>`, `<samp>`, as Markdown's code is: a `<pre><code>` block too). A bare
//! `<pre>` is prose: mail clients wrap plain-text messages in it.
//! Block elements and table rows are paragraph breaks (a row's cells are a space apart),
//! `<div>`, `<li>` and `<br>` are line breaks, so that the parts of a pitch are found as in plain text. `<blockquote>` (and
//! Gmail's `gmail_quote`) is quoted text.

use std::ops::Range;

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::align;
use super::view::{View, ViewBuilder};
use super::{Document, Format};

/// Elements whose content is never shown.
const INVISIBLE: &[&str] = &[
    "head", "script", "style", "title", "template", "noscript", "svg", "object", "iframe",
    "select", "canvas", "math",
];
/// Elements whose content is code, never prose: not linted, and never rewritten by `--fix`.
pub(super) const CODE: &[&str] = &["code", "kbd", "samp"];
/// Elements that have no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Elements that start a new line.
const LINE: &[&str] = &["div", "li", "dt", "dd", "caption"];
/// Elements that start a new paragraph.
const PARAGRAPH: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "ul",
    "ol",
    "dl",
    "table",
    "pre",
    "hr",
    "section",
    "article",
    "aside",
    "header",
    "footer",
    "main",
    "nav",
    "address",
    "center",
    "figure",
    "figcaption",
    "form",
    "fieldset",
    "details",
    "summary",
    "body",
    // A table row is a paragraph (its cells are separated by a space): a rate table is no
    // run-on sentence, and a layout table's rows are the message's blocks.
    "tr",
];

/// A start tag's attributes, as html5gum gives them.
type Attrs =
    std::collections::BTreeMap<html5gum::HtmlString, html5gum::Spanned<html5gum::HtmlString>>;

/// The value of the attribute `name`, if the tag has it.
fn attr<'a>(attrs: &'a Attrs, name: &[u8]) -> Option<std::borrow::Cow<'a, str>> {
    attrs
        .iter()
        .find(|(k, _)| k.as_slice() == name)
        .map(|(_, v)| String::from_utf8_lossy(&v.value))
}

/// An open element.
struct Open {
    name: Vec<u8>,
    hidden: bool,
    quote_start: Option<usize>,
    pre: bool,
    /// An Outlook paragraph (`<p class=MsoNormal>`) or a `<div>`: a line, and where its text
    /// starts in the view (one with no text, `<div>&nbsp;</div>`, is a paragraph break).
    line_start: Option<usize>,
    /// A heading before any text: the draft's title, from this view offset.
    title_start: Option<usize>,
    /// Any other heading (a proposal's `<h2>Why now</h2>`), from this view offset: body,
    /// neither opening nor closing, as a Markdown draft's section headings are.
    heading_start: Option<usize>,
}

/// Whether a start tag is an Outlook paragraph: Outlook writes each line of a message as a
/// `<p class=MsoNormal>`, and a blank line as an empty one (`<o:p>&nbsp;</o:p>`).
fn is_outlook_line(name: &[u8], attrs: &Attrs) -> bool {
    name == b"p"
        && attr(attrs, b"class").is_some_and(|c| {
            c.split_whitespace()
                .any(|c| c.eq_ignore_ascii_case("MsoNormal"))
        })
}

/// Whether a start tag's attributes hide it (`hidden`, `display:none`, `mso-hide:all`).
fn hides(attrs: &Attrs) -> bool {
    if attr(attrs, b"hidden").is_some() {
        return true;
    }
    attr(attrs, b"style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        // The declarations, `!important` aside: the ways email preheaders are hidden.
        let decls: Vec<&str> = style
            .split(';')
            .map(|d| d.trim_end_matches("!important"))
            .collect();
        let has = |d: &str| decls.contains(&d);
        has("display:none")
            || has("mso-hide:all")
            || has("visibility:hidden")
            || has("opacity:0")
            || ((has("max-height:0") || has("max-height:0px") || has("height:0"))
                && has("overflow:hidden"))
    })
}

/// Whether a start tag opens quoted text (Gmail's and Yahoo's reply wrappers).
fn quotes(name: &[u8], attrs: &Attrs) -> bool {
    name == b"blockquote"
        || attr(attrs, b"class")
            .is_some_and(|c| c.contains("gmail_quote") || c.contains("yahoo_quoted"))
}

fn is(name: &[u8], list: &[&str]) -> bool {
    list.iter().any(|n| n.as_bytes() == name)
}

/// How many open elements an implied end tag looks through for the element it ends.
const IMPLIED_DEPTH: usize = 64;

/// The elements open at a point of the source, innermost last, with what the view needs to
/// know of them at once (how many of each name are open, where the open code elements are,
/// how many hide their content or are preformatted): so that no tag costs a search of the
/// whole stack, and deeply nested or unclosed elements (`<p>x` a hundred thousand times)
/// take linear time.
#[derive(Default)]
struct Elements {
    stack: Vec<Open>,
    count: std::collections::HashMap<Vec<u8>, usize>,
    /// Stack positions of the open code elements, outermost first.
    code: Vec<usize>,
    hidden: usize,
    pre: usize,
    /// A list item just opened: its bullet is due before its first text.
    bullet: bool,
    /// The draft's title: a first `<h1>` or `<h2>` before any text (a banner headline), as a
    /// Markdown draft's first heading is.
    title: Option<Range<usize>>,
}

impl Elements {
    fn is_open(&self, name: &[u8]) -> bool {
        self.count.get(name).is_some_and(|&n| n > 0)
    }

    fn push(&mut self, open: Open) {
        self.hidden += usize::from(open.hidden);
        self.pre += usize::from(open.pre);
        if is(&open.name, CODE) {
            self.code.push(self.stack.len());
        }
        *self.count.entry(open.name.clone()).or_default() += 1;
        self.stack.push(open);
    }

    /// The innermost open element named `name`, if any.
    fn innermost(&self, name: &[u8]) -> Option<usize> {
        if !self.is_open(name) {
            return None;
        }
        self.stack.iter().rposition(|o| o.name == name)
    }

    /// The innermost open element of `names`, if it is one of `closes` (a list item ends at
    /// the next item of its own list, not of a list inside it: `names` holds the lists too).
    /// The search stops, as a browser's does, at a boundary (a quote, a table cell, a
    /// template, hidden content: an item inside them ends none outside), and after
    /// [`IMPLIED_DEPTH`] elements, so that no tag costs a walk down a deep stack.
    fn innermost_of(&self, names: &[&str], closes: &[&str]) -> Option<usize> {
        const BOUNDARY: &[&str] = &[
            "blockquote",
            "td",
            "th",
            "table",
            "template",
            "svg",
            "math",
            "object",
            "iframe",
        ];
        if !closes.iter().any(|n| self.is_open(n.as_bytes())) {
            return None;
        }
        for (pos, o) in self.stack.iter().enumerate().rev().take(IMPLIED_DEPTH) {
            if is(&o.name, names) {
                return is(&o.name, closes).then_some(pos);
            }
            if o.hidden || is(&o.name, BOUNDARY) {
                return None;
            }
        }
        None
    }

    /// Close the open element at `pos` and every element opened inside it.
    fn close(&mut self, pos: usize, b: &mut ViewBuilder, span: Range<usize>) {
        while self.stack.len() > pos {
            let Some(o) = self.stack.pop() else { break };
            self.hidden -= usize::from(o.hidden);
            self.pre -= usize::from(o.pre);
            if self.code.last() == Some(&self.stack.len()) {
                self.code.pop();
            }
            if let Some(n) = self.count.get_mut(&o.name) {
                *n -= 1;
            }
            if self.hidden > 0 {
                continue;
            }
            if let Some(start) = o.quote_start {
                b.quote(start..b.len());
            }
            // A heading of only a logo is no title: the next one may be.
            if let Some(start) = o.title_start.filter(|&s| !b.text()[s..].trim().is_empty()) {
                self.title = Some(start..b.len());
            } else if let Some(start) = o.heading_start {
                b.heading(start..b.len());
            }
            if let Some(start) = o.line_start {
                let blank = b.text()[start..].trim().is_empty();
                b.push_break(if blank { "\n\n" } else { "\n" }, span.clone());
            } else if is(&o.name, PARAGRAPH) {
                b.push_break("\n\n", span.clone());
            } else if is(&o.name, LINE) {
                b.push_break("\n", span.clone());
            }
        }
    }

    /// Close what a start tag named `name` ends without an end tag, as a browser does: a block
    /// ends an open paragraph (and code, which is inline); a list item the item before it, a
    /// table cell or row the one before it.
    fn close_implied(&mut self, name: &[u8], b: &mut ViewBuilder, span: &Range<usize>) {
        if is(name, PARAGRAPH) || is(name, LINE) {
            // Code is inline: a block starting inside it ends it (an unclosed `<code>` must
            // not hide the rest of the draft, its ask included).
            if let Some(&pos) = self.code.first() {
                self.close(pos, b, span.clone());
            }
        }
        let ends = match name {
            b"li" => self.innermost_of(&["li", "ul", "ol"], &["li"]),
            b"dt" | b"dd" => self.innermost_of(&["dt", "dd", "dl"], &["dt", "dd"]),
            b"td" | b"th" => self.innermost_of(&["td", "th", "tr", "table"], &["td", "th"]),
            b"tr" => self.innermost_of(&["tr", "table"], &["tr"]),
            _ => None,
        };
        if let Some(pos) = ends {
            self.close(pos, b, span.clone());
        }
        // The blocks that end an open paragraph: the paragraph-level ones but `<body>` and a
        // table row (which cannot stand in a `<p>`), and the line-level lists' items.
        let ends_p = (is(name, PARAGRAPH) && name != b"body" && name != b"tr")
            || matches!(name, b"div" | b"li" | b"dt" | b"dd");
        if ends_p && self.stack.last().is_some_and(|o| o.name == b"p") {
            let pos = self.stack.len() - 1;
            self.close(pos, b, span.clone());
        }
    }
}

/// The visible text of an HTML source, with its map back to the source.
pub fn view(source: &str) -> View {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Switch to raw-text states after <script>, <style>, <title>…, as a browser would.
    emitter.naively_switch_states(true);
    let mut b = ViewBuilder::new();
    let mut open = Elements::default();
    for token in Tokenizer::new_with_emitter(source, emitter) {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.0.clone();
                let span = tag.span.start..tag.span.end;
                if name == b"body" {
                    // <body> closes an unclosed <head>.
                    while let Some(pos) = open.innermost(b"head") {
                        open.close(pos, &mut b, span.clone());
                    }
                }
                open.close_implied(&name, &mut b, &span);
                let outlook = is_outlook_line(&name, &tag.attributes);
                if open.hidden == 0 {
                    if name == b"br" {
                        if !b.is_empty() {
                            b.push("\n", span.start..span.start);
                        }
                    } else if outlook {
                        b.push_break("\n", span.clone());
                    } else if is(&name, PARAGRAPH) {
                        b.push_break("\n\n", span.clone());
                    } else if is(&name, LINE) {
                        b.push_break("\n", span.clone());
                    }
                    // Cells of a row are words apart.
                    if (name == b"td" || name == b"th")
                        && !b.is_empty()
                        && !b.text().ends_with(char::is_whitespace)
                    {
                        b.push(" ", span.start..span.start);
                    }
                    // A list item starts with a bullet, as in plain text: each item is its own
                    // sentence, not a run-on of the whole list. It is written before the item's
                    // first text (after the break of a `<p>` inside it).
                    if name == b"li" {
                        open.bullet = true;
                    }
                }
                if is(&name, VOID) || tag.self_closing && !is(&name, INVISIBLE) {
                    continue;
                }
                let hide = is(&name, INVISIBLE) || is(&name, CODE) || hides(&tag.attributes);
                let quote_start =
                    (open.hidden == 0 && !hide && quotes(&name, &tag.attributes)).then(|| b.len());
                let is_pre = name == b"pre" || name == b"textarea";
                // An Outlook paragraph, or a `<div>`, with no text is a blank line:
                // `<div>&nbsp;</div>` spaces paragraphs in many mail editors.
                let line_start =
                    ((outlook || name == b"div") && open.hidden == 0 && !hide).then(|| b.len());
                let title_start = (matches!(name.as_slice(), b"h1" | b"h2")
                    && open.hidden == 0
                    && !hide
                    && open.title.is_none()
                    && b.text().trim().is_empty())
                .then(|| b.len());
                let heading_start = (title_start.is_none()
                    && matches!(
                        name.as_slice(),
                        b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6"
                    )
                    && open.hidden == 0
                    && !hide)
                    .then(|| b.len());
                open.push(Open {
                    name,
                    hidden: hide,
                    quote_start,
                    pre: is_pre,
                    line_start,
                    title_start,
                    heading_start,
                });
            }
            Token::EndTag(tag) => {
                let span = tag.span.start..tag.span.end;
                match open.innermost(&tag.name.0) {
                    Some(pos) => open.close(pos, &mut b, span),
                    None if open.hidden == 0 && (tag.name.0 == b"p" || tag.name.0 == b"br") => {
                        b.push_break("\n\n", span)
                    }
                    None => {}
                }
            }
            Token::String(s) if open.hidden == 0 => {
                let span = s.span.start..s.span.end;
                let decoded = String::from_utf8_lossy(&s.value);
                let raw = source.get(span.clone()).unwrap_or("");
                if decoded.trim().is_empty()
                    && (b.is_empty() || b.text().ends_with(char::is_whitespace))
                {
                    continue;
                }
                if std::mem::take(&mut open.bullet) && !decoded.trim().is_empty() {
                    b.push("• ", span.start..span.start);
                }
                for (d, r) in align::entities(raw, &decoded) {
                    let piece = tidy(
                        &decoded[d],
                        open.pre > 0,
                        !r.is_empty() && raw.as_bytes()[r.start] == b'&',
                    );
                    b.push(&piece, span.start + r.start..span.start + r.end);
                }
            }
            _ => {}
        }
    }
    let mut view = b.finish();
    // The title, its blanks aside; none if it holds no text.
    view.subject = open.title.and_then(|t| {
        let text = view.text.get(t.clone())?;
        let lead = text.len() - text.trim_start().len();
        let trimmed = text.trim();
        (!trimmed.is_empty()).then(|| t.start + lead..t.start + lead + trimmed.len())
    });
    view
}

/// Text as shown: outside `<pre>`, line breaks and tabs are spaces (byte for byte, so the map
/// stays exact); a decoded no-break space is a space.
fn tidy(piece: &str, pre: bool, entity: bool) -> String {
    let mut s: String = if pre {
        piece.to_string()
    } else {
        piece
            .chars()
            .map(|c| {
                if matches!(c, '\n' | '\r' | '\t' | '\x0c') {
                    ' '
                } else {
                    c
                }
            })
            .collect()
    };
    if entity {
        s = s.replace('\u{a0}', " ");
    }
    s
}

/// An HTML document.
pub fn read(path: &str, source: String) -> Document {
    let v = view(&source);
    Document::from_view(path.to_string(), Format::Html, source, v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Scope;

    fn source_of<'a>(src: &'a str, d: &Document, word: &str) -> &'a str {
        let at = d.text().find(word).expect("word in view");
        &src[d.map.to_source(at..at + word.len())]
    }

    #[test]
    fn visible_text_with_entities_mapped_back() {
        let src = "<html><head><title>partner</title><style>p{}</style></head><body>\n<p>We&rsquo;re here&nbsp;to help &amp; serve.</p><script>partner()</script><!-- partner --></body></html>";
        let d = read("t.html", src.to_string());
        assert_eq!(d.text().trim(), "We’re here to help & serve.");
        assert_eq!(source_of(src, &d, "’"), "&rsquo;");
        assert_eq!(source_of(src, &d, "serve"), "serve");
        assert_eq!(source_of(src, &d, "here to"), "here&nbsp;to");
    }

    #[test]
    fn code_is_not_prose_but_a_bare_pre_is() {
        let src = "<p>Run <code>utilize --partner</code> or press <kbd>Partner</kbd>; \
                   <samp>partner ok</samp>.</p><pre><code>partner()</code></pre>\
                   <pre>We partner with you.</pre>";
        let d = read("t.html", src.to_string());
        assert_eq!(d.text().matches("partner").count(), 1, "{:?}", d.text());
        assert!(d.text().contains("We partner with you."));
        assert!(!d.text().contains("utilize"));
        // An unclosed `<code>` ends at the next block: the ask after it is read.
        let src = "Run <code>utilize <p>Could we talk on Tuesday?</p><div>Best, Sam</div>";
        let d = read("t.html", src.to_string());
        assert!(
            d.text().contains("Could we talk on Tuesday?"),
            "{:?}",
            d.text()
        );
        assert!(d.text().contains("Best, Sam"), "{:?}", d.text());
        assert!(!d.text().contains("utilize"));
    }

    #[test]
    fn blocks_and_breaks_make_paragraphs() {
        let src = "<div>Hi Dana,</div><div><br></div><div>We ship.</div><p>Can we talk?</p><p>Best,<br>Sam</p>";
        let d = read("t.html", src.to_string());
        assert_eq!(
            d.text(),
            "Hi Dana,\n\nWe ship.\n\nCan we talk?\n\nBest,\nSam\n\n"
        );
        let closing: Vec<&str> = d
            .spans_of(Scope::CLOSING)
            .map(|r| &d.text()[r.clone()])
            .collect();
        assert_eq!(closing, ["Can we talk?"]);
    }

    #[test]
    fn a_div_with_no_text_is_a_blank_line() {
        // Mail editors space paragraphs with an empty div, a no-break space in it or none.
        for spacer in [
            "<div>&nbsp;</div>",
            "<div> </div>",
            "<div></div>",
            "<div><span>&nbsp;</span></div>",
            "<div><img src=x.png></div>",
        ] {
            let src = format!(
                "<div>Hi Dana,</div>{spacer}<div>Why now</div>{spacer}<div>Rates rose 22% in \
                 May</div>{spacer}<div>Could we quote three lanes?</div>{spacer}<div>Best,</div>\
                 <div>Sam</div>"
            );
            let d = read("t.html", src);
            assert_eq!(
                d.text().trim_end(),
                "Hi Dana,\n\nWhy now\n\nRates rose 22% in May\n\nCould we quote three \
                 lanes?\n\nBest,\nSam",
                "{spacer}"
            );
        }
        // A hidden one is no break: a preheader stays out of the text.
        let d = read(
            "t.html",
            "<div>Hi Dana,</div><div style=\"display:none\">Preview text</div><div>We ship.</div>"
                .to_string(),
        );
        assert_eq!(d.text().trim_end(), "Hi Dana,\nWe ship.");
    }

    #[test]
    fn unclosed_paragraphs_items_and_cells_end_as_a_browser_ends_them() {
        let src =
            "<p>Hi Dana,<p>We ship.<ul><li>Daily pickups<li>Live tracking</ul><p>Can we talk?";
        let d = read("t.html", src.to_string());
        assert_eq!(
            d.text(),
            "Hi Dana,\n\nWe ship.\n\n• Daily pickups\n• Live tracking\n\nCan we talk?"
        );
        // A list inside an item: its items end there, not the outer one.
        // Each reads as its closed form does.
        for (unclosed, closed) in [
            (
                "<ul><li>Lanes<ul><li>Ohio<li>Texas</ul><li>Rates</ul>",
                "<ul><li>Lanes<ul><li>Ohio</li><li>Texas</li></ul></li><li>Rates</li></ul>",
            ),
            (
                "<table><tr><td>Lane<td>Rate<tr><td>Ohio<td>$2</table>",
                "<table><tr><td>Lane</td><td>Rate</td></tr><tr><td>Ohio</td><td>$2</td></tr></table>",
            ),
            (
                "<dl><dt>Lane<dd>Ohio<dt>Rate<dd>$2</dl>",
                "<dl><dt>Lane</dt><dd>Ohio</dd><dt>Rate</dt><dd>$2</dd></dl>",
            ),
        ] {
            let a = read("t.html", unclosed.to_string());
            let b = read("t.html", closed.to_string());
            assert_eq!(a.text(), b.text(), "{unclosed}");
            assert!(a.text().contains("Ohio"), "{:?}", a.text());
        }
        // An item inside a quote, a cell or hidden content ends no item outside it: quoted
        // and hidden text stay so.
        let src = "<ul><li>Daily pickups<blockquote>Their note:<ul><li>a</ul><li>Will you partner?</blockquote></ul>";
        let d = read("t.html", src.to_string());
        let at = d.text().find("Will you partner").unwrap();
        assert_eq!(
            d.scope_at(at),
            crate::document::Scope::QUOTE,
            "{:?}",
            d.text()
        );
        let src = "<ul><li>A<table style=\"display:none\"><tr><td><li>hidden partner</table></ul><p>B</p>";
        assert!(!read("t.html", src.to_string()).text().contains("hidden"));
        // A list item holding a paragraph: its bullet stands before the text, not alone.
        let d = read(
            "t.html",
            "<ul><li><p>Daily pickups</p></li></ul>".to_string(),
        );
        assert_eq!(d.text().trim(), "• Daily pickups");
        // Two <head>s are both closed by <body>.
        let d = read(
            "t.html",
            "<head><head><title>x</title><body><p>Hi Dana,</p>".to_string(),
        );
        assert_eq!(d.text().trim(), "Hi Dana,");
        // Deep nesting that never closes is still read through (in linear time).
        let src = "<div>x".repeat(50_000) + "<p>Can we talk?";
        let d = read("t.html", src);
        assert!(d.text().ends_with("Can we talk?"), "{:?}", &d.text()[..20]);
    }

    #[test]
    fn a_table_row_is_a_paragraph_and_its_cells_are_words_apart() {
        let src = "<table><tr><th>Lane</th><th>Rate</th></tr><tr><td>Salinas to Dallas</td><td>$2.15 per mile</td></tr></table>";
        let d = read("t.html", src.to_string());
        assert_eq!(
            d.text().trim(),
            "Lane Rate\n\nSalinas to Dallas $2.15 per mile"
        );
    }

    #[test]
    fn outlook_paragraphs_are_lines_and_empty_ones_break_paragraphs() {
        let p = |t: &str| format!("<p class=MsoNormal>{t}<o:p></o:p></p>\n");
        let blank = "<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n";
        let src = [
            p("Hi Dana,"),
            blank.to_string(),
            p("We run 40 reefers out of Salinas."),
            p("Two growers near you use us."),
            blank.to_string(),
            p("Could we talk Tuesday?"),
            blank.to_string(),
            p("Best,"),
            p("Sam"),
        ]
        .concat();
        let d = read("t.html", src);
        assert_eq!(
            d.text().trim(),
            "Hi Dana,\n\nWe run 40 reefers out of Salinas.\nTwo growers near you use us.\n\nCould we talk Tuesday?\n\nBest,\nSam"
        );
        let closing: Vec<&str> = d
            .spans_of(Scope::CLOSING)
            .map(|r| &d.text()[r.clone()])
            .collect();
        assert_eq!(closing, ["Could we talk Tuesday?"]);
    }

    #[test]
    fn a_first_heading_before_any_text_is_the_title() {
        let title = |src: &str| {
            let d = read("t.html", src.to_string());
            d.spans_of(Scope::SUBJECT)
                .map(|r| d.text()[r.clone()].to_string())
                .collect::<Vec<_>>()
        };
        let rest = "<p>Hi Dana,</p><p>We run 40 reefers.</p><p>Can we talk?</p>";
        assert_eq!(
            title(&format!(
                "<img src=logo.png><h1> Your Q4 reefer capacity </h1>{rest}"
            )),
            ["Your Q4 reefer capacity"]
        );
        let d = read("t.html", format!("<h1>Your Q4 reefer capacity</h1>{rest}"));
        let at = d.text().find("Hi Dana").unwrap();
        assert_eq!(d.scope_at(at), Scope::GREETING);
        // A heading of only a logo leaves the title to the next one.
        assert_eq!(
            title(&format!(
                "<h1><a href=x><img src=logo.png alt=Ortiz></a></h1><h2>Your Q4 capacity</h2>{rest}"
            )),
            ["Your Q4 capacity"]
        );
        // After text, a heading is a section of the message, not its title.
        assert!(title(&format!("<p>Intro.</p><h2>Rates</h2>{rest}")).is_empty());
    }

    #[test]
    fn preheaders_hidden_every_usual_way_are_not_read() {
        for style in [
            "display: none !important",
            "visibility:hidden;opacity:0;color:transparent;height:0;width:0",
            "opacity: 0",
            "max-height:0;overflow:hidden",
            "font-size:1px;mso-hide:all",
        ] {
            let src = format!("<span style=\"{style}\">act now</span><p>Hi Dana,</p>");
            let d = read("t.html", src);
            assert_eq!(d.text().trim(), "Hi Dana,", "{style}");
        }
        // Shown: a colour, a small font, an opacity that is not zero.
        let src = "<span style=\"opacity:0.5;color:#999\">act now</span><p>Hi Dana,</p>";
        assert!(read("t.html", src.to_string()).text().contains("act now"));
    }

    #[test]
    fn hidden_preheaders_images_and_quotes() {
        let src = "<p>Hi,</p><div style=\"display: none\">partner preheader</div><p>We ship fast.</p><img src=x width=1 alt=partner><p>Talk Monday?</p><blockquote><p>Will you partner?</p></blockquote>";
        let d = read("t.html", src.to_string());
        assert_eq!(d.text().matches("partner").count(), 1);
        let at = d.text().find("partner").unwrap();
        assert_eq!(d.scope_at(at), Scope::QUOTE);
    }

    #[test]
    fn crlf_and_odd_entities_align() {
        let src = "<p>a\r\nb &copy; AT&T &notanentity; &#8217;x</p>";
        let d = read("t.html", src.to_string());
        // `&not` is a legacy entity: browsers decode it even without a semicolon.
        assert_eq!(d.text().trim(), "a b © AT&T ¬anentity; ’x");
        assert_eq!(source_of(src, &d, "¬"), "&not");
        assert_eq!(source_of(src, &d, "©"), "&copy;");
        assert_eq!(source_of(src, &d, "AT&T"), "AT&T");
        assert_eq!(source_of(src, &d, "’"), "&#8217;");
    }

    /// Section headings other than the title are body, as in Markdown: the opening is the
    /// first paragraph under them, the closing the last.
    #[test]
    fn headings_are_neither_opening_nor_closing() {
        use crate::document::Scope;
        let src = "<h1>Proposal: Reno docks</h1><h2>Introduction</h2><p>Sorry to bother you.</p>\
                   <h2>Details</h2><p>We cut damage by half.</p><h3>Next step</h3>\
                   <p>Shall we talk on Tuesday?</p>";
        let d = read("p.html", src.to_string());
        assert_eq!(d.texts_of(Scope::SUBJECT), ["Proposal: Reno docks"]);
        assert_eq!(d.texts_of(Scope::OPENING), ["Sorry to bother you."]);
        assert_eq!(d.texts_of(Scope::CLOSING), ["Shall we talk on Tuesday?"]);
        assert_eq!(
            d.texts_of(Scope::BODY),
            [
                "Introduction",
                "Details",
                "We cut damage by half.",
                "Next step"
            ]
        );
    }
}
