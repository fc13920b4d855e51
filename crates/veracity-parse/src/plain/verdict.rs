//! Published verdicts in plain text: the scraped rating widget (claimant,
//! role, the quoted claim, the label alone on a line) and the "Claim: /
//! Claimed by: / Rating:" box.

use super::lines::{Line, RATING_CUE};
use super::meta::looks_like_name;
use memchr::memmem;
use std::sync::OnceLock;
use veracity_model::Review;
use veracity_text::scan::word_count;

/// A rating widget found in the lines.
#[derive(Debug, Clone, Default)]
pub(crate) struct Widget {
    /// Line indices to drop from the text (name, role and label lines).
    pub drop: Vec<usize>,
    /// The first line of the widget (everything before it may be the title).
    pub first: usize,
    pub claimant: Option<String>,
    pub role: Option<String>,
    pub claim: String,
    pub label: String,
    pub summary: Option<String>,
}

fn is_quote_open(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{ab}' | '\u{201e}')
}

/// The claim inside quotation marks, without them.
pub(crate) fn unquote(s: &str) -> &str {
    let s = s.trim();
    let s = s.trim_start_matches(['"', '\u{201c}', '\u{ab}', '\u{201e}']);
    s.trim_end_matches(['"', '\u{201d}', '\u{bb}']).trim()
}

fn short_label(s: &str) -> bool {
    short_label_of(s.len(), word_count(s))
}

/// A label of `len` bytes and `words` words is short enough to be a rating.
fn short_label_of(len: usize, words: usize) -> bool {
    len <= 60 && words <= 5
}

/// Finds the widget: a quoted line followed by a rating label the scale
/// registry knows, with the claimant's name (often twice) and role above.
pub(crate) fn widget(lines: &[Line<'_>], from: usize) -> Option<Widget> {
    for r in from.max(1)..lines.len() {
        let label = lines[r].text;
        let q = r - 1;
        let quote = lines[q].text;
        // Cheapest tests first; the line's words are counted already.
        if !quote.starts_with(is_quote_open)
            || !short_label_of(label.len(), lines[r].words)
            || crate::rating::lookup(label, None).is_none()
        {
            continue;
        }
        let mut w = Widget {
            first: q,
            claim: unquote(quote).to_owned(),
            label: label.to_owned(),
            drop: vec![r],
            ..Widget::default()
        };
        // Name (maybe twice) and role above the quote.
        let above: Vec<usize> = (q.saturating_sub(3)..q).rev().collect();
        let mut names = Vec::new();
        for &i in &above {
            let t = lines[i].text;
            if t.split_whitespace().count() > 8 || t.ends_with('.') || i < from {
                break;
            }
            names.push(i);
        }
        names.reverse();
        match names.as_slice() {
            [a, b, c] if lines[*a].text == lines[*b].text => {
                w.claimant = Some(lines[*a].text.to_owned());
                w.role = Some(lines[*c].text.to_owned());
                w.drop.extend([*a, *b, *c]);
                w.first = *a;
            }
            [.., a, b] if lines[*a].text == lines[*b].text => {
                w.claimant = Some(lines[*a].text.to_owned());
                w.drop.extend([*a, *b]);
                w.first = *a;
            }
            [.., a, b] if looks_like_name(lines[*a].text) => {
                w.claimant = Some(lines[*a].text.to_owned());
                w.role = Some(lines[*b].text.to_owned());
                w.drop.extend([*a, *b]);
                w.first = *a;
            }
            _ => {}
        }
        if let Some(next) = lines.get(r + 1) {
            let t = next.text;
            if t.starts_with('\u{2026}') || t.starts_with("...") {
                w.summary = Some(t.trim_start_matches(['\u{2026}', '.']).trim().to_owned());
            }
        }
        return Some(w);
    }
    None
}

/// The "Claim: / Claimed by: / Date: / Rating:" box and "We rate this
/// claim X." sentences, merged into what a widget found.
#[derive(Debug, Clone, Default)]
pub(crate) struct BoxFields {
    pub claim: Option<String>,
    pub claimant: Option<String>,
    pub claimant_role: Option<String>,
    pub label: Option<String>,
}

/// The longest field key ("Who said it:", "Our verdict:").
const KEY_MAX: usize = 12;

fn field<'a>(line: &'a str, keys: &[&str]) -> Option<&'a str> {
    debug_assert!(keys.iter().all(|k| k.len() <= KEY_MAX));
    for key in keys {
        if line.len() > key.len()
            && line.is_char_boundary(key.len())
            && line[..key.len()].eq_ignore_ascii_case(key)
        {
            let v = line[key.len()..].trim();
            if !v.is_empty() {
                return Some(v);
            }
        }
    }
    None
}

/// Finds [`RATING_CUE`] in a lower-cased line: every rating sentence cue of
/// [`box_fields`] contains it.
fn we_rate() -> &'static memmem::Finder<'static> {
    static FINDER: OnceLock<memmem::Finder<'static>> = OnceLock::new();
    FINDER.get_or_init(|| memmem::Finder::new(RATING_CUE))
}

pub(crate) fn box_fields(lines: &[Line<'_>]) -> BoxFields {
    let mut b = BoxFields::default();
    for line in lines {
        let t = line.text;
        if t.len() > 600 {
            continue;
        }
        // Every field key ends with a colon within its first KEY_MAX bytes.
        let keyed = t.as_bytes()[..t.len().min(KEY_MAX)].contains(&b':');
        // The page scan marks every line that holds the rating cue.
        let rated = b.label.is_none()
            && line.phrase_candidate
            && we_rate().find(line.lower.as_bytes()).is_some();
        if !keyed && !rated {
            continue;
        }
        if let Some(v) = field(t, &["Claim:", "The claim:"]) {
            b.claim.get_or_insert_with(|| unquote(v).to_owned());
        } else if let Some(v) = field(t, &["Claimed by:", "Claimant:", "Who said it:", "Speaker:"])
        {
            let mut parts = v.splitn(2, ',');
            let name = parts.next().unwrap_or("").trim();
            if looks_like_name(name) {
                b.claimant.get_or_insert_with(|| name.to_owned());
                if let Some(role) = parts.next() {
                    b.claimant_role
                        .get_or_insert_with(|| role.trim().to_owned());
                }
            }
        } else if let Some(v) = field(
            t,
            &[
                "Rating:",
                "Verdict:",
                "Our rating:",
                "Our verdict:",
                "Ruling:",
            ],
        ) {
            let v = v.trim_end_matches('.');
            if short_label(v) {
                b.label.get_or_insert_with(|| v.to_owned());
            }
        } else if rated {
            let lower = line.lower;
            for cue in [
                "we rate this claim ",
                "we rate this statement ",
                "we rate the claim ",
                "we rate this ",
                "we rate it ",
            ] {
                if let Some(at) = lower.find(cue) {
                    let rest = &t[at + cue.len()..];
                    let rest = rest.strip_prefix("as ").unwrap_or(rest);
                    let label = rest.split(['.', ';']).next().unwrap_or("").trim();
                    if short_label(label) && crate::rating::lookup(label, None).is_some() {
                        b.label = Some(label.to_owned());
                    }
                    break;
                }
            }
        }
    }
    b
}

/// The review a fact-check page publishes, from its widget and box.
pub(crate) fn review(
    widget: Option<&Widget>,
    fields: &BoxFields,
    reviewer: Option<&str>,
    date: Option<&str>,
) -> Option<Review> {
    let label = fields
        .label
        .clone()
        .or_else(|| widget.map(|w| w.label.clone()))?;
    let claim = fields
        .claim
        .clone()
        .or_else(|| widget.map(|w| w.claim.clone()))
        .unwrap_or_default();
    if claim.is_empty() && widget.is_none() {
        return None;
    }
    Some(Review {
        claim,
        claimant: fields
            .claimant
            .clone()
            .or_else(|| widget.and_then(|w| w.claimant.clone())),
        rating: crate::rating::rate(&label, reviewer, None),
        summary: widget.and_then(|w| w.summary.clone()),
        reviewer: reviewer.map(str::to_owned),
        url: None,
        date: date.map(str::to_owned),
    })
}
