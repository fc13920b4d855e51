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
    /// The places the claim appears in the collection, first appearance
    /// first: every one, or in a report those in its first
    /// [`LISTED_DOCUMENTS`] documents when more state it (see
    /// [`Claim::stated_in`]).
    #[serde(default)]
    pub appearances: Vec<Appearance>,
    /// How many documents of the collection state the claim, when the
    /// appearances list only some of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_in: Option<u64>,
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
            stated_in: None,
            checkworthiness: 1.0,
        }
    }

    /// How many documents state the claim: [`Claim::stated_in`] when the
    /// appearances were cut short, else the documents they name.
    pub fn stated_in(&self) -> u64 {
        self.stated_in
            .unwrap_or_else(|| self.appearance_documents().len() as u64)
    }

    /// The documents the appearances name, first appearance first.
    pub fn appearance_documents(&self) -> Vec<&DocumentId> {
        let mut seen = std::collections::HashSet::new();
        self.appearances
            .iter()
            .map(|a| &a.document)
            .filter(|d| seen.insert(*d))
            .collect()
    }

    /// Keeps the appearances in the first [`LISTED_DOCUMENTS`] documents
    /// that state the claim, and counts the documents in
    /// [`Claim::stated_in`] when there were more: a claim repeated across a
    /// crawl does not bring ten thousand documents into its report.
    pub fn list_appearances(&mut self) {
        let documents = self.appearance_documents();
        if documents.len() <= LISTED_DOCUMENTS {
            return;
        }
        // Extraction may have counted more than it kept.
        let total = self.stated_in.unwrap_or(0).max(documents.len() as u64);
        let kept: std::collections::HashSet<DocumentId> = documents
            .into_iter()
            .take(LISTED_DOCUMENTS)
            .cloned()
            .collect();
        self.appearances.retain(|a| kept.contains(&a.document));
        self.stated_in = Some(total);
    }
}

/// How many of the documents that state a claim a report lists (the
/// first, in collection order).
pub const LISTED_DOCUMENTS: usize = 50;

#[cfg(test)]
mod tests {
    use super::*;

    fn stated_in(documents: usize) -> Claim {
        // The documents' text: the spans are checked against it.
        let text = "The ferry carries 300 passengers a day. It has done so for years.";
        let mut claim = Claim::new(
            "The ferry carries 300 passengers a day.",
            ClaimOrigin::Sentence,
        );
        for d in 0..documents {
            let document = DocumentId::from_content(&[&d.to_string()]);
            // Two places in each document.
            for start in [0, 40] {
                claim.appearances.push(Appearance {
                    document: document.clone(),
                    span: Span::new(text, start, start + 10).unwrap(),
                });
            }
        }
        claim
    }

    #[test]
    fn a_report_lists_the_first_documents_that_state_a_claim() {
        let mut few = stated_in(LISTED_DOCUMENTS);
        let before = few.clone();
        few.list_appearances();
        assert_eq!(few, before);
        assert_eq!(few.stated_in(), LISTED_DOCUMENTS as u64);

        let mut many = stated_in(LISTED_DOCUMENTS + 7);
        let first = many.appearances[..2 * LISTED_DOCUMENTS].to_vec();
        many.list_appearances();
        assert_eq!(many.appearances, first);
        assert_eq!(many.stated_in, Some(LISTED_DOCUMENTS as u64 + 7));
        assert_eq!(many.stated_in(), LISTED_DOCUMENTS as u64 + 7);
    }
}
