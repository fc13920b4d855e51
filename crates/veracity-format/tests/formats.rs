//! Structural and safety checks of each format on the example and hostile
//! reports.

mod common;

use common::{EXAMPLE, HOSTILE, load, render_str};
use serde_json::Value;
use veracity_model::validate::validate;
use veracity_model::{Report, SchemaKind};

const PAYLOADS: [&str; 2] = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"];

#[test]
fn json_is_the_report_and_schema_valid() {
    for path in [EXAMPLE, HOSTILE] {
        let report = load(path);
        let out = render_str(&report, "json");
        let value: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(validate(SchemaKind::Report, &value), vec![], "{path}");
        let back: Report = serde_json::from_value(value).unwrap();
        assert_eq!(back, report, "{path}: json must round-trip");
    }
}

/// The shape of one JSON Lines record, checked like a schema: the claim and
/// verdict against their JSON Schemas, the document metadata by hand.
/// The report written by `JsonReportWriter`: its claims and verdicts, then
/// its documents, as a check streams them.
fn streamed_json(report: &Report) -> Vec<u8> {
    let mut writer = veracity_format::JsonReportWriter::new().unwrap();
    for (claim, verdict) in report.claims.iter().zip(&report.verdicts) {
        writer.add(claim, verdict).unwrap();
    }
    let mut documents = writer.write_head(report, Vec::new()).unwrap();
    for doc in &report.documents {
        documents.document(doc).unwrap();
    }
    documents.finish().unwrap()
}

#[test]
fn json_written_verdict_by_verdict_is_the_rendered_report() {
    for path in [EXAMPLE, HOSTILE] {
        let report = load(path);
        // Whole; without documents, claims or diagnostics; with one of each.
        let mut bare = report.clone();
        bare.documents.clear();
        bare.claims.clear();
        bare.verdicts.clear();
        bare.diagnostics.clear();
        let mut one = report.clone();
        one.documents.truncate(1);
        one.claims.truncate(1);
        one.verdicts.truncate(1);
        one.diagnostics.truncate(1);
        for (shape, report) in [("whole", report), ("bare", bare), ("one of each", one)] {
            let streamed = String::from_utf8(streamed_json(&report)).unwrap();
            assert_eq!(
                streamed,
                render_str(&report, "json"),
                "{path}, {shape}: the streamed report differs"
            );
        }
    }
}

fn check_jsonl_line(line: &str, report: &Report, at: &str) {
    let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{at}: {e}"));
    let object = v
        .as_object()
        .unwrap_or_else(|| panic!("{at}: not an object"));
    let keys: Vec<&str> = object.keys().map(String::as_str).collect();
    assert_eq!(keys, ["claim", "documents", "verdict"], "{at}");
    assert_eq!(validate(SchemaKind::Claim, &v["claim"]), vec![], "{at}");
    assert_eq!(validate(SchemaKind::Verdict, &v["verdict"]), vec![], "{at}");
    let docs = v["documents"].as_array().unwrap();
    for (i, d) in docs.iter().enumerate() {
        let d = d
            .as_object()
            .unwrap_or_else(|| panic!("{at}/documents/{i}"));
        for key in d.keys() {
            assert!(
                [
                    "id",
                    "title",
                    "publisher",
                    "published",
                    "kind",
                    "location",
                    "url"
                ]
                .contains(&key.as_str()),
                "{at}/documents/{i}: unexpected key {key}"
            );
        }
        for key in ["id", "kind", "location"] {
            assert!(d[key].is_string(), "{at}/documents/{i}: `{key}` missing");
        }
        assert!(
            report
                .documents
                .iter()
                .any(|doc| doc.id.as_str() == d["id"])
        );
    }
    // Every cited document is there.
    for e in v["verdict"]["evidence"].as_array().unwrap() {
        assert!(
            docs.iter().any(|d| d["id"] == e["document"]),
            "{at}: evidence cites {} which is not listed",
            e["document"]
        );
    }
}

#[test]
fn jsonl_has_one_valid_line_per_verdict() {
    for path in [EXAMPLE, HOSTILE] {
        let report = load(path);
        let out = render_str(&report, "jsonl");
        assert!(out.ends_with('\n'));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), report.verdicts.len(), "{path}");
        for (i, line) in lines.iter().enumerate() {
            check_jsonl_line(line, &report, &format!("{path} line {}", i + 1));
        }
    }
}

/// A strict RFC 4180 reader, for checking the writer.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => {
                assert!(field.is_empty(), "quote inside an unquoted field");
                quoted = true;
            }
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\n') => panic!("bare LF outside quotes"),
            (false, c) => field.push(c),
        }
    }
    assert!(
        !quoted && field.is_empty() && row.is_empty(),
        "unterminated record"
    );
    rows
}

#[test]
fn csv_rows_round_trip() {
    for path in [EXAMPLE, HOSTILE] {
        let report = load(path);
        let rows = parse_csv(&render_str(&report, "csv"));
        assert_eq!(rows[0][0], "claim_id");
        assert!(rows.iter().all(|r| r.len() == 15), "{path}: 15 columns");
        let expected: usize = report
            .verdicts
            .iter()
            .map(|v| v.evidence.len().max(1))
            .sum();
        assert_eq!(rows.len() - 1, expected, "{path}");
        let texts: Vec<&str> = report
            .verdicts
            .iter()
            .flat_map(|v| v.evidence.iter().map(|e| e.text.as_str()))
            .collect();
        for text in texts {
            assert!(rows.iter().any(|r| r[13] == text), "{path}: {text:?} lost");
        }
    }
}

#[test]
fn markdown_escapes_document_text() {
    let out = render_str(&load(HOSTILE), "markdown");
    for payload in PAYLOADS {
        assert!(!out.contains(payload), "raw payload {payload} in Markdown");
    }
    assert!(out.contains(r"\<script\>alert(1)\</script\>"));
    assert!(!out.contains("](javascript"), "no javascript: links");
    assert!(!out.contains("](<javascript"), "no javascript: links");
    // Every table row has the same number of unescaped cell separators as
    // its header.
    let mut expected = None;
    for line in out.lines() {
        if !line.starts_with('|') {
            expected = None;
            continue;
        }
        let cells = line
            .char_indices()
            .filter(|&(i, c)| c == '|' && (i == 0 || line.as_bytes()[i - 1] != b'\\'))
            .count();
        match expected {
            None => expected = Some(cells),
            Some(n) => assert_eq!(cells, n, "broken table row: {line}"),
        }
    }
}

#[test]
fn html_escapes_text_and_links_only_to_the_web() {
    let out = render_str(&load(HOSTILE), "html");
    for payload in PAYLOADS {
        assert!(!out.contains(payload), "raw payload {payload} in HTML");
    }
    assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!out.to_lowercase().contains("<script"));
    assert!(!out.to_lowercase().contains("<img"));
    assert!(out.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; img-src data:"
    ));
    for (i, _) in out.match_indices("href=\"") {
        let rest = &out[i + 6..];
        assert!(
            rest.starts_with('#')
                || rest.starts_with("https://")
                || rest.starts_with("http://")
                || rest.starts_with("data:,"),
            "unsafe href: {}",
            &rest[..rest.len().min(60)]
        );
    }
    // The fact-check's URL keeps its query, escaped.
    assert!(out.contains("href=\"https://checks.example.org/bridge?a=1&amp;b=2\""));
}

#[test]
fn html_of_the_example_is_small_and_marks_the_cited_spans() {
    let report = load(EXAMPLE);
    let out = render_str(&report, "html");
    assert!(out.len() < 200 * 1024, "{} bytes", out.len());
    assert!(out.contains("<meta name=\"viewport\""));
    for e in &report.verdicts[0].evidence {
        let marked = format!(
            "<mark>{}</mark>",
            e.text.replace('"', "&quot;").replace('\'', "&#39;")
        );
        assert!(out.contains(&marked), "span not highlighted: {}", e.text);
    }
    assert_eq!(out.matches("<svg").count(), report.verdicts.len());
}
