//! schema.org ClaimReview data -> [`veracity_model::Review`], with the
//! rating normalised through the scale registry.

use veracity_model::{Rating, RatingClass, Review, ScaleRegistry};

use super::jsonld::ClaimReviewData;

/// Letters and digits only, lowercased: "POLYGRAPH.info" -> "polygraphinfo".
fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The id of the registered scale whose publisher is `reviewer`.
fn scale_of(registry: &ScaleRegistry, reviewer: Option<&str>, url: Option<&str>) -> Option<String> {
    let reviewer = reviewer.map(key).filter(|k| k.len() >= 3);
    let host = url.map(|u| {
        key(u
            .split("://")
            .nth(1)
            .unwrap_or(u)
            .split('/')
            .next()
            .unwrap_or(""))
    });
    registry.scales().iter().find_map(|s| {
        let p = key(s.publisher.as_deref()?);
        if p.len() < 3 {
            return None;
        }
        let by_name = reviewer
            .as_deref()
            .is_some_and(|r| r.contains(&p) || p.contains(r));
        let by_host = host.as_deref().is_some_and(|h| h.contains(&p));
        (by_name || by_host).then(|| s.id.clone())
    })
}

/// Resolves a published rating: the label on the publisher's scale, then on
/// any scale, then the numeric value on its own `worst..best` range; a
/// rating nothing explains stays unverified on the `unknown` scale.
pub(crate) fn rating(registry: &ScaleRegistry, r: &ClaimReviewData) -> Rating {
    let scale = scale_of(registry, r.reviewer.as_deref(), r.url.as_deref());
    if let Some(label) = r.rating_label.as_deref().filter(|l| !l.trim().is_empty())
        && let Some(rating) = scale
            .as_deref()
            .and_then(|id| registry.lookup(Some(id), label))
            .or_else(|| registry.lookup(None, label))
    {
        return rating;
    }
    let numeric = match (r.rating_value, r.best_rating, r.worst_rating) {
        (Some(v), best, worst) => {
            let best = best.unwrap_or(5.0);
            let worst = worst.unwrap_or(1.0);
            (best > worst && (worst..=best).contains(&v)).then(|| (v - worst) / (best - worst))
        }
        _ => None,
    };
    let label = r
        .rating_label
        .clone()
        .filter(|l| !l.trim().is_empty())
        .or_else(|| {
            r.rating_value
                .map(|v| format!("{v}/{}", r.best_rating.unwrap_or(5.0)))
        })
        .unwrap_or_else(|| "Unrated".to_string());
    match numeric {
        Some(value) => Rating {
            label,
            scale: "unknown".to_string(),
            value: Some(value),
            class: RatingClass::from_value(value),
        },
        None => Rating {
            label,
            scale: "unknown".to_string(),
            value: None,
            class: RatingClass::Unverified,
        },
    }
}

/// Converts one ClaimReview; `None` when it names no claim.
pub(crate) fn to_review(registry: &ScaleRegistry, r: &ClaimReviewData) -> Option<Review> {
    if r.claim.trim().is_empty() {
        return None;
    }
    Some(Review {
        claim: r.claim.clone(),
        claimant: r.claimant.clone(),
        rating: rating(registry, r),
        summary: r.summary.clone(),
        reviewer: r.reviewer.clone(),
        url: r.url.clone(),
        date: r.date.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(label: Option<&str>, value: Option<f64>, reviewer: &str) -> ClaimReviewData {
        ClaimReviewData {
            claim: "c".into(),
            rating_label: label.map(str::to_string),
            rating_value: value,
            best_rating: Some(5.0),
            worst_rating: Some(1.0),
            reviewer: Some(reviewer.into()),
            ..Default::default()
        }
    }

    #[test]
    fn publisher_scale_first() {
        let reg = ScaleRegistry::builtin();
        let r = rating(
            reg,
            &data(Some("Partially True"), Some(3.0), "POLYGRAPH.info"),
        );
        assert_eq!(r.scale, "polygraph");
        assert_eq!(r.label, "Partially True");
    }

    #[test]
    fn unknown_label_uses_numbers() {
        let reg = ScaleRegistry::builtin();
        let r = rating(reg, &data(Some("Zany"), Some(5.0), "Nobody"));
        assert_eq!(r.scale, "unknown");
        assert_eq!(r.value, Some(1.0));
        assert_eq!(r.class, RatingClass::True);
        let r = rating(reg, &data(None, None, "Nobody"));
        assert_eq!(r.class, RatingClass::Unverified);
    }
}
