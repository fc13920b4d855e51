//! The HTML report as a journalist reads it: a summary table linking to each
//! card; in a card the verdict and its reason first, the published review
//! beside it, the evidence that decided it next, and weight-0 repeats of the
//! claim folded with a count.

mod common;

use common::{EXAMPLE, HOSTILE, load, render_str};
use veracity_model::{EvidenceRole, RatingClass, Report, StanceLabel};

/// Where `needle` first occurs in `haystack`, failing with its name.
fn at(haystack: &str, needle: &str) -> usize {
    haystack
        .find(needle)
        .unwrap_or_else(|| panic!("not found: {needle}"))
}

/// The example report with its first verdict rated `class`, labelled
/// `label`.
fn example_rated(class: RatingClass, label: &str) -> Report {
    let mut report = load(EXAMPLE);
    report.verdicts[0].rating.class = class;
    report.verdicts[0].rating.label = label.into();
    report
}

/// The example report with the verdict's evidence shuffled the way a real
/// run lists it: twelve weight-0 reports of the claim being made first, the
/// lighter refuting passage before the heavier one.
fn crowded_example() -> Report {
    let mut report = load(EXAMPLE);
    let verdict = &mut report.verdicts[0];
    let claimant = verdict.evidence[2].clone();
    let heavy = verdict.evidence[0].clone();
    let light = verdict.evidence[1].clone();
    let mut attribution = claimant.clone();
    attribution.role = EvidenceRole::Attribution;
    attribution.stance.label = StanceLabel::Agree;
    let mut evidence = vec![attribution; 12];
    evidence.extend([light, heavy, claimant]);
    verdict.evidence = evidence;
    report
}

#[test]
fn a_card_leads_with_the_verdict_the_review_and_the_deciding_evidence() {
    let report = crowded_example();
    let out = render_str(&report, "html");
    let card = &out[at(&out, "<article")..];
    let verdict = at(card, "Our verdict");
    let review = at(card, "Published fact-check");
    let deciding = at(card, "Evidence against the claim (decided the verdict) · 2");
    let heavy = at(
        card,
        &report.verdicts[0].evidence[13].text.replace('\'', "&#39;"),
    );
    let light = at(
        card,
        &report.verdicts[0].evidence[12].text.replace('\'', "&#39;"),
    );
    let fold = at(card, "<details class=\"fold\">");
    assert!(
        verdict < review && review < deciding,
        "verdict, then review"
    );
    assert!(
        deciding < heavy && heavy < light,
        "heaviest refutation first"
    );
    assert!(light < fold, "repeats folded after the deciding evidence");
    assert!(card.contains(
        "<summary>12 reports of the claim being made, 1 statement by the claimant, \
         not counted</summary>"
    ));
    let folded = &card[fold..at(card, "<details class=\"how\">")];
    assert_eq!(folded.matches("<li>").count(), 13);
    assert!(
        !folded.contains("weight "),
        "folded repeats are brief: {folded}"
    );
    assert!(folded.contains("Supports the claim · reports the claim being made"));
    assert!(
        !card.contains("Evidence for the claim"),
        "no weighted support"
    );
    assert!(card.contains(
        "<p class=\"why\">2 passages from one document contradict the claim; none supports it. \
         13 passages that only repeat the claim are not counted.</p>"
    ));
    assert!(card.contains(
        "<p class=\"rating\"><span class=\"mark\" aria-hidden=\"true\">✗ </span>Mostly False</p>"
    ));
    assert!(card.contains("confidence 72%"));
}

#[test]
fn the_summary_table_links_every_claim_to_its_card() {
    let report = load(HOSTILE);
    let out = render_str(&report, "html");
    let table = &out[at(&out, "<table class=\"summary\">")..at(&out, "</table>")];
    for v in &report.verdicts {
        let id = v.claim.as_str();
        assert!(table.contains(&format!("<a href=\"#{id}\">")), "{id}");
        assert!(out.contains(&format!("<article class=\"claim\" id=\"{id}\">")));
    }
    assert_eq!(table.matches("<tr>").count(), report.verdicts.len() + 1);
    assert!(table.contains("0 for · 1 against"));
    assert!(table.contains("none found"));
    assert!(at(&out, "<table class=\"summary\">") < at(&out, "<article"));
}

#[test]
fn no_evidence_is_said_in_words_and_has_no_confidence() {
    let mut report = example_rated(RatingClass::Unverified, "Unverified");
    let verdict = &mut report.verdicts[0];
    verdict.evidence.clear();
    verdict.reviews.clear();
    verdict.explanation = "The plugin gave up on doc-0123456789abcdef, bytes 4–9.".into();
    let out = render_str(&report, "html");
    assert!(out.contains(
        "<p class=\"why\">No evidence found. This is not a finding that the claim is false.</p>"
    ));
    // The engine's own words, ids and all, are for auditors: in the fold
    // on screen, never in print.
    let how = &out[at(&out, "<details class=\"how\">")..];
    assert!(at(how, "The plugin gave up") < at(how, "</details>"));
    assert_eq!(out.matches("The plugin gave up").count(), 1);
    assert!(!out.contains("confidence "), "confidence without evidence");
    assert!(out.contains("No passage carries weight for or against the claim."));
    assert!(!out.contains("<details class=\"fold\">"));
}

#[test]
fn an_unverified_claim_with_passages_on_both_sides_says_why() {
    let mut report = example_rated(RatingClass::Unverified, "Unverified");
    let verdict = &mut report.verdicts[0];
    verdict.reviews.clear();
    let out = render_str(&report, "html");
    let table = &out[at(&out, "<table class=\"summary\">")..at(&out, "</table>")];
    assert!(
        table.contains("0 for · 2 against<span class=\"meta why-not\">too weak to rate</span>"),
        "{table}"
    );
    assert!(out.contains(
        "<p class=\"why\">Not settled: no passage supports the claim and 2 passages from one \
         document contradict it; the evidence leans against the claim, too weakly to rate it. \
         This is not a finding that the claim is false."
    ));
    // Evenly weighed sides say so instead.
    let verdict = &mut report.verdicts[0];
    let mut support = verdict.evidence[0].clone();
    support.stance.label = StanceLabel::Agree;
    support.weight = verdict.evidence[0].weight + verdict.evidence[1].weight;
    verdict.evidence.push(support);
    let out = render_str(&report, "html");
    assert!(out.contains("1 for · 2 against<span class=\"meta why-not\">too evenly balanced"));
    assert!(
        !out.contains("confidence "),
        "no confidence for an unverified verdict"
    );
}

#[test]
fn the_page_prints_without_backgrounds_and_with_urls() {
    let out = render_str(&load(EXAMPLE), "html");
    let print = &out[at(&out, "@media print{")..];
    assert!(print.contains("a[href^=\"http\"]::after{content:\" (\" attr(href) \")\""));
    assert!(print.contains("background:none"));
    // Where a claim appears and the weighed balance print open; the
    // passages that were not counted print as their one-line count (on
    // paper they would fill most pages); a passage or a verdict is never
    // split across pages, nor a heading left at the foot of one.
    assert!(print.contains(
        "details.appears::details-content,details.how::details-content{content-visibility:visible"
    ));
    assert!(print.contains(".fold>summary::after{content:\" (listed in the report on screen)\""));
    assert!(print.contains("ol.ev>li,.summary tr,.chart{background:none;break-inside:avoid}"));
    assert!(print.contains("h2,h3,.kicker,summary,.claim>.meta,.appears{break-after:avoid}"));
    // The engine's explanation (its model's figures) stays on screen.
    assert!(print.contains(".how>.explanation,.how>p.meta{display:none}"));
    // Deciding evidence is never inside a disclosure element.
    let card = &out[at(&out, "<article")..];
    assert!(at(card, "<ol class=\"ev against\">") < at(card, "<details class=\"fold\">"));
}

#[test]
fn hostile_reviews_stay_text_and_unsafe_urls_stay_dead() {
    let mut report = load(HOSTILE);
    let cited = &mut report.verdicts[0].reviews[0];
    cited.review.reviewer = Some("<script>alert(7)</script>".into());
    cited.review.rating.label = "\"><img src=x onerror=alert(8)>".into();
    cited.review.url = Some("javascript:alert(9)".into());
    let found_in = cited.document.clone();
    for d in &mut report.documents {
        if d.id == found_in {
            d.source.url = Some("JaVaScRiPt:alert(10)".into());
        }
    }
    let out = render_str(&report, "html");
    let lower = out.to_lowercase();
    assert!(!lower.contains("<script"), "script element");
    assert!(!lower.contains("<img"), "img element");
    assert!(
        !lower.contains("javascript:alert(9)"),
        "the review URL is dropped"
    );
    assert!(!lower.contains("href=\"javascript"), "javascript: link");
    assert!(!out.contains("Read the fact-check"), "no safe URL, no link");
    assert_eq!(
        out.matches("&lt;script&gt;alert(7)&lt;/script&gt;").count(),
        2
    );
    assert!(out.contains("&quot;&gt;&lt;img src=x onerror=alert(8)&gt;"));
}

#[test]
fn a_split_verdict_shows_the_heavier_side_first_in_plain_words() {
    let mut report = example_rated(RatingClass::Mixed, "Mixed");
    let verdict = &mut report.verdicts[0];
    // One light supporting passage beside the two refuting ones.
    let mut support = verdict.evidence[0].clone();
    support.stance.label = StanceLabel::Agree;
    support.weight = 0.1;
    verdict.evidence.insert(0, support);
    let out = render_str(&report, "html");
    let card = &out[at(&out, "<article")..];
    assert!(card.contains(
        "The evidence is split: 1 passage supports the claim and 2 passages from one document \
         contradict it."
    ));
    assert!(
        at(card, "<h3>Evidence against the claim · 2</h3>")
            < at(card, "<h3>Evidence for the claim · 1</h3>")
    );
    assert!(
        !card.contains("decided the verdict"),
        "a split verdict was not decided by one side"
    );
}

/// A claim stated in more documents than a report lists says how many
/// state it, and that the list holds the first of them.
#[test]
fn a_claim_in_more_documents_than_listed_counts_them_all() {
    let mut report = load(EXAMPLE);
    let listed = report.claims[0].appearance_documents().len();
    assert!(listed > 0);
    let out = render_str(&report, "html");
    assert!(!out.contains("listed)"), "every document is listed");

    report.claims[0].stated_in = Some(7110);
    let out = render_str(&report, "html");
    assert!(
        out.contains(&format!(
            "Appears in 7110 documents (the first {listed} listed)"
        )),
        "{out}"
    );
}
