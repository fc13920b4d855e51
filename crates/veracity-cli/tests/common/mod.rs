//! Helpers shared by the CLI tests: run the real binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The workspace root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

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

/// Builds the cdylib package `package` (once per test process) with the
/// tests' own cargo and target directory; returns the library's path.
pub fn build_plugin(package: &str) -> PathBuf {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static BUILT: OnceLock<Mutex<HashMap<String, PathBuf>>> = OnceLock::new();
    let mut built = BUILT
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(path) = built.get(package) {
        return path.clone();
    }
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .args([
            "build",
            "--message-format=json-render-diagnostics",
            "-p",
            package,
        ])
        .current_dir(root())
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "cargo build -p {package} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let library = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|msg| msg["reason"] == "compiler-artifact")
        .filter(|msg| {
            msg["target"]["kind"]
                .as_array()
                .is_some_and(|kinds| kinds.iter().any(|k| k == "cdylib"))
        })
        .flat_map(|msg| msg["filenames"].as_array().cloned().unwrap_or_default())
        .filter_map(|f| f.as_str().map(PathBuf::from))
        .find(|f| {
            f.extension()
                .is_some_and(|e| e == std::env::consts::DLL_EXTENSION)
        })
        .unwrap_or_else(|| panic!("cargo build -p {package} reported no shared library"));
    refuse_group_writes(&library);
    built.insert(package.to_owned(), library.clone());
    library
}

/// The host refuses a plugin that group or others can write to; under a
/// umask of 002 cargo creates exactly that, so take those bits away.
fn refuse_group_writes(library: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for path in [library, library.parent().unwrap_or(library)] {
            let mode = std::fs::metadata(path).unwrap().permissions().mode();
            if mode & 0o022 != 0 {
                let mode = std::fs::Permissions::from_mode(mode & !0o022);
                std::fs::set_permissions(path, mode).unwrap();
            }
        }
    }
    #[cfg(not(unix))]
    let _ = library;
}
