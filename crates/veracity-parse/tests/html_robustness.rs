//! `html::extract` never panics: random bytes, and real-looking pages cut
//! and spliced at random places.

use proptest::prelude::*;
use veracity_parse::html::extract;

const PAGES: [&str; 3] = [
    include_str!("fixtures/news.html"),
    include_str!("fixtures/claimreview.html"),
    include_str!("fixtures/malformed.html"),
];

/// Bytes that make HTML and JSON-LD parsers work hard.
const PIECES: [&str; 16] = [
    "<",
    ">",
    "</",
    "<!--",
    "-->",
    "<script type=\"application/ld+json\">",
    "</script>",
    "{\"@type\":",
    "\"ClaimReview\"",
    "[",
    "]",
    "\"",
    "<p>",
    "<table><td>",
    "&amp;",
    "\u{feff}é\u{200b}",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = extract(&bytes, None);
    }

    #[test]
    fn mangled_pages(
        page in 0usize..PAGES.len(),
        cut in 0usize..4096,
        len in 0usize..4096,
        inserts in proptest::collection::vec((0usize..4096, 0usize..PIECES.len()), 0..12),
    ) {
        let src = PAGES[page].as_bytes();
        let start = cut.min(src.len());
        let end = (start + len).min(src.len());
        let mut bytes = src.to_vec();
        bytes.drain(start..end);
        for (at, piece) in inserts {
            let at = at.min(bytes.len());
            bytes.splice(at..at, PIECES[piece].bytes());
        }
        let _ = extract(&bytes, Some("https://example.com/a/b"));
    }
}
