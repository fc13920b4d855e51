//! Inputs that are not UTF-8: declared, detected, byte-order marked, and
//! binary data that must still be refused.

use veracity_parse::{ErrorKind, Options, parse};

/// A windows-1252 news page: curly quotes 0x93/0x94, an en dash 0x96,
/// é (0xE9), ü (0xFC) and a euro sign 0x80, none of them valid UTF-8.
fn cp1252_page(head: &[u8]) -> Vec<u8> {
    let mut page = Vec::new();
    page.extend_from_slice(b"<!DOCTYPE html><html lang=\"en\"><head>");
    page.extend_from_slice(head);
    page.extend_from_slice(
        b"<title>Caf\xe9 prices rise \x96 report</title></head><body><article>\
          <h1>Caf\xe9 prices rise \x96 report</h1>\
          <p>The caf\xe9 owners\x92 association said on Monday that the price of a \
          cup of coffee in M\xfcnchen had risen to \x804.20, the highest level \
          the association has recorded since it began its survey.</p>\
          <p>\x93Our costs have doubled in two years,\x94 said Ren\xe9e Dupont, \
          who chairs the association and runs a caf\xe9 near the station.</p>\
          <p>The city council said it would publish its own figures next week, \
          after a review of the prices charged by the largest chains.</p>\
          </article></body></html>",
    );
    page
}

fn only_document(bytes: &[u8], location: &str) -> veracity_model::Document {
    let parsed = parse(bytes, location, &Options::default()).unwrap();
    assert_eq!(parsed.documents.len(), 1, "{:?}", parsed.documents);
    parsed.documents.into_iter().next().unwrap()
}

#[test]
fn declared_windows_1252_html_decodes() {
    let page = cp1252_page(b"<meta charset=\"windows-1252\">");
    assert!(std::str::from_utf8(&page).is_err());
    let doc = only_document(&page, "cafe.html");
    assert_eq!(
        doc.source.encoding.as_deref(),
        Some("windows-1252 (declared)")
    );
    assert_eq!(
        doc.title.as_deref(),
        Some("Caf\u{e9} prices rise \u{2013} report")
    );
    assert!(
        doc.text.contains("M\u{fc}nchen had risen to \u{20ac}4.20"),
        "{}",
        doc.text
    );
    assert!(
        doc.text
            .contains("\u{201c}Our costs have doubled in two years,\u{201d} said Ren\u{e9}e"),
        "{}",
        doc.text
    );
    assert!(!doc.text.contains('\u{fffd}'));
    // The quote is found, with its speaker: the curly quotes decoded right.
    assert!(
        doc.quotes.iter().any(|q| q
            .speaker
            .as_ref()
            .is_some_and(|s| s.name == "Ren\u{e9}e Dupont")),
        "{:?}",
        doc.quotes
    );
}

#[test]
fn http_equiv_latin1_declaration_is_read() {
    let page = cp1252_page(
        b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">",
    );
    let doc = only_document(&page, "cafe.html");
    // WHATWG: the ISO-8859-1 label means windows-1252.
    assert_eq!(
        doc.source.encoding.as_deref(),
        Some("windows-1252 (declared)")
    );
    assert!(doc.text.contains("\u{201c}Our costs"));
}

#[test]
fn undeclared_windows_1252_html_is_detected() {
    let page = cp1252_page(b"");
    let doc = only_document(&page, "cafe.html");
    assert_eq!(
        doc.source.encoding.as_deref(),
        Some("windows-1252 (detected)")
    );
    assert!(doc.text.contains("M\u{fc}nchen had risen to \u{20ac}4.20"));
    assert!(doc.text.contains("\u{201c}Our costs have doubled"));
}

#[test]
fn latin1_plain_text_decodes() {
    let text = b"Caf\xe9 prices rise\n\nThe caf\xe9 owners' association in Z\xfcrich said on \
        Monday that a cup of coffee now costs 4.20 francs, the highest price it has \
        recorded. \xabOur costs have doubled,\xbb said its chair, Ren\xe9e Dupont.\n";
    let doc = only_document(text, "cafe.txt");
    assert_eq!(doc.source.media_type, "text/plain");
    assert_eq!(
        doc.source.encoding.as_deref(),
        Some("windows-1252 (detected)")
    );
    assert!(
        doc.text.contains("association in Z\u{fc}rich"),
        "{}",
        doc.text
    );
    assert!(doc.text.contains("\u{ab}Our costs have doubled,\u{bb}"));
}

#[test]
fn utf8_with_bom_is_utf8() {
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice("Caf\u{e9} prices rise in M\u{fc}nchen, the owners say.".as_bytes());
    let doc = only_document(&bytes, "bom.txt");
    assert_eq!(doc.source.encoding, None);
    assert!(doc.text.starts_with("Caf\u{e9} prices"), "{:?}", doc.text);
}

#[test]
fn utf16_with_bom_decodes() {
    let text = "Caf\u{e9} prices rise in M\u{fc}nchen, the owners say.";
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let doc = only_document(&bytes, "utf16.txt");
    assert_eq!(
        doc.source.encoding.as_deref(),
        Some("UTF-16LE (byte-order mark)")
    );
    assert_eq!(doc.text, text);
}

#[test]
fn utf8_text_has_no_encoding_note() {
    let doc = only_document("Caf\u{e9} prices rise, owners say.".as_bytes(), "a.txt");
    assert_eq!(doc.source.encoding, None);
    let json = serde_json::to_string(&doc.source).unwrap();
    assert!(!json.contains("encoding"), "{json}");
}

#[test]
fn binary_is_still_refused() {
    let binary = |bytes: &[u8]| {
        let e = parse(bytes, "blob.bin", &Options::default()).unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::Binary { .. }), "{e}");
        assert!(e.to_string().starts_with("blob.bin: "), "{e}");
    };
    // Invalid UTF-8 with NULs: refused before any detector sees it.
    binary(b"caf\xe9\x00\x00\x01\x02 \xff\xfe\xfd");
    // No NUL in the head, but control bytes throughout: not decoded as
    // windows-1252 text.
    let noisy: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8 | 1)
        .collect();
    assert!(std::str::from_utf8(&noisy).is_err());
    binary(&noisy);
    binary(b"%PDF-1.7\n\xe2\xe3\xcf\xd3");
}
