//! `veracity validate FILE...`: schema checks with JSON paths.

use crate::Outcome;
use crate::output;
use anyhow::{Result, bail};
use serde_json::Value;
use std::path::{Path, PathBuf};
use veracity_model::SchemaKind;
use veracity_model::validate::validate;

pub fn run(files: &[PathBuf], kind: Option<&str>) -> Result<Outcome> {
    let forced = kind.map(super::schema_kind).transpose()?;
    let mut invalid = 0;
    let mut unreadable = 0;
    for file in files {
        let (problems, readable) = check_file(file, forced);
        if problems.is_empty() {
            continue;
        }
        if readable {
            invalid += 1;
        } else {
            unreadable += 1;
        }
        let mut text = String::new();
        for problem in problems {
            text.push_str(&format!("{}: {problem}\n", file.display()));
        }
        output::stdout(text.as_bytes())?;
    }
    // An input that cannot be read is an input error (2); a file read and
    // found invalid is a failed check (1).
    if unreadable > 0 {
        bail!(
            "{unreadable} of {} file(s) could not be read as JSON, {invalid} invalid",
            files.len()
        );
    }
    if invalid > 0 {
        eprintln!("veracity: {invalid} of {} file(s) invalid", files.len());
        return Ok(Outcome::CheckFailed);
    }
    Ok(Outcome::Success)
}

/// Every problem in one file, as `path: message` lines (empty when
/// valid), and whether the file could be read as JSON at all.
fn check_file(file: &Path, forced: Option<SchemaKind>) -> (Vec<String>, bool) {
    let bytes = match output::read_input(file) {
        Ok(b) => b,
        Err(e) => return (vec![format!("{e:#}")], false),
    };
    let values = match parse_json_or_jsonl(&bytes) {
        Ok(v) => v,
        Err(e) => {
            return (
                vec![format!("not JSON or JSON Lines: {e}; fix the syntax")],
                false,
            );
        }
    };
    let mut problems = Vec::new();
    for (prefix, value) in &values {
        let Some(kind) = forced.or_else(|| SchemaKind::detect(value)) else {
            problems.push(format!(
                "{}cannot tell which type this is (no `$schema` field); pass --type",
                prefix_label(prefix)
            ));
            continue;
        };
        // A JSON array of a single-item type holds one item per element.
        let items: Vec<(String, &Value)> = match value {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (format!("{prefix}/{i}"), v))
                .collect(),
            single => vec![(prefix.clone(), single)],
        };
        for (item_prefix, item) in items {
            for issue in validate(kind, item) {
                problems.push(format!("{item_prefix}{issue}"));
            }
        }
        if problems.is_empty() {
            eprintln!("{}: {}valid {kind}", file.display(), prefix_label(prefix));
        }
    }
    (problems, true)
}

fn prefix_label(prefix: &str) -> String {
    if prefix.is_empty() {
        String::new()
    } else {
        format!("{prefix} ")
    }
}

/// One JSON value (prefix ""), or JSON Lines (prefix "line N").
fn parse_json_or_jsonl(bytes: &[u8]) -> Result<Vec<(String, Value)>, String> {
    match serde_json::from_slice::<Value>(bytes) {
        Ok(value) => Ok(vec![(String::new(), value)]),
        Err(whole) => {
            let text = std::str::from_utf8(bytes).map_err(|_| whole.to_string())?;
            let lines: Vec<(usize, &str)> = text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
                .collect();
            if lines.len() < 2 {
                return Err(whole.to_string());
            }
            lines
                .into_iter()
                .map(|(n, line)| {
                    serde_json::from_str(line)
                        .map(|v| (format!("line {}", n + 1), v))
                        .map_err(|e| format!("line {}: {e}", n + 1))
                })
                .collect()
        }
    }
}
