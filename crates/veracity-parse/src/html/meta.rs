//! Page metadata from `<head>` tags, microdata and JSON-LD.

use dom_query::{Element, NodeRef};

use super::{dom, jsonld::LdArticle};

/// Raw facts gathered in one pass over the parsed page (before cleaning).
#[derive(Debug, Default)]
pub(crate) struct RawMeta {
    lang: Option<String>,
    title: Option<String>,
    h1: Option<String>,
    canonical: Option<String>,
    /// `(key, content)` of `<meta name|property|itemprop=... content=...>`,
    /// keys lowercased, in document order.
    metas: Vec<(String, String)>,
    time: Option<String>,
    bylines: Vec<String>,
}

impl RawMeta {
    fn meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.metas
                .iter()
                .find(|(mk, v)| mk == k && !v.trim().is_empty())
                .map(|(_, v)| v.trim())
        })
    }

    fn metas_all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.metas
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.trim())
    }
}

impl RawMeta {
    /// Looks at one element of the page (called for every element, in
    /// document order, boilerplate included).
    /// `names` is the element's lowercased class/id (see [`dom::names_into`]).
    pub(crate) fn observe(&mut self, n: &NodeRef<'_>, e: &Element, names: Option<&str>) {
        match &*e.name.local {
            "html" if self.lang.is_none() => {
                self.lang = dom::attr_of(e, "lang")
                    .or_else(|| dom::attr_of(e, "xml:lang"))
                    .map(str::to_string);
            }
            "title" if self.title.is_none() => {
                self.title = Some(dom::squashed_text(n)).filter(|s| !s.is_empty());
            }
            "h1" if self.h1.is_none() => {
                self.h1 = Some(dom::squashed_text(n)).filter(|s| !s.is_empty());
            }
            "meta" if self.metas.len() < 512 => {
                let key = dom::attr_of(e, "property")
                    .or_else(|| dom::attr_of(e, "name"))
                    .or_else(|| dom::attr_of(e, "itemprop"))
                    .or_else(|| dom::attr_of(e, "http-equiv"));
                if let (Some(k), Some(c)) = (key, dom::attr_of(e, "content")) {
                    self.metas
                        .push((k.trim().to_ascii_lowercase(), c.to_string()));
                }
            }
            "link"
                if self.canonical.is_none()
                    && dom::attr_of(e, "rel").is_some_and(|r| {
                        r.split_whitespace()
                            .any(|x| x.eq_ignore_ascii_case("canonical"))
                    }) =>
            {
                self.canonical = dom::attr_of(e, "href")
                    .filter(|h| !h.trim().is_empty())
                    .map(str::to_string);
            }
            "time" if self.time.is_none() => {
                self.time = dom::attr_of(e, "datetime").map(str::to_string);
            }
            _ => {}
        }
        // Bylines: rel=author links, itemprop=author, class/id "byline"/"author".
        if self.bylines.len() < 8 {
            let rel_author =
                dom::attr_of(e, "rel").is_some_and(|r| r.eq_ignore_ascii_case("author"));
            let itemprop_author =
                dom::attr_of(e, "itemprop").is_some_and(|r| r.eq_ignore_ascii_case("author"));
            let named = names.is_some_and(|s| {
                s.contains("byline")
                    || s.split(|c: char| !c.is_ascii_alphanumeric())
                        .any(|w| w == "author" || w == "authors")
            });
            if rel_author || itemprop_author || named {
                let txt = dom::squashed_text(n);
                if !txt.is_empty() && txt.chars().count() <= 120 {
                    self.bylines.push(txt);
                }
            }
        }
    }
}

/// Final page metadata.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Metadata {
    /// The kind the markup declares (JSON-LD type, `article:section`
    /// Opinion, `og:type` article), if any.
    pub kind: Option<veracity_model::DocumentKind>,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub publisher: Option<String>,
    pub language: Option<String>,
    pub canonical_url: Option<String>,
}

const TITLE_SEPS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " » ", " // ", " •",
];

fn loose_eq(a: &str, b: &str) -> bool {
    let k = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let (a, b) = (k(a), k(b));
    !a.is_empty() && (a == b || a.contains(&b) || b.contains(&a))
}

/// Site-name parts removed from one title at most ("Story | Section |
/// Site"): each removal scans the title, and a hostile title may hold tens
/// of thousands of separators.
const MAX_TITLE_STRIPS: usize = 3;

/// Removes a site name from the start or end of a `<title>`.
fn strip_site(title: &str, site: Option<&str>, host: Option<&str>) -> String {
    strip_site_at_most(title, site, host, MAX_TITLE_STRIPS)
}

fn strip_site_at_most(title: &str, site: Option<&str>, host: Option<&str>, left: usize) -> String {
    if left == 0 {
        return title.trim().to_string();
    }
    for sep in TITLE_SEPS {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail_site =
                site.is_some_and(|s| loose_eq(tail, s)) || host.is_some_and(|h| loose_eq(tail, h));
            if tail_site
                || (tail.split_whitespace().count() <= 3 && head.split_whitespace().count() >= 4)
            {
                return strip_site_at_most(head.trim(), site, host, left - 1);
            }
        }
        if let Some((head, tail)) = title.split_once(sep) {
            let head_site =
                site.is_some_and(|s| loose_eq(head, s)) || host.is_some_and(|h| loose_eq(head, h));
            if head_site {
                return tail.trim().to_string();
            }
        }
    }
    title.trim().to_string()
}

fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    host.split('.').next()
}

const ROLE_WORDS: &[&str] = &[
    "writer",
    "editor",
    "reporter",
    "correspondent",
    "staff",
    "contributor",
    "columnist",
    "producer",
    "photographer",
];

/// Splits a byline into names: "By A, B and C" -> [A, B, C]. Structured
/// names (`split == false`, from JSON-LD) are only cleaned, not split.
fn split_authors(s: &str, out: &mut Vec<String>, split: bool) {
    let s = dom::squash(s);
    let mut s = s.as_str();
    // "Text: Name", "Autor: Name".
    if let Some((label, rest)) = s.split_once(": ")
        && label.split_whitespace().count() == 1
    {
        s = rest;
    }
    for p in ["By ", "by ", "BY ", "Von ", "Par ", "Por "] {
        if let Some(r) = s.strip_prefix(p) {
            s = r;
        }
    }
    let pieces: Vec<&str> = if split {
        s.split([';', '|', '&', '\n'])
            .flat_map(|p| p.split(" and "))
            .flat_map(|p| p.split(','))
            .map(str::trim)
            .collect()
    } else {
        vec![s.trim()]
    };
    for p in pieces {
        let p = p.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
        let wc = p.split_whitespace().count();
        let lower = p.to_lowercase();
        if p.is_empty()
            || wc > 5
            || p.contains('@')
            || lower.starts_with("http")
            || lower.starts_with("www.")
            || ROLE_WORDS.iter().any(|w| lower.contains(w))
            || (split && p.chars().any(|c| c.is_ascii_digit()))
            || !p.chars().next().is_some_and(char::is_alphabetic)
        {
            continue;
        }
        if !out.iter().any(|o: &String| o.eq_ignore_ascii_case(p)) {
            out.push(p.to_string());
        }
    }
}

fn normalize_lang(l: &str) -> Option<String> {
    let l = l.trim().replace('_', "-");
    let mut parts = l.split('-');
    let primary = parts.next()?.to_ascii_lowercase();
    if !(2..=3).contains(&primary.len()) || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    match parts.next() {
        Some(r) if r.len() == 2 && r.chars().all(|c| c.is_ascii_alphabetic()) => {
            Some(format!("{primary}-{}", r.to_ascii_uppercase()))
        }
        _ => Some(primary),
    }
}

/// Joins a possibly relative URL onto the page URL.
fn absolutize(href: &str, base: Option<&str>) -> Option<String> {
    let href = href.trim();
    if href.starts_with("http://") || href.starts_with("https://") {
        return Some(href.to_string());
    }
    let base = base?;
    let (scheme, rest) = base.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    if let Some(r) = href.strip_prefix("//") {
        return Some(format!("{scheme}://{r}"));
    }
    if href.starts_with('/') {
        return Some(format!("{scheme}://{host}{href}"));
    }
    None
}

/// The kind the page's markup declares: an opinion section wins, then the
/// JSON-LD type; `og:type` article with a publication time is news.
fn declared_kind(raw: &RawMeta, ld: &LdArticle) -> Option<veracity_model::DocumentKind> {
    use veracity_model::DocumentKind;
    let section = raw.meta(&["article:section"]).map(str::to_ascii_lowercase);
    if section.is_some_and(|s| s.contains("opinion") || s.contains("op-ed") || s == "commentary") {
        return Some(DocumentKind::Opinion);
    }
    ld.kind.or_else(|| {
        let article = raw
            .meta(&["og:type"])
            .is_some_and(|t| t.eq_ignore_ascii_case("article"));
        let dated = raw
            .meta(&["article:published_time", "og:published_time"])
            .is_some();
        (article && dated).then_some(DocumentKind::News)
    })
}

/// Combines the DOM candidates and JSON-LD into the final metadata.
pub(crate) fn resolve(raw: &RawMeta, ld: &LdArticle, url: Option<&str>) -> Metadata {
    let not_url = |s: &&str| !s.starts_with("http") && !s.starts_with("www.");
    let publisher = raw
        .meta(&[
            "og:site_name",
            "application-name",
            "publisher",
            "dc.publisher",
        ])
        .filter(not_url)
        .map(str::to_string)
        .or_else(|| ld.publisher.clone().filter(|p| not_url(&p.as_str())))
        .or_else(|| {
            raw.meta(&["twitter:site"])
                .map(|s| s.trim_start_matches('@').to_string())
        });
    let host = url.and_then(host_of);

    let title = raw
        .meta(&["og:title", "twitter:title", "dc.title", "headline"])
        .map(dom::squash)
        .or_else(|| ld.headline.clone())
        .or_else(|| raw.title.clone())
        .or_else(|| raw.h1.clone())
        .map(|t| strip_site(&t, publisher.as_deref(), host))
        .filter(|t| !t.is_empty());

    let mut authors = Vec::new();
    for a in &ld.authors {
        split_authors(a, &mut authors, false);
    }
    if authors.is_empty() {
        for key in [
            "author",
            "article:author",
            "dc.creator",
            "parsely-author",
            "sailthru.author",
            "byl",
        ] {
            for v in raw.metas_all(key) {
                split_authors(v, &mut authors, true);
            }
            if !authors.is_empty() {
                break;
            }
        }
    }
    if authors.is_empty() {
        for b in &raw.bylines {
            split_authors(b, &mut authors, true);
            if !authors.is_empty() {
                break;
            }
        }
    }

    let published = raw
        .meta(&[
            "article:published_time",
            "og:published_time",
            "datepublished",
            "parsely-pub-date",
            "sailthru.date",
            "dc.date",
            "dc.date.issued",
            "dcterms.created",
            "pubdate",
            "publishdate",
            "date",
        ])
        .map(str::to_string)
        .into_iter()
        .chain(ld.published.clone())
        .chain(raw.time.clone())
        .find_map(|d| crate::dates::machine::normalize(&d));

    let language = raw
        .lang
        .as_deref()
        .and_then(normalize_lang)
        .or_else(|| {
            raw.meta(&["content-language", "og:locale", "language", "dc.language"])
                .and_then(normalize_lang)
        })
        .or_else(|| ld.language.as_deref().and_then(normalize_lang));

    let canonical_url = raw
        .canonical
        .as_deref()
        .and_then(|c| absolutize(c, url))
        .or_else(|| raw.meta(&["og:url"]).and_then(|c| absolutize(c, url)))
        .or_else(|| ld.url.as_deref().and_then(|c| absolutize(c, url)));

    Metadata {
        kind: declared_kind(raw, ld),
        title,
        authors,
        published,
        publisher,
        language,
        canonical_url,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffix() {
        assert_eq!(
            strip_site(
                "Big news today in town | Example News",
                Some("Example News"),
                None
            ),
            "Big news today in town"
        );
        assert_eq!(
            strip_site("Example: Big news today - example", None, Some("example")),
            "Example: Big news today"
        );
        assert_eq!(
            strip_site("Example News | Big news", Some("Example News"), None),
            "Big news"
        );
        assert_eq!(strip_site("Short - title", None, None), "Short - title");
    }

    #[test]
    fn authors() {
        let mut v = Vec::new();
        split_authors("By Jane Doe, John Smith and Ann Lee", &mut v, true);
        assert_eq!(v, vec!["Jane Doe", "John Smith", "Ann Lee"]);
        let mut v = Vec::new();
        split_authors("Tom Krisher, AP Auto Writer", &mut v, true);
        assert_eq!(v, vec!["Tom Krisher"]);
    }

    #[test]
    fn langs() {
        assert_eq!(normalize_lang("en_us").as_deref(), Some("en-US"));
        assert_eq!(normalize_lang("pt-BR").as_deref(), Some("pt-BR"));
        assert_eq!(normalize_lang("en-Poly").as_deref(), Some("en"));
        assert_eq!(normalize_lang("x"), None);
    }
}
