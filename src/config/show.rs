//! `pitchlint config` / `--show-config`: the merged config as TOML, each value with a comment
//! saying where it came from.

use std::fmt::Write as _;

use super::Config;

fn quoted(list: &[String]) -> String {
    let items: Vec<String> = list
        .iter()
        .map(|s| toml::Value::String(s.clone()).to_string())
        .collect();
    format!("[{}]", items.join(", "))
}

fn line(out: &mut String, key: &str, value: String, origin: &str) {
    let kv = format!("{key} = {value}");
    let _ = writeln!(out, "{kv:<40} # {origin}");
}

impl Config {
    /// The `[[overrides]]` entries among `left` whose `paths` match no draft in this config's
    /// folder (a folder walk as linting does it, stopped once every entry matched one).
    pub(crate) fn overrides_matching_nothing(&self, left: Vec<usize>) -> Vec<usize> {
        if left.is_empty() || self.path.is_none() {
            return Vec::new();
        }
        // As linting walks a folder: .gitignore'd and hidden files skipped, in a git
        // repository or not, and the config's include and exclude applied.
        let walk = crate::inputs::walker(&self.base).build();
        let drafts = walk.flatten().filter(|entry| {
            let p = entry.path();
            entry.file_type().is_some_and(|t| t.is_file())
                && crate::document::Format::from_path(p).is_some()
                && self.wants(p)
        });
        self.overrides_unmatched(left, drafts.map(|e| e.into_path()))
    }

    /// The merged config as TOML, with where each value came from.
    pub fn show(&self) -> String {
        let mut out = String::new();
        let file = self.path.as_ref().map(|p| p.display().to_string());
        let _ = writeln!(
            out,
            "# config file: {}",
            file.as_deref().unwrap_or("none (defaults and flags only)")
        );
        line(
            &mut out,
            "default_rules",
            self.default_rules.value.to_string(),
            &self.default_rules.origin,
        );
        if !self.packs.is_empty() {
            let paths: Vec<String> = self
                .packs
                .iter()
                .map(|p| p.path.display().to_string())
                .collect();
            let mut origins: Vec<&str> = self.packs.iter().map(|p| p.origin.as_str()).collect();
            origins.dedup();
            line(&mut out, "packs", quoted(&paths), &origins.join(" + "));
        }
        let origin = file.as_deref().unwrap_or("default");
        let texts = |l: &[super::Selector]| l.iter().map(|s| s.text.clone()).collect::<Vec<_>>();
        match &self.selection.select {
            Some(l) => line(&mut out, "select", quoted(&texts(l)), origin),
            // A comment, as `max_warnings` below: `select = []` would turn every rule off.
            None => {
                let _ = writeln!(out, "{:<40} # default: every loaded rule", "# select");
            }
        }
        line(
            &mut out,
            "ignore",
            quoted(&texts(&self.selection.ignore)),
            if self.selection.ignore.is_empty() {
                "default"
            } else {
                origin
            },
        );
        line(
            &mut out,
            "min_score",
            self.min_score.value.unwrap_or(0).to_string(),
            &self.min_score.origin,
        );
        line(
            &mut out,
            "fail_on",
            format!("\"{}\"", self.fail_on.value),
            &self.fail_on.origin,
        );
        match self.max_warnings.value {
            Some(n) => line(
                &mut out,
                "max_warnings",
                n.to_string(),
                &self.max_warnings.origin,
            ),
            None => {
                let _ = writeln!(
                    out,
                    "{:<40} # {}: no limit",
                    "# max_warnings", self.max_warnings.origin
                );
            }
        }
        line(
            &mut out,
            "exit_zero",
            self.exit_zero.value.to_string(),
            &self.exit_zero.origin,
        );
        line(
            &mut out,
            "profile",
            format!("\"{}\"", self.profile.value),
            &self.profile.origin,
        );
        line(
            &mut out,
            "template",
            self.template.value.to_string(),
            &self.template.origin,
        );
        if self.accept_top > 0 {
            line(
                &mut out,
                "accept",
                quoted(&self.accept[..self.accept_top]),
                origin,
            );
        }
        for (key, globs) in [("include", &self.include), ("exclude", &self.exclude)] {
            if let Some(g) = globs {
                line(&mut out, key, quoted(&g.patterns), origin);
            }
        }
        for c in &self.selection.changes {
            // Its origin in the column of the others' (`[[overrides]]`, 40 wide).
            let header = format!("[rules.\"{}\"]", c.rule);
            let _ = writeln!(out, "\n{header:<40} # {origin}");
            for l in c.toml() {
                let _ = writeln!(out, "{l}");
            }
        }
        let unmatched = self.overrides_matching_nothing((0..self.overrides.len()).collect());
        for (i, o) in self.overrides.iter().enumerate() {
            let _ = writeln!(out, "\n[[overrides]]{:<27} # {origin}", "");
            let _ = writeln!(out, "paths = {}", quoted(&o.paths.patterns));
            if unmatched.contains(&i) {
                let _ = writeln!(
                    out,
                    "# matches no draft under {} (a misspelt folder?)",
                    self.base.display()
                );
            }
            if let Some(n) = o.min_score {
                let _ = writeln!(out, "min_score = {n}");
            }
            if let Some(s) = o.fail_on {
                let _ = writeln!(out, "fail_on = \"{s}\"");
            }
            match o.max_warnings {
                Some(Some(n)) => {
                    let _ = writeln!(out, "max_warnings = {n}");
                }
                Some(None) => {
                    let _ = writeln!(out, "max_warnings = -1                        # no limit");
                }
                None => {}
            }
            if let Some(z) = o.exit_zero {
                let _ = writeln!(out, "exit_zero = {z}");
            }
            if !o.ignore.is_empty() {
                let _ = writeln!(out, "ignore = {}", quoted(&o.ignore));
            }
            if !o.accept.is_empty() {
                let _ = writeln!(out, "accept = {}", quoted(&self.accept[o.accept.clone()]));
            }
            if let Some(p) = o.profile {
                let _ = writeln!(out, "profile = \"{p}\"");
            }
            if let Some(t) = o.template {
                let _ = writeln!(out, "template = {t}");
            }
        }
        out
    }
}
