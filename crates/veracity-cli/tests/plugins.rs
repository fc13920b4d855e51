//! Plugins through the CLI: listing, calling, containment of misbehaving
//! plugins (in process and `--isolate`), the one-line handshake errors, and a
//! plugin written in C.

mod common;

use common::{assert_fails_with, build_plugin, root, run_env, stderr, stdout};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

const REPORT: &str = "examples/reports/desalination.json";

fn report() -> Value {
    serde_json::from_str(&std::fs::read_to_string(root().join(REPORT)).unwrap()).unwrap()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Writes a JSON request into `dir` and returns its path.
fn write_request(dir: &Path, name: &str, request: &Value) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, request.to_string()).unwrap();
    path
}

fn format_request(options: Value) -> Value {
    json!({"method": "format", "params": {"report": report(), "options": options}})
}

/// A verdict request for the example report's first claim, with `text` as the
/// claim text (the misbehave fixture reads its instructions there).
fn verdict_request(text: Option<&str>) -> Value {
    let report = report();
    let mut claim = report["claims"][0].clone();
    if let Some(text) = text {
        claim["text"] = json!(text);
    }
    json!({"method": "verdict", "params": {
        "claim": claim,
        "evidence": report["verdicts"][0]["evidence"],
        "reviews": report["verdicts"][0]["reviews"],
        "scale": "politifact",
    }})
}

fn assert_one_line_error(out: &std::process::Output, starts: &str, contains: &str) {
    assert_eq!(out.status.code(), Some(2), "{}", stderr(out));
    let err = stderr(out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!("veracity: error: {starts}")),
        "{err}"
    );
    assert!(err.contains(contains), "{err}");
}

#[test]
fn list_shows_the_example_plugins() {
    let bulletin = build_plugin("veracity-plugin-bulletin");
    let review_first = build_plugin("veracity-plugin-review-first");
    let out = run_env(
        &[
            "plugins",
            "list",
            "--plugin",
            s(&bulletin),
            "--plugin",
            s(&review_first),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("NAME"), "{text}");
    for (line, name, kind) in [
        (lines[1], "bulletin", "format"),
        (lines[2], "review-first", "verdict"),
    ] {
        let cells: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(cells[..5], [name, kind, "0.1.0", "1", "1"], "{line}");
    }

    let out = run_env(
        &[
            "plugins",
            "list",
            "--format",
            "json",
            "--plugin",
            s(&bulletin),
        ],
        &[],
    );
    let rows: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(rows[0]["name"], "bulletin");
    assert_eq!(rows[0]["abi_version"], 1);
    assert_eq!(rows[0]["schema_version"], "1");
    assert_eq!(rows[0]["path"], s(&bulletin));
}

#[test]
fn plugins_are_found_in_the_path_list_and_the_config_dir() {
    let bulletin = build_plugin("veracity-plugin-bulletin");
    let review_first = build_plugin("veracity-plugin-review-first");
    let config = tempfile::tempdir().unwrap();
    let dir = config.path().join("veracity/plugins");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(&review_first, dir.join(review_first.file_name().unwrap())).unwrap();
    let out = run_env(
        &["plugins", "list", "--format", "json"],
        &[
            ("XDG_CONFIG_HOME", s(config.path())),
            ("VERACITY_PLUGIN_PATH", s(&bulletin)),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let names: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["bulletin", "review-first"]);
}

#[test]
fn format_and_verdict_plugins_answer_through_the_cli_in_process_and_isolated() {
    let bulletin = build_plugin("veracity-plugin-bulletin");
    let review_first = build_plugin("veracity-plugin-review-first");
    let dir = tempfile::tempdir().unwrap();
    let format = write_request(
        dir.path(),
        "format.json",
        &format_request(json!({"width": "60"})),
    );
    let verdict = write_request(dir.path(), "verdict.json", &verdict_request(None));

    let plain = run_env(
        &[
            "plugins",
            "call",
            "bulletin",
            s(&format),
            "--plugin",
            s(&bulletin),
        ],
        &[],
    );
    assert_eq!(plain.status.code(), Some(0), "{}", stderr(&plain));
    let text = stdout(&plain);
    assert!(text.starts_with("VERACITY BULLETIN\n"), "{text}");
    assert!(
        text.lines()
            .all(|l| l.chars().count() <= 60 || l.trim_start().starts_with("(https://")),
        "{text}"
    );
    let isolated = run_env(
        &[
            "--isolate",
            "plugins",
            "call",
            "bulletin",
            s(&format),
            "--plugin",
            s(&bulletin),
        ],
        &[],
    );
    assert_eq!(isolated.status.code(), Some(0), "{}", stderr(&isolated));
    assert_eq!(
        stdout(&isolated),
        text,
        "isolation does not change the output"
    );

    let out = run_env(
        &[
            "plugins",
            "call",
            "review-first",
            s(&verdict),
            "--plugin",
            s(&review_first),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["engine"], "review-first");
    assert_eq!(v["claim"], report()["claims"][0]["id"]);
    assert_eq!(v["rating"]["scale"], "politifact");
}

#[test]
fn abi_mismatch_and_missing_symbol_are_one_line_and_say_what_to_rebuild() {
    let raw = build_plugin("veracity-fixture-raw");
    for isolate in [false, true] {
        let mut args = vec!["plugins", "list", "--plugin", s(&raw)];
        if isolate {
            args.extend(["--isolate", "--plugin-timeout", "1"]);
        }
        let out = run_env(&args, &[("VERACITY_FIXTURE_ABI", "2")]);
        assert_one_line_error(
            &out,
            &format!(
                "plugin veracity_fixture_raw at {} speaks ABI 2",
                raw.display()
            ),
            "this veracity speaks ABI 1: rebuild the plugin against veracity-plugin 0.1",
        );
    }
    let no_call = build_plugin("veracity-fixture-no-call");
    let out = run_env(&["plugins", "list", "--plugin", s(&no_call)], &[]);
    assert_one_line_error(
        &out,
        &format!("plugin veracity_fixture_no_call at {}", no_call.display()),
        "lacks symbol veracity_plugin_call: is it a veracity plugin? In C, define \
         `VeracityBuffer veracity_plugin_call(const uint8_t *request_ptr, size_t request_len)`",
    );
}

/// Compiles C `source` into a plugin library in `dir` with `cc`. Without a C
/// compiler the test is skipped with a message, except under CI=true, where
/// the compiler is part of the environment and its absence a failure.
fn compile_c(dir: &Path, stem: &str, source: &Path) -> Option<PathBuf> {
    let library = dir.join(format!("lib{stem}.{}", std::env::consts::DLL_EXTENSION));
    let compiled = std::process::Command::new("cc")
        .args(["-shared", "-fPIC", "-o", s(&library), s(source)])
        .status();
    match compiled {
        Err(e) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!(
                "CI=true but no C compiler (`cc`) to build {}: {e}",
                source.display()
            )
        }
        Err(e) => {
            eprintln!(
                "skipping: no C compiler (`cc`) to build {}: {e}",
                source.display()
            );
            None
        }
        Ok(status) => {
            assert!(
                status.success(),
                "cc failed to compile {}",
                source.display()
            );
            Some(library)
        }
    }
}

/// A C plugin that forgot `veracity_plugin_free` is told how to declare it
/// in C, not only pointed at a Rust macro.
#[test]
fn a_c_plugin_missing_a_symbol_is_told_its_c_declaration() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("no_free.c");
    std::fs::write(
        &source,
        "#include <stdint.h>\n#include <stddef.h>\n\
         typedef struct { uint8_t *ptr; size_t len; size_t cap; } VeracityBuffer;\n\
         uint32_t veracity_plugin_abi_version(void) { return 1; }\n\
         VeracityBuffer veracity_plugin_manifest(void) { VeracityBuffer b = {0, 0, 0}; return b; }\n\
         VeracityBuffer veracity_plugin_call(const uint8_t *p, size_t n) \
         { (void)p; (void)n; VeracityBuffer b = {0, 0, 0}; return b; }\n",
    )
    .unwrap();
    let Some(library) = compile_c(dir.path(), "no_free", &source) else {
        return;
    };
    let out = run_env(&["plugins", "list", "--plugin", s(&library)], &[]);
    assert_one_line_error(
        &out,
        &format!(
            "plugin no_free at {} lacks symbol veracity_plugin_free",
            library.display()
        ),
        "In C, define `void veracity_plugin_free(VeracityBuffer buffer)` with default \
         visibility (inside extern \"C\" in C++; see the ABI in docs/plugins.md and \
         examples/plugins/c-hello/plugin.c); in Rust, veracity_plugin::export_plugin! exports it",
    );
}

#[cfg(unix)]
#[test]
fn a_plugin_others_can_write_to_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let bulletin = build_plugin("veracity-plugin-bulletin");
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("libbulletin.so");
    std::fs::copy(&bulletin, &copy).unwrap();
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o666)).unwrap();
    let out = run_env(&["plugins", "list", "--plugin", s(&copy)], &[]);
    assert_one_line_error(
        &out,
        &format!("plugin bulletin at {} refused", copy.display()),
        "chmod go-w",
    );
}

/// [`assert_contained`] with extra command-line flags.
fn assert_contained_with(
    plugin: &Path,
    name: &str,
    request: &Value,
    flags: &[&str],
    expected: &str,
) {
    assert_contained_as(plugin, name, request, &[], flags, expected);
}

/// Runs `plugins call NAME REQUEST -o OUT` and checks the run failed cleanly:
/// exit 2, one line naming the plugin, and no output file.
fn assert_contained(
    plugin: &Path,
    name: &str,
    request: &Value,
    env: &[(&str, &str)],
    isolate: bool,
    expected: &str,
) {
    let flags: &[&str] = if isolate { &["--isolate"] } else { &[] };
    assert_contained_as(plugin, name, request, env, flags, expected);
}

fn assert_contained_as(
    plugin: &Path,
    name: &str,
    request: &Value,
    env: &[(&str, &str)],
    flags: &[&str],
    expected: &str,
) {
    let dir = tempfile::tempdir().unwrap();
    let request = write_request(dir.path(), "request.json", request);
    let out_file = dir.path().join("out.txt");
    let mut args = vec![
        "plugins",
        "call",
        name,
        s(&request),
        "-o",
        s(&out_file),
        "--plugin",
        s(plugin),
    ];
    args.extend_from_slice(flags);
    let out = run_env(&args, env);
    assert_one_line_error(
        &out,
        &format!("plugin {name} at {}", plugin.display()),
        expected,
    );
    assert!(!out_file.exists(), "no partial output file");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, ["request.json"], "no temporary files left");
}

#[test]
fn misbehaving_format_plugins_are_contained() {
    let misbehave = build_plugin("veracity-fixture-misbehave");
    let raw = build_plugin("veracity-fixture-raw");
    let format = [("VERACITY_FIXTURE_KIND", "format")];
    for isolate in [false, true] {
        for (behaviour, expected) in [
            ("error", "failed: asked to fail"),
            ("panic", "failed: the plugin panicked: asked to panic at "),
        ] {
            let request = format_request(json!({"behaviour": behaviour}));
            assert_contained(
                &misbehave,
                "misbehave",
                &request,
                &format,
                isolate,
                expected,
            );
        }
        for (behaviour, expected) in [
            ("malformed", "returned malformed JSON"),
            ("utf8", "returned malformed JSON"),
            ("null", "returned no response"),
            ("schema", "does not match the plugin-response schema"),
        ] {
            let request = format_request(json!({"behaviour": behaviour}));
            assert_contained(&raw, "raw", &request, &format, isolate, expected);
        }
    }
}

#[test]
fn misbehaving_verdict_plugins_are_contained() {
    let misbehave = build_plugin("veracity-fixture-misbehave");
    for (behaviour, expected) in [
        ("invalid", "/ok/verdict/confidence"),
        ("wrong-claim", "when asked about claim"),
        ("panic", "the plugin panicked"),
    ] {
        assert_contained(
            &misbehave,
            "misbehave",
            &verdict_request(Some(behaviour)),
            &[],
            false,
            expected,
        );
    }
}

#[test]
fn an_aborting_plugin_is_contained_by_isolate() {
    let misbehave = build_plugin("veracity-fixture-misbehave");
    assert_contained(
        &misbehave,
        "misbehave",
        &verdict_request(Some("abort")),
        &[],
        true,
        "crashed: its isolated plugin host",
    );
    let dir = tempfile::tempdir().unwrap();
    let request = write_request(dir.path(), "r.json", &verdict_request(Some("abort")));
    let out = run_env(
        &[
            "--isolate",
            "plugins",
            "call",
            "misbehave",
            s(&request),
            "--plugin",
            s(&misbehave),
        ],
        &[],
    );
    #[cfg(unix)]
    assert!(
        stderr(&out).contains("killed by signal 6 (SIGABRT)"),
        "{}",
        stderr(&out)
    );
    assert_eq!(out.status.code(), Some(2));
}

/// The C plugin of examples/plugins/c-hello, compiled with `cc`.
#[test]
fn a_plugin_written_in_c_works() {
    let dir = tempfile::tempdir().unwrap();
    let source = root().join("examples/plugins/c-hello/plugin.c");
    let Some(library) = compile_c(dir.path(), "c_hello", &source) else {
        return;
    };
    let out = run_env(&["plugins", "list", "--plugin", s(&library)], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let row: Vec<&str> = text
        .lines()
        .nth(1)
        .unwrap_or_default()
        .split_whitespace()
        .collect();
    assert_eq!(
        row[..5],
        ["c-hello", "verdict", "0.1.0", "1", "1"],
        "{text}"
    );

    let request = write_request(dir.path(), "verdict.json", &verdict_request(None));
    for isolate in [false, true] {
        let mut args = vec![
            "plugins",
            "call",
            "c-hello",
            s(&request),
            "--plugin",
            s(&library),
        ];
        if isolate {
            args.extend(["--isolate", "--plugin-timeout", "1"]);
        }
        let out = run_env(&args, &[]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(v["claim"], report()["claims"][0]["id"]);
        assert_eq!(v["rating"]["class"], "unverified");
        assert_eq!(v["engine"], "c-hello");
    }
    let format = write_request(dir.path(), "format.json", &format_request(json!({})));
    let out = run_env(
        &[
            "plugins",
            "call",
            "c-hello",
            s(&format),
            "--plugin",
            s(&library),
        ],
        &[],
    );
    assert_fails_with(&out, 2, "no format plugin named `c-hello`");
}

#[test]
fn check_finds_verdict_plugins_with_engine() {
    let review_first = build_plugin("veracity-plugin-review-first");
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("report.json");
    let out = run_env(
        &[
            "check",
            "examples/corpus",
            "--plugin",
            s(&review_first),
            "--engine",
            "review-first",
            "--format",
            "json",
            "-o",
            s(&out_file),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&out_file).unwrap()).unwrap();
    let verdicts = report["verdicts"].as_array().unwrap();
    assert!(!verdicts.is_empty());
    assert!(verdicts.iter().all(|v| v["engine"] == "review-first"));
}

#[test]
fn check_passes_engine_options_to_verdict_plugins() {
    let review_first = build_plugin("veracity-plugin-review-first");
    let base = [
        "check",
        "examples/corpus",
        "--plugin",
        s(&review_first),
        "--engine",
        "review-first",
        "--format",
        "json",
    ];
    // The plugin checks its option: a bad value is its error, naming it.
    let mut args = base.to_vec();
    args.extend(["--engine-option", "min_similarity=2"]);
    let out = run_env(&args, &[]);
    assert_fails_with(&out, 2, "option min_similarity=2");
    // A valid value is accepted.
    let mut args = base.to_vec();
    args.extend(["--engine-option", "min_similarity=0.9", "--max-claims", "3"]);
    let out = run_env(&args, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let verdicts = report["verdicts"].as_array().unwrap();
    assert!(verdicts.iter().all(|v| v["engine"] == "review-first"));
    // The built-in engines take no options.
    let out = run_env(&["check", "examples/corpus", "--engine-option", "x=1"], &[]);
    assert_fails_with(&out, 2, "takes no options");
}

#[test]
fn a_plugin_timeout_must_be_a_positive_duration() {
    for bad in ["0", "-1", "1e300", "NaN"] {
        let flag = format!("--plugin-timeout={bad}");
        let out = run_env(&["plugins", "list", "--isolate", &flag], &[]);
        assert_fails_with(&out, 2, "positive number of seconds");
    }
}

#[test]
fn a_failing_engine_plugin_ends_check_cleanly() {
    let misbehave = build_plugin("veracity-fixture-misbehave");
    for (claim, isolate, expected) in [
        ("panic", false, "the plugin panicked"),
        ("invalid", false, "/ok/verdict/confidence"),
        ("abort", true, "killed by signal"),
        // An isolated plugin that hangs is stopped after --plugin-timeout,
        // and that is reported as a timeout, not a crash.
        (
            "hang",
            true,
            "did not answer veracity_plugin_call within 1 s (--plugin-timeout) and was stopped",
        ),
        // So is one that calls exit() in its isolated host.
        (
            "exit",
            true,
            "ended its process (exit status 3) during veracity_plugin_call",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let out_file = dir.path().join("report.json");
        let mut args = vec![
            "check",
            "examples/corpus",
            "--plugin",
            s(&misbehave),
            "--engine",
            "misbehave",
            "--claim",
            "fine",
            "--claim",
            claim,
            "-o",
            s(&out_file),
        ];
        if isolate {
            args.extend(["--isolate", "--plugin-timeout", "1"]);
        }
        let out = run_env(&args, &[]);
        assert_eq!(out.status.code(), Some(2), "{claim}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains(&format!("plugin misbehave at {}", misbehave.display())),
            "{err}"
        );
        assert!(err.contains(expected), "{claim}: {err}");
        if claim != "abort" {
            assert!(!err.contains("crashed"), "{claim}: {err}");
        }
        assert!(!out_file.exists(), "no partial report");
    }
}

#[test]
fn render_finds_format_plugins_and_contains_their_failures() {
    let bulletin = build_plugin("veracity-plugin-bulletin");
    let out = run_env(
        &[
            "render",
            REPORT,
            "--plugin",
            s(&bulletin),
            "--format",
            "bulletin",
            "-O",
            "width=50",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("VERACITY BULLETIN\n"),
        "{}",
        stdout(&out)
    );

    let misbehave = build_plugin("veracity-fixture-misbehave");
    for isolate in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let out_file = dir.path().join("out.txt");
        let mut args = vec![
            "render",
            REPORT,
            "--plugin",
            s(&misbehave),
            "--format",
            "misbehave",
            "-O",
            "behaviour=panic",
            "-o",
            s(&out_file),
        ];
        if isolate {
            args.extend(["--isolate", "--plugin-timeout", "1"]);
        }
        let out = run_env(&args, &[("VERACITY_FIXTURE_KIND", "format")]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains(&format!("plugin misbehave at {}", misbehave.display())),
            "{err}"
        );
        assert!(err.contains("the plugin panicked"), "{err}");
        assert!(!out_file.exists(), "no partial output file");
    }
}

/// A plugin that calls exit(0) inside a call used to end veracity with
/// status 0 and no word; now the exit handler names it and exits 3.
#[test]
fn a_plugin_calling_exit_in_process_is_named_and_fails_the_run() {
    let misbehave = build_plugin("veracity-fixture-misbehave");
    let dir = tempfile::tempdir().unwrap();
    let request = write_request(dir.path(), "r.json", &verdict_request(Some("exit")));
    let out = run_env(
        &[
            "plugins",
            "call",
            "misbehave",
            s(&request),
            "--plugin",
            s(&misbehave),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        format!(
            "veracity: error: plugin misbehave at {} called exit() during veracity_plugin_call; \
             veracity stopped before finishing (exit status 3); rerun with --isolate to contain \
             the plugin, and report this to the plugin's author\n",
            misbehave.display()
        )
    );
    // The same through check, as a verdict engine.
    let out = run_env(
        &[
            "check",
            "examples/corpus",
            "--plugin",
            s(&misbehave),
            "--engine",
            "misbehave",
            "--claim",
            "exit",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("plugin misbehave at ") && stderr(&out).contains("called exit()"),
        "{}",
        stderr(&out)
    );
    // An ordinary run still exits 0: the handler stays silent without a call.
    let out = run_env(&["plugins", "list", "--plugin", s(&misbehave)], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// --plugin-timeout alone used to be ignored in-process; it now implies
/// --isolate, so a hanging plugin is stopped.
#[test]
fn a_plugin_timeout_without_isolate_still_stops_a_hanging_plugin() {
    let misbehave = build_plugin("veracity-fixture-misbehave");
    let dir = tempfile::tempdir().unwrap();
    let request = write_request(dir.path(), "r.json", &verdict_request(Some("hang")));
    let out = run_env(
        &[
            "plugins",
            "call",
            "misbehave",
            s(&request),
            "--plugin",
            s(&misbehave),
            "--plugin-timeout",
            "1",
        ],
        &[],
    );
    assert_one_line_error(
        &out,
        &format!("plugin misbehave at {}", misbehave.display()),
        "did not answer veracity_plugin_call within 1 s (--plugin-timeout)",
    );
}

/// A response over --plugin-max-response fails naming the plugin, in
/// process and isolated; the default limit takes a 1 MiB response.
#[test]
fn a_response_over_the_size_limit_is_refused() {
    let raw = build_plugin("veracity-fixture-raw");
    for isolate in [false, true] {
        let mut args = vec!["--plugin-max-response", "1000"];
        if isolate {
            args.push("--isolate");
        }
        assert_contained_with(
            &raw,
            "raw",
            &verdict_request(Some("huge")),
            &args,
            "returned a response of 1048576 bytes, more than the limit of 1000 bytes; \
             raise --plugin-max-response if that is expected",
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let request = write_request(dir.path(), "r.json", &verdict_request(Some("huge")));
    let out = run_env(
        &[
            "plugins",
            "call",
            "raw",
            s(&request),
            "--plugin",
            s(&raw),
            "--isolate",
        ],
        &[("VERACITY_FIXTURE_HUGE", "2000")],
    );
    // Under the default limit the response is read: the fixture's envelope
    // is an error, which is what the plugin meant.
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("failed: xxxx"), "{}", stderr(&out));
}

/// A plugin of one's own in a sticky directory like /tmp loads; the same
/// directory as a plugin directory is refused with the sticky bit shown and
/// advice that does not ask to chmod it.
#[cfg(unix)]
#[test]
fn a_plugin_in_a_sticky_directory_like_tmp() {
    use std::os::unix::fs::PermissionsExt;
    let bulletin = build_plugin("veracity-plugin-bulletin");
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("libbulletin.so");
    std::fs::copy(&bulletin, &copy).unwrap();
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o1777)).unwrap();
    let out = run_env(&["plugins", "list", "--plugin", s(&copy)], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = run_env(&["plugins", "list", "--plugin", s(dir.path())], &[]);
    assert_one_line_error(
        &out,
        &format!(
            "plugin {} at {} refused: plugin directory",
            dir.path().file_name().unwrap().to_str().unwrap(),
            dir.path().display()
        ),
        "(mode 1777), so anyone could add a plugin to it; name each plugin file with --plugin, \
         or move the plugins into a directory only you can write to, such as \
         ~/.config/veracity/plugins",
    );
    assert!(!stderr(&out).contains("chmod"), "{}", stderr(&out));
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
}

/// A C plugin whose initialiser calls exit(0) while veracity loads it: named
/// in process (exit status 3), reported as ending its process under
/// --isolate (exit status 2).
#[test]
fn a_plugin_calling_exit_while_loading_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("exit_on_load.c");
    std::fs::write(
        &source,
        "#include <stdlib.h>\n\
         __attribute__((constructor)) static void quit(void) { exit(0); }\n",
    )
    .unwrap();
    let Some(library) = compile_c(dir.path(), "exit_on_load", &source) else {
        return;
    };
    let out = run_env(&["plugins", "list", "--plugin", s(&library)], &[]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with(&format!(
            "veracity: error: plugin exit_on_load at {} called exit() while loading;",
            library.display()
        )),
        "{}",
        stderr(&out)
    );
    let out = run_env(
        &["plugins", "list", "--isolate", "--plugin", s(&library)],
        &[],
    );
    assert_one_line_error(
        &out,
        &format!("plugin exit_on_load at {}", library.display()),
        "ended its process (exit status 3) while loading instead of answering",
    );
}
