//! `veracity check INPUTS...`: ingest, find claims, gather evidence, rate.

use crate::Outcome;
use crate::output;
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use veracity_model::{Claim, EvidenceRole, Report, ScaleRegistry, StanceLabel, Verdict};
use veracity_verdict::EngineRegistry;

/// The parsed arguments of `veracity check`.
pub struct CheckArgs {
    pub inputs: Vec<PathBuf>,
    pub claim: Vec<String>,
    pub claims: Option<PathBuf>,
    pub engine: String,
    pub scale: Option<String>,
    pub top_k: usize,
    pub max_claims: usize,
    /// `--format`; `None` to infer it from `-o`'s extension.
    pub format: Option<String>,
    pub output: Option<PathBuf>,
    /// How the inputs are read: `--jobs`, `--max-size`, `--keep-going`.
    pub batch: crate::cli::BatchArgs,
    /// Report format options (the ratings' scale is `scale` above).
    pub format_args: crate::cli::FormatArgs,
    /// `KEY=VALUE` options for a verdict plugin.
    pub engine_options: Vec<String>,
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
    let format = choose_format(&formats, args.format.as_deref(), args.output.as_deref());
    if format != SUMMARY && formats.lookup(&format).is_err() {
        bail!(
            "unknown format `{format}`; choose summary or one of: {}",
            formats.names().join(", ")
        );
    }
    if let Some(path) = &args.output {
        output::check_writable(path)?;
    }
    let format_options = crate::commands::render::format_options(&args.format_args, registry)?;
    if format != SUMMARY {
        // Missing or malformed format options fail before the work starts.
        veracity_format::check_options(formats.lookup(&format)?, &format_options)
            .with_context(|| format!("cannot write the report as {format}"))?;
    }
    let engine_options = super::key_values(
        &args.engine_options,
        "engine option",
        "--engine-option threshold=0.4",
    )?;
    let mut engines = EngineRegistry::builtin();
    if !engine_options.is_empty() && engines.require(&args.engine).is_ok() {
        bail!(
            "the built-in engine `{}` takes no options; --engine-option is for verdict plugins",
            args.engine
        );
    }
    crate::plugin_adapters::register_engines(&mut engines, plugins, &engine_options)?;
    engines.require(&args.engine)?;
    let scale_id = args.scale.as_deref().unwrap_or("veracity");
    let scale = registry.get(scale_id).with_context(|| {
        let ids: Vec<&str> = registry.scales().iter().map(|s| s.id.as_str()).collect();
        format!(
            "unknown scale `{scale_id}`; known scales: {}",
            ids.join(", ")
        )
    })?;

    let mut given = args.claim.clone();
    if let Some(file) = &args.claims {
        given.extend(read_claims_file(file)?);
    }
    if args.claims.is_some() && given.is_empty() {
        bail!("the claims file names no claims; write one claim per line or a JSON list");
    }

    let corpus = super::batch::read(&args.inputs, &args.batch)?;
    let unused = corpus.unused_inputs();
    let options = veracity::CheckOptions {
        engine: args.engine.clone(),
        scale: scale.id.clone(),
        top_k: args.top_k,
        max_claims: args.max_claims,
    };
    let read_problems = corpus.diagnostics.len();
    let report = veracity::check_with(corpus, &given, &options, &engines, registry)?;
    // What the check itself noted (documents set aside for their language).
    for d in report.diagnostics.iter().skip(read_problems) {
        super::batch::print_diagnostic(d);
    }
    let sources = veracity_verdict::source_names(&report.documents);

    let bytes = if format == SUMMARY {
        summary(&report, &args.engine, &sources).into_bytes()
    } else {
        formats
            .render(&format, &report, &format_options)
            .with_context(|| format!("cannot write the report as {format}"))?
    };
    match &args.output {
        Some(path) if path.as_os_str() != "-" => output::write_atomically(path, &bytes)?,
        _ => output::stdout(&bytes)?,
    }
    super::batch::finish(unused)
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

fn one_line(s: &str, max: usize) -> String {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.chars().count() <= max {
        t
    } else {
        let cut: String = t.chars().take(max).collect();
        format!("{cut}\u{2026}")
    }
}

/// The terminal summary: per claim, the verdict, the strongest evidence for
/// and against, what was not counted, and published reviews.
pub fn summary(report: &Report, engine: &str, sources: &veracity_verdict::Sources) -> String {
    let set_aside = report
        .documents
        .iter()
        .filter(|d| !veracity_verdict::carries_weight(d))
        .count();
    let mut out = format!(
        "veracity check: {} document{}{}, {} claim{}, engine {engine}\n",
        report.documents.len(),
        if report.documents.len() == 1 { "" } else { "s" },
        if set_aside == 0 {
            String::new()
        } else {
            format!(" ({set_aside} set aside for language)")
        },
        report.claims.len(),
        if report.claims.len() == 1 { "" } else { "s" },
    );
    let name = |id: &veracity_model::DocumentId| {
        sources.get(id).cloned().unwrap_or_else(|| id.to_string())
    };
    for (i, (claim, verdict)) in report.claims.iter().zip(&report.verdicts).enumerate() {
        let docs: std::collections::BTreeSet<_> =
            claim.appearances.iter().map(|a| &a.document).collect();
        out.push_str(&format!(
            "\n[{}] \u{201c}{}\u{201d}\n",
            i + 1,
            one_line(&claim.text, 160)
        ));
        out.push_str(&format!(
            "    {}; {:?} claim; {} appearance{} in {} document{}\n",
            claim
                .claimant
                .as_deref()
                .map_or("claimant unknown".to_owned(), |c| format!("by {c}")),
            claim.origin,
            claim.appearances.len(),
            if claim.appearances.len() == 1 {
                ""
            } else {
                "s"
            },
            docs.len(),
            if docs.len() == 1 { "" } else { "s" },
        ));
        out.push_str(&verdict_lines(verdict, &name));
    }
    for note in report.diagnostics.iter().filter(|d| d.source == "claims") {
        out.push_str(&format!("\n{}\n", note.message));
    }
    let problems = report
        .diagnostics
        .iter()
        .filter(|d| d.source != "claims")
        .count();
    if problems > 0 {
        out.push_str(&format!(
            "\n{problems} input problem{} (see stderr or the JSON report)\n",
            if problems == 1 { "" } else { "s" }
        ));
    }
    out
}

fn verdict_lines(v: &Verdict, name: &dyn Fn(&veracity_model::DocumentId) -> String) -> String {
    let mut out = format!(
        "    Verdict: {} ({}, {} scale)  confidence {:.2}  support {:.2} / refutation {:.2}\n",
        v.rating.label, v.rating.class, v.rating.scale, v.confidence, v.support, v.refutation
    );
    for (label, head) in [
        (StanceLabel::Disagree, "Against"),
        (StanceLabel::Agree, "For"),
    ] {
        let items: Vec<_> = v
            .evidence
            .iter()
            .filter(|e| e.weight > 0.0 && e.stance.label == label)
            .take(2)
            .collect();
        for e in items {
            out.push_str(&format!(
                "    {head:7}  {:.2}  {}\n             \u{201c}{}\u{201d}\n",
                e.weight,
                one_line(&name(&e.document), 90),
                one_line(&e.text, 140)
            ));
        }
    }
    let count = |r: EvidenceRole| v.evidence.iter().filter(|e| e.role == r).count();
    let (a, c, d) = (
        count(EvidenceRole::Attribution),
        count(EvidenceRole::Claimant),
        count(EvidenceRole::Duplicate),
    );
    if a + c + d > 0 {
        out.push_str(&format!(
            "    Not counted: {a} attribution (reports of the claim being made), {c} claimant, {d} duplicate\n"
        ));
    }
    for r in &v.reviews {
        out.push_str(&format!(
            "    Published review: {} \u{2014} {} ({} scale), {} (match {:.2})\n",
            r.review.reviewer.as_deref().unwrap_or("unknown reviewer"),
            r.review.rating.label,
            r.review.rating.scale,
            one_line(&name(&r.document), 90),
            r.similarity
        ));
    }
    out
}
