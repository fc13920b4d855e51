//! The index's documents for a check, by place: read back whole
//! ([`Collection`]) or one by one as the check meets them
//! ([`StoredDocuments`]), so a check of given claims holds the documents
//! its searches touch and those that carry published reviews, whatever the
//! size of the collection.

use crate::Error;
use crate::read::{Collection, EvidenceIndex};
use crate::schema::{DOCUMENT, REVIEWED, SET_ASIDE};
use std::sync::{Mutex, OnceLock};
use veracity_model::{Diagnostic, Document, DocumentId, Review};
use veracity_text::hash::FxHashMap;
use veracity_verdict::Documents;

/// An index's documents by place, each place with its document's number
/// (collection order, counting on across appends).
pub trait Numbered: Documents {
    /// The place of the document numbered `number`.
    fn place_of_number(&self, number: u64) -> Option<usize>;
}

impl Documents for Collection {
    fn len(&self) -> usize {
        self.documents.len()
    }

    fn get(&self, place: usize) -> &Document {
        &self.documents[place]
    }

    fn place_of(&self, id: &DocumentId) -> Option<usize> {
        self.places.get(id).copied()
    }

    fn reviews(&self) -> Vec<(usize, &Review)> {
        veracity_verdict::reviews_of(self.documents.iter().enumerate())
    }
}

impl Numbered for Collection {
    fn place_of_number(&self, number: u64) -> Option<usize> {
        self.position(number)
    }
}

/// An index's documents read as a check asks for them; each is read once.
/// Holding them costs 28 bytes a document of the collection (its number,
/// where it is stored, its place in storage order and an empty slot) plus
/// the documents read.
pub struct StoredDocuments<'a> {
    index: &'a EvidenceIndex,
    /// The alive documents' numbers, in collection order: place `i` holds
    /// document `numbers[i]`, stored at `stored_at[i]`.
    numbers: Vec<u64>,
    stored_at: Vec<tantivy::DocAddress>,
    /// The places in the order their records are stored, which a scan
    /// reads them in.
    storage_order: Vec<u32>,
    slots: Slots,
    /// The first place of each id asked for or scanned, by a hash of the
    /// id (16 bytes a document, where the id itself would take 60: claim
    /// extraction scans every document). An id not here is looked up in
    /// the index, so the answer does not depend on what was read before.
    places: Mutex<FxHashMap<u64, u32>>,
    /// Places of documents with published reviews, and of documents set
    /// aside for their language.
    reviewed: Vec<usize>,
    set_aside: Vec<usize>,
    /// The parser's notes on the inputs, in the order they were made.
    notes: Vec<Diagnostic>,
    /// The first document that could not be read: the check that met it
    /// is not to be trusted (see [`StoredDocuments::failure`]).
    failed: Mutex<Option<Error>>,
    /// What a place that could not be read holds meanwhile.
    unreadable: Document,
}

impl EvidenceIndex {
    /// The index's documents, read as a check meets them: the numbers of
    /// its documents and which carry reviews or are set aside are read
    /// from the index's columns and terms, without reading a document.
    pub fn stored_documents(&self) -> Result<StoredDocuments<'_>, Error> {
        // In storage order; each numbered by its place in it.
        let mut by_number: Vec<(u64, tantivy::DocAddress, u32)> = self
            .records(DOCUMENT)?
            .into_iter()
            .zip(0..)
            .map(|((number, address), stored)| (number, address, stored))
            .collect();
        // Stable: of two records of one number, the first stored is read,
        // as `EvidenceIndex::document` reads it.
        by_number.sort_by_key(|&(number, _, _)| number);
        let mut storage_order = vec![0u32; by_number.len()];
        for (place, &(_, _, stored)) in by_number.iter().enumerate() {
            storage_order[stored as usize] = place as u32;
        }
        let (numbers, stored_at): (Vec<u64>, Vec<_>) = by_number
            .into_iter()
            .map(|(number, address, _)| (number, address))
            .unzip();
        // The places of the documents marked `kind`, in collection order.
        let places = |kind| -> Result<Vec<usize>, Error> {
            let mut places: Vec<usize> = self
                .records(kind)?
                .iter()
                .filter_map(|(n, _)| numbers.binary_search(n).ok())
                .collect();
            places.sort_unstable();
            Ok(places)
        };
        let (reviewed, set_aside) = (places(REVIEWED)?, places(SET_ASIDE)?);
        Ok(StoredDocuments {
            index: self,
            slots: empty_slots(numbers.len()),
            numbers,
            stored_at,
            storage_order,
            places: Mutex::new(FxHashMap::default()),
            reviewed,
            set_aside,
            notes: self.notes()?,
            failed: Mutex::new(None),
            unreadable: unreadable(),
        })
    }
}

/// The hash a document's place is kept under.
fn id_hash(id: &DocumentId) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = veracity_text::hash::FxHasher::default();
    id.as_str().hash(&mut h);
    h.finish()
}

/// An empty document, for a place that could not be read.
fn unreadable() -> Document {
    Document::plain_text(
        DocumentId::from_content(&["unreadable"]),
        "",
        veracity_model::DocumentKind::News,
        "",
    )
}

impl StoredDocuments<'_> {
    /// The parser's notes on the inputs, as [`Collection::diagnostics`].
    pub fn notes(&self) -> &[Diagnostic] {
        &self.notes
    }

    /// The documents set aside for their language, in collection order.
    pub fn set_aside(&self) -> impl Iterator<Item = &Document> {
        self.set_aside.iter().map(|&p| self.get(p))
    }

    /// The first error met reading a document, if any: a check that met
    /// one read an empty document in its place, so its report must not be
    /// used.
    pub fn failure(&self) -> Option<Error> {
        self.failed.lock().ok()?.take()
    }

    /// How many documents have been read.
    pub fn read(&self) -> usize {
        self.slots.iter().filter(|s| s.get().is_some()).count()
    }

    /// Notes that the document at `place` has id `id` (the first place of
    /// an id is the least noted).
    fn note_place(&self, id: &DocumentId, place: usize) {
        if let Ok(mut places) = self.places.lock() {
            let first = places.entry(id_hash(id)).or_insert(place as u32);
            *first = (*first).min(place as u32);
        }
    }

    /// Keeps the first error met reading a document.
    fn fail(&self, e: Error) {
        if let Ok(mut failed) = self.failed.lock() {
            failed.get_or_insert(e);
        }
    }

    /// Reads the document at `place` from where its record is stored
    /// (no search for its number).
    fn read_at(&self, place: usize) -> Result<Document, Error> {
        self.index
            .body::<Document>(self.stored_at[place], self.numbers[place])
    }

    /// The document at `place`, or, when it cannot be read, an empty one
    /// and the failure kept.
    fn load(&self, place: usize) -> Box<Document> {
        Box::new(self.read_at(place).unwrap_or_else(|e| {
            self.fail(e);
            self.unreadable.clone()
        }))
    }
}

/// The slots documents are read into: one per place, each filled once.
type Slots = Vec<OnceLock<Box<Document>>>;

fn empty_slots(len: usize) -> Slots {
    (0..len).map(|_| OnceLock::new()).collect()
}

impl StoredDocuments<'_> {
    /// A view of the documents with slots of its own: what it reads is let
    /// go with it, while the places of the ids read and the first failure
    /// are kept here. A check of many claims rates a run of them on each
    /// window, so it holds the documents of one run, not of the collection.
    pub fn window(&self) -> DocumentWindow<'_> {
        DocumentWindow {
            store: self,
            slots: empty_slots(self.numbers.len()),
        }
    }

    fn get_in<'s>(&'s self, slots: &'s Slots, place: usize) -> &'s Document {
        slots[place].get_or_init(|| self.load(place))
    }

    fn place_of_in(&self, slots: &Slots, id: &DocumentId) -> Option<usize> {
        let known = self.places.lock().ok()?.get(&id_hash(id)).copied();
        // Not read again to be sure: two of a million ids share a 64-bit
        // hash once in tens of millions of collections. A document held
        // is checked.
        match known.map(|p| (p as usize, slots[p as usize].get())) {
            Some((place, None)) => Some(place),
            Some((place, Some(doc))) if doc.id == *id => Some(place),
            Some(_) => self.look_up(id),
            None => {
                let place = self.look_up(id)?;
                self.note_place(id, place);
                Some(place)
            }
        }
    }

    /// The first place of a document with this id, from the index's ids.
    fn look_up(&self, id: &DocumentId) -> Option<usize> {
        match self.index.numbers_of(id.as_str()) {
            Ok(numbers) => numbers
                .into_iter()
                .filter_map(|n| self.place_of_number(n))
                .min(),
            Err(e) => {
                self.fail(e);
                None
            }
        }
    }

    /// Hands `f` the document at `place`: the one held, else one read
    /// and let go.
    fn look_at_in(&self, slots: &Slots, place: usize, f: &mut dyn FnMut(&Document)) {
        match slots[place].get() {
            Some(doc) => f(doc),
            None => f(&self.load(place)),
        }
    }

    fn reviews_in<'s>(&'s self, slots: &'s Slots) -> Vec<(usize, &'s Review)> {
        veracity_verdict::reviews_of(self.reviewed.iter().map(|&p| (p, self.get_in(slots, p))))
    }

    /// Reads the share's documents in the order they are stored, and keeps
    /// none that the check had not read already; each one's place is
    /// noted by its id.
    fn scan_in(
        &self,
        slots: &Slots,
        part: usize,
        parts: usize,
        f: &mut dyn FnMut(usize, &Document),
    ) {
        let share = veracity_verdict::share(self.storage_order.len(), part, parts);
        for &place in &self.storage_order[share] {
            let place = place as usize;
            if let Some(doc) = slots[place].get() {
                f(place, doc);
                continue;
            }
            match self.read_at(place) {
                Ok(doc) => {
                    self.note_place(&doc.id, place);
                    f(place, &doc);
                }
                Err(e) => {
                    self.fail(e);
                    f(place, &self.unreadable);
                }
            }
        }
    }
}

impl Documents for StoredDocuments<'_> {
    fn len(&self) -> usize {
        self.numbers.len()
    }

    fn get(&self, place: usize) -> &Document {
        self.get_in(&self.slots, place)
    }

    fn place_of(&self, id: &DocumentId) -> Option<usize> {
        self.place_of_in(&self.slots, id)
    }

    fn reviews(&self) -> Vec<(usize, &Review)> {
        self.reviews_in(&self.slots)
    }

    fn scan(&self, part: usize, parts: usize, f: &mut dyn FnMut(usize, &Document)) {
        self.scan_in(&self.slots, part, parts, f);
    }

    fn look_at(&self, place: usize, f: &mut dyn FnMut(&Document)) {
        self.look_at_in(&self.slots, place, f);
    }
}

/// A view of an index's documents with slots of its own
/// ([`StoredDocuments::window`]).
pub struct DocumentWindow<'s> {
    store: &'s StoredDocuments<'s>,
    slots: Slots,
}

impl DocumentWindow<'_> {
    /// How many documents this window has read.
    pub fn read(&self) -> usize {
        self.slots.iter().filter(|s| s.get().is_some()).count()
    }
}

impl Documents for DocumentWindow<'_> {
    fn len(&self) -> usize {
        self.slots.len()
    }

    fn get(&self, place: usize) -> &Document {
        self.store.get_in(&self.slots, place)
    }

    fn place_of(&self, id: &DocumentId) -> Option<usize> {
        self.store.place_of_in(&self.slots, id)
    }

    fn reviews(&self) -> Vec<(usize, &Review)> {
        self.store.reviews_in(&self.slots)
    }

    fn scan(&self, part: usize, parts: usize, f: &mut dyn FnMut(usize, &Document)) {
        self.store.scan_in(&self.slots, part, parts, f);
    }

    fn look_at(&self, place: usize, f: &mut dyn FnMut(&Document)) {
        self.store.look_at_in(&self.slots, place, f);
    }
}

impl Numbered for DocumentWindow<'_> {
    fn place_of_number(&self, number: u64) -> Option<usize> {
        self.store.place_of_number(number)
    }
}

impl Numbered for StoredDocuments<'_> {
    fn place_of_number(&self, number: u64) -> Option<usize> {
        self.numbers.binary_search(&number).ok()
    }
}
