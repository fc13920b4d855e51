//! Words and phrases that signal how a text stands toward a claim:
//! refutation, hedging and reporting, negation, confirmation.
//!
//! Two families. The stance model's cue lexicons ([`MODEL_REFUTE`],
//! [`MODEL_HEDGE`], [`MODEL_NEGATION`], [`MODEL_CONFIRM`]) are single words,
//! stemmed and fed to the network one by one; they are part of the trained
//! model's contract. The verdict cues ([`NEGATIONS`], [`NEGATED_AUXILIARIES`],
//! [`REFUTING_PHRASES`], [`CONFIRMING_PHRASES`]) are matched in lowercase
//! text by the rules that adjust a stance; phrases and word stems ("refut",
//! "exaggerat") are allowed there. All were written for this project, from
//! the wording of FNC-1 headlines and of published fact-checks.

use super::Lexicon;

/// Refuting words the stance model sees as cue inputs.
pub static MODEL_REFUTE: Lexicon = Lexicon::new(
    "model-refute",
    "written for this project: words of FNC-1 disagreeing headlines",
    &[
        "fake",
        "fraud",
        "hoax",
        "false",
        "deny",
        "denies",
        "denied",
        "denial",
        "not",
        "despite",
        "nope",
        "doubt",
        "doubts",
        "bogus",
        "debunk",
        "debunked",
        "debunks",
        "prank",
        "pranks",
        "retract",
        "retracted",
        "untrue",
        "misleading",
        "refute",
        "refuted",
        "refutes",
        "dispute",
        "disputes",
        "disputed",
        "incorrect",
        "wrong",
        "myth",
        "satire",
        "satirical",
        "fabricated",
        "baseless",
        "unfounded",
        "lie",
        "lies",
        "lied",
        "contrary",
        "dismiss",
        "dismissed",
        "reject",
        "rejects",
        "rejected",
        "fiction",
        "fictional",
        "scam",
        "never",
        "no",
        "nonsense",
    ],
);

/// Hedging and reporting words the stance model sees as cue inputs.
pub static MODEL_HEDGE: Lexicon = Lexicon::new(
    "model-hedge",
    "written for this project: reporting verbs, hedges, modals",
    &[
        "reportedly",
        "allegedly",
        "alleged",
        "claim",
        "claims",
        "claimed",
        "according",
        "said",
        "says",
        "report",
        "reports",
        "reported",
        "sources",
        "source",
        "rumor",
        "rumour",
        "rumors",
        "rumours",
        "unconfirmed",
        "apparently",
        "purportedly",
        "supposedly",
        "may",
        "might",
        "could",
        "possibly",
        "perhaps",
        "suggest",
        "suggests",
        "speculation",
        "speculate",
        "unverified",
        "appears",
        "appear",
        "seems",
        "believed",
        "likely",
        "if",
        "whether",
        "tweet",
        "tweeted",
        "told",
        "stated",
        "statement",
    ],
);

/// Negation words the stance model sees as cue inputs.
pub static MODEL_NEGATION: Lexicon = Lexicon::new(
    "model-negation",
    "written for this project: English negators",
    &[
        "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot",
        "nowhere", "hardly",
    ],
);

/// Confirming words the stance model sees as cue inputs.
pub static MODEL_CONFIRM: Lexicon = Lexicon::new(
    "model-confirm",
    "written for this project: words of FNC-1 agreeing headlines",
    &[
        "confirm",
        "confirmed",
        "confirms",
        "official",
        "officially",
        "announced",
        "announce",
        "indeed",
        "true",
        "verified",
        "proof",
        "proved",
        "revealed",
        "reveals",
        "shows",
        "showed",
        "evidence",
        "actually",
        "fact",
    ],
);

/// Words that negate what follows, for the verdict cues' negation scope.
pub static NEGATIONS: Lexicon = Lexicon::new(
    "negations",
    "written for this project: English negators",
    &[
        "not", "no", "never", "neither", "nor", "without", "none", "nothing",
    ],
);

/// Auxiliaries that a following "t" (from "n't", split by the word
/// iterator) turns into a negation: "don" "t".
pub static NEGATED_AUXILIARIES: Lexicon = Lexicon::new(
    "negated-auxiliaries",
    "written for this project: contracted negative auxiliaries",
    &[
        "don", "doesn", "didn", "isn", "wasn", "aren", "weren", "hasn", "haven", "hadn", "won",
        "can", "couldn", "shouldn", "wouldn",
    ],
);

/// Phrases (or stems) that say a statement is wrong, matched in lowercase text.
pub static REFUTING_PHRASES: Lexicon = Lexicon::new(
    "refuting-phrases",
    "written for this project: fact-check rating wording",
    &[
        "false",
        "untrue",
        "not true",
        "incorrect",
        "inaccurate",
        "misleading",
        "debunk",
        "no evidence",
        "contrary to",
        "runs counter",
        "run counter",
        "contradict",
        "disputed",
        "denied",
        "denies",
        "deny",
        "wrong",
        "myth",
        "hoax",
        "fake",
        "exaggerat",
        "overstat",
        "does not support",
        "do not support",
        "did not support",
        "not supported",
        "no sign",
        "is not the case",
        "rather than",
        "refut",
        "not accurate",
        "no basis",
    ],
);

/// Phrases that say a statement is right, matched in lowercase text.
pub static CONFIRMING_PHRASES: Lexicon = Lexicon::new(
    "confirming-phrases",
    "written for this project: fact-check rating wording",
    &[
        "confirmed",
        "confirms",
        "accurate",
        "is correct",
        "indeed",
        "verified",
        "consistent with",
    ],
);

/// Words after a negator that make it no negation of a predicate ("not
/// only", "not just", "no doubt" is handled as a denial of "doubt").
pub static NEGATION_EXCEPTIONS: Lexicon = Lexicon::new(
    "negation-exceptions",
    "written for this project: English 'not only' constructions",
    &["only", "just", "merely", "simply", "least", "necessarily"],
);

/// Adverbs skipped between a negation and the predicate it negates ("has
/// not once been inspected", "did not even target").
pub static SCOPE_ADVERBS: Lexicon = Lexicon::new(
    "scope-adverbs",
    "written for this project: English adverbs that sit inside a negated verb group",
    &[
        "once",
        "even",
        "yet",
        "ever",
        "always",
        "really",
        "actually",
        "quite",
        "so",
        "too",
        "also",
        "still",
        "again",
        "currently",
        "previously",
        "already",
    ],
);

/// Modals of obligation: a negation after one reports what someone should
/// not do ("Russia should use caution and not strike those groups"), not
/// that it was not done.
pub static DEONTIC_MODALS: Lexicon = Lexicon::new(
    "deontic-modals",
    "written for this project: English modals of obligation",
    &[
        "should", "must", "ought", "shall", "shouldn", "mustn", "needn",
    ],
);

/// Forms of "have", "be" and "do" that are the main verb when a determiner
/// follows ("haven't had a full year"): a negation of one denies no content
/// word, and the word after the determiner is no predicate.
pub static LIGHT_VERBS: Lexicon = Lexicon::new(
    "light-verbs",
    "written for this project: English forms of have, be, do and get",
    &[
        "have", "has", "had", "having", "is", "are", "was", "were", "be", "been", "being", "do",
        "does", "did", "get", "got", "gotten",
    ],
);

/// Determiners: after a light verb they open its object.
pub static DETERMINERS: Lexicon = Lexicon::new(
    "determiners",
    "written for this project: English determiners",
    &[
        "a", "an", "the", "any", "much", "many", "enough", "this", "that", "these", "those", "its",
        "their", "his", "her", "our", "my", "your", "some", "one", "such",
    ],
);
