//! Stop words: function words that carry no topic.
//!
//! One base list, [`FUNCTION_WORDS`], and two stop lists built on it, on
//! purpose: retrieval also drops negations and reporting verbs (the cues
//! read polarity from the raw words, and "said" is in every news passage),
//! while the stance model keeps negations as content (they are its strongest
//! disagree signal) and drops a few fillers of news headlines instead. All
//! were written for this project.

use super::Lexicon;

/// English function words, pronouns, contraction pieces ("s", "t", "ll")
/// and honorifics: the stop words both lists share.
pub const FUNCTION_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "my",
    "myself",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "said",
    "says",
    "say",
    "s",
    "t",
    "mr",
    "mrs",
    "ms",
    "d",
    "ll",
    "re",
    "ve",
    "m",
];

/// The stop words of retrieval, claim merging and the cues: not indexed, not
/// counted as terms.
pub static RETRIEVAL_STOP_WORDS: Lexicon = Lexicon::extending(
    "retrieval-stop-words",
    "written for this project: the function words, plus negations (no, nor, not), reporting words (told, according), modal and quantifying words (must, let, every, even, ever, yet, upon, whose) and the honorific dr",
    FUNCTION_WORDS,
    &[
        "even",
        "ever",
        "every",
        "let",
        "must",
        "no",
        "nor",
        "not",
        "upon",
        "whose",
        "yet",
        "told",
        "according",
        "dr",
    ],
);

/// The stop words of the stance model's tokenizer (flagged, not dropped):
/// part of the trained model's contract.
pub static STANCE_STOP_WORDS: Lexicon = Lexicon::extending(
    "stance-stop-words",
    "written for this project: the function words, plus a few fillers of news headlines (get, got, new, via) and contraction pieces (ca, wo)",
    FUNCTION_WORDS,
    &["new", "get", "got", "via", "wo", "ca"],
);

#[cfg(test)]
mod tests {
    use super::*;

    /// The lists differ by design (see the module doc); this pins how, and
    /// that no extra word repeats a function word.
    #[test]
    fn the_two_lists_differ_only_where_documented() {
        let only = |a: &Lexicon, b: &Lexicon| -> Vec<&str> {
            let mut v: Vec<&str> = a.words().filter(|w| !b.contains(w)).collect();
            v.sort_unstable();
            v
        };
        assert_eq!(
            only(&RETRIEVAL_STOP_WORDS, &STANCE_STOP_WORDS),
            [
                "according",
                "dr",
                "even",
                "ever",
                "every",
                "let",
                "must",
                "no",
                "nor",
                "not",
                "told",
                "upon",
                "whose",
                "yet"
            ]
        );
        assert_eq!(
            only(&STANCE_STOP_WORDS, &RETRIEVAL_STOP_WORDS),
            ["ca", "get", "got", "new", "via", "wo"]
        );
        for lexicon in [&RETRIEVAL_STOP_WORDS, &STANCE_STOP_WORDS] {
            assert_eq!(
                lexicon.words().count(),
                lexicon.set().len(),
                "{}",
                lexicon.name()
            );
        }
    }
}
