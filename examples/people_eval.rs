//! Runs the participants extractor on one file and prints one JSON line
//! `{"source":{"path":…},"participants":[…],…}` for `shared/eval/score.py`, until the
//! pipeline does it. Usage: `cargo run --example people_eval -- FILE [--blocks]`
//! (`--blocks` lists the segmenter's blocks on stderr).

use clu_minutes::text::{AppliedEdit, Text};
use clu_minutes::{markup, normalize, participants, segment};

/// Where a position of a stage's input lands in its output.
fn forward(pos: usize, applied: &[AppliedEdit]) -> usize {
    let mut shift: isize = 0;
    for e in applied {
        if e.input.end <= pos && e.input.start < pos {
            shift += e.output.len() as isize - e.input.len() as isize;
        } else if e.input.start < pos {
            return e.output.start;
        }
    }
    (pos as isize + shift).max(0) as usize
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: people_eval FILE");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let raw = Text::identity(String::from_utf8_lossy(&bytes).into_owned());
    let (normalized, _) = raw.apply(&normalize::propose(raw.as_str()));
    let format = markup::detect_format(normalized.as_str());
    let stripped = markup::strip(normalized.as_str(), format);
    let (reader, applied) = normalized.apply(&stripped.edits);
    let hints: Vec<markup::Hint> = stripped
        .hints
        .iter()
        .map(|h| markup::Hint {
            line_start: forward(h.line_start, &applied),
            kind: h.kind,
        })
        .collect();
    let blocks = segment::segment(reader.as_str(), &hints);
    if std::env::args().any(|a| a == "--blocks") {
        for b in &blocks {
            eprintln!(
                "{:?} {} {:?}",
                b.kind,
                b.level,
                b.content_text(reader.as_str())
            );
        }
    }
    let mut people = participants::extract(reader.as_str(), &blocks);
    for p in &mut people.participants {
        p.span = reader.map_span(p.span);
    }
    for u in &mut people.unnamed_representatives {
        u.span = reader.map_span(u.span);
    }
    for i in &mut people.interventions {
        i.span = reader.map_span(i.span);
    }
    let out = serde_json::json!({
        "source": {"path": path},
        "participants": people.participants,
        "unnamed_representatives": people.unnamed_representatives,
        "interventions": people.interventions,
        "chair": people.chair,
    });
    println!("{out}");
}
