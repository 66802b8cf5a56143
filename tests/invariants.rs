//! Invariants over every fixture: spans lie on the original bytes, repairs are traceable.

use clu_minutes::pipeline::{self, Options};
use std::path::PathBuf;

fn fixtures() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in ["fixtures/seeds", "fixtures/ocr", "fixtures/synthetic"] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let ext = path
                .extension()
                .map(|e| e.to_string_lossy().into_owned())
                .unwrap_or_default();
            if ["txt", "md", "html"].contains(&ext.as_str()) {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(files.len() >= 30, "fixtures are present");
    files
}

/// Every `span` object anywhere in a record.
fn spans(value: &serde_json::Value, out: &mut Vec<(usize, usize)>) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(span) = map.get("span") {
                if let (Some(s), Some(e)) = (span["start"].as_u64(), span["end"].as_u64()) {
                    out.push((s as usize, e as usize));
                }
            }
            map.values().for_each(|v| spans(v, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| spans(v, out)),
        _ => {}
    }
}

#[test]
fn every_span_lies_on_the_original_bytes() {
    for path in fixtures() {
        let bytes = std::fs::read(&path).unwrap();
        // A fixture in a single-byte encoding (Windows-1252) has no character to split.
        let original = std::str::from_utf8(&bytes).ok();
        let record =
            pipeline::extract(&path.to_string_lossy(), &bytes, &Options::default()).unwrap();
        let value = serde_json::to_value(&record).unwrap();
        let mut found = Vec::new();
        spans(&value, &mut found);
        for (start, end) in found {
            assert!(
                start <= end && end <= bytes.len(),
                "{}: span {start}..{end} outside {} bytes",
                path.display(),
                bytes.len()
            );
            if let Some(original) = original {
                assert!(
                    original.is_char_boundary(start) && original.is_char_boundary(end),
                    "{}: span {start}..{end} splits a character",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn extracted_texts_are_found_at_their_spans() {
    for path in fixtures() {
        let bytes = std::fs::read(&path).unwrap();
        let record = pipeline::extract(
            &path.to_string_lossy(),
            &bytes,
            &Options {
                repair: false,
                encoding: None,
            },
        )
        .unwrap();
        // A Windows-1252 fixture's spans are checked for bounds by the test above.
        let Ok(original) = String::from_utf8(bytes.clone()) else {
            continue;
        };
        for date in &record.dates {
            let at = &original[date.span.start..date.span.end];
            let first_digit_or_word = date.text.split_whitespace().next().unwrap_or("");
            assert!(
                at.contains(first_digit_or_word),
                "{}: date {:?} not at {:?}",
                path.display(),
                date.text,
                at
            );
        }
        for figure in &record.figures {
            let at = &original[figure.span.start..figure.span.end];
            let digits: String = figure.text.chars().filter(char::is_ascii_digit).collect();
            // HTML spells some spaces as numeric entities (`89&#8239;%`): their digits are no part of the figure.
            let at_digits: String = without_numeric_entities(at)
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            assert_eq!(
                digits,
                at_digits,
                "{}: figure {:?} not at {:?}",
                path.display(),
                figure.text,
                at
            );
        }
    }
}

#[test]
fn extraction_is_deterministic() {
    for path in fixtures().into_iter().take(8) {
        let bytes = std::fs::read(&path).unwrap();
        let a =
            serde_json::to_string(&pipeline::extract("x", &bytes, &Options::default()).unwrap())
                .unwrap();
        let b =
            serde_json::to_string(&pipeline::extract("x", &bytes, &Options::default()).unwrap())
                .unwrap();
        assert_eq!(a, b);
    }
}

/// `&#8239;` and `&#x202F;` removed.
fn without_numeric_entities(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(at) = rest.find("&#") {
        out.push_str(&rest[..at]);
        match rest[at..].find(';') {
            Some(end)
                if rest[at + 2..at + end]
                    .chars()
                    .all(|c| c.is_ascii_hexdigit() || c == 'x') =>
            {
                rest = &rest[at + end + 1..]
            }
            _ => {
                out.push_str("&#");
                rest = &rest[at + 2..];
            }
        }
    }
    out + rest
}
