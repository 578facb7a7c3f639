//! Thresholds shared by the `metric` and `occurrence` kinds: `min`, `max` and `full_at`, with
//! overrides per profile (`[rule.profile.<name>]`).
//!
//! A penalty rule (weight ≤ 0) fires when the value is below `min` or above `max`; a reward
//! rule (weight > 0) fires when the value is within `min..=max`. A penalty saturates: it carries
//! a quarter of its weight just past the bound and rises linearly to the full weight at
//! `full_at` (the full weight at once when `full_at` is not given).

use crate::error::Result;
use crate::pack::{PackSource, RuleDef};
use crate::profile::Profile;

/// The bounds of one profile.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Bounds {
    /// The least allowed value.
    pub min: Option<f64>,
    /// The most allowed value.
    pub max: Option<f64>,
    /// Where a penalty reaches its full weight.
    pub full_at: Option<f64>,
}

/// What a value is, against the bounds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Judgement {
    /// Below `min`, with the finding's strength.
    Below(f64, f64),
    /// Above `max`, with the finding's strength.
    Above(f64, f64),
    /// Within the bounds (a reward rule fires).
    Within,
}

/// A config's new bounds for a rule (`[rules."pack/id"]` `min`, `max`, and per profile
/// `[rules."pack/id".profile.<name>]`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct NewBounds {
    /// Over the rule's own bounds: in every profile that takes them (not one whose table in
    /// the pack sets its own).
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// Over one profile's (by [`Profile::index`]): `(min, max)`.
    pub profiles: [(Option<f64>, Option<f64>); 3],
}

impl NewBounds {
    pub fn is_empty(&self) -> bool {
        self.min.is_none()
            && self.max.is_none()
            && self
                .profiles
                .iter()
                .all(|(lo, hi)| lo.is_none() && hi.is_none())
    }
}

/// What is wrong with a config's bounds: `key` (`min`, `max`) of `profile` (none: the rule's
/// own) is where.
#[derive(Clone, Debug, PartialEq)]
pub struct BoundError {
    pub key: &'static str,
    pub profile: Option<Profile>,
    pub message: String,
}

/// Bounds for every profile.
#[derive(Clone, Debug)]
pub struct Thresholds {
    /// The rule's own bounds, which a profile without its own table takes.
    base: Bounds,
    /// Per profile (by [`Profile::index`]), whether its table sets its own `min`, `max`.
    own: [(bool, bool); 3],
    by_profile: [Bounds; 3],
    reward: bool,
    /// Whether the bounds are counts (an occurrence rule's): whole, 0 or more.
    counts: bool,
}

/// The strength just past a bound.
const FLOOR: f64 = 0.25;

impl Thresholds {
    /// Read `min`, `max`, `full_at` and `[rule.profile.*]` from a rule; `kind` names it in
    /// errors. Integers only, when `integer` (occurrence counts).
    pub fn new(src: &PackSource, r: &RuleDef, weight: i32, kind: &str) -> Result<Self> {
        let id = r.id.get_ref();
        let err = |at: usize, msg: String| src.error_at(at, format!("rule `{id}`: {msg}"));
        let base = Bounds {
            min: r.min.as_ref().map(|v| *v.get_ref()),
            max: r.max.as_ref().map(|v| *v.get_ref()),
            full_at: r.full_at.as_ref().map(|v| *v.get_ref()),
        };
        let at = r
            .min
            .as_ref()
            .or(r.max.as_ref())
            .map_or(r.id.span().start, |v| v.span().start);
        // An occurrence rule counts matches: its bounds (here and in each profile's table)
        // are counts.
        let count = |key: &str, v: Option<&toml::Spanned<f64>>, whose: &str| match v {
            Some(v)
                if kind == "occurrence" && (*v.get_ref() < 0.0 || v.get_ref().fract() != 0.0) =>
            {
                Err(err(
                    v.span().start,
                    format!(
                        "`{key}` {} is no count: an occurrence rule counts matches, so its \
                         bounds are whole numbers, 0 or more{whose}",
                        v.get_ref()
                    ),
                ))
            }
            _ => Ok(()),
        };
        count("min", r.min.as_ref(), "")?;
        count("max", r.max.as_ref(), "")?;
        count("full_at", r.full_at.as_ref(), "")?;
        let mut by_profile = [base; 3];
        let mut own = [(false, false); 3];
        if let Some(table) = &r.profile {
            for (name, o) in table.get_ref() {
                // An unknown profile's name is every kind's mistake, said with the rule's
                // common keys (`crate::rule::build`).
                let Some(p) = Profile::from_name(name) else {
                    continue;
                };
                let whose = format!(" (profile {name})");
                count("min", o.min.as_ref(), &whose)?;
                count("max", o.max.as_ref(), &whose)?;
                count("full_at", o.full_at.as_ref(), &whose)?;
                let b = &mut by_profile[p.index()];
                own[p.index()] = (o.min.is_some(), o.max.is_some());
                if let Some(v) = &o.min {
                    b.min = Some(*v.get_ref());
                }
                if let Some(v) = &o.max {
                    b.max = Some(*v.get_ref());
                }
                if let Some(v) = &o.full_at {
                    b.full_at = Some(*v.get_ref());
                }
            }
        }
        for (p, name) in Profile::ALL {
            let b = by_profile[p.index()];
            let whose = if b == base {
                String::new()
            } else {
                format!(" (profile {name})")
            };
            if b.min.is_none() && b.max.is_none() {
                return Err(err(
                    at,
                    format!(
                        "{} {kind} rule needs `min`, `max` or both{whose}",
                        super::article(kind)
                    ),
                ));
            }
            if let (Some(lo), Some(hi)) = (b.min, b.max)
                && lo > hi
            {
                return Err(err(at, format!("`min` {lo} is above `max` {hi}{whose}")));
            }
            if let Some(f) = b.full_at {
                let beyond = b.max.is_some_and(|hi| f > hi) || b.min.is_some_and(|lo| f < lo);
                if !beyond {
                    return Err(err(
                        r.full_at.as_ref().map_or(at, |v| v.span().start),
                        format!(
                            "`full_at` {f} must lie beyond a bound: above `max` or below `min`{whose}"
                        ),
                    ));
                }
            }
        }
        if weight > 0 && base.full_at.is_some() {
            return Err(err(
                r.full_at.as_ref().map_or(at, |v| v.span().start),
                "`full_at` only applies to penalties (weight < 0)".into(),
            ));
        }
        Ok(Thresholds {
            base,
            own,
            by_profile,
            reward: weight > 0,
            counts: kind == "occurrence",
        })
    }

    /// These thresholds with a config's bounds: its `min` and `max` replace the rule's own
    /// in the profiles that take them, and a profile's replace that profile's. A penalty's
    /// ramp keeps its width: `max = 150` over `max = 125`, `full_at = 250` ramps to 275 (a
    /// ramp below `min` stops at 0). `range`: the values a metric's measure can take, and
    /// how to say it (a count is whole, 0 or more).
    pub fn rebound(
        &self,
        change: &NewBounds,
        range: Option<(std::ops::RangeInclusive<f64>, &str)>,
    ) -> std::result::Result<Thresholds, BoundError> {
        let range = range.or(self
            .counts
            .then_some((0.0..=f64::INFINITY, "a count is 0 or more")));
        let err = |key, profile, message| BoundError {
            key,
            profile,
            message,
        };
        let given = [(None, change.min, change.max)]
            .into_iter()
            .chain(Profile::ALL.map(|(p, _)| {
                (
                    Some(p),
                    change.profiles[p.index()].0,
                    change.profiles[p.index()].1,
                )
            }));
        for (profile, lo, hi) in given {
            for (key, v) in [("min", lo), ("max", hi)] {
                let Some(v) = v else { continue };
                let out = !v.is_finite() || range.as_ref().is_some_and(|(r, _)| !r.contains(&v));
                if out {
                    let what = range.as_ref().map_or("a number", |(_, w)| w);
                    return Err(err(
                        key,
                        profile,
                        format!("`{key}` {v} is out of range: {what}"),
                    ));
                }
                if self.counts && v.fract() != 0.0 {
                    return Err(err(
                        key,
                        profile,
                        format!(
                            "`{key}` {v} is no count: an occurrence rule counts matches, so its \
                             bounds are whole numbers, 0 or more"
                        ),
                    ));
                }
                // A bound the rule does not have would turn it around: too-long's "a longer
                // email asks…" said of a short one. The rule's own are asked of the rule's
                // own, a profile's of that profile's.
                let has = |b: &Bounds| if key == "min" { b.min } else { b.max };
                let had = match profile {
                    None => has(&self.base),
                    Some(p) => has(&self.by_profile[p.index()]),
                };
                if had.is_none() {
                    let other = if key == "min" { "max" } else { "min" };
                    return Err(err(
                        key,
                        profile,
                        format!(
                            "the rule has no `{key}` to change (it has only a `{other}`): a \
                             bound it does not have would turn its message around"
                        ),
                    ));
                }
            }
        }
        let mut by_profile = self.by_profile;
        for (p, _) in Profile::ALL {
            let b = &mut by_profile[p.index()];
            let old = *b;
            let (p_min, p_max) = change.profiles[p.index()];
            // A profile's own value, else the config's over the rule's own where the profile
            // takes the rule's own.
            let (own_min, own_max) = self.own[p.index()];
            let pick = |mine: Option<f64>, base: Option<f64>, own: bool| {
                mine.map(|v| (v, Some(p)))
                    .or_else(|| base.filter(|_| !own).map(|v| (v, None)))
            };
            let new_min = pick(p_min, change.min, own_min);
            let new_max = pick(p_max, change.max, own_max);
            if let Some((lo, _)) = new_min {
                b.min = Some(lo);
                if let (Some(f), Some(was)) = (old.full_at, old.min)
                    && f < was
                {
                    b.full_at = Some((lo - (was - f)).max(0.0));
                }
            }
            if let Some((hi, _)) = new_max {
                b.max = Some(hi);
                if let (Some(f), Some(was)) = (old.full_at, old.max)
                    && f > was
                {
                    b.full_at = Some(hi + (f - was));
                }
            }
            if let (Some(lo), Some(hi)) = (b.min, b.max)
                && lo > hi
            {
                let in_profile = |whose: Option<Profile>| match whose {
                    Some(p) => format!(" (profile {})", p.as_str()),
                    None => String::new(),
                };
                // The other bound: the config's, or the rule's own (named by profile when the
                // profiles' differ).
                let other = |key: &str, given: Option<(f64, Option<Profile>)>| match given {
                    Some((v, whose)) => format!("`{key}` {}{}", num(v), in_profile(whose)),
                    None => {
                        let v = |b: &Bounds| if key == "min" { b.min } else { b.max };
                        let same = self.by_profile.iter().all(|o| v(o) == v(&old));
                        let whose = if same { None } else { Some(p) };
                        let value = if key == "min" { lo } else { hi };
                        format!("the rule's `{key}` {}{}", num(value), in_profile(whose))
                    }
                };
                // Named at the config's `max` when it is a profile's (the narrower table) or
                // the only one given, else at its `min`.
                return Err(match new_max {
                    Some((_, whose)) if whose.is_some() || new_min.is_none() => err(
                        "max",
                        whose,
                        format!(
                            "`max` {}{} is below {}",
                            num(hi),
                            in_profile(whose),
                            other("min", new_min)
                        ),
                    ),
                    _ => {
                        let whose = new_min.and_then(|(_, w)| w);
                        err(
                            "min",
                            whose,
                            format!(
                                "`min` {}{} is above {}",
                                num(lo),
                                in_profile(whose),
                                other("max", new_max)
                            ),
                        )
                    }
                });
            }
        }
        Ok(Thresholds {
            by_profile,
            ..self.clone()
        })
    }

    /// The bounds in profile `p`.
    pub fn bounds(&self, p: Profile) -> Bounds {
        self.by_profile[p.index()]
    }

    /// Whether the rule fires for value `v` in profile `p`, and how.
    pub fn judge(&self, v: f64, p: Profile) -> Option<Judgement> {
        let b = self.bounds(p);
        let below = b.min.is_some_and(|lo| v < lo);
        let above = b.max.is_some_and(|hi| v > hi);
        if self.reward {
            return (!below && !above).then_some(Judgement::Within);
        }
        let strength = |bound: f64| match b.full_at {
            Some(f) if (f - bound).abs() > f64::EPSILON && (v - bound) / (f - bound) > 0.0 => {
                (FLOOR + (1.0 - FLOOR) * (v - bound) / (f - bound)).min(1.0)
            }
            Some(_) => FLOOR,
            None => 1.0,
        };
        if below {
            let lo = b.min.unwrap_or(0.0);
            Some(Judgement::Below(lo, strength(lo)))
        } else if above {
            let hi = b.max.unwrap_or(0.0);
            Some(Judgement::Above(hi, strength(hi)))
        } else {
            None
        }
    }
}

/// A number for messages: no decimals when it is whole.
pub fn num(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn th(rule: &str) -> Result<Thresholds> {
        th_of(rule, "metric")
    }

    fn th_of(rule: &str, kind: &str) -> Result<Thresholds> {
        let src = PackSource {
            path: PathBuf::from("t.toml"),
            text: format!("[pack]\nname = \"t\"\n[[rule]]\nid = \"x\"\nmessage = \"m\"\n{rule}"),
        };
        let def = src.parse()?;
        let r = def.rule[0].get_ref();
        Thresholds::new(&src, r, *r.weight.get_ref() as i32, kind)
    }

    #[test]
    fn a_config_s_bounds_replace_the_rule_s_own_and_a_profile_s_and_keep_the_ramp() {
        let t = th("weight = -8\nmin = 20\nfull_at = 10\nmax = 100\n[rule.profile.proposal]\nmax = 500\nfull_at = 900\n").unwrap();
        let n = |min, max| NewBounds {
            min,
            max,
            profiles: Default::default(),
        };
        let message = |r: std::result::Result<Thresholds, BoundError>| r.unwrap_err().message;
        // The rule's own `max` moves where a profile takes it, with its ramp (100 → 250
        // over 150: 150 → 300); the proposal keeps its own 500.
        let r = t.rebound(&n(None, Some(150.0)), None).unwrap();
        assert_eq!(r.bounds(Profile::FirstTouch).max, Some(150.0));
        assert_eq!(r.bounds(Profile::FollowUp).max, Some(150.0));
        assert_eq!(r.bounds(Profile::Proposal).max, Some(500.0));
        // A profile's table moves that profile's, its ramp too (500 → 900: 600 → 1000).
        let mut only = n(None, None);
        only.profiles[Profile::Proposal.index()] = (None, Some(600.0));
        let r = t.rebound(&only, None).unwrap();
        assert_eq!(r.bounds(Profile::Proposal).max, Some(600.0));
        assert_eq!(r.bounds(Profile::Proposal).full_at, Some(1000.0));
        assert_eq!(r.bounds(Profile::FirstTouch).max, Some(100.0));
        // The ramp below `min` (20 → 10) moves with it: 30 → 20.
        let r = t.rebound(&n(Some(30.0), None), None).unwrap();
        assert_eq!(r.bounds(Profile::FirstTouch).full_at, Some(20.0));
        assert_eq!(
            r.judge(25.0, Profile::FirstTouch),
            Some(Judgement::Below(30.0, 0.625))
        );
        assert_eq!(
            message(t.rebound(&n(None, Some(10.0)), None)),
            "`max` 10 is below the rule's `min` 20"
        );
        assert_eq!(
            message(t.rebound(&n(Some(40.0), Some(30.0)), None)),
            "`min` 40 is above `max` 30"
        );
        let mut proposal_min = n(None, None);
        proposal_min.profiles[Profile::Proposal.index()] = (Some(501.0), None);
        let e = t.rebound(&proposal_min, None).unwrap_err();
        assert_eq!(
            (e.key, e.profile, e.message.as_str()),
            (
                "min",
                Some(Profile::Proposal),
                "`min` 501 (profile proposal) is above the rule's `max` 500 (profile proposal)"
            )
        );
        // A profile table that restates the rule's own value is still the profile's own.
        let same = th("weight = -8\nmax = 100\n[rule.profile.proposal]\nmax = 100\n").unwrap();
        let r = same.rebound(&n(None, Some(10.0)), None).unwrap();
        assert_eq!(r.bounds(Profile::Proposal).max, Some(100.0));
        assert_eq!(r.bounds(Profile::FirstTouch).max, Some(10.0));
        // A rule-level bound the rule has only in a profile would add it where it was not.
        let only = th("weight = -8\nmin = 5\n[rule.profile.proposal]\nmax = 300\n").unwrap();
        let e = only.rebound(&n(None, Some(10.0)), None).unwrap_err();
        assert_eq!((e.key, e.profile), ("max", None));
        assert!(
            e.message.starts_with("the rule has no `max` to change"),
            "{}",
            e.message
        );
        // A rule-level `min` over a profile's `max`: named at the profile's `max`.
        let mut both = n(Some(110.0), None);
        both.profiles[Profile::FirstTouch.index()] = (None, Some(100.0));
        let e = t.rebound(&both, None).unwrap_err();
        assert_eq!(
            (e.key, e.profile, e.message.as_str()),
            (
                "max",
                Some(Profile::FirstTouch),
                "`max` 100 (profile first-touch) is below `min` 110"
            )
        );
        let counts = th_of("weight = -8\nmax = 2\n", "occurrence").unwrap();
        assert!(message(counts.rebound(&n(None, Some(2.5)), None)).contains("no count"));
        assert_eq!(
            message(counts.rebound(&n(None, Some(-1.0)), None)),
            "`max` -1 is out of range: a count is 0 or more"
        );
        assert!(t.rebound(&n(None, Some(150.5)), None).is_ok());
        let share = Some((0.0..=1.0, "a share from 0 to 1"));
        assert_eq!(
            message(t.rebound(&n(None, Some(40.0)), share)),
            "`max` 40 is out of range: a share from 0 to 1"
        );
    }

    #[test]
    fn penalties_saturate_and_profiles_override() {
        let t = th("weight = -8\nmax = 100\nfull_at = 200\n[rule.profile.proposal]\nmax = 500\nfull_at = 900\n").unwrap();
        assert_eq!(t.judge(100.0, Profile::FirstTouch), None);
        assert_eq!(
            t.judge(150.0, Profile::FirstTouch),
            Some(Judgement::Above(100.0, 0.625))
        );
        assert_eq!(
            t.judge(400.0, Profile::FirstTouch),
            Some(Judgement::Above(100.0, 1.0))
        );
        assert_eq!(t.judge(400.0, Profile::Proposal), None);
        let r = th("weight = 3\nmin = 1\nmax = 3\n").unwrap();
        assert_eq!(r.judge(2.0, Profile::FollowUp), Some(Judgement::Within));
        assert_eq!(r.judge(0.0, Profile::FollowUp), None);
    }

    #[test]
    fn bad_bounds_are_positioned_errors() {
        let e = th("weight = -8\nmin = 5\nmax = 1\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("t.toml:7:7: rule `x`: `min` 5 is above `max` 1"),
            "{e}"
        );
        let e = th("weight = -8\nmax = 5\nfull_at = 2\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("t.toml:8:11:"), "{e}");
        let e = th("weight = -8\n").unwrap_err().to_string();
        assert!(e.contains("needs `min`, `max` or both"), "{e}");
        // An unknown profile is every kind's mistake: said once, with the common keys.
        let cold = "kind = \"metric\"\nmeasure = \"words\"\nweight = -8\nmax = 5\n[rule.profile.cold]\nmax = 3\n";
        assert!(th(cold).is_ok());
        let src = PackSource {
            path: PathBuf::from("t.toml"),
            text: format!("[pack]\nname = \"t\"\n[[rule]]\nid = \"x\"\nmessage = \"m\"\n{cold}"),
        };
        let e = crate::rule::compile_pack(&src).unwrap_err().to_string();
        assert_eq!(e.matches("unknown profile").count(), 1, "{e}");
        assert!(e.starts_with("t.toml:10:"), "{e}");
    }
}
