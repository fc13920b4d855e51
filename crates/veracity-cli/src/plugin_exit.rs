//! Makes a plugin's `exit()` visible. A plugin loaded in-process that calls
//! `exit(0)` inside a call would end veracity with status 0, no output and
//! no message; this `atexit` handler asks the plugin host which plugin was
//! running and, if one was, says so and exits with [`STATUS`] instead.

use std::sync::atomic::{AtomicBool, Ordering};

/// The exit status when a plugin ended the process (documented in
/// docs/plugins.md and the `--help` text): distinct from 2, an error veracity
/// reported, because here veracity did not get to finish or clean up.
pub const STATUS: i32 = 3;

/// Set in the isolated plugin host: there the parent reports the exit, so
/// the child exits with [`STATUS`] without a message of its own.
static QUIET: AtomicBool = AtomicBool::new(false);

/// Registers the handler, once per process however often the command line
/// runs in it (the Python package may run it many times).
pub fn install() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    #[cfg(unix)]
    INSTALLED.call_once(|| {
        // SAFETY: registers a handler that is sound to run at exit (it only
        // reads atomics and thread-locals without destructors, writes to fd 2
        // and calls _exit). Registration fails only when the table is full,
        // and then veracity runs as it did before, unguarded.
        unsafe {
            libc::atexit(on_exit);
        }
    });
}

/// Leaves the reporting to the parent process (`veracity plugin-host`).
pub fn quiet() {
    QUIET.store(true, Ordering::SeqCst);
}

/// What the handler prints, for the plugin entry `running`.
fn message(running: veracity_plugin::host::exit_watch::Running) -> String {
    let call = running.call;
    let during = match call.during {
        "loading" => "while loading".to_owned(),
        entry => format!("during {entry}"),
    };
    let who = if running.on_this_thread {
        format!(
            "plugin {} at {} called exit() {during}",
            call.plugin,
            call.path.display()
        )
    } else {
        format!(
            "the process was ended by exit() on another thread while plugin {} at {} was \
             running ({during})",
            call.plugin,
            call.path.display()
        )
    };
    format!(
        "veracity: error: {who}; veracity stopped before finishing \
         (exit status {STATUS}); rerun with --isolate to contain the plugin, and report \
         this to the plugin's author\n"
    )
}

#[cfg(unix)]
extern "C" fn on_exit() {
    let Some(running) = veracity_plugin::host::call_in_progress() else {
        return;
    };
    if !QUIET.load(Ordering::SeqCst) {
        let text = message(running);
        let mut bytes = text.as_bytes();
        while !bytes.is_empty() {
            // SAFETY: writes initialised bytes to the standard error
            // descriptor; nothing else is touched.
            let written = unsafe { libc::write(2, bytes.as_ptr().cast(), bytes.len()) };
            let Ok(written) = usize::try_from(written) else {
                break;
            };
            if written == 0 {
                break;
            }
            bytes = &bytes[written..];
        }
    }
    // SAFETY: ends the process at once, running no more exit handlers: the
    // plugin already chose to end it, and only the status is changed.
    unsafe { libc::_exit(STATUS) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use veracity_plugin::host::exit_watch::{CallInProgress, Running};

    #[test]
    fn the_message_names_the_plugin_and_what_to_do() {
        let call: &'static CallInProgress = Box::leak(Box::new(CallInProgress {
            plugin: "x".into(),
            path: "/p/libx.so".into(),
            during: "veracity_plugin_call",
        }));
        let text = message(Running {
            call,
            on_this_thread: true,
        });
        assert_eq!(
            text,
            "veracity: error: plugin x at /p/libx.so called exit() during veracity_plugin_call; \
             veracity stopped before finishing (exit status 3); rerun with --isolate \
             to contain the plugin, and report this to the plugin's author\n"
        );
    }
}
