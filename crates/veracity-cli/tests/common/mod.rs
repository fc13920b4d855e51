//! Helpers shared by the CLI tests: run the real binary.

#![allow(dead_code)]

use std::process::{Command, Output, Stdio};

/// Runs `veracity ARGS` from the workspace root with `stdin` as input.
pub fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_veracity"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the veracity binary starts");
    // The command may exit before reading its input (e.g. on a bad flag).
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

/// Runs `veracity ARGS` from the workspace root.
pub fn run(args: &[&str]) -> Output {
    run_with_stdin(args, b"")
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts that the command exited with `code` and that its error output
/// says `needle`.
pub fn assert_fails_with(out: &Output, code: i32, needle: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(code), "{err}");
    assert!(err.contains(needle), "{err}");
}

/// Runs `veracity ARGS` with a clean plugin environment: no
/// `VERACITY_PLUGIN_PATH` and a config directory without plugins, plus `env`.
pub fn run_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_veracity"));
    command
        .args(args)
        .current_dir(root())
        .env_remove("VERACITY_PLUGIN_PATH")
        .env_remove("VERACITY_FIXTURE_KIND")
        .env_remove("VERACITY_FIXTURE_ABI")
        .env("XDG_CONFIG_HOME", root().join("target/no-such-config-dir"))
        .stdin(Stdio::null());
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().expect("the veracity binary starts")
}

/// Builds a plugin package of the workspace and returns its library: the
/// plugin crate's own test helper, shared rather than copied.
#[path = "../../../veracity-plugin/tests/common/mod.rs"]
mod plugin_build;
#[allow(unused_imports)] // not every test uses both
pub use plugin_build::{build as build_plugin, root};
