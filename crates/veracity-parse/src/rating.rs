//! Published rating labels, normalised through the scale registry.

use std::sync::OnceLock;
use veracity_model::scale::label_key;
use veracity_model::{Rating, RatingClass, ScaleRegistry};
use veracity_text::hash::FxHashSet;

/// True when some built-in scale knows the label (a cheap set lookup; the
/// folded keys of every label and alias are built once).
pub fn is_known_label(label: &str) -> bool {
    static KEYS: OnceLock<FxHashSet<String>> = OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        ScaleRegistry::builtin()
            .scales()
            .iter()
            .flat_map(|s| &s.labels)
            .flat_map(|l| std::iter::once(&l.label).chain(&l.aliases))
            .map(|l| label_key(l))
            .collect()
    });
    let label = label.trim().trim_end_matches(['.', '!']).trim();
    label.len() <= 80 && with_key(label, |key| keys.contains(key))
}

/// Runs `f` on `label_key(label)`: built in a stack buffer for ASCII labels
/// of at most 80 bytes (every label this is asked about), no allocation.
fn with_key<R>(label: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 80];
    if label.len() <= buf.len() && label.is_ascii() {
        let mut n = 0;
        for b in label.bytes().filter(u8::is_ascii_alphanumeric) {
            buf[n] = b.to_ascii_lowercase();
            n += 1;
        }
        if let Ok(key) = std::str::from_utf8(&buf[..n]) {
            return f(key);
        }
    }
    f(&label_key(label))
}

/// The registry's rating for a published `label`: on the reviewer's own
/// scale when a scale names it as publisher, else the first scale that
/// knows the label; `None` when no scale does.
pub fn lookup(label: &str, reviewer: Option<&str>) -> Option<Rating> {
    let label = label.trim().trim_end_matches(['.', '!']).trim();
    if label.is_empty() || !is_known_label(label) {
        return None;
    }
    let registry = ScaleRegistry::builtin();
    if let Some(reviewer) = reviewer {
        let reviewer = reviewer.to_lowercase();
        for scale in registry.scales() {
            let Some(publisher) = &scale.publisher else {
                continue;
            };
            let publisher = publisher.to_lowercase();
            if (reviewer.contains(&publisher) || publisher.contains(&reviewer))
                && let Some(rating) = scale.rate_label(label)
            {
                return Some(rating);
            }
        }
    }
    registry.lookup(None, label)
}

/// Like [`lookup`], but a label no scale knows is kept as published on the
/// `unknown` scale, unverified (or valued from a numeric rating when one is
/// given as `(value, worst, best)`).
pub fn rate(label: &str, reviewer: Option<&str>, numeric: Option<(f64, f64, f64)>) -> Rating {
    if let Some(rating) = lookup(label, reviewer) {
        return rating;
    }
    let value = numeric.and_then(|(v, worst, best)| {
        let range = best - worst;
        (range.is_finite() && range.abs() > f64::EPSILON && v.is_finite())
            .then(|| ((v - worst) / range).clamp(0.0, 1.0))
    });
    let label = label.trim();
    let label = if label.is_empty() {
        numeric.map_or_else(
            || "Unrated".to_owned(),
            |(v, _, best)| format!("{v}/{best}"),
        )
    } else {
        label.to_owned()
    };
    Rating {
        label,
        scale: "unknown".to_owned(),
        value,
        class: value.map_or(RatingClass::Unverified, RatingClass::from_value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_labels_normalise() {
        let r = rate("Partially True", Some("Polygraph.info"), None);
        assert_eq!(r.class, RatingClass::Mixed);
        assert_eq!(r.scale, "polygraph");
        let r = rate("Mostly False", None, None);
        assert_eq!(r.class, RatingClass::MostlyFalse);
    }

    #[test]
    fn keys_without_allocation_match_label_key() {
        for label in [
            "Mostly False",
            "Pants on Fire!",
            "half-TRUE 2",
            "Faux \u{e9}",
            "",
        ] {
            assert_eq!(with_key(label, str::to_owned), label_key(label), "{label}");
        }
    }

    #[test]
    fn unknown_labels_are_kept() {
        let r = rate("Spicy", None, None);
        assert_eq!(
            (r.scale.as_str(), r.class),
            ("unknown", RatingClass::Unverified)
        );
        let r = rate("Spicy", None, Some((2.0, 1.0, 5.0)));
        assert_eq!(r.value, Some(0.25));
        assert_eq!(r.class, RatingClass::MostlyFalse);
    }
}
