//! Line classification for plain-text pages: boilerplate, end-of-article
//! markers, metadata and content.

use super::meta::{self, Byline, Syndication};
use crate::dates::printed::{self as dates, DateLine};
use std::sync::OnceLock;
use veracity_text::scan::{Patterns, word_count, word_set};

/// One line of the source: trimmed text and its byte range in the source.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    pub text: &'a str,
    /// `text.to_ascii_lowercase()`, cut from one lower-cased copy of the
    /// source (same length, same char boundaries).
    pub lower: &'a str,
    pub start: usize,
    pub end: usize,
    /// A blank line comes right before it.
    pub after_blank: bool,
    /// `text.split_whitespace().count()`, counted once: the rules ask often.
    pub words: usize,
    /// False when a scan of the whole page found no boilerplate phrase, no
    /// opinion disclaimer and no rating sentence cue overlapping this line
    /// (see [`mark_phrase_candidates`]): the rules that look for them skip
    /// the line.
    pub phrase_candidate: bool,
}

impl Line<'_> {
    /// A body-prose line (see [`prose`]).
    pub(crate) fn is_prose(&self) -> bool {
        prose(self.text, self.words)
    }

    /// A line that can be a headline (see [`headline_like`]).
    pub(crate) fn is_headline_like(&self) -> bool {
        headline_like(self.text, self.words)
    }
}

/// Splits the source into trimmed non-blank lines with their byte ranges;
/// `lowered` is `source.to_ascii_lowercase()`.
pub(crate) fn lines<'a>(source: &'a str, lowered: &'a str) -> Vec<Line<'a>> {
    let mut out = Vec::with_capacity(source.len() / 64);
    let mut start = 0;
    let mut blank = true;
    // `source.split('\n')`, with the SIMD search of the memchr crate.
    let ends = memchr::memchr_iter(b'\n', source.as_bytes()).chain([source.len()]);
    for end in ends {
        // A newline is ASCII: both ends are char boundaries.
        let (lead, trimmed) = trim(&source[start..end]);
        let from = start + lead;
        start = end + 1;
        if trimmed.is_empty() {
            blank = true;
            continue;
        }
        let to = from + trimmed.len();
        out.push(Line {
            text: trimmed,
            lower: lowered.get(from..to).unwrap_or_default(),
            start: from,
            end: to,
            after_blank: blank,
            words: word_count(trimmed),
            phrase_candidate: true,
        });
        blank = false;
    }
    mark_phrase_candidates(&mut out, lowered);
    out
}

/// `s.trim()` and the length trimmed from its start: ASCII white space is
/// skipped on the bytes, and only a non-ASCII byte at either end needs the
/// Unicode test.
fn trim(s: &str) -> (usize, &str) {
    // The ASCII characters `char::is_whitespace` accepts.
    let space = |c: &u8| matches!(c, b' ' | b'\t'..=b'\r');
    let b = s.as_bytes();
    let lead = b.iter().position(|c| !space(c)).unwrap_or(b.len());
    let tail = b.iter().rposition(|c| !space(c)).map_or(lead, |i| i + 1);
    let core = &s[lead..tail];
    let ascii_ends = core.as_bytes().first().is_none_or(u8::is_ascii)
        && core.as_bytes().last().is_none_or(u8::is_ascii);
    if ascii_ends {
        return (lead, core);
    }
    let rest = s.trim_start();
    (s.len() - rest.len(), rest.trim_end())
}

/// Scans the lower-cased page once for the boilerplate phrases, opinion
/// disclaimers and [`RATING_CUE`] (by [`PAGE_MARKERS`], one set, so one
/// pass) and clears `phrase_candidate` on every line no match overlaps.
/// Where a line holds a phrase, it holds a marker, and the page scan
/// reports that marker or a match overlapping it; so the lines left out
/// would find nothing.
fn mark_phrase_candidates(lines: &mut [Line<'_>], lowered: &str) {
    let hits = prechecks().page_phrases.all_in(lowered);
    let mut h = 0;
    for line in lines {
        while h < hits.len() && hits[h].1 <= line.start {
            h += 1;
        }
        line.phrase_candidate = hits.get(h).is_some_and(|&(start, _)| start < line.end);
    }
}

/// What a line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Class {
    /// Article text.
    Content,
    /// Boilerplate, dropped; the reason is for debugging and the docs.
    Boilerplate(&'static str),
    /// Marks the end of the article (tags, share box, related links);
    /// dropped with everything after it once the body has started.
    End(&'static str),
    /// A byline; moved into metadata.
    Byline(Byline),
    /// A date line; moved into metadata.
    Date(DateLine),
    /// A syndication note; moved into metadata.
    Syndication(Syndication),
}

/// Whole lines (lower case, trailing `:.→»` removed) that are boilerplate.
const EXACT: &[&str] = &[
    "accessibility links",
    "skip to main content",
    "skip to content",
    "skip to navigation",
    "skip to main navigation",
    "breaking news",
    "breaking",
    "read more",
    "more",
    "menu",
    "search",
    "home",
    "about",
    "about us",
    "contact",
    "contact us",
    "tweet",
    "email",
    "e-mail",
    "print",
    "facebook",
    "x",
    "twitter",
    "linkedin",
    "whatsapp",
    "reddit",
    "pinterest",
    "telegram",
    "link",
    "copy link",
    "sign in",
    "sign up",
    "log in",
    "login",
    "log out",
    "register",
    "subscribe",
    "my news",
    "advertisement",
    "advertising",
    "ad",
    "image description",
    "image",
    "photo",
    "video",
    "watch",
    "listen",
    "like this",
    "like loading...",
    "like loading",
    "loading...",
    "comments",
    "donate",
    "accept all",
    "essential only",
    "accept",
    "ok",
    "[ok]",
    "close",
    "archives",
    "contributors",
    "submit a post",
    "search this site",
    "newsletters",
    "apps",
    "advertise",
    "advertise with us",
    "advertising guidelines",
    "cookies",
    "cookie settings",
    "terms of use",
    "terms of service",
    "terms",
    "privacy",
    "privacy policy",
    "do not sell or share my personal information",
    "email address",
    "show more",
    "load more",
    "back to top",
    "top",
    "next",
    "previous",
    "next post",
    "previous post",
    "newer posts",
    "older posts",
    "« older posts",
    "newer posts »",
    "print this page",
    "save",
    "follow",
    "follow us",
    "all rights reserved",
    "quick links",
    "navigation",
    "main menu",
    "go",
    "toggle navigation",
    "open menu",
    "close menu",
    "search fact-checks",
    "send us a claim",
    "about our ratings",
];

/// Line starts (lower case) that mark boilerplate.
const PREFIXES: &[(&str, &str)] = &[
    ("read more:", "related link"),
    ("read more about", "related link"),
    ("read also:", "related link"),
    ("see also:", "related link"),
    ("also read:", "related link"),
    ("related:", "related link"),
    ("photo credit", "image credit"),
    ("photo:", "image credit"),
    ("image:", "image credit"),
    ("image credit", "image credit"),
    ("credit:", "image credit"),
    ("\u{a9}", "copyright or image credit"),
    ("(c) ", "copyright"),
    ("copyright", "copyright"),
    ("all rights reserved", "copyright"),
    ("follow us", "share widget"),
    ("sign up for", "newsletter"),
    ("click here", "call to action"),
    ("for media inquiries", "contact"),
    ("media inquiries", "contact"),
    ("contact:", "contact"),
    ("contact the newsroom", "contact"),
    ("tips and corrections", "contact"),
    ("email:", "contact"),
    ("newsroom:", "contact"),
    ("posted tagged", "tag page heading"),
    ("posts tagged", "tag page heading"),
    ("tag:", "tag page heading"),
    ("tag archives", "tag page heading"),
    ("category:", "tag page heading"),
    ("category archives", "tag page heading"),
    ("breaking:", "news ticker"),
    ("home |", "navigation"),
    ("home \u{203a}", "navigation"),
    ("home >", "navigation"),
    ("home /", "navigation"),
    ("you are here", "navigation"),
    ("skip to", "navigation"),
    ("editing by", "editing credit"),
    ("writing by", "editing credit"),
    ("market data delayed", "publisher blurb"),
    ("spotted an error", "publisher blurb"),
    ("this site uses cookies", "cookie notice"),
    ("we use cookies", "cookie notice"),
    ("by continuing to", "cookie notice"),
    ("by using this site", "cookie notice"),
    ("get the ", "newsletter"),
    ("enter your email", "newsletter"),
    ("subscribe to", "newsletter"),
    ("how we rate", "publisher blurb"),
];

/// Phrases (lower case, looked for near the start) that mark publisher
/// blurbs, cookie and newsletter notices, disclaimers and contact lines.
const PHRASES: &[(&str, &str)] = &[
    ("all rights reserved", "copyright"),
    ("journalists report the news", "publisher blurb"),
    ("is a nonprofit newsroom", "publisher blurb"),
    ("is a non-profit newsroom", "publisher blurb"),
    ("volunteer-run", "publisher blurb"),
    ("contains copyrighted material", "copyright"),
    ("rates claims on a", "publisher blurb"),
    ("minute read", "reading time"),
    ("min read", "reading time"),
    ("sent to your inbox", "newsletter"),
    ("to your inbox", "newsletter"),
    ("never more than one email", "newsletter"),
    ("uses cookies", "cookie notice"),
    ("use of cookies", "cookie notice"),
    ("cookie policy", "cookie notice"),
    ("privacy policy", "cookie notice"),
    ("[email\u{a0}protected]", "contact"),
    ("[email protected]", "contact"),
    ("16x9 image", "image placeholder"),
    ("do not represent any government", "publisher blurb"),
    ("is a member of the", "publisher blurb"),
    ("member of the coastal press", "publisher blurb"),
    ("may not be published, broadcast", "copyright"),
];

/// For the page scan: a piece of every phrase, disclaimer and the rating
/// cue (a line holding one of those holds one of these). A piece is chosen
/// to start with letters that are rare in running text: the SIMD search
/// stops at every place where a piece's first bytes occur, and "is a ",
/// "to " or "all " are everywhere.
const PAGE_MARKERS: &[&str] = &[
    "rights reserved",
    "journalists report",
    "nonprofit newsroom",
    "non-profit newsroom",
    "volunteer-run",
    "copyrighted material",
    "rates claims",
    "minute read",
    "min read",
    "your inbox",
    "one email",
    "cookie",
    "privacy policy",
    "protected]",
    "16x9 image",
    "represent any government",
    "member of the",
    "published, broadcast",
    "opinions are the author",
    "views expressed",
    RATING_CUE,
];

/// Phrases (lower case, anywhere in a line) of an opinion piece's disclaimer.
const OPINION_DISCLAIMERS: &[&str] = &[
    "opinions are the author",
    "views expressed in this",
    "views expressed are",
];

/// True when the line carries an opinion disclaimer ("The views expressed
/// are the author's own").
pub(crate) fn has_opinion_disclaimer(line: &Line<'_>) -> bool {
    line.phrase_candidate && prechecks().disclaimers.any_in(line.lower)
}

/// What every rating sentence of a fact-check ("We rate this claim False.")
/// contains, lower case.
pub(crate) const RATING_CUE: &str = "we rate ";

/// End-of-article markers (lower case prefixes; `=`-prefixed ones must be
/// the whole line).
const END_MARKERS: &[(&str, &str)] = &[
    ("tags:", "tags"),
    ("tagged:", "tags"),
    ("tagged with", "tags"),
    ("filed under", "tags"),
    ("topics:", "tags"),
    ("share this", "share box"),
    ("=share", "share box"),
    ("share on", "share box"),
    ("=related", "related links"),
    ("related post", "related links"),
    ("related article", "related links"),
    ("related stories", "related links"),
    ("related fact-check", "related links"),
    ("related content", "related links"),
    ("related news", "related links"),
    ("=read next", "related links"),
    ("=read more:", "related links"),
    ("=read more", "related links"),
    ("more from ", "related links"),
    ("more stories", "related links"),
    ("trending on", "related links"),
    ("=trending", "related links"),
    ("most read", "related links"),
    ("most popular", "related links"),
    ("you may also like", "related links"),
    ("recommended for you", "related links"),
    ("comments (", "comments"),
    ("leave a comment", "comments"),
    ("leave a reply", "comments"),
    ("you must be logged in", "comments"),
    ("join the conversation", "comments"),
    ("license this story", "publisher links"),
    ("our standards:", "publisher links"),
    ("=sponsored", "sponsored links"),
    ("sponsored links", "sponsored links"),
    ("sponsored content", "sponsored links"),
    ("disclaimer:", "disclaimer"),
    ("about the author", "author box"),
    ("\u{ab} older posts", "pagination"),
    ("=older posts", "pagination"),
];

/// `lower` starts with `marker` as whole words: "most read" opens "most
/// read: ..." but not "most readers".
fn starts_with_word(lower: &str, marker: &str) -> bool {
    lower.starts_with(marker)
        && (!marker.ends_with(|c: char| c.is_alphanumeric())
            || !lower[marker.len()..].starts_with(|c: char| c.is_alphanumeric()))
}

fn strip_trailing(s: &str) -> &str {
    s.trim_end_matches([':', '.', '\u{2192}', '\u{bb}', ' ', '>'])
}

const SHARE_WORDS: &[&str] = &[
    "tweet",
    "share",
    "email",
    "e-mail",
    "print",
    "facebook",
    "x",
    "twitter",
    "linkedin",
    "whatsapp",
    "link",
    "copy",
    "reddit",
    "pinterest",
    "telegram",
    "save",
    "comment",
    "flipboard",
    "messenger",
    "sms",
    "vk",
    "mail",
];

fn ends_terminal(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ']']);
    t.ends_with(['.', '!', '?', '\u{2026}', ':'])
}

/// A body-prose line of `words` words: a sentence or more of running text
/// (a long headline without final punctuation is not).
fn prose(s: &str, words: usize) -> bool {
    if ends_terminal(s) {
        words >= 6
    } else {
        words > 22
    }
}

/// Words that are not just dashes or bullets.
pub(crate) fn real_words(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// A line of `words` words that can be a headline: a few words, no final
/// period.
fn headline_like(s: &str, words: usize) -> bool {
    (2..=30).contains(&words)
        && s.len() <= 250
        && (!s.ends_with('.') || s.ends_with("..."))
        && !s.ends_with(':')
        && !s.ends_with(',')
        && s.chars().next().is_some_and(|c| !c.is_lowercase())
}

/// An image caption ending in a credit: "... (AFP photo)", "... (AFP/File)",
/// "... Photo: Lila Norberg / Coastal Wire", "Igor Kovalenko / Sputnik".
fn is_caption(s: &str, lower: &str, words: usize) -> bool {
    if s.len() > 400 {
        return false;
    }
    // Every photo cue contains "photo": one search decides whether to try them.
    static PHOTO: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    let photo = PHOTO.get_or_init(|| memchr::memmem::Finder::new("photo"));
    if photo.find(lower.as_bytes()).is_some()
        && (lower.contains("photo:") || lower.contains("(photo") || lower.contains("photo credit"))
    {
        return true;
    }
    if lower.ends_with(')')
        && let Some(open) = lower.rfind('(')
    {
        let inner = &lower[open..];
        if inner.len() <= 40
            && [
                "photo", "file", "afp", "reuters", "getty", "ap)", "/", "\u{a9}", "credit",
            ]
            .iter()
            .any(|m| inner.contains(m))
        {
            return true;
        }
    }
    // A bare credit: "Igor Kovalenko / Sputnik", "Al Qaeda fighters © Stringer".
    if words <= 16 && s.contains('\u{a9}') {
        return true;
    }
    if words <= 6
        && memchr::memchr(b'/', s.as_bytes()).is_some()
        && s.contains(" / ")
        && !ends_terminal(s)
        && meta::looks_like_name(&s.replace(" / ", " "))
    {
        return true;
    }
    false
}

fn is_share_widget(lower: &str) -> bool {
    let mut n = 0;
    for w in lower.split(|c: char| c.is_whitespace() || c == '|' || c == '\u{b7}') {
        if w.is_empty() {
            continue;
        }
        if !word_set!(SHARE_WORDS).contains(w) {
            return false;
        }
        n += 1;
    }
    n >= 2
}

/// "6 Comments", "12 replies".
fn is_counter(lower: &str) -> bool {
    // The count opens the line.
    if !lower.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let mut words = lower.split_whitespace();
    let (Some(n), Some(w), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    n.chars().all(|c| c.is_ascii_digit())
        && (w.starts_with("comment") || w == "responses" || w == "replies" || w == "shares")
}

/// Menus and footers: several short items separated by `|`, `·` or `›`.
fn is_nav_line(s: &str) -> bool {
    // Every separator starts with one of these bytes.
    if memchr::memchr3(b'|', 0xC2, 0xE2, s.as_bytes()).is_none() {
        return false;
    }
    for sep in ['|', '\u{b7}', '\u{203a}', '\u{2022}'] {
        // Without the separator the line is one part: neither rule applies.
        if !s.contains(sep) {
            continue;
        }
        let parts: Vec<&str> = s.split(sep).map(str::trim).collect();
        if parts.len() >= 3 && parts.iter().all(|p| word_count(p) <= 5) {
            return true;
        }
        if parts.len() == 2
            && parts.iter().all(|p| word_count(p) <= 3)
            && !parts.iter().any(|p| dates::find_date(p).is_some())
        {
            return true;
        }
    }
    false
}

/// An e-mail address or a phone number on a short line: contact details.
fn is_contact(s: &str, words: usize) -> bool {
    if words > 25 || !s.as_bytes().contains(&b'@') {
        return false;
    }
    s.split_whitespace().any(|w| {
        w.find('@')
            .is_some_and(|at| at > 0 && w[at..].contains('.'))
    })
}

/// The longest entry of [`EXACT`]: longer keys need no look-up.
const EXACT_MAX: usize = {
    let mut max = 0;
    let mut i = 0;
    while i < EXACT.len() {
        if EXACT[i].len() > max {
            max = EXACT[i].len();
        }
        i += 1;
    }
    max
};

/// The rule lists indexed for cheap look-ups: the line-start lists by their
/// entries' first byte (so a line is compared only with the entries that
/// start as it does, still in list order), the phrases as one pattern set
/// (when it finds nothing, the phrase loop is skipped).
struct Prechecks {
    /// END_MARKERS indices by first byte (of the whole-line text for `=`).
    end_markers: FirstByte,
    prefixes: FirstByte,
    phrases: Patterns,
    disclaimers: Patterns,
    /// The phrases, the disclaimers and the rating cue, for the page scan.
    page_phrases: Patterns,
}

/// Indices of a list's entries, in list order, by each entry's first byte.
struct FirstByte(Vec<Vec<usize>>);

impl FirstByte {
    fn new<'a>(entries: impl Iterator<Item = &'a str>) -> FirstByte {
        let mut by = vec![Vec::new(); 256];
        for (i, e) in entries.enumerate() {
            if let Some(&b) = e.as_bytes().first() {
                by[usize::from(b)].push(i);
            }
        }
        FirstByte(by)
    }

    /// The entries that may match a line starting with `s`'s first byte.
    fn candidates(&self, s: &str) -> &[usize] {
        s.as_bytes()
            .first()
            .and_then(|&b| self.0.get(usize::from(b)))
            .map_or(&[], Vec::as_slice)
    }
}

fn prechecks() -> &'static Prechecks {
    static SETS: OnceLock<Prechecks> = OnceLock::new();
    SETS.get_or_init(|| Prechecks {
        end_markers: FirstByte::new(END_MARKERS.iter().map(|(m, _)| m.trim_start_matches('='))),
        prefixes: FirstByte::new(PREFIXES.iter().map(|(p, _)| *p)),
        phrases: Patterns::new(&PHRASES.iter().map(|(p, _)| *p).collect::<Vec<_>>()),
        disclaimers: Patterns::new(OPINION_DISCLAIMERS),
        page_phrases: Patterns::new(PAGE_MARKERS),
    })
}

/// Classifies one trimmed line.
#[cfg(test)]
pub(crate) fn classify(s: &str) -> Class {
    let lower = s.to_ascii_lowercase();
    classify_line(&Line {
        text: s,
        lower: &lower,
        start: 0,
        end: s.len(),
        after_blank: true,
        words: word_count(s),
        phrase_candidate: true,
    })
}

/// Classifies one line.
pub(crate) fn classify_line(line: &Line<'_>) -> Class {
    let (s, words) = (line.text, line.words);
    // The rules read at most the first 240 bytes lower-cased.
    let mut cut = line.lower.len().min(240);
    while !line.lower.is_char_boundary(cut) {
        cut -= 1;
    }
    let lower = &line.lower[..cut];
    let sets = prechecks();
    let key = strip_trailing(lower);
    if s.len() <= 120 {
        if key.len() <= EXACT_MAX && word_set!(EXACT).contains(key) {
            return Class::Boilerplate("menu, widget or label");
        }
        if is_share_widget(key) {
            return Class::Boilerplate("share widget");
        }
        if is_counter(key) {
            return Class::End("comments");
        }
    }
    // `key` starts where `lower` does: one first byte picks the candidates.
    for &i in sets.end_markers.candidates(lower) {
        let (marker, why) = END_MARKERS[i];
        let hit = match marker.strip_prefix('=') {
            Some(whole) => key == whole,
            None => starts_with_word(lower, marker),
        };
        // A marker opens a short line ("Most read") or labels one
        // ("Disclaimer: ..."); a long sentence that happens to start with
        // an unlabelled marker is article text.
        if hit && (marker.ends_with(':') || !(words > 12 && line.is_prose())) {
            return Class::End(why);
        }
    }
    if let Some(b) = meta::byline(s) {
        return Class::Byline(b);
    }
    if let Some(d) = dates::date_line(s) {
        return Class::Date(d);
    }
    if let Some(syn) = meta::syndication(s) {
        return Class::Syndication(syn);
    }
    for &i in sets.prefixes.candidates(lower) {
        let (prefix, why) = PREFIXES[i];
        if lower.starts_with(prefix) {
            return Class::Boilerplate(why);
        }
    }
    let mut cut = lower.len().min(160);
    while !lower.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &lower[..cut];
    if line.phrase_candidate && sets.phrases.any_in(head) {
        for (phrase, why) in PHRASES {
            if head.contains(phrase) {
                return Class::Boilerplate(why);
            }
        }
    }
    if is_caption(s, lower, words) {
        return Class::Boilerplate("image caption or credit");
    }
    if s.len() <= 200 && is_nav_line(s) {
        return Class::Boilerplate("navigation");
    }
    if is_contact(s, words) {
        return Class::Boilerplate("contact");
    }
    if s.starts_with('\u{2022}') && words <= 4 {
        return Class::Boilerplate("image placeholder");
    }
    Class::Content
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_boilerplate(s: &str) -> bool {
        matches!(classify(s), Class::Boilerplate(_) | Class::End(_))
    }

    #[test]
    fn page_markers_cover_every_phrase() {
        let phrases = PHRASES.iter().map(|(p, _)| *p);
        for p in phrases
            .chain(OPINION_DISCLAIMERS.iter().copied())
            .chain([RATING_CUE])
        {
            assert!(PAGE_MARKERS.iter().any(|m| p.contains(m)), "{p:?}");
        }
    }

    #[test]
    fn trim_is_str_trim() {
        for s in [
            "",
            " ",
            "\t a b \r",
            "\x0bx\x0b",
            "\u{a0}nbsp\u{2003}",
            " é ",
            "\u{85}",
            "x\u{3000}",
        ] {
            let (lead, t) = trim(s);
            assert_eq!(t, s.trim(), "{s:?}");
            assert_eq!(&s[lead..lead + t.len()], t, "{s:?}");
        }
    }

    #[test]
    fn boilerplate_lines() {
        for s in [
            "Accessibility links",
            "Skip to main content",
            "READ MORE:\u{a0}30 killed, scores injured",
            "Read more",
            "Read more \u{2192}",
            "Tweet   Share   Email   Print",
            "Al Qaeda-linked Nusra Front fighters \u{a9} Stringer",
            "Igor Kovalenko / Sputnik",
            "\u{a9} Reuters",
            "image description",
            "Photo Credit: Reuters/Channel 2 News",
            "Foreign Minister Sergey Lavrov of Russia answers questions on May 25, 2016. (AFP photo)",
            "Ahrar al-Sham is an ally of al-Nusra Front. (AFP/File)",
            "6 Comments",
            "Comments (4)",
            "4 minute read",
            "Home | Local | Nation | World",
            "Contact: editors@waterwatch.example.org",
            "  \u{2022} 16x9 Image",
            "Disclaimer: The contents of this article are of sole responsibility of the author(s).",
            "This site uses cookies. By continuing to browse you agree to our use of cookies.",
            "\u{a9} 2026 Coastal Wire. All rights reserved.",
        ] {
            assert!(is_boilerplate(s.trim()), "{s}");
        }
    }

    #[test]
    fn end_markers_are_whole_words_on_short_lines() {
        assert_eq!(classify("Most read"), Class::End("related links"));
        assert_eq!(
            classify("Most read: the week in review"),
            Class::End("related links")
        );
        for s in [
            "Most readers of the report missed the key figure: emissions rose 4% in 2024.",
            "Most read the statement as a denial, but the minister's office said on Monday that it was nothing of the kind.",
        ] {
            assert_eq!(classify(s), Class::Content, "{s}");
        }
    }

    #[test]
    fn article_lines_survive() {
        for s in [
            "Moscow hopes that the US is not trying to do anything behind Russia\u{2019}s back, Lavrov said.",
            "What the utility reports",
            "Here\u{2019}s a translation:",
            "\u{2018}US trying to play both sides to continue Syrian conflict\u{2019}",
            "Summary",
            "Our ruling",
        ] {
            assert_eq!(classify(s), Class::Content, "{s}");
        }
    }
}
