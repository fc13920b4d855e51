//! veracity-parse: bytes -> documents.
//!
//! [`html`] extracts the main text, metadata and schema.org ClaimReviews of
//! an HTML page. The library never prints, never exits and never panics on
//! input.

#![deny(missing_docs)]

pub mod html;
