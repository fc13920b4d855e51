//! The index as a [`Retriever`]: pruned BM25 search over its postings with
//! its own statistics, so its hits are those of `veracity_verdict::Index`
//! over the same documents.

use crate::read::EvidenceIndex;
use crate::search::{Query, Ranked};
use crate::stored::Numbered;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
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
}

impl Ranking {
    /// Whether it holds every passage the query matches.
    fn complete(&self) -> bool {
        self.ranked.len() < self.m
    }
}

/// How many more passages a search ranks when the caller's filter turned
/// away too many of those ranked.
const WIDEN: usize = 4;
/// The fewest passages a search ranks (a check asks for 50, then 80).
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

impl IndexRetriever<'_> {
    /// At least the best `m` passages for `query` (all, if fewer match):
    /// a recent ranking when one is deep enough, else a new search.
    fn ranking(&self, query: &str, m: usize) -> Arc<Ranking> {
        let recent = |r: &Arc<Ranking>| r.query == query && (r.complete() || r.ranked.len() >= m);
        if let Some(r) = self
            .recent
            .lock()
            .ok()
            .and_then(|q| q.iter().find(|r| recent(r)).cloned())
        {
            return r;
        }
        let q = Query::new(self.index, query);
        let ranking = Arc::new(Ranking {
            query: query.to_owned(),
            m,
            ranked: q.top(self.index, m),
            ideal: q.ideal,
        });
        if let Ok(mut q) = self.recent.lock() {
            q.retain(|r| r.query != query);
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
        // begin with the best m).
        let (mut m, mut asked) = (k.max(MIN_RANKED), 0);
        loop {
            let ranking = self.ranking(query, m);
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
            m = asked.saturating_mul(WIDEN);
        }
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
