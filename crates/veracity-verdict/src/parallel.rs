//! Work over a collection on every core: consecutive runs of documents,
//! one thread each, results joined in collection order so that nothing
//! depends on the number of threads.

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
