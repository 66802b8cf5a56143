//! Who speaks in the discussion: `Monsieur BASTIEN soulève la question…`, `M. Bernard GUY
//! et M. Abderrazak DORAFI font part…`, `- Monsieur COTTIN répond…`, `Emma CAMARA a
//! présenté…`, `M. le Secrétaire Général souhaite…`. A speaker is a name followed by a
//! verb; their turn runs to the next speaker in the same paragraph.

use super::lists::family_key;
use super::names::{self, Context, Name};
use super::vocab::{self, fold};
use super::{Intervention, Participant};
use crate::segment::{Block, BlockKind};
use crate::span::Span;
use once_cell::sync::Lazy;
use std::collections::{BTreeMap, HashMap, HashSet};
use regex::Regex;

/// Words that follow a name without making it the subject of a sentence.
const NOT_VERBS: &[&str] = &[
    "de", "du", "des", "et", "à", "au", "aux", "en", "pour", "par", "sur", "qui", "que", "dans", "avec", "le", "la", "les",
    "l", "d", "ou", "est-il", "ont", "sont",
];

static CIVILITY: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b(?:Monsieur|Madame|monsieur|madame|Mmes|Mme|Mlle|MM\.|M\.|M)\s").expect("static regex"));
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

pub fn find(text: &str, blocks: &[Block], list_blocks: &[bool], participants: &[Participant]) -> Vec<Intervention> {
    let mut out = Vec::new();
    let index = Index::new(participants);
    for (block, _) in blocks.iter().zip(list_blocks).filter(|(_, listed)| !**listed) {
        if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem) {
            continue;
        }
        let s = block.content_text(text);
        let speakers = speakers(s, &index.full_names);
        for (k, speaker) in speakers.iter().enumerate() {
            let end = speakers.get(k + 1).map_or(s.len(), |next| next.start);
            let said = s[speaker.said..end].trim();
            if said.is_empty() {
                continue;
            }
            let span = Span::new(block.content.start + speaker.start, block.content.start + speaker.said + s[speaker.said..end].trim_end().len());
            let said = said.split_whitespace().collect::<Vec<_>>().join(" ");
            if let Some(office) = &speaker.office {
                let participant = index.by_office(office);
                let speaker = participant.map_or_else(|| office.clone(), |i| display(&participants[i]));
                out.push(Intervention { participant, speaker, text: said.clone(), span });
            }
            for name in &speaker.names {
                let participant = index.by_name(name);
                let speaker = participant.map_or_else(|| name.display(), |i| display(&participants[i]));
                out.push(Intervention { participant, speaker, text: said.clone(), span });
            }
        }
    }
    out
}

fn speakers(s: &str, full_names: &[(String, String, String)]) -> Vec<Speaker> {
    let mut found: Vec<Speaker> = Vec::new();
    for m in OFFICE.captures_iter(s) {
        let (Some(whole), Some(office)) = (m.get(0), m.get(1)) else { continue };
        if let Some(said) = verb_after(s, whole.end()) {
            found.push(Speaker { start: whole.start(), names: Vec::new(), office: Some(office.as_str().to_string()), said });
        }
    }
    for m in CIVILITY.find_iter(s) {
        if found.iter().any(|f| f.start <= m.start() && m.start() < f.said) {
            continue;
        }
        if let Some((names, end)) = names::parse_people(s, m.start(), Context::Prose) {
            if let Some(said) = verb_after(s, end) {
                found.push(Speaker { start: m.start(), names, office: None, said });
            }
        }
    }
    // Listed participants named without a civility: `Emma CAMARA a présenté`.
    for (full, given, family) in full_names {
        for (at, _) in s.match_indices(full.as_str()) {
            if found.iter().any(|f| f.start <= at && at < f.said) {
                continue;
            }
            let preceded_ok = s[..at].chars().next_back().map_or(true, |c| !c.is_alphanumeric());
            if let (true, Some(said)) = (preceded_ok, verb_after(s, at + full.len())) {
                let name = Name { civility: None, given: Some(given.clone()), family: family.clone(), start: at, end: at + full.len() };
                found.push(Speaker { start: at, names: vec![name], office: None, said });
            }
        }
    }
    found.sort_by_key(|f| f.start);
    found
}

/// The offset of the verb that makes the name at `end` a subject, if one does.
fn verb_after(s: &str, end: usize) -> Option<usize> {
    let rest = &s[end..];
    let skipped = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let at = end + skipped;
    let word: String = s[at..].chars().take_while(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-')).collect();
    let first = word.chars().next()?;
    let head = word.split(['\'', '’']).next().unwrap_or("");
    let verbish = first.is_lowercase() && !NOT_VERBS.contains(&head) && !NOT_VERBS.contains(&word.as_str()) && !vocab::is_role_noun(&word);
    verbish.then_some(at)
}

/// The participants keyed as speakers are matched, built once per document: matching each
/// speaker by scanning and folding the whole list made a file holding many minutes quadratic.
struct Index {
    /// Family key → (participant, folded initial of the given name).
    by_family: HashMap<String, Vec<(usize, Option<char>)>>,
    /// Folded role → participants holding it.
    by_role: BTreeMap<String, Vec<usize>>,
    /// `Given FAMILY`, given, family of the listed people, each once (a repeat would find
    /// its places taken).
    full_names: Vec<(String, String, String)>,
}

impl Index {
    fn new(participants: &[Participant]) -> Index {
        let mut index = Index { by_family: HashMap::new(), by_role: BTreeMap::new(), full_names: Vec::new() };
        let mut named = HashSet::new();
        for (i, p) in participants.iter().enumerate() {
            if let Some(given) = &p.given_name {
                let full = format!("{given} {}", p.family_name);
                if named.insert(full.clone()) {
                    index.full_names.push((full, given.clone(), p.family_name.clone()));
                }
            }
            let initial = p.given_name.as_deref().and_then(|g| fold(g).chars().next());
            index.by_family.entry(family_key(&p.family_name)).or_default().push((i, initial));
            if let Some(role) = &p.role {
                index.by_role.entry(fold(role)).or_default().push(i);
            }
        }
        index
    }

    fn by_name(&self, name: &Name) -> Option<usize> {
        let initial = name.given.as_deref().and_then(|g| fold(g).chars().next());
        let listed = self.by_family.get(&family_key(&name.family))?;
        let mut matches = listed.iter().filter(|(_, b)| match (initial, b) {
            (Some(a), Some(b)) => a == *b,
            _ => true,
        });
        // Two listed people with that family name and no given name to choose: unknown.
        match (matches.next(), matches.next()) {
            (Some((i, _)), None) => Some(*i),
            _ => None,
        }
    }

    fn by_office(&self, office: &str) -> Option<usize> {
        let office = fold(office);
        let stem = office.trim_end_matches('e');
        // Roles starting with the stem, in order; the office itself (`secrétaire général`)
        // before longer roles that start with it (`secrétaire générale de la sous-préfecture`).
        let starting = || self.by_role.range(stem.to_string()..).take_while(|(role, _)| role.starts_with(stem));
        let mut exact = starting().filter(|(role, _)| role.trim_end_matches('e') == stem).flat_map(|(_, ids)| ids);
        if let (Some(i), None) = (exact.next(), exact.next()) {
            return Some(*i);
        }
        let mut matches = starting().flat_map(|(_, ids)| ids);
        match (matches.next(), matches.next()) {
            (Some(i), None) => Some(*i),
            _ => None,
        }
    }
}

fn display(p: &Participant) -> String {
    match &p.given_name {
        Some(g) => format!("{g} {}", p.family_name),
        None => p.family_name.clone(),
    }
}
