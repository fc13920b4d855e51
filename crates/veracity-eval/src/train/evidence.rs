//! Training of the evidence model (`cargo xtask train evidence`) on
//! claim–evidence pairs (supports / refutes / neutral): reading the pairs
//! and the word vectors, the grouped dev split, the vocabulary-limited
//! vector table, and the training loop. The network and its training are the
//! stance model's ([`super::mlp`]), with dense inputs only.

use super::mlp::{self, Example, TrainConfig};
use super::rng::{SplitMix64, hash64};
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;
use std::time::Instant;
use veracity_stance::evidence::{
    EvidenceDev, EvidenceHeader, EvidenceLabel, EvidenceModel, FORMAT_VERSION, N_CLASSES,
    PreparedText, WordVectors, feature_fingerprint, feature_group, lexicon_fingerprint, n_features,
};
use veracity_stance::mlp::{Mlp, N_OUT};
use veracity_text::hash::fnv1a;
use veracity_text::lexicon::{MODEL_CONFIRM, MODEL_HEDGE, MODEL_NEGATION, MODEL_REFUTE};
use veracity_text::words;

/// The dev split rule, stored in model headers.
pub const DEV_RULE: &str = "dev iff splitmix64(fnv1a64(group)) % 100 < 20";

/// True when a pair's group belongs to the dev split.
pub fn is_dev_group(group: &str) -> bool {
    hash64(fnv1a(group.as_bytes())) % 100 < 20
}

/// One claim–evidence pair of the data set.
#[derive(Clone, Debug, PartialEq)]
pub struct EvPair {
    /// The claim.
    pub claim: String,
    /// The evidence text.
    pub evidence: String,
    /// The gold label.
    pub label: EvidenceLabel,
    /// The source set (`fever-rte-dev`, `snli-dev-test`, ...).
    pub source: String,
    /// Pairs sharing a claim (or source article); kept in one fold.
    pub group: String,
}

#[derive(Deserialize)]
struct Line {
    claim: String,
    evidence: String,
    label: String,
    source: String,
    group: String,
}

/// A malformed line of a pairs file.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct PairsError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Parses a JSON Lines file of pairs (`claim`, `evidence`, `label`,
/// `source`, `group`; blank lines skipped).
pub fn parse_pairs(text: &str) -> Result<Vec<EvPair>, PairsError> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let err = |message: String| PairsError {
                line: i + 1,
                message,
            };
            let p: Line = serde_json::from_str(l)
                .map_err(|e| err(format!("not a claim-evidence pair: {e}")))?;
            let label = EvidenceLabel::parse(&p.label)
                .ok_or_else(|| err(format!("unknown label {:?}", p.label)))?;
            Ok(EvPair {
                claim: p.claim,
                evidence: p.evidence,
                label,
                source: p.source,
                group: p.group,
            })
        })
        .collect()
}

/// Word vectors in the GloVe text format (`word v1 v2 ... vd` per line), in
/// file order (GloVe's files are by corpus frequency). Keeps the first `top`
/// lines whose word is one word to the analyzer, and any later line whose
/// word `wanted` accepts; lines of another dimension are skipped.
pub fn parse_vectors(
    text: &str,
    dim: usize,
    top: usize,
    wanted: impl Fn(&str) -> bool,
) -> Vec<(String, Vec<f32>)> {
    let mut out = Vec::new();
    let mut kept_top = 0;
    let mut buf = String::new();
    for line in text.lines() {
        let Some((word, rest)) = line.split_once(' ') else {
            continue;
        };
        let is_word = single_word(word, &mut buf);
        let take_top = is_word && kept_top < top;
        if !(take_top || (is_word && wanted(word))) {
            continue;
        }
        let v: Vec<f32> = rest
            .split(' ')
            .filter_map(|x| x.parse::<f32>().ok())
            .collect();
        if v.len() != dim {
            continue;
        }
        if take_top {
            kept_top += 1;
        }
        out.push((word.to_owned(), v));
    }
    out
}

/// True when the analyzer reads `w` as exactly one word, itself.
fn single_word(w: &str, buf: &mut String) -> bool {
    let mut n = 0;
    let mut same = false;
    words::for_each_word(w, buf, |x| {
        n += 1;
        same = x == w;
    });
    n == 1 && same
}

/// Training options.
#[derive(Clone, Debug)]
pub struct EvOptions {
    /// Seed for initialisation, shuffling and dropout.
    pub seed: u64,
    /// Epochs.
    pub epochs: usize,
    /// Hidden units.
    pub hidden: usize,
    /// Learning rate.
    pub lr: f32,
    /// L2 penalty.
    pub l2: f32,
    /// Hidden dropout.
    pub dropout: f32,
    /// Minibatch size.
    pub batch: usize,
    /// Loss weight per class (supports, refutes, neutral).
    pub class_weights: [f32; N_CLASSES],
    /// Loss weight per source set (others 1).
    pub source_weights: Vec<(String, f32)>,
    /// Feature groups switched off (by [`veracity_stance::evidence::FeatureGroup`] name).
    pub disabled_groups: Vec<String>,
    /// Hold out the dev groups (false: train on everything).
    pub dev_split: bool,
    /// Vocabulary: the most frequent words of the training texts (count >= 2).
    pub vocab_data: usize,
    /// Vocabulary cap in all (GloVe's most frequent words fill the rest).
    pub vocab_total: usize,
    /// Where the vectors came from (stored in the header).
    pub vectors_source: String,
    /// Print dev figures every N epochs (0 = only at the end).
    pub report_every: usize,
    /// Augmentation: every training `refutes` pair also with claim and
    /// evidence swapped (contradiction is symmetric).
    pub augment_swap: bool,
    /// Augmentation: every training `supports` pair whose evidence has a
    /// word with an opposite (a short list) that the claim shares also as a
    /// `refutes` pair with that word replaced by its opposite; this share of
    /// the other `supports` pairs also as a `refutes` pair with "not"
    /// inserted after the first auxiliary verb of the evidence (or, every
    /// other time, of the claim).
    pub augment_negate: f32,
    /// Augmentation: the opposite-word refutations (see
    /// [`EvOptions::augment_negate`]).
    pub augment_opposites: bool,
    /// Augmentation: this share of training claims also paired, as
    /// `neutral`, with the evidence of another group of the same source set.
    pub augment_neutral: f32,
    /// Candidates drawn for each augmented neutral pair; the one sharing the
    /// most claim terms is used (1 = a random evidence; more = harder,
    /// related neutrals, like retrieved sentences that say nothing on the
    /// claim).
    pub neutral_candidates: usize,
}

impl Default for EvOptions {
    fn default() -> Self {
        EvOptions {
            seed: 1,
            epochs: 30,
            hidden: 64,
            lr: 0.001,
            l2: 1e-4,
            dropout: 0.2,
            batch: 64,
            class_weights: [1.0, 1.0, 1.0],
            source_weights: vec![("covidfact".into(), 0.3)],
            disabled_groups: Vec::new(),
            dev_split: true,
            vocab_data: 20_000,
            vocab_total: 28_000,
            vectors_source: String::new(),
            report_every: 0,
            augment_swap: false,
            augment_negate: 0.25,
            augment_opposites: true,
            augment_neutral: 1.0,
            neutral_candidates: 1,
        }
    }
}

/// Accuracy, macro-F1 and confusion of a 3-class run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClassMetrics {
    /// Pairs scored.
    pub n: usize,
    /// Accuracy.
    pub accuracy: f64,
    /// Macro-F1 over the classes present in gold or predictions.
    pub macro_f1: f64,
    /// F1 per class (supports, refutes, neutral).
    pub f1: [f64; N_CLASSES],
    /// Rows gold, columns predicted.
    pub confusion: [[usize; N_CLASSES]; N_CLASSES],
}

impl ClassMetrics {
    /// Metrics of predictions against gold labels.
    pub fn compute(gold: &[EvidenceLabel], pred: &[EvidenceLabel]) -> ClassMetrics {
        let mut m = ClassMetrics::default();
        for (g, p) in gold.iter().zip(pred) {
            m.confusion[g.index()][p.index()] += 1;
        }
        m.n = gold.len().min(pred.len());
        let correct: usize = (0..N_CLASSES).map(|k| m.confusion[k][k]).sum();
        m.accuracy = if m.n == 0 {
            0.0
        } else {
            correct as f64 / m.n as f64
        };
        let mut present = 0;
        let mut sum = 0.0;
        for k in 0..N_CLASSES {
            let tp = m.confusion[k][k] as f64;
            let pred: usize = (0..N_CLASSES).map(|g| m.confusion[g][k]).sum();
            let gold: usize = m.confusion[k].iter().sum();
            let prec = if pred > 0 { tp / pred as f64 } else { 0.0 };
            let rec = if gold > 0 { tp / gold as f64 } else { 0.0 };
            m.f1[k] = if prec + rec > 0.0 {
                2.0 * prec * rec / (prec + rec)
            } else {
                0.0
            };
            if gold > 0 || pred > 0 {
                present += 1;
                sum += m.f1[k];
            }
        }
        m.macro_f1 = if present > 0 {
            sum / present as f64
        } else {
            0.0
        };
        m
    }
}

impl fmt::Display for ClassMetrics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "pairs {}  accuracy {:.4}  macro-F1 {:.4}  F1 supports {:.3} refutes {:.3} neutral {:.3}",
            self.n, self.accuracy, self.macro_f1, self.f1[0], self.f1[1], self.f1[2]
        )?;
        writeln!(
            f,
            "confusion (rows gold, columns predicted): supports / refutes / neutral"
        )?;
        for (name, row) in ["supports", "refutes", "neutral"]
            .iter()
            .zip(&self.confusion)
        {
            writeln!(f, "  {name:>9} {:>7} {:>7} {:>7}", row[0], row[1], row[2])?;
        }
        Ok(())
    }
}

/// Result of a training run.
pub struct EvOutcome {
    /// The trained model (dev figures in its header).
    pub model: EvidenceModel,
    /// Dev metrics (empty without a dev split).
    pub dev: ClassMetrics,
    /// Dev metrics per source set.
    pub dev_by_source: Vec<(String, ClassMetrics)>,
    /// Training pairs.
    pub train_pairs: usize,
}

/// Builds the vector table: the `vocab_data` most frequent words (count >= 2)
/// of `texts` that have a vector, the cue lexicons' words, then GloVe's most
/// frequent words up to `vocab_total`. IDF from the document frequency of
/// each word in `texts`.
pub fn build_vectors(
    texts: &[&str],
    glove: &[(String, Vec<f32>)],
    dim: usize,
    opts: &EvOptions,
) -> WordVectors {
    let glove_ix: HashMap<&str, usize> = glove
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (w.as_str(), i))
        .collect();
    let mut count: HashMap<String, usize> = HashMap::new();
    let mut df: HashMap<String, usize> = HashMap::new();
    let mut buf = String::new();
    let mut seen: Vec<String> = Vec::new();
    for t in texts {
        seen.clear();
        words::for_each_word(t, &mut buf, |w| {
            *count.entry(w.to_owned()).or_insert(0) += 1;
            if !seen.iter().any(|s| s == w) {
                seen.push(w.to_owned());
            }
        });
        for w in &seen {
            *df.entry(w.clone()).or_insert(0) += 1;
        }
    }
    let n_docs = texts.len() as f32;
    let idf =
        |w: &str| ((n_docs + 1.0) / (df.get(w).copied().unwrap_or(0) as f32 + 1.0)).ln() + 1.0;
    let mut by_count: Vec<(&String, usize)> = count
        .iter()
        .filter(|(w, c)| **c >= 2 && glove_ix.contains_key(w.as_str()))
        .map(|(w, &c)| (w, c))
        .collect();
    by_count.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let mut chosen: Vec<&str> = by_count
        .iter()
        .take(opts.vocab_data)
        .map(|(w, _)| w.as_str())
        .collect();
    for list in [&MODEL_NEGATION, &MODEL_REFUTE, &MODEL_HEDGE, &MODEL_CONFIRM] {
        for w in list.words() {
            if glove_ix.contains_key(w) {
                chosen.push(w);
            }
        }
    }
    let mut set: std::collections::HashSet<&str> = chosen.iter().copied().collect();
    for (w, _) in glove {
        if set.len() >= opts.vocab_total {
            break;
        }
        if set.insert(w.as_str()) {
            chosen.push(w.as_str());
        }
    }
    let entries: Vec<(String, Vec<f32>, f32)> = set
        .iter()
        .map(|w| (w.to_string(), glove[glove_ix[w]].1.clone(), idf(w)))
        .collect();
    WordVectors::quantise(dim, entries, idf(""))
}

/// Trains the evidence model on `pairs` with the word vectors `glove` (GloVe
/// text-format order), holding out the dev groups.
pub fn train_evidence(
    pairs: &[EvPair],
    glove: &[(String, Vec<f32>)],
    dim: usize,
    opts: &EvOptions,
    log: &mut dyn FnMut(&str),
) -> EvOutcome {
    let t0 = Instant::now();
    let mut dev_of: Vec<bool> = pairs
        .iter()
        .map(|p| opts.dev_split && is_dev_group(&p.group))
        .collect();
    let extra = augment(pairs, &dev_of, opts);
    log(&format!("{} augmented training pairs", extra.len()));
    dev_of.resize(pairs.len() + extra.len(), false);
    let originals = pairs.len();
    let all: Vec<EvPair> = pairs.iter().cloned().chain(extra).collect();
    let pairs = &all[..];
    // Unique texts, in first-seen order.
    let mut text_ix: HashMap<&str, usize> = HashMap::new();
    let mut texts: Vec<&str> = Vec::new();
    let mut train_text = Vec::new();
    let mut ix = Vec::with_capacity(pairs.len());
    for (p, &dev) in pairs.iter().zip(&dev_of) {
        let c = intern(&p.claim, &mut text_ix, &mut texts, &mut train_text);
        let e = intern(&p.evidence, &mut text_ix, &mut texts, &mut train_text);
        if !dev {
            train_text[c] = true;
            train_text[e] = true;
        }
        ix.push((c, e));
    }
    let train_texts: Vec<&str> = texts
        .iter()
        .zip(&train_text)
        .filter(|(_, t)| **t)
        .map(|(s, _)| *s)
        .collect();
    let vectors = build_vectors(&train_texts, glove, dim, opts);
    log(&format!(
        "{} pairs, {} distinct texts; vocabulary {} words ({:.1}s)",
        pairs.len(),
        texts.len(),
        vectors.len(),
        t0.elapsed().as_secs_f64()
    ));
    let prepared: Vec<PreparedText> = texts.iter().map(|t| vectors.prepare(t)).collect();
    let nf = n_features(dim);
    let mut feats = vec![0f32; pairs.len() * nf];
    for (i, &(c, e)) in ix.iter().enumerate() {
        vectors.features(&prepared[c], &prepared[e], &mut feats[i * nf..(i + 1) * nf]);
    }
    log(&format!(
        "features ({nf} per pair) in {:.1}s",
        t0.elapsed().as_secs_f64()
    ));

    // Standardisation from the training pairs; disabled groups get 0.
    let disabled = |f: usize| {
        let g = format!("{:?}", feature_group(f));
        opts.disabled_groups
            .iter()
            .any(|d| d.eq_ignore_ascii_case(&g))
    };
    let mut mean = vec![0f64; nf];
    let mut sq = vec![0f64; nf];
    let mut cnt = 0f64;
    for (i, &dev) in dev_of.iter().enumerate() {
        if dev {
            continue;
        }
        cnt += 1.0;
        for f in 0..nf {
            let x = f64::from(feats[i * nf + f]);
            mean[f] += x;
            sq[f] += x * x;
        }
    }
    let mean: Vec<f32> = mean.iter().map(|m| (m / cnt.max(1.0)) as f32).collect();
    let inv_std: Vec<f32> = (0..nf)
        .map(|f| {
            let var = sq[f] / cnt.max(1.0) - f64::from(mean[f]).powi(2);
            if disabled(f) || var < 1e-12 {
                0.0
            } else {
                (1.0 / var.sqrt()) as f32
            }
        })
        .collect();
    for row in feats.chunks_exact_mut(nf) {
        for f in 0..nf {
            row[f] = (row[f] - mean[f]) * inv_std[f];
        }
    }
    let source_weight = |s: &str| {
        opts.source_weights
            .iter()
            .find(|(n, _)| n == s)
            .map_or(1.0, |w| w.1)
    };
    let examples: Vec<Example> = pairs
        .iter()
        .enumerate()
        .filter(|(i, _)| !dev_of[*i])
        .map(|(i, p)| Example {
            claim: &[],
            passage: &[],
            dense: &feats[i * nf..(i + 1) * nf],
            pair: &[],
            label: p.label.index(),
            weight: opts.class_weights[p.label.index()] * source_weight(&p.source),
        })
        .collect();
    let dev_ix: Vec<usize> = (0..pairs.len()).filter(|&i| dev_of[i]).collect();
    log(&format!(
        "train pairs {}, dev pairs {}",
        examples.len(),
        dev_ix.len()
    ));
    let mut rng = SplitMix64::new(opts.seed);
    let mut net = mlp::init(0, 0, nf, opts.hidden, &mut rng);
    let cfg = TrainConfig {
        epochs: opts.epochs,
        batch: opts.batch,
        lr: opts.lr,
        l2: opts.l2,
        dropout: opts.dropout,
        seed: opts.seed,
    };
    let predict = |net: &Mlp, i: usize, scratch: &mut Vec<f32>, zeros: &[f32]| {
        let l = net.logits(zeros, zeros, &feats[i * nf..(i + 1) * nf], &[], scratch);
        argmax3(&l)
    };
    let metrics_on = |net: &Mlp, idx: &[usize]| -> ClassMetrics {
        let mut scratch = vec![0f32; net.hidden];
        let zeros = vec![0f32; net.hidden];
        let gold: Vec<EvidenceLabel> = idx.iter().map(|&i| pairs[i].label).collect();
        let pred: Vec<EvidenceLabel> = idx
            .iter()
            .map(|&i| predict(net, i, &mut scratch, &zeros))
            .collect();
        ClassMetrics::compute(&gold, &pred)
    };
    let t1 = Instant::now();
    mlp::train(&mut net, &examples, &cfg, |epoch, loss, net| {
        let last = epoch + 1 == opts.epochs;
        if opts.report_every > 0
            && ((epoch + 1) % opts.report_every == 0 || last)
            && !dev_ix.is_empty()
        {
            let m = metrics_on(net, &dev_ix);
            log(&format!(
                "epoch {:>3} loss {loss:.4}  dev accuracy {:.4} macro-F1 {:.4}  ({:.0}s)",
                epoch + 1,
                m.accuracy,
                m.macro_f1,
                t1.elapsed().as_secs_f64()
            ));
        } else {
            log(&format!(
                "epoch {:>3} loss {loss:.4} ({:.0}s)",
                epoch + 1,
                t1.elapsed().as_secs_f64()
            ));
        }
    });
    let dev = metrics_on(&net, &dev_ix);
    let mut sources: Vec<&str> = pairs[..originals]
        .iter()
        .map(|p| p.source.as_str())
        .collect();
    sources.sort_unstable();
    sources.dedup();
    let dev_by_source = sources
        .iter()
        .map(|s| {
            let idx: Vec<usize> = dev_ix
                .iter()
                .copied()
                .filter(|&i| pairs[i].source == *s)
                .collect();
            (s.to_string(), metrics_on(&net, &idx))
        })
        .filter(|(_, m)| m.n > 0)
        .collect();
    let header = EvidenceHeader {
        version: FORMAT_VERSION,
        analyzer: veracity_text::analyzer_fingerprint(),
        lexicon: lexicon_fingerprint(),
        features: feature_fingerprint(),
        hidden: opts.hidden,
        disabled_groups: opts.disabled_groups.clone(),
        vectors: format!(
            "{} ({} words, {} dims, i8 per dim)",
            opts.vectors_source,
            vectors.len(),
            dim
        ),
        seed: opts.seed,
        data: format!(
            "{} pairs from {}; {}",
            originals,
            sources.join(", "),
            if opts.dev_split {
                DEV_RULE
            } else {
                "no dev split"
            }
        ),
        dev: EvidenceDev {
            accuracy: dev.accuracy,
            macro_f1: dev.macro_f1,
            f1: dev.f1,
            pairs: dev.n,
        },
        notes: format!(
            "epochs {} batch {} lr {} l2 {} dropout {} class_weights {:?} source_weights {:?} augment swap {} negate {} opposites {} neutral {} (candidates {})",
            opts.epochs,
            opts.batch,
            opts.lr,
            opts.l2,
            opts.dropout,
            opts.class_weights,
            opts.source_weights,
            opts.augment_swap,
            opts.augment_negate,
            opts.augment_opposites,
            opts.augment_neutral,
            opts.neutral_candidates
        ),
    };
    let train_pairs = examples.len();
    EvOutcome {
        model: EvidenceModel::from_parts(header, vectors, mean, inv_std, net),
        dev,
        dev_by_source,
        train_pairs,
    }
}

/// Auxiliaries after which "not" negates the clause.
const AUXILIARIES: &[&str] = &[
    "is", "was", "are", "were", "has", "have", "had", "can", "will", "does", "did",
];

/// `text` with "not" after its first auxiliary verb that is not already
/// negated, or `None` when it has none.
pub fn negate(text: &str) -> Option<String> {
    let mut pos = 0;
    for w in text.split(' ') {
        let end = pos + w.len();
        if AUXILIARIES.contains(&w) {
            let next = text[end..].trim_start();
            if !(next.starts_with("not ") || next.starts_with("never ") || next.starts_with("no "))
            {
                return Some(format!("{} not{}", &text[..end], &text[end..]));
            }
        }
        pos = end + 1;
    }
    None
}

/// Opposite words for the antonym augmentation (training only; written for
/// this project). Each pair is used both ways.
const OPPOSITES: &[(&str, &str)] = &[
    ("increase", "decrease"),
    ("increased", "decreased"),
    ("increases", "decreases"),
    ("increasing", "decreasing"),
    ("rise", "fall"),
    ("rose", "fell"),
    ("rises", "falls"),
    ("rising", "falling"),
    ("more", "less"),
    ("higher", "lower"),
    ("high", "low"),
    ("larger", "smaller"),
    ("large", "small"),
    ("largest", "smallest"),
    ("before", "after"),
    ("won", "lost"),
    ("win", "lose"),
    ("above", "below"),
    ("warmer", "cooler"),
    ("positive", "negative"),
    ("true", "false"),
    ("first", "last"),
    ("early", "late"),
    ("earlier", "later"),
    ("north", "south"),
    ("east", "west"),
    ("male", "female"),
    ("man", "woman"),
    ("men", "women"),
    ("alive", "dead"),
    ("open", "closed"),
    ("long", "short"),
    ("old", "young"),
    ("older", "younger"),
    ("strong", "weak"),
    ("reduce", "raise"),
    ("reduces", "raises"),
    ("reduced", "raised"),
    ("many", "few"),
    ("always", "never"),
    ("all", "none"),
    ("inside", "outside"),
    ("allowed", "banned"),
    ("safe", "dangerous"),
    ("effective", "ineffective"),
    ("beneficial", "harmful"),
    ("success", "failure"),
    ("successful", "unsuccessful"),
];

/// `text` with its first word that has an opposite in `OPPOSITES` also
/// found in `other` replaced by that opposite, or `None`.
pub fn swap_opposite(text: &str, other: &str) -> Option<String> {
    let other_words = words::words(other);
    let mut pos = 0;
    for w in text.split(' ') {
        let end = pos + w.len();
        let core = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        let opposite = OPPOSITES.iter().find_map(|&(a, b)| {
            if core == a {
                Some(b)
            } else if core == b {
                Some(a)
            } else {
                None
            }
        });
        if let Some(o) = opposite
            && other_words.iter().any(|x| x == core)
        {
            return Some(format!("{}{o}{}", &text[..pos], &text[pos + core.len()..]));
        }
        pos = end + 1;
    }
    None
}

/// Extra training pairs (see [`EvOptions::augment_swap`],
/// [`EvOptions::augment_negate`], [`EvOptions::augment_neutral`]), drawn
/// from the training pairs only, deterministically for the seed.
pub fn augment(pairs: &[EvPair], dev: &[bool], opts: &EvOptions) -> Vec<EvPair> {
    let mut rng = SplitMix64::new(opts.seed ^ 0xa0a0_5eed);
    let mut out = Vec::new();
    let mut by_source: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, p) in pairs.iter().enumerate() {
        if !dev[i] {
            by_source.entry(p.source.as_str()).or_default().push(i);
        }
    }
    let mut flip = false;
    for (i, p) in pairs.iter().enumerate() {
        if dev[i] {
            continue;
        }
        let extra = |claim: String, evidence: String, label| EvPair {
            claim,
            evidence,
            label,
            source: p.source.clone(),
            group: p.group.clone(),
        };
        if opts.augment_swap && p.label == EvidenceLabel::Refutes {
            out.push(extra(
                p.evidence.clone(),
                p.claim.clone(),
                EvidenceLabel::Refutes,
            ));
        }
        let opposite = (opts.augment_opposites && p.label == EvidenceLabel::Supports)
            .then(|| swap_opposite(&p.evidence, &p.claim))
            .flatten();
        if let Some(e) = opposite {
            out.push(extra(p.claim.clone(), e, EvidenceLabel::Refutes));
        } else if p.label == EvidenceLabel::Supports && rng.next_f32() < opts.augment_negate {
            flip = !flip;
            let negated = if flip {
                negate(&p.evidence).map(|e| (p.claim.clone(), e))
            } else {
                negate(&p.claim).map(|c| (c, p.evidence.clone()))
            };
            if let Some((c, e)) = negated {
                out.push(extra(c, e, EvidenceLabel::Refutes));
            }
        }
        if rng.next_f32() < opts.augment_neutral {
            let pool = &by_source[p.source.as_str()];
            let mut j = pool[rng.below(pool.len())];
            if opts.neutral_candidates > 1 {
                let claim_terms = words::term_set(&p.claim);
                let mut best = -1.0;
                for k in 0..opts.neutral_candidates {
                    let cand = if k == 0 {
                        j
                    } else {
                        pool[rng.below(pool.len())]
                    };
                    if pairs[cand].group == p.group {
                        continue;
                    }
                    let cov =
                        words::coverage(&claim_terms, &words::term_set(&pairs[cand].evidence));
                    if cov > best {
                        best = cov;
                        j = cand;
                    }
                }
            }
            if pairs[j].group != p.group {
                out.push(extra(
                    p.claim.clone(),
                    pairs[j].evidence.clone(),
                    EvidenceLabel::Neutral,
                ));
            }
        }
    }
    out
}

fn intern<'a>(
    t: &'a str,
    ix: &mut HashMap<&'a str, usize>,
    texts: &mut Vec<&'a str>,
    train: &mut Vec<bool>,
) -> usize {
    *ix.entry(t).or_insert_with(|| {
        texts.push(t);
        train.push(false);
        texts.len() - 1
    })
}

fn argmax3(l: &[f32; N_OUT]) -> EvidenceLabel {
    let best = (0..N_CLASSES).fold(0, |b, j| if l[j] > l[b] { j } else { b });
    EvidenceLabel::ALL[best]
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAIRS: &str = include_str!("../../tests/fixtures/evidence-pairs.jsonl");
    const VECTORS: &str = include_str!("../../tests/fixtures/tiny-vectors.txt");

    fn fixture() -> (Vec<EvPair>, Vec<(String, Vec<f32>)>) {
        let pairs = parse_pairs(PAIRS).unwrap();
        let glove = parse_vectors(VECTORS, 4, 1000, |_| true);
        (pairs, glove)
    }

    fn opts(seed: u64) -> EvOptions {
        EvOptions {
            seed,
            epochs: 20,
            hidden: 8,
            lr: 0.01,
            dev_split: false,
            vectors_source: "test fixture".into(),
            ..EvOptions::default()
        }
    }

    #[test]
    fn parses_the_fixture_and_rejects_bad_lines() {
        let (pairs, glove) = fixture();
        assert!(pairs.len() >= 12, "{}", pairs.len());
        assert!(pairs.iter().any(|p| p.label == EvidenceLabel::Refutes));
        assert!(glove.iter().all(|(_, v)| v.len() == 4));
        assert!(glove.iter().any(|(w, _)| w == "increase"));
        let bad = parse_pairs("{\"claim\":\"a\",\"evidence\":\"b\",\"label\":\"maybe\",\"source\":\"s\",\"group\":\"g\"}")
            .unwrap_err();
        assert_eq!(bad.line, 1);
        assert!(bad.message.contains("maybe"));
        assert!(parse_pairs("\n{oops}\n").unwrap_err().line == 2);
    }

    #[test]
    fn training_is_deterministic_for_a_seed_and_the_weights_round_trip() {
        let (pairs, glove) = fixture();
        let a = train_evidence(&pairs, &glove, 4, &opts(5), &mut |_| {})
            .model
            .to_bytes();
        let b = train_evidence(&pairs, &glove, 4, &opts(5), &mut |_| {})
            .model
            .to_bytes();
        assert_eq!(a, b);
        let c = train_evidence(&pairs, &glove, 4, &opts(6), &mut |_| {})
            .model
            .to_bytes();
        assert_ne!(a, c);
        let m = EvidenceModel::from_bytes(&a).unwrap();
        assert_eq!(m.header().seed, 5);
        assert_eq!(m.to_bytes(), a);
        let s = m.score("Prices increase", &["Prices increase sharply."]);
        let sum = s[0].supports + s[0].refutes + s[0].neutral;
        assert!((sum - 1.0).abs() < 1e-5, "{s:?}");
    }

    #[test]
    fn the_fixture_is_learned() {
        let (pairs, glove) = fixture();
        let mut o = opts(1);
        o.epochs = 200;
        let out = train_evidence(&pairs, &glove, 4, &o, &mut |_| {});
        let correct = pairs
            .iter()
            .filter(|p| out.model.score(&p.claim, &[&p.evidence])[0].label() == p.label)
            .count();
        assert!(correct * 10 >= pairs.len() * 8, "{correct}/{}", pairs.len());
    }

    #[test]
    fn negation_goes_after_the_first_auxiliary_not_yet_negated() {
        assert_eq!(
            negate("The bridge was opened in 1998.").as_deref(),
            Some("The bridge was not opened in 1998.")
        );
        assert_eq!(
            negate("It is not green and was built").as_deref(),
            Some("It is not green and was not built")
        );
        assert_eq!(negate("Prices rose."), None);
    }

    #[test]
    fn opposites_replace_shared_words_only() {
        assert_eq!(
            swap_opposite("Sales rose sharply in May.", "Sales rose.").as_deref(),
            Some("Sales fell sharply in May.")
        );
        assert_eq!(swap_opposite("Sales rose sharply.", "Sales went up."), None);
        assert_eq!(
            swap_opposite("a smaller, older car", "older cars").as_deref(),
            Some("a smaller, younger car")
        );
    }

    #[test]
    fn augmentation_uses_training_pairs_only() {
        let (pairs, _) = fixture();
        let dev: Vec<bool> = pairs.iter().map(|p| p.group == "g2").collect();
        let o = EvOptions {
            augment_swap: true,
            augment_negate: 1.0,
            ..opts(1)
        };
        let extra = augment(&pairs, &dev, &o);
        assert!(!extra.is_empty());
        assert!(
            extra
                .iter()
                .all(|p| p.group != "g2" && !p.evidence.contains("Rainfall"))
        );
        // Negated and opposite-word refutations are there.
        assert!(extra.iter().any(
            |p| p.evidence == "Sales of the phone fell sharply in spring."
                && p.label == EvidenceLabel::Refutes
        ));
        assert!(
            extra
                .iter()
                .any(|p| p.evidence.contains(" not ") && p.label == EvidenceLabel::Refutes)
        );
        // Swapped refutations are there.
        assert!(
            extra
                .iter()
                .any(|p| p.claim == "The bridge was opened to traffic in 2004."
                    && p.label == EvidenceLabel::Refutes)
        );
    }

    #[test]
    fn metrics_count_and_average_present_classes() {
        use EvidenceLabel::*;
        let m = ClassMetrics::compute(
            &[Supports, Supports, Neutral],
            &[Supports, Neutral, Neutral],
        );
        assert_eq!(m.n, 3);
        assert!((m.accuracy - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(m.confusion[0], [1, 0, 1]);
        // Refutes is absent from gold and predictions: not averaged.
        assert!((m.macro_f1 - (m.f1[0] + m.f1[2]) / 2.0).abs() < 1e-12);
        assert!(is_dev_group("x") == is_dev_group("x"));
    }
}
