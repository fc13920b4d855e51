//! HTML main-content extraction and page metadata.
//!
//! [`extract`] turns one HTML page into an [`HtmlArticle`]: the main text as
//! paragraphs (navigation, share widgets, related links, captions,
//! newsletters and other boilerplate removed), the page's metadata (title,
//! authors, published date, publisher, language, canonical URL) and the
//! fact-check verdicts it publishes as schema.org ClaimReview markup.
//!
//! The pipeline, each step a module:
//!
//! 1. `prescan`: a byte-level pass drops `<script>`, `<style>` and comments
//!    (often over half of a page) and keeps the JSON-LD blocks aside.
//! 2. `bound`: a linear pass caps nesting depth, element count, open
//!    formatting tags and attribute sizes, so that the parser and
//!    Readability do bounded work on any page (each cap breached is a
//!    warning; text is kept).
//! 3. Parse with html5ever (through `dom_query`), then one traversal that
//!    gathers metadata candidates (`meta`) and marks boilerplate elements
//!    (`boiler`) for removal, guarding wrappers that hold most of the prose.
//! 4. Readability (`dom_smoothie`) picks the main-content subtree of what is
//!    left; if it finds none, the whole cleaned body is used.
//! 5. `walker` turns the subtree into paragraphs; `lines` drops
//!    boilerplate lines ("Advertisement", "Read more: ...", "Sign up for ...")
//!    and trailing lists of other stories (at most 30% of the text, with a
//!    warning saying what went).
//!
//! The extractor never panics on input; `tests/html_robustness.rs` feeds it
//! random bytes and mangled pages.

mod boiler;
mod bound;
mod dom;
mod error;
mod jsonld;
mod lines;
mod meta;
mod prescan;
mod review;
mod runs;
mod walker;

use crate::build::record_dropped;
use dom_query::{Document, NodeId, NodeRef};
use dom_smoothie::{Config, Readability};
use veracity_model::{DropRule, DroppedText, Review, ScaleRegistry};

pub use error::Error;

/// What one HTML page holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlArticle {
    /// The kind the page's markup declares (JSON-LD `NewsArticle`,
    /// `OpinionNewsArticle`, `BlogPosting`; an opinion `article:section`;
    /// `og:type` article with a publication time), if any.
    pub kind: Option<veracity_model::DocumentKind>,
    /// The headline, without the site name (`og:title`, JSON-LD `headline`,
    /// `<title>` minus its site suffix, or the first `<h1>`).
    pub title: Option<String>,
    /// Author names (JSON-LD `author`, `<meta name="author">`,
    /// `article:author`, or the byline).
    pub authors: Vec<String>,
    /// Publication time, ISO 8601, with its zone where the page gives one.
    pub published: Option<String>,
    /// The site or organisation (`og:site_name`, JSON-LD `publisher`).
    pub publisher: Option<String>,
    /// BCP 47 language tag (`<html lang>`, `og:locale`, JSON-LD `inLanguage`).
    pub language: Option<String>,
    /// Canonical URL (`<link rel="canonical">`, `og:url`), made absolute
    /// against the source URL when relative.
    pub canonical_url: Option<String>,
    /// The main text, one entry per paragraph, whitespace squashed.
    pub paragraphs: Vec<String>,
    /// Fact-check verdicts published as schema.org ClaimReview, ratings
    /// normalised through the built-in scale registry.
    pub reviews: Vec<Review>,
    /// Problems that did not stop extraction (malformed JSON-LD, invalid
    /// UTF-8, no main content found).
    pub warnings: Vec<String>,
    /// The page's text left out of `paragraphs`, by rule.
    pub dropped: Vec<DroppedText>,
}

impl HtmlArticle {
    /// The main text: paragraphs separated by blank lines.
    pub fn text(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}

/// Extracts the main text, metadata and ClaimReviews of an HTML page.
///
/// `input` is the page as bytes or text (UTF-8; invalid sequences are
/// replaced, with a warning). `source_url` is where the page came from; it
/// makes a relative canonical URL absolute and helps strip the site name
/// from the title.
///
/// # Errors
///
/// [`Error::Empty`] for an empty page, [`Error::Binary`] for input with NUL
/// bytes; a page with no recognisable content is not an error.
pub fn extract(input: impl AsRef<[u8]>, source_url: Option<&str>) -> Result<HtmlArticle, Error> {
    extract_with(input.as_ref(), source_url, ScaleRegistry::builtin())
}

/// [`extract`] with a caller's scale registry for ClaimReview ratings.
///
/// # Errors
///
/// As [`extract`].
pub fn extract_with(
    input: &[u8],
    source_url: Option<&str>,
    registry: &ScaleRegistry,
) -> Result<HtmlArticle, Error> {
    if input.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::Empty);
    }
    if input.contains(&0) {
        return Err(Error::Binary);
    }
    let mut warnings = Vec::new();
    let html = match std::str::from_utf8(input) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(e) => {
            warnings.push(format!(
                "the page is not valid UTF-8 (first bad byte at offset {}); invalid bytes were replaced",
                e.valid_up_to()
            ));
            String::from_utf8_lossy(input)
        }
    };
    let source_url = source_url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    // dom_smoothie is not ours: turn an unexpected panic into an error.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        extract_str(&html, source_url, registry)
    }));
    let mut article = result.map_err(|p| {
        let msg = p
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        Error::Internal(msg)
    })?;
    warnings.append(&mut article.warnings);
    article.warnings = warnings;
    Ok(article)
}

/// What one traversal of the parsed page found.
struct Scan {
    /// Metadata candidates from every element.
    raw: meta::RawMeta,
    /// The boilerplate elements to remove (outermost only), each with the
    /// bytes of text it holds.
    doomed: Vec<(NodeId, usize)>,
    /// The depth of the deepest element.
    max_depth: usize,
}

/// One traversal of the parsed page (see [`Scan`]).
fn scan(doc: &Document) -> Scan {
    let root = doc.root();
    // Text lengths of every element, and the page's non-link text,
    // computed on first need.
    let mut lengths: Option<(dom::TextLengths, usize)> = None;
    let mut raw = meta::RawMeta::default();
    let mut doomed = Vec::new();
    let mut buf = String::new();
    let mut max_depth = 0;
    // (node, inside an element already doomed, depth)
    let mut stack: Vec<(NodeRef<'_>, bool, usize)> = Vec::new();
    let mut c = root.last_child();
    while let Some(x) = c {
        stack.push((x, false, 1));
        c = x.prev_sibling();
    }
    while let Some((n, inside, depth)) = stack.pop() {
        max_depth = max_depth.max(depth);
        let verdict = dom::with_element(&n, |e| {
            let names = dom::names_into(e, &mut buf).then_some(buf.as_str());
            raw.observe(&n, e, names);
            if inside {
                None
            } else {
                boiler::classify(e, names)
            }
        });
        let Some(reason) = verdict else { continue };
        let doom = reason.is_some_and(|r| {
            let (all, page) = lengths.get_or_insert_with(|| {
                let all = dom::text_lengths(&root);
                let (t, l) = all.get(&root.id).copied().unwrap_or_default();
                (all, t.saturating_sub(l))
            });
            let own = all.get(&n.id).copied().unwrap_or_default();
            !boiler::guarded(own, r, *page)
        });
        if doom {
            let text = lengths
                .as_ref()
                .and_then(|(all, _)| all.get(&n.id))
                .map_or(0, |&(t, _)| t);
            doomed.push((n.id, text));
        }
        let mut c = n.last_child();
        while let Some(x) = c {
            if x.is_element() {
                stack.push((x, inside || doom, depth + 1));
            }
            c = x.prev_sibling();
        }
    }
    Scan {
        raw,
        doomed,
        max_depth,
    }
}

fn extract_str(html: &str, source_url: Option<&str>, registry: &ScaleRegistry) -> HtmlArticle {
    let stripped = prescan::strip(html);
    let bounded = bound::bound(&stripped.html);
    drop(stripped.html);
    let (html, splits) = runs::split_escape_runs(bounded.html);
    let doc = Document::from(html.as_str());
    drop(html);
    let Scan {
        raw,
        doomed,
        max_depth,
    } = scan(&doc);
    let ld = jsonld::read(&stripped.json_ld);
    let meta = meta::resolve(&raw, &ld.article, source_url);
    let mut warnings = bounded.dropped.notes();
    warnings.extend(ld.warnings);
    let mut dropped = Vec::new();
    for (id, text) in doomed {
        record_dropped(&mut dropped, DropRule::PageFurniture, text as u64);
        NodeRef::new(id, &doc.tree).remove_from_parent();
    }

    let cfg = Config {
        keep_classes: true,
        disable_json_ld: true,
        ..Default::default()
    };
    // The URL was checked above; dom_smoothie only uses it for links.
    let paragraphs = match Readability::with_document(doc, None, Some(cfg)) {
        Ok(mut r) => {
            // Readability serialises its result in one piece, and html5ever's
            // escaping is quadratic in escape-heavy text (see `runs`): such
            // a page is read from its cleaned body instead.
            if splits > 0 {
                warnings.push(format!(
                    "main-content extraction skipped: the page has long runs of `&`, \
                     no-break spaces or other escaped characters ({splits} split); the whole \
                     cleaned body is used"
                ));
            }
            // Readability searches the descendants of each element: on a
            // page of many deeply nested elements that is seconds of work.
            let crowded = bounded.depth_sum > bound::MAX_DEPTH_SUM;
            if crowded {
                warnings.push(format!(
                    "main-content extraction skipped: the page's elements are nested too \
                     deeply for their number (depth summed over elements {} over {}); the \
                     whole cleaned body is used",
                    bounded.depth_sum,
                    bound::MAX_DEPTH_SUM
                ));
            }
            // Readability's selectors recurse once per level of the tree.
            // `bound` keeps the tags it sees from nesting deep, but the tree
            // builder still nests the copies of formatting elements it makes
            // for misnested tags (`<i><div>..</i>` by the thousand): such a
            // tree would overflow a thread's stack in there.
            let too_deep = max_depth > bound::MAX_TREE_DEPTH;
            if too_deep {
                warnings.push(format!(
                    "main-content extraction skipped: the parsed page nests {max_depth} \
                     elements deep (over {}); the whole cleaned body is used",
                    bound::MAX_TREE_DEPTH
                ));
            }
            let skip = splits > 0 || crowded || too_deep;
            // The cleaned body's text, to tell what Readability leaves out.
            let body_text = if !skip {
                let mut w = walker::Walker::default();
                if let Some(body) = r.doc.select("body").nodes().first() {
                    w.walk(body);
                }
                text_bytes(&w.paragraphs)
            } else {
                0
            };
            let main = !skip && r.parse().is_ok();
            let mut w = walker::Walker::default();
            if main {
                if let Some(root) = r.doc.select("#readability-page-1").nodes().first() {
                    w.walk(root);
                }
                let outside = body_text.saturating_sub(text_bytes(&w.paragraphs));
                record_dropped(&mut dropped, DropRule::OutsideMainContent, outside as u64);
            } else if let Some(body) = r.doc.select("body").nodes().first() {
                // Too little text for Readability, or skipped: the cleaned body.
                w.walk(body);
                if w.paragraphs.is_empty() {
                    warnings.push("no main content found in the page".to_string());
                }
            }
            w.paragraphs
        }
        Err(e) => {
            warnings.push(format!("content extraction skipped: {e}"));
            Vec::new()
        }
    };
    let paragraphs = lines::clean(paragraphs, &mut warnings, &mut dropped);

    let mut reviews = Vec::new();
    for r in &ld.reviews {
        match review::to_review(registry, r) {
            Some(rv) => reviews.push(rv),
            None => warnings.push("a ClaimReview without claimReviewed was skipped".to_string()),
        }
    }
    // Fact-check pages often mark the claimant up as an "author".
    let mut authors = meta.authors;
    authors.retain(|a| {
        !reviews.iter().any(|r| {
            r.claimant
                .as_deref()
                .is_some_and(|c| c.contains(a.as_str()))
        })
    });

    HtmlArticle {
        kind: meta.kind,
        title: meta.title,
        authors,
        published: meta.published,
        publisher: meta.publisher,
        language: meta.language,
        canonical_url: meta.canonical_url,
        paragraphs,
        reviews,
        warnings,
        dropped,
    }
}

/// Bytes of text in `paragraphs`.
fn text_bytes(paragraphs: &[String]) -> usize {
    paragraphs.iter().map(String::len).sum()
}
