//! Markup stripping and segmentation on arbitrary text, hints mapped as the pipeline does.
#![no_main]

use clu_minutes::markup::{self, Hint};
use clu_minutes::text::{map_forward, Text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let format = markup::detect_format(text);
    let stripped = markup::strip(text, format);
    let (reader, applied) = Text::identity(text.to_string()).apply(&stripped.edits);
    let hints: Vec<Hint> =
        stripped.hints.iter().map(|h| Hint { line_start: map_forward(&applied, h.line_start), kind: h.kind }).collect();
    let reader = reader.as_str();
    for block in clu_minutes::segment::segment(reader, &hints) {
        let _ = block.text(reader);
        let _ = block.content_text(reader);
    }
});
