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
//!
//! A check that rates a few claims keeps the candidates first in the
//! merge's order, a bounded number of them ([`Candidates::keeping`]): the
//! claims they start are the claims merging every candidate starts, and
//! memory does not grow with the collection. What the candidates let go
//! would have added (their places, when they repeat a claim kept) is
//! left to the search for each claim's appearances, and the count of
//! claims becomes a lower bound.

use super::blocks::{Blocks, count_terms};
use super::ids::DocumentIds;
use super::merge::{self, Candidate, FoundClaims, Key};
use super::spill::{Merged, Run};
use super::{ClaimCount, ClaimOptions, Found, candidates_of, date_part};
use std::hash::{Hash, Hasher};
use std::sync::Arc;
use veracity_model::{ClaimOrigin, Document, DocumentId};
use veracity_text::hash::{FxHashMap, FxHashSet, FxHasher};
use veracity_text::words::Vocabulary;

/// No further candidate shares the hash.
const END: u32 = u32::MAX;

/// How many candidates a check keeps for each claim it counts: enough
/// that the claims the first candidates start are all the claims counted,
/// when near-duplicates merge twenty to one.
pub const KEPT_PER_CLAIM: usize = 20;

/// The fewest ids of places held before those of places let go are
/// forgotten.
const IDS_BOUND: usize = 1 << 16;

/// The distinct candidate claims of the documents added so far, at most
/// about twice the limit at any time.
pub struct Candidates {
    vocabulary: Vocabulary,
    list: Vec<Candidate>,
    /// The first candidate with each hash of (origin, score, text) ...
    by_hash: FxHashMap<u64, u32>,
    /// ... and, by candidate, the next one with its hash.
    next: Vec<u32>,
    /// The id of each document a candidate appears in, by place.
    ids: DocumentIds,
    /// How many candidates to keep, first in the merge's order.
    limit: usize,
    /// How many ids to hold before forgetting those of places let go.
    ids_bound: usize,
    /// The first candidate let go: every candidate not before it in the
    /// merge's order is let go too, whenever it comes.
    cutoff: Option<(ClaimOrigin, f64, Box<str>)>,
    /// Candidates written out, when every one is kept, in the order they
    /// were written ...
    runs: Vec<Run>,
    /// ... the statements they hold per term id ...
    spilled_counts: Vec<u32>,
    /// ... and how many are held before the next run is written.
    spill_at: usize,
    /// Candidates the merge takes at a time ([`merge::CHUNK`]).
    merge_chunk: usize,
}

/// How many distinct candidates a check of every claim holds before it
/// writes them out as a sorted run (about 100 to 200 MB of them).
const SPILL_AT: usize = 100_000;

fn key_hash(key: &Key) -> u64 {
    let mut h = FxHasher::default();
    (key.origin as u8).hash(&mut h);
    key.score.to_bits().hash(&mut h);
    key.text.hash(&mut h);
    h.finish()
}

/// A key held: the origin, check-worthiness and text of a candidate.
fn owned(key: &Key) -> (ClaimOrigin, f64, Box<str>) {
    (key.origin, key.score, key.text.into())
}

impl Candidates {
    /// None yet; the first `limit` candidates in the merge's order are
    /// kept, the rest let go.
    pub fn keeping(limit: usize) -> Candidates {
        Candidates {
            vocabulary: Vocabulary::new(),
            list: Vec::new(),
            by_hash: FxHashMap::default(),
            next: Vec::new(),
            ids: DocumentIds::default(),
            limit: limit.max(1),
            ids_bound: IDS_BOUND,
            cutoff: None,
            runs: Vec::new(),
            spilled_counts: Vec::new(),
            spill_at: SPILL_AT,
            merge_chunk: merge::CHUNK,
        }
    }

    /// How many runs were written out.
    #[cfg(test)]
    pub fn runs(&self) -> usize {
        self.runs.len()
    }

    /// [`Candidates::keeping`], writing runs out every `spill_at`
    /// candidates when every one is kept.
    #[cfg(test)]
    pub fn spilling_at(limit: usize, spill_at: usize) -> Candidates {
        Candidates {
            spill_at,
            ..Candidates::keeping(limit)
        }
    }

    /// These candidates, merged `chunk` at a time.
    #[cfg(test)]
    pub fn merging_by(self, chunk: usize) -> Candidates {
        Candidates {
            merge_chunk: chunk,
            ..self
        }
    }

    /// How many candidates a check rating `max_claims` claims keeps at
    /// first.
    pub fn limit_for(max_claims: usize) -> usize {
        merge::counted(max_claims).saturating_mul(KEPT_PER_CLAIM)
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
        let key = Key {
            origin: found.origin,
            score: found.score,
            text: found.text,
        };
        if self.let_go(&key) {
            return;
        }
        let hash = key_hash(&key);
        let at = match self.find(hash, &key) {
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
                        places_let_go: 0,
                        statement,
                    },
                )
            }
        };
        let c = &mut self.list[at as usize];
        // A review's date is when it was published, not the claim.
        let date = date.filter(|_| found.origin != ClaimOrigin::Reviewed);
        c.note(found.claimant.map(|name| (place, name)), date);
        if let Some(span) = found.span {
            c.appearances.push((place, span));
            c.bound_places();
            self.ids.note(place, id);
        }
        if self.list.len() / 2 >= self.limit {
            self.settle();
        } else if self.ids.held() > self.ids_bound {
            self.forget_ids();
        }
        self.spill_if_full();
    }

    /// Takes in the candidates of other documents.
    pub fn absorb(&mut self, other: Candidates) {
        // Each side kept every candidate before its own cutoff: together
        // they hold every candidate before the earlier of the two, places
        // and all.
        if let Some(cutoff) = other.cutoff() {
            self.cut(cutoff);
        }
        let ids: Arc<[u32]> = self.vocabulary.absorb(&other.vocabulary).into();
        self.ids.absorb(other.ids);
        for c in other.list {
            if self.let_go(&c.key()) {
                continue;
            }
            let hash = key_hash(&c.key());
            let Some(at) = self.find(hash, &c.key()) else {
                let statement = c.statement.renumbered(&ids);
                self.push(hash, Candidate { statement, ..c });
                continue;
            };
            self.list[at as usize].absorb(c);
        }
        self.runs
            .extend(other.runs.into_iter().map(|r| r.renumbered(&ids)));
        if self.spilled_counts.len() < self.vocabulary.len() {
            self.spilled_counts.resize(self.vocabulary.len(), 0);
        }
        for (t, &n) in other.spilled_counts.iter().enumerate() {
            let t = ids.get(t).copied().unwrap_or(t as u32) as usize;
            self.spilled_counts[t] = self.spilled_counts[t].saturating_add(n);
        }
        self.settle();
        self.spill_if_full();
    }

    /// The claims: near-duplicates merged, at most `max_claims` returned.
    /// When candidates were let go, the count is a lower bound.
    pub fn merge(mut self, max_claims: usize) -> (FoundClaims, ClaimCount) {
        self.settle();
        let mut counts = std::mem::take(&mut self.spilled_counts);
        counts.resize(self.vocabulary.len(), 0);
        count_terms(&mut counts, self.list.iter().map(|c| &c.statement));
        let blocks = Blocks::ranked(&counts);
        drop(counts);
        let mut list = std::mem::take(&mut self.list);
        list.sort_by(|a, b| a.key().order(&b.key()));
        let mut merged = Merged::new(std::mem::take(&mut self.runs), list);
        let (unmade, log, mut count) =
            merge::merge(merged.by_ref(), blocks, max_claims, self.merge_chunk);
        count.more |= self.cutoff.is_some() || merged.failed();
        (
            FoundClaims::merged(unmade, log, std::mem::take(&mut self.ids)),
            count,
        )
    }

    /// Writes the candidates held out as a sorted run once there are
    /// [`Candidates::spill_at`] of them, when every candidate is kept (a
    /// check of every claim): the merge reads the runs back in order.
    fn spill_if_full(&mut self) {
        if self.limit != usize::MAX || self.list.len() < self.spill_at {
            return;
        }
        let mut list = std::mem::take(&mut self.list);
        list.sort_by(|a, b| a.key().order(&b.key()));
        match Run::write(&list) {
            Ok(run) => {
                self.spilled_counts.resize(self.vocabulary.len(), 0);
                count_terms(&mut self.spilled_counts, list.iter().map(|c| &c.statement));
                self.runs.push(run);
                self.by_hash.clear();
                self.next.clear();
            }
            // No room for runs: hold them all, as before runs (settling
            // files them by hash again).
            Err(_) => {
                self.spill_at = usize::MAX;
                self.list = list;
                self.settle();
            }
        }
    }

    /// Whether a candidate of `key` is let go: it does not come before the
    /// cutoff.
    fn let_go(&self, key: &Key) -> bool {
        self.cutoff().is_some_and(|cutoff| !key.precedes(&cutoff))
    }

    /// The key of the first candidate let go.
    fn cutoff(&self) -> Option<Key<'_>> {
        self.cutoff.as_ref().map(|(origin, score, text)| Key {
            origin: *origin,
            score: *score,
            text,
        })
    }

    /// Moves the cutoff to `key` if it comes first, letting go of the
    /// candidates from there on (settled later).
    fn cut(&mut self, key: Key) {
        if !self.let_go(&key) {
            self.cutoff = Some(owned(&key));
        }
    }

    /// Keeps the first `limit` candidates before the cutoff, moving the
    /// cutoff to the first let go, and the ids of their places.
    fn settle(&mut self) {
        let mut list = std::mem::take(&mut self.list);
        list.retain(|c| !self.let_go(&c.key()));
        if list.len() > self.limit {
            list.sort_by(|a, b| a.key().order(&b.key()));
            self.cutoff = Some(owned(&list[self.limit].key()));
            list.truncate(self.limit);
        }
        self.by_hash.clear();
        self.next.clear();
        for c in list {
            self.push(key_hash(&c.key()), c);
        }
        self.forget_ids();
    }

    /// Forgets the ids of places no candidate holds any more; once runs
    /// are written out (which may name any place) writes them out instead.
    fn forget_ids(&mut self) {
        if !self.runs.is_empty() {
            if !self.ids.write_out() {
                self.ids_bound = (2 * self.ids.held()).max(IDS_BOUND);
            }
            return;
        }
        let places: FxHashSet<u32> = self
            .list
            .iter()
            .flat_map(|c| c.appearances.iter().map(|&(p, _)| p))
            .collect();
        self.ids.retain(|p| places.contains(&p));
        self.ids_bound = (2 * self.ids.held()).max(IDS_BOUND);
    }

    fn find(&self, hash: u64, key: &Key) -> Option<u32> {
        let mut at = *self.by_hash.get(&hash)?;
        while at != END {
            let c = &self.list[at as usize];
            if c.origin == key.origin
                && c.score.to_bits() == key.score.to_bits()
                && &*c.text == key.text
            {
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
