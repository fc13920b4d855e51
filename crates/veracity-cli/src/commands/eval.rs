//! `veracity eval fnc1 --bodies B.csv --stances S.csv [--predictions OUT.csv]`:
//! scores FNC-1-format pairs with the built-in stance model and prints the
//! FNC-1 score, macro-F1, per-class F1, the confusion matrix and the speed.

use crate::Outcome;
use crate::output;
use anyhow::{Context, Result};
use std::fmt::Write as _;
use std::path::Path;
use veracity_verdict::stance::StanceModel;
use veracity_verdict::stance::fnc::{Pair, evaluate, read_bodies, read_stances};

pub fn fnc1(bodies: &Path, stances: &Path, predictions: Option<&Path>) -> Result<Outcome> {
    let body_map = read_bodies(bodies)?;
    let pairs = read_stances(stances)?;
    let model = StanceModel::try_builtin().context("cannot load the built-in stance model")?;
    let missing: Vec<&Pair> = pairs
        .iter()
        .filter(|p| !body_map.contains_key(&p.body_id))
        .collect();
    if let Some(first) = missing.first() {
        eprintln!(
            "veracity: warning: {} of {} pairs in {} name a Body ID missing from {} (first: `{}`); they are skipped",
            missing.len(),
            pairs.len(),
            stances.display(),
            bodies.display(),
            first.body_id
        );
    }
    let result = evaluate(model, &body_map, &pairs, &|_| true);
    let mut text = String::new();
    let labelled = pairs
        .iter()
        .filter(|p| p.label.is_some() && body_map.contains_key(&p.body_id))
        .count();
    writeln!(text, "pairs scored: {} of {}", result.scored, pairs.len())?;
    if labelled > 0 {
        write!(text, "{}", result.metrics)?;
    } else {
        writeln!(
            text,
            "no Stance column in {}: predictions only",
            stances.display()
        )?;
    }
    let rate = if result.seconds > 0.0 {
        result.scored as f64 / result.seconds
    } else {
        0.0
    };
    writeln!(
        text,
        "speed: {rate:.0} pairs/s ({:.3} s, one thread, each distinct text prepared once)",
        result.seconds
    )?;
    output::stdout(text.as_bytes())?;
    if let Some(path) = predictions {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record([
            "Headline",
            "Body ID",
            "Stance",
            "agree",
            "disagree",
            "discuss",
            "unrelated",
        ])?;
        for (p, pred) in pairs.iter().zip(&result.predictions) {
            let Some(s) = pred else { continue };
            let sc = &s.scores;
            w.write_record([
                p.headline.as_str(),
                p.body_id.as_str(),
                s.label.as_str(),
                &format!("{:.6}", sc.agree),
                &format!("{:.6}", sc.disagree),
                &format!("{:.6}", sc.discuss),
                &format!("{:.6}", sc.unrelated),
            ])?;
        }
        let bytes = w
            .into_inner()
            .context("cannot encode the predictions CSV")?;
        output::write_atomically(path, &bytes)?;
        eprintln!("wrote {} predictions to {}", result.scored, path.display());
    }
    Ok(Outcome::Success)
}
