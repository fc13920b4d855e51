//! schema.org JSON-LD: article metadata and ClaimReview markup.

use serde_json::Value;

/// Article-level facts found in JSON-LD.
#[derive(Debug, Default, Clone)]
pub(crate) struct LdArticle {
    /// The kind the article's schema.org type names, if it names one.
    pub kind: Option<veracity_model::DocumentKind>,
    pub headline: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub publisher: Option<String>,
    pub language: Option<String>,
    pub url: Option<String>,
}

/// A schema.org ClaimReview, as plain data.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct ClaimReviewData {
    /// `claimReviewed`.
    pub claim: String,
    /// `itemReviewed.author.name` (who made the claim).
    pub claimant: Option<String>,
    /// `itemReviewed.datePublished`, normalised.
    pub claim_date: Option<String>,
    /// `itemReviewed.appearance[].url` (or the item's own URL).
    pub appearances: Vec<String>,
    /// `reviewRating.alternateName` (the verdict as published).
    pub rating_label: Option<String>,
    /// `reviewRating.ratingValue`, `bestRating`, `worstRating`.
    pub rating_value: Option<f64>,
    pub best_rating: Option<f64>,
    pub worst_rating: Option<f64>,
    /// `author.name` (the fact-checking organisation).
    pub reviewer: Option<String>,
    /// `url` of the review.
    pub url: Option<String>,
    /// `datePublished` of the review, normalised.
    pub date: Option<String>,
    /// `description` / `reviewBody`, if any.
    pub summary: Option<String>,
}

/// Everything read from a page's JSON-LD blocks.
#[derive(Debug, Default, Clone)]
pub(crate) struct LdData {
    pub article: LdArticle,
    pub reviews: Vec<ClaimReviewData>,
    pub warnings: Vec<String>,
}

/// Parses one JSON-LD block, repairing the common breakages (CDATA wrappers,
/// HTML comments, trailing commas, raw control characters in strings).
fn parse_block(raw: &str) -> Result<Value, serde_json::Error> {
    let s = raw.trim();
    let s = s.strip_prefix("<!--").unwrap_or(s);
    let s = s.strip_suffix("-->").unwrap_or(s).trim();
    let s = s
        .strip_prefix("//<![CDATA[")
        .or_else(|| s.strip_prefix("<![CDATA["))
        .unwrap_or(s);
    let s = s
        .strip_suffix("//]]>")
        .or_else(|| s.strip_suffix("]]>"))
        .unwrap_or(s)
        .trim();
    match serde_json::from_str(s) {
        Ok(v) => Ok(v),
        Err(first) => {
            let repaired = repair(s);
            serde_json::from_str(&repaired).map_err(|_| first)
        }
    }
}

/// Escapes raw control characters inside strings and drops trailing commas.
fn repair(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_str = false;
    let mut esc = false;
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if in_str {
            if esc {
                esc = false;
                out.push(c);
            } else if c == '\\' {
                esc = true;
                out.push(c);
            } else if c == '"' {
                in_str = false;
                out.push(c);
            } else if c == '\n' {
                out.push_str("\\n");
            } else if c == '\r' {
                out.push_str("\\r");
            } else if c == '\t' {
                out.push_str("\\t");
            } else if (c as u32) < 0x20 {
                out.push(' ');
            } else {
                out.push(c);
            }
        } else if c == '"' {
            in_str = true;
            out.push(c);
        } else if c == ',' {
            let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
            if !matches!(next, Some('}') | Some(']')) {
                out.push(c);
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn types(v: &Value) -> Vec<&str> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn has_type(v: &Value, pred: impl Fn(&str) -> bool) -> bool {
    types(v)
        .into_iter()
        .any(|t| pred(t.rsplit(['/', ':']).next().unwrap_or(t)))
}

fn is_article_type(t: &str) -> bool {
    t.ends_with("Article")
        || matches!(
            t,
            "BlogPosting"
                | "NewsArticle"
                | "Report"
                | "WebPage"
                | "ItemPage"
                | "LiveBlogPosting"
                | "SocialMediaPosting"
                | "CreativeWork"
        )
}

/// The document kind a schema.org type names: the news, opinion and blog
/// subtypes; a plain `Article` or `WebPage` names none.
fn kind_of_type(t: &str) -> Option<veracity_model::DocumentKind> {
    use veracity_model::DocumentKind;
    match t {
        "OpinionNewsArticle" => Some(DocumentKind::Opinion),
        "NewsArticle"
        | "ReportageNewsArticle"
        | "AnalysisNewsArticle"
        | "BackgroundNewsArticle"
        | "ReviewNewsArticle"
        | "AskPublicNewsArticle" => Some(DocumentKind::News),
        "BlogPosting" | "LiveBlogPosting" => Some(DocumentKind::Blog),
        _ => None,
    }
}

/// A string field, or the first string of an array, or `name` of an object.
pub(crate) fn text(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Array(a) => return a.iter().find_map(|x| text(Some(x))),
        Value::Object(_) => return text(v?.get("name")).or_else(|| text(v?.get("@value"))),
        _ => return None,
    };
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

fn number(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
    .filter(|x: &f64| x.is_finite())
}

/// Names of people or organisations: a string, an object with `name`, or a list.
fn names(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a.iter().flat_map(|x| names(Some(x))).collect(),
        Some(Value::Object(_)) => text(v.and_then(|o| o.get("name"))).into_iter().collect(),
        Some(Value::String(s)) => {
            let s = s.trim();
            if s.is_empty() || s.starts_with("http") {
                Vec::new()
            } else {
                vec![s.to_string()]
            }
        }
        _ => Vec::new(),
    }
}

fn url_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Object(o) => url_of(o.get("url")).or_else(|| url_of(o.get("@id"))),
        Value::Array(a) => a.iter().find_map(|x| url_of(Some(x))),
        _ => None,
    }
}

/// Visits every object in `v` (depth-first, bounded depth); `f` returns
/// whether to descend into the object.
fn visit<'a>(v: &'a Value, depth: usize, f: &mut dyn FnMut(&'a Value) -> bool) {
    if depth > 16 {
        return;
    }
    match v {
        Value::Object(o) => {
            if !f(v) {
                return;
            }
            for (_, x) in o {
                visit(x, depth + 1, f);
            }
        }
        Value::Array(a) => {
            for x in a {
                visit(x, depth + 1, f);
            }
        }
        _ => {}
    }
}

fn claim_review(v: &Value) -> Option<ClaimReviewData> {
    let claim = text(v.get("claimReviewed")).unwrap_or_default();
    let rating = v.get("reviewRating");
    let item = v.get("itemReviewed");
    let mut appearances: Vec<String> = Vec::new();
    if let Some(item) = item {
        for key in ["appearance", "firstAppearance"] {
            if let Some(a) = item.get(key) {
                match a {
                    Value::Array(xs) => {
                        appearances.extend(xs.iter().filter_map(|x| url_of(Some(x))))
                    }
                    x => appearances.extend(url_of(Some(x))),
                }
            }
        }
        if appearances.is_empty() {
            appearances
                .extend(url_of(item.get("url")).or_else(|| url_of(item.get("mainEntityOfPage"))));
        }
    }
    appearances.dedup();
    let r = ClaimReviewData {
        claim,
        claimant: item.and_then(|i| names(i.get("author")).into_iter().next()),
        claim_date: item
            .and_then(|i| text(i.get("datePublished")))
            .and_then(|d| crate::dates::machine::normalize(&d)),
        appearances,
        rating_label: rating
            .and_then(|r| text(r.get("alternateName")).or_else(|| text(r.get("name")))),
        rating_value: rating.and_then(|r| number(r.get("ratingValue"))),
        best_rating: rating.and_then(|r| number(r.get("bestRating"))),
        worst_rating: rating.and_then(|r| number(r.get("worstRating"))),
        reviewer: names(v.get("author"))
            .into_iter()
            .next()
            .or_else(|| names(v.get("publisher")).into_iter().next()),
        url: url_of(v.get("url")),
        date: text(v.get("datePublished")).and_then(|d| crate::dates::machine::normalize(&d)),
        summary: text(v.get("reviewBody")).or_else(|| text(v.get("description"))),
    };
    (!r.claim.is_empty() || r.rating_label.is_some() || r.rating_value.is_some()).then_some(r)
}

/// Reads all JSON-LD blocks of a page.
pub(crate) fn read(blocks: &[String]) -> LdData {
    let mut out = LdData::default();
    for (i, raw) in blocks.iter().enumerate() {
        if raw.trim().is_empty() {
            continue;
        }
        let v = match parse_block(raw) {
            Ok(v) => v,
            Err(e) => {
                out.warnings
                    .push(format!("JSON-LD block {} skipped: {e}", i + 1));
                continue;
            }
        };
        let art = &mut out.article;
        let reviews = &mut out.reviews;
        visit(&v, 0, &mut |o| {
            if has_type(o, |t| t == "ClaimReview") {
                if let Some(r) = claim_review(o)
                    && !reviews.contains(&r)
                {
                    reviews.push(r);
                }
                // The reviewed item is the claim's source, not this page.
                return false;
            }
            if !has_type(o, is_article_type) {
                return true;
            }
            if art.kind.is_none() {
                art.kind = types(o)
                    .into_iter()
                    .find_map(|t| kind_of_type(t.rsplit(['/', ':']).next().unwrap_or(t)));
            }
            // Prefer the first article-like object that says something.
            if art.headline.is_none() {
                art.headline = text(o.get("headline")).or_else(|| {
                    if has_type(o, |t| t != "WebPage") {
                        text(o.get("name"))
                    } else {
                        None
                    }
                });
            }
            if art.authors.is_empty() {
                art.authors = names(o.get("author"))
                    .into_iter()
                    .chain(names(o.get("creator")))
                    .collect();
            }
            if art.published.is_none() {
                art.published = text(o.get("datePublished")).or_else(|| text(o.get("dateCreated")));
            }
            if art.publisher.is_none() {
                art.publisher = names(o.get("publisher")).into_iter().next();
            }
            if art.language.is_none() {
                art.language = text(o.get("inLanguage"));
            }
            if art.url.is_none() && !has_type(o, |t| t == "WebPage") {
                art.url = url_of(o.get("url")).or_else(|| url_of(o.get("mainEntityOfPage")));
            }
            true
        });
        // Organisations and WebSites named at the top level give a publisher.
        if out.article.publisher.is_none() {
            let p = &mut out.article.publisher;
            visit(&v, 0, &mut |o| {
                if p.is_none()
                    && has_type(o, |t| {
                        matches!(t, "NewsMediaOrganization" | "Organization" | "WebSite")
                    })
                {
                    *p = text(o.get("name"));
                }
                !has_type(o, |t| t == "ClaimReview")
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_and_lists() {
        let b = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Example News"},
            {"@type":["NewsArticle"],"headline":"H","author":[{"@type":"Person","name":"A B"},"C D"],
             "datePublished":"2019-11-19T10:07:00-05:00","publisher":{"@type":"Organization","name":"Example"}}]}"#;
        let d = read(&[b.to_string()]);
        assert_eq!(d.article.headline.as_deref(), Some("H"));
        assert_eq!(d.article.kind, Some(veracity_model::DocumentKind::News));
        assert_eq!(d.article.authors, vec!["A B", "C D"]);
        assert_eq!(d.article.publisher.as_deref(), Some("Example"));
    }

    #[test]
    fn malformed_is_a_warning() {
        let d = read(&[
            "{\"@type\": \"NewsArticle\", ".to_string(),
            "[1,2,]".to_string(),
        ]);
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn repairs_trailing_commas_and_newlines() {
        let d = read(&["<!--{\"@type\":\"NewsArticle\",\"headline\":\"a\nb\",}-->".to_string()]);
        assert!(d.warnings.is_empty());
        assert_eq!(d.article.headline.as_deref(), Some("a b"));
    }
}
