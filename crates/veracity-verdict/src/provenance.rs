//! Independence and provenance: what each retrieved passage can show, and
//! the weight it carries.
//!
//! - **attribution** (weight 0): the passage reports the claimant making the
//!   claim: it holds a quote by the claimant that states the claim, it is one
//!   of the claim's appearances, or it names the claimant with a speech verb
//!   ("Lavrov said ...") and repeats the claim. Evidence the claim was made,
//!   not that it is true.
//! - **claimant** (weight 0): the claimant's own words on other points (a
//!   quote by the claimant, or a document the claimant wrote).
//! - **duplicate** (weight 0): a near-identical copy of an earlier passage
//!   (term Jaccard at least [`DUPLICATE_JACCARD`]), or a passage of a
//!   syndicated copy (the document credits the other's publisher, or both
//!   carry the same dateline agency) similar to the original's passage
//!   (at least [`SYNDICATED_JACCARD`]). `duplicate_of` points at the original.
//! - **fact_check**: a passage of a fact-check article. Its verdict is
//!   reported as a published review, so verdict statements ("We rate this
//!   claim ...") carry no weight; its other passages report facts and carry
//!   [`FACT_CHECK_FACTOR`] of the weight of an independent passage.
//! - **independent**: everything else.
//!
//! Weight = relevance × the probability of the chosen stance, for `agree`
//! and `disagree` only (a passage that takes no side weighs nothing), times
//! `1 / n` for the n-th weighted passage of the same publisher (diminishing
//! returns: one outlet repeating itself is not n sources).

use std::collections::BTreeSet;
use veracity_model::{
    Claim, Document, DocumentId, DocumentKind, Evidence, EvidenceRole, Span, Stance, StanceLabel,
};
use veracity_text::hash::FxHashSet;
use veracity_text::lexicon::{REPORTING_VERBS, VOICE_HEDGE};
use veracity_text::words::{self, Statement};

/// Passages at least this similar (Jaccard of terms) are copies.
pub const DUPLICATE_JACCARD: f64 = 0.7;
/// Passages of two syndication-related documents at least this similar are copies.
pub const SYNDICATED_JACCARD: f64 = 0.45;
/// The share of an independent passage's weight a fact-check passage carries.
pub const FACT_CHECK_FACTOR: f64 = 0.5;
/// A quote at least this similar to the claim ([`Statement::similarity`])
/// states it.
pub const QUOTE_STATES_CLAIM_SIMILARITY: f64 = 0.45;
/// A quote holding at least this share of the claim's terms states it.
pub const QUOTE_STATES_CLAIM_COVERAGE: f64 = 0.5;
/// A passage with a reporting verb that names the claimant and holds this
/// share of the claim's terms reports the claim being made.
pub const ATTRIBUTED_COVERAGE: f64 = 0.4;
/// The same with no known claimant: a larger share is needed.
pub const REPORTED_COVERAGE: f64 = 0.6;

/// A retrieved, stance-scored passage before provenance is decided.
#[derive(Debug, Clone)]
pub struct Scored {
    /// Index of the document in the collection.
    pub doc: usize,
    /// The passage's span in that document.
    pub span: Span,
    /// Retrieval relevance in [0, 1].
    pub relevance: f64,
    /// The stance after the cues.
    pub stance: Stance,
    /// What the stance model said, before the cues.
    pub model_label: StanceLabel,
    /// The reasons of the cues that moved the stance.
    pub cues: Vec<String>,
}

/// A name key: the last word of a name, lowercased ("Dana Whitfield" →
/// "whitfield"). An unnamed speaker the parser kept as described ("a
/// Pentagon spokesman") keys on the whole description without its article
/// ("pentagon spokesman"), so two different spokesmen are not one person.
fn surname(name: &str) -> Option<String> {
    if name.starts_with(char::is_lowercase) {
        let words: Vec<String> = name
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let skip = usize::from(matches!(
            words.first().map(String::as_str),
            Some("a" | "an" | "the")
        ));
        let key = words[skip..].join(" ");
        return (!key.is_empty()).then_some(key);
    }
    name.split(|c: char| !c.is_alphanumeric() && c != '-')
        .rfind(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// True when `words` (a passage's lowercase words) name the person `key`
/// (see [`surname`]) stands for.
fn names_person(words: &[String], key: &str) -> bool {
    let wanted: Vec<&str> = key.split(' ').collect();
    words
        .windows(wanted.len())
        .any(|w| w.iter().map(String::as_str).eq(wanted.iter().copied()))
}

fn same_person(a: &str, b: &str) -> bool {
    match (surname(a), surname(b)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Who published a document: the publisher, else the URL's host, else the
/// page a post was split from, else the document itself.
pub fn publisher_key(doc: &Document) -> String {
    if let Some(p) = doc.publisher.as_deref().filter(|p| !p.trim().is_empty()) {
        return norm(p);
    }
    if let Some(url) = &doc.source.url {
        let host = url
            .split("://")
            .nth(1)
            .unwrap_or(url)
            .split('/')
            .next()
            .unwrap_or("")
            .trim_start_matches("www.");
        if !host.is_empty() {
            return host.to_owned();
        }
    }
    if let Some(parent) = &doc.parent {
        return parent.to_string();
    }
    doc.id.to_string()
}

/// The agency named in parentheses in a dateline ("PARIS (Sputnik) —" → "sputnik").
fn dateline_agency(doc: &Document) -> Option<String> {
    let d = doc.dateline.as_deref()?;
    let open = d.find('(')?;
    let close = d[open..].find(')')? + open;
    let agency = norm(&d[open + 1..close]);
    (!agency.is_empty()).then_some(agency)
}

/// True when `x` credits `y`'s publisher as its source.
fn credits(x: &Document, y: &Document) -> bool {
    let Some(p) = y.publisher.as_deref().map(norm).filter(|p| !p.is_empty()) else {
        return false;
    };
    x.syndicated_from.iter().any(|s| {
        let s = norm(s);
        !s.is_empty() && (s.contains(&p) || p.contains(&s))
    })
}

/// True when one document says it carries the other's story: it credits the
/// other's publisher, or both datelines name the same agency.
pub fn syndication_related(a: &Document, b: &Document) -> bool {
    if credits(a, b) || credits(b, a) {
        return true;
    }
    matches!((dateline_agency(a), dateline_agency(b)), (Some(x), Some(y)) if x == y)
}

/// A short human name for a document: its title and publisher.
/// Human names of every document, by id, for explanations and reports.
pub fn source_names(docs: &[Document]) -> crate::Sources {
    docs.iter()
        .map(|d| (d.id.clone(), source_name(d)))
        .collect()
}

pub fn source_name(doc: &Document) -> String {
    match (doc.title.as_deref(), doc.publisher.as_deref()) {
        (Some(t), Some(p)) => format!("{p}, \u{201c}{t}\u{201d}"),
        (Some(t), None) => format!("\u{201c}{t}\u{201d}"),
        (None, Some(p)) => p.to_owned(),
        (None, None) => doc.source.location.clone(),
    }
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start() < b.end() && b.start() < a.end()
}

/// Why a passage (`span` of `doc`, whose terms are `passage_terms`) has the
/// role it has (before weights); `statement` is the claim's text analysed.
fn role_of(
    claim: &Claim,
    statement: &Statement,
    doc: &Document,
    span: Span,
    passage_terms: &FxHashSet<String>,
    contradicts: bool,
) -> (EvidenceRole, String) {
    let passage = doc.slice(span);
    let claim_terms = statement.terms();
    let coverage = words::coverage(claim_terms, passage_terms);
    let claimant = claim.claimant.as_deref();

    // The claim's own appearances, where the passage attributes it: a
    // quote, a reporting verb or a hedge, a fact-check, or the claimant's
    // own document. An outlet stating the fact in its own voice is
    // evidence, however closely its words match; and a passage whose
    // figures or negation contradict the claim ("1.2 million, well short
    // of two million") is no appearance of it.
    let passage_words = words::words(passage);
    let attributes = doc.quotes.iter().any(|q| overlaps(q.content, span))
        || passage_words.iter().any(|w| REPORTING_VERBS.contains(w))
        || VOICE_HEDGE.occurs_in(&passage_words)
        || doc.kind == DocumentKind::FactCheck
        || claimant.is_some_and(|c| doc.authors.iter().any(|a| same_person(a, c)));
    if !contradicts
        && attributes
        && claim
            .appearances
            .iter()
            .any(|a| a.document == doc.id && overlaps(a.span, span))
    {
        return (
            EvidenceRole::Attribution,
            "it is where the claim itself appears: evidence the claim was made, not that it is true".into(),
        );
    }
    // Quotes in the passage.
    for q in doc.quotes.iter().filter(|q| overlaps(q.content, span)) {
        let Some(speaker) = &q.speaker else { continue };
        let content = doc.slice(q.content);
        let content = Statement::new(content);
        let states_claim = statement.similarity(&content) >= QUOTE_STATES_CLAIM_SIMILARITY
            || words::coverage(claim_terms, content.terms()) >= QUOTE_STATES_CLAIM_COVERAGE;
        match claimant {
            Some(c) if same_person(c, &speaker.name) => {
                return if states_claim {
                    (
                        EvidenceRole::Attribution,
                        format!(
                            "it quotes {} making the claim: evidence the claim was made, not that it is true",
                            speaker.name
                        ),
                    )
                } else {
                    (
                        EvidenceRole::Claimant,
                        format!(
                            "it quotes the claimant, {}: a claimant's own words do not corroborate the claim",
                            speaker.name
                        ),
                    )
                };
            }
            None if states_claim => {
                return (
                    EvidenceRole::Attribution,
                    format!(
                        "it quotes {} making the claim: evidence the claim was made, not that it is true",
                        speaker.name
                    ),
                );
            }
            _ => {}
        }
    }
    // "X said/claimed that ..." patterns.
    let words = words::words(passage);
    let has_cue = words.iter().any(|w| REPORTING_VERBS.contains(w));
    if has_cue && !contradicts {
        let names_claimant = claimant
            .and_then(surname)
            .is_some_and(|s| names_person(&words, &s));
        if names_claimant && coverage >= ATTRIBUTED_COVERAGE {
            return (
                EvidenceRole::Attribution,
                format!(
                    "it reports {} making the claim: evidence the claim was made, not that it is true",
                    claimant.unwrap_or("the claimant")
                ),
            );
        }
        if claimant.is_none() && coverage >= REPORTED_COVERAGE {
            return (
                EvidenceRole::Attribution,
                "it reports someone making the claim: evidence the claim was made, not that it is true".into(),
            );
        }
    }
    if let Some(c) = claimant
        && doc.authors.iter().any(|a| same_person(a, c))
    {
        return (
            EvidenceRole::Claimant,
            format!(
                "the document is by the claimant, {c}: a claimant's own words do not corroborate the claim"
            ),
        );
    }
    if doc.kind == DocumentKind::FactCheck {
        return (EvidenceRole::FactCheck, String::new());
    }
    (EvidenceRole::Independent, String::new())
}

/// True for a fact-check's verdict statement ("We rate this claim Mostly
/// False", "Rating: Mostly False"), which is reported as the review.
fn is_verdict_statement(doc: &Document, passage: &str) -> bool {
    let lower = passage.to_lowercase();
    if lower.contains("we rate") || lower.contains("rating:") || lower.contains("our ruling") {
        return true;
    }
    doc.reviews.iter().any(|r| {
        let label = r.rating.label.to_lowercase();
        !label.is_empty()
            && (lower.trim() == label || lower.contains(&format!("rate this claim {label}")))
    })
}

/// Decides role, weight and note for each scored passage, and returns the
/// evidence strongest first (weight, then relevance, then document order);
/// `duplicate_of` indexes into the returned list.
pub fn assess(claim: &Claim, docs: &dyn crate::Documents, scored: Vec<Scored>) -> Vec<Evidence> {
    let statement = Statement::new(&claim.text);
    // Relevance order for deciding which copy is the original.
    let mut scored = scored;
    scored.sort_by(|a, b| {
        b.relevance
            .total_cmp(&a.relevance)
            .then(a.doc.cmp(&b.doc))
            .then(a.span.cmp(&b.span))
    });
    let n = scored.len();
    let term_sets: Vec<FxHashSet<String>> = scored
        .iter()
        .map(|s| words::term_set(docs.get(s.doc).slice(s.span)))
        .collect();
    let mut roles: Vec<(EvidenceRole, String)> = scored
        .iter()
        .zip(&term_sets)
        .map(|(s, terms)| {
            let contradicts = s.stance.label == StanceLabel::Disagree && !s.cues.is_empty();
            role_of(
                claim,
                &statement,
                docs.get(s.doc),
                s.span,
                terms,
                contradicts,
            )
        })
        .collect();
    // Duplicates: the original is the first passage (in relevance order) of
    // a document that is not itself a syndicated copy of the other.
    let mut dup_of: Vec<Option<usize>> = vec![None; n];
    for i in 0..n {
        if !matches!(
            roles[i].0,
            EvidenceRole::Independent | EvidenceRole::FactCheck
        ) {
            continue;
        }
        for j in 0..n {
            if i == j || dup_of[j].is_some() {
                continue;
            }
            let (di, dj) = (docs.get(scored[i].doc), docs.get(scored[j].doc));
            if di.id == dj.id && scored[i].span == scored[j].span {
                continue;
            }
            let sim = words::jaccard(&term_sets[i], &term_sets[j]);
            let related = di.id != dj.id && syndication_related(di, dj);
            let copy = sim >= DUPLICATE_JACCARD || (related && sim >= SYNDICATED_JACCARD);
            if !copy {
                continue;
            }
            // j is the original when it comes first, unless j's document is
            // the one that credits i's publisher (j is the copy).
            let i_is_copy_of_j = if related {
                credits(di, dj) || (!credits(dj, di) && j < i)
            } else {
                j < i
            };
            if i_is_copy_of_j {
                dup_of[i] = Some(j);
                let why = if related {
                    format!(
                        "it repeats a passage of {} in a syndicated copy; syndicated copies count once",
                        source_name(dj)
                    )
                } else {
                    format!(
                        "it repeats a passage of {} almost word for word; copies count once",
                        source_name(dj)
                    )
                };
                roles[i] = (EvidenceRole::Duplicate, why);
                break;
            }
        }
    }
    // Base weights.
    let mut base = vec![0.0f64; n];
    for i in 0..n {
        let s = &scored[i];
        let sided = matches!(s.stance.label, StanceLabel::Agree | StanceLabel::Disagree);
        let w = if sided {
            s.relevance * s.stance.scores.get(s.stance.label)
        } else {
            0.0
        };
        base[i] = match roles[i].0 {
            EvidenceRole::Independent => w,
            EvidenceRole::FactCheck => {
                if is_verdict_statement(docs.get(s.doc), docs.get(s.doc).slice(s.span)) {
                    roles[i].1 = "it is the fact-check's verdict, reported as a published review, not counted twice".into();
                    0.0
                } else {
                    w * FACT_CHECK_FACTOR
                }
            }
            _ => 0.0,
        };
    }
    // Diminishing returns per publisher.
    let mut order: Vec<usize> = (0..n).filter(|&i| base[i] > 0.0).collect();
    order.sort_by(|&a, &b| base[b].total_cmp(&base[a]).then(a.cmp(&b)));
    let mut per_publisher: std::collections::BTreeMap<String, usize> = Default::default();
    let mut weight = vec![0.0f64; n];
    let mut rank_in_pub = vec![0usize; n];
    for &i in &order {
        let key = publisher_key(docs.get(scored[i].doc));
        let k = per_publisher.entry(key).or_insert(0);
        *k += 1;
        rank_in_pub[i] = *k;
        weight[i] = round4((base[i] / *k as f64).clamp(0.0, 1.0));
    }
    // Weighted documents, for `independent_of`.
    let weighted_docs: BTreeSet<usize> = order.iter().map(|&i| scored[i].doc).collect();

    // Final order: weight, then relevance, then document and span.
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| {
        weight[b]
            .total_cmp(&weight[a])
            .then(scored[b].relevance.total_cmp(&scored[a].relevance))
            .then(scored[a].doc.cmp(&scored[b].doc))
            .then(scored[a].span.cmp(&scored[b].span))
    });
    let mut pos = vec![0usize; n];
    for (p, &i) in idx.iter().enumerate() {
        pos[i] = p;
    }
    idx.iter()
        .map(|&i| {
            let s = &scored[i];
            let doc = docs.get(s.doc);
            let (role, why) = roles[i].clone();
            let note = note(s, role, &why, weight[i], rank_in_pub[i], doc);
            let independent_of: Vec<DocumentId> = if weight[i] > 0.0 {
                weighted_docs
                    .iter()
                    .filter(|&&d| {
                        d != s.doc
                            && publisher_key(docs.get(d)) != publisher_key(doc)
                            && !syndication_related(docs.get(d), doc)
                    })
                    .map(|&d| docs.get(d).id.clone())
                    .collect()
            } else {
                Vec::new()
            };
            Evidence {
                document: doc.id.clone(),
                span: s.span,
                text: doc.slice(s.span).to_owned(),
                relevance: round4(s.relevance),
                stance: round_stance(s.stance),
                role,
                weight: weight[i],
                duplicate_of: dup_of[i].map(|j| pos[j]),
                independent_of,
                note,
            }
        })
        .collect()
}

fn note(
    s: &Scored,
    role: EvidenceRole,
    why: &str,
    weight: f64,
    rank: usize,
    doc: &Document,
) -> String {
    let stance = s.stance.label.as_str();
    let p = s.stance.scores.get(s.stance.label);
    let mut parts = Vec::new();
    if !why.is_empty() {
        parts.push(format!("Weight 0 because {why}."));
    }
    if why.is_empty() || weight > 0.0 {
        parts.clear();
        if weight > 0.0 {
            let kind = if role == EvidenceRole::FactCheck {
                format!("a fact-check passage (x{FACT_CHECK_FACTOR})")
            } else {
                "an independent passage".to_owned()
            };
            let mut n = format!(
                "Weight {weight:.3}: {kind}, relevance {:.2} x {stance} probability {p:.2}",
                s.relevance
            );
            if rank > 1 {
                n.push_str(&format!(
                    ", divided by {rank} as passage {rank} of the same publisher ({})",
                    doc.publisher.as_deref().unwrap_or("unknown publisher")
                ));
            }
            n.push('.');
            parts.push(n);
        } else {
            parts.push(format!(
                "Weight 0: the passage takes no side ({stance}, probability {p:.2})."
            ));
        }
    }
    if !s.cues.is_empty() {
        parts.push(format!(
            "Stance model said {}; moved to {stance} because {}.",
            s.model_label.as_str(),
            s.cues.join("; ")
        ));
    }
    parts.join(" ")
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn round_stance(s: Stance) -> Stance {
    let r = |x: f64| (x * 10_000.0).round() / 10_000.0;
    Stance {
        label: s.label,
        scores: veracity_model::StanceScores {
            agree: r(s.scores.agree),
            disagree: r(s.scores.disagree),
            discuss: r(s.scores.discuss),
            unrelated: r(s.scores.unrelated),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn described_speakers_are_told_apart() {
        assert_eq!(surname("Dana Whitfield").as_deref(), Some("whitfield"));
        assert_eq!(
            surname("a Pentagon spokesman").as_deref(),
            Some("pentagon spokesman")
        );
        assert!(!same_person(
            "a Pentagon spokesman",
            "a State Department spokesman"
        ));
        assert!(same_person(
            "a Pentagon spokesman",
            "the Pentagon spokesman"
        ));
        let words = words::words("A Pentagon spokesman said the strikes continued.");
        assert!(names_person(&words, "pentagon spokesman"));
        assert!(!names_person(&words, "state department spokesman"));
    }
    use crate::testutil::{doc, with_quote};
    use veracity_model::{ClaimOrigin, StanceScores};

    fn stance(label: StanceLabel, p: f64) -> Stance {
        let mut s = StanceScores {
            agree: 0.0,
            disagree: 0.0,
            discuss: 0.0,
            unrelated: 0.0,
        };
        match label {
            StanceLabel::Agree => s.agree = p,
            StanceLabel::Disagree => s.disagree = p,
            StanceLabel::Discuss => s.discuss = p,
            StanceLabel::Unrelated => s.unrelated = p,
        }
        s.unrelated += 1.0 - p;
        Stance { label, scores: s }
    }

    fn scored(docs: &[Document], d: usize, part: &str, label: StanceLabel) -> Scored {
        Scored {
            doc: d,
            span: Span::find(&docs[d].text, part).unwrap(),
            relevance: 0.8,
            stance: stance(label, 0.9),
            model_label: label,
            cues: Vec::new(),
        }
    }

    fn claim() -> Claim {
        let mut c = Claim::new(
            "The plant supplies forty percent of the city's drinking water.",
            ClaimOrigin::Given,
        );
        c.claimant = Some("Dana Whitfield".into());
        c
    }

    #[test]
    fn attribution_and_claimant_carry_no_weight() {
        let q = "The plant supplies forty percent of the city's drinking water";
        let d0 = with_quote(
            doc("a", &format!("\"{q},\" Mayor Dana Whitfield said.")),
            q,
            "Dana Whitfield",
        );
        let d1 = doc(
            "b",
            "Whitfield claimed that the plant supplies forty percent of drinking water in the city.",
        );
        let d2 = with_quote(
            doc(
                "c",
                "\"Families would pay much more without it,\" Whitfield said.",
            ),
            "Families would pay much more without it",
            "Dana Whitfield",
        );
        let d3 = doc(
            "d",
            "The utility said the plant supplied 12 percent of the city's drinking water.",
        );
        let docs = vec![d0, d1, d2, d3];
        let s = vec![
            scored(&docs, 0, &docs[0].text.clone(), StanceLabel::Agree),
            scored(&docs, 1, &docs[1].text.clone(), StanceLabel::Agree),
            scored(&docs, 2, &docs[2].text.clone(), StanceLabel::Agree),
            scored(&docs, 3, &docs[3].text.clone(), StanceLabel::Disagree),
        ];
        let ev = assess(&claim(), &crate::InMemory::new(&docs), s);
        let role = |d: usize| ev.iter().find(|e| e.document == docs[d].id).unwrap();
        assert_eq!(role(0).role, EvidenceRole::Attribution);
        assert_eq!(role(1).role, EvidenceRole::Attribution);
        assert_eq!(role(2).role, EvidenceRole::Claimant);
        assert_eq!(role(3).role, EvidenceRole::Independent);
        assert!(role(3).weight > 0.5);
        for d in 0..3 {
            assert_eq!(role(d).weight, 0.0);
            assert!(role(d).note.contains("Weight 0"), "{}", role(d).note);
        }
        // Strongest first.
        assert_eq!(ev[0].document, docs[3].id);
    }

    #[test]
    fn syndicated_and_identical_copies_count_once() {
        let t = "The utility's report says the plant supplied 12 percent of the city's drinking water in 2025.";
        let original = doc("wire", t);
        let mut copy = doc("syndicated", &format!("{t} Source: Wire."));
        copy.syndicated_from = vec!["Publisher wire".into()];
        let mirror = doc("mirror", t);
        let docs = vec![copy, original, mirror];
        let s = (0..3)
            .map(|d| scored(&docs, d, t, StanceLabel::Disagree))
            .collect();
        let ev = assess(&claim(), &crate::InMemory::new(&docs), s);
        let weighted: Vec<&Evidence> = ev.iter().filter(|e| e.weight > 0.0).collect();
        assert_eq!(weighted.len(), 1, "{ev:#?}");
        assert_eq!(
            weighted[0].document, docs[1].id,
            "the original, not the copy, carries the weight"
        );
        for e in ev.iter().filter(|e| e.role == EvidenceRole::Duplicate) {
            assert_eq!(ev[e.duplicate_of.unwrap()].document, docs[1].id);
        }
    }

    #[test]
    fn publisher_diminishing_returns() {
        let mut a = doc(
            "a",
            "The plant supplied 12 percent of the water. Bills rose 6 percent in the year 2025 overall.",
        );
        a.publisher = Some("Same".into());
        let mut b = doc(
            "b",
            "Output at the plant was 12 percent of demand last year, officials found.",
        );
        b.publisher = Some("Same".into());
        let docs = vec![a, b];
        let s = vec![
            scored(
                &docs,
                0,
                "The plant supplied 12 percent of the water.",
                StanceLabel::Disagree,
            ),
            scored(&docs, 1, &docs[1].text.clone(), StanceLabel::Disagree),
        ];
        let ev = assess(&claim(), &crate::InMemory::new(&docs), s);
        assert!((ev[0].weight - 0.72).abs() < 1e-9);
        assert!((ev[1].weight - 0.36).abs() < 1e-9);
        assert!(ev[1].note.contains("divided by 2"));
    }
}
