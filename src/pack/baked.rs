//! A serde deserializer over a baked pack ([`super::bake`]): it hands the visitors the values,
//! keys and spans the TOML reader would, so a default pack deserializes into the same
//! [`super::PackDef`] without its TOML being parsed on every run (a test holds each default
//! pack's two readings to the same values and spans).
//!
//! It reads what the pack types hold, not all that `toml` can: every string is lent (a `&str`
//! field reads even where `toml` would refuse an escaped string), map keys are strings, an
//! enum is a string (not a table), and an array must fill a tuple exactly. A type that needs
//! more needs it here too.

use serde::de::value::{BorrowedStrDeserializer, Error, MapDeserializer, SeqDeserializer};
use serde::de::{self, IntoDeserializer, Visitor};
use serde_spanned::de::{SpannedDeserializer, is_spanned};

use super::bake::{ARRAY, BOOL, FLOAT, INT, NODE, STR, TABLE};

/// A baked pack, as embedded: its nodes and string pool.
#[derive(Debug)]
pub struct Baked {
    /// The nodes, [`NODE`] bytes each, the root table first.
    pub nodes: &'static [u8],
    /// The strings the nodes point into.
    pub pool: &'static str,
}

impl Baked {
    /// Deserialize `T` from the baked document.
    pub fn deserialize<T: de::DeserializeOwned>(&self) -> Result<T, Error> {
        T::deserialize(Node::at(self.nodes, self.pool, 0)?)
    }
}

/// One node, read: the deserializer of its value.
#[derive(Clone, Copy)]
struct Node<'de> {
    nodes: &'de [u8],
    pool: &'de str,
    /// Its index: its children come after it, or the data is broken (a cycle would recurse
    /// without end).
    index: usize,
    tag: u32,
    start: u32,
    end: u32,
    a: u32,
    b: u32,
}

impl<'de> Node<'de> {
    fn at(nodes: &'de [u8], pool: &'de str, i: usize) -> Result<Self, Error> {
        if !in_range(nodes, i, 1) {
            return Err(de::Error::custom("baked pack: node out of range"));
        }
        Ok(Self::read(nodes, pool, i))
    }

    /// Node `i`, which [`in_range`] has checked.
    fn read(nodes: &'de [u8], pool: &'de str, i: usize) -> Self {
        let bytes = &nodes[i * NODE..(i + 1) * NODE];
        let w = |k: usize| u32::from_le_bytes([bytes[k], bytes[k + 1], bytes[k + 2], bytes[k + 3]]);
        Node {
            nodes,
            pool,
            index: i,
            tag: w(0),
            start: w(4),
            end: w(8),
            a: w(12),
            b: w(16),
        }
    }

    fn span(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    fn str(&self) -> Result<&'de str, Error> {
        let (at, len) = (self.a as usize, self.b as usize);
        at.checked_add(len)
            .and_then(|end| self.pool.get(at..end))
            .ok_or_else(|| de::Error::custom("baked pack: string out of range"))
    }

    fn bits(&self) -> u64 {
        u64::from(self.a) | (u64::from(self.b) << 32)
    }

    /// The `n` nodes side by side from this node's `a`.
    fn children(&self, n: usize) -> Result<impl Iterator<Item = Node<'de>> + use<'de>, Error> {
        let (nodes, pool, first) = (self.nodes, self.pool, self.a as usize);
        if first <= self.index || !in_range(nodes, first, n) {
            return Err(de::Error::custom("baked pack: node out of range"));
        }
        Ok((first..first + n).map(move |i| Node::read(nodes, pool, i)))
    }
}

/// Whether nodes `first..first + n` are all in `nodes`.
fn in_range(nodes: &[u8], first: usize, n: usize) -> bool {
    first
        .checked_add(n)
        .and_then(|end| end.checked_mul(NODE))
        .is_some_and(|end| end <= nodes.len())
}

impl<'de> IntoDeserializer<'de, Error> for Node<'de> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de> de::Deserializer<'de> for Node<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.tag {
            STR => visitor.visit_borrowed_str(self.str()?),
            INT => visitor.visit_i64(self.bits() as i64),
            FLOAT => visitor.visit_f64(f64::from_bits(self.bits())),
            BOOL => visitor.visit_bool(self.a != 0),
            ARRAY => {
                let mut seq = SeqDeserializer::new(self.children(self.b as usize)?);
                let value = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            TABLE => {
                let mut entries = self.children((self.b as usize).saturating_mul(2))?;
                let pairs = std::iter::from_fn(move || Some((entries.next()?, entries.next()?)));
                let mut map = MapDeserializer::new(pairs);
                let value = visitor.visit_map(&mut map)?;
                map.end()?;
                Ok(value)
            }
            _ => Err(de::Error::custom("baked pack: unknown node")),
        }
    }

    // A value that is there is `Some`: a missing key is `None`, as in TOML.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if is_spanned(name) {
            let span = self.span();
            return visitor.visit_map(SpannedDeserializer::<Self, Error>::new(self, span));
        }
        self.deserialize_any(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.tag {
            STR => visitor.visit_enum(BorrowedStrDeserializer::<Error>::new(self.str()?)),
            _ => Err(de::Error::custom("wanted string")),
        }
    }

    serde::forward_to_deserialize_any! {
        bool u8 u16 u32 u64 u128 i8 i16 i32 i64 i128 f32 f64 char str string seq
        bytes byte_buf map unit ignored_any unit_struct tuple_struct tuple identifier
    }
}
