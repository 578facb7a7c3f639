//! `substitution`: a phrase and the word to write instead (`swap = { "utilize" = "use" }`).
//! A single replacement is applied by `--fix` (with the case of the matched text: "Utilize" →
//! "Use"; a phrase written with capitals, "FSC", keeps the replacement's own case); a list of
//! replacements is only suggested. A phrase one of whose words takes its inflections
//! (`"utilize~" = "use"`, `"reach~ out" = "write"`) gets its replacement in that word's form
//! ("utilized" → "used", "Reaching out" → "Writing"), or, when that form is not certain, no
//! fix (see [`super::inflect`]). Each phrase is one pattern of the shared matcher, so a hit
//! says which swap it is.

use std::sync::Arc;

use super::inflect::{form_of, inflect};
use super::phrase::compile_phrase;
use super::{Context, Finding, PatternSpec, Rule, RuleMeta, allow_keys};
use crate::error::Result;
use crate::matcher::{Hit, Matcher};
use crate::pack::{OneOrMany, PackSource, RuleDef};

/// A rule that swaps phrases for better ones.
#[derive(Debug)]
pub struct SubstitutionRule {
    meta: Arc<RuleMeta>,
    patterns: Vec<PatternSpec>,
    /// Per pattern, its replacements.
    replacements: Vec<Vec<String>>,
    /// Per pattern, which word of its phrase takes its inflections (`utilize~`, `reach~ out`).
    inflected: Vec<Inflected>,
    /// Per pattern, whether the phrase's capitals are its own (an acronym or a name written
    /// with capitals, or any phrase of a `case_sensitive` rule): its replacement is then
    /// written as the pack has it, not in the matched text's case ("FSC" → "fuel surcharge",
    /// not "FUEL SURCHARGE"), capitalised only at the start of a sentence.
    own_case: Vec<bool>,
}

/// Which word of a swap's phrase takes its inflections.
#[derive(Debug)]
enum Inflected {
    /// None: the phrase matches as written.
    No,
    /// Word `at` of `words` (lower case, without its `~`).
    Word {
        at: usize,
        words: usize,
        base: String,
    },
    /// Several words, or one that is no plain word: the matched form is not known.
    Unknown,
}

impl Inflected {
    fn of(phrase: &str) -> Inflected {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let mut tilde = words.iter().enumerate().filter(|(_, w)| w.contains('~'));
        match (tilde.next(), tilde.next()) {
            (None, _) => Inflected::No,
            (Some((at, w)), None) => match w.strip_suffix('~') {
                Some(base) if !base.is_empty() && base.chars().all(char::is_alphabetic) => {
                    Inflected::Word {
                        at,
                        words: words.len(),
                        base: base.to_lowercase(),
                    }
                }
                _ => Inflected::Unknown,
            },
            _ => Inflected::Unknown,
        }
    }

    /// The form of the matched text, if certain.
    fn form(&self, matched: &str) -> Option<super::inflect::Form> {
        match self {
            Inflected::No => Some(super::inflect::Form::Base),
            Inflected::Word { at, words, base } => {
                let got: Vec<&str> = matched.split_whitespace().collect();
                if got.len() == *words {
                    form_of(base, got[*at])
                } else {
                    None
                }
            }
            Inflected::Unknown => None,
        }
    }
}

impl SubstitutionRule {
    /// Check the keys and compile every swap.
    pub fn new(src: &PackSource, r: &RuleDef, meta: Arc<RuleMeta>) -> Result<Self> {
        allow_keys(src, r, "substitution", &["swap", "case_sensitive"])?;
        let id = &meta.id;
        let err = |at: usize, msg: String| src.error_at(at, format!("rule `{id}`: {msg}"));
        let Some(swap) = &r.swap else {
            return Err(err(
                r.id.span().start,
                "a substitution rule needs `swap = { \"phrase\" = \"replacement\" }`".into(),
            ));
        };
        if swap.get_ref().is_empty() {
            return Err(err(
                swap.span().start,
                "`swap` is empty: give at least one phrase".into(),
            ));
        }
        let mut patterns = Vec::new();
        let mut replacements = Vec::new();
        let mut inflected = Vec::new();
        let mut own_case = Vec::new();
        let mut spans = Vec::new();
        for (phrase, with) in swap.get_ref() {
            let at = with.span().start;
            // Phrase errors point at the replacement: serde does not keep the spans of keys.
            let spanned = toml::Spanned::new(at.saturating_sub(1)..at, phrase.clone());
            let spec = PatternSpec::Phrases {
                phrases: vec![compile_phrase(src, id, &spanned)?],
                case_sensitive: r.is_case_sensitive(),
            };
            let list: Vec<String> = match with.get_ref() {
                OneOrMany::One(s) => vec![s.clone()],
                OneOrMany::Many(v) => v.clone(),
            };
            if list.is_empty() || list.iter().any(|s| s.trim().is_empty()) {
                return Err(err(at, format!("swap {phrase:?}: a replacement is empty")));
            }
            patterns.push(spec);
            replacements.push(list);
            inflected.push(Inflected::of(phrase));
            own_case.push(r.is_case_sensitive() || phrase.chars().any(char::is_uppercase));
            spans.push((at, phrase));
        }
        // A fix must not create the text it fixes, or `--fix` twice would differ from once:
        // no replacement may hold its own phrase, nor another swap's ("alpha" → "beta" and
        // "beta" → "alpha" would flip the word on every run). One matcher for every swap of
        // the rule: hit `rule` j is swap j.
        let m = Matcher::from_specs(&patterns).map_err(|e| err(spans[e.rule].0, e.message))?;
        // Another swap matters only when `--fix` applies both: each has one replacement (a
        // list is only suggested).
        let applied = |k: usize| replacements[k].len() == 1;
        let mut hits = Vec::new();
        for (i, list) in replacements.iter().enumerate() {
            for bad in list {
                hits.clear();
                m.find_all(bad, &mut hits);
                let Some(j) = hits
                    .iter()
                    .map(|h| h.rule as usize)
                    .filter(|&j| j == i || (applied(i) && applied(j)))
                    .min_by_key(|&j| (j != i, j))
                else {
                    continue;
                };
                let (at, phrase) = spans[i];
                let message = if j == i {
                    format!("swap {phrase:?}: the replacement {bad:?} matches the phrase itself")
                } else {
                    format!(
                        "swap {phrase:?}: the replacement {bad:?} matches the swap {:?}, which \
                         --fix would then apply to it: fixing twice would differ from fixing \
                         once",
                        spans[j].1
                    )
                };
                return Err(err(at, message));
            }
        }
        Ok(SubstitutionRule {
            meta,
            patterns,
            replacements,
            inflected,
            own_case,
        })
    }
}

/// A replacement in the case of the text it replaces: "UTILIZE" → "USE", "Utilize" → "Use".
pub fn match_case(matched: &str, replacement: &str) -> String {
    let letters: Vec<char> = matched.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    let starts_upper = matched.chars().next().is_some_and(char::is_uppercase);
    capitalised_if(starts_upper, replacement)
}

/// `text` with its first letter capitalised when `upper` (and as it is otherwise).
fn capitalised_if(upper: bool, text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if upper && c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => text.to_string(),
    }
}

/// Whether the text at `at` starts a sentence: nothing but white space, opening quotes or
/// brackets before it on its line, or only a bullet or list number (as the metrics read a
/// line: [`crate::metrics::bullet`]); or a `.`, `!` or `?` before it (closing quotes and
/// brackets aside) that ends no abbreviation ("e.g.", "p.m.").
fn starts_sentence(text: &str, at: usize) -> bool {
    const QUOTES: [char; 10] = ['"', '\'', '“', '”', '‘', '’', '(', ')', '[', ']'];
    let before = &text[..at];
    let line = before[before.rfind('\n').map_or(0, |i| i + 1)..].trim();
    // A bullet or a list number (`1.`, `2)`) before it, then perhaps an opening quote.
    let item = line.trim_end_matches(QUOTES).trim_end();
    let listed = |l: &str| crate::metrics::bullet(l).is_some_and(|n| n == l.len());
    if item.is_empty() || listed(line) || listed(item) {
        return true;
    }
    let line = item;
    let last_word = line.rsplit(char::is_whitespace).next().unwrap_or(line);
    let last_word = last_word.trim_start_matches(QUOTES);
    let abbreviation = matches!(
        last_word.to_lowercase().as_str(),
        "e.g."
            | "i.e."
            | "etc."
            | "vs."
            | "a.m."
            | "p.m."
            | "approx."
            | "incl."
            | "no."
            | "mr."
            | "ms."
            | "mrs."
            | "dr."
    );
    matches!(line.chars().next_back(), Some('.' | '!' | '?')) && !abbreviation
}

impl Rule for SubstitutionRule {
    fn meta(&self) -> &Arc<RuleMeta> {
        &self.meta
    }

    fn patterns(&self) -> &[PatternSpec] {
        &self.patterns
    }

    fn check(&self, cx: &Context<'_>, hits: &[Hit], out: &mut Vec<Finding>) {
        let text = cx.doc.text();
        // Each swap is a pattern of its own, and the matcher keeps the longest match of each:
        // where two swaps start together, the longer one is meant ("a large number of our" =
        // "many of our", not "many our"), and a swap inside it is not reported beside it.
        // (Hits come sorted by start.)
        let mut kept_end = 0;
        let mut i = 0;
        while i < hits.len() {
            let start = hits[i].span.start;
            // The longest that counts (a longer one may run into a link or a merge field).
            let mut h: Option<&Hit> = None;
            while let Some(next) = hits.get(i).filter(|n| n.span.start == start) {
                if h.is_none_or(|h| next.span.end > h.span.end) && cx.counts(&next.span) {
                    h = Some(next);
                }
                i += 1;
            }
            let Some(h) = h else { continue };
            if start < kept_end {
                continue;
            }
            kept_end = h.span.end;
            let matched = &text[h.span.clone()];
            let list = &self.replacements[h.pattern as usize];
            // The replacements in the matched word's form, when each is certain; else they are
            // named as written, and there is no fix.
            let form = self.inflected[h.pattern as usize].form(matched);
            let inflected = form.and_then(|form| list.iter().map(|r| inflect(r, form)).collect());
            let certain = inflected.is_some();
            let shown: Vec<String> = inflected
                .unwrap_or_else(|| list.clone())
                .iter()
                .map(|r| {
                    if self.own_case[h.pattern as usize] {
                        capitalised_if(starts_sentence(text, h.span.start), r)
                    } else {
                        match_case(matched, r)
                    }
                })
                .collect();
            let what = if certain { "" } else { "a form of " };
            let quoted: Vec<String> = shown.iter().map(|w| format!("\"{w}\"")).collect();
            let message = format!(
                "write {what}{} instead of \"{}\": {}",
                quoted.join(" or "),
                matched.split_whitespace().collect::<Vec<_>>().join(" "),
                self.meta.message
            );
            let mut f = cx.finding(h.span.clone(), Some(message));
            if certain {
                cx.set_fix(&mut f, h.span.clone(), shown);
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::match_case;
    use crate::check::Linter;
    use crate::rule::tests::{findings_full, pack, pack_error};

    const SWAP: &str = "swap = { \"utilize~\" = \"use\", \"in order to\" = \"to\", \"leverage\" = [\"use\", \"build on\"] }\nweight = -2\n";

    #[test]
    fn single_replacements_fix_and_lists_suggest() {
        let f = findings_full(SWAP, "Utilize it in order to win. We leverage AI.");
        assert_eq!(f.len(), 3);
        assert_eq!(f[0].fix(), Some("Use"));
        assert_eq!(f[0].message(), "write \"Use\" instead of \"Utilize\": m");
        assert_eq!(f[1].fix(), Some("to"));
        assert_eq!(f[2].fix(), None);
        assert_eq!(*f[2].replacements, ["use", "build on"]);
    }

    /// The inflected word may be any word of the phrase: its form is the one the whole
    /// replacement takes ("Reaching out" → "Writing", not "Write").
    #[test]
    fn an_inflected_first_word_gives_the_form() {
        let swap =
            "swap = { \"reach~ out\" = \"write\", \"touch~ base~\" = \"talk\" }\nweight = -2\n";
        let f = findings_full(
            swap,
            "Reaching out now. I reached out. She reaches out. Touching bases.",
        );
        let fixes: Vec<Option<&str>> = f.iter().map(|f| f.fix()).collect();
        // "wrote" is irregular, and two inflected words leave the form unknown.
        assert_eq!(fixes, [Some("Writing"), None, Some("writes"), None]);
        assert_eq!(
            f[3].message(),
            "write a form of \"Talk\" instead of \"Touching bases\": m"
        );
    }

    /// An inflected match gets its replacement in the same form, or no fix when that form is
    /// not certain.
    #[test]
    fn inflected_matches_get_inflected_replacements() {
        let swap = "swap = { \"utilize~\" = \"use\", \"halt~\" = \"stop\" }\nweight = -2\n";
        let f = findings_full(
            swap,
            "We utilized rail. By utilizing it you save. Our team Utilizes care. We halted it.",
        );
        let fixes: Vec<Option<&str>> = f.iter().map(|f| f.fix()).collect();
        assert_eq!(fixes, [Some("used"), Some("using"), Some("Uses"), None]);
        assert_eq!(
            f[3].message(),
            "write a form of \"stop\" instead of \"halted\": m"
        );
        assert!(f[3].replacements.is_empty());
    }

    /// Where two swaps start together the longer one is the fix, and a swap inside it is not
    /// reported beside it (a new user's `--fix` wrote "many our customers").
    #[test]
    fn the_longer_of_two_swaps_at_one_start_wins() {
        let swap = "swap = { \"a large number of\" = \"many\", \"a large number of our\" = \"many of our\", \"number\" = \"count\" }\nweight = -2\n";
        let f = findings_full(
            swap,
            "A large number of our customers and a large number of carriers. A number.",
        );
        let fixes: Vec<Option<&str>> = f.iter().map(|f| f.fix()).collect();
        assert_eq!(fixes, [Some("Many of our"), Some("many"), Some("count")]);
        // A longer swap that runs into an address does not take the shorter one with it.
        let f = findings_full(swap, "We sent a large number of my@acme.com notes.");
        let fixes: Vec<Option<&str>> = f.iter().map(|f| f.fix()).collect();
        assert_eq!(fixes, [Some("many")]);
    }

    #[test]
    fn case_follows_the_matched_text() {
        assert_eq!(match_case("UTILIZE", "use"), "USE");
        assert_eq!(match_case("Utilize", "use"), "Use");
        assert_eq!(match_case("utilize", "use"), "use");
        assert_eq!(match_case("I", "we"), "We");
    }

    /// A phrase written with capitals (an acronym) or in a case-sensitive rule has its own
    /// case: the replacement is written as the pack has it, capitalised at a sentence's start.
    #[test]
    fn a_phrase_with_its_own_capitals_keeps_the_replacement_s_case() {
        let swap = "swap = { \"FSC\" = \"fuel surcharge\", \"utilize\" = \"use\" }\nweight = -2\n";
        let f = findings_full(
            swap,
            "Our rate includes FSC and we UTILIZE rail. FSC is 12%.\n\n- FSC on every load\n",
        );
        let fixes: Vec<Option<&str>> = f.iter().map(|f| f.fix()).collect();
        assert_eq!(
            fixes,
            [
                Some("fuel surcharge"),
                Some("USE"),
                Some("Fuel surcharge"),
                Some("Fuel surcharge")
            ]
        );
        assert_eq!(
            f[0].message(),
            "write \"fuel surcharge\" instead of \"FSC\": m"
        );
        // A case-sensitive rule's phrase matches only as written: its case is its own too.
        let sensitive = "swap = { \"ETA\" = \"arrival time\", \"asap\" = \"by Friday\" }\ncase_sensitive = true\nweight = -2\n";
        let f = findings_full(
            sensitive,
            "The ETA is Monday. Reply asap. Is the ETA firm? ETA: Monday.",
        );
        let fixes: Vec<Option<&str>> = f.iter().map(|f| f.fix()).collect();
        assert_eq!(
            fixes,
            [
                Some("arrival time"),
                Some("by Friday"),
                Some("arrival time"),
                Some("Arrival time")
            ]
        );
        // A quote may open the sentence; an abbreviation's full stop ends none.
        let f = findings_full(
            swap,
            "\"FSC is 12%.\" Rates, e.g. FSC, vary. (FSC applies.) At 3 p.m. FSC resets (e.g. FSC).\n1) FSC applies.",
        );
        let fixes: Vec<Option<&str>> = f.iter().map(|f| f.fix()).collect();
        assert_eq!(
            fixes,
            [
                Some("Fuel surcharge"),
                Some("fuel surcharge"),
                Some("Fuel surcharge"),
                Some("fuel surcharge"),
                Some("fuel surcharge"),
                Some("Fuel surcharge")
            ]
        );
    }

    #[test]
    fn a_replacement_that_matches_its_phrase_is_an_error() {
        let e = pack_error("swap = { \"very\" = \"very much\" }\nweight = -1\n");
        assert!(e.contains("matches the phrase itself"), "{e}");
        let e = pack_error("swap = { \"a\" = \"b\" }\nmax = 2\nweight = -1\n");
        assert!(e.contains("a substitution rule has no `max` key"), "{e}");
        // Swaps that undo each other would flip the words on every `--fix`.
        let e = pack_error("swap = { \"alpha\" = \"beta\", \"beta\" = \"alpha\" }\nweight = -1\n");
        assert!(
            e.contains("the replacement \"beta\" matches the swap \"beta\""),
            "{e}"
        );
        // A chain is refused too; swaps whose replacements no swap matches load.
        let e = pack_error("swap = { \"utilize\" = \"use\", \"use\" = \"employ\" }\nweight = -1\n");
        assert!(e.contains("matches the swap \"use\""), "{e}");
        assert!(
            Linter::new(&[pack(
                "swap = { \"utilize\" = \"use\", \"prior to\" = \"before\" }\nweight = -1\n"
            )])
            .is_ok()
        );
        // A list is only suggested, never applied: no chain through it.
        let listed = "swap = { \"touch base\" = [\"talk\", \"catch up\"], \"catch up\" = \"talk\" }\nweight = -1\n";
        assert!(Linter::new(&[pack(listed)]).is_ok());
    }
}
