//! Retrieval: passages of the collection in an in-memory inverted index,
//! ranked against a claim with BM25 over Porter-stemmed terms.
//!
//! A passage is a sentence; a sentence of fewer than [`MIN_PASSAGE_TERMS`]
//! terms is joined with the next sentence of the same paragraph (a window of
//! two), so headings and fragments do not rank on one lucky word. The index is
//! built once per run and answers any number of claims.

use veracity_model::{Document, Span};
use veracity_text::bm25::{BM25, Bm25};
use veracity_text::hash::FxHashMap;
use veracity_text::words;

/// Sentences with fewer terms than this are joined with the next one.
pub const MIN_PASSAGE_TERMS: usize = 6;
/// Passages longer than this many bytes are not indexed whole: they are cut
/// at the next sentence-like boundary (documents without sentence spans).
const MAX_PASSAGE_BYTES: usize = 1200;

/// One retrievable passage: a sentence or a window of two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passage {
    /// Index of the document in the collection given to [`Index::build`].
    pub doc: u32,
    /// The passage's byte span in that document's text.
    pub span: Span,
}

/// A passage ranked against a query.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// Index into [`Index::passages`].
    pub passage: u32,
    /// The BM25 score.
    pub score: f32,
    /// The score normalised to [0, 1]: the BM25 score over the score of a
    /// passage of average length holding every query term once.
    pub relevance: f32,
}

impl Hit {
    /// A hit with its relevance: `score` over `ideal`, the score of a
    /// passage of average length holding every query term once.
    pub fn new(passage: u32, score: f32, ideal: f32) -> Hit {
        Hit {
            passage,
            score,
            relevance: if ideal > 0.0 {
                (score / ideal).clamp(0.0, 1.0)
            } else {
                0.0
            },
        }
    }
}

/// A term's postings: (passage, term frequency), by passage.
type Postings = [(u32, u32)];

/// The inverted index over every passage of a collection.
#[derive(Debug, Default)]
pub struct Index {
    passages: Vec<Passage>,
    lengths: Vec<u32>,
    total_len: u64,
    vocab: FxHashMap<String, u32>,
    postings: Vec<Vec<(u32, u32)>>,
    /// The statistics BM25 scores with, when they are those of a larger
    /// collection this index is one shard of.
    global: Option<Statistics>,
}

/// What BM25 needs to know of a collection: its passages, their total
/// length and, per term, how many passages hold it. A shard scored with
/// the statistics of the whole collection gives every passage the score
/// the whole collection's index gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Statistics {
    /// Passages indexed.
    pub passages: u64,
    /// Their total length in words (BM25's lengths).
    pub total_length: u64,
    /// Per term, the number of passages holding it.
    pub frequencies: FxHashMap<String, u64>,
}

impl Statistics {
    /// Adds another collection's statistics (a shard's) to these.
    pub fn add(&mut self, other: &Statistics) {
        self.passages += other.passages;
        self.total_length += other.total_length;
        for (term, &n) in &other.frequencies {
            *self.frequencies.entry(term.clone()).or_insert(0) += n;
        }
    }
}

/// One passage as an index stores it: what [`Index::build`] makes of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedPassage {
    /// The passage's byte span in its document's text.
    pub span: Span,
    /// Its length for BM25: the number of words, stop words included.
    pub length: u32,
    /// Its terms (stemmed, stop words dropped), sorted, each as often as
    /// it occurs, joined by single spaces (an analysed term holds none):
    /// what a persistent index's tokenizer splits.
    pub joined_terms: String,
}

impl IndexedPassage {
    /// Its distinct terms with how often each occurs, sorted by term.
    pub fn terms(&self) -> Vec<(&str, u32)> {
        let mut out: Vec<(&str, u32)> = Vec::new();
        for t in self.joined_terms.split(' ').filter(|t| !t.is_empty()) {
            match out.last_mut() {
                Some((last, n)) if *last == t => *n += 1,
                _ => out.push((t, 1)),
            }
        }
        out
    }
}

/// The passages of `doc` with their lengths and term frequencies, exactly
/// as the in-memory index holds them (none for a document set aside for
/// its language): what a persistent index stores, so that its BM25 scores
/// equal [`Index::search`]'s.
pub fn indexed_passages(doc: &Document) -> Vec<IndexedPassage> {
    if !crate::language::carries_weight(doc) {
        return Vec::new();
    }
    let sentences = sentence_spans(doc);
    let mut buf = String::new();
    // Every word of the document, one after the other in one string (a
    // string per word was a tenth of a build), and where each ends.
    let mut words = String::new();
    let mut word_ends: Vec<usize> = Vec::new();
    let mut ends: Vec<usize> = Vec::new();
    let mut short: Vec<bool> = Vec::new();
    for &s in &sentences {
        let mut terms = 0;
        words::for_each_word(doc.slice(s), &mut buf, |w| {
            terms += usize::from(!words::is_stop_word(w));
            words.push_str(w);
            word_ends.push(words.len());
        });
        ends.push(word_ends.len());
        short.push(terms < MIN_PASSAGE_TERMS);
    }
    let word = |i: usize| &words[if i == 0 { 0 } else { word_ends[i - 1] }..word_ends[i]];
    let mut out = Vec::new();
    let (mut terms, mut found) = (String::new(), Vec::new());
    for (a, b) in group_sentences(doc, &sentences, &short) {
        let from = if a == 0 { 0 } else { ends[a - 1] };
        let to = ends[b - 1];
        if from == to {
            continue;
        }
        let Some(span) = group_span(doc, &sentences[a..b]) else {
            continue;
        };
        // The terms one after the other in one string, then put in order
        // by where each lies: no string per term.
        terms.clear();
        found.clear();
        for i in from..to {
            words::with_term(word(i), |t| {
                if let Some(t) = t {
                    found.push(terms.len()..terms.len() + t.len());
                    terms.push_str(t);
                }
            });
        }
        found.sort_unstable_by(|a, b| terms[a.clone()].cmp(&terms[b.clone()]));
        let mut joined_terms = String::with_capacity(terms.len() + found.len());
        for t in &found {
            if !joined_terms.is_empty() {
                joined_terms.push(' ');
            }
            joined_terms.push_str(&terms[t.clone()]);
        }
        out.push(IndexedPassage {
            span,
            length: (to - from) as u32,
            joined_terms,
        });
    }
    out
}

/// The spans a document's passages cover, in order.
pub fn passage_spans(doc: &Document) -> Vec<Span> {
    let sentences = sentence_spans(doc);
    let short: Vec<bool> = sentences
        .iter()
        .map(|&s| words::term_count(doc.slice(s)) < MIN_PASSAGE_TERMS)
        .collect();
    group_sentences(doc, &sentences, &short)
        .filter_map(|(a, b)| group_span(doc, &sentences[a..b]))
        .collect()
}

/// The span of a group of consecutive sentences of `doc`.
fn group_span(doc: &Document, group: &[Span]) -> Option<Span> {
    Span::new(&doc.text, group.first()?.start(), group.last()?.end()).ok()
}

/// A document's sentences: its own spans when it has them (the valid,
/// non-empty ones), else those of the fallback splitter.
fn sentence_spans(doc: &Document) -> Vec<Span> {
    if doc.sentences.is_empty() {
        split_sentences(&doc.text)
    } else {
        doc.sentences
            .iter()
            .copied()
            .filter(|s| s.check(&doc.text).is_ok() && !s.is_empty())
            .collect()
    }
}

/// Groups sentences into passages, as ranges of sentence indices: a short
/// sentence joins the next one when no blank line separates them.
fn group_sentences<'a>(
    doc: &'a Document,
    sentences: &'a [Span],
    short: &'a [bool],
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let mut i = 0;
    std::iter::from_fn(move || {
        if i >= sentences.len() {
            return None;
        }
        let start = i;
        if short[i] && i + 1 < sentences.len() {
            let (s, next) = (sentences[i], sentences[i + 1]);
            let between = doc.text.get(s.end()..next.start()).unwrap_or("\n\n");
            if !between.contains("\n\n") && next.start() >= s.end() {
                i += 2;
                return Some((start, i));
            }
        }
        i += 1;
        Some((start, i))
    })
}

/// The sentences of a text that came without sentence spans (the shared
/// splitter, blank lines ending paragraphs), with runs longer than
/// [`MAX_PASSAGE_BYTES`] cut at a space so no passage is indexed whole.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for s in veracity_text::sentences::sentences_of_plain_text(text) {
        let mut from = s.start();
        // The first space more than MAX_PASSAGE_BYTES into the rest (a space
        // is one byte, so the cut is on a char boundary).
        while let Some(cut) = text.as_bytes()[from..s.end()]
            .iter()
            .skip(MAX_PASSAGE_BYTES + 1)
            .position(|&b| b == b' ')
            .map(|k| from + MAX_PASSAGE_BYTES + 1 + k)
        {
            out.extend(Span::new(text, from, cut));
            from = cut + 1;
        }
        out.extend(Span::new(text, from, s.end()));
    }
    out
}

impl Index {
    /// Builds the index over every passage of `docs`, on every available
    /// core: each thread indexes a run of documents, and the parts are
    /// concatenated in order, so the result does not depend on the number of
    /// threads.
    pub fn build(docs: &[Document]) -> Index {
        Index::concat(crate::parallel::map_runs(docs, Index::build_part))
    }

    /// Indexes `docs`, the documents numbered from `first_doc` on. Each
    /// sentence is tokenised once: its word ids both decide whether it is
    /// short and fill the postings.
    fn build_part(docs: &[Document], first_doc: usize) -> Index {
        let mut index = Index::default();
        let mut buf = String::new();
        // Per vocabulary id: whether the word is a stop word.
        let mut stop: Vec<bool> = Vec::new();
        let mut tokens: Vec<u32> = Vec::new();
        let mut ends: Vec<usize> = Vec::new();
        let mut short: Vec<bool> = Vec::new();
        let mut sorted: Vec<u32> = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            // A document set aside for its language gives no passages.
            if !crate::language::carries_weight(doc) {
                continue;
            }
            let sentences = sentence_spans(doc);
            tokens.clear();
            ends.clear();
            short.clear();
            for &s in &sentences {
                let mut terms = 0;
                words::for_each_word(doc.slice(s), &mut buf, |w| {
                    let id = match index.vocab.get(w) {
                        Some(&id) => id,
                        None => {
                            let id = index.postings.len() as u32;
                            index.postings.push(Vec::new());
                            index.vocab.insert(w.to_owned(), id);
                            stop.push(words::is_stop_word(w));
                            id
                        }
                    };
                    terms += usize::from(!stop[id as usize]);
                    tokens.push(id);
                });
                ends.push(tokens.len());
                short.push(terms < MIN_PASSAGE_TERMS);
            }
            for (a, b) in group_sentences(doc, &sentences, &short) {
                let from = if a == 0 { 0 } else { ends[a - 1] };
                let words = &tokens[from..ends[b - 1]];
                if words.is_empty() {
                    continue;
                }
                let Some(span) = group_span(doc, &sentences[a..b]) else {
                    continue;
                };
                let pid = index.passages.len() as u32;
                sorted.clear();
                sorted.extend_from_slice(words);
                sorted.sort_unstable();
                for run in sorted.chunk_by(|x, y| x == y) {
                    index.postings[run[0] as usize].push((pid, run.len() as u32));
                }
                index.passages.push(Passage {
                    doc: (first_doc + d) as u32,
                    span,
                });
                index.lengths.push(words.len() as u32);
                index.total_len += words.len() as u64;
            }
        }
        index.merge_terms();
        index
    }

    /// Joins indexes of consecutive runs of documents: passages are
    /// renumbered after those of the earlier parts, so postings stay sorted.
    fn concat(parts: Vec<Index>) -> Index {
        let mut out = Index::default();
        for part in parts {
            let offset = out.passages.len() as u32;
            let Index {
                passages,
                lengths,
                total_len,
                vocab,
                mut postings,
                ..
            } = part;
            out.passages.extend(passages);
            out.lengths.extend(lengths);
            out.total_len += total_len;
            for (term, id) in vocab {
                let list = std::mem::take(&mut postings[id as usize]);
                let shifted = list.into_iter().map(|(p, tf)| (p + offset, tf));
                match out.vocab.get(&term) {
                    Some(&g) => out.postings[g as usize].extend(shifted),
                    None => {
                        out.vocab.insert(term, out.postings.len() as u32);
                        out.postings.push(shifted.collect());
                    }
                }
            }
        }
        out
    }

    /// The vocabulary maps raw words to ids while building (stemming each
    /// distinct word once); this folds the words of one stem together and
    /// drops stop words, so queries look terms up by stem.
    fn merge_terms(&mut self) {
        let mut by_term: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        for (word, &id) in &self.vocab {
            if let Some(t) = words::term(word) {
                by_term.entry(t).or_default().push(id);
            }
        }
        let old = std::mem::take(&mut self.postings);
        let mut old: Vec<Option<Vec<(u32, u32)>>> = old.into_iter().map(Some).collect();
        let mut keys: Vec<String> = by_term.keys().cloned().collect();
        keys.sort_unstable();
        let mut vocab = FxHashMap::default();
        for key in keys {
            let ids = &by_term[&key];
            let mut list: Vec<(u32, u32)> = Vec::new();
            for &id in ids {
                if let Some(p) = old[id as usize].take() {
                    if list.is_empty() {
                        list = p;
                    } else {
                        list.extend(p);
                    }
                }
            }
            if ids.len() > 1 {
                list.sort_unstable_by_key(|&(p, _)| p);
                list.dedup_by(|b, a| {
                    if a.0 == b.0 {
                        a.1 += b.1;
                        true
                    } else {
                        false
                    }
                });
            }
            vocab.insert(key, self.postings.len() as u32);
            self.postings.push(list);
        }
        self.vocab = vocab;
    }

    /// Every indexed passage.
    pub fn passages(&self) -> &[Passage] {
        &self.passages
    }

    /// The number of passages.
    pub fn len(&self) -> usize {
        self.passages.len()
    }

    /// True when nothing was indexed.
    pub fn is_empty(&self) -> bool {
        self.passages.is_empty()
    }

    /// The number of distinct terms.
    pub fn vocabulary_size(&self) -> usize {
        self.vocab.len()
    }

    /// This index's own statistics: what a shard contributes to those of
    /// the whole collection.
    pub fn statistics(&self) -> Statistics {
        Statistics {
            passages: self.passages.len() as u64,
            total_length: self.total_len,
            frequencies: self
                .vocab
                .iter()
                .map(|(t, &id)| (t.clone(), self.postings[id as usize].len() as u64))
                .collect(),
        }
    }

    /// The same index scoring with `global`, the statistics of the whole
    /// collection this index is a shard of: its hits then score as they
    /// would in an index of the whole collection.
    pub fn with_statistics(mut self, global: Statistics) -> Index {
        self.global = Some(global);
        self
    }

    /// The number of passages BM25 counts: the whole collection's, for a
    /// shard.
    fn collection_len(&self) -> u64 {
        self.global
            .as_ref()
            .map_or(self.passages.len() as u64, |g| g.passages)
    }

    fn idf(&self, df: u64) -> f32 {
        Bm25::idf(self.collection_len() as f32, df as f32)
    }

    /// The posting lists of a query's distinct terms that occur in the
    /// collection, each with its idf, and the normaliser of its scores: every
    /// such term matched once in a passage of average length. A shard's
    /// lists are its own postings, its idfs the whole collection's (a term
    /// the shard lacks still counts towards the normaliser).
    fn query(&self, query: &str) -> (Vec<(&Postings, f32)>, f32) {
        let mut qterms: Vec<String> = words::terms(query);
        qterms.sort_unstable();
        qterms.dedup();
        let lists: Vec<(&Postings, f32)> = qterms
            .iter()
            .filter_map(|t| {
                let list = self
                    .vocab
                    .get(t)
                    .map_or(&[][..], |&id| self.postings[id as usize].as_slice());
                let df = match &self.global {
                    Some(g) => g.frequencies.get(t).copied().unwrap_or(0),
                    None => list.len() as u64,
                };
                (df > 0).then(|| (list, self.idf(df)))
            })
            .collect();
        let ideal = lists.iter().map(|&(_, idf)| idf).sum();
        (lists, ideal)
    }

    /// The BM25 contribution of one term (`tf` times in `passage`), given
    /// the collection's average passage length.
    fn term_score(&self, idf: f32, tf: u32, passage: u32, avg_len: f32) -> f32 {
        let len = self.lengths[passage as usize] as f32;
        BM25.term_score(idf, tf as f32, BM25.length_norm(len, avg_len))
    }

    fn avg_len(&self) -> f32 {
        let total = self
            .global
            .as_ref()
            .map_or(self.total_len, |g| g.total_length);
        total as f32 / self.collection_len() as f32
    }

    /// How `passages` rank against `query`: the same scores as [`search`]
    /// gives them, for passages found some other way.
    ///
    /// [`search`]: Index::search
    pub fn score(&self, query: &str, passages: &[u32]) -> Vec<Hit> {
        let (lists, ideal) = self.query(query);
        let avg = self.avg_len();
        passages
            .iter()
            .map(|&p| {
                let score = lists
                    .iter()
                    .filter_map(|&(l, idf)| {
                        let at = l.binary_search_by_key(&p, |&(q, _)| q).ok()?;
                        Some(self.term_score(idf, l[at].1, p, avg))
                    })
                    .sum();
                Hit::new(p, score, ideal)
            })
            .collect()
    }

    /// The `k` passages that rank highest against `query` (ties broken by
    /// passage order, so results are deterministic).
    pub fn search(&self, query: &str, k: usize) -> Vec<Hit> {
        self.search_where(query, k, |_| true)
    }

    /// The `k` highest-ranking passages against `query` that `keep` accepts,
    /// asked in rank order (so `keep` can cap copies of one text).
    pub fn search_where(
        &self,
        query: &str,
        k: usize,
        mut keep: impl FnMut(u32) -> bool,
    ) -> Vec<Hit> {
        if self.passages.is_empty() || k == 0 {
            return Vec::new();
        }
        let (lists, ideal) = self.query(query);
        let avg = self.avg_len();
        let mut scores: FxHashMap<u32, f32> = FxHashMap::default();
        for (list, idf) in lists {
            for &(p, tf) in list {
                *scores.entry(p).or_insert(0.0) += self.term_score(idf, tf, p, avg);
            }
        }
        let mut hits: Vec<Hit> = scores
            .into_iter()
            .map(|(p, score)| Hit::new(p, score, ideal))
            .collect();
        hits.sort_unstable_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.passage.cmp(&b.passage))
        });
        let mut kept = 0;
        hits.retain(|h| {
            let take = kept < k && keep(h.passage);
            kept += usize::from(take);
            take
        });
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::doc;

    #[test]
    fn bm25_ranks_the_matching_passage_first() {
        let docs = vec![
            doc(
                "a",
                "The plant supplied 12 percent of the city's drinking water in 2025. Volunteers cleaned the beach on Saturday morning with the mayor.",
            ),
            doc(
                "b",
                "The mayor opened a new library downtown with many books for everyone. Drinking water prices rose last year across the whole region.",
            ),
        ];
        let index = Index::build(&docs);
        assert_eq!(index.len(), 4);
        let hits = index.search(
            "the desalination plant supplies forty percent of drinking water",
            3,
        );
        assert!(!hits.is_empty());
        let top = index.passages()[hits[0].passage as usize];
        assert_eq!(top.doc, 0);
        assert!(docs[0].slice(top.span).starts_with("The plant supplied 12"));
        assert!(hits[0].relevance > 0.0 && hits[0].relevance <= 1.0);
        // Scores descend.
        assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
        // Stemming: "supplies" finds "supplied".
        assert!(!index.search("supplies", 1).is_empty());
        // Nothing matches nonsense.
        assert!(index.search("zyzzyva", 5).is_empty());
    }

    #[test]
    fn parts_built_apart_rank_like_one_index() {
        let docs: Vec<_> = (0..5)
            .map(|i| {
                doc(
                    &format!("d{i}"),
                    &format!(
                        "Report {i}. The plant supplied {i}2 percent of the drinking water. Prices rose {i} percent in the region last year."
                    ),
                )
            })
            .collect();
        let whole = Index::build_part(&docs, 0);
        let joined = Index::concat(vec![
            Index::build_part(&docs[..2], 0),
            Index::build_part(&docs[2..], 2),
        ]);
        assert_eq!(whole.passages, joined.passages);
        assert_eq!(whole.lengths, joined.lengths);
        for q in [
            "plant supplies drinking water",
            "prices rose region",
            "report",
        ] {
            assert_eq!(whole.search(q, 10), joined.search(q, 10), "{q}");
        }
    }

    #[test]
    fn a_shard_with_the_whole_statistics_scores_as_the_whole() {
        let docs: Vec<_> = (0..6)
            .map(|i| {
                doc(
                    &format!("d{i}"),
                    &format!(
                        "Bulletin {i}. The ferry carried {i}1 hundred riders on the river route. Tolls rose {i} percent."
                    ),
                )
            })
            .collect();
        let whole = Index::build(&docs);
        let (a, b) = docs.split_at(2);
        let mut sum = Index::build(a).statistics();
        sum.add(&Index::build(b).statistics());
        assert_eq!(sum, whole.statistics());
        // The second shard's passages come after the first's in the whole.
        let offset = Index::build(a).len() as u32;
        let shard = Index::build(b).with_statistics(sum);
        for q in [
            "ferry riders river route",
            "tolls rose percent",
            "bulletin 3",
        ] {
            let expected: Vec<Hit> = whole
                .search(q, 100)
                .into_iter()
                .filter(|h| h.passage >= offset)
                .map(|h| Hit {
                    passage: h.passage - offset,
                    ..h
                })
                .collect();
            assert_eq!(shard.search(q, 100), expected, "{q}");
            let all: Vec<u32> = (0..shard.len() as u32).collect();
            let scored: Vec<f32> = shard.score(q, &all).iter().map(|h| h.score).collect();
            let in_whole: Vec<f32> = whole
                .score(q, &all.iter().map(|p| p + offset).collect::<Vec<_>>())
                .iter()
                .map(|h| h.score)
                .collect();
            assert_eq!(scored, in_whole, "{q}");
        }
    }

    #[test]
    fn indexed_passages_are_the_index_passages() {
        let mut docs: Vec<_> = (0..4)
            .map(|i| {
                doc(
                    &format!("d{i}"),
                    &format!(
                        "Summary {i}. The plant supplied {i}2 percent of the water, and the plant's water rose. \n\nShort one. Prices rose {i} percent in the U.S. region last year."
                    ),
                )
            })
            .collect();
        docs[2].detected_language = Some(veracity_model::DetectedLanguage {
            code: "fr".into(),
            name: Some("French".into()),
            confidence: 0.99,
        });
        let index = Index::build(&docs);
        let mut n = 0;
        for (d, document) in docs.iter().enumerate() {
            for p in indexed_passages(document) {
                assert_eq!(
                    index.passages[n],
                    Passage {
                        doc: d as u32,
                        span: p.span
                    }
                );
                assert_eq!(index.lengths[n], p.length);
                let mut held: Vec<(String, u32)> = index
                    .vocab
                    .iter()
                    .filter_map(|(t, &id)| {
                        let list = &index.postings[id as usize];
                        let at = list.binary_search_by_key(&(n as u32), |&(q, _)| q).ok()?;
                        Some((t.clone(), list[at].1))
                    })
                    .collect();
                held.sort_unstable();
                let given: Vec<(String, u32)> = p
                    .terms()
                    .into_iter()
                    .map(|(t, n)| (t.to_owned(), n))
                    .collect();
                assert_eq!(held, given);
                n += 1;
            }
        }
        assert_eq!(n, index.len());
    }

    #[test]
    fn short_sentences_join_the_next() {
        let d = doc(
            "c",
            "Summary. The plant supplied 12 percent of the water last year.",
        );
        let spans = passage_spans(&d);
        assert_eq!(spans.len(), 1);
        assert_eq!(d.slice(spans[0]), d.text);
    }

    #[test]
    fn splitter_handles_abbreviations_and_blank_lines() {
        let t = "Brig. Gen. Voss spoke. It rose 6%.\n\nNext paragraph here";
        let spans = split_sentences(t);
        let parts: Vec<&str> = spans.iter().map(|s| &t[s.start()..s.end()]).collect();
        assert_eq!(
            parts,
            [
                "Brig. Gen. Voss spoke.",
                "It rose 6%.",
                "Next paragraph here"
            ]
        );
    }
}
