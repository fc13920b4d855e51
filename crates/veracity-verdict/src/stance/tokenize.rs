//! Tokenizer, Porter stemmer, stop words and term hashing.
//!
//! Everything here is deterministic and allocation-light: a token is reduced
//! to a 64-bit FNV-1a hash of its stem plus a few flag bits, which is all the
//! feature extractor needs.

/// Flag: the token is a stop word.
pub const F_STOP: u8 = 1;
/// Flag: the token is a number (digits, possibly with `.`/`,`).
pub const F_NUM: u8 = 2;
/// Flag: the token is capitalised and not the first word of its sentence.
pub const F_CAP: u8 = 4;

/// One token of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// FNV-1a hash of the stem.
    pub hash: u64,
    /// `F_*` flags.
    pub flags: u8,
}

impl Token {
    /// True when the token carries content (not a stop word).
    #[inline]
    pub fn is_content(&self) -> bool {
        self.flags & F_STOP == 0
    }
}

/// A tokenized text: tokens and sentence boundaries (token index ranges).
#[derive(Clone, Debug, Default)]
pub struct Tokenized {
    /// All tokens, in order.
    pub tokens: Vec<Token>,
    /// Half-open token ranges, one per sentence (never empty ranges).
    pub sentences: Vec<(u32, u32)>,
    /// Number of sentences in the first paragraph (at least 1 if any token).
    pub first_paragraph_sentences: u32,
    /// Number of `?` characters.
    pub question_marks: u32,
    /// Number of quotation marks.
    pub quote_marks: u32,
    /// Byte range of each token in the text.
    pub token_spans: Vec<(u32, u32)>,
}

impl Tokenized {
    /// Byte range of sentence `i` (from its first token to the end of its last).
    pub fn sentence_span(&self, i: usize) -> Option<(usize, usize)> {
        let &(a, b) = self.sentences.get(i)?;
        let start = self.token_spans.get(a as usize)?.0 as usize;
        let end = self.token_spans.get(b as usize - 1)?.1 as usize;
        Some((start, end))
    }
}

/// 64-bit FNV-1a.
#[inline]
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Mixes two hashes (for n-grams).
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    let mut x = a.rotate_left(17) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x ^= x >> 31;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^ (x >> 29)
}

/// Hash of a stemmed word, as used everywhere in the model.
pub fn term_hash(word: &str) -> u64 {
    let mut buf = String::new();
    let lower = word.to_lowercase();
    stem_into(&lower, &mut buf);
    fnv1a(buf.as_bytes())
}

const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "s",
    "t",
    "ve",
    "ll",
    "re",
    "d",
    "m",
    "one",
    "now",
    "new",
    "get",
    "got",
    "us",
    "via",
    "mr",
    "mrs",
    "ms",
    "may",
    "might",
    "say",
    "says",
    "said",
    "wo",
    "ca",
];

/// True when `lower` (an already lowercased word) is a stop word.
pub fn is_stop_word(lower: &str) -> bool {
    stop_hash(fnv1a(lower.as_bytes()))
}

/// True when `h` is the FNV-1a hash of a (lowercase, unstemmed) stop word.
#[inline]
fn stop_hash(h: u64) -> bool {
    use std::sync::OnceLock;
    const SIZE: usize = 1024;
    static TABLE: OnceLock<Vec<u64>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = vec![0u64; SIZE];
        for w in STOP_WORDS {
            let h = fnv1a(w.as_bytes()).max(1);
            let mut i = (h as usize) & (SIZE - 1);
            while t[i] != 0 && t[i] != h {
                i = (i + 1) & (SIZE - 1);
            }
            t[i] = h;
        }
        t
    });
    let h = h.max(1);
    let mut i = (h as usize) & (SIZE - 1);
    loop {
        let x = table[i];
        if x == h {
            return true;
        }
        if x == 0 {
            return false;
        }
        i = (i + 1) & (SIZE - 1);
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Splits `text` into tokens and sentences.
pub fn tokenize(text: &str) -> Tokenized {
    let mut out = Tokenized::default();
    out.tokens.reserve(text.len() / 6);
    out.token_spans.reserve(text.len() / 6);
    let mut word = String::new();
    let mut lower = String::new();
    let mut stem = String::new();
    let mut stemmer = Stemmer::default();
    let mut sent_start: u32 = 0;
    let mut at_sentence_start = true;
    let mut paragraph_done = false;
    let bytes = text.as_bytes();
    let n = bytes.len();
    // The char at byte `i` (a char boundary) and its length; NUL past the end.
    let char_at = |i: usize| -> (char, usize) {
        match bytes.get(i) {
            None => ('\0', 0),
            Some(&b) if b < 0x80 => (char::from(b), 1),
            Some(_) => text[i..]
                .chars()
                .next()
                .map_or(('\0', 1), |c| (c, c.len_utf8())),
        }
    };
    let close_sentence =
        |out: &mut Tokenized, sent_start: &mut u32, para_end: bool, paragraph_done: &mut bool| {
            let end = out.tokens.len() as u32;
            if end > *sent_start {
                out.sentences.push((*sent_start, end));
                *sent_start = end;
                if !*paragraph_done {
                    out.first_paragraph_sentences = out.sentences.len() as u32;
                    if para_end {
                        *paragraph_done = true;
                    }
                }
            } else if para_end && !out.sentences.is_empty() {
                *paragraph_done = true;
            }
        };
    let mut i = 0;
    while i < n {
        let (c, len) = char_at(i);
        if is_word_char(c) {
            word.clear();
            let start = i;
            let mut all_digits = true;
            while i < n {
                let (c, len) = char_at(i);
                if is_word_char(c) {
                    if !c.is_ascii_digit() {
                        all_digits = false;
                    }
                    word.push(c);
                    i += len;
                } else if is_apostrophe(c) && i + len < n && is_word_char(char_at(i + len).0) {
                    word.push('\'');
                    i += len;
                } else if (c == '.' || c == ',') && all_digits && char_at(i + 1).0.is_ascii_digit()
                {
                    if c == '.' {
                        word.push('.');
                    }
                    i += 1;
                } else {
                    break;
                }
            }
            let capital = c.is_uppercase();
            lower.clear();
            if word.is_ascii() {
                lower.push_str(&word);
                lower.make_ascii_lowercase();
            } else {
                for ch in word.chars() {
                    lower.extend(ch.to_lowercase());
                }
            }
            // Contractions: "wasn't" -> "was" "not"; possessive "'s" dropped.
            let mut negated = false;
            if lower.ends_with("n't") {
                lower.truncate(lower.len() - 3);
                negated = true;
            } else if lower.ends_with("'s") {
                lower.truncate(lower.len() - 2);
            }
            if lower.contains('\'') {
                lower.retain(|c| c != '\'');
            }
            let span = (start as u32, i as u32);
            if !lower.is_empty() {
                let lw = lower.as_str();
                let mut flags = 0u8;
                let numeric = lw.bytes().all(|c| c.is_ascii_digit() || c == b'.');
                let word_hash = fnv1a(lw.as_bytes());
                if stop_hash(word_hash) {
                    flags |= F_STOP;
                }
                if capital && !at_sentence_start && !numeric {
                    flags |= F_CAP;
                }
                let hash = if numeric {
                    flags |= F_NUM;
                    fnv1a(lw.trim_end_matches('.').as_bytes())
                } else {
                    stem_hash_cached(word_hash, lw, &mut stemmer, &mut stem)
                };
                out.tokens.push(Token { hash, flags });
                out.token_spans.push(span);
            }
            if negated {
                out.tokens.push(Token {
                    hash: fnv1a(b"not"),
                    flags: F_STOP,
                });
                out.token_spans.push(span);
            }
            at_sentence_start = false;
            continue;
        }
        match c {
            '.' | '!' | '?' => {
                if c == '?' {
                    out.question_marks += 1;
                }
                // End of sentence when followed by whitespace, a quote or the end.
                let ends = i + 1 >= n || {
                    let nc = char_at(i + 1).0;
                    nc.is_whitespace() || matches!(nc, '"' | '\u{201d}' | '\'' | '\u{2019}' | ')')
                };
                if ends {
                    close_sentence(&mut out, &mut sent_start, false, &mut paragraph_done);
                    at_sentence_start = true;
                }
            }
            '\n' => {
                close_sentence(&mut out, &mut sent_start, true, &mut paragraph_done);
                at_sentence_start = true;
            }
            '"' | '\u{201c}' | '\u{201d}' => out.quote_marks += 1,
            _ => {}
        }
        i += len.max(1);
    }
    close_sentence(&mut out, &mut sent_start, true, &mut paragraph_done);
    out
}

/// Hash of the stem of `lw` (whose FNV-1a hash is `word_hash`), memoised in
/// a per-thread direct-mapped cache. The cache only remembers a pure function,
/// so results never depend on what was tokenized before.
fn stem_hash_cached(word_hash: u64, lw: &str, stemmer: &mut Stemmer, buf: &mut String) -> u64 {
    use std::cell::RefCell;
    const BITS: u32 = 15;
    thread_local! {
        static CACHE: RefCell<Vec<(u64, u64)>> = const { RefCell::new(Vec::new()) };
    }
    let slot = (word_hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - BITS)) as usize;
    let hit = CACHE.with(|c| {
        let c = c.borrow();
        c.get(slot)
            .filter(|e| e.0 == word_hash && word_hash != 0)
            .map(|e| e.1)
    });
    if let Some(h) = hit {
        return h;
    }
    stemmer.stem(lw, buf);
    let h = fnv1a(buf.as_bytes());
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.is_empty() {
            c.resize(1 << BITS, (0, 0));
        }
        c[slot] = (word_hash, h);
    });
    h
}

// ---------------------------------------------------------------------------
// Porter stemmer (M. F. Porter, 1980), written for ASCII lowercase words.
// Non-ASCII words and words of two letters or fewer are left as they are.

/// Stems `word` (already lowercase) into `out`.
pub fn stem_into(word: &str, out: &mut String) {
    Stemmer::default().stem(word, out);
}

/// Porter stemmer with a reusable buffer.
#[derive(Default)]
struct Stemmer {
    b: Vec<u8>,
}

impl Stemmer {
    fn stem(&mut self, word: &str, out: &mut String) {
        out.clear();
        if word.len() <= 2 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
            out.push_str(word);
            return;
        }
        self.b.clear();
        self.b.extend_from_slice(word.as_bytes());
        self.step1ab();
        if self.b.len() > 2 {
            self.step1c();
            self.step2();
            self.step3();
            self.step4();
            self.step5();
        }
        for &c in &self.b {
            out.push(char::from(c));
        }
    }

    fn cons(&self, i: usize) -> bool {
        match self.b[i] {
            b'a' | b'e' | b'i' | b'o' | b'u' => false,
            b'y' => i == 0 || !self.cons(i - 1),
            _ => true,
        }
    }

    /// Measure of the prefix `b[..len]`: the number of VC sequences.
    fn m(&self, len: usize) -> usize {
        let mut n = 0;
        let mut i = 0;
        while i < len && self.cons(i) {
            i += 1;
        }
        loop {
            while i < len && !self.cons(i) {
                i += 1;
            }
            if i >= len {
                return n;
            }
            while i < len && self.cons(i) {
                i += 1;
            }
            n += 1;
        }
    }

    fn vowel_in(&self, len: usize) -> bool {
        (0..len).any(|i| !self.cons(i))
    }

    fn double_c(&self, len: usize) -> bool {
        len >= 2 && self.b[len - 1] == self.b[len - 2] && self.cons(len - 1)
    }

    /// consonant-vowel-consonant ending at `len - 1`, last not w, x or y.
    fn cvc(&self, len: usize) -> bool {
        if len < 3 {
            return false;
        }
        let i = len - 1;
        if !self.cons(i) || self.cons(i - 1) || !self.cons(i - 2) {
            return false;
        }
        !matches!(self.b[i], b'w' | b'x' | b'y')
    }

    fn ends(&self, s: &str) -> bool {
        self.b.ends_with(s.as_bytes())
    }

    /// Replaces suffix `suf` (which must be present) by `rep`.
    fn replace(&mut self, suf: &str, rep: &str) {
        let l = self.b.len() - suf.len();
        self.b.truncate(l);
        self.b.extend_from_slice(rep.as_bytes());
    }

    /// If the word ends with `suf` and the stem before it has measure > `min_m`,
    /// replace; returns true when the suffix matched (replaced or not).
    fn rule(&mut self, suf: &str, rep: &str, min_m: usize) -> bool {
        if self.ends(suf) {
            let stem_len = self.b.len() - suf.len();
            if self.m(stem_len) > min_m {
                self.replace(suf, rep);
            }
            true
        } else {
            false
        }
    }

    fn step1ab(&mut self) {
        if self.ends("sses") {
            self.replace("sses", "ss");
        } else if self.ends("ies") {
            self.replace("ies", "i");
        } else if self.ends("ss") {
        } else if self.ends("s") {
            self.replace("s", "");
        }
        if self.ends("eed") {
            let l = self.b.len() - 3;
            if self.m(l) > 0 {
                self.replace("eed", "ee");
            }
            return;
        }
        let suf = if self.ends("ed") {
            "ed"
        } else if self.ends("ing") {
            "ing"
        } else {
            return;
        };
        let l = self.b.len() - suf.len();
        if !self.vowel_in(l) {
            return;
        }
        self.b.truncate(l);
        if self.ends("at") || self.ends("bl") || self.ends("iz") {
            self.b.push(b'e');
        } else if self.double_c(self.b.len()) {
            if !matches!(self.b[self.b.len() - 1], b'l' | b's' | b'z') {
                self.b.pop();
            }
        } else if self.m(self.b.len()) == 1 && self.cvc(self.b.len()) {
            self.b.push(b'e');
        }
    }

    fn step1c(&mut self) {
        if self.ends("y") && self.vowel_in(self.b.len() - 1) {
            let l = self.b.len() - 1;
            self.b[l] = b'i';
        }
    }

    fn step2(&mut self) {
        const RULES: &[(&str, &str)] = &[
            ("ational", "ate"),
            ("tional", "tion"),
            ("enci", "ence"),
            ("anci", "ance"),
            ("izer", "ize"),
            ("bli", "ble"),
            ("alli", "al"),
            ("entli", "ent"),
            ("eli", "e"),
            ("ousli", "ous"),
            ("ization", "ize"),
            ("ation", "ate"),
            ("ator", "ate"),
            ("alism", "al"),
            ("iveness", "ive"),
            ("fulness", "ful"),
            ("ousness", "ous"),
            ("aliti", "al"),
            ("iviti", "ive"),
            ("biliti", "ble"),
            ("logi", "log"),
        ];
        for (suf, rep) in RULES {
            if self.rule(suf, rep, 0) {
                return;
            }
        }
    }

    fn step3(&mut self) {
        const RULES: &[(&str, &str)] = &[
            ("icate", "ic"),
            ("ative", ""),
            ("alize", "al"),
            ("iciti", "ic"),
            ("ical", "ic"),
            ("ful", ""),
            ("ness", ""),
        ];
        for (suf, rep) in RULES {
            if self.rule(suf, rep, 0) {
                return;
            }
        }
    }

    fn step4(&mut self) {
        const SUFFIXES: &[&str] = &[
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion",
            "ou", "ism", "ate", "iti", "ous", "ive", "ize",
        ];
        // Longest match first among candidates ending the word.
        let mut best: Option<&str> = None;
        for s in SUFFIXES {
            if self.ends(s) && best.is_none_or(|b| s.len() > b.len()) {
                best = Some(s);
            }
        }
        let Some(suf) = best else { return };
        let l = self.b.len() - suf.len();
        if suf == "ion" && !(l > 0 && matches!(self.b[l - 1], b's' | b't')) {
            return;
        }
        if self.m(l) > 1 {
            self.b.truncate(l);
        }
    }

    fn step5(&mut self) {
        if self.ends("e") {
            let l = self.b.len() - 1;
            let m = self.m(l);
            if m > 1 || (m == 1 && !self.cvc(l)) {
                self.b.truncate(l);
            }
        }
        let l = self.b.len();
        if self.ends("l") && self.double_c(l) && self.m(l) > 1 {
            self.b.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(w: &str) -> String {
        let mut s = String::new();
        stem_into(w, &mut s);
        s
    }

    #[test]
    fn porter_examples() {
        let cases = [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("cats", "cat"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("hopping", "hop"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("hopefulness", "hope"),
            ("generalization", "gener"),
            ("adoption", "adopt"),
            ("controlling", "control"),
            ("denied", "deni"),
            ("denies", "deni"),
            ("hoaxes", "hoax"),
        ];
        for (w, s) in cases {
            assert_eq!(stem(w), s, "stem of {w}");
        }
    }

    #[test]
    fn tokenizes_sentences_and_flags() {
        let t =
            tokenize("ISIS didn't behead Foley. He was seen in 2014, said Obama.\n\nNew para here");
        assert_eq!(t.sentences.len(), 3);
        assert_eq!(t.first_paragraph_sentences, 2);
        let not = fnv1a(b"not");
        assert!(t.tokens.iter().any(|x| x.hash == not));
        let year = t.tokens.iter().find(|x| x.hash == fnv1a(b"2014")).unwrap();
        assert!(year.flags & F_NUM != 0);
        let obama = t
            .tokens
            .iter()
            .find(|x| x.hash == term_hash("Obama"))
            .unwrap();
        assert!(obama.flags & F_CAP != 0);
        let text = "ISIS didn't behead Foley. He was seen in 2014, said Obama.\n\nNew para here";
        let (a, b) = t.sentence_span(1).unwrap();
        assert_eq!(&text[a..b], "He was seen in 2014, said Obama");
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for s in [
            "",
            " ",
            "\n\n",
            "...",
            "é",
            "日本語のテキスト",
            "a'",
            "'s",
            "n't",
            "1,000.5",
            "x\u{0}y",
        ] {
            let t = tokenize(s);
            assert_eq!(t.token_spans.len(), t.tokens.len());
            for (k, &(a, b)) in t.sentences.iter().enumerate() {
                assert!(a < b && b as usize <= t.tokens.len());
                let (x, y) = t.sentence_span(k).unwrap();
                assert!(s.get(x..y).is_some());
            }
        }
    }
}
