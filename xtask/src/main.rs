//! Project automation, run as `cargo xtask <task>`.

mod bench;
mod bench_adversarial;
mod bench_check;
mod bench_html;
mod bench_index;
mod bench_ingest;
mod bench_plugin;
mod check_examples;
mod codegen;
mod corpus;
mod eval_extract;
mod eval_parse;
mod eval_verdict;
mod fuzz;
mod screenshots;
mod train;
mod train_evidence;
mod train_verdict;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

// The allocator the `veracity` binary ships with, so that benchmarks
// measure what users run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(about = "veracity project automation", long_about = None)]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Regenerate the JSON Schemas in schemas/ from crates/veracity-model.
    Codegen {
        /// Only check that the committed schemas are current; exit 1 if not.
        #[arg(long)]
        check: bool,
    },
    /// Validate every schema against its metaschema and every JSON file under
    /// examples/ against its schema.
    CheckExamples,
    /// Train a model from the data in ../shared/data and write its weights.
    Train {
        #[command(subcommand)]
        model: train::Model,
    },
    /// Measure throughput.
    Bench {
        #[command(subcommand)]
        target: bench::Target,
    },
    /// Write a synthetic corpus of N plain-text documents (deterministic).
    GenCorpus {
        /// How many documents.
        #[arg(long, default_value_t = 1000)]
        docs: usize,
        /// The directory to write to.
        #[arg(long)]
        out: PathBuf,
    },
    /// Generated inputs through the parser and the plugin envelope: no
    /// panic, no hang, bounded memory (see docs/fuzzing.md).
    Fuzz(fuzz::FuzzArgs),
    /// Screenshots of the HTML report (example corpus and seeds) at desktop
    /// and phone widths in headless Chromium, into docs/screenshots/.
    Screenshots {
        /// The seeds folder (skipped with a message when absent).
        #[arg(long, default_value_os_t = eval_parse::default_seeds())]
        seeds: PathBuf,
        /// Where the PNGs go.
        #[arg(long, default_value = "docs/screenshots")]
        out: PathBuf,
    },
    /// Evaluations on the data in ../shared (never copied into the repository).
    Eval {
        #[command(subcommand)]
        eval: Eval,
    },
}

#[derive(Subcommand)]
enum Eval {
    /// Run `veracity check` on the seed pages and check the targets: engine
    /// `review` gives Partially True citing the Polygraph page; engine
    /// `evidence` does not give true or mostly true, and lists the October
    /// 2016 strike on a senior al-Nusra figure among the refuting evidence.
    CheckSeeds {
        /// The seeds directory.
        #[arg(long, default_value = "../shared/seeds")]
        dir: PathBuf,
    },
    /// Climate-FEVER claim accuracy, macro-F1 and evidence stance accuracy.
    ClimateFever {
        /// The JSONL file.
        #[arg(
            long,
            default_value = "../shared/data/climate-fever/climate-fever-dev.jsonl"
        )]
        data: PathBuf,
        /// What scores the evidence sentences: the FNC-1 stance model, or the
        /// evidence model (supports → agree, refutes → disagree, neutral →
        /// discuss).
        #[arg(long, value_enum, default_value_t = eval_verdict::CfScorer::Stance)]
        scorer: eval_verdict::CfScorer,
        /// Leave the verdict cues out (the scorer's stances as they are).
        #[arg(long)]
        no_cues: bool,
    },
    /// HTML main-content extraction: shingle precision, recall, F1, accuracy.
    Extract {
        /// Directory of <id>.html.gz or <id>.html pages.
        #[allow(
            rustdoc::invalid_html_tags,
            reason = "clap prints this line as --html's help, where <id> is a placeholder"
        )]
        #[arg(long, default_value = "../shared/data/article-extraction/html")]
        html: PathBuf,
        /// Truth file: { id: { "articleBody": ..., "url": ... } }.
        #[arg(
            long,
            default_value = "../shared/data/article-extraction/ground-truth-dev.json"
        )]
        truth: PathBuf,
        /// Also report the tuning split (first --tune ids, sorted) and the held-out rest.
        #[arg(long)]
        holdout: bool,
        /// Size of the tuning split.
        #[arg(long, default_value_t = 40)]
        tune: usize,
        /// One line per page.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Ingest the seed pages and print the parser checklist (tag page split,
    /// dates, boilerplate, the fact-check's review, Lavrov's quotes).
    Seeds {
        /// The seeds folder.
        #[arg(long, default_value_os_t = eval_parse::default_seeds())]
        dir: PathBuf,
    },
    /// Ingest the example corpus and print its checklist (tag page split,
    /// the mayor's quotes, the fact-check's review, boilerplate).
    Corpus {
        /// The corpus folder.
        #[arg(long, default_value_os_t = workspace_root().join("examples/corpus"))]
        dir: PathBuf,
    },
}

/// The workspace root (xtask lives one level below it).
pub fn workspace_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.task {
        Task::Codegen { check } => codegen::run(check),
        Task::CheckExamples => check_examples::run(),
        Task::Train { model } => train::run(model),
        Task::Bench { target } => bench::run(target),
        Task::GenCorpus { docs, out } => corpus::run(docs, &out),
        Task::Fuzz(args) => fuzz::run(&args),
        Task::Screenshots { seeds, out } => screenshots::run(&screenshots::Args { seeds, out }),
        Task::Eval {
            eval: Eval::CheckSeeds { dir },
        } => eval_verdict::check_seeds(&dir),
        Task::Eval {
            eval:
                Eval::ClimateFever {
                    data,
                    scorer,
                    no_cues,
                },
        } => eval_verdict::climate_fever(&data, scorer, !no_cues),
        Task::Eval {
            eval:
                Eval::Extract {
                    html,
                    truth,
                    holdout,
                    tune,
                    verbose,
                },
        } => eval_extract::run(&eval_extract::EvalArgs {
            html,
            truth,
            holdout,
            tune,
            verbose,
        }),
        Task::Eval {
            eval: Eval::Seeds { dir },
        } => eval_parse::seeds(&dir),
        Task::Eval {
            eval: Eval::Corpus { dir },
        } => eval_parse::corpus(&dir),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("xtask: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
