//! Inflecting a substitution's replacement like the word it replaces: a swap written
//! `"utilize~" = "use"` matches "utilized" and "utilizing", and must not write "we use it
//! yesterday" or "by use it". English inflection has exceptions that no short rule knows (doubled
//! consonants: "stop" → "stopped"; irregular verbs: "see" → "saw"; the verb of a phrase: "build
//! on" → "builds on"), so when a form is not certain there is no fix: the finding only says
//! which word to write a form of.

/// The regular inflections a phrase's `~` matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// The word as written in the phrase.
    Base,
    /// `-s`, `-es`.
    S,
    /// `-ed`, `-d`.
    Ed,
    /// `-ing`.
    Ing,
}

/// Which form of `base` (lower case) the matched word `word` is, if a regular one.
pub fn form_of(base: &str, word: &str) -> Option<Form> {
    let word = word.to_lowercase();
    if word == base {
        Some(Form::Base)
    } else if word.ends_with("ing") {
        Some(Form::Ing)
    } else if word.ends_with("ed") || (base.ends_with('e') && word.ends_with('d')) {
        Some(Form::Ed)
    } else if word.ends_with('s') {
        Some(Form::S)
    } else {
        None
    }
}

/// Common verbs whose past is irregular ("see" → "saw"): no `-ed` form is guessed for them.
const IRREGULAR: &[&str] = &[
    "be",
    "begin",
    "bring",
    "build",
    "buy",
    "catch",
    "choose",
    "come",
    "cut",
    "deal",
    "do",
    "draw",
    "drive",
    "fall",
    "feel",
    "find",
    "get",
    "give",
    "go",
    "grow",
    "have",
    "hear",
    "hold",
    "keep",
    "know",
    "lead",
    "leave",
    "let",
    "lose",
    "make",
    "mean",
    "meet",
    "pay",
    "put",
    "read",
    "run",
    "say",
    "see",
    "seek",
    "sell",
    "send",
    "set",
    "show",
    "speak",
    "spend",
    "stand",
    "take",
    "teach",
    "tell",
    "think",
    "understand",
    "win",
    "write",
];

/// `word` (one lower-case word) put in `form`, when the rules below are sure of it.
pub fn inflect(word: &str, form: Form) -> Option<String> {
    if form == Form::Base {
        return Some(word.to_string());
    }
    if word.is_empty() || !word.bytes().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    // No form of these is regular ("has", "is", "being", "does", "goes"), and the past of
    // the others is not.
    if matches!(word, "be" | "have" | "do" | "go")
        || (form == Form::Ed && IRREGULAR.contains(&word))
    {
        return None;
    }
    let b = word.as_bytes();
    let vowel = |c: u8| b"aeiou".contains(&c);
    let last = b[b.len() - 1];
    let before = b.len().checked_sub(2).map(|i| b[i]);
    // Consonant-vowel-consonant at the end may double its consonant ("stop" → "stopped",
    // but "visit" → "visited"): not sure, so no form.
    let cvc = b.len() >= 3
        && !vowel(last)
        && !b"wxy".contains(&last)
        && before.is_some_and(vowel)
        && !vowel(b[b.len() - 3]);
    let consonant_y = last == b'y' && before.is_some_and(|c| !vowel(c));
    let stem = &word[..word.len() - 1];
    let inflected = match form {
        Form::Base => unreachable!("handled above"),
        // "go" → "goes" but "photo" → "photos": not sure.
        Form::S if last == b'o' => return None,
        Form::S
            if word.ends_with(['s', 'x', 'z']) || word.ends_with("ch") || word.ends_with("sh") =>
        {
            format!("{word}es")
        }
        Form::S if consonant_y => format!("{stem}ies"),
        Form::S => format!("{word}s"),
        _ if cvc => return None,
        Form::Ed if last == b'e' => format!("{word}d"),
        Form::Ed if consonant_y => format!("{stem}ied"),
        Form::Ed => format!("{word}ed"),
        Form::Ing if word.ends_with("ie") => format!("{}ying", &word[..word.len() - 2]),
        Form::Ing if last == b'e' && !word.ends_with("ee") && !word.ends_with("ye") => {
            format!("{stem}ing")
        }
        Form::Ing => format!("{word}ing"),
    };
    Some(inflected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_are_told_from_the_base() {
        assert_eq!(form_of("utilize", "Utilize"), Some(Form::Base));
        assert_eq!(form_of("utilize", "utilizes"), Some(Form::S));
        assert_eq!(form_of("utilize", "UTILIZED"), Some(Form::Ed));
        assert_eq!(form_of("utilize", "utilizing"), Some(Form::Ing));
        assert_eq!(form_of("leverage", "leveraged"), Some(Form::Ed));
    }

    #[test]
    fn replacements_take_the_form_or_none() {
        let all = |w: &str| [Form::Base, Form::S, Form::Ed, Form::Ing].map(|f| inflect(w, f));
        let s = |x: &str| Some(x.to_string());
        assert_eq!(all("use"), [s("use"), s("uses"), s("used"), s("using")]);
        assert_eq!(
            all("build on"),
            [s("build on"), None, None, None],
            "one word only"
        );
        assert_eq!(all("try"), [s("try"), s("tries"), s("tried"), s("trying")]);
        assert_eq!(all("fix"), [s("fix"), s("fixes"), s("fixed"), s("fixing")]);
        assert_eq!(
            all("see"),
            [s("see"), s("sees"), None, s("seeing")],
            "irregular past"
        );
        assert_eq!(all("go"), [s("go"), None, None, None]);
        assert_eq!(
            all("have"),
            [s("have"), None, None, None],
            "has, had, having"
        );
        assert_eq!(all("be"), [s("be"), None, None, None], "is, was, being");
        assert_eq!(all("tie"), [s("tie"), s("ties"), s("tied"), s("tying")]);
        // A doubled consonant is possible ("stopped"): no form but the base and -s.
        assert_eq!(all("stop"), [s("stop"), s("stops"), None, None]);
        assert_eq!(inflect("Use", Form::Ed), None, "lower-case words only");
    }
}
