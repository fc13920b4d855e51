//! A page in a language the models do not read (Russian, mixed into an
//! English collection) is recorded as such, gets a diagnostic, and carries
//! no weight: a claim gets the same verdict with it as without it.

use std::path::PathBuf;
use veracity::{CheckOptions, Corpus, IngestOptions, check, ingest};
use veracity_model::{Document, Report};

/// A Russian news page about the example corpus's story, with an English
/// cookie banner and the mayor's words quoted in English, as such pages do.
const RUSSIAN_PAGE: &str = r#"<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8">
<title>We use cookies to improve your experience</title></head>
<body>
<div class="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies?</p></div>
<article>
<h1>Мэр Порт-Олдера рассказала об опреснительной станции</h1>
<p>Мэр города Port Alder Дана Уитфилд во вторник заявила в интервью местному
телеканалу, что новая опреснительная станция Kestrel Point уже обеспечивает
сорок процентов питьевой воды города и снизила счета за воду для жителей.</p>
<p>«Our new desalination plant already supplies forty percent of the city's drinking
water», — сказала она. По словам мэра, счета домохозяйств сократились на пятую часть.</p>
<p>Однако в годовом отчёте городского управления водоснабжения говорится, что в
прошлом году станция дала лишь двенадцать процентов питьевой воды, а в июле и
августе она простаивала сорок один день из-за ремонта мембран.</p>
<p>Представители управления отказались комментировать заявление мэра до
публикации полного отчёта, которая ожидается в следующем месяце.</p>
</article></body></html>"#;

const CLAIM: &str = "Port Alder's desalination plant supplies 40% of the city's drinking water.";

fn english() -> Vec<Document> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let corpus = ingest(&[dir], &IngestOptions::default());
    // The corpus is English: no page is set aside (cut notes may remain).
    assert!(
        corpus
            .diagnostics
            .iter()
            .all(|d| !d.message.contains("carries no weight")),
        "{:?}",
        corpus.diagnostics
    );
    corpus.documents
}

fn russian() -> Document {
    let parsed = veracity_parse::parse(
        RUSSIAN_PAGE.as_bytes(),
        "ru/port-alder.html",
        &Default::default(),
    )
    .unwrap();
    assert_eq!(parsed.documents.len(), 1);
    parsed.documents.into_iter().next().unwrap()
}

fn run(docs: Vec<Document>) -> Report {
    check(
        Corpus::from_documents(docs),
        &[CLAIM.to_owned()],
        &CheckOptions::default(),
    )
    .unwrap()
}

#[test]
fn english_pages_are_detected_as_english() {
    for d in english() {
        let lang = d.detected_language.as_ref().unwrap();
        assert_eq!(lang.code, "en", "{}: {lang:?}", d.source.location);
        assert!(veracity_verdict::carries_weight(&d));
    }
}

#[test]
fn a_russian_page_is_recorded_flagged_and_weightless() {
    let ru = russian();
    let lang = ru.detected_language.clone().unwrap();
    assert_eq!(lang.code, "ru");
    assert_eq!(lang.name.as_deref(), Some("Russian"));
    assert!(lang.confidence >= veracity_verdict::MIN_LANGUAGE_CONFIDENCE);

    let alone = run(english());
    let mut mixed_docs = english();
    mixed_docs.insert(2, ru.clone());
    let mixed = run(mixed_docs.clone());

    // The same verdict, with or without the Russian page.
    assert_eq!(alone.claims, mixed.claims);
    assert_eq!(alone.verdicts, mixed.verdicts);
    // Counted in the collection, set aside, never cited, with a
    // diagnostic that says why.
    assert_eq!(mixed.collection.documents, alone.collection.documents + 1);
    assert_eq!(
        (alone.collection.set_aside, mixed.collection.set_aside),
        (0, 1)
    );
    assert!(mixed.documents.iter().all(|d| d.id != ru.id));
    let notes: Vec<_> = mixed
        .diagnostics
        .iter()
        .filter(|d| d.source == "ru/port-alder.html")
        .collect();
    assert_eq!(notes.len(), 1, "{:?}", mixed.diagnostics);
    assert!(
        notes[0].message.starts_with("document is in Russian")
            && notes[0].message.contains("models read English only")
            && notes[0].message.ends_with("it carries no weight"),
        "{}",
        notes[0].message
    );
    assert!(alone.diagnostics.is_empty());

    // Without its language the page would have weighed in: it quotes the
    // claim, so it would be an appearance of it.
    let ru_id = ru.id.clone();
    for d in &mut mixed_docs {
        d.detected_language = None;
    }
    let unguarded = run(mixed_docs);
    assert!(
        unguarded.claims[0]
            .appearances
            .iter()
            .any(|a| a.document == ru_id),
        "{:?}",
        unguarded.claims[0].appearances
    );
    assert!(
        mixed.claims[0]
            .appearances
            .iter()
            .all(|a| a.document != ru_id)
    );
}

#[test]
fn claims_found_in_a_mix_come_from_the_english_pages_only() {
    let ru = russian();
    let mut docs = english();
    docs.push(ru.clone());
    let report = check(Corpus::from_documents(docs), &[], &CheckOptions::default()).unwrap();
    assert!(!report.claims.is_empty());
    for claim in &report.claims {
        assert!(
            claim.appearances.iter().all(|a| a.document != ru.id),
            "{claim:?}"
        );
    }
    for verdict in &report.verdicts {
        assert!(verdict.evidence.iter().all(|e| e.document != ru.id));
    }
}
