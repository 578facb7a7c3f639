//! The regexes of the cues that parts detection reads in a line (see `super::cues`), in the
//! syntax of `regex-lite` (its `\b`, `\s`, `\d` and `(?i)` ASCII). `build.rs` includes this
//! file and compiles each into a DFA of its own (together, a DFA that starts them all at once
//! would be 80 MB), so that no run compiles them: compiling them was an eighth of a 3 KB
//! draft's start-up. The cues of other languages stay with `regex-lite` in `super::cues`:
//! they are compiled only for a line that starts like one of theirs.
//!
//! Each is run anchored at the start of a line or paragraph. One that is not `^`-anchored
//! here (a cue anywhere in its text) is compiled with a lazy `.*?` before it, which makes the
//! anchored search find it anywhere; only whether it matches is read of those.

/// A greeting, to where it ends: "Hi Dana,", "Good morning team -".
pub const GREETING: usize = 0;
/// A greeting that is only a name merge field: "{{firstName}}, saw…".
pub const NAME_GREETING: usize = 1;
/// A sign-off line: "Best,", "Thanks so much!".
pub const SIGNOFF: usize = 2;
/// A postscript's first line: "P.S.", "PS:", "P.P.S.", "PPS".
pub const POSTSCRIPT: usize = 3;
/// A closing courtesy that asks nothing: "Looking forward to hearing from you.", "Thanks for
/// your time.", "Let me know your thoughts.", "Let me know if this makes sense.", a bare "Let
/// me know.", "Have a great week!", and an aside after the ask: "If not, I'll stop
/// writing.", "Either way, thanks.", "No pitch, just useful.", "Good luck!"; thanks to a
/// customer that ends there: "We really value our partnership." (not "…and hope to become
/// partners": that goes on to the ask).
pub const COURTESY: usize = 4;
/// A concrete next step in a courtesy (a figure, a day, a call): it stays an ask. A figure
/// starts a word: "Good luck with Q4." is a wish (a new user's breakup email lost its ask to
/// it: the paragraph above, "just reply to this email", was read as body).
pub const STEP: usize = 5;
/// A bracketed merge field of a signature: `[Your Name]`, `[Title]`, `[Phone]`.
pub const SIGNATURE_FIELD: usize = 6;
/// A legal notice of a mailing's footer.
pub const LEGAL: usize = 7;
/// An unsubscribe line of a mailing's footer.
pub const UNSUBSCRIBE: usize = 8;
/// A "Subject:" line's label, with the reply prefixes and gateway tags after it.
pub const SUBJECT: usize = 9;

/// A reply or forward prefix of a subject, in the languages mail clients write it (French
/// Outlook's with a space before the colon, "RE :", "TR :").
macro_rules! reply_prefix {
    () => {
        r"(?:re|fwd?|aw|wg|sv|vs|tr|rif|antw)(?:\[[0-9]+\])?[ \x{a0}\x{202f}]?:"
    };
}
/// A "Subject:" line's label, in the languages mail clients write it ("Betreff:", "Asunto:",
/// French "Objet :" with its space before the colon).
macro_rules! subject_label {
    () => {
        r"(?:subject|betreff|asunto|objet|oggetto|assunto|onderwerp)[ \t\x{a0}\x{202f}]*:"
    };
}
/// A mail gateway's tag on a subject.
macro_rules! gateway_tag {
    () => {
        r"\[(?:external|extern|ext|caution|warning|spam|suspected spam|possible spam|bulk|phishing|suspicious|encrypt|secure)(?:[:\- ]+(?:external|email|sender|message))*\]"
    };
}

/// [`reply_prefix!`] as a string, for the regex that finds a subject's prefix.
pub const REPLY_PREFIX: &str = reply_prefix!();
/// [`gateway_tag!`] as a string.
pub const GATEWAY_TAG: &str = gateway_tag!();
/// [`subject_label!`] as a string.
pub const SUBJECT_LABEL: &str = subject_label!();

/// Every cue's regex, by the indices above, and whether it is `^`-anchored. (Read by
/// `build.rs`, the tests and a compile-time check of their number; a run reads the DFAs.)
pub const CUES: [(&str, bool); 10] = [
    (
        r#"(?i)^\s*["“‘']?(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening)|hiya|howdy|yo)\b[^\n]{0,60}?(?:[,!:;—–]|\s-(?:\s|$)|$)"#,
        true,
    ),
    (
        r"(?i)^\s*(?:\{\{\s*[a-z_ ]*name\s*\}\}|\{[a-z_]*name\}|\[(?:first |)name\]|<(?:first_?|)name>|%(?:first|)name%|\*\|fname\|\*)\s*(?:[,!:—–]|\s-(?:\s|$))",
        true,
    ),
    (
        r"(?i)^\s*(?:best(?: regards| wishes)?|(?:kind|warm|warmest|many|with) (?:regards|thanks)|regards|thanks(?: again| so much| in advance)?|thank you(?: so much)?|many thanks|cheers|sincerely(?: yours)?|yours(?: truly| sincerely)?|talk soon|all the best|warmly|respectfully|speak soon|looking forward|take care|ttyl|rgds|thx)\s*[,.!—–-]*\s*$",
        true,
    ),
    (r"(?i)^\s*p\.?\s?(?:p\.?\s?)?s(?:\.|:|\s|$)", true),
    (
        r"(?i)^\s*(?:(?:i|we)(?:'m|’m| am| are|'re|’re)?\s+)?(?:look(?:ing)? forward to\b|(?:many )?thanks\b|thank you\b|let me know(?: (?:your thoughts|what you think|if you have any questions|if (?:this|that|it) (?:makes sense|sounds (?:good|interesting)|helps)|if you(?:'re|’re| are) interested)|\s*[.!]*$)|cheers\b|hope to hear\b|hope (?:this|you)\b|have a (?:great|good|nice|lovely)\b|appreciate your (?:time|consideration|help)\b|talk soon\b|speak soon\b|if not\b|either way\b|no pitch\b|good luck\b|wishing you\b|all the best\b|best of luck\b|happy (?:shipping|selling|holidays|friday|new year|thanksgiving)\b)[^\n?]{0,100}$|^\s*(?:(?:i|we)\s+)?(?:really |truly |)(?:value|appreciate) (?:our|your) (?:partnership|business|relationship|trust|support)(?: with (?:you|us))?(?: (?:so much|very much|greatly))?[.!]*\s*$",
        true,
    ),
    (
        r"(?i)\b\d|\b(?:call|meet|meeting|demo|pilot|trial|(?:mon|tues|wednes|thurs|fri)day|next week|tomorrow)\b",
        false,
    ),
    (
        r"(?i)name|title|role|position|phone|mobile|company|email|e-mail|website|url|signature|sender|calendar|linkedin|address",
        false,
    ),
    (
        r"(?i)\b(?:this (?:e-?mail|message) was sent to|(?:e-?mail|message) and any (?:files|attachments)|intended (?:solely|only) for the (?:use of the )?(?:named )?(?:individual|recipient|addressee))",
        false,
    ),
    (
        r"(?i)\b(?:unsubscribe|opt[ -]?out\b|prefer not to (?:hear|receive)|no longer (?:wish|want) to (?:receive|hear)|manage (?:your )?(?:email |e-mail |subscription )?preferences)",
        false,
    ),
    (
        concat!(
            r"(?i)^\s*",
            subject_label!(),
            r"[ \t]*(?:",
            reply_prefix!(),
            r"[ \t]*|",
            gateway_tag!(),
            r"[ \t]*)*"
        ),
        true,
    ),
];

/// `regex-lite`'s syntax read the same by `regex-automata` with Unicode on (for its `.` and
/// its non-ASCII letters), as a DFA can run it: its word boundaries, spaces and digits ASCII
/// (a Unicode word boundary stops a DFA on the first non-ASCII byte), and a cue that may
/// stand anywhere given a lazy `.*?` before it (of bytes: only whether it matches is read).
#[allow(dead_code)] // `build.rs` builds the DFAs with it
pub fn for_dfa(pattern: &str, anchored: bool) -> String {
    let ascii = pattern
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\s", r"(?-u:\s)")
        .replace(r"\d", "[0-9]");
    if anchored {
        ascii
    } else {
        format!("(?s-u:.)*?(?:{ascii})")
    }
}
