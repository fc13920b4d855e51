//! The files of a sharded check (docs/scale-out.md): a collection split
//! into shards is checked in rounds whose outputs are these values, and the
//! last round gives the report a check of the whole collection gives.
//!
//! - [`ShardStats`]: a shard's BM25 statistics (`veracity stats`); summed,
//!   the whole collection's.
//! - [`ShardClaims`]: the candidate claims of a shard (`veracity claims`);
//!   merged, a [`ClaimSet`].
//! - [`ClaimSet`]: the claims to check, whole (appearances, claimant), with
//!   how many extraction found.
//! - [`ShardCandidates`]: what a shard found for each claim (`veracity
//!   candidates`), for `veracity merge`.
//!
//! Scores are `f64` here although BM25 computes in `f32`: an `f32` widened
//! to `f64` is exact, and reads back to the same `f32`.

use crate::claim::{Claim, ClaimOrigin};
use crate::document::Document;
use crate::evidence::Stance;
use crate::id::DocumentId;
use crate::report::Diagnostic;
use crate::schema::SchemaKind;
use crate::span::Span;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A shard's (or, summed, a collection's) BM25 statistics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ShardStats {
    /// The schema's URN.
    #[serde(rename = "$schema")]
    pub schema: String,
    /// The data-model version.
    pub schema_version: String,
    /// The documents counted, in collection order (a document in two
    /// shards would be counted twice: merging refuses that).
    pub documents: Vec<DocumentId>,
    /// Passages indexed.
    pub passages: u64,
    /// Their total length in words, stop words included.
    pub total_length: u64,
    /// Per analyzer term, the number of passages holding it.
    pub terms: BTreeMap<String, u64>,
}

impl ShardStats {
    /// Empty statistics.
    pub fn new() -> ShardStats {
        ShardStats {
            schema: SchemaKind::ShardStats.urn(),
            schema_version: crate::SCHEMA_VERSION.to_owned(),
            documents: Vec::new(),
            passages: 0,
            total_length: 0,
            terms: BTreeMap::new(),
        }
    }
}

impl Default for ShardStats {
    fn default() -> Self {
        ShardStats::new()
    }
}

/// A candidate claim found in a shard, before near-duplicates merge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClaimCandidate {
    /// The statement, without its "X says" frame.
    pub text: String,
    /// Who made it, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant: Option<String>,
    /// Where it comes from (reviewed, quote, sentence).
    pub origin: ClaimOrigin,
    /// Its check-worthiness.
    pub score: f64,
    /// The document it was found in.
    pub document: DocumentId,
    /// Where it appears there, when it was located.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// The day that document was published (YYYY-MM-DD), for a claim's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// The candidate claims of one shard, in collection order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ShardClaims {
    /// The schema's URN.
    #[serde(rename = "$schema")]
    pub schema: String,
    /// The data-model version.
    pub schema_version: String,
    /// The candidates.
    pub candidates: Vec<ClaimCandidate>,
}

impl ShardClaims {
    /// The candidates of one shard.
    pub fn new(candidates: Vec<ClaimCandidate>) -> ShardClaims {
        ShardClaims {
            schema: SchemaKind::ShardClaims.urn(),
            schema_version: crate::SCHEMA_VERSION.to_owned(),
            candidates,
        }
    }
}

/// The claims a check takes, whole, with how many were found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClaimSet {
    /// The schema's URN.
    #[serde(rename = "$schema")]
    pub schema: String,
    /// The data-model version.
    pub schema_version: String,
    /// The claims, in the order they are checked.
    pub claims: Vec<Claim>,
    /// Distinct claims found (all of them for given claims).
    pub found: u64,
    /// True when extraction stopped counting, so more than `found` exist.
    #[serde(default)]
    pub more: bool,
}

impl ClaimSet {
    /// A set of claims.
    pub fn new(claims: Vec<Claim>, found: u64, more: bool) -> ClaimSet {
        ClaimSet {
            schema: SchemaKind::ClaimSet.urn(),
            schema_version: crate::SCHEMA_VERSION.to_owned(),
            claims,
            found,
            more,
        }
    }
}

/// A passage of a shard ranked against a query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PassageHit {
    /// The passage's document: an index into the shard's `documents`.
    pub document: u32,
    /// The passage's span in that document's text.
    pub span: Span,
    /// The BM25 score, with the whole collection's statistics.
    pub score: f64,
    /// The score normalised to [0, 1].
    pub relevance: f64,
}

/// The top passages of a shard against one query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ShardSearch {
    /// The query (a claim, or one part of it).
    pub query: String,
    /// True when at most a few copies of one text were let in (the
    /// evidence pool), false for the plain top k (appearances).
    pub capped: bool,
    /// Best first.
    pub hits: Vec<PassageHit>,
}

/// A candidate passage with its stance towards a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StancedPassage {
    /// Its rank against the whole claim.
    pub hit: PassageHit,
    /// The stance model's stance (before the cues).
    pub stance: Stance,
}

/// What a shard found for one claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ShardClaimCandidates {
    /// The claim's text.
    pub claim: String,
    /// Its searches: the claim plain (appearances) and capped, and each
    /// of its parts capped.
    pub searches: Vec<ShardSearch>,
    /// Every passage the capped searches found, ranked against the whole
    /// claim, with its stance.
    pub passages: Vec<StancedPassage>,
}

/// What one shard of a collection found for the claims, and its documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ShardCandidates {
    /// The schema's URN.
    #[serde(rename = "$schema")]
    pub schema: String,
    /// The data-model version.
    pub schema_version: String,
    /// The evidence slots per claim the candidates were gathered for.
    pub top_k: u64,
    /// The claims (the same in every shard).
    pub claims: ClaimSet,
    /// The shard's documents, in collection order (the report lists them,
    /// and provenance reads them).
    pub documents: Vec<Document>,
    /// Problems met finding the shard's inputs.
    #[serde(default)]
    pub input_diagnostics: Vec<Diagnostic>,
    /// Problems met parsing them, in input order.
    #[serde(default)]
    pub parse_diagnostics: Vec<Diagnostic>,
    /// Per claim, in the order of `claims`.
    pub candidates: Vec<ShardClaimCandidates>,
}

impl ShardCandidates {
    /// A shard's candidates.
    pub fn new(
        top_k: u64,
        claims: ClaimSet,
        documents: Vec<Document>,
        candidates: Vec<ShardClaimCandidates>,
    ) -> ShardCandidates {
        ShardCandidates {
            schema: SchemaKind::ShardCandidates.urn(),
            schema_version: crate::SCHEMA_VERSION.to_owned(),
            top_k,
            claims,
            documents,
            input_diagnostics: Vec::new(),
            parse_diagnostics: Vec::new(),
            candidates,
        }
    }
}
