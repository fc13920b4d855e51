//! `veracity schema [TYPE]`.

use crate::Outcome;
use crate::output;
use anyhow::Result;
use veracity_model::SchemaKind;
use veracity_model::schema::render;

pub fn run(kind: Option<&str>) -> Result<Outcome> {
    let Some(name) = kind else {
        let mut list = String::new();
        for kind in SchemaKind::ALL {
            list.push_str(kind.name());
            list.push('\n');
        }
        output::stdout(list.as_bytes())?;
        return Ok(Outcome::Success);
    };
    let kind = super::schema_kind(name)?;
    output::stdout(render(kind).as_bytes())?;
    Ok(Outcome::Success)
}
