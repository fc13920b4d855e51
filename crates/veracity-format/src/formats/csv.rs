//! `csv`: one RFC 4180 row per evidence item.

use crate::text::{Index, doc_title, role_name};
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
        let mut out = String::new();
        write_row(&mut out, COLUMNS.iter().copied());
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
                write_row(&mut out, head.into_iter().chain([""; 11]));
                continue;
            }
            for e in &verdict.evidence {
                let doc = index.document(e.document.as_str());
                let numbers = [
                    e.span.start.to_string(),
                    e.span.end.to_string(),
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
                write_row(&mut out, head.into_iter().chain(fields));
            }
        }
        Ok(out.into_bytes())
    }
}

/// Appends one record and its CRLF.
fn write_row<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let field = defuse_formula(field);
        if field.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
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

    #[test]
    fn formula_cells_are_defused() {
        let mut out = String::new();
        write_row(
            &mut out,
            [
                "=HYPERLINK(\"http://x\")",
                "+1",
                "-2",
                "@SUM(A1)",
                "plain",
                "0.5",
            ],
        );
        assert_eq!(
            out,
            "\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-2,'@SUM(A1),plain,0.5\r\n"
        );
    }

    #[test]
    fn quoting_follows_rfc_4180() {
        let mut out = String::new();
        write_row(&mut out, ["plain", "a,b", "say \"hi\"", "two\nlines", ""]);
        assert_eq!(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
    }
}
