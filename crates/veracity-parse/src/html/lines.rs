//! Line-level boilerplate filters applied to extracted paragraphs.

/// Whole-line boilerplate (compared lowercased, trimmed of trailing
/// punctuation).
const EXACT: &[&str] = &[
    "advertisement",
    "advert",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "comments",
    "comment",
    "post comment",
    "post comment (+)",
    "leave a comment",
    "leave a reply",
    "share",
    "share this",
    "share this article",
    "share this story",
    "sharing is caring",
    "subscribe",
    "sign up",
    "newsletter",
    "continue reading below",
    "continue reading",
    "story continues below",
    "article continues below",
    "story continues below advertisement",
    "tell us what you think",
    "print",
    "email",
    "related",
    "related articles",
    "related stories",
    "related posts",
    "more",
    "read more",
    "see more",
    "view comments",
    "this slideshow requires javascript",
    "loading",
    "close",
    "caption",
    "image",
    "photo",
    "tags",
    "share on facebook",
    "share on twitter",
    "follow us",
];

/// Line prefixes (lowercase) that mark a boilerplate line.
const PREFIX: &[&str] = &[
    "read more:",
    "read more |",
    "related:",
    "related post:",
    "related article:",
    "related story:",
    "[related:",
    "also read:",
    "also on ",
    "see also:",
    "more:",
    "recommended:",
    "watch:",
    "sign up for",
    "sign up:",
    "sign up to",
    "subscribe to ",
    "subscribe for",
    "click here to subscribe",
    "get the latest",
    "like this story?",
    "share this:",
    "image:",
    "(image:",
    "photo:",
    "(photo:",
    "picture:",
    "credit:",
    "(credit:",
    "photograph:",
    "фото:",
    "foto:",
    "bild:",
    "image credit",
    "photo credit",
    "filed under:",
    "tags:",
    "tagged:",
    "posted in ",
    "this post may contain affiliate",
    "this article contains affiliate",
    "reporting by ",
    "(reporting by ",
    "writing by ",
    "editing by ",
    "follow us on",
    "copyright ©",
    "copyright ⓒ",
    "copyright (c)",
    "all rights reserved",
    "first published:",
    "last updated:",
    "updated:",
    "posted:",
    "published:",
    "you may also like",
    "more great ",
    "don't miss:",
    "recommended for you",
    "most popular",
    "trending now",
    "download our app",
];

fn norm(line: &str) -> String {
    line.trim()
        .trim_end_matches(|c: char| c.is_ascii_punctuation() || c == '…' || c.is_whitespace())
        .to_lowercase()
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// True when `line` on its own is boilerplate.
pub(crate) fn is_boiler_line(line: &str) -> bool {
    let n = norm(line);
    if n.is_empty() {
        return false;
    }
    if EXACT.contains(&n.as_str()) {
        return true;
    }
    let lower = line.trim().to_lowercase();
    if PREFIX.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    let wc = word_count(line);
    // Short "click here" / call-to-action lines.
    if wc <= 25 && (lower.contains("click here") || lower.contains("clicking here")) {
        return true;
    }
    // Short bylines and datelines ("By Reuters", "Posted on March 30, 2015 by Admin").
    if wc <= 6 && lower.starts_with("by ") {
        return true;
    }
    if wc <= 12
        && (lower.starts_with("posted on ")
            || lower.starts_with("published on ")
            || lower.starts_with("updated on "))
    {
        return true;
    }
    if lower.contains("all rights reserved") && wc <= 20 {
        return true;
    }
    false
}

/// Headings after which the rest of a page is a list of other stories.
fn is_tail_heading(line: &str) -> bool {
    let n = norm(line);
    [
        "you may also like",
        "more great ",
        "related stories",
        "related articles",
        "related posts",
        "recommended for you",
        "more from ",
        "read next",
        "more stories",
        "most popular",
        "related",
        "more",
        "see also",
        "popular this week",
        "recent articles",
        "latest news",
    ]
    .iter()
    .any(|p| {
        if p.ends_with(' ') {
            n.starts_with(p)
        } else {
            n == *p || n.starts_with(&format!("{p}:"))
        }
    })
}

fn looks_like_prose(line: &str) -> bool {
    word_count(line) >= 15 && line.trim_end().ends_with(['.', '!', '?', '"', '”', '»'])
}

pub(crate) fn clean(paragraphs: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(paragraphs.len());
    let mut in_tail = false;
    for p in paragraphs {
        if in_tail {
            if looks_like_prose(&p) {
                in_tail = false;
            } else {
                continue;
            }
        }
        if is_tail_heading(&p) {
            in_tail = true;
            continue;
        }
        if is_boiler_line(&p) {
            continue;
        }
        out.push(p);
    }
    out
}
