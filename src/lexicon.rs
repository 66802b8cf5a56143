//! The embedded French lexicon: Hunspell fr word forms with wordfreq frequencies, compiled by
//! `build.rs` into hash tables and `fst` maps that are used in place from the binary (no
//! start-up parsing).

mod fold;
mod table;

use std::sync::OnceLock;

use fst::{IntoStreamer, Map, Streamer};

pub use fold::fold;

static EXACT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/exact.tab"));
static FOLDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/folds.tab"));
static FOLDS_BLOOM: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/folds.bloom"));
static BY_FOLD: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/by_fold.fst"));
static PROPER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/proper.fst"));
static PROPER_FORMS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/proper.tab"));

/// Word forms with their frequency as Zipf × 100 (wordfreq scale: 0 unknown, ~300 rare,
/// ~500 common, 700+ function words).
pub struct Lexicon {
    /// lowercase form → frequency (hash table)
    exact: &'static [u8],
    /// folded form → highest frequency among its spellings (hash table)
    folds: &'static [u8],
    /// `folded \0 form` → frequency
    by_fold: Map<&'static [u8]>,
    /// `folded \0 Form` of capitalised forms (given names, places)
    proper: Map<&'static [u8]>,
}

impl Lexicon {
    /// The process-wide lexicon; the first call only validates the embedded maps' headers.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let map =
                |bytes: &'static [u8]| Map::new(bytes).expect("embedded fst built by build.rs");
            Lexicon {
                exact: EXACT,
                folds: FOLDS,
                by_fold: map(BY_FOLD),
                proper: map(PROPER),
            }
        })
    }

    /// Frequency of an exact lowercase form, `None` when it is not a French word form.
    pub fn freq(&self, lower: &str) -> Option<u16> {
        // Most tokens are words: the exact table is probed without a filter.
        table::get(self.exact, None, lower.as_bytes())
    }

    pub fn contains(&self, lower: &str) -> bool {
        self.freq(lower).is_some()
    }

    /// Highest frequency among the forms whose accent-folded key is `folded`.
    pub fn fold_freq(&self, folded: &str) -> Option<u16> {
        // Unknown words' candidate spellings probe here, and nearly all are absent.
        table::get(self.folds, Some(FOLDS_BLOOM), folded.as_bytes())
    }

    /// Every spelling (with its accents) of an accent-folded key, most frequent first.
    pub fn forms_of_fold(&self, folded: &str) -> Vec<(String, u16)> {
        let mut forms = prefixed(&self.by_fold, folded);
        forms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        forms
    }

    /// Whether `form` is one of the capitalised forms, exactly as spelt: one probe of a small
    /// table where the name rule asks it of most capitalised tokens.
    pub fn is_proper(&self, form: &str) -> bool {
        table::get(PROPER_FORMS, None, form.as_bytes()).is_some()
    }

    /// The trie of `folded \0 form` keys, for searches by edit distance.
    pub fn fold_trie(&self) -> &fst::raw::Fst<&'static [u8]> {
        self.by_fold.as_fst()
    }

    /// Capitalised forms (given names, places) whose folded key is `folded`.
    pub fn proper_of_fold(&self, folded: &str) -> Vec<String> {
        prefixed(&self.proper, folded)
            .into_iter()
            .map(|(form, _)| form)
            .collect()
    }
}

/// Entries `key \0 form` of `map` for one `key`.
fn prefixed(map: &Map<&'static [u8]>, key: &str) -> Vec<(String, u16)> {
    let mut lo = key.as_bytes().to_vec();
    lo.push(0);
    let mut hi = key.as_bytes().to_vec();
    hi.push(1);
    let mut stream = map.range().ge(&lo).lt(&hi).into_stream();
    let mut out = Vec::new();
    while let Some((k, freq)) = stream.next() {
        if let Ok(form) = std::str::from_utf8(&k[lo.len()..]) {
            out.push((form.to_string(), freq as u16));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_and_folded_lookups() {
        let lex = Lexicon::get();
        assert!(lex.contains("préfecture"));
        assert!(!lex.contains("prefecture"));
        assert!(lex.freq("de").unwrap() > 700);
        assert_eq!(lex.forms_of_fold("prefecture")[0].0, "préfecture");
        let pres: Vec<_> = lex.forms_of_fold("pres").into_iter().map(|f| f.0).collect();
        assert!(pres.contains(&"près".to_string()) && pres.contains(&"prés".to_string()));
        assert!(lex.contains("labellisation"), "supplement is merged");
        assert_eq!(fold("Œuvre’s"), "oeuvre's");
    }

    #[test]
    fn folds_and_proper() {
        let lex = Lexicon::get();
        assert!(lex.fold_freq("controles").is_some());
        assert!(lex.fold_freq("contrles").is_none());
        assert!(lex
            .proper_of_fold("veronique")
            .contains(&"Véronique".to_string()));
        assert!(
            lex.is_proper("Véronique")
                && !lex.is_proper("Veronique")
                && !lex.is_proper("véronique")
        );
    }

    #[test]
    fn ready_quickly() {
        let t = std::time::Instant::now();
        let lex = Lexicon::get();
        assert!(lex.contains("état"));
        assert!(t.elapsed().as_millis() < 5);
    }
}
