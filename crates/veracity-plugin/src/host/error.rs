//! The host's error: every message names the plugin and its path and says
//! what to do.

use std::fmt;
use std::path::{Path, PathBuf};

/// What went wrong with a plugin.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A named plugin path does not exist or cannot be read.
    Unreadable(std::io::Error),
    /// The file, or the directory holding it, is writable by group or others.
    Writable {
        /// The offending file or directory.
        what: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
    /// The dynamic loader refused the file.
    Load(String),
    /// A required symbol is missing.
    MissingSymbol(&'static str),
    /// The plugin speaks another ABI version.
    AbiMismatch {
        /// The version the plugin reported.
        found: u32,
    },
    /// The manifest is missing, not JSON, or does not match its schema.
    BadManifest(String),
    /// The manifest's schema version is not this veracity's.
    SchemaVersion {
        /// The version the manifest states.
        found: String,
    },
    /// Asked to use a plugin as the wrong kind.
    WrongKind {
        /// The kind the caller wanted.
        wanted: veracity_model::PluginKind,
    },
    /// The plugin returned the null buffer.
    NoResponse,
    /// The response is not UTF-8 JSON.
    MalformedJson(String),
    /// The response is JSON but does not match the plugin-response schema.
    InvalidResponse(Vec<String>),
    /// The response is valid but does not answer the request (a formatted
    /// result to a verdict request, a verdict on another claim).
    Mismatched(String),
    /// The plugin answered with an error envelope.
    Failed(String),
    /// The isolated plugin host process died or broke the protocol.
    Crashed(String),
    /// An error reported, fully worded, by the isolated plugin host process.
    Remote(String),
}

/// An error loading or calling a plugin. Its message names the plugin (its
/// manifest name, or the file name before the manifest is read) and its path,
/// on one line.
#[derive(Debug)]
pub struct HostError {
    name: String,
    path: PathBuf,
    kind: ErrorKind,
}

/// The `MAJOR.MINOR` of this crate, for "rebuild against" advice.
pub(crate) fn crate_minor_version() -> &'static str {
    let version = env!("CARGO_PKG_VERSION");
    match version.match_indices('.').nth(1) {
        Some((i, _)) => &version[..i],
        None => version,
    }
}

/// The name a plugin file goes by before its manifest is read: its stem
/// without a `lib` prefix (`libbulletin.so` → `bulletin`).
pub(crate) fn name_from_path(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    match stem.strip_prefix("lib") {
        Some(rest) if !rest.is_empty() => rest.to_owned(),
        _ => stem,
    }
}

impl HostError {
    pub(crate) fn new(name: impl Into<String>, path: impl Into<PathBuf>, kind: ErrorKind) -> Self {
        HostError {
            name: name.into(),
            path: path.into(),
            kind,
        }
    }

    /// The plugin's name (the file's, if its manifest was not read).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The plugin's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

/// Makes a plugin-supplied text safe for a one-line message.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl fmt::Display for HostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (name, path) = (&self.name, self.path.display());
        let minor = crate_minor_version();
        let abi = crate::ABI_VERSION;
        match &self.kind {
            ErrorKind::Remote(message) => f.write_str(message),
            ErrorKind::Unreadable(e) => {
                write!(
                    f,
                    "plugin {name} at {path} cannot be read: {e}; check the path"
                )
            }
            ErrorKind::Writable { what, mode } => write!(
                f,
                "plugin {name} at {path} refused: {} is writable by group or others \
                 (mode {:03o}); run `chmod go-w {}` if you trust it",
                what.display(),
                mode & 0o777,
                what.display()
            ),
            ErrorKind::Load(e) => write!(
                f,
                "plugin {name} at {path} cannot be loaded: {}; is it a shared library \
                 built for this platform?",
                one_line(e)
            ),
            ErrorKind::MissingSymbol(symbol) => write!(
                f,
                "plugin {name} at {path} lacks symbol {symbol}: is it a veracity plugin? \
                 rebuild it with veracity_plugin::export_plugin!"
            ),
            ErrorKind::AbiMismatch { found } => write!(
                f,
                "plugin {name} at {path} speaks ABI {found}, this veracity speaks ABI {abi}: \
                 rebuild the plugin against veracity-plugin {minor}"
            ),
            ErrorKind::BadManifest(e) => write!(
                f,
                "plugin {name} at {path} has an invalid manifest: {}; \
                 see `veracity schema plugin-manifest`",
                one_line(e)
            ),
            ErrorKind::SchemaVersion { found } => write!(
                f,
                "plugin {name} at {path} speaks schema version {}, this veracity speaks \
                 schema version {}: rebuild the plugin against veracity-plugin {minor}",
                one_line(found),
                veracity_model::SCHEMA_VERSION
            ),
            ErrorKind::WrongKind { wanted } => {
                let wanted = match wanted {
                    veracity_model::PluginKind::Format => "format",
                    veracity_model::PluginKind::Verdict => "verdict",
                };
                write!(f, "plugin {name} at {path} is not a {wanted} plugin")
            }
            ErrorKind::NoResponse => write!(
                f,
                "plugin {name} at {path} returned no response (a null buffer); \
                 report this to the plugin's author"
            ),
            ErrorKind::MalformedJson(e) => write!(
                f,
                "plugin {name} at {path} returned malformed JSON ({}); \
                 report this to the plugin's author",
                one_line(e)
            ),
            ErrorKind::InvalidResponse(issues) => {
                let shown: Vec<String> = issues.iter().take(3).map(|i| one_line(i)).collect();
                let more = match issues.len().saturating_sub(3) {
                    0 => String::new(),
                    n => format!(" (and {n} more)"),
                };
                write!(
                    f,
                    "plugin {name} at {path} returned a response that does not match the \
                     plugin-response schema: {}{more}; report this to the plugin's author",
                    shown.join("; ")
                )
            }
            ErrorKind::Mismatched(e) => write!(
                f,
                "plugin {name} at {path} returned {}; report this to the plugin's author",
                one_line(e)
            ),
            ErrorKind::Failed(message) => {
                write!(f, "plugin {name} at {path} failed: {}", one_line(message))
            }
            ErrorKind::Crashed(e) => write!(
                f,
                "plugin {name} at {path} crashed: {}; report this to the plugin's author",
                one_line(e)
            ),
        }
    }
}

impl std::error::Error for HostError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Unreadable(e) => Some(e),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_file_stems() {
        assert_eq!(name_from_path(Path::new("/x/libbulletin.so")), "bulletin");
        assert_eq!(name_from_path(Path::new("/x/hello.dll")), "hello");
        assert_eq!(name_from_path(Path::new("lib.so")), "lib");
    }

    #[test]
    fn version_advice_uses_major_minor() {
        assert_eq!(crate_minor_version().matches('.').count(), 1);
        let e = HostError::new("x", "/p/libx.so", ErrorKind::AbiMismatch { found: 2 });
        assert_eq!(
            e.to_string(),
            format!(
                "plugin x at /p/libx.so speaks ABI 2, this veracity speaks ABI 1: \
                 rebuild the plugin against veracity-plugin {}",
                crate_minor_version()
            )
        );
    }

    #[test]
    fn plugin_text_is_kept_on_one_line() {
        let e = HostError::new("x", "/p", ErrorKind::Failed("two\nlines".into()));
        assert_eq!(e.to_string(), "plugin x at /p failed: two lines");
    }
}
