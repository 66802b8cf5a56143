//! Quality labels and programmes (Qual-e-pref, Quali-ATE, Services publics +, Marianne, …):
//! canonical name whatever the spelling, number of mentions, modules, and dated events
//! (obtained, audit, target).
//!
//! Which label an event or module belongs to: the labels named in the same sentence, else the
//! label mentioned last before it (the one under discussion in the section).
//!
//! Two names are also ordinary words and need context: "services publics" is the programme
//! only with its `+` (`SP+`, `Services publics +`), and `Marianne` only after charte / label /
//! référentiel / labellisé. "France Services" is first of all a network of places: it is reported
//! as a label when a sentence ties it to labelling or when the minutes name it at least twice
//! (one passing mention of a new France Services office is not a label topic).

use crate::dates::text::{fold, Sentences};
use crate::dates::{DateMention, DateRole, Precision};
use crate::latin::{Pattern, Window};
use crate::span::Span;
use once_cell::sync::Lazy;
use regex::Regex;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Label {
    /// Canonical spelling (`Qual-e-pref`, `Services publics +`, …).
    pub name: String,
    pub mentions: u32,
    pub modules: Vec<String>,
    pub events: Vec<LabelEvent>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Obtained,
    Audit,
    Target,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct LabelEvent {
    pub kind: EventKind,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: String,
    pub text: String,
    pub span: Span,
}

/// A label's spelling: its pattern, built the first time a text may hold a match. A
/// [`Window`]: a text holding the words of [`Spelling::needs`] is searched once per label
/// with the lazy DFA, where the prefilter cost more to build than it saved.
struct Spelling {
    name: &'static str,
    /// Words of which every match holds one: lowercase ASCII letters, digits or `+`, looked
    /// for in the text with its ASCII letters lowercased. Under `(?i)` these letters have no
    /// case variant but their ASCII one, so a text holding none of the words holds no match,
    /// and its pattern need not be built (most minutes name two or three labels of eight).
    needs: &'static [&'static str],
    regex: Window,
}

impl Spelling {
    const fn new(
        name: &'static str,
        pattern: &'static str,
        needs: &'static [&'static str],
    ) -> Self {
        Spelling {
            name,
            needs,
            regex: Window::new(pattern),
        }
    }

    /// Whether `lowered` (a text with its ASCII letters lowercased) may hold a match.
    fn may_match(&self, lowered: &str) -> bool {
        self.needs
            .iter()
            .any(|word| memchr::memmem::find(lowered.as_bytes(), word.as_bytes()).is_some())
    }
}

/// Spellings of each label, in canonical order. Patterns run on the original text (case
/// matters for `SP+` and `Marianne`), so case-insensitivity is spelled out where wanted.
static SPELLINGS: [Spelling; 8] = [
    // `Qual-e-pref`, `QUAL-E-PREF`, `qualepref`, OCR `Quel-e-pref`, `Qual-e-pret` (a scan
    // reads the final `f` as `t`).
    Spelling::new(
        "Qual-e-pref",
        r"(?i)(?-u:\b)qu[ae]l\s?-?\s?e\s?-?\s?pr[eé][ft](?-u:\b)",
        &["qual", "quel"],
    ),
    Spelling::new(
        "Quali-ATE",
        r"(?i)(?-u:\b)quali\s?-\s?ate(?-u:\b)|(?-u:\b)QUALIATE(?-u:\b)|(?-u:\b)Quali ATE(?-u:\b)",
        &["quali"],
    ),
    Spelling::new(
        "Qualipref",
        r"(?i)(?-u:\b)quali\s?-?\s?pr[eé][ft](?-u:\b)(?:\s*\d(?:\.\d)?)?",
        &["quali"],
    ),
    // `Plus` spelt out only capitalised: `des services publics plus proches` is prose.
    Spelling::new(
        "Services publics +",
        r"(?i)(?-u:\b)services?\s+publics?\s*\+|(?-u:\b)SP\s?\+|(?-i:(?-u:\b)[Ss]ervices?\s+[Pp]ublics?\s+Plus|SERVICES\s+PUBLICS\s+PLUS)(?-u:\b)",
        &["+", "plus"],
    ),
    // Needs its context ([`CONTEXT`]).
    Spelling::new("Marianne", r"(?-u:\b)Marianne(?-u:\b)", &["marianne"]),
    Spelling::new(
        "France Services",
        r"(?-u:\b)France\s+[Ss]ervices?(?-u:\b)|(?-u:\b)FRANCE\s+SERVICES(?-u:\b)",
        &["france"],
    ),
    // OCR reads the `I` as `{` or `|`.
    Spelling::new(
        "ISO 9001",
        r"(?i)(?:(?-u:\b)ISO|[{|]SO)\s?9001(?-u:\b)",
        &["9001"],
    ),
    // Capitalised, or any case with its context ([`CONTEXT`]).
    Spelling::new(
        "Engagement de service",
        r"(?i)(?-u:\b)engagements?\s+de\s+service(?-u:\b)",
        &["engagement"],
    ),
];

/// Words that must come right before a name that is also an ordinary word, matched on the
/// text just before it: the name alone is rare and found fast, where a pattern opening with
/// `label` would stop at every mention of labels.
static CONTEXT: [Option<Window>; 8] = [
    None,
    None,
    None,
    None,
    Some(Window::new(
        r"(?i:(?-u:\b)(?:charte|label|labels|r[ée]f[ée]rentiel|labellis[ée]e?s?|lab[ée]lis[ée]e?s?|d[ée]marche)\s+(?:de\s+la\s+charte\s+|de\s+la\s+)?)[«\x22]?\s?$",
    )),
    None,
    None,
    Some(Window::new(
        r"(?i:(?-u:\b)(?:label|r[ée]f[ée]rentiel)\s+[«\x22]?\s?)$",
    )),
];

/// `Engagement de service` written as a name needs no context.
static CAPITALISED_ENGAGEMENT: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^Engagements?\s+de\s+[Ss]ervice$").expect("literal pattern"));

/// Bytes before a name searched for its context.
const CONTEXT_REACH: usize = 64;

/// Verbs and nouns saying the label is already held (folded text): a renewal granted
/// (`renouvelé le …`) holds it too, and `lauréat du label` is a label won, where `lauréat d'un
/// appel à projets` is a grant.
static OBTAINED: Window = Window::new(
    r"(?-u:\b)(?:labell?ise(?:e|s|es)?|certifie(?:e|s|es)?|obtenue?s?|obtention|detient|detenteur|detentrice|titulaire|renouvelee?s?|laureate?s?\s+(?:du|de\s+la)\s+(?:label|labellisation|certification))(?-u:\b)",
);

/// Words of plans and deadlines, which are never `obtained` (folded text); `prépare` its
/// passage to a label names a label still to come.
static PLANNED: Window = Window::new(
    r"(?-u:\b)(?:prevue?s?|prepare(?:r|nt)?|preparation|objectifs?|devra|devront|doit|doivent|vise|visee|sera|seront|d'ici|avant|au plus tard|calendrier|previsionnel(?:le)?|a venir|prochaine?s?|envisage(?:e|s|es)?|cible)(?-u:\b)",
);

static AUDIT: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?-u:\b)audits?(?-u:\b)").expect("literal pattern"));

/// A bare year introduced as a point in time (`en 2016`, `depuis 2020`): allowed for events.
/// Years are found first and the cue checked just before them, because `en` alone would
/// make the regex stop at every word holding those letters.
/// With its prefilter: it reads every text, where the lazy DFA alone is slower than the
/// prefilter's skips.
static YEAR: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?-u:\b)(?:19|20)\d\d(?-u:\b)").expect("literal pattern"));
static YEAR_CUE: Window = Window::new(r"(?i)(?-u:\b)(?:en|depuis|dès|des|au cours de)\s+$");

/// Bytes before a year searched for its cue (`au cours de` and the blanks after it).
const YEAR_CUE_REACH: usize = 24;

/// Module names: `module 1 – relation …`, `module n°1 « relation … »`, `module socle "…"`.
/// `module` must start a word: see [`crate::boundary`].
static MODULE: Pattern = Pattern::new(
    r#"(?i)module\s+(?:(?:n°\s?)?\d+\s*(?:[–:-]\s*)?[«"“]?|\p{L}+\s+[«"“])\s*([^»"”\n;:(]{3,80}?)\s*(?:[»"”;(]|,|\n|$)"#,
);

/// What a text says about a label's status: held, audited, or planned. `None` when the
/// folded text holds no status word at all; `Some(None)` when it only plans
/// something that is not a label (`une étude sera menée`).
fn cue_words(f: &str) -> Option<Option<EventKind>> {
    if PLANNED.is_match(f) {
        let labelling = OBTAINED.is_match(f)
            || f.contains("labellisation")
            || f.contains("labelisation")
            || f.contains("certification");
        return Some(labelling.then_some(EventKind::Target));
    }
    if OBTAINED.is_match(f) {
        return Some(Some(EventKind::Obtained));
    }
    if AUDIT.is_match(f) {
        return Some(Some(EventKind::Audit));
    }
    None
}

/// What closes a clause: `;`, `, `, and a second subordinate clause (`rappelle que le label a
/// été obtenu le … et que le prochain audit aura lieu en …`).
const CLAUSE_ENDS: [&str; 5] = [";", ", ", " et que ", " et qu'", " et qu’"];

/// What the text says happened at a date: the clause holding the date (see [`CLAUSE_ENDS`])
/// speaks for it, so that in `a obtenu le label le 3 mai 2022, à l'issue d'un audit le 4 avril
/// 2022` the second date is the audit's; a clause with no status word (`puis Marianne le 26
/// septembre 2019`) takes the sentence's. Outside a range (`du 3 au 5 mai`), a date introduced
/// by `au` states a situation (`12 sites labellisés au 30/04/2022`), not an event.
///
/// Dates come in text order, so the sentence's own reading is kept for the next date: most
/// sentences hold no status word and end the question at once.
pub(crate) struct StatusReader<'a> {
    text: &'a str,
    sentence: Option<((usize, usize), Option<Option<EventKind>>)>,
}

impl<'a> StatusReader<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        StatusReader {
            text,
            sentence: None,
        }
    }

    /// The event at the date starting at `pos`, in the sentence `(s, e)`.
    pub(crate) fn at(
        &mut self,
        (s, e): (usize, usize),
        pos: usize,
        in_range: bool,
    ) -> Option<EventKind> {
        let sentence = &self.text[s..e];
        let whole = match self.sentence {
            Some((b, cue)) if b == (s, e) => cue,
            _ => self.sentence.insert(((s, e), cue_words(&fold(sentence)))).1,
        }?;
        let at = pos - s;
        let clause_start = CLAUSE_ENDS
            .iter()
            .filter_map(|sep| sentence[..at].rfind(sep).map(|k| k + sep.len()))
            .max()
            .unwrap_or(0);
        // The nearest end found (`Option::min` would prefer a missing one).
        let clause_end = CLAUSE_ENDS
            .iter()
            .filter_map(|sep| sentence[at..].find(sep))
            .min()
            .map_or(sentence.len(), |k| at + k);
        let before = fold(sentence[clause_start..at].trim_end());
        if !in_range && (before == "au" || before.ends_with(" au")) {
            return None;
        }
        cue_words(&fold(&sentence[clause_start..clause_end])).unwrap_or(whole)
    }
}

struct Mention {
    label: usize,
    start: usize,
    end: usize,
}

/// Every label named in `text`, with its events dated from `dates` (the output of
/// [`crate::dates::find_dates`] on the same text) or from a bare year in the sentence.
pub fn find_labels(text: &str, dates: &[DateMention]) -> Vec<Label> {
    let mut mentions: Vec<Mention> = Vec::new();
    let lowered = text.to_ascii_lowercase();
    for (label, spelling) in SPELLINGS
        .iter()
        .enumerate()
        .filter(|(_, spelling)| spelling.may_match(&lowered))
    {
        // Earlier labels' mentions, sorted and disjoint: one binary search per match.
        let before = mentions.len();
        for m in spelling.regex.find_iter(text) {
            let mut start = m.start();
            if let Some(context) = &CONTEXT[label] {
                let mut from = start.saturating_sub(CONTEXT_REACH);
                while !text.is_char_boundary(from) {
                    from -= 1;
                }
                match context.find(&text[from..start]) {
                    Some(c) => start = from + c.start(),
                    None if CAPITALISED_ENGAGEMENT.is_match(m.as_str()) => {}
                    None if m.as_str() == "Marianne"
                        && marianne_in_enumeration(text, m.start(), m.end()) => {}
                    None => continue,
                }
            }
            // `Qualipref` must not also count the `Qual-e-pref` it is not, nor overlap it.
            let k = mentions[..before].partition_point(|o| o.start < m.end());
            if k == 0 || mentions[k - 1].end <= start {
                mentions.push(Mention {
                    label,
                    start,
                    end: m.end(),
                });
            }
        }
        mentions.sort_by_key(|m| m.start);
    }
    if mentions.is_empty() {
        return Vec::new();
    }
    mentions.sort_by_key(|m| m.start);
    let sentences = Sentences::new(text);
    let mut labels: Vec<Label> = SPELLINGS
        .iter()
        .map(|spelling| Label {
            name: spelling.name.to_string(),
            mentions: 0,
            modules: Vec::new(),
            events: Vec::new(),
        })
        .collect();
    let mut tied_to_labelling = vec![false; labels.len()];
    for m in &mentions {
        labels[m.label].mentions += 1;
        let (s, e) = sentences.around(m.start);
        let f = fold(&text[s..e]);
        tied_to_labelling[m.label] |=
            f.contains("labellis") || f.contains("labelis") || f.contains("label ");
    }

    // The labels a position refers to: the last one named before it in its sentence with those
    // coordinated with it (`Qualipref et Marianne`), else those named in its sentence, else
    // the last one named, when the sentence speaks of labelling (`Elle a été labellisée le …`,
    // not `96 % ont obtenu un rendez-vous`).
    let referents = |pos: usize| -> Vec<usize> {
        let (s, e) = sentences.around(pos);
        let (first, last) = (
            mentions.partition_point(|m| m.start < s),
            mentions.partition_point(|m| m.start < e),
        );
        let before = mentions
            .partition_point(|m| m.start < pos)
            .clamp(first, last);
        let mut from = first;
        if before > first {
            from = before - 1;
            while from > first && coordinated(&text[mentions[from - 1].end..mentions[from].start]) {
                from -= 1;
            }
        }
        let upto = if before > first { before } else { last };
        let mut here: Vec<usize> = mentions[from..upto].iter().map(|m| m.label).collect();
        here.dedup();
        if here.is_empty() && speaks_of_labelling(&text[s..e]) {
            // The last sentence naming labels before this one; its first label is the subject.
            let last = mentions.partition_point(|m| m.start < s);
            if let Some(k) = last.checked_sub(1) {
                let (ps, _) = sentences.around(mentions[k].start);
                // In bounds: mentions[k] itself starts at or after `ps`, so the point is ≤ k.
                here.push(mentions[mentions.partition_point(|m| m.start < ps)].label);
            }
        }
        here
    };

    let mut seen_sentences: std::collections::HashSet<(usize, usize)> =
        std::collections::HashSet::new();
    let mut status = StatusReader::new(text);
    for d in dates.iter() {
        let (s, e) = sentences.around(d.span.start);
        let Some(kind) = status.at((s, e), d.span.start, d.role == Some(DateRole::Period)) else {
            continue;
        };
        let date = match d.precision {
            Precision::Quarter => d.value.chars().take(4).collect(),
            _ => d.value.clone(),
        };
        seen_sentences.insert((s, e));
        for l in referents(d.span.start) {
            push_event(&mut labels[l], kind, date.clone(), &d.text, d.span);
        }
    }
    // Events dated by a bare year, in sentences no full date already dated.
    for year in YEAR.find_iter(text) {
        let mut from = year.start().saturating_sub(YEAR_CUE_REACH);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let Some(cue_at) = YEAR_CUE.find(&text[from..year.start()]) else {
            continue;
        };
        let whole = Span::new(from + cue_at.start(), year.end());
        let (s, e) = sentences.around(whole.start);
        if seen_sentences.contains(&(s, e)) {
            continue;
        }
        let Some(kind) = status.at((s, e), whole.start, false) else {
            continue;
        };
        for l in referents(whole.start) {
            push_event(
                &mut labels[l],
                kind,
                year.as_str().to_string(),
                &text[whole.start..whole.end],
                whole,
            );
        }
    }
    // The groups of each match found, read by a search from where it starts.
    // The pattern, costly to build, only matches from the ASCII letters `module`.
    let bytes = text.as_bytes();
    let module_named = memchr::memchr2_iter(b'm', b'M', bytes).any(|at| {
        bytes
            .get(at..at + 6)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"module"))
    });
    let module = if module_named {
        Some(MODULE.regex(text))
    } else {
        None
    };
    for caps in module.into_iter().flat_map(|re| {
        crate::boundary::find_iter(re, text).filter_map(|m| re.captures_at(text, m.start()))
    }) {
        let Some(name) = caps.get(1) else { continue };
        let name = crate::dates::text::collapse_ws(name.as_str());
        for l in referents(caps.get(0).map_or(0, |m| m.start())) {
            if !labels[l].modules.contains(&name) {
                labels[l].modules.push(name.clone());
            }
        }
    }

    labels
        .into_iter()
        .enumerate()
        .filter(|(k, l)| {
            l.mentions > 0
                && (l.name != "France Services" || l.mentions >= 2 || tied_to_labelling[*k])
        })
        .map(|(_, l)| l)
        .collect()
}

/// Whether a sentence names labelling itself (`labellisée`, `label`, `certification`, an
/// audit, a module), so that it can speak of a label named in an earlier sentence.
fn speaks_of_labelling(sentence: &str) -> bool {
    let f = fold(sentence);
    ["label", "certifi", "audit", "module"]
        .iter()
        .any(|w| f.contains(w))
}

/// `labellisée Qualipref en 2017, puis Marianne le …`: `Marianne` closing a list of what was
/// labelled, not a given name (no family name after it, no civility before it).
fn marianne_in_enumeration(text: &str, start: usize, end: usize) -> bool {
    let mut from = start.saturating_sub(ENUMERATION_REACH);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = fold(&text[from..start]);
    let joined = before.trim_end().ends_with(" puis")
        || before.trim_end().ends_with(" et")
        || before.trim_end().ends_with(',');
    let after = text[end..].trim_start_matches(|c: char| c == ' ' || c == '\u{a0}');
    let family_name_follows = after.chars().next().is_some_and(char::is_uppercase);
    joined && !family_name_follows && before.contains("labellis")
}

/// Bytes before a name searched for the labelling it is enumerated in.
const ENUMERATION_REACH: usize = 120;

/// Two label names joined by a conjunction or a comma, with no date or figure between them.
fn coordinated(between: &str) -> bool {
    between.len() <= 40 && !between.contains(|c: char| c.is_ascii_digit()) && {
        let f = fold(between);
        let f = f.trim_matches(|c: char| c.is_whitespace() || c == ',');
        f.is_empty()
            || matches!(f, "et" | "ou" | "ainsi que")
            || f.ends_with(" et")
            || f.ends_with(" ou")
    }
}

fn push_event(label: &mut Label, kind: EventKind, date: String, text: &str, span: Span) {
    if !label
        .events
        .iter()
        .any(|e| e.kind == kind && e.date == date)
    {
        label.events.push(LabelEvent {
            kind,
            date,
            text: text.to_string(),
            span,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_compile() {
        SPELLINGS
            .iter()
            .for_each(|spelling| assert!(!spelling.regex.is_match("")));
        OBTAINED.is_match("");
        PLANNED.is_match("");
        MODULE.whole();
        YEAR_CUE.is_match("");
        CONTEXT
            .iter()
            .flatten()
            .for_each(|c| assert!(!c.is_match("")));
        Lazy::force(&CAPITALISED_ENGAGEMENT);
    }

    /// The names of the labels found in `s`.
    fn names(s: &str) -> Vec<String> {
        find_labels(s, &[]).into_iter().map(|l| l.name).collect()
    }

    #[test]
    fn plus_spelt_out_names_the_programme_only_capitalised() {
        assert_eq!(
            names("La préfecture détient le label Services Publics Plus."),
            ["Services publics +"]
        );
        assert!(names("Rendre les services publics plus proches des usagers.").is_empty());
    }

    #[test]
    fn names_a_scan_damaged() {
        assert_eq!(
            names("La préfecture conserve le label Qual-e-pret."),
            ["Qual-e-pref"]
        );
        assert_eq!(names("labellisée Qualipret 2.0 en 2017"), ["Qualipref"]);
        assert_eq!(
            names("Le service est certifié {SO 9001 depuis 2014."),
            ["ISO 9001"]
        );
        assert!(names("Le prêt qualifié est accordé.").is_empty());
    }

    #[test]
    fn cues() {
        let cue = |s: &str| cue_words(&fold(s)).flatten();
        assert_eq!(
            cue("La préfecture a été labellisée en juillet 2022."),
            Some(EventKind::Obtained)
        );
        assert_eq!(
            cue("La préfecture détient le label depuis avril 2017."),
            Some(EventKind::Obtained)
        );
        assert_eq!(
            cue("Objectif : labellisation au plus tard le 31/12/2025"),
            Some(EventKind::Target)
        );
        assert_eq!(cue("audit interne : 28/04/22"), Some(EventKind::Audit));
        assert_eq!(cue("La réunion a eu lieu le 3 mai 2022."), None);
        assert_eq!(
            cue("le label de la préfecture a été renouvelé le 18 juin 2021"),
            Some(EventKind::Obtained)
        );
        assert_eq!(
            cue("La préfecture, lauréate du label en mars 2021"),
            Some(EventKind::Obtained)
        );
        assert_eq!(
            cue("le bus, lauréat d'un appel à projets en mars 2021"),
            None
        );
    }

    #[test]
    fn a_second_subordinate_clause_has_its_own_status() {
        let text = "Le président rappelle que la préfecture a obtenu le label Qual-e-pref le 9 février 2021 et que le prochain audit aura lieu en octobre 2025.";
        let labels = find_labels(text, &crate::dates::find_dates(text));
        let events: Vec<(EventKind, &str)> = labels[0]
            .events
            .iter()
            .map(|e| (e.kind, e.date.as_str()))
            .collect();
        assert_eq!(events, [(EventKind::Obtained, "2021-02-09")]);
    }
}
