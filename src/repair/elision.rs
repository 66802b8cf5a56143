//! Elided articles and prepositions (`l'`, `d'`, `qu'`) damaged by OCR: the `l` read as `I`,
//! `1`, `|`, `i` or a mark (`!’État`); the apostrophe lost so that the letter is glued to the word (`lobjet`) or
//! merged with it into another capital (`Pobjet`, `Fobjet`, `Tobjet`, `Vobjet`); a space
//! inserted after the apostrophe (`d’ Orléans`).

use super::tokens::{between_letters, is_all_caps, is_protected};
use super::word::{self, Kind, Reach};
use super::{apply_case, Doc};
use crate::edit::Edit;
use crate::lexicon::{fold, Lexicon};

const ELIDED: &[&str] = &[
    "l", "d", "qu", "j", "n", "s", "m", "t", "c", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

pub(super) fn propose(doc: &Doc, done: &mut [bool], edits: &mut Vec<Edit>) {
    for i in 0..doc.tokens.len() {
        if done[i] || doc.protected(i) {
            continue;
        }
        if let Some(edit) = misread_l(doc, i)
            .or_else(|| misread_l_mark(doc, i))
            .or_else(|| spaced(doc, i))
            .or_else(|| lost_apostrophe(doc, i))
            .or_else(|| quote_for_apostrophe(doc, i))
            .or_else(|| spaced_pipe(doc, i))
            .or_else(|| lost_article(doc, i))
        {
            edits.push(edit);
            continue;
        }
        if let Some(edit) = glued(doc, i) {
            done[i] = true;
            edits.push(edit);
        }
    }
    straight_apostrophes(doc, edits);
}

/// In a document typed with `’` (see `Doc::apostrophe`), a straight `'` between letters is a
/// curly one whose curl the scan lost.
fn straight_apostrophes(doc: &Doc, edits: &mut Vec<Edit>) {
    if doc.apostrophe == '\'' {
        return;
    }
    for (i, _) in doc.text.match_indices('\'') {
        if between_letters(doc.text, i, 1) && !is_protected(&doc.protected, i, i + 1) {
            edits.push(Edit::new(i, i + 1, "\u{2019}", "apostrophe-curl", 0.6));
        }
    }
}

/// `d‘octobre`, `n‘existe`: an opening quote between an elided article or pronoun and a word
/// opening on a vowel is the apostrophe (the scan read the curl upside down); no quotation
/// opens inside a word.
fn quote_for_apostrophe(doc: &Doc, i: usize) -> Option<Edit> {
    let t = doc.tokens[i];
    if doc.gap_after(i) != "\u{2018}" || !ELIDED.contains(&doc.lower(i)) {
        return None;
    }
    let next = doc.tokens.get(i + 1)?;
    if !next.text.starts_with(char::is_alphabetic) || !vowel_initial(next.text) {
        return None;
    }
    let apostrophe = doc.apostrophe.to_string();
    Some(Edit::new(
        t.end,
        next.start,
        apostrophe,
        "elision-quote",
        0.8,
    ))
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn vowel_initial(word: &str) -> bool {
    fold(word).starts_with(['a', 'e', 'i', 'o', 'u', 'y', 'h'])
}

/// `I'`, `1'`, `|'`, `i'` before a word: the article `l'`. So are `F'`, `P'` and `V'` (the `l`
/// and the apostrophe's head merged into one glyph, as in `Pobjet`), which French never writes,
/// before a vowel-initial word. A space the scan put after the apostrophe goes with it
/// (`1’ Aisne`), unless the word is in capitals (letter-spaced headings, `L’ AISNE`).
fn misread_l(doc: &Doc, i: usize) -> Option<Edit> {
    let t = doc.tokens[i];
    let merged = matches!(t.text, "F" | "P" | "V");
    if !merged && !matches!(t.text, "I" | "1" | "|" | "i") {
        return None;
    }
    let gap = doc.gap_after(i);
    let next = doc.tokens.get(i + 1)?;
    let mut chars = gap.chars();
    // A double or opening quote glued between the glyph and a vowel-initial word is the
    // apostrophe (`1"État`, `|"État`): no quotation opens inside a word. Spaced, `1" niveau`
    // is `1er` with its superscript read as a quote.
    let apostrophe = chars
        .next()
        .filter(|&c| is_apostrophe(c) || !merged && matches!(c, '"' | '\u{2018}' | '\u{201c}'))?;
    let quote = !is_apostrophe(apostrophe);
    let spaced = match chars.as_str() {
        "" => false,
        " " if !quote => !is_all_caps(next.text),
        _ => return None,
    };
    if !next.text.starts_with(char::is_alphabetic) || quote && !vowel_initial(next.text) {
        return None;
    }
    if merged && (!vowel_initial(next.text) || doc.protected(i + 1)) {
        return None;
    }
    if i > 0 && doc.gap_before(i).is_empty() {
        return None;
    }
    // A lowercase `i` was a lowercase `l`.
    let l = if capital_article(doc, i) && t.text != "i" {
        "L"
    } else {
        "l"
    };
    let confidence = if merged { 0.8 } else { 0.9 };
    // A straight apostrophe is curled with the letter, as `straight_apostrophes` would once
    // the letter before it is one; a curly one is left out of the edit.
    let curl = if quote {
        doc.apostrophe
    } else {
        curled(doc, apostrophe)
    };
    if !spaced && curl == apostrophe {
        return Some(Edit::new(t.start, t.end, l, "elision-I-l", confidence));
    }
    let end = if spaced {
        next.start
    } else {
        t.end + apostrophe.len_utf8()
    };
    Some(Edit::new(
        t.start,
        end,
        format!("{l}{curl}"),
        "elision-I-l",
        confidence,
    ))
}

/// `tant | accueil`, `de | Etat`: the article `l’` read as `|`, its apostrophe faded into a
/// space. A pipe standing alone before a known vowel-initial word, after a lowercase word or a
/// list mark, on a line holding no other pipe (which would rule a table's columns), was the
/// article; in a text that reads like a scan (a typed table may rule one column).
fn spaced_pipe(doc: &Doc, i: usize) -> Option<Edit> {
    let t = doc.tokens[i];
    if t.text != "|" || doc.gap_after(i) != " " {
        return None;
    }
    let next = doc.tokens.get(i + 1)?;
    if !next.text.starts_with(char::is_alphabetic)
        || !vowel_initial(next.text)
        || is_all_caps(next.text)
        || doc.protected(i + 1)
        || !Lexicon::get().contains(&doc.settled(i + 1))
    {
        return None;
    }
    let text = doc.text;
    let line_start = text[..t.start].rfind('\n').map_or(0, |n| n + 1);
    let line_end = text[t.end..].find('\n').map_or(text.len(), |n| t.end + n);
    if text[line_start..line_end].matches('|').count() > 1 {
        return None;
    }
    // After a lowercase word (`Nom | Fonction` heads two columns) or a list mark.
    let before = text[line_start..t.start].trim_end();
    let word = before.rsplit(' ').next().unwrap_or("");
    let after_word = !word.is_empty() && word.chars().all(char::is_lowercase);
    if !(after_word || matches!(word, "-" | "–" | "•")) || !doc.scan() {
        return None;
    }
    let l = if capital_article(doc, i) { "L" } else { "l" };
    Some(Edit::new(
        t.start,
        next.start,
        format!("{l}{}", doc.apostrophe),
        "elision-pipe",
        0.8,
    ))
}

/// `président de association`, `bilan de accueil`: the article `l’` (a thin letter and a
/// mark) lost whole, as the English model drops it. French never writes `de` before a vowel:
/// the elided `d’` would have left its mark or its glued letter, so a lowercase `de` before a
/// known lowercase word opening on a vowel (not `h`, which may be aspirated) lost the article.
/// Words no article can precede are left.
fn lost_article(doc: &Doc, i: usize) -> Option<Edit> {
    // Words no article can precede (`d’autres`, `d’entre`, `d’abord`).
    const NO_ARTICLE: &[&str] = &[
        "autres", "entre", "environ", "ailleurs", "abord", "après", "avant", "avec", "ici",
        "aucun", "aucune", "une", "elle", "elles", "eux", "emblée", "ores", "onze", "oui",
    ];
    let t = doc.tokens[i];
    if t.text != "de" || doc.gap_after(i) != " " || !doc.scan() {
        return None;
    }
    let next = doc.tokens.get(i + 1)?;
    if !next.text.starts_with(|c: char| c.is_lowercase())
        || next.text.chars().count() < 4
        || doc.protected(i + 1)
    {
        return None;
    }
    // As written (`lassociation` is the glued rule's) and as the word rule leaves it (`ütre`
    // is `titre`).
    let vowel = |w: &str| fold(w).starts_with(['a', 'e', 'i', 'o', 'u']);
    let settled = doc.settled(i + 1);
    if !vowel(next.text)
        || !vowel(&settled)
        || NO_ARTICLE.contains(&settled.as_ref())
        || !Lexicon::get().contains(&settled)
    {
        return None;
    }
    Some(Edit::new(
        t.end,
        next.start,
        format!(" l{}", doc.apostrophe),
        "elision-lost-article",
        0.6,
    ))
}

/// Whether the article read at token `i` takes a capital: at a sentence's start, not at the
/// start of a line the one before wraps into (ending on a lowercase letter or a comma,
/// `représentants de` / `Vadministration`): the glyph read (`V`, `I`, `|`) tells no case.
fn capital_article(doc: &Doc, i: usize) -> bool {
    if !doc.sentence_start(i) {
        return false;
    }
    let before = doc.text[..doc.tokens[i].start].trim_end_matches([' ', '\t']);
    before.strip_suffix('\n').is_none_or(|line| {
        !line
            .trim_end_matches([' ', '\t', '\r'])
            .ends_with(|c: char| c.is_lowercase() || c == ',')
    })
}

/// A straight apostrophe in a document typed with curly ones is one (see `straight_apostrophes`).
fn curled(doc: &Doc, apostrophe: char) -> char {
    if apostrophe == '\'' {
        doc.apostrophe
    } else {
        apostrophe
    }
}

/// `!’État`, `]’outre-mer`, `}’accueil`: the article's `l` read as a mark that is no word
/// character, so that the word's gap holds it. A mark never opens a word before an apostrophe.
fn misread_l_mark(doc: &Doc, i: usize) -> Option<Edit> {
    let t = doc.tokens[i];
    // The gap ends with an apostrophe, maybe before one space. Neither is a word character,
    // so the bytes before the token tell without slicing the gap (which most tokens fail).
    let before = &doc.text.as_bytes()[..t.start];
    let before = before.strip_suffix(b" ").unwrap_or(before);
    if !before.ends_with(b"'") && !before.ends_with("\u{2019}".as_bytes()) {
        return None;
    }
    let whole = doc.gap_before(i);
    let gap = whole
        .strip_suffix(' ')
        .filter(|_| !is_all_caps(t.text))
        .unwrap_or(whole);
    let mut back = gap.char_indices().rev();
    let (_, apostrophe) = back.next().filter(|&(_, c)| is_apostrophe(c))?;
    let (at, _) = back.next().filter(|&(_, c)| matches!(c, '!' | ']' | '}'))?;
    if !back
        .next()
        .map_or(i == 0, |(_, c)| c.is_whitespace() || c == '(')
        || !vowel_initial(t.text)
        || doc.protected(i)
    {
        return None;
    }
    let start = t.start - whole.len() + at;
    let before = doc.text[..start].trim_end();
    let l = if before.is_empty() || before.ends_with(['.', '!', '?']) {
        "L"
    } else {
        "l"
    };
    Some(Edit::new(
        start,
        t.start,
        format!("{l}{}", curled(doc, apostrophe)),
        "elision-I-l",
        0.8,
    ))
}

/// `d’ Orléans`: the space after an elided word's apostrophe is scanning noise.
fn spaced(doc: &Doc, i: usize) -> Option<Edit> {
    let t = doc.tokens[i];
    if i + 1 >= doc.tokens.len() {
        return None;
    }
    let gap = doc.gap_after(i);
    let mut chars = gap.chars();
    if !chars.next().is_some_and(is_apostrophe) || !ELIDED.contains(&doc.lower(i)) {
        return None;
    }
    let space = chars.as_str();
    if space.is_empty()
        || !space.chars().all(char::is_whitespace)
        || space.matches('\n').count() > 1
    {
        return None;
    }
    // Headings in capitals are letter-spaced (`L’ AISNE`): the space may be the typist's.
    if !vowel_initial(doc.tokens[i + 1].text) || is_all_caps(doc.tokens[i + 1].text) {
        return None;
    }
    let start = t.end + gap.len() - space.len();
    Some(Edit::new(
        start,
        doc.tokens[i + 1].start,
        "",
        "elision-space",
        0.85,
    ))
}

/// `qu il`, `d un`: the apostrophe faded into a space. An elided letter never stands alone
/// before a vowel-initial word, so a lowercase one between spaces, before a known word, lost
/// its apostrophe. `qu` is no word either: before a consonant it is `qui` with its thin `i`
/// lost; before a verb (`qu assurent`) it is `qui` too, so it keeps its apostrophe only before
/// the words `qu’` elides into (`qu’il`, `qu’un`, `qu’à`), and is otherwise only a suggestion.
fn lost_apostrophe(doc: &Doc, i: usize) -> Option<Edit> {
    let t = doc.tokens[i];
    let next = doc.tokens.get(i + 1)?;
    let lower = doc.lower(i);
    if t.text != lower || !ELIDED.contains(&lower) || doc.gap_after(i) != " " {
        return None;
    }
    // A letter after a number or a sign is a unit or a list mark (`5 l`, `a) d`), not an article.
    let after_word = i == 0
        || doc.gap_before(i).ends_with([' ', '\n'])
            && doc.tokens[i - 1].text.chars().all(char::is_alphabetic);
    if !after_word || !next.text.starts_with(char::is_lowercase) {
        return None;
    }
    let qui = Edit::new(t.start, t.end, "qui", "qui-lost-i", 0.7);
    // `qu n’est`: the elided `n’`, `s’` of the verb that follows.
    if next.text.chars().count() < 2 {
        let elided_verb =
            ELIDED.contains(&next.text) && doc.gap_after(i + 1).starts_with(is_apostrophe);
        return (lower == "qu" && elided_verb).then_some(qui);
    }
    let settled = doc.settled(i + 1);
    if !Lexicon::get().contains(&settled) {
        return None;
    }
    let apostrophe = Edit::new(
        t.end,
        next.start,
        doc.apostrophe.to_string(),
        "elision-lost-apostrophe",
        0.75,
    );
    match (lower == "qu", vowel_initial(&settled)) {
        (false, true) => Some(apostrophe),
        (false, false) => None,
        (true, false) => Some(qui),
        (true, true) if QU_ELIDES_INTO.contains(&settled.as_ref()) => Some(apostrophe),
        (true, true) => Some(Edit {
            confidence: 0.45,
            ..qui
        }),
    }
}

/// Vowel-initial words after which `qu` is the elided `que`: pronouns, articles, prepositions
/// and adverbs; a verb there follows `qui`.
const QU_ELIDES_INTO: &[&str] = &[
    "il",
    "ils",
    "elle",
    "elles",
    "on",
    "un",
    "une",
    "en",
    "à",
    "au",
    "aux",
    "avec",
    "après",
    "avant",
    "alors",
    "ainsi",
    "aucun",
    "aucune",
    "entre",
    "ici",
    "aujourd",
    "autant",
    "eux",
    "enfin",
    "ensuite",
    "également",
];

/// A word the lexicon lacks that is an elided article glued to a vowel-initial word.
fn glued(doc: &Doc, i: usize) -> Option<Edit> {
    let t = doc.tokens[i];
    let lex = Lexicon::get();
    if doc.freq(i).is_some() || t.text.chars().count() < 4 || is_all_caps(t.text) {
        return None;
    }
    if i > 0
        && doc
            .gap_before(i)
            .ends_with(|c: char| is_apostrophe(c) || c == '-')
    {
        return None;
    }
    let (article, rest, confidence) = split_article(t.text)?;
    if !vowel_initial(rest) || rest.chars().count() < if article == "qu" { 3 } else { 2 } {
        return None;
    }
    // A word whose only damage is lost accents (`qualite`) is not an article and a word. (The
    // lookup comes after the tests on the letters, which most unknown words fail.)
    if lex.fold_freq(&fold(doc.lower(i))).is_some() {
        return None;
    }
    if doc.gap_after(i).starts_with('-') {
        return None;
    }
    // The rest keeps its own capital (`lEtat`); otherwise it is read as a lowercase word.
    let rest_lower = rest.to_lowercase();
    // A short rest is often a word by chance (`lars` is `lors`, `détai` is `délai`): only a
    // common one counts.
    let short = rest.chars().count() < 5;
    let (form, conf_rest) = match lex.freq(&rest_lower) {
        Some(freq) if freq >= if short { 450 } else { 100 } => (rest_lower.clone(), 1.0),
        Some(_) => return None,
        None => match word::correct(&rest_lower, Reach::Full) {
            // Only a sure reading of the rest: accents, or one cheap confusion in a long word.
            Some(fix)
                if fix.kind == Kind::Accent
                    && fix.confidence >= 0.7
                    && (rest.chars().count() >= 6 || lex.freq(&fix.form).unwrap_or(0) >= 450)
                    || fix.kind == Kind::Confusion(1)
                        && fix.confidence >= 0.85
                        && rest.chars().count() >= 5 =>
            {
                (fix.form, fix.confidence)
            }
            _ => return None,
        },
    };
    // A capital article letter other than `I` may start a name (`Pascal`): demand a common word.
    let strict = t.text.starts_with(['P', 'F', 'T', 'V']);
    if strict && lex.fold_freq(&fold(&form)).unwrap_or(0) < 250 {
        return None;
    }
    let rest_out = apply_case(rest, &form, false);
    let art = if article == "l" && capital_article(doc, i) {
        "L"
    } else {
        article
    };
    let after = format!("{art}{}{rest_out}", doc.apostrophe);
    Some(Edit::new(
        t.start,
        t.end,
        after,
        "elision-glued",
        confidence * conf_rest.min(0.95),
    ))
}

/// The article `glued` would split off `word` (`Paccueil` → `l`), for rules reading neighbours.
pub(super) fn glued_article(word: &str) -> Option<&'static str> {
    let lex = Lexicon::get();
    let lower = word.to_lowercase();
    if word.chars().count() < 4 || lex.contains(&lower) || lex.fold_freq(&fold(&lower)).is_some() {
        return None;
    }
    let (article, rest, _) = split_article(word)?;
    (vowel_initial(rest) && lex.freq(&rest.to_lowercase()).is_some_and(|f| f >= 100))
        .then_some(article)
}

/// The article a glued token starts with, the rest, and how sure the reading is.
fn split_article(word: &str) -> Option<(&'static str, &str, f32)> {
    let first = word.chars().next()?;
    let rest = &word[first.len_utf8()..];
    let (article, confidence) = match first {
        'l' | 'I' | '|' | '1' => ("l", 0.9),
        'P' | 'F' | 'T' | 'V' => ("l", 0.85),
        'd' => ("d", 0.9),
        _ => {
            return word.strip_prefix("qu").map(|rest| ("qu", rest, 0.85));
        }
    };
    Some((article, rest, confidence))
}

#[cfg(test)]
mod tests {
    use crate::repair::applied;

    #[test]
    fn a_pipe_before_a_word_was_the_article() {
        let scan =
            "Le cornité sest réuni dans Ia salle, lordre du jour apelle les pomts suivants.\n";
        let repaired = applied(&format!(
            "{scan}de préserver tant | accueil physique.\n- | écoute des usagers\n"
        ));
        assert!(
            repaired.ends_with("tant l'accueil physique.\n- L'écoute des usagers\n"),
            "{repaired}"
        );
        for tail in [
            "| accueil | 12 | oui\n",
            "Nom | adresse\n",
            "total 12 | accueil\n",
            "voir | ONU\n",
        ] {
            let repaired = applied(&format!("{scan}{tail}"));
            assert!(repaired.ends_with(tail), "{repaired}");
        }
        // A typed text's table may rule one column.
        assert_eq!(applied("fonction | intitulé\n"), "fonction | intitulé\n");
    }

    #[test]
    fn a_quote_after_a_misread_l_was_the_apostrophe() {
        assert_eq!(
            applied("les services de 1\"État en Moselle et de |\"Aisne\n"),
            "les services de l'État en Moselle et de l'Aisne\n"
        );
        for text in [
            "une information de 1\" niveau\n",
            "un écran de 1\"5\n",
            "la lettre I\"B\" du plan\n",
        ] {
            assert_eq!(applied(text), text);
        }
    }

    #[test]
    fn an_article_lost_after_de() {
        let scan =
            "Le cornité sest réuni dans Ia salle, lordre du jour apelle les pomts suivants.\n";
        let repaired = applied(&format!(
            "{scan}la présidente de association des familles et le bilan de accueil.\n"
        ));
        assert!(
            repaired
                .ends_with("présidente de l'association des familles et le bilan de l'accueil.\n"),
            "{repaired}"
        );
        for tail in [
            "de autres services, de entre eux, de Orléans.\n",
            "la notion de habitat et de un à trois.\n",
        ] {
            let repaired = applied(&format!("{scan}{tail}"));
            assert!(repaired.ends_with(tail), "{repaired}");
        }
        // The next word as the word rule leaves it (`ütre` is `titre`), or an article glued to it.
        let repaired = applied(&format!("{scan}la présidente de lassociation\n"));
        assert!(
            repaired.ends_with("présidente de l'association\n"),
            "{repaired}"
        );
        let repaired = applied(&format!("{scan}une demande de ütre de séjour\n"));
        assert!(
            repaired.ends_with("demande de titre de séjour\n"),
            "{repaired}"
        );
        // A typed text says what it means.
        assert_eq!(applied("le bilan de accueil\n"), "le bilan de accueil\n");
    }

    #[test]
    fn an_article_opening_a_wrapped_line_stays_lowercase() {
        assert_eq!(
            applied("accompagnées de représentants de\nVadministration, comprenait\n"),
            "accompagnées de représentants de\nl'administration, comprenait\n"
        );
        assert_eq!(
            applied("La séance est ouverte.\nVadministration présente le bilan.\n"),
            "La séance est ouverte.\nL'administration présente le bilan.\n"
        );
    }
}
