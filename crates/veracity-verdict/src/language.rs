//! Documents in a language the claim and evidence models were not made
//! for: the analyzer, the stance model and the claim rules read English, so
//! such a document would add noise, not evidence. It is set aside: no
//! claims, passages or reviews from it, though the report still lists it.

use veracity_model::Document;

/// The languages (BCP 47 primary tags) the models read.
pub const MODEL_LANGUAGES: &[&str] = &["en"];
/// The detector confidence from which a document's language is trusted;
/// below it (or `und`) the document is read as usual.
pub const MIN_LANGUAGE_CONFIDENCE: f64 = 0.9;

/// Why `doc` carries no weight, when it is confidently in a language the
/// models do not read; `None` for every other document.
pub fn set_aside(doc: &Document) -> Option<String> {
    let detected = doc.detected_language.as_ref()?;
    if detected.is_undetermined()
        || detected.confidence < MIN_LANGUAGE_CONFIDENCE
        || MODEL_LANGUAGES.contains(&detected.code.as_str())
    {
        return None;
    }
    let name = detected.name.as_deref().unwrap_or(&detected.code);
    Some(format!(
        "document is in {name} ({}, confidence {:.2}); veracity's claim and evidence \
         models read English only; it carries no weight",
        detected.code, detected.confidence
    ))
}

/// True unless the document is set aside for its language (see [`set_aside`]).
pub fn carries_weight(doc: &Document) -> bool {
    set_aside(doc).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::doc;
    use veracity_model::DetectedLanguage;

    fn in_language(code: &str, name: &str, confidence: f64) -> Document {
        let mut d = doc("a", "Some text.");
        d.detected_language = Some(DetectedLanguage {
            code: code.into(),
            name: Some(name.into()),
            confidence,
        });
        d
    }

    #[test]
    fn only_confident_other_languages_are_set_aside() {
        assert!(carries_weight(&doc("a", "Some text.")));
        assert!(carries_weight(&in_language("en", "English", 1.0)));
        assert!(carries_weight(&in_language("ru", "Russian", 0.5)));
        let message = set_aside(&in_language("ru", "Russian", 0.97)).unwrap();
        assert!(
            message.starts_with("document is in Russian (ru, confidence 0.97)"),
            "{message}"
        );
        assert!(message.ends_with("it carries no weight"));
    }
}
