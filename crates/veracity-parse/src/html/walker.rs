//! DOM subtree -> paragraphs of normalised text.

use dom_query::NodeRef;

use super::dom;

/// Inline (phrasing) elements: no paragraph break around them.
fn is_inline(t: &str) -> bool {
    matches!(
        t,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "cite"
            | "code"
            | "data"
            | "dfn"
            | "em"
            | "font"
            | "i"
            | "kbd"
            | "mark"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "u"
            | "var"
            | "wbr"
            | "del"
            | "ins"
            | "strike"
            | "tt"
            | "big"
            | "acronym"
            | "nobr"
            | "label"
            | "img"
            | "picture"
            | "source"
    )
}

/// Table cells: separated by a space within their row.
fn is_cell(t: &str) -> bool {
    matches!(t, "td" | "th")
}

/// Elements whose text is never prose.
fn is_skipped(t: &str) -> bool {
    matches!(
        t,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "button"
            | "select"
            | "option"
            | "textarea"
            | "input"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "audio"
            | "video"
            | "figcaption"
    )
}

enum Kind {
    Skip,
    Break,
    Inline,
    Cell,
    Block,
}

/// Collects paragraphs: block elements and `<br>` end a paragraph, inline
/// elements join, whitespace is squashed.
#[derive(Default)]
pub(crate) struct Walker {
    pub(crate) paragraphs: Vec<String>,
    cur: String,
}

impl Walker {
    fn flush(&mut self) {
        let t = self.cur.trim();
        if !t.is_empty() {
            self.paragraphs.push(t.to_string());
        }
        self.cur.clear();
    }

    fn space(&mut self) {
        if !self.cur.is_empty() && !self.cur.ends_with(' ') {
            self.cur.push(' ');
        }
    }

    fn push_text(&mut self, s: &str) {
        let mut words = s.split_whitespace();
        let Some(first) = words.next() else {
            if !s.is_empty() {
                self.space();
            }
            return;
        };
        if s.starts_with(char::is_whitespace) {
            self.space();
        }
        self.cur.push_str(first);
        for w in words {
            self.cur.push(' ');
            self.cur.push_str(w);
        }
        if s.ends_with(char::is_whitespace) {
            self.cur.push(' ');
        }
    }

    /// Walks the subtree below `root`.
    pub(crate) fn walk(&mut self, root: &NodeRef<'_>) {
        enum Op<'a> {
            Open(NodeRef<'a>),
            CloseBlock,
            CloseCell,
        }
        fn push_children<'a>(n: &NodeRef<'a>, stack: &mut Vec<Op<'a>>) {
            let mut c = n.last_child();
            while let Some(x) = c {
                stack.push(Op::Open(x));
                c = x.prev_sibling();
            }
        }
        let mut stack: Vec<Op<'_>> = Vec::new();
        push_children(root, &mut stack);
        while let Some(op) = stack.pop() {
            match op {
                Op::CloseBlock => self.flush(),
                Op::CloseCell => self.space(),
                Op::Open(n) => {
                    if n.is_text() {
                        dom::text_of_node(&n, |s| self.push_text(s));
                        continue;
                    }
                    let kind = dom::with_element(&n, |e| {
                        let t = &*e.name.local;
                        if is_skipped(t) {
                            Kind::Skip
                        } else if t == "br" || t == "hr" {
                            Kind::Break
                        } else if is_inline(t) {
                            Kind::Inline
                        } else if is_cell(t) {
                            Kind::Cell
                        } else {
                            Kind::Block
                        }
                    });
                    match kind {
                        None | Some(Kind::Skip) => {}
                        Some(Kind::Break) => self.flush(),
                        Some(Kind::Inline) => push_children(&n, &mut stack),
                        Some(Kind::Cell) => {
                            self.space();
                            stack.push(Op::CloseCell);
                            push_children(&n, &mut stack);
                        }
                        Some(Kind::Block) => {
                            self.flush();
                            stack.push(Op::CloseBlock);
                            push_children(&n, &mut stack);
                        }
                    }
                }
            }
        }
        self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::Walker;

    fn paragraphs(html: &str) -> Vec<String> {
        let doc = dom_query::Document::from(html);
        let body = doc.select("body");
        let mut w = Walker::default();
        if let Some(b) = body.nodes().first() {
            w.walk(b);
        }
        w.paragraphs
    }

    #[test]
    fn blocks_inline_and_tables() {
        assert_eq!(
            paragraphs(
                "<p>One <b>bold</b>\n word.</p><div>Two<br>Three</div>\
                 <table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"
            ),
            vec!["One bold word.", "Two", "Three", "a b", "c"]
        );
    }
}
