//! The `clu` binary: outputs, exit codes and error records.

use std::path::Path;
use std::process::Command;

fn clu() -> Command {
    Command::new(env!("CARGO_BIN_EXE_clu"))
}

fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn one_file_gives_one_pretty_object() {
    let out = clu()
        .args(["extract", "fixtures/seeds/001_1961c616dff96f7a.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], "clu-minutes/1");
    assert_eq!(
        v["source"]["path"],
        "fixtures/seeds/001_1961c616dff96f7a.txt"
    );
    assert_eq!(v["source"]["bytes"], 8289);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("\n  \"source\""),
        "pretty-printed"
    );
}

#[test]
fn directory_gives_sorted_json_lines_and_failures_give_error_records() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("b.txt"), "Compte rendu du CLU\n").unwrap();
    std::fs::write(dir.path().join("a.txt"), "%PDF-1.7 binary").unwrap();
    std::fs::write(dir.path().join("c.txt"), "   \n").unwrap();
    std::fs::write(dir.path().join(".hidden.txt"), "CLU\n").unwrap();
    std::fs::write(dir.path().join("skip.pdf"), "CLU\n").unwrap();
    let out = clu().arg("extract").arg(dir.path()).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "a failed input makes the exit code 1"
    );
    let lines = json_lines(&out.stdout);
    let names: Vec<String> = lines
        .iter()
        .map(|v| {
            Path::new(v["source"]["path"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(names, ["a.txt", "b.txt", "c.txt"]);
    assert_eq!(lines[0]["error"]["kind"], "not_text");
    assert_eq!(lines[2]["error"]["kind"], "empty");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("a.txt: not a text file (PDF signature)"),
        "{stderr}"
    );
}

#[test]
fn missing_path_is_an_error_record_not_a_silent_drop() {
    let out = clu()
        .args([
            "extract",
            "fixtures/seeds/001_1961c616dff96f7a.txt",
            "no/such/file.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 2);
    assert!(lines
        .iter()
        .any(|v| v["error"]["kind"] == "io" && v["source"]["path"] == "no/such/file.txt"));
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.jsonl");
    let out = clu()
        .args(["extract", "fixtures/seeds", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(&target).unwrap();
    assert_eq!(text.lines().count(), 5);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left behind"
    );
}

#[test]
fn json_format_is_one_array() {
    let out = clu()
        .args(["extract", "fixtures/seeds", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(5));
}

#[test]
fn stdin_is_read_with_dash() {
    use std::io::Write;
    let mut child = clu()
        .args(["extract", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Comité local des usagers\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["source"]["path"], "-");
}

#[test]
fn usage_error_exits_2() {
    let out = clu().args(["extract"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = clu()
        .args(["extract", "--no-such-flag", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn too_large_file_is_refused_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    std::fs::write(&path, "a".repeat(2000)).unwrap();
    let out = clu()
        .args(["extract", "--max-file-size", "1000"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["error"]["kind"], "too_large");
}

fn extract_bytes(args: &[&str]) -> Vec<u8> {
    let out = clu().arg("extract").args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn output_is_the_same_bytes_whatever_the_threads() {
    let one = extract_bytes(&["fixtures/ocr", "fixtures/seeds", "-j", "1", "-q"]);
    let two = extract_bytes(&["fixtures/seeds", "fixtures/ocr", "-j", "2", "-q"]);
    let many = extract_bytes(&["fixtures/seeds", "fixtures/ocr", "-j", "7", "-q"]);
    assert_eq!(one, two);
    assert_eq!(one, many);
    let paths: Vec<String> = json_lines(&one)
        .iter()
        .map(|v| v["source"]["path"].as_str().unwrap().to_string())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    assert_eq!(paths.len(), 25);
}

#[test]
fn fail_fast_stops_at_the_first_failure() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "%PDF-1.7 binary").unwrap();
    for name in ["b.txt", "c.txt", "d.txt"] {
        std::fs::write(dir.path().join(name), "Compte rendu du CLU\n").unwrap();
    }
    let out = clu()
        .args(["extract", "--fail-fast", "-j", "2"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json_lines(&out.stdout).len(), 1);
}

#[test]
fn shards_split_the_corpus_without_overlap() {
    let whole = json_lines(&extract_bytes(&["fixtures/ocr", "-q"]));
    let mut union = Vec::new();
    for i in 1..=3 {
        let shard = format!("{i}/3");
        let part = json_lines(&extract_bytes(&["fixtures/ocr", "-q", "--shard", &shard]));
        assert!(
            !part.is_empty() && part.len() < whole.len(),
            "shard {shard} holds {} of {}",
            part.len(),
            whole.len()
        );
        union.extend(part);
    }
    let key = |v: &serde_json::Value| v["source"]["path"].as_str().unwrap().to_string();
    let mut got: Vec<String> = union.iter().map(key).collect();
    got.sort();
    assert_eq!(got, whole.iter().map(key).collect::<Vec<_>>());
    for bad in ["0/3", "4/3", "1/0", "x"] {
        assert_eq!(
            clu()
                .args(["extract", "fixtures/ocr", "--shard", bad])
                .output()
                .unwrap()
                .status
                .code(),
            Some(2),
            "{bad}"
        );
    }
}

#[test]
fn an_interrupted_run_resumes_to_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full.jsonl");
    let out = clu()
        .args(["extract", "fixtures/ocr", "-q", "-o"])
        .arg(&full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let expected = std::fs::read_to_string(&full).unwrap();
    // What a killed run leaves: some complete lines and half of the next one.
    let lines: Vec<&str> = expected.split_inclusive('\n').collect();
    let partial = dir.path().join("partial.jsonl");
    std::fs::write(
        &partial,
        format!("{}{}", lines[..7].concat(), &lines[7][..100]),
    )
    .unwrap();
    let out = clu()
        .args(["extract", "fixtures/ocr", "-o"])
        .arg(&partial)
        .arg("--skip-existing")
        .arg(&partial)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("13 file(s)")
            && String::from_utf8_lossy(&out.stderr).contains("7 skipped")
    );
    assert_eq!(std::fs::read_to_string(&partial).unwrap(), expected);
    // Run again: nothing left to do, nothing written.
    let out = clu()
        .args(["extract", "fixtures/ocr", "-o"])
        .arg(&partial)
        .arg("--skip-existing")
        .arg(&partial)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("0 file(s)"));
    assert_eq!(std::fs::read_to_string(&partial).unwrap(), expected);
}

/// Runs `clu ARGS` under a pseudo-terminal (util-linux `script`) and returns what it drew.
fn on_terminal(args: &str) -> Option<String> {
    let probe = Command::new("script").arg("--version").output();
    if probe.map(|o| !o.status.success()).unwrap_or(true) {
        eprintln!("script (util-linux) not found: pseudo-terminal test skipped");
        return None;
    }
    let command = format!("{} {args} > /dev/null", env!("CARGO_BIN_EXE_clu"));
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .unwrap();
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn progress_bar_on_a_terminal_only() {
    if let Some(screen) = on_terminal("extract fixtures/ocr -j 1") {
        assert!(
            screen.contains("/20 files"),
            "no progress bar on a terminal: {screen:?}"
        );
        assert!(
            screen.contains("20 file(s), 20 document(s)"),
            "no summary: {screen:?}"
        );
    }
    if let Some(screen) = on_terminal("extract fixtures/ocr -j 1 --quiet") {
        assert!(!screen.contains("files"), "--quiet still draws: {screen:?}");
    }
    let out = clu()
        .args(["extract", "fixtures/ocr", "-j", "1"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("/20 files") && !stderr.contains('\r') && !stderr.contains('\x1b'),
        "bar drawn into a pipe: {stderr:?}"
    );
    assert!(
        stderr.contains("20 file(s), 20 document(s)")
            && stderr.contains("participant(s), 0 error(s)"),
        "{stderr}"
    );
}

#[test]
fn schema_command_prints_the_committed_schema() {
    let out = clu().arg("schema").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let committed = std::fs::read_to_string("schema/clu-minutes-1.schema.json").unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        committed,
        "run `clu schema > schema/clu-minutes-1.schema.json`"
    );
}

#[test]
fn stats_summarise_a_corpus() {
    let out = clu()
        .args(["stats", "fixtures/seeds", "fixtures/synthetic"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    for heading in [
        "Documents per department and year",
        "Meetings per committee type",
        "Label timeline",
        "Most frequent organisations",
    ] {
        assert!(text.contains(heading), "{heading} missing:\n{text}");
    }
    assert!(text.contains("52 Haute-Marne"), "{text}");
    assert!(
        text.contains("CLUAC") && text.contains("Qual-e-pref"),
        "{text}"
    );
    // The same from JSON Lines.
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("all.jsonl");
    clu()
        .args([
            "extract",
            "fixtures/seeds",
            "fixtures/synthetic",
            "-q",
            "-o",
        ])
        .arg(&jsonl)
        .status()
        .unwrap();
    let again = clu().arg("stats").arg(&jsonl).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&again.stdout), text);
}
