//! The interface the [`Checker`](crate::Checker) finds passages with: BM25
//! over the analyzer's terms, top k with the collection's statistics. The
//! in-memory [`Index`](crate::Index) is one implementation; a persistent
//! index (the `veracity-index` crate) is another, and gives the same hits.

use crate::index::{Hit, Passage};

/// Passages of a collection ranked against a query with BM25 (k1 = 1.2,
/// b = 0.75, Lucene's idf) over `veracity_text::words::terms`, each
/// passage's length counted in words, stop words included.
///
/// Passages are named by a number the retriever chooses; ties in score go
/// to the passage that comes first in the collection (by document, then
/// position), so every implementation over the same collection returns
/// the same passages in the same order.
pub trait Retriever: Send + Sync {
    /// The number of passages.
    fn len(&self) -> usize;

    /// True when nothing was indexed.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The passage numbered `passage` (a number a search returned).
    fn passage(&self, passage: u32) -> Passage;

    /// The `k` highest-ranking passages against `query` that `keep`
    /// accepts, asked in rank order (so `keep` can cap copies of one text).
    fn search_where(&self, query: &str, k: usize, keep: &mut dyn FnMut(u32) -> bool) -> Vec<Hit>;

    /// The `k` highest-ranking passages against `query`.
    fn search(&self, query: &str, k: usize) -> Vec<Hit> {
        self.search_where(query, k, &mut |_| true)
    }

    /// How `passages` rank against `query`: the scores a search gives
    /// them, for passages found some other way.
    fn score(&self, query: &str, passages: &[u32]) -> Vec<Hit>;

    /// The `k` highest-ranking passages against `query` with at most
    /// `max_copies` of one text (by [`text_key`]: the best of each text),
    /// as asking [`Retriever::search_where`] in rank order with a count of
    /// each key gives; `None` when the retriever keeps no keys (the
    /// checker then counts them itself). A persistent index finds them in
    /// one pass, where the filter would have it rank deeper and deeper
    /// through thousands of copies.
    fn search_capped(&self, _query: &str, _k: usize, _max_copies: usize) -> Option<Vec<Hit>> {
        None
    }

    /// The passage's [`text_key`], when the retriever keeps it (a
    /// persistent index does, so that capping copies of one text reads no
    /// document); `None` makes the checker hash the passage's text.
    fn text_key(&self, _passage: u32) -> Option<u64> {
        None
    }
}

/// A hash of a text's letters and digits, case-folded: equal for copies of
/// one text however they are spaced, punctuated or capitalised.
pub fn text_key(text: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = veracity_text::hash::FxHasher::default();
    for c in text.chars() {
        // ASCII, most of any text, without the Unicode tables (the same
        // values hashed: the key is stored in indexes).
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                h.write_u32(u32::from(c.to_ascii_lowercase()));
            }
        } else if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                h.write_u32(l as u32);
            }
        }
    }
    h.finish()
}

impl Retriever for crate::index::Index {
    fn len(&self) -> usize {
        crate::index::Index::len(self)
    }

    fn passage(&self, passage: u32) -> Passage {
        self.passages()[passage as usize]
    }

    fn search_where(&self, query: &str, k: usize, keep: &mut dyn FnMut(u32) -> bool) -> Vec<Hit> {
        crate::index::Index::search_where(self, query, k, keep)
    }

    fn score(&self, query: &str, passages: &[u32]) -> Vec<Hit> {
        crate::index::Index::score(self, query, passages)
    }
}

/// A borrowed retriever is one too (a caller keeps the index, the checker
/// borrows it).
impl<R: Retriever + ?Sized> Retriever for &R {
    fn len(&self) -> usize {
        (**self).len()
    }

    fn passage(&self, passage: u32) -> Passage {
        (**self).passage(passage)
    }

    fn search_where(&self, query: &str, k: usize, keep: &mut dyn FnMut(u32) -> bool) -> Vec<Hit> {
        (**self).search_where(query, k, keep)
    }

    fn score(&self, query: &str, passages: &[u32]) -> Vec<Hit> {
        (**self).score(query, passages)
    }

    fn search_capped(&self, query: &str, k: usize, max_copies: usize) -> Option<Vec<Hit>> {
        (**self).search_capped(query, k, max_copies)
    }

    fn text_key(&self, passage: u32) -> Option<u64> {
        (**self).text_key(passage)
    }
}

#[cfg(test)]
mod tests {
    use super::text_key;
    use std::hash::Hasher;

    /// The key as first defined, every character through Unicode's tables:
    /// indexes store keys, so a faster path must give the same values.
    fn unicode_key(text: &str) -> u64 {
        let mut h = veracity_text::hash::FxHasher::default();
        for c in text.chars().filter(|c| c.is_alphanumeric()) {
            for l in c.to_lowercase() {
                h.write_u32(l as u32);
            }
        }
        h.finish()
    }

    #[test]
    fn text_keys_are_those_of_every_character_folded() {
        for text in [
            "",
            "The plant supplies 40% of the water.",
            "Ça coûte 40 € à İstanbul, ΣΟΦΊΑ said; ß and ǅ too",
            "tabs\tand\nnew lines, 3.5 million",
        ] {
            assert_eq!(text_key(text), unicode_key(text), "{text}");
        }
        assert_eq!(text_key("Hello, World!"), text_key("hello world"));
        assert_ne!(text_key("hello world"), text_key("hello worlds"));
    }
}
