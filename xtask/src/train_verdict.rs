//! `cargo xtask train verdict`: fits the voice and claim models on Emergent
//! dev with cross-validation grouped by claim, chooses the claim model's
//! regularisation and class balance there, and writes
//! `crates/veracity-verdict/models/verdict-v1.json`.

use anyhow::{Context, Result};
use clap::Args;
use std::path::PathBuf;
use veracity_eval::emergent::{
    ClaimInput, Emergent, Hyper, Metrics, cross_validate, fit_models, prepare,
};
use veracity_eval::train::logistic::FitConfig;
use veracity_stance::StanceModel;

/// Options of `cargo xtask train verdict`.
#[derive(Args)]
pub struct VerdictArgs {
    /// The Emergent folder (labels.jsonl, articles.jsonl, claims/).
    #[arg(long, default_value = "../shared/data/emergent")]
    data: PathBuf,
    /// Folds of the cross-validation.
    #[arg(long, default_value_t = 5)]
    folds: usize,
    /// Repetitions of the cross-validation (each with other folds).
    #[arg(long, default_value_t = 5)]
    repeats: u64,
    /// Where to write the model [default: crates/veracity-verdict/models/verdict-v1.json].
    #[arg(long)]
    out: Option<PathBuf>,
    /// Do not write the model.
    #[arg(long)]
    dry_run: bool,
}

/// The claim model's settings tried: L2 per sample × class balance.
const GRID_L2: [f64; 2] = [0.1, 0.01];
const GRID_BALANCE: [f64; 4] = [0.0, 0.5, 0.75, 1.0];

pub fn run(args: VerdictArgs) -> Result<bool> {
    let data = Emergent::read(&args.data)?;
    let scorer = StanceModel::try_builtin().context("loading the stance model")?;
    eprintln!(
        "reading {} claims from {}",
        data.claims.len(),
        args.data.display()
    );
    let claims: Vec<ClaimInput> = prepare(&data, scorer);
    let articles: usize = claims.iter().map(|c| c.articles.len()).sum();
    let bearing: usize = claims
        .iter()
        .map(|c| c.articles.iter().filter(|a| a.bearing).count())
        .sum();
    println!(
        "{} claims, {articles} articles ({bearing} found bearing on their claim)",
        claims.len()
    );
    println!(
        "claim model grid ({}-fold CV grouped by claim, {} repetitions): l2, balance -> accuracy, macro-F1, ECE",
        args.folds, args.repeats
    );
    let mut best: Option<(f64, Hyper, Metrics)> = None;
    for l2 in GRID_L2 {
        for balance in GRID_BALANCE {
            let hyper = Hyper {
                claim: FitConfig {
                    l2,
                    balance,
                    ..FitConfig::default()
                },
                sentence_decisive: f64::INFINITY,
                ..Hyper::default()
            };
            let m = cross_validate(&claims, &hyper, args.folds, args.repeats);
            println!(
                "  {l2:<6} {balance:<4} -> {:.3} {:.3} {:.3}",
                m.accuracy, m.macro_f1, m.ece
            );
            let score = m.accuracy + m.macro_f1;
            if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                best = Some((score, hyper, m));
            }
        }
    }
    let (_, mut hyper, mut cv) = best.context("empty grid")?;
    println!("sentence evidence deciding when the claim model cannot tell (confidence at least):");
    for decisive in [0.4, 0.5, 0.6, f64::INFINITY] {
        let h = Hyper {
            sentence_decisive: decisive,
            ..hyper
        };
        let m = cross_validate(&claims, &h, args.folds, args.repeats);
        if decisive == veracity_verdict::SENTENCE_DECISIVE {
            cv = m.clone();
        }
        println!(
            "  {} -> {:.3} {:.3} {:.3}",
            if decisive.is_infinite() {
                "never".to_owned()
            } else {
                decisive.to_string()
            },
            m.accuracy,
            m.macro_f1,
            m.ece
        );
    }
    hyper.sentence_decisive = veracity_verdict::SENTENCE_DECISIVE;
    println!(
        "chosen: l2 {}, balance {}, sentence evidence decisive at {}; cross-validated on Emergent dev:",
        hyper.claim.l2, hyper.claim.balance, hyper.sentence_decisive
    );
    print!("{cv}");
    let all: Vec<&ClaimInput> = claims.iter().collect();
    let mut model = fit_models(&all, &hyper);
    model.dev = format!(
        "Emergent dev, {}-fold CV grouped by claim x{}: accuracy {:.3}, macro-F1 {:.3}, ECE {:.3} (claim model l2 {}, balance {})",
        args.folds,
        args.repeats,
        cv.accuracy,
        cv.macro_f1,
        cv.ece,
        hyper.claim.l2,
        hyper.claim.balance
    );
    if args.dry_run {
        return Ok(true);
    }
    let out = args.out.unwrap_or_else(|| {
        crate::workspace_root().join("crates/veracity-verdict/models/verdict-v1.json")
    });
    let mut json = serde_json::to_string_pretty(&model)?;
    json.push('\n');
    crate::train::write_atomic(&out, json.as_bytes())?;
    eprintln!("wrote {}", out.display());
    Ok(true)
}
