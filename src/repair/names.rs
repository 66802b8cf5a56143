//! People's names: a family name is never touched; a given name damaged by OCR (`Veronlque`)
//! is repaired only from the lexicon's capitalised forms, in a name context.

use super::tokens::{is_all_caps, is_capitalised};
use super::Doc;
use crate::edit::Edit;
use crate::lexicon::{fold, letter_plausibility, Lexicon};

/// How much more likely, in natural log, a given name must read than the word it is taken for
/// when the word's capital is taken for misread: `Eaure` → `Laure` gains 3.6, `Fhierrv` →
/// `Thierry` 24; `Sully` → `Lully` would lose 2.8.
const MISREAD_CAPITAL_GAIN: f32 = 3.0;

/// The same gain in a text that does not read like a scan, where a given name unknown to the
/// lexicon is more often the bearer's spelling: only letters no French spelling strings
/// together (`Fhierrv`, 24) are taken for damage.
const UNTYPABLE_GAIN: f32 = 10.0;

pub(super) const CIVILITIES: &[&str] = &[
    "M",
    "Mme",
    "Mmes",
    "MM",
    "Mlle",
    "Madame",
    "Monsieur",
    "Mademoiselle",
    "Dr",
    "Me",
    "Pr",
];

pub(super) fn propose(doc: &Doc, done: &mut [bool], edits: &mut Vec<Edit>) {
    for i in 0..doc.tokens.len() {
        let t = doc.tokens[i];
        if done[i] || !is_capitalised(t.text) || !t.text.chars().all(char::is_alphabetic) {
            continue;
        }
        let after_civility = i > 0
            && CIVILITIES.contains(&doc.tokens[i - 1].text)
            && !doc.gap_after(i - 1).contains('\n');
        let next_is_name = doc.tokens.get(i + 1).is_some_and(|n| {
            (is_all_caps(n.text) || is_capitalised(n.text))
                && doc.gap_after(i).chars().all(|c| c == ' ')
        });
        let after_given = i > 0
            && !after_civility
            && doc.gap_after(i - 1) == " "
            && is_capitalised(doc.tokens[i - 1].text)
            && is_given(doc.tokens[i - 1].text);
        if after_civility && !next_is_name || after_given {
            // A family name: leave it exactly as written.
            done[i] = true;
            continue;
        }
        if !(after_civility
            || next_is_name && doc.tokens.get(i + 1).is_some_and(|n| is_all_caps(n.text))
            || after_family_first(doc, i))
        {
            continue;
        }
        done[i] = true;
        if doc.freq(i).is_some() || is_given(t.text) {
            continue;
        }
        // In a typed text a given name the lexicon lacks is the bearer's spelling (`Kévin`,
        // `Maite`, `Laetitia`); only a scan damages names (`Veronlque`, `Sylvié`).
        if !doc.scan() {
            // Unless its letters cannot be typed French (`Fhierrv`): a lightly damaged scan
            // may not read as one.
            if let Some(name) = misread_capital(t.text, UNTYPABLE_GAIN) {
                edits.push(Edit::new(t.start, t.end, name, "given-name", 0.6));
            }
            continue;
        }
        if let Some(name) = given_name(t.text) {
            // `Edith` and `Édith` are both given names: a lost accent on the capital alone is
            // only suggested, unless the scan reads no accent at all (the English model).
            let first = |w: &str| w.chars().next().map(|c| fold(&c.to_string()));
            let capital_only = name.get(name.chars().next().map_or(0, char::len_utf8)..)
                == t.text.get(1..)
                && first(&name) == first(t.text)
                && !super::context::grave_lost(doc);
            // A name written with an accent the lexicon's spelling lacks (`Kévin` / `Kevin`), or
            // `ae` for its `æ` (`Laetitia`), is a spelling of its own unless the document writes
            // the lexicon's elsewhere (`Sylvié` beside `Sylvie`: a speck): only suggested.
            let other_spelling = fold(&name) == fold(t.text)
                && removes_accents(t.text, &name)
                && !doc.words.iter().any(|w| w.text == name);
            edits.push(Edit::new(
                t.start,
                t.end,
                name,
                "given-name",
                if capital_only || other_spelling {
                    0.45
                } else {
                    0.7
                },
            ));
        }
    }
}

/// A given name after its family name in capitals at the start of an entry: after a civility
/// (`Mme LAFORET Regine`), a list mark or a line start (`* HAVET Joelle`).
fn after_family_first(doc: &Doc, i: usize) -> bool {
    if i == 0 || doc.gap_after(i - 1) != " " {
        return false;
    }
    let family = doc.tokens[i - 1].text;
    if !is_all_caps(family) || family.chars().count() < 3 {
        return false;
    }
    let before = doc.gap_before(i - 1);
    let opens_entry =
        i == 1 || before.contains('\n') && before.trim_start_matches(['\n', ' ', '\t']).len() <= 2;
    opens_entry
        || CIVILITIES.contains(&doc.tokens[i - 2].text) && !doc.gap_after(i - 2).contains('\n')
}

/// Whether the text reads like a scan rather than a typed export: at least one in 25 of its
/// lowercase words of four letters or more is unknown to the lexicon (measured: typed
/// exports 0–2.5 %, pdftotext with hyphenation up to 6 %, Tesseract at medium noise 7–9 %,
/// raw archive OCR 5 %).
pub(super) fn reads_like_a_scan(doc: &Doc) -> bool {
    let (mut words, mut unknown) = (0, 0);
    for w in &doc.words {
        if w.text.len() >= 4 && w.text.chars().all(char::is_lowercase) {
            words += w.count;
            unknown += if w.freq.is_none() { w.count } else { 0 };
        }
    }
    unknown * 25 >= words
}

/// Whether `form` (of the same folded spelling) has fewer accented letters than `seen`, or
/// other letters (`æ` for `ae`).
fn removes_accents(seen: &str, form: &str) -> bool {
    let accented = |w: &str| w.chars().filter(|c| !c.is_ascii()).count();
    seen.chars().count() != form.chars().count() || accented(form) < accented(seen)
}

fn is_given(word: &str) -> bool {
    Lexicon::get().is_proper(word)
}

/// The capitalised lexicon form one glyph confusion or accent away, if there is just one.
pub(super) fn given_name(word: &str) -> Option<String> {
    let lex = Lexicon::get();
    let folded = fold(word);
    let direct = lex.proper_of_fold(&folded);
    if direct.len() == 1 {
        return direct.into_iter().next();
    }
    if word.chars().count() < 4 {
        return None;
    }
    let mut found = near(lex, &folded);
    if found.is_empty() {
        return misread_capital(word, MISREAD_CAPITAL_GAIN);
    }
    found.sort();
    found.dedup();
    (found.len() == 1).then(|| found.remove(0))
}

/// Given names one cheap glyph confusion from `folded`.
fn near(lex: &Lexicon, folded: &str) -> Vec<String> {
    super::word::confusion_variants(folded)
        .into_iter()
        .flat_map(|v| lex.proper_of_fold(&v))
        .collect()
}

/// The one given name that `word` reads as with its capital misread (`Eaure` for `Laure`,
/// `Fhierrv` for `Thierry`), and that reads better than `word` by `gain` at least (`Sully` is
/// no misread `Lully`).
fn misread_capital(word: &str, gain: f32) -> Option<String> {
    let lex = Lexicon::get();
    let mut chars = word.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    if rest.chars().count() < 3 {
        return None;
    }
    let mut found = Vec::new();
    // An accent on the misread capital is a speck (`Éaurent`).
    let first = fold(&first.to_string()).to_uppercase().chars().next()?;
    for original in super::capitals::misread_for(first).chars() {
        let folded = fold(&format!("{original}{rest}"));
        found.extend(lex.proper_of_fold(&folded));
        found.extend(near(lex, &folded));
    }
    let plausibility = |w: &str| letter_plausibility(w).unwrap_or(f32::MIN);
    let printed = plausibility(word);
    found.retain(|name| plausibility(name) - printed >= gain);
    found.sort();
    found.dedup();
    (found.len() == 1).then(|| found.remove(0))
}
