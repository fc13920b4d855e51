//! The `veracity` command-line tool: glue between the library crates.
//!
//! Exit codes, the same for every command: 0 every input used and every
//! check passed, 1 a check that failed, 2 an input or usage error (see
//! `commands::batch` for the batch rule and `--keep-going`), 3 a plugin
//! ended the process (see `plugin_exit`).

mod cli;
mod commands;
mod output;
mod plugin_adapters;
mod plugin_exit;
mod review_date;
mod summary;

use clap::Parser;
use std::process::ExitCode;

// The parser allocates many small short-lived strings and vectors.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// How a command ended when it did not fail with an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything asked for was done and every check passed.
    Success,
    /// The command ran, but a check it performs did not pass.
    CheckFailed,
}

fn main() -> ExitCode {
    plugin_exit::install();
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::CheckFailed) => ExitCode::from(1),
        Err(error) => {
            if output::is_broken_pipe(&error) {
                return ExitCode::SUCCESS;
            }
            eprintln!("veracity: error: {error:#}");
            ExitCode::from(2)
        }
    }
}
