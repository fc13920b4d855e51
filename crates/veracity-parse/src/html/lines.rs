//! Line-level boilerplate filters applied to extracted paragraphs.

use crate::build::record_dropped;
use veracity_model::{DropRule, DroppedText};

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

/// The largest share (percent) of the text the tail rule may drop; a
/// "related stories" heading with more after it is ignored, with a note.
pub(crate) const MAX_TAIL_PERCENT: usize = 30;

/// A tail cut under this many bytes goes unrecorded (a heading and a few
/// links; the rule never drops prose): a warning on nearly every page would
/// bury the ones that matter.
const MIN_NOTED_BYTES: usize = 4096;

/// Why a paragraph was dropped.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Drop {
    Keep,
    /// A boilerplate line.
    Line,
    /// A tail heading, or a short line in the list after one.
    Tail,
}

/// Drops boilerplate lines and the lists of other stories after a tail
/// heading; `notes` records tail cuts and a tail cut refused because it
/// would drop over [`MAX_TAIL_PERCENT`] of the text.
pub(crate) fn clean(
    paragraphs: Vec<String>,
    notes: &mut Vec<String>,
    dropped: &mut Vec<DroppedText>,
) -> Vec<String> {
    let mut verdicts = Vec::with_capacity(paragraphs.len());
    let mut in_tail = false;
    for p in &paragraphs {
        if in_tail {
            if looks_like_prose(p) {
                in_tail = false;
            } else {
                verdicts.push(Drop::Tail);
                continue;
            }
        }
        verdicts.push(if is_tail_heading(p) {
            in_tail = true;
            Drop::Tail
        } else if is_boiler_line(p) {
            Drop::Line
        } else {
            Drop::Keep
        });
    }
    let total: usize = paragraphs.iter().map(String::len).sum();
    let tail: usize = paragraphs
        .iter()
        .zip(&verdicts)
        .filter(|(_, v)| **v == Drop::Tail)
        .map(|(p, _)| p.len())
        .sum();
    let keep_tail = tail * 100 > total * MAX_TAIL_PERCENT;
    if keep_tail {
        notes.push(format!(
            "lines after a \"related stories\" style heading hold {tail} bytes ({}% of the \
             text), over the {MAX_TAIL_PERCENT}% the rule may drop; they were kept",
            tail * 100 / total.max(1)
        ));
    } else if tail >= MIN_NOTED_BYTES {
        notes.push(format!(
            "dropped {tail} bytes of short lines after \"related stories\" style headings \
             (lists of other stories)"
        ));
    }
    let mut related = 0;
    let kept = paragraphs
        .into_iter()
        .zip(verdicts)
        .filter(|(p, v)| {
            let keep = match v {
                Drop::Keep => true,
                Drop::Line => false,
                Drop::Tail => keep_tail && !is_tail_heading(p) && !is_boiler_line(p),
            };
            if !keep {
                // A tail's heading and lines are the list; furniture in it
                // is furniture.
                if *v == Drop::Tail && (is_tail_heading(p) || !is_boiler_line(p)) {
                    related += p.len();
                } else {
                    record_dropped(dropped, DropRule::BoilerplateLine, p.len() as u64);
                }
            }
            keep
        })
        .map(|(p, _)| p)
        .collect();
    // The related-stories lists count as one piece.
    record_dropped(dropped, DropRule::RelatedStories, related as u64);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_string()).collect()
    }

    #[test]
    fn a_tail_list_is_dropped_and_noted_when_large() {
        let prose = "The council voted on Tuesday to close the plant, citing repeated \
                     safety failures over the past two years.";
        let mut page = vec![prose; 120];
        page.push("Related stories");
        let teaser = "Another story about something else entirely here";
        page.extend([teaser; 3]);
        let mut notes = Vec::new();
        let mut dropped = Vec::new();
        let out = clean(strings(&page), &mut notes, &mut dropped);
        assert_eq!(out.len(), 120);
        assert!(notes.is_empty(), "{notes:?}");
        // Too small for a note, but recorded.
        let small = "Related stories".len() + 3 * teaser.len();
        assert_eq!(
            dropped,
            [DroppedText {
                rule: DropRule::RelatedStories,
                bytes: small as u64,
                pieces: 1
            }]
        );
        page.extend([teaser; 100]);
        let out = clean(strings(&page), &mut notes, &mut Vec::new());
        assert_eq!(out.len(), 120);
        assert!(notes[0].starts_with("dropped "), "{notes:?}");
    }

    #[test]
    fn a_tail_cut_over_the_share_keeps_the_text() {
        let prose = "The council voted on Tuesday to close the plant, citing repeated \
                     safety failures over the past two years.";
        let page = [
            prose,
            "Most popular",
            "Emissions rose 4% in 2024",
            "The key figure was revised",
            "Officials disputed the claim",
            "Advertisement",
        ];
        let mut notes = Vec::new();
        let mut dropped = Vec::new();
        let out = clean(strings(&page), &mut notes, &mut dropped);
        assert_eq!(out.len(), 4, "{out:?}");
        assert!(notes[0].contains("were kept"), "{notes:?}");
        // The heading and the advertisement go, each on its own rule.
        let rules: Vec<_> = dropped.iter().map(|d| (d.rule, d.bytes)).collect();
        assert_eq!(
            rules,
            [
                (DropRule::BoilerplateLine, "Advertisement".len() as u64),
                (DropRule::RelatedStories, "Most popular".len() as u64)
            ]
        );
    }
}
