//! Words around figures: what makes a number a date or a label rather than
//! a quantity, the hedges that make it a bound, and the words that say
//! nothing about what a number counts. Written for this project from
//! English news usage; phrases are lowercase words separated by one space.

use super::Lexicon;

/// Month names and their abbreviations: a day number next to one is a date.
pub static MONTHS: Lexicon = Lexicon::new(
    "months",
    "written for this project: English month names and abbreviations",
    &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ],
);

/// Weekday names: context words that say when, not what.
pub static WEEKDAYS: Lexicon = Lexicon::new(
    "weekdays",
    "written for this project: English weekday names",
    &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ],
);

/// Words before a number that make it a name or label ("Section 230",
/// "Flight 370", "No. 5"), not a quantity.
pub static NUMBER_LABELS: Lexicon = Lexicon::new(
    "number-labels",
    "written for this project: English words that name things by number",
    &[
        "no",
        "number",
        "section",
        "article",
        "chapter",
        "page",
        "pages",
        "route",
        "flight",
        "room",
        "model",
        "version",
        "episode",
        "season",
        "vol",
        "volume",
        "grade",
        "phase",
        "stage",
        "category",
        "level",
        "class",
        "type",
        "rule",
        "amendment",
        "title",
        "district",
        "precinct",
        "ward",
        "platform",
        "gate",
        "terminal",
        "item",
        "line",
        "bus",
        "highway",
        "interstate",
        "street",
        "avenue",
        "floor",
        "suite",
        "proposition",
        "prop",
        "resolution",
        "paragraph",
        "figure",
        "table",
        "appendix",
        "exhibit",
        "step",
        "round",
        "game",
    ],
);

/// Words after a number that make it a time of day ("5 p.m.").
pub static CLOCK_WORDS: Lexicon = Lexicon::new(
    "clock-words",
    "written for this project: English time-of-day markers",
    &[
        "a.m.", "p.m.", "am", "pm", "gmt", "utc", "est", "edt", "o", "clock", "h",
    ],
);

/// Scale words that multiply the number before them, with the factor.
pub const MULTIPLIERS: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("billion", 1e9),
    ("billions", 1e9),
    ("bn", 1e9),
    ("trillion", 1e12),
];

/// Fraction words, as a percentage of the whole, singular and plural. They
/// are fractions only with a count before them or "of" after ("a third
/// of", "two thirds"); otherwise they are ordinals ("the third quarter").
pub const FRACTIONS: &[(&str, f64)] = &[
    ("half", 50.0),
    ("halves", 50.0),
    ("third", 100.0 / 3.0),
    ("thirds", 100.0 / 3.0),
    ("quarter", 25.0),
    ("quarters", 25.0),
    ("fifth", 20.0),
    ("fifths", 20.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
];

/// Words that, before a fraction word, make it an ordinal or a period
/// ("the third quarter", "last quarter", "the second half").
pub static ORDINAL_MARKERS: Lexicon = Lexicon::new(
    "ordinal-markers",
    "written for this project: English determiners and ordinals",
    &[
        "the", "this", "that", "last", "next", "first", "second", "third", "fourth", "each",
        "every", "per", "final", "previous", "same",
    ],
);

/// Currency symbols and words, to the unit a figure is in.
pub const CURRENCIES: &[(&str, &str)] = &[
    ("$", "dollar"),
    ("us$", "dollar"),
    ("dollar", "dollar"),
    ("dollars", "dollar"),
    ("usd", "dollar"),
    ("£", "pound"),
    ("pound", "pound"),
    ("pounds", "pound"),
    ("gbp", "pound"),
    ("€", "euro"),
    ("euro", "euro"),
    ("euros", "euro"),
    ("eur", "euro"),
    ("¥", "yen"),
    ("yen", "yen"),
    ("yuan", "yuan"),
    ("rupees", "rupee"),
    ("rubles", "ruble"),
    ("roubles", "ruble"),
];

/// Hedges before a figure that make it a lower bound ("more than two million").
pub const LOWER_BOUND_HEDGES: &[&str] = &[
    "more than",
    "over",
    "above",
    "at least",
    "upwards of",
    "in excess of",
    "exceeding",
    "greater than",
    "no fewer than",
    "no less than",
    "higher than",
    "just over",
    "just above",
];

/// Hedges before a figure that make it an upper bound ("up to 40").
pub const UPPER_BOUND_HEDGES: &[&str] = &[
    "less than",
    "fewer than",
    "under",
    "below",
    "up to",
    "at most",
    "no more than",
    "lower than",
    "as many as",
    "as much as",
    "not more than",
];

/// Hedges before a figure that make it a little under the truth or about it
/// ("nearly 13", "almost half").
pub const NEAR_HEDGES: &[&str] = &[
    "nearly",
    "almost",
    "close to",
    "just under",
    "just below",
    "just shy of",
    "not quite",
];

/// Hedges before a figure that make it approximate ("about 40").
pub const APPROXIMATE_HEDGES: &[&str] = &[
    "about",
    "around",
    "roughly",
    "approximately",
    "approx",
    "some",
    "an estimated",
    "estimated",
    "circa",
    "almost exactly",
    "an approximately",
    "in the region of",
    "on the order of",
];

/// Terms (stems) around a number that say nothing about what it counts:
/// units, times, hedges and verbs of change. "Housing starts rose 4%" and
/// "unemployment rose 4%" share "rose" and "percent" and still count
/// different things.
pub static FIGURE_GENERIC_TERMS: Lexicon = Lexicon::new(
    "figure-generic-terms",
    "written for this project: units, times, hedges and change verbs, as Porter stems",
    &[
        "percent",
        "per",
        "cent",
        "pct",
        "last",
        "year",
        "month",
        "week",
        "day",
        "time",
        "around",
        "nearli",
        "almost",
        "roughli",
        "approxim",
        "total",
        "rise",
        "fall",
        "increas",
        "decreas",
        "grow",
        "drop",
        "declin",
        "jump",
        "climb",
        "cut",
        "reach",
        "doubl",
        "halv",
        "gain",
        "lose",
        "estim",
        "least",
        "onli",
        "just",
        "record",
        "new",
        "now",
        "current",
        "todai",
        "yesterdai",
        "ago",
        "sinc",
        "averag",
        "rate",
    ],
);
