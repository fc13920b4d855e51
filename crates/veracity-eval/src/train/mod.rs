//! Training of the stance model on FNC-1 (`cargo xtask train stance`): the
//! dev split, example preparation and augmentation, the IDF table, and the
//! training loop that writes a weights file.

pub mod evidence;
pub mod logistic;
pub mod mlp;
pub mod rng;

use crate::fnc::{Metrics, Pair, StanceLabel, label_from_index, label_index};
use mlp::{Example, TrainConfig};
use rng::{SplitMix64, hash64};
use std::collections::HashMap;
use std::time::Instant;
use veracity_stance::features::{
    Idf, N_DENSE, PairScratch, PairSparseConfig, TextInfo, lexicon_fingerprint, pair_features,
};
use veracity_stance::mlp::{Mlp, N_OUT};
use veracity_stance::{DevScores, FORMAT_VERSION, Header, ModelConfig, StanceModel, feature_mask};
use veracity_text::hash::fnv1a;
use veracity_text::tokens::tokenize;

/// The dev split rule, stored in model headers.
pub const DEV_RULE: &str = "dev iff splitmix64(fnv1a64(Body ID)) % 100 < 20";

/// True when a body id belongs to the dev split.
pub fn is_dev(body_id: &str) -> bool {
    hash64(fnv1a(body_id.trim().as_bytes())) % 100 < 20
}

/// How pairs are split into train and dev.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Split {
    /// By body id ([`is_dev`]): no body in both; headlines are shared.
    Body,
    /// By topic: connected components of the related-pair graph (headlines and
    /// bodies); a component is dev when its smallest body id is dev under
    /// [`is_dev`]. Dev = pairs whose body is in a dev component; train = pairs
    /// whose body and headline are both in train components; the rest unused.
    Topic,
    /// No dev split: train on everything.
    None,
}

/// Role of a pair under a split.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Training pair.
    Train,
    /// Dev pair.
    Dev,
    /// Not used.
    Skip,
}

/// Assigns each pair a role.
pub fn assign(pairs: &[Pair], split: Split) -> Vec<Role> {
    match split {
        Split::None => vec![Role::Train; pairs.len()],
        Split::Body => pairs
            .iter()
            .map(|p| {
                if is_dev(&p.body_id) {
                    Role::Dev
                } else {
                    Role::Train
                }
            })
            .collect(),
        Split::Topic => {
            // Union-find over headlines and bodies.
            let mut ids: HashMap<(bool, &str), usize> = HashMap::new();
            let mut parent: Vec<usize> = Vec::new();
            fn node<'a>(
                ids: &mut HashMap<(bool, &'a str), usize>,
                k: (bool, &'a str),
                parent: &mut Vec<usize>,
            ) -> usize {
                let n = parent.len();
                let id = *ids.entry(k).or_insert(n);
                if id == n {
                    parent.push(n);
                }
                id
            }
            fn find(parent: &mut [usize], mut x: usize) -> usize {
                while parent[x] != x {
                    parent[x] = parent[parent[x]];
                    x = parent[x];
                }
                x
            }
            let mut hb = Vec::with_capacity(pairs.len());
            for p in pairs {
                let h = node(&mut ids, (false, p.headline.as_str()), &mut parent);
                let b = node(&mut ids, (true, p.body_id.as_str()), &mut parent);
                hb.push((h, b));
            }
            for (p, &(h, b)) in pairs.iter().zip(&hb) {
                if p.label.is_some_and(|l| l != StanceLabel::Unrelated) {
                    let (rh, rb) = (find(&mut parent, h), find(&mut parent, b));
                    if rh != rb {
                        parent[rh.max(rb)] = rh.min(rb);
                    }
                }
            }
            // Smallest body id (numeric when possible) per component decides.
            let mut rep: HashMap<usize, (u64, &str)> = HashMap::new();
            for (p, &(_, b)) in pairs.iter().zip(&hb) {
                let r = find(&mut parent, b);
                let key = (
                    p.body_id.parse::<u64>().unwrap_or(u64::MAX),
                    p.body_id.as_str(),
                );
                let e = rep.entry(r).or_insert(key);
                if key < *e {
                    *e = key;
                }
            }
            let comp_dev = |x: usize, parent: &mut Vec<usize>| -> bool {
                let r = find(parent, x);
                rep.get(&r).is_some_and(|k| is_dev(k.1))
            };
            hb.iter()
                .map(|&(h, b)| {
                    if comp_dev(b, &mut parent) {
                        Role::Dev
                    } else if comp_dev(h, &mut parent) {
                        Role::Skip
                    } else {
                        Role::Train
                    }
                })
                .collect()
        }
    }
}

/// Training options.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Seed for initialisation, shuffling and dropout.
    pub seed: u64,
    /// Epochs.
    pub epochs: usize,
    /// Hidden units.
    pub hidden: usize,
    /// Sparse hash bits (0 = dense features only).
    pub sparse_bits: u32,
    /// IDF hash bits.
    pub idf_bits: u32,
    /// Learning rate.
    pub lr: f32,
    /// L2 penalty.
    pub l2: f32,
    /// Hidden dropout.
    pub dropout: f32,
    /// Minibatch size.
    pub batch: usize,
    /// Loss weight per class (agree, disagree, discuss, unrelated).
    pub class_weights: [f32; 4],
    /// Dense feature groups to switch off.
    pub disabled_groups: Vec<String>,
    /// Train/dev split.
    pub split: Split,
    /// Per-pair sparse inputs.
    pub pair_sparse: PairSparseConfig,
    /// Fraction of training pairs also used with a sentence window as passage.
    pub augment: f32,
    /// Also report dev figures on sentence windows.
    pub dev_windows: bool,
    /// Print dev figures every N epochs (0 = only at the end).
    pub report_every: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            seed: 1,
            epochs: 20,
            hidden: 100,
            sparse_bits: 0,
            idf_bits: 18,
            lr: 0.001,
            l2: 1e-4,
            dropout: 0.4,
            batch: 64,
            class_weights: [1.0, 2.0, 1.0, 1.0],
            disabled_groups: Vec::new(),
            split: Split::Body,
            pair_sparse: PairSparseConfig {
                cues: true,
                window_bits: 0,
                text_cues: true,
            },
            augment: 0.5,
            dev_windows: true,
            report_every: 0,
        }
    }
}

/// Result of a training run.
pub struct TrainOutcome {
    /// The trained model (dev scores in its header).
    pub model: StanceModel,
    /// Dev metrics.
    pub dev: Metrics,
    /// Dev metrics on sentence windows (the best-matching sentence, or it and
    /// its neighbours, as passage; the body's label as gold), if computed.
    pub windows: Option<Metrics>,
    /// Train pairs used (including sentence-window copies).
    pub train_pairs: usize,
}

/// Kind of a prepared pair.
const TRAIN: u8 = 0;
const DEV: u8 = 1;
/// A dev pair whose passage is the best-matching sentence window of the body.
const DEV_WINDOW: u8 = 2;

struct Prepared {
    claims: Vec<TextInfo>,
    bodies: Vec<TextInfo>,
    body_texts: Vec<String>,
    pairs: Vec<(usize, usize, StanceLabel, u8)>,
}

fn prepare(
    bodies: &HashMap<String, String>,
    pairs: &[Pair],
    roles: &[Role],
    idf: &Idf,
    sparse_bits: u32,
) -> Prepared {
    let mut claim_ix: HashMap<&str, usize> = HashMap::new();
    let mut body_ix: HashMap<&str, usize> = HashMap::new();
    let mut claim_texts: Vec<&str> = Vec::new();
    let mut body_texts: Vec<&str> = Vec::new();
    let mut out_pairs = Vec::new();
    for (p, &role) in pairs.iter().zip(roles) {
        let (Some(label), Some(body)) = (p.label, bodies.get(&p.body_id)) else {
            continue;
        };
        if role == Role::Skip {
            continue;
        }
        let c = *claim_ix.entry(p.headline.as_str()).or_insert_with(|| {
            claim_texts.push(p.headline.as_str());
            claim_texts.len() - 1
        });
        let b = *body_ix.entry(p.body_id.as_str()).or_insert_with(|| {
            body_texts.push(body.as_str());
            body_texts.len() - 1
        });
        let kind = if role == Role::Dev { DEV } else { TRAIN };
        out_pairs.push((c, b, label, kind));
    }
    Prepared {
        claims: claim_texts
            .iter()
            .map(|t| TextInfo::new(t, idf, sparse_bits))
            .collect(),
        bodies: body_texts
            .iter()
            .map(|t| TextInfo::new(t, idf, sparse_bits))
            .collect(),
        body_texts: body_texts.iter().map(|t| t.to_string()).collect(),
        pairs: out_pairs,
    }
}

/// Adds sentence-window passages: for a fraction `opts.augment` of the
/// training pairs a copy whose passage is the best-matching sentence (or it
/// and its neighbours) of the body, with the body's label; and one such
/// window for every dev pair (kind `DEV_WINDOW`, reported separately).
fn augment(prep: &mut Prepared, idf: &Idf, opts: &TrainOptions) {
    let mut rng = SplitMix64::new(opts.seed ^ 0xa11ce);
    let mut ps = PairScratch::default();
    let mut dense = vec![0f32; N_DENSE];
    let mut spans: Vec<Option<Vec<(usize, usize)>>> = vec![None; prep.bodies.len()];
    let n = prep.pairs.len();
    for i in 0..n {
        let (c, b, label, kind) = prep.pairs[i];
        let r = rng.next_f32();
        let wide = rng.next_f32() < 0.5;
        let take = match kind {
            TRAIN => r < opts.augment,
            _ => opts.dev_windows,
        };
        if !take {
            continue;
        }
        pair_features(
            &prep.claims[c],
            &prep.bodies[b],
            idf,
            PairSparseConfig::default(),
            &mut dense,
            &mut ps,
        );
        let Some(best) = ps.best_sentence else {
            continue;
        };
        let sp = spans[b].get_or_insert_with(|| {
            let t = tokenize(&prep.body_texts[b]);
            (0..t.sentences.len())
                .filter_map(|k| t.sentence_span(k))
                .collect()
        });
        if sp.len() <= 1 {
            continue;
        }
        let (lo, hi) = if wide {
            (best.saturating_sub(1), (best + 1).min(sp.len() - 1))
        } else {
            (best, best)
        };
        let text = prep.body_texts[b]
            .get(sp[lo].0..sp[hi].1)
            .unwrap_or("")
            .to_string();
        prep.bodies
            .push(TextInfo::new(&text, idf, opts.sparse_bits));
        prep.body_texts.push(text);
        spans.push(None);
        let nb = prep.bodies.len() - 1;
        prep.pairs
            .push((c, nb, label, if kind == TRAIN { TRAIN } else { DEV_WINDOW }));
    }
}

/// IDF from the training side of the split: train bodies and train headlines.
pub fn train_idf(
    bodies: &HashMap<String, String>,
    pairs: &[Pair],
    roles: &[Role],
    bits: u32,
) -> Idf {
    let mut ids: Vec<&str> = Vec::new();
    let mut heads: Vec<&str> = Vec::new();
    for (p, &r) in pairs.iter().zip(roles) {
        if r == Role::Train && bodies.contains_key(&p.body_id) {
            ids.push(p.body_id.as_str());
            heads.push(p.headline.as_str());
        }
    }
    ids.sort_unstable();
    ids.dedup();
    heads.sort_unstable();
    heads.dedup();
    let texts = ids
        .iter()
        .map(|id| bodies[*id].as_str())
        .chain(heads.iter().copied());
    Idf::from_texts(texts, bits)
}

/// Trains a stance model on FNC-1 pairs, evaluating on the dev split.
pub fn train_fnc(
    bodies: &HashMap<String, String>,
    pairs: &[Pair],
    opts: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> TrainOutcome {
    let t0 = Instant::now();
    let roles = assign(pairs, opts.split);
    let idf = train_idf(bodies, pairs, &roles, opts.idf_bits);
    let mut prep = prepare(bodies, pairs, &roles, &idf, opts.sparse_bits);
    augment(&mut prep, &idf, opts);
    let n = prep.pairs.len();
    let mut dense = vec![0f32; n * N_DENSE];
    let mut ps = PairScratch::default();
    let mut psp_off = vec![0usize];
    let mut psp: Vec<(u32, f32)> = Vec::new();
    for (i, &(c, b, _, _)) in prep.pairs.iter().enumerate() {
        pair_features(
            &prep.claims[c],
            &prep.bodies[b],
            &idf,
            opts.pair_sparse,
            &mut dense[i * N_DENSE..(i + 1) * N_DENSE],
            &mut ps,
        );
        psp.extend_from_slice(&ps.sparse);
        psp_off.push(psp.len());
    }
    let pair_sp = |i: usize| &psp[psp_off[i]..psp_off[i + 1]];
    log(&format!(
        "features for {n} pairs in {:.1}s",
        t0.elapsed().as_secs_f64()
    ));

    // Standardisation from the training pairs.
    let mask = feature_mask(&opts.disabled_groups);
    let mut mean = vec![0f64; N_DENSE];
    let mut sq = vec![0f64; N_DENSE];
    let mut cnt = 0f64;
    for (i, p) in prep.pairs.iter().enumerate() {
        if p.3 != TRAIN {
            continue;
        }
        cnt += 1.0;
        for f in 0..N_DENSE {
            let x = dense[i * N_DENSE + f] as f64;
            mean[f] += x;
            sq[f] += x * x;
        }
    }
    let mean: Vec<f32> = mean.iter().map(|m| (m / cnt.max(1.0)) as f32).collect();
    let inv_std: Vec<f32> = (0..N_DENSE)
        .map(|f| {
            let var = sq[f] / cnt.max(1.0) - (mean[f] as f64).powi(2);
            if !mask[f] || var < 1e-12 {
                0.0
            } else {
                (1.0 / var.sqrt()) as f32
            }
        })
        .collect();
    for i in 0..n {
        for f in 0..N_DENSE {
            let z = &mut dense[i * N_DENSE + f];
            *z = (*z - mean[f]) * inv_std[f];
        }
    }

    let examples: Vec<Example> = prep
        .pairs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.3 == TRAIN)
        .map(|(i, &(c, b, label, _))| Example {
            claim: &prep.claims[c].sparse,
            passage: &prep.bodies[b].sparse,
            dense: &dense[i * N_DENSE..(i + 1) * N_DENSE],
            pair: pair_sp(i),
            label: label_index(label),
            weight: opts.class_weights[label_index(label)],
        })
        .collect();
    let dev_ix: Vec<usize> = (0..n).filter(|&i| prep.pairs[i].3 == DEV).collect();
    let win_ix: Vec<usize> = (0..n).filter(|&i| prep.pairs[i].3 == DEV_WINDOW).collect();
    log(&format!(
        "train pairs {}, dev pairs {}",
        examples.len(),
        dev_ix.len()
    ));

    let mut rng = SplitMix64::new(opts.seed);
    let sparse_dim = if opts.sparse_bits == 0 {
        0
    } else {
        1usize << opts.sparse_bits
    };
    let mut net = mlp::init(
        sparse_dim,
        opts.pair_sparse.dim(),
        N_DENSE,
        opts.hidden,
        &mut rng,
    );
    let cfg = TrainConfig {
        epochs: opts.epochs,
        batch: opts.batch,
        lr: opts.lr,
        l2: opts.l2,
        dropout: opts.dropout,
        seed: opts.seed,
    };
    let metrics_on = |net: &Mlp, dev_ix: &[usize]| -> Metrics {
        let h = net.hidden;
        let mut scratch = vec![0f32; h];
        let mut cp = vec![0f32; h];
        let mut pp = vec![0f32; h];
        let mut gold = Vec::new();
        let mut pred = Vec::new();
        for &i in dev_ix {
            let (c, b, label, _) = prep.pairs[i];
            cp.iter_mut().for_each(|x| *x = 0.0);
            pp.iter_mut().for_each(|x| *x = 0.0);
            net.project(false, &prep.claims[c].sparse, &mut cp);
            net.project(true, &prep.bodies[b].sparse, &mut pp);
            let l = net.logits(
                &cp,
                &pp,
                &dense[i * N_DENSE..(i + 1) * N_DENSE],
                pair_sp(i),
                &mut scratch,
            );
            let best = (0..N_OUT).fold(0, |b, j| if l[j] > l[b] { j } else { b });
            gold.push(label);
            pred.push(label_from_index(best));
        }
        Metrics::compute(&gold, &pred)
    };
    let dev_metrics = |net: &Mlp| metrics_on(net, &dev_ix);
    let t1 = Instant::now();
    mlp::train(&mut net, &examples, &cfg, |epoch, loss, net| {
        let last = epoch + 1 == opts.epochs;
        if opts.report_every > 0
            && ((epoch + 1) % opts.report_every == 0 || last)
            && !dev_ix.is_empty()
        {
            let m = dev_metrics(net);
            log(&format!(
                "epoch {:>3} loss {loss:.4}  dev FNC {:.2}% macro-F1 {:.4} F1 {:.3}/{:.3}/{:.3}/{:.3}  ({:.0}s)",
                epoch + 1,
                m.fnc_percent(),
                m.macro_f1(),
                m.f1[0],
                m.f1[1],
                m.f1[2],
                m.f1[3],
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
    let dev = dev_metrics(&net);
    let windows = (!win_ix.is_empty()).then(|| metrics_on(&net, &win_ix));
    if let Some(w) = &windows {
        log(&format!(
            "dev windows (best-matching sentence(s) as passage, body label as gold): FNC {:.2}% macro-F1 {:.4} F1 {:.3}/{:.3}/{:.3}/{:.3}",
            w.fnc_percent(),
            w.macro_f1(),
            w.f1[0],
            w.f1[1],
            w.f1[2],
            w.f1[3]
        ));
    }
    let header = Header {
        version: FORMAT_VERSION,
        config: ModelConfig {
            sparse_bits: opts.sparse_bits,
            idf_bits: opts.idf_bits,
            hidden: opts.hidden,
            disabled_groups: opts.disabled_groups.clone(),
            cues: opts.pair_sparse.cues,
            window_bits: opts.pair_sparse.window_bits,
            lexicon: lexicon_fingerprint(),
            analyzer: veracity_text::analyzer_fingerprint(),
            features: veracity_stance::features::feature_fingerprint(),
        },
        seed: opts.seed,
        dev_split: match opts.split {
            Split::Body => DEV_RULE.into(),
            Split::Topic => format!("topic components; {DEV_RULE} on the smallest body id"),
            Split::None => "none (trained on all pairs)".into(),
        },
        dev: DevScores {
            fnc_percent: dev.fnc_percent(),
            macro_f1: dev.macro_f1(),
            f1: dev.f1,
            pairs: dev_ix.len(),
        },
        notes: format!(
            "epochs {} batch {} lr {} l2 {} dropout {} class_weights {:?}",
            opts.epochs, opts.batch, opts.lr, opts.l2, opts.dropout, opts.class_weights
        ),
    };
    let train_pairs = examples.len();
    let model = StanceModel::from_parts(header, idf, mean, inv_std, net);
    TrainOutcome {
        model,
        dev,
        windows,
        train_pairs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fnc::Pair;

    /// A tiny synthetic FNC-style set: three topics, bodies that agree, deny
    /// or report, and headlines paired with other topics' bodies.
    fn synthetic() -> (HashMap<String, String>, Vec<Pair>) {
        let topics = [
            (
                "Mayor resigns after budget scandal",
                "mayor",
                "resigned",
                "budget scandal",
            ),
            (
                "Shark spotted in city river",
                "shark",
                "spotted",
                "city river",
            ),
            (
                "Factory fire forces evacuation of town",
                "factory fire",
                "forced",
                "evacuation",
            ),
        ];
        let mut bodies = HashMap::new();
        let mut pairs = Vec::new();
        let mut id = 0;
        for (t, (head, a, b, c)) in topics.iter().enumerate() {
            let texts = [
                (
                    format!(
                        "The {a} {b} on Monday after the {c}, officials confirmed. It is true."
                    ),
                    "agree",
                ),
                (
                    format!(
                        "Reports that the {a} {b} are a hoax. Officials denied the {c} story, calling it fake."
                    ),
                    "disagree",
                ),
                (
                    format!(
                        "The {a} reportedly {b}, according to unconfirmed claims about the {c}."
                    ),
                    "discuss",
                ),
            ];
            for (text, label) in texts {
                id += 1;
                bodies.insert(id.to_string(), text);
                pairs.push(Pair {
                    headline: head.to_string(),
                    body_id: id.to_string(),
                    label: fnc::parse_label(label),
                });
                let other = topics[(t + 1) % topics.len()].0;
                pairs.push(Pair {
                    headline: other.to_string(),
                    body_id: id.to_string(),
                    label: Some(StanceLabel::Unrelated),
                });
            }
        }
        (bodies, pairs)
    }

    use crate::fnc;

    #[test]
    fn training_is_deterministic_for_a_seed() {
        let (bodies, pairs) = synthetic();
        let opts = TrainOptions {
            epochs: 5,
            seed: 7,
            split: Split::None,
            ..TrainOptions::default()
        };
        let a = train_fnc(&bodies, &pairs, &opts, &mut |_| {})
            .model
            .to_bytes();
        let b = train_fnc(&bodies, &pairs, &opts, &mut |_| {})
            .model
            .to_bytes();
        assert_eq!(a, b);
        let other = TrainOptions { seed: 8, ..opts };
        let c = train_fnc(&bodies, &pairs, &other, &mut |_| {})
            .model
            .to_bytes();
        assert_ne!(a, c);
        let m = StanceModel::from_bytes(&a).unwrap();
        assert_eq!(m.header().seed, 7);
    }

    #[test]
    fn splits_keep_bodies_apart() {
        let (_, pairs) = synthetic();
        let roles = assign(&pairs, Split::Body);
        for (p, r) in pairs.iter().zip(&roles) {
            assert_eq!(*r == Role::Dev, is_dev(&p.body_id));
        }
        let topic = assign(&pairs, Split::Topic);
        // Related pairs of one topic share a role.
        for (p, r) in pairs.iter().zip(&topic) {
            for (q, s) in pairs.iter().zip(&topic) {
                let related = |x: &Pair| x.label != Some(StanceLabel::Unrelated);
                if related(p) && related(q) && p.headline == q.headline {
                    assert_eq!(r, s);
                }
            }
        }
    }
}
