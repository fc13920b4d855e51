//! Claims: the statements a run checks, with every place they appear.
//!
//! Sources, in order of precedence: claims given by the user; the claims
//! published fact-checks review ([`Document::reviews`]); attributed quotes
//! (a quote with a speaker; the speaker is the claimant); check-worthy
//! sentences, ranked by [`checkworthiness`]. Near-duplicates (the same
//! quote trimmed, reworded or translated) merge into the claim that came
//! first in that order, so a reviewed claim absorbs the quotes that repeat it.

use crate::index::{Index, passage_spans};
use veracity_model::{Appearance, Claim, ClaimOrigin, Document, DocumentKind, Span};
use veracity_text::words::{self, Statement};

/// Two statements at least this similar ([`words::statement_similarity`]) are
/// one claim.
pub const MERGE_THRESHOLD: f64 = 0.6;
/// A passage (not a quote) at least this similar to a claim is an appearance of it.
pub const APPEARANCE_THRESHOLD: f64 = 0.7;
/// Texts sharing less than this containment of terms are not compared in
/// full: a cheap test before [`APPEARANCE_THRESHOLD`] and [`MERGE_THRESHOLD`].
pub const PREFILTER_CONTAINMENT: f64 = 0.5;
/// Sentences and quotes below this check-worthiness are not claims.
pub const MIN_CHECKWORTHINESS: f64 = 0.45;
/// Quotes and sentences with fewer terms are not claims.
pub const MIN_CLAIM_TERMS: usize = 5;

/// What claim extraction may produce.
#[derive(Debug, Clone, Copy)]
pub struct ClaimOptions {
    /// The most claims to return (reviewed claims first).
    pub max_claims: usize,
    /// Include check-worthy sentences (not only reviewed claims and quotes).
    pub sentences: bool,
}

impl Default for ClaimOptions {
    fn default() -> Self {
        ClaimOptions {
            max_claims: 10,
            sentences: true,
        }
    }
}

/// A candidate claim before merging.
#[derive(Debug, Clone)]
struct Candidate {
    text: String,
    claimant: Option<String>,
    date: Option<String>,
    origin: ClaimOrigin,
    score: f64,
    appearance: Option<Appearance>,
    /// The text analysed once, for the merge's many comparisons.
    statement: Statement,
}

fn rank(origin: ClaimOrigin) -> u8 {
    match origin {
        ClaimOrigin::Given => 0,
        ClaimOrigin::Reviewed => 1,
        ClaimOrigin::Quote => 2,
        ClaimOrigin::Sentence => 3,
    }
}

const COMPARATIVES: &[&str] = &[
    "more",
    "less",
    "fewer",
    "higher",
    "lower",
    "larger",
    "smaller",
    "bigger",
    "most",
    "least",
    "largest",
    "highest",
    "lowest",
    "biggest",
    "record",
    "doubled",
    "tripled",
    "halved",
    "than",
    "exclusively",
    "only",
    "never",
    "always",
    "increase",
    "increased",
    "decrease",
    "decreased",
    "rose",
    "fell",
    "cut",
    "grew",
    "dropped",
    "percent",
    "majority",
    "all",
    "every",
    "none",
];
const FACTUAL_VERBS: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "supplies",
    "supplied",
    "supply",
    "killed",
    "kills",
    "caused",
    "causes",
    "cause",
    "reduced",
    "reduces",
    "strikes",
    "struck",
    "strike",
    "won",
    "lost",
    "voted",
    "signed",
    "built",
    "costs",
    "cost",
    "pays",
    "paid",
    "rose",
    "fell",
    "cut",
    "increased",
    "decreased",
    "contains",
    "contain",
    "produces",
    "produced",
    "leads",
    "led",
    "targets",
    "targeted",
    "does",
    "did",
    "will",
];
const OPINION: &[&str] = &[
    "think",
    "believe",
    "feel",
    "hope",
    "should",
    "must",
    "maybe",
    "perhaps",
    "probably",
    "opinion",
    "wonderful",
    "terrible",
    "great",
    "love",
    "hate",
    "seems",
    "seem",
    "agree",
    "wish",
    "please",
    "beautiful",
    "awful",
    "hopefully",
    "ought",
];
const BOILERPLATE: &[&str] = &[
    "cookie",
    "cookies",
    "subscribe",
    "newsletter",
    "sign up",
    "all rights reserved",
    "click",
    "©",
    "privacy policy",
    "terms of use",
    "share this",
    "read more",
    "advertisement",
];

/// How worth checking a sentence is, in [0, 1]: a documented heuristic.
///
/// Questions, fragments (under 6 words), very long runs (over 80 words) and
/// boilerplate score 0. Otherwise the score starts at 0.2 and adds 0.25 for a
/// number (digits or a number word), 0.15 for a comparative or quantity word
/// ("more", "rose", "percent", "only", ...), 0.05 per capitalised word after
/// the first (named entities; at most 0.2) and 0.15 for a factual verb
/// ("is", "supplies", "killed", "strikes", ...); it subtracts 0.3 for an
/// opinion or hedge marker ("I think", "should", "perhaps", ...).
pub fn checkworthiness(sentence: &str) -> f64 {
    let s = sentence.trim();
    if s.is_empty() || s.ends_with('?') {
        return 0.0;
    }
    let lower = s.to_lowercase();
    if BOILERPLATE.iter().any(|b| lower.contains(b)) {
        return 0.0;
    }
    let raw: Vec<&str> = s
        .split(|c: char| c.is_whitespace())
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    if raw.len() < 6 || raw.len() > 80 {
        return 0.0;
    }
    let words = words::words(s);
    let mut score: f64 = 0.2;
    if words.iter().any(|w| {
        w.chars().all(|c| c.is_ascii_digit()) || veracity_text::lexicon::number_word(w).is_some()
    }) {
        score += 0.25;
    }
    if words.iter().any(|w| COMPARATIVES.contains(&w.as_str())) {
        score += 0.15;
    }
    let caps = raw
        .iter()
        .skip(1)
        .filter(|w| {
            let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
            w.chars().next().is_some_and(char::is_uppercase)
        })
        .count();
    score += (0.05 * caps as f64).min(0.2);
    if words.iter().any(|w| FACTUAL_VERBS.contains(&w.as_str())) {
        score += 0.15;
    }
    if words.iter().any(|w| OPINION.contains(&w.as_str())) {
        score -= 0.3;
    }
    score.clamp(0.0, 1.0)
}

/// The span of `needle` in `doc`: an exact (case- and space-insensitive)
/// occurrence, or else the sentence or quote most similar to it (at least
/// [`MERGE_THRESHOLD`]).
pub fn locate(doc: &Document, needle: &str) -> Option<Span> {
    let needle = needle.trim();
    if needle.is_empty() {
        return None;
    }
    if let Some(span) = Span::find(&doc.text, needle) {
        return Some(span);
    }
    let mut best: Option<(f64, Span)> = None;
    let spans = doc
        .quotes
        .iter()
        .map(|q| q.content)
        .chain(passage_spans(doc));
    let needle = Statement::new(needle);
    for span in spans {
        let sim = needle.similarity(&Statement::new(doc.slice(span)));
        if sim >= MERGE_THRESHOLD && best.is_none_or(|(b, _)| sim > b) {
            best = Some((sim, span));
        }
    }
    best.map(|(_, s)| s)
}

/// The date part (YYYY-MM-DD) of an ISO 8601 date or date-time.
fn date_part(published: Option<&str>) -> Option<String> {
    let p = published?;
    let d = p.get(..10).unwrap_or(p);
    (d.len() >= 4).then(|| d.to_owned())
}

/// Finds the claims in a collection (reviewed claims, attributed quotes,
/// check-worthy sentences), merges near-duplicates, and returns at most
/// `options.max_claims`, reviewed claims first, then by check-worthiness.
pub fn extract(docs: &[Document], options: ClaimOptions) -> Vec<Claim> {
    let mut cands = Vec::new();
    for doc in docs {
        for review in &doc.reviews {
            if review.claim.trim().is_empty() {
                continue;
            }
            cands.push(candidate(
                review.claim.trim(),
                review.claimant.clone(),
                None,
                ClaimOrigin::Reviewed,
                1.0,
                locate(doc, &review.claim).map(|span| Appearance {
                    document: doc.id.clone(),
                    span,
                }),
            ));
        }
        for q in &doc.quotes {
            let Some(speaker) = &q.speaker else { continue };
            let content = doc.slice(q.content).trim();
            let score = checkworthiness(content).max(if q.direct { 0.0 } else { 0.05 });
            if words::terms(content).len() < MIN_CLAIM_TERMS {
                continue;
            }
            cands.push(candidate(
                content,
                Some(speaker.name.clone()),
                date_part(doc.published.as_deref()),
                ClaimOrigin::Quote,
                // A quote with a named speaker is a claim someone made; it
                // only needs to be a statement, not a question or fragment.
                if score > 0.0 {
                    score.max(MIN_CHECKWORTHINESS)
                } else {
                    0.0
                },
                Some(Appearance {
                    document: doc.id.clone(),
                    span: q.content,
                }),
            ));
        }
        if options.sentences && doc.kind != DocumentKind::FactCheck {
            for span in &doc.sentences {
                let s = doc.slice(*span);
                let score = checkworthiness(s);
                if score < MIN_CHECKWORTHINESS || words::terms(s).len() < MIN_CLAIM_TERMS {
                    continue;
                }
                cands.push(candidate(
                    s.trim(),
                    None,
                    date_part(doc.published.as_deref()),
                    ClaimOrigin::Sentence,
                    score,
                    Some(Appearance {
                        document: doc.id.clone(),
                        span: *span,
                    }),
                ));
            }
        }
    }
    cands.retain(|c| c.origin == ClaimOrigin::Reviewed || c.score >= MIN_CHECKWORTHINESS);
    merge(cands, options.max_claims)
}

fn candidate(
    text: &str,
    claimant: Option<String>,
    date: Option<String>,
    origin: ClaimOrigin,
    score: f64,
    appearance: Option<Appearance>,
) -> Candidate {
    Candidate {
        statement: Statement::new(text),
        text: text.to_owned(),
        claimant,
        date,
        origin,
        score,
        appearance,
    }
}

/// Turns user-given texts into claims; their appearances are found with the
/// index (passages at least [`MERGE_THRESHOLD`] similar).
pub fn given(texts: &[String]) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::new();
    for t in texts {
        let t = t.trim();
        if t.is_empty() {
            continue;
        }
        let claim = Claim::new(t, ClaimOrigin::Given);
        if out.iter().all(|c| c.id != claim.id) {
            out.push(claim);
        }
    }
    out
}

/// Adds to `claim` the passages and quotes of the collection that state it
/// (similarity at least [`MERGE_THRESHOLD`] among the top `k` BM25 hits),
/// keeping appearances in collection order without repeats.
pub fn find_appearances(claim: &mut Claim, docs: &[Document], index: &Index, k: usize) {
    let statement = Statement::new(&claim.text);
    let claim_terms = statement.terms();
    let prepared = crate::cues::PreparedClaim::new(&claim.text);
    let mut found: Vec<(usize, Appearance)> = Vec::new();
    for hit in index.search(&claim.text, k) {
        let p = index.passages()[hit.passage as usize];
        let doc = &docs[p.doc as usize];
        // Prefer the quote inside the passage, when one states the claim.
        let quote = doc.quotes.iter().find(|q| {
            p.span.start() <= q.content.start()
                && q.content.end() <= p.span.end()
                && statement.similarity(&Statement::new(doc.slice(q.content))) >= MERGE_THRESHOLD
        });
        // A passage that contradicts the claim (other numbers, the opposite
        // polarity) is not an appearance of it, however many words it shares.
        if crate::cues::cues(&prepared, doc.slice(p.span))
            .iter()
            .any(|c| c.label == veracity_model::StanceLabel::Disagree)
        {
            continue;
        }
        let span = match quote {
            Some(q) => q.content,
            None => {
                let passage = Statement::new(doc.slice(p.span));
                if words::containment(claim_terms, passage.terms()) < PREFILTER_CONTAINMENT
                    || statement.similarity(&passage) < APPEARANCE_THRESHOLD
                {
                    continue;
                }
                p.span
            }
        };
        found.push((
            p.doc as usize,
            Appearance {
                document: doc.id.clone(),
                span,
            },
        ));
    }
    let position = |a: &Appearance| {
        docs.iter()
            .position(|d| d.id == a.document)
            .unwrap_or(usize::MAX)
    };
    let mut all: Vec<(usize, Appearance)> = claim
        .appearances
        .drain(..)
        .map(|a| (position(&a), a))
        .chain(found)
        .collect();
    all.sort_by_key(|a| (a.0, a.1.span));
    // Drop repeats and appearances nested in another of the same document.
    let mut kept: Vec<(usize, Appearance)> = Vec::new();
    for (d, a) in all {
        if kept
            .iter()
            .any(|(kd, k)| *kd == d && (k.span.contains(&a.span) || a.span.contains(&k.span)))
        {
            continue;
        }
        kept.push((d, a));
    }
    claim.appearances = kept.into_iter().map(|(_, a)| a).collect();
}

fn merge(mut cands: Vec<Candidate>, max_claims: usize) -> Vec<Claim> {
    // Precedence, then check-worthiness, then text (deterministic).
    cands.sort_by(|a, b| {
        rank(a.origin)
            .cmp(&rank(b.origin))
            .then(b.score.total_cmp(&a.score))
            .then_with(|| a.text.cmp(&b.text))
    });
    let mut groups: Vec<(Candidate, Vec<Appearance>)> = Vec::new();
    for c in cands {
        let mut target = None;
        for (i, (g, _)) in groups.iter().enumerate() {
            // Cheap prefilter before the full similarity.
            if words::containment(g.statement.terms(), c.statement.terms()) < PREFILTER_CONTAINMENT
            {
                continue;
            }
            if g.statement.similarity(&c.statement) >= MERGE_THRESHOLD {
                target = Some(i);
                break;
            }
        }
        match target {
            Some(i) => {
                let (g, apps) = &mut groups[i];
                if g.claimant.is_none() {
                    g.claimant = c.claimant.clone();
                }
                if g.date.is_none() || (c.date.is_some() && c.date < g.date) {
                    g.date = c.date.clone().or(g.date.take());
                }
                if let Some(a) = c.appearance
                    && !apps.contains(&a)
                {
                    apps.push(a);
                }
            }
            None if groups.len() < max_claims.saturating_mul(4).max(max_claims) => {
                let apps = c.appearance.clone().into_iter().collect();
                groups.push((c, apps));
            }
            None => {}
        }
    }
    groups.truncate(max_claims);
    groups
        .into_iter()
        .map(|(c, apps)| {
            let mut claim = Claim::new(c.text, c.origin);
            claim.claimant = c.claimant;
            claim.date = c.date;
            claim.appearances = apps;
            claim.checkworthiness = (c.score * 1000.0).round() / 1000.0;
            claim
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{doc, with_quote};
    use veracity_model::{Rating, RatingClass, Review};

    const CLAIM: &str = "Our new desalination plant already supplies forty percent of the city's drinking water, and it has cut household water bills by a fifth.";

    fn review_doc() -> Document {
        let text =
            format!("Mayor Dana Whitfield said: \"{CLAIM}\" We rate this claim Mostly False.");
        let mut d = doc("factcheck", &text);
        d.kind = DocumentKind::FactCheck;
        d.reviews.push(Review {
            claim: CLAIM.to_owned(),
            claimant: Some("Dana Whitfield".into()),
            rating: Rating {
                label: "Mostly False".into(),
                scale: "politifact".into(),
                value: Some(0.25),
                class: RatingClass::MostlyFalse,
            },
            summary: None,
            reviewer: Some("Harbor Fact Desk".into()),
            url: None,
            date: Some("2026-03-06".into()),
        });
        d
    }

    #[test]
    fn checkworthiness_prefers_factual_numbers() {
        let fact =
            checkworthiness("The plant supplied 12 percent of the city's drinking water in 2025.");
        let opinion = checkworthiness("I think the new plant is a wonderful thing for all of us.");
        assert!(fact > 0.6, "{fact}");
        assert!(opinion < MIN_CHECKWORTHINESS, "{opinion}");
        assert_eq!(
            checkworthiness("Does the plant supply 40 percent of the water?"),
            0.0
        );
        assert_eq!(
            checkworthiness("Sign up for our newsletter today and get 20% off."),
            0.0
        );
        assert_eq!(checkworthiness("Too short."), 0.0);
    }

    #[test]
    fn reviewed_claim_absorbs_quotes_and_trims() {
        let news = with_quote(
            doc(
                "news",
                &format!("\"{CLAIM}\" Mayor Dana Whitfield said on Tuesday."),
            ),
            CLAIM,
            "Dana Whitfield",
        );
        let trim = "the plant already supplies forty percent of the city's drinking water";
        let other = with_quote(
            doc(
                "other",
                &format!(
                    "Whitfield said that {trim}. Beach volunteers collected 300 kilograms of litter on Saturday."
                ),
            ),
            trim,
            "Whitfield",
        );
        let docs = vec![review_doc(), news, other];
        let claims = extract(&docs, ClaimOptions::default());
        let main = &claims[0];
        assert_eq!(main.origin, ClaimOrigin::Reviewed);
        assert_eq!(main.text, CLAIM);
        assert_eq!(main.claimant.as_deref(), Some("Dana Whitfield"));
        let docs_seen: Vec<&str> = main
            .appearances
            .iter()
            .map(|a| a.document.as_str())
            .collect();
        for d in &docs {
            assert!(
                docs_seen.contains(&d.id.as_str()),
                "missing appearance in {}",
                d.source.location
            );
        }
        // The unrelated sentence is a separate claim, not merged.
        assert!(
            claims
                .iter()
                .skip(1)
                .all(|c| !c.text.contains("desalination"))
        );
        assert!(claims.iter().any(|c| c.text.contains("300 kilograms")));
    }

    #[test]
    fn max_claims_and_determinism() {
        let docs = vec![
            review_doc(),
            doc(
                "x",
                "The council approved a budget of 40 million dollars for Port Alder schools in 2026. Voters rejected the measure by 12 points in March.",
            ),
        ];
        let a = extract(
            &docs,
            ClaimOptions {
                max_claims: 2,
                sentences: true,
            },
        );
        let b = extract(
            &docs,
            ClaimOptions {
                max_claims: 2,
                sentences: true,
            },
        );
        assert_eq!(a, b);
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].origin, ClaimOrigin::Reviewed);
    }

    #[test]
    fn appearances_found_through_the_index() {
        let docs = vec![
            doc(
                "a",
                "Officials said the plant already supplies forty percent of the city's drinking water. Other news today.",
            ),
            doc(
                "b",
                "The beach was cleaned by volunteers on Saturday with many bags.",
            ),
        ];
        let index = Index::build(&docs);
        let mut claim =
            given(&["The plant already supplies 40% of the city's drinking water".to_owned()])
                .remove(0);
        find_appearances(&mut claim, &docs, &index, 20);
        assert_eq!(claim.appearances.len(), 1);
        assert_eq!(claim.appearances[0].document, docs[0].id);
    }
}
