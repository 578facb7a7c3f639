//! Renderers: one small module per output format, over the same [`FileReport`]s.
//!
//! A renderer is fed one file at a time, in order, and writes to the stream it is given, so
//! memory stays bounded by the largest file. Formats that need the whole run (a JSON document)
//! open in [`Renderer::begin`] and close in [`Renderer::end`].

pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod junit;
pub mod sarif;
pub mod statistics;

use std::io::{self, Write};

use clap::ValueEnum;

use crate::report::{FileReport, Summary};

/// The output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Findings with the source line underlined, then each file's score and its breakdown.
    Human,
    /// One JSON object: `{"files": [...], "summary": {...}}`.
    Json,
    /// One JSON object per finding, one a line, with its `path`.
    Jsonl,
    /// `path:line:col: severity [rule] message`, one finding a line.
    Concise,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (`::error file=…`), shown as annotations.
    Github,
    /// JUnit XML: one test case per file, failing when the file fails the gate.
    Junit,
}

/// One output format.
pub trait Renderer {
    /// Before the first file.
    fn begin(&mut self, _w: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    /// One linted file.
    fn file(&mut self, w: &mut dyn Write, file: &FileReport) -> io::Result<()>;
    /// After the last file.
    fn end(&mut self, _w: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}

/// Options every renderer may use.
#[derive(Clone, Copy, Debug, Default)]
pub struct RenderOptions {
    /// Use colour (only the human format does).
    pub color: bool,
}

/// The renderer for a format.
pub fn renderer(format: OutputFormat, opts: RenderOptions) -> Box<dyn Renderer> {
    match format {
        OutputFormat::Human => Box::new(human::Human::new(opts)),
        OutputFormat::Json => Box::new(json::Json::default()),
        OutputFormat::Jsonl => Box::new(jsonl::Jsonl),
        OutputFormat::Concise => Box::new(concise::Concise),
        OutputFormat::Sarif => Box::new(sarif::Sarif::new(Vec::new())),
        OutputFormat::Github => Box::new(github::Github),
        OutputFormat::Junit => Box::new(junit::Junit::default()),
    }
}
