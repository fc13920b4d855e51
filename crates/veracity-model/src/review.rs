//! Published fact-check verdicts.

use crate::rating::Rating;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A fact-check verdict published in a document (visible text or
/// schema.org ClaimReview markup).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// The claim as the fact-check states it.
    pub claim: String,
    /// Who made the claim, if the fact-check says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant: Option<String>,
    /// The published rating, normalised through the scale registry.
    pub rating: Rating,
    /// The fact-check's short explanation of its verdict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The organisation that published the fact-check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewer: Option<String>,
    /// The fact-check's URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When the fact-check was published (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}
