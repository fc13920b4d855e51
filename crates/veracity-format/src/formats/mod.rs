//! The built-in formats, one module each.

mod claimreview;
mod csv;
mod html;
mod json;
mod markdown;

pub use claimreview::ClaimReviewFormat;
pub use csv::CsvFormat;
pub use html::HtmlFormat;
pub use json::{JsonDocuments, JsonFormat, JsonReportWriter, JsonlFormat};
pub use markdown::MarkdownFormat;

use crate::OptionKey;

/// The `title` option read by the reports a person reads.
pub(crate) const TITLE: OptionKey = OptionKey {
    key: "title",
    description: "the report's heading (default: \"Fact-check report\")",
};

pub(crate) fn report_title(options: &crate::FormatOptions) -> String {
    options
        .get("title")
        .map(crate::shared::one_line)
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "Fact-check report".to_owned())
}
