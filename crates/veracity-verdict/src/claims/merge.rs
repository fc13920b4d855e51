//! Near-duplicate candidates merged into claims: each candidate, in order
//! of precedence, joins the first claim it is at least
//! [`MERGE_THRESHOLD`] similar to, or starts a claim of its own.

use super::blocks::{Blocks, Walk};
use super::ids::DocumentIds;
use super::places::{PlaceLog, Places};
use super::{ClaimCount, MERGE_THRESHOLD, PREFILTER_CONTAINMENT};
use std::fs::File;
use veracity_model::{Appearance, Claim, ClaimOrigin, DocumentId, Span};
use veracity_text::hash::FxHashSet;
use veracity_text::words::IdStatement;

/// How many distinct claims a check counts at least before it stops
/// counting (four times the claims it rates, if more): a newsroom's
/// collection gets an exact total, a crawl a lower bound.
pub const COUNTED_CLAIMS: usize = 1_000;

/// A candidate claim before merging: one text of one origin and
/// check-worthiness, with every place the collection holds it.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub text: Box<str>,
    /// The claimant of its first place that names one, with that place.
    pub claimant: Option<(u32, String)>,
    pub origin: ClaimOrigin,
    pub score: f64,
    /// The earliest day a document holding it was published (none for a
    /// reviewed claim: a review's date is not the claim's).
    pub date: Option<String>,
    /// Where it appears: document places, in the order they were found
    /// ([`merge`] sorts them into collection order); the first
    /// [`PLACES_KEPT`] of them, when there are more.
    pub appearances: Vec<(u32, Span)>,
    /// How many places past those were let go.
    pub places_let_go: u64,
    /// The text analysed once, for the merge's comparisons.
    pub statement: IdStatement,
}

/// How many places of one candidate are kept, the first in collection
/// order: a report lists the first 50 documents that state a claim, and a
/// sentence a crawl repeats a million times costs two hundred places.
pub const PLACES_KEPT: usize = 200;

impl Candidate {
    /// Keeps the first [`PLACES_KEPT`] places once twice as many are held,
    /// counting the rest.
    pub fn bound_places(&mut self) {
        if self.appearances.len() >= 2 * PLACES_KEPT {
            self.keep_first_places();
        }
    }

    /// Keeps the first [`PLACES_KEPT`] places, counting the rest: each
    /// bound kept them among those it held, so these are the first of all,
    /// whatever order the places came in.
    fn keep_first_places(&mut self) {
        if self.appearances.len() <= PLACES_KEPT {
            return;
        }
        self.appearances
            .sort_by_key(|&(place, span)| (place, span.start(), span.end()));
        let let_go = self.appearances.len() - PLACES_KEPT;
        self.appearances.truncate(PLACES_KEPT);
        self.places_let_go += let_go as u64;
    }

    /// Takes in what `other`, a candidate of the same key found elsewhere
    /// (another share of the collection, another run written out), knows:
    /// the claimant of the first place, the earliest date, its places.
    pub fn absorb(&mut self, other: Candidate) {
        self.note(other.claimant, other.date.as_deref());
        self.appearances.extend(other.appearances);
        self.places_let_go += other.places_let_go;
        self.bound_places();
    }

    /// Notes a claimant (with the place that names it) and a date: the
    /// claimant of the first place, the earliest date.
    pub fn note(&mut self, claimant: Option<(u32, String)>, date: Option<&str>) {
        if let Some((place, name)) = claimant
            && self.claimant.as_ref().is_none_or(|(p, _)| place < *p)
        {
            self.claimant = Some((place, name));
        }
        if let Some(date) = date
            && self.date.as_deref().is_none_or(|d| date < d)
        {
            self.date = Some(date.to_owned());
        }
    }

    /// What the merge orders candidates by.
    pub fn key(&self) -> Key<'_> {
        Key {
            origin: self.origin,
            score: self.score,
            text: &self.text,
        }
    }
}

/// A candidate's place in the merge's order: precedence, then
/// check-worthiness, then text. No two candidates share one.
#[derive(Debug, Clone, Copy)]
pub struct Key<'a> {
    pub origin: ClaimOrigin,
    pub score: f64,
    pub text: &'a str,
}

impl Key<'_> {
    /// Whether `self` comes before `other` in the merge's order.
    pub fn precedes(&self, other: &Key) -> bool {
        self.order(other).is_lt()
    }

    /// Their order.
    pub fn order(&self, other: &Key) -> std::cmp::Ordering {
        rank(self.origin)
            .cmp(&rank(other.origin))
            .then(other.score.total_cmp(&self.score))
            .then_with(|| self.text.cmp(other.text))
    }
}

/// How many distinct claims a check rating `max_claims` counts before it
/// stops counting.
pub fn counted(max_claims: usize) -> usize {
    max_claims.saturating_mul(4).max(COUNTED_CLAIMS)
}

fn rank(origin: ClaimOrigin) -> u8 {
    match origin {
        ClaimOrigin::Given => 0,
        ClaimOrigin::Reviewed => 1,
        ClaimOrigin::Quote => 2,
        ClaimOrigin::Sentence => 3,
    }
}

/// A claim being gathered: the candidate that started it (its text,
/// origin, check-worthiness and statement) and what it and the others
/// that joined it add.
struct Group {
    first: Candidate,
    gathered: Gathered,
}

/// What the candidates of a claim add to it.
#[derive(Default)]
struct Gathered {
    claimant: Option<String>,
    date: Option<String>,
    /// Its places, in the order the candidates came (copies of one
    /// document listed once at the end, [`appearances`]), most
    /// of them written out: the places of a claim a crawl repeats are most
    /// of what a merge holds.
    places: Places,
    /// Places of its candidates let go uncounted ([`PLACES_KEPT`]).
    places_let_go: u64,
}

impl Gathered {
    /// Adds what `c` knows: its claimant when the claim has none yet, an
    /// earlier date, its places (written to `log` as they add up).
    fn join(&mut self, c: &Candidate, log: &mut PlaceLog) {
        if self.claimant.is_none() {
            self.claimant = c.claimant.as_ref().map(|(_, name)| name.clone());
        }
        if let Some(date) = c.date.as_deref()
            && self.date.as_deref().is_none_or(|d| date < d)
        {
            self.date = Some(date.to_owned());
        }
        self.places_let_go += c.places_let_go;
        self.places.extend(log, &c.appearances);
    }
}

/// `places` as appearances (`ids` the documents at them), each
/// document's span once: copies of one document are one place.
fn appearances(places: &[(u32, Span)], ids: &mut DocumentIds) -> Vec<Appearance> {
    let mut seen: FxHashSet<(DocumentId, Span)> = FxHashSet::default();
    places
        .iter()
        .filter_map(|&(place, span)| {
            let id = ids.get(place)?;
            seen.insert((id.clone(), span))
                .then_some(Appearance { document: id, span })
        })
        .collect()
}

/// Candidates the merge takes at a time: those of a chunk are tested
/// against the claims before it on every core.
pub const CHUNK: usize = 8_192;

/// Whether `c` joins the claim `first` started.
fn joins(first: &Candidate, c: &Candidate) -> bool {
    // Cheap prefilter before the full similarity.
    first
        .statement
        .containment_reaches(&c.statement, PREFILTER_CONTAINMENT)
        && first.statement.similarity(&c.statement) >= MERGE_THRESHOLD
}

/// Merges `cands`, which come in the merge's order ([`Key::order`]; their
/// statements numbered in the one vocabulary `blocks` ranks), into at most
/// `max_claims` claims, in precedence order, then by check-worthiness,
/// then by text.
/// What the merge holds is the claims and `chunk` candidates
/// ([`CHUNK`]; any size gives the same claims).
///
/// Each candidate joins the first claim, in claim order, that it is
/// similar enough to. A claim started within a chunk comes after every
/// claim before it, so a candidate that joins one of those joins the same
/// one whatever the chunk's earlier candidates start: that search runs on
/// every core, for the whole chunk. The rest, in order, search only the
/// claims their chunk started, and start their own when none takes them.
pub(crate) fn merge(
    cands: impl Iterator<Item = Candidate>,
    mut blocks: Blocks,
    max_claims: usize,
    chunk: usize,
) -> (Vec<Unmade>, PlaceLog, ClaimCount) {
    let mut groups: Vec<Group> = Vec::new();
    let mut log = PlaceLog::default();
    // Claims past `max_claims` are only counted (and kept so later
    // candidates can merge into them rather than be counted twice); past
    // the cap the count stops and becomes a lower bound, so a check of a
    // large collection does not pay for claims it will not rate.
    let cap = counted(max_claims);
    let mut more = false;
    let mut walk = Walk::default();
    let mut cands = cands.peekable();
    while cands.peek().is_some() {
        let mut taken: Vec<Candidate> = cands.by_ref().take(chunk.max(1)).collect();
        for c in &mut taken {
            c.keep_first_places();
            // Stable: one document's places stay in the order it gave them.
            c.appearances.sort_by_key(|&(place, _)| place);
        }
        // Once counting has stopped, only the claims returned can gain
        // anything: the first claim a candidate joins is one of them, or
        // none is.
        let below = |more: bool| if more { max_claims as u32 } else { u32::MAX };
        let before = groups.len() as u32;
        let earlier = first_joined(
            &blocks,
            &groups,
            &taken,
            0..before.min(below(more)),
            &mut walk,
        );
        for (c, earlier) in taken.into_iter().zip(earlier) {
            let target = earlier.or_else(|| {
                let started = before..below(more);
                blocks.first_plausible(&mut walk, &c.statement, started, |g| {
                    joins(&groups[g as usize].first, &c)
                })
            });
            match target {
                // Counted, never reported: nothing more to gather.
                Some(g) if g as usize >= max_claims => {}
                Some(g) => groups[g as usize].gathered.join(&c, &mut log),
                None if groups.len() < cap => {
                    start_claim(&mut groups, &mut blocks, &mut log, c, max_claims)
                }
                None => more = true,
            }
        }
    }
    let count = ClaimCount {
        found: groups.len(),
        more,
    };
    groups.truncate(max_claims);
    let unmade = groups
        .into_iter()
        .map(|Group { first, gathered }| Unmade {
            text: first.text,
            origin: first.origin,
            score: first.score,
            gathered,
        })
        .collect();
    (unmade, log, count)
}

/// A claim merged but not yet made into a [`Claim`]: its places are
/// numbers until then.
pub(crate) struct Unmade {
    text: Box<str>,
    origin: ClaimOrigin,
    score: f64,
    gathered: Gathered,
}

impl Unmade {
    /// The claim, its places read back from `log` (the merge's) and
    /// looked up in `ids`.
    fn make(self, log: Option<&mut File>, ids: &mut DocumentIds) -> Claim {
        let g = self.gathered;
        let (places, lost) = g.places.read(log);
        let mut claim = Claim::new(&*self.text, self.origin);
        claim.appearances = appearances(&places, ids);
        drop(places);
        claim.claimant = g.claimant;
        claim.date = g.date;
        // Places that could not be read back are as if let go: the claim
        // says it is stated in more documents than it lists.
        let places_let_go = g.places_let_go + lost;
        if places_let_go > 0 {
            // About: a document stating it twice among those let go
            // counts twice.
            let listed = claim.appearance_documents().len() as u64;
            claim.stated_in = Some(listed + places_let_go);
        }
        claim.checkworthiness = (self.score * 1000.0).round() / 1000.0;
        claim
    }
}

/// The claims a check found (or was given), in order, each made into a
/// [`Claim`] as it is taken. A claim a crawl repeats is stated in
/// thousands of documents: as a `Claim` each place is a document id of
/// its own, as merged it is a number, so a check of every claim that
/// rates them a run at a time holds the runs' `Claim`s, not all of them.
#[derive(Default)]
pub struct FoundClaims {
    made: std::vec::IntoIter<Claim>,
    unmade: std::vec::IntoIter<Unmade>,
    /// Where the unmade claims' places were written out, if any were.
    log: Option<File>,
    /// The documents at the unmade claims' places.
    ids: DocumentIds,
}

impl FoundClaims {
    /// The claims `merge` gave, `ids` the documents at their places.
    pub(crate) fn merged(unmade: Vec<Unmade>, log: PlaceLog, ids: DocumentIds) -> FoundClaims {
        FoundClaims {
            unmade: unmade.into_iter(),
            log: log.into_reader(),
            ids,
            ..FoundClaims::default()
        }
    }
}

impl From<Vec<Claim>> for FoundClaims {
    fn from(claims: Vec<Claim>) -> FoundClaims {
        FoundClaims {
            made: claims.into_iter(),
            ..FoundClaims::default()
        }
    }
}

impl Iterator for FoundClaims {
    type Item = Claim;

    fn next(&mut self) -> Option<Claim> {
        self.made
            .next()
            .or_else(|| Some(self.unmade.next()?.make(self.log.as_mut(), &mut self.ids)))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.made.len() + self.unmade.len();
        (n, Some(n))
    }
}

impl ExactSizeIterator for FoundClaims {}

impl std::fmt::Debug for FoundClaims {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FoundClaims")
            .field("left", &self.len())
            .finish_non_exhaustive()
    }
}

/// For each of `cands`, the first claim numbered in `claims` it joins,
/// the candidates shared out over the cores (a `Walk` each; `walk` for
/// those searched on this thread).
fn first_joined(
    blocks: &Blocks,
    groups: &[Group],
    cands: &[Candidate],
    claims: std::ops::Range<u32>,
    walk: &mut Walk,
) -> Vec<Option<u32>> {
    if claims.is_empty() {
        return vec![None; cands.len()];
    }
    let first_of = |walk: &mut Walk, c: &Candidate| {
        blocks.first_plausible(walk, &c.statement, claims.clone(), |g| {
            joins(&groups[g as usize].first, c)
        })
    };
    // A thread costs more than a few hundred candidates' searches.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let parts = threads.min(cands.len() / MIN_SHARE).max(1);
    if parts == 1 {
        return cands.iter().map(|c| first_of(walk, c)).collect();
    }
    let share = cands.len().div_ceil(parts);
    crate::parallel::map_parts(parts, |n| {
        let mut walk = Walk::default();
        let part = &cands[(n * share).min(cands.len())..((n + 1) * share).min(cands.len())];
        part.iter()
            .map(|c| first_of(&mut walk, c))
            .collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect()
}

/// The fewest candidates a thread of [`first_joined`] is started for.
const MIN_SHARE: usize = 256;

/// Starts a claim with `c`: its places gathered when it is one of the
/// first `max_claims`, the rest of it kept as what the claim is.
fn start_claim(
    groups: &mut Vec<Group>,
    blocks: &mut Blocks,
    log: &mut PlaceLog,
    mut c: Candidate,
    max_claims: usize,
) {
    blocks.add(groups.len() as u32, &c.statement);
    let mut gathered = Gathered::default();
    if groups.len() < max_claims {
        gathered.join(&c, log);
    }
    // Its places are gathered; the rest is what the claim is.
    c.appearances = Vec::new();
    c.claimant = None;
    groups.push(Group { first: c, gathered });
}
