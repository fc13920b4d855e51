//! End-of-article cuts: a marker line ("Most read", "Tags:", a closing
//! source credit) drops the rest of an article. A cut is bounded and
//! recorded: it may drop at most [`MAX_CUT_PERCENT`] of the article's prose
//! (a marker with more prose after it is ignored, with a note), and every
//! cut made says how many bytes it dropped.

use super::lines::Line;

/// The largest share (percent) of an article's prose a cut may drop.
pub(crate) const MAX_CUT_PERCENT: usize = 30;

/// A cut that drops no prose and fewer bytes than this (a tags line, a
/// share box, a short list of other stories) goes unrecorded: a warning on
/// nearly every page would bury the ones that matter.
pub(crate) const MIN_NOTED_BYTES: usize = 4096;

/// A cut the marker at one line would make.
pub(crate) struct Cut<'l, 'a> {
    marker: &'l Line<'a>,
    why: &'static str,
    /// Prose bytes kept before the marker.
    before: usize,
    /// Prose bytes after the marker.
    after: usize,
    /// Source bytes from the marker to the end of the article.
    tail_bytes: usize,
}

impl<'l, 'a> Cut<'l, 'a> {
    /// The cut at `lines[at]`; `kept_prose` is the prose kept before it and
    /// `prose_from[i]` the prose bytes of lines `i..`.
    pub(crate) fn new(
        lines: &'l [Line<'a>],
        at: usize,
        why: &'static str,
        kept_prose: usize,
        prose_from: &[usize],
    ) -> Self {
        let end = lines.last().map_or(0, |l| l.end);
        Cut {
            marker: &lines[at],
            why,
            before: kept_prose,
            after: prose_from.get(at + 1).copied().unwrap_or(0),
            tail_bytes: end.saturating_sub(lines[at].start),
        }
    }

    fn percent(&self) -> usize {
        let total = self.before + self.after;
        (self.after * 100).checked_div(total).unwrap_or(0)
    }

    /// True when the cut may be made; else a note says why it was not.
    pub(crate) fn allowed(&self, notes: &mut Vec<String>) -> bool {
        if self.after * 100 <= (self.before + self.after) * MAX_CUT_PERCENT {
            return true;
        }
        notes.push(format!(
            "a line reading {} looks like the end of the article ({}), but {} bytes of prose \
             ({}% of the article's) follow it, over the {MAX_CUT_PERCENT}% a cut may drop; \
             the text after it was kept",
            quoted(self.marker.text),
            self.why,
            self.after,
            self.percent()
        ));
        false
    }

    /// The note recording a cut that was made, unless it dropped no prose
    /// and under [`MIN_NOTED_BYTES`].
    pub(crate) fn dropped_note(&self) -> Option<String> {
        if self.after == 0 && self.tail_bytes < MIN_NOTED_BYTES {
            return None;
        }
        Some(format!(
            "dropped {} bytes from a line reading {} to the end as {} ({}% of the article's \
             prose)",
            self.tail_bytes,
            quoted(self.marker.text),
            self.why,
            self.percent()
        ))
    }
}

/// A teaser of another story: a headline cut short with an ellipsis, then
/// the start of its text ("Macron Says Liberation of Raqqa Not End of War
/// Aga... PARIS (Sputnik) — ..."). Lists of them follow "Related" markers
/// and are not the article's prose.
pub(crate) fn is_teaser(s: &str) -> bool {
    let mut head = s.len().min(100);
    while !s.is_char_boundary(head) {
        head -= 1;
    }
    let Some(at) = s[..head].find("...").or_else(|| s[..head].find('\u{2026}')) else {
        return false;
    };
    let title = &s[..at];
    !title.is_empty()
        && !title.starts_with(['"', '\'', '\u{201c}', '\u{2018}'])
        && !title.contains(['.', '!', '?'])
        && s.len() > at + 4
}

/// `s` quoted, cut to 60 characters.
pub(crate) fn quoted(s: &str) -> String {
    match s.char_indices().nth(60) {
        Some((at, _)) => format!("\"{}...\"", &s[..at]),
        None => format!("\"{s}\""),
    }
}

#[cfg(test)]
mod tests {
    use super::is_teaser;

    #[test]
    fn teasers() {
        assert!(is_teaser(
            "Macron Says Liberation of Raqqa Not End of War Aga... PARIS (Sputnik) \u{2014} The \
             liberation of Syria's Raqqa does not mean"
        ));
        for s in [
            "\u{201c}I have an ambivalent attitude to how the coalition works\u{2026} We have no doubt.",
            "The minister paused. \"Well... we will see,\" he said.",
            "Emissions rose 4.2 percent in 2024, the agency said.",
        ] {
            assert!(!is_teaser(s), "{s}");
        }
    }
}
