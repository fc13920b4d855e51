//! Long text runs full of characters where serialising stops (`&`, a
//! no-break space, `©`, `°` and the rest of U+0080..U+00BF) are split with
//! `<wbr>`, which adds no text.
//!
//! Readability serialises parts of the page through html5ever, whose
//! escaping searches the rest of a text node for `<` and `>` once per
//! escaped character: a text node of n bytes with k such characters costs
//! k × n. An 850 KB run of `&` took seconds; a 50 MB one would take hours.
//! Splitting a run into nodes of at most [`RUN_BYTES`] bytes bounds the cost
//! per byte of input.

/// Bytes of a text node at most, in a run that needs splitting.
pub(crate) const RUN_BYTES: usize = 2048;
/// Bytes the escaping of one run may scan (escaped characters × run
/// length, a few milliseconds) before the run is split: ordinary pages stay
/// far below it and are left as they are.
pub(crate) const MAX_SCAN: usize = 1 << 24;

/// `html` with its escape-heavy text runs split, and how many `<wbr>` were
/// added (0: `html` is returned as it was).
pub(crate) fn split_escape_runs(html: String) -> (String, usize) {
    let b = html.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut added = 0;
    let mut start = 0;
    while start < b.len() {
        // A text run: from just after a `>` (or the start) to the next tag.
        let end = next_tag(b, start);
        if end - start > RUN_BYTES && escapes(&b[start..end]).saturating_mul(end - start) > MAX_SCAN
        {
            let mut last = start;
            for j in start + 1..end {
                // Never inside an entity (ASCII letters after `&`) nor a
                // UTF-8 sequence: split before `&`, white space or the first
                // byte of a non-ASCII character.
                let boundary = b[j] == b'&' || b[j].is_ascii_whitespace() || b[j] >= 0xC0;
                if j - last >= RUN_BYTES && boundary {
                    out.push_str(&html[copied..j]);
                    out.push_str("<wbr>");
                    copied = j;
                    last = j;
                    added += 1;
                }
            }
        }
        start = match memchr::memchr(b'>', &b[end..]) {
            Some(e) => end + e + 1,
            None => b.len(),
        };
    }
    if added == 0 {
        return (html, 0);
    }
    out.push_str(&html[copied..]);
    (out, added)
}

/// Where the next tag (or comment, doctype, processing instruction) opens
/// at or after `from`: a `<` followed by a letter, `/`, `!` or `?`. Any
/// other `<` is text to the HTML tokenizer ("a <3 b"), and so part of the
/// run; taking it for a tag would skip the run up to the next `>`.
fn next_tag(b: &[u8], from: usize) -> usize {
    let mut at = from;
    while let Some(e) = memchr::memchr(b'<', &b[at..]) {
        let lt = at + e;
        if b.get(lt + 1)
            .is_some_and(|&c| c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?'))
        {
            return lt;
        }
        at = lt + 1;
    }
    b.len()
}

/// Stops of html5ever's escaping in text: `&`, and every character
/// U+0080..U+00BF (lead byte C2), among them U+00A0, which it escapes.
fn escapes(run: &[u8]) -> usize {
    memchr::memchr2_iter(b'&', 0xC2, run).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_text_is_left_alone() {
        let page = format!(
            "<p>{}</p>",
            "Fish &amp; chips, salt &amp; vinegar. ".repeat(200)
        );
        let (out, added) = split_escape_runs(page.clone());
        assert_eq!((out, added), (page, 0));
    }

    #[test]
    fn escape_heavy_runs_are_split_without_losing_text() {
        let run = format!("a{}&amp;b\u{a0}c", "&".repeat(10_000));
        let page = format!("<p>{run}</p><p>next</p>");
        let (out, added) = split_escape_runs(page);
        assert!(added >= 4, "{added}");
        assert_eq!(out.replace("<wbr>", ""), format!("<p>{run}</p><p>next</p>"));
        // Every piece between splits is short, and no entity is cut.
        for piece in out.split("<wbr>") {
            assert!(piece.len() <= RUN_BYTES + 16, "{}", piece.len());
        }
        assert!(out.contains("&amp;b"));
    }

    #[test]
    fn a_less_than_sign_that_opens_no_tag_is_part_of_the_run() {
        // "<8" is text to the tokenizer: the run after it is one text node.
        let run = format!("<8.<8.{}", "\u{a9}".repeat(20_000));
        let page = format!("<p>{run}</p>");
        let (out, added) = split_escape_runs(page.clone());
        assert!(added > 0, "the run after `<8` was not split");
        assert_eq!(out.replace("<wbr>", ""), page);
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for page in ["", "<", ">", "&", "<p>", "\u{a0}<>", "é&é"] {
            let _ = split_escape_runs(page.to_owned());
        }
        // U+0080..U+00BF stop the escaping too ("©", C2 A9).
        let (_, added) = split_escape_runs(format!("<p>{}</p>", "\u{a9}".repeat(20_000)));
        assert!(added > 0);
        let nbsp = "\u{a0}".repeat(5_000);
        let (out, added) = split_escape_runs(nbsp.clone());
        assert!(added > 0);
        assert_eq!(out.replace("<wbr>", ""), nbsp);
    }
}
