//! `clu export`: CSV tables that a real consumer (Python's csv module) loads with as many
//! rows as the JSON holds.

use std::process::Command;

fn clu() -> Command {
    Command::new(env!("CARGO_BIN_EXE_clu"))
}

const INPUTS: [&str; 3] = ["fixtures/seeds", "fixtures/synthetic", "fixtures/ocr"];

/// Rows each table should have, counted from the JSON records.
fn expected_rows(jsonl: &str) -> Vec<(&'static str, usize)> {
    let records: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let count = |f: &dyn Fn(&serde_json::Value) -> usize| records.iter().map(f).sum::<usize>();
    let len = |v: &serde_json::Value, k: &str| v[k].as_array().map_or(0, Vec::len);
    let mut seen = std::collections::HashSet::new();
    let unique: Vec<&serde_json::Value> = records
        .iter()
        .filter(|r| seen.insert(r["source"]["sha256"].to_string()))
        .collect();
    assert_eq!(
        unique.len(),
        records.len(),
        "the fixtures have no duplicate bytes"
    );
    vec![
        ("documents", records.len()),
        (
            "participants",
            count(&|r| len(r, "participants") + len(r, "unnamed_representatives")),
        ),
        ("interventions", count(&|r| len(r, "interventions"))),
        ("labels", count(&|r| len(r, "labels"))),
        (
            "label_events",
            count(&|r| {
                r["labels"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|l| len(l, "events"))
                    .sum()
            }),
        ),
        ("dates", count(&|r| len(r, "dates"))),
        ("figures", count(&|r| len(r, "figures"))),
        (
            "repairs",
            count(&|r| len(r, "repairs") + len(r, "suggestions")),
        ),
    ]
}

fn python_row_counts(dir: &std::path::Path) -> Option<String> {
    let script = r#"
import csv, sys, pathlib
for name in ["documents", "participants", "interventions", "labels", "label_events", "dates", "figures", "repairs"]:
    with open(pathlib.Path(sys.argv[1]) / f"{name}.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert all(len(r["doc_id"]) == 16 for r in rows), name
    assert all(None not in r for r in rows), f"{name}: a row has more cells than the header"
    print(name, len(rows))
"#;
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(dir)
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "python3: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).unwrap())
}

#[test]
fn tables_load_in_python_with_the_json_row_counts() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("corpus.jsonl");
    let status = clu()
        .arg("extract")
        .args(INPUTS)
        .args(["-q", "-o"])
        .arg(&jsonl)
        .status()
        .unwrap();
    assert!(status.success());
    let expected = expected_rows(&std::fs::read_to_string(&jsonl).unwrap());
    let from_minutes = dir.path().join("from_minutes");
    let out = clu()
        .arg("export")
        .args(INPUTS)
        .arg("--out")
        .arg(&from_minutes)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let from_jsonl = dir.path().join("from_jsonl");
    let out = clu()
        .arg("export")
        .arg(&jsonl)
        .arg("--out")
        .arg(&from_jsonl)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for (name, _) in &expected {
        let a = std::fs::read(from_minutes.join(format!("{name}.csv"))).unwrap();
        let b = std::fs::read(from_jsonl.join(format!("{name}.csv"))).unwrap();
        assert!(
            a == b,
            "{name}.csv differs between minutes and JSON Lines input"
        );
    }
    let Some(counts) = python_row_counts(&from_minutes) else {
        eprintln!("python3 not found: consumer check skipped");
        return;
    };
    let want: String = expected
        .iter()
        .map(|(name, n)| format!("{name} {n}\n"))
        .collect();
    assert_eq!(counts, want);
    assert!(
        expected.iter().all(|(_, n)| *n > 0),
        "every table has rows on the fixtures: {expected:?}"
    );
}

#[test]
fn errors_and_duplicates_stay_out_of_the_tables() {
    let dir = tempfile::tempdir().unwrap();
    let minutes = dir.path().join("minutes");
    std::fs::create_dir(&minutes).unwrap();
    let seed = std::fs::read("fixtures/seeds/001_1961c616dff96f7a.txt").unwrap();
    std::fs::write(minutes.join("a.txt"), &seed).unwrap();
    std::fs::write(minutes.join("b.txt"), &seed).unwrap();
    std::fs::write(minutes.join("c.txt"), "%PDF-1.7").unwrap();
    let out = clu()
        .arg("export")
        .arg(&minutes)
        .arg("--out")
        .arg(dir.path().join("t"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "an input failed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("b.txt: same bytes as an earlier document")
            && stderr.contains("1 error(s), 1 duplicate(s)"),
        "{stderr}"
    );
    let documents = std::fs::read_to_string(dir.path().join("t/documents.csv")).unwrap();
    assert_eq!(
        documents.lines().count(),
        2,
        "header and one document:\n{documents}"
    );
    let id = clu_minutes::pipeline::sha256_hex(&seed)[..16].to_string();
    assert!(
        documents
            .lines()
            .nth(1)
            .unwrap()
            .starts_with(&format!("{id},")),
        "doc_id is the SHA-256 prefix:\n{documents}"
    );
}
