//! The phrases of a group as a plain trie: what a short text is scanned with, because it
//! builds in a few hundred thousand instructions where an Aho–Corasick automaton over the
//! default packs takes about four million (a 3 KB draft is linted in about two).
//!
//! The trie of the default packs' strings is built by `build.rs` and embedded (see
//! [`Trie::to_rust`]): a run with the default packs reads it in place.

use std::borrow::Cow;

/// A byte trie over sorted, distinct strings.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Trie {
    /// The node reached by each first byte (0: none; node 0 is the root).
    root: Cow<'static, [u32; 256]>,
    /// Per node: the string that ends there (`NONE` if none), and its edges
    /// (`edges[first..first + len]`, sorted by byte).
    nodes: Cow<'static, [Node]>,
    /// Each edge's byte, and apart from it the node it leads to: a node's bytes are
    /// scanned together.
    bytes: Cow<'static, [u8]>,
    to: Cow<'static, [u32]>,
}

/// A node of a [`Trie`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Node {
    string: u32,
    first: u32,
    len: u32,
}

/// A node, for the trie that `build.rs` writes as Rust.
pub(super) const fn node(string: u32, first: u32, len: u32) -> Node {
    Node { string, first, len }
}

const NONE: u32 = u32::MAX;

impl Trie {
    /// The trie `build.rs` wrote (see [`Self::to_rust`]).
    pub(super) const fn from_static(
        root: &'static [u32; 256],
        nodes: &'static [Node],
        bytes: &'static [u8],
        to: &'static [u32],
    ) -> Trie {
        Trie {
            root: Cow::Borrowed(root),
            nodes: Cow::Borrowed(nodes),
            bytes: Cow::Borrowed(bytes),
            to: Cow::Borrowed(to),
        }
    }

    /// Rust source for this trie's four tables, `NAME_ROOT`, `NAME_NODES`, `NAME_BYTES` and
    /// `NAME_TO`, which [`Self::from_static`] takes (with `node` in scope).
    #[allow(dead_code)] // for build.rs
    pub(super) fn to_rust(&self, name: &str) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let list = |out: &mut String, items: &mut dyn Iterator<Item = String>| {
            for (i, item) in items.enumerate() {
                out.push_str(&item);
                out.push_str(if i % 16 == 15 { ",\n" } else { "," });
            }
        };
        let _ = writeln!(out, "static {name}_ROOT: [u32; 256] = [");
        list(&mut out, &mut self.root.iter().map(u32::to_string));
        let _ = writeln!(
            out,
            "];\nstatic {name}_NODES: [Node; {}] = [",
            self.nodes.len()
        );
        list(
            &mut out,
            &mut self
                .nodes
                .iter()
                .map(|n| format!("node({},{},{})", n.string, n.first, n.len)),
        );
        let _ = writeln!(
            out,
            "];\nstatic {name}_BYTES: [u8; {}] = [",
            self.bytes.len()
        );
        list(&mut out, &mut self.bytes.iter().map(u8::to_string));
        let _ = writeln!(out, "];\nstatic {name}_TO: [u32; {}] = [", self.to.len());
        list(&mut out, &mut self.to.iter().map(u32::to_string));
        out.push_str("];\n");
        out
    }

    /// The trie of `strings`, which must be sorted and distinct (and not empty strings: a
    /// trie finds no empty match).
    pub(super) fn new<S: AsRef<str>>(strings: &[S]) -> Trie {
        let strings: Vec<&[u8]> = strings.iter().map(|s| s.as_ref().as_bytes()).collect();
        // At most one node per byte of the strings, and one edge per node but the root.
        let size: usize = strings.iter().map(|s| s.len()).sum();
        let mut root = [0u32; 256];
        let mut nodes = Vec::with_capacity(size + 1);
        let mut bytes = Vec::with_capacity(size);
        let mut to = Vec::with_capacity(size);
        nodes.push(Node {
            string: NONE,
            first: 0,
            len: 0,
        });
        // (node, strings lo..hi that share its prefix, prefix length); a stack, not
        // recursion, as a phrase may be thousands of bytes long.
        let mut work = vec![(0u32, 0usize, strings.len(), 0usize)];
        while let Some((node, mut lo, hi, d)) = work.pop() {
            // The rest of a string that shares it with no other is a chain of nodes, one
            // edge each: most of a trie's nodes, built without searching.
            if hi - lo == 1 {
                let mut node = node as usize;
                for &c in &strings[lo][d..] {
                    let child = nodes.len() as u32;
                    nodes[node].first = bytes.len() as u32;
                    nodes[node].len = 1;
                    bytes.push(c);
                    to.push(child);
                    nodes.push(Node {
                        string: NONE,
                        first: 0,
                        len: 0,
                    });
                    node = child as usize;
                }
                nodes[node].string = lo as u32;
                continue;
            }
            if lo < hi && strings[lo].len() == d {
                nodes[node as usize].string = lo as u32;
                lo += 1;
            }
            let first = bytes.len() as u32;
            // The rest are longer than `d` and sorted: each byte at `d` is one run of them.
            while lo < hi {
                let c = strings[lo][d];
                let end = lo + strings[lo..hi].partition_point(|s| s[d] == c);
                let child = nodes.len() as u32;
                nodes.push(Node {
                    string: NONE,
                    first: 0,
                    len: 0,
                });
                bytes.push(c);
                to.push(child);
                work.push((child, lo, end, d + 1));
                lo = end;
            }
            let n = &mut nodes[node as usize];
            n.first = first;
            n.len = bytes.len() as u32 - first;
        }
        let start = nodes[0];
        for e in start.first..start.first + start.len {
            root[usize::from(bytes[e as usize])] = to[e as usize];
        }
        Trie {
            root: Cow::Owned(root),
            nodes: Cow::Owned(nodes),
            bytes: Cow::Owned(bytes),
            to: Cow::Owned(to),
        }
    }

    /// Call `found(start, end, string)` for every string that starts at a position before
    /// `cut` of `hay`, except inside a run of ASCII letters and digits. A caller that wants
    /// whole words loses nothing by that when each character of its text became one
    /// character of `hay`, and only word characters became ASCII letters and digits.
    pub(super) fn each_prefix(
        &self,
        hay: &[u8],
        cut: usize,
        mut found: impl FnMut(usize, usize, usize),
    ) {
        let root: &[u32; 256] = &self.root;
        let mut in_word = false;
        for p in 0..cut.min(hay.len()) {
            let alnum = hay[p].is_ascii_alphanumeric();
            let inside = in_word && alnum;
            in_word = alnum;
            let mut node = root[usize::from(hay[p])];
            if inside || node == 0 {
                continue;
            }
            let mut end = p + 1;
            loop {
                let n = self.nodes[node as usize];
                if n.string != NONE {
                    found(p, end, n.string as usize);
                }
                let Some(&c) = hay.get(end) else { break };
                let (a, z) = (n.first as usize, (n.first + n.len) as usize);
                match self.bytes[a..z].iter().position(|&b| b == c) {
                    Some(i) => node = self.to[a + i],
                    None => break,
                }
                end += 1;
            }
        }
    }
}
