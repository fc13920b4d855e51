//! The terminal summary of `veracity check`, for a reader with a deadline:
//! per claim the verdict in words, the one or two passages that decided it,
//! the published review, and the rest folded into one line; the totals and
//! how to see more come last.

mod paint;
mod terminal;
mod wrap;

pub use terminal::Layout;

use paint::Paint;
use veracity_format::reader;
use veracity_model::{
    CitedReview, Claim, DocumentId, Evidence, RatingClass, Report, Severity, StanceLabel, Verdict,
};
use veracity_verdict::Sources;
use wrap::{shortened, wrap};

/// Indent of everything under a claim's first line.
const BODY: &str = "    ";
/// Indent of a quoted passage under its source.
const QUOTE: &str = "      ";
/// The longest claim and passage quoted, in characters.
const CLAIM_CHARS: usize = 400;
const PASSAGE_CHARS: usize = 240;

/// Renders the summary of `report`; `sources` names each document by
/// outlet and title.
pub fn render(report: &Report, sources: &Sources, layout: Layout) -> String {
    let writer = Writer {
        width: layout.width,
        paint: Paint::new(layout.colour),
        sources,
    };
    let mut out = String::new();
    for (i, (claim, verdict)) in report.claims.iter().zip(&report.verdicts).enumerate() {
        writer.claim(&mut out, i + 1, claim, verdict);
        out.push('\n');
    }
    writer.totals(&mut out, report);
    out
}

struct Writer<'a> {
    width: Option<usize>,
    paint: Paint,
    sources: &'a Sources,
}

impl Writer<'_> {
    fn lines(&self, out: &mut String, text: &str, first: &str, rest: &str) {
        for line in wrap(text, self.width, first, rest) {
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }

    fn source(&self, id: &DocumentId) -> String {
        self.sources
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }

    fn claim(&self, out: &mut String, number: usize, claim: &Claim, verdict: &Verdict) {
        // The verdict first, in words; colour only on the label itself.
        let label = verdict_label(verdict);
        let number = format!("{number:>2}. ");
        let head = format!("{label}{}", verdict_qualifier(verdict));
        let indent = " ".repeat(number.chars().count());
        for (i, line) in wrap(&head, self.width, &number, &indent)
            .into_iter()
            .enumerate()
        {
            let line = match line.strip_prefix(&format!("{number}{label}")) {
                Some(after) if i == 0 => format!(
                    "{number}{}{after}",
                    self.paint.verdict(verdict.rating.class, &label)
                ),
                _ => line,
            };
            out.push_str(line.trim_end());
            out.push('\n');
        }
        let text = format!("\u{201c}{}\u{201d}", shortened(&claim.text, CLAIM_CHARS));
        self.lines(out, &text, BODY, BODY);
        self.lines(out, &who_and_where(claim), BODY, BODY);
        for e in deciding(verdict) {
            let side = if e.stance.label == StanceLabel::Disagree {
                "Against"
            } else {
                "For"
            };
            self.lines(
                out,
                &format!("{side}: {}", self.source(&e.document)),
                BODY,
                QUOTE,
            );
            let passage = format!("\u{201c}{}\u{201d}", shortened(&e.text, PASSAGE_CHARS));
            self.lines(out, &passage, QUOTE, QUOTE);
        }
        for r in &verdict.reviews {
            self.lines(out, &self.review(r), BODY, QUOTE);
        }
        if let Some(folded) = folded(verdict) {
            let folded = wrap(&folded, self.width, BODY, QUOTE);
            for line in folded {
                out.push_str(&self.paint.dim(line.trim_end()));
                out.push('\n');
            }
        }
    }

    fn review(&self, cited: &CitedReview) -> String {
        let r = &cited.review;
        let reviewer = r.reviewer.as_deref().unwrap_or("A fact-checker");
        let date = r
            .date
            .as_deref()
            .map(|d| format!(" on {d}"))
            .unwrap_or_default();
        let close = if cited.similarity < 0.99 {
            " (for a closely matching claim)"
        } else {
            ""
        };
        let place = r
            .url
            .clone()
            .unwrap_or_else(|| self.source(&cited.document));
        format!(
            "Published review: {reviewer} rated it {}{date}{close}: {place}",
            r.rating.label
        )
    }

    fn totals(&self, out: &mut String, report: &Report) {
        let docs = report.collection_size();
        let claims = report.claims.len();
        // Documents in a language the models do not read carry no weight;
        // a report written before the collection was counted lists them all.
        let set_aside = if report.collection.documents > 0 {
            report.collection.set_aside
        } else {
            report
                .documents
                .iter()
                .filter(|d| !veracity_verdict::carries_weight(d))
                .count()
        };
        let mut line = format!(
            "{claims} claim{} checked in {docs} document{}",
            plural(claims),
            plural(docs)
        );
        if set_aside > 0 {
            line.push_str(&format!(" ({set_aside} set aside for their language)"));
        }
        let counts = class_counts(&report.verdicts);
        if !counts.is_empty() {
            line.push_str(": ");
            line.push_str(&counts.join(", "));
        }
        line.push('.');
        self.lines(out, &line, "", "");
        // The library's note when more claims exist than were checked; it
        // names the flags that show them.
        for note in report.diagnostics.iter().filter(|d| d.source == "claims") {
            self.lines(out, &sentence(&note.message), "", "");
        }
        // Errors are inputs left out; warnings are notes (text a rule
        // dropped, a page set aside), not problems.
        let count = |severity| {
            report
                .diagnostics
                .iter()
                .filter(|d| d.source != "claims" && d.severity == severity)
                .count()
        };
        let (problems, notes) = (count(Severity::Error), count(Severity::Warning));
        if problems > 0 {
            let text = format!(
                "{problems} input problem{}: see the errors above or the JSON report.",
                plural(problems)
            );
            self.lines(out, &text, "", "");
        }
        if notes > 0 {
            let text = format!(
                "{notes} note{} on the inputs (text dropped as boilerplate, pages set aside): \
                 see the warnings above or the JSON report.",
                plural(notes)
            );
            self.lines(out, &text, "", "");
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `text` with a capital first letter and a closing full stop.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    out.push_str(chars.as_str());
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

/// The label as published on its scale, with the scale named only when it
/// is not the default one.
fn verdict_label(v: &Verdict) -> String {
    if v.rating.scale == reader::DEFAULT_SCALE {
        v.rating.label.clone()
    } else {
        format!("{} ({} scale)", v.rating.label, v.rating.scale)
    }
}

/// What follows the label: the calibrated confidence of a verdict rated on
/// weighed evidence, or why a verdict could not be reached, in words.
fn verdict_qualifier(v: &Verdict) -> String {
    if let Some(why) = reader::unsettled(v) {
        format!(": {}", why.words())
    } else if reader::confidence_shown(v) {
        format!(", confidence {:.0}%", v.confidence * 100.0)
    } else {
        String::new()
    }
}

/// Who made the claim and how widely it appears.
fn who_and_where(claim: &Claim) -> String {
    let docs = claim.stated_in();
    let who = claim
        .claimant
        .as_deref()
        .map_or("Speaker not identified".to_owned(), |c| {
            format!("Said by {c}")
        });
    if docs == 0 {
        format!("{who}.")
    } else {
        format!("{who}; in {docs} document{}.", plural(docs as usize))
    }
}

/// The one or two weighed passages that decided the verdict: the
/// strongest against a false rating, for a true one, and the strongest
/// on each side when the verdict is mixed or not reached.
fn deciding(v: &Verdict) -> Vec<&Evidence> {
    let strongest = |label: StanceLabel, n: usize| {
        let mut side: Vec<&Evidence> = v
            .evidence
            .iter()
            .filter(|e| e.weight > 0.0 && e.stance.label == label)
            .collect();
        side.sort_by(|a, b| b.weight.total_cmp(&a.weight));
        side.truncate(n);
        side
    };
    match v.rating.class {
        RatingClass::False | RatingClass::MostlyFalse => strongest(StanceLabel::Disagree, 2),
        RatingClass::True | RatingClass::MostlyTrue => strongest(StanceLabel::Agree, 2),
        RatingClass::Mixed | RatingClass::Unverified => {
            let mut both = strongest(StanceLabel::Disagree, 1);
            both.extend(strongest(StanceLabel::Agree, 1));
            both
        }
    }
}

/// Everything else about the evidence, in one line: what was weighed but
/// not shown, and what was not counted and why.
fn folded(v: &Verdict) -> Option<String> {
    let shown = deciding(v).len();
    let weighed = v.evidence.iter().filter(|e| e.weight > 0.0).count() - shown;
    let mut parts = Vec::new();
    if weighed > 0 {
        parts.push(format!("{weighed} more passage{} weighed", plural(weighed)));
    }
    parts.extend(reader::not_counted(&v.evidence));
    (!parts.is_empty()).then(|| format!("Also: {}.", parts.join("; ")))
}

/// "1 false, 2 mostly true, 7 unverified", in the order of the scale.
fn class_counts(verdicts: &[Verdict]) -> Vec<String> {
    [
        (RatingClass::True, "true"),
        (RatingClass::MostlyTrue, "mostly true"),
        (RatingClass::Mixed, "mixed"),
        (RatingClass::MostlyFalse, "mostly false"),
        (RatingClass::False, "false"),
        (RatingClass::Unverified, "unverified"),
    ]
    .into_iter()
    .filter_map(|(class, words)| {
        let n = verdicts.iter().filter(|v| v.rating.class == class).count();
        (n > 0).then(|| format!("{n} {words}"))
    })
    .collect()
}
