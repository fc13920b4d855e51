//! `veracity plugin-host PATH` (hidden): serves one plugin over stdin and
//! stdout for `--isolate` (protocol in `veracity_plugin::host::isolate`).

use crate::Outcome;
use anyhow::{Context, Result};
use std::path::Path;

pub fn run(path: &Path) -> Result<Outcome> {
    // The parent reports a plugin's exit(), from this process's status.
    crate::plugin_exit::quiet();
    let protocol = protocol_output()?;
    let served = veracity_plugin::host::isolate::serve(path, std::io::stdin().lock(), protocol)
        .context("the veracity process that started this plugin host went away")?;
    // A load error was sent to the parent, which reports it; exit 2 quietly.
    if served.is_err() {
        std::process::exit(2);
    }
    Ok(Outcome::Success)
}

/// The protocol's output channel: a duplicate of stdout. Stdout itself is
/// then pointed at stderr, so that a plugin that prints cannot corrupt the
/// protocol.
#[cfg(unix)]
fn protocol_output() -> Result<std::fs::File> {
    use std::os::fd::AsFd;
    unsafe extern "C" {
        fn dup2(old: std::ffi::c_int, new: std::ffi::c_int) -> std::ffi::c_int;
    }
    let protocol = std::io::stdout()
        .as_fd()
        .try_clone_to_owned()
        .context("cannot duplicate standard output")?;
    // SAFETY: dup2 on the process's own standard descriptors; stdout has
    // nothing buffered (nothing was printed).
    if unsafe { dup2(2, 1) } < 0 {
        return Err(std::io::Error::last_os_error()).context("cannot redirect standard output");
    }
    Ok(std::fs::File::from(protocol))
}

#[cfg(not(unix))]
fn protocol_output() -> Result<std::io::Stdout> {
    Ok(std::io::stdout())
}
