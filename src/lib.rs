//! pitchlint: a linter for sales pitch messages.
//!
//! The library is one pass in one direction; each stage is a module with one job and knows
//! nothing of the stages after it:
//!
//! ```text
//! CLI args ─▶ packs ─▶ rules ─▶ matcher (one compiled multi-pattern regex)
//!                                  │
//! path/stdin ─▶ inputs ─▶ document (source + lintable view + parts, byte spans)
//!                                  ▼
//!                             check ─▶ findings ─▶ score ─▶ report ─▶ render ─▶ exit code
//! ```
//!
//! The library never prints: renderers write to the stream they are given, and only the
//! binary decides where that is.

// No unwrap or expect on input-derived data in the library (tests may use them).
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

pub mod accept;
pub mod builtin;
pub mod check;
pub mod cli;
pub mod config;
pub mod document;
pub mod error;
pub mod examples;
pub mod fix;
pub mod inputs;
pub mod matcher;
pub mod metrics;
pub mod pack;
pub mod parallel;
pub mod phrase;
pub mod position;
pub mod profile;
pub mod render;
pub mod report;
pub mod rule;
pub mod run;
pub mod score;
pub mod suppress;
pub mod tooling;

pub use check::Linter;
pub use error::{Error, ErrorKind, Result};
pub use parallel::lint_many;

use document::Document;
use report::FileReport;
use score::Gate;

/// Lint one document: findings, score and pass/fail. Findings silenced by a suppression
/// comment ([`suppress`]) don't count toward the score.
pub fn lint(linter: &Linter, doc: Document, gate: &Gate) -> FileReport {
    lint_with(linter, doc, gate, &LintOptions::default())
}

/// What [`lint_with`] does beyond [`lint`].
#[derive(Clone, Debug, Default)]
pub struct LintOptions {
    /// Add a `pitchlint/unused-disable` warning for each suppression that silenced nothing.
    pub report_unused_disables: bool,
    /// Rules off for this file (a config's per-path `ignore`), as selectors.
    pub ignore: Vec<String>,
    /// Selectors that turn off built-in (`pitchlint/…`) findings only: the config's and the
    /// flags' `ignore`, whose pack rules are gone from the linter already.
    pub builtin_ignore: Vec<String>,
    /// The kind of message this file is (`None`: the linter's own profile).
    pub profile: Option<profile::Profile>,
    /// Whether the other cores are free (the run's only file): its independent steps then
    /// run beside each other whatever its size. Otherwise only a long file's do.
    pub spare_cores: bool,
    /// Accepted terms (the config's `accept`): findings inside their matches are dropped.
    pub accept: Option<accept::AcceptFor>,
}

/// [`lint`], with per-file options.
pub fn lint_with(
    linter: &Linter,
    mut doc: Document,
    gate: &Gate,
    opts: &LintOptions,
) -> FileReport {
    suppress::mask(&mut doc);
    let rules: Vec<_> = linter.rules().cloned().collect();
    let profile = opts.profile.unwrap_or(linter.profile());
    // Accepted terms are masked, as URLs are: no rule matches in them.
    let accepted = match &opts.accept {
        Some(a) => a.mask(&mut doc),
        None => Vec::new(),
    };
    let mut findings = linter.check_in_parallel(&doc, profile, opts.spare_cores);
    // Before suppressions: a finding an accepted term drops leaves no suppression used.
    accept::AcceptFor::filter(&doc, &accepted, &mut findings);
    // Before suppressions: a comment may silence it as any finding.
    if let Some(f) = builtin::fake_reply(&doc, profile) {
        let at = findings.partition_point(|g| g.span.start <= f.span.start);
        findings.insert(at, f);
    }
    let extent = |f: &rule::Finding| rule::part_extent(&doc, f);
    let outcome = suppress::apply(&doc.source, findings, &rules, linter.off(), &extent);
    let mut findings = outcome.kept;
    let ignored = |f: &rule::Finding| {
        let off = |s: &String| config::select::specificity(s, &f.rule).is_some();
        opts.ignore.iter().any(off)
            || (f.rule.pack == builtin::PACK && opts.builtin_ignore.iter().any(off))
    };
    if !opts.ignore.is_empty() || !opts.builtin_ignore.is_empty() {
        findings.retain(|f| !ignored(f));
    }
    // A rule's `needs` is judged on what is left.
    check::drop_unmet_needs(&mut findings);
    // An empty draft has one finding, that it is empty: nothing else about it is news.
    if let Some(f) = builtin::empty_draft(&doc) {
        findings = vec![f];
    } else if let Some(f) = builtin::missing_subject(&doc)
        && !ignored(&f)
    {
        findings.insert(0, f);
    }
    if opts.report_unused_disables && !outcome.unused.is_empty() {
        findings.extend(outcome.unused);
        findings.sort_by_key(|f| (f.span.start, f.span.end));
    }
    if !outcome.unknown.is_empty() {
        findings.extend(outcome.unknown);
        findings.sort_by_key(|f| (f.span.start, f.span.end));
    }
    let score = score::score(&findings, gate);
    FileReport {
        path: doc.path,
        format: doc.format,
        profile,
        source: doc.source,
        findings,
        score,
        warnings: doc.warnings,
        suppressed: outcome.suppressed,
        stored_offset: doc.stored_offset,
        quoted_printable: doc.quoted_printable,
    }
}
