//! Measure the fact extractors before the pipeline exists: crudely strip markup from each file
//! given on the command line and print one `clu-minutes/1`-shaped JSON line per file with the
//! `dates`, `figures` and `labels` fields, for `shared/eval/score.py`.
//!
//! usage: cargo run --example facts_eval -- FILE... > out.jsonl

use clu_minutes::{dates, figures, labels};
use once_cell::sync::Lazy;
use regex::Regex;

static MAILTO: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\[([^\]]*)\]\((?:mailto:|https?://)[^)]*\)").expect("literal pattern")
});
static TAG: Lazy<Regex> = Lazy::new(|| Regex::new(r"<[^>\n]*>").expect("literal pattern"));
static HEADING: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?m)^#+\s*").expect("literal pattern"));

fn strip(raw: &str) -> String {
    let s = MAILTO.replace_all(raw, "$1");
    let s = TAG.replace_all(&s, "");
    let s = HEADING.replace_all(&s, "");
    s.replace("**", "")
}

fn main() -> std::io::Result<()> {
    for path in std::env::args().skip(1) {
        let raw = std::fs::read_to_string(&path)?;
        let text = strip(&raw);
        let found_dates = dates::find_dates(&text);
        let doc = serde_json::json!({
            "source": {"path": path},
            "dates": found_dates,
            "figures": figures::find_figures(&text),
            "labels": labels::find_labels(&text, &found_dates),
        });
        println!("{doc}");
    }
    Ok(())
}
