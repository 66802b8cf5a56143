//! Personal names as minutes write them: `M. Jean-Paul PIERRON`, `Madame Marie-Angélique
//! PADRE`, `Stéphanie LE GAGNE`, `DUPONT Jean`, `M. LARREY`, `Mmes Anne PETIT et Marie
//! DURAND`, `M.Jean-François RYCKELYNCK`, and title-case `Richard Smith` where the
//! structure says a name stands there.

use super::vocab::{self, CIVILITIES, PARTICLES};
use crate::latin::Window;

#[derive(Debug, Clone, PartialEq)]
pub struct Name {
    pub civility: Option<&'static str>,
    pub given: Option<String>,
    pub family: String,
    /// Byte offsets in the parsed string: civility (if any) to the end of the name.
    pub start: usize,
    pub end: usize,
}

impl Name {
    /// `Given FAMILY`, or `FAMILY` alone.
    pub fn display(&self) -> String {
        match &self.given {
            Some(g) => format!("{g} {}", self.family),
            None => self.family.clone(),
        }
    }
}

/// How much the surrounding structure vouches for a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Running text: a name needs capitals and either a civility or a given name before.
    Prose,
    /// An entry of an attendance list: `FAMILY Given` and `Given Family,` are names too.
    List,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Caps,
    Title,
    Particle,
    /// A given name a scan damaged past reading (`{sabeîle`): after a civility and before a
    /// family name, it holds the place of one.
    Unreadable,
    Other,
}

struct Word<'a> {
    end: usize,
    text: &'a str,
    kind: Kind,
    /// Punctuation right after the word (or inside it) ends the name.
    terminated: bool,
    /// That punctuation is a comma (`MARTIN, Sophie`: family name first, then the given name).
    comma: bool,
}

/// The civility at `pos`, its value and the offset after it and its spaces.
pub fn civility_at(s: &str, pos: usize) -> Option<(&'static str, usize)> {
    let rest = s.get(pos..)?;
    for (written, value) in CIVILITIES {
        if let Some(after) = rest.strip_prefix(written) {
            // `M., Jean`: OCR adds a comma after the dotted civility.
            let after = if written.ends_with('.') {
                after
                    .strip_prefix(',')
                    .filter(|a| a.starts_with(' '))
                    .unwrap_or(after)
            } else {
                after
            };
            let next = after.chars().next();
            let ok = match next {
                Some(c) if c.is_whitespace() => true,
                // `M.Jean-François`: a dotted civility glued to the name.
                Some(c) if written.ends_with('.') => c.is_uppercase(),
                _ => false,
            };
            if ok {
                return Some((value, rest.len() - after.trim_start().len() + pos));
            }
        }
    }
    misread_civility(s, pos)
}

/// `Mae Claire VIDAL`, `Mile Chloé ROUQUETTE`: a scan's reading of `Mme` or `Mlle` that the
/// list of civilities lacks, taken for one only before a given name the lexicon knows and a
/// family name in capitals.
fn misread_civility(s: &str, pos: usize) -> Option<(&'static str, usize)> {
    let rest = s.get(pos..).filter(|r| r.starts_with('M'))?;
    // `M` and at most three letters (of up to two bytes each) before the space.
    let word = &rest[..rest.get(..rest.floor_char_boundary(8))?.find([' ', '\t'])?];
    let letters = &word[1..];
    if !(1..=3).contains(&letters.chars().count()) || !letters.chars().all(char::is_lowercase) {
        return None;
    }
    let after = rest[word.len()..].trim_start_matches([' ', '\t']);
    let mut next = after.split([' ', '\t', '\n']);
    let (given, family) = (
        next.next()?,
        next.next()?.trim_end_matches([',', '.', ';', ':', ')']),
    );
    let in_capitals = family.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !family.chars().any(char::is_lowercase);
    let lexicon = crate::lexicon::Lexicon::get();
    // `Mai`, `Mon` are words; `Mile` is one too, but what a scan makes of `Mlle`.
    let misread = letters.contains('l') || !lexicon.contains(&word.to_lowercase());
    (in_capitals && misread && lexicon.is_proper(given))
        .then(|| ("Mme", pos + rest.len() - after.len()))
}

/// The offset after a title ([`vocab::TITLES`]) at `pos` and its spaces.
fn title_at(s: &str, pos: usize) -> Option<usize> {
    let rest = s.get(pos..)?;
    vocab::TITLES.iter().find_map(|title| {
        let after = rest.strip_prefix(title)?;
        after
            .starts_with(char::is_whitespace)
            .then(|| pos + rest.len() - after.trim_start().len())
    })
}

/// One or several people named at `pos` (`X et Y` share what follows), and the offset
/// where the names end.
pub fn parse_people(s: &str, pos: usize, context: Context) -> Option<(Vec<Name>, usize)> {
    let first = parse_one(s, pos, None, context)?;
    let mut end = first.end;
    let mut names = vec![first];
    loop {
        let rest = &s[end..];
        // `Mmes Laure DUPUY` / `et Sandrine X`: the `et` may open the next line.
        let Some(after_et) = rest
            .strip_prefix(" et ")
            .or_else(|| rest.strip_prefix(", et "))
            .or_else(|| rest.strip_prefix("\net "))
        else {
            break;
        };
        let at = s.len() - after_et.len();
        let inherited = names.last().and_then(|n| n.civility);
        match parse_one(s, at, inherited, context) {
            Some(next) => {
                end = next.end;
                names.push(next);
            }
            None => break,
        }
    }
    Some((names, end))
}

fn parse_one(
    s: &str,
    pos: usize,
    inherited: Option<&'static str>,
    context: Context,
) -> Option<Name> {
    let start = pos + (s.get(pos..)?.len() - s.get(pos..)?.trim_start().len());
    let (civility, name_start) = match civility_at(s, start) {
        Some((c, after)) => (Some(c), after),
        None => (None, start),
    };
    let titled = civility
        .is_none()
        .then(|| title_at(s, name_start))
        .flatten();
    let words = words(s, titled.unwrap_or(name_start), 7, civility.is_some());
    let vouched = civility.is_some() || inherited.is_some() || titled.is_some();
    let (given, family, last) = match_name(&words, vouched, context)?;
    let end = other_family_name_end(s, words[last].end);
    Some(Name {
        civility: civility.or(inherited),
        given,
        family,
        start,
        end,
    })
}

/// `Marie SCHMITT née KLEIN`, `Claire HOFFMANN ép. MULLER`: the birth or married name after
/// the family name belongs to the name (the family name stays the one written first).
/// Returns where the name ends.
fn other_family_name_end(s: &str, end: usize) -> usize {
    static OTHER_NAME: Window = Window::anchored(
        r"^[ \t]+(?:née|né|ép\.|épouse|veuve|vve\.?)[ \t]+[A-ZÀ-Ý][A-ZÀ-Ý'’]+(?:[- ][A-ZÀ-Ý][A-ZÀ-Ý'’]+)*\b",
    );
    // The pattern's start, checked by hand: after most names comes no such word, and the
    // search (on the rest of the text) is then not needed.
    let rest = &s[end..];
    let word = rest.trim_start_matches([' ', '\t']);
    if word.len() == rest.len() || !word.starts_with(['n', 'é', 'v']) {
        return end;
    }
    OTHER_NAME.find(rest).map_or(end, |m| end + m.end())
}

/// The name patterns, most specific first. Returns given name, family name and the index
/// of the last word used.
fn match_name(
    words: &[Word],
    vouched: bool,
    context: Context,
) -> Option<(Option<String>, String, usize)> {
    let is_given = |w: &Word| {
        w.kind == Kind::Title && !vocab::is_role_noun(w.text) && !vocab::is_org_marker(w.text)
    };
    let is_family_caps = |w: &Word| {
        w.kind == Kind::Caps && !vocab::is_org_marker(w.text) && !vocab::is_column_header(w.text)
    };

    // Given FAMILY: title words, optional particles, a run of capitals.
    let unreadable = words
        .first()
        .is_some_and(|w| w.kind == Kind::Unreadable && !w.terminated);
    let mut i = usize::from(unreadable);
    while i < words.len() && i < 3 && is_given(&words[i]) && !words[i].terminated {
        i += 1;
    }
    if i > 0 {
        let given_end = i;
        while i < words.len() && words[i].kind == Kind::Particle && !words[i].terminated {
            i += 1;
        }
        let family_start = i;
        while i < words.len() && is_family_caps(&words[i]) {
            i += 1;
            if words[i - 1].terminated {
                break;
            }
        }
        if i > family_start {
            let given = (!unreadable).then(|| join(&words[..given_end]));
            return Some((given, join(&words[given_end..i]), i - 1));
        }
    }

    // FAMILY [Given]: capitals first (particles allowed before them).
    let mut i = 0;
    while i < words.len() && words[i].kind == Kind::Particle && !words[i].terminated {
        i += 1;
    }
    let family_start = i;
    while i < words.len() && i - family_start < 4 && is_family_caps(&words[i]) {
        i += 1;
        if words[i - 1].terminated {
            break;
        }
    }
    if i > family_start {
        let family_end = i;
        let family = join(&words[..family_end]);
        let may_have_given = vouched || context == Context::List;
        if may_have_given && !words[family_end - 1].terminated {
            let mut j = family_end;
            while j < words.len() && j - family_end < 2 && is_given(&words[j]) {
                j += 1;
                if words[j - 1].terminated {
                    break;
                }
            }
            // `Mme ROUSSEAU Claire Préfecture Secrétaire générale`: a table row whose tabs a
            // scan lost; a function or an organisation after the given name ends it too.
            let ends_there = words.get(j).is_none_or(|w| {
                w.kind != Kind::Title
                    || vouched && (vocab::is_role_noun(w.text) || vocab::is_org_marker(w.text))
            }) && j > family_end;
            if ends_there && (words[j - 1].terminated || words.get(j).is_none() || vouched) {
                return Some((Some(join(&words[family_end..j])), family, j - 1));
            }
            // `Mme DA COSTA Maria Assciation Horizon`: the organisation after the given name
            // is damaged past recognition; a given name the lexicon knows, alone, still ends
            // the name.
            let lexicon = crate::lexicon::Lexicon::get();
            let known_given = |w: &Word| is_given(w) && lexicon.is_proper(w.text);
            if vouched
                && j > family_end
                && known_given(&words[family_end])
                && !words.get(family_end + 1).is_some_and(known_given)
            {
                return Some((Some(words[family_end].text.to_string()), family, family_end));
            }
        }
        // `MARTIN, Sophie – référente`: a list written family name, comma, given name. The
        // given name is one the lexicon knows, or a dash closes it.
        let last = &words[family_end - 1];
        if context == Context::List && last.comma {
            let lexicon = crate::lexicon::Lexicon::get();
            let given_end = (family_end..words.len().min(family_end + 2))
                .take_while(|&j| is_given(&words[j]))
                .last();
            if let Some(j) = given_end {
                let dash = words
                    .get(j + 1)
                    .is_some_and(|w| matches!(w.text, "–" | "-" | "—"));
                let known = words[family_end..=j]
                    .iter()
                    .all(|w| w.text.split('-').all(|part| lexicon.is_proper(part)));
                let ends =
                    words[j].terminated || words.get(j + 1).is_none_or(|w| w.kind == Kind::Other);
                if dash || known && ends {
                    return Some((Some(join(&words[family_end..=j])), family, j));
                }
            }
        }
        if vouched {
            return Some((None, family, family_end - 1));
        }
        return None;
    }

    // Given Family in title case, where a civility or a list entry vouches for it; a table's
    // header row (`Nom Prénom`) is no one.
    if (vouched || context == Context::List)
        && words.len() >= 2
        && is_given(&words[0])
        && !words[0].terminated
        && !vocab::is_column_header(words[0].text)
    {
        let family = &words[1];
        let closes = family.terminated || words.len() == 2;
        // Unvouched, a given name must read as one: `Démarche Qual-e-pref`, an agenda item
        // after the list, is a common noun and a label.
        let lexicon = crate::lexicon::Lexicon::get();
        let reads_as_given = vouched
            || lexicon.is_proper(words[0].text)
            || !lexicon.contains(&words[0].text.to_lowercase());
        if family.kind == Kind::Title
            && closes
            && reads_as_given
            && !vocab::is_role_noun(family.text)
            && !vocab::is_org_marker(family.text)
        {
            return Some((Some(words[0].text.to_string()), family.text.to_string(), 1));
        }
    }
    None
}

fn join(words: &[Word]) -> String {
    words.iter().map(|w| w.text).collect::<Vec<_>>().join(" ")
}

/// Up to `max` words from `pos`, stopping after the first word followed by punctuation.
/// After a civility, a first word a scan wrote in lowercase (`Mme julie FAUCHART`) counts as
/// a given name when the lexicon knows it capitalised.
fn words(s: &str, pos: usize, max: usize, after_civility: bool) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut i = pos;
    let bytes = s.as_bytes();
    while out.len() < max {
        while i < s.len() && (bytes[i] == b' ' || bytes[i] == b'\t') {
            i += 1;
        }
        if i >= s.len() {
            break;
        }
        let rest = &s[i..];
        let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let raw = &rest[..len];
        let core = raw.trim_end_matches([',', ';', ':', '.', ')', '(', '!', '?', '»', '"']);
        if core.is_empty() {
            break;
        }
        let mut kind = classify(core);
        if kind == Kind::Other && after_civility && out.is_empty() {
            if is_lowered_given_name(core) {
                kind = Kind::Title;
            } else if is_damaged_given_name(core) {
                kind = Kind::Unreadable;
            }
        }
        let after = &s[i + len..];
        let line_break = after.starts_with(['\n', '\r']);
        // `Mme Lucie` / `GARRIGUES,`: prose wrapped between the given names and the family
        // name in capitals; any other line break ends the name.
        let wrapped_name = line_break
            && kind == Kind::Title
            && out.iter().all(|w: &Word| w.kind == Kind::Title)
            && after
                .trim_start()
                .split(char::is_whitespace)
                .next()
                .is_some_and(|next| {
                    classify(next.trim_end_matches([',', ';', ':', '.', ')', '('])) == Kind::Caps
                });
        // An opening parenthesis ends a name as punctuation does: `BLONDEL Sandrine (ADMR)`.
        let before_parenthesis = after.trim_start_matches([' ', '\t']).starts_with('(');
        let terminated = core.len() < raw.len()
            || core.contains('(')
            || before_parenthesis
            || (line_break && !wrapped_name);
        let comma = raw[core.len()..].starts_with(',') && core.len() + 1 == raw.len();
        out.push(Word {
            end: i + core.len(),
            text: core,
            kind,
            terminated,
            comma,
        });
        i += len;
        if wrapped_name {
            i = s.len() - after.trim_start().len();
        }
        // `MARTIN, Sophie –`: the given name may follow a family name's comma.
        let family_first = comma
            && out
                .iter()
                .all(|w| matches!(w.kind, Kind::Caps | Kind::Particle))
            && kind == Kind::Caps;
        if terminated && !family_first || matches!(kind, Kind::Other) {
            break;
        }
    }
    out
}

/// `{sabeîle`, `[ean`: a glyph OCR makes of a capital `I` or `J`, then lowercase letters.
fn is_damaged_given_name(w: &str) -> bool {
    let mut chars = w.chars();
    chars
        .next()
        .is_some_and(|c| matches!(c, '{' | '[' | '(' | '|' | '!'))
        && chars.clone().count() >= 3
        && chars.all(char::is_lowercase)
}

fn is_lowered_given_name(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if w.len() < 3 || !w.chars().all(char::is_lowercase) {
        return false;
    }
    // A common word (`mes`, `rose`) lowercase is that word.
    let lexicon = crate::lexicon::Lexicon::get();
    let capitalised: String = first.to_uppercase().chain(chars).collect();
    !lexicon.contains(w) && lexicon.is_proper(&capitalised)
}

fn classify(w: &str) -> Kind {
    if PARTICLES.contains(&w) {
        return Kind::Particle;
    }
    // `d'ESTIENNE`: an elided particle glued to a family name in capitals.
    if let Some(rest) = w.strip_prefix("d'").or_else(|| w.strip_prefix("d’")) {
        return if classify(rest) == Kind::Caps {
            Kind::Caps
        } else {
            Kind::Other
        };
    }
    // One pass over the word (it runs for every word of every list): how many letters,
    // whether all are capitals, whether one is lowercase.
    let (mut letters, mut all_upper, mut has_lower) = (0usize, true, false);
    for c in w.chars() {
        if c.is_alphabetic() {
            letters += 1;
            all_upper &= c.is_uppercase();
            has_lower |= c.is_lowercase();
        } else if !matches!(c, '-' | '\'' | '’') {
            return Kind::Other;
        }
    }
    if letters == 0 || w.starts_with(['-', '\'', '’']) || w.ends_with('-') {
        return Kind::Other;
    }
    if letters >= 2 && all_upper {
        return Kind::Caps;
    }
    let first_upper = w.chars().next().is_some_and(char::is_uppercase);
    let parts_ok = w
        .split('-')
        .all(|p| p.chars().next().is_some_and(char::is_alphabetic));
    if first_upper && has_lower && parts_ok && letters >= 2 {
        // `McDONALD`-like mixes are too rare to be worth the false positives.
        let inner_upper = w
            .split('-')
            .any(|p| p.chars().skip(1).any(char::is_uppercase));
        if !inner_upper {
            return Kind::Title;
        }
    }
    Kind::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str, context: Context) -> Option<(Option<&'static str>, Option<String>, String)> {
        parse_people(s, 0, context)
            .map(|(n, _)| (n[0].civility, n[0].given.clone(), n[0].family.clone()))
    }

    #[test]
    fn given_then_family() {
        assert_eq!(
            one("M. Jean-Paul PIERRON, Président", Context::Prose),
            Some((Some("M."), Some("Jean-Paul".into()), "PIERRON".into()))
        );
        assert_eq!(
            one("Stéphanie LE GAGNE, Cheffe", Context::List),
            Some((None, Some("Stéphanie".into()), "LE GAGNE".into()))
        );
        assert_eq!(
            one("Madame Marie-Angélique PADRE, cheffe", Context::Prose)
                .unwrap()
                .1
                .as_deref(),
            Some("Marie-Angélique")
        );
        assert_eq!(
            one("Nathalie BARNIER Responsable du standard", Context::List)
                .unwrap()
                .2,
            "BARNIER"
        );
        assert_eq!(
            one("Jean de LA FONTAINE, poète", Context::List).unwrap().2,
            "de LA FONTAINE"
        );
        assert_eq!(
            one("M. Paul d'ARTOIS, délégué", Context::Prose).unwrap().2,
            "d'ARTOIS"
        );
        assert_eq!(
            one("M. Paul d’ARTOIS", Context::Prose).unwrap().2,
            "d’ARTOIS"
        );
        assert_eq!(one("M. Paul d'accord", Context::Prose), None);
    }

    #[test]
    fn several_people_across_a_line_break() {
        let (names, _) = parse_people(
            "Mmes Laure DUPUY\net Sandrine BAREILLE, CAF",
            0,
            Context::List,
        )
        .unwrap();
        assert_eq!(
            names.iter().map(|n| n.family.as_str()).collect::<Vec<_>>(),
            ["DUPUY", "BAREILLE"]
        );
    }

    #[test]
    fn family_name_comma_given_name() {
        assert_eq!(
            one("N'DOYE, Awa – médiatrice", Context::List),
            Some((None, Some("Awa".into()), "N'DOYE".into()))
        );
        assert_eq!(
            one("MARTIN, Sophie, référente qualité", Context::List),
            Some((None, Some("Sophie".into()), "MARTIN".into()))
        );
        // A function or an organisation after the comma is no given name.
        assert_eq!(one("DUPONT, Présidente de l'UDAF", Context::List), None);
        assert_eq!(
            one("MARTIN, Sophie – référente", Context::Prose),
            None,
            "prose needs a civility"
        );
    }

    #[test]
    fn a_given_name_damaged_past_reading() {
        // The family name is still read; the given name is not guessed.
        assert_eq!(
            one("Mme {sabeîle LAFFTTE", Context::List),
            Some((Some("Mme"), None, "LAFFTTE".into()))
        );
        assert_eq!(
            one("{sabeîle LAFFTTE", Context::List),
            None,
            "nothing vouches for it without a civility"
        );
    }

    #[test]
    fn a_given_name_a_scan_lowered_after_a_civility() {
        assert_eq!(
            one("Mme julie FAUCHART (CPAM)", Context::List),
            Some((Some("Mme"), Some("julie".into()), "FAUCHART".into()))
        );
        // A common word stays one, and without a civility nothing vouches for the name.
        assert_eq!(one("Mme mes BENSALAH", Context::List), None);
        assert_eq!(one("julie FAUCHART", Context::Prose), None);
    }

    #[test]
    fn family_first_then_a_cell_a_scan_joined() {
        assert_eq!(
            one(
                "Mme ROUSSEAU Claire Préfecture Secrétaire générale",
                Context::List
            )
            .unwrap()
            .1
            .as_deref(),
            Some("Claire")
        );
        assert_eq!(
            one("M. GAUTHIER Julien Chef du bureau", Context::List)
                .unwrap()
                .1
                .as_deref(),
            Some("Julien")
        );
        // The organisation damaged past recognition: a known given name still ends the name.
        assert_eq!(
            one(
                "Mme DA COSTA Maria Assciation Horizon Solidaire Présidente",
                Context::List
            ),
            Some((Some("Mme"), Some("Maria".into()), "DA COSTA".into()))
        );
        // Two known given names are kept for the rule above to weigh.
        assert_ne!(
            one("M. MARTIN Jean Pierre Assciation Horizon", Context::List).and_then(|n| n.1),
            Some("Jean".into())
        );
    }

    #[test]
    fn a_civility_a_scan_misread() {
        assert_eq!(
            one("Mae Claire VIDAL.", Context::List),
            Some((Some("Mme"), Some("Claire".into()), "VIDAL".into()))
        );
        assert_eq!(
            one("Mile Chloé ROUQUETTE, cheffe", Context::Prose),
            Some((Some("Mme"), Some("Chloé".into()), "ROUQUETTE".into()))
        );
        // A word of the language, or no family name in capitals after the given name.
        assert_eq!(civility_at("Mai Claire VIDAL", 0), None);
        assert_eq!(civility_at("Mae Claire vient", 0), None);
    }

    #[test]
    fn a_name_column_header_is_no_one() {
        assert_eq!(one("Nom Prénom", Context::List), None);
        assert_eq!(one("NOM Prénom", Context::List), None);
    }

    #[test]
    fn family_first_alone_and_glued() {
        assert_eq!(
            one("DUPONT Jean, maire", Context::List),
            Some((None, Some("Jean".into()), "DUPONT".into()))
        );
        assert_eq!(
            one("M. LARREY explique", Context::Prose),
            Some((Some("M."), None, "LARREY".into()))
        );
        assert_eq!(
            one("M.Jean-François RYCKELYNCK, directeur", Context::Prose)
                .unwrap()
                .1
                .as_deref(),
            Some("Jean-François")
        );
        assert_eq!(one("DUPONT Jean", Context::Prose), None);
        assert_eq!(
            one("M., Jean PLATEAU, maire", Context::List),
            Some((Some("M."), Some("Jean".into()), "PLATEAU".into()))
        );
        assert_eq!(
            one("Mine Anne PETIT", Context::Prose),
            Some((Some("Mme"), Some("Anne".into()), "PETIT".into()))
        );
        assert_eq!(
            one("Me Anne PETIT, directrice", Context::Prose),
            Some((Some("Mme"), Some("Anne".into()), "PETIT".into()))
        );
        assert_eq!(
            one("BLONDEL Sandrine (ADMR), secrétaire", Context::List),
            Some((None, Some("Sandrine".into()), "BLONDEL".into()))
        );
    }

    #[test]
    fn a_title_announces_a_name_without_a_civility() {
        assert_eq!(
            one("Dr Alain FONTVIEILLE, président", Context::List),
            Some((None, Some("Alain".into()), "FONTVIEILLE".into()))
        );
        assert_eq!(
            one("Pr. Jean-Marc ZIMMER", Context::Prose),
            Some((None, Some("Jean-Marc".into()), "ZIMMER".into()))
        );
        assert_eq!(
            one("Dr MEYER salue", Context::Prose),
            Some((None, None, "MEYER".into()))
        );
    }

    #[test]
    fn a_birth_or_married_name_belongs_to_the_name() {
        let (names, end) = parse_people(
            "Mme Claire HOFFMANN ép. MULLER, responsable",
            0,
            Context::List,
        )
        .unwrap();
        assert_eq!(
            (names[0].family.as_str(), end),
            ("HOFFMANN", "Mme Claire HOFFMANN ép. MULLER".len())
        );
        let (names, end) = parse_people(
            "Mme Marie-Odile SCHMITT née KLEIN, directrice",
            0,
            Context::List,
        )
        .unwrap();
        assert_eq!(
            (names[0].family.as_str(), end),
            ("SCHMITT", "Mme Marie-Odile SCHMITT née KLEIN".len())
        );
    }

    #[test]
    fn title_case_only_when_vouched() {
        assert_eq!(
            one("Monsieur Richard Smith, secrétaire général", Context::Prose)
                .unwrap()
                .2,
            "Smith"
        );
        assert_eq!(
            one("Sylvie Lombard, cheffe", Context::List).unwrap().2,
            "Lombard"
        );
        assert_eq!(one("Sylvie Lombard, cheffe", Context::Prose), None);
        assert_eq!(one("Association des Maires", Context::List), None);
    }

    #[test]
    fn given_and_family_wrapped_over_two_lines() {
        assert_eq!(
            one("Mme Anne\nMARTIN, trésorière", Context::Prose),
            Some((Some("Mme"), Some("Anne".into()), "MARTIN".into()))
        );
        assert_eq!(
            one("M. Paul-Henri\nVAN DAM (ADIL)", Context::Prose),
            Some((Some("M."), Some("Paul-Henri".into()), "VAN DAM".into()))
        );
        // A capitalised word on the next line after a complete name is not part of it.
        assert_eq!(
            one("M. Luc ROUX\nCAF", Context::Prose),
            Some((Some("M."), Some("Luc".into()), "ROUX".into()))
        );
    }

    #[test]
    fn several_people() {
        let (names, _) = parse_people(
            "Mmes Anne PETIT et Marie DURAND, référentes",
            0,
            Context::List,
        )
        .unwrap();
        assert_eq!(names.len(), 2);
        assert_eq!(names[1].civility, Some("Mme"));
        assert_eq!(names[1].family, "DURAND");
    }
}
