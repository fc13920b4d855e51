//! One module per command; each takes its parsed arguments and returns an
//! [`Outcome`] or an error.

mod batch;
pub mod check;
mod eval;
mod index;
mod ingest;
mod inputs;
mod plugin_host;
pub mod plugins;
mod render;
mod scales;
mod scatter;
mod schema;
mod streamed;
mod validate;

/// How often a long command shows its progress on stderr.
const PROGRESS_EVERY: std::time::Duration = std::time::Duration::from_secs(10);

use crate::Outcome;
use crate::cli::{Cli, Command, EvalDataset, PluginsCommand};
use anyhow::{Context, Result, bail};
use std::ffi::OsString;
use std::path::PathBuf;
use veracity_model::{ScaleRegistry, SchemaKind};

/// Runs a parsed command line; `relaunch` starts this command line again
/// (see [`crate::Invocation::relaunch`]).
pub fn run(cli: Cli, relaunch: Option<&[OsString]>) -> Result<Outcome> {
    let registry = || scale_registry(&cli.scale_files);
    let load_plugins = || {
        let options = plugins::LoadOptions {
            isolate: cli.isolate,
            timeout_secs: cli.plugin_timeout,
            max_response: cli.plugin_max_response,
            relaunch,
        };
        plugins::load(&cli.plugins, &options)
    };
    match cli.command {
        Command::Schema { kind } => schema::run(kind.as_deref()),
        Command::Validate { files, kind } => validate::run(&files, kind.as_deref()),
        Command::Render {
            report,
            format,
            output,
            options,
        } => render::run(
            &report,
            format.as_deref(),
            output.as_deref(),
            &options,
            &registry()?,
            &load_plugins()?,
        ),
        Command::Scales {
            name,
            label,
            format,
        } => scales::run(&registry()?, name.as_deref(), label.as_deref(), format),
        Command::Plugins(PluginsCommand::List { format }) => {
            plugins::list(&load_plugins()?, format)
        }
        Command::Plugins(PluginsCommand::Call {
            name,
            request,
            output,
        }) => plugins::call(&load_plugins()?, &name, &request, output.as_deref()),
        Command::PluginHost { path } => plugin_host::run(&path),
        Command::Check(args) => check::run(
            &registry()?,
            check::CheckArgs {
                inputs: args.inputs,
                index: args.index,
                shards: Vec::new(),
                claim: args.claim,
                claims: args.claims,
                top_k: args.top_k,
                max_claims: if args.all {
                    usize::MAX
                } else {
                    args.max_claims
                },
                batch: args.batch,
                verdicts: args.verdicts,
            },
            &load_plugins()?,
        ),
        Command::Eval {
            dataset:
                EvalDataset::Fnc1 {
                    bodies,
                    stances,
                    predictions,
                },
        } => eval::fnc1(&bodies, &stances, predictions.as_deref()),
        Command::Eval {
            dataset: EvalDataset::ClimateFever { data, predictions },
        } => eval::climate_fever(&data, predictions.as_deref()),
        Command::Eval {
            dataset:
                EvalDataset::Emergent {
                    data,
                    max_size,
                    predictions,
                },
        } => eval::emergent(&data, max_size, predictions.as_deref()),
        Command::Stats(args) => scatter::stats(&args),
        Command::Claims(args) => scatter::claims(&args),
        Command::Candidates(args) => scatter::candidates(&args),
        Command::Merge(args) => check::run(
            &registry()?,
            check::CheckArgs {
                inputs: Vec::new(),
                index: None,
                shards: args.candidates,
                claim: Vec::new(),
                claims: None,
                top_k: veracity_verdict::DEFAULT_TOP_K,
                max_claims: usize::MAX,
                batch: crate::cli::BatchArgs {
                    jobs: None,
                    max_size: veracity_parse::DEFAULT_MAX_SIZE,
                    keep_going: false,
                },
                verdicts: args.verdicts,
            },
            &load_plugins()?,
        ),
        Command::Index(args) => index::run(index::Args {
            inputs: &args.inputs,
            output: args.output.as_deref(),
            append: args.append,
            stats: args.stats.as_deref(),
            batch: &args.batch,
        }),
        Command::Ingest {
            inputs,
            format,
            output,
            batch,
        } => ingest::run(ingest::Args {
            inputs: &inputs,
            format,
            output: output.as_deref(),
            batch: &batch,
        }),
    }
}

/// Parses a `--type` value, listing the valid names when it is unknown.
pub fn schema_kind(name: &str) -> Result<SchemaKind> {
    SchemaKind::from_name(name).with_context(|| {
        let names: Vec<&str> = SchemaKind::ALL.iter().map(|k| k.name()).collect();
        format!("unknown type `{name}`; choose one of: {}", names.join(", "))
    })
}

/// The built-in scales plus those in `--scales` files, each file validated
/// against the rating-scales schema first.
pub fn scale_registry(files: &[PathBuf]) -> Result<ScaleRegistry> {
    let mut registry = ScaleRegistry::builtin().clone();
    for file in files {
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("cannot read scale file {}", file.display()))?;
        let value: serde_json::Value = serde_json::from_str(&text).with_context(|| {
            format!("scale file {} is not JSON; fix the syntax", file.display())
        })?;
        let issues = veracity_model::validate::validate(SchemaKind::RatingScales, &value);
        if !issues.is_empty() {
            let list: Vec<String> = issues.iter().map(|i| format!("  {i}")).collect();
            bail!(
                "scale file {} does not match the rating-scales schema \
                 (see `veracity schema rating-scales`):\n{}",
                file.display(),
                list.join("\n")
            );
        }
        registry
            .load_json(&text)
            .with_context(|| format!("scale file {}", file.display()))?;
    }
    Ok(registry)
}

/// `KEY=VALUE` pairs of a repeated flag, keys and values trimmed; a pair
/// without `=` is an error naming it, with an example of the flag.
pub fn key_values(
    pairs: &[String],
    what: &str,
    example: &str,
) -> Result<std::collections::BTreeMap<String, String>> {
    let mut out = std::collections::BTreeMap::new();
    for pair in pairs {
        let Some((key, value)) = pair.split_once('=') else {
            bail!("{what} `{pair}` is not KEY=VALUE; write e.g. {example}");
        };
        out.insert(key.trim().to_owned(), value.trim().to_owned());
    }
    Ok(out)
}
