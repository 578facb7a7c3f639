//! The DFAs that `build.rs` compiled from [`super::patterns`], embedded in the binary and
//! read in place (no copy, no compile): the placeholder finder and the link finder.

use std::sync::LazyLock;

use regex_automata::dfa::dense::DFA;
use regex_automata::dfa::regex::Regex;

/// Embedded DFA bytes, aligned for reading as `u32`s in place.
#[repr(C)]
struct Aligned<B: ?Sized> {
    _align: [u32; 0],
    bytes: B,
}

static PLACEHOLDER_BYTES: &Aligned<[u8]> = &Aligned {
    _align: [],
    bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/placeholder.dfa")),
};
static LINK_FWD_BYTES: &Aligned<[u8]> = &Aligned {
    _align: [],
    bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/link.fwd.dfa")),
};
static LINK_REV_BYTES: &Aligned<[u8]> = &Aligned {
    _align: [],
    bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/link.rev.dfa")),
};

/// `bytes` as a DFA. They were written by `build.rs` for this target, so this fails only
/// if the build is broken.
#[allow(clippy::expect_used)] // built with the binary, not input
fn load(bytes: &'static [u8]) -> DFA<&'static [u32]> {
    DFA::from_bytes(bytes)
        .expect("the DFAs embedded at build time load")
        .0
}

/// [`super::patterns::PLACEHOLDER`], anchored: run it from a byte that can start a match.
pub static PLACEHOLDER: LazyLock<DFA<&'static [u32]>> =
    LazyLock::new(|| load(&PLACEHOLDER_BYTES.bytes));

/// [`super::patterns::LINK`], unanchored, with its reverse DFA to find where a match starts.
pub static LINK: LazyLock<Regex<DFA<&'static [u32]>>> = LazyLock::new(|| {
    Regex::builder().build_from_dfas(load(&LINK_FWD_BYTES.bytes), load(&LINK_REV_BYTES.bytes))
});
