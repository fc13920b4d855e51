//! The report: everything one run produced.

use crate::claim::Claim;
use crate::document::Document;
use crate::verdict::Verdict;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The tool that wrote a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tool {
    /// Tool name (`veracity`).
    pub name: String,
    /// Tool version.
    pub version: String,
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Something was skipped or guessed; the rest of the run is sound.
    Warning,
    /// An input could not be used at all.
    Error,
}

/// A problem met with one input, kept in the report so nothing is lost silently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// The input it concerns (path, URL or `-`).
    pub source: String,
    /// What happened and what to do about it.
    pub message: String,
}

/// Everything one run produced: documents, claims and verdicts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// The schema this report follows: `urn:veracity:report:1`.
    #[serde(rename = "$schema")]
    pub schema: String,
    /// The data model version ([`crate::SCHEMA_VERSION`]).
    pub schema_version: String,
    /// The tool that wrote the report.
    pub tool: Tool,
    /// The documents read.
    pub documents: Vec<Document>,
    /// The claims checked.
    pub claims: Vec<Claim>,
    /// One verdict per claim.
    pub verdicts: Vec<Verdict>,
    /// Problems met with inputs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// An empty report stamped with this crate's schema version.
    pub fn new(tool_name: &str, tool_version: &str) -> Report {
        Report {
            schema: crate::schema::SchemaKind::Report.urn(),
            schema_version: crate::SCHEMA_VERSION.to_owned(),
            tool: Tool {
                name: tool_name.to_owned(),
                version: tool_version.to_owned(),
            },
            documents: Vec::new(),
            claims: Vec::new(),
            verdicts: Vec::new(),
            diagnostics: Vec::new(),
        }
    }
}
