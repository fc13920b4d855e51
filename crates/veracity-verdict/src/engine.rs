//! Verdict engines: the [`Engine`] trait, the [`EngineRegistry`] and the
//! built-in engines `evidence` (weighted aggregation, the default) and
//! `review` (the rating of a matching published fact-check).

use crate::model::{DocumentVoice, VerdictModel, claim_features};
use crate::voice::VoiceLabel;
use std::collections::BTreeMap;
use veracity_model::{
    CitedReview, Claim, DocumentId, Evidence, EvidenceRole, Rating, RatingClass, RatingScale,
    StanceLabel, Verdict, VerdictRequest,
};

/// Why an engine could not produce a verdict.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EngineError {
    /// The engine ran and failed.
    #[error("engine `{engine}` failed: {message}")]
    Failed {
        /// The engine's name.
        engine: String,
        /// What went wrong and what to do.
        message: String,
    },
    /// No engine of that name is registered.
    #[error("unknown engine `{name}`; known engines: {known}")]
    Unknown {
        /// The name asked for.
        name: String,
        /// The registered names, comma-separated.
        known: String,
    },
    /// An engine of that name is already registered.
    #[error("an engine named `{0}` is already registered; choose another name")]
    Duplicate(String),
}

/// Human names of documents ("Publisher, “Title”"), for explanations.
pub type Sources = BTreeMap<DocumentId, String>;

/// Turns a claim and its evidence into a verdict. Object-safe: engines are
/// stored as `Box<dyn Engine>` in an [`EngineRegistry`]; plugins register
/// theirs the same way.
pub trait Engine: Send + Sync {
    /// The name used with `--engine`.
    fn name(&self) -> &str;

    /// One line saying what the engine does.
    fn description(&self) -> &str {
        ""
    }

    /// Rates the request's claim from its evidence (roles and weights
    /// decided) and the matching published reviews, on its scale.
    fn verdict(&self, request: EngineRequest<'_>) -> Result<Verdict, EngineError>;
}

/// What an engine rates: a claim, the evidence gathered for it, the
/// published reviews that match it, the scale to rate on, and the
/// documents' human names so an explanation can cite them.
#[derive(Debug, Clone)]
pub struct EngineRequest<'a> {
    /// The claim to rate.
    pub claim: &'a Claim,
    /// Its evidence, stances scored and roles and weights decided.
    pub evidence: Vec<Evidence>,
    /// Published reviews of the claim, best match first.
    pub reviews: Vec<CitedReview>,
    /// The documents that bear on the claim, each with its voice (see
    /// [`Checker::bearing_documents`](crate::Checker::bearing_documents)).
    pub documents: Vec<DocumentVoice>,
    /// The scale to rate on.
    pub scale: &'a RatingScale,
    /// Human names of the documents; engines may ignore them.
    pub sources: &'a Sources,
}

impl EngineRequest<'_> {
    /// The request as a verdict plugin receives it across the ABI, with the
    /// user's `--engine-option`s.
    pub fn into_plugin_request(self, options: BTreeMap<String, String>) -> VerdictRequest {
        VerdictRequest {
            claim: self.claim.clone(),
            evidence: self.evidence,
            reviews: self.reviews,
            scale: self.scale.id.clone(),
            options,
        }
    }
}

/// Engines by name, in registration order.
pub struct EngineRegistry {
    engines: Vec<Box<dyn Engine>>,
}

impl std::fmt::Debug for EngineRegistry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.names()).finish()
    }
}

impl Default for EngineRegistry {
    fn default() -> Self {
        Self::builtin()
    }
}

impl EngineRegistry {
    /// A registry with no engines.
    pub fn empty() -> EngineRegistry {
        EngineRegistry {
            engines: Vec::new(),
        }
    }

    /// The built-in engines: `evidence` (default) and `review`.
    pub fn builtin() -> EngineRegistry {
        let mut r = EngineRegistry::empty();
        r.engines.push(Box::new(EvidenceEngine::default()));
        r.engines.push(Box::new(ReviewEngine));
        r
    }

    /// Adds an engine; a name already registered is refused.
    pub fn register(&mut self, engine: Box<dyn Engine>) -> Result<(), EngineError> {
        if self.get(engine.name()).is_some() {
            return Err(EngineError::Duplicate(engine.name().to_owned()));
        }
        self.engines.push(engine);
        Ok(())
    }

    /// The engine with this name.
    pub fn get(&self, name: &str) -> Option<&dyn Engine> {
        self.engines
            .iter()
            .find(|e| e.name() == name)
            .map(|e| e.as_ref())
    }

    /// The engine with this name, or an error listing the known names.
    pub fn require(&self, name: &str) -> Result<&dyn Engine, EngineError> {
        self.get(name).ok_or_else(|| EngineError::Unknown {
            name: name.to_owned(),
            known: self.names().join(", "),
        })
    }

    /// The registered names, in order.
    pub fn names(&self) -> Vec<&str> {
        self.engines.iter().map(|e| e.name()).collect()
    }

    /// Every engine, in order.
    pub fn engines(&self) -> impl Iterator<Item = &dyn Engine> {
        self.engines.iter().map(|e| e.as_ref())
    }
}

/// The thresholds of the evidence aggregate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AggregateParams {
    /// Below this total weight (support + refutation) the verdict is
    /// `unverified`: too little evidence to rate.
    pub min_total: f64,
    /// Pseudo-weight of a neutral prior (value 0.5) added to both sides, so
    /// thin evidence leans toward `mixed` rather than an extreme.
    pub prior: f64,
    /// The total weight at which the amount of evidence gives about 63% of
    /// full confidence (confidence saturates as `1 - exp(-total / scale)`).
    pub confidence_scale: f64,
}

impl Default for AggregateParams {
    fn default() -> Self {
        AggregateParams {
            min_total: 0.2,
            prior: 0.1,
            confidence_scale: 0.8,
        }
    }
}

/// The result of weighing the evidence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Aggregate {
    /// Total weight of agreeing evidence.
    pub support: f64,
    /// Total weight of disagreeing evidence.
    pub refutation: f64,
    /// The normalised truth value; `None` when there is too little evidence.
    pub value: Option<f64>,
    /// The class of `value` (`unverified` when `value` is `None`).
    pub class: RatingClass,
    /// Confidence in [0, 1].
    pub confidence: f64,
}

/// Weighs evidence: support is the total weight of `agree` passages,
/// refutation that of `disagree` ones; value = (support + prior/2) /
/// (support + refutation + prior); `unverified` below `min_total`.
/// Confidence = (1 - exp(-total / confidence_scale)) × (0.4 + 0.6 ×
/// |support - refutation| / total): more evidence and a clearer balance give
/// more confidence.
pub fn aggregate(evidence: &[Evidence], p: &AggregateParams) -> Aggregate {
    let mut support = 0.0;
    let mut refutation = 0.0;
    for e in evidence {
        match e.stance.label {
            StanceLabel::Agree => support += e.weight,
            StanceLabel::Disagree => refutation += e.weight,
            _ => {}
        }
    }
    aggregate_totals(support, refutation, p)
}

/// [`aggregate`] from the totals.
pub fn aggregate_totals(support: f64, refutation: f64, p: &AggregateParams) -> Aggregate {
    let total = support + refutation;
    let r = |x: f64| (x * 10_000.0).round() / 10_000.0;
    if total < p.min_total || total <= 0.0 {
        let confidence = r((1.0 - total / p.min_total.max(1e-9)).clamp(0.0, 1.0) * 0.5);
        return Aggregate {
            support: r(support),
            refutation: r(refutation),
            value: None,
            class: RatingClass::Unverified,
            confidence,
        };
    }
    let value = (support + p.prior * 0.5) / (total + p.prior);
    let amount = 1.0 - (-total / p.confidence_scale).exp();
    let balance = (support - refutation).abs() / total;
    let value = r(value);
    Aggregate {
        support: r(support),
        refutation: r(refutation),
        value: Some(value),
        class: RatingClass::from_value(value),
        confidence: r(amount * (0.4 + 0.6 * balance)),
    }
}

/// Expresses a normalised value (or none) on `scale`.
pub fn rating_on(scale: &RatingScale, value: Option<f64>) -> Rating {
    // The label with the nearest value; the computed value is kept.
    scale.rate_value(value)
}

fn quote_passage(text: &str, max: usize) -> String {
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.chars().count() <= max {
        return t;
    }
    let cut: String = t.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => cut[..i].to_owned(),
        _ => cut,
    };
    format!("{cut}\u{2026}")
}

// The evidence and reviews lists carry each passage's document and span;
// the explanation names outlets and quotes, so anyone can read it.
fn cite(e: &Evidence, sources: &Sources) -> String {
    format!(
        "{}: \u{201c}{}\u{201d}",
        source_name(&e.document, sources),
        quote_passage(&e.text, 220)
    )
}

/// A document's human name, or "a document" when it has none (an id means
/// nothing to a reader).
fn source_name(document: &DocumentId, sources: &Sources) -> String {
    sources
        .get(document)
        .cloned()
        .unwrap_or_else(|| "a document of the collection".to_owned())
}

fn review_sentence(r: &CitedReview, sources: &Sources) -> String {
    let who = r
        .review
        .reviewer
        .clone()
        .unwrap_or_else(|| "A fact-checker".to_owned());
    let place = source_name(&r.document, sources);
    let how_close = if r.similarity >= 0.995 {
        "the same claim".to_owned()
    } else {
        format!("a claim {:.0}% similar", r.similarity * 100.0)
    };
    format!(
        "{who} rated {how_close} \u{201c}{}\u{201d} in {place}.",
        r.review.rating.label
    )
}

fn uncounted_summary(evidence: &[Evidence]) -> String {
    let count = |role| evidence.iter().filter(|e| e.role == role).count();
    let mut parts = Vec::new();
    let a = count(EvidenceRole::Attribution);
    if a > 0 {
        parts.push(format!(
            "{a} passage{} only report{} the claim being made",
            if a == 1 { "" } else { "s" },
            if a == 1 { "s" } else { "" }
        ));
    }
    let c = count(EvidenceRole::Claimant);
    if c > 0 {
        parts.push(format!(
            "{c} quote{} the claimant's own words",
            if c == 1 { " is" } else { "s are" }
        ));
    }
    let d = count(EvidenceRole::Duplicate);
    if d > 0 {
        parts.push(format!(
            "{d} cop{} of other passages (syndication or near-identical text)",
            if d == 1 { "y" } else { "ies" }
        ));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" Not counted as corroboration: {}.", parts.join("; "))
    }
}

/// The default engine: the claim model reads the voices of the documents
/// that bear on the claim (asserting, only reporting, denying) and the
/// weighed independent sentence evidence for and against.
#[derive(Debug, Clone)]
pub struct EvidenceEngine {
    /// The thresholds of the sentence evidence's weighing.
    pub params: AggregateParams,
    /// The fitted voice and claim models.
    pub model: VerdictModel,
}

impl Default for EvidenceEngine {
    fn default() -> Self {
        EvidenceEngine {
            params: AggregateParams::default(),
            model: VerdictModel::builtin().clone(),
        }
    }
}

/// When the claim model cannot tell but the weighed independent sentence
/// evidence refutes the claim with at least this confidence, the sentence
/// evidence decides: independent sources that state other figures than
/// the claim's settle it. Only refutation: agreement at the sentence level
/// is mostly articles repeating a rumour (on Emergent dev, letting it
/// decide too costs 0.07 of accuracy). Chosen by `cargo xtask train
/// verdict` on Emergent dev (cross-validated).
pub const SENTENCE_DECISIVE: f64 = 0.5;

/// A verdict's value (none: unverified) and confidence from the claim
/// model's probabilities of true, false and not known, and the sentence
/// evidence. A true or false verdict is "mostly" when the other side keeps
/// a quarter or more of the two. Not known gives way to the sentence
/// evidence when its confidence reaches `sentence_decisive`
/// ([`SENTENCE_DECISIVE`] in the engine); otherwise it is `mixed` when
/// some bearing document asserts the claim and another denies it, else
/// `unverified`.
/// When every bearing document only reports the claim it is `unverified`.
/// The confidence is the probability of the chosen outcome.
pub fn decide(
    p: [f64; 3],
    agg: &Aggregate,
    sentence_decisive: f64,
    documents: &[DocumentVoice],
) -> (Option<f64>, f64) {
    let [t, f, u] = p;
    let lean = if t + f > 0.0 { t / (t + f) } else { 0.5 };
    // A collection that only reports the claim has not settled it, however
    // many reports there are.
    if documents
        .iter()
        .all(|d| d.voice.label() == VoiceLabel::Reports)
    {
        return (None, u.max(t).max(f));
    }
    if t >= f && t >= u {
        (Some(0.5 + 0.5 * lean), t)
    } else if f >= u {
        (Some(0.5 * lean), f)
    } else if agg.value.is_some_and(|v| v < 0.375) && agg.confidence >= sentence_decisive {
        (agg.value, agg.confidence)
    } else if documents
        .iter()
        .any(|d| d.voice.label() == VoiceLabel::Asserts)
        && documents
            .iter()
            .any(|d| d.voice.label() == VoiceLabel::Denies)
    {
        (Some(0.5), u)
    } else {
        (None, u)
    }
}

fn voice_summary(documents: &[DocumentVoice]) -> String {
    let count = |l| documents.iter().filter(|d| d.voice.label() == l).count();
    let (asserts, reports, denies) = (
        count(VoiceLabel::Asserts),
        count(VoiceLabel::Reports),
        count(VoiceLabel::Denies),
    );
    let n = documents.len();
    let s = |k: usize| if k == 1 { "s" } else { "" };
    format!(
        "Of {n} document{} that bear{} on the claim, {asserts} assert{} it, {reports} only report{} it and {denies} den{} or debunk{} it.",
        if n == 1 { "" } else { "s" },
        if n == 1 { "s" } else { "" },
        s(asserts),
        s(reports),
        if denies == 1 { "ies" } else { "y" },
        s(denies),
    )
}

impl Engine for EvidenceEngine {
    fn name(&self) -> &str {
        "evidence"
    }

    fn description(&self) -> &str {
        "weighs independent evidence for and against the claim (default)"
    }

    fn verdict(&self, request: EngineRequest<'_>) -> Result<Verdict, EngineError> {
        let EngineRequest {
            claim,
            evidence,
            reviews,
            documents,
            scale,
            sources,
        } = request;
        let agg = aggregate(&evidence, &self.params);
        let (value, confidence, mut x) = if documents.is_empty() {
            (
                None,
                0.0,
                "Unverified: nothing in the collection bears on the claim. \
                 This is not a finding that the claim is false."
                    .to_owned(),
            )
        } else {
            let p = self.model.claim_probabilities(&claim_features(
                &documents,
                agg.support,
                agg.refutation,
            ));
            let (value, confidence) = decide(p, &agg, SENTENCE_DECISIVE, &documents);
            let head = match value {
                None => "Unverified: the collection reports the claim but does not settle it; \
                         this is not a finding that it is false."
                    .to_owned(),
                Some(v) => format!("Rated {} (value {v:.2}).", rating_on(scale, Some(v)).label),
            };
            (
                value,
                confidence,
                format!(
                    "{head} {} Model: true {:.2}, false {:.2}, not known {:.2}; \
                     weighed sentence evidence: support {:.2} against refutation {:.2}.",
                    voice_summary(&documents),
                    p[0],
                    p[1],
                    p[2],
                    agg.support,
                    agg.refutation
                ),
            )
        };
        let rating = rating_on(scale, value);
        let strongest = |label: StanceLabel| {
            evidence
                .iter()
                .filter(|e| e.weight > 0.0 && e.stance.label == label)
                .max_by(|a, b| {
                    a.weight
                        .total_cmp(&b.weight)
                        .then(b.relevance.total_cmp(&a.relevance))
                })
        };
        if let Some(e) = strongest(StanceLabel::Disagree) {
            x.push_str(&format!(
                " Strongest evidence against: {}.",
                cite(e, sources)
            ));
        }
        if let Some(e) = strongest(StanceLabel::Agree) {
            x.push_str(&format!(" Strongest evidence for: {}.", cite(e, sources)));
        }
        x.push_str(&uncounted_summary(&evidence));
        if let Some(r) = reviews.first() {
            x.push_str(&format!(
                " Published review: {}",
                review_sentence(r, sources)
            ));
            if reviews.len() > 1 {
                x.push_str(&format!(
                    " ({} more published review{} listed.)",
                    reviews.len() - 1,
                    if reviews.len() == 2 { "" } else { "s" }
                ));
            }
        }
        Ok(Verdict {
            claim: claim.id.clone(),
            rating,
            confidence: (confidence * 10_000.0).round() / 10_000.0,
            engine: self.name().to_owned(),
            support: agg.support,
            refutation: agg.refutation,
            evidence,
            reviews,
            explanation: x,
        })
    }
}

/// Reports the rating of the best-matching published review.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReviewEngine;

impl Engine for ReviewEngine {
    fn name(&self) -> &str {
        "review"
    }

    fn description(&self) -> &str {
        "gives the rating of a matching published fact-check"
    }

    fn verdict(&self, request: EngineRequest<'_>) -> Result<Verdict, EngineError> {
        let EngineRequest {
            claim,
            evidence,
            reviews,
            documents: _,
            scale,
            sources,
        } = request;
        let agg = aggregate(&evidence, &AggregateParams::default());
        let (rating, confidence, explanation) = match reviews.first() {
            None => (
                scale.rate_value(None),
                0.0,
                "Unverified: no published fact-check in the collection reviews this claim. \
                 This is not a finding that the claim is false."
                    .to_owned(),
            ),
            Some(r) => {
                // The published label stays as published unless another
                // scale than the normalised default is asked for.
                let published = r.review.rating.clone();
                let rating = if scale.id == "veracity" || scale.id == published.scale {
                    published.clone()
                } else if published.class == RatingClass::Unverified {
                    scale.rate_value(None)
                } else {
                    rating_on(scale, published.value)
                };
                let mut x = format!(
                    "Rated {} from the published review: {}",
                    rating.label,
                    review_sentence(r, sources)
                );
                if let Some(s) = &r.review.summary {
                    x.push_str(&format!(
                        " Its summary: \u{201c}{}\u{201d}",
                        quote_passage(s, 240)
                    ));
                }
                let agree = reviews
                    .iter()
                    .skip(1)
                    .filter(|o| o.review.rating.class == r.review.rating.class)
                    .count();
                if reviews.len() > 1 {
                    x.push_str(&format!(
                        " {} other matching review{} ({agree} with the same class).",
                        reviews.len() - 1,
                        if reviews.len() == 2 { "" } else { "s" }
                    ));
                }
                let conf = if published.class == RatingClass::Unverified {
                    0.0
                } else {
                    0.9 * r.similarity
                };
                (rating, (conf * 10_000.0).round() / 10_000.0, x)
            }
        };
        Ok(Verdict {
            claim: claim.id.clone(),
            rating,
            confidence,
            engine: self.name().to_owned(),
            support: agg.support,
            refutation: agg.refutation,
            evidence,
            reviews,
            explanation,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use veracity_model::{ClaimOrigin, ScaleRegistry, Span, Stance, StanceScores};

    fn ev(label: StanceLabel, weight: f64) -> Evidence {
        let mut s = StanceScores::default();
        match label {
            StanceLabel::Agree => s.agree = 1.0,
            StanceLabel::Disagree => s.disagree = 1.0,
            StanceLabel::Discuss => s.discuss = 1.0,
            StanceLabel::Unrelated => s.unrelated = 1.0,
        }
        Evidence {
            document: DocumentId::from_content(&["d"]),
            span: Span::whole("text"),
            text: "text".into(),
            relevance: 1.0,
            stance: Stance { label, scores: s },
            role: EvidenceRole::Independent,
            weight,
            duplicate_of: None,
            independent_of: Vec::new(),
            note: String::new(),
        }
    }

    fn veracity() -> &'static RatingScale {
        ScaleRegistry::builtin().get("veracity").unwrap()
    }

    #[test]
    fn thin_evidence_is_unverified_never_false() {
        let claim = Claim::new("x", ClaimOrigin::Given);
        let e = EvidenceEngine::default();
        for evidence in [
            vec![],
            vec![ev(StanceLabel::Disagree, 0.1)],
            vec![
                ev(StanceLabel::Discuss, 0.9),
                ev(StanceLabel::Unrelated, 0.9),
            ],
        ] {
            let v = e
                .verdict(EngineRequest {
                    claim: &claim,
                    evidence,
                    reviews: vec![],
                    documents: vec![],
                    scale: veracity(),
                    sources: &Sources::new(),
                })
                .unwrap();
            assert_eq!(v.rating.class, RatingClass::Unverified, "{}", v.explanation);
            assert!(v.rating.value.is_none());
            assert!(
                v.explanation
                    .contains("not a finding that the claim is false")
            );
        }
    }

    #[test]
    fn balance_decides_the_class() {
        let p = AggregateParams::default();
        assert_eq!(
            aggregate(
                &[
                    ev(StanceLabel::Disagree, 0.9),
                    ev(StanceLabel::Disagree, 0.8)
                ],
                &p
            )
            .class,
            RatingClass::False
        );
        assert_eq!(
            aggregate(
                &[ev(StanceLabel::Agree, 0.9), ev(StanceLabel::Agree, 0.8)],
                &p
            )
            .class,
            RatingClass::True
        );
        assert_eq!(
            aggregate(
                &[ev(StanceLabel::Agree, 0.8), ev(StanceLabel::Disagree, 0.8)],
                &p
            )
            .class,
            RatingClass::Mixed
        );
        let a = aggregate(
            &[ev(StanceLabel::Agree, 0.2), ev(StanceLabel::Disagree, 0.9)],
            &p,
        );
        assert_eq!(a.class, RatingClass::MostlyFalse);
        let more = aggregate(
            &[
                ev(StanceLabel::Disagree, 0.9),
                ev(StanceLabel::Disagree, 0.9),
                ev(StanceLabel::Disagree, 0.9),
            ],
            &p,
        );
        let less = aggregate(&[ev(StanceLabel::Disagree, 0.3)], &p);
        assert!(more.confidence > less.confidence);
    }

    #[test]
    fn registry_registers_and_refuses_duplicates() {
        let mut r = EngineRegistry::builtin();
        assert_eq!(r.names(), ["evidence", "review"]);
        assert!(matches!(
            r.register(Box::new(ReviewEngine)),
            Err(EngineError::Duplicate(_))
        ));
        struct Always;
        impl Engine for Always {
            fn name(&self) -> &str {
                "always-true"
            }
            fn verdict(&self, request: EngineRequest<'_>) -> Result<Verdict, EngineError> {
                let EngineRequest {
                    claim,
                    evidence,
                    reviews,
                    scale,
                    ..
                } = request;
                Ok(Verdict {
                    claim: claim.id.clone(),
                    rating: rating_on(scale, Some(1.0)),
                    confidence: 1.0,
                    engine: self.name().into(),
                    support: 0.0,
                    refutation: 0.0,
                    evidence,
                    reviews,
                    explanation: "always".into(),
                })
            }
        }
        r.register(Box::new(Always)).unwrap();
        let claim = Claim::new("x", ClaimOrigin::Given);
        let v = r
            .require("always-true")
            .unwrap()
            .verdict(EngineRequest {
                claim: &claim,
                evidence: vec![],
                reviews: vec![],
                documents: vec![],
                scale: veracity(),
                sources: &Sources::new(),
            })
            .unwrap();
        assert_eq!(v.rating.class, RatingClass::True);
        assert!(
            r.require("nope")
                .err()
                .unwrap()
                .to_string()
                .contains("evidence, review, always-true")
        );
    }

    #[test]
    fn review_engine_without_review_is_unverified() {
        let claim = Claim::new("x", ClaimOrigin::Given);
        let v = ReviewEngine
            .verdict(EngineRequest {
                claim: &claim,
                evidence: vec![],
                reviews: vec![],
                documents: vec![],
                scale: veracity(),
                sources: &Sources::new(),
            })
            .unwrap();
        assert_eq!(v.rating.class, RatingClass::Unverified);
    }
}
