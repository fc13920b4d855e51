//! Retrieval: passages of the collection in an in-memory inverted index,
//! ranked against a claim with BM25 over Porter-stemmed terms.
//!
//! A passage is a sentence; a sentence of fewer than [`MIN_PASSAGE_TERMS`]
//! terms is joined with the next sentence of the same paragraph (a window of
//! two), so headings and fragments do not rank on one lucky word. The index is
//! built once per run and answers any number of claims.

use crate::text::{self, FxHashMap};
use veracity_model::{Document, Span};

/// BM25 term-frequency saturation.
pub const K1: f32 = 1.2;
/// BM25 length normalisation.
pub const B: f32 = 0.75;
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

/// The inverted index over every passage of a collection.
#[derive(Debug, Default)]
pub struct Index {
    passages: Vec<Passage>,
    lengths: Vec<u32>,
    total_len: u64,
    vocab: FxHashMap<String, u32>,
    postings: Vec<Vec<(u32, u32)>>,
}

/// The spans a document's passages cover, in order.
pub fn passage_spans(doc: &Document) -> Vec<Span> {
    let sentences: Vec<Span> = if doc.sentences.is_empty() {
        split_sentences(&doc.text)
    } else {
        doc.sentences
            .iter()
            .copied()
            .filter(|s| s.check(&doc.text).is_ok() && !s.is_empty())
            .collect()
    };
    let mut out = Vec::with_capacity(sentences.len());
    let mut i = 0;
    while i < sentences.len() {
        let s = sentences[i];
        let short = text::terms(doc.slice(s)).len() < MIN_PASSAGE_TERMS;
        if short && i + 1 < sentences.len() {
            let next = sentences[i + 1];
            let between = doc.text.get(s.end..next.start).unwrap_or("\n\n");
            if !between.contains("\n\n") && next.start >= s.end {
                out.push(Span {
                    start: s.start,
                    end: next.end,
                });
                i += 2;
                continue;
            }
        }
        out.push(s);
        i += 1;
    }
    out
}

/// A fallback sentence splitter for documents that come without sentence
/// spans: cuts after `.`, `!` or `?` followed by white space and an
/// upper-case letter or digit, and at blank lines.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let push = |out: &mut Vec<Span>, a: usize, b: usize| {
        let piece = &text[a..b];
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let off = a + (piece.len() - piece.trim_start().len());
            out.push(Span {
                start: off,
                end: off + trimmed.len(),
            });
        }
    };
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'\n' && i + 1 < bytes.len() && bytes[i + 1] == b'\n' {
            push(&mut out, start, i);
            start = i + 2;
            i += 2;
            continue;
        }
        let end_mark = matches!(c, b'.' | b'!' | b'?');
        if end_mark
            && i + 2 < bytes.len()
            && bytes[i + 1] == b' '
            && (bytes[i + 2].is_ascii_uppercase()
                || bytes[i + 2].is_ascii_digit()
                || bytes[i + 2] == b'"')
            && !(c == b'.' && is_abbreviation(&text[start..i]))
        {
            push(&mut out, start, i + 1);
            start = i + 2;
            i += 2;
            continue;
        }
        if i - start > MAX_PASSAGE_BYTES && c == b' ' {
            push(&mut out, start, i);
            start = i + 1;
        }
        i += 1;
    }
    if start < text.len() {
        push(&mut out, start, text.len());
    }
    out
}

/// True when `before` (the text up to a full stop) ends in an abbreviation
/// or an initial, after which a full stop does not end a sentence.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    if word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase()) {
        return true;
    }
    if word.contains('.') {
        return true;
    }
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Prof"
            | "Gen"
            | "Brig"
            | "Col"
            | "Lt"
            | "Capt"
            | "Sgt"
            | "Sen"
            | "Rep"
            | "Gov"
            | "St"
            | "Jr"
            | "Sr"
            | "Inc"
            | "Co"
            | "Corp"
            | "Ltd"
            | "No"
            | "vs"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Aug"
            | "Sept"
            | "Sep"
            | "Oct"
            | "Nov"
            | "Dec"
            | "Rd"
            | "Ave"
            | "pp"
            | "Mt"
            | "Ft"
    )
}

impl Index {
    /// Builds the index over every passage of `docs`.
    pub fn build(docs: &[Document]) -> Index {
        let mut index = Index::default();
        let mut buf = String::new();
        let mut counts: FxHashMap<u32, u32> = FxHashMap::default();
        for (d, doc) in docs.iter().enumerate() {
            for span in passage_spans(doc) {
                let pid = index.passages.len() as u32;
                counts.clear();
                let mut len = 0u32;
                let vocab = &mut index.vocab;
                let postings = &mut index.postings;
                text::for_each_word(doc.slice(span), &mut buf, |w| {
                    let id = match vocab.get(w) {
                        Some(&id) => id,
                        None => {
                            let id = postings.len() as u32;
                            postings.push(Vec::new());
                            vocab.insert(w.to_owned(), id);
                            id
                        }
                    };
                    len += 1;
                    *counts.entry(id).or_insert(0) += 1;
                });
                if len == 0 {
                    continue;
                }
                for (&t, &tf) in &counts {
                    index.postings[t as usize].push((pid, tf));
                }
                index.passages.push(Passage {
                    doc: d as u32,
                    span,
                });
                index.lengths.push(len);
                index.total_len += u64::from(len);
            }
        }
        index.merge_terms();
        index
    }

    /// The vocabulary maps raw words to ids while building (stemming each
    /// distinct word once); this folds the words of one stem together and
    /// drops stop words, so queries look terms up by stem.
    fn merge_terms(&mut self) {
        let mut by_term: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        for (word, &id) in &self.vocab {
            if let Some(t) = text::term(word) {
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

    fn idf(&self, df: usize) -> f32 {
        let n = self.passages.len() as f32;
        let df = df as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// The `k` passages that rank highest against `query` (ties broken by
    /// passage order, so results are deterministic).
    pub fn search(&self, query: &str, k: usize) -> Vec<Hit> {
        if self.passages.is_empty() || k == 0 {
            return Vec::new();
        }
        let mut qterms: Vec<String> = text::terms(query);
        qterms.sort_unstable();
        qterms.dedup();
        let avg = self.total_len as f32 / self.passages.len() as f32;
        let mut scores: FxHashMap<u32, f32> = FxHashMap::default();
        let mut ideal = 0.0f32;
        for t in &qterms {
            let Some(&id) = self.vocab.get(t) else {
                continue;
            };
            let list = &self.postings[id as usize];
            let idf = self.idf(list.len());
            ideal += idf;
            for &(p, tf) in list {
                let tf = tf as f32;
                let len = self.lengths[p as usize] as f32;
                let s = idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / avg));
                *scores.entry(p).or_insert(0.0) += s;
            }
        }
        // The normaliser: every query term present in the collection matched
        // once in a passage of average length.
        let mut hits: Vec<Hit> = scores
            .into_iter()
            .map(|(p, score)| Hit {
                passage: p,
                score,
                relevance: if ideal > 0.0 {
                    (score / ideal).clamp(0.0, 1.0)
                } else {
                    0.0
                },
            })
            .collect();
        hits.sort_unstable_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.passage.cmp(&b.passage))
        });
        hits.truncate(k);
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
        let parts: Vec<&str> = spans.iter().map(|s| &t[s.start..s.end]).collect();
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
