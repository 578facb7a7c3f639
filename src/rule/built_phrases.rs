//! The default packs' phrases as `build.rs` parsed and expanded them, sorted by source. A pack
//! phrase found here is neither parsed nor expanded at run time: for the default packs that
//! was two fifths of building the linter, paid before every draft.

use crate::phrase::{Built, Phrase, source_hash};

static BUILT: &[Built] = include!(concat!(env!("OUT_DIR"), "/built_phrases.rs"));

/// [`BUILT`] filed by [`source_hash`]: a power of two of slots, at most half of them full, each
/// an index into `BUILT` plus one, or 0 for an empty slot; a phrase whose slot is taken is in
/// the next free one.
static SLOTS: &[u16] = include!(concat!(env!("OUT_DIR"), "/built_slots.rs"));

/// The phrase written `source`, if `build.rs` expanded it. What a phrase stands for follows
/// from its source alone, so any pack's phrase may be found here. (The default packs look up
/// some 800 phrases before every draft: a hash and one comparison each.)
pub(crate) fn find(source: &str) -> Option<Phrase> {
    let mask = SLOTS.len() - 1;
    let mut slot = source_hash(source) as usize & mask;
    loop {
        let built = &BUILT[usize::from(SLOTS[slot]).checked_sub(1)?];
        if built.source == source {
            return Some(Phrase::built(built));
        }
        slot = (slot + 1) & mask;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phrase::parse;

    /// Every built phrase stands for what the phrase parser gives for its source today.
    #[test]
    fn built_phrases_are_what_the_parser_gives() {
        assert!(BUILT.len() > 300, "only {} phrases were built", BUILT.len());
        for b in BUILT {
            let parsed = parse(b.source).expect("a built phrase parses");
            let built = find(b.source).expect("a built phrase is found by its source");
            assert_ne!(parsed, built, "{:?} was not taken from the table", b.source);
            // The same strings; a built one also knows its index among the embedded
            // strings (which the matcher's tests check), when lower-cased.
            let strings = |l: Option<Vec<crate::phrase::Literal>>| {
                l.map(|l| l.into_iter().map(|l| (l.text, l.open_end, l.id.is_some())))
                    .map(Vec::from_iter)
            };
            for lower in [true, false] {
                let parsed: Option<Vec<_>> = strings(parsed.literals(lower))
                    .map(|l| l.into_iter().map(|(t, o, _)| (t, o, lower)).collect());
                assert_eq!(
                    parsed,
                    strings(built.literals(lower)),
                    "{:?} (lower-cased: {lower})",
                    b.source
                );
            }
            assert_eq!(parsed.to_regex(), built.to_regex(), "{:?}", b.source);
        }
    }

    #[test]
    fn the_table_is_sorted_and_misses_other_phrases() {
        assert!(BUILT.windows(2).all(|w| w[0].source < w[1].source));
        assert!(find("no pack says this phrase (ever|never)").is_none());
        // Neither a built phrase's prefix, nor its source with a letter's case changed.
        for b in BUILT {
            let this = Some(Phrase::built(b));
            let cut = b.source.char_indices().last().map_or(0, |(i, _)| i);
            assert_ne!(find(&b.source[..cut]), this, "{:?}", b.source);
            if b.source.to_uppercase() != b.source {
                assert_ne!(find(&b.source.to_uppercase()), this, "{:?}", b.source);
            }
        }
    }

    /// Every phrase is filed once, in a table at most half full, and the run of taken slots
    /// from a phrase's own slot leads to it (a miss stops at the first empty slot).
    #[test]
    fn the_slots_file_every_phrase_once() {
        assert!(SLOTS.len().is_power_of_two());
        assert!(
            SLOTS.len() >= 2 * BUILT.len(),
            "{} slots for {}",
            SLOTS.len(),
            BUILT.len()
        );
        let mut filed: Vec<u16> = SLOTS.iter().copied().filter(|&s| s != 0).collect();
        filed.sort_unstable();
        let all: Vec<u16> = (1..=BUILT.len() as u16).collect();
        assert_eq!(filed, all);
        for (i, b) in BUILT.iter().enumerate() {
            assert_eq!(
                find(b.source),
                Some(Phrase::built(b)),
                "{:?} at {i}",
                b.source
            );
        }
    }
}
