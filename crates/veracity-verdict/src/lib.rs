//! Claims + documents → verdicts.
//!
//! The stages of the verdict pipeline, each a function of the previous value:
//!
//! - [`claims`]: claims from reviews, attributed quotes and check-worthy
//!   sentences, near-duplicates merged;
//! - [`index`]: passages in an in-memory inverted index ranked by BM25 over
//!   Porter stems ([`porter`], [`text`]);
//! - [`scorer`]: the [`StanceScorer`] interface the stance model implements,
//!   plus [`cues`] that catch contradicting numbers and polarity;
//! - [`provenance`]: roles (independent, attribution, claimant, duplicate,
//!   fact-check) and weights;
//! - [`engine`]: the [`Engine`] trait, the [`EngineRegistry`] and the
//!   built-in `evidence` and `review` engines;
//! - [`check`]: the [`Checker`] that runs them over one collection;
//! - [`stance`]: the stance model trained on FNC-1 (`cargo xtask train
//!   stance`), weights embedded in the crate.
//!
//! - [`stance`]: the FNC-1 stance model ([`stance::StanceModel::builtin`]),
//!   trained by `cargo xtask train stance`.
//!
//! Nothing here prints, exits or touches the file system.

pub mod check;
pub mod claims;
pub mod climate_fever;
pub mod cues;
pub mod engine;
pub mod index;
pub mod porter;
pub mod provenance;
pub mod scorer;
pub mod stance;
pub mod text;

#[cfg(test)]
mod testutil;

pub use check::{Checker, DEFAULT_TOP_K};
pub use claims::ClaimOptions;
pub use engine::{
    Aggregate, AggregateParams, Engine, EngineError, EngineRegistry, EvidenceEngine, ReviewEngine,
    Sources,
};
pub use index::Index;
pub use scorer::{LexicalScorer, StanceScorer};
