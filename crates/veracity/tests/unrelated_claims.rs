//! A claim that nothing in the collection bears on is `unverified`, and
//! documents about something else do not move any verdict.

use std::path::PathBuf;
use veracity::{CheckOptions, Corpus, IngestOptions, check, ingest};
use veracity_model::RatingClass;

fn corpus() -> Corpus {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    ingest(&[dir], &IngestOptions::default())
}

fn verdicts(corpus: Corpus, claims: &[String]) -> Vec<(String, RatingClass)> {
    let report = check(corpus, claims, &CheckOptions::default()).unwrap();
    report
        .claims
        .iter()
        .zip(&report.verdicts)
        .map(|(c, v)| (c.text.clone(), v.rating.class))
        .collect()
}

#[test]
fn made_up_claims_and_word_salad_are_unverified() {
    // About 100 KB of words: made-up ones from a fixed generator, with the
    // collection's own topic words scattered through.
    let topic = [
        "plant", "water", "city", "percent", "mayor", "bill", "forty",
    ];
    let mut state = 7u64;
    let salad: Vec<String> = (0..16_000)
        .map(|i| {
            if i % 9 == 0 {
                return topic[i % topic.len()].to_owned();
            }
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (0..4 + (state >> 62) as usize)
                .map(|k| (b'a' + ((state >> (8 * k)) % 26) as u8) as char)
                .collect()
        })
        .collect();
    let claims = vec![
        "The desalination plant is painted purple".to_owned(),
        "banana orbit seventeen cathedral whisper lantern".to_owned(),
        salad.join(" "),
    ];
    for (claim, class) in verdicts(corpus(), &claims) {
        assert_eq!(
            class,
            RatingClass::Unverified,
            "{}",
            claim.chars().take(60).collect::<String>()
        );
    }
}

#[test]
fn unrelated_documents_do_not_change_verdicts() {
    let before = verdicts(corpus(), &[]);
    let mut more = corpus();
    let extra = [
        "Volunteers planted 400 oak saplings along the river path on Sunday. The parks department said the trees would be watered through the summer.",
        "The county library extends its weekend opening hours from March. Visitors can borrow up to twelve books at a time.",
        "A regional orchestra announced a new season of twelve concerts, opening with a programme of Sibelius and Grieg.",
    ];
    for (i, text) in extra.iter().enumerate() {
        let parsed = veracity_parse::parse(
            text.as_bytes(),
            &format!("extra-{i}.txt"),
            &Default::default(),
        )
        .unwrap();
        more.documents.extend(parsed.documents);
    }
    let claims: Vec<String> = before.iter().map(|(c, _)| c.clone()).collect();
    let given_before = verdicts(corpus(), &claims);
    let after = verdicts(more.clone(), &claims);
    assert_eq!(given_before, after);
    assert!(!before.is_empty());

    // The report counts the pages about something else but does not list
    // them: it lists the documents its claims and verdicts cite.
    let report = check(more, &claims, &CheckOptions::default()).unwrap();
    assert_eq!(report.collection.documents, corpus().documents.len() + 3);
    let cited = report.cited_ids();
    assert!(!cited.is_empty());
    assert_eq!(report.documents.len(), cited.len());
    assert!(report.documents.iter().all(|d| cited.contains(&d.id)));
    assert!(
        report
            .documents
            .iter()
            .all(|d| !d.source.location.starts_with("extra-"))
    );
}

/// An outlet that states the claim's fact in its own voice is evidence,
/// not an appearance of the claim: the same fact said by an official and
/// confirmed by independent accounts is not left unverified.
#[test]
fn independent_outlets_stating_the_fact_support_it() {
    let pages = [
        (
            "council.txt",
            "Bridge opens\n\nTreasurer Ilse Marwood said on Friday that the Aldgate bridge cost 40 million euros to build.",
        ),
        (
            "audit.txt",
            "Audit office publishes final accounts\n\nThe Aldgate bridge cost 40 million euros to build, the final accounts of the regional audit office show.",
        ),
        (
            "gazette.txt",
            "Aldgate bridge came in on budget\n\nThe Aldgate bridge cost 40 million euros to build, in line with the budget set in 2021.",
        ),
    ];
    let mut corpus = veracity::Corpus::from_documents(Vec::new());
    for (name, text) in pages {
        let parsed = veracity_parse::parse(text.as_bytes(), name, &Default::default()).unwrap();
        corpus.documents.extend(parsed.documents);
    }
    let claim = "Treasurer Ilse Marwood says the Aldgate bridge cost 40 million euros to build.";
    let report = check(corpus, &[claim.to_owned()], &CheckOptions::default()).unwrap();
    let v = &report.verdicts[0];
    assert!(
        matches!(v.rating.class, RatingClass::True | RatingClass::MostlyTrue),
        "{}",
        v.explanation
    );
}
