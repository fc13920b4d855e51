//! Every word list of the analyzer, each a named [`Lexicon`] that says where
//! it came from. Lists live here and nowhere else, so retrieval, the stance
//! model, the cues and the parser read the same words.

mod cues;
mod numbers;
mod speech;
mod stop;

pub use cues::{
    CONFIRMING_PHRASES, MODEL_CONFIRM, MODEL_HEDGE, MODEL_NEGATION, MODEL_REFUTE,
    NEGATED_AUXILIARIES, NEGATIONS, REFUTING_PHRASES,
};
pub use numbers::{irregular, number_word};
pub use speech::{REPORTING_VERBS, SPEECH_VERB_WORDS, SPEECH_VERBS};
pub use stop::{RETRIEVAL_STOP_WORDS, STANCE_STOP_WORDS};

use crate::hash::{fnv1a, mix};
use crate::scan::WordSet;
use std::sync::OnceLock;

/// A named word list: lowercase words (or, where its doc says so, phrases
/// and stems), with a note on where it came from.
#[derive(Debug)]
pub struct Lexicon {
    name: &'static str,
    source: &'static str,
    words: &'static [&'static str],
    set: OnceLock<WordSet>,
}

impl Lexicon {
    /// A lexicon of `words`, called `name`, taken from `source`.
    pub const fn new(
        name: &'static str,
        source: &'static str,
        words: &'static [&'static str],
    ) -> Lexicon {
        Lexicon {
            name,
            source,
            words,
            set: OnceLock::new(),
        }
    }

    /// The lexicon's name, as reports and fingerprints cite it.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Where the words came from.
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// The entries, in their written order.
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }

    /// True when `word` is an entry (exact match; entries are lowercase).
    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| WordSet::new(self.words))
            .contains(word)
    }

    /// A stable hash of the name and the entries in order: a model trained
    /// with this lexicon stores it and refuses another.
    pub fn fingerprint(&self) -> u64 {
        self.words.iter().fold(fnv1a(self.name.as_bytes()), |h, w| {
            mix(h, fnv1a(w.as_bytes()))
        })
    }
}
