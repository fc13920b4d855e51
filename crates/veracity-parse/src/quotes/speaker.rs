//! The grammar of speaker phrases beside a cue verb: a name with its title
//! or appositive role ("Russian Foreign Minister Sergei Lavrov", "Hollis
//! Grange, a water economist"), an organisation ("the State Department"), a
//! pronoun, "the minister", or a description ("a Pentagon spokesman").

use super::lexicon::{
    ARTICLES, BETWEEN_SPEAKER_AND_CUE, NOT_NAMES, ORGANISATION_WORDS, ROLE_LINK_WORDS, ROLE_NOUNS,
    ROLE_WORDS, SUBJECT_PRONOUNS,
};
use super::words::{Word, capitalised, is_possessive, lower, span_of};
use veracity_model::Span;
use veracity_text::scan::word_set;

/// Who a quote is attributed to, before resolution.
#[derive(Debug, Clone)]
pub(super) enum Who {
    /// A name (a person's or an organisation's) printed beside the cue.
    Name {
        name: String,
        role: Option<String>,
        span: Span,
        /// Where the whole phrase (role and name) starts.
        from: usize,
    },
    /// The claimant of a claim a fact-check reviews, for a quote of that
    /// claim with no speaker beside it: named nowhere near the quote.
    Claimant {
        name: String,
        role: Option<String>,
    },
    Pronoun(Span),
    /// "the minister", "the foreign minister": lower-case words after "the".
    Descriptor {
        head: String,
        span: Span,
    },
    /// A described speaker with an article and a role noun: "a Pentagon
    /// spokesman", "the Russian foreign minister".
    Described {
        /// The whole description.
        span: Span,
        /// The description without its article: the role.
        role: Span,
    },
}

impl Who {
    /// Where the speaker phrase starts in the text; a claimant has none.
    pub(super) fn start(&self) -> Option<usize> {
        match self {
            Who::Name { from, .. } => Some(*from),
            Who::Claimant { .. } => None,
            Who::Pronoun(span) | Who::Descriptor { span, .. } | Who::Described { span, .. } => {
                Some(span.start())
            }
        }
    }
}

/// True when the speaker phrase starts at the first word of `ws` (or the
/// second, after "the").
pub(super) fn phrase_opens(who: &Who, ws: &[Word<'_>]) -> bool {
    let Some(start) = who.start() else {
        return false;
    };
    ws.first().is_some_and(|w| w.start == start)
        || (ws.len() > 1 && ws[0].text.eq_ignore_ascii_case("the") && ws[1].start == start)
}

/// A word that may be part of a person's name.
pub(super) fn name_token(w: &str) -> bool {
    capitalised(w)
        && !is_possessive(w)
        && !word_set!(NOT_NAMES).contains_lower(w)
        && !word_set!(ROLE_WORDS).contains_lower(w)
}

/// A role printed as an appositive, without its leading article(s).
fn without_article(role: &str) -> &str {
    role.trim_start_matches("a ")
        .trim_start_matches("an ")
        .trim_start_matches("the ")
}

/// "a Pentagon spokesman", "the Russian foreign minister", "a senior State
/// Department official": an article, at most four qualifiers (capitalised
/// words or role words) and a role noun, ending `ws`.
fn described(text: &str, ws: &[Word<'_>]) -> Option<Who> {
    let noun = ws.last()?;
    if !word_set!(ROLE_NOUNS).contains(noun.text) {
        return None;
    }
    let mut k = ws.len() - 1;
    while k > 0 && ws.len() - 1 - k <= 4 {
        let w = &ws[k - 1];
        if w.comma_after || w.stop_after {
            return None;
        }
        if word_set!(ARTICLES).contains_lower(w.text) {
            return Some(Who::Described {
                span: span_of(text, w, noun)?,
                role: span_of(text, &ws[k], noun)?,
            });
        }
        let qualifier = (capitalised(w.text)
            && !is_possessive(w.text)
            && !word_set!(NOT_NAMES).contains_lower(w.text))
            || word_set!(ROLE_WORDS).contains(w.text);
        if !qualifier {
            return None;
        }
        k -= 1;
    }
    None
}

/// Parses a speaker phrase from `ws` (in order), which must end right
/// before a cue.
pub(super) fn speaker_before(text: &str, ws: &[Word<'_>]) -> Option<Who> {
    // Skip adverbs between the speaker and the cue, keeping one word.
    let mut end = ws.len();
    while end > 1 && word_set!(BETWEEN_SPEAKER_AND_CUE).contains_lower(ws[end - 1].text) {
        end -= 1;
    }
    let ws = &ws[..end];
    let last = ws.last()?;
    if last.stop_after {
        return None;
    }
    if word_set!(SUBJECT_PRONOUNS).contains_lower(last.text) {
        return Some(Who::Pronoun(span_of(text, last, last)?));
    }
    // Appositive: "Jennifer Cararella, an analyst at ..., told".
    if last.comma_after {
        let close = ws.len() - 1;
        let open = (0..close).rev().find(|&i| ws[i].comma_after)?;
        if close - open > 14 {
            return None;
        }
        let role_text = &text[ws[open + 1].start..last.end];
        // "Kerry, who is in Paris, told": a relative clause, not a role.
        let relative = ws[open + 1].text.eq_ignore_ascii_case("who");
        let role = without_article(role_text).trim().to_owned();
        let who = speaker_before(
            text,
            &ws[..=open]
                .iter()
                .map(|w| Word {
                    comma_after: false,
                    ..*w
                })
                .collect::<Vec<_>>(),
        )?;
        return Some(match who {
            Who::Name {
                name,
                role: r,
                span,
                from,
            } => Who::Name {
                name,
                role: r.or((!relative).then_some(role)),
                span,
                from,
            },
            other => other,
        });
    }
    // "the minister", "the foreign minister", "the ministry".
    let mut k = ws.len();
    let mut lowers = 0;
    while k > 0 && lowers < 3 {
        let w = ws[k - 1].text;
        if w.eq_ignore_ascii_case("the") {
            if lowers == 0 {
                return None;
            }
            return Some(Who::Descriptor {
                head: lower(&text[ws[k].start..last.end])
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                span: span_of(text, &ws[k - 1], last)?,
            });
        }
        if capitalised(w) || ws[k - 1].comma_after || ws[k - 1].stop_after && k < ws.len() {
            break;
        }
        lowers += 1;
        k -= 1;
    }
    // "a Pentagon spokesman" (a phrase ending in a lower-case word has no
    // name in it: this only adds to what the rules below find).
    if let Some(who) = described(text, ws) {
        return Some(who);
    }
    // Names: a run of capitalised tokens, then a role before it.
    let mut i = ws.len();
    while i > 0 {
        let w = &ws[i - 1];
        let ok = capitalised(w.text)
            && !is_possessive(w.text)
            && !word_set!(NOT_NAMES).contains_lower(w.text);
        if !ok || (i < ws.len() && (w.comma_after || w.stop_after)) {
            break;
        }
        i -= 1;
    }
    let run = &ws[i..];
    if run.is_empty() {
        return None;
    }
    if word_set!(ORGANISATION_WORDS).contains_lower(run[run.len() - 1].text) {
        let mut start = 0;
        // Leading role words do not belong to an organisation name.
        while start + 1 < run.len()
            && word_set!(ROLE_WORDS).contains_lower(run[start].text)
            && !word_set!(ORGANISATION_WORDS).contains_lower(run[start].text)
        {
            start += 1;
        }
        // A "the" before the run ("the U.S. State Department") is left out.
        let span = span_of(text, &run[start], &run[run.len() - 1])?;
        return Some(Who::Name {
            name: text[span.start()..span.end()].to_owned(),
            role: None,
            span,
            from: span.start(),
        });
    }
    // Name: trailing name tokens (at most 4), the rest is role.
    let mut n = run.len();
    let mut count = 0;
    while n > 0 && count < 4 && name_token(run[n - 1].text) {
        n -= 1;
        count += 1;
    }
    if count == 0 {
        return None;
    }
    let name_span = span_of(text, &run[n], &run[run.len() - 1])?;
    // Role: the capitalised rest of the run, and lower-case role words
    // before it ("geopolitical analyst", "former Syrian prime minister").
    let mut r = i;
    while r > 0 {
        let w = &ws[r - 1];
        if w.comma_after
            || w.stop_after
            || !(word_set!(ROLE_WORDS).contains_lower(w.text)
                || (capitalised(w.text) && !word_set!(NOT_NAMES).contains_lower(w.text)))
            || is_possessive(w.text)
        {
            break;
        }
        r -= 1;
    }
    while r < n && word_set!(ROLE_LINK_WORDS).contains_lower(ws[r].text) {
        r += 1;
    }
    let role = (r < i + n).then(|| text[ws[r].start..ws[i + n - 1].end].trim().to_owned());
    let role = role.filter(|r| !r.is_empty());
    let from = if role.is_some() {
        ws[r].start
    } else {
        name_span.start()
    };
    Some(Who::Name {
        name: text[name_span.start()..name_span.end()].to_owned(),
        role,
        span: name_span,
        from,
    })
}

/// A speaker right after a cue: "said Hollis Grange, a water economist",
/// "said former Syrian prime minister Riad Hijab", "said he".
pub(super) fn speaker_after(text: &str, ws: &[Word<'_>]) -> Option<Who> {
    let first = ws.first()?;
    if word_set!(SUBJECT_PRONOUNS).contains_lower(first.text) {
        return Some(Who::Pronoun(span_of(text, first, first)?));
    }
    let mut k = 0;
    while k < ws.len() && k < 8 {
        let w = &ws[k];
        let ok = capitalised(w.text) || word_set!(ROLE_WORDS).contains_lower(w.text);
        if !ok || is_possessive(w.text) {
            break;
        }
        k += 1;
        if w.comma_after || w.stop_after {
            break;
        }
    }
    if k == 0 {
        return None;
    }
    let phrase: Vec<Word<'_>> = ws[..k]
        .iter()
        .map(|w| Word {
            comma_after: false,
            stop_after: false,
            ..*w
        })
        .collect();
    let who = speaker_before(text, &phrase)?;
    // Appositive role after a comma: "Hollis Grange, a water economist at ...".
    if let Who::Name {
        name,
        role: None,
        span,
        from,
    } = &who
        && ws[k - 1].comma_after
        && k < ws.len()
    {
        let mut e = k;
        while e < ws.len() && e - k < 14 {
            e += 1;
            if ws[e - 1].comma_after || ws[e - 1].stop_after {
                break;
            }
        }
        let first = lower(ws[k].text);
        // "Kerry, who is in Paris": a relative clause, not a role.
        if first == "who" {
            return Some(who);
        }
        if ARTICLES.contains(&first.as_str()) || ROLE_WORDS.contains(&first.as_str()) {
            let role = without_article(&text[ws[k].start..ws[e - 1].end]).to_owned();
            return Some(Who::Name {
                name: name.clone(),
                role: Some(role),
                span: *span,
                from: *from,
            });
        }
    }
    Some(who)
}
