//! `review-first`: an example veracity verdict plugin.
//!
//! The rule, in full:
//!
//! 1. Among the published reviews of the claim (`reviews` in the request),
//!    take those whose similarity to the claim is at least `min_similarity`
//!    (option, default 0.6) and whose rating is not unverified. The most
//!    similar one wins (the first listed, on a tie).
//! 2. If there is one, the verdict is its rating re-expressed on the scale
//!    the user asked for (kept as published if that scale is unknown), with
//!    confidence equal to the similarity, and the explanation names the
//!    fact-checker and its URL.
//! 3. Otherwise the verdict is unverified, with the reason. The evidence is
//!    never turned into a rating by this engine: it rates only what a
//!    fact-checker has already reviewed.
//!
//! Support and refutation report the weighted stance of the independent
//! evidence (weight × agree, weight × disagree), so a reader can see whether
//! the collection agrees with the fact-check; the evidence itself is passed
//! through, strongest first.

use veracity_plugin::veracity_model::{
    CitedReview, Evidence, EvidenceRole, Rating, RatingClass, ScaleRegistry,
};
use veracity_plugin::{Plugin, PluginManifest, Verdict, VerdictRequest};

#[derive(Default)]
struct ReviewFirst;

impl Plugin for ReviewFirst {
    fn manifest(&self) -> PluginManifest {
        veracity_plugin::verdict_manifest(
            "review-first",
            env!("CARGO_PKG_VERSION"),
            "A matching published fact-check decides; otherwise unverified",
        )
    }

    fn verdict(&self, request: VerdictRequest) -> Result<Verdict, String> {
        let min = match request.options.get("min_similarity") {
            None => 0.6,
            Some(v) => v
                .parse::<f64>()
                .ok()
                .filter(|v| (0.0..=1.0).contains(v))
                .ok_or_else(|| format!("option min_similarity={v}: give a number from 0 to 1"))?,
        };
        Ok(decide(request, min))
    }
}

veracity_plugin::export_plugin!(ReviewFirst);

/// The best usable review: most similar, at least `min`, not unverified.
fn best_review(reviews: &[CitedReview], min: f64) -> Option<&CitedReview> {
    reviews
        .iter()
        .filter(|r| r.similarity >= min && r.review.rating.class != RatingClass::Unverified)
        .fold(None, |best: Option<&CitedReview>, r| match best {
            Some(b) if b.similarity >= r.similarity => Some(b),
            _ => Some(r),
        })
}

/// `rating` on `scale`, or as published when the scale is unknown.
fn on_scale(rating: &Rating, scale: &str) -> Rating {
    ScaleRegistry::builtin()
        .rescale(rating, scale)
        .unwrap_or_else(|| rating.clone())
}

fn decide(request: VerdictRequest, min: f64) -> Verdict {
    let VerdictRequest {
        claim,
        mut evidence,
        reviews,
        scale,
        ..
    } = request;
    let (support, refutation) = balance(&evidence);
    evidence.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    let (rating, confidence, explanation) = match best_review(&reviews, min) {
        Some(cited) => {
            let review = &cited.review;
            let who = review
                .reviewer
                .as_deref()
                .unwrap_or("A published fact-check");
            let mut why = format!(
                "{who} rated this claim \u{201c}{}\u{201d}",
                review.rating.label
            );
            if let Some(url) = &review.url {
                why.push_str(&format!(" ({url})"));
            }
            why.push_str(&format!(
                "; review-first adopts a published fact-check that matches the claim \
                 (similarity {:.2}, document {}).",
                cited.similarity, cited.document
            ));
            (on_scale(&review.rating, &scale), cited.similarity, why)
        }
        None => {
            let best = reviews
                .iter()
                .map(|r| r.similarity)
                .fold(None, |m: Option<f64>, s| Some(m.map_or(s, |m| m.max(s))));
            let why = match best {
                None => "No published fact-check of this claim was found; review-first rates \
                         only claims a fact-checker has reviewed."
                    .to_owned(),
                Some(s) => format!(
                    "No published fact-check matches this claim closely enough (best \
                     similarity {s:.2}, needed {min:.2}, or its rating was unverified); \
                     review-first rates only claims a fact-checker has reviewed."
                ),
            };
            let unverified = ScaleRegistry::builtin()
                .get(&scale)
                .map_or_else(Rating::unverified, |s| s.rate_value(None));
            (unverified, 0.0, why)
        }
    };
    Verdict {
        claim: claim.id,
        rating,
        confidence: confidence.clamp(0.0, 1.0),
        engine: "review-first".to_owned(),
        support,
        refutation,
        evidence,
        reviews,
        explanation,
    }
}

/// Weighted agreement and disagreement of the independent evidence.
fn balance(evidence: &[Evidence]) -> (f64, f64) {
    evidence
        .iter()
        .filter(|e| e.role == EvidenceRole::Independent)
        .fold((0.0, 0.0), |(s, r), e| {
            (
                s + e.weight * e.stance.scores.agree,
                r + e.weight * e.stance.scores.disagree,
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use veracity_plugin::veracity_model::{Claim, ClaimOrigin, DocumentId, Review};

    fn cited(similarity: f64, label: &str) -> CitedReview {
        CitedReview {
            document: DocumentId::from_content(&["doc"]),
            similarity,
            review: Review {
                claim: "x".into(),
                claimant: None,
                rating: ScaleRegistry::builtin()
                    .lookup(Some("politifact"), label)
                    .unwrap(),
                summary: None,
                reviewer: Some("Harbor Fact Desk".into()),
                url: Some("https://example.org/fc".into()),
                date: None,
            },
        }
    }

    fn request(reviews: Vec<CitedReview>) -> VerdictRequest {
        VerdictRequest {
            claim: Claim::new("The plant supplies forty percent", ClaimOrigin::Quote),
            evidence: Vec::new(),
            reviews,
            scale: "veracity".into(),
            options: Default::default(),
        }
    }

    #[test]
    fn the_most_similar_review_wins_on_the_asked_scale() {
        let v = decide(
            request(vec![cited(0.7, "True"), cited(0.9, "Mostly False")]),
            0.6,
        );
        assert_eq!(v.rating.class, RatingClass::MostlyFalse);
        assert_eq!(v.rating.scale, "veracity");
        assert_eq!(v.confidence, 0.9);
        assert!(
            v.explanation
                .starts_with("Harbor Fact Desk rated this claim")
        );
    }

    #[test]
    fn no_close_review_is_unverified_with_the_reason() {
        let v = decide(request(vec![cited(0.3, "False")]), 0.6);
        assert_eq!(v.rating.class, RatingClass::Unverified);
        assert_eq!(v.confidence, 0.0);
        assert!(
            v.explanation.contains("best similarity 0.30"),
            "{}",
            v.explanation
        );
        let v = decide(request(vec![]), 0.6);
        assert!(
            v.explanation
                .starts_with("No published fact-check of this claim")
        );
    }
}
