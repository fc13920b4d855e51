//! Inputs: files, directories (walked recursively) and `-` for standard
//! input, read with a size limit.

use crate::error::{ErrorKind, ParseError};
use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use veracity_model::{Diagnostic, Severity};

/// One input to parse: a file, or standard input (`-`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Input {
    path: PathBuf,
}

impl Input {
    /// A file input (or standard input when `path` is `-`).
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Input { path: path.into() }
    }

    /// True for standard input.
    pub fn is_stdin(&self) -> bool {
        self.path.as_os_str() == "-"
    }

    /// The path as given (`-` for standard input).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The location recorded in `Source.location` and in messages.
    pub fn location(&self) -> String {
        self.path.to_string_lossy().into_owned()
    }

    /// Reads the input, refusing more than `max_size` bytes.
    pub fn read(&self, max_size: u64) -> Result<Vec<u8>, ParseError> {
        let location = self.location();
        let err = |kind| ParseError::new(location.clone(), kind);
        if self.is_stdin() {
            return read_limited(std::io::stdin().lock(), max_size).map_err(err);
        }
        let file = std::fs::File::open(&self.path).map_err(|e| err(io_kind(e)))?;
        if let Ok(meta) = file.metadata()
            && meta.len() > max_size
        {
            return Err(err(ErrorKind::TooLarge {
                size: meta.len(),
                limit: max_size,
            }));
        }
        read_limited(file, max_size).map_err(err)
    }
}

fn io_kind(e: std::io::Error) -> ErrorKind {
    if e.kind() == std::io::ErrorKind::NotFound {
        ErrorKind::NotFound
    } else {
        ErrorKind::Io(e)
    }
}

/// Reads at most `limit` bytes; more is a [`ErrorKind::TooLarge`].
pub(crate) fn read_limited(reader: impl Read, limit: u64) -> Result<Vec<u8>, ErrorKind> {
    let mut buf = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(ErrorKind::Io)?;
    if buf.len() as u64 > limit {
        return Err(ErrorKind::TooLarge {
            size: buf.len() as u64,
            limit,
        });
    }
    Ok(buf)
}

/// The inputs named on a command line, expanded: what to read, the paths
/// that cannot be read, and notes about what the walk left out.
#[derive(Debug, Default)]
pub struct InputSet {
    /// Files and `-`, sorted by path, without duplicates.
    pub inputs: Vec<Input>,
    /// Paths that do not exist, cannot be listed, are broken links, or are
    /// folders with no file to read.
    pub errors: Vec<ParseError>,
    /// What was left out on purpose (a folder reached twice through
    /// symbolic links), so that nothing is skipped silently.
    pub notes: Vec<Diagnostic>,
}

/// Expands paths into inputs: files as they are, directories walked
/// recursively (hidden entries skipped; symbolic links followed, each
/// folder read once so a link loop ends), `-` as standard input. The
/// result is sorted by path and free of duplicates, so output order does
/// not depend on the file system. A path that does not exist, cannot be
/// listed, is a broken link or is a folder holding no file comes back as an
/// error; the rest still count.
pub fn gather_inputs<P: AsRef<Path>>(paths: &[P]) -> InputSet {
    let mut set = InputSet::default();
    let mut seen_dirs = HashSet::new();
    for path in paths {
        let path = path.as_ref();
        if path.as_os_str() == "-" {
            set.inputs.push(Input::new("-"));
            continue;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let before = set.inputs.len();
                walk(path, &mut set, &mut seen_dirs);
                if set.inputs.len() == before {
                    set.errors
                        .push(ParseError::new(path.to_string_lossy(), ErrorKind::NoFiles));
                }
            }
            Ok(_) => set.inputs.push(Input::new(path)),
            Err(e) => set
                .errors
                .push(ParseError::new(path.to_string_lossy(), io_kind(e))),
        }
    }
    set.inputs.sort();
    set.inputs.dedup();
    set
}

/// [`gather_inputs`] without the notes.
pub fn collect_inputs<P: AsRef<Path>>(paths: &[P]) -> (Vec<Input>, Vec<ParseError>) {
    let set = gather_inputs(paths);
    (set.inputs, set.errors)
}

fn walk(dir: &Path, set: &mut InputSet, seen_dirs: &mut HashSet<PathBuf>) {
    // A folder is identified by its canonical path: a link back to an
    // ancestor, or a second link to a folder already read, is read once.
    if let Ok(canonical) = std::fs::canonicalize(dir)
        && !seen_dirs.insert(canonical.clone())
    {
        set.notes.push(Diagnostic {
            severity: Severity::Warning,
            source: dir.to_string_lossy().into_owned(),
            message: format!(
                "not read again: it is {} (through a symbolic link), already read",
                canonical.display()
            ),
        });
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            set.errors
                .push(ParseError::new(dir.to_string_lossy(), io_kind(e)));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        // A link is judged by what it points to.
        let target = if file_type.is_symlink() {
            match std::fs::metadata(&path) {
                Ok(meta) => meta.file_type(),
                Err(_) => {
                    set.errors.push(ParseError::new(
                        path.to_string_lossy(),
                        ErrorKind::BrokenLink,
                    ));
                    continue;
                }
            }
        } else {
            file_type
        };
        if target.is_dir() {
            walk(&path, set, seen_dirs);
        } else if target.is_file() {
            set.inputs.push(Input::new(path));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_is_enforced() {
        assert!(matches!(
            read_limited(&b"abcdef"[..], 3),
            Err(ErrorKind::TooLarge { .. })
        ));
        assert_eq!(read_limited(&b"abc"[..], 3).unwrap(), b"abc");
    }

    #[test]
    fn missing_paths_are_errors() {
        let (inputs, errors) = collect_inputs(&["/definitely/not/here"]);
        assert!(inputs.is_empty());
        assert_eq!(errors.len(), 1);
        assert!(errors[0].to_string().contains("no such file"));
    }

    #[cfg(unix)]
    #[test]
    fn symlinked_folders_are_followed_once_and_loops_end() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("root");
        let sub = dir.path().join("elsewhere");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(root.join("a.txt"), "a").unwrap();
        std::fs::write(sub.join("b.txt"), "b").unwrap();
        std::os::unix::fs::symlink(&sub, root.join("linked")).unwrap();
        std::os::unix::fs::symlink(&root, root.join("loop")).unwrap();
        std::os::unix::fs::symlink(root.join("gone"), root.join("broken")).unwrap();
        let set = gather_inputs(&[&root]);
        let names: Vec<String> = set
            .inputs
            .iter()
            .map(|i| i.path().strip_prefix(&root).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["a.txt", "linked/b.txt"]);
        assert_eq!(set.notes.len(), 1, "{:?}", set.notes);
        assert!(set.notes[0].source.ends_with("loop"), "{:?}", set.notes);
        assert_eq!(set.errors.len(), 1);
        assert!(
            set.errors[0].to_string().contains("broken"),
            "{}",
            set.errors[0]
        );
    }

    #[test]
    fn a_folder_without_files_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(".hidden"), "x").unwrap();
        let set = gather_inputs(&[dir.path()]);
        assert!(set.inputs.is_empty());
        assert_eq!(set.errors.len(), 1);
        assert!(
            set.errors[0].to_string().contains("no file"),
            "{}",
            set.errors[0]
        );
    }
}
