//! The cues the parts detection reads in a line: greetings, sign-offs, quote headers, the
//! subject line, and the split of a view into lines.

// The `expect`s below are on constant patterns, checked by the tests, not on input.
#![allow(clippy::expect_used)]

use std::ops::Range;
use std::sync::LazyLock;

// The cues are DFAs compiled at build time (see `super::cue_patterns`); those of other
// languages, and the quote headers (whose counted `.{0,200}` would make a large DFA), are
// compiled with regex-lite when a line first needs them: its small engine is quick on one
// line at a time and compiles in a twentieth of the time of the regex crate's. Its `\b`,
// `\s`, `\d` and `(?i)` are ASCII, which is what these cues need.
use regex_automata::{Anchored, Input};
use regex_lite::Regex;

use super::cue_patterns::{self as cue, GATEWAY_TAG, REPLY_PREFIX, SUBJECT_LABEL};

// A cue added to the list needs its DFA embedded too (`crate::document::dfa`).
const _: () = assert!(cue::CUES.len() == crate::document::dfa::CUE_COUNT);

/// Where cue `id`'s leftmost-first match at the start of `s` ends, if it matches there (see
/// [`cue_patterns`](super::cue_patterns)).
fn cue_end(id: usize, s: &str) -> Option<usize> {
    use regex_automata::dfa::Automaton;
    let input = Input::new(s).anchored(Anchored::Yes);
    // The DFAs have ASCII word boundaries only (no quit byte): a search cannot fail.
    crate::document::dfa::cue(id)
        .try_search_fwd(&input)
        .ok()
        .flatten()
        .map(|m| m.offset())
}

/// Whether cue `id` matches `s` (at its start, or anywhere for a cue that may stand anywhere).
fn cue_matches(id: usize, s: &str) -> bool {
    cue_end(id, s).is_some()
}

/// Where a "Subject:" line's label, reply prefixes and gateway tags end, if it is one.
pub(super) fn subject_end(line: &str) -> Option<usize> {
    cue_end(cue::SUBJECT, line)
}

/// Greetings in German, French, Spanish, Italian and Dutch: a regex of their own, compiled
/// only for a line that starts with one of [`GREETING_INTL_FIRST`] (an English draft never
/// pays for it; start-up is felt on every draft). Some of them are names or English words
/// too ("Cara", "Beste"), so the greeting must be the whole line, ending in `,` or `:`.
static GREETING_INTL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)^\s*["“‘']?(?:hallo|hola|bonjour|bonsoir|salut|ciao|buongiorno|buenos d[ií]as|buenas(?: tardes| noches)?|guten (?:morgen|tag|abend)|sehr geehrte[rn]?|liebe[rs]?|moin|servus|hej|estimad[oa]s?|querid[oa]s?|cher|chère|chers|madame|monsieur|caro|cara|gentile|geachte|beste)\b[^\n]{0,50}?[,!:—–]\s*$"#)
        .expect("international greeting regex compiles")
});
/// The first words of [`GREETING_INTL`]'s alternatives.
const GREETING_INTL_FIRST: &[&str] = &[
    "hallo",
    "hola",
    "bonjour",
    "bonsoir",
    "salut",
    "ciao",
    "buongiorno",
    "buenos",
    "buenas",
    "guten",
    "sehr",
    "liebe",
    "lieber",
    "liebes",
    "moin",
    "servus",
    "hej",
    "estimado",
    "estimada",
    "estimados",
    "estimadas",
    "querido",
    "querida",
    "queridos",
    "queridas",
    "cher",
    "chère",
    "chers",
    "madame",
    "monsieur",
    "caro",
    "cara",
    "gentile",
    "geachte",
    "beste",
];
/// Sign-offs in German, French, Spanish, Italian and Dutch, compiled only for a line whose
/// first word is one of theirs (see [`GREETING_INTL`]).
static SIGNOFF_INTL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:saludos(?: cordiales)?|un (?:saludo|abrazo)(?: cordial)?|atentamente|cordialmente|mit (?:freundlichen|besten|herzlichen|lieben|vielen) grüßen|(?:viele|beste|liebe|herzliche|freundliche) grüße|grüße|gruß|mfg|(?:bien )?cordialement|bien à vous|amicalement|sincèrement|(?:cordiali|distinti) saluti|saluti|met vriendelijke groet(?:en)?|groeten|hartelijke groet(?:en)?)\s*[,.!—–-]*\s*$",
    )
    .expect("international signoff regex compiles")
});

// These three run on most lines of a draft. Each trims the line (Unicode spaces, so a
// no-break space from HTML counts, and regex-lite's ASCII `\s` has nothing left to skip),
// then checks what its regex needs at the start (a cheap test that every match passes), so
// the regex engine only sees the few lines that may match.

pub(super) fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// The first words of [`SIGNOFF`]'s alternatives, sorted (a test checks), for a binary search.
const SIGNOFF_FIRST: &[&str] = &[
    "all",
    "best",
    "cheers",
    "kind",
    "looking",
    "many",
    "regards",
    "respectfully",
    "rgds",
    "sincerely",
    "speak",
    "take",
    "talk",
    "thank",
    "thanks",
    "thx",
    "ttyl",
    "warm",
    "warmest",
    "warmly",
    "with",
    "yours",
];

/// The first words of [`SIGNOFF_INTL`]'s alternatives, sorted, none of them English ones.
const SIGNOFF_INTL_FIRST: &[&str] = &[
    "amicalement",
    "atentamente",
    "beste",
    "bien",
    "cordialement",
    "cordiali",
    "cordialmente",
    "distinti",
    "freundliche",
    "groeten",
    "gruß",
    "grüße",
    "hartelijke",
    "herzliche",
    "liebe",
    "met",
    "mfg",
    "mit",
    "saludos",
    "saluti",
    "sincèrement",
    "un",
    "viele",
];

/// The first letters of both lists, lowercase and uppercase: most lines start with none of
/// them, and are turned away on their first byte.
const SIGNOFF_INITIALS: [bool; 256] = {
    let mut t = [false; 256];
    let lists = [SIGNOFF_FIRST, SIGNOFF_INTL_FIRST];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            let b = lists[l][i].as_bytes()[0];
            t[b as usize] = true;
            t[b.to_ascii_uppercase() as usize] = true;
            i += 1;
        }
        l += 1;
    }
    t
};

/// Whether a line is a sign-off ("Best,", "Thanks so much!"): a few words, nothing else.
pub(super) fn is_signoff(line: &str) -> bool {
    // Unicode spaces (a no-break space from HTML) around the line are spaces too.
    let line = line.trim();
    if !line
        .as_bytes()
        .first()
        .is_some_and(|&b| SIGNOFF_INITIALS[usize::from(b)])
    {
        return false;
    }
    let first = line
        .split(|c: char| c.is_ascii_whitespace() || c == '\x0b')
        .next()
        .unwrap_or("")
        .trim_end_matches([',', '.', '!', '—', '–', '-']);
    // The longest first word has 12 letters: lowercase it into a buffer, without allocating.
    let mut buf = [0u8; 12];
    let Some(lower) = buf.get_mut(..first.len()) else {
        return false;
    };
    lower.copy_from_slice(first.as_bytes());
    lower.make_ascii_lowercase();
    let listed = |list: &[&str]| list.binary_search_by(|w| w.as_bytes().cmp(lower)).is_ok();
    // Each list's regex sees only its own lines: the other languages' is compiled only when
    // a line starts like one of theirs ("Mit freundlichen Grüßen").
    if listed(SIGNOFF_FIRST) {
        cue_matches(cue::SIGNOFF, line)
    } else {
        listed(SIGNOFF_INTL_FIRST) && SIGNOFF_INTL.is_match(line)
    }
}

/// Whether a line starts a postscript ("P.S.", "PS:", "P.P.S.").
pub(super) fn is_postscript(line: &str) -> bool {
    let line = line.trim_start();
    starts_with_ci(line, "p") && cue_matches(cue::POSTSCRIPT, line)
}

/// Whether a line starts a quoted reply ("On … wrote:", "-----Original Message-----").
pub(super) fn is_quote_header(line: &str) -> bool {
    let line = line.trim();
    if ["am ", "le ", "el "]
        .iter()
        .any(|p| starts_with_ci(line, p))
    {
        return QUOTE_HEADER_INTL.is_match(line);
    }
    // Each header has one of these words: a line that starts like one ("On Tuesday we…")
    // but has none of them never compiles the regex (start-up is felt on every draft).
    ["on", "--", "begin", "__", "from:"]
        .iter()
        .any(|p| starts_with_ci(line, p))
        && {
            let lower = line.to_ascii_lowercase();
            ["wrote:", "message", "__________", "sent:"]
                .iter()
                .any(|k| lower.contains(k))
        }
        && QUOTE_HEADER.is_match(line)
}

/// Where a greeting ends in `line` ("Hi Dana," / "{{first_name}},"), if it starts with one;
/// leading Unicode spaces (a no-break space from HTML) are skipped as ASCII ones are.
pub(super) fn greeting_end(line: &str) -> Option<usize> {
    let lead = line.len() - line.trim_start().len();
    let t = &line[lead..];
    let intl = || {
        let first = t
            .trim_start_matches(['"', '“', '‘', '\''])
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
            .to_lowercase();
        GREETING_INTL_FIRST.contains(&first.as_str())
    };
    // "Hi-fi retailers lose…" starts with no greeting.
    let hyphenated = t.split_whitespace().next().is_some_and(|w| w.contains('-'));
    (!hyphenated)
        .then(|| cue_end(cue::GREETING, t))
        .flatten()
        .map(|end| sentence_end(&t[..end]).unwrap_or(end))
        .or_else(|| {
            // A long line with no comma: "Hi Dana. I saw your post about the new plant and
            // wanted to ask…" greets with its first sentence.
            let cut = (0..=t.len().min(80))
                .rev()
                .find(|&i| t.is_char_boundary(i))
                .unwrap_or(0);
            let end = sentence_end(&t[..cut]).filter(|_| !hyphenated)?;
            cue_end(cue::GREETING, &t[..end])
        })
        .or_else(|| {
            intl()
                .then(|| GREETING_INTL.find(t).map(|m| m.end()))
                .flatten()
        })
        .or_else(|| cue_end(cue::NAME_GREETING, t))
        .map(|end| lead + end)
}

/// Where the first sentence of a greeting line ends, when a full stop ends it before the
/// greeting's own punctuation: "Hi Dana. Got a minute on Tuesday?" greets with "Hi Dana.",
/// and the question is the message. A title, an initial or an abbreviation ("Hi Dr. Lee,",
/// "Hi J. Smith,", "Hello Acme Corp. team,") ends no sentence.
fn sentence_end(greeting: &str) -> Option<usize> {
    const TITLES: [&str; 32] = [
        "mr", "mrs", "ms", "mx", "dr", "prof", "st", "capt", "rev", "col", "lt", "sgt", "fr",
        "hon", "gen", "maj", "cmdr", "sen", "rep", "gov", "pres", "amb", "atty", "messrs", "mme",
        "mlle", "sra", "srta", "corp", "inc", "ltd", "co",
    ];
    greeting.match_indices('.').find_map(|(i, _)| {
        let rest = &greeting[i + 1..];
        // A space after it: an ASCII one, a tab or a no-break space.
        if !rest.starts_with([' ', '\t', '\u{a0}']) {
            return None;
        }
        let word = greeting[..i]
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let title = word.chars().count() == 1 || TITLES.contains(&word.to_lowercase().as_str());
        (!title && !rest.trim_start().is_empty()).then_some(i + 1)
    })
}

/// Whether a paragraph is only a closing courtesy (see [`COURTESY`]): one short sentence with
/// no question and no concrete next step (a day, a call, a time), which stays an ask.
pub(super) fn is_courtesy(s: &str) -> bool {
    let t = s.trim();
    !t.contains('\n')
        && t.split_whitespace().count() <= 15
        && cue_matches(cue::COURTESY, t)
        && !cue_matches(cue::STEP, t)
}

/// The separators a signature puts between its fields on one line ("Sam Ortiz | Northline
/// Freight", "Sam Ortiz · VP Sales"), with a space on either side: not the slash of "24/7".
const FIELD_SEPARATORS: [&str; 7] = [" | ", " · ", " • ", " — ", " – ", " / ", " - "];

/// Whether a trimmed line is short enough to be a signature's, with no sentence end: at most
/// four words; or up to four fields of at most four words each between separators, none with
/// a sentence end, the first a name ("Sam Ortiz | Northline Freight", not "Quick call
/// Tuesday | or Wednesday"). A separator is no word. A postscript ("PS - worth a look") is
/// message text, not signature.
pub fn is_short_line(line: &str) -> bool {
    let ends = ends_signature_sentence;
    if ends(line) || is_postscript(line) {
        return false;
    }
    let mut fields = Vec::new();
    let mut rest = line;
    loop {
        let next = FIELD_SEPARATORS
            .iter()
            .filter_map(|sep| rest.find(sep).map(|at| (at, sep.len())))
            .min();
        let field = next.map_or(rest, |(at, _)| &rest[..at]);
        if field.split_whitespace().count() > 4 || ends(field) {
            return false;
        }
        fields.push(field);
        // More than four fields is no signature line: stop before reading the rest (a long
        // line of separators took each one's search to the end of the line, per field).
        if fields.len() > 4 {
            return false;
        }
        match next {
            Some((at, len)) => rest = &rest[at + len..],
            None => break,
        }
    }
    match fields[..] {
        [_] => true,
        [first, ..] => fields.len() <= 4 && is_name(first),
        [] => false,
    }
}

/// What a signature's field may end in with a full stop that ends no sentence: a company's
/// legal form ("Northline Freight, Inc.", "Partner, Ortiz & Co.", "Harlow S.p.A."), a name's
/// suffix or degree ("Sam Ortiz Jr.", "Dana Park, Ph.D."), read without their dots.
const SIGNATURE_ABBREVIATIONS: [&str; 31] = [
    "inc", "co", "corp", "ltd", "llc", "llp", "lp", "plc", "pty", "gmbh", "ag", "kg", "bv", "nv",
    "sa", "sas", "sarl", "spa", "srl", "ltda", "oy", "ab", "bros", "intl", "jr", "sr", "esq",
    "phd", "md", "mba", "cpa",
];

/// Whether a signature's field (or line) ends a sentence: with `?` or `!`, or with a full stop
/// unless the field reads as a name or a company's ("Northline Freight, Inc.", "Sam J.":
/// every word with a capital, a figure or a bracket, but "and", "of", a name's particles and
/// separators) and ends in an initial or one of [`SIGNATURE_ABBREVIATIONS`]. "Tuesday in
/// Denver, CO." and "Let's partner, Acme Inc." are sentences.
pub(super) fn ends_signature_sentence(field: &str) -> bool {
    let t = field.trim_end();
    if t.ends_with(['?', '!']) {
        return true;
    }
    let Some(head) = t.strip_suffix('.') else {
        return false;
    };
    let words: Vec<&str> = head
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let Some(last) = words.last() else {
        return true;
    };
    // A name's or a company's word: capitalised, or with a capital inside ("eBay",
    // "al-Hassan"), a figure or a bracket first ("3M", "(UK)"), an address, a particle; a
    // separator ("|", "–") is no word.
    let named = words.iter().all(|w| {
        !w.chars().any(char::is_alphabetic)
            || w.chars().any(char::is_uppercase)
            || w.starts_with(|c: char| c.is_ascii_digit() || c == '(' || c == '[')
            || w.contains('@')
            || matches!(*w, "and" | "of")
            || NAME_PARTICLES.contains(w)
    });
    // The last word, dots inside it aside ("Ph.D", "S.A").
    let letters: String = last.chars().filter(|c| *c != '.').collect();
    let initial = letters.chars().count() == 1;
    let abbreviation = SIGNATURE_ABBREVIATIONS
        .iter()
        .any(|a| letters.eq_ignore_ascii_case(a));
    !(named && (initial || abbreviation))
}

/// Whether a signature line gives a way to reach the sender: an email or web address, as the
/// links of a view are found ("sam@fleetline.example", "www.fleetline.example", "https://…"),
/// or a phone number ("+1 775 555 0142", "Tel: (775) 555-0142": after an optional label of
/// letters and a colon, seven digits or more and only `+ ( ) - . /` and spaces beside them;
/// not a date and time, "2025-01-14 10:00", nor "Order 4471 2290").
pub(super) fn is_contact_line(line: &str) -> bool {
    let address = !crate::document::links::find(line).is_empty();
    let number = line
        .split_once(':')
        .filter(|(label, _)| label.trim().chars().all(char::is_alphabetic))
        .map_or(line, |(_, rest)| rest)
        .trim();
    let digits = number.bytes().filter(u8::is_ascii_digit).count();
    address
        || (digits >= 7
            && number
                .bytes()
                .all(|b| b.is_ascii_digit() || b" +()-./".contains(&b)))
}

/// Whether a trimmed line reads as a letter's or a proposal's header line: in title case (a
/// date, a name, a company, an address, a document's title, "Prepared for Dana Park"; see
/// [`title_case`]). A figure with `%` is a claim, not a header.
pub fn is_header_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    !line.contains('%') && title_case(&words)
}

/// The small words of names ("Jan van Dijk", "Ana dos Santos", "Omar al-Hassan"), which are
/// not capitalised.
const NAME_PARTICLES: [&str; 21] = [
    "de", "da", "das", "del", "den", "der", "di", "do", "dos", "du", "la", "le", "van", "von",
    "ten", "ter", "al", "el", "bin", "ibn", "y",
];

/// Whether a field reads as a person's name: one to four words, each capitalised, but for the
/// particles of names (see [`NAME_PARTICLES`]).
pub(super) fn is_name(field: &str) -> bool {
    let words: Vec<&str> = field.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || NAME_PARTICLES.contains(w))
}

/// Words of a job title (see [`title_after_name`]).
const JOB_TITLE_WORDS: [&str; 40] = [
    "partner",
    "founder",
    "cofounder",
    "co",
    "owner",
    "principal",
    "president",
    "ceo",
    "cto",
    "cfo",
    "coo",
    "cmo",
    "cro",
    "vp",
    "svp",
    "evp",
    "director",
    "head",
    "manager",
    "lead",
    "chief",
    "officer",
    "executive",
    "associate",
    "consultant",
    "advisor",
    "engineer",
    "specialist",
    "representative",
    "rep",
    "sdr",
    "bdr",
    "ae",
    "chair",
    "chairman",
    "md",
    "gm",
    "attorney",
    "counsel",
    "analyst",
];

/// Where the title is in a name line under a sign-off ("Sam Ortiz, Partner", "Sam Ortiz ·
/// CEO", "Dana Park – Founder"): what follows a name and a comma or a field separator,
/// from its first word to its end, and the end of the name. `None` for a name alone, or a
/// line that does not start with one of two words or more ("Thanks again, Dana").
pub(super) fn title_after_name(line: &str) -> Option<(usize, Range<usize>)> {
    let (at, sep) = FIELD_SEPARATORS
        .iter()
        .chain(&[", "])
        .filter_map(|sep| line.find(sep).map(|at| (at, sep.len())))
        .min()?;
    let name = line[..at].trim_end();
    let rest = &line[at + sep..];
    let title = rest.trim();
    if !is_name(name) || title.is_empty() || name.split_whitespace().count() < 2 {
        return None;
    }
    // A job title, by its words ("Partner", "VP Sales", "Head of Growth"): not a few words of
    // message after a name ("Sam Ortiz, Act now", "Dana Park, Tuesday works"), which are
    // still linted.
    let titled = title
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| JOB_TITLE_WORDS.iter().any(|t| w.eq_ignore_ascii_case(t)));
    if !titled {
        return None;
    }
    let from = at + sep + (rest.len() - rest.trim_start().len());
    Some((name.len(), from..from + title.len()))
}

/// Whether a line is only a bracketed merge field for message text (`[CTA]`, `[Problem 1]`),
/// not for a signature (`[Your Name]`, `[Title]`, `[Phone]`): such a line is never signature.
pub(super) fn is_message_field(s: &str) -> bool {
    let t = s.trim();
    t.starts_with('[')
        && t.ends_with(']')
        && t[1..].find(['[', ']']) == Some(t.len() - 2)
        && !cue_matches(cue::SIGNATURE_FIELD, t)
}

/// Whether a paragraph is a mailing footer or a legal notice, below the message whatever its
/// length: a confidentiality notice anywhere at the end, or an unsubscribe line under a name
/// or an address (`under_name`). A question is no footer: "Will you partner with us? If not,
/// reply unsubscribe" is the ask.
pub(super) fn is_footer(s: &str, under_name: bool) -> bool {
    !s.contains(['?', '？'])
        && (cue_matches(cue::LEGAL, s) || (under_name && cue_matches(cue::UNSUBSCRIBE, s)))
}

/// Gmail's attribution in German, French and Spanish ("Am 2. März … schrieb Dana <…>:"),
/// compiled only for a line that starts "Am ", "Le " or "El ".
static QUOTE_HEADER_INTL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:am .{0,100}\d.{0,100}\bschrieb\b.{0,200}:\s*$|le .{0,100}\d.{0,200}\ba écrit\s?:\s*$|el .{0,100}\d.{0,200}\bescribió:\s*$)")
        .expect("international quote header regex compiles")
});

static QUOTE_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:on\b.{0,200}\bwrote:\s*$|-{2,}\s*original message\s*-{2,}|-{2,}\s*forwarded message\s*-{2,}|begin forwarded message:|_{10,}\s*$|from:[^\n]*\bsent:)")
        .expect("quote header regex compiles")
});

/// Where the first reply or forward prefix of a "Subject:" line stands, if it has one (after
/// gateway tags): "Re:" of "Subject: [EXTERNAL] Re: Boxes". Compiled only for a line with a
/// second colon: most subjects have none.
pub(super) fn reply_prefix(line: &str) -> Option<std::ops::Range<usize>> {
    static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)^\s*{SUBJECT_LABEL}[ \t]*(?:{GATEWAY_TAG}[ \t]*)*({REPLY_PREFIX})"
        ))
        .expect("reply prefix regex compiles")
    });
    if line.matches(':').count() < 2 {
        return None;
    }
    PREFIX.captures(line)?.get(1).map(|m| m.range())
}

/// Where a title's leading reply prefixes and gateway tags end ("Re: " of a Markdown draft's
/// "# Re: Boxes", "[EXTERNAL] " of an HTML banner heading), as a "Subject:" line's label ends
/// after them ([`subject_end`]): the subject is what follows. 0 when it has none, or when
/// nothing follows them.
pub(super) fn title_prefix_end(title: &str) -> usize {
    static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)^[ \t]*(?:(?:{REPLY_PREFIX}|{GATEWAY_TAG})[ \t]*)+"
        ))
        .expect("title prefix regex compiles")
    });
    if !title.contains([':', '[']) {
        return 0;
    }
    PREFIX
        .find(title)
        .map(|m| m.end())
        .filter(|&end| !title[end..].trim().is_empty())
        .unwrap_or(0)
}

/// One line of the view: its span without the line break.
#[derive(Clone, Debug)]
pub(super) struct Line {
    pub(super) span: Range<usize>,
    pub(super) blank: bool,
}

pub(super) fn lines(text: &str) -> Vec<Line> {
    // memchr finds the breaks many bytes at a time; counting them first sizes the vector once
    // (a doubling vector of a 100 MB file's lines peaked at 2.5× the file).
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(memchr::memchr2_iter(b'\n', b'\r', b).count() + 1);
    let mut start = 0;
    // A suppression directive on a line of its own is not prose: it is no paragraph, and
    // separates paragraphs as a blank line does (else `pitchlint-enable` after the ask would
    // be the closing). Most drafts have none: then no line is looked at for one.
    let directives = memchr::memmem::find(b, b"pitchlint-").is_some();
    let mut push = |start: usize, end: usize| {
        let line = &text[start..end];
        out.push(Line {
            span: start..end,
            blank: line.trim().is_empty()
                || (directives && crate::suppress::is_directive_line(line)),
        });
    };
    for i in memchr::memchr2_iter(b'\n', b'\r', b) {
        if i < start {
            // The `\n` of a `\r\n` pair, already consumed.
            continue;
        }
        push(start, i);
        start = if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
            i + 2
        } else {
            i + 1
        };
    }
    if start < b.len() {
        push(start, b.len());
    }
    out
}

/// Whether a line ends a sentence (for drafts with no blank lines).
pub(super) fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end();
    t.ends_with(['.', '?', '!', '”', '"', ':']) || t.ends_with(".)")
}

/// Whether a first line is a title written as plain text ("Vendor Customer Relationships"):
/// up to ten words, each capitalised (but the small words of a title), no punctuation at its
/// end, not a greeting ("Hi Dana"), and the `next` line does not go on in lower case (a
/// wrapped sentence).
pub(super) fn is_plain_title(s: &str, next: &str) -> bool {
    let t = s.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 10
        && !next.trim_start().starts_with(char::is_lowercase)
        && !t.ends_with(|c: char| c.is_ascii_punctuation() && !matches!(c, ')' | '"' | '\''))
        && !t.ends_with(['…', '”', '’'])
        && greeting_end(t).is_none()
        && !words_only_name(t)
        && !is_cover_line(t)
        && title_case(&words)
}

/// Whether a trimmed line is a cover page's line rather than a title: who the document is
/// for or from ("Prepared for Dana Park", "Attn: Accounts Payable"), or a date ("March
/// 2026", "30 November 2026", "Nov. 30, 2026").
pub(super) fn is_cover_line(t: &str) -> bool {
    // (Not "Attention:", which starts subject lines: "Attention: Your Q3 Invoices".)
    const LEADS: [&str; 7] = [
        "prepared for ",
        "prepared by ",
        "presented to ",
        "presented by ",
        "submitted to ",
        "submitted by ",
        "attn",
    ];
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if LEADS.iter().any(|p| starts_with_ci(t, p)) {
        // "Attn" as a word ("Attn: Dana", "Attn Dana"), not the start of another.
        return !starts_with_ci(t, "attn") || !t[4..].starts_with(char::is_alphanumeric);
    }
    // A date: a month's name and a number, and nothing else ("1st", a comma or a full stop
    // aside).
    let (mut month, mut number) = (false, false);
    t.split_whitespace().all(|w| {
        let w = w.trim_end_matches([',', '.']);
        let lower = w.to_ascii_lowercase();
        if w.starts_with(|c: char| c.is_ascii_digit()) {
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            number = true;
            digits.bytes().all(|b| b.is_ascii_digit())
                && ["", "st", "nd", "rd", "th"].contains(&&lower[digits.len()..])
        } else {
            // The full name, its first three letters or "Sept".
            month = lower == "sept"
                || MONTHS
                    .iter()
                    .any(|m| *m == lower || (lower.len() == 3 && m.starts_with(&lower)));
            month
        }
    }) && month
        && number
}

/// Whether words are in title case: each capitalised or a number (by its first letter or
/// digit), or a mark with neither ("&", "–"), but for the small words of a title after the
/// first ("Proposal for Harlow Foods").
fn title_case(words: &[&str]) -> bool {
    const SMALL: &[&str] = &[
        "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "vs",
        "with",
    ];
    words
        .iter()
        .enumerate()
        .all(|(i, w)| match w.chars().find(|c| c.is_alphanumeric()) {
            Some(c) => {
                c.is_uppercase()
                    || c.is_numeric()
                    || (i > 0 && SMALL.contains(&w.to_lowercase().as_str()))
            }
            None => true,
        })
}

/// Trim a span to exclude leading and trailing whitespace.
pub(super) fn trim(text: &str, span: Range<usize>) -> Range<usize> {
    let s = &text[span.clone()];
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

/// Outlook's reply header: a "From:" line followed by a "Sent:" or "Date:" line.
pub(super) fn is_outlook_header(text: &str, lines: &[Line], i: usize) -> bool {
    let starts = |k: usize, words: &[&str]| {
        lines.get(k).is_some_and(|l| {
            let s = text[l.span.clone()].trim_start().trim_start_matches('*');
            words.iter().any(|w| starts_with_ci(s, w))
        })
    };
    // Outlook in English, German, French and Spanish.
    starts(i, &["from:", "von:", "de:", "de :"])
        && starts(
            i + 1,
            &[
                "sent:",
                "date:",
                "gesendet:",
                "envoyé :",
                "envoyé:",
                "enviado:",
                "enviado el:",
            ],
        )
}

/// How many lines the reply attribution at line `i` takes (0: none): a quote header
/// ("On Mon, Dana wrote:", "-----Original Message-----"), Gmail's attribution wrapped over
/// two lines ("On Mon, … <dana@…>" over "wrote:"), or a short "Dana Park wrote:" right above
/// `>` lines (`marked`).
pub(super) fn attribution(
    text: &str,
    lines: &[Line],
    i: usize,
    marked: &dyn Fn(&Line) -> bool,
) -> usize {
    let s = text[lines[i].span.clone()].trim();
    let next = |k: usize| lines.get(k).map(|l| text[l.span.clone()].trim());
    if is_quote_header(s) {
        return 1;
    }
    let ends_wrote = |s: &str| {
        s.len() >= 6
            && s.is_char_boundary(s.len() - 6)
            && s[s.len() - 6..].eq_ignore_ascii_case("wrote:")
    };
    // Wrapped: "On Mon, … Dana Park" over "<dana@…> wrote:" (or "wrote:" alone).
    if starts_with_ci(s, "on ")
        && next(i + 1).is_some_and(|n| ends_wrote(n) && n.split_whitespace().count() <= 4)
    {
        return 2;
    }
    // Outlook's header block ("From:", "Sent:", "To:", "Subject:"): its lines.
    if is_outlook_header(text, lines, i) {
        let header = |l: &Line| {
            let t = text[l.span.clone()].trim_start().trim_start_matches('*');
            !l.blank
                && t.find(':').is_some_and(|c| {
                    let key = t[..c].trim_end();
                    !key.is_empty() && key.len() <= 20 && !key.contains(char::is_whitespace)
                })
        };
        return lines[i..].iter().take(8).take_while(|l| header(l)).count();
    }
    // "Dana Park wrote:", "dana@n.example wrote:": a name (capitalised words, an address),
    // not the sender's prose ("I loved what you wrote:").
    let wrote = s.len() > 6 && ends_wrote(s) && {
        let who: Vec<&str> = s[..s.len() - 6].split_whitespace().collect();
        // Particles of names ("Dana van der Berg", "Ana de la Cruz") may be lower case.
        let name = |w: &&str| {
            w.starts_with(|c: char| c.is_uppercase() || matches!(c, '<' | '"' | '('))
                || w.contains('@')
        };
        who.len() <= 8
            && who.first().is_some_and(name)
            && who.iter().all(|w| name(w) || NAME_PARTICLES.contains(w))
    };
    let above_quote = || {
        (i + 1..lines.len())
            .find(|&k| !lines[k].blank)
            .is_some_and(|k| marked(&lines[k]))
    };
    usize::from(wrote && above_quote())
}

pub(super) fn has_blank_between(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    text[a.end..b.start].matches('\n').count() >= 2
}

/// A line that is only a name and a comma ("Dana,"), or a title and a name and a dash ("Dr.
/// Patel —", "Ms. Park -": not "Team —" or "Update --", which start a message as often).
pub(super) fn words_only_name(s: &str) -> bool {
    let t = s.trim();
    if let Some(n) = t.strip_suffix(',') {
        return (1..=3).contains(&n.split_whitespace().count())
            && n.chars().next().is_some_and(char::is_uppercase);
    }
    let dashed = t
        .strip_suffix(['—', '–'])
        .or_else(|| t.strip_suffix(" -"))
        .or_else(|| t.strip_suffix(" --"))
        .map(str::trim_end);
    dashed.is_some_and(|n| {
        let (title, name) = n.split_once(' ').unwrap_or((n, ""));
        (2..=3).contains(&n.split_whitespace().count())
            && [
                "Dr.", "Dr", "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Prof.",
            ]
            .contains(&title)
            && is_name(name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Email and web addresses and phone numbers (with a label or not) are contact lines;
    /// dates, clock times and order numbers are not.
    #[test]
    fn contact_lines_give_an_address_or_a_phone_number() {
        for yes in [
            "sam@fleetline.example",
            "Email: sam@fleetline.example",
            "www.fleetline.example",
            "https://fleetline.example/sam",
            "+1 775 555 0142",
            "Tel: (775) 555-0142",
            "M: 0775 5550142",
        ] {
            assert!(is_contact_line(yes), "{yes}");
        }
        for no in [
            "Sam Ortiz",
            "Account Manager, Fleetline",
            "@fleetline",
            "sam@localhost",
            "Founded 2019, 140 staff",
            "Route 12345 to Reno",
            "2025-01-14 10:00",
            "Invoice 20250114",
            "Order 4471 2290",
        ] {
            assert!(!is_contact_line(no), "{no}");
        }
    }

    /// The sign-off words are sorted, as the binary search needs.
    #[test]
    fn signoff_first_words_are_sorted() {
        for list in [SIGNOFF_FIRST, SIGNOFF_INTL_FIRST] {
            assert!(list.windows(2).all(|w| w[0] < w[1]));
            // `is_signoff` lowercases the first word into 12 bytes.
            assert!(list.iter().all(|w| w.len() <= 12));
        }
        assert!(!SIGNOFF_INTL_FIRST.iter().any(|w| SIGNOFF_FIRST.contains(w)));
    }

    /// The cheap first checks never turn away a line their regex accepts.
    #[test]
    fn prefilters_agree_with_their_regexes() {
        let lines = [
            "Best,",
            "  best regards!",
            "Best wishes",
            "Kind regards,",
            "warm thanks",
            "Warmest regards",
            "Many thanks!!",
            "With regards",
            "Regards",
            "Thanks again,",
            "thanks so much",
            "Thanks in advance.",
            "Thank you",
            "THANK YOU SO MUCH!",
            "Cheers —",
            "Sincerely yours,",
            "Yours truly",
            "yours sincerely",
            "Talk soon",
            "All the best,",
            "Warmly",
            "Respectfully",
            "Speak soon!",
            "Looking forward",
            "Take care",
            "ttyl",
            "Rgds",
            "thx",
            "\tBest\u{b},",
            "Best—Sam",
            "Best of luck with the launch",
            "Mit freundlichen Grüßen",
            "Saludos,",
            "Cordialement,",
            "Un saludo",
            "Liebe Grüße",
            "Met vriendelijke groet",
            "Mit uns fahren Sie gut.",
            "We ship",
            "",
            "   ",
            "On Mon, Dana wrote:",
            "  on Tue 3 May 2026, Sam <s@a.co> wrote:",
            "-----Original Message-----",
            "-- forwarded message --",
            "Begin forwarded message:",
            "__________",
            "From: Dana Sent: Monday",
            "from: x",
            "Online we wrote:",
            "Am Mo., 2. März 2026 um 10:00 Uhr schrieb Jürgen Weber <jw@n.example>:",
            "Le lun. 2 mars 2026 à 10:00, Anne <a@n.example> a écrit :",
            "El lun, 2 mar 2026 a las 10:00, Ana (<a@n.example>) escribió:",
            "Am Montag liefern wir.",
            "P.S. one more",
            "PS: call me",
            "p.p.s. again",
            "pps",
            "Please reply",
            "P.",
            "Ps",
        ];
        let mut hits = [0; 3];
        for l in lines {
            let signoff = cue_matches(cue::SIGNOFF, l) || SIGNOFF_INTL.is_match(l);
            assert_eq!(is_signoff(l), signoff, "signoff: {l:?}");
            let quote = QUOTE_HEADER.is_match(l) || QUOTE_HEADER_INTL.is_match(l);
            assert_eq!(is_quote_header(l), quote, "quote: {l:?}");
            assert_eq!(
                is_postscript(l),
                cue_matches(cue::POSTSCRIPT, l),
                "postscript: {l:?}"
            );
            hits[0] += usize::from(is_signoff(l));
            hits[1] += usize::from(is_quote_header(l));
            hits[2] += usize::from(is_postscript(l));
        }
        assert_eq!(hits, [35, 10, 5], "how many lines each check accepts");
    }
}

/// The cue DFAs built at build time find what `regex-lite` finds with the patterns as
/// written: where each anchored cue's match ends, and whether each cue that may stand
/// anywhere matches, on every line of the fixtures and the real corpus, their trimmed forms,
/// their prefixes, and lines written to probe the edges (non-ASCII letters and spaces, long
/// lines, the counted repetitions' bounds).
#[cfg(test)]
mod dfa_tests {
    use super::*;

    fn lines() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
        let mut out = Vec::new();
        let mut dirs = vec![root];
        while let Some(d) = dirs.pop() {
            for e in std::fs::read_dir(d).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    dirs.push(p);
                } else if let Ok(text) = std::fs::read_to_string(&p) {
                    out.extend(text.lines().map(String::from));
                    out.extend(text.split("\n\n").map(|s| s.trim().to_string()));
                }
            }
        }
        let long = "x".repeat(59);
        for probe in [
            "Hi Dana,",
            "  \u{a0}Hi Dana —",
            "“Hi Dana,”",
            "Hello team - quick one",
            "Hey, Dana:",
            "Good morning Dana;",
            "Hi-fi retailers lose money",
            "Hiya",
            "Dear Ms. Lee, thanks",
            &format!("Hi {long},"),
            &format!("Hi {long}x,"),
            &format!("Hi {long}xx,"),
            &format!("Hi {}é,", "é".repeat(30)),
            "{{first_name}}, saw your post",
            "[First Name] - congrats",
            "*|FNAME|*: hi",
            "Best,",
            "BEST REGARDS!",
            "Thanks so much!",
            "Thank you — ",
            "Cheers.",
            "Best of luck with the launch.",
            "P.S. one more",
            "PPS",
            "p s",
            "Looking forward to hearing from you.",
            "I'm looking forward to it!",
            &format!("Thanks {}", "a".repeat(100)),
            &format!("Thanks {}", "a".repeat(99)),
            &format!("Thanks {}", "é".repeat(99)),
            "Let me know.",
            "Let me know your thoughts?",
            "Talk soon, and see you on Tuesday",
            "call 555",
            "[Your Name]",
            "[CTA]",
            "This email was sent to dana@example.com",
            "To unsubscribe, click here",
            "opt-out",
            "optout now",
            "Subject: Re: [EXTERNAL] Fwd: Boxes",
            "SUBJECT:RE[2]: x",
            "subject:",
            "Ünïcödé line with no cue",
        ] {
            out.push(probe.to_string());
        }
        out
    }

    #[test]
    fn cue_dfas_find_what_the_patterns_as_written_find() {
        let mut seen = [0usize; cue::CUES.len()];
        // Each line once (the corpus is in the tests twice, and templates repeat lines).
        let lines: std::collections::BTreeSet<String> = lines().into_iter().collect();
        for (id, &(pattern, anchored)) in cue::CUES.iter().enumerate() {
            let re = Regex::new(pattern).unwrap();
            for line in &lines {
                // The greeting is also run on a line's first sentence: its prefixes too.
                let mut ends: Vec<usize> = if id == cue::GREETING && line.len() <= 120 {
                    (0..line.len())
                        .filter(|&i| line.is_char_boundary(i))
                        .collect()
                } else {
                    Vec::new()
                };
                ends.push(line.len());
                for end in ends {
                    let s = &line[..end];
                    for s in [s, s.trim()] {
                        if anchored {
                            let want = re.find(s).filter(|m| m.start() == 0).map(|m| m.end());
                            assert_eq!(cue_end(id, s), want, "cue {id} on {s:?}");
                            seen[id] += usize::from(want.is_some());
                        } else {
                            assert_eq!(cue_matches(id, s), re.is_match(s), "cue {id} on {s:?}");
                            seen[id] += usize::from(re.is_match(s));
                        }
                    }
                }
            }
        }
        // Each cue matched somewhere: the comparison compared matches, not only misses.
        assert!(seen.iter().all(|&n| n > 0), "{seen:?}");
    }
}
