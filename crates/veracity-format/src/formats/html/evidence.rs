//! The verdict's evidence sorted for a reader: what decided the verdict
//! first, what weighed the other way next, and what was not counted folded
//! away; and one passage as a list item.

use super::external;
use crate::shared::{Index, Side, date_part, doc_title, html, in_context, num, percent, shorten};
use veracity_model::{Evidence, EvidenceRole, RatingClass, Verdict};

/// One item of a verdict's evidence with its number in the verdict's list.
pub type Numbered<'v> = (usize, &'v Evidence);

/// Which way the verdict leans, from its rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lean {
    /// True or mostly true: the supporting passages decided it.
    For,
    /// False or mostly false: the refuting passages decided it.
    Against,
    /// Mixed or unverified: both sides are shown, the heavier first.
    Split,
}

impl Lean {
    pub fn of(verdict: &Verdict) -> Lean {
        match verdict.rating.class {
            RatingClass::True | RatingClass::MostlyTrue => Lean::For,
            RatingClass::False | RatingClass::MostlyFalse => Lean::Against,
            RatingClass::Mixed | RatingClass::Unverified => Lean::Split,
        }
    }
}

/// The evidence in reading order.
pub struct Groups<'v> {
    /// Counted passages on the side the verdict leans to, heaviest first
    /// (for a split verdict, the heavier side).
    pub first: (Side, Vec<Numbered<'v>>),
    /// Counted passages on the other side, heaviest first.
    pub second: (Side, Vec<Numbered<'v>>),
    /// Counted passages that discuss the claim without taking a side.
    pub context: Vec<Numbered<'v>>,
    /// Weight-0 repeats of the claim: reports of it being made, the
    /// claimant's own words, copies of other passages.
    pub repeats: Vec<Numbered<'v>>,
    /// Other passages that carry no weight (they mention the subject).
    pub unweighed: Vec<Numbered<'v>>,
}

/// A passage counts toward the verdict when it carries weight.
pub fn counts(e: &Evidence) -> bool {
    e.weight.is_finite() && e.weight > 0.0
}

fn is_repeat(e: &Evidence) -> bool {
    matches!(
        e.role,
        EvidenceRole::Attribution | EvidenceRole::Claimant | EvidenceRole::Duplicate
    )
}

impl<'v> Groups<'v> {
    pub fn of(verdict: &'v Verdict) -> Groups<'v> {
        let mut for_ = Vec::new();
        let mut against = Vec::new();
        let mut context = Vec::new();
        let mut repeats = Vec::new();
        let mut unweighed = Vec::new();
        for item in verdict.evidence.iter().enumerate() {
            let e = item.1;
            if !counts(e) {
                if is_repeat(e) {
                    repeats.push(item);
                } else {
                    unweighed.push(item);
                }
                continue;
            }
            match Side::of(e.stance.label) {
                Side::For => for_.push(item),
                Side::Against => against.push(item),
                Side::Context => context.push(item),
            }
        }
        for list in [&mut for_, &mut against, &mut context] {
            list.sort_by(|a, b| b.1.weight.total_cmp(&a.1.weight));
        }
        let weight = |l: &[Numbered<'_>]| l.iter().map(|(_, e)| e.weight).sum::<f64>();
        let against_first = match Lean::of(verdict) {
            Lean::Against => true,
            Lean::For => false,
            Lean::Split => weight(&against) > weight(&for_),
        };
        let (first, second) = if against_first {
            ((Side::Against, against), (Side::For, for_))
        } else {
            ((Side::For, for_), (Side::Against, against))
        };
        Groups {
            first,
            second,
            context,
            repeats,
            unweighed,
        }
    }

    /// Passages that count, on either side or as context.
    pub fn counted(&self) -> usize {
        self.first.1.len() + self.second.1.len() + self.context.len()
    }

    /// How many passages support and refute the claim.
    pub fn for_against(&self) -> (usize, usize) {
        match self.first.0 {
            Side::Against => (self.second.1.len(), self.first.1.len()),
            _ => (self.first.1.len(), self.second.1.len()),
        }
    }
}

/// The fold's summary line for other weight-0 passages.
pub fn unweighed_summary(n: usize) -> String {
    if n == 1 {
        "1 passage that mentions the subject without settling the claim, not counted".to_owned()
    } else {
        format!("{n} passages that mention the subject without settling the claim, not counted")
    }
}

/// The heading of a counted side.
pub fn side_heading(side: Side, lean: Lean, first: bool) -> &'static str {
    match (side, lean, first) {
        (Side::Against, Lean::Against, true) => "Evidence against the claim (decided the verdict)",
        (Side::For, Lean::For, true) => "Evidence for the claim (decided the verdict)",
        (Side::For, Lean::Against, _) => "Evidence for the claim (outweighed)",
        (Side::Against, Lean::For, _) => "Evidence against the claim (outweighed)",
        (Side::For, _, _) => "Evidence for the claim",
        (Side::Against, _, _) => "Evidence against the claim",
        (Side::Context, _, _) => "Context",
    }
}

/// How much of a passage to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// The passage in its paragraph, with all its figures.
    Full,
    /// The passage alone and its source: for folded passages that did not
    /// count, which mostly repeat the claim.
    Brief,
}

/// An ordered list of passages.
pub fn list(
    out: &mut String,
    side: Side,
    items: &[Numbered<'_>],
    index: &Index<'_>,
    detail: Detail,
) {
    out.push_str(&format!("<ol class=\"ev {}\">\n", side.css()));
    for (i, e) in items {
        item(out, i + 1, e, index, detail);
    }
    out.push_str("</ol>\n");
}

/// What the passage does, in words a reader shares.
fn what_it_does(e: &Evidence) -> (&'static str, String) {
    let side = Side::of(e.stance.label);
    let (class, verb) = match side {
        Side::For => ("for", "Supports the claim"),
        Side::Against => ("against", "Contradicts the claim"),
        Side::Context => ("context", "Discusses the subject"),
    };
    let role = match e.role {
        EvidenceRole::Independent => String::new(),
        EvidenceRole::FactCheck => " · from a published fact-check".to_owned(),
        EvidenceRole::Attribution => " · reports the claim being made".to_owned(),
        EvidenceRole::Claimant => " · the claimant's own words".to_owned(),
        EvidenceRole::Duplicate => match e.duplicate_of {
            Some(of) => format!(" · a copy of passage #{}", of + 1),
            None => " · a copy of another passage".to_owned(),
        },
    };
    (class, format!("{verb}{role}"))
}

fn item(out: &mut String, number: usize, e: &Evidence, index: &Index<'_>, detail: Detail) {
    let doc = index.document(e.document.as_str());
    out.push_str("<li>");
    let lang = doc
        .and_then(|d| d.language.as_deref())
        .map(|l| format!(" lang=\"{}\"", html(l)))
        .unwrap_or_default();
    let context = match detail {
        Detail::Full => doc.and_then(|d| in_context(d, e.span)),
        Detail::Brief => None,
    };
    match context {
        Some(c) if !c.marked.trim().is_empty() => {
            out.push_str(&format!(
                "<blockquote{lang}>{}{}<mark>{}</mark>{}{}</blockquote>",
                if c.cut_before { "…" } else { "" },
                html(c.before.trim_start()),
                html(c.marked),
                html(c.after.trim_end()),
                if c.cut_after { "…" } else { "" },
            ));
        }
        _ => out.push_str(&format!(
            "<blockquote{lang}><mark>{}</mark></blockquote>",
            html(e.text.trim())
        )),
    }
    let mut src = vec![format!("#{number}")];
    match doc {
        Some(d) => {
            if let Some(p) = &d.publisher {
                src.push(format!("<strong>{}</strong>", html(p)));
            }
            src.push(format!(
                "<a href=\"#{}\">{}</a>",
                html(d.id.as_str()),
                html(&shorten(doc_title(d), 120))
            ));
            if let Some(date) = d.published.as_deref().and_then(date_part) {
                src.push(html(date));
            }
            if let Some(a) = external(d.source.url.as_deref(), "source ↗") {
                src.push(a);
            }
        }
        None => src.push(html(e.document.as_str())),
    }
    out.push_str(&format!("<p class=\"src\">{}</p>", src.join(" · ")));
    let (class, does) = what_it_does(e);
    if detail == Detail::Brief {
        out.push_str(&format!(
            "<p><span class=\"stance {class}\">{}</span></p></li>\n",
            html(&does)
        ));
        return;
    }
    out.push_str(&format!(
        "<p><span class=\"stance {class}\">{}</span> <span class=\"scores\">· weight {} · \
         model {} {} · relevance {}</span></p>",
        html(&does),
        num(e.weight),
        percent(e.stance.scores.get(e.stance.label)),
        e.stance.label.as_str(),
        num(e.relevance),
    ));
    if !e.note.trim().is_empty() {
        out.push_str(&format!("<p class=\"note\">{}</p>", html(&e.note)));
    }
    out.push_str("</li>\n");
}
