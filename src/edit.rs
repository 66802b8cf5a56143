//! The unit every text-transforming stage produces: a replacement of a byte range of the
//! text it read. Stages only *propose* edits; `text::Text::apply` performs them and keeps
//! the offset map back to the original input bytes.

/// Replace `start..end` (byte offsets, on char boundaries, of the text the stage read)
/// with `after`.
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub after: String,
    /// Short kebab-case name of the phenomenon the edit fixes (`elision-I-l`, `dehyphenate`).
    pub rule: &'static str,
    /// 0.0–1.0; edits below the stage's threshold are reported as suggestions, not applied.
    pub confidence: f32,
}

impl Edit {
    pub fn new(
        start: usize,
        end: usize,
        after: impl Into<String>,
        rule: &'static str,
        confidence: f32,
    ) -> Self {
        Edit {
            start,
            end,
            after: after.into(),
            rule,
            confidence,
        }
    }
}
