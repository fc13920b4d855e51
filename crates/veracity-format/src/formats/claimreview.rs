//! `claimreview`: schema.org ClaimReview JSON-LD, one object per verdict.
//!
//! The mapping (see `docs/formats.md`):
//!
//! - `claimReviewed`: the claim's text; `reviewBody`: the explanation.
//! - `reviewRating`: a `Rating` whose `alternateName` is the verdict's label.
//!   A rated verdict also gets `ratingValue` 1..5 from its class (false 1,
//!   mostly false 2, mixed 3, mostly true 4, true 5) with `worstRating` 1 and
//!   `bestRating` 5; an unverified verdict has no numeric rating at all, only
//!   its label, because any number would read as a truth value.
//! - `itemReviewed`: a `Claim` with the claimant as `author` (a `Person`, or
//!   an `Organization` when the name looks like one), the claim's date, and
//!   every document it appears in as `appearance` (first one also as
//!   `firstAppearance`).
//! - `author`: the publishing organisation (`--publisher`, default
//!   `veracity`); `datePublished`: the `date` option, else the latest
//!   document date in the report (never the clock); `url`: the `base_url`
//!   option plus `#` and the claim id, else the bare fragment `#claim-…`,
//!   which JSON-LD resolves against the page the markup is embedded in.

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
                      BASE_URL#CLAIM_ID",
    },
    OptionKey {
        key: "date",
        description: "datePublished of the reviews (YYYY-MM-DD); default: the latest \
                      document date in the report",
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
    fn render(&self, report: &Report, options: &FormatOptions) -> Result<Vec<u8>, FormatError> {
        let settings = Settings::from_options(self.name(), report, options)?;
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
    base_url: Option<String>,
    date: Option<String>,
    author: Value,
}

impl Settings {
    fn from_options(
        format: &str,
        report: &Report,
        options: &FormatOptions,
    ) -> Result<Settings, FormatError> {
        let invalid = |key: &str, message: &str| FormatError::InvalidOption {
            format: format.to_owned(),
            key: key.to_owned(),
            message: message.to_owned(),
        };
        let base_url = match options.get("base_url") {
            Some(url) => {
                let url = web_url(url)
                    .ok_or_else(|| invalid("base_url", "give an absolute http or https URL"))?;
                Some(url.split('#').next().unwrap_or(url).to_owned())
            }
            None => None,
        };
        let date = match options.get("date") {
            Some(d) => Some(
                date_part(d)
                    .filter(|p| p.len() == d.trim().len())
                    .ok_or_else(|| invalid("date", "give a date as YYYY-MM-DD"))?
                    .to_owned(),
            ),
            None => report
                .documents
                .iter()
                .filter_map(|d| d.published.as_deref().and_then(date_part))
                .max()
                .map(str::to_owned),
        };
        let mut author = Map::new();
        author.insert("@type".into(), "Organization".into());
        author.insert("name".into(), options.publisher_name().into());
        if let Some(url) = &options.publisher_url {
            let url = web_url(url).ok_or_else(|| FormatError::InvalidOption {
                format: format.to_owned(),
                key: "publisher-url".to_owned(),
                message: "give an absolute http or https URL".to_owned(),
            })?;
            author.insert("url".into(), url.into());
        }
        Ok(Settings {
            base_url,
            date,
            author: Value::Object(author),
        })
    }
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

/// A document as a schema.org CreativeWork.
fn creative_work(doc: &Document) -> Value {
    let mut work = Map::new();
    work.insert("@type".into(), "CreativeWork".into());
    match doc.source.url.as_deref().and_then(web_url) {
        Some(url) => work.insert("url".into(), url.into()),
        None => work.insert("identifier".into(), doc.source.location.clone().into()),
    };
    if let Some(title) = &doc.title {
        work.insert("headline".into(), one_line(title).into());
    }
    if let Some(published) = &doc.published {
        work.insert("datePublished".into(), published.trim().into());
    }
    if let Some(publisher) = &doc.publisher {
        work.insert(
            "publisher".into(),
            json!({ "@type": "Organization", "name": one_line(publisher) }),
        );
    }
    if !doc.authors.is_empty() {
        let authors: Vec<Value> = doc.authors.iter().map(|a| agent(a)).collect();
        work.insert("author".into(), authors.into());
    }
    Value::Object(work)
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
    if let Some(first) = docs.first() {
        item.insert("firstAppearance".into(), creative_work(first));
        let all: Vec<Value> = docs.iter().map(|d| creative_work(d)).collect();
        item.insert("appearance".into(), all.into());
    }

    let claim_text = claim.map_or(claim_id, |c| c.text.as_str());
    let url = match &settings.base_url {
        Some(base) => format!("{base}#{claim_id}"),
        None => format!("#{claim_id}"),
    };
    let mut review = Map::new();
    review.insert("@context".into(), "https://schema.org".into());
    review.insert("@type".into(), "ClaimReview".into());
    review.insert("url".into(), url.into());
    review.insert("claimReviewed".into(), one_line(claim_text).into());
    review.insert("reviewRating".into(), Value::Object(rating));
    review.insert("itemReviewed".into(), Value::Object(item));
    review.insert("author".into(), settings.author.clone());
    if let Some(date) = &settings.date {
        review.insert("datePublished".into(), date.clone().into());
    }
    if !verdict.explanation.trim().is_empty() {
        review.insert("reviewBody".into(), one_line(&verdict.explanation).into());
    }
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
    fn ratings_map_classes_to_one_to_five() {
        assert_eq!(rating_value(RatingClass::False), Some(1));
        assert_eq!(rating_value(RatingClass::True), Some(5));
        assert_eq!(rating_value(RatingClass::Unverified), None);
    }
}
