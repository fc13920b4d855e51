//! A check of a collection split into shards, in rounds whose answers
//! equal a check of the whole collection (docs/scale-out.md):
//!
//! 1. [`shard_stats`] of every shard, summed by [`merge_stats`]: the
//!    collection's BM25 statistics;
//! 2. for claims found rather than given, [`shard_claims`] of every shard,
//!    merged by [`merge_claims`] into the [`ClaimSet`] (given claims:
//!    [`given_claims`]);
//! 3. [`shard_candidates`] of every shard with those statistics and claims;
//! 4. [`merge_candidates`]: the [`Report`].
//!
//! Shards are given in collection order: the whole collection is the
//! shards' documents one shard after the other.

use crate::{CheckOptions, Checked, Corpus, Error, RunningCheck, report};
use std::collections::BTreeMap;
use veracity_model::scatter::{ClaimSet, ShardCandidates, ShardClaims, ShardStats};
use veracity_model::{DocumentId, Report, ScaleRegistry};
use veracity_text::hash::{FxHashMap, FxHashSet};
use veracity_verdict::{
    Checker, ClaimCount, ClaimOptions, EngineRegistry, GatheredRetriever, GatheredScorer, Index,
    ShardAnswers, Statistics,
};

/// What can make shards' answers unusable together.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ShardError {
    /// One document in two shards: the whole collection would read it once,
    /// each shard counts it.
    #[error(
        "document {document} is in part {first} and in part {second} (numbered from 1 in the \
         order given); a document must be in one shard only: remove the copy"
    )]
    DuplicateDocument {
        /// The document.
        document: DocumentId,
        /// The first part holding it.
        first: usize,
        /// The next.
        second: usize,
    },
    /// A shard's document the global statistics do not count.
    #[error(
        "the global statistics do not count document {document} ({location}) of this shard; \
         make them with `veracity stats --merge` over every shard's statistics"
    )]
    NotInStatistics {
        /// The document.
        document: DocumentId,
        /// Where it was read.
        location: String,
    },
    /// Parts made for other claims or another number of evidence slots.
    #[error(
        "part {part} was made for {what} than part 1; make every shard's candidates with \
         the same claims and --top-k"
    )]
    Mismatch {
        /// The part, numbered from 1.
        part: usize,
        /// What differs.
        what: &'static str,
    },
    /// Nothing to merge.
    #[error("no shard's candidates to merge")]
    NoShards,
    /// A passage that is not in the shards' documents.
    #[error(transparent)]
    Gather(#[from] veracity_verdict::GatherError),
}

/// The BM25 statistics of one shard.
pub fn shard_stats(corpus: &Corpus) -> ShardStats {
    let stats = Index::build(&corpus.documents).statistics();
    let mut out = ShardStats::new();
    out.documents = corpus.documents.iter().map(|d| d.id.clone()).collect();
    out.passages = stats.passages;
    out.total_length = stats.total_length;
    out.terms = stats.frequencies.into_iter().collect::<BTreeMap<_, _>>();
    out
}

/// The statistics of the shards (or of groups of them) together. Fails
/// when one document is in two parts.
pub fn merge_stats(parts: Vec<ShardStats>) -> Result<ShardStats, ShardError> {
    let mut out = ShardStats::new();
    let mut seen: FxHashMap<DocumentId, usize> = FxHashMap::default();
    for (i, part) in parts.into_iter().enumerate() {
        for d in &part.documents {
            if let Some(&first) = seen.get(d) {
                return Err(ShardError::DuplicateDocument {
                    document: d.clone(),
                    first: first + 1,
                    second: i + 1,
                });
            }
            seen.insert(d.clone(), i);
        }
        out.documents.extend(part.documents);
        out.passages += part.passages;
        out.total_length += part.total_length;
        for (term, n) in part.terms {
            *out.terms.entry(term).or_insert(0) += n;
        }
    }
    Ok(out)
}

/// The candidate claims of one shard (for claims found rather than given).
pub fn shard_claims(corpus: &Corpus) -> ShardClaims {
    let options = ClaimOptions {
        sentences: true,
        ..ClaimOptions::default()
    };
    ShardClaims::new(veracity_verdict::claim_candidates(
        &corpus.documents,
        options,
    ))
}

/// The claims found in the whole collection, from every shard's candidate
/// claims in shard order: at most `max_claims` (the rest counted).
pub fn merge_claims(parts: &[ShardClaims], max_claims: usize) -> ClaimSet {
    let all: Vec<_> = parts
        .iter()
        .flat_map(|p| p.candidates.iter().cloned())
        .collect();
    let (claims, count) = veracity_verdict::merge_claim_candidates(&all, max_claims);
    ClaimSet::new(claims, count.found as u64, count.more)
}

/// Claims given as texts (an "X says" frame names the claimant).
pub fn given_claims(texts: &[String]) -> ClaimSet {
    let claims = veracity_verdict::given_claims(texts);
    let found = claims.len() as u64;
    ClaimSet::new(claims, found, false)
}

/// What one shard finds for `claims`, scored with `global`, the whole
/// collection's statistics; `finding` of the corpus's diagnostics (the
/// first ones) are about finding its inputs (see [`crate::ingest_counted`]).
pub fn shard_candidates(
    corpus: Corpus,
    finding: usize,
    global: &ShardStats,
    claims: ClaimSet,
    top_k: usize,
) -> Result<ShardCandidates, Error> {
    let counted: FxHashSet<&DocumentId> = global.documents.iter().collect();
    if let Some(d) = corpus.documents.iter().find(|d| !counted.contains(&d.id)) {
        return Err(ShardError::NotInStatistics {
            document: d.id.clone(),
            location: d.source.location.clone(),
        }
        .into());
    }
    let statistics = Statistics {
        passages: global.passages,
        total_length: global.total_length,
        frequencies: global.terms.iter().map(|(t, &n)| (t.clone(), n)).collect(),
    };
    let scorer = veracity_stance::StanceModel::try_builtin()?;
    let index = Index::build(&corpus.documents).with_statistics(statistics);
    let candidates = {
        let checker = Checker::with_retriever(&corpus.documents, Box::new(index), scorer);
        claims
            .claims
            .iter()
            .map(|c| checker.shard_candidates(&c.text, top_k))
            .collect()
    };
    let Corpus {
        documents,
        mut diagnostics,
        ..
    } = corpus;
    let parse_diagnostics = diagnostics.split_off(finding.min(diagnostics.len()));
    let mut out = ShardCandidates::new(top_k as u64, claims, documents, candidates);
    out.input_diagnostics = diagnostics;
    out.parse_diagnostics = parse_diagnostics;
    Ok(out)
}

/// The report of the whole collection from every shard's candidates, in
/// shard order: byte for byte what [`crate::check_with`] gives for the
/// whole collection with the same claims. `options.top_k` and
/// `options.max_claims` are the shards' (their candidates were made for
/// them); the engine and scale are chosen here.
pub fn merge_candidates(
    parts: Vec<ShardCandidates>,
    options: &CheckOptions,
    engines: &EngineRegistry,
    scales: &ScaleRegistry,
) -> Result<Report, Error> {
    let check = RunningCheck::new(options, engines, scales)?;
    let first = parts.first().ok_or(ShardError::NoShards)?;
    for (i, p) in parts.iter().enumerate().skip(1) {
        if p.claims != first.claims {
            return Err(ShardError::Mismatch {
                part: i + 1,
                what: "other claims",
            }
            .into());
        }
        if p.top_k != first.top_k {
            return Err(ShardError::Mismatch {
                part: i + 1,
                what: "another --top-k",
            }
            .into());
        }
    }
    let top_k = usize::try_from(first.top_k).unwrap_or(usize::MAX);
    let claims = first.claims.clone();
    let mut documents = Vec::new();
    let mut finding = Vec::new();
    let mut parsing = Vec::new();
    // Per shard: its first document's place in the collection, its size.
    let mut firsts = Vec::with_capacity(parts.len());
    let mut seen: FxHashMap<DocumentId, usize> = FxHashMap::default();
    let mut answers = Vec::with_capacity(parts.len());
    for (i, part) in parts.into_iter().enumerate() {
        for d in &part.documents {
            if let Some(&shard) = seen.get(&d.id) {
                return Err(ShardError::DuplicateDocument {
                    document: d.id.clone(),
                    first: shard + 1,
                    second: i + 1,
                }
                .into());
            }
            seen.insert(d.id.clone(), i);
        }
        firsts.push((
            u32::try_from(documents.len()).unwrap_or(u32::MAX),
            u32::try_from(part.documents.len()).unwrap_or(u32::MAX),
        ));
        documents.extend(part.documents);
        finding.extend(part.input_diagnostics);
        parsing.extend(part.parse_diagnostics);
        answers.push(part.candidates);
    }
    if documents.is_empty() && claims.claims.is_empty() {
        return Err(Error::NothingToCheck);
    }
    let shards: Vec<ShardAnswers> = answers
        .iter()
        .zip(&firsts)
        .map(|(candidates, &(first_document, documents))| ShardAnswers {
            first_document,
            documents,
            candidates,
        })
        .collect();
    let model = veracity_stance::StanceModel::try_builtin()?;
    let (found, verdicts) = {
        let retriever = GatheredRetriever::new(&documents, &shards).map_err(ShardError::from)?;
        let scorer = GatheredScorer::new(&documents, &shards, model);
        let held = veracity_verdict::InMemory::new(&documents);
        check
            .with_shards(&scorer, top_k)
            .rate_all(&held, &retriever, claims.claims)?
    };
    finding.extend(parsing);
    let corpus = Corpus {
        documents,
        diagnostics: finding,
        inputs: 0,
    };
    let count = ClaimCount {
        found: usize::try_from(claims.found).unwrap_or(usize::MAX),
        more: claims.more,
    };
    Ok(report(
        corpus,
        Checked {
            claims: found,
            verdicts,
            count,
        },
    ))
}
