//! Hostile and messy inputs, generated here (no large files in the
//! repository): each gives documents or a clear error, never a panic, a
//! stack overflow or a hang. The benchmark `cargo xtask bench
//! parse-adversarial` runs the same shapes at full size.

use veracity_model::DropRule;
use veracity_parse::{Options, Parsed, parse};

fn parse_ok(bytes: &[u8]) -> Parsed {
    match parse(bytes, "hostile.html", &Options::default()) {
        Ok(p) => p,
        Err(e) => panic!("{e}"),
    }
}

fn warned(p: &Parsed, needle: &str) -> bool {
    p.warnings.iter().any(|w| w.message.contains(needle))
}

fn nested(depth: usize, closed: bool) -> Vec<u8> {
    let mut s = String::from("<html><body><p>Before the nest.</p>");
    s.push_str(&"<div>level ".repeat(depth));
    if closed {
        s.push_str(&"</div>".repeat(depth));
        s.push_str("<p>After the nest.</p>");
    }
    s.push_str("</body></html>");
    s.into_bytes()
}

/// Runs `f` on a thread with a 1 MB stack: deep recursion anywhere in the
/// pipeline would overflow it.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn deep_nesting_closed_and_unclosed() {
    for closed in [true, false] {
        let p = on_small_stack(move || parse_ok(&nested(100_000, closed)));
        assert_eq!(p.documents.len(), 1);
        let text = &p.documents[0].text;
        // The levels past the cap join the deepest kept one, which is what
        // Readability picks as the main content: the text of the (at most
        // 256) levels above it is left out, as an ancestor's text is.
        let levels = text.matches("level").count();
        assert!(
            (99_700..=100_000).contains(&levels),
            "closed={closed}: {levels}"
        );
        assert!(warned(&p, "nested deeper than"), "{:?}", p.warnings);
    }
}

#[test]
fn huge_attribute() {
    let page = format!(
        "<html><body><p data-blob=\"{}\">The plant closed on Tuesday after the inspection.</p>\
         </body></html>",
        "A".repeat(2 << 20)
    );
    let p = parse_ok(page.as_bytes());
    assert!(p.documents[0].text.contains("The plant closed on Tuesday"));
    assert!(warned(&p, "attributes"), "{:?}", p.warnings);
}

#[test]
fn many_tiny_elements() {
    let page = format!("<html><body>{}</body></html>", "<i>x</i> ".repeat(300_000));
    let p = parse_ok(page.as_bytes());
    assert_eq!(p.documents[0].text.matches('x').count(), 300_000);
    assert!(warned(&p, "more than 200000 elements"), "{:?}", p.warnings);
}

#[test]
fn unclosed_formatting_tags() {
    let page = format!(
        "<html><body>{}</body></html>",
        "<div><b class=k>bold text</div>".repeat(5_000)
    );
    let p = parse_ok(page.as_bytes());
    assert_eq!(p.documents[0].text.matches("bold text").count(), 5_000);
    assert!(warned(&p, "formatting tags"), "{:?}", p.warnings);
}

#[test]
fn one_long_line() {
    let line = "The council said emissions rose four percent last year. ".repeat(40_000);
    let p = parse_ok(line.as_bytes());
    assert!(p.documents[0].text.len() > 2_000_000);
    let p = parse_ok(format!("<html><body><p>{line}</p></body></html>").as_bytes());
    assert!(p.documents[0].text.len() > 2_000_000);
}

#[test]
fn nul_bytes_are_a_clear_error() {
    let err = parse(
        b"<html><body>\0\0\0</body></html>",
        "nul.html",
        &Options::default(),
    )
    .err()
    .map(|e| e.to_string());
    let err = err.unwrap_or_default();
    assert!(err.starts_with("nul.html: "), "{err}");
    assert!(err.contains("binary"), "{err}");
}

#[test]
fn mixed_encodings_give_documents_or_a_clear_error() {
    // UTF-8, then a windows-1252 curly quote and an ISO-8859-1 e-acute.
    let mut page = "<html><body><p>Caf\u{e9} owners said".as_bytes().to_vec();
    page.extend_from_slice(b" \x93no\x94 to the caf\xe9 rule.</p></body></html>");
    match parse(&page, "mixed.html", &Options::default()) {
        Ok(p) => assert!(p.documents[0].text.contains("owners said")),
        Err(e) => assert!(e.to_string().starts_with("mixed.html: "), "{e}"),
    }
}

#[test]
fn random_tag_soup_does_not_overflow() {
    // Every opening construct, deeply repeated and never closed.
    let mut page = String::new();
    for k in 0..20_000 {
        page.push_str(match k % 7 {
            0 => "<table><tr><td>",
            1 => "<ul><li>",
            2 => "<svg><g>",
            3 => "<font size=2><a href=x>",
            4 => "<select><option>",
            5 => "<p><span>",
            _ => "<blockquote>",
        });
        page.push_str("t ");
    }
    let p = on_small_stack(move || parse(page.as_bytes(), "soup.html", &Options::default()));
    assert!(p.is_ok());
}

/// A five-paragraph article whose fourth paragraph starts "Most read".
fn most_read_article(heading: &str) -> String {
    format!(
        "Council disputes emissions figure\n\n\
         The mayor said on Monday that emissions in the city fell sharply last year, \
         crediting the new bus lanes.\n\n\
         Figures published by the regional agency tell a different story, according to \
         the council's own climate office.\n\n\
         {heading}\n\n\
         The agency's report shows that emissions rose by 4.2 percent in 2024, the \
         largest rise in a decade, which rebuts the mayor's claim.\n\n\
         A spokesperson for the mayor said the office would review the agency's figures \
         before commenting further.\n"
    )
}

#[test]
fn most_read_in_the_middle_does_not_cut_the_article() {
    for heading in [
        "Most read",
        "Most readers of the agency's report will find a different figure in its annex, on page twelve.",
    ] {
        let page = most_read_article(heading);
        let p = parse(page.as_bytes(), "article.txt", &Options::default()).unwrap();
        let text = &p.documents[0].text;
        assert!(text.contains("rose by 4.2 percent"), "{heading}: {text}");
        assert!(text.contains("review the agency's figures"), "{heading}");
        if heading == "Most read" {
            assert!(warned(&p, "was kept"), "{:?}", p.warnings);
        }
    }
}

#[test]
fn most_read_at_the_end_cuts_the_list_and_says_so() {
    let mut page = most_read_article("Officials declined to comment on the dispute itself.");
    page.push_str("\nMost read\n\n");
    for k in 0..150 {
        page.push_str(&format!("Ferry timetable changes for route {k}\n\n"));
    }
    let p = parse(page.as_bytes(), "article.txt", &Options::default()).unwrap();
    let text = &p.documents[0].text;
    assert!(text.contains("rose by 4.2 percent"));
    assert!(!text.contains("Ferry timetable"));
    assert!(
        warned(&p, "to the end as related links"),
        "{:?}",
        p.warnings
    );
    // The cut is in the document's own record too, with its size.
    let cut = p.documents[0]
        .dropped
        .iter()
        .find(|d| d.rule == DropRule::AfterEndMarker)
        .expect("the cut is recorded");
    let list: usize = (0..150)
        .map(|k| format!("Ferry timetable changes for route {k}").len())
        .sum();
    assert_eq!(cut.bytes as usize, list);
}

/// Every rule that drops text says so in the document, however little it
/// dropped: here a menu, a share bar, a line of furniture and a short list
/// of other stories, none big enough for a warning.
#[test]
fn html_drops_are_recorded_by_rule() {
    let prose = "<p>The harbour board said on Friday that ferry crossings fell by a third \
                 over the winter, blaming the storms that closed the port for nine days.</p>";
    let page = format!(
        "<html><body><nav><a href=/>Home</a> <a href=/news>News desk</a></nav>\
         <article><h1>Ferry crossings fall</h1>{}<p>Advertisement</p>\
         <h2>Related stories</h2><p>Bridge tolls go up again</p></article>\
         <footer>Harbour Gazette, all rights reserved</footer></body></html>",
        prose.repeat(6)
    );
    let p = parse_ok(page.as_bytes());
    let doc = &p.documents[0];
    assert!(!doc.text.contains("News desk") && !doc.text.contains("Advertisement"));
    let rules: Vec<DropRule> = doc.dropped.iter().map(|d| d.rule).collect();
    for rule in [
        DropRule::PageFurniture,
        DropRule::BoilerplateLine,
        DropRule::RelatedStories,
    ] {
        assert!(
            rules.contains(&rule),
            "{rule:?} missing from {:?}",
            doc.dropped
        );
    }
    assert!(doc.dropped.iter().all(|d| d.bytes > 0 && d.pieces > 0));
}

/// Headings that hold each other: Readability compares every heading's
/// text with the title, so each level read the rest of the page again
/// (a 1.1 MB fuzz input took 10 s).
#[test]
fn headings_inside_headings_are_linear() {
    let page = "<article><h1>Ministers meet on the harbour budget ".repeat(200_000 / 50);
    let p = parse_ok(page.as_bytes());
    assert!(
        warned(&p, "headings inside other headings"),
        "{:?}",
        p.warnings
    );
}

/// Many lists nested 200 deep: Readability's descendant searches cost the
/// elements times their depth (a 671 KB fuzz input took 12 s), so such a
/// page is read from its cleaned body, with a warning.
#[test]
fn many_deeply_nested_elements_skip_readability() {
    let branch = "<ul><li>".repeat(200) + "Ferry notes" + &"</li></ul>".repeat(200);
    let page = format!("<html><body>{}</body></html>", branch.repeat(40));
    let p = parse_ok(page.as_bytes());
    assert!(warned(&p, "nested too deeply"), "{:?}", p.warnings);
    assert!(p.documents[0].text.contains("Ferry notes"));
    // A page of the same size, nested as real pages are, is not touched.
    let shallow = "<ul><li>Ferry notes</li></ul>".repeat(4_000);
    let p = parse_ok(format!("<html><body>{shallow}</body></html>").as_bytes());
    assert!(!warned(&p, "nested too deeply"), "{:?}", p.warnings);
}

/// A paragraph of thousands of quotes and sentences: each sentence looked
/// at every quote of its paragraph (a 4 MB fuzz input took 130 s).
#[test]
fn a_paragraph_of_many_quotes_is_linear() {
    let text = format!(
        "Fares rise again\n\n{}\n",
        "Officials said that \"the fares rise\" again. ".repeat(40_000)
    );
    let p = parse(text.as_bytes(), "quotes.txt", &Options::default()).unwrap();
    assert_eq!(p.documents.len(), 1);
}

#[test]
fn html_related_heading_in_the_middle_keeps_the_text() {
    let page = "<html><body><article>\
        <p>The mayor said on Monday that emissions in the city fell sharply last year.</p>\
        <h2>Most popular</h2>\
        <p>Emissions rose 4.2 percent in 2024</p>\
        <p>The agency stands by its figure</p>\
        <p>The mayor's office will review it</p>\
        </article></body></html>";
    let p = parse(page.as_bytes(), "page.html", &Options::default()).unwrap();
    let text = &p.documents[0].text;
    assert!(text.contains("Emissions rose 4.2 percent"), "{text}");
    assert!(warned(&p, "were kept"), "{:?}", p.warnings);
}

/// One page-long sentence repeating a speaker phrase: each quote's speaker
/// search once went back to the sentence's start, k quotes × n bytes (a
/// 423 KB fuzz input took 11 s; this one took minutes in a debug build).
#[test]
fn a_page_long_sentence_of_speaker_phrases_is_linear() {
    let mut text = String::from("Ferry fares rise again\n\nBy Mara Quill\n\n");
    text.push_str(&"\u{201c}We held prices,\u{201d} said Operng Quill and ".repeat(8_000));
    text.push_str("the crossing took an hour.\n");
    let p = parse(text.as_bytes(), "hostile.txt", &Options::default()).unwrap();
    assert_eq!(p.documents.len(), 1);
}

/// A text run of thousands of `&`: html5ever's escaping scanned the rest
/// of the run once per `&` (an 855 KB fuzz input took 6 s).
#[test]
fn a_run_of_ampersands_is_linear() {
    let page = format!(
        "<html><body><article><h1>Fares</h1><p>We held prices as long as we could,{} said the operator.</p></article></body></html>",
        "&".repeat(400_000)
    );
    let p = parse_ok(page.as_bytes());
    assert_eq!(p.documents.len(), 1);
}

/// A windows-1252 page whose bytes are UTF-8 "é": decoded, each becomes
/// "Ã©", and "©" stops html5ever's escaping. The run followed a `<8`,
/// which opens no tag, and was missed by the run splitter (a 1 MB fuzz
/// input took 25 s).
#[test]
fn an_escape_heavy_run_after_a_stray_less_than_sign_is_linear() {
    let mut page = b"<!DOCTYPE html><html><head><meta charset=\"windows-1252\"><title>Caf\xe9</title></head>\
        <body><article><h1>Caf\xe9 wins appeal</h1><p>The court ruled on Monday that the caf\xe9 may stay open.<8.<8."
        .to_vec();
    page.extend("é".repeat(150_000).bytes());
    page.extend_from_slice(b"</p></article></body></html>");
    let p = parse_ok(&page);
    assert_eq!(p.documents.len(), 1);
    assert!(warned(&p, "long runs of"), "{:?}", p.warnings);
}

/// `<b><i>..</b></i>` misnested by the thousand in an unclosed paragraph:
/// `bound` dropped each stray `</i>`, which the tree builder needs to stop
/// reopening the `<i>`, so the tree nested one level deeper per repeat and
/// Readability's selectors recursed down it until a worker thread's stack
/// overflowed (a 4 MB fuzz input ended the process).
#[test]
fn misnested_formatting_by_the_thousand_does_not_overflow() {
    let page = format!(
        "<html><body><div><p>Ferry fares\n<p>Fares rise {}</div></body></html>",
        "<b><i>in spring</b></i> and ".repeat(20_000)
    );
    let p = on_small_stack(move || parse_ok(page.as_bytes()));
    assert_eq!(p.documents.len(), 1);
    assert_eq!(p.documents[0].text.matches("in spring").count(), 20_000);
    assert!(!warned(&p, "nests"), "{:?}", p.warnings);
}

/// A formatting element left open across blocks is copied into each block
/// (the adoption agency), one level deeper each time, whatever `bound`
/// lets through: a tree that deep is read without Readability.
#[test]
fn formatting_copied_into_blocks_by_the_thousand_does_not_overflow() {
    let page = format!(
        "<html><body>{}</body></html>",
        "<i><div>Tide tables</i>".repeat(5_000)
    );
    let p = on_small_stack(move || parse_ok(page.as_bytes()));
    assert_eq!(p.documents.len(), 1);
    assert!(warned(&p, "elements deep"), "{:?}", p.warnings);
    assert_eq!(p.documents[0].text.matches("Tide tables").count(), 5_000);
}

/// `<style>` inside `<svg>` is an SVG element whose content is markup, not
/// CSS text: the nested lists after it reached the tree builder, whose
/// scope checks walk its stack of open elements (a 433 KB fuzz input took
/// 10 s).
#[test]
fn markup_after_a_style_inside_svg_is_bounded_too() {
    let page = format!(
        "<html><body><article><h1>Tides<svg><style>{}Harbour notes{}</article></body></html>",
        "<ul><li>".repeat(20_000),
        "</li></ul>".repeat(20_000)
    );
    let p = on_small_stack(move || parse_ok(page.as_bytes()));
    assert!(warned(&p, "nested deeper than"), "{:?}", p.warnings);
}

/// An unclosed `<title>` in the body takes in the rest of the page as its
/// text, which Readability serialises escaped: escape-heavy, that was
/// quadratic (a 3.3 MB fuzz input took 10 s). Such a title is emptied.
#[test]
fn an_unclosed_title_of_megabytes_is_emptied() {
    let page = format!(
        "<html><body><article><p>The harbour reopened on Monday.</p><title>{}</article></body></html>",
        "\u{ab}Tide\u{bb} & ".repeat(100_000)
    );
    let p = parse_ok(page.as_bytes());
    assert!(warned(&p, "were emptied"), "{:?}", p.warnings);
    assert!(p.documents[0].text.contains("The harbour reopened"));
    // A title of ordinary length is left as it is.
    let page = "<html><head><title>Harbour reopens &amp; ferries return</title></head>\
        <body><article><p>The harbour reopened on Monday.</p></article></body></html>";
    let p = parse_ok(page.as_bytes());
    assert!(!warned(&p, "were emptied"), "{:?}", p.warnings);
}

/// Two ways the bounding pass read markup otherwise than the tree builder
/// and let deep nesting through (fuzz inputs of 419 KB and 861 KB took 44 s
/// and 24 s): a tag name with a non-ASCII byte (`<scrip\u{fffd}t>` is no
/// `<script>`, so what follows is markup), and `</` before a `<` (a
/// comment up to the next `>`, not an `<iframe>` whose text runs to the
/// end).
#[test]
fn tags_bound_misread_are_bounded_too() {
    let lists = format!(
        "{}Harbour notes{}",
        "<ul><li>".repeat(20_000),
        "</li></ul>".repeat(20_000)
    );
    for head in [
        "<head><title>Ferry fares</title><scrip\u{fffd}t>var x = \"",
        "<head><title>Ferry fares</title></<iframe srcdoc=\"<p>x\">&nbsp;head>",
    ] {
        let page = format!(
            "<!DOCTYPE html><html>{head}<body><article>{lists}</article><script>1</script></body></html>"
        );
        let p = on_small_stack(move || parse_ok(page.as_bytes()));
        assert!(warned(&p, "nested deeper than"), "{head}: {:?}", p.warnings);
    }
}
