//! The hashed token stream the stance model reads: each word reduced to a
//! 64-bit FNV-1a hash of its Porter stem plus flag bits, with its byte span
//! and the sentence it belongs to.
//!
//! The tokenizer, its stop list ([`crate::lexicon::STANCE_STOP_WORDS`]) and
//! the stemmer are part of a trained model's contract:
//! [`crate::ANALYZER_VERSION`] and [`crate::analyzer_fingerprint`] change
//! when they do, and a model trained with another analyzer refuses to load.

use crate::hash::fnv1a;
use crate::lexicon::STANCE_STOP_WORDS;
use crate::sentences::sentences;
use crate::stem::{Stemmer, stem_hash_cached, stem_into};
use veracity_model::Span;

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

/// Hash of a stemmed word, as used everywhere in the model.
pub fn term_hash(word: &str) -> u64 {
    let mut buf = String::new();
    let lower = word.to_lowercase();
    stem_into(&lower, &mut buf);
    fnv1a(buf.as_bytes())
}

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
        for w in STANCE_STOP_WORDS.words() {
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
    // Sentences from the shared splitter, each line a paragraph; every word
    // belongs to the sentence whose span it starts in.
    let lines: Vec<Span> = text
        .split('\n')
        .scan(0, |at, line| {
            let start = *at;
            *at += line.len() + 1;
            Some(Span::trimmed(text, start, start + line.len()))
        })
        .flatten()
        .collect();
    let spans = sentences(text, &lines);
    let paragraph_of: Vec<usize> = spans
        .iter()
        .map(|s| lines.partition_point(|l| l.end() < s.end()))
        .collect();
    let mut sentence_at = 0;
    let mut current: Option<usize> = None;
    let mut sent_start: u32 = 0;
    let mut first_paragraph: Option<usize> = None;
    let mut at_sentence_start = true;
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
    // Ends the token sentence begun at `sent_start`, counting it in the first
    // paragraph when it lies there.
    let close_sentence = |out: &mut Tokenized,
                          sent_start: &mut u32,
                          paragraph: Option<usize>,
                          first_paragraph: Option<usize>| {
        let end = out.tokens.len() as u32;
        if end > *sent_start {
            out.sentences.push((*sent_start, end));
            *sent_start = end;
            if paragraph.is_some() && paragraph == first_paragraph {
                out.first_paragraph_sentences += 1;
            }
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
            while spans.get(sentence_at).is_some_and(|s| s.end() <= start) {
                sentence_at += 1;
            }
            if current != Some(sentence_at) {
                let paragraph = current.and_then(|k| paragraph_of.get(k).copied());
                close_sentence(&mut out, &mut sent_start, paragraph, first_paragraph);
                current = Some(sentence_at);
                first_paragraph = first_paragraph.or(paragraph_of.get(sentence_at).copied());
                at_sentence_start = true;
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
            '?' => out.question_marks += 1,
            '"' | '\u{201c}' | '\u{201d}' => out.quote_marks += 1,
            _ => {}
        }
        i += len.max(1);
    }
    let paragraph = current.and_then(|k| paragraph_of.get(k).copied());
    close_sentence(&mut out, &mut sent_start, paragraph, first_paragraph);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
