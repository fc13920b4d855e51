//! `veracity scales [NAME] [--label LABEL]`.

use crate::Outcome;
use crate::cli::ListFormat;
use crate::output;
use anyhow::{Context, Result};
use veracity_model::{RatingScale, ScaleRegistry};

pub fn run(
    registry: &ScaleRegistry,
    name: Option<&str>,
    label: Option<&str>,
    format: ListFormat,
) -> Result<Outcome> {
    let scale = name
        .map(|n| {
            registry.get(n).with_context(|| {
                let ids: Vec<&str> = registry.scales().iter().map(|s| s.id.as_str()).collect();
                format!("unknown scale `{n}`; known scales: {}", ids.join(", "))
            })
        })
        .transpose()?;
    if let Some(label) = label {
        return resolve(registry, scale, label, format);
    }
    let text = match (scale, format) {
        (Some(s), ListFormat::Json) => json_line(s)?,
        (Some(s), ListFormat::Text) => describe(s),
        (None, ListFormat::Json) => json_line(registry.scales())?,
        (None, ListFormat::Text) => list(registry),
    };
    output::stdout(text.as_bytes())?;
    Ok(Outcome::Success)
}

fn json_line<T: serde::Serialize + ?Sized>(value: &T) -> Result<String> {
    Ok(serde_json::to_string_pretty(value)? + "\n")
}

fn list(registry: &ScaleRegistry) -> String {
    let width = registry
        .scales()
        .iter()
        .map(|s| s.id.len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for s in registry.scales() {
        out.push_str(&format!(
            "{:width$}  {:>2} labels  {}\n",
            s.id,
            s.labels.len(),
            s.name
        ));
    }
    out
}

fn describe(scale: &RatingScale) -> String {
    let mut out = format!("{} ({})\n{}\n\n", scale.name, scale.id, scale.description);
    let width = scale
        .labels
        .iter()
        .map(|l| l.label.chars().count())
        .max()
        .unwrap_or(0);
    for l in &scale.labels {
        let value = l
            .value
            .map_or_else(|| "   -".to_owned(), |v| format!("{v:.2}"));
        out.push_str(&format!(
            "  {:width$}  {value}  {:12}",
            l.label,
            l.class.as_str()
        ));
        if !l.aliases.is_empty() {
            out.push_str(&format!("  (also: {})", l.aliases.join(", ")));
        }
        out.push('\n');
    }
    out
}

fn resolve(
    registry: &ScaleRegistry,
    scale: Option<&RatingScale>,
    label: &str,
    format: ListFormat,
) -> Result<Outcome> {
    let Some(rating) = registry.lookup(scale.map(|s| s.id.as_str()), label) else {
        let where_ = scale.map_or("any scale".to_owned(), |s| format!("scale `{}`", s.id));
        eprintln!("veracity: no label `{label}` on {where_}; see `veracity scales NAME`");
        return Ok(Outcome::CheckFailed);
    };
    let text = match format {
        ListFormat::Json => json_line(&rating)?,
        ListFormat::Text => {
            let value = rating
                .value
                .map_or_else(|| "-".to_owned(), |v| format!("{v:.2}"));
            format!(
                "{}  scale {}  value {value}  class {}\n",
                rating.label, rating.scale, rating.class
            )
        }
    };
    output::stdout(text.as_bytes())?;
    Ok(Outcome::Success)
}
