//! Doubled particles that are right: a phrasal verb's particle, then the same word starting
//! what follows it. "I will check in in March", "the crew we brought on on Monday", "sorry to
//! reach out out of the blue" are English, and a fix that dropped one copy would change them.
//! The same doubles after a word that takes no such particle ("we ship on on Monday", "costs
//! were cut by by 30%"), or followed by what the particle itself goes on with ("follow up up
//! with you", "check in in with you", "reaching out out to you", "hop on on a call"), are the
//! typo.

use std::ops::Range;

/// Verbs that take `in` ("check in", "log in", "pitch in"). A verb that is as often a noun
/// before the particle ("the next step in", "a drop in", "the call on") is listed in its
/// verb forms only ("stepped", "dropping", "called").
const IN: &[&str] = &[
    "bring", "brought", "buy", "called", "calling", "check", "chime", "come", "came", "dial",
    "dropped", "dropping", "factor", "fill", "get", "got", "handed", "jump", "kick", "lean",
    "locked", "log", "moved", "moving", "opt", "pencil", "phase", "pitch", "plug", "pull", "put",
    "rolled", "send", "sent", "settle", "sign", "sit", "sat", "stepped", "stepping", "swing",
    "take", "took", "taken", "tune", "turned", "turning", "walked", "weigh", "write", "wrote",
    "written",
];

/// Verbs that take `on` ("brought on", "signed on", "worked on"); as above, "called" and
/// "worked", not "call" and "work" ("thanks for the call on", "your work on").
const ON: &[&str] = &[
    "agree", "bring", "brought", "build", "built", "called", "carry", "catch", "caught", "click",
    "come", "came", "comment", "count", "decide", "follow", "get", "got", "hang", "hung", "hold",
    "held", "hop", "jump", "keep", "kept", "log", "moved", "moving", "pass", "put", "rely",
    "report", "settle", "sign", "switch", "take", "took", "taken", "tap", "turned", "turning",
    "vote", "weigh", "worked", "working",
];

/// Verbs that take `out` ("reach out", "sort out", "find out"), before `of`.
const OUT: &[&str] = &[
    "back", "branch", "break", "broke", "bring", "brought", "burn", "carry", "cash", "check",
    "come", "came", "cut", "drop", "figure", "find", "found", "get", "got", "go", "went", "hand",
    "kick", "lay", "laid", "max", "opt", "phase", "pick", "point", "price", "print", "reach",
    "roll", "rule", "run", "ran", "sell", "sold", "send", "sent", "sort", "spell", "stand",
    "stood", "time", "try", "weed", "work", "zone",
];

/// Whether the same word at spans `a` and `b` of `text`, side by side, is a verb's particle
/// and then the same word beginning a phrase (see the module's note).
pub fn is_right(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    doubled_right(
        &text[a.clone()],
        word_before(text, a.start),
        word_after(text, b.end),
    )
}

/// The letters right before `at`, across spaces, tabs and no-break spaces only (a comma, a
/// full stop or a line break between them means they are not one phrase): the word before,
/// or its end after a hyphen or an apostrophe.
fn word_before(text: &str, at: usize) -> Option<&str> {
    let before = text[..at].trim_end_matches([' ', '\t', '\u{a0}']);
    if before.len() == at {
        return None;
    }
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let w = &before[start..];
    (!w.is_empty()).then_some(w)
}

/// The letters right after `at`, across spaces, tabs and no-break spaces only: the word after.
fn word_after(text: &str, at: usize) -> Option<&str> {
    let after = text[at..].trim_start_matches([' ', '\t', '\u{a0}']);
    if after.len() == text.len() - at {
        return None;
    }
    let end = after
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(after.len(), |(i, _)| i);
    let w = &after[..end];
    (!w.is_empty()).then_some(w)
}

/// Whether `particle`, written twice between the words `before` and `after`, is a verb's
/// particle and then the same word beginning a phrase.
fn doubled_right(particle: &str, before: Option<&str>, after: Option<&str>) -> bool {
    let after = after.map(str::to_ascii_lowercase);
    let next = after.as_deref().unwrap_or("");
    let (verbs, goes_on): (&[&str], bool) = match particle.to_ascii_lowercase().as_str() {
        // "check in in March", not "check in in with you".
        "in" => (
            IN,
            !matches!(next, "with" | "to" | "for" | "on" | "at" | "and"),
        ),
        // "brought on on Monday", not "hop on on a call".
        "on" => (
            ON,
            !matches!(next, "with" | "to" | "for" | "a" | "an" | "and" | "board"),
        ),
        // "reach out out of the blue", not "reaching out out to you".
        "out" => (OUT, next == "of"),
        _ => return false,
    };
    goes_on && before.is_some_and(|w| is_form_of(w, verbs))
}

/// Whether `word` is one of `verbs` (lower case) as listed, or with `-s`, `-es`, `-ed` or
/// `-ing`, after a dropped `e` ("moving"), a doubled consonant ("dropped", "logging") or `y`
/// turned `i` ("carries", "relied").
fn is_form_of(word: &str, verbs: &[&str]) -> bool {
    if !word.is_ascii() || word.len() > 14 {
        return false;
    }
    let word = word.to_ascii_lowercase();
    let listed = |s: &str| verbs.contains(&s);
    let with_e = |s: &str| {
        verbs
            .iter()
            .any(|v| v.len() == s.len() + 1 && v.starts_with(s) && v.ends_with('e'))
    };
    let y_for_i = |s: &str| {
        s.strip_suffix('i').is_some_and(|stem| {
            verbs
                .iter()
                .any(|v| v.len() == s.len() && v.starts_with(stem) && v.ends_with('y'))
        })
    };
    listed(&word)
        || ["ing", "ed", "es", "s"].iter().any(|suffix| {
            word.strip_suffix(suffix).is_some_and(|stem| {
                let b = stem.as_bytes();
                let doubled = b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2];
                listed(stem)
                    || with_e(stem)
                    || y_for_i(stem)
                    || (doubled && listed(&stem[..stem.len() - 1]))
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn right(before: &str, particle: &str, after: &str) -> bool {
        doubled_right(particle, Some(before), Some(after))
    }

    #[test]
    fn a_verbs_particle_then_a_phrase_is_right() {
        assert!(right("check", "in", "March"));
        assert!(right("checked", "in", "March"));
        assert!(right("logging", "in", "the"));
        assert!(right("brought", "on", "Monday"));
        assert!(right("relied", "on", "Friday"));
        assert!(right("reach", "out", "of"));
        assert!(right("Reaching", "out", "of"));
        assert!(right("moved", "in", "June"));
        assert!(right("worked", "on", "Monday"));
        assert!(right("carries", "on", "Monday"));
    }

    #[test]
    fn the_typos_are_not() {
        // The particle goes on with its own phrase.
        assert!(!right("follow", "up", "with"));
        assert!(!right("check", "in", "with"));
        assert!(!right("reaching", "out", "to"));
        assert!(!right("hop", "on", "a"));
        // No verb that takes it.
        assert!(!right("ship", "on", "Monday"));
        assert!(!right("starts", "in", "March"));
        assert!(!right("back", "in", "March"));
        assert!(!right("cut", "by", "30"));
        assert!(!right("focus", "on", "delivery"));
        // A noun before it: "thanks for the call on on Tuesday", "the next step in in".
        assert!(!right("call", "on", "Tuesday"));
        assert!(!right("step", "in", "the"));
        assert!(!right("work", "on", "the"));
        // Not a particle that doubles rightly, or no word before it.
        assert!(!right("set", "up", "a"));
        assert!(!doubled_right("in", None, Some("March")));
        assert!(!right("café", "in", "March"));
    }

    /// The words around the pair are read across spaces only: a comma or a line break
    /// between them means no phrase.
    #[test]
    fn the_words_around_are_read_on_the_line() {
        let pair = |t: &str| {
            let a = t.find("in in ").unwrap();
            is_right(t, &(a..a + 2), &(a + 3..a + 5))
        };
        assert!(pair("I will check in in March."));
        assert!(pair("I will check\u{a0}in in March."));
        assert!(!pair("I will check, in in March."));
        assert!(!pair("I will check in in with you."));
        assert_eq!(word_before("we've in", 6), Some("ve"));
        assert_eq!(word_after("in March", 2), Some("March"));
        assert_eq!(word_after("in, March", 2), None);
    }
}
