//! One claim's card: the claim, then the verdict and its reason beside the
//! published review, then the evidence that decided it, then what was not
//! counted, folded.

use super::evidence::{self, Detail, Groups, Lean};
use super::reason::reason;
use super::{badge, chart, external};
use crate::reader::{DEFAULT_SCALE, confidence_shown, not_counted};
use crate::shared::{
    Index, Side, class_title, doc_title, html, num, one_line, percent, shorten, web_url,
};
use veracity_model::{CitedReview, Claim, RatingClass, Verdict};

pub fn card(out: &mut String, n: usize, total: usize, verdict: &Verdict, index: &Index<'_>) {
    let claim = index.claim(verdict.claim.as_str());
    let groups = Groups::of(verdict);
    out.push_str(&format!(
        "<article class=\"claim\" id=\"{}\">\n<p class=\"kicker\">Claim {n} of {total}</p>\n",
        html(verdict.claim.as_str())
    ));
    let text = claim.map_or("(claim not in report)", |c| c.text.as_str());
    out.push_str(&format!("<h2>“{}”</h2>\n", html(&one_line(text))));
    claim_meta(out, claim, index);

    let with_review = if verdict.reviews.is_empty() {
        ""
    } else {
        " with-review"
    };
    out.push_str(&format!("<div class=\"ruling{with_review}\">\n"));
    ruling(out, verdict, &groups);
    for cited in &verdict.reviews {
        review(out, cited, index);
    }
    out.push_str("</div>\n");

    let lean = Lean::of(verdict);
    let mut shown = false;
    for (first, (side, items)) in [(true, &groups.first), (false, &groups.second)] {
        if items.is_empty() {
            continue;
        }
        shown = true;
        out.push_str(&format!(
            "<h3>{} · {}</h3>\n",
            evidence::side_heading(*side, lean, first),
            items.len()
        ));
        evidence::list(out, *side, items, index, Detail::Full);
    }
    if !groups.context.is_empty() {
        shown = true;
        out.push_str(&format!("<h3>Context · {}</h3>\n", groups.context.len()));
        evidence::list(out, Side::Context, &groups.context, index, Detail::Full);
    }
    if !shown {
        out.push_str(
            "<p class=\"empty\">No passage carries weight for or against the claim.</p>\n",
        );
    }
    if let Some(summary) = not_counted(groups.repeats.iter().map(|(_, e)| *e)) {
        fold(out, &summary, &groups.repeats, index);
    }
    if !groups.unweighed.is_empty() {
        fold(
            out,
            &evidence::unweighed_summary(groups.unweighed.len()),
            &groups.unweighed,
            index,
        );
    }
    how(out, verdict);
    out.push_str("</article>\n");
}

/// Who made the claim, when, and where it appears (the list folded).
fn claim_meta(out: &mut String, claim: Option<&Claim>, index: &Index<'_>) {
    let mut meta = Vec::new();
    if let Some(who) = claim.and_then(|c| c.claimant.as_deref()) {
        meta.push(format!("Claimed by <strong>{}</strong>", html(who)));
    }
    if let Some(date) = claim.and_then(|c| c.date.as_deref()) {
        meta.push(format!("on {}", html(date)));
    }
    if !meta.is_empty() {
        out.push_str(&format!("<p class=\"meta\">{}</p>\n", meta.join(" ")));
    }
    let Some(claim) = claim else { return };
    let seen = claim.appearance_documents();
    if seen.is_empty() {
        return;
    }
    let links: Vec<String> = seen
        .iter()
        .map(|id| {
            let title = index.document(id.as_str()).map_or(id.as_str(), doc_title);
            format!(
                "<li><a href=\"#{}\">{}</a></li>",
                html(id.as_str()),
                html(&shorten(title, 90))
            )
        })
        .collect();
    let total = claim.stated_in();
    let noun = if total == 1 { "document" } else { "documents" };
    // A claim repeated across a crawl lists its first documents only.
    let listed = if total > seen.len() as u64 {
        format!(" (the first {} listed)", seen.len())
    } else {
        String::new()
    };
    out.push_str(&format!(
        "<details class=\"appears\"><summary>Appears in {total} {noun}{listed}</summary><ul>{}</ul></details>\n",
        links.join("")
    ));
}

/// The verdict box: the rating in words, big, with its reason.
fn ruling(out: &mut String, verdict: &Verdict, groups: &Groups<'_>) {
    let rating = &verdict.rating;
    let class = rating.class;
    out.push_str(&format!(
        "<div class=\"verdict c-{}\">\n<p class=\"kicker\">Our verdict</p>\n",
        class.as_str()
    ));
    let label = one_line(&rating.label);
    let words = class_title(class);
    // The scale's own label, and the class in words when they differ
    // ("Pants on Fire · False").
    let also = if label.eq_ignore_ascii_case(words) || label.is_empty() {
        String::new()
    } else {
        format!(" <span class=\"meta\">({})</span>", html(words))
    };
    out.push_str(&format!(
        "<p class=\"rating\"><span class=\"mark\" aria-hidden=\"true\">{}</span>{}{also}</p>\n",
        mark(class),
        html(if label.is_empty() { words } else { &label }),
    ));
    out.push_str(&format!(
        "<p class=\"why\">{}</p>\n",
        html(&reason(verdict, groups))
    ));
    // The engine and the default scale are for auditors (the "how" fold).
    let mut meta = Vec::new();
    if confidence_shown(verdict) {
        meta.push(format!("confidence {}", percent(verdict.confidence)));
    }
    if rating.scale != DEFAULT_SCALE {
        meta.push(format!("{} scale", html(&rating.scale)));
    }
    if !meta.is_empty() {
        out.push_str(&format!("<p class=\"meta\">{}</p>\n", meta.join(" · ")));
    }
    out.push_str("</div>\n");
}

/// A symbol beside the rating word (decorative; the word says it).
fn mark(class: RatingClass) -> &'static str {
    match class {
        RatingClass::True | RatingClass::MostlyTrue => "✓ ",
        RatingClass::Mixed => "± ",
        RatingClass::MostlyFalse | RatingClass::False => "✗ ",
        RatingClass::Unverified => "? ",
    }
}

/// A published fact-check, beside the verdict.
fn review(out: &mut String, cited: &CitedReview, index: &Index<'_>) {
    let r = &cited.review;
    out.push_str("<aside class=\"review\">\n<p class=\"kicker\">Published fact-check</p>\n");
    let mut by = Vec::new();
    if let Some(reviewer) = &r.reviewer {
        by.push(format!("<strong>{}</strong>", html(reviewer)));
    }
    if let Some(date) = &r.date {
        by.push(html(date));
    }
    out.push_str(&format!(
        "<p>{} <span class=\"label\">{}</span></p>\n",
        badge(r.rating.class),
        html(&one_line(&r.rating.label)),
    ));
    if !by.is_empty() {
        out.push_str(&format!("<p class=\"meta\">{}</p>\n", by.join(" · ")));
    }
    if let Some(summary) = &r.summary {
        out.push_str(&format!("<p>{}</p>\n", html(summary)));
    }
    out.push_str(&format!(
        "<blockquote>Reviewed claim: “{}”</blockquote>\n",
        html(&shorten(&r.claim, 200))
    ));
    let mut links = Vec::new();
    // The review's own URL, else the page it was found on.
    let found_in = index.document(cited.document.as_str());
    let url = r
        .url
        .as_deref()
        .and_then(web_url)
        .or_else(|| found_in.and_then(|d| d.source.url.as_deref()));
    if let Some(a) = external(url, "Read the fact-check ↗") {
        links.push(a);
    }
    links.push(format!(
        "found in <a href=\"#{}\">{}</a>",
        html(cited.document.as_str()),
        html(&shorten(
            index
                .document(cited.document.as_str())
                .map_or(cited.document.as_str(), doc_title),
            80
        ))
    ));
    links.push(format!("match {}", num(cited.similarity)));
    out.push_str(&format!(
        "<p class=\"src\">{}</p>\n</aside>\n",
        links.join(" · ")
    ));
}

/// Passages that carry no weight, under a disclosure element.
fn fold(out: &mut String, summary: &str, items: &[evidence::Numbered<'_>], index: &Index<'_>) {
    out.push_str(&format!(
        "<details class=\"fold\"><summary>{}</summary>\n",
        html(summary)
    ));
    evidence::list(out, Side::Context, items, index, Detail::Brief);
    out.push_str("</details>\n");
}

/// The engine's own explanation and the weighed balance, for readers who
/// want the figures.
fn how(out: &mut String, verdict: &Verdict) {
    out.push_str("<details class=\"how\"><summary>How the verdict was reached</summary>\n");
    chart(out, verdict);
    if !verdict.explanation.trim().is_empty() {
        out.push_str(&format!(
            "<p class=\"explanation\">{}</p>\n",
            html(&verdict.explanation)
        ));
    }
    out.push_str(&format!(
        "<p class=\"meta\">Engine {} · {} scale · claim id <code>{}</code></p>\n</details>\n",
        html(&verdict.engine),
        html(&verdict.rating.scale),
        html(verdict.claim.as_str())
    ));
}
