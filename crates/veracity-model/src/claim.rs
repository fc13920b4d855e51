//! Claims: checkable statements, with every place they appear.

use crate::id::{ClaimId, DocumentId};
use crate::span::Span;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How a claim entered the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ClaimOrigin {
    /// Given by the user (`--claim`, `--claims`).
    Given,
    /// The claim a published fact-check reviews.
    Reviewed,
    /// An attributed quote.
    Quote,
    /// A check-worthy sentence.
    Sentence,
}

/// A place where a claim appears.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Appearance {
    /// The document it appears in.
    pub document: DocumentId,
    /// Where in that document's text.
    pub span: Span,
}

/// A checkable statement; near-duplicates across documents are one claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// Content-derived id (hash of the normalised text).
    pub id: ClaimId,
    /// The claim's text.
    pub text: String,
    /// Who made the claim, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant: Option<String>,
    /// When the claim was made (ISO 8601), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// How the claim entered the run.
    pub origin: ClaimOrigin,
    /// Every place the claim appears in the collection, first appearance first.
    #[serde(default)]
    pub appearances: Vec<Appearance>,
    /// How worth checking the claim is, in [0, 1].
    #[schemars(range(min = 0.0, max = 1.0))]
    pub checkworthiness: f64,
}

impl Claim {
    /// A claim with its id derived from `text`.
    pub fn new(text: impl Into<String>, origin: ClaimOrigin) -> Claim {
        let text = text.into();
        Claim {
            id: ClaimId::from_content(&[&text]),
            text,
            claimant: None,
            date: None,
            origin,
            appearances: Vec::new(),
            checkworthiness: 1.0,
        }
    }
}
