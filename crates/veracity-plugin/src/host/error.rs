//! The host's error: every message names the plugin and its path and says
//! what to do.

use super::permissions::Advice;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What went wrong with a plugin.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A named plugin path does not exist or cannot be read.
    Unreadable(std::io::Error),
    /// The file, or the directory holding it, is writable by group or others
    /// (see the rule in docs/plugins.md).
    Writable {
        /// The offending file or directory.
        what: PathBuf,
        /// Its permission bits, with the setuid, setgid and sticky bits.
        mode: u32,
        /// What the user can do about it.
        advice: Advice,
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
    /// The isolated plugin host did not load the plugin or answer a call in
    /// time (`--plugin-timeout`) and was stopped.
    TimedOut {
        /// `loading` or the entry point called.
        during: &'static str,
        /// The time limit.
        limit: Duration,
    },
    /// The isolated plugin host exited (the plugin called `exit` or
    /// `_exit`) instead of loading the plugin or answering a call.
    Exited {
        /// `loading` or the entry point called.
        during: &'static str,
        /// The exit status.
        status: i32,
    },
    /// The response is larger than the limit (`--plugin-max-response`); it
    /// was not copied.
    TooLarge {
        /// The response's size in bytes.
        len: u64,
        /// The limit in bytes.
        limit: u64,
    },
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
            ErrorKind::Writable { what, mode, advice } => {
                write_writable(f, name, &path, what, *mode, *advice)
            }
            ErrorKind::Load(e) => write!(
                f,
                "plugin {name} at {path} cannot be loaded: {}; is it a shared library \
                 built for this platform?",
                one_line(e)
            ),
            ErrorKind::MissingSymbol(symbol) => write!(
                f,
                "plugin {name} at {path} lacks symbol {symbol}: is it a veracity plugin? \
                 In C, define `{}` with default visibility (inside extern \"C\" in C++; \
                 see the ABI in docs/plugins.md and examples/plugins/c-hello/plugin.c); \
                 in Rust, veracity_plugin::export_plugin! exports it",
                c_declaration(symbol)
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
            ErrorKind::TimedOut { during, limit } => {
                let limit = limit.as_secs_f64();
                match *during {
                    "loading" => write!(f, "plugin {name} at {path} did not load within"),
                    call => write!(f, "plugin {name} at {path} did not answer {call} within"),
                }?;
                write!(
                    f,
                    " {limit} s (--plugin-timeout) and was stopped; raise --plugin-timeout \
                     if the plugin is slow"
                )
            }
            ErrorKind::Exited { during, status } => write!(
                f,
                "plugin {name} at {path} ended its process (exit status {status}) {} \
                 instead of answering: a plugin must not call exit(); \
                 report this to the plugin's author",
                if *during == "loading" {
                    "while loading".to_owned()
                } else {
                    format!("during {during}")
                }
            ),
            ErrorKind::TooLarge { len, limit } => write!(
                f,
                "plugin {name} at {path} returned a response of {len} bytes, more than \
                 the limit of {limit} bytes; raise --plugin-max-response if that is expected"
            ),
        }
    }
}

/// The C declaration of an ABI symbol, for "how to export it" advice.
fn c_declaration(symbol: &str) -> &'static str {
    match symbol {
        crate::SYMBOL_ABI_VERSION => "uint32_t veracity_plugin_abi_version(void)",
        crate::SYMBOL_MANIFEST => "VeracityBuffer veracity_plugin_manifest(void)",
        crate::SYMBOL_CALL => {
            "VeracityBuffer veracity_plugin_call(const uint8_t *request_ptr, size_t request_len)"
        }
        crate::SYMBOL_FREE => "void veracity_plugin_free(VeracityBuffer buffer)",
        _ => "it",
    }
}

/// The refusal of a plugin others could change, with advice the user can
/// follow.
fn write_writable(
    f: &mut fmt::Formatter<'_>,
    name: &str,
    path: &dyn fmt::Display,
    what: &Path,
    mode: u32,
    advice: Advice,
) -> fmt::Result {
    let what = what.display();
    let mode = mode & 0o7777;
    let home = "a directory only you can write to, such as ~/.config/veracity/plugins";
    write!(f, "plugin {name} at {path} refused: ")?;
    match advice {
        Advice::Chmod => write!(
            f,
            "{what} is writable by group or others (mode {mode:03o}); \
             run `chmod go-w {what}` if you trust it"
        ),
        Advice::Move => write!(
            f,
            "{what} is writable by group or others (mode {mode:03o}) and is not yours to \
             change; move the plugin into {home}"
        ),
        Advice::ForeignFile { owner } => write!(
            f,
            "{what} is writable by others (mode {mode:03o}) and the plugin file in it \
             belongs to another user (uid {owner}), who may replace it; \
             move the plugin into {home}"
        ),
        Advice::SharedPluginDirectory => write!(
            f,
            "plugin directory {what} is writable by group or others (mode {mode:03o}), \
             so anyone could add a plugin to it; name each plugin file with --plugin, \
             or move the plugins into {home}"
        ),
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
