//! `veracity validate FILE...`: schema checks with JSON paths, and
//! Google's required and recommended properties for ClaimReview markup.

use crate::Outcome;
use crate::output;
use anyhow::{Result, bail};
use serde_json::Value;
use std::path::{Path, PathBuf};
use veracity_model::SchemaKind;
use veracity_model::validate::claim_review::{self, Severity};
use veracity_model::validate::validate;

/// The `--type` name of schema.org ClaimReview markup.
const CLAIM_REVIEW: &str = "claimreview";

/// What a value is checked as.
#[derive(Clone, Copy)]
enum Check {
    /// One of veracity's own types, against its JSON Schema.
    Schema(SchemaKind),
    /// schema.org ClaimReview, against Google's property list.
    ClaimReview,
}

impl Check {
    fn forced(name: &str) -> Result<Check> {
        if name == CLAIM_REVIEW {
            return Ok(Check::ClaimReview);
        }
        match SchemaKind::from_name(name) {
            Some(kind) => Ok(Check::Schema(kind)),
            None => {
                let mut names: Vec<&str> = SchemaKind::ALL.iter().map(|k| k.name()).collect();
                names.push(CLAIM_REVIEW);
                bail!("unknown type `{name}`; choose one of: {}", names.join(", "))
            }
        }
    }

    fn detect(value: &Value) -> Option<Check> {
        if claim_review::is_claim_review(value) {
            return Some(Check::ClaimReview);
        }
        SchemaKind::detect(value).map(Check::Schema)
    }

    fn name(self) -> &'static str {
        match self {
            Check::Schema(kind) => kind.name(),
            Check::ClaimReview => CLAIM_REVIEW,
        }
    }
}

pub fn run(files: &[PathBuf], kind: Option<&str>) -> Result<Outcome> {
    let forced = kind.map(Check::forced).transpose()?;
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
/// valid), and whether the file could be read as JSON at all. Warnings
/// (ClaimReview's recommended properties) are printed here and do not make
/// the file invalid.
fn check_file(file: &Path, forced: Option<Check>) -> (Vec<String>, bool) {
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
    let mut warnings = Vec::new();
    for (prefix, value) in &values {
        let Some(check) = forced.or_else(|| Check::detect(value)) else {
            problems.push(format!(
                "{}cannot tell which type this is (no `$schema` field, no ClaimReview \
                 `@type`); pass --type",
                prefix_label(prefix)
            ));
            continue;
        };
        let before = problems.len();
        match check {
            Check::Schema(kind) => schema_problems(kind, prefix, value, &mut problems),
            Check::ClaimReview => {
                for problem in claim_review::check(value) {
                    let line = format!("{prefix}{}", problem.issue);
                    match problem.severity {
                        Severity::Error => problems.push(line),
                        Severity::Warning => warnings.push(line),
                    }
                }
            }
        }
        if problems.len() == before {
            eprintln!(
                "{}: {}valid {}",
                file.display(),
                prefix_label(prefix),
                check.name()
            );
        }
    }
    if !warnings.is_empty() {
        let text: String = warnings
            .iter()
            .map(|w| format!("{}: warning: {w}\n", file.display()))
            .collect();
        // A closed stdout is reported with the problems, if any.
        let _ = output::stdout(text.as_bytes());
    }
    (problems, true)
}

/// Schema problems of one value; a JSON array of a single-item type holds
/// one item per element.
fn schema_problems(kind: SchemaKind, prefix: &str, value: &Value, problems: &mut Vec<String>) {
    let items: Vec<(String, &Value)> = match value {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("{prefix}/{i}"), v))
            .collect(),
        single => vec![(prefix.to_owned(), single)],
    };
    for (item_prefix, item) in items {
        for issue in validate(kind, item) {
            problems.push(format!("{item_prefix}{issue}"));
        }
    }
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
