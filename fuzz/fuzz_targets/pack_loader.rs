//! Fuzz the rule-pack loader: any text as a pack file must load or give a one-line error that
//! points into the file, and a pack that loads must compile into a linter or give an error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pitchlint::Linter;
use pitchlint::pack::PackSource;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let src = PackSource {
        path: "fuzz.toml".into(),
        text: text.to_string(),
    };
    match Linter::new(std::slice::from_ref(&src)) {
        Ok(linter) => {
            let doc = pitchlint::document::read(
                "d.txt",
                b"Hi Dana,\n\nWe partner with you.\n\nBest,\nSam".to_vec(),
                pitchlint::document::Format::Text,
            );
            if let Some(doc) = doc {
                let _ = linter.check(&doc);
            }
        }
        Err(e) => {
            let line = e.to_string();
            assert!(!line.contains('\n'), "multi-line error: {line}");
            assert!(line.starts_with("fuzz.toml"), "error without its file: {line}");
        }
    }
});
