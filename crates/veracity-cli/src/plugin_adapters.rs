//! Plugins as registry entries: a verdict plugin is an [`Engine`], so
//! `--engine NAME` finds it the same way as the built-ins.
//!
//! (The format side, `PluginFormat` implementing `veracity_format::Format`,
//! joins this module when the `veracity-format` crate lands.)

use anyhow::{Context, Result};
use std::collections::BTreeMap;
use std::sync::Arc;
use veracity_model::{
    CitedReview, Claim, Evidence, PluginKind, RatingScale, Verdict, VerdictRequest,
};
use veracity_plugin::host::{LoadedPlugin, Plugins};
use veracity_verdict::{Engine, EngineError, EngineRegistry};

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

    fn verdict(
        &self,
        claim: &Claim,
        evidence: Vec<Evidence>,
        reviews: Vec<CitedReview>,
        scale: &RatingScale,
    ) -> Result<Verdict, EngineError> {
        let request = VerdictRequest {
            claim: claim.clone(),
            evidence,
            reviews,
            scale: scale.id.clone(),
            options: self.options.clone(),
        };
        self.plugin
            .verdict(request)
            .map_err(|e| EngineError::Failed {
                engine: self.plugin.name().to_owned(),
                message: e.to_string(),
            })
    }
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
