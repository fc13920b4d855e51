//! Atomic output files: a recognisably named temporary file beside the
//! target, the target's mode (or the umask for a new file), then a rename.

use super::{interrupt, stale};
use anyhow::{Context, Result, bail};
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically: a temporary file in the same
/// directory, then a rename, so readers never see a partial file. A file
/// being replaced keeps its permissions; a new file gets 0666 less the
/// umask, like any file a shell creates. A path that is not a regular file
/// (`/dev/null`, a FIFO, a terminal) is written in place: renaming over it
/// would replace the device with a file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomically_with(path, &mut |out| Ok(out.write_all(bytes)?))
}

/// [`write_atomically`] of what `fill` writes, as it writes it: a report
/// too large to hold is written straight to the temporary file. When
/// `fill` fails, `path` is left as it was.
pub fn write_atomically_with(
    path: &Path,
    fill: &mut dyn FnMut(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let existing = std::fs::metadata(path).ok();
    if existing
        .as_ref()
        .is_some_and(|m| !m.is_file() && !m.is_dir())
    {
        let out = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .with_context(|| format!("cannot open {} for writing", path.display()))?;
        let mut out = std::io::BufWriter::new(out);
        fill(&mut out)
            .and_then(|()| Ok(out.flush()?))
            .with_context(|| format!("cannot write {}", path.display()))?;
        return Ok(());
    }
    if existing.as_ref().is_some_and(|m| m.is_dir()) {
        bail!(
            "{} is a directory; give a file name for the output",
            path.display()
        );
    }
    let dir = parent_dir(path);
    stale::remove_stale(dir, &file_name(path));
    let tmp = create_temp(path)?;
    // From here until the rename, SIGINT or SIGTERM removes the file.
    let guard = interrupt::Registered::new(tmp.path());
    let result = fill_and_rename(tmp, path, fill, existing.as_ref());
    drop(guard);
    result
}

fn fill_and_rename(
    tmp: tempfile::NamedTempFile,
    path: &Path,
    fill: &mut dyn FnMut(&mut dyn Write) -> Result<()>,
    existing: Option<&std::fs::Metadata>,
) -> Result<()> {
    if let Some(meta) = existing {
        std::fs::set_permissions(tmp.path(), meta.permissions()).with_context(|| {
            format!(
                "cannot give the new {} the permissions of the old one",
                path.display()
            )
        })?;
    }
    let mut out = std::io::BufWriter::new(tmp);
    fill(&mut out)
        .and_then(|()| Ok(out.flush()?))
        .with_context(|| format!("cannot write {}", path.display()))?;
    let tmp = out
        .into_inner()
        .map_err(|e| e.into_error())
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.as_file()
        .sync_all()
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.persist(path)
        .with_context(|| format!("cannot replace {}", path.display()))?;
    Ok(())
}

/// Checks, before any work, that `path` can be written: its directory
/// exists and takes a new file, and it is not itself a directory. Creating
/// and removing a temporary file is the one test that covers permissions,
/// read-only mounts and full quotas alike.
pub fn check_writable(path: &Path) -> Result<()> {
    if path.as_os_str() == "-" {
        return Ok(());
    }
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => bail!(
            "cannot write the output to {}: it is a directory; give a file name",
            path.display()
        ),
        Ok(m) if !m.is_file() => return Ok(()),
        _ => {}
    }
    let dir = parent_dir(path);
    if !dir.is_dir() {
        bail!(
            "cannot write the output to {}: the directory {} does not exist; create it first",
            path.display(),
            dir.display()
        );
    }
    create_temp(path).map(drop)
}

/// A temporary file beside `path`, named `.NAME.veracity-tmp-PID-XXXXXX` so
/// that a later run can tell whose it is; created 0666 less the umask.
fn create_temp(path: &Path) -> Result<tempfile::NamedTempFile> {
    let dir = parent_dir(path);
    let prefix = stale::temp_prefix(&file_name(path), std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).rand_bytes(6);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir).with_context(|| {
        format!(
            "cannot write the output to {}: cannot create a file in {}; check that it is writable",
            path.display(),
            dir.display()
        )
    })
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".to_owned())
}
