//! Measures the OCR repair: `cargo run --release --example ocr_measure -- DIR [CLEAN_TEXT...]`.
//!
//! For every `<stem>.{light,medium,heavy,eng}.txt` in DIR beside `<stem>.clean.txt`: character
//! and word error rates of the raw and the repaired text (the pipeline's repair stage: edits
//! with confidence ≥ 0.5 applied until a pass proposes none).
//! CER = Levenshtein distance over characters after NFC and whitespace collapsing / clean length;
//! reported as is and with `’` and `'` unified. Then the share of characters changed on clean
//! texts (the `*.clean.txt` of DIR and any extra files given), and the throughput.

use std::path::{Path, PathBuf};
use std::time::Instant;

use clu_minutes::pipeline::repair_text;
use unicode_normalization::UnicodeNormalization;

fn normalise(text: &str, unify: bool) -> String {
    let t: String = text.nfc().collect();
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    if unify {
        t.replace('\u{2019}', "'")
    } else {
        t
    }
}

fn levenshtein<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    strsim::generic_levenshtein(&a.iter().collect::<Vec<_>>(), &b.iter().collect::<Vec<_>>())
}

fn cer(hyp: &str, truth: &str, unify: bool) -> f64 {
    let h: Vec<char> = normalise(hyp, unify).chars().collect();
    let t: Vec<char> = normalise(truth, unify).chars().collect();
    levenshtein(&h, &t) as f64 / t.len() as f64
}

fn wer(hyp: &str, truth: &str) -> f64 {
    let h = normalise(hyp, true);
    let t = normalise(truth, true);
    let hw: Vec<&str> = h.split(' ').collect();
    let tw: Vec<&str> = t.split(' ').collect();
    levenshtein(&hw, &tw) as f64 / tw.len() as f64
}

fn main() {
    let args: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    // OCR_MEASURE_SHOW=1 lists every edit on stderr, to review the rules.
    let show = std::env::var_os("OCR_MEASURE_SHOW").is_some();
    // OCR_MEASURE_DUMP=DIR writes each repaired text there, to diff against the clean truth.
    let dump = std::env::var_os("OCR_MEASURE_DUMP").map(PathBuf::from);
    let dir = args
        .first()
        .expect("usage: ocr_measure DIR [CLEAN_TEXT...]");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    println!("| file | level | CER raw | CER repaired | change | CER' raw | CER' repaired | WER raw | WER repaired | edits ≥0.5 / all |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut per_level: std::collections::BTreeMap<String, (f64, f64, f64, f64, usize, usize)> =
        Default::default();
    let mut bytes = 0usize;
    let mut elapsed = 0.0;
    let mut worse = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let Some((stem, level)) = name.strip_suffix(".txt").and_then(|s| s.rsplit_once('.')) else {
            continue;
        };
        if !matches!(level, "light" | "medium" | "heavy" | "eng") {
            continue;
        }
        let raw = std::fs::read_to_string(path).unwrap();
        let truth = std::fs::read_to_string(dir.join(format!("{stem}.clean.txt"))).unwrap();
        let t = Instant::now();
        let (fixed, edits, suggestions) = repair_text(&raw);
        elapsed += t.elapsed().as_secs_f64();
        bytes += raw.len();
        if let Some(dump) = &dump {
            std::fs::write(dump.join(&name), &fixed).unwrap();
        }
        if show {
            for e in edits.iter().chain(&suggestions) {
                eprintln!(
                    "{name}\t{:.2}\t{}\t{:?}\t{:?}\t{}\t{}",
                    e.confidence, e.rule, e.before, e.after, e.original.start, e.original.end
                );
            }
        }
        let (c0, c1) = (cer(&raw, &truth, false), cer(&fixed, &truth, false));
        let (u0, u1) = (cer(&raw, &truth, true), cer(&fixed, &truth, true));
        let (w0, w1) = (wer(&raw, &truth), wer(&fixed, &truth));
        let applied = edits.len();
        println!(
            "| {stem} | {level} | {:.2} % | {:.2} % | {:+.0} % | {:.2} % | {:.2} % | {:.1} % | {:.1} % | {applied} / {} |",
            c0 * 100.0, c1 * 100.0, (c1 - c0) / c0 * 100.0, u0 * 100.0, u1 * 100.0, w0 * 100.0, w1 * 100.0, applied + suggestions.len()
        );
        if u1 > u0 {
            worse.push(name.clone());
        }
        let e = per_level.entry(level.to_string()).or_default();
        *e = (
            e.0 + c0,
            e.1 + c1,
            e.2 + u0,
            e.3 + u1,
            e.4 + 1,
            e.5 + applied,
        );
    }
    println!("\n| level | mean CER raw | mean CER repaired | change | mean CER' raw | mean CER' repaired | change' |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for (level, (c0, c1, u0, u1, n, _)) in &per_level {
        let n = *n as f64;
        println!(
            "| {level} | {:.2} % | {:.2} % | {:+.0} % | {:.2} % | {:.2} % | {:+.0} % |",
            c0 / n * 100.0,
            c1 / n * 100.0,
            (c1 - c0) / c0 * 100.0,
            u0 / n * 100.0,
            u1 / n * 100.0,
            (u1 - u0) / u0 * 100.0
        );
    }
    println!(
        "\ndocuments worse after repair (apostrophes unified): {}",
        if worse.is_empty() {
            "none".into()
        } else {
            worse.join(", ")
        }
    );

    let mut clean: Vec<PathBuf> = files
        .iter()
        .filter(|p| p.to_string_lossy().ends_with(".clean.txt"))
        .cloned()
        .collect();
    clean.extend(args[1..].iter().cloned());
    println!("\n| clean text | chars | chars changed | per 2,000 | edits ≥0.5 |");
    println!("|---|---:|---:|---:|---|");
    for path in &clean {
        let text = std::fs::read_to_string(path).unwrap();
        let t = Instant::now();
        let (fixed, edits, _) = repair_text(&text);
        elapsed += t.elapsed().as_secs_f64();
        bytes += text.len();
        let a: Vec<char> = text.chars().collect();
        let b: Vec<char> = fixed.chars().collect();
        let changed = levenshtein(&a, &b);
        let shown: Vec<String> = edits
            .iter()
            .map(|e| format!("`{}`→`{}`", e.before, e.after))
            .collect();
        println!(
            "| {} | {} | {changed} | {:.2} | {} |",
            Path::new(path).file_name().unwrap().to_string_lossy(),
            a.len(),
            changed as f64 * 2000.0 / a.len() as f64,
            shown.join(" ")
        );
    }
    println!(
        "\nfirst pass (cold cache): {:.2} MB in {:.3} s = {:.1} MB/s",
        bytes as f64 / 1e6,
        elapsed,
        bytes as f64 / 1e6 / elapsed
    );

    // Warm: the same corpus again, as a long batch of similar documents would see it.
    let corpus: Vec<String> = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let t = Instant::now();
    let mut total = 0;
    for _ in 0..5 {
        for text in &corpus {
            total += text.len();
            std::hint::black_box(repair_text(text));
        }
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "warm cache: {:.2} MB in {:.3} s = {:.1} MB/s (one thread)",
        total as f64 / 1e6,
        s,
        total as f64 / 1e6 / s
    );
}
