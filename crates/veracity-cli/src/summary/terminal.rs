//! How the summary is laid out where it goes: wrapped to the terminal's
//! width and coloured on a terminal, plain one-line paragraphs elsewhere.

use std::io::IsTerminal;

/// The narrowest width the summary wraps to; narrower asks are raised to it.
pub const MIN_WIDTH: usize = 40;
/// The widest a detected terminal is used: longer lines read badly.
/// `--width` can ask for more.
const MAX_AUTO_WIDTH: usize = 100;
/// The width when a terminal's size cannot be read.
const FALLBACK_WIDTH: usize = 80;

/// Width and colour of the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Wrap lines at this many characters; `None` keeps each paragraph on
    /// one line (for pipes and files, where the reader's width is unknown).
    pub width: Option<usize>,
    /// Write ANSI colour codes.
    pub colour: bool,
}

impl Layout {
    /// The layout for output to stdout (`to_stdout`) or to a file, with the
    /// width given by `--width` if any.
    pub fn detect(to_stdout: bool, width: Option<usize>) -> Layout {
        let tty = to_stdout && std::io::stdout().is_terminal();
        let width = match width {
            Some(w) => Some(w.max(MIN_WIDTH)),
            None if tty => Some(terminal_width()),
            None => None,
        };
        let colour = tty
            && super::paint::colour_allowed(
                std::env::var_os("NO_COLOR").as_deref(),
                std::env::var_os("TERM").as_deref(),
            );
        Layout { width, colour }
    }
}

/// The terminal's width: from the terminal itself, else `COLUMNS`, else 80;
/// kept between [`MIN_WIDTH`] and a readable maximum.
fn terminal_width() -> usize {
    let columns = || std::env::var("COLUMNS").ok()?.trim().parse::<usize>().ok();
    window_columns()
        .or_else(columns)
        .filter(|&w| w > 0)
        .unwrap_or(FALLBACK_WIDTH)
        .clamp(MIN_WIDTH, MAX_AUTO_WIDTH)
}

/// The columns of the terminal on stdout, asked with `TIOCGWINSZ`.
#[cfg(unix)]
fn window_columns() -> Option<usize> {
    let mut size = libc::winsize {
        ws_row: 0,
        ws_col: 0,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: TIOCGWINSZ writes one `winsize` through the pointer, which
    // points at a live, properly aligned value; a failure leaves it alone.
    let status = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) };
    (status == 0 && size.ws_col > 0).then_some(usize::from(size.ws_col))
}

#[cfg(not(unix))]
fn window_columns() -> Option<usize> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_gets_no_wrapping_and_no_colour_unless_a_width_is_given() {
        assert_eq!(
            Layout::detect(false, None),
            Layout {
                width: None,
                colour: false
            }
        );
        assert_eq!(Layout::detect(false, Some(120)).width, Some(120));
        assert_eq!(Layout::detect(false, Some(10)).width, Some(MIN_WIDTH));
    }
}
