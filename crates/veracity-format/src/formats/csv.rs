//! `csv`: one RFC 4180 row per evidence item.

use crate::shared::{Index, doc_title, role_name};
use crate::{Format, FormatError, FormatOptions, OptionKey};
use veracity_model::Report;

/// One row per evidence item (a verdict without evidence still gets one row,
/// with the evidence columns empty), RFC 4180: CRLF line ends, fields with
/// commas, quotes or line breaks quoted, quotes doubled.
#[derive(Debug, Clone, Copy, Default)]
pub struct CsvFormat;

/// The header row.
pub const COLUMNS: [&str; 15] = [
    "claim_id",
    "claim",
    "verdict_class",
    "verdict_label",
    "document",
    "title",
    "publisher",
    "span_start",
    "span_end",
    "stance",
    "role",
    "weight",
    "relevance",
    "text",
    "note",
];

impl Format for CsvFormat {
    fn name(&self) -> &str {
        "csv"
    }
    fn description(&self) -> &str {
        "CSV (RFC 4180): one row per evidence item, for spreadsheets and analysis"
    }
    fn media_type(&self) -> &str {
        "text/csv; charset=utf-8; header=present"
    }
    fn extension(&self) -> &str {
        "csv"
    }
    fn option_keys(&self) -> Option<&[OptionKey]> {
        Some(&[])
    }
    fn render(&self, report: &Report, _options: &FormatOptions) -> Result<Vec<u8>, FormatError> {
        let index = Index::new(report);
        let mut out = writer(Vec::new());
        write_row(&mut out, COLUMNS.iter().copied()).map_err(failed)?;
        for verdict in &report.verdicts {
            let claim_text = index
                .claim(verdict.claim.as_str())
                .map_or("", |c| c.text.as_str());
            let head = [
                verdict.claim.as_str(),
                claim_text,
                verdict.rating.class.as_str(),
                verdict.rating.label.as_str(),
            ];
            if verdict.evidence.is_empty() {
                write_row(&mut out, head.into_iter().chain([""; 11])).map_err(failed)?;
                continue;
            }
            for e in &verdict.evidence {
                let doc = index.document(e.document.as_str());
                let numbers = [
                    e.span.start().to_string(),
                    e.span.end().to_string(),
                    e.weight.to_string(),
                    e.relevance.to_string(),
                ];
                let fields = [
                    e.document.as_str(),
                    doc.map_or("", doc_title),
                    doc.and_then(|d| d.publisher.as_deref()).unwrap_or(""),
                    &numbers[0],
                    &numbers[1],
                    e.stance.label.as_str(),
                    role_name(e.role),
                    &numbers[2],
                    &numbers[3],
                    &e.text,
                    &e.note,
                ];
                write_row(&mut out, head.into_iter().chain(fields)).map_err(failed)?;
            }
        }
        out.into_inner().map_err(|e| failed(e.into_error()))
    }
}

/// A CSV writer with the RFC 4180 dialect: comma, `"` quotes doubled, fields
/// quoted only when they hold a comma, quote or line break, CRLF line ends.
fn writer<W: std::io::Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(out)
}

/// Writes one record, its formula cells defused.
fn write_row<'a, W: std::io::Write>(
    out: &mut csv::Writer<W>,
    fields: impl IntoIterator<Item = &'a str>,
) -> csv::Result<()> {
    for field in fields {
        out.write_field(defuse_formula(field).as_bytes())?;
    }
    // An empty record ends the one whose fields were just written.
    out.write_record(None::<&[u8]>)
}

/// A writer failure as a format error (writing to memory does not fail; the
/// writer's own checks, such as equal record lengths, could).
fn failed(error: impl std::fmt::Display) -> FormatError {
    FormatError::Failed {
        format: "csv".into(),
        message: error.to_string(),
    }
}

/// A cell a spreadsheet would run as a formula (starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return) gets a leading `'`, which
/// spreadsheets show as text: passages come from untrusted pages.
fn defuse_formula(field: &str) -> std::borrow::Cow<'_, str> {
    if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{field}").into()
    } else {
        field.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bytes of one record written alone.
    fn row(fields: &[&str]) -> String {
        let mut out = writer(Vec::new());
        write_row(&mut out, fields.iter().copied()).unwrap();
        String::from_utf8(out.into_inner().unwrap()).unwrap()
    }

    #[test]
    fn formula_cells_are_defused() {
        let out = row(&[
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-2",
            "@SUM(A1)",
            "plain",
            "0.5",
        ]);
        assert_eq!(
            out,
            "\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-2,'@SUM(A1),plain,0.5\r\n"
        );
    }

    #[test]
    fn tab_and_carriage_return_cells_are_defused() {
        assert_eq!(row(&["\tx", "\ry"]), "'\tx,\"'\ry\"\r\n");
    }

    #[test]
    fn quoting_follows_rfc_4180() {
        let out = row(&["plain", "a,b", "say \"hi\"", "two\nlines", ""]);
        assert_eq!(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
    }
}
