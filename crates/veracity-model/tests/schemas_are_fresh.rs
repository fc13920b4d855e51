//! The committed schemas must match the model: the same check as
//! `cargo xtask codegen --check`, run by `cargo test`.

use veracity_model::SchemaKind;
use veracity_model::schema::render;

#[test]
fn committed_schemas_match_the_model() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schemas");
    let stale: Vec<String> = SchemaKind::ALL
        .into_iter()
        .filter(|kind| {
            std::fs::read_to_string(dir.join(kind.file_name())).ok() != Some(render(*kind))
        })
        .map(|kind| kind.file_name())
        .collect();
    assert!(
        stale.is_empty(),
        "stale JSON Schemas {stale:?}: run `cargo xtask codegen` and commit schemas/"
    );
}
