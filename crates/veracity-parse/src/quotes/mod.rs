//! Quotes: direct quotes (straight or curly marks, spanning sentences, with
//! [bracketed] insertions) and indirect speech ("Lavrov said that ..."),
//! each with its speaker (name and role), cue verb, and pronouns or
//! descriptions ("he said", "the minister added") resolved to the last
//! compatible named speaker, or left unresolved.
//!
//! [`find`] reads each paragraph for [`direct`] quotes and [`indirect`]
//! speech, then [`resolve`]s the speaker phrases in text order. The word
//! lists are all in [`lexicon`], the tokenizer is [`words`], the byte-level
//! prechecks that spare most sentences the tokenizer are [`prefilter`], and
//! the grammar of speaker phrases is [`speaker`].

mod direct;
mod indirect;
mod lexicon;
mod prefilter;
mod resolve;
mod speaker;
#[cfg(test)]
mod tests;
mod words;

use speaker::Who;
use veracity_model::{Quote, Span};

/// A claim a fact-check reviews, with its claimant: the quoted claim in the
/// text is attributed to them.
#[derive(Debug, Clone)]
pub(crate) struct KnownClaim {
    pub claim: String,
    pub name: String,
    pub role: Option<String>,
}

/// A quote found, before its speaker is resolved.
#[derive(Debug, Clone)]
struct Found {
    content: Span,
    who: Option<Who>,
    cue: Option<String>,
    direct: bool,
    paragraph: usize,
    /// Follows the previous quote's speaker when it has none of its own.
    continuation: bool,
}

/// Finds the quotes of a document.
pub(crate) fn find(
    text: &str,
    paragraphs: &[Span],
    sentences: &[Span],
    claims: &[KnownClaim],
) -> Vec<Quote> {
    let mut found: Vec<Found> = Vec::new();
    let claimants = direct::Claimants::new(claims);
    let thats = prefilter::thats(text);
    for (pi, p) in paragraphs.iter().enumerate() {
        if p.check(text).is_err() {
            continue;
        }
        // No quotation mark: no quotes, and indirect speech with nothing
        // to avoid.
        let quoted = direct::marked_in(text, *p);
        direct::quotes(
            text, pi, paragraphs, sentences, &quoted, &claimants, &mut found,
        );
        let inside: Vec<Span> = quoted.iter().map(|q| q.content).collect();
        indirect::reported(text, pi, *p, sentences, &inside, &thats, &mut found);
    }
    found.sort_by_key(|f| (f.content.start(), f.content.end()));
    resolve::resolve(text, found, claims)
}

/// `text[start..end]` without the white space around it and trailing
/// commas, or `None` when nothing is left.
fn trim_span(text: &str, start: usize, end: usize) -> Option<Span> {
    let s = text.get(start..end)?;
    let lead = s.len() - s.trim_start().len();
    let t = s.trim().trim_end_matches([',', ' ']);
    let t = t.trim_end();
    if t.is_empty() {
        return None;
    }
    Span::new(text, start + lead, start + lead + t.len()).ok()
}
