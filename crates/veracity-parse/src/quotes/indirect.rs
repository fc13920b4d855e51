//! Indirect speech: "SPEAKER CUE [object] that CLAUSE" and "CLAUSE,
//! SPEAKER CUE", and ", adding that CLAUSE" after a direct quote's speaker.

use super::lexicon::{CLAUSE_OPENERS, OBJECT_AND_ADVERBIAL_WORDS, REPORTING_PARTICIPLES};
use super::prefilter::{may_report, thats_in};
use super::speaker::{Who, phrase_opens, speaker_after, speaker_before};
use super::words::{Word, capitalised, is_cue, lower, words};
use super::{Found, trim_span};
use veracity_model::Span;
use veracity_text::scan::word_set;

/// Adds the indirect speech in the sentences of paragraph `pi` (`p`) to
/// `found`. `direct` are the paragraph's direct quotes; `thats` where the
/// text's "that"s start.
pub(super) fn reported(
    text: &str,
    pi: usize,
    p: Span,
    sentences: &[Span],
    direct: &[Span],
    thats: &[usize],
    found: &mut Vec<Found>,
) {
    let first = sentences.partition_point(|s| s.end() <= p.start());
    for s in sentences[first..]
        .iter()
        .take_while(|s| s.start() < p.end())
    {
        let sent = &text[s.start()..s.end()];
        // Where the first direct quote in the sentence starts, if any: only
        // "SPEAKER CUE that ..." with the quote inside the clause is read.
        // The quotes are in text order and do not overlap, so the first
        // one ending after the sentence starts is the only candidate (a
        // scan of them all is quadratic in a paragraph of many quotes).
        let overlapping = direct.partition_point(|d| d.end() <= s.start());
        let quoted_from = direct
            .get(overlapping)
            .filter(|d| d.start() < s.end())
            .map(|d| d.start());
        if sent.len() < 20
            || sent.starts_with(['"', '\u{201c}'])
            || !may_report(sent, thats_in(sent, s.start(), thats))
        {
            continue;
        }
        let ws = words(text, s.start(), s.end());
        if let Some(quote) = cue_that(text, *s, &ws, quoted_from, pi) {
            found.push(quote);
            continue;
        }
        if quoted_from.is_some() {
            continue;
        }
        found.extend(clause_then_cue(text, *s, &ws, pi));
    }
}

/// Forward: "SPEAKER CUE [object] that CLAUSE" in sentence `s` (words
/// `ws`), the first cue that is followed closely by "that".
fn cue_that(
    text: &str,
    s: Span,
    ws: &[Word<'_>],
    quoted_from: Option<usize>,
    pi: usize,
) -> Option<Found> {
    // The first "that" after the word: a cue is looked up only where one
    // follows closely.
    let mut ti = 0;
    for (ci, w) in ws.iter().enumerate().take(30) {
        if ti <= ci {
            let rest = &ws[ci + 1..];
            ti = ci
                + 1
                + rest
                    .iter()
                    .position(|x| x.text.eq_ignore_ascii_case("that"))
                    .unwrap_or(rest.len());
        }
        // "told reporters in Geneva on Friday that": an object and
        // adverbials of up to nine words before "that".
        if ci == 0 || ti - ci > 10 || ti == ws.len() || !is_cue(w.text) {
            continue;
        }
        // A clause that is all quote ("stressed that “...”") is the direct
        // quote's already.
        let clause_quoted = quoted_from
            .is_some_and(|q| q < ws[ti].end || text[ws[ti].end..q].trim().chars().count() <= 1);
        // Past six words, only an object and adverbials may stand between
        // the cue and "that" (not "the asteroid that").
        let far = ti - ci > 7
            && !ws[ci + 1..ti].iter().all(|x| {
                capitalised(x.text) || word_set!(OBJECT_AND_ADVERBIAL_WORDS).contains_lower(x.text)
            });
        if ws[ci..ti].iter().any(|x| x.stop_after) || ti + 1 >= ws.len() || clause_quoted || far {
            continue;
        }
        let Some(who) = speaker_before(text, &ws[..ci]) else {
            continue;
        };
        let Some(subject_start) = who.start() else {
            continue;
        };
        if !opens_clause(&text[s.start()..subject_start]) {
            continue;
        }
        // The first cue with a speaker decides: no later one is tried.
        let content = trim_span(text, ws[ti + 1].start, s.end()).map(|c| strip_final(text, c))?;
        return Some(Found {
            content,
            who: Some(who),
            cue: Some(lower(w.text)),
            direct: false,
            paragraph: pi,
            continuation: false,
        });
    }
    None
}

/// True when the speaker opens its clause: `before`, the sentence up to the
/// speaker phrase, is empty, ends in a comma, or holds only clause openers
/// ("But the minister said that").
fn opens_clause(before: &str) -> bool {
    let before = before.trim_end();
    let before = before
        .strip_suffix(" the")
        .or_else(|| before.strip_suffix(" The"))
        .unwrap_or(before)
        .trim_end();
    let before = if before.eq_ignore_ascii_case("the") {
        ""
    } else {
        before
    };
    before.is_empty()
        || before.ends_with(',')
        || before
            .split_whitespace()
            .all(|x| CLAUSE_OPENERS.contains(&lower(x).as_str()))
}

/// Backward: "CLAUSE, SPEAKER CUE [...]." or "CLAUSE, CUE SPEAKER." in
/// sentence `s` (words `ws`), after its last comma.
fn clause_then_cue(text: &str, s: Span, ws: &[Word<'_>], pi: usize) -> Option<Found> {
    let comma = ws.iter().rposition(|w| w.comma_after)?;
    let tail = &ws[comma + 1..];
    if tail.is_empty() || comma < 3 {
        return None;
    }
    let ci = tail.iter().take(8).position(|w| is_cue(w.text))?;
    let who = if ci == 0 {
        speaker_after(text, &tail[1..])
    } else {
        speaker_before(text, &tail[..ci])
    }?;
    // The speaker phrase must open the tail: ", Lavrov said", ", the
    // minister added"; "said she" is not an attribution.
    if (ci > 0 && !phrase_opens(&who, tail)) || (ci == 0 && matches!(who, Who::Pronoun(_))) {
        return None;
    }
    let head = &text[s.start()..ws[comma].end];
    if head.contains(['"', '\u{201c}', '\u{201d}']) {
        return None;
    }
    let content = trim_span(text, s.start(), ws[comma].end)?;
    Some(Found {
        content,
        who: Some(who),
        cue: Some(lower(tail[ci].text)),
        direct: false,
        paragraph: pi,
        continuation: false,
    })
}

/// ", adding that CLAUSE" in the words after a cue (`ws`), up to `end`:
/// the clause and the participle.
pub(super) fn adding_that(text: &str, ws: &[Word<'_>], end: usize) -> Option<(Span, String)> {
    for (i, w) in ws.iter().enumerate().skip(1) {
        if ws[i - 1].stop_after {
            return None;
        }
        if !ws[i - 1].comma_after
            || !word_set!(REPORTING_PARTICIPLES).contains(w.text)
            || w.stop_after
        {
            continue;
        }
        let that = ws
            .get(i + 1)
            .filter(|t| t.text.eq_ignore_ascii_case("that"))?;
        let content = trim_span(text, that.end, end).map(|c| strip_final(text, c))?;
        return Some((content, w.text.to_owned()));
    }
    None
}

/// `span` without the final `.`, `!` or `?` of its sentence.
fn strip_final(text: &str, span: Span) -> Span {
    let s = &text[span.start()..span.end()];
    let t = s.trim_end_matches(['.', '!', '?']);
    // Only ASCII marks are cut, so the end stays on a char boundary.
    Span::new(
        text,
        span.start(),
        span.start() + t.len().max(1).min(s.len()),
    )
    .unwrap_or(span)
}
