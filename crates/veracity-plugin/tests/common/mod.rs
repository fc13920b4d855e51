//! Builds plugin crates of the workspace for the tests, with the same cargo
//! and target directory as the tests themselves.

#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Builds the cdylib package `package` (once per test process) and returns
/// the path of the shared library cargo reports.
pub fn build(package: &str) -> PathBuf {
    static BUILT: OnceLock<Mutex<HashMap<String, PathBuf>>> = OnceLock::new();
    let built = BUILT.get_or_init(Default::default);
    let mut built = built.lock().unwrap_or_else(|e| e.into_inner());
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
