//! Fuzz the matcher: a phrase list taken from the input, compiled into a rule, matched against
//! text from the input. Hits lie on character boundaries inside the text, sorted by start.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pitchlint::matcher::Matcher;
use pitchlint::pack::PackSource;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    // "phrase1|phrase2\ntext...": up to the first newline are phrases, the rest is text.
    let (phrases, text) = s.split_once('\n').unwrap_or((s, "We partner with you."));
    let list: Vec<String> = phrases
        .split('\t')
        .filter(|p| !p.trim().is_empty())
        .map(|p| format!("{p:?}"))
        .collect();
    if list.is_empty() {
        return;
    }
    let toml = format!(
        "[pack]\nname = \"f\"\n[[rule]]\nid = \"a\"\nmessage = \"m\"\nweight = -1\nphrases = [{}]\n\
         [[rule]]\nid = \"b\"\nmessage = \"m\"\nweight = -1\nphrases = [\"partner*\", \"we'd\"]\n",
        list.join(", ")
    );
    let src = PackSource {
        path: "f.toml".into(),
        text: toml,
    };
    let Ok(rules) = pitchlint::rule::compile_pack(&src) else {
        return;
    };
    let Ok(m) = Matcher::new(&rules) else {
        return;
    };
    let mut hits = Vec::new();
    m.find_all(text, &mut hits);
    let mut last = 0;
    for h in &hits {
        assert!(h.span.start < h.span.end && h.span.end <= text.len());
        assert!(text.is_char_boundary(h.span.start) && text.is_char_boundary(h.span.end));
        assert!(h.span.start >= last, "hits out of order");
        last = h.span.start;
    }
});
