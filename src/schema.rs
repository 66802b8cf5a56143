//! The JSON Schema of the `clu-minutes/1` output, generated from the record types so that
//! it cannot drift from what is written. `schema/clu-minutes-1.schema.json` is a copy,
//! checked against this by the tests.

/// The schema of one output object (a record or an error record), pretty-printed.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(crate::corpus::Outcome);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema is plain JSON");
    text.push('\n');
    text
}
