//! A TOML document baked into flat data: what `build.rs` makes of each default pack, so that
//! a run deserializes the pack from it ([`super::baked`]) instead of parsing TOML, which was
//! the largest part of start-up. Shared with `build.rs` (`#[path]`) and the tests; both read
//! TOML with `toml`'s `preserve_order`, so a table's keys are baked in the file's order.
//!
//! The form: nodes of five little-endian `u32`s (tag, span start, span end, `a`, `b`), the
//! root table first, and one string pool. A string's `a` and `b` are its offset and length in
//! the pool; an integer's and a float's are the low and high halves of its bits; a boolean's
//! `a` is 0 or 1; an array's `a` is the index of its first item and `b` their count, items
//! side by side; a table's `a` is the index of its first key and `b` its count of entries,
//! each entry a key (a string node spanning the key) then its value. Spans are byte offsets
//! into the text that was baked, as the TOML reader gives them.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// A string node.
pub const STR: u32 = 0;
/// An integer node (`i64`).
pub const INT: u32 = 1;
/// A float node (`f64`).
pub const FLOAT: u32 = 2;
/// A boolean node.
pub const BOOL: u32 = 3;
/// An array node.
pub const ARRAY: u32 = 4;
/// A table node.
pub const TABLE: u32 = 5;
/// Bytes per node.
pub const NODE: usize = 20;

/// `text` baked: the nodes' bytes and the string pool. A node's children always come after
/// it (the reader relies on that to refuse a cycle). `None` when it is not TOML, holds what
/// the baked form leaves out (a date, an integer beyond `i64`, a float that overflows), or is
/// 4 GiB or more: such a pack is parsed as TOML, which reports what is wrong.
pub fn bake(text: &str) -> Option<(Vec<u8>, String)> {
    let root = DeTable::parse(text).ok()?;
    let mut b = Baker {
        nodes: vec![[0; 5]],
        pool: String::new(),
    };
    b.table(0, root.span(), root.get_ref())?;
    let pos = |n: usize| u32::try_from(n).ok();
    if pos(text.len()).is_none() || pos(b.pool.len()).is_none() || pos(b.nodes.len()).is_none() {
        return None;
    }
    let bytes = b
        .nodes
        .iter()
        .flatten()
        .flat_map(|w| w.to_le_bytes())
        .collect();
    Some((bytes, b.pool))
}

struct Baker {
    nodes: Vec<[u32; 5]>,
    pool: String,
}

impl Baker {
    /// `s` added to the pool: its offset and length.
    fn string(&mut self, s: &str) -> (u32, u32) {
        let at = self.pool.len();
        self.pool.push_str(s);
        (at as u32, s.len() as u32)
    }

    /// Room for `n` nodes side by side: the index of the first.
    fn room(&mut self, n: usize) -> usize {
        let at = self.nodes.len();
        self.nodes.resize(at + n, [0; 5]);
        at
    }

    fn table(&mut self, slot: usize, span: std::ops::Range<usize>, t: &DeTable<'_>) -> Option<()> {
        let first = self.room(2 * t.len());
        for (i, (k, v)) in t.iter().enumerate() {
            let (a, b) = self.string(k.get_ref());
            let ks = k.span();
            self.nodes[first + 2 * i] = [STR, ks.start as u32, ks.end as u32, a, b];
            self.value(first + 2 * i + 1, v)?;
        }
        self.nodes[slot] = [
            TABLE,
            span.start as u32,
            span.end as u32,
            first as u32,
            t.len() as u32,
        ];
        Some(())
    }

    fn value(&mut self, slot: usize, v: &Spanned<DeValue<'_>>) -> Option<()> {
        let span = v.span();
        let halves = |bits: u64| (bits as u32, (bits >> 32) as u32);
        let (tag, a, b) = match v.get_ref() {
            DeValue::String(s) => {
                let (a, b) = self.string(s);
                (STR, a, b)
            }
            DeValue::Integer(i) => {
                let n = i64::from_str_radix(i.as_str(), i.radix()).ok()?;
                let (a, b) = halves(n as u64);
                (INT, a, b)
            }
            DeValue::Float(f) => {
                // As the TOML reader reads it: an overflow to infinity is an error.
                let x: f64 = f.as_str().parse().ok()?;
                if x.is_infinite() && !f.as_str().contains("inf") {
                    return None;
                }
                let (a, b) = halves(x.to_bits());
                (FLOAT, a, b)
            }
            DeValue::Boolean(x) => (BOOL, u32::from(*x), 0),
            DeValue::Array(items) => {
                let first = self.room(items.len());
                for (i, item) in items.iter().enumerate() {
                    self.value(first + i, item)?;
                }
                (ARRAY, first as u32, items.len() as u32)
            }
            DeValue::Table(t) => return self.table(slot, span, t),
            DeValue::Datetime(_) => return None,
        };
        self.nodes[slot] = [tag, span.start as u32, span.end as u32, a, b];
        Some(())
    }
}
