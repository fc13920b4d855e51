//! The fitted parts of the verdict: the voice model (how a text speaks
//! about a claim) and the claim model (true / false / not known from the
//! voices of the documents that bear on the claim and the weighed sentence
//! evidence). Both are multinomial logistic regressions over standardised
//! features, stored as JSON in `models/verdict-v1.json` and written by
//! `cargo xtask train verdict`, which also records the cross-validated dev
//! figures they were chosen by.

use crate::voice::{CueFlags, VOICE_FEATURES, Voice, VoiceInput};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;
use veracity_model::DocumentId;

/// The format of the model file this build reads.
pub const MODEL_FORMAT: u32 = 1;

/// A multinomial logistic regression: per class a bias and a weight per
/// standardised feature.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Logistic {
    /// The class names, in output order.
    pub classes: Vec<String>,
    /// Feature means subtracted before weighing.
    pub mean: Vec<f64>,
    /// Feature scales divided by before weighing (never zero).
    pub scale: Vec<f64>,
    /// Per class: the bias, then one weight per feature.
    pub weights: Vec<Vec<f64>>,
}

impl Logistic {
    /// A model that gives every class the same probability.
    pub fn uniform(classes: &[&str], features: usize) -> Logistic {
        Logistic {
            classes: classes.iter().map(|c| (*c).to_owned()).collect(),
            mean: vec![0.0; features],
            scale: vec![1.0; features],
            weights: vec![vec![0.0; features + 1]; classes.len()],
        }
    }

    /// The number of features it reads.
    pub fn features(&self) -> usize {
        self.mean.len()
    }

    /// `x` standardised.
    pub fn standardise(&self, x: &[f64]) -> Vec<f64> {
        x.iter()
            .zip(self.mean.iter().zip(&self.scale))
            .map(|(v, (m, s))| (v - m) / s)
            .collect()
    }

    /// The class probabilities of the raw features `x`.
    pub fn probabilities(&self, x: &[f64]) -> Vec<f64> {
        let z = self.standardise(x);
        let logits: Vec<f64> = self
            .weights
            .iter()
            .map(|w| w[0] + w[1..].iter().zip(&z).map(|(a, b)| a * b).sum::<f64>())
            .collect();
        softmax(&logits)
    }

    fn check(&self, name: &str, features: usize) -> Result<(), String> {
        let ok = self.mean.len() == features
            && self.scale.len() == features
            && self.scale.iter().all(|s| *s > 0.0 && s.is_finite())
            && self.weights.len() == self.classes.len()
            && self.weights.iter().all(|w| w.len() == features + 1);
        if ok {
            Ok(())
        } else {
            Err(format!(
                "the {name} model does not have {features} features and one weight row per class"
            ))
        }
    }
}

/// Softmax of `logits`, stable for large values.
pub fn softmax(logits: &[f64]) -> Vec<f64> {
    let max = logits.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let e: Vec<f64> = logits.iter().map(|l| (l - max).exp()).collect();
    let sum: f64 = e.iter().sum();
    e.iter().map(|v| v / sum).collect()
}

/// The claim model's classes, in output order.
pub const CLAIM_CLASSES: [&str; 3] = ["true", "false", "unknown"];
/// The voice model's classes, in output order.
pub const VOICE_CLASSES: [&str; 3] = ["asserts", "reports", "denies"];

/// Both fitted models and what they were measured at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VerdictModel {
    /// [`MODEL_FORMAT`].
    pub format: u32,
    /// The voice lexicons' fingerprint at training time.
    pub lexicons: u64,
    /// How a text speaks about a claim ([`VOICE_CLASSES`]).
    pub voice: Logistic,
    /// The claim's truth from its documents' voices ([`CLAIM_CLASSES`]).
    pub claim: Logistic,
    /// The cross-validated dev figures the training printed.
    pub dev: String,
}

/// Why a verdict model cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("verdict model: {0}")]
pub struct ModelError(pub String);

impl VerdictModel {
    /// Reads and checks a model file's JSON.
    pub fn from_json(json: &str) -> Result<VerdictModel, ModelError> {
        let m: VerdictModel = serde_json::from_str(json)
            .map_err(|e| ModelError(format!("not a verdict model file: {e}")))?;
        if m.format != MODEL_FORMAT {
            return Err(ModelError(format!(
                "format {} where this build reads {MODEL_FORMAT}; retrain with `cargo xtask train verdict`",
                m.format
            )));
        }
        if m.lexicons != crate::voice::lexicon_fingerprint() {
            return Err(ModelError(
                "trained with other voice lexicons; retrain with `cargo xtask train verdict`"
                    .into(),
            ));
        }
        m.voice.check("voice", VOICE_FEATURES).map_err(ModelError)?;
        m.claim.check("claim", CLAIM_FEATURES).map_err(ModelError)?;
        if m.voice.classes != VOICE_CLASSES || m.claim.classes != CLAIM_CLASSES {
            return Err(ModelError("unexpected class names".into()));
        }
        Ok(m)
    }

    /// The model built into this crate.
    pub fn builtin() -> &'static VerdictModel {
        static MODEL: OnceLock<VerdictModel> = OnceLock::new();
        MODEL.get_or_init(|| {
            // The file is checked by a test of this crate, so a bad one
            // cannot ship; this is a build defect, not an input error.
            VerdictModel::from_json(include_str!("../models/verdict-v1.json"))
                .expect("the built-in verdict model is valid (tested)")
        })
    }

    /// The voice of one text.
    pub fn voice(&self, input: &VoiceInput) -> Voice {
        voice_of(&self.voice, input)
    }

    /// [true, false, unknown] probabilities from the claim features.
    pub fn claim_probabilities(&self, features: &[f64; CLAIM_FEATURES]) -> [f64; 3] {
        let p = self.claim.probabilities(features);
        [p[0], p[1], p[2]]
    }
}

/// The voice of `input` under the voice model `m`.
pub fn voice_of(m: &Logistic, input: &VoiceInput) -> Voice {
    let p = m.probabilities(&input.features());
    Voice {
        asserts: p[0],
        reports: p[1],
        denies: p[2],
    }
}

/// One document that bears on a claim, as the claim model reads it: its
/// headline (or the passage standing for it) and that text's voice.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentVoice {
    /// The document.
    pub document: DocumentId,
    /// The text whose voice was read: the headline, or the most relevant
    /// passage when the headline is about something else.
    pub headline: String,
    /// What the voice model read.
    pub input: VoiceInput,
    /// Its voice.
    pub voice: Voice,
    /// Everything it says about the claim is the claimant's words or a
    /// report of them: its voice is a report, whatever its tone.
    pub reports_claimant: bool,
}

/// Number of claim features.
pub const CLAIM_FEATURES: usize = 7;

/// The claim features: the mean voice (asserts, denies, reports) of the
/// documents that bear on the claim; the share
/// with debunking words in headline or opening; the share of hedged
/// headlines; the weighed sentence evidence for and against, squashed to
/// [0, 1). Not how many documents there are: on Emergent more articles
/// mean a truer rumour, which says more about 2014 news cycles than about
/// a collection a desk assembles, and a verdict must not move when
/// unrelated or repeated documents are added.
pub fn claim_features(
    documents: &[DocumentVoice],
    support: f64,
    refutation: f64,
) -> [f64; CLAIM_FEATURES] {
    let n = documents.len().max(1) as f64;
    let mean = |f: &dyn Fn(&DocumentVoice) -> f64| documents.iter().map(f).sum::<f64>() / n;
    let share = |f: &dyn Fn(&CueFlags, &CueFlags) -> bool| {
        documents
            .iter()
            .filter(|d| f(&d.input.text, &d.input.lead))
            .count() as f64
            / n
    };
    [
        mean(&|d| d.voice.asserts),
        mean(&|d| d.voice.denies),
        mean(&|d| d.voice.reports),
        share(&|t, l| t.debunk() || l.debunk()),
        share(&|t, _| t.hedge()),
        support / (1.0 + support),
        refutation / (1.0 + refutation),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_model_loads_and_rates() {
        let m = VerdictModel::from_json(include_str!("../models/verdict-v1.json")).unwrap();
        assert!(m.dev.contains("Emergent dev"));
        let p = m.claim_probabilities(&[0.0; CLAIM_FEATURES]);
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        let mut other = m.clone();
        other.lexicons ^= 1;
        let json = serde_json::to_string(&other).unwrap();
        assert!(VerdictModel::from_json(&json).is_err());
        assert!(VerdictModel::from_json("{}").is_err());
    }
}
