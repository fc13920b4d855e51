//! Helpers for unit tests: documents built in code.

use crate::index::split_sentences;
use veracity_model::{Document, DocumentId, DocumentKind, Quote, Source, Span, Speaker};

/// A news document named `name` with sentence spans from the fallback splitter.
pub fn doc(name: &str, text: &str) -> Document {
    Document {
        id: DocumentId::from_content(&[name]),
        source: Source {
            location: format!("{name}.txt"),
            media_type: "text/plain".into(),
            sha256: String::new(),
            byte_range: None,
            url: None,
            encoding: None,
        },
        kind: DocumentKind::News,
        title: Some(format!("Title {name}")),
        authors: Vec::new(),
        published: None,
        language: Some("en".into()),
        detected_language: None,
        publisher: Some(format!("Publisher {name}")),
        dateline: None,
        syndicated_from: Vec::new(),
        text: text.to_owned(),
        paragraphs: vec![Span::whole(text)],
        sentences: split_sentences(text),
        quotes: Vec::new(),
        reviews: Vec::new(),
        parent: None,
        dropped: Vec::new(),
    }
}

/// Adds a quote of `content` (which must occur in the text) by `speaker`.
pub fn with_quote(mut d: Document, content: &str, speaker: &str) -> Document {
    let content = Span::find(&d.text, content).expect("quote content occurs in the text");
    d.quotes.push(Quote {
        content,
        speaker: Some(Speaker {
            name: speaker.to_owned(),
            role: None,
            span: None,
        }),
        cue: Some("said".into()),
        direct: true,
    });
    d
}
