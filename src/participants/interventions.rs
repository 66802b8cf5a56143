//! Who speaks in the discussion: `Monsieur BASTIEN soulève la question…`, `M. Bernard GUY
//! et M. Abderrazak DORAFI font part…`, `- Monsieur COTTIN répond…`, `Emma CAMARA a
//! présenté…`, `M. le Secrétaire Général souhaite…` (the participant holding that office,
//! the chair first), `⇒ la préfecture a multiplié…` (the service an answer line names). A
//! speaker is a name followed by a verb; their turn runs to the next speaker in the same
//! paragraph.

use super::lists::family_key;
use super::names::{self, Context, Name};
use super::vocab::{self, fold};
use super::{Intervention, Participant};
use crate::boundary;
use crate::segment::{Block, BlockKind};
use crate::span::Span;
use once_cell::sync::Lazy;
use regex::Regex;

/// Words that follow a name without making it the subject of a sentence.
const NOT_VERBS: &[&str] = &[
    "de", "du", "des", "et", "à", "au", "aux", "en", "pour", "par", "sur", "qui", "que", "dans",
    "avec", "le", "la", "les", "l", "d", "ou", "est-il", "ont", "sont",
];

/// `M. le Secrétaire Général`, `Mme la sous-préfète`: a speaker named by office.
static OFFICE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:M\.|Monsieur|Mme|Madame)\s+(?:le|la)\s+((?:sous-)?préf[eè]te?|secrétaire générale?|directeur|directrice|président|présidente)\b")
        .expect("static regex")
});

struct Speaker {
    start: usize,
    names: Vec<Name>,
    office: Option<String>,
    /// Where what they say begins (the verb).
    said: usize,
}

pub fn find(
    text: &str,
    blocks: &[Block],
    list_blocks: &[bool],
    participants: &[Participant],
    chair: Option<usize>,
) -> Vec<Intervention> {
    let mut out = Vec::new();
    // Listed names, searched all at once in each block rather than one by one.
    let full_names: Vec<(usize, String)> = participants
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            p.given_name
                .as_ref()
                .map(|given| (i, format!("{given} {}", p.family_name)))
        })
        .collect();
    // Built per document and run over its prose once: a contiguous NFA builds several
    // times faster than the DFA the default picks for few names, and finds the same matches.
    let names_automaton = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(full_names.iter().map(|(_, n)| n.as_str()))
        .ok();
    let families = family_index(participants);
    for (block, _) in blocks
        .iter()
        .zip(list_blocks)
        .filter(|(_, listed)| !**listed)
    {
        if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem) {
            continue;
        }
        let s = block.content_text(text);
        let answer_line = block
            .marker
            .is_some_and(|m| matches!(&text[m.start..m.end], "⇒" | "→"));
        if let Some((service, said)) = answer_line.then(|| answering_service(s)).flatten() {
            let span = Span::new(block.content.start, block.content.end);
            let said = s[said..].split_whitespace().collect::<Vec<_>>().join(" ");
            out.push(Intervention {
                participant: None,
                speaker: service,
                text: said,
                span,
            });
        }
        let speakers = speakers(s, participants, &full_names, names_automaton.as_ref());
        for (k, speaker) in speakers.iter().enumerate() {
            let end = speakers.get(k + 1).map_or(s.len(), |next| next.start);
            let said = s[speaker.said..end].trim();
            if said.is_empty() {
                continue;
            }
            let span = Span::new(
                block.content.start + speaker.start,
                block.content.start + speaker.said + s[speaker.said..end].trim_end().len(),
            );
            let said = said.split_whitespace().collect::<Vec<_>>().join(" ");
            if let Some(office) = &speaker.office {
                let participant = by_office(office, participants, chair);
                let speaker =
                    participant.map_or_else(|| office.clone(), |i| display(&participants[i]));
                out.push(Intervention {
                    participant,
                    speaker,
                    text: said.clone(),
                    span,
                });
            }
            for name in &speaker.names {
                let participant = by_name(name, participants, &families);
                let speaker =
                    participant.map_or_else(|| name.display(), |i| display(&participants[i]));
                out.push(Intervention {
                    participant,
                    speaker,
                    text: said.clone(),
                    span,
                });
            }
        }
    }
    out
}

fn speakers(
    s: &str,
    participants: &[Participant],
    full_names: &[(usize, String)],
    automaton: Option<&aho_corasick::AhoCorasick>,
) -> Vec<Speaker> {
    let mut found: Vec<Speaker> = Vec::new();
    for m in OFFICE.captures_iter(s) {
        let (Some(whole), Some(office)) = (m.get(0), m.get(1)) else {
            continue;
        };
        if let Some(said) = verb_after(s, whole.end()) {
            found.push(Speaker {
                start: whole.start(),
                names: Vec::new(),
                office: Some(office.as_str().to_string()),
                said,
            });
        }
    }
    for m in boundary::find_window_iter(&vocab::CIVILITY, s) {
        if found
            .iter()
            .any(|f| f.start <= m.start() && m.start() < f.said)
        {
            continue;
        }
        if let Some((names, end)) = names::parse_people(s, m.start(), Context::Prose) {
            if let Some(said) = verb_after(s, end) {
                found.push(Speaker {
                    start: m.start(),
                    names,
                    office: None,
                    said,
                });
            }
        }
    }
    // Listed participants named without a civility: `Emma CAMARA a présenté`.
    for m in automaton
        .into_iter()
        .flat_map(|a| a.find_overlapping_iter(s))
    {
        let (at, (index, full)) = (m.start(), &full_names[m.pattern().as_usize()]);
        let p = &participants[*index];
        let Some(given) = &p.given_name else { continue };
        if found.iter().any(|f| f.start <= at && at < f.said) {
            continue;
        }
        let preceded_ok = s[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if let (true, Some(said)) = (preceded_ok, verb_after(s, at + full.len())) {
            let name = Name {
                civility: None,
                given: Some(given.clone()),
                family: p.family_name.clone(),
                start: at,
                end: at + full.len(),
            };
            found.push(Speaker {
                start: at,
                names: vec![name],
                office: None,
                said,
            });
        }
    }
    found.sort_by_key(|f| f.start);
    found
}

/// `⇒ la préfecture de la Moselle a multiplié…`: the service an answer line names as its
/// subject (an organisation word after the article, then its complement) and where the
/// answer's verb begins.
fn answering_service(s: &str) -> Option<(String, usize)> {
    static ARTICLE: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"^(?:[Ll]es|[Ll]a|[Ll]e|[Ll]['’])\s*").expect("static regex"));
    static WORD: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"[^\s'’,;:.]+['’]?").expect("static regex"));
    let start = ARTICLE.find(s)?.end();
    let mut end = start;
    let mut after_particle = false;
    for (k, m) in WORD.find_iter(&s[start..]).enumerate() {
        let word = m.as_str();
        let particle = matches!(
            fold(word).as_str(),
            "de" | "du" | "des" | "la" | "le" | "les" | "l'" | "d'"
        );
        let named = word.starts_with(char::is_uppercase);
        let belongs = if k == 0 {
            vocab::is_org_marker(word)
        } else {
            particle || named || after_particle
        };
        if !belongs {
            break;
        }
        if !particle {
            end = start + m.end();
        }
        after_particle = particle;
    }
    let said = verb_after(s, end).filter(|_| end > start)?;
    Some((s[start..end].to_string(), said))
}

/// The offset of the verb that makes the name at `end` a subject, if one does. A
/// parenthesis right after the name (`M. X (UDAF) interroge`) is skipped.
fn verb_after(s: &str, end: usize) -> Option<usize> {
    let rest = &s[end..];
    let mut skipped = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    if s[end + skipped..].starts_with('(') {
        let close = s[end + skipped..].find(')').filter(|&c| c <= 80)?;
        let after = &s[end + skipped + close + 1..];
        skipped += close + 1 + after.len() - after.trim_start_matches([' ', '\t']).len();
    }
    let at = end + skipped;
    let word: String = s[at..]
        .chars()
        .take_while(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
        .collect();
    let first = word.chars().next()?;
    let head = word.split(['\'', '’']).next().unwrap_or("");
    let verbish = first.is_lowercase()
        && !NOT_VERBS.contains(&head)
        && !NOT_VERBS.contains(&word.as_str())
        && !vocab::is_role_noun(&word);
    verbish.then_some(at)
}

/// Listed participants by folded family name, computed once per document.
fn family_index(participants: &[Participant]) -> std::collections::HashMap<String, Vec<usize>> {
    let mut index: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
    for (i, p) in participants.iter().enumerate() {
        index.entry(family_key(&p.family_name)).or_default().push(i);
    }
    index
}

fn by_name(
    name: &Name,
    participants: &[Participant],
    families: &std::collections::HashMap<String, Vec<usize>>,
) -> Option<usize> {
    let initial = name.given.as_deref().and_then(|g| fold(g).chars().next());
    let matches: Vec<usize> = families
        .get(&family_key(&name.family))
        .into_iter()
        .flatten()
        .copied()
        .filter(|&i| {
            match (
                initial,
                participants[i]
                    .given_name
                    .as_deref()
                    .and_then(|g| fold(g).chars().next()),
            ) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
        })
        .collect();
    // Two listed people with that family name and no given name to choose: unknown.
    (matches.len() == 1).then(|| matches[0])
}

fn by_office(office: &str, participants: &[Participant], chair: Option<usize>) -> Option<usize> {
    let office = fold(office);
    let stem = office.trim_end_matches('e');
    // The chair presides, and holds the office named when their role starts with it
    // (`secrétaire général de la préfecture`, not a sous-préfecture's).
    if let Some(c) = chair.filter(|&c| c < participants.len()) {
        let role = participants[c]
            .role
            .as_deref()
            .map(fold)
            .unwrap_or_default();
        if stem == "president" || role.starts_with(stem) {
            return Some(c);
        }
    }
    // The office itself (`secrétaire général`) before longer roles that start with it
    // (`secrétaire générale de la sous-préfecture`).
    let exact: Vec<usize> = participants
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.role
                .as_deref()
                .is_some_and(|r| fold(r).trim_end_matches('e') == stem)
        })
        .map(|(i, _)| i)
        .collect();
    if exact.len() == 1 {
        return Some(exact[0]);
    }
    let matches: Vec<usize> = participants
        .iter()
        .enumerate()
        .filter(|(_, p)| p.role.as_deref().is_some_and(|r| fold(r).starts_with(stem)))
        .map(|(i, _)| i)
        .collect();
    (matches.len() == 1).then(|| matches[0])
}

fn display(p: &Participant) -> String {
    match &p.given_name {
        Some(g) => format!("{g} {}", p.family_name),
        None => p.family_name.clone(),
    }
}
