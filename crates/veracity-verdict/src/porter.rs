//! The Porter stemmer used for retrieval: the stance model's own
//! (`stance::tokenize::stem_into`), so retrieval and stance see the same stems.

/// The Porter stem of a lowercase word.
pub fn stem(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    crate::stance::tokenize::stem_into(word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn porter_examples() {
        for (w, s) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("sing", "sing"),
            ("conflated", "conflat"),
            ("hopping", "hop"),
            ("falling", "fall"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("generalization", "gener"),
            ("supplies", "suppli"),
            ("supplied", "suppli"),
            ("strikes", "strike"),
            ("striking", "strike"),
            ("adoption", "adopt"),
            ("controlling", "control"),
            ("desalination", "desalin"),
            ("is", "is"),
            ("zürich", "zürich"),
        ] {
            assert_eq!(stem(w), s, "{w}");
        }
    }
}
