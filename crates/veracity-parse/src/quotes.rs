//! Quotes: direct quotes (straight or curly marks, spanning sentences, with
//! [bracketed] insertions) and indirect speech ("Lavrov said that ..."),
//! each with its speaker (name and role), cue verb, and pronouns or
//! descriptions ("he said", "the minister added") resolved to the last
//! compatible named speaker, or left unresolved.

use crate::scan::word_set;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, packed};
use std::collections::HashMap;
use std::sync::OnceLock;
use veracity_model::{Quote, Span, Speaker};

/// A claim a fact-check reviews, with its claimant: the quoted claim in the
/// text is attributed to them.
#[derive(Debug, Clone)]
pub(crate) struct KnownClaim {
    pub claim: String,
    pub name: String,
    pub role: Option<String>,
}

const CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "noted",
    "notes",
    "insisted",
    "insists",
    "claimed",
    "claims",
    "argued",
    "argues",
    "explained",
    "explains",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "emphasizes",
    "asserted",
    "asserts",
    "warned",
    "warns",
    "wrote",
    "writes",
    "declared",
    "declares",
    "announced",
    "suggested",
    "reasoned",
    "remarked",
    "replied",
    "responded",
    "asked",
    "continued",
    "acknowledged",
    "admitted",
    "conceded",
    "confirmed",
    "denied",
    "maintained",
    "observed",
    "recalled",
    "countered",
    "predicted",
    "promised",
    "vowed",
    "alleged",
    "contended",
    "reported",
    "assured",
    "tweeted",
    "posted",
];

/// Words that may stand between a speaker and the cue verb.
const BETWEEN: &[&str] = &[
    "also",
    "later",
    "then",
    "further",
    "again",
    "previously",
    "earlier",
    "has",
    "had",
    "have",
    "reportedly",
    "recently",
    "repeatedly",
    "once",
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "last",
    "week",
    "night",
    "separately",
    "flatly",
    "publicly",
    "privately",
    "simply",
    "bluntly",
    "himself",
    "herself",
    "only",
    "first",
    "would",
    "will",
    "had",
    "has",
    "once",
    "mistakenly",
];

const ROLE_WORDS: &[&str] = &[
    "minister",
    "secretary",
    "president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "mayor",
    "governor",
    "senator",
    "analyst",
    "economist",
    "professor",
    "director",
    "chief",
    "head",
    "chairman",
    "chairwoman",
    "chair",
    "member",
    "councilmember",
    "councilman",
    "councilwoman",
    "official",
    "commissioner",
    "ambassador",
    "general",
    "gen.",
    "brig.",
    "col.",
    "lt.",
    "sgt.",
    "capt.",
    "maj.",
    "dr.",
    "prof.",
    "mr.",
    "mrs.",
    "ms.",
    "sen.",
    "rep.",
    "gov.",
    "commander",
    "envoy",
    "leader",
    "deputy",
    "former",
    "retired",
    "acting",
    "interim",
    "prime",
    "foreign",
    "defense",
    "defence",
    "state",
    "executive",
    "ceo",
    "founder",
    "researcher",
    "scientist",
    "expert",
    "lawyer",
    "attorney",
    "judge",
    "justice",
    "editor",
    "reporter",
    "correspondent",
    "geopolitical",
    "political",
    "military",
    "senior",
    "vice",
    "special",
    "representative",
    "lawmaker",
    "congressman",
    "congresswoman",
    "mp",
    "chancellor",
    "premier",
    "diplomat",
    "officer",
    "manager",
    "coordinator",
    "adviser",
    "advisor",
    "counsel",
    "city",
    "board",
    "council",
    "u.s.",
    "army",
    "navy",
    "top",
    "chief",
    "deputy",
    "assistant",
    "press",
    "communications",
    "general",
    "staff",
    "local",
    "state",
    "federal",
    "regional",
    "police",
    "foreign",
    "affairs",
    "of",
    "for",
    "the",
    "water",
    "utility",
    "finance",
    "health",
    "environment",
    "energy",
    "defense",
    "interior",
    "economy",
    "trade",
    "justice",
];

const ORG_WORDS: &[&str] = &[
    "ministry",
    "department",
    "authority",
    "office",
    "council",
    "institute",
    "agency",
    "committee",
    "commission",
    "government",
    "pentagon",
    "kremlin",
    "coalition",
    "army",
    "observatory",
    "front",
    "party",
    "bank",
    "court",
    "police",
    "service",
    "network",
    "company",
    "corporation",
    "union",
    "organization",
    "organisation",
    "alliance",
    "group",
    "administration",
    "embassy",
    "house",
    "reuters",
    "ap",
    "afp",
    "tass",
    "interfax",
    "university",
    "foundation",
    "association",
    "board",
    "moscow",
    "washington",
    "damascus",
    "kyiv",
    "beijing",
    "london",
    "paris",
    "tehran",
    "ankara",
];

const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "but",
    "and",
    "or",
    "when",
    "while",
    "if",
    "as",
    "in",
    "on",
    "at",
    "so",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "there",
    "here",
    "what",
    "who",
    "which",
    "after",
    "before",
    "since",
    "still",
    "yet",
    "then",
    "also",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "speaking",
    "asked",
    "meanwhile",
    "however",
    "instead",
    "earlier",
    "later",
    "now",
    "today",
    "yesterday",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    comma_after: bool,
    stop_after: bool,
}

fn is_abbrev(core: &str) -> bool {
    core.chars().count() == 1
        || core.contains('.')
        || word_set!(&[
            "gen", "brig", "dr", "col", "lt", "sgt", "capt", "maj", "mr", "mrs", "ms", "sen",
            "rep", "gov", "prof", "st", "jr", "sr",
        ])
        .contains_ascii_lower(core)
}

/// Word tokens of `text[from..to]` with their byte ranges.
fn words(text: &str, from: usize, to: usize) -> Vec<Word<'_>> {
    words_upto(text, from, to, usize::MAX)
}

/// The first `max` words of [`words`]: the same, since a word's flags
/// depend only on the tokens up to the next word.
fn words_upto(text: &str, from: usize, to: usize, max: usize) -> Vec<Word<'_>> {
    let Some(slice) = text.get(from..to) else {
        return Vec::new();
    };
    let mut out: Vec<Word<'_>> = Vec::with_capacity((slice.len() / 5).min(max));
    let b = slice.as_bytes();
    if crate::scan::has_unicode_space(b) {
        for (start, raw) in crate::scan::split_whitespace_at(slice) {
            if out.len() > max {
                break;
            }
            push_token(&mut out, from + start, raw, raw.is_ascii());
        }
    } else {
        // Only ASCII white space: tokens are split on the bytes.
        let mut i = 0;
        loop {
            while i < b.len() && byte_class(b[i]) & SPACE != 0 {
                i += 1;
            }
            if i == b.len() || out.len() > max {
                break;
            }
            let start = i;
            let mut classes = 0;
            while i < b.len() && byte_class(b[i]) & SPACE == 0 {
                classes |= byte_class(b[i]);
                i += 1;
            }
            let raw = &slice[start..i];
            push_token(&mut out, from + start, raw, classes & NON_ASCII == 0);
        }
    }
    out.truncate(max);
    out
}

// What a byte is to the tokenizer (bits of `BYTE_CLASS`).
const ALNUM: u8 = 1;
const ALNUM_OR_DOT: u8 = 2;
/// Ends a phrase when it trails a word: `.;:!?)]`.
const STOP: u8 = 4;
const COMMA: u8 = 8;
/// Opens a parenthesis or bracket: `(` or `[`.
const OPEN: u8 = 16;
/// ASCII white space as `char::is_whitespace` has it (with the vertical tab).
const SPACE: u8 = 32;
const NON_ASCII: u8 = 64;

static BYTE_CLASS: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = match b {
            b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' => ALNUM | ALNUM_OR_DOT,
            b'.' => ALNUM_OR_DOT | STOP,
            b';' | b':' | b'!' | b'?' | b')' | b']' => STOP,
            b',' => COMMA,
            b'(' | b'[' => OPEN,
            b' ' | b'\t'..=b'\r' => SPACE,
            _ => 0,
        };
        i += 1;
    }
    t
};

fn byte_class(b: u8) -> u8 {
    BYTE_CLASS[usize::from(b)]
}

/// Adds the word of one white-space-free token starting at byte `at`, or
/// marks the end of a phrase when the token is only punctuation. An
/// `ascii` token is scanned on byte classes; `char` tests agree there.
fn push_token<'a>(out: &mut Vec<Word<'a>>, at: usize, raw: &'a str, ascii: bool) {
    let b = raw.as_bytes();
    let lead = if ascii {
        b.iter().position(|&c| byte_class(c) & ALNUM != 0)
    } else {
        raw.char_indices()
            .find(|(_, c)| c.is_alphanumeric())
            .map(|(i, _)| i)
    };
    let Some(lead) = lead else {
        // A dash or bullet between words ends a phrase.
        if let Some(last) = out.last_mut() {
            last.stop_after = true;
        }
        return;
    };
    // The lead is a letter or digit: the word is not empty.
    let trail_at = if ascii {
        b.iter()
            .rposition(|&c| byte_class(c) & ALNUM_OR_DOT != 0)
            .map_or(lead + 1, |i| i + 1)
    } else {
        raw.char_indices()
            .rev()
            .find(|(_, c)| c.is_alphanumeric() || *c == '.')
            .map_or(lead + 1, |(i, c)| i + c.len_utf8())
    };
    // Non-ASCII bytes have none of the punctuation classes.
    let classes = |bytes: &[u8]| bytes.iter().fold(0, |k, &c| k | byte_class(c));
    let tail = classes(&b[trail_at..]);
    if classes(&b[..lead]) & OPEN != 0
        && let Some(last) = out.last_mut()
    {
        last.stop_after = true;
    }
    push_word(
        out,
        at + lead,
        &raw[lead..trail_at],
        tail & COMMA != 0,
        tail & STOP != 0,
    );
}

/// Adds a word: `core` from its first letter or digit to its last (or
/// final period), which starts at byte `at`. A final period that is not an
/// abbreviation's ends the phrase and is dropped.
fn push_word<'a>(out: &mut Vec<Word<'a>>, at: usize, core: &'a str, comma_after: bool, stop: bool) {
    let (text, stop_after) = match core.strip_suffix('.') {
        Some(stripped) if !is_abbrev(stripped) => (stripped, true),
        _ => (core, stop),
    };
    out.push(Word {
        start: at,
        end: at + text.len(),
        text,
        comma_after,
        stop_after,
    });
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

fn is_cue(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase) && word_set!(CUES).contains(w)
}

/// For each byte, the lengths (bits) of the cues it starts.
static CUE_FIRST: [u16; 256] = {
    let mut t = [0; 256];
    let mut i = 0;
    while i < CUES.len() {
        let b = CUES[i].as_bytes();
        t[b[0] as usize] |= 1 << b.len();
        i += 1;
    }
    t
};

/// For each byte, whether a cue ends with it.
static CUE_LAST: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < CUES.len() {
        let b = CUES[i].as_bytes();
        t[b[b.len() - 1] as usize] = true;
        i += 1;
    }
    t
};

/// True when some word of `s` may be a cue: some maximal run of ASCII
/// letters and digits is one. A word whose text is a cue is such a run
/// (white space or punctuation on either side; a byte of a non-ASCII char
/// ends a run too, which only adds runs).
fn has_cue_run(s: &str) -> bool {
    let b = s.as_bytes();
    // Runs end at random: the tests on the length and the end letters,
    // which most runs fail, are made at every byte without a branch (`&`,
    // not `&&`), and only a run that passes them is looked up.
    let cue = |start: usize, end: usize, last: u8| {
        let fits = (CUE_FIRST[usize::from(b[start])] >> (end - start).min(15)) & 1 != 0;
        fits & CUE_LAST[usize::from(last)]
    };
    let mut start = 0;
    let mut inside = false;
    let mut last = 0;
    for (i, &c) in b.iter().enumerate() {
        let alnum = c.is_ascii_alphanumeric();
        if !alnum & inside & cue(start, i, last) && word_set!(CUES).contains(&s[start..i]) {
            return true;
        }
        start = if alnum & !inside { i } else { start };
        inside = alnum;
        last = c;
    }
    inside && cue(start, b.len(), last) && word_set!(CUES).contains(&s[start..])
}

/// Where "that" starts in `text`, in any ASCII case, found in one pass.
/// Its 16 spellings go to the packed SIMD searcher (Teddy), which checks
/// only the few "tha"s; a case-insensitive automaton, whose prefilter
/// stops at every "h", serves where Teddy cannot run.
fn thats(text: &str) -> Vec<usize> {
    type Finder = Result<packed::Searcher, AhoCorasick>;
    static FINDER: OnceLock<Finder> = OnceLock::new();
    let finder = FINDER.get_or_init(|| {
        let spellings = (0..16u8).map(|bits| {
            let mut w = *b"that";
            for (k, c) in w.iter_mut().enumerate() {
                if bits & (1 << k) != 0 {
                    c.make_ascii_uppercase();
                }
            }
            w
        });
        packed::Config::new()
            .builder()
            .extend(spellings)
            .build()
            .ok_or_else(that_automaton)
    });
    match finder {
        Ok(teddy) => teddy.find_iter(text).map(|m| m.start()).collect(),
        Err(automaton) => automaton.find_iter(text).map(|m| m.start()).collect(),
    }
}

fn that_automaton() -> AhoCorasick {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(["that"])
        .expect("a static pattern builds")
}

/// Whether `sent` can report speech in the forms [`indirect`] knows,
/// decided on the bytes before any word list is built: a cue word after
/// the last word that ends in a comma ("CLAUSE, SPEAKER CUE") or at most
/// ten words before a "that" ("SPEAKER CUE [object] that CLAUSE").
/// `thats` are where the words "that" of `sent` start.
fn may_report(sent: &str, mut thats: impl Iterator<Item = usize>) -> bool {
    // A comma, like "that", ends a run: the runs before "that" or after a
    // comma are the sentence's.
    last_word_comma(sent).is_some_and(|c| has_cue_run(&sent[c + 1..]))
        || thats.any(|t| has_cue_run(&sent[tokens_before(sent.as_bytes(), t, 10)..t]))
}

/// Where the `n`th token before the one holding byte `at` starts, tokens
/// split at ASCII white space (other white space only makes the reach
/// longer). Between a cue and its "that", [`indirect`] allows nine words
/// and no other token (a dash or bracket there ends the phrase).
fn tokens_before(b: &[u8], at: usize, n: usize) -> usize {
    let space = |i: usize| byte_class(b[i - 1]) & SPACE != 0;
    let mut i = at;
    // The start of the token holding `at`, then of each token before it.
    while i > 0 && !space(i) {
        i -= 1;
    }
    for _ in 0..n {
        while i > 0 && space(i) {
            i -= 1;
        }
        while i > 0 && !space(i) {
            i -= 1;
        }
    }
    i
}

/// Where the words "that" of `sent` start, from the matches of [`thats`]
/// in the page (`thats`, starts, in order) and where `sent` starts in it
/// (`at`).
fn thats_in<'a>(sent: &'a str, at: usize, thats: &'a [usize]) -> impl Iterator<Item = usize> + 'a {
    let b = sent.as_bytes();
    let alnum = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphanumeric);
    let first = thats.partition_point(|&t| t < at);
    let end = thats.partition_point(|&t| t + 4 <= at + b.len());
    thats[first..end.max(first)]
        .iter()
        .map(move |&t| t - at)
        .filter(move |&t| (t == 0 || !alnum(t - 1)) && !alnum(t + 4))
}

/// A comma at or before the comma of the last word of `sent` whose
/// trailing punctuation holds one (the words of [`words`] with
/// `comma_after`), or `None` when no word has one: the last comma that
/// surely ends a word (a letter or digit before it, no letter, digit or
/// period after it in its token), else the first comma.
fn last_word_comma(sent: &str) -> Option<usize> {
    let b = sent.as_bytes();
    let mut first = None;
    for i in memchr::memrchr_iter(b',', b) {
        if i > 0 && b[i - 1].is_ascii_alphanumeric() && ends_token(&sent[i + 1..]) {
            return Some(i);
        }
        first = Some(i);
    }
    first
}

/// True when `rest` holds no letter, digit or period before its first
/// white space.
fn ends_token(rest: &str) -> bool {
    for c in rest.chars() {
        if c.is_whitespace() {
            return true;
        }
        if c.is_alphanumeric() || c == '.' {
            return false;
        }
    }
    true
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("\u{2019}s") || w.ends_with('\'') || w.ends_with('\u{2019}')
}

fn name_token(w: &str) -> bool {
    capitalised(w)
        && !is_possessive(w)
        && !word_set!(NOT_NAMES).contains_lower(w)
        && !word_set!(ROLE_WORDS).contains_lower(w)
}

/// Who a quote is attributed to, before resolution.
#[derive(Debug, Clone)]
enum Who {
    Name {
        name: String,
        role: Option<String>,
        span: Span,
        /// Where the whole phrase (role and name) starts.
        from: usize,
    },
    Pronoun(Span),
    Descriptor {
        head: String,
        span: Span,
    },
    /// A described speaker with an article and a role noun: "a Pentagon
    /// spokesman", "the Russian foreign minister".
    Described {
        /// The whole description.
        span: Span,
        /// The description without its article: the role.
        role: Span,
    },
}

impl Who {
    /// Where the speaker phrase starts in the text.
    fn start(&self) -> usize {
        match self {
            Who::Name { from, .. } => *from,
            Who::Pronoun(span) | Who::Descriptor { span, .. } | Who::Described { span, .. } => {
                span.start
            }
        }
    }
}

/// Nouns that name a speaker by role ("a Pentagon spokesman said").
const ROLE_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "secretary",
    "official",
    "ambassador",
    "envoy",
    "diplomat",
    "analyst",
    "commander",
    "general",
    "mayor",
    "governor",
    "senator",
    "adviser",
    "advisor",
    "director",
    "officer",
    "representative",
    "lawmaker",
    "expert",
    "researcher",
    "economist",
    "professor",
    "lawyer",
    "attorney",
    "prosecutor",
    "president",
    "chairman",
    "chairwoman",
];

/// "a Pentagon spokesman", "the Russian foreign minister", "a senior State
/// Department official": an article, at most four qualifiers (capitalised
/// words or role words) and a role noun, ending `ws`.
fn described(ws: &[Word<'_>]) -> Option<Who> {
    let noun = ws.last()?;
    if !word_set!(ROLE_NOUNS).contains(noun.text) {
        return None;
    }
    let mut k = ws.len() - 1;
    while k > 0 && ws.len() - 1 - k <= 4 {
        let w = &ws[k - 1];
        if w.comma_after || w.stop_after {
            return None;
        }
        if word_set!(&["a", "an", "the"]).contains_lower(w.text) {
            return Some(Who::Described {
                span: Span {
                    start: w.start,
                    end: noun.end,
                },
                role: Span {
                    start: ws[k].start,
                    end: noun.end,
                },
            });
        }
        let qualifier = (capitalised(w.text)
            && !is_possessive(w.text)
            && !word_set!(NOT_NAMES).contains_lower(w.text))
            || word_set!(ROLE_WORDS).contains(w.text);
        if !qualifier {
            return None;
        }
        k -= 1;
    }
    None
}

/// Parses a speaker phrase from `ws` (in order), which must end right
/// before a cue (or, with `forward`, start right after one).
fn speaker_before(text: &str, ws: &[Word<'_>]) -> Option<Who> {
    // Skip adverbs between the speaker and the cue.
    let mut end = ws.len();
    while end > 0 && word_set!(BETWEEN).contains_lower(ws[end - 1].text) && end > 1 {
        end -= 1;
    }
    let ws = &ws[..end];
    let last = ws.last()?;
    if last.stop_after {
        return None;
    }
    if word_set!(PRONOUNS).contains_lower(last.text) {
        if ws.len() >= 2 && !ws[ws.len() - 2].stop_after && !ws[ws.len() - 2].comma_after {
            // "that he said": still a pronoun subject.
        }
        return Some(Who::Pronoun(Span {
            start: last.start,
            end: last.end,
        }));
    }
    // Appositive: "Jennifer Cararella, an analyst at ..., told".
    if last.comma_after {
        let close = ws.len() - 1;
        let open = (0..close).rev().find(|&i| ws[i].comma_after)?;
        if close - open > 14 {
            return None;
        }
        let role_text = &text[ws[open + 1].start..last.end];
        // "Kerry, who is in Paris, told": a relative clause, not a role.
        let relative = ws[open + 1].text.eq_ignore_ascii_case("who");
        let role = role_text
            .trim_start_matches("a ")
            .trim_start_matches("an ")
            .trim_start_matches("the ")
            .trim()
            .to_owned();
        let who = speaker_before(
            text,
            &ws[..=open]
                .iter()
                .map(|w| Word {
                    comma_after: false,
                    ..*w
                })
                .collect::<Vec<_>>(),
        )?;
        return Some(match who {
            Who::Name {
                name,
                role: r,
                span,
                from,
            } => Who::Name {
                name,
                role: r.or((!relative).then_some(role)),
                span,
                from,
            },
            other => other,
        });
    }
    // "the minister", "the foreign minister", "the ministry".
    let mut k = ws.len();
    let mut lowers = 0;
    while k > 0 && lowers < 3 {
        let w = ws[k - 1].text;
        if w.eq_ignore_ascii_case("the") {
            if lowers == 0 {
                return None;
            }
            return Some(Who::Descriptor {
                head: lower(&text[ws[k].start..last.end])
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                span: Span {
                    start: ws[k - 1].start,
                    end: last.end,
                },
            });
        }
        if capitalised(w) || ws[k - 1].comma_after || ws[k - 1].stop_after && k < ws.len() {
            break;
        }
        lowers += 1;
        k -= 1;
    }
    // "a Pentagon spokesman" (a phrase ending in a lower-case word has no
    // name in it: this only adds to what the rules below find).
    if let Some(who) = described(ws) {
        return Some(who);
    }
    // Names: a run of capitalised tokens, then a role before it.
    let mut i = ws.len();
    while i > 0 {
        let w = &ws[i - 1];
        let ok = capitalised(w.text)
            && !is_possessive(w.text)
            && !word_set!(NOT_NAMES).contains_lower(w.text);
        if !ok || (i < ws.len() && (w.comma_after || w.stop_after)) {
            break;
        }
        i -= 1;
    }
    let run = &ws[i..];
    if run.is_empty() {
        return None;
    }
    if word_set!(ORG_WORDS).contains_lower(run[run.len() - 1].text) {
        let mut start = 0;
        // Leading role words do not belong to an organisation name.
        while start + 1 < run.len()
            && word_set!(ROLE_WORDS).contains_lower(run[start].text)
            && !word_set!(ORG_WORDS).contains_lower(run[start].text)
        {
            start += 1;
        }
        let span = Span {
            start: run[start].start,
            end: run[run.len() - 1].end,
        };
        let mut name = text[span.start..span.end].to_owned();
        // "the U.S. State Department" is fine; include a leading "the"? No.
        if i > 0 && ws[i - 1].text.eq_ignore_ascii_case("the") {
            name = text[span.start..span.end].to_owned();
        }
        return Some(Who::Name {
            name,
            role: None,
            span,
            from: span.start,
        });
    }
    // Name: trailing name tokens (at most 4), the rest is role.
    let mut n = run.len();
    let mut count = 0;
    while n > 0 && count < 4 && name_token(run[n - 1].text) {
        n -= 1;
        count += 1;
    }
    if count == 0 {
        return None;
    }
    let name_span = Span {
        start: run[n].start,
        end: run[run.len() - 1].end,
    };
    // Role: the capitalised rest of the run, and lower-case role words
    // before it ("geopolitical analyst", "former Syrian prime minister").
    let mut r = i;
    while r > 0 {
        let w = &ws[r - 1];
        if w.comma_after
            || w.stop_after
            || !(word_set!(ROLE_WORDS).contains_lower(w.text)
                || (capitalised(w.text) && !word_set!(NOT_NAMES).contains_lower(w.text)))
            || is_possessive(w.text)
        {
            break;
        }
        r -= 1;
    }
    while r < n && word_set!(&["the", "of", "for"]).contains_lower(ws[r].text) {
        r += 1;
    }
    let role = (r < i + n).then(|| text[ws[r].start..ws[i + n - 1].end].trim().to_owned());
    let role = role.filter(|r| !r.is_empty());
    let from = if role.is_some() {
        ws[r].start
    } else {
        name_span.start
    };
    Some(Who::Name {
        name: text[name_span.start..name_span.end].to_owned(),
        role,
        span: name_span,
        from,
    })
}

/// A speaker right after a cue: "said Hollis Grange, a water economist",
/// "said former Syrian prime minister Riad Hijab", "said he".
fn speaker_after(text: &str, ws: &[Word<'_>]) -> Option<Who> {
    let first = ws.first()?;
    if word_set!(PRONOUNS).contains_lower(first.text) {
        return Some(Who::Pronoun(Span {
            start: first.start,
            end: first.end,
        }));
    }
    let mut k = 0;
    while k < ws.len() && k < 8 {
        let w = &ws[k];
        let ok = capitalised(w.text) || word_set!(ROLE_WORDS).contains_lower(w.text);
        if !ok || is_possessive(w.text) {
            break;
        }
        k += 1;
        if w.comma_after || w.stop_after {
            break;
        }
    }
    if k == 0 {
        return None;
    }
    let phrase: Vec<Word<'_>> = ws[..k]
        .iter()
        .map(|w| Word {
            comma_after: false,
            stop_after: false,
            ..*w
        })
        .collect();
    let who = speaker_before(text, &phrase)?;
    // Appositive role after a comma: "Hollis Grange, a water economist at ...".
    if let Who::Name {
        name,
        role: None,
        span,
        from,
    } = &who
        && ws[k - 1].comma_after
        && k < ws.len()
    {
        let mut e = k;
        while e < ws.len() && e - k < 14 {
            e += 1;
            if ws[e - 1].comma_after || ws[e - 1].stop_after {
                break;
            }
        }
        let first = lower(ws[k].text);
        if ["a", "an", "the", "who"].contains(&first.as_str())
            || ROLE_WORDS.contains(&first.as_str())
        {
            if first == "who" {
                return Some(who);
            }
            let role = text[ws[k].start..ws[e - 1].end]
                .trim_start_matches("a ")
                .trim_start_matches("an ")
                .trim_start_matches("the ")
                .to_owned();
            return Some(Who::Name {
                name: name.clone(),
                role: Some(role),
                span: *span,
                from: *from,
            });
        }
    }
    Some(who)
}

/// A quote found, before its speaker is resolved.
#[derive(Debug, Clone)]
struct Found {
    content: Span,
    who: Option<Who>,
    cue: Option<String>,
    direct: bool,
    paragraph: usize,
    /// Follows the previous quote's speaker when it has none of its own.
    continuation: bool,
}

fn open_mark(c: char) -> Option<char> {
    match c {
        '\u{201c}' => Some('\u{201d}'),
        '\u{ab}' => Some('\u{bb}'),
        '\u{201e}' => Some('\u{201c}'),
        '"' => Some('"'),
        _ => None,
    }
}

/// Direct quotes of one paragraph: (content start, content end, open mark
/// start, close mark end).
fn direct_in(para: &str, base: usize) -> Vec<(usize, usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize, char)> = None;
    // Every quotation mark starts with one of these bytes; no other char
    // changes the state.
    for i in memchr::memchr3_iter(b'"', 0xC2, 0xE2, para.as_bytes()) {
        let Some(c) = para.get(i..).and_then(|r| r.chars().next()) else {
            continue;
        };
        match open {
            None => {
                if let Some(close) = open_mark(c) {
                    open = Some((i, i + c.len_utf8(), close));
                }
            }
            Some((mark, content, close)) => {
                if c == close {
                    out.push((
                        base + content,
                        base + i,
                        base + mark,
                        base + i + c.len_utf8(),
                    ));
                    open = None;
                } else if c == '\u{201c}' && close == '\u{201d}' {
                    // A new opening mark before a close: restart there.
                    open = Some((i, i + c.len_utf8(), close));
                }
            }
        }
    }
    if let Some((mark, content, _)) = open {
        out.push((
            base + content,
            base + para.len(),
            base + mark,
            base + para.len(),
        ));
    }
    out
}

fn trim_span(text: &str, start: usize, end: usize) -> Option<Span> {
    let s = text.get(start..end)?;
    let lead = s.len() - s.trim_start().len();
    let t = s.trim().trim_end_matches([',', ' ']);
    let t = t.trim_end();
    (!t.is_empty()).then(|| Span {
        start: start + lead,
        end: start + lead + t.len(),
    })
}

fn sentence_of(sentences: &[Span], at: usize) -> Option<Span> {
    let i = sentences.partition_point(|s| s.end <= at);
    sentences.get(i).copied().filter(|s| s.start <= at)
}

/// Finds the quotes of a document.
pub(crate) fn find(
    text: &str,
    paragraphs: &[Span],
    sentences: &[Span],
    claims: &[KnownClaim],
) -> Vec<Quote> {
    let mut found: Vec<Found> = Vec::new();
    let claim_norms: Vec<String> = claims.iter().map(|k| normal(&k.claim)).collect();
    let thats = thats(text);
    for (pi, p) in paragraphs.iter().enumerate() {
        let Some(para) = p.slice(text) else { continue };
        // No quotation mark: no quotes, and indirect speech with nothing
        // to avoid (the loop below is empty).
        let quotes = direct_in(para, p.start);
        // ", adding that ..." after a quote's speaker: (content, cue), speaker.
        let mut added: Vec<((Span, String), Option<Who>)> = Vec::new();
        for (qi, &(cs, ce, ms, me)) in quotes.iter().enumerate() {
            let Some(content) = trim_span(text, cs, ce) else {
                continue;
            };
            let mut who = None;
            let mut cue = None;
            // Right: `," Lavrov said` / `," said Lavrov` / `," he said`.
            if let Some(sent) = sentence_of(sentences, me.saturating_sub(1)) {
                let right_end = quotes
                    .get(qi + 1)
                    .map_or(sent.end, |next| next.2.min(sent.end))
                    .max(me);
                // Nothing reads past the 24th word after the quote; no words
                // are needed without a cue.
                let ws = if text.get(me..right_end).is_some_and(has_cue_run) {
                    words_upto(text, me, right_end, 40)
                } else {
                    Vec::new()
                };
                if let Some(ci) = ws.iter().take(12).position(|w| is_cue(w.text)) {
                    if ci == 0 {
                        who = speaker_after(text, &ws[1..]);
                    } else if !ws[..ci].iter().any(|w| w.stop_after) {
                        // The speaker must follow the quote directly.
                        who = speaker_before(text, &ws[..ci])
                            .filter(|who| phrase_opens(who, &ws[..ci]));
                    }
                    if who.is_some() {
                        cue = Some(lower(ws[ci].text));
                        if let Some(extra) = adding_that(text, &ws[ci + 1..], sent.end) {
                            added.push((extra, who.clone()));
                        }
                    }
                }
            }
            // Left: `Lavrov said: "` / `X, an analyst, told "` / `she said:`.
            if who.is_none() {
                let prev_end = if qi > 0 { quotes[qi - 1].3 } else { p.start };
                let mut left_start = sentence_of(sentences, ms)
                    .map_or(p.start, |s| s.start)
                    .max(prev_end);
                let mut ctx_end = ms;
                if left_start >= ms && ms == p.start && pi > 0 {
                    // A quote paragraph introduced by "..., she said:".
                    let prev = paragraphs[pi - 1];
                    if text[prev.start..prev.end].ends_with(':')
                        && let Some(s) = sentence_of(sentences, prev.end - 1)
                    {
                        left_start = s.start;
                        ctx_end = prev.end;
                    }
                }
                let ws = if text.get(left_start..ctx_end).is_some_and(has_cue_run) {
                    words(text, left_start, ctx_end)
                } else {
                    Vec::new()
                };
                if let Some(ci) = ws.iter().rposition(|w| is_cue(w.text))
                    && ws.len() - ci <= 16
                {
                    who = speaker_before(text, &ws[..ci]);
                    if who.is_none() && ws[..ci].len() <= 1 {
                        who = speaker_after(text, &ws[ci + 1..]);
                    }
                    if who.is_some() {
                        cue = Some(lower(ws[ci].text));
                    }
                }
            }
            // The claim a fact-check reviews: its claimant.
            if who.is_none() && !claims.is_empty() {
                let q = normal(&text[content.start..content.end]);
                if let Some((k, _)) = claims.iter().zip(&claim_norms).find(|(_, c)| {
                    // The length test first: it spares most substring searches.
                    !c.is_empty()
                        && q.len() * 2 >= c.len()
                        && (c.contains(&q) || q.contains(c.as_str()))
                }) {
                    who = Some(Who::Name {
                        name: k.name.clone(),
                        role: k.role.clone(),
                        span: Span { start: 0, end: 0 },
                        from: 0,
                    });
                }
            }
            let continuation = who.is_none()
                && (qi > 0 || (cs == p.start + text[p.start..cs].len() && ms == p.start));
            // Counted only for a quote without a speaker.
            let short =
                who.is_none() && crate::scan::word_count(&text[content.start..content.end]) < 4;
            if short {
                continue;
            }
            found.push(Found {
                content,
                who,
                cue,
                direct: true,
                paragraph: pi,
                continuation,
            });
        }
        for ((content, cue), who) in added {
            found.push(Found {
                content,
                who,
                cue: Some(cue),
                direct: false,
                paragraph: pi,
                continuation: false,
            });
        }
        let inside: Vec<Span> = quotes
            .iter()
            .map(|&(cs, ce, _, _)| Span { start: cs, end: ce })
            .collect();
        indirect(text, pi, *p, sentences, &inside, &thats, &mut found);
    }
    found.sort_by_key(|f| (f.content.start, f.content.end));
    resolve(text, found, claims)
}

fn normal(s: &str) -> String {
    // ASCII (most text): the same tests and case mapping, on bytes.
    if s.is_ascii() {
        return s
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Indirect speech in the sentences of one paragraph.
fn indirect(
    text: &str,
    pi: usize,
    p: Span,
    sentences: &[Span],
    direct: &[Span],
    thats: &[usize],
    found: &mut Vec<Found>,
) {
    let first = sentences.partition_point(|s| s.end <= p.start);
    for s in sentences[first..].iter().take_while(|s| s.start < p.end) {
        let sent = &text[s.start..s.end];
        // Where the first direct quote in the sentence starts, if any: only
        // "SPEAKER CUE that ..." with the quote inside the clause is read.
        let quoted_from = direct
            .iter()
            .filter(|d| d.start < s.end && s.start < d.end)
            .map(|d| d.start)
            .min();
        if sent.len() < 20
            || sent.starts_with(['"', '\u{201c}'])
            || !may_report(sent, thats_in(sent, s.start, thats))
        {
            continue;
        }
        let ws = words(text, s.start, s.end);
        // Forward: "SPEAKER CUE [object] that CLAUSE".
        let mut done = false;
        // The first "that" after the word: a cue is looked up only where
        // one follows closely.
        let mut ti = 0;
        for (ci, w) in ws.iter().enumerate().take(30) {
            if ti <= ci {
                let rest = &ws[ci + 1..];
                ti = ci
                    + 1
                    + rest
                        .iter()
                        .position(|x| x.text.eq_ignore_ascii_case("that"))
                        .unwrap_or(rest.len());
            }
            // "told reporters in Geneva on Friday that": an object and
            // adverbials of up to nine words before "that".
            if ci == 0 || ti - ci > 10 || ti == ws.len() || !is_cue(w.text) {
                continue;
            }
            // A clause that is all quote ("stressed that “...”") is the
            // direct quote's already.
            let clause_quoted = quoted_from
                .is_some_and(|q| q < ws[ti].end || text[ws[ti].end..q].trim().chars().count() <= 1);
            // Past six words, only an object and adverbials may stand
            // between the cue and "that" (not "the asteroid that").
            let far = ti - ci > 7
                && !ws[ci + 1..ti].iter().all(|x| {
                    capitalised(x.text) || word_set!(ADVERBIAL_WORDS).contains_lower(x.text)
                });
            if ws[ci..ti].iter().any(|x| x.stop_after) || ti + 1 >= ws.len() || clause_quoted || far
            {
                continue;
            }
            let Some(who) = speaker_before(text, &ws[..ci]) else {
                continue;
            };
            let subject_start = who.start();
            // The speaker must open the clause (sentence start or after a comma).
            let before = text[s.start..subject_start].trim_end();
            let before = before
                .strip_suffix(" the")
                .or_else(|| before.strip_suffix(" The"))
                .unwrap_or(before)
                .trim_end();
            let before = if before.eq_ignore_ascii_case("the") {
                ""
            } else {
                before
            };
            let lead_ok = before.is_empty()
                || before.ends_with(',')
                || before.split_whitespace().all(|x| {
                    matches!(
                        lower(x).as_str(),
                        "the" | "but" | "and" | "still" | "meanwhile" | "however"
                    )
                });
            if !lead_ok {
                continue;
            }
            if let Some(content) =
                trim_span(text, ws[ti + 1].start, s.end).map(|c| strip_final(text, c))
            {
                found.push(Found {
                    content,
                    who: Some(who),
                    cue: Some(lower(w.text)),
                    direct: false,
                    paragraph: pi,
                    continuation: false,
                });
                done = true;
            }
            break;
        }
        if done || quoted_from.is_some() {
            continue;
        }
        // Backward: "CLAUSE, SPEAKER CUE [...]." or "CLAUSE, CUE SPEAKER."
        let Some(comma) = ws.iter().rposition(|w| w.comma_after) else {
            continue;
        };
        let tail = &ws[comma + 1..];
        if tail.is_empty() || comma < 3 {
            continue;
        }
        let Some(ci) = tail.iter().take(8).position(|w| is_cue(w.text)) else {
            continue;
        };
        let who = if ci == 0 {
            speaker_after(text, &tail[1..])
        } else {
            speaker_before(text, &tail[..ci])
        };
        let Some(who) = who else { continue };
        // The speaker phrase must open the tail: ", Lavrov said", ", the
        // minister added"; "said she" is not an attribution.
        if (ci > 0 && !phrase_opens(&who, tail)) || (ci == 0 && matches!(who, Who::Pronoun(_))) {
            continue;
        }
        let head = &text[s.start..ws[comma].end];
        if head.contains(['"', '\u{201c}', '\u{201d}']) {
            continue;
        }
        if let Some(content) = trim_span(text, s.start, ws[comma].end) {
            found.push(Found {
                content,
                who: Some(who),
                cue: Some(lower(tail[ci].text)),
                direct: false,
                paragraph: pi,
                continuation: false,
            });
        }
    }
}

/// Words of an object or adverbials between a cue and "that": "told a news
/// conference in Moscow on Friday that".
const ADVERBIAL_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "in",
    "at",
    "on",
    "during",
    "after",
    "before",
    "to",
    "with",
    "by",
    "from",
    "of",
    "for",
    "news",
    "press",
    "conference",
    "briefing",
    "statement",
    "interview",
    "reporters",
    "journalists",
    "lawmakers",
    "television",
    "radio",
    "call",
    "phone",
    "meeting",
    "visit",
    "talks",
    "summit",
    "last",
    "this",
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "earlier",
    "later",
    "recently",
    "also",
    "separately",
    "him",
    "her",
    "them",
    "us",
];

/// Participles that report more of what the speaker said.
const PARTICIPLES: &[&str] = &[
    "adding",
    "saying",
    "noting",
    "stressing",
    "insisting",
    "explaining",
    "warning",
    "arguing",
    "claiming",
];

/// ", adding that CLAUSE" in the words after a cue (`ws`), up to `end`:
/// the clause and the participle.
fn adding_that(text: &str, ws: &[Word<'_>], end: usize) -> Option<(Span, String)> {
    for (i, w) in ws.iter().enumerate().skip(1) {
        if ws[i - 1].stop_after {
            return None;
        }
        if !ws[i - 1].comma_after || !word_set!(PARTICIPLES).contains(w.text) || w.stop_after {
            continue;
        }
        let that = ws
            .get(i + 1)
            .filter(|t| t.text.eq_ignore_ascii_case("that"))?;
        let content = trim_span(text, that.end, end).map(|c| strip_final(text, c))?;
        return Some((content, w.text.to_owned()));
    }
    None
}

/// True when the speaker phrase starts at the first word of `ws` (or the
/// second, after "the").
fn phrase_opens(who: &Who, ws: &[Word<'_>]) -> bool {
    let start = who.start();
    ws.first().is_some_and(|w| w.start == start)
        || (ws.len() > 1 && ws[0].text.eq_ignore_ascii_case("the") && ws[1].start == start)
}

fn strip_final(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let t = s.trim_end_matches(['.', '!', '?']);
    Span {
        start: span.start,
        end: span.start + t.len().max(1).min(s.len()),
    }
}

#[derive(Debug, Clone)]
struct Person {
    name: String,
    role: Option<String>,
}

fn is_person(name: &str) -> bool {
    !name
        .split_whitespace()
        .any(|w| word_set!(ORG_WORDS).contains_lower(w))
}

/// Finds "Firstname Surname" for a lone surname earlier in the text:
/// "Lavrov" → "Sergei Lavrov" with the role printed before it.
fn full_name(text: &str, surname: &str) -> Option<(String, Option<String>, Span)> {
    let mut from = 0;
    while let Some(at) = text[from..].find(surname) {
        let start = from + at;
        let end = start + surname.len();
        from = end;
        let after_ok = text[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if !after_ok {
            continue;
        }
        let sent_start = text[..start].rfind(['.', '\n']).map_or(0, |i| i + 1);
        let ws = words(text, sent_start, end);
        if ws.len() >= 2 && name_token(ws[ws.len() - 2].text) && !ws[ws.len() - 2].comma_after {
            if let Some(Who::Name {
                name, role, span, ..
            }) = speaker_before(text, &ws)
            {
                if name.split_whitespace().count() >= 2 {
                    return Some((name, role, span));
                }
            }
        }
    }
    None
}

/// The speaker a description ("a Pentagon spokesman") stands for, and
/// whether it was resolved: the last speaker whose role has every word of
/// it, or else the description itself as the name (lower-case article)
/// with its role kept.
fn described_speaker(
    text: &str,
    span: Span,
    role: Span,
    history: &[(Person, usize)],
) -> (Option<Speaker>, bool) {
    let Some(role_text) = text.get(role.start..role.end) else {
        return (None, false);
    };
    let wanted: Vec<String> = role_text.split_whitespace().map(lower).collect();
    let known = history.iter().rev().find(|(person, _)| {
        person.role.as_ref().is_some_and(|r| {
            let have: Vec<String> = r.split_whitespace().map(lower).collect();
            wanted.iter().all(|w| have.contains(w))
        })
    });
    if let Some((person, _)) = known {
        let speaker = Speaker {
            name: person.name.clone(),
            role: person.role.clone(),
            span: Some(span),
        };
        return (Some(speaker), true);
    }
    let Some(desc) = text.get(span.start..span.end) else {
        return (None, false);
    };
    let mut name = String::with_capacity(desc.len());
    let mut chars = desc.chars();
    name.extend(chars.next().map(|c| c.to_ascii_lowercase()));
    name.push_str(chars.as_str());
    let speaker = Speaker {
        name,
        role: Some(role_text.to_owned()),
        span: Some(span),
    };
    (Some(speaker), false)
}

fn resolve(text: &str, found: Vec<Found>, claims: &[KnownClaim]) -> Vec<Quote> {
    let mut people: Vec<Person> = claims
        .iter()
        .map(|k| Person {
            name: k.name.clone(),
            role: k.role.clone(),
        })
        .collect();
    let mut history: Vec<(Person, usize)> = Vec::new();
    // A surname's full name depends on the text only: searched once.
    let mut full_names: HashMap<String, Option<(String, Option<String>)>> = HashMap::new();
    let mut out = Vec::new();
    let mut last_quote: Option<(Option<Speaker>, usize)> = None;
    for f in found {
        let speaker = match f.who {
            Some(Who::Name {
                name, role, span, ..
            }) => {
                let span = (span.end > span.start).then_some(span);
                let mut person = Person {
                    name: name.clone(),
                    role: role.clone(),
                };
                if !name.contains(' ') && is_person(&name) {
                    if let Some(p) = people.iter().rev().find(|p| {
                        // p.name ends with " {name}".
                        p.name
                            .strip_suffix(name.as_str())
                            .is_some_and(|rest| rest.ends_with(' '))
                    }) {
                        person = Person {
                            name: p.name.clone(),
                            role: role.or_else(|| p.role.clone()),
                        };
                    } else if let Some((full, r)) = full_names
                        .entry(name.clone())
                        .or_insert_with(|| full_name(text, &name).map(|(full, r, _)| (full, r)))
                        .clone()
                    {
                        person = Person {
                            name: full,
                            role: role.or(r),
                        };
                    }
                } else if person.role.is_none()
                    && let Some(p) = people.iter().rev().find(|p| p.name == name)
                {
                    person.role = p.role.clone();
                }
                if !people
                    .iter()
                    .any(|p| p.name == person.name && p.role == person.role)
                {
                    people.push(person.clone());
                }
                history.push((person.clone(), f.paragraph));
                Some(Speaker {
                    name: person.name,
                    role: person.role,
                    span,
                })
            }
            Some(Who::Pronoun(span)) => {
                let p = lower(&text[span.start..span.end]);
                let candidate = if p == "he" || p == "she" {
                    history
                        .iter()
                        .rev()
                        .find(|(person, para)| {
                            is_person(&person.name) && f.paragraph.saturating_sub(*para) <= 4
                        })
                        .map(|(person, _)| person.clone())
                } else {
                    None
                };
                candidate.map(|person| Speaker {
                    name: person.name,
                    role: person.role,
                    span: Some(span),
                })
            }
            Some(Who::Described { span, role }) => {
                let (speaker, resolved) = described_speaker(text, span, role, &history);
                if let Some(s) = &speaker
                    && !resolved
                {
                    // Unresolved: a later "the spokesman" may mean them.
                    history.push((
                        Person {
                            name: s.name.clone(),
                            role: s.role.clone(),
                        },
                        f.paragraph,
                    ));
                }
                speaker
            }
            Some(Who::Descriptor { head, span }) => {
                let key = head.trim_start_matches("the ").to_owned();
                let last_word = key.split_whitespace().last().unwrap_or("").to_owned();
                history
                    .iter()
                    .rev()
                    .find(|(person, _)| {
                        person.role.as_ref().is_some_and(|r| {
                            let r = lower(r);
                            (key.contains(' ') && r.contains(&key))
                                || (!last_word.is_empty()
                                    && r.split_whitespace().any(|w| w == last_word))
                        })
                    })
                    .map(|(person, _)| Speaker {
                        name: person.name.clone(),
                        role: person.role.clone(),
                        span: Some(span),
                    })
            }
            None => {
                if f.continuation {
                    last_quote
                        .as_ref()
                        .filter(|(_, para)| f.paragraph.saturating_sub(*para) <= 1)
                        .and_then(|(s, _)| s.clone())
                        .map(|s| Speaker { span: None, ..s })
                } else {
                    None
                }
            }
        };
        if speaker.is_some() {
            last_quote = Some((speaker.clone(), f.paragraph));
        }
        out.push(Quote {
            content: f.content,
            speaker,
            cue: f.cue,
            direct: f.direct,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(String, Option<String>, Option<String>, bool)> {
        let mut paras = Vec::new();
        let mut start = 0;
        for p in text.split("\n\n") {
            paras.push(Span {
                start,
                end: start + p.len(),
            });
            start += p.len() + 2;
        }
        let sents = crate::structure::sentences(text, &paras);
        find(text, &paras, &sents, &[])
            .into_iter()
            .map(|q| {
                (
                    text[q.content.start..q.content.end].to_owned(),
                    q.speaker.as_ref().map(|s| s.name.clone()),
                    q.speaker.and_then(|s| s.role),
                    q.direct,
                )
            })
            .collect()
    }

    #[test]
    fn that_in_any_case() {
        let t = "that That THAT tHaT thAt, whatthatx; thatch";
        let all: Vec<usize> = that_automaton().find_iter(t).map(|m| m.start()).collect();
        assert_eq!(thats(t), all);
        assert_eq!(all.len(), 7);
        let s = "x that";
        assert_eq!(thats_in(s, 0, &thats(s)).collect::<Vec<_>>(), [2]);
        // Inside a word: not the word "that".
        assert_eq!(thats_in(t, 0, &thats(t)).last(), Some(20));
    }

    #[test]
    fn byte_tokens_match_the_unicode_splitter() {
        let key = |ws: Vec<Word<'_>>| -> Vec<(usize, usize, String, bool, bool)> {
            ws.iter()
                .map(|w| {
                    (
                        w.start,
                        w.end,
                        w.text.to_owned(),
                        w.comma_after,
                        w.stop_after,
                    )
                })
                .collect()
        };
        for s in [
            "Russian Foreign Minister Sergei Lavrov said on Friday, (in Geneva) that",
            "U.S. Gen. J. Smith \u{2014} the envoy \u{2014} told [reporters]: no.",
            "\u{201c}We agreed,\u{201d} he said; caf\u{e9}. 1,000 x.\u{2019}s (said",
            "\tvertical\x0btab , . -- end.",
        ] {
            // A trailing no-break space sends the text to the Unicode splitter.
            let unicode = format!("{s}\u{a0}");
            for max in [2, 5, usize::MAX] {
                assert_eq!(
                    key(words_upto(s, 0, s.len(), max)),
                    key(words_upto(&unicode, 0, unicode.len(), max)),
                    "{s:?}"
                );
            }
        }
    }

    #[test]
    fn cue_prefilter() {
        for (sent, admitted) in [
            (
                "The issue was discussed in Hamburg, the minister added.",
                true,
            ),
            (
                "The talks in Geneva were constructive, \u{201c}Lavrov said\u{201d}.",
                true,
            ),
            (
                "Lavrov told a news conference in Moscow on Friday that the talks would go on.",
                true,
            ),
            ("It cost 1,000 dollars, officials said.", true),
            // A comma inside a number may not end a word: searched after it.
            ("Some 1,000 people said so.", true),
            (
                "The essay notes nothing that matters, or so we think.",
                true,
            ),
            (
                "The essay (said to be long) was read, but nothing happened.",
                false,
            ),
            ("Nobody Said that, and nobody answered.", false),
            // Ten words between the cue and "that": too far; nine are not.
            (
                "Lavrov said on Friday in a speech to the delegates of nations that it was over.",
                false,
            ),
            (
                "Lavrov said on Friday in a speech to delegates of nations that it was over.",
                true,
            ),
        ] {
            let t = thats(sent);
            assert_eq!(may_report(sent, thats_in(sent, 0, &t)), admitted, "{sent}");
        }
        assert!(has_cue_run("said"));
        assert!(has_cue_run("(said)"));
        assert!(!has_cue_run("essays unsaid saidx"));
        assert!(has_cue_run("x\u{e9}said"));
    }

    #[test]
    fn name_role_and_pronoun() {
        let t = "\u{201c}They are telling us not to hit it [Nusra Front],\u{201d} Russian Foreign Minister Sergei Lavrov said on Friday.\n\n\u{201c}We agreed on that,\u{201d} he said.";
        let q = quotes(t);
        assert_eq!(q[0].0, "They are telling us not to hit it [Nusra Front]");
        assert_eq!(q[0].1.as_deref(), Some("Sergei Lavrov"));
        assert_eq!(q[0].2.as_deref(), Some("Russian Foreign Minister"));
        assert_eq!(q[1].1.as_deref(), Some("Sergei Lavrov"));
    }

    #[test]
    fn cue_first_and_appositive() {
        let t = "\"The honest pitch is reliability,\" said Hollis Grange, a water economist at the Alder Bay Institute.";
        let q = quotes(t);
        assert_eq!(q[0].1.as_deref(), Some("Hollis Grange"));
        assert_eq!(
            q[0].2.as_deref(),
            Some("water economist at the Alder Bay Institute")
        );
    }

    #[test]
    fn indirect_speech_and_descriptor() {
        let t = "Russian Foreign Minister Sergei Lavrov on Friday said that the coalition is divided.\n\nThe issue was discussed in Hamburg, the minister added.\n\nLavrov said that talks would go on.";
        let q = quotes(t);
        assert_eq!(q.len(), 3, "{q:?}");
        assert!(
            q.iter()
                .all(|x| x.1.as_deref() == Some("Sergei Lavrov") && !x.3),
            "{q:?}"
        );
        assert_eq!(q[0].0, "the coalition is divided");
    }

    #[test]
    fn speaker_mid_sentence_with_an_object() {
        let q =
            quotes("Lavrov told a news conference in Moscow on Friday that the talks would go on.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "the talks would go on");
        assert_eq!(q[0].1.as_deref(), Some("Lavrov"));
        // "that" deep inside the reported clause is not the complementiser.
        let q = quotes(
            "Garcia said the meteorite may be related to an asteroid that was seen on Saturday.",
        );
        assert!(q.is_empty(), "{q:?}");
    }

    #[test]
    fn reported_clause_holding_a_direct_quote() {
        let q =
            quotes("Kerry told reporters in Geneva on Friday that the ceasefire \"will hold.\"");
        assert_eq!(q.len(), 2, "{q:?}");
        assert!(q.iter().all(|x| x.1.as_deref() == Some("Kerry")), "{q:?}");
        assert_eq!(
            (q[0].0.as_str(), q[0].3),
            ("the ceasefire \"will hold.\"", false)
        );
        assert_eq!((q[1].0.as_str(), q[1].3), ("will hold.", true));
        // A clause that is all quote is left to the direct quote.
        let q = quotes(
            "Lavrov stressed that \u{201c}such groups should leave terrorist positions.\u{201d}",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].3);
    }

    #[test]
    fn adding_that_after_a_quote() {
        let q = quotes(
            "\"We will not strike,\" Lavrov told a news conference in Moscow, adding that the talks would go on.",
        );
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].0, "We will not strike");
        assert_eq!(q[1].0, "the talks would go on");
        assert!(q.iter().all(|x| x.1.as_deref() == Some("Lavrov")), "{q:?}");
    }

    #[test]
    fn relative_clause_is_not_a_role() {
        let q = quotes(
            "In the meantime, Kerry, who is in Paris, told journalists that he had discussed the violence.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1.as_deref(), Some("Kerry"));
        assert_eq!(q[0].2, None);
    }

    #[test]
    fn described_speakers_resolve_or_keep_their_role() {
        // Resolved to the last speaker whose role has every word.
        let q = quotes(
            "\u{201c}We struck the depot at dawn,\u{201d} said Pentagon spokesman Jeff Davis.\n\nThe strikes will continue until the end of the month, a Pentagon spokesman said.",
        );
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].1.as_deref(), Some("Jeff Davis"));
        assert_eq!(q[1].2.as_deref(), Some("Pentagon spokesman"));
        let q = quotes(
            "\u{201c}The talks were useful,\u{201d} Russian Foreign Minister Sergei Lavrov said.\n\nThe talks in Geneva were constructive, the Russian foreign minister said.",
        );
        assert_eq!(q[1].1.as_deref(), Some("Sergei Lavrov"), "{q:?}");
        // No compatible speaker: unresolved, the description kept as printed.
        let q = quotes(
            "\u{201c}We struck the depot at dawn,\u{201d} said State Department spokesman Mark Toner.\n\nThe strikes will continue until the end of the month, a Pentagon spokesman said.",
        );
        assert_eq!(q[1].1.as_deref(), Some("a Pentagon spokesman"), "{q:?}");
        assert_eq!(q[1].2.as_deref(), Some("Pentagon spokesman"));
    }

    #[test]
    fn unresolved_pronoun_stays_unresolved() {
        let q = quotes("\u{201c}It will rain all week long,\u{201d} she said.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].1, None);
    }
}
