//! Words and terms for retrieval, claim merging and the cues: lowercase
//! words of a text, and their terms (stop words dropped, number words as
//! digits, irregular forms to their base, then the Porter stem), plus the set
//! similarities built on them.

use crate::hash::{FxHashMap, FxHashSet};
use crate::lexicon::{RETRIEVAL_STOP_WORDS, irregular, number_word};
use crate::stem::stem;

/// True for a stop word of retrieval ([`RETRIEVAL_STOP_WORDS`]).
pub fn is_stop_word(word: &str) -> bool {
    RETRIEVAL_STOP_WORDS.contains(word)
}

/// Calls `f` with every word of `text`, lowercased: runs of letters and
/// digits (a decimal point or thousands comma between digits is kept out),
/// acronyms with dots joined ("U.S." → "u.s."), `%` as the word `percent`.
/// `buf` is reused so tokenising allocates nothing per word.
pub fn for_each_word(text: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut i = 0;
    while i < len {
        let c = bytes[i];
        if c == b'%' {
            f("percent");
            i += 1;
            continue;
        }
        if c.is_ascii() && !c.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        buf.clear();
        // Acronyms with dots: "U.S.", "U.N.", "U.S.A.".
        if c.is_ascii_uppercase()
            && i + 2 < len
            && bytes[i + 1] == b'.'
            && bytes[i + 2].is_ascii_uppercase()
        {
            let mut j = i;
            while j + 1 < len
                && bytes[j].is_ascii_uppercase()
                && bytes[j + 1] == b'.'
                && (j + 2 >= len || !bytes[j + 2].is_ascii_lowercase())
            {
                buf.push(bytes[j].to_ascii_lowercase() as char);
                buf.push('.');
                j += 2;
            }
            if j < len
                && bytes[j].is_ascii_uppercase()
                && (j + 1 >= len || !bytes[j + 1].is_ascii_alphanumeric())
            {
                buf.push(bytes[j].to_ascii_lowercase() as char);
                buf.push('.');
                j += 1;
            }
            if buf.len() >= 4 {
                f(buf);
                i = j;
                continue;
            }
            buf.clear();
        }
        while i < len {
            let c = bytes[i];
            if c.is_ascii_alphanumeric() {
                buf.push(c.to_ascii_lowercase() as char);
                i += 1;
                // Decimal points and thousands commas inside numbers: "1.2", "1,500".
                if c.is_ascii_digit()
                    && i + 1 < len
                    && (bytes[i] == b'.' || bytes[i] == b',')
                    && bytes[i + 1].is_ascii_digit()
                    && buf.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                {
                    if bytes[i] == b'.' {
                        buf.push('.');
                    }
                    i += 1;
                }
            } else if !c.is_ascii() {
                let ch = text[i..].chars().next().unwrap_or(' ');
                if !ch.is_alphanumeric() {
                    if buf.is_empty() {
                        i += ch.len_utf8();
                    }
                    break;
                }
                buf.extend(ch.to_lowercase());
                i += ch.len_utf8();
            } else {
                break;
            }
        }
        if !buf.is_empty() {
            f(buf);
        }
    }
}

/// The normalised term of a lowercase word: stop words give `None`, number
/// words give digits, other words their Porter stem.
///
/// Each thread remembers the terms of the words it last met (a text's
/// vocabulary is small beside its length, and stemming is most of the
/// analyser's cost: a tenth of building an index); the memory is bounded
/// (emptied when full) and a word remembered gives what computing it gives.
pub fn term(word: &str) -> Option<String> {
    with_term(word, |t| t.map(str::to_owned))
}

/// What `f` makes of [`term`]`(word)`, without a string of its own: a
/// build of an index analyses every word of the collection.
pub fn with_term<R>(word: &str, mut f: impl FnMut(Option<&str>) -> R) -> R {
    /// Words remembered per thread before the memory is emptied.
    const REMEMBERED: usize = 1 << 16;
    /// Longer words are computed each time (rare, and not worth keeping).
    const LONGEST: usize = 24;
    thread_local! {
        static TERMS: std::cell::RefCell<FxHashMap<Box<str>, Option<Box<str>>>> =
            std::cell::RefCell::new(FxHashMap::default());
    }
    if word.len() > LONGEST {
        return f(compute_term(word).as_deref());
    }
    let remembered = TERMS.try_with(|terms| {
        let mut terms = terms.borrow_mut();
        if let Some(t) = terms.get(word) {
            return f(t.as_deref());
        }
        let t = compute_term(word);
        let made = f(t.as_deref());
        if terms.len() >= REMEMBERED {
            terms.clear();
        }
        terms.insert(word.into(), t.map(String::into_boxed_str));
        made
    });
    match remembered {
        Ok(made) => made,
        // The thread's memory is gone (the thread is ending).
        Err(_) => f(compute_term(word).as_deref()),
    }
}

/// [`term`], computed.
fn compute_term(word: &str) -> Option<String> {
    if is_stop_word(word) {
        return None;
    }
    if let Some(n) = number_word(word) {
        return Some(n.trim_end_matches('%').to_owned());
    }
    if let Some(base) = irregular(word) {
        return Some(stem(base));
    }
    if word.contains('.') {
        return Some(word.to_owned());
    }
    Some(stem(word))
}

/// The terms of a text in order (stop words dropped, stemmed).
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut buf = String::new();
    for_each_word(text, &mut buf, |w| {
        if let Some(t) = term(w) {
            out.push(t);
        }
    });
    out
}

/// The number of terms of `text`, as `terms(text).len()` but without
/// stemming (a term is any word that is not a stop word).
pub fn term_count(text: &str) -> usize {
    let mut n = 0;
    let mut buf = String::new();
    for_each_word(text, &mut buf, |w| n += usize::from(!is_stop_word(w)));
    n
}

/// The lowercase words of a text in order (nothing dropped).
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut buf = String::new();
    for_each_word(text, &mut buf, |w| out.push(w.to_owned()));
    out
}

/// The set of terms of a text.
pub fn term_set(text: &str) -> FxHashSet<String> {
    terms(text).into_iter().collect()
}

/// Containment of the smaller set in the larger: |A ∩ B| / min(|A|, |B|).
pub fn containment(a: &FxHashSet<String>, b: &FxHashSet<String>) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.is_empty() {
        return 0.0;
    }
    small.iter().filter(|t| large.contains(*t)).count() as f64 / small.len() as f64
}

/// How much of `a` is in `b`: |A ∩ B| / |A|.
pub fn coverage(a: &FxHashSet<String>, b: &FxHashSet<String>) -> f64 {
    if a.is_empty() {
        return 0.0;
    }
    a.iter().filter(|t| b.contains(*t)).count() as f64 / a.len() as f64
}

/// Jaccard similarity |A ∩ B| / |A ∪ B|.
pub fn jaccard(a: &FxHashSet<String>, b: &FxHashSet<String>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let inter = a.iter().filter(|t| b.contains(*t)).count();
    inter as f64 / (a.len() + b.len() - inter) as f64
}

/// Bigrams of a sequence of terms; the terms themselves when fewer than two.
fn bigrams(terms: &[String]) -> FxHashSet<String> {
    if terms.len() < 2 {
        return terms.iter().cloned().collect();
    }
    terms
        .windows(2)
        .map(|w| format!("{} {}", w[0], w[1]))
        .collect()
}

/// Similarity of two statements for merging near-duplicates: the larger of
/// the term containment and the shingle containment, damped when the shorter
/// text is very short (a few shared words prove little).
pub fn statement_similarity(a: &str, b: &str) -> f64 {
    Statement::new(a).similarity(&Statement::new(b))
}

/// A statement analysed once for [`statement_similarity`]: its terms and
/// term bigrams, to compare against many others without re-analysing it.
#[derive(Debug, Clone)]
pub struct Statement {
    terms: FxHashSet<String>,
    shingles: FxHashSet<String>,
}

impl Statement {
    /// Analyses `text`.
    pub fn new(text: &str) -> Statement {
        let terms = terms(text);
        Statement {
            shingles: bigrams(&terms),
            terms: terms.into_iter().collect(),
        }
    }

    /// The statement's terms.
    pub fn terms(&self) -> &FxHashSet<String> {
        &self.terms
    }

    /// [`statement_similarity`] of the two statements.
    pub fn similarity(&self, other: &Statement) -> f64 {
        let (ta, tb) = (&self.terms, &other.terms);
        if ta.is_empty() || tb.is_empty() {
            return 0.0;
        }
        let unigram = containment(ta, tb);
        let bigram = containment(&self.shingles, &other.shingles);
        combine(unigram, bigram, ta.len(), tb.len())
    }
}

/// The similarity of two statements of `a` and `b` distinct terms (both
/// non-zero) from their term and shingle containments.
fn combine(unigram: f64, bigram: f64, a: usize, b: usize) -> f64 {
    let small = a.min(b);
    // Containment of a short text in a long one is weak evidence of
    // identity: require the shorter side to cover a fair share of the
    // longer one.
    let ratio = small as f64 / a.max(b) as f64;
    let damp = if small < 4 { small as f64 / 4.0 } else { 1.0 };
    let base = (0.6 * unigram + 0.4 * bigram) * damp;
    base * (0.75 + 0.25 * ratio.min(1.0).sqrt())
}

/// Term ids for [`IdStatement`]s: each distinct term gets the next number.
/// Statements compared with each other must come from one vocabulary.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: FxHashMap<String, u32>,
}

/// The shingle of a statement of one term: no bigram (whose second id is a
/// real term) equals it.
const NO_TERM: u32 = u32::MAX;

impl Vocabulary {
    /// An empty vocabulary.
    pub fn new() -> Vocabulary {
        Vocabulary::default()
    }

    /// The number of distinct terms seen.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True before the first term.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The id of `term`, numbering it if it is new.
    pub fn id(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        // Past u32::MAX - 1 distinct terms ids would collide with NO_TERM;
        // no collection of text has that many.
        let id = u32::try_from(self.ids.len())
            .unwrap_or(NO_TERM - 1)
            .min(NO_TERM - 1);
        self.ids.insert(term.to_owned(), id);
        id
    }

    /// The terms, by id.
    pub fn terms(&self) -> Vec<&str> {
        let mut out = vec![""; self.ids.len()];
        for (t, &id) in &self.ids {
            out[id as usize] = t;
        }
        out
    }

    /// The ids in this vocabulary of the terms of `other`, by their id
    /// there (numbering the new ones), for [`IdStatement::renumbered`]:
    /// statements built apart, on several threads, join one vocabulary.
    pub fn absorb(&mut self, other: &Vocabulary) -> Vec<u32> {
        other.terms().into_iter().map(|t| self.id(t)).collect()
    }

    /// The statement of a text whose terms ([`terms`]) are `terms`.
    pub fn statement(&mut self, terms: &[String]) -> IdStatement {
        let ids: Vec<u32> = terms.iter().map(|t| self.id(t)).collect();
        // Terms hold no spaces, so a pair of ids stands for the bigram
        // string "a b" of [`Statement`] one to one.
        let mut shingles: Vec<u64> = if ids.len() < 2 {
            ids.iter()
                .map(|&t| u64::from(t) << 32 | u64::from(NO_TERM))
                .collect()
        } else {
            ids.windows(2)
                .map(|w| u64::from(w[0]) << 32 | u64::from(w[1]))
                .collect()
        };
        shingles.sort_unstable();
        shingles.dedup();
        let mut ids = ids;
        ids.sort_unstable();
        ids.dedup();
        IdStatement {
            terms: ids.into_boxed_slice(),
            shingles: shingles.into_boxed_slice(),
        }
    }
}

/// A [`Statement`] as sorted term ids of one [`Vocabulary`]: the same
/// similarity, exactly, from a few bytes per term and without hashing, for
/// comparing millions of candidate claims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdStatement {
    terms: Box<[u32]>,
    shingles: Box<[u64]>,
}

/// The number of values two sorted, duplicate-free slices share. Each
/// step moves past the smaller head (or both) without a branch: the
/// claim merge compares short term lists millions of times, and which
/// side moves is a coin toss a branch predictor loses.
fn shared<T: Ord + Copy>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n
}

/// Whether two sorted, duplicate-free slices share at least `need`
/// values: [`shared`] that stops as soon as the answer is known, met or
/// out of reach. Most pairs a merge tests fail, and are ruled out before
/// the end of their lists.
fn shares_at_least<T: Ord + Copy>(a: &[T], b: &[T], need: usize) -> bool {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if n >= need {
            return true;
        }
        if n + (a.len() - i).min(b.len() - j) < need {
            return false;
        }
        let (x, y) = (a[i], b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n >= need
}

/// [`containment`] of two sorted, duplicate-free slices.
fn sorted_containment<T: Ord + Copy>(a: &[T], b: &[T]) -> f64 {
    let small = a.len().min(b.len());
    if small == 0 {
        return 0.0;
    }
    share(shared(a, b), small)
}

/// The share `shared` values are of the smaller slice's `small`.
fn share(shared: usize, small: usize) -> f64 {
    shared as f64 / small as f64
}

impl IdStatement {
    /// The distinct term ids, ascending.
    pub fn terms(&self) -> &[u32] {
        &self.terms
    }

    /// The distinct bigrams as pairs of term ids, ascending.
    pub fn shingles(&self) -> &[u64] {
        &self.shingles
    }

    /// The statement whose [`IdStatement::terms`] and
    /// [`IdStatement::shingles`] these were (one written out and read back),
    /// sorted and deduplicated again should they not be.
    pub fn from_parts(mut terms: Vec<u32>, mut shingles: Vec<u64>) -> IdStatement {
        terms.sort_unstable();
        terms.dedup();
        shingles.sort_unstable();
        shingles.dedup();
        IdStatement {
            terms: terms.into_boxed_slice(),
            shingles: shingles.into_boxed_slice(),
        }
    }

    /// The statement with each term id `t` replaced by `ids[t]` (see
    /// [`Vocabulary::absorb`]).
    pub fn renumbered(&self, ids: &[u32]) -> IdStatement {
        let id = |t: u32| ids.get(t as usize).copied().unwrap_or(t);
        let mut terms: Vec<u32> = self.terms.iter().map(|&t| id(t)).collect();
        terms.sort_unstable();
        let mut shingles: Vec<u64> = self
            .shingles
            .iter()
            .map(|&s| {
                let (a, b) = ((s >> 32) as u32, s as u32);
                let b = if b == NO_TERM { b } else { id(b) };
                u64::from(id(a)) << 32 | u64::from(b)
            })
            .collect();
        shingles.sort_unstable();
        IdStatement {
            terms: terms.into_boxed_slice(),
            shingles: shingles.into_boxed_slice(),
        }
    }

    /// [`containment`] of the two statements' term sets.
    pub fn containment(&self, other: &IdStatement) -> f64 {
        sorted_containment(&self.terms, &other.terms)
    }

    /// Whether [`IdStatement::containment`] is at least `threshold`,
    /// found without always reading both term lists to the end.
    pub fn containment_reaches(&self, other: &IdStatement, threshold: f64) -> bool {
        let small = self.terms.len().min(other.terms.len());
        if small == 0 {
            return 0.0 >= threshold;
        }
        // The fewest shared terms whose share reaches the threshold: near
        // it (a saturating cast), then moved onto it.
        let mut need = ((threshold * small as f64) as usize).min(small + 1);
        while need > 0 && share(need - 1, small) >= threshold {
            need -= 1;
        }
        while need <= small && share(need, small) < threshold {
            need += 1;
        }
        need <= small && shares_at_least(&self.terms, &other.terms, need)
    }

    /// [`Statement::similarity`] of the texts the two statements stand for.
    pub fn similarity(&self, other: &IdStatement) -> f64 {
        let (ta, tb) = (&self.terms, &other.terms);
        if ta.is_empty() || tb.is_empty() {
            return 0.0;
        }
        let unigram = sorted_containment(ta, tb);
        let bigram = sorted_containment(&self.shingles, &other.shingles);
        combine(unigram, bigram, ta.len(), tb.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containment_reaches_its_threshold_exactly_when_containment_does() {
        // Term lists drawn from a small vocabulary, so they overlap in
        // every amount, against thresholds on and between the shares.
        let mut seed = 7u64;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as u32
        };
        let statement = |next: &mut dyn FnMut() -> u32| {
            let len = (next() % 12) as usize;
            let terms: Vec<u32> = (0..len).map(|_| next() % 16).collect();
            IdStatement::from_parts(terms, Vec::new())
        };
        let thresholds = [
            0.0,
            0.2,
            1.0 / 3.0,
            0.5,
            0.6,
            2.0 / 3.0,
            0.75,
            0.9,
            1.0,
            1.5,
        ];
        for _ in 0..2_000 {
            let (a, b) = (statement(&mut next), statement(&mut next));
            for t in thresholds {
                assert_eq!(
                    a.containment_reaches(&b, t),
                    a.containment(&b) >= t,
                    "{:?} {:?} at {t}",
                    a.terms(),
                    b.terms()
                );
            }
        }
    }

    #[test]
    fn a_remembered_term_is_the_computed_one() {
        let words = [
            "the",
            "ferry",
            "carries",
            "passengers",
            "forty",
            "percent",
            "u.s.",
            "went",
            "gone",
            "relational",
            "generalizations",
            "a",
            "x",
        ];
        // Twice: computed and remembered, then from memory.
        for _ in 0..2 {
            for w in words {
                assert_eq!(term(w), compute_term(w), "{w}");
            }
        }
        assert_eq!(term("carries").as_deref(), Some("carri"));
        assert_eq!(term("the"), None);
    }

    #[test]
    fn words_and_terms() {
        assert_eq!(
            words("The U.S. coalition's 40% cut, al-Nusra, 1.2 million, 1,500."),
            [
                "the",
                "u.s.",
                "coalition",
                "s",
                "40",
                "percent",
                "cut",
                "al",
                "nusra",
                "1.2",
                "million",
                "1500"
            ]
        );
        assert_eq!(
            terms("Forty percent of drinking water"),
            ["40", "percent", "drink", "water"]
        );
        assert_eq!(words("Zürich’s café"), ["zürich", "s", "café"]);
    }

    #[test]
    fn similarity_of_trims_and_rewordings() {
        let full = "Our new desalination plant already supplies forty percent of the city's drinking water, and it has cut household water bills by a fifth.";
        let trim = "the plant already supplies 40% of the city's drinking water";
        let other = "Volunteers collected 300 kilograms of litter on the beach.";
        assert!(statement_similarity(full, trim) > 0.7);
        assert!(statement_similarity(full, other) < 0.2);
        assert!((statement_similarity(full, full) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn id_statements_give_the_same_similarity_exactly() {
        let texts = [
            "Our new desalination plant already supplies forty percent of the city's drinking water.",
            "the plant already supplies 40% of the city's drinking water",
            "The plant supplies 12 percent of the drinking water, the utility said.",
            "Volunteers collected 300 kilograms of litter on the beach.",
            "Litter: 300 kilograms",
            "water",
            "water plant",
            "plant water",
            "",
            "the of and",
            "Water, water, water: the plant's water.",
        ];
        let mut vocab = Vocabulary::new();
        let ids: Vec<IdStatement> = texts.iter().map(|t| vocab.statement(&terms(t))).collect();
        for (a, ia) in texts.iter().zip(&ids) {
            for (b, ib) in texts.iter().zip(&ids) {
                let (sa, sb) = (Statement::new(a), Statement::new(b));
                assert_eq!(
                    sa.similarity(&sb).to_bits(),
                    ia.similarity(ib).to_bits(),
                    "{a} / {b}"
                );
                assert_eq!(
                    containment(sa.terms(), sb.terms()).to_bits(),
                    ia.containment(ib).to_bits(),
                    "{a} / {b}"
                );
            }
        }
        // Built apart and joined, they compare the same.
        let mut other = Vocabulary::new();
        let late: Vec<IdStatement> = texts[5..]
            .iter()
            .map(|t| other.statement(&terms(t)))
            .collect();
        let ids_of = vocab.absorb(&other);
        for (a, b) in ids[5..].iter().zip(&late) {
            assert_eq!(a, &b.renumbered(&ids_of));
        }
        // One term against two: "water" is no bigram of "water plant".
        assert!(ids[5].similarity(&ids[6]) < 1.0);
    }
}
