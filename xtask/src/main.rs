//! Project automation, run as `cargo xtask <task>`.

mod bench;
mod check_examples;
mod codegen;
mod corpus;
mod eval;

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
    /// Write a synthetic corpus of N plain-text documents (deterministic).
    GenCorpus {
        /// How many documents.
        #[arg(long, default_value_t = 1000)]
        docs: usize,
        /// The directory to write to.
        #[arg(long)]
        out: PathBuf,
    },
    /// Benchmarks.
    Bench {
        #[command(subcommand)]
        bench: Bench,
    },
    /// Evaluations on the data in ../shared (never copied into the repository).
    Eval {
        #[command(subcommand)]
        eval: Eval,
    },
}

#[derive(Subcommand)]
enum Bench {
    /// Time checking one claim against a synthetic corpus of N documents.
    Check {
        /// How many documents.
        #[arg(long, default_value_t = 10_000)]
        docs: usize,
        /// Runs to take the median of.
        #[arg(long, default_value_t = 3)]
        runs: usize,
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
        Task::GenCorpus { docs, out } => corpus::run(docs, &out),
        Task::Bench {
            bench: Bench::Check { docs, runs },
        } => bench::run(docs, runs),
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
