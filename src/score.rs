//! Score: findings → an integer from 0 to 100, pass or fail, and the breakdown that explains it.
//!
//! The formula (documented in the README with a worked example):
//! * every draft starts at [`BASE`] (70): an empty draft is not a good pitch;
//! * a reward rule (weight > 0) counts once, however often and wherever it fires, and all
//!   rewards together add at most [`REWARD_CAP`] (30): "quality quality quality" is not a
//!   better pitch;
//! * a penalty rule (weight < 0) counts per part of the pitch: in full the first time in a
//!   part, then half as much each time again in that part (w, w/2, w/4 …), so one rule costs
//!   at most twice its weight per part, and the same mistake in the opening and in the closing
//!   is two mistakes;
//! * each finding carries a strength in (0, 1]: 1 for a match; for a measure just past its
//!   threshold less, rising to 1 where the rule says the penalty is full (metrics saturate);
//! * score = round(70 + min(rewards, 30) + penalties), clamped to 0..=100.
//!
//! A file fails the gate when it has a finding (not a reward: rewards never fail a file) at or
//! above the failing severity (`error` by
//! default), or when its score is below the minimum score, if one is set.

use std::sync::Arc;

use serde::Serialize;

use crate::document::Scope;
use crate::rule::{Finding, RuleMeta, Severity};

/// Where every draft starts.
pub const BASE: i32 = 70;
/// The most that rewards can add together.
pub const REWARD_CAP: i32 = 30;

/// When a file fails.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Gate {
    /// A score below this fails the file.
    pub min_score: Option<u8>,
    /// A finding of this severity or above fails the file.
    pub fail_on: Severity,
}

/// The minimum score when none is configured.
pub const DEFAULT_MIN_SCORE: u8 = 50;

impl Default for Gate {
    fn default() -> Self {
        Gate {
            min_score: Some(DEFAULT_MIN_SCORE),
            fail_on: Severity::Error,
        }
    }
}

/// One rule's share of the score.
#[derive(Clone, Debug, Serialize)]
pub struct ScoreLine {
    /// The rule.
    #[serde(serialize_with = "qualified")]
    pub rule: Arc<RuleMeta>,
    /// How many findings it had.
    pub hits: usize,
    /// The points it moved the score by (before the reward cap).
    pub points: f64,
    /// The part of the pitch a penalty counts in; none for a reward, which counts once.
    pub part: Scope,
}

fn qualified<S: serde::Serializer>(m: &Arc<RuleMeta>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&m.qualified)
}

/// A file's score and why.
#[derive(Clone, Debug, Serialize)]
pub struct Score {
    /// 0..=100.
    pub score: u8,
    /// Whether the file passes the gate.
    pub passed: bool,
    /// The starting point.
    pub base: i32,
    /// Sum of rewards after the cap.
    pub rewards: f64,
    /// Whether the reward cap cut the rewards.
    pub rewards_capped: bool,
    /// Sum of penalties (negative).
    pub penalties: f64,
    /// Each rule that moved the score, largest effect first.
    pub breakdown: Vec<ScoreLine>,
    /// Why the file failed, when it did.
    pub reasons: Vec<String>,
}

/// How one finding counts in the score (see [`shares`]).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Share {
    /// The points it moves the score by (before the reward cap).
    pub points: f64,
    /// For a penalty, how many findings of its rule came before it in its part (its points
    /// are 1/2^k of its cost); 0 for a reward.
    pub again: u32,
}

/// Each finding's points as the score counts them (before the reward cap), in the order of
/// `findings`: a penalty's k-th finding in its part counts 1/2^k of its cost, and a reward
/// counts once, at its strongest finding (the first of those), and nothing elsewhere.
pub fn shares(findings: &[Finding]) -> Vec<Share> {
    let mut shares = vec![Share::default(); findings.len()];
    tally(findings, |i, share| shares[i] = share);
    shares
}

/// A reward's strongest finding: its index and strength.
type Strongest = (usize, f64);

/// The score lines of `findings` (unsorted, those of no points kept); `share` is told each
/// penalty's share and each reward's counted one (see [`shares`]).
fn tally(findings: &[Finding], mut share: impl FnMut(usize, Share)) -> Vec<ScoreLine> {
    // Each line, the divisor of its next penalty, and its strongest reward so far.
    let mut lines: Vec<(ScoreLine, f64, Option<Strongest>)> = Vec::new();
    for (i, f) in findings.iter().enumerate() {
        let reward = f.rule.is_reward();
        let same = |l: &ScoreLine| {
            (Arc::ptr_eq(&l.rule, &f.rule) || l.rule.qualified == f.rule.qualified)
                && (reward || l.part == f.scope)
        };
        let at = match lines.iter().position(|(l, ..)| same(l)) {
            Some(at) => {
                lines[at].0.hits += 1;
                at
            }
            None => {
                let line = ScoreLine {
                    rule: Arc::clone(&f.rule),
                    hits: 1,
                    points: 0.0,
                    part: if reward { Scope::NONE } else { f.scope },
                };
                lines.push((line, 1.0, None));
                lines.len() - 1
            }
        };
        let (line, div, best) = &mut lines[at];
        let strength = f.strength.clamp(0.0, 1.0);
        if reward {
            if best.is_none_or(|(_, b)| strength > b) {
                *best = Some((i, strength));
            }
        } else {
            // 2^k is exact until it overflows (k = 1024); from there every term is zero.
            let points = if div.is_infinite() {
                0.0
            } else {
                f64::from(line.rule.weight) * strength / *div
            };
            let again = u32::try_from(line.hits - 1).unwrap_or(u32::MAX);
            share(i, Share { points, again });
            line.points += points;
            *div *= 2.0;
        }
    }
    lines
        .into_iter()
        .map(|(mut line, _, best)| {
            if let Some((i, strength)) = best {
                line.points = f64::from(line.rule.weight) * strength;
                share(
                    i,
                    Share {
                        points: line.points,
                        again: 0,
                    },
                );
            }
            line
        })
        .collect()
}

/// Score one file's findings against the gate.
pub fn score(findings: &[Finding], gate: &Gate) -> Score {
    let mut lines = tally(findings, |_, _| {});
    let (mut rewards, mut penalties) = (0.0, 0.0);
    for l in &lines {
        if l.points > 0.0 {
            rewards += l.points;
        } else {
            penalties += l.points;
        }
    }
    let rewards_capped = rewards > f64::from(REWARD_CAP);
    let rewards = rewards.min(f64::from(REWARD_CAP));
    let raw = (f64::from(BASE) + rewards + penalties).round();
    let score = raw.clamp(0.0, 100.0) as u8;
    lines.retain(|l| l.points != 0.0);
    lines.sort_by(|a, b| {
        b.points
            .abs()
            .total_cmp(&a.points.abs())
            .then_with(|| a.rule.qualified.cmp(&b.rule.qualified))
            .then_with(|| a.part.cmp(&b.part))
    });

    let mut reasons = Vec::new();
    let failing = findings
        .iter()
        .filter(|f| !f.rule.is_reward() && f.rule.severity >= gate.fail_on)
        .count();
    if failing > 0 {
        reasons.push(format!(
            "{failing} finding{} of severity {} or above",
            if failing == 1 { "" } else { "s" },
            gate.fail_on
        ));
    }
    if let Some(min) = gate.min_score
        && score < min
    {
        reasons.push(format!("score {score} is below the minimum of {min}"));
    }
    Score {
        score,
        passed: reasons.is_empty(),
        base: BASE,
        rewards,
        rewards_capped,
        penalties,
        breakdown: lines,
        reasons,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(id: &str, weight: i32, severity: Severity) -> Arc<RuleMeta> {
        Arc::new(RuleMeta {
            pack: "t".into(),
            id: id.into(),
            qualified: format!("t/{id}"),
            kind: "phrase",
            message: "m".into(),
            weight,
            profile_weights: [None; 3],
            severity,
            scope: Scope::DEFAULT,
            except: Scope::NONE,
            profiles: crate::profile::Profiles::ALL,
            needs: Vec::new(),
            suggest: None,
            rationale: Default::default(),
            examples: Default::default(),
            source: "t.toml".into(),
        })
    }

    fn findings(rule: &Arc<RuleMeta>, n: usize) -> Vec<Finding> {
        (0..n)
            .map(|i| Finding {
                rule: Arc::clone(rule),
                span: i..i + 1,
                scope: Scope::BODY,
                whole: false,
                message: None,
                strength: 1.0,
                replacements: Default::default(),
            })
            .collect()
    }

    #[test]
    fn empty_draft_is_not_perfect() {
        let s = score(&[], &Gate::default());
        assert_eq!(s.score, 70);
        assert!(s.passed);
    }

    #[test]
    fn repeating_a_reward_does_not_raise_the_score() {
        let q = meta("quality", 5, Severity::Info);
        assert_eq!(score(&findings(&q, 1), &Gate::default()).score, 75);
        assert_eq!(score(&findings(&q, 5), &Gate::default()).score, 75);
    }

    #[test]
    fn rewards_are_capped() {
        let all: Vec<Finding> = (0..10)
            .flat_map(|i| findings(&meta(&format!("r{i}"), 10, Severity::Info), 1))
            .collect();
        let s = score(&all, &Gate::default());
        assert_eq!(s.score, 100);
        assert!(s.rewards_capped);
    }

    /// Each finding's share is what the breakdown adds up: a penalty's shares halve in order
    /// within its part, a reward counts at its strongest finding only.
    #[test]
    fn shares_add_up_to_the_breakdown() {
        let p = meta("partner", -8, Severity::Warning);
        let q = meta("quality", 6, Severity::Info);
        let mut all = findings(&p, 3);
        all.extend(findings(&q, 3));
        all[4].strength = 0.5;
        all[3].strength = 0.25;
        all[2].scope = Scope::CLOSING;
        let shares = shares(&all);
        let points: Vec<f64> = shares.iter().map(|s| s.points).collect();
        assert_eq!(points, [-8.0, -4.0, -8.0, 0.0, 0.0, 6.0]);
        let again: Vec<u32> = shares.iter().map(|s| s.again).collect();
        assert_eq!(again, [0, 1, 0, 0, 0, 0]);
        let s = score(&all, &Gate::default());
        let total: f64 = s.breakdown.iter().map(|l| l.points).sum();
        assert_eq!(total, points.iter().sum::<f64>());
        assert_eq!(s.score, 56);
    }

    #[test]
    fn penalties_diminish_per_rule_but_add_up() {
        let p = meta("partner", -10, Severity::Warning);
        assert_eq!(score(&findings(&p, 1), &Gate::default()).score, 60);
        assert_eq!(score(&findings(&p, 2), &Gate::default()).score, 55);
        // Never more than twice the weight for one rule.
        assert_eq!(score(&findings(&p, 50), &Gate::default()).score, 50);
        let big = meta("big", -100, Severity::Warning);
        assert_eq!(score(&findings(&big, 1), &Gate::default()).score, 0);
    }

    #[test]
    fn gate_fails_on_errors_and_low_scores() {
        let e = meta("err", -1, Severity::Error);
        let s = score(
            &findings(&e, 1),
            &Gate {
                min_score: None,
                fail_on: Severity::Error,
            },
        );
        assert!(!s.passed);
        assert_eq!(s.reasons, ["1 finding of severity error or above"]);
        let w = meta("w", -20, Severity::Warning);
        let gate = Gate {
            min_score: Some(60),
            fail_on: Severity::Error,
        };
        let s = score(&findings(&w, 1), &gate);
        assert_eq!(s.score, 50);
        assert!(!s.passed);
        assert!(score(&[], &gate).passed);
    }

    #[test]
    fn penalties_count_per_part_and_saturate_with_strength() {
        let p = meta("buzz", -10, Severity::Warning);
        let mut f = findings(&p, 2);
        f[1].scope = Scope::CLOSING;
        // Once in the body and once in the closing: two full penalties.
        assert_eq!(score(&f, &Gate::default()).score, 50);
        assert_eq!(score(&f, &Gate::default()).breakdown.len(), 2);
        let mut weak = findings(&p, 1);
        weak[0].strength = 0.25;
        let s = score(&weak, &Gate::default());
        assert_eq!(s.score, 68);
        assert_eq!(s.breakdown[0].points, -2.5);
        // A reward counts once, at its strongest.
        let r = meta("r", 8, Severity::Info);
        let mut two = findings(&r, 2);
        two[0].strength = 0.5;
        two[1].scope = Scope::CLOSING;
        assert_eq!(score(&two, &Gate::default()).score, 78);
    }

    #[test]
    fn breakdown_lists_rules_by_effect() {
        let a = meta("a", 5, Severity::Info);
        let b = meta("b", -20, Severity::Warning);
        let mut f = findings(&a, 1);
        f.extend(findings(&b, 1));
        let s = score(&f, &Gate::default());
        let ids: Vec<&str> = s
            .breakdown
            .iter()
            .map(|l| l.rule.qualified.as_str())
            .collect();
        assert_eq!(ids, ["t/b", "t/a"]);
        assert_eq!(s.score, 55);
    }
}
