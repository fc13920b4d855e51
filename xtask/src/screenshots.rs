//! `cargo xtask screenshots`: renders the HTML report of the example corpus
//! and of the seed pages (read from ../shared/seeds, never copied into the
//! repository; skipped with a message when absent) with the `veracity` CLI,
//! and photographs each in headless Chromium at desktop and phone widths
//! into docs/screenshots/.

use crate::workspace_root;
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A browser window: file-name suffix, width and height in CSS pixels. The
/// heights show the summary table and the first cards without making the
/// PNGs heavy.
const WINDOWS: [(&str, u32, u32); 2] = [("desktop", 1280, 2000), ("phone", 375, 2400)];

/// PNGs larger than this are reported, since they bloat the repository.
const PNG_BUDGET: u64 = 500 * 1024;

/// Options of `cargo xtask screenshots`.
pub struct Args {
    /// The seeds folder.
    pub seeds: PathBuf,
    /// Where the PNGs go.
    pub out: PathBuf,
}

pub fn run(args: &Args) -> Result<bool> {
    let root = workspace_root();
    let browser = veracity_chromium::find(
        std::env::var_os(veracity_chromium::CHOICE),
        std::env::var_os("PATH"),
    )
    .context(
        "no Chromium found: install it (.ci/install-chromium.sh) or set VERACITY_CHROMIUM to a \
         browser binary",
    )?;
    let out = absolute(&root, &args.out);
    std::fs::create_dir_all(&out).with_context(|| format!("cannot create {}", out.display()))?;
    let pages = tempfile::tempdir()?;
    let mut ok = true;

    let corpus = root.join("examples/corpus");
    let page = pages.path().join("corpus.html");
    render(
        &corpus,
        &page,
        "Example corpus: the Port Alder desalination claim",
    )?;
    ok &= shoot(&browser, &page, &out, "corpus")?;

    let seeds = absolute(&root, &args.seeds);
    if seeds.is_dir() {
        let page = pages.path().join("seeds.html");
        render(
            &seeds,
            &page,
            "Seeds: Lavrov on the US-led coalition and al-Nusra",
        )?;
        ok &= shoot(&browser, &page, &out, "seeds")?;
    } else {
        println!(
            "skipped the seeds: {} is not a directory (pass --seeds DIR)",
            seeds.display()
        );
    }
    Ok(ok)
}

fn absolute(root: &Path, path: &Path) -> PathBuf {
    if path.is_relative() {
        root.join(path)
    } else {
        path.to_path_buf()
    }
}

/// `veracity check INPUT -o PAGE` through cargo (a debug build: checking
/// a handful of pages takes well under a second).
fn render(input: &Path, page: &Path, title: &str) -> Result<()> {
    let status = Command::new(env!("CARGO"))
        .current_dir(workspace_root())
        .args(["run", "--quiet", "-p", "veracity-cli", "--", "check"])
        .arg(input)
        .arg("-o")
        .arg(page)
        .args(["--format", "html", "-O"])
        .arg(format!("title={title}"))
        .status()
        .context("cannot run cargo")?;
    if !status.success() {
        bail!("veracity check {} failed ({status})", input.display());
    }
    Ok(())
}

/// One PNG per window; false when one is over the size budget.
fn shoot(browser: &Path, page: &Path, out: &Path, stem: &str) -> Result<bool> {
    let mut ok = true;
    for (name, width, height) in WINDOWS {
        let png = out.join(format!("{stem}-{name}.png"));
        let profile = tempfile::tempdir()?;
        let result = veracity_chromium::headless(browser, profile.path())
            .args(["--hide-scrollbars", "--force-device-scale-factor=1"])
            .arg(format!("--window-size={width},{height}"))
            .arg(format!("--screenshot={}", png.display()))
            .arg(format!("file://{}", page.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .with_context(|| format!("cannot run {}", browser.display()))?;
        let size = std::fs::metadata(&png).map(|m| m.len()).unwrap_or(0);
        if !result.status.success() || size == 0 {
            bail!(
                "{} wrote no screenshot {}: {}",
                browser.display(),
                png.display(),
                String::from_utf8_lossy(&result.stderr)
            );
        }
        let over = size > PNG_BUDGET;
        ok &= !over;
        println!(
            "{} {}x{}: {} KB{}",
            png.display(),
            width,
            height,
            size / 1024,
            if over {
                " (over the 500 KB budget: lower the height)"
            } else {
                ""
            }
        );
    }
    Ok(ok)
}
