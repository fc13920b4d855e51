//! The index as a [`Retriever`]: pruned BM25 search over its postings with
//! its own statistics, so its hits are those of `veracity_verdict::Index`
//! over the same documents.

use crate::read::{Collection, EvidenceIndex};
use crate::search::Query;
use veracity_verdict::{Hit, Passage, Retriever};

/// The passages of an [`EvidenceIndex`] as a [`Retriever`] for a check of
/// its [`Collection`]: a passage's document is its position there.
pub struct IndexRetriever<'a> {
    index: &'a EvidenceIndex,
    collection: &'a Collection,
}

/// How many more passages a search ranks when the caller's filter turned
/// away too many of those ranked.
const WIDEN: usize = 4;

impl EvidenceIndex {
    /// A retriever over the index's passages, for
    /// [`Checker::with_retriever`](veracity_verdict::Checker::with_retriever)
    /// with `collection`'s documents (this index's
    /// [`EvidenceIndex::collection`]).
    pub fn retriever<'a>(&'a self, collection: &'a Collection) -> IndexRetriever<'a> {
        IndexRetriever {
            index: self,
            collection,
        }
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
        let doc = self.collection.position(number).unwrap_or(0);
        // A span the index wrote from this very document fits it; should a
        // damaged index say otherwise, the passage is empty.
        let text = self
            .collection
            .documents
            .get(doc)
            .map_or("", |d| d.text.as_str());
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
        let query = Query::new(self.index, query);
        let mut out = Vec::new();
        // Rank the best k; while `keep` turns some away, rank further and
        // ask it about the passages it has not seen (the best m + n begin
        // with the best m).
        let (mut m, mut asked) = (k, 0);
        loop {
            let ranked = query.top(self.index, m);
            for r in ranked.iter().skip(asked) {
                if keep(r.passage) {
                    out.push(Hit::new(r.passage, r.score, query.ideal));
                    if out.len() == k {
                        return out;
                    }
                }
            }
            if ranked.len() < m {
                return out;
            }
            asked = ranked.len();
            m = m.saturating_mul(WIDEN);
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
