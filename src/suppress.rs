//! Inline suppressions: `pitchlint-disable RULE…`, `pitchlint-enable RULE…` and
//! `pitchlint-disable-next-line RULE…`, in an HTML comment (`<!-- … -->`, for Markdown and
//! HTML) or on a line of their own (plain text and email bodies). No rule means every rule.
//! A rule is named as in the config's `select`: `pack/id`, a bare id, a pack, or a prefix.
//! Text after ` -- ` is a reason and is ignored.
//!
//! Data flow: the source text → directives → byte regions, each for one selector → each
//! finding is kept or suppressed. Regions that silenced nothing can be reported.

use std::ops::Range;
use std::sync::{Arc, LazyLock};

use regex::Regex;

use crate::config::select::specificity;
use crate::document::Scope;
use crate::position::LineIndex;
use crate::rule::{Finding, RuleMeta, Severity};

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--[ \t]*(pitchlint-(?:disable-next-line|disable|enable))\b(.*?)-->")
        .unwrap_or_else(|e| panic!("suppression regex: {e}"))
});
static OWN_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(pitchlint-(?:disable-next-line|disable|enable))(?:[ \t]+([^\r\n]*?))?[ \t]*\r?$")
        .unwrap_or_else(|e| panic!("suppression regex: {e}"))
});

/// What a directive does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// `pitchlint-disable`: from here to a matching `pitchlint-enable` or the end.
    Disable,
    /// `pitchlint-enable`: ends earlier `pitchlint-disable`s.
    Enable,
    /// `pitchlint-disable-next-line`: the line below.
    DisableNextLine,
}

/// One suppression comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    /// What it does.
    pub action: Action,
    /// The rules it names; empty means every rule.
    pub rules: Vec<String>,
    /// Where it is in the source.
    pub span: Range<usize>,
}

/// Every directive in `source`, in order.
pub fn directives(source: &str) -> Vec<Directive> {
    let mut out = Vec::new();
    for re in [&*COMMENT, &*OWN_LINE] {
        for c in re.captures_iter(source) {
            let (Some(all), Some(name)) = (c.get(0), c.get(1)) else {
                continue;
            };
            let action = match name.as_str() {
                "pitchlint-disable" => Action::Disable,
                "pitchlint-enable" => Action::Enable,
                _ => Action::DisableNextLine,
            };
            let args = c.get(2).map_or("", |m| m.as_str());
            let args = args.split(" -- ").next().unwrap_or("");
            let rules = args
                .split(|ch: char| ch.is_whitespace() || ch == ',')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            out.push(Directive {
                action,
                rules,
                span: all.start()..all.end(),
            });
        }
    }
    out.sort_by_key(|d| d.span.start);
    out
}

/// A stretch of the source where one selector (or every rule) is off.
#[derive(Debug)]
struct Region {
    directive: usize,
    rule: Option<String>,
    range: Range<usize>,
    used: bool,
}

impl Region {
    fn covers(&self, f: &Finding) -> bool {
        self.range.contains(&f.span.start)
            && self
                .rule
                .as_ref()
                .is_none_or(|r| specificity(r, &f.rule).is_some())
    }
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
}

fn regions(source: &str, dirs: &[Directive]) -> Vec<Region> {
    let index = LineIndex::new(source);
    let mut out: Vec<Region> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let targets = |d: &Directive| -> Vec<Option<String>> {
        if d.rules.is_empty() {
            vec![None]
        } else {
            d.rules.iter().cloned().map(Some).collect()
        }
    };
    for (i, d) in dirs.iter().enumerate() {
        match d.action {
            Action::Disable => {
                for rule in targets(d) {
                    open.push(out.len());
                    out.push(Region {
                        directive: i,
                        rule,
                        range: d.span.end..source.len(),
                        used: false,
                    });
                }
            }
            Action::Enable => open.retain(|&r| {
                let region = &mut out[r];
                let closes =
                    d.rules.is_empty() || region.rule.as_ref().is_some_and(|x| d.rules.contains(x));
                if closes {
                    region.range.end = d.span.start;
                }
                !closes
            }),
            Action::DisableNextLine => {
                let line = index.line_of(d.span.end.saturating_sub(1).max(d.span.start)) + 1;
                let range = if line < index.len() {
                    index.line_range(source, line)
                } else {
                    source.len()..source.len()
                };
                // A line's end belongs to it, so an empty span at its end is covered too.
                let range = range.start..range.end + 1;
                for rule in targets(d) {
                    out.push(Region {
                        directive: i,
                        rule,
                        range: range.clone(),
                        used: false,
                    });
                }
            }
        }
    }
    out
}

fn unused_meta() -> Arc<RuleMeta> {
    static META: LazyLock<Arc<RuleMeta>> = LazyLock::new(|| {
        Arc::new(RuleMeta {
            pack: "pitchlint".into(),
            id: "unused-disable".into(),
            qualified: "pitchlint/unused-disable".into(),
            kind: "suppression",
            message: "This suppression silenced nothing: remove it.".into(),
            weight: 0,
            severity: Severity::Warning,
            scope: Scope::NONE,
            suggest: None,
            rationale: "A suppression that silences nothing hides future findings for no reason."
                .into(),
            examples: Default::default(),
            source: "<pitchlint>".into(),
        })
    });
    Arc::clone(&META)
}

/// Sort `findings` of the document `source` into kept and suppressed. Findings inside a
/// directive itself are dropped.
pub fn apply(source: &str, findings: Vec<Finding>) -> Outcome {
    let dirs = directives(source);
    if dirs.is_empty() {
        return Outcome {
            kept: findings,
            ..Outcome::default()
        };
    }
    let mut regions = regions(source, &dirs);
    let mut out = Outcome::default();
    for f in findings {
        // A directive is not prose: what it names (`seed/partner-close`) is not a finding.
        if dirs.iter().any(|d| d.span.contains(&f.span.start)) {
            continue;
        }
        let mut hit = false;
        for r in regions.iter_mut().filter(|r| r.covers(&f)) {
            r.used = true;
            hit = true;
        }
        if hit {
            out.suppressed.push(f);
        } else {
            out.kept.push(f);
        }
    }
    for r in regions.iter().filter(|r| !r.used) {
        let d = &dirs[r.directive];
        let what = match &r.rule {
            Some(rule) => format!("this suppression of `{rule}` silenced nothing: remove it"),
            None => "this suppression silenced nothing: remove it".to_string(),
        };
        out.unused.push(Finding {
            rule: unused_meta(),
            span: d.span.clone(),
            scope: Scope::NONE,
            message: Some(what),
            strength: 1.0,
            replacements: Vec::new(),
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
            message: None,
            strength: 1.0,
            replacements: Vec::new(),
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
    fn next_line_covers_only_the_next_line() {
        let s = "pitchlint-disable-next-line seed/a\nfoo\nfoo\n";
        assert_eq!(&s[39..42], "foo");
        let one = at(s, "foo", "seed/a");
        let mut two = one.clone();
        two.span = 39..42;
        let o = apply(s, vec![one, two]);
        assert_eq!((o.kept.len(), o.suppressed.len()), (1, 1));
        assert_eq!(o.kept[0].span.start, 39);
        assert!(o.unused.is_empty());
    }

    #[test]
    fn disable_until_enable_and_unused_ones() {
        let s = "AAA\n<!-- pitchlint-disable seed -->\nBBB\n<!-- pitchlint-enable seed -->\nCCC\npitchlint-disable sales/x\n";
        let f = vec![
            at(s, "AAA", "seed/r"),
            at(s, "BBB", "seed/r"),
            at(s, "CCC", "seed/r"),
        ];
        let o = apply(s, f);
        assert_eq!(o.kept.len(), 2);
        assert_eq!(o.suppressed.len(), 1);
        assert_eq!(o.unused.len(), 1);
        assert!(o.unused[0].message().contains("`sales/x`"));
    }
}
