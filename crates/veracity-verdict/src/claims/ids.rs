//! The ids of the documents at the places candidates were found. A check
//! of every claim keeps the id of every place (runs written out may name
//! any of them), a million ids at a million documents: past a bound they
//! are written out, each place keeping where its id is (8 bytes), and
//! read back when a claim is made.

use super::appended::Appended;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use veracity_model::DocumentId;
use veracity_text::hash::FxHashMap;

/// No id written for the place.
const NONE: u64 = u64::MAX;

/// Bits of a written id's entry that give its length; the rest give where
/// it starts.
const LEN_BITS: u32 = 24;

/// The document id of each place noted, held or written out.
#[derive(Default)]
pub(crate) struct DocumentIds {
    held: FxHashMap<u32, DocumentId>,
    /// By place: where its id was written and its length
    /// (`start << LEN_BITS | len`), or [`NONE`].
    written: Vec<u64>,
    out: Appended,
    /// The file read back, once an id was asked for; ids noted after that
    /// are held.
    reader: Option<File>,
}

impl DocumentIds {
    /// How many ids are held.
    pub(crate) fn held(&self) -> usize {
        self.held.len()
    }

    fn is_written(&self, place: u32) -> bool {
        self.written.get(place as usize).is_some_and(|&w| w != NONE)
    }

    /// Notes that the document at `place` is `id`, unless a first one was.
    pub(crate) fn note(&mut self, place: u32, id: &DocumentId) {
        if !self.is_written(place) {
            self.held.entry(place).or_insert_with(|| id.clone());
        }
    }

    /// Keeps the ids held of the places `keep` says, forgetting the rest.
    pub(crate) fn retain(&mut self, mut keep: impl FnMut(u32) -> bool) {
        self.held.retain(|&p, _| keep(p));
    }

    /// Writes every id held out, holding none after; false when they could
    /// not be (they stay held).
    pub(crate) fn write_out(&mut self) -> bool {
        let mut held: Vec<(u32, DocumentId)> = self.held.drain().collect();
        held.sort_unstable_by_key(|&(p, _)| p);
        let mut all = true;
        for (place, id) in held {
            all &= self.write(place, id);
        }
        all
    }

    /// Writes the id of `place` out; when it cannot be, holds it and says
    /// so.
    fn write(&mut self, place: u32, id: DocumentId) -> bool {
        let bytes = id.as_str().as_bytes();
        // Not once the file is being read back, nor past what an entry of
        // `written` can say.
        let at = (self.reader.is_none() && bytes.len() < 1 << LEN_BITS)
            .then(|| self.out.append(bytes))
            .flatten()
            .filter(|&at| at < 1 << (64 - LEN_BITS));
        let Some(at) = at else {
            self.held.insert(place, id);
            return false;
        };
        if self.written.len() <= place as usize {
            self.written.resize(place as usize + 1, NONE);
        }
        self.written[place as usize] = at << LEN_BITS | bytes.len() as u64;
        true
    }

    /// The id of the document at `place`, if one was noted.
    pub(crate) fn get(&mut self, place: u32) -> Option<DocumentId> {
        if let Some(id) = self.held.get(&place) {
            return Some(id.clone());
        }
        let entry = *self.written.get(place as usize)?;
        if entry == NONE {
            return None;
        }
        if self.reader.is_none() {
            self.reader = std::mem::take(&mut self.out).into_reader();
        }
        let file = self.reader.as_mut()?;
        let (start, len) = (entry >> LEN_BITS, entry & ((1 << LEN_BITS) - 1));
        let mut bytes = vec![0u8; len as usize];
        file.seek(SeekFrom::Start(start)).ok()?;
        file.read_exact(&mut bytes).ok()?;
        Some(DocumentId(String::from_utf8(bytes).ok()?))
    }

    /// Takes in the ids `other` noted (a first one noted here stays); those
    /// it wrote out are written out here, not held.
    pub(crate) fn absorb(&mut self, mut other: DocumentIds) {
        for place in 0..other.written.len() as u32 {
            if other.is_written(place)
                && !self.is_written(place)
                && !self.held.contains_key(&place)
                && let Some(id) = other.get(place)
            {
                self.write(place, id);
            }
        }
        for (place, id) in other.held {
            self.note(place, &id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u32) -> DocumentId {
        DocumentId(format!("doc-{n}"))
    }

    #[test]
    fn ids_written_out_are_read_back_and_the_first_noted_stays() {
        let mut ids = DocumentIds::default();
        for p in (0..100).rev() {
            ids.note(p, &id(p));
        }
        assert!(ids.write_out());
        assert_eq!(ids.held(), 0);
        // Noted again after it was written: the first stays.
        ids.note(7, &id(1007));
        for p in 100..110 {
            ids.note(p, &id(p));
        }
        assert_eq!(ids.held(), 10);
        let mut other = DocumentIds::default();
        other.note(200, &id(200));
        other.note(5, &id(1005));
        assert!(other.write_out());
        ids.absorb(other);
        for p in (0..110).chain([200]) {
            assert_eq!(ids.get(p), Some(id(p)), "place {p}");
        }
        assert_eq!(ids.get(150), None);
        assert_eq!(ids.get(100_000), None);
    }

    #[test]
    fn ids_that_cannot_be_written_stay_held() {
        let mut ids = DocumentIds {
            out: Appended::refusing(),
            ..DocumentIds::default()
        };
        for p in 0..10 {
            ids.note(p, &id(p));
        }
        assert!(!ids.write_out());
        assert_eq!(ids.held(), 10);
        assert_eq!(ids.get(9), Some(id(9)));
    }

    #[test]
    fn ids_held_are_forgotten_when_their_places_are() {
        let mut ids = DocumentIds::default();
        for p in 0..10 {
            ids.note(p, &id(p));
        }
        ids.retain(|p| p % 2 == 0);
        assert_eq!(ids.held(), 5);
        assert_eq!(ids.get(3), None);
        assert_eq!(ids.get(4), Some(id(4)));
    }
}
