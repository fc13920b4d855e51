//! `cargo xtask eval extract`: scores HTML main-content extraction against
//! a labelled set (the article-extraction benchmark's layout: `DIR/<id>.html.gz`
//! or `DIR/<id>.html`, and a truth file `{ id: { "articleBody", "url" } }`).
//!
//! The metric (see docs/extraction.md): both texts are tokenised into `\w+`
//! runs (Unicode word characters, case kept) and cut into 4-token shingles
//! with counts. Per page, `tp = Σ min(true, pred)`, `fp` and `fn` the
//! excesses, each divided by `tp + fp + fn` so every page weighs the same.
//! Precision `tp/(tp+fp)` is averaged over pages with a predicted shingle,
//! recall `tp/(tp+fn)` over pages with a true shingle, and F1 is
//! `2PR/(P+R)` of the averages. Accuracy is the share of pages whose token
//! lists are identical.

use anyhow::{Context, Result, bail};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Shingle width.
pub const SHINGLE: usize = 4;

/// `\w+` runs of `text` (the `regex` crate's Unicode `\w`).
pub fn tokenize(text: &str) -> Vec<&str> {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| regex::Regex::new(r"\w+").expect("static regex"));
    re.find_iter(text).map(|m| m.as_str()).collect()
}

/// Shingle counts; a text shorter than a shingle is one shingle of itself.
fn shingles<'a>(tokens: &'a [&'a str]) -> HashMap<&'a [&'a str], u32> {
    let mut map = HashMap::new();
    if tokens.len() >= SHINGLE {
        for w in tokens.windows(SHINGLE) {
            *map.entry(w).or_insert(0) += 1;
        }
    } else if !tokens.is_empty() {
        map.insert(tokens, 1);
    }
    map
}

/// One page's scores.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageScore {
    /// `None` when nothing was predicted.
    pub precision: Option<f64>,
    /// `None` when the truth has no shingle.
    pub recall: Option<f64>,
    /// The token lists are identical.
    pub exact: bool,
}

/// Scores one page.
pub fn score_page(truth: &str, pred: &str) -> PageScore {
    let tt = tokenize(truth);
    let pt = tokenize(pred);
    let ts = shingles(&tt);
    let ps = shingles(&pt);
    let (mut tp, mut fp, mut fneg) = (0u64, 0u64, 0u64);
    for (k, &p) in &ps {
        let t = ts.get(k).copied().unwrap_or(0);
        tp += u64::from(p.min(t));
        fp += u64::from(p.saturating_sub(t));
    }
    for (k, &t) in &ts {
        fneg += u64::from(t.saturating_sub(ps.get(k).copied().unwrap_or(0)));
    }
    let total = (tp + fp + fneg).max(1) as f64;
    let (tp, fp, fneg) = (tp as f64 / total, fp as f64 / total, fneg as f64 / total);
    let ratio = |a: f64, b: f64| if a + b > 0.0 { a / (a + b) } else { 0.0 };
    PageScore {
        precision: (!ps.is_empty()).then(|| ratio(tp, fp)),
        recall: (!ts.is_empty()).then(|| ratio(tp, fneg)),
        exact: tt == pt,
    }
}

/// Averages over pages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    /// Mean precision over pages with a prediction.
    pub precision: f64,
    /// Mean recall over pages with a truth.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
    /// Share of pages whose token lists match exactly.
    pub accuracy: f64,
    /// Pages scored.
    pub pages: usize,
}

/// Summarises page scores.
pub fn summarize(scores: &[PageScore]) -> Summary {
    fn mean(xs: impl Iterator<Item = f64>) -> f64 {
        let (s, n) = xs.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
        if n == 0 { 0.0 } else { s / n as f64 }
    }
    let p = mean(scores.iter().filter_map(|s| s.precision));
    let r = mean(scores.iter().filter_map(|s| s.recall));
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let exact = scores.iter().filter(|s| s.exact).count();
    Summary {
        precision: p,
        recall: r,
        f1,
        accuracy: if scores.is_empty() {
            0.0
        } else {
            exact as f64 / scores.len() as f64
        },
        pages: scores.len(),
    }
}

/// Reads `DIR/<id>.html.gz` or `DIR/<id>.html`.
pub fn read_page(dir: &Path, id: &str) -> Result<Vec<u8>> {
    let gz = dir.join(format!("{id}.html.gz"));
    if gz.exists() {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(
            std::fs::File::open(&gz).with_context(|| format!("opening {}", gz.display()))?,
        )
        .read_to_end(&mut out)
        .with_context(|| format!("decompressing {}", gz.display()))?;
        return Ok(out);
    }
    let plain = dir.join(format!("{id}.html"));
    std::fs::read(&plain)
        .with_context(|| format!("reading {} (or {})", plain.display(), gz.display()))
}

/// All pages of an HTML directory: `(id, bytes)`, sorted by id.
pub fn read_dir(dir: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    let mut ids = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("listing {}", dir.display()))? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if let Some(id) = name
            .strip_suffix(".html.gz")
            .or_else(|| name.strip_suffix(".html"))
        {
            ids.push(id.to_string());
        }
    }
    ids.sort();
    ids.dedup();
    if ids.is_empty() {
        bail!("no *.html or *.html.gz files in {}", dir.display());
    }
    ids.into_iter()
        .map(|id| Ok((id.clone(), read_page(dir, &id)?)))
        .collect()
}

/// Options of `cargo xtask eval extract`.
pub struct EvalArgs {
    /// Directory of pages.
    pub html: PathBuf,
    /// Truth file.
    pub truth: PathBuf,
    /// Also report the tuning split (first `tune` ids, sorted) and the
    /// held-out rest.
    pub holdout: bool,
    /// Size of the tuning split.
    pub tune: usize,
    /// Print one line per page.
    pub verbose: bool,
}

fn print_summary(name: &str, s: &Summary) {
    println!(
        "{name:<9} pages={:<3} P={:.4} R={:.4} F1={:.4} accuracy={:.3}",
        s.pages, s.precision, s.recall, s.f1, s.accuracy
    );
}

/// Runs the evaluation; prints the figures. Returns `Ok(true)`.
pub fn run(args: &EvalArgs) -> Result<bool> {
    let truth_text = std::fs::read_to_string(&args.truth)
        .with_context(|| format!("reading truth file {}", args.truth.display()))?;
    let truth: serde_json::Value = serde_json::from_str(&truth_text)
        .with_context(|| format!("{} is not JSON", args.truth.display()))?;
    let Some(truth) = truth.as_object() else {
        bail!(
            "{}: expected an object {{ id: {{ articleBody, url }} }}",
            args.truth.display()
        );
    };
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    let mut scores = Vec::with_capacity(ids.len());
    for id in &ids {
        let t = &truth[id.as_str()];
        let body = t.get("articleBody").and_then(|v| v.as_str()).unwrap_or("");
        let url = t.get("url").and_then(|v| v.as_str());
        let page = read_page(&args.html, id)?;
        let pred = match veracity_parse::html::extract(&page, url) {
            Ok(a) => a.text(),
            Err(e) => {
                eprintln!("{id}: {e}");
                String::new()
            }
        };
        let s = score_page(body, &pred);
        if args.verbose {
            let f = |x: Option<f64>| x.map_or("  -  ".to_string(), |v| format!("{v:.3}"));
            println!(
                "{} P={} R={} {}{}",
                &id[..id.len().min(12)],
                f(s.precision),
                f(s.recall),
                if s.exact { "exact " } else { "" },
                url.unwrap_or("")
            );
        }
        scores.push(s);
    }
    if args.holdout && args.tune < scores.len() {
        print_summary("tune", &summarize(&scores[..args.tune]));
        print_summary("holdout", &summarize(&scores[args.tune..]));
    }
    print_summary("all", &summarize(&scores));
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_score_one() {
        let s = score_page(
            "The cat sat on the mat today.",
            "The cat sat, on the mat today!",
        );
        assert_eq!(s.precision, Some(1.0));
        assert_eq!(s.recall, Some(1.0));
        assert!(s.exact);
    }

    #[test]
    fn extra_text_lowers_precision_only() {
        let s = score_page("a b c d e", "a b c d e f g");
        // truth shingles: abcd, bcde; pred adds cdef, defg.
        assert_eq!(s.recall, Some(1.0));
        assert_eq!(s.precision, Some(0.5));
        assert!(!s.exact);
    }

    #[test]
    fn empty_prediction_has_no_precision() {
        let s = score_page("a b c d", "");
        assert_eq!(s.precision, None);
        assert_eq!(s.recall, Some(0.0));
        let sum = summarize(&[s, score_page("a b c d", "a b c d")]);
        assert_eq!(sum.precision, 1.0);
        assert_eq!(sum.recall, 0.5);
        assert_eq!(sum.pages, 2);
    }

    #[test]
    fn short_texts_are_one_shingle() {
        let s = score_page("two words", "two words");
        assert_eq!(s.precision, Some(1.0));
        assert!(tokenize("naïve café_bar 42").len() == 3);
    }
}
