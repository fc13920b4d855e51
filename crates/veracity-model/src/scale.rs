//! Rating scales as data: the registry of published rating scales and the
//! mapping of their labels onto the normalised [`RatingClass`]es.
//!
//! The built-in scales ship as `data/scales.json`, embedded at build time and
//! validated by `schemas/rating-scales.schema.json`; users load more with
//! [`ScaleRegistry::load_json`].

use crate::rating::{Rating, RatingClass};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The built-in scales, as shipped.
pub const BUILTIN_SCALES_JSON: &str = include_str!("../data/scales.json");

/// A file of rating scales (the built-in one, or one a user supplies).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScaleFile {
    /// The schema this file follows: `urn:veracity:rating-scales:1`.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The scales, each with a unique id.
    pub scales: Vec<RatingScale>,
}

/// One publisher's (or data set's) rating scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RatingScale {
    /// Short lowercase id used on the command line ("politifact").
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]*$"))]
    pub id: String,
    /// Human-readable name ("PolitiFact Truth-O-Meter").
    pub name: String,
    /// Who publishes ratings on this scale, if it is a publisher's scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// What the scale is and where its labels come from.
    pub description: String,
    /// The labels, most true first; unverifiable labels last.
    pub labels: Vec<ScaleLabel>,
}

/// A label of a scale with its normalised meaning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScaleLabel {
    /// The label as the publisher writes it ("Pants on Fire").
    pub label: String,
    /// Normalised truth value in [0, 1]; absent for labels that rate nothing
    /// (satire, unproven), whose class is `unverified`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0, max = 1.0))]
    pub value: Option<f64>,
    /// The normalised class.
    pub class: RatingClass,
    /// Other spellings that mean this label ("pants-fire", "4 Pinocchios").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// What the publisher means by the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// Why a scale file was refused.
#[derive(Debug, thiserror::Error)]
pub enum ScaleError {
    /// The file is not JSON of the scale-file shape.
    #[error("not a rating-scale file: {0}")]
    Json(#[from] serde_json::Error),
    /// The file is well-formed but inconsistent.
    #[error("scale `{scale}`: {problem}")]
    Invalid {
        /// The scale's id.
        scale: String,
        /// What is inconsistent and how to fix it.
        problem: String,
    },
}

/// Folds a label for lookup: case, dashes, spaces and punctuation are ignored,
/// so "Pants on Fire", "pants on fire" and "PANTS-ON-FIRE" are one key.
pub fn label_key(label: &str) -> String {
    label
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

impl RatingScale {
    /// The label whose spelling or alias matches `label` (see [`label_key`]).
    pub fn find(&self, label: &str) -> Option<&ScaleLabel> {
        let key = label_key(label);
        if key.is_empty() {
            return None;
        }
        self.labels
            .iter()
            .find(|l| label_key(&l.label) == key || l.aliases.iter().any(|a| label_key(a) == key))
    }

    /// A published label on this scale as a [`Rating`], keeping the label as
    /// written.
    pub fn rate_label(&self, label: &str) -> Option<Rating> {
        self.find(label).map(|l| Rating {
            label: label.trim().to_owned(),
            scale: self.id.clone(),
            value: l.value,
            class: l.class,
        })
    }

    /// Expresses a normalised value on this scale: the label with the nearest
    /// value (ties go to the first listed), or the scale's unverified label.
    pub fn rate_value(&self, value: Option<f64>) -> Rating {
        let nearest = value.filter(|v| v.is_finite()).and_then(|v| {
            self.labels
                .iter()
                .filter_map(|l| l.value.map(|lv| ((lv - v).abs(), l)))
                .fold(None, |best: Option<(f64, &ScaleLabel)>, cand| match best {
                    Some(b) if b.0 <= cand.0 => Some(b),
                    _ => Some(cand),
                })
                .map(|(_, l)| l)
        });
        match nearest {
            Some(l) => Rating {
                label: l.label.clone(),
                scale: self.id.clone(),
                value,
                class: l.class,
            },
            None => {
                let label = self
                    .labels
                    .iter()
                    .find(|l| l.class == RatingClass::Unverified)
                    .map_or("Unverified", |l| l.label.as_str());
                Rating {
                    label: label.to_owned(),
                    scale: self.id.clone(),
                    value: None,
                    class: RatingClass::Unverified,
                }
            }
        }
    }

    fn check(&self) -> Result<(), ScaleError> {
        let invalid = |problem: String| ScaleError::Invalid {
            scale: self.id.clone(),
            problem,
        };
        if self.labels.is_empty() {
            return Err(invalid("has no labels".into()));
        }
        let mut keys = std::collections::HashSet::new();
        for l in &self.labels {
            match (l.value, l.class) {
                (None, RatingClass::Unverified) => {}
                (None, class) => {
                    return Err(invalid(format!(
                        "label `{}` has class {class} but no value; only unverified labels may omit it",
                        l.label
                    )));
                }
                (Some(v), _) if !(0.0..=1.0).contains(&v) => {
                    return Err(invalid(format!(
                        "label `{}` has value {v} outside [0, 1]",
                        l.label
                    )));
                }
                (Some(_), RatingClass::Unverified) => {
                    return Err(invalid(format!(
                        "label `{}` is unverified but has a value; drop the value",
                        l.label
                    )));
                }
                (Some(_), _) => {}
            }
            for spelling in std::iter::once(&l.label).chain(&l.aliases) {
                if !keys.insert(label_key(spelling)) {
                    return Err(invalid(format!("spelling `{spelling}` is listed twice")));
                }
            }
        }
        Ok(())
    }
}

/// The registry of known scales, looked up by id.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleRegistry {
    scales: Vec<RatingScale>,
}

impl ScaleRegistry {
    /// The built-in scales (parsed once per process).
    pub fn builtin() -> &'static ScaleRegistry {
        static BUILTIN: OnceLock<ScaleRegistry> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            let mut registry = ScaleRegistry { scales: Vec::new() };
            // The embedded file is checked by this crate's tests; failing here
            // means the crate itself was built from a broken data file.
            registry
                .load_json(BUILTIN_SCALES_JSON)
                .expect("built-in data/scales.json is valid (checked by tests)");
            registry
        })
    }

    /// Parses a scale file and adds its scales; a scale whose id is already
    /// registered is refused.
    pub fn load_json(&mut self, json: &str) -> Result<(), ScaleError> {
        let file: ScaleFile = serde_json::from_str(json)?;
        for scale in &file.scales {
            scale.check()?;
            if self.get(&scale.id).is_some() {
                return Err(ScaleError::Invalid {
                    scale: scale.id.clone(),
                    problem: "a scale with this id is already registered; choose another id".into(),
                });
            }
        }
        self.scales.extend(file.scales);
        Ok(())
    }

    /// All scales, in registration order.
    pub fn scales(&self) -> &[RatingScale] {
        &self.scales
    }

    /// The scale with this id.
    pub fn get(&self, id: &str) -> Option<&RatingScale> {
        self.scales.iter().find(|s| s.id == id)
    }

    /// Resolves a published label. With a scale id, only that scale is
    /// searched; without, the first scale that knows the label wins.
    pub fn lookup(&self, scale: Option<&str>, label: &str) -> Option<Rating> {
        match scale {
            Some(id) => self.get(id)?.rate_label(label),
            None => self.scales.iter().find_map(|s| s.rate_label(label)),
        }
    }

    /// A rating re-expressed on another scale through its normalised value.
    pub fn rescale(&self, rating: &Rating, scale: &str) -> Option<Rating> {
        let target = self.get(scale)?;
        if rating.class == RatingClass::Unverified {
            return Some(target.rate_value(None));
        }
        Some(target.rate_value(rating.value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class_of(scale: Option<&str>, label: &str) -> Option<RatingClass> {
        ScaleRegistry::builtin()
            .lookup(scale, label)
            .map(|r| r.class)
    }

    #[test]
    fn builtin_scales_required_by_the_design_exist() {
        let reg = ScaleRegistry::builtin();
        for id in [
            "veracity",
            "politifact",
            "polygraph",
            "snopes",
            "washington-post",
            "aap",
            "meta",
            "fever",
            "averitec",
            "liar",
            "climate-fever",
        ] {
            assert!(reg.get(id).is_some(), "missing scale {id}");
        }
    }

    #[test]
    fn lookup_ignores_case_dashes_and_spaces() {
        assert_eq!(
            class_of(Some("politifact"), "Pants on Fire"),
            Some(RatingClass::False)
        );
        assert_eq!(
            class_of(Some("politifact"), "pants-fire"),
            Some(RatingClass::False)
        );
        assert_eq!(
            class_of(Some("politifact"), "PANTS ON FIRE!"),
            Some(RatingClass::False)
        );
        assert_eq!(class_of(None, "Four Pinocchios"), Some(RatingClass::False));
        assert_eq!(
            class_of(Some("averitec"), "Conflicting Evidence/Cherrypicking"),
            Some(RatingClass::Mixed)
        );
        assert_eq!(
            class_of(Some("climate-fever"), "DISPUTED"),
            Some(RatingClass::Mixed)
        );
        assert_eq!(
            class_of(Some("polygraph"), "Partially True"),
            Some(RatingClass::Mixed)
        );
        assert_eq!(
            class_of(Some("fever"), "not enough info"),
            Some(RatingClass::Unverified)
        );
        assert_eq!(class_of(None, "no such label"), None);
        assert_eq!(class_of(None, "  "), None);
    }

    #[test]
    fn label_classes_agree_with_value_bands() {
        for scale in ScaleRegistry::builtin().scales() {
            for l in &scale.labels {
                if let Some(v) = l.value {
                    assert_eq!(
                        RatingClass::from_value(v),
                        l.class,
                        "{}: `{}` value {v} is outside its class band",
                        scale.id,
                        l.label
                    );
                }
            }
        }
    }

    #[test]
    fn rescale_goes_through_the_value() {
        let reg = ScaleRegistry::builtin();
        let pof = reg.lookup(Some("politifact"), "Pants on Fire").unwrap();
        assert_eq!(
            reg.rescale(&pof, "washington-post").unwrap().class,
            RatingClass::False
        );
        let unv = Rating::unverified();
        let r = reg.rescale(&unv, "fever").unwrap();
        assert_eq!(r.class, RatingClass::Unverified);
        assert_eq!(r.label, "NOT ENOUGH INFO");
    }

    #[test]
    fn user_scales_are_checked() {
        let mut reg = ScaleRegistry::builtin().clone();
        let dup = r#"{"scales":[{"id":"fever","name":"x","description":"x","labels":[{"label":"A","value":1,"class":"true"}]}]}"#;
        assert!(reg.load_json(dup).is_err());
        let bad = r#"{"scales":[{"id":"mine","name":"x","description":"x","labels":[{"label":"A","class":"true"}]}]}"#;
        assert!(
            reg.load_json(bad)
                .unwrap_err()
                .to_string()
                .contains("no value")
        );
        let good = r#"{"scales":[{"id":"mine","name":"Mine","description":"x","labels":[{"label":"Yes","value":1,"class":"true"},{"label":"No","value":0,"class":"false"}]}]}"#;
        reg.load_json(good).unwrap();
        assert_eq!(reg.lookup(Some("mine"), "yes").unwrap().value, Some(1.0));
    }
}
