//! Dates and times in the forms pages print them, to ISO 8601.
//!
//! "October 05, 2016 09:15 AM", "Oct. 5, 2016", "4 Oct, 2016 10:26",
//! "05.10.2016", "March 4, 2026 11:20 AM EST", "28.02.2026 | 2:05 pm",
//! "October 6th, 2015 – 09:44 GMT", "2016-10-05T14:30:00+03:00".

use veracity_text::scan::{starts_with_ci, with_ascii_lower};

/// A date found in a string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundDate {
    /// ISO 8601: `2016-10-05`, `2016-10-05T09:15:00` or with an offset.
    pub iso: String,
    /// Byte range of the date (and time) in the string.
    pub start: usize,
    /// End of that range.
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Num,
    Punct,
}

#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    kind: Kind,
    text: &'a str,
    start: usize,
    end: usize,
}

fn tokens(s: &str) -> Vec<Tok<'_>> {
    tokens_while(s, |_| true).unwrap_or_default()
}

/// The tokens of `s`, or `None` as soon as a word fails `keep`.
fn tokens_while<'a>(s: &'a str, keep: impl Fn(&str) -> bool) -> Option<Vec<Tok<'a>>> {
    let mut out = Vec::with_capacity(16);
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        let kind = if c.is_ascii_digit() {
            Kind::Num
        } else if c.is_alphabetic() {
            Kind::Word
        } else {
            out.push(Tok {
                kind: Kind::Punct,
                text: &s[i..i + c.len_utf8()],
                start: i,
                end: i + c.len_utf8(),
            });
            continue;
        };
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            let same = match kind {
                Kind::Num => d.is_ascii_digit(),
                _ => d.is_alphabetic(),
            };
            if !same {
                break;
            }
            end = j + d.len_utf8();
            iter.next();
        }
        if kind == Kind::Word && !keep(&s[i..end]) {
            return None;
        }
        out.push(Tok {
            kind,
            text: &s[i..end],
            start: i,
            end,
        });
    }
    Some(out)
}

/// Month number of an English month name or abbreviation.
pub(crate) fn month(word: &str) -> Option<u32> {
    with_ascii_lower(word, month_lower)
}

fn month_lower(w: &str) -> Option<u32> {
    let m = match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(m)
}

fn zone(word: &str) -> Option<&'static str> {
    Some(match word {
        "UTC" | "GMT" | "Z" | "UT" => "Z",
        "EST" => "-05:00",
        "EDT" => "-04:00",
        "CST" => "-06:00",
        "CDT" => "-05:00",
        "MST" => "-07:00",
        "MDT" => "-06:00",
        "PST" => "-08:00",
        "PDT" => "-07:00",
        "BST" => "+01:00",
        "CET" => "+01:00",
        "CEST" => "+02:00",
        "EET" => "+02:00",
        "EEST" => "+03:00",
        "MSK" => "+03:00",
        "IST" => "+05:30",
        "JST" => "+09:00",
        "AEST" => "+10:00",
        "AEDT" => "+11:00",
        _ => return None,
    })
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn num(t: Option<&Tok<'_>>) -> Option<u32> {
    let t = t?;
    if t.kind != Kind::Num || t.text.len() > 4 {
        return None;
    }
    t.text.parse().ok()
}

/// True for a real calendar date between 1800 and 2200.
pub(crate) fn valid(y: u32, m: u32, d: u32) -> bool {
    (1800..=2200).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// "st", "nd", "rd", "th" in any case.
fn is_ordinal_suffix(w: &str) -> bool {
    ["st", "nd", "rd", "th"]
        .iter()
        .any(|s| w.eq_ignore_ascii_case(s))
}

/// Tries a date starting at token `i`: (year, month, day, index after).
fn date_at(t: &[Tok<'_>], i: usize) -> Option<(u32, u32, u32, usize)> {
    let tok = t.get(i)?;
    let is = |k: usize, s: &str| t.get(k).is_some_and(|x| x.text == s);
    match tok.kind {
        Kind::Word => {
            // Month [.] Day[th] [,] Year
            let m = month(tok.text)?;
            let mut k = i + 1;
            if is(k, ".") {
                k += 1;
            }
            let d = num(t.get(k)).filter(|_| t[k].text.len() <= 2)?;
            k += 1;
            if t.get(k).is_some_and(|x| {
                x.kind == Kind::Word && is_ordinal_suffix(x.text) && x.start == t[k - 1].end
            }) {
                k += 1;
            }
            if is(k, ",") {
                k += 1;
            }
            let y = num(t.get(k)).filter(|_| t[k].text.len() == 4)?;
            valid(y, m, d).then_some((y, m, d, k + 1))
        }
        Kind::Num => {
            let a = num(Some(tok))?;
            // YYYY-MM-DD
            if tok.text.len() == 4 && is(i + 1, "-") && is(i + 3, "-") {
                let m = num(t.get(i + 2))?;
                let d = num(t.get(i + 4))?;
                return valid(a, m, d).then_some((a, m, d, i + 5));
            }
            if tok.text.len() > 2 {
                return None;
            }
            // DD.MM.YYYY
            if is(i + 1, ".") && is(i + 3, ".") {
                let m = num(t.get(i + 2)).filter(|_| t[i + 2].text.len() <= 2)?;
                let y = num(t.get(i + 4)).filter(|_| t[i + 4].text.len() == 4)?;
                return valid(y, m, a).then_some((y, m, a, i + 5));
            }
            // Day[th] Month [.] [,] Year
            let mut k = i + 1;
            if t.get(k)
                .is_some_and(|x| x.kind == Kind::Word && is_ordinal_suffix(x.text))
            {
                k += 1;
            }
            let m = t
                .get(k)
                .filter(|x| x.kind == Kind::Word)
                .and_then(|x| month(x.text))?;
            k += 1;
            if is(k, ".") {
                k += 1;
            }
            if is(k, ",") {
                k += 1;
            }
            let y = num(t.get(k)).filter(|_| t[k].text.len() == 4)?;
            valid(y, m, a).then_some((y, m, a, k + 1))
        }
        Kind::Punct => None,
    }
}

/// "am", "pm", or the first letter of "a.m."/"p.m." (true for p).
enum Meridiem {
    Am,
    Pm,
    Letter(bool),
}

fn meridiem_word(w: &str) -> Option<Meridiem> {
    match w {
        "am" => Some(Meridiem::Am),
        "pm" => Some(Meridiem::Pm),
        "a" => Some(Meridiem::Letter(false)),
        "p" => Some(Meridiem::Letter(true)),
        _ => None,
    }
}

/// A time after a date: (hour, minute, second, zone, index after).
fn time_at(t: &[Tok<'_>], mut k: usize) -> Option<(u32, u32, u32, Option<&'static str>, usize)> {
    // Separators between date and time.
    while t.get(k).is_some_and(|x| {
        matches!(x.text, "," | "|" | "–" | "—" | "-" | "@" | "T" | "·")
            || x.text.eq_ignore_ascii_case("at")
    }) {
        k += 1;
    }
    let h = num(t.get(k)).filter(|_| t[k].text.len() <= 2)?;
    if t.get(k + 1).is_none_or(|x| x.text != ":") {
        return None;
    }
    let mi = num(t.get(k + 2)).filter(|_| t[k + 2].text.len() == 2)?;
    k += 3;
    let mut s = 0;
    if t.get(k).is_some_and(|x| x.text == ":") && num(t.get(k + 1)).is_some() {
        s = num(t.get(k + 1))?;
        k += 2;
    }
    // Fractional seconds.
    if t.get(k).is_some_and(|x| x.text == ".") && num(t.get(k + 1)).is_some() {
        k += 2;
    }
    let mut hour = h;
    if let Some(x) = t.get(k) {
        let meridiem = match with_ascii_lower(x.text, meridiem_word) {
            Some(Meridiem::Am) => Some(false),
            Some(Meridiem::Pm) => Some(true),
            Some(Meridiem::Letter(pm)) if t.get(k + 1).is_some_and(|y| y.text == ".") => {
                // a.m. / p.m.
                k += 2;
                if t.get(k).is_some_and(|y| y.text.eq_ignore_ascii_case("m")) {
                    k += 1;
                    if t.get(k).is_some_and(|y| y.text == ".") {
                        k += 1;
                    }
                }
                k -= 1;
                Some(pm)
            }
            _ => None,
        };
        if let Some(pm) = meridiem {
            if !(1..=12).contains(&h) {
                return None;
            }
            hour = match (pm, h) {
                (false, 12) => 0,
                (false, h) => h,
                (true, 12) => 12,
                (true, h) => h + 12,
            };
            k += 1;
        }
    }
    if hour > 23 || mi > 59 || s > 59 {
        return None;
    }
    let mut tz = None;
    if let Some(x) = t.get(k) {
        if x.text == "Z" && x.start == t[k - 1].end {
            tz = Some("Z");
            k += 1;
        } else if let Some(z) = zone(x.text) {
            tz = Some(z);
            k += 1;
        }
    }
    Some((hour, mi, s, tz, k))
}

/// True when `s` has a run of exactly four ASCII digits from 1800 to 2200:
/// every form has such a year (a digit token of length four that
/// [`valid`] accepts), so a line without one needs no tokenising.
fn has_year(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i - start == 4 {
            let year = b[start..i]
                .iter()
                .fold(0u32, |y, d| y * 10 + u32::from(d - b'0'));
            if (1800..=2200).contains(&year) {
                return true;
            }
        }
    }
    false
}

/// The first date in `s` (with its time and zone when they follow it).
pub(crate) fn find_date(s: &str) -> Option<FoundDate> {
    if !has_year(s) {
        return None;
    }
    find_in(s, &tokens(s))
}

/// [`find_date`] on the tokens `t` of `s`.
fn find_in(s: &str, t: &[Tok<'_>]) -> Option<FoundDate> {
    for i in 0..t.len() {
        let Some((y, m, d, k)) = date_at(t, i) else {
            continue;
        };
        let start = t[i].start;
        if let Some((h, mi, sec, tz, k2)) = time_at(t, k) {
            let mut iso = iso_date(y, m, d);
            iso.push('T');
            push_digits(&mut iso, h, 2);
            iso.push(':');
            push_digits(&mut iso, mi, 2);
            iso.push(':');
            push_digits(&mut iso, sec, 2);
            let mut end = t[k2 - 1].end;
            if let Some(z) = tz {
                iso.push_str(z);
            } else if let Some(offset) = numeric_offset(s, end) {
                iso.push_str(&offset.0);
                end = offset.1;
            }
            return Some(FoundDate { iso, start, end });
        }
        let iso = iso_date(y, m, d);
        return Some(FoundDate {
            iso,
            start,
            end: t[k - 1].end,
        });
    }
    None
}

/// `YYYY-MM-DD`, with room for a time and zone after it: what
/// `format!("{y:04}-{m:02}-{d:02}")` gives, without the formatting machinery
/// (dates are parsed on many lines).
fn iso_date(y: u32, m: u32, d: u32) -> String {
    let mut iso = String::with_capacity(25);
    push_digits(&mut iso, y, 4);
    iso.push('-');
    push_digits(&mut iso, m, 2);
    iso.push('-');
    push_digits(&mut iso, d, 2);
    iso
}

/// The last `width` decimal digits of `n`, zero-padded.
fn push_digits(out: &mut String, n: u32, width: u32) {
    for k in (0..width).rev() {
        let digit = n / 10u32.pow(k) % 10;
        out.push(char::from(b'0' + digit as u8));
    }
}

/// A `+03:00`-style offset right at `at`.
fn numeric_offset(s: &str, at: usize) -> Option<(String, usize)> {
    let rest = s.get(at..)?;
    let b = rest.as_bytes();
    if b.len() >= 6
        && (b[0] == b'+' || b[0] == b'-')
        && b[1].is_ascii_digit()
        && b[2].is_ascii_digit()
        && b[3] == b':'
        && b[4].is_ascii_digit()
        && b[5].is_ascii_digit()
    {
        return Some((rest[..6].to_owned(), at + 6));
    }
    None
}

/// Words allowed around a date on a line that is only a date
/// ("Published time: 4 Oct, 2016 10:26 Edited time: ...", "Posted: Wed, ...").
fn is_date_filler(word: &str) -> bool {
    with_ascii_lower(word, |w| {
        matches!(
            w,
            "published"
                | "publish"
                | "posted"
                | "updated"
                | "update"
                | "edited"
                | "modified"
                | "last"
                | "time"
                | "date"
                | "on"
                | "at"
                | "am"
                | "pm"
                | "a"
                | "p"
                | "m"
                | "st"
                | "nd"
                | "rd"
                | "th"
                | "mon"
                | "tue"
                | "tues"
                | "wed"
                | "thu"
                | "thur"
                | "thurs"
                | "fri"
                | "sat"
                | "sun"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
        ) || month_lower(w).is_some()
    }) || zone(word).is_some()
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A line that holds a date and nothing else of substance; `name` is a
/// trailing author name when the line is "Feb 22, 2016, 7:30PM Becca Noy".
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DateLine {
    /// The first date on the line, ISO 8601.
    pub iso: String,
    /// A name after the date, if any.
    pub name: Option<String>,
    /// True when the line says "Published".
    pub published_label: bool,
}

/// Recognises a date-only line (see [`DateLine`]).
pub(crate) fn date_line(line: &str) -> Option<DateLine> {
    let line = line.trim();
    if line.len() > 120 || line.is_empty() {
        return None;
    }
    if !has_year(line) {
        return None;
    }
    // Every word of a date line is a date word or part of a capitalised
    // trailing name (the words inside a date are date words or "T"): a
    // lower-case word rules the line out before any date is looked for.
    let t = tokens_while(line, |w| capitalised(w) || is_date_filler(w))?;
    let found = find_in(line, &t)?;
    let mut leftover = Vec::new();
    for tok in &t {
        if tok.start >= found.start && tok.end <= found.end {
            continue;
        }
        match tok.kind {
            Kind::Punct | Kind::Num => {}
            Kind::Word if is_date_filler(tok.text) => {}
            Kind::Word => leftover.push(*tok),
        }
    }
    let published_label = starts_with_ci(line, "published") || starts_with_ci(line, "posted");
    if leftover.is_empty() {
        return Some(DateLine {
            iso: found.iso,
            name: None,
            published_label,
        });
    }
    // A trailing name: two or three capitalised words after the date.
    if leftover.len() <= 3
        && leftover.len() >= 2
        && leftover[0].start >= found.end
        && leftover.iter().all(|w| capitalised(w.text))
    {
        let name = line[leftover[0].start..leftover[leftover.len() - 1].end].to_owned();
        return Some(DateLine {
            iso: found.iso,
            name: Some(name),
            published_label,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        find_date(s).map(|d| d.iso)
    }

    #[test]
    fn forms_from_the_seeds() {
        assert_eq!(
            iso("October 05, 2016 09:15 AM").unwrap(),
            "2016-10-05T09:15:00"
        );
        assert_eq!(iso("05.10.2016").unwrap(), "2016-10-05");
        assert_eq!(iso("Oct. 5, 2016").unwrap(), "2016-10-05");
        assert_eq!(
            iso("March 4, 2026 11:20 AM EST").unwrap(),
            "2026-03-04T11:20:00-05:00"
        );
        assert_eq!(iso("28.02.2026 | 2:05 pm").unwrap(), "2026-02-28T14:05:00");
        assert_eq!(iso("4 Oct, 2016 10:26").unwrap(), "2016-10-04T10:26:00");
        assert_eq!(
            iso("Published October 6th, 2015 – 09:44 GMT").unwrap(),
            "2015-10-06T09:44:00Z"
        );
        assert_eq!(
            iso("December 2, 2014 – 7:59 am").unwrap(),
            "2014-12-02T07:59:00"
        );
        assert_eq!(
            iso("Feb 22, 2016, 7:30PM Becca Noy").unwrap(),
            "2016-02-22T19:30:00"
        );
        assert_eq!(
            iso("2016-10-05T14:30:00+03:00").unwrap(),
            "2016-10-05T14:30:00+03:00"
        );
        assert_eq!(iso("at 12:15 a.m. on Jan. 1, 2020").unwrap(), "2020-01-01");
        assert_eq!(iso("February 30, 2016"), None);
        assert_eq!(iso("No. 3 and 14 people"), None);
    }

    #[test]
    fn date_lines() {
        assert!(date_line("October 4, 2016").is_some());
        assert!(
            date_line("Published time: 4 Oct, 2016 10:26 Edited time: 4 Oct, 2016 12:33").is_some()
        );
        assert!(date_line("Posted: Wed, March 4, 2026 3:02 PM").is_some());
        assert!(date_line("March 4, 2026 11:20 AM EST Updated March 4, 2026").is_some());
        let l = date_line("Feb 22, 2016, 7:30PM Becca Noy").unwrap();
        assert_eq!(l.name.as_deref(), Some("Becca Noy"));
        assert!(date_line("Stated on March 3, 2026, in a televised interview.").is_none());
        assert!(date_line("The plant opened on March 3, 2026").is_none());
    }
}
