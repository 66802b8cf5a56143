//! Repair throughput on a realistic mix: the OCR fixtures (every level) and the clean seeds.
//! `cargo bench --bench repair`. The per-word memo is thread-local, so each "cold" round runs
//! on a fresh thread: it pays for every unknown word as a new process would (except the page
//! faults on the embedded lexicon, which `ocr_measure`'s first pass includes).

use std::path::Path;
use std::time::Instant;

use clu_minutes::repair::propose;

fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut paths = Vec::new();
    for dir in ["ocr", "seeds"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("fixtures") {
            paths.push(entry.expect("fixture").path());
        }
    }
    paths.sort();
    paths.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")).map(|p| std::fs::read_to_string(p).expect("utf-8 fixture")).collect()
}

fn run(corpus: &[String]) -> usize {
    corpus.iter().map(|text| std::hint::black_box(propose(text)).len()).sum()
}

fn main() {
    let corpus = corpus();
    let bytes: usize = corpus.iter().map(String::len).sum();
    let mbs = |secs: f64, rounds: usize| (bytes * rounds) as f64 / 1e6 / secs;

    let mut cold = Vec::new();
    for _ in 0..5 {
        let corpus = corpus.clone();
        let secs = std::thread::spawn(move || {
            let t = Instant::now();
            run(&corpus);
            t.elapsed().as_secs_f64()
        })
        .join()
        .expect("bench thread");
        cold.push(mbs(secs, 1));
    }
    cold.sort_by(f64::total_cmp);

    run(&corpus);
    let rounds = 10;
    let t = Instant::now();
    for _ in 0..rounds {
        run(&corpus);
    }
    let warm = mbs(t.elapsed().as_secs_f64(), rounds);
    println!("corpus: {} texts, {:.2} MB", corpus.len(), bytes as f64 / 1e6);
    println!("cold (fresh thread, median of 5): {:.1} MB/s", cold[2]);
    println!("warm (memo filled, {rounds} rounds): {warm:.1} MB/s");
}
