//! The HTML report in a real headless Chromium: no console errors, hostile
//! text shown as text, nothing executed. Without a Chromium these tests
//! skip (passing, with a message on stderr), except under `CI=true`, where
//! they fail: CI must not pass on tests that did not run.
//! `.ci/install-chromium.sh` installs it. Set `VERACITY_CHROMIUM` to a
//! browser binary to choose one.

mod common;

use common::{EXAMPLE, HOSTILE, load, render_str};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

fn chromium() -> Option<PathBuf> {
    veracity_chromium::find(
        std::env::var_os(veracity_chromium::CHOICE),
        std::env::var_os("PATH"),
    )
}

/// True when the tests run in CI (`CI=true`, as CI services set it).
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v.eq_ignore_ascii_case("true") || v == "1")
}

const NO_CHROMIUM: &str =
    "no chromium binary found (install it with .ci/install-chromium.sh or set VERACITY_CHROMIUM)";

macro_rules! need_chromium {
    () => {
        match chromium() {
            Some(path) => path,
            None if in_ci() => panic!("CI=true but {NO_CHROMIUM}: the browser test cannot run"),
            None => {
                eprintln!("SKIPPED: {NO_CHROMIUM}");
                return;
            }
        }
    };
}

/// What Chromium printed for a page: the serialised DOM after load and its
/// log (where console messages appear as `CONSOLE` lines).
struct Loaded {
    dom: String,
    log: String,
}

/// Opens `page` in a fresh headless Chromium profile and dumps its DOM.
fn load_page(browser: &Path, page: &Path) -> Loaded {
    let profile = tempfile::tempdir().unwrap();
    let mut child = veracity_chromium::headless(browser, profile.path())
        .args([
            "--disable-quic",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=3000",
            "--dump-dom",
        ])
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    // Drain the pipes on threads so a chatty browser cannot block.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut out, &mut s).ok();
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut err, &mut s).ok();
        s
    });
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(120) {
            child.kill().ok();
            child.wait().ok();
            panic!("chromium did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Loaded {
        dom: out.join().unwrap(),
        log: err.join().unwrap(),
    }
}

fn console_lines(log: &str) -> Vec<&str> {
    log.lines().filter(|l| l.contains("CONSOLE")).collect()
}

fn write_page(dir: &Path, name: &str, html: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, html).unwrap();
    path
}

/// The harness itself: a page that logs an error and changes its title must
/// be seen doing both, or the checks below would prove nothing.
#[test]
fn harness_sees_console_errors_and_scripts() {
    let browser = need_chromium!();
    let dir = tempfile::tempdir().unwrap();
    let page = write_page(
        dir.path(),
        "probe.html",
        "<!DOCTYPE html><html><head><title>before</title></head><body>\
         <script>console.error('veracity-probe-' + 6 * 7); document.title = 'after';</script>\
         </body></html>",
    );
    let loaded = load_page(&browser, &page);
    assert!(
        loaded.log.contains("veracity-probe-42"),
        "console output not captured; log:\n{}",
        loaded.log
    );
    assert!(
        loaded.dom.contains("<title>after</title>"),
        "{}",
        loaded.dom
    );
}

#[test]
fn hostile_report_shows_payloads_as_text_and_runs_nothing() {
    let browser = need_chromium!();
    let dir = tempfile::tempdir().unwrap();
    let html = render_str(&load(HOSTILE), "html");
    let page = write_page(dir.path(), "hostile.html", &html);
    let loaded = load_page(&browser, &page);
    let dom = &loaded.dom;
    assert!(
        dom.contains("<title>Fact-check report</title>"),
        "title changed:\n{dom}"
    );
    assert_eq!(
        console_lines(&loaded.log),
        Vec::<&str>::new(),
        "console output"
    );
    let lower = dom.to_lowercase();
    assert!(
        !lower.contains("<script"),
        "a script element made it into the DOM"
    );
    assert!(
        !lower.contains("<img"),
        "an img element made it into the DOM"
    );
    // In the serialised DOM, `<` only starts real tags (text has `&lt;`).
    for tag in lower
        .split('<')
        .skip(1)
        .map(|t| t.split('>').next().unwrap_or(""))
    {
        assert!(!tag.contains(" on"), "an event handler attribute: <{tag}>");
        assert!(!tag.contains("javascript:"), "a javascript: URL: <{tag}>");
    }
    assert!(
        dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "payload not shown as text"
    );
    assert!(
        dom.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "payload not shown as text"
    );
    assert!(dom.contains("|pipes|"));
}

#[test]
fn example_report_renders_without_console_errors() {
    let browser = need_chromium!();
    let dir = tempfile::tempdir().unwrap();
    let html = render_str(&load(EXAMPLE), "html");
    assert!(html.len() < 200 * 1024, "{} bytes", html.len());
    let page = write_page(dir.path(), "example.html", &html);
    let loaded = load_page(&browser, &page);
    assert_eq!(
        console_lines(&loaded.log),
        Vec::<&str>::new(),
        "console output"
    );
    assert!(loaded.dom.contains("<mark>"), "{}", loaded.dom);
    assert!(loaded.dom.contains("<svg"), "{}", loaded.dom);
}

/// The browser parses the cards as written: every card keeps its verdict,
/// its folds and its "how" section inside the article, and every summary
/// link has its card (a stray tag would move them out).
#[test]
fn cards_and_summary_links_survive_the_browser_parser() {
    let browser = need_chromium!();
    let dir = tempfile::tempdir().unwrap();
    for path in [EXAMPLE, HOSTILE] {
        let report = load(path);
        let html = render_str(&report, "html");
        let page = write_page(dir.path(), "cards.html", &html);
        let dom = load_page(&browser, &page).dom;
        let articles: Vec<&str> = dom.split("<article").skip(1).collect();
        assert_eq!(articles.len(), report.verdicts.len(), "{path}");
        for (article, verdict) in articles.iter().zip(&report.verdicts) {
            let article = article.split("</article>").next().unwrap_or("");
            let id = verdict.claim.as_str();
            assert!(article.contains(&format!("id=\"{id}\"")), "{path}: {id}");
            assert!(article.contains("class=\"verdict "), "{path}: {id}");
            assert!(article.contains("<details class=\"how\">"), "{path}: {id}");
            assert!(dom.contains(&format!("<a href=\"#{id}\">")), "{path}: {id}");
        }
    }
}
