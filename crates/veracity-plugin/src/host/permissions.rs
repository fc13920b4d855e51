//! Whether a plugin file may be loaded: nobody but its user (or root) can
//! change it, or the directory it sits in, before veracity runs its code.
//!
//! The rule (Unix; elsewhere everything passes):
//!
//! - the plugin file must not be writable by group or others;
//! - the directory holding it must not be writable by group or others,
//!   unless it is a sticky directory like `/tmp` (mode 1777) owned by root or
//!   the user, and the file is owned by root or the user: in a sticky
//!   directory only a file's owner can rename, delete or replace it, so a
//!   file of one's own there is as safe as in one's home;
//! - a directory scanned for plugins (`--plugin DIR`, the path list, the
//!   plugin directory) must not be writable by group or others at all, sticky
//!   or not: anyone could add a plugin to it.
//!
//! The advice in a refusal is something the user can do: `chmod go-w` on a
//! file or directory of their own, otherwise moving the plugin into a
//! directory only they can write to.

use super::{ErrorKind, HostError};
use std::path::Path;

/// The permission bits of a file or directory and its owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stat {
    pub mode: u32,
    pub owner: u32,
}

/// What a refusal advises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Advice {
    /// The offending file or directory is the user's: `chmod go-w` it.
    Chmod,
    /// It is not the user's to change (another user's, or a shared directory
    /// such as `/tmp`): move the plugin into a directory of one's own.
    Move,
    /// A shared sticky directory (such as `/tmp`) holding a plugin file that
    /// another user owns, who could replace it.
    ForeignFile {
        /// The file owner's user id.
        owner: u32,
    },
    /// A directory scanned for plugins that others may add files to.
    SharedPluginDirectory,
}

const GROUP_OR_OTHER_WRITE: u32 = 0o022;
const STICKY: u32 = 0o1000;
const ROOT: u32 = 0;

fn trusted_owner(owner: u32, me: u32) -> bool {
    owner == me || owner == ROOT
}

/// The rule for a plugin file in a directory, as `Err((offender, advice))`
/// where the offender is `File` or `Dir`.
pub(crate) fn judge_file(file: Stat, dir: Stat, me: u32) -> Result<(), (Offender, Advice)> {
    if file.mode & GROUP_OR_OTHER_WRITE != 0 {
        let advice = if file.owner == me {
            Advice::Chmod
        } else {
            Advice::Move
        };
        return Err((Offender::File, advice));
    }
    if dir.mode & GROUP_OR_OTHER_WRITE == 0 {
        return Ok(());
    }
    let sticky = dir.mode & STICKY != 0;
    if sticky && trusted_owner(dir.owner, me) {
        if trusted_owner(file.owner, me) {
            return Ok(());
        }
        return Err((Offender::Dir, Advice::ForeignFile { owner: file.owner }));
    }
    let advice = if dir.owner == me && !sticky {
        Advice::Chmod
    } else {
        Advice::Move
    };
    Err((Offender::Dir, advice))
}

/// The rule for a directory scanned for plugins.
pub(crate) fn judge_plugin_dir(dir: Stat, me: u32) -> Result<(), Advice> {
    if dir.mode & GROUP_OR_OTHER_WRITE == 0 {
        return Ok(());
    }
    if dir.owner == me && dir.mode & STICKY == 0 {
        Err(Advice::Chmod)
    } else {
        Err(Advice::SharedPluginDirectory)
    }
}

/// Which of the two a refusal is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Offender {
    File,
    Dir,
}

#[cfg(unix)]
fn stat(meta: &std::fs::Metadata) -> Stat {
    use std::os::unix::fs::MetadataExt;
    Stat {
        mode: meta.mode() & 0o7777,
        owner: meta.uid(),
    }
}

#[cfg(unix)]
fn current_user() -> u32 {
    // SAFETY: getuid has no preconditions and cannot fail.
    unsafe { libc::getuid() }
}

/// Checks the plugin file `real` (resolved from `path`, as named) and the
/// directory holding it.
#[cfg(unix)]
pub(crate) fn check_file(
    path: &Path,
    real: &Path,
    meta: &std::fs::Metadata,
    name: &str,
) -> Result<(), HostError> {
    let Some(dir) = real.parent() else {
        return Ok(());
    };
    let dir_meta =
        std::fs::metadata(dir).map_err(|e| HostError::new(name, path, ErrorKind::Unreadable(e)))?;
    let (file, dir_stat) = (stat(meta), stat(&dir_meta));
    judge_file(file, dir_stat, current_user()).map_err(|(offender, advice)| {
        let (what, mode) = match offender {
            Offender::File => (real, file.mode),
            Offender::Dir => (dir, dir_stat.mode),
        };
        HostError::new(
            name,
            path,
            ErrorKind::Writable {
                what: what.to_path_buf(),
                mode,
                advice,
            },
        )
    })
}

/// Checks a directory scanned for plugins.
#[cfg(unix)]
pub(crate) fn check_plugin_dir(
    dir: &Path,
    meta: &std::fs::Metadata,
    name: &str,
) -> Result<(), HostError> {
    let dir_stat = stat(meta);
    judge_plugin_dir(dir_stat, current_user()).map_err(|advice| {
        HostError::new(
            name,
            dir,
            ErrorKind::Writable {
                what: dir.to_path_buf(),
                mode: dir_stat.mode,
                advice,
            },
        )
    })
}

#[cfg(not(unix))]
pub(crate) fn check_file(
    _path: &Path,
    _real: &Path,
    _meta: &std::fs::Metadata,
    _name: &str,
) -> Result<(), HostError> {
    Ok(())
}

#[cfg(not(unix))]
pub(crate) fn check_plugin_dir(
    _dir: &Path,
    _meta: &std::fs::Metadata,
    _name: &str,
) -> Result<(), HostError> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ME: u32 = 1000;
    const BOB: u32 = 1001;

    fn s(mode: u32, owner: u32) -> Stat {
        Stat { mode, owner }
    }

    #[test]
    fn a_private_file_in_a_private_directory_passes() {
        assert_eq!(judge_file(s(0o755, ME), s(0o755, ME), ME), Ok(()));
        assert_eq!(judge_file(s(0o755, ROOT), s(0o755, ROOT), ME), Ok(()));
    }

    #[test]
    fn a_writable_file_is_refused_with_advice_fitting_its_owner() {
        let mine = judge_file(s(0o666, ME), s(0o755, ME), ME);
        assert_eq!(mine, Err((Offender::File, Advice::Chmod)));
        let bobs = judge_file(s(0o666, BOB), s(0o755, ME), ME);
        assert_eq!(bobs, Err((Offender::File, Advice::Move)));
        // Even in /tmp: a writable file can be rewritten in place.
        let in_tmp = judge_file(s(0o646, ME), s(0o1777, ROOT), ME);
        assert_eq!(in_tmp, Err((Offender::File, Advice::Chmod)));
    }

    #[test]
    fn a_file_of_ones_own_in_a_sticky_directory_passes() {
        assert_eq!(judge_file(s(0o755, ME), s(0o1777, ROOT), ME), Ok(()));
        assert_eq!(judge_file(s(0o700, ME), s(0o1777, ME), ME), Ok(()));
    }

    #[test]
    fn another_users_file_in_a_sticky_directory_is_refused() {
        assert_eq!(
            judge_file(s(0o755, BOB), s(0o1777, ROOT), ME),
            Err((Offender::Dir, Advice::ForeignFile { owner: BOB }))
        );
        // A sticky directory of another user: its owner can replace any file.
        assert_eq!(
            judge_file(s(0o755, ME), s(0o1777, BOB), ME),
            Err((Offender::Dir, Advice::Move))
        );
    }

    #[test]
    fn a_writable_directory_that_is_not_sticky_is_refused() {
        assert_eq!(
            judge_file(s(0o755, ME), s(0o777, ME), ME),
            Err((Offender::Dir, Advice::Chmod))
        );
        assert_eq!(
            judge_file(s(0o755, ME), s(0o775, ROOT), ME),
            Err((Offender::Dir, Advice::Move))
        );
    }

    #[test]
    fn scanned_directories_must_be_private_even_when_sticky() {
        assert_eq!(judge_plugin_dir(s(0o755, ME), ME), Ok(()));
        assert_eq!(judge_plugin_dir(s(0o777, ME), ME), Err(Advice::Chmod));
        assert_eq!(
            judge_plugin_dir(s(0o1777, ROOT), ME),
            Err(Advice::SharedPluginDirectory)
        );
        assert_eq!(
            judge_plugin_dir(s(0o1777, ME), ME),
            Err(Advice::SharedPluginDirectory)
        );
    }
}
