//! JSON inputs: veracity Documents (validated against the schema), schema.org
//! ClaimReview, Google Fact Check Tools `claims:search` responses, and plain
//! scraper exports (see [`crate::scraped`]).

use crate::build::{self, Meta};
use crate::error::ErrorKind;
use serde_json::Value;
use veracity_model::validate::validate;
use veracity_model::{Diagnostic, Document, DocumentKind, Review, SchemaKind, Source};

/// Where the JSON came from, for sources and ids.
pub(crate) struct Origin<'a> {
    pub location: &'a str,
    pub media_type: &'a str,
    pub sha256: &'a str,
    /// The legacy encoding the bytes were decoded from (see `Source.encoding`).
    pub encoding: Option<&'a str>,
}

pub(crate) fn str_at<'v>(value: &'v Value, path: &[&str]) -> Option<&'v str> {
    let mut v = value;
    for key in path {
        v = v.get(key)?;
    }
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim()),
        _ => None,
    }
}

fn num(value: Option<&Value>) -> Option<f64> {
    match value? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A name from a string or an object with `name` (or the first of a list).
pub(crate) fn name_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Object(_) => str_at(value?, &["name"]).map(str::to_owned),
        Value::Array(items) => items.iter().find_map(|v| name_of(Some(v))),
        _ => None,
    }
}

fn is_type(value: &Value, ty: &str) -> bool {
    match value.get("@type") {
        Some(Value::String(s)) => s == ty,
        Some(Value::Array(types)) => types.iter().any(|t| t.as_str() == Some(ty)),
        _ => false,
    }
}

/// A veracity Document: text with a `Source` object, or with an id and a
/// kind. A scraper record's `source` is a name (or `{id, name}`), not a
/// `Source` with a location.
fn looks_like_document(value: &Value) -> bool {
    let has_source = value
        .get("source")
        .is_some_and(|s| s.get("location").is_some());
    let has_id_and_kind = value.get("id").is_some() && value.get("kind").is_some();
    value.get("text").is_some() && (has_source || has_id_and_kind)
}

/// Parses one JSON value into documents; `path` prefixes JSON paths in
/// messages and ids (`/3`, `line 4`). What the HTML of a raw crawl record
/// gave rise to (see [`crate::scraped`]) goes to `warnings`.
pub(crate) fn documents(
    value: &Value,
    origin: &Origin<'_>,
    path: &str,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Vec<Document>, ErrorKind> {
    if let Some(claims) = value.get("claims").and_then(Value::as_array) {
        return Ok(claims
            .iter()
            .enumerate()
            .filter_map(|(i, claim)| {
                fact_check_api_claim(claim, origin, &format!("{path}/claims/{i}"))
            })
            .collect());
    }
    if let Some(graph) = value.get("@graph").and_then(Value::as_array) {
        let docs: Vec<Document> = graph
            .iter()
            .enumerate()
            .filter(|(_, v)| is_type(v, "ClaimReview"))
            .map(|(i, v)| claim_review(v, origin, &format!("{path}/@graph/{i}")))
            .collect();
        if docs.is_empty() {
            return Err(ErrorKind::UnknownJson(
                "an @graph without a ClaimReview".into(),
            ));
        }
        return Ok(docs);
    }
    if is_type(value, "ClaimReview") {
        return Ok(vec![claim_review(value, origin, path)]);
    }
    if let Value::Array(items) = value {
        let mut docs = Vec::new();
        let mut issues = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let item_path = format!("{path}/{i}");
            match documents(item, origin, &item_path, warnings) {
                Ok(mut d) => docs.append(&mut d),
                Err(ErrorKind::Invalid(mut found)) => issues.append(&mut found),
                Err(other) => issues.push(format!("{item_path}: {other}")),
            }
        }
        if !issues.is_empty() {
            return Err(ErrorKind::Invalid(issues));
        }
        return Ok(docs);
    }
    if looks_like_document(value) {
        let issues = validate(SchemaKind::Document, value);
        if !issues.is_empty() {
            return Err(ErrorKind::Invalid(
                issues
                    .iter()
                    .map(|i| {
                        let p = if i.path.is_empty() { "/" } else { &i.path };
                        format!("  {path}{p}: {}", i.message)
                    })
                    .collect(),
            ));
        }
        return serde_json::from_value::<Document>(value.clone())
            .map(|d| vec![d])
            .map_err(|e| ErrorKind::Invalid(vec![format!("  {path}/: {e}")]));
    }
    if let Some(docs) = crate::scraped::documents(value, origin, path, warnings) {
        return Ok(docs);
    }
    let what = match value {
        Value::Object(map) => {
            let keys: Vec<&str> = map.keys().take(5).map(String::as_str).collect();
            format!("an object with keys {}", keys.join(", "))
        }
        Value::Array(_) => "an array".into(),
        Value::String(_) => "a string".into(),
        Value::Number(_) => "a number".into(),
        Value::Bool(_) => "a boolean".into(),
        Value::Null => "null".into(),
    };
    Err(ErrorKind::UnknownJson(what))
}

pub(crate) fn source(origin: &Origin<'_>, url: Option<&str>) -> Source {
    Source {
        location: origin.location.to_owned(),
        media_type: origin.media_type.to_owned(),
        sha256: origin.sha256.to_owned(),
        byte_range: None,
        url: url.map(str::to_owned),
        encoding: origin.encoding.map(str::to_owned),
    }
}

pub(crate) fn iso_date(s: Option<&str>) -> Option<String> {
    let s = s?.trim();
    crate::dates::printed::find_date(s)
        .map(|d| d.iso)
        .or_else(|| (!s.is_empty()).then(|| s.to_owned()))
}

/// A schema.org ClaimReview as a fact-check document.
fn claim_review(value: &Value, origin: &Origin<'_>, path: &str) -> Document {
    let claim = str_at(value, &["claimReviewed"]).unwrap_or("").to_owned();
    let reviewer = name_of(value.get("author"));
    let rating_value = value.get("reviewRating");
    let label = rating_value
        .and_then(|r| str_at(r, &["alternateName"]).or_else(|| str_at(r, &["name"])))
        .unwrap_or("");
    let numeric = rating_value.and_then(|r| {
        let v = num(r.get("ratingValue"))?;
        let best = num(r.get("bestRating")).unwrap_or(5.0);
        let worst = num(r.get("worstRating")).unwrap_or(1.0);
        Some((v, worst, best))
    });
    let item = value.get("itemReviewed");
    let claimant = item.and_then(|i| name_of(i.get("author")));
    let url = str_at(value, &["url"]);
    let date = iso_date(str_at(value, &["datePublished"]));
    let summary = rating_value
        .and_then(|r| str_at(r, &["ratingExplanation"]))
        .or_else(|| str_at(value, &["reviewBody"]))
        .or_else(|| str_at(value, &["description"]))
        .map(str::to_owned);
    let review = Review {
        claim: claim.clone(),
        claimant: claimant.clone(),
        rating: crate::rating::rate(label, reviewer.as_deref(), numeric),
        summary: summary.clone(),
        reviewer: reviewer.clone(),
        url: url.map(str::to_owned),
        date: date.clone(),
    };
    let mut paragraphs = Vec::new();
    if !claim.is_empty() {
        paragraphs.push(match &claimant {
            Some(c) => format!("{c} claimed: \u{201c}{claim}\u{201d}"),
            None => format!("Claim: \u{201c}{claim}\u{201d}"),
        });
    }
    paragraphs.push(format!("Rating: {}", review.rating.label));
    paragraphs.extend(summary);
    let meta = Meta {
        title: str_at(value, &["headline"])
            .or_else(|| str_at(value, &["name"]))
            .map(str::to_owned),
        published: date,
        language: str_at(value, &["inLanguage"]).map(str::to_owned),
        publisher: reviewer,
        kind: Some(DocumentKind::FactCheck),
        reviews: vec![review],
        ..Meta::default()
    };
    let part = (!path.is_empty()).then_some(path);
    build::document(
        build::document_id(origin.sha256, part),
        source(origin, url),
        None,
        meta,
        &paragraphs,
    )
}

/// One claim of a Fact Check Tools `claims:search` response: a fact-check
/// document holding one review per `claimReview`.
fn fact_check_api_claim(claim: &Value, origin: &Origin<'_>, path: &str) -> Option<Document> {
    let text = str_at(claim, &["text"])?.to_owned();
    let claimant = str_at(claim, &["claimant"]).map(str::to_owned);
    let mut reviews = Vec::new();
    let mut paragraphs = vec![match &claimant {
        Some(c) => format!("{c} claimed: \u{201c}{text}\u{201d}"),
        None => format!("Claim: \u{201c}{text}\u{201d}"),
    }];
    let mut meta = Meta {
        kind: Some(DocumentKind::FactCheck),
        ..Meta::default()
    };
    let mut first_url = None;
    for review in claim
        .get("claimReview")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
    {
        let reviewer = str_at(review, &["publisher", "name"])
            .or_else(|| str_at(review, &["publisher", "site"]))
            .map(str::to_owned);
        let label = str_at(review, &["textualRating"]).unwrap_or("");
        let rating = crate::rating::rate(label, reviewer.as_deref(), None);
        let title = str_at(review, &["title"]).map(str::to_owned);
        let url = str_at(review, &["url"]).map(str::to_owned);
        let date = iso_date(str_at(review, &["reviewDate"]));
        paragraphs.push(format!(
            "{} rated it {}{}",
            reviewer.as_deref().unwrap_or("A fact-checker"),
            rating.label,
            title
                .as_deref()
                .map(|t| format!(": {t}"))
                .unwrap_or_default()
        ));
        if meta.title.is_none() {
            meta.title = title;
            meta.published = date.clone();
            meta.publisher = reviewer.clone();
            meta.language = str_at(review, &["languageCode"]).map(str::to_owned);
            first_url = url.clone();
        }
        reviews.push(Review {
            claim: text.clone(),
            claimant: claimant.clone(),
            rating,
            summary: None,
            reviewer,
            url,
            date,
        });
    }
    meta.reviews = reviews;
    Some(build::document(
        build::document_id(origin.sha256, Some(path)),
        source(origin, first_url.as_deref()),
        None,
        meta,
        &paragraphs,
    ))
}
