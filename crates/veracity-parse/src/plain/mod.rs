//! Plain-text pages: boilerplate removal, multi-post splitting, metadata
//! (title, dates, authors, dateline, syndication) and published verdicts.
//!
//! The rules are documented in `docs/parsing.md`.

mod cut;
mod lines;
mod meta;
mod verdict;

use crate::build::{self, Meta, push_unique, record_dropped};
use crate::json::Origin;
use cut::Cut;
use lines::{Class, Line, classify_line};
use std::borrow::Cow;
use veracity_model::{Document, DocumentKind, DropRule, Span};

/// Page-level facts shared by every post of a page.
#[derive(Debug, Default)]
struct Page {
    publisher: Option<String>,
    /// The site a header or footer line names, for a review whose page has
    /// no copyright line (see [`site_name`]).
    site: Option<String>,
    tag_page: bool,
}

/// A line that is only a site's name: a fact-checker the scale registry
/// knows ("Polygraph.info", "PolitiFact"), by the registry's name, or a bare
/// address ("checks.example.org"), as printed (without "www.").
fn site_line(t: &str) -> Option<String> {
    if t.len() > 60 {
        return None;
    }
    let t = t.strip_prefix("www.").unwrap_or(t);
    let known = veracity_model::ScaleRegistry::builtin()
        .scales()
        .iter()
        .filter_map(|s| s.publisher.as_deref())
        .find(|p| p.eq_ignore_ascii_case(t));
    if let Some(p) = known {
        return Some(p.to_owned());
    }
    // An address: letters, digits, dots and hyphens, ending in ".tld".
    let (host, tld) = t.rsplit_once('.')?;
    let address = !host.is_empty()
        && host.chars().any(|c| c.is_ascii_alphabetic())
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && (2..=6).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_alphabetic());
    address.then(|| t.to_owned())
}

/// The site named by a line of its own in the first or last dozen lines.
fn site_name(all: &[Line<'_>]) -> Option<String> {
    let tail = all.len().saturating_sub(12).max(12.min(all.len()));
    all.iter()
        .take(12)
        .chain(&all[tail..])
        .find_map(|l| site_line(l.text))
}

fn page_facts(all: &[Line<'_>]) -> Page {
    let mut page = Page::default();
    let mut holder = None;
    for line in all {
        if line.text.len() <= 300
            && let Some(h) = meta::copyright_holder(line.text)
        {
            holder = Some(h);
        }
    }
    if let Some(holder) = holder {
        // Prefer the site name as the header prints it ("Bayside Daily" for
        // "Bayside Daily Publishing LLC").
        let short = all
            .iter()
            .take(12)
            .map(|l| l.text)
            .find(|t| t.len() >= 3 && holder.starts_with(t) && holder.len() > t.len());
        page.publisher = Some(short.unwrap_or(&holder).to_owned());
    } else {
        page.site = site_name(all);
    }
    page.tag_page = all.iter().take(40).any(|l| {
        let lower = l.lower;
        [
            "posted tagged",
            "posts tagged",
            "tag archives",
            "tag:",
            "category archives",
            "archives for",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
    });
    page
}

/// Where posts start: a headline-like line followed by a date line, with
/// body prose before the next start.
fn post_starts(all: &[Line<'_>], classes: &[Class]) -> Vec<usize> {
    let mut starts = Vec::new();
    for i in 0..all.len().saturating_sub(1) {
        // The date (or byline and date) under it first: it is the rare part.
        let date_next = matches!(&classes[i + 1], Class::Date(_))
            || (matches!(&classes[i + 1], Class::Byline(_))
                && matches!(classes.get(i + 2), Some(Class::Date(_))));
        if !date_next || classes[i] != Class::Content {
            continue;
        }
        let t = all[i].text;
        let short_title = all[i].words <= 12
            && t.len() <= 120
            && !t.ends_with([':', ','])
            && t.chars().next().is_some_and(char::is_uppercase);
        if !(all[i].is_headline_like() || short_title) {
            continue;
        }
        // Body prose within the next lines, before another such start.
        let has_body = (i + 2..all.len().min(i + 14))
            .any(|k| classes[k] == Class::Content && all[k].is_prose() && all[k].text.len() > 80);
        // A title repeated under the date is not a new post.
        let repeat = starts.last().is_some_and(|&s: &usize| {
            (s + 1..i).all(|k| !(classes[k] == Class::Content && all[k].is_prose()))
        });
        if has_body && !repeat {
            starts.push(i);
        }
    }
    starts
}

/// Parses a plain-text page into one document, or one per post; what the
/// cleaning rules dropped (or chose not to drop) goes to `notes`.
pub(crate) fn parse_text(
    source: &str,
    origin: &Origin<'_>,
    notes: &mut Vec<String>,
) -> Vec<Document> {
    // Lower-cased once for every case-insensitive rule.
    let lowered = source.to_ascii_lowercase();
    let all = lines::lines(source, &lowered);
    let classes: Vec<Class> = all.iter().map(classify_line).collect();
    let page = page_facts(&all);
    let starts = post_starts(&all, &classes);
    let page_id = build::document_id(origin.sha256, None);
    let mut docs = Vec::new();
    if starts.len() >= 2 {
        for (n, &s) in starts.iter().enumerate() {
            let e = starts.get(n + 1).copied().unwrap_or(all.len());
            let lines = &all[s..e];
            let start = lines[0].start;
            let end = if e < all.len() {
                all[e - 1].end
            } else {
                lines[lines.len() - 1].end
            };
            let range = Span::new(source, start, end).ok();
            let (meta, paragraphs) = article(lines, &classes[s..e], Some(0), &page, true, notes);
            let part = format!("{start}..{end}");
            let mut src = crate::source(origin);
            src.byte_range = range;
            docs.push(build::document(
                build::document_id(origin.sha256, Some(&part)),
                src,
                Some(page_id.clone()),
                meta,
                &paragraphs,
            ));
        }
        return docs;
    }
    let (meta, paragraphs) = article(&all, &classes, None, &page, page.tag_page, notes);
    let src = crate::source(origin);
    docs.push(build::document(page_id, src, None, meta, &paragraphs));
    docs
}

/// Letters and digits of `s`, lower-cased: what [`same_text`] compares.
fn normalized(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// True when `line` reads as the title whose [`normalized`] form is `norm`
/// (case, spacing and punctuation aside); stops at the first difference.
fn same_text(norm: &str, line: &str) -> bool {
    norm.chars().eq(normalized(line))
}

/// Cleans one article (a page, or a post of a multi-post page): returns its
/// metadata and paragraphs.
fn article<'a>(
    lines: &[Line<'a>],
    classes: &[Class],
    known_title: Option<usize>,
    page: &Page,
    blog: bool,
    notes: &mut Vec<String>,
) -> (Meta, Vec<Cow<'a, str>>) {
    let mut meta = Meta {
        publisher: page.publisher.clone(),
        ..Meta::default()
    };
    let first_prose = (0..lines.len())
        .find(|&i| classes[i] == Class::Content && lines[i].is_prose())
        .unwrap_or(lines.len());
    let widget = verdict::widget(lines, known_title.map_or(0, |t| t + 1));
    let widget = widget.filter(|w| w.first <= first_prose + 1);
    // The title: given, or the longest headline-like line before the body
    // (and before a verdict widget).
    let title_limit = widget
        .as_ref()
        .map_or(first_prose, |w| w.first.min(first_prose));
    let title = known_title.or_else(|| {
        (0..title_limit)
            .filter(|&i| classes[i] == Class::Content && lines[i].is_headline_like())
            .filter(|&i| lines[i].words >= 3)
            .max_by_key(|&i| (lines[i].words, usize::MAX - i))
    });
    meta.title = title.map(|i| lines[i].text.to_owned());
    // Title repeats in the body are dropped: normalise the title once.
    let title_norm: Option<String> = meta.title.as_deref().map(|t| normalized(t).collect());
    // Header: everything up to the title, and title repeats and headline-like
    // lines up to the last metadata line before the body.
    let body_from = title.map_or(0, |t| t + 1);
    let last_header_meta = (body_from..first_prose.min(lines.len()))
        .filter(|&i| !matches!(classes[i], Class::Content))
        .max();
    let mut drop = vec![false; lines.len()];
    for d in drop.iter_mut().take(body_from) {
        *d = true;
    }
    if let Some(last) = last_header_meta {
        for i in body_from..last {
            if classes[i] == Class::Content && lines[i].is_headline_like() {
                drop[i] = true;
            }
        }
    }
    // The header's lines, bar the title, are page furniture (site name,
    // menus, section labels); the verdict widget's go into the review.
    for (i, line) in lines.iter().enumerate() {
        if drop[i] && classes[i] == Class::Content && Some(i) != title {
            record_dropped(
                &mut meta.dropped,
                DropRule::PageFurniture,
                line.text.len() as u64,
            );
        }
    }
    if let Some(w) = &widget {
        for &i in &w.drop {
            drop[i] = true;
        }
    }
    let mut published: Option<(bool, String)> = None;
    let mut kept: Vec<usize> = Vec::new();
    let mut body_started = false;
    let mut cut = false;
    // Prose bytes from each line on (teasers of other stories aside): what
    // a cut there would drop.
    let mut prose_from = vec![0usize; lines.len() + 1];
    for i in (0..lines.len()).rev() {
        let prose = classes[i] == Class::Content
            && !drop[i]
            && lines[i].is_prose()
            && !cut::is_teaser(lines[i].text);
        prose_from[i] = prose_from[i + 1] + if prose { lines[i].text.len() } else { 0 };
    }
    let mut kept_prose = 0usize;
    let mut cut_line: Option<(usize, &'static str)> = None;
    // Bytes of the lines a cut drops.
    let mut after_cut = 0usize;
    for i in 0..lines.len() {
        let text = lines[i].text;
        match &classes[i] {
            Class::Byline(b) => {
                for a in &b.authors {
                    push_unique(&mut meta.authors, a);
                }
                if let Some(aff) = &b.affiliation {
                    push_unique(&mut meta.syndicated_from, aff);
                }
                continue;
            }
            Class::Date(d) => {
                if i >= body_from.saturating_sub(1) || published.is_none() {
                    let better = match &published {
                        None => true,
                        // A "Published ..." line wins; so does the same day
                        // with a time.
                        Some((labelled, iso)) => {
                            (d.published_label && !labelled)
                                || (d.iso.len() > iso.len() && d.iso.starts_with(iso.as_str()))
                        }
                    };
                    if better && !cut {
                        published = Some((d.published_label, d.iso.clone()));
                    }
                }
                if let Some(name) = &d.name {
                    push_unique(&mut meta.authors, name);
                }
                continue;
            }
            Class::Syndication(s) => {
                if !cut {
                    for o in &s.outlets {
                        push_unique(&mut meta.syndicated_from, o);
                    }
                }
                if s.ends_article && body_started && !cut {
                    let cut_here = Cut::new(lines, i, "source credit", kept_prose, &prose_from);
                    cut = cut_here.allowed(notes);
                    cut_line = cut.then_some((i, "source credit"));
                }
                continue;
            }
            Class::End(why) => {
                if body_started && !cut {
                    cut = Cut::new(lines, i, why, kept_prose, &prose_from).allowed(notes);
                    cut_line = cut.then_some((i, *why));
                }
                continue;
            }
            Class::Boilerplate(_) => {
                record_dropped(
                    &mut meta.dropped,
                    DropRule::BoilerplateLine,
                    text.len() as u64,
                );
                continue;
            }
            Class::Content => {}
        }
        if cut {
            after_cut += text.len();
            continue;
        }
        if drop[i] {
            continue;
        }
        if let Some(norm) = &title_norm
            && same_text(norm, text)
        {
            continue;
        }
        if lines[i].is_prose() {
            body_started = true;
            kept_prose += text.len();
        }
        kept.push(i);
    }
    // Trailing short lines after the last prose line: site names, section
    // labels, breadcrumbs.
    while let Some(&last) = kept.last() {
        if lines[last].is_prose() || lines::real_words(lines[last].text) > 10 {
            break;
        }
        let text = lines[last].text;
        record_dropped(
            &mut meta.dropped,
            DropRule::BoilerplateLine,
            text.len() as u64,
        );
        kept.pop();
    }
    record_dropped(
        &mut meta.dropped,
        DropRule::AfterEndMarker,
        after_cut as u64,
    );
    if let Some((at, why)) = cut_line {
        notes.extend(Cut::new(lines, at, why, kept_prose, &prose_from).dropped_note());
    }
    meta.published = published.map(|(_, iso)| iso);
    // Paragraphs: a line continues the previous one when it was wrapped
    // (no blank line between, no final punctuation, lower-case start).
    // A paragraph of one line (most) borrows it; wrapped lines are joined.
    let mut paragraphs: Vec<Cow<'a, str>> = Vec::new();
    let mut prev: Option<usize> = None;
    for &i in &kept {
        let line = lines[i];
        let continues = prev.is_some_and(|p| {
            p + 1 == i
                && !line.after_blank
                && !lines[p]
                    .text
                    .ends_with(['.', '!', '?', '"', '\u{201d}', ':'])
                && line.text.chars().next().is_some_and(char::is_lowercase)
        });
        match paragraphs.last_mut() {
            Some(last) if continues => {
                let joined = last.to_mut();
                joined.push(' ');
                joined.push_str(line.text);
            }
            _ => paragraphs.push(Cow::Borrowed(line.text)),
        }
        prev = Some(i);
    }
    // Dateline of the first paragraph that has one.
    if let Some((dl, agency)) = paragraphs.iter().take(3).find_map(|p| meta::dateline(p)) {
        meta.dateline = Some(dl);
        if let Some(agency) = agency
            && meta.publisher.as_deref() != Some(agency.as_str())
        {
            push_unique(&mut meta.syndicated_from, &agency);
        }
    }
    if let Some(p) = &meta.publisher {
        meta.syndicated_from.retain(|s| !s.eq_ignore_ascii_case(p));
    }
    // Published verdicts; a page without a copyright line may name its
    // site on a line of its own, and that is the reviewer.
    let fields = verdict::box_fields(&lines[body_from.min(lines.len())..]);
    let reviewer = meta.publisher.as_deref().or(page.site.as_deref());
    if let Some(review) = verdict::review(
        widget.as_ref(),
        &fields,
        reviewer,
        meta.published.as_deref(),
    ) {
        if meta.publisher.is_none() {
            meta.publisher.clone_from(&page.site);
        }
        meta.reviews.push(review);
        if let (Some(name), Some(role)) = (
            meta.reviews[0].claimant.clone(),
            fields
                .claimant_role
                .clone()
                .or_else(|| widget.as_ref().and_then(|w| w.role.clone())),
        ) {
            meta.claimant_role = Some((name, role));
        }
    }
    meta.kind = Some(kind(lines, classes, &meta, blog));
    (meta, paragraphs)
}

/// The document kind, by cues.
fn kind(lines: &[Line<'_>], classes: &[Class], meta: &Meta, blog: bool) -> DocumentKind {
    if !meta.reviews.is_empty() {
        return DocumentKind::FactCheck;
    }
    let mut press = false;
    let mut opinion = false;
    let mut posted_by = false;
    for (line, class) in lines.iter().zip(classes) {
        if let Class::Byline(b) = class {
            posted_by |= b.posted_by;
        }
        if line.text.len() > 400 {
            continue;
        }
        let lower = line.lower;
        press |= lower.starts_with("for immediate release")
            || lower == "press release"
            || lower.starts_with("media contact");
        opinion |= lines::has_opinion_disclaimer(line)
            || lower == "opinion"
            || lower.starts_with("op-ed")
            || lower.starts_with("commentary:")
            || (lower.starts_with("tags:") && lower.contains("opinion"));
    }
    if press {
        DocumentKind::PressRelease
    } else if opinion {
        DocumentKind::Opinion
    } else if blog || posted_by {
        DocumentKind::Blog
    } else if meta.dateline.is_some()
        || !meta.syndicated_from.is_empty()
        || (meta.published.is_some() && meta.title.is_some())
        || !meta.authors.is_empty()
    {
        DocumentKind::News
    } else {
        DocumentKind::Other
    }
}

/// An HTML page the extractor finds no main text in (a fragment, a page of
/// bare text): tags stripped to lines, then parsed as text.
pub(crate) fn parse_html_fallback(
    source: &str,
    origin: &Origin<'_>,
    notes: &mut Vec<String>,
) -> Vec<Document> {
    let mut out = String::with_capacity(source.len() / 2);
    let mut in_tag = false;
    let mut skip_until: Option<&str> = None;
    let lower = source.to_ascii_lowercase();
    let mut i = 0;
    let bytes = source.as_bytes();
    while i < bytes.len() {
        if let Some(end) = skip_until {
            match lower[i..].find(end) {
                Some(at) => {
                    i += at + end.len();
                    skip_until = None;
                    continue;
                }
                None => break,
            }
        }
        let c = bytes[i];
        if in_tag {
            if c == b'>' {
                in_tag = false;
            }
            i += 1;
            continue;
        }
        if c == b'<' {
            let rest = &lower[i..];
            if rest.starts_with("<script") {
                skip_until = Some("</script>");
            } else if rest.starts_with("<style") {
                skip_until = Some("</style>");
            } else if rest.starts_with("<!--") {
                skip_until = Some("-->");
            } else {
                let block = [
                    "<p", "</p", "<br", "<div", "</div", "<h", "</h", "<li", "<tr", "<article",
                    "<section",
                ]
                .iter()
                .any(|t| rest.starts_with(t));
                if block {
                    out.push_str("\n\n");
                }
                in_tag = true;
            }
            i += 1;
            continue;
        }
        let ch_len = source[i..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&source[i..i + ch_len]);
        i += ch_len;
    }
    let decoded = out
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&rsquo;", "\u{2019}")
        .replace("&lsquo;", "\u{2018}")
        .replace("&ldquo;", "\u{201c}")
        .replace("&rdquo;", "\u{201d}")
        .replace("&mdash;", "\u{2014}")
        .replace("&ndash;", "\u{2013}")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
    let mut docs = parse_text(&decoded, origin, notes);
    for d in &mut docs {
        d.source.byte_range = None;
    }
    docs
}
