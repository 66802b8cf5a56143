//! Who attended: the attendance lists (present, excused, absent) with each person's
//! civility, name, role, organisation and the heading they are listed under; attendees
//! listed without a personal name; the chair; and who speaks in the discussion.
//!
//! The lists are found from their headings (`Étaient présents :`, `Participaient à ce
//! comité en qualité de …`, `Excusés :`) and read entry by entry from the segmenter's
//! blocks; the chair comes from `Présidence :` / `sous la présidence de` phrases.

mod interventions;
mod lists;
mod names;
pub(crate) mod vocab;

use crate::segment::Block;
use crate::span::Span;
use once_cell::sync::Lazy;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Attendance {
    Present,
    Excused,
    Absent,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Participant {
    /// `"M."` or `"Mme"`.
    pub civility: Option<&'static str>,
    pub given_name: Option<String>,
    pub family_name: String,
    pub role: Option<String>,
    pub organization: Option<String>,
    /// The list heading the entry sits under, without its attendance preamble.
    pub group: Option<String>,
    pub attendance: Attendance,
    pub span: Span,
}

impl Participant {
    /// `Given FAMILY`, or `FAMILY` when the document gives no given name.
    pub fn display_name(&self) -> String {
        match &self.given_name {
            Some(given) => format!("{given} {}", self.family_name),
            None => self.family_name.clone(),
        }
    }
}

/// Whether `name` (`Given FAMILY`, any case and accents) names this participant: same
/// family name, and same initial when both have a given name.
pub fn same_person(participant: &Participant, name: &str) -> bool {
    matches_name(participant, name, 0)
}

/// Like [`same_person`], allowing one misread letter in a family name of five letters or
/// more: OCR damages a name in one place (`LARRFY`) and spells it right in the lists.
pub fn probably_same_person(participant: &Participant, name: &str) -> bool {
    matches_name(participant, name, 1)
}

fn matches_name(participant: &Participant, name: &str, typos: usize) -> bool {
    let key = |s: &str| crate::departments::fold(s).replace(' ', "");
    let family = key(&participant.family_name);
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..words.len()).any(|split| {
        let candidate = key(&words[split..].join(" "));
        let close = candidate == family
            || (typos > 0
                && family.chars().count() >= 5
                && strsim::levenshtein(&candidate, &family) <= typos);
        close
            && match (&participant.given_name, words[..split].first()) {
                (Some(given), Some(first)) => {
                    key(given).chars().next() == key(first).chars().next()
                }
                _ => true,
            }
    })
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct UnnamedRepresentative {
    pub organization: Option<String>,
    pub attendance: Attendance,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Intervention {
    /// Index into [`People::participants`] when the speaker is a listed participant.
    pub participant: Option<usize>,
    /// `Given FAMILY` as best known.
    pub speaker: String,
    /// What they said, from the verb after their name to the end of their turn.
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct People {
    pub participants: Vec<Participant>,
    pub unnamed_representatives: Vec<UnnamedRepresentative>,
    pub interventions: Vec<Intervention>,
    /// Index into `participants` of the person who presided.
    pub chair: Option<usize>,
}

/// Reads the attendance lists, the chair and the interventions of `text`, segmented into
/// `blocks`. Spans are offsets in `text`.
pub fn extract(text: &str, blocks: &[Block]) -> People {
    let found = lists::read(text, blocks);
    let mut people = People {
        participants: found.participants,
        unnamed_representatives: found.unnamed,
        interventions: Vec::new(),
        chair: found.chair,
    };
    lists::reconcile_names(text, &mut people.participants);
    for (index, p) in people.participants.iter_mut().enumerate() {
        for field in [&mut p.role, &mut p.organization] {
            let Some(rest) = field.as_deref().and_then(vocab::without_chair_mark) else {
                continue;
            };
            *field = (!rest.is_empty()).then(|| rest.to_string());
            people.chair = people.chair.or(Some(index));
        }
    }
    if people.chair.is_none() {
        people.chair = people.participants.iter().position(|p| {
            p.attendance == Attendance::Present
                && p.role.as_deref().is_some_and(vocab::presides_the_meeting)
        });
    }
    if people.chair.is_none() {
        people.chair = opens_the_meeting(text, &people.participants);
    }
    if people.chair.is_none() {
        people.chair = chaired_by_function(text, &people.participants);
    }
    people.interventions = interventions::find(
        text,
        blocks,
        &found.list_blocks,
        &people.participants,
        people.chair,
    );
    people
}

/// `M. LAMBERT ouvre la séance`, `Mme Anne ROUX, secrétaire générale, préside la réunion`,
/// `Mme LAFITTE, présidente de séance, rappelle`, `M. d'ORNANO, qui préside la séance`: the
/// listed person present who opens or chairs the meeting.
fn opens_the_meeting(text: &str, participants: &[Participant]) -> Option<usize> {
    static OPENS: Lazy<regex::Regex> = Lazy::new(|| {
        regex::Regex::new(r"(?:M\.|Mme|Monsieur|Madame)\s+(?:[A-ZÀ-Ý][\w'’-]*[a-zà-ÿ][\w'’-]*\s+)*((?:d['’]|de\s+(?:la\s+)?)?[A-ZÀ-Ý][A-ZÀ-Ý'’-]+(?:\s[A-ZÀ-Ý][A-ZÀ-Ý'’-]+)*)(?:(?:(?:,[^,.;\n]{1,80},)?\s+|,\s*qui\s+)(?:ouvre|préside|a\s+ouvert|a\s+présidé)\s+la\s+(?:séance|réunion)|,\s*présidente?\s+de\s+(?:la\s+)?séance\s*,)")
            .expect("static regex")
    });
    // `La séance est ouverte à 14 h 15 par Mme X`.
    static OPENED_BY: Lazy<regex::Regex> = Lazy::new(|| {
        regex::Regex::new(r"(?:séance|réunion)\s+(?:est|a\s+été)\s+ouverte\s+(?:à\s+[^,.;\n]{1,20}\s+)?par\s+(?:M\.|Mme|Monsieur|Madame)\s+(?:[A-ZÀ-Ý][\w'’-]*[a-zà-ÿ][\w'’-]*\s+)*([A-ZÀ-Ý][A-ZÀ-Ý'’-]+(?:\s[A-ZÀ-Ý][A-ZÀ-Ý'’-]+)*)\b")
            .expect("static regex")
    });
    OPENS
        .captures_iter(text)
        .chain(OPENED_BY.captures_iter(text))
        .find_map(|c| {
            let family = lists::family_key(c.get(1)?.as_str());
            participants.iter().position(|p| {
                p.attendance == Attendance::Present && lists::family_key(&p.family_name) == family
            })
        })
}

/// `sous la présidence de Madame la sous-préfète, secrétaire générale`, `présidée par le
/// directeur de cabinet`: the chair named by office; the present participant listed with
/// that function.
fn chaired_by_function(text: &str, participants: &[Participant]) -> Option<usize> {
    static BY_FUNCTION: Lazy<regex::Regex> = Lazy::new(|| {
        regex::Regex::new(r"(?i)(?:\bsous\s+la\s+présidence\s+(?:de\s+|du\s+|d['’]\s*)|\bprésidée?\s+par\s+)(?:(?:monsieur|madame)\s+)?(?:(?:le|la)\s+|l['’]\s*)?([^,.;:\n()]{3,80})")
            .expect("static regex")
    });
    // The sentence must be about this meeting: `le comité de pilotage présidé par le
    // secrétaire général` names another body's chair.
    static THE_MEETING: Lazy<regex::Regex> = Lazy::new(|| {
        regex::Regex::new(r"(?i)r[ée]uni|s[ée]ance|\bCLU(?:AC)?\b|comit[ée]\s+local|s.est\s+tenue?")
            .expect("static regex")
    });
    BY_FUNCTION.captures_iter(text).find_map(|c| {
        let at = c.get(0)?.start();
        let before = &text[text.floor_char_boundary(at.saturating_sub(200))..at];
        let sentence = before.rsplit(['.', ';']).next().unwrap_or(before);
        if !THE_MEETING.is_match(sentence) {
            return None;
        }
        let function = c.get(1)?.as_str().trim();
        if !function
            .split_whitespace()
            .next()
            .is_some_and(vocab::is_role_noun)
        {
            return None;
        }
        let function = vocab::fold(function);
        participants.iter().position(|p| {
            p.attendance == Attendance::Present
                && p.role
                    .as_deref()
                    .is_some_and(|role| vocab::fold(role).starts_with(&function))
        })
    })
}

/// `Le sous-préfet ouvre la séance` for one function. Documents sign with a handful of
/// functions, so each pattern is compiled once rather than once per document; the cache is
/// emptied when full so that a corpus of odd signatures cannot grow it without end.
fn presiding_pattern(function: &str) -> Option<regex::Regex> {
    static CACHE: Lazy<Mutex<HashMap<String, Option<regex::Regex>>>> = Lazy::new(Mutex::default);
    // A panic elsewhere while the lock was held leaves a map that is still valid.
    let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
    if cache.len() >= 64 && !cache.contains_key(function) {
        cache.clear();
    }
    let pattern = cache.entry(function.to_string()).or_insert_with(|| {
        regex::Regex::new(&format!(
            r"(?i)\b(?:le|la|l['’])\s*{}\s+(?:ouvre|ouvrit|a ouvert|lève|leva|a levé|clôt|a clos|préside|a présidé)\b",
            regex::escape(function)
        ))
        .ok()
    });
    pattern.clone()
}

/// The signatory chaired when no chair is named but the minutes have someone of the
/// signatory's function open, close or chair the meeting (`Le sous-préfet ouvre la séance`,
/// signed `Le sous-préfet,` / `Marc LEBLANC`): the signatory becomes the chair, listed as
/// present unless the lists already name them. `name` is `Given FAMILY`, `role` as signed.
pub fn chair_from_signature(text: &str, people: &mut People, name: &str, role: &str) {
    if people.chair.is_some() {
        return;
    }
    let function = role.trim().trim_end_matches([',', '.']).trim();
    let function = function
        .split_once(' ')
        .filter(|(article, _)| matches!(vocab::fold(article).as_str(), "le" | "la"))
        .map_or(function, |(_, f)| f);
    let function = function
        .strip_prefix("L'")
        .or_else(|| function.strip_prefix("L’"))
        .unwrap_or(function);
    if function.is_empty() {
        return;
    }
    let Some(presiding) = presiding_pattern(function) else {
        return;
    };
    if !presiding.is_match(text) {
        return;
    }
    if let Some(index) = people
        .participants
        .iter()
        .position(|p| same_person(p, name))
    {
        people.chair = Some(index);
        return;
    }
    // `Marc LEBLANC`: the given names stop at the first word in capitals.
    let words: Vec<&str> = name.split_whitespace().collect();
    let split = words
        .iter()
        .position(|w| {
            w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        })
        .unwrap_or(words.len().saturating_sub(1));
    let Some(family) = (!words[split..].is_empty()).then(|| words[split..].join(" ")) else {
        return;
    };
    let span = text
        .rfind(name)
        .map_or(Span::default(), |at| Span::new(at, at + name.len()));
    people.participants.insert(
        0,
        Participant {
            civility: None,
            given_name: (split > 0).then(|| words[..split].join(" ")),
            family_name: family,
            role: Some(function.to_string()),
            organization: None,
            group: None,
            attendance: Attendance::Present,
            span,
        },
    );
    for intervention in &mut people.interventions {
        if let Some(i) = intervention.participant.as_mut() {
            *i += 1;
        }
    }
    people.chair = Some(0);
}

#[cfg(test)]
mod name_matching_tests {
    use super::*;

    fn listed(given: &str, family: &str) -> Participant {
        Participant {
            civility: None,
            given_name: Some(given.into()),
            family_name: family.into(),
            role: None,
            organization: None,
            group: None,
            attendance: Attendance::Present,
            span: Span::default(),
        }
    }

    #[test]
    fn a_name_matches_whatever_its_case_and_accents() {
        assert!(same_person(&listed("Hélène", "DUPRÉ"), "Helene Dupre"));
        assert!(!same_person(&listed("Hélène", "DUPRÉ"), "Paul DUPRÉ"));
    }

    #[test]
    fn one_misread_letter_is_tolerated_only_when_asked_and_on_long_names() {
        assert!(!same_person(&listed("Pierre", "LARREY"), "Pierre LARRFY"));
        assert!(probably_same_person(
            &listed("Pierre", "LARREY"),
            "Pierre LARRFY"
        ));
        assert!(!probably_same_person(&listed("Paul", "GUY"), "Paul GUS"));
    }

    #[test]
    fn a_listed_role_can_say_who_presided() {
        let text = "Membres présents :\nM. Rémi GIRAUD, secrétaire général\nMme Hélène FAURE, directrice de cabinet, présidente de séance\n\nLa séance est ouverte.\n";
        let blocks = crate::segment::segment(text, &[]);
        let people = extract(text, &blocks);
        assert_eq!(
            people
                .chair
                .and_then(|i| people.participants.get(i))
                .map(|p| p.family_name.as_str()),
            Some("FAURE")
        );
        let text = "Présents :\n- M. Erwan LE GOFF – Secrétaire général, préfecture du Morbihan (président)\n- M. Jean-Yves LE CORRE – Président, Familles Rurales 56\n";
        let people = extract(text, &crate::segment::segment(text, &[]));
        let chair = people
            .chair
            .and_then(|i| people.participants.get(i))
            .expect("a chair");
        assert_eq!(
            (chair.family_name.as_str(), chair.organization.as_deref()),
            ("LE GOFF", Some("préfecture du Morbihan"))
        );
        assert!(vocab::presides_the_meeting("président de la séance"));
        assert!(!vocab::presides_the_meeting("présidente de l'UDAF"));
        assert!(vocab::presides_the_meeting(
            "secrétaire générale, présidente du comité"
        ));
        assert!(vocab::presides_the_meeting("président du CLUAC"));
        assert!(!vocab::presides_the_meeting(
            "président du comité départemental olympique"
        ));
        assert!(!vocab::presides_the_meeting(
            "présidente du club de football"
        ));
    }

    #[test]
    fn the_chair_named_by_office_or_opening_the_session() {
        let text = "Réunion tenue sous la présidence de Madame la sous-préfète, secrétaire générale.\n\nPrésents :\n- M. Paul ROUX, directeur\n- Madame la sous-préfète, Mme Nadia BOUZID, secrétaire générale de la préfecture\n";
        let people = extract(text, &crate::segment::segment(text, &[]));
        assert_eq!(
            people
                .chair
                .and_then(|i| people.participants.get(i))
                .map(|p| p.family_name.as_str()),
            Some("BOUZID")
        );
        let text = "Présents :\n- M. Paul ROUX, directeur\n- Mme Anne PEYRON, secrétaire générale\n\nLa séance est ouverte à 14 h 15 par Mme PEYRON, qui préside le comité.\n";
        let people = extract(text, &crate::segment::segment(text, &[]));
        assert_eq!(
            people
                .chair
                .and_then(|i| people.participants.get(i))
                .map(|p| p.family_name.as_str()),
            Some("PEYRON")
        );
        // A family name with its particle, a relative clause.
        let text = "Présents :\n- M. Paul ROUX, directeur\n- M. Ange d'ORNANO, directeur de cabinet\n\nM. d'ORNANO, qui préside la séance, rappelle le calendrier.\n";
        let people = extract(text, &crate::segment::segment(text, &[]));
        assert_eq!(
            people
                .chair
                .and_then(|i| people.participants.get(i))
                .map(|p| p.family_name.as_str()),
            Some("d'ORNANO")
        );
        // Another body's chair.
        let text = "Présents :\n- M. Paul ROUX, secrétaire général\n\nLe plan est validé par le comité de pilotage présidé par le secrétaire général.\n";
        let people = extract(text, &crate::segment::segment(text, &[]));
        assert_eq!(people.chair, None);
    }

    #[test]
    fn the_signatory_chairs_when_their_function_opens_the_meeting() {
        let text = "Le directeur ouvre la séance.\n\nLe directeur,\n\nLuc MARTIN\n";
        let mut people = People {
            participants: vec![listed("Ada", "OKOYE")],
            ..People::default()
        };
        chair_from_signature(text, &mut people, "Luc MARTIN", "Le directeur,");
        assert_eq!(people.chair, Some(0));
        assert_eq!(people.participants[0].display_name(), "Luc MARTIN");
        assert_eq!(people.participants[0].role.as_deref(), Some("directeur"));
        assert_eq!(
            &text[people.participants[0].span.start..people.participants[0].span.end],
            "Luc MARTIN"
        );

        let mut unrelated = People {
            participants: vec![listed("Ada", "OKOYE")],
            ..People::default()
        };
        chair_from_signature(
            "La séance est ouverte.\n",
            &mut unrelated,
            "Luc MARTIN",
            "Le directeur",
        );
        assert_eq!((unrelated.chair, unrelated.participants.len()), (None, 1));
    }
}
