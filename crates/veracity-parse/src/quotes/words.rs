//! The tokenizer of the quote finder: the words of a stretch of text with
//! their byte ranges and whether a comma or the end of a phrase follows
//! each. Text with only ASCII white space (nearly all of it) is split on a
//! table of byte classes; other text goes through the Unicode white-space
//! splitter, which gives the same words.

use super::lexicon::{CUE_VERBS, TITLE_ABBREVIATIONS};
use veracity_model::Span;
use veracity_text::scan::word_set;

/// A word token.
#[derive(Debug, Clone, Copy)]
pub(super) struct Word<'a> {
    /// Where the word starts in the text.
    pub(super) start: usize,
    /// Where it ends: after its last letter or digit, or its abbreviation's
    /// period.
    pub(super) end: usize,
    /// The word without the punctuation around it.
    pub(super) text: &'a str,
    /// A comma follows the word.
    pub(super) comma_after: bool,
    /// The phrase ends after the word: a sentence's period, `;:!?)]`, a
    /// dash, or an opening bracket before the next word.
    pub(super) stop_after: bool,
}

/// The span of `text` from the start of word `first` to the end of word
/// `last` (the words were split from `text`, so it is valid).
pub(super) fn span_of(text: &str, first: &Word<'_>, last: &Word<'_>) -> Option<Span> {
    Span::new(text, first.start, last.end).ok()
}

/// Whether a period after `core` belongs to it: an initial, a dotted
/// abbreviation ("U.S.") or a title ("Gen.").
fn is_abbrev(core: &str) -> bool {
    core.chars().count() == 1
        || core.contains('.')
        || word_set!(TITLE_ABBREVIATIONS).contains_ascii_lower(core)
}

/// Bytes before a quote or a name searched for the speaker phrase: far more
/// than any "Foreign Minister Sergei Lavrov told reporters on Friday", and a
/// bound that keeps a page-long sentence with thousands of quotes linear.
pub(super) const SPEAKER_CONTEXT: usize = 600;

/// The start of the speaker context before `at`: `from`, or the first word
/// start within [`SPEAKER_CONTEXT`] bytes of `at` when `from` is further.
pub(super) fn context_start(text: &str, from: usize, at: usize) -> usize {
    let floor = at.saturating_sub(SPEAKER_CONTEXT);
    if from >= floor {
        return from;
    }
    let mut i = floor;
    while !text.is_char_boundary(i) {
        i += 1;
    }
    // Past the word cut in two, so no half word looks like a name.
    match text[i..at].find(char::is_whitespace) {
        Some(space) => i + space,
        None => at,
    }
}

/// Word tokens of `text[from..to]` with their byte ranges.
pub(super) fn words(text: &str, from: usize, to: usize) -> Vec<Word<'_>> {
    words_upto(text, from, to, usize::MAX)
}

/// The first `max` words of [`words`]: the same, since a word's flags
/// depend only on the tokens up to the next word.
pub(super) fn words_upto(text: &str, from: usize, to: usize, max: usize) -> Vec<Word<'_>> {
    let Some(slice) = text.get(from..to) else {
        return Vec::new();
    };
    let mut out: Vec<Word<'_>> = Vec::with_capacity((slice.len() / 5).min(max));
    let b = slice.as_bytes();
    if veracity_text::scan::has_unicode_space(b) {
        for (start, raw) in veracity_text::scan::split_whitespace_at(slice) {
            if out.len() > max {
                break;
            }
            push_token(&mut out, from + start, raw, raw.is_ascii());
        }
    } else {
        // Only ASCII white space: tokens are split on the bytes.
        let mut i = 0;
        loop {
            while i < b.len() && byte_class(b[i]) & SPACE != 0 {
                i += 1;
            }
            if i == b.len() || out.len() > max {
                break;
            }
            let start = i;
            let mut classes = 0;
            while i < b.len() && byte_class(b[i]) & SPACE == 0 {
                classes |= byte_class(b[i]);
                i += 1;
            }
            let raw = &slice[start..i];
            push_token(&mut out, from + start, raw, classes & NON_ASCII == 0);
        }
    }
    out.truncate(max);
    out
}

// What a byte is to the tokenizer (bits of `BYTE_CLASS`).
const ALNUM: u8 = 1;
const ALNUM_OR_DOT: u8 = 2;
/// Ends a phrase when it trails a word: `.;:!?)]`.
const STOP: u8 = 4;
const COMMA: u8 = 8;
/// Opens a parenthesis or bracket: `(` or `[`.
const OPEN: u8 = 16;
/// ASCII white space as `char::is_whitespace` has it (with the vertical tab).
pub(super) const SPACE: u8 = 32;
const NON_ASCII: u8 = 64;

static BYTE_CLASS: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = match b {
            b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' => ALNUM | ALNUM_OR_DOT,
            b'.' => ALNUM_OR_DOT | STOP,
            b';' | b':' | b'!' | b'?' | b')' | b']' => STOP,
            b',' => COMMA,
            b'(' | b'[' => OPEN,
            b' ' | b'\t'..=b'\r' => SPACE,
            _ => 0,
        };
        i += 1;
    }
    t
};

/// The classes of byte `b` (bits of `BYTE_CLASS`).
pub(super) fn byte_class(b: u8) -> u8 {
    BYTE_CLASS[usize::from(b)]
}

/// Adds the word of one white-space-free token starting at byte `at`, or
/// marks the end of a phrase when the token is only punctuation. An
/// `ascii` token is scanned on byte classes; `char` tests agree there.
fn push_token<'a>(out: &mut Vec<Word<'a>>, at: usize, raw: &'a str, ascii: bool) {
    let b = raw.as_bytes();
    let lead = if ascii {
        b.iter().position(|&c| byte_class(c) & ALNUM != 0)
    } else {
        raw.char_indices()
            .find(|(_, c)| c.is_alphanumeric())
            .map(|(i, _)| i)
    };
    let Some(lead) = lead else {
        // A dash or bullet between words ends a phrase.
        if let Some(last) = out.last_mut() {
            last.stop_after = true;
        }
        return;
    };
    // The lead is a letter or digit: the word is not empty.
    let trail_at = if ascii {
        b.iter()
            .rposition(|&c| byte_class(c) & ALNUM_OR_DOT != 0)
            .map_or(lead + 1, |i| i + 1)
    } else {
        raw.char_indices()
            .rev()
            .find(|(_, c)| c.is_alphanumeric() || *c == '.')
            .map_or(lead + 1, |(i, c)| i + c.len_utf8())
    };
    // Non-ASCII bytes have none of the punctuation classes.
    let classes = |bytes: &[u8]| bytes.iter().fold(0, |k, &c| k | byte_class(c));
    let tail = classes(&b[trail_at..]);
    if classes(&b[..lead]) & OPEN != 0
        && let Some(last) = out.last_mut()
    {
        last.stop_after = true;
    }
    push_word(
        out,
        at + lead,
        &raw[lead..trail_at],
        tail & COMMA != 0,
        tail & STOP != 0,
    );
}

/// Adds a word: `core` from its first letter or digit to its last (or
/// final period), which starts at byte `at`. A final period that is not an
/// abbreviation's ends the phrase and is dropped.
fn push_word<'a>(out: &mut Vec<Word<'a>>, at: usize, core: &'a str, comma_after: bool, stop: bool) {
    let (text, stop_after) = match core.strip_suffix('.') {
        Some(stripped) if !is_abbrev(stripped) => (stripped, true),
        _ => (core, stop),
    };
    out.push(Word {
        start: at,
        end: at + text.len(),
        text,
        comma_after,
        stop_after,
    });
}

/// Lower case, as the word lists and cues are kept.
pub(super) fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// A cue verb, matched as printed: the list is lower case, so "Said" is none.
pub(super) fn is_cue(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase) && word_set!(CUE_VERBS).contains(w)
}

/// Starts with an upper-case letter, as a name or title does.
pub(super) fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// "Lavrov's", "ministers'": owns the next noun, so it is not a speaker.
pub(super) fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("\u{2019}s") || w.ends_with('\'') || w.ends_with('\u{2019}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_tokens_match_the_unicode_splitter() {
        let key = |ws: Vec<Word<'_>>| -> Vec<(usize, usize, String, bool, bool)> {
            ws.iter()
                .map(|w| {
                    (
                        w.start,
                        w.end,
                        w.text.to_owned(),
                        w.comma_after,
                        w.stop_after,
                    )
                })
                .collect()
        };
        for s in [
            "Russian Foreign Minister Sergei Lavrov said on Friday, (in Geneva) that",
            "U.S. Gen. J. Smith \u{2014} the envoy \u{2014} told [reporters]: no.",
            "\u{201c}We agreed,\u{201d} he said; caf\u{e9}. 1,000 x.\u{2019}s (said",
            "\tvertical\x0btab , . -- end.",
        ] {
            // A trailing no-break space sends the text to the Unicode splitter.
            let unicode = format!("{s}\u{a0}");
            for max in [2, 5, usize::MAX] {
                assert_eq!(
                    key(words_upto(s, 0, s.len(), max)),
                    key(words_upto(&unicode, 0, unicode.len(), max)),
                    "{s:?}"
                );
            }
        }
    }
}
