//! The persistent index gives the in-memory index's hits, scores and
//! verdicts, and replaces a file indexed again.

use veracity_index::{EvidenceIndex, IndexWriter};
use veracity_model::Document;
use veracity_verdict::{Checker, ClaimOptions, EngineRegistry, Index, LexicalScorer, Retriever};

const TOPICS: &[&str] = &[
    "The Tarrow ferry carried 300 passengers a day in 2025, the harbor office said.",
    "Ridership on the Tarrow ferry fell to 120 passengers a day after the fare rose.",
    "\"The ferry carries 300 passengers every day,\" said Ines Okafor, the harbor master.",
    "The new library in Elmford opened with 40,000 books and a reading room.",
    "Volunteers planted 2,000 trees along the river in Elmford last spring.",
    "The harbor office's annual report says ferry ridership was 118 passengers a day.",
];

fn documents(n: usize, salt: &str) -> Vec<Document> {
    (0..n)
        .flat_map(|i| {
            let text = format!(
                "Ferry report {i}{salt}\n\n{} {}\n\n{} Short.",
                TOPICS[i % TOPICS.len()],
                TOPICS[(i * 5 + 1) % TOPICS.len()],
                TOPICS[(i * 7 + 2) % TOPICS.len()]
            );
            veracity_parse::parse_bytes(
                text.as_bytes(),
                &format!("doc-{i}.txt"),
                &veracity_parse::Options::default(),
            )
            .unwrap_or_default()
        })
        .collect()
}

fn build(dir: &std::path::Path, docs: &[Document]) {
    let mut writer = IndexWriter::create(dir).unwrap();
    for d in docs {
        writer.add(d).unwrap();
    }
    writer.commit().unwrap();
}

#[test]
fn hits_and_verdicts_equal_the_in_memory_index() {
    let docs = documents(40, "");
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), &docs);
    let opened = EvidenceIndex::open(dir.path()).unwrap();
    assert_eq!(opened.documents, docs);
    let memory = Index::build(&docs);
    let disk = opened.retriever();
    assert_eq!(Retriever::len(&memory), disk.len());
    for query in [
        "The Tarrow ferry carries 300 passengers a day",
        "trees planted Elmford",
        "books",
        "zyzzyva",
    ] {
        let a: Vec<_> = Retriever::search(&memory, query, 15)
            .into_iter()
            .map(|h| (memory.passages()[h.passage as usize], h.score, h.relevance))
            .collect();
        let b: Vec<_> = disk
            .search(query, 15)
            .into_iter()
            .map(|h| (disk.passage(h.passage), h.score, h.relevance))
            .collect();
        assert_eq!(a, b, "{query}");
    }
    let engines = EngineRegistry::builtin();
    let scale = veracity_model::ScaleRegistry::builtin()
        .get("veracity")
        .unwrap();
    let in_memory = Checker::new(&docs, &LexicalScorer);
    let on_disk = Checker::with_retriever(
        &opened.documents,
        Box::new(opened.retriever()),
        &LexicalScorer,
    );
    let verdicts = |c: &Checker| {
        let claims = c.claims(&[], ClaimOptions::default());
        let v: Vec<_> = claims
            .iter()
            .map(|claim| {
                c.verdict(claim, engines.require("evidence").unwrap(), scale, 20)
                    .unwrap()
            })
            .collect();
        serde_json::to_string(&(claims, v)).unwrap()
    };
    assert_eq!(verdicts(&in_memory), verdicts(&on_disk));
}

#[test]
fn a_file_indexed_again_replaces_its_documents() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), &documents(10, ""));
    let changed = documents(3, " (updated)");
    let mut writer = IndexWriter::append(dir.path()).unwrap();
    for d in &changed {
        writer.add(d).unwrap();
    }
    let summary = writer.commit().unwrap();
    assert_eq!(summary.replaced_files, 3);
    let opened = EvidenceIndex::open(dir.path()).unwrap();
    assert_eq!(opened.documents.len(), 10);
    // The three files now hold their new text, at the end of the collection.
    let titles: Vec<_> = opened.documents[7..]
        .iter()
        .map(|d| d.title.clone().unwrap_or_default())
        .collect();
    assert!(titles.iter().all(|t| t.contains("updated")), "{titles:?}");
    // The statistics are those of a fresh index of the same documents.
    let fresh = tempfile::tempdir().unwrap();
    build(fresh.path(), &opened.documents);
    let rebuilt = EvidenceIndex::open(fresh.path()).unwrap();
    let (a, b) = (opened.stats(), rebuilt.stats());
    assert_eq!(
        (a.documents, a.passages, a.words),
        (b.documents, b.passages, b.words)
    );
    let q = "ferry passengers a day";
    let hits = |r: &dyn Retriever| -> Vec<_> {
        r.search(q, 10)
            .into_iter()
            .map(|h| (r.passage(h.passage), h.score))
            .collect()
    };
    assert_eq!(hits(&opened.retriever()), hits(&rebuilt.retriever()));
}

#[test]
fn refuses_what_is_not_an_index() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        EvidenceIndex::open(dir.path()),
        Err(veracity_index::Error::NotAnIndex { .. })
    ));
    std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
    assert!(matches!(
        IndexWriter::create(dir.path()),
        Err(veracity_index::Error::Exists { .. })
    ));
}
