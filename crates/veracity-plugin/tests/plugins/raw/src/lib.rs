//! A plugin with hand-written symbols that returns broken responses on
//! request (a test fixture; see ../README.md).

use veracity_plugin::VeracityBuffer;

/// The ABI version: 1, or `VERACITY_FIXTURE_ABI`.
#[unsafe(no_mangle)]
pub extern "C" fn veracity_plugin_abi_version() -> u32 {
    std::env::var("VERACITY_FIXTURE_ABI")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(veracity_plugin::ABI_VERSION)
}

/// A manifest of the kind `VERACITY_FIXTURE_KIND` names.
#[unsafe(no_mangle)]
pub extern "C" fn veracity_plugin_manifest() -> VeracityBuffer {
    let kind = std::env::var("VERACITY_FIXTURE_KIND").unwrap_or_else(|_| "verdict".into());
    let manifest = serde_json::json!({
        "name": "raw",
        "kind": kind,
        "version": "0.1.0",
        "schema_version": veracity_plugin::SCHEMA_VERSION,
        "description": "Returns broken responses on request (test fixture)",
    });
    VeracityBuffer::from_vec(manifest.to_string().into_bytes())
}

/// Answers with what the request's claim text or `behaviour` option asks.
///
/// # Safety
///
/// `ptr` must point to `len` readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn veracity_plugin_call(ptr: *const u8, len: usize) -> VeracityBuffer {
    // SAFETY: the host passes `len` readable bytes.
    let request = unsafe { std::slice::from_raw_parts(ptr, len) };
    let request: serde_json::Value = serde_json::from_slice(request).unwrap_or_default();
    let behaviour = request
        .pointer("/params/claim/text")
        .or_else(|| request.pointer("/params/options/behaviour"))
        .and_then(serde_json::Value::as_str)
        .unwrap_or("");
    let bytes: Vec<u8> = match behaviour {
        "malformed" => b"{\"ok\": {\"type\": ".to_vec(),
        "utf8" => vec![b'"', 0xff, 0xfe, b'"'],
        "null" => return VeracityBuffer::null(),
        "schema" => br#"{"ok": {"type": "nonsense"}}"#.to_vec(),
        "huge" => huge_error(),
        _ => br#"{"error": {"message": "the raw plugin always fails"}}"#.to_vec(),
    };
    VeracityBuffer::from_vec(bytes)
}

/// An error envelope of `VERACITY_FIXTURE_HUGE` bytes (default 1 MiB).
fn huge_error() -> Vec<u8> {
    let size: usize = std::env::var("VERACITY_FIXTURE_HUGE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1 << 20);
    let (head, tail) = (br#"{"error": {"message": ""#, br#""}}"#);
    let mut bytes = head.to_vec();
    bytes.resize(size.saturating_sub(tail.len()).max(head.len()), b'x');
    bytes.extend_from_slice(tail);
    bytes
}

/// Frees a buffer made by this plugin.
///
/// # Safety
///
/// `buffer` must come from this plugin and not have been freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn veracity_plugin_free(buffer: VeracityBuffer) {
    // SAFETY: made by VeracityBuffer::from_vec in this library.
    drop(unsafe { buffer.into_vec() });
}
