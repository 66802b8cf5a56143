//! Real-word errors that only the neighbours reveal: the preposition `à` read as `a` (accent
//! lost), `&` or `4` (English model), `près` read as `prés`.

use super::tokens::is_capitalised;
use super::Doc;
use crate::edit::Edit;
use crate::lexicon::Lexicon;

/// Words after which `a` is the verb (`il a`, `qui a`).
const SUBJECTS: &[&str] = &[
    "il",
    "elle",
    "on",
    "qui",
    "ce",
    "cela",
    "ça",
    "ceci",
    "chacun",
    "chacune",
    "tout",
    "y",
    "rien",
    "personne",
    "lui",
    "nul",
    "aucun",
    "aucune",
    "celui",
    "celle",
    "quiconque",
    "n",
    "ne",
];

/// Words that govern `à` (`grâce à`, `jusqu’à`, `relatif à`).
const GOVERNORS: &[&str] = &[
    "grâce",
    "quant",
    "face",
    "jusqu",
    "jusque",
    "relatif",
    "relative",
    "relatifs",
    "relatives",
    "conformément",
    "parallèlement",
    "suite",
    "consacré",
    "consacrée",
    "consacrés",
    "consacrées",
    "destiné",
    "destinée",
    "destinés",
    "destinées",
    "lié",
    "liée",
    "liés",
    "liées",
    "accès",
    "recours",
    "invité",
    "invitée",
    "invités",
    "invitées",
    "attention",
    "aide",
    "aides",
    "apte",
    "aptes",
    "difficulté",
    "difficultés",
    "intérêt",
    "droit",
    "sensible",
    "sensibles",
    "propre",
    "propres",
    "ouvert",
    "ouverte",
    "ouverts",
    "ouvertes",
    "rapport",
    "réponse",
    "réponses",
    "contribuer",
    "participer",
    "répondre",
    "permettre",
    "faire",
    "sert",
    "vise",
    "visant",
    "prêt",
    "prête",
    "prêts",
    "prêtes",
    "disponible",
    "disponibles",
    "ajout",
    "ajoutent",
    "ajoute",
    "nécessaire",
    "nécessaires",
    "favorable",
    "favorables",
];

/// Words that follow only the preposition (`à partir`, `à titre`, `à travers`).
const PREPOSITION_HEADS: &[&str] = &[
    "partir",
    "compter",
    "savoir",
    "titre",
    "travers",
    "proximité",
    "hauteur",
    "cause",
    "condition",
    "destination",
    "disposition",
    "distance",
    "domicile",
    "noter",
    "nouveau",
    "propos",
    "peine",
    "peu",
    "terme",
    "venir",
    "mesure",
    "présent",
    "jour",
    "moins",
    "priori",
    "posteriori",
    "fortiori",
    "minima",
    "maxima",
    "court",
    "long",
    "mi",
];

/// Determiners and pronouns after which `a` is more often `à` than the verb with an object.
const DETERMINERS: &[&str] = &[
    "la",
    "l",
    "le",
    "les",
    "ce",
    "cet",
    "cette",
    "ces",
    "leur",
    "leurs",
    "chaque",
    "tous",
    "toutes",
    "toute",
    "son",
    "sa",
    "ses",
    "notre",
    "votre",
    "nos",
    "vos",
    "mon",
    "ma",
    "mes",
    "eux",
    "elles",
    "celles",
    "ceux",
    "quelle",
    "quel",
    "quelles",
    "quels",
    "travers",
    "plusieurs",
];

/// Latin phrases keep the bare `a`.
const LATIN: &[&str] = &["priori", "posteriori", "fortiori", "minima", "maxima"];

pub(super) fn propose(doc: &Doc, done: &mut [bool], edits: &mut Vec<Edit>) {
    let grave_lost = grave_lost(doc);
    for i in 0..doc.tokens.len() {
        if done[i] || doc.protected(i) {
            continue;
        }
        let t = doc.tokens[i];
        let edit = match t.text {
            "a" | "A" => preposition_a(doc, i, grave_lost),
            "à" => verb_a(doc, i),
            "4" => preposition_digit(doc, i),
            "prés" | "Prés" => pres(doc, i),
            "M" => civility(doc, i),
            "Ja" | "Je" | "Jes" | "ja" | "jes" => capital_j(doc, i),
            word if word.len() >= 4 && word.starts_with('J') => capital_j_word(doc, i),
            madame if is_split_mme(madame) => civility_mme(doc, i),
            "11" => pronoun_il(doc, i),
            "ler" | "Ler" | "Ier" | "ier" | "ter" | "Ter" => first_of_month(doc, i),
            "là" => article_la(doc, i),
            "S" | "s" | "B" | "Z" | "G" => day_digit(doc, i),
            year if year.len() == 4 && year.starts_with('2') => year_zero(doc, i),
            hour if hour.as_bytes()[0].is_ascii_digit() || hour == "b" => hour_b(doc, i),
            _ if i > 0 && is_day(doc.tokens[i - 1].text) => month(doc, i),
            word if word.ends_with('e') || word.ends_with("es") => participle(doc, i),
            _ => None,
        };
        if let Some(edit) = edit {
            done[i] = true;
            edits.push(edit);
        }
    }
    ampersands(doc, edits);
}

fn lower_at<'d>(doc: &'d Doc, i: usize) -> Option<&'d str> {
    (i < doc.tokens.len()).then(|| doc.lower(i))
}

/// Whether tokens `i` and `i + 1` are separated by spaces only, or by a line wrap.
fn spaced(doc: &Doc, i: usize) -> bool {
    let gap = doc.gap_after(i);
    !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\n') && gap.matches('\n').count() <= 1
}

/// Whether the scan never reads a grave accent on a lone `a`, as the English model does: a
/// scan with three `a` or more and no `à`, where French prose has about two `à` for each `a`.
pub(super) fn grave_lost(doc: &Doc) -> bool {
    let count = |form: &str| {
        doc.words
            .iter()
            .find(|w| w.text == form)
            .map_or(0, |w| w.count)
    };
    count("a") >= 3 && count("à") + count("À") == 0 && doc.scan()
}

/// `a` before an infinitive or an à-only phrase, or after a word governing `à`. In a scan that
/// never reads `à` (`grave_lost`), `a` before a determiner after a noun is more often `à` too.
fn preposition_a(doc: &Doc, i: usize, grave_lost: bool) -> Option<Edit> {
    let t = doc.tokens[i];
    if i + 1 >= doc.tokens.len() || !spaced(doc, i) {
        return None;
    }
    // The next word as the elision and word rules will leave it (`a Paccueil` → `a l'accueil`).
    let settled = doc.settled(i + 1);
    let next = super::elision::glued_article(doc.tokens[i + 1].text).unwrap_or(&settled);
    if LATIN.contains(&next) || next == "t" {
        return None;
    }
    let capital = t.text == "A";
    // The previous word as the word rule will leave it, so that a second pass decides alike.
    let prev = if i > 0
        && !capital
        && (spaced(doc, i - 1) || doc.gap_before(i).ends_with(['\'', '\u{2019}']))
    {
        Some(doc.settled(i - 1))
    } else {
        None
    };
    if doc.gap_before(i).ends_with(['\'', '\u{2019}', '-'])
        && !prev.as_deref().is_some_and(|p| p == "jusqu")
    {
        return None;
    }
    if prev.as_deref().is_some_and(|p| SUBJECTS.contains(&p)) {
        return None;
    }
    let lex = Lexicon::get();
    let next_tok = doc.tokens[i + 1].text;
    // The verb's participle (which `verb_a` reads the same way, so that passes agree).
    let participle = next.ends_with('é') || PARTICIPLES.contains(&next);
    if participle {
        return None;
    }
    let infinitive = next.len() > 3
        && (next.ends_with("er")
            || next.ends_with("ir")
            || next.ends_with("re")
            || next.ends_with("oir"))
        && lex.contains(next)
        && next_tok.chars().all(char::is_lowercase);
    let confidence = if PREPOSITION_HEADS.contains(&next) {
        0.85
    } else if prev.as_deref().is_some_and(|p| GOVERNORS.contains(&p)) {
        0.85
    } else if infinitive {
        0.8
    } else if numbers_around(doc, i) {
        0.85
    } else if !capital
        && DETERMINERS_AFTER_A.contains(&next)
        && prev.as_deref().is_some_and(cannot_be_subject)
    {
        0.6
    } else if grave_lost
        && !capital
        && prev.is_some()
        && (next_tok.starts_with(|c: char| c.is_ascii_digit())
            || names_someone_or_somewhere(next_tok))
    {
        // The verb takes no number or name for its object nearly as often as `à` does (`levée
        // a 12h`, `a Metz`, `a Monsieur`), and this scan never reads the grave.
        0.6
    } else if !capital && DETERMINERS.contains(&next) && prev.is_some() {
        // `a la`, `a ce` after a noun: the verb with an object is common too; a suggestion.
        if grave_lost {
            0.6
        } else {
            0.45
        }
    } else {
        return None;
    };
    // A sentence-initial `A` is the capital `À` only before an à-only phrase.
    if capital && (confidence < 0.85 || !doc.sentence_start(i)) {
        return None;
    }
    Some(Edit::new(
        t.start,
        t.end,
        if capital { "À" } else { "à" },
        "a-grave",
        confidence,
    ))
}

/// A place, a person or a civility (`Metz`, `Monsieur`), not a word opening a sentence.
fn names_someone_or_somewhere(word: &str) -> bool {
    let lex = Lexicon::get();
    is_capitalised(word)
        && (lex.is_proper(word)
            || matches!(word, "Monsieur" | "Madame" | "Mme")
            || !lex.contains(&word.to_lowercase()))
}

/// Past participles that do not end in `-é` (those are recognised by their verb in `-er`).
const PARTICIPLES: &[&str] = &[
    "été",
    "eu",
    "pu",
    "dû",
    "su",
    "vu",
    "lu",
    "fait",
    "dit",
    "pris",
    "mis",
    "reçu",
    "obtenu",
    "tenu",
    "retenu",
    "maintenu",
    "venu",
    "rendu",
    "répondu",
    "perdu",
    "attendu",
    "entendu",
    "connu",
    "reconnu",
    "voulu",
    "fallu",
    "vécu",
    "paru",
    "permis",
    "soumis",
    "transmis",
    "admis",
    "compris",
    "appris",
    "repris",
    "entrepris",
    "acquis",
    "atteint",
    "rejoint",
    "ouvert",
    "offert",
    "produit",
    "conduit",
    "construit",
    "écrit",
    "inscrit",
    "décrit",
    "choisi",
    "réussi",
    "fourni",
    "établi",
    "accueilli",
    "rempli",
    "saisi",
    "réuni",
    "suivi",
    "fini",
    "défini",
    "bénéficié",
];

/// `la préfecture à obtenu`, `le standard à reçu`, `il à été`: the verb `a` with a speck read as
/// a grave accent. The preposition `à` is never followed by a past participle (possibly after
/// an adverb: `à déjà été`) nor preceded by a subject pronoun (`il à`, `il y à`). Participles in
/// `-é` are told from nouns (`à côté`, `à moitié`) by a verb in `-er` at least about as common.
fn verb_a(doc: &Doc, i: usize) -> Option<Edit> {
    let t = doc.tokens[i];
    if i == 0 || i + 1 >= doc.tokens.len() || !spaced(doc, i) || doc.gap_before(i) != " " {
        return None;
    }
    let prev = doc.settled(i - 1);
    let before_prev = if i > 1 && doc.gap_before(i - 1) == " " {
        doc.settled(i - 2)
    } else {
        "".into()
    };
    let subject = matches!(prev.as_ref(), "il" | "elle" | "on")
        || prev == "y" && matches!(before_prev.as_ref(), "il" | "n");
    let mut j = i + 1;
    if ADVERBS.contains(&doc.settled(j).as_ref()) && j + 1 < doc.tokens.len() && spaced(doc, j) {
        j += 1;
    }
    let next = doc.settled(j);
    let lowercase = doc.tokens[j].text.chars().all(char::is_lowercase);
    let confidence = if subject {
        0.85
    } else if lowercase && PARTICIPLES.contains(&next.as_ref()) {
        0.8
    } else if lowercase && participle_of_er_verb(&next) {
        0.7
    } else {
        return None;
    };
    Some(Edit::new(t.start, t.end, "a", "a-verb", confidence))
}

/// `réalisé` (`réaliser`), not `côté` (`côter` is far rarer than the noun): a past participle in
/// `-é` whose infinitive is at least a tenth as common (frequencies are logarithmic, 100 is
/// tenfold).
fn participle_of_er_verb(word: &str) -> bool {
    let Some(stem) = word.strip_suffix('é') else {
        return false;
    };
    if stem.chars().count() < 3 {
        return false;
    }
    let lex = Lexicon::get();
    let (Some(freq), Some(verb)) = (lex.freq(word), lex.freq(&format!("{stem}er"))) else {
        return false;
    };
    verb + 100 >= freq
}

/// `Mine`, `Mrne`, `Mnie`, `Mroe`, `Mmc`: `Mme` whose `m` the scan split into two letters (or
/// read as one thin one), or whose `e` it read as `c`.
fn is_split_mme(word: &str) -> bool {
    let Some(body) = word
        .strip_prefix('M')
        .and_then(|rest| rest.strip_suffix(['e', 'c']))
    else {
        return false;
    };
    word != "Mme"
        && matches!(
            body,
            "m" | "in" | "rn" | "ni" | "ri" | "im" | "mi" | "ro" | "ru" | "rr" | "nn" | "i"
        )
}

/// A split `Mme` before a name (a capitalised given name or a family name in capitals), not
/// inside a run of capitalised words.
fn civility_mme(doc: &Doc, i: usize) -> Option<Edit> {
    let next = doc.tokens.get(i + 1)?;
    if doc.gap_after(i) != " "
        || !next.text.chars().all(char::is_alphabetic)
        || next.text.chars().count() < 2
    {
        return None;
    }
    let lex = Lexicon::get();
    let name = super::tokens::is_all_caps(next.text)
        || is_capitalised(next.text)
            && (lex.is_proper(next.text) || !lex.contains(&next.text.to_lowercase()));
    let in_run = i > 0 && doc.gap_before(i) == " " && is_capitalised(doc.tokens[i - 1].text);
    if !name || in_run {
        return None;
    }
    let t = doc.tokens[i];
    Some(Edit::new(t.start, t.end, "Mme", "civility-mme", 0.8))
}

/// Determiners that open the object of `à` as often as that of the verb `a`.
const DETERMINERS_AFTER_A: &[&str] = &[
    "la", "l", "le", "les", "un", "une", "ce", "cet", "cette", "ces", "leur", "leurs", "son", "sa",
    "ses",
];

/// A word the verb `a` (third person singular) cannot have as its subject: a plural noun
/// (`les usagers a la`), a feminine or plural participle (`remontée a la`). Plurals are words
/// in `s` whose singular the lexicon knows, except the invariable ones that look like a plural
/// of another word (`mois`, `cours`).
fn cannot_be_subject(word: &str) -> bool {
    const INVARIABLE: &[&str] = &[
        "mois", "fois", "cours", "plus", "sous", "vers", "dos", "bus", "lors", "puis", "pas",
        "tous", "très", "dans", "dont",
    ];
    let lex = Lexicon::get();
    if word.chars().count() < 4 || !lex.contains(word) || INVARIABLE.contains(&word) {
        return false;
    }
    let plural = word
        .strip_suffix('s')
        .is_some_and(|singular| lex.freq(singular).is_some_and(|f| f >= 200));
    let participle = word.ends_with("ée") || word.ends_with("ées") || word.ends_with("és");
    plural || participle
}

/// `de 9 h a 12 h`, `de 10 a 20`: a range.
fn numbers_around(doc: &Doc, i: usize) -> bool {
    let starts_digit = |j: usize| {
        doc.tokens
            .get(j)
            .is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_digit()))
    };
    let ends_time = |j: usize| {
        doc.tokens.get(j).is_some_and(|t| {
            t.text
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit() || c == 'h')
        }) && doc.tokens[j].text.starts_with(|c: char| c.is_ascii_digit())
    };
    i > 0
        && (ends_time(i - 1) || (i > 1 && starts_digit(i - 2) && doc.tokens[i - 1].text == "h"))
        && starts_digit(i + 1)
}

/// `4` between words, before an article or infinitive: the English model's `à`. Also where no
/// count of four can stand: before an hour (`de 10h 4 12h`, `la séance 4 9h30`), an amount
/// with its unit (`s'établit 4 92,5 %`, `de 78 % 4 85 %`), a place (`la préfecture 4
/// Bourges`) or an elided article (`2023, 4 l'issue`).
fn preposition_digit(doc: &Doc, i: usize) -> Option<Edit> {
    if i == 0 || i + 1 >= doc.tokens.len() || !spaced(doc, i) {
        return None;
    }
    if no_count_follows(doc, i) {
        let t = doc.tokens[i];
        return Some(Edit::new(t.start, t.end, "à", "a-grave", 0.7));
    }
    if !spaced(doc, i - 1) {
        return None;
    }
    // The neighbours as the word rule leaves them, so that a second pass decides alike.
    let lowercase = |j: usize| doc.tokens[j].text.chars().all(char::is_lowercase);
    let article = super::elision::glued_article(doc.tokens[i + 1].text);
    if !lowercase(i - 1) || article.is_none() && !lowercase(i + 1) {
        return None;
    }
    let (prev, settled) = (doc.settled(i - 1), doc.settled(i + 1));
    let (prev, next) = (prev.as_ref(), article.unwrap_or(&settled));
    let lex = Lexicon::get();
    let word = |w: &str| lex.contains(w);
    const QUANTIFIERS: &[&str] = &[
        "les", "des", "ces", "aux", "ses", "nos", "vos", "leurs", "mes", "de", "sur", "par",
        "pour", "et", "ou", "à", "plus", "moins", "environ", "soit", "dont", "entre", "avec",
        "sont", "ont", "sur", "x",
    ];
    if !word(prev) || QUANTIFIERS.contains(&prev) || !word(next) {
        return None;
    }
    let head =
        DETERMINERS.contains(&next) || PREPOSITION_HEADS.contains(&next) || next.ends_with("er");
    // `le 4 février`: a number before a month is a day (and `février` ends in `-er`).
    if !head || MONTHS.contains(&next) {
        return None;
    }
    let t = doc.tokens[i];
    Some(Edit::new(t.start, t.end, "à", "a-grave", 0.7))
}

/// Whether what follows the digit `4` at `i` rules out a count of four (see
/// [`preposition_digit`]); the word before must be a word that no count follows either.
fn no_count_follows(doc: &Doc, i: usize) -> bool {
    let gap_before = doc.gap_before(i);
    if gap_before.contains('\n') {
        return false;
    }
    let prev = doc.tokens[i - 1].text;
    let prev_number = prev.starts_with(|c: char| c.is_ascii_digit()) || prev == "h";
    let after_word = gap_before == " "
        && prev.chars().all(char::is_lowercase)
        && Lexicon::get().contains(&doc.settled(i - 1))
        && !COUNTED.contains(&prev);
    let next = doc.tokens[i + 1].text;
    // `l'issue`: no count is elided; the article may follow a comma (`2023, 4 l'issue`).
    if next == "l"
        && doc.gap_after(i + 1).starts_with(['\'', '\u{2019}'])
        && (after_word || gap_before == ", ")
    {
        return true;
    }
    if hour_at(doc, i + 1) && (after_word || prev_number) {
        return true;
    }
    // A range of amounts, `de 78 % 4 85 %`, or an amount after a verb, `s'établit 4 92,5 %`.
    let range = prev_number && gap_before.trim() == "%";
    if (after_word || range) && amount_at(doc, i + 1) {
        return true;
    }
    is_capitalised(next) && after_word && Lexicon::get().is_proper(next)
}

/// Words a count of four follows (`les 4 jours`, `soit 4 sites`), for [`preposition_digit`].
const COUNTED: &[&str] = &[
    "les", "des", "ces", "aux", "ses", "nos", "vos", "leurs", "mes", "de", "sur", "par", "pour",
    "et", "ou", "à", "plus", "moins", "environ", "soit", "dont", "entre", "avec", "sont", "ont",
    "x", "rue", "article", "annexe", "page", "point", "module", "étape", "axe", "action", "niveau",
    "semaine", "tableau", "numéro", "no", "n", "chapitre", "titre", "partie",
];

/// An hour at token `j`: `9h30`, `10h`, `10 h`, `10 heures`.
fn hour_at(doc: &Doc, j: usize) -> bool {
    let Some(t) = doc.tokens.get(j) else {
        return false;
    };
    let digits = t.text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return false;
    }
    match &t.text[digits..] {
        "" => {
            doc.gap_after(j) == " "
                && doc
                    .tokens
                    .get(j + 1)
                    .is_some_and(|u| matches!(u.text, "h" | "heures" | "heure"))
        }
        rest => rest
            .strip_prefix('h')
            .is_some_and(|m| m.is_empty() || m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit())),
    }
}

/// An amount with its unit at token `j` (`92,5 %`, `85 %`, `1 250 000 €`, `20 minutes`): a
/// number that is no group of three digits (`4 300 usagers` may be a count of 4,300).
fn amount_at(doc: &Doc, j: usize) -> bool {
    const UNITS: &[&str] = &["minutes", "jours", "euros", "heures", "semaines", "mois"];
    let number = |k: usize| {
        doc.tokens
            .get(k)
            .is_some_and(|t| t.text.bytes().all(|b| b.is_ascii_digit()))
    };
    if !number(j) || doc.tokens[j].text.len() == 3 {
        return false;
    }
    let mut k = j;
    // Thousands groups and a decimal part: `1 250 000`, `92,5`.
    while k - j < 4 && matches!(doc.gap_after(k), " " | "," | ".") && number(k + 1) {
        k += 1;
    }
    let gap = doc.gap_after(k).trim_start();
    gap.starts_with(['%', '€'])
        || gap.is_empty()
            && doc
                .tokens
                .get(k + 1)
                .is_some_and(|u| UNITS.contains(&u.text))
}

/// `&` between lowercase words is the English model's `à`; `R & D` stays.
fn ampersands(doc: &Doc, edits: &mut Vec<Edit>) {
    for pos in memchr::memmem::find_iter(doc.text.as_bytes(), " & ") {
        let amp = pos + 1;
        let i = doc.tokens.partition_point(|t| t.end <= amp);
        if i == 0 || i >= doc.tokens.len() {
            continue;
        }
        let (prev, next) = (doc.tokens[i - 1], doc.tokens[i]);
        if prev.end != pos || next.start != amp + 2 {
            continue;
        }
        let lowercase = |w: &str| w.chars().all(|c| c.is_lowercase());
        if !lowercase(prev.text)
            || !(lowercase(next.text)
                || is_capitalised(next.text) && doc.gap_after(i).starts_with(['\'', '\u{2019}']))
        {
            continue;
        }
        let strong = DETERMINERS.contains(&next.text)
            || PREPOSITION_HEADS.contains(&next.text)
            || next.text.ends_with("er");
        edits.push(Edit::new(
            amp,
            amp + 1,
            "à",
            "ampersand-a",
            if strong { 0.85 } else { 0.6 },
        ));
    }
}

/// `M Dupont`, `M: le Préfet`, `M_ Paul DURAND`: the period of `M.` lost or read as a colon or
/// an underscore; read as a comma or semicolon only before a given name and a family name in
/// capitals (`M, Olivier CHAPPUIS`), where no list of letters stands.
fn civility(doc: &Doc, i: usize) -> Option<Edit> {
    let t = doc.tokens[i];
    let next = doc.tokens.get(i + 1)?;
    let gap = doc.gap_after(i);
    let before = doc.gap_before(i);
    // `J.-M Dupont`, `M-2`: the letter belongs to something else.
    if i > 0 && (before.is_empty() || before.ends_with(['.', '-', '\'', '\u{2019}'])) {
        return None;
    }
    let name = is_capitalised(next.text) && next.text.chars().all(char::is_alphabetic)
        || super::tokens::is_all_caps(next.text)
        || matches!(next.text, "le" | "la");
    let full_name_follows = || {
        is_capitalised(next.text)
            && doc.gap_after(i + 1) == " "
            && doc
                .tokens
                .get(i + 2)
                .is_some_and(|family| super::tokens::is_all_caps(family.text))
    };
    if !name
        || !(matches!(gap, " " | ": " | "_ ") || matches!(gap, ", " | "; ") && full_name_follows())
    {
        return None;
    }
    let end = t.end + gap.len() - 1;
    Some(Edit::new(t.start, end, "M.", "civility-period", 0.7))
}

/// `Ja`, `Jes`, `Je` inside a sentence: the `l` of an article read as a `J` (`ja`, `jes` are no
/// French words either).
fn capital_j(doc: &Doc, i: usize) -> Option<Edit> {
    if i == 0
        || doc.sentence_start(i)
        || doc.gap_before(i) != " "
        || !doc.tokens[i - 1].text.chars().all(char::is_lowercase)
    {
        return None;
    }
    let next = doc.tokens.get(i + 1)?;
    // Before a lowercase word, a place (`de Ja Loire`) or a day (`se tiendra Je 1er`).
    let place = is_capitalised(next.text)
        && next.text.chars().skip(1).all(char::is_lowercase)
        && !super::names::CIVILITIES.contains(&next.text);
    let day = doc.tokens[i].text == "Je" && is_day(next.text);
    if doc.gap_after(i) != " " || !(next.text.chars().all(char::is_lowercase) || place || day) {
        return None;
    }
    let t = doc.tokens[i];
    let after = format!("l{}", &t.text[1..]);
    Some(Edit::new(t.start, t.end, after, "capital-j", 0.7))
}

/// A capital `J` inside a sentence, after a lowercase word or a number, that no name explains: a `j` the
/// scan enlarged (`3 Jours ouvrés`, `en Juillet`) or an `l` read as a `J` (`Jocal`, `Jors`,
/// `Jeurs missions`), to the common word either spells. A given name or a place stays (the
/// lexicon's proper forms), and so does a capitalised word before a name in capitals; a typist
/// may capitalise a word (`Jeudi`), so only a scan's is lowercased.
fn capital_j_word(doc: &Doc, i: usize) -> Option<Edit> {
    let t = doc.tokens[i];
    let rest = &t.text[1..];
    let prev = doc.tokens.get(i.wrapping_sub(1)).map_or("", |p| p.text);
    if i == 0
        || doc.sentence_start(i)
        || doc.gap_before(i) != " "
        || !(prev.chars().all(char::is_lowercase) || prev.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    if !rest.chars().all(char::is_lowercase)
        || doc
            .tokens
            .get(i + 1)
            .is_some_and(|n| is_capitalised(n.text))
    {
        return None;
    }
    let lex = Lexicon::get();
    if lex.is_proper(t.text) {
        return None;
    }
    let common = |w: &str| lex.freq(w).is_some_and(|f| f >= 300);
    let j = format!("j{rest}");
    let after = if common(&j) && doc.scan() {
        j
    } else if lex.freq(&j).is_none() && common(&format!("l{rest}")) {
        format!("l{rest}")
    } else {
        return None;
    };
    Some(Edit::new(t.start, t.end, after, "capital-j", 0.7))
}

/// `11 ajoute`, `11 s’agit`: the pronoun `Il` (capital `I` and `l` both read as `1`) opening a
/// sentence. After the number eleven a noun is plural (`11 membres`); a verb in the third person
/// singular never ends in `s` or `x`, and an elided `s’`/`n’` or `y` follows only the pronoun.
fn pronoun_il(doc: &Doc, i: usize) -> Option<Edit> {
    let before = doc.text[..doc.tokens[i].start].trim_end_matches([' ', '\t']);
    if !before.ends_with(['.', '!', '?']) || doc.gap_after(i) != " " {
        return None;
    }
    let next = doc.tokens.get(i + 1)?.text;
    let after_next = doc.gap_after(i + 1);
    let clitic =
        matches!(next, "s" | "n") && after_next.starts_with(['\'', '\u{2019}']) || next == "y";
    let verb_like = next.chars().count() >= 2
        && next.chars().all(char::is_lowercase)
        && !next.ends_with(['s', 'x'])
        && !MONTHS.contains(&next)
        && Lexicon::get().contains(&doc.settled(i + 1));
    if !clitic && !verb_like {
        return None;
    }
    let t = doc.tokens[i];
    Some(Edit::new(t.start, t.end, "Il", "pronoun-il", 0.6))
}

/// `en 2922`, `l’année 2919.`: the `0` of a year read as another round glyph (`9`, `6`, `8`).
/// Only where a year is expected (after a month, `en`, `année`…, not before a noun), and only
/// when the document writes that year elsewhere: `Allo Service Public 3939` stays a number.
fn year_zero(doc: &Doc, i: usize) -> Option<Edit> {
    let t = doc.tokens[i];
    let digits = t.text.as_bytes();
    if !digits.iter().all(u8::is_ascii_digit) || !matches!(digits.get(1), Some(b'6' | b'8' | b'9'))
    {
        return None;
    }
    // The word before as the word rule leaves it (`l’annee` → `l’année`), as a second pass sees it.
    let prev = if i > 0 { doc.settled(i - 1) } else { "".into() };
    let cue = YEAR_CUES.contains(&prev.as_ref()) || MONTHS.contains(&prev.as_ref());
    let next_is_word = doc.gap_after(i) == " "
        && doc
            .tokens
            .get(i + 1)
            .is_some_and(|n| n.text.starts_with(char::is_lowercase));
    if !cue || next_is_word || doc.gap_before(i) != " " {
        return None;
    }
    let year = format!("20{}", &t.text[2..]);
    let written_elsewhere = doc.tokens.iter().any(|o| o.text == year);
    written_elsewhere.then(|| Edit::new(t.start, t.end, year, "year-zero", 0.6))
}

/// `le ler mars`, `ter juin`: the `1` of `1er` read as a letter, which only a month after it
/// shows (`12 ter rue` is an address).
///
/// `ler` and `Ier` are no words at all: after `le`, `du`, `au` they are `1er` before anything
/// (`du ler trimestre`, `du ler au 12 avril`).
fn first_of_month(doc: &Doc, i: usize) -> Option<Edit> {
    let t = doc.tokens[i];
    let month = i + 1 < doc.tokens.len() && MONTHS.contains(&doc.settled(i + 1).as_ref());
    let article = i > 0
        && matches!(t.text, "ler" | "Ier" | "ier")
        && doc.gap_before(i) == " "
        && matches!(
            doc.tokens[i - 1].text,
            "le" | "du" | "au" | "Le" | "Du" | "Au"
        );
    ((month || article) && doc.gap_after(i) == " ")
        .then(|| Edit::new(t.start, t.end, "1er", "first-of-month", 0.8))
}

/// `10 b 30`, `de 14b à 16 h`, `10b00`: the `h` of an hour whose stem the scan closed into a
/// `b` (no French word). A number up to 24 before it is an hour when minutes follow or when
/// it follows a word that introduces a time (`à`, `de`, `vers`); `14 b rue` stays an address.
fn hour_b(doc: &Doc, i: usize) -> Option<Edit> {
    let t = doc.tokens[i];
    let is_hour = |s: &str| {
        (1..=2).contains(&s.len())
            && s.bytes().all(|b| b.is_ascii_digit())
            && s.parse::<u8>().is_ok_and(|h| h <= 24)
    };
    let is_minutes = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()) && s < "60";
    // The hour's token: the `b` itself when glued (`14b30`), else the number before a lone `b`.
    let (hour_at, b_at, minutes) = if t.text == "b" {
        if i == 0 || doc.gap_before(i) != " " || !is_hour(doc.tokens[i - 1].text) {
            return None;
        }
        let minutes =
            doc.gap_after(i) == " " && doc.tokens.get(i + 1).is_some_and(|n| is_minutes(n.text));
        (i - 1, t.start, minutes)
    } else {
        let (hour, rest) = t.text.split_once('b')?;
        if !is_hour(hour) || !(rest.is_empty() || is_minutes(rest)) {
            return None;
        }
        (i, t.start + hour.len(), !rest.is_empty())
    };
    const CUES: &[&str] = &["à", "a", "de", "dès", "vers", "et", "entre", "jusqu"];
    let cue = hour_at > 0
        && matches!(doc.gap_before(hour_at), " " | "\u{2019}" | "'")
        && CUES.contains(&doc.lower(hour_at - 1));
    (minutes || cue).then(|| Edit::new(b_at, b_at + 1, "h", "hour-b", 0.7))
}

/// `de là qualité`, `ouvre là séance`: a speck above the `a` of the article. The adverb `là`
/// stands before `où`, punctuation, a line end or a function word (`là aussi`, `là depuis`);
/// before a noun (a known lowercase word that is not among the most frequent, or a
/// capitalised place) it is the article.
fn article_la(doc: &Doc, i: usize) -> Option<Edit> {
    if i == 0 || doc.gap_before(i) != " " || doc.gap_after(i) != " " {
        return None;
    }
    let next = doc.tokens.get(i + 1)?;
    let noun = if is_capitalised(next.text) {
        next.text.chars().skip(1).all(char::is_lowercase)
            && !super::names::CIVILITIES.contains(&next.text)
    } else {
        let settled = doc.settled(i + 1);
        next.text.chars().all(char::is_lowercase)
            && settled.chars().count() >= 4
            && !matches!(settled.as_ref(), "dessus" | "dessous")
            && Lexicon::get().freq(&settled).is_some_and(|f| f < 560)
    };
    if !noun || matches!(doc.lower(i - 1), "jusque" | "par" | "ici") {
        return None;
    }
    let t = doc.tokens[i];
    Some(Edit::new(t.start, t.end, "la", "article-la", 0.7))
}

/// `le S mars`, `jeudi B juin`: a one-digit day the scan read as the letter it resembles, which
/// only a month after it and an article or weekday before it show.
fn day_digit(doc: &Doc, i: usize) -> Option<Edit> {
    const BEFORE: &[&str] = &[
        "le", "du", "au", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ];
    if i == 0 || doc.gap_before(i) != " " || doc.gap_after(i) != " " || i + 1 >= doc.tokens.len() {
        return None;
    }
    if !BEFORE.contains(&doc.lower(i - 1)) || !MONTHS.contains(&doc.settled(i + 1).as_ref()) {
        return None;
    }
    let t = doc.tokens[i];
    let digit = match t.text {
        "S" | "s" => "5",
        "B" => "8",
        "Z" => "2",
        _ => "6",
    };
    Some(Edit::new(t.start, t.end, digit, "day-digit", 0.7))
}

/// A day of the month: `1` to `31`, or `1er`.
pub(super) fn is_day(text: &str) -> bool {
    text == "1er"
        || (1..=2).contains(&text.len()) && text.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

/// `19 mal 2023`, `11 rars 2024`, `3 senterbre 2022`: a month the scan damaged, between a day and
/// a year, where little else stands (`1er trimestre 2023`). The nearest month by edit distance,
/// when no other is as near (`mois` is as near `mai` as `mars`): one edit in the short months, two in `avril` to `octobre`, three
/// in the long ones (their common `-embre` leaves them far apart).
fn month(doc: &Doc, i: usize) -> Option<Edit> {
    let t = doc.tokens[i];
    let year = doc.tokens.get(i + 1).is_some_and(|y| {
        y.text.len() == 4
            && (y.text.starts_with("20") || y.text.starts_with("19"))
            && y.text.bytes().all(|b| b.is_ascii_digit())
    });
    if !year
        || doc.gap_before(i) != " "
        || doc.gap_after(i) != " "
        || t.text.chars().count() < 3
        || !t.text.chars().all(char::is_alphabetic)
    {
        return None;
    }
    let folded = crate::lexicon::fold(doc.lower(i));
    // A month or its abbreviation (`AVR`, `sept`).
    if MONTHS
        .iter()
        .any(|m| crate::lexicon::fold(m).starts_with(&folded))
    {
        return None;
    }
    let mut distances: Vec<(usize, &str)> = MONTHS
        .iter()
        .map(|m| (strsim::levenshtein(&folded, &crate::lexicon::fold(m)), *m))
        .collect();
    distances.sort_unstable();
    let ((best, month), (second, _)) = (distances[0], distances[1]);
    let reach = match month.chars().count() {
        ..=4 => 1,
        5..=7 => 2,
        _ => 3,
    };
    if best > reach || second == best {
        return None;
    }
    // French writes months in lowercase; a capital on a damaged one is as likely damage.
    let after = if super::tokens::is_all_caps(t.text) {
        month.to_uppercase()
    } else {
        month.to_string()
    };
    Some(Edit::new(t.start, t.end, after, "month", 0.7))
}

/// Words a year follows.
const YEAR_CUES: &[&str] = &[
    "en", "de", "année", "depuis", "fin", "début", "courant", "bilan", "exercice",
];

/// `ont été réalises`, `a demande`: a past participle whose final `é` lost its accent reads as
/// the present tense of the verb, which cannot follow an auxiliary. After `avoir` only the
/// participle fits; after `être`, whose `-e` word may be an adjective (`elle est présente`), only
/// when the participle is at least about as common.
fn participle(doc: &Doc, i: usize) -> Option<Edit> {
    let t = doc.tokens[i];
    let freq = doc.freq(i)?;
    let blank = |gap: &str| matches!(gap, " " | "\n");
    if t.text != doc.lower(i) || i == 0 || !blank(doc.gap_before(i)) {
        return None;
    }
    let stem = t
        .text
        .strip_suffix("es")
        .map(|s| (s, "és"))
        .or_else(|| t.text.strip_suffix('e').map(|s| (s, "é")));
    let (stem, ending) = stem?;
    if stem.chars().count() < 3 {
        return None;
    }
    // The auxiliary, maybe past one adverb (`est bien orienté`).
    let mut aux = i - 1;
    // Read as the word rule leaves them (`etait` → `était`), as a second pass sees them.
    let mut aux_word = doc.settled(aux);
    if ADVERBS.contains(&aux_word.as_ref()) && aux > 0 && blank(doc.gap_before(aux)) {
        aux -= 1;
        aux_word = doc.settled(aux);
    }
    if !blank(doc.gap_after(aux)) {
        return None;
    }
    let after_avoir = AVOIR.contains(&aux_word.as_ref());
    if !after_avoir && !ETRE.contains(&aux_word.as_ref()) {
        return None;
    }
    // `a cause`, `a mesure` are `à cause`, `à mesure` with their own accent lost.
    if aux_word == "a" && PREPOSITION_HEADS.contains(&t.text) {
        return None;
    }
    let form = format!("{stem}{ending}");
    let form_freq = Lexicon::get().freq(&form)?;
    // Frequencies are logarithmic: the participle must be about as common as the other reading,
    // less so after `avoir`, where the other reading is ungrammatical.
    let margin = if after_avoir { 60 } else { 10 };
    if form_freq + margin < freq {
        return None;
    }
    Some(Edit::new(
        t.start,
        t.end,
        form,
        "participle-accent",
        if after_avoir { 0.7 } else { 0.6 },
    ))
}

/// Auxiliary `avoir`, after which a verb is a past participle.
pub(super) const AVOIR: &[&str] = &[
    "a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient", "ai", "avons", "avez",
];

/// `être`, after which a verb is a past participle or an adjective.
const ETRE: &[&str] = &[
    "est", "sont", "était", "étaient", "sera", "seront", "serait", "seraient", "été", "être",
    "soit", "soient", "sommes", "êtes",
];

/// Adverbs set between an auxiliary and its participle.
const ADVERBS: &[&str] = &[
    "bien",
    "déjà",
    "également",
    "aussi",
    "toujours",
    "jamais",
    "pas",
    "plus",
    "très",
    "mal",
    "enfin",
];

/// `11 juin`: a date, not a pronoun.
pub(super) const MONTHS: &[&str] = &[
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// `prés de` is almost always `près de`.
fn pres(doc: &Doc, i: usize) -> Option<Edit> {
    let next = lower_at(doc, i + 1)?;
    if !matches!(next, "de" | "d" | "du" | "des") || !doc.gap_after(i).starts_with(' ') {
        return None;
    }
    let t = doc.tokens[i];
    let after = if t.text.starts_with('P') {
        "Près"
    } else {
        "près"
    };
    Some(Edit::new(t.start, t.end, after, "pres-pres", 0.8))
}

#[cfg(test)]
mod tests {
    use crate::repair::applied;

    #[test]
    fn a_capital_j_inside_a_sentence() {
        let scan = "le comlté a fixé un délai de 3 Jours ouvrés pour les rnembres du burcau";
        assert!(
            applied(scan).contains("de 3 jours ouvrés"),
            "{}",
            applied(scan)
        );
        assert_eq!(
            applied("une réunion du comité Jocal des usagers"),
            "une réunion du comité local des usagers"
        );
        assert_eq!(
            applied("un enrichissement de Jeurs missions"),
            "un enrichissement de leurs missions"
        );
        // Names stay: a given name, a word before a name in capitals.
        for text in [
            "le président Jean PLATEAUX",
            "la directrice Julie martin",
            "une visite Jeudi matin",
        ] {
            assert_eq!(applied(text), text);
        }
    }

    #[test]
    fn a_before_a_determiner_in_a_scan_that_never_reads_a_grave() {
        let scan = "Le comlté a exarniné les dossiers. Participaient a ce comlté les rnembres. Mme Dupont, adjointe a la cheffe du burcau, a présenté les résultats.";
        let fixed = applied(scan);
        assert!(
            fixed.contains("Participaient à ce") && fixed.contains("adjointe à la"),
            "{fixed}"
        );
        // The verb stays after its subject, and a scan that reads `à` elsewhere keeps the doubt.
        assert!(
            fixed.contains("Le comlté a exarniné") || fixed.contains("Le comité a examiné"),
            "{fixed}"
        );
        let reads_grave = scan.replace("Participaient a ce", "Participaient à ce");
        assert!(
            applied(&reads_grave).contains("adjointe a la"),
            "{}",
            applied(&reads_grave)
        );
    }

    #[test]
    fn a_before_a_number_or_a_name_in_a_scan_that_never_reads_a_grave() {
        let scan = "Le comlté a exarniné les dossiers. La séance est levée a 12h. Une permanence \
            ouvrira a Metz. Le délai est passé de 22 minutes a 8 minutes.";
        let fixed = applied(scan);
        for right in ["levée à 12h", "ouvrira à Metz", "minutes à 8 minutes"] {
            assert!(fixed.contains(right), "{right}: {fixed}");
        }
        // A scan that reads `à` elsewhere has the verb here: `la préfecture a 12 agents`.
        let reads_grave = format!("{scan} Il est invité à venir.");
        assert!(applied(&reads_grave).contains("levée a 12h"));
    }

    #[test]
    fn four_where_no_count_of_four_can_stand() {
        let fixed = applied(
            "Le comité se réunit de 14h 4 15h30 et ouvre la séance 4 9h30. Le taux s'établit \
             4 92,5 %, passé de 78 % 4 85 %. Le point numérique de la préfecture 4 Bourges \
             a ouvert le 9 octobre 2023, 4 l'issue de l'audit.",
        );
        for right in [
            "14h à 15h30",
            "séance à 9h30",
            "établit à 92,5",
            "78 % à 85 %",
            "préfecture à Bourges",
            "2023, à l'issue",
        ] {
            assert!(fixed.contains(right), "{right}: {fixed}");
        }
    }

    #[test]
    fn four_as_a_count_stays() {
        let text = "Le comité compte 4 agents, le 4 décembre, soit 4 300 usagers reçus et \
            4 guichets ; voir l'article 4 12 du règlement et les 4 10h de formation.";
        assert_eq!(applied(text), text);
    }

    #[test]
    fn an_hour_whose_h_was_read_as_b() {
        assert_eq!(
            applied("la séance est levée à 11 b 40."),
            "la séance est levée à 11 h 40."
        );
        assert_eq!(
            applied("une ouverture de 9 b à 12 h"),
            "une ouverture de 9 h à 12 h"
        );
        assert_eq!(
            applied("de 10b00 à 11h45, puis de 14b à 15h30"),
            "de 10h00 à 11h45, puis de 14h à 15h30"
        );
        // An address, a paragraph, an hour written right, a number past a day's hours.
        assert_eq!(
            applied("au 14 b rue Victor Hugo"),
            "au 14 b rue Victor Hugo"
        );
        assert_eq!(
            applied("de 9 h à 12 h, alinéa 3 b)"),
            "de 9 h à 12 h, alinéa 3 b)"
        );
        assert_eq!(applied("à 36 b 12"), "à 36 b 12");
    }

    #[test]
    fn the_article_la_read_with_a_grave_accent() {
        assert_eq!(
            applied("le bureau de là qualité et M. HEITZ ouvre là séance"),
            "le bureau de la qualité et M. HEITZ ouvre la séance"
        );
        assert_eq!(applied("la CPAM de là Loire"), "la CPAM de la Loire");
        // The adverb before `où`, a function word, punctuation; `-là`.
        assert_eq!(
            applied("c’est là où les usagers attendent"),
            "c’est là où les usagers attendent"
        );
        assert_eq!(
            applied("là aussi, il est là depuis le matin et là, rien"),
            "là aussi, il est là depuis le matin et là, rien"
        );
        assert_eq!(
            applied("ce jour-là séance tenante"),
            "ce jour-là séance tenante"
        );
    }

    #[test]
    fn a_month_damaged_between_a_day_and_a_year() {
        assert_eq!(
            applied("le vendredi 19 mal 2023, à 10 h"),
            "le vendredi 19 mai 2023, à 10 h"
        );
        assert_eq!(
            applied("le 3 senterbre 2022 et le 11 rars 2024"),
            "le 3 septembre 2022 et le 11 mars 2024"
        );
        // Months, other words, a tie (`mois` is as near `mai` as `mars`).
        assert_eq!(
            applied("le 19 mai 2023, le 1er trimestre 2023"),
            "le 19 mai 2023, le 1er trimestre 2023"
        );
        assert_eq!(
            applied("depuis 3 mois 2023 compris"),
            "depuis 3 mois 2023 compris"
        );
        assert_eq!(
            applied("Chaumont, le 08 AVR 2024"),
            "Chaumont, le 08 AVR 2024"
        );
    }

    #[test]
    fn a_day_read_as_a_letter() {
        assert_eq!(
            applied("le comité réuni le S mars 2024 et jeudi B juin"),
            "le comité réuni le 5 mars 2024 et jeudi 8 juin"
        );
        assert_eq!(
            applied("voir annexe B mars 2024 et le plan B"),
            "voir annexe B mars 2024 et le plan B"
        );
    }

    #[test]
    fn article_l_read_as_j_before_a_place_or_a_day() {
        assert_eq!(
            applied("la CPAM de Ja Loire et la réunion se tiendra Je 1er octobre"),
            "la CPAM de la Loire et la réunion se tiendra le 1er octobre"
        );
        assert_eq!(applied("la CPAM de la Loire"), "la CPAM de la Loire");
    }
}
