//! Compiles the committed word lists of `data/lexicon/` into hash tables (exact and folded forms,
//! for membership and frequency) and `fst` maps (spellings of a folded key, proper names) in
//! OUT_DIR, which `src/lexicon.rs` embeds with `include_bytes!`: no parsing and no network at
//! run time.

use std::fs::File;
use std::io::{BufWriter, Read};
use std::path::{Path, PathBuf};

use flate2::read::GzDecoder;
use fst::MapBuilder;

#[path = "src/lexicon/fold.rs"]
mod fold;
#[path = "src/lexicon/table.rs"]
mod table;

fn read_gz(path: &Path) -> String {
    println!("cargo:rerun-if-changed={}", path.display());
    let mut text = String::new();
    GzDecoder::new(File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text
}

fn write_map(path: PathBuf, mut entries: Vec<(Vec<u8>, u64)>) {
    entries.sort();
    // A form listed twice keeps its highest frequency.
    entries.dedup_by(|next, kept| {
        if next.0 == kept.0 {
            kept.1 = kept.1.max(next.1);
            true
        } else {
            false
        }
    });
    let mut builder = MapBuilder::new(BufWriter::new(File::create(&path).unwrap())).unwrap();
    for (key, value) in entries {
        builder.insert(key, value).unwrap();
    }
    builder.finish().unwrap();
}

/// `folded \0 form`: a range query on `folded \0` lists every spelling of a folded key.
fn folded_key(form: &str) -> Vec<u8> {
    let mut key = fold::fold(form).into_bytes();
    key.push(0);
    key.extend_from_slice(form.as_bytes());
    key
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lexicon");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    println!("cargo:rerun-if-changed=src/lexicon/fold.rs");
    println!("cargo:rerun-if-changed=src/lexicon/table.rs");

    let forms = read_gz(&dir.join("forms.txt.gz"));
    let freqs = read_gz(&dir.join("freq.txt.gz"));
    let mut exact = Vec::new();
    for (form, freq) in forms.lines().zip(freqs.lines()) {
        let freq: u64 = freq
            .parse()
            .unwrap_or_else(|_| panic!("bad frequency {freq:?} for {form}"));
        exact.push((form.as_bytes().to_vec(), freq));
    }
    assert_eq!(
        forms.lines().count(),
        exact.len(),
        "forms and frequencies are not line-aligned"
    );

    let by_fold = exact
        .iter()
        .map(|(f, q)| (folded_key(std::str::from_utf8(f).unwrap()), *q))
        .collect();
    let folds: Vec<(Vec<u8>, u64)> = exact
        .iter()
        .map(|(f, q)| (fold::fold(std::str::from_utf8(f).unwrap()).into_bytes(), *q))
        .collect();
    let proper_forms = read_gz(&dir.join("proper.txt.gz"));
    let proper = proper_forms.lines().map(|f| (folded_key(f), 0)).collect();

    let table = |entries: &[(Vec<u8>, u64)]| {
        table::build(
            &entries
                .iter()
                .map(|(k, q)| (k.as_slice(), *q as u16))
                .collect::<Vec<_>>(),
        )
    };
    std::fs::write(out.join("exact.tab"), table(&exact)).unwrap();
    std::fs::write(out.join("folds.tab"), table(&folds)).unwrap();
    std::fs::write(
        out.join("folds.bloom"),
        table::build_bloom(folds.iter().map(|(k, _)| k.as_slice())),
    )
    .unwrap();
    std::fs::write(
        out.join("proper.tab"),
        table(
            &proper_forms
                .lines()
                .map(|f| (f.as_bytes().to_vec(), 0))
                .collect::<Vec<_>>(),
        ),
    )
    .unwrap();
    write_map(out.join("by_fold.fst"), by_fold);
    write_map(out.join("proper.fst"), proper);
}
