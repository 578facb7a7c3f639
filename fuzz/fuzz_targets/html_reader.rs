//! Fuzz the HTML reader: any bytes decode (or are skipped as binary), the parts lie on
//! character boundaries inside the view, and a full lint and both renderers never panic.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use pitchlint::document::Format;

fuzz_target!(|data: &[u8]| common::read_lint_render("f.html", data, Format::Html));
