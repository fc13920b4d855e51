//! Cheap, allocation-free helpers for the hot loops of the text pipeline
//! and the quote finder: word counts, ASCII-case-insensitive tests, word
//! list look-ups without lower-casing into a new `String`, and one-pass
//! multi-pattern prechecks that decide whether an expensive rule can match
//! at all.

use crate::hash::FxHashSet;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// `s.split_whitespace().count()`, counted on the bytes.
#[inline]
pub fn word_count(s: &str) -> usize {
    let b = s.as_bytes();
    if b.is_ascii() {
        return ascii_space_word_count(b);
    }
    // Non-ASCII white space (rare) separates words like ASCII's: the words
    // are those of the pieces between such characters.
    let mut cuts: Vec<(usize, usize)> = unicode_spaces(b).collect();
    if cuts.is_empty() {
        return ascii_space_word_count(b);
    }
    cuts.sort_unstable();
    let mut words = 0;
    let mut from = 0;
    for (start, end) in cuts {
        words += ascii_space_word_count(&b[from..start]);
        from = end;
    }
    words + ascii_space_word_count(&b[from..])
}

/// Words of `b` split at ASCII white space only: every non-ASCII byte
/// counts as part of a word. A word starts at a non-space byte that follows
/// a space (or the start).
fn ascii_space_word_count(b: &[u8]) -> usize {
    let space = |c: u8| c == b' ' || (b'\t'..=b'\r').contains(&c);
    let first = b.first().is_some_and(|&c| !space(c));
    usize::from(first) + count_pairs(b, |x, y| space(x) && !space(y))
}

/// How many pairs of neighbouring bytes `(b[i], b[i + 1])` satisfy `f`;
/// counted in `u8` lanes, 255 pairs at a time, so that the loop vectorises.
#[inline]
pub fn count_pairs(b: &[u8], f: impl Fn(u8, u8) -> bool) -> usize {
    let pairs = b.len().saturating_sub(1);
    let mut total = 0;
    let mut start = 0;
    while start < pairs {
        let end = (start + 255).min(pairs);
        let n = b[start..end]
            .iter()
            .zip(&b[start + 1..=end])
            .fold(0u8, |n, (&x, &y)| n.wrapping_add(u8::from(f(x, y))));
        total += usize::from(n);
        start = end;
    }
    total
}

/// Byte classes for splitting at white space: 1 for ASCII white space, 2
/// for the first byte of a possible non-ASCII one, 0 for the rest.
static SPACE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b' ' as usize] = 1;
    let mut c = b'\t';
    while c <= b'\r' {
        t[c as usize] = 1;
        c += 1;
    }
    t[0xC2] = 2;
    t[0xE1] = 2;
    t[0xE2] = 2;
    t[0xE3] = 2;
    t
};

/// The length of the white space character at byte `i`, or 0.
fn space_at(b: &[u8], i: usize) -> usize {
    match SPACE_CLASS[usize::from(b[i])] {
        0 => 0,
        1 => 1,
        _ => space_len(b, i),
    }
}

/// `s.split_whitespace()` with each piece's byte offset in `s`.
#[inline]
pub fn split_whitespace_at(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let b = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        // Skip white space, then take up to the next.
        while i < b.len() {
            match space_at(b, i) {
                0 => break,
                n => i += n,
            }
        }
        let start = i;
        while i < b.len() && (SPACE_CLASS[usize::from(b[i])] == 0 || space_at(b, i) == 0) {
            i += 1;
        }
        // Both ends sit on char boundaries: white space starts and ends one.
        (start < i).then(|| (start, s.get(start..i).unwrap_or_default()))
    })
}

/// True when the UTF-8 bytes hold a non-ASCII white space character.
#[inline]
pub fn has_unicode_space(b: &[u8]) -> bool {
    unicode_spaces(b).next().is_some()
}

/// The non-ASCII white space characters of valid UTF-8 as byte ranges,
/// not in order: each starts with one of four lead bytes, found by SIMD.
fn unicode_spaces(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    memchr::memchr2_iter(0xC2, 0xE2, b)
        .chain(memchr::memchr2_iter(0xE1, 0xE3, b))
        .map(|i| (i, i + space_len(b, i)))
        .filter(|&(start, end)| end > start)
}

/// The length of the white space character (`char::is_whitespace`) at byte
/// `i` of valid UTF-8, or 0 when there is none.
fn space_len(b: &[u8], i: usize) -> usize {
    let next = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match b[i] {
        b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' => 1,
        // U+0085, U+00A0.
        0xC2 if matches!(next(1), 0x85 | 0xA0) => 2,
        // U+1680.
        0xE1 if next(1) == 0x9A && next(2) == 0x80 => 3,
        // U+2000..=U+200A, U+2028, U+2029, U+202F; U+205F.
        0xE2 if next(1) == 0x80 && matches!(next(2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) => 3,
        0xE2 if next(1) == 0x81 && next(2) == 0x9F => 3,
        // U+3000.
        0xE3 if next(1) == 0x80 && next(2) == 0x80 => 3,
        _ => 0,
    }
}

/// `s.to_ascii_lowercase().starts_with(prefix)` for a lower-case ASCII
/// `prefix`, without the copy.
#[inline]
pub fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Runs `f` on `w.to_ascii_lowercase()`, in a stack buffer for short words.
#[inline]
pub fn with_ascii_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if w.len() <= buf.len() {
        let out = &mut buf[..w.len()];
        out.copy_from_slice(w.as_bytes());
        // Only ASCII bytes change: the bytes stay valid UTF-8.
        out.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(out) {
            return f(lower);
        }
    }
    f(&w.to_ascii_lowercase())
}

/// A fixed set of words with a cheap look-up: most words asked about are
/// ruled out by their first byte and length alone, and the rest hashed with
/// rustc's Fx hash, which beats both SipHash and a linear scan on keys of a few
/// bytes.
#[derive(Debug)]
pub struct WordSet {
    words: FxHashSet<&'static str>,
    /// By first byte, the lengths of the words that start with it, as bits
    /// (bit 63 for 63 bytes or more).
    shapes: Box<[u64; 256]>,
}

impl WordSet {
    /// The set of `words` (lowercase, as they will be asked for).
    #[inline]
    pub fn new(words: &[&'static str]) -> WordSet {
        let mut shapes = Box::new([0u64; 256]);
        for w in words {
            if let Some(&first) = w.as_bytes().first() {
                shapes[usize::from(first)] |= 1 << w.len().min(63);
            }
        }
        WordSet {
            words: words.iter().copied().collect(),
            shapes,
        }
    }

    /// False when no word of the set starts with `first` and is `len` bytes.
    fn may_hold(&self, first: u8, len: usize) -> bool {
        self.shapes[usize::from(first)] >> len.min(63) & 1 != 0
    }

    /// The number of distinct words.
    #[inline]
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when the set holds no word.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// True when `w` is in the set.
    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        match w.as_bytes().first() {
            Some(&first) => self.may_hold(first, w.len()) && self.words.contains(w),
            None => self.words.contains(w),
        }
    }

    /// True when `w.to_lowercase()` is in the set.
    #[inline]
    pub fn contains_lower(&self, w: &str) -> bool {
        if w.is_ascii() {
            // The same as ASCII lower-casing, which keeps the length.
            return self.contains_ascii_lower(w);
        }
        self.words.contains(w.to_lowercase().as_str())
    }

    /// True when `w.to_ascii_lowercase()` is in the set.
    #[inline]
    pub fn contains_ascii_lower(&self, w: &str) -> bool {
        // ASCII lower-casing keeps the length and lowers the first byte.
        if let Some(&first) = w.as_bytes().first()
            && !self.may_hold(first.to_ascii_lowercase(), w.len())
        {
            return false;
        }
        with_ascii_lower(w, |l| self.words.contains(l))
    }
}

/// The [`WordSet`] of a static word list, built on first use.
#[macro_export]
macro_rules! word_set {
    ($list:expr) => {{
        static SET: std::sync::OnceLock<$crate::scan::WordSet> = std::sync::OnceLock::new();
        SET.get_or_init(|| $crate::scan::WordSet::new($list))
    }};
}
pub use crate::word_set;

/// A set of literal patterns searched in one pass.
#[derive(Debug)]
pub struct Patterns {
    anywhere: AhoCorasick,
}

impl Patterns {
    /// Patterns matched exactly (byte for byte), anywhere.
    #[inline]
    pub fn new(patterns: &[&str]) -> Patterns {
        let anywhere = AhoCorasickBuilder::new()
            // Leftmost-first rather than standard semantics: whether a match
            // exists is the same, and only these can use the SIMD prefilter.
            .match_kind(MatchKind::LeftmostFirst)
            .build(patterns)
            // Static word lists: a few hundred bytes, far below any limit.
            .expect("static patterns build");
        Patterns { anywhere }
    }

    /// True when some pattern occurs in `hay`.
    #[inline]
    pub fn any_in(&self, hay: &str) -> bool {
        self.anywhere.is_match(hay)
    }

    /// Every match in `hay` as (start, end), left to right, leftmost-first
    /// and not overlapping, found in one pass.
    #[inline]
    pub fn all_in(&self, hay: &str) -> Vec<(usize, usize)> {
        self.anywhere
            .find_iter(hay)
            .map(|m| (m.start(), m.end()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn space_len_is_char_is_whitespace() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            assert_eq!(
                space_len(s.as_bytes(), 1) == c.len_utf8(),
                c.is_whitespace(),
                "{c:?}"
            );
            assert_eq!(word_count(&s), s.split_whitespace().count(), "{c:?}");
        }
    }

    #[test]
    fn splits_like_split_whitespace() {
        for s in [
            "",
            "  ",
            "a",
            " a\u{a0}b  c\u{2003}d\té ",
            "x\u{3000}y\u{85}",
        ] {
            let ours: Vec<&str> = split_whitespace_at(s).map(|(_, w)| w).collect();
            assert_eq!(ours, s.split_whitespace().collect::<Vec<_>>(), "{s:?}");
            for (at, w) in split_whitespace_at(s) {
                assert_eq!(&s[at..at + w.len()], w);
            }
        }
    }

    #[test]
    fn counts_pairs_past_a_chunk() {
        let b = b"a b ".repeat(300);
        assert_eq!(count_pairs(&b, |x, y| x == b' ' && y != b' '), 599);
        assert_eq!(count_pairs(b"", |_, _| true), 0);
        assert_eq!(count_pairs(b"x", |_, _| true), 0);
        assert_eq!(word_count(&"word ".repeat(700)), 700);
    }

    #[test]
    fn word_count_matches_split_whitespace() {
        for s in [
            "",
            " ",
            "one",
            "  two  words ",
            "a\u{a0}b\u{2003}c\u{3000}d",
            "tab\tand\x0bvertical\x0cform\rfeed\nline",
            "Zürich — très bien 日本語",
            "\u{85}x\u{2028}y\u{2029}",
            "\u{3000}x\u{a0}\u{1680} y\u{205f}z\u{a0}",
            "\u{2003}\u{a0}",
        ] {
            assert_eq!(word_count(s), s.split_whitespace().count(), "{s:?}");
        }
    }

    #[test]
    fn lower_lookups() {
        let set = WordSet::new(&["said", "key", "", "\u{ab} older"]);
        assert!(set.contains("") && set.contains("\u{ab} older"));
        assert!(!set.contains("sai") && !set.contains("saidx") && !set.contains("kex"));
        assert!(set.contains_lower("Said"));
        assert!(!set.contains("Said"));
        assert!(!set.contains_lower("Saïd"));
        // The Kelvin sign lower-cases to an ASCII k, but not in ASCII.
        assert!(set.contains_lower("\u{212a}ey"));
        assert!(!set.contains_ascii_lower("\u{212a}ey"));
        assert!(set.contains_ascii_lower("KEY"));
        assert!(starts_with_ci("Tags: News", "tags:"));
        assert!(!starts_with_ci("Tag", "tags:"));
    }

    #[test]
    fn pattern_sets() {
        assert!(Patterns::new(&["photo"]).any_in("a photo"));
    }
}
