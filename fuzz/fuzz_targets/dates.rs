//! The date parser on arbitrary text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for date in clu_minutes::dates::find_dates(text) {
        assert!(text.get(date.span.start..date.span.end).is_some(), "span {:?} not on the text", date.span);
    }
});
