//! `jsonl`: one JSON object per finding, one a line, each with the file's `path` and the same
//! fields as a finding of the `json` format. Files without findings print nothing. A file whose
//! score is below the minimum gets a record of rule `pitchlint/min-score` at 1:1 (as `concise`,
//! `sarif` and `github` do), so that every failure shows: the fields of every finding (scope
//! `none`), then the file's `score`. An input that was not linted gets the record the json
//! report lists under `unread`: its `path`, `message` and `error` (false for a file skipped as
//! binary), so that a script reading standard output alone sees it too.

use std::io::{self, Write};

use super::Renderer;
use super::json::{finding, min_score, string};
use crate::report::FileReport;

/// The JSON Lines renderer.
pub struct Jsonl;

impl Renderer for Jsonl {
    fn file(&mut self, w: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        let mut path = b"{\"path\":".to_vec();
        string(&mut path, &file.path)?;
        path.push(b',');
        super::each_finding(w, file, super::PIECE, |buf, _, _, l| {
            buf.write_all(&path)?;
            finding(file, l).write_fields(buf)?;
            buf.write_all(b"}\n")
        })?;
        if let Some(reason) = file.score.reasons.iter().find(|r| r.starts_with("score ")) {
            // The fields of every finding, then the score.
            let mut buf = path;
            min_score(reason).write_fields(&mut buf)?;
            buf.extend_from_slice(b",\"score\":");
            buf.extend_from_slice(itoa::Buffer::new().format(file.score.score).as_bytes());
            buf.extend_from_slice(b"}\n");
            w.write_all(&buf)?;
        }
        Ok(())
    }

    fn unread(
        &mut self,
        w: &mut dyn Write,
        path: &str,
        message: &str,
        error: bool,
    ) -> io::Result<()> {
        let record = super::json::unread_record(path, message, error);
        serde_json::to_writer(&mut *w, &record).map_err(io::Error::from)?;
        w.write_all(b"\n")
    }
}
