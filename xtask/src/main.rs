//! Project automation, run as `cargo xtask <task>`.

mod bench;
mod bench_check;
mod check_examples;
mod codegen;
mod corpus;
mod eval;
mod train;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

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
    /// `evidence` does not give true or mostly true.
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
        Task::Eval {
            eval: Eval::CheckSeeds { dir },
        } => eval::check_seeds(&dir),
        Task::Eval {
            eval: Eval::ClimateFever { data },
        } => eval::climate_fever(&data),
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
