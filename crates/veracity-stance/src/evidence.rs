//! Evidence model: does one sentence support, refute, or say nothing about a
//! claim?
//!
//! Where the stance model reads whole articles (FNC-1: agree, disagree,
//! discuss, unrelated), this model reads one claim against one evidence
//! sentence, as a fact-checking entailment task. Its inputs are dense
//! features of the pair:
//!
//! - lexical overlap of the claim's and the sentence's terms
//!   ([`veracity_text::words::term`]: stemmed, stop words dropped), with IDF
//!   weights, and bigram overlap;
//! - negation (in either text, and a mismatch of the two), numbers (found,
//!   missing, mismatched) and refuting / hedging cue words;
//! - word vectors (a vocabulary-limited, i8-quantised table derived from
//!   GloVe 6B 50d, shipped in the weights file): the cosine of the two texts'
//!   IDF-weighted mean vectors, how well each claim word aligns with its
//!   closest sentence word, the share of claim words replaced by a related but
//!   different word (a substitution such as "increase" / "decrease", the
//!   vectors' antonym-ish signal), and three 50-dimensional vectors: the
//!   element-wise product and absolute difference of the mean vectors, and the
//!   mean vector of the claim words the sentence does not cover.
//!
//! A one-hidden-layer MLP maps them to supports / refutes / neutral. Texts
//! are prepared once ([`EvidenceModel::prepare`]), so one claim scored against
//! many sentences costs a few microseconds per pair. Training is
//! `cargo xtask train evidence` (in `veracity-eval`); the weights file
//! records the analyzer fingerprint it was trained with and refuses to load
//! under another.

use crate::binary::{Reader, put_f32s, put_u32, seal, unseal};
use crate::mlp::{Mlp, N_OUT};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;
use veracity_text::hash::{fnv1a, mix};
use veracity_text::lexicon::{MODEL_HEDGE, MODEL_NEGATION, MODEL_REFUTE, NEGATED_AUXILIARIES};
use veracity_text::words;

/// Format version of the evidence weights file.
pub const FORMAT_VERSION: u32 = 1;
const MAGIC: &[u8; 8] = b"VEVIDNC\0";

/// Number of classes (supports, refutes, neutral).
pub const N_CLASSES: usize = 3;

/// A claim word aligned to a sentence word at least this well counts as
/// covered ("close").
const CLOSE: f32 = 0.8;
/// A non-identical best match at least this similar is a substitution.
const SUBSTITUTE: f32 = 0.55;
/// A best match below this is a missing word.
const FAR: f32 = 0.35;

/// The three labels of the evidence model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceLabel {
    /// The sentence supports (entails) the claim.
    Supports,
    /// The sentence refutes (contradicts) the claim.
    Refutes,
    /// The sentence neither supports nor refutes the claim.
    Neutral,
}

impl EvidenceLabel {
    /// All labels, in class-index order.
    pub const ALL: [EvidenceLabel; N_CLASSES] = [
        EvidenceLabel::Supports,
        EvidenceLabel::Refutes,
        EvidenceLabel::Neutral,
    ];

    /// The class index (supports 0, refutes 1, neutral 2).
    pub fn index(self) -> usize {
        match self {
            EvidenceLabel::Supports => 0,
            EvidenceLabel::Refutes => 1,
            EvidenceLabel::Neutral => 2,
        }
    }

    /// Parses `supports`, `refutes` or `neutral` (as the claim-evidence data
    /// spells them).
    pub fn parse(s: &str) -> Option<EvidenceLabel> {
        match s {
            "supports" => Some(EvidenceLabel::Supports),
            "refutes" => Some(EvidenceLabel::Refutes),
            "neutral" => Some(EvidenceLabel::Neutral),
            _ => None,
        }
    }
}

/// Class probabilities of one claim–sentence pair; they sum to 1.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct EvidenceScores {
    /// Probability that the sentence supports the claim.
    pub supports: f32,
    /// Probability that the sentence refutes the claim.
    pub refutes: f32,
    /// Probability that the sentence says neither.
    pub neutral: f32,
}

impl EvidenceScores {
    /// The most probable label (ties: supports, refutes, neutral).
    pub fn label(&self) -> EvidenceLabel {
        let p = self.as_array();
        let best = (0..N_CLASSES).fold(0, |b, i| if p[i] > p[b] { i } else { b });
        EvidenceLabel::ALL[best]
    }

    /// The probabilities in class-index order.
    pub fn as_array(&self) -> [f32; N_CLASSES] {
        [self.supports, self.refutes, self.neutral]
    }
}

/// Feature groups, switched off together for ablation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeatureGroup {
    /// Term overlap, bigrams, lengths.
    Lexical,
    /// Negation words.
    Negation,
    /// Numbers.
    Numbers,
    /// Refuting and hedging cue words.
    Cues,
    /// Scalar word-vector features (cosine, alignment, substitutions).
    VectorScalar,
    /// The 3 × dim word-vector inputs (product, difference, uncovered words).
    VectorDense,
}

/// The scalar features, by name and group, in vector order (the dense vector
/// blocks follow them).
pub const SCALAR_FEATURES: &[(&str, FeatureGroup)] = &[
    ("exact_share", FeatureGroup::Lexical),
    ("exact_share_idf", FeatureGroup::Lexical),
    ("evidence_precision", FeatureGroup::Lexical),
    ("bigram_share", FeatureGroup::Lexical),
    ("len_claim", FeatureGroup::Lexical),
    ("len_evidence", FeatureGroup::Lexical),
    ("missing_idf_max", FeatureGroup::Lexical),
    ("neg_claim", FeatureGroup::Negation),
    ("neg_evidence", FeatureGroup::Negation),
    ("neg_mismatch", FeatureGroup::Negation),
    ("num_claim", FeatureGroup::Numbers),
    ("num_evidence", FeatureGroup::Numbers),
    ("num_found_share", FeatureGroup::Numbers),
    ("num_mismatch", FeatureGroup::Numbers),
    ("num_missing", FeatureGroup::Numbers),
    ("refute_evidence", FeatureGroup::Cues),
    ("hedge_evidence", FeatureGroup::Cues),
    ("refute_claim", FeatureGroup::Cues),
    ("mean_cos", FeatureGroup::VectorScalar),
    ("align_mean_idf", FeatureGroup::VectorScalar),
    ("align_min", FeatureGroup::VectorScalar),
    ("close_share", FeatureGroup::VectorScalar),
    ("substitute_share", FeatureGroup::VectorScalar),
    ("far_share", FeatureGroup::VectorScalar),
    ("reverse_align_mean", FeatureGroup::VectorScalar),
    ("substitute_strength", FeatureGroup::VectorScalar),
];

/// Number of scalar features.
pub const N_SCALAR: usize = SCALAR_FEATURES.len();

/// Number of dense vector blocks after the scalar features.
const N_VEC_BLOCKS: usize = 3;

/// Total number of features for word vectors of `dim` dimensions.
pub fn n_features(dim: usize) -> usize {
    N_SCALAR + N_VEC_BLOCKS * dim
}

/// The group of feature `i` (vector blocks are [`FeatureGroup::VectorDense`]).
pub fn feature_group(i: usize) -> FeatureGroup {
    SCALAR_FEATURES
        .get(i)
        .map_or(FeatureGroup::VectorDense, |f| f.1)
}

/// Fingerprint of the feature layout: names, thresholds, vector blocks.
pub fn feature_fingerprint() -> u64 {
    let mut h = fnv1a(b"evidence-features");
    for (name, _) in SCALAR_FEATURES {
        h = mix(h, fnv1a(name.as_bytes()));
    }
    for t in [CLOSE, SUBSTITUTE, FAR] {
        h = mix(h, u64::from(t.to_bits()));
    }
    h = mix(h, FAMILY_PREFIX as u64);
    mix(h, N_VEC_BLOCKS as u64)
}

/// Fingerprint of the cue lexicons the features read.
pub fn lexicon_fingerprint() -> u64 {
    let mut h = fnv1a(b"evidence-lexicons");
    for list in [
        &MODEL_NEGATION,
        &NEGATED_AUXILIARIES,
        &MODEL_REFUTE,
        &MODEL_HEDGE,
    ] {
        h = mix(h, fnv1a(list.name().as_bytes()));
        for w in list.words() {
            h = mix(h, fnv1a(w.as_bytes()));
        }
    }
    h
}

/// A vocabulary-limited, quantised word-vector table with IDF weights.
///
/// Each vector is stored as `dim` signed bytes and one scale (the vector is
/// `q * scale`); IDF weights as bytes in steps of 1/20. Words outside the
/// table have no vector and [`WordVectors::unknown_idf`] as weight.
#[derive(Clone, Debug)]
pub struct WordVectors {
    dim: usize,
    words: Vec<String>,
    index: HashMap<String, u32>,
    quantised: Vec<i8>,
    scales: Vec<f32>,
    idf_q: Vec<u8>,
    unknown_idf_q: u8,
    /// Unit-length vectors, dequantised, `dim` per word.
    unit: Vec<f32>,
}

/// IDF quantisation step.
const IDF_STEP: f32 = 0.05;

fn quantise_idf(x: f32) -> u8 {
    (x / IDF_STEP).round().clamp(0.0, 255.0) as u8
}

impl WordVectors {
    /// Builds a table from full-precision vectors (quantising them), IDF
    /// weights per word and the IDF of words outside the table. Words are
    /// sorted; duplicates keep the first.
    pub fn quantise(
        dim: usize,
        entries: Vec<(String, Vec<f32>, f32)>,
        unknown_idf: f32,
    ) -> WordVectors {
        let mut entries = entries;
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        entries.dedup_by(|a, b| a.0 == b.0);
        let mut words = Vec::with_capacity(entries.len());
        let mut quantised = Vec::with_capacity(entries.len() * dim);
        let mut scales = Vec::with_capacity(entries.len());
        let mut idf_q = Vec::with_capacity(entries.len());
        for (w, v, idf) in entries {
            let max = v.iter().take(dim).fold(0f32, |m, x| m.max(x.abs()));
            let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
            for i in 0..dim {
                let x = v.get(i).copied().unwrap_or(0.0);
                quantised.push((x / scale).round().clamp(-127.0, 127.0) as i8);
            }
            scales.push(scale);
            idf_q.push(quantise_idf(idf));
            words.push(w);
        }
        WordVectors::from_quantised(
            dim,
            words,
            quantised,
            scales,
            idf_q,
            quantise_idf(unknown_idf),
        )
    }

    fn from_quantised(
        dim: usize,
        words: Vec<String>,
        quantised: Vec<i8>,
        scales: Vec<f32>,
        idf_q: Vec<u8>,
        unknown_idf_q: u8,
    ) -> WordVectors {
        let index = words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.clone(), i as u32))
            .collect();
        let mut unit = vec![0f32; words.len() * dim];
        for (i, u) in unit.chunks_exact_mut(dim.max(1)).enumerate() {
            let q = &quantised[i * dim..(i + 1) * dim];
            let norm = q
                .iter()
                .map(|&x| f32::from(x) * f32::from(x))
                .sum::<f32>()
                .sqrt();
            if norm > 0.0 {
                for (o, &x) in u.iter_mut().zip(q) {
                    *o = f32::from(x) / norm;
                }
            }
        }
        WordVectors {
            dim,
            words,
            index,
            quantised,
            scales,
            idf_q,
            unknown_idf_q,
            unit,
        }
    }

    /// Dimensions per vector.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// Number of words in the table.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when the table holds no word.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The IDF weight of words outside the table.
    pub fn unknown_idf(&self) -> f32 {
        f32::from(self.unknown_idf_q) * IDF_STEP
    }

    /// The table index of a lowercase word.
    pub fn lookup(&self, word: &str) -> Option<u32> {
        self.index.get(word).copied()
    }

    /// The dequantised vector of a word.
    pub fn vector(&self, word: &str) -> Option<Vec<f32>> {
        let i = self.lookup(word)? as usize;
        let s = self.scales[i];
        Some(
            self.quantised[i * self.dim..(i + 1) * self.dim]
                .iter()
                .map(|&q| f32::from(q) * s)
                .collect(),
        )
    }

    /// Cosine similarity of two words in the table.
    pub fn similarity(&self, a: &str, b: &str) -> Option<f32> {
        let (a, b) = (self.lookup(a)?, self.lookup(b)?);
        Some(dot(self.unit_of(a), self.unit_of(b)))
    }

    fn unit_of(&self, i: u32) -> &[f32] {
        let i = i as usize;
        &self.unit[i * self.dim..(i + 1) * self.dim]
    }

    fn idf_of(&self, i: Option<u32>) -> f32 {
        f32::from(i.map_or(self.unknown_idf_q, |i| self.idf_q[i as usize])) * IDF_STEP
    }

    /// Prepares a text (claim or evidence sentence) for scoring: its terms,
    /// their vectors and weights, negations, numbers and cue words.
    pub fn prepare(&self, text: &str) -> PreparedText {
        let mut p = PreparedText {
            terms: Vec::new(),
            bigrams: Vec::new(),
            numbers: Vec::new(),
            negations: 0,
            refutes: 0,
            hedges: 0,
            mean: vec![0.0; self.dim],
        };
        let mut buf = String::new();
        let mut prev_aux = false;
        let mut prev_term: Option<u64> = None;
        words::for_each_word(text, &mut buf, |w| {
            if MODEL_NEGATION.contains(w) || (w == "t" && prev_aux) {
                p.negations += 1;
            }
            prev_aux = NEGATED_AUXILIARIES.contains(w);
            if MODEL_REFUTE.contains(w) {
                p.refutes += 1;
            }
            if MODEL_HEDGE.contains(w) {
                p.hedges += 1;
            }
            let Some(t) = words::term(w) else {
                return;
            };
            let h = fnv1a(t.as_bytes());
            if let Some(prev) = prev_term {
                p.bigrams.push(mix(prev, h));
            }
            prev_term = Some(h);
            if t.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
                p.numbers.push(h);
            }
            let vec = self.lookup(w);
            p.terms.push(Term {
                hash: h,
                text: t,
                vec,
                idf: self.idf_of(vec),
            });
        });
        // Distinct terms only (first occurrence kept).
        let mut seen: Vec<u64> = Vec::with_capacity(p.terms.len());
        p.terms.retain(|t| {
            if seen.contains(&t.hash) {
                false
            } else {
                seen.push(t.hash);
                true
            }
        });
        p.bigrams.sort_unstable();
        p.bigrams.dedup();
        p.numbers.sort_unstable();
        p.numbers.dedup();
        let mut total = 0.0;
        for t in &p.terms {
            if let Some(v) = t.vec {
                for (m, &x) in p.mean.iter_mut().zip(self.unit_of(v)) {
                    *m += t.idf * x;
                }
                total += t.idf;
            }
        }
        if total > 0.0 {
            normalise(&mut p.mean);
        }
        p
    }

    /// Writes the features of a prepared pair into `out` (length
    /// [`n_features`] of the table's dimension).
    pub fn features(&self, claim: &PreparedText, evidence: &PreparedText, out: &mut [f32]) {
        let dim = self.dim;
        out.iter_mut().for_each(|x| *x = 0.0);
        let nc = claim.terms.len();
        let ne = evidence.terms.len();
        let (mut exact, mut exact_idf, mut idf_total) = (0.0f32, 0.0f32, 0.0f32);
        let (mut align_idf, mut align_min) = (0.0f32, if nc > 0 { 1.0f32 } else { 0.0 });
        let (mut close, mut sub, mut far, mut sub_strength) = (0.0f32, 0.0f32, 0.0f32, 0.0f32);
        let mut missing_idf_max = 0.0f32;
        let mut missing_vec = vec![0f32; dim];
        let mut missing_w = 0.0f32;
        for c in &claim.terms {
            let mut best = 0.0f32;
            let mut is_exact = false;
            for e in &evidence.terms {
                if e.hash == c.hash || same_word(&c.text, &e.text) {
                    best = 1.0;
                    is_exact = true;
                    break;
                }
                if let (Some(a), Some(b)) = (c.vec, e.vec) {
                    best = best.max(dot(self.unit_of(a), self.unit_of(b)));
                }
            }
            best = best.clamp(0.0, 1.0);
            idf_total += c.idf;
            align_idf += c.idf * best;
            align_min = align_min.min(best);
            if is_exact {
                exact += 1.0;
                exact_idf += c.idf;
            } else {
                missing_idf_max = missing_idf_max.max(c.idf);
                if best >= SUBSTITUTE {
                    sub += 1.0;
                    sub_strength += best;
                }
                if let Some(v) = c.vec {
                    let w = c.idf * (1.0 - best);
                    for (m, &x) in missing_vec.iter_mut().zip(self.unit_of(v)) {
                        *m += w * x;
                    }
                    missing_w += w;
                }
            }
            if best >= CLOSE {
                close += 1.0;
            }
            if best < FAR {
                far += 1.0;
            }
        }
        let mut rev = 0.0f32;
        let mut ev_exact = 0.0f32;
        for e in &evidence.terms {
            let mut best = 0.0f32;
            for c in &claim.terms {
                if e.hash == c.hash || same_word(&c.text, &e.text) {
                    best = 1.0;
                    ev_exact += 1.0;
                    break;
                }
                if let (Some(a), Some(b)) = (c.vec, e.vec) {
                    best = best.max(dot(self.unit_of(a), self.unit_of(b)));
                }
            }
            rev += best.clamp(0.0, 1.0);
        }
        let bigram_hits = claim
            .bigrams
            .iter()
            .filter(|b| evidence.bigrams.binary_search(b).is_ok())
            .count();
        let num_found = claim
            .numbers
            .iter()
            .filter(|n| evidence.numbers.binary_search(n).is_ok())
            .count();
        let ncf = nc as f32;
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        let s = [
            ratio(exact, ncf),
            ratio(exact_idf, idf_total),
            ratio(ev_exact, ne as f32),
            ratio(bigram_hits as f32, claim.bigrams.len() as f32),
            (1.0 + ncf).ln(),
            (1.0 + ne as f32).ln(),
            missing_idf_max / 10.0,
            flag(claim.negations > 0),
            flag(evidence.negations > 0),
            flag((claim.negations > 0) != (evidence.negations > 0)),
            flag(!claim.numbers.is_empty()),
            flag(!evidence.numbers.is_empty()),
            ratio(num_found as f32, claim.numbers.len() as f32),
            flag(num_found < claim.numbers.len() && !evidence.numbers.is_empty()),
            flag(num_found < claim.numbers.len()),
            flag(evidence.refutes > 0),
            flag(evidence.hedges > 0),
            flag(claim.refutes > 0),
            dot(&claim.mean, &evidence.mean),
            ratio(align_idf, idf_total),
            align_min,
            ratio(close, ncf),
            ratio(sub, ncf),
            ratio(far, ncf),
            ratio(rev, ne as f32),
            ratio(sub_strength, sub),
        ];
        out[..N_SCALAR].copy_from_slice(&s);
        if missing_w > 0.0 {
            normalise(&mut missing_vec);
        }
        let v = &mut out[N_SCALAR..];
        for i in 0..dim.min(claim.mean.len()).min(evidence.mean.len()) {
            v[i] = claim.mean[i] * evidence.mean[i] * 10.0;
            v[dim + i] = (claim.mean[i] - evidence.mean[i]).abs();
            v[2 * dim + i] = missing_vec[i];
        }
    }
}

/// Two terms of one word family: equal, or the shorter (at least
/// [`FAMILY_PREFIX`] bytes, letters) a prefix of the longer ("kenya" /
/// "kenyan", "approv" / "approval").
#[inline]
fn same_word(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= FAMILY_PREFIX
        && long.starts_with(short)
        && short.bytes().all(|c| c.is_ascii_alphabetic())
}

/// Shortest term that [`same_word`] extends.
const FAMILY_PREFIX: usize = 5;

#[inline]
fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn normalise(v: &mut [f32]) {
    let n = dot(v, v).sqrt();
    if n > 0.0 {
        v.iter_mut().for_each(|x| *x /= n);
    }
}

#[inline]
fn ratio(a: f32, b: f32) -> f32 {
    if b > 0.0 { a / b } else { 0.0 }
}

/// One distinct term of a prepared text.
#[derive(Clone, Debug)]
struct Term {
    hash: u64,
    text: String,
    vec: Option<u32>,
    idf: f32,
}

/// A text prepared for scoring against many others (see
/// [`EvidenceModel::prepare`]).
#[derive(Clone, Debug)]
pub struct PreparedText {
    terms: Vec<Term>,
    bigrams: Vec<u64>,
    numbers: Vec<u64>,
    negations: u32,
    refutes: u32,
    hedges: u32,
    mean: Vec<f32>,
}

/// Dev-set figures stored in the header.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct EvidenceDev {
    /// Accuracy on the held-out groups.
    pub accuracy: f64,
    /// Macro-F1 over supports, refutes, neutral.
    pub macro_f1: f64,
    /// F1 per class: supports, refutes, neutral.
    pub f1: [f64; N_CLASSES],
    /// Number of dev pairs.
    pub pairs: usize,
}

/// The JSON header of an evidence weights file.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct EvidenceHeader {
    /// Format version.
    pub version: u32,
    /// [`veracity_text::analyzer_fingerprint`] at training time.
    pub analyzer: u64,
    /// [`lexicon_fingerprint`] at training time.
    pub lexicon: u64,
    /// [`feature_fingerprint`] at training time.
    pub features: u64,
    /// Hidden units.
    pub hidden: usize,
    /// Feature groups switched off (ablation).
    pub disabled_groups: Vec<String>,
    /// Where the word vectors came from.
    pub vectors: String,
    /// Training seed.
    pub seed: u64,
    /// Training data and dev-split rule.
    pub data: String,
    /// Dev figures.
    pub dev: EvidenceDev,
    /// Free text: training options.
    pub notes: String,
}

/// Error loading evidence weights.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// Not an evidence weights file.
    #[error(
        "not an evidence weights file (bad magic bytes); write one with `cargo xtask train evidence`"
    )]
    BadMagic,
    /// Written by another format version.
    #[error(
        "evidence weights format version {found}, this build reads version {expected}; retrain with `cargo xtask train evidence`"
    )]
    Version {
        /// Version in the file.
        found: u32,
        /// Version this build reads.
        expected: u32,
    },
    /// Trained with another text analyzer than this build's.
    #[error(
        "the evidence weights were trained with another text analyzer (fingerprint {found:016x}, this build's is {expected:016x}); retrain with `cargo xtask train evidence`"
    )]
    Analyzer {
        /// The fingerprint in the file.
        found: u64,
        /// This build's [`veracity_text::analyzer_fingerprint`].
        expected: u64,
    },
    /// Truncated, altered or trained with another feature layout.
    #[error("corrupt evidence weights: {0}; retrain with `cargo xtask train evidence`")]
    Corrupt(String),
}

/// The evidence model: word vectors, feature standardisation and network.
#[derive(Clone, Debug)]
pub struct EvidenceModel {
    header: EvidenceHeader,
    vectors: WordVectors,
    mean: Vec<f32>,
    inv_std: Vec<f32>,
    mlp: Mlp,
}

static BUILTIN_BYTES: &[u8] = include_bytes!("../models/evidence-v1.bin");

/// Reusable buffers for scoring.
#[derive(Clone, Debug, Default)]
struct Scratch {
    features: Vec<f32>,
    hidden: Vec<f32>,
    zeros: Vec<f32>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl EvidenceModel {
    /// Assembles a model from its parts (for training tools). The network
    /// has no sparse inputs, `n_features(vectors.dim())` dense inputs and
    /// four outputs, of which the first three are the classes; the fourth is
    /// never a training target and is ignored.
    pub fn from_parts(
        header: EvidenceHeader,
        vectors: WordVectors,
        mean: Vec<f32>,
        inv_std: Vec<f32>,
        mlp: Mlp,
    ) -> EvidenceModel {
        EvidenceModel {
            header,
            vectors,
            mean,
            inv_std,
            mlp,
        }
    }

    /// The model shipped with the crate (`models/evidence-v1.bin`, trained by
    /// `cargo xtask train evidence`), loaded once per process.
    pub fn try_builtin() -> Result<&'static EvidenceModel, LoadError> {
        static MODEL: OnceLock<Result<EvidenceModel, LoadError>> = OnceLock::new();
        MODEL
            .get_or_init(|| EvidenceModel::from_bytes(BUILTIN_BYTES))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The header: training data, seed, dev figures.
    pub fn header(&self) -> &EvidenceHeader {
        &self.header
    }

    /// The word-vector table.
    pub fn vectors(&self) -> &WordVectors {
        &self.vectors
    }

    /// Prepares a claim or an evidence sentence (once per text).
    pub fn prepare(&self, text: &str) -> PreparedText {
        self.vectors.prepare(text)
    }

    /// Scores a prepared pair.
    pub fn score_prepared(&self, claim: &PreparedText, evidence: &PreparedText) -> EvidenceScores {
        let l = SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut s) => self.logits(claim, evidence, &mut s),
            Err(_) => self.logits(claim, evidence, &mut Scratch::default()),
        });
        let m = l.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let e = l.map(|x| (x - m).exp());
        let sum: f32 = e.iter().sum();
        if !(sum.is_finite() && sum > 0.0) {
            return EvidenceScores {
                supports: 0.0,
                refutes: 0.0,
                neutral: 1.0,
            };
        }
        EvidenceScores {
            supports: e[0] / sum,
            refutes: e[1] / sum,
            neutral: e[2] / sum,
        }
    }

    /// The class logits of a pair: the network's first three outputs.
    fn logits(
        &self,
        claim: &PreparedText,
        evidence: &PreparedText,
        s: &mut Scratch,
    ) -> [f32; N_CLASSES] {
        s.features.resize(n_features(self.vectors.dim), 0.0);
        s.hidden.resize(self.mlp.hidden, 0.0);
        s.zeros.resize(self.mlp.hidden, 0.0);
        self.vectors.features(claim, evidence, &mut s.features);
        for ((z, &m), &sd) in s.features.iter_mut().zip(&self.mean).zip(&self.inv_std) {
            *z = (*z - m) * sd;
        }
        let l: [f32; N_OUT] = self
            .mlp
            .logits(&s.zeros, &s.zeros, &s.features, &[], &mut s.hidden);
        [l[0], l[1], l[2]]
    }

    /// Scores one claim against many sentences, preparing the claim once.
    pub fn score(&self, claim: &str, sentences: &[&str]) -> Vec<EvidenceScores> {
        let c = self.prepare(claim);
        sentences
            .iter()
            .map(|s| self.score_prepared(&c, &self.prepare(s)))
            .collect()
    }

    /// Serializes the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        let header = serde_json::to_vec(&self.header).unwrap_or_default();
        put_u32(&mut out, header.len() as u32);
        out.extend_from_slice(&header);
        let v = &self.vectors;
        put_u32(&mut out, v.dim as u32);
        put_u32(&mut out, v.words.len() as u32);
        for w in &v.words {
            let b = w.as_bytes();
            out.push(b.len().min(255) as u8);
            out.extend_from_slice(&b[..b.len().min(255)]);
        }
        out.push(v.unknown_idf_q);
        out.extend_from_slice(&v.idf_q);
        put_f32s(&mut out, &v.scales);
        out.extend(v.quantised.iter().map(|&q| q as u8));
        put_f32s(&mut out, &self.mean);
        put_f32s(&mut out, &self.inv_std);
        put_u32(&mut out, self.mlp.n_dense as u32);
        put_u32(&mut out, self.mlp.hidden as u32);
        put_f32s(&mut out, &self.mlp.w_dense);
        put_f32s(&mut out, &self.mlp.b1);
        put_f32s(&mut out, &self.mlp.w2);
        put_f32s(&mut out, &self.mlp.b2);
        seal(&mut out);
        out
    }

    /// Loads a model written by [`EvidenceModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<EvidenceModel, LoadError> {
        if bytes.len() < 20 || &bytes[..8] != MAGIC {
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
        let header: EvidenceHeader = serde_json::from_slice(r.take(hlen)?)
            .map_err(|e| LoadError::Corrupt(format!("header: {e}")))?;
        let dim = r.u32()? as usize;
        let n = r.u32()? as usize;
        let mut words_v = Vec::with_capacity(n.min(1 << 20));
        for _ in 0..n {
            let len = r.take(1)?[0] as usize;
            let w = std::str::from_utf8(r.take(len)?)
                .map_err(|_| LoadError::Corrupt("vocabulary is not UTF-8".into()))?;
            words_v.push(w.to_owned());
        }
        let unknown_idf_q = r.take(1)?[0];
        let idf_q = r.take(n)?.to_vec();
        let scales = r.f32s()?;
        let quantised: Vec<i8> = r
            .take(
                n.checked_mul(dim)
                    .ok_or_else(|| LoadError::Corrupt("length".into()))?,
            )?
            .iter()
            .map(|&b| b as i8)
            .collect();
        let mean = r.f32s()?;
        let inv_std = r.f32s()?;
        let n_dense = r.u32()? as usize;
        let hidden = r.u32()? as usize;
        let w_dense = r.f32s()?;
        let b1 = r.f32s()?;
        let w2 = r.f32s()?;
        let b2 = r.f32s()?;
        let nf = n_features(dim);
        let ok = scales.len() == n
            && mean.len() == nf
            && inv_std.len() == nf
            && n_dense == nf
            && w_dense.len() == nf * hidden
            && b1.len() == hidden
            && w2.len() == N_OUT * hidden
            && b2.len() == N_OUT
            && r.at_end();
        if !ok {
            return Err(LoadError::Corrupt("inconsistent dimensions".into()));
        }
        let expected = veracity_text::analyzer_fingerprint();
        if header.analyzer != expected {
            return Err(LoadError::Analyzer {
                found: header.analyzer,
                expected,
            });
        }
        if header.features != feature_fingerprint() {
            return Err(LoadError::Corrupt(
                "trained with another feature layout".into(),
            ));
        }
        if header.lexicon != lexicon_fingerprint() {
            return Err(LoadError::Corrupt("trained with other cue lexicons".into()));
        }
        let vectors =
            WordVectors::from_quantised(dim, words_v, quantised, scales, idf_q, unknown_idf_q);
        let mlp = Mlp {
            sparse_dim: 0,
            pair_dim: 0,
            n_dense,
            hidden,
            w_claim: Vec::new(),
            w_pass: Vec::new(),
            w_pair: Vec::new(),
            w_dense,
            b1,
            w2,
            b2,
        };
        Ok(EvidenceModel {
            header,
            vectors,
            mean,
            inv_std,
            mlp,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> &'static EvidenceModel {
        EvidenceModel::try_builtin().expect("the embedded evidence weights load")
    }

    #[test]
    fn builtin_weights_load_under_this_analyzer_and_record_their_training() {
        let m = model();
        let h = m.header();
        assert_eq!(h.version, FORMAT_VERSION);
        assert_eq!(h.analyzer, veracity_text::analyzer_fingerprint());
        assert_eq!(h.features, feature_fingerprint());
        assert_eq!(h.lexicon, lexicon_fingerprint());
        assert!(h.dev.pairs > 5000, "{:?}", h.dev);
        assert!(h.dev.macro_f1 > 0.55, "{:?}", h.dev);
        assert_eq!(m.vectors().dim(), 50);
        assert!(m.vectors().len() > 10_000);
        // The table knows everyday words, and related words are close.
        let v = m.vectors();
        let near = v.similarity("increase", "rise").unwrap();
        let far = v.similarity("increase", "banana").unwrap();
        assert!(near > far + 0.3, "{near} vs {far}");
    }

    #[test]
    fn weights_from_another_analyzer_or_altered_are_refused() {
        let m = model();
        let bytes = m.to_bytes();
        assert_eq!(EvidenceModel::from_bytes(&bytes).unwrap().to_bytes(), bytes);
        let mut other = m.clone();
        other.header.analyzer ^= 1;
        assert!(matches!(
            EvidenceModel::from_bytes(&other.to_bytes()),
            Err(LoadError::Analyzer { .. })
        ));
        let mut other = m.clone();
        other.header.features ^= 1;
        assert!(matches!(
            EvidenceModel::from_bytes(&other.to_bytes()),
            Err(LoadError::Corrupt(_))
        ));
        assert_eq!(
            EvidenceModel::from_bytes(b"VSTANCE\0 not this").unwrap_err(),
            LoadError::BadMagic
        );
        for cut in [12, 30, bytes.len() / 2, bytes.len() - 1] {
            assert!(EvidenceModel::from_bytes(&bytes[..cut]).is_err(), "{cut}");
        }
        let mut flipped = bytes.clone();
        let mid = flipped.len() / 2;
        flipped[mid] ^= 0x10;
        assert!(matches!(
            EvidenceModel::from_bytes(&flipped),
            Err(LoadError::Corrupt(_))
        ));
        let mut version = bytes;
        version[8] = 9;
        assert!(matches!(
            EvidenceModel::from_bytes(&version),
            Err(LoadError::Version { found: 9, .. })
        ));
    }

    #[test]
    fn hand_written_pairs_on_other_topics() {
        use EvidenceLabel::*;
        let m = model();
        let cases: &[(&str, &str, EvidenceLabel)] = &[
            (
                "The library in Tromsø was closed in 2019.",
                "The city's public library was closed in 2019 after the fire.",
                Supports,
            ),
            (
                "The orchestra performed in Vienna last spring.",
                "Last spring the orchestra gave a concert in Vienna.",
                Supports,
            ),
            (
                "The company's profits increased in 2021.",
                "The company's profits decreased sharply in 2021.",
                Refutes,
            ),
            (
                "The vaccine was approved by regulators.",
                "Regulators did not approve the vaccine.",
                Refutes,
            ),
            (
                "Coffee consumption lowers the risk of liver disease.",
                "Tea is grown on the hills of Darjeeling.",
                Neutral,
            ),
            (
                "The marathon was won by a Kenyan runner.",
                "A runner from Kenya won the marathon on Sunday.",
                Supports,
            ),
            (
                "The dam supplies water to 2 million people.",
                "About 2 million people get their water from the dam.",
                Supports,
            ),
            (
                "The new law was passed by parliament.",
                "Parliament has never passed the new law.",
                Refutes,
            ),
            (
                "The volcano erupted in 1883.",
                "Tourists visit the island to swim and dive.",
                Neutral,
            ),
        ];
        let mut wrong = Vec::new();
        for (claim, sentence, gold) in cases {
            let s = m.score(claim, &[sentence])[0];
            let sum = s.supports + s.refutes + s.neutral;
            assert!((sum - 1.0).abs() < 1e-4, "{s:?}");
            if s.label() != *gold {
                wrong.push(format!("{claim} / {sentence}: {s:?}, expected {gold:?}"));
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn batch_scores_equal_prepared_scores_and_odd_inputs_are_safe() {
        let m = model();
        let claim = "Sea ice in the Arctic shrank in September.";
        let sentences = [
            "",
            "!!!",
            "日本語",
            "Arctic sea ice shrank.",
            &"ice ".repeat(3000),
        ];
        let batch = m.score(claim, &sentences);
        let c = m.prepare(claim);
        for (s, b) in sentences.iter().zip(&batch) {
            assert_eq!(m.score_prepared(&c, &m.prepare(s)), *b);
            let sum = b.supports + b.refutes + b.neutral;
            assert!((sum - 1.0).abs() < 1e-4 && b.supports >= 0.0, "{b:?}");
        }
        assert!(m.score("", &[""])[0].neutral.is_finite());
    }
}
