//! Training of the stance model's network: minibatch (lazy) Adam with
//! dropout and L2 over the sparse and dense inputs. The network itself, and
//! its inference, is `veracity_stance::mlp`.

use super::rng::SplitMix64;
use veracity_stance::mlp::{Mlp, N_OUT, softmax};

/// One training example.
#[derive(Clone, Copy, Debug)]
pub struct Example<'a> {
    /// Claim sparse vector.
    pub claim: &'a [(u32, f32)],
    /// Passage sparse vector.
    pub passage: &'a [(u32, f32)],
    /// Standardised dense features.
    pub dense: &'a [f32],
    /// Per-pair sparse features.
    pub pair: &'a [(u32, f32)],
    /// Gold class index.
    pub label: usize,
    /// Loss weight.
    pub weight: f32,
}

/// Training hyper-parameters.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// Passes over the data.
    pub epochs: usize,
    /// Minibatch size.
    pub batch: usize,
    /// Adam learning rate.
    pub lr: f32,
    /// L2 penalty.
    pub l2: f32,
    /// Dropout on hidden units.
    pub dropout: f32,
    /// PRNG seed (init, shuffling, dropout).
    pub seed: u64,
}

/// A randomly initialised network.
pub fn init(
    sparse_dim: usize,
    pair_dim: usize,
    n_dense: usize,
    hidden: usize,
    rng: &mut SplitMix64,
) -> Mlp {
    let mut init = |n: usize, std: f32| (0..n).map(|_| rng.normal() * std).collect::<Vec<f32>>();
    let w_claim = init(sparse_dim * hidden, 0.05);
    let w_pass = init(sparse_dim * hidden, 0.05);
    let w_pair = init(pair_dim * hidden, 0.05);
    let w_dense = init(n_dense * hidden, (1.0 / n_dense.max(1) as f32).sqrt());
    let w2 = init(N_OUT * hidden, (1.0 / hidden as f32).sqrt());
    Mlp {
        sparse_dim,
        pair_dim,
        n_dense,
        hidden,
        w_claim,
        w_pass,
        w_pair,
        w_dense,
        b1: vec![0.0; hidden],
        w2,
        b2: vec![0.0; N_OUT],
    }
}

struct Adam {
    m: Vec<f32>,
    v: Vec<f32>,
}

impl Adam {
    fn new(n: usize) -> Adam {
        Adam {
            m: vec![0.0; n],
            v: vec![0.0; n],
        }
    }

    #[inline]
    #[allow(clippy::too_many_arguments)]
    fn step_range(
        &mut self,
        w: &mut [f32],
        g: &mut [f32],
        lo: usize,
        hi: usize,
        lr_t: f32,
        l2: f32,
    ) {
        const B1: f32 = 0.9;
        const B2: f32 = 0.999;
        for i in lo..hi {
            let gi = g[i] + l2 * w[i];
            g[i] = 0.0;
            self.m[i] = B1 * self.m[i] + (1.0 - B1) * gi;
            self.v[i] = B2 * self.v[i] + (1.0 - B2) * gi * gi;
            w[i] -= lr_t * self.m[i] / (self.v[i].sqrt() + 1e-8);
        }
    }
}

/// Sparse-row gradient buffer that remembers which rows were touched.
struct RowGrad {
    g: Vec<f32>,
    touched: Vec<bool>,
    list: Vec<u32>,
}

impl RowGrad {
    fn new(rows: usize, h: usize) -> RowGrad {
        RowGrad {
            g: vec![0.0; rows * h],
            touched: vec![false; rows],
            list: Vec::new(),
        }
    }
}

/// Trains `mlp` in place. Deterministic for a given config.
/// `on_epoch` is called after each epoch with (epoch, mean loss).
pub fn train(
    mlp: &mut Mlp,
    data: &[Example<'_>],
    cfg: &TrainConfig,
    mut on_epoch: impl FnMut(usize, f32, &Mlp),
) {
    let h = mlp.hidden;
    let mut rng = SplitMix64::new(cfg.seed ^ 0x5eed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut ad_claim = Adam::new(mlp.w_claim.len());
    let mut ad_pass = Adam::new(mlp.w_pass.len());
    let mut ad_dense = Adam::new(mlp.w_dense.len());
    let mut ad_b1 = Adam::new(h);
    let mut ad_w2 = Adam::new(mlp.w2.len());
    let mut ad_b2 = Adam::new(N_OUT);
    let mut g_claim = RowGrad::new(mlp.sparse_dim, h);
    let mut g_pass = RowGrad::new(mlp.sparse_dim, h);
    let mut ad_pair = Adam::new(mlp.w_pair.len());
    let mut g_pair = RowGrad::new(mlp.pair_dim, h);
    let mut g_dense = vec![0f32; mlp.w_dense.len()];
    let mut g_b1 = vec![0f32; h];
    let mut g_w2 = vec![0f32; mlp.w2.len()];
    let mut g_b2 = vec![0f32; N_OUT];
    let mut pre = vec![0f32; h];
    let mut act = vec![0f32; h];
    let mut dh = vec![0f32; h];
    let zero = vec![0f32; h];
    let mut t = 0i32;
    let keep = 1.0 - cfg.dropout;
    for epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        let mut loss_sum = 0.0f64;
        for batch in order.chunks(cfg.batch.max(1)) {
            for &ei in batch {
                let ex = &data[ei];
                pre.copy_from_slice(&mlp.b1);
                mlp.project(false, ex.claim, &mut pre);
                mlp.project(true, ex.passage, &mut pre);
                for &(i, x) in ex.pair {
                    let i = i as usize;
                    if i < mlp.pair_dim {
                        let row = &mlp.w_pair[i * h..(i + 1) * h];
                        for (p, &wv) in pre.iter_mut().zip(row) {
                            *p += x * wv;
                        }
                    }
                }
                for (f, &z) in ex.dense.iter().enumerate() {
                    if z != 0.0 {
                        let row = &mlp.w_dense[f * h..(f + 1) * h];
                        for (p, &wv) in pre.iter_mut().zip(row) {
                            *p += z * wv;
                        }
                    }
                }
                for k in 0..h {
                    let a = pre[k].max(0.0);
                    act[k] = if cfg.dropout > 0.0 {
                        if rng.next_f32() < keep { a / keep } else { 0.0 }
                    } else {
                        a
                    };
                }
                let mut logits = [0f32; N_OUT];
                for (o, l) in logits.iter_mut().enumerate() {
                    let row = &mlp.w2[o * h..(o + 1) * h];
                    *l = mlp.b2[o] + act.iter().zip(row).map(|(a, w)| a * w).sum::<f32>();
                }
                let p = softmax(&logits);
                loss_sum += -(p[ex.label].max(1e-12).ln() as f64) * ex.weight as f64;
                let scale = ex.weight / batch.len() as f32;
                let mut dl = [0f32; N_OUT];
                for o in 0..N_OUT {
                    dl[o] = (p[o] - if o == ex.label { 1.0 } else { 0.0 }) * scale;
                }
                dh.copy_from_slice(&zero);
                for o in 0..N_OUT {
                    g_b2[o] += dl[o];
                    let row = &mlp.w2[o * h..(o + 1) * h];
                    let grow = &mut g_w2[o * h..(o + 1) * h];
                    for k in 0..h {
                        grow[k] += dl[o] * act[k];
                        dh[k] += dl[o] * row[k];
                    }
                }
                for k in 0..h {
                    if act[k] == 0.0 {
                        dh[k] = 0.0;
                    } else if cfg.dropout > 0.0 {
                        dh[k] /= keep;
                    }
                    g_b1[k] += dh[k];
                }
                for (f, &z) in ex.dense.iter().enumerate() {
                    if z != 0.0 {
                        let grow = &mut g_dense[f * h..(f + 1) * h];
                        for k in 0..h {
                            grow[k] += z * dh[k];
                        }
                    }
                }
                for (rg, sp, dim) in [
                    (&mut g_claim, ex.claim, mlp.sparse_dim),
                    (&mut g_pass, ex.passage, mlp.sparse_dim),
                    (&mut g_pair, ex.pair, mlp.pair_dim),
                ] {
                    for &(i, x) in sp {
                        let i = i as usize;
                        if i >= dim {
                            continue;
                        }
                        if !rg.touched[i] {
                            rg.touched[i] = true;
                            rg.list.push(i as u32);
                        }
                        let grow = &mut rg.g[i * h..(i + 1) * h];
                        for k in 0..h {
                            grow[k] += x * dh[k];
                        }
                    }
                }
            }
            t += 1;
            let lr_t = cfg.lr * (1.0 - 0.999f32.powi(t)).sqrt() / (1.0 - 0.9f32.powi(t));
            for (rg, ad, w) in [
                (&mut g_claim, &mut ad_claim, &mut mlp.w_claim),
                (&mut g_pass, &mut ad_pass, &mut mlp.w_pass),
                (&mut g_pair, &mut ad_pair, &mut mlp.w_pair),
            ] {
                rg.list.sort_unstable();
                for &i in &rg.list {
                    let i = i as usize;
                    ad.step_range(w, &mut rg.g, i * h, (i + 1) * h, lr_t, cfg.l2);
                    rg.touched[i] = false;
                }
                rg.list.clear();
            }
            let n = mlp.w_dense.len();
            ad_dense.step_range(&mut mlp.w_dense, &mut g_dense, 0, n, lr_t, cfg.l2);
            ad_b1.step_range(&mut mlp.b1, &mut g_b1, 0, h, lr_t, 0.0);
            let n = mlp.w2.len();
            ad_w2.step_range(&mut mlp.w2, &mut g_w2, 0, n, lr_t, cfg.l2);
            ad_b2.step_range(&mut mlp.b2, &mut g_b2, 0, N_OUT, lr_t, 0.0);
        }
        on_epoch(epoch, (loss_sum / data.len().max(1) as f64) as f32, mlp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> (Vec<Vec<f32>>, Vec<usize>) {
        let mut rng = SplitMix64::new(3);
        let mut xs = Vec::new();
        let mut ys = Vec::new();
        for _ in 0..400 {
            let a = rng.next_f32() * 2.0 - 1.0;
            let b = rng.next_f32() * 2.0 - 1.0;
            let y = match (a > 0.0, b > 0.0) {
                (true, true) => 0,
                (true, false) => 1,
                (false, true) => 2,
                (false, false) => 3,
            };
            xs.push(vec![a, b]);
            ys.push(y);
        }
        (xs, ys)
    }

    fn fit(seed: u64) -> Mlp {
        let (xs, ys) = toy();
        let data: Vec<Example> = xs
            .iter()
            .zip(&ys)
            .map(|(x, &y)| Example {
                claim: &[],
                passage: &[],
                dense: x,
                pair: &[],
                label: y,
                weight: 1.0,
            })
            .collect();
        let mut rng = SplitMix64::new(seed);
        let mut m = init(0, 0, 2, 16, &mut rng);
        let cfg = TrainConfig {
            epochs: 40,
            batch: 16,
            lr: 0.01,
            l2: 0.0,
            dropout: 0.0,
            seed,
        };
        train(&mut m, &data, &cfg, |_, _, _| {});
        m
    }

    #[test]
    fn learns_quadrants_deterministically() {
        let a = fit(1);
        let b = fit(1);
        assert_eq!(a.w_dense, b.w_dense);
        assert_eq!(a.w2, b.w2);
        let (xs, ys) = toy();
        let mut scratch = vec![0.0; 16];
        let z = vec![0.0; 16];
        let correct = xs
            .iter()
            .zip(&ys)
            .filter(|(x, y)| {
                let l = a.logits(&z, &z, x, &[], &mut scratch);
                let best = (0..N_OUT).max_by(|&i, &j| l[i].total_cmp(&l[j])).unwrap();
                best == **y
            })
            .count();
        assert!(correct > 360, "{correct}/400");
    }
}
