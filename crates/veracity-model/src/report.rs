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

/// How many documents a checked collection holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CollectionCounts {
    /// Documents in the collection.
    pub documents: usize,
    /// Of those, documents set aside for their language (they carry no
    /// weight; each has a warning in `diagnostics`).
    pub set_aside: usize,
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
    /// What the collection checked holds, whether or not the report cites
    /// it (zeros in reports written before it was counted).
    #[serde(default)]
    pub collection: CollectionCounts,
    /// The documents the claims and verdicts cite (where a claim appears,
    /// its evidence, published reviews), in collection order: a check of a
    /// million documents lists the few it rests on, not the million.
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
            collection: CollectionCounts::default(),
            documents: Vec::new(),
            claims: Vec::new(),
            verdicts: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    /// How many documents the collection holds: `collection.documents`,
    /// or the documents listed in a report written before it was counted.
    pub fn collection_size(&self) -> usize {
        self.collection.documents.max(self.documents.len())
    }

    /// The ids of the documents the claims and verdicts cite: where each
    /// claim appears, each passage of evidence and what it is independent
    /// of, and each published review.
    pub fn cited_ids(&self) -> std::collections::HashSet<&crate::DocumentId> {
        let mut ids = std::collections::HashSet::new();
        for c in &self.claims {
            ids.extend(c.appearances.iter().map(|a| &a.document));
        }
        for v in &self.verdicts {
            for e in &v.evidence {
                ids.insert(&e.document);
                ids.extend(e.independent_of.iter());
            }
            ids.extend(v.reviews.iter().map(|r| &r.document));
        }
        ids
    }
}
