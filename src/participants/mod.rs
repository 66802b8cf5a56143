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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Attendance {
    Present,
    Excused,
    Absent,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnnamedRepresentative {
    pub organization: Option<String>,
    pub attendance: Attendance,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
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
