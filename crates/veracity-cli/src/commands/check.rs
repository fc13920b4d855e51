//! `veracity check INPUTS...`: ingest, find claims, gather evidence, rate.

use crate::Outcome;
use crate::output;
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use veracity_model::scatter::ShardCandidates;
use veracity_model::{Claim, ScaleRegistry, SchemaKind};
use veracity_verdict::EngineRegistry;

/// The parsed arguments of `veracity check`.
pub struct CheckArgs {
    pub inputs: Vec<PathBuf>,
    /// `--index`: check against a persistent index instead of `inputs`.
    pub index: Option<PathBuf>,
    /// `veracity merge`: every shard's candidates, instead of `inputs`
    /// (claims, `top_k` and the limit are the shards').
    pub shards: Vec<PathBuf>,
    pub claim: Vec<String>,
    pub claims: Option<PathBuf>,
    pub top_k: usize,
    /// `--limit`; `usize::MAX` for `--all`.
    pub max_claims: usize,
    /// How the inputs are read: `--jobs`, `--max-size`, `--keep-going`.
    pub batch: crate::cli::BatchArgs,
    /// The engine, the scale and the output: `--engine`, `--scale`,
    /// `--width`, `--format`, `-o`, the publisher and `--engine-option`.
    pub verdicts: crate::cli::VerdictArgs,
}

/// The terminal summary, the one output format `check` writes itself.
pub const SUMMARY: &str = "summary";

pub fn run(
    registry: &ScaleRegistry,
    args: CheckArgs,
    plugins: &veracity_plugin::host::Plugins,
) -> Result<Outcome> {
    // `summary` is this command's own; every other name is a report format
    // (built-in or plugin), checked before any work is done.
    let mut formats = veracity_format::FormatRegistry::builtin();
    crate::plugin_adapters::register_formats(&mut formats, plugins)?;
    let format = choose_format(
        &formats,
        args.verdicts.format.as_deref(),
        args.verdicts.output.as_deref(),
    );
    if format != SUMMARY && formats.lookup(&format).is_err() {
        bail!(
            "unknown format `{format}`; choose summary or one of: {}",
            formats.names().join(", ")
        );
    }
    if let Some(path) = &args.verdicts.output {
        output::check_writable(path)?;
    }
    let format_options = crate::commands::render::format_options(
        &crate::cli::FormatArgs {
            publish: args.verdicts.publish.clone(),
            scale: None,
        },
        registry,
    )?;
    if format != SUMMARY {
        // Missing or malformed format options fail before the work starts.
        veracity_format::check_options(formats.lookup(&format)?, &format_options)
            .with_context(|| format!("cannot write the report as {format}"))?;
    }
    let engine_options = super::key_values(
        &args.verdicts.engine_option,
        "engine option",
        "--engine-option threshold=0.4",
    )?;
    let mut engines = EngineRegistry::builtin();
    if !engine_options.is_empty() && engines.require(&args.verdicts.engine).is_ok() {
        bail!(
            "the built-in engine `{}` takes no options; --engine-option is for verdict plugins",
            args.verdicts.engine
        );
    }
    crate::plugin_adapters::register_engines(&mut engines, plugins, &engine_options)?;
    engines.require(&args.verdicts.engine)?;
    let scale_id = args.verdicts.scale.as_deref().unwrap_or("veracity");
    let scale = registry.get(scale_id).with_context(|| {
        let ids: Vec<&str> = registry.scales().iter().map(|s| s.id.as_str()).collect();
        format!(
            "unknown scale `{scale_id}`; known scales: {}",
            ids.join(", ")
        )
    })?;

    let mut given = args.claim.clone();
    // A claim set (`veracity claims --merge`) is taken whole; other files
    // are texts.
    let mut set = None;
    if let Some(file) = &args.claims {
        set = super::scatter::read_claim_set(file)?;
        if set.is_none() {
            given.extend(read_claims_file(file)?);
        } else if !given.is_empty() {
            bail!(
                "{} is a claim-set file: it holds every claim to check; give it without --claim",
                file.display()
            );
        }
    }
    if args.claims.is_some() && set.is_none() && given.is_empty() {
        bail!("the claims file names no claims; write one claim per line or a JSON list");
    }

    let options = veracity::CheckOptions {
        engine: args.verdicts.engine.clone(),
        scale: scale.id.clone(),
        top_k: args.top_k,
        max_claims: args.max_claims,
    };
    let (report, read_problems, unused) = match &args.index {
        _ if !args.shards.is_empty() => {
            let parts = args
                .shards
                .iter()
                .map(|p| super::scatter::read_file(p, SchemaKind::ShardCandidates))
                .collect::<Result<Vec<ShardCandidates>>>()?;
            // The shards printed their inputs' problems; the exit status
            // still says some inputs were left out.
            let noted: Vec<&veracity_model::Diagnostic> = parts
                .iter()
                .flat_map(|p| p.input_diagnostics.iter().chain(&p.parse_diagnostics))
                .collect();
            let read_problems = noted.len();
            let unused = noted
                .iter()
                .filter(|d| d.severity == veracity_model::Severity::Error)
                .count();
            let report = veracity::scatter::merge_candidates(parts, &options, &engines, registry)?;
            (report, read_problems, unused)
        }
        Some(path) if set.is_none() && super::streamed::streams(&format) => {
            let streaming = super::streamed::Streaming {
                format: &format,
                format_options: &format_options,
                output: args.verdicts.output.as_deref(),
            };
            super::streamed::check_index(path, &given, &options, &engines, registry, &streaming)?;
            return super::batch::finish(0);
        }
        Some(path) => {
            // The notes made when the index was built are in the report,
            // not printed again.
            let (report, notes) = check_index(path, &given, set, &options, &engines, registry)?;
            (report, notes, 0)
        }
        None => {
            let corpus = super::batch::read(&args.inputs, &args.batch)?;
            let unused = corpus.unused_inputs();
            let read_problems = corpus.diagnostics.len();
            let report = match set {
                Some(set) => {
                    let documents = veracity_verdict::InMemory::new(&corpus.documents);
                    let retriever = veracity_verdict::Index::build(&corpus.documents);
                    let checked = veracity::check_claim_set(
                        &documents, &retriever, set, &options, &engines, registry,
                    )?;
                    veracity::report(corpus, checked)
                }
                None => veracity::check_with(corpus, &given, &options, &engines, registry)?,
            };
            (report, read_problems, unused)
        }
    };
    // What the check itself noted (documents set aside for their language,
    // claims left out). The summary ends with the claims note itself, so it
    // is not said twice.
    for d in report.diagnostics.iter().skip(read_problems) {
        if format == SUMMARY && d.source == "claims" {
            continue;
        }
        super::batch::print_diagnostic(d);
    }
    let sources = veracity_verdict::source_names(&report.documents);

    let bytes = if format == SUMMARY {
        let to_stdout = args
            .verdicts
            .output
            .as_ref()
            .is_none_or(|p| p.as_os_str() == "-");
        let layout = crate::summary::Layout::detect(to_stdout, args.verdicts.width);
        crate::summary::render(&report, &sources, layout).into_bytes()
    } else {
        formats
            .render(&format, &report, &format_options)
            .with_context(|| format!("cannot write the report as {format}"))?
    };
    match &args.verdicts.output {
        Some(path) if path.as_os_str() != "-" => output::write_atomically(path, &bytes)?,
        _ => output::stdout(&bytes)?,
    }
    super::batch::finish(unused)
}

/// Checks against the index in `path`: its documents, its parser notes,
/// its passages; the report a check of the indexed files would give, and
/// how many of its diagnostics are the parser's notes. Python's
/// `Index.check` runs this too.
pub fn check_index(
    path: &Path,
    given: &[String],
    set: Option<veracity_model::scatter::ClaimSet>,
    options: &veracity::CheckOptions,
    engines: &EngineRegistry,
    scales: &ScaleRegistry,
) -> Result<(veracity_model::Report, usize)> {
    let index = veracity_index::EvidenceIndex::open(path)?;
    // The documents are read as the check needs them: those its searches
    // touch and those with published reviews for given claims, every one
    // once (and let go) to find claims.
    let documents = index.stored_documents()?;
    let retriever = index.retriever(&documents);
    let checked = match set {
        Some(set) => {
            veracity::check_claim_set(&documents, &retriever, set, options, engines, scales)?
        }
        None => veracity::check_over(&documents, &retriever, given, options, engines, scales)?,
    };
    let notes = documents.notes().to_vec();
    let count = notes.len();
    let report = veracity::report_over(&documents, notes, documents.set_aside(), checked);
    // A document that could not be read was checked as empty: no report.
    if let Some(e) = documents.failure() {
        return Err(e.into());
    }
    Ok((report, count))
}

/// `--format` when given; else the report format whose extension `-o` has
/// (`report.json` is JSON); else the summary, also for an extension no
/// format claims (`report.txt`).
fn choose_format(
    formats: &veracity_format::FormatRegistry,
    format: Option<&str>,
    output: Option<&Path>,
) -> String {
    if let Some(name) = format {
        return name.to_owned();
    }
    output
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .and_then(|e| formats.by_extension(e))
        .map_or_else(|| SUMMARY.to_owned(), |f| f.name().to_owned())
}

/// Claims from a file: a JSON list of strings or Claim objects, or one claim
/// per line (blank lines and lines starting with `#` skipped).
pub fn read_claims_file(path: &Path) -> Result<Vec<String>> {
    let bytes = output::read_input(path)?;
    let text = String::from_utf8(bytes)
        .with_context(|| format!("claims file {} is not UTF-8 text", path.display()))?;
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') {
        let value: serde_json::Value = serde_json::from_str(trimmed).with_context(|| {
            format!(
                "claims file {} starts with `[` but is not valid JSON",
                path.display()
            )
        })?;
        let items = value.as_array().cloned().unwrap_or_default();
        let mut out = Vec::new();
        for (i, item) in items.into_iter().enumerate() {
            match item {
                serde_json::Value::String(s) => out.push(s),
                other => {
                    let claim: Claim = serde_json::from_value(other).with_context(|| {
                        format!(
                            "claims file {}: item /{i} is neither a string nor a claim \
                             (see `veracity schema claim`)",
                            path.display()
                        )
                    })?;
                    out.push(claim.text);
                }
            }
        }
        return Ok(out);
    }
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect())
}
