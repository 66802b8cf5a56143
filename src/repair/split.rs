//! Words the scan split with a space (`préfei ture`, `d’ac cueil`, `GUIL LAUME`): a gap in the
//! ink between two letters reads as a word break. Two fragments on one line are joined when
//! neither is a word (one of two letters may be: `ac`, `pré`-like heads are too short to
//! trust) and their concatenation, or its repair by the word rules, is a lexicon word.

use super::tokens::{is_all_caps, is_capitalised};
use super::word::{accent_form, confusion_variants, correct, Kind, Reach};
use super::{apply_case, Doc};
use crate::edit::Edit;
use crate::lexicon::{fold, Lexicon};

pub(super) fn propose(doc: &Doc, done: &mut [bool], edits: &mut Vec<Edit>) {
    for i in 0..doc.tokens.len().saturating_sub(1) {
        // One of the pieces is unknown: the cheap test first.
        if doc.freq(i).is_some() && doc.freq(i + 1).is_some()
            || done[i]
            || done[i + 1]
            || doc.gap_after(i) != " "
        {
            continue;
        }
        if let Some(edit) = join(doc, i) {
            done[i] = true;
            done[i + 1] = true;
            edits.push(edit);
        }
    }
}

/// A fragment: letters only, not elided (`d’`), and either a rare piece of two letters or
/// unknown to the lexicon and not a word with lost accents or one misread glyph either (a
/// damaged word is the word rule's business). `Some(unknown)` for a fragment.
fn fragment(doc: &Doc, i: usize) -> Option<bool> {
    let text = doc.tokens[i].text;
    if !text.chars().all(char::is_alphabetic) || doc.gap_after(i).starts_with(['\'', '\u{2019}']) {
        return None;
    }
    match doc.freq(i) {
        // Articles and prepositions (`de`, `la`, `en`) stand alone.
        Some(freq) => (text.chars().count() <= 2 && freq < 500).then_some(false),
        // The reach the word rule gives the token, so that the memo answers.
        None => match correct(
            doc.lower(i),
            if is_capitalised(text) && !text.starts_with(['I', 'l']) {
                Reach::Safe
            } else {
                Reach::Full
            },
        ) {
            Some(fix)
                if fix.confidence >= 0.5
                    && matches!(fix.kind, Kind::Accent | Kind::Confusion(_)) =>
            {
                None
            }
            _ => Some(true),
        },
    }
}

fn join(doc: &Doc, i: usize) -> Option<Edit> {
    let (a, b) = (doc.tokens[i], doc.tokens[i + 1]);
    // Both unknown, or one unknown beside a two-letter piece; never two short pieces.
    let (ua, ub) = (fragment(doc, i)?, fragment(doc, i + 1)?);
    if !(ua || ub) || doc.protected(i) || doc.protected(i + 1) {
        return None;
    }
    // The second piece of a split word goes on in the case of the first.
    let caps = is_all_caps(a.text) && is_all_caps(b.text) && a.text.len() + b.text.len() >= 4;
    let lower_b = b.text.chars().all(char::is_lowercase);
    if !caps && !(lower_b && (is_capitalised(a.text) || a.text.chars().all(char::is_lowercase))) {
        return None;
    }
    let joined = format!("{}{}", doc.lower(i), doc.lower(i + 1));
    let lex = Lexicon::get();
    let form = match lex.freq(&joined) {
        Some(_) => joined,
        None => repaired(&joined)?,
    };
    // A rare word is as likely a coincidence as the word that was split.
    if lex.freq(&form).is_none_or(|f| f < 300) {
        return None;
    }
    let after = if caps {
        form.to_uppercase()
    } else {
        apply_case(a.text, &form, doc.sentence_start(i))
    };
    Some(Edit::new(a.start, b.end, after, "split-word", 0.6))
}

/// The joined word with its accents restored or one cheap glyph confusion undone; not a near
/// or distant word, whose searches would drop a glued piece's letters.
fn repaired(joined: &str) -> Option<String> {
    let lex = Lexicon::get();
    let folded = fold(joined);
    if lex.fold_freq(&folded).is_some() {
        return accent_form(&folded, Some(joined)).map(|(form, _)| form);
    }
    let (_, key) = confusion_variants(&folded)
        .into_iter()
        .filter_map(|v| Some((lex.fold_freq(&v)?, v)))
        .max()?;
    accent_form(&key, None).map(|(form, _)| form)
}

#[cfg(test)]
mod tests {
    use crate::repair::applied;

    #[test]
    fn fragments_of_one_word_are_joined() {
        assert_eq!(
            applied("les services de l’adminis tration locale"),
            "les services de l’administration locale"
        );
        assert_eq!(
            applied("le point d’ac cueil numérique"),
            "le point d’accueil numérique"
        );
        assert_eq!(
            applied("la DIRECTION DE L’ADMINIS TRATION"),
            "la DIRECTION DE L’ADMINISTRATION"
        );
    }

    #[test]
    fn words_and_names_stay_apart() {
        // Two words, a name in capitals, a given name and a surname, mixed case.
        assert_eq!(
            applied("il est en cours de route"),
            "il est en cours de route"
        );
        // Damaged words beside short ones: the distance search must not swallow them.
        assert_eq!(
            applied("la declinaison d’une règle"),
            "la déclinaison d’une règle"
        );
        assert_eq!(
            applied("elle a presenté la note"),
            "elle a présenté la note"
        );
        assert_eq!(applied("elle présente ia note"), "elle présente la note");
        assert_eq!(
            applied("M. Jean KERBI RIOU présente"),
            "M. Jean KERBI RIOU présente"
        );
        assert_eq!(
            applied("Mme Lou Tavernel présente"),
            "Mme Lou Tavernel présente"
        );
    }
}
