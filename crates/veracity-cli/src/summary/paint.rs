//! ANSI colour for the terminal summary: a handful of SGR codes, written
//! only when the output is a terminal that wants colour.

use veracity_model::RatingClass;

/// Paints text, or leaves it plain when colour is off.
#[derive(Debug, Clone, Copy)]
pub struct Paint {
    on: bool,
}

impl Paint {
    pub fn new(on: bool) -> Self {
        Paint { on }
    }

    fn sgr(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    /// A verdict label: bold, green for true, yellow for mixed, red for
    /// false; an unverified verdict stays uncoloured (it is not a finding).
    pub fn verdict(&self, class: RatingClass, text: &str) -> String {
        let code = match class {
            RatingClass::True | RatingClass::MostlyTrue => "1;32",
            RatingClass::Mixed => "1;33",
            RatingClass::MostlyFalse | RatingClass::False => "1;31",
            RatingClass::Unverified => "1",
        };
        self.sgr(code, text)
    }

    /// Secondary text (the folded line, the totals' hints).
    pub fn dim(&self, text: &str) -> String {
        self.sgr("2", text)
    }
}

/// Whether the environment allows colour: `NO_COLOR` set to anything but
/// the empty string forbids it (no-color.org), and so does `TERM=dumb`.
pub fn colour_allowed(no_color: Option<&std::ffi::OsStr>, term: Option<&std::ffi::OsStr>) -> bool {
    no_color.is_none_or(|v| v.is_empty()) && term.is_none_or(|t| t != "dumb")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn no_color_and_dumb_terminals_get_no_colour() {
        assert!(colour_allowed(None, Some(OsStr::new("xterm-256color"))));
        assert!(colour_allowed(Some(OsStr::new("")), None));
        assert!(!colour_allowed(Some(OsStr::new("1")), None));
        assert!(!colour_allowed(None, Some(OsStr::new("dumb"))));
    }

    #[test]
    fn plain_paint_writes_no_escape_codes() {
        let plain = Paint::new(false);
        assert_eq!(plain.verdict(RatingClass::False, "False"), "False");
        let on = Paint::new(true);
        assert_eq!(
            on.verdict(RatingClass::False, "False"),
            "\x1b[1;31mFalse\x1b[0m"
        );
    }
}
