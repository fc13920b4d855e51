//! Work over a collection on every core: consecutive runs of documents,
//! one thread each, results joined in collection order so that nothing
//! depends on the number of threads.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};
use veracity_model::Document;

/// One thread per started run of this many documents (up to the number of
/// cores): for fewer, starting a thread would cost more than it saves.
const DOCS_PER_THREAD: usize = 2000;

/// How many runs `len` documents are worked in: one per started
/// [`DOCS_PER_THREAD`], up to one per core.
pub fn parts(len: usize) -> usize {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    threads.min(len.div_ceil(DOCS_PER_THREAD)).max(1)
}

/// `f(run, first)` for consecutive runs of `docs` covering all of them
/// (`first` is the index of the run's first document), on up to one thread
/// per core; the results in collection order.
pub fn map_runs<'a, T: Send>(
    docs: &'a [Document],
    f: impl Fn(&'a [Document], usize) -> T + Sync,
) -> Vec<T> {
    let parts = parts(docs.len());
    let chunk = docs.len().div_ceil(parts).max(1);
    map_parts(parts, |n| {
        let first = (n * chunk).min(docs.len());
        f(&docs[first..((n + 1) * chunk).min(docs.len())], first)
    })
}

/// `f` on each of `items`, on up to `workers` threads (none started for
/// one), each thread taking the next item not yet taken: where one item
/// can cost ten times another (an input file, a claim), threads given
/// equal runs of items would wait on the slowest run. The results in item
/// order.
pub fn map_taking_turns<T: Send, R: Send>(
    items: &mut [T],
    workers: usize,
    f: impl Fn(&mut T) -> R + Sync,
) -> Vec<R> {
    let workers = workers.clamp(1, items.len().max(1));
    if workers == 1 {
        return items.iter_mut().map(f).collect();
    }
    // Each slot is taken by one thread: its lock is never waited on.
    let slots: Vec<Mutex<(&mut T, Option<R>)>> = items
        .iter_mut()
        .map(|item| Mutex::new((item, None)))
        .collect();
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while let Some(slot) = slots.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let mut slot = slot.lock().unwrap_or_else(PoisonError::into_inner);
                    slot.1 = Some(f(&mut *slot.0));
                }
            });
        }
    });
    // Every slot is filled: a thread that panicked panics the scope.
    slots
        .into_iter()
        .filter_map(|slot| slot.into_inner().unwrap_or_else(PoisonError::into_inner).1)
        .collect()
}

/// `f(part)` for each of `parts` parts, one thread each (none started for
/// one part); the results in part order.
pub fn map_parts<T: Send>(parts: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    if parts <= 1 {
        return vec![f(0)];
    }
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..parts).map(|n| scope.spawn(move || f(n))).collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whatever the number of workers, each item is worked once and the
    /// results come back in item order, items of very different costs
    /// included.
    #[test]
    fn items_taken_in_turns_come_back_in_order() {
        // Every fifth item costs far more than the others.
        let work = |i: usize| {
            let spin = if i.is_multiple_of(5) { 20_000 } else { 10 };
            (0..spin).fold(i, |a, b| a.wrapping_add(b % 3)) % 7 + i * 10
        };
        for workers in [0, 1, 2, 3, 8] {
            for len in [0, 1, 2, 7, 40] {
                let mut items: Vec<(usize, u32)> = (0..len).map(|i| (i, 0)).collect();
                let results = map_taking_turns(&mut items, workers, |item| {
                    item.1 += 1;
                    work(item.0)
                });
                let expected: Vec<usize> = (0..len).map(work).collect();
                assert_eq!(results, expected, "{workers} workers, {len} items");
                assert!(
                    items.iter().all(|&(_, n)| n == 1),
                    "{workers} workers, {len} items"
                );
            }
        }
    }
}
