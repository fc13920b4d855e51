//! A small seeded PRNG (SplitMix64): the fuzzer must regenerate input
//! number `i` of a run from `(seed, target, i)` alone, so a crash found by
//! the child process can be rebuilt and saved by the parent.

/// SplitMix64 (Steele, Lea and Flood): one add and a few mixes per word,
/// good enough statistics for choosing mutations.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// The generator of input `index` of `target` in the run seeded `seed`.
    pub fn for_input(seed: u64, target: &str, index: u64) -> Rng {
        // FNV-1a of the target name keeps targets' streams apart.
        let name = target.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        let mut rng = Rng(seed ^ name.rotate_left(17) ^ index.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        // Two warm-up rounds so that neighbouring indexes diverge at once.
        rng.next_u64();
        rng.next_u64();
        rng
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        // Lemire's multiply-shift; the bias is negligible for fuzzing.
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// True with probability `1 / n`.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    /// A number in `1..=max` whose logarithm is uniform: small sizes often,
    /// large ones sometimes.
    pub fn log_uniform(&mut self, max: usize) -> usize {
        let max = max.max(1);
        let bits = usize::BITS - max.leading_zeros();
        let cap = 1usize << self.below(bits as usize + 1).min(bits as usize);
        (1 + self.below(cap)).min(max)
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_input_index_gives_the_same_stream() {
        let a: Vec<u64> = {
            let mut r = Rng::for_input(7, "html", 42);
            (0..4).map(|_| r.next_u64()).collect()
        };
        let b: Vec<u64> = {
            let mut r = Rng::for_input(7, "html", 42);
            (0..4).map(|_| r.next_u64()).collect()
        };
        assert_eq!(a, b);
        let mut other = Rng::for_input(7, "json", 42);
        assert_ne!(a[0], other.next_u64());
        let mut next = Rng::for_input(7, "html", 43);
        assert_ne!(a[0], next.next_u64());
    }

    #[test]
    fn ranges_are_respected() {
        let mut r = Rng::for_input(1, "t", 0);
        for _ in 0..10_000 {
            assert!(r.below(5) < 5);
            let v = r.log_uniform(100_000);
            assert!((1..=100_000).contains(&v));
        }
        assert_eq!(r.below(0), 0);
        let big = (0..10_000).map(|_| r.log_uniform(100_000)).max();
        assert!(big > Some(50_000), "large values occur: {big:?}");
    }
}
