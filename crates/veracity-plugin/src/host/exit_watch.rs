//! Which plugin is running right now, so that a process exit it causes can be
//! blamed on it.
//!
//! A plugin loaded in-process that calls `exit()` ends the whole process,
//! silently and with the plugin's status (often 0). The host cannot prevent
//! that, but it records, for the duration of every entry into plugin code
//! (loading, the manifest, a call), which plugin and which entry point is
//! running. A program's `atexit` handler then asks [`call_in_progress`] and,
//! if a plugin is running, says so and exits with a failure status (the CLI
//! does; this library never prints or exits).
//!
//! The record lives in a thread-local without a destructor, so it is still
//! readable while the process runs its exit handlers, plus a process-wide
//! pointer for an exit called from a thread the plugin started itself.

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicPtr, AtomicUsize, Ordering};

/// A plugin entry in progress.
#[derive(Debug)]
pub struct CallInProgress {
    /// The plugin's name (its file's, before the manifest is read).
    pub plugin: String,
    /// The plugin's path, as given.
    pub path: PathBuf,
    /// What it was doing: `loading`, `veracity_plugin_manifest` or
    /// `veracity_plugin_call`.
    pub during: &'static str,
}

/// What [`call_in_progress`] found.
#[derive(Debug, Clone, Copy)]
pub struct Running {
    /// The entry in progress.
    pub call: &'static CallInProgress,
    /// True when it is running on the thread asking (the thread that is
    /// exiting, in an exit handler), so the plugin itself called `exit`;
    /// false when it is running on another thread.
    pub on_this_thread: bool,
}

thread_local! {
    /// The entry in progress on this thread; null when none.
    static CURRENT: Cell<*const CallInProgress> = const { Cell::new(std::ptr::null()) };
}

/// The entry most recently begun on any thread, and how many are running.
static LATEST: AtomicPtr<CallInProgress> = AtomicPtr::new(std::ptr::null_mut());
static RUNNING: AtomicUsize = AtomicUsize::new(0);

/// The plugin entry running on this thread, else one running on another
/// thread; `None` when no plugin code is running. Safe to call from an exit
/// handler.
pub fn call_in_progress() -> Option<Running> {
    let here = CURRENT.try_with(Cell::get).unwrap_or(std::ptr::null());
    // SAFETY: every pointer stored comes from a leaked box (`note`), valid
    // for the life of the process.
    if let Some(call) = unsafe { here.as_ref() } {
        return Some(Running {
            call,
            on_this_thread: true,
        });
    }
    if RUNNING.load(Ordering::SeqCst) == 0 {
        return None;
    }
    // SAFETY: as above.
    unsafe { LATEST.load(Ordering::SeqCst).as_ref() }.map(|call| Running {
        call,
        on_this_thread: false,
    })
}

/// Makes the record of one entry point of one plugin. It is leaked: plugins
/// are never unloaded, and an exit handler may read it at any time.
pub(crate) fn note(plugin: &str, path: &Path, during: &'static str) -> &'static CallInProgress {
    Box::leak(Box::new(CallInProgress {
        plugin: plugin.to_owned(),
        path: path.to_path_buf(),
        during,
    }))
}

/// Marks `call` as running on this thread until the guard is dropped.
pub(crate) fn enter(call: &'static CallInProgress) -> Entered {
    let pointer = std::ptr::from_ref(call);
    let previous = CURRENT.with(|c| c.replace(pointer));
    LATEST.store(pointer.cast_mut(), Ordering::SeqCst);
    RUNNING.fetch_add(1, Ordering::SeqCst);
    Entered { previous }
}

/// Ends the mark made by [`enter`] when dropped.
pub(crate) struct Entered {
    previous: *const CallInProgress,
}

impl Drop for Entered {
    fn drop(&mut self) {
        CURRENT.with(|c| c.set(self.previous));
        RUNNING.fetch_sub(1, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_visible_only_while_it_runs() {
        assert!(call_in_progress().is_none_or(|r| !r.on_this_thread));
        let call = note("x", Path::new("/p/libx.so"), "veracity_plugin_call");
        {
            let _entered = enter(call);
            let running = call_in_progress().unwrap();
            assert!(running.on_this_thread);
            assert_eq!(running.call.plugin, "x");
            assert_eq!(running.call.during, "veracity_plugin_call");
            // Seen from another thread, it is running elsewhere.
            let elsewhere = std::thread::spawn(|| {
                call_in_progress().map(|r| (r.on_this_thread, r.call.during))
            })
            .join()
            .unwrap();
            assert_eq!(elsewhere, Some((false, "veracity_plugin_call")));
        }
        assert!(call_in_progress().is_none_or(|r| !r.on_this_thread));
    }
}
