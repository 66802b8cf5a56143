//! The words the participants extractor relies on, in one place. Everything here is a
//! pattern of how minutes are written, never a person's name.

use super::Attendance;
use crate::latin::Window;
use once_cell::sync::Lazy;
use regex::Regex;
use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

/// Civilities as written → the schema's value. `Mmes`/`MM.` introduce several people.
pub const CIVILITIES: &[(&str, &str)] = &[
    ("Monsieur", "M."),
    ("monsieur", "M."),
    ("Messieurs", "M."),
    ("Madame", "Mme"),
    ("madame", "Mme"),
    ("Mademoiselle", "Mme"),
    ("Mesdames", "Mme"),
    ("Mmes", "Mme"),
    ("Mme.", "Mme"),
    ("Mme", "Mme"),
    ("Mlle", "Mme"),
    ("Melle", "Mme"),
    ("MM.", "M."),
    // What OCR makes of `Mme` and `M.` before a name.
    ("Mmie", "Mme"),
    ("Mime", "Mme"),
    ("Mine", "Mme"),
    ("Mne", "Mme"),
    ("Mie", "Mme"),
    // `Me` is also Maître, but before a name in committee minutes it is far more often `Mme`
    // with an `m` lost to the scan.
    ("Me", "Mme"),
    ("M:", "M."),
    ("Mr.", "M."),
    ("Mr", "M."),
    ("M.", "M."),
    ("M", "M."),
];

/// Titles written where a civility stands (`Dr Alain X`, `Pr Jean-Marc Y`): they announce a
/// name as a civility does, but say nothing the schema's civility can hold.
pub const TITLES: &[&str] = &["Docteur", "Professeur", "Dr.", "Dr", "Pr.", "Pr"];

/// A civility and the blank after it, to be found at a word start ([`crate::boundary`]).
pub static CIVILITY: Window = Window::new(concat!("(?:", civility_pattern!(), r")\s"));

/// The civilities of [`CIVILITIES`] as a regex alternation, longest first: a literal, for
/// `concat!` to build static patterns with.
macro_rules! civility_pattern {
    () => {
        r"Monsieur|Madame|monsieur|madame|Melle|Mmes|Mmie|Mime|Mine|Mme|Mne|Mie|Mlle|Me|MM\.|M\.|M:|M"
    };
}
pub(crate) use civility_pattern;

/// Lowercase words between a given name and a family name written in capitals (`Jean de
/// LA FONTAINE`).
pub const PARTICLES: &[&str] = &[
    "de", "du", "des", "d'", "le", "la", "van", "von", "di", "da", "del", "ben", "el",
];

/// First words of a role (folded: lowercase, no accents). A segment of a descriptor that
/// starts with one of these is a role; a capitalised word that is one of these is not a
/// given name.
pub const ROLE_NOUNS: &[&str] = &[
    "directeur",
    "directrice",
    "chef",
    "cheffe",
    "president",
    "presidente",
    "vice-president",
    "vice-presidente",
    "adjoint",
    "adjointe",
    "referent",
    "referente",
    "secretaire",
    "responsable",
    "delegue",
    "deleguee",
    "representant",
    "representante",
    "conseiller",
    "conseillere",
    "charge",
    "chargee",
    "membre",
    "maire",
    "prefet",
    "prefete",
    "sous-prefet",
    "sous-prefete",
    "administrateur",
    "administratrice",
    "tresorier",
    "tresoriere",
    "agent",
    "agente",
    "controleur",
    "controleuse",
    "correspondant",
    "correspondante",
    "coordonnateur",
    "coordonnatrice",
    "coordinateur",
    "coordinatrice",
    "inspecteur",
    "inspectrice",
    "apprenti",
    "apprentie",
    "ecrivain",
    "ecrivaine",
    "assistant",
    "assistante",
    "gestionnaire",
    "mediateur",
    "mediatrice",
    "animateur",
    "animatrice",
    "benevole",
    "webmestre",
    "commandant",
    "capitaine",
    "lieutenant",
    "commissaire",
    "attache",
    "attachee",
    "stagiaire",
    "juriste",
    "intervenant",
    "intervenante",
    "elu",
    "elue",
    "vice",
    "senateur",
    "senatrice",
    "depute",
    "deputee",
    "instructeur",
    "instructrice",
    "expert",
    "experte",
    "pilote",
    "porte-parole",
    "sous-directeur",
    "sous-directrice",
    "collaborateur",
    "collaboratrice",
];

/// Words that make a capitalised word an organisation or a place rather than a given name,
/// and a descriptor segment an organisation.
pub const ORG_MARKERS: &[&str] = &[
    "association",
    "prefecture",
    "sous-prefecture",
    "direction",
    "bureau",
    "service",
    "services",
    "udaf",
    "ufc",
    "union",
    "federation",
    "communaute",
    "centre",
    "maison",
    "secretariat",
    "conseil",
    "chambre",
    "mairie",
    "ville",
    "commune",
    "caisse",
    "club",
    "comite",
    "agence",
    "defenseur",
    "unite",
    "section",
    "institut",
    "office",
    "syndicat",
    "ministere",
    "departement",
    "region",
    "pole",
    "cellule",
    "mission",
    "france",
    "point",
    "espace",
    "collectif",
    "fondation",
    "groupement",
    "cabinet",
    "tribunal",
    "gendarmerie",
    "police",
    "etat",
    "republique",
    "liberte",
    "egalite",
    "fraternite",
    "sgcd",
    "ddt",
    "ddetspp",
    "ddpp",
    "dreets",
    "cpam",
    "caf",
    "msa",
    "ofii",
    "ants",
    "anef",
    "udccas",
    "ccas",
    "apf",
    "unpi",
    "clcv",
    "secours",
    "croix-rouge",
    "emploi",
    "participants",
    "presents",
    "excuses",
    "absents",
    "ordre",
    "introduction",
    "annexe",
    "objet",
];

/// Particles that join an organisation's name to the role that precedes it, and the
/// organisations that gold-standard minutes keep apart from the role
/// (`président de l'association X`).
pub static ROLE_ORG_SPLIT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(.*?\S)\s+(?:de\s+l['’]\s*|de\s+la\s+|du\s+|des\s+|d['’]\s*|de\s+)((?:association|union|fédération|federation|ufc|section|amicale|ligue|collectif)\b.*)$")
        .expect("static regex")
});

/// `représentant(e) [local(e)] de l'X`, `représentant l'X`: the role is the noun, the
/// organisation what it represents.
pub static REPRESENTATIVE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(représentante?s?(?:\s+(?:locale?|départementale?|régionale?|titulaire|suppléante?))?)\s+(?:de\s+l['’]\s*|de\s+la\s+|du\s+|des\s+|d['’]\s*|de\s+|l['’]\s*|la\s+|le\s+)(\S.*)$")
        .expect("static regex")
});

/// How a list of attendees is introduced, folded (lowercase, no accents). Presence first:
/// `Liste des participants et excusés` opens with the present; an annex may carry the list
/// (`Annexe 2 – Liste des participants`).
static PRESENT_HEADING: Window = Window::anchored(
    r"^(?:(?:annexe\W+(?:[0-9]+\W+|[ivx]+\W+)?)?(?:liste des (?:personnes )?(?:participants|presents)|(?:feuille|liste) d.emargement)|participants?\b|participaient|ont participe|(?:etaient |etait |sont |membres )?present(?:e|s|es)?\b|assistai(?:en)?t|assistaient egalement|en presence de|etaient presents|personnes presentes|composition du comite|membres du comite)",
);
static EXCUSED_WORD: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\bexcuse(?:e|s|es)?\b").expect("static regex"));
static ABSENT_HEADING: Window =
    Window::anchored(r"^(?:etaient |etait |membres )?absent(?:e|s|es)?\b");
/// `Invités :` lists guests who came; `Invités excusés` is caught by the excused rule first.
static INVITED_HEADING: Window = Window::anchored(r"^(?:personnes |etaient )?invite(?:e|s|es)?\b");
/// A table cell that only states attendance (`Présent(e)`, `Excusé`, `Absentes`).
static ATTENDANCE_CELL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(present|excuse|absent)(?:e|\(e\))?(?:s|\(s\))?$").expect("static regex")
});
/// Group headings that also say who is present (`Pour l'administration :`).
static PRESENT_GROUP_HEADING: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:pour (?:l'administration|les usagers|la prefecture|les services)|representants? (?:des|de l'|de la|du)\b)").expect("static regex")
});

/// The attendance a heading announces, if it is an attendance heading. A short heading whose
/// words the scan damaged (`Parucipants :`, `Mesnbres présents`) is read as the lexicon's
/// nearest words: the repair leaves capitalised words alone, as they may be names.
pub fn attendance_heading(heading: &str) -> Option<Attendance> {
    attendance_heading_as_written(heading).or_else(|| {
        let read = lexicon_words(heading)?;
        // Only the words of attendance headings: `DUPONT présente le bilan :` is no heading.
        let heading_words = fold(&read)
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .all(|w| HEADING_WORDS.contains(&w));
        heading_words
            .then(|| attendance_heading_as_written(&read))
            .flatten()
    })
}

/// The words attendance headings are made of (folded).
const HEADING_WORDS: &[&str] = &[
    "etaient",
    "etait",
    "sont",
    "membres",
    "personnes",
    "present",
    "presente",
    "presents",
    "presentes",
    "excuse",
    "excusee",
    "excuses",
    "excusees",
    "absent",
    "absente",
    "absents",
    "absentes",
    "participants",
    "participant",
    "participaient",
    "invites",
    "invitees",
    "assistaient",
    "egalement",
    "ou",
    "et",
    "representes",
    "representees",
    "liste",
    "des",
    "du",
    "comite",
    // `Assistaient à la réunion`, `Présents à la séance`.
    "a",
    "la",
    "reunion",
    "seance",
    "e",
    "s",
];

/// `heading` with each word one letter away from a heading word read as that word (`Étalent`:
/// the damage made another French word), each other word the lexicon lacks replaced by its
/// nearest French word or left out when there is none (a word too damaged to read), if the
/// heading is short enough to be a list heading and any word changed.
fn lexicon_words(heading: &str) -> Option<String> {
    // Inclusive writing (`Présent(e)s`) read as the plural the heading words know.
    let heading: std::borrow::Cow<str> = if heading.contains("(e") {
        heading.replace("(e)", "").replace("(es)", "").into()
    } else {
        heading.into()
    };
    let words: Vec<&str> = heading.split_whitespace().collect();
    // Checked first, as most short lines are no heading: a few words of letters, written in
    // capitals or with only the first letter of each word capitalised (names, acronyms and
    // numbers are entries and titles).
    let all_caps = !heading.chars().any(char::is_lowercase);
    let heading_like = |w: &&str| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        w.chars().all(char::is_alphabetic)
            && (all_caps || !w.chars().skip(1).any(char::is_uppercase))
    };
    if words.len() > 5 || heading.len() > 80 || !words.iter().all(heading_like) {
        return None;
    }
    // And one word at most two letters from a heading word, its first letter spared: the
    // lexicon's searches are dear.
    let near_heading_word = |w: &&str| {
        let folded = fold(w);
        folded.len() >= 5 && HEADING_WORDS.iter().any(|h| near(h, &folded, 2))
    };
    if !words.iter().any(near_heading_word) {
        return None;
    }
    let lexicon = crate::lexicon::Lexicon::get();
    let mut changed = false;
    let fixed: Vec<String> = words
        .iter()
        .filter_map(|word| {
            let lower = word.to_lowercase();
            let folded = fold(&lower);
            if folded.len() >= 5 && !HEADING_WORDS.contains(&folded.as_str()) {
                if let Some(word) = HEADING_WORDS.iter().find(|h| near(h, &folded, 1)) {
                    changed = true;
                    return Some((*word).to_string());
                }
            }
            if !(lower.chars().all(char::is_alphabetic)
                && lower.chars().count() >= 4
                && lexicon.freq(&lower).is_none())
            {
                return Some((*word).to_string());
            }
            changed = true;
            crate::repair::correct(&lower, crate::repair::Reach::Full)
                .filter(|fix| fix.confidence >= 0.5)
                .map(|fix| fix.form)
        })
        .collect();
    changed.then(|| fixed.join(" "))
}

/// `word` is at most `edits` letters from the heading word `heading` of five letters or more,
/// and starts with the same letter.
fn near(heading: &str, word: &str, edits: usize) -> bool {
    heading.len() >= 5
        && heading.len().abs_diff(word.len()) <= edits
        && heading.as_bytes().first() == word.as_bytes().first()
        && strsim::levenshtein(heading, word) <= edits
}

fn attendance_heading_as_written(heading: &str) -> Option<Attendance> {
    let f = fold(heading);
    let f = f.trim_start_matches(|c: char| !c.is_alphanumeric());
    if f.chars().count() > 160 {
        return None;
    }
    if PRESENT_HEADING.is_match(f) {
        Some(Attendance::Present)
    } else if EXCUSED_WORD.is_match(f) && f.chars().count() <= 80 {
        Some(Attendance::Excused)
    } else if ABSENT_HEADING.is_match(f) {
        Some(Attendance::Absent)
    } else if INVITED_HEADING.is_match(f) {
        Some(Attendance::Present)
    } else {
        None
    }
}

/// `Étaient présents`, `Participants`, `Excusés`: a heading that says who was there and
/// nothing else (unlike `Membres du comité`, `Représentants des usagers`).
pub fn only_states_attendance(heading: &str) -> bool {
    static ONLY: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"^(?:(?:etaient|etait|sont|membres|personnes)\s+)?(?:presente?s?|participants?|excusee?s?|absente?s?)$|^(?:liste des (?:personnes )?(?:participants|presents)|participaient|ont participe|assistaient)")
            .expect("static regex")
    });
    let f = fold(heading);
    ONLY.is_match(f.trim_matches(|c: char| !c.is_alphanumeric()))
}

/// `Invités :` names a group of its own (the guests), unlike `Étaient présents :`.
pub fn invited_heading(heading: &str) -> bool {
    let f = fold(heading);
    INVITED_HEADING.is_match(f.trim_start_matches(|c: char| !c.is_alphanumeric()))
        && !EXCUSED_WORD.is_match(&f)
}

/// The attendance a table cell states on its own, as in a `Présence` column.
pub fn attendance_cell(cell: &str) -> Option<Attendance> {
    let f = fold(cell.trim());
    match ATTENDANCE_CELL.captures(&f)?.get(1)?.as_str() {
        "present" => Some(Attendance::Present),
        "excuse" => Some(Attendance::Excused),
        _ => Some(Attendance::Absent),
    }
}

/// A column header announcing attendance written as one letter per row (`P/E/A`, `P / E`,
/// `Présence`).
pub fn is_attendance_code_header(cell: &str) -> bool {
    static HEADER: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"^(?:p\s*/\s*e(?:\s*/\s*a)?|p\s*/\s*a\s*/\s*e|presence|presences)$")
            .expect("static regex")
    });
    HEADER.is_match(&fold(cell.trim()))
}

/// `P : présent ; E : excusé ; A : absent.`: the key to such codes, under the table.
pub fn is_code_legend(line: &str) -> bool {
    static LEGEND: Window = Window::anchored(
        r"^[A-Z]\s*[:=]\s*\p{L}+(?:\(e\))?(?:\s*[;,/–-]\s*[A-Z]\s*[:=]\s*\p{L}+(?:\(e\))?)+\s*\.?$",
    );
    let line = line.trim();
    // The pattern's start, checked by hand: most lines fail it, and then the pattern need not
    // be built.
    let mut rest = line.chars();
    let opens = rest.next().is_some_and(|c| c.is_ascii_uppercase())
        && rest.as_str().trim_start().starts_with([':', '=']);
    opens && LEGEND.is_match(line)
}

/// The words of a participants table's header row.
const COLUMN_HEADER_WORDS: &[&str] = &[
    "nom",
    "noms",
    "prenom",
    "prenoms",
    "civilite",
    "fonction",
    "fonctions",
    "structure",
    "structures",
    "organisme",
    "organismes",
    "organisation",
    "service",
    "qualite",
    "role",
    "titre",
    "presence",
    "presences",
    "emargement",
    "signature",
    "et",
];

/// `Nom Fonction / structure Présence`, `Civilité Nom Prénom Structure Fonction`: a table's
/// header row whose cells a scan ran together on one line. A scan damages long words
/// (`Prénam`, `Suucture`), so those may be a letter or two away; a name column's header must
/// be there as written. Returns whether the row has an attendance column of one-letter codes.
pub fn column_header_line(line: &str) -> Option<bool> {
    let words: Vec<String> = line
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | ':' | ';' | '|' | ',' | '&'))
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect();
    let close_to = |w: &str, header: &str| {
        let (n, m) = (w.chars().count(), header.chars().count());
        let allowed = if m >= 7 {
            2
        } else if m >= 5 {
            1
        } else {
            0
        };
        n.abs_diff(m) <= allowed && strsim::levenshtein(w, header) <= allowed
    };
    let names_a_person = words.iter().any(|w| {
        matches!(
            w.as_str(),
            "nom" | "noms" | "prenom" | "prenoms" | "civilite"
        )
    });
    if words.len() < 2 || !names_a_person {
        return None;
    }
    let is_header = |w: &&String| COLUMN_HEADER_WORDS.iter().any(|h| close_to(w, h));
    // A word or two damaged past reading (`Suurture`, `BEA` for the codes `PEA`) among
    // headers read right still make a header row, short and opening with the name column.
    let opens_with_name = matches!(words[0].as_str(), "nom" | "noms" | "civilite");
    let mostly_headers = if opens_with_name && words.len() <= 6 {
        let headers = words.iter().filter(is_header).count();
        headers == words.len() || headers >= 2 && headers * 2 >= words.len()
    } else {
        words.iter().all(|w| is_header(&w))
    };
    mostly_headers.then(|| {
        words
            .iter()
            .any(|w| close_to(w, "presence") || close_to(w, "presences"))
    })
}

/// The attendance a one-letter code of such a column stands for: `P`, `E`, `A`.
pub fn attendance_code(cell: &str) -> Option<Attendance> {
    match cell.trim() {
        "P" | "p" => Some(Attendance::Present),
        "E" | "e" => Some(Attendance::Excused),
        "A" | "a" => Some(Attendance::Absent),
        _ => None,
    }
}

/// `(excusé)`, `, excusée`, `(absente)` closing an entry: the entry without it and the
/// attendance it states, which overrides the list's.
pub fn attendance_mark(desc: &str) -> Option<(&str, Attendance)> {
    // Anchored at the end: searched backwards from there, for which no literal prefilter helps.
    static MARK: Window = Window::new(
        r"(?i)(?:^|\s*,\s*|\s*\(\s*)(excus[ée](?:e|\(e\))?|absent(?:e|\(e\))?)\s*\)?\s*$",
    );
    let c = MARK.captures(desc)?;
    let attendance = attendance_cell(c.get(1)?.as_str())?;
    Some((desc[..c.get(0)?.start()].trim_end(), attendance))
}

/// `…, représenté par Mme X`, `remplacée par`: the clause's start and where the name of the
/// person who came in the entry's place starts.
pub fn represented_by(desc: &str) -> Option<(usize, usize)> {
    // An entry's description is short, and the pattern has no `\b` for the DFA to give up on.
    static CLAUSE: Window =
        Window::new(r"(?i),?\s*\(?\s*(?:repr[ée]sent[ée]|remplac[ée])e?\s+par\s+");
    CLAUSE.find(desc).map(|m| (m.start(), m.end()))
}

/// A sub-heading naming a service or site (`Direction de la citoyenneté`, `Sous-préfecture
/// de Bayonne`) rather than a kind of member (`Représentants des usagers`).
pub fn names_an_organisation(heading: &str) -> bool {
    heading
        .split_whitespace()
        .next()
        .is_some_and(|w| is_org_marker(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')))
}

/// `Pour l'administration :`, `Représentants des usagers :`: a group heading that can open
/// a list of present people on its own.
pub fn present_group_heading(heading: &str) -> bool {
    PRESENT_GROUP_HEADING.is_match(fold(heading).trim_start_matches(|c: char| !c.is_alphanumeric()))
}

/// The preamble of a heading that carries both the attendance and the group:
/// `Participaient à ce comité en qualité de représentants des usagers`.
pub static GROUP_PREAMBLE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^.*?\b(?:en (?:qualité|qualite|tant que?)|au titre) (?:de |d['’]\s*|des )?(.+)$",
    )
    .expect("static regex")
});

/// Who chaired: `Présidence : M. X`, `sous la présidence de Monsieur X`, `présidé par X`;
/// the words may be wrapped over two lines (`sous la` / `présidence de`).
/// Must start a word ([`crate::boundary`]); without the `\b` in the pattern, it needs no
/// prefilter, which was most of its build.
pub static CHAIR_INTRO: Window = Window::new(
    r"(?i)présidence\s*:\s*|président(?:e)?\s+de\s+(?:la\s+)?séance\s*:\s*|sous\s+la\s+présidence\s+de\s+|présidée?\s+par\s+",
);

/// `M. le représentant de l'UDAF`: an attendee without a personal name.
pub static UNNAMED: Window = Window::anchored(
    r"^(?:(?:M\.|Mme|Monsieur|Madame)\s+)?(?:[Ll]e|[Ll]a|[Ll]['’])\s*(représentante?|directeur|directrice|président|présidente|délégué|déléguée|chef|cheffe|maire|responsable|secrétaire général|secrétaire générale)\b\s*(?:(?:de\s+l['’]\s*|de\s+la\s+|du\s+|des\s+|d['’]\s*|de\s+)(.+))?$",
);

/// Lowercase, accents removed, typographic apostrophes made straight.
pub fn fold(s: &str) -> String {
    // ASCII has nothing to decompose: the common case, without the decomposition machinery.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    // Character by character: canonical reordering only moves combining marks, which are
    // dropped, so this is the decomposition of the whole string.
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        out.extend(
            c.nfd()
                .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
                .map(|c| if c == '’' { '\'' } else { c })
                .flat_map(char::to_lowercase),
        );
    }
    out
}

/// A role that says its holder presided over the meeting (`présidente de séance`,
/// `président de la séance`, `préside la séance`) or chairs the committee itself
/// (`présidente du comité`, `président du CLU`; not `du comité départemental de …`).
pub fn presides_the_meeting(role: &str) -> bool {
    static PRESIDING: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?:^|[^a-z])presid(?:ent|ente|e|ait|ant)\s+(?:(?:de\s+)?(?:la\s+)?(?:seance|reunion)|du\s+(?:comite\s+local|comite\s*(?:$|[,;.)])|clu(?:ac)?))(?:$|[^a-z])")
            .expect("static regex")
    });
    PRESIDING.is_match(&fold(role))
}

/// `préfecture du Morbihan (président)`: a bracket after an entry marking who presided.
/// Returns the text without it when it ends `field`.
pub fn without_chair_mark(field: &str) -> Option<&str> {
    static MARK: Window = Window::new(
        r"(?i)\s*\(\s*pr[ée]sid(?:ent|ente|ence)(?:\s+de\s+(?:la\s+)?s[ée]ance)?\s*\)\s*$",
    );
    MARK.find(field).map(|m| field[..m.start()].trim_end())
}

pub fn is_role_noun(word: &str) -> bool {
    let f = folded(word);
    let listed = |w: &str| ROLE_NOUNS.iter().any(|r| r.eq_ignore_ascii_case(w));
    listed(&f)
        || f.split('-')
            .next()
            .is_some_and(|head| listed(head) && !head.eq_ignore_ascii_case("vice"))
}

/// The header of a name column (`Nom`, `Prénom`, `NOM Prénom`).
pub fn is_column_header(word: &str) -> bool {
    matches!(
        folded(word).to_ascii_lowercase().as_str(),
        "nom" | "noms" | "prenom" | "prenoms"
    )
}

pub fn is_org_marker(word: &str) -> bool {
    let f = folded(word);
    ORG_MARKERS.iter().any(|m| m.eq_ignore_ascii_case(&f))
}

/// `word` for a comparison ignoring ASCII case with the lists above (all lowercase ASCII):
/// as it is when ASCII (asked for every word of every list, so without an allocation),
/// else folded.
fn folded(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(fold(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_headers_run_together() {
        assert_eq!(
            column_header_line("Nom Fonction / structure Présence"),
            Some(true)
        );
        assert_eq!(
            column_header_line("Civilité Nom Prénam Structure Fonction"),
            Some(false),
            "a scan's damage"
        );
        assert_eq!(column_header_line("Nom Suucture"), Some(false));
        assert_eq!(
            column_header_line("Structure Fonction"),
            None,
            "no name column"
        );
        assert_eq!(column_header_line("Nom de la structure : UDAF"), None);
        assert_eq!(column_header_line("Nom Suurture Fonrtion BEA"), Some(false));
        assert_eq!(column_header_line("Nom : M. Jean DUPONT"), None);
    }

    #[test]
    fn word_lists_are_lowercase_ascii() {
        for w in ROLE_NOUNS.iter().chain(ORG_MARKERS) {
            assert!(
                w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()),
                "{w}"
            );
        }
        assert!(
            is_role_noun("Présidente")
                && is_role_noun("VICE-PRÉSIDENT")
                && is_role_noun("Directeur-adjoint")
        );
        assert!(
            !is_role_noun("Vice-amiral") && is_org_marker("Préfecture") && !is_org_marker("Marie")
        );
    }

    #[test]
    fn invited_and_attendance_cells() {
        assert_eq!(attendance_heading("Invités :"), Some(Attendance::Present));
        assert_eq!(
            attendance_heading("Invités excusés :"),
            Some(Attendance::Excused)
        );
        assert_eq!(
            attendance_heading("Etait absent :"),
            Some(Attendance::Absent),
            "one person, singular"
        );
        assert_eq!(
            attendance_heading("Était présente"),
            Some(Attendance::Present)
        );
        assert_eq!(attendance_heading("Parucipants"), Some(Attendance::Present));
        assert_eq!(attendance_heading("Présect(e)s"), Some(Attendance::Present));
        assert_eq!(
            attendance_heading("Assistalent à la réunion"),
            Some(Attendance::Present)
        );
        assert_eq!(
            attendance_heading("Mme Léa PETIT présente la réunion"),
            None
        );
        assert_eq!(
            attendance_heading("Mesnbres présents où représentés"),
            Some(Attendance::Present)
        );
        assert_eq!(attendance_heading("Pour mémoire"), None);
        assert_eq!(attendance_heading("Dupontel présente le bilan"), None);
        assert_eq!(
            attendance_heading("Étalent présents :"),
            Some(Attendance::Present)
        );
        assert!(invited_heading("Invités :"));
        assert!(!invited_heading("Invités excusés"));
        assert_eq!(attendance_cell("Présent(e)"), Some(Attendance::Present));
        assert_eq!(attendance_cell("Excusée"), Some(Attendance::Excused));
        assert_eq!(attendance_cell(" Absent "), Some(Attendance::Absent));
        assert_eq!(attendance_cell("Présidente"), None);
    }

    #[test]
    fn organisation_headings() {
        assert!(names_an_organisation("Direction des titres"));
        assert!(names_an_organisation("Sous-préfecture de Dax"));
        assert!(!names_an_organisation("Représentants des usagers"));
        assert!(!names_an_organisation("Pour l'administration"));
    }
}
