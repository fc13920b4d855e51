//! Proper names replaced by stand-ins, so that a model that learned words
//! reads "Lavrov said X" and "Orlovsky said X" alike. A verdict must not
//! depend on who is named, only on what is said and by whom in the text.
//!
//! A name is a capitalised word that is not a function word and does not
//! open a sentence (in a claim: any capitalised word but the first). Each
//! distinct name gets a stand-in by order of first appearance, the claim's
//! names first, so a name shared by claim and passage gets the same
//! stand-in in both. In a title-case text (a function word capitalised
//! inside a sentence, as in many headlines) only the claim's names are
//! replaced, since every word there looks like a name.

use crate::hash::FxHashMap;
use crate::lexicon::FUNCTION_WORDS;

/// A word's byte range and whether it opens a sentence.
fn word_spans(text: &str) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut opens = true;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start.take() {
            out.push((s, i, opens));
            opens = false;
        }
        if matches!(c, '.' | '!' | '?' | ':' | '\n' | '"' | '\u{201c}' | '(') {
            opens = true;
        }
    }
    if let Some(s) = start {
        out.push((s, text.len(), opens));
    }
    out
}

fn is_name(word: &str) -> bool {
    let mut chars = word.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    first_upper
        && word.chars().count() >= 2
        && !word.chars().all(|c| c.is_ascii_digit())
        && !FUNCTION_WORDS.contains(&word.to_lowercase().as_str())
}

/// True for a title-case text ("US Asks Russia Not To Target ..."): a
/// function word is capitalised inside a sentence.
fn title_case(text: &str) -> bool {
    word_spans(text).into_iter().any(|(s, e, opens)| {
        let w = &text[s..e];
        !opens
            && w.starts_with(char::is_uppercase)
            && FUNCTION_WORDS.contains(&w.to_lowercase().as_str())
    })
}

/// The stand-in of the `i`-th name: a made-up lowercase word.
fn stand_in(i: usize) -> String {
    let mut s = String::from("zqx");
    let mut n = i;
    loop {
        s.push((b'a' + (n % 26) as u8) as char);
        n /= 26;
        if n == 0 {
            break;
        }
    }
    s
}

fn replace(
    text: &str,
    names: &FxHashMap<String, String>,
    learn: Option<&mut FxHashMap<String, String>>,
) -> String {
    let spans = word_spans(text);
    let title = title_case(text);
    let mut extra = learn;
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (s, e, opens) in spans {
        let w = &text[s..e];
        let known = names.get(w).cloned();
        let found = known.or_else(|| {
            let extra = extra.as_deref_mut()?;
            if title || opens || !is_name(w) {
                return None;
            }
            let next = names.len() + extra.len();
            Some(
                extra
                    .entry(w.to_owned())
                    .or_insert_with(|| stand_in(next))
                    .clone(),
            )
        });
        if let Some(r) = found {
            out.push_str(&text[last..s]);
            out.push_str(&r);
            last = e;
        }
    }
    out.push_str(&text[last..]);
    out
}

/// `claim` and `passages` with their proper names replaced by stand-ins.
pub fn mask_names(claim: &str, passages: &[&str]) -> (String, Vec<String>) {
    let mut names: FxHashMap<String, String> = FxHashMap::default();
    for (i, (s, e, _)) in word_spans(claim).into_iter().enumerate() {
        let w = &claim[s..e];
        if i > 0 && is_name(w) && !names.contains_key(w) {
            let next = names.len();
            names.insert(w.to_owned(), stand_in(next));
        }
    }
    let masked_claim = replace(claim, &names, None);
    let masked = passages
        .iter()
        .map(|p| {
            let mut own = FxHashMap::default();
            replace(p, &names, Some(&mut own))
        })
        .collect();
    (masked_claim, masked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renaming_gives_the_same_masked_text() {
        let a = mask_names(
            "The coalition does not strike al-Nusra, Sergei Lavrov said",
            &[
                "Moscow says Lavrov met Kerry in Geneva on Monday.",
                "US Asks Russia Not To Target Nusra Branch",
            ],
        );
        let b = mask_names(
            "The coalition does not strike al-Qadim, Pavel Orlovsky said",
            &[
                "Moscow says Orlovsky met Hale in Geneva on Monday.",
                "US Asks Russia Not To Target Qadim Branch",
            ],
        );
        assert_eq!(a, b);
        assert!(!a.1[0].contains("Lavrov") && a.1[0].starts_with("Moscow"));
        assert!(
            a.1[1].contains("Branch"),
            "title case keeps its other words: {}",
            a.1[1]
        );
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for t in [
            "",
            "É",
            "A",
            "...",
            "Ünïcode Wörds here Ärger",
            "x\u{201c}Y",
        ] {
            let _ = mask_names(t, &[t, ""]);
        }
    }
}
