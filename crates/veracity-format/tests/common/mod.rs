//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use veracity_format::{FormatOptions, FormatRegistry};
use veracity_model::{Report, SchemaKind};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The example report of the corpus.
pub const EXAMPLE: &str = "examples/reports/desalination.json";
/// A report written for these tests: an unverified verdict and documents
/// full of HTML, Markdown and CSV metacharacters.
pub const HOSTILE: &str = "crates/veracity-format/tests/fixtures/hostile-report.json";

/// Loads a report and checks it against the report schema first.
pub fn load(relative: &str) -> Report {
    let text = std::fs::read_to_string(root().join(relative)).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let issues = veracity_model::validate::validate(SchemaKind::Report, &value);
    assert!(issues.is_empty(), "{relative} is invalid: {issues:?}");
    serde_json::from_value(value).unwrap()
}

/// Renders with the built-in registry.
pub fn render(report: &Report, format: &str, options: &FormatOptions) -> Vec<u8> {
    FormatRegistry::builtin()
        .render(format, report, options)
        .unwrap_or_else(|e| panic!("{format}: {e}"))
}

pub fn render_str(report: &Report, format: &str) -> String {
    String::from_utf8(render(report, format, &FormatOptions::default())).unwrap()
}

/// What a desk passes to publish ClaimReview: its name, its page and the
/// review date (fixed, so the output is deterministic).
pub fn publishing() -> FormatOptions {
    FormatOptions {
        publisher: Some("Our Desk".into()),
        publisher_url: Some("https://desk.example/".into()),
        review_date: Some("2026-12-06".into()),
        ..FormatOptions::default()
    }
}

/// The options a format needs to render: [`publishing`] for claimreview,
/// the defaults otherwise.
pub fn options_for(format: &str) -> FormatOptions {
    if format == "claimreview" {
        publishing()
    } else {
        FormatOptions::default()
    }
}
