//! Machine-readable dates (meta tags, JSON-LD, feeds) to ISO 8601.

use super::{month, valid};

fn digits(s: &str, n: usize) -> Option<u32> {
    if s.len() >= n && s.as_bytes()[..n].iter().all(u8::is_ascii_digit) {
        s[..n].parse().ok()
    } else {
        None
    }
}

/// Parses a zone suffix: `Z`, `+hh:mm`, `+hhmm`, `+hh`, `UTC`, `GMT`.
fn zone(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if matches!(s, "Z" | "z" | "UTC" | "GMT" | "+00:00" | "+0000") {
        return Some("Z".to_string());
    }
    let (sign, rest) = match s.as_bytes()[0] {
        b'+' => ('+', &s[1..]),
        b'-' => ('-', &s[1..]),
        _ => return None,
    };
    let rest = rest.replace(':', "");
    let (h, m) = match rest.len() {
        2 => (digits(&rest, 2)?, 0),
        4 => (digits(&rest, 2)?, digits(&rest[2..], 2)?),
        _ => return None,
    };
    if h > 14 || m > 59 {
        return None;
    }
    Some(format!("{sign}{h:02}:{m:02}"))
}

/// `YYYY-MM-DD[(T| )hh:mm[:ss[.fff]]][zone]`.
fn iso_like(s: &str) -> Option<String> {
    let y = digits(s, 4)?;
    let b = s.as_bytes();
    if b.get(4) != Some(&b'-') {
        return None;
    }
    let mo = digits(&s[5..], 2)?;
    if b.get(7) != Some(&b'-') {
        return None;
    }
    let d = digits(&s[8..], 2)?;
    if !valid(y, mo, d) {
        return None;
    }
    let date = format!("{y:04}-{mo:02}-{d:02}");
    let rest = &s[10..];
    if rest.trim().is_empty() {
        return Some(date);
    }
    let rb = rest.as_bytes();
    if !(rb[0] == b'T' || rb[0] == b't' || rb[0] == b' ') {
        return Some(date);
    }
    let t = &rest[1..];
    let h = digits(t, 2)?;
    if t.as_bytes().get(2) != Some(&b':') {
        return Some(date);
    }
    let mi = digits(&t[3..], 2)?;
    let mut i = 5;
    let mut sec = 0;
    if t.as_bytes().get(5) == Some(&b':') {
        sec = digits(&t[6..], 2)?;
        i = 8;
        if t.as_bytes().get(8) == Some(&b'.') {
            i = 9;
            while t.as_bytes().get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
    }
    if h > 23 || mi > 59 || sec > 60 {
        return Some(date);
    }
    let time = format!("{date}T{h:02}:{mi:02}:{sec:02}");
    match zone(&t[i..]) {
        Some(z) => Some(format!("{time}{z}")),
        None => Some(time),
    }
}

/// `Tue, 19 Nov 2019 10:07:00 -0500` and `19 Nov 2019`.
fn rfc2822_like(s: &str) -> Option<String> {
    let s = s.split_once(',').map_or(s, |(_, r)| r).trim();
    let mut it = s.split_whitespace();
    let d: u32 = it.next()?.parse().ok()?;
    let mo = month(it.next()?)?;
    let y: u32 = it.next()?.parse().ok()?;
    if !valid(y, mo, d) {
        return None;
    }
    let date = format!("{y:04}-{mo:02}-{d:02}");
    let Some(t) = it.next() else {
        return Some(date);
    };
    let parts: Vec<u32> = t.split(':').filter_map(|p| p.parse().ok()).collect();
    if parts.len() < 2 || parts[0] > 23 || parts[1] > 59 {
        return Some(date);
    }
    let time = format!(
        "{date}T{:02}:{:02}:{:02}",
        parts[0],
        parts[1],
        parts.get(2).copied().unwrap_or(0)
    );
    match it.next().and_then(zone) {
        Some(z) => Some(format!("{time}{z}")),
        None => Some(time),
    }
}

/// Normalises a machine-readable date to ISO 8601 (`2019-11-19`,
/// `2019-11-19T10:07:00`, `2019-11-19T10:07:00-05:00`); `None` when the text
/// is not a date this understands.
pub(crate) fn normalize(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.starts_with("0001-") {
        return None;
    }
    iso_like(s).or_else(|| rfc2822_like(s))
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn forms() {
        assert_eq!(normalize("2019-11-19").as_deref(), Some("2019-11-19"));
        assert_eq!(
            normalize("2019-11-19T10:07:00-05:00").as_deref(),
            Some("2019-11-19T10:07:00-05:00")
        );
        assert_eq!(
            normalize("2019-11-19T10:07:00.123+0100").as_deref(),
            Some("2019-11-19T10:07:00+01:00")
        );
        assert_eq!(
            normalize("2019-11-19T10:07Z").as_deref(),
            Some("2019-11-19T10:07:00Z")
        );
        assert_eq!(
            normalize("2019-11-19 10:07:00").as_deref(),
            Some("2019-11-19T10:07:00")
        );
        assert_eq!(
            normalize("Tue, 19 Nov 2019 10:07:00 -0500").as_deref(),
            Some("2019-11-19T10:07:00-05:00")
        );
        assert_eq!(normalize("19 November 2019").as_deref(), Some("2019-11-19"));
        assert_eq!(normalize("0001-01-01 00:00:00Z"), None);
        assert_eq!(normalize("yesterday"), None);
        assert_eq!(normalize("2019-13-40"), None);
        assert_eq!(normalize("２０１９"), None);
    }
}
