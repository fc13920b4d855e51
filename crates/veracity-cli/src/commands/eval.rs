//! `veracity eval fnc1 --bodies B.csv --stances S.csv [--predictions OUT.csv]`:
//! scores FNC-1-format pairs with the built-in stance model and prints the
//! FNC-1 score, macro-F1, per-class F1, the confusion matrix and the speed.
//!
//! `veracity eval climate-fever --data FILE [--predictions OUT.jsonl]`:
//! labels Climate-FEVER claims from their evidence sentences and prints
//! claim-level accuracy and macro-F1 and evidence-level stance accuracy.
//!
//! `veracity eval emergent --data DIR [--predictions OUT.jsonl]`: checks
//! each Emergent claim against its folder of articles, as `veracity check`
//! does, and prints accuracy, macro-F1, the confusion matrix and
//! calibration.

use crate::Outcome;
use crate::output;
use anyhow::{Context, Result};
use std::fmt::Write as _;
use std::path::Path;
use veracity_eval::fnc::{Pair, evaluate, read_bodies, read_stances};
use veracity_stance::StanceModel;

pub fn fnc1(bodies: &Path, stances: &Path, predictions: Option<&Path>) -> Result<Outcome> {
    check_predictions_path(predictions)?;
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

pub fn climate_fever(data: &Path, predictions: Option<&Path>) -> Result<Outcome> {
    check_predictions_path(predictions)?;
    use veracity_eval::climate_fever as cf;
    let text = std::fs::read_to_string(data).with_context(|| {
        format!(
            "cannot read {}; give a Climate-FEVER JSONL file",
            data.display()
        )
    })?;
    let claims = cf::parse(&text).with_context(|| {
        format!(
            "{} is not Climate-FEVER JSONL (one claim object per line)",
            data.display()
        )
    })?;
    let model = StanceModel::try_builtin().context("cannot load the built-in stance model")?;
    let scored = cf::score_all(&claims, model);
    let params = cf::CfParams::default();
    let all: Vec<usize> = (0..claims.len()).collect();
    let (_, held_out) = cf::split(claims.len());
    let mut out = String::new();
    writeln!(
        out,
        "climate-fever: {} claims from {}, stance model {}",
        claims.len(),
        data.display(),
        veracity_verdict::StanceScorer::name(model)
    )?;
    for (name, indices) in [
        ("all claims", &all),
        ("odd half (held out from threshold tuning)", &held_out),
    ] {
        let m = cf::evaluate(&claims, &scored, indices, &params);
        writeln!(
            out,
            "{name}: {} claims, accuracy {:.3}, macro-F1 {:.3}, expected calibration error {:.3}; {} evidence sentences, stance accuracy {:.3}",
            m.claims, m.accuracy, m.macro_f1, m.ece, m.evidences, m.evidence_accuracy
        )?;
        writeln!(
            out,
            "  confusion (rows gold, columns predicted: {})",
            cf::LABELS.join(", ")
        )?;
        for (label, row) in cf::LABELS.iter().zip(m.confusion) {
            writeln!(out, "  {label:>15} {row:?}")?;
        }
    }
    output::stdout(out.as_bytes())?;
    if let Some(path) = predictions {
        let mut lines = String::new();
        for (c, s) in claims.iter().zip(&scored) {
            let pred = cf::predict(c, s, &params);
            let evidences: Vec<serde_json::Value> = c
                .evidences
                .iter()
                .zip(s)
                .zip(&pred.evidence_labels)
                .map(|((e, (stance, coverage)), label)| {
                    serde_json::json!({
                        "evidence_id": e.evidence_id,
                        "gold": e.evidence_label,
                        "predicted": label,
                        "stance": stance,
                        "coverage": coverage,
                    })
                })
                .collect();
            let line = serde_json::json!({
                "claim_id": c.claim_id,
                "gold": c.claim_label,
                "predicted": pred.label,
                "evidences": evidences,
            });
            writeln!(lines, "{line}")?;
        }
        output::write_atomically(path, lines.as_bytes())?;
        eprintln!("wrote {} predictions to {}", claims.len(), path.display());
    }
    Ok(Outcome::Success)
}

pub fn emergent(data: &Path, max_size: u64, predictions: Option<&Path>) -> Result<Outcome> {
    check_predictions_path(predictions)?;
    use veracity_eval::emergent::{self as em, Emergent};
    let set = Emergent::read(data)?;
    let options = veracity::CheckOptions::default();
    let mut rows = Vec::new();
    let mut lines = String::new();
    let mut failed = 0usize;
    for c in &set.claims {
        let folder = set.folder(c);
        let ingest = veracity::IngestOptions {
            parse: veracity_parse::Options { max_size },
            jobs: None,
        };
        let corpus = veracity::ingest(std::slice::from_ref(&folder), &ingest);
        let report = match veracity::check(corpus, std::slice::from_ref(&c.claim), &options) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("veracity: {}: {e}; counted as unknown", folder.display());
                failed += 1;
                rows.push((em::truth_index(&c.truth).unwrap_or(2), 2, 0.0));
                continue;
            }
        };
        let Some(v) = report.verdicts.first() else {
            failed += 1;
            continue;
        };
        let predicted = em::outcome_of(v.rating.class);
        let gold = em::truth_index(&c.truth).unwrap_or(2);
        rows.push((gold, predicted, v.confidence));
        let line = serde_json::json!({
            "claim_id": c.claim_id,
            "claim": c.claim,
            "truth": c.truth,
            "predicted": em::TRUTHS[predicted],
            "class": v.rating.class.as_str(),
            "value": v.rating.value,
            "confidence": v.confidence,
            "explanation": v.explanation,
        });
        lines.push_str(&line.to_string());
        lines.push('\n');
    }
    let m = em::metrics(&rows);
    let mut out = String::new();
    writeln!(
        out,
        "emergent: {} claims from {}",
        set.claims.len(),
        data.display()
    )?;
    if failed > 0 {
        writeln!(
            out,
            "{failed} claims could not be checked (counted as unknown)"
        )?;
    }
    write!(out, "{m}")?;
    writeln!(
        out,
        "the built-in verdict model was fitted on Emergent dev; on that split these figures are in-sample.\n\
         Its cross-validated figures: {}",
        veracity_verdict::VerdictModel::builtin().dev
    )?;
    output::stdout(out.as_bytes())?;
    if let Some(path) = predictions {
        output::write_atomically(path, lines.as_bytes())?;
        eprintln!("wrote {} predictions to {}", rows.len(), path.display());
    }
    Ok(Outcome::Success)
}

/// Fails before the evaluation runs when the predictions file cannot be
/// written.
fn check_predictions_path(predictions: Option<&Path>) -> Result<()> {
    predictions.map_or(Ok(()), output::check_writable)
}
