//! Direct quotes: the words between quotation marks, attributed to the
//! speaker beside them in the same sentence (after the quote, or before
//! it), or else to the claimant of a reviewed claim that the quote repeats.

use super::indirect::adding_that;
use super::prefilter::has_cue_run;
use super::speaker::{Who, phrase_opens, speaker_after, speaker_before};
use super::words::{context_start, is_cue, lower, words, words_upto};
use super::{Found, KnownClaim, trim_span};
use veracity_model::Span;

/// Where one direct quote is printed.
#[derive(Debug, Clone, Copy)]
pub(super) struct Marked {
    /// The words between the marks, untrimmed.
    pub(super) content: Span,
    /// From the opening mark to the end of the closing one (or of the
    /// paragraph, for a quote left open).
    pub(super) marks: Span,
}

/// The closing mark that goes with an opening one.
fn close_of(open: char) -> Option<char> {
    match open {
        '\u{201c}' => Some('\u{201d}'),
        '\u{ab}' => Some('\u{bb}'),
        '\u{201e}' => Some('\u{201c}'),
        '"' => Some('"'),
        _ => None,
    }
}

/// The direct quotes of the paragraph `paragraph` of `text`.
pub(super) fn marked_in(text: &str, paragraph: Span) -> Vec<Marked> {
    let mut out = Vec::new();
    let Some(para) = paragraph.slice(text) else {
        return out;
    };
    let base = paragraph.start();
    // Offsets within `para` (at its marks, so on char boundaries).
    let marked = |mark: usize, content: usize, content_end: usize, mark_end: usize| {
        Some(Marked {
            content: Span::new(text, base + content, base + content_end).ok()?,
            marks: Span::new(text, base + mark, base + mark_end).ok()?,
        })
    };
    // Opening mark start, content start, closing mark.
    let mut open: Option<(usize, usize, char)> = None;
    // Every quotation mark starts with one of these bytes; no other char
    // changes the state.
    for i in memchr::memchr3_iter(b'"', 0xC2, 0xE2, para.as_bytes()) {
        let Some(c) = para.get(i..).and_then(|r| r.chars().next()) else {
            continue;
        };
        match open {
            None => {
                if let Some(close) = close_of(c) {
                    open = Some((i, i + c.len_utf8(), close));
                }
            }
            Some((mark, content, close)) => {
                if c == close {
                    out.extend(marked(mark, content, i, i + c.len_utf8()));
                    open = None;
                } else if c == '\u{201c}' && close == '\u{201d}' {
                    // A new opening mark before a close: restart there.
                    open = Some((i, i + c.len_utf8(), close));
                }
            }
        }
    }
    if let Some((mark, content, _)) = open {
        out.extend(marked(mark, content, para.len(), para.len()));
    }
    out
}

/// The claims a fact-check reviews, with their text normalised once for
/// matching against quotes.
pub(super) struct Claimants<'a> {
    claims: &'a [KnownClaim],
    normalised: Vec<String>,
}

impl<'a> Claimants<'a> {
    pub(super) fn new(claims: &'a [KnownClaim]) -> Self {
        Claimants {
            claims,
            normalised: claims.iter().map(|k| normal(&k.claim)).collect(),
        }
    }

    /// The claim that `quote` repeats, or is part of.
    fn repeated_by(&self, quote: &str) -> Option<&'a KnownClaim> {
        if self.claims.is_empty() {
            return None;
        }
        let q = normal(quote);
        self.claims
            .iter()
            .zip(&self.normalised)
            .find(|(_, c)| {
                // The length test first: it spares most substring searches.
                !c.is_empty()
                    && q.len() * 2 >= c.len()
                    && (c.contains(&q) || q.contains(c.as_str()))
            })
            .map(|(k, _)| k)
    }
}

/// Letters and digits, lower-cased: what a quote and a claim are compared on.
fn normal(s: &str) -> String {
    // ASCII (most text): the same tests and case mapping, on bytes.
    if s.is_ascii() {
        return s
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The sentence holding byte `at`.
fn sentence_of(sentences: &[Span], at: usize) -> Option<Span> {
    let i = sentences.partition_point(|s| s.end() <= at);
    sentences.get(i).copied().filter(|s| s.start() <= at)
}

/// An indirect quote (", adding that CLAUSE") after a direct quote's
/// speaker: the clause, the participle, and the speaker.
type Adding = (Span, String, Who);

/// Adds the direct quotes of paragraph `pi` (printed at `quoted`) with
/// their speakers to `found`, then the ", adding that ..." clauses after
/// those speakers as indirect quotes.
pub(super) fn quotes(
    text: &str,
    pi: usize,
    paragraphs: &[Span],
    sentences: &[Span],
    quoted: &[Marked],
    claimants: &Claimants<'_>,
    found: &mut Vec<Found>,
) {
    let p = paragraphs[pi];
    let mut adding: Vec<Adding> = Vec::new();
    for (qi, q) in quoted.iter().enumerate() {
        let Some(content) = trim_span(text, q.content.start(), q.content.end()) else {
            continue;
        };
        let attribution = said_after(text, sentences, quoted, qi, &mut adding)
            .or_else(|| said_before(text, pi, paragraphs, sentences, quoted, qi));
        let (mut who, cue) = match attribution {
            Some((who, cue)) => (Some(who), Some(cue)),
            None => (None, None),
        };
        // The claim a fact-check reviews: its claimant.
        if who.is_none()
            && let Some(k) = claimants.repeated_by(&text[content.start()..content.end()])
        {
            who = Some(Who::Claimant {
                name: k.name.clone(),
                role: k.role.clone(),
            });
        }
        let continuation = who.is_none() && (qi > 0 || q.marks.start() == p.start());
        // Counted only for a quote without a speaker.
        let short = who.is_none()
            && veracity_text::scan::word_count(&text[content.start()..content.end()]) < 4;
        if short {
            continue;
        }
        found.push(Found {
            content,
            who,
            cue,
            direct: true,
            paragraph: pi,
            continuation,
        });
    }
    for (content, cue, who) in adding {
        found.push(Found {
            content,
            who: Some(who),
            cue: Some(cue),
            direct: false,
            paragraph: pi,
            continuation: false,
        });
    }
}

/// The speaker right after quote `qi` in its sentence, with the cue:
/// `," Lavrov said`, `," said Lavrov`, `," he said`. A ", adding that ..."
/// clause after them goes to `adding`.
fn said_after(
    text: &str,
    sentences: &[Span],
    quoted: &[Marked],
    qi: usize,
    adding: &mut Vec<Adding>,
) -> Option<(Who, String)> {
    let quote_end = quoted[qi].marks.end();
    let sent = sentence_of(sentences, quote_end.saturating_sub(1))?;
    let right_end = quoted
        .get(qi + 1)
        .map_or(sent.end(), |next| next.marks.start().min(sent.end()))
        .max(quote_end);
    // Nothing reads past the 24th word after the quote; no words are needed
    // without a cue.
    let ws = if text.get(quote_end..right_end).is_some_and(has_cue_run) {
        words_upto(text, quote_end, right_end, 40)
    } else {
        Vec::new()
    };
    let ci = ws.iter().take(12).position(|w| is_cue(w.text))?;
    let who = if ci == 0 {
        speaker_after(text, &ws[1..])
    } else if !ws[..ci].iter().any(|w| w.stop_after) {
        // The speaker must follow the quote directly.
        speaker_before(text, &ws[..ci]).filter(|who| phrase_opens(who, &ws[..ci]))
    } else {
        None
    }?;
    if let Some((content, participle)) = adding_that(text, &ws[ci + 1..], sent.end()) {
        adding.push((content, participle, who.clone()));
    }
    Some((who, lower(ws[ci].text)))
}

/// The speaker before quote `qi`, with the cue: `Lavrov said: "`, `X, an
/// analyst, told "`, or `she said:` ending the previous paragraph when the
/// quote opens its own.
fn said_before(
    text: &str,
    pi: usize,
    paragraphs: &[Span],
    sentences: &[Span],
    quoted: &[Marked],
    qi: usize,
) -> Option<(Who, String)> {
    let p = paragraphs[pi];
    let quote_start = quoted[qi].marks.start();
    let prev_end = if qi > 0 {
        quoted[qi - 1].marks.end()
    } else {
        p.start()
    };
    let mut left_start = sentence_of(sentences, quote_start)
        .map_or(p.start(), |s| s.start())
        .max(prev_end);
    let mut ctx_end = quote_start;
    if left_start >= quote_start && quote_start == p.start() && pi > 0 {
        // A quote paragraph introduced by "..., she said:".
        let prev = paragraphs[pi - 1];
        if text[prev.start()..prev.end()].ends_with(':')
            && let Some(s) = sentence_of(sentences, prev.end() - 1)
        {
            left_start = s.start();
            ctx_end = prev.end();
        }
    }
    let left_start = context_start(text, left_start, ctx_end);
    let ws = if text.get(left_start..ctx_end).is_some_and(has_cue_run) {
        words(text, left_start, ctx_end)
    } else {
        Vec::new()
    };
    let ci = ws
        .iter()
        .rposition(|w| is_cue(w.text))
        .filter(|&ci| ws.len() - ci <= 16)?;
    let mut who = speaker_before(text, &ws[..ci]);
    if who.is_none() && ws[..ci].len() <= 1 {
        who = speaker_after(text, &ws[ci + 1..]);
    }
    Some((who?, lower(ws[ci].text)))
}
