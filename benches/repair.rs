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
    paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| std::fs::read_to_string(p).expect("utf-8 fixture"))
        .collect()
}

/// Time this thread has spent on a CPU (Linux), so that the figure is per core even when other
/// processes share the machine; wall time is reported beside it.
fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    stat.split(' ')
        .next()
        .and_then(|ns| ns.parse::<f64>().ok())
        .unwrap_or(f64::NAN)
        / 1e9
}

fn run(corpus: &[String]) -> usize {
    corpus
        .iter()
        .map(|text| std::hint::black_box(propose(text)).len())
        .sum()
}

fn main() {
    let corpus = corpus();
    let bytes: usize = corpus.iter().map(String::len).sum();
    let mbs = |secs: f64, rounds: usize| (bytes * rounds) as f64 / 1e6 / secs;

    let (mut cold_wall, mut cold_cpu) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        let corpus = corpus.clone();
        let (wall, cpu) = std::thread::spawn(move || {
            let (t, c) = (Instant::now(), cpu_secs());
            run(&corpus);
            (t.elapsed().as_secs_f64(), cpu_secs() - c)
        })
        .join()
        .expect("bench thread");
        cold_wall.push(mbs(wall, 1));
        cold_cpu.push(mbs(cpu, 1));
    }
    cold_wall.sort_by(f64::total_cmp);
    cold_cpu.sort_by(f64::total_cmp);

    run(&corpus);
    let rounds = 10;
    let (t, c) = (Instant::now(), cpu_secs());
    for _ in 0..rounds {
        run(&corpus);
    }
    let (warm_wall, warm_cpu) = (
        mbs(t.elapsed().as_secs_f64(), rounds),
        mbs(cpu_secs() - c, rounds),
    );
    println!(
        "corpus: {} texts, {:.2} MB",
        corpus.len(),
        bytes as f64 / 1e6
    );
    println!(
        "cold (fresh thread, median of 5): {:.1} MB/s per CPU second, {:.1} MB/s wall",
        cold_cpu[2], cold_wall[2]
    );
    println!("warm (memo filled, {rounds} rounds): {warm_cpu:.1} MB/s per CPU second, {warm_wall:.1} MB/s wall");
}
