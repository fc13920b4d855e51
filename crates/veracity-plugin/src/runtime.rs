//! The plugin side of the ABI, used by [`export_plugin!`](crate::export_plugin):
//! decoding requests, dispatching to a [`Plugin`], encoding responses, and
//! catching panics at the boundary.
//!
//! These functions are public so that hand-written exports (and the tests)
//! can use them; most authors only need the macro.

use crate::{Plugin, PluginError, PluginRequest, PluginResponse, PluginResult, VeracityBuffer};
use std::cell::{Cell, RefCell};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

thread_local! {
    /// True while this thread is inside a plugin call (panics are then
    /// recorded instead of printed).
    static IN_CALL: Cell<bool> = const { Cell::new(false) };
    /// The message and place of the last panic inside a call.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs (once) a panic hook that records panics raised inside a call,
/// so the error envelope can say what and where, and passes every other
/// panic to the previous hook.
fn install_panic_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if IN_CALL.with(Cell::get) {
                let payload = info.payload();
                let message = payload
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "a non-string panic payload".to_owned());
                let place = info
                    .location()
                    .map(|l| format!(" at {}:{}:{}", l.file(), l.line(), l.column()))
                    .unwrap_or_default();
                LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{message}{place}")));
            } else {
                previous(info);
            }
        }));
    });
}

/// Runs `f` with panics caught: a panic becomes `Err("panicked: ...")`.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_panic_hook();
    IN_CALL.with(|c| c.set(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    IN_CALL.with(|c| c.set(false));
    result.map_err(|_| {
        let what = LAST_PANIC
            .with(|p| p.borrow_mut().take())
            .unwrap_or_else(|| "unknown panic".to_owned());
        format!("the plugin panicked: {what}")
    })
}

fn encode(response: &PluginResponse) -> VeracityBuffer {
    match serde_json::to_vec(response) {
        Ok(bytes) => VeracityBuffer::from_vec(bytes),
        // A response always serialises (string keys, no maps with other keys);
        // if it somehow does not, "no buffer" is the honest answer.
        Err(_) => VeracityBuffer::null(),
    }
}

fn error(message: String) -> PluginResponse {
    PluginResponse::Error(PluginError { message })
}

/// The manifest of the plugin `instance()` returns, as a JSON buffer; the null
/// buffer if building it panics.
pub fn manifest<P: Plugin>(instance: fn() -> &'static P) -> VeracityBuffer {
    match guarded(|| serde_json::to_vec(&instance().manifest())) {
        Ok(Ok(bytes)) => VeracityBuffer::from_vec(bytes),
        _ => VeracityBuffer::null(),
    }
}

/// Answers one request: decodes it, dispatches to the plugin and encodes the
/// response; a bad request, an `Err` and a panic all give an error envelope.
pub fn respond<P: Plugin>(instance: fn() -> &'static P, request: &[u8]) -> PluginResponse {
    let request: PluginRequest = match serde_json::from_slice(request) {
        Ok(r) => r,
        Err(e) => return error(format!("the request is not a valid plugin request: {e}")),
    };
    let outcome = guarded(|| {
        let plugin = instance();
        match request {
            PluginRequest::Format(r) => plugin.format(r).map(|content| {
                let media_type = plugin
                    .manifest()
                    .media_type
                    .unwrap_or_else(|| "text/plain".to_owned());
                PluginResult::Formatted {
                    media_type,
                    content,
                }
            }),
            PluginRequest::Verdict(r) => plugin.verdict(r).map(|verdict| PluginResult::Verdict {
                verdict: Box::new(verdict),
            }),
        }
    });
    match outcome {
        Ok(Ok(result)) => PluginResponse::Ok(result),
        Ok(Err(message)) | Err(message) => error(message),
    }
}

/// The body of `veracity_plugin_call`.
///
/// # Safety
///
/// `request_ptr` must point to `request_len` readable bytes (or be null with
/// `request_len` 0), valid for the duration of the call.
pub unsafe fn call<P: Plugin>(
    instance: fn() -> &'static P,
    request_ptr: *const u8,
    request_len: usize,
) -> VeracityBuffer {
    let request: &[u8] = if request_ptr.is_null() || request_len == 0 {
        &[]
    } else {
        // SAFETY: the caller guarantees the bytes are readable for the call.
        unsafe { std::slice::from_raw_parts(request_ptr, request_len) }
    };
    encode(&respond(instance, request))
}

/// The body of `veracity_plugin_free`.
///
/// # Safety
///
/// `buffer` must come from [`manifest`] or [`call`] of this same binary and
/// must not have been freed.
pub unsafe fn free(buffer: VeracityBuffer) {
    // SAFETY: the caller guarantees the buffer came from VeracityBuffer::from_vec.
    drop(unsafe { buffer.into_vec() });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{FormatRequest, PluginManifest};
    use veracity_model::Report;

    #[derive(Default)]
    struct Echo;

    impl Plugin for Echo {
        fn manifest(&self) -> PluginManifest {
            crate::format_manifest("echo", "0.1.0", "Echoes an option", "text/x-echo")
        }
        fn format(&self, request: FormatRequest) -> Result<String, String> {
            match request.options.get("say").map(String::as_str) {
                Some("panic") => panic!("asked to panic"),
                Some(text) => Ok(text.to_owned()),
                None => Err("say what?".to_owned()),
            }
        }
    }

    fn echo() -> &'static Echo {
        &Echo
    }

    fn format_request(say: Option<&str>) -> Vec<u8> {
        let mut request = FormatRequest {
            report: Report::new("veracity", "0"),
            options: Default::default(),
        };
        if let Some(s) = say {
            request.options.insert("say".into(), s.into());
        }
        serde_json::to_vec(&PluginRequest::Format(request)).unwrap()
    }

    #[test]
    fn answers_with_content_and_media_type() {
        let response = respond(echo, &format_request(Some("hi")));
        assert_eq!(
            response,
            PluginResponse::Ok(PluginResult::Formatted {
                media_type: "text/x-echo".into(),
                content: "hi".into()
            })
        );
    }

    #[test]
    fn errors_panics_and_bad_requests_become_error_envelopes() {
        let message = |r: PluginResponse| match r {
            PluginResponse::Error(e) => e.message,
            other => panic!("expected an error, got {other:?}"),
        };
        assert_eq!(message(respond(echo, &format_request(None))), "say what?");
        let panicked = message(respond(echo, &format_request(Some("panic"))));
        assert!(
            panicked.starts_with("the plugin panicked: asked to panic at "),
            "{panicked}"
        );
        assert!(panicked.contains("runtime.rs"), "{panicked}");
        let bad = message(respond(echo, b"{not json"));
        assert!(bad.contains("not a valid plugin request"), "{bad}");
    }

    #[test]
    fn call_and_free_round_trip() {
        let request = format_request(Some("ok"));
        // SAFETY: the request vector outlives the call.
        let buffer = unsafe { call(echo, request.as_ptr(), request.len()) };
        // SAFETY: the buffer was returned by call.
        let bytes = unsafe { std::slice::from_raw_parts(buffer.ptr, buffer.len) }.to_vec();
        // SAFETY: returned by call, freed once.
        unsafe { free(buffer) };
        let response: PluginResponse = serde_json::from_slice(&bytes).unwrap();
        assert!(matches!(response, PluginResponse::Ok(_)));
        let manifest = manifest(echo);
        // SAFETY: returned by manifest, freed once.
        let bytes = unsafe { manifest.into_vec() }.unwrap();
        let m: PluginManifest = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(m.name, "echo");
    }
}
