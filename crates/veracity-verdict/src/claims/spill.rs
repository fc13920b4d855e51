//! Candidates written out, a sorted run at a time, when a check of every
//! claim finds more distinct ones than it holds in memory, and read back
//! merged in the merge's order: extraction then holds a bounded number of
//! candidates whatever the size of the collection (an external merge
//! sort). Copies of one candidate in several runs come out as one.

use super::merge::{Candidate, Key};
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::io::{BufRead, BufReader, BufWriter, Seek, Write};
use std::rc::Rc;
use std::sync::Arc;
use veracity_model::{ClaimOrigin, Span};
use veracity_text::words::IdStatement;

/// A candidate as one line of a run (JSON: the check-worthiness, an
/// `f64`, reads back to the bit, so the merge's order holds), written
/// from the candidate held...
#[derive(Serialize)]
struct LineOf<'c> {
    text: &'c str,
    claimant: &'c Option<(u32, String)>,
    origin: ClaimOrigin,
    score: f64,
    date: &'c Option<String>,
    appearances: &'c [(u32, Span)],
    places_let_go: u64,
    terms: &'c [u32],
    shingles: &'c [u64],
}

impl<'c> From<&'c Candidate> for LineOf<'c> {
    fn from(c: &'c Candidate) -> LineOf<'c> {
        LineOf {
            text: &c.text,
            claimant: &c.claimant,
            origin: c.origin,
            score: c.score,
            date: &c.date,
            appearances: &c.appearances,
            places_let_go: c.places_let_go,
            terms: c.statement.terms(),
            shingles: c.statement.shingles(),
        }
    }
}

/// ... and read back.
#[derive(Deserialize)]
struct Line {
    text: String,
    claimant: Option<(u32, String)>,
    origin: ClaimOrigin,
    score: f64,
    date: Option<String>,
    appearances: Vec<(u32, Span)>,
    places_let_go: u64,
    terms: Vec<u32>,
    shingles: Vec<u64>,
}

impl Line {
    fn candidate(self, renumber: Option<&[u32]>) -> Candidate {
        let statement = IdStatement::from_parts(self.terms, self.shingles);
        Candidate {
            statement: match renumber {
                Some(ids) => statement.renumbered(ids),
                None => statement,
            },
            text: self.text.into(),
            claimant: self.claimant,
            origin: self.origin,
            score: self.score,
            date: self.date,
            appearances: self.appearances,
            places_let_go: self.places_let_go,
        }
    }
}

/// Candidates written out in the merge's order, in an unnamed temporary
/// file (gone with it, whatever ends the process).
pub struct Run {
    file: std::fs::File,
    /// The ids, in the vocabulary that reads the run, of the term ids it
    /// was written with (none: the same vocabulary).
    renumber: Option<Arc<[u32]>>,
}

impl Run {
    /// Writes `sorted`, candidates in the merge's order.
    pub fn write(sorted: &[Candidate]) -> std::io::Result<Run> {
        let mut out = BufWriter::new(tempfile::tempfile()?);
        for c in sorted {
            serde_json::to_writer(&mut out, &LineOf::from(c))?;
            out.write_all(b"\n")?;
        }
        let mut file = out.into_inner().map_err(|e| e.into_error())?;
        file.rewind()?;
        Ok(Run {
            file,
            renumber: None,
        })
    }

    /// The run read in another vocabulary, `ids` giving each term id of
    /// the one it was read in ([`veracity_text::words::Vocabulary::absorb`]).
    /// The runs of one share renumbered alike share `ids`: a copy each
    /// would hold the vocabulary once per run.
    pub fn renumbered(mut self, ids: &Arc<[u32]>) -> Run {
        let mapped = match self.renumber {
            Some(old) => old
                .iter()
                .map(|&t| ids.get(t as usize).copied().unwrap_or(t))
                .collect(),
            None => Arc::clone(ids),
        };
        self.renumber = Some(mapped);
        self
    }
}

/// One run read back, a candidate at a time.
struct Reading {
    lines: std::io::Lines<BufReader<std::fs::File>>,
    renumber: Option<Arc<[u32]>>,
    failed: Rc<Cell<bool>>,
}

impl Iterator for Reading {
    type Item = Candidate;

    fn next(&mut self) -> Option<Candidate> {
        let line = self.lines.next()?;
        // A run this process wrote and no one else can open: should the
        // disk fail it, the merge says its count is a lower bound.
        match line.map(|l| serde_json::from_str::<Line>(&l)) {
            Ok(Ok(line)) => Some(line.candidate(self.renumber.as_deref())),
            _ => {
                self.failed.set(true);
                None
            }
        }
    }
}

/// The head of a source in the merge.
struct Head {
    candidate: Candidate,
    source: usize,
}

impl Head {
    fn key(&self) -> Key<'_> {
        self.candidate.key()
    }
}

impl PartialEq for Head {
    fn eq(&self, other: &Head) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Head {}

impl PartialOrd for Head {
    fn partial_cmp(&self, other: &Head) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Head {
    /// Reversed, so the heap's greatest is the first in the merge's order;
    /// equal keys come out in the order of their sources.
    fn cmp(&self, other: &Head) -> Ordering {
        other
            .key()
            .order(&self.key())
            .then_with(|| other.source.cmp(&self.source))
    }
}

/// The candidates of several sorted sources, in the merge's order, those
/// of one key taken in as one ([`Candidate::absorb`]).
pub struct Merged {
    sources: Vec<Box<dyn Iterator<Item = Candidate>>>,
    heads: BinaryHeap<Head>,
    failed: Rc<Cell<bool>>,
}

impl Merged {
    /// `runs`, in the order they were written, and `sorted`, the
    /// candidates held since, merged: the places of one document that a
    /// run cut in two are taken in in the document's order.
    pub fn new(runs: Vec<Run>, sorted: Vec<Candidate>) -> Merged {
        let failed = Rc::new(Cell::new(false));
        let mut sources: Vec<Box<dyn Iterator<Item = Candidate>>> = Vec::new();
        for run in runs {
            sources.push(Box::new(Reading {
                lines: BufReader::new(run.file).lines(),
                renumber: run.renumber,
                failed: Rc::clone(&failed),
            }));
        }
        sources.push(Box::new(sorted.into_iter()));
        let mut merged = Merged {
            sources,
            heads: BinaryHeap::new(),
            failed,
        };
        for source in 0..merged.sources.len() {
            merged.refill(source);
        }
        merged
    }

    fn refill(&mut self, source: usize) {
        if let Some(candidate) = self.sources[source].next() {
            self.heads.push(Head { candidate, source });
        }
    }

    /// Whether a run could not be read to its end (its remaining
    /// candidates are missing).
    pub fn failed(&self) -> bool {
        self.failed.get()
    }
}

impl Iterator for Merged {
    type Item = Candidate;

    fn next(&mut self) -> Option<Candidate> {
        let Head {
            mut candidate,
            source,
        } = self.heads.pop()?;
        self.refill(source);
        while let Some(head) = self.heads.peek()
            && head.key().order(&candidate.key()).is_eq()
        {
            let Some(Head {
                candidate: same,
                source,
            }) = self.heads.pop()
            else {
                break;
            };
            self.refill(source);
            candidate.absorb(same);
        }
        Some(candidate)
    }
}
