//! The `veracity` command-line tool: the library's [`veracity_cli::run`] on
//! this process's arguments.

use std::process::ExitCode;

// The parser allocates many small short-lived strings and vectors.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    ExitCode::from(veracity_cli::run(veracity_cli::Invocation {
        args: std::env::args_os().collect(),
        relaunch: None,
    }))
}
