//! No input makes the parser panic: random bytes and mangled text and JSON
//! through every entry point. Every span it returns fits its text.

use proptest::prelude::*;
use veracity_parse::{Options, parse};

const SEEDS: &[&str] = &[
    include_str!("fixtures/tag-page.txt"),
    include_str!("fixtures/fact-check.txt"),
    include_str!("fixtures/claimreview.json"),
    include_str!("fixtures/factcheck-api.json"),
    include_str!("fixtures/page.html"),
];

fn check(bytes: &[u8]) {
    if let Ok(parsed) = parse(bytes, "fuzz", &Options { max_size: 1 << 20 }) {
        for d in parsed.documents {
            assert!(d.check_spans().is_empty(), "{:?}", d.check_spans());
        }
    }
}

/// Mangles a seed: cuts, splices in random text, and duplicates bytes.
fn mangled() -> impl Strategy<Value = Vec<u8>> {
    (
        0..SEEDS.len(),
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        prop::collection::vec(
            prop_oneof![
                Just("\u{201c}".to_owned()),
                Just("\u{201d}".to_owned()),
                Just("\"".to_owned()),
                Just(" said ".to_owned()),
                Just("\n\n".to_owned()),
                Just(". ".to_owned()),
                Just("\u{2014}".to_owned()),
                Just("October 5, 2016".to_owned()),
                Just("By ".to_owned()),
                Just("{".to_owned()),
                "\\PC{0,12}",
            ],
            0..12,
        ),
    )
        .prop_map(|(seed, cut, at, inserts)| {
            let mut bytes = SEEDS[seed].as_bytes().to_vec();
            let cut = cut.index(bytes.len() + 1);
            bytes.truncate(cut.max(bytes.len() / 2));
            for piece in inserts {
                let at = at.index(bytes.len() + 1);
                bytes.splice(at..at, piece.into_bytes());
            }
            bytes
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check(&bytes);
    }

    #[test]
    fn random_text(text in "\\PC{0,400}") {
        check(text.as_bytes());
    }

    #[test]
    fn mangled_inputs(bytes in mangled()) {
        check(&bytes);
        // Cut at any byte, including inside a UTF-8 sequence.
        check(&bytes[..bytes.len() / 3]);
    }

    #[test]
    fn mangled_lines_of_text(lines in prop::collection::vec("[A-Za-z“”\"'., —:0-9]{0,80}", 0..30)) {
        check(lines.join("\n").as_bytes());
        check(lines.join("\n\n").as_bytes());
    }
}
