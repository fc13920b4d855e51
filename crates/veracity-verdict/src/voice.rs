//! Voice: how a text speaks about a claim. A headline or passage can
//! **assert** the claim (state it in its own voice, confirm it), only
//! **report** it (pass it on hedged: "reportedly", "a report says", a
//! question), or **deny** it (a denial, a debunk). Reports carry no weight
//! however many there are; the balance of assertions and denials among the
//! documents that bear on a claim is what the verdict model reads.
//!
//! The voice of a text is a logistic regression (weights in
//! `models/verdict-v1.json`, trained by `cargo xtask train verdict` on the
//! annotated headlines of Emergent dev) over [`VoiceInput`]: which of the
//! voice lexicons occur in the text and in the opening of its document, the
//! stance model's probabilities for the pair, and how much of the claim the
//! text covers.

use veracity_model::StanceScores;
use veracity_text::hash::FxHashSet;
use veracity_text::lexicon::{
    Lexicon, NEGATIONS, VOICE_CONFIRM, VOICE_DEBUNK, VOICE_DENIAL, VOICE_HEDGE,
};
use veracity_text::words;

/// Words of a document's opening read as its context.
pub const LEAD_WORDS: usize = 80;

/// The lexicons a voice input records, in feature order.
static CUE_LEXICONS: [&Lexicon; 5] = [
    &VOICE_HEDGE,
    &VOICE_DEBUNK,
    &VOICE_DENIAL,
    &VOICE_CONFIRM,
    &NEGATIONS,
];

/// Which cue lists occur in a text: hedge, debunk, denial, confirmation,
/// negation, and a question mark.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct CueFlags(pub [bool; 6]);

impl CueFlags {
    /// The flags of `text`. A negation that only reports a request ("asked
    /// them not to") is not counted: it denies nothing.
    pub fn of(text: &str) -> CueFlags {
        let w = words::words(&veracity_text::negation::drop_order_negations(text));
        let mut f = [false; 6];
        for (slot, lex) in f.iter_mut().zip(CUE_LEXICONS) {
            *slot = lex.occurs_in(&w);
        }
        f[5] = text.contains('?');
        CueFlags(f)
    }

    /// The flags of the first [`LEAD_WORDS`] words of `text`.
    pub fn of_lead(text: &str) -> CueFlags {
        let end = text
            .split_whitespace()
            .take(LEAD_WORDS)
            .last()
            .map_or(0, |w| {
                w.as_ptr() as usize - text.as_ptr() as usize + w.len()
            });
        CueFlags::of(&text[..end])
    }

    /// Hedged reporting.
    pub fn hedge(&self) -> bool {
        self.0[0]
    }

    /// Debunking words.
    pub fn debunk(&self) -> bool {
        self.0[1]
    }
}

/// What the voice model reads of one text about a claim.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VoiceInput {
    /// The cue lists in the text itself.
    pub text: CueFlags,
    /// The cue lists in the opening of its document.
    pub lead: CueFlags,
    /// The stance model's probabilities for (claim, text).
    pub stance: StanceScores,
    /// The share of the claim's terms the text holds.
    pub coverage: f64,
}

/// Number of voice features.
pub const VOICE_FEATURES: usize = 17;

impl VoiceInput {
    /// Reads `text` (with its document's `lead`) against the claim's terms.
    pub fn new(
        claim_terms: &FxHashSet<String>,
        text: &str,
        lead: CueFlags,
        stance: StanceScores,
    ) -> VoiceInput {
        VoiceInput {
            text: CueFlags::of(text),
            lead,
            stance,
            coverage: words::coverage(claim_terms, &words::term_set(text)),
        }
    }

    /// The feature vector, in the order the weights expect.
    pub fn features(&self) -> [f64; VOICE_FEATURES] {
        let mut x = [0.0; VOICE_FEATURES];
        for (i, &b) in self.text.0.iter().chain(&self.lead.0).enumerate() {
            x[i] = f64::from(u8::from(b));
        }
        x[12] = self.stance.agree;
        x[13] = self.stance.disagree;
        x[14] = self.stance.discuss;
        x[15] = self.stance.unrelated;
        x[16] = self.coverage;
        x
    }
}

/// The voice of a text: probabilities that it asserts, only reports, or
/// denies the claim.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Voice {
    /// States or confirms the claim in its own voice.
    pub asserts: f64,
    /// Passes the claim on without vouching for it.
    pub reports: f64,
    /// Denies or debunks it.
    pub denies: f64,
}

impl Voice {
    /// Certainly a report.
    pub const REPORTS: Voice = Voice {
        asserts: 0.0,
        reports: 1.0,
        denies: 0.0,
    };

    /// The most probable voice.
    pub fn label(&self) -> VoiceLabel {
        if self.denies >= self.asserts && self.denies >= self.reports {
            VoiceLabel::Denies
        } else if self.asserts >= self.reports {
            VoiceLabel::Asserts
        } else {
            VoiceLabel::Reports
        }
    }
}

/// The three voices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoiceLabel {
    /// States or confirms the claim.
    Asserts,
    /// Passes it on.
    Reports,
    /// Denies or debunks it.
    Denies,
}

/// A lexicon fingerprint of the voice inputs: a model trained with other
/// lists is refused.
pub fn lexicon_fingerprint() -> u64 {
    CUE_LEXICONS.iter().fold(0x5eed_u64, |h, l| {
        veracity_text::hash::mix(h, l.fingerprint())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_find_words_and_phrases() {
        let f = CueFlags::of("Photo of giant crab is a hoax, according to experts?");
        assert!(f.hedge() && f.debunk() && f.0[5]);
        assert!(!f.0[2] && !f.0[3]);
        let g = CueFlags::of("Council confirms the library will close in May");
        assert!(
            g.0[3] && g.hedge(),
            "\"may\" is a hedge word even as a month: {g:?}"
        );
        assert_eq!(CueFlags::of(""), CueFlags::default());
    }

    #[test]
    fn lead_is_the_opening_only() {
        let text = format!("{} It was a hoax.", "word ".repeat(LEAD_WORDS));
        assert!(!CueFlags::of_lead(&text).debunk());
        assert!(CueFlags::of(&text).debunk());
    }
}
