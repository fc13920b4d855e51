//! Claims: the statements a run checks, with every place they appear.
//!
//! Sources, in order of precedence: claims given by the user; the claims
//! published fact-checks review ([`Document::reviews`]); attributed quotes
//! (a quote with a speaker; the speaker is the claimant); check-worthy
//! sentences, ranked by [`checkworthiness`]. Near-duplicates (the same
//! quote trimmed, reworded or translated) merge into the claim that came
//! first in that order, so a reviewed claim absorbs the quotes that repeat it.

mod appended;
mod blocks;
mod candidates;
mod ids;
mod merge;
mod places;
mod spill;

use crate::Documents;
use crate::index::passage_spans;
use crate::retrieve::Retriever;
use candidates::Candidates;
pub use merge::FoundClaims;
use veracity_model::scatter::ClaimCandidate;
use veracity_model::{Appearance, Claim, ClaimOrigin, Document, DocumentId, DocumentKind, Span};
use veracity_text::hash::FxHashMap;
use veracity_text::lexicon::{
    ATTRIBUTION_VERBS, CHECKWORTHY_BOILERPLATE, CHECKWORTHY_COMPARATIVES,
    CHECKWORTHY_FACTUAL_VERBS, CHECKWORTHY_OPINION, CLAIM_LABELS, CLAIM_OBJECTS, FUNCTION_WORDS,
    GENERIC_SPEAKERS, WEEKDAYS,
};
use veracity_text::words::{self, Statement};

/// Two statements at least this similar ([`words::statement_similarity`]) are
/// one claim.
pub const MERGE_THRESHOLD: f64 = 0.6;
/// A passage (not a quote) at least this similar to a claim is an appearance of it.
pub const APPEARANCE_THRESHOLD: f64 = 0.7;
/// Texts sharing less than this containment of terms are not compared in
/// full: a cheap test before [`APPEARANCE_THRESHOLD`] and [`MERGE_THRESHOLD`].
pub const PREFILTER_CONTAINMENT: f64 = 0.5;
/// Sentences and quotes below this check-worthiness are not claims.
pub const MIN_CHECKWORTHINESS: f64 = 0.45;
/// Quotes and sentences with fewer terms are not claims.
pub const MIN_CLAIM_TERMS: usize = 5;

/// What claim extraction may produce.
#[derive(Debug, Clone, Copy)]
pub struct ClaimOptions {
    /// The most claims to return (reviewed claims first).
    pub max_claims: usize,
    /// Include check-worthy sentences (not only reviewed claims and quotes).
    pub sentences: bool,
}

impl Default for ClaimOptions {
    fn default() -> Self {
        ClaimOptions {
            max_claims: 10,
            sentences: true,
        }
    }
}

/// How many distinct claims extraction found, of which it returned at most
/// `max_claims`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClaimCount {
    /// Distinct claims found (after merging near-duplicates).
    pub found: usize,
    /// True when counting stopped early (at four times `max_claims`, and
    /// at least 1,000 claims), so more than `found` exist.
    pub more: bool,
}

/// How worth checking a sentence is, in [0, 1]: a documented heuristic.
///
/// Questions, fragments (under 6 words), very long runs (over 80 words) and
/// boilerplate score 0. Otherwise the score starts at 0.2 and adds 0.25 for a
/// number (digits or a number word), 0.15 for a comparative or quantity word
/// ("more", "rose", "percent", "only", ...), 0.05 per capitalised word after
/// the first (named entities; at most 0.2) and 0.15 for a factual verb
/// ("is", "supplies", "killed", "strikes", ...); it subtracts 0.3 for an
/// opinion or hedge marker ("I think", "should", "perhaps", ...).
pub fn checkworthiness(sentence: &str) -> f64 {
    let s = sentence.trim();
    if s.is_empty() || s.ends_with('?') {
        return 0.0;
    }
    let lower = s.to_lowercase();
    if CHECKWORTHY_BOILERPLATE.iter().any(|b| lower.contains(b)) {
        return 0.0;
    }
    let raw: Vec<&str> = s
        .split(|c: char| c.is_whitespace())
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    if raw.len() < 6 || raw.len() > 80 {
        return 0.0;
    }
    let words = words::words(s);
    let mut score: f64 = 0.2;
    if words.iter().any(|w| {
        w.chars().all(|c| c.is_ascii_digit()) || veracity_text::lexicon::number_word(w).is_some()
    }) {
        score += 0.25;
    }
    if words.iter().any(|w| CHECKWORTHY_COMPARATIVES.contains(w)) {
        score += 0.15;
    }
    let caps = raw
        .iter()
        .skip(1)
        .filter(|w| {
            let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
            w.chars().next().is_some_and(char::is_uppercase)
        })
        .count();
    score += (0.05 * caps as f64).min(0.2);
    if words.iter().any(|w| CHECKWORTHY_FACTUAL_VERBS.contains(w)) {
        score += 0.15;
    }
    if words.iter().any(|w| CHECKWORTHY_OPINION.contains(w)) {
        score -= 0.3;
    }
    score.clamp(0.0, 1.0)
}

/// Words a claimant's name may hold at most ("Former Mayor Dana Whitfield
/// of Harlow").
pub const MAX_CLAIMANT_WORDS: usize = 7;
/// What is left after taking the claimant off must have this many words.
const MIN_CLAIM_WORDS: usize = 3;
/// Lowercase words allowed inside a claimant's name.
const NAME_CONNECTORS: &[&str] = &[
    "the", "a", "an", "of", "for", "at", "de", "del", "da", "al", "bin", "van", "von", "der", "la",
    "le", "du", "and", "this", "that", "its", "his", "her", "their", "our", "s",
];
/// Pronoun subjects: the frame comes off, no one is named.
const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it"];
/// Words between a subject and its verb of saying ("has long claimed").
const VERB_GROUP: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "again",
    "long",
    "repeatedly",
    "once",
    "falsely",
    "wrongly",
    "recently",
    "now",
    "still",
    "often",
];
/// Words between a verb of saying and its "that" ("said on Tuesday that").
const BEFORE_THAT: &[&str] = &[
    "on",
    "in",
    "at",
    "last",
    "this",
    "a",
    "an",
    "the",
    "earlier",
    "recently",
    "statement",
    "interview",
    "speech",
    "post",
    "tweet",
    "video",
    "week",
    "month",
    "year",
    "today",
    "yesterday",
];

/// A claim with its "X says ..." frame taken off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attributed<'a> {
    /// Who makes the claim, when the frame names someone ("Dana Whitfield",
    /// "NASA", "The Harlow Council"). `None` when it names no one: an
    /// unnamed or collective source ("Experts say", "Officials said", "The
    /// report says", "he said") or a role ("The mayor of Port Alder", whose
    /// name the check finds from the quotes), whose frame still comes off. Such a source
    /// is not a claimant passages could be by or about: "experts" in every
    /// passage would make them all reports of the claim.
    pub claimant: Option<String>,
    /// The claim itself.
    pub claim: &'a str,
}

/// Whitespace-separated words of `text` with their byte ranges.
fn spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// A word without the punctuation around it.
fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}' | '\u{ab}' | '\u{bb}'
    )
}

/// The claim text, trimmed of spaces, quote marks and a final comma.
fn clean(text: &str) -> &str {
    let t = text.trim().trim_start_matches([',', ':']).trim();
    let quoted = t.starts_with(is_quote_mark);
    let t = if quoted {
        t.trim_matches(is_quote_mark).trim()
    } else {
        t
    };
    t.trim_end_matches(',').trim()
}

/// Whether `words` can be the subject that makes a claim, and if so the
/// claimant it names (see [`Attributed::claimant`]).
fn subject(words: &[&str]) -> Option<Option<String>> {
    if words.is_empty() || words.len() > MAX_CLAIMANT_WORDS {
        return None;
    }
    // A comma or a sentence end inside is no subject ("In 2019, Smith").
    if words[..words.len() - 1]
        .iter()
        .any(|w| w.ends_with([',', ';', ':', '!', '?']))
    {
        return None;
    }
    let lower: Vec<String> = words.iter().map(|w| bare(w).to_lowercase()).collect();
    if lower.len() == 1 && PRONOUNS.contains(&lower[0].as_str()) {
        return Some(None);
    }
    // A capital first, or an article ("..., says the Harbor Authority").
    let first_upper = bare(words[0]).starts_with(char::is_uppercase);
    let article = matches!(lower[0].as_str(), "the" | "a" | "an") && words.len() > 1;
    if !(first_upper || article) {
        return None;
    }
    for (w, l) in words.iter().zip(&lower) {
        // Acronyms ("US", "WHO") are names, not function words.
        let acronym = bare(w).len() >= 2 && bare(w).chars().all(|c| !c.is_lowercase());
        if l.is_empty()
            || (!acronym
                && FUNCTION_WORDS.contains(&l.as_str())
                && !NAME_CONNECTORS.contains(&l.as_str()))
        {
            return None;
        }
    }
    // The head is the last word before "of" / "for" / "at": "The mayor of
    // Port Alder" is a role (its speaker is found from the quotes), "Mayor
    // Ines Okafor" and "Secretary of State Ann Kerr" are names.
    let end = (1..words.len())
        .find(|&i| matches!(lower[i].as_str(), "of" | "for" | "at"))
        .unwrap_or(words.len());
    let head_word = bare(words[end - 1]);
    let head = lower[end - 1].as_str();
    let named = head_word.starts_with(char::is_uppercase)
        && !NAME_CONNECTORS.contains(&head)
        && !GENERIC_SPEAKERS.contains(head)
        && !GENERIC_SPEAKERS.contains(lower.last().map(String::as_str).unwrap_or_default());
    let name = words.join(" ");
    let name = name.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ')');
    Some(named.then(|| name.to_owned()))
}

/// Takes a claimant frame off a claim: "X says ...", "X claimed that ...",
/// "According to X, ...", "X: \u{201c}...\u{201d}" (a quote after the colon; "Syria:
/// ..." is a headline's topic, not a speaker), and "..., X said."; a label
/// first ("The claim:", "Fact check:") is dropped. A text with no frame
/// comes back whole, with no claimant.
pub fn split_claimant(text: &str) -> Attributed<'_> {
    let mut t = text.trim();
    // "The claim: ..."
    if let Some((label, rest)) = t.split_once(':')
        && CLAIM_LABELS.contains(&label.trim().to_lowercase())
        && !rest.trim().is_empty()
    {
        t = rest.trim();
    }
    let whole = Attributed {
        claimant: None,
        claim: t,
    };
    let ws = spans(t);
    let word = |i: usize| &t[ws[i].0..ws[i].1];
    let long_enough = |s: &str| s.split_whitespace().count() >= MIN_CLAIM_WORDS;

    // "According to X, ..."
    if t.get(..13)
        .is_some_and(|p| p.eq_ignore_ascii_case("according to "))
        && let Some(comma) = t[13..].find(", ").map(|c| c + 13)
    {
        let who: Vec<&str> = t[13..comma].split_whitespace().collect();
        let rest = clean(&t[comma + 1..]);
        if let Some(claimant) = subject(&who)
            && long_enough(rest)
        {
            return Attributed {
                claimant,
                claim: rest,
            };
        }
    }

    // "X: “...”"
    if let Some(colon) = t.find(':') {
        let who: Vec<&str> = t[..colon].split_whitespace().collect();
        let rest = t[colon + 1..].trim();
        if rest.starts_with(is_quote_mark)
            && who.iter().all(|w| {
                bare(w).starts_with(char::is_uppercase)
                    || NAME_CONNECTORS.contains(&bare(w).to_lowercase().as_str())
            })
            && let Some(claimant) = subject(&who)
            && long_enough(clean(rest))
        {
            return Attributed {
                claimant,
                claim: clean(rest),
            };
        }
    }

    // "X says (that) ..."
    let head_reach = ws
        .len()
        .min(MAX_CLAIMANT_WORDS + VERB_GROUP.len().min(3) + 1);
    for v in 1..head_reach {
        let verb = word(v);
        if !ATTRIBUTION_VERBS.contains(verb.trim_end_matches([',', ':'])) {
            continue;
        }
        // "claimed the lives of 40": taking, not saying.
        if verb.starts_with("claim")
            && (v + 1..ws.len().min(v + 4))
                .any(|j| CLAIM_OBJECTS.contains(&bare(word(j)).to_lowercase()))
        {
            break;
        }
        let mut s = v;
        while s > 0 && VERB_GROUP.contains(&word(s - 1)) {
            s -= 1;
        }
        let who: Vec<&str> = (0..s).map(word).collect();
        let Some(claimant) = subject(&who) else {
            continue;
        };
        let mut from = v + 1;
        if let Some(that) = (v + 1..ws.len().min(v + 6)).find(|&j| word(j) == "that")
            && (v + 1..that).all(|j| {
                let w = bare(word(j)).to_lowercase();
                BEFORE_THAT.contains(&w.as_str()) || WEEKDAYS.contains(&w)
            })
        {
            from = that + 1;
        }
        if from >= ws.len() {
            break;
        }
        let rest = clean(&t[ws[from].0..]);
        if long_enough(rest) {
            return Attributed {
                claimant,
                claim: rest,
            };
        }
        break;
    }

    // "..., X said." / "..., says X."
    if let Some(comma) = t.rfind(',') {
        let tail = t[comma + 1..]
            .trim_start_matches(|c: char| c.is_whitespace() || is_quote_mark(c))
            .trim_end_matches(['.', '!']);
        let tail_words: Vec<&str> = tail.split_whitespace().collect();
        let head = &t[..comma];
        if let Some(v) = tail_words
            .iter()
            .position(|w| ATTRIBUTION_VERBS.contains(w))
            .filter(|_| tail_words.len() <= MAX_CLAIMANT_WORDS + 3)
        {
            let who: Vec<&str> = if v == 0 {
                tail_words[1..].to_vec()
            } else {
                let mut s = v;
                while s > 0 && VERB_GROUP.contains(&tail_words[s - 1]) {
                    s -= 1;
                }
                // Nothing but time words after the verb ("said on Tuesday").
                let after_ok = tail_words[v + 1..].iter().all(|w| {
                    let w = bare(w).to_lowercase();
                    BEFORE_THAT.contains(&w.as_str()) || WEEKDAYS.contains(&w)
                });
                if after_ok {
                    tail_words[..s].to_vec()
                } else {
                    Vec::new()
                }
            };
            let rest = clean(head);
            if let Some(claimant) = subject(&who)
                && long_enough(rest)
            {
                return Attributed {
                    claimant,
                    claim: rest,
                };
            }
        }
    }
    whole
}

/// The span of `needle` in `doc`: an exact (case- and space-insensitive)
/// occurrence, or else the sentence or quote most similar to it (at least
/// [`MERGE_THRESHOLD`]).
pub fn locate(doc: &Document, needle: &str) -> Option<Span> {
    let needle = needle.trim();
    if needle.is_empty() {
        return None;
    }
    if let Some(span) = Span::find(&doc.text, needle) {
        return Some(span);
    }
    let mut best: Option<(f64, Span)> = None;
    let spans = doc
        .quotes
        .iter()
        .map(|q| q.content)
        .chain(passage_spans(doc));
    let needle = Statement::new(needle);
    for span in spans {
        let sim = needle.similarity(&Statement::new(doc.slice(span)));
        if sim >= MERGE_THRESHOLD && best.is_none_or(|(b, _)| sim > b) {
            best = Some((sim, span));
        }
    }
    best.map(|(_, s)| s)
}

/// The date part (YYYY-MM-DD) of an ISO 8601 date or date-time.
fn date_part(published: Option<&str>) -> Option<String> {
    let p = published?;
    let d = p.get(..10).unwrap_or(p);
    (d.len() >= 4).then(|| d.to_owned())
}

/// Finds the claims in a collection (reviewed claims, attributed quotes,
/// check-worthy sentences), merges near-duplicates, and returns at most
/// `options.max_claims`, reviewed claims first, then by check-worthiness.
#[cfg(test)]
pub fn extract(docs: &[Document], options: ClaimOptions) -> Vec<Claim> {
    extract_counted(&crate::InMemory::new(docs), options)
        .0
        .collect()
}

/// [`extract`] over any store of documents, with how many distinct claims
/// were found in all. The documents are read once each, a share of them
/// on each core, and not kept: what extraction holds is the distinct
/// candidates and their places.
pub fn extract_counted(docs: &dyn Documents, options: ClaimOptions) -> (FoundClaims, ClaimCount) {
    let limit = Candidates::limit_for(options.max_claims);
    widening(options.max_claims, limit, |limit| {
        extract_once(docs, options, limit)
    })
}

/// The claims `run` gives keeping `limit` candidates at first. Should
/// those merge into fewer claims than asked for while more were let go (a
/// collection of one template's variants), `run` goes again keeping eight
/// times as many.
fn widening(
    max_claims: usize,
    mut limit: usize,
    mut run: impl FnMut(usize) -> (FoundClaims, ClaimCount),
) -> (FoundClaims, ClaimCount) {
    loop {
        let (claims, count) = run(limit);
        // Fewer than asked for and more exist: only candidates let go can
        // say so, the merge's own count stops past the claims asked for.
        if claims.len() >= max_claims || !count.more || limit == usize::MAX {
            return (claims, count);
        }
        limit = limit.saturating_mul(8);
    }
}

/// The claims of `docs`, the first `limit` candidates kept.
fn extract_once(
    docs: &dyn Documents,
    options: ClaimOptions,
    limit: usize,
) -> (FoundClaims, ClaimCount) {
    let parts = crate::parallel::parts(docs.len());
    let share = |part: usize| {
        let mut found = Candidates::keeping(limit);
        docs.scan(part, parts, &mut |place, doc| {
            found.add_document(place as u32, doc, options);
        });
        found
    };
    let mut shares = crate::parallel::map_parts(parts, share).into_iter();
    let mut all = shares.next().unwrap_or_else(|| Candidates::keeping(limit));
    for part in shares {
        all.absorb(part);
    }
    all.merge(options.max_claims)
}

/// The candidate claims of a collection that is one shard of a larger one,
/// in collection order: the first half of claim extraction
/// (`extract_counted`), whose second half, [`merge_shards`], takes every
/// shard's candidates.
pub fn shard_candidates(docs: &[Document], options: ClaimOptions) -> Vec<ClaimCandidate> {
    let parts = crate::parallel::map_runs(docs, |run, _| {
        let mut out = Vec::new();
        for doc in run.iter().filter(|d| crate::language::carries_weight(d)) {
            let date = date_part(doc.published.as_deref());
            candidates_of(doc, options, &mut |found| {
                out.push(ClaimCandidate {
                    text: found.text.to_owned(),
                    claimant: found.claimant,
                    origin: found.origin,
                    score: found.score,
                    document: doc.id.clone(),
                    span: found.span,
                    date: date.clone(),
                });
            });
        }
        out
    });
    parts.into_iter().flatten().collect()
}

/// Merges the candidate claims of every shard of a collection, given in
/// shard order, into the claims extraction (`extract_counted`) finds in
/// the whole collection.
pub fn merge_shards(cands: &[ClaimCandidate], max_claims: usize) -> (Vec<Claim>, ClaimCount) {
    let limit = Candidates::limit_for(max_claims);
    let (claims, count) = widening(max_claims, limit, |limit| {
        merge_shards_keeping(cands, max_claims, limit)
    });
    (claims.collect(), count)
}

fn merge_shards_keeping(
    cands: &[ClaimCandidate],
    max_claims: usize,
    limit: usize,
) -> (FoundClaims, ClaimCount) {
    // A document's place is where its id first comes: copies of one
    // document are one place anyway.
    let mut places: FxHashMap<&DocumentId, u32> = FxHashMap::default();
    let mut all = Candidates::keeping(limit);
    for c in cands {
        let next = places.len() as u32;
        let place = *places.entry(&c.document).or_insert(next);
        let found = Found {
            text: &c.text,
            terms: words::terms(&c.text),
            claimant: c.claimant.clone(),
            origin: c.origin,
            score: c.score,
            span: c.span,
        };
        all.add(place, &c.document, c.date.as_deref(), found);
    }
    all.merge(max_claims)
}

/// A candidate claim as a document gives it.
pub struct Found<'a> {
    /// The statement, without its "X says" frame.
    pub text: &'a str,
    /// Its terms ([`words::terms`]).
    pub terms: Vec<String>,
    pub claimant: Option<String>,
    pub origin: ClaimOrigin,
    pub score: f64,
    /// Where it appears in its document, when it was located.
    pub span: Option<Span>,
}

/// Hands `emit` the candidate claims of `doc`: its reviewed claims, its
/// attributed quotes and, unless it is a fact-check, its check-worthy
/// sentences.
fn candidates_of<'a>(doc: &'a Document, options: ClaimOptions, emit: &mut dyn FnMut(Found<'a>)) {
    for review in &doc.reviews {
        if review.claim.trim().is_empty() {
            continue;
        }
        // "Dana Whitfield says ..." in the review box: the claim is
        // what she says; the review's own claimant wins.
        let split = split_claimant(&review.claim);
        emit(Found {
            text: split.claim,
            terms: words::terms(split.claim),
            claimant: review.claimant.clone().or(split.claimant),
            origin: ClaimOrigin::Reviewed,
            score: 1.0,
            span: locate(doc, &review.claim),
        });
    }
    for q in &doc.quotes {
        let Some(speaker) = &q.speaker else { continue };
        // A quote that reports someone else ("Smith says ...") is
        // Smith's claim; one citing unnamed sources stays the speaker's.
        let split = split_claimant(doc.slice(q.content));
        let content = split.claim;
        let score = checkworthiness(content).max(if q.direct { 0.0 } else { 0.05 });
        // A quote with a named speaker is a claim someone made; it only
        // needs to be a statement, not a question or fragment.
        if score <= 0.0 {
            continue;
        }
        let terms = words::terms(content);
        if terms.len() < MIN_CLAIM_TERMS {
            continue;
        }
        emit(Found {
            text: content,
            terms,
            claimant: split.claimant.or_else(|| Some(speaker.name.clone())),
            origin: ClaimOrigin::Quote,
            score: score.max(MIN_CHECKWORTHINESS),
            span: Some(q.content),
        });
    }
    if options.sentences && doc.kind != DocumentKind::FactCheck {
        for span in &doc.sentences {
            // Headlines and sentences: "Mayor says ..." is the mayor's claim.
            let split = split_claimant(doc.slice(*span));
            let s = split.claim;
            let score = checkworthiness(s);
            if score < MIN_CHECKWORTHINESS {
                continue;
            }
            let terms = words::terms(s);
            if terms.len() < MIN_CLAIM_TERMS {
                continue;
            }
            emit(Found {
                text: s,
                terms,
                claimant: split.claimant,
                origin: ClaimOrigin::Sentence,
                score,
                span: Some(*span),
            });
        }
    }
}

/// Turns user-given texts into claims, each without its "X says" frame and
/// with X as its claimant; their appearances are found later, with the
/// index (`Checker::complete_claims`).
pub fn given(texts: &[String]) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::new();
    for t in texts {
        let split = split_claimant(t);
        if split.claim.is_empty() {
            continue;
        }
        let mut claim = Claim::new(split.claim, ClaimOrigin::Given);
        claim.claimant = split.claimant;
        if out.iter().all(|c| c.id != claim.id) {
            out.push(claim);
        }
    }
    out
}

/// Each document's place in a collection, by id (the first document of
/// an id, should two share one).
pub fn positions(docs: &[Document]) -> FxHashMap<DocumentId, usize> {
    let mut out = FxHashMap::default();
    for (i, d) in docs.iter().enumerate() {
        out.entry(d.id.clone()).or_insert(i);
    }
    out
}

/// Adds to `claim` the passages and quotes of the collection that state it
/// (similarity at least [`MERGE_THRESHOLD`] among the top `k` BM25 hits),
/// keeping appearances in collection order without repeats.
pub fn find_appearances(
    claim: &mut Claim,
    docs: &dyn crate::Documents,
    index: &dyn Retriever,
    k: usize,
) {
    let statement = Statement::new(&claim.text);
    let claim_terms = statement.terms();
    let prepared = crate::cues::PreparedClaim::new(&claim.text);
    let mut found: Vec<(usize, Appearance)> = Vec::new();
    for hit in index.search(&claim.text, k) {
        let p = index.passage(hit.passage);
        let doc = docs.get(p.doc as usize);
        // Prefer the quote inside the passage, when one states the claim.
        let quote = doc.quotes.iter().find(|q| {
            p.span.start() <= q.content.start()
                && q.content.end() <= p.span.end()
                && statement.similarity(&Statement::new(doc.slice(q.content))) >= MERGE_THRESHOLD
        });
        // A passage that contradicts the claim (other numbers, the opposite
        // polarity) is not an appearance of it, however many words it shares.
        if crate::cues::cues(&prepared, doc.slice(p.span))
            .iter()
            .any(|c| c.label == veracity_model::StanceLabel::Disagree)
        {
            continue;
        }
        let span = match quote {
            Some(q) => q.content,
            None => {
                let passage = Statement::new(doc.slice(p.span));
                if words::containment(claim_terms, passage.terms()) < PREFILTER_CONTAINMENT
                    || statement.similarity(&passage) < APPEARANCE_THRESHOLD
                {
                    continue;
                }
                p.span
            }
        };
        found.push((
            p.doc as usize,
            Appearance {
                document: doc.id.clone(),
                span,
            },
        ));
    }
    let position = |a: &Appearance| docs.place_of(&a.document).unwrap_or(usize::MAX);
    let mut all: Vec<(usize, Appearance)> = claim
        .appearances
        .drain(..)
        .map(|a| (position(&a), a))
        .chain(found)
        .collect();
    all.sort_by_key(|a| (a.0, a.1.span));
    // Drop repeats and appearances nested in another of the same document;
    // sorted by document, those of one document are the last ones kept.
    let mut kept: Vec<(usize, Appearance)> = Vec::new();
    let mut doc_start = 0;
    for (d, a) in all {
        if kept.last().is_some_and(|(kd, _)| *kd != d) {
            doc_start = kept.len();
        }
        if kept[doc_start..]
            .iter()
            .any(|(_, k)| k.span.contains(&a.span) || a.span.contains(&k.span))
        {
            continue;
        }
        kept.push((d, a));
    }
    claim.appearances = kept.into_iter().map(|(_, a)| a).collect();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{doc, with_quote};
    use veracity_model::{Rating, RatingClass, Review};

    /// The claims found, made.
    fn made((claims, count): (FoundClaims, ClaimCount)) -> (Vec<Claim>, ClaimCount) {
        (claims.collect(), count)
    }

    const CLAIM: &str = "Our new desalination plant already supplies forty percent of the city's drinking water, and it has cut household water bills by a fifth.";

    fn review_doc() -> Document {
        let text =
            format!("Mayor Dana Whitfield said: \"{CLAIM}\" We rate this claim Mostly False.");
        let mut d = doc("factcheck", &text);
        d.kind = DocumentKind::FactCheck;
        d.reviews.push(Review {
            claim: CLAIM.to_owned(),
            claimant: Some("Dana Whitfield".into()),
            rating: Rating {
                label: "Mostly False".into(),
                scale: "politifact".into(),
                value: Some(0.25),
                class: RatingClass::MostlyFalse,
            },
            summary: None,
            reviewer: Some("Harbor Fact Desk".into()),
            url: None,
            date: Some("2026-03-06".into()),
        });
        d
    }

    #[test]
    fn checkworthiness_prefers_factual_numbers() {
        let fact =
            checkworthiness("The plant supplied 12 percent of the city's drinking water in 2025.");
        let opinion = checkworthiness("I think the new plant is a wonderful thing for all of us.");
        assert!(fact > 0.6, "{fact}");
        assert!(opinion < MIN_CHECKWORTHINESS, "{opinion}");
        assert_eq!(
            checkworthiness("Does the plant supply 40 percent of the water?"),
            0.0
        );
        assert_eq!(
            checkworthiness("Sign up for our newsletter today and get 20% off."),
            0.0
        );
        assert_eq!(checkworthiness("Too short."), 0.0);
    }

    #[test]
    fn reviewed_claim_absorbs_quotes_and_trims() {
        let news = with_quote(
            doc(
                "news",
                &format!("\"{CLAIM}\" Mayor Dana Whitfield said on Tuesday."),
            ),
            CLAIM,
            "Dana Whitfield",
        );
        let trim = "the plant already supplies forty percent of the city's drinking water";
        let other = with_quote(
            doc(
                "other",
                &format!(
                    "Whitfield said that {trim}. Beach volunteers collected 300 kilograms of litter on Saturday."
                ),
            ),
            trim,
            "Whitfield",
        );
        let docs = vec![review_doc(), news, other];
        let claims = extract(&docs, ClaimOptions::default());
        let main = &claims[0];
        assert_eq!(main.origin, ClaimOrigin::Reviewed);
        assert_eq!(main.text, CLAIM);
        assert_eq!(main.claimant.as_deref(), Some("Dana Whitfield"));
        let docs_seen: Vec<&str> = main
            .appearances
            .iter()
            .map(|a| a.document.as_str())
            .collect();
        for d in &docs {
            assert!(
                docs_seen.contains(&d.id.as_str()),
                "missing appearance in {}",
                d.source.location
            );
        }
        // The unrelated sentence is a separate claim, not merged.
        assert!(
            claims
                .iter()
                .skip(1)
                .all(|c| !c.text.contains("desalination"))
        );
        assert!(claims.iter().any(|c| c.text.contains("300 kilograms")));
    }

    #[test]
    fn max_claims_and_determinism() {
        let docs = vec![
            review_doc(),
            doc(
                "x",
                "The council approved a budget of 40 million dollars for Port Alder schools in 2026. Voters rejected the measure by 12 points in March.",
            ),
        ];
        let a = extract(
            &docs,
            ClaimOptions {
                max_claims: 2,
                sentences: true,
            },
        );
        let b = extract(
            &docs,
            ClaimOptions {
                max_claims: 2,
                sentences: true,
            },
        );
        assert_eq!(a, b);
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].origin, ClaimOrigin::Reviewed);
    }

    /// A fact-check and twelve reports of its claim and of two others,
    /// under three frames and five dates, one of them twice.
    fn order_test_collection() -> Vec<Document> {
        let mut docs = vec![review_doc()];
        for i in 0..12 {
            let frame = [
                "Mayor Dana Whitfield says",
                "Councillor Ade Bello said",
                "Reports say",
            ][i % 3];
            let mut d = doc(
                &format!("n{i}"),
                &format!(
                    "{frame} the ferry carries 300 passengers every day. The council approved a budget of {} million dollars for Port Alder schools in 2026. Voters rejected the measure by 12 points in March.",
                    40 + i % 4
                ),
            );
            d.published = Some(format!("2026-0{}-1{}", 1 + i % 5, i % 10));
            docs.push(d);
        }
        // One document twice: its places count once.
        docs.push(docs[3].clone());
        docs
    }

    /// A store that hands its documents over last first, in the shares
    /// of another count of parts.
    struct Backwards<'a>(crate::InMemory<'a>, usize);

    impl Documents for Backwards<'_> {
        fn len(&self) -> usize {
            self.0.len()
        }
        fn get(&self, place: usize) -> &Document {
            self.0.get(place)
        }
        fn place_of(&self, id: &DocumentId) -> Option<usize> {
            self.0.place_of(id)
        }
        fn reviews(&self) -> Vec<(usize, &veracity_model::Review)> {
            self.0.reviews()
        }
        fn scan(&self, part: usize, _parts: usize, f: &mut dyn FnMut(usize, &Document)) {
            // Every share of `self.1`, each read backwards, for part 0.
            if part == 0 {
                for p in (0..self.1).rev() {
                    for place in crate::share(self.len(), p, self.1).rev() {
                        f(place, self.get(place));
                    }
                }
            }
        }
    }

    /// Copies of sentences under different claimants and dates, a copy of
    /// one document under two places, near-duplicates: the claims do not
    /// depend on the order documents are read in, nor on how a sharded
    /// run split them.
    #[test]
    fn claims_do_not_depend_on_the_order_documents_are_read() {
        let docs = order_test_collection();
        let options = ClaimOptions {
            max_claims: 20,
            sentences: true,
        };
        let memory = crate::InMemory::new(&docs);
        let forward = made(extract_counted(&memory, options));
        assert!(forward.0.len() > 3, "{:#?}", forward.0);
        assert!(
            forward
                .0
                .iter()
                .any(|c| c.claimant.is_some() && c.date.is_some())
        );
        for parts in [1, 3, 5] {
            let backwards = Backwards(crate::InMemory::new(&docs), parts);
            assert_eq!(
                made(extract_counted(&backwards, options)),
                forward,
                "{parts} parts"
            );
        }
        for split in [1, 4, 9] {
            let mut cands = shard_candidates(&docs[..split], options);
            cands.extend(shard_candidates(&docs[split..], options));
            assert_eq!(
                merge_shards(&cands, options.max_claims),
                forward,
                "split at {split}"
            );
        }
    }

    /// The candidates of `docs` fed in `order`, cut into `shares` runs,
    /// each gathered apart (`empty` makes each share's) and absorbed in
    /// order, as extraction on several cores does.
    fn shared_out(
        docs: &[Document],
        order: &[usize],
        shares: usize,
        options: ClaimOptions,
        empty: &dyn Fn() -> Candidates,
    ) -> Candidates {
        let mut parts = order.chunks(order.len().div_ceil(shares)).map(|run| {
            let mut part = empty();
            for &d in run {
                part.add_document(d as u32, &docs[d], options);
            }
            part
        });
        let mut all = parts.next().unwrap();
        for part in parts {
            all.absorb(part);
        }
        all
    }

    /// Candidates kept up to a limit give the first claims of every
    /// candidate kept, whatever the order the documents come in and
    /// however they are shared out; the count says it is a lower bound.
    #[test]
    fn a_bounded_set_of_candidates_starts_the_same_first_claims() {
        let docs = order_test_collection();
        let options = ClaimOptions::default();
        let feed = |limit: usize, order: &[usize], shares: usize| {
            made(
                shared_out(&docs, order, shares, options, &|| {
                    Candidates::keeping(limit)
                })
                .merge(2),
            )
        };
        let forward: Vec<usize> = (0..docs.len()).collect();
        let backward: Vec<usize> = forward.iter().rev().copied().collect();
        let (every, every_count) = feed(usize::MAX, &forward, 1);
        assert!(
            every_count.found > 2 && !every_count.more,
            "{every_count:?}"
        );
        let (kept, count) = feed(2, &forward, 1);
        assert!(count.more, "{count:?}");
        for (order, shares) in [(&forward, 3), (&backward, 1), (&backward, 4)] {
            assert_eq!(feed(2, order, shares), (kept.clone(), count));
        }
        assert_eq!(kept.len(), 2);
        for (k, e) in kept.iter().zip(&every) {
            assert_eq!(
                (&k.text, &k.claimant, k.origin),
                (&e.text, &e.claimant, e.origin)
            );
            assert!(k.appearances.iter().all(|a| e.appearances.contains(a)));
        }
    }

    /// A check of every claim writes its candidates out in sorted runs
    /// once it holds a number of them; merging the runs read back gives
    /// the claims (places, claimants, dates, counts) of every candidate
    /// held, however often runs were written and however the documents
    /// were shared out, for copies of a sentence cut between runs too.
    #[test]
    fn candidates_written_out_in_runs_give_the_claims_of_all_held() {
        let mut docs = order_test_collection();
        for i in 0..(merge::PLACES_KEPT + 40) {
            docs.push(doc(
                &format!("copy{i}"),
                "The Tarrow ferry carries 300 passengers every day across the bay. \
                 The Tarrow ferry carries 300 passengers every day across the bay.",
            ));
        }
        let options = ClaimOptions::default();
        let feed = |spill_at: usize, shares: usize| {
            let order: Vec<usize> = (0..docs.len()).collect();
            let all = shared_out(&docs, &order, shares, options, &|| {
                Candidates::spilling_at(usize::MAX, spill_at)
            });
            let runs = all.runs();
            (made(all.merge(usize::MAX)), runs)
        };
        let (held, runs) = feed(usize::MAX, 1);
        assert_eq!(runs, 0);
        assert!(held.0.len() > 3, "{:?}", held.1);
        for (spill_at, shares) in [(1, 1), (2, 1), (3, 3), (7, 2), (5, 1)] {
            let (written, runs) = feed(spill_at, shares);
            assert!(runs > 1, "{spill_at}: {runs} runs");
            assert_eq!(written, held, "runs of {spill_at}, {shares} share(s)");
        }
    }

    /// The merge takes its candidates a chunk at a time, each chunk's
    /// searches of the claims before it on every core: any chunk size
    /// gives the claims of taking them one by one, for a collection of
    /// templated sentences that merge into a few claims, all of them
    /// rated or a few.
    #[test]
    fn claims_merged_a_chunk_at_a_time_are_those_merged_one_by_one() {
        let (things, places) = (
            ["ferry", "clinic", "library", "stadium"],
            ["Tarrow", "Elsby", "Moorcombe"],
        );
        let docs: Vec<Document> = (0..700)
            .map(|i| {
                let (thing, place) = (things[i % 4], places[i % 3]);
                doc(
                    &format!("t{i}"),
                    &format!(
                        "The {thing} in {place} served {} visitors last year, according to city figures. \
                         Spending on the {thing} grew by {}% in 2025, the report said. \
                         The {thing} has {} staff, {} more than the one in {}.",
                        100 + i * 7 % 900,
                        1 + i % 60,
                        20 + i % 45,
                        i % 13,
                        places[(i + 1) % 3],
                    ),
                )
            })
            .collect();
        let options = ClaimOptions::default();
        let order: Vec<usize> = (0..docs.len()).collect();
        let merged = |chunk: usize, max_claims: usize| {
            made(
                shared_out(&docs, &order, 1, options, &|| {
                    Candidates::keeping(usize::MAX)
                })
                .merging_by(chunk)
                .merge(max_claims),
            )
        };
        for max_claims in [usize::MAX, 3] {
            let one_by_one = merged(1, max_claims);
            assert!(one_by_one.0.len() > 2, "{:?}", one_by_one.1);
            for chunk in [2, 7, 600, merge::CHUNK] {
                assert_eq!(merged(chunk, max_claims), one_by_one, "chunks of {chunk}");
            }
        }
    }

    /// A sentence repeated in more documents than a candidate keeps the
    /// places of: the first are kept, the rest counted, whatever order
    /// the documents come in.
    #[test]
    fn a_repeated_sentence_keeps_its_first_places_and_counts_the_rest() {
        let total = merge::PLACES_KEPT * 2 + 500;
        let docs: Vec<Document> = (0..total)
            .map(|i| {
                doc(
                    &format!("copy{i}"),
                    "The Tarrow ferry carries 300 passengers every day across the bay.",
                )
            })
            .collect();
        let feed = |order: &mut dyn Iterator<Item = usize>| {
            let mut all = Candidates::keeping(usize::MAX);
            for d in order {
                all.add_document(d as u32, &docs[d], ClaimOptions::default());
            }
            made(all.merge(1))
        };
        let (forward, count) = feed(&mut (0..total));
        assert_eq!(feed(&mut (0..total).rev()), (forward.clone(), count));
        let claim = &forward[0];
        assert_eq!(claim.appearances.len(), merge::PLACES_KEPT);
        assert_eq!(claim.appearances[0].document, docs[0].id);
        assert_eq!(
            claim.appearances.last().map(|a| &a.document),
            Some(&docs[merge::PLACES_KEPT - 1].id)
        );
        assert_eq!(claim.stated_in, Some(total as u64));
    }

    /// A claim gathered from two wordings, each in more documents than a
    /// claim holds places of before it writes them out: every place comes
    /// back, each document once.
    #[test]
    fn a_claim_in_many_documents_gets_every_place_back() {
        let wordings = [
            "The Tarrow ferry carries 300 passengers every day across the bay.",
            "Every day the Tarrow ferry carries 300 passengers across the bay.",
        ];
        let docs: Vec<Document> = (0..300)
            .map(|i| doc(&format!("copy{i}"), wordings[i % 2]))
            .collect();
        let mut all = Candidates::keeping(usize::MAX);
        for (place, d) in docs.iter().enumerate() {
            all.add_document(place as u32, d, ClaimOptions::default());
        }
        let (claims, _) = made(all.merge(5));
        assert_eq!(claims.len(), 1, "{claims:?}");
        let listed: Vec<&DocumentId> = claims[0].appearances.iter().map(|a| &a.document).collect();
        let distinct: std::collections::HashSet<&DocumentId> = listed.iter().copied().collect();
        assert_eq!((listed.len(), distinct.len()), (300, 300));
        assert!(docs.iter().all(|d| distinct.contains(&d.id)));
        assert_eq!(claims[0].stated_in, None);
    }

    /// Candidates kept that merge into fewer claims than asked for, while
    /// more were let go: extraction reads again keeping more, and gives
    /// what keeping every candidate gives; so does a sharded run.
    #[test]
    fn too_few_claims_from_the_candidates_kept_widens_the_search() {
        let mut docs: Vec<Document> = (0..30)
            .map(|i| {
                doc(
                    &format!("v{i}"),
                    &format!(
                        "We expect the clinic to reach {}% nurses by next year in Lakewood.",
                        10 + i
                    ),
                )
            })
            .collect();
        docs.push(doc(
            "other",
            "The council approved a budget of 40 million dollars for Port Alder schools.",
        ));
        let options = ClaimOptions {
            max_claims: 2,
            sentences: true,
        };
        let memory = crate::InMemory::new(&docs);
        let every = made(extract_once(&memory, options, usize::MAX));
        assert_eq!(every.0.len(), 2, "{:#?}", every.0);
        // Three candidates kept: all variants of the first claim.
        let narrow = extract_once(&memory, options, 3);
        assert_eq!(narrow.0.len(), 1);
        assert!(narrow.1.more);
        let widened = made(widening(2, 3, |limit| {
            extract_once(&memory, options, limit)
        }));
        assert_eq!(widened.0, every.0);
        let cands = shard_candidates(&docs, options);
        let sharded = made(widening(2, 3, |limit| {
            merge_shards_keeping(&cands, 2, limit)
        }));
        assert_eq!(sharded, widened);
    }

    #[test]
    fn appearances_found_through_the_index() {
        let docs = vec![
            doc(
                "a",
                "Officials said the plant already supplies forty percent of the city's drinking water. Other news today.",
            ),
            doc(
                "b",
                "The beach was cleaned by volunteers on Saturday with many bags.",
            ),
        ];
        let index = crate::index::Index::build(&docs);
        let mut claim =
            given(&["The plant already supplies 40% of the city's drinking water".to_owned()])
                .remove(0);
        find_appearances(&mut claim, &crate::InMemory::new(&docs), &index, 20);
        assert_eq!(claim.appearances.len(), 1);
        assert_eq!(claim.appearances[0].document, docs[0].id);
    }

    fn split(text: &str) -> (Option<String>, &str) {
        let a = split_claimant(text);
        (a.claimant, a.claim)
    }

    #[test]
    fn named_claimants_are_split_off() {
        let claim = "the Tarrow ferry carries 300 passengers a day";
        for (text, who) in [
            (
                "Mayor Ines Okafor says the Tarrow ferry carries 300 passengers a day.",
                "Mayor Ines Okafor",
            ),
            (
                "Ines Okafor claimed on Tuesday that the Tarrow ferry carries 300 passengers a day.",
                "Ines Okafor",
            ),
            (
                "According to Ines Okafor, the Tarrow ferry carries 300 passengers a day.",
                "Ines Okafor",
            ),
            (
                "Okafor: \u{201c}the Tarrow ferry carries 300 passengers a day\u{201d}",
                "Okafor",
            ),
            (
                "\u{201c}The Tarrow ferry carries 300 passengers a day,\u{201d} Ines Okafor said.",
                "Ines Okafor",
            ),
            (
                "The Tarrow ferry carries 300 passengers a day, says the Harbor Authority.",
                "the Harbor Authority",
            ),
            (
                "Secretary of State Ann Kerr said that the Tarrow ferry carries 300 passengers a day.",
                "Secretary of State Ann Kerr",
            ),
            (
                "The claim: Ines Okafor says the Tarrow ferry carries 300 passengers a day.",
                "Ines Okafor",
            ),
        ] {
            let (c, t) = split(text);
            assert_eq!(c.as_deref(), Some(who), "{text}");
            assert!(
                t.trim_end_matches('.').eq_ignore_ascii_case(claim),
                "{text}: {t}"
            );
        }
    }

    #[test]
    fn unnamed_sources_lose_the_frame_but_name_no_claimant() {
        for text in [
            "Experts say the Tarrow ferry carries 300 passengers a day.",
            "The report says the Tarrow ferry carries 300 passengers a day.",
            "Harbor officials said the Tarrow ferry carries 300 passengers a day.",
            "The mayor of Port Tarrow said the Tarrow ferry carries 300 passengers a day.",
            "Tarrow's harbor master said the Tarrow ferry carries 300 passengers a day.",
            "The Tarrow ferry carries 300 passengers a day, he said.",
        ] {
            let (c, t) = split(text);
            assert_eq!(c, None, "{text}");
            assert!(
                t.to_lowercase().starts_with("the tarrow ferry"),
                "{text}: {t}"
            );
        }
    }

    #[test]
    fn texts_without_a_frame_stay_whole() {
        for text in [
            "The Tarrow ferry carries 300 passengers a day.",
            "What Okafor says about the ferry is wrong.",
            "Syria: ceasefire talks resume in Geneva on Monday.",
            "The United States says",
            "In 2019, the harbor said little about the ferry.",
            "Okafor says no.",
            "The storm claimed the lives of 40 ferry passengers.",
            "Harbor Holdings maintains 40 bridges in the county.",
        ] {
            assert_eq!(split(text), (None, text), "{text}");
        }
    }

    #[test]
    fn claimants_are_split_wherever_claims_come_from() {
        let given =
            given(&["Ines Okafor says the Tarrow ferry carries 300 passengers a day.".into()]);
        assert_eq!(
            given[0].text,
            "the Tarrow ferry carries 300 passengers a day."
        );
        assert_eq!(given[0].claimant.as_deref(), Some("Ines Okafor"));

        let mut box_doc = doc(
            "box",
            "The claim: Ines Okafor says the Tarrow ferry carries 300 passengers a day. Rating: False.",
        );
        box_doc.kind = DocumentKind::FactCheck;
        box_doc.reviews.push(Review {
            claim: "Ines Okafor says the Tarrow ferry carries 300 passengers a day.".into(),
            claimant: None,
            rating: Rating {
                label: "False".into(),
                scale: "politifact".into(),
                value: Some(0.0),
                class: RatingClass::False,
            },
            summary: None,
            reviewer: Some("Harbor Fact Desk".into()),
            url: None,
            date: None,
        });
        let news = doc(
            "headline",
            "Harbor Authority says Tarrow ferry ridership doubled to 600 passengers a day in 2025.",
        );
        let claims = extract(&[box_doc, news], ClaimOptions::default());
        let reviewed = &claims[0];
        assert_eq!(
            reviewed.text,
            "the Tarrow ferry carries 300 passengers a day."
        );
        assert_eq!(reviewed.claimant.as_deref(), Some("Ines Okafor"));
        assert!(!reviewed.appearances.is_empty());
        let headline = claims
            .iter()
            .find(|c| c.text.contains("doubled"))
            .unwrap_or_else(|| panic!("{claims:?}"));
        assert!(
            headline.text.starts_with("Tarrow ferry"),
            "{}",
            headline.text
        );
        assert_eq!(headline.claimant.as_deref(), Some("Harbor Authority"));
    }

    #[test]
    fn odd_texts_do_not_panic() {
        for text in [
            "",
            " ",
            ":",
            "\u{201c}",
            "says",
            "X says",
            "According to",
            "According to ,",
            "according to X,",
            "A: \u{201c}\u{201d}",
            ", said",
            "\u{fffd}\u{fffd} says \u{1f600} \u{1f600} \u{1f600}",
            "Zo\u{eb} \u{c9}lise says: \u{201c}\u{e9}t\u{e9} chaud ici\u{201d}",
            "The claim:",
            "The claim: ",
            ",,,, says ,",
        ] {
            let a = split_claimant(text);
            assert!(text.contains(a.claim), "{text}");
        }
    }
}
