//! `veracity plugins list|call`, and loading plugins for other commands.

use crate::Outcome;
use crate::cli::ListFormat;
use crate::output;
use anyhow::{Context, Result, bail};
use serde_json::json;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use veracity_model::{PluginKind, PluginRequest, PluginResult, SchemaKind};
use veracity_plugin::host::{Isolation, PluginSearch, Plugins, config_plugin_dir};

/// The environment variable listing plugin files and directories.
pub const PATH_VARIABLE: &str = "VERACITY_PLUGIN_PATH";

/// How to load plugins: the plugin flags of the command line.
pub struct LoadOptions<'a> {
    /// `--isolate`.
    pub isolate: bool,
    /// `--plugin-timeout`, which implies `--isolate`.
    pub timeout_secs: Option<f64>,
    /// `--plugin-max-response`.
    pub max_response: u64,
    /// The command that runs veracity again, for the isolated plugin host;
    /// `None` for the running executable.
    pub relaunch: Option<&'a [OsString]>,
}

/// The timeout when `--plugin-timeout` is not given.
const DEFAULT_TIMEOUT_SECS: f64 = 60.0;

/// Loads the plugins named with `--plugin`, in `VERACITY_PLUGIN_PATH` and in
/// the user's plugin directory; with `--isolate` or `--plugin-timeout`, each
/// in a child process. Warnings (shadowed plugins) go to stderr.
pub fn load(paths: &[PathBuf], options: &LoadOptions<'_>) -> Result<Plugins> {
    let search = PluginSearch {
        paths: paths.to_vec(),
        path_list: std::env::var_os(PATH_VARIABLE),
        config_dir: config_plugin_dir(
            std::env::var_os("XDG_CONFIG_HOME").as_deref(),
            std::env::var_os("HOME").as_deref(),
        ),
    };
    // A plugin loaded in-process cannot be stopped safely, so asking for a
    // timeout asks for isolation.
    let isolate = options.isolate || options.timeout_secs.is_some();
    let isolation = if isolate {
        let (program, leading) = match options.relaunch {
            Some([program, leading @ ..]) => (PathBuf::from(program), leading.to_vec()),
            _ => (
                std::env::current_exe()
                    .context("cannot find the veracity binary to run isolated plugins")?,
                Vec::new(),
            ),
        };
        let timeout_secs = options.timeout_secs.unwrap_or(DEFAULT_TIMEOUT_SECS);
        let timeout = std::time::Duration::try_from_secs_f64(timeout_secs)
            .ok()
            .filter(|t| !t.is_zero());
        let Some(timeout) = timeout else {
            bail!("--plugin-timeout must be a positive number of seconds, not {timeout_secs}");
        };
        Isolation::Child {
            command: Box::new(move || {
                let mut command = std::process::Command::new(&program);
                command.args(&leading).arg("plugin-host");
                command
            }),
            timeout: Some(timeout),
        }
    } else {
        Isolation::InProcess
    };
    let plugins = Plugins::load(&search, &isolation, options.max_response)?;
    for warning in plugins.warnings() {
        eprintln!("veracity: warning: {warning}");
    }
    Ok(plugins)
}

fn kind_name(kind: PluginKind) -> &'static str {
    match kind {
        PluginKind::Format => "format",
        PluginKind::Verdict => "verdict",
    }
}

pub fn list(plugins: &Plugins, format: ListFormat) -> Result<Outcome> {
    if plugins.is_empty() && format == ListFormat::Text {
        eprintln!(
            "veracity: no plugins found; name one with --plugin PATH, list them in \
             {PATH_VARIABLE}, or put them in ~/.config/veracity/plugins (see docs/plugins.md)"
        );
        return Ok(Outcome::Success);
    }
    let text = match format {
        ListFormat::Json => {
            let rows: Vec<_> = plugins
                .iter()
                .map(|p| {
                    let m = p.manifest();
                    json!({
                        "name": m.name,
                        "kind": kind_name(m.kind),
                        "version": m.version,
                        "abi_version": p.abi_version(),
                        "schema_version": m.schema_version,
                        "description": m.description,
                        "media_type": m.media_type,
                        "path": p.path(),
                    })
                })
                .collect();
            serde_json::to_string_pretty(&rows)? + "\n"
        }
        ListFormat::Text => {
            let mut rows = vec![[
                "NAME".to_owned(),
                "KIND".to_owned(),
                "VERSION".to_owned(),
                "ABI".to_owned(),
                "SCHEMA".to_owned(),
                "PATH".to_owned(),
            ]];
            rows.extend(plugins.iter().map(|p| {
                let m = p.manifest();
                [
                    m.name.clone(),
                    kind_name(m.kind).to_owned(),
                    m.version.clone(),
                    p.abi_version().to_string(),
                    m.schema_version.clone(),
                    p.path().display().to_string(),
                ]
            }));
            table(&rows)
        }
    };
    output::stdout(text.as_bytes())?;
    Ok(Outcome::Success)
}

/// Aligned columns, two spaces apart; the last column is not padded.
fn table<const N: usize>(rows: &[[String; N]]) -> String {
    let mut widths = [0; N];
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i + 1 == N {
                line.push_str(cell);
            } else {
                line.push_str(&format!("{cell:width$}  ", width = widths[i]));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn call(plugins: &Plugins, name: &str, request: &Path, out: Option<&Path>) -> Result<Outcome> {
    let bytes = output::read_input(request)?;
    let value: serde_json::Value = serde_json::from_slice(&bytes)
        .with_context(|| format!("request {} is not JSON; fix the syntax", request.display()))?;
    let issues = veracity_model::validate::validate(SchemaKind::PluginRequest, &value);
    if !issues.is_empty() {
        let list: Vec<String> = issues.iter().map(|i| format!("  {i}")).collect();
        bail!(
            "request {} does not match the plugin-request schema \
             (see `veracity schema plugin-request`):\n{}",
            request.display(),
            list.join("\n")
        );
    }
    let request: PluginRequest =
        serde_json::from_value(value).with_context(|| format!("request {}", request.display()))?;
    let kind = match request {
        PluginRequest::Format(_) => PluginKind::Format,
        PluginRequest::Verdict(_) => PluginKind::Verdict,
    };
    let Some(plugin) = plugins.find(kind, name) else {
        let names: Vec<&str> = plugins
            .iter()
            .filter(|p| p.kind() == kind)
            .map(|p| p.name())
            .collect();
        bail!(
            "no {} plugin named `{name}`; loaded: {}",
            kind_name(kind),
            if names.is_empty() {
                "none".to_owned()
            } else {
                names.join(", ")
            }
        );
    };
    let text = match plugin.call(&request)? {
        PluginResult::Formatted { content, .. } => content,
        PluginResult::Verdict { verdict } => serde_json::to_string_pretty(&verdict)? + "\n",
    };
    match out {
        Some(path) => output::write_atomically(path, text.as_bytes())?,
        None => output::stdout(text.as_bytes())?,
    }
    Ok(Outcome::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_all_but_the_last_column() {
        let rows = [
            ["A".to_owned(), "bb".to_owned(), "c".to_owned()],
            ["aaa".to_owned(), "b".to_owned(), "cc".to_owned()],
        ];
        assert_eq!(table(&rows), "A    bb  c\naaa  b   cc\n");
    }
}
