//! Format sniffing from content: gzip, binary, text encoding, then HTML,
//! JSON, JSON Lines or plain text.

use crate::error::ErrorKind;
use std::borrow::Cow;

/// The formats the parser reads (inside gzip or not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// An HTML page.
    Html,
    /// A plain-text scrape.
    Text,
    /// One JSON value.
    Json,
    /// JSON Lines: one JSON value per line.
    Jsonl,
}

impl Format {
    /// The media type recorded in `Source.media_type`.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Html => "text/html",
            Format::Text => "text/plain",
            Format::Json => "application/json",
            Format::Jsonl => "application/jsonl",
        }
    }
}

/// True when the bytes start with the gzip magic number.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Decompresses gzip (all members), refusing more than `limit` bytes out.
pub fn gunzip(bytes: &[u8], limit: u64) -> Result<Vec<u8>, ErrorKind> {
    let decoder = flate2::read::MultiGzDecoder::new(bytes);
    crate::input::read_limited(decoder, limit).map_err(|e| match e {
        ErrorKind::Io(io) => ErrorKind::Gzip(io.to_string()),
        other => other,
    })
}

const SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ", "xz data"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
];

/// Text decoded from an input's bytes.
#[derive(Debug)]
pub struct Decoded<'a> {
    /// The text, without a byte-order mark; borrowed when the bytes were UTF-8.
    pub text: Cow<'a, str>,
    /// For text that was not UTF-8: the encoding and how it was known
    /// (`windows-1252 (declared)`), recorded in `Source.encoding`.
    pub encoding: Option<String>,
}

/// Checks that `bytes` are text (not empty, no binary signature or NUL
/// bytes, few control characters) and decodes them: UTF-8 as it is, other
/// encodings by byte-order mark, declared charset or detection (the
/// crate's `encoding` module). The binary checks run before any decoding, so
/// binary data is refused, never decoded into garbage.
pub fn decode_text(bytes: &[u8]) -> Result<Decoded<'_>, ErrorKind> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ErrorKind::Empty);
    }
    for (magic, what) in SIGNATURES {
        if bytes.starts_with(magic) {
            return Err(ErrorKind::Binary {
                what: (*what).to_owned(),
            });
        }
    }
    // UTF-16 before the NUL check: half the bytes of its ASCII are NULs.
    if let Some((encoding, bom_len)) = crate::encoding::utf16_bom(bytes) {
        let legacy = crate::encoding::decode_utf16(bytes, encoding, bom_len);
        check_text(&legacy.text)?;
        return Ok(Decoded {
            text: Cow::Owned(legacy.text),
            encoding: Some(legacy.note),
        });
    }
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return Err(ErrorKind::Binary {
            what: "it contains NUL bytes".to_owned(),
        });
    }
    // The SIMD check: the hot path, for the UTF-8 inputs nearly all are.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        check_text(text)?;
        return Ok(Decoded {
            text: Cow::Borrowed(text),
            encoding: None,
        });
    }
    let legacy = crate::encoding::decode_legacy(bytes);
    check_text(&legacy.text)?;
    Ok(Decoded {
        text: Cow::Owned(legacy.text),
        encoding: Some(legacy.note),
    })
}

/// Refuses decoded text that is binary (many control characters) or blank.
fn check_text(text: &str) -> Result<(), ErrorKind> {
    let controls = controls_in_head(text, 4096);
    if controls > 16 {
        return Err(ErrorKind::Binary {
            what: format!("{controls} control characters in its first 4096 characters"),
        });
    }
    if text.trim().is_empty() {
        return Err(ErrorKind::Empty);
    }
    Ok(())
}

/// The byte offset of the `n`th character of `text` (its length if it has
/// no more): `text.char_indices().nth(n)`, counted on the bytes (every
/// character has one byte that is not a continuation byte), 64 at a time.
fn char_offset(text: &str, n: usize) -> usize {
    let bytes = text.as_bytes();
    // Counted in a `u8` (a chunk has at most 64 starts) so the loop vectorises.
    let starts = |c: &[u8]| {
        let n = c
            .iter()
            .fold(0u8, |n, &b| n.wrapping_add(u8::from(b & 0xC0 != 0x80)));
        usize::from(n)
    };
    let mut seen = 0;
    let mut at = 0;
    for chunk in bytes.chunks(64) {
        let here = starts(chunk);
        if seen + here > n {
            break;
        }
        seen += here;
        at += chunk.len();
    }
    // The chunk that holds the `n`th start, byte by byte.
    for (i, &b) in bytes[at..].iter().enumerate() {
        if b & 0xC0 != 0x80 {
            if seen == n {
                return at + i;
            }
            seen += 1;
        }
    }
    bytes.len()
}

/// Control characters (`char::is_control`) other than `\n`, `\r`, `\t`
/// and form feed among the first `n` characters, counted on the bytes.
fn controls_in_head(text: &str, n: usize) -> usize {
    let bytes = text.as_bytes();
    // The byte length of the first `n` characters (all of them if ASCII).
    let head = &bytes[..char_offset(text, n)];
    let c0 = |b: u8| (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)) || b == 0x7f;
    // U+0080..=U+009F, the C1 controls, are 0xC2 then 0x80..=0x9F.
    let c1 = |a: u8, b: u8| a == 0xC2 && (0x80..=0x9F).contains(&b);
    let last = head.last().is_some_and(|&b| c0(b));
    usize::from(last) + veracity_text::scan::count_pairs(head, |a, b| c0(a) || c1(a, b))
}

/// Sniffs the format of decoded text from its content.
pub fn sniff(text: &str) -> Format {
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') {
        let mut lines = trimmed.lines().filter(|l| !l.trim().is_empty());
        let first = lines.next().unwrap_or("").trim_end();
        let second_is_object = lines
            .next()
            .is_some_and(|l| l.trim_start().starts_with('{'));
        // One object per line, and the first line a whole value: JSON Lines.
        if second_is_object
            && first.ends_with('}')
            && serde_json::from_str::<serde::de::IgnoredAny>(first).is_ok()
        {
            return Format::Jsonl;
        }
        return Format::Json;
    }
    if trimmed.starts_with('[') {
        return Format::Json;
    }
    // The first 1024 characters, lower-cased for the ASCII markers below
    // (full Unicode lower-casing finds no other ASCII marker in them); every
    // marker has a `<`, so plain text needs no copy.
    let end = char_offset(trimmed, 1024);
    if memchr::memchr(b'<', &trimmed.as_bytes()[..end]).is_none() {
        return Format::Text;
    }
    let head = trimmed[..end].to_ascii_lowercase();
    const HTML_MARKERS: [&str; 9] = [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta ",
        "<title",
        "<article",
        "<div",
        "<p>",
    ];
    if (trimmed.starts_with('<') || head.contains("<html"))
        && HTML_MARKERS.iter().any(|m| head.contains(m))
    {
        return Format::Html;
    }
    Format::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offset_is_char_indices_nth() {
        let mixed = "aé日🎉".repeat(40);
        for text in ["", "a", "héllo wörld", mixed.as_str()] {
            for n in 0..text.chars().count() + 3 {
                let want = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
                assert_eq!(char_offset(text, n), want, "{text:?} {n}");
            }
        }
    }

    #[test]
    fn sniffs_by_content() {
        assert_eq!(sniff("  {\"a\": 1}"), Format::Json);
        assert_eq!(sniff("{\"a\": 1}\n{\"a\": 2}\n"), Format::Jsonl);
        assert_eq!(sniff("{\n  \"a\": 1\n}\n"), Format::Json);
        assert_eq!(sniff("[1, 2]"), Format::Json);
        assert_eq!(sniff("<!DOCTYPE html><html></html>"), Format::Html);
        assert_eq!(sniff("Hello <b>world</b>"), Format::Text);
        assert_eq!(sniff("Plain words."), Format::Text);
    }

    #[test]
    fn counts_controls_on_bytes() {
        for s in [
            "plain\ttext\r\n\x0c",
            "a\x01b\x7f\u{85}\u{9f}\u{a0}é\u{2028}",
            &"\x02é".repeat(3000),
        ] {
            let expected = s
                .chars()
                .take(4096)
                .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c'))
                .count();
            assert_eq!(controls_in_head(s, 4096), expected, "{s:?}");
        }
    }

    #[test]
    fn refuses_non_text() {
        assert!(matches!(decode_text(b""), Err(ErrorKind::Empty)));
        assert!(matches!(decode_text(b" \n\t"), Err(ErrorKind::Empty)));
        assert!(matches!(
            decode_text(b"%PDF-1.4"),
            Err(ErrorKind::Binary { .. })
        ));
        assert!(matches!(
            decode_text(b"ab\0cd"),
            Err(ErrorKind::Binary { .. })
        ));
        assert_eq!(decode_text("\u{feff}hi".as_bytes()).unwrap().text, "hi");
    }

    #[test]
    fn gzip_round_trip() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"hello").unwrap();
        let gz = enc.finish().unwrap();
        assert!(is_gzip(&gz));
        assert_eq!(gunzip(&gz, 100).unwrap(), b"hello");
        assert!(matches!(gunzip(&gz, 2), Err(ErrorKind::TooLarge { .. })));
        assert!(matches!(
            gunzip(&gz[..gz.len() - 4], 100),
            Err(ErrorKind::Gzip(_))
        ));
    }
}
