//! Time per pipeline stage on one thread (`clu bench`), so that throughput numbers say
//! where the time goes. Decoding (with normalisation and markup), repair and segmentation
//! are timed by running them as [`pipeline::prepare`] does; the extractors are the rest of
//! a timed [`pipeline::extract`]; serialisation is `serde_json` on the record. Times are
//! the thread's CPU time where the system gives it, so that other processes sharing the
//! cores do not count.

use crate::error::Error;
use crate::markup::Hint;
use crate::pipeline::{self, Options};
use crate::text::map_forward;
use std::time::Duration;

/// A stopwatch of the calling thread's CPU time (wall time where that is unavailable).
struct Clock(Duration);

impl Clock {
    fn start() -> Clock {
        Clock(Self::now())
    }

    fn elapsed(&self) -> Duration {
        Self::now().saturating_sub(self.0)
    }

    #[cfg(unix)]
    fn now() -> Duration {
        let mut t = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `t` is a valid timespec for the call to fill.
        if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0 {
            Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
        } else {
            Self::wall()
        }
    }

    #[cfg(not(unix))]
    fn now() -> Duration {
        Self::wall()
    }

    fn wall() -> Duration {
        static START: once_cell::sync::Lazy<std::time::Instant> =
            once_cell::sync::Lazy::new(std::time::Instant::now);
        START.elapsed()
    }
}

pub const STAGES: [&str; 5] = ["decode", "repair", "segment", "extract", "serialise"];

/// Time spent per stage, in [`STAGES`] order, over `bytes` input bytes.
#[derive(Debug, Default, Clone, Copy)]
pub struct Times {
    pub stages: [Duration; 5],
    /// `pipeline::extract` and serialisation, as a corpus run does them.
    pub end_to_end: Duration,
    pub bytes: usize,
    pub documents: usize,
}

impl Times {
    pub fn add(&mut self, other: &Times) {
        for (a, b) in self.stages.iter_mut().zip(other.stages) {
            *a += b;
        }
        self.end_to_end += other.end_to_end;
        self.bytes += other.bytes;
        self.documents += other.documents;
    }

    /// A table: seconds, MB/s and share of the end-to-end time per stage.
    pub fn render(&self) -> String {
        let mb = self.bytes as f64 / 1e6;
        let total = self.end_to_end.as_secs_f64().max(1e-9);
        let mut out = format!(
            "{} document(s), {mb:.1} MB, one thread, CPU time\n",
            self.documents
        );
        out.push_str(&format!(
            "{:<12} {:>9} {:>9} {:>7}\n",
            "stage", "seconds", "MB/s", "share"
        ));
        let rows = STAGES
            .iter()
            .zip(self.stages)
            .map(|(name, d)| (*name, d.as_secs_f64()));
        for (name, s) in rows.chain([("end to end", total)]) {
            out.push_str(&format!(
                "{name:<12} {s:>9.3} {:>9.1} {:>6.1}%\n",
                mb / s.max(1e-9),
                100.0 * s / total
            ));
        }
        out
    }
}

/// Times one document through every stage. Returns the times and the serialised record.
pub fn measure(path: &str, bytes: &[u8], options: &Options) -> Result<(Times, Vec<u8>), Error> {
    let clock = Clock::start();
    let decoded = crate::decode::decode(bytes, options.encoding.as_deref())?;
    let (text, _) = decoded
        .text
        .apply(&crate::normalize::propose(decoded.text.as_str()));
    let format = crate::markup::detect_format(text.as_str());
    let stripped = crate::markup::strip(text.as_str(), format);
    let (text, applied) = text.apply(&stripped.edits);
    let mut hints: Vec<Hint> = stripped
        .hints
        .iter()
        .map(|h| Hint {
            line_start: map_forward(&applied, h.line_start),
            kind: h.kind,
        })
        .collect();
    let decode = clock.elapsed();

    let clock = Clock::start();
    let text = if options.repair {
        pipeline::repair_stage(text, &mut hints).0
    } else {
        text
    };
    let repair = clock.elapsed();

    let clock = Clock::start();
    std::hint::black_box(crate::segment::segment(text.as_str(), &hints));
    let segment = clock.elapsed();

    let clock = Clock::start();
    let record = pipeline::extract(path, bytes, options)?;
    let whole = clock.elapsed();
    let clock = Clock::start();
    let json = serde_json::to_vec(&record).expect("records serialise");
    let serialise = clock.elapsed();

    let extract = whole.saturating_sub(decode + repair + segment);
    let times = Times {
        stages: [decode, repair, segment, extract, serialise],
        end_to_end: whole + serialise,
        bytes: bytes.len(),
        documents: 1,
    };
    Ok((times, json))
}
