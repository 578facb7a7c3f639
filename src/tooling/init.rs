//! `pitchlint init`: a starter `pitchlint.toml` and a sample team pack, never overwriting.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, ErrorKind, Result};

/// The starter config.
pub const CONFIG: &str = r#"# pitchlint config: found by walking up from each linted file's folder.
# Every key is optional; command-line flags beat this file. See the README, "Config file".

# Packs to load besides the embedded default pack (paths relative to this file).
packs = ["rules/team.toml"]
# default_rules = true

# Rules to use and not to use: pack/id, a pack, a bare id, or a prefix of pack/id. `select`
# keeps only what it names: a pack left out is off (draft's unfilled merge fields too), and so
# are the built-in pitchlint/ checks (missing-subject, fake-reply) unless it names them.
# select = ["draft", "research", "seed", "sales", "team", "pitchlint"]
# ignore = ["sales/cliches"]

# Names no rule flags: a customer or product whose name has "partner" or "quality" in it.
# accept = ["Partners HealthCare"]

# The gate: a file fails below min_score, or with a finding of fail_on severity or above.
min_score = 50
fail_on = "error"
# max_warnings = 20
# exit_zero = false

# The kind of message (first-touch, follow-up, proposal), and whether files are templates
# whose merge fields ({{first_name}}) are allowed. Both can be set per path below.
# profile = "first-touch"
# template = false

# Files found in folders: globs relative to this file. A repository's own documents are no
# pitch: without these, `pitchlint .` would score its README.
# include = ["**/*.md", "**/*.txt"]
exclude = ["archive/**", "**/README.md", "**/CHANGELOG.md", "**/CONTRIBUTING.md"]

# Tables come last. In TOML a key written below a `[table]` or `[[overrides]]` line belongs
# to that table: add top-level keys above this line, not at the end of the file.

# A rule's severity or weight, changed.
# [rules."sales/buzzwords"]
# severity = "error"
# weight = -8

# A metric rule's bounds: our first emails may run to 150 words (follow-ups and proposals
# keep their own, 100 and 450; a `[rules."research/too-long".profile.follow-up]` table
# changes one).
# [rules."research/too-long"]
# max = 150

# Stricter for proposals than for follow-ups. (A draft starts at 70: rewards lift it, penalties
# lower it; 60 lets a clean proposal through with a warning or two.)
# [[overrides]]
# paths = ["proposals/**"]
# min_score = 60
# profile = "proposal"

# [[overrides]]
# paths = ["followups/**"]
# profile = "follow-up"

# [[overrides]]
# paths = ["templates/**"]
# template = true
"#;

/// The sample team pack.
pub const TEAM_PACK: &str = r#"# Our team's pitch rules. Check them with `pitchlint check-rules rules/`.
[pack]
name = "team"
description = "Our team's own rules."

[[rule]]
id = "competitor-name"
message = "Don't name competitors in a first email: talk about the buyer's results."
weight = -6
severity = "warning"
phrases = ["Globex", "Initech"]
suggest = "Say what the buyer gets: \"We cut changeover time by a third at three breweries.\""
rationale = "Naming a competitor spends the buyer's attention on them, and can read as a dig."
[rule.examples]
fire = ["Hi Dana,\n\nUnlike Globex, we deliver on time.\n\nBest,\nSam"]
quiet = ["Hi Dana,\n\nWe deliver on time.\n\nBest,\nSam"]

[[rule]]
id = "proof-offered"
message = "Offering proof (a case study, references) shows you can stand behind your claims."
weight = 4
phrases = ["case study", "case studies", "reference~"]
[rule.examples]
fire = ["Hi Dana,\n\nI can send a case study from a brewery your size.\n\nBest,\nSam"]
quiet = ["Hi Dana,\n\nWe are the best.\n\nBest,\nSam"]
"#;

/// The files `init` writes, relative to its folder.
pub const FILES: [&str; 2] = ["pitchlint.toml", "rules/team.toml"];

/// The name of the sample pack of a config under another one: the folder's, as kebab-case,
/// then `-team` (`proposals` -> `proposals-team`), so that a run over both folders does not
/// load two packs named `team` (SARIF then listed one `team/…` rule for both).
fn nested_pack_name(dir: &Path) -> String {
    let folder = dir
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let mut name = String::new();
    for c in folder.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            name.push(c);
        } else if !name.is_empty() && !name.ends_with('-') {
            name.push('-');
        }
    }
    let name = name.trim_end_matches('-');
    if name.is_empty() {
        "folder-team".to_string()
    } else {
        format!("{name}-team")
    }
}

/// Write `dir/pitchlint.toml` and `dir/rules/team.toml` ([`FILES`]). When either exists,
/// nothing is written; when one cannot be written, neither is left (a config whose pack is
/// missing would stop every run in the folder, and `init` again would refuse to run).
///
/// Returns the config of a folder above, if there is one: the new config takes its place for
/// the drafts under `dir` (the nearest config wins), which the caller says. Its pack is then
/// named after the folder (see [`nested_pack_name`]).
pub fn init(dir: &Path) -> Result<Option<std::path::PathBuf>> {
    let config = dir.join("pitchlint.toml");
    let pack = dir.join("rules").join("team.toml");
    for p in [&config, &pack] {
        if p.exists() {
            return Err(Error::file(
                ErrorKind::Usage,
                p,
                "already exists: pitchlint init never overwrites a file",
            ));
        }
    }
    // A `.pitchlint.toml` there already would be shadowed by the new `pitchlint.toml` (the
    // first name wins), its settings dropped without a word.
    for name in crate::config::FILE_NAMES {
        let p = dir.join(name);
        if p.exists() {
            return Err(Error::file(
                ErrorKind::Usage,
                &p,
                "this folder has a config already: a new pitchlint.toml beside it would take its \
                 place; edit it (`pitchlint config` shows what it sets)",
            ));
        }
    }
    // The config the drafts here used so far, as discovery finds it.
    let above = dir
        .ancestors()
        .skip(1)
        .find_map(crate::config::discover::config_in);
    // The config's commented-out `select` names the pack too: uncommented, it must load.
    let (pack_text, config_text) = match &above {
        Some(_) => {
            let name = nested_pack_name(dir);
            (
                TEAM_PACK.replacen("name = \"team\"", &format!("name = \"{name}\""), 1),
                CONFIG.replacen(
                    "\"team\", \"pitchlint\"]",
                    &format!("\"{name}\", \"pitchlint\"]"),
                    1,
                ),
            )
        }
        None => (TEAM_PACK.to_string(), CONFIG.to_string()),
    };
    let rules = dir.join("rules");
    let made_rules = !rules.exists();
    std::fs::create_dir_all(&rules).map_err(|e| Error::io(&rules, &e))?;
    let mut written: Vec<&Path> = Vec::new();
    for (path, text) in [(&pack, pack_text.as_str()), (&config, config_text.as_str())] {
        // create_new: even a file that appeared since the check above is never overwritten.
        let wrote = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .and_then(|mut f| {
                written.push(path);
                f.write_all(text.as_bytes())
            });
        if let Err(e) = wrote {
            for p in &written {
                let _ = std::fs::remove_file(p);
            }
            if made_rules {
                let _ = std::fs::remove_dir(&rules);
            }
            return Err(Error::io(path, &e));
        }
    }
    Ok(above)
}
