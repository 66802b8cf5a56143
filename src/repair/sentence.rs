//! Sentence punctuation the scan lost or invented: a faint period between two sentences of one
//! line (`les usagers Il rappelle`), a speck read as a period inside a sentence (`qui. ne
//! peuvent`), a comma's tail read as a closing bracket nothing opened (`DURAND),`).

use super::tokens::is_protected;
use super::Doc;
use crate::edit::Edit;

pub(super) fn propose(doc: &Doc, edits: &mut Vec<Edit>) {
    for i in 0..doc.tokens.len() {
        // Each rule reads the gap after the word; most gaps are one space before a lowercase word.
        match doc.byte_after(i) {
            Some(b'.') => stray_period(doc, i, edits),
            Some(b')') => unopened_bracket(doc, i, edits),
            _ => {}
        }
        if doc
            .tokens
            .get(i + 1)
            .is_some_and(|t| t.text.as_bytes()[0].is_ascii_uppercase())
        {
            lost_period(doc, i, edits);
        }
    }
}

/// Words that open a French sentence and are written in lowercase inside one: personal
/// pronouns, articles, demonstratives. Capitalised after a lowercase word of the same line and
/// before a lowercase word, one starts a sentence whose period the scan lost (or read as a
/// comma or semicolon). Before a capital they may begin a name (`La Rochelle`, `Le Mans`).
const OPENERS: &[&str] = &[
    "Il", "Ils", "Elle", "Elles", "On", "Nous", "Le", "La", "Les", "Ce", "Cette", "Ces", "Un",
    "Une", "Des",
];

/// Prepositions and conjunctions of four letters or more that are not among the most frequent
/// words (`sous la présidence`).
const PREPOSITIONS: &[&str] = &[
    "sous",
    "vers",
    "chez",
    "sans",
    "selon",
    "entre",
    "depuis",
    "pendant",
    "contre",
    "parmi",
    "après",
    "avant",
    "durant",
    "malgré",
    "envers",
    "hors",
    "lors",
    "dont",
    "donc",
    "puis",
    "jusque",
    "auprès",
    "concernant",
    "suivant",
    "via",
];

fn lost_period(doc: &Doc, i: usize, edits: &mut Vec<Edit>) {
    let tokens = &doc.tokens;
    if i + 2 >= tokens.len() || !OPENERS.contains(&tokens[i + 1].text) {
        return;
    }
    let (word, opener, next) = (tokens[i], tokens[i + 1], tokens[i + 2]);
    let closes = matches!(doc.gap_after(i), " " | ", " | " , " | "; " | " ; " | ") ");
    let lowercase = |t: &str| {
        t.chars().count() >= 2 && t.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
    };
    if inside_sentence(doc, i) {
        if !is_protected(&doc.protected, opener.start, opener.end) {
            edits.push(Edit::new(
                opener.start,
                opener.start + 1,
                "l",
                "article-capital",
                0.6,
            ));
        }
        return;
    }
    // The preposition `à` (or `a` that lost its accent) ends no sentence either.
    let word_ok = lowercase(word.text) || matches!(word.text, "à" | "a");
    if !closes || !word_ok || doc.gap_after(i + 1) != " " || !lowercase(next.text) {
        return;
    }
    // Articles, prepositions and conjunctions (`et`, `sur`, `dans`) end no sentence: before
    // them the capital is the scan's (`l` read as `L`). They are short or very frequent.
    let settled = doc.settled(i);
    let function_word = settled.chars().count() < 4
        || crate::lexicon::Lexicon::get()
            .freq(&settled)
            .is_some_and(|f| f >= 600)
        || PREPOSITIONS.contains(&settled.as_ref());
    // An infinitive takes its object there (`d’assurer le suivi`).
    let infinitive =
        opener.text.starts_with('L') && (settled.ends_with("er") || settled.ends_with("ir"));
    if function_word || infinitive {
        // No sentence ends there: the capital of `La`, `Le`, `Les` between two lowercase words
        // of one sentence is an `l` the scan read as `L` (`sous La présidence`).
        if opener.text.starts_with('L')
            && doc.gap_after(i) == " "
            && !is_protected(&doc.protected, opener.start, opener.end)
        {
            edits.push(Edit::new(
                opener.start,
                opener.start + 1,
                "l",
                "article-capital",
                0.6,
            ));
        }
        return;
    }
    if is_protected(&doc.protected, word.start, next.end) {
        return;
    }
    let after = if doc.gap_after(i).starts_with(')') {
        "). "
    } else {
        ". "
    };
    edits.push(Edit::new(
        word.end,
        opener.start,
        after,
        "sentence-period",
        0.6,
    ));
}

/// A period glued to a word and followed by a lowercase word is a speck, unless the word is an
/// abbreviation (`cf.`, `env.`, `sept.`): those are short and rare as words, so only words of
/// six letters or more and the most frequent short ones (`qui`, `sur`, `pour`) qualify.
/// Other places where a capital `Le`/`La`/`Les` (token `i + 1`) cannot open a sentence, so that
/// its `L` is the scan's reading of a thick `l`: after a civility and before a lowercase word
/// (`M. Le représentant`); `Le` before a date, after a word of the same line (`recrutés Le 3
/// avril`: a sentence rarely opens on a date, a heavy scan often thickens the `l`); and
/// before a capitalised word, after a function word, where the document writes the same pair
/// with the lowercase article elsewhere (`de La Gironde` beside `la Gironde`, while `La Poste`,
/// `La Rochelle` keep their capital throughout).
fn inside_sentence(doc: &Doc, i: usize) -> bool {
    let tokens = &doc.tokens;
    let (word, opener, next) = (tokens[i], tokens[i + 1], tokens[i + 2]);
    if !opener.text.starts_with('L') || doc.gap_after(i + 1) != " " {
        return false;
    }
    let gap = doc.gap_after(i);
    let plain = |t: &str| t.chars().all(|c| c.is_alphabetic() && c.is_lowercase());
    if super::names::CIVILITIES.contains(&word.text) && matches!(gap, ". " | " ") {
        return next.text.chars().count() >= 2 && plain(next.text);
    }
    if gap != " "
        || !word.text.chars().all(char::is_alphabetic)
        || super::tokens::is_all_caps(word.text) && word.text.len() > 1
    {
        return false;
    }
    if opener.text == "Le" && super::context::is_day(next.text) {
        return doc.gap_after(i + 2) == " "
            && tokens
                .get(i + 3)
                .is_some_and(|_| super::context::MONTHS.contains(&doc.settled(i + 3).as_ref()));
    }
    if !super::tokens::is_capitalised(next.text)
        || !next.text.chars().skip(1).all(char::is_lowercase)
    {
        return false;
    }
    let settled = doc.settled(i);
    let function_word = settled.chars().count() < 4
        || crate::lexicon::Lexicon::get()
            .freq(&settled)
            .is_some_and(|f| f >= 600);
    let article = opener.text.to_lowercase();
    function_word
        && tokens.windows(2).enumerate().any(|(j, pair)| {
            pair[0].text == article && pair[1].text == next.text && doc.gap_after(j) == " "
        })
}

fn stray_period(doc: &Doc, i: usize, edits: &mut Vec<Edit>) {
    let tokens = &doc.tokens;
    if i + 1 >= tokens.len() || doc.gap_after(i) != ". " {
        return;
    }
    let (word, next) = (tokens[i], tokens[i + 1]);
    let all_lower = |t: &str| t.chars().all(|c| c.is_alphabetic() && c.is_lowercase());
    if !all_lower(word.text) || !all_lower(next.text) || next.text.len() < 2 {
        return;
    }
    // Read as the word rule leaves them, so that a second pass decides the same.
    let lex = crate::lexicon::Lexicon::get();
    let Some(freq) = lex.freq(&doc.settled(i)) else {
        return;
    };
    if lex.freq(&doc.settled(i + 1)).is_none() {
        return;
    }
    let letters = doc.settled(i).chars().count();
    if !(letters >= 6 || letters >= 2 && freq >= 640)
        || is_protected(&doc.protected, word.start, next.end)
    {
        return;
    }
    edits.push(Edit::new(word.end, word.end + 1, "", "stray-period", 0.6));
}

/// `DURAND),` with no bracket open on the line: the comma's tail was read as a bracket. (A
/// `{` or `[` may be the scan's reading of the opening one.)
fn unopened_bracket(doc: &Doc, i: usize, edits: &mut Vec<Edit>) {
    let word = doc.tokens[i];
    let gap = doc.gap_after(i);
    if !gap.starts_with("),") || word.text.chars().count() < 2 {
        return;
    }
    if !word.text.chars().all(char::is_alphabetic) {
        return;
    }
    let line = &doc.text[doc.text[..word.start].rfind('\n').map_or(0, |n| n + 1)..word.start];
    if line
        .rfind(['(', '{', '['])
        .is_some_and(|open| line.rfind([')', '}', ']']).is_none_or(|close| close < open))
    {
        return;
    }
    if !is_protected(&doc.protected, word.end, word.end + 1) {
        edits.push(Edit::new(
            word.end,
            word.end + 1,
            "",
            "unopened-bracket",
            0.6,
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::repair::applied;

    #[test]
    fn a_lost_period_between_sentences() {
        assert_eq!(
            applied("les dossiers sont traités Ils arrivent vite"),
            "les dossiers sont traités. Ils arrivent vite"
        );
        assert_eq!(
            applied("le guichet ferme, Elle propose un rendez-vous"),
            "le guichet ferme. Elle propose un rendez-vous"
        );
        assert_eq!(
            applied("les horaires du site (mairie) Les agents viennent"),
            "les horaires du site (mairie). Les agents viennent"
        );
        // Names, a line break, a capital after the opener, a number before it.
        assert_eq!(
            applied("la ville de La Rochelle"),
            "la ville de La Rochelle"
        );
        assert_eq!(
            applied("le bilan Le Monde publie"),
            "le bilan Le Monde publie"
        );
        assert_eq!(
            applied("la liste des dossiers\nLes agents viennent"),
            "la liste des dossiers\nLes agents viennent"
        );
        assert_eq!(
            applied("article 12 Le texte dit"),
            "article 12 Le texte dit"
        );
        // No sentence ends on a conjunction or an infinitive: the capital is an `l` read as `L`.
        assert_eq!(
            applied("les agents et Les usagers"),
            "les agents et les usagers"
        );
        assert_eq!(
            applied("afin d’assurer Le suivi"),
            "afin d’assurer le suivi"
        );
    }

    #[test]
    fn a_capital_article_inside_a_sentence() {
        assert_eq!(applied("le vote à La majorité"), "le vote à la majorité");
        assert_eq!(
            applied("présents : M. Le représentant de la CAF"),
            "présents : M. le représentant de la CAF"
        );
        assert_eq!(
            applied("ont été recrutés Le 3 avril 2023."),
            "ont été recrutés le 3 avril 2023."
        );
        assert_eq!(
            applied("la préfecture de la Gironde et la CAF de La Gironde"),
            "la préfecture de la Gironde et la CAF de la Gironde"
        );
        // A name, a sentence that opens on a date, a name the document always capitalises.
        assert_eq!(applied("M. Le Pen arrive"), "M. Le Pen arrive");
        assert_eq!(
            applied("la réunion. Le 3 avril 2023, les agents"),
            "la réunion. Le 3 avril 2023, les agents"
        );
        assert_eq!(
            applied("le guichet de La Poste et les bureaux de La Poste"),
            "le guichet de La Poste et les bureaux de La Poste"
        );
        assert_eq!(
            applied("le maire de La Rochelle"),
            "le maire de La Rochelle"
        );
    }

    #[test]
    fn a_speck_read_as_a_period() {
        assert_eq!(
            applied("les agents qui. ne peuvent pas"),
            "les agents qui ne peuvent pas"
        );
        assert_eq!(
            applied("le responsable. régional"),
            "le responsable régional"
        );
        // Abbreviations, a capital after, a name.
        assert_eq!(
            applied("voir cf. annexe et env. trois"),
            "voir cf. annexe et env. trois"
        );
        assert_eq!(applied("le 3 sept. dernier"), "le 3 sept. dernier");
        assert_eq!(applied("il part. Le reste"), "il part. Le reste");
    }

    #[test]
    fn a_bracket_nothing_opened() {
        assert_eq!(
            applied("M. Paul DURAND), chef du bureau"),
            "M. Paul DURAND, chef du bureau"
        );
        assert_eq!(applied("le bureau (SRU), chef"), "le bureau (SRU), chef");
        assert_eq!(applied("les points a), b) et c"), "les points a), b) et c");
        // A curly bracket opened it: the `)` stays, and the pair is round.
        assert_eq!(applied("le bureau {SRU), chef"), "le bureau (SRU), chef");
    }
}
