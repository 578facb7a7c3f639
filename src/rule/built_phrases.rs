//! The default packs' phrases as `build.rs` parsed and expanded them, sorted by source. A pack
//! phrase found here is neither parsed nor expanded at run time: for the default packs that
//! was two fifths of building the linter, paid before every draft.

use crate::phrase::{Built, Phrase};

static BUILT: &[Built] = include!(concat!(env!("OUT_DIR"), "/built_phrases.rs"));

/// The phrase written `source`, if `build.rs` expanded it. What a phrase stands for follows
/// from its source alone, so any pack's phrase may be found here.
pub(crate) fn find(source: &str) -> Option<Phrase> {
    let i = BUILT.binary_search_by(|b| b.source.cmp(source)).ok()?;
    Some(Phrase::built(&BUILT[i]))
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
    }
}
