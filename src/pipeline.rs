//! The stages in order: bytes → decoded text → normalised → reader text (markup stripped)
//! → repaired → blocks → records. Each stage's edits go through [`Text::apply`], so the
//! final text maps straight back to the input bytes.

use crate::dates::DateRole;
use crate::decode;
use crate::edit::Edit;
use crate::error::{Error, ErrorKind};
use crate::markup::{self, Format, Hint};
use crate::normalize;
use crate::record::{Record, Repair, Source, SCHEMA};
use crate::segment::{self, Block};
use crate::span::Span;
use crate::text::{compose, map_forward, AppliedEdit, Text};
use sha2::{Digest, Sha256};

#[derive(Debug, Clone)]
pub struct Options {
    /// Run the OCR repair stage.
    pub repair: bool,
    /// Decode with this encoding instead of detecting it.
    pub encoding: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            repair: true,
            encoding: None,
        }
    }
}

/// A document ready for the extractors.
#[derive(Debug)]
pub struct Prepared {
    pub text: Text,
    pub blocks: Vec<Block>,
    pub format: Format,
    pub encoding: String,
    pub repairs: Vec<AppliedEdit>,
    pub suggestions: Vec<AppliedEdit>,
    pub warnings: Vec<String>,
}

pub fn prepare(bytes: &[u8], options: &Options) -> Result<Prepared, Error> {
    let decoded = decode::decode(bytes, options.encoding.as_deref())?;
    let mut warnings = decoded.warnings;
    let (text, _) = decoded
        .text
        .apply(&normalize::propose(decoded.text.as_str()));
    if text.as_str().trim().is_empty() {
        return Err(Error::new(ErrorKind::Empty, "empty document (no text)"));
    }
    let format = markup::detect_format(text.as_str());
    let stripped = markup::strip(text.as_str(), format);
    let (text, applied) = text.apply(&stripped.edits);
    let mut hints: Vec<Hint> = stripped
        .hints
        .iter()
        .map(|h| Hint {
            line_start: map_forward(&applied, h.line_start),
            kind: h.kind,
        })
        .collect();
    let (text, repairs, suggestions) = if options.repair {
        repair_stage(text, &mut hints)
    } else {
        (text, Vec::new(), Vec::new())
    };
    // Scans that no regex can tell from typed text show themselves by how much the
    // corrector had to mend: clean exports need under one repair per 2 KB.
    let format = if format == Format::Plain && repairs.len() * 1000 >= text.len() * 2 {
        Format::Ocr
    } else {
        format
    };
    let blocks = segment::segment(text.as_str(), &hints);
    if blocks.is_empty() {
        warnings.push("no text blocks found".to_string());
    }
    Ok(Prepared {
        text,
        blocks,
        format,
        encoding: decoded.encoding,
        repairs,
        suggestions,
        warnings,
    })
}

/// Edits at or above this confidence are made; the others are reported as suggestions.
pub const REPAIR_THRESHOLD: f32 = 0.5;

/// How many times the corrector may read its own output. A repair can reveal another (a
/// restored elision makes the next word checkable, a restored accent changes the document's
/// habits), so the stage runs until a pass proposes nothing sure; the last pass only checks.
const MAX_REPAIR_PASSES: usize = 4;

/// Repairs `text` until it is a fixed point of the corrector (or the passes run out), so that
/// repairing the output again changes nothing. The passes' edits are composed into one set
/// of disjoint edits of `text`; the suggestions are the unsure edits of the last pass.
pub(crate) fn repair_stage(
    text: Text,
    hints: &mut [Hint],
) -> (Text, Vec<AppliedEdit>, Vec<AppliedEdit>) {
    let mut repaired: Option<(Text, Vec<AppliedEdit>)> = None;
    let mut unsure = Vec::new();
    for pass in 1..=MAX_REPAIR_PASSES {
        let current = repaired.as_ref().map_or(&text, |(t, _)| t);
        let (confident, rest): (Vec<Edit>, Vec<Edit>) = crate::repair::propose(current.as_str())
            .into_iter()
            .partition(|e| e.confidence >= REPAIR_THRESHOLD);
        if confident.is_empty() || pass == MAX_REPAIR_PASSES {
            unsure = rest;
            break;
        }
        let edits = match &repaired {
            None => confident,
            Some((middle, applied)) => compose(text.as_str(), applied, middle.as_str(), &confident),
        };
        repaired = Some(text.apply(&edits));
    }
    let (repaired, applied) = match repaired {
        Some(done) => done,
        None => (text, Vec::new()),
    };
    let suggestions = unsure
        .into_iter()
        .map(|e| suggestion(&repaired, e))
        .collect();
    for hint in hints.iter_mut() {
        hint.line_start = map_forward(&applied, hint.line_start);
    }
    (repaired, applied, suggestions)
}

/// An unsure edit of `text`, reported with its place in the original bytes.
fn suggestion(text: &Text, e: Edit) -> AppliedEdit {
    AppliedEdit {
        input: Span::new(e.start, e.end),
        output: Span::new(e.start, e.end),
        original: text.map_span(Span::new(e.start, e.end)),
        before: text
            .as_str()
            .get(e.start..e.end)
            .unwrap_or_default()
            .to_string(),
        after: e.after,
        rule: e.rule,
        confidence: e.confidence,
    }
}

/// The repair stage on a text alone (no decoding or markup): the repaired text, the edits
/// made (disjoint, on `text`) and the suggestions (on the repaired text).
pub fn repair_text(text: &str) -> (String, Vec<AppliedEdit>, Vec<AppliedEdit>) {
    let (repaired, applied, suggestions) = repair_stage(Text::identity(text.to_string()), &mut []);
    (repaired.as_str().to_string(), applied, suggestions)
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn to_repair(edit: &AppliedEdit) -> Repair {
    Repair {
        span: edit.original,
        before: edit.before.clone(),
        after: edit.after.clone(),
        rule: edit.rule.to_string(),
        confidence: edit.confidence,
    }
}

/// Extracts one document. `path` is reported as given.
pub fn extract(path: &str, bytes: &[u8], options: &Options) -> Result<Record, Error> {
    let prepared = prepare(bytes, options)?;
    let text = prepared.text.as_str();
    let mut dates = crate::dates::find_dates(text);
    let mut found = crate::meeting::extract(text, &prepared.blocks, &dates);
    if let Some(year) = found
        .meeting
        .date
        .as_deref()
        .and_then(|d| d.get(..4)?.parse().ok())
    {
        crate::dates::add_yearless(text, &mut dates, year);
    }
    let mut people = crate::participants::extract(text, &prepared.blocks);
    if let (Some(name), Some(role)) = (
        &found.document.signatory.name,
        &found.document.signatory.role,
    ) {
        crate::participants::chair_from_signature(text, &mut people, name, role);
    }
    if let Some(chair) = people.chair.and_then(|i| people.participants.get(i)) {
        found.meeting.chair = Some(chair.display_name());
    }
    if let Some(signatory) = found.document.signatory.name.as_mut() {
        // The lists spell the name as the document does (`Richard SMITH` for `Richard Smith`).
        let listed = people
            .participants
            .iter()
            .find(|p| crate::participants::same_person(p, signatory));
        if let Some(p) = listed.or_else(|| {
            people
                .participants
                .iter()
                .find(|p| crate::participants::probably_same_person(p, signatory))
        }) {
            *signatory = p.display_name();
        }
    }
    for date in &mut dates {
        if Some(date.span) == found.meeting_date_span {
            date.role = Some(DateRole::Meeting);
        } else if Some(date.span) == found.issued_date_span {
            date.role = Some(DateRole::Issued);
        }
    }
    let mut labels = crate::labels::find_labels(text, &dates);
    let mut figures = crate::figures::find_figures_with_dates(text, &dates);
    // From here on spans point into the original bytes.
    let map = |span: &mut Span| *span = prepared.text.map_span(*span);
    dates.iter_mut().for_each(|d| map(&mut d.span));
    people
        .participants
        .iter_mut()
        .for_each(|p| map(&mut p.span));
    people
        .unnamed_representatives
        .iter_mut()
        .for_each(|u| map(&mut u.span));
    people
        .interventions
        .iter_mut()
        .for_each(|i| map(&mut i.span));
    figures.iter_mut().for_each(|f| map(&mut f.span));
    labels
        .iter_mut()
        .flat_map(|l| l.events.iter_mut())
        .for_each(|e| map(&mut e.span));
    Ok(Record {
        schema: SCHEMA,
        source: Source {
            path: path.to_string(),
            sha256: sha256_hex(bytes),
            bytes: bytes.len(),
            encoding: prepared.encoding.clone(),
            format: prepared.format,
        },
        meeting: found.meeting,
        document: found.document,
        agenda: found.agenda,
        participants: people.participants,
        unnamed_representatives: people.unnamed_representatives,
        interventions: people.interventions,
        labels,
        dates,
        figures,
        repairs: prepared.repairs.iter().map(to_repair).collect(),
        suggestions: prepared.suggestions.iter().map(to_repair).collect(),
        warnings: prepared.warnings,
    })
}
