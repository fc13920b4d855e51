//! Headless Chromium for development tools: the HTML report's browser
//! tests (`veracity-format/tests/browser.rs`) and `cargo xtask screenshots`
//! find the browser and start it the same way, from here.
//!
//! Not part of the product: nothing the `veracity` binary or its libraries
//! ship depends on it. Like every library of the workspace it does not read
//! the environment itself; callers pass the values of [`CHOICE`] and `PATH`.
//!
//! ```
//! use std::ffi::OsString;
//! let chosen = veracity_chromium::find(Some(OsString::from("/opt/chrome/chrome")), None);
//! assert_eq!(chosen.unwrap(), std::path::PathBuf::from("/opt/chrome/chrome"));
//! ```

#![deny(missing_docs)]

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The environment variable naming the browser binary to use.
pub const CHOICE: &str = "VERACITY_CHROMIUM";

/// Binary names tried on the `PATH`, in order.
pub const NAMES: [&str; 4] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];

/// The browser to use: `choice` (the value of [`CHOICE`]) when given, else
/// the first of [`NAMES`] found in the directories of `path` (the value of
/// `PATH`); `None` when there is none.
pub fn find(choice: Option<OsString>, path: Option<OsString>) -> Option<PathBuf> {
    if let Some(choice) = choice.filter(|c| !c.is_empty()) {
        return Some(PathBuf::from(choice));
    }
    std::env::split_paths(&path?)
        .flat_map(|dir| NAMES.iter().map(move |name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// A headless `browser` command with a fresh profile in `profile` (a
/// temporary directory the caller owns) and nothing that reaches the
/// network on its own: no first-run page, no background updates. The
/// sandbox is off, as it must be for root in a container. Callers add what
/// they do (`--screenshot`, `--dump-dom`, `--print-to-pdf`) and the page.
pub fn headless(browser: &Path, profile: &Path) -> Command {
    let mut command = Command::new(browser);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()));
    command
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_name_on_the_path_is_found() {
        let empty = tempfile::tempdir().unwrap();
        let bin = tempfile::tempdir().unwrap();
        let (empty, bin) = (empty.path(), bin.path());
        std::fs::write(bin.join("google-chrome"), b"").unwrap();
        std::fs::write(bin.join("chromium-browser"), b"").unwrap();
        let path = std::env::join_paths([empty, bin]).unwrap();
        assert_eq!(
            find(None, Some(path.clone())),
            Some(bin.join("chromium-browser"))
        );
        // An empty choice is no choice.
        assert_eq!(
            find(Some(OsString::new()), Some(path)),
            Some(bin.join("chromium-browser"))
        );
        assert_eq!(find(None, Some(empty.as_os_str().to_owned())), None);
        assert_eq!(find(None, None), None);
    }

    #[test]
    fn the_command_is_headless_with_its_own_profile() {
        let command = headless(Path::new("/usr/bin/chromium"), Path::new("/tmp/profile"));
        let args: Vec<_> = command.get_args().map(|a| a.to_string_lossy()).collect();
        assert!(args.contains(&"--headless".into()));
        assert_eq!(args.last().unwrap(), "--user-data-dir=/tmp/profile");
    }
}
