//! Renderers: one small module per output format, over the same [`FileReport`]s.
//!
//! A renderer is fed one file at a time, in order, and writes to the stream it is given, so
//! memory stays bounded by the largest file. Formats that need the whole run (a JSON document)
//! open in [`Renderer::begin`] and close in [`Renderer::end`].

pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod junit;
pub mod sarif;
pub mod statistics;

use std::io::{self, Write};

use clap::ValueEnum;

use crate::position::LineIndex;
use crate::report::{FileReport, Located, Summary};
use crate::rule::Finding;
use crate::score::Share;

/// The output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Findings with the source line underlined, then each file's score and its breakdown.
    Human,
    /// One JSON object: `{"files": [...], "summary": {...}}`.
    Json,
    /// One JSON object per finding, one a line, with its `path`.
    Jsonl,
    /// `path:line:col: severity [rule] message`, one finding a line.
    Concise,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (`::error file=…`), shown as annotations.
    Github,
    /// JUnit XML: one test case per file, failing when the file fails the gate.
    Junit,
}

/// One output format.
pub trait Renderer {
    /// Before the first file.
    fn begin(&mut self, _w: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    /// One linted file.
    fn file(&mut self, w: &mut dyn Write, file: &FileReport) -> io::Result<()>;
    /// An input that was not linted: unreadable (`error`, counted in the summary's errors) or
    /// skipped as binary. Formats that list every input (SARIF, JUnit) record it; the notes
    /// on stderr are the binary's.
    fn unread(
        &mut self,
        _w: &mut dyn Write,
        _path: &str,
        _message: &str,
        _error: bool,
    ) -> io::Result<()> {
        Ok(())
    }
    /// After the last file.
    fn end(&mut self, _w: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}

/// Findings written per piece by [`each_finding`] in the formats that write a line or so
/// per finding (JSON, JSON Lines).
pub(crate) const PIECE: usize = 4096;

/// A file with at most this many findings is written on the calling thread, whatever the
/// piece size: waking the other cores cost more than the frames of a draft's few dozen
/// findings (56 annotated frames, about half a millisecond of drawing, took 0.3 ms longer in
/// parallel, start-up included).
const SERIAL_FRAMES: usize = 128;

/// Writes every finding of `file` in order: `one` writes the `i`th, located, to a buffer,
/// with the file's line index. A file with more than `piece` findings (and more than
/// [`SERIAL_FRAMES`]) is written in pieces of that many on all cores, a few pieces at a time,
/// so that memory stays bounded (the formats that write findings one by one spend much of a
/// long file's time here).
pub fn each_finding(
    w: &mut dyn Write,
    file: &FileReport,
    piece: usize,
    one: impl Fn(&mut Vec<u8>, usize, &LineIndex, &Located<'_>) -> io::Result<()> + Sync,
) -> io::Result<()> {
    use rayon::prelude::*;
    let index = LineIndex::new(&file.source);
    let n = file.findings.len();
    let size = if n <= SERIAL_FRAMES { n } else { piece }.max(1);
    let piece = |from: usize| -> io::Result<Vec<u8>> {
        let to = file.findings.len().min(from + size);
        // A finding takes some hundreds of bytes in every format (about 550 in JSON): room
        // for 256 from the start saves a long report's pieces most of their copying.
        let mut buf = Vec::with_capacity((to - from) * 256);
        for (i, l) in file.located_in(&index, from..to).enumerate() {
            one(&mut buf, from + i, &index, &l)?;
        }
        Ok(buf)
    };
    if n <= size {
        return w.write_all(&piece(0)?);
    }
    // Pieces are drawn a round at a time, so that a huge report is never held whole; a short
    // one (a draft's few dozen frames) is one round, spread evenly over the cores.
    let round = (size * 2 * rayon::current_num_threads()).max(256);
    for start in (0..n).step_by(round) {
        let starts: Vec<usize> = (start..n.min(start + round)).step_by(size).collect();
        let bufs: Vec<io::Result<Vec<u8>>> = starts.into_par_iter().map(piece).collect();
        for buf in bufs {
            w.write_all(&buf?)?;
        }
    }
    Ok(())
}

/// Options every renderer may use.
#[derive(Clone, Copy, Debug, Default)]
pub struct RenderOptions {
    /// Use colour (only the human format does).
    pub color: bool,
    /// `--quiet`: the human summary line only when a file failed or could not be read.
    pub quiet: bool,
}

/// A path as tools that take paths relative to the repository want it (GitHub, SARIF viewers
/// and `git apply` refuse `./draft.txt`, and match no file to `drafts//a.md`): without the
/// leading `./` of a walk of `.`, `.` components and doubled slashes, and with `dir/..` taken
/// away as written (`drafts/../drafts/a.md` is `drafts/a.md`). A leading `..` stays: it names a
/// file outside the folder the run started in.
pub fn repo_path(path: &str) -> std::borrow::Cow<'_, str> {
    let clean = |c: &str| !c.is_empty() && c != "." && c != "..";
    let parts: Vec<&str> = path.split('/').collect();
    let tidy = parts.iter().enumerate().all(|(i, &c)| {
        // An empty first component is the root of an absolute path.
        clean(c) || (c.is_empty() && i == 0 && parts.len() > 1)
    });
    if tidy {
        return path.into();
    }
    let mut kept: Vec<&str> = Vec::new();
    for &c in &parts {
        match c {
            "" | "." => {}
            ".." if kept.last().is_some_and(|&k| k != "..") => {
                kept.pop();
            }
            c => kept.push(c),
        }
    }
    let joined = kept.join("/");
    if path.starts_with('/') {
        format!("/{joined}").into()
    } else if joined.is_empty() {
        ".".into()
    } else {
        joined.into()
    }
}

/// The points a finding counts for in its file's score, as the human titles and the GitHub
/// annotations say them: "-3 points"; a penalty found again in its part says what it counts
/// for ("-4 points (-8, the rule's 2nd finding in the opening counts half)": a merge field is
/// not the same one found again); a reward, counted once,
/// its line of the breakdown. `share` is the finding's [`crate::score::shares`].
pub(crate) fn counts_for(f: &Finding, file: &FileReport, share: Share) -> String {
    // A rule of no weight (a suppression comment's `unknown-directive`) counts for nothing by
    // design: "no points", not "+0 points".
    if f.rule.weight == 0 {
        return String::from("no points");
    }
    let counted = if f.rule.is_reward() {
        // Counted once, at its strongest finding: its line of the breakdown.
        file.score
            .breakdown
            .iter()
            .filter(|l| l.rule.qualified == f.rule.qualified)
            .map(|l| l.points)
            .sum()
    } else {
        share.points
    };
    let n = points(counted);
    // The 16th repeat in a part counts 1/32768 of its weight: not "-0 points" (nor, past
    // the 1,000th, where it is 0 as a number, "+0 points").
    let faint = counted != 0.0 || (share.again > 0 && !f.rule.is_reward() && f.cost() != 0.0);
    let (n, unit) = if n.trim_start_matches(['+', '-']) == "0" && faint {
        (String::from("next to no"), "points")
    } else if n.trim_start_matches(['+', '-']) == "1" {
        (n, "point")
    } else {
        (n, "points")
    };
    let again = match share.again {
        0 => String::new(),
        k => {
            let counts = match k {
                1 => "half".to_string(),
                2..=20 => format!("1/{}", 1u64 << k),
                _ => "next to nothing".to_string(),
            };
            format!(
                " ({}, the rule's {} finding in the {} counts {counts})",
                points(f.cost()),
                ordinal(u64::from(k) + 1),
                part_name(f)
            )
        }
    };
    format!("{n} {unit}{again}")
}

/// The part(s) of the pitch a finding stands in, as a reader says it: "opening+closing", or
/// "draft" when it stands in none.
pub(crate) fn part_name(f: &Finding) -> String {
    match f.scope.label().as_str() {
        "" | "none" => "draft".to_string(),
        label => label.to_string(),
    }
}

/// "1st", "2nd", "3rd", "4th", "11th", "21st"…
fn ordinal(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Points as reports show them: whole numbers as such, halves and quarters with one decimal,
/// so that the rows of the human breakdown add up to the score before it is rounded.
pub fn points(p: f64) -> String {
    // Whole numbers and halves, nearly all points, are written as the float formatter below
    // would write them, without it (it works out exact decimals: a thousand instructions
    // each, and a report writes several per finding).
    if p.abs() < 1e15 && (p * 2.0).fract() == 0.0 {
        let mut s = String::with_capacity(20);
        s.push(if p.is_sign_negative() { '-' } else { '+' });
        s.push_str(itoa::Buffer::new().format(p.abs().trunc() as u64));
        if p.fract() != 0.0 {
            s.push_str(".5");
        }
        return s;
    }
    formatted_points(p)
}

/// [`points`] by the float formatter, for every value.
fn formatted_points(p: f64) -> String {
    if (p - p.round()).abs() < 0.05 {
        format!("{p:+.0}")
    } else {
        format!("{p:+.1}")
    }
}

/// `s` as it can be shown on a terminal: a control character (from a file's name, a rule
/// pack's message or a draft) is shown as its Unicode control picture (ESC as `␛`), so that
/// it cannot move the cursor, recolour or clear the screen, or split a report's line. Tabs
/// stay.
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    // Most text has none: a pass without branches over the bytes (which the compiler turns
    // into vector instructions) finds none of the bytes they start with, and only text with
    // one (`0xC2` also starts `©` or a no-break space) is read closely.
    let b = s.as_bytes();
    let control = |c: u8| (c < 0x20 && c != b'\t') || c == 0x7F;
    let suspect = b.iter().fold(false, |s, &c| s | control(c) | (c == 0xC2));
    let plain = !suspect || !(0..b.len()).any(|i| control(b[i]) || c1_at(b, i));
    if plain {
        return std::borrow::Cow::Borrowed(s);
    }
    s.chars().map(|c| control_picture(c).unwrap_or(c)).collect()
}

/// What [`printable`] shows for `c`: its control picture, or `None` to keep it (a tab too).
pub(crate) fn control_picture(c: char) -> Option<char> {
    match c {
        '\t' => None,
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32),
        '\u{7F}' => Some('\u{2421}'),
        '\u{80}'..='\u{9F}' => Some('\u{FFFD}'),
        _ => None,
    }
}

/// Whether a C1 control character (U+0080 to U+009F: 0xC2 then 0x80 to 0x9F in UTF-8) starts
/// at byte `i` of `b`.
pub(crate) fn c1_at(b: &[u8], i: usize) -> bool {
    b[i] == 0xC2 && b.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n))
}

/// The renderer for a format.
pub fn renderer(format: OutputFormat, opts: RenderOptions) -> Box<dyn Renderer> {
    match format {
        OutputFormat::Human => Box::new(human::Human::new(opts)),
        OutputFormat::Json => Box::new(json::Json::default()),
        OutputFormat::Jsonl => Box::new(jsonl::Jsonl),
        OutputFormat::Concise => Box::new(concise::Concise),
        OutputFormat::Sarif => Box::new(sarif::Sarif::new(Vec::new())),
        OutputFormat::Github => Box::new(github::Github),
        OutputFormat::Junit => Box::new(junit::Junit::default()),
    }
}

/// Whether `head` (the first 4 KB of a file; `whole` when that is all of it) is empty or opens
/// as what pitchlint writes: what `--output` may replace (an earlier run's `report.md`). Each
/// kind is recognised strictly, so that a draft, a rule pack, a config, a patch or another
/// tool's report is never taken for one: the human report's finding and its ` --> ` line, or
/// a score line and its breakdown; concise, GitHub (titled `pitchlint`), JSON Lines and
/// `--statistics` lines, every line read of one kind; the one-line JSON report; pitchlint's
/// own SARIF and JUnit openings; `--stats`, `--show-parts`, `check-rules`' verdict, `rules`
/// and `explain` (table or JSON), the man page, shell completions and the schemas; coloured
/// or not, after a byte-order mark. (`config` prints TOML that may have become a config
/// since, and `--diff` a patch like any other: neither is replaced.)
pub fn opens_as_pitchlint_output(head: &str, whole: bool) -> bool {
    let head = head.strip_prefix('\u{feff}').unwrap_or(head);
    let plain = strip_ansi(head);
    let plain = plain.replace("\r\n", "\n");
    let mut lines = plain.lines().filter(|l| !l.trim().is_empty());
    let Some(first) = lines.next() else {
        // Blank as far as read: empty only if that was the whole file.
        return whole;
    };
    let second = lines.next();
    // Where the head stops short of the file, its last line may be cut; a kind read line by
    // line must then show two lines (a report-like line and then 4 KB of blank lines is no
    // report).
    let cut = !whole;
    // A reward is `reward` in concise and JUnit lines (`render::concise::level`).
    let severity = ["error", "warning", "info", "reward"];
    // A rule id between brackets: `[sales/cliches]`, and what follows it.
    let rule_then = |rest: &str| -> Option<String> {
        let rest = rest.strip_prefix('[')?;
        let (id, after) = rest.split_once(']')?;
        let (pack, name) = id.split_once('/')?;
        let word = |w: &str| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        };
        (word(pack) && word(name)).then(|| after.to_string())
    };
    let is_rule_id = |w: &str| rule_then(&format!("[{w}]")).is_some_and(|a| a.is_empty());
    // "path: score 88/100 PASS".
    let score = |l: &str| {
        l.rsplit_once(": score ").is_some_and(|(_, rest)| {
            let mut words = rest.split_whitespace();
            words
                .next()
                .and_then(|n| n.strip_suffix("/100"))
                .is_some_and(|n| n.parse::<f64>().is_ok())
                && matches!(words.next(), Some("PASS" | "FAIL"))
        })
    };
    // "     70  base", "    -20  seed/partner-close  (closing)".
    let breakdown = |l: &str| {
        l.starts_with(' ')
            && l.split_whitespace()
                .next()
                .is_some_and(|n| n.parse::<f64>().is_ok())
    };
    // "3 files: 2 passed, 1 failed, …".
    let summary = |l: &str| {
        l.split_once(' ').is_some_and(|(n, rest)| {
            n.bytes().all(|b| b.is_ascii_digit())
                && (rest.starts_with("files: ") || rest.starts_with("file: "))
                && rest.contains(" passed, ")
                && rest.contains(" failed")
        })
    };
    // "path:3:1: warning [research/too-short] …".
    let concise = |l: &str| {
        severity.iter().any(|s| {
            l.split_once(&format!(": {s} ")).is_some_and(|(at, rest)| {
                let mut parts = at.rsplitn(3, ':');
                let (col, line) = (parts.next(), parts.next());
                [col, line].iter().all(|n| {
                    n.is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                }) && rule_then(rest).is_some_and(|after| after.starts_with(' '))
            })
        })
    };
    // Every annotation of pitchlint's is titled "pitchlint …" (another linter's are not).
    let github = |l: &str| {
        ["::error ", "::warning ", "::notice "].iter().any(|c| {
            l.strip_prefix(c).is_some_and(|r| {
                (r.starts_with("file=") || r.starts_with("title=pitchlint "))
                    && (r.starts_with("title=pitchlint ") || r.contains(",title=pitchlint "))
            })
        })
    };
    // `--statistics`: "    2  seed/concrete-proof   info   A figure…".
    let statistics = |l: &str| {
        let mut words = l.split_whitespace();
        words
            .next()
            .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
            && words.next().is_some_and(is_rule_id)
            && words.next().is_some_and(|s| severity.contains(&s))
    };
    // The next line is of the same kind (or the run's summary); there may be none only when
    // the whole file was read.
    let then = |kind: &dyn Fn(&str) -> bool| match second {
        Some(l) => kind(l) || summary(l),
        None => !cut,
    };
    // A kind written one line after another with no blank line between: every line read is
    // of it (the last one may be cut), so nothing else follows the first two.
    let every = |kind: &dyn Fn(&str) -> bool| {
        let all: Vec<&str> = plain.trim_end_matches('\n').split('\n').collect();
        let n = all.len() - usize::from(cut && all.len() > 1);
        n > 0 && all[..n].iter().all(|l| kind(l) || summary(l)) && then(kind)
    };
    let t = first.trim_start();
    let human = severity.iter().any(|s| {
        t.strip_prefix(s)
            .and_then(rule_then)
            .is_some_and(|after| after.starts_with(": "))
    }) && second.is_some_and(|l| l.starts_with(" --> "));
    let scored = score(first) && then(&|l| breakdown(l) || score(l));
    let only_summary = summary(first) && second.is_none() && !cut;
    let lines_of = |kind: &dyn Fn(&str) -> bool| kind(first) && every(kind);
    // The JSON report and `--statistics --format json` are one line: nothing may follow it.
    let one_line = second.is_none() && plain.trim_end().lines().count() == 1;
    let json = (one_line
        && (plain.starts_with("{\"files\":[{\"path\":\"")
            || plain.starts_with("{\"files\":[],\"unread\":[")
            || plain.starts_with("[{\"rule\":\"")
            || plain.trim_end() == "[]"))
        || plain.starts_with("[\n  {\n    \"pack\": \"")
        || plain.starts_with("{\n  \"pack\": \"")
        // `--statistics --format jsonl`: a rule's counts on each line.
        || lines_of(&|l: &str| {
            l.starts_with("{\"rule\":\"")
                && l.contains("\"count\":")
                && l.contains("\"suppressed\":")
                && l.ends_with('}')
        })
        || lines_of(&|l: &str| {
            l.starts_with("{\"path\":\"")
                && (l.contains("\"stats\":{")
                    || l.contains("\"rule\":\"")
                        && l.contains("\"weight\":")
                        && l.contains("\"scope\":\""))
        });
    let sarif = plain.starts_with(sarif::OPENING);
    let junit = plain.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"pitchlint\" tests=\"",
    );
    // `--stats`: a path, then "  words   9".
    let stats = second.is_some_and(|l| {
        let mut words = l.split_whitespace();
        l.starts_with(' ')
            && words.next() == Some("words")
            && words
                .next()
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
            && words.next().is_none()
    });
    // `--show-parts`: "draft.txt (text)", then "    1  greeting  │ Hi Dana,".
    let parts = ["(text)", "(markdown)", "(html)", "(email)"]
        .iter()
        .any(|f| first.trim_end().ends_with(f))
        && second.is_some_and(|l| {
            let mut words = l.split_whitespace();
            words
                .next()
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
                && words.next().is_some_and(|p| {
                    p.split('+')
                        .all(|p| p.bytes().all(|b| b.is_ascii_lowercase()))
                })
                && words.next() == Some("│")
        });
    // `rules`: its header, then a rule.
    let rules = {
        let mut words = t.split_whitespace();
        ["RULE", "KIND", "WEIGHT", "SEVERITY", "SCOPE", "PACK"]
            .iter()
            .all(|w| words.next() == Some(*w))
            && second.is_some_and(|l| l.split_whitespace().next().is_some_and(is_rule_id))
    };
    // `check-rules`: "4 packs, 42 rules, 440 examples: all hold".
    let checked = check_rules_verdict(first) && second.is_none() && !cut;
    // `explain`: the rule, then "  kind phrase, weight -20, …".
    let explain = is_rule_id(t.trim_end())
        && second.is_some_and(|l| l.trim_start().starts_with("kind ") && l.contains(", weight "));
    // The generated files: the man page, a shell's completions, a schema.
    let generated = plain.starts_with("{\n  \"$defs\": {\n    \"ExamplesFile\": {")
        || plain.contains("pitchlint")
            && (first.starts_with(".ie \\n(.g .ds Aq")
                || (first == "_pitchlint() {" && plain.contains("local i cur prev opts cmd"))
                || first == "#compdef pitchlint"
                || first.starts_with("# Print an optspec for argparse")
                || first == "using namespace System.Management.Automation"
                || first == "use builtin;"
                || plain.starts_with("{\n  \"$schema\": \"https://json-schema.org/"));
    human
        || scored
        || only_summary
        || lines_of(&concise)
        || lines_of(&github)
        || lines_of(&statistics)
        || json
        || sarif
        || junit
        || stats
        || parts
        || rules
        || explain
        || checked
        || generated
}

/// `check-rules`' verdict line: "1 pack, 2 rules, 4 examples: all hold".
fn check_rules_verdict(l: &str) -> bool {
    let Some((counts, _)) = l.split_once(": ") else {
        return false;
    };
    let words: Vec<&str> = counts.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    words.len() == 6
        && words
            .chunks(2)
            .zip([
                ["pack", "packs"],
                ["rule", "rules"],
                ["example", "examples"],
            ])
            .all(|(c, names)| c[0].bytes().all(|b| b.is_ascii_digit()) && names.contains(&c[1]))
}

/// `s` without its ANSI escape sequences (`ESC [ … letter`).
fn strip_ansi(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('\u{1b}') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.clone().next() == Some('[') {
                chars.next();
                for d in chars.by_ref() {
                    if d.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
            continue;
        }
        out.push(c);
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod printable_tests {
    use super::printable;
    use std::borrow::Cow;

    #[test]
    fn printable_keeps_text_and_shows_controls() {
        // Tabs, a no-break space (0xC2 0xA0) and other letters are text, kept as they are.
        for s in ["plain", "a\tb", "no\u{a0}break", "café Â ½ ✓"] {
            assert!(matches!(printable(s), Cow::Borrowed(_)), "{s:?}");
        }
        assert_eq!(printable("a\u{1b}[31mb"), "a\u{241b}[31mb");
        assert_eq!(
            printable("x\u{7f}\u{85}\u{9f}y"),
            "x\u{2421}\u{fffd}\u{fffd}y"
        );
        assert_eq!(printable("line\nnext\r"), "line\u{240a}next\u{240d}");
        // Long text, a control at either end or after a no-break space.
        let long = "word ".repeat(40);
        assert!(matches!(printable(&long), Cow::Borrowed(_)));
        for (text, shown) in [
            (format!("{long}\u{7}"), format!("{long}\u{2407}")),
            (format!("\u{0}{long}"), format!("\u{2400}{long}")),
            (
                format!("{long}\u{a0}\u{85}"),
                format!("{long}\u{a0}\u{fffd}"),
            ),
        ] {
            assert_eq!(printable(&text), shown);
        }
    }
}

#[cfg(test)]
mod points_tests {
    use super::{formatted_points, points};

    /// Whole numbers and halves, written without the float formatter, read as it writes
    /// them, signs (and a negative zero's) included; so does every other value.
    #[test]
    fn points_read_as_the_float_formatter_writes_them() {
        let mut values = vec![0.0, -0.0, 1e15, -1e15, 4503599627370495.5, 0.05, 0.25, 2.97];
        for k in -400..=400 {
            let k = f64::from(k);
            values.extend([k, k / 2.0, k / 4.0, k / 10.0, k / 3.0, k / 32768.0, k * 1e9]);
        }
        for p in values {
            assert_eq!(points(p), formatted_points(p), "{p:?}");
        }
        assert_eq!(points(-0.0), "-0");
        assert_eq!(points(3.0), "+3");
        assert_eq!(points(-2.5), "-2.5");
        assert_eq!(points(0.25), "+0.2");
    }
}

#[cfg(test)]
mod report_tests {
    use super::opens_as_pitchlint_output;

    #[test]
    fn what_pitchlint_writes_is_output_and_drafts_are_not() {
        for report in [
            "",
            "\n\n",
            "\u{feff}",
            "warning[sales/cliches]: -3 points: Stock phrases\n --> d.txt:5:1\n",
            "reward[research/concise]: +4 points: 57 words\n --> d.txt:5:1\n",
            "\u{1b}[33mwarning\u{1b}[0m[x/y]: -1 points: z\r\n --> d.txt:1:1\r\n",
            "d.txt: score 88/100 PASS\n",
            "d.txt: score 70/100 PASS\n     70  base\n",
            "proposals/a b.md: score 49.5/100 FAIL\n    -20  seed/partner-close  (closing)\n",
            "0 files: 0 passed, 0 failed, 0 findings, 1 input not read or written (see above)\n",
            "d.txt:3:1: warning [research/too-short] 20 words\nd.txt:3:4: warning [sales/buzzwords] x\n",
            "C:\\d.txt:3:1: info [seed/concrete-proof] A figure\n",
            "d.txt:0:0: reward [fmt/proof] A figure\nd.txt:1:1: warning [sales/x] y\n",
            "    2  seed/concrete-proof           info     A figure\n    1  sales/x  warning  y\n",
            "    2  seed/concrete-proof           reward   A figure\n    1  sales/x  warning  y\n",
            "{\"files\":[],\"unread\":[],\"summary\":{}}",
            "{\"files\":[{\"path\":\"d.txt\",\"format\":\"text\"}]}\n",
            "{\"path\":\"d.txt\",\"rule\":\"sales/cliches\",\"weight\":-3,\"scope\":\"body\"}\n{\"path\":\"d.txt\",\"rule\":\"sales/x\",\"weight\":-3,\"scope\":\"body\"}\n",
            "{\"path\":\"d.txt\",\"stats\":{\"words\":9}}\n{\"path\":\"e.txt\",\"stats\":{\"words\":3}}\n",
            "4 packs, 42 rules, 440 examples: all hold\n",
            "[{\"rule\":\"sales/buzzwords\",\"count\":2}]",
            "{\"rule\":\"sales/buzzwords\",\"severity\":\"warning\",\"count\":2,\"suppressed\":0,\"message\":\"x\"}\n{\"rule\":\"sales/x\",\"severity\":\"info\",\"count\":1,\"suppressed\":0,\"message\":\"y\"}\n",
            "[]\n",
            "[\n  {\n    \"pack\": \"research\",",
            "{\n  \"pack\": \"seed\",",
            "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"pitchlint\" tests=\"1\">",
            "::error file=d.txt,line=1,title=pitchlint seed/x::x\n::warning file=d.txt,line=2,title=pitchlint sales/y::y\n",
            "::error title=pitchlint pitchlint/max-warnings::3 warnings\n",
            "d.txt\n  words                   9\n",
            "d.txt (text)\n    1  greeting  │ Hi Dana,\n    3  body+courtesy │ Thanks.\n",
            "RULE   KIND   WEIGHT  SEVERITY  SCOPE  PACK\nresearch/too-long  metric  -10\n",
            "seed/partner-close\n\n  kind phrase, weight -20, severity error\n",
            "#compdef pitchlint\n\nautoload -U is-at-least\n_pitchlint() {",
            "{\n  \"$defs\": {\n    \"ExamplesFile\": {\n",
        ] {
            assert!(opens_as_pitchlint_output(report, true), "{report:?}");
        }
        for draft in [
            "Hi Dana,\n\nCould we talk?\n",
            "Subject: Partnership opportunity\n\nHi Dana,",
            "# Proposal for Globex\n\n## Scope\n",
            "{{first_name}}, congrats on the new role.",
            "[Name],\n\nQuick question.",
            "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>Hi Dana",
            "{\"subject\": \"Quick question\", \"body\": \"Hi Dana\"}",
            "info[1]: the first point",
            "warning[x]: my notes",
            "error[x/y]: -20 points: a title\n\nHi Dana, could we talk?",
            "a.txt:3:1: error [draft/x] msg\nHi Dana, could we talk?",
            "3 files: 2 passed, 1 failed, 12 findings\nHi Dana,",
            "::error file=a.txt,line=1::x\nHi Dana,",
            "{\"path\":\"a.txt\",\"rule\":\"x\"}\nHi Dana,",
            "<testsuites name=\"pitchlint\">my notes",
            "Acme Q3: score 80/100 PASS\n\nWe beat the target again.",
            "Subject: Pricing update (email)\n\nHi Dana,",
            "--- a/draft.txt\n+++ b/draft.txt\n@@ -1 +1 @@\n-Hi\n+Hello\n",
            "# config file: team defaults\nmin_score = 85\n",
            "[pack]\nname = \"team\"\n",
            "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [{\"tool\": {\"driver\": {\"name\": \"ESLint\"}}}]",
            "{\n  \"name\": \"proposals\",\n  \"version\": \"1.0.0\"\n}",
            "_pitchlint() {\n  our own function\n}",
            // Another linter's annotations, JSON and JSON Lines; a report-like line with
            // something else after it.
            "::error file=internal/db.go,line=12,col=2::Error return value is not checked\n::warning file=internal/api.go,line=40::x\n",
            "{\"files\":[\"src/index.ts\"],\"compilerOptions\":{\"strict\":true}}",
            "{\"files\":[]}\nnotes to keep\n",
            "{\"path\":\"x.js\",\"rule\":\"no-undef\",\"severity\":\"error\"}\n{\"path\":\"y.js\",\"rule\":\"semi\",\"severity\":\"error\"}\n",
            "{\"rule\":\"semi\",\"count\":2,\"suppressed\":0}\nmy notes\n",
            "a.txt:3:1: error [draft/x] m\na.txt:3:2: error [draft/x] m\nIMPORTANT NOTES KEEP\n",
        ] {
            assert!(!opens_as_pitchlint_output(draft, true), "{draft:?}");
        }
        // Read only in part: blank so far is no empty file, and a report-like line with
        // nothing after it so far is no report (4 KB of blank lines, then a draft).
        assert!(!opens_as_pitchlint_output(&"\n".repeat(4096), false));
        assert!(!opens_as_pitchlint_output(
            "ok.txt: score 70/100 PASS\n\n\n",
            false
        ));
        assert!(!opens_as_pitchlint_output(
            "a.txt:1:3: info [research/concise] x\n",
            false
        ));
        // A long JSON report's one line is cut where the head stops: still a report.
        assert!(opens_as_pitchlint_output(
            "{\"files\":[{\"path\":\"d.txt\",\"find",
            false
        ));
    }
}

#[cfg(test)]
mod repo_path_tests {
    use super::repo_path;
    use std::borrow::Cow;

    #[test]
    fn repo_paths_are_tidied_as_written() {
        for tidy in ["draft.txt", "drafts/a.md", "/abs/drafts/a.md", "-"] {
            assert!(matches!(repo_path(tidy), Cow::Borrowed(_)), "{tidy}");
        }
        for (given, tidied) in [
            ("./draft.txt", "draft.txt"),
            ("././/drafts/a.md", "drafts/a.md"),
            ("proposals//globex.md", "proposals/globex.md"),
            ("proposals/./globex.md", "proposals/globex.md"),
            ("proposals/../proposals/globex.md", "proposals/globex.md"),
            ("a/b/../../c.md", "c.md"),
            ("../shared/a.md", "../shared/a.md"),
            ("../../a.md", "../../a.md"),
            ("//abs//a.md", "/abs/a.md"),
            ("drafts/", "drafts"),
        ] {
            assert_eq!(repo_path(given), tidied, "{given}");
        }
    }
}
