//! Byte spans into a document's cleaned text.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's `text`, always on
/// UTF-8 character boundaries.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Span {
    /// Byte offset of the first byte.
    start: usize,
    /// Byte offset one past the last byte.
    end: usize,
}

/// Why a span was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    /// `start` is after `end`.
    #[error("span {start}..{end} is reversed: start must not exceed end")]
    Reversed {
        /// The span's start.
        start: usize,
        /// The span's end.
        end: usize,
    },
    /// The span reaches past the end of the text.
    #[error("span {start}..{end} is out of range for a text of {len} bytes")]
    OutOfRange {
        /// The span's start.
        start: usize,
        /// The span's end.
        end: usize,
        /// The text's length in bytes.
        len: usize,
    },
    /// A bound falls inside a multi-byte character.
    #[error("span {start}..{end} does not fall on UTF-8 character boundaries")]
    NotCharBoundary {
        /// The span's start.
        start: usize,
        /// The span's end.
        end: usize,
    },
}

impl Span {
    /// A span checked against `text`: in range and on char boundaries.
    pub fn new(text: &str, start: usize, end: usize) -> Result<Self, SpanError> {
        let span = Span { start, end };
        span.check(text)?;
        Ok(span)
    }

    /// The span `start..end`, not checked against a text: a span written
    /// out and read back, checked when it was made. `None` when it ends
    /// before it starts.
    pub fn between(start: usize, end: usize) -> Option<Self> {
        (start <= end).then_some(Span { start, end })
    }

    /// The span of all of `text`.
    pub fn whole(text: &str) -> Self {
        Span {
            start: 0,
            end: text.len(),
        }
    }

    /// Byte offset of the first byte.
    #[inline]
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset one past the last byte.
    #[inline]
    pub fn end(&self) -> usize {
        self.end
    }

    /// The span of `text[start..end]` without its leading and trailing white
    /// space; `None` when that is empty or `start..end` is not a valid span.
    pub fn trimmed(text: &str, start: usize, end: usize) -> Option<Self> {
        let piece = text.get(start..end)?;
        let lead = piece.len() - piece.trim_start().len();
        let kept = piece.trim().len();
        (kept > 0).then_some(Span {
            start: start + lead,
            end: start + lead + kept,
        })
    }

    /// The span of the first occurrence of `needle` in `text`.
    pub fn find(text: &str, needle: &str) -> Option<Self> {
        let at = text.find(needle)?;
        Some(Span {
            start: at,
            end: at + needle.len(),
        })
    }

    /// The span of `part` inside `text` when `part` is a sub-slice of it
    /// (as produced by `str` methods); `None` if it is not.
    pub fn of_subslice(text: &str, part: &str) -> Option<Self> {
        let base = text.as_ptr() as usize;
        let at = (part.as_ptr() as usize).checked_sub(base)?;
        let end = at.checked_add(part.len())?;
        (end <= text.len()).then_some(Span { start: at, end })
    }

    /// Checks that the span is valid for `text`.
    pub fn check(&self, text: &str) -> Result<(), SpanError> {
        let (start, end) = (self.start, self.end);
        if start > end {
            return Err(SpanError::Reversed { start, end });
        }
        if end > text.len() {
            return Err(SpanError::OutOfRange {
                start,
                end,
                len: text.len(),
            });
        }
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(SpanError::NotCharBoundary { start, end });
        }
        Ok(())
    }

    /// The text the span covers, or `None` if the span is invalid for `text`.
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_bad_spans() {
        let text = "Zürich said";
        assert!(Span::new(text, 0, 3).is_ok());
        assert_eq!(
            Span::new(text, 2, 3),
            Err(SpanError::NotCharBoundary { start: 2, end: 3 })
        );
        assert_eq!(
            Span::new(text, 4, 2),
            Err(SpanError::Reversed { start: 4, end: 2 })
        );
        assert!(matches!(
            Span::new(text, 0, 99),
            Err(SpanError::OutOfRange { .. })
        ));
        assert_eq!(Span::new(text, 0, 7).unwrap().slice(text), Some("Zürich"));
    }

    #[test]
    fn trimmed_spans() {
        let text = "  one two \n";
        let span = Span::trimmed(text, 0, text.len()).unwrap();
        assert_eq!(span.slice(text), Some("one two"));
        assert_eq!(Span::trimmed(text, 0, 2), None);
        assert_eq!(Span::trimmed(text, 0, 99), None);
    }

    #[test]
    fn subslice_spans() {
        let text = "one two three";
        let part = text.split(' ').nth(1).unwrap();
        assert_eq!(Span::of_subslice(text, part), Span::new(text, 4, 7).ok());
        let elsewhere = String::from("two");
        assert_eq!(Span::of_subslice(text, &elsewhere), None);
    }
}
