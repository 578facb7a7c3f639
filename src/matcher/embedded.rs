//! The default packs' rule regexes, as `build.rs` compiled them into one forward and one
//! reverse dense DFA, embedded in the binary and read in place: a run that lints with the
//! default packs neither parses nor compiles them, and its scan fills no lazy DFA.

use std::sync::LazyLock;

use regex_automata::dfa::dense::DFA;
use regex_automata::dfa::regex::Regex;

use super::trie::{Node, Trie, node};
use crate::document::dfa::{embed, load};

/// The sources `build.rs` compiled into the embedded DFAs, in pattern order.
pub(super) const SOURCES: &[&str] = include!(concat!(env!("OUT_DIR"), "/rules_dfa_sources.rs"));

// The trie of every lower-cased string of the default packs' phrases (`TRIE_STRINGS`, sorted),
// which `build.rs` built and wrote as Rust.
include!(concat!(env!("OUT_DIR"), "/phrase_trie.rs"));

/// The embedded trie: string `i` is `TRIE_STRINGS[i]`.
pub(super) static TRIE: Trie = Trie::from_static(&TRIE_ROOT, &TRIE_NODES, &TRIE_BYTES, &TRIE_TO);

embed!(FWD, "rules.fwd.dfa");
embed!(REV, "rules.rev.dfa");

/// The two DFAs as one regex (the reverse one finds where a match starts).
pub(super) static REGEX: LazyLock<Regex<DFA<&'static [u32]>>> =
    LazyLock::new(|| Regex::builder().build_from_dfas(load(&FWD.bytes), load(&REV.bytes)));

/// The embedded DFAs' bytes, for the full check in the tests.
#[cfg(test)]
pub(super) fn bytes() -> [(&'static str, &'static [u8]); 2] {
    [("rules forward", &FWD.bytes), ("rules reverse", &REV.bytes)]
}

/// Whether `source` is one of the regexes compiled into the embedded DFAs: `build.rs` parsed
/// it, found that it can't match empty text, and compiled it.
pub(crate) fn is_embedded(source: &str) -> bool {
    SOURCES.contains(&source)
}
