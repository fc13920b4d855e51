//! `json` (the report) and `jsonl` (one verdict per line).

use crate::shared::Index;
use crate::{Format, FormatError, FormatOptions, OptionKey};
use serde::Serialize;
use std::io::{Seek, Write};
use veracity_model::{Claim, Document, DocumentKind, Report, Verdict};

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

/// The `json` report written as its verdicts come, byte for byte what
/// [`JsonFormat`] renders from the whole report, without holding it: the
/// claims and verdicts wait in temporary files until the documents they
/// cite, which the report lists first, have been written
/// ([`JsonReportWriter::write_head`], then [`JsonDocuments`]).
pub struct JsonReportWriter {
    claims: Spill,
    verdicts: Spill,
}

/// Elements of a top-level array of the report, pretty-printed and
/// indented, waiting in an unnamed temporary file.
struct Spill {
    file: std::io::BufWriter<std::fs::File>,
    items: usize,
}

/// The indent of an element of one of the report's arrays.
const ELEMENT_INDENT: &str = "    ";

fn io_error(source: std::io::Error) -> FormatError {
    FormatError::Io {
        format: "json".to_owned(),
        source,
    }
}

/// Writes `item` as an element of a top-level array of a pretty-printed
/// report: its own pretty form, every line indented (a JSON string holds
/// no line break, so lines are the printer's).
fn write_element<T: Serialize>(out: &mut dyn Write, item: &T) -> Result<(), FormatError> {
    let text = serde_json::to_string_pretty(item).map_err(|source| FormatError::Json {
        format: "json".to_owned(),
        source,
    })?;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n").map_err(io_error)?;
        }
        out.write_all(ELEMENT_INDENT.as_bytes()).map_err(io_error)?;
        out.write_all(line.as_bytes()).map_err(io_error)?;
    }
    Ok(())
}

impl Spill {
    fn new() -> Result<Spill, FormatError> {
        let file = tempfile::tempfile().map_err(io_error)?;
        Ok(Spill {
            file: std::io::BufWriter::new(file),
            items: 0,
        })
    }

    fn push<T: Serialize>(&mut self, item: &T) -> Result<(), FormatError> {
        if self.items > 0 {
            self.file.write_all(b",\n").map_err(io_error)?;
        }
        self.items += 1;
        write_element(&mut self.file, item)
    }

    /// Writes the array held: `[]`, or its elements on lines of their own.
    fn copy_into(self, out: &mut dyn Write) -> Result<(), FormatError> {
        if self.items == 0 {
            return out.write_all(b"[]").map_err(io_error);
        }
        let mut file = self
            .file
            .into_inner()
            .map_err(|e| io_error(e.into_error()))?;
        file.seek(std::io::SeekFrom::Start(0)).map_err(io_error)?;
        out.write_all(b"[\n").map_err(io_error)?;
        std::io::copy(&mut file, out).map_err(io_error)?;
        out.write_all(b"\n  ]").map_err(io_error)
    }
}

impl JsonReportWriter {
    /// A report with no claim yet.
    pub fn new() -> Result<JsonReportWriter, FormatError> {
        Ok(JsonReportWriter {
            claims: Spill::new()?,
            verdicts: Spill::new()?,
        })
    }

    /// Adds a claim and its verdict, the next in the report's order.
    pub fn add(&mut self, claim: &Claim, verdict: &Verdict) -> Result<(), FormatError> {
        self.claims.push(claim)?;
        self.verdicts.push(verdict)
    }

    /// Writes to `out` what comes before the documents: `head` is the
    /// report but for its documents, claims and verdicts (ignored). The
    /// documents follow, then [`JsonDocuments::finish`].
    pub fn write_head<W: Write>(
        self,
        head: &Report,
        mut out: W,
    ) -> Result<JsonDocuments<W>, FormatError> {
        let head = Report {
            documents: Vec::new(),
            claims: Vec::new(),
            verdicts: Vec::new(),
            ..head.clone()
        };
        let text = serde_json::to_string_pretty(&head).map_err(|source| FormatError::Json {
            format: "json".to_owned(),
            source,
        })?;
        // The three arrays print empty, each a top-level key on a line of
        // its own (nested keys are indented further; strings escape quotes).
        let at = |key: &str| {
            let marker = format!("\n  \"{key}\": []");
            let start = text.find(&marker).ok_or_else(|| {
                io_error(std::io::Error::other(format!(
                    "the report printed no empty `{key}` to fill"
                )))
            })?;
            Ok::<_, FormatError>((start + marker.len() - 2, start + marker.len()))
        };
        let (documents, claims, verdicts) = (at("documents")?, at("claims")?, at("verdicts")?);
        out.write_all(&text.as_bytes()[..documents.0])
            .map_err(io_error)?;
        Ok(JsonDocuments {
            out,
            between: text[documents.1..claims.0].to_owned(),
            between_claims: text[claims.1..verdicts.0].to_owned(),
            tail: text[verdicts.1..].to_owned(),
            documents: 0,
            rest: self,
        })
    }
}

/// The documents of a [`JsonReportWriter`]'s report being written, in the
/// report's order (collection order).
pub struct JsonDocuments<W: Write> {
    out: W,
    /// What the head holds between the documents and the claims ...
    between: String,
    /// ... between the claims and the verdicts ...
    between_claims: String,
    /// ... and after the verdicts.
    tail: String,
    documents: usize,
    rest: JsonReportWriter,
}

impl<W: Write> JsonDocuments<W> {
    /// Writes the next document.
    pub fn document(&mut self, doc: &Document) -> Result<(), FormatError> {
        let open: &[u8] = if self.documents == 0 { b"[\n" } else { b",\n" };
        self.out.write_all(open).map_err(io_error)?;
        self.documents += 1;
        write_element(&mut self.out, doc)
    }

    /// Writes the claims, the verdicts and the rest of the report; gives
    /// back the output.
    pub fn finish(mut self) -> Result<W, FormatError> {
        let close: &[u8] = if self.documents == 0 { b"[]" } else { b"\n  ]" };
        self.out.write_all(close).map_err(io_error)?;
        self.out
            .write_all(self.between.as_bytes())
            .map_err(io_error)?;
        self.rest.claims.copy_into(&mut self.out)?;
        self.out
            .write_all(self.between_claims.as_bytes())
            .map_err(io_error)?;
        self.rest.verdicts.copy_into(&mut self.out)?;
        self.out.write_all(self.tail.as_bytes()).map_err(io_error)?;
        // As `JsonFormat` ends the report.
        self.out.write_all(b"\n").map_err(io_error)?;
        Ok(self.out)
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
            let claim = index.claim(verdict.claim.as_str());
            self.write_line(&mut out, claim, verdict, &|id| index.document(id))?;
        }
        Ok(out)
    }
}

impl JsonlFormat {
    /// Writes the line of `verdict` on `claim`, its documents' metadata
    /// looked up by id in `document` (the report's cited documents): a
    /// report can be written line by line as its verdicts come.
    pub fn write_line<'d>(
        &self,
        out: &mut dyn std::io::Write,
        claim: Option<&Claim>,
        verdict: &Verdict,
        document: &dyn Fn(&str) -> Option<&'d Document>,
    ) -> Result<(), FormatError> {
        let mut ids: Vec<&str> = Vec::new();
        let cited = verdict
            .evidence
            .iter()
            .map(|e| e.document.as_str())
            .chain(verdict.reviews.iter().map(|r| r.document.as_str()));
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
            .filter_map(document)
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
        let mut bytes = serde_json::to_vec(&line).map_err(|source| FormatError::Json {
            format: self.name().to_owned(),
            source,
        })?;
        bytes.push(b'\n');
        // Written apart from serialising, so a closed pipe is an I/O error
        // (which the CLI takes as the reader having had enough).
        out.write_all(&bytes).map_err(|source| FormatError::Io {
            format: self.name().to_owned(),
            source,
        })
    }
}
