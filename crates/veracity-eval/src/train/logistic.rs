//! Multinomial logistic regression fitted by full-batch gradient descent on
//! standardised features, with L2 on the weights (not the bias) and
//! per-class sample weights. Deterministic: no sampling, fixed steps.

use veracity_verdict::{Logistic, softmax};

/// How a logistic regression is fitted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FitConfig {
    /// L2 penalty on the weights, per sample (sklearn's `1 / (C n)`).
    pub l2: f64,
    /// Class balance: sample weight `(n / (k n_c))^balance`; 0 none, 1 full.
    pub balance: f64,
    /// Gradient steps.
    pub steps: usize,
    /// Step size.
    pub rate: f64,
}

impl Default for FitConfig {
    fn default() -> Self {
        FitConfig {
            l2: 0.01,
            balance: 0.0,
            steps: 3000,
            rate: 0.5,
        }
    }
}

/// Fits `classes.len()` classes to the rows `x` (all the same length) with
/// labels `y` (class indices).
pub fn fit(x: &[Vec<f64>], y: &[usize], classes: &[&str], config: &FitConfig) -> Logistic {
    let k = classes.len();
    let d = x.first().map_or(0, Vec::len);
    let mut model = Logistic::uniform(classes, d);
    if x.is_empty() {
        return model;
    }
    let n = x.len() as f64;
    for j in 0..d {
        let mean = x.iter().map(|r| r[j]).sum::<f64>() / n;
        let var = x.iter().map(|r| (r[j] - mean).powi(2)).sum::<f64>() / n;
        model.mean[j] = mean;
        model.scale[j] = if var > 1e-12 { var.sqrt() } else { 1.0 };
    }
    let z: Vec<Vec<f64>> = x.iter().map(|r| model.standardise(r)).collect();
    let mut counts = vec![0usize; k];
    for &c in y {
        counts[c] += 1;
    }
    let class_weight: Vec<f64> = counts
        .iter()
        .map(|&c| {
            if c == 0 {
                0.0
            } else {
                (n / (k as f64 * c as f64)).powf(config.balance)
            }
        })
        .collect();
    let total_weight: f64 = y.iter().map(|&c| class_weight[c]).sum();
    let mut w = vec![vec![0.0; d + 1]; k];
    let mut grad = vec![vec![0.0; d + 1]; k];
    for _ in 0..config.steps {
        for g in grad.iter_mut() {
            g.iter_mut().for_each(|v| *v = 0.0);
        }
        for (row, &label) in z.iter().zip(y) {
            let logits: Vec<f64> = w
                .iter()
                .map(|wc| wc[0] + wc[1..].iter().zip(row).map(|(a, b)| a * b).sum::<f64>())
                .collect();
            let p = softmax(&logits);
            let sw = class_weight[label];
            for c in 0..k {
                let err = sw * (p[c] - f64::from(u8::from(c == label)));
                grad[c][0] += err;
                for j in 0..d {
                    grad[c][j + 1] += err * row[j];
                }
            }
        }
        for c in 0..k {
            for j in 0..=d {
                let penalty = if j == 0 { 0.0 } else { config.l2 * w[c][j] };
                w[c][j] -= config.rate * (grad[c][j] / total_weight + penalty);
            }
        }
    }
    model.weights = w;
    model
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separates_separable_classes_deterministically() {
        let x: Vec<Vec<f64>> = (0..60)
            .map(|i| vec![(i % 3) as f64 + 0.1 * (i % 7) as f64, (i % 5) as f64])
            .collect();
        let y: Vec<usize> = (0..60).map(|i| i % 3).collect();
        let cfg = FitConfig::default();
        let m = fit(&x, &y, &["a", "b", "c"], &cfg);
        let right = x
            .iter()
            .zip(&y)
            .filter(|(r, c)| {
                let p = m.probabilities(r);
                let best = (0..3).max_by(|&a, &b| p[a].total_cmp(&p[b])).unwrap();
                best == **c
            })
            .count();
        assert!(right >= 55, "{right} of 60");
        assert_eq!(m, fit(&x, &y, &["a", "b", "c"], &cfg));
    }
}
