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
    /// and groups in a collection are renamed. Negations that only report a
    /// request are dropped
    /// ([`drop_order_negations`](veracity_text::negation::drop_order_negations)):
    /// the model counts "not" as disagreement, and "they asked us not to hit
    /// it" denies nothing.
    fn score_batch(&self, claim: &str, passages: &[&str]) -> Vec<Stance> {
        use veracity_text::negation::drop_order_negations;
        let (claim, passages) = veracity_text::names::mask_names(claim, passages);
        let claim = drop_order_negations(&claim);
        let passages: Vec<_> = passages.iter().map(|p| drop_order_negations(p)).collect();
        let passages: Vec<&str> = passages.iter().map(|p| p.as_ref()).collect();
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

    #[test]
    fn a_reported_request_is_not_read_as_a_denial() {
        // Lavrov's "they asked us not to hit it" against the State
        // Department's "asked Russia to be careful", in other words and names.
        let model = veracity_stance::StanceModel::builtin();
        let claim =
            "Ottawa has asked the mill to be more careful in dumping waste into the Kestrel River";
        let s = StanceScorer::score_batch(
            &model,
            claim,
            &[
                "The province said Ottawa asked the mill not to dump waste into the Kestrel River.",
                "The province said the mill did not dump waste into the Kestrel River.",
            ],
        );
        assert_ne!(s[0].label, StanceLabel::Disagree, "{:?}", s[0]);
        assert!(
            s[1].scores.disagree > s[0].scores.disagree,
            "a real denial still reads as one: {:?} vs {:?}",
            s[1],
            s[0]
        );
    }
}
