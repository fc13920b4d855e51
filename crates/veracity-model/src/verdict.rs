//! Verdicts: a rating of one claim with its cited evidence.

use crate::evidence::Evidence;
use crate::id::{ClaimId, DocumentId};
use crate::rating::Rating;
use crate::review::Review;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A published review that matches the claim, cited with its document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CitedReview {
    /// The document the review was published in.
    pub document: DocumentId,
    /// How closely the reviewed claim matches this claim, in [0, 1].
    #[schemars(range(min = 0.0, max = 1.0))]
    pub similarity: f64,
    /// The review itself.
    pub review: Review,
}

/// The verdict on one claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Verdict {
    /// The claim rated.
    pub claim: ClaimId,
    /// The rating; class `unverified` when no verdict could be reached.
    pub rating: Rating,
    /// Confidence in the rating, in [0, 1].
    #[schemars(range(min = 0.0, max = 1.0))]
    pub confidence: f64,
    /// The engine that produced the verdict (`evidence`, `review`, a plugin).
    pub engine: String,
    /// Total weighted support, >= 0.
    #[schemars(range(min = 0.0))]
    pub support: f64,
    /// Total weighted refutation, >= 0.
    #[schemars(range(min = 0.0))]
    pub refutation: f64,
    /// The evidence considered, strongest first.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// Published reviews of the claim found in the collection.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<CitedReview>,
    /// Plain-language explanation citing the strongest evidence for and
    /// against; for an unverified verdict, the reason.
    pub explanation: String,
}
