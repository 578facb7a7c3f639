//! The phrases of a group as a plain trie: what a short text is scanned with, because it
//! builds in a few hundred thousand instructions where an Aho–Corasick automaton over the
//! default packs takes about four million (a 3 KB draft is linted in about two).

/// A byte trie over sorted, distinct strings.
#[derive(Debug)]
pub(super) struct Trie {
    /// The node reached by each first byte (0: none; node 0 is the root).
    root: Box<[u32; 256]>,
    /// Per node: the string that ends there (`NONE` if none), and its edges
    /// (`edges[first..first + len]`, sorted by byte).
    nodes: Vec<Node>,
    /// Each edge's byte, and apart from it the node it leads to: a node's bytes are
    /// scanned together.
    bytes: Vec<u8>,
    to: Vec<u32>,
}

#[derive(Clone, Copy, Debug)]
struct Node {
    string: u32,
    first: u32,
    len: u32,
}

const NONE: u32 = u32::MAX;

impl Trie {
    /// The trie of `strings`, which must be sorted and distinct (and not empty strings: a
    /// trie finds no empty match).
    pub(super) fn new(strings: &[super::Str]) -> Trie {
        let strings: Vec<&[u8]> = strings.iter().map(|s| s.as_bytes()).collect();
        // At most one node per byte of the strings, and one edge per node but the root.
        let size: usize = strings.iter().map(|s| s.len()).sum();
        let mut t = Trie {
            root: Box::new([0; 256]),
            nodes: Vec::with_capacity(size + 1),
            bytes: Vec::with_capacity(size),
            to: Vec::with_capacity(size),
        };
        t.nodes.push(Node {
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
                    let child = t.nodes.len() as u32;
                    t.nodes[node].first = t.bytes.len() as u32;
                    t.nodes[node].len = 1;
                    t.bytes.push(c);
                    t.to.push(child);
                    t.nodes.push(Node {
                        string: NONE,
                        first: 0,
                        len: 0,
                    });
                    node = child as usize;
                }
                t.nodes[node].string = lo as u32;
                continue;
            }
            if lo < hi && strings[lo].len() == d {
                t.nodes[node as usize].string = lo as u32;
                lo += 1;
            }
            let first = t.bytes.len() as u32;
            // The rest are longer than `d` and sorted: each byte at `d` is one run of them.
            while lo < hi {
                let c = strings[lo][d];
                let end = lo + strings[lo..hi].partition_point(|s| s[d] == c);
                let child = t.nodes.len() as u32;
                t.nodes.push(Node {
                    string: NONE,
                    first: 0,
                    len: 0,
                });
                t.bytes.push(c);
                t.to.push(child);
                work.push((child, lo, end, d + 1));
                lo = end;
            }
            let n = &mut t.nodes[node as usize];
            n.first = first;
            n.len = t.bytes.len() as u32 - first;
        }
        let root = t.nodes[0];
        for e in root.first..root.first + root.len {
            t.root[usize::from(t.bytes[e as usize])] = t.to[e as usize];
        }
        t
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
        let mut in_word = false;
        for p in 0..cut.min(hay.len()) {
            let alnum = hay[p].is_ascii_alphanumeric();
            let inside = in_word && alnum;
            in_word = alnum;
            let mut node = self.root[usize::from(hay[p])];
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
