//! Okapi BM25 (Robertson and Zaragoza, 2009), the one ranking function of
//! retrieval and of the stance model's overlap feature.

/// BM25's two parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bm25 {
    /// Term-frequency saturation.
    pub k1: f32,
    /// Length normalisation.
    pub b: f32,
}

/// The usual parameters (k1 = 1.2, b = 0.75), used everywhere here.
pub const BM25: Bm25 = Bm25 { k1: 1.2, b: 0.75 };

impl Bm25 {
    /// The idf of a term found in `df` of `n` passages, in Lucene's form,
    /// which stays positive for terms in more than half the passages.
    pub fn idf(n: f32, df: f32) -> f32 {
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// The length normaliser of a passage of `len` terms where the average
    /// is `avg_len`: computed once per passage, shared by its terms.
    pub fn length_norm(&self, len: f32, avg_len: f32) -> f32 {
        self.k1 * (1.0 - self.b + self.b * len / avg_len)
    }

    /// The score of one term of weight `idf` found `tf` times in a passage
    /// whose [`Bm25::length_norm`] is `length_norm`.
    pub fn term_score(&self, idf: f32, tf: f32, length_norm: f32) -> f32 {
        idf * tf * (self.k1 + 1.0) / (tf + length_norm)
    }

    /// The most one term of weight `idf` can add, however often it occurs.
    pub fn max_term_score(&self, idf: f32) -> f32 {
        idf * (self.k1 + 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saturates_and_normalises_length() {
        let idf = Bm25::idf(100.0, 3.0);
        let short = BM25.length_norm(5.0, 10.0);
        let long = BM25.length_norm(20.0, 10.0);
        assert!(BM25.term_score(idf, 1.0, short) > BM25.term_score(idf, 1.0, long));
        assert!(BM25.term_score(idf, 50.0, short) < BM25.max_term_score(idf));
        assert!(Bm25::idf(100.0, 99.0) > 0.0);
    }
}
