//! Abbreviations: words that end with a full stop without ending a
//! sentence. Written for this project.

use super::Lexicon;

/// Titles written before a name ("Gen.", "Dr.", "Sen."): the quote grammar
/// reads them as part of a speaker's name, and a full stop after one does
/// not end a sentence.
pub const TITLE_ABBREVIATIONS: &[&str] = &[
    "gen", "brig", "dr", "col", "lt", "sgt", "capt", "maj", "mr", "mrs", "ms", "sen", "rep", "gov",
    "prof", "st", "jr", "sr",
];

/// Every abbreviation after which a full stop does not end a sentence: the
/// titles, and company, address, month and day abbreviations.
pub static ABBREVIATIONS: Lexicon = Lexicon::extending(
    "abbreviations",
    "written for this project: titles, company, address, month and day abbreviations",
    TITLE_ABBREVIATIONS,
    &[
        "adm", "cmdr", "rev", "mt", "vs", "v", "etc", "inc", "ltd", "co", "corp", "rd", "ave",
        "blvd", "ft", "fig", "dept", "univ", "assn", "est", "approx", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri",
        "sat", "sun", "pres", "gens", "sens", "reps", "messrs", "hon", "supt", "insp", "cpl",
        "pvt", "ret",
    ],
);

/// Abbreviations that end a sentence unless a number follows ("No. 3").
pub static NUMBER_ABBREVIATIONS: Lexicon = Lexicon::new(
    "number-abbreviations",
    "written for this project: abbreviations that stand before a number",
    &["no", "nos", "p", "pp", "vol", "art", "sec", "ch", "para"],
);
