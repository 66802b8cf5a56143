//! Every fixture's output, and every error record, validates against the committed JSON
//! Schema of `clu-minutes/1`.

use clu_minutes::corpus::{self, Discovery};
use clu_minutes::pipeline::Options;

#[test]
fn every_fixture_output_validates_against_the_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("schema/clu-minutes-1.schema.json").unwrap())
            .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let paths = [
        "fixtures/seeds",
        "fixtures/ocr",
        "fixtures/synthetic",
        "no/such/file.txt",
        "Cargo.lock",
    ]
    .map(String::from);
    let inputs = corpus::discover(&paths, &Discovery::default());
    let mut checked = 0;
    for options in [
        Options::default(),
        Options {
            repair: false,
            encoding: None,
        },
    ] {
        for input in &inputs {
            let value = serde_json::to_value(corpus::process(input, &options, 1 << 20)).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&value)
                .map(|e| format!("{}: {e}", e.instance_path))
                .collect();
            assert!(errors.is_empty(), "{}: {errors:#?}", input.label());
            checked += 1;
        }
    }
    assert!(checked >= 2 * 37, "{checked} outputs checked");
}

#[test]
fn the_schema_rejects_what_is_not_a_record() {
    let schema: serde_json::Value =
        serde_json::from_str(&clu_minutes::schema::json_schema()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(!validator.is_valid(&serde_json::json!({"schema": "clu-minutes/1"})));
    assert!(!validator.is_valid(&serde_json::json!({"schema": "other/2", "source": {"path": "x"}, "error": {"kind": "io", "message": ""}})));
    assert!(validator.is_valid(&serde_json::json!({"schema": "clu-minutes/1", "source": {"path": "x"}, "error": {"kind": "io", "message": ""}})));
}
