//! Near-duplicate candidates merged into claims: each candidate, in order
//! of precedence, joins the first claim it is at least
//! [`MERGE_THRESHOLD`] similar to, or starts a claim of its own.

use super::blocks::Blocks;
use super::{ClaimCount, MERGE_THRESHOLD, PREFILTER_CONTAINMENT, date_part};
use veracity_model::{Appearance, Claim, ClaimOrigin, Document, DocumentId, Span};
use veracity_text::hash::{FxHashMap, FxHashSet};
use veracity_text::words::IdStatement;

/// How many distinct claims a check counts at least before it stops
/// counting (four times the claims it rates, if more): a newsroom's
/// collection gets an exact total, a crawl a lower bound.
pub const COUNTED_CLAIMS: usize = 1_000;

/// A candidate claim before merging; its text borrows from the collection.
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    pub text: &'a str,
    pub claimant: Option<String>,
    pub origin: ClaimOrigin,
    pub score: f64,
    /// The document it was found in (an index into the collection).
    pub doc: u32,
    /// Where it appears there, when it was located.
    pub span: Option<Span>,
    /// The text analysed once, for the merge's comparisons.
    pub statement: IdStatement,
}

fn rank(origin: ClaimOrigin) -> u8 {
    match origin {
        ClaimOrigin::Given => 0,
        ClaimOrigin::Reviewed => 1,
        ClaimOrigin::Quote => 2,
        ClaimOrigin::Sentence => 3,
    }
}

/// A claim being gathered: the candidate that started it and what the
/// others add.
struct Group<'a> {
    first: Candidate<'a>,
    claimant: Option<String>,
    date: Option<String>,
    appearances: Vec<(u32, Span)>,
    /// The appearances, keyed by the first document of their id: one place
    /// is listed once.
    seen: FxHashSet<(u32, Span)>,
}

/// What merging reads of the collection: each document's id and
/// publication day, by its number in the collection.
pub struct Places<'a> {
    /// The documents' ids.
    pub ids: Vec<&'a DocumentId>,
    /// The day each was published (YYYY-MM-DD), when known.
    pub dates: Vec<Option<String>>,
}

impl<'a> Places<'a> {
    /// The places of a collection's documents.
    pub fn of(docs: &'a [Document]) -> Places<'a> {
        Places {
            ids: docs.iter().map(|d| &d.id).collect(),
            dates: docs
                .iter()
                .map(|d| date_part(d.published.as_deref()))
                .collect(),
        }
    }

    /// The documents by the first number holding each id: copies of one
    /// document are one place.
    fn first_of_id(&self) -> Vec<u32> {
        let mut first: FxHashMap<&str, u32> = FxHashMap::default();
        self.ids
            .iter()
            .enumerate()
            .map(|(i, d)| *first.entry(d.as_str()).or_insert(i as u32))
            .collect()
    }

    /// A candidate's date: the day its document was published (reviewed
    /// claims have none of their own).
    fn date_of(&self, c: &Candidate) -> Option<String> {
        if c.origin == ClaimOrigin::Reviewed {
            return None;
        }
        self.dates.get(c.doc as usize).cloned().flatten()
    }
}

/// Merges `cands` (from `docs`, their statements numbered in a vocabulary
/// of `vocabulary` terms) into at most `max_claims` claims, in precedence
/// order, then by check-worthiness, then by text.
pub fn merge(
    mut cands: Vec<Candidate<'_>>,
    docs: &Places,
    vocabulary: usize,
    max_claims: usize,
) -> (Vec<Claim>, ClaimCount) {
    // Precedence, then check-worthiness, then text; a stable sort, so
    // candidates equal in all three stay in collection order.
    cands.sort_by(|a, b| {
        rank(a.origin)
            .cmp(&rank(b.origin))
            .then(b.score.total_cmp(&a.score))
            .then_with(|| a.text.cmp(b.text))
    });
    let place = docs.first_of_id();
    let mut blocks = Blocks::new(vocabulary, cands.iter().map(|c| &c.statement));
    let mut groups: Vec<Group> = Vec::new();
    // Claims past `max_claims` are only counted (and kept so later
    // candidates can merge into them rather than be counted twice); past
    // the cap the count stops and becomes a lower bound, so a check of a
    // large collection does not pay for claims it will not rate.
    let cap = max_claims.saturating_mul(4).max(COUNTED_CLAIMS);
    let mut more = false;
    for c in cands {
        let target = blocks.plausible(&c.statement).iter().copied().find(|&g| {
            let first = &groups[g as usize].first.statement;
            // Cheap prefilter before the full similarity.
            first.containment(&c.statement) >= PREFILTER_CONTAINMENT
                && first.similarity(&c.statement) >= MERGE_THRESHOLD
        });
        let appearance = c.span.map(|s| (c.doc, s));
        match target {
            // Counted, never reported: nothing more to gather.
            Some(g) if g as usize >= max_claims => {}
            Some(g) => {
                let group = &mut groups[g as usize];
                if group.claimant.is_none() {
                    group.claimant = c.claimant.clone();
                }
                let date = docs.date_of(&c);
                if group.date.is_none() || (date.is_some() && date < group.date) {
                    group.date = date.or(group.date.take());
                }
                if let Some((d, span)) = appearance
                    && group.seen.insert((place[d as usize], span))
                {
                    group.appearances.push((d, span));
                }
            }
            None if groups.len() < cap => {
                blocks.add(groups.len() as u32, &c.statement);
                groups.push(Group {
                    claimant: c.claimant.clone(),
                    date: docs.date_of(&c),
                    appearances: appearance.into_iter().collect(),
                    seen: appearance
                        .map(|(d, span)| (place[d as usize], span))
                        .into_iter()
                        .collect(),
                    first: c,
                });
            }
            None => more = true,
        }
    }
    let count = ClaimCount {
        found: groups.len(),
        more,
    };
    groups.truncate(max_claims);
    let claims = groups
        .into_iter()
        .map(|g| {
            let mut claim = Claim::new(g.first.text, g.first.origin);
            claim.claimant = g.claimant;
            claim.date = g.date;
            claim.appearances = g
                .appearances
                .into_iter()
                .map(|(d, span)| Appearance {
                    document: docs.ids[d as usize].clone(),
                    span,
                })
                .collect();
            claim.checkworthiness = (g.first.score * 1000.0).round() / 1000.0;
            claim
        })
        .collect();
    (claims, count)
}
