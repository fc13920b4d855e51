//! Project automation, run as `cargo xtask <task>`.

mod bench_plugin;
mod check_examples;
mod codegen;

use clap::{Parser, Subcommand, ValueEnum};
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
    /// Run a benchmark and print its figures.
    Bench {
        /// What to measure.
        #[arg(value_enum)]
        target: BenchTarget,
        /// Number of timed calls.
        #[arg(long, default_value_t = 2000)]
        iterations: usize,
        /// Build the plugin in release mode.
        #[arg(long)]
        release: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum BenchTarget {
    /// In-process call overhead of a verdict plugin (review-first).
    Plugin,
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
        Task::Bench {
            target: BenchTarget::Plugin,
            iterations,
            release,
        } => bench_plugin::run(iterations, release),
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
