//! A plugin that misbehaves on request (a test fixture; see ../README.md).

use veracity_plugin::veracity_model::{ClaimId, Rating};
use veracity_plugin::{FormatRequest, Plugin, PluginKind, PluginManifest, Verdict, VerdictRequest};

#[derive(Default)]
struct Misbehave;

fn kind() -> PluginKind {
    match std::env::var("VERACITY_FIXTURE_KIND").as_deref() {
        Ok("format") => PluginKind::Format,
        _ => PluginKind::Verdict,
    }
}

/// Does what `behaviour` asks, or returns `ok`.
fn act(behaviour: &str) -> Result<&str, String> {
    match behaviour {
        "error" => Err("asked to fail".to_owned()),
        "panic" => panic!("asked to panic"),
        "abort" => std::process::abort(),
        // Runs the process's exit handlers, as C's exit(0) does.
        "exit" => std::process::exit(0),
        "hang" => loop {
            std::thread::sleep(std::time::Duration::from_secs(3600));
        },
        other => Ok(other),
    }
}

impl Plugin for Misbehave {
    fn manifest(&self) -> PluginManifest {
        match kind() {
            PluginKind::Format => veracity_plugin::format_manifest(
                "misbehave",
                "0.1.0",
                "Misbehaves on request (test fixture)",
                "text/plain",
            ),
            PluginKind::Verdict => veracity_plugin::verdict_manifest(
                "misbehave",
                "0.1.0",
                "Misbehaves on request (test fixture)",
            ),
        }
    }

    fn format(&self, request: FormatRequest) -> Result<String, String> {
        let behaviour = request
            .options
            .get("behaviour")
            .map_or("ok", String::as_str);
        act(behaviour)?;
        Ok(format!("{} verdicts\n", request.report.verdicts.len()))
    }

    fn verdict(&self, request: VerdictRequest) -> Result<Verdict, String> {
        let behaviour = act(&request.claim.text)?;
        let mut verdict = Verdict {
            claim: request.claim.id.clone(),
            rating: Rating::unverified(),
            confidence: 0.0,
            engine: "misbehave".to_owned(),
            support: 0.0,
            refutation: 0.0,
            evidence: request.evidence,
            reviews: request.reviews,
            explanation: format!("behaved: {behaviour}"),
        };
        match behaviour {
            "invalid" => verdict.confidence = 7.0,
            "wrong-claim" => verdict.claim = ClaimId::from_content(&["another claim"]),
            _ => {}
        }
        Ok(verdict)
    }
}

veracity_plugin::export_plugin!(Misbehave);
