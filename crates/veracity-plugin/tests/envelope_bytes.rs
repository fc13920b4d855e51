//! Arbitrary bytes as a plugin envelope never panic: decoded as a response,
//! read as frames of the `--isolate` protocol, or handed to a plugin as a
//! request. (`cargo xtask fuzz --target envelope` runs the same checks on
//! millions of mutated envelopes; docs/fuzzing.md.)

use proptest::prelude::*;
use std::io::Cursor;
use veracity_plugin::host::isolate::read_frame;
use veracity_plugin::{Plugin, PluginManifest, PluginRequest, PluginResponse, runtime};

struct Counter;

impl Plugin for Counter {
    fn manifest(&self) -> PluginManifest {
        veracity_plugin::format_manifest("counter", "0.1.0", "counts documents", "text/plain")
    }

    fn format(&self, request: veracity_plugin::FormatRequest) -> Result<String, String> {
        Ok(request.report.documents.len().to_string())
    }
}

fn counter() -> &'static Counter {
    static PLUGIN: Counter = Counter;
    &PLUGIN
}

const ENVELOPES: &[&str] = &[
    r#"{"ok": {"type": "formatted", "media_type": "text/plain", "content": "x"}}"#,
    r#"{"error": {"message": "no"}}"#,
    r#"{"method": "format", "params": {"report": {"schema_version": "1", "tool": {"name": "t", "version": "1"}, "documents": [], "claims": [], "verdicts": []}}}"#,
    r#"{"method": "verdict", "params": {"claim": {}, "evidence": [], "scale": "veracity"}}"#,
];

fn check(bytes: &[u8]) {
    if let Ok(response) = serde_json::from_slice::<PluginResponse>(bytes) {
        let again = serde_json::to_vec(&response).unwrap();
        assert_eq!(
            serde_json::from_slice::<PluginResponse>(&again).unwrap(),
            response
        );
    }
    let mut frames = Cursor::new(bytes);
    while let Ok(Some(_)) = read_frame(&mut frames) {}
    let answer = runtime::respond(counter, bytes);
    if serde_json::from_slice::<PluginRequest>(bytes).is_err() {
        assert!(matches!(answer, PluginResponse::Error(_)), "{answer:?}");
    }
}

/// An envelope with a few bytes changed, cut short or spliced.
fn mangled() -> impl Strategy<Value = Vec<u8>> {
    (
        0..ENVELOPES.len(),
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..6),
        any::<prop::sample::Index>(),
    )
        .prop_map(|(seed, edits, cut)| {
            let mut bytes = ENVELOPES[seed].as_bytes().to_vec();
            for (at, byte) in edits {
                let at = at.index(bytes.len());
                bytes[at] = byte;
            }
            let cut = cut.index(bytes.len() + 1);
            bytes.truncate(cut.max(bytes.len() / 2));
            bytes
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        check(&bytes);
    }

    #[test]
    fn mangled_envelopes_never_panic(bytes in mangled()) {
        check(&bytes);
    }

    #[test]
    fn small_frames_are_read_back(body in prop::collection::vec(any::<u8>(), 0..64)) {
        let mut framed = (body.len() as u64).to_le_bytes().to_vec();
        framed.extend_from_slice(&body);
        let read = read_frame(&mut Cursor::new(&framed)).unwrap();
        prop_assert_eq!(read, Some(body));
    }
}
