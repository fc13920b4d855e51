//! Word wrapping with hanging indents, for the terminal summary.

/// Collapses every run of whitespace (newlines included) to one space.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` on one line, cut at `max` characters with an ellipsis.
pub fn shortened(text: &str, max: usize) -> String {
    let line = one_line(text);
    if line.chars().count() <= max {
        return line;
    }
    let cut: String = line.chars().take(max).collect();
    // Cut at a word boundary when one is near, so no word is left half.
    let cut = match cut.rfind(' ') {
        Some(i) if cut[..i].chars().count() > max * 3 / 4 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}\u{2026}", cut.trim_end_matches([' ', ',', ';', ':']))
}

/// The lines of `text` after `first` (the first line's prefix) and `rest`
/// (the prefix of every later line), broken at spaces so that no line is
/// longer than `width` characters; a single word longer than that (a URL)
/// gets a line of its own. Without a width the text stays on one line.
pub fn wrap(text: &str, width: Option<usize>, first: &str, rest: &str) -> Vec<String> {
    let text = one_line(text);
    let Some(width) = width else {
        return vec![format!("{first}{text}")];
    };
    let mut lines = Vec::new();
    let mut line = first.to_owned();
    let mut len = first.chars().count();
    let mut empty = true;
    for word in text.split(' ') {
        let word_len = word.chars().count();
        if !empty && len + 1 + word_len > width {
            lines.push(std::mem::replace(&mut line, rest.to_owned()));
            len = rest.chars().count();
            empty = true;
        }
        if !empty {
            line.push(' ');
            len += 1;
        }
        line.push_str(word);
        len += word_len;
        empty = false;
    }
    lines.push(line);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_the_width_with_hanging_indent() {
        let lines = wrap("one two three four five six", Some(12), "1. ", "   ");
        assert_eq!(lines, ["1. one two", "   three", "   four five", "   six"]);
        assert!(lines.iter().all(|l| l.chars().count() <= 12));
    }

    #[test]
    fn a_long_word_gets_its_own_line_and_no_width_means_one_line() {
        let lines = wrap(
            "see https://example.org/a/very/long/path now",
            Some(16),
            "",
            "  ",
        );
        assert_eq!(
            lines,
            ["see", "  https://example.org/a/very/long/path", "  now"]
        );
        assert_eq!(wrap("a\n  b", None, "> ", ""), ["> a b"]);
    }

    #[test]
    fn shortening_counts_characters_not_bytes() {
        assert_eq!(shortened("ünïcödé words here", 100), "ünïcödé words here");
        assert_eq!(
            shortened("ünïcödé words here and more", 14),
            "ünïcödé words\u{2026}"
        );
    }
}
