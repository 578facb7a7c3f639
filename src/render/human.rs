//! `human`: each finding as a code frame (annotate-snippets), each reward once, as its title
//! and places, then each file's score and the rules that moved it; a passing file without
//! findings gets only its score line. Colour only when asked for (the binary decides:
//! terminal, NO_COLOR, `--color`).

use std::collections::HashMap;
use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Level, Origin, Renderer as Snippets, Snippet};
use colored::Colorize;

use super::{RenderOptions, Renderer, points};
use crate::position::LineIndex;
use crate::report::{FileReport, Located, Summary};
use crate::rule::{Finding, Severity};
use crate::score::{REWARD_CAP, Share};

/// The human renderer.
pub struct Human {
    snippets: Snippets,
    color: bool,
    quiet: bool,
}

impl Human {
    /// A human renderer; `opts.color` turns on colour.
    pub fn new(opts: RenderOptions) -> Self {
        let snippets = if opts.color {
            Snippets::styled()
        } else {
            Snippets::plain()
        };
        Human {
            snippets,
            color: opts.color,
            quiet: opts.quiet,
        }
    }

    fn paint(&self, s: &str, f: impl Fn(&str) -> colored::ColoredString) -> String {
        if self.color {
            f(s).to_string()
        } else {
            s.to_string()
        }
    }
}

/// Frames drawn per piece (see [`super::each_finding`]).
const FRAMES: usize = 4;

/// Characters of context shown on each side of a match.
const CONTEXT: usize = 80;
/// Lines longer than this (in bytes) are shown as a window around the match.
const LONG_LINE: usize = 1000;

/// The byte offset `n` characters before `at`.
fn back(s: &str, at: usize, n: usize) -> usize {
    s[..at]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// The byte offset `n` characters after `at`.
fn ahead(s: &str, at: usize, n: usize) -> usize {
    s[at..]
        .char_indices()
        .nth(n)
        .map_or(s.len(), |(i, _)| at + i)
}

impl Human {
    /// Draw finding `i`'s frame into `buf`; `compact` is [`compact`] of the file, and
    /// `shares` its findings' [`crate::score::shares`].
    fn frame(
        &self,
        buf: &mut Vec<u8>,
        file: &FileReport,
        index: &LineIndex,
        loc: &Located<'_>,
        (i, compact, shares): (usize, &Compact, &[Share]),
    ) -> io::Result<()> {
        let f = loc.finding;
        let rule = &f.rule;
        let first = index.line_of(f.span.start);
        let last = index.line_of(f.span.end.saturating_sub(1).max(f.span.start));
        let start = index.line_start(first);
        // A measure of a whole part (its words, its questions, a phrase it lacks) stands at the
        // part's first line: that line is marked where the part starts, and said to stand for
        // the part, not underlined from end to end as if it were what was found. (Also where
        // the line holds markup around the text, `<p>…</p>`, or the part's first line of text
        // is several lines of the file: an email's soft line breaks.)
        let whole = f.whole && file.source[f.span.clone()].chars().nth(1).is_some();
        let end = index.line_range(&file.source, last).end.max(f.span.end);
        let level = match rule.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            // A reward is titled `reward`, as in concise and JUnit lines.
            Severity::Info if rule.is_reward() => Level::INFO.with_name("reward"),
            Severity::Info => Level::INFO,
        };
        let title = title(f, file, shares, i);
        let path = super::printable(&file.path);
        // A reward, and a penalty's repeats once they count next to nothing, are shown once
        // (see [`compact`]): as a title and where it stands (drawn as annotate-snippets draws
        // a frame's first two lines), with a note on a third.
        if compact.hidden.contains(&i) {
            return Ok(());
        }
        if let Some(note) = compact.notes.get(&i) {
            let head: fn(&str) -> colored::ColoredString = match rule.severity {
                Severity::Error => |x| x.bright_red().bold(),
                Severity::Warning => |x| x.yellow().bold(),
                Severity::Info => |x| x.bright_blue().bold(),
            };
            let name = super::concise::level(rule);
            let id = format!("{name}[{}]", rule.qualified);
            writeln!(
                buf,
                "{}{}\n {}{}:{}:{}",
                self.paint(&id, head),
                self.paint(&format!(": {title}"), |x| x.bold()),
                self.paint("-->", |x| x.bright_blue().bold()),
                format_args!(" {path}"),
                loc.start.line,
                loc.start.column
            )?;
            if !note.is_empty() {
                writeln!(
                    buf,
                    "  {} {note}",
                    self.paint("=", |x| x.bright_blue().bold())
                )?;
            }
            return writeln!(buf);
        }
        // A long line (minified HTML, a pasted blob) is shown as a window of CONTEXT
        // characters around the match, so that drawing a finding costs little. The
        // location then comes from the finding, as the window has lost the line start.
        let long = end - start > LONG_LINE && f.span.end - f.span.start <= 4 * CONTEXT;
        let whole = whole && !long;
        // A whole part's frame shows the line it is marked on, not the part's every line.
        let end = if whole {
            index.line_range(&file.source, first).end
        } else {
            end
        };
        let label = if whole {
            format!("the {} as a whole", super::part_name(f))
        } else {
            String::new()
        };
        let group =
            if long {
                let from = back(&file.source, f.span.start, CONTEXT).max(start);
                let to = ahead(&file.source, f.span.end, CONTEXT).min(end);
                let head = if from > start { "…" } else { "" };
                let tail = if to < end { "…" } else { "" };
                let shown = format!("{head}{}{tail}", without_c1(&file.source[from..to]));
                let at = head.len() + f.span.start - from;
                let origin = Origin::path(&*path)
                    .line(loc.start.line)
                    .char_column(loc.start.column);
                level
                    .primary_title(title)
                    .id(rule.qualified.as_str())
                    .element(origin)
                    .element(Snippet::source(shown).line_start(first + 1).annotation(
                        AnnotationKind::Primary.span(at..at + (f.span.end - f.span.start)),
                    ))
            } else {
                let span = f.span.start - start..f.span.end - start;
                let annotation = if whole {
                    let one = file.source[f.span.clone()]
                        .chars()
                        .next()
                        .map_or(0, char::len_utf8);
                    AnnotationKind::Primary
                        .span(span.start..span.start + one)
                        .label(&label)
                } else {
                    AnnotationKind::Primary.span(span)
                };
                level
                    .primary_title(title)
                    .id(rule.qualified.as_str())
                    .element(
                        Snippet::source(without_c1(&file.source[start..end]))
                            .line_start(first + 1)
                            .path(&*path)
                            .annotation(annotation),
                    )
            };
        let mut group = group;
        if let Some(s) = &rule.suggest {
            group = group.element(Level::HELP.message(super::printable(s)));
        }
        let rendered = self.snippets.render(&[group]);
        if long {
            // After the Origin element that gives a long line's window its location,
            // annotate-snippets draws an empty `:::` line for the snippet: left out.
            let kept: Vec<&str> = rendered
                .lines()
                .filter(|l| without_ansi(l).trim() != ":::")
                .collect();
            return writeln!(buf, "{}\n", kept.join("\n"));
        }
        writeln!(buf, "{rendered}\n")
    }
}

/// `line` without its ANSI colour codes (`ESC [ … m`).
fn without_ansi(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A frame's title: the points the finding counts for, then its message ("-3 points: 8
/// times, more than 1: Exclamation marks…"); see [`super::counts_for`].
fn title(f: &Finding, file: &FileReport, shares: &[Share], i: usize) -> String {
    let share = shares.get(i).copied().unwrap_or_default();
    format!(
        "{}: {}",
        super::counts_for(f, file, share),
        super::printable(f.message())
    )
}

/// `s` with each C1 control character (U+0080 to U+009F: two bytes in UTF-8, often a
/// Windows-1252 quote read as Latin-1) shown as `·`, also two bytes, so that the frame's
/// spans still hold: annotate-snippets shows C0 controls as symbols but passes these on, and
/// some terminals read U+009B as the start of an escape sequence.
fn without_c1(s: &str) -> std::borrow::Cow<'_, str> {
    if !(0..s.len()).any(|i| super::c1_at(s.as_bytes(), i)) {
        return std::borrow::Cow::Borrowed(s);
    }
    s.chars()
        .map(|c| {
            if ('\u{80}'..='\u{9f}').contains(&c) {
                '\u{b7}'
            } else {
                c
            }
        })
        .collect::<String>()
        .into()
}

/// Places shown on a compact line besides its first.
const ALSO: usize = 5;

/// The findings of a file drawn without a frame. A reward asks for no change and counts once:
/// it is shown once, at its first place, with what it found and its other places on a line
/// of its own. A penalty's repeats in a part, once they count next to nothing (the 6th
/// "partner" in the body counts 1/32 of its weight), are shown once, at the first of them,
/// with the places of the others. A frame for each would make a good draft's report longer
/// than a bad one's, and a long essay's a list of frames worth nothing.
struct Compact {
    /// The findings drawn compact, with the note under each (empty: none).
    notes: HashMap<usize, String>,
    /// The findings those stand for, not drawn.
    hidden: std::collections::HashSet<usize>,
}

/// [`Compact`] for `file`, whose findings have `shares`.
fn compact(file: &FileReport, shares: &[Share]) -> Compact {
    // Each reward's findings, and a penalty's repeats that count next to nothing by rule and
    // part, in order.
    let mut rewards: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut faint: HashMap<(&str, String), Vec<usize>> = HashMap::new();
    for (i, f) in file.findings.iter().enumerate() {
        let share = shares.get(i).copied().unwrap_or_default();
        let nothing = super::points(share.points).trim_start_matches(['+', '-']) == "0";
        let rule = f.rule.qualified.as_str();
        if f.rule.is_reward() {
            rewards.entry(rule).or_default().push(i);
        } else if share.again > 0 && nothing && f.cost() != 0.0 {
            faint
                .entry((rule, super::part_name(f)))
                .or_default()
                .push(i);
        }
    }
    let mut c = Compact {
        notes: HashMap::new(),
        hidden: Default::default(),
    };
    let mut add = |found: &[usize], note: String| {
        c.notes.insert(found[0], note);
        c.hidden.extend(found[1..].iter().copied());
    };
    // A line index only when some group has more than one place.
    let mut index = None;
    // A reward: what it found first, if short, and its other places (`"38%"; also at 14:53
    // "$250", 22:1 "3 weeks" and 3 more`).
    for found in rewards.into_values() {
        let also = (found.len() > 1)
            .then(|| format!("also at {}", places(file, &found[1..], &mut index, true)));
        let note = match (quoted(file, found[0]), also) {
            (Some(q), Some(also)) => format!("{q}; {also}"),
            (q, also) => q.or(also).unwrap_or_default(),
        };
        add(&found, note);
    }
    // Repeats worth nothing: one alone keeps its frame.
    for ((_, part), found) in faint.into_iter().filter(|(_, found)| found.len() > 1) {
        let n = found.len() - 1;
        let at = places(file, &found[1..], &mut index, false);
        let note = if n == 1 {
            format!("once more in the {part}, for next to no points: at {at}")
        } else {
            format!("{n} more times in the {part}, each for next to no points: at {at}")
        };
        add(&found, note);
    }
    c
}

/// A reward's matched text, quoted, when it is short (`"38%"`): what counted. A match wrapped
/// over two lines is shown on one (`"Will you give us that opportunity"`). A measure's reward
/// stands for a whole part, at its first line, and shows none.
fn quoted(file: &FileReport, j: usize) -> Option<String> {
    let f = &file.findings[j];
    if !matches!(f.rule.kind, "phrase" | "proximity") {
        return None;
    }
    let text = file.source.get(f.span.clone())?;
    if text.len() > 160 {
        return None;
    }
    // A quoted-printable body's escapes, decoded ("18%", not the file's "18=25").
    let in_qp = file
        .quoted_printable
        .as_ref()
        .is_some_and(|r| r.contains(&f.span.start));
    let decoded = in_qp.then(|| {
        mail_parser::decoders::quoted_printable::quoted_printable_decode(text.as_bytes())
            .and_then(|b| String::from_utf8(b).ok())
    });
    let text = decoded.flatten().unwrap_or_else(|| text.to_string());
    let shown = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!shown.is_empty() && shown.chars().count() <= 40)
        .then(|| format!("\"{}\"", shown.escape_debug()))
}

/// The places of findings `found` of `file` (not empty), as a note lists them: `3:25 and
/// 3:29`, or the first [`ALSO`] and how many more (`… and 3 more`); with what each found when
/// `quote` (see [`quoted`]). `index` is the file's line index, built on first use.
fn places(
    file: &FileReport,
    found: &[usize],
    index: &mut Option<LineIndex>,
    quote: bool,
) -> String {
    let mut at: Vec<String> = found
        .iter()
        .take(ALSO)
        .map(|&j| {
            let index = index.get_or_insert_with(|| LineIndex::new(&file.source));
            let p = index.position(&file.source, file.findings[j].span.start);
            match quote.then(|| quoted(file, j)).flatten() {
                Some(q) => format!("{}:{} {q}", p.line, p.column),
                None => format!("{}:{}", p.line, p.column),
            }
        })
        .collect();
    let more = found.len().saturating_sub(ALSO);
    match (at.pop(), more) {
        (None, _) => String::new(),
        (Some(last), 0) if at.is_empty() => last,
        (Some(last), 0) => format!("{} and {last}", at.join(", ")),
        (Some(last), n) => {
            at.push(last);
            format!("{} and {n} more", at.join(", "))
        }
    }
}

impl Renderer for Human {
    fn file(&mut self, w: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        // Reading notes (`file.warnings`) go to stderr, written by the run, in every format.
        // Drawing a frame takes annotate-snippets about as long as linting a paragraph: a
        // long file's frames are drawn on all cores, a few per piece, and written in order
        // (a draft's, on this thread).
        let shares = crate::score::shares(&file.findings);
        let compact = compact(file, &shares);
        super::each_finding(w, file, FRAMES, |buf, i, index, loc| {
            self.frame(buf, file, index, loc, (i, &compact, &shares))
        })?;
        let s = &file.score;
        let verdict = if s.passed {
            self.paint("PASS", |x| x.green().bold())
        } else {
            self.paint("FAIL", |x| x.red().bold())
        };
        let mut head = format!(
            "{}: score {}/100 {verdict}",
            self.paint(&super::printable(&file.path), |x| x.bold()),
            s.score
        );
        if !s.reasons.is_empty() {
            head.push_str(&format!(" ({})", s.reasons.join("; ")));
        }
        if !file.suppressed.is_empty() {
            head.push_str(&format!(" [{} suppressed]", file.suppressed.len()));
        }
        writeln!(w, "{head}")?;
        // A clean, passing file is one line: a folder of them stays quiet, as linters do.
        if s.passed && file.findings.is_empty() && s.breakdown.is_empty() {
            return Ok(());
        }
        writeln!(w, "  {:>5}  base", s.base)?;
        for l in &s.breakdown {
            let pts = points(l.points);
            let pts = if l.points > 0.0 {
                self.paint(&pts, |x| x.green())
            } else {
                self.paint(&pts, |x| x.red())
            };
            let times = if l.hits == 1 {
                String::new()
            } else {
                format!(" ×{}", l.hits)
            };
            // Pad on the visible width: colour codes are invisible.
            let pad = 5usize.saturating_sub(points(l.points).chars().count());
            // A penalty counts per part, so its part tells its lines apart; a reward counts once.
            let part = if l.part.is_empty() {
                String::new()
            } else {
                format!("  ({})", l.part.label())
            };
            writeln!(
                w,
                "  {}{pts}  {}{times}{part}",
                " ".repeat(pad),
                l.rule.qualified
            )?;
        }
        if s.rewards_capped {
            writeln!(w, "         (rewards capped at +{REWARD_CAP})")?;
        }
        writeln!(w)
    }

    fn end(&mut self, w: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        // `--quiet` prints what needs work: a run where every file passed says nothing.
        let quiet = self.quiet && summary.failed == 0 && summary.errors == 0;
        if (summary.files > 1 || summary.errors > 0) && !quiet {
            let plural = |n: usize, one: &str, many: &str| {
                if n == 1 {
                    format!("{n} {one}")
                } else {
                    format!("{n} {many}")
                }
            };
            writeln!(
                w,
                "{}: {} passed, {} failed, {}{}{}{}",
                plural(summary.files, "file", "files"),
                summary.passed,
                summary.failed,
                plural(summary.findings, "finding", "findings"),
                // Rewards are findings too (what a draft does well): say how many, so that
                // a run of good drafts does not read as a run of problems.
                if summary.rewards > 0 {
                    format!(" ({})", plural(summary.rewards, "reward", "rewards"))
                } else {
                    String::new()
                },
                if summary.suppressed > 0 {
                    format!(", {} suppressed", summary.suppressed)
                } else {
                    String::new()
                },
                // Inputs that could not be read (or, with --fix, written): each named on
                // standard error. Not "1 error", which reads as a finding's severity.
                if summary.errors > 0 {
                    let n = plural(summary.errors, "input", "inputs");
                    format!(", {n} not read or written (see above)")
                } else {
                    String::new()
                }
            )?;
        }
        Ok(())
    }
}
