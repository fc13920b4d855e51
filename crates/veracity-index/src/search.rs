//! BM25 top-k over the index's posting lists, pruned (MaxScore): the same
//! hits, scores and order as an exhaustive search, without scoring the
//! passages that cannot enter the top.
//!
//! Passages are visited in windows of doc ids, one segment after the
//! other. Each query term has an upper bound on what it can add to a score
//! (`Bm25::max_term_score`). Once the top holds `m` passages, the terms
//! whose bounds together stay under the lowest score there cannot lift a
//! passage into it alone: only the postings of the other terms (the
//! rarer, shorter lists) propose passages, and the common terms' lists are
//! sought to those passages, and only while the passage can still make it.
//! Where a segment has block bounds (`crate::blocks`), the bound of a term
//! in a window is the highest of its blocks of 128 postings there, so it
//! tightens window by window, and a window where no passage can reach the
//! top is skipped without reading its postings.
//! Within a window the proposing lists are read one after the other into
//! a table (term at a time), then the passages they hold are scored in
//! order: a pass down each list costs less than asking every list for its
//! next passage at each passage.
//! A passage's score is the sum of its terms' contributions in term order,
//! as `veracity_verdict::Index` adds them, so scores are equal to the bit.

use crate::blocks::TermBlocks;
use crate::read::EvidenceIndex;
use std::cmp::Ordering;
use tantivy::postings::{Postings, SegmentPostings, TermInfo};
use tantivy::schema::{IndexRecordOption, Term};
use tantivy::{DocId, DocSet, TERMINATED};
use veracity_text::bits::{Ones, ones};
use veracity_text::bm25::{BM25, Bm25};
use veracity_text::hash::FxHashMap;
use veracity_text::words;

/// A query's distinct terms that occur in the index, in term order, each
/// with its idf and where its postings are in each segment.
pub(crate) struct Query {
    terms: Vec<QueryTerm>,
    /// The score of a passage of average length holding every term once
    /// (what relevance is a share of).
    pub(crate) ideal: f32,
}

struct QueryTerm {
    idf: f32,
    /// Per segment: the term's postings there, if any.
    infos: Vec<Option<TermInfo>>,
}

/// A passage ranked: its number, score and place in the collection
/// (document number, start), the order of ties.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ranked {
    pub(crate) passage: u32,
    pub(crate) score: f32,
    place: (u64, u64),
    /// Its text key, in a search capping copies of one text (else 0).
    key: u64,
}

impl Ranked {
    /// Better first: higher score, then earlier in the collection.
    fn rank(&self, other: &Ranked) -> Ordering {
        other
            .score
            .total_cmp(&self.score)
            .then_with(|| self.place.cmp(&other.place))
    }
}

/// The best `m` passages offered so far: a buffer that, when full, keeps
/// its best `m` (a selection, linear) and from then on turns away what
/// scores under the worst of those. A check's filter on copies of one text
/// can ask for the best tens of thousands; a binary heap that large spends
/// its time in cache misses, the buffer in sequential writes.
struct Best {
    m: usize,
    buffer: Vec<Ranked>,
    /// The lowest score among the best `m`, once `m` were offered.
    threshold: Option<f32>,
    /// The floor of passages pushed before the search (and whether it is
    /// inclusive): they hold every passage scoring above it.
    known: Option<(f32, bool)>,
    /// At most so many passages of one text among the best `m`.
    capped: Option<Capped>,
}

/// A cap on copies of one text (equal text keys) among the best: the best
/// `max` of each text count, the others are as if not there. What the cut
/// last kept of each text (how many, and the worst of them) turns away, as
/// they come, the copies that rank below `max` better ones.
struct Capped {
    max: usize,
    kept: FxHashMap<u64, (usize, Ranked)>,
}

/// Passages ranked by an earlier search, holding every passage that scores
/// above `floor` (or at it, when `inclusive`), best first.
#[derive(Clone, Copy)]
pub(crate) struct Known<'a> {
    pub(crate) ranked: &'a [Ranked],
    pub(crate) floor: f32,
    pub(crate) inclusive: bool,
}

impl Best {
    fn new(m: usize) -> Best {
        Best {
            m,
            buffer: Vec::with_capacity(m.saturating_mul(2).min(1 << 20)),
            threshold: None,
            known: None,
            capped: None,
        }
    }

    /// Whether a passage of this score was pushed before the search.
    fn is_known(&self, score: f32) -> bool {
        self.known
            .is_some_and(|(floor, inclusive)| score > floor || (inclusive && score == floor))
    }

    /// Whether a passage of this score can enter the best `m`.
    fn admits(&self, score: f32) -> bool {
        self.threshold.is_none_or(|t| score >= t)
    }

    fn push(&mut self, ranked: Ranked) {
        if let Some(c) = &self.capped
            && let Some(&(n, worst)) = c.kept.get(&ranked.key)
            && n >= c.max
            && ranked.rank(&worst) == Ordering::Greater
        {
            return;
        }
        self.buffer.push(ranked);
        let full = match self.threshold {
            None => self.buffer.len() >= self.m,
            Some(_) => self.buffer.len() >= self.m.saturating_mul(2).max(self.m.saturating_add(64)),
        };
        if full {
            self.keep_best();
        }
    }

    /// Keeps the best `m` and raises the threshold to the worst of them.
    fn keep_best(&mut self) {
        if let Some(c) = &mut self.capped {
            // Best first, at most `max` of a text, until `m` are kept.
            self.buffer.sort_unstable_by(Ranked::rank);
            c.kept.clear();
            let mut kept = 0;
            for i in 0..self.buffer.len() {
                let r = self.buffer[i];
                let (n, worst) = c.kept.entry(r.key).or_insert((0, r));
                if *n < c.max {
                    (*n, *worst) = (*n + 1, r);
                    self.buffer[kept] = r;
                    kept += 1;
                    if kept == self.m {
                        break;
                    }
                }
            }
            self.buffer.truncate(kept);
            if kept == self.m {
                self.threshold = Some(self.buffer[kept - 1].score);
            }
            return;
        }
        if self.buffer.len() > self.m {
            self.buffer.select_nth_unstable_by(self.m - 1, Ranked::rank);
            self.buffer.truncate(self.m);
        }
        if self.buffer.len() == self.m {
            self.threshold = self.buffer.iter().map(|r| r.score).min_by(f32::total_cmp);
        }
    }

    /// The best `m`, best first.
    fn into_sorted(mut self) -> Vec<Ranked> {
        if self.capped.is_some() {
            self.keep_best();
            return self.buffer;
        }
        self.buffer.sort_by(Ranked::rank);
        self.buffer.truncate(self.m);
        self.buffer
    }
}

/// A bound on a sum of f32 contributions, widened so that adding the same
/// contributions in another order cannot exceed it.
fn widen(bound: f32) -> f32 {
    bound * (1.0 + 1e-5) + 1e-6
}

impl Query {
    /// The terms of `text` as the analyzer makes them, looked up in every
    /// segment; idf from the alive postings.
    pub(crate) fn new(index: &EvidenceIndex, text: &str) -> Query {
        let mut qterms: Vec<String> = words::terms(text);
        qterms.sort_unstable();
        qterms.dedup();
        let readers = index.searcher.segment_readers();
        let mut terms = Vec::new();
        for t in &qterms {
            let term = Term::from_field_text(index.fields.terms, t);
            let mut df = 0u64;
            let infos: Vec<Option<TermInfo>> = index
                .segments
                .iter()
                .zip(readers)
                .map(|(segment, reader)| {
                    let info = segment.terms.get_term_info(&term).ok().flatten()?;
                    df += match reader.alive_bitset() {
                        None => u64::from(info.doc_freq),
                        Some(alive) => {
                            let postings = segment
                                .terms
                                .read_postings_from_terminfo(&info, IndexRecordOption::Basic)
                                .ok()?;
                            u64::from(postings.doc_freq_given_deletes(alive))
                        }
                    };
                    Some(info)
                })
                .collect();
            if df > 0 {
                let idf = Bm25::idf(index.passages as f32, df as f32);
                terms.push(QueryTerm { idf, infos });
            }
        }
        let ideal = terms.iter().map(|t| t.idf).sum();
        Query { terms, ideal }
    }

    /// The `m` best passages, best first (score, then collection order).
    pub(crate) fn top(&self, index: &EvidenceIndex, m: usize) -> Vec<Ranked> {
        self.top_beyond(index, m, None)
    }

    /// The `m` best passages, best first, given `known`: passages already
    /// ranked, which hold every passage scoring above (or at) a floor. They
    /// fill the top from the start and passages that score like them are
    /// not offered again, so the threshold rises as in a search for the
    /// `m - known` passages that follow them, not for all `m`.
    pub(crate) fn top_beyond(
        &self,
        index: &EvidenceIndex,
        m: usize,
        known: Option<Known<'_>>,
    ) -> Vec<Ranked> {
        if m == 0 || self.terms.is_empty() || index.passages == 0 {
            return Vec::new();
        }
        let mut best = Best::new(m);
        best.known = known.map(|k| (k.floor, k.inclusive));
        if let Some(known) = known {
            // The ranked passages tied with the floor of an exclusive one
            // are found again.
            for &r in known.ranked {
                if best.is_known(r.score) {
                    best.push(r);
                }
            }
        }
        self.rank(index, best)
    }

    /// The `m` best passages, best first, with at most `max` of one text
    /// (by text key): the best `max` of each text. One pass, where asking
    /// a filter in rank order ranks deeper and deeper while copies fill
    /// the top.
    pub(crate) fn top_capped(&self, index: &EvidenceIndex, m: usize, max: usize) -> Vec<Ranked> {
        if m == 0 || max == 0 || self.terms.is_empty() || index.passages == 0 {
            return Vec::new();
        }
        let mut best = Best::new(m);
        best.capped = Some(Capped {
            max,
            kept: FxHashMap::default(),
        });
        self.rank(index, best)
    }

    /// Every passage scoring at least `floor`, best first: a search whose
    /// threshold is the floor from the start.
    pub(crate) fn at_least(&self, index: &EvidenceIndex, floor: f32) -> Vec<Ranked> {
        if self.terms.is_empty() || index.passages == 0 {
            return Vec::new();
        }
        let best = Best {
            m: usize::MAX,
            buffer: Vec::new(),
            threshold: Some(floor),
            known: None,
            capped: None,
        };
        self.rank(index, best)
    }

    fn rank(&self, index: &EvidenceIndex, mut best: Best) -> Vec<Ranked> {
        let lengths = Lengths::new(&self.terms, index.avg_len());
        let mut table = Table::new(self.terms.len());
        for (ord, segment) in index.segments.iter().enumerate() {
            self.top_in_segment(index, ord, segment, &lengths, &mut table, &mut best);
        }
        best.into_sorted()
    }

    /// Offers the passages of one segment to the best so far.
    ///
    /// The segment is searched window by window, [`WINDOW`] passages at a
    /// time: within a window each term has one bound, the highest of its
    /// blocks there (or its whole list's, for a short list; 0 for a list
    /// with no posting in it). A window whose bounds together stay under
    /// the threshold is skipped whole; in the others, the terms by window
    /// bound ascending play the parts of MaxScore.
    #[allow(clippy::too_many_arguments)]
    fn top_in_segment(
        &self,
        index: &EvidenceIndex,
        ord: usize,
        segment: &crate::read::Segment,
        lengths: &Lengths,
        table: &mut Table,
        best: &mut Best,
    ) {
        let alive = index.searcher.segment_readers()[ord].alive_bitset();
        // `term` is the query term's place in term order.
        let mut cursors: Vec<Cursor> = self
            .terms
            .iter()
            .enumerate()
            .filter_map(|(term, t)| {
                let info = t.infos[ord].as_ref()?;
                let postings = segment
                    .terms
                    .read_postings_from_terminfo(info, IndexRecordOption::WithFreqs)
                    .ok()?;
                Some(Cursor {
                    postings,
                    term,
                    idf: t.idf,
                    bound: BM25.max_term_score(t.idf),
                    blocks: segment.blocks.as_ref().and_then(|b| b.term(info)),
                    block: 0,
                    block_bound: 0.0,
                    bound_of: (usize::MAX, 0),
                    window: 0.0,
                })
            })
            .collect();
        if cursors.is_empty() {
            return;
        }
        let n = cursors.len();
        // The cursors by window bound ascending, and below[i]: the most the
        // first i of them can add together.
        let mut order: Vec<usize> = (0..n).collect();
        let mut below = vec![0.0f32; n + 1];
        let mut contribution: Vec<Option<f32>> = vec![None; self.terms.len()];
        // Every passage before `start` has been offered or ruled out.
        let mut start: DocId = 0;
        loop {
            // Until the top is full nothing is pruned: short windows then,
            // so that its threshold applies soon.
            let length = match best.threshold {
                Some(_) => WINDOW,
                None => FILLING_WINDOW,
            };
            // Lists sought only to the passages others proposed lag behind
            // `start`; where no list ahead has a posting for a window, they
            // are sought on, so that empty stretches are not walked window
            // by window.
            let ahead = cursors
                .iter()
                .map(|c| c.postings.doc())
                .filter(|&d| d >= start)
                .min()
                .unwrap_or(TERMINATED);
            if ahead > start.saturating_add(length - 1) {
                for c in &mut cursors {
                    if c.postings.doc() < start {
                        c.postings.seek(start);
                    }
                }
            }
            let next = cursors
                .iter()
                .map(|c| c.postings.doc())
                .min()
                .unwrap_or(TERMINATED);
            start = start.max(next);
            if start >= TERMINATED {
                return;
            }
            let end = start.saturating_add(length - 1).min(TERMINATED - 1);
            for c in &mut cursors {
                // A cursor past the window has no posting in it (it stands
                // on its first posting at or after a target before `start`).
                c.window = if c.postings.doc() > end {
                    0.0
                } else {
                    c.bound_in(start, end, lengths.avg)
                };
            }
            order.sort_unstable_by(|&a, &b| {
                cursors[a]
                    .window
                    .total_cmp(&cursors[b].window)
                    .then(cursors[a].term.cmp(&cursors[b].term))
            });
            for i in 0..n {
                below[i + 1] = widen(below[i] + cursors[order[i]].window);
            }
            let window = Window {
                order: &order,
                below: &below,
                start,
                end,
            };
            self.window(
                &mut cursors,
                &window,
                segment,
                alive,
                lengths,
                &mut contribution,
                table,
                best,
            );
            if end >= TERMINATED - 1 {
                return;
            }
            start = end + 1;
        }
    }

    /// Offers the passages of one window of a segment.
    ///
    /// The terms that can lift a passage into the top (with the ones whose
    /// bounds are lower) propose passages: their postings in the window are
    /// gathered list by list into `table`, a sequential pass each, where
    /// visiting them passage by passage would ask every list for its next
    /// passage each time. The passages proposed are then taken in order,
    /// and the other terms' lists sought to each while it can still make
    /// the top, as the threshold rises.
    #[allow(clippy::too_many_arguments)]
    fn window(
        &self,
        cursors: &mut [Cursor],
        window: &Window,
        segment: &crate::read::Segment,
        alive: Option<&tantivy::fastfield::AliveBitSet>,
        lengths: &Lengths,
        contribution: &mut [Option<f32>],
        table: &mut Table,
        best: &mut Best,
    ) {
        let Window {
            order,
            below,
            start,
            end,
        } = *window;
        // The first cursor that can lift a passage to the lowest score in
        // a full top with the ones before it: those only score passages
        // the others propose.
        let first = match best.threshold {
            Some(t) => below
                .iter()
                .take_while(|&&b| b < t)
                .count()
                .saturating_sub(1),
            None => 0,
        };
        if first >= order.len() {
            // Nothing in the window can make the top.
            return;
        }
        let proposing = &order[first..];
        for (slot, &i) in proposing.iter().enumerate() {
            let postings = &mut cursors[i].postings;
            if postings.doc() < start {
                postings.seek(start);
            }
            while postings.doc() <= end {
                table.hold(slot, postings.doc() - start, postings.term_freq());
                postings.advance();
            }
        }
        let Table { freqs, slots, held } = table;
        for at in held.drain() {
            let d = start + at;
            let present = std::mem::take(&mut slots[at as usize]);
            if alive.is_some_and(|a| !a.is_alive(d)) {
                for slot in Slots::of(present, proposing.len()) {
                    freqs.take(slot, at);
                }
                continue;
            }
            let len = segment.len(d);
            let norm = lengths.norm(len);
            let mut partial = 0.0f32;
            // Only the slots holding the passage: most passages proposed
            // hold one or two of the query's terms.
            for slot in Slots::of(present, proposing.len()) {
                let tf = freqs.take(slot, at);
                if tf > 0 {
                    let c = &cursors[proposing[slot]];
                    let s = lengths.score(c.term, c.idf, tf, len, norm);
                    contribution[c.term] = Some(s);
                    partial += s;
                }
            }
            let threshold = best.threshold;
            let mut pruned = false;
            for j in (0..first).rev() {
                if threshold.is_some_and(|t| widen(partial) + below[j + 1] < t) {
                    pruned = true;
                    break;
                }
                let c = &mut cursors[order[j]];
                if c.postings.doc() < d {
                    c.postings.seek(d);
                }
                if c.postings.doc() == d {
                    let s = lengths.score(c.term, c.idf, c.postings.term_freq(), len, norm);
                    contribution[c.term] = Some(s);
                    partial += s;
                }
            }
            if !pruned {
                // Added in term order, as the in-memory index adds them.
                let mut score = 0.0f32;
                for s in contribution.iter().flatten() {
                    score += s;
                }
                if best.admits(score) && !best.is_known(score) {
                    // An index of this format keeps every passage's key.
                    let key = match best.capped {
                        Some(_) => segment.key.first(d).unwrap_or_default(),
                        None => 0,
                    };
                    best.push(Ranked {
                        passage: segment.base + d,
                        score,
                        place: segment.place(d),
                        key,
                    });
                }
            }
            contribution.fill(None);
        }
    }

    /// How `passages` score against the query (no term: an empty sum),
    /// in the order given.
    pub(crate) fn score(&self, index: &EvidenceIndex, passages: &[u32]) -> Vec<f32> {
        let avg = index.avg_len();
        // Passages by number, so each posting list is sought forward.
        let mut order: Vec<usize> = (0..passages.len()).collect();
        order.sort_by_key(|&i| passages[i]);
        let mut found: Vec<Vec<f32>> = vec![Vec::new(); passages.len()];
        for t in &self.terms {
            let mut open: Option<(usize, SegmentPostings)> = None;
            for &i in &order {
                let Some((ord, d)) = index.locate(passages[i]) else {
                    continue;
                };
                let segment = &index.segments[ord];
                if open.as_ref().is_none_or(|(o, _)| *o != ord) {
                    open = t.infos[ord].as_ref().and_then(|info| {
                        let p = segment
                            .terms
                            .read_postings_from_terminfo(info, IndexRecordOption::WithFreqs)
                            .ok()?;
                        Some((ord, p))
                    });
                }
                let Some((_, postings)) = open.as_mut().filter(|(o, _)| *o == ord) else {
                    continue;
                };
                if postings.doc() < d {
                    postings.seek(d);
                }
                if postings.doc() == d {
                    let norm = BM25.length_norm(segment.len(d) as f32, avg);
                    found[i].push(BM25.term_score(t.idf, postings.term_freq() as f32, norm));
                }
            }
        }
        // Summed as the in-memory index sums them.
        found.into_iter().map(|c| c.into_iter().sum()).collect()
    }
}

/// Passages at most this long have their length norm, and the score of a
/// term found once in them, worked out once per query.
const SHORT: usize = 256;

/// A query's BM25 arithmetic by passage length: most passages are short
/// sentences, so a table per query spares the divisions per passage and
/// term that the search would otherwise repeat millions of times. The
/// table holds what the formula gives, so scores stay equal to the bit.
pub(crate) struct Lengths {
    avg: f32,
    /// The length norm of a passage of each length below [`SHORT`].
    norms: Vec<f32>,
    /// Per query term (in term order) and length: its score found once.
    once: Vec<f32>,
}

impl Lengths {
    fn new(terms: &[QueryTerm], avg: f32) -> Lengths {
        let norms: Vec<f32> = (0..SHORT)
            .map(|len| BM25.length_norm(len as f32, avg))
            .collect();
        let once = terms
            .iter()
            .flat_map(|t| norms.iter().map(|&n| BM25.term_score(t.idf, 1.0, n)))
            .collect();
        Lengths { avg, norms, once }
    }

    /// The length norm of a passage `len` words long.
    fn norm(&self, len: u32) -> f32 {
        match self.norms.get(len as usize) {
            Some(&n) => n,
            None => BM25.length_norm(len as f32, self.avg),
        }
    }

    /// The score of query term `term` (of weight `idf`) found once in a
    /// passage `len` words long, of length norm `norm`.
    fn once(&self, term: usize, idf: f32, len: u32, norm: f32) -> f32 {
        match (len as usize) < SHORT {
            true => self.once[term * SHORT + len as usize],
            false => BM25.term_score(idf, 1.0, norm),
        }
    }

    /// The score of query term `term` (of weight `idf`) found `tf` times
    /// in a passage `len` words long, of length norm `norm`.
    fn score(&self, term: usize, idf: f32, tf: u32, len: u32, norm: f32) -> f32 {
        match tf {
            1 => self.once(term, idf, len, norm),
            tf => BM25.term_score(idf, tf as f32, norm),
        }
    }
}

/// Passages a window of the search spans at most (a multiple of 64).
const WINDOW: u32 = 4096;

/// Passages a window spans while the top is not full.
const FILLING_WINDOW: u32 = 128;

/// One window of a segment's search: passages `start..=end`, and the
/// cursors by window bound ascending with `below`, the sums of their
/// bounds.
#[derive(Clone, Copy)]
struct Window<'a> {
    order: &'a [usize],
    below: &'a [f32],
    start: DocId,
    end: DocId,
}

/// The postings a window's proposing terms hold, gathered list by list:
/// per term (a slot) and passage of the window, the term's frequency there
/// (0: absent); per passage, which slots hold it; and which passages any
/// of them holds.
struct Table {
    freqs: Freqs,
    slots: Vec<u64>,
    held: Marks,
}

impl Table {
    fn new(terms: usize) -> Table {
        Table {
            freqs: Freqs(vec![0; terms * WINDOW as usize]),
            slots: vec![0; WINDOW as usize],
            held: Marks(vec![0; WINDOW as usize / 64]),
        }
    }

    /// Notes that the term of `slot` is `tf` times in the passage `at`
    /// places into the window.
    fn hold(&mut self, slot: usize, at: u32, tf: u32) {
        self.freqs.0[slot * WINDOW as usize + at as usize] = tf;
        self.slots[at as usize] |= Slots::bit(slot);
        self.held.mark(at);
    }
}

/// The slots holding a passage, a bit each, the last bit standing for
/// that slot and every one after it (a query of more than 64 terms).
struct Slots {
    bits: Ones,
    /// The slots past the last bit's, still to give.
    beyond: std::ops::Range<usize>,
}

impl Slots {
    const LAST: usize = 63;

    fn bit(slot: usize) -> u64 {
        1 << slot.min(Slots::LAST)
    }

    /// The slots of `bits`, in order, among `n` slots.
    fn of(bits: u64, n: usize) -> Slots {
        let last = 1 << Slots::LAST;
        match bits & last {
            0 => Slots {
                bits: ones(bits),
                beyond: 0..0,
            },
            _ => Slots {
                bits: ones(bits & !last),
                beyond: Slots::LAST..n,
            },
        }
    }
}

impl Iterator for Slots {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        self.bits.next().or_else(|| self.beyond.next())
    }
}

/// Per slot and place of a window, a frequency (0 when none is held).
struct Freqs(Vec<u32>);

impl Freqs {
    /// The frequency held for `slot` at `at`, leaving 0 for the next window.
    fn take(&mut self, slot: usize, at: u32) -> u32 {
        std::mem::take(&mut self.0[slot * WINDOW as usize + at as usize])
    }
}

/// The places of a window some slot holds, one bit each.
struct Marks(Vec<u64>);

impl Marks {
    fn mark(&mut self, at: u32) {
        self.0[at as usize / 64] |= 1 << (at % 64);
    }

    /// The places marked, in order, each once, unmarked as they are given.
    fn drain(&mut self) -> impl Iterator<Item = u32> + '_ {
        self.0.iter_mut().enumerate().flat_map(|(word, bits)| {
            ones(std::mem::take(bits)).map(move |at| (word * 64 + at) as u32)
        })
    }
}

/// One query term's postings in one segment.
struct Cursor<'a> {
    postings: SegmentPostings,
    /// The term's place in term order.
    term: usize,
    idf: f32,
    /// The most it adds to a score.
    bound: f32,
    /// Its blocks' bounds, for a long list with them.
    blocks: Option<TermBlocks<'a>>,
    /// The first block that may hold the current window.
    block: usize,
    /// The highest bound of the blocks `bound_of` (first, last), worked
    /// out when the window reaches other blocks.
    block_bound: f32,
    bound_of: (usize, usize),
    /// The most it adds to a score in the current window.
    window: f32,
}

impl Cursor<'_> {
    /// The most it adds to a passage of the window `start..=end`: the
    /// highest bound of its blocks there, or its list's.
    fn bound_in(&mut self, start: DocId, end: DocId, avg: f32) -> f32 {
        let Some(b) = self.blocks else {
            return self.bound;
        };
        while self.block < b.len && b.last_doc(self.block) < start {
            self.block += 1;
        }
        if self.block == b.len {
            return 0.0;
        }
        let mut last = self.block;
        while last + 1 < b.len && b.last_doc(last) < end {
            last += 1;
        }
        if self.bound_of != (self.block, last) {
            self.block_bound = (self.block..=last)
                .map(|j| b.bound(j, self.idf, avg))
                .fold(0.0, f32::max);
            self.bound_of = (self.block, last);
        }
        self.block_bound
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passage_gives_its_slots_in_order_past_the_last_bit_too() {
        let bits = |slots: &[usize]| slots.iter().fold(0u64, |b, &s| b | Slots::bit(s));
        let given = |slots: &[usize], n: usize| Slots::of(bits(slots), n).collect::<Vec<_>>();
        assert_eq!(given(&[0, 5, 62], 63), [0, 5, 62]);
        assert_eq!(given(&[], 10), Vec::<usize>::new());
        // Slots 63 and after share the last bit: each of them is given,
        // for its table entry to be read (0 where the term is absent).
        assert_eq!(given(&[1, 64], 66), [1, 63, 64, 65]);
        assert_eq!(given(&[63], 64), [63]);
    }

    #[test]
    fn the_length_tables_give_what_the_formula_gives() {
        let terms: Vec<QueryTerm> = [0.3f32, 2.7, 9.1]
            .iter()
            .map(|&idf| QueryTerm {
                idf,
                infos: Vec::new(),
            })
            .collect();
        let avg = 17.3;
        let lengths = Lengths::new(&terms, avg);
        for len in [0u32, 1, 7, 18, 255, 256, 257, 4000] {
            let norm = BM25.length_norm(len as f32, avg);
            assert_eq!(lengths.norm(len).to_bits(), norm.to_bits(), "length {len}");
            for (term, t) in terms.iter().enumerate() {
                let once = BM25.term_score(t.idf, 1.0, norm);
                assert_eq!(
                    lengths.once(term, t.idf, len, norm).to_bits(),
                    once.to_bits(),
                    "term {term}, length {len}"
                );
            }
        }
    }
}
