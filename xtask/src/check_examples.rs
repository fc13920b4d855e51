//! `cargo xtask check-examples`: every schema against its metaschema, every
//! JSON file under examples/ (and the built-in scales) against its schema.

use anyhow::{Context, Result};
use serde_json::Value;
use std::path::{Path, PathBuf};
use veracity_model::SchemaKind;
use veracity_model::validate::validate;

pub fn run() -> Result<bool> {
    let root = crate::workspace_root();
    let mut ok = true;
    for kind in SchemaKind::ALL {
        let path = root.join("schemas").join(kind.file_name());
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        let schema: Value =
            serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
        if let Err(e) = jsonschema::meta::validate(&schema) {
            eprintln!("{}: not a valid JSON Schema: {e}", path.display());
            ok = false;
        }
    }
    let mut files = vec![root.join("crates/veracity-model/data/scales.json")];
    collect_json(&root.join("examples"), &mut files)?;
    files.sort();
    let mut checked = 0;
    for file in &files {
        checked += 1;
        ok &= check_file(&root, file)?;
    }
    eprintln!(
        "checked {} schemas and {checked} JSON files",
        SchemaKind::ALL.len()
    );
    Ok(ok)
}

fn collect_json(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries {
        let path = entry?.path();
        if path.is_dir() {
            // Build output of example plugin crates is not example data.
            if path.file_name().is_some_and(|n| n == "target") {
                continue;
            }
            collect_json(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
    Ok(())
}

fn check_file(root: &Path, file: &Path) -> Result<bool> {
    let shown = file.strip_prefix(root).unwrap_or(file).display();
    let text = std::fs::read_to_string(file).with_context(|| format!("reading {shown}"))?;
    let value: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("{shown}: not JSON: {e}");
            return Ok(false);
        }
    };
    let Some(kind) = SchemaKind::detect(&value) else {
        // JSON that is not a veracity type (e.g. a ClaimReview input) is
        // checked by the parser's tests, not here.
        eprintln!("{shown}: skipped (not a veracity type)");
        return Ok(true);
    };
    let items: Vec<&Value> = match &value {
        Value::Array(items) => items.iter().collect(),
        single => vec![single],
    };
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        for issue in validate(kind, item) {
            let at = if value.is_array() {
                format!("[{i}]")
            } else {
                String::new()
            };
            eprintln!("{shown}{at}: {issue}");
            ok = false;
        }
    }
    if ok {
        eprintln!("{shown}: valid {kind}");
    }
    Ok(ok)
}
