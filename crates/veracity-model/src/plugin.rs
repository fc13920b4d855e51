//! What plugins exchange with the host: a manifest, and JSON request and
//! response envelopes. No Rust types cross the ABI; these are their JSON
//! shapes, shared by the host and by plugin authors.

use crate::claim::Claim;
use crate::evidence::Evidence;
use crate::report::Report;
use crate::verdict::{CitedReview, Verdict};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a plugin provides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PluginKind {
    /// Turns a report into bytes (an output format).
    Format,
    /// Turns a claim and its evidence into a verdict (a verdict engine).
    Verdict,
}

/// A plugin's self-description, checked by the host before any call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PluginManifest {
    /// The name users pass to `--format` or `--engine`.
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9_-]*$"))]
    pub name: String,
    /// What the plugin provides.
    pub kind: PluginKind,
    /// The plugin's own version.
    pub version: String,
    /// The data-model version the plugin speaks ([`crate::SCHEMA_VERSION`]).
    pub schema_version: String,
    /// One line on what the plugin does.
    pub description: String,
    /// For a format: the media type of its output (`text/plain`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
}

/// A call from the host to a plugin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "method", content = "params", rename_all = "snake_case")]
pub enum PluginRequest {
    /// Render a report (format plugins).
    Format(FormatRequest),
    /// Rate one claim (verdict plugins).
    Verdict(VerdictRequest),
}

/// Parameters of a `format` call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FormatRequest {
    /// The report to render.
    pub report: Report,
    /// Free-form options from the command line (`--option key=value`).
    #[serde(default)]
    pub options: BTreeMap<String, String>,
}

/// Parameters of a `verdict` call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VerdictRequest {
    /// The claim to rate.
    pub claim: Claim,
    /// The evidence gathered for it, with stances and weights.
    pub evidence: Vec<Evidence>,
    /// Published reviews of the claim found in the collection.
    #[serde(default)]
    pub reviews: Vec<CitedReview>,
    /// The scale the user asked ratings on (`veracity` by default).
    pub scale: String,
    /// Free-form options from the command line (`--option key=value`).
    #[serde(default)]
    pub options: BTreeMap<String, String>,
}

/// A plugin's answer: exactly one of `ok` or `error`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PluginResponse {
    /// The call succeeded.
    Ok(PluginResult),
    /// The call failed; the host reports the message with the plugin's name.
    Error(PluginError),
}

/// A successful call's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum PluginResult {
    /// The rendered output of a format plugin.
    Formatted {
        /// Media type of `content`.
        media_type: String,
        /// The rendered text.
        content: String,
    },
    /// The verdict of a verdict plugin.
    Verdict {
        /// The verdict reached.
        verdict: Box<Verdict>,
    },
}

/// A failed call's error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PluginError {
    /// What went wrong, for the user.
    pub message: String,
}
