//! JSON Schema generation for the top-level types.
//!
//! `cargo xtask codegen` writes [`render`] of every [`SchemaKind`] to
//! `schemas/`; a test and `cargo xtask codegen --check` compare them, so the
//! committed schemas always match the code.

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value};

/// The types that have a schema of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SchemaKind {
    /// [`crate::Document`].
    Document,
    /// [`crate::Claim`].
    Claim,
    /// [`crate::Verdict`].
    Verdict,
    /// [`crate::Report`].
    Report,
    /// [`crate::scale::ScaleFile`].
    RatingScales,
    /// [`crate::PluginManifest`].
    PluginManifest,
    /// [`crate::PluginRequest`].
    PluginRequest,
    /// [`crate::PluginResponse`].
    PluginResponse,
    /// [`crate::scatter::ShardStats`].
    ShardStats,
    /// [`crate::scatter::ShardClaims`].
    ShardClaims,
    /// [`crate::scatter::ClaimSet`].
    ClaimSet,
    /// [`crate::scatter::ShardCandidates`].
    ShardCandidates,
}

impl SchemaKind {
    /// Every kind, in file order.
    pub const ALL: [SchemaKind; 12] = [
        SchemaKind::Document,
        SchemaKind::Claim,
        SchemaKind::Verdict,
        SchemaKind::Report,
        SchemaKind::RatingScales,
        SchemaKind::PluginManifest,
        SchemaKind::PluginRequest,
        SchemaKind::PluginResponse,
        SchemaKind::ShardStats,
        SchemaKind::ShardClaims,
        SchemaKind::ClaimSet,
        SchemaKind::ShardCandidates,
    ];

    /// The kebab-case name used on the command line and in file names.
    pub fn name(self) -> &'static str {
        match self {
            SchemaKind::Document => "document",
            SchemaKind::Claim => "claim",
            SchemaKind::Verdict => "verdict",
            SchemaKind::Report => "report",
            SchemaKind::RatingScales => "rating-scales",
            SchemaKind::PluginManifest => "plugin-manifest",
            SchemaKind::PluginRequest => "plugin-request",
            SchemaKind::PluginResponse => "plugin-response",
            SchemaKind::ShardStats => "shard-stats",
            SchemaKind::ShardClaims => "shard-claims",
            SchemaKind::ClaimSet => "claim-set",
            SchemaKind::ShardCandidates => "shard-candidates",
        }
    }

    /// The kind with this name.
    pub fn from_name(name: &str) -> Option<SchemaKind> {
        SchemaKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The schema's file name under `schemas/`.
    pub fn file_name(self) -> String {
        format!("{}.schema.json", self.name())
    }

    /// The schema's `$id`, also written as `$schema` in reports and scale files.
    pub fn urn(self) -> String {
        format!("urn:veracity:{}:{}", self.name(), crate::SCHEMA_VERSION)
    }

    /// The kind a JSON value claims through its `$schema` field, or else the
    /// kind its shape shows. A JSON array is judged by its first element.
    pub fn detect(value: &Value) -> Option<SchemaKind> {
        let object = match value {
            Value::Array(items) => return items.first().and_then(SchemaKind::detect),
            Value::Object(object) => object,
            _ => return None,
        };
        if let Some(Value::String(urn)) = object.get("$schema") {
            let name = urn.strip_prefix("urn:veracity:")?.split(':').next()?;
            return SchemaKind::from_name(name);
        }
        let has = |key: &str| object.contains_key(key);
        Some(if has("verdicts") && has("claims") {
            SchemaKind::Report
        } else if has("scales") {
            SchemaKind::RatingScales
        } else if has("text") && has("source") {
            SchemaKind::Document
        } else if has("engine") && has("rating") {
            SchemaKind::Verdict
        } else if has("checkworthiness") || (has("text") && has("origin")) {
            SchemaKind::Claim
        } else if has("method") {
            SchemaKind::PluginRequest
        } else if has("ok") || has("error") {
            SchemaKind::PluginResponse
        } else if has("schema_version") && has("kind") && has("name") {
            SchemaKind::PluginManifest
        } else {
            return None;
        })
    }
}

impl std::fmt::Display for SchemaKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

fn root_schema<T: JsonSchema>() -> Value {
    SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value()
}

/// The schema of a kind as a JSON value, with `$id` and a do-not-edit note.
pub fn generate(kind: SchemaKind) -> Value {
    let mut schema = match kind {
        SchemaKind::Document => root_schema::<crate::Document>(),
        SchemaKind::Claim => root_schema::<crate::Claim>(),
        SchemaKind::Verdict => root_schema::<crate::Verdict>(),
        SchemaKind::Report => root_schema::<crate::Report>(),
        SchemaKind::RatingScales => root_schema::<crate::scale::ScaleFile>(),
        SchemaKind::PluginManifest => root_schema::<crate::PluginManifest>(),
        SchemaKind::PluginRequest => root_schema::<crate::PluginRequest>(),
        SchemaKind::PluginResponse => root_schema::<crate::PluginResponse>(),
        SchemaKind::ShardStats => root_schema::<crate::scatter::ShardStats>(),
        SchemaKind::ShardClaims => root_schema::<crate::scatter::ShardClaims>(),
        SchemaKind::ClaimSet => root_schema::<crate::scatter::ClaimSet>(),
        SchemaKind::ShardCandidates => root_schema::<crate::scatter::ShardCandidates>(),
    };
    if let Value::Object(map) = &mut schema {
        map.insert("$id".into(), Value::String(kind.urn()));
        map.insert(
            "$comment".into(),
            Value::String(
                "Generated by `cargo xtask codegen` from crates/veracity-model; do not edit."
                    .into(),
            ),
        );
    }
    sort_keys(schema)
}

/// The schema file's exact contents: pretty JSON, keys sorted, trailing newline.
pub fn render(kind: SchemaKind) -> String {
    let mut text = serde_json::to_string_pretty(&generate(kind))
        .unwrap_or_else(|e| unreachable!("a JSON value always serialises: {e}"));
    text.push('\n');
    text
}

/// Recursively sorts object keys so the output does not depend on serde_json's
/// `preserve_order` feature being enabled somewhere in the build.
fn sort_keys(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            let mut sorted = Map::new();
            for (k, v) in entries {
                sorted.insert(k, sort_keys(v));
            }
            Value::Object(sorted)
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sort_keys).collect()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_round_trip() {
        for kind in SchemaKind::ALL {
            assert_eq!(SchemaKind::from_name(kind.name()), Some(kind));
            assert!(render(kind).ends_with("}\n"));
        }
    }

    #[test]
    fn detects_by_schema_field_and_shape() {
        assert_eq!(
            SchemaKind::detect(&json!({"$schema": "urn:veracity:report:1"})),
            Some(SchemaKind::Report)
        );
        assert_eq!(
            SchemaKind::detect(&json!([{"text": "", "source": {}}])),
            Some(SchemaKind::Document)
        );
        assert_eq!(
            SchemaKind::detect(&json!({"scales": []})),
            Some(SchemaKind::RatingScales)
        );
        assert_eq!(SchemaKind::detect(&json!(42)), None);
        assert_eq!(
            SchemaKind::detect(&json!({"$schema": "http://other"})),
            None
        );
    }
}
