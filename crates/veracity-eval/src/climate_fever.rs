//! Climate-FEVER evaluation: claim labels from a claim and its five evidence
//! sentences, through the same stance scoring, cues, provenance and
//! aggregation as `veracity check`.
//!
//! Each evidence sentence becomes a one-sentence document whose publisher is
//! its Wikipedia article (so several sentences of one article get
//! diminishing returns). Relevance is the share of the claim's terms the
//! sentence holds, floored at [`CfParams::relevance_floor`] (the sentences
//! were retrieved for the claim already). Labels map as: `unverified` →
//! NOT_ENOUGH_INFO, `mixed` → DISPUTED, `true`/`mostly_true` → SUPPORTS,
//! `false`/`mostly_false` → REFUTES. Evidence stance maps agree → SUPPORTS,
//! disagree → REFUTES, discuss/unrelated → NOT_ENOUGH_INFO.
//!
//! Thresholds are tuned on the claims at even positions of the file (the
//! "tune" half) and reported on both halves.

use crate::train::evidence::ClassMetrics;
use serde::Deserialize;
use veracity_model::{
    Claim, ClaimOrigin, Document, DocumentId, DocumentKind, RatingClass, Span, Stance, StanceLabel,
    StanceScores,
};
use veracity_stance::evidence::{EvidenceLabel, EvidenceModel};
use veracity_text::words;
use veracity_verdict::StanceScorer;
use veracity_verdict::{AggregateParams, aggregate_totals};
use veracity_verdict::{PreparedClaim, Scored, apply_cues, assess_provenance, find_cues};

/// The four claim labels, in the order used for metrics.
pub const LABELS: [&str; 4] = ["SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO", "DISPUTED"];

/// One evidence sentence of the data set.
#[derive(Debug, Clone, Deserialize)]
pub struct CfEvidence {
    /// `Article:sentence` id.
    pub evidence_id: String,
    /// SUPPORTS, REFUTES or NOT_ENOUGH_INFO.
    pub evidence_label: String,
    /// The Wikipedia article.
    pub article: String,
    /// The sentence.
    pub evidence: String,
}

/// One claim of the data set.
#[derive(Debug, Clone, Deserialize)]
pub struct CfClaim {
    /// The claim id.
    pub claim_id: String,
    /// The claim text.
    pub claim: String,
    /// SUPPORTS, REFUTES, NOT_ENOUGH_INFO or DISPUTED.
    pub claim_label: String,
    /// The five evidence sentences.
    pub evidences: Vec<CfEvidence>,
}

/// A malformed line of the data file.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct CfError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Parses the JSONL file (blank lines skipped).
pub fn parse(text: &str) -> Result<Vec<CfClaim>, CfError> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| CfError {
                line: i + 1,
                message: format!("not a Climate-FEVER claim object: {e}"),
            })
        })
        .collect()
}

/// The tunable thresholds of the evaluation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CfParams {
    /// The aggregate's thresholds.
    pub aggregate: AggregateParams,
    /// The lowest relevance a given evidence sentence gets.
    pub relevance_floor: f64,
    /// Share of the `discuss` probability counted toward `agree` (an
    /// encyclopaedia sentence about the claim's topic tends to support it).
    pub discuss_as_agree: f64,
}

/// The thresholds `cargo xtask eval climate-fever` chose on the claims at
/// even positions of the dev file (the grid in [`tune`]); `veracity eval
/// climate-fever` uses them, so its odd-half figures are held out.
impl Default for CfParams {
    fn default() -> Self {
        CfParams {
            aggregate: AggregateParams {
                prior: 0.6,
                ..AggregateParams::default()
            },
            relevance_floor: 0.5,
            discuss_as_agree: 0.0,
        }
    }
}

/// A prediction for one claim.
#[derive(Debug, Clone)]
pub struct CfPrediction {
    /// The predicted claim label.
    pub label: &'static str,
    /// The predicted evidence labels, in input order.
    pub evidence_labels: Vec<&'static str>,
    /// The aggregate's confidence in the label.
    pub confidence: f64,
}

fn evidence_label(l: StanceLabel) -> &'static str {
    match l {
        StanceLabel::Agree => "SUPPORTS",
        StanceLabel::Disagree => "REFUTES",
        _ => "NOT_ENOUGH_INFO",
    }
}

fn claim_label(c: RatingClass) -> &'static str {
    match c {
        RatingClass::True | RatingClass::MostlyTrue => "SUPPORTS",
        RatingClass::False | RatingClass::MostlyFalse => "REFUTES",
        RatingClass::Mixed => "DISPUTED",
        RatingClass::Unverified => "NOT_ENOUGH_INFO",
    }
}

/// Stance-scores (one batch per claim) and cue-adjusts every evidence
/// sentence of every claim once; the thresholds are applied later, so
/// tuning does not rescore.
pub fn score_all(claims: &[CfClaim], scorer: &dyn StanceScorer) -> Vec<Vec<(Stance, f64)>> {
    score_all_with(claims, scorer, true)
}

/// As [`score_all`], with the verdict cues applied (`cues`) or not (the
/// scorer's stances as they are).
pub fn score_all_with(
    claims: &[CfClaim],
    scorer: &dyn StanceScorer,
    cues: bool,
) -> Vec<Vec<(Stance, f64)>> {
    claims
        .iter()
        .map(|c| {
            let texts: Vec<&str> = c.evidences.iter().map(|e| e.evidence.as_str()).collect();
            let claim_terms = words::term_set(&c.claim);
            let prepared = PreparedClaim::new(&c.claim);
            scorer
                .score_batch(&c.claim, &texts)
                .into_iter()
                .zip(&texts)
                .map(|(s, t)| {
                    let adjusted = if cues {
                        apply_cues(s, &find_cues(&prepared, t))
                    } else {
                        s
                    };
                    let coverage = words::coverage(&claim_terms, &words::term_set(t));
                    (adjusted, coverage)
                })
                .collect()
        })
        .collect()
}

/// Scores sentences with the evidence model (supports / refutes / neutral)
/// as stances, so the claim harness can aggregate them: supports → agree,
/// refutes → disagree, neutral → discuss (unrelated 0).
#[derive(Debug, Clone, Copy)]
pub struct EvidenceScorer<'a>(pub &'a EvidenceModel);

impl StanceScorer for EvidenceScorer<'_> {
    fn name(&self) -> &str {
        "evidence-model"
    }

    fn score_batch(&self, claim: &str, passages: &[&str]) -> Vec<Stance> {
        self.0
            .score(claim, passages)
            .into_iter()
            .map(|s| {
                Stance::from_scores(StanceScores {
                    agree: f64::from(s.supports),
                    disagree: f64::from(s.refutes),
                    discuss: f64::from(s.neutral),
                    unrelated: 0.0,
                })
            })
            .collect()
    }
}

/// The gold evidence label of a Climate-FEVER sentence as an evidence-model
/// class (SUPPORTS, REFUTES, anything else neutral).
pub fn gold_evidence_label(label: &str) -> EvidenceLabel {
    match label {
        "SUPPORTS" => EvidenceLabel::Supports,
        "REFUTES" => EvidenceLabel::Refutes,
        _ => EvidenceLabel::Neutral,
    }
}

/// Sentence-level metrics of the evidence model alone (no cues, no
/// aggregation) on the claims at `indices`: its label for each evidence
/// sentence against `evidence_label`.
pub fn evidence_model_metrics(
    claims: &[CfClaim],
    indices: &[usize],
    model: &EvidenceModel,
) -> ClassMetrics {
    let mut gold = Vec::new();
    let mut pred = Vec::new();
    for &i in indices {
        let c = &claims[i];
        let texts: Vec<&str> = c.evidences.iter().map(|e| e.evidence.as_str()).collect();
        for (e, s) in c.evidences.iter().zip(model.score(&c.claim, &texts)) {
            gold.push(gold_evidence_label(&e.evidence_label));
            pred.push(s.label());
        }
    }
    ClassMetrics::compute(&gold, &pred)
}

/// Predicts one claim from its pre-scored evidence.
pub fn predict(claim: &CfClaim, scored: &[(Stance, f64)], p: &CfParams) -> CfPrediction {
    let docs: Vec<Document> = claim
        .evidences
        .iter()
        .map(|e| Document {
            title: Some(e.article.clone()),
            language: Some("en".into()),
            publisher: Some(e.article.clone()),
            ..Document::plain_text(
                DocumentId::from_content(&[&e.evidence_id, &e.evidence]),
                e.evidence_id.clone(),
                DocumentKind::Other,
                e.evidence.clone(),
            )
        })
        .collect();
    let items: Vec<Scored> = scored
        .iter()
        .enumerate()
        .map(|(i, (s, coverage))| {
            let mut scores = s.scores;
            let moved = p.discuss_as_agree * scores.discuss;
            scores = StanceScores {
                agree: scores.agree + moved,
                discuss: scores.discuss - moved,
                ..scores
            };
            let stance = Stance::from_scores(scores);
            Scored {
                doc: i,
                span: Span::whole(&docs[i].text),
                relevance: coverage.max(p.relevance_floor).min(1.0),
                stance,
                model_label: s.label,
                cues: Vec::new(),
            }
        })
        .collect();
    let labels: Vec<&'static str> = items
        .iter()
        .map(|s| evidence_label(s.stance.label))
        .collect();
    let c = Claim::new(claim.claim.clone(), ClaimOrigin::Given);
    let evidence = assess_provenance(&c, &veracity_verdict::InMemory::new(&docs), items);
    let (mut support, mut refutation) = (0.0, 0.0);
    for e in &evidence {
        match e.stance.label {
            StanceLabel::Agree => support += e.weight,
            StanceLabel::Disagree => refutation += e.weight,
            _ => {}
        }
    }
    let agg = aggregate_totals(support, refutation, &p.aggregate);
    CfPrediction {
        label: claim_label(agg.class),
        evidence_labels: labels,
        confidence: agg.confidence,
    }
}

/// Accuracy, macro-F1 and the confusion matrix of one run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CfMetrics {
    /// Claims scored.
    pub claims: usize,
    /// Claim-level accuracy.
    pub accuracy: f64,
    /// Claim-level macro-F1 over the four labels.
    pub macro_f1: f64,
    /// Evidence sentences scored.
    pub evidences: usize,
    /// Evidence-level stance accuracy (agree/disagree/other against
    /// SUPPORTS/REFUTES/NOT_ENOUGH_INFO).
    pub evidence_accuracy: f64,
    /// Rows gold, columns predicted, in [`LABELS`] order.
    pub confusion: [[usize; 4]; 4],
    /// Expected calibration error of the claim labels' confidence.
    pub ece: f64,
    /// The reliability table of that confidence.
    pub reliability: Vec<crate::calibration::Bin>,
}

fn label_index(l: &str) -> usize {
    LABELS.iter().position(|x| *x == l).unwrap_or(2)
}

/// Scores the claims at `indices`.
pub fn evaluate(
    claims: &[CfClaim],
    scored: &[Vec<(Stance, f64)>],
    indices: &[usize],
    p: &CfParams,
) -> CfMetrics {
    let mut m = CfMetrics::default();
    let mut correct = 0;
    let mut ev_correct = 0;
    let mut calibration_rows = Vec::new();
    for &i in indices {
        let c = &claims[i];
        let pred = predict(c, &scored[i], p);
        calibration_rows.push((pred.label == c.claim_label, pred.confidence));
        m.confusion[label_index(&c.claim_label)][label_index(pred.label)] += 1;
        if pred.label == c.claim_label {
            correct += 1;
        }
        for (e, l) in c.evidences.iter().zip(&pred.evidence_labels) {
            m.evidences += 1;
            if e.evidence_label == *l {
                ev_correct += 1;
            }
        }
    }
    m.claims = indices.len();
    m.accuracy = ratio(correct, m.claims);
    m.evidence_accuracy = ratio(ev_correct, m.evidences);
    let mut f1 = 0.0;
    for k in 0..4 {
        let tp = m.confusion[k][k] as f64;
        let pred: usize = (0..4).map(|g| m.confusion[g][k]).sum();
        let gold: usize = m.confusion[k].iter().sum();
        let prec = if pred > 0 { tp / pred as f64 } else { 0.0 };
        let rec = if gold > 0 { tp / gold as f64 } else { 0.0 };
        f1 += if prec + rec > 0.0 {
            2.0 * prec * rec / (prec + rec)
        } else {
            0.0
        };
    }
    m.macro_f1 = f1 / 4.0;
    (m.ece, m.reliability) = crate::calibration::calibration(&calibration_rows);
    m
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The fixed split: claims at even positions tune, odd positions test.
pub fn split(n: usize) -> (Vec<usize>, Vec<usize>) {
    ((0..n).step_by(2).collect(), (1..n).step_by(2).collect())
}

/// Grid-searches the thresholds on `tune` for the best macro-F1 (ties:
/// accuracy, then the earlier grid point).
pub fn tune(claims: &[CfClaim], scored: &[Vec<(Stance, f64)>], tune: &[usize]) -> CfParams {
    let mut best = (CfParams::default(), -1.0, -1.0);
    for &min_total in &[0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6, 0.8] {
        for &prior in &[0.0, 0.1, 0.3, 0.6] {
            for &floor in &[0.3, 0.5, 0.8] {
                for &discuss in &[0.0, 0.25, 0.5, 0.75, 1.0] {
                    let p = CfParams {
                        aggregate: AggregateParams {
                            min_total,
                            prior,
                            ..AggregateParams::default()
                        },
                        relevance_floor: floor,
                        discuss_as_agree: discuss,
                    };
                    let m = evaluate(claims, scored, tune, &p);
                    if m.macro_f1 > best.1 + 1e-12
                        || ((m.macro_f1 - best.1).abs() <= 1e-12 && m.accuracy > best.2 + 1e-12)
                    {
                        best = (p, m.macro_f1, m.accuracy);
                    }
                }
            }
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use veracity_verdict::LexicalScorer;

    const LINE: &str = r#"{"claim_id": "0", "claim": "Global warming is driving polar bears toward extinction", "claim_label": "SUPPORTS", "evidences": [{"evidence_id": "A:1", "evidence_label": "SUPPORTS", "article": "A", "evidence": "Global warming is driving polar bears toward extinction, scientists found.", "entropy": 0.0, "votes": ["SUPPORTS", null]}, {"evidence_id": "B:2", "evidence_label": "NOT_ENOUGH_INFO", "article": "B", "evidence": "Bees live in hives.", "entropy": 0.0, "votes": []}]}"#;

    #[test]
    fn parses_and_predicts() {
        let claims = parse(&format!("{LINE}\n\n{LINE}\n")).unwrap();
        assert_eq!(claims.len(), 2);
        let scored = score_all(&claims, &LexicalScorer);
        let m = evaluate(&claims, &scored, &[0, 1], &CfParams::default());
        assert_eq!(m.claims, 2);
        assert_eq!(m.evidences, 4);
        assert!(m.accuracy >= 0.0 && m.macro_f1 <= 1.0);
        assert!(
            parse("{not json}")
                .unwrap_err()
                .to_string()
                .starts_with("line 1")
        );
        let (a, b) = split(5);
        assert_eq!((a, b), (vec![0, 2, 4], vec![1, 3]));
    }
}
