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

use crate::text::{self, FxHashSet};
use veracity_model::{Stance, StanceLabel, StanceScores};

/// A signal found in a passage, with its direction, strength in (0, 1) and
/// the reason for the evidence note.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    /// The stance the cue points to (agree or disagree).
    pub label: StanceLabel,
    /// How much of the stance mass moves to `label`.
    pub strength: f64,
    /// Why, in plain language.
    pub reason: String,
}

/// Passages covering less of the claim's terms than this get no cue.
pub const MIN_COVERAGE: f64 = 0.2;

const NEGATIONS: &[&str] = &[
    "not", "no", "never", "neither", "nor", "without", "none", "nothing",
];
const NEGATED_AUX: &[&str] = &[
    "don", "doesn", "didn", "isn", "wasn", "aren", "weren", "hasn", "haven", "hadn", "won", "can",
    "couldn", "shouldn", "wouldn",
];
const REFUTE: &[&str] = &[
    "false",
    "untrue",
    "not true",
    "incorrect",
    "inaccurate",
    "misleading",
    "debunk",
    "no evidence",
    "contrary to",
    "runs counter",
    "run counter",
    "contradict",
    "disputed",
    "denied",
    "denies",
    "deny",
    "wrong",
    "myth",
    "hoax",
    "fake",
    "exaggerat",
    "overstat",
    "does not support",
    "do not support",
    "did not support",
    "not supported",
    "no sign",
    "is not the case",
    "rather than",
    "refut",
    "not accurate",
    "no basis",
];
const CONFIRM: &[&str] = &[
    "confirmed",
    "confirms",
    "accurate",
    "is correct",
    "indeed",
    "verified",
    "consistent with",
];

/// A number in a text with the content terms around it.
#[derive(Debug)]
struct Quantity {
    value: f64,
    context: FxHashSet<String>,
}

fn quantities(text: &str) -> Vec<Quantity> {
    // Words with their terms; numbers from digits or number words.
    let words = text::words(text);
    let items: Vec<(Option<f64>, Option<String>)> = words
        .iter()
        .map(|w| {
            let num = if w.starts_with(|c: char| c.is_ascii_digit()) {
                w.parse::<f64>().ok()
            } else {
                text::number_word(w).and_then(|n| n.trim_end_matches('%').parse::<f64>().ok())
            };
            (num, text::term(w))
        })
        .collect();
    let mut out = Vec::new();
    for (i, (num, _)) in items.iter().enumerate() {
        let Some(v) = *num else { continue };
        // Years are dates, not quantities.
        if (1900.0..=2100.0).contains(&v) && words[i].len() == 4 {
            continue;
        }
        let lo = i.saturating_sub(4);
        let hi = (i + 5).min(items.len());
        let context = items[lo..hi]
            .iter()
            .enumerate()
            .filter(|(j, (n, _))| lo + j != i && n.is_none())
            .filter_map(|(_, (_, t))| t.clone())
            .collect();
        out.push(Quantity { value: v, context });
    }
    out
}

fn negated_terms(words: &[String]) -> (bool, FxHashSet<String>) {
    let mut negated = false;
    let mut scope = FxHashSet::default();
    for (i, w) in words.iter().enumerate() {
        let neg = NEGATIONS.contains(&w.as_str())
            || (w == "t" && i > 0 && NEGATED_AUX.contains(&words[i - 1].as_str()));
        if neg {
            negated = true;
            for w2 in words.iter().skip(i + 1).take(5) {
                if let Some(t) = text::term(w2) {
                    scope.insert(t);
                }
            }
        }
    }
    (negated, scope)
}

/// The cues a passage gives about a claim, strongest first.
pub fn cues(claim: &str, passage: &str) -> Vec<Cue> {
    let claim_terms = text::term_set(claim);
    let passage_terms = text::term_set(passage);
    let coverage = text::coverage(&claim_terms, &passage_terms);
    if coverage < MIN_COVERAGE {
        return Vec::new();
    }
    let mut out = Vec::new();

    // Numbers for the same quantity.
    let cq = quantities(claim);
    let pq = quantities(passage);
    let mut mismatch: Option<(f64, f64, usize)> = None;
    let mut matched: Option<(f64, usize)> = None;
    for c in &cq {
        for p in &pq {
            let shared = c.context.intersection(&p.context).count();
            if shared < 2 {
                continue;
            }
            let same = (c.value - p.value).abs() <= 0.05 * c.value.abs().max(p.value.abs());
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
    }

    // Polarity: one side negates what the other asserts.
    let cw = text::words(claim);
    let pw = text::words(passage);
    let (c_neg, c_scope) = negated_terms(&cw);
    let (p_neg, p_scope) = negated_terms(&pw);
    if c_neg && !p_neg {
        let asserted = c_scope.intersection(&passage_terms).count();
        if asserted >= 2 {
            out.push(Cue {
                label: StanceLabel::Disagree,
                strength: 0.5,
                reason: "it asserts what the claim denies".into(),
            });
        }
    } else if p_neg && !c_neg {
        let denied = p_scope.intersection(&claim_terms).count();
        if denied >= 2 {
            out.push(Cue {
                label: StanceLabel::Disagree,
                strength: 0.4,
                reason: "it denies what the claim asserts".into(),
            });
        }
    }

    // Refutation and confirmation words.
    let lower = passage.to_lowercase();
    if let Some(w) = REFUTE.iter().find(|w| lower.contains(*w)) {
        out.push(Cue {
            label: StanceLabel::Disagree,
            strength: 0.45,
            reason: format!("it uses refuting language (\u{201c}{w}\u{201d})"),
        });
    } else if let Some(w) = CONFIRM.iter().find(|w| lower.contains(*w)) {
        out.push(Cue {
            label: StanceLabel::Agree,
            strength: 0.25,
            reason: format!("it uses confirming language (\u{201c}{w}\u{201d})"),
        });
    }
    out.sort_by(|a, b| b.strength.total_cmp(&a.strength));
    out
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

/// Moves stance mass toward each cue's label: `p' = (1 - s) p + s e_label`
/// for the strongest cue of each direction, then re-picks the label.
pub fn adjust(stance: Stance, cues: &[Cue]) -> Stance {
    let mut s = stance.scores;
    let mut seen = Vec::new();
    for cue in cues {
        if seen.contains(&cue.label) {
            continue;
        }
        seen.push(cue.label);
        let k = cue.strength.clamp(0.0, 1.0);
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
            CLAIM,
            "The plant supplied 12% of the city's drinking water last year.",
        );
        assert_eq!(c[0].label, StanceLabel::Disagree);
        assert!(c[0].reason.contains("12"), "{}", c[0].reason);
        let c = cues(CLAIM, "The average household water bill rose 6% in 2025.");
        assert_eq!(c[0].label, StanceLabel::Disagree);
    }

    #[test]
    fn polarity_mismatch_refutes() {
        let claim = "The coalition strikes only Daesh and does not strike al-Nusra Front.";
        let c = cues(
            claim,
            "On October 3, 2016, the U.S. conducted an airstrike in Syria against a senior al-Nusra leader.",
        );
        assert!(c.iter().any(|c| c.label == StanceLabel::Disagree), "{c:?}");
    }

    #[test]
    fn unrelated_passages_give_no_cue() {
        assert!(
            cues(
                CLAIM,
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
