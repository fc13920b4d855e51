//! A one-hidden-layer perceptron over two hashed sparse vectors (claim and
//! passage term frequencies) and a dense feature vector (trained by
//! `veracity-eval`). The first layer is linear, so the sparse part of a text's
//! hidden pre-activation is computed once per text and reused for every pair.

/// Number of outputs (agree, disagree, discuss, unrelated).
pub const N_OUT: usize = 4;

/// Network weights.
#[derive(Clone, Debug)]
pub struct Mlp {
    /// Size of each hashed sparse block (0 = none).
    pub sparse_dim: usize,
    /// Size of the per-pair sparse input (0 = none).
    pub pair_dim: usize,
    /// Number of dense inputs.
    pub n_dense: usize,
    /// Hidden units.
    pub hidden: usize,
    /// Claim sparse block, `sparse_dim` rows of `hidden`.
    pub w_claim: Vec<f32>,
    /// Passage sparse block, `sparse_dim` rows of `hidden`.
    pub w_pass: Vec<f32>,
    /// Per-pair sparse block, `pair_dim` rows of `hidden`.
    pub w_pair: Vec<f32>,
    /// Dense block, `n_dense` rows of `hidden`.
    pub w_dense: Vec<f32>,
    /// Hidden bias.
    pub b1: Vec<f32>,
    /// Output weights, `N_OUT` rows of `hidden`.
    pub w2: Vec<f32>,
    /// Output bias.
    pub b2: Vec<f32>,
}

impl Mlp {
    /// Adds the claim (`passage == false`) or passage sparse contribution to `acc`.
    pub fn project(&self, passage: bool, sparse: &[(u32, f32)], acc: &mut [f32]) {
        if self.sparse_dim == 0 {
            return;
        }
        let w = if passage { &self.w_pass } else { &self.w_claim };
        let h = self.hidden;
        for &(i, x) in sparse {
            let i = i as usize;
            if i >= self.sparse_dim {
                continue;
            }
            let row = &w[i * h..(i + 1) * h];
            for (a, &wv) in acc.iter_mut().zip(row) {
                *a += x * wv;
            }
        }
    }

    /// Adds rows of the per-pair block to `acc`.
    pub fn add_pair_rows(&self, pair: &[(u32, f32)], acc: &mut [f32]) {
        let h = self.hidden;
        for &(i, x) in pair {
            let i = i as usize;
            if i < self.pair_dim {
                let row = &self.w_pair[i * h..(i + 1) * h];
                for (s, &wv) in acc.iter_mut().zip(row) {
                    *s += x * wv;
                }
            }
        }
    }

    /// Logits given the claim and passage projections and the dense features.
    /// `scratch` must have length `hidden`.
    #[inline]
    pub fn logits(
        &self,
        claim_proj: &[f32],
        pass_proj: &[f32],
        dense: &[f32],
        pair: &[(u32, f32)],
        scratch: &mut [f32],
    ) -> [f32; N_OUT] {
        let h = self.hidden;
        for k in 0..h {
            scratch[k] = self.b1[k] + claim_proj[k] + pass_proj[k];
        }
        self.add_pair_rows(pair, scratch);
        for (f, &z) in dense.iter().enumerate() {
            if z != 0.0 {
                let row = &self.w_dense[f * h..(f + 1) * h];
                for (s, &wv) in scratch.iter_mut().zip(row) {
                    *s += z * wv;
                }
            }
        }
        let mut out = [0f32; N_OUT];
        for (o, outv) in out.iter_mut().enumerate() {
            let row = &self.w2[o * h..(o + 1) * h];
            let mut acc = self.b2[o];
            for (s, &wv) in scratch.iter().zip(row) {
                acc += s.max(0.0) * wv;
            }
            *outv = acc;
        }
        out
    }

    /// Total number of parameters.
    pub fn n_params(&self) -> usize {
        self.w_claim.len()
            + self.w_pass.len()
            + self.w_pair.len()
            + self.w_dense.len()
            + self.b1.len()
            + self.w2.len()
            + self.b2.len()
    }
}

/// Softmax of logits.
pub fn softmax(l: &[f32; N_OUT]) -> [f32; N_OUT] {
    let m = l.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut e = [0f32; N_OUT];
    let mut s = 0.0;
    for (ei, &li) in e.iter_mut().zip(l) {
        *ei = (li - m).exp();
        s += *ei;
    }
    for ei in &mut e {
        *ei /= s;
    }
    e
}
