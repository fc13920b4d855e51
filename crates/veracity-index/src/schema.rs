//! The index's fields, and the format its commits are stamped with.

use tantivy::Index;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{TextAnalyzer, WhitespaceTokenizer};

/// The tokenizer of the `terms` field: a passage's terms come already
/// analysed, joined by spaces (an analysed term holds none), each as often
/// as it occurs. Splitting at spaces is all tantivy has to do; handing it
/// the tokens themselves (`PreTokenizedString`) costs more, as tantivy 0.27
/// keeps them in a document as JSON and reads them back.
const TERMS_TOKENIZER: &str = "veracity_terms";

/// Registers the `terms` field's tokenizer with an index opened or made.
pub fn register_tokenizer(index: &Index) {
    index.tokenizers().register(
        TERMS_TOKENIZER,
        TextAnalyzer::from(WhitespaceTokenizer::default()),
    );
}

/// The on-disk format; a commit stores it, and an index of another format
/// is refused rather than misread. Format 2 gives every record a length (0
/// for documents and notes), so lengths are one column read, passages no
/// kind or location, and passage terms a tokenizer of their own. Format 3
/// marks the document records a check must find without reading every
/// document ([`REVIEWED`], [`SET_ASIDE`]); format 4 keeps each passage's
/// text key (`key`); format 5 indexes each document's id (`id`), so a
/// document named in a claims file is found without reading others.
pub const FORMAT: u32 = 5;

/// Record kinds (the `kind` field; a passage has none, and is told by its
/// length, at least one word).
pub const DOCUMENT: &str = "document";
/// A note the parser made on an input (its JSON in `body`).
pub const DIAGNOSTIC: &str = "diagnostic";
/// A second `kind` of a document record that carries published reviews:
/// a check matches every claim against them.
pub const REVIEWED: &str = "reviewed";
/// A second `kind` of a document record set aside for its language: a
/// report warns of each.
pub const SET_ASIDE: &str = "set_aside";

/// The fields of every record.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// `document` or `diagnostic`.
    pub kind: Field,
    /// The file (or URL) a document or note was read from: they, and the
    /// passages of the documents, are replaced when that file is indexed
    /// again.
    pub location: Field,
    /// The document's number: collection order, counting on across appends.
    pub doc: Field,
    /// A document record's id (indexed, not stored: it is in `body`).
    pub id: Field,
    /// A document record's JSON.
    pub body: Field,
    /// A passage's analysed terms, joined by spaces (term frequencies, no
    /// positions).
    pub terms: Field,
    /// A passage's byte span in its document's text.
    pub start: Field,
    /// End of that span.
    pub end: Field,
    /// A passage's `veracity_verdict::text_key`: copies of one text share
    /// it, so a check caps them without reading their documents.
    pub key: Field,
    /// A passage's length for BM25 (words, stop words included); 0 on the
    /// other records.
    pub len: Field,
}

impl Fields {
    /// The schema and its fields.
    pub fn schema() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let terms = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TERMS_TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqs)
                .set_fieldnorms(false),
        );
        let fields = Fields {
            kind: b.add_text_field("kind", STRING),
            location: b.add_text_field("location", STRING),
            doc: b.add_u64_field("doc", FAST | INDEXED),
            id: b.add_text_field("id", STRING),
            body: b.add_text_field("body", STORED),
            terms: b.add_text_field("terms", terms),
            start: b.add_u64_field("start", FAST),
            end: b.add_u64_field("end", FAST),
            key: b.add_u64_field("key", FAST),
            len: b.add_u64_field("len", FAST),
        };
        (b.build(), fields)
    }

    /// The fields of an opened index, by name; `None` when one is missing.
    pub fn of(schema: &Schema) -> Option<Fields> {
        let f = |name: &str| schema.get_field(name).ok();
        Some(Fields {
            kind: f("kind")?,
            location: f("location")?,
            doc: f("doc")?,
            id: f("id")?,
            body: f("body")?,
            terms: f("terms")?,
            start: f("start")?,
            end: f("end")?,
            key: f("key")?,
            len: f("len")?,
        })
    }
}

/// What each commit stores beside the segments (tantivy's commit payload):
/// the format and the next document number.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
pub struct Payload {
    /// [`FORMAT`].
    pub format: u32,
    /// The number the next document added gets.
    pub next_doc: u64,
}
