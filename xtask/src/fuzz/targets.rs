//! The fuzz targets: each feeds one input to a public entry point and
//! checks what comes back. A panic is caught by the runner; a broken
//! promise (a span outside its text, an error that does not name its
//! input, an envelope that does not survive a round trip) is an `Err`.

use std::io::Cursor;
use veracity_model::plugin::{PluginManifest, PluginRequest, PluginResponse};
use veracity_model::validate::validate;
use veracity_model::{SchemaKind, Verdict};
use veracity_parse::{Options, sniff};
use veracity_plugin::host::isolate::read_frame;
use veracity_plugin::{FormatRequest, Plugin, VerdictRequest};

/// Every target, in the order `--target all` runs them.
pub const TARGETS: &[&str] = &["sniff", "text", "html", "json", "envelope"];

/// The location the parser is told, which its errors must name.
const LOCATION: &str = "fuzz-input";

/// The parser's size limit in the fuzzer: also bounds what gzip inflates to.
const MAX_SIZE: u64 = 16 << 20;

/// Runs `target` on one input.
pub fn run(target: &str, input: &[u8]) -> Result<(), String> {
    match target {
        "sniff" => sniff_input(input),
        "text" | "html" | "json" => parse_input(input),
        "envelope" => envelope(input),
        other => Err(format!("no fuzz target {other}")),
    }
}

/// Gzip, binary and encoding checks, then the format guess.
fn sniff_input(input: &[u8]) -> Result<(), String> {
    let inflated;
    let bytes = if sniff::is_gzip(input) {
        match sniff::gunzip(input, MAX_SIZE) {
            Ok(bytes) if bytes.len() as u64 > MAX_SIZE => {
                return Err(format!(
                    "gunzip returned {} bytes over its limit",
                    bytes.len()
                ));
            }
            Ok(bytes) => {
                inflated = bytes;
                &inflated[..]
            }
            Err(e) => return non_empty(&e.to_string()),
        }
    } else {
        input
    };
    match sniff::decode_text(bytes) {
        Ok(decoded) => {
            // UTF-8 is borrowed as it is; a legacy single-byte encoding
            // grows to at most 3 bytes per input byte (U+0800..U+FFFF).
            let limit = match decoded.encoding {
                None => bytes.len(),
                Some(_) => bytes.len().saturating_mul(3),
            };
            if decoded.text.len() > limit {
                return Err(format!(
                    "decode_text returned {} bytes of text for {} input bytes",
                    decoded.text.len(),
                    bytes.len()
                ));
            }
            let format = sniff::sniff(&decoded.text);
            non_empty(format.media_type())
        }
        Err(e) => non_empty(&e.to_string()),
    }
}

fn non_empty(message: &str) -> Result<(), String> {
    if message.trim().is_empty() {
        Err("an empty error message".into())
    } else {
        Ok(())
    }
}

/// The whole parser: every span must fit its text, every error must name
/// the input.
fn parse_input(input: &[u8]) -> Result<(), String> {
    let options = Options { max_size: MAX_SIZE };
    match veracity_parse::parse(input, LOCATION, &options) {
        Ok(parsed) => {
            for doc in &parsed.documents {
                let problems = doc.check_spans();
                if !problems.is_empty() {
                    return Err(format!(
                        "document {}: spans out of place: {problems:?}",
                        doc.id
                    ));
                }
            }
            for warning in &parsed.warnings {
                if warning.source != LOCATION {
                    return Err(format!(
                        "a warning names {:?}, not the input",
                        warning.source
                    ));
                }
            }
            Ok(())
        }
        Err(e) => {
            let message = e.to_string();
            match message.strip_prefix(LOCATION) {
                Some(rest) if !rest.trim_start_matches(':').trim().is_empty() => Ok(()),
                _ => Err(format!(
                    "an error that does not name its input: {message:?}"
                )),
            }
        }
    }
}

/// The plugin envelope, both ways: bytes decoded as a response (typed and
/// against its schema), as a frame of the `--isolate` protocol, and as a
/// request by the plugin-side runtime.
fn envelope(input: &[u8]) -> Result<(), String> {
    if let Ok(response) = serde_json::from_slice::<PluginResponse>(input) {
        let again = serde_json::to_vec(&response).map_err(|e| format!("re-encoding: {e}"))?;
        let back: PluginResponse = serde_json::from_slice(&again)
            .map_err(|e| format!("a response does not decode after encoding: {e}"))?;
        if back != response {
            return Err("a response changes in an encode-decode round trip".into());
        }
    }
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(input) {
        for issue in validate(SchemaKind::PluginResponse, &value) {
            non_empty(&issue.message)?;
        }
    }
    let mut frames = Cursor::new(input);
    for _ in 0..4 {
        match read_frame(&mut frames) {
            Ok(Some(_)) => {}
            Ok(None) | Err(_) => break,
        }
    }
    let response = veracity_plugin::runtime::respond(fuzz_plugin, input);
    if let PluginResponse::Error(e) = &response {
        non_empty(&e.message)?;
    }
    if serde_json::from_slice::<PluginRequest>(input).is_err()
        && matches!(response, PluginResponse::Ok(_))
    {
        return Err("the runtime answered a request that does not decode".into());
    }
    Ok(())
}

/// A format plugin that counts documents and refuses verdicts: enough to
/// drive the plugin-side decoding and dispatch.
struct FuzzPlugin;

impl Plugin for FuzzPlugin {
    fn manifest(&self) -> PluginManifest {
        veracity_plugin::format_manifest("fuzz", "0.1.0", "counts documents", "text/plain")
    }

    fn format(&self, request: FormatRequest) -> Result<String, String> {
        Ok(request.report.documents.len().to_string())
    }

    fn verdict(&self, request: VerdictRequest) -> Result<Verdict, String> {
        Err(format!("no verdict on {}", request.claim.id))
    }
}

fn fuzz_plugin() -> &'static FuzzPlugin {
    static PLUGIN: FuzzPlugin = FuzzPlugin;
    &PLUGIN
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_accept_good_input_and_refuse_bad_without_failing() {
        for target in TARGETS {
            run(target, b"<p>Hello, said the mayor.</p>").unwrap();
            run(target, b"\xff\xfe\x00garbage").unwrap();
            run(target, b"").unwrap();
        }
        run("envelope", br#"{"error": {"message": "no"}}"#).unwrap();
        run(
            "json",
            br#"[{"url": "u", "title": "t", "text": "Some text here."}]"#,
        )
        .unwrap();
        assert!(run("nope", b"").is_err());
    }
}
