//! Rules: one small type per rule kind, all behind the [`Rule`] trait.
//!
//! Data flow: a validated [`crate::pack::RuleDef`] → the kind's constructor (which checks its
//! keys and compiles what it needs, once) → `Box<dyn Rule>`. At check time a rule receives the
//! document and the matcher's hits for the patterns it declared, and pushes [`Finding`]s.
//! Adding a kind means one new file here, one name in [`KINDS`] and one arm in `build`
//! (`build.rs`).

mod build;
mod built_phrases;
mod context;
mod inflect;
pub mod metric;
pub mod occurrence;
pub mod phrase;
pub mod placeholder;
pub mod proximity;
pub mod repetition;
pub mod require;
pub mod substitution;
mod thresholds;

pub use build::{KINDS, allow_keys, compile_pack, is_kebab};
pub use context::{Context, Shared, first_line, part_extent};
pub use thresholds::{BoundError, Judgement, NewBounds, Thresholds};

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;

use crate::document::Scope;
use crate::matcher::Hit;
use crate::pack::Examples;
use crate::profile::{Profile, Profiles};

/// How serious a finding is. `error` fails the gate on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a file by itself.
    Info,
    /// Should be fixed before sending.
    Warning,
    /// Must be fixed: the file fails.
    Error,
}

impl Severity {
    /// The severity named `s`.
    pub fn from_name(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }

    /// Its lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What every rule carries, whatever its kind.
#[derive(Clone, Debug, Serialize)]
pub struct RuleMeta {
    /// The pack's name.
    pub pack: String,
    /// The id within the pack.
    pub id: String,
    /// `pack/id`, as findings report it.
    pub qualified: String,
    /// The rule kind (`phrase`, …).
    pub kind: &'static str,
    /// Why this matters, in one sentence.
    pub message: String,
    /// Points: negative penalises, positive rewards.
    pub weight: i32,
    /// The weight in each profile that its pack changes it for (`[rule.profile.<name>]`), by
    /// [`Profile::index`]; see [`RuleMeta::weight_in`]. Serialized as `{"follow-up": -15}`.
    #[serde(
        serialize_with = "profile_weights_by_name",
        skip_serializing_if = "no_profile_weights"
    )]
    pub profile_weights: [Option<i32>; 3],
    /// How serious a finding is.
    pub severity: Severity,
    /// The parts of a pitch where the rule applies.
    pub scope: Scope,
    /// Parts where it never applies, even in a paragraph that is also one of `scope`.
    pub except: Scope,
    /// The profiles it applies in (all, unless the pack names some).
    pub profiles: Profiles,
    /// Rules of its pack (qualified ids) that must fire in a draft for this one's findings to
    /// count: a reward for naming quality needs a figure that shows it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<String>,
    /// A better phrasing.
    pub suggest: Option<String>,
    /// The longer why.
    pub rationale: std::borrow::Cow<'static, str>,
    /// Texts that must and must not fire.
    #[serde(skip)]
    pub examples: Examples,
    /// The pack file it came from.
    pub source: PathBuf,
}

/// A finding: plain data, positions as byte spans of the source.
#[derive(Clone, Debug)]
pub struct Finding {
    /// The rule that fired.
    pub rule: Arc<RuleMeta>,
    /// Byte span in the document's source (the file as stored).
    pub span: Range<usize>,
    /// The part of the pitch where it stands.
    pub scope: Scope,
    /// Whether it is about a whole part, or the whole draft (a measure, a count, a missing
    /// part), shown at its first line rather than at a place in it: the human report marks
    /// that line instead of underlining it, and a suppression of that line alone is not about
    /// it (see [`crate::suppress::apply`]).
    pub whole: bool,
    /// A message that replaces the rule's (for rules that measure something). Equal messages
    /// of one document share one copy (a template may repeat a merge field thousands of times).
    /// (An `Arc<String>` is one pointer, an `Arc<str>` two: a long draft's findings are the
    /// largest thing a lint holds.)
    pub message: Option<Arc<String>>,
    /// How much of the rule's weight this finding carries, in (0, 1]: 1 for a match, less for
    /// a measure just past its threshold (see [`Thresholds`]).
    pub strength: f64,
    /// Replacements for the text at `span`: exactly one is applied by `--fix`; several are
    /// only suggested.
    pub replacements: Replacements,
}

// A long draft's findings are the largest thing a lint holds (a 100 MB file has 3 million):
// a field that grows a finding past 56 bytes should be a deliberate choice.
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Finding>() == 56);

/// A finding's replacements (see [`Finding::replacements`]). Most findings have none, and
/// then they cost one pointer: a long draft's findings are the largest thing a lint holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[expect(
    clippy::box_collection,
    reason = "a boxed Vec is one pointer (a Vec is three): most findings have no replacement"
)]
pub struct Replacements(Option<Box<Vec<String>>>);

impl From<Vec<String>> for Replacements {
    fn from(list: Vec<String>) -> Self {
        Replacements((!list.is_empty()).then(|| Box::new(list)))
    }
}

impl std::ops::Deref for Replacements {
    type Target = [String];

    fn deref(&self) -> &[String] {
        self.0.as_deref().map_or(&[], Vec::as_slice)
    }
}

/// A rule's profile weights as a map from the profile's name.
fn profile_weights_by_name<S: serde::Serializer>(
    w: &[Option<i32>; 3],
    s: S,
) -> Result<S::Ok, S::Error> {
    s.collect_map(
        Profile::ALL
            .iter()
            .filter_map(|(p, name)| w[p.index()].map(|v| (*name, v))),
    )
}

/// Whether a rule has no profile weights (its JSON leaves the key out).
fn no_profile_weights(w: &[Option<i32>; 3]) -> bool {
    w.iter().all(Option::is_none)
}

/// "a" or "an", before a rule kind's name in a message.
pub(crate) fn article(kind: &str) -> &'static str {
    if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

impl RuleMeta {
    /// Whether the rule rewards (a positive weight): it counts once in the score, never fails
    /// a file, and is no annotation on a pull request.
    pub fn is_reward(&self) -> bool {
        self.weight > 0
    }

    /// Its weight in profile `p`: its pack's `[rule.profile.<name>]` weight, else `weight`.
    pub fn weight_in(&self, p: Profile) -> i32 {
        self.profile_weights[p.index()].unwrap_or(self.weight)
    }

    /// Whether its pack gives it another weight in some profile.
    pub fn weighs_by_profile(&self) -> bool {
        self.profile_weights
            .iter()
            .any(|w| w.is_some_and(|w| w != self.weight))
    }

    /// The rule as it counts in profile `p`: a copy whose `weight` is that profile's (a finding
    /// carries its rule, and the score, every report and the gate read the weight there).
    pub fn in_profile(&self, p: Profile) -> RuleMeta {
        RuleMeta {
            weight: self.weight_in(p),
            ..self.clone()
        }
    }
}

impl Finding {
    /// What this finding costs (or earns) before repeats halve it: the rule's weight scaled
    /// by its strength (a measure just past its bound costs a part of it).
    pub fn cost(&self) -> f64 {
        f64::from(self.rule.weight) * self.strength.clamp(0.0, 1.0)
    }

    /// The message to show.
    pub fn message(&self) -> &str {
        self.message.as_deref().unwrap_or(&self.rule.message)
    }

    /// The one replacement `--fix` applies, when there is exactly one.
    pub fn fix(&self) -> Option<&str> {
        match &*self.replacements {
            [one] => Some(one),
            _ => None,
        }
    }
}

/// A pattern a rule asks the shared matcher to find.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PatternSpec {
    /// Phrases, as one alternation: whole words, read through the phrase normalisation. At
    /// each position the longest phrase wins.
    Phrases {
        /// The parsed phrases.
        phrases: Vec<crate::phrase::Phrase>,
        /// Whether case matters.
        case_sensitive: bool,
    },
    /// A regex as the rule wrote it.
    Regex(RegexSpec),
}

/// A rule's regex, parsed once when its pack loads: the matcher compiles the same tree.
/// Two are the same pattern when their sources are.
#[derive(Clone, Debug)]
pub struct RegexSpec {
    /// The source, flags included.
    pub source: String,
    /// The parsed regex; none for a default pack's regex that `build.rs` compiled (and so
    /// checked) already, which the matcher runs from the embedded DFAs without a parse.
    pub hir: Option<Arc<regex_syntax::hir::Hir>>,
}

impl PartialEq for RegexSpec {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source
    }
}

impl Eq for RegexSpec {}

impl std::hash::Hash for RegexSpec {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.source.hash(state);
    }
}

/// One rule kind.
pub trait Rule: Send + Sync + fmt::Debug {
    /// What every rule carries.
    fn meta(&self) -> &Arc<RuleMeta>;
    /// The patterns the shared matcher finds for this rule, in one pass over the text.
    fn patterns(&self) -> &[PatternSpec] {
        &[]
    }
    /// Push the findings for `cx.doc`. `hits` are the matcher's hits of this rule's patterns,
    /// sorted by position; `Hit::pattern` indexes [`Rule::patterns`].
    fn check(&self, cx: &Context<'_>, hits: &[Hit], out: &mut Vec<Finding>);
    /// Whether `check` reads the document's measures ([`Context::metrics`], repetition keys).
    /// Such rules run first, so that the measures (for a long document, as large as its
    /// text) are freed before the other rules add their findings; a rule that reads them
    /// anyway after that gets them measured again, and the same findings.
    fn reads_measures(&self) -> bool {
        false
    }
    /// This rule with a config's bounds (`[rules."pack/id"]` `min`, `max`): `None` when its
    /// kind has no bounds, else the rule, or what is wrong with the bounds.
    fn with_bounds(
        &self,
        _bounds: &NewBounds,
    ) -> Option<std::result::Result<Box<dyn Rule>, BoundError>> {
        None
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::Linter;
    use crate::document::{self, Format};
    use crate::pack::PackSource;
    use crate::profile::Profile;

    pub fn pack(rule: &str) -> PackSource {
        PackSource {
            path: PathBuf::from("t.toml"),
            text: format!("[pack]\nname = \"t\"\n[[rule]]\nid = \"x\"\nmessage = \"m\"\n{rule}"),
        }
    }

    /// Every finding of a one-rule pack on `text`, in the first-touch profile.
    pub fn findings_full(rule: &str, text: &str) -> Vec<Finding> {
        let linter = Linter::new(&[pack(rule)]).unwrap();
        let doc = document::read("t", text.as_bytes().to_vec(), Format::Text).unwrap();
        linter.check(&doc)
    }

    /// The findings of a one-rule pack on `text` read as a template.
    pub fn findings_in_template(rule: &str, text: &str) -> Vec<Finding> {
        let linter = Linter::new(&[pack(rule)]).unwrap();
        let mut doc = document::read("t", text.as_bytes().to_vec(), Format::Text).unwrap();
        doc.template = true;
        linter.check(&doc)
    }

    /// (message, strength) of each finding of a one-rule pack on `text`.
    pub fn findings(rule: &str, text: &str) -> Vec<(String, f64)> {
        findings_full(rule, text)
            .into_iter()
            .map(|f| (f.message().to_string(), f.strength))
            .collect()
    }

    /// The error a one-rule pack gives.
    pub fn pack_error(rule: &str) -> String {
        Linter::new(&[pack(rule)]).unwrap_err().to_string()
    }

    /// `"\d+%"` in double quotes is an escape TOML does not know: its error says where, and
    /// how to write a regex; a phrase's own bad escape gets TOML's error alone.
    #[test]
    fn a_regex_escape_toml_does_not_know_points_at_single_quotes() {
        let e = pack_error("weight = -1\npattern = \"no-shows? \\d+%\"\n");
        assert!(
            e.contains("t.toml:7:23: rule `x`: missing escaped value")
                && e.ends_with(
                    "in a double-quoted TOML string a backslash starts an escape: write the regex \
                     between single quotes ('\\d', '\\s'), where a backslash stays a backslash"
                ),
            "{e}"
        );
        let e = pack_error("weight = -1\nexception_pattern = \"\\s\"\nphrases = [\"a\"]\n");
        assert!(e.contains("write the regex between single quotes"), "{e}");
        // Also in a string in triple quotes, over lines.
        let e = pack_error("weight = -1\npattern = \"\"\"\nno-shows?\n\\d+%\"\"\"\n");
        assert!(
            e.contains("t.toml:9:2: rule `x`: missing escaped value"),
            "{e}"
        );
        assert!(e.contains("write the regex between single quotes"), "{e}");
        let e = pack_error("weight = -1\nphrases = [\"a\\d\"]\n");
        assert!(e.contains("missing escaped value"), "{e}");
        assert!(!e.contains("single quotes"), "{e}");
    }

    /// `"\bpartner\b"` in double quotes is two backspaces around a word: it would load and
    /// never match. The error says so, at the string.
    #[test]
    fn an_escape_that_toml_read_is_an_error() {
        let e = pack_error("weight = -1\npattern = \"\\bpartner\\b\"\n");
        assert!(
            e.contains("t.toml:7:11: rule `x`: the regex holds a backspace: in a double-quoted TOML string `\\b` is a backspace, not a word boundary; write it between single quotes"),
            "{e}"
        );
        let e = pack_error("weight = -1\nphrases = [\"a\\fb\"]\n");
        assert!(e.contains("the phrase holds a form feed;"), "{e}");
        // Single quotes keep the backslash; a verbose regex may span lines.
        assert!(Linter::new(&[pack("weight = -1\npattern = '\\bpartner\\b'\n")]).is_ok());
        assert!(
            Linter::new(&[pack(
                "weight = -1\npattern = '''(?x)\npartner # the word\n'''\n"
            )])
            .is_ok()
        );
    }

    /// A rule's `needs`: its findings count only in a draft where the rules it names fire,
    /// along a chain too; a name that is no rule of the pack is an error at the name.
    #[test]
    fn needs_keeps_a_finding_only_beside_the_rules_it_names() {
        let src = PackSource {
            path: PathBuf::from("t.toml"),
            text: "[pack]\nname = \"t\"\n[[rule]]\nid = \"quality\"\nmessage = \"m\"\nweight = 5\nneeds = [\"proof\"]\nphrases = [\"quality\"]\n[[rule]]\nid = \"proof\"\nmessage = \"m\"\nweight = 5\nneeds = [\"figure\"]\nphrases = [\"proof\"]\n[[rule]]\nid = \"figure\"\nmessage = \"m\"\nweight = 5\npattern = '[0-9]+%'\n".into(),
        };
        let linter = Linter::new(&[src]).unwrap();
        let fired = |text: &str| {
            let doc = document::read("t", text.as_bytes().to_vec(), Format::Text).unwrap();
            let mut ids: Vec<String> = linter
                .check(&doc)
                .iter()
                .map(|f| f.rule.id.clone())
                .collect();
            ids.dedup();
            ids
        };
        assert_eq!(
            fired("Quality, proof: 98% on time."),
            ["quality", "proof", "figure"]
        );
        // Without the figure, proof is unmet, and so is quality, which needs proof.
        assert_eq!(fired("Quality, proof, on time."), Vec::<String>::new());
        assert_eq!(fired("Quality: 98% on time."), ["figure"]);
        assert_eq!(fired("Proof: 98% on time."), ["proof", "figure"]);
        let e = pack_error(
            "weight = 5\nneeds = [\"proff\"]\nphrases = [\"a\"]\n[[rule]]\nid = \"proof\"\nmessage = \"m\"\nweight = 1\nphrases = [\"b\"]\n",
        );
        assert!(
            e.contains("t.toml:7:10: rule `x`: `needs` names `proff`, which is no rule of pack `t` (did you mean `proof`?)"),
            "{e}"
        );
        let e = pack_error("weight = 5\nneeds = [\"x\"]\nphrases = [\"a\"]\n");
        assert!(e.contains("`needs` names the rule itself"), "{e}");
        let e = pack_error("weight = 5\nneeds = [\"seed/concrete-proof\"]\nphrases = [\"a\"]\n");
        assert!(
            e.contains("name a rule of this pack by its id (no `pack/`)"),
            "{e}"
        );
        let e = pack_error(
            "weight = 5\nneeds = [\"y\", \"y\"]\nphrases = [\"a\"]\n[[rule]]\nid = \"y\"\nmessage = \"m\"\nweight = 1\nphrases = [\"b\"]\n",
        );
        assert!(
            e.contains("t.toml:7:15: rule `x`: `needs` names `y` twice"),
            "{e}"
        );
        let e = pack_error("weight = 5\nneeds = []\nphrases = [\"a\"]\n");
        assert!(e.contains("`needs` is an empty list"), "{e}");
    }

    /// `profile = ["proposal"]` (the thresholds' table) where `profiles` (the list) was meant.
    #[test]
    fn a_profile_list_asks_for_profiles() {
        let e = pack_error("weight = -1\nphrases = [\"a\"]\nprofile = [\"proposal\"]\n");
        assert!(
            e.contains("did you mean `profiles`, the list of profiles the rule applies in?"),
            "{e}"
        );
    }

    /// A positive weight is a reward: it may not fail a file, nor price a mistake.
    #[test]
    fn a_dropped_minus_sign_is_an_error() {
        let e = pack_error("weight = 5\nseverity = \"error\"\nphrases = [\"a\"]\n");
        assert!(
            e.contains("t.toml:7:12: rule `x`: severity `error` with a positive weight (5)"),
            "{e}"
        );
        assert!(
            pack_error("weight = 5\nseverity = \"warning\"\nphrases = [\"a\"]\n")
                .contains("severity `warning`")
        );
        for (kind, extra) in [
            ("repetition", "unit = \"word\""),
            ("substitution", "swap = { \"a\" = \"b\" }"),
            ("placeholder", ""),
        ] {
            let e = pack_error(&format!("weight = 3\nkind = \"{kind}\"\n{extra}\n"));
            assert!(
                e.contains(&format!(
                    "t.toml:6:10: rule `x`: a {kind} rule reports a mistake, so its weight must be 0 or negative"
                )),
                "{kind}: {e}"
            );
            // The same rule with its minus sign loads.
            let ok = format!(
                "[pack]\nname = \"t\"\n[[rule]]\nid = \"x\"\nmessage = \"m\"\nweight = -3\nkind = \"{kind}\"\n{extra}\n"
            );
            Linter::new(&[PackSource {
                path: PathBuf::from("t.toml"),
                text: ok,
            }])
            .unwrap();
        }
        // Occurrence bounds are counts.
        for (bound, shown) in [
            ("max = -1", "`max` -1"),
            ("max = 1.5", "`max` 1.5"),
            ("min = -2", "`min` -2"),
        ] {
            let e = pack_error(&format!(
                "weight = -3\nkind = \"occurrence\"\nphrases = [\"a\"]\n{bound}\n"
            ));
            assert!(
                e.contains("t.toml:9:") && e.contains(&format!("{shown} is no count")),
                "{e}"
            );
        }
        // In a profile's table, the error points there.
        let e = pack_error(
            "weight = -3\nkind = \"occurrence\"\nphrases = [\"a\"]\nmax = 2\n[rule.profile.proposal]\nmax = 2.5\n",
        );
        assert!(
            e.contains("t.toml:11:7: rule `x`: `max` 2.5 is no count")
                && e.contains("(profile proposal)"),
            "{e}"
        );
        // The built-in rules' pack name is taken.
        let e = Linter::new(&[PackSource {
            path: PathBuf::from("p.toml"),
            text: "[pack]\nname = \"pitchlint\"\n[[rule]]\nid = \"empty-draft\"\nmessage = \"m\"\nweight = -1\nphrases = [\"a\"]\n".into(),
        }])
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("p.toml:2:8: pack name `pitchlint` is the built-in rules'"),
            "{e}"
        );
        // A reward phrase rule, and an info-severity one, still load.
        Linter::new(&[pack("weight = 5\nseverity = \"info\"\nphrases = [\"a\"]\n")]).unwrap();
    }

    /// A phrase of invisible characters only would match between any two words.
    #[test]
    fn a_phrase_with_no_visible_character_is_an_error() {
        for phrase in ["\\u200b", "\\u00ad\\u200b"] {
            let e = pack_error(&format!("weight = -1\nphrases = [\"ok\", \"{phrase}\"]\n"));
            assert!(
                e.ends_with("it has no visible character") && e.contains("t.toml:7:19: rule `x`"),
                "{phrase}: {e}"
            );
        }
    }

    /// A look-around or a backreference, which the regex engine does not have, is an error
    /// that says how a pack says the same (a new user's, session 50).
    #[test]
    fn a_regex_feature_the_engine_lacks_points_at_the_pack_s_way() {
        let e = pack_error("weight = -1\npattern = 'partner(?! program)'\n");
        assert!(
            e.contains("look-around")
                && e.contains("`exceptions`")
                && e.contains("`exception_pattern`"),
            "{e}"
        );
        let e = pack_error("weight = -1\npattern = '(\\w+) \\1'\n");
        assert!(
            e.contains("backreferences are not supported: a word written twice in a row is what a `repetition` rule"),
            "{e}"
        );
    }

    /// A misspelt severity names the likely one; `[rule]` for `[[rule]]` says how to write it.
    #[test]
    fn pack_errors_say_what_was_meant() {
        let e = pack_error("weight = -1\nseverity = \"warn\"\nphrases = [\"a\"]\n");
        assert!(
            e.ends_with(
                "t.toml:7:12: rule `x`: unknown severity `warn` (did you mean `warning`?): expected one of error, warning, info"
            ),
            "{e}"
        );
        let e = pack_error(
            "weight = -1\nscope = [\"closing\"]\nexcept_scope = \"closing\"\nphrases = [\"a\"]\n",
        );
        assert!(
            e.contains("t.toml:8:16: rule `x`: `except_scope` takes out every part"),
            "{e}"
        );
        // Only a scope wholly inside the exception is an error.
        assert!(
            Linter::new(&[pack(
                "weight = -1\nscope = [\"body\", \"closing\"]\nexcept_scope = \"closing\"\nphrases = [\"a\"]\n"
            )])
            .is_ok()
        );
        let e = pack_error(
            "kind = \"metric\"\nweight = -1\nmeasure = \"you_share\"\nmin = 0.3\n[rule.profile.follow-up]\nmin = 40\n",
        );
        assert!(
            e.contains("t.toml:11:7: rule `x`: 40 is out of range for `you_share`"),
            "{e}"
        );
        let e = pack_error("kind = \"metric\"\nweight = -1\nmeasure = \"words\"\nmax = -5\n");
        assert!(
            e.contains("rule `x`: -5 is out of range for `words`: never negative"),
            "{e}"
        );
        // A grade can be below 0.
        assert!(
            Linter::new(&[pack(
                "kind = \"metric\"\nweight = -1\nmeasure = \"grade\"\nmin = -2\n"
            )])
            .is_ok()
        );
        let one_table = PackSource {
            path: PathBuf::from("t.toml"),
            text: "[pack]\nname = \"t\"\n[rule]\nid = \"x\"\nmessage = \"m\"\nweight = -1\n".into(),
        };
        let e = Linter::new(&[one_table]).unwrap_err().to_string();
        assert!(
            e.ends_with("t.toml:3:1: invalid type: map, expected a sequence: `[rule]` is one table; write `[[rule]]` before each entry of the list"),
            "{e}"
        );
    }

    /// A long draft holds millions of findings (3 M for the 100 MB benchmark file): each
    /// byte of a finding is megabytes of peak memory there. No replacement costs one pointer.
    #[test]
    fn a_finding_stays_small() {
        assert!(std::mem::size_of::<Finding>() <= 64);
        assert_eq!(std::mem::size_of::<Replacements>(), 8);
        let r = Replacements::from(vec!["use".to_string()]);
        assert_eq!(*r, ["use"]);
        assert!(Replacements::from(Vec::new()).is_empty());
    }

    #[test]
    fn profiles_limit_where_a_rule_applies() {
        let r = "phrases = [\"checking in\"]\nweight = -5\nprofiles = [\"follow-up\"]\n";
        let linter = Linter::new(&[pack(r)]).unwrap();
        let doc = document::read("t", b"Just checking in.".to_vec(), Format::Text).unwrap();
        assert!(linter.check(&doc).is_empty());
        assert_eq!(linter.check_as(&doc, Profile::FollowUp).len(), 1);
        let e = pack_error("phrases = [\"a\"]\nweight = -5\nprofiles = [\"cold\"]\n");
        assert!(
            e.starts_with("t.toml:8:12: rule `x`: unknown profile `cold`"),
            "{e}"
        );
        // Examples in a profile where the rule does not apply: the rule's profiles are named.
        let ex = "fire = [\"Just checking in.\"]\n";
        let r = format!("{r}[rule.examples]\n{ex}");
        let e = pack_error(&r);
        assert!(
            e.ends_with(
                "set `profile` in [rule.examples] to one of the rule's profiles (follow-up)"
            ),
            "{e}"
        );
        let e = pack_error(&format!("{r}profile = \"proposal\"\n"));
        assert!(e.contains("profile `proposal`, where the rule does not apply: change `profile` in [rule.examples] to one of"), "{e}");
    }

    /// Rules build on all cores, but the error reported is the first in the file, whichever
    /// rule finished first, and a bad id still comes before a later rule's error.
    #[test]
    fn the_first_error_in_the_file_is_reported() {
        let rule = |id: &str, extra: &str| {
            format!("[[rule]]\nid = \"{id}\"\nmessage = \"m\"\nphrases = [\"a\"]\n{extra}")
        };
        let bad_weight = "weight = 500\n";
        let bad_severity = "weight = -1\nseverity = \"loud\"\n";
        let good = |p: &str| -> String {
            (0..40)
                .map(|i| rule(&format!("{p}{i}"), "weight = -1\n"))
                .collect()
        };
        for (first, second, want) in [
            (
                rule("a", bad_weight),
                rule("b", bad_severity),
                "rule `a`: weight 500",
            ),
            (
                rule("b", bad_severity),
                rule("a", bad_weight),
                "rule `b`: unknown severity",
            ),
            (
                rule("Bad", "weight = -1\n"),
                rule("a", bad_weight),
                "rule id `Bad`",
            ),
        ] {
            let src = PackSource {
                path: PathBuf::from("t.toml"),
                text: format!(
                    "[pack]\nname = \"t\"\n{}{first}{}{second}",
                    good("g"),
                    good("h")
                ),
            };
            let e = Linter::new(&[src]).unwrap_err().to_string();
            assert!(e.contains(want), "{e}");
        }
    }

    #[test]
    fn kind_keys_of_another_kind_are_rejected_where_they_stand() {
        let e = pack_error("phrases = [\"a\"]\nweight = -5\nunit = \"word\"\n");
        assert_eq!(
            e,
            "t.toml:8:8: rule `x`: a phrase rule has no `unit` key (its own keys: phrases, pattern, case_sensitive, exceptions, exception_pattern)"
        );
        // `exceptions` belongs to the kinds that match (phrase, occurrence, proximity, require).
        let e = pack_error(
            "kind = \"substitution\"\nswap = { \"a\" = \"b\" }\nweight = -5\nexceptions = [\"a b\"]\n",
        );
        assert!(
            e.contains("rule `x`: a substitution rule has no `exceptions` key"),
            "{e}"
        );
    }

    #[test]
    fn a_match_inside_an_exception_is_no_finding() {
        let r = "phrases = [\"partner*\"]\nweight = -5\nexceptions = [\"not ask~ you to partner\", \"Partners HealthCare\"]\n";
        let count = |text: &str| findings_full(r, text).len();
        assert_eq!(count("Will you partner with us?"), 1);
        assert_eq!(count("We are not asking you to partner with us."), 0);
        assert_eq!(
            count("I worked at Partners HealthCare. Will you partner with us?"),
            1
        );
        // Only a match wholly inside an exception is dropped.
        assert_eq!(count("not asking you to partnership"), 1);
        let e = pack_error("phrases = [\"a\"]\nweight = -5\nexceptions = []\n");
        assert!(e.contains("`exceptions` is an empty list"), "{e}");
        let e = pack_error("phrases = [\"a\"]\nweight = -5\nexceptions = [\"(b\"]\n");
        assert!(
            e.starts_with("t.toml:8:16: rule `x`: phrase \"(b\": unclosed"),
            "{e}"
        );
    }

    /// `exception_pattern` says in a regex what phrases cannot ("any amount a month"), beside
    /// the `exceptions` phrases or alone; it is checked as a rule's `pattern` is.
    #[test]
    fn a_match_inside_an_exception_pattern_is_no_finding() {
        let r = "pattern = '[$][0-9]+'\nweight = 5\nexceptions = [\"cost us\"]\nexception_pattern = '[$][0-9]+ (a|per) month'\n";
        let count = |text: &str| findings_full(r, text).len();
        assert_eq!(count("It saved Harlow $41000 in May."), 1);
        assert_eq!(count("The service is $500 a month."), 0);
        assert_eq!(count("It is $500 per month, and saved Harlow $41000."), 1);
        let alone = "pattern = '[$][0-9]+'\nweight = 5\nexception_pattern = '[$][0-9]+ a month'\n";
        assert!(super::tests::findings(alone, "Only $500 a month.").is_empty());
        let e = pack_error("phrases = [\"a\"]\nweight = -5\nexception_pattern = 'a('\n");
        assert!(
            e.starts_with("t.toml:8:23: rule `x`: invalid regex: unclosed group"),
            "{e}"
        );
        let e = pack_error("phrases = [\"a\"]\nweight = -5\nexception_pattern = 'a*'\n");
        assert!(e.contains("pattern can match empty text"), "{e}");
        let e = pack_error(
            "kind = \"substitution\"\nswap = { \"a\" = \"b\" }\nweight = -5\nexception_pattern = 'a b'\n",
        );
        assert!(
            e.contains("rule `x`: a substitution rule has no `exception_pattern` key"),
            "{e}"
        );
    }
}
