//! `parse_all`: in-memory inputs on several threads, results in input
//! order, one bad input an error at its location while the rest parse.

const FERRY: &str = "Ferry timetable changes this spring\n\n\
    The Lindmoor ferry will run every twenty minutes from April, the harbour office \
    said on Monday. Captain Ruth Okafor said the new boats use less fuel.\n";
const BRIDGE: &str = "Old bridge reopens\n\n\
    The Calder Street bridge reopened on Friday after eight months of repairs, the \
    city engineer said. The repairs cost 4 million dollars.\n";

#[test]
fn results_come_back_in_input_order_past_a_bad_input() {
    let inputs: Vec<(&[u8], &str)> = vec![
        (FERRY.as_bytes(), "ferry.txt"),
        (b"", "empty.txt"),
        (BRIDGE.as_bytes(), "bridge.txt"),
        (b"\x00\x01\x02 binary", "blob.bin"),
    ];
    for jobs in [1, 2, 8] {
        let results = veracity::parse_all(&inputs, &veracity::parse::Options::default(), jobs);
        assert_eq!(results.len(), 4);
        let ferry = results[0].as_ref().expect("the ferry story parses");
        assert!(ferry.documents[0].text.starts_with("The Lindmoor ferry"));
        assert_eq!(ferry.documents[0].source.location, "ferry.txt");
        let empty = results[1].as_ref().expect_err("an empty input is an error");
        assert_eq!(empty.location(), "empty.txt");
        assert!(empty.to_string().contains("the file is empty"), "{empty}");
        let bridge = results[2].as_ref().expect("the bridge story parses");
        assert!(
            bridge.documents[0]
                .text
                .starts_with("The Calder Street bridge")
        );
        assert_eq!(
            results[3].as_ref().err().map(|e| e.location()),
            Some("blob.bin")
        );
    }
}

#[test]
fn the_same_bytes_parse_as_parse_alone_does() {
    let options = veracity::parse::Options::default();
    let alone = veracity::parse::parse(FERRY.as_bytes(), "ferry.txt", &options).unwrap();
    let batch = veracity::parse_all(&[(FERRY.as_bytes(), "ferry.txt")], &options, 4);
    assert_eq!(batch[0].as_ref().unwrap().documents, alone.documents);
    assert!(veracity::parse_all(&[], &options, 4).is_empty());
}
