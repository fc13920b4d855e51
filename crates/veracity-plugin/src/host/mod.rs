//! The host side (feature `host`): finding plugins, checking them, loading
//! them with libloading (or in a child process), and calling them.
//!
//! Before any call the host checks, in this order: that nobody but the user
//! (or root) can change the plugin file or its directory (Unix; the rule is
//! in the `permissions` module), that the
//! library loads, that it exports `veracity_plugin_abi_version` and that this
//! returns [`ABI_VERSION`], that it exports the other three symbols, and that
//! its manifest is JSON matching the plugin-manifest schema with this
//! veracity's [`SCHEMA_VERSION`]. Every response is checked against the
//! plugin-response schema and against the request it answers, after a check
//! of its size against a limit ([`DEFAULT_MAX_RESPONSE`] unless set) made
//! before it is copied. Libraries are never unloaded: a loaded plugin lives
//! as long as the process. While plugin code runs in-process,
//! [`exit_watch`] records which plugin it is, so a program can blame an
//! `exit()` on it.
//!
//! This module never reads the environment; the caller passes the search
//! paths ([`PluginSearch`]).

mod error;
pub mod exit_watch;
pub mod isolate;
mod permissions;

pub use error::{ErrorKind, HostError};
pub use exit_watch::call_in_progress;
pub use permissions::Advice;

/// The largest plugin response accepted unless the caller sets another
/// limit (64 MiB): a report rendered by a format plugin fits many times
/// over, and a runaway plugin cannot make veracity hold gigabytes.
pub const DEFAULT_MAX_RESPONSE: u64 = 64 << 20;

use crate::{
    ABI_VERSION, PluginKind, PluginManifest, PluginRequest, PluginResponse, PluginResult,
    SCHEMA_VERSION, SYMBOL_ABI_VERSION, SYMBOL_CALL, SYMBOL_FREE, SYMBOL_MANIFEST, VeracityBuffer,
};
use error::name_from_path;
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use veracity_model::validate::validate;
use veracity_model::{FormatRequest, Report, SchemaKind, Verdict, VerdictRequest};

type AbiVersionFn = unsafe extern "C" fn() -> u32;
type ManifestFn = unsafe extern "C" fn() -> VeracityBuffer;
type CallFn = unsafe extern "C" fn(*const u8, usize) -> VeracityBuffer;
type FreeFn = unsafe extern "C" fn(VeracityBuffer);

/// Where plugins come from, in order of precedence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Named on the command line (`--plugin PATH`).
    Argument,
    /// Listed in the plugin path (`VERACITY_PLUGIN_PATH`).
    PathList,
    /// Found in the user's plugin directory.
    ConfigDir,
}

impl Origin {
    fn describe(self) -> &'static str {
        match self {
            Origin::Argument => "--plugin",
            Origin::PathList => "VERACITY_PLUGIN_PATH",
            Origin::ConfigDir => "the plugin directory",
        }
    }
}

/// A plugin file to load, and where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The file.
    pub path: PathBuf,
    /// Where it was named or found.
    pub origin: Origin,
}

/// Where to look for plugins. Each entry of `paths` and `path_list` is a
/// plugin file or a directory of them (every file with the platform's
/// shared-library extension, `.so` on Linux, in name order); `config_dir` is
/// a directory that may be absent.
#[derive(Debug, Clone, Default)]
pub struct PluginSearch {
    /// Paths named on the command line.
    pub paths: Vec<PathBuf>,
    /// A path list in the platform's `PATH` syntax (colon-separated on Unix).
    pub path_list: Option<OsString>,
    /// The user's plugin directory.
    pub config_dir: Option<PathBuf>,
}

/// The user's plugin directory: `$XDG_CONFIG_HOME/veracity/plugins` when
/// that variable holds an absolute path, else `$HOME/.config/veracity/plugins`.
/// The caller passes the variables' values.
pub fn config_plugin_dir(xdg_config_home: Option<&OsStr>, home: Option<&OsStr>) -> Option<PathBuf> {
    let base = match xdg_config_home.map(Path::new) {
        Some(xdg) if xdg.is_absolute() => xdg.to_path_buf(),
        _ => {
            let home = Path::new(home.filter(|h| !h.is_empty())?);
            home.join(".config")
        }
    };
    Some(base.join("veracity").join("plugins"))
}

impl PluginSearch {
    /// Every plugin file, in order of precedence: command-line paths, then the
    /// path list, then the plugin directory. A named path that does not exist
    /// is an error; an absent plugin directory is not.
    pub fn candidates(&self) -> Result<Vec<Candidate>, HostError> {
        let mut out = Vec::new();
        for path in &self.paths {
            expand(path, Origin::Argument, &mut out)?;
        }
        if let Some(list) = &self.path_list {
            for path in std::env::split_paths(list) {
                if !path.as_os_str().is_empty() {
                    expand(&path, Origin::PathList, &mut out)?;
                }
            }
        }
        if let Some(dir) = &self.config_dir
            && dir.is_dir()
        {
            expand(dir, Origin::ConfigDir, &mut out)?;
        }
        Ok(out)
    }
}

/// Adds `path` (a file) or the plugin files in `path` (a directory).
fn expand(path: &Path, origin: Origin, out: &mut Vec<Candidate>) -> Result<(), HostError> {
    let unreadable = |e| HostError::new(name_from_path(path), path, ErrorKind::Unreadable(e));
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if !meta.is_dir() {
        out.push(Candidate {
            path: path.to_path_buf(),
            origin,
        });
        return Ok(());
    }
    permissions::check_plugin_dir(path, &meta, &name_from_path(path))?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(unreadable)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| {
            p.extension() == Some(OsStr::new(std::env::consts::DLL_EXTENSION)) && p.is_file()
        })
        .collect();
    files.sort();
    out.extend(files.into_iter().map(|path| Candidate { path, origin }));
    Ok(())
}

/// Checks the plugin file and the directory holding it (after resolving
/// symbolic links); returns the resolved path.
fn check_file(path: &Path) -> Result<PathBuf, HostError> {
    let name = name_from_path(path);
    let unreadable = |e| HostError::new(&name, path, ErrorKind::Unreadable(e));
    let real = std::fs::canonicalize(path).map_err(unreadable)?;
    let meta = std::fs::metadata(&real).map_err(unreadable)?;
    if !meta.is_file() {
        return Err(unreadable(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a file",
        )));
    }
    permissions::check_file(path, &real, &meta, &name)?;
    Ok(real)
}

/// Parses and checks manifest bytes: JSON, the plugin-manifest schema, and
/// this veracity's schema version.
fn check_manifest(path: &Path, bytes: &[u8]) -> Result<PluginManifest, HostError> {
    let name = name_from_path(path);
    let bad = |e: String| HostError::new(&name, path, ErrorKind::BadManifest(e));
    let value: Value = serde_json::from_slice(bytes).map_err(|e| bad(format!("not JSON ({e})")))?;
    // Check the version first: a manifest from another schema version may
    // well fail this version's schema, and the version says what to do.
    if let Some(found) = value.get("schema_version").and_then(Value::as_str)
        && found != SCHEMA_VERSION
    {
        let name = value.get("name").and_then(Value::as_str).unwrap_or(&name);
        return Err(HostError::new(
            name,
            path,
            ErrorKind::SchemaVersion {
                found: found.to_owned(),
            },
        ));
    }
    let issues = validate(SchemaKind::PluginManifest, &value);
    if !issues.is_empty() {
        let list: Vec<String> = issues.iter().map(ToString::to_string).collect();
        return Err(bad(list.join("; ")));
    }
    serde_json::from_value(value).map_err(|e| bad(e.to_string()))
}

enum Backend {
    InProcess {
        call: CallFn,
        free: FreeFn,
        /// Calls into one library are serialised.
        lock: Mutex<()>,
        /// What [`exit_watch`] records while each runs.
        call_note: &'static exit_watch::CallInProgress,
        free_note: &'static exit_watch::CallInProgress,
    },
    Isolated(Mutex<isolate::Child>),
}

/// A loaded, checked plugin. It stays loaded for the life of the process.
pub struct LoadedPlugin {
    manifest: PluginManifest,
    path: PathBuf,
    abi_version: u32,
    backend: Backend,
    /// The largest response accepted, in bytes.
    max_response: u64,
}

impl std::fmt::Debug for LoadedPlugin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoadedPlugin")
            .field("manifest", &self.manifest)
            .field("path", &self.path)
            .field("isolated", &self.is_isolated())
            .finish()
    }
}

impl LoadedPlugin {
    /// Loads a plugin into this process after the permission, ABI and
    /// manifest checks.
    ///
    /// Loading runs the library's initialisers: only load plugins the user
    /// named or configured.
    pub fn load(path: &Path) -> Result<LoadedPlugin, HostError> {
        let real = check_file(path)?;
        let name = name_from_path(path);
        let err = |kind| HostError::new(&name, path, kind);
        let entered = exit_watch::enter(exit_watch::note(&name, path, "loading"));
        // SAFETY: loading a library runs its initialisers. The user named or
        // configured this file, and it passed the permission checks.
        let library = unsafe { libloading::Library::new(&real) }
            .map_err(|e| err(ErrorKind::Load(e.to_string())))?;
        // Never unloaded: symbols stay valid for the life of the process.
        let library: &'static libloading::Library = Box::leak(Box::new(library));
        let symbol = |symbol: &'static str| -> Result<*const (), HostError> {
            // SAFETY: looked up as an untyped pointer; cast below to the
            // signature the ABI specifies.
            unsafe { library.get::<*const ()>(symbol.as_bytes()) }
                .map(|s| *s)
                .map_err(|_| err(ErrorKind::MissingSymbol(symbol)))
        };
        // SAFETY: here and in the transmutes below, each symbol has the
        // signature docs/plugins.md specifies for its name, the type it is
        // cast to: `veracity_plugin_abi_version(void) -> uint32_t`.
        let abi_version: AbiVersionFn =
            unsafe { std::mem::transmute::<*const (), AbiVersionFn>(symbol(SYMBOL_ABI_VERSION)?) };
        // SAFETY: the ABI-version function takes nothing and returns a u32.
        let found = unsafe { abi_version() };
        drop(entered);
        if found != ABI_VERSION {
            return Err(err(ErrorKind::AbiMismatch { found }));
        }
        // SAFETY: `veracity_plugin_manifest(void) -> VeracityBuffer`.
        let manifest_fn: ManifestFn =
            unsafe { std::mem::transmute::<*const (), ManifestFn>(symbol(SYMBOL_MANIFEST)?) };
        // SAFETY: `veracity_plugin_call(const uint8_t *, size_t) -> VeracityBuffer`.
        let call: CallFn =
            unsafe { std::mem::transmute::<*const (), CallFn>(symbol(SYMBOL_CALL)?) };
        // SAFETY: `veracity_plugin_free(VeracityBuffer) -> void`.
        let free: FreeFn =
            unsafe { std::mem::transmute::<*const (), FreeFn>(symbol(SYMBOL_FREE)?) };
        let manifest_note = exit_watch::note(&name, path, SYMBOL_MANIFEST);
        let free_note = exit_watch::note(&name, path, SYMBOL_FREE);
        let buffer = {
            let _entered = exit_watch::enter(manifest_note);
            // SAFETY: the manifest function takes nothing and returns a buffer.
            unsafe { manifest_fn() }
        };
        // SAFETY: the buffer came from this plugin's manifest function.
        let bytes = unsafe {
            take_buffer(
                buffer,
                free,
                free_note,
                DEFAULT_MAX_RESPONSE,
                <[u8]>::to_vec,
            )
        }
        .map_err(|len| {
            err(ErrorKind::BadManifest(format!(
                "veracity_plugin_manifest returned {len} bytes"
            )))
        })?
        .ok_or_else(|| {
            err(ErrorKind::BadManifest(
                "veracity_plugin_manifest returned a null buffer".into(),
            ))
        })?;
        let manifest = check_manifest(path, &bytes)?;
        let call_note = exit_watch::note(&manifest.name, path, SYMBOL_CALL);
        let free_note = exit_watch::note(&manifest.name, path, SYMBOL_FREE);
        Ok(LoadedPlugin {
            manifest,
            path: path.to_path_buf(),
            abi_version: found,
            backend: Backend::InProcess {
                call,
                free,
                lock: Mutex::new(()),
                call_note,
                free_note,
            },
            max_response: DEFAULT_MAX_RESPONSE,
        })
    }

    /// Loads a plugin in a child process: `command` (the `veracity` binary
    /// with the arguments of its plugin-host mode) is run with the plugin's
    /// path appended, and speaks the protocol of [`isolate`] on its standard
    /// input and output. A crash of the plugin then ends only the child.
    ///
    /// With a `timeout`, a child that takes longer to load the plugin or to
    /// answer one call is killed and the call fails.
    pub fn spawn_isolated(
        path: &Path,
        command: Command,
        timeout: Option<Duration>,
    ) -> Result<LoadedPlugin, HostError> {
        check_file(path)?;
        let (child, abi_version, manifest_bytes) = isolate::Child::spawn(path, command, timeout)?;
        if abi_version != ABI_VERSION {
            return Err(HostError::new(
                name_from_path(path),
                path,
                ErrorKind::AbiMismatch { found: abi_version },
            ));
        }
        let manifest = check_manifest(path, &manifest_bytes)?;
        Ok(LoadedPlugin {
            manifest,
            path: path.to_path_buf(),
            abi_version,
            backend: Backend::Isolated(Mutex::new(child)),
            max_response: DEFAULT_MAX_RESPONSE,
        })
    }

    /// The plugin's manifest.
    pub fn manifest(&self) -> &PluginManifest {
        &self.manifest
    }

    /// The plugin's name (from its manifest).
    pub fn name(&self) -> &str {
        &self.manifest.name
    }

    /// What the plugin provides.
    pub fn kind(&self) -> PluginKind {
        self.manifest.kind
    }

    /// The path it was loaded from, as given.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The ABI version it reported.
    pub fn abi_version(&self) -> u32 {
        self.abi_version
    }

    /// The largest response accepted, in bytes.
    pub fn max_response(&self) -> u64 {
        self.max_response
    }

    /// Sets the largest response accepted, in bytes (default
    /// [`DEFAULT_MAX_RESPONSE`]). A larger response is an error; in-process
    /// it is refused before it is copied, and from an isolated plugin it is
    /// read off the pipe and thrown away, never held in memory.
    pub fn set_max_response(&mut self, bytes: u64) {
        self.max_response = bytes;
    }

    /// True when it runs in a child process.
    pub fn is_isolated(&self) -> bool {
        matches!(self.backend, Backend::Isolated(_))
    }

    fn error(&self, kind: ErrorKind) -> HostError {
        HostError::new(&self.manifest.name, &self.path, kind)
    }

    /// Sends raw request bytes and returns the raw response bytes, unchecked
    /// but for the size limit.
    pub fn call_raw(&self, request: &[u8]) -> Result<Vec<u8>, HostError> {
        match &self.backend {
            Backend::InProcess { .. } => {
                self.call_in_place(request, self.max_response, <[u8]>::to_vec)
            }
            Backend::Isolated(child) => {
                let mut child = child.lock().unwrap_or_else(PoisonError::into_inner);
                match child.call(request, self.max_response) {
                    Ok(isolate::Frame::Bytes(bytes)) if bytes.is_empty() => {
                        Err(self.error(ErrorKind::NoResponse))
                    }
                    Ok(isolate::Frame::Bytes(bytes)) => Ok(bytes),
                    Ok(isolate::Frame::TooLarge(len)) => Err(self.too_large(len)),
                    Err(failure) => Err(self.error(failure.into_kind(SYMBOL_CALL))),
                }
            }
        }
    }

    /// Calls an in-process plugin and hands `use_bytes` the response while
    /// it is still in the plugin's buffer, if it is at most `limit` bytes.
    /// (An isolated plugin is called through [`LoadedPlugin::call_raw`].)
    pub(crate) fn call_in_place<R>(
        &self,
        request: &[u8],
        limit: u64,
        use_bytes: impl FnOnce(&[u8]) -> R,
    ) -> Result<R, HostError> {
        let Backend::InProcess {
            call,
            free,
            lock,
            call_note,
            free_note,
        } = &self.backend
        else {
            let bytes = self.call_raw(request)?;
            return Ok(use_bytes(&bytes));
        };
        let _serial = lock.lock().unwrap_or_else(PoisonError::into_inner);
        let buffer = {
            let _entered = exit_watch::enter(call_note);
            // SAFETY: `call` has the ABI's signature; the request bytes
            // outlive the call.
            unsafe { call(request.as_ptr(), request.len()) }
        };
        // SAFETY: the buffer came from this plugin's call function.
        unsafe { take_buffer(buffer, *free, free_note, limit, use_bytes) }
            .map_err(|len| self.too_large(len))?
            .ok_or_else(|| self.error(ErrorKind::NoResponse))
    }

    fn too_large(&self, len: u64) -> HostError {
        self.error(ErrorKind::TooLarge {
            len,
            limit: self.max_response,
        })
    }

    /// Calls the plugin and checks its answer: JSON, the plugin-response
    /// schema, not an error envelope, and a result that answers `request`.
    pub fn call(&self, request: &PluginRequest) -> Result<PluginResult, HostError> {
        let wanted = match request {
            PluginRequest::Format(_) => PluginKind::Format,
            PluginRequest::Verdict(_) => PluginKind::Verdict,
        };
        if wanted != self.manifest.kind {
            return Err(self.error(ErrorKind::WrongKind { wanted }));
        }
        let bytes = serde_json::to_vec(request).map_err(|e| {
            self.error(ErrorKind::Mismatched(format!(
                "an unserialisable request ({e})"
            )))
        })?;
        let response = self.call_raw(&bytes)?;
        self.decode(request, &response)
    }

    /// Renders a report with a format plugin: `(media type, content)`.
    pub fn format(
        &self,
        report: &Report,
        options: &BTreeMap<String, String>,
    ) -> Result<(String, String), HostError> {
        // The request owns its report; cloning keeps the API borrow-friendly.
        let request = PluginRequest::Format(FormatRequest {
            report: report.clone(),
            options: options.clone(),
        });
        match self.call(&request)? {
            PluginResult::Formatted {
                media_type,
                content,
            } => Ok((media_type, content)),
            PluginResult::Verdict { .. } => unreachable!("decode checks the result type"),
        }
    }

    /// Rates one claim with a verdict plugin.
    pub fn verdict(&self, request: VerdictRequest) -> Result<Verdict, HostError> {
        match self.call(&PluginRequest::Verdict(request))? {
            PluginResult::Verdict { verdict } => Ok(*verdict),
            PluginResult::Formatted { .. } => unreachable!("decode checks the result type"),
        }
    }

    fn decode(&self, request: &PluginRequest, bytes: &[u8]) -> Result<PluginResult, HostError> {
        let value: Value = serde_json::from_slice(bytes)
            .map_err(|e| self.error(ErrorKind::MalformedJson(e.to_string())))?;
        let issues = response_issues(&value);
        if !issues.is_empty() {
            return Err(self.error(ErrorKind::InvalidResponse(issues)));
        }
        let response: PluginResponse = serde_json::from_value(value)
            .map_err(|e| self.error(ErrorKind::InvalidResponse(vec![e.to_string()])))?;
        let result = match response {
            PluginResponse::Error(e) => return Err(self.error(ErrorKind::Failed(e.message))),
            PluginResponse::Ok(result) => result,
        };
        match (request, &result) {
            (PluginRequest::Format(_), PluginResult::Formatted { .. }) => Ok(result),
            (PluginRequest::Verdict(r), PluginResult::Verdict { verdict }) => {
                if verdict.claim != r.claim.id {
                    return Err(self.error(ErrorKind::Mismatched(format!(
                        "a verdict on claim {} when asked about claim {}",
                        verdict.claim, r.claim.id
                    ))));
                }
                Ok(result)
            }
            (PluginRequest::Format(_), _) => Err(self.error(ErrorKind::Mismatched(
                "a verdict to a format request".into(),
            ))),
            (PluginRequest::Verdict(_), _) => Err(self.error(ErrorKind::Mismatched(
                "formatted output to a verdict request".into(),
            ))),
        }
    }
}

/// Hands a plugin's buffer to `use_bytes` if it holds at most `limit`
/// bytes, then frees it with the plugin's own function: `Ok(None)` for the
/// null buffer (which is not freed), `Err(len)` for a buffer over the limit
/// (freed unread).
///
/// # Safety
///
/// `buffer` must come from the plugin that `free` belongs to.
unsafe fn take_buffer<R>(
    buffer: VeracityBuffer,
    free: FreeFn,
    free_note: &'static exit_watch::CallInProgress,
    limit: u64,
    use_bytes: impl FnOnce(&[u8]) -> R,
) -> Result<Option<R>, u64> {
    if buffer.ptr.is_null() {
        return Ok(None);
    }
    let len = buffer.len as u64;
    let result = if len > limit {
        Err(len)
    } else {
        // SAFETY: the plugin promises ptr/len describe readable bytes.
        let bytes = unsafe { std::slice::from_raw_parts(buffer.ptr, buffer.len) };
        Ok(Some(use_bytes(bytes)))
    };
    let _entered = exit_watch::enter(free_note);
    // SAFETY: handed back to the plugin that allocated it, once.
    unsafe { free(buffer) };
    result
}

/// Schema problems in a response, as `path: message`. A response whose
/// envelope is right but whose verdict is wrong is checked against the
/// verdict schema too, so the message points into the verdict rather than
/// saying only that no alternative of the envelope matched.
fn response_issues(value: &Value) -> Vec<String> {
    let issues = validate(SchemaKind::PluginResponse, value);
    if issues.is_empty() {
        return Vec::new();
    }
    if let Some(verdict) = value.pointer("/ok/verdict") {
        let inner = validate(SchemaKind::Verdict, verdict);
        if !inner.is_empty() {
            return inner
                .into_iter()
                .map(|i| format!("/ok/verdict{}: {}", i.path, i.message))
                .collect();
        }
    }
    issues.iter().map(ToString::to_string).collect()
}

/// How plugins run.
pub enum Isolation {
    /// Loaded into this process (fast; a crash of the plugin is a crash of
    /// the process).
    InProcess,
    /// Each plugin in a child process.
    Child {
        /// Makes the child's command: the `veracity` binary in its
        /// plugin-host mode (the plugin's path is appended).
        command: Box<dyn Fn() -> Command + Send + Sync>,
        /// The longest wait for the plugin to load or answer one call; a
        /// child that takes longer is killed.
        timeout: Option<Duration>,
    },
}

/// The loaded plugins, in order of precedence.
#[derive(Default)]
pub struct Plugins {
    plugins: Vec<Arc<LoadedPlugin>>,
    warnings: Vec<String>,
}

impl Plugins {
    /// Loads every plugin `search` finds. The same file found twice is loaded
    /// once; of two plugins of the same kind and name, the one found first
    /// wins and the other is reported in [`Plugins::warnings`]. Each accepts
    /// responses of at most `max_response` bytes.
    pub fn load(
        search: &PluginSearch,
        isolation: &Isolation,
        max_response: u64,
    ) -> Result<Plugins, HostError> {
        let mut plugins = Plugins::default();
        let mut seen = HashSet::new();
        let mut origins = Vec::new();
        for candidate in search.candidates()? {
            if let Ok(real) = std::fs::canonicalize(&candidate.path)
                && !seen.insert(real)
            {
                continue;
            }
            let mut plugin = match isolation {
                Isolation::InProcess => LoadedPlugin::load(&candidate.path)?,
                Isolation::Child { command, timeout } => {
                    LoadedPlugin::spawn_isolated(&candidate.path, command(), *timeout)?
                }
            };
            plugin.set_max_response(max_response);
            if let Some(i) = plugins
                .plugins
                .iter()
                .position(|p| p.name() == plugin.name() && p.kind() == plugin.kind())
            {
                let (first, origin): (&LoadedPlugin, Origin) = (&plugins.plugins[i], origins[i]);
                plugins.warnings.push(format!(
                    "plugin {} at {} ({}) is shadowed by {} at {} ({}); remove one of them",
                    plugin.name(),
                    plugin.path().display(),
                    candidate.origin.describe(),
                    first.name(),
                    first.path().display(),
                    origin.describe(),
                ));
                continue;
            }
            origins.push(candidate.origin);
            plugins.plugins.push(Arc::new(plugin));
        }
        Ok(plugins)
    }

    /// Every plugin, in order of precedence.
    pub fn iter(&self) -> impl Iterator<Item = &Arc<LoadedPlugin>> {
        self.plugins.iter()
    }

    /// The plugin of this kind and name.
    pub fn find(&self, kind: PluginKind, name: &str) -> Option<&Arc<LoadedPlugin>> {
        self.plugins
            .iter()
            .find(|p| p.kind() == kind && p.name() == name)
    }

    /// Notes for the user (shadowed plugins).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// True when no plugin was found.
    pub fn is_empty(&self) -> bool {
        self.plugins.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_dir_prefers_an_absolute_xdg_config_home() {
        let dir = config_plugin_dir(Some(OsStr::new("/cfg")), Some(OsStr::new("/home/u")));
        assert_eq!(dir, Some(PathBuf::from("/cfg/veracity/plugins")));
        let dir = config_plugin_dir(Some(OsStr::new("relative")), Some(OsStr::new("/home/u")));
        assert_eq!(dir, Some(PathBuf::from("/home/u/.config/veracity/plugins")));
        assert_eq!(config_plugin_dir(None, None), None);
    }

    #[test]
    fn manifests_are_checked_against_schema_and_version() {
        let path = Path::new("/p/libx.so");
        let ok =
            br#"{"name":"x","kind":"format","version":"1","schema_version":"1","description":"d"}"#;
        assert_eq!(check_manifest(path, ok).unwrap().name, "x");
        let e = check_manifest(path, br#"{"name":"x","kind":"format"}"#).unwrap_err();
        assert!(e.to_string().contains("invalid manifest"), "{e}");
        let e = check_manifest(
            path,
            br#"{"name":"y","kind":"format","version":"1","schema_version":"9","description":"d"}"#,
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("plugin y at /p/libx.so speaks schema version 9"),
            "{e}"
        );
        let e = check_manifest(path, b"nope").unwrap_err();
        assert!(e.to_string().contains("not JSON"), "{e}");
    }

    #[test]
    fn missing_paths_are_named() {
        let search = PluginSearch {
            paths: vec![PathBuf::from("/no/such/libplug.so")],
            ..PluginSearch::default()
        };
        let e = search.candidates().unwrap_err();
        assert!(
            e.to_string()
                .starts_with("plugin plug at /no/such/libplug.so cannot be read"),
            "{e}"
        );
    }

    #[test]
    fn an_absent_config_dir_is_fine() {
        let search = PluginSearch {
            config_dir: Some(PathBuf::from("/no/such/dir")),
            ..PluginSearch::default()
        };
        assert_eq!(search.candidates().unwrap(), vec![]);
    }
}
