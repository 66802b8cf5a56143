//! Correction of a single word the lexicon does not know: lost accents, OCR letter confusions,
//! and (for long lowercase words) one dropped or extra letter. Pure functions of the word,
//! memoised per thread since documents repeat their vocabulary.

use std::cell::RefCell;
use std::collections::HashMap;

use super::FxBuild;
use crate::lexicon::{fold, Lexicon};

/// How an unknown word was matched to a lexicon form.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// Same letters, accents restored.
    Accent,
    /// OCR glyph confusions (`rn`→`m`, `l`→`i`, `ce`→`œ`…), `n` of them.
    Confusion(u8),
    /// One letter missing, extra or misread as a lookalike (on folded keys).
    Near,
    /// Two damaged letters, by OCR-weighted distance ([`super::distance`]).
    Distance,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Fix {
    /// The lexicon form, lowercase, with its accents.
    pub form: String,
    pub kind: Kind,
    pub confidence: f32,
}

/// Which candidate sources a word may use: capitalised words may be names, so they get only
/// the safest ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reach {
    /// Accents and one frequent-word confusion.
    Safe,
    /// Everything, for lowercase words.
    Full,
}

/// (observed, true, cost) in accent-folded spelling: how Tesseract misreads French glyphs.
pub(super) const CONFUSIONS: &[(&str, &str, f32)] = &[
    ("1", "l", 0.2),
    ("|", "l", 0.2),
    ("¢", "e", 0.2),
    ("6", "o", 0.3),
    ("0", "o", 0.3),
    ("rn", "m", 0.3),
    ("ce", "oe", 0.3),
    ("1", "i", 0.3),
    ("|", "i", 0.3),
    ("l", "i", 0.4),
    ("i", "l", 0.4),
    ("m", "in", 0.4),
    ("m", "rn", 0.4),
    ("in", "m", 0.4),
    ("ri", "n", 0.4),
    ("n", "ri", 0.4),
    ("li", "h", 0.4),
    ("v", "y", 0.4),
    ("h", "li", 0.4),
    ("cl", "d", 0.4),
    ("m", "ni", 0.5),
    ("ni", "m", 0.5),
    ("d", "cl", 0.5),
    ("g", "c", 0.5),
    ("t", "f", 0.5),
    ("f", "t", 0.5),
    ("ii", "u", 0.5),
    ("u", "ii", 0.5),
    ("d", "o", 0.6),
    ("e", "o", 0.6),
    ("g", "s", 0.6),
    ("i", "r", 0.6),
    ("r", "i", 0.6),
    ("c", "e", 0.6),
    ("e", "c", 0.6),
    ("u", "n", 0.6),
    ("n", "u", 0.6),
    ("nu", "mi", 0.6),
    ("u", "ti", 0.6),
    ("h", "ti", 0.6),
    ("n", "ir", 0.6),
    ("a", "o", 0.7),
    ("o", "a", 0.7),
];

/// Most confusions whose observed side starts with one byte (`n`: `n`, `ni`, `nu`…).
const PER_BYTE: usize = 6;

/// For each byte, the indices in [`CONFUSIONS`] (in order) of the confusions whose observed
/// side starts with it, and how many there are: a candidate position tries only those.
const BY_FIRST_BYTE: [([u8; PER_BYTE], u8); 256] = {
    let mut table = [([0u8; PER_BYTE], 0u8); 256];
    let mut i = 0;
    while i < CONFUSIONS.len() {
        let entry = &mut table[CONFUSIONS[i].0.as_bytes()[0] as usize];
        // Fails the build if a byte starts more confusions than `PER_BYTE`.
        entry.0[entry.1 as usize] = i as u8;
        entry.1 += 1;
        i += 1;
    }
    table
};

thread_local! {
    /// One memo per reach, keyed by the word: looked up by `&str`, so a hit allocates nothing.
    static CACHE: RefCell<[HashMap<String, Option<Fix>, FxBuild>; 2]> = RefCell::new(Default::default());
}

/// Best lexicon form for `lower` (a lowercased token the lexicon lacks), memoised.
pub fn correct(lower: &str, reach: Reach) -> Option<Fix> {
    let r = reach as usize;
    if let Some(hit) = CACHE.with(|c| c.borrow()[r].get(lower).cloned()) {
        return hit;
    }
    let fix = compute(lower, reach);
    CACHE.with(|c| {
        let cache = &mut c.borrow_mut()[r];
        // Bounded so that a long run over many documents keeps a steady footprint.
        if cache.len() > 100_000 {
            cache.clear();
        }
        cache.insert(lower.to_string(), fix.clone());
    });
    fix
}

/// Longer than `anticonstitutionnellement` (25) with room for OCR-joined words.
const LONGEST_WORD: usize = 40;

fn compute(lower: &str, reach: Reach) -> Option<Fix> {
    let lex = Lexicon::get();
    let folded = fold(lower);
    if lex.fold_freq(&folded).is_some() {
        let (form, confidence) = accent_form(&folded, Some(lower))?;
        return Some(Fix {
            form,
            kind: Kind::Accent,
            confidence,
        });
    }
    let letters = folded.chars().count();
    // Two-letter words are too ambiguous, except the pronouns and articles whose `l`/`I`
    // OCR swaps (`Ia`, `|l`). Past the longest French words a token is no word to correct,
    // and its confusion variants would grow with the cube of its length.
    if letters < 2
        || letters == 2 && !folded.starts_with(['i', '|', '1', 'l'])
        || letters > LONGEST_WORD
    {
        return None;
    }
    let mut fix = confusion(&folded, reach);
    if fix.as_ref().is_some_and(|f| f.confidence >= 0.5) {
        return fix;
    }
    if reach == Reach::Full
        && letters >= 7
        && fix.is_none()
        && folded.chars().all(|c| c.is_alphabetic())
    {
        fix = near(&folded, false);
    }
    if reach == Reach::Full
        && (4..7).contains(&letters)
        && fix.as_ref().is_none_or(|f| f.confidence < 0.5)
        && folded.chars().all(|c| c.is_alphabetic())
    {
        if let Some(short) = near(&folded, true).filter(|f| f.confidence >= 0.5) {
            return Some(short);
        }
    }
    // A doubtful answer from the cheaper searches gives way to the weighted distance, which
    // weighs the same candidates and more by cost; it is kept if that finds none that stands out.
    if reach == Reach::Full && fix.as_ref().is_none_or(|f| f.confidence < 0.5) {
        if let Some(better) =
            super::distance::nearest(&folded, lower).filter(|f| f.confidence >= 0.5)
        {
            return Some(better);
        }
    }
    fix
}

/// The accented spelling of a folded key: the one keeping the accents OCR did read in `seen`,
/// then the most frequent; confident when it dominates.
pub(super) fn accent_form(folded: &str, seen: Option<&str>) -> Option<(String, f32)> {
    let mut forms = Lexicon::get().forms_of_fold(folded);
    if let Some(seen) = seen {
        // Accents the scan read, at their places: the scan confuses `é`, `è` and `ê` (`méme`
        // is `même`), so any accent where it saw one counts, and frequency decides among them.
        let kept = |form: &str| {
            form.chars()
                .zip(seen.chars())
                .filter(|(a, b)| !a.is_ascii() && !b.is_ascii())
                .count()
        };
        forms.sort_by_key(|(form, freq)| (std::cmp::Reverse(kept(form)), std::cmp::Reverse(*freq)));
        if forms.len() > 1 && kept(&forms[0].0) > kept(&forms[1].0) {
            forms.truncate(1);
        }
    }
    let (best, freq) = forms.first()?.clone();
    let confidence = match forms.get(1) {
        Some((_, second)) if *second + 100 > freq => 0.55,
        _ => 0.9,
    };
    Some((best, confidence))
}

/// Calls `f` with every spelling one glyph confusion away from `word`, and its cost; the
/// spelling is built in `buf`, so that the hundreds of candidates allocate nothing.
fn for_each_variant(word: &str, buf: &mut String, max_cost: f32, mut f: impl FnMut(&str, f32)) {
    let bytes = word.as_bytes();
    for i in 0..bytes.len() {
        // Most letters start no confusion (nor do UTF-8 continuation bytes): the table skips
        // them, and lists for the others only the confusions they start.
        let (indices, n) = &BY_FIRST_BYTE[bytes[i] as usize];
        if *n == 0 {
            continue;
        }
        // The candidates at `i` share the prefix `word[..i]`, copied once.
        buf.clear();
        buf.push_str(&word[..i]);
        for &k in &indices[..*n as usize] {
            let (from, to, cost) = CONFUSIONS[k as usize];
            if cost <= max_cost && bytes[i..].starts_with(from.as_bytes()) {
                buf.truncate(i);
                buf.push_str(to);
                buf.push_str(&word[i + from.len()..]);
                f(buf, cost);
            }
        }
    }
}

/// Second confusions are only tried on words of this many bytes at most: longer ones have
/// too many pairs to be affordable, and `near` covers their single damaged letters.
const TWO_CONFUSIONS_MAX: usize = 16;

/// The highest total cost of two confusions.
const TWO_CONFUSIONS_COST: f32 = 1.1;

fn confusion(folded: &str, reach: Reach) -> Option<Fix> {
    let lex = Lexicon::get();
    // (cost, freq, key, confusions)
    let mut best: Option<(f32, u16, String, u8)> = None;
    let consider = |key: &str, cost: f32, n: u8, best: &mut Option<(f32, u16, String, u8)>| {
        if let Some(freq) = lex.fold_freq(key) {
            let better = match best {
                None => true,
                Some((c, f, _, _)) => cost < *c - 0.05 || ((cost - *c).abs() <= 0.05 && freq > *f),
            };
            if better {
                *best = Some((cost, freq, key.to_string(), n));
            }
        }
    };
    // Only words that may take two confusions keep their first variants (one String each).
    let pairs =
        reach == Reach::Full && folded.chars().count() >= 5 && folded.len() <= TWO_CONFUSIONS_MAX;
    let mut first = Vec::new();
    let mut buf = String::with_capacity(folded.len() + 2);
    for_each_variant(folded, &mut buf, f32::INFINITY, |v, cost| {
        consider(v, cost, 1, &mut best);
        if pairs {
            first.push((v.to_string(), cost));
        }
    });
    if pairs && best.is_none() {
        for (v, cost) in &first {
            // Two unlikely misreadings in one short word are less likely than a real unknown word.
            for_each_variant(v, &mut buf, TWO_CONFUSIONS_COST - cost, |w, cost2| {
                consider(w, cost + cost2, 2, &mut best)
            });
        }
    }
    let (cost, freq, key, n) = best?;
    if reach == Reach::Safe && (n > 1 || freq < 300 || cost > 0.5) {
        return None;
    }
    let (form, accent_conf) = accent_form(&key, None)?;
    let mut confidence: f32 = match (n, cost) {
        (1, c) if c <= 0.5 => 0.85,
        (1, _) => 0.7,
        _ => 0.65,
    };
    if freq == 0 {
        confidence -= 0.2;
    }
    // A rare word (Zipf < 3) reached through an unlikely lookalike or two is likelier another
    // damage of a common word (`quatité` is `qualité`, not `quotité`); and a three-letter word
    // is trusted only to a common word that is its only common neighbour (`cst` is `est`, but
    // `ent` may be `est` as well as `ont` or `eut`), unless the confusion is the cheap `l`/`i`
    // family (`lls` is `ils`).
    // (A glyph split or merged, `u` for `ti`, changes the length and is no lookalike guess.)
    let rare = freq < 300 && (n > 1 || cost > 0.5 && key.len() == folded.len());
    let short = folded.chars().count() == 3
        && (freq < 500 || n > 1 || cost > 0.4 && common_neighbours(folded) > 1);
    if rare || short {
        confidence = confidence.min(0.45);
    }
    if accent_conf < 0.9 {
        confidence -= 0.1;
    }
    Some(Fix {
        form,
        kind: Kind::Confusion(n),
        confidence,
    })
}

/// How many distinct common words (Zipf ≥ 4) are one confusion away from `folded`.
fn common_neighbours(folded: &str) -> usize {
    let lex = Lexicon::get();
    let mut found: Vec<String> = Vec::new();
    for_each_variant(folded, &mut String::new(), f32::INFINITY, |v, _| {
        if lex.fold_freq(v).is_some_and(|f| f >= 400) && !found.iter().any(|k| k == v) {
            found.push(v.to_string());
        }
    });
    found.len()
}

/// Letters a scan may read as `observed`, by glyph shape (stems, bowls, ascenders), for the
/// one-letter substitutions the multi-letter [`CONFUSIONS`] do not cover.
pub(super) fn lookalikes(observed: u8) -> &'static [u8] {
    match observed {
        b'a' => b"oesd",
        b'b' => b"hlk",
        b'c' => b"eort",
        b'd' => b"aol",
        b'e' => b"coa",
        b'f' => b"tlir",
        b'g' => b"qcs",
        b'h' => b"bnlk",
        b'i' => b"ltrjf",
        b'j' => b"i",
        b'k' => b"hb",
        b'l' => b"itfb",
        b'm' => b"n",
        b'n' => b"murh",
        b'o' => b"aceu",
        b'p' => b"n",
        b'q' => b"g",
        b'r' => b"itcn",
        b's' => b"ae",
        b't' => b"iflrc",
        b'u' => b"nvi",
        b'v' => b"uy",
        b'w' => b"v",
        b'y' => b"v",
        _ => b"",
    }
}

/// Letters a scan drops most often: thin ones, and `e`, whose accented forms (`é`, `è`, `ê`)
/// the scan mangles most; a doubled letter losing one copy is tried too.
pub(super) const DROPPED: &[u8] = b"iltfrje";

/// One letter dropped, added or misread by the scan: for long words, where a unique frequent
/// neighbour is trustworthy; for `short` ones (4–6 letters: `svec`, `bilsn`, `sutvi`, `crédi`)
/// only a lookalike or a lost thin letter, never a deleted one, and only to a common word
/// that no other candidate comes near. The folded key is ASCII letters (the caller checks they
/// are letters; folding removed the accents), so the candidates are the word with one letter
/// deleted, a thin or doubled letter inserted, or a letter replaced by a lookalike: about a
/// dozen table probes per letter instead of a Levenshtein automaton.
fn near(folded: &str, short: bool) -> Option<Fix> {
    if !folded.is_ascii() {
        return None;
    }
    let lex = Lexicon::get();
    let word = folded.as_bytes();
    // (key, freq) of every neighbour in the lexicon.
    let mut cands: Vec<(Vec<u8>, u16)> = Vec::new();
    let mut buf = Vec::with_capacity(word.len() + 1);
    let mut probe = |buf: &[u8]| {
        // Only ASCII bytes went in, so `buf` is UTF-8.
        if let Some(freq) = lex.fold_freq(std::str::from_utf8(buf).unwrap_or_default()) {
            if !cands.iter().any(|(k, _)| k == buf) {
                cands.push((buf.to_vec(), freq));
            }
        }
    };
    for i in 0..=word.len() {
        let doubled = [word.get(i.wrapping_sub(1)).copied(), word.get(i).copied()];
        for c in DROPPED.iter().copied().chain(doubled.into_iter().flatten()) {
            buf.clear();
            buf.extend_from_slice(&word[..i]);
            buf.push(c);
            buf.extend_from_slice(&word[i..]);
            probe(&buf);
        }
        if i == word.len() {
            break;
        }
        if !short {
            buf.clear();
            buf.extend_from_slice(&word[..i]);
            buf.extend_from_slice(&word[i + 1..]);
            probe(&buf);
        }
        buf.clear();
        buf.extend_from_slice(word);
        for &c in lookalikes(word[i]) {
            buf[i] = c;
            probe(&buf);
        }
    }
    cands.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let (key, freq) = cands.first()?.clone();
    let (margin, floor) = if short { (100, 450) } else { (50, 200) };
    let unique = cands.get(1).map_or(true, |(_, f)| *f + margin <= freq);
    let confidence = if unique && freq >= floor { 0.6 } else { 0.4 };
    let (form, _) = accent_form(std::str::from_utf8(&key).ok()?, None)?;
    Some(Fix {
        form,
        kind: Kind::Near,
        confidence,
    })
}

/// Every spelling one cheap glyph confusion away from `folded`.
pub fn confusion_variants(folded: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_variant(folded, &mut String::new(), 0.5, |v, _| {
        if !out.iter().any(|o| o == v) {
            out.push(v.to_string());
        }
    });
    out
}

/// Frequent lexicon words one cheap confusion away from a rare real word (`colts`/`coûts`):
/// the rare word is likely an OCR error but only context could prove it.
pub fn frequent_neighbour(lower: &str, freq: u16) -> Option<String> {
    let lex = Lexicon::get();
    let folded = fold(lower);
    let mut best: Option<(u16, String)> = None;
    for_each_variant(&folded, &mut String::new(), 0.6, |v, _| {
        if let Some(f) = lex.fold_freq(v) {
            if f >= 400 && f >= freq + 200 && best.as_ref().map_or(true, |b| f > b.0) {
                best = Some((f, v.to_string()));
            }
        }
    });
    let (_, key) = best?;
    accent_form(&key, None).map(|(form, _)| form)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_confusions_and_near() {
        let c = |w: &str| correct(w, Reach::Full).map(|f| f.form);
        assert_eq!(c("reunion").as_deref(), Some("réunion"));
        assert_eq!(c("ceuvre").as_deref(), Some("œuvre"));
        assert_eq!(c("frangais").as_deref(), Some("français"));
        assert_eq!(c("rnaison").as_deref(), Some("maison"));
        assert_eq!(c("batirnent").as_deref(), Some("bâtiment"));
        assert_eq!(c("chernin").as_deref(), Some("chemin"));
        assert_eq!(c("fenétre").as_deref(), Some("fenêtre"));
        assert_eq!(c("ecrlture").as_deref(), Some("écriture"));
        assert_eq!(c("rnaintenance").as_deref(), Some("maintenance"));
        assert_eq!(c("controlés").as_deref(), Some("contrôlés"));
        assert_eq!(c("bibliothque").as_deref(), Some("bibliothèque"));
        // `y` read as `v`; an accent read as another one.
        assert_eq!(c("moven").as_deref(), Some("moyen"));
        assert_eq!(c("citovenneté").as_deref(), Some("citoyenneté"));
        assert_eq!(c("méme").as_deref(), Some("même"));
        // Short words: one lookalike or a lost thin letter, to a common word.
        assert_eq!(c("svec").as_deref(), Some("avec"));
        assert_eq!(c("bilsn").as_deref(), Some("bilan"));
        assert_eq!(c("crédi").as_deref(), Some("crédit"));
    }

    #[test]
    fn unlikely_confusions_to_rare_words_are_doubtful() {
        let sure = |w: &str| {
            correct(w, Reach::Full)
                .filter(|f| f.confidence >= 0.5)
                .map(|f| f.form)
        };
        // `ent` may be `est` or `ont`; `mar` is `mars` as often as `mai`; `cetie` is `cette`.
        assert_eq!(sure("ent"), None);
        assert_eq!(sure("rec"), None);
        assert_eq!(sure("cst").as_deref(), Some("est"));
        assert_ne!(sure("cetie").as_deref(), Some("cotie"));
        assert_ne!(sure("précidence").as_deref(), Some("procidence"));
        // Cheap confusions to common words stay sure.
        assert_eq!(sure("ia").as_deref(), Some("la"));
        assert_eq!(sure("chefte").as_deref(), Some("cheffe"));
    }
}
