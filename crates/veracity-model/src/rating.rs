//! Ratings: a published or computed verdict label with its normalised value.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The normalised truth classes every scale maps onto.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum RatingClass {
    /// Accurate; nothing significant missing.
    True,
    /// Accurate but needs clarification or context.
    MostlyTrue,
    /// Partly accurate, partly not; or the evidence conflicts.
    Mixed,
    /// Contains an element of truth but ignores facts that change the impression.
    MostlyFalse,
    /// Not accurate.
    False,
    /// No rating could be reached: too little evidence, or not a factual claim.
    /// Never a synonym for false.
    Unverified,
}

impl RatingClass {
    /// All classes, from true to unverified.
    pub const ALL: [RatingClass; 6] = [
        RatingClass::True,
        RatingClass::MostlyTrue,
        RatingClass::Mixed,
        RatingClass::MostlyFalse,
        RatingClass::False,
        RatingClass::Unverified,
    ];

    /// The class a normalised truth value falls in: bands of width 0.25
    /// centred on 1, 0.75, 0.5, 0.25 and 0.
    pub fn from_value(value: f64) -> RatingClass {
        match value {
            v if v.is_nan() => RatingClass::Unverified,
            v if v >= 0.875 => RatingClass::True,
            v if v >= 0.625 => RatingClass::MostlyTrue,
            v if v > 0.375 => RatingClass::Mixed,
            v if v > 0.125 => RatingClass::MostlyFalse,
            _ => RatingClass::False,
        }
    }

    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            RatingClass::True => "true",
            RatingClass::MostlyTrue => "mostly_true",
            RatingClass::Mixed => "mixed",
            RatingClass::MostlyFalse => "mostly_false",
            RatingClass::False => "false",
            RatingClass::Unverified => "unverified",
        }
    }
}

impl std::fmt::Display for RatingClass {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A rating: a label on a named scale with its normalised value and class.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// The label as published or as the scale words it ("Partially True").
    pub label: String,
    /// The id of the scale in the registry ("polygraph"), or "unknown" for a
    /// published label no registered scale knows.
    pub scale: String,
    /// The normalised truth value in [0, 1] (1 = true); absent when unverified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0, max = 1.0))]
    pub value: Option<f64>,
    /// The normalised class.
    pub class: RatingClass,
}

impl Rating {
    /// An unverified rating on the built-in `veracity` scale.
    pub fn unverified() -> Rating {
        Rating {
            label: "Unverified".to_owned(),
            scale: "veracity".to_owned(),
            value: None,
            class: RatingClass::Unverified,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands() {
        assert_eq!(RatingClass::from_value(1.0), RatingClass::True);
        assert_eq!(RatingClass::from_value(0.8), RatingClass::MostlyTrue);
        assert_eq!(RatingClass::from_value(0.5), RatingClass::Mixed);
        assert_eq!(RatingClass::from_value(0.25), RatingClass::MostlyFalse);
        assert_eq!(RatingClass::from_value(0.1), RatingClass::False);
        assert_eq!(RatingClass::from_value(f64::NAN), RatingClass::Unverified);
    }
}
