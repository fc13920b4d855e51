//! `veracity render REPORT --format F [-o FILE]`.

use crate::Outcome;
use crate::cli::FormatArgs;
use crate::output;
use anyhow::{Context, Result, bail};
use std::path::Path;
use veracity_format::{FormatOptions, FormatRegistry};
use veracity_model::{Report, ScaleRegistry, SchemaKind};

pub fn run(
    input: &Path,
    format: Option<&str>,
    out: Option<&Path>,
    args: &FormatArgs,
    scales: &ScaleRegistry,
    plugins: &veracity_plugin::host::Plugins,
) -> Result<Outcome> {
    let mut registry = FormatRegistry::builtin();
    crate::plugin_adapters::register_formats(&mut registry, plugins)?;
    let name = choose_format(&registry, format, out)?;
    let options = format_options(args, scales)?;
    let report = read_report(input)?;
    let bytes = registry
        .render(&name, &report, &options)
        .with_context(|| format!("cannot render {} as {name}", input.display()))?;
    match out {
        Some(path) => output::write_atomically(path, &bytes)?,
        None => output::stdout(&bytes)?,
    }
    Ok(Outcome::Success)
}

/// `--format`, else the format whose extension `-o` has.
pub fn choose_format(
    registry: &FormatRegistry,
    format: Option<&str>,
    out: Option<&Path>,
) -> Result<String> {
    if let Some(name) = format {
        return Ok(registry.lookup(name)?.name().to_owned());
    }
    let extension = out.and_then(|p| p.extension()).and_then(|e| e.to_str());
    match extension.and_then(|e| registry.by_extension(e)) {
        Some(f) => Ok(f.name().to_owned()),
        None => bail!(
            "no output format given; pass --format with one of: {}",
            registry.names().join(", ")
        ),
    }
}

/// The shared format flags as library options; `--scale` is resolved
/// through the scale registry (built-ins plus `--scales` files).
pub fn format_options(args: &FormatArgs, scales: &ScaleRegistry) -> Result<FormatOptions> {
    let mut options = FormatOptions {
        publisher: args.publish.publisher.clone(),
        publisher_url: args.publish.publisher_url.clone(),
        ..FormatOptions::default()
    };
    if let Some(id) = &args.scale {
        let scale = scales.get(id).with_context(|| {
            let ids: Vec<&str> = scales.scales().iter().map(|s| s.id.as_str()).collect();
            format!("unknown scale `{id}`; known scales: {}", ids.join(", "))
        })?;
        options.scale = Some(scale.clone());
    }
    options.extra.extend(super::key_values(
        &args.publish.option,
        "option",
        "-O title=\"My report\"",
    )?);
    // The run's date unless given (`-O date=` is the older spelling).
    options.review_date = args
        .publish
        .review_date
        .clone()
        .or_else(|| (!options.extra.contains_key("date")).then(crate::review_date::today));
    Ok(options)
}

/// Reads a report, checks it against the report schema (and its spans), and
/// deserialises it; every problem is listed with its JSON path.
pub fn read_report(input: &Path) -> Result<Report> {
    let bytes = output::read_input(input)?;
    let value: serde_json::Value = serde_json::from_slice(&bytes).with_context(|| {
        format!(
            "{} is not JSON; fix the syntax (a report is one JSON object)",
            input.display()
        )
    })?;
    let issues = veracity_model::validate::validate(SchemaKind::Report, &value);
    if !issues.is_empty() {
        let list: Vec<String> = issues
            .iter()
            .map(|i| format!("  {}: {i}", input.display()))
            .collect();
        bail!(
            "{} is not a valid report (see `veracity schema report`):\n{}",
            input.display(),
            list.join("\n")
        );
    }
    serde_json::from_value(value)
        .with_context(|| format!("{} does not fit the report model", input.display()))
}
