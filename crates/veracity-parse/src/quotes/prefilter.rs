//! Byte-level prechecks that decide whether a stretch of text can hold an
//! attribution before any word list is built: most sentences hold no cue
//! verb, and tokenizing them all would cost more than the rules that follow.

use super::lexicon::CUE_VERBS;
use super::words::{SPACE, byte_class};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, packed};
use std::sync::OnceLock;
use veracity_text::scan::word_set;

/// For each byte, the lengths (bits) of the cues it starts.
static CUE_FIRST: [u16; 256] = {
    let mut t = [0; 256];
    let mut i = 0;
    while i < CUE_VERBS.len() {
        let b = CUE_VERBS[i].as_bytes();
        t[b[0] as usize] |= 1 << b.len();
        i += 1;
    }
    t
};

/// For each byte, whether a cue ends with it.
static CUE_LAST: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < CUE_VERBS.len() {
        let b = CUE_VERBS[i].as_bytes();
        t[b[b.len() - 1] as usize] = true;
        i += 1;
    }
    t
};

/// True when some word of `s` may be a cue: some maximal run of ASCII
/// letters and digits is one. A word whose text is a cue is such a run
/// (white space or punctuation on either side; a byte of a non-ASCII char
/// ends a run too, which only adds runs).
pub(super) fn has_cue_run(s: &str) -> bool {
    let b = s.as_bytes();
    // Runs end at random: the tests on the length and the end letters,
    // which most runs fail, are made at every byte without a branch (`&`,
    // not `&&`), and only a run that passes them is looked up.
    let cue = |start: usize, end: usize, last: u8| {
        let fits = (CUE_FIRST[usize::from(b[start])] >> (end - start).min(15)) & 1 != 0;
        fits & CUE_LAST[usize::from(last)]
    };
    let mut start = 0;
    let mut inside = false;
    let mut last = 0;
    for (i, &c) in b.iter().enumerate() {
        let alnum = c.is_ascii_alphanumeric();
        if !alnum & inside & cue(start, i, last) && word_set!(CUE_VERBS).contains(&s[start..i]) {
            return true;
        }
        start = if alnum & !inside { i } else { start };
        inside = alnum;
        last = c;
    }
    inside && cue(start, b.len(), last) && word_set!(CUE_VERBS).contains(&s[start..])
}

/// Where "that" starts in `text`, in any ASCII case, found in one pass.
/// Its 16 spellings go to the packed SIMD searcher (Teddy), which checks
/// only the few "tha"s; a case-insensitive automaton, whose prefilter
/// stops at every "h", serves where Teddy cannot run.
pub(super) fn thats(text: &str) -> Vec<usize> {
    type Finder = Result<packed::Searcher, AhoCorasick>;
    static FINDER: OnceLock<Finder> = OnceLock::new();
    let finder = FINDER.get_or_init(|| {
        let spellings = (0..16u8).map(|bits| {
            let mut w = *b"that";
            for (k, c) in w.iter_mut().enumerate() {
                if bits & (1 << k) != 0 {
                    c.make_ascii_uppercase();
                }
            }
            w
        });
        packed::Config::new()
            .builder()
            .extend(spellings)
            .build()
            .ok_or_else(that_automaton)
    });
    match finder {
        Ok(teddy) => teddy.find_iter(text).map(|m| m.start()).collect(),
        Err(automaton) => automaton.find_iter(text).map(|m| m.start()).collect(),
    }
}

fn that_automaton() -> AhoCorasick {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(["that"])
        .expect("a static pattern builds")
}

/// Whether `sent` can report speech in the forms
/// [`reported`](super::indirect::reported) knows, decided on the bytes: a
/// cue word after the last word that ends in a comma ("CLAUSE, SPEAKER
/// CUE") or at most ten words before a "that" ("SPEAKER CUE [object] that
/// CLAUSE"). `thats` are where the words "that" of `sent` start.
pub(super) fn may_report(sent: &str, mut thats: impl Iterator<Item = usize>) -> bool {
    // A comma, like "that", ends a run: the runs before "that" or after a
    // comma are the sentence's.
    last_word_comma(sent).is_some_and(|c| has_cue_run(&sent[c + 1..]))
        || thats.any(|t| has_cue_run(&sent[tokens_before(sent.as_bytes(), t, 10)..t]))
}

/// Where the `n`th token before the one holding byte `at` starts, tokens
/// split at ASCII white space (other white space only makes the reach
/// longer). Between a cue and its "that", the forward rule of indirect
/// speech allows nine words and no other token (a dash or bracket there
/// ends the phrase).
fn tokens_before(b: &[u8], at: usize, n: usize) -> usize {
    let space = |i: usize| byte_class(b[i - 1]) & SPACE != 0;
    let mut i = at;
    // The start of the token holding `at`, then of each token before it.
    while i > 0 && !space(i) {
        i -= 1;
    }
    for _ in 0..n {
        while i > 0 && space(i) {
            i -= 1;
        }
        while i > 0 && !space(i) {
            i -= 1;
        }
    }
    i
}

/// Where the words "that" of `sent` start, from the matches of [`thats`]
/// in the page (`thats`, starts, in order) and where `sent` starts in it
/// (`at`).
pub(super) fn thats_in<'a>(
    sent: &'a str,
    at: usize,
    thats: &'a [usize],
) -> impl Iterator<Item = usize> + 'a {
    let b = sent.as_bytes();
    let alnum = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphanumeric);
    let first = thats.partition_point(|&t| t < at);
    let end = thats.partition_point(|&t| t + 4 <= at + b.len());
    thats[first..end.max(first)]
        .iter()
        .map(move |&t| t - at)
        .filter(move |&t| (t == 0 || !alnum(t - 1)) && !alnum(t + 4))
}

/// A comma at or before the comma of the last word of `sent` whose
/// trailing punctuation holds one (the words of
/// [`words`](super::words::words) with `comma_after`), or `None` when no
/// word has one: the last comma that surely ends a word (a letter or digit
/// before it, no letter, digit or period after it in its token), else the
/// first comma.
fn last_word_comma(sent: &str) -> Option<usize> {
    let b = sent.as_bytes();
    let mut first = None;
    for i in memchr::memrchr_iter(b',', b) {
        if i > 0 && b[i - 1].is_ascii_alphanumeric() && ends_token(&sent[i + 1..]) {
            return Some(i);
        }
        first = Some(i);
    }
    first
}

/// True when `rest` holds no letter, digit or period before its first
/// white space.
fn ends_token(rest: &str) -> bool {
    for c in rest.chars() {
        if c.is_whitespace() {
            return true;
        }
        if c.is_alphanumeric() || c == '.' {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn that_in_any_case() {
        let t = "that That THAT tHaT thAt, whatthatx; thatch";
        let all: Vec<usize> = that_automaton().find_iter(t).map(|m| m.start()).collect();
        assert_eq!(thats(t), all);
        assert_eq!(all.len(), 7);
        let s = "x that";
        assert_eq!(thats_in(s, 0, &thats(s)).collect::<Vec<_>>(), [2]);
        // Inside a word: not the word "that".
        assert_eq!(thats_in(t, 0, &thats(t)).last(), Some(20));
    }

    #[test]
    fn cue_prefilter() {
        for (sent, admitted) in [
            (
                "The issue was discussed in Hamburg, the minister added.",
                true,
            ),
            (
                "The talks in Geneva were constructive, \u{201c}Lavrov said\u{201d}.",
                true,
            ),
            (
                "Lavrov told a news conference in Moscow on Friday that the talks would go on.",
                true,
            ),
            ("It cost 1,000 dollars, officials said.", true),
            // A comma inside a number may not end a word: searched after it.
            ("Some 1,000 people said so.", true),
            (
                "The essay notes nothing that matters, or so we think.",
                true,
            ),
            (
                "The essay (said to be long) was read, but nothing happened.",
                false,
            ),
            ("Nobody Said that, and nobody answered.", false),
            // Ten words between the cue and "that": too far; nine are not.
            (
                "Lavrov said on Friday in a speech to the delegates of nations that it was over.",
                false,
            ),
            (
                "Lavrov said on Friday in a speech to delegates of nations that it was over.",
                true,
            ),
        ] {
            let t = thats(sent);
            assert_eq!(may_report(sent, thats_in(sent, 0, &t)), admitted, "{sent}");
        }
        assert!(has_cue_run("said"));
        assert!(has_cue_run("(said)"));
        assert!(!has_cue_run("essays unsaid saidx"));
        assert!(has_cue_run("x\u{e9}said"));
    }
}
