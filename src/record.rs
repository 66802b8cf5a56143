//! The `clu-minutes/1` records (see SCHEMA.md and docs/output.md): what one document
//! yields, or why it yielded nothing.

use crate::dates::DateMention;
use crate::error::ErrorKind;
use crate::figures::Figure;
use crate::labels::Label;
use crate::markup::Format;
use crate::participants::{Intervention, Participant, UnnamedRepresentative};
use crate::span::Span;
use serde::Serialize;

pub const SCHEMA: &str = "clu-minutes/1";

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Source {
    pub path: String,
    pub sha256: String,
    pub bytes: usize,
    pub encoding: String,
    pub format: Format,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct DepartmentRef {
    pub name: String,
    pub code: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Meeting {
    pub committee: Option<String>,
    pub authority: Option<String>,
    pub department: Option<DepartmentRef>,
    pub date: Option<String>,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub place: Option<String>,
    pub chair: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Signatory {
    pub name: Option<String>,
    pub role: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Contact {
    pub name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct DocumentInfo {
    pub issued_date: Option<String>,
    pub issued_place: Option<String>,
    pub signatory: Signatory,
    pub contact: Contact,
}

/// A change made to the text, traceable to the original bytes.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Repair {
    /// Bytes of the original input the change covers.
    pub span: Span,
    pub before: String,
    pub after: String,
    pub rule: String,
    pub confidence: f32,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Record {
    #[schemars(extend("const" = "clu-minutes/1"))]
    pub schema: &'static str,
    pub source: Source,
    pub meeting: Meeting,
    pub document: DocumentInfo,
    pub agenda: Vec<String>,
    pub participants: Vec<Participant>,
    pub unnamed_representatives: Vec<UnnamedRepresentative>,
    pub interventions: Vec<Intervention>,
    pub labels: Vec<Label>,
    pub dates: Vec<DateMention>,
    pub figures: Vec<Figure>,
    pub repairs: Vec<Repair>,
    /// Repairs the corrector was not sure enough to make: left in the text, listed here.
    pub suggestions: Vec<Repair>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ErrorSource {
    pub path: String,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ErrorDetail {
    pub kind: ErrorKind,
    pub message: String,
}

/// What a corpus run writes for an input it could not extract.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ErrorRecord {
    #[schemars(extend("const" = "clu-minutes/1"))]
    pub schema: &'static str,
    pub source: ErrorSource,
    pub error: ErrorDetail,
}

impl ErrorRecord {
    pub fn new(path: &str, error: &crate::error::Error) -> Self {
        ErrorRecord {
            schema: SCHEMA,
            source: ErrorSource {
                path: path.to_string(),
            },
            error: ErrorDetail {
                kind: error.kind,
                message: error.message.clone(),
            },
        }
    }
}
