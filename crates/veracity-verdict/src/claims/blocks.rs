//! Which claims a candidate could merge into, without comparing it with
//! every claim: an inverted index over the claims' terms with prefix
//! filtering (Chaudhuri et al., 2006; Bayardo et al., 2007).
//!
//! Merging first asks whether the two term sets overlap in at least half
//! the smaller one ([`PREFILTER_CONTAINMENT`](super::PREFILTER_CONTAINMENT)):
//! with `o` shared terms and sizes `g` (claim) and `c` (candidate), `2o >=
//! min(g, c)`. Ordering each set rarest term first, two prefixes find every
//! such pair:
//!
//! - `g >= c`: o >= ceil(c/2), so the first floor(c/2) + 1 terms of the
//!   candidate cannot all be missing from the claim; the candidate looks
//!   them up among every term of the claims.
//! - `g < c`: o >= ceil(g/2), so one of the claim's first floor(g/2) + 1
//!   terms is in the candidate; claims are filed under those terms too,
//!   and the candidate looks up all of its own.
//!
//! No pair that passes the test is missed, so merging gives exactly what
//! comparing every pair gave; rare terms first keep the lists looked up
//! short.

use std::ops::Range;
use veracity_text::words::IdStatement;

/// The claims so far, filed by term.
pub struct Blocks {
    /// Each term id's place in the order rarest first.
    rank: Vec<u32>,
    /// Term → the claims holding it.
    all: Vec<Vec<u32>>,
    /// Term → the claims holding it among their rarest floor(g/2) + 1.
    prefix: Vec<Vec<u32>>,
    /// Each claim's number of terms.
    sizes: Vec<u32>,
    /// Scratch for filing a claim: its terms rarest first.
    order: Vec<u32>,
}

/// Scratch for one walk of the blocks ([`Blocks::first_plausible`]): one
/// per thread, so that threads can walk the same blocks at once.
pub struct Walk {
    /// A statement's terms rarest first.
    order: Vec<u32>,
    /// Where each list walked is.
    at: Vec<usize>,
    /// The claims of the window walked, one bit each.
    window: [u64; WINDOW / 64],
}

impl Default for Walk {
    fn default() -> Walk {
        Walk {
            order: Vec::new(),
            at: Vec::new(),
            window: [0; WINDOW / 64],
        }
    }
}

/// Claims numbers the walk takes at a time: each list is read up to the
/// window's end, the claims found marked, then tested in order.
const WINDOW: usize = 2048;

/// Adds to `count` (by term id) the statements holding each term; ids
/// past its end are left out.
pub fn count_terms<'s>(count: &mut [u32], statements: impl Iterator<Item = &'s IdStatement>) {
    for s in statements {
        for &t in s.terms() {
            if let Some(n) = count.get_mut(t as usize) {
                *n = n.saturating_add(1);
            }
        }
    }
}

/// The claims of `list` (in claim order) numbered in `claims`.
fn within<'l>(list: &'l [u32], claims: &Range<u32>) -> &'l [u32] {
    let start = list.partition_point(|&g| g < claims.start);
    let end = list.partition_point(|&g| g < claims.end);
    &list[start..end.max(start)]
}

/// The length of the prefix of a set of `n` terms that must hold one of
/// `ceil(n/2)` shared terms.
fn half_prefix(n: usize) -> usize {
    (n / 2 + 1).min(n)
}

impl Blocks {
    /// Empty blocks for statements whose term ids are ranked by `count`
    /// (how many statements hold each; any count finds the same claims,
    /// a true one finds them fastest).
    pub fn ranked(count: &[u32]) -> Blocks {
        let vocabulary = count.len();
        let mut by_rarity: Vec<u32> = (0..vocabulary as u32).collect();
        by_rarity.sort_unstable_by_key(|&t| (count[t as usize], t));
        let mut rank = vec![0u32; vocabulary];
        for (r, &t) in by_rarity.iter().enumerate() {
            rank[t as usize] = r as u32;
        }
        Blocks {
            rank,
            all: vec![Vec::new(); vocabulary],
            prefix: vec![Vec::new(); vocabulary],
            sizes: Vec::new(),
            order: Vec::new(),
        }
    }

    /// Puts `s`'s terms, rarest first, in `order`; terms outside the
    /// vocabulary are left out (they can match nothing).
    fn rarest_first(&self, s: &IdStatement, order: &mut Vec<u32>) {
        order.clear();
        order.extend(
            s.terms()
                .iter()
                .copied()
                .filter(|&t| (t as usize) < self.rank.len()),
        );
        order.sort_unstable_by_key(|&t| self.rank[t as usize]);
    }

    /// The claims numbered in `claims` that `s` may overlap in half the
    /// smaller term set, ascending (a superset of those that do): the
    /// definition [`Blocks::first_plausible`] is tested against.
    #[cfg(test)]
    pub fn plausible(&self, s: &IdStatement, claims: Range<u32>) -> Vec<u32> {
        let mut order = Vec::new();
        self.rarest_first(s, &mut order);
        let mut found = Vec::new();
        let c = order.len();
        let sizes = &self.sizes;
        for &t in &order[..half_prefix(c)] {
            found.extend(
                within(&self.all[t as usize], &claims)
                    .iter()
                    .filter(|&&g| sizes[g as usize] as usize >= c),
            );
        }
        for &t in &order {
            found.extend(
                within(&self.prefix[t as usize], &claims)
                    .iter()
                    .filter(|&&g| (sizes[g as usize] as usize) < c),
            );
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The first claim, in claim order, numbered in `claims` that `s` may
    /// overlap in half the smaller term set and that passes `test`.
    /// The claims' lists are read in step, a window of claim numbers at a
    /// time, so the walk stops soon after the first claim passing, and
    /// none is sorted: a crawl's templated sentences share terms with
    /// thousands of claims.
    pub fn first_plausible(
        &self,
        walk: &mut Walk,
        s: &IdStatement,
        claims: Range<u32>,
        mut test: impl FnMut(u32) -> bool,
    ) -> Option<u32> {
        let Walk { order, at, window } = walk;
        self.rarest_first(s, order);
        let c = order.len();
        // Each list with whether its claims count when at least as large
        // as `s` (all their terms) or when smaller (their prefixes).
        let lists: Vec<(&[u32], bool)> = order[..half_prefix(c)]
            .iter()
            .map(|&t| (within(&self.all[t as usize], &claims), true))
            .chain(
                order
                    .iter()
                    .map(|&t| (within(&self.prefix[t as usize], &claims), false)),
            )
            .collect();
        at.clear();
        at.resize(lists.len(), 0);
        loop {
            // The window starts at the first claim not yet read.
            let start = lists
                .iter()
                .zip(at.iter())
                .filter_map(|((list, _), &i)| list.get(i).copied())
                .min()?;
            let end = start.saturating_add(WINDOW as u32);
            window.fill(0);
            for ((list, larger), i) in lists.iter().zip(at.iter_mut()) {
                while let Some(&g) = list.get(*i).filter(|&&g| g < end) {
                    if (self.sizes[g as usize] as usize >= c) == *larger {
                        let bit = (g - start) as usize;
                        window[bit / 64] |= 1 << (bit % 64);
                    }
                    *i += 1;
                }
            }
            for (w, &word) in window.iter().enumerate() {
                for bit in veracity_text::bits::ones(word) {
                    let g = start + (w * 64 + bit) as u32;
                    if test(g) {
                        return Some(g);
                    }
                }
            }
        }
    }

    /// Files claim number `claim` (the next one), whose statement is `s`.
    pub fn add(&mut self, claim: u32, s: &IdStatement) {
        debug_assert_eq!(claim as usize, self.sizes.len());
        let mut order = std::mem::take(&mut self.order);
        self.rarest_first(s, &mut order);
        self.sizes.push(order.len() as u32);
        for &t in &order {
            self.all[t as usize].push(claim);
        }
        for &t in &order[..half_prefix(order.len())] {
            self.prefix[t as usize].push(claim);
        }
        self.order = order;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use veracity_text::words::{Vocabulary, terms};

    /// The statements of `texts` and empty blocks ranking their terms.
    fn analysed(texts: &[String]) -> (Vec<IdStatement>, Blocks) {
        let mut vocab = Vocabulary::new();
        let statements: Vec<IdStatement> =
            texts.iter().map(|t| vocab.statement(&terms(t))).collect();
        let mut count = vec![0; vocab.len()];
        count_terms(&mut count, statements.iter());
        let blocks = Blocks::ranked(&count);
        (statements, blocks)
    }

    /// Every pair with containment of at least one half is found, for
    /// sets of every size against each other.
    #[test]
    fn no_overlapping_pair_is_missed() {
        let texts: Vec<String> = (0..60)
            .map(|i| {
                let n = 1 + i % 9;
                (0..n)
                    .map(|k| format!("w{}", (i * 7 + k * 3) % 13))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let (statements, mut blocks) = analysed(&texts);
        let mut walk = Walk::default();
        for (i, s) in statements.iter().enumerate() {
            let found = blocks.plausible(s, 0..u32::MAX);
            // The walk in step finds the first of the claims `plausible`
            // lists that passes a test, for any range of claims.
            let n = i as u32;
            for claims in [0..u32::MAX, 0..n / 2, 0..3, n / 3..u32::MAX, 2..n / 2 + 3] {
                let within: Vec<u32> = found
                    .iter()
                    .copied()
                    .filter(|g| claims.contains(g))
                    .collect();
                assert_eq!(blocks.plausible(s, claims.clone()), within);
                for modulo in [1, 2, 3, 5, 7] {
                    let test = |g: u32| g % modulo == n % modulo;
                    assert_eq!(
                        blocks.first_plausible(&mut walk, s, claims.clone(), test),
                        within.iter().copied().find(|&g| test(g)),
                        "{}: claims {claims:?}, modulo {modulo}",
                        texts[i]
                    );
                }
                let mut tested = Vec::new();
                blocks.first_plausible(&mut walk, s, claims.clone(), |g| {
                    tested.push(g);
                    false
                });
                assert_eq!(
                    tested, within,
                    "{}: every claim tested once, in order",
                    texts[i]
                );
            }
            for (g, earlier) in statements[..i].iter().enumerate() {
                if earlier.containment(s) >= 0.5 {
                    assert!(
                        found.contains(&(g as u32)),
                        "{} / {}: {found:?}",
                        texts[g],
                        texts[i]
                    );
                }
            }
            blocks.add(i as u32, s);
        }
    }

    /// Claims numbered across several windows of the walk: it tests each
    /// one the lists hold, in order, once, and stops at the first that
    /// passes, wherever that is in its window.
    #[test]
    fn the_walk_goes_window_by_window_in_claim_order() {
        let texts: Vec<String> = (0..3 * WINDOW + 100)
            .map(|i| format!("common w{} v{} u{}", i % 5, i % 11, i % 3))
            .collect();
        let (statements, mut blocks) = analysed(&texts);
        for (i, s) in statements.iter().enumerate() {
            blocks.add(i as u32, s);
        }
        let mut walk = Walk::default();
        for s in statements.iter().step_by(97).take(12) {
            let found = blocks.plausible(s, 0..u32::MAX);
            assert!(found.len() > WINDOW, "{}", found.len());
            let mut tested = Vec::new();
            blocks.first_plausible(&mut walk, s, 0..u32::MAX, |g| {
                tested.push(g);
                false
            });
            assert_eq!(tested, found);
            let w = WINDOW as u32;
            for target in [w - 1, w, w + 1, 2 * w + 7, found[found.len() - 1]] {
                let first = found.iter().copied().find(|&g| g >= target);
                assert_eq!(
                    blocks.first_plausible(&mut walk, s, 0..u32::MAX, |g| g >= target),
                    first
                );
                assert_eq!(
                    blocks.first_plausible(&mut walk, s, target..u32::MAX, |_| true),
                    first
                );
            }
        }
    }
}
