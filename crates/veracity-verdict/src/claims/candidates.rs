//! The candidate claims of a collection, gathered document by document
//! and each distinct text kept once with every place it was found: what
//! extraction holds is the distinct candidates and their places, not the
//! documents, so a collection can stream through it (a persistent index's
//! documents, read one at a time and let go).
//!
//! Copies of one text (same origin, same check-worthiness) sit next to
//! each other in the merge's order and merge alike, so keeping them as
//! one candidate with many places gives the claims that merging every copy
//! gave.

use super::merge::{self, Candidate};
use super::{ClaimCount, ClaimOptions, Found, candidates_of, date_part};
use std::hash::{Hash, Hasher};
use veracity_model::{Claim, ClaimOrigin, Document, DocumentId};
use veracity_text::hash::{FxHashMap, FxHasher};
use veracity_text::words::Vocabulary;

/// No further candidate shares the hash.
const END: u32 = u32::MAX;

/// The distinct candidate claims of the documents added so far.
#[derive(Default)]
pub struct Candidates {
    vocabulary: Vocabulary,
    list: Vec<Candidate>,
    /// The first candidate with each hash of (origin, score, text) ...
    by_hash: FxHashMap<u64, u32>,
    /// ... and, by candidate, the next one with its hash.
    next: Vec<u32>,
    /// The id of each document a candidate appears in, by place.
    ids: FxHashMap<u32, DocumentId>,
}

fn key_hash(origin: ClaimOrigin, score: f64, text: &str) -> u64 {
    let mut h = FxHasher::default();
    (origin as u8).hash(&mut h);
    score.to_bits().hash(&mut h);
    text.hash(&mut h);
    h.finish()
}

impl Candidates {
    /// None yet.
    pub fn new() -> Candidates {
        Candidates::default()
    }

    /// Adds the candidate claims of `doc`, the document at `place`, unless
    /// it is set aside for its language.
    pub fn add_document(&mut self, place: u32, doc: &Document, options: ClaimOptions) {
        if !crate::language::carries_weight(doc) {
            return;
        }
        let date = date_part(doc.published.as_deref());
        candidates_of(doc, options, &mut |found| {
            self.add(place, &doc.id, date.as_deref(), found);
        });
    }

    /// Adds `found`, a candidate of the document `id` at `place`,
    /// published on `date`.
    pub fn add(&mut self, place: u32, id: &DocumentId, date: Option<&str>, found: Found<'_>) {
        let hash = key_hash(found.origin, found.score, found.text);
        let at = match self.find(hash, found.origin, found.score, found.text) {
            Some(at) => at,
            None => {
                let statement = self.vocabulary.statement(&found.terms);
                self.push(
                    hash,
                    Candidate {
                        text: found.text.into(),
                        claimant: None,
                        origin: found.origin,
                        score: found.score,
                        date: None,
                        appearances: Vec::new(),
                        statement,
                    },
                )
            }
        };
        let c = &mut self.list[at as usize];
        if let Some(name) = found.claimant
            && c.claimant.as_ref().is_none_or(|(p, _)| place < *p)
        {
            c.claimant = Some((place, name));
        }
        // A review's date is when it was published, not the claim.
        if found.origin != ClaimOrigin::Reviewed
            && let Some(date) = date
            && c.date.as_deref().is_none_or(|d| date < d)
        {
            c.date = Some(date.to_owned());
        }
        if let Some(span) = found.span {
            c.appearances.push((place, span));
            self.ids.entry(place).or_insert_with(|| id.clone());
        }
    }

    /// Takes in the candidates of other documents.
    pub fn absorb(&mut self, other: Candidates) {
        let ids = self.vocabulary.absorb(&other.vocabulary);
        self.ids.extend(other.ids);
        for c in other.list {
            let hash = key_hash(c.origin, c.score, &c.text);
            let Some(at) = self.find(hash, c.origin, c.score, &c.text) else {
                let statement = c.statement.renumbered(&ids);
                self.push(hash, Candidate { statement, ..c });
                continue;
            };
            let mine = &mut self.list[at as usize];
            if let Some((place, name)) = c.claimant
                && mine.claimant.as_ref().is_none_or(|(p, _)| place < *p)
            {
                mine.claimant = Some((place, name));
            }
            if let Some(date) = c.date
                && mine.date.as_ref().is_none_or(|d| date < *d)
            {
                mine.date = Some(date);
            }
            mine.appearances.extend(c.appearances);
        }
    }

    /// The claims: near-duplicates merged, at most `max_claims` returned.
    pub fn merge(self, max_claims: usize) -> (Vec<Claim>, ClaimCount) {
        let terms = self.vocabulary.len();
        merge::merge(self.list, &self.ids, terms, max_claims)
    }

    fn find(&self, hash: u64, origin: ClaimOrigin, score: f64, text: &str) -> Option<u32> {
        let mut at = *self.by_hash.get(&hash)?;
        while at != END {
            let c = &self.list[at as usize];
            if c.origin == origin && c.score.to_bits() == score.to_bits() && &*c.text == text {
                return Some(at);
            }
            at = self.next[at as usize];
        }
        None
    }

    fn push(&mut self, hash: u64, c: Candidate) -> u32 {
        let at = self.list.len() as u32;
        let previous = self.by_hash.insert(hash, at).unwrap_or(END);
        self.next.push(previous);
        self.list.push(c);
        at
    }
}
