//! Inline suppressions: `pitchlint-disable RULE…`, `pitchlint-enable RULE…` and
//! `pitchlint-disable-next-line RULE…`, in an HTML comment (`<!-- … -->`, for Markdown and
//! HTML) or on a line of their own (plain text and email bodies), optionally after `#` or `//`.
//! No rule means every rule. A rule is named as in the config's `select`: `pack/id`, a bare id,
//! a pack, or a prefix. Text after ` -- ` is a reason and is ignored. A misspelt directive
//! (`pitchlint-disable-line`) is a `pitchlint/unknown-directive` warning, and a name that
//! matches no loaded rule a `pitchlint/unknown-rule` warning, so that typos never fail silently.
//!
//! Data flow: the source text → directives → byte regions, each for one selector → each
//! finding is kept or suppressed. Regions that silenced nothing can be reported.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};
use std::ops::Range;
use std::sync::{Arc, LazyLock};

use regex::Regex;

use crate::config::select::specificity;
use crate::document::Scope;
use crate::position::LineIndex;
use crate::rule::{Finding, RuleMeta, Severity};

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    // A comment may span lines (`<!--`, the directive, `-->` each on its own): the
    // directive then ends where the comment does.
    Regex::new(r"(?s)<!--\s*(pitchlint-[A-Za-z_-]*)(.*?)-->")
        .unwrap_or_else(|e| panic!("suppression regex: {e}"))
});
static OWN_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)^[ \t]*(?:(?:#+|//)[ \t]*)?(pitchlint-[A-Za-z_-]*)(?:[ \t]+([^\r\n]*?))?[ \t]*\r?$",
    )
    .unwrap_or_else(|e| panic!("suppression regex: {e}"))
});

/// The directives pitchlint knows, for the unknown-directive message.
const KNOWN: &str = "pitchlint-disable, pitchlint-enable or pitchlint-disable-next-line";

/// What a directive does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// `pitchlint-disable`: from here to a matching `pitchlint-enable` or the end.
    Disable,
    /// `pitchlint-enable`: ends earlier `pitchlint-disable`s.
    Enable,
    /// `pitchlint-disable-next-line`: the line below.
    DisableNextLine,
    /// A misspelt directive (`pitchlint-disable-line`): it does nothing but warn.
    Unknown,
}

/// One suppression comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    /// What it does.
    pub action: Action,
    /// The rules it names; empty means every rule.
    pub rules: Vec<String>,
    /// Where each of `rules` is written in the source (a warning about one points at it).
    pub names: Vec<Range<usize>>,
    /// Where it is in the source.
    pub span: Range<usize>,
    /// The directive word as written (`pitchlint-disable`).
    pub name: String,
}

/// Marks the directives of `doc`'s view as not prose (masked), so that their words are
/// neither measured nor matched: a reason after ` -- ` must not make a draft longer.
pub fn mask(doc: &mut crate::document::Document) {
    let spans: Vec<Range<usize>> = directives(doc.text()).into_iter().map(|d| d.span).collect();
    if !spans.is_empty() {
        doc.masked = crate::document::links::merge(&doc.masked, &spans);
    }
}

/// Whether `line` (one line, without its line break) is a directive and nothing else.
pub fn is_directive_line(line: &str) -> bool {
    line.contains("pitchlint-")
        && (OWN_LINE.is_match(line)
            || COMMENT
                .find(line.trim())
                .is_some_and(|m| m.len() == line.trim().len()))
}

/// Every directive in `source`, in order.
pub fn directives(source: &str) -> Vec<Directive> {
    let mut out = Vec::new();
    // Most drafts have no directive: then the two regexes are never even compiled.
    if memchr::memmem::find(source.as_bytes(), b"pitchlint-").is_none() {
        return out;
    }
    let mut comments: Vec<Range<usize>> = Vec::new();
    for re in [&*COMMENT, &*OWN_LINE] {
        for c in re.captures_iter(source) {
            let (Some(all), Some(name)) = (c.get(0), c.get(1)) else {
                continue;
            };
            // A directive on its own line inside a comment found already (the comments
            // are in order and apart: the last that starts before it is the only candidate).
            let before = comments.partition_point(|r| r.start <= name.start());
            if before > 0 && comments[before - 1].contains(&name.start()) {
                continue;
            }
            if std::ptr::eq(re, &*COMMENT) {
                comments.push(all.range());
            }
            let action = match name.as_str() {
                "pitchlint-disable" => Action::Disable,
                "pitchlint-enable" => Action::Enable,
                "pitchlint-disable-next-line" => Action::DisableNextLine,
                _ => Action::Unknown,
            };
            let base = c.get(2).map_or(0, |m| m.start());
            let args = c.get(2).map_or("", |m| m.as_str());
            let args = args.split(" -- ").next().unwrap_or("");
            let (mut rules, mut names) = (Vec::new(), Vec::new());
            let mut word: Option<usize> = None;
            for (i, ch) in args.char_indices().chain([(args.len(), ' ')]) {
                if ch.is_whitespace() || ch == ',' {
                    if let Some(w) = word.take() {
                        rules.push(args[w..i].to_string());
                        names.push(base + w..base + i);
                    }
                } else if word.is_none() {
                    word = Some(i);
                }
            }
            out.push(Directive {
                action,
                rules,
                names,
                span: all.start()..all.end(),
                name: name.as_str().to_string(),
            });
        }
    }
    out.sort_by_key(|d| d.span.start);
    out
}

/// What [`apply`] does with one finding.
#[derive(Clone, Copy)]
enum Verdict {
    Kept,
    Suppressed,
    /// Inside a directive.
    Dropped,
}

/// A stretch of the source where one selector (or every rule) is off.
#[derive(Debug)]
struct Region {
    /// The selector; none for every rule.
    rule: Option<String>,
    /// Where the selector is written (the whole directive when it names no rule).
    at: Range<usize>,
    range: Range<usize>,
}

/// Every selector that names the rule `m` (see [`specificity`]): its `pack/id`, its id, its
/// pack, and each prefix of `pack/id` that ends at a `-` or just before one. A finding looks
/// these up, rather than comparing itself with every open region.
fn selectors_of(m: &RuleMeta) -> Vec<&str> {
    let q = m.qualified.as_str();
    let mut out = vec![q, m.id.as_str(), m.pack.as_str()];
    if let Some(slash) = q.find('/') {
        for k in slash + 1..q.len() {
            if q.is_char_boundary(k) && (q[..k].ends_with(['-', '/']) || q[k..].starts_with('-')) {
                out.push(&q[..k]);
            }
        }
    }
    out
}

/// Findings sorted into kept and suppressed, and the suppressions that silenced nothing.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Findings that count.
    pub kept: Vec<Finding>,
    /// Findings a directive silenced.
    pub suppressed: Vec<Finding>,
    /// One finding of rule `pitchlint/unused-disable` per directive (and rule) that silenced
    /// nothing.
    pub unused: Vec<Finding>,
    /// Misspelt directives (`pitchlint/unknown-directive`) and names of no loaded rule
    /// (`pitchlint/unknown-rule`): always reported.
    pub unknown: Vec<Finding>,
}

fn regions(source: &str, dirs: &[Directive]) -> Vec<Region> {
    let index = LineIndex::new(source);
    let mut out: Vec<Region> = Vec::new();
    // The regions still open, by selector: an enable closes its own selectors' only (a file
    // may hold thousands of disables that are never closed).
    let mut open: HashMap<Option<String>, Vec<usize>> = HashMap::new();
    let targets = |d: &Directive| -> Vec<(Option<String>, Range<usize>)> {
        if d.rules.is_empty() {
            vec![(None, d.span.clone())]
        } else {
            let names = d.names.iter().cloned();
            d.rules.iter().cloned().map(Some).zip(names).collect()
        }
    };
    for d in dirs {
        match d.action {
            Action::Disable => {
                for (rule, at) in targets(d) {
                    open.entry(rule.clone()).or_default().push(out.len());
                    out.push(Region {
                        rule,
                        at,
                        range: d.span.end..source.len(),
                    });
                }
            }
            Action::Enable => {
                let closed: Vec<Vec<usize>> = if d.rules.is_empty() {
                    open.drain().map(|(_, list)| list).collect()
                } else {
                    d.rules
                        .iter()
                        .filter_map(|x| open.remove(&Some(x.clone())))
                        .collect()
                };
                for r in closed.into_iter().flatten() {
                    out[r].range.end = d.span.start;
                }
            }
            Action::Unknown => {}
            Action::DisableNextLine => {
                let line = index.line_of(d.span.end.saturating_sub(1).max(d.span.start)) + 1;
                let range = if line < index.len() {
                    index.line_range(source, line)
                } else {
                    source.len()..source.len()
                };
                // A line's end belongs to it, so an empty span at its end is covered too.
                let range = range.start..range.end + 1;
                for (rule, at) in targets(d) {
                    out.push(Region {
                        rule,
                        at,
                        range: range.clone(),
                    });
                }
            }
        }
    }
    out
}

/// The built-in rules of suppression comments, for [`crate::builtin::rules`].
pub(crate) fn rules() -> [Arc<RuleMeta>; 3] {
    [unused_meta(), unknown_directive_meta(), unknown_rule_meta()]
}

fn unused_meta() -> Arc<RuleMeta> {
    static META: LazyLock<Arc<RuleMeta>> = LazyLock::new(|| {
        crate::builtin::meta(
            "unused-disable",
            Severity::Warning,
            0,
            "This suppression silenced nothing: remove it.",
            "A suppression that silences nothing hides future findings for no reason.",
        )
    });
    Arc::clone(&META)
}

fn unknown_directive_meta() -> Arc<RuleMeta> {
    static META: LazyLock<Arc<RuleMeta>> = LazyLock::new(|| {
        crate::builtin::meta(
            "unknown-directive",
            Severity::Warning,
            0,
            "Unknown suppression directive.",
            "A misspelt suppression silences nothing; saying so is better than failing silently.",
        )
    });
    Arc::clone(&META)
}

fn unknown_rule_meta() -> Arc<RuleMeta> {
    static META: LazyLock<Arc<RuleMeta>> = LazyLock::new(|| {
        crate::builtin::meta(
            "unknown-rule",
            Severity::Warning,
            0,
            "This suppression names no loaded rule or pack.",
            "A misspelt rule name in a suppression silences nothing; saying so is better than \
             failing silently.",
        )
    });
    Arc::clone(&META)
}

fn warning(meta: Arc<RuleMeta>, span: Range<usize>, message: String) -> Finding {
    Finding {
        rule: meta,
        span,
        scope: Scope::NONE,
        whole: false,
        message: Some(message.into()),
        strength: 1.0,
        replacements: Default::default(),
    }
}

/// Misspelt directives and names that match none of `rules` nor of `off` (the packs' rules a
/// selection turned off: naming one is no typo). Built-in `pitchlint/…` names always match.
/// A warning about a name points at the name (a directive may name thousands).
fn unknown(dirs: &[Directive], rules: &[Arc<RuleMeta>], off: &[Arc<RuleMeta>]) -> Vec<Finding> {
    let mut out = Vec::new();
    let loaded: Vec<&Arc<RuleMeta>> = rules.iter().collect();
    // Each distinct unknown name's "did you mean", worked out once.
    let mut near: std::collections::HashMap<&str, String> = Default::default();
    for d in dirs {
        if d.action == Action::Unknown {
            out.push(warning(
                unknown_directive_meta(),
                d.span.clone(),
                format!("unknown directive `{}`: expected {KNOWN}", d.name),
            ));
            continue;
        }
        for (r, at) in d.rules.iter().zip(&d.names) {
            let known = r == "pitchlint"
                || r.starts_with("pitchlint/")
                || rules.iter().chain(off).any(|m| specificity(r, m).is_some());
            if !known {
                out.push(warning(
                    unknown_rule_meta(),
                    at.clone(),
                    format!(
                        "`{r}` names no loaded rule or pack{}: this suppression silences nothing (see `pitchlint rules`)",
                        near.entry(r.as_str())
                            .or_insert_with(|| crate::config::select::near_rules(r, &loaded))
                    ),
                ));
            }
        }
    }
    out
}

/// Sort `findings` of the document `source` into kept and suppressed, and check the names
/// directives use against `rules` (the loaded ones) and `off` (those a selection turned off).
/// Findings inside a directive itself are dropped.
///
/// `extent` gives what a finding about a whole part is about (see
/// [`crate::rule::part_extent`]): a directive that names no rule silences it only
/// when its region covers all of that, not just the line where it is shown (a bare
/// `pitchlint-disable-next-line` over a draft's first line meant that line's phrases, not the
/// draft's length). A directive that names its rule silences it where it is shown too.
pub fn apply(
    source: &str,
    findings: Vec<Finding>,
    rules: &[Arc<RuleMeta>],
    off: &[Arc<RuleMeta>],
    extent: &dyn Fn(&Finding) -> Option<Range<usize>>,
) -> Outcome {
    let dirs = directives(source);
    if dirs.is_empty() {
        return Outcome {
            kept: findings,
            ..Outcome::default()
        };
    }
    let regions = regions(source, &dirs);
    let mut out = Outcome {
        unknown: unknown(&dirs, rules, off),
        ..Outcome::default()
    };
    // The directives' spans, merged, and the regions by where they start: a finding is
    // looked up in both, not compared with every directive (a long file may have thousands).
    let spans = crate::document::links::merge(
        &[],
        &dirs.iter().map(|d| d.span.clone()).collect::<Vec<_>>(),
    );
    let mut by_start: Vec<usize> = (0..regions.len()).collect();
    by_start.sort_by_key(|&i| regions[i].range.start);
    // Findings come in order of their starts. The regions open at a finding's start are
    // grouped by selector, so that a finding looks up the few selectors that name its rule
    // (thousands of disables that are never closed would otherwise each be compared with every
    // later finding). A group's regions that no finding has used yet wait in `fresh`.
    #[derive(Default)]
    struct Group {
        open: usize,
        fresh: Vec<usize>,
    }
    let mut groups: HashMap<Option<&str>, Group> = HashMap::new();
    let mut ends: BinaryHeap<Reverse<(usize, usize)>> = BinaryHeap::new();
    let mut closed = vec![false; regions.len()];
    let mut used = vec![false; regions.len()];
    let mut order: Vec<usize> = (0..findings.len()).collect();
    if !findings.is_sorted_by_key(|f| f.span.start) {
        order.sort_by_key(|&i| findings[i].span.start);
    }
    let mut verdict = vec![Verdict::Kept; findings.len()];
    let mut next = 0;
    for i in order {
        let at = findings[i].span.start;
        // A directive is not prose: what it names (`seed/partner-close`) is not a finding.
        // (A finding about a whole part or the whole draft is no text of one, though it may
        // be shown at its line: a draft with no message, under a directive on its first line.)
        let before = spans.partition_point(|s| s.start <= at);
        if !findings[i].whole && before > 0 && spans[before - 1].contains(&at) {
            verdict[i] = Verdict::Dropped;
            continue;
        }
        while let Some(&r) = by_start
            .get(next)
            .filter(|&&r| regions[r].range.start <= at)
        {
            ends.push(Reverse((regions[r].range.end, r)));
            let group = groups.entry(regions[r].rule.as_deref()).or_default();
            group.open += 1;
            group.fresh.push(r);
            next += 1;
        }
        while let Some(&Reverse((_, r))) = ends.peek().filter(|e| e.0.0 <= at) {
            ends.pop();
            closed[r] = true;
            if let Some(group) = groups.get_mut(&regions[r].rule.as_deref()) {
                group.open -= 1;
            }
        }
        let rule = &findings[i].rule;
        for sel in selectors_of(rule).into_iter().map(Some) {
            if let Some(group) = groups.get_mut(&sel).filter(|g| g.open > 0) {
                verdict[i] = Verdict::Suppressed;
                for r in group.fresh.drain(..) {
                    used[r] |= !closed[r];
                }
            }
        }
        match extent(&findings[i]) {
            // About a whole part (a draft has a few): the regions that cover all of it,
            // bare or naming its rule, wherever the finding is shown (a draft with no message
            // shows its findings at its start, where a directive on line 1 is).
            Some(part) => {
                let names = selectors_of(rule);
                for (r, region) in regions.iter().enumerate() {
                    if region
                        .rule
                        .as_deref()
                        .is_none_or(|sel| names.contains(&sel))
                        && region.range.start <= part.start
                        && part.end <= region.range.end
                    {
                        verdict[i] = Verdict::Suppressed;
                        used[r] = true;
                    }
                }
            }
            None => {
                if let Some(group) = groups.get_mut(&None).filter(|g| g.open > 0) {
                    verdict[i] = Verdict::Suppressed;
                    for r in group.fresh.drain(..) {
                        used[r] |= !closed[r];
                    }
                }
            }
        }
    }
    for (f, v) in findings.into_iter().zip(verdict) {
        match v {
            Verdict::Kept => out.kept.push(f),
            Verdict::Suppressed => out.suppressed.push(f),
            Verdict::Dropped => {}
        }
    }
    // A name of rules this run turned off only (`--select`, `--ignore`): that it silenced
    // nothing says nothing, and "remove it" would be wrong advice.
    let off_only = |x: &str| {
        !rules.iter().any(|m| specificity(x, m).is_some())
            && off.iter().any(|m| specificity(x, m).is_some())
    };
    // A name of no rule is already reported as unknown, at the name.
    let unknown_at: HashSet<usize> = out
        .unknown
        .iter()
        .filter(|u| Arc::ptr_eq(&u.rule, &unknown_rule_meta()))
        .map(|u| u.span.start)
        .collect();
    for (r, _) in regions.iter().zip(&used).filter(|(_, used)| !**used) {
        if r.rule.as_deref().is_some_and(off_only) {
            continue;
        }
        if r.rule.is_some() && unknown_at.contains(&r.at.start) {
            continue;
        }
        let what = match &r.rule {
            Some(rule) => format!("this suppression of `{rule}` silenced nothing: remove it"),
            None => "this suppression silenced nothing: remove it".to_string(),
        };
        out.unused.push(Finding {
            rule: unused_meta(),
            span: r.at.clone(),
            scope: Scope::NONE,
            whole: false,
            message: Some(what.into()),
            strength: 1.0,
            replacements: Default::default(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(q: &str) -> Arc<RuleMeta> {
        let (pack, id) = q.split_once('/').unwrap();
        let mut m = RuleMeta::clone(&unused_meta());
        m.pack = pack.into();
        m.id = id.into();
        m.qualified = q.into();
        Arc::new(m)
    }

    fn at(source: &str, needle: &str, rule: &str) -> Finding {
        let start = source.find(needle).unwrap();
        Finding {
            rule: meta(rule),
            span: start..start + needle.len(),
            scope: Scope::BODY,
            whole: false,
            message: None,
            strength: 1.0,
            replacements: Default::default(),
        }
    }

    #[test]
    fn parses_both_forms() {
        let d = directives(
            "<!-- pitchlint-disable seed/a, sales -- we mean it -->\nx\npitchlint-enable\n  pitchlint-disable-next-line\n",
        );
        assert_eq!(d.len(), 3);
        assert_eq!(d[0].action, Action::Disable);
        assert_eq!(d[0].rules, ["seed/a", "sales"]);
        assert_eq!(d[1].action, Action::Enable);
        assert!(d[2].rules.is_empty());
        assert_eq!(d[2].action, Action::DisableNextLine);
        // Not a directive: words around it.
        assert!(directives("please pitchlint-disable this\n").is_empty());
    }

    #[test]
    fn a_comment_over_several_lines_ends_where_it_closes() {
        let s = "<!--\n  pitchlint-disable-next-line seed/a\n-->\nfoo\nbar\n";
        let d = directives(s);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].action, Action::DisableNextLine);
        assert_eq!(d[0].rules, ["seed/a"]);
        assert_eq!(
            &s[d[0].span.clone()],
            "<!--\n  pitchlint-disable-next-line seed/a\n-->"
        );
    }

    #[test]
    fn next_line_covers_only_the_next_line() {
        let s = "pitchlint-disable-next-line seed/a\nfoo\nfoo\n";
        assert_eq!(&s[39..42], "foo");
        let one = at(s, "foo", "seed/a");
        let mut two = one.clone();
        two.span = 39..42;
        let o = apply(s, vec![one, two], &[meta("seed/a")], &[], &|_| None);
        assert_eq!((o.kept.len(), o.suppressed.len()), (1, 1));
        assert_eq!(o.kept[0].span.start, 39);
        assert!(o.unused.is_empty());
    }

    #[test]
    fn findings_out_of_order_meet_every_region_that_covers_them() {
        // Two directives on one line: the disable's region starts before the earlier
        // directive's next line does. Findings come in no order, one inside a directive.
        let s = "<!-- pitchlint-disable-next-line seed/a --> <!-- pitchlint-disable sales/x -->\nAAA\nBBB\n<!-- pitchlint-enable -->\nCCC\n";
        let mut named = at(s, "seed/a", "seed/a");
        named.span.start += 1;
        let f = vec![
            at(s, "CCC", "sales/x"),
            at(s, "BBB", "seed/a"),
            at(s, "AAA", "seed/a"),
            at(s, "BBB", "sales/x"),
            named,
        ];
        let o = apply(s, f, &[meta("seed/a"), meta("sales/x")], &[], &|_| None);
        let text = |v: &[Finding]| -> Vec<String> {
            v.iter()
                .map(|f| format!("{} {}", &s[f.span.clone()], f.rule.qualified))
                .collect()
        };
        // Kept and suppressed keep the order they came in; the one in a directive is gone.
        assert_eq!(text(&o.kept), ["CCC sales/x", "BBB seed/a"]);
        assert_eq!(text(&o.suppressed), ["AAA seed/a", "BBB sales/x"]);
        assert!(o.unused.is_empty(), "{:?}", text(&o.unused));
    }

    #[test]
    fn a_rule_is_looked_up_under_exactly_the_selectors_that_name_it() {
        let sels = [
            "sales/no-fluff-talk",
            "no-fluff-talk",
            "sales",
            "sales/",
            "sales/no-",
            "sales/no",
            "sales/no-fluff",
            "sales/no-fluff-",
            "sales/no-f",
            "sales/no-fluff-talk-",
            "sale",
            "no-fluff",
            "fluff-talk",
            "s",
            "seed/no-fluff-talk",
            "/",
            "sales/no-fluff-talk/",
        ];
        for q in ["sales/no-fluff-talk", "sales/x", "p/é-a", "sales/-a-"] {
            let m = meta(q);
            let found = selectors_of(&m);
            for sel in sels.iter().copied().chain(found.iter().copied()) {
                assert_eq!(
                    found.contains(&sel),
                    specificity(sel, &m).is_some(),
                    "{sel:?} for {q}"
                );
            }
        }
    }

    #[test]
    fn disables_never_closed_and_enables_of_other_rules_keep_their_meaning() {
        // Each disable stays open to the end; each enable closes only the rule it names.
        let mut s = String::new();
        for _ in 0..3 {
            s.push_str(
                "<!-- pitchlint-disable seed/a -->\n<!-- pitchlint-enable sales/x -->\nAAA\n",
            );
        }
        s.push_str(
            "<!-- pitchlint-disable sales/x -->\nBBB\n<!-- pitchlint-enable seed/a -->\nCCC\n",
        );
        let f = vec![
            at(&s, "AAA", "seed/a"),
            at(&s, "AAA", "sales/x"),
            at(&s, "BBB", "seed/a"),
            at(&s, "BBB", "sales/x"),
            at(&s, "CCC", "seed/a"),
            at(&s, "CCC", "sales/x"),
        ];
        let o = apply(&s, f, &[meta("seed/a"), meta("sales/x")], &[], &|_| None);
        let names = |v: &[Finding]| -> Vec<String> {
            v.iter()
                .map(|f| format!("{} {}", &s[f.span.clone()], f.rule.qualified))
                .collect()
        };
        assert_eq!(names(&o.kept), ["AAA sales/x", "CCC seed/a"]);
        assert_eq!(
            names(&o.suppressed),
            ["AAA seed/a", "BBB seed/a", "BBB sales/x", "CCC sales/x"]
        );
        // The second and third `seed/a` disables were open over a `seed/a` finding too (BBB).
        assert!(o.unused.is_empty(), "{:?}", names(&o.unused));
    }

    #[test]
    fn a_region_closed_before_a_finding_is_not_used_by_it() {
        let s = "<!-- pitchlint-disable seed/a -->\n<!-- pitchlint-enable seed/a -->\n<!-- pitchlint-disable seed/a -->\nAAA\n";
        let o = apply(
            s,
            vec![at(s, "AAA", "seed/a")],
            &[meta("seed/a")],
            &[],
            &|_| None,
        );
        assert_eq!(o.suppressed.len(), 1);
        // The first disable closed before AAA: it silenced nothing, and is named where it is.
        assert_eq!(o.unused.len(), 1);
        assert_eq!(o.unused[0].span, 23..29);
        assert_eq!(&s[o.unused[0].span.clone()], "seed/a");
    }

    #[test]
    fn a_warning_about_a_name_points_at_the_name() {
        let s = "pitchlint-disable-next-line sales, salez seed/a -- why\nfoo\n";
        let d = directives(s);
        let names: Vec<&str> = d[0].names.iter().map(|r| &s[r.clone()]).collect();
        assert_eq!(names, ["sales", "salez", "seed/a"]);
        let o = apply(
            s,
            vec![at(s, "foo", "seed/a")],
            &[meta("seed/a"), meta("sales/x")],
            &[],
            &|_| None,
        );
        assert_eq!(o.unknown.len(), 1);
        assert_eq!(&s[o.unknown[0].span.clone()], "salez");
        // `sales` silenced nothing, even though the warning about `salez` suggests it.
        assert!(
            o.unknown[0].message().contains("`sales`"),
            "{}",
            o.unknown[0].message()
        );
        assert_eq!(o.unused.len(), 1);
        assert_eq!(&s[o.unused[0].span.clone()], "sales");
        assert!(o.unused[0].message().contains("`sales`"));
    }

    #[test]
    fn disable_until_enable_and_unused_ones() {
        let s = "AAA\n<!-- pitchlint-disable seed -->\nBBB\n<!-- pitchlint-enable seed -->\nCCC\npitchlint-disable sales/x\n";
        let f = vec![
            at(s, "AAA", "seed/r"),
            at(s, "BBB", "seed/r"),
            at(s, "CCC", "seed/r"),
        ];
        let o = apply(s, f, &[meta("seed/r"), meta("sales/x")], &[], &|_| None);
        assert_eq!(o.kept.len(), 2);
        assert_eq!(o.suppressed.len(), 1);
        assert_eq!(o.unused.len(), 1);
        assert!(o.unused[0].message().contains("`sales/x`"));
    }

    #[test]
    fn typos_are_reported_and_comment_prefixes_accepted() {
        let s = "<!-- pitchlint-disable-line -->\nfoo\npitchlint-disable-next-line salez\nfoo\n# pitchlint-disable-next-line seed/a\nfoo\n// pitchlint-enable\n";
        let d = directives(s);
        let actions: Vec<Action> = d.iter().map(|d| d.action).collect();
        assert_eq!(
            actions,
            [
                Action::Unknown,
                Action::DisableNextLine,
                Action::DisableNextLine,
                Action::Enable
            ]
        );
        assert!(d[0].rules.is_empty(), "{:?}", d[0].rules);
        let hit = at(s, "seed/a", "seed/a");
        let o = apply(s, vec![hit], &[meta("seed/a")], &[], &|_| None);
        // The name inside the `#` directive is not a finding.
        assert!(o.kept.is_empty());
        let msgs: Vec<(String, String)> = o
            .unknown
            .iter()
            .map(|f| (f.rule.qualified.clone(), f.message().to_string()))
            .collect();
        assert_eq!(msgs.len(), 2, "{msgs:?}");
        assert_eq!(msgs[0].0, "pitchlint/unknown-directive");
        assert!(
            msgs[0].1.contains("`pitchlint-disable-line`"),
            "{}",
            msgs[0].1
        );
        assert_eq!(msgs[1].0, "pitchlint/unknown-rule");
        assert!(msgs[1].1.contains("`salez`"), "{}", msgs[1].1);
    }
}
