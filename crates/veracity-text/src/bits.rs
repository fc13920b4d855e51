//! The set bits of a 64-bit word, lowest first: the bit sets the hot loops
//! keep (terms matched per sentence, claims of a window, passages of a
//! search window, documents cited).

/// The places of the bits set in `word`, lowest first.
pub fn ones(word: u64) -> Ones {
    Ones(word)
}

/// An iterator over the set bits of a word ([`ones`]).
#[derive(Debug, Clone, Copy)]
pub struct Ones(u64);

impl Iterator for Ones {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.0 == 0 {
            return None;
        }
        let at = self.0.trailing_zeros() as usize;
        self.0 &= self.0 - 1;
        Some(at)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.0.count_ones() as usize;
        (n, Some(n))
    }
}

impl ExactSizeIterator for Ones {}

#[cfg(test)]
mod tests {
    use super::ones;

    #[test]
    fn gives_each_set_bit_once_lowest_first() {
        assert_eq!(ones(0).collect::<Vec<_>>(), Vec::<usize>::new());
        assert_eq!(ones(0b1011).collect::<Vec<_>>(), vec![0, 1, 3]);
        assert_eq!(ones(1 << 63 | 1 << 5).collect::<Vec<_>>(), vec![5, 63]);
        assert_eq!(ones(u64::MAX).len(), 64);
    }
}
