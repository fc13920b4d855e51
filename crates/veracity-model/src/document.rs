//! Documents: one cleaned article with its metadata, structure, quotes and
//! the published reviews found in it.

use crate::id::DocumentId;
use crate::review::Review;
use crate::span::{Span, SpanError};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What sort of publication a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// A news report.
    News,
    /// A fact-check article that rates a claim.
    FactCheck,
    /// A blog post.
    Blog,
    /// An opinion piece or editorial.
    Opinion,
    /// A press release or official statement.
    PressRelease,
    /// Anything else, or not known.
    #[default]
    Other,
}

/// Where a document came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The path or URL the bytes were read from; `-` for standard input.
    pub location: String,
    /// The media type the content was parsed as (`text/html`, `text/plain`,
    /// `application/json`, ...).
    pub media_type: String,
    /// Hex SHA-256 of the bytes read (after gzip decompression).
    pub sha256: String,
    /// For a post split from a multi-post page: the byte range of the post in
    /// the parent's source bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byte_range: Option<Span>,
    /// The page's own URL (canonical link or og:url), when it states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The character encoding the bytes were decoded from when it was not
    /// UTF-8, and how it was known: `windows-1252 (declared)`, `Shift_JIS
    /// (detected)`, `UTF-16LE (byte-order mark)`. Absent for UTF-8.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
}

/// The language of a document's text as a detector judged it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DetectedLanguage {
    /// BCP 47 primary language tag (`en`, `ru`), or `und` when the text is
    /// too short to tell.
    pub code: String,
    /// The language's English name (`Russian`); absent for `und`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The detector's confidence in [0, 1], to two decimals.
    pub confidence: f64,
}

impl DetectedLanguage {
    /// The code for a text whose language could not be told.
    pub const UNDETERMINED: &'static str = "und";

    /// True when the detector could not tell.
    pub fn is_undetermined(&self) -> bool {
        self.code == Self::UNDETERMINED
    }
}

/// A person or organisation a quote is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    /// The name as best resolved ("Sergei Lavrov").
    pub name: String,
    /// The role or title given with the name ("Russian Foreign Minister").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Where the speaker is mentioned for this quote: the name itself, or the
    /// pronoun or description ("he", "the minister") that was resolved to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// Reported speech found in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// The quoted words (direct) or the reported content (indirect), without
    /// the quotation marks.
    pub content: Span,
    /// Who said it; absent when it could not be resolved safely.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Speaker>,
    /// The speech verb that attributes it ("said", "added", "told").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// True for words in quotation marks, false for indirect speech
    /// ("Lavrov said that ...").
    pub direct: bool,
}

/// One cleaned document: a page, a post of a multi-post page, or a JSON record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Content-derived id, stable across runs and machines.
    pub id: DocumentId,
    /// Where the document came from.
    pub source: Source,
    /// What sort of publication it is.
    pub kind: DocumentKind,
    /// The headline or title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Author names, in byline order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Publication date or date-time in ISO 8601 (`2016-10-05` or
    /// `2016-10-05T14:30:00+03:00`), as precise as the source states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// BCP 47 language tag (`en`, `en-US`) as the source declares it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The language detected from the text itself, whatever the source
    /// declares; absent in documents written before detection existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detected_language: Option<DetectedLanguage>,
    /// The publishing outlet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The dateline opening the story ("PARIS (Sputnik) —"), place and agency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// Outlets the text credits as its source or co-source ("RT News", "AP"):
    /// a sign of syndication.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub syndicated_from: Vec<String>,
    /// The cleaned main text: boilerplate removed, paragraphs separated by a
    /// blank line. Every span in the document indexes into it.
    pub text: String,
    /// Paragraph spans, in order.
    #[serde(default)]
    pub paragraphs: Vec<Span>,
    /// Sentence spans, in order.
    #[serde(default)]
    pub sentences: Vec<Span>,
    /// Quotes, direct and indirect, in order of appearance.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
    /// Published fact-check verdicts found in the document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
    /// For a post split from a multi-post page, the page's document id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<DocumentId>,
    /// Text of the source that cleaning left out of `text`, one entry per
    /// rule that dropped any, so that no text disappears without a record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dropped: Vec<DroppedText>,
}

/// What one cleaning rule left out of a document's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DroppedText {
    /// The rule.
    pub rule: DropRule,
    /// Bytes of text it dropped (markup not counted).
    pub bytes: u64,
    /// How many pieces (elements, lines, tails) it dropped.
    pub pieces: u64,
}

/// The cleaning rules that drop text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DropRule {
    /// Page furniture the markup names as such: navigation, headers,
    /// footers, cookie banners, share bars, comments.
    PageFurniture,
    /// Text outside the main content the extractor chose.
    OutsideMainContent,
    /// Lines that are furniture wherever they stand ("Share this",
    /// "Advertisement", "Skip to main content").
    BoilerplateLine,
    /// Lists of other stories after a "Related" style heading.
    RelatedStories,
    /// The rest of an article after an end marker ("Most read", "Tags:").
    AfterEndMarker,
}

impl DropRule {
    /// The rule in a few words, for notes and reports.
    pub fn describe(self) -> &'static str {
        match self {
            DropRule::PageFurniture => "page furniture (navigation, footers, banners)",
            DropRule::OutsideMainContent => "text outside the main content",
            DropRule::BoilerplateLine => "boilerplate lines",
            DropRule::RelatedStories => "lists of other stories",
            DropRule::AfterEndMarker => "text after an end-of-article marker",
        }
    }
}

/// A span of a document that does not fit its text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {error}")]
pub struct DocumentSpanError {
    /// JSON path of the bad span (`/sentences/3`).
    pub field: String,
    /// What is wrong with it.
    pub error: SpanError,
}

impl Document {
    /// A plain-text document of `kind` read from `location`, with nothing
    /// parsed out of it yet: no title, sentences, quotes or reviews.
    pub fn plain_text(
        id: DocumentId,
        location: impl Into<String>,
        kind: DocumentKind,
        text: impl Into<String>,
    ) -> Document {
        Document {
            id,
            source: Source {
                location: location.into(),
                media_type: "text/plain".to_owned(),
                sha256: String::new(),
                byte_range: None,
                url: None,
                encoding: None,
            },
            kind,
            title: None,
            authors: Vec::new(),
            published: None,
            language: None,
            detected_language: None,
            publisher: None,
            dateline: None,
            syndicated_from: Vec::new(),
            text: text.into(),
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            quotes: Vec::new(),
            reviews: Vec::new(),
            parent: None,
            dropped: Vec::new(),
        }
    }

    /// Checks every span against `text`: JSON Schema cannot express that
    /// spans fall inside the text and on character boundaries.
    pub fn check_spans(&self) -> Vec<DocumentSpanError> {
        let mut errors = Vec::new();
        let mut check = |field: String, span: &Span| {
            if let Err(error) = span.check(&self.text) {
                errors.push(DocumentSpanError { field, error });
            }
        };
        for (i, s) in self.paragraphs.iter().enumerate() {
            check(format!("/paragraphs/{i}"), s);
        }
        for (i, s) in self.sentences.iter().enumerate() {
            check(format!("/sentences/{i}"), s);
        }
        for (i, q) in self.quotes.iter().enumerate() {
            check(format!("/quotes/{i}/content"), &q.content);
            if let Some(span) = q.speaker.as_ref().and_then(|s| s.span.as_ref()) {
                check(format!("/quotes/{i}/speaker/span"), span);
            }
        }
        errors
    }

    /// The text a span covers ("" if the span does not fit).
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text).unwrap_or("")
    }
}
