//! A check split across shards of a collection (docs/scale-out.md).
//!
//! Each shard is indexed alone but scored with the whole collection's BM25
//! statistics ([`Index::with_statistics`](crate::Index::with_statistics)),
//! so a passage scores in its shard what it scores in the whole; the shard
//! answers every search a check makes for a claim ([`Checker::shard_candidates`]):
//! the plain top [`APPEARANCE_HITS`] of the claim (its appearances) and the
//! top [`POOL_FACTOR`] × k of the claim and of each of its parts with at
//! most [`MAX_COPIES`](crate::MAX_COPIES) copies of one text. The gathered answers of every
//! shard make a [`GatheredRetriever`]; a [`Checker`] over the whole
//! collection's documents with it asks the same searches and gets, ranked
//! the same way, the passages the whole collection's index returns:
//!
//! - the top k of the whole is in the union of each shard's top k;
//! - a passage the capped search keeps in the whole is kept in its shard
//!   too: fewer passages precede it in its shard's capped list than in the
//!   whole one (each passage there that the whole one drops stands for a
//!   copy of its text kept elsewhere before it).
//!
//! The stance each shard gave its candidates is read back by a
//! [`GatheredScorer`] rather than computed again.

use crate::check::{APPEARANCE_HITS, Checker, POOL_FACTOR, candidate_queries};
use crate::cues::PreparedClaim;
use crate::index::{Hit, Passage};
use crate::retrieve::Retriever;
use crate::scorer::StanceScorer;
use veracity_model::scatter::{PassageHit, ShardClaimCandidates, ShardSearch, StancedPassage};
use veracity_model::{Document, Span, Stance};
use veracity_text::hash::FxHashMap;

impl Checker<'_> {
    /// What this checker's collection, one shard of a larger one, finds for
    /// `claim`: every search a check of the claim makes, answered here, and
    /// the stance of every passage the evidence searches found. The
    /// checker's retriever must score with the whole collection's
    /// statistics.
    pub fn shard_candidates(&self, claim: &str, top_k: usize) -> ShardClaimCandidates {
        let hit = |h: &Hit| {
            let p = self.retriever.passage(h.passage);
            PassageHit {
                document: p.doc,
                span: p.span,
                score: f64::from(h.score),
                relevance: f64::from(h.relevance),
            }
        };
        let plain = self.retriever.search(claim, APPEARANCE_HITS);
        let mut searches = vec![ShardSearch {
            query: claim.to_owned(),
            capped: false,
            hits: plain.iter().map(hit).collect(),
        }];
        let prepared = PreparedClaim::new(claim);
        let mut found: Vec<u32> = Vec::new();
        for query in candidate_queries(claim, &prepared) {
            let hits = self.capped_search(query, top_k.saturating_mul(POOL_FACTOR));
            found.extend(hits.iter().map(|h| h.passage));
            searches.push(ShardSearch {
                query: query.to_owned(),
                capped: true,
                hits: hits.iter().map(hit).collect(),
            });
        }
        found.sort_unstable();
        found.dedup();
        let whole = self.retriever.score(claim, &found);
        let texts: Vec<&str> = found
            .iter()
            .map(|&p| {
                let p = self.retriever.passage(p);
                self.docs.get(p.doc as usize).slice(p.span)
            })
            .collect();
        let stances = self.scorer.score_batch(claim, &texts);
        ShardClaimCandidates {
            claim: claim.to_owned(),
            searches,
            passages: whole
                .iter()
                .zip(stances)
                .map(|(h, stance)| StancedPassage {
                    hit: hit(h),
                    stance,
                })
                .collect(),
        }
    }
}

/// One shard's answers, placed in the whole collection.
pub struct ShardAnswers<'a> {
    /// The collection index of the shard's first document.
    pub first_document: u32,
    /// How many documents the shard has.
    pub documents: u32,
    /// Its answers, per claim.
    pub candidates: &'a [ShardClaimCandidates],
}

/// A problem with a shard's answers.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "a passage of document {document} (span {start}..{end}) is not in the collection; \
     were the candidates made from these shards?"
)]
pub struct GatherError {
    /// The collection index of the passage's document.
    pub document: u64,
    /// Its span's start.
    pub start: usize,
    /// Its span's end.
    pub end: usize,
}

/// The passages the shards of a collection returned, as a [`Retriever`]:
/// each query the shards were asked is answered from the union of their
/// hits, best first, ties to the passage first in the collection.
pub struct GatheredRetriever {
    /// Every passage any shard returned, in collection order.
    passages: Vec<Passage>,
    /// Per query, its hits (passage numbers) best first.
    ranked: FxHashMap<String, Vec<Hit>>,
    /// Per query, every passage's hit, for [`Retriever::score`].
    scored: FxHashMap<String, FxHashMap<u32, Hit>>,
}

/// A hit of a shard as this collection numbers its documents; a hit
/// naming no document of its shard is placed past the collection (and
/// refused).
fn placed(shard: &ShardAnswers, h: &PassageHit) -> (u32, Span, f32, f32) {
    let doc = if h.document < shard.documents {
        shard.first_document.saturating_add(h.document)
    } else {
        u32::MAX
    };
    (doc, h.span, h.score as f32, h.relevance as f32)
}

impl GatheredRetriever {
    /// The retriever of the shards' answers over `docs`, the whole
    /// collection (each shard's documents in shard order). Fails when a
    /// passage is not one of `docs`.
    pub fn new(
        docs: &[Document],
        shards: &[ShardAnswers],
    ) -> Result<GatheredRetriever, GatherError> {
        // (query, document, span, score, relevance) of every answer.
        let mut answers: Vec<(&str, u32, Span, f32, f32)> = Vec::new();
        for shard in shards {
            for c in shard.candidates {
                for search in &c.searches {
                    for h in &search.hits {
                        let (d, s, score, rel) = placed(shard, h);
                        answers.push((&search.query, d, s, score, rel));
                    }
                }
                for p in &c.passages {
                    let (d, s, score, rel) = placed(shard, &p.hit);
                    answers.push((&c.claim, d, s, score, rel));
                }
            }
        }
        for &(_, d, span, _, _) in &answers {
            let fits = docs
                .get(d as usize)
                .is_some_and(|doc| span.check(&doc.text).is_ok());
            if !fits {
                return Err(GatherError {
                    document: u64::from(d),
                    start: span.start(),
                    end: span.end(),
                });
            }
        }
        let mut keys: Vec<(u32, usize, usize)> = answers
            .iter()
            .map(|&(_, d, s, _, _)| (d, s.start(), s.end()))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let number: FxHashMap<(u32, usize, usize), u32> = keys
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i as u32))
            .collect();
        let passages: Vec<Passage> = keys
            .iter()
            .map(|&(d, start, end)| Passage {
                doc: d,
                span: span_of(docs, d, start, end),
            })
            .collect();
        let mut scored: FxHashMap<String, FxHashMap<u32, Hit>> = FxHashMap::default();
        for &(query, d, s, score, relevance) in &answers {
            let p = number[&(d, s.start(), s.end())];
            let hit = Hit {
                passage: p,
                score,
                relevance,
            };
            match scored.get_mut(query) {
                Some(hits) => {
                    hits.insert(p, hit);
                }
                None => {
                    scored.insert(query.to_owned(), FxHashMap::from_iter([(p, hit)]));
                }
            }
        }
        let ranked = scored
            .iter()
            .map(|(query, hits)| {
                // A passage with no term of the query is no hit of it.
                let mut list: Vec<Hit> = hits.values().filter(|h| h.score > 0.0).copied().collect();
                list.sort_unstable_by(|a, b| {
                    b.score
                        .total_cmp(&a.score)
                        .then_with(|| a.passage.cmp(&b.passage))
                });
                (query.clone(), list)
            })
            .collect();
        Ok(GatheredRetriever {
            passages,
            ranked,
            scored,
        })
    }
}

/// The span `start..end` of document `d`, checked before.
fn span_of(docs: &[Document], d: u32, start: usize, end: usize) -> Span {
    let text = &docs[d as usize].text;
    Span::new(text, start, end).unwrap_or_else(|_| Span::whole(text))
}

impl Retriever for GatheredRetriever {
    fn len(&self) -> usize {
        self.passages.len()
    }

    fn passage(&self, passage: u32) -> Passage {
        self.passages[passage as usize]
    }

    fn search_where(&self, query: &str, k: usize, keep: &mut dyn FnMut(u32) -> bool) -> Vec<Hit> {
        let Some(list) = self.ranked.get(query) else {
            return Vec::new();
        };
        let mut kept = 0;
        list.iter()
            .filter(|h| {
                let take = kept < k && keep(h.passage);
                kept += usize::from(take);
                take
            })
            .copied()
            .collect()
    }

    fn score(&self, query: &str, passages: &[u32]) -> Vec<Hit> {
        let scored = self.scored.get(query);
        passages
            .iter()
            .map(|&p| {
                scored
                    .and_then(|s| s.get(&p))
                    .copied()
                    .unwrap_or(Hit::new(p, 0.0, 0.0))
            })
            .collect()
    }
}

/// The stances the shards gave their candidates, read back; any other
/// pair (a headline the voice model reads) goes to `fallback`.
pub struct GatheredScorer<'a> {
    /// (claim, passage text) → the stance model's stance.
    stances: FxHashMap<(String, String), Stance>,
    fallback: &'a dyn StanceScorer,
}

impl<'a> GatheredScorer<'a> {
    /// The shards' stances over `docs` (as for [`GatheredRetriever::new`],
    /// which has checked the passages), `fallback` for the rest.
    pub fn new(
        docs: &[Document],
        shards: &[ShardAnswers],
        fallback: &'a dyn StanceScorer,
    ) -> GatheredScorer<'a> {
        let mut stances = FxHashMap::default();
        for shard in shards {
            for c in shard.candidates {
                for p in &c.passages {
                    let d = placed(shard, &p.hit).0 as usize;
                    if let Some(doc) = docs.get(d)
                        && p.hit.span.check(&doc.text).is_ok()
                    {
                        let text = doc.slice(p.hit.span).to_owned();
                        stances.insert((c.claim.clone(), text), p.stance);
                    }
                }
            }
        }
        GatheredScorer { stances, fallback }
    }
}

impl StanceScorer for GatheredScorer<'_> {
    fn name(&self) -> &str {
        self.fallback.name()
    }

    fn score_batch(&self, claim: &str, passages: &[&str]) -> Vec<Stance> {
        let key = |p: &str| (claim.to_owned(), p.to_owned());
        let missing: Vec<&str> = passages
            .iter()
            .copied()
            .filter(|p| !self.stances.contains_key(&key(p)))
            .collect();
        let mut computed = self.fallback.score_batch(claim, &missing).into_iter();
        passages
            .iter()
            .filter_map(|p| {
                self.stances
                    .get(&key(p))
                    .copied()
                    .or_else(|| computed.next())
            })
            .collect()
    }
}
