//! Contradiction and confirmation cues: cheap, explainable signals that a
//! relevant passage contradicts (or confirms) a claim, combined with the
//! stance model's scores. A stance model trained on headlines (FNC-1) rarely
//! says `disagree`; the cues catch the commonest ways evidence refutes a
//! checkable claim:
//!
//! - **figures**: the passage gives a figure for the same quantity (the same
//!   unit or noun after it and shared context around it, see
//!   [`veracity_text::figures`]) that no rounding, truncation or hedge
//!   reconciles with the claim's ("12% of the city's drinking water" against
//!   "forty percent of the city's drinking water"), or a consistent one (a
//!   confirmation). Years, dates, ordinals and labels are not figures;
//! - **polarity**: the claim denies a predicate the passage asserts of the
//!   same things ("has not been inspected" against "engineers inspected the
//!   bridge", "was inspected in 2019"), or the passage denies a predicate the
//!   claim asserts. Only a negation of the claim's own predicate counts: a
//!   "not" elsewhere, or inside a reported order ("told us not to hit it"),
//!   refutes nothing;
//! - **refutation words**: the passage calls something false, misleading,
//!   wrong or contrary ("runs counter to", "does not support"), unless the
//!   claim itself uses the same words ("rather than" in both is the claim's
//!   phrasing repeated, not a refutation).
//!
//! Every cue comes with a reason in plain language for the evidence note.

use std::cell::OnceCell;
use veracity_model::{Stance, StanceLabel, StanceScores};
use veracity_text::figures::{self, Figure};
use veracity_text::hash::FxHashSet;
use veracity_text::lexicon::{CONFIRMING_PHRASES, REFUTING_PHRASES};
use veracity_text::negation::{self, Denial};
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
/// Strength of a polarity cue: above one half, so that it outweighs even a
/// certain `agree` from the model (`adjust` keeps `1 - s` of it).
pub const POLARITY_STRENGTH: f64 = 0.55;
/// Strength of a figure mismatch with [`STRONG_FIGURE_CONTEXT`] shared
/// context terms, and with fewer.
const FIGURE_MISMATCH_STRONG: f64 = 0.7;
const FIGURE_MISMATCH_WEAK: f64 = 0.5;
/// Shared context terms that make a figure mismatch strong.
const STRONG_FIGURE_CONTEXT: usize = 3;
/// Words on each side of a predicate searched for the things it is said of.
pub const ARGUMENT_WINDOW: usize = 8;
/// Argument terms shorter than this ("al", "u") identify nothing.
const MIN_ARGUMENT_LEN: usize = 3;

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
/// before a contrasting clause), each with the terms, figures, words and
/// denials passages are compared against. Build it once per claim and
/// reuse it for every passage.
#[derive(Debug, Clone)]
pub struct PreparedClaim {
    parts: Vec<PreparedPart>,
    /// The whole claim in lowercase, for its own refuting words.
    lower: String,
}

/// One part of a claim, analysed.
#[derive(Debug, Clone)]
struct PreparedPart {
    text: String,
    terms: FxHashSet<String>,
    figures: Vec<Figure>,
    words: Vec<String>,
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
                    figures: figures::figures(part),
                    denials: negation::denials(&part_words),
                    words: part_words,
                }
            })
            .collect();
        PreparedClaim {
            parts,
            lower: claim.to_lowercase(),
        }
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
    figures: OnceCell<Vec<Figure>>,
    denials: OnceCell<Vec<Denial>>,
    lower: OnceCell<String>,
}

impl<'a> PreparedPassage<'a> {
    fn new(text: &'a str) -> Self {
        PreparedPassage {
            text,
            terms: words::term_set(text),
            words: words::words(text),
            figures: OnceCell::new(),
            denials: OnceCell::new(),
            lower: OnceCell::new(),
        }
    }

    fn figures(&self) -> &[Figure] {
        self.figures.get_or_init(|| figures::figures(self.text))
    }

    fn denials(&self) -> &[Denial] {
        self.denials.get_or_init(|| negation::denials(&self.words))
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
        out.extend(part_cues(part, &claim.lower, &passage));
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

fn part_cues(claim: &PreparedPart, claim_lower: &str, passage: &PreparedPassage<'_>) -> Vec<Cue> {
    let coverage = words::coverage(&claim.terms, &passage.terms);
    if coverage < MIN_COVERAGE {
        return Vec::new();
    }
    let mut out = Vec::new();
    out.extend(figure_cue(&claim.figures, passage.figures()));
    out.extend(polarity_cue(claim, passage));
    out.extend(wording_cue(claim_lower, passage.lower()));
    out
}

/// Figures: a mismatch for the same quantity refutes, a match confirms,
/// figures only about other things do not confirm.
fn figure_cue(cq: &[Figure], pq: &[Figure]) -> Option<Cue> {
    let mut mismatch: Option<(&Figure, &Figure, usize)> = None;
    let mut matched: Option<(&Figure, usize)> = None;
    for c in cq {
        for p in pq {
            if !c.same_quantity(p) {
                continue;
            }
            let shared = c.shared_context(p);
            if c.consistent(p) {
                if matched.is_none_or(|m| shared > m.1) {
                    matched = Some((c, shared));
                }
            } else if mismatch.is_none_or(|m| shared > m.2) {
                mismatch = Some((c, p, shared));
            }
        }
    }
    if let Some((c, p, shared)) = mismatch {
        return Some(Cue {
            label: StanceLabel::Disagree,
            strength: if shared >= STRONG_FIGURE_CONTEXT {
                FIGURE_MISMATCH_STRONG
            } else {
                FIGURE_MISMATCH_WEAK
            },
            reason: format!(
                "it gives {} where the claim says {} for the same quantity",
                p.written, c.written
            ),
        });
    }
    if let Some((c, _)) = matched {
        return Some(Cue {
            label: StanceLabel::Agree,
            strength: 0.35,
            reason: format!("it gives the claim's figure, {}", c.written),
        });
    }
    let (c, p) = (cq.first()?, pq.first()?);
    // Figures about something else: no confirmation of the claim's.
    (!pq.iter().any(|p| cq.iter().any(|c| c.consistent(p)))).then(|| Cue {
        label: StanceLabel::Discuss,
        strength: 0.6,
        reason: format!(
            "its figures ({}) are not the claim's ({})",
            p.written, c.written
        ),
    })
}

/// The terms of `words` within [`ARGUMENT_WINDOW`] of `at`, but not `at`.
fn terms_near(words: &[String], at: usize) -> FxHashSet<String> {
    let lo = at.saturating_sub(ARGUMENT_WINDOW);
    let hi = (at + 1 + ARGUMENT_WINDOW).min(words.len());
    (lo..hi)
        .filter(|&j| j != at)
        .filter_map(|j| words::term(&words[j]))
        .collect()
}

/// True when `near` holds a term of the claim part other than the
/// predicate `term`: the predicate is said of the claim's own things.
fn shares_argument(claim_terms: &FxHashSet<String>, term: &str, near: &FxHashSet<String>) -> bool {
    claim_terms.iter().any(|t| {
        t.len() >= MIN_ARGUMENT_LEN && !negation::same_predicate(t, term) && near.contains(t)
    })
}

/// Polarity: the claim denies what the passage asserts, or the reverse, of
/// the same predicate and the same things. A passage that both asserts and
/// denies a predicate gives no cue on it; a claim that does ("strikes Daesh
/// and does not strike al-Nusra") is refuted by passages asserting it, not
/// by passages denying it.
fn polarity_cue(claim: &PreparedPart, passage: &PreparedPassage<'_>) -> Option<Cue> {
    let p_denials = passage.denials();
    for d in &claim.denials {
        if p_denials
            .iter()
            .any(|pd| negation::same_predicate(&pd.term, &d.term))
        {
            continue;
        }
        let asserted = negation::assertions(&passage.words, p_denials, &d.term);
        if asserted
            .iter()
            .any(|&at| shares_argument(&claim.terms, &d.term, &terms_near(&passage.words, at)))
        {
            return Some(Cue {
                label: StanceLabel::Disagree,
                strength: POLARITY_STRENGTH,
                reason: format!(
                    "it reports what the claim denies (\u{201c}not {}\u{201d})",
                    claim.words[d.predicate]
                ),
            });
        }
    }
    for pd in p_denials {
        if claim
            .denials
            .iter()
            .any(|d| negation::same_predicate(&d.term, &pd.term))
            || negation::assertions(&claim.words, &claim.denials, &pd.term).is_empty()
            || !negation::assertions(&passage.words, p_denials, &pd.term).is_empty()
        {
            continue;
        }
        let near = terms_near(&passage.words, pd.predicate);
        if shares_argument(&claim.terms, &pd.term, &near) {
            return Some(Cue {
                label: StanceLabel::Disagree,
                strength: POLARITY_STRENGTH,
                reason: format!(
                    "it denies what the claim asserts (\u{201c}not {}\u{201d})",
                    passage.words[pd.predicate]
                ),
            });
        }
    }
    None
}

/// Refuting or confirming words in the passage that the claim does not use
/// itself.
fn wording_cue(claim_lower: &str, lower: &str) -> Option<Cue> {
    let own = |w: &&str| lower.contains(*w) && !claim_lower.contains(*w);
    if let Some(w) = REFUTING_PHRASES.words().find(own) {
        return Some(Cue {
            label: StanceLabel::Disagree,
            strength: 0.45,
            reason: format!("it uses refuting language (\u{201c}{w}\u{201d})"),
        });
    }
    CONFIRMING_PHRASES.words().find(own).map(|w| Cue {
        label: StanceLabel::Agree,
        strength: 0.25,
        reason: format!("it uses confirming language (\u{201c}{w}\u{201d})"),
    })
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
        let w = words::words("it does not directly target the group");
        let d = negation::denials(&w);
        assert_eq!(w[d[0].predicate], "target");
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
                t.as_deref()
                    .is_none_or(|t| veracity_text::lexicon::FIGURE_GENERIC_TERMS.contains(t)),
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

    fn labels(claim: &str, passage: &str) -> Vec<StanceLabel> {
        cues(&PreparedClaim::new(claim), passage)
            .iter()
            .map(|c| c.label)
            .collect()
    }

    /// The stance after the cues, starting from a model that is sure of `agree`.
    fn after_confident_agree(claim: &str, passage: &str) -> StanceLabel {
        let s = Stance::from_scores(StanceScores {
            agree: 0.97,
            disagree: 0.01,
            discuss: 0.01,
            unrelated: 0.01,
        });
        adjust(s, &cues(&PreparedClaim::new(claim), passage)).label
    }

    const BRIDGE: &str = "The Millbrook bridge has not been inspected once in ten years.";

    #[test]
    fn a_negated_passive_claim_is_refuted_by_active_and_passive_reports() {
        for passage in [
            "Engineers inspected the Millbrook bridge in 2015, 2017, 2019 and 2021.",
            "The Millbrook bridge was inspected in 2019 by the state agency.",
            "State engineers last inspected the bridge over the Millbrook in 2021, records show.",
        ] {
            let l = labels(BRIDGE, passage);
            assert!(l.contains(&StanceLabel::Disagree), "{passage}: {l:?}");
            assert!(!l.contains(&StanceLabel::Agree), "{passage}: {l:?}");
            assert_eq!(
                after_confident_agree(BRIDGE, passage),
                StanceLabel::Disagree
            );
        }
        // An active negated claim against a passive report.
        let claim = "State engineers never inspected the Millbrook bridge.";
        assert_eq!(
            after_confident_agree(claim, "The Millbrook bridge was inspected in 2019."),
            StanceLabel::Disagree
        );
    }

    #[test]
    fn a_negated_passage_refutes_a_positive_claim() {
        let claim = "The Millbrook bridge was inspected by state engineers in 2019.";
        for passage in [
            "The Millbrook bridge has not been inspected since 2009, the county auditor found.",
            "State engineers did not inspect the Millbrook bridge that year.",
        ] {
            assert_eq!(
                after_confident_agree(claim, passage),
                StanceLabel::Disagree,
                "{passage}"
            );
        }
        // Nor is a passage that asserts the predicate as well as denying it.
        let l = labels(
            claim,
            "State engineers inspected the Millbrook bridge in 2019 but did not inspect its ramps.",
        );
        assert!(!l.contains(&StanceLabel::Disagree), "{l:?}");
        // "haven't had a full year" denies no "full" for "first full year" to refute.
        let l = labels(
            "Ninety ferries a day is what the Tarrow pier handles at best. We haven't had a full year like that yet.",
            "Its first full year was not smooth: the Tarrow pier closed for weeks.",
        );
        assert!(!l.contains(&StanceLabel::Disagree), "{l:?}");
        // A denial of something else is no refutation.
        let l = labels(
            claim,
            "The Millbrook bridge was inspected in 2019, but the agency did not publish the report.",
        );
        assert!(!l.contains(&StanceLabel::Disagree), "{l:?}");
    }

    #[test]
    fn a_negation_inside_a_reported_order_does_not_refute() {
        // Says what the claim says, with a "not" in the request reported.
        let claim =
            "The ministry asked the Kestrel Mining company to be more careful near the river dam.";
        let passage = "\u{201c}They keep telling us not to dig near the dam,\u{201d} the Kestrel Mining director said.";
        assert!(!labels(claim, passage).contains(&StanceLabel::Disagree));
        // An order reported with a modal, on the claim's own predicate.
        let claim =
            "Ottawa asked Lisbon to be more careful in aiming its drone strikes near the border.";
        let passage = "Ottawa said border villages were close to the camps and that Lisbon should take care and not strike them.";
        assert!(!labels(claim, passage).contains(&StanceLabel::Disagree));
        // Even when the order's verb is the claim's predicate.
        let claim = "The ministry asked Kestrel Mining to stop draining the river reservoir.";
        let passage =
            "The ministry told Kestrel Mining not to drain the river reservoir any further.";
        assert!(!labels(claim, passage).contains(&StanceLabel::Disagree));
        // A text that asserts and denies the predicate gives no cue on it.
        let claim =
            "Kestrel Mining drains the north reservoir and does not drain the river reservoir.";
        let passage = "Kestrel Mining does not drain the river reservoir, inspectors found.";
        assert!(!labels(claim, passage).contains(&StanceLabel::Disagree));
    }

    #[test]
    fn figures_are_compared_only_for_the_same_quantity() {
        let claim = "Housing starts in Ohio rose 12 percent last year.";
        let l = labels(
            claim,
            "Unemployment in Ohio rose to 4 percent last year, while housing starts held steady.",
        );
        assert!(!l.contains(&StanceLabel::Disagree), "{l:?}");
        let l = labels(claim, "Housing starts in Ohio rose 3 percent last year.");
        assert_eq!(l.first(), Some(&StanceLabel::Disagree), "{l:?}");
    }

    #[test]
    fn rounding_truncation_and_hedges_are_no_contradiction() {
        let cases = [
            (
                "The Corvid tablet has a 12.9-inch screen and weighs 680 grams.",
                "Reviewers praised the Corvid tablet's 12-inch screen.",
            ),
            (
                "The Corvid tablet has a 12.9-inch screen and weighs 680 grams.",
                "The Corvid tablet's 13-inch screen is its main selling point.",
            ),
            (
                "More than two million people live in the Tarrow river basin.",
                "The census counted 2.14 million people in the Tarrow river basin.",
            ),
            (
                "Nearly 40 percent of Tarrow households own an electric car.",
                "Surveys found 38.6% of Tarrow households own an electric car.",
            ),
            (
                "The Tarrow ferry carries up to 300 passengers on each crossing.",
                "On the busiest crossing the Tarrow ferry carried 280 passengers.",
            ),
        ];
        for (claim, passage) in cases {
            let l = labels(claim, passage);
            assert!(!l.contains(&StanceLabel::Disagree), "{passage}: {l:?}");
        }
        let l = labels(
            "More than two million people live in the Tarrow river basin.",
            "The census counted 1.6 million people in the Tarrow river basin.",
        );
        assert!(l.contains(&StanceLabel::Disagree), "{l:?}");
    }

    #[test]
    fn quarters_ordinals_dates_and_datelines_are_not_figures() {
        let claim = "Brightwell Foods sold 40 percent more frozen meals in the third quarter.";
        for passage in [
            "LYON, March 3 (Wire Service) - Brightwell Foods sold 40% more frozen meals in the third quarter.",
            "Brightwell Foods, in its 21st year, sold 40 percent more frozen meals in the third quarter of 2024.",
        ] {
            let f: Vec<String> = figures::figures(passage)
                .into_iter()
                .map(|f| f.written)
                .collect();
            assert!(f == ["40%"] || f == ["40 percent"], "{f:?}");
            let c = cues(&PreparedClaim::new(claim), passage);
            assert!(
                c.iter().all(|c| c.label != StanceLabel::Disagree),
                "{passage}: {c:?}"
            );
            assert!(
                c.iter()
                    .all(|c| !c.reason.contains("33") && !c.reason.contains(" 3 ")),
                "{c:?}"
            );
        }
    }

    #[test]
    fn the_claims_own_contrast_words_are_not_refuting_language() {
        let claim =
            "The Harlow council chose to repair the old library rather than build a new one.";
        let passage = "The Harlow council voted to repair the old library rather than build a new one, its minutes show.";
        assert!(!labels(claim, passage).contains(&StanceLabel::Disagree));
        // The same words are refuting when the claim does not use them.
        let l = labels(
            "The Harlow council chose to build a new library.",
            "The Harlow council chose to repair the old library rather than build a new one.",
        );
        assert!(l.contains(&StanceLabel::Disagree), "{l:?}");
    }

    #[test]
    fn odd_texts_do_not_panic() {
        let odd = [
            "",
            "not",
            "no no no",
            "didn't",
            "not to",
            "$",
            "% 5",
            "3/4 of 12.9-inch \u{201c}not\u{201d}",
            "\u{1f600} not \u{1f600} 5 \u{1f600}",
            "never never 1,2,3 million",
            "half of a third quarter",
        ];
        for claim in odd {
            let prepared = PreparedClaim::new(claim);
            for passage in odd {
                let _ = cues(&prepared, passage);
            }
        }
    }
}
