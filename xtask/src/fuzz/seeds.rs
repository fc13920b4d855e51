//! The seed corpus: the pages of examples/corpus, the parser's test
//! fixtures, xtask/fuzz-seeds and the example report, sorted by what they
//! are, so each target mutates inputs of its own kind. Read from the
//! repository only (never from ../shared).

use anyhow::{Context, Result, bail};
use serde_json::{Value, json};
use std::path::Path;

/// Seeds by kind, each a list of whole files (or built envelopes).
#[derive(Debug, Default)]
pub struct Seeds {
    /// HTML pages.
    pub html: Vec<Vec<u8>>,
    /// Plain-text scrapes.
    pub text: Vec<Vec<u8>>,
    /// JSON and JSON Lines files.
    pub json: Vec<Vec<u8>>,
    /// Plugin requests and responses (JSON), built from the example report.
    pub envelope: Vec<Vec<u8>>,
    /// All of the above, for splices across formats and the sniff target.
    pub all: Vec<Vec<u8>>,
}

/// The folders seeds are read from, relative to the workspace root.
const SEED_DIRS: &[&str] = &[
    "examples/corpus",
    "examples/reports",
    "crates/veracity-parse/tests/fixtures",
    "xtask/fuzz-seeds",
];

/// Reads every seed under the workspace root `root`.
pub fn load(root: &Path) -> Result<Seeds> {
    let mut seeds = Seeds::default();
    for dir in SEED_DIRS {
        let dir = root.join(dir);
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .with_context(|| format!("reading the seed folder {}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        // Sorted, so seed numbers (and so the generated inputs) are stable.
        paths.sort();
        for path in paths {
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            let list = match ext {
                "html" | "htm" => &mut seeds.html,
                "txt" => &mut seeds.text,
                "json" | "jsonl" => &mut seeds.json,
                _ => continue,
            };
            let bytes =
                std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
            list.push(bytes);
        }
    }
    let report = root.join("examples/reports/desalination.json");
    let report: Value = serde_json::from_slice(
        &std::fs::read(&report).with_context(|| format!("reading {}", report.display()))?,
    )
    .with_context(|| format!("{} is not JSON", report.display()))?;
    seeds.envelope = envelopes(&report)?;
    seeds.all = [&seeds.html, &seeds.text, &seeds.json, &seeds.envelope]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    if seeds.html.is_empty() || seeds.text.is_empty() || seeds.json.is_empty() {
        bail!(
            "the seed folders ({}) lack HTML, text or JSON files",
            SEED_DIRS.join(", ")
        );
    }
    Ok(seeds)
}

/// Plugin envelopes of every shape, from the example report: the two
/// requests, the two results, an error, and a framed response of the
/// `--isolate` protocol.
fn envelopes(report: &Value) -> Result<Vec<Vec<u8>>> {
    let verdict = report
        .pointer("/verdicts/0")
        .context("the example report has no verdict")?;
    let claim = report
        .pointer("/claims/0")
        .context("the example report has no claim")?;
    let evidence = verdict.get("evidence").cloned().unwrap_or(json!([]));
    let values = [
        json!({"ok": {"type": "verdict", "verdict": verdict}}),
        json!({"ok": {"type": "formatted", "media_type": "text/csv", "content": "claim,rating\n\"a\",b\n"}}),
        json!({"error": {"message": "the plugin could not rate the claim"}}),
        json!({"method": "format", "params": {"report": report, "options": {"width": "80"}}}),
        json!({"method": "verdict", "params": {"claim": claim, "evidence": evidence, "scale": "veracity"}}),
    ];
    let mut out: Vec<Vec<u8>> = values
        .iter()
        .map(serde_json::to_vec)
        .collect::<Result<_, _>>()?;
    let mut framed = (out[2].len() as u64).to_le_bytes().to_vec();
    framed.extend_from_slice(&out[2]);
    out.push(framed);
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_repository_seeds_load() {
        let seeds = super::load(&crate::workspace_root()).unwrap();
        assert!(seeds.html.len() >= 5, "{}", seeds.html.len());
        assert!(seeds.text.len() >= 5);
        assert!(seeds.json.len() >= 4);
        assert_eq!(seeds.envelope.len(), 6);
    }
}
