//! Names and participants on arbitrary text, segmented as the pipeline does without markup.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let blocks = clu_minutes::segment::segment(text, &[]);
    let people = clu_minutes::participants::extract(text, &blocks);
    for p in &people.participants {
        assert!(text.get(p.span.start..p.span.end).is_some(), "span {:?} not on the text", p.span);
    }
});
