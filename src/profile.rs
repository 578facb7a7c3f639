//! Profiles: the kind of message being linted (first touch, follow-up, proposal), whose norms
//! differ. A rule may apply only in some profiles (`profiles = [...]`) and may change its weight
//! and thresholds per profile (`[rule.profile.<name>]`). The profile is chosen per run or per
//! file (`--profile`, or the config file); it is a plain value passed to the linter.

use std::fmt;

use serde::Serialize;

/// The kind of message a draft is.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum Profile {
    /// A first, cold email to someone who does not know you (the default).
    #[default]
    FirstTouch,
    /// A later email in a thread the buyer has not answered (or answered briefly).
    FollowUp,
    /// A proposal or the email that carries one: longer, more detail, still one clear ask.
    Proposal,
}

impl Profile {
    /// Every profile with its name.
    pub const ALL: [(Profile, &'static str); 3] = [
        (Profile::FirstTouch, "first-touch"),
        (Profile::FollowUp, "follow-up"),
        (Profile::Proposal, "proposal"),
    ];

    /// The profile named `name`.
    pub fn from_name(name: &str) -> Option<Profile> {
        Profile::ALL
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(p, _)| *p)
    }

    /// Its kebab-case name.
    pub fn as_str(self) -> &'static str {
        Profile::ALL
            .iter()
            .find(|(p, _)| *p == self)
            .map_or("first-touch", |(_, n)| n)
    }

    /// The names of every profile, for error and help messages.
    pub fn names() -> Vec<&'static str> {
        Profile::ALL.iter().map(|(_, n)| *n).collect()
    }

    /// Its place in [`Profile::ALL`], for tables by profile.
    pub fn index(self) -> usize {
        match self {
            Profile::FirstTouch => 0,
            Profile::FollowUp => 1,
            Profile::Proposal => 2,
        }
    }

    /// A bit for sets of profiles.
    pub fn bit(self) -> u8 {
        1 << self.index()
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Profile {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Profile::from_name(s).ok_or_else(|| crate::error::unknown("profile", s, &Profile::names()))
    }
}

/// A set of profiles: the ones a rule applies in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Profiles(u8);

impl Profiles {
    /// Every profile (a rule that names none).
    pub const ALL: Profiles = Profiles(7);
    /// No profile.
    pub const NONE: Profiles = Profiles(0);

    /// Add one profile.
    pub fn with(self, p: Profile) -> Profiles {
        Profiles(self.0 | p.bit())
    }

    /// Whether `p` is in the set.
    pub fn contains(self, p: Profile) -> bool {
        self.0 & p.bit() != 0
    }

    /// The profiles in the set, in the order of [`Profile::ALL`].
    pub fn iter(self) -> impl Iterator<Item = Profile> {
        Profile::ALL
            .into_iter()
            .map(|(p, _)| p)
            .filter(move |p| self.contains(*p))
    }
}

/// As the list of its profiles' names (`["first-touch", "proposal"]`).
impl Serialize for Profiles {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl Default for Profiles {
    fn default() -> Self {
        Profiles::ALL
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_sets() {
        for (p, n) in Profile::ALL {
            assert_eq!(Profile::from_name(n), Some(p));
            assert_eq!(p.as_str(), n);
            assert_eq!(n.parse::<Profile>(), Ok(p));
        }
        assert!("cold".parse::<Profile>().unwrap_err().contains("follow-up"));
        let s = Profiles::NONE.with(Profile::FollowUp);
        assert!(s.contains(Profile::FollowUp));
        assert!(!s.contains(Profile::Proposal));
        assert!(Profiles::ALL.contains(Profile::Proposal));
    }
}
