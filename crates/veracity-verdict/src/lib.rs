//! Claims + documents → verdicts.
//!
//! The stages of the verdict pipeline, each a function of the previous value:
//! claims are found (reviewed claims, attributed quotes, check-worthy
//! sentences, near-duplicates merged); passages of the collection are ranked
//! against each claim with BM25 ([`Index`]); a [`StanceScorer`] (the FNC-1
//! model of `veracity-stance`, or the [`LexicalScorer`] baseline) scores
//! each passage, and the cues correct it where numbers or negation
//! contradict the claim; provenance gives each passage a role and a weight
//! (a report that someone said X is not evidence that X is true); an
//! [`Engine`] turns that into a [`Verdict`](veracity_model::Verdict). The
//! [`Checker`] runs the stages over one collection. A document confidently
//! detected in a language other than English is set aside ([`set_aside`]):
//! the models read English only.
//!
//! All text analysis comes from `veracity-text`. Nothing here prints, exits
//! or touches the file system.
//!
//! ```
//! use veracity_verdict::{Checker, ClaimOptions, EngineRegistry, LexicalScorer, DEFAULT_TOP_K};
//!
//! let page = "The council said on Monday that the new bridge cost 40 million euros to build.";
//! let docs = veracity_parse::parse(page.as_bytes(), "bridge.txt", &Default::default())
//!     .unwrap()
//!     .documents;
//! let checker = Checker::new(&docs, &LexicalScorer);
//! let claims = checker.claims(&["The bridge cost 40 million euros.".into()], ClaimOptions::default());
//! let engines = EngineRegistry::builtin();
//! let scale = veracity_model::ScaleRegistry::builtin().get("veracity").unwrap();
//! let verdict = checker
//!     .verdict(&claims[0], engines.require("evidence").unwrap(), scale, DEFAULT_TOP_K)
//!     .unwrap();
//! assert_eq!(verdict.claim, claims[0].id);
//! ```

#![deny(missing_docs)]

mod check;
mod claims;
mod cues;
mod documents;
mod engine;
mod index;
mod language;
mod model;
mod parallel;
mod provenance;
mod retrieve;
mod scatter;
mod scorer;
mod voice;

#[cfg(test)]
mod testutil;

pub use check::{
    APPEARANCE_HITS, Checker, DEFAULT_TOP_K, Gathered, HEADLINE_COVERAGE, MAX_COPIES, POOL_FACTOR,
    Reviews,
};
pub use claims::{
    ClaimCount, ClaimOptions, FoundClaims, given as given_claims,
    merge_shards as merge_claim_candidates, shard_candidates as claim_candidates,
};
pub use cues::{Cue, PreparedClaim, adjust as apply_cues, cues as find_cues};
pub use documents::{Documents, InMemory, reviews_of, share};
pub use engine::{
    Aggregate, AggregateParams, Engine, EngineError, EngineRegistry, EngineRequest, EvidenceEngine,
    ReviewEngine, SENTENCE_DECISIVE, Sources, aggregate, aggregate_totals, decide, rating_on,
};
pub use index::{Hit, Index, IndexedPassage, Passage, Statistics, indexed_passages};
pub use language::{MIN_LANGUAGE_CONFIDENCE, MODEL_LANGUAGES, carries_weight, set_aside};
pub use model::{
    CLAIM_CLASSES, CLAIM_FEATURES, DocumentVoice, Logistic, MODEL_FORMAT, ModelError,
    VOICE_CLASSES, VerdictModel, claim_features, softmax, voice_of,
};
pub use parallel::{map_parts, map_taking_turns};
pub use provenance::{Scored, assess as assess_provenance, source_names};
pub use retrieve::{Retriever, text_key};
pub use scatter::{GatherError, GatheredRetriever, GatheredScorer, ShardAnswers};
pub use scorer::{LexicalScorer, StanceScorer};
pub use voice::{
    CueFlags, LEAD_WORDS, VOICE_FEATURES, Voice, VoiceInput, VoiceLabel,
    lexicon_fingerprint as voice_lexicon_fingerprint,
};
