//! `cargo xtask train stance`: trains the stance model on FNC-1 and writes
//! its weights (deterministic for a given seed), printing the dev figures.

use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand, ValueEnum};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use veracity_eval::fnc::{Metrics, Pair, read_bodies, read_stances};
use veracity_eval::train::{Split, TrainOptions, train_fnc};

/// What to train.
#[derive(Subcommand)]
pub enum Model {
    /// The stance model (agree / disagree / discuss / unrelated), on FNC-1.
    Stance(StanceArgs),
    /// The verdict's voice and claim models, on Emergent dev.
    Verdict(crate::train_verdict::VerdictArgs),
    /// The evidence model (supports / refutes / neutral), on claim-evidence pairs.
    Evidence(Box<crate::train_evidence::EvidenceArgs>),
}

/// Options of `cargo xtask train stance`.
#[derive(Args)]
pub struct StanceArgs {
    /// FNC-1 directory holding train_bodies.csv and train_stances.csv.
    #[arg(long, default_value = "../shared/data/fnc-1")]
    data: PathBuf,
    /// Seed of initialisation, shuffling, dropout and augmentation.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Where to write the weights [default: crates/veracity-stance/models/stance-v1.bin].
    #[arg(long)]
    out: Option<PathBuf>,
    /// Train/dev split: by body id (the reported figures) or by topic (stricter).
    #[arg(long, value_enum, default_value_t = SplitArg::Body)]
    split: SplitArg,
    /// Training epochs.
    #[arg(long)]
    epochs: Option<usize>,
    /// Switch off dense feature groups (comma-separated), for ablation.
    #[arg(long, value_delimiter = ',')]
    disable: Vec<String>,
    /// Switch off the per-pair cue-word inputs.
    #[arg(long)]
    no_cues: bool,
    /// Fraction of training pairs also used with a sentence window as passage.
    #[arg(long)]
    augment: Option<f32>,
    /// Hashed term-frequency inputs of claim and passage (bits; 0 = off).
    #[arg(long)]
    sparse_bits: Option<u32>,
    /// Do not write weights (ablation and experiments).
    #[arg(long)]
    dry_run: bool,
    /// Print the ablation table (every feature group off in turn, seeds 1-3,
    /// body and topic splits). Takes several minutes; writes no weights.
    #[arg(long)]
    ablation: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum SplitArg {
    Body,
    Topic,
}

/// The FNC-1 training bodies and stances in `dir` (../shared/data/fnc-1).
pub(crate) fn read_fnc(dir: &Path) -> Result<(HashMap<String, String>, Vec<Pair>)> {
    let bodies_path = dir.join("train_bodies.csv");
    let stances_path = dir.join("train_stances.csv");
    if !bodies_path.is_file() || !stances_path.is_file() {
        bail!(
            "FNC-1 data not found in {} (expected train_bodies.csv and train_stances.csv); pass --data DIR",
            dir.display()
        );
    }
    Ok((read_bodies(&bodies_path)?, read_stances(&stances_path)?))
}

/// Runs `cargo xtask train <model>`.
pub fn run(model: Model) -> Result<bool> {
    let args = match model {
        Model::Stance(args) => args,
        Model::Verdict(args) => return crate::train_verdict::run(args),
        Model::Evidence(args) => return crate::train_evidence::run(&args),
    };
    let (bodies, pairs) = read_fnc(&args.data)?;
    if args.ablation {
        return ablation(&bodies, &pairs).map(|()| true);
    }
    let opts = options(&args, args.seed, &args.disable, args.no_cues, args.augment);
    let outcome = train_fnc(&bodies, &pairs, &opts, &mut |line| eprintln!("{line}"));
    println!("dev split: {}", outcome.model.header().dev_split);
    println!("dev pairs: {}", outcome.model.header().dev.pairs);
    print!("{}", outcome.dev);
    if let Some(w) = &outcome.windows {
        println!(
            "dev sentence windows: FNC {:.2}%  macro-F1 {:.4}",
            w.fnc_percent(),
            w.macro_f1()
        );
    }
    if args.dry_run {
        return Ok(true);
    }
    let out = args.out.clone().unwrap_or_else(|| {
        crate::workspace_root().join("crates/veracity-stance/models/stance-v1.bin")
    });
    let bytes = outcome.model.to_bytes();
    write_atomic(&out, &bytes)?;
    eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
    Ok(true)
}

fn options(
    args: &StanceArgs,
    seed: u64,
    disable: &[String],
    no_cues: bool,
    augment: Option<f32>,
) -> TrainOptions {
    let mut o = TrainOptions {
        seed,
        ..TrainOptions::default()
    };
    o.split = match args.split {
        SplitArg::Body => Split::Body,
        SplitArg::Topic => Split::Topic,
    };
    if let Some(e) = args.epochs {
        o.epochs = e;
    }
    if let Some(b) = args.sparse_bits {
        o.sparse_bits = b;
    }
    if let Some(a) = augment {
        o.augment = a;
    }
    o.pair_sparse.cues = !no_cues;
    o.disabled_groups = disable.to_vec();
    o
}

pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("creating a temporary file in {}", dir.display()))?;
    std::io::Write::write_all(&mut tmp, bytes)
        .with_context(|| format!("writing {}", path.display()))?;
    tmp.persist(path)
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// Seeds averaged in the ablation table.
const ABLATION_SEEDS: [u64; 3] = [1, 2, 3];

/// Prints the ablation table: the default configuration, then each feature
/// group switched off in turn, then the cue words, the augmentation and the
/// hashed term-frequency inputs; mean over three seeds, on the body split and
/// on the stricter topic split.
fn ablation(
    bodies: &std::collections::HashMap<String, String>,
    pairs: &[veracity_eval::fnc::Pair],
) -> Result<()> {
    type Tweak = Box<dyn Fn(&mut TrainOptions)>;
    let mut configs: Vec<(String, Tweak)> =
        vec![("default model".into(), Box::new(|_: &mut TrainOptions| {}))];
    for g in veracity_stance::GROUPS {
        let name = format!("{g:?}");
        configs.push((
            format!("- {name} features"),
            Box::new(move |o: &mut TrainOptions| o.disabled_groups = vec![name.clone()]),
        ));
    }
    configs.push((
        "- all overlap groups (Overlap, Cosine, Bm25, Ngram, Entities, Sentence)".into(),
        Box::new(|o: &mut TrainOptions| {
            o.disabled_groups = ["Overlap", "Cosine", "Bm25", "Ngram", "Entities", "Sentence"]
                .map(String::from)
                .to_vec()
        }),
    ));
    configs.push((
        "- cue words (one input per word)".into(),
        Box::new(|o: &mut TrainOptions| o.pair_sparse.cues = false),
    ));
    configs.push((
        "- sentence-window augmentation".into(),
        Box::new(|o: &mut TrainOptions| o.augment = 0.0),
    ));
    configs.push((
        "+ hashed term frequencies (2^13 per text)".into(),
        Box::new(|o: &mut TrainOptions| o.sparse_bits = 13),
    ));
    println!(
        "| configuration | body: FNC % | body: macro-F1 | body: windows FNC % | topic: FNC % | topic: macro-F1 | topic: windows FNC % |"
    );
    println!("|---|---|---|---|---|---|---|");
    for (name, tweak) in &configs {
        let mut cells = Vec::new();
        for split in [Split::Body, Split::Topic] {
            let (mut fnc, mut f1, mut win) = (0.0, 0.0, 0.0);
            for seed in ABLATION_SEEDS {
                let mut o = TrainOptions {
                    seed,
                    split,
                    ..TrainOptions::default()
                };
                tweak(&mut o);
                let r = train_fnc(bodies, pairs, &o, &mut |_| {});
                fnc += r.dev.fnc_percent();
                f1 += r.dev.macro_f1();
                win += r.windows.as_ref().map_or(0.0, Metrics::fnc_percent);
            }
            let n = ABLATION_SEEDS.len() as f64;
            cells.push(format!("{:.2}", fnc / n));
            cells.push(format!("{:.3}", f1 / n));
            cells.push(format!("{:.2}", win / n));
        }
        println!("| {name} | {} |", cells.join(" | "));
    }
    println!(
        "\nmean of seeds {ABLATION_SEEDS:?}; body split: {}; topic split: connected components of related pairs, same rule on the smallest body id",
        veracity_eval::train::DEV_RULE
    );
    Ok(())
}
