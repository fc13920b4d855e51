//! Text that is not UTF-8: a byte-order mark, else the charset the page
//! declares, else a guess from the bytes (chardetng, Firefox's detector).
//! Only inputs that failed UTF-8 validation come here, so the UTF-8 path
//! pays nothing for it.

use encoding_rs::{Encoding, UTF_8};

/// How many leading bytes are searched for a charset declaration: HTML
/// asks for it within the first 1024 bytes; 2048 allows for long heads.
const DECLARATION_WINDOW: usize = 2048;
/// How many leading bytes the detector reads: enough for a confident guess,
/// bounded so a huge file costs no more than a large one.
const DETECTOR_WINDOW: usize = 1 << 20;

/// Legacy bytes decoded to UTF-8, and the note for `Source.encoding`.
#[derive(Debug)]
pub(crate) struct Legacy {
    pub text: String,
    pub note: String,
}

/// A UTF-16 byte-order mark: the encoding and the mark's length. UTF-8's
/// own mark is not one of these (the UTF-8 path strips it).
pub(crate) fn utf16_bom(bytes: &[u8]) -> Option<(&'static Encoding, usize)> {
    Encoding::for_bom(bytes).filter(|(encoding, _)| *encoding != UTF_8)
}

/// Decodes `bytes` after a UTF-16 byte-order mark of `bom_len` bytes.
pub(crate) fn decode_utf16(bytes: &[u8], encoding: &'static Encoding, bom_len: usize) -> Legacy {
    let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
    Legacy {
        text: text.into_owned(),
        note: format!("{} (byte-order mark)", encoding.name()),
    }
}

/// Decodes bytes that are not valid UTF-8: with the declared charset, else
/// as UTF-8 with the bad bytes replaced when most of the non-ASCII text is
/// valid UTF-8 (a stray byte in a UTF-8 page), else with the detector's guess.
pub(crate) fn decode_legacy(bytes: &[u8]) -> Legacy {
    let declared = declared_charset(&bytes[..bytes.len().min(DECLARATION_WINDOW)]);
    if let Some(encoding) = declared.filter(|e| *e != UTF_8) {
        return decode_with(bytes, encoding, "declared");
    }
    let how = if declared.is_some() {
        "declared"
    } else {
        "detected"
    };
    if let Some(lossy) = mostly_utf8(bytes, how) {
        return lossy;
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(&bytes[..bytes.len().min(DETECTOR_WINDOW)], true);
    let guess = detector.guess(None, false);
    let how = if declared.is_some() {
        "detected; the page declares UTF-8 but is not"
    } else {
        "detected"
    };
    decode_with(bytes, guess, how)
}

fn decode_with(bytes: &[u8], encoding: &'static Encoding, how: &str) -> Legacy {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Legacy {
        text: text.into_owned(),
        note: format!("{} ({how})", encoding.name()),
    }
}

/// UTF-8 with its invalid bytes replaced by U+FFFD, when valid multi-byte
/// characters outnumber the invalid sequences.
fn mostly_utf8(bytes: &[u8], how: &str) -> Option<Legacy> {
    let text = String::from_utf8_lossy(bytes);
    let (mut valid, mut invalid) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if c == char::REPLACEMENT_CHARACTER {
            invalid += 1;
        } else {
            valid += 1;
        }
    }
    (valid > invalid).then(|| Legacy {
        note: format!(
            "UTF-8 ({how}; {invalid} invalid byte sequence{} replaced with U+FFFD)",
            if invalid == 1 { "" } else { "s" }
        ),
        text: text.into_owned(),
    })
}

/// The encoding an HTML `<meta charset>` or `<meta http-equiv
/// content="...; charset=...">`, or an XML declaration's `encoding`,
/// names in `head`. UTF-16 labels are ignored (bytes that reach here are
/// not UTF-16, as WHATWG's prescan also assumes), as are labels that name
/// no text encoding.
fn declared_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let xml = lower
        .starts_with(b"<?xml")
        .then(|| {
            let end = memchr::memmem::find(&lower, b"?>").unwrap_or(lower.len());
            label_after(&lower[..end], b"encoding")
        })
        .flatten();
    let label = xml.or_else(|| {
        memchr::memmem::find_iter(&lower, b"charset")
            .filter(|&at| inside_meta_tag(&lower, at))
            .find_map(|at| label_after(&lower[at..], b"charset"))
    })?;
    let encoding = Encoding::for_label(label)?;
    let usable = encoding.is_ascii_compatible() && encoding != encoding_rs::X_USER_DEFINED;
    usable.then_some(encoding)
}

/// True when the `<` nearest before `at` opens a `<meta` tag.
fn inside_meta_tag(lower: &[u8], at: usize) -> bool {
    memchr::memrchr(b'<', &lower[..at]).is_some_and(|open| {
        lower[open..at].starts_with(b"<meta") && !lower[open..at].contains(&b'>')
    })
}

/// The value after `name`, an optional `=` and optional quotes:
/// `charset="windows-1252"` gives `windows-1252`.
fn label_after<'a>(text: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let rest = text.strip_prefix(name).or_else(|| {
        let at = memchr::memmem::find(text, name)?;
        Some(&text[at + name.len()..])
    })?;
    let rest = rest
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || b"-_.:".contains(b)))
        .unwrap_or(rest.len());
    (len > 0).then(|| &rest[..len])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_declarations() {
        let name = |head: &[u8]| declared_charset(head).map(Encoding::name);
        assert_eq!(
            name(b"<html><head><meta charset=\"ISO-8859-1\">"),
            Some("windows-1252")
        );
        assert_eq!(
            name(b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=koi8-r\">"),
            Some("KOI8-R")
        );
        assert_eq!(
            name(b"<?xml version=\"1.0\" encoding='Shift_JIS'?><rss>"),
            Some("Shift_JIS")
        );
        assert_eq!(name(b"<meta charset=utf-16le>"), None);
        assert_eq!(name(b"<meta charset=\"no-such-thing\">"), None);
        // "charset" in running text is no declaration.
        assert_eq!(name(b"<p>the charset=latin1 option</p>"), None);
        assert_eq!(name(b"<meta charset=utf-8>"), Some("UTF-8"));
    }

    #[test]
    fn a_stray_byte_in_utf8_stays_utf8() {
        let bytes = "caf\u{e9} na\u{ef}ve r\u{e9}sum\u{e9} \u{2014} \x16 done"
            .as_bytes()
            .iter()
            .map(|&b| if b == b'\x16' { 0x96 } else { b })
            .collect::<Vec<u8>>();
        let legacy = decode_legacy(&bytes);
        assert!(legacy.text.starts_with("caf\u{e9} na\u{ef}ve"));
        assert_eq!(
            legacy.note,
            "UTF-8 (detected; 1 invalid byte sequence replaced with U+FFFD)"
        );
    }

    #[test]
    fn declared_utf8_that_is_not_is_detected() {
        let bytes = b"<meta charset=utf-8><p>\x93Caf\xe9\x94, na\xefve r\xe9sum\xe9s.</p>";
        let legacy = decode_legacy(bytes);
        assert!(
            legacy.text.contains("\u{201c}Caf\u{e9}\u{201d}"),
            "{legacy:?}"
        );
        assert_eq!(
            legacy.note,
            "windows-1252 (detected; the page declares UTF-8 but is not)"
        );
    }
}
