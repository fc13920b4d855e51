//! A library that exports only part of the ABI: no `veracity_plugin_call`
//! (a test fixture; see ../README.md).

use veracity_plugin::VeracityBuffer;

/// The ABI version.
#[unsafe(no_mangle)]
pub extern "C" fn veracity_plugin_abi_version() -> u32 {
    veracity_plugin::ABI_VERSION
}

/// A manifest.
#[unsafe(no_mangle)]
pub extern "C" fn veracity_plugin_manifest() -> VeracityBuffer {
    let manifest = veracity_plugin::verdict_manifest("no-call", "0.1.0", "Cannot be called");
    VeracityBuffer::from_vec(serde_json::to_vec(&manifest).unwrap_or_default())
}

/// Frees a buffer made by this library.
///
/// # Safety
///
/// `buffer` must come from this library and not have been freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn veracity_plugin_free(buffer: VeracityBuffer) {
    // SAFETY: made by VeracityBuffer::from_vec in this library.
    drop(unsafe { buffer.into_vec() });
}
