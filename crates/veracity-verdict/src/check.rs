//! The verdict pipeline over one collection: index once, then for each claim
//! retrieve, score stance, apply the cues, decide provenance, match published
//! reviews and ask an engine for the verdict.

use crate::claims::{self, ClaimOptions, MERGE_THRESHOLD};
use crate::cues;
use crate::documents::{Documents, InMemory};
use crate::engine::{Engine, EngineError, EngineRequest, Sources};
use crate::index::{Hit, Index};
use crate::model::{DocumentVoice, VerdictModel};
use crate::provenance::{self, Scored};
use crate::retrieve::Retriever;
use crate::scorer::StanceScorer;
use crate::voice::{CueFlags, Voice, VoiceInput};
use veracity_model::{
    CitedReview, Claim, Document, Evidence, EvidenceRole, RatingScale, Review, StanceLabel, Verdict,
};
use veracity_text::hash::FxHashMap;
use veracity_text::words;

/// Default number of passages retrieved per claim.
pub const DEFAULT_TOP_K: usize = 20;

/// Candidates scored per evidence slot (see [`Checker::evidence`]).
pub const POOL_FACTOR: usize = 4;
/// Copies of one passage text a query lets into the candidate pool.
pub const MAX_COPIES: usize = 3;
/// Passages searched for the places a claim appears.
pub const APPEARANCE_HITS: usize = 50;

/// What a check gathered for one claim, for an engine to rate
/// ([`Checker::gather`]).
#[derive(Debug, Clone)]
pub struct Gathered {
    evidence: Vec<Evidence>,
    reviews: Vec<CitedReview>,
    documents: Vec<DocumentVoice>,
    sources: Sources,
}

impl Gathered {
    /// The verdict of `engine` on `claim` from what was gathered for it.
    pub fn rate(
        self,
        claim: &Claim,
        engine: &dyn Engine,
        scale: &RatingScale,
    ) -> Result<Verdict, EngineError> {
        engine.verdict(EngineRequest {
            claim,
            evidence: self.evidence,
            reviews: self.reviews,
            documents: self.documents,
            scale,
            sources: &self.sources,
        })
    }
}

/// One collection, indexed, with a stance scorer.
pub struct Checker<'a> {
    pub(crate) docs: Box<dyn Documents + 'a>,
    pub(crate) retriever: Box<dyn Retriever + 'a>,
    pub(crate) scorer: &'a dyn StanceScorer,
    reviews: Vec<ReviewEntry>,
    model: Option<&'a VerdictModel>,
}

/// The published reviews of a collection, analysed by one checker and
/// handed to the next ([`Checker::over_reviewed`]).
pub struct Reviews(Vec<ReviewEntry>);

/// A published review of the collection, its reviewed claim analysed once.
struct ReviewEntry {
    /// The document it is in.
    doc: usize,
    review: Review,
    /// The reviewed claim without its "X says" frame (claims lose theirs).
    statement: words::Statement,
    /// That claim as ids normalise it.
    normalized: String,
}

impl ReviewEntry {
    fn new(doc: usize, review: &Review) -> ReviewEntry {
        let reviewed = claims::split_claimant(&review.claim).claim;
        ReviewEntry {
            doc,
            statement: words::Statement::new(reviewed),
            normalized: veracity_model::id::normalize_for_id(reviewed),
            review: review.clone(),
        }
    }
}

/// A headline covering less than this share of the claim's terms is about
/// something else: the document's most relevant passage speaks for it.
pub const HEADLINE_COVERAGE: f64 = 0.25;
/// A passage bears on a claim when it holds at least this share of the
/// claim's terms (and its stance is not `unrelated`): one that shares the
/// subject but not what is said of it ("the desalination plant" for "the
/// desalination plant is painted purple") says nothing about the claim.
pub const BEARING_COVERAGE: f64 = 0.6;

impl<'a> Checker<'a> {
    /// Indexes `docs` (once, in memory) for checking claims against them.
    pub fn new(docs: &'a [Document], scorer: &'a dyn StanceScorer) -> Checker<'a> {
        Checker::with_retriever(docs, Box::new(Index::build(docs)), scorer)
    }

    /// Checks claims against `docs`, whose passages `retriever` finds (its
    /// passages' documents are indices into `docs`): an index built
    /// before, kept on disk.
    pub fn with_retriever(
        docs: &'a [Document],
        retriever: Box<dyn Retriever + 'a>,
        scorer: &'a dyn StanceScorer,
    ) -> Checker<'a> {
        Checker::over(Box::new(InMemory::new(docs)), retriever, scorer)
    }

    /// Checks claims against `docs`, held in memory or fetched from a
    /// store as the check needs them, whose passages `retriever` finds
    /// (its passages' documents are places in `docs`).
    pub fn over(
        docs: Box<dyn Documents + 'a>,
        retriever: Box<dyn Retriever + 'a>,
        scorer: &'a dyn StanceScorer,
    ) -> Checker<'a> {
        // Reviews in a document set aside for its language are not cited.
        let reviews = docs
            .reviews()
            .into_iter()
            .map(|(i, r)| ReviewEntry::new(i, r))
            .collect();
        Checker::over_reviewed(docs, retriever, scorer, Reviews(reviews))
    }

    /// [`Checker::over`] with the collection's reviews as an earlier
    /// checker over the same documents analysed them
    /// ([`Checker::into_reviews`]): a check that lets go of its documents
    /// between runs of claims does not read and analyse them again.
    pub fn over_reviewed(
        docs: Box<dyn Documents + 'a>,
        retriever: Box<dyn Retriever + 'a>,
        scorer: &'a dyn StanceScorer,
        reviews: Reviews,
    ) -> Checker<'a> {
        Checker {
            docs,
            retriever,
            scorer,
            reviews: reviews.0,
            model: None,
        }
    }

    /// The collection's reviews as this checker analysed them, for the
    /// next checker over the same documents.
    pub fn into_reviews(self) -> Reviews {
        Reviews(self.reviews)
    }

    /// The same checker with another verdict model (a retrained one).
    pub fn with_model(mut self, model: &'a VerdictModel) -> Checker<'a> {
        self.model = Some(model);
        self
    }

    /// What finds the passages.
    pub fn retriever(&self) -> &dyn Retriever {
        self.retriever.as_ref()
    }

    /// The documents.
    pub fn documents(&self) -> &dyn Documents {
        self.docs.as_ref()
    }

    /// Human names of the documents `evidence` and `reviews` cite, for an
    /// engine's explanation.
    pub fn sources(&self, evidence: &[Evidence], reviews: &[CitedReview]) -> Sources {
        let ids = evidence
            .iter()
            .map(|e| &e.document)
            .chain(reviews.iter().map(|r| &r.document));
        ids.filter_map(|id| {
            let place = self.docs.place_of(id)?;
            Some((id.clone(), provenance::source_name(self.docs.get(place))))
        })
        .collect()
    }

    /// The claims to check: the `given` texts when there are any (with their
    /// appearances found in the collection), else the claims found in the
    /// documents.
    pub fn claims(&self, given: &[String], options: ClaimOptions) -> Vec<Claim> {
        self.claims_counted(given, options).0
    }

    /// [`Checker::claims`], with how many claims were found in the
    /// documents (given claims count as found, all of them returned).
    pub fn claims_counted(
        &self,
        given: &[String],
        options: ClaimOptions,
    ) -> (Vec<Claim>, claims::ClaimCount) {
        let (claims, count) = self.find_claims(given, options);
        let mut claims: Vec<Claim> = claims.collect();
        self.complete_claims(&mut claims);
        (claims, count)
    }

    /// [`Checker::claims_counted`] before [`Checker::complete_claims`]:
    /// the claims found have the places extraction met, given claims
    /// none. Each is made into a `Claim` as it is taken ([`claims::FoundClaims`]).
    pub fn find_claims(
        &self,
        given: &[String],
        options: ClaimOptions,
    ) -> (claims::FoundClaims, claims::ClaimCount) {
        if given.is_empty() {
            claims::extract_counted(self.docs.as_ref(), options)
        } else {
            let claims = claims::given(given);
            let found = claims.len();
            (claims.into(), claims::ClaimCount { found, more: false })
        }
    }

    /// Completes claims found or given elsewhere (a sharded run's claims
    /// file): adds the places the collection states each one
    /// ([`APPEARANCE_HITS`] best passages searched) and, when it has none,
    /// its claimant from those places.
    pub fn complete_claims(&self, claims: &mut [Claim]) {
        for c in claims {
            claims::find_appearances(c, self.docs.as_ref(), self.retriever(), APPEARANCE_HITS);
            if c.claimant.is_none() {
                c.claimant = self.claimant_from_appearances(c);
            }
        }
    }

    /// The speaker of a quote that states the claim, or the claimant of a
    /// review of it.
    fn claimant_from_appearances(&self, claim: &Claim) -> Option<String> {
        for a in &claim.appearances {
            let Some(i) = self.docs.place_of(&a.document) else {
                continue;
            };
            // Looked at, not kept: a sentence without a speaker repeated
            // across a crawl has every one of its documents looked at.
            let mut speaker = None;
            self.docs.look_at(i, &mut |doc| {
                speaker = doc
                    .quotes
                    .iter()
                    .filter(|q| {
                        q.content.start() < a.span.end() && a.span.start() < q.content.end()
                    })
                    .find_map(|q| q.speaker.as_ref().map(|s| s.name.clone()));
            });
            if speaker.is_some() {
                return speaker;
            }
        }
        self.reviews(claim)
            .into_iter()
            .find_map(|r| r.review.claimant)
    }

    /// The published reviews whose reviewed claim matches `claim`, best
    /// match first; copies of one review (same reviewer, label and claim)
    /// are cited once.
    pub fn reviews(&self, claim: &Claim) -> Vec<CitedReview> {
        let mut out: Vec<CitedReview> = Vec::new();
        let statement = words::Statement::new(&claim.text);
        let normalized = veracity_model::id::normalize_for_id(&claim.text);
        for entry in &self.reviews {
            let (d, r) = (entry.doc, &entry.review);
            let mut sim = statement.similarity(&entry.statement);
            if normalized == entry.normalized {
                sim = 1.0;
            }
            if sim < MERGE_THRESHOLD {
                continue;
            }
            out.push(CitedReview {
                document: self.docs.get(d).id.clone(),
                similarity: (sim.min(1.0) * 10_000.0).round() / 10_000.0,
                review: r.clone(),
            });
        }
        out.sort_by(|a, b| {
            b.similarity
                .total_cmp(&a.similarity)
                .then_with(|| a.document.cmp(&b.document))
        });
        let key = |r: &CitedReview| {
            (
                r.review
                    .reviewer
                    .as_deref()
                    .map(veracity_model::id::normalize_for_id),
                veracity_model::scale::label_key(&r.review.rating.label),
                words::term_set(&r.review.claim)
                    .into_iter()
                    .collect::<std::collections::BTreeSet<_>>(),
            )
        };
        let mut seen = Vec::new();
        out.retain(|r| {
            let k = key(r);
            if seen.contains(&k) {
                false
            } else {
                seen.push(k);
                true
            }
        });
        out
    }

    /// The evidence for `claim`: up to `top_k` passages, stance-scored,
    /// adjusted by the cues, with provenance roles and weights.
    ///
    /// `POOL_FACTOR` × `top_k` candidates are retrieved (by the whole
    /// claim and by each of its parts) and scored in one batch; half the
    /// slots go to the most relevant, the rest to the strongest refutation
    /// among the others (relevance × the probability of disagree).
    /// A passage that refutes a claim often shares few of its words ("an
    /// airstrike against a senior al-Nusra leader" against "does not strike
    /// al-Nusra"), and would otherwise be lost behind passages that merely
    /// repeat the claim.
    pub fn evidence(&self, claim: &Claim, top_k: usize) -> Vec<veracity_model::Evidence> {
        let prepared = cues::PreparedClaim::new(&claim.text);
        let candidates = self.candidates(&claim.text, &prepared, top_k.saturating_mul(POOL_FACTOR));
        let texts: Vec<&str> = candidates
            .iter()
            .map(|&(p, _)| {
                let p = self.retriever.passage(p);
                self.docs.get(p.doc as usize).slice(p.span)
            })
            .collect();
        let stances = self.scorer.score_batch(&claim.text, &texts);
        let scored = candidates
            .iter()
            .zip(stances)
            .zip(&texts)
            .map(|((&(p, relevance), stance), t)| {
                let p = self.retriever.passage(p);
                let found = cues::cues(&prepared, t);
                let adjusted = cues::adjust(stance, &found);
                Scored {
                    doc: p.doc as usize,
                    span: p.span,
                    relevance: f64::from(relevance),
                    stance: adjusted,
                    model_label: stance.label,
                    cues: if adjusted.label != stance.label {
                        found.iter().map(|c| c.reason.clone()).collect()
                    } else {
                        Vec::new()
                    },
                }
            })
            .collect();
        provenance::assess(claim, self.docs.as_ref(), select(scored, top_k))
    }

    /// Up to `k` passages ranked against the claim and, for a claim of
    /// several parts (see `cues::claim_parts`), up to `k` more ranked
    /// against each part: (passage, relevance to the whole claim), most
    /// relevant first.
    ///
    /// At most [`MAX_COPIES`] passages of one text (compared by letters and
    /// digits, case-folded) enter per query: a quote repeated by thousands of
    /// documents must not crowd everything else out of the pool.
    fn candidates(&self, claim: &str, prepared: &cues::PreparedClaim, k: usize) -> Vec<(u32, f32)> {
        let mut found: Vec<u32> = Vec::new();
        for query in candidate_queries(claim, prepared) {
            found.extend(self.capped_search(query, k).iter().map(|h| h.passage));
        }
        if prepared.parts().count() > 1 {
            found.sort_unstable();
            found.dedup();
        }
        let mut hits: Vec<(u32, f32)> = self
            .retriever
            .score(claim, &found)
            .iter()
            .map(|h| (h.passage, h.relevance))
            .collect();
        // Ties go to the passage first in the collection.
        let place = |p: u32| {
            let p = self.retriever.passage(p);
            (p.doc, p.span.start())
        };
        hits.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| place(a.0).cmp(&place(b.0)))
        });
        hits
    }

    /// The `k` passages ranking highest against `query`, at most
    /// [`MAX_COPIES`] of one text.
    pub(crate) fn capped_search(&self, query: &str, k: usize) -> Vec<Hit> {
        if let Some(hits) = self.retriever.search_capped(query, k, MAX_COPIES) {
            return hits;
        }
        let mut copies: FxHashMap<u64, usize> = FxHashMap::default();
        self.retriever.search_where(query, k, &mut |p| {
            let n = copies.entry(self.text_key(p)).or_insert(0);
            *n += 1;
            *n <= MAX_COPIES
        })
    }

    /// A hash of a passage's letters and digits, case-folded: equal for
    /// copies of one text.
    pub(crate) fn text_key(&self, passage: u32) -> u64 {
        self.retriever.text_key(passage).unwrap_or_else(|| {
            let p = self.retriever.passage(passage);
            crate::retrieve::text_key(self.docs.get(p.doc as usize).slice(p.span))
        })
    }

    /// The verdict of `engine` on `claim`.
    pub fn verdict(
        &self,
        claim: &Claim,
        engine: &dyn Engine,
        scale: &RatingScale,
        top_k: usize,
    ) -> Result<Verdict, EngineError> {
        self.gather(claim, top_k).rate(claim, engine, scale)
    }

    /// What an engine weighs for `claim`: its evidence (`top_k` passages),
    /// the published reviews of it, the documents that bear on it and
    /// their names. The costly half of a verdict, and the half that can run
    /// for many claims at once; [`Gathered::rate`] is the engine's.
    pub fn gather(&self, claim: &Claim, top_k: usize) -> Gathered {
        let evidence = self.evidence(claim, top_k);
        let reviews = self.reviews(claim);
        let documents = self.bearing_documents(claim, &evidence);
        let sources = self.sources(&evidence, &reviews);
        Gathered {
            evidence,
            reviews,
            documents,
            sources,
        }
    }

    /// The documents that bear on `claim`: those with a passage of
    /// `evidence` that relates to it (stance not `unrelated`) and is not a
    /// copy, each with its voice, in the evidence's order.
    pub fn bearing_documents(&self, claim: &Claim, evidence: &[Evidence]) -> Vec<DocumentVoice> {
        let model: &VerdictModel = match self.model {
            Some(m) => m,
            None => VerdictModel::builtin(),
        };
        let docs = self.bearing_indices(claim, evidence);
        let inputs = self.voice_inputs(claim, &docs, evidence);
        docs.iter()
            .zip(inputs)
            .map(|(&i, (headline, input))| {
                let id = &self.docs.get(i).id;
                let only_reports = self.reports_claimant(claim, evidence, id);
                DocumentVoice {
                    document: id.clone(),
                    headline,
                    voice: if only_reports {
                        Voice::REPORTS
                    } else {
                        model.voice(&input)
                    },
                    input,
                    reports_claimant: only_reports,
                }
            })
            .collect()
    }

    /// True when the claim has a known claimant and everything `document`
    /// says about it in `evidence` is the claimant's words or a report of
    /// them: the document reports the claim, whatever its tone. A report
    /// that contradicts the claim ("the report says 1.2 million, well short
    /// of two million") is more than a report.
    pub fn reports_claimant(
        &self,
        claim: &Claim,
        evidence: &[Evidence],
        document: &veracity_model::DocumentId,
    ) -> bool {
        claim.claimant.is_some()
            && evidence
                .iter()
                .filter(|e| &e.document == document && e.stance.label != StanceLabel::Unrelated)
                .all(|e| {
                    e.role == EvidenceRole::Attribution && e.stance.label != StanceLabel::Disagree
                })
    }

    /// The collection indices of the documents that bear on a claim with
    /// this evidence (see [`Checker::bearing_documents`]).
    pub fn bearing_indices(&self, claim: &Claim, evidence: &[Evidence]) -> Vec<usize> {
        let claim_terms = words::term_set(&claim.text);
        let mut docs: Vec<usize> = Vec::new();
        for e in evidence {
            let copy_or_claimant =
                matches!(e.role, EvidenceRole::Duplicate | EvidenceRole::Claimant);
            if e.stance.label == StanceLabel::Unrelated || copy_or_claimant {
                continue;
            }
            // A cue (a contradicting figure, a negated predicate) has
            // already checked that the passage is about the claim.
            let cued = e.stance.label == StanceLabel::Disagree;
            if !cued && words::coverage(&claim_terms, &words::term_set(&e.text)) < BEARING_COVERAGE
            {
                continue;
            }
            if let Some(i) = self.docs.place_of(&e.document)
                && !docs.contains(&i)
            {
                docs.push(i);
            }
        }
        docs
    }

    /// What the voice model reads of each of `docs` (indices into the
    /// collection) about `claim`: the headline (the title, else the first
    /// sentence) when it covers at least [`HEADLINE_COVERAGE`] of the
    /// claim, else the document's most relevant passage in `evidence`;
    /// its stance (cues applied) and the cue words of the document's
    /// opening.
    pub fn voice_inputs(
        &self,
        claim: &Claim,
        docs: &[usize],
        evidence: &[Evidence],
    ) -> Vec<(String, VoiceInput)> {
        let claim_terms = &words::term_set(&claim.text);
        let texts: Vec<String> = docs
            .iter()
            .map(|&i| {
                let doc = self.docs.get(i);
                let headline = doc
                    .title
                    .as_deref()
                    .filter(|t| !t.trim().is_empty())
                    .map(str::to_owned)
                    .or_else(|| doc.sentences.first().map(|s| doc.slice(*s).to_owned()))
                    .unwrap_or_default();
                let covers = words::coverage(claim_terms, &words::term_set(&headline));
                if covers >= HEADLINE_COVERAGE {
                    return headline;
                }
                evidence
                    .iter()
                    .filter(|e| e.document == doc.id)
                    .max_by(|a, b| a.relevance.total_cmp(&b.relevance))
                    .map_or(headline, |e| e.text.clone())
            })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let prepared = cues::PreparedClaim::new(&claim.text);
        let stances = self.scorer.score_batch(&claim.text, &refs);
        texts
            .into_iter()
            .zip(stances)
            .zip(docs)
            .map(|((text, stance), &i)| {
                let stance = cues::adjust(stance, &cues::cues(&prepared, &text));
                let lead = CueFlags::of_lead(&self.docs.get(i).text);
                let input = VoiceInput::new(claim_terms, &text, lead, stance.scores);
                (text, input)
            })
            .collect()
    }
}

/// The queries a claim's candidate passages are searched with: the whole
/// claim and, for a claim of several parts, each part.
pub(crate) fn candidate_queries<'c>(
    claim: &'c str,
    prepared: &'c cues::PreparedClaim,
) -> Vec<&'c str> {
    let mut queries = vec![claim];
    if prepared.parts().count() > 1 {
        queries.extend(prepared.parts());
    }
    queries
}

/// Chooses `top_k` of the scored candidates (given most relevant first):
/// the more relevant half of the slots by relevance, the rest by relevance ×
/// the probability of disagree. Only refutation gets the extra slots:
/// supporting evidence restates the claim, so it ranks high on relevance
/// anyway, while refuting evidence often says something else in other words.
/// Returned most relevant first.
fn select(mut scored: Vec<Scored>, top_k: usize) -> Vec<Scored> {
    let by_relevance = top_k.div_ceil(2).min(scored.len());
    let mut rest = scored.split_off(by_relevance);
    let strength = |s: &Scored| s.relevance * s.stance.scores.disagree;
    rest.sort_by(|a, b| strength(b).total_cmp(&strength(a)));
    rest.truncate(top_k - by_relevance);
    scored.extend(rest);
    scored.sort_by(|a, b| {
        b.relevance
            .total_cmp(&a.relevance)
            .then_with(|| (a.doc, a.span.start()).cmp(&(b.doc, b.span.start())))
    });
    scored
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{EngineRegistry, EvidenceEngine};
    use crate::scorer::LexicalScorer;
    use crate::testutil::{doc, with_quote};
    use veracity_model::{EvidenceRole, RatingClass, ScaleRegistry};

    fn corpus() -> Vec<Document> {
        let q = "The plant already supplies forty percent of the city's drinking water";
        vec![
            with_quote(
                doc(
                    "gazette",
                    &format!(
                        "\"{q},\" Mayor Dana Whitfield said on Tuesday. The mayor repeated it at a rally."
                    ),
                ),
                q,
                "Dana Whitfield",
            ),
            doc(
                "wire",
                "According to the utility's annual report, the plant supplied 12 percent of the city's drinking water in 2025. It was offline for 41 days.",
            ),
            doc(
                "blog",
                "The water authority's figures show the plant supplied only 12% of the city's drinking water last year. Residents were surprised.",
            ),
            doc(
                "beach",
                "Volunteers collected 300 kilograms of litter on the north beach on Saturday morning.",
            ),
        ]
    }

    #[test]
    fn end_to_end_refutes_with_independent_evidence() {
        let docs = corpus();
        let checker = Checker::new(&docs, &LexicalScorer);
        let claims = checker.claims(
            &["The plant already supplies forty percent of the city's drinking water".into()],
            ClaimOptions::default(),
        );
        assert_eq!(claims.len(), 1);
        assert_eq!(claims[0].claimant.as_deref(), Some("Dana Whitfield"));
        let scale = ScaleRegistry::builtin().get("veracity").unwrap();
        let v = checker
            .verdict(&claims[0], &EvidenceEngine::default(), scale, 20)
            .unwrap();
        assert!(
            matches!(
                v.rating.class,
                RatingClass::False | RatingClass::MostlyFalse
            ),
            "{v:#?}"
        );
        assert!(
            v.evidence
                .iter()
                .any(|e| e.role == EvidenceRole::Attribution)
        );
        assert!(v.explanation.contains("Strongest evidence against"));
        // Deterministic.
        let v2 = checker
            .verdict(&claims[0], &EvidenceEngine::default(), scale, 20)
            .unwrap();
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            serde_json::to_string(&v2).unwrap()
        );
    }

    #[test]
    fn attribution_alone_never_makes_it_true() {
        let q = "The coalition strikes exclusively Daesh and never touches the Front";
        let docs: Vec<Document> = (0..4)
            .map(|i| {
                with_quote(
                    doc(
                        &format!("d{i}"),
                        &format!("\"{q},\" Lavrov said on day {i}."),
                    ),
                    q,
                    "Sergei Lavrov",
                )
            })
            .collect();
        let checker = Checker::new(&docs, &LexicalScorer);
        let claims = checker.claims(&[q.to_owned()], ClaimOptions::default());
        let scale = ScaleRegistry::builtin().get("veracity").unwrap();
        let v = checker
            .verdict(
                &claims[0],
                EngineRegistry::builtin().require("evidence").unwrap(),
                scale,
                20,
            )
            .unwrap();
        assert_eq!(v.rating.class, RatingClass::Unverified, "{}", v.explanation);
        assert!(v.evidence.iter().all(|e| e.weight == 0.0));
    }
}
