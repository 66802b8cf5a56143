//! Throughput of the three fact extractors on one (large) file, per extractor and together
//! (dates parsed once, as the pipeline does). Wall time suffers when the machine is shared, so
//! the thread's CPU time is reported too where Linux exposes it.
//!
//! usage: cargo run --release --example facts_timing -- FILE

use std::time::Instant;

/// Nanoseconds this thread has run on a CPU (`/proc/thread-self/schedstat`), if available.
fn cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

struct Clock {
    wall: Instant,
    cpu: Option<u64>,
}

impl Clock {
    fn start() -> Self {
        Clock {
            wall: Instant::now(),
            cpu: cpu_ns(),
        }
    }

    fn report(&self, name: &str, found: usize, mb: f64) {
        let wall = self.wall.elapsed().as_secs_f64();
        let cpu = self.cpu.zip(cpu_ns()).map(|(a, b)| (b - a) as f64 / 1e9);
        let cpu = cpu.map_or(String::new(), |s| {
            format!(", cpu {:.0} ms, {:.1} MB/s", s * 1e3, mb / s)
        });
        eprintln!(
            "{name}: {found} found, wall {:.0} ms, {:.1} MB/s{cpu}",
            wall * 1e3,
            mb / wall
        );
    }
}

fn main() -> std::io::Result<()> {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: facts_timing FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(path)?;
    let mb = text.len() as f64 / 1e6;
    let all = Clock::start();
    let t = Clock::start();
    let dates = clu_minutes::dates::find_dates(&text);
    t.report("dates", dates.len(), mb);
    let t = Clock::start();
    let figures = clu_minutes::figures::find_figures_with_dates(&text, &dates);
    t.report("figures", figures.len(), mb);
    let t = Clock::start();
    let labels = clu_minutes::labels::find_labels(&text, &dates);
    t.report("labels", labels.len(), mb);
    all.report("together", dates.len() + figures.len() + labels.len(), mb);
    Ok(())
}
