//! The meeting (committee, authority, department, date, times, place), the document
//! (issue date and place, signatory, contact) and the agenda.

use crate::dates::{DateMention, Precision};
use crate::departments::{self, Department};
use crate::record::{Contact, DepartmentRef, DocumentInfo, Meeting, Signatory};
use crate::segment::{Block, BlockKind};
use crate::span::Span;
use once_cell::sync::Lazy;
use regex::Regex;

#[derive(Debug, Clone, Default)]
pub struct Found {
    pub meeting: Meeting,
    pub document: DocumentInfo,
    pub agenda: Vec<String>,
    /// Spans of the dates chosen as meeting and issue dates, for the dates' roles.
    pub meeting_date_span: Option<Span>,
    pub issued_date_span: Option<Span>,
}

pub fn extract(text: &str, blocks: &[Block], dates: &[DateMention]) -> Found {
    let days: Vec<&DateMention> = dates.iter().filter(|d| d.precision == Precision::Day).collect();
    let dates = days.as_slice();
    let issued = issued_date(text, dates);
    let meeting_date = meeting_date(text, blocks, dates, issued.as_ref().map(|(d, _)| d.span));
    let mut meeting = Meeting {
        committee: committee(text),
        authority: authority(text),
        department: department(text).map(|d| DepartmentRef { name: d.name.to_string(), code: d.code.to_string() }),
        date: meeting_date.as_ref().map(|d| d.value.clone()),
        ..Meeting::default()
    };
    if let Some(date) = &meeting_date {
        let (start, end, place) = times_and_place(text, blocks, date.span);
        meeting.start_time = start;
        meeting.end_time = end;
        meeting.place = place;
    }
    let document = DocumentInfo {
        issued_date: issued.as_ref().map(|(d, _)| d.value.clone()),
        issued_place: issued.as_ref().map(|(_, place)| place.clone()),
        signatory: signatory(text),
        contact: contact(text),
    };
    Found {
        meeting,
        document,
        agenda: agenda(text, blocks),
        meeting_date_span: meeting_date.map(|d| d.span),
        issued_date_span: issued.map(|(d, _)| d.span),
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

static CLUAC: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\bCLUAC\b|comit[ée]\s+locale?\s+des\s+usagers\s+et\s+de\s+l\W{0,2}\s*am[ée]lioration\s+continue").unwrap()
});
static CLU: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\bCLU\b|(?i)comit[ée]\s+(?:locale?\s+)?des\s+(?:usagers|utilisateurs)").unwrap());

fn committee(text: &str) -> Option<String> {
    if CLUAC.is_match(text) {
        Some("CLUAC".into())
    } else if CLU.is_match(text) {
        Some("CLU".into())
    } else {
        None
    }
}

/// `Préfecture de la Marne`, `PRÉFET DE L' AISNE`, `préfecture du Val-de-Marne`: the first
/// issuing body named with its department.
static AUTHORITY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:sous-)?pr[ée]f(?:et|[èe]te|ecture)\s+(?:de\s+la|de\s+l\s*['’]\s*|du|des|de|d['’]\s*)\s*[A-ZÀ-Ýa-zà-ÿ'’ -]{3,40}").unwrap()
});

fn authority(text: &str) -> Option<String> {
    let head = &text[..floor_boundary(text, 3000)];
    for m in AUTHORITY.find_iter(head) {
        // Keep the words up to the department name.
        for mention in departments::find_mentions(m.as_str()) {
            let found = &m.as_str()[..mention.end];
            return Some(collapse(found));
        }
    }
    None
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Weighs each department named: by the prefecture (`Préfet de`, `préfecture du`), by its
/// web domain (`haute-marne.gouv.fr`), by `dans la`/`en`, and more in the letterhead.
fn department(text: &str) -> Option<&'static Department> {
    static DOMAIN: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)\b([a-z-]+)\.gouv\.fr\b").unwrap());
    static PREFECTURE_BEFORE: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?i)(?:pr[ée]f(?:et|[èe]te|ecture)|d[ée]partement|services\s+de\s+l.?[ée]tat)\s+(?:de\s+la|de\s+l\s*['’]?|du|des|de|d['’]|dans\s+la|dans\s+le|dans\s+l['’]|en)\s*$").unwrap()
    });
    static PLACE_BEFORE: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"(?i)(?:dans\s+(?:la|le|les|l['’])|\ben)\s*$").unwrap());
    static CITY_DATE: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"(?m)^\s*([A-ZÀ-Ý][\w’' -]{1,40}?),?\s+le\s+\d").unwrap());
    static SUBPREFECTURE: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"(?i)sous-pr[ée]fecture\s+(?:de|d['’])\s*([A-ZÀ-Ý][\w’'-]+(?:[- ](?:sur|en|le|la|les|de|du|aux)?[- ]?[A-ZÀ-Ý][\w’'-]+)*)").unwrap());
    let mut scores: Vec<(&'static Department, f32)> = Vec::new();
    let mut add = |dept: &'static Department, weight: f32| match scores.iter_mut().find(|(d, _)| d.code == dept.code) {
        Some((_, s)) => *s += weight,
        None => scores.push((dept, weight)),
    };
    let letterhead_end = floor_boundary(text, text.len().min(1500));
    for mention in departments::find_mentions(text) {
        let before = &text[floor_boundary(text, mention.start.saturating_sub(60))..mention.start];
        let mut weight = if PREFECTURE_BEFORE.is_match(before) {
            3.0
        } else if PLACE_BEFORE.is_match(before) {
            2.0
        } else {
            0.3
        };
        if mention.start < letterhead_end {
            weight *= 2.0;
        }
        add(mention.dept, weight);
    }
    for c in DOMAIN.captures_iter(text) {
        if let Some(dept) = c.get(1).and_then(|m| departments::by_name(&m.as_str().replace('-', " "))) {
            add(dept, 3.0);
        }
    }
    for c in CITY_DATE.captures_iter(text) {
        if let Some(dept) = c.get(1).and_then(|m| departments::by_city(m.as_str().trim())) {
            add(dept, 1.5);
        }
    }
    for c in SUBPREFECTURE.captures_iter(text) {
        if let Some(dept) = c.get(1).and_then(|m| departments::by_city(m.as_str())) {
            add(dept, 0.5);
        }
    }
    scores.into_iter().filter(|(_, s)| *s >= 1.0).max_by(|a, b| a.1.total_cmp(&b.1)).map(|(d, _)| d)
}

/// `Chaumont, le 08 AVR. 2024` / `Metz, le 10 janvier 2024` at the start of a line.
fn issued_date<'d>(text: &str, dates: &[&'d DateMention]) -> Option<(&'d DateMention, String)> {
    static PLACE_LE: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"(?:^|\n)[ \t]*([A-ZÀ-Ý][\w’'-]+(?:[ -][\w’'-]+){0,3}),?[ \t]+le[ \t]*$").unwrap());
    dates.iter().find_map(|date| {
        // A place and `le` make a short line: looking back a bounded window keeps a file
        // without line breaks linear; a longer line cannot match.
        let window = floor_boundary(text, date.span.start.saturating_sub(200));
        let line_start = match text[window..date.span.start].rfind('\n') {
            Some(i) => window + i + 1,
            None if window == 0 => 0,
            None => return None,
        };
        let before = &text[line_start..date.span.start];
        let c = PLACE_LE.captures(before)?;
        let place = c.get(1)?.as_str().trim().to_string();
        let lower = place.to_lowercase();
        // `Mercredi, le …` or `Compte rendu du … le` are not places.
        if ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "fait"].iter().any(|w| lower.starts_with(w)) {
            return None;
        }
        Some((*date, place))
    })
}

static COMMITTEE_WORDS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\bCLU(?:AC)?\b|comit[ée]|compte[- ]rendu|r[ée]union|s[ée]ance|s.est\s+tenue?|usagers").unwrap()
});
static WEEKDAY_BEFORE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s*,?\s*(?:le\s+)?$").unwrap());
/// A meeting referred to, not the one minuted.
static EARLIER: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)\b(?:avait|avaient|pr[ée]c[ée]dente?|derni[eè]re?|lors\s+du|prochaine?)\b").unwrap());
static HELD: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)s.est\s+tenue?|r[ée]uni").unwrap());
static TIME: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)\b([01]?\d|2[0-3])\s*h\s*([0-5]\d)?\b").unwrap());

/// The meeting date: in the title area, with the committee's name or a weekday or a time
/// beside it; a reference to an earlier meeting further down does not compete.
fn meeting_date<'d>(text: &str, blocks: &[Block], dates: &[&'d DateMention], issued: Option<Span>) -> Option<&'d DateMention> {
    let title_zone = (text.len() / 6).max(1500);
    let mut best: Option<(f32, &DateMention)> = None;
    for &date in dates {
        if Some(date.span) == issued {
            continue;
        }
        // Blocks follow one another in the text: the one holding the date is the last
        // starting at or before it, found by binary search (a scan per date was quadratic).
        let block = blocks[..blocks.partition_point(|b| b.span.start <= date.span.start)]
            .last()
            .filter(|b| date.span.end <= b.span.end);
        // A huge block (a file without line breaks) is read in a window around the date, so
        // that each date costs a bounded scan. Both ends are char boundaries around the date.
        let block_text = match block {
            Some(b) if b.span.len() <= 4096 => b.text(text),
            Some(_) => &text[floor_boundary(text, date.span.start.saturating_sub(2048))..floor_boundary(text, date.span.end + 2048)],
            None => "",
        };
        let before = &text[floor_boundary(text, date.span.start.saturating_sub(40))..date.span.start];
        let after = &text[date.span.end..floor_boundary(text, date.span.end + 30)];
        let mut score = 0.0;
        if date.span.start < title_zone {
            score += 3.0;
        } else if date.span.start < text.len() * 2 / 5 {
            score += 1.0;
        }
        if block_text.len() < 400 && COMMITTEE_WORDS.is_match(block_text) {
            score += 2.0;
        }
        if EARLIER.is_match(block_text) {
            score -= 2.0;
        }
        if WEEKDAY_BEFORE.is_match(before) {
            score += 2.0;
        }
        if TIME.find(after).is_some_and(|m| m.start() < 8) {
            score += 1.5;
        }
        if HELD.is_match(&text[floor_boundary(text, date.span.start.saturating_sub(200))..date.span.start]) {
            score += 1.0;
        }
        if block.is_some_and(|b| b.kind == BlockKind::Heading) {
            score += 1.0;
        }
        if score >= 2.0 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, date));
        }
    }
    best.map(|(_, d)| d)
}

/// Times and place follow the meeting date: `14h30-16h30 – Salle X`, `à 14h`,
/// `de 14h30 à 16h15`, `à Metz`, `en salle des fêtes de …`.
fn times_and_place(text: &str, blocks: &[Block], date: Span) -> (Option<String>, Option<String>, Option<String>) {
    // The rest of the date's line and the next line.
    let mut end = text[date.end..].find('\n').map_or(text.len(), |i| date.end + i);
    if let Some(next) = text[(end + 1).min(text.len())..].find('\n') {
        let next_line = &text[(end + 1).min(text.len())..(end + 1 + next).min(text.len())];
        if !next_line.trim().is_empty() && next_line.len() < 120 {
            end = (end + 1 + next).min(text.len());
        }
    }
    let _ = blocks;
    let tail = &text[date.end..end];
    let times: Vec<(String, usize, usize)> = TIME
        .captures_iter(tail)
        .take_while(|c| c.get(0).is_some_and(|m| m.start() < 60))
        .filter_map(|c| {
            let m = c.get(0)?;
            let hours: u32 = c.get(1)?.as_str().parse().ok()?;
            let minutes: u32 = c.get(2).map_or(Some(0), |m| m.as_str().parse().ok())?;
            Some((format!("{hours:02}:{minutes:02}"), m.start(), m.end()))
        })
        .take(2)
        .collect();
    let start = times.first().map(|t| t.0.clone());
    let end_time = times.get(1).filter(|t| t.1 - times[0].2 <= 5).map(|t| t.0.clone());
    let after_times = times.get(if end_time.is_some() { 1 } else { 0 }).map_or(0, |t| t.2);
    let place = place(&tail[after_times..]);
    (start, end_time, place)
}

fn place(tail: &str) -> Option<String> {
    static SALLE: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?i)^[\s,–—-]*(?:en|dans\s+la|à\s+la|au|à|a)?\s*((?:salle|amphith[ée][aâ]tre|h[ôo]tel|mairie|locaux|si[èe]ge)\b[^\n.;()]*)").unwrap()
    });
    static CITY: Lazy<Regex> = Lazy::new(|| Regex::new(r"^\s*,?\s*(?:à|en)\s+([A-ZÀ-Ý][\w’'-]+(?:[ -][A-ZÀ-Ý][\w’'-]+)*)").unwrap());
    if let Some(c) = SALLE.captures(tail) {
        return c.get(1).map(|m| collapse(m.as_str().trim_end_matches([' ', ',', ':'])));
    }
    CITY.captures(tail).and_then(|c| c.get(1)).map(|m| m.as_str().to_string())
}

/// The signature closes the minutes: `Le préfet,` / `Pour le préfet et par délégation, le
/// secrétaire général` followed by the name, in whatever case.
fn signatory(text: &str) -> Signatory {
    static ROLE: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?i)^(?:pour\s+(?:le|la)\s+pr[ée]f[eè]te?.*?(?:d[ée]l[ée]gation)?[\s,]*)?((?:l[ea]\s+)?(?:sous-pr[ée]f[eè]te?|pr[ée]f[eè]te?|secr[ée]taire\s+g[ée]n[ée]ral(?:e)?(?:\s+adjointe?)?|directeur(?:\s+de\s+cabinet)?|directrice(?:\s+de\s+cabinet)?|directeur\s+du\s+cabinet))\s*[.,]?\s*$").unwrap()
    });
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.len().saturating_sub(lines.len() / 3 + 10);
    let mut found = Signatory::default();
    for (i, line) in lines.iter().enumerate().skip(start) {
        let trimmed = line.trim();
        let Some(c) = ROLE.captures(trimmed) else { continue };
        let role = c.get(1).map(|m| m.as_str().trim().to_string());
        if let Some(name) = lines.iter().skip(i + 1).take(6).map(|l| l.trim()).find(|l| !l.is_empty()).and_then(person_name) {
            found = Signatory { name: Some(name), role };
        }
    }
    found
}

/// `Henri PREVOST`, `PIERRE LARREY`, `Richard Smith` → `Given FAMILY`.
pub fn person_name(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) {
        return None;
    }
    let is_word = |w: &&str| w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’') && w.chars().next().is_some_and(char::is_uppercase);
    if !words.iter().all(is_word) {
        return None;
    }
    let all_caps = |w: &&str| w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    let given = words[0];
    let family: Vec<String> = words[1..].iter().map(|w| w.to_uppercase()).collect();
    let given = if all_caps(&given) { title_case(given) } else { given.to_string() };
    Some(format!("{given} {}", family.join(" ")))
}

fn title_case(word: &str) -> String {
    word.split('-')
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

fn contact(text: &str) -> Contact {
    static FOLLOWED_BY: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?i)(?:affaire|dossier)\s+suivie?\s+par\s*:?\s*\n?\s*((?:M\.|Mme|Monsieur|Madame)?\s*[A-ZÀ-Ý][\w’'-]+(?:[ \t]+[A-ZÀ-Ý][\w’'-]+){1,3})").unwrap()
    });
    static PHONE: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)t[ée]l(?:[ée]phone)?\.?\s*:?\s*((?:\+33\s?|0)\d(?:[ .]?\d{2}){4})").unwrap());
    static EMAIL: Lazy<Regex> = Lazy::new(|| Regex::new(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+").unwrap());
    let head = &text[..floor_boundary(text, 2500)];
    let Some(c) = FOLLOWED_BY.captures(head) else {
        return Contact::default();
    };
    let at = c.get(0).map_or(0, |m| m.start());
    let window = &head[at..floor_boundary(head, at + 400)];
    Contact {
        name: c.get(1).map(|m| collapse(m.as_str())),
        phone: PHONE.captures(window).and_then(|p| p.get(1)).map(|m| m.as_str().to_string()),
        email: EMAIL.find(window).map(|m| m.as_str().to_string()),
    }
}

/// Items under `Ordre du jour` / `Sujets à l'ordre du jour`, without bullets or numbers.
fn agenda(text: &str, blocks: &[Block]) -> Vec<String> {
    static HEADING: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)^(?:sujets?\s+)?(?:[àa]\s+)?l?\W{0,2}\s*ordre\s+du\s+jour\s*:?\s*$").unwrap());
    static NUMBER: Lazy<Regex> = Lazy::new(|| Regex::new(r"^\d+").unwrap());
    let Some(start) = blocks.iter().position(|b| HEADING.is_match(b.content_text(text).trim()) || HEADING.is_match(b.text(text).trim())) else {
        return Vec::new();
    };
    let mut items = Vec::new();
    let mut last_number = 0;
    for block in &blocks[start + 1..] {
        let numbered = block.marker.and_then(|m| NUMBER.find(&text[m.start..m.end]).and_then(|n| n.as_str().parse::<u32>().ok()));
        let is_item = match block.kind {
            BlockKind::ListItem => true,
            BlockKind::Heading => numbered.is_some_and(|n| n > last_number) && block.level >= 7,
            BlockKind::Paragraph => items.is_empty() || !block.after_blank,
            BlockKind::TableRow => false,
        };
        if !is_item {
            break;
        }
        if let Some(n) = numbered {
            last_number = n;
        }
        // A bullet followed by unbulleted lines, one item a line (OCR lost the bullets).
        let content = block.content_text(text);
        let lines: Vec<&str> = content.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        let one_per_line = lines.len() > 1
            && lines.windows(2).all(|w| w[0].ends_with([',', ';', '.']) || w[1].starts_with(|c: char| c.is_uppercase()))
            && lines.iter().skip(1).all(|l| l.starts_with(|c: char| c.is_uppercase()));
        if one_per_line {
            items.extend(lines.iter().map(|l| clean_item(l)));
        } else {
            items.push(clean_item(content));
        }
    }
    items.retain(|i| !i.is_empty());
    items
}

fn clean_item(item: &str) -> String {
    static LEADING_MARK: Lazy<Regex> = Lazy::new(|| Regex::new(r"^(?:[-–—•·*+¢>]|\d{1,2}[.)])\s+").unwrap());
    let item = collapse(item);
    let item = LEADING_MARK.replace(&item, "");
    item.trim_end_matches([',', ';', '.', ':', ' ']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn day(text: &str, needle: &str, value: &str) -> DateMention {
        let start = text.find(needle).unwrap();
        DateMention {
            text: needle.into(),
            value: value.into(),
            precision: Precision::Day,
            role: None,
            span: Span::new(start, start + needle.len()),
        }
    }

    #[test]
    fn committee_kind() {
        assert_eq!(committee("Comité local des usagers et de l'amélioration continue"), Some("CLUAC".into()));
        assert_eq!(committee("COMPTE RENDU DU CLU"), Some("CLU".into()));
        assert_eq!(committee("Réunion de service"), None);
    }

    #[test]
    fn meeting_date_times_place_and_issue_date() {
        let t = "PRÉFET DU GERS\n\nAuch, le 3 avril 2023\n\nCOMPTE RENDU DU COMITÉ LOCAL DES USAGERS\n\nMardi 14 mars 2023\n14h30-16h15 – Salle Jean Moulin\n\nLe comité réuni le 20 septembre 2021 avait proposé …\n";
        let blocks = segment(t, &[]);
        let dates = vec![day(t, "3 avril 2023", "2023-04-03"), day(t, "14 mars 2023", "2023-03-14"), day(t, "20 septembre 2021", "2021-09-20")];
        let found = extract(t, &blocks, &dates);
        assert_eq!(found.meeting.date.as_deref(), Some("2023-03-14"));
        assert_eq!(found.meeting.start_time.as_deref(), Some("14:30"));
        assert_eq!(found.meeting.end_time.as_deref(), Some("16:15"));
        assert_eq!(found.meeting.place.as_deref(), Some("Salle Jean Moulin"));
        assert_eq!(found.document.issued_date.as_deref(), Some("2023-04-03"));
        assert_eq!(found.document.issued_place.as_deref(), Some("Auch"));
        assert_eq!(found.meeting.department.map(|d| d.code), Some("32".to_string()));
    }

    #[test]
    fn department_is_told_from_longer_names() {
        let t = "Préfecture du Val-de-Marne\nLe comité s'est réuni à la sous-préfecture de Nogent-sur-Marne.";
        assert_eq!(department(t).map(|d| d.code), Some("94"));
        let t = "PRÉFET DE LA HAUTE-MARNE\nréunion à Chaumont";
        assert_eq!(department(t).map(|d| d.code), Some("52"));
    }

    #[test]
    fn signature_in_any_case() {
        let t = "Texte.\n\nPour le Préfet et par délégation,\nle Secrétaire Général.\n\n\nPIERRE DUVAL\n";
        let s = signatory(t);
        assert_eq!(s.name.as_deref(), Some("Pierre DUVAL"));
        assert_eq!(s.role.as_deref(), Some("le Secrétaire Général"));
        let t = "Fin.\n\nLa préfète,\n\nClaire Martin\n";
        assert_eq!(signatory(t).name.as_deref(), Some("Claire MARTIN"));
    }

    #[test]
    fn contact_block() {
        let t = "Dossier suivi par : Anne LEROY\nTél. : 05 62 61 44 00\nanne.leroy@gers.gouv.fr\n";
        let c = contact(t);
        assert_eq!(c.name.as_deref(), Some("Anne LEROY"));
        assert_eq!(c.phone.as_deref(), Some("05 62 61 44 00"));
        assert_eq!(c.email.as_deref(), Some("anne.leroy@gers.gouv.fr"));
    }

    #[test]
    fn agenda_items_without_bullets_or_numbers() {
        let t = "Ordre du jour :\n\n1. Bilan de l'année ;\n2. Résultats de l'enquête ;\n3. Questions diverses.\n\nLe président ouvre la séance.\n";
        let blocks = segment(t, &[]);
        assert_eq!(agenda(t, &blocks), vec!["Bilan de l'année", "Résultats de l'enquête", "Questions diverses"]);
        let t = "Sujets à l'ordre du jour :\n+ Pilotage de la qualité,\nRésultats des indicateurs,\nQuestions diverses.\n\nEn préambule, il est rappelé …\n";
        let blocks = segment(t, &[]);
        assert_eq!(agenda(t, &blocks), vec!["Pilotage de la qualité", "Résultats des indicateurs", "Questions diverses"]);
    }
}
