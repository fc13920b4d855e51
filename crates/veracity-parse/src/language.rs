//! The language of a document's text, recorded as a BCP 47 tag with a
//! confidence. English, nearly every input, is told cheaply by its function
//! words; other text goes to whatlang (trigram profiles, no model files),
//! which costs about ten times the rest of parsing on short documents.

use veracity_model::DetectedLanguage;

/// Bytes of text read (about 150 words): more adds time, not accuracy.
const SAMPLE_BYTES: usize = 1024;
/// Below this many letters a guess is noise: the language is `und`.
const MIN_LETTERS: usize = 40;
/// English function words: a fifth to a third of the words of any English
/// text, a few percent of a text in another language.
const ENGLISH_WORDS: [&str; 32] = [
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "had", "has", "have",
    "he", "his", "in", "is", "it", "its", "not", "of", "on", "said", "that", "the", "they", "this",
    "to", "was", "were", "with",
];
/// [`ENGLISH_WORDS`] packed as [`packed`] packs a word: one comparison of
/// integers per function word on the hot path, no byte-slice comparison.
const ENGLISH_PACKED: [u32; ENGLISH_WORDS.len()] = {
    let mut out = [0u32; ENGLISH_WORDS.len()];
    let mut i = 0;
    while i < out.len() {
        // The lookup packs words of up to four letters.
        assert!(ENGLISH_WORDS[i].len() <= 4);
        out[i] = packed(ENGLISH_WORDS[i].as_bytes());
        i += 1;
    }
    out
};

/// A word of at most four bytes as one integer (little-endian, zero
/// padded: no letter is a zero byte, so two words pack alike only when
/// equal).
const fn packed(word: &[u8]) -> u32 {
    let mut out = 0u32;
    let mut i = 0;
    while i < word.len() && i < 4 {
        out |= (word[i] as u32) << (8 * i);
        i += 1;
    }
    out
}

/// The share of English function words from which a text is English.
const ENGLISH_SHARE: f64 = 0.2;
/// Fewer words than this do not settle it by function words.
const MIN_WORDS: usize = 10;

/// Detects the language of `text` from its first kilobyte.
pub(crate) fn detect(text: &str) -> DetectedLanguage {
    let sample = &text[..text.floor_char_boundary_compat(SAMPLE_BYTES)];
    if is_english_by_function_words(sample) {
        return DetectedLanguage {
            code: "en".to_owned(),
            name: Some("English".to_owned()),
            confidence: 1.0,
        };
    }
    let letters = sample.chars().filter(|c| c.is_alphabetic()).count();
    let info = (letters >= MIN_LETTERS)
        .then(|| whatlang::detect(sample))
        .flatten();
    match info {
        Some(info) => DetectedLanguage {
            code: bcp47(info.lang()).to_owned(),
            name: Some(info.lang().eng_name().to_owned()),
            confidence: (info.confidence() * 100.0).round() / 100.0,
        },
        None => DetectedLanguage {
            code: DetectedLanguage::UNDETERMINED.to_owned(),
            name: None,
            confidence: 0.0,
        },
    }
}

/// True when at least [`ENGLISH_SHARE`] of the sample's words are English
/// function words. Words are runs of ASCII letters and non-ASCII bytes,
/// split on the bytes: no character decoding on this hot path.
fn is_english_by_function_words(sample: &str) -> bool {
    let (mut words, mut english) = (0usize, 0usize);
    let mut lower = [0u8; 4];
    for word in sample
        .as_bytes()
        .split(|&b| !(b.is_ascii_alphabetic() || b >= 0x80))
        .filter(|w| !w.is_empty())
    {
        words += 1;
        // Every function word has at most four (ASCII) letters.
        if word.len() <= lower.len() {
            let lower = &mut lower[..word.len()];
            lower.copy_from_slice(word);
            lower.make_ascii_lowercase();
            english += usize::from(ENGLISH_PACKED.contains(&packed(lower)));
        }
    }
    words >= MIN_WORDS && english as f64 >= ENGLISH_SHARE * words as f64
}

/// `str::floor_char_boundary` is not stable at the MSRV.
trait FloorCharBoundary {
    fn floor_char_boundary_compat(&self, index: usize) -> usize;
}

impl FloorCharBoundary for str {
    fn floor_char_boundary_compat(&self, index: usize) -> usize {
        if index >= self.len() {
            return self.len();
        }
        (0..=index)
            .rev()
            .find(|&i| self.is_char_boundary(i))
            .unwrap_or(0)
    }
}

/// The BCP 47 primary tag (the ISO 639-1 code) of a whatlang language;
/// whatlang names them by ISO 639-3 code.
fn bcp47(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match lang {
        Afr => "af",
        Aka => "ak",
        Amh => "am",
        Ara => "ar",
        Aze => "az",
        Bel => "be",
        Ben => "bn",
        Bul => "bg",
        Cat => "ca",
        Ces => "cs",
        Cmn => "zh",
        Dan => "da",
        Deu => "de",
        Ell => "el",
        Eng => "en",
        Epo => "eo",
        Est => "et",
        Fin => "fi",
        Fra => "fr",
        Guj => "gu",
        Heb => "he",
        Hin => "hi",
        Hrv => "hr",
        Hun => "hu",
        Hye => "hy",
        Ind => "id",
        Ita => "it",
        Jav => "jv",
        Jpn => "ja",
        Kan => "kn",
        Kat => "ka",
        Khm => "km",
        Kor => "ko",
        Lat => "la",
        Lav => "lv",
        Lit => "lt",
        Mal => "ml",
        Mar => "mr",
        Mkd => "mk",
        Mya => "my",
        Nep => "ne",
        Nld => "nl",
        Nob => "nb",
        Ori => "or",
        Pan => "pa",
        Pes => "fa",
        Pol => "pl",
        Por => "pt",
        Ron => "ro",
        Rus => "ru",
        Sin => "si",
        Slk => "sk",
        Slv => "sl",
        Sna => "sn",
        Spa => "es",
        Srp => "sr",
        Swe => "sv",
        Tam => "ta",
        Tel => "te",
        Tgl => "tl",
        Tha => "th",
        Tuk => "tk",
        Tur => "tr",
        Ukr => "uk",
        Urd => "ur",
        Uzb => "uz",
        Vie => "vi",
        Yid => "yi",
        Zul => "zu",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_english_from_russian() {
        let en = detect(
            "The minister said on Tuesday that the new bridge would open next spring, \
             two years later than planned, because of rising costs.",
        );
        assert_eq!(en.code, "en");
        assert!(en.confidence > 0.5, "{en:?}");
        let ru = detect(
            "Министр заявил во вторник, что новый мост откроется следующей весной, \
             на два года позже запланированного, из-за роста расходов.",
        );
        assert_eq!(ru.code, "ru");
        assert_eq!(ru.name.as_deref(), Some("Russian"));
        assert!(ru.confidence > 0.9, "{ru:?}");
    }

    #[test]
    fn english_is_told_by_function_words_others_by_whatlang() {
        let en = "The mayor said on Tuesday that the plant supplies forty percent of the \
                  water, a figure that the utility does not support in its report.";
        assert!(is_english_by_function_words(en));
        let de = "Der Bürgermeister sagte am Dienstag, dass die Anlage vierzig Prozent des \
                  Wassers liefert, eine Zahl, die das Versorgungsunternehmen nicht stützt.";
        assert!(!is_english_by_function_words(de));
        assert_eq!(detect(de).code, "de");
        let fr = "Le maire a déclaré mardi que l'usine fournit quarante pour cent de l'eau \
                  de la ville, un chiffre que le service des eaux ne confirme pas.";
        assert!(!is_english_by_function_words(fr));
        assert_eq!(detect(fr).code, "fr");
        // An English cookie banner over a Russian article does not make it English.
        let ru = "We use cookies to improve your experience. Министр заявил во вторник, что \
                  новый мост откроется следующей весной, на два года позже \
                  запланированного, из-за роста расходов на строительство и материалы.";
        assert!(!is_english_by_function_words(ru));
        assert_eq!(detect(ru).code, "ru");
    }

    #[test]
    fn short_text_is_undetermined() {
        let und = detect("OK, thanks!");
        assert!(und.is_undetermined());
        assert_eq!(und.confidence, 0.0);
    }

    #[test]
    fn samples_on_a_char_boundary() {
        // Three ASCII bytes before two-byte letters: the cut falls mid-letter.
        let text = format!(
            "abc{}",
            "Министр заявил во вторник, что мост откроется. ".repeat(80)
        );
        assert!(text.len() > SAMPLE_BYTES && !text.is_char_boundary(SAMPLE_BYTES));
        assert_eq!(detect(&text).code, "ru");
    }
}
