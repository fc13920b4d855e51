//! `cargo xtask codegen [--check]`: writes schemas/ from the model types.

use anyhow::{Context, Result};
use veracity_model::SchemaKind;
use veracity_model::schema::render;

/// Writes (or, with `check`, compares) every schema. Returns false when a
/// check finds a stale or missing schema.
pub fn run(check: bool) -> Result<bool> {
    let dir = crate::workspace_root().join("schemas");
    if !check {
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let mut stale = Vec::new();
    for kind in SchemaKind::ALL {
        let path = dir.join(kind.file_name());
        let fresh = render(kind);
        let current = std::fs::read_to_string(&path).ok();
        if current.as_deref() == Some(fresh.as_str()) {
            continue;
        }
        if check {
            stale.push(path);
        } else {
            std::fs::write(&path, fresh).with_context(|| format!("writing {}", path.display()))?;
            eprintln!("wrote {}", path.display());
        }
    }
    let known: Vec<String> = SchemaKind::ALL.iter().map(|k| k.file_name()).collect();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".schema.json") && !known.contains(&name) {
                if check {
                    stale.push(entry.path());
                } else {
                    std::fs::remove_file(entry.path())?;
                    eprintln!("removed {}", entry.path().display());
                }
            }
        }
    }
    if stale.is_empty() {
        if check {
            eprintln!("schemas/ is up to date ({} schemas)", SchemaKind::ALL.len());
        }
        return Ok(true);
    }
    for path in &stale {
        eprintln!("stale: {}", path.display());
    }
    eprintln!(
        "error: the committed JSON Schemas do not match crates/veracity-model; \
         run `cargo xtask codegen` and commit schemas/"
    );
    Ok(false)
}
