//! A check of a given claim over documents read from the index as the
//! check meets them gives the check over the whole collection read back,
//! and reads only the documents its searches touch and those with
//! published reviews.

use veracity_index::{EvidenceIndex, IndexWriter, Numbered};
use veracity_model::Document;
use veracity_verdict::{Checker, Documents, EngineRegistry, LexicalScorer};

const CLAIM: &str = "The Tarrow ferry carries 300 passengers every day";

fn parse(text: &str, location: &str) -> Vec<Document> {
    veracity_parse::parse_bytes(
        text.as_bytes(),
        location,
        &veracity_parse::Options::default(),
    )
    .unwrap()
}

/// 10 pages about the ferry, a fact-check of the claim, a page in Russian
/// and `unrelated` pages about other things, in one collection.
fn collection(unrelated: usize) -> Vec<Document> {
    let mut docs = Vec::new();
    for i in 0..unrelated / 2 {
        docs.extend(parse(
            &format!(
                "Elmford library report {i}\n\nThe Elmford library lent {} books in March. \
                 Its reading room opened on Sundays for {} weeks.",
                1000 + i,
                3 + i % 7
            ),
            &format!("library-{i}.txt"),
        ));
    }
    for i in 0..10 {
        docs.extend(parse(
            &format!(
                "Ferry story {i}\n\n\"The Tarrow ferry carries 300 passengers every day,\" said \
                 Ines Okafor, the harbor master. The harbor office's report says ridership was \
                 {} passengers a day in 2025.",
                110 + i
            ),
            &format!("ferry-{i}.txt"),
        ));
    }
    docs.extend(parse(
        r#"<html><head><title>Fact check: the Tarrow ferry</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "ClaimReview",
"claimReviewed": "The Tarrow ferry carries 300 passengers every day",
"author": {"@type": "Organization", "name": "Harbor Checks"}, "datePublished": "2026-01-02",
"reviewRating": {"@type": "Rating", "ratingValue": 2, "bestRating": 5, "worstRating": 1,
"alternateName": "Mostly False"}}</script></head>
<body><article><h1>Fact check: the Tarrow ferry</h1>
<p>Ines Okafor said the ferry carries 300 passengers every day. The harbor office's own
annual report puts ridership at 118 passengers a day.</p></article></body></html>"#,
        "fact-check.html",
    ));
    docs.extend(parse(
        "Паром Тарроу\n\nПаром Тарроу перевозит триста пассажиров каждый день, сказала \
         начальник порта. Годовой отчёт портового управления говорит о ста восемнадцати \
         пассажирах в день.",
        "ru/ferry.txt",
    ));
    for i in unrelated / 2..unrelated {
        docs.extend(parse(
            &format!(
                "Orchard notes {i}\n\nVolunteers planted {} apple trees along the river in \
                 spring. The orchard committee meets on Thursdays.",
                200 + i
            ),
            &format!("orchard-{i}.txt"),
        ));
    }
    docs
}

/// `docs` indexed in a temporary folder (kept while the index is used).
fn indexed(docs: &[Document]) -> (tempfile::TempDir, EvidenceIndex) {
    let dir = tempfile::tempdir().unwrap();
    let mut writer = IndexWriter::create(dir.path()).unwrap();
    for d in docs {
        writer.add(d).unwrap();
    }
    writer.commit().unwrap();
    let index = EvidenceIndex::open(dir.path()).unwrap();
    (dir, index)
}

/// [`CLAIM`] as `checker` completes it, and its verdict by the evidence
/// engine.
fn check(checker: &Checker) -> (Vec<veracity_model::Claim>, veracity_model::Verdict) {
    let engines = EngineRegistry::builtin();
    let scales = veracity_model::ScaleRegistry::builtin();
    let engine = engines.require("evidence").unwrap();
    let scale = scales.get("veracity").unwrap();
    let claims = checker.claims(&[CLAIM.to_owned()], Default::default());
    let verdict = checker.verdict(&claims[0], engine, scale, 20).unwrap();
    (claims, verdict)
}

#[test]
fn a_given_claim_reads_the_documents_it_touches_and_gives_the_whole_check() {
    let docs = collection(300);
    let (_dir, index) = indexed(&docs);

    let whole = index.collection().unwrap();
    let eager = Checker::with_retriever(
        &whole.documents,
        Box::new(index.retriever(&whole)),
        &LexicalScorer,
    );
    let (claims, verdict) = check(&eager);

    let stored = index.stored_documents().unwrap();
    assert_eq!(stored.len(), docs.len());
    let lazy = Checker::over(
        Box::new(&stored),
        Box::new(index.retriever(&stored)),
        &LexicalScorer,
    );
    assert_eq!(check(&lazy), (claims.clone(), verdict.clone()));
    assert!(stored.failure().is_none());

    // The published review was found without reading every document.
    assert_eq!(verdict.reviews.len(), 1, "{verdict:#?}");
    assert!(!claims[0].appearances.is_empty());
    let read = stored.read();
    assert!(
        read < 40,
        "read {read} of {} documents for one claim",
        docs.len()
    );
    // Places and numbers agree with the collection read whole.
    for (place, doc) in whole.documents.iter().enumerate() {
        if stored.place_of(&doc.id).is_some() {
            assert_eq!(stored.get(place), doc);
        }
    }
    assert_eq!(
        stored.place_of_number(0),
        whole.place_of_number(0),
        "document number 0"
    );
    // The Russian page is known as set aside without reading the others.
    let aside: Vec<_> = stored
        .set_aside()
        .map(|d| d.source.location.clone())
        .collect();
    assert_eq!(aside, ["ru/ferry.txt"]);
    assert!(stored.notes().is_empty());
}

/// Copies of one sentence in hundreds of documents: the checker keeps at
/// most three of a text, and the index's text keys tell the copies apart
/// without reading the documents they are in.
#[test]
fn copies_of_a_claim_are_capped_without_reading_their_documents() {
    let mut docs = collection(40);
    for i in 0..300 {
        docs.extend(parse(
            &format!(
                "Ferry digest {i}\n\nThe Tarrow ferry carries 300 passengers every day.\n\n\
                 Harbor notes for week {i}."
            ),
            &format!("digest-{i}.txt"),
        ));
    }
    let (_dir, index) = indexed(&docs);

    // The index's keys are the checker's hash of each passage's text.
    let whole = index.collection().unwrap();
    let retriever = index.retriever(&whole);
    use veracity_verdict::Retriever;
    let hits = retriever.search("ferry passengers harbor week library orchard", 2000);
    assert!(hits.len() > 300);
    for p in hits.iter().map(|h| h.passage) {
        let passage = retriever.passage(p);
        let text = whole.documents[passage.doc as usize].slice(passage.span);
        assert_eq!(
            retriever.text_key(p),
            Some(veracity_verdict::text_key(text))
        );
    }

    let eager = Checker::with_retriever(&whole.documents, Box::new(&retriever), &LexicalScorer);
    let stored = index.stored_documents().unwrap();
    let lazy = Checker::over(
        Box::new(&stored),
        Box::new(index.retriever(&stored)),
        &LexicalScorer,
    );
    assert_eq!(check(&lazy), check(&eager));
    let read = stored.read();
    assert!(read < 100, "read {read} of {} documents", docs.len());
}

/// Claims found in the collection: extraction reads every document once
/// and keeps none, so the documents held are those the claims it rates
/// touch; the claims and verdicts are those of the collection read whole.
#[test]
fn claims_found_read_every_document_once_and_keep_what_they_cite() {
    let docs = collection(300);
    let (_dir, index) = indexed(&docs);
    let options = veracity_verdict::ClaimOptions {
        max_claims: 1,
        sentences: true,
    };
    let engines = EngineRegistry::builtin();
    let engine = engines.require("evidence").unwrap();
    let scales = veracity_model::ScaleRegistry::builtin();
    let scale = scales.get("veracity").unwrap();
    let found = |checker: &Checker| {
        let (claims, count) = checker.claims_counted(&[], options);
        let verdicts: Vec<_> = claims
            .iter()
            .map(|c| checker.verdict(c, engine, scale, 20).unwrap())
            .collect();
        (claims, count, verdicts)
    };

    let whole = index.collection().unwrap();
    let eager = Checker::with_retriever(
        &whole.documents,
        Box::new(index.retriever(&whole)),
        &LexicalScorer,
    );
    let stored = index.stored_documents().unwrap();
    let lazy = Checker::over(
        Box::new(&stored),
        Box::new(index.retriever(&stored)),
        &LexicalScorer,
    );
    let (claims, count, verdicts) = found(&lazy);
    assert_eq!((claims.clone(), count, verdicts), found(&eager));
    assert!(stored.failure().is_none());
    // The reviewed claim comes first, and more claims were counted.
    assert_eq!(claims[0].text, CLAIM);
    assert!(count.found > 1, "{count:?}");
    let read = stored.read();
    assert!(
        read < 40,
        "kept {read} of {} documents for one claim found",
        docs.len()
    );
}

/// Every claim found, rated a few at a time, each run on a window of its
/// own: the store itself keeps no document, a window the documents of its
/// run, and the claims and verdicts are those of the collection read
/// whole.
#[test]
fn claims_rated_in_windows_keep_one_runs_documents() {
    let docs = collection(300);
    let (_dir, index) = indexed(&docs);
    let options = veracity_verdict::ClaimOptions {
        max_claims: usize::MAX,
        sentences: true,
    };
    let engines = EngineRegistry::builtin();
    let engine = engines.require("evidence").unwrap();
    let scales = veracity_model::ScaleRegistry::builtin();
    let scale = scales.get("veracity").unwrap();

    let whole = index.collection().unwrap();
    let eager = Checker::with_retriever(
        &whole.documents,
        Box::new(index.retriever(&whole)),
        &LexicalScorer,
    );
    let (claims, count) = eager.claims_counted(&[], options);
    let verdicts: Vec<_> = claims
        .iter()
        .map(|c| eager.verdict(c, engine, scale, 20).unwrap())
        .collect();
    assert!(claims.len() >= 4, "{} claims", claims.len());

    let stored = index.stored_documents().unwrap();
    let (found, windowed_count, mut reviews) = {
        let window = stored.window();
        let checker = Checker::over(
            Box::new(&window),
            Box::new(index.retriever(&window)),
            &LexicalScorer,
        );
        let (found, count) = checker.find_claims(&[], options);
        (found.collect::<Vec<_>>(), count, checker.into_reviews())
    };
    assert_eq!(windowed_count, count);
    let (mut rated, mut most_read, mut reads) = (Vec::new(), 0, 0);
    for run in found.chunks(2) {
        let window = stored.window();
        let checker = Checker::over_reviewed(
            Box::new(&window),
            Box::new(index.retriever(&window)),
            &LexicalScorer,
            reviews,
        );
        for claim in run {
            let mut claim = claim.clone();
            checker.complete_claims(std::slice::from_mut(&mut claim));
            let verdict = checker.verdict(&claim, engine, scale, 20).unwrap();
            rated.push((claim, verdict));
        }
        reviews = checker.into_reviews();
        most_read = most_read.max(window.read());
        reads += window.read();
    }
    let (windowed_claims, windowed_verdicts): (Vec<_>, Vec<_>) = rated.into_iter().unzip();
    assert_eq!(windowed_claims, claims);
    assert_eq!(windowed_verdicts, verdicts);
    assert!(stored.failure().is_none());
    assert_eq!(stored.read(), 0, "the store kept documents");
    // Each window read what its run's searches touched (the claims'
    // documents looked at for a speaker are not kept: 150 library reports
    // state one claim), some of it read again by the next: nothing was
    // kept from one run to the next.
    assert!(
        most_read < 100 && reads > most_read,
        "windows of 2 claims read at most {most_read}, {reads} in all, of {} documents",
        docs.len()
    );
}

#[test]
fn a_document_is_found_by_its_id_before_it_is_read_and_at_its_first_place() {
    // The same page in two files has one id; its first place is the first file's.
    let mut docs = collection(6);
    let copy = parse(
        "Ferry story 0\n\n\"The Tarrow ferry carries 300 passengers every day,\" said \
         Ines Okafor, the harbor master. The harbor office's report says ridership was \
         110 passengers a day in 2025.",
        "ferry-0-again.txt",
    );
    let first = docs.iter().position(|d| d.id == copy[0].id).unwrap();
    docs.extend(copy);
    let last = docs.len() - 1;
    let (_dir, index) = indexed(&docs);
    let stored = index.stored_documents().unwrap();
    // The later copy read first does not make it the first place.
    assert_eq!(stored.get(last).id, docs[first].id);
    assert_eq!(stored.place_of(&docs[first].id), Some(first));
    assert_eq!(stored.read(), 1, "only the copy read, the id looked up");
    // Every document by its id, none of them read.
    let fresh = index.stored_documents().unwrap();
    for (place, doc) in docs.iter().enumerate().take(last) {
        assert_eq!(fresh.place_of(&doc.id), Some(place), "{}", doc.id);
    }
    assert_eq!(fresh.read(), 0);
    assert_eq!(
        fresh.place_of(&veracity_model::DocumentId("doc-not-there".to_owned())),
        None
    );
}
