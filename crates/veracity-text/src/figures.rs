//! Figures: the numbers of a text that count or measure something, each
//! with what it counts (the unit or noun after it), the words around it in
//! its clause, how precisely it is written and the hedge before it.
//!
//! Not figures: years ("in 2019"), dates and datelines ("March 3"), times
//! ("5 p.m."), ranges and codes joined by `-`, `/` or `:` ("2015-2017",
//! "COVID-19", "10:30"), numbered labels ("Section 230"), ordinals ("21st",
//! "the third quarter"). Fraction words are figures only as fractions ("a
//! third of", "two thirds").
//!
//! Two figures are the same quantity ([`Figure::same_quantity`]) when they
//! count the same thing and share context; they agree
//! ([`Figure::consistent`]) when one could be the other rounded, truncated
//! ("12-inch" for 12.9 inches) or hedged ("more than two million" for 2.14
//! million).

use crate::hash::FxHashSet;
use crate::lexicon::{
    APPROXIMATE_HEDGES, CLOCK_WORDS, CURRENCIES, FIGURE_GENERIC_TERMS, FRACTIONS,
    LOWER_BOUND_HEDGES, MONTHS, MULTIPLIERS, NEAR_HEDGES, NUMBER_LABELS, ORDINAL_MARKERS,
    UPPER_BOUND_HEDGES, WEEKDAYS, number_word,
};
use crate::words;
use std::ops::RangeInclusive;

/// Relative slack every figure gets: figures within 2% of each other agree.
pub const RELATIVE_TOLERANCE: f64 = 0.02;
/// How far the truth may be from an approximate figure ("about 40").
pub const APPROXIMATE_TOLERANCE: f64 = 0.1;
/// Words taken on each side of a figure (within its clause) as its context.
pub const CONTEXT_WINDOW: usize = 6;
/// Figures of one quantity share at least this many context terms.
pub const MIN_SHARED_CONTEXT: usize = 2;
/// Content words right after a figure read as what it counts.
const MEASURE_WORDS: usize = 2;
/// A bare four-digit integer in this range is a year.
const YEARS: RangeInclusive<f64> = 1800.0..=2100.0;
/// Day numbers next to a month name are dates.
const DAYS: RangeInclusive<f64> = 1.0..=31.0;
/// Words starting a new clause: context does not cross them.
const CLAUSE_WORDS: &[&str] = &["while", "whereas", "but", "although", "though", "however"];

/// How a figure is hedged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// As written ("40").
    Exact,
    /// "about 40": within [`APPROXIMATE_TOLERANCE`].
    Approximate,
    /// "nearly 40": a little under, or about.
    Near,
    /// "more than 40", "at least 40".
    AtLeast,
    /// "up to 40", "less than 40".
    AtMost,
}

/// A number that counts or measures something.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Its value, multipliers applied ("2.14 million" is 2 140 000;
    /// fractions are percentages).
    pub value: f64,
    /// One step of its last written digit, multipliers applied ("2.14
    /// million": 10 000).
    pub step: f64,
    /// Its hedge.
    pub bound: Bound,
    /// The figure as written, with its currency sign and multiplier.
    pub written: String,
    /// What it counts: "percent", a currency, or the terms of the words
    /// after it ("inch", "peopl"); empty when nothing follows.
    pub measure: Vec<String>,
    /// Content terms around it in its clause (units, times, hedges and
    /// change verbs left out).
    pub context: FxHashSet<String>,
}

impl Figure {
    /// True when the two figures count the same thing: the same measure (or
    /// neither has one) and at least [`MIN_SHARED_CONTEXT`] shared context
    /// terms.
    pub fn same_quantity(&self, other: &Figure) -> bool {
        let measure = match (self.measure.is_empty(), other.measure.is_empty()) {
            (true, true) => true,
            (false, false) => self.measure.iter().any(|m| other.measure.contains(m)),
            _ => false,
        };
        measure && self.context.intersection(&other.context).count() >= MIN_SHARED_CONTEXT
    }

    /// How many context terms the two share.
    pub fn shared_context(&self, other: &Figure) -> usize {
        self.context.intersection(&other.context).count()
    }

    /// True when the two figures can describe the same value: their
    /// intervals (rounding, truncation and hedges) overlap.
    pub fn consistent(&self, other: &Figure) -> bool {
        let (a0, a1) = self.interval(other);
        let (b0, b1) = other.interval(self);
        (a0 < b1 && b0 < a1) || (a0 == b0 && a1 == b1)
    }

    /// The values this figure allows when compared with `other`.
    fn interval(&self, other: &Figure) -> (f64, f64) {
        let v = self.value;
        let rel = RELATIVE_TOLERANCE * v.abs();
        let round = (self.step / 2.0).max(rel);
        let approx = (APPROXIMATE_TOLERANCE * v.abs()).max(round);
        match self.bound {
            // A coarser figure may be a finer one truncated ("12-inch" for
            // 12.9 inches) as well as rounded.
            Bound::Exact if self.step > other.step => (v - round, v + self.step.max(rel)),
            Bound::Exact => (v - round, v + round),
            Bound::Approximate => (v - approx, v + approx),
            Bound::Near => (v - approx, v + round),
            // A bound's number is a threshold, not a rounding: only the
            // relative slack applies.
            Bound::AtLeast => (v - rel, f64::INFINITY),
            Bound::AtMost => (f64::NEG_INFINITY, v + rel),
        }
    }
}

#[derive(Debug, Clone)]
struct Token {
    lower: String,
    start: usize,
    end: usize,
    clause: usize,
    /// Value, decimals and whether written with a thousands separator.
    number: Option<(f64, u32, bool)>,
}

fn is_currency_symbol(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥')
}

fn breaks_clause(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '(' | ')' | '[' | ']' | '.' | '!' | '?' | '\u{2014}' | '\u{2013}'
    )
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut clause = 0;
    let mut i = 0;
    while let Some(ch) = text[i..].chars().next() {
        if ch.is_alphanumeric() {
            let start = i;
            let digits = ch.is_ascii_digit();
            let mut j = i;
            while let Some(c) = text[j..].chars().next() {
                if c.is_alphanumeric() {
                    j += c.len_utf8();
                    continue;
                }
                // "1.5", "1,500": a separator between digits of a number.
                let next = text[j + c.len_utf8()..].chars().next();
                if digits
                    && matches!(c, '.' | ',')
                    && next.is_some_and(|n| n.is_ascii_digit())
                    && text[start..j]
                        .bytes()
                        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
                {
                    j += 1;
                    continue;
                }
                // "a.m.", "u.s.": single letters joined by dots.
                if c == '.'
                    && !digits
                    && j - start == 1
                    && next.is_some_and(|n| n.is_ascii_alphabetic())
                    && text[j + 2..].starts_with('.')
                {
                    j += 3;
                }
                break;
            }
            let raw = &text[start..j];
            let lower = raw.to_lowercase();
            if CLAUSE_WORDS.contains(&lower.as_str()) {
                clause += 1;
            }
            let number = digits.then(|| parse_number(raw)).flatten();
            out.push(Token {
                lower,
                start,
                end: j,
                clause,
                number,
            });
            i = j;
        } else {
            if ch == '%' || is_currency_symbol(ch) {
                out.push(Token {
                    lower: if ch == '%' {
                        "percent".into()
                    } else {
                        ch.to_string()
                    },
                    start: i,
                    end: i + ch.len_utf8(),
                    clause,
                    number: None,
                });
            } else if breaks_clause(ch) {
                clause += 1;
            }
            i += ch.len_utf8();
        }
    }
    out
}

/// Digits with an optional decimal part and thousands commas.
fn parse_number(raw: &str) -> Option<(f64, u32, bool)> {
    if !raw
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    let grouped = raw.contains(',');
    let plain: String = raw.chars().filter(|&c| c != ',').collect();
    let decimals = plain
        .split_once('.')
        .map_or(0, |(_, d)| u32::try_from(d.len()).unwrap_or(u32::MAX));
    plain.parse::<f64>().ok().map(|v| (v, decimals, grouped))
}

fn multiplier(word: &str) -> Option<f64> {
    MULTIPLIERS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|&(_, f)| f)
}

fn fraction(word: &str) -> Option<f64> {
    FRACTIONS.iter().find(|(w, _)| *w == word).map(|&(_, f)| f)
}

fn currency(word: &str) -> Option<&'static str> {
    CURRENCIES.iter().find(|(w, _)| *w == word).map(|&(_, c)| c)
}

/// The value of a number word that counts (not a fraction word).
fn word_value(word: &str) -> Option<f64> {
    if fraction(word).is_some() {
        return None;
    }
    number_word(word)?.parse().ok()
}

/// The character just before byte `at`, and the one before it.
fn chars_before(text: &str, at: usize) -> (Option<char>, Option<char>) {
    let mut it = text[..at].chars().rev();
    (it.next(), it.next())
}

fn chars_after(text: &str, at: usize) -> (Option<char>, Option<char>) {
    let mut it = text[at..].chars();
    (it.next(), it.next())
}

/// Joined to another number or to letters by `-`, `/` or `:` ("2015-2017",
/// "COVID-19", "3/4", "10:30"): a range, code, date or time.
fn joined(text: &str, t: &Token) -> bool {
    let (b1, b2) = chars_before(text, t.start);
    let (a1, a2) = chars_after(text, t.end);
    let sep = |c: Option<char>| matches!(c, Some('-' | '/' | ':'));
    (sep(b1) && b2.is_some_and(char::is_alphanumeric))
        || (sep(a1) && a2.is_some_and(|c| c.is_ascii_digit()))
}

/// The hedge ending right before token `at`, if any.
fn hedge_before(toks: &[Token], at: usize) -> Bound {
    let clause = toks.get(at).map_or(0, |t| t.clause);
    let lists: [(&[&str], Bound); 4] = [
        (LOWER_BOUND_HEDGES, Bound::AtLeast),
        (UPPER_BOUND_HEDGES, Bound::AtMost),
        (NEAR_HEDGES, Bound::Near),
        (APPROXIMATE_HEDGES, Bound::Approximate),
    ];
    let mut best: Option<(usize, Bound)> = None;
    for (list, bound) in lists {
        for phrase in list {
            let n = phrase.split(' ').count();
            if n > at {
                continue;
            }
            let words = &toks[at - n..at];
            if words.iter().all(|t| t.clause == clause)
                && words.iter().map(|t| t.lower.as_str()).eq(phrase.split(' '))
                && best.is_none_or(|(m, _)| n > m)
            {
                best = Some((n, bound));
            }
        }
    }
    best.map_or(Bound::Exact, |(_, b)| b)
}

/// The figures of `text`, in order.
pub fn figures(text: &str) -> Vec<Figure> {
    let toks = tokenize(text);
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        let (first, last, figure) = match read_figure(text, &toks, k) {
            Some(found) => found,
            None => {
                k += 1;
                continue;
            }
        };
        k = last + 1;
        let Some((value, step, bound, mut measure_end, measure_hint)) = figure else {
            continue;
        };
        // What it counts.
        let clause = toks[first].clause;
        let mut measure: Vec<String> = Vec::new();
        if let Some(m) = measure_hint {
            measure.push(m.to_owned());
        } else {
            let after = &toks[last + 1..];
            if after
                .first()
                .is_some_and(|t| t.lower == "percent" || t.lower == "pct")
            {
                measure.push("percent".into());
                measure_end = last + 1;
            } else if after.len() >= 2 && after[0].lower == "per" && after[1].lower == "cent" {
                measure.push("percent".into());
                measure_end = last + 2;
            } else if let Some(c) = after.first().and_then(|t| currency(&t.lower)) {
                measure.push(c.to_owned());
                measure_end = last + 1;
            } else {
                for (n, t) in after.iter().enumerate().take(MEASURE_WORDS) {
                    if t.clause != clause || t.number.is_some() {
                        break;
                    }
                    let Some(term) = words::term(&t.lower) else {
                        break;
                    };
                    measure.push(term);
                    measure_end = last + 1 + n;
                }
            }
        }
        // Its context: content terms nearby in the same clause.
        let lo = first.saturating_sub(CONTEXT_WINDOW);
        let hi = (measure_end + 1 + CONTEXT_WINDOW).min(toks.len());
        let context = toks[lo..hi]
            .iter()
            .enumerate()
            .filter(|&(j, t)| {
                let j = lo + j;
                (j < first || j > last)
                    && t.clause == clause
                    && t.number.is_none()
                    && word_value(&t.lower).is_none()
                    && !MONTHS.contains(&t.lower)
                    && !WEEKDAYS.contains(&t.lower)
            })
            .filter_map(|(_, t)| words::term(&t.lower))
            .filter(|t| !FIGURE_GENERIC_TERMS.contains(t))
            .collect();
        // Written with its unit when the unit is a sign or word of its own
        // ("40%", "12 per cent", "40 dollars").
        let unit_end = if measure_hint.is_none() && measure_end > last && is_unit(&measure) {
            measure_end
        } else {
            last
        };
        let start = toks[first].start;
        let written = text[start..toks[unit_end].end].to_owned();
        out.push(Figure {
            value,
            step,
            bound,
            written,
            measure,
            context,
        });
    }
    out
}

/// What [`read_figure`] found: value, step, hedge, the last token of the
/// measure so far and a measure known from the figure itself.
type Found = (f64, f64, Bound, usize, Option<&'static str>);

/// Reads a figure starting at token `k`: its first and last tokens, and the
/// figure, or `None` inside when the tokens are a number that is not a
/// figure (a year, date, time, label, range or code). `None` outright when
/// no number starts at `k`.
fn read_figure(text: &str, toks: &[Token], k: usize) -> Option<(usize, usize, Option<Found>)> {
    let t = &toks[k];
    let clause = t.clause;
    let next = |j: usize| toks.get(j).filter(|n| n.clause == clause);
    let prev = k
        .checked_sub(1)
        .and_then(|j| toks.get(j))
        .filter(|p| p.clause == clause);

    // A fraction word on its own: "a third of", "half of" ("the third
    // quarter", "last quarter" are periods, not fractions).
    if let Some(f) = fraction(&t.lower) {
        let of_after = next(k + 1).is_some_and(|n| n.lower == "of");
        let ordinal = prev.is_some_and(|p| ORDINAL_MARKERS.contains(&p.lower));
        let counted = prev.is_some_and(|p| matches!(p.lower.as_str(), "a" | "an" | "one"));
        let halved =
            t.lower == "half" && prev.is_some_and(|p| matches!(p.lower.as_str(), "in" | "by"));
        if counted || (!ordinal && (of_after || halved)) {
            let first = if counted { k - 1 } else { k };
            let bound = hedge_before(toks, first);
            let bound = if bound == Bound::Exact {
                Bound::Approximate
            } else {
                bound
            };
            return Some((first, k, Some((f, 1.0, bound, k, Some("percent")))));
        }
        return None;
    }

    // The count: digits, a number word ("forty", "twenty-five"), or "a" /
    // "one" before a multiplier.
    let (mut value, mut step, grouped, is_digits) = if let Some((v, d, g)) = t.number {
        (
            v,
            10f64.powi(-(i32::try_from(d).unwrap_or(i32::MAX))),
            g,
            true,
        )
    } else if let Some(v) = word_value(&t.lower) {
        (v, 1.0, false, false)
    } else if matches!(t.lower.as_str(), "a" | "an" | "one")
        && next(k + 1).is_some_and(|n| multiplier(&n.lower).is_some())
    {
        (1.0, 1.0, false, false)
    } else {
        return None;
    };
    let mut last = k;
    // "twenty-five", "twenty five".
    if !is_digits
        && (20.0..100.0).contains(&value)
        && value % 10.0 == 0.0
        && let Some(u) = next(k + 1).and_then(|n| word_value(&n.lower))
        && (1.0..10.0).contains(&u)
    {
        value += u;
        last = k + 1;
    }
    let mut multiplied = false;
    while let Some(f) = next(last + 1).and_then(|n| multiplier(&n.lower)) {
        value *= f;
        step *= f;
        multiplied = true;
        last += 1;
    }
    // "two thirds", "one half".
    if !multiplied
        && !is_digits
        && let Some(f) = next(last + 1).and_then(|n| fraction(&n.lower))
    {
        let bound = match hedge_before(toks, k) {
            Bound::Exact => Bound::Approximate,
            b => b,
        };
        return Some((
            k,
            last + 1,
            Some((value * f, 1.0, bound, last + 1, Some("percent"))),
        ));
    }

    // Numbers that are not figures.
    let first_tok = &toks[k];
    let next_tok = next(last + 1);
    let is_day = DAYS.contains(&value) && !multiplied && step >= 1.0;
    let not_a_figure = (is_digits && joined(text, first_tok))
        || (is_day
            && (prev.is_some_and(|p| MONTHS.contains(&p.lower))
                || next_tok.is_some_and(|n| MONTHS.contains(&n.lower))))
        || (is_digits
            && !grouped
            && !multiplied
            && step >= 1.0
            && YEARS.contains(&value)
            && first_tok.end - first_tok.start == 4
            && !prev.is_some_and(is_currency_symbol_token)
            && next_tok.is_none_or(|n| n.lower != "percent"))
        || (is_digits && prev.is_some_and(|p| NUMBER_LABELS.contains(&p.lower)))
        || next_tok.is_some_and(|n| CLOCK_WORDS.contains(&n.lower));
    if not_a_figure {
        return Some((k, last, None));
    }

    let mut first = k;
    let mut hint = None;
    if let Some(p) = prev
        && is_currency_symbol_token(p)
    {
        hint = currency(&p.lower);
        first = k - 1;
        // "US$".
        if first > 0 && toks[first - 1].lower == "us" && toks[first - 1].end == p.start {
            first -= 1;
        }
    }
    let bound = hedge_before(toks, first);
    Some((first, last, Some((value, step, bound, last, hint))))
}

/// True for a measure that is a unit read from its own tokens.
fn is_unit(measure: &[String]) -> bool {
    measure.len() == 1
        && (measure[0] == "percent" || CURRENCIES.iter().any(|(_, c)| *c == measure[0]))
}

fn is_currency_symbol_token(t: &Token) -> bool {
    t.lower.chars().next().is_some_and(is_currency_symbol)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<f64> {
        figures(text).iter().map(|f| f.value).collect()
    }

    fn one(text: &str) -> Figure {
        let f = figures(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        f.into_iter().next().unwrap_or_else(|| unreachable!())
    }

    #[test]
    fn dates_years_times_labels_and_codes_are_not_figures() {
        assert!(values("Engineers inspected the bridge in 2015, 2017, 2019 and 2021.").is_empty());
        assert!(
            values("OSLO, June 14 (Nordic Wire) - The ferry sailed at 5 p.m. on 14 June.")
                .is_empty()
        );
        assert!(
            values("Route 9 reopened under Section 230 after COVID-19 in 2019-2020 at 10:30.")
                .is_empty()
        );
        assert!(values("Sales fell in the third quarter and in the 21st week.").is_empty());
        assert!(values("It was the second half of the season, last quarter.").is_empty());
    }

    #[test]
    fn counts_fractions_currencies_and_multipliers() {
        assert_eq!(
            values("It cost $2.14 million, a third of the budget."),
            [2_140_000.0, 100.0 / 3.0]
        );
        let f = one("Some twenty-five volunteers came.");
        assert_eq!((f.value, f.bound), (25.0, Bound::Approximate));
        assert_eq!(one("It has 2,014 beds.").value, 2014.0);
        assert_eq!(one("two thirds of voters").value, 200.0 / 3.0);
        assert_eq!(one("US$40 for each ticket").measure, ["dollar"]);
        assert_eq!(one("12 per cent of the grain").measure, ["percent"]);
    }

    #[test]
    fn rounding_truncation_and_hedges_are_consistent() {
        let f = |t: &str| one(t);
        assert!(f("a 12.9-inch tablet").consistent(&f("a 12-inch tablet")));
        assert!(f("a 12.9-inch tablet").consistent(&f("a 13-inch tablet")));
        assert!(!f("12 ferries").consistent(&f("13 ferries")));
        assert!(f("2.14 million people").consistent(&f("more than two million people")));
        assert!(!f("1.8 million people").consistent(&f("more than two million people")));
        assert!(f("nearly 40 ferries").consistent(&f("38 ferries")));
        assert!(!f("nearly 40 ferries").consistent(&f("45 ferries")));
        assert!(f("up to 300 beds").consistent(&f("250 beds")));
        assert!(!f("at least 300 beds").consistent(&f("250 beds")));
        assert!(f("about 40 ferries").consistent(&f("43 ferries")));
    }

    #[test]
    fn same_quantity_needs_the_same_measure_and_context() {
        let starts = one("Housing starts in Ohio rose 4.1 percent last year.");
        let jobless = one("Unemployment in Ohio rose to 3.9 percent last year.");
        assert!(!starts.same_quantity(&jobless));
        let a = one("The county repaved 40 miles of rural road.");
        let b = one("The county repaved 12 miles of rural road.");
        assert!(a.same_quantity(&b));
        let c = one("The county repaved 40 bridges on rural roads.");
        assert!(!a.same_quantity(&c));
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for text in [
            "",
            "$",
            "%",
            "5.",
            ".5",
            "a.",
            "a.m",
            "1,",
            "\u{20ac}\u{20ac}5%",
            "\u{663}\u{664} million",
            "1e308 million billion trillion",
            "999999999999999999999999 trillion trillion",
            "half",
            "a third",
            "x.y",
            "-5",
            "5-",
            "US$",
            "twenty-",
            "per cent",
            "no. 5",
            "\u{1f600}12\u{1f600}",
            "1.2.3.4",
            "12,345,678.9",
            "March",
            "3 March",
        ] {
            for f in figures(text) {
                let _ = f.consistent(&f);
            }
        }
    }
}
