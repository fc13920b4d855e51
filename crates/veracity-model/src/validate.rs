//! Validation of untrusted JSON against the generated schemas (feature
//! `validate`), plus the checks a schema cannot express (spans that fit
//! their text), and [`claim_review`]: Google's properties for ClaimReview
//! markup, which is schema.org's type, not ours.

pub mod claim_review;

use crate::schema::{SchemaKind, generate};
use serde_json::Value;
use std::sync::OnceLock;

/// One problem found in a JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationIssue {
    /// JSON Pointer to the offending value (`/verdicts/0/rating/value`); empty
    /// for the root.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for ValidationIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = if self.path.is_empty() {
            "/"
        } else {
            &self.path
        };
        write!(f, "{path}: {}", self.message)
    }
}

fn validator(kind: SchemaKind) -> &'static jsonschema::Validator {
    static VALIDATORS: [OnceLock<jsonschema::Validator>; SchemaKind::ALL.len()] =
        [const { OnceLock::new() }; SchemaKind::ALL.len()];
    let index = SchemaKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or_else(|| unreachable!("ALL lists every kind"));
    VALIDATORS[index].get_or_init(|| {
        // The schemas are generated from our own types and checked against
        // the metaschema by tests, so building a validator cannot fail.
        jsonschema::validator_for(&generate(kind))
            .unwrap_or_else(|e| panic!("generated {kind} schema is not a valid schema: {e}"))
    })
}

/// Every problem in `value` as a `kind`, schema errors first, then span
/// errors for the documents it holds. Empty means valid.
pub fn validate(kind: SchemaKind, value: &Value) -> Vec<ValidationIssue> {
    let mut issues: Vec<ValidationIssue> = validator(kind)
        .iter_errors(value)
        .map(|e| ValidationIssue {
            path: e.instance_path().as_str().to_owned(),
            message: e.to_string(),
        })
        .collect();
    if issues.is_empty() {
        issues.extend(span_issues(kind, value));
    }
    issues
}

/// Span checks for a schema-valid value.
fn span_issues(kind: SchemaKind, value: &Value) -> Vec<ValidationIssue> {
    let documents: Vec<(String, &Value)> = match kind {
        SchemaKind::Document => vec![(String::new(), value)],
        SchemaKind::Report => value
            .get("documents")
            .and_then(Value::as_array)
            .map(|docs| {
                docs.iter()
                    .enumerate()
                    .map(|(i, d)| (format!("/documents/{i}"), d))
                    .collect()
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    let mut issues = Vec::new();
    for (prefix, doc) in documents {
        match serde_json::from_value::<crate::Document>(doc.clone()) {
            Ok(doc) => issues.extend(doc.check_spans().into_iter().map(|e| ValidationIssue {
                path: format!("{prefix}{}", e.field),
                message: e.error.to_string(),
            })),
            Err(e) => issues.push(ValidationIssue {
                path: prefix,
                message: e.to_string(),
            }),
        }
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn document() -> Value {
        json!({
            "id": "doc-0011223344556677",
            "source": {"location": "a.txt", "media_type": "text/plain", "sha256": "00"},
            "kind": "news",
            "text": "Zürich said yes.",
            "paragraphs": [{"start": 0, "end": 17}],
            "sentences": [{"start": 0, "end": 17}]
        })
    }

    #[test]
    fn valid_document_passes() {
        assert_eq!(validate(SchemaKind::Document, &document()), vec![]);
    }

    #[test]
    fn bad_span_is_reported_with_its_path() {
        let mut doc = document();
        doc["sentences"][0]["end"] = json!(2);
        let issues = validate(SchemaKind::Document, &doc);
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert_eq!(issues[0].path, "/sentences/0");
    }

    #[test]
    fn type_errors_carry_json_paths() {
        let mut doc = document();
        doc["kind"] = json!("gossip");
        doc["authors"] = json!([1]);
        let paths: Vec<String> = validate(SchemaKind::Document, &doc)
            .into_iter()
            .map(|i| i.path)
            .collect();
        assert!(paths.contains(&"/kind".to_owned()), "{paths:?}");
        assert!(paths.contains(&"/authors/0".to_owned()), "{paths:?}");
    }

    #[test]
    fn builtin_scales_match_their_schema() {
        let value: Value = serde_json::from_str(crate::scale::BUILTIN_SCALES_JSON).unwrap();
        assert_eq!(validate(SchemaKind::RatingScales, &value), vec![]);
    }

    #[test]
    fn every_schema_is_valid_against_its_metaschema() {
        for kind in SchemaKind::ALL {
            assert!(jsonschema::meta::is_valid(&generate(kind)), "{kind}");
        }
    }
}
