//! Every word list of the analyzer, each a named [`Lexicon`] that says where
//! it came from. Lists live here and nowhere else, so retrieval, the stance
//! model, the cues and the parser read the same words.

mod abbreviations;
mod checkworthiness;
mod cues;
mod figures;
mod numbers;
mod speech;
mod stop;
mod voice;

pub use abbreviations::{ABBREVIATIONS, NUMBER_ABBREVIATIONS, TITLE_ABBREVIATIONS};
pub use checkworthiness::{
    CHECKWORTHY_BOILERPLATE, CHECKWORTHY_COMPARATIVES, CHECKWORTHY_FACTUAL_VERBS,
    CHECKWORTHY_OPINION,
};
pub use cues::{
    CONFIRMING_PHRASES, DEONTIC_MODALS, DETERMINERS, LIGHT_VERBS, MODEL_CONFIRM, MODEL_HEDGE,
    MODEL_NEGATION, MODEL_REFUTE, NEGATED_AUXILIARIES, NEGATION_EXCEPTIONS, NEGATIONS,
    REFUTING_PHRASES, SCOPE_ADVERBS,
};
pub use figures::{
    APPROXIMATE_HEDGES, CLOCK_WORDS, CURRENCIES, FIGURE_GENERIC_TERMS, FRACTIONS,
    LOWER_BOUND_HEDGES, MONTHS, MULTIPLIERS, NEAR_HEDGES, NUMBER_LABELS, ORDINAL_MARKERS,
    UPPER_BOUND_HEDGES, WEEKDAYS,
};
pub use numbers::{irregular, number_word};
pub use speech::{
    ATTRIBUTION_VERBS, CLAIM_LABELS, CLAIM_OBJECTS, GENERIC_SPEAKERS, REPORTING_VERBS,
    SPEECH_VERB_WORDS, SPEECH_VERBS,
};
pub use stop::{FUNCTION_WORDS, RETRIEVAL_STOP_WORDS, STANCE_STOP_WORDS};
pub use voice::{VOICE_CONFIRM, VOICE_DEBUNK, VOICE_DENIAL, VOICE_HEDGE};

use crate::hash::{fnv1a, mix};
use crate::scan::WordSet;
use std::sync::OnceLock;

/// A named word list: lowercase words (or, where its doc says so, phrases
/// and stems), with a note on where it came from. A lexicon may extend a
/// shared base list, so two lists that differ in a few words are written as
/// the base plus each one's own words.
#[derive(Debug)]
pub struct Lexicon {
    name: &'static str,
    source: &'static str,
    base: &'static [&'static str],
    extra: &'static [&'static str],
    set: OnceLock<WordSet>,
}

impl Lexicon {
    /// A lexicon of `words`, called `name`, taken from `source`.
    pub const fn new(
        name: &'static str,
        source: &'static str,
        words: &'static [&'static str],
    ) -> Lexicon {
        Lexicon::extending(name, source, words, &[])
    }

    /// A lexicon of the words of `base` and those of `extra`.
    pub const fn extending(
        name: &'static str,
        source: &'static str,
        base: &'static [&'static str],
        extra: &'static [&'static str],
    ) -> Lexicon {
        Lexicon {
            name,
            source,
            base,
            extra,
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

    /// The entries, in their written order (the base list's first).
    pub fn words(&self) -> impl Iterator<Item = &'static str> + use<> {
        self.base.iter().chain(self.extra).copied()
    }

    /// The entries as a set, built on first use.
    pub fn set(&self) -> &WordSet {
        self.set
            .get_or_init(|| WordSet::new(&self.words().collect::<Vec<_>>()))
    }

    /// True when `word` is an entry (exact match; entries are lowercase).
    pub fn contains(&self, word: &str) -> bool {
        self.set().contains(word)
    }

    /// True when `words` (lowercase, in order) hold an entry: a word, or a
    /// phrase of consecutive words.
    pub fn occurs_in(&self, words: &[String]) -> bool {
        if words.iter().any(|w| self.contains(w)) {
            return true;
        }
        self.words().filter(|e| e.contains(' ')).any(|phrase| {
            let parts: Vec<&str> = phrase.split(' ').collect();
            words
                .windows(parts.len())
                .any(|w| w.iter().zip(&parts).all(|(a, b)| a == b))
        })
    }

    /// A stable hash of the name and the entries in order: a model trained
    /// with this lexicon stores it and refuses another.
    pub fn fingerprint(&self) -> u64 {
        self.words().fold(fnv1a(self.name.as_bytes()), |h, w| {
            mix(h, fnv1a(w.as_bytes()))
        })
    }
}
