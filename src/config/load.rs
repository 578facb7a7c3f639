//! Reading one config file: its keys, checked and placed (`file:line:column` for a bad
//! value), then the command-line flags on top.

use std::ops::Range;
use std::path::Path;

use toml::Spanned;

use super::select::{RuleChange, Selector};
use super::{Config, ConfigFile, Flags, Globs, Override, PackRef, normalize, sourced};
use crate::error::{Error, ErrorKind, Result};
use crate::profile::Profile;

/// The key a "missing field `paths`" error names.
fn missing_key(message: &str) -> Option<&str> {
    let rest = &message[message.find("missing field `")? + "missing field `".len()..];
    rest.split('`').next()
}

/// `text` with its 1-based `line` blanked (its characters made spaces), and the line as it
/// was; `None` if that line is a table header or goes on to the next line (a list or table
/// opened and not closed, a multi-line string): blanking those would change what the lines
/// under them mean.
fn blank_line(text: &str, line: usize) -> Option<(String, String)> {
    // The lines as the error's position counts them.
    let index = crate::position::LineIndex::new(text);
    let line = line.checked_sub(1).filter(|&l| l < index.len())?;
    let Range { start, end } = index.line_range(text, line);
    let l = text[start..end].trim();
    if l.starts_with('[') || l.contains("\"\"\"") || l.contains("\'\'\'") || opens(l) {
        return None;
    }
    let blank = " ".repeat(text[start..end].chars().count());
    Some((
        format!("{}{blank}{}", &text[..start], &text[end..]),
        text[start..end].to_string(),
    ))
}

/// Whether TOML line `l` opens a list or an inline table it does not close. Brackets inside
/// strings do not count (a glob's `"a/[b"`, `"*.{md"`), nor after a comment.
fn opens(l: &str) -> bool {
    let (mut depth, mut quote, mut escaped) = (0i32, None, false);
    for c in l.chars() {
        match quote {
            Some(q) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' && q == '"' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                }
            }
            None => match c {
                '"' | '\'' => quote = Some(c),
                '[' | '{' => depth += 1,
                ']' | '}' => depth -= 1,
                '#' => break,
                _ => {}
            },
        }
    }
    depth > 0
}

fn min_score(v: &Spanned<i64>, path: &Path, text: &str, key: &str) -> Result<Option<u8>> {
    match u8::try_from(*v.get_ref()) {
        Ok(n) if n <= 100 => Ok((n > 0).then_some(n)),
        _ => Err(Error::at(
            ErrorKind::Config,
            path,
            text,
            v.span().start,
            format!(
                "`{key}` = {} is out of range: expected an integer from 0 to 100",
                v.get_ref()
            ),
        )),
    }
}

/// A `max_warnings` of the config: a limit, or `None` for -1 (no limit).
fn max_warnings(v: &Spanned<i64>, path: &Path, text: &str) -> Result<Option<usize>> {
    match *v.get_ref() {
        -1 => Ok(None),
        n => usize::try_from(n).map(Some).map_err(|_| {
            Error::at(
                ErrorKind::Config,
                path,
                text,
                v.span().start,
                format!(
                    "`max_warnings` = {n} is out of range: expected a whole number, 0 or more, \
                     or -1 for no limit"
                ),
            )
        }),
    }
}

/// Whether the error at `inner` lies in the table whose missing key is reported at `table`
/// (1-based line and column): on its line (an inline table), or below its `[header]` with no
/// other header between.
fn same_table(text: &str, table: Option<(usize, usize)>, inner: Option<(usize, usize)>) -> bool {
    let (Some((at, _)), Some((line, _))) = (table, inner) else {
        return false;
    };
    line == at
        || (line > at
            && text
                .lines()
                .skip(at)
                .take(line - at)
                .all(|l| !l.trim_start().starts_with('[')))
}

impl Config {
    /// Read and merge the config file at `path` (absolute), then the flags.
    pub fn load(path: &Path, flags: &Flags, cwd: &Path) -> Result<Config> {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, &e))?;
        crate::error::regular_file_or_folder(path, &meta, "a config file is TOML text")?;
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, &e))?;
        let text = crate::error::utf8_text(path, bytes, "config file")?;
        // The TOML reader stops at a file's first bad value: to report them all in one run, as
        // a pack's are, the line of each is blanked and the file read again, as long as the
        // blanked text is still TOML (a table header, or a line that goes on, is not blanked:
        // the lines under it would change meaning). A required key blanked away is no error.
        let mut errors: Vec<Error> = Vec::new();
        let mut read = text.clone();
        let mut blanked: Vec<String> = Vec::new();
        loop {
            let e = match Self::read(path, &read, flags, cwd) {
                Ok(c) if errors.is_empty() => return Ok(c),
                Ok(_) => break,
                Err(e) => e,
            };
            // Also made up: a key missing from a table because an error already reported in
            // that table names it as the one meant (`path = …`: "unknown field `path` (did you
            // mean `paths`?)"). Another table's missing key is an error of its own.
            let made_up = missing_key(&e.message).is_some_and(|key| {
                blanked.iter().any(|l| {
                    let l = l.trim_start().trim_start_matches(['"', '\'']);
                    l.starts_with(key)
                }) || errors.iter().any(|o| {
                    o.message.contains(&format!("did you mean `{key}`"))
                        && same_table(&text, e.position, o.position)
                })
            });
            if made_up {
                break;
            }
            // Reported already (one of a multi-line list's errors, found with another): its
            // line is blanked too, and the reading goes on.
            if errors.iter().any(|o| o.position == e.position) {
                match e
                    .position
                    .and_then(|(line, _)| blank_line(&read, line))
                    .filter(|(t, _)| t.parse::<toml::Table>().is_ok() && *t != read)
                {
                    Some((t, line)) => {
                        read = t;
                        blanked.push(line);
                        continue;
                    }
                    None => break,
                }
            }
            let next = e
                .position
                .filter(|_| errors.len() < 20)
                .and_then(|(line, _)| blank_line(&read, line))
                .filter(|(t, _)| t.parse::<toml::Table>().is_ok());
            // With the others found with it (every invalid glob of a list).
            errors.extend(e.into_all());
            match next {
                Some((t, line)) => {
                    read = t;
                    blanked.push(line);
                }
                None => break,
            }
        }
        errors.sort_by_key(|e| e.position);
        Error::first_of(errors).map_or_else(|| Self::read(path, &text, flags, cwd), Err)
    }

    /// [`Config::load`] of the config text `text` (the file's, or with lines blanked).
    fn read(path: &Path, text: &str, flags: &Flags, cwd: &Path) -> Result<Config> {
        let text = text.to_string();
        let file: ConfigFile = toml::from_str(&text).map_err(|e| {
            let message = crate::error::toml_message(&e, &text);
            match e.span() {
                Some(s) => Error::at(ErrorKind::Config, path, &text, s.start, message),
                None => Error::file(ErrorKind::Config, path, message),
            }
        })?;
        let base = path
            .parent()
            .map_or_else(|| cwd.to_path_buf(), Path::to_path_buf);
        let origin = path.display().to_string();
        let mut c = Config::defaults(&Flags::default(), cwd);
        c.base = base.clone();
        let selectors = |l: &Option<Vec<Spanned<String>>>| {
            l.as_ref().map(|v| {
                v.iter()
                    .map(|s| Selector {
                        text: s.get_ref().clone(),
                        offset: Some(s.span().start),
                        flag: false,
                    })
                    .collect::<Vec<_>>()
            })
        };
        if let Some(v) = file.default_rules {
            c.default_rules = sourced(v, &origin);
        }
        for p in file.packs.iter().flatten() {
            c.packs.push(PackRef {
                path: normalize(&base.join(p.get_ref())),
                origin: origin.clone(),
                offset: Some(p.span().start),
                shown: None,
            });
        }
        // An empty list would turn every rule off and pass every draft: `pitchlint config`
        // once printed it as the default, and `--select ''` is refused as this is.
        if let Some(empty) = file.select.as_ref().filter(|s| s.get_ref().is_empty()) {
            return Err(Error::at(
                ErrorKind::Config,
                path,
                &text,
                empty.span().start,
                "`select` is an empty list: it would turn every rule off; leave it out to use \
                 every loaded rule, or name rules: select = [\"seed\", \"sales/pushy-close\"]"
                    .to_string(),
            ));
        }
        c.selection.select = selectors(&file.select.map(Spanned::into_inner));
        c.selection.ignore = selectors(&file.ignore).unwrap_or_default();
        for (key, o) in file.rules.iter().flatten() {
            let weight = match &o.weight {
                None => None,
                Some(w) if (-100..=100).contains(w.get_ref()) => Some(*w.get_ref() as i32),
                Some(w) => {
                    return Err(Error::at(
                        ErrorKind::Config,
                        path,
                        &text,
                        w.span().start,
                        format!(
                            "weight {} is out of range: expected an integer from -100 to 100",
                            w.get_ref()
                        ),
                    ));
                }
            };
            let value = |v: &Option<Spanned<f64>>| v.as_ref().map(|v| *v.get_ref());
            let mut bounds = crate::rule::NewBounds {
                min: value(&o.min),
                max: value(&o.max),
                profiles: Default::default(),
            };
            let mut bound_offsets = Vec::new();
            let mut offsets = |p: Option<Profile>, b: [&Option<Spanned<f64>>; 2]| {
                for (key, v) in ["min", "max"].into_iter().zip(b) {
                    if let Some(v) = v {
                        bound_offsets.push((p, key, v.span().start));
                    }
                }
            };
            offsets(None, [&o.min, &o.max]);
            for (name, pb) in o.profile.iter().flatten() {
                let Some(p) = Profile::from_name(name.get_ref()) else {
                    return Err(Error::at(
                        ErrorKind::Config,
                        path,
                        &text,
                        name.span().start,
                        format!(
                            "`rules.\"{}\".profile`: {}",
                            key.get_ref(),
                            crate::error::unknown("profile", name.get_ref(), &Profile::names())
                        ),
                    ));
                };
                bounds.profiles[p.index()] = (value(&pb.min), value(&pb.max));
                offsets(Some(p), [&pb.min, &pb.max]);
            }
            c.selection.changes.push(RuleChange {
                rule: key.get_ref().clone(),
                offset: Some(key.span().start),
                weight_offset: o.weight.as_ref().map(|w| w.span().start),
                severity: o.severity.map(Into::into),
                weight,
                bounds,
                bound_offsets,
            });
        }
        if let Some(v) = &file.min_score {
            c.min_score = sourced(min_score(v, path, &text, "min_score")?, &origin);
        }
        if let Some(v) = file.fail_on {
            c.fail_on = sourced(v.into(), &origin);
        }
        if let Some(v) = &file.max_warnings {
            c.max_warnings = sourced(max_warnings(v, path, &text)?, &origin);
        }
        if let Some(v) = file.exit_zero {
            c.exit_zero = sourced(v, &origin);
        }
        if let Some(p) = file.profile {
            c.profile = sourced(p.into(), &origin);
        }
        if let Some(t) = file.template {
            c.template = sourced(t, &origin);
        }
        if let Some(l) = &file.include {
            c.include = Some(Globs::new(l, path, &text, "include")?);
        }
        if let Some(l) = &file.exclude {
            c.exclude = Some(Globs::new(l, path, &text, "exclude")?);
        }
        let mut phrases = Vec::new();
        let mut terms = |list: &Option<Vec<Spanned<String>>>| -> Result<std::ops::Range<usize>> {
            let from = c.accept.len();
            for t in list.iter().flatten() {
                // +1 skips the opening quote of the TOML string.
                let phrase = crate::phrase::parse(t.get_ref()).map_err(|e| {
                    Error::at(
                        ErrorKind::Config,
                        path,
                        &text,
                        t.span().start + 1 + e.offset,
                        format!("`accept`: phrase {:?}: {}", t.get_ref(), e.message),
                    )
                })?;
                phrases.push(phrase);
                c.accept.push(t.get_ref().clone());
            }
            Ok(from..c.accept.len())
        };
        let top = terms(&file.accept)?;
        let mut entries = Vec::new();
        for o in file.overrides.iter().flatten() {
            entries.push(terms(&o.accept)?);
        }
        c.accept_top = top.len();
        for (o, accept) in file.overrides.iter().flatten().zip(entries) {
            c.overrides.push(Override {
                paths: Globs::new(&o.paths, path, &text, "overrides.paths")?,
                min_score: match &o.min_score {
                    Some(v) => Some(min_score(v, path, &text, "min_score")?.unwrap_or(0)),
                    None => None,
                },
                fail_on: o.fail_on.map(Into::into),
                max_warnings: match &o.max_warnings {
                    Some(v) => Some(max_warnings(v, path, &text)?),
                    None => None,
                },
                exit_zero: o.exit_zero,
                ignore: o
                    .ignore
                    .iter()
                    .flatten()
                    .map(|s| s.get_ref().clone())
                    .collect(),
                profile: o.profile.map(Into::into),
                template: o.template,
                accept,
            });
            c.selection
                .path_ignores
                .extend(selectors(&o.ignore).unwrap_or_default());
        }
        if !phrases.is_empty() {
            let accepted = crate::accept::Accepted::new(phrases).map_err(|e| {
                Error::file(ErrorKind::Config, path, format!("`accept`: {}", e.message))
            })?;
            c.accepted = Some(std::sync::Arc::new(accepted));
        }
        c.path = Some(path.to_path_buf());
        c.text = text;
        c.apply_flags(flags, cwd);
        Ok(c)
    }

    pub(super) fn apply_flags(&mut self, flags: &Flags, cwd: &Path) {
        if flags.no_default_rules {
            self.default_rules = sourced(false, "--no-default-rules");
        }
        for p in &flags.rules {
            self.packs.push(PackRef {
                path: normalize(&cwd.join(p)),
                origin: "--rules".into(),
                offset: None,
                shown: Some(p.clone()),
            });
        }
        if let Some(n) = flags.min_score {
            self.min_score = sourced((n > 0).then_some(n), "--min-score");
            self.flag_gate[0] = true;
        }
        if let Some(s) = flags.fail_on {
            self.fail_on = sourced(s, "--fail-on");
            self.flag_gate[1] = true;
        }
        if let Some(n) = flags.max_warnings {
            self.max_warnings = sourced(n, "--max-warnings");
            self.flag_gate[2] = true;
        }
        if flags.exit_zero {
            self.exit_zero = sourced(true, "--exit-zero");
            self.flag_gate[3] = true;
        }
        if let Some(p) = flags.profile {
            self.profile = sourced(p, "--profile");
            self.flag_gate[4] = true;
        }
        if flags.template {
            self.template = sourced(true, "--template");
            self.flag_gate[5] = true;
        }
        let from_flag = |text: &String| Selector {
            text: text.clone(),
            offset: None,
            flag: true,
        };
        if let Some(list) = &flags.select {
            self.selection.select = Some(list.iter().map(from_flag).collect());
        }
        self.selection
            .ignore
            .extend(flags.ignore.iter().map(from_flag));
    }
}
