//! The shared data model of veracity.
//!
//! Plain serde + schemars types for every value that flows through the
//! pipeline (bytes → [`Document`] → [`Claim`] → [`Evidence`] → [`Verdict`] →
//! [`Report`]), content-derived ids, checked byte spans, the rating-scale
//! registry, and JSON Schema generation (and, with the `validate` feature,
//! validation). No I/O.

#![deny(missing_docs)]

pub mod claim;
pub mod document;
pub mod evidence;
pub mod id;
pub mod plugin;
pub mod rating;
pub mod report;
pub mod review;
pub mod scale;
pub mod scatter;
pub mod schema;
pub mod span;
#[cfg(feature = "validate")]
pub mod validate;
pub mod verdict;

pub use claim::{Appearance, Claim, ClaimOrigin, LISTED_DOCUMENTS};
pub use document::{
    DetectedLanguage, Document, DocumentKind, DropRule, DroppedText, Quote, Source, Speaker,
};
pub use evidence::{Evidence, EvidenceRole, Stance, StanceLabel, StanceScores};
pub use id::{ClaimId, DocumentId};
pub use plugin::{
    FormatRequest, PluginError, PluginKind, PluginManifest, PluginRequest, PluginResponse,
    PluginResult, VerdictRequest,
};
pub use rating::{Rating, RatingClass};
pub use report::{CollectionCounts, Diagnostic, Report, Severity, Tool};
pub use review::Review;
pub use scale::{RatingScale, ScaleLabel, ScaleRegistry};
pub use schema::SchemaKind;
pub use span::{Span, SpanError};
pub use verdict::{CitedReview, Verdict};

/// The data-model version written into reports and spoken by plugins. Bump it
/// when a change to the model would make an older reader misread a file.
pub const SCHEMA_VERSION: &str = "1";
