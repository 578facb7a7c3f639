//! `jsonl`: one JSON object per finding, one a line, each with the file's `path` and the same
//! fields as a finding of the `json` format. Files without findings print nothing. A file whose
//! score is below the minimum gets a record of rule `pitchlint/min-score` at 1:1 (as `concise`,
//! `sarif` and `github` do), so that every failure shows.

use std::io::{self, Write};

use super::Renderer;
use super::json::{finding, string};
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
            let line = serde_json::json!({
                "path": file.path,
                "rule": super::sarif::MIN_SCORE_RULE,
                "severity": "error",
                "weight": 0,
                "message": reason,
                "line": 1,
                "column": 1,
                "end_line": 1,
                "end_column": 1,
                "offset": 0,
                "end_offset": 0,
                "text": "",
                "score": file.score.score,
            });
            // Built first: serde_json's many small writes would each go through `dyn Write`.
            let mut buf = serde_json::to_vec(&line).map_err(io::Error::other)?;
            buf.push(b'\n');
            w.write_all(&buf)?;
        }
        Ok(())
    }
}
