//! Boilerplate rules: which elements hold no article prose.
//!
//! Applied to the whole page before content selection (see
//! [`super::scan`]); an element that looks like boilerplate but holds a
//! large share of the page's prose is kept (the guard), because page
//! wrappers often carry names such as `has-sidebar` or `ad-margins`.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use dom_query::Element;

use super::dom;

/// Why an element was judged boilerplate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reason {
    /// A tag that never holds prose (`button`, `figcaption`, `iframe`).
    Tag,
    /// A layout tag that usually holds boilerplate (`nav`, `aside`, `footer`).
    Layout,
    /// An ARIA role of navigation, search, dialogs and the like.
    Role,
    /// `hidden` or `aria-hidden="true"`.
    Hidden,
    /// A `class`/`id` naming boilerplate (share, related, newsletter...).
    Name,
}

/// Tags that never hold article prose.
fn junk_tag(t: &str) -> bool {
    matches!(
        t,
        "figcaption"
            | "button"
            | "select"
            | "input"
            | "textarea"
            | "iframe"
            | "svg"
            | "template"
            | "dialog"
            | "object"
            | "embed"
            | "canvas"
            | "audio"
            | "video"
            | "label"
            | "style"
            | "script"
            | "noscript"
            | "link"
    )
}

/// Layout tags that usually hold boilerplate, but sometimes wrap the page.
fn layout_tag(t: &str) -> bool {
    matches!(t, "nav" | "aside" | "footer" | "menu")
}

fn boiler_role(r: &str) -> bool {
    let r = r.trim();
    [
        "navigation",
        "complementary",
        "contentinfo",
        "search",
        "dialog",
        "alertdialog",
        "menu",
        "menubar",
        "toolbar",
        "banner",
    ]
    .iter()
    .any(|x| r.eq_ignore_ascii_case(x))
}

/// Substrings of `class`/`id` that mark boilerplate blocks.
const NAME_SUBSTR: &[&str] = &[
    "newsletter",
    "breadcrumb",
    "subscribe",
    "subscription",
    "signup",
    "sign-up",
    "related",
    "share",
    "sharing",
    "social",
    "caption",
    "byline",
    "sidebar",
    "promo",
    "sponsor",
    "cookie",
    "consent",
    "popup",
    "modal",
    "recommend",
    "outbrain",
    "taboola",
    "disclaimer",
    "author-bio",
    "authorbio",
    "author-info",
    "author-box",
    "authorbox",
    "about-author",
    "most-popular",
    "mostpopular",
    "most-read",
    "trending",
    "read-more",
    "readmore",
    "more-stories",
    "morestories",
    "paywall",
    "pagination",
    "pager",
    "toolbar",
    "comment",
    "disqus",
    "advert",
    "dateline",
    "timestamp",
    "published-date",
    "post-date",
    "entry-meta",
    "post-meta",
    "article-meta",
    "meta-data",
    "credit",
    "footer",
    "masthead",
    "navbar",
    "nav-",
    "-nav",
    "skip-link",
    "print-only",
    "visually-hidden",
    "screen-reader",
    "sr-only",
    "jump-link",
    "tags-",
    "-tags",
    "tag-list",
    "taglist",
    "categories",
    "widget",
];

/// Whole class/id words (split at non-alphanumerics) that mark boilerplate.
const NAME_WORDS: &[&str] = &[
    "ad", "ads", "adv", "advert", "nav", "menu", "tags", "tag", "meta", "date", "time", "author",
    "share", "social", "print", "hidden", "hide", "header", "footer",
];

/// Names that protect an element: article containers often carry
/// boilerplate-like words too ("post-content has-sidebar").
const PROTECT: &[&str] = &[
    "articlebody",
    "article-body",
    "article__body",
    "article_body",
    "entry-content",
    "post-content",
    "story-body",
    "article-content",
    "article__content",
    "main-content",
    "post-body",
    "postbody",
    "story-content",
    "article-text",
    "articletext",
];

/// Judges lowercased `class`/`id` names.
pub(crate) fn name_is_boiler(names: &str) -> bool {
    static PROTECTED: OnceLock<AhoCorasick> = OnceLock::new();
    let protected = PROTECTED.get_or_init(|| AhoCorasick::new(PROTECT).expect("static patterns"));
    if protected.is_match(names) {
        return false;
    }
    static SUBSTR: OnceLock<AhoCorasick> = OnceLock::new();
    let substr = SUBSTR.get_or_init(|| AhoCorasick::new(NAME_SUBSTR).expect("static patterns"));
    if substr.is_match(names) {
        return true;
    }
    names
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| NAME_WORDS.contains(&w))
}

/// Judges one element on its own tag and attributes (not its content).
/// `names` is the element's lowercased class/id (see [`dom::names_into`]).
pub(crate) fn classify(e: &Element, names: Option<&str>) -> Option<Reason> {
    let t = &*e.name.local;
    if matches!(t, "html" | "body" | "main" | "article" | "head") {
        return None;
    }
    if junk_tag(t) {
        return Some(Reason::Tag);
    }
    if layout_tag(t) {
        return Some(Reason::Layout);
    }
    if dom::attr_of(e, "role").is_some_and(boiler_role) {
        return Some(Reason::Role);
    }
    if dom::attr_of(e, "hidden").is_some() || dom::attr_of(e, "aria-hidden") == Some("true") {
        return Some(Reason::Hidden);
    }
    if names.is_some_and(name_is_boiler) {
        return Some(Reason::Name);
    }
    None
}

/// A boilerplate-looking element holding more non-link text than this is a
/// wrapper, not boilerplate.
pub(crate) const GUARD_CHARS: usize = 800;

/// True when an element looks like a container of real prose despite its
/// name: more than [`GUARD_CHARS`] or 40% of the page's non-link text, and
/// less than half of its own text in links. `(total, link)` is the
/// element's text length and the part in links (see
/// [`dom::text_lengths`]); `page_text` is the non-link text length of the
/// whole page.
pub(crate) fn guarded((total, link): (usize, usize), reason: Reason, page_text: usize) -> bool {
    if matches!(reason, Reason::Tag) {
        return false;
    }
    let own = total.saturating_sub(link);
    (own > GUARD_CHARS || own * 5 > page_text * 2) && link * 2 < total
}

#[cfg(test)]
mod tests {
    use super::name_is_boiler;

    #[test]
    fn names() {
        assert!(name_is_boiler("share-bar"));
        assert!(name_is_boiler("related-posts"));
        assert!(name_is_boiler("ad top"));
        assert!(!name_is_boiler("shadow"));
        assert!(!name_is_boiler("headline"));
        assert!(!name_is_boiler("entry-content has-sidebar"));
    }
}
