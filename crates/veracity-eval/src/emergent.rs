//! Emergent: rumoured claims, the news articles about each, and the truth
//! journalists settled on (true / false / unknown). The harness runs the
//! verdict pipeline on each claim's folder as `veracity check DIR --claim`
//! does, maps the verdict's class (true, mostly true → true; false, mostly
//! false → false; mixed, unverified → unknown) and scores accuracy,
//! macro-F1, the confusion matrix and calibration.
//!
//! Training (`cargo xtask train verdict`) reads the same folders, keeps for
//! each article what the voice model reads of it and the annotators' stance
//! of its headline, and fits the voice and claim models with
//! cross-validation grouped by claim ([`cross_validate`]).

use crate::train::logistic::{FitConfig, fit};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use veracity_model::{ClaimOrigin, Document, RatingClass};
use veracity_text::hash::fnv1a;
use veracity_verdict::{
    AggregateParams, CLAIM_CLASSES, Checker, DEFAULT_TOP_K, DocumentVoice, Logistic, MODEL_FORMAT,
    StanceScorer, VOICE_CLASSES, VerdictModel, VoiceInput, aggregate, claim_features, decide,
    voice_of,
};

/// The three outcomes, in metric order.
pub const TRUTHS: [&str; 3] = CLAIM_CLASSES;

/// One claim of the data set.
#[derive(Debug, Clone, Deserialize)]
pub struct EmergentClaim {
    /// Its id (the folder name under `claims/`).
    pub claim_id: String,
    /// The rumour as one sentence.
    pub claim: String,
    /// `true`, `false` or `unknown`.
    pub truth: String,
}

#[derive(Debug, Clone, Deserialize)]
struct ArticleLine {
    article_id: String,
    stance: String,
}

/// The data set: claims and the annotated stance of each article.
#[derive(Debug, Clone)]
pub struct Emergent {
    /// The folder holding `labels.jsonl`, `articles.jsonl` and `claims/`.
    pub root: PathBuf,
    /// The claims, in file order.
    pub claims: Vec<EmergentClaim>,
    /// Article id → annotated stance (`for`, `against`, `observing`).
    pub stances: BTreeMap<String, String>,
}

/// A data set file that cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct EmergentError {
    /// The file.
    pub path: PathBuf,
    /// What is wrong and what to do.
    pub message: String,
}

fn read_jsonl<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Vec<T>, EmergentError> {
    let text = std::fs::read_to_string(path).map_err(|e| EmergentError {
        path: path.to_owned(),
        message: format!("cannot read it ({e}); give the Emergent folder with --data"),
    })?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| EmergentError {
                path: path.to_owned(),
                message: format!("line {}: {e}", i + 1),
            })
        })
        .collect()
}

impl Emergent {
    /// Reads `labels.jsonl` and `articles.jsonl` under `root`.
    pub fn read(root: &Path) -> Result<Emergent, EmergentError> {
        let claims: Vec<EmergentClaim> = read_jsonl(&root.join("labels.jsonl"))?;
        if let Some(bad) = claims.iter().find(|c| !TRUTHS.contains(&c.truth.as_str())) {
            return Err(EmergentError {
                path: root.join("labels.jsonl"),
                message: format!(
                    "claim {} has truth `{}`; expected true, false or unknown",
                    bad.claim_id, bad.truth
                ),
            });
        }
        let articles: Vec<ArticleLine> = read_jsonl(&root.join("articles.jsonl"))?;
        Ok(Emergent {
            root: root.to_owned(),
            claims,
            stances: articles
                .into_iter()
                .map(|a| (a.article_id, a.stance))
                .collect(),
        })
    }

    /// The folder of one claim's articles.
    pub fn folder(&self, claim: &EmergentClaim) -> PathBuf {
        self.root.join("claims").join(&claim.claim_id)
    }
}

/// The index of a truth label in [`TRUTHS`].
pub fn truth_index(label: &str) -> Option<usize> {
    TRUTHS.iter().position(|t| *t == label)
}

/// A verdict class as an Emergent outcome.
pub fn outcome_of(class: RatingClass) -> usize {
    match class {
        RatingClass::True | RatingClass::MostlyTrue => 0,
        RatingClass::False | RatingClass::MostlyFalse => 1,
        RatingClass::Mixed | RatingClass::Unverified => 2,
    }
}

/// What training keeps of one article.
#[derive(Debug, Clone)]
pub struct ArticleInput {
    /// The document built from it.
    pub document: Document,
    /// The text the voice model read and what it read of it.
    pub headline: String,
    /// What the voice model reads.
    pub input: VoiceInput,
    /// The annotators' stance as a voice class index (for → asserts,
    /// observing → reports, against → denies), when known.
    pub voice_label: Option<usize>,
    /// Whether the pipeline finds it bearing on the claim.
    pub bearing: bool,
    /// Whether it only reports a known claimant's words (its voice is then
    /// a report).
    pub reports_claimant: bool,
}

/// What training keeps of one claim.
#[derive(Debug, Clone)]
pub struct ClaimInput {
    /// The claim.
    pub claim: EmergentClaim,
    /// Its truth as an index into [`TRUTHS`].
    pub truth: usize,
    /// Its articles.
    pub articles: Vec<ArticleInput>,
    /// Weighed sentence support and refutation.
    pub support: f64,
    /// See `support`.
    pub refutation: f64,
}

/// Reads a claim folder's documents in the order `veracity check` reads
/// them (sorted paths); unreadable files are skipped with their error.
pub fn read_folder(folder: &Path) -> (Vec<Document>, Vec<String>) {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        let parsed = std::fs::read(&p).map_err(|e| e.to_string()).and_then(|b| {
            veracity_parse::parse(&b, &p.to_string_lossy(), &Default::default())
                .map_err(|e| e.to_string())
        });
        match parsed {
            Ok(p) => docs.extend(p.documents),
            Err(e) => errors.push(format!("{}: {e}", p.display())),
        }
    }
    (docs, errors)
}

fn article_id(doc: &Document) -> String {
    Path::new(&doc.source.location)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Runs the pipeline up to the models on every claim.
pub fn prepare(data: &Emergent, scorer: &dyn StanceScorer) -> Vec<ClaimInput> {
    data.claims
        .iter()
        .map(|c| {
            let (docs, _) = read_folder(&data.folder(c));
            let checker = Checker::new(&docs, scorer);
            let claim = checker
                .claims(std::slice::from_ref(&c.claim), Default::default())
                .into_iter()
                .next()
                .unwrap_or_else(|| veracity_model::Claim::new(&c.claim, ClaimOrigin::Given));
            let evidence = checker.evidence(&claim, DEFAULT_TOP_K);
            let bearing = checker.bearing_indices(&claim, &evidence);
            let all: Vec<usize> = (0..docs.len()).collect();
            let inputs = checker.voice_inputs(&claim, &all, &evidence);
            let agg = aggregate(&evidence, &AggregateParams::default());
            let articles =
                docs.iter()
                    .zip(inputs)
                    .enumerate()
                    .map(|(i, (d, (headline, input)))| ArticleInput {
                        headline,
                        input,
                        voice_label: data.stances.get(&article_id(d)).and_then(|s| {
                            match s.as_str() {
                                "for" => Some(0),
                                "observing" => Some(1),
                                "against" => Some(2),
                                _ => None,
                            }
                        }),
                        bearing: bearing.contains(&i),
                        reports_claimant: checker.reports_claimant(&claim, &evidence, &d.id),
                        document: d.clone(),
                    })
                    .collect();
            ClaimInput {
                truth: truth_index(&c.truth).unwrap_or(2),
                claim: c.clone(),
                articles,
                support: agg.support,
                refutation: agg.refutation,
            }
        })
        .collect()
}

/// The hyper-parameters of the two fits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hyper {
    /// The voice model's fit.
    pub voice: FitConfig,
    /// The claim model's fit.
    pub claim: FitConfig,
    /// The sentence evidence's confidence that decides when the claim
    /// model cannot tell (see `veracity_verdict::decide`).
    pub sentence_decisive: f64,
}

impl Default for Hyper {
    fn default() -> Self {
        Hyper {
            voice: FitConfig {
                l2: 0.001,
                ..FitConfig::default()
            },
            claim: FitConfig {
                l2: 0.01,
                balance: 0.5,
                ..FitConfig::default()
            },
            sentence_decisive: veracity_verdict::SENTENCE_DECISIVE,
        }
    }
}

fn claim_row(c: &ClaimInput, voice: &Logistic) -> [f64; veracity_verdict::CLAIM_FEATURES] {
    claim_features(&document_voices(c, voice), c.support, c.refutation)
}

fn document_voices(c: &ClaimInput, voice: &Logistic) -> Vec<DocumentVoice> {
    c.articles
        .iter()
        .filter(|a| a.bearing)
        .map(|a| DocumentVoice {
            document: a.document.id.clone(),
            headline: a.headline.clone(),
            input: a.input,
            voice: if a.reports_claimant {
                veracity_verdict::Voice::REPORTS
            } else {
                voice_of(voice, &a.input)
            },
            reports_claimant: a.reports_claimant,
        })
        .collect()
}

/// Fits both models on `claims`.
pub fn fit_models(claims: &[&ClaimInput], hyper: &Hyper) -> VerdictModel {
    let mut vx = Vec::new();
    let mut vy = Vec::new();
    for c in claims {
        for a in &c.articles {
            if let Some(l) = a.voice_label {
                vx.push(a.input.features().to_vec());
                vy.push(l);
            }
        }
    }
    let voice = fit(&vx, &vy, &VOICE_CLASSES, &hyper.voice);
    let cx: Vec<Vec<f64>> = claims
        .iter()
        .map(|c| claim_row(c, &voice).to_vec())
        .collect();
    let cy: Vec<usize> = claims.iter().map(|c| c.truth).collect();
    let claim = fit(&cx, &cy, &CLAIM_CLASSES, &hyper.claim);
    VerdictModel {
        format: MODEL_FORMAT,
        lexicons: veracity_verdict::voice_lexicon_fingerprint(),
        voice,
        claim,
        dev: String::new(),
    }
}

/// One claim's predicted outcome (index into [`TRUTHS`]) and confidence,
/// as the evidence engine decides them.
pub fn predict(c: &ClaimInput, model: &VerdictModel, sentence_decisive: f64) -> (usize, f64) {
    if !c.articles.iter().any(|a| a.bearing) {
        return (2, 0.0);
    }
    let docs = document_voices(c, &model.voice);
    let p = model.claim_probabilities(&claim_features(&docs, c.support, c.refutation));
    let agg =
        veracity_verdict::aggregate_totals(c.support, c.refutation, &AggregateParams::default());
    let (value, confidence) = decide(p, &agg, sentence_decisive, &docs);
    let class = value.map_or(RatingClass::Unverified, RatingClass::from_value);
    (outcome_of(class), confidence)
}

/// Accuracy, macro-F1, confusion and calibration of 3-way outcomes.
#[derive(Debug, Clone, PartialEq)]
pub struct Metrics {
    /// Claims scored.
    pub n: usize,
    /// Share right.
    pub accuracy: f64,
    /// Mean F1 over the three outcomes.
    pub macro_f1: f64,
    /// Rows gold, columns predicted, in [`TRUTHS`] order.
    pub confusion: [[usize; 3]; 3],
    /// Expected calibration error of the confidence (10 equal-width bins).
    pub ece: f64,
    /// The reliability table.
    pub reliability: Vec<crate::calibration::Bin>,
}

/// Scores predictions `(gold, predicted, confidence)`.
pub fn metrics(rows: &[(usize, usize, f64)]) -> Metrics {
    let mut confusion = [[0usize; 3]; 3];
    for &(g, p, _) in rows {
        confusion[g][p] += 1;
    }
    let n = rows.len();
    let right: usize = (0..3).map(|i| confusion[i][i]).sum();
    let f1 = |c: usize| {
        let tp = confusion[c][c] as f64;
        let predicted: usize = (0..3).map(|g| confusion[g][c]).sum();
        let gold: usize = confusion[c].iter().sum();
        if tp == 0.0 {
            0.0
        } else {
            2.0 * tp / (predicted + gold) as f64
        }
    };
    let outcomes: Vec<(bool, f64)> = rows.iter().map(|r| (r.0 == r.1, r.2)).collect();
    let (ece, reliability) = crate::calibration::calibration(&outcomes);
    Metrics {
        n,
        accuracy: if n == 0 { 0.0 } else { right as f64 / n as f64 },
        macro_f1: (0..3).map(f1).sum::<f64>() / 3.0,
        confusion,
        ece,
        reliability,
    }
}

impl std::fmt::Display for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "{} claims: accuracy {:.3}, macro-F1 {:.3}, expected calibration error {:.3}",
            self.n, self.accuracy, self.macro_f1, self.ece
        )?;
        writeln!(
            f,
            "confusion (rows gold, columns predicted: true, false, unknown)"
        )?;
        for (t, row) in TRUTHS.iter().zip(self.confusion) {
            writeln!(f, "  {t:>8} {row:?}")?;
        }
        write!(
            f,
            "{}",
            crate::calibration::reliability_table(&self.reliability)
        )?;
        Ok(())
    }
}

/// The fold (of `k`) a claim falls in for repetition `seed`: claims are
/// ordered by a salted hash of their id within each truth class and dealt
/// out in turn, so every fold has each class in proportion.
pub fn folds(claims: &[ClaimInput], k: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_by_key(|&i| {
        (
            claims[i].truth,
            veracity_text::hash::mix(fnv1a(claims[i].claim.claim_id.as_bytes()), seed),
        )
    });
    let mut fold = vec![0; claims.len()];
    for (rank, &i) in order.iter().enumerate() {
        fold[i] = rank % k;
    }
    fold
}

/// Cross-validated metrics: `repeats` repetitions of `k`-fold CV grouped
/// by claim (a claim's articles never train the models that rate it);
/// the voice and claim models are both fitted on the training folds only.
/// Returns the pooled metrics of every repetition's predictions.
pub fn cross_validate(claims: &[ClaimInput], hyper: &Hyper, k: usize, repeats: u64) -> Metrics {
    let mut rows = Vec::new();
    for seed in 0..repeats {
        let fold = folds(claims, k, seed);
        for f in 0..k {
            let train: Vec<&ClaimInput> = claims
                .iter()
                .zip(&fold)
                .filter(|(_, g)| **g != f)
                .map(|(c, _)| c)
                .collect();
            let model = fit_models(&train, hyper);
            for (c, _) in claims.iter().zip(&fold).filter(|(_, g)| **g == f) {
                let (p, conf) = predict(c, &model, hyper.sentence_decisive);
                rows.push((c.truth, p, conf));
            }
        }
    }
    metrics(&rows)
}
