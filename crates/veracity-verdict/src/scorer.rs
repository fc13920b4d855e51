//! The stance interface the verdict pipeline scores passages with.
//!
//! [`StanceScorer`] is implemented by the trained stance model (module
//! `stance`) and by [`LexicalScorer`], a transparent word-overlap baseline
//! used in tests and as a fallback.

use veracity_model::{Stance, StanceScores};
use veracity_text::words;

/// Scores the stance of passages toward a claim, in batches.
pub trait StanceScorer: Send + Sync {
    /// A short name for notes and reports ("fnc1-model", "lexical").
    fn name(&self) -> &str;
    /// One stance per passage, in order.
    fn score_batch(&self, claim: &str, passages: &[&str]) -> Vec<Stance>;
}

/// A word-overlap baseline: a passage sharing little of the claim's terms is
/// unrelated; one sharing most of them agrees; in between it discusses.
/// Contradictions are left to the cues ([`find_cues`](crate::find_cues)).
#[derive(Debug, Default, Clone, Copy)]
pub struct LexicalScorer;

impl StanceScorer for LexicalScorer {
    fn name(&self) -> &str {
        "lexical"
    }

    fn score_batch(&self, claim: &str, passages: &[&str]) -> Vec<Stance> {
        let claim_terms = words::term_set(claim);
        passages
            .iter()
            .map(|p| {
                let cov = words::coverage(&claim_terms, &words::term_set(p));
                let unrelated = (1.0 - 2.0 * cov).clamp(0.05, 0.95);
                let rest = 1.0 - unrelated;
                let agree_share = ((cov - 0.3) / 0.5).clamp(0.0, 0.6);
                let scores = StanceScores {
                    agree: rest * agree_share,
                    disagree: 0.0,
                    discuss: rest * (1.0 - agree_share),
                    unrelated,
                };
                Stance::from_scores(scores)
            })
            .collect()
    }
}

impl StanceScorer for veracity_stance::StanceModel {
    fn name(&self) -> &str {
        "fnc1-model"
    }

    /// Proper names are replaced by stand-ins first
    /// ([`mask_names`](veracity_text::names::mask_names)): the model learned
    /// its words from FNC-1, and a verdict must not change when the people
    /// and groups in a collection are renamed.
    fn score_batch(&self, claim: &str, passages: &[&str]) -> Vec<Stance> {
        let (claim, passages) = veracity_text::names::mask_names(claim, passages);
        let passages: Vec<&str> = passages.iter().map(String::as_str).collect();
        veracity_stance::StanceModel::score_batch(self, &claim, &passages)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use veracity_model::StanceLabel;

    #[test]
    fn lexical_scorer_separates_related_from_unrelated() {
        let s = LexicalScorer.score_batch(
            "The plant supplies forty percent of the city's drinking water",
            &[
                "The plant supplies forty percent of the city's drinking water, officials said.",
                "Volunteers cleaned the beach.",
            ],
        );
        assert_eq!(s[0].label, StanceLabel::Agree);
        assert_eq!(s[1].label, StanceLabel::Unrelated);
    }
}
