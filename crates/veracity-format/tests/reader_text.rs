//! What a person reads never carries internal ids or byte offsets: the
//! engine's explanation may cite `doc-…` ids and byte spans for auditors,
//! so the Markdown report, the HTML page (outside its "how the verdict was
//! reached" fold) and ClaimReview's `reviewBody` say it in plain sentences.

mod common;

use common::{EXAMPLE, HOSTILE, load, options_for, render};
use veracity_model::Report;

/// Both test reports, with the explanations an auditor gets from the
/// built-in engine: a document id and a byte span in each.
fn reports() -> Vec<Report> {
    [EXAMPLE, HOSTILE]
        .into_iter()
        .map(|path| {
            let mut report = load(path);
            for v in &mut report.verdicts {
                v.explanation = format!(
                    "Strongest evidence against: Water Watch (doc-0123456789abcdef, bytes \
                     486\u{2013}555). Published review in doc-fedcba9876543210 (match 1.00). {}",
                    v.claim
                );
            }
            report
        })
        .collect()
}

/// An internal id (`doc-`/`claim-` and 16 hex digits) or a byte span.
fn internal(text: &str) -> Option<String> {
    for prefix in ["doc-", "claim-"] {
        for (at, _) in text.match_indices(prefix) {
            let rest = &text[at + prefix.len()..];
            let hex = rest.chars().take_while(char::is_ascii_hexdigit).count();
            if hex >= 16 {
                return Some(text[at..at + prefix.len() + 16].to_owned());
            }
        }
    }
    for (at, _) in text.match_indices("bytes ") {
        if text[at + 6..].starts_with(|c: char| c.is_ascii_digit()) {
            return Some(text[at..].chars().take(20).collect());
        }
    }
    None
}

/// The text a browser shows: tags dropped, the auditors' fold cut out.
fn visible_html(page: &str) -> String {
    let mut page = page.to_owned();
    while let Some(start) = page.find("<details class=\"how\">") {
        let end = start + page[start..].find("</details>").expect("the fold closes");
        page.replace_range(start..end + "</details>".len(), "");
    }
    let mut text = String::new();
    let mut in_tag = false;
    for c in page.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[test]
fn the_probe_finds_ids_and_byte_spans() {
    assert!(internal("see doc-0123456789abcdef here").is_some());
    assert!(internal("claim-0eed882ffc55233d").is_some());
    assert!(internal("(bytes 486–555)").is_some());
    assert!(internal("doc-abc and 12 bytes of text, claim-less").is_none());
}

#[test]
fn markdown_has_no_internal_ids() {
    for report in reports() {
        let out = String::from_utf8(render(&report, "markdown", &options_for("markdown"))).unwrap();
        assert_eq!(internal(&out), None, "{out}");
        assert!(
            out.contains("this is not a finding that it is false") || out.contains("Rated "),
            "the verdict is said in plain sentences: {out}"
        );
    }
}

#[test]
fn html_shows_internal_ids_only_in_the_auditors_fold() {
    for report in reports() {
        let out = String::from_utf8(render(&report, "html", &options_for("html"))).unwrap();
        let shown = visible_html(&out);
        assert_eq!(internal(&shown), None, "{shown}");
        // The fold keeps them for an auditor.
        assert!(out.contains("doc-0123456789abcdef, bytes 486"));
    }
}

#[test]
fn claimreview_review_bodies_have_no_internal_ids() {
    for report in reports() {
        let out = render(&report, "claimreview", &options_for("claimreview"));
        let reviews: serde_json::Value = serde_json::from_slice(&out).unwrap();
        for review in reviews.as_array().unwrap() {
            let body = review["reviewBody"].as_str().unwrap();
            assert_eq!(internal(body), None, "{body}");
        }
    }
}
