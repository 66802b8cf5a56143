//! The whole pipeline on arbitrary bytes, with and without repair: an error record is
//! fine, a panic is not, and every span must lie inside the input.
#![no_main]

use clu_minutes::pipeline::{extract, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let repair = data.first().is_some_and(|b| b & 1 == 0);
    if let Ok(record) = extract("fuzz", data, &Options { repair, encoding: None }) {
        let spans = record.dates.iter().map(|d| d.span).chain(record.figures.iter().map(|f| f.span))
            .chain(record.participants.iter().map(|p| p.span))
            .chain(record.repairs.iter().map(|r| r.span));
        for span in spans {
            assert!(span.start <= span.end && span.end <= data.len(), "span {span:?} outside {} bytes", data.len());
        }
    }
});
