//! JSON Schemas for rule packs and for the config file, generated with schemars from serde
//! types, for editors with a TOML language server (Taplo, Even Better TOML).
//!
//! The config schema comes from the config's own types. The pack types keep TOML spans for
//! error positions, which schemars cannot describe, so the pack schema comes from a mirror of
//! them here: plain types with the same keys. A test checks the mirror's keys against the
//! pack reader's, so that they cannot drift apart.

use schemars::{JsonSchema, schema_for};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::config::ConfigFile;
use crate::config::file::SeverityName;
use crate::document::Scope;
use crate::rule::KINDS;

/// A rule pack: a `[pack]` header and `[[rule]]` tables.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "pitchlint rule pack")]
pub struct PackFile {
    /// The pack's header.
    pub pack: PackHeader,
    /// The rules.
    #[serde(default)]
    pub rule: Vec<RuleFile>,
}

/// `[pack]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackHeader {
    /// Kebab-case name; findings report `name/id`.
    pub name: String,
    /// What the pack is for.
    #[serde(default)]
    pub description: String,
}

/// One string or a list of them.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum OneOrMany {
    /// One part.
    One(String),
    /// Several parts.
    Many(Vec<String>),
}

/// `[rule.examples]`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExamplesFile {
    /// Whole drafts that must make the rule fire.
    #[serde(default)]
    pub fire: Vec<String>,
    /// Whole drafts that must not.
    #[serde(default)]
    pub quiet: Vec<String>,
    /// The profile the examples are linted in (default: first-touch).
    pub profile: Option<String>,
}

/// `[rule.profile.<name>]`: the weight and thresholds for one profile.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileOverrideFile {
    /// Replaces `weight`, with the same sign.
    #[schemars(range(min = -100, max = 100))]
    pub weight: Option<i32>,
    /// Replaces `min`.
    pub min: Option<f64>,
    /// Replaces `max`.
    pub max: Option<f64>,
    /// Replaces `full_at`.
    pub full_at: Option<f64>,
}

/// `[[rule]]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    /// Kebab-case id, unique in the pack and never reused.
    pub id: String,
    /// The rule kind; inferred from the keys when absent.
    pub kind: Option<String>,
    /// Why this matters, in one sentence.
    pub message: String,
    /// Points: negative penalises, positive rewards.
    #[schemars(range(min = -100, max = 100))]
    pub weight: i32,
    /// Default: warning when the weight is negative, else info.
    pub severity: Option<SeverityName>,
    /// The parts of a pitch where the rule applies. Default: every part but quote and
    /// signature; for a metric, opening, body and closing.
    pub scope: Option<OneOrMany>,
    /// Parts where the rule never applies, even in a paragraph that is also one of `scope`.
    pub except_scope: Option<OneOrMany>,
    /// Phrases in pitchlint's phrase syntax.
    pub phrases: Option<Vec<String>>,
    /// A Rust regular expression.
    pub pattern: Option<String>,
    /// phrase, occurrence, proximity, require: phrases whose matches are no finding (or, for
    /// occurrence, are not counted).
    pub exceptions: Option<Vec<String>>,
    /// phrase, occurrence, proximity, require: a Rust regular expression whose matches are
    /// exceptions too.
    pub exception_pattern: Option<String>,
    /// A better phrasing.
    pub suggest: Option<String>,
    /// Match case exactly (default false).
    #[serde(default)]
    pub case_sensitive: bool,
    /// The longer why.
    #[serde(default)]
    pub rationale: String,
    /// Texts that must and must not fire.
    #[serde(default)]
    pub examples: ExamplesFile,
    /// The profiles the rule applies in (default: all).
    pub profiles: Option<Vec<String>>,
    /// Ids of rules of this pack that must fire in a draft for this rule's findings to count
    /// (a reward for naming quality that needs a figure beside it).
    pub needs: Option<Vec<String>>,
    /// Weight (any kind) and thresholds (metric, occurrence) per profile.
    pub profile: Option<std::collections::BTreeMap<String, ProfileOverrideFile>>,
    /// substitution: phrase → replacement, or a list of replacements (only suggested).
    pub swap: Option<std::collections::BTreeMap<String, OneOrMany>>,
    /// metric: what to measure.
    pub measure: Option<String>,
    /// metric, occurrence: the least allowed value.
    pub min: Option<f64>,
    /// metric, occurrence: the most allowed value.
    pub max: Option<f64>,
    /// metric, occurrence: where a penalty reaches its full weight.
    pub full_at: Option<f64>,
    /// repetition: paragraph, sentence or word.
    pub unit: Option<String>,
    /// repetition: the fewest words a repeated paragraph or sentence must have.
    #[schemars(range(min = 1, max = 1000))]
    pub min_words: Option<i64>,
    /// proximity: phrases that must stand near the rule's phrases.
    pub near: Option<Vec<String>>,
    /// proximity: a regex that must match near the rule's phrases.
    pub near_pattern: Option<String>,
    /// proximity: at most this many words between them (0: side by side; default: the same
    /// sentence).
    #[schemars(range(min = 0, max = 1000))]
    pub within: Option<i64>,
}

/// The JSON Schema of a rule pack, pretty-printed.
pub fn pack() -> String {
    let mut v = serde_json::to_value(schema_for!(PackFile)).unwrap_or(Value::Null);
    // The allowed kinds and parts live in code; put them in the schema.
    let scope_names = Scope::names();
    if let Some(rule) = v.pointer_mut("/$defs/RuleFile/properties") {
        rule["kind"] = json!({"description": "The rule kind; inferred from the keys when absent.", "type": ["string", "null"], "enum": KINDS.iter().map(|k| Value::from(*k)).chain([Value::Null]).collect::<Vec<_>>()});
        rule["scope"] = json!({
            "description": "The parts of a pitch where the rule applies. Default: every part but quote and signature; for a metric, opening, body and closing.",
            "anyOf": [
                {"type": "string", "enum": scope_names},
                {"type": "array", "items": {"type": "string", "enum": scope_names}},
                {"type": "null"},
            ],
        });
        let profiles = crate::profile::Profile::names();
        rule["profiles"] = json!({
            "description": "The profiles the rule applies in (default: all).",
            "type": ["array", "null"],
            "items": {"type": "string", "enum": profiles},
        });
        rule["measure"] = json!({
            "description": "metric: what to measure.",
            "type": ["string", "null"],
            "enum": crate::metrics::Measure::names().into_iter().map(Value::from).chain([Value::Null]).collect::<Vec<_>>(),
        });
        rule["unit"] = json!({
            "description": "repetition: paragraph, sentence or word.",
            "type": ["string", "null"],
            "enum": ["paragraph", "sentence", "word", null],
        });
        rule["profile"]["propertyNames"] = json!({"enum": profiles});
    }
    serde_json::to_string_pretty(&v).unwrap_or_default()
}

/// The JSON Schema of the config file, pretty-printed.
pub fn config() -> String {
    serde_json::to_string_pretty(&schema_for!(ConfigFile)).unwrap_or_default()
}
