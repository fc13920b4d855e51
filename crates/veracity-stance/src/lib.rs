//! Stance model: does a passage agree with, disagree with, discuss, or is it
//! unrelated to a claim?
//!
//! A small MLP over dense claim/passage features (term overlap, TF-IDF cosine,
//! BM25, n-gram overlap, numbers and names, best-matching sentence, refuting /
//! hedging / negation cues) and hashed term-frequency vectors of the two
//! texts, trained on FNC-1. Per-text work (tokenizing, stemming, hashing, the
//! sparse part of the first layer) is done once per text, so scoring one claim
//! against many passages costs a few microseconds per pair.
//!
//! The [`evidence`] module holds a second model, for one claim against one
//! sentence: supports / refutes / neutral, from lexical, negation, number and
//! word-vector features (`EvidenceModel::try_builtin()`).

#![deny(missing_docs)]

mod binary;
pub mod evidence;
pub mod features;
pub mod mlp;

pub use features::{GROUPS, Group, Idf};

use binary::{Reader, put_f32s, put_u32, seal, unseal};
use features::{FEATURES, N_DENSE, PairScratch, PairSparseConfig, TextInfo, pair_features};
use mlp::{Mlp, N_OUT};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::sync::OnceLock;
use veracity_model::{Stance, StanceScores};

/// Format version of the weights file.
pub const FORMAT_VERSION: u32 = 1;
const MAGIC: &[u8; 8] = b"VSTANCE\0";

/// Feature and network configuration, stored in the weights header.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ModelConfig {
    /// Hash bits of each sparse term-frequency block (0 = no sparse input).
    pub sparse_bits: u32,
    /// Hash bits of the IDF table.
    pub idf_bits: u32,
    /// Hidden units.
    pub hidden: usize,
    /// Dense feature groups switched off (ablation).
    pub disabled_groups: Vec<String>,
    /// Per-pair cue-word inputs.
    pub cues: bool,
    /// Hash bits of the best-sentence bag of words (0 = off).
    pub window_bits: u32,
    /// Fingerprint of the cue lexicons the model was trained with.
    pub lexicon: u64,
    /// [`veracity_text::analyzer_fingerprint`] of the analyzer the model was
    /// trained with (tokenizer, stop list, stemmer, lexicons); 0 in files
    /// written before it was recorded, which no longer load.
    #[serde(default)]
    pub analyzer: u64,
    /// [`features::feature_fingerprint`]: the dense features' names in
    /// vector order.
    #[serde(default)]
    pub features: u64,
}

/// Dev-set figures stored in the header.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct DevScores {
    /// FNC score, % of max.
    pub fnc_percent: f64,
    /// Macro-F1.
    pub macro_f1: f64,
    /// F1 per class: agree, disagree, discuss, unrelated.
    pub f1: [f64; 4],
    /// Number of dev pairs.
    pub pairs: usize,
}

/// The JSON header of a weights file.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Header {
    /// Format version.
    pub version: u32,
    /// Configuration.
    pub config: ModelConfig,
    /// Training seed.
    pub seed: u64,
    /// Dev-split rule.
    pub dev_split: String,
    /// Dev scores.
    pub dev: DevScores,
    /// Free text: training options.
    pub notes: String,
}

/// Error loading stance weights.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// Not a weights file.
    #[error(
        "not a stance weights file (bad magic bytes); write one with `cargo xtask train stance`"
    )]
    BadMagic,
    /// Written by another format version.
    #[error(
        "stance weights format version {found}, this build reads version {expected}; retrain with `cargo xtask train stance`"
    )]
    Version {
        /// Version in the file.
        found: u32,
        /// Version this build reads.
        expected: u32,
    },
    /// Trained with another text analyzer than this build's.
    #[error(
        "the stance weights were trained with another text analyzer (fingerprint {found:016x}, this build's is {expected:016x}); retrain with `cargo xtask train stance`"
    )]
    Analyzer {
        /// The fingerprint in the file.
        found: u64,
        /// This build's [`veracity_text::analyzer_fingerprint`].
        expected: u64,
    },
    /// Truncated or inconsistent.
    #[error("corrupt stance weights: {0}; retrain with `cargo xtask train stance`")]
    Corrupt(String),
}

/// A claim prepared for scoring against many passages.
#[derive(Clone, Debug)]
pub struct PreparedClaim {
    info: TextInfo,
    proj: Vec<f32>,
}

/// A passage (an article, a paragraph or a sentence) prepared for scoring
/// against many claims.
#[derive(Clone, Debug)]
pub struct PreparedPassage {
    info: TextInfo,
    proj: Vec<f32>,
}

/// The stance model: weights, feature configuration and the IDF table.
#[derive(Clone, Debug)]
pub struct StanceModel {
    header: Header,
    idf: Idf,
    mean: Vec<f32>,
    inv_std: Vec<f32>,
    mlp: Mlp,
    bias: [f32; N_OUT],
}

/// Which dense features are switched on for a list of disabled groups.
pub fn feature_mask(disabled: &[String]) -> Vec<bool> {
    FEATURES
        .iter()
        .map(|(_, g)| {
            !disabled
                .iter()
                .any(|d| d.eq_ignore_ascii_case(&format!("{g:?}")))
        })
        .collect()
}

/// The weights embedded in the crate (`models/stance-v1.bin`).
static BUILTIN_BYTES: &[u8] = include_bytes!("../models/stance-v1.bin");

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl StanceModel {
    /// Assembles a model from its parts (for training tools).
    pub fn from_parts(
        header: Header,
        idf: Idf,
        mean: Vec<f32>,
        inv_std: Vec<f32>,
        mlp: Mlp,
    ) -> StanceModel {
        StanceModel {
            header,
            idf,
            mean,
            inv_std,
            mlp,
            bias: [0.0; N_OUT],
        }
    }

    /// The model shipped with the crate (trained on FNC-1 by
    /// `cargo xtask train stance`; see `models/README.md`).
    ///
    /// # Panics
    ///
    /// Only if the embedded weights are unreadable, which the crate's tests
    /// rule out; use [`StanceModel::try_builtin`] to handle that as an error.
    pub fn builtin() -> StanceModel {
        match Self::try_builtin() {
            Ok(m) => m.clone(),
            Err(e) => panic!("the embedded stance weights do not load: {e}"),
        }
    }

    /// The model shipped with the crate, loaded once per process.
    pub fn try_builtin() -> Result<&'static StanceModel, LoadError> {
        static MODEL: OnceLock<Result<StanceModel, LoadError>> = OnceLock::new();
        MODEL
            .get_or_init(|| StanceModel::from_bytes(BUILTIN_BYTES))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The header: configuration, seed, dev split and dev scores.
    pub fn header(&self) -> &Header {
        &self.header
    }

    /// The IDF table in use.
    pub fn idf(&self) -> &Idf {
        &self.idf
    }

    /// The same model with another IDF table, typically computed from the
    /// collection under check with [`StanceModel::collection_idf`]. The
    /// built-in table comes from the FNC-1 training texts; texts prepared
    /// before the switch must be prepared again.
    pub fn with_idf(mut self, idf: Idf) -> StanceModel {
        self.idf = idf;
        self
    }

    /// An IDF table computed from `documents` (one text per document), with
    /// the same number of hash buckets as the model's own.
    pub fn collection_idf<'a, I: IntoIterator<Item = &'a str>>(&self, documents: I) -> Idf {
        Idf::from_texts(documents, self.idf.bits())
    }

    fn sparse_bits(&self) -> u32 {
        self.header.config.sparse_bits
    }

    fn pair_config(&self) -> PairSparseConfig {
        PairSparseConfig {
            cues: self.header.config.cues,
            window_bits: self.header.config.window_bits,
            text_cues: false,
        }
    }

    /// Sparse and per-text cue contributions to the hidden layer.
    fn project(&self, info: &TextInfo, as_passage: bool) -> Vec<f32> {
        let mut proj = vec![0.0; self.mlp.hidden];
        self.mlp.project(as_passage, &info.sparse, &mut proj);
        if self.header.config.cues {
            let mut cues = Vec::new();
            info.cue_inputs(as_passage, &mut cues);
            self.mlp.add_pair_rows(&cues, &mut proj);
        }
        proj
    }

    /// Prepares a claim (tokenizing, stemming, hashing: once per text).
    pub fn prepare_claim(&self, text: &str) -> PreparedClaim {
        let info = TextInfo::new(text, &self.idf, self.sparse_bits());
        let proj = self.project(&info, false);
        PreparedClaim { info, proj }
    }

    /// Prepares a passage: a whole article, a paragraph or a sentence.
    pub fn prepare_passage(&self, text: &str) -> PreparedPassage {
        let info = TextInfo::new(text, &self.idf, self.sparse_bits());
        let proj = self.project(&info, true);
        PreparedPassage { info, proj }
    }

    fn logits(
        &self,
        claim: &PreparedClaim,
        passage: &PreparedPassage,
        scratch: &mut Scratch,
    ) -> [f32; N_OUT] {
        scratch.dense.resize(N_DENSE, 0.0);
        scratch.hidden.resize(self.mlp.hidden, 0.0);
        pair_features(
            &claim.info,
            &passage.info,
            &self.idf,
            self.pair_config(),
            &mut scratch.dense,
            &mut scratch.pair,
        );
        for ((z, &m), &s) in scratch.dense.iter_mut().zip(&self.mean).zip(&self.inv_std) {
            *z = (*z - m) * s;
        }
        let mut l = self.mlp.logits(
            &claim.proj,
            &passage.proj,
            &scratch.dense,
            &scratch.pair.sparse,
            &mut scratch.hidden,
        );
        for (li, b) in l.iter_mut().zip(self.bias) {
            *li += b;
        }
        l
    }

    /// Class probabilities (agree, disagree, discuss, unrelated) of a
    /// prepared pair; they sum to 1.
    pub fn probabilities(&self, claim: &PreparedClaim, passage: &PreparedPassage) -> [f64; N_OUT] {
        let l = SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut s) => self.logits(claim, passage, &mut s),
            Err(_) => self.logits(claim, passage, &mut Scratch::default()),
        });
        softmax64(&l)
    }

    /// Scores a prepared pair.
    pub fn score_prepared(&self, claim: &PreparedClaim, passage: &PreparedPassage) -> Stance {
        to_stance(self.probabilities(claim, passage))
    }

    /// Scores one claim against one passage.
    pub fn score(&self, claim: &str, passage: &str) -> Stance {
        let c = self.prepare_claim(claim);
        let p = self.prepare_passage(passage);
        self.score_prepared(&c, &p)
    }

    /// Scores one claim against many passages, preparing the claim once.
    pub fn score_batch(&self, claim: &str, passages: &[&str]) -> Vec<Stance> {
        let c = self.prepare_claim(claim);
        passages
            .iter()
            .map(|p| self.score_prepared(&c, &self.prepare_passage(p)))
            .collect()
    }

    /// Scores a prepared claim against prepared passages.
    pub fn score_many(&self, claim: &PreparedClaim, passages: &[PreparedPassage]) -> Vec<Stance> {
        passages
            .iter()
            .map(|p| self.score_prepared(claim, p))
            .collect()
    }

    /// Serializes the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        let header = serde_json::to_vec(&self.header).unwrap_or_default();
        out.extend_from_slice(&(header.len() as u32).to_le_bytes());
        out.extend_from_slice(&header);
        put_u32(&mut out, self.idf.bits());
        put_f32s(&mut out, &[self.idf.avg_len]);
        put_f32s(&mut out, self.idf.table());
        put_f32s(&mut out, &self.mean);
        put_f32s(&mut out, &self.inv_std);
        put_u32(&mut out, self.mlp.sparse_dim as u32);
        put_u32(&mut out, self.mlp.pair_dim as u32);
        put_u32(&mut out, self.mlp.n_dense as u32);
        put_u32(&mut out, self.mlp.hidden as u32);
        put_f32s(&mut out, &self.mlp.w_claim);
        put_f32s(&mut out, &self.mlp.w_pass);
        put_f32s(&mut out, &self.mlp.w_pair);
        put_f32s(&mut out, &self.mlp.w_dense);
        put_f32s(&mut out, &self.mlp.b1);
        put_f32s(&mut out, &self.mlp.w2);
        put_f32s(&mut out, &self.mlp.b2);
        put_f32s(&mut out, &self.bias);
        seal(&mut out);
        out
    }

    /// Loads a model written by [`StanceModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<StanceModel, LoadError> {
        if bytes.len() < 16 || &bytes[..8] != MAGIC {
            return Err(LoadError::BadMagic);
        }
        let (body, checksum_holds) = unseal(bytes);
        let mut r = Reader::new(body, 8, LoadError::Corrupt);
        let version = r.u32()?;
        if version != FORMAT_VERSION {
            return Err(LoadError::Version {
                found: version,
                expected: FORMAT_VERSION,
            });
        }
        if !checksum_holds {
            return Err(LoadError::Corrupt("checksum mismatch".into()));
        }
        let hlen = r.u32()? as usize;
        let header: Header = serde_json::from_slice(r.take(hlen)?)
            .map_err(|e| LoadError::Corrupt(format!("header: {e}")))?;
        let idf_bits = r.u32()?;
        let avg_len = r.f32s()?.first().copied().unwrap_or(1.0);
        let table = r.f32s()?;
        let idf = Idf::from_parts(idf_bits, table, avg_len)
            .ok_or_else(|| LoadError::Corrupt("idf table".into()))?;
        let mean = r.f32s()?;
        let inv_std = r.f32s()?;
        let sparse_dim = r.u32()? as usize;
        let pair_dim = r.u32()? as usize;
        let n_dense = r.u32()? as usize;
        let hidden = r.u32()? as usize;
        let mlp = Mlp {
            sparse_dim,
            pair_dim,
            n_dense,
            hidden,
            w_claim: r.f32s()?,
            w_pass: r.f32s()?,
            w_pair: r.f32s()?,
            w_dense: r.f32s()?,
            b1: r.f32s()?,
            w2: r.f32s()?,
            b2: r.f32s()?,
        };
        let bias_v = r.f32s()?;
        let ok = n_dense == N_DENSE
            && mean.len() == N_DENSE
            && inv_std.len() == N_DENSE
            && hidden > 0
            && mlp.w_claim.len() == sparse_dim * hidden
            && mlp.w_pass.len() == sparse_dim * hidden
            && mlp.w_pair.len() == pair_dim * hidden
            && pair_dim
                == PairSparseConfig {
                    cues: header.config.cues,
                    window_bits: header.config.window_bits,
                    text_cues: false,
                }
                .dim()
            && mlp.w_dense.len() == n_dense * hidden
            && mlp.b1.len() == hidden
            && mlp.w2.len() == N_OUT * hidden
            && mlp.b2.len() == N_OUT
            && bias_v.len() == N_OUT
            && (sparse_dim == 0 || sparse_dim == 1usize << header.config.sparse_bits)
            && r.at_end();
        if !ok {
            return Err(LoadError::Corrupt("inconsistent dimensions".into()));
        }
        let expected = veracity_text::analyzer_fingerprint();
        if header.config.analyzer != expected {
            return Err(LoadError::Analyzer {
                found: header.config.analyzer,
                expected,
            });
        }
        if header.config.features != features::feature_fingerprint() {
            return Err(LoadError::Corrupt(
                "trained with another layout of the dense features; retrain with `cargo xtask train stance`".into(),
            ));
        }
        if header.config.lexicon != features::lexicon_fingerprint() {
            return Err(LoadError::Corrupt(
                "trained with other cue lexicons; retrain the model".into(),
            ));
        }
        let mut bias = [0f32; N_OUT];
        bias.copy_from_slice(&bias_v);
        Ok(StanceModel {
            header,
            idf,
            mean,
            inv_std,
            mlp,
            bias,
        })
    }
}

/// Softmax in f64, so the probabilities sum to 1 to double precision.
fn softmax64(l: &[f32; N_OUT]) -> [f64; N_OUT] {
    let m = l.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut e = [0f64; N_OUT];
    let mut sum = 0.0;
    for (ei, &li) in e.iter_mut().zip(l) {
        *ei = f64::from(li - m).exp();
        sum += *ei;
    }
    if !(sum.is_finite() && sum > 0.0) {
        return [0.0, 0.0, 0.0, 1.0];
    }
    for ei in &mut e {
        *ei /= sum;
    }
    e
}

fn to_stance(p: [f64; N_OUT]) -> Stance {
    Stance::from_scores(StanceScores {
        agree: p[0],
        disagree: p[1],
        discuss: p[2],
        unrelated: p[3],
    })
}

/// Reusable buffers for scoring.
#[derive(Clone, Debug, Default)]
struct Scratch {
    pair: PairScratch,
    dense: Vec<f32>,
    hidden: Vec<f32>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use veracity_model::StanceLabel;

    const ODD: &[&str] = &[
        "",
        " ",
        "\n\n\n",
        "...!?",
        "\u{0}\u{1}\u{7f}",
        "é à ü ß",
        "日本語のテキスト。句読点も。",
        "😀 🎉 emoji only",
        "a",
        "n't 's ' '' ''' -- — –",
        "1,000,000.50 3.14 2014",
    ];

    fn sums_to_one(s: &Stance) -> bool {
        let p = s.scores;
        let all = [p.agree, p.disagree, p.discuss, p.unrelated];
        all.iter().all(|x| (0.0..=1.0).contains(x)) && (all.iter().sum::<f64>() - 1.0).abs() < 1e-9
    }

    #[test]
    fn builtin_model_loads_and_records_its_dev_scores() {
        let m = StanceModel::try_builtin().expect("embedded weights load");
        assert_eq!(m.header().version, FORMAT_VERSION);
        assert!(m.header().dev.fnc_percent > 80.0, "{:?}", m.header().dev);
        assert!(m.header().dev.pairs > 1000);
    }

    #[test]
    fn probabilities_sum_to_one_and_odd_inputs_do_not_panic() {
        let m = StanceModel::builtin();
        let long = "The minister said the plan was approved. ".repeat(2000);
        for c in ODD.iter().copied().chain([long.as_str()]) {
            for p in ODD
                .iter()
                .copied()
                .chain([long.as_str(), "The plan was approved, the minister said."])
            {
                let s = m.score(c, p);
                assert!(sums_to_one(&s), "{c:?} / {p:?}: {s:?}");
            }
        }
    }

    #[test]
    fn related_and_unrelated_passages_are_told_apart() {
        let m = StanceModel::builtin();
        let claim = "Apple to open a new factory in Ohio employing 5,000 workers";
        let related = "Apple announced on Tuesday it will open a new factory in Ohio. \
                       The plant will employ 5,000 workers, the company said.";
        let unrelated = "Heavy rain flooded the streets of Venice on Sunday as tourists waded through St Mark's Square.";
        let s = m.score_batch(claim, &[related, unrelated]);
        assert_ne!(s[0].label, StanceLabel::Unrelated, "{:?}", s[0]);
        assert_eq!(s[1].label, StanceLabel::Unrelated, "{:?}", s[1]);
        assert!(s[1].scores.unrelated > s[0].scores.unrelated);
    }

    #[test]
    fn batch_and_prepared_scoring_match_single_scoring() {
        let m = StanceModel::builtin();
        let claim = "ISIS beheads American journalist";
        let passages = [
            "Militants released a video showing the killing of a journalist.",
            "Stocks rose.",
        ];
        let batch = m.score_batch(claim, &passages);
        let c = m.prepare_claim(claim);
        let prepared: Vec<PreparedPassage> =
            passages.iter().map(|p| m.prepare_passage(p)).collect();
        let many = m.score_many(&c, &prepared);
        for (i, p) in passages.iter().enumerate() {
            let single = m.score(claim, p);
            assert_eq!(single, batch[i]);
            assert_eq!(single, many[i]);
        }
    }

    #[test]
    fn weights_round_trip_and_bad_bytes_are_errors() {
        let m = StanceModel::builtin();
        let bytes = m.to_bytes();
        // Not compared with BUILTIN_BYTES: the key order of the JSON header
        // depends on serde_json features other crates of a build switch on.
        let back = StanceModel::from_bytes(&bytes).unwrap();
        assert_eq!(back.to_bytes(), bytes);
        assert_eq!(
            back.score("a claim", "a passage"),
            m.score("a claim", "a passage")
        );
        assert_eq!(
            StanceModel::from_bytes(b"").unwrap_err(),
            LoadError::BadMagic
        );
        assert_eq!(
            StanceModel::from_bytes(b"not a model at all").unwrap_err(),
            LoadError::BadMagic
        );
        for cut in [9, 20, bytes.len() / 2, bytes.len() - 1] {
            assert!(
                StanceModel::from_bytes(&bytes[..cut]).is_err(),
                "truncated at {cut}"
            );
        }
        let mut flipped = bytes.clone();
        let mid = flipped.len() / 2;
        flipped[mid] ^= 0x40;
        assert!(matches!(
            StanceModel::from_bytes(&flipped),
            Err(LoadError::Corrupt(_))
        ));
        let mut version = bytes;
        version[8] = 99;
        assert!(StanceModel::from_bytes(&version).is_err());
    }

    #[test]
    fn collection_idf_changes_nothing_structural() {
        let m = StanceModel::builtin();
        let docs = [
            "The council approved the budget.",
            "The budget was rejected by voters.",
        ];
        let idf = m.collection_idf(docs);
        assert_eq!(idf.bits(), m.idf().bits());
        let m2 = m.clone().with_idf(idf);
        assert!(sums_to_one(&m2.score("Council approves budget", docs[0])));
    }
}
