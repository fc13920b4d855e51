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
    let collection = opened.collection().unwrap();
    assert_eq!(collection.documents, docs);
    let memory = Index::build(&docs);
    let disk = opened.retriever(&collection);
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
        &collection.documents,
        Box::new(opened.retriever(&collection)),
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

/// Documents of sentences drawn from word pools of different sizes (a
/// fixed sequence of pseudo-random numbers): common and rare terms,
/// passages of many lengths, some repeated sentences, so the pruned
/// search meets full tops, rising thresholds and ties.
fn varied_documents(n: usize) -> Vec<Document> {
    const COMMON: &[&str] = &["harbor", "ferry", "city", "water", "report", "council"];
    const MIDDLE: &[&str] = &[
        "tunnel", "budget", "school", "bridge", "tariff", "museum", "orchard", "station", "garden",
        "canal", "market", "stadium",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |m: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) as usize) % m
    };
    (0..n)
        .flat_map(|i| {
            let mut text = format!("Bulletin {i}\n\n");
            for s in 0..3 + next(5) {
                if next(7) == 0 {
                    text.push_str("The ferry council approved the harbor budget for the canal. ");
                    continue;
                }
                let mut words = vec!["The".to_owned()];
                for _ in 0..4 + next(14) {
                    words.push(match next(3) {
                        0 => COMMON[next(COMMON.len())].to_owned(),
                        1 => MIDDLE[next(MIDDLE.len())].to_owned(),
                        _ => format!("rare{}", next(400)),
                    });
                }
                text.push_str(&words.join(" "));
                text.push_str(if s % 2 == 0 { ". " } else { ".\n\n" });
            }
            veracity_parse::parse_bytes(
                text.as_bytes(),
                &format!("bulletin-{i}.txt"),
                &veracity_parse::Options::default(),
            )
            .unwrap_or_default()
        })
        .collect()
}

#[test]
fn pruned_search_equals_the_exhaustive_one() {
    let docs = varied_documents(300);
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), &docs);
    // Replace a few files, so some postings are deleted ones.
    let mut writer = IndexWriter::append(dir.path()).unwrap();
    for d in &varied_documents(12)[..5] {
        writer.add(d).unwrap();
    }
    writer.commit().unwrap();
    let opened = EvidenceIndex::open(dir.path()).unwrap();
    let collection = opened.collection().unwrap();
    let memory = Index::build(&collection.documents);
    let disk = opened.retriever(&collection);
    // More terms than a passage's set of proposing lists has bits for.
    let long = (0..70)
        .map(|i| format!("rare{}", i * 5))
        .chain(["harbor", "tunnel", "ferry"].map(String::from))
        .collect::<Vec<_>>()
        .join(" ");
    let queries = [
        long.as_str(),
        "The ferry council approved the harbor budget for the canal",
        "harbor ferry city water report council",
        "tunnel rare17 rare302 market",
        "rare5",
        "water water bridge stadium rare88 rare89 rare90 rare91 orchard",
        "the",
    ];
    let at = |r: &dyn Retriever, p: u32| {
        let p = r.passage(p);
        (p.doc, p.span)
    };
    for query in queries {
        for k in [1, 3, 10, 50, 400] {
            let a: Vec<_> = Retriever::search(&memory, query, k)
                .into_iter()
                .map(|h| (at(&memory, h.passage), h.score, h.relevance))
                .collect();
            let b: Vec<_> = disk
                .search(query, k)
                .into_iter()
                .map(|h| (at(&disk, h.passage), h.score, h.relevance))
                .collect();
            assert_eq!(a, b, "{query} top {k}");
            // A filter that turns away the passages of even documents
            // (asked in rank order) makes the search rank further.
            let odd = |r: &dyn Retriever| {
                let mut asked = Vec::new();
                let hits: Vec<_> = r
                    .search_where(query, k, &mut |p| {
                        asked.push(at(r, p));
                        r.passage(p).doc % 2 == 1
                    })
                    .into_iter()
                    .map(|h| (at(r, h.passage), h.score))
                    .collect();
                (hits, asked)
            };
            assert_eq!(odd(&memory), odd(&disk), "{query} top {k}, odd");
        }
        // Scores of passages found another way, holding a query term or
        // not: the passages of a broad query, in both indexes.
        let broad = "harbor ferry city water report council tunnel budget bulletin";
        let ids = |r: &dyn Retriever| -> Vec<u32> {
            r.search(broad, 100_000)
                .into_iter()
                .step_by(5)
                .map(|h| h.passage)
                .collect()
        };
        let (a, b) = (ids(&memory), ids(&disk));
        assert_eq!(a.len(), b.len());
        let scores = |r: &dyn Retriever, ids: &[u32]| -> Vec<_> {
            r.score(query, ids)
                .into_iter()
                .map(|h| (at(r, h.passage), h.score, h.relevance))
                .collect()
        };
        assert_eq!(scores(&memory, &a), scores(&disk, &b), "{query} scores");
    }
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
    let collection = opened.collection().unwrap();
    assert_eq!(collection.documents.len(), 10);
    // The three files now hold their new text, at the end of the collection.
    let titles: Vec<_> = collection.documents[7..]
        .iter()
        .map(|d| d.title.clone().unwrap_or_default())
        .collect();
    assert!(titles.iter().all(|t| t.contains("updated")), "{titles:?}");
    // The statistics are those of a fresh index of the same documents.
    let fresh = tempfile::tempdir().unwrap();
    build(fresh.path(), &collection.documents);
    let rebuilt = EvidenceIndex::open(fresh.path()).unwrap();
    let rebuilt_collection = rebuilt.collection().unwrap();
    let (a, b) = (opened.stats().unwrap(), rebuilt.stats().unwrap());
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
    assert_eq!(
        hits(&opened.retriever(&collection)),
        hits(&rebuilt.retriever(&rebuilt_collection))
    );
    // One document read alone is the one the collection holds.
    let last = opened.document(12).unwrap();
    assert_eq!(last.as_ref(), collection.documents.last());
    assert_eq!(opened.document(0).unwrap(), None, "replaced");
    assert_eq!(
        opened.document(3).unwrap().as_ref(),
        collection.documents.first()
    );
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

/// The block bounds files beside an index's segments.
fn block_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "vblocks"))
        .collect()
}

#[test]
fn block_bounds_are_used_and_a_wrong_one_shows() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), &varied_documents(300));
    let files = block_files(dir.path());
    assert!(!files.is_empty(), "no block bounds written");
    let opened = EvidenceIndex::open(dir.path()).unwrap();
    let collection = opened.collection().unwrap();
    let memory = Index::build(&collection.documents);
    let queries = [
        "The ferry council approved the harbor budget for the canal",
        "harbor ferry city water report council",
        "water water bridge stadium rare88 orchard",
    ];
    let hits = |r: &dyn Retriever, q: &str, k: usize| -> Vec<_> {
        r.search(q, k)
            .into_iter()
            .map(|h| (r.passage(h.passage), h.score))
            .collect()
    };
    let same = |disk: &EvidenceIndex| {
        let collection = disk.collection().unwrap();
        let disk = disk.retriever(&collection);
        queries.iter().all(|q| {
            [1, 10, 50]
                .iter()
                .all(|&k| hits(&memory, q, k) == hits(&disk, q, k))
        })
    };
    assert!(same(&opened));
    drop(opened);
    // Bounds too low (every block's highest frequency 1, its shortest
    // passage far longer than any): the search skips blocks that hold
    // passages of the top, and the hits differ.
    for file in &files {
        let mut bytes = std::fs::read(file).unwrap();
        let word = |b: &[u8], at: usize| u32::from_le_bytes(b[at..at + 4].try_into().unwrap());
        let (terms, blocks) = (word(&bytes, 8) as usize, word(&bytes, 12) as usize);
        let first = 16 + 12 * terms;
        for i in 0..blocks {
            let at = first + 12 * i;
            bytes[at + 4..at + 8].copy_from_slice(&1u32.to_le_bytes());
            bytes[at + 8..at + 12].copy_from_slice(&100_000u32.to_le_bytes());
        }
        std::fs::write(file, bytes).unwrap();
    }
    assert!(!same(&EvidenceIndex::open(dir.path()).unwrap()));
    // Without the files, each term's bound alone: the same hits again,
    // and the next commit writes them back.
    for file in &files {
        std::fs::remove_file(file).unwrap();
    }
    assert!(same(&EvidenceIndex::open(dir.path()).unwrap()));
    IndexWriter::append(dir.path()).unwrap().commit().unwrap();
    assert_eq!(block_files(dir.path()).len(), files.len());
    assert!(same(&EvidenceIndex::open(dir.path()).unwrap()));
}

#[test]
fn a_filter_on_copies_ranks_like_the_exhaustive_search() {
    // Hundreds of copies of one paragraph (they tie), among varied text:
    // a filter that keeps 3 passages of each text makes the search rank
    // through the run of copies.
    let mut docs = varied_documents(150);
    for i in 0..400 {
        let text = format!(
            "Copy {i}\n\nThe harbor council said the ferry budget for the canal would rise.\n\nrare{} tunnel.",
            i % 7
        );
        docs.extend(
            veracity_parse::parse_bytes(
                text.as_bytes(),
                &format!("copy-{i}.txt"),
                &veracity_parse::Options::default(),
            )
            .unwrap(),
        );
    }
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), &docs);
    let opened = EvidenceIndex::open(dir.path()).unwrap();
    let collection = opened.collection().unwrap();
    let memory = Index::build(&collection.documents);
    let disk = opened.retriever(&collection);
    let capped = |r: &dyn Retriever, query: &str, k: usize| {
        let mut seen: std::collections::HashMap<String, usize> = Default::default();
        let mut asked = Vec::new();
        let hits: Vec<_> = r
            .search_where(query, k, &mut |p| {
                let passage = r.passage(p);
                let text = collection.documents[passage.doc as usize]
                    .slice(passage.span)
                    .to_owned();
                asked.push((passage.doc, passage.span));
                let n = seen.entry(text).or_insert(0);
                *n += 1;
                *n <= 3
            })
            .into_iter()
            .map(|h| (r.passage(h.passage), h.score))
            .collect();
        (hits, asked)
    };
    for query in [
        "The harbor council said the ferry budget for the canal would rise",
        "harbor council ferry budget canal",
        "rare3 tunnel",
        "ferry",
    ] {
        for k in [1, 20, 80, 300] {
            let (a, b) = (capped(&memory, query, k), capped(&disk, query, k));
            assert!(
                a.1.len() > 3 || a.0.len() < 3,
                "{query}: the filter was asked"
            );
            assert_eq!(a, b, "{query} top {k}");
            // The index's one-pass cap on copies (by text key) gives what
            // the filter gives, searched afresh or after a shallower
            // search of the same text, whose ranking it starts from.
            let by_key = |r: &dyn Retriever| -> Vec<_> {
                let mut seen: std::collections::HashMap<u64, usize> = Default::default();
                r.search_where(query, k, &mut |p| {
                    let passage = r.passage(p);
                    let text = collection.documents[passage.doc as usize].slice(passage.span);
                    let n = seen.entry(veracity_verdict::text_key(text)).or_insert(0);
                    *n += 1;
                    *n <= 3
                })
                .into_iter()
                .map(|h| (r.passage(h.passage), h.score))
                .collect()
            };
            let expected = by_key(&memory);
            for shallower in [None, Some(1), Some(k), Some(600)] {
                let fresh = opened.retriever(&collection);
                if let Some(depth) = shallower {
                    fresh.search(query, depth);
                }
                let one_pass: Vec<_> = fresh
                    .search_capped(query, k, 3)
                    .expect("the index keeps text keys")
                    .into_iter()
                    .map(|h| (fresh.passage(h.passage), h.score))
                    .collect();
                assert_eq!(
                    one_pass, expected,
                    "{query} top {k}, capped after {shallower:?}"
                );
            }
        }
    }
}
