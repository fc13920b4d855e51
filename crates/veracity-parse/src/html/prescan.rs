//! A byte-level pass before HTML parsing: drops `<script>`, `<style>` and
//! comments (often more than half of a page's bytes, and never article text)
//! and keeps the JSON-LD blocks aside for metadata.

/// Output of [`strip`].
#[derive(Debug, Default)]
pub(crate) struct Stripped {
    /// The page without scripts, styles and comments.
    pub html: String,
    /// Raw contents of `<script type="application/ld+json">` blocks.
    pub json_ld: Vec<String>,
}

fn starts_with_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len() && hay[..needle.len()].eq_ignore_ascii_case(needle)
}

/// Index of the first `needle` (ASCII, matched case-insensitively) in `hay`.
fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = needle[0].to_ascii_lowercase();
    let upper = needle[0].to_ascii_uppercase();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        let rel = hay[i..].iter().position(|&b| b == first || b == upper)?;
        let at = i + rel;
        if starts_with_ci(&hay[at..], needle) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// End (exclusive) of a start tag beginning at `at` (`hay[at] == b'<'`),
/// honouring quoted attribute values.
fn tag_end(hay: &[u8], at: usize) -> Option<usize> {
    let mut quote = 0u8;
    for (k, &b) in hay[at..].iter().enumerate() {
        if quote != 0 {
            if b == quote {
                quote = 0;
            }
        } else if b == b'"' || b == b'\'' {
            quote = b;
        } else if b == b'>' {
            return Some(at + k + 1);
        }
    }
    None
}

/// Strips scripts, styles and comments from `html`.
pub(crate) fn strip(html: &str) -> Stripped {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut json_ld = Vec::new();
    let mut copied = 0; // bytes of `html` already handled
    let mut i = 0;
    while let Some(rel) = b[i..].iter().position(|&c| c == b'<') {
        let at = i + rel;
        let rest = &b[at + 1..];
        if rest.starts_with(b"!--") {
            let Some(end) = find_ci(&b[at + 4..], b"-->") else {
                break;
            };
            out.push_str(&html[copied..at]);
            copied = at + 4 + end + 3;
            i = copied;
            continue;
        }
        let name: &[u8] = if starts_with_ci(rest, b"script") {
            b"script"
        } else if starts_with_ci(rest, b"style") {
            b"style"
        } else {
            i = at + 1;
            continue;
        };
        // The name must end there: `<scripts>` or `<styled>` are other tags.
        match rest.get(name.len()) {
            Some(c) if c.is_ascii_whitespace() || *c == b'>' || *c == b'/' => {}
            _ => {
                i = at + 1;
                continue;
            }
        }
        let Some(open_end) = tag_end(b, at) else {
            break;
        };
        let mut close_pat = Vec::with_capacity(name.len() + 2);
        close_pat.extend_from_slice(b"</");
        close_pat.extend_from_slice(name);
        let Some(close_rel) = find_ci(&b[open_end..], &close_pat) else {
            break;
        };
        let close = open_end + close_rel;
        let after = b[close..]
            .iter()
            .position(|&c| c == b'>')
            .map_or(b.len(), |p| close + p + 1);
        if name == b"script" {
            let open_tag = &b[at..open_end];
            if find_ci(open_tag, b"ld+json").is_some() {
                // Tag boundaries are ASCII, so these are char boundaries.
                json_ld.push(html[open_end..close].to_string());
            }
        }
        out.push_str(&html[copied..at]);
        copied = after;
        i = after;
    }
    out.push_str(&html[copied..]);
    Stripped { html: out, json_ld }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_scripts_styles_comments() {
        let s = strip(
            "<p>a<!-- x --></p><SCRIPT type=\"text/javascript\">if (a<b) x='</p>';</SCRIPT>\
             <style>p{}</style><script type='application/ld+json'>{\"a\":1}</script><p>b</p>",
        );
        assert_eq!(s.html, "<p>a</p><p>b</p>");
        assert_eq!(s.json_ld, vec!["{\"a\":1}".to_string()]);
    }

    #[test]
    fn unterminated_keeps_rest() {
        let s = strip("<p>a</p><script>var x = 1;");
        assert_eq!(s.html, "<p>a</p><script>var x = 1;");
        let s = strip("<p>a<!-- open");
        assert_eq!(s.html, "<p>a<!-- open");
    }

    #[test]
    fn similar_names_untouched() {
        let s = strip("<scripts>x</scripts><styled>y</styled>");
        assert_eq!(s.html, "<scripts>x</scripts><styled>y</styled>");
    }
}
