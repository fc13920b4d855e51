//! Calibration of a verdict's confidence: does a confidence of 0.7 come
//! true 70% of the time? Ten equal-width bins; the expected calibration
//! error is the bins' gap between mean confidence and accuracy, weighted by
//! how many predictions fall in each.

/// One bin of the reliability table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bin {
    /// The bin's lower confidence bound.
    pub from: f64,
    /// Predictions in it.
    pub count: usize,
    /// Their mean confidence.
    pub confidence: f64,
    /// The share of them that were right.
    pub accuracy: f64,
}

/// The expected calibration error and the reliability table (empty bins
/// left out) of `(right, confidence)` predictions.
pub fn calibration(rows: &[(bool, f64)]) -> (f64, Vec<Bin>) {
    let n = rows.len().max(1) as f64;
    let mut ece = 0.0;
    let mut bins = Vec::new();
    for b in 0..10 {
        let in_bin: Vec<&(bool, f64)> = rows
            .iter()
            .filter(|r| ((r.1 * 10.0).floor().max(0.0) as usize).min(9) == b)
            .collect();
        if in_bin.is_empty() {
            continue;
        }
        let k = in_bin.len() as f64;
        let confidence = in_bin.iter().map(|r| r.1).sum::<f64>() / k;
        let accuracy = in_bin.iter().filter(|r| r.0).count() as f64 / k;
        ece += k / n * (confidence - accuracy).abs();
        bins.push(Bin {
            from: b as f64 / 10.0,
            count: in_bin.len(),
            confidence,
            accuracy,
        });
    }
    (ece, bins)
}

/// The reliability table as text, one bin a line.
pub fn reliability_table(bins: &[Bin]) -> String {
    let mut out =
        String::from("reliability (confidence bin: predictions, mean confidence, accuracy)\n");
    for b in bins {
        out.push_str(&format!(
            "  {:.1}-{:.1}: {:>4}, {:.3}, {:.3}\n",
            b.from,
            b.from + 0.1,
            b.count,
            b.confidence,
            b.accuracy
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfectly_calibrated_and_overconfident() {
        let fair: Vec<(bool, f64)> = (0..10).map(|i| (i < 7, 0.7)).collect();
        assert!(calibration(&fair).0 < 1e-9);
        let over: Vec<(bool, f64)> = (0..10).map(|i| (i < 5, 0.95)).collect();
        let (ece, bins) = calibration(&over);
        assert!((ece - 0.45).abs() < 1e-9);
        assert_eq!(bins.len(), 1);
        assert_eq!(calibration(&[]).1.len(), 0);
    }
}
