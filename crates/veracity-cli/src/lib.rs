//! The `veracity` command line as a library: [`run`] parses a command line
//! and runs it, exactly as the `veracity` binary does. The binary is this
//! call and an allocator; the Python package's `python -m veracity` is this
//! call too, so both share every behaviour, message and exit status.
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

pub use commands::check::check_index;

use clap::Parser;
use std::ffi::OsString;
use std::io::Write;

/// How a command ended when it did not fail with an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Everything asked for was done and every check passed.
    Success,
    /// The command ran, but a check it performs did not pass.
    CheckFailed,
}

/// One run of the command line.
#[derive(Debug, Clone)]
pub struct Invocation {
    /// The arguments, the program's name first (as `std::env::args_os`).
    pub args: Vec<OsString>,
    /// The command that starts this command line again, for the child
    /// process of `--isolate` (`veracity plugin-host` is appended); `None`
    /// for the running executable. A host that is not itself `veracity`
    /// (the Python interpreter) names how to reach it.
    pub relaunch: Option<Vec<OsString>>,
}

/// Runs the command line and returns its exit status. Writes to stdout and
/// stderr; never exits the process itself (a plugin that calls `exit()` is
/// the exception `plugin_exit` reports).
pub fn run(invocation: Invocation) -> u8 {
    plugin_exit::install();
    let cli = match cli::Cli::try_parse_from(&invocation.args) {
        Ok(cli) => cli,
        Err(error) => {
            // What clap's own `exit` does, without ending the process:
            // help and version on stdout (status 0), usage errors on stderr.
            let _ = error.print();
            return u8::try_from(error.exit_code()).unwrap_or(2);
        }
    };
    let status = match commands::run(cli, invocation.relaunch.as_deref()) {
        Ok(Outcome::Success) => 0,
        Ok(Outcome::CheckFailed) => 1,
        Err(error) if output::is_broken_pipe(&error) => 0,
        Err(error) => {
            eprintln!("veracity: error: {error:#}");
            2
        }
    };
    // A process that is not this binary (Python) does not flush Rust's
    // stdout at exit.
    let _ = std::io::stdout().flush();
    status
}
