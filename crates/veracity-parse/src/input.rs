//! Inputs: files, directories (walked recursively) and `-` for standard
//! input, read with a size limit.

use crate::error::{ErrorKind, ParseError};
use std::io::Read;
use std::path::{Path, PathBuf};

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

/// Expands paths into inputs: files as they are, directories walked
/// recursively (hidden entries and symlinked directories skipped), `-` as
/// standard input. The result is sorted by path and free of duplicates, so
/// output order does not depend on the file system. Paths that do not exist
/// or cannot be listed come back as errors; the rest still count.
pub fn collect_inputs<P: AsRef<Path>>(paths: &[P]) -> (Vec<Input>, Vec<ParseError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let path = path.as_ref();
        if path.as_os_str() == "-" {
            inputs.push(Input::new("-"));
            continue;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut inputs, &mut errors),
            Ok(_) => inputs.push(Input::new(path)),
            Err(e) => errors.push(ParseError::new(path.to_string_lossy(), io_kind(e))),
        }
    }
    inputs.sort();
    inputs.dedup();
    (inputs, errors)
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<ParseError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(ParseError::new(dir.to_string_lossy(), io_kind(e)));
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
        let is_file = file_type.is_file()
            || (file_type.is_symlink() && std::fs::metadata(&path).is_ok_and(|m| m.is_file()));
        if file_type.is_dir() {
            walk(&path, inputs, errors);
        } else if is_file {
            inputs.push(Input::new(path));
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
}
