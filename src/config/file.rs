//! The config file as written: strict serde types (unknown keys are errors), with spans kept
//! where later checks need to point at a value. The JSON Schema is generated from these types.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

/// A severity as written in a config file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SeverityName {
    /// Must be fixed: the file fails.
    Error,
    /// Should be fixed before sending.
    Warning,
    /// Worth knowing.
    Info,
}

impl From<SeverityName> for crate::rule::Severity {
    fn from(s: SeverityName) -> Self {
        match s {
            SeverityName::Error => crate::rule::Severity::Error,
            SeverityName::Warning => crate::rule::Severity::Warning,
            SeverityName::Info => crate::rule::Severity::Info,
        }
    }
}

/// A profile (the kind of message) as written in a config file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ProfileName {
    /// A first, cold email (the default).
    FirstTouch,
    /// A later email in a thread the buyer has not answered.
    FollowUp,
    /// A proposal or the email that carries one.
    Proposal,
}

impl From<ProfileName> for crate::profile::Profile {
    fn from(p: ProfileName) -> Self {
        match p {
            ProfileName::FirstTouch => crate::profile::Profile::FirstTouch,
            ProfileName::FollowUp => crate::profile::Profile::FollowUp,
            ProfileName::Proposal => crate::profile::Profile::Proposal,
        }
    }
}

/// `pitchlint.toml` (or `.pitchlint.toml`): every key is optional.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "pitchlint config")]
pub struct ConfigFile {
    /// Load the embedded default pack (default true).
    pub default_rules: Option<bool>,
    /// Rule packs to load: .toml files or folders of them, relative to this file.
    #[schemars(with = "Option<Vec<String>>")]
    pub packs: Option<Vec<Spanned<String>>>,
    /// Rules to use: `pack/id`, a pack name, a bare rule id, or a prefix of `pack/id`
    /// (default: every loaded rule). An empty list is an error: it would turn every rule off.
    #[schemars(with = "Option<Vec<String>>", length(min = 1))]
    pub select: Option<Spanned<Vec<Spanned<String>>>>,
    /// Rules not to use, written as in `select`. The more specific selector wins; on a tie,
    /// `ignore` wins.
    #[schemars(with = "Option<Vec<String>>")]
    pub ignore: Option<Vec<Spanned<String>>>,
    /// Fail a file that scores below this (0-100; 0 turns the threshold off; default 50).
    #[schemars(with = "Option<u8>", range(min = 0, max = 100))]
    pub min_score: Option<Spanned<i64>>,
    /// The lowest severity that fails a file (default `error`).
    pub fail_on: Option<SeverityName>,
    /// Fail the run when the files sharing this limit have more warnings than this (-1: no
    /// limit).
    #[schemars(with = "Option<i64>", range(min = -1))]
    pub max_warnings: Option<Spanned<i64>>,
    /// Exit 0 even when files fail the gate.
    pub exit_zero: Option<bool>,
    /// Globs (relative to this file) that files found in folders must match to be linted.
    #[schemars(with = "Option<Vec<String>>")]
    pub include: Option<Vec<Spanned<String>>>,
    /// Globs (relative to this file) of files found in folders that are not linted.
    #[schemars(with = "Option<Vec<String>>")]
    pub exclude: Option<Vec<Spanned<String>>>,
    /// Per-rule overrides, keyed by `pack/id`.
    #[schemars(with = "Option<BTreeMap<String, RuleOverride>>")]
    pub rules: Option<BTreeMap<Spanned<String>, RuleOverride>>,
    /// Settings for files matching globs; later entries win.
    pub overrides: Option<Vec<PathOverride>>,
    /// The kind of message linted (default `first-touch`); `--profile` beats it.
    pub profile: Option<ProfileName>,
    /// Lint files as templates: merge fields such as `{{first_name}}` are allowed (default
    /// false; `.tmpl` files are always templates); `--template` beats it.
    pub template: Option<bool>,
    /// Terms no rule flags, written as rule phrases: a finding that lies wholly inside a match
    /// of one is dropped (a customer's name, such as "Partners HealthCare").
    #[schemars(with = "Option<Vec<String>>")]
    pub accept: Option<Vec<Spanned<String>>>,
}

/// `[rules."pack/id"]`: a rule's severity, weight or bounds changed.
#[derive(Debug, Default, Deserialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RuleOverride {
    /// The rule's severity.
    pub severity: Option<SeverityName>,
    /// The rule's weight, -100..100.
    #[schemars(with = "Option<i32>", range(min = -100, max = 100))]
    pub weight: Option<Spanned<i64>>,
    /// A metric or occurrence rule's least allowed value, in every profile that takes the
    /// rule's own.
    #[schemars(with = "Option<f64>", range(min = 0))]
    pub min: Option<Spanned<f64>>,
    /// A metric or occurrence rule's most allowed value, in every profile that takes the
    /// rule's own (`max = 150` for `research/too-long`: a team whose first emails run
    /// longer; a proposal keeps its own 450).
    #[schemars(with = "Option<f64>", range(min = 0))]
    pub max: Option<Spanned<f64>>,
    /// The bounds in one profile: `[rules."research/too-long".profile.proposal]`.
    #[schemars(with = "Option<BTreeMap<String, ProfileBounds>>")]
    pub profile: Option<BTreeMap<Spanned<String>, ProfileBounds>>,
}

/// `[rules."pack/id".profile.<name>]`: a metric or occurrence rule's bounds in one profile
/// (first-touch, follow-up, proposal).
#[derive(Debug, Default, Deserialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct ProfileBounds {
    /// The least allowed value in this profile.
    #[schemars(with = "Option<f64>", range(min = 0))]
    pub min: Option<Spanned<f64>>,
    /// The most allowed value in this profile.
    #[schemars(with = "Option<f64>", range(min = 0))]
    pub max: Option<Spanned<f64>>,
}

/// `[[overrides]]`: gate settings for the files matching `paths`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PathOverride {
    /// Globs relative to the config file, such as `proposals/**`.
    #[schemars(with = "Vec<String>")]
    pub paths: Vec<Spanned<String>>,
    /// As the top-level `min_score`.
    #[schemars(with = "Option<u8>", range(min = 0, max = 100))]
    pub min_score: Option<Spanned<i64>>,
    /// As the top-level `fail_on`.
    pub fail_on: Option<SeverityName>,
    /// As the top-level `max_warnings`, counted over the files this override matches (-1:
    /// no limit for them).
    #[schemars(with = "Option<i64>", range(min = -1))]
    pub max_warnings: Option<Spanned<i64>>,
    /// As the top-level `exit_zero`.
    pub exit_zero: Option<bool>,
    /// Rules not to use for these files, written as in `select`.
    #[schemars(with = "Option<Vec<String>>")]
    pub ignore: Option<Vec<Spanned<String>>>,
    /// As the top-level `profile`, for these files (such as `followups/**`).
    pub profile: Option<ProfileName>,
    /// As the top-level `template`, for these files (such as `templates/**`).
    pub template: Option<bool>,
    /// Terms no rule flags in these files, added to the top-level `accept`.
    #[schemars(with = "Option<Vec<String>>")]
    pub accept: Option<Vec<Spanned<String>>>,
}
