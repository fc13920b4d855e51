//! Errors of HTML extraction.

/// Why a page could not be read as HTML at all. Pages that parse but hold
/// little text are not errors: they give an [`super::HtmlArticle`] with few
/// or no paragraphs and a warning.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input has no bytes, or only whitespace.
    #[error("the page is empty; pass a file that holds HTML")]
    Empty,
    /// The input has NUL bytes: a binary file, not HTML.
    #[error("the input looks binary (it contains NUL bytes), not HTML; check the file type")]
    Binary,
    /// The content extractor failed in a way it should not; the page is
    /// skipped. Please report it with the page.
    #[error("content extraction failed unexpectedly ({0}); please report this page")]
    Internal(String),
}
