//! `cargo xtask screenshots`: renders the HTML report of the example corpus
//! and of the seed pages (read from ../shared/seeds, never copied into the
//! repository; skipped with a message when absent) with the `veracity` CLI,
//! and photographs each in headless Chromium at desktop and phone widths
//! into docs/screenshots/. The corpus report is also printed to PDF (its
//! page count said), and its first pages rendered to PNG when poppler's
//! `pdftoppm` is installed, to see the print stylesheet at work.

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
    ok &= print(&browser, &page, &out, "corpus")?;

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
        let result = headless(
            browser,
            page,
            &[
                "--hide-scrollbars".to_owned(),
                "--force-device-scale-factor=1".to_owned(),
                format!("--window-size={width},{height}"),
                format!("--screenshot={}", png.display()),
            ],
        )?;
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

/// Pages of the printed report rendered to PNG: the summary table and the
/// first card.
const PRINTED_PAGES: u32 = 3;

/// Prints `page` to PDF in Chromium, says how many pages it made, and
/// renders the first [`PRINTED_PAGES`] to `{stem}-print-N.png` with
/// `pdftoppm` (skipped, with a message, when poppler is not installed).
fn print(browser: &Path, page: &Path, out: &Path, stem: &str) -> Result<bool> {
    let dir = tempfile::tempdir()?;
    let pdf = dir.path().join(format!("{stem}.pdf"));
    let result = headless(
        browser,
        page,
        &[
            "--no-pdf-header-footer".to_owned(),
            format!("--print-to-pdf={}", pdf.display()),
        ],
    )?;
    let bytes = std::fs::read(&pdf).unwrap_or_default();
    if !result.status.success() || bytes.is_empty() {
        bail!(
            "{} printed no PDF of {}: {}",
            browser.display(),
            page.display(),
            String::from_utf8_lossy(&result.stderr)
        );
    }
    println!(
        "{stem} printed: {} pages, {} KB of PDF",
        pdf_pages(&bytes),
        bytes.len() / 1024
    );
    let prefix = out.join(format!("{stem}-print"));
    let rendered = Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-l"])
        .arg(PRINTED_PAGES.to_string())
        .arg(&pdf)
        .arg(&prefix)
        .status();
    match rendered {
        Ok(status) if status.success() => {
            for n in 1..=PRINTED_PAGES {
                // pdftoppm pads page numbers to the width of the last one.
                let padded = (1..=3)
                    .map(|w| out.join(format!("{stem}-print-{n:0w$}.png")))
                    .find(|p| p.exists());
                if let Some(from) = padded {
                    let to = out.join(format!("{stem}-print-{n}.png"));
                    std::fs::rename(&from, &to)?;
                    println!("{}", to.display());
                }
            }
            Ok(true)
        }
        Ok(status) => bail!("pdftoppm failed ({status})"),
        Err(_) => {
            println!("printed pages not rendered: install poppler-utils for pdftoppm");
            Ok(true)
        }
    }
}

/// The page count of a PDF Chromium wrote: its page objects.
fn pdf_pages(pdf: &[u8]) -> usize {
    let needle = b"/Type /Page";
    pdf.windows(needle.len() + 1)
        .filter(|w| w.starts_with(needle) && w[needle.len()] != b's')
        .count()
}

/// Runs headless Chromium on `page` with `args`, in a fresh profile.
fn headless(browser: &Path, page: &Path, args: &[String]) -> Result<std::process::Output> {
    let profile = tempfile::tempdir()?;
    veracity_chromium::headless(browser, profile.path())
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .with_context(|| format!("cannot run {}", browser.display()))
}
