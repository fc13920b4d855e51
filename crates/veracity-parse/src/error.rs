//! The parser's error type: one input could not be turned into documents.

use std::fmt;

/// Why an input could not be parsed. Every message names the input (see
/// [`ParseError`]'s `Display`) and says what to do.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file or stream could not be read.
    #[error("cannot read it: {0}; check the path and its permissions")]
    Io(#[source] std::io::Error),
    /// A path named on the command line does not exist.
    #[error("no such file or directory; check the path")]
    NotFound,
    /// A symbolic link whose target does not exist.
    #[error("a broken symbolic link (its target does not exist); fix or remove the link")]
    BrokenLink,
    /// A folder named as an input holds no file to read.
    #[error("no file to read in this folder (hidden files are skipped); check the path")]
    NoFiles,
    /// Zero bytes (or only white space): nothing to parse.
    #[error("the file is empty; nothing to parse (remove it from the inputs or re-export it)")]
    Empty,
    /// Larger than the size limit.
    #[error(
        "the file is {size} bytes, over the limit of {limit} bytes; raise the limit \
         (--max-size) or split the file"
    )]
    TooLarge {
        /// Bytes seen (at least this many).
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// Not text: NUL bytes or a known binary signature.
    #[error(
        "this looks like a binary file ({what}), not HTML, text or JSON; \
         convert it to text first or leave it out"
    )]
    Binary {
        /// What gave it away.
        what: String,
    },
    /// A gzip stream that does not decompress.
    #[error("corrupt gzip data: {0}; re-compress the file or decompress it and pass the result")]
    Gzip(String),
    /// JSON with a syntax error.
    #[error("malformed JSON: {0}; fix the syntax")]
    Json(String),
    /// Well-formed JSON of a shape the parser does not know.
    #[error(
        "JSON of unknown shape ({0}); expected a veracity Document, schema.org \
         ClaimReview, a Google Fact Check Tools claims:search response, or a scraper \
         export object with a non-empty `text`, `content` or `body` field (and \
         optionally url/link, title/headline, date/published/published_at, \
         author/authors/byline, source/site_name/publisher), or a list of these"
    )]
    UnknownJson(String),
    /// A Document that does not match the schema.
    #[error(
        "not a valid document (see `veracity schema document`):\n{}",
        .0.join("\n")
    )]
    Invalid(Vec<String>),
}

/// An input that could not be parsed: where, and why.
#[derive(Debug)]
pub struct ParseError {
    location: String,
    kind: ErrorKind,
}

impl ParseError {
    /// An error about the input at `location`.
    pub fn new(location: impl Into<String>, kind: ErrorKind) -> Self {
        ParseError {
            location: location.into(),
            kind,
        }
    }

    /// The input's path, URL or `-`.
    pub fn location(&self) -> &str {
        &self.location
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// True for the problems with the input file itself (empty, too large,
    /// binary), as opposed to content that failed to parse.
    pub fn is_unusable_input(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::Empty | ErrorKind::TooLarge { .. } | ErrorKind::Binary { .. }
        )
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.kind)
    }
}

impl std::error::Error for ParseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.kind.source()
    }
}
