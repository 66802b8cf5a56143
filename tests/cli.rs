//! The `clu` binary: outputs, exit codes and error records.

use std::path::Path;
use std::process::Command;

fn clu() -> Command {
    Command::new(env!("CARGO_BIN_EXE_clu"))
}

fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

#[test]
fn one_file_gives_one_pretty_object() {
    let out = clu().args(["extract", "fixtures/seeds/001_1961c616dff96f7a.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], "clu-minutes/1");
    assert_eq!(v["source"]["path"], "fixtures/seeds/001_1961c616dff96f7a.txt");
    assert_eq!(v["source"]["bytes"], 8289);
    assert!(String::from_utf8_lossy(&out.stdout).contains("\n  \"source\""), "pretty-printed");
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
    assert_eq!(out.status.code(), Some(1), "a failed input makes the exit code 1");
    let lines = json_lines(&out.stdout);
    let names: Vec<String> = lines
        .iter()
        .map(|v| Path::new(v["source"]["path"].as_str().unwrap()).file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["a.txt", "b.txt", "c.txt"]);
    assert_eq!(lines[0]["error"]["kind"], "not_text");
    assert_eq!(lines[2]["error"]["kind"], "empty");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("a.txt: not a text file (PDF signature)"), "{stderr}");
}

#[test]
fn missing_path_is_an_error_record_not_a_silent_drop() {
    let out = clu().args(["extract", "fixtures/seeds/001_1961c616dff96f7a.txt", "no/such/file.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().any(|v| v["error"]["kind"] == "io" && v["source"]["path"] == "no/such/file.txt"));
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.jsonl");
    let out = clu().args(["extract", "fixtures/seeds", "-o"]).arg(&target).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(&target).unwrap();
    assert_eq!(text.lines().count(), 5);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left behind");
}

#[test]
fn json_format_is_one_array() {
    let out = clu().args(["extract", "fixtures/seeds", "--format", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(5));
}

#[test]
fn stdin_is_read_with_dash() {
    use std::io::Write;
    let mut child = clu().args(["extract", "-"]).stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all("Comité local des usagers\n".as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["source"]["path"], "-");
}

#[test]
fn usage_error_exits_2() {
    let out = clu().args(["extract"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = clu().args(["extract", "--no-such-flag", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn too_large_file_is_refused_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    std::fs::write(&path, "a".repeat(2000)).unwrap();
    let out = clu().args(["extract", "--max-file-size", "1000"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["error"]["kind"], "too_large");
}
