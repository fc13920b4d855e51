//! A linear pass before HTML parsing that bounds the work of the parser and
//! of Readability, whatever the page.
//!
//! html5ever's tree builder scans its stack of open elements for most tags,
//! so a page of 20,000 nested `<div>` takes minutes, and code that recurses
//! over the tree can overflow the stack. This pass tracks the open elements
//! the way the tree builder would (closely enough: it errs on the deep side)
//! and drops the start tags, with their end tags, that would:
//!
//! - nest deeper than [`MAX_DEPTH`] elements;
//! - make the page hold more than [`MAX_ELEMENTS`] elements;
//! - leave more than [`MAX_OPEN_FORMATTING`] formatting elements (`<b>`,
//!   `<font>`, ...) unclosed: the tree builder re-opens every one of them
//!   before each run of text, which multiplies the tree's size;
//! - open a heading inside another heading: Readability compares the text
//!   of every heading with the title, so headings holding each other make
//!   its work quadratic in the page's size.
//!
//! Attributes longer than [`MAX_ATTR_BYTES`], and those beyond the first
//! [`MAX_ATTRS`] of a tag (the tokenizer checks every new attribute against
//! all earlier ones), are dropped too. Text is never dropped: a dropped tag's
//! text joins its parent's. Every kind of drop is counted for a note.

use std::collections::HashMap;

/// Open elements at most (the tree builder may add a few implied ones).
pub(crate) const MAX_DEPTH: usize = 256;
/// The deepest parsed tree Readability is run on: the tree builder nests
/// deeper than the tags `bound` lets through (tables gain implied
/// elements; misnested formatting elements are copied into each block
/// they overlap), and Readability recurses once per level.
pub(crate) const MAX_TREE_DEPTH: usize = 4 * MAX_DEPTH;
/// Elements per page at most.
pub(crate) const MAX_ELEMENTS: usize = 200_000;
/// Formatting elements left open at most.
pub(crate) const MAX_OPEN_FORMATTING: usize = 32;
/// Bytes of one attribute (name, `=` and value) at most: real pages carry
/// `data-` JSON and `srcset` lists of tens of KB.
pub(crate) const MAX_ATTR_BYTES: usize = 64 * 1024;
/// Bytes of a `<title>` or `<textarea>` at most: their text (which is
/// never article text) is escaped whole when Readability serialises, and
/// html5ever's escaping is quadratic in a long escape-heavy text (see
/// `runs`, which cannot split this text: a `<wbr>` there would be text).
pub(crate) const MAX_RCDATA_BYTES: usize = 64 * 1024;
/// Attributes of one tag at most.
pub(crate) const MAX_ATTRS: usize = 64;
/// The most [`Bounded::depth_sum`] a page may have for Readability to run:
/// about a second of its work. The largest of the 60 pages of the extraction
/// benchmark has 17,000; a fuzz input of 80,000 `<ul><li>` nested 256 deep
/// had 21 million and took 12 s.
pub(crate) const MAX_DEPTH_SUM: u64 = 2_000_000;

/// What [`bound`] dropped, by kind.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Dropped {
    /// Start tags nested deeper than [`MAX_DEPTH`].
    pub too_deep: usize,
    /// Start tags beyond [`MAX_ELEMENTS`].
    pub too_many: usize,
    /// Formatting start tags beyond [`MAX_OPEN_FORMATTING`] open ones.
    pub formatting: usize,
    /// Heading start tags inside another heading.
    pub nested_headings: usize,
    /// Attributes over [`MAX_ATTR_BYTES`] or beyond [`MAX_ATTRS`] in a tag.
    pub attributes: usize,
    /// Bytes of the dropped attributes.
    pub attribute_bytes: usize,
    /// `<title>` and `<textarea>` elements emptied for being over
    /// [`MAX_RCDATA_BYTES`].
    pub long_rcdata: usize,
    /// Bytes of their text.
    pub long_rcdata_bytes: usize,
}

impl Dropped {
    /// One sentence per kind of drop, for the page's warnings.
    pub(crate) fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if self.too_deep > 0 {
            notes.push(format!(
                "{} elements nested deeper than {MAX_DEPTH} levels were flattened into their \
                 parent (their text is kept)",
                self.too_deep
            ));
        }
        if self.too_many > 0 {
            notes.push(format!(
                "the page has more than {MAX_ELEMENTS} elements; the tags of the {} after \
                 that were ignored (their text is kept, paragraph breaks may be lost)",
                self.too_many
            ));
        }
        if self.formatting > 0 {
            notes.push(format!(
                "{} formatting tags (b, i, font, ...) beyond {MAX_OPEN_FORMATTING} left open \
                 were ignored (their text is kept)",
                self.formatting
            ));
        }
        if self.nested_headings > 0 {
            notes.push(format!(
                "{} headings inside other headings were read as part of the outer heading",
                self.nested_headings
            ));
        }
        if self.attributes > 0 {
            notes.push(format!(
                "{} attributes ({} bytes) over {MAX_ATTR_BYTES} bytes each or beyond \
                 {MAX_ATTRS} in one tag were dropped",
                self.attributes, self.attribute_bytes
            ));
        }
        if self.long_rcdata > 0 {
            notes.push(format!(
                "{} title or textarea elements over {MAX_RCDATA_BYTES} bytes were emptied \
                 ({} bytes; an unclosed `<title>` in a page takes in the rest of it)",
                self.long_rcdata, self.long_rcdata_bytes
            ));
        }
        notes
    }
}

/// Output of [`bound`].
#[derive(Debug, Default)]
pub(crate) struct Bounded {
    /// The page with the excess tags and attributes removed.
    pub html: String,
    /// What was removed.
    pub dropped: Dropped,
    /// The sum over the elements kept of their depth: the sum of every
    /// element's count of descendants, which is what Readability's
    /// per-element descendant searches cost.
    pub depth_sum: u64,
}

/// `h1` to `h6`.
fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Elements without content or end tag.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "image"
    )
}

/// Elements whose content is text, not markup, up to their end tag.
fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "title" | "textarea" | "xmp" | "iframe" | "noembed" | "noframes" | "script" | "style"
    )
}

/// Formatting elements: the tree builder re-opens them after a block ends.
fn is_formatting(name: &str) -> bool {
    matches!(
        name,
        "a" | "b"
            | "big"
            | "code"
            | "em"
            | "font"
            | "i"
            | "nobr"
            | "s"
            | "small"
            | "strike"
            | "strong"
            | "tt"
            | "u"
    )
}

/// Start tags that close an open `<p>`.
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "ul"
            | "li"
            | "dd"
            | "dt"
    )
}

/// Elements the tree builder places itself: never counted as nesting.
fn is_document_element(name: &str) -> bool {
    matches!(name, "html" | "head" | "body")
}

/// One tag as the tokenizer reads it.
struct Tag {
    /// Lowercased name, at most [`NAME_CAP`] bytes.
    name: String,
    /// End (exclusive) of the tag in the input.
    end: usize,
    /// Byte ranges of each attribute (name through value).
    attrs: Vec<(usize, usize)>,
    /// Ends in `/>`.
    self_closing: bool,
}

/// Longer tag names are cut for matching (no HTML name is this long).
const NAME_CAP: usize = 32;

/// Reads the tag opening at `at` (`b[at] == b'<'`, the name starting at
/// `name_at`), following the tokenizer's rules for attribute values: a
/// quote opens a value only right after `=`. `None` when the input ends
/// inside the tag.
fn read_tag(b: &[u8], name_at: usize) -> Option<Tag> {
    let mut i = name_at;
    let mut name = String::new();
    while i < b.len() && !matches!(b[i], b'\t' | b'\n' | b'\x0c' | b' ' | b'/' | b'>') {
        if name.len() < NAME_CAP {
            // A name with other bytes names no element bound knows:
            // `<scrip\u{fffd}t>` is not a `<script>` to the tree builder.
            name.push(if b[i].is_ascii() {
                char::from(b[i].to_ascii_lowercase())
            } else {
                '?'
            });
        }
        i += 1;
    }
    let mut attrs = Vec::new();
    let mut self_closing = false;
    let space = |c: u8| matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ');
    loop {
        while i < b.len() && space(b[i]) {
            i += 1;
        }
        match b.get(i)? {
            b'>' => {
                return Some(Tag {
                    name,
                    end: i + 1,
                    attrs,
                    self_closing,
                });
            }
            b'/' => {
                i += 1;
                self_closing = b.get(i) == Some(&b'>');
                continue;
            }
            _ => {}
        }
        self_closing = false;
        let start = i;
        // The name: anything up to white space, `/`, `>` or `=` (a leading
        // `=` belongs to it).
        i += 1;
        while i < b.len() && !space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let mut j = i;
        while j < b.len() && space(b[j]) {
            j += 1;
        }
        if b.get(j) == Some(&b'=') {
            j += 1;
            while j < b.len() && space(b[j]) {
                j += 1;
            }
            match b.get(j)? {
                &q @ (b'"' | b'\'') => {
                    let close = memchr::memchr(q, &b[j + 1..])?;
                    i = j + 1 + close + 1;
                }
                _ => {
                    i = j;
                    while i < b.len() && !space(b[i]) && b[i] != b'>' {
                        i += 1;
                    }
                }
            }
        }
        attrs.push((start, i));
    }
}

/// Index of the first `</name` (ASCII, case-insensitive) at or after `from`.
fn find_end_tag(b: &[u8], from: usize, name: &str) -> Option<usize> {
    let n = name.as_bytes();
    let mut i = from;
    while let Some(rel) = memchr::memmem::find(&b[i..], b"</") {
        let at = i + rel;
        let after = &b[at + 2..];
        if after.len() >= n.len() && after[..n.len()].eq_ignore_ascii_case(n) {
            return Some(at);
        }
        i = at + 2;
    }
    None
}

/// The open elements as the tree builder would have them.
#[derive(Default)]
struct Open {
    stack: Vec<String>,
    /// How many of each name are on the stack.
    count: HashMap<String, usize>,
    /// Formatting start tags kept and not yet ended by their own end tag:
    /// the tree builder keeps them in its list of active formatting
    /// elements even when a block end takes them off the stack.
    formatting: HashMap<String, usize>,
    formatting_total: usize,
    /// Start tags dropped and not yet matched by an end tag, by name.
    dropped: HashMap<String, usize>,
    /// `svg` and `math` elements open: `/>` closes an element there.
    foreign: usize,
    /// Headings open.
    headings: usize,
}

impl Open {
    fn push(&mut self, name: &str) {
        if matches!(name, "svg" | "math") {
            self.foreign += 1;
        }
        if is_heading(name) {
            self.headings += 1;
        }
        *self.count.entry(name.to_owned()).or_default() += 1;
        self.stack.push(name.to_owned());
    }

    fn pop(&mut self) {
        if let Some(name) = self.stack.pop() {
            if matches!(name.as_str(), "svg" | "math") {
                self.foreign -= 1;
            }
            if is_heading(&name) {
                self.headings -= 1;
            }
            if let Some(c) = self.count.get_mut(&name) {
                *c -= 1;
            }
        }
    }

    fn is_open(&self, name: &str) -> bool {
        self.count.get(name).is_some_and(|&c| c > 0)
    }

    /// Pops up to and including the innermost `name`; the caller checked
    /// that one is open, so the work is paid for by the pushes.
    fn pop_to(&mut self, name: &str) {
        while let Some(top) = self.stack.last() {
            let done = top == name;
            self.pop();
            if done {
                break;
            }
        }
    }

    /// The end tags a start tag implies (`<p>` after `<p>`, `<li>` after
    /// `<li>`, a cell after a cell).
    fn imply_ends(&mut self, name: &str) {
        let top = self.stack.last().map(String::as_str);
        let close = match (top, name) {
            (Some("p"), n) => closes_p(n),
            (Some("li"), "li")
            | (Some("dd" | "dt"), "dd" | "dt")
            | (Some("option"), "option" | "optgroup")
            | (Some("optgroup"), "optgroup")
            | (Some("td" | "th"), "td" | "th" | "tr")
            | (Some("tr"), "tr") => true,
            // A heading right inside a heading ends it.
            (Some(top), n) if is_heading(top) && is_heading(n) => true,
            _ => false,
        };
        if close {
            self.pop();
            // `<tr>` after a cell ends the cell and its row.
            if name == "tr" && self.stack.last().is_some_and(|t| t == "tr") {
                self.pop();
            }
        }
    }
}

/// Bounds `html` (see the module docs); linear in its length.
pub(crate) fn bound(html: &str) -> Bounded {
    let b = html.as_bytes();
    let mut out = String::new();
    let mut dropped = Dropped::default();
    let mut open = Open::default();
    let mut elements = 0usize;
    let mut depth_sum = 0u64;
    let mut copied = 0; // bytes of `html` already handled
    let mut i = 0;
    while let Some(rel) = memchr::memchr(b'<', &b[i..]) {
        let at = i + rel;
        let next = b.get(at + 1).copied();
        // Comments, doctypes and processing instructions end at the first
        // `>` (`-->` for comments); none holds tags.
        if matches!(next, Some(b'!' | b'?')) {
            let end = if b[at + 1..].starts_with(b"!--") {
                memchr::memmem::find(&b[at + 4..], b"-->").map(|e| at + 4 + e + 3)
            } else {
                memchr::memchr(b'>', &b[at..]).map(|e| at + e + 1)
            };
            match end {
                Some(e) => i = e,
                None => break,
            }
            continue;
        }
        let end_tag = next == Some(b'/');
        // `</` and no letter: `</>` is dropped by the tokenizer, anything
        // else is a comment up to the next `>` (`</<iframe ...>` opens no
        // iframe).
        if end_tag && !b.get(at + 2).is_some_and(u8::is_ascii_alphabetic) {
            match memchr::memchr(b'>', &b[at..]) {
                Some(e) => i = at + e + 1,
                None => break,
            }
            continue;
        }
        let name_at = if end_tag { at + 2 } else { at + 1 };
        if !b.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            i = at + 1;
            continue;
        }
        let Some(tag) = read_tag(b, name_at) else {
            break;
        };
        i = tag.end;
        let name = tag.name.as_str();
        if end_tag {
            let keep = if let Some(c) = open.dropped.get_mut(name).filter(|c| **c > 0) {
                *c -= 1;
                false
            } else if open.is_open(name) {
                open.pop_to(name);
                true
            } else {
                // A stray end tag does nothing, except these two, and a
                // formatting element's: the tree builder takes the element
                // off its list of formatting elements to reopen, which
                // `<b><i>..</b></i>` needs; without it, each `<i>` is
                // reopened inside the next, one level deeper each time.
                matches!(name, "p" | "br") || is_document_element(name) || is_formatting(name)
            };
            if is_formatting(name)
                && let Some(c) = open.formatting.get_mut(name).filter(|c| **c > 0)
            {
                *c -= 1;
                open.formatting_total -= 1;
            }
            if !keep {
                out.push_str(&html[copied..at]);
                copied = tag.end;
            }
            continue;
        }
        if is_document_element(name) {
            continue;
        }
        let leaf = is_void(name) || (tag.self_closing && open.foreign > 0);
        if !leaf {
            open.imply_ends(name);
        }
        let formatting = is_formatting(name);
        let drop = if elements >= MAX_ELEMENTS {
            dropped.too_many += 1;
            true
        } else if !leaf && open.stack.len() >= MAX_DEPTH {
            dropped.too_deep += 1;
            true
        } else if formatting && open.formatting_total >= MAX_OPEN_FORMATTING {
            dropped.formatting += 1;
            true
        } else if is_heading(name) && open.headings > 0 {
            dropped.nested_headings += 1;
            true
        } else {
            false
        };
        if drop {
            out.push_str(&html[copied..at]);
            copied = tag.end;
            if !leaf {
                *open.dropped.entry(name.to_owned()).or_default() += 1;
            }
        } else {
            elements += 1;
            depth_sum += open.stack.len() as u64;
            if formatting {
                *open.formatting.entry(name.to_owned()).or_default() += 1;
                open.formatting_total += 1;
            }
            let excess = |(k, &(s, e)): (usize, &(usize, usize))| {
                (k >= MAX_ATTRS || e - s > MAX_ATTR_BYTES).then_some(e - s)
            };
            if tag.attrs.iter().enumerate().any(|a| excess(a).is_some()) {
                // Rewrite the tag without the excess attributes.
                out.push_str(&html[copied..at]);
                out.push_str(&html[at..name_at + tag_name_len(b, name_at)]);
                for (k, &(s, e)) in tag.attrs.iter().enumerate() {
                    if let Some(len) = excess((k, &(s, e))) {
                        dropped.attributes += 1;
                        dropped.attribute_bytes += len;
                    } else {
                        out.push(' ');
                        out.push_str(&html[s..e]);
                    }
                }
                out.push_str(if tag.self_closing { "/>" } else { ">" });
                copied = tag.end;
            }
            // Inside `svg` or `math`, `<style>` and `<script>` are elements
            // like any other, their content parsed as markup: skipping it as
            // text let 24,000 nested lists after an `<svg><style>` through.
            if !leaf && is_raw_text(name) && open.foreign == 0 {
                // Its text holds no tags: skip to its end tag.
                let end = find_end_tag(b, tag.end, name);
                let content_end = end.unwrap_or(b.len());
                if matches!(name, "title" | "textarea") && content_end - tag.end > MAX_RCDATA_BYTES
                {
                    dropped.long_rcdata += 1;
                    dropped.long_rcdata_bytes += content_end - tag.end;
                    out.push_str(&html[copied..tag.end]);
                    copied = content_end;
                }
                match end {
                    Some(e) => i = e,
                    None => break,
                }
                // The end tag is read next and closes it.
                open.push(name);
            } else if !leaf {
                open.push(name);
            }
        }
    }
    if copied == 0 {
        // Nothing removed: no copy needed beyond this one.
        return Bounded {
            html: html.to_owned(),
            dropped,
            depth_sum,
        };
    }
    out.push_str(&html[copied..]);
    Bounded {
        html: out,
        dropped,
        depth_sum,
    }
}

/// Bytes of the tag name starting at `at`.
fn tag_name_len(b: &[u8], at: usize) -> usize {
    b[at..]
        .iter()
        .position(|c| matches!(c, b'\t' | b'\n' | b'\x0c' | b' ' | b'/' | b'>'))
        .unwrap_or(b.len() - at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(depth: usize, closed: bool) -> String {
        let mut s = "<div>x".repeat(depth);
        if closed {
            s.push_str(&"</div>".repeat(depth));
        }
        s
    }

    #[test]
    fn shallow_pages_pass_unchanged() {
        let page = "<html><body><div class=a><p>One<p>Two<ul><li>a<li>b</ul></div>\
                    <table><tr><td>c<td>d<tr><td>e</table></body></html>";
        let b = bound(page);
        assert_eq!(b.html, page);
        assert_eq!(b.dropped, Dropped::default());
    }

    #[test]
    fn deep_nesting_is_capped_and_text_kept() {
        for closed in [true, false] {
            let b = bound(&nested(1000, closed));
            assert_eq!(b.dropped.too_deep, 1000 - MAX_DEPTH, "closed={closed}");
            assert_eq!(b.html.matches("<div>").count(), MAX_DEPTH);
            assert_eq!(b.html.matches('x').count(), 1000);
            if closed {
                assert_eq!(b.html.matches("</div>").count(), MAX_DEPTH);
            }
        }
    }

    #[test]
    fn siblings_after_a_deep_branch_are_kept() {
        let page = format!("{}<p>after</p>", nested(400, true));
        let b = bound(&page);
        assert!(
            b.html.ends_with("<p>after</p>"),
            "{}",
            &b.html[b.html.len() - 40..]
        );
    }

    #[test]
    fn unclosed_paragraphs_and_items_do_not_nest() {
        let page = "<p>x".repeat(1000) + &"<li>y".repeat(1000);
        let b = bound(&page);
        assert_eq!(b.dropped, Dropped::default());
    }

    #[test]
    fn headings_do_not_nest() {
        // Siblings and a heading right after one pass as they are.
        let plain = "<h1>Title</h1><h2>One</h2><h2>Two<h3>Three</h3>";
        assert_eq!(bound(plain).dropped, Dropped::default());
        // A heading inside a section inside a heading is read as text.
        let page = "<article><h1>Minister ".repeat(50);
        let b = bound(&page);
        assert_eq!(b.dropped.nested_headings, 49);
        assert_eq!(b.html.matches("<h1>").count(), 1);
        assert_eq!(b.html.matches("Minister").count(), 50, "text is kept");
    }

    #[test]
    fn open_formatting_is_capped() {
        let page = "<div><b class=k>x</div>".repeat(100);
        let b = bound(&page);
        assert_eq!(b.dropped.formatting, 100 - MAX_OPEN_FORMATTING);
        // Closed formatting elements do not count.
        let b = bound(&"<b>x</b>".repeat(100));
        assert_eq!(b.dropped.formatting, 0);
    }

    #[test]
    fn huge_and_many_attributes_are_dropped() {
        let big = "a".repeat(MAX_ATTR_BYTES + 10);
        let page = format!("<p id=k data-x=\"{big}\" title='t'>text</p>");
        let b = bound(&page);
        assert_eq!(b.html, "<p id=k title='t'>text</p>");
        assert_eq!(b.dropped.attributes, 1);
        let many: String = (0..100).map(|k| format!(" a{k}=v")).collect();
        let b = bound(&format!("<p{many}>t</p>"));
        assert_eq!(b.dropped.attributes, 100 - MAX_ATTRS);
    }

    #[test]
    fn quotes_open_values_only_after_equals() {
        // `b'c` is an unquoted value: the tag ends at the first `>`.
        let page = format!("<div a=b'c>{}", nested(300, false));
        let b = bound(&page);
        assert_eq!(b.dropped.too_deep, 301 - MAX_DEPTH);
    }

    #[test]
    fn raw_text_is_not_read_as_tags() {
        let page = format!("<textarea>{}</textarea><p>y</p>", "<div>".repeat(500));
        let b = bound(&page);
        assert_eq!(b.dropped, Dropped::default());
    }

    #[test]
    fn element_count_is_capped() {
        let page = "<i></i>".repeat(MAX_ELEMENTS + 5);
        let b = bound(&page);
        assert_eq!(b.dropped.too_many, 5);
    }

    #[test]
    fn truncated_input_keeps_its_tail() {
        for page in ["<p>a<div class=\"x", "<p>a<!-- open", "<p>a<title>t"] {
            assert_eq!(bound(page).html, page);
        }
    }
}
