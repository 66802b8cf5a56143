//! Issue 7, properties over generated documents (fragments of real minutes, markup, broken
//! bytes and noise mixed at random) and over the fixtures: no panic, spans on the original
//! bytes around their text, repairs reversible and idempotent, extraction deterministic.

use clu_minutes::edit::Edit;
use clu_minutes::pipeline::{self, Options, REPAIR_THRESHOLD};
use clu_minutes::text::{compose, Text};
use proptest::prelude::*;
use serde_json::Value;
use std::sync::OnceLock;

const FRAGMENTS: &[&str] = &[
    "Préfecture de la Marne",
    "PRÉFECTURE DU CHER",
    "Comité local des usagers",
    "CLUAC",
    "Compte rendu de la réunion du 12 février 2024",
    "le 3/4/23",
    "1er trimestre 2023",
    "Étaient présents :",
    "Excusés :",
    "- M. Jean DUPONT, président de l'UDAF",
    "Mme Claire MARTIN-LEROY, UFC Que choisir",
    "M. le représentant de la CAF",
    "M. DUPONT souligne que",
    "192 807 dossiers",
    "75,9 %",
    "1 580 €",
    "3 jours",
    "Qual-e-pref obtenu le 12 juillet 2022",
    "labellisation Marianne",
    "I'Etat",
    "Ia réunion",
    "Ie préfet",
    "de 14h30 à 16h",
    "III/ Questions diverses",
    "Ordre du jour :",
    "Le préfet,",
    "# Titre",
    "**gras**",
    "[lien](http://x)",
    "| a | b |",
    "<p>",
    "</td><td>",
    "<script>x</script>",
    "\t",
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    " ",
    "\u{a0}",
    "\u{202f}",
    "’",
    "é",
    "e\u{301}",
    "\u{FFFD}",
    "\u{c}",
    "-",
    ".",
    ":",
];

/// A document: fragments and random words in any order.
fn document() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        2 => "[A-Za-zÀ-ÿ0-9 .,:;'()/-]{0,12}",
        1 => any::<String>().prop_map(|s| s.chars().take(6).collect()),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

/// Bytes: a document, sometimes with broken UTF-8 or in a legacy or UTF-16 encoding.
fn input_bytes() -> impl Strategy<Value = Vec<u8>> {
    (
        document(),
        0u8..5,
        any::<prop::sample::Index>(),
        any::<u8>(),
    )
        .prop_map(|(text, how, at, byte)| match how {
            0 => {
                let mut bytes = text.into_bytes();
                let at = at.index(bytes.len() + 1);
                bytes.insert(at, byte | 0x80);
                bytes
            }
            1 => text
                .chars()
                .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
                .collect(),
            2 => [0xff, 0xfe]
                .into_iter()
                .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
                .collect(),
            _ => text.into_bytes(),
        })
}

/// Every `span` object anywhere in a record, with the object holding it.
fn spans<'a>(value: &'a Value, out: &mut Vec<(usize, usize, &'a Value)>) {
    match value {
        Value::Object(map) => {
            if let Some(span) = map.get("span") {
                if let (Some(s), Some(e)) = (span["start"].as_u64(), span["end"].as_u64()) {
                    out.push((s as usize, e as usize, value));
                }
            }
            map.values().for_each(|v| spans(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| spans(v, out)),
        _ => {}
    }
}

/// `quoted` can be read in `at` once markup (tags, emphasis marks) and blanks are skipped:
/// its characters appear there in order.
fn reads_in(quoted: &str, at: &str) -> bool {
    // Line ends and decomposed accents as the pipeline normalises them.
    let (at, _) = Text::identity(at.to_string()).apply(&clu_minutes::normalize::propose(at));
    let mut source = at.as_str().chars().filter(|c| !c.is_whitespace());
    quoted
        .chars()
        .filter(|c| !c.is_whitespace())
        .all(|q| source.any(|c| c == q))
}

/// Spans lie inside the input; on a UTF-8 input they are on char boundaries, and without
/// repair the original bytes they cover hold the text the record quotes (less markup).
fn check_spans(bytes: &[u8], options: &Options) -> Result<(), TestCaseError> {
    let Ok(record) = pipeline::extract("p", bytes, options) else {
        return Ok(());
    };
    let value = serde_json::to_value(&record).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let mut found = Vec::new();
    spans(&value, &mut found);
    let utf8 = std::str::from_utf8(bytes).ok();
    for (start, end, holder) in found {
        prop_assert!(
            start <= end && end <= bytes.len(),
            "span {}..{} outside {} bytes",
            start,
            end,
            bytes.len()
        );
        let Some(original) = utf8 else { continue };
        prop_assert!(
            original.is_char_boundary(start) && original.is_char_boundary(end),
            "span {}..{} splits a character",
            start,
            end
        );
        if options.repair || record.source.encoding != "utf-8" {
            continue;
        }
        let mut at = original[start..end].to_string();
        if record.source.format == clu_minutes::markup::Format::Html {
            // Entities (`&eacute;`, `&nbsp;`) read as the characters they stand for.
            let stripped = clu_minutes::markup::strip(&at, clu_minutes::markup::Format::Html);
            at = Text::identity(at)
                .apply(&stripped.edits)
                .0
                .as_str()
                .to_string();
        }
        let at = at.as_str();
        for quoted in ["text", "before"]
            .iter()
            .filter_map(|k| holder.get(*k))
            .filter_map(Value::as_str)
        {
            prop_assert!(
                reads_in(quoted, at),
                "{:?} not in its span {:?}",
                quoted,
                at
            );
        }
    }
    Ok(())
}

/// Undoes `repairs` (sorted, disjoint, as made) on the repaired text.
fn unrepair(repaired: &str, repairs: &[clu_minutes::text::AppliedEdit]) -> String {
    let mut out = String::with_capacity(repaired.len());
    let mut at = 0;
    for edit in repairs {
        out.push_str(&repaired[at..edit.output.start]);
        out.push_str(&edit.before);
        at = edit.output.end;
    }
    out.push_str(&repaired[at..]);
    out
}

fn check_reversible(bytes: &[u8]) -> Result<(), TestCaseError> {
    let (Ok(repaired), Ok(plain)) = (
        pipeline::prepare(bytes, &Options::default()),
        pipeline::prepare(
            bytes,
            &Options {
                repair: false,
                encoding: None,
            },
        ),
    ) else {
        return Ok(());
    };
    for edit in &repaired.repairs {
        prop_assert_eq!(
            &repaired.text.as_str()[edit.output.start..edit.output.end],
            edit.after.as_str()
        );
    }
    prop_assert_eq!(
        unrepair(repaired.text.as_str(), &repaired.repairs),
        plain.text.as_str(),
        "repairs undone give back the input"
    );
    Ok(())
}

fn check_idempotent(bytes: &[u8]) -> Result<(), TestCaseError> {
    let Ok(repaired) = pipeline::prepare(bytes, &Options::default()) else {
        return Ok(());
    };
    let again: Vec<_> = clu_minutes::repair::propose(repaired.text.as_str())
        .into_iter()
        .filter(|e| e.confidence >= REPAIR_THRESHOLD)
        .map(|e| {
            (
                e.rule,
                repaired.text.as_str()[e.start..e.end].to_string(),
                e.after,
            )
        })
        .collect();
    prop_assert!(
        again.is_empty(),
        "repairing the repaired text changes it again: {:?}",
        again
    );
    Ok(())
}

/// The record of a document, or its error record, is valid `clu-minutes/1`.
fn check_schema(bytes: &[u8]) -> Result<(), TestCaseError> {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    let validator = VALIDATOR.get_or_init(|| {
        let schema: Value =
            serde_json::from_str(&clu_minutes::schema::json_schema()).expect("the schema is JSON");
        jsonschema::validator_for(&schema).expect("a valid schema")
    });
    let output = match pipeline::extract("p", bytes, &Options::default()) {
        Ok(record) => serde_json::to_value(record),
        Err(error) => serde_json::to_value(clu_minutes::record::ErrorRecord::new("p", &error)),
    }
    .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let errors: Vec<String> = validator
        .iter_errors(&output)
        .map(|e| format!("{}: {e}", e.instance_path))
        .collect();
    prop_assert!(errors.is_empty(), "{:#?}", errors);
    Ok(())
}

fn check_deterministic(a: &[u8], b: &[u8]) -> Result<(), TestCaseError> {
    let run = |bytes: &[u8]| match pipeline::extract("p", bytes, &Options::default()) {
        Ok(record) => serde_json::to_string(&record).unwrap_or_default(),
        Err(e) => format!("{:?}: {}", e.kind, e.message),
    };
    let first = run(a);
    // The repair stage memoises per thread: another document in between changes nothing.
    run(b);
    prop_assert_eq!(first, run(a));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = pipeline::extract("p", &bytes, &Options::default());
    }

    #[test]
    fn spans_lie_on_the_original_bytes(bytes in input_bytes()) {
        check_spans(&bytes, &Options::default())?;
    }

    #[test]
    fn spans_hold_the_quoted_text(text in document()) {
        check_spans(text.as_bytes(), &Options { repair: false, encoding: None })?;
    }

    #[test]
    fn repairs_reverse(bytes in input_bytes()) {
        check_reversible(&bytes)?;
    }

    #[test]
    fn repair_is_idempotent(bytes in input_bytes()) {
        check_idempotent(&bytes)?;
    }

    #[test]
    fn composed_passes_equal_the_passes_in_turn(
        text in "[a-zé' ]{0,40}",
        first in edits(),
        second in edits(),
    ) {
        check_composition(&text, &first, &second)?;
    }

    #[test]
    fn output_validates_against_the_schema(bytes in input_bytes()) {
        check_schema(&bytes)?;
    }

    #[test]
    fn extraction_is_deterministic(a in input_bytes(), b in input_bytes()) {
        check_deterministic(&a, &b)?;
    }
}

/// Edits as (start, length, replacement) in characters, made valid for a text by [`to_edits`].
fn edits() -> impl Strategy<Value = Vec<(usize, usize, String)>> {
    proptest::collection::vec((0usize..40, 0usize..4, "[a-zè']{0,3}"), 0..6)
}

/// Sorted, disjoint edits of `text` on char boundaries.
fn to_edits(text: &str, wanted: &[(usize, usize, String)]) -> Vec<Edit> {
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let mut wanted: Vec<_> = wanted.iter().filter(|w| w.0 < bounds.len()).collect();
    wanted.sort_by_key(|w| w.0);
    let mut edits: Vec<Edit> = Vec::new();
    for (start, len, after) in wanted {
        let (start, end) = (bounds[*start], bounds[(start + len).min(bounds.len() - 1)]);
        if edits
            .last()
            .is_none_or(|e| e.end <= start && e.start < start)
        {
            edits.push(Edit::new(start, end, after.clone(), "r", 0.9));
        }
    }
    edits
}

/// Two passes of edits composed into one set give the same text as the passes in turn, and
/// the composed edits quote the input.
fn check_composition(
    input: &str,
    first: &[(usize, usize, String)],
    second: &[(usize, usize, String)],
) -> Result<(), TestCaseError> {
    let start = Text::identity(input.to_string());
    let (middle, applied) = start.apply(&to_edits(input, first));
    let second = to_edits(middle.as_str(), second);
    let (end, _) = middle.apply(&second);
    let composed = compose(input, &applied, middle.as_str(), &second);
    let (direct, done) = start.apply(&composed);
    prop_assert_eq!(direct.as_str(), end.as_str());
    prop_assert_eq!(done.len(), composed.len(), "every composed edit is valid");
    Ok(())
}

fn fixtures() -> Vec<Vec<u8>> {
    let mut paths = Vec::new();
    for dir in ["fixtures/seeds", "fixtures/ocr", "fixtures/synthetic"] {
        for entry in std::fs::read_dir(dir).expect("fixtures") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e != "json") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read(p).expect("fixture"))
        .collect()
}

#[test]
fn fixtures_repairs_reverse() {
    for bytes in fixtures() {
        check_reversible(&bytes).unwrap();
    }
}

#[test]
fn fixtures_repair_is_idempotent() {
    for bytes in fixtures() {
        check_idempotent(&bytes).unwrap();
    }
}

#[test]
fn fixtures_spans_hold_the_quoted_text() {
    for bytes in fixtures() {
        check_spans(
            &bytes,
            &Options {
                repair: false,
                encoding: None,
            },
        )
        .unwrap();
    }
}
