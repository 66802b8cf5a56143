//! Quantities written in digits: percentages, sums of money, counts of things, durations and
//! ordinals, read the French way (`192 807`, `75,9 %`, `120 000 €`, `1 580`).
//!
//! Not figures: years, dates, times of day, phone numbers, e-mail and web addresses, codes
//! glued to letters (`DDT51`, `AP2022`), numbers with a leading zero (`France victimes 02`),
//! codes like `34-00` and year spans `2022-2025`, list and section numbers (`1)`, `III/`,
//! `module n°1`, `axe 2`, `annexe 1`), and numbers inside proper names (`Les 3 Forêts`,
//! `Allo Service Public 3939`, `Qualipref 2.0`).
//!
//! A number with no unit after it counts only when the sentence introduces it as a quantity
//! (`passé de 34 … à 50`, `plus de 919 000`, `préfecture : 1600`); its unit is then taken from
//! `nombre de <noun>` or, for `<noun> … sont au nombre de 3`, from the sentence's subject.
//! A year-like number (1900–2099 without separator) is read as a year unless a `%` or `€`
//! follows it.

use crate::dates::text::{collapse_ws, fold, is_hspace, Sentences};
use crate::dates::DateMention;
use crate::latin::{Pattern, Window};
use crate::span::Span;
use once_cell::sync::Lazy;
use regex::Regex;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    Percent,
    Money,
    Count,
    Duration,
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Figure {
    pub text: String,
    pub value: f64,
    pub kind: FigureKind,
    /// `%`, `EUR`, the counted noun as written, or an English duration unit.
    pub unit: Option<String>,
    /// The sentence holding the figure, whitespace collapsed.
    pub context: String,
    pub span: Span,
}

/// A number: French thousands groups (space, no-break spaces, or dots of exactly three
/// digits), an optional decimal comma, or a plain run of digits with an optional decimal part.
static NUMBER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"[0-9]{1,3}(?:[ \u{a0}\u{202f}\u{2009}][0-9]{3})+(?:,[0-9]+)?|[0-9]+(?:[.,][0-9]+)?",
    )
    .expect("literal pattern")
});

/// Spans that hold digits but no quantity. E-mail addresses are found from their `@`
/// ([`emails`]): a pattern opening with `\S+` would be tried at every byte of the text.
static MASKS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(concat!(
        r"(?:\+33\s?|(?-u:\b)0)[0-9](?:[\s.\-]?[0-9]{2}){4}(?-u:\b)", // phone numbers
        r"|(?:https?://|www\.)\S+",                                   // web addresses
        r"|(?-u:\b)[0-9]{1,2}\s?[hH](?:\s?[0-5][0-9])?(?-u:\b)", // times of day: 14h30, 12h, 17h00
    ))
    .expect("literal pattern")
});

/// Spans of e-mail addresses: the non-blank run around each `@`.
fn emails(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    text.match_indices('@').filter_map(|(at, _)| {
        let start = text[..at].rfind(char::is_whitespace).map_or(0, |k| {
            k + text[k..].chars().next().map_or(1, char::len_utf8)
        });
        let end = text[at + 1..]
            .find(char::is_whitespace)
            .map_or(text.len(), |k| at + 1 + k);
        (start < at && end > at + 1).then_some((start, end))
    })
}

/// Words after which a number is a reference, not a quantity (folded).
const REFERENCE_WORDS: [&str; 34] = [
    "module",
    "modules",
    "axe",
    "axes",
    "annexe",
    "annexes",
    "article",
    "articles",
    "n°",
    "no",
    "numero",
    "page",
    "pages",
    "chapitre",
    "partie",
    "point",
    "etape",
    "phase",
    "section",
    "lot",
    "tome",
    "version",
    "loi",
    "decret",
    "arrete",
    "salle",
    "bureau",
    "batiment",
    "porte",
    "rue",
    "avenue",
    "boulevard",
    "cedex",
    "piece",
];

/// `1 rue de la Préfecture`, `10 place Foch`: the number of an address. Only a street
/// type in the singular followed by its name (`3 places de parking` and `1 place
/// disponible` are counts).
fn street_number(text: &str, reading: &Reading) -> bool {
    const STREETS: &[&str] = &[
        "rue",
        "avenue",
        "boulevard",
        "bd",
        "allee",
        "impasse",
        "chemin",
        "quai",
        "square",
        "esplanade",
        "place",
        "route",
    ];
    if !reading
        .unit
        .as_deref()
        .is_some_and(|unit| STREETS.contains(&fold(unit).as_str()))
    {
        return false;
    }
    let name = text[reading.end..].trim_start_matches([' ', '\u{a0}']);
    name.starts_with(char::is_uppercase)
        || ["de ", "du ", "des ", "d'", "d’"]
            .iter()
            .any(|p| name.starts_with(p))
}

/// Words that cannot be the counted noun right after a number (folded).
const NOT_UNITS: &[&str] = &[
    "a", "à", "au", "aux", "de", "d", "du", "des", "en", "et", "ou", "le", "la", "les", "l", "un",
    "une", "sur", "par", "pour", "avec", "dans", "sans", "soit", "contre", "dont", "ont", "sont",
    "est", "etait", "sera", "seront", "fut", "qui", "que", "qu", "ce", "cet", "cette", "ces", "se",
    "s", "il", "ils", "elle", "elles", "on", "nous", "vous", "y", "ne", "n", "pas", "plus",
    "moins", "environ", "pres", "fin", "debut", "mi", "courant", "afin", "puis", "ainsi", "alors",
    "car", "mais", "donc", "or", "ni", "si", "selon", "vers", "chez", "entre", "sous", "depuis",
    "pendant", "lors", "des", "hors", "via", "parmi", "avant", "apres", "etc", "cf", "tous",
    "toutes", "tout", "chaque", "son", "sa", "ses", "leur", "leurs", "mon", "ma", "notre", "votre",
    "c", "j", "m", "t", "ont", "avait", "avaient", "font", "fait", "peut", "peuvent", "doit",
    "doivent", "ans", "an", "annee", "annees", "jusqu", "jusque", "lorsque", "quand", "comme",
    "meme", "aussi", "deja", "encore", "bis", "ter", "e", "er", "eme",
];

/// Adjectives that sit between a number and its noun (`3 nouvelles mairies`, `5 grands axes`).
const PRE_NOUN_ADJECTIVES: &[&str] = &[
    "nouveau",
    "nouveaux",
    "nouvel",
    "nouvelle",
    "nouvelles",
    "prochain",
    "prochains",
    "prochaine",
    "prochaines",
    "dernier",
    "derniers",
    "derniere",
    "dernieres",
    "premier",
    "premiers",
    "premiere",
    "premieres",
    "grand",
    "grands",
    "grande",
    "grandes",
    "petit",
    "petits",
    "petite",
    "petites",
    "seul",
    "seuls",
    "seule",
    "seules",
    "autres",
    "principaux",
    "principales",
    "gros",
    "bons",
    "bonnes",
    "vrais",
    "longs",
    "longues",
    "courts",
    "courtes",
    "anciens",
    "anciennes",
];

/// Ordinal suffixes glued to (or split by OCR from) a number.
const ORDINAL_SUFFIXES: [&str; 12] = [
    "er", "ere", "re", "eme", "e", "nd", "nde", "ieme", "em", "ᵉ", "ᵉʳ", "è",
];

#[derive(Clone)]
struct Reading {
    kind: FigureKind,
    unit: Option<String>,
    /// End of the figure's text (after its unit or symbol).
    end: usize,
    /// No unit, symbol or noun followed the number.
    bare: bool,
    /// Multiplier written out after the number (`millions`), 1 otherwise.
    scale: f64,
}

/// One blank run after a number: spaces and at most one line break, but not across a blank
/// line or into a new list item.
fn skip_gap(s: &str) -> usize {
    let mut end = 0;
    let mut newline = false;
    for (k, c) in s.char_indices() {
        if is_hspace(c) {
            end = k + c.len_utf8();
        } else if c == '\n' && !newline {
            let next = s[k + 1..].trim_start_matches(is_hspace);
            if next.starts_with(['\n', '-', '–', '•', '✓', '*', '+', '⇒']) {
                break;
            }
            newline = true;
            end = k + 1;
        } else {
            break;
        }
    }
    end
}

/// The word at the start of `s`: letters, with inner hyphens (`sous-préfectures`).
fn word_len(s: &str) -> usize {
    let mut end = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((k, c)) = chars.next() {
        let inner_hyphen =
            c == '-' && end > 0 && chars.peek().is_some_and(|(_, n)| n.is_alphabetic());
        if !(c.is_alphabetic() || inner_hyphen) {
            break;
        }
        end = k + c.len_utf8();
    }
    end
}

fn duration_unit(folded: &str) -> Option<&'static str> {
    Some(match folded {
        "jour" | "jours" | "j" => "days",
        "semaine" | "semaines" => "weeks",
        "mois" => "months",
        "an" | "ans" | "annee" | "annees" => "years",
        "heure" | "heures" => "hours",
        "minute" | "minutes" | "min" | "mn" => "minutes",
        "seconde" | "secondes" => "seconds",
        _ => return None,
    })
}

fn is_month(folded: &str) -> bool {
    crate::dates::MONTHS.contains(&folded)
}

fn is_acronym(w: &str) -> bool {
    let n = w.chars().count();
    (2..=6).contains(&n) && w.chars().all(|c| c.is_uppercase())
}

/// What follows the number (from `at`, just after its digits): unit, symbol or noun.
fn read_after(text: &str, at: usize, number_start: usize) -> Option<Reading> {
    let rest = &text[at..];
    // OCR renders a superscript ordinal suffix as `°` or a quote (`17°" accueil`, `1" niveau`).
    let marks = rest
        .chars()
        .take_while(|c| matches!(c, '°' | '"' | '”'))
        .map(char::len_utf8)
        .sum::<usize>();
    if marks > 0 {
        let g = skip_gap(&rest[marks..]);
        return match rest[marks + g..].chars().next() {
            Some(c) if g > 0 && c.is_lowercase() => read_ordinal(text, at + marks),
            _ => None,
        };
    }
    if let Some(reading) = scaled_euros(rest, at) {
        return Some(reading);
    }
    // Glued letters: an ordinal (`17ème`) or a code (`4G`); `1er` is handled as ordinal too.
    let glued = word_len(rest);
    if glued > 0 {
        let suffix = fold(&rest[..glued]);
        if !ORDINAL_SUFFIXES.contains(&suffix.as_str()) {
            return None;
        }
        return read_ordinal(text, at + glued);
    }
    let g = skip_gap(rest);
    let after = &rest[g..];
    let start = at + g;
    // A rate per thousand is no percentage: kind `other`, its symbol as unit (which a scan
    // reads `%o`).
    let per_mille = if after.starts_with('‰') {
        '‰'.len_utf8()
    } else if after.starts_with("%o") && !next_is_alphanumeric(&after[2..]) {
        2
    } else {
        0
    };
    if per_mille > 0 {
        return Some(Reading {
            kind: FigureKind::Other,
            unit: Some("‰".into()),
            end: start + per_mille,
            bare: false,
            scale: 1.0,
        });
    }
    // A scan may smudge a degree sign before the `%` (`75,9 °%`).
    let smudge = if after.starts_with("°%") {
        '°'.len_utf8()
    } else {
        0
    };
    if after[smudge..].starts_with('%') {
        return Some(Reading {
            kind: FigureKind::Percent,
            unit: Some("%".into()),
            end: start + smudge + 1,
            bare: false,
            scale: 1.0,
        });
    }
    if after.starts_with('€') {
        return Some(Reading {
            kind: FigureKind::Money,
            unit: Some("EUR".into()),
            end: start + '€'.len_utf8(),
            bare: false,
            scale: 1.0,
        });
    }
    if let Some(len) = misread_percent(after).filter(|_| g > 0) {
        // A decimal number is a rate or a sum: before a token no word is, it needs no rate
        // spoken of (`87,5 Po des usagers`).
        let decimal = text[number_start..at].contains(',');
        if decimal
            || speaks_of_rates(
                &text[text.floor_char_boundary(number_start.saturating_sub(RATE_REACH))
                    ..number_start],
            )
        {
            return Some(Reading {
                kind: FigureKind::Percent,
                unit: Some("%".into()),
                end: start + len,
                bare: false,
                scale: 1.0,
            });
        }
    }
    if let Some(reading) = scaled_euros(after, start) {
        return Some(reading);
    }
    let w = word_len(after);
    if w == 0 {
        return Some(bare(at));
    }
    let word = &after[..w];
    let f = fold(word);
    if let Some(scale) = scale_word(&f) {
        return Some(scaled(text, start + w, scale));
    }
    match f.as_str() {
        "pour"
            if fold(&after[..after.floor_char_boundary(after.len().min(12))])
                .starts_with("pour cent") =>
        {
            return Some(Reading {
                kind: FigureKind::Percent,
                unit: Some("%".into()),
                end: start + "pour cent".len(),
                bare: false,
                scale: 1.0,
            })
        }
        "euro" | "euros" | "eur" => {
            return Some(Reading {
                kind: FigureKind::Money,
                unit: Some("EUR".into()),
                end: start + w,
                bare: false,
                scale: 1.0,
            })
        }
        // `passé de 78 % à 85 %, soit +7 points`: a change of a rate, in percentage points.
        "point" | "points"
            if speaks_of_rates(
                &text[text.floor_char_boundary(number_start.saturating_sub(RATE_REACH))
                    ..number_start],
            ) || moves_by(text, number_start) =>
        {
            return Some(Reading {
                kind: FigureKind::Percent,
                unit: Some("points".into()),
                end: start + w,
                bare: false,
                scale: 1.0,
            })
        }
        "er" | "eme" | "ere" | "e" if g <= 1 && start > number_start => {
            return read_ordinal(text, start + w)
        }
        _ => {}
    }
    if is_month(&f) {
        return None; // a day of a month without year: a date, not a quantity
    }
    if let Some(unit) = duration_unit(&f) {
        let mut end = start + w;
        if unit == "days" {
            // `jours ouvrés`, `jours calendaires`, `jours francs` are still days.
            let g2 = skip_gap(&text[end..]);
            let w2 = word_len(&text[end + g2..]);
            if matches!(
                fold(&text[end + g2..end + g2 + w2]).as_str(),
                "ouvres" | "ouvrables" | "calendaires" | "francs"
            ) {
                end += g2 + w2;
            }
        }
        return Some(Reading {
            kind: FigureKind::Duration,
            unit: Some(unit.into()),
            end,
            bare: false,
            scale: 1.0,
        });
    }
    if PRE_NOUN_ADJECTIVES.contains(&f.as_str()) {
        let g2 = skip_gap(&after[w..]);
        let noun_at = start + w + g2;
        let w2 = word_len(&text[noun_at..]);
        if g2 > 0 && w2 > 0 {
            let noun = &text[noun_at..noun_at + w2];
            let nf = fold(noun);
            if let Some(unit) = duration_unit(&nf) {
                return Some(Reading {
                    kind: FigureKind::Duration,
                    unit: Some(unit.into()),
                    end: noun_at + w2,
                    bare: false,
                    scale: 1.0,
                });
            }
            if is_noun(noun, &nf) {
                return Some(count(text, noun_at, w2));
            }
        }
        return Some(bare(at));
    }
    if word.starts_with(char::is_uppercase) && !is_acronym(word) {
        // `8 France services`: the network counts; other capitalised words make a name.
        let tail = &after[w..];
        let next = tail.trim_start_matches(is_hspace);
        if f == "france"
            && fold(&next[..next.floor_char_boundary(next.len().min(8))]).starts_with("service")
        {
            let g2 = skip_gap(tail);
            let w2 = word_len(&tail[g2..]);
            return Some(Reading {
                kind: FigureKind::Count,
                unit: Some(collapse_ws(&after[..w + g2 + w2])),
                end: start + w + g2 + w2,
                bare: false,
                scale: 1.0,
            });
        }
        // A capital opening the next line starts a new line of text, not a name with the number.
        return rest[..g].contains('\n').then(|| bare(at));
    }
    if is_noun(word, &f) {
        return Some(count(text, start, w));
    }
    Some(bare(at))
}

fn next_is_alphanumeric(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_alphanumeric)
}

/// What Tesseract makes of a `%` after a number (`78 26 à 85 %`, `hausse de 14 2e.`, `87,5 Po`,
/// `93,5 9%`): a token no number is followed by, since a digit group after a number has three
/// digits. Its length.
fn misread_percent(after: &str) -> Option<usize> {
    let token = after
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ')'))
        .next()?;
    ["6", "26", "56", "96", "2e", "Yo", "Jo", "Po", "Ue", "9%"]
        .contains(&token)
        .then_some(token.len())
}

/// Bytes before `N points` searched for the rate it changes.
const RATE_REACH: usize = 160;

/// A percentage or a rate named in the text just before: `points` are then percentage points.
fn speaks_of_rates(before: &str) -> bool {
    let sentence = before.rsplit(['.', '\n']).next().unwrap_or(before);
    sentence.contains('%')
        || fold(sentence).contains("pour cent")
        || fold(sentence).contains("taux")
}

/// `en baisse de 3 points`, `une hausse de 2 points`: a rate moving by so many points, the
/// direction in words.
fn moves_by(text: &str, number_start: usize) -> bool {
    let before = fold(&collapse_ws(
        &text[text.floor_char_boundary(number_start.saturating_sub(40))..number_start],
    ));
    let Some(rest) = before.trim_end().strip_suffix(" de") else {
        return false;
    };
    [
        "hausse",
        "baisse",
        "progression",
        "recul",
        "augmentation",
        "diminution",
    ]
    .iter()
    .any(|w| rest.ends_with(w))
}

/// `12 k€`, `1,5 M€`, `2 Md€` (glued or not): thousands, millions, billions of euros. A scan
/// may read the `€` of `M€` as an `E`: `1,2 ME` standing alone is nothing else.
fn scaled_euros(after: &str, at: usize) -> Option<Reading> {
    let (symbol, scale) = [
        ("k€", 1e3),
        ("K€", 1e3),
        ("M€", 1e6),
        ("Md€", 1e9),
        ("Mds€", 1e9),
        ("ME", 1e6),
    ]
    .into_iter()
    .find(|(s, _)| {
        after.starts_with(s)
            && (s.ends_with('€') || !after[s.len()..].starts_with(char::is_alphanumeric))
    })?;
    Some(Reading {
        kind: FigureKind::Money,
        unit: Some("EUR".into()),
        end: at + symbol.len(),
        bare: false,
        scale,
    })
}

/// `million(s)` and `milliard(s)` written out after a number multiply it (`3,5 millions`).
fn scale_word(folded: &str) -> Option<f64> {
    match folded {
        "million" | "millions" => Some(1e6),
        "milliard" | "milliards" => Some(1e9),
        _ => None,
    }
}

/// What follows `N millions` (from `at`, after the scale word): `d'euros`, `€` or `euros`
/// make money; `de <noun>` a count of that noun; otherwise a count with no unit.
fn scaled(text: &str, at: usize, scale: f64) -> Reading {
    let g = skip_gap(&text[at..]);
    let rest = &text[at + g..];
    if rest.starts_with('€') {
        return Reading {
            kind: FigureKind::Money,
            unit: Some("EUR".into()),
            end: at + g + '€'.len_utf8(),
            bare: false,
            scale,
        };
    }
    // Elided `d'` and `de ` are both spelt out before the noun.
    let (elided, noun_at) = match rest.char_indices().nth(1) {
        Some((k, c)) if rest.starts_with(['d', 'D']) && matches!(c, '\'' | '’') => {
            (true, at + g + k + c.len_utf8())
        }
        _ if fold(&rest[..word_len(rest)]) == "de" => (false, at + g + 2 + skip_gap(&rest[2..])),
        _ => {
            return Reading {
                kind: FigureKind::Count,
                unit: None,
                end: at,
                bare: false,
                scale,
            }
        }
    };
    let w = word_len(&text[noun_at..]);
    let noun = &text[noun_at..noun_at + w];
    let nf = fold(noun);
    if matches!(nf.as_str(), "euro" | "euros") {
        return Reading {
            kind: FigureKind::Money,
            unit: Some("EUR".into()),
            end: noun_at + w,
            bare: false,
            scale,
        };
    }
    if w > 0 && (elided || is_noun(noun, &nf)) {
        return Reading {
            scale,
            ..count(text, noun_at, w)
        };
    }
    Reading {
        kind: FigureKind::Count,
        unit: None,
        end: at,
        bare: false,
        scale,
    }
}

fn is_noun(word: &str, folded: &str) -> bool {
    is_acronym(word)
        || (word.chars().count() >= 2
            && word.starts_with(char::is_lowercase)
            && !NOT_UNITS.contains(&folded))
}

fn bare(at: usize) -> Reading {
    Reading {
        kind: FigureKind::Count,
        unit: None,
        end: at,
        bare: true,
        scale: 1.0,
    }
}

/// A count of the noun at `noun_at`, extended by a following `France Services`
/// (`32 maisons France Services`).
fn count(text: &str, noun_at: usize, len: usize) -> Reading {
    let mut end = noun_at + len;
    let tail = &text[end..];
    let g = skip_gap(tail);
    if g > 0 && tail[g..].starts_with("France") {
        let w1 = word_len(&tail[g..]);
        let g2 = skip_gap(&tail[g + w1..]);
        let w2 = word_len(&tail[g + w1 + g2..]);
        if g2 > 0 && fold(&tail[g + w1 + g2..g + w1 + g2 + w2]).starts_with("service") {
            end += g + w1 + g2 + w2;
        }
    }
    Reading {
        kind: FigureKind::Count,
        unit: Some(collapse_ws(&text[noun_at..end])),
        end,
        bare: false,
        scale: 1.0,
    }
}

/// `17ème accueil`, `1er niveau`: kind `other`, unit the following noun. A month after it
/// makes a date, handled by the date grammar.
fn read_ordinal(text: &str, at: usize) -> Option<Reading> {
    let g = skip_gap(&text[at..]);
    let w = word_len(&text[at + g..]);
    if g == 0 || w == 0 {
        return Some(Reading {
            kind: FigureKind::Other,
            unit: None,
            end: at,
            bare: false,
            scale: 1.0,
        });
    }
    let word = &text[at + g..at + g + w];
    let f = fold(word);
    // Quarters and semesters (`1er trimestre 2016`, `1er semestre`) name periods, not quantities.
    if is_month(&f) || f == "trimestre" || f == "semestre" {
        return None;
    }
    Some(Reading {
        kind: FigureKind::Other,
        unit: Some(word.to_string()),
        end: at + g + w,
        bare: false,
        scale: 1.0,
    })
}

/// The token before `pos` (a word, or one punctuation character), folded, and its start.
fn previous_token(text: &str, pos: usize) -> (String, usize) {
    let before = text[..pos].trim_end_matches(|c: char| c.is_whitespace());
    let Some(last) = before.chars().next_back() else {
        return (String::new(), 0);
    };
    if !last.is_alphanumeric() && last != '°' {
        return (last.to_string(), before.len() - last.len_utf8());
    }
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '°')
        .last()
        .map_or(before.len(), |(k, _)| k);
    (fold(&before[start..]), start)
}

fn parse_value(digits: &str) -> Option<f64> {
    let plain: String = digits.chars().filter(|c| !is_hspace(*c)).collect();
    // `2.500` with a three-digit group is a French thousands dot; `2.5` a decimal point.
    let plain = match plain.split_once('.') {
        Some((_, frac)) if frac.len() == 3 && !plain.contains(',') => plain.replace('.', ""),
        _ => plain.replace(',', "."),
    };
    plain.parse().ok()
}

/// Sign of a number: U+2212 is always a minus; `-` only after `de`, `à`, `soit` or `(`,
/// because OCR turns bullets into dashes (`-89 %` in a list is 89 %).
fn is_negative(text: &str, start: usize) -> bool {
    let before = &text[..start];
    if before.ends_with('−') {
        return true;
    }
    let Some(b) = before.strip_suffix('-') else {
        return false;
    };
    let (prev, _) = previous_token(text, b.len());
    matches!(prev.as_str(), "de" | "à" | "a" | "soit" | "(")
}

// Anchored at the end: searched backwards from there, for which no literal prefilter helps.
static AGE_BEFORE: Window = Window::new(r"(?:\bagee?s?\s+de|\bde\s+\d+\s*(?:à|a|&|-|et)?)\s*$");
static COUNTED_NOUN: Pattern = Pattern::new(r"(?i)\bnombre\s+(?:de\s+|d['’])(\p{L}[\p{L}-]*)");
static SUBJECT: Pattern = Pattern::new(
    r"^\s*(?:[-•*]\s*)?(?i:les|des|nos|ces)\s+(\p{L}[\p{L}\s'’-]*?)\s*(?:\(|,|\bsont\b|\bétaient\b|\bseront\b)",
);

/// Every quantity of `text`, in text order.
pub fn find_figures(text: &str) -> Vec<Figure> {
    find_figures_with_dates(text, &crate::dates::find_dates(text))
}

/// [`find_figures`] given the dates of the same text (from [`crate::dates::find_dates`]), which
/// are not quantities: the pipeline has them already.
pub fn find_figures_with_dates(text: &str, dates: &[DateMention]) -> Vec<Figure> {
    let mut masked: Vec<(usize, usize)> =
        dates.iter().map(|d| (d.span.start, d.span.end)).collect();
    masked.extend(MASKS.find_iter(text).map(|m| (m.start(), m.end())));
    masked.extend(emails(text));
    masked.sort_unstable();
    // Merged into disjoint intervals so that one binary search answers "is this masked?".
    let mut disjoint: Vec<(usize, usize)> = Vec::with_capacity(masked.len());
    for (ms, me) in masked {
        match disjoint.last_mut() {
            Some(last) if ms <= last.1 => last.1 = last.1.max(me),
            _ => disjoint.push((ms, me)),
        }
    }
    let is_masked = |s: usize, e: usize| {
        let k = disjoint.partition_point(|&(ms, _)| ms < e);
        k > 0 && disjoint[k - 1].1 > s
    };
    let sentences = Sentences::new(text);

    // First pass: read each number; bare ones may borrow their unit from a range partner.
    let mut found: Vec<(usize, usize, f64, Reading)> = Vec::new();
    let mut read_until = 0;
    for m in NUMBER.find_iter(text) {
        // Digits inside the last figure's reading (`93,5 9%`, `G12`) are part of it.
        if m.start() < read_until {
            continue;
        }
        let misread = misread_number(text, m.start(), m.end());
        let (s, e) = misread
            .as_ref()
            .map_or((m.start(), m.end()), |(s, e, _)| (*s, *e));
        if is_masked(s, e) || misread.is_none() && glued_to_code(text, s, e) {
            continue;
        }
        let digits = misread
            .as_ref()
            .map_or(m.as_str(), |(_, _, digits)| digits.as_str());
        if digits.len() > 1 && digits.starts_with('0') && !digits.starts_with("0,") {
            continue; // department codes, zero-padded references
        }
        let (prev, _) = previous_token(text, s);
        if REFERENCE_WORDS.contains(&prev.as_str()) || prev == "°" {
            continue;
        }
        let Some(mut value) = parse_value(digits) else {
            continue;
        };
        // OCR leaves a dot after a number in running text (`1. avis neutre`); at the start of a
        // line that does not continue a wrapped sentence, `1.` numbers a list item.
        let mut after_at = e;
        // `six (6) semaines`, `cinquante-deux mille (52 000) visiteurs`: digits in brackets
        // repeat the number written in words before them; the unit follows the bracket.
        if prev == "(" && text[e..].starts_with(')') && spelt_out_before(text, s) {
            after_at = e + 1;
        }
        if text[e..].starts_with(". ")
            && text[e + 2..].starts_with(char::is_lowercase)
            && (!at_line_start(text, s) || continues_sentence(text, s))
        {
            after_at = e + 1;
        }
        let Some(mut reading) = read_after(text, after_at, s) else {
            continue;
        };
        if street_number(text, &reading) {
            continue;
        }
        if misread.is_some() {
            // Letters read as digits make a number only before what only follows quantities:
            // a sign, a unit, or a noun in the plural (`1} souhaite` is `Il souhaite`).
            let quantity = match reading.kind {
                FigureKind::Percent | FigureKind::Money | FigureKind::Duration => true,
                FigureKind::Count => {
                    !reading.bare
                        && reading
                            .unit
                            .as_deref()
                            .is_some_and(|u| u.ends_with(['s', 'x']))
                }
                FigureKind::Other => false,
            };
            if !quantity {
                continue;
            }
            // The digits read before the letters were taken as numbers of their own.
            found.retain(|f| f.0 < s);
        }
        if reading.kind == FigureKind::Other && at_line_start(text, s) && reading.unit.is_none() {
            continue;
        }
        let year_like = !digits.contains([' ', '\u{a0}', '\u{202f}', '\u{2009}', ',', '.'])
            && (1900..=2099).contains(&(value as i64));
        if year_like && !matches!(reading.kind, FigureKind::Percent | FigureKind::Money) {
            continue;
        }
        value *= reading.scale;
        if reading.kind == FigureKind::Duration
            && reading.unit.as_deref() == Some("hours")
            && (time_of_day(text, s, &prev, value) || hour_range(text, s, e))
        {
            continue;
        }
        if reading.bare && prev == "contre" {
            // `18 650 visiteurs en 2023, contre 21 300 en 2022`: the same quantity compared.
            let sentence = sentences.around(s);
            let compared = found
                .iter()
                .rev()
                .take_while(|f| sentences.around(f.0) == sentence)
                .find(|f| !f.3.bare && f.3.unit.is_some());
            if let Some(compared) = compared {
                reading = Reading {
                    end: e,
                    bare: false,
                    ..compared.3.clone()
                };
            }
        }
        if reading.bare && prev == "dont" {
            // `41 sites …, dont 14 à Lyon`: a part of the nearest count before it in the sentence
            // that is large enough to hold it, in that count's unit.
            let sentence = sentences.around(s);
            let whole = found
                .iter()
                .rev()
                .take_while(|f| sentences.around(f.0) == sentence)
                .find(|f| f.3.kind == FigureKind::Count && f.3.unit.is_some() && f.2 >= value);
            if let Some(whole) = whole {
                reading = Reading {
                    end: e,
                    bare: false,
                    ..whole.3.clone()
                };
            }
        }
        if reading.bare && prev == "," {
            // `Sur les 45 exigences du référentiel, 43 sont satisfaites`: a part of the whole
            // the sentence opens with, in its unit.
            let sentence = sentences.around(s);
            // The sentence's start may be a comma a scan read for its full stop.
            let whole = found
                .iter()
                .rev()
                .take_while(|f| sentences.around(f.0) == sentence)
                .last()
                .filter(|f| {
                    let opening = fold(text[sentence.0..f.0].trim());
                    let opening = opening.rsplit(", ").next().unwrap_or("");
                    f.3.kind == FigureKind::Count
                        && f.3.unit.is_some()
                        && f.2 >= value
                        && matches!(opening, "sur" | "sur les" | "sur ces" | "sur nos")
                });
            if let Some(whole) = whole {
                reading = Reading {
                    end: e,
                    bare: false,
                    ..whole.3.clone()
                };
            }
        }
        // `entre 4 et 6`: no `à` follows `entre`.
        if prev != "entre" && ocr_preposition_or_pronoun(text, s, e, digits) {
            continue;
        }
        if reading.bare {
            let accepted = match prev.as_str() {
                // `entre 4 et 6 jeunes`: kept only if the range's other end gives it a unit.
                "de" | "à" | "a" | "=" | "environ" | "soit" | "total" | "&" | "et" | "entre" => {
                    true
                }
                // `- préfecture : 1600` (OCR may read the colon as a dot): a figure only as the
                // value ending a list item, not as stray digits after a colon in prose.
                ":" | "." => ends_list_item(text, e) || (prev == ":" && unit_first_label(text, s)),
                _ => false,
            };
            if !accepted || at_line_start(text, s) {
                continue;
            }
        }
        // OCR reads a sentence-initial `Il` as `11` (`11 existe`, `‘11 souhaite`).
        if digits == "11" && matches!(prev.as_str(), "" | "." | "‘" | "'" | "’") {
            continue;
        }
        if reading.kind == FigureKind::Duration
            && reading.unit.as_deref() == Some("years")
            && AGE_BEFORE.is_match(&fold(
                &text[text.floor_char_boundary(s.saturating_sub(24))..s],
            ))
        {
            reading.kind = FigureKind::Other; // an age (`de 16 à 87 ans`), not a length of time
        }
        if is_negative(text, s) {
            value = -value;
        }
        read_until = reading.end.max(e);
        found.push((s, e, value, reading));
    }

    // A bare number joined to the next by `à`, `et`, `&`, `-` shares its reading (`de 16 à 87 ans`).
    for k in (0..found.len().saturating_sub(1)).rev() {
        if found[k].3.bare {
            let between = fold(text[found[k].1..found[k + 1].0].trim());
            if matches!(between.as_str(), "a" | "à" | "&" | "et" | "-" | "au")
                && !found[k + 1].3.bare
            {
                let next = found[k + 1].3.clone();
                found[k].3 = Reading {
                    end: found[k].1,
                    bare: false,
                    ..next
                };
            }
        }
    }

    found.retain(|f| !(f.3.bare && previous_token(text, f.0).0 == "entre"));

    // Figures of one sentence share its context: collapsed once.
    let mut context: Option<((usize, usize), String)> = None;
    found
        .into_iter()
        .map(|(s, e, value, r)| {
            let bounds = sentences.around(s);
            let context = match &context {
                Some((b, c)) if *b == bounds => c.clone(),
                _ => context
                    .insert((bounds, collapse_ws(&text[bounds.0..bounds.1])))
                    .1
                    .clone(),
            };
            let unit = r.unit.or_else(|| {
                if r.bare {
                    counted_noun(text, &sentences, s)
                } else {
                    None
                }
            });
            let end = r.end.max(e);
            Figure {
                text: text[s..end].to_string(),
                value,
                kind: r.kind,
                unit,
                context,
                span: Span::new(s, end),
            }
        })
        .collect()
}

/// Number words ending a number written out (folded): `six`, `cinquante-deux mille`.
const NUMBER_WORDS: [&str; 27] = [
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "vingt",
    "vingts",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
    "cent",
    "cents",
    "mille",
    "million",
    "millions",
];

/// The bracket before the number at `s` follows a number written in words.
fn spelt_out_before(text: &str, s: usize) -> bool {
    let (_, bracket) = previous_token(text, s);
    NUMBER_WORDS.contains(&previous_token(text, bracket).0.as_str())
}

/// Words that never follow a quantity: determiners and pronouns (folded).
const NOT_AFTER_QUANTITY: [&str; 15] = [
    "un",
    "une",
    "le",
    "la",
    "les",
    "l",
    "plusieurs",
    "ce",
    "cet",
    "cette",
    "ces",
    "son",
    "sa",
    "leur",
    "leurs",
];

/// OCR misreadings of words as digits: `4` for `à` (`destinés 4 accompagner`, `et 4 une`,
/// `personnes 4 mobilité`: a quantity of 4 takes a plural noun), `1’` for the article `l’`,
/// and `[1` / `|1` for the pronoun `Il`.
fn ocr_preposition_or_pronoun(text: &str, s: usize, e: usize, digits: &str) -> bool {
    let rest = &text[e..];
    match digits {
        "4" => {
            let Some(after) = rest.strip_prefix([' ', '\n']) else {
                return false;
            };
            let w = word_len(after);
            let word = &after[..w];
            let f = fold(word);
            w >= 2
                && word.starts_with(char::is_lowercase)
                && (NOT_AFTER_QUANTITY.contains(&f.as_str())
                    || !(f.ends_with('s') || f.ends_with('x') || duration_unit(&f).is_some()))
        }
        "1" | "11" => rest.starts_with(['’', '\'']) || text[..s].ends_with(['[', '|']),
        _ => false,
    }
}

/// A digit Tesseract reads as a letter: `G12 réponses` (612), `27 41B usagers`. Lowercase letters other than `o` and `l` are left out: glued to digits
/// they make codes and suffixes (`2bis`); so are brackets, which are as often misread
/// brackets (`[82 %)`, `2} indicateurs`).
fn misread_digit(c: char) -> Option<char> {
    Some(match c {
        'O' | 'Q' | 'D' | 'U' | 'o' => '0',
        'I' | 'L' | 'l' => '1',
        'Z' => '2',
        'S' | '$' => '5',
        'G' => '6',
        'B' => '8',
        _ => return None,
    })
}

/// The number at `s..e` as a scan spoiled it: glued to letters standing for digits (`G12`,
/// `41B`, `2O,5`), or a three-digit group after a
/// lone letter or sign standing for its thousands (`| 842`, `G 240`, `2} 300`). Its span and
/// digits as they were written. `None` for a number as read.
fn misread_number(text: &str, s: usize, e: usize) -> Option<(usize, usize, String)> {
    let before = &text[..s];
    let after = &text[e..];
    let is_part = |c: char| c.is_ascii_digit() || misread_digit(c).is_some();
    // The token around the match: digits and misread ones, a decimal comma between digits.
    let mut start = s;
    for (k, c) in before.char_indices().rev() {
        if is_part(c)
            || c == ','
                && text[k + 1..].starts_with(|n: char| n.is_ascii_digit())
                && k > 0
                && text[..k].ends_with(is_part)
        {
            start = k;
        } else {
            break;
        }
    }
    let mut end = e;
    for (k, c) in after.char_indices() {
        if is_part(c) || c == ',' && after[k + 1..].starts_with(is_part) {
            end = e + k + c.len_utf8();
        } else {
            break;
        }
    }
    let token = &text[start..end];
    let bounded = !text[..start].ends_with(char::is_alphanumeric)
        && !text[end..].starts_with(char::is_alphanumeric);
    let letters = token
        .chars()
        .filter(|&c| misread_digit(c).is_some())
        .count();
    let digits = token.chars().filter(char::is_ascii_digit).count();
    // Beside a single digit, a letter is as likely a letter (`B2`, `L2`), or another digit
    // (`G` for 0 or 6, `B` for 3 or 8), as the digit it looks like: two digits read as such
    // at least, and no more letters than digits.
    if letters > 0 && bounded && digits >= 2 && letters <= digits && !token.ends_with(',') {
        let written: String = token
            .chars()
            .map(|c| misread_digit(c).unwrap_or(c))
            .collect();
        // `27 41B`: a group of three after a number is its thousands' group. A letter opening
        // the group may be a misread 0 as well as another digit (`90 G60` is `90 060`).
        let head = written.len() == 3 && !written.contains(',');
        if head
            && token.starts_with(|c: char| !c.is_ascii_digit())
            && thousands_before(text, start).is_some()
        {
            return None;
        }
        let thousands = head.then(|| thousands_before(text, start)).flatten();
        return Some(match thousands {
            Some((at, lead)) => (at, end, format!("{lead} {written}")),
            None => (start, end, written),
        });
    }
    // `| 842 demandes`: three digits after a lone misread digit.
    if e - s == 3
        && letters == 0
        && s == start
        && end == e
        && !after.starts_with(|c: char| c.is_ascii_digit() || c == ',')
    {
        let (at, lead) = thousands_before(text, s)?;
        // A bar is a table's rule where another one is on the line.
        let line = &text[text[..at].rfind('\n').map_or(0, |k| k + 1)
            ..text[e..].find('\n').map_or(text.len(), |k| e + k)];
        let rule = text[at..].starts_with('|') && line.matches('|').count() > 1;
        return (text[at..s].chars().any(|c| !c.is_ascii_digit() && c != ' ') && !rule)
            .then(|| (at, e, format!("{lead} {}", &text[s..e])));
    }
    None
}

/// Before a group of three digits at `group`, a space and one to three digits or misread
/// ones, standing alone: the number's thousands, written as digits. A lone bar there is a
/// misread 1 (`| 842 demandes`).
fn thousands_before(text: &str, group: usize) -> Option<(usize, String)> {
    let before = text[..group].strip_suffix(' ')?;
    let digit = |c: char| {
        if c == '|' {
            Some('1')
        } else if c.is_ascii_digit() {
            Some(c)
        } else {
            misread_digit(c)
        }
    };
    let lead_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| digit(c).is_some())
        .last()?
        .0;
    let lead = &before[lead_start..];
    let standalone = lead.chars().count() <= 3
        && (lead == "|" || !lead.contains('|'))
        && !before[..lead_start].ends_with(|c: char| c.is_alphanumeric() || c == ',');
    standalone.then(|| (lead_start, lead.chars().filter_map(digit).collect()))
}

/// Glued to letters or to another number by `-`, `/`, `_`: a code (`DDT51`, `34-00`, `2022-2025`).
fn glued_to_code(text: &str, s: usize, e: usize) -> bool {
    let mut back = text[..s].chars().rev();
    let glued_before = match (back.next(), back.next()) {
        (Some(c), _) if c.is_alphanumeric() || c == '_' || c == '@' => true,
        (Some('-' | '/' | '.'), Some(c)) => c.is_alphanumeric(),
        _ => false,
    };
    let mut fwd = text[e..].chars();
    let glued_after =
        matches!((fwd.next(), fwd.next()), (Some('-' | '/' | '_'), Some(c)) if c.is_ascii_digit());
    glued_before || glued_after
}

/// `à 10 heures`, `vers 9 heures`: a whole hour of the clock after `à`, `vers` or `dès`, unless
/// it closes a span opened by `de` or `entre` (`de 2 à 3 heures` of waiting).
fn time_of_day(text: &str, s: usize, prev: &str, value: f64) -> bool {
    if !matches!(prev, "a" | "&" | "vers" | "des")
        || value.fract() != 0.0
        || !(0.0..=24.0).contains(&value)
    {
        return false;
    }
    let (_, prev_start) = previous_token(text, s);
    let (lower, lower_start) = previous_token(text, prev_start);
    let (opener, _) = previous_token(text, lower_start);
    !(lower.chars().all(|c| c.is_ascii_digit()) && matches!(opener.as_str(), "de" | "entre"))
}

/// `(14 heures – 16 heures)`: two whole hours joined by a dash are the times a meeting
/// starts and ends, the number at `start..end` being either.
fn hour_range(text: &str, start: usize, end: usize) -> bool {
    static FIRST: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"^[ \u{a0}]*heures?[ \u{a0}]*[–—-][ \u{a0}]*([0-9]{1,2})[ \u{a0}]*heures?")
            .expect("literal pattern")
    });
    static SECOND: Window = Window::new(r"([0-9]{1,2})[ \u{a0}]*heures?[ \u{a0}]*[–—-][ \u{a0}]*$");
    let hour = |s: &str| s.parse::<u32>().ok().filter(|h| *h <= 24);
    let this = hour(&text[start..end]);
    let window = text.floor_char_boundary(start.saturating_sub(24));
    let ordered = |a: Option<u32>, b: Option<u32>| a.zip(b).is_some_and(|(a, b)| a < b);
    ordered(this, FIRST.captures(&text[end..]).and_then(|c| hour(&c[1])))
        || ordered(
            SECOND
                .captures(&text[window..start])
                .and_then(|c| hour(c.get(1)?.as_str())),
            this,
        )
}

/// The number at `pos` is the value of a label that opens its line with `nombre de`
/// (`- nombre de dossiers traités : 87`): the label states the unit before the figure.
fn unit_first_label(text: &str, pos: usize) -> bool {
    let line_start = text[..pos].rfind('\n').map_or(0, |k| k + 1);
    let label = text[line_start..pos].trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '–' | '•' | '*' | '+' | '✓')
    });
    let head = fold(&label[..label.floor_char_boundary(label.len().min(12))]);
    head.starts_with("nombre de ") || head.starts_with("nombre d'") || head.starts_with("nombre d’")
}

/// Nothing but blanks and a bullet before `pos` on its line.
fn at_line_start(text: &str, pos: usize) -> bool {
    let line = &text[text[..pos].rfind('\n').map_or(0, |k| k + 1)..pos];
    line.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '-' | '–' | '—' | '•' | '*' | '+' | '#' | '✓' | '⇒' | '(' | '.'
            )
    })
}

/// The number ending at `end` is the last thing on a line that opens with a bullet, or on a
/// line between such items whose bullet OCR lost (`- préfecture : 1600` / `sous-préfecture
/// de X : 200` / `- sous-préfecture de Y : 500`).
fn ends_list_item(text: &str, end: usize) -> bool {
    const BULLETS: [char; 6] = ['-', '–', '•', '*', '+', '✓'];
    let rest = text[end..].trim_start_matches(is_hspace);
    let line_start = text[..end].rfind('\n').map_or(0, |k| k + 1);
    let line = text[line_start..end].trim_start();
    if !(rest.is_empty() || rest.starts_with('\n')) {
        return false;
    }
    if line.starts_with(BULLETS) {
        return true;
    }
    let numbered_item = |l: &str| {
        let l = l.trim();
        l.starts_with(BULLETS) && l.ends_with(|c: char| c.is_ascii_digit())
    };
    let previous = text[..line_start]
        .trim_end()
        .rsplit('\n')
        .next()
        .unwrap_or("");
    let line_end = end + (rest.len() - rest.trim_start_matches(is_hspace).len());
    let next = text[line_end..]
        .trim_start()
        .split('\n')
        .next()
        .unwrap_or("");
    numbered_item(previous) || numbered_item(next)
}

/// The line holding `pos` continues the previous one: that line ends inside a sentence, with
/// no blank line between (`ORDRE DU JOUR` / blank / `1. indicateurs` opens a list).
fn continues_sentence(text: &str, pos: usize) -> bool {
    let line_start = text[..pos].rfind('\n').map_or(0, |k| k + 1);
    let previous = text[..line_start].trim_end();
    if text[previous.len()..line_start].matches('\n').count() > 1 {
        return false;
    }
    previous.ends_with(|c: char| c == ',' || c.is_alphanumeric())
}

/// Unit of a bare count: `nombre de <noun>` before it in the sentence, or the subject of
/// `<les noun …> sont au nombre de N`.
fn counted_noun(text: &str, sentences: &Sentences, pos: usize) -> Option<String> {
    let (cs, _) = sentences.around(pos);
    let before = &text[cs..pos];
    if fold(before).trim_end().ends_with("au nombre de") {
        return SUBJECT
            .regex(before)
            .captures(before)
            .and_then(|c| c.get(1))
            .map(|m| collapse_ws(m.as_str()));
    }
    if let Some(noun) = COUNTED_NOUN
        .regex(before)
        .captures_iter(before)
        .last()
        .and_then(|c| c.get(1))
    {
        return Some(noun.as_str().to_string());
    }
    None
}
