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
mod vocab;

use crate::segment::Block;
use crate::span::Span;
use serde::Serialize;

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
    let key = |s: &str| crate::departments::fold(s).replace(' ', "");
    let family = key(&participant.family_name);
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..words.len()).any(|split| {
        key(&words[split..].join(" ")) == family
            && match (&participant.given_name, words[..split].first()) {
                (Some(given), Some(first)) => key(given).chars().next() == key(first).chars().next(),
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
    people.interventions = interventions::find(text, blocks, &found.list_blocks, &people.participants);
    people
}
