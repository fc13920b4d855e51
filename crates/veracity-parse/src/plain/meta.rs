//! Metadata lines of plain-text pages: bylines, syndication notes,
//! datelines and copyright lines.

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

const NAME_PARTICLES: &[&str] = &[
    "al", "al-", "bin", "ibn", "de", "da", "del", "della", "di", "du", "van", "von", "der", "den",
    "la", "le", "y", "st.", "el",
];

/// True for "Owen Pritchard", "J. R. Castellano", "Tomás Ruiz", "Press TV".
pub(crate) fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || s.len() > 60 {
        return false;
    }
    let mut capitalised = 0;
    for w in &words {
        let first = w.chars().next().unwrap_or(' ');
        if first.is_uppercase() {
            capitalised += 1;
            if w.ends_with(['.', ',', ';', ':', '!', '?']) && w.chars().count() > 3 {
                return false;
            }
        } else if !NAME_PARTICLES.contains(&w.to_lowercase().as_str()) {
            return false;
        }
    }
    capitalised >= 1
}

/// A byline: authors, an affiliation ("By Owen Pritchard, Coastal Wire"),
/// and whether it said "Posted by" (a blog cue).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Byline {
    pub authors: Vec<String>,
    pub affiliation: Option<String>,
    pub posted_by: bool,
}

/// What a byline starts with, in any case, tried in this order.
const BYLINE_PREFIXES: &[&str] = &[
    "articles by:",
    "written by",
    "posted by",
    "author:",
    "authors:",
    "by ",
];

/// Recognises "By ...", "by ...", "Articles by: ...", "Written by ...",
/// "Posted by ...", "Author: ...".
pub(crate) fn byline(line: &str) -> Option<Byline> {
    let line = line.trim();
    if line.len() > 120 {
        return None;
    }
    let (prefix, rest) = BYLINE_PREFIXES
        .iter()
        .find_map(|p| strip_prefix_ci(line, p).map(|rest| (*p, rest)))?;
    let posted_by = prefix == "posted by";
    let rest = rest.trim().trim_start_matches(':').trim();
    let mut parts = rest.split(',').map(str::trim).filter(|p| !p.is_empty());
    let names_part = parts.next()?;
    let mut authors = Vec::new();
    for name in names_part.split(" and ").flat_map(|p| p.split(" & ")) {
        let name = name.trim();
        if !looks_like_name(name) {
            return None;
        }
        authors.push(name.to_owned());
    }
    let mut affiliation = None;
    for part in parts {
        let part = part.trim_start_matches("and ").trim();
        if !looks_like_name(part) {
            return None;
        }
        // "By A, B and C": more authors; "By A, Coastal Wire": an outlet.
        if part.contains(" and ") || authors.len() > 1 {
            for n in part.split(" and ") {
                authors.push(n.trim().to_owned());
            }
        } else if affiliation.is_none() {
            affiliation = Some(part.to_owned());
        } else {
            return None;
        }
    }
    (!authors.is_empty()).then_some(Byline {
        authors,
        affiliation,
        posted_by,
    })
}

const OUTLET_WORDS: &[&str] = &[
    "news", "wire", "press", "agency", "times", "post", "media", "tv", "radio", "daily", "herald",
    "tribune", "journal", "gazette", "network", "service", "report",
];

const AGENCIES: &[&str] = &[
    "reuters",
    "afp",
    "ap",
    "tass",
    "interfax",
    "xinhua",
    "bloomberg",
    "dpa",
    "ansa",
    "efe",
    "kyodo",
    "upi",
    "ria novosti",
    "sputnik",
    "rt",
    "bbc",
    "cnn",
    "anadolu",
    "yonhap",
    "pti",
];

/// True when a credited name reads as an outlet rather than a person.
fn is_outlet(name: &str) -> bool {
    let lower = name.to_lowercase();
    if AGENCIES.contains(&lower.as_str()) {
        return true;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() == 1 {
        return true;
    }
    words.iter().any(|w| {
        (w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()))
            || OUTLET_WORDS.contains(&w.to_lowercase().as_str())
    })
}

/// A syndication note: the outlets it credits, and whether it closes the
/// article ("With reporting by ...").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Syndication {
    pub outlets: Vec<String>,
    pub ends_article: bool,
}

/// Recognises "Source: <title> — RT News", "Source: Coastal Wire",
/// "With reporting by AP, Interfax, and TASS", "via The PJ Tatler » ...".
pub(crate) fn syndication(line: &str) -> Option<Syndication> {
    let line = line.trim();
    if line.len() > 400 {
        return None;
    }
    if let Some(rest) = strip_prefix_ci(line, "source:") {
        let rest = rest.trim();
        let tail = ["\u{2014}", " \u{2013} ", " | ", " - ", "|"]
            .iter()
            .filter_map(|sep| rest.rfind(sep).map(|i| &rest[i + sep.len()..]))
            .min_by_key(|t| t.len());
        let outlet = match tail {
            Some(t) => t.trim(),
            None if rest.split_whitespace().count() <= 5 => rest,
            None => "",
        };
        let outlets = if outlet.is_empty() || !looks_like_name(outlet) {
            Vec::new()
        } else {
            vec![outlet.trim_end_matches('.').to_owned()]
        };
        return Some(Syndication {
            outlets,
            ends_article: false,
        });
    }
    if let Some(rest) = strip_prefix_ci(line, "via ") {
        let end = ["\u{bb}", " - ", " \u{2013} ", " \u{2014} ", ":", "|"]
            .iter()
            .filter_map(|sep| rest.find(sep))
            .min()
            .unwrap_or(rest.len());
        let outlet = rest[..end].trim();
        if looks_like_name(outlet) {
            return Some(Syndication {
                outlets: vec![outlet.to_owned()],
                ends_article: false,
            });
        }
        return None;
    }
    for prefix in [
        "with reporting by",
        "additional reporting by",
        "reporting by",
    ] {
        if let Some(rest) = strip_prefix_ci(line, prefix) {
            let credited = rest.split(';').next().unwrap_or("");
            let mut outlets = Vec::new();
            for item in credited.split(',').flat_map(|p| p.split(" and ")) {
                let item = item.trim().trim_start_matches("and ").trim();
                let item = item.split(" in ").next().unwrap_or(item).trim();
                let item = item.trim_end_matches('.');
                if !item.is_empty() && looks_like_name(item) && is_outlet(item) {
                    outlets.push(item.to_owned());
                }
            }
            return Some(Syndication {
                outlets,
                ends_article: true,
            });
        }
    }
    None
}

/// The dateline opening a story: "PARIS (Sputnik) —", "PORT ALDER, March 4
/// (Coastal Wire) —"; with the agency named in it, if any.
pub(crate) fn dateline(paragraph: &str) -> Option<(String, Option<String>)> {
    let head = paragraph.get(..paragraph.len().min(120)).or_else(|| {
        let mut end = 120.min(paragraph.len());
        while !paragraph.is_char_boundary(end) {
            end -= 1;
        }
        paragraph.get(..end)
    })?;
    // The place name opens the paragraph; most paragraphs fail this test,
    // so it comes before the search for a dash. (A dash inside the first
    // word ends it, as the search below would.)
    let mut first = head
        .trim_start()
        .split([' ', ',', '(', '\u{2014}', '\u{2013}']);
    if !first.next().is_some_and(all_caps_word) {
        return None;
    }
    let (at, dash) = ["\u{2014}", "\u{2013}", " -- ", " - "]
        .iter()
        .filter_map(|d| head.find(d).map(|i| (i, *d)))
        .min_by_key(|(i, _)| *i)?;
    let prefix = head[..at].trim();
    if prefix.len() > 80 {
        return None;
    }
    let agency = prefix.rfind('(').and_then(|open| {
        let inner = &prefix[open + 1..];
        let inner = inner.strip_suffix(')')?;
        Some(inner.trim().to_owned())
    });
    let agency = agency.filter(|a| !a.is_empty() && looks_like_name(a));
    Some((format!("{prefix} {}", dash.trim()), agency))
}

/// At least two letters, all upper case ("PARIS", "U.S.").
fn all_caps_word(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// The holder of a copyright line with a year: "© 2026 Coastal Wire. All
/// rights reserved." → "Coastal Wire".
pub(crate) fn copyright_holder(line: &str) -> Option<String> {
    let line = line.trim();
    if line.len() > 300 {
        return None;
    }
    let rest = line
        .strip_prefix('\u{a9}')
        .or_else(|| strip_prefix_ci(line, "copyright \u{a9}"))
        .or_else(|| strip_prefix_ci(line, "copyright"))
        .or_else(|| strip_prefix_ci(line, "(c)"))?
        .trim();
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits != 4 {
        return None;
    }
    let rest = rest[digits..].trim_start_matches([' ', ',', '-']).trim();
    let end = [". ", " \u{b7} ", " | ", " - "]
        .iter()
        .filter_map(|sep| rest.find(sep))
        .min()
        .unwrap_or(rest.len());
    let holder = rest[..end].trim().trim_end_matches('.').trim();
    (!holder.is_empty() && holder.split_whitespace().count() <= 8).then(|| holder.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        let b = byline("By Owen Pritchard, Coastal Wire").unwrap();
        assert_eq!(b.authors, vec!["Owen Pritchard"]);
        assert_eq!(b.affiliation.as_deref(), Some("Coastal Wire"));
        assert_eq!(
            byline("Articles by: Press TV").unwrap().authors,
            vec!["Press TV"]
        );
        assert_eq!(
            byline("by Patrick Poole").unwrap().authors,
            vec!["Patrick Poole"]
        );
        assert_eq!(
            byline("By Ana Ruiz and J. R. Castellano").unwrap().authors,
            vec!["Ana Ruiz", "J. R. Castellano"]
        );
        assert!(byline("By designating militants who share the same areas").is_none());
        assert!(byline("By the end of the year, prices rose.").is_none());
    }

    #[test]
    fn syndication_notes() {
        assert_eq!(
            syndication("Source: Russian embassy shelled \u{2014} RT News")
                .unwrap()
                .outlets,
            vec!["RT News"]
        );
        assert_eq!(
            syndication("Source: Coastal Wire").unwrap().outlets,
            vec!["Coastal Wire"]
        );
        let s = syndication("With reporting by AP, Interfax, and TASS").unwrap();
        assert_eq!(s.outlets, vec!["AP", "Interfax", "TASS"]);
        assert!(s.ends_article);
        let s = syndication(
            "With reporting by Keiko Ramsay in Port Alder; Editing by J. R. Castellano",
        )
        .unwrap();
        assert!(s.outlets.is_empty());
        assert_eq!(
            syndication("via The PJ Tatler \u{bb} US-Backed Rebels")
                .unwrap()
                .outlets,
            vec!["The PJ Tatler"]
        );
        assert!(
            syndication("Source: Ceasefire after 5 years of war? |")
                .unwrap()
                .outlets
                .is_empty()
        );
    }

    #[test]
    fn datelines() {
        let (d, a) =
            dateline("PORT ALDER, March 4 (Coastal Wire) \u{2014} The mayor said").unwrap();
        assert_eq!(d, "PORT ALDER, March 4 (Coastal Wire) \u{2014}");
        assert_eq!(a.as_deref(), Some("Coastal Wire"));
        let (d, a) =
            dateline("DVORIKI (Russia) (Sputnik) \u{2014} Russian Foreign Minister").unwrap();
        assert_eq!(d, "DVORIKI (Russia) (Sputnik) \u{2014}");
        assert_eq!(a.as_deref(), Some("Sputnik"));
        assert!(dateline("The mayor \u{2014} who spoke \u{2014} said").is_none());
    }

    #[test]
    fn copyright() {
        assert_eq!(
            copyright_holder("\u{a9} 2026 Coastal Wire. All rights reserved.").as_deref(),
            Some("Coastal Wire")
        );
        assert_eq!(
            copyright_holder("\u{a9} 2026 Water Watch \u{b7} Theme: Driftwood").as_deref(),
            Some("Water Watch")
        );
        assert_eq!(copyright_holder("\u{a9} Reuters"), None);
    }
}
