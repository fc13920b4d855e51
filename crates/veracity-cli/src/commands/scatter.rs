//! `veracity stats`, `veracity claims` and `veracity candidates`: the
//! rounds of a sharded check before `veracity merge` (docs/scale-out.md).
//! The work is the facade's (`veracity::scatter`); this reads and writes
//! the files.

use crate::Outcome;
use crate::cli::{BatchArgs, CandidatesCmd, ClaimsCmd, StatsCmd};
use crate::output;
use anyhow::{Context, Result, bail};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};
use veracity::Corpus;
use veracity_model::SchemaKind;
use veracity_model::scatter::{ClaimSet, ShardClaims, ShardStats};

/// `veracity stats`: a shard's statistics, or the sum of statistics files.
pub fn stats(args: &StatsCmd) -> Result<Outcome> {
    output::check_writable(&args.output)?;
    if args.merge {
        let parts = read_files::<ShardStats>(&args.inputs, SchemaKind::ShardStats)?;
        let merged = veracity::scatter::merge_stats(parts)?;
        write(&args.output, &merged)?;
        return Ok(Outcome::Success);
    }
    let (corpus, _, unused) = read_shard(&args.inputs, &args.batch)?;
    write(&args.output, &veracity::scatter::shard_stats(&corpus))?;
    super::batch::finish(unused)
}

/// `veracity claims`: a shard's candidate claims, or the claims of the
/// whole collection from every shard's.
pub fn claims(args: &ClaimsCmd) -> Result<Outcome> {
    output::check_writable(&args.output)?;
    if args.merge {
        let parts = read_files::<ShardClaims>(&args.inputs, SchemaKind::ShardClaims)?;
        let max_claims = if args.all {
            usize::MAX
        } else {
            args.max_claims
        };
        write(
            &args.output,
            &veracity::scatter::merge_claims(&parts, max_claims),
        )?;
        return Ok(Outcome::Success);
    }
    let (corpus, _, unused) = read_shard(&args.inputs, &args.batch)?;
    write(&args.output, &veracity::scatter::shard_claims(&corpus))?;
    super::batch::finish(unused)
}

/// `veracity candidates`: what a shard finds for each claim.
pub fn candidates(args: &CandidatesCmd) -> Result<Outcome> {
    output::check_writable(&args.output)?;
    let global: ShardStats = read_file(&args.global_stats, SchemaKind::ShardStats)?;
    let claims = claim_set(&args.claim, args.claims.as_deref())?;
    let (corpus, finding, unused) = read_shard(&args.inputs, &args.batch)?;
    let out = veracity::scatter::shard_candidates(corpus, finding, &global, claims, args.top_k)?;
    write(&args.output, &out)?;
    super::batch::finish(unused)
}

/// The claims of `--claim` and `--claims`: a claim-set file is taken
/// whole (appearances, claimant, count); texts are given claims.
fn claim_set(given: &[String], file: Option<&Path>) -> Result<ClaimSet> {
    let mut texts = given.to_vec();
    if let Some(path) = file {
        let bytes = output::read_input(path)?;
        if is_kind(&bytes, SchemaKind::ClaimSet) {
            if !texts.is_empty() {
                bail!(
                    "{} is a claim-set file: it holds every claim to check; give it without --claim",
                    path.display()
                );
            }
            return parse(path, &bytes, SchemaKind::ClaimSet);
        }
        texts.extend(super::check::read_claims_file(path)?);
        if texts.is_empty() {
            bail!(
                "the claims file {} names no claims; write one claim per line, a JSON list, or \
                 a claim-set file from `veracity claims --merge`",
                path.display()
            );
        }
    }
    if texts.is_empty() {
        bail!(
            "give the claims: --claims FILE (from `veracity claims --merge`, or texts) or --claim TEXT"
        );
    }
    Ok(veracity::scatter::given_claims(&texts))
}

/// The claim set in `path`, when it holds one (`veracity claims --merge`).
pub fn read_claim_set(path: &Path) -> Result<Option<ClaimSet>> {
    let bytes = output::read_input(path)?;
    if !is_kind(&bytes, SchemaKind::ClaimSet) {
        return Ok(None);
    }
    parse(path, &bytes, SchemaKind::ClaimSet).map(Some)
}

/// Reads a shard's inputs as `check` reads its own: the corpus, how many
/// of its diagnostics are about finding the inputs, and how many inputs
/// could not be used.
fn read_shard(inputs: &[PathBuf], batch: &BatchArgs) -> Result<(Corpus, usize, usize)> {
    let (corpus, finding) = super::batch::read_counted(inputs, batch)?;
    let unused = corpus.unused_inputs();
    Ok((corpus, finding, unused))
}

/// True when `bytes` are a JSON object whose `$schema` names `kind`.
fn is_kind(bytes: &[u8], kind: SchemaKind) -> bool {
    #[derive(serde::Deserialize)]
    struct Head {
        #[serde(rename = "$schema")]
        schema: Option<String>,
    }
    serde_json::from_slice::<Head>(bytes)
        .ok()
        .and_then(|h| h.schema)
        .is_some_and(|s| s == kind.urn())
}

fn parse<T: DeserializeOwned>(path: &Path, bytes: &[u8], kind: SchemaKind) -> Result<T> {
    serde_json::from_slice(bytes).with_context(|| {
        format!(
            "{} is not a {kind} file (see `veracity schema {kind}`)",
            path.display()
        )
    })
}

/// One file of a scatter-gather round.
pub fn read_file<T: DeserializeOwned>(path: &Path, kind: SchemaKind) -> Result<T> {
    let bytes = output::read_input(path)?;
    if let Err(e) = serde_json::from_slice::<serde::de::IgnoredAny>(&bytes) {
        bail!(
            "{} is not valid JSON ({e}); was it written completely?",
            path.display()
        );
    }
    if !is_kind(&bytes, kind) {
        bail!(
            "{} is not a {kind} file (its `$schema` should be {}); see `veracity schema {kind}`",
            path.display(),
            kind.urn()
        );
    }
    parse(path, &bytes, kind)
}

fn read_files<T: DeserializeOwned>(paths: &[PathBuf], kind: SchemaKind) -> Result<Vec<T>> {
    paths.iter().map(|p| read_file(p, kind)).collect()
}

/// Writes `value` as compact JSON and a newline, atomically.
fn write<T: Serialize>(path: &Path, value: &T) -> Result<()> {
    let mut bytes = serde_json::to_vec(value).context("cannot serialise the output")?;
    bytes.push(b'\n');
    output::write_atomically(path, &bytes)
}
