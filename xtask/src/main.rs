//! Project automation, run as `cargo xtask <task>`.

mod bench;
mod check_examples;
mod codegen;
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
    /// Evaluations that print the figures the docs quote.
    Eval {
        #[command(subcommand)]
        task: EvalTask,
    },
    /// Benchmarks (release build; single core).
    Bench {
        #[command(subcommand)]
        task: BenchTask,
    },
}

#[derive(Subcommand)]
enum EvalTask {
    /// Ingest the seed pages and print the parser checklist (tag page split,
    /// dates, boilerplate, the fact-check's review, Lavrov's quotes).
    Seeds {
        /// The seeds folder.
        #[arg(long, default_value_os_t = eval::default_seeds())]
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

#[derive(Subcommand)]
enum BenchTask {
    /// Parsing throughput of plain text on one core, in MB/s (median of runs).
    Ingest {
        /// Timed runs.
        #[arg(long, default_value_t = 7)]
        runs: usize,
        /// Megabytes parsed per run.
        #[arg(long, default_value_t = 20)]
        mb: usize,
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
        Task::Eval {
            task: EvalTask::Seeds { dir },
        } => eval::seeds(&dir),
        Task::Eval {
            task: EvalTask::Corpus { dir },
        } => eval::corpus(&dir),
        Task::Bench {
            task: BenchTask::Ingest { runs, mb },
        } => bench::ingest(runs, mb),
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
