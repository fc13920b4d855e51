//! How a text speaks about a claim: the words of hedged reporting, of
//! debunking, of denial and of confirmation. The verdict's voice model (a
//! logistic regression trained on the annotated headlines of Emergent dev)
//! reads whether each list occurs in a headline and in the opening of its
//! article; the weights, not these lists, decide what a word is worth.
//!
//! Written for this project from the wording of news headlines that report,
//! debunk, deny or confirm rumours (reading Emergent dev headlines and the
//! style guides' lists of attribution words). Entries are lowercase words;
//! an entry with a space is a phrase matched on consecutive words.

use super::Lexicon;

/// Hedged reporting: the text passes a claim on without vouching for it.
pub static VOICE_HEDGE: Lexicon = Lexicon::new(
    "voice-hedge",
    "written for this project: attribution and hedging in rumour reporting",
    &[
        "reportedly",
        "allegedly",
        "alleged",
        "rumor",
        "rumors",
        "rumored",
        "rumour",
        "rumours",
        "rumoured",
        "claim",
        "claims",
        "claimed",
        "claiming",
        "according to",
        "report",
        "reports",
        "reported",
        "may",
        "might",
        "could",
        "apparently",
        "purportedly",
        "unconfirmed",
        "speculation",
        "speculate",
        "speculated",
        "supposedly",
        "appears",
        "seems",
        "possibly",
        "believed",
        "suggests",
        "suggest",
        "sources say",
        "said to",
        "set to",
    ],
);

/// Debunking: the text says a claim or an image is not genuine.
pub static VOICE_DEBUNK: Lexicon = Lexicon::new(
    "voice-debunk",
    "written for this project: the vocabulary of hoaxes and debunks",
    &[
        "hoax",
        "hoaxes",
        "fake",
        "faked",
        "fakes",
        "false",
        "falsely",
        "debunk",
        "debunked",
        "debunks",
        "satire",
        "satirical",
        "not true",
        "untrue",
        "myth",
        "doctored",
        "photoshopped",
        "fabricated",
        "fabrication",
        "no evidence",
        "retracted",
        "retraction",
        "bogus",
        "scam",
        "prank",
        "misleading",
        "not real",
        "spoof",
        "parody",
    ],
);

/// Denial: the subject or an authority says it is not so.
pub static VOICE_DENIAL: Lexicon = Lexicon::new(
    "voice-denial",
    "written for this project: denials and rebuttals in news wording",
    &[
        "deny",
        "denies",
        "denied",
        "denial",
        "dismiss",
        "dismisses",
        "dismissed",
        "reject",
        "rejects",
        "rejected",
        "refute",
        "refutes",
        "refuted",
        "no plans",
        "shoots down",
        "slams",
    ],
);

/// Confirmation: the subject or an authority says it is so.
pub static VOICE_CONFIRM: Lexicon = Lexicon::new(
    "voice-confirm",
    "written for this project: confirmations and announcements in news wording",
    &[
        "confirm",
        "confirms",
        "confirmed",
        "confirmation",
        "officially",
        "announce",
        "announces",
        "announced",
        "verified",
        "proven",
        "revealed",
        "admit",
        "admits",
        "admitted",
        "acknowledge",
        "acknowledges",
        "acknowledged",
    ],
);
