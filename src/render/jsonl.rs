//! `jsonl`: one JSON object per finding, one a line, each with the file's `path` and the same
//! fields as a finding of the `json` format. Files without findings print nothing.

use std::io::{self, Write};

use serde::Serialize;

use super::Renderer;
use super::json::{JsonFinding, findings};
use crate::report::FileReport;

/// The JSON Lines renderer.
pub struct Jsonl;

#[derive(Serialize)]
struct Line<'a> {
    path: &'a str,
    #[serde(flatten)]
    finding: JsonFinding<'a>,
}

impl Renderer for Jsonl {
    fn file(&mut self, w: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        for finding in findings(file) {
            let line = Line {
                path: &file.path,
                finding,
            };
            serde_json::to_writer(&mut *w, &line).map_err(io::Error::other)?;
            w.write_all(b"\n")?;
        }
        Ok(())
    }
}
