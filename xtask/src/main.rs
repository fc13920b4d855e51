//! Project automation, run as `cargo xtask <task>`.

mod bench;
mod check_examples;
mod codegen;
mod eval_extract;

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
    /// Evaluate a component against labelled data.
    Eval {
        #[command(subcommand)]
        what: Eval,
    },
    /// Measure throughput (single thread, release build).
    Bench {
        #[command(subcommand)]
        what: Bench,
    },
}

#[derive(Subcommand)]
enum Eval {
    /// HTML main-content extraction: shingle precision, recall, F1, accuracy.
    Extract {
        /// Directory of <id>.html.gz or <id>.html pages.
        #[arg(long)]
        html: PathBuf,
        /// Truth file: { id: { "articleBody": ..., "url": ... } }.
        #[arg(long)]
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
}

#[derive(Subcommand)]
enum Bench {
    /// HTML extraction throughput in MB/s of HTML on one core.
    Ingest {
        /// Directory of *.html.gz or *.html pages.
        #[arg(long)]
        html: PathBuf,
        /// Passes over the pages; the median is reported.
        #[arg(long, default_value_t = 7)]
        runs: usize,
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
            what:
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
        Task::Bench {
            what: Bench::Ingest { html, runs },
        } => bench::run(&bench::BenchArgs { html, runs }),
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
