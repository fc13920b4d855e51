//! Sentences with byte spans, splitting at terminal punctuation but not
//! after abbreviations ("U.S.", "Gen.", "Dr.", "No. 3", "a.m."), initials
//! ("J. R. Smith") or inside a number; a closing quote or bracket after the
//! punctuation stays with its sentence.

use crate::lexicon::{ABBREVIATIONS, NUMBER_ABBREVIATIONS};
use veracity_model::Span;

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']' | '\u{bb}'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201c}' | '\u{2018}' | '(' | '[' | '\u{ab}'
    )
}

/// The word (letters and inner periods) ending right before byte `dot`.
fn word_before(text: &str, dot: usize) -> &str {
    let head = &text[..dot];
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[start..]
}

/// True when the period at byte `dot` (followed by white space and then
/// `next`) does not end a sentence.
fn period_continues(text: &str, dot: usize, next: char) -> bool {
    let word = word_before(text, dot);
    if word.is_empty() {
        return false;
    }
    let last = word.rsplit('.').next().unwrap_or(word);
    // Initials and dotted abbreviations: "J.", "U.S.", "a.m." (a.m./p.m.
    // end a sentence only when a capitalised word follows).
    if word.contains('.') {
        let lower = word.to_ascii_lowercase();
        if lower == "a.m" || lower == "p.m" {
            return !next.is_uppercase();
        }
        return true;
    }
    let mut chars = last.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true;
    }
    if ABBREVIATIONS.set().contains_ascii_lower(last) {
        return true;
    }
    if NUMBER_ABBREVIATIONS.set().contains_ascii_lower(last) {
        return next.is_ascii_digit();
    }
    false
}

/// Sentence spans of `text`, within each paragraph span.
pub fn sentences(text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for p in paragraphs {
        let Some(para) = p.slice(text) else { continue };
        split_paragraph(text, p.start(), para, &mut out);
    }
    out
}

/// Sentence spans of a plain text whose paragraphs are separated by blank
/// lines (a text that came without paragraph spans).
pub fn sentences_of_plain_text(text: &str) -> Vec<Span> {
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices("\n\n") {
        paragraphs.extend(Span::new(text, start, at));
        start = at + 2;
    }
    paragraphs.extend(Span::new(text, start, text.len()));
    sentences(text, &paragraphs)
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    out.extend(Span::trimmed(text, start, end));
}

/// The first terminal punctuation mark (`.`, `?`, `!`, `…`) at or after
/// byte `from`; `ellipsis` says whether `para` has a `…` at all, since
/// without one a SIMD search for three bytes finds them.
fn next_terminal(para: &str, from: usize, ellipsis: bool) -> Option<usize> {
    let bytes = para.as_bytes();
    let rest = bytes.get(from..)?;
    if !ellipsis {
        return memchr::memchr3(b'.', b'?', b'!', rest).map(|k| from + k);
    }
    (from..bytes.len()).find(|&i| {
        matches!(bytes[i], b'.' | b'?' | b'!')
            || (bytes[i] == 0xE2 && para.get(i..).is_some_and(|r| r.starts_with('\u{2026}')))
    })
}

fn split_paragraph(text: &str, base: usize, para: &str, out: &mut Vec<Span>) {
    let bytes = para.as_bytes();
    let ellipsis = para.contains('\u{2026}');
    let mut start = 0;
    let mut i = 0;
    while let Some(at) = next_terminal(para, i, ellipsis) {
        i = at;
        let b = bytes[i];
        let term_at = i;
        // Run of terminal punctuation, then closing quotes/brackets.
        let mut j = i;
        while j < bytes.len() {
            let c = para[j..].chars().next().unwrap_or(' ');
            if matches!(c, '.' | '?' | '!' | '\u{2026}') || is_closer(c) {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        let end = j;
        // White space, then what starts the next sentence.
        let rest = &para[end..];
        let ws = rest.len() - rest.trim_start().len();
        if ws == 0 || end + ws >= para.len() {
            i = end.max(i + 1);
            continue;
        }
        let mut next_chars = rest[ws..].chars();
        let mut next = next_chars.next().unwrap_or(' ');
        if is_opener(next) {
            next = next_chars.next().unwrap_or(' ');
        }
        let starts_sentence = next.is_uppercase() || next.is_ascii_digit() || is_opener(next);
        let single_period = b == b'.' && end == term_at + 1;
        if starts_sentence && !(single_period && period_continues(para, term_at, next)) {
            push_trimmed(text, base + start, base + end, out);
            start = end + ws;
        }
        i = end.max(i + 1);
    }
    push_trimmed(text, base + start, base + para.len(), out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        let spans = sentences(s, &[Span::whole(s)]);
        spans.iter().map(|sp| &s[sp.start()..sp.end()]).collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            split("The U.S. Army sent Brig. Gen. Harold Voss. He spoke."),
            vec!["The U.S. Army sent Brig. Gen. Harold Voss.", "He spoke."]
        );
        assert_eq!(
            split("Dr. Hollis Grange met J. R. Smith at 8 a.m. on Monday. Train No. 3 broke."),
            vec![
                "Dr. Hollis Grange met J. R. Smith at 8 a.m. on Monday.",
                "Train No. 3 broke."
            ]
        );
        assert_eq!(
            split("It cost $4.50 per day. No. It did not."),
            vec!["It cost $4.50 per day.", "No.", "It did not."]
        );
    }

    #[test]
    fn quotes_end_sentences() {
        assert_eq!(
            split(
                "\u{201c}We will win.\u{201d} Then he left. \"Why?\" she asked. \"Fine,\" he said."
            ),
            vec![
                "\u{201c}We will win.\u{201d}",
                "Then he left.",
                "\"Why?\" she asked.",
                "\"Fine,\" he said."
            ]
        );
    }

    #[test]
    fn multibyte_text_is_safe() {
        let s = "Zürich… Ça va? Oui — très bien. 日本語。";
        for sp in sentences(s, &[Span::whole(s)]) {
            assert!(sp.check(s).is_ok());
        }
    }
}
