//! A verdict in words for a reader: the rating, why an unverified claim is
//! not settled, what was not counted, and (for ClaimReview's `reviewBody`)
//! a short paragraph with the deciding passage and its outlet. Everything
//! here is composed from the verdict's structured fields, so it never
//! carries internal ids or byte offsets; the engine's `explanation` is for
//! auditors and may.
//!
//! Every report a person reads uses these words: the terminal summary of
//! `veracity check`, the HTML and Markdown reports and ClaimReview.

use crate::shared::{Index, one_line};
use veracity_model::{Document, Evidence, EvidenceRole, RatingClass, StanceLabel, Verdict};

/// Longest passage quoted, in characters; a longer one is cut at a word.
const QUOTE_LIMIT: usize = 280;

/// The verdict as a short paragraph a reader can use.
pub(crate) fn reader_summary(index: &Index<'_>, verdict: &Verdict) -> String {
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
    match unsettled(verdict) {
        Some(why) => format!(
            "{label}: {}; this is not a finding that it is false.",
            why.words()
        ),
        None => format!("Rated {label}."),
    }
}

/// The scale verdicts are rated on unless the user asks for another;
/// reports name a verdict's scale only when it is another one.
pub const DEFAULT_SCALE: &str = "veracity";

/// Why an unverified verdict is not settled, as the evidence shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsettled {
    /// Nothing in the documents bears on the claim.
    NoEvidence,
    /// Passages were found, but none that counts confirms or contradicts
    /// the claim (they report it being made, or mention the subject).
    NothingDecisive,
    /// The counted passages lean toward the claim, too weakly to rate it.
    LeansFor,
    /// The counted passages lean against the claim, too weakly to rate it.
    LeansAgainst,
    /// The counted passages for and against weigh about the same.
    Balanced,
}

/// One side outweighs the other when it carries this many times its weight.
const LEAN_RATIO: f64 = 1.5;

/// Why `verdict` is not settled; `None` when it is rated.
pub fn unsettled(verdict: &Verdict) -> Option<Unsettled> {
    if verdict.rating.class != RatingClass::Unverified {
        return None;
    }
    if verdict.evidence.is_empty() {
        return Some(Unsettled::NoEvidence);
    }
    let weight = |side: Voice| {
        verdict
            .evidence
            .iter()
            .filter(|e| voice(e) == side)
            .map(|e| e.weight)
            .sum::<f64>()
    };
    let (support, refutation) = (weight(Voice::Supports), weight(Voice::Disputes));
    Some(if support + refutation <= 0.0 {
        Unsettled::NothingDecisive
    } else if support >= LEAN_RATIO * refutation {
        Unsettled::LeansFor
    } else if refutation >= LEAN_RATIO * support {
        Unsettled::LeansAgainst
    } else {
        Unsettled::Balanced
    })
}

impl Unsettled {
    /// The reason as a clause: "the evidence leans toward the claim, too
    /// weakly to rate it".
    pub fn words(self) -> &'static str {
        match self {
            Unsettled::NoEvidence => "no evidence found in the documents checked",
            Unsettled::NothingDecisive => "nothing found confirms or contradicts the claim",
            Unsettled::LeansFor => "the evidence leans toward the claim, too weakly to rate it",
            Unsettled::LeansAgainst => {
                "the evidence leans against the claim, too weakly to rate it"
            }
            Unsettled::Balanced => "the evidence for and against is too evenly balanced to rate",
        }
    }

    /// The reason in a few words, beside counts of passages for and
    /// against: why "6 for · 1 against" is still unverified. `None` when
    /// no passage counts either way.
    pub fn brief(self) -> Option<&'static str> {
        match self {
            Unsettled::NoEvidence | Unsettled::NothingDecisive => None,
            Unsettled::LeansFor | Unsettled::LeansAgainst => Some("too weak to rate"),
            Unsettled::Balanced => Some("too evenly balanced to rate"),
        }
    }
}

/// Whether a confidence figure means something for `verdict`: only a
/// rating reached on passages that carry weight has one (an unverified
/// verdict, or one without weighed evidence, shows none).
pub fn confidence_shown(verdict: &Verdict) -> bool {
    verdict.rating.class != RatingClass::Unverified
        && verdict
            .evidence
            .iter()
            .any(|e| e.weight.is_finite() && e.weight > 0.0)
}

/// What was not counted among `evidence`, with the reason in the words:
/// "12 reports of the claim being made, 3 copies of other passages, not
/// counted". Only weight-0 repeats of the claim are named (reports of it
/// being made, the claimant's own statements, copies of other passages);
/// `None` when there are none.
pub fn not_counted<'e>(evidence: impl IntoIterator<Item = &'e Evidence>) -> Option<String> {
    let (mut reports, mut own, mut copies) = (0, 0, 0);
    for e in evidence {
        if e.weight.is_finite() && e.weight > 0.0 {
            continue;
        }
        match e.role {
            EvidenceRole::Attribution => reports += 1,
            EvidenceRole::Claimant => own += 1,
            EvidenceRole::Duplicate => copies += 1,
            EvidenceRole::Independent | EvidenceRole::FactCheck => {}
        }
    }
    let parts: Vec<String> = [
        (
            reports,
            "report of the claim being made",
            "reports of the claim being made",
        ),
        (
            own,
            "statement by the claimant",
            "statements by the claimant",
        ),
        (
            copies,
            "copy of another passage",
            "copies of other passages",
        ),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
    .collect();
    (!parts.is_empty()).then(|| format!("{}, not counted", parts.join(", ")))
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
/// made", naming only the sides some source takes. Each source counts once, on the side its counted passages weigh
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
    let sides = [
        (supports, "supports it", "support it"),
        (disputes, "disputes it", "dispute it"),
        (
            reports,
            "only reports it being made",
            "only report it being made",
        ),
    ];
    let parts: Vec<(usize, &str, &str)> = sides.into_iter().filter(|(n, _, _)| *n > 0).collect();
    Some(match parts.as_slice() {
        [(_, one, _)] if total == 1 => format!("The one source that bears on the claim {one}."),
        [(_, _, many)] => format!("All {total} sources that bear on the claim {many}."),
        _ => {
            // Two sides or three here.
            let mut words: Vec<String> = parts
                .iter()
                .map(|&(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
                .collect();
            let last = words.pop().unwrap_or_default();
            format!(
                "Of {total} sources that bear on the claim, {} and {last}.",
                words.join(", ")
            )
        }
    })
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
    use veracity_model::{DocumentId, Report};

    /// The example report's first verdict: a refuting passage, a second
    /// one from the same source and the claimant's own words.
    fn verdict() -> Verdict {
        let report: Report =
            serde_json::from_str(include_str!("../../../examples/reports/desalination.json"))
                .unwrap();
        report.verdicts[0].clone()
    }

    fn from(evidence: &Evidence, document: &str, label: StanceLabel, weight: f64) -> Evidence {
        let mut e = evidence.clone();
        e.document = DocumentId::from_content(&[document]);
        e.stance.label = label;
        e.weight = weight;
        e.role = EvidenceRole::Independent;
        e
    }

    #[test]
    fn what_was_not_counted_is_named_by_kind() {
        let mut v = verdict();
        let own = v.evidence[2].clone();
        assert_eq!(own.role, EvidenceRole::Claimant);
        let mut report = own.clone();
        report.role = EvidenceRole::Attribution;
        let mut copy = own.clone();
        copy.role = EvidenceRole::Duplicate;
        v.evidence.extend([report.clone(), report, copy]);
        assert_eq!(
            not_counted(&v.evidence).as_deref(),
            Some(
                "2 reports of the claim being made, 1 statement by the claimant, \
                 1 copy of another passage, not counted"
            )
        );
        // A passage that carries weight is counted, whatever its role.
        assert_eq!(not_counted(&v.evidence[..2]), None);
    }

    #[test]
    fn an_unverified_verdict_says_which_way_the_evidence_leans() {
        let mut v = verdict();
        assert_eq!(unsettled(&v), None, "a rated verdict is settled");
        v.rating.class = RatingClass::Unverified;
        assert_eq!(unsettled(&v), Some(Unsettled::LeansAgainst));
        let e = v.evidence[0].clone();
        v.evidence.push(from(&e, "other", StanceLabel::Agree, 10.0));
        assert_eq!(unsettled(&v), Some(Unsettled::LeansFor));
        v.evidence.last_mut().unwrap().weight = v.evidence[0].weight + v.evidence[1].weight;
        assert_eq!(unsettled(&v), Some(Unsettled::Balanced));
        assert_eq!(
            Unsettled::Balanced.brief(),
            Some("too evenly balanced to rate")
        );
        v.evidence.retain(|e| e.role == EvidenceRole::Claimant);
        assert_eq!(unsettled(&v), Some(Unsettled::NothingDecisive));
        assert_eq!(Unsettled::NothingDecisive.brief(), None);
        v.evidence.clear();
        assert_eq!(unsettled(&v), Some(Unsettled::NoEvidence));
        assert!(!confidence_shown(&v));
    }

    #[test]
    fn sources_are_counted_once_and_only_the_sides_taken_are_named() {
        let mut v = verdict();
        assert_eq!(
            source_counts(&v).as_deref(),
            Some("The one source that bears on the claim disputes it.")
        );
        let e = v.evidence[0].clone();
        v.evidence
            .push(from(&e, "second", StanceLabel::Disagree, 0.5));
        assert_eq!(
            source_counts(&v).as_deref(),
            Some("All 2 sources that bear on the claim dispute it.")
        );
        v.evidence.push(from(&e, "third", StanceLabel::Agree, 0.5));
        v.evidence
            .push(from(&e, "fourth", StanceLabel::Discuss, 0.0));
        assert_eq!(
            source_counts(&v).as_deref(),
            Some(
                "Of 4 sources that bear on the claim, 1 supports it, 2 dispute it and \
                 1 only reports it being made."
            )
        );
    }

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
