//! A verdict in plain sentences for a reader: the rating in words, how the
//! sources divide, the passage that decided it with its outlet, and the
//! published fact-checks. Composed from the verdict's structured fields, so
//! it never carries internal ids or byte offsets (the engine's
//! `explanation` is for auditors and may).
//!
//! ClaimReview's `reviewBody` uses it; the reports a person reads can too.

use crate::shared::{Index, one_line};
use veracity_model::{Document, Evidence, EvidenceRole, RatingClass, StanceLabel, Verdict};

/// Longest passage quoted, in characters; a longer one is cut at a word.
const QUOTE_LIMIT: usize = 280;

/// The verdict as a short paragraph a reader can use.
pub fn reader_summary(index: &Index<'_>, verdict: &Verdict) -> String {
    let mut sentences = vec![rating_sentence(verdict)];
    if let Some(counts) = source_counts(verdict) {
        sentences.push(counts);
    }
    if let Some(passage) = deciding_passage(verdict) {
        sentences.push(quote_sentence(index, passage));
    }
    sentences.extend(review_sentences(verdict));
    sentences.join(" ")
}

fn rating_sentence(verdict: &Verdict) -> String {
    let label = one_line(&verdict.rating.label);
    match verdict.rating.class {
        RatingClass::Unverified if verdict.evidence.is_empty() => format!(
            "{label}: no evidence about this claim was found in the sources checked; \
             this is not a finding that it is false."
        ),
        RatingClass::Unverified => format!(
            "{label}: the sources checked do not settle this claim; \
             this is not a finding that it is false."
        ),
        _ => format!("Rated {label}."),
    }
}

/// What one passage does with the claim, as the aggregate counts it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Voice {
    Disputes,
    Supports,
    Reports,
}

fn voice(evidence: &Evidence) -> Voice {
    let counted = evidence.weight > 0.0
        && matches!(
            evidence.role,
            EvidenceRole::Independent | EvidenceRole::FactCheck
        );
    match evidence.stance.label {
        StanceLabel::Disagree if counted => Voice::Disputes,
        StanceLabel::Agree if counted => Voice::Supports,
        _ => Voice::Reports,
    }
}

/// "Of 6 sources …, 2 support it, 1 disputes it and 3 only report it being
/// made." Each source counts once, on the side its counted passages weigh
/// more to; a source whose passages carry no weight only reports.
fn source_counts(verdict: &Verdict) -> Option<String> {
    // Per document: summed weight for and against.
    let mut by_document: Vec<(&str, f64, f64)> = Vec::new();
    for evidence in &verdict.evidence {
        let id = evidence.document.as_str();
        let index = match by_document.iter().position(|(d, _, _)| *d == id) {
            Some(i) => i,
            None => {
                by_document.push((id, 0.0, 0.0));
                by_document.len() - 1
            }
        };
        let weight = if evidence.weight.is_finite() {
            evidence.weight
        } else {
            0.0
        };
        match voice(evidence) {
            Voice::Supports => by_document[index].1 += weight,
            Voice::Disputes => by_document[index].2 += weight,
            Voice::Reports => {}
        }
    }
    if by_document.is_empty() {
        return None;
    }
    let supports = by_document.iter().filter(|(_, f, a)| f > a).count();
    let disputes = by_document.iter().filter(|(_, f, a)| a > f).count();
    let total = by_document.len();
    let reports = total - supports - disputes;
    let verb = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    Some(format!(
        "Of {}, {}, {} and {}.",
        verb(
            total,
            "source that bears on the claim",
            "sources that bear on the claim"
        ),
        verb(supports, "supports it", "support it"),
        verb(disputes, "disputes it", "dispute it"),
        verb(
            reports,
            "only reports it being made",
            "only report it being made"
        ),
    ))
}

/// The strongest counted passage on the side the rating leans to (either
/// side for a mixed rating); none for an unverified verdict.
fn deciding_passage(verdict: &Verdict) -> Option<&Evidence> {
    let wanted: &[Voice] = match verdict.rating.class {
        RatingClass::False | RatingClass::MostlyFalse => &[Voice::Disputes],
        RatingClass::True | RatingClass::MostlyTrue => &[Voice::Supports],
        RatingClass::Mixed => &[Voice::Disputes, Voice::Supports],
        RatingClass::Unverified => return None,
    };
    verdict
        .evidence
        .iter()
        .filter(|e| wanted.contains(&voice(e)) && !one_line(&e.text).is_empty())
        .max_by(|a, b| {
            a.weight
                .total_cmp(&b.weight)
                .then(b.relevance.total_cmp(&a.relevance))
        })
}

fn quote_sentence(index: &Index<'_>, evidence: &Evidence) -> String {
    let quote = cut(&one_line(&evidence.text), QUOTE_LIMIT);
    let lead = match evidence.stance.label {
        StanceLabel::Disagree => "The strongest evidence against it",
        _ => "The strongest evidence for it",
    };
    match index.document(evidence.document.as_str()).and_then(outlet) {
        Some(source) => format!("{lead}: \u{201c}{quote}\u{201d} ({source})."),
        None => format!("{lead}: \u{201c}{quote}\u{201d}."),
    }
}

/// The outlet and title a reader knows a document by: `Coastal Wire,
/// “Headline”`; never its file path.
fn outlet(doc: &Document) -> Option<String> {
    let clean = |s: &Option<String>| s.as_deref().map(one_line).filter(|t| !t.is_empty());
    match (clean(&doc.publisher), clean(&doc.title)) {
        (Some(p), Some(t)) => Some(format!("{p}, \u{201c}{t}\u{201d}")),
        (Some(p), None) => Some(p),
        (None, Some(t)) => Some(format!("\u{201c}{t}\u{201d}")),
        (None, None) => None,
    }
}

fn review_sentences(verdict: &Verdict) -> Vec<String> {
    verdict
        .reviews
        .iter()
        .map(|cited| {
            let review = &cited.review;
            let who = review
                .reviewer
                .as_deref()
                .map(one_line)
                .filter(|r| !r.is_empty())
                .unwrap_or_else(|| "A published fact-check".to_owned());
            format!(
                "{who} rated it {} in a published fact-check.",
                one_line(&review.rating.label)
            )
        })
        .collect()
}

/// The text cut to at most `limit` characters at a word boundary, with an
/// ellipsis when cut.
fn cut(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_owned();
    }
    let head: String = text.chars().take(limit).collect();
    let at_word = head
        .rfind(' ')
        .filter(|&i| i > limit / 2)
        .unwrap_or(head.len());
    format!("{}\u{2026}", head[..at_word].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_quotes_are_cut_at_a_word() {
        let text = "word ".repeat(100);
        let out = cut(text.trim(), 20);
        assert_eq!(out, "word word word word\u{2026}");
        assert_eq!(cut("short", 20), "short");
        // Multi-byte characters are never split.
        let out = cut(&"é".repeat(50), 10);
        assert_eq!(out.chars().count(), 11);
    }
}
