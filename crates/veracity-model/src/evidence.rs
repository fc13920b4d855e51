//! Evidence: a passage of the collection weighed for or against a claim.

use crate::id::DocumentId;
use crate::span::Span;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The stance of a passage toward a claim (the FNC-1 classes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StanceLabel {
    /// The passage asserts the claim is true.
    Agree,
    /// The passage asserts the claim is false.
    Disagree,
    /// The passage is about the claim without taking a side.
    Discuss,
    /// The passage is not about the claim.
    Unrelated,
}

impl StanceLabel {
    /// All labels in the order of [`StanceScores`].
    pub const ALL: [StanceLabel; 4] = [
        StanceLabel::Agree,
        StanceLabel::Disagree,
        StanceLabel::Discuss,
        StanceLabel::Unrelated,
    ];

    /// The snake_case name used in JSON and in the FNC-1 files.
    pub fn as_str(self) -> &'static str {
        match self {
            StanceLabel::Agree => "agree",
            StanceLabel::Disagree => "disagree",
            StanceLabel::Discuss => "discuss",
            StanceLabel::Unrelated => "unrelated",
        }
    }
}

/// Class probabilities; they sum to 1.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StanceScores {
    /// Probability of `agree`.
    #[schemars(range(min = 0.0, max = 1.0))]
    pub agree: f64,
    /// Probability of `disagree`.
    #[schemars(range(min = 0.0, max = 1.0))]
    pub disagree: f64,
    /// Probability of `discuss`.
    #[schemars(range(min = 0.0, max = 1.0))]
    pub discuss: f64,
    /// Probability of `unrelated`.
    #[schemars(range(min = 0.0, max = 1.0))]
    pub unrelated: f64,
}

impl StanceScores {
    /// The probability of one label.
    pub fn get(&self, label: StanceLabel) -> f64 {
        match label {
            StanceLabel::Agree => self.agree,
            StanceLabel::Disagree => self.disagree,
            StanceLabel::Discuss => self.discuss,
            StanceLabel::Unrelated => self.unrelated,
        }
    }

    /// The most probable label (ties go to the earlier label in
    /// [`StanceLabel::ALL`]).
    pub fn argmax(&self) -> StanceLabel {
        StanceLabel::ALL
            .into_iter()
            .fold(StanceLabel::Unrelated, |best, l| {
                if self.get(l) > self.get(best) {
                    l
                } else {
                    best
                }
            })
    }
}

/// A passage's stance toward a claim: the chosen label and all scores.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stance {
    /// The chosen label.
    pub label: StanceLabel,
    /// The probability of every label.
    pub scores: StanceScores,
}

impl Stance {
    /// A stance whose label is the most probable class.
    pub fn from_scores(scores: StanceScores) -> Stance {
        Stance {
            label: scores.argmax(),
            scores,
        }
    }
}

/// What a piece of evidence can show, which decides how it is weighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceRole {
    /// An independent passage that bears on whether the claim is true.
    Independent,
    /// A report that the claimant made the claim ("X said that ..."): evidence
    /// the claim was made, not that it is true. Carries no weight.
    Attribution,
    /// The claimant's own statement. Carries no weight.
    Claimant,
    /// A copy of other evidence (syndication, near-duplicate passage). Counted
    /// once, through the evidence it repeats.
    Duplicate,
    /// A published fact-check's text; its verdict is reported as a review.
    FactCheck,
}

/// A passage of the collection weighed for or against a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The document the passage is in.
    pub document: crate::id::DocumentId,
    /// The passage's span in that document's text.
    pub span: Span,
    /// The passage's text (a copy, so the evidence reads on its own).
    pub text: String,
    /// Retrieval relevance to the claim, in [0, 1].
    #[schemars(range(min = 0.0, max = 1.0))]
    pub relevance: f64,
    /// The passage's stance toward the claim.
    pub stance: Stance,
    /// What the passage can show.
    pub role: EvidenceRole,
    /// The weight the passage carries in the aggregate, in [0, 1].
    #[schemars(range(min = 0.0, max = 1.0))]
    pub weight: f64,
    /// For a duplicate: the index (in this verdict's evidence list) of the
    /// evidence it repeats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<usize>,
    /// Documents this passage was found independent of (different publisher,
    /// no shared syndication source), for auditing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub independent_of: Vec<DocumentId>,
    /// Why the passage was weighted as it was, in plain language.
    pub note: String,
}
