//! Negation scope over the lowercase words of [`crate::words::words`]: which
//! predicate each negation denies ("has not been inspected": "inspected";
//! "did not even target": "target"), in active and passive clauses alike.
//!
//! Not denials: "not only" / "not just" (an addition), "without" before a
//! noun (a preposition: "without Kestrel Point"), and orders or
//! requests reported ("not to" + verb, "to not", a negation shortly after a
//! modal of obligation: "they told us not to hit it",
//! "Russia should use caution and not strike those groups" say nothing about
//! whether anything was hit).

use crate::lexicon::{
    DEONTIC_MODALS, DETERMINERS, LIGHT_VERBS, NEGATED_AUXILIARIES, NEGATION_EXCEPTIONS, NEGATIONS,
    SCOPE_ADVERBS,
};
use crate::words;
use std::borrow::Cow;

/// Words after a negation searched for its predicate.
pub const PREDICATE_REACH: usize = 4;
/// Words before a negation searched for a modal of obligation that makes it
/// an order ("should use caution and not strike"). Verbs of asking are not
/// searched: "told reporters the dam was not closed" is a report of fact;
/// "asked them not to" is caught by its "to".
pub const ORDER_REACH: usize = 5;

/// True when `words[i]` negates what follows ("not", "never", the "t" of
/// "don't").
pub fn is_negation(words: &[String], i: usize) -> bool {
    let Some(w) = words.get(i) else {
        return false;
    };
    let negator =
        NEGATIONS.contains(w) || (w == "t" && i > 0 && NEGATED_AUXILIARIES.contains(&words[i - 1]));
    negator
        && !words
            .get(i + 1)
            .is_some_and(|n| NEGATION_EXCEPTIONS.contains(n))
}

/// A negation and the predicate it denies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Denial {
    /// Index of the negating word.
    pub negation: usize,
    /// Index of the predicate.
    pub predicate: usize,
    /// The predicate's term (stem).
    pub term: String,
}

/// The denials of a text's words: for each negation (not one that reports
/// an order, "not to ..."), the first content word after it, adverbs
/// skipped, within [`PREDICATE_REACH`] words.
pub fn denials(words: &[String]) -> Vec<Denial> {
    let mut out = Vec::new();
    for i in 0..words.len() {
        if !is_negation(words, i) || is_order(words, i) {
            continue;
        }
        let reach = words.len().min(i + 1 + PREDICATE_REACH);
        let mut found = None;
        for j in i + 1..reach {
            let w = &words[j];
            // "haven't had a full year": the light verb is the predicate,
            // and it names nothing to compare.
            if LIGHT_VERBS.contains(w) && words.get(j + 1).is_some_and(|n| DETERMINERS.contains(n))
            {
                break;
            }
            if w.ends_with("ly") || SCOPE_ADVERBS.contains(w) {
                continue;
            }
            if let Some(t) = words::term(w) {
                found = Some((j, t));
                break;
            }
        }
        // "without Kestrel Point", "without a permit": a preposition before
        // a noun denies no predicate; "without warning anyone" does.
        if words[i] == "without"
            && found
                .as_ref()
                .is_some_and(|&(j, _)| !words[j].ends_with("ing"))
        {
            continue;
        }
        if let Some((predicate, term)) = found {
            out.push(Denial {
                negation: i,
                predicate,
                term,
            });
        }
    }
    out
}

/// True when the negation at `i` is part of an order or request: "not to
/// hit", "to not hit", or shortly after a modal of obligation ("should
/// not", "should take care and not").
fn is_order(words: &[String], i: usize) -> bool {
    words.get(i + 1).is_some_and(|w| w == "to")
        || (i > 0 && words[i - 1] == "to")
        || words[i.saturating_sub(ORDER_REACH)..i]
            .iter()
            .any(|w| DEONTIC_MODALS.contains(w))
}

/// `text` without the negations that only report an order or request
/// ("asked us not to hit it" becomes "asked us to hit it"). A model that
/// reads "not" as disagreement would take the report of a request for a
/// denial of the claim; the request was made either way. Only a standalone
/// "not" or "never" is dropped, with the space before it; contractions
/// ("shouldn't") stay as written.
pub fn drop_order_negations(text: &str) -> Cow<'_, str> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    let lower: Vec<String> = spans
        .iter()
        .map(|&(s, e)| text[s..e].to_lowercase())
        .collect();
    let dropped: Vec<usize> = (0..lower.len())
        .filter(|&i| matches!(lower[i].as_str(), "not" | "never"))
        .filter(|&i| is_negation(&lower, i) && is_order(&lower, i))
        .collect();
    if dropped.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for i in dropped {
        let (s, e) = spans[i];
        let cut = text[..s]
            .trim_end_matches(char::is_whitespace)
            .len()
            .max(last);
        out.push_str(&text[last..cut]);
        last = e;
    }
    out.push_str(&text[last..]);
    Cow::Owned(out)
}

/// True when two predicate terms are the same predicate: the same stem
/// (with or without a final "e"), or one a compound ending in the other
/// ("counterattack", "attack").
pub fn same_predicate(a: &str, b: &str) -> bool {
    let a = a.trim_end_matches('e');
    let b = b.trim_end_matches('e');
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= 3 && (short == long || (long.len() >= short.len() + 3 && long.ends_with(short)))
}

/// The positions of `words` whose term is the predicate `term` and that no
/// negation denies: where the text asserts it.
pub fn assertions(words: &[String], denied: &[Denial], term: &str) -> Vec<usize> {
    (0..words.len())
        .filter(|&j| denied.iter().all(|d| d.predicate != j))
        .filter(|&j| words::term(&words[j]).is_some_and(|t| same_predicate(&t, term)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::words;

    fn predicates(text: &str) -> Vec<String> {
        let w = words(text);
        denials(&w).iter().map(|d| w[d.predicate].clone()).collect()
    }

    #[test]
    fn predicates_in_active_and_passive_clauses() {
        assert_eq!(
            predicates("The bridge has not been inspected once in ten years."),
            ["inspected"]
        );
        assert_eq!(
            predicates("The ferry has not once been repaired."),
            ["repaired"]
        );
        assert_eq!(
            predicates("Engineers didn't really inspect it."),
            ["inspect"]
        );
        assert_eq!(predicates("Crews never repaved the road."), ["repaved"]);
    }

    #[test]
    fn orders_and_additions_are_not_denials() {
        assert!(predicates("They keep telling us not to close the dam.").is_empty());
        assert!(predicates("The council not only repaved the road but widened it.").is_empty());
        assert!(
            predicates("The agency said crews should take care and not close the dam.").is_empty()
        );
        assert!(predicates("Residents urged the council not to sell the park.").is_empty());
        assert!(predicates("Crews shouldn't close the dam.").is_empty());
        // A light verb before a determiner denies no content word.
        assert!(predicates("We haven't had a full year like that yet.").is_empty());
        // "without" before a noun is a preposition, before a gerund a denial.
        assert!(predicates("Without Kestrel Point, bills would be higher.").is_empty());
        assert_eq!(
            predicates("Crews left without inspecting the ramps."),
            ["inspecting"]
        );
        // A copula before the negation leaves the noun as predicate.
        assert_eq!(predicates("The video is not a hoax."), ["hoax"]);
        assert_eq!(predicates("The bridge is not safe."), ["safe"]);
        // Predictions and reports of fact stay denials.
        assert_eq!(predicates("The council would not sell the park."), ["sell"]);
        assert_eq!(
            predicates("She told reporters the dam was not closed."),
            ["closed"]
        );
    }

    #[test]
    fn order_negations_are_dropped_and_denials_kept() {
        assert_eq!(
            drop_order_negations("Ottawa asked the mill not to dump waste in the river."),
            "Ottawa asked the mill to dump waste in the river."
        );
        assert_eq!(
            drop_order_negations("Residents Urge Council Not To Sell Park"),
            "Residents Urge Council To Sell Park"
        );
        assert_eq!(
            drop_order_negations("Crews should take care and not close the dam."),
            "Crews should take care and close the dam."
        );
        for kept in [
            "The mill did not dump waste in the river.",
            "She told reporters the dam was not closed.",
            "Crews shouldn't close the dam.",
            "",
            "not",
            "Ünïcode not to",
        ] {
            let out = drop_order_negations(kept);
            assert!(out == kept || kept.contains("not to"), "{kept} -> {out}");
        }
    }

    #[test]
    fn assertions_skip_denied_occurrences() {
        let w = words("It was not inspected in 2018 but was inspected in 2019.");
        let d = denials(&w);
        assert_eq!(assertions(&w, &d, "inspect").len(), 1);
        assert!(same_predicate("counterattack", "attack"));
        assert!(!same_predicate("at", "attack"));
    }
}
