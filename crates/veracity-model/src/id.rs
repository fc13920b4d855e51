//! Content-derived identifiers: the same content gives the same id on every
//! run and machine.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

/// Normalises text before hashing so that trivial differences (case, runs of
/// white space, curly versus straight quotes) do not change an id.
pub fn normalize_for_id(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for ch in text.chars() {
        if ch.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if ch.is_ascii() {
            // Most ids are ASCII (hex digests, byte ranges): no case tables.
            out.push(ch.to_ascii_lowercase());
            continue;
        }
        let ch = match ch {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
            '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            other => other,
        };
        out.extend(ch.to_lowercase());
    }
    out
}

/// Hex SHA-256 of raw bytes, used for source content hashes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Lower-case hex digits of `bytes`.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut hex = String::with_capacity(bytes.len() * 2);
    for &byte in bytes {
        hex.push(char::from(DIGITS[usize::from(byte >> 4)]));
        hex.push(char::from(DIGITS[usize::from(byte & 0xf)]));
    }
    hex
}

/// `prefix` + the first 16 hex digits of the SHA-256 of the parts, each
/// normalised and separated by a NUL byte.
fn derive(prefix: &str, parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            hasher.update([0u8]);
        }
        hasher.update(normalize_for_id(part).as_bytes());
    }
    let digest = hasher.finalize();
    let mut id = String::with_capacity(prefix.len() + 17);
    id.push_str(prefix);
    id.push('-');
    id.push_str(&hex(&digest[..8]));
    id
}

macro_rules! content_id {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id prefix, e.g. `doc` in `doc-1f2e...`.
            pub const PREFIX: &'static str = $prefix;

            /// Derives the id from content parts (normalised, then hashed).
            pub fn from_content(parts: &[&str]) -> Self {
                Self(derive($prefix, parts))
            }

            /// The id as a string.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

content_id!(
    /// Identifies a document: derived from its source's content hash and, for a
    /// post split from a page, its byte range.
    DocumentId,
    "doc"
);
content_id!(
    /// Identifies a claim: derived from its normalised text.
    ClaimId,
    "claim"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_ignore_trivial_differences() {
        let a = ClaimId::from_content(&["The plant supplies  40% of water"]);
        let b = ClaimId::from_content(&["the plant supplies 40% of water "]);
        assert_eq!(a, b);
        assert!(a.as_str().starts_with("claim-"));
        assert_eq!(a.as_str().len(), "claim-".len() + 16);
        assert_ne!(
            a,
            ClaimId::from_content(&["the plant supplies 12% of water"])
        );
    }

    #[test]
    fn curly_quotes_normalise() {
        assert_eq!(normalize_for_id("“Yes,” he said’"), "\"yes,\" he said'");
    }

    #[test]
    fn sha256_is_hex() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
