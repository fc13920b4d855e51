//! Plugins as registry entries: a format plugin is a [`Format`], a verdict
//! plugin an [`Engine`], so `--format NAME` and `--engine NAME` find them the
//! same way as the built-ins.

use anyhow::{Context, Result};
use std::collections::BTreeMap;
use std::sync::Arc;
use veracity_format::{Format, FormatError, FormatOptions, FormatRegistry};
use veracity_model::{PluginKind, Report, Verdict};
use veracity_plugin::host::{LoadedPlugin, Plugins};
use veracity_verdict::{Engine, EngineError, EngineRegistry, EngineRequest};

/// A format plugin called through the host.
pub struct PluginFormat {
    plugin: Arc<LoadedPlugin>,
}

/// The usual file extension of a media type (for `-o FILE.EXT` without
/// `--format`).
fn extension_of(media_type: &str) -> &'static str {
    let essence = media_type.split(';').next().unwrap_or("").trim();
    match essence {
        "text/html" => "html",
        "text/markdown" => "md",
        "text/csv" => "csv",
        "text/tab-separated-values" => "tsv",
        "application/json" | "application/ld+json" => "json",
        "application/x-ndjson" | "application/jsonl" => "jsonl",
        "application/xml" | "text/xml" | "application/rss+xml" | "application/atom+xml" => "xml",
        _ => "txt",
    }
}

impl Format for PluginFormat {
    fn name(&self) -> &str {
        self.plugin.name()
    }

    fn description(&self) -> &str {
        &self.plugin.manifest().description
    }

    fn media_type(&self) -> &str {
        self.plugin
            .manifest()
            .media_type
            .as_deref()
            .unwrap_or("text/plain")
    }

    fn extension(&self) -> &str {
        extension_of(self.media_type())
    }

    fn render(&self, report: &Report, options: &FormatOptions) -> Result<Vec<u8>, FormatError> {
        let mut extra: BTreeMap<String, String> = options.extra.clone();
        if let Some(publisher) = &options.publisher {
            extra
                .entry("publisher".into())
                .or_insert_with(|| publisher.clone());
        }
        if let Some(url) = &options.publisher_url {
            extra
                .entry("publisher_url".into())
                .or_insert_with(|| url.clone());
        }
        self.plugin
            .format(report, &extra)
            .map(|(_, content)| content.into_bytes())
            .map_err(|e| FormatError::Failed {
                format: self.plugin.name().to_owned(),
                message: e.to_string(),
            })
    }
}

/// A verdict plugin called through the host.
pub struct PluginEngine {
    plugin: Arc<LoadedPlugin>,
    options: BTreeMap<String, String>,
}

impl Engine for PluginEngine {
    fn name(&self) -> &str {
        self.plugin.name()
    }

    fn description(&self) -> &str {
        &self.plugin.manifest().description
    }

    fn verdict(&self, request: EngineRequest<'_>) -> Result<Verdict, EngineError> {
        let request = request.into_plugin_request(self.options.clone());
        self.plugin
            .verdict(request)
            .map_err(|e| EngineError::Failed {
                engine: self.plugin.name().to_owned(),
                message: e.to_string(),
            })
    }
}

/// Adds every format plugin to `registry`; a plugin named like a built-in
/// format is refused.
pub fn register_formats(registry: &mut FormatRegistry, plugins: &Plugins) -> Result<()> {
    for plugin in plugins.iter().filter(|p| p.kind() == PluginKind::Format) {
        registry
            .register(Box::new(PluginFormat {
                plugin: plugin.clone(),
            }))
            .with_context(|| format!("plugin {} at {}", plugin.name(), plugin.path().display()))?;
    }
    Ok(())
}

/// Adds every verdict plugin to `registry`, each given `options`; a plugin
/// named like a built-in engine is refused.
pub fn register_engines(
    registry: &mut EngineRegistry,
    plugins: &Plugins,
    options: &BTreeMap<String, String>,
) -> Result<()> {
    for plugin in plugins.iter().filter(|p| p.kind() == PluginKind::Verdict) {
        registry
            .register(Box::new(PluginEngine {
                plugin: plugin.clone(),
                options: options.clone(),
            }))
            .with_context(|| format!("plugin {} at {}", plugin.name(), plugin.path().display()))?;
    }
    Ok(())
}
