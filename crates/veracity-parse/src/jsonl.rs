//! JSON Lines: one record per line, a bad line an error for that line only.
//! A file over the size limit is streamed record by record instead of being
//! refused: only one line (at most the limit) is held at a time.

use crate::error::{ErrorKind, ParseError};
use crate::json::{self, Origin};
use crate::{Parsed, sniff};
use sha2::{Digest, Sha256};
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use veracity_model::{Diagnostic, Severity};

/// Parses line `number` (1-based) of a JSON Lines input into `parsed`: its
/// documents, or an error diagnostic saying the record was not used.
pub(crate) fn record(line: &str, number: usize, origin: &Origin<'_>, parsed: &mut Parsed) {
    if line.trim().is_empty() {
        return;
    }
    let path = format!("line {number}");
    let result = serde_json::from_str::<serde_json::Value>(line)
        .map_err(|e| ErrorKind::Json(e.to_string()))
        .and_then(|value| json::documents(&value, origin, &path, &mut parsed.warnings));
    match result {
        Ok(mut docs) => parsed.documents.append(&mut docs),
        Err(kind) => parsed.warnings.push(skipped(origin.location, &path, &kind)),
    }
}

/// A record that was not used: an error, so the batch's exit status says
/// that part of the input was left out.
fn skipped(location: &str, path: &str, why: &dyn std::fmt::Display) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        source: location.to_owned(),
        message: format!("{path} skipped: {why}"),
    }
}

/// A file with no usable record at all is an error for the whole file.
pub(crate) fn finish(parsed: Parsed, location: &str) -> Result<Parsed, ParseError> {
    if parsed.documents.is_empty() && !parsed.warnings.is_empty() {
        let messages = parsed.warnings.iter().map(|w| w.message.clone()).collect();
        return Err(ParseError::new(location, ErrorKind::Invalid(messages)));
    }
    Ok(parsed)
}

/// How much of a file is read to tell whether it is JSON Lines.
const SNIFF_BYTES: u64 = 64 * 1024;

/// True when the file at `path` starts like JSON Lines (uncompressed).
pub(crate) fn file_is_jsonl(path: &Path) -> bool {
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut head = Vec::new();
    if file.take(SNIFF_BYTES).read_to_end(&mut head).is_err() || sniff::is_gzip(&head) {
        return false;
    }
    let valid = match std::str::from_utf8(&head) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or(""),
    };
    sniff::sniff(valid.trim_start_matches('\u{feff}')) == sniff::Format::Jsonl
}

/// Parses a JSON Lines file record by record: one pass hashes it (the
/// source's content hash, as for a file read whole), a second parses each
/// line. A line over `max_line` bytes or not UTF-8 is skipped with an error
/// diagnostic naming it.
pub(crate) fn stream(path: &Path, location: &str, max_line: u64) -> Result<Parsed, ParseError> {
    let err = |e: std::io::Error| ParseError::new(location, ErrorKind::Io(e));
    let sha256 = hash_file(path).map_err(err)?;
    let origin = Origin {
        location,
        media_type: sniff::Format::Jsonl.media_type(),
        sha256: &sha256,
        encoding: None,
    };
    let mut reader = BufReader::with_capacity(1 << 16, std::fs::File::open(path).map_err(err)?);
    let mut parsed = Parsed::default();
    let mut line = Vec::new();
    for number in 1.. {
        line.clear();
        let read = (&mut reader)
            .take(max_line.saturating_add(1))
            .read_until(b'\n', &mut line)
            .map_err(err)?;
        if read == 0 {
            break;
        }
        if line.len() as u64 > max_line && line.last() != Some(&b'\n') {
            skip_rest_of_line(&mut reader).map_err(err)?;
            let why =
                format!("the line is over {max_line} bytes; raise --max-size or split the record");
            parsed
                .warnings
                .push(skipped(location, &format!("line {number}"), &why));
            continue;
        }
        let bytes = if number == 1 {
            line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&line)
        } else {
            &line[..]
        };
        match std::str::from_utf8(bytes) {
            Ok(text) => record(text, number, &origin, &mut parsed),
            // JSON text is UTF-8 (RFC 8259): a line that is not is damaged.
            Err(e) => parsed.warnings.push(skipped(
                location,
                &format!("line {number}"),
                &format!(
                    "the line is not UTF-8 (a bad byte at offset {}); JSON Lines must be UTF-8",
                    e.valid_up_to()
                ),
            )),
        }
    }
    finish(parsed, location)
}

fn hash_file(path: &Path) -> std::io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut chunk = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut chunk)?;
        if n == 0 {
            break;
        }
        hasher.update(&chunk[..n]);
    }
    Ok(format!("{:x}", hasher.finalize()))
}

/// Consumes bytes up to and including the next newline without keeping them.
fn skip_rest_of_line(reader: &mut impl BufRead) -> std::io::Result<()> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        if let Some(i) = memchr::memchr(b'\n', buf) {
            reader.consume(i + 1);
            return Ok(());
        }
        let n = buf.len();
        reader.consume(n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc_line(i: usize) -> String {
        serde_json::json!({
            "@type": "ClaimReview",
            "claimReviewed": format!("Claim number {i} about the harbour ferry timetable."),
            "reviewRating": {"alternateName": "False"},
            "author": {"name": "Harbor Fact Desk"},
        })
        .to_string()
    }

    #[test]
    fn streamed_file_matches_the_file_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.jsonl");
        let text: String = (0..50).map(|i| doc_line(i) + "\n").collect();
        std::fs::write(&path, &text).unwrap();
        assert!(file_is_jsonl(&path));
        let whole = crate::parse(text.as_bytes(), "big.jsonl", &crate::Options::default()).unwrap();
        let streamed = stream(&path, "big.jsonl", 1000).unwrap();
        assert_eq!(streamed.documents.len(), 50);
        assert_eq!(streamed.documents, whole.documents);
    }

    #[test]
    fn an_overlong_or_broken_line_is_an_error_for_that_line_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mixed.jsonl");
        let long = format!("{{\"pad\": \"{}\"}}", "x".repeat(5000));
        let text = format!("{}\n{long}\n{{broken\n{}\n", doc_line(1), doc_line(2));
        std::fs::write(&path, &text).unwrap();
        let parsed = stream(&path, "mixed.jsonl", 1000).unwrap();
        assert_eq!(parsed.documents.len(), 2);
        let messages: Vec<&str> = parsed.warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].starts_with("line 2 skipped") && messages[0].contains("--max-size"));
        assert!(messages[1].starts_with("line 3 skipped"));
        assert!(
            parsed
                .warnings
                .iter()
                .all(|w| w.severity == Severity::Error)
        );
    }
}
