//! The review date of a run (`--review-date`, today by default): the one
//! place the CLI reads the clock for an output, so the formats stay pure.

use std::time::{SystemTime, UNIX_EPOCH};

/// Today's date in UTC as `YYYY-MM-DD`, from the system clock. A clock set
/// before 1970 gives 1970-01-01 rather than failing.
pub fn today() -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(seconds / 86_400).unwrap_or(0);
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The proleptic Gregorian date `days` days after 1970-01-01, by counting
/// 400-year eras of 146,097 days with years that start on 1 March, so the
/// leap day falls at the end of the counted year.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let shifted = days + 719_468; // days from 0000-03-01 to 1970-01-01
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097); // 0..=146096
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153; // 0 = March .. 11 = February
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    // Both fit: day is 1..=31 and month 1..=12 by construction.
    (year, month as u32, day as u32)
}

fn is_leap(year: u32) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

/// A `--review-date` value: a real calendar date written `YYYY-MM-DD`.
pub fn parse(value: &str) -> Result<String, String> {
    let value = value.trim();
    let bad = || format!("`{value}` is not a date; write it as YYYY-MM-DD, e.g. 2026-12-06");
    let b = value.as_bytes();
    let shaped = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    if !shaped {
        return Err(bad());
    }
    let number = |range: std::ops::Range<usize>| value[range].parse::<u32>().map_err(|_| bad());
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => {
            return Err(format!(
                "`{value}`: there is no month {month}; write YYYY-MM-DD"
            ));
        }
    };
    if day == 0 || day > days_in_month {
        return Err(format!(
            "`{value}`: month {month} of {year} has {days_in_month} days; write YYYY-MM-DD"
        ));
    }
    Ok(value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_since_the_epoch_become_civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29)); // a 400-year leap day
        assert_eq!(civil_from_days(11_017), (2000, 3, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(19_783), (2024, 3, 1));
        assert_eq!(civil_from_days(47_540), (2100, 2, 28)); // 2100 is not a leap year
        assert_eq!(civil_from_days(47_541), (2100, 3, 1));
        assert_eq!(civil_from_days(20_793), (2026, 12, 6));
    }

    #[test]
    fn every_day_follows_the_one_before() {
        // 1968..2104 day by day: no gaps, no repeats, and February has 29
        // days exactly in leap years.
        let mut previous = civil_from_days(-731);
        assert_eq!(previous, (1968, 1, 1));
        for days in -730..48_942 {
            let (y, m, d) = civil_from_days(days);
            let (py, pm, pd) = previous;
            let next_day = y == py && m == pm && d == pd + 1;
            let next_month = y == py && m == pm + 1 && d == 1;
            let next_year = y == py + 1 && m == 1 && d == 1 && pm == 12 && pd == 31;
            assert!(
                next_day || next_month || next_year,
                "{previous:?} -> {y}-{m}-{d}"
            );
            if next_month && pm == 2 {
                let leap = is_leap(u32::try_from(py).unwrap());
                assert_eq!(pd, if leap { 29 } else { 28 }, "February {py}");
            }
            previous = (y, m, d);
        }
    }

    #[test]
    fn today_is_a_valid_date() {
        assert_eq!(parse(&today()), Ok(today()));
    }

    #[test]
    fn review_dates_are_checked_against_the_calendar() {
        assert_eq!(parse("2026-12-06"), Ok("2026-12-06".to_owned()));
        assert_eq!(parse("2024-02-29"), Ok("2024-02-29".to_owned()));
        for bad in [
            "2026-02-29",
            "1900-02-29",
            "2026-13-01",
            "2026-04-31",
            "2026-12-6",
            "tomorrow",
            "2026-12-06T10:00",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        assert!(parse("2026-04-31").unwrap_err().contains("30 days"));
    }
}
