//! `json` (the report) and `jsonl` (one verdict per line).

use crate::shared::Index;
use crate::{Format, FormatError, FormatOptions, OptionKey};
use serde::Serialize;
use veracity_model::{Claim, DocumentKind, Report, Verdict};

/// The report itself, pretty-printed; valid against the report schema.
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonFormat;

impl Format for JsonFormat {
    fn name(&self) -> &str {
        "json"
    }
    fn description(&self) -> &str {
        "the report as pretty-printed JSON (valid against `veracity schema report`)"
    }
    fn media_type(&self) -> &str {
        "application/json"
    }
    fn extension(&self) -> &str {
        "json"
    }
    fn option_keys(&self) -> Option<&[OptionKey]> {
        Some(&[])
    }
    fn render(&self, report: &Report, _options: &FormatOptions) -> Result<Vec<u8>, FormatError> {
        let mut out = serde_json::to_vec_pretty(report).map_err(|source| FormatError::Json {
            format: self.name().to_owned(),
            source,
        })?;
        out.push(b'\n');
        Ok(out)
    }
}

/// One JSON object per line, one line per verdict: the verdict, its claim and
/// the minimal metadata of every document it cites.
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonlFormat;

/// One line of `jsonl` output.
#[derive(Serialize)]
struct Line<'r> {
    claim: Option<&'r Claim>,
    verdict: &'r Verdict,
    documents: Vec<DocumentMeta<'r>>,
}

/// What a reader of one line needs to cite a document.
#[derive(Serialize)]
struct DocumentMeta<'r> {
    id: &'r str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'r str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<&'r str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<&'r str>,
    kind: DocumentKind,
    location: &'r str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'r str>,
}

impl Format for JsonlFormat {
    fn name(&self) -> &str {
        "jsonl"
    }
    fn description(&self) -> &str {
        "JSON Lines: one verdict per line with its claim and the cited documents' metadata"
    }
    fn media_type(&self) -> &str {
        "application/jsonl"
    }
    fn extension(&self) -> &str {
        "jsonl"
    }
    fn option_keys(&self) -> Option<&[OptionKey]> {
        Some(&[])
    }
    fn render(&self, report: &Report, _options: &FormatOptions) -> Result<Vec<u8>, FormatError> {
        let index = Index::new(report);
        let mut out = Vec::new();
        for verdict in &report.verdicts {
            let mut ids: Vec<&str> = Vec::new();
            let cited = verdict
                .evidence
                .iter()
                .map(|e| e.document.as_str())
                .chain(verdict.reviews.iter().map(|r| r.document.as_str()));
            let claim = index.claim(verdict.claim.as_str());
            let appearing = claim
                .into_iter()
                .flat_map(|c| c.appearances.iter().map(|a| a.document.as_str()));
            for id in cited.chain(appearing) {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            let documents = ids
                .into_iter()
                .filter_map(|id| index.document(id))
                .map(|d| DocumentMeta {
                    id: d.id.as_str(),
                    title: d.title.as_deref(),
                    publisher: d.publisher.as_deref(),
                    published: d.published.as_deref(),
                    kind: d.kind,
                    location: &d.source.location,
                    url: d.source.url.as_deref(),
                })
                .collect();
            let line = Line {
                claim,
                verdict,
                documents,
            };
            serde_json::to_writer(&mut out, &line).map_err(|source| FormatError::Json {
                format: self.name().to_owned(),
                source,
            })?;
            out.push(b'\n');
        }
        Ok(out)
    }
}
