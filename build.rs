//! Embeds every `rules/*.toml` file in the binary as the default pack, in name order, and
//! compiles the fixed regexes of document reading (`src/document/patterns.rs`) into DFAs, so
//! that no run pays for compiling them.
use std::{env, fs, path::PathBuf};

use regex_automata::dfa::{StartKind, dense, regex::Builder};
use regex_automata::{MatchKind, nfa::thompson, util::syntax};

#[path = "src/document/patterns.rs"]
#[allow(dead_code)]
mod patterns;

fn main() {
    compile_dfas();
    let dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
        .join("rules");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("rules/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut out = String::from("&[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f
            .file_name()
            .and_then(|n| n.to_str())
            .expect("utf-8 file name");
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            f.display().to_string()
        ));
    }
    out.push_str("]\n");
    let dest =
        PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("default_packs.rs");
    fs::write(dest, out).expect("write default_packs.rs");
}

/// Write each DFA in the target's byte order into `OUT_DIR`: the placeholder regex as one
/// anchored forward DFA (an unanchored one would be 15 MB: it tracks every `{{` and `[` at
/// once), the link regex as the forward and reverse DFAs of a `dfa::regex::Regex`.
fn compile_dfas() {
    println!("cargo:rerun-if-changed=src/document/patterns.rs");
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let big = env::var("CARGO_CFG_TARGET_ENDIAN").is_ok_and(|e| e == "big");
    let bytes = |dfa: &dense::DFA<Vec<u32>>| {
        let (b, pad) = if big {
            dfa.to_bytes_big_endian()
        } else {
            dfa.to_bytes_little_endian()
        };
        b[pad..].to_vec()
    };
    let syntax = syntax::Config::new().utf8(false);
    let nfa = thompson::Config::new().utf8(false);
    let placeholder = dense::Builder::new()
        .configure(
            dense::Config::new()
                .start_kind(StartKind::Anchored)
                .match_kind(MatchKind::LeftmostFirst),
        )
        .syntax(syntax)
        .thompson(nfa.clone())
        .build(patterns::PLACEHOLDER)
        .expect("placeholder DFA builds");
    fs::write(out.join("placeholder.dfa"), bytes(&placeholder)).expect("write placeholder.dfa");
    let link = Builder::new()
        .dense(dense::Config::new().start_kind(StartKind::Unanchored))
        .syntax(syntax)
        .thompson(nfa)
        .build(patterns::LINK)
        .expect("link DFAs build");
    fs::write(out.join("link.fwd.dfa"), bytes(link.forward())).expect("write link.fwd.dfa");
    fs::write(out.join("link.rev.dfa"), bytes(link.reverse())).expect("write link.rev.dfa");
}
