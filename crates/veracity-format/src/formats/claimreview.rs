//! `claimreview`: schema.org ClaimReview JSON-LD, one object per verdict,
//! ready to publish.
//!
//! The mapping (see `docs/formats.md`):
//!
//! - `url`: the page that publishes the reviews (the `base_url` option, else
//!   the publisher's URL) plus `#` and the claim id, the anchor the HTML
//!   report gives each claim. Without either URL there is nothing to
//!   publish at, and rendering fails naming `--publisher-url`.
//! - `claimReviewed`: the claim's text; `reviewBody`: the verdict in plain
//!   sentences ([`crate::reader::reader_summary`]), never internal ids.
//! - `reviewRating`: a `Rating` whose `alternateName` is the verdict's label.
//!   A rated verdict also gets `ratingValue` 1..5 from its class (false 1,
//!   mostly false 2, mixed 3, mostly true 4, true 5) with `worstRating` 1 and
//!   `bestRating` 5; an unverified verdict has no numeric rating at all, only
//!   its label, because any number would read as a truth value.
//! - `itemReviewed`: a `Claim` with the claimant as `author` (a `Person`, or
//!   an `Organization` when the name looks like one), the claim's date, and
//!   every document it appears in as `appearance` (first one also as
//!   `firstAppearance`): by its web URL when known, else described by its
//!   headline and publisher. A local file path is never written.
//! - `author`: the publishing organisation (`--publisher`, default
//!   `veracity`, with `--publisher-url`); `datePublished`: the review date
//!   (`FormatOptions::review_date`, or the `date` option); the library never
//!   reads the clock, so a missing date is an error.

use crate::reader::reader_summary;
use crate::shared::{Index, date_part, one_line, web_url};
use crate::{Format, FormatError, FormatOptions, OptionKey};
use serde_json::{Map, Value, json};
use veracity_model::{Claim, Document, EvidenceRole, RatingClass, Report, Verdict};

/// schema.org ClaimReview JSON-LD: a JSON array with one ClaimReview per
/// verdict, meeting Google's required and recommended properties.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClaimReviewFormat;

const OPTIONS: [OptionKey; 2] = [
    OptionKey {
        key: "base_url",
        description: "URL of the page that will publish the reviews; each review's url is \
                      BASE_URL#CLAIM_ID (default: --publisher-url)",
    },
    OptionKey {
        key: "date",
        description: "datePublished of the reviews (YYYY-MM-DD); an alias of --review-date",
    },
];

impl Format for ClaimReviewFormat {
    fn name(&self) -> &str {
        "claimreview"
    }
    fn description(&self) -> &str {
        "schema.org ClaimReview JSON-LD, one per verdict, for publishing (Google-ready)"
    }
    fn media_type(&self) -> &str {
        "application/ld+json"
    }
    fn extension(&self) -> &str {
        "jsonld"
    }
    fn option_keys(&self) -> Option<&[OptionKey]> {
        Some(&OPTIONS)
    }
    fn check_values(&self, options: &FormatOptions) -> Result<(), FormatError> {
        Settings::from_options(self.name(), options).map(|_| ())
    }
    fn render(&self, report: &Report, options: &FormatOptions) -> Result<Vec<u8>, FormatError> {
        let settings = Settings::from_options(self.name(), options)?;
        let index = Index::new(report);
        let reviews: Vec<Value> = report
            .verdicts
            .iter()
            .map(|v| claim_review(&index, v, &settings))
            .collect();
        let mut out = serde_json::to_vec_pretty(&reviews).map_err(|source| FormatError::Json {
            format: self.name().to_owned(),
            source,
        })?;
        out.push(b'\n');
        Ok(out)
    }
}

/// What every review of one rendering shares.
struct Settings {
    /// The page the reviews are published on, without a fragment.
    page_url: String,
    date: String,
    author: Value,
}

impl Settings {
    fn from_options(format: &str, options: &FormatOptions) -> Result<Settings, FormatError> {
        let invalid = |key: &str, message: &str| FormatError::InvalidOption {
            format: format.to_owned(),
            key: key.to_owned(),
            message: message.to_owned(),
        };
        let publisher_url = match &options.publisher_url {
            Some(url) => Some(web_url(url).ok_or_else(|| {
                invalid(
                    "publisher-url",
                    "give an absolute http or https URL (https://desk.example/factchecks/)",
                )
            })?),
            None => None,
        };
        let base_url = match options.get("base_url") {
            Some(url) => Some(
                web_url(url)
                    .ok_or_else(|| invalid("base_url", "give an absolute http or https URL"))?,
            ),
            None => None,
        };
        let page = base_url.or(publisher_url).ok_or_else(|| {
            invalid(
                "publisher-url",
                "a ClaimReview needs the web address it is published at; pass \
                 --publisher-url URL (each review's url is URL#CLAIM_ID), or -O base_url=URL",
            )
        })?;
        let page_url = page.split('#').next().unwrap_or(page).to_owned();

        let review_date = options.review_date.as_deref().map(str::trim);
        let alias = options.get("date").map(str::trim);
        let date = match (review_date, alias) {
            (Some(a), Some(b)) if a != b => {
                return Err(invalid(
                    "date",
                    "the date option and the review date differ; give one of them",
                ));
            }
            (Some(d), _) | (None, Some(d)) => d,
            (None, None) => {
                return Err(invalid(
                    "review-date",
                    "a ClaimReview needs the date it is published; pass --review-date \
                     YYYY-MM-DD (the CLI uses today's date by default)",
                ));
            }
        };
        if !is_calendar_date(date) {
            return Err(invalid(
                "review-date",
                "give a calendar date as YYYY-MM-DD (e.g. 2026-12-06)",
            ));
        }

        let mut author = Map::new();
        author.insert("@type".into(), "Organization".into());
        author.insert("name".into(), one_line(options.publisher_name()).into());
        if let Some(url) = publisher_url {
            author.insert("url".into(), url.into());
        }
        Ok(Settings {
            page_url,
            date: date.to_owned(),
            author: Value::Object(author),
        })
    }
}

/// `YYYY-MM-DD` naming a day that exists (no 2026-02-30).
fn is_calendar_date(date: &str) -> bool {
    if date_part(date).is_none_or(|p| p.len() != date.len()) {
        return false;
    }
    let number = |from: usize, to: usize| date[from..to].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (number(0, 4), number(5, 7), number(8, 10));
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    };
    (1..=days).contains(&day)
}

/// Words that mark a name as an organisation's rather than a person's.
const ORGANISATION_WORDS: &[&str] = &[
    "academy",
    "agency",
    "alliance",
    "association",
    "authority",
    "bank",
    "board",
    "bureau",
    "campaign",
    "center",
    "centre",
    "coalition",
    "college",
    "commission",
    "committee",
    "company",
    "corp",
    "corporation",
    "council",
    "court",
    "department",
    "embassy",
    "federation",
    "foundation",
    "government",
    "group",
    "inc",
    "institute",
    "league",
    "llc",
    "ltd",
    "ministry",
    "network",
    "news",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "police",
    "press",
    "service",
    "society",
    "times",
    "union",
    "university",
    "utility",
];

/// `Organization` when a word of the name is an organisation word or the
/// name is an acronym (`NATO`, `WHO`); `Person` otherwise.
pub fn agent_type(name: &str) -> &'static str {
    let words: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let org_word = words.iter().any(|w| {
        let lower = w.to_lowercase();
        ORGANISATION_WORDS.contains(&lower.as_str())
    });
    let acronym = words.len() == 1
        && words[0].chars().count() >= 2
        && words[0]
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit());
    if org_word || acronym {
        "Organization"
    } else {
        "Person"
    }
}

fn agent(name: &str) -> Value {
    json!({ "@type": agent_type(name), "name": one_line(name) })
}

/// A document as a schema.org CreativeWork: by its web URL when the source
/// states one, else described by headline, publisher, authors and date, so
/// a reader can still find it. `None` when there is nothing to name it by.
/// The source's location (a local path) is never written.
fn creative_work(doc: &Document) -> Option<Value> {
    let mut work = Map::new();
    work.insert("@type".into(), "CreativeWork".into());
    let url = doc.source.url.as_deref().and_then(web_url);
    if let Some(url) = url {
        work.insert("url".into(), url.into());
    }
    if let Some(title) = doc.title.as_deref().map(one_line).filter(|t| !t.is_empty()) {
        work.insert("headline".into(), title.into());
    }
    if let Some(published) = &doc.published {
        work.insert("datePublished".into(), published.trim().into());
    }
    if let Some(publisher) = doc
        .publisher
        .as_deref()
        .map(one_line)
        .filter(|p| !p.is_empty())
    {
        work.insert(
            "publisher".into(),
            json!({ "@type": "Organization", "name": publisher }),
        );
    }
    if !doc.authors.is_empty() {
        let authors: Vec<Value> = doc.authors.iter().map(|a| agent(a)).collect();
        work.insert("author".into(), authors.into());
    }
    let named = url.is_some() || work.contains_key("headline") || work.contains_key("publisher");
    named.then_some(Value::Object(work))
}

/// The documents the claim appears in, first appearance first; lacking
/// recorded appearances, the documents of evidence that quotes or reports
/// the claimant.
fn appearances<'r>(
    index: &Index<'r>,
    claim: Option<&Claim>,
    verdict: &Verdict,
) -> Vec<&'r Document> {
    let mut ids: Vec<&str> = claim
        .map(|c| c.appearances.iter().map(|a| a.document.as_str()).collect())
        .unwrap_or_default();
    if ids.is_empty() {
        ids = verdict
            .evidence
            .iter()
            .filter(|e| matches!(e.role, EvidenceRole::Claimant | EvidenceRole::Attribution))
            .map(|e| e.document.as_str())
            .collect();
    }
    let mut docs: Vec<&Document> = Vec::new();
    for id in ids {
        if let Some(doc) = index.document(id)
            && !docs.iter().any(|d| d.id == doc.id)
        {
            docs.push(doc);
        }
    }
    docs
}

/// The ClaimReview `ratingValue` of a class: 1 (false) to 5 (true); `None`
/// for unverified.
pub fn rating_value(class: RatingClass) -> Option<u8> {
    match class {
        RatingClass::False => Some(1),
        RatingClass::MostlyFalse => Some(2),
        RatingClass::Mixed => Some(3),
        RatingClass::MostlyTrue => Some(4),
        RatingClass::True => Some(5),
        RatingClass::Unverified => None,
    }
}

fn claim_review(index: &Index<'_>, verdict: &Verdict, settings: &Settings) -> Value {
    let claim = index.claim(verdict.claim.as_str());
    let claim_id = verdict.claim.as_str();

    let mut rating = Map::new();
    rating.insert("@type".into(), "Rating".into());
    rating.insert(
        "alternateName".into(),
        one_line(&verdict.rating.label).into(),
    );
    if let Some(value) = rating_value(verdict.rating.class) {
        rating.insert("ratingValue".into(), value.into());
        rating.insert("bestRating".into(), 5.into());
        rating.insert("worstRating".into(), 1.into());
    }

    let docs = appearances(index, claim, verdict);
    let mut item = Map::new();
    item.insert("@type".into(), "Claim".into());
    let claimant = claim.and_then(|c| c.claimant.as_deref()).or_else(|| {
        verdict
            .reviews
            .iter()
            .find_map(|r| r.review.claimant.as_deref())
    });
    if let Some(name) = claimant.filter(|n| !n.trim().is_empty()) {
        item.insert("author".into(), agent(name));
    }
    let claim_date = claim
        .and_then(|c| c.date.as_deref())
        .map(str::trim)
        .map(str::to_owned)
        .or_else(|| {
            docs.first()
                .and_then(|d| d.published.as_deref())
                .and_then(date_part)
                .map(str::to_owned)
        });
    if let Some(date) = claim_date {
        item.insert("datePublished".into(), date.into());
    }
    let works: Vec<Value> = docs.iter().filter_map(|d| creative_work(d)).collect();
    if let Some(first) = works.first() {
        item.insert("firstAppearance".into(), first.clone());
        item.insert("appearance".into(), works.into());
    }

    let claim_text = claim.map_or(claim_id, |c| c.text.as_str());
    let url = format!("{}#{claim_id}", settings.page_url);
    let mut review = Map::new();
    review.insert("@context".into(), "https://schema.org".into());
    review.insert("@type".into(), "ClaimReview".into());
    review.insert("url".into(), url.into());
    review.insert("claimReviewed".into(), one_line(claim_text).into());
    review.insert("reviewRating".into(), Value::Object(rating));
    review.insert("itemReviewed".into(), Value::Object(item));
    review.insert("author".into(), settings.author.clone());
    review.insert("datePublished".into(), settings.date.clone().into());
    review.insert("reviewBody".into(), reader_summary(index, verdict).into());
    Value::Object(review)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisations_are_told_from_people() {
        assert_eq!(agent_type("Dana Whitfield"), "Person");
        assert_eq!(agent_type("Port Alder Water Authority"), "Organization");
        assert_eq!(agent_type("Russian Foreign Ministry"), "Organization");
        assert_eq!(agent_type("NATO"), "Organization");
        assert_eq!(agent_type("Acme Inc."), "Organization");
        assert_eq!(agent_type("Bob"), "Person");
    }

    #[test]
    fn review_dates_must_exist() {
        for good in ["2026-12-06", "2024-02-29", "2000-02-29"] {
            assert!(is_calendar_date(good), "{good}");
        }
        for bad in [
            "2026-02-29",
            "1900-02-29",
            "2026-00-10",
            "2026-04-31",
            "2026-12-6",
            "2026-12-06T01",
        ] {
            assert!(!is_calendar_date(bad), "{bad}");
        }
    }

    #[test]
    fn ratings_map_classes_to_one_to_five() {
        assert_eq!(rating_value(RatingClass::False), Some(1));
        assert_eq!(rating_value(RatingClass::True), Some(5));
        assert_eq!(rating_value(RatingClass::Unverified), None);
    }
}
