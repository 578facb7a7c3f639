//! The DFAs that `build.rs` compiled, embedded in the binary and read in place (no copy, no
//! compile): the placeholder finder and the link finder from [`super::patterns`] here, and the
//! default packs' rule regexes (used by `crate::matcher`).

use std::sync::{LazyLock, OnceLock};

use regex_automata::dfa::dense::DFA;
use regex_automata::dfa::regex::Regex;

/// Embedded DFA bytes, aligned for reading as `u32`s in place.
#[repr(C)]
pub(crate) struct Aligned<B: ?Sized> {
    pub(crate) _align: [u32; 0],
    pub(crate) bytes: B,
}

/// `static $name`: the file `$file` that `build.rs` wrote to `OUT_DIR`, aligned.
macro_rules! embed {
    ($name:ident, $file:literal) => {
        static $name: &$crate::document::dfa::Aligned<[u8]> = &$crate::document::dfa::Aligned {
            _align: [],
            bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/", $file)),
        };
    };
}
pub(crate) use embed;

embed!(PLACEHOLDER_BYTES, "placeholder.dfa");
embed!(LINK_FWD_BYTES, "link.fwd.dfa");
embed!(LINK_REV_BYTES, "link.rev.dfa");

/// `bytes` as a DFA, read in place without checking its transitions: checking them cost more
/// than compiling the rules' regexes did, on every run.
///
/// Every caller passes bytes that `build.rs` wrote with `to_bytes_*` for this target, with the
/// one `regex-automata` that `Cargo.lock` pins for both the build script and the binary: that
/// is what `from_bytes_unchecked` asks. The test
/// `matcher::tests::embedded_dfas_pass_the_full_check` runs the full check on all of them.
#[allow(clippy::expect_used)] // built with the binary, not input
pub(crate) fn load(bytes: &'static [u8]) -> DFA<&'static [u32]> {
    // SAFETY: see above; the header, alignment and lengths are still checked.
    unsafe { DFA::from_bytes_unchecked(bytes) }
        .expect("the DFAs embedded at build time load")
        .0
}

/// Every DFA that `build.rs` embeds, for the full check in the tests.
#[cfg(test)]
pub(crate) fn embedded_bytes() -> Vec<(&'static str, &'static [u8])> {
    vec![
        ("placeholder", &PLACEHOLDER_BYTES.bytes),
        ("link forward", &LINK_FWD_BYTES.bytes),
        ("link reverse", &LINK_REV_BYTES.bytes),
    ]
    .into_iter()
    .chain(CUE_BYTES.iter().map(|b| ("a cue", &b.bytes)))
    .collect()
}

/// [`super::patterns::PLACEHOLDER`], anchored: run it from a byte that can start a match.
pub static PLACEHOLDER: LazyLock<DFA<&'static [u32]>> =
    LazyLock::new(|| load(&PLACEHOLDER_BYTES.bytes));

/// [`super::patterns::LINK`], unanchored, with its reverse DFA to find where a match starts.
pub static LINK: LazyLock<Regex<DFA<&'static [u32]>>> = LazyLock::new(|| {
    Regex::builder().build_from_dfas(load(&LINK_FWD_BYTES.bytes), load(&LINK_REV_BYTES.bytes))
});

/// `cue{i}.dfa` of `OUT_DIR`, aligned.
macro_rules! cue_bytes {
    ($($i:literal),*) => {
        [$(&Aligned { _align: [], bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/cue", $i, ".dfa")) }),*]
    };
}

/// How many cues `build.rs` compiles (`crate::document::parts` checks it against its list).
pub(crate) const CUE_COUNT: usize = 10;

/// The cues of the parts, one anchored DFA each, in the order of
/// `crate::document::parts::cue_patterns::CUES`.
static CUE_BYTES: [&Aligned<[u8]>; CUE_COUNT] = cue_bytes!(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

/// Cue `i`'s DFA (see `crate::document::parts::cue_patterns`), read on first use.
pub(crate) fn cue(i: usize) -> &'static DFA<&'static [u32]> {
    static CUES: [OnceLock<DFA<&'static [u32]>>; CUE_COUNT] =
        [const { OnceLock::new() }; CUE_COUNT];
    CUES[i].get_or_init(|| load(&CUE_BYTES[i].bytes))
}
