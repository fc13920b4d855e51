//! The index as a [`Retriever`]: pruned BM25 search over its postings with
//! its own statistics, so its hits are those of `veracity_verdict::Index`
//! over the same documents.

use crate::read::EvidenceIndex;
use crate::search::{Known, Query, Ranked};
use crate::stored::Numbered;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use veracity_text::hash::FxHashMap;
use veracity_verdict::{Hit, Passage, Retriever};

/// The passages of an [`EvidenceIndex`] as a [`Retriever`] for a check of
/// its documents (read back whole, [`crate::Collection`], or as the check
/// needs them, [`crate::StoredDocuments`]): a passage's document is its
/// place there.
pub struct IndexRetriever<'a> {
    index: &'a EvidenceIndex,
    documents: &'a dyn Numbered,
    /// The rankings of the last few queries: a check searches a claim's
    /// text more than once (its appearances, then its evidence).
    recent: Mutex<VecDeque<Arc<Ranking>>>,
}

/// The best passages for a query, best first.
struct Ranking {
    query: String,
    /// How many were asked for: fewer ranked means no more match.
    m: usize,
    ranked: Vec<Ranked>,
    ideal: f32,
    /// It holds every passage scoring above this (or at it, when the flag
    /// is set): what a deeper search for the same query starts from.
    floor: (f32, bool),
}

impl Ranking {
    /// Whether it holds every passage the query matches.
    fn complete(&self) -> bool {
        self.ranked.len() < self.m
    }

    fn known(&self) -> Known<'_> {
        Known {
            ranked: &self.ranked,
            floor: self.floor.0,
            inclusive: self.floor.1,
        }
    }
}

/// How many times deeper than the last each search beyond those ranked
/// goes when the caller's filter turned away too many of them.
const WIDEN: usize = 4;
/// The fewest passages a search ranks. A check asks for 50 (appearances),
/// then 80 with at most 3 copies of one text (evidence), which it looks
/// for in the first search's ranking before it searches again. Ranking
/// 128 checks 302 claims of the generated corpus (a few templates, copies
/// everywhere) with 9 to 12% less CPU than ranking 512 at 100,000 and
/// 1,000,000 documents, and the same reports; ranking 50 cost half as much
/// again, the evidence search then mostly searching again.
const MIN_RANKED: usize = 128;
/// Rankings kept for queries asked again.
const RECENT: usize = 8;

impl EvidenceIndex {
    /// A retriever over the index's passages, for a
    /// [`Checker`](veracity_verdict::Checker) of `documents`: this index's
    /// [`EvidenceIndex::collection`] or [`EvidenceIndex::stored_documents`].
    pub fn retriever<'a>(&'a self, documents: &'a dyn Numbered) -> IndexRetriever<'a> {
        IndexRetriever {
            index: self,
            documents,
            recent: Mutex::new(VecDeque::new()),
        }
    }
}

/// A passage found by [`EvidenceIndex::search`]: where it is and how it
/// ranks, its document to be read with [`EvidenceIndex::document`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Found {
    /// Its document's number.
    pub document: u64,
    /// Its span in that document's text, in bytes.
    pub start: usize,
    /// End of that span.
    pub end: usize,
    /// Its BM25 score.
    pub score: f32,
    /// Its score over that of an average passage holding every query term
    /// once, as [`Hit::relevance`].
    pub relevance: f32,
}

impl EvidenceIndex {
    /// The `k` passages that rank highest against `query`, best first: the
    /// hits of a retriever's search, without the collection read back.
    pub fn search(&self, query: &str, k: usize) -> Vec<Found> {
        let q = Query::new(self, query);
        q.top(self, k)
            .into_iter()
            .filter_map(|r| {
                let (ord, d) = self.locate(r.passage)?;
                let segment = &self.segments[ord];
                let (document, start) = segment.place(d);
                Some(Found {
                    document,
                    start: start as usize,
                    end: segment.end.first(d).unwrap_or(0) as usize,
                    score: r.score,
                    relevance: Hit::new(r.passage, r.score, q.ideal).relevance,
                })
            })
            .collect()
    }
}

impl IndexRetriever<'_> {
    /// At least the best `m` passages for `query` (all, if fewer match):
    /// a recent ranking when one is deep enough, else a new search, which
    /// starts from `shallower` (a ranking of the query less deep) if given.
    fn ranking(&self, query: &str, m: usize, shallower: Option<&Ranking>) -> Arc<Ranking> {
        if let Some(r) = self
            .recent(query)
            .filter(|r| r.complete() || r.ranked.len() >= m)
        {
            return r;
        }
        let q = Query::new(self.index, query);
        let ranked = q.top_beyond(self.index, m, shallower.map(Ranking::known));
        // Every passage above the last one's score is in a top that is
        // not all of them.
        let floor = (ranked.last().map_or(f32::INFINITY, |r| r.score), false);
        self.remember(Ranking {
            query: query.to_owned(),
            m,
            ranked,
            ideal: q.ideal,
            floor,
        })
    }

    /// Every passage scoring at least `floor` for `query`, best first.
    fn at_least(&self, query: &str, floor: f32) -> Arc<Ranking> {
        let q = Query::new(self.index, query);
        let ranked = q.at_least(self.index, floor);
        self.remember(Ranking {
            query: query.to_owned(),
            // Not known to be all the query matches.
            m: ranked.len(),
            ranked,
            ideal: q.ideal,
            floor: (floor, true),
        })
    }

    /// The ranking kept of `query`, if any (one a query).
    fn recent(&self, query: &str) -> Option<Arc<Ranking>> {
        let recent = self.recent.lock().ok()?;
        recent.iter().find(|r| r.query == query).cloned()
    }

    fn remember(&self, ranking: Ranking) -> Arc<Ranking> {
        let ranking = Arc::new(ranking);
        if let Ok(mut q) = self.recent.lock() {
            q.retain(|r| r.query != ranking.query);
            if q.len() == RECENT {
                q.pop_front();
            }
            q.push_back(Arc::clone(&ranking));
        }
        ranking
    }
}

impl Retriever for IndexRetriever<'_> {
    fn len(&self) -> usize {
        self.index.passages
    }

    fn text_key(&self, passage: u32) -> Option<u64> {
        let (ord, d) = self.index.locate(passage)?;
        self.index.segments[ord].key.first(d)
    }

    fn passage(&self, passage: u32) -> Passage {
        let (number, start, end) = self
            .index
            .locate(passage)
            .map(|(ord, d)| {
                let s = &self.index.segments[ord];
                let (number, start) = s.place(d);
                (number, start as usize, s.end.first(d).unwrap_or(0) as usize)
            })
            .unwrap_or_default();
        let doc = self.documents.place_of_number(number).unwrap_or(0);
        // A span the index wrote from this very document fits it; should a
        // damaged index say otherwise, the passage is empty.
        let text = if doc < self.documents.len() {
            self.documents.get(doc).text.as_str()
        } else {
            ""
        };
        let span = veracity_model::Span::new(text, start, end)
            .unwrap_or_else(|_| veracity_model::Span::whole(""));
        Passage {
            doc: doc as u32,
            span,
        }
    }

    fn search_where(&self, query: &str, k: usize, keep: &mut dyn FnMut(u32) -> bool) -> Vec<Hit> {
        if k == 0 {
            return Vec::new();
        }
        let mut out = Vec::new();
        // Rank the best m; while `keep` turns too many away, rank further
        // and ask it about the passages it has not seen (the best m + n
        // begin with the best m), each deeper search starting from the
        // one before.
        let (mut m, mut asked) = (k.max(MIN_RANKED), 0);
        // How many passages beyond those asked the next search ranks.
        let mut step = m;
        let mut shallower: Option<Arc<Ranking>> = None;
        loop {
            let mut ranking = self.ranking(query, m, shallower.as_deref());
            for _ in 0..2 {
                for r in ranking.ranked.iter().skip(asked) {
                    if keep(r.passage) {
                        out.push(Hit::new(r.passage, r.score, ranking.ideal));
                        if out.len() == k {
                            return out;
                        }
                    }
                }
                if ranking.complete() {
                    return out;
                }
                asked = ranking.ranked.len();
                // Half the ranking or more ties at its last score: a run
                // of copies of one text, most of which the filter turns
                // away. Every passage of that score, found with the
                // threshold there from the start, costs less than ranking
                // deeper and deeper through the run.
                let last = ranking.ranked[asked - 1].score;
                if ranking.floor.1 || ranking.ranked[asked / 2].score != last {
                    break;
                }
                let ties = self.at_least(query, last);
                if ties.ranked.len() < asked {
                    break;
                }
                ranking = ties;
            }
            // Beyond a run of copies, as many as a first search, then
            // more and more: the passages after the run are often copies
            // too (of other texts), but a step as deep as the run itself
            // would rank far more than needed.
            step = if ranking.floor.1 {
                k.max(MIN_RANKED)
            } else {
                step.saturating_mul(WIDEN)
            };
            m = asked.saturating_add(step);
            shallower = Some(ranking);
        }
    }

    fn search_capped(&self, query: &str, k: usize, max_copies: usize) -> Option<Vec<Hit>> {
        if k == 0 {
            return Some(Vec::new());
        }
        // A check's evidence search follows its appearance search for the
        // same text, whose ranking often holds what is asked.
        if let Some(ranking) = self.recent(query) {
            let mut copies: FxHashMap<u64, usize> = FxHashMap::default();
            let mut out = Vec::new();
            for r in &ranking.ranked {
                let n = copies.entry(self.text_key(r.passage)?).or_insert(0);
                *n += 1;
                if *n <= max_copies {
                    out.push(Hit::new(r.passage, r.score, ranking.ideal));
                    if out.len() == k {
                        return Some(out);
                    }
                }
            }
            if ranking.complete() {
                return Some(out);
            }
        }
        let q = Query::new(self.index, query);
        let hits = q
            .top_capped(self.index, k, max_copies)
            .into_iter()
            .map(|r| Hit::new(r.passage, r.score, q.ideal))
            .collect();
        Some(hits)
    }

    fn score(&self, query: &str, passages: &[u32]) -> Vec<Hit> {
        let query = Query::new(self.index, query);
        passages
            .iter()
            .zip(query.score(self.index, passages))
            .map(|(&p, score)| Hit::new(p, score, query.ideal))
            .collect()
    }
}
