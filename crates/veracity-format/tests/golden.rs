//! Golden files: every built-in format on the example report and on the
//! hostile report, as insta snapshots in `tests/golden/`. After an intended
//! change, run `INSTA_UPDATE=always cargo test -p veracity-format --test
//! golden` and review `git diff crates/veracity-format/tests/golden/` (or
//! `cargo insta review`, where cargo-insta is installed).

mod common;

use common::{EXAMPLE, HOSTILE, load, options_for, render};
use veracity_format::{FormatOptions, FormatRegistry};

/// Compares `actual` with the snapshot `name` in `tests/golden/`, byte for
/// byte.
///
/// Text snapshots (`desalination.json` -> `desalination.json.snap`: a
/// metadata header, then the output) show a line diff on failure, but insta
/// compares them with CRLF read as LF and trailing white space trimmed; they
/// are used only where that loses nothing (no CR, one final newline, checked
/// here). The CSV, whose lines end in CRLF, is a binary snapshot instead: its
/// bytes as they are, beside a metadata file (`desalination.csv` ->
/// `desalination.snap.csv` and `desalination.snap`).
fn check(name: &str, what: &str, actual: &[u8]) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("golden");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        if name.ends_with(".csv") {
            insta::assert_binary_snapshot!(name, actual.to_vec(), what);
            return;
        }
        let text = std::str::from_utf8(actual).expect("text formats write UTF-8");
        let body = text.strip_suffix('\n').unwrap_or(text);
        assert!(
            !text.contains('\r') && body.len() < text.len() && !body.ends_with(char::is_whitespace),
            "{name}: a CR, or not one final newline: a text snapshot would not keep it"
        );
        insta::assert_snapshot!(name, text, what);
    });
}

fn all_formats(stem: &str, report_path: &str) {
    let report = load(report_path);
    let registry = FormatRegistry::builtin();
    for format in registry.iter() {
        let bytes = render(&report, format.name(), &options_for(format.name()));
        check(
            &format!("{stem}.{}", format.extension()),
            &format!("{} of {report_path}", format.name()),
            &bytes,
        );
    }
}

#[test]
fn example_report_in_every_format() {
    all_formats("desalination", EXAMPLE);
}

#[test]
fn hostile_report_in_every_format() {
    all_formats("hostile", HOSTILE);
}

#[test]
fn claimreview_with_publisher_options() {
    let report = load(EXAMPLE);
    let mut options = FormatOptions {
        publisher: Some("Harbor Fact Desk".into()),
        publisher_url: Some("https://harborfactdesk.example.org/".into()),
        ..FormatOptions::default()
    };
    options.extra.insert(
        "base_url".into(),
        "https://harborfactdesk.example.org/reports/desalination".into(),
    );
    options.extra.insert("date".into(), "2026-03-07".into());
    check(
        "desalination-publisher.jsonld",
        "claimreview of examples/reports/desalination.json with publisher, base_url and the date option",
        &render(&report, "claimreview", &options),
    );
}

#[test]
fn markdown_on_another_scale() {
    let report = load(EXAMPLE);
    let options = FormatOptions {
        scale: veracity_model::ScaleRegistry::builtin()
            .get("politifact")
            .cloned(),
        ..FormatOptions::default()
    };
    check(
        "desalination-politifact.md",
        "markdown of examples/reports/desalination.json on the politifact scale",
        &render(&report, "markdown", &options),
    );
}

#[test]
fn output_is_deterministic() {
    for path in [EXAMPLE, HOSTILE] {
        let report = load(path);
        for format in FormatRegistry::builtin().names() {
            let a = render(&report, format, &options_for(format));
            let b = render(&report.clone(), format, &options_for(format));
            assert_eq!(a, b, "{format} on {path}");
        }
    }
}
