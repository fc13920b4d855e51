//! Golden files: every built-in format on the example report and on the
//! hostile report. Regenerate with `UPDATE_GOLDEN=1 cargo test -p
//! veracity-format --test golden` and review the diff.

mod common;

use common::{EXAMPLE, HOSTILE, load, render, root};
use std::path::PathBuf;
use veracity_format::{FormatOptions, FormatRegistry};

fn golden_dir() -> PathBuf {
    root().join("crates/veracity-format/tests/golden")
}

/// Compares `actual` with the golden file `name`, or rewrites it when
/// `UPDATE_GOLDEN` is set.
fn check(name: &str, actual: &[u8]) {
    let path = golden_dir().join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(golden_dir()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|_| {
        panic!(
            "missing golden file {}; run UPDATE_GOLDEN=1 cargo test -p veracity-format --test golden",
            path.display()
        )
    });
    if expected != actual {
        let (e, a) = (
            String::from_utf8_lossy(&expected),
            String::from_utf8_lossy(actual),
        );
        let line = e
            .lines()
            .zip(a.lines())
            .position(|(x, y)| x != y)
            .unwrap_or_else(|| e.lines().count().min(a.lines().count()));
        panic!(
            "{name} differs from its golden file at line {}:\n  golden: {:?}\n  actual: {:?}\n\
             If the change is intended, run UPDATE_GOLDEN=1 cargo test -p veracity-format \
             --test golden and review the diff.",
            line + 1,
            e.lines().nth(line),
            a.lines().nth(line)
        );
    }
}

fn all_formats(stem: &str, report_path: &str) {
    let report = load(report_path);
    let registry = FormatRegistry::builtin();
    for format in registry.iter() {
        let bytes = render(&report, format.name(), &FormatOptions::default());
        check(&format!("{stem}.{}", format.extension()), &bytes);
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
        &render(&report, "markdown", &options),
    );
}

#[test]
fn output_is_deterministic() {
    for path in [EXAMPLE, HOSTILE] {
        let report = load(path);
        for format in FormatRegistry::builtin().names() {
            let a = render(&report, format, &FormatOptions::default());
            let b = render(&report.clone(), format, &FormatOptions::default());
            assert_eq!(a, b, "{format} on {path}");
        }
    }
}
