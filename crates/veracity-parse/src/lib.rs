//! veracity-parse: bytes → [`Document`]s.
//!
//! The entry points are [`parse`] (one input's bytes) and [`collect_inputs`]
//! plus [`parse_input`] (paths, directories and `-`). Formats are sniffed
//! from content: gzip, HTML, plain text, JSON (a Document, a list of them,
//! schema.org ClaimReview, a Fact Check Tools `claims:search` response) and
//! JSON Lines. Plain text is cleaned of boilerplate, multi-post pages are
//! split into one document per post, and every document gets paragraphs,
//! sentences, quotes with speakers and published reviews.
//!
//! The library never prints, never exits and never panics on input: bad
//! input is a [`ParseError`] naming the input and what to do, and a problem
//! with one record of a multi-record input is a warning in [`Parsed`].

#![deny(missing_docs)]

mod build;
mod dates;
mod encoding;
pub mod error;
pub mod html;
mod input;
mod json;
mod jsonl;
mod language;
mod plain;
mod quotes;
pub mod rating;
mod scraped;
pub mod sniff;

pub use error::{ErrorKind, ParseError};
pub use input::{Input, InputSet, collect_inputs, gather_inputs};
pub use sniff::Format;

use veracity_model::{Diagnostic, Document, Severity, Source};

/// The default size limit for one input: 50 MB.
pub const DEFAULT_MAX_SIZE: u64 = 50 * 1024 * 1024;

/// Parser settings.
#[derive(Debug, Clone)]
pub struct Options {
    /// Inputs larger than this many bytes (before or after gzip
    /// decompression) are refused.
    pub max_size: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_size: DEFAULT_MAX_SIZE,
        }
    }
}

/// What one input yielded: its documents, and warnings about records that
/// were skipped (a bad line of a JSON Lines file) or guesses made.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    /// The documents, in input order (posts in page order).
    pub documents: Vec<Document>,
    /// Problems that did not stop the input.
    pub warnings: Vec<Diagnostic>,
}

/// Parses one input's bytes; `location` is its path, URL or `-`.
pub fn parse(bytes: &[u8], location: &str, options: &Options) -> Result<Parsed, ParseError> {
    let err = |kind| ParseError::new(location, kind);
    if bytes.len() as u64 > options.max_size {
        return Err(err(ErrorKind::TooLarge {
            size: bytes.len() as u64,
            limit: options.max_size,
        }));
    }
    let decompressed;
    let bytes = if sniff::is_gzip(bytes) {
        decompressed = sniff::gunzip(bytes, options.max_size).map_err(err)?;
        &decompressed[..]
    } else {
        bytes
    };
    let sha256 = veracity_model::id::sha256_hex(bytes);
    let decoded = sniff::decode_text(bytes).map_err(err)?;
    let text: &str = &decoded.text;
    let format = sniff::sniff(text);
    let origin = json::Origin {
        location,
        media_type: format.media_type(),
        sha256: &sha256,
        encoding: decoded.encoding.as_deref(),
    };
    let mut parsed = Parsed::default();
    match format {
        Format::Json => {
            let value: serde_json::Value =
                serde_json::from_str(text).map_err(|e| err(ErrorKind::Json(e.to_string())))?;
            parsed.documents =
                json::documents(&value, &origin, "", &mut parsed.warnings).map_err(err)?;
        }
        Format::Jsonl => {
            for (n, line) in text.lines().enumerate() {
                jsonl::record(line, n + 1, &origin, &mut parsed);
            }
            return jsonl::finish(parsed, location);
        }
        Format::Html => {
            parsed.documents = html_documents(text, &origin, &mut parsed.warnings);
        }
        Format::Text => {
            let mut notes = Vec::new();
            parsed.documents = plain::parse_text(text, &origin, &mut notes);
            parsed
                .warnings
                .extend(notes.into_iter().map(|n| warning(location, n)));
        }
    }
    Ok(parsed)
}

/// Parses one input's bytes into documents, dropping warnings (see [`parse`]).
pub fn parse_bytes(
    bytes: &[u8],
    location: &str,
    options: &Options,
) -> Result<Vec<Document>, ParseError> {
    parse(bytes, location, options).map(|p| p.documents)
}

/// Reads and parses one input.
/// A JSON Lines file over the size limit is streamed record by record (each
/// record at most the limit) instead of being refused.
pub fn parse_input(input: &Input, options: &Options) -> Result<Parsed, ParseError> {
    if !input.is_stdin()
        && std::fs::metadata(input.path()).is_ok_and(|m| m.len() > options.max_size)
        && jsonl::file_is_jsonl(input.path())
    {
        return jsonl::stream(input.path(), &input.location(), options.max_size);
    }
    let bytes = input.read(options.max_size)?;
    parse(&bytes, &input.location(), options)
}

/// An HTML page: main content and metadata from [`html::extract`], then the
/// same sentence, quote and review finding as every other format. A page the
/// extractor finds no main text in is read as text with its tags stripped.
pub(crate) fn html_documents(
    text: &str,
    origin: &json::Origin<'_>,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<Document> {
    let extracted = html::extract(text.as_bytes(), None);
    match &extracted {
        Ok(article) => warnings.extend(
            article
                .warnings
                .iter()
                .map(|w| warning(origin.location, w.clone())),
        ),
        Err(e) => warnings.push(warning(
            origin.location,
            format!("{e}; the page was read as text with its tags stripped"),
        )),
    }
    let article = match extracted {
        Ok(article) if !article.paragraphs.is_empty() => article,
        Ok(_) | Err(_) => {
            let mut notes = Vec::new();
            let docs = plain::parse_html_fallback(text, origin, &mut notes);
            warnings.extend(notes.into_iter().map(|n| warning(origin.location, n)));
            return docs;
        }
    };
    let kind = html_kind(&article);
    let meta = build::Meta {
        title: article.title,
        authors: article.authors,
        published: article.published,
        language: article.language,
        publisher: article.publisher,
        kind,
        reviews: article.reviews,
        dropped: article.dropped,
        ..build::Meta::default()
    };
    let mut source = source(origin);
    source.url = article.canonical_url;
    let id = build::document_id(origin.sha256, None);
    vec![build::document(id, source, None, meta, &article.paragraphs)]
}

/// A page with ClaimReview markup is a fact-check; else the kind its markup
/// declares; else a dated, titled or signed article is news, as for text.
fn html_kind(article: &html::HtmlArticle) -> Option<veracity_model::DocumentKind> {
    use veracity_model::DocumentKind;
    if !article.reviews.is_empty() {
        return Some(DocumentKind::FactCheck);
    }
    article.kind.or_else(|| {
        let news =
            (article.published.is_some() && article.title.is_some()) || !article.authors.is_empty();
        news.then_some(DocumentKind::News)
    })
}

/// A warning about the input at `location`.
fn warning(location: &str, message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        source: location.to_owned(),
        message,
    }
}

/// A `Source` for text read from `origin`.
pub(crate) fn source(origin: &json::Origin<'_>) -> Source {
    Source {
        location: origin.location.to_owned(),
        media_type: origin.media_type.to_owned(),
        sha256: origin.sha256.to_owned(),
        byte_range: None,
        url: None,
        encoding: origin.encoding.map(str::to_owned),
    }
}
