//! [`Scope`]: a set of parts of a pitch, as bit flags, with their names.

use serde::Serialize;

/// A set of parts of a pitch, as bit flags: a paragraph can be the opening and the closing at
/// once when it is the only one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Scope(u16);

impl Scope {
    /// The subject line.
    pub const SUBJECT: Scope = Scope(1);
    /// "Hi Dana,".
    pub const GREETING: Scope = Scope(1 << 1);
    /// The first paragraph after the greeting.
    pub const OPENING: Scope = Scope(1 << 2);
    /// Paragraphs between the opening and the closing.
    pub const BODY: Scope = Scope(1 << 3);
    /// The last paragraph before the sign-off: where the ask is.
    pub const CLOSING: Scope = Scope(1 << 4);
    /// "Best," and the name.
    pub const SIGNOFF: Scope = Scope(1 << 5);
    /// Name, title, phone, links, disclaimers after the sign-off or "-- ".
    pub const SIGNATURE: Scope = Scope(1 << 6);
    /// Quoted reply text: never the sender's pitch.
    pub const QUOTE: Scope = Scope(1 << 7);
    /// A courtesy under the ask ("Looking forward to hearing from you."): body as well, and
    /// the last words of the close.
    pub const COURTESY: Scope = Scope(1 << 8);
    /// No part at all.
    pub const NONE: Scope = Scope(0);

    /// Every part, in document order, with its name.
    pub const ALL: [(Scope, &'static str); 9] = [
        (Scope::SUBJECT, "subject"),
        (Scope::GREETING, "greeting"),
        (Scope::OPENING, "opening"),
        (Scope::BODY, "body"),
        (Scope::CLOSING, "closing"),
        (Scope::COURTESY, "courtesy"),
        (Scope::SIGNOFF, "signoff"),
        (Scope::SIGNATURE, "signature"),
        (Scope::QUOTE, "quote"),
    ];

    /// The message itself, its paragraphs: opening, body and closing.
    pub const MESSAGE: Scope = Scope::OPENING.union(Scope::BODY).union(Scope::CLOSING);

    /// The scope of a rule that names none: every part but `quote` and `signature` (a
    /// courtesy under the ask is body as well).
    pub const DEFAULT: Scope = Scope(0b0011_1111);

    /// The scope named `name`, if it is one.
    pub fn from_name(name: &str) -> Option<Scope> {
        Scope::ALL.iter().find(|(_, n)| *n == name).map(|(s, _)| *s)
    }

    /// The names of every scope, for error messages.
    pub fn names() -> Vec<&'static str> {
        Scope::ALL.iter().map(|(_, n)| *n).collect()
    }

    /// Whether the two sets share a part.
    pub fn intersects(self, other: Scope) -> bool {
        self.0 & other.0 != 0
    }

    /// Whether no part is set.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether every part of this set is in `other`.
    pub fn is_within(self, other: Scope) -> bool {
        self.0 & !other.0 == 0
    }

    /// The union of two sets.
    pub const fn union(self, other: Scope) -> Scope {
        Scope(self.0 | other.0)
    }

    /// The parts of this set that are not in `other`.
    pub const fn without(self, other: Scope) -> Scope {
        Scope(self.0 & !other.0)
    }

    /// The names of the parts in this set, in document order.
    pub fn part_names(self) -> Vec<&'static str> {
        self.members().collect()
    }

    fn members(self) -> impl Iterator<Item = &'static str> {
        Scope::ALL
            .iter()
            .filter(move |(s, _)| self.intersects(*s))
            .map(|(_, n)| *n)
    }

    /// The parts joined with `+` ("opening+closing"), or "none".
    pub fn label(self) -> String {
        self.to_string()
    }

    /// The pieces of [`Scope::label`], in order, given to `put` (to write it without
    /// building it).
    pub fn label_pieces<E>(self, mut put: impl FnMut(&str) -> Result<(), E>) -> Result<(), E> {
        let mut names = self.members();
        match names.next() {
            None => put("none"),
            Some(first) => {
                put(first)?;
                names.try_for_each(|n| {
                    put("+")?;
                    put(n)
                })
            }
        }
    }
}

/// The label (see [`Scope::label`]), written without building it.
impl std::fmt::Display for Scope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.label_pieces(|s| f.write_str(s))
    }
}

impl Serialize for Scope {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_names_round_trip() {
        for (s, n) in Scope::ALL {
            assert_eq!(Scope::from_name(n), Some(s));
        }
        assert_eq!(
            Scope::OPENING.union(Scope::CLOSING).label(),
            "opening+closing"
        );
        assert_eq!(Scope::NONE.label(), "none");
        assert!(!Scope::DEFAULT.intersects(Scope::QUOTE));
        assert!(!Scope::DEFAULT.intersects(Scope::SIGNATURE));
    }
}
