//! One or two plain sentences of why a verdict is what it is, built from
//! the verdict's evidence and reviews (the engine's own explanation, with
//! its figures, is kept for the "how" fold).

use super::evidence::{Groups, Lean, Numbered};
use crate::reader::unsettled;
use crate::shared::one_line;
use veracity_model::Verdict;

/// The reason, as plain text (escaped by the caller).
pub fn reason(verdict: &Verdict, groups: &Groups<'_>) -> String {
    let (for_n, against_n) = groups.for_against();
    let for_docs = documents(groups, true);
    let against_docs = documents(groups, false);
    let mut sentences = Vec::new();
    let lean = Lean::of(verdict);
    // The engine's own explanation is for auditors (the "how" fold): it
    // may cite internal ids and byte offsets.
    if verdict.evidence.is_empty() && groups.counted() == 0 && verdict.reviews.is_empty() {
        return match unsettled(verdict) {
            Some(_) => "No evidence found. This is not a finding that the claim is false.".into(),
            None => "No evidence found.".into(),
        };
    }
    match (unsettled(verdict), lean) {
        (Some(why), _) if for_n + against_n == 0 => {
            sentences.push(format!("{}.", capitalise(why.words())));
        }
        (Some(why), _) => sentences.push(format!(
            "Not settled: {} {} the claim and {} {} it; {}.",
            passages(for_n, for_docs),
            verb(for_n, "supports", "support"),
            passages(against_n, against_docs),
            verb(against_n, "contradicts", "contradict"),
            why.words(),
        )),
        _ if for_n + against_n == 0 => {
            if let Some(cited) = verdict.reviews.first() {
                let r = &cited.review;
                sentences.push(format!(
                    "Rated from the published fact-check: {} rated it “{}”.",
                    r.reviewer.as_deref().unwrap_or("a fact-checker"),
                    one_line(&r.rating.label)
                ));
            } else {
                sentences.push(
                    "No passage in the documents carries weight for or against the claim.".into(),
                );
            }
        }
        (_, Lean::Against) => sentences.push(format!(
            "{} {} the claim{}",
            capitalise(&passages(against_n, against_docs)),
            if against_n == 1 {
                "contradicts"
            } else {
                "contradict"
            },
            if for_n == 0 {
                "; none supports it.".to_owned()
            } else {
                format!(
                    "; {} {} it but weigh{} less.",
                    passages(for_n, for_docs),
                    if for_n == 1 { "supports" } else { "support" },
                    if for_n == 1 { "s" } else { "" }
                )
            }
        )),
        (_, Lean::For) => sentences.push(format!(
            "{} {} the claim{}",
            capitalise(&passages(for_n, for_docs)),
            if for_n == 1 { "supports" } else { "support" },
            if against_n == 0 {
                "; none contradicts it.".to_owned()
            } else {
                format!(
                    "; {} {} it but weigh{} less.",
                    passages(against_n, against_docs),
                    if against_n == 1 {
                        "contradicts"
                    } else {
                        "contradict"
                    },
                    if against_n == 1 { "s" } else { "" }
                )
            }
        )),
        (_, Lean::Split) => sentences.push(format!(
            "The evidence is split: {} {} the claim and {} {} it.",
            passages(for_n, for_docs),
            verb(for_n, "supports", "support"),
            passages(against_n, against_docs),
            verb(against_n, "contradicts", "contradict"),
        )),
    }
    if unsettled(verdict).is_some() {
        sentences.push("This is not a finding that the claim is false.".into());
    }
    if !groups.repeats.is_empty() {
        let n = groups.repeats.len();
        sentences.push(format!(
            "{} that only {} the claim {} not counted.",
            if n == 1 {
                "1 passage".to_owned()
            } else {
                format!("{n} passages")
            },
            if n == 1 { "repeats" } else { "repeat" },
            if n == 1 { "is" } else { "are" }
        ));
    }
    sentences.join(" ")
}

/// The verb agreeing with a count of passages ("no passage supports").
fn verb(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n <= 1 { one } else { many }
}

/// "3 passages from 2 documents", "1 passage", "no passage".
fn passages(n: usize, docs: usize) -> String {
    match (n, docs) {
        (0, _) => "no passage".to_owned(),
        (1, _) => "1 passage".to_owned(),
        (n, 1) => format!("{n} passages from one document"),
        (n, d) => format!("{n} passages from {d} documents"),
    }
}

/// Distinct documents among the counted passages for (or against) the claim.
fn documents(groups: &Groups<'_>, for_side: bool) -> usize {
    let list: &[Numbered<'_>] = match (groups.first.0, for_side) {
        (crate::shared::Side::Against, true) | (crate::shared::Side::For, false) => {
            &groups.second.1
        }
        _ => &groups.first.1,
    };
    let mut docs: Vec<&str> = list.iter().map(|(_, e)| e.document.as_str()).collect();
    docs.sort_unstable();
    docs.dedup();
    docs.len()
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_english() {
        assert_eq!(passages(0, 0), "no passage");
        assert_eq!(passages(1, 1), "1 passage");
        assert_eq!(passages(3, 1), "3 passages from one document");
        assert_eq!(passages(3, 2), "3 passages from 2 documents");
        assert_eq!(verb(0, "supports", "support"), "supports");
        assert_eq!(verb(1, "supports", "support"), "supports");
        assert_eq!(verb(2, "supports", "support"), "support");
        assert_eq!(capitalise("no passage"), "No passage");
    }
}
