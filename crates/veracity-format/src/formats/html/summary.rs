//! The table at the top: every claim with its verdict, how much evidence
//! counted, and the published review, each linking to its card.

use super::badge;
use super::evidence::Groups;
use crate::reader::{Unsettled, unsettled};
use crate::shared::{Index, class_title, count, html, one_line, shorten};
use veracity_model::{RatingClass, Report};

pub fn summary(out: &mut String, report: &Report, index: &Index<'_>) {
    if report.verdicts.is_empty() {
        out.push_str("<p class=\"empty\">No verdicts: no claim was found to check.</p>\n");
        return;
    }
    tally(out, report);
    out.push_str(
        "<table class=\"summary\">\n<thead><tr><th scope=\"col\">#</th><th scope=\"col\">Claim</th>\
         <th scope=\"col\">Verdict</th><th scope=\"col\">Evidence</th>\
         <th scope=\"col\">Published review</th></tr></thead>\n<tbody>\n",
    );
    for (n, v) in report.verdicts.iter().enumerate() {
        let text = index
            .claim(v.claim.as_str())
            .map_or(v.claim.as_str(), |c| c.text.as_str());
        let groups = Groups::of(v);
        let (for_n, against_n) = groups.for_against();
        // An unverified claim with passages on either side says why they
        // did not settle it, so "6 for · 1 against" does not read as a
        // contradiction of the verdict.
        let evidence = match (for_n + against_n, unsettled(v).and_then(Unsettled::brief)) {
            (0, _) if groups.counted() == 0 => "none found".to_owned(),
            (0, _) => "none for or against".to_owned(),
            (_, Some(why)) => format!(
                "{for_n} for · {against_n} against<span class=\"meta why-not\">{why}</span>"
            ),
            (_, None) => format!("{for_n} for · {against_n} against"),
        };
        let published = match v.reviews.first() {
            Some(cited) => {
                let r = &cited.review;
                let by = r
                    .reviewer
                    .as_deref()
                    .map(|who| format!(" <span class=\"meta\">{}</span>", html(who)))
                    .unwrap_or_default();
                let label = one_line(&r.rating.label);
                // The badge already says the class; the label only when it adds words.
                let label = if label.eq_ignore_ascii_case(class_title(r.rating.class)) {
                    String::new()
                } else {
                    format!(" {}", html(&label))
                };
                format!(
                    "<td data-label=\"Published review\">{}{label}{by}</td>",
                    badge(r.rating.class)
                )
            }
            None => "<td class=\"no-review\"><span class=\"meta\">none</span></td>".to_owned(),
        };
        out.push_str(&format!(
            "<tr><td class=\"n\">{}</td><td><a href=\"#{}\">{}</a></td>\
             <td class=\"verdict-cell\">{}</td><td class=\"ev\" data-label=\"Evidence\">{}</td>\
             {}</tr>\n",
            n + 1,
            html(v.claim.as_str()),
            html(&shorten(text, 160)),
            badge(v.rating.class),
            evidence,
            published,
        ));
    }
    out.push_str("</tbody>\n</table>\n");
}

/// "1 false · 2 mostly true · 7 unverified".
fn tally(out: &mut String, report: &Report) {
    let classes = [
        RatingClass::False,
        RatingClass::MostlyFalse,
        RatingClass::Mixed,
        RatingClass::MostlyTrue,
        RatingClass::True,
        RatingClass::Unverified,
    ];
    let parts: Vec<String> = classes
        .iter()
        .filter_map(|&class| {
            let n = report
                .verdicts
                .iter()
                .filter(|v| v.rating.class == class)
                .count();
            (n > 0).then(|| format!("{n} {}", class_title(class).to_lowercase()))
        })
        .collect();
    out.push_str(&format!(
        "<p class=\"tally\">{}: {}</p>\n",
        count(report.verdicts.len(), "verdict"),
        parts.join(" · ")
    ));
}
