//! The veracity plugin ABI: a versioned C ABI carrying JSON.
//!
//! A plugin is a shared library (`cdylib`) that exports four `extern "C"`
//! functions:
//!
//! ```c
//! typedef struct { uint8_t *ptr; size_t len; size_t cap; } VeracityBuffer;
//! uint32_t       veracity_plugin_abi_version(void);
//! VeracityBuffer veracity_plugin_manifest(void);
//! VeracityBuffer veracity_plugin_call(const uint8_t *request_ptr, size_t request_len);
//! void           veracity_plugin_free(VeracityBuffer buffer);
//! ```
//!
//! The manifest is a JSON [`PluginManifest`]; a call takes a JSON
//! [`PluginRequest`] and returns a JSON [`PluginResponse`]. No Rust types or
//! trait objects cross the boundary, so a plugin can be written in any
//! language that can export C functions. `docs/plugins.md` specifies the ABI
//! in full.
//!
//! For plugin authors in Rust, implement [`Plugin`] and call
//! [`export_plugin!`]; it generates the four symbols and turns a panic into an
//! error envelope:
//!
//! ```
//! use veracity_plugin::{FormatRequest, Plugin, PluginManifest};
//!
//! #[derive(Default)]
//! struct Count;
//!
//! impl Plugin for Count {
//!     fn manifest(&self) -> PluginManifest {
//!         veracity_plugin::format_manifest("count", "0.1.0", "Counts the verdicts", "text/plain")
//!     }
//!     fn format(&self, request: FormatRequest) -> Result<String, String> {
//!         Ok(format!("{} verdicts\n", request.report.verdicts.len()))
//!     }
//! }
//!
//! veracity_plugin::export_plugin!(Count);
//! # fn main() {}
//! ```
//!
//! The host side (loading, checking and calling plugins) is in [`host`],
//! behind the `host` feature, so that plugin authors depend only on this
//! crate, `veracity-model` and `serde_json`.

#![deny(missing_docs)]

#[cfg(feature = "host")]
pub mod host;
pub mod runtime;

pub use veracity_model;
pub use veracity_model::{
    FormatRequest, PluginError, PluginKind, PluginManifest, PluginRequest, PluginResponse,
    PluginResult, SCHEMA_VERSION, Verdict, VerdictRequest,
};

/// The ABI version this crate speaks. The host refuses a plugin whose
/// `veracity_plugin_abi_version()` returns anything else. It changes only
/// when the symbols, their signatures or the buffer rules change; changes to
/// the JSON payloads are versioned by [`SCHEMA_VERSION`] instead.
pub const ABI_VERSION: u32 = 1;

/// Name of the symbol returning the plugin's ABI version.
pub const SYMBOL_ABI_VERSION: &str = "veracity_plugin_abi_version";
/// Name of the symbol returning the plugin's manifest.
pub const SYMBOL_MANIFEST: &str = "veracity_plugin_manifest";
/// Name of the symbol taking a request and returning a response.
pub const SYMBOL_CALL: &str = "veracity_plugin_call";
/// Name of the symbol freeing a buffer the plugin returned.
pub const SYMBOL_FREE: &str = "veracity_plugin_free";

/// A byte buffer allocated by the plugin and handed to the host.
///
/// `ptr` and `len` describe UTF-8 JSON (not NUL-terminated). `cap` belongs to
/// the plugin: the host never reads it and passes the buffer back, unchanged,
/// to `veracity_plugin_free`. A null `ptr` means the plugin could not produce
/// a buffer at all; the host reports it as an error and does not free it.
#[repr(C)]
#[derive(Debug)]
pub struct VeracityBuffer {
    /// First byte, or null.
    pub ptr: *mut u8,
    /// Number of bytes at `ptr`.
    pub len: usize,
    /// For the plugin's own use (a Rust plugin stores the `Vec` capacity).
    pub cap: usize,
}

impl VeracityBuffer {
    /// The null buffer: "no buffer".
    pub const fn null() -> VeracityBuffer {
        VeracityBuffer {
            ptr: std::ptr::null_mut(),
            len: 0,
            cap: 0,
        }
    }

    /// Hands a vector over as a buffer. Only [`VeracityBuffer::into_vec`] in
    /// the same binary may take it back.
    pub fn from_vec(bytes: Vec<u8>) -> VeracityBuffer {
        let mut bytes = std::mem::ManuallyDrop::new(bytes);
        VeracityBuffer {
            ptr: bytes.as_mut_ptr(),
            len: bytes.len(),
            cap: bytes.capacity(),
        }
    }

    /// Takes back a vector made by [`VeracityBuffer::from_vec`]; `None` for
    /// the null buffer.
    ///
    /// # Safety
    ///
    /// The buffer must come from `from_vec` in this same binary (the same
    /// allocator), unchanged, and must not be used again.
    pub unsafe fn into_vec(self) -> Option<Vec<u8>> {
        if self.ptr.is_null() {
            return None;
        }
        // SAFETY: the caller guarantees ptr/len/cap came from a Vec<u8> of
        // this binary's allocator.
        Some(unsafe { Vec::from_raw_parts(self.ptr, self.len, self.cap) })
    }

    /// True for the null buffer.
    pub fn is_null(&self) -> bool {
        self.ptr.is_null()
    }
}

/// A plugin written in Rust. Implement the method for the plugin's kind and
/// export it with [`export_plugin!`]; the other method keeps its default,
/// which answers with an error envelope.
pub trait Plugin: Send + Sync + 'static {
    /// The plugin's self-description; see [`format_manifest`] and
    /// [`verdict_manifest`].
    fn manifest(&self) -> PluginManifest;

    /// Renders a report (format plugins). Returns the rendered text; its media
    /// type is the manifest's `media_type` (`text/plain` if none).
    fn format(&self, request: FormatRequest) -> Result<String, String> {
        let _ = request;
        Err("this plugin is not a format plugin".to_owned())
    }

    /// Rates one claim (verdict plugins).
    fn verdict(&self, request: VerdictRequest) -> Result<Verdict, String> {
        let _ = request;
        Err("this plugin is not a verdict plugin".to_owned())
    }
}

/// The manifest of a format plugin speaking this crate's schema version.
pub fn format_manifest(
    name: &str,
    version: &str,
    description: &str,
    media_type: &str,
) -> PluginManifest {
    PluginManifest {
        name: name.to_owned(),
        kind: PluginKind::Format,
        version: version.to_owned(),
        schema_version: SCHEMA_VERSION.to_owned(),
        description: description.to_owned(),
        media_type: Some(media_type.to_owned()),
    }
}

/// The manifest of a verdict plugin speaking this crate's schema version.
pub fn verdict_manifest(name: &str, version: &str, description: &str) -> PluginManifest {
    PluginManifest {
        name: name.to_owned(),
        kind: PluginKind::Verdict,
        version: version.to_owned(),
        schema_version: SCHEMA_VERSION.to_owned(),
        description: description.to_owned(),
        media_type: None,
    }
}

/// Exports a [`Plugin`] as the four ABI symbols.
///
/// `export_plugin!(MyPlugin)` needs `MyPlugin: Plugin + Default`; the value is
/// built on first use and lives as long as the library. Use it once per
/// `cdylib` crate. Panics in the plugin's code are caught at the boundary
/// and returned as an error envelope naming the panic's message and place.
#[macro_export]
macro_rules! export_plugin {
    ($plugin:ty) => {
        const _: () = {
            fn __veracity_plugin_instance() -> &'static $plugin {
                static INSTANCE: ::std::sync::OnceLock<$plugin> = ::std::sync::OnceLock::new();
                INSTANCE.get_or_init(<$plugin as ::core::default::Default>::default)
            }

            /// The ABI version this plugin speaks.
            #[unsafe(no_mangle)]
            pub extern "C" fn veracity_plugin_abi_version() -> u32 {
                $crate::ABI_VERSION
            }

            /// The plugin's manifest as JSON; free it with `veracity_plugin_free`.
            #[unsafe(no_mangle)]
            pub extern "C" fn veracity_plugin_manifest() -> $crate::VeracityBuffer {
                $crate::runtime::manifest(__veracity_plugin_instance)
            }

            /// Answers one JSON request with a JSON response.
            ///
            /// # Safety
            ///
            /// `request_ptr` must point to `request_len` readable bytes.
            #[unsafe(no_mangle)]
            pub unsafe extern "C" fn veracity_plugin_call(
                request_ptr: *const u8,
                request_len: usize,
            ) -> $crate::VeracityBuffer {
                // SAFETY: forwarded from the caller's contract.
                unsafe {
                    $crate::runtime::call(__veracity_plugin_instance, request_ptr, request_len)
                }
            }

            /// Frees a buffer this plugin returned.
            ///
            /// # Safety
            ///
            /// `buffer` must have been returned by this plugin and not freed.
            #[unsafe(no_mangle)]
            pub unsafe extern "C" fn veracity_plugin_free(buffer: $crate::VeracityBuffer) {
                // SAFETY: forwarded from the caller's contract.
                unsafe { $crate::runtime::free(buffer) }
            }
        };
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buffers_round_trip() {
        let buffer = VeracityBuffer::from_vec(b"{}".to_vec());
        assert!(!buffer.is_null());
        assert_eq!(buffer.len, 2);
        // SAFETY: made by from_vec just above.
        let bytes = unsafe { buffer.into_vec() };
        assert_eq!(bytes.as_deref(), Some(&b"{}"[..]));
        // SAFETY: the null buffer is never dereferenced.
        assert_eq!(unsafe { VeracityBuffer::null().into_vec() }, None);
    }

    #[test]
    fn manifests_speak_this_schema_version() {
        let m = format_manifest("x", "1", "d", "text/plain");
        assert_eq!(m.schema_version, SCHEMA_VERSION);
        assert_eq!(m.kind, PluginKind::Format);
        let m = verdict_manifest("y", "1", "d");
        assert_eq!(m.kind, PluginKind::Verdict);
        assert_eq!(m.media_type, None);
    }
}
