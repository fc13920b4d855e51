//! The host against real plugins: the fixtures under tests/plugins/ and the
//! examples under examples/plugins/.

mod common;

use std::path::{Path, PathBuf};
use veracity_plugin::host::{ErrorKind, HostError, Isolation, LoadedPlugin, PluginSearch, Plugins};
use veracity_plugin::veracity_model::{Claim, ClaimOrigin, PluginKind, Report, VerdictRequest};

fn misbehave() -> PathBuf {
    common::build("veracity-fixture-misbehave")
}

fn raw() -> PathBuf {
    common::build("veracity-fixture-raw")
}

fn request(text: &str) -> VerdictRequest {
    VerdictRequest {
        claim: Claim::new(text, ClaimOrigin::Given),
        evidence: Vec::new(),
        reviews: Vec::new(),
        scale: "veracity".into(),
        options: Default::default(),
    }
}

fn verdict_error(plugin: &Path, text: &str) -> HostError {
    let plugin = LoadedPlugin::load(plugin).unwrap();
    plugin.verdict(request(text)).unwrap_err()
}

fn assert_one_line_naming(e: &HostError, name: &str, path: &Path) {
    let text = e.to_string();
    assert!(!text.contains('\n'), "{text}");
    assert!(
        text.starts_with(&format!("plugin {name} at {}", path.display())),
        "{text}"
    );
}

#[test]
fn a_good_plugin_loads_and_answers() {
    let path = misbehave();
    let plugin = LoadedPlugin::load(&path).unwrap();
    assert_eq!(plugin.name(), "misbehave");
    assert_eq!(plugin.kind(), PluginKind::Verdict);
    assert_eq!(plugin.abi_version(), veracity_plugin::ABI_VERSION);
    let req = request("ok");
    let id = req.claim.id.clone();
    let verdict = plugin.verdict(req).unwrap();
    assert_eq!(verdict.claim, id);
    assert_eq!(verdict.explanation, "behaved: ok");
}

#[test]
fn an_error_envelope_is_reported_with_the_plugin_name() {
    let path = misbehave();
    let e = verdict_error(&path, "error");
    assert_one_line_naming(&e, "misbehave", &path);
    assert!(e.to_string().ends_with("failed: asked to fail"), "{e}");
}

#[test]
fn a_panic_is_caught_at_the_boundary() {
    let path = misbehave();
    let e = verdict_error(&path, "panic");
    assert_one_line_naming(&e, "misbehave", &path);
    assert!(
        e.to_string()
            .contains("failed: the plugin panicked: asked to panic at "),
        "{e}"
    );
    // The plugin still works after a panic.
    let plugin = LoadedPlugin::load(&path).unwrap();
    assert!(plugin.verdict(request("ok")).is_ok());
}

#[test]
fn a_schema_invalid_verdict_is_refused_with_its_json_path() {
    let path = misbehave();
    let e = verdict_error(&path, "invalid");
    assert!(matches!(e.kind(), ErrorKind::InvalidResponse(_)), "{e:?}");
    assert!(e.to_string().contains("/ok/verdict/confidence"), "{e}");
}

#[test]
fn a_verdict_on_another_claim_is_refused() {
    let e = verdict_error(&misbehave(), "wrong-claim");
    assert!(matches!(e.kind(), ErrorKind::Mismatched(_)), "{e:?}");
    assert!(e.to_string().contains("when asked about claim"), "{e}");
}

#[test]
fn a_format_request_to_a_verdict_plugin_is_refused_before_the_call() {
    let plugin = LoadedPlugin::load(&misbehave()).unwrap();
    let e = plugin
        .format(&Report::new("veracity", "0"), &Default::default())
        .unwrap_err();
    assert!(e.to_string().ends_with("is not a format plugin"), "{e}");
}

#[test]
fn broken_responses_are_reported() {
    let path = raw();
    for (behaviour, expected) in [
        ("malformed", "returned malformed JSON"),
        ("utf8", "returned malformed JSON"),
        ("null", "returned no response"),
        ("schema", "does not match the plugin-response schema"),
        ("anything", "failed: the raw plugin always fails"),
    ] {
        let e = verdict_error(&path, behaviour);
        assert_one_line_naming(&e, "raw", &path);
        assert!(e.to_string().contains(expected), "{behaviour}: {e}");
    }
}

#[test]
fn a_missing_symbol_says_how_to_export_it_in_c_and_in_rust() {
    let path = common::build("veracity-fixture-no-call");
    let e = LoadedPlugin::load(&path).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "plugin veracity_fixture_no_call at {} lacks symbol veracity_plugin_call: is it a \
             veracity plugin? In C, define `VeracityBuffer veracity_plugin_call(const uint8_t \
             *request_ptr, size_t request_len)` with default visibility (inside extern \"C\" \
             in C++; see the ABI in docs/plugins.md and examples/plugins/c-hello/plugin.c); \
             in Rust, veracity_plugin::export_plugin! exports it",
            path.display()
        )
    );
}

#[test]
fn a_response_over_the_limit_is_refused_and_the_plugin_still_answers() {
    let path = raw();
    let mut plugin = LoadedPlugin::load(&path).unwrap();
    assert_eq!(
        plugin.max_response(),
        veracity_plugin::host::DEFAULT_MAX_RESPONSE
    );
    // Under the default limit the 1 MiB envelope is read (and is an error
    // envelope, as the fixture means it).
    let e = plugin.verdict(request("huge")).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Failed(_)), "{e:?}");

    plugin.set_max_response(1000);
    let e = plugin.verdict(request("huge")).unwrap_err();
    assert_one_line_naming(&e, "raw", &path);
    assert!(
        matches!(
            e.kind(),
            ErrorKind::TooLarge {
                len: 1_048_576,
                limit: 1000
            }
        ),
        "{e:?}"
    );
    assert!(
        e.to_string().ends_with(
            "returned a response of 1048576 bytes, more than the limit of 1000 bytes; \
             raise --plugin-max-response if that is expected"
        ),
        "{e}"
    );
    // The buffer was freed and the plugin is still usable.
    let e = plugin.verdict(request("anything")).unwrap_err();
    assert!(
        e.to_string().ends_with("the raw plugin always fails"),
        "{e}"
    );
}

#[test]
fn a_file_that_is_no_library_is_refused_by_the_loader() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_plugin = dir
        .path()
        .join(format!("notes.{}", std::env::consts::DLL_EXTENSION));
    std::fs::write(&not_a_plugin, b"just text").unwrap();
    let e = LoadedPlugin::load(&not_a_plugin).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Load(_)), "{e:?}");
    assert_one_line_naming(&e, "notes", &not_a_plugin);
}

#[cfg(unix)]
#[test]
fn plugins_others_can_write_to_are_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join(misbehave().file_name().unwrap());
    std::fs::copy(misbehave(), &copy).unwrap();
    let set = |p: &Path, mode| std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode));

    set(&copy, 0o666).unwrap();
    let e = LoadedPlugin::load(&copy).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Writable { .. }), "{e:?}");
    assert!(e.to_string().contains("(mode 666)"), "{e}");
    assert!(e.to_string().contains("chmod go-w"), "{e}");

    set(&copy, 0o755).unwrap();
    set(dir.path(), 0o777).unwrap();
    let e = LoadedPlugin::load(&copy).unwrap_err();
    match e.kind() {
        ErrorKind::Writable { what, .. } => {
            assert_eq!(what, &std::fs::canonicalize(dir.path()).unwrap())
        }
        other => panic!("expected a permission error, got {other:?}"),
    }
    // A plugin directory others can write to is refused as a whole.
    let search = PluginSearch {
        paths: vec![dir.path().to_path_buf()],
        ..Default::default()
    };
    let e = search.candidates().unwrap_err();
    assert!(e.to_string().contains("writable by group or others"), "{e}");

    set(dir.path(), 0o700).unwrap();
    assert!(LoadedPlugin::load(&copy).is_ok());
}

/// A sticky directory like /tmp: a plugin of one's own in it loads (only its
/// owner can replace it), but the directory cannot be a plugin directory, and
/// the refusal shows the sticky bit and advice a user can follow.
#[cfg(unix)]
#[test]
fn a_sticky_directory_like_tmp_is_understood() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join(misbehave().file_name().unwrap());
    std::fs::copy(misbehave(), &copy).unwrap();
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o1777)).unwrap();

    let plugin = LoadedPlugin::load(&copy).unwrap();
    assert_eq!(plugin.name(), "misbehave");

    let search = PluginSearch {
        paths: vec![dir.path().to_path_buf()],
        ..Default::default()
    };
    let e = search.candidates().unwrap_err();
    let text = e.to_string();
    assert!(
        matches!(
            e.kind(),
            ErrorKind::Writable {
                mode: 0o1777,
                advice: veracity_plugin::host::Advice::SharedPluginDirectory,
                ..
            }
        ),
        "{e:?}"
    );
    assert!(text.contains("(mode 1777)"), "{text}");
    assert!(text.contains("anyone could add a plugin to it"), "{text}");
    assert!(text.contains("~/.config/veracity/plugins"), "{text}");
    assert!(!text.contains("chmod"), "{text}");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
}

#[test]
fn search_order_dedupes_files_and_reports_shadowed_names() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join(misbehave().file_name().unwrap());
    std::fs::copy(misbehave(), &copy).unwrap();
    std::fs::write(dir.path().join("README.txt"), "not a plugin").unwrap();
    let search = PluginSearch {
        paths: vec![misbehave(), misbehave()],
        path_list: Some(std::env::join_paths([dir.path()]).unwrap()),
        config_dir: Some(dir.path().join("absent")),
    };
    let plugins = Plugins::load(
        &search,
        &Isolation::InProcess,
        veracity_plugin::host::DEFAULT_MAX_RESPONSE,
    )
    .unwrap();
    let names: Vec<&str> = plugins.iter().map(|p| p.name()).collect();
    assert_eq!(names, ["misbehave"]);
    assert_eq!(plugins.iter().next().unwrap().path(), misbehave());
    assert_eq!(plugins.warnings().len(), 1, "{:?}", plugins.warnings());
    assert!(plugins.warnings()[0].contains("is shadowed by"));
    assert!(plugins.find(PluginKind::Verdict, "misbehave").is_some());
    assert!(plugins.find(PluginKind::Format, "misbehave").is_none());
}

#[test]
fn the_example_plugins_load() {
    let bulletin = LoadedPlugin::load(&common::build("veracity-plugin-bulletin")).unwrap();
    assert_eq!(bulletin.kind(), PluginKind::Format);
    let (media_type, text) = bulletin
        .format(&Report::new("veracity", "0.1.0"), &Default::default())
        .unwrap();
    assert!(media_type.starts_with("text/plain"));
    assert!(text.starts_with("VERACITY BULLETIN"), "{text}");
    let review_first = LoadedPlugin::load(&common::build("veracity-plugin-review-first")).unwrap();
    let verdict = review_first
        .verdict(request("The plant supplies forty percent"))
        .unwrap();
    assert_eq!(verdict.rating.class.as_str(), "unverified");
    assert_eq!(verdict.engine, "review-first");
}

#[test]
fn a_failure_leaves_other_calls_alone() {
    let plugin = LoadedPlugin::load(&misbehave()).unwrap();
    let mut answers = Vec::new();
    for text in ["first", "panic", "second", "invalid", "error", "third"] {
        let req = request(text);
        let id = req.claim.id.clone();
        answers.push((id, plugin.verdict(req)));
    }
    let ok: Vec<String> = answers
        .iter()
        .filter_map(|(id, r)| r.as_ref().ok().map(|v| (id, v)))
        .map(|(id, v)| {
            assert_eq!(&v.claim, id, "each verdict is on its own claim");
            v.explanation.clone()
        })
        .collect();
    assert_eq!(ok, ["behaved: first", "behaved: second", "behaved: third"]);
    assert_eq!(answers.iter().filter(|(_, r)| r.is_err()).count(), 3);
}

#[test]
fn loaded_plugins_can_be_shared_between_threads() {
    fn shared<T: Send + Sync>() {}
    shared::<LoadedPlugin>();
    shared::<Plugins>();
    let plugin = std::sync::Arc::new(LoadedPlugin::load(&misbehave()).unwrap());
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let plugin = plugin.clone();
            std::thread::spawn(move || plugin.verdict(request(&format!("claim {i}"))).unwrap())
        })
        .collect();
    for (i, handle) in handles.into_iter().enumerate() {
        assert_eq!(
            handle.join().unwrap().explanation,
            format!("behaved: claim {i}")
        );
    }
}
