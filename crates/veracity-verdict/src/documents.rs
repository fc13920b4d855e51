//! The documents a check reads, by their place in the collection: held in
//! memory, or fetched one by one from a store (a persistent index) so a
//! check of a few claims holds the documents it touches, not the
//! collection.

use crate::language::carries_weight;
use veracity_model::{Document, DocumentId, Review};
use veracity_text::hash::FxHashMap;

/// The documents of a collection, by place (collection order, from 0).
///
/// A [`crate::Retriever`]'s passages name their document by place.
pub trait Documents: Sync {
    /// How many places there are.
    fn len(&self) -> usize;

    /// True when there are none.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The document at `place` (less than [`Documents::len`]).
    fn get(&self, place: usize) -> &Document;

    /// The first place of the document with this id, among the documents
    /// a check has met: every id a check asks about comes from a document
    /// it has read (a passage's, a review's).
    fn place_of(&self, id: &DocumentId) -> Option<usize>;

    /// The published reviews of the collection, with their document's
    /// place, in collection order; none from a document set aside for its
    /// language.
    fn reviews(&self) -> Vec<(usize, &Review)>;

    /// Hands `f` each document of the `part`-th of `parts` shares of the
    /// collection, with its place: every document of the share once, in
    /// no set order. A store that reads documents lets each go after `f`:
    /// claim extraction reads the whole collection this way, a share on
    /// each core.
    fn scan(&self, part: usize, parts: usize, f: &mut dyn FnMut(usize, &Document)) {
        for place in share(self.len(), part, parts) {
            f(place, self.get(place));
        }
    }

    /// Hands `f` the document at `place`. A store that reads documents
    /// keeps it only if it held it already: a look at each of the
    /// thousands of documents repeating a claim does not hold them all.
    fn look_at(&self, place: usize, f: &mut dyn FnMut(&Document)) {
        f(self.get(place));
    }
}

/// The places in the `part`-th of `parts` consecutive, near-equal shares
/// of `len` places.
pub fn share(len: usize, part: usize, parts: usize) -> std::ops::Range<usize> {
    let size = len.div_ceil(parts.max(1));
    (part * size).min(len)..((part + 1) * size).min(len)
}

/// A collection held in memory.
pub struct InMemory<'a> {
    docs: &'a [Document],
    places: FxHashMap<DocumentId, usize>,
}

impl<'a> InMemory<'a> {
    /// `docs`, with a map from id to place.
    pub fn new(docs: &'a [Document]) -> InMemory<'a> {
        InMemory {
            docs,
            places: InMemory::places(docs),
        }
    }

    /// Each document's first place in `docs`, by id.
    pub fn places(docs: &[Document]) -> FxHashMap<DocumentId, usize> {
        crate::claims::positions(docs)
    }
}

impl Documents for InMemory<'_> {
    fn len(&self) -> usize {
        self.docs.len()
    }

    fn get(&self, place: usize) -> &Document {
        &self.docs[place]
    }

    fn place_of(&self, id: &DocumentId) -> Option<usize> {
        self.places.get(id).copied()
    }

    fn reviews(&self) -> Vec<(usize, &Review)> {
        reviews_of(self.docs.iter().enumerate())
    }
}

/// The reviews of `docs` (with their places) that carry weight, in order:
/// what [`Documents::reviews`] returns.
pub fn reviews_of<'d>(
    docs: impl Iterator<Item = (usize, &'d Document)>,
) -> Vec<(usize, &'d Review)> {
    docs.filter(|(_, d)| carries_weight(d))
        .flat_map(|(i, d)| d.reviews.iter().map(move |r| (i, r)))
        .collect()
}

/// A borrowed collection reads as the collection.
impl<D: Documents + ?Sized> Documents for &D {
    fn len(&self) -> usize {
        (**self).len()
    }

    fn get(&self, place: usize) -> &Document {
        (**self).get(place)
    }

    fn place_of(&self, id: &DocumentId) -> Option<usize> {
        (**self).place_of(id)
    }

    fn reviews(&self) -> Vec<(usize, &Review)> {
        (**self).reviews()
    }

    fn look_at(&self, place: usize, f: &mut dyn FnMut(&Document)) {
        (**self).look_at(place, f);
    }

    fn scan(&self, part: usize, parts: usize, f: &mut dyn FnMut(usize, &Document)) {
        (**self).scan(part, parts, f)
    }
}
