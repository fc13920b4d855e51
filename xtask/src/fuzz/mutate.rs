//! Input generation: a seed of the target's kind, then one to four
//! mutations chosen by the input's own PRNG, so input `i` can be rebuilt
//! from `(seed, target, i)`.

use super::rng::Rng;
use serde_json::Value;
use std::io::Write;

/// Limits of the generator.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The deepest nesting a mutation builds.
    pub max_depth: usize,
    /// The longest input (longer ones are cut).
    pub max_len: usize,
}

/// The mutations, each a way real or hostile input goes wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mutation {
    /// Flip a few random bits.
    FlipBits,
    /// Insert markup, JSON or text fragments at random places.
    InsertTokens,
    /// Join the front of this input to the back of another seed.
    Splice,
    /// Cut the input short (inside a tag, a string, a UTF-8 sequence).
    Truncate,
    /// Delete a random range.
    Delete,
    /// Repeat a slice many times (millions of tiny elements).
    Repeat,
    /// Open (and maybe close) elements or brackets thousands deep.
    DeepNesting,
    /// One line of up to a megabyte with no newline.
    LongLine,
    /// NUL bytes.
    Nuls,
    /// Invalid UTF-8: lone continuation bytes, overlong forms, surrogates.
    InvalidUtf8,
    /// An attribute value of up to a megabyte.
    HugeAttribute,
    /// Change a JSON document's structure: types, keys, arrays.
    JsonStructure,
    /// Wrap the input in gzip, maybe truncated.
    Gzip,
    /// A binary file signature or a byte-order mark in front.
    Prefix,
    /// Replace the input with random bytes.
    RandomBytes,
}

use Mutation::*;

/// What each target mutates with; a mutation listed twice is picked twice
/// as often.
pub fn mutations(target: &str) -> &'static [Mutation] {
    match target {
        "html" => &[
            FlipBits,
            InsertTokens,
            InsertTokens,
            InsertTokens,
            Splice,
            Truncate,
            Delete,
            Repeat,
            DeepNesting,
            LongLine,
            Nuls,
            InvalidUtf8,
            HugeAttribute,
        ],
        "text" => &[
            FlipBits,
            InsertTokens,
            InsertTokens,
            Splice,
            Truncate,
            Delete,
            Repeat,
            LongLine,
            Nuls,
            InvalidUtf8,
        ],
        "json" => &[
            FlipBits,
            InsertTokens,
            Splice,
            Truncate,
            Delete,
            Repeat,
            DeepNesting,
            Nuls,
            InvalidUtf8,
            JsonStructure,
            JsonStructure,
            JsonStructure,
            LongLine,
        ],
        "envelope" => &[
            FlipBits,
            InsertTokens,
            Splice,
            Truncate,
            Delete,
            Repeat,
            DeepNesting,
            InvalidUtf8,
            JsonStructure,
            JsonStructure,
            JsonStructure,
            Prefix,
        ],
        // sniff
        _ => &[
            FlipBits,
            InsertTokens,
            Splice,
            Truncate,
            Delete,
            Repeat,
            Nuls,
            InvalidUtf8,
            Gzip,
            Gzip,
            Prefix,
            Prefix,
            RandomBytes,
        ],
    }
}

/// Builds one input from `seeds` (the target's own) and `others` (every
/// seed, for splices across formats).
pub fn generate(
    rng: &mut Rng,
    target: &str,
    seeds: &[Vec<u8>],
    others: &[Vec<u8>],
    limits: Limits,
) -> Vec<u8> {
    let mut input = if rng.one_in(20) && !others.is_empty() {
        rng.pick(others).clone()
    } else {
        rng.pick(seeds).clone()
    };
    let kinds = mutations(target);
    for _ in 0..1 + rng.below(4) {
        let mutation = *rng.pick(kinds);
        apply(rng, mutation, &mut input, target, others, limits);
        input.truncate(limits.max_len);
    }
    input
}

/// Applies one mutation in place.
pub fn apply(
    rng: &mut Rng,
    mutation: Mutation,
    input: &mut Vec<u8>,
    target: &str,
    others: &[Vec<u8>],
    limits: Limits,
) {
    let at = rng.below(input.len() + 1);
    match mutation {
        FlipBits => {
            for _ in 0..rng.log_uniform(16) {
                if !input.is_empty() {
                    let i = rng.below(input.len());
                    input[i] ^= 1 << rng.below(8);
                }
            }
        }
        InsertTokens => {
            let tokens = tokens(target);
            let mut piece = Vec::new();
            for _ in 0..rng.log_uniform(32) {
                piece.extend_from_slice(rng.pick(tokens).as_bytes());
            }
            splice_in(input, rng.below(input.len() + 1), &piece);
        }
        Splice => {
            if let Some(other) = others.get(rng.below(others.len())) {
                let from = rng.below(other.len() + 1);
                input.truncate(at);
                input.extend_from_slice(&other[from..]);
            }
        }
        Truncate => input.truncate(at),
        Delete => {
            let end = (at + rng.log_uniform(4096)).min(input.len());
            input.drain(at..end);
        }
        Repeat => {
            let end = (at + rng.log_uniform(64)).min(input.len());
            let slice = input[at..end].to_vec();
            let copies = rng
                .log_uniform(limits.max_len / slice.len().max(1))
                .min(1 << 20);
            let piece = slice.repeat(copies);
            splice_in(input, end, &piece);
        }
        DeepNesting => {
            let depth = rng.log_uniform(limits.max_depth);
            let (open, close): (&str, &str) = if target == "html" {
                *rng.pick(&[
                    ("<div>", "</div>"),
                    ("<span>", "</span>"),
                    ("<table><tr><td>", "</td></tr></table>"),
                    ("<ul><li>", "</li></ul>"),
                    ("<b><i>", "</i></b>"),
                    ("<blockquote>", "</blockquote>"),
                    ("<p>", "</p>"),
                ])
            } else {
                *rng.pick(&[("[", "]"), ("{\"a\":", "}"), ("[{\"text\":", "}]")])
            };
            let mut piece = open.repeat(depth).into_bytes();
            if rng.one_in(2) {
                piece.extend_from_slice(b"deep text");
                piece.extend_from_slice(close.repeat(depth).as_bytes());
            }
            splice_in(input, at, &piece);
        }
        LongLine => {
            let len = rng.log_uniform(limits.max_len.min(1 << 20));
            let word = *rng.pick(&["a", "word ", "\u{00e9}", "\u{201c}quote\u{201d} ", "x.y"]);
            let piece = word.repeat(len / word.len() + 1);
            splice_in(input, at, &piece.as_bytes()[..len.min(piece.len())]);
        }
        Nuls => {
            let piece = vec![0u8; rng.log_uniform(64)];
            splice_in(input, at, &piece);
        }
        InvalidUtf8 => {
            let piece = *rng.pick(INVALID_UTF8);
            splice_in(input, at, piece);
        }
        HugeAttribute => {
            let len = rng.log_uniform(limits.max_len.min(1 << 20));
            let mut piece = b"<div title=\"".to_vec();
            piece.resize(piece.len() + len, b'a');
            piece.extend_from_slice(b"\">x</div>");
            splice_in(input, at, &piece);
        }
        JsonStructure => mutate_json(rng, input, limits),
        Gzip => {
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            if encoder.write_all(input).is_ok()
                && let Ok(mut bytes) = encoder.finish()
            {
                if rng.one_in(3) {
                    let cut = rng.below(bytes.len() + 1);
                    bytes.truncate(cut);
                }
                *input = bytes;
            }
        }
        Prefix => {
            let piece = *rng.pick(PREFIXES);
            splice_in(input, 0, piece);
        }
        RandomBytes => {
            let len = rng.log_uniform(4096);
            *input = (0..len).map(|_| rng.next_u64() as u8).collect();
        }
    }
}

/// Invalid UTF-8: lone continuation bytes, overlong forms, surrogates,
/// and windows-1252 text.
const INVALID_UTF8: &[&[u8]] = &[
    b"\xff".as_slice(),
    b"\x80",
    b"\xc3",
    b"\xe2\x80",
    b"\xc0\xaf",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b"\xe9",
    b"\x93caf\xe9\x94",
];

/// Binary signatures, byte-order marks, the gzip magic, frame headers.
const PREFIXES: &[&[u8]] = &[
    b"%PDF-1.7\n".as_slice(),
    b"\x89PNG\r\n\x1a\n",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\x1f\x8b",
    b"PK\x03\x04",
    b"\x7fELF",
    b"\xff\xff\xff\xff\xff\xff\xff\x7f",
    b"\x10\x00\x00\x00\x00\x00\x00\x00",
];

fn splice_in(input: &mut Vec<u8>, at: usize, piece: &[u8]) {
    let at = at.min(input.len());
    input.splice(at..at, piece.iter().copied());
}

/// Fragments inserted by [`Mutation::InsertTokens`].
fn tokens(target: &str) -> &'static [&'static str] {
    match target {
        "html" | "sniff" => &[
            "<div>",
            "</div>",
            "<p>",
            "</p>",
            "<script>",
            "</script>",
            "<style>",
            "<!--",
            "-->",
            "<![CDATA[",
            "]]>",
            "<table><tr><td>",
            "</td>",
            "<a href=\"",
            "\">",
            "<",
            ">",
            "&amp;",
            "&#0;",
            "&#x110000;",
            "&nbsp;",
            "<br>",
            "<meta charset=\"windows-1252\">",
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">",
            "<script type=\"application/ld+json\">{\"@type\":\"ClaimReview\",\"reviewRating\":{\"alternateName\":\"False\"}}</script>",
            "<title>",
            "</title>",
            "<article>",
            "<h1>",
            "<noscript>",
            "<svg>",
            "<template>",
            "<iframe srcdoc=\"<p>x\">",
            "<html lang=\"ru\">",
            "Most read",
            " said ",
            "\u{201c}",
            "\u{201d}",
            "\"",
            "'",
            "=",
            " ",
            "\n",
            "\u{feff}",
            "\r",
        ],
        "text" => &[
            "\n",
            "\n\n",
            "Most read",
            "Share this article",
            "By ",
            " said ",
            "\u{201c}",
            "\u{201d}",
            "\"",
            "\u{2014}",
            "October 5, 2016",
            "Posted on ",
            "Tags: ",
            ". ",
            "|",
            "Mr. ",
            "U.S. ",
            "Rated: False",
            "Our ruling",
            "\u{0420}\u{0443}\u{0441}",
            "\t",
            "\r",
            "\u{feff}",
            "\u{200b}",
            "{",
            "<p>",
        ],
        _ => &[
            "{",
            "}",
            "[",
            "]",
            "\"",
            ":",
            ",",
            "\\",
            "\\u0000",
            "\\ud800",
            "\\uDC00",
            "1e999",
            "-0",
            "null",
            "true",
            "\"@type\":\"ClaimReview\"",
            "\"text\":",
            "\"url\":",
            "\n",
            " ",
            "\"ok\":",
            "\"error\":",
            "\"method\":\"verdict\"",
            "\"type\":\"verdict\"",
            "18446744073709551616",
            "0.0000000000000000000000001",
            "\u{2028}",
        ],
    }
}

/// Parses the input as JSON (or JSON Lines) and changes its structure;
/// input that is not JSON gets a bracket instead.
fn mutate_json(rng: &mut Rng, input: &mut Vec<u8>, limits: Limits) {
    let Ok(mut value) = serde_json::from_slice::<Value>(input) else {
        let bracket = *rng.pick(&["{", "[", "}", "]"]);
        splice_in(input, rng.below(input.len() + 1), bracket.as_bytes());
        return;
    };
    let mut nodes = 0;
    count(&value, &mut nodes);
    let target = rng.below(nodes);
    let mut seen = 0;
    change(&mut value, target, &mut seen, rng, limits);
    let bytes = match &value {
        // Arrays sometimes become JSON Lines.
        Value::Array(items) if rng.one_in(3) => {
            let mut out = Vec::new();
            for item in items {
                out.extend(serde_json::to_vec(item).unwrap_or_default());
                out.push(b'\n');
            }
            out
        }
        _ if rng.one_in(4) => serde_json::to_vec_pretty(&value).unwrap_or_default(),
        _ => serde_json::to_vec(&value).unwrap_or_default(),
    };
    *input = bytes;
}

fn count(value: &Value, n: &mut usize) {
    *n += 1;
    match value {
        Value::Array(items) => items.iter().for_each(|v| count(v, n)),
        Value::Object(map) => map.values().for_each(|v| count(v, n)),
        _ => {}
    }
}

/// Walks to node number `target` (pre-order) and changes it.
fn change(
    value: &mut Value,
    target: usize,
    seen: &mut usize,
    rng: &mut Rng,
    limits: Limits,
) -> bool {
    if *seen == target {
        replace(value, rng, limits);
        return true;
    }
    *seen += 1;
    match value {
        Value::Array(items) => items
            .iter_mut()
            .any(|v| change(v, target, seen, rng, limits)),
        Value::Object(map) => map
            .values_mut()
            .any(|v| change(v, target, seen, rng, limits)),
        _ => false,
    }
}

const FIELD_NAMES: &[&str] = &[
    "url",
    "title",
    "text",
    "content",
    "body",
    "date",
    "published",
    "author",
    "authors",
    "@type",
    "@context",
    "@graph",
    "claimReviewed",
    "reviewRating",
    "itemReviewed",
    "claims",
    "id",
    "source",
    "spans",
    "paragraphs",
    "start",
    "end",
    "verdict",
    "type",
    "message",
    "ok",
    "error",
];

fn replace(value: &mut Value, rng: &mut Rng, limits: Limits) {
    match rng.below(9) {
        0 => *value = Value::Null,
        1 => *value = Value::from(rng.next_u64() as i64),
        2 => *value = Value::from(*rng.pick(&[1e300, -0.0, 5e-324, 0.1, -1.5e-7])),
        3 => *value = Value::String("\u{0}\u{202e}\u{fffd}".repeat(rng.log_uniform(1024))),
        4 => {
            let mut v = Value::Null;
            for _ in 0..rng.log_uniform(limits.max_depth.min(200)) {
                v = Value::Array(vec![v]);
            }
            *value = v;
        }
        5 => {
            if let Value::Object(map) = value
                && let Some(key) = map.keys().nth(rng.below(map.len())).cloned()
            {
                map.remove(&key);
            }
        }
        6 => {
            if let Value::Object(map) = value {
                let v = map.values().next().cloned().unwrap_or(Value::Bool(true));
                map.insert((*rng.pick(FIELD_NAMES)).to_owned(), v);
            } else {
                let mut map = serde_json::Map::new();
                map.insert((*rng.pick(FIELD_NAMES)).to_owned(), value.take());
                *value = Value::Object(map);
            }
        }
        7 => {
            if let Value::Array(items) = value
                && let Some(first) = items.first().cloned()
            {
                // Bounded by the input size: a thousand copies of a
                // megabyte value once made the generator, not the parser,
                // take over a gigabyte.
                let size = serde_json::to_vec(&first).map_or(1, |b| b.len().max(1));
                let copies = rng.log_uniform(1000).min(limits.max_len / size);
                items.extend(std::iter::repeat_n(first, copies));
            } else {
                *value = Value::Array(vec![value.take()]);
            }
        }
        _ => *value = Value::String((*rng.pick(FIELD_NAMES)).to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Limits = Limits {
        max_depth: 1000,
        max_len: 1 << 16,
    };

    #[test]
    fn inputs_are_reproducible_and_bounded() {
        let seeds = vec![b"<p>one</p>".to_vec(), b"{\"text\": \"two\"}".to_vec()];
        let others = seeds.clone();
        for target in ["html", "text", "json", "envelope", "sniff"] {
            for i in 0..300 {
                let a = generate(
                    &mut Rng::for_input(3, target, i),
                    target,
                    &seeds,
                    &others,
                    LIMITS,
                );
                let b = generate(
                    &mut Rng::for_input(3, target, i),
                    target,
                    &seeds,
                    &others,
                    LIMITS,
                );
                assert_eq!(a, b);
                assert!(a.len() <= LIMITS.max_len);
            }
        }
    }

    #[test]
    fn deep_nesting_respects_max_depth() {
        let limits = Limits {
            max_depth: 50,
            max_len: 1 << 20,
        };
        for i in 0..200 {
            let mut input = Vec::new();
            let mut rng = Rng::for_input(1, "html", i);
            apply(&mut rng, DeepNesting, &mut input, "html", &[], limits);
            let text = String::from_utf8(input).unwrap();
            let opens = text
                .matches("<div>")
                .count()
                .max(text.matches("<span>").count());
            assert!(opens <= 50, "{opens}");
        }
    }

    #[test]
    fn json_structure_mutation_keeps_json_valid() {
        let mut changed = 0;
        for i in 0..200 {
            let mut input =
                br#"{"url": "u", "title": "t", "text": "body", "tags": [1, 2]}"#.to_vec();
            let original = input.clone();
            apply(
                &mut Rng::for_input(2, "json", i),
                JsonStructure,
                &mut input,
                "json",
                &[],
                LIMITS,
            );
            let lines_parse = input
                .split(|b| *b == b'\n')
                .filter(|l| !l.is_empty())
                .all(|l| serde_json::from_slice::<Value>(l).is_ok());
            assert!(serde_json::from_slice::<Value>(&input).is_ok() || lines_parse);
            changed += usize::from(input != original);
        }
        assert!(changed > 150, "{changed}");
    }
}
