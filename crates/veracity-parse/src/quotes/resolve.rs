//! From speaker phrases to speakers, in text order: a lone surname becomes
//! the full name printed earlier, "he"/"she" the last named person nearby,
//! "the minister" or "a Pentagon spokesman" the last speaker with that
//! role; a quote with no speaker phrase may continue the previous one's.

use super::lexicon::{ORGANISATION_WORDS, PERSON_PRONOUNS};
use super::speaker::{Who, name_token, speaker_before};
use super::words::{context_start, lower, words};
use super::{Found, KnownClaim};
use std::collections::HashMap;
use veracity_model::{Quote, Span, Speaker};
use veracity_text::scan::word_set;

#[derive(Debug, Clone)]
struct Person {
    name: String,
    role: Option<String>,
}

/// A name with no organisation word in it.
fn is_person(name: &str) -> bool {
    !name
        .split_whitespace()
        .any(|w| word_set!(ORGANISATION_WORDS).contains_lower(w))
}

/// Finds "Firstname Surname" for a lone surname earlier in the text:
/// "Lavrov" → "Sergei Lavrov" with the role printed before it.
fn full_name(text: &str, surname: &str) -> Option<(String, Option<String>)> {
    let mut from = 0;
    while let Some(at) = text[from..].find(surname) {
        let start = from + at;
        let end = start + surname.len();
        from = end;
        let after_ok = text[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if !after_ok {
            continue;
        }
        let floor = context_start(text, 0, start);
        let sent_start = text[floor..start]
            .rfind(['.', '\n'])
            .map_or(floor, |i| floor + i + 1);
        let ws = words(text, sent_start, end);
        if ws.len() >= 2
            && name_token(ws[ws.len() - 2].text)
            && !ws[ws.len() - 2].comma_after
            && let Some(Who::Name { name, role, .. }) = speaker_before(text, &ws)
            && name.split_whitespace().count() >= 2
        {
            return Some((name, role));
        }
    }
    None
}

/// The speakers met so far, which later phrases may refer to.
struct Resolver<'t> {
    text: &'t str,
    /// Every named speaker, each once, starting with the claimants.
    people: Vec<Person>,
    /// The speakers in text order with their paragraphs.
    history: Vec<(Person, usize)>,
    /// A surname's full name depends on the text only: searched once.
    full_names: HashMap<String, Option<(String, Option<String>)>>,
}

impl<'t> Resolver<'t> {
    fn new(text: &'t str, claims: &[KnownClaim]) -> Self {
        Resolver {
            text,
            people: claims
                .iter()
                .map(|k| Person {
                    name: k.name.clone(),
                    role: k.role.clone(),
                })
                .collect(),
            history: Vec::new(),
            full_names: HashMap::new(),
        }
    }

    /// A named speaker in paragraph `paragraph`, mentioned at `span` (none
    /// for a claimant): a lone surname takes the full name of an earlier
    /// speaker or mention, a name without a role the role it had before.
    fn named(
        &mut self,
        name: String,
        role: Option<String>,
        span: Option<Span>,
        paragraph: usize,
    ) -> Speaker {
        let mut person = Person {
            name: name.clone(),
            role: role.clone(),
        };
        if !name.contains(' ') && is_person(&name) {
            if let Some(p) = self.people.iter().rev().find(|p| {
                // p.name ends with " {name}".
                p.name
                    .strip_suffix(name.as_str())
                    .is_some_and(|rest| rest.ends_with(' '))
            }) {
                person = Person {
                    name: p.name.clone(),
                    role: role.or_else(|| p.role.clone()),
                };
            } else if let Some((full, r)) = self
                .full_names
                .entry(name.clone())
                .or_insert_with(|| full_name(self.text, &name))
                .clone()
            {
                person = Person {
                    name: full,
                    role: role.or(r),
                };
            }
        } else if person.role.is_none()
            && let Some(p) = self.people.iter().rev().find(|p| p.name == name)
        {
            person.role = p.role.clone();
        }
        if !self
            .people
            .iter()
            .any(|p| p.name == person.name && p.role == person.role)
        {
            self.people.push(person.clone());
        }
        self.history.push((person.clone(), paragraph));
        Speaker {
            name: person.name,
            role: person.role,
            span,
        }
    }

    /// "he" or "she": the last named person within four paragraphs. Other
    /// pronouns stay unresolved.
    fn pronoun(&self, span: Span, paragraph: usize) -> Option<Speaker> {
        let pronoun = lower(&self.text[span.start()..span.end()]);
        if !PERSON_PRONOUNS.contains(&pronoun.as_str()) {
            return None;
        }
        self.history
            .iter()
            .rev()
            .find(|(person, para)| is_person(&person.name) && paragraph.saturating_sub(*para) <= 4)
            .map(|(person, _)| Speaker {
                name: person.name.clone(),
                role: person.role.clone(),
                span: Some(span),
            })
    }

    /// "the minister", "the foreign minister" (`head`): the last speaker
    /// whose role holds the words, or the last word of a single one.
    fn descriptor(&self, head: &str, span: Span) -> Option<Speaker> {
        let key = head.trim_start_matches("the ").to_owned();
        let last_word = key.split_whitespace().last().unwrap_or("").to_owned();
        self.history
            .iter()
            .rev()
            .find(|(person, _)| {
                person.role.as_ref().is_some_and(|r| {
                    let r = lower(r);
                    (key.contains(' ') && r.contains(&key))
                        || (!last_word.is_empty() && r.split_whitespace().any(|w| w == last_word))
                })
            })
            .map(|(person, _)| Speaker {
                name: person.name.clone(),
                role: person.role.clone(),
                span: Some(span),
            })
    }

    /// A description ("a Pentagon spokesman", at `span`, whose `role` is
    /// the description without its article): the last speaker whose role
    /// has every word of it; or else the description itself as the name
    /// (article lower-cased) with its role kept, which a later "the
    /// spokesman" may then mean.
    fn described(&mut self, span: Span, role: Span, paragraph: usize) -> Option<Speaker> {
        let text = self.text;
        let role_text = text.get(role.start()..role.end())?;
        let wanted: Vec<String> = role_text.split_whitespace().map(lower).collect();
        let known = self.history.iter().rev().find(|(person, _)| {
            person.role.as_ref().is_some_and(|r| {
                let have: Vec<String> = r.split_whitespace().map(lower).collect();
                wanted.iter().all(|w| have.contains(w))
            })
        });
        if let Some((person, _)) = known {
            return Some(Speaker {
                name: person.name.clone(),
                role: person.role.clone(),
                span: Some(span),
            });
        }
        let desc = text.get(span.start()..span.end())?;
        let mut name = String::with_capacity(desc.len());
        let mut chars = desc.chars();
        name.extend(chars.next().map(|c| c.to_ascii_lowercase()));
        name.push_str(chars.as_str());
        let speaker = Speaker {
            name,
            role: Some(role_text.to_owned()),
            span: Some(span),
        };
        self.history.push((
            Person {
                name: speaker.name.clone(),
                role: speaker.role.clone(),
            },
            paragraph,
        ));
        Some(speaker)
    }
}

/// The quotes of `found` (in text order) with their speakers resolved.
pub(super) fn resolve(text: &str, found: Vec<Found>, claims: &[KnownClaim]) -> Vec<Quote> {
    let mut resolver = Resolver::new(text, claims);
    let mut out = Vec::new();
    // The last quote with a speaker, and its paragraph.
    let mut last_quote: Option<(Option<Speaker>, usize)> = None;
    for f in found {
        let speaker = match f.who {
            Some(Who::Name {
                name, role, span, ..
            }) => Some(resolver.named(name, role, Some(span), f.paragraph)),
            Some(Who::Claimant { name, role }) => {
                Some(resolver.named(name, role, None, f.paragraph))
            }
            Some(Who::Pronoun(span)) => resolver.pronoun(span, f.paragraph),
            Some(Who::Described { span, role }) => resolver.described(span, role, f.paragraph),
            Some(Who::Descriptor { head, span }) => resolver.descriptor(&head, span),
            None => {
                if f.continuation {
                    last_quote
                        .as_ref()
                        .filter(|(_, para)| f.paragraph.saturating_sub(*para) <= 1)
                        .and_then(|(s, _)| s.clone())
                        .map(|s| Speaker { span: None, ..s })
                } else {
                    None
                }
            }
        };
        if speaker.is_some() {
            last_quote = Some((speaker.clone(), f.paragraph));
        }
        out.push(Quote {
            content: f.content,
            speaker,
            cue: f.cue,
            direct: f.direct,
        });
    }
    out
}
