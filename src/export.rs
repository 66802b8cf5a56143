//! CSV tables of a corpus for spreadsheets, pandas, DuckDB and databases: one file per
//! kind of row, joined by `doc_id` (the first 16 hex digits of the SHA-256 of the input
//! bytes). Columns are documented in docs/export.md. Records are read as the JSON that
//! `clu extract` writes, so tables made from minutes and from a JSON Lines file agree.

use serde_json::Value;
use std::collections::HashSet;
use std::fs::File;
use std::io::BufWriter;
use std::path::Path;

/// Table names and their columns, in file order.
pub const TABLES: [(&str, &[&str]); 8] = [
    (
        "documents",
        &[
            "doc_id",
            "path",
            "sha256",
            "bytes",
            "encoding",
            "format",
            "committee",
            "authority",
            "department_code",
            "department_name",
            "meeting_date",
            "start_time",
            "end_time",
            "place",
            "chair",
            "issued_date",
            "issued_place",
            "signatory_name",
            "signatory_role",
            "contact_name",
            "contact_phone",
            "contact_email",
            "agenda",
            "participants",
            "interventions",
            "labels",
            "dates",
            "figures",
            "repairs",
            "suggestions",
            "warnings",
        ],
    ),
    (
        "participants",
        &[
            "doc_id",
            "index",
            "kind",
            "civility",
            "given_name",
            "family_name",
            "role",
            "organization",
            "group",
            "attendance",
            "span_start",
            "span_end",
        ],
    ),
    (
        "interventions",
        &[
            "doc_id",
            "index",
            "participant",
            "speaker",
            "text",
            "span_start",
            "span_end",
        ],
    ),
    (
        "labels",
        &["doc_id", "name", "mentions", "modules", "first_obtained"],
    ),
    (
        "label_events",
        &[
            "doc_id",
            "label",
            "kind",
            "date",
            "text",
            "span_start",
            "span_end",
        ],
    ),
    (
        "dates",
        &[
            "doc_id",
            "index",
            "text",
            "value",
            "precision",
            "role",
            "span_start",
            "span_end",
        ],
    ),
    (
        "figures",
        &[
            "doc_id",
            "index",
            "text",
            "value",
            "kind",
            "unit",
            "context",
            "span_start",
            "span_end",
        ],
    ),
    (
        "repairs",
        &[
            "doc_id",
            "status",
            "rule",
            "before",
            "after",
            "confidence",
            "span_start",
            "span_end",
        ],
    ),
];

/// Several values in one cell (agenda items, label modules, warnings) are joined by this.
pub const LIST_SEPARATOR: &str = " | ";

/// Rows written per table, in [`TABLES`] order, and what was left out.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Counts {
    pub rows: [usize; 8],
    /// Error records: inputs that yielded no document.
    pub errors: usize,
    /// Records whose bytes equal an earlier record's: same `doc_id`, written once.
    pub duplicates: usize,
}

pub struct Tables {
    writers: Vec<csv::Writer<BufWriter<File>>>,
    seen: HashSet<String>,
    pub counts: Counts,
}

/// What [`Tables::add`] made of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    Document,
    /// An error record; its path and message.
    Error(String, String),
    /// Same bytes as a document already written; its path.
    Duplicate(String),
}

/// A JSON value as a cell: null is empty, strings are themselves, the rest is JSON.
fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

fn list(value: Option<&Value>) -> String {
    let items = value
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    items
        .iter()
        .map(|v| cell(Some(v)))
        .collect::<Vec<_>>()
        .join(LIST_SEPARATOR)
}

fn items<'a>(record: &'a Value, key: &str) -> &'a [Value] {
    record
        .get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

fn len(record: &Value, key: &str) -> String {
    items(record, key).len().to_string()
}

fn span(item: &Value) -> [String; 2] {
    [
        cell(item.pointer("/span/start")),
        cell(item.pointer("/span/end")),
    ]
}

impl Tables {
    /// Creates `dir` if needed and the eight CSV files in it, each with its header row.
    pub fn create(dir: &Path) -> Result<Tables, String> {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let mut writers = Vec::new();
        for (name, columns) in TABLES {
            let path = dir.join(format!("{name}.csv"));
            let file = File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let mut writer = csv::Writer::from_writer(BufWriter::new(file));
            writer
                .write_record(columns)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            writers.push(writer);
        }
        Ok(Tables {
            writers,
            seen: HashSet::new(),
            counts: Counts::default(),
        })
    }

    fn row(&mut self, table: usize, cells: &[String]) -> Result<(), String> {
        debug_assert_eq!(
            cells.len(),
            TABLES[table].1.len(),
            "{} columns",
            TABLES[table].0
        );
        self.counts.rows[table] += 1;
        self.writers[table]
            .write_record(cells)
            .map_err(|e| format!("{}.csv: {e}", TABLES[table].0))
    }

    /// Writes the rows of one record as `clu extract` writes it.
    pub fn add(&mut self, record: &Value) -> Result<Added, String> {
        let path = cell(record.pointer("/source/path"));
        if let Some(error) = record.get("error") {
            self.counts.errors += 1;
            return Ok(Added::Error(path, cell(error.get("message"))));
        }
        let sha = cell(record.pointer("/source/sha256"));
        if sha.len() < 16 {
            return Err(format!(
                "{path}: not a clu-minutes/1 record (no source.sha256)"
            ));
        }
        let id = sha[..16].to_string();
        if !self.seen.insert(id.clone()) {
            self.counts.duplicates += 1;
            return Ok(Added::Duplicate(path));
        }
        let at = |p: &str| cell(record.pointer(p));
        let document = vec![
            id.clone(),
            path,
            sha,
            at("/source/bytes"),
            at("/source/encoding"),
            at("/source/format"),
            at("/meeting/committee"),
            at("/meeting/authority"),
            at("/meeting/department/code"),
            at("/meeting/department/name"),
            at("/meeting/date"),
            at("/meeting/start_time"),
            at("/meeting/end_time"),
            at("/meeting/place"),
            at("/meeting/chair"),
            at("/document/issued_date"),
            at("/document/issued_place"),
            at("/document/signatory/name"),
            at("/document/signatory/role"),
            at("/document/contact/name"),
            at("/document/contact/phone"),
            at("/document/contact/email"),
            list(record.get("agenda")),
            (items(record, "participants").len() + items(record, "unnamed_representatives").len())
                .to_string(),
            len(record, "interventions"),
            len(record, "labels"),
            len(record, "dates"),
            len(record, "figures"),
            len(record, "repairs"),
            len(record, "suggestions"),
            list(record.get("warnings")),
        ];
        self.row(0, &document)?;
        let people = items(record, "participants").iter().map(|p| ("person", p));
        let unnamed = items(record, "unnamed_representatives")
            .iter()
            .map(|u| ("unnamed_representative", u));
        for (i, (kind, p)) in people.chain(unnamed).enumerate() {
            let [start, end] = span(p);
            let get = |k: &str| cell(p.get(k));
            let row = [
                id.clone(),
                i.to_string(),
                kind.to_string(),
                get("civility"),
                get("given_name"),
                get("family_name"),
                get("role"),
                get("organization"),
                get("group"),
                get("attendance"),
                start,
                end,
            ];
            self.row(1, &row)?;
        }
        for (i, x) in items(record, "interventions").iter().enumerate() {
            let [start, end] = span(x);
            let row = [
                id.clone(),
                i.to_string(),
                cell(x.get("participant")),
                cell(x.get("speaker")),
                cell(x.get("text")),
                start,
                end,
            ];
            self.row(2, &row)?;
        }
        for label in items(record, "labels") {
            let name = cell(label.get("name"));
            let events = items(label, "events");
            let first_obtained = events
                .iter()
                .filter(|e| e.get("kind").and_then(Value::as_str) == Some("obtained"))
                .filter_map(|e| e.get("date").and_then(Value::as_str))
                .min()
                .unwrap_or_default()
                .to_string();
            let row = [
                id.clone(),
                name.clone(),
                cell(label.get("mentions")),
                list(label.get("modules")),
                first_obtained,
            ];
            self.row(3, &row)?;
            for e in events {
                let [start, end] = span(e);
                let row = [
                    id.clone(),
                    name.clone(),
                    cell(e.get("kind")),
                    cell(e.get("date")),
                    cell(e.get("text")),
                    start,
                    end,
                ];
                self.row(4, &row)?;
            }
        }
        for (i, d) in items(record, "dates").iter().enumerate() {
            let [start, end] = span(d);
            let get = |k: &str| cell(d.get(k));
            let row = [
                id.clone(),
                i.to_string(),
                get("text"),
                get("value"),
                get("precision"),
                get("role"),
                start,
                end,
            ];
            self.row(5, &row)?;
        }
        for (i, f) in items(record, "figures").iter().enumerate() {
            let [start, end] = span(f);
            let get = |k: &str| cell(f.get(k));
            let row = [
                id.clone(),
                i.to_string(),
                get("text"),
                get("value"),
                get("kind"),
                get("unit"),
                get("context"),
                start,
                end,
            ];
            self.row(6, &row)?;
        }
        let applied = items(record, "repairs").iter().map(|r| ("applied", r));
        let suggested = items(record, "suggestions")
            .iter()
            .map(|r| ("suggested", r));
        for (status, r) in applied.chain(suggested) {
            let [start, end] = span(r);
            let get = |k: &str| cell(r.get(k));
            let row = [
                id.clone(),
                status.to_string(),
                get("rule"),
                get("before"),
                get("after"),
                get("confidence"),
                start,
                end,
            ];
            self.row(7, &row)?;
        }
        Ok(Added::Document)
    }

    /// Flushes every table to disk.
    pub fn finish(mut self) -> Result<Counts, String> {
        for (writer, (name, _)) in self.writers.iter_mut().zip(TABLES) {
            writer.flush().map_err(|e| format!("{name}.csv: {e}"))?;
        }
        Ok(self.counts)
    }
}
