//! The figure parser on arbitrary text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for figure in clu_minutes::figures::find_figures(text) {
        assert!(text.get(figure.span.start..figure.span.end).is_some(), "span {:?} not on the text", figure.span);
    }
});
