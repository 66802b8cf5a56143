//! Damage to the layout of words: compounds split by a stray space (`Sous- préfecture`,
//! `sous\npréfecture`), words glued by a speck read as a period (`et.de`), and scanning debris at
//! line ends (`= '`, `; , .`, `. ë`); hyphenation at line ends (`Direc-\ntrice`) is joined as a
//! suggestion only.

use super::tokens::{is_all_caps, lines_inclusive};
use super::word::{self, Reach};
use super::{apply_case, Doc};
use crate::edit::Edit;
use crate::lexicon::Lexicon;

/// First elements whose compounds are hyphenated (`sous-préfecture`, `après-midi`).
const COMPOUND_HEADS: &[&str] = &[
    "sous", "vice", "demi", "semi", "mi", "ex", "arrière", "après", "avant", "contre", "extra",
    "porte", "grand",
];

/// First elements that are hardly ever a separate word before a noun: a hyphen lost after
/// them is restored even without other evidence.
const SPACED_HEADS: &[&str] = &["sous", "vice", "demi", "semi", "après"];

pub(super) fn propose(doc: &Doc, done: &mut [bool], edits: &mut Vec<Edit>) {
    for i in 0..doc.tokens.len().saturating_sub(1) {
        if done[i] || !may_join(doc, i) || doc.protected(i) || doc.protected(i + 1) {
            continue;
        }
        if let Some(edit) = join(doc, i) {
            done[i] = true;
            done[i + 1] = true;
            edits.push(edit);
        }
    }
    debris(doc, edits);
    stray_letters(doc, edits);
    bullets(doc, edits);
    specks_after_marks(doc, edits);
    lost_marks(doc, edits);
}

/// Words that leave a line unfinished (`directrice des` / `migrations`): a line ending on one
/// goes on below it.
const CARRY_ON: &[&str] = &[
    "de", "des", "du", "d", "la", "le", "les", "l", "un", "une", "et", "ou", "à", "a", "au", "aux",
    "en", "par", "pour", "sur", "sous", "avec", "dans", "qui", "que", "ce", "cet", "cette", "ces",
    "son", "sa", "ses", "leur", "leurs",
];

/// A list mark (`-`, `–`, `•`) the scan lost, its speck too faint to read: a line between two
/// items of the same list, with none of its own, was an item when the line before it could
/// not go on into it. That line ends an item (`;`), announces the list (`:`), or is an item
/// ending well short of the page's width (its longest line) on a word that leaves no sentence
/// unfinished; and the line opens in lowercase, a capital after a `:` being a sub-heading
/// (`Présents :` / `Préfecture de l'Aisne`), unless an item ends with `;` before it. A line
/// ending with `:` is a heading of its own. In a text that reads like a scan only: a typed
/// text writes its items as it means them.
fn lost_marks(doc: &Doc, edits: &mut Vec<Edit>) {
    if !doc.scan() {
        return;
    }
    let mut width = None;
    // The last two non-blank lines (without their line end), the later with its start.
    let (mut before, mut line): (Option<&str>, Option<(usize, &str)>) = (None, None);
    let mut line_start = 0;
    for next in lines_inclusive(doc.text) {
        let start = line_start;
        line_start += next.len();
        let next = next.trim_end();
        if next.is_empty() {
            continue;
        }
        if let (Some(before), Some((at, body)), Some(mark)) = (before, line, item_mark(next)) {
            let width = *width.get_or_insert_with(|| {
                lines_inclusive(doc.text)
                    .map(|l| l.trim_end().len())
                    .max()
                    .unwrap_or(0)
            });
            let indent = body.len() - body.trim_start().len();
            let (at, body) = (at + indent, &body[indent..]);
            if lost_mark(before, body, mark, width)
                && !super::tokens::is_protected(&doc.protected, at, at + body.len())
            {
                edits.push(Edit::new(at, at, format!("{mark} "), "lost-mark", 0.6));
            }
        }
        before = line.map(|(_, l)| l);
        line = Some((start, next));
    }
}

/// The mark opening a list line, followed by a blank.
fn item_mark(line: &str) -> Option<char> {
    let mut chars = line.trim_start().chars();
    let mark = chars.next().filter(|c| matches!(c, '-' | '–' | '•'))?;
    chars.next().filter(|c| matches!(c, ' ' | '\t'))?;
    Some(mark)
}

/// Whether `line` (trimmed), after `before` and before an item opened by `mark`, is an item
/// whose mark was lost (see [`lost_marks`]).
fn lost_mark(before: &str, line: &str, mark: char, width: usize) -> bool {
    // After a spaced period, a mark restored would have the colon rule read the period as
    // `:` in a second pass: the repair must settle in one.
    if item_mark(line).is_some() || line.ends_with(':') || before.ends_with(" .") {
        return false;
    }
    let Some(first) = line.chars().next() else {
        return false;
    };
    let ends_item = before.ends_with(';');
    let finished = ends_item
        || before.ends_with(':')
        || item_mark(before) == Some(mark)
            && before.len() * 2 < width
            && before
                .rsplit(' ')
                .next()
                .filter(|w| w.ends_with(|c: char| c.is_alphanumeric() || matches!(c, ')' | '.')))
                .is_some_and(|w| !CARRY_ON.contains(&w.to_lowercase().as_str()));
    finished && first.is_alphabetic() && (first.is_lowercase() || ends_item)
}

/// The tail or underline of a list mark read as `_` beside it, at the start of a line: `-_
/// Questions diverses`, `- _ Bilan`, `+ __ Amélioration`; or a speck beside the mark read as
/// one `.` or `:` (`-. module 1`, `- . réseaux`, `-: Présentation`, `- .titres`). No list
/// item opens with an underscore or such a sign standing alone, nor with a period glued to a
/// lowercase word; an underscore glued to a word (`- __important__`) and an ellipsis (`- ...
/// et`) are left.
fn specks_after_marks(doc: &Doc, edits: &mut Vec<Edit>) {
    let mut line_start = 0;
    for line in doc.text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let body = &line[indent..];
        let after_mark = body
            .strip_prefix(['-', '+', '•', '–'])
            .map(|rest| rest.len());
        if let Some(rest_len) = after_mark {
            let rest = &body[body.len() - rest_len..];
            let spaces = rest.len() - rest.trim_start_matches(' ').len();
            let speck = &rest[spaces..];
            let run = match speck.as_bytes().first() {
                Some(b'.' | b':') => 1,
                _ => speck.len() - speck.trim_start_matches('_').len(),
            };
            let tail = &speck[run..];
            let blank = tail.len() - tail.trim_start_matches(' ').len();
            let apart = blank > 0 && tail[blank..].starts_with(char::is_alphabetic);
            let glued = blank == 0
                && spaces > 0
                && speck.starts_with('.')
                && tail.starts_with(char::is_lowercase);
            if run > 0 && (apart || glued) {
                // Keep one space after the mark: `-_ Questions` and `- _ Bilan` give `- Questions`.
                let start = line_start + indent + (body.len() - rest_len) + spaces;
                let end = start + run + if spaces > 0 { blank } else { 0 };
                edits.push(Edit::new(start, end, "", "debris-after-mark", 0.7));
            }
        }
        line_start += line.len();
    }
}

/// A speck read as one letter or sign standing alone at the end of a line (`usagers. ë`,
/// `d’accueil) ; ï`, `82 ÿ`, `». $`) or alone on a line (`À`). A letter no French word is alone
/// (`ë`, `Ê`, `ù`) or a sign no line ends on (`©`, `°`, `$`) goes wherever it stands; a letter
/// that may be a word (`J`, `i`, `À`) goes only after a sentence's end and before a line that
/// does not carry the sentence on, in a text that reads like a scan.
fn stray_letters(doc: &Doc, edits: &mut Vec<Edit>) {
    let mut line_start = 0;
    let mut lines = lines_inclusive(doc.text).peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_end();
        let next_carries_on = lines
            .peek()
            .is_some_and(|next| next.trim_start().starts_with(char::is_lowercase));
        let mut cut = trimmed.len();
        loop {
            let head = trimmed[..cut].trim_end();
            let space = head.rfind([' ', '\t']).map_or(0, |s| s + 1);
            let mut chars = head[space..].chars();
            let (Some(c), None) = (chars.next(), chars.next()) else {
                break;
            };
            let before = head[..space].trim_end();
            // `À` alone on a line is no sentence's start: that would go on on the same line.
            let may_be_word = c.is_alphabetic() && !matches!(c, 'a' | 'y' | 'à');
            let stray = never_alone(c)
                || may_be_word
                    && !next_carries_on
                    && (ends_sentence(before) || before.is_empty() && !c.is_ascii())
                    && doc.scan();
            if !stray {
                break;
            }
            cut = before.len();
        }
        if cut < trimmed.len() {
            let (s, e) = (line_start + cut, line_start + trimmed.len());
            if !super::tokens::is_protected(&doc.protected, s, e) {
                edits.push(Edit::new(s, e, "", "stray-letter", 0.7));
            }
        }
        line_start += line.len();
    }
}

/// A letter or sign that is never a word alone: accented letters but `à`, and signs of the
/// scanner's specks.
pub(super) fn never_alone(c: char) -> bool {
    match c {
        '$' | '©' | '®' | '°' | '¢' | '¤' | '¦' | '¨' | '¬' | '¯' | '´' | '¶' | '¸' => {
            true
        }
        'à' | 'À' => false,
        _ => c.is_alphabetic() && !c.is_ascii() && !matches!(c, 'œ' | 'Œ' | 'æ' | 'Æ'),
    }
}

/// Whether `head` ends a sentence or list item: `;`, `»`, `!`, `?`, or a period after a word of
/// three letters or more (`M. X` keeps its initial).
fn ends_sentence(head: &str) -> bool {
    if head.ends_with([';', '»', '!', '?']) {
        return true;
    }
    let Some(body) = head.strip_suffix('.') else {
        return false;
    };
    body.chars().rev().take_while(|c| c.is_alphabetic()).count() >= 3
}

/// A list dash read as `=` (the stroke doubled by ink spread) at the start of a line: `=` never
/// opens a line of prose. It becomes the dash the document's other list lines use.
///
/// A round bullet `•` the French model reads as `+` (never as `•`): in a text that reads like a
/// scan, a `+` opening a line before a word becomes the document's list dash if its other list
/// lines use one, else `•` (a typed list may use `+`, a typed export is left alone).
fn bullets(doc: &Doc, edits: &mut Vec<Edit>) {
    // Most texts hold no `=` or `+` at all, and then no line to count the dashes for.
    let bytes = doc.text.as_bytes();
    let equals = memchr::memchr(b'=', bytes).is_some();
    let plus = memchr::memchr(b'+', bytes).is_some() && doc.scan();
    if !equals && !plus {
        return;
    }
    let opens = |line: &str, mark: &str| {
        line.trim_start_matches([' ', '\t'])
            .strip_prefix(mark)
            .is_some_and(|r| r.starts_with([' ', '\t']))
    };
    let mut seen = [0usize; 3];
    const DASHES: [&str; 3] = ["-", "–", "•"];
    // A line end after the mark fails `opens` as the end of the text does.
    for line in lines_inclusive(doc.text) {
        for (n, dash) in seen.iter_mut().zip(DASHES) {
            *n += usize::from(opens(line, dash));
        }
    }
    let (best, n) = seen
        .iter()
        .zip(DASHES)
        .max_by_key(|(n, _)| **n)
        .map_or(("-", 0), |(n, d)| (d, *n));
    let mut line_start = 0;
    for line in lines_inclusive(doc.text) {
        let at = line_start + line.len() - line.trim_start_matches([' ', '\t']).len();
        if equals && opens(line, "=") {
            edits.push(Edit::new(
                at,
                at + 1,
                best,
                "bullet",
                if n > 0 { 0.7 } else { 0.5 },
            ));
        } else if plus
            && opens(line, "+")
            && line[at - line_start + 1..]
                .trim_start()
                // As `specks_after_marks` leaves it (`+ __ Amélioration`).
                .trim_start_matches('_')
                .trim_start()
                .starts_with(char::is_alphabetic)
        {
            edits.push(Edit::new(
                at,
                at + 1,
                if n > 0 { best } else { "•" },
                "bullet-plus",
                0.6,
            ));
        }
        line_start += line.len();
    }
}

/// Lowercase lexicon spelling of a word or word part, repaired as the word rule would repair it
/// (so that a second pass finds nothing left to join).
fn spell(part: &str) -> Option<(String, f32)> {
    let lower = part.to_lowercase();
    if Lexicon::get().contains(&lower) {
        return Some((lower, 1.0));
    }
    match word::correct(&lower, Reach::Full) {
        Some(fix) if fix.confidence >= 0.5 => Some((fix.form, fix.confidence)),
        _ => None,
    }
}

/// Whether the gap after token `i` is one [`join`] may close. Most gaps are one space after a
/// word that is no compound head, or join nothing (`, `, `. `); the `match` in `join` decides,
/// this only spares every other token the tests before it.
pub(super) fn may_join(doc: &Doc, i: usize) -> bool {
    match doc.gap_after(i) {
        " " | "\n" => SPACED_HEADS.contains(&doc.lower(i)),
        "- " | "-  " | " -" | " - " => COMPOUND_HEADS.contains(&doc.lower(i)),
        "-\n" | "." => true,
        _ => false,
    }
}

fn join(doc: &Doc, i: usize) -> Option<Edit> {
    let (a, b) = (doc.tokens[i], doc.tokens[i + 1]);
    let gap = doc.gap_after(i);
    let letters = |w: &str| w.chars().all(char::is_alphabetic);
    if !letters(a.text) || !letters(b.text) || is_all_caps(a.text) || is_all_caps(b.text) {
        return None;
    }
    let lex = Lexicon::get();
    let a_lower = doc.lower(i);
    let b_starts_lower = b.text.starts_with(char::is_lowercase);
    let (rule, confidence, hyphen) = match gap {
        // Tesseract copies the page's hyphen, it never invents one: the word cut at the line
        // end is the page's own layout, which a typed export (pdftotext) keeps too. Joining
        // is offered, not applied.
        "-\n" if b_starts_lower => ("dehyphenate", 0.45, None),
        "- " | "-  " | " -" | " - " if COMPOUND_HEADS.contains(&a_lower) => {
            ("split-compound", 0.85, Some(true))
        }
        " " | "\n"
            if SPACED_HEADS.contains(&a_lower) && b_starts_lower && b.text.chars().count() >= 4 =>
        {
            ("split-compound", 0.6, Some(true))
        }
        "." if a.text.chars().all(char::is_lowercase) && b_starts_lower => {
            ("dot-space", 0.6, Some(false))
        }
        _ => return None,
    };
    let a_known = doc.freq(i).is_some();
    // After a line-end hyphen the second half is no word alone (`direc-` / `trice`): the
    // joined word decides.
    let (b_form, b_conf) = match spell(b.text) {
        Some(spelt) => spelt,
        None if hyphen.is_none() => (b.text.to_lowercase(), 0.9),
        None => return None,
    };
    let after = match hyphen {
        // Line-end hyphen: the joined word if it exists, else a compound kept hyphenated.
        None => {
            let (joined, conf) = spell(&format!("{}{}", a.text, b.text))?;
            if b_conf < 1.0 && conf < 1.0 && !lex.contains(&format!("{a_lower}-{b_form}")) {
                return None;
            }
            apply_case(a.text, &joined, false)
        }
        Some(true) => {
            if !lex.contains(&format!("{a_lower}-{b_form}")) {
                return None;
            }
            format!("{}-{}", a.text, b_form)
        }
        Some(false) => {
            let a_freq = doc.freq(i).unwrap_or(0);
            if !a_known || a_freq < 500 || b_conf < 1.0 || lex.freq(&b_form).unwrap_or(0) < 500 {
                return None;
            }
            format!("{} {}", a.text, b.text)
        }
    };
    if hyphen.is_none() {
        // Keep a real compound's hyphen (`sous-\npréfecture`) rather than inventing a word.
        let compound = format!("{a_lower}-{b_form}");
        if lex.contains(&compound) && !lex.contains(&format!("{a_lower}{b_form}")) {
            return Some(Edit::new(
                a.start,
                b.end,
                format!("{}-{}", a.text, b_form),
                rule,
                confidence,
            ));
        }
    }
    Some(Edit::new(
        a.start,
        b.end,
        after,
        rule,
        confidence * b_conf.max(0.8),
    ))
}

/// Punctuation specks the scanner leaves at the end of lines: several isolated marks, or one
/// mark that never ends a French line (`=`, `'`, `‘`, `_`, `~`, `|`).
fn debris(doc: &Doc, edits: &mut Vec<Edit>) {
    let mut line_start = 0;
    for line in lines_inclusive(doc.text) {
        let body = line.trim_end_matches('\n');
        let trimmed = body.trim_end();
        let mut cut = trimmed.len();
        let mut marks = 0;
        let mut odd = false;
        // Walk back over space-separated groups of 1–2 punctuation characters.
        loop {
            let head = trimmed[..cut].trim_end();
            let Some(space) = head.rfind([' ', '\t']) else {
                break;
            };
            let group = &head[space + 1..];
            // `matches!`, not `str::contains`: a substring search per character cost 1 % of the bench.
            if group.is_empty()
                || group.chars().count() > 2
                || !group.chars().all(|c| {
                    matches!(
                        c,
                        '=' | ';'
                            | ','
                            | '.'
                            | '\''
                            | '‘'
                            | '’'
                            | '"'
                            | '_'
                            | '~'
                            | '|'
                            | ':'
                            | '-'
                    )
                })
            {
                break;
            }
            odd |= group
                .chars()
                .any(|c| matches!(c, '=' | '\'' | '‘' | '’' | '_' | '~' | '|' | '"'));
            marks += 1;
            cut = space;
        }
        let start = trimmed[..cut].trim_end().len();
        if (marks >= 2 || (marks == 1 && odd)) && start > 0 {
            let (s, e) = (line_start + start, line_start + trimmed.len());
            if !super::tokens::is_protected(&doc.protected, s, e) {
                edits.push(Edit::new(
                    s,
                    e,
                    "",
                    "debris",
                    if marks >= 2 { 0.7 } else { 0.6 },
                ));
            }
        }
        line_start += line.len();
    }
}

#[cfg(test)]
mod tests {
    use crate::repair::applied;

    #[test]
    fn stray_letters_at_line_ends() {
        assert_eq!(
            applied("avec les représentants des usagers. ë\n1. Présentation"),
            "avec les représentants des usagers.\n1. Présentation"
        );
        assert_eq!(
            applied("Tel : 03 87 34 89 82 ÿ\nE-mail"),
            "Tel : 03 87 34 89 82\nE-mail"
        );
        assert_eq!(
            applied("pour les agents d’accueil) ; ï\n- Consolider"),
            "pour les agents d’accueil) ;\n- Consolider"
        );
        assert_eq!(
            applied("en cours d’instruction ». $\nDes membres"),
            "en cours d’instruction ».\nDes membres"
        );
    }

    #[test]
    fn a_speck_beside_a_list_mark() {
        assert_eq!(
            applied(
                "-. module 1\n- . réseaux sociaux\n-: Présentation du label\n- .titres de séjour\n"
            ),
            "- module 1\n- réseaux sociaux\n- Présentation du label\n- titres de séjour\n"
        );
    }

    #[test]
    fn underscores_beside_a_list_mark() {
        assert_eq!(
            applied("-_ Questions diverses\n- _ Bilan qualité :\n  -__ module 1"),
            "- Questions diverses\n- Bilan qualité :\n  - module 1"
        );
        for text in [
            "- __important__ : relire\n",
            "- ... et la suite\n",
            "- .NET et Java\n",
            "-.5 % sur un an\n",
            "ma_variable vaut 2\n",
            "pref-qualite@corse-du-sud.gouv.fr\n",
        ] {
            assert_eq!(applied(text), text);
        }
    }

    /// `tail` repaired after a scan's sentence with enough unknown lowercase words to read as one.
    fn in_a_scan(tail: &str) -> String {
        let scan = "Le cornité sest réuni dans Ia salle, lordre du jour apelle les pomts suivants et la suite des débats.\n";
        let repaired = applied(&format!("{scan}{tail}"));
        repaired
            .split_once('\n')
            .map_or(repaired.clone(), |(_, t)| t.to_string())
    }

    #[test]
    fn a_list_item_that_lost_its_mark() {
        assert_eq!(
            in_a_scan("Résultats :\naudit interne : 28/04/22\n- audit externe : 23/06/22\n\n- taux de connexions\ntaux de mise à jour\n\n- taux d’appels\n- M. Paul ROUX, directeur ;\nMme Anne ROY, adjointe ;\n- M. Luc PIC\n"),
            "Résultats :\n- audit interne : 28/04/22\n- audit externe : 23/06/22\n\n- taux de connexions\n- taux de mise à jour\n\n- taux d’appels\n- M. Paul ROUX, directeur ;\n- Mme Anne ROY, adjointe ;\n- M. Luc PIC\n"
        );
    }

    #[test]
    fn lines_that_carry_an_item_on_or_head_a_list_keep_no_mark() {
        for tail in [
            // A wrapped item: the line before it reaches the page's width, or ends on `des`.
            "- la direction départementale de l’emploi, du travail et des solidarités\nla mission qualité ;\n- M. Paul ROUX\n",
            "- Mme Marie KLEIN, directrice des\nmigrations ;\n- M. Paul ROUX\n",
            // A sub-heading in capitals, a heading ending with a colon.
            "Présents :\nPréfecture de l’Aisne\n- M. Paul ROUX\n",
            "- Paul ROUX\nPoints forts :\n- implication de tous\n",
        ] {
            assert_eq!(in_a_scan(tail), tail);
        }
        // A typed text writes its items as it means them.
        let text = "Résultats :\naudit interne : 28/04/22\n- audit externe : 23/06/22\n";
        assert_eq!(applied(text), text);
    }

    #[test]
    fn letters_that_are_words_stay() {
        for text in [
            "le dossier de catégorie : A\nLe suivant",
            "le rapport de M. X\nLe suivant",
            "il y\na lieu",
            "le point. À\ncompter de demain",
            "son projet à\nvenir",
        ] {
            assert_eq!(applied(text), text);
        }
    }
}
