//! Short function words the scan turned into another short token (`de ta préfecture`, `pat les
//! policiers`, `sui les réseaux`, `qui leu apporte`, `dans ur box`): a token of two or three
//! letters one glyph away from an article, a preposition or a conjunction (a lookalike letter,
//! `1` for `l`, `w` for `ur`, the last letter lost), standing where that word stands: an article
//! before a noun, a preposition before a determiner or a number, `et` between two words. The
//! token must be rare itself (second-person `ta`, `te`, `tes`, the note `fa`, `pou`, `leu` are
//! near absent from minutes, which are formal prose), or no word at all.

use std::borrow::Cow;

use super::tokens::{is_all_caps, is_capitalised};
use super::word::lookalikes;
use super::Doc;
use crate::edit::Edit;
use crate::lexicon::Lexicon;

/// What must follow each function word for a misreading to be read as it.
#[derive(Clone, Copy, PartialEq)]
enum Slot {
    /// A noun: a known lowercase word that is no function word, or a capitalised name.
    Noun,
    /// A determiner, an elided `l’` or a number.
    Determiner,
    /// A lowercase word, with a word before too.
    Between,
}

const TARGETS: &[(&str, Slot)] = &[
    ("la", Slot::Noun),
    ("le", Slot::Noun),
    ("les", Slot::Noun),
    ("des", Slot::Noun),
    ("un", Slot::Noun),
    ("leur", Slot::Noun),
    ("par", Slot::Determiner),
    ("sur", Slot::Determiner),
    ("pour", Slot::Determiner),
    ("et", Slot::Between),
];

/// Determiners a preposition comes before.
const DETERMINERS: &[&str] = &[
    "le", "la", "les", "l", "un", "une", "des", "du", "ce", "cet", "cette", "ces", "son", "sa",
    "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "chaque", "tous", "toutes", "tout",
    "toute",
];

/// A token as frequent as this is a word in its own right (`ou`, `on`, `ma`, `sa`).
const OWN_WORD: u16 = 600;

pub(super) fn propose(doc: &Doc, done: &mut [bool], edits: &mut Vec<Edit>) {
    // Right to left, so that a preposition sees the article restored after it (`pat ta
    // préfecture`): a second pass must find nothing left to do.
    let mut restored: Vec<Option<&'static str>> = vec![None; doc.tokens.len()];
    for i in (0..doc.tokens.len()).rev() {
        let t = doc.tokens[i];
        // The length first: most tokens are longer, and need not be counted.
        if done[i] || !(2..=3).contains(&t.text.len()) {
            continue;
        }
        let letters = t.text.bytes().filter(u8::is_ascii_lowercase).count();
        if letters + t.text.bytes().filter(|&b| b == b'1').count() != t.text.len() || letters == 0 {
            continue;
        }
        if TARGETS.iter().any(|(w, _)| *w == t.text)
            || doc.freq(i).is_some_and(|f| f >= OWN_WORD)
            || doc.protected(i)
        {
            continue;
        }
        // A `d` stays a `d`: `da` may as well be `de` or `du` as `la`.
        let keeps_d = |word: &str| !t.text.starts_with('d') || word.starts_with('d');
        let misreadings = || {
            TARGETS
                .iter()
                .filter(|(word, _)| keeps_d(word) && misread(t.text, word))
        };
        // The neighbours are read (through the word rule) only for a token that may be one.
        if misreadings().next().is_none() {
            continue;
        }
        // A token the word rule reads (`ies`) is left to it: that rule weighs how often the
        // document repeats a spelling, and a count this rule lowered would change its answer
        // in a second pass.
        if doc.settled(i) != doc.lower(i) {
            continue;
        }
        let next = match restored.get(i + 1).copied().flatten() {
            Some(word) => Cow::Borrowed(word),
            None if i + 1 < doc.tokens.len() => doc.settled(i + 1),
            None => continue,
        };
        let mut fits = misreadings().filter(|(_, slot)| in_slot(doc, i, &next, *slot));
        let (Some(&(word, _)), None) = (fits.next(), fits.next()) else {
            continue;
        };
        done[i] = true;
        restored[i] = Some(word);
        let sentence_start = doc.text[..t.start].trim_end().ends_with(['.', '!', '?']);
        let after = if sentence_start {
            super::capitalise(word)
        } else {
            word.to_string()
        };
        edits.push(Edit::new(t.start, t.end, after, "function-word", 0.6));
    }
}

/// Whether `observed` is `word` with one glyph misread: a lookalike letter, `1` for `l`, `w` for
/// `ur`, or the last letter lost.
fn misread(observed: &str, word: &str) -> bool {
    let (o, w) = (observed.as_bytes(), word.as_bytes());
    if o.len() == w.len() {
        let mut diff = o.iter().zip(w).filter(|(a, b)| a != b);
        return match (diff.next(), diff.next()) {
            (Some((&a, &b)), None) => lookalikes(a).contains(&b) || a == b'1' && b == b'l',
            _ => false,
        };
    }
    if let Some(head) = observed.strip_suffix('w') {
        return word.strip_prefix(head) == Some("ur");
    }
    o.len() + 1 == w.len() && w.starts_with(o) && !o.contains(&b'1')
}

/// Whether token `i` stands where `slot` is, `next` being the following word as the repair
/// leaves it (the word rule's answer, or the function word restored there).
fn in_slot(doc: &Doc, i: usize, next: &str, slot: Slot) -> bool {
    let before = doc.gap_before(i);
    if i > 0 && !before.ends_with([' ', '\n', '\t']) {
        return false;
    }
    // No function word of these follows a determiner (`le 1e rang`), nor an object pronoun a
    // subject (`je te remercie`).
    let prev = if i > 0 && before == " " {
        doc.settled(i - 1)
    } else {
        Cow::Borrowed("")
    };
    let prev = prev.as_ref();
    if DETERMINERS.contains(&prev) || matches!(prev, "je" | "tu" | "ne" | "n") {
        return false;
    }
    // After an unknown lowercase word the token may be the rest of it (`démarc he`, `renpla er`).
    if !prev.is_empty()
        && doc.tokens[i - 1].text.chars().all(char::is_lowercase)
        && !Lexicon::get().contains(prev)
    {
        return false;
    }
    let gap = doc.gap_after(i);
    let lower = |t: &str| t.chars().all(char::is_lowercase);
    let text = doc.tokens[i + 1].text;
    match slot {
        Slot::Noun if gap == " " => {
            if is_capitalised(text) {
                return !is_all_caps(text)
                    && text.chars().skip(1).all(char::is_lowercase)
                    && !super::names::CIVILITIES.contains(&text);
            }
            // An elided word is a conjunction or pronoun (`a leu puisqu’il`: `lieu`).
            if doc.gap_after(i + 1).starts_with(['\'', '\u{2019}']) {
                return false;
            }
            lower(text)
                && next.chars().count() >= 3
                && Lexicon::get().freq(next).is_some_and(|f| f < 640)
        }
        Slot::Determiner => {
            // `su` after an auxiliary is the participle (`a su les convaincre`).
            if super::context::AVOIR.contains(&prev) {
                return false;
            }
            let elided = next == "l" && doc.gap_after(i + 1).starts_with(['\'', '\u{2019}']);
            gap == " "
                && (DETERMINERS.contains(&next)
                    || elided
                    || next.bytes().all(|b| b.is_ascii_digit()))
        }
        Slot::Between => {
            let word_before =
                i > 0 && doc.tokens[i - 1].text.chars().all(char::is_alphabetic) && before == " ";
            word_before && gap == " " && lower(text) && next.chars().count() >= 2
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::repair::applied;

    #[test]
    fn short_function_words_misread() {
        assert_eq!(
            applied("la secrétaire générale de ta préfecture"),
            "la secrétaire générale de la préfecture"
        );
        assert_eq!(applied("la date de fa réunion"), "la date de la réunion");
        assert_eq!(
            applied("bien orienté pat les policiers"),
            "bien orienté par les policiers"
        );
        assert_eq!(
            applied("mis en œuvre pai le ministère"),
            "mis en œuvre par le ministère"
        );
        assert_eq!(
            applied("la publication sui les réseaux"),
            "la publication sur les réseaux"
        );
        assert_eq!(
            applied("la formation sw 3 modules"),
            "la formation sur 3 modules"
        );
        assert_eq!(
            applied("la plateforme qui leu apporte une aide"),
            "la plateforme qui leur apporte une aide"
        );
        assert_eq!(
            applied("le préfet ei par délégation"),
            "le préfet et par délégation"
        );
        assert_eq!(
            applied("le site internet. 1a séance est levée"),
            "le site internet. La séance est levée"
        );
        // In one pass: the article after is read as the word rule and this rule leave it.
        assert_eq!(
            applied("la publication sui ies réseaux"),
            "la publication sur les réseaux"
        );
        assert_eq!(
            applied("bien orienté pat ta préfecture"),
            "bien orienté par la préfecture"
        );
    }

    #[test]
    fn words_in_their_own_right_are_left() {
        // Frequent words, a participle after its auxiliary, no slot for the function word.
        assert_eq!(applied("il a su les convaincre"), "il a su les convaincre");
        assert_eq!(
            applied("ou la préfecture, on le sait"),
            "ou la préfecture, on le sait"
        );
        assert_eq!(applied("le pou, le tas"), "le pou, le tas");
        assert_eq!(
            applied("je te remercie pour le 1e rang"),
            "je te remercie pour le 1e rang"
        );
        // `da` may be `du`; the rest of an unknown word; an elided conjunction after.
        assert_eq!(
            applied("M. Albertini, chef da bureau"),
            "M. Albertini, chef da bureau"
        );
        assert!(!applied("la démarc he Marianne").contains(" le "));
        assert_eq!(
            applied("la réunion a leu puisqu’il"),
            "la réunion a leu puisqu’il"
        );
        assert_eq!(
            applied("la secrétaire générale de la préfecture"),
            "la secrétaire générale de la préfecture"
        );
    }
}
