//! Temporary files left by a run that was killed (SIGKILL, power loss):
//! named after their target and the process that made them, so a later run
//! writing the same target removes those whose process is gone.

use std::path::Path;

const MARK: &str = ".veracity-tmp-";

/// The name prefix of a temporary file for target file `name` made by
/// process `pid`: `.NAME.veracity-tmp-PID-`.
pub fn temp_prefix(name: &str, pid: u32) -> String {
    format!(".{name}{MARK}{pid}-")
}

/// The process id in a temporary file name for target `name`, if the name
/// is one of ours.
fn owner(file: &str, name: &str) -> Option<u32> {
    let rest = file
        .strip_prefix('.')?
        .strip_prefix(name)?
        .strip_prefix(MARK)?;
    let (pid, _random) = rest.split_once('-')?;
    pid.parse().ok()
}

/// Removes the temporary files for target `name` in `dir` whose process no
/// longer runs, saying so on stderr. Best effort: a file that cannot be
/// removed is left for the user, and says where it is.
pub fn remove_stale(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(pid) = owner(&file.to_string_lossy(), name) else {
            continue;
        };
        if pid == std::process::id() || is_running(pid) {
            continue;
        }
        let path = entry.path();
        match std::fs::remove_file(&path) {
            Ok(()) => eprintln!(
                "veracity: removed {}, left by an interrupted run (process {pid})",
                path.display()
            ),
            Err(e) => eprintln!(
                "veracity: warning: cannot remove {}, left by an interrupted run: {e}; remove it by hand",
                path.display()
            ),
        }
    }
}

/// True when process `pid` exists (signal 0 checks without sending one).
#[cfg(unix)]
fn is_running(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return true;
    };
    // SAFETY: kill with signal 0 sends nothing; it only asks whether the
    // process exists and may be signalled.
    let status = unsafe { libc::kill(pid, 0) };
    status == 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

/// Elsewhere there is no cheap check: assume it runs, and remove nothing.
#[cfg(not(unix))]
fn is_running(_pid: u32) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owner_reads_only_our_names_for_this_target() {
        let name = temp_prefix("report.json", 4242) + "a1b2c3";
        assert_eq!(owner(&name, "report.json"), Some(4242));
        assert_eq!(owner(&name, "report.md"), None);
        assert_eq!(owner(".report.json.tmpA1b2", "report.json"), None);
        assert_eq!(owner("report.json", "report.json"), None);
    }

    #[test]
    fn only_dead_owners_files_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        // No process has a pid this high on Linux (pid_max is at most 2^22).
        let dead = dir
            .path()
            .join(temp_prefix("out.json", 999_999_999) + "zzzzzz");
        let alive = dir
            .path()
            .join(temp_prefix("out.json", std::process::id()) + "yyyyyy");
        let other = dir
            .path()
            .join(temp_prefix("other.json", 999_999_999) + "xxxxxx");
        for p in [&dead, &alive, &other] {
            std::fs::write(p, b"partial").unwrap();
        }
        remove_stale(dir.path(), "out.json");
        assert!(!dead.exists());
        assert!(alive.exists());
        assert!(other.exists());
    }
}
