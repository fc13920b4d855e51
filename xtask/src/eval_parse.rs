//! `cargo xtask eval seeds|corpus`: ingest a folder with veracity-parse and
//! print a checklist of what the parser must get right on it.

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use veracity_model::{Document, DocumentKind, RatingClass};
use veracity_parse::Options;

/// Lines of page chrome seen around the seed and corpus articles; none may
/// survive in a document's text.
const CHROME: &[&str] = &[
    "Accessibility links",
    "Breaking News",
    "Read more",
    "READ MORE",
    "16x9 Image",
    "RFE/RL",
    "\u{a9}",
    "Sputnik News",
    "South Africa Today",
    "Related Post",
    "Articles by",
    "Disclaimer",
    "copyright",
    "Copyright",
    "media inquiries",
    "image description",
    "Photo Credit",
    "Source:",
    "Published time",
    "Posted tagged",
    "Posts tagged",
    "via The PJ Tatler",
    "(AFP photo)",
    "(AFP/File)",
    "Igor Kovalenko / Sputnik",
    "With reporting by",
    "[email",
    "globalresearch",
    "Skip to",
    "cookies",
    "Subscribe",
    "Tweet",
    "Read Next",
    "Sponsored",
    "All rights reserved",
    "Comments",
    "Tags:",
    "Photo:",
    "ADVERTISEMENT",
    "Advertisement",
    "minute read",
    "Like this",
    "Older posts",
    "Sign In",
    "Share this",
    "Newsletter",
    "Sign up",
    "Log in",
    "Home |",
];

struct Checklist {
    failed: usize,
}

impl Checklist {
    fn check(&mut self, ok: bool, what: &str, detail: &[String]) {
        println!("[{}] {what}", if ok { "PASS" } else { "FAIL" });
        for d in detail {
            println!("       {d}");
        }
        if !ok {
            self.failed += 1;
        }
    }
}

/// Every file of `dir` parsed: (file name, documents).
fn ingest(dir: &Path) -> Result<Vec<(String, Vec<Document>)>> {
    let (inputs, errors) = veracity_parse::collect_inputs(&[dir]);
    if let Some(e) = errors.first() {
        anyhow::bail!("{e}");
    }
    let mut out = Vec::new();
    for input in inputs {
        let name = input
            .path()
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.ends_with(".md") {
            continue;
        }
        let parsed = veracity_parse::parse_input(&input, &Options::default())
            .with_context(|| format!("parsing {name}"))?;
        out.push((name, parsed.documents));
    }
    Ok(out)
}

/// Paragraphs that look like page chrome.
fn suspicious(docs: &[(String, Vec<Document>)]) -> Vec<String> {
    let mut lines = Vec::new();
    for (name, list) in docs {
        // HTML extraction is the html module's job (its own evaluation).
        if name.ends_with(".html") {
            continue;
        }
        for d in list {
            for p in &d.paragraphs {
                let text = d.slice(*p);
                if CHROME.iter().any(|c| text.contains(c)) {
                    let mut shown: String = text.chars().take(90).collect();
                    if shown.len() < text.len() {
                        shown.push('…');
                    }
                    lines.push(format!("{name}: {shown:?}"));
                }
            }
        }
    }
    lines
}

fn speaker_quotes(d: &Document, who: &str) -> (usize, usize) {
    let mut direct = 0;
    let mut indirect = 0;
    for q in &d.quotes {
        if q.speaker.as_ref().is_some_and(|s| s.name.contains(who)) {
            if q.direct {
                direct += 1;
            } else {
                indirect += 1;
            }
        }
    }
    (direct, indirect)
}

/// True when the text reports `surname` speaking.
fn quotes_person(d: &Document, surname: &str) -> bool {
    let t = &d.text;
    let mut from = 0;
    while let Some(at) = t[from..].find(surname) {
        let end = from + at + surname.len();
        let after = &t[end..t.len().min(end + 16)];
        let before = &t[(from + at).saturating_sub(6)..from + at];
        if [
            " said",
            " says",
            " added",
            " noted",
            " told",
            " on Friday said",
        ]
        .iter()
        .any(|c| after.starts_with(c))
            || before.ends_with("said ")
        {
            return true;
        }
        from = end;
    }
    d.reviews
        .iter()
        .any(|r| r.claimant.as_deref().is_some_and(|c| c.contains(surname)))
}

fn title(d: &Document) -> String {
    d.title.clone().unwrap_or_else(|| "(no title)".into())
}

pub fn seeds(dir: &Path) -> Result<bool> {
    let docs = ingest(dir)?;
    let mut list = Checklist { failed: 0 };
    println!(
        "veracity-parse on {} ({} files)\n",
        dir.display(),
        docs.len()
    );
    let by_prefix = |p: &str| docs.iter().find(|(n, _)| n.starts_with(p)).map(|(_, d)| d);

    let tag = by_prefix("003_").cloned().unwrap_or_default();
    let detail: Vec<String> = tag
        .iter()
        .map(|d| {
            format!(
                "{} | {} | {:?}",
                d.published.as_deref().unwrap_or("NO DATE"),
                title(d),
                d.kind
            )
        })
        .collect();
    list.check(
        tag.len() >= 5
            && tag
                .iter()
                .all(|d| d.parent.is_some() && d.source.byte_range.is_some()),
        &format!("003 (tag page) splits into its posts: {} posts", tag.len()),
        &detail,
    );
    list.check(
        !tag.is_empty() && tag.iter().all(|d| d.published.is_some()),
        "each post of 003 has its date",
        &[],
    );

    let bad = suspicious(&docs);
    list.check(
        bad.is_empty(),
        &format!("no boilerplate line survives ({} suspicious)", bad.len()),
        &bad,
    );

    let fc = by_prefix("000_").cloned().unwrap_or_default();
    let review = fc.first().and_then(|d| d.reviews.first());
    let detail = review
        .map(|r| {
            vec![format!(
                "kind {:?}; claimant {:?}; rating {:?} on {} ({}); claim {:?}",
                fc[0].kind,
                r.claimant.as_deref().unwrap_or("-"),
                r.rating.label,
                r.rating.scale,
                r.rating.class,
                r.claim.chars().take(60).collect::<String>()
            )]
        })
        .unwrap_or_default();
    list.check(
        fc.first()
            .is_some_and(|d| d.kind == DocumentKind::FactCheck)
            && review.is_some_and(|r| {
                r.claimant.as_deref() == Some("Sergei Lavrov")
                    && r.rating.label == "Partially True"
                    && r.rating.class == RatingClass::Mixed
            }),
        "000 is a fact_check with a Review: claimant Sergei Lavrov, rating Partially True (mixed)",
        &detail,
    );

    let mut detail = Vec::new();
    let mut all = true;
    let mut pages = 0;
    for (name, list_docs) in &docs {
        for d in list_docs {
            if !quotes_person(d, "Lavrov") {
                continue;
            }
            pages += 1;
            let (direct, indirect) = speaker_quotes(d, "Lavrov");
            all &= direct + indirect > 0;
            detail.push(format!(
                "{name}: {direct} direct, {indirect} indirect | {}",
                title(d).chars().take(60).collect::<String>()
            ));
        }
    }
    list.check(
        all && pages > 0,
        &format!("Lavrov's quotes found with him as speaker in every page that quotes him ({pages} pages)"),
        &detail,
    );
    summary(&list)
}

pub fn corpus(dir: &Path) -> Result<bool> {
    let docs = ingest(dir)?;
    let mut list = Checklist { failed: 0 };
    println!(
        "veracity-parse on {} ({} files)\n",
        dir.display(),
        docs.len()
    );
    let get = |n: &str| {
        docs.iter()
            .find(|(name, _)| name == n)
            .map(|(_, d)| d.clone())
            .unwrap_or_default()
    };

    let tag = get("water-watch-blog-tag-desalination.txt");
    let detail: Vec<String> = tag
        .iter()
        .map(|d| {
            format!(
                "{} | {} | {:?} | {:?}",
                d.published.as_deref().unwrap_or("NO DATE"),
                title(d),
                d.authors,
                d.kind
            )
        })
        .collect();
    list.check(
        tag.len() == 3
            && tag
                .iter()
                .all(|d| d.published.is_some() && d.parent.is_some()),
        "the Water Watch tag page splits into 3 posts, each dated",
        &detail,
    );

    let mut detail = Vec::new();
    let mut found = 0;
    for (name, list_docs) in &docs {
        for d in list_docs {
            let (direct, indirect) = speaker_quotes(d, "Dana Whitfield");
            if direct + indirect > 0 {
                found += 1;
            }
            detail.push(format!("{name}: {direct} direct, {indirect} indirect"));
        }
    }
    list.check(
        found >= 4,
        &format!("quotes of Mayor Dana Whitfield found ({found} documents)"),
        &detail,
    );

    let mut detail = Vec::new();
    let mut ok = false;
    for (name, list_docs) in &docs {
        for d in list_docs {
            for r in &d.reviews {
                detail.push(format!(
                    "{name}: {:?} ({}) by {:?}, claimant {:?}",
                    r.rating.label,
                    r.rating.class,
                    r.reviewer.as_deref().unwrap_or("-"),
                    r.claimant.as_deref().unwrap_or("-")
                ));
                ok |= r.rating.label == "Mostly False"
                    && r.claimant.as_deref() == Some("Dana Whitfield");
            }
        }
    }
    list.check(
        ok,
        "the fact-check's Review rates the claim Mostly False",
        &detail,
    );

    let bad = suspicious(&docs);
    list.check(
        bad.is_empty(),
        &format!("no boilerplate line survives ({} suspicious)", bad.len()),
        &bad,
    );
    summary(&list)
}

fn summary(list: &Checklist) -> Result<bool> {
    println!();
    if list.failed == 0 {
        println!("all checks passed");
    } else {
        println!("{} check(s) failed", list.failed);
    }
    Ok(list.failed == 0)
}

/// The default seeds folder: `../shared/seeds` beside the workspace.
pub fn default_seeds() -> PathBuf {
    crate::workspace_root().join("../shared/seeds")
}
