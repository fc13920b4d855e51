//! Whole-document tests of the quote finder: speakers, roles, resolution.

use super::find;
use veracity_model::Span;

fn quotes(text: &str) -> Vec<(String, Option<String>, Option<String>, bool)> {
    let mut paras = Vec::new();
    let mut start = 0;
    for p in text.split("\n\n") {
        paras.push(Span::new(text, start, start + p.len()).unwrap());
        start += p.len() + 2;
    }
    let sents = veracity_text::sentences::sentences(text, &paras);
    find(text, &paras, &sents, &[])
        .into_iter()
        .map(|q| {
            (
                text[q.content.start()..q.content.end()].to_owned(),
                q.speaker.as_ref().map(|s| s.name.clone()),
                q.speaker.and_then(|s| s.role),
                q.direct,
            )
        })
        .collect()
}

#[test]
fn name_role_and_pronoun() {
    let t = "\u{201c}They are telling us not to hit it [Nusra Front],\u{201d} Russian Foreign Minister Sergei Lavrov said on Friday.\n\n\u{201c}We agreed on that,\u{201d} he said.";
    let q = quotes(t);
    assert_eq!(q[0].0, "They are telling us not to hit it [Nusra Front]");
    assert_eq!(q[0].1.as_deref(), Some("Sergei Lavrov"));
    assert_eq!(q[0].2.as_deref(), Some("Russian Foreign Minister"));
    assert_eq!(q[1].1.as_deref(), Some("Sergei Lavrov"));
}

#[test]
fn cue_first_and_appositive() {
    let t = "\"The honest pitch is reliability,\" said Hollis Grange, a water economist at the Alder Bay Institute.";
    let q = quotes(t);
    assert_eq!(q[0].1.as_deref(), Some("Hollis Grange"));
    assert_eq!(
        q[0].2.as_deref(),
        Some("water economist at the Alder Bay Institute")
    );
}

#[test]
fn indirect_speech_and_descriptor() {
    let t = "Russian Foreign Minister Sergei Lavrov on Friday said that the coalition is divided.\n\nThe issue was discussed in Hamburg, the minister added.\n\nLavrov said that talks would go on.";
    let q = quotes(t);
    assert_eq!(q.len(), 3, "{q:?}");
    assert!(
        q.iter()
            .all(|x| x.1.as_deref() == Some("Sergei Lavrov") && !x.3),
        "{q:?}"
    );
    assert_eq!(q[0].0, "the coalition is divided");
}

#[test]
fn speaker_mid_sentence_with_an_object() {
    let q = quotes("Lavrov told a news conference in Moscow on Friday that the talks would go on.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "the talks would go on");
    assert_eq!(q[0].1.as_deref(), Some("Lavrov"));
    // "that" deep inside the reported clause is not the complementiser.
    let q = quotes(
        "Garcia said the meteorite may be related to an asteroid that was seen on Saturday.",
    );
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn reported_clause_holding_a_direct_quote() {
    let q = quotes("Kerry told reporters in Geneva on Friday that the ceasefire \"will hold.\"");
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q.iter().all(|x| x.1.as_deref() == Some("Kerry")), "{q:?}");
    assert_eq!(
        (q[0].0.as_str(), q[0].3),
        ("the ceasefire \"will hold.\"", false)
    );
    assert_eq!((q[1].0.as_str(), q[1].3), ("will hold.", true));
    // A clause that is all quote is left to the direct quote.
    let q = quotes(
        "Lavrov stressed that \u{201c}such groups should leave terrorist positions.\u{201d}",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].3);
}

#[test]
fn adding_that_after_a_quote() {
    let q = quotes(
        "\"We will not strike,\" Lavrov told a news conference in Moscow, adding that the talks would go on.",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].0, "We will not strike");
    assert_eq!(q[1].0, "the talks would go on");
    assert!(q.iter().all(|x| x.1.as_deref() == Some("Lavrov")), "{q:?}");
}

#[test]
fn relative_clause_is_not_a_role() {
    let q = quotes(
        "In the meantime, Kerry, who is in Paris, told journalists that he had discussed the violence.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Kerry"));
    assert_eq!(q[0].2, None);
}

#[test]
fn described_speakers_resolve_or_keep_their_role() {
    // Resolved to the last speaker whose role has every word.
    let q = quotes(
        "\u{201c}We struck the depot at dawn,\u{201d} said Pentagon spokesman Jeff Davis.\n\nThe strikes will continue until the end of the month, a Pentagon spokesman said.",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1.as_deref(), Some("Jeff Davis"));
    assert_eq!(q[1].2.as_deref(), Some("Pentagon spokesman"));
    let q = quotes(
        "\u{201c}The talks were useful,\u{201d} Russian Foreign Minister Sergei Lavrov said.\n\nThe talks in Geneva were constructive, the Russian foreign minister said.",
    );
    assert_eq!(q[1].1.as_deref(), Some("Sergei Lavrov"), "{q:?}");
    // No compatible speaker: unresolved, the description kept as printed.
    let q = quotes(
        "\u{201c}We struck the depot at dawn,\u{201d} said State Department spokesman Mark Toner.\n\nThe strikes will continue until the end of the month, a Pentagon spokesman said.",
    );
    assert_eq!(q[1].1.as_deref(), Some("a Pentagon spokesman"), "{q:?}");
    assert_eq!(q[1].2.as_deref(), Some("Pentagon spokesman"));
}

#[test]
fn unresolved_pronoun_stays_unresolved() {
    let q = quotes("\u{201c}It will rain all week long,\u{201d} she said.");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].1, None);
}

#[test]
fn reviewed_claim_quoted_without_a_speaker_is_the_claimants() {
    let text = "Critics repeated that \u{201c}the plant will double water bills by next year\u{201d} online.";
    let paras = [Span::whole(text)];
    let sents = veracity_text::sentences::sentences(text, &paras);
    let claims = [super::KnownClaim {
        claim: "The plant will double water bills by next year.".to_owned(),
        name: "Dana Whitfield".to_owned(),
        role: Some("Mayor".to_owned()),
    }];
    let q = find(text, &paras, &sents, &claims);
    assert_eq!(q.len(), 1, "{q:?}");
    let speaker = q[0].speaker.as_ref().expect("the claimant");
    assert_eq!(speaker.name, "Dana Whitfield");
    assert_eq!(speaker.role.as_deref(), Some("Mayor"));
    // Named nowhere in the text: no span.
    assert_eq!(speaker.span, None);
    assert_eq!(q[0].cue, None);
}
