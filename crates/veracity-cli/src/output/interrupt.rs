//! Removing a half-written output file when the run is interrupted
//! (SIGINT, SIGTERM): the handler unlinks the registered temporary file and
//! then dies of the same signal, so the exit status still says what
//! happened.

/// The temporary file being written, removed if a signal arrives before it
/// is renamed into place; unregistered on drop.
pub struct Registered {
    #[cfg(unix)]
    _private: (),
}

#[cfg(unix)]
mod unix {
    use std::ffi::{CString, c_char, c_int};
    use std::sync::Once;
    use std::sync::atomic::{AtomicPtr, Ordering};

    /// The path to unlink on a signal; null when nothing is being written.
    static TEMP_PATH: AtomicPtr<c_char> = AtomicPtr::new(std::ptr::null_mut());
    static INSTALL: Once = Once::new();

    extern "C" fn on_signal(signal: c_int) {
        let path = TEMP_PATH.load(Ordering::SeqCst);
        if !path.is_null() {
            // SAFETY: `path` is a NUL-terminated string that is never freed
            // (see `register`); unlink is async-signal-safe.
            unsafe { libc::unlink(path) };
        }
        // SAFETY: restoring the default action is async-signal-safe.
        unsafe { libc::signal(signal, libc::SIG_DFL) };
        // SAFETY: raise is async-signal-safe; the default action now ends
        // the process with this signal.
        unsafe { libc::raise(signal) };
    }

    fn install() {
        for signal in [libc::SIGINT, libc::SIGTERM] {
            let handler = on_signal as extern "C" fn(c_int) as libc::sighandler_t;
            // SAFETY: the handler only calls async-signal-safe functions.
            let previous = unsafe { libc::signal(signal, handler) };
            if previous == libc::SIG_IGN {
                // SAFETY: a signal the parent told us to ignore (nohup)
                // stays ignored.
                unsafe { libc::signal(signal, libc::SIG_IGN) };
            }
        }
    }

    pub fn register(path: &std::path::Path) {
        use std::os::unix::ffi::OsStrExt;
        INSTALL.call_once(install);
        let Ok(c_path) = CString::new(path.as_os_str().as_bytes()) else {
            return;
        };
        // Leaked on purpose: a handler may still be reading the previous
        // path, so it must stay valid; a few bytes per output file.
        TEMP_PATH.store(c_path.into_raw(), Ordering::SeqCst);
    }

    pub fn unregister() {
        TEMP_PATH.store(std::ptr::null_mut(), Ordering::SeqCst);
    }
}

impl Registered {
    /// Registers `path` for removal on SIGINT / SIGTERM (Unix; elsewhere
    /// the temporary file's own cleanup on drop is all there is).
    pub fn new(path: &std::path::Path) -> Self {
        #[cfg(unix)]
        unix::register(path);
        #[cfg(not(unix))]
        let _ = path;
        Registered {
            #[cfg(unix)]
            _private: (),
        }
    }
}

impl Drop for Registered {
    fn drop(&mut self) {
        #[cfg(unix)]
        unix::unregister();
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::Registered;
    use std::os::unix::process::ExitStatusExt;
    use std::path::Path;
    use std::process::Command;

    /// Set in the child this test starts: the file to register, and the
    /// signal to raise.
    const CHILD: &str = "VERACITY_TEST_INTERRUPT_CHILD";

    /// Runs this test binary again as a child that starts with `signal`
    /// ignored or not (as under nohup, or as a background job of a shell
    /// without job control, or from a terminal), registers `path` and
    /// raises `signal`.
    fn child(signal: i32, path: &Path, ignored: bool) -> std::process::ExitStatus {
        Command::new(std::env::current_exe().unwrap())
            .args([
                "output::interrupt::tests::a_signal_removes_the_file_being_written_and_ends_the_run_by_that_signal",
                "--exact",
                "--test-threads=1",
            ])
            .env(CHILD, format!("{signal}:{ignored}:{}", path.display()))
            .output()
            .unwrap()
            .status
    }

    /// The test runs itself as a child process that registers a file and
    /// raises the signal; the child must die of that signal with the file
    /// gone, unless it was started with the signal ignored.
    #[test]
    fn a_signal_removes_the_file_being_written_and_ends_the_run_by_that_signal() {
        if let Ok(spec) = std::env::var(CHILD) {
            let mut spec = spec.splitn(3, ':');
            let (signal, ignored, path) = (
                spec.next().unwrap().parse().unwrap(),
                spec.next().unwrap() == "true",
                spec.next().unwrap(),
            );
            // What the child inherits is the test runner's disposition,
            // which a shell may have set to ignore: set it as the case asks.
            let disposition = if ignored {
                libc::SIG_IGN
            } else {
                libc::SIG_DFL
            };
            // SAFETY: setting a standard disposition in our own process.
            unsafe { libc::signal(signal, disposition) };
            let _guard = Registered::new(Path::new(path));
            // SAFETY: raising a signal in our own process.
            unsafe { libc::raise(signal) };
            // Reached only if the handler did not end the process.
            std::process::exit(0);
        }
        for signal in [libc::SIGINT, libc::SIGTERM] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join(".report.json.veracity-tmp-1-abc123");
            std::fs::write(&path, b"half a report").unwrap();
            let status = child(signal, &path, false);
            assert_eq!(status.signal(), Some(signal), "{status:?}");
            assert!(!path.exists(), "the temporary file is removed");

            // Ignored when the run started (nohup): it stays ignored, the
            // run goes on and its file with it.
            std::fs::write(&path, b"half a report").unwrap();
            let status = child(signal, &path, true);
            assert_eq!(status.code(), Some(0), "{status:?}");
            assert!(path.exists(), "an ignored signal removes nothing");
        }
    }
}
