//! Contradiction and confirmation cues: cheap, explainable signals that a
//! relevant passage contradicts (or confirms) a claim, combined with the
//! stance model's scores. A stance model trained on headlines (FNC-1) rarely
//! says `disagree`; the cues catch the commonest ways evidence refutes a
//! checkable claim:
//!
//! - **numbers**: the passage gives a different number for the same quantity
//!   (the same two or more context terms around it: "supplied 12% of the
//!   city's drinking water" against "supplies 40% of the city's drinking
//!   water"), or the same number (a confirmation);
//! - **polarity**: the claim negates a predicate the passage asserts ("does
//!   not strike al-Nusra" against "conducted an airstrike against a senior
//!   al-Nusra leader"), or the reverse;
//! - **refutation words**: the passage calls something false, misleading,
//!   wrong or contrary ("runs counter to", "does not support").
//!
//! Every cue comes with a reason in plain language for the evidence note.

use std::cell::OnceCell;
use veracity_model::{Stance, StanceLabel, StanceScores};
use veracity_text::hash::FxHashSet;
use veracity_text::lexicon::{
    CONFIRMING_PHRASES, NEGATED_AUXILIARIES, NEGATIONS, REFUTING_PHRASES,
};
use veracity_text::words;

/// A signal found in a passage, with its direction, strength in (0, 1) and
/// the reason for the evidence note.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    /// The stance the cue points to (agree, disagree or discuss).
    pub label: StanceLabel,
    /// How much of the stance mass moves to `label`.
    pub strength: f64,
    /// Why, in plain language.
    pub reason: String,
}

/// Passages covering less of the claim's terms than this get no cue.
pub const MIN_COVERAGE: f64 = 0.2;

/// Terms (stems) around a number that say nothing about what it counts:
/// units and times. "6% last year" and "12 percent last year" are not the
/// same quantity.
const GENERIC_CONTEXT: &[&str] = &[
    "percent", "per", "cent", "last", "year", "month", "week", "day", "time", "around", "nearli",
    "almost", "roughli", "approxim", "total",
];

/// A number in a text with the content terms around it.
#[derive(Debug, Clone)]
struct Quantity {
    value: f64,
    context: FxHashSet<String>,
}

fn quantities(text: &str) -> Vec<Quantity> {
    // Words with their terms; numbers from digits or number words.
    let text_words = words::words(text);
    let items: Vec<(Option<f64>, Option<String>)> = text_words
        .iter()
        .map(|w| {
            let num = if w.starts_with(|c: char| c.is_ascii_digit()) {
                w.parse::<f64>().ok()
            } else {
                veracity_text::lexicon::number_word(w)
                    .and_then(|n| n.trim_end_matches('%').parse::<f64>().ok())
            };
            (num, words::term(w))
        })
        .collect();
    let mut out = Vec::new();
    for (i, (num, _)) in items.iter().enumerate() {
        let Some(v) = *num else { continue };
        // Years are dates, not quantities.
        if (1900.0..=2100.0).contains(&v) && text_words[i].len() == 4 {
            continue;
        }
        let lo = i.saturating_sub(4);
        let hi = (i + 5).min(items.len());
        let context = items[lo..hi]
            .iter()
            .enumerate()
            .filter(|(j, (n, _))| lo + j != i && n.is_none())
            .filter_map(|(_, (_, t))| t.clone())
            .filter(|t| !GENERIC_CONTEXT.contains(&t.as_str()))
            .collect();
        out.push(Quantity { value: v, context });
    }
    out
}

/// True when `words[i]` negates what follows ("not", "never", "don't").
fn is_negation(words: &[String], i: usize) -> bool {
    let w = words[i].as_str();
    NEGATIONS.contains(w) || (w == "t" && i > 0 && NEGATED_AUXILIARIES.contains(&words[i - 1]))
}

/// Whether a text negates anything, and the terms of the five words after
/// each negation.
fn negated_terms(words: &[String]) -> (bool, FxHashSet<String>) {
    let mut negated = false;
    let mut scope = FxHashSet::default();
    for i in 0..words.len() {
        if is_negation(words, i) {
            negated = true;
            for w2 in words.iter().skip(i + 1).take(5) {
                if let Some(t) = words::term(w2) {
                    scope.insert(t);
                }
            }
        }
    }
    (negated, scope)
}

/// What a negation denies: its predicate (the first content word after it,
/// adverbs skipped: "does not directly target") and the terms of the words
/// after the predicate.
#[derive(Debug, Clone)]
struct Denial {
    /// The predicate as written, for the explanation.
    predicate: String,
    /// Its term (stem).
    predicate_term: String,
    /// The terms after it.
    objects: FxHashSet<String>,
}

fn denials(words: &[String]) -> Vec<Denial> {
    let mut out = Vec::new();
    for i in 0..words.len() {
        if !is_negation(words, i) {
            continue;
        }
        let Some((p, predicate_term)) = (i + 1..words.len().min(i + 4)).find_map(|j| {
            let t = words::term(&words[j])?;
            (!words[j].ends_with("ly")).then_some((j, t))
        }) else {
            continue;
        };
        let objects = words
            .iter()
            .skip(p + 1)
            .take(5)
            .filter_map(|w| words::term(w))
            .collect();
        out.push(Denial {
            predicate: words[p].clone(),
            predicate_term,
            objects,
        });
    }
    out
}

/// True when the passage's terms assert the denial's predicate: the same
/// stem, or a compound ending in it ("counterattack" for "attack").
fn asserts_predicate(denial: &Denial, passage_terms: &FxHashSet<String>) -> bool {
    // Stems compared without a final "e": a stem may keep or drop it.
    let root = denial.predicate_term.trim_end_matches('e');
    root.len() >= 3
        && passage_terms.iter().any(|t| {
            let t = t.trim_end_matches('e');
            t == root || (t.len() >= root.len() + 3 && t.ends_with(root))
        })
}

/// The parts of a claim that can be refuted on their own: its sentences,
/// cut again before a contrasting clause ("..., although ...", "...; but
/// ..."). A passage that refutes one part refutes the claim.
pub fn claim_parts(claim: &str) -> Vec<&str> {
    const CUTS: &[&str] = &[
        ", although ",
        ", though ",
        ", but ",
        ", while ",
        ", whereas ",
        "; ",
    ];
    let mut parts = Vec::new();
    for span in crate::index::split_sentences(claim) {
        let mut rest = &claim[span.start()..span.end()];
        while let Some(at) = CUTS.iter().filter_map(|c| rest.find(c)).min() {
            parts.push(&rest[..at]);
            rest = rest[at + 1..].trim_start();
        }
        parts.push(rest);
    }
    parts.retain(|p| p.split_whitespace().count() >= 3);
    if parts.is_empty() {
        parts.push(claim);
    }
    parts
}

/// A claim analysed once for the cues: its parts (its sentences, cut again
/// before a contrasting clause), each with the terms, figures, negation and
/// denials passages are compared against. Build it once per claim and reuse
/// it for every passage.
#[derive(Debug, Clone)]
pub struct PreparedClaim {
    parts: Vec<PreparedPart>,
}

/// One part of a claim, analysed.
#[derive(Debug, Clone)]
struct PreparedPart {
    text: String,
    terms: FxHashSet<String>,
    quantities: Vec<Quantity>,
    negated: bool,
    denials: Vec<Denial>,
}

impl PreparedClaim {
    /// Analyses `claim`.
    pub fn new(claim: &str) -> PreparedClaim {
        let parts = claim_parts(claim)
            .into_iter()
            .map(|part| {
                let part_words = words::words(part);
                PreparedPart {
                    text: part.to_owned(),
                    terms: words::term_set(part),
                    quantities: quantities(part),
                    negated: (0..part_words.len()).any(|i| is_negation(&part_words, i)),
                    denials: denials(&part_words),
                }
            })
            .collect();
        PreparedClaim { parts }
    }

    /// The parts' texts.
    pub fn parts(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().map(|p| p.text.as_str())
    }
}

/// A passage, analysed on demand: what every part needs at once, the rest
/// only when some part of the claim covers the passage.
struct PreparedPassage<'a> {
    text: &'a str,
    terms: FxHashSet<String>,
    words: Vec<String>,
    quantities: OnceCell<Vec<Quantity>>,
    negation: OnceCell<(bool, FxHashSet<String>)>,
    lower: OnceCell<String>,
}

impl<'a> PreparedPassage<'a> {
    fn new(text: &'a str) -> Self {
        PreparedPassage {
            text,
            terms: words::term_set(text),
            words: words::words(text),
            quantities: OnceCell::new(),
            negation: OnceCell::new(),
            lower: OnceCell::new(),
        }
    }

    fn quantities(&self) -> &[Quantity] {
        self.quantities.get_or_init(|| quantities(self.text))
    }

    /// Whether it negates anything, and the terms in negation scope.
    fn negation(&self) -> &(bool, FxHashSet<String>) {
        self.negation.get_or_init(|| negated_terms(&self.words))
    }

    fn lower(&self) -> &str {
        self.lower.get_or_init(|| self.text.to_lowercase())
    }
}

/// The cues a passage gives about a claim, strongest first: those of each
/// part of the claim (its sentences and clauses), each reason once.
pub fn cues(claim: &PreparedClaim, passage: &str) -> Vec<Cue> {
    let passage = PreparedPassage::new(passage);
    let mut out: Vec<Cue> = Vec::new();
    for part in &claim.parts {
        out.extend(part_cues(part, &passage));
    }
    out.sort_by(|a, b| b.strength.total_cmp(&a.strength));
    let mut seen: Vec<(StanceLabel, String)> = Vec::new();
    out.retain(|c| {
        let key = (c.label, c.reason.clone());
        let new = !seen.contains(&key);
        seen.push(key);
        new
    });
    out
}

fn part_cues(claim: &PreparedPart, passage: &PreparedPassage<'_>) -> Vec<Cue> {
    let passage_terms = &passage.terms;
    let coverage = words::coverage(&claim.terms, passage_terms);
    if coverage < MIN_COVERAGE {
        return Vec::new();
    }
    let mut out = Vec::new();

    let cq = &claim.quantities;
    let pq = passage.quantities();
    let mut mismatch: Option<(f64, f64, usize)> = None;
    let mut matched: Option<(f64, usize)> = None;
    for c in cq {
        for p in pq {
            let shared = c.context.intersection(&p.context).count();
            if shared < 2 {
                continue;
            }
            let same = same_value(c.value, p.value);
            if same {
                if matched.is_none_or(|m| shared > m.1) {
                    matched = Some((c.value, shared));
                }
            } else if mismatch.is_none_or(|m| shared > m.2) {
                mismatch = Some((c.value, p.value, shared));
            }
        }
    }
    if let Some((c, p, shared)) = mismatch {
        out.push(Cue {
            label: StanceLabel::Disagree,
            strength: if shared >= 3 { 0.7 } else { 0.5 },
            reason: format!(
                "it gives {} where the claim says {} for the same quantity",
                fmt_num(p),
                fmt_num(c)
            ),
        });
    } else if let Some((v, _)) = matched {
        out.push(Cue {
            label: StanceLabel::Agree,
            strength: 0.35,
            reason: format!("it gives the claim's figure, {}", fmt_num(v)),
        });
    } else if let (Some(c), Some(p)) = (cq.first(), pq.first())
        && !pq
            .iter()
            .any(|p| cq.iter().any(|c| same_value(c.value, p.value)))
    {
        // Figures about something else: no confirmation of the claim's.
        out.push(Cue {
            label: StanceLabel::Discuss,
            strength: 0.6,
            reason: format!(
                "its figures ({}) are not the claim's ({})",
                fmt_num(p.value),
                fmt_num(c.value)
            ),
        });
    }

    let c_neg = claim.negated;
    let (p_neg, p_scope) = passage.negation();
    let p_neg = *p_neg;
    if c_neg && !p_neg {
        // The passage asserts the denied predicate of the same object.
        let asserted = claim.denials.iter().find(|d| {
            asserts_predicate(d, passage_terms)
                && d.objects.intersection(passage_terms).next().is_some()
        });
        if let Some(d) = asserted {
            out.push(Cue {
                label: StanceLabel::Disagree,
                strength: 0.5,
                reason: format!(
                    "it reports what the claim denies (\u{201c}not {}\u{201d})",
                    d.predicate
                ),
            });
        }
    } else if p_neg && !c_neg {
        let denied = p_scope.intersection(&claim.terms).count();
        if denied >= 2 {
            out.push(Cue {
                label: StanceLabel::Disagree,
                strength: 0.4,
                reason: "it denies what the claim asserts".into(),
            });
        }
    }

    let lower = passage.lower();
    if let Some(w) = REFUTING_PHRASES.words().find(|w| lower.contains(w)) {
        out.push(Cue {
            label: StanceLabel::Disagree,
            strength: 0.45,
            reason: format!("it uses refuting language (\u{201c}{w}\u{201d})"),
        });
    } else if let Some(w) = CONFIRMING_PHRASES.words().find(|w| lower.contains(w)) {
        out.push(Cue {
            label: StanceLabel::Agree,
            strength: 0.25,
            reason: format!("it uses confirming language (\u{201c}{w}\u{201d})"),
        });
    }
    out
}

/// Two figures within 5% of each other are the same.
fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.05 * a.abs().max(b.abs())
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

/// Moves stance mass toward each cue's label: `p' = (1 - s) p + s e_label`
/// for the strongest cue of each direction, then re-picks the label. A
/// `discuss` cue only takes mass from `agree` (`agree' = (1 - s) agree`,
/// the rest to discuss): it says the passage does not confirm the claim,
/// not that it refutes it.
pub fn adjust(stance: Stance, cues: &[Cue]) -> Stance {
    let mut s = stance.scores;
    let mut seen = Vec::new();
    for cue in cues {
        if seen.contains(&cue.label) {
            continue;
        }
        seen.push(cue.label);
        let k = cue.strength.clamp(0.0, 1.0);
        if cue.label == StanceLabel::Discuss {
            s = StanceScores {
                agree: (1.0 - k) * s.agree,
                discuss: s.discuss + k * s.agree,
                ..s
            };
            continue;
        }
        s = StanceScores {
            agree: (1.0 - k) * s.agree
                + if cue.label == StanceLabel::Agree {
                    k
                } else {
                    0.0
                },
            disagree: (1.0 - k) * s.disagree
                + if cue.label == StanceLabel::Disagree {
                    k
                } else {
                    0.0
                },
            discuss: (1.0 - k) * s.discuss,
            unrelated: (1.0 - k) * s.unrelated,
        };
    }
    Stance::from_scores(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLAIM: &str = "Our new desalination plant already supplies forty percent of the city's drinking water, and it has cut household water bills by a fifth.";

    #[test]
    fn different_numbers_for_the_same_quantity_refute() {
        let c = cues(
            &PreparedClaim::new(CLAIM),
            "The plant supplied 12% of the city's drinking water last year.",
        );
        assert_eq!(c[0].label, StanceLabel::Disagree);
        assert!(c[0].reason.contains("12"), "{}", c[0].reason);
        let c = cues(
            &PreparedClaim::new(CLAIM),
            "The average household water bill rose 6% in 2025.",
        );
        assert_eq!(c[0].label, StanceLabel::Disagree);
    }

    #[test]
    fn polarity_mismatch_refutes() {
        let claim = "The coalition strikes only Daesh and does not strike al-Nusra Front.";
        let c = cues(
            &PreparedClaim::new(claim),
            "On October 3, 2016, the U.S. conducted an airstrike in Syria against a senior al-Nusra leader.",
        );
        assert!(c.iter().any(|c| c.label == StanceLabel::Disagree), "{c:?}");
    }

    #[test]
    fn each_part_of_a_long_claim_can_be_refuted() {
        let claim = "The U.S. anti-terrorist coalition strikes exclusively Daesh (Islamic State) and does not strike al-Nusra Front, although (U.S. Secretary of State) John Kerry assures me every time that al-Nusra Front presents the same terrorist threat as Daesh. But they do not touch the al-Nusra Front.";
        assert_eq!(claim_parts(claim).len(), 3);
        let c = cues(
            &PreparedClaim::new(claim),
            "On October 3, 2016, the U.S. conducted an airstrike in Syria against a senior al -Nusra leader.",
        );
        assert!(c.iter().any(|c| c.label == StanceLabel::Disagree), "{c:?}");
        assert!(c[0].reason.contains("not strike"), "{}", c[0].reason);
    }

    #[test]
    fn a_denied_predicate_must_be_asserted_not_just_its_object() {
        let claim = "The coalition does not strike al-Nusra Front.";
        let c = cues(
            &PreparedClaim::new(claim),
            "Al-Nusra Front fighters crossed the border at night near Idlib.",
        );
        assert!(c.iter().all(|c| c.label != StanceLabel::Disagree), "{c:?}");
        // "directly" is skipped: the predicate is "target".
        let d = denials(&words::words("it does not directly target the group"));
        assert_eq!(d[0].predicate, "target");
    }

    #[test]
    fn units_and_times_alone_do_not_make_the_same_quantity() {
        let claim = "The report says the plant gave us about twelve percent last year.";
        let c = cues(
            &PreparedClaim::new(claim),
            "Household bills rose 6% last year, the utility said.",
        );
        assert!(c.iter().all(|c| c.label != StanceLabel::Disagree), "{c:?}");
        // The list holds stems: every generic word maps into it.
        for w in [
            "percent",
            "nearly",
            "roughly",
            "approximately",
            "only",
            "total",
            "months",
        ] {
            let t = words::term(w);
            assert!(
                t.as_deref().is_none_or(|t| GENERIC_CONTEXT.contains(&t)),
                "{w}: {t:?}"
            );
        }
    }

    #[test]
    fn other_figures_do_not_confirm_the_claims_figure() {
        let c = cues(
            &PreparedClaim::new(
                "The new desalination plant already supplies forty percent of the city's drinking water.",
            ),
            "Household water bills rose 6 percent last year because of bond payments on the desalination plant.",
        );
        assert_eq!(c[0].label, StanceLabel::Discuss, "{c:?}");
        let s = Stance::from_scores(StanceScores {
            agree: 0.6,
            disagree: 0.1,
            discuss: 0.2,
            unrelated: 0.1,
        });
        let a = adjust(s, &c);
        assert_eq!(a.label, StanceLabel::Discuss);
        assert!((a.scores.disagree - 0.1).abs() < 1e-9, "disagree untouched");
    }

    #[test]
    fn unrelated_passages_give_no_cue() {
        assert!(
            cues(
                &PreparedClaim::new(CLAIM),
                "Volunteers collected 300 kilograms of litter from the beach."
            )
            .is_empty()
        );
    }

    #[test]
    fn adjust_moves_mass() {
        let s = Stance::from_scores(StanceScores {
            agree: 0.1,
            disagree: 0.0,
            discuss: 0.8,
            unrelated: 0.1,
        });
        let cue = Cue {
            label: StanceLabel::Disagree,
            strength: 0.7,
            reason: String::new(),
        };
        let a = adjust(s, &[cue]);
        assert_eq!(a.label, StanceLabel::Disagree);
        let sum = a.scores.agree + a.scores.disagree + a.scores.discuss + a.scores.unrelated;
        assert!((sum - 1.0).abs() < 1e-9);
    }
}
