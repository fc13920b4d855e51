//! Small, allocation-light helpers over `dom_query` nodes.

use std::collections::HashMap;

use dom_query::{Element, NodeData, NodeId, NodeRef};

/// Runs `f` on the element data of `n`; `None` for non-elements.
pub(crate) fn with_element<R>(n: &NodeRef<'_>, f: impl FnOnce(&Element) -> R) -> Option<R> {
    n.query(|t| match &t.data {
        NodeData::Element(e) => Some(f(e)),
        _ => None,
    })
    .flatten()
}

/// The value of attribute `name` of `e`.
pub(crate) fn attr_of<'e>(e: &'e Element, name: &str) -> Option<&'e str> {
    e.attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map(|a| &*a.value)
}

/// Writes the lowercased `class`, `id` and a few other naming attributes of
/// `e` into `buf`, space separated; returns whether there were any.
pub(crate) fn names_into(e: &Element, buf: &mut String) -> bool {
    buf.clear();
    for a in &e.attrs {
        if matches!(
            &*a.name.local,
            "class" | "id" | "data-component" | "data-module" | "itemprop"
        ) {
            if !buf.is_empty() {
                buf.push(' ');
            }
            for c in a.value.chars() {
                if c.is_ascii() {
                    buf.push(c.to_ascii_lowercase());
                } else {
                    buf.extend(c.to_lowercase());
                }
            }
        }
    }
    !buf.is_empty()
}

/// Calls `f` with the contents of a text node.
pub(crate) fn text_of_node<R>(n: &NodeRef<'_>, f: impl FnOnce(&str) -> R) -> Option<R> {
    n.query(|t| match &t.data {
        NodeData::Text { contents } => Some(f(contents)),
        _ => None,
    })
    .flatten()
}

/// The text under `n` with whitespace runs squashed to single spaces.
pub(crate) fn squashed_text(n: &NodeRef<'_>) -> String {
    squash(&n.text())
}

/// `s` with whitespace runs squashed to single spaces and trimmed.
pub(crate) fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Counts the characters of text under `n` (whitespace runs count as one),
/// and the part of it inside links: the reference [`text_lengths`] is
/// tested against.
#[cfg(test)]
pub(crate) fn text_and_link_len(n: &NodeRef<'_>) -> (usize, usize) {
    let mut total = 0;
    let mut link = 0;
    // (node, inside a link)
    let mut stack: Vec<(NodeRef<'_>, bool)> = Vec::new();
    let mut c = n.last_child();
    while let Some(x) = c {
        stack.push((x, false));
        c = x.prev_sibling();
    }
    while let Some((x, in_link)) = stack.pop() {
        let info = x.query(|t| match &t.data {
            NodeData::Text { contents } => Some((
                true,
                contents
                    .split_whitespace()
                    .map(|w| w.chars().count() + 1)
                    .sum::<usize>(),
                false,
            )),
            NodeData::Element(e) => Some((false, 0, &*e.name.local == "a")),
            _ => None,
        });
        match info.flatten() {
            Some((true, len, _)) => {
                total += len;
                if in_link {
                    link += len;
                }
            }
            Some((false, _, is_a)) => {
                let mut c = x.last_child();
                while let Some(y) = c {
                    stack.push((y, in_link || is_a));
                    c = y.prev_sibling();
                }
            }
            _ => {}
        }
    }
    (total, link)
}

/// Text length and the part of it in links, by element (see
/// [`text_lengths`]).
pub(crate) type TextLengths = HashMap<NodeId, (usize, usize)>;

/// [`text_and_link_len`] of every element under `root` (and `root`), in one
/// post-order pass: asking each element on its own costs the depth of the
/// tree times its size.
pub(crate) fn text_lengths(root: &NodeRef<'_>) -> TextLengths {
    let mut out = HashMap::new();
    // (node, children already pushed)
    let mut stack: Vec<(NodeRef<'_>, bool)> = vec![(*root, false)];
    while let Some((n, expanded)) = stack.pop() {
        if !expanded {
            stack.push((n, true));
            let mut c = n.first_child();
            while let Some(x) = c {
                if x.is_element() {
                    stack.push((x, false));
                }
                c = x.next_sibling();
            }
            continue;
        }
        let (mut total, mut link) = (0, 0);
        let mut c = n.first_child();
        while let Some(x) = c {
            if x.is_text() {
                total += text_of_node(&x, |t| {
                    t.split_whitespace()
                        .map(|w| w.chars().count() + 1)
                        .sum::<usize>()
                })
                .unwrap_or(0);
            } else if let Some(&(t, l)) = out.get(&x.id) {
                total += t;
                let is_a = with_element(&x, |e| &*e.name.local == "a").unwrap_or(false);
                link += if is_a { t } else { l };
            }
            c = x.next_sibling();
        }
        out.insert(n.id, (total, link));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_lengths_match_one_by_one() {
        let doc = dom_query::Document::from(
            "<div id=a>one two <a href=x>three <b>four</b></a><p>five <i>six</i></p>\
             <span><a>seven</a> eight</span></div>",
        );
        let root = doc.root();
        let all = text_lengths(&root);
        for n in doc.select("*").nodes() {
            assert_eq!(all[&n.id], text_and_link_len(n), "{}", n.html());
        }
    }
}
