//! Throughput of the three fact extractors on one (large) file, per extractor and together
//! (dates parsed once, as the pipeline does).
//!
//! usage: cargo run --release --example facts_timing -- FILE

fn main() -> std::io::Result<()> {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: facts_timing FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(path)?;
    let mb = text.len() as f64 / 1e6;
    let all = std::time::Instant::now();
    let t = std::time::Instant::now();
    let d = clu_minutes::dates::find_dates(&text);
    let report = |name: &str, n: usize, t: std::time::Instant| {
        let s = t.elapsed().as_secs_f64();
        eprintln!("{name}: {n} found, {:.0} ms, {:.1} MB/s", s * 1e3, mb / s);
    };
    report("dates", d.len(), t);
    let t = std::time::Instant::now();
    report("figures", clu_minutes::figures::find_figures_with_dates(&text, &d).len(), t);
    let t = std::time::Instant::now();
    report("labels", clu_minutes::labels::find_labels(&text, &d).len(), t);
    let s = all.elapsed().as_secs_f64();
    eprintln!("together: {:.0} ms, {:.1} MB/s", s * 1e3, mb / s);
    Ok(())
}
