//! Embeds every `rules/*.toml` file in the binary as the default pack, in name order (each
//! also lean: without its rationales and examples, which are embedded as data, and baked:
//! its lean TOML read into flat data that a run deserializes without parsing); compiles
//! the fixed regexes of document reading (`src/document/patterns.rs`, and the cues of the
//! parts in `src/document/parts/cue_patterns.rs`) and the default packs' rule regexes into
//! DFAs, so that no run pays for compiling them; and links the binary at a
//! fixed address on Linux.
use std::{env, fs, path::PathBuf};

use regex_automata::dfa::{StartKind, dense, regex::Builder};
use regex_automata::{MatchKind, nfa::thompson, util::syntax};

#[path = "src/document/patterns.rs"]
#[allow(dead_code)]
mod patterns;

#[path = "src/document/parts/cue_patterns.rs"]
#[allow(dead_code)]
mod cue_patterns;

#[path = "src/phrase/mod.rs"]
#[allow(dead_code, unused_imports)]
mod phrase;

#[path = "src/pack/bake.rs"]
#[allow(dead_code)]
mod bake;

#[path = "src/matcher/trie.rs"]
#[allow(dead_code)]
mod trie;

fn main() {
    compile_dfas();
    link_fixed();
    println!("cargo:rerun-if-changed=src/pack/bake.rs");
    let files = pack_files();
    compile_pack_dfas(&files);
    expand_pack_phrases(&files);
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut out = String::from("&[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f
            .file_name()
            .and_then(|n| n.to_str())
            .expect("utf-8 file name");
        let text = fs::read_to_string(f).expect("a default pack is UTF-8");
        let (lean, docs) = lean(&text).unwrap_or_else(|| (text.clone(), String::new()));
        let baked = match bake::bake(&lean) {
            Some((nodes, pool)) => {
                let (n, p) = (
                    out_dir.join(format!("{name}.nodes")),
                    out_dir.join(format!("{name}.pool")),
                );
                fs::write(&n, nodes).expect("write a baked pack");
                fs::write(&p, pool).expect("write a baked pack");
                format!(
                    "Some(Baked {{ nodes: include_bytes!({:?}), pool: include_str!({:?}) }})",
                    n.display().to_string(),
                    p.display().to_string()
                )
            }
            None => "None".to_string(),
        };
        out.push_str(&format!(
            "    Embedded {{ name: {name:?}, full: include_str!({:?}), lean: {lean:?}, docs: &[{docs}], baked: {baked} }},\n",
            f.display().to_string()
        ));
    }
    out.push_str("]\n");
    let dest = out_dir.join("default_packs.rs");
    fs::write(dest, out).expect("write default_packs.rs");
}

/// A default pack without what linting never reads (rationales, examples, comments), and
/// those rationales and examples as `RuleDocs` literals. Parsing the TOML was the largest
/// part of start-up, and these are three fifths of its bytes. `None` when the lean text would
/// not read as the pack without them (or the pack does not parse): the run then parses the
/// whole pack, which reports its errors.
fn lean(text: &str) -> Option<(String, String)> {
    let mut out = String::new();
    // Inside a multi-line rationale (its closing quotes), or an examples table.
    let mut skip: Option<&str> = None;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        match skip {
            Some("[") if t.starts_with('[') => skip = None,
            Some("[") => continue,
            Some(close) => {
                if t.contains(close) {
                    skip = None;
                }
                continue;
            }
            None => {}
        }
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if let Some(value) = t
            .strip_prefix("rationale")
            .and_then(|r| r.trim_start().strip_prefix('='))
        {
            let value = value.trim_start();
            for quotes in ["\"\"\"", "\'\'\'"] {
                if value.starts_with(quotes) && !value[3..].contains(quotes) {
                    skip = Some(quotes);
                }
            }
            continue;
        }
        if t == "[rule.examples]" {
            skip = Some("[");
            continue;
        }
        out.push_str(line);
    }
    // The lean pack must be the pack less its rationales and examples.
    let mut full: toml::Table = text.parse().ok()?;
    let lean: toml::Table = out.parse().ok()?;
    let mut docs = String::new();
    for rule in full.get_mut("rule")?.as_array_mut()? {
        let rule = rule.as_table_mut()?;
        let id = rule.get("id")?.as_str()?.to_string();
        let rationale = match rule.remove("rationale") {
            Some(r) => r.as_str()?.to_string(),
            None => String::new(),
        };
        let examples = rule.remove("examples");
        let texts = |key: &str| -> Option<Vec<String>> {
            match examples.as_ref().and_then(|e| e.get(key)) {
                Some(list) => list
                    .as_array()?
                    .iter()
                    .map(|t| t.as_str().map(String::from))
                    .collect(),
                None => Some(Vec::new()),
            }
        };
        let (fire, quiet) = (texts("fire")?, texts("quiet")?);
        let profile = match examples.as_ref().and_then(|e| e.get("profile")) {
            Some(p) => Some(p.as_str()?.to_string()),
            None => None,
        };
        if examples.as_ref().is_some_and(|e| {
            e.as_table().is_none_or(|t| {
                t.keys()
                    .any(|k| !["fire", "quiet", "profile"].contains(&k.as_str()))
            })
        }) {
            return None;
        }
        docs.push_str(&format!(
            "RuleDocs {{ id: {id:?}, rationale: {rationale:?}, fire: &{fire:?}, quiet: &{quiet:?}, profile: {profile:?} }}, "
        ));
    }
    (full == lean).then_some((out, docs))
}

/// Parse and expand every phrase of the default packs (`phrases`, `exceptions`, `near` and the
/// keys of `swap`), as the run would (`Phrase::literals`, `Phrase::to_regex`), and write them
/// sorted by source: a run that lints with the default packs finds each phrase there instead of
/// parsing and expanding it. A phrase that does not parse, holds a control character, or has no
/// visible character (all of which the run refuses) is left out: the run then reports it.
///
/// The table is also written filed by the hash of each source (`built_slots.rs`), which is how
/// a run looks a phrase up.
///
/// Also build the trie of all their lower-cased strings (`phrase_trie.rs`), which a run
/// with the default packs scans with instead of building it.
fn expand_pack_phrases(files: &[PathBuf]) {
    // The expansion is the phrase module's: a change to it writes the table again.
    println!("cargo:rerun-if-changed=src/phrase");
    println!("cargo:rerun-if-changed=src/matcher/trie.rs");
    let mut sources: std::collections::BTreeSet<String> = Default::default();
    for f in files {
        let text = fs::read_to_string(f).expect("a default pack is UTF-8");
        let Ok(pack) = text.parse::<toml::Table>() else {
            continue;
        };
        let rules = pack.get("rule").and_then(|r| r.as_array());
        for rule in rules.into_iter().flatten().filter_map(|r| r.as_table()) {
            for key in ["phrases", "exceptions", "near"] {
                let list = rule.get(key).and_then(|l| l.as_array());
                let strings = list.into_iter().flatten().filter_map(|p| p.as_str());
                sources.extend(strings.map(String::from));
            }
            if let Some(swap) = rule.get("swap").and_then(|s| s.as_table()) {
                sources.extend(swap.keys().cloned());
            }
        }
    }
    let parsed: Vec<(&String, phrase::Phrase)> = sources
        .iter()
        .filter(|src| !src.chars().any(char::is_control))
        .filter_map(|src| Some((src, phrase::parse(src).ok()?)))
        // A phrase of invisible characters only would match empty text: the run refuses it,
        // and the embedded trie holds no empty string.
        .filter(|(_, p)| {
            p.literals(true)
                .is_none_or(|l| l.iter().all(|l| !l.text.is_empty()))
        })
        .collect();
    // Every lower-cased string, sorted and distinct: what the run's case-insensitive
    // matcher would sort, and the embedded trie's strings. Each literal names its index.
    let lower: Vec<Option<Vec<phrase::Literal>>> =
        parsed.iter().map(|(_, p)| p.literals(true)).collect();
    let mut strings: Vec<String> = lower
        .iter()
        .flatten()
        .flatten()
        .map(|l| l.text.to_string())
        .collect();
    strings.sort_unstable();
    strings.dedup();
    let lits = |l: &Option<Vec<phrase::Literal>>, ids: bool| match l {
        Some(l) => {
            let items: Vec<String> = l
                .iter()
                .map(|l| match ids {
                    true => {
                        let id = strings
                            .binary_search_by(|s| s.as_str().cmp(&l.text))
                            .expect("every lower-cased string is listed");
                        format!("({:?}, {}, {id})", l.text, l.open_end)
                    }
                    false => format!("({:?}, {})", l.text, l.open_end),
                })
                .collect();
            format!("Some(&[{}])", items.join(", "))
        }
        None => "None".into(),
    };
    let mut out = String::from("&[\n");
    for ((src, p), lower) in parsed.iter().zip(&lower) {
        out.push_str(&format!(
            "    Built {{ source: {src:?}, lower: {}, exact: {}, regex: {:?} }},\n",
            lits(lower, true),
            lits(&p.literals(false), false),
            p.to_regex()
        ));
    }
    out.push_str("]\n");
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut trie = trie::Trie::new(&strings).to_rust("TRIE");
    trie.push_str(&format!(
        "pub(super) static TRIE_STRINGS: [&str; {}] = {strings:?};\n",
        strings.len()
    ));
    fs::write(out_dir.join("phrase_trie.rs"), trie).expect("write phrase_trie.rs");
    fs::write(out_dir.join("built_phrases.rs"), out).expect("write built_phrases.rs");
    // The phrases filed by the hash of their source, open addressing with linear probing in
    // a table at most half full: a slot holds a phrase's index + 1, 0 when empty.
    let size = (parsed.len() * 2).next_power_of_two();
    let mut slots = vec![0u16; size];
    for (i, (src, _)) in parsed.iter().enumerate() {
        let mut s = phrase::source_hash(src) as usize & (size - 1);
        while slots[s] != 0 {
            s = (s + 1) & (size - 1);
        }
        slots[s] = u16::try_from(i + 1).expect("fewer than 65,535 built phrases");
    }
    fs::write(out_dir.join("built_slots.rs"), format!("&{slots:?}\n"))
        .expect("write built_slots.rs");
}

/// The default packs, `rules/*.toml`, in name order.
fn pack_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
        .join("rules");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("rules/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

/// Compile the default packs' rule regexes into one forward and one reverse dense DFA, as the
/// matcher would compile them at run time (`src/matcher/regexes.rs`): each `pattern` with its
/// rule's case flag, distinct ones in load order, those with Unicode word boundaries left out
/// (a DFA can't have them). Also write the list of sources: the run uses the DFAs only when
/// its patterns are exactly these, and then neither parses nor compiles them. Compiling them
/// at run time was the largest part of start-up. A pack that does not parse here is skipped:
/// the run reports its errors, where they name the file and position.
fn compile_pack_dfas(files: &[PathBuf]) {
    let mut sources: Vec<String> = Vec::new();
    for f in files {
        let text = fs::read_to_string(f).expect("a default pack is UTF-8");
        let Ok(table) = text.parse::<toml::Table>() else {
            continue;
        };
        let rules = table.get("rule").and_then(|r| r.as_array());
        // A rule's `pattern`, then its `exception_pattern`: the order of its patterns.
        let regexes = rules.into_iter().flatten().flat_map(|rule| {
            ["pattern", "exception_pattern"]
                .into_iter()
                .filter_map(move |key| Some((rule, rule.get(key)?.as_str()?)))
        });
        for (rule, re) in regexes {
            let sensitive = rule
                .get("case_sensitive")
                .and_then(|c| c.as_bool())
                .unwrap_or(false);
            let flags = if sensitive { "" } else { "(?i)" };
            let source = format!("{flags}(?:{re})");
            // Left to the run: a pattern with Unicode word boundaries, one that can match
            // empty text, or one that doesn't parse (the run reports those two).
            let fits = syntax::parse(&source).is_ok_and(|hir| {
                let p = hir.properties();
                !p.look_set().contains_word_unicode() && p.minimum_len() != Some(0)
            });
            if fits && !sources.contains(&source) {
                sources.push(source);
            }
        }
    }
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let dfa = Builder::new()
        .dense(
            dense::Config::new()
                .match_kind(MatchKind::LeftmostFirst)
                .start_kind(StartKind::Both)
                .starts_for_each_pattern(true)
                .minimize(true),
        )
        .build_many(&sources);
    // A pattern that does not compile here leaves the DFAs out: the matcher then compiles
    // (and reports) it at run time.
    let (fwd, rev, listed) = match &dfa {
        Ok(re) => (bytes(re.forward()), bytes(re.reverse()), sources),
        Err(_) => (Vec::new(), Vec::new(), Vec::new()),
    };
    fs::write(out.join("rules.fwd.dfa"), fwd).expect("write rules.fwd.dfa");
    fs::write(out.join("rules.rev.dfa"), rev).expect("write rules.rev.dfa");
    fs::write(out.join("rules_dfa_sources.rs"), format!("&{listed:?}\n"))
        .expect("write rules_dfa_sources.rs");
}

/// A DFA's bytes in the target's byte order.
fn bytes(dfa: &dense::DFA<Vec<u32>>) -> Vec<u8> {
    let big = env::var("CARGO_CFG_TARGET_ENDIAN").is_ok_and(|e| e == "big");
    let (b, pad) = if big {
        dfa.to_bytes_big_endian()
    } else {
        dfa.to_bytes_little_endian()
    };
    b[pad..].to_vec()
}

/// Link the binary at a fixed address on Linux. A position-independent binary makes the
/// loader patch 19,000 pointers at every start, and each page it writes is copied (about 100
/// page faults); `pitchlint` runs before every send, so start-up is felt. The CLI tests run
/// this binary, so they run what ships. The cost: no address-space randomisation of the
/// binary's own code (libraries, heap and stack are still randomised).
fn link_fixed() {
    if env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}

/// Write each DFA in the target's byte order into `OUT_DIR`: the placeholder regex as one
/// anchored forward DFA (an unanchored one would be 15 MB: it tracks every `{{` and `[` at
/// once), the link regex as the forward and reverse DFAs of a `dfa::regex::Regex`.
fn compile_dfas() {
    println!("cargo:rerun-if-changed=src/document/patterns.rs");
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
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
    compile_cue_dfa(&out);
}

/// The cues of the parts (greetings, sign-offs…), each as an anchored forward DFA of its own
/// (`cue0.dfa`…): each is run from the start of a line, and only where its match ends (or
/// whether there is one) is read.
fn compile_cue_dfa(out: &std::path::Path) {
    println!("cargo:rerun-if-changed=src/document/parts/cue_patterns.rs");
    for (i, &(pattern, anchored)) in cue_patterns::CUES.iter().enumerate() {
        let dfa = dense::Builder::new()
            .configure(
                dense::Config::new()
                    .start_kind(StartKind::Anchored)
                    .match_kind(MatchKind::LeftmostFirst),
            )
            // Bytes for the lazy `.*?` of a cue that may stand anywhere.
            .syntax(syntax::Config::new().utf8(false))
            .thompson(thompson::Config::new().utf8(false))
            .build(&cue_patterns::for_dfa(pattern, anchored))
            .expect("cue DFA builds");
        fs::write(out.join(format!("cue{i}.dfa")), bytes(&dfa)).expect("write a cue DFA");
    }
}
