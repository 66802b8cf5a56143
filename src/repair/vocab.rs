//! A damaged word the lexicon searches leave (`prefecnie`, `Manseille`, `accuelt`) is most often
//! a word the document writes elsewhere: minutes repeat their vocabulary (the place, the
//! service, `usagers`, `accueil`) and a scan damages each occurrence its own way, so one
//! misreading rarely repeats. An unknown word seen once takes the document's word it is nearest
//! to by OCR-weighted distance, when that word is written at least twice and no other one of
//! the document's words comes near. Against the whole lexicon the same distance finds too many
//! neighbours for two damaged letters; against a few hundred words of the document it does not.

use std::collections::HashMap;

// The costs of the scan's misreadings are the lexicon-wide distance walk's.
use super::distance::{
    multi_letter, ANY, DROPPED_DOUBLE, DROPPED_THIN, EXTRA, LOOKALIKE, MULTI_BY_FIRST_BYTE,
};
use super::tokens::{is_all_caps, is_capitalised, is_letter};
use super::word::{lookalikes, Kind, Reach, DROPPED};
use super::{Doc, FxBuild};
use crate::edit::Edit;
use crate::lexicon::{fold, Lexicon};

/// How far below the runner-up the nearest word must be: a near tie is left to the reader.
const MARGIN: f32 = 0.25;

/// Shortest word taken or given: shorter ones have too many neighbours.
const SHORTEST: usize = 5;

/// Damage a word of `letters` letters may carry: one edit in a short word, one and a half
/// (a misread letter and a lookalike) up to nine letters, two beyond.
fn budget(letters: usize) -> f32 {
    match letters {
        0..=6 => 1.0,
        7..=9 => 1.5,
        _ => 2.0,
    }
}

/// How the document writes a known word: occurrences, and in which case.
#[derive(Default)]
struct Usage {
    count: usize,
    lowercase: bool,
    capitalised: bool,
}

pub(super) fn propose(doc: &Doc, done: &mut [bool], edits: &mut Vec<Edit>) {
    if !doc.scan() {
        return;
    }
    for (i, t) in doc.tokens.iter().enumerate() {
        if done[i] {
            continue;
        }
        let Some(form) = doc.document_word(i) else {
            continue;
        };
        let after = super::apply_case(t.text, form, doc.sentence_start(i));
        done[i] = true;
        edits.push(Edit::new(t.start, t.end, after, "document-word", 0.6));
    }
}

/// For each distinct spelling the rule mends (by its index in `Doc::words`), the document's
/// word it takes, lowercase.
pub(super) fn document_words(doc: &Doc) -> HashMap<u32, String, FxBuild> {
    let mut found = HashMap::default();
    if !doc.scan() {
        return found;
    }
    let lex = Lexicon::get();
    let plain = |text: &str| text.chars().all(is_letter) && !is_all_caps(text);
    // The document's words: lowercase ones as the word rule leaves them, so that a second pass
    // counts alike; capitalised ones as written, known or repeated (a name the lexicon lacks,
    // `Moselle`, is written right more often than the scan misreads it twice alike).
    let mut usage: HashMap<String, Usage> = HashMap::new();
    // Each distinct spelling is read once, at its first token, and counts all its occurrences.
    let mut read = vec![false; doc.words.len()];
    for (i, t) in doc.tokens.iter().enumerate() {
        if std::mem::replace(&mut read[doc.word_of[i] as usize], true) || !plain(t.text) {
            continue;
        }
        let capitalised = is_capitalised(t.text);
        let form = if capitalised {
            let lower = doc.lower(i);
            if lex.contains(lower) || lex.is_proper(t.text) || doc.count(i) >= 2 {
                lower.to_string()
            } else {
                // `President`: the accents the word rule may restore (or leave to the reader).
                match super::word::correct(lower, Reach::Safe) {
                    Some(fix) if fix.kind == Kind::Accent => fix.form,
                    _ => continue,
                }
            }
        } else {
            let settled = doc.settled_by_word_rule(i);
            if !lex.contains(&settled) {
                continue;
            }
            settled.into_owned()
        };
        let entry = usage.entry(form).or_default();
        entry.count += doc.count(i);
        if capitalised {
            entry.capitalised = true;
        } else {
            entry.lowercase = true;
        }
    }
    let vocabulary: Vec<(String, &str, &Usage)> = usage
        .iter()
        .filter(|(form, u)| u.count >= 2 && form.chars().count() >= SHORTEST)
        .filter_map(|(form, u)| {
            let folded = fold(form);
            folded
                .bytes()
                .all(|b| b.is_ascii_lowercase())
                .then_some((folded, form.as_str(), u))
        })
        .collect();
    if vocabulary.is_empty() {
        return found;
    }
    // The distance's cost table, reused from one pair to the next.
    let mut table = Vec::new();
    for i in 0..doc.tokens.len() {
        if !is_target(doc, i) {
            continue;
        }
        let capitalised = is_capitalised(doc.tokens[i].text);
        let folded = fold(doc.lower(i));
        if !folded.bytes().all(|b| b.is_ascii_lowercase()) {
            continue;
        }
        let limit = budget(folded.len());
        let plural = |w: &str| w.ends_with(['s', 'x']);
        let mut best: Option<(f32, &str)> = None;
        let mut runner_up = f32::INFINITY;
        for (key, form, u) in &vocabulary {
            if (capitalised && !u.capitalised) || (!capitalised && !u.lowercase) {
                continue;
            }
            // At most one added speck, two lost letters; a lost or added plural mark is grammar;
            // a letter before a word opening on a vowel is the elision rules' (`Vutlisateur`).
            if folded.len() > key.len() + 1
                || key.len() > folded.len() + 2
                || *key == folded
                || plural(key) != plural(&folded)
                || glued_article(&folded, key)
            {
                continue;
            }
            // A word at `best + MARGIN` or beyond can neither win nor spoil the margin.
            let bound = best.map_or(limit, |(c, _)| limit.min(c + MARGIN));
            let Some(cost) = distance(folded.as_bytes(), key.as_bytes(), bound, &mut table) else {
                continue;
            };
            match best {
                Some((c, _)) if cost >= c => runner_up = runner_up.min(cost),
                _ => {
                    runner_up = best.map_or(runner_up, |(c, _)| runner_up.min(c));
                    best = Some((cost, form));
                }
            }
        }
        if let Some((cost, form)) = best {
            if runner_up >= cost + MARGIN {
                found.insert(doc.word_of[i], with_seen_ending(form, doc.lower(i)));
            }
        }
    }
    found
}

/// `form`, or its spelling ending on the accented letter the scan read (`demadé` is `demandé`,
/// the participle, though the document writes `demande`).
fn with_seen_ending(form: &str, seen: &str) -> String {
    let (Some(last), Some(seen_last)) = (form.chars().next_back(), seen.chars().next_back()) else {
        return form.to_string();
    };
    if seen_last.is_ascii() || last == seen_last {
        return form.to_string();
    }
    Lexicon::get()
        .forms_of_fold(&fold(form))
        .into_iter()
        .map(|(spelling, _)| spelling)
        .find(|spelling| spelling.ends_with(seen_last))
        .unwrap_or_else(|| form.to_string())
}

/// `lenquete` for `enquete`, `vutlisateur` for `utilisateur`: the article's `l` (or a glyph read
/// for it) glued before a word opening on a vowel.
fn glued_article(seen: &str, truth: &str) -> bool {
    match (seen.as_bytes(), truth.as_bytes().first()) {
        ([first, second, ..], Some(start)) => {
            b"ldvpfji".contains(first) && b"aeiouy".contains(start) && second == start
        }
        _ => false,
    }
}

/// An unknown word of letters seen once, no name in capitals, no part of a compound, which the
/// word rule neither fixes nor finds only lost accents in.
fn is_target(doc: &Doc, i: usize) -> bool {
    let t = doc.tokens[i];
    let lex = Lexicon::get();
    if doc.count(i) != 1
        || doc.freq(i).is_some()
        || doc.protected(i)
        || !doc.word(i).worth
        || t.text.chars().count() < SHORTEST
        || !t.text.chars().all(is_letter)
        || t.text.chars().skip(1).any(char::is_uppercase)
        || lex.is_proper(t.text)
        || i > 0 && super::layout::may_join(doc, i - 1)
        || doc.gap_before(i).ends_with('-')
        || doc.gap_after(i).starts_with('-')
    {
        return false;
    }
    let reach = if is_capitalised(t.text) {
        Reach::Safe
    } else {
        Reach::Full
    };
    super::word::correct(doc.lower(i), reach)
        .is_none_or(|fix| fix.confidence < 0.5 && fix.kind != Kind::Accent)
}

/// OCR-weighted edit distance from the `truth` a scan printed to the `seen` letters it read
/// (both folded ASCII), `None` when above `limit`.
fn distance(seen: &[u8], truth: &[u8], limit: f32, cost: &mut Vec<f32>) -> Option<f32> {
    let (n, m) = (seen.len(), truth.len());
    let width = m + 1;
    cost.clear();
    cost.resize((n + 1) * width, f32::INFINITY);
    cost[0] = 0.0;
    for i in 0..=n {
        let mut row_min = f32::INFINITY;
        for j in 0..=m {
            let c = cost[i * width + j];
            if c > limit {
                continue;
            }
            row_min = row_min.min(c);
            let mut relax = |di: usize, dj: usize, add: f32| {
                let k = (i + di) * width + j + dj;
                if c + add < cost[k] {
                    cost[k] = c + add;
                }
            };
            if i < n && j < m {
                let (s, y) = (seen[i], truth[j]);
                relax(
                    1,
                    1,
                    if s == y {
                        0.0
                    } else if lookalikes(s).contains(&y) {
                        LOOKALIKE
                    } else {
                        ANY
                    },
                );
            }
            if i < n {
                relax(1, 0, EXTRA);
            }
            if j < m {
                let y = truth[j];
                relax(
                    0,
                    1,
                    if j > 0 && truth[j - 1] == y {
                        DROPPED_DOUBLE
                    } else if DROPPED.contains(&y) {
                        DROPPED_THIN
                    } else {
                        ANY
                    },
                );
            }
            if i < n {
                // Only the multi-letter confusions and merges that the seen letter starts.
                let (multi, count) = &MULTI_BY_FIRST_BYTE[usize::from(seen[i])];
                for &k in &multi[..usize::from(*count)] {
                    let (from, to, add) = multi_letter(usize::from(k));
                    let (from, to) = (from.as_bytes(), to.as_bytes());
                    if seen[i..].starts_with(from) && truth[j..].starts_with(to) {
                        relax(from.len(), to.len(), add);
                    }
                }
            }
        }
        // Every path goes through each row: once a row is over the limit, so is the end.
        if row_min > limit {
            return None;
        }
    }
    let total = cost[n * width + m];
    (total <= limit).then_some(total)
}

#[cfg(test)]
mod tests {
    use crate::repair::applied;

    /// Prose with enough damaged words to read as a scan.
    const SCAN: &str = "Le comlté des usagers s'est réunl à la préfecture de Marseille. \
        Les usagers de la préfecture ont été reçus par le directeur. Le dlrecteur rappelle \
        les horaires d'accuell. Les partlcipants évoquent la signalétlque. ";

    #[test]
    fn a_damaged_word_takes_the_document_word_it_is_nearest_to() {
        let text = format!("{SCAN}La prefecnie de Manseille accueille les uasgers à Marseille.");
        let out = applied(&text);
        assert!(out.contains("La préfecture de Marseille"), "{out}");
        assert!(out.contains("les usagers à Marseille"), "{out}");
    }

    #[test]
    fn names_acronyms_and_words_the_document_does_not_write_are_left() {
        // `Kerbiriou` is near no word of the document; `MARSEILE` is in capitals, a name's.
        let text = format!("{SCAN}Mme Kerbiriou, M. MARSEILE et la DREETS à Marseille.");
        let out = applied(&text);
        assert!(
            out.ends_with("Mme Kerbiriou, M. MARSEILE et la DREETS à Marseille."),
            "{out}"
        );
    }

    #[test]
    fn a_clean_sentence_is_left() {
        let text = "Le comité des usagers s'est réuni à la préfecture de Marseille. Les usagers \
            de Marseille ont été reçus à la préfecture par le directeur.";
        assert_eq!(applied(text), text);
    }

    #[test]
    fn distance_weighs_the_scans_misreadings() {
        let d =
            |a: &str, b: &str| super::distance(a.as_bytes(), b.as_bytes(), 2.0, &mut Vec::new());
        assert_eq!(d("manseille", "marseille"), Some(0.5));
        assert_eq!(d("cornite", "comite"), Some(0.3));
        assert_eq!(d("abcdef", "uvwxyz"), None);
    }
}
