//! FNC-1 data files (`Body ID,articleBody` and `Headline,Body ID,Stance`) and
//! the official FNC-1 metric plus macro-F1.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Instant;
use veracity_model::Stance;
use veracity_stance::StanceModel;

pub use veracity_model::StanceLabel;

/// Index of a label in model output order (agree, disagree, discuss, unrelated),
/// the order of [`StanceLabel::ALL`].
pub fn label_index(label: StanceLabel) -> usize {
    match label {
        StanceLabel::Agree => 0,
        StanceLabel::Disagree => 1,
        StanceLabel::Discuss => 2,
        StanceLabel::Unrelated => 3,
    }
}

/// Label of an output index (indices past 3 give `Unrelated`).
pub fn label_from_index(i: usize) -> StanceLabel {
    StanceLabel::ALL
        .get(i)
        .copied()
        .unwrap_or(StanceLabel::Unrelated)
}

/// Parses an FNC-1 stance name (case-insensitive, trimmed).
pub fn parse_label(s: &str) -> Option<StanceLabel> {
    let s = s.trim();
    StanceLabel::ALL
        .into_iter()
        .find(|l| l.as_str().eq_ignore_ascii_case(s))
}

/// Error reading an FNC-1 file.
#[derive(Debug, thiserror::Error)]
#[error("{}: {message}", path.display())]
pub struct FncError {
    /// The file.
    pub path: PathBuf,
    /// What went wrong.
    pub message: String,
}

fn err(path: &Path, message: impl Into<String>) -> FncError {
    FncError {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

/// One headline/body pair.
#[derive(Clone, Debug)]
pub struct Pair {
    /// The headline (claim).
    pub headline: String,
    /// The body id.
    pub body_id: String,
    /// The gold stance, when the file has a `Stance` column.
    pub label: Option<StanceLabel>,
}

fn open(path: &Path) -> Result<csv::Reader<std::fs::File>, FncError> {
    csv::ReaderBuilder::new()
        .flexible(false)
        .from_path(path)
        .map_err(|e| err(path, format!("cannot open: {e}")))
}

fn column(headers: &csv::StringRecord, name: &str, path: &Path) -> Result<usize, FncError> {
    headers
        .iter()
        .position(|h| h.trim().trim_start_matches('\u{feff}').eq_ignore_ascii_case(name))
        .ok_or_else(|| err(path, format!("missing column `{name}` (expected header `Body ID,articleBody` or `Headline,Body ID,Stance`)")))
}

/// Reads a bodies file into a map from body id to text.
pub fn read_bodies(path: &Path) -> Result<HashMap<String, String>, FncError> {
    let mut rdr = open(path)?;
    let headers = rdr
        .headers()
        .map_err(|e| err(path, format!("bad header: {e}")))?
        .clone();
    let id_col = column(&headers, "Body ID", path)?;
    let body_col = column(&headers, "articleBody", path)?;
    let mut out = HashMap::new();
    for (n, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| err(path, format!("bad CSV record {}: {e}", n + 1)))?;
        let id = rec.get(id_col).unwrap_or("").trim().to_string();
        if id.is_empty() {
            return Err(err(path, format!("record {} has an empty Body ID", n + 1)));
        }
        out.insert(id, rec.get(body_col).unwrap_or("").to_string());
    }
    if out.is_empty() {
        return Err(err(path, "no bodies found"));
    }
    Ok(out)
}

/// Reads a stances file. The `Stance` column is optional (unlabelled test files).
pub fn read_stances(path: &Path) -> Result<Vec<Pair>, FncError> {
    let mut rdr = open(path)?;
    let headers = rdr
        .headers()
        .map_err(|e| err(path, format!("bad header: {e}")))?
        .clone();
    let h_col = column(&headers, "Headline", path)?;
    let id_col = column(&headers, "Body ID", path)?;
    let s_col = column(&headers, "Stance", path).ok();
    let mut out = Vec::new();
    for (n, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| err(path, format!("bad CSV record {}: {e}", n + 1)))?;
        let label = match s_col {
            Some(c) => {
                let s = rec.get(c).unwrap_or("");
                Some(parse_label(s).ok_or_else(|| {
                    err(path, format!("record {}: unknown stance `{s}` (expected agree, disagree, discuss or unrelated)", n + 1))
                })?)
            }
            None => None,
        };
        out.push(Pair {
            headline: rec.get(h_col).unwrap_or("").to_string(),
            body_id: rec.get(id_col).unwrap_or("").trim().to_string(),
            label,
        });
    }
    if out.is_empty() {
        return Err(err(path, "no stance rows found"));
    }
    Ok(out)
}

/// Evaluation figures.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metrics {
    /// `confusion[gold][predicted]`.
    pub confusion: [[u64; 4]; 4],
    /// FNC-1 points scored.
    pub fnc_score: f64,
    /// FNC-1 points of a perfect system.
    pub fnc_max: f64,
    /// F1 per class, in label order.
    pub f1: [f64; 4],
}

impl Metrics {
    /// Computes the metrics of predictions against gold labels.
    pub fn compute(gold: &[StanceLabel], pred: &[StanceLabel]) -> Metrics {
        let mut m = Metrics::default();
        for (&g, &p) in gold.iter().zip(pred) {
            m.confusion[label_index(g)][label_index(p)] += 1;
            let g_rel = g != StanceLabel::Unrelated;
            let p_rel = p != StanceLabel::Unrelated;
            m.fnc_max += if g_rel { 1.0 } else { 0.25 };
            if g_rel == p_rel {
                m.fnc_score += 0.25;
            }
            if g_rel && g == p {
                m.fnc_score += 0.75;
            }
        }
        for c in 0..4 {
            let tp = m.confusion[c][c] as f64;
            let gold_n: u64 = m.confusion[c].iter().sum();
            let pred_n: u64 = (0..4).map(|g| m.confusion[g][c]).sum();
            let denom = gold_n as f64 + pred_n as f64;
            m.f1[c] = if denom > 0.0 { 2.0 * tp / denom } else { 0.0 };
        }
        m
    }

    /// FNC score as a percentage of the maximum.
    pub fn fnc_percent(&self) -> f64 {
        if self.fnc_max > 0.0 {
            100.0 * self.fnc_score / self.fnc_max
        } else {
            0.0
        }
    }

    /// Mean F1 over the four classes.
    pub fn macro_f1(&self) -> f64 {
        self.f1.iter().sum::<f64>() / 4.0
    }

    /// Accuracy.
    pub fn accuracy(&self) -> f64 {
        let total: u64 = self.confusion.iter().flatten().sum();
        let right: u64 = (0..4).map(|c| self.confusion[c][c]).sum();
        if total == 0 {
            0.0
        } else {
            right as f64 / total as f64
        }
    }
}

impl fmt::Display for Metrics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "FNC score: {:.2} / {:.2} = {:.2}%   macro-F1: {:.4}   accuracy: {:.4}",
            self.fnc_score,
            self.fnc_max,
            self.fnc_percent(),
            self.macro_f1(),
            self.accuracy()
        )?;
        write!(f, "F1:")?;
        for l in StanceLabel::ALL {
            write!(f, "  {} {:.4}", l.as_str(), self.f1[label_index(l)])?;
        }
        writeln!(f)?;
        writeln!(f, "confusion (rows gold, columns predicted):")?;
        writeln!(
            f,
            "{:>10} {:>9} {:>9} {:>9} {:>9}",
            "", "agree", "disagree", "discuss", "unrelated"
        )?;
        for l in StanceLabel::ALL {
            let r = &self.confusion[label_index(l)];
            writeln!(
                f,
                "{:>10} {:>9} {:>9} {:>9} {:>9}",
                l.as_str(),
                r[0],
                r[1],
                r[2],
                r[3]
            )?;
        }
        Ok(())
    }
}

/// Result of scoring FNC-1 pairs.
pub struct EvalOutcome {
    /// One prediction per input pair (pairs with a missing body get `None`).
    pub predictions: Vec<Option<Stance>>,
    /// Metrics over the labelled pairs with a body.
    pub metrics: Metrics,
    /// Pairs scored.
    pub scored: usize,
    /// Seconds spent preparing texts and scoring (excludes file reading).
    pub seconds: f64,
    /// Of which preparing the distinct texts.
    pub prepare_seconds: f64,
}

/// Scores pairs with a model, preparing each distinct text once.
/// `filter` selects which pairs to score (e.g. the dev split).
pub fn evaluate(
    model: &StanceModel,
    bodies: &HashMap<String, String>,
    pairs: &[Pair],
    filter: &dyn Fn(&Pair) -> bool,
) -> EvalOutcome {
    let t0 = Instant::now();
    let mut claims: HashMap<&str, usize> = HashMap::new();
    let mut passages: HashMap<&str, usize> = HashMap::new();
    let mut pc = Vec::new();
    let mut pp = Vec::new();
    let mut jobs = Vec::new();
    for (i, p) in pairs.iter().enumerate() {
        if !filter(p) {
            continue;
        }
        let Some(body) = bodies.get(&p.body_id) else {
            continue;
        };
        let c = *claims.entry(p.headline.as_str()).or_insert_with(|| {
            pc.push(model.prepare_claim(&p.headline));
            pc.len() - 1
        });
        let b = *passages.entry(p.body_id.as_str()).or_insert_with(|| {
            pp.push(model.prepare_passage(body));
            pp.len() - 1
        });
        jobs.push((i, c, b));
    }
    let prep_secs = t0.elapsed().as_secs_f64();
    // Score passage by passage: each passage's index stays in cache.
    jobs.sort_unstable_by_key(|&(i, c, b)| (b, c, i));
    let mut predictions = vec![None; pairs.len()];
    for &(i, c, b) in &jobs {
        predictions[i] = Some(model.score_prepared(&pc[c], &pp[b]));
    }
    let seconds = t0.elapsed().as_secs_f64();
    let mut gold = Vec::new();
    let mut pred = Vec::new();
    for (p, pr) in pairs.iter().zip(&predictions) {
        if let (Some(g), Some(s)) = (p.label, pr) {
            gold.push(g);
            pred.push(s.label);
        }
    }
    EvalOutcome {
        predictions,
        metrics: Metrics::compute(&gold, &pred),
        scored: jobs.len(),
        seconds,
        prepare_seconds: prep_secs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use StanceLabel::*;

    #[test]
    fn metric_on_hand_computed_example() {
        // gold:  agree, disagree, discuss, unrelated, unrelated
        // pred:  agree, discuss,  unrelated, unrelated, agree
        // points: 1.0 + 0.25 + 0 + 0.25 + 0 = 1.5; max: 1 + 1 + 1 + 0.25 + 0.25 = 3.5
        let gold = [Agree, Disagree, Discuss, Unrelated, Unrelated];
        let pred = [Agree, Discuss, Unrelated, Unrelated, Agree];
        let m = Metrics::compute(&gold, &pred);
        assert!((m.fnc_score - 1.5).abs() < 1e-12);
        assert!((m.fnc_max - 3.5).abs() < 1e-12);
        // agree: tp 1, gold 1, pred 2 -> 2/3; disagree 0; discuss 0; unrelated: tp 1, gold 2, pred 2 -> 0.5
        assert!((m.f1[0] - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(m.f1[1], 0.0);
        assert_eq!(m.f1[2], 0.0);
        assert!((m.f1[3] - 0.5).abs() < 1e-12);
        assert!((m.macro_f1() - (2.0 / 3.0 + 0.5) / 4.0).abs() < 1e-12);
        assert_eq!(m.confusion[1][2], 1);
    }

    #[test]
    fn labels_round_trip() {
        for l in StanceLabel::ALL {
            assert_eq!(parse_label(l.as_str()), Some(l));
            assert_eq!(parse_label(&l.as_str().to_uppercase()), Some(l));
            assert_eq!(label_from_index(label_index(l)), l);
        }
        assert_eq!(parse_label("nope"), None);
    }
}
