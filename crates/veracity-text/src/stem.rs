//! The Porter stemmer (M. F. Porter, 1980), written here for ASCII lowercase
//! words; non-ASCII words and words of two letters or fewer are left as they
//! are. Retrieval, claim merging and the stance model all stem with it, so
//! they meet on the same stems.

use crate::hash::fnv1a;

/// The Porter stem of a lowercase word.
pub fn stem(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    stem_into(word, &mut out);
    out
}

/// Stems `word` (already lowercase) into `out`.
pub fn stem_into(word: &str, out: &mut String) {
    Stemmer::default().stem(word, out);
}

/// Porter stemmer with a reusable buffer.
#[derive(Default)]
pub(crate) struct Stemmer {
    b: Vec<u8>,
}

impl Stemmer {
    pub(crate) fn stem(&mut self, word: &str, out: &mut String) {
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

/// Hash of the stem of `lw` (whose FNV-1a hash is `word_hash`), memoised in
/// a per-thread direct-mapped cache. The cache only remembers a pure function,
/// so results never depend on what was tokenized before.
pub(crate) fn stem_hash_cached(
    word_hash: u64,
    lw: &str,
    stemmer: &mut Stemmer,
    buf: &mut String,
) -> u64 {
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

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn porter_examples() {
        for (w, s) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("sing", "sing"),
            ("conflated", "conflat"),
            ("hopping", "hop"),
            ("falling", "fall"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("hopefulness", "hope"),
            ("generalization", "gener"),
            ("supplies", "suppli"),
            ("supplied", "suppli"),
            ("strikes", "strike"),
            ("striking", "strike"),
            ("adoption", "adopt"),
            ("controlling", "control"),
            ("desalination", "desalin"),
            ("denied", "deni"),
            ("denies", "deni"),
            ("hoaxes", "hoax"),
            ("is", "is"),
            ("zürich", "zürich"),
        ] {
            assert_eq!(stem(w), s, "{w}");
        }
    }
}
