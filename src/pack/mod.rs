//! Rule packs: TOML files of `[[rule]]` tables, read into [`PackDef`]s with positions kept.
//!
//! Data flow: TOML text → serde (strict: unknown keys are errors) → [`PackDef`] whose fields
//! keep their byte spans ([`toml::Spanned`]) → [`crate::rule::compile_pack`] validates each rule
//! and reports problems at `file:line:column`. Nothing is linted with half a pack: the first
//! error stops the load. A default pack skips the TOML: `build.rs` read it already, and the run
//! deserializes what it read ([`bake`], [`Baked`]), spans included.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::error::{Error, ErrorKind, Result};

pub mod bake;
mod baked;

pub use baked::Baked;

/// The default pack, embedded at compile time from `rules/*.toml` (see `build.rs`).
pub const DEFAULT_PACKS: &[Embedded] = include!(concat!(env!("OUT_DIR"), "/default_packs.rs"));

/// One file of the default pack, as embedded.
#[derive(Debug)]
pub struct Embedded {
    /// Its file name (`seed.toml`).
    pub name: &'static str,
    /// Its text, as written.
    pub full: &'static str,
    /// Its text without rationales, examples and comments, which linting never reads: the one
    /// that is read (from `baked`, or parsed when it is not baked), for a quicker start (the
    /// same as `full` when `build.rs` could not check that the two read the same).
    pub lean: &'static str,
    /// The rationales and examples that `lean` leaves out, rule by rule.
    pub docs: &'static [RuleDocs],
    /// `lean` read into flat data at build time ([`bake`]), which a run deserializes instead
    /// of parsing the TOML: `None` when `build.rs` could not bake it.
    pub baked: Option<Baked>,
}

/// A default rule's rationale and examples, kept out of the TOML that is read.
#[derive(Debug)]
pub struct RuleDocs {
    /// The rule's `id`.
    pub id: &'static str,
    /// Its `rationale`, as the TOML reader gives it.
    pub rationale: &'static str,
    /// `[rule.examples]`.
    pub fire: &'static [&'static str],
    /// `[rule.examples]`.
    pub quiet: &'static [&'static str],
    /// `[rule.examples]`.
    pub profile: Option<&'static str>,
}

/// A pack as read from TOML, before validation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackDef {
    /// The `[pack]` header.
    pub pack: PackHeader,
    /// The `[[rule]]` tables.
    #[serde(default)]
    pub rule: Vec<Spanned<RuleDef>>,
}

/// The `[pack]` header.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackHeader {
    /// Short name; rule ids are reported as `name/id`.
    pub name: Spanned<String>,
    /// What the pack is for.
    #[serde(default)]
    pub description: String,
}

/// Text that must make a rule fire, and text that must not.
#[derive(Debug, Default, Deserialize, Serialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// Each text must produce at least one finding of the rule.
    #[serde(default)]
    pub fire: Vec<Cow<'static, str>>,
    /// Each text must produce no finding of the rule.
    #[serde(default)]
    pub quiet: Vec<Cow<'static, str>>,
    /// The profile the examples are linted in (default: `first-touch`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
}

/// What a rule changes in one profile (`[rule.profile.follow-up]`): its weight (any kind),
/// its thresholds (metric, occurrence).
#[derive(Debug, Default, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct ProfileOverride {
    /// Replaces `weight`, with the same sign.
    pub weight: Option<Spanned<i64>>,
    /// Replaces `min`.
    pub min: Option<Spanned<f64>>,
    /// Replaces `max`.
    pub max: Option<Spanned<f64>>,
    /// Replaces `full_at`.
    pub full_at: Option<Spanned<f64>>,
}

/// One string or a list of strings (`scope = "closing"` or `scope = ["opening", "closing"]`).
/// (Spans are kept on the whole value: serde's untagged enums cannot carry inner spans.)
#[derive(Debug, Deserialize, Clone)]
#[serde(untagged)]
pub enum OneOrMany {
    /// A single value.
    One(String),
    /// Several values.
    Many(Vec<String>),
}

impl OneOrMany {
    /// The values.
    pub fn items(&self) -> Vec<&str> {
        match self {
            OneOrMany::One(s) => vec![s.as_str()],
            OneOrMany::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

/// A `[[rule]]` table as written. Kind-specific keys are optional here; each rule kind's
/// constructor checks that it got the keys it needs and none it does not understand.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RuleDef {
    /// Kebab-case id, unique within the pack.
    pub id: Spanned<String>,
    /// The rule kind; inferred from the keys when absent (`phrases`/`pattern` → `phrase`).
    pub kind: Option<Spanned<String>>,
    /// One sentence saying why, shown with every finding.
    pub message: Spanned<String>,
    /// Points: negative penalises, positive rewards.
    pub weight: Spanned<i64>,
    /// `error`, `warning` or `info`.
    pub severity: Option<Spanned<String>>,
    /// Parts of a pitch the rule applies to.
    pub scope: Option<Spanned<OneOrMany>>,
    /// Parts where the rule never applies, even in a paragraph that is also one of `scope`
    /// (a one-paragraph draft is both opening and closing).
    pub except_scope: Option<Spanned<OneOrMany>>,
    /// Phrases in the phrase syntax (see [`crate::phrase`]).
    pub phrases: Option<Spanned<Vec<Spanned<String>>>>,
    /// A regular expression (Rust `regex` syntax).
    pub pattern: Option<Spanned<String>>,
    /// `phrase`, `proximity`: phrases whose matches are no finding: a match of the rule's
    /// phrases (or, for proximity, of its `near`) inside one of them is no match ("not asking
    /// you to partner", a company's name).
    pub exceptions: Option<Spanned<Vec<Spanned<String>>>>,
    /// `phrase`, `proximity`, `require`: a regex whose matches are exceptions too, for what
    /// phrases cannot say ("any amount followed by a unit of time").
    pub exception_pattern: Option<Spanned<String>>,
    /// A better phrasing.
    pub suggest: Option<Spanned<String>>,
    /// Match case exactly (default false).
    pub case_sensitive: Option<Spanned<bool>>,
    /// The longer why, for `pitchlint explain`.
    #[serde(default)]
    pub rationale: Cow<'static, str>,
    /// Texts that must and must not fire.
    #[serde(default)]
    pub examples: Examples,
    /// The profiles the rule applies in (default: all).
    pub profiles: Option<Spanned<Vec<String>>>,
    /// Ids of rules of the same pack that must fire in a draft for this rule's findings to
    /// count.
    pub needs: Option<Spanned<Vec<Spanned<String>>>>,
    /// Per-profile weights (any kind) and thresholds (`metric`, `occurrence`).
    pub profile: Option<Spanned<BTreeMap<String, ProfileOverride>>>,
    /// `substitution`: phrase → replacement, or a list of replacements (never applied alone).
    pub swap: Option<Spanned<BTreeMap<String, Spanned<OneOrMany>>>>,
    /// `metric`: what to measure (see [`crate::metrics::Measure`]).
    pub measure: Option<Spanned<String>>,
    /// `metric`, `occurrence`: the least allowed value.
    pub min: Option<Spanned<f64>>,
    /// `metric`, `occurrence`: the most allowed value.
    pub max: Option<Spanned<f64>>,
    /// `metric`, `occurrence`: the value beyond a bound at which the full weight applies.
    pub full_at: Option<Spanned<f64>>,
    /// `repetition`: `paragraph`, `sentence` or `word`.
    pub unit: Option<Spanned<String>>,
    /// `repetition`: the fewest words a repeated paragraph or sentence must have.
    pub min_words: Option<Spanned<i64>>,
    /// `proximity`: the phrases that must stand near the rule's phrases.
    pub near: Option<Spanned<Vec<Spanned<String>>>>,
    /// `proximity`: a regex that must match near the rule's phrases.
    pub near_pattern: Option<Spanned<String>>,
    /// `proximity`: at most this many words apart (default: in the same sentence).
    pub within: Option<Spanned<i64>>,
}

impl RuleDef {
    /// The kind-specific keys present in this table, with the offset of each value.
    pub fn kind_keys(&self) -> Vec<(&'static str, usize)> {
        let mut out = Vec::new();
        let mut add = |name: &'static str, at: Option<usize>| {
            if let Some(at) = at {
                out.push((name, at));
            }
        };
        add("phrases", self.phrases.as_ref().map(|v| v.span().start));
        add("pattern", self.pattern.as_ref().map(|v| v.span().start));
        add(
            "exceptions",
            self.exceptions.as_ref().map(|v| v.span().start),
        );
        add(
            "exception_pattern",
            self.exception_pattern.as_ref().map(|v| v.span().start),
        );
        add(
            "case_sensitive",
            self.case_sensitive.as_ref().map(|v| v.span().start),
        );
        // A profile's thresholds are its kind's keys (its weight is any rule's).
        for o in self.profile.iter().flat_map(|t| t.get_ref().values()) {
            add("min", o.min.as_ref().map(|v| v.span().start));
            add("max", o.max.as_ref().map(|v| v.span().start));
            add("full_at", o.full_at.as_ref().map(|v| v.span().start));
        }
        add("swap", self.swap.as_ref().map(|v| v.span().start));
        add("measure", self.measure.as_ref().map(|v| v.span().start));
        add("min", self.min.as_ref().map(|v| v.span().start));
        add("max", self.max.as_ref().map(|v| v.span().start));
        add("full_at", self.full_at.as_ref().map(|v| v.span().start));
        add("unit", self.unit.as_ref().map(|v| v.span().start));
        add("min_words", self.min_words.as_ref().map(|v| v.span().start));
        add("near", self.near.as_ref().map(|v| v.span().start));
        add(
            "near_pattern",
            self.near_pattern.as_ref().map(|v| v.span().start),
        );
        add("within", self.within.as_ref().map(|v| v.span().start));
        out
    }

    /// Whether matching is case-sensitive.
    pub fn is_case_sensitive(&self) -> bool {
        self.case_sensitive.as_ref().is_some_and(|c| *c.get_ref())
    }
}

/// Where a pack came from: a file, or the embedded default.
#[derive(Debug, Clone)]
pub struct PackSource {
    /// The path shown in errors (`<default>/seed.toml` for embedded packs).
    pub path: PathBuf,
    /// The TOML text.
    pub text: String,
}

impl PackSource {
    /// Read the pack: a default pack from its baked form, any other by parsing its TOML.
    /// Syntax errors and unknown keys come back at `file:line:column`.
    pub fn parse(&self) -> Result<PackDef> {
        let embedded = DEFAULT_PACKS.iter().find(|e| e.lean == self.text);
        // A default pack is read from its baked form; should that fail (it can't, a test
        // says so), its TOML is parsed, which names what is wrong.
        let baked = embedded
            .and_then(|e| e.baked.as_ref())
            .and_then(|b| b.deserialize::<PackDef>().ok());
        debug_assert!(
            baked.is_some() || embedded.is_none_or(|e| e.baked.is_none()),
            "a baked default pack did not deserialize"
        );
        let mut def = match baked {
            Some(def) => def,
            None => self.parse_text()?,
        };
        // A lean default pack gets back the rationales and examples left out of its text.
        if let Some(e) = embedded.filter(|e| e.lean != e.full) {
            for rule in &mut def.rule {
                let rule = rule.get_mut();
                if let Some(d) = e.docs.iter().find(|d| d.id == rule.id.get_ref()) {
                    rule.rationale = Cow::Borrowed(d.rationale);
                    rule.examples = Examples {
                        fire: d.fire.iter().map(|t| Cow::Borrowed(*t)).collect(),
                        quiet: d.quiet.iter().map(|t| Cow::Borrowed(*t)).collect(),
                        profile: d.profile.map(String::from),
                    };
                }
            }
        }
        Ok(def)
    }

    fn parse_text(&self) -> Result<PackDef> {
        toml::from_str::<PackDef>(&self.text).map_err(|e| self.toml_error(&e, &self.text))
    }

    /// After [`PackSource::parse`] failed: every unknown key of the pack, and every rule with
    /// a missing or mistyped key, each an error in `errors`, and the pack as read without
    /// them (an unknown key's entry, or such a rule's whole table, blanked, offsets and line
    /// breaks kept), so that what else is wrong is found in the same run; `None`, with the
    /// error in `errors`, when something else stops the reading (a syntax error, a mistake in
    /// the `[pack]` table). Only on the error path: the pack is read again once per mistake.
    pub fn parse_past_unknown_keys(&self, errors: &mut Vec<Error>) -> Option<ReadPast> {
        let mut text = self.text.clone();
        let mut blanked = Vec::new();
        let mut dropped = Vec::new();
        loop {
            let e = match toml::from_str::<PackDef>(&text) {
                Ok(def) => {
                    return Some(ReadPast {
                        def,
                        blanked,
                        dropped,
                    });
                }
                Err(e) => e,
            };
            let error = self.toml_error(&e, &text);
            let at = e.span().map(|s| s.start);
            // Only a rule is read past: not a syntax error, nor a mistake outside the rules
            // (in `[pack]`, an unknown table).
            let table = at
                .filter(|_| !e.message().contains("missing field `pack`"))
                .and_then(|at| rule_table_at(&text, at));
            let id = table
                .as_ref()
                .and_then(|t| t.id.as_ref())
                .map(|(id, _)| id.clone());
            // A misspelt required key (`mesage`) leaves the key missing once blanked: said
            // already, by the suggestion on the misspelling.
            let missing = e.message().strip_prefix("missing field ");
            let said = |k: &str| format!("(did you mean {k}?)");
            if !missing.is_some_and(|k| errors.iter().any(|x| x.message.contains(&said(k)))) {
                let meant = error
                    .message
                    .split_once("(did you mean `")
                    .and_then(|(_, rest)| rest.split_once('`'))
                    .map(|(key, _)| key.to_string());
                errors.push(error);
                // An unknown `key = value` is blanked, and the rule read without it. Not a
                // dotted key (`exampels.fire = …`) or a table header: a piece left behind
                // would read as a syntax error.
                let entry = at
                    .filter(|_| e.message().starts_with("unknown field"))
                    .and_then(|at| entry_at(&text, at))
                    .filter(|entry| {
                        let key_end = text[entry.clone()]
                            .find(['=', '.', '\n'])
                            .map_or(entry.end, |i| entry.start + i);
                        // Nor an entry of an inline table (`{ extra = 1, name = "t" }`): its
                        // comma would be left behind.
                        let line_start = text[..entry.start].rfind('\n').map_or(0, |i| i + 1);
                        !text[entry.start..].starts_with('[')
                            && !text[key_end..].starts_with(['.', '\n'])
                            && text[line_start..entry.start].trim().is_empty()
                    });
                if let Some(entry) = entry {
                    if let (Some(id), Some(key)) = (id, meant) {
                        blanked.push((id, key));
                    }
                    let blank = blank_of(&text[entry.clone()]);
                    text.replace_range(entry, &blank);
                    continue;
                }
            }
            // A misspelt table (`[[rules]]`, `[packs]`) is left out, every table of that name
            // at once (each would be the same error again), and the rest is read: the rules
            // above it have their mistakes found too.
            if let Some(tables) = at
                .filter(|_| e.message().starts_with("unknown field"))
                .and_then(|at| unknown_tables_at(&text, at))
            {
                for table in tables {
                    // Its rule is left out as a rule with a mistake is: a `needs` that names
                    // it gets no second error.
                    dropped.extend(table.id.map(|(id, _)| id));
                    let blank = blank_of(&text[table.range.clone()]);
                    text.replace_range(table.range, &blank);
                }
                continue;
            }
            // A rule with a missing or mistyped key (a value the reader refuses, a misspelt
            // required key, an unknown dotted key) is left out, as if the pack did not have
            // it, and the rest is read.
            let table = table?.range;
            dropped.extend(id);
            let blank = blank_of(&text[table.clone()]);
            text.replace_range(table, &blank);
        }
    }

    /// A TOML reader's error in `text` (this pack's text, or it with entries blanked) at
    /// `file:line:column`, naming the rule it stands in.
    fn toml_error(&self, e: &toml::de::Error, text: &str) -> Error {
        let mut message = crate::error::toml_message(e, text);
        // A regex's `\d` or `\s` in double quotes is an escape TOML does not know.
        if let Some(span) = e
            .span()
            .filter(|_| e.message().contains("missing escaped value"))
        {
            // The key of the entry the string belongs to: the last `key =` line above it (a
            // string in triple quotes runs over lines).
            let key = text[..span.start].lines().rev().find_map(|l| {
                let (k, _) = l.split_once('=')?;
                let k = k.trim();
                (!k.is_empty() && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
                    .then_some(k)
            });
            if key.is_some_and(|k| ["pattern", "exception_pattern", "near_pattern"].contains(&k)) {
                message.push_str(
                    "; in a double-quoted TOML string a backslash starts an escape: write the \
                     regex between single quotes ('\\d', '\\s'), where a backslash stays a \
                     backslash",
                );
            }
        }
        match e.span() {
            // The missing `[pack]` table is the file's, not a rule's.
            Some(span) if e.message().contains("missing field `pack`") => {
                Error::at(ErrorKind::Config, &self.path, text, span.start, message)
            }
            // A syntax error found at a table's header is the table above's (an array left
            // open in rule `a` is found at `[[rule]]` of `b`): the place alone says it.
            Some(span)
                if text[text[..span.start].rfind('\n').map_or(0, |i| i + 1)..]
                    .trim_start()
                    .starts_with('[')
                    && toml::from_str::<toml::Table>(text).is_err() =>
            {
                Error::at(ErrorKind::Config, &self.path, text, span.start, message)
            }
            Some(span) => Error::at(
                ErrorKind::Config,
                &self.path,
                text,
                span.start,
                match rule_id_at(text, span.start) {
                    Some(id) => format!("rule `{id}`: {message}"),
                    None => message,
                },
            ),
            None => Error::file(ErrorKind::Config, &self.path, message),
        }
    }

    /// An error at a byte offset of this pack.
    pub fn error_at(&self, offset: usize, message: impl Into<String>) -> Error {
        Error::at(ErrorKind::Config, &self.path, &self.text, offset, message)
    }
}

/// The bytes of the entry (`key = value`) whose key starts at `offset`, in any table of `text`.
fn entry_at(text: &str, offset: usize) -> Option<std::ops::Range<usize>> {
    fn find(table: &toml::de::DeTable<'_>, offset: usize) -> Option<std::ops::Range<usize>> {
        table.iter().find_map(|(k, v)| {
            if k.span().start == offset {
                return Some(offset..v.span().end);
            }
            within(v.get_ref(), offset)
        })
    }
    fn within(v: &toml::de::DeValue<'_>, offset: usize) -> Option<std::ops::Range<usize>> {
        match v {
            toml::de::DeValue::Table(t) => find(t, offset),
            toml::de::DeValue::Array(a) => a.iter().find_map(|v| within(v.get_ref(), offset)),
            _ => None,
        }
    }
    find(toml::de::DeTable::parse(text).ok()?.get_ref(), offset)
}

/// When byte `at` stands in a top-level table the pack does not have (`[[rules]]`,
/// `[packs]`): every table of that name, each with its id if it has one, read as
/// [`rule_tables`] reads the `[[rule]]` ones. `None` for the pack's own tables, for a key that
/// is no table, and for text that is no TOML.
fn unknown_tables_at(text: &str, at: usize) -> Option<Vec<RuleTable>> {
    use toml::de::DeValue;
    let doc = toml::de::DeTable::parse(text).ok()?;
    let name = doc.get_ref().iter().find_map(|(k, v)| {
        let name = k.get_ref();
        let holds = match v.get_ref() {
            DeValue::Array(items) => items.iter().any(|i| i.span().contains(&at)),
            _ => v.span().contains(&at),
        };
        (holds && !matches!(name.as_ref(), "rule" | "pack")).then(|| name.to_string())
    })?;
    Some(tables_named(text, &name)?).filter(|t| !t.is_empty())
}

/// Spaces for the bytes of `text`, its line breaks kept: blanked out of a pack, it leaves
/// the offsets and lines of the rest as they were.
fn blank_of(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b == b'\n' || b == b'\r' {
                b as char
            } else {
                ' '
            }
        })
        .collect()
}

/// What [`PackSource::parse_past_unknown_keys`] read.
pub struct ReadPast {
    /// The pack, without the entries and rules below.
    pub def: PackDef,
    /// For each unknown key blanked, its rule's id and the key it was taken for (the
    /// suggestion: `phrases` for `phrase`), if any.
    pub blanked: Vec<(String, String)>,
    /// The ids of the rules left out for a missing or mistyped key.
    pub dropped: Vec<String>,
}

/// A rule's `id` and where its value stands in the pack's text.
type Id = (String, usize);

/// One `[[rule]]` table of a pack's text, as the TOML reader finds it.
pub struct RuleTable {
    /// Its header to the next top-level header (its own `[rule.examples]` included).
    pub range: std::ops::Range<usize>,
    /// Its `id`, and where that value stands, if it has a string one.
    pub id: Option<Id>,
}

/// The `[[rule]]` tables of a pack's text, read with the TOML reader's spans (headers written
/// `[[ rule ]]` or indented, ids in either kind of quotes); `None` when the text is no TOML.
pub fn rule_tables(text: &str) -> Option<Vec<RuleTable>> {
    tables_named(text, "rule")
}

/// The top-level tables named `name` of a pack's text (`[[name]]` or `[name]`), as
/// [`rule_tables`] gives the `[[rule]]` ones.
fn tables_named(text: &str, name: &str) -> Option<Vec<RuleTable>> {
    use toml::de::DeValue;
    let doc = toml::de::DeTable::parse(text).ok()?;
    // Where each table's header starts (`[pack]`, `[pack.extra]`, each `[[rule]]`): a rule's
    // table runs to the next one that is not its own (its `[rule.examples]`).
    /// The name asked for, and where each top-level table of that name starts, with its id.
    type Wanted<'a> = Option<(&'a str, &'a mut Vec<(usize, Option<Id>)>)>;
    fn headers_in(
        table: &toml::de::DeTable<'_>,
        text: &str,
        headers: &mut Vec<usize>,
        mut rules: Wanted<'_>,
    ) {
        let header = |span: &std::ops::Range<usize>, open: &str| {
            text.get(span.clone()).is_some_and(|t| t.starts_with(open))
        };
        for (key, value) in table.iter() {
            match value.get_ref() {
                DeValue::Table(t) => {
                    if header(&value.span(), "[") {
                        headers.push(value.span().start);
                        // A misspelt `[packs]`: one table, its own sub-tables in it.
                        if let Some((name, rules)) = rules.as_mut()
                            && key.get_ref() == *name
                        {
                            rules.push((value.span().start, None));
                            continue;
                        }
                    }
                    headers_in(t, text, headers, None);
                }
                DeValue::Array(items) => {
                    for item in items.iter().filter(|i| header(&i.span(), "[[")) {
                        headers.push(item.span().start);
                        let DeValue::Table(t) = item.get_ref() else {
                            continue;
                        };
                        match rules.as_mut() {
                            Some((name, rules)) if key.get_ref() == *name => {
                                let id = t.iter().find_map(|(k, v)| match v.get_ref() {
                                    DeValue::String(s) if k.get_ref() == "id" => {
                                        Some((s.to_string(), v.span().start))
                                    }
                                    _ => None,
                                });
                                rules.push((item.span().start, id));
                            }
                            _ => headers_in(t, text, headers, None),
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let mut headers = Vec::new();
    let mut rules = Vec::new();
    headers_in(doc.get_ref(), text, &mut headers, Some((name, &mut rules)));
    headers.sort_unstable();
    Some(
        rules
            .into_iter()
            .map(|(start, id)| {
                let end = headers
                    .iter()
                    .find(|&&h| h > start)
                    .copied()
                    .unwrap_or(text.len());
                RuleTable {
                    range: start..end,
                    id,
                }
            })
            .collect(),
    )
}

/// The `[[rule]]` table that holds byte `offset` of a pack's text, if the text reads as TOML
/// and the offset stands in one.
fn rule_table_at(text: &str, offset: usize) -> Option<RuleTable> {
    rule_tables(text)?
        .into_iter()
        .find(|t| t.range.contains(&offset))
}

/// The `id` of the `[[rule]]` table that holds byte `offset` of a pack's text, if it has one:
/// to name the rule in an error the TOML reader reports (a missing or unknown key) without it.
/// Text that is no TOML (a syntax error) is searched line by line instead: the last
/// `[[rule]]` header before the offset, and an `id = "…"` line after it.
fn rule_id_at(text: &str, offset: usize) -> Option<String> {
    if let Some(tables) = rule_tables(text) {
        let table = tables.into_iter().find(|t| t.range.contains(&offset))?;
        return table.id.map(|(id, _)| id);
    }
    let before = text.get(..(offset + "[[rule]]".len()).min(text.len()))?;
    let start = before
        .rmatch_indices("[[rule]]")
        .map(|(i, _)| i)
        .find(|&i| i == 0 || text[..i].ends_with('\n'))?;
    // The rule runs to the next header that is not its own (`[rule.examples]`).
    let body = start + "[[rule]]".len();
    let end = text[body..]
        .match_indices('\n')
        .map(|(i, _)| body + i + 1)
        .find(|&i| {
            let line = text[i..].trim_start();
            line.starts_with('[') && !line.starts_with("[rule.")
        })
        .unwrap_or(text.len());
    if offset >= end {
        return None;
    }
    text[body..end].lines().find_map(|line| {
        let value = line
            .trim()
            .strip_prefix("id")?
            .trim_start()
            .strip_prefix('=')?;
        let value = value.trim().strip_prefix('"')?;
        Some(value[..value.find('"')?].to_string())
    })
}

/// The embedded default packs.
pub fn default_sources() -> Vec<PackSource> {
    DEFAULT_PACKS
        .iter()
        .map(|e| PackSource {
            path: PathBuf::from(format!("<default>/{}", e.name)),
            text: e.lean.to_string(),
        })
        .collect()
}

/// Whether `path` is named as a config file is (`pitchlint.toml`, `.pitchlint.toml`).
fn is_config_name(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| crate::config::FILE_NAMES.iter().any(|c| n == *c))
}

/// The rule packs of a folder: its `*.toml` files in name order, not recursive, without a
/// config file beside them (`packs = ["."]`). A symbolic link to nothing is kept, so that
/// reading it names it instead of skipping a pack unsaid. A folder without a pack is an error.
pub fn folder_packs(path: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let entries = std::fs::read_dir(path).map_err(|e| Error::io(path, &e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(path, &e))?;
        let p = entry.path();
        let dangling = |p: &Path| p.is_symlink() && !p.exists();
        if p.extension().is_some_and(|x| x == "toml")
            && (p.is_file() || dangling(&p))
            && !is_config_name(&p)
        {
            files.push(p);
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(Error::file(
            ErrorKind::Config,
            path,
            "no rule pack (*.toml) in this folder",
        ));
    }
    Ok(files)
}

/// Read packs from a `.toml` file or a folder of them (sorted by name, not recursive).
pub fn read_sources(path: &Path) -> Result<Vec<PackSource>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, &e))?;
    crate::error::regular_file_or_folder(path, &meta, "a rule pack is TOML text")?;
    let files = if meta.is_dir() {
        folder_packs(path)?
    } else if is_config_name(path) {
        return Err(Error::file(
            ErrorKind::Config,
            path,
            "a config file, not a rule pack: name packs under `packs` in it, or pass it with \
             --config",
        ));
    } else if path.extension().is_some_and(|x| x == "toml") {
        vec![path.to_path_buf()]
    } else {
        // A draft given by mistake (`--rules draft.txt`) would get a TOML syntax error.
        return Err(Error::file(
            ErrorKind::Config,
            path,
            "not a rule pack: packs are .toml files (a draft to lint is a path to lint, not a \
             pack)",
        ));
    };
    // Every file is read, and every one that cannot be is reported (one line each), in order.
    let mut sources = Vec::with_capacity(files.len());
    let mut errors = Vec::new();
    for p in files {
        let read = std::fs::read(&p)
            .map_err(|e| Error::io(&p, &e))
            .and_then(|bytes| crate::error::utf8_text(&p, bytes, "rule pack"));
        match read {
            Ok(text) => sources.push(PackSource { path: p, text }),
            Err(e) => errors.push(e),
        }
    }
    match Error::first_of(errors) {
        Some(e) => Err(e),
        None => Ok(sources),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str) -> PackSource {
        PackSource {
            path: PathBuf::from("team.toml"),
            text: text.to_string(),
        }
    }

    /// Each default pack is baked, and its baked form deserializes to what its TOML parses
    /// to: the same values and the same spans (a `Spanned`'s `Debug` shows its span).
    #[test]
    fn baked_default_packs_read_as_their_toml() {
        for e in DEFAULT_PACKS {
            let baked = e
                .baked
                .as_ref()
                .unwrap_or_else(|| panic!("{} not baked", e.name));
            let want = toml::from_str::<PackDef>(e.lean).unwrap();
            let got = baked.deserialize::<PackDef>().unwrap();
            assert_eq!(format!("{got:?}"), format!("{want:?}"), "{}", e.name);
        }
    }

    /// Leaks a baked text, as `build.rs` embeds it.
    fn bake_static(text: &str) -> Baked {
        let (nodes, pool) = bake::bake(text).unwrap();
        Baked {
            nodes: Vec::leak(nodes),
            pool: String::leak(pool),
        }
    }

    /// A team pack with the kinds of value a pack holds (inline and nested tables, arrays
    /// of strings and of tables, escapes, floats, hexadecimal and negative integers,
    /// booleans) reads the same baked as parsed, spans included.
    #[test]
    fn a_baked_pack_reads_as_its_toml() {
        let text = concat!(
            "[pack]\nname = \"team\"\ndescription = 'literal \\ string'\n\n",
            "[[rule]]\nid = \"a\"\nmessage = \"Say \\\"you\\\"\\u00e9.\"\nweight = 0x0A\n",
            "kind = \"metric\"\nmeasure = \"words\"\nmax = 125\nfull_at = 2.5e2\nscope = \"body\"\n",
            "case_sensitive = true\nprofile.follow-up = { max = 75.5, weight = 3 }\n\n",
            "[[rule]]\nid = \"b\"\nmessage = \"\"\"\nTwo\nlines\"\"\"\nweight = -5\n",
            "phrases = [\"partner\", 'synergy', \"\"\"x\"\"\"]\nexcept_scope = [\"signature\", \"quote\"]\n",
            "swap.partner = [\"supplier\", \"vendor\"]\nswap.\"team up\" = \"work\"\n",
            "[rule.examples]\nfire = [\"our partner\"]\nquiet = []\n",
        );
        let want = toml::from_str::<PackDef>(text).unwrap();
        let got = bake_static(text).deserialize::<PackDef>().unwrap();
        assert_eq!(format!("{got:?}"), format!("{want:?}"));
        assert_eq!(got.rule[0].get_ref().weight.get_ref(), &10);
        assert_eq!(got.rule[1].get_ref().message.get_ref(), "Two\nlines");
        // And as a plain TOML value: the same tree.
        let value = bake_static(text).deserialize::<toml::Table>().unwrap();
        assert_eq!(value, toml::from_str::<toml::Table>(text).unwrap());
    }

    /// What the TOML reader refuses, a baked pack refuses too: an unknown key, a wrong type.
    #[test]
    fn a_baked_pack_refuses_what_its_toml_does() {
        for text in [
            "[pack]\nname = \"t\"\ncolour = 1\n",
            "[pack]\nname = \"t\"\n[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = \"heavy\"\n",
            "[pack]\nname = 3\n",
            // Refused by what the deserializer hands over, not by the derived code alone.
            "[pack]\nname = \"t\"\n[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = 1.5\n",
            "[pack]\nname = \"t\"\n[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = 1\nscope = [1]\n",
            "[pack]\nname = \"t\"\n[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = 1\nmax = true\n",
            "[pack]\nname = \"t\"\n[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = 1\nphrases = \"x\"\n",
        ] {
            assert!(toml::from_str::<PackDef>(text).is_err(), "{text}");
            assert!(
                bake_static(text).deserialize::<PackDef>().is_err(),
                "{text}"
            );
        }
    }

    /// A date and an integer beyond `i64` are not baked (the TOML reader reads them, or says
    /// what is wrong); nor is what is not TOML.
    #[test]
    fn what_the_baked_form_leaves_out_is_not_baked() {
        assert!(bake::bake("a = 1979-05-27\n").is_none());
        assert!(bake::bake("a = 9223372036854775808\n").is_none());
        assert!(bake::bake("a = [\n").is_none());
        assert!(bake::bake("a = 9223372036854775807\n").is_some());
        // A float that overflows is an error to the TOML reader; infinity written out is not.
        assert!(bake::bake("a = 1e400\n").is_none());
        assert!(bake::bake("a = inf\nb = -inf\nc = nan\n").is_some());
    }

    /// Broken baked data is an error, never a panic.
    #[test]
    fn broken_baked_data_is_an_error() {
        let (nodes, pool) = bake::bake("[pack]\nname = \"t\"\n").unwrap();
        for cut in [0, 7, bake::NODE, nodes.len() - 1] {
            let b = Baked {
                nodes: Vec::leak(nodes[..cut].to_vec()),
                pool: String::leak(pool.clone()),
            };
            assert!(b.deserialize::<PackDef>().is_err(), "cut at {cut}");
        }
        let b = Baked {
            nodes: Vec::leak(nodes.clone()),
            pool: "",
        };
        assert!(b.deserialize::<PackDef>().is_err());
        // An unknown tag; and a cycle (the `[pack]` table, node 2, holds itself as its one
        // entry's value), which would recurse without end were it followed.
        let word = |n: &mut Vec<u8>, node: usize, k: usize, v: u32| {
            n[node * bake::NODE + 4 * k..][..4].copy_from_slice(&v.to_le_bytes());
        };
        let mut bad_tag = nodes.clone();
        word(&mut bad_tag, 0, 0, 9);
        let mut cycle = nodes.clone();
        word(&mut cycle, 2, 3, 1);
        for bad in [bad_tag, cycle] {
            let b = Baked {
                nodes: Vec::leak(bad),
                pool: String::leak(pool.clone()),
            };
            assert!(b.deserialize::<PackDef>().is_err());
            assert!(b.deserialize::<toml::Table>().is_err());
        }
    }

    /// Each default pack is parsed lean, and its rules are the rules of the pack as written:
    /// same definitions, rationales and examples.
    #[test]
    fn lean_default_packs_are_the_packs_as_written() {
        for (e, lean) in DEFAULT_PACKS.iter().zip(default_sources()) {
            assert!(e.lean.len() < e.full.len(), "{} is not lean", e.name);
            let full = PackSource {
                path: lean.path.clone(),
                text: e.full.to_string(),
            };
            let rules = |s: &PackSource| -> Vec<String> {
                crate::check::compile_rules(std::slice::from_ref(s))
                    .unwrap()
                    .iter()
                    .map(|r| format!("{:?}", r.meta()))
                    .collect()
            };
            let (want, got) = (rules(&full), rules(&lean));
            assert!(!want.is_empty());
            assert_eq!(got, want, "{}", e.name);
            assert!(
                want.iter().all(|m| !m.contains("rationale: \"\"")),
                "{}",
                e.name
            );
        }
    }

    #[test]
    fn wrong_types_are_named_in_words() {
        let e = |rule: &str| {
            src(&format!(
                "[pack]\nname = \"t\"\n[[rule]]\nid = \"a\"\nmessage = \"m\"\n{rule}"
            ))
            .parse()
            .unwrap_err()
            .to_string()
        };
        let w = e("weight = \"heavy\"\nphrases = [\"x\"]\n");
        assert!(w.ends_with("expected an integer from -100 to 100"), "{w}");
        let m = e("weight = -1\nkind = \"metric\"\nmeasure = \"words\"\nmax = \"lots\"\n");
        assert!(m.ends_with("expected a number"), "{m}");
    }

    #[test]
    fn a_missing_pack_table_is_the_files_error_not_a_rules() {
        let e = src("[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nphrases = [\"x\"]\n")
            .parse()
            .unwrap_err()
            .to_string();
        assert_eq!(e, "team.toml:1:1: missing field `pack`");
        // A rule's own missing key still names the rule.
        let e = src("[pack]\nname = \"t\"\n\n[[rule]]\nid = \"a\"\nweight = -1\n")
            .parse()
            .unwrap_err()
            .to_string();
        assert!(e.contains("rule `a`: missing field `message`"), "{e}");
    }

    #[test]
    fn unknown_keys_are_errors_with_position() {
        let e = src("[pack]\nname = \"t\"\n[[rule]]\nid = \"x\"\nmessage = \"m\"\nweight = -1\nphrase = [\"a\"]\n")
            .parse()
            .unwrap_err();
        let s = e.to_string();
        // The key meant, alone; a key near none gets the list.
        assert_eq!(
            s,
            "team.toml:7:1: rule `x`: unknown field `phrase` (did you mean `phrases`?)"
        );
        let e = src("[pack]\nname = \"t\"\n[[rule]]\nid = \"x\"\nmessage = \"m\"\nweight = -1\ncolour = 1\n")
            .parse()
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("team.toml:7:1: rule `x`: unknown field `colour`, expected one of `id`"),
            "{e}"
        );
    }

    #[test]
    fn missing_fields_are_errors() {
        let e = src("[pack]\nname = \"t\"\n[[rule]]\nid = \"x\"\nweight = -1\n")
            .parse()
            .unwrap_err();
        assert!(
            e.to_string().contains("rule `x`: missing field `message`"),
            "{e}"
        );
        // The rule is the one whose table holds the error, not the first.
        let two = "[pack]\nname = \"t\"\n[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nphrases = [\"x\"]\n\n[[rule]]\nid = \"bee\"\nweight = -1\n";
        let e = src(two).parse().unwrap_err();
        assert!(
            e.to_string()
                .contains("rule `bee`: missing field `message`"),
            "{e}"
        );
        // Outside any rule, no rule is named: before the rules, or in a table after one.
        let e = src("[pack]\nnam = \"t\"\n").parse().unwrap_err();
        assert!(!e.to_string().contains("rule `"), "{e}");
        let after = "[pack]\nname = \"t\"\n[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nphrases = [\"x\"]\n[rule.examples]\nfire = [\"x\"]\n[pack2]\nx = 1\n";
        let e = src(after).parse().unwrap_err().to_string();
        assert!(
            e.starts_with("team.toml:10:") && !e.contains("rule `"),
            "{e}"
        );
        // A syntax error is found where the reader stopped: an array left open in rule `a`
        // at the next rule's header. No rule is named (it named `b`).
        let open = "[pack]\nname = \"t\"\n[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nphrases = [\"x\"\n\n[[rule]]\nid = \"b\"\n";
        let e = src(open).parse().unwrap_err().to_string();
        assert!(
            e.starts_with("team.toml:9:1: ") && !e.contains("rule `"),
            "{e}"
        );
        // In a rule's own sub-table, the rule is named.
        let sub = "[pack]\nname = \"t\"\n[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nphrases = [\"x\"]\n[rule.examples]\nfires = [\"x\"]\n";
        let e = src(sub).parse().unwrap_err().to_string();
        assert!(e.contains("rule `a`: unknown field `fires`"), "{e}");
        // A table given twice names itself.
        let e = src("[pack]\nname = \"t\"\n[pack]\nname = \"u\"\n")
            .parse()
            .unwrap_err();
        assert!(e.to_string().contains("duplicate key `pack`"), "{e}");
    }

    #[test]
    fn syntax_errors_point_at_the_line() {
        let e = src("[pack]\nname = \"t\"\n[[rule]\n").parse().unwrap_err();
        assert!(e.to_string().starts_with("team.toml:3:"), "{e}");
    }

    #[test]
    fn default_packs_parse() {
        for s in default_sources() {
            s.parse().unwrap();
        }
    }
}
