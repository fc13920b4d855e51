//! A checker for schema.org ClaimReview as Google's fact-check structured
//! data asks for it. The property list, written from Google's public
//! description:
//!
//! - required: `claimReviewed` (text), `reviewRating` (a `Rating` with
//!   `alternateName`), `url` (an absolute http(s) URL);
//! - recommended: `author` (with `name` and `url`), `datePublished`,
//!   `itemReviewed` (a `Claim` with `author` (with `name`), `datePublished`,
//!   and `appearance` or `firstAppearance`: a URL, or a `CreativeWork` with
//!   a `url` or an inline description such as its `headline`).
//!
//! `ratingValue`, `bestRating` and `worstRating` are optional (a rating
//! may be textual only, as an unverified verdict is), but when one is
//! present all three must be, as numbers with worst < best and the value
//! between them.

use super::ValidationIssue;
use serde_json::{Map, Value};

/// How much a problem matters to a publisher.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// A required property is missing or wrong: Google will not use the
    /// markup.
    Error,
    /// A recommended property is missing or wrong: the markup is usable,
    /// but less complete.
    Warning,
}

/// One problem in a ClaimReview, with its JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Where, and what is wrong.
    pub issue: ValidationIssue,
}

/// Whether the value is ClaimReview markup: an object whose `@type` is (or
/// includes) `ClaimReview`, or a non-empty array of such objects.
pub fn is_claim_review(value: &Value) -> bool {
    match value {
        Value::Array(items) => !items.is_empty() && items.iter().all(is_claim_review_object),
        other => is_claim_review_object(other),
    }
}

fn is_claim_review_object(value: &Value) -> bool {
    has_type(value, "ClaimReview")
}

fn has_type(value: &Value, wanted: &str) -> bool {
    let matches = |t: &Value| {
        t.as_str().is_some_and(|s| {
            let s = s.trim();
            // `ClaimReview`, `schema:ClaimReview`, `https://schema.org/ClaimReview`.
            s == wanted || s.rsplit([':', '/']).next() == Some(wanted)
        })
    };
    match value.get("@type") {
        Some(Value::Array(types)) => types.iter().any(matches),
        Some(t) => matches(t),
        None => false,
    }
}

/// Every problem in a ClaimReview object or array of them; an empty list
/// means it meets every required and recommended property.
pub fn check(value: &Value) -> Vec<Problem> {
    let mut out = Checker::default();
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                out.review(item, &format!("/{i}"));
            }
        }
        single => out.review(single, ""),
    }
    out.problems
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn push(&mut self, severity: Severity, path: String, message: impl Into<String>) {
        self.problems.push(Problem {
            severity,
            issue: ValidationIssue {
                path,
                message: message.into(),
            },
        });
    }

    fn review(&mut self, value: &Value, at: &str) {
        let Some(object) = value.as_object() else {
            self.push(
                Severity::Error,
                at.to_owned(),
                "a ClaimReview must be a JSON object",
            );
            return;
        };
        if !has_type(value, "ClaimReview") {
            self.push(
                Severity::Error,
                format!("{at}/@type"),
                "must be \"ClaimReview\"",
            );
        }
        // Required.
        self.text(object, at, "claimReviewed", Severity::Error);
        match object.get("url") {
            None => self.push(
                Severity::Error,
                format!("{at}/url"),
                "required: the address of the page that publishes the review",
            ),
            Some(url) => self.web_url(url, &format!("{at}/url"), Severity::Error),
        }
        match object.get("reviewRating") {
            None => self.push(
                Severity::Error,
                format!("{at}/reviewRating"),
                "required: a Rating with alternateName",
            ),
            Some(rating) => self.rating(rating, &format!("{at}/reviewRating")),
        }
        // Recommended.
        match object.get("author") {
            None => self.push(
                Severity::Warning,
                format!("{at}/author"),
                "recommended: the organisation that publishes the review",
            ),
            Some(author) => {
                let path = format!("{at}/author");
                self.agent(author, &path);
                match author.get("url") {
                    Some(url) => self.web_url(url, &format!("{path}/url"), Severity::Warning),
                    None => self.push(
                        Severity::Warning,
                        format!("{path}/url"),
                        "recommended: the publisher's web site",
                    ),
                }
            }
        }
        self.date(object, at, "datePublished");
        match object.get("itemReviewed") {
            None => self.push(
                Severity::Warning,
                format!("{at}/itemReviewed"),
                "recommended: the Claim reviewed, with its author, date and appearances",
            ),
            Some(item) => self.claim(item, &format!("{at}/itemReviewed")),
        }
    }

    fn text(&mut self, object: &Map<String, Value>, at: &str, key: &str, severity: Severity) {
        let path = format!("{at}/{key}");
        let need = if severity == Severity::Error {
            "required"
        } else {
            "recommended"
        };
        match object.get(key) {
            None => self.push(severity, path, format!("{need}: missing")),
            Some(Value::String(s)) if !s.trim().is_empty() => {}
            Some(_) => self.push(severity, path, format!("{need}: must be non-empty text")),
        }
    }

    fn web_url(&mut self, value: &Value, path: &str, severity: Severity) {
        let ok = value.as_str().is_some_and(|url| {
            let url = url.trim();
            let lower = url.to_ascii_lowercase();
            let rest = lower
                .strip_prefix("https://")
                .or_else(|| lower.strip_prefix("http://"));
            rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/'))
                && !url.chars().any(char::is_whitespace)
        });
        if !ok {
            self.push(
                severity,
                path.to_owned(),
                format!("must be an absolute http or https URL, not {value}"),
            );
        }
    }

    fn date(&mut self, object: &Map<String, Value>, at: &str, key: &str) {
        let path = format!("{at}/{key}");
        match object.get(key) {
            None => self.push(Severity::Warning, path, "recommended: missing"),
            Some(Value::String(s)) if is_iso_date(s) => {}
            Some(other) => self.push(
                Severity::Warning,
                path,
                format!("must be an ISO 8601 date (YYYY-MM-DD...), not {other}"),
            ),
        }
    }

    fn agent(&mut self, value: &Value, path: &str) {
        let Some(object) = value.as_object() else {
            self.push(
                Severity::Warning,
                path.to_owned(),
                "must be a Person or Organization object",
            );
            return;
        };
        if !has_type(value, "Person") && !has_type(value, "Organization") {
            self.push(
                Severity::Warning,
                format!("{path}/@type"),
                "must be \"Person\" or \"Organization\"",
            );
        }
        self.text(object, path, "name", Severity::Warning);
    }

    fn rating(&mut self, value: &Value, path: &str) {
        let Some(object) = value.as_object() else {
            self.push(Severity::Error, path.to_owned(), "must be a Rating object");
            return;
        };
        if !has_type(value, "Rating") {
            self.push(
                Severity::Error,
                format!("{path}/@type"),
                "must be \"Rating\"",
            );
        }
        self.text(object, path, "alternateName", Severity::Error);
        let keys = ["ratingValue", "bestRating", "worstRating"];
        if keys.iter().all(|k| !object.contains_key(*k)) {
            return; // A textual rating only: allowed.
        }
        let mut numbers = [0.0; 3];
        let mut complete = true;
        for (slot, key) in numbers.iter_mut().zip(keys) {
            match object.get(key).and_then(number) {
                Some(n) => *slot = n,
                None => {
                    complete = false;
                    self.push(
                        Severity::Error,
                        format!("{path}/{key}"),
                        "a numeric rating needs ratingValue, bestRating and worstRating, \
                         each a number",
                    );
                }
            }
        }
        let [value, best, worst] = numbers;
        if complete && !(worst < best && worst <= value && value <= best) {
            self.push(
                Severity::Error,
                format!("{path}/ratingValue"),
                format!(
                    "inconsistent: ratingValue {value} must lie between worstRating {worst} \
                     and bestRating {best}, with worstRating below bestRating"
                ),
            );
        }
    }

    fn claim(&mut self, value: &Value, path: &str) {
        let Some(object) = value.as_object() else {
            self.push(Severity::Warning, path.to_owned(), "must be a Claim object");
            return;
        };
        if !has_type(value, "Claim") {
            self.push(
                Severity::Warning,
                format!("{path}/@type"),
                "must be \"Claim\"",
            );
        }
        match object.get("author") {
            None => self.push(
                Severity::Warning,
                format!("{path}/author"),
                "recommended: who made the claim",
            ),
            Some(author) => self.agent(author, &format!("{path}/author")),
        }
        self.date(object, path, "datePublished");
        let mut any = false;
        for key in ["firstAppearance", "appearance"] {
            let Some(found) = object.get(key) else {
                continue;
            };
            any = true;
            let items: Vec<(String, &Value)> = match found {
                Value::Array(items) => items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (format!("{path}/{key}/{i}"), v))
                    .collect(),
                one => vec![(format!("{path}/{key}"), one)],
            };
            if items.is_empty() {
                self.push(
                    Severity::Warning,
                    format!("{path}/{key}"),
                    "empty: name at least one place the claim appears",
                );
            }
            for (item_path, item) in items {
                self.appearance(item, &item_path);
            }
        }
        if !any {
            self.push(
                Severity::Warning,
                format!("{path}/appearance"),
                "recommended: where the claim appears (appearance or firstAppearance)",
            );
        }
    }

    /// A URL, or a CreativeWork with a URL or an inline description.
    fn appearance(&mut self, value: &Value, path: &str) {
        if value.is_string() {
            self.web_url(value, path, Severity::Warning);
            return;
        }
        let Some(object) = value.as_object() else {
            self.push(
                Severity::Warning,
                path.to_owned(),
                "must be a URL or a CreativeWork",
            );
            return;
        };
        if let Some(url) = object.get("url") {
            self.web_url(url, &format!("{path}/url"), Severity::Warning);
            return;
        }
        let described = ["headline", "name", "description"].iter().any(|k| {
            object
                .get(*k)
                .and_then(Value::as_str)
                .is_some_and(|s| !s.trim().is_empty())
        });
        if !described {
            self.push(
                Severity::Warning,
                path.to_owned(),
                "give the work's url, or describe it inline (headline or name)",
            );
        }
    }
}

/// A number, or a string holding one (schema.org allows both).
fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    }
    .filter(|n| n.is_finite())
}

/// Starts with `YYYY-MM-DD`.
fn is_iso_date(s: &str) -> bool {
    let b = s.trim().as_bytes();
    b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn complete() -> Value {
        json!({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": "https://desk.example/factchecks/#claim-1",
            "claimReviewed": "The plant supplies forty percent of the water.",
            "reviewRating": {"@type": "Rating", "alternateName": "False",
                             "ratingValue": 1, "bestRating": 5, "worstRating": 1},
            "author": {"@type": "Organization", "name": "Our Desk", "url": "https://desk.example/"},
            "datePublished": "2026-12-06",
            "itemReviewed": {
                "@type": "Claim",
                "author": {"@type": "Person", "name": "Dana Whitfield"},
                "datePublished": "2026-03-03",
                "appearance": [
                    {"@type": "CreativeWork", "url": "https://gazette.example/a"},
                    {"@type": "CreativeWork", "headline": "A wire story", "publisher": {"@type": "Organization", "name": "Wire"}}
                ]
            }
        })
    }

    fn paths(problems: &[Problem], severity: Severity) -> Vec<&str> {
        problems
            .iter()
            .filter(|p| p.severity == severity)
            .map(|p| p.issue.path.as_str())
            .collect()
    }

    #[test]
    fn a_complete_review_has_no_problem() {
        assert_eq!(check(&complete()), vec![]);
        assert_eq!(check(&json!([complete(), complete()])), vec![]);
    }

    #[test]
    fn detects_claim_review_markup() {
        assert!(is_claim_review(&complete()));
        assert!(is_claim_review(&json!([complete()])));
        assert!(is_claim_review(&json!({"@type": ["ClaimReview"]})));
        assert!(is_claim_review(
            &json!({"@type": "https://schema.org/ClaimReview"})
        ));
        assert!(!is_claim_review(&json!([])));
        assert!(!is_claim_review(&json!({"@type": "Claim"})));
        assert!(!is_claim_review(&json!({"verdicts": [], "claims": []})));
    }

    #[test]
    fn missing_required_properties_are_errors_with_paths() {
        let mut review = complete();
        let object = review.as_object_mut().unwrap();
        object.remove("claimReviewed");
        object.insert("url".into(), json!("#claim-1"));
        object["reviewRating"]
            .as_object_mut()
            .unwrap()
            .remove("alternateName");
        let problems = check(&json!([complete(), review]));
        assert_eq!(
            paths(&problems, Severity::Error),
            [
                "/1/claimReviewed",
                "/1/url",
                "/1/reviewRating/alternateName"
            ]
        );
        assert_eq!(paths(&problems, Severity::Warning), Vec::<&str>::new());
    }

    #[test]
    fn missing_recommended_properties_are_warnings() {
        let mut review = complete();
        let object = review.as_object_mut().unwrap();
        object["author"].as_object_mut().unwrap().remove("url");
        object.remove("datePublished");
        let item = object["itemReviewed"].as_object_mut().unwrap();
        item.remove("author");
        item.remove("appearance");
        let problems = check(&review);
        assert_eq!(paths(&problems, Severity::Error), Vec::<&str>::new());
        assert_eq!(
            paths(&problems, Severity::Warning),
            [
                "/author/url",
                "/datePublished",
                "/itemReviewed/author",
                "/itemReviewed/appearance"
            ]
        );
    }

    #[test]
    fn numeric_ratings_must_be_complete_and_consistent() {
        let mut review = complete();
        review["reviewRating"]["ratingValue"] = json!(7);
        assert_eq!(
            paths(&check(&review), Severity::Error),
            ["/reviewRating/ratingValue"]
        );
        review["reviewRating"]["ratingValue"] = json!("2");
        assert_eq!(check(&review), vec![]);
        review["reviewRating"]
            .as_object_mut()
            .unwrap()
            .remove("bestRating");
        assert_eq!(
            paths(&check(&review), Severity::Error),
            ["/reviewRating/bestRating"]
        );
        let textual = json!({"@type": "Rating", "alternateName": "Unverified"});
        review["reviewRating"] = textual;
        assert_eq!(check(&review), vec![]);
    }

    #[test]
    fn appearances_need_a_web_url_or_a_description() {
        let mut review = complete();
        review["itemReviewed"]["appearance"] = json!([
            {"@type": "CreativeWork", "url": "examples/corpus/a.txt"},
            {"@type": "CreativeWork", "identifier": "/home/me/a.txt"},
            "file:///home/me/a.html"
        ]);
        assert_eq!(
            paths(&check(&review), Severity::Warning),
            [
                "/itemReviewed/appearance/0/url",
                "/itemReviewed/appearance/1",
                "/itemReviewed/appearance/2"
            ]
        );
    }

    #[test]
    fn non_objects_are_errors_not_panics() {
        for value in [
            json!(null),
            json!("x"),
            json!([1, "a"]),
            json!({"@type": 3}),
        ] {
            let problems = check(&value);
            assert!(!problems.is_empty(), "{value}");
        }
    }
}
