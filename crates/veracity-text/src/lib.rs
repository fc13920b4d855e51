//! The one English analyzer of veracity.
//!
//! Every crate that reads text reads it through here, so a word is the same
//! word to the parser, retrieval, the stance model and the verdict cues:
//!
//! - [`sentences`]: the sentence splitter, one abbreviation list;
//! - [`words`]: lowercase words and retrieval terms, with set similarities;
//! - [`figures`]: the numbers that count something, with what they count;
//! - [`negation`]: which predicate each negation denies;
//! - [`tokens`]: the hashed, byte-spanned token stream of the stance model;
//! - [`stem`]: the Porter stemmer;
//! - [`lexicon`]: every word list, each a named [`lexicon::Lexicon`] that
//!   says where it came from;
//! - [`bm25`]: the ranking function;
//! - [`scan`]: allocation-free byte scans for the parser's hot loops;
//! - [`hash`]: stable text hashes for models, Fx maps for memory;
//! - [`bits`]: the set bits of a word, for the bit sets of hot loops.
//!
//! No I/O; nothing here prints or panics on input.

#![deny(missing_docs)]

pub mod bits;
pub mod bm25;
pub mod figures;
pub mod hash;
pub mod lexicon;
pub mod names;
pub mod negation;
pub mod scan;
pub mod sentences;
pub mod stem;
pub mod tokens;
pub mod words;

/// The version of the analysis a trained model depends on (tokenizer rules,
/// sentence splitter, stemmer, stance stop list, abbreviations, cue
/// lexicons). Raise it when any of them changes in a way a list fingerprint
/// would not see, such as a tokenizer rule; then retrain (`cargo xtask train
/// stance`).
pub const ANALYZER_VERSION: u32 = 2;

/// A fingerprint of everything a trained stance model depends on: the
/// analyzer version, the stance stop list, the abbreviations the sentence
/// splitter knows, the stemmer's output on a fixed probe and the model's cue
/// lexicons. Weights files store it and a model refuses to load under
/// another.
pub fn analyzer_fingerprint() -> u64 {
    use hash::{fnv1a, mix};
    use lexicon::{
        ABBREVIATIONS, MODEL_CONFIRM, MODEL_HEDGE, MODEL_NEGATION, MODEL_REFUTE,
        NUMBER_ABBREVIATIONS, STANCE_STOP_WORDS,
    };
    const STEMMER_PROBE: &[&str] = &[
        "caresses",
        "ponies",
        "agreed",
        "hopping",
        "relational",
        "generalization",
        "hopefulness",
        "adoption",
        "controlling",
        "denied",
        "hoaxes",
        "striking",
    ];
    let mut h = mix(fnv1a(b"veracity-text"), u64::from(ANALYZER_VERSION));
    for lexicon in [
        &STANCE_STOP_WORDS,
        &MODEL_REFUTE,
        &MODEL_HEDGE,
        &MODEL_NEGATION,
        &MODEL_CONFIRM,
        &ABBREVIATIONS,
        &NUMBER_ABBREVIATIONS,
    ] {
        h = mix(h, lexicon.fingerprint());
    }
    for word in STEMMER_PROBE {
        h = mix(h, fnv1a(stem::stem(word).as_bytes()));
    }
    h
}
