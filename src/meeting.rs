//! The meeting (committee, authority, department, date, times, place), the document
//! (issue date and place, signatory, contact) and the agenda.

use crate::boundary;
use crate::dates::{DateMention, Precision};
use crate::departments::{self, Department};
use crate::latin::{Groups, Pattern, Window};
use crate::record::{Contact, DepartmentRef, DocumentInfo, Meeting, Signatory};
use crate::segment::{Block, BlockKind};
use crate::span::Span;
use once_cell::sync::Lazy;
use regex::Regex;
use regex_syntax::hir::{Class, ClassUnicode, Hir, HirKind};

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
    let days: Vec<&DateMention> = dates
        .iter()
        .filter(|d| d.precision == Precision::Day)
        .collect();
    let dates = days.as_slice();
    let issued = issued_date(text, dates)
        .map(|(d, place)| (d, Some(place)))
        .or_else(|| mail_sent_date(text, dates).map(|d| (d, None)));
    let meeting_date = meeting_date(text, blocks, dates, issued.as_ref().map(|(d, _)| d.span));
    let mut meeting = Meeting {
        committee: committee(text),
        authority: authority(text),
        department: department(text).map(|d| DepartmentRef {
            name: d.name.to_string(),
            code: d.code.to_string(),
        }),
        date: meeting_date.as_ref().map(|d| d.value.clone()),
        ..Meeting::default()
    };
    if let Some(date) = meeting_date {
        let (start, end, place) = times_and_place(text, dates, date);
        meeting.start_time = start;
        meeting.end_time = end;
        meeting.place = place;
    }
    let document = DocumentInfo {
        issued_date: issued.as_ref().map(|(d, _)| d.value.clone()),
        issued_place: issued.as_ref().and_then(|(_, place)| place.clone()),
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

/// The acronyms as whole words, checked by hand ([`boundary::has_word_match`]): cheaper to
/// build than the patterns with their `\b`, and searched by the lazy DFA. A scan may read
/// `Comité` as `Cumité`, `local` as `lucal` or `laçai`, the `U` of `USAGERS` as `LI`; older
/// minutes write `Comité local d'usagers`.
static CLUAC: Window = Window::new(
    r"(?i)CLUAC|comit[ée]\s+locale?\s+des\s+usagers\s+et\s+de\s+l\W{0,2}\s*am[ée]lioration\s+continue",
);
static CLU: Window = Window::new(
    r"CLU|(?i)c[ou]mit[ée]\s+(?:l[a-zàç]{3,4}\s+)?(?:des\s+|d['’]\s*)(?:[a-z]{0,2}sagers|utilisateurs)",
);

fn committee(text: &str) -> Option<String> {
    // Only the acronym starts with `cl`.
    if boundary::has_word_match(&CLUAC, text, |m| {
        m.as_bytes()[..2].eq_ignore_ascii_case(b"cl")
    }) {
        Some("CLUAC".into())
    } else if boundary::has_word_match(&CLU, text, |m| m.starts_with("CL")) {
        Some("CLU".into())
    } else {
        None
    }
}

/// The characters of the name after the article, at most 40 of them (`(?i)` applies).
macro_rules! authority_name_char {
    () => {
        r"[A-ZÀ-Ýa-zà-ÿ'’ -]"
    };
}

/// `Préfecture de la Marne`, `PRÉFET DE L' AISNE`, `préfecture du Val-de-Marne`: the first
/// issuing body named with its department. Must start a word: see [`boundary`]. The pattern
/// takes the name's first 3 characters and [`authority`] the rest, up to 40, as a greedy
/// `{3,40}` ending the pattern would: nothing after it can make it give any back, and its 37
/// more copies of the class were a third of the pattern's build. Searched without prefilter
/// (a [`Window`]) over the head of the text, where the DFA runs (no `\b`).
static AUTHORITY: Window = Window::new(concat!(
    r"(?i)(?:sous-)?pr[ée]f(?:et|[èe]te|ecture)\s+(?:de\s+la|de\s+l\s*['’]\s*|du|des|de|d['’]\s*)\s*",
    authority_name_char!(),
    "{3}"
));

fn authority(text: &str) -> Option<String> {
    // The class as the regex crate reads it, case folding included.
    static NAME_CHAR: Lazy<ClassUnicode> = Lazy::new(|| {
        match regex_syntax::parse(concat!("(?i)", authority_name_char!())).map(Hir::into_kind) {
            Ok(HirKind::Class(Class::Unicode(class))) => class,
            other => panic!("a Unicode class: {other:?}"),
        }
    });
    let is_name_char = |c: char| {
        NAME_CHAR
            .ranges()
            .iter()
            .any(|r| r.start() <= c && c <= r.end())
    };
    let head = &text[..text.floor_char_boundary(3000)];
    let mut from = 0;
    while let Some(m) = boundary::find_window_at(&AUTHORITY, head, from) {
        let rest = head[m.end()..]
            .char_indices()
            .take(37)
            .take_while(|&(_, c)| is_name_char(c))
            .last();
        let end = rest.map_or(m.end(), |(i, c)| m.end() + i + c.len_utf8());
        let found = &head[m.start()..end];
        // Keep the words up to the department name.
        if let Some(mention) = departments::find_mentions(found).first() {
            return Some(collapse(&found[..mention.end]));
        }
        from = end;
    }
    None
}

/// Weighs each department named: by the prefecture (`Préfet de`, `préfecture du`), by its
/// web domain (`haute-marne.gouv.fr`), by `dans la`/`en`, and more in the letterhead.
fn department(text: &str) -> Option<&'static Department> {
    static PREFECTURE_BEFORE: Window = Window::new(
        r"(?i)(?:pr[ée]f(?:et|[èe]te|ecture)|d[ée]partement|services\s+de\s+l.?[ée]tat)\s+(?:de\s+la|de\s+l\s*['’]?|du|des|de|d['’]|dans\s+la|dans\s+le|dans\s+l['’]|en)\s*$",
    );
    // Anchored at the end: searched backwards from there, for which no literal prefilter helps.
    static PLACE_BEFORE: Window = Window::new(r"(?i)(?:dans\s+(?:la|le|les|l['’])|\ben)\s*$");
    // The city before `, le 3 mai`, at most 41 characters. The bound costs a pattern 40
    // copies of `\w` (half the start-up time), so the unbounded pattern runs first: it tries
    // the same alternatives in the same order, so a name it finds within the bound is the
    // bounded pattern's match, and where it finds none neither would the bounded one. Only
    // a longer name needs the bounded pattern.
    static CITY_DATE: Window =
        Window::anchored(r"^(?:.*[ \t]{3})?\s*([A-ZÀ-Ý][\w’' -]+?),\s+le\s+\d");
    static CITY_DATE_BOUNDED: Window =
        Window::anchored(r"^(?:.*[ \t]{3})?\s*([A-ZÀ-Ý][\w’' -]{1,40}?),\s+le\s+\d");
    static SUBPREFECTURE: Pattern = Pattern::new(
        r"(?i)sous-pr[ée]fecture\s+(?:de|d['’])\s*([A-ZÀ-Ý][\w’'-]+(?:[- ](?:sur|en|le|la|les|de|du|aux)?[- ]?[A-ZÀ-Ý][\w’'-]+)*)",
    );
    let mut scores: Vec<(&'static Department, f32)> = Vec::new();
    let mut add = |dept: &'static Department, weight: f32| match scores
        .iter_mut()
        .find(|(d, _)| d.code == dept.code)
    {
        Some((_, s)) => *s += weight,
        None => scores.push((dept, weight)),
    };
    let letterhead_end = text.floor_char_boundary(text.len().min(1500));
    for mention in departments::find_mentions(text) {
        let before =
            &text[text.floor_char_boundary(mention.start.saturating_sub(60))..mention.start];
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
    // `haute-marne.gouv.fr`: found from the literal, then the label before it.
    for (at, _) in text.match_indices(".gouv.fr") {
        // The character that ends the label may be multi-byte (`@Corrèze.gouv.fr`).
        let label_start = text[..at]
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '-'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        if let Some(dept) = departments::by_name(&text[label_start..at].replace('-', " ")) {
            add(dept, 3.0);
        }
    }
    for (at, _) in text.match_indices(", le ") {
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let line = &text[line_start..text.floor_char_boundary(at + 8)];
        let city = match CITY_DATE.captures(line).and_then(|c| c.get(1)) {
            Some(m) if m.as_str().chars().count() <= 41 => Some(m),
            Some(_) => CITY_DATE_BOUNDED.captures(line).and_then(|c| c.get(1)),
            None => None,
        };
        if let Some(dept) = city.and_then(|m| departments::by_city(m.as_str().trim())) {
            add(dept, 1.5);
        }
    }
    for c in SUBPREFECTURE.regex(text).captures_iter(text) {
        if let Some(dept) = c.get(1).and_then(|m| departments::by_city(m.as_str())) {
            add(dept, 0.5);
        }
    }
    scores
        .into_iter()
        .filter(|(_, s)| *s >= 1.0)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(d, _)| d)
}

/// `Chaumont, le 08 AVR. 2024` / `Metz, le 10 janvier 2024` at the start of a line.
fn issued_date<'d>(text: &str, dates: &[&'d DateMention]) -> Option<(&'d DateMention, String)> {
    // At a line start (after a speck the scan read as a quote, or the emphasis marks of a
    // printed markdown file: `*Nîmes, le …*`), or after the wide gap of a two-column layout;
    // its comma may be read as a period, and the `l` of `le` as `f`, `t`, `J` or `I`.
    static PLACE_LE: Window = Window::new(
        r"(?:^|\n|[ \t]{3,})[ \t]*(?:[*_]{1,2}|[‘’'`.,“”\x22])?([A-ZÀ-Ý][\w’'-]+(?:[ -][\w’'-]+){0,3})[,.]?[ \t]+[lfJIt]e[ \t]*$",
    );
    dates.iter().find_map(|date| {
        // A place and `le` make a short line: looking back a bounded window keeps a file
        // without line breaks linear; a longer line cannot match.
        let window = text.floor_char_boundary(date.span.start.saturating_sub(200));
        let line_start = match text[window..date.span.start].rfind('\n') {
            Some(i) => window + i + 1,
            None if window == 0 => 0,
            None => return None,
        };
        let before = &text[line_start..date.span.start];
        let c = PLACE_LE.captures(before)?;
        let mut place = c.get(1)?.as_str().trim();
        // `Fait à Rethel, le …` closes minutes as the letterhead's `Rethel, le …` opens them.
        // The scan may read that `à` as `a`, `&`, `3` or `4`.
        if let Some(city) = [
            "Fait à ", "Fait a ", "fait à ", "Fait & ", "Fait 3 ", "Fait 4 ",
        ]
        .iter()
        .find_map(|p| place.strip_prefix(p))
        {
            place = city.trim_start();
        }
        let lower = place.to_lowercase();
        // `Mercredi, le …` or `Compte rendu du … le` are not places.
        if [
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "fait",
        ]
        .iter()
        .any(|w| lower.starts_with(w))
            || !place.starts_with(char::is_uppercase)
        {
            return None;
        }
        Some((*date, place.to_string()))
    })
}

/// Minutes sent in the body of an e-mail: the header's `Envoyé :` (or `Date :`) line dates
/// them. The header opens the text with `De :` and ends with `Objet :`.
fn mail_sent_date<'d>(text: &str, dates: &[&'d DateMention]) -> Option<&'d DateMention> {
    static FROM: Lazy<Regex> = Lazy::new(|| Regex::new(r"^\s*(?:De|From)[ \t]*:").unwrap());
    static SUBJECT: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"(?m)^[ \t]*(?:Objet|Subject)[ \t]*:").unwrap());
    static SENT: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?m)^[ \t]*(?:Envo\S{2,3}(?:[ \t]+le)?|Sent|Date)[ \t]*:").unwrap()
    });
    if !FROM.is_match(text) {
        return None;
    }
    let head = &text[..text.floor_char_boundary(2000)];
    let header_end = SUBJECT.find(head)?.start();
    let sent = SENT.find(&head[..header_end])?;
    let line_end = head[sent.end()..]
        .find('\n')
        .map_or(head.len(), |i| sent.end() + i);
    dates
        .iter()
        .copied()
        .find(|d| d.span.start >= sent.end() && d.span.end <= line_end)
}

/// Words of a title naming the committee; `CLU` and `CLUAC` as whole words, checked by hand
/// ([`boundary::has_word_match`]): the pattern with its `\b` had a prefilter for its
/// case-insensitive literals that was most of its build, and without one its search ran on
/// the slowest engine.
static COMMITTEE_WORDS: Window = Window::new(
    r"(?i)CLU(?:AC)?|comit[ée]|compte[- ]rendu|r[ée]union|s[ée]ance|s.est\s+tenue?|usagers",
);
static WEEKDAY_BEFORE: Window =
    Window::new(r"(?i)(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s*,?\s*(?:le\s+)?$");
/// A meeting referred to, not the one minuted.
/// Whole words, checked by hand as for [`COMMITTEE_WORDS`].
static EARLIER: Window =
    Window::new(r"(?i)avait|avaient|pr[ée]c[ée]dente?|derni[eè]re?|lors\s+du|prochaine?");
static WEEKDAY_INSIDE: Window =
    Window::anchored(r"(?i)^(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b");
/// `Séance du`, `réunion du`, `CLU du`, `Compte-rendu -`: how titles introduce the date.
static TITLE_BEFORE: Window = Window::new(
    r"(?i)(?:s[ée]ance|r[ée]union|comit[ée]|CLU(?:AC)?|usagers|compte[- ]rendu)\s*(?:du|le|[-–—:,])?\s*(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?$",
);
static HELD: Window = Window::new(r"(?i)s.est\s+tenue?|r[ée]uni");
/// `14h30`, `14 h`, `10 heures`, `14:00`. Not a [`Window`]: it reads the rest of a line, which
/// can be long, and with its `\b` a search without prefilter runs on the slowest engine.
static TIME: Pattern =
    Pattern::new(r"(?i)(?:\b|([\]}|!jl]))([01]?\d|2[0-3])\s*(?:h(?:eures?)?|:)\s*([0-5]\d)?\b");

/// The meeting date: in the title area, with the committee's name or a weekday or a time
/// beside it; a reference to an earlier meeting further down does not compete.
fn meeting_date<'d>(
    text: &str,
    blocks: &[Block],
    dates: &[&'d DateMention],
    issued: Option<Span>,
) -> Option<&'d DateMention> {
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
            Some(_) => {
                &text[text.floor_char_boundary(date.span.start.saturating_sub(2048))
                    ..text.floor_char_boundary(date.span.end + 2048)]
            }
            None => "",
        };
        let before =
            &text[text.floor_char_boundary(date.span.start.saturating_sub(40))..date.span.start];
        let after = &text[date.span.end..text.floor_char_boundary(date.span.end + 30)];
        let mut score = 0.0;
        let at = date.span.start;
        if at < 600 || at < text.len() / 10 {
            score += 3.0;
        } else if at < 1500 && at < text.len() / 4 {
            score += 2.0;
        } else if at < text.len() * 2 / 5 {
            score += 1.0;
        }
        if WEEKDAY_BEFORE.is_match(before) || WEEKDAY_INSIDE.is_match(&date.text) {
            score += 2.0;
        }
        if TITLE_BEFORE.is_match(before) {
            score += 2.0;
        }
        // Only the `CLU` alternative starts with `cl`.
        let clu = |m: &str| m.as_bytes()[..2].eq_ignore_ascii_case(b"cl");
        if block_text.len() < 400 && boundary::has_word_match(&COMMITTEE_WORDS, block_text, clu) {
            score += 2.0;
        }
        if boundary::has_word_match(&EARLIER, block_text, |_| true) {
            score -= 2.0;
        }
        if TIME.regex(after).find(after).is_some_and(|m| m.start() < 8) {
            score += 1.5;
        }
        if HELD.is_match(
            &text[text.floor_char_boundary(date.span.start.saturating_sub(200))..date.span.start],
        ) {
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

/// Times and place sit on the meeting date's line (`14h30-16h30 – Salle X`, `à 14h`,
/// `de 14h30 à 16h15`, `à Metz`, `en salle des fêtes de …`), or in the sentences that open
/// and close the session (`La séance s'ouvre à 14 h 00 dans la salle …`, `s'est tenue de 14 h 30
/// à 16 h 30`, `est levée à 12 h 15`).
fn times_and_place(
    text: &str,
    dates: &[&DateMention],
    meeting: &DateMention,
) -> (Option<String>, Option<String>, Option<String>) {
    // Must start a word: see [`boundary`]. The `à` before the time may be read `a` or `&`
    // (English model) or `4` (a blurred scan), glued to the hours (`49h 45`); the apostrophe
    // of `s'est` may be lost. Without prefilter: its literals are a letter or
    // two (`s`, `a`), so the prefilter stopped every few bytes and made the search four times
    // slower than the DFA alone.
    static OPENING: Window = Window::new(
        r"(?i)(?:s.?ouvre|s.?est\s+ouverte?|est\s+ouverte?|d[ée]bute|commence|a\s+d[ée]but[ée]|ouvre\s+la\s+(?:s[ée]ance|r[ée]union))\s+(?:vers\s+)?(?:(?:à|a|&)\s|4\s?)|(?:s.?est\s+tenue?|s.?est\s+r[ée]unie?s?|a\s+eu\s+lieu)\s+de\s",
    );
    static CLOSING: Window = Window::new(
        r"(?i)(?:lev[ée]e|close|cl[ôo]tur[ée]e|se\s+termine|s.?ach[èe]ve|prend\s+fin)\s+(?:vers\s+)?(?:(?:à|a|&)\s|4\s?)",
    );
    let mut start = None;
    let mut end = None;
    let mut place_found = None;
    // The date's own line first, then other lines carrying the same date.
    let mut tails = vec![rest_of_line(text, meeting.span.end)];
    tails.extend(
        dates
            .iter()
            .filter(|d| d.value == meeting.value && d.span != meeting.span)
            .map(|d| rest_of_line(text, d.span.end)),
    );
    for tail in tails {
        let (s, e, after) = time_range(tail);
        if s.is_some() && start.is_none() {
            start = s;
            end = e;
            place_found = place_found.or_else(|| place(&tail[after..]));
        }
        place_found = place_found.or_else(|| place(tail));
    }
    if start.is_none() {
        if let Some(field) = hours_field(text) {
            (start, end, _) = time_range(field);
        }
    }
    if start.is_none() {
        if let Some(m) = boundary::find_window_at(&OPENING, text, 0) {
            let tail = rest_of_sentence(text, m.end());
            let (s, e, after) = time_range(tail);
            start = s;
            end = end.or(e);
            place_found = place_found.or_else(|| place(&tail[after..]));
        }
    }
    if end.is_none() {
        // The time right after the words closing the session.
        end = CLOSING.find(text).and_then(|m| {
            let tail = rest_of_sentence(text, m.end());
            let (first, _, _) = time_range(tail);
            first.filter(|_| {
                TIME_READ
                    .regex(tail)
                    .find(tail)
                    .is_some_and(|t| t.start() == 0)
            })
        });
    }
    (start, end, place_field(text).or(place_found))
}

/// The value of an `Horaires :` or `Heure :` field (`Horaires : 10 h 00 – 12 h 15.`), also
/// shared with the place (`**Lieu et horaires** : salle X, de 14 h à 16 h 30.`, whose `et` a
/// scan may read `el`).
fn hours_field(text: &str) -> Option<&str> {
    static FIELD: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?im)^[ \t]*[*_]{0,2}(?:lieu\s+e[tl]\s+)?(?:horaires?|heures?)[*_]{0,2}[ \t]*:[ \t]*([^\n]+)").unwrap()
    });
    Some(FIELD.captures(text)?.get(1)?.as_str())
}

/// A `Lieu :` field says the place in so many words, whatever the words.
fn place_field(text: &str) -> Option<String> {
    static FIELD: Window = Window::new(
        r"(?im)^[ \t]*lieu(?:\s+de\s+la\s+(?:r[ée]union|s[ée]ance))?[ \t]*:[ \t]*([^\n]+)",
    );
    let value = FIELD.captures(text)?.get(1)?.as_str();
    Some(
        collapse(value)
            .trim_end_matches(['.', ';', ',', ' '])
            .to_string(),
    )
    .filter(|v| !v.is_empty())
}

/// The rest of the line, and the next one when it is short (`Mercredi 20 décembre 2023`
/// then `14h30-16h30 – Salle …` on its own line).
fn rest_of_line(text: &str, from: usize) -> &str {
    let line_end = |at: usize| text[at..].find('\n').map_or(text.len(), |i| at + i);
    let end = line_end(from);
    let mut next_start = end + 1;
    // OCR often puts a blank line between the two.
    for _ in 0..2 {
        if next_start >= text.len() {
            break;
        }
        let next_end = line_end(next_start);
        let next = text[next_start..next_end].trim();
        if !next.is_empty() {
            if next.len() < 120 {
                return &text[from..next_end];
            }
            break;
        }
        next_start = next_end + 1;
    }
    &text[from..end]
}

fn rest_of_sentence(text: &str, from: usize) -> &str {
    let end = text[from..]
        .find(['.', '\n'])
        .map_or(text.len(), |i| from + i);
    // A sentence wrapped over lines goes on after the line break.
    let end = if text[from..end].len() < 40 {
        text[from..].find('.').map_or(text.len(), |i| from + i)
    } else {
        end
    };
    &text[from..end.min(from + 300).min(text.len())]
}

fn clock(hours: &str, minutes: Option<&str>) -> Option<String> {
    let h: u32 = hours.parse().ok()?;
    let m: u32 = minutes.map_or(Some(0), |m| m.parse().ok())?;
    Some(format!("{h:02}:{m:02}"))
}

/// [`TIME`] as a scan may spoil it where a time is expected: minutes with an `O` for their
/// `0` (`10hO0`) or with the next `à` read as a `4` glued to them (`14h 304 16h`), and hours of two characters a scan misread, at least one of them a letter,
/// which the `h` and two real digits of minutes after them vouch for (`LLh30`, `E1h30`,
/// `1G h 30`).
static TIME_READ: Pattern = Pattern::new(
    r"(?i)(?:\b|([\]}|!jl]))([01]?\d|2[0-3])\s*(?:h(?:eures?)?|:)\s*(?:([0-5][\dO]|[0-5O]\d)4?)?\b|\b([lIjEt1][lIjtGSOB\d])\s*h\s*([0-5]\d)\b",
);

/// A digit of the hours as a scan may read it: `l`, `I`, `j`, `E`, `t` for 1, `G` for 6, `S`
/// for 5, `B` for 8, `O` for 0.
fn hour_digit(c: char) -> Option<char> {
    Some(match c.to_ascii_uppercase() {
        d @ '0'..='9' => d,
        'L' | 'I' | 'J' | 'E' | 'T' => '1',
        'G' => '6',
        'S' => '5',
        'B' => '8',
        'O' => '0',
        _ => return None,
    })
}

/// The first time in `tail` (starting within its first 60 bytes), the second when it follows
/// as a range (`14h30-16h30`, `de 14h à 15h30`), and where they end.
fn time_range(tail: &str) -> (Option<String>, Option<String>, usize) {
    let mut times = TIME_READ.regex(tail).captures_iter(tail).filter_map(|c| {
        let m = c.get(0)?;
        if let (Some(hours), Some(minutes)) = (c.get(4), c.get(5)) {
            let hours: String = hours
                .as_str()
                .chars()
                .map(hour_digit)
                .collect::<Option<_>>()?;
            return (hours.parse::<u32>().ok()? < 24)
                .then(|| clock(&hours, Some(minutes.as_str())))
                .flatten()
                .map(|t| (t, m.start(), m.end()));
        }
        let hours = c.get(2)?.as_str();
        // `]0h`, `j4h`: the `1` of the hours read as a bracket or a letter.
        let misread_one = hours.len() == 1 && c.get(1).is_some();
        let hours = if misread_one {
            format!("1{hours}")
        } else {
            hours.to_string()
        };
        let minutes = c.get(3).map(|m| m.as_str().replace(['O', 'o'], "0"));
        Some((clock(&hours, minutes.as_deref())?, m.start(), m.end()))
    });
    let Some(first) = times.next().filter(|t| t.1 < 60) else {
        return (None, None, 0);
    };
    match times.next() {
        Some(second) if second.1 - first.2 <= 5 => (Some(first.0), Some(second.0), second.2),
        _ => (Some(first.0), None, first.2),
    }
}

/// A room or building (`salle Vauban de la préfecture`, `préfecture de Pau`, continued by
/// a comma when the next part is also a place), or a city after `à`.
fn place(tail: &str) -> Option<String> {
    static VENUE: Window = Window::anchored(
        r"(?i)^[\s,–—:-]*(?:(?:en|dans|à|a|au)\s+(?:la\s+|l['’]\s*|les\s+)?)?((?:salle|salon|auditorium|amphith[ée][aâ]tre|h[ôo]tel|mairie|locaux|si[èe]ge|(?:sous-)?pr[ée]fecture|maison|espace|centre)\b[^\n.;()]*)",
    );
    static PLACE_PART: Window = Window::anchored(
        r"(?i)^(?:salle|salon|auditorium|amphith[ée][aâ]tre|h[ôo]tel|mairie|locaux|(?:sous-)?pr[ée]fecture|b[âa]timent|site)\b",
    );
    static CITY: Window =
        Window::anchored(r"^\s*,?\s*(?:à|en)\s+([A-ZÀ-Ý][\w’'-]+(?:[ -][A-ZÀ-Ý][\w’'-]+)*)");
    if let Some(found) = VENUE.captures(tail).and_then(|c| c.get(1)) {
        let mut parts = found.as_str().split(',').map(str::trim);
        let mut kept: Vec<&str> = parts.next().into_iter().collect();
        kept.extend(parts.take_while(|p| PLACE_PART.is_match(p)));
        let joined = collapse(&kept.join(", "));
        return Some(joined.trim_end_matches([' ', ',', ':', '-']).to_string())
            .filter(|p| !p.is_empty());
    }
    CITY.captures(tail)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().to_string())
}

/// The signature closes the minutes: `Le préfet,` / `Pour le préfet et par délégation, le
/// secrétaire général` and the name, on the next lines or the same one, in whatever case; or
/// the name above its title (`Jean MARTIN` / `Préfet du Gers`).
fn signatory(text: &str) -> Signatory {
    // After the title, at most 60 characters of the role (`more`). The bound costs the pattern
    // 60 copies of `[^,\n]` (half its build), so the unbounded pattern runs first: it tries the
    // same alternatives in the same order, so where its `more` is within the bound its match
    // is the bounded pattern's, and where it finds none neither would the bounded one. Only
    // a longer `more` needs the bounded pattern.
    // Groups: the role (1), what follows the title (2), the name after a comma (3).
    static ROLE: Window = Window::anchored(
        r"(?i)^(?:pour\s+(?:le|la)\s+pr[ée]f[eè]te?\b[^,\n]*?,?\s*(?:et\s+)?(?:par\s+(?:d[ée]l[ée]gation|ordre)\s*,?\s*)?)?(?P<role>(?:l[eaé]\s+)?(?:sous-pr[ée]f[eèé]te?|pr[ée]f[eèé]te?|secr\S{4,7}\s+g[ée]n[ée]rale?|directeur|directrice|chef|cheffe)\b(?P<more>[^,\n]*?))\s*[.,]?\s*(?:,\s*(?P<name>[^,\n]+?))?\s*[.,]?\s*$",
    );
    static ROLE_BOUNDED: Window = Window::anchored(
        r"(?i)^(?:pour\s+(?:le|la)\s+pr[ée]f[eè]te?\b[^,\n]*?,?\s*(?:et\s+)?(?:par\s+(?:d[ée]l[ée]gation|ordre)\s*,?\s*)?)?(?P<role>(?:l[eaé]\s+)?(?:sous-pr[ée]f[eèé]te?|pr[ée]f[eèé]te?|secr\S{4,7}\s+g[ée]n[ée]rale?|directeur|directrice|chef|cheffe)\b(?P<more>[^,\n]{0,60}?))\s*[.,]?\s*(?:,\s*(?P<name>[^,\n]+?))?\s*[.,]?\s*$",
    );
    fn role(line: &str) -> Option<Groups<'_>> {
        // The pattern's first letter, checked by hand (the case variants of `(?i)` included):
        // most lines fail it, and the anchored pattern runs on the PikeVM.
        if !line.starts_with(['p', 'P', 'l', 'L', 's', 'S', 'ſ', 'd', 'D', 'c', 'C']) {
            return None;
        }
        match ROLE.captures(line) {
            Some(c) if c.get(2).is_none_or(|m| m.as_str().chars().count() <= 60) => Some(c),
            Some(_) => ROLE_BOUNDED.captures(line),
            None => None,
        }
    }
    // Emphasis marks of a printed markdown file (`*le secrétaire général, *`) and specks read
    // as quotes (`délégation,”`) are not part of the signature.
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim().trim_matches(['*', '_', '“', '”', '"']).trim())
        .collect();
    let start = lines.len().saturating_sub(lines.len() / 3 + 10);
    let mut found = Signatory::default();
    for (i, line) in lines.iter().enumerate().skip(start) {
        let Some(c) = role(line) else { continue };
        let role = c.get(1).map(|m| m.as_str().trim().to_string());
        let same_line = c.get(3).and_then(|m| person_name(m.as_str()));
        let below = || {
            lines
                .iter()
                .skip(i + 1)
                .filter(|l| !l.is_empty())
                .take(1)
                .find_map(|l| person_name(l))
        };
        let above = || {
            lines[..i]
                .iter()
                .rev()
                .filter(|l| !l.is_empty())
                .take(1)
                .find_map(|l| person_name(l))
        };
        if let Some(name) = same_line.or_else(below).or_else(above) {
            found = Signatory {
                name: Some(name),
                role,
            };
        }
    }
    if found.name.is_none() {
        found = signed_off(&lines[start..]).unwrap_or(found);
    }
    found
}

/// Minutes sent by e-mail end on a sign-off (`Cordialement,`), the sender's name and
/// function: `Élodie FOURNIER` / `Référente qualité – Mission qualité`.
fn signed_off(lines: &[&str]) -> Option<Signatory> {
    static SIGN_OFF: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?i)^(?:(?:bien|très)\s+)?(?:cordialement|sinc[èe]res\s+salutations|bien\s+à\s+vous|respectueusement)\s*[,.]?$").unwrap()
    });
    let at = lines.iter().rposition(|l| SIGN_OFF.is_match(l))?;
    let mut after = lines[at + 1..].iter().filter(|l| !l.is_empty());
    let name = person_name(after.next()?)?;
    let role = after
        .next()
        .map(|l| {
            l.split([',', '–', '—'])
                .next()
                .unwrap_or(l)
                .trim()
                .to_string()
        })
        .filter(|r| !r.is_empty());
    Some(Signatory {
        name: Some(name),
        role,
    })
}

/// `Henri PREVOST`, `PIERRE LARREY`, `Richard Smith`, `Pierre-Antoine de LA ROCHE` →
/// `Given FAMILY`; `None` for what is not a person's name (`Le Secrétaire Général`).
pub fn person_name(line: &str) -> Option<String> {
    const PARTICLES: &[&str] = &[
        "de", "du", "des", "d'", "d’", "le", "la", "van", "von", "da", "di",
    ];
    const NOT_NAMES: &[&str] = &[
        "le",
        "la",
        "les",
        "pour",
        "par",
        "préfet",
        "préfète",
        "secrétaire",
        "général",
        "générale",
        "directeur",
        "directrice",
        "liberté",
        "égalité",
        "fraternité",
        "république",
        "française",
        "questions",
        "diverses",
        "annexe",
        "sous-préfet",
    ];
    let line = line.trim().trim_end_matches(['.', ',']);
    let words: Vec<&str> = line.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) {
        return None;
    }
    let lower = |w: &str| w.to_lowercase();
    if NOT_NAMES.contains(&lower(words[0]).as_str())
        || words
            .iter()
            .any(|w| NOT_NAMES[4..].contains(&lower(w).as_str()))
    {
        return None;
    }
    let is_word = |w: &str| {
        w.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
            && w.chars().next().is_some_and(char::is_uppercase)
    };
    // `d'ORNANO`: the particle glued to the family name by its apostrophe.
    fn elided(w: &str) -> Option<(&'static str, &str)> {
        ["d'", "d’"].into_iter().find_map(|p| {
            w.strip_prefix(p)
                .filter(|rest| rest.starts_with(char::is_uppercase))
                .map(|rest| (p, rest))
        })
    }
    let given = words[0];
    if !is_word(given)
        || !words[1..].iter().all(|w| {
            is_word(w)
                || elided(w).is_some_and(|(_, rest)| is_word(rest))
                || PARTICLES.contains(&lower(w).as_str())
        })
    {
        return None;
    }
    let all_caps = |w: &str| {
        w.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    };
    let family: Vec<String> = words[1..]
        .iter()
        .map(|w| match elided(w) {
            Some((particle, rest)) => format!("{particle}{}", rest.to_uppercase()),
            None if PARTICLES.contains(&lower(w).as_str()) && !all_caps(w) => w.to_string(),
            None => w.to_uppercase(),
        })
        .collect();
    let given = if all_caps(given) {
        title_case(given)
    } else {
        given.to_string()
    };
    Some(format!("{given} {}", family.join(" ")))
}

fn title_case(word: &str) -> String {
    word.split('-')
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

fn contact(text: &str) -> Contact {
    static FOLLOWED_BY: Pattern = Pattern::new(
        r"(?i)(?:affaire|dossier)\s+suivie?\s+par\s*:?\s*\n?\s*((?:M\.|Mme|Monsieur|Madame)?\s*[A-ZÀ-Ý][\w’'-]+(?:[ \t]+[A-ZÀ-Ý][\w’'-]+){1,3})",
    );
    static PHONE: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?i)t[ée]l(?:[ée]phone)?\.?\s*:?\s*((?:\+33\s?|0)\d(?:[ .]?\d{2}){4})")
            .unwrap()
    });
    static EMAIL: Pattern = Pattern::new(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+");
    let head = &text[..text.floor_char_boundary(2500)];
    // `suivi` can only match ASCII letters in `uivi`: without them the pattern, costly to
    // build, is not needed.
    if !head
        .as_bytes()
        .windows(4)
        .any(|w| w.eq_ignore_ascii_case(b"uivi"))
    {
        return mail_sender(head);
    }
    let Some(c) = FOLLOWED_BY.regex(head).captures(head) else {
        return mail_sender(head);
    };
    let at = c.get(0).map_or(0, |m| m.start());
    let window = &head[at..head.floor_char_boundary(at + 400)];
    Contact {
        name: c.get(1).map(|m| collapse(m.as_str())),
        phone: PHONE
            .captures(window)
            .and_then(|p| p.get(1))
            .map(|m| m.as_str().to_string()),
        email: EMAIL
            .regex(window)
            .find(window)
            .map(|m| m.as_str().to_string()),
    }
}

/// The sender of minutes sent as a mail's body (`De : FOURNIER Élodie <elodie.fournier@oise.gouv.fr>`),
/// who is their contact when no `dossier suivi par` names one.
fn mail_sender(head: &str) -> Contact {
    static FROM: Pattern = Pattern::new(
        r"(?m)^(?:De|From|Exp[ée]diteur)[ \t]*[:;][ \t]*([^<>\n]*?)[ \t]*<([\w.+-]+@[\w-]+(?:\.[\w-]+)+)>",
    );
    if !head.contains('@') {
        return Contact::default();
    }
    let Some(c) = FROM.regex(head).captures(head) else {
        return Contact::default();
    };
    Contact {
        name: c
            .get(1)
            .map(|m| given_name_first(&collapse(m.as_str())))
            .filter(|n| !n.is_empty()),
        phone: None,
        email: c.get(2).map(|m| m.as_str().to_string()),
    }
}

/// `FOURNIER Élodie` → `Élodie FOURNIER`: mail clients write the family name first, in
/// capitals; the records write names given name first.
fn given_name_first(name: &str) -> String {
    let caps = |w: &str| {
        w.chars().any(char::is_alphabetic)
            && w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
    };
    let words: Vec<&str> = name.split(' ').collect();
    match words.iter().position(|w| !caps(w)) {
        Some(k) if k > 0 && words[k..].iter().all(|w| !caps(w)) => {
            format!("{} {}", words[k..].join(" "), words[..k].join(" "))
        }
        _ => name.to_string(),
    }
}

/// Items under `Ordre du jour` / `Sujets à l'ordre du jour`, without bullets or numbers.
/// A scan may spoil the heading's first word (`Orctre du jour`, `Oxdiv du jour`: nothing else
/// is `… du jour` on a line of its own) or its colon (`Ordre du jour +`), the first item's `1.`
/// (`L.`, `EL.`, `À.`, `&.`, `1,`, or another digit: `3.` before `2.`) and the later items'
/// bullets and numbers (see [`misread_marker`]); it may also leave a stray speck of a line
/// (`Nw`) between items.
fn agenda(text: &str, blocks: &[Block]) -> Vec<String> {
    static HEADING: Pattern = Pattern::new(
        r"(?i)^(?:sujets?\s+)?(?:[àa]\s+)?l?\W{0,2}\s*(?:ordre|\w\S{3,5})\s+du\s+jour\s*\W?\s*$",
    );
    let Some(start) = blocks.iter().position(|b| {
        [b.content_text(text).trim(), b.text(text).trim()]
            .into_iter()
            .any(|t| HEADING.regex(t).is_match(t))
    }) else {
        return inline_agenda(text, blocks);
    };
    let body: Vec<&Block> = blocks[start + 1..]
        .iter()
        .filter(|b| !is_speck(b.text(text)))
        .collect();
    let mut items = Vec::new();
    let mut last_number = 0;
    let mut numbered_list: Option<bool> = None;
    // Whether the items so far had bullets or numbers, read or misread.
    let mut marked = false;
    for (k, block) in body.iter().enumerate() {
        // `\t1.\tBudget` (a word-processor file saved as text) is a row of the number and the item.
        let numbered_row = match block.cells[..] {
            [number, item]
                if block.kind == BlockKind::TableRow
                    && text[number.start..number.end].ends_with(['.', ')']) =>
            {
                item_number(&text[number.start..number.end])
                    .map(|n| (n, &text[item.start..item.end]))
            }
            _ => None,
        };
        let mut numbered = block
            .marker
            .and_then(|m| item_number(&text[m.start..m.end]))
            .or(numbered_row.map(|(n, _)| n));
        let next_is_second = || {
            body.get(k + 1)
                .and_then(|b| b.marker)
                .and_then(|m| item_number(&text[m.start..m.end]))
                == Some(2)
        };
        let unmarked = block.marker.is_none() && numbered_row.is_none();
        // A misread number or bullet: the first item's `1.` when `2.` follows, or any later
        // item's in a list whose items had them (unless it repeats an item: the body's first
        // section heading).
        let misread = unmarked
            .then(|| misread_marker(block.content_text(text)))
            .flatten()
            .filter(|&len| {
                if items.is_empty() {
                    next_is_second() || block.kind != BlockKind::Heading
                } else {
                    marked && !repeats(&items, &block.content_text(text)[len..])
                }
            });
        if items.is_empty()
            && (misread.is_some() && next_is_second()
                || numbered.is_some_and(|n| n != 1) && next_is_second())
        {
            numbered = Some(1);
        } else if misread.is_some() && numbered_list == Some(true) {
            numbered = Some(last_number + 1);
        }
        let is_item = misread.is_some()
            || match block.kind {
                BlockKind::ListItem => true,
                BlockKind::Heading => {
                    numbered.is_some_and(|n| n > last_number)
                        && block.level >= 7
                        && numbered_list != Some(false)
                }
                BlockKind::Paragraph => items.is_empty() || !block.after_blank,
                BlockKind::TableRow => numbered_row.is_some(),
            };
        // Numbering that starts again after a blank line (`a)` after `c)`) is the body's sections.
        if numbered.is_some_and(|n| n <= last_number) && block.after_blank {
            break;
        }
        // A bulleted agenda ends where the numbered sections of the body begin.
        let same_style = misread.is_some()
            || numbered_list.is_none_or(|list| list == numbered.is_some() || !block.after_blank);
        if !is_item || !same_style {
            break;
        }
        if block.marker.is_some() || numbered_row.is_some() {
            numbered_list = Some(numbered.is_some());
        }
        marked |= !unmarked || misread.is_some();
        if let Some(n) = numbered {
            last_number = n;
        }
        // A bullet followed by unbulleted lines, one item a line (OCR lost the bullets).
        let content = numbered_row.map_or_else(
            || &block.content_text(text)[misread.unwrap_or(0)..],
            |(_, item)| item,
        );
        let lines: Vec<&str> = content
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        // A line is an item of its own when the one before ended the previous item (final
        // punctuation, or too short to have been wrapped) and it starts with a capital.
        // OCR'd bullets that the segmenter could not trust (`« le label ;`) still mark
        // one item a line when every line starts with the same one, and so do misread
        // ones (`~`) under an item that had its bullet.
        let same_mark = lines.len() > 1
            && lines
                .iter()
                .all(|l| l.chars().next().is_some_and(|c| !c.is_alphanumeric()))
            && lines
                .iter()
                .all(|l| l.chars().next() == lines[0].chars().next());
        let marked_lines = lines.len() > 1
            && (!unmarked || misread.is_some())
            && lines[1..].iter().all(|l| misread_marker(l).is_some());
        let one_per_line = same_mark
            || marked_lines
            || numbered.is_none()
                && lines.len() > 1
                && lines.windows(2).all(|w| {
                    (w[0].ends_with([',', ';', '.']) || w[0].chars().count() < 60)
                        && w[1].starts_with(|c: char| c.is_uppercase())
                });
        // `2 Budget` / `3 Questions diverses` after a numbered item: a scan lost the dots, and
        // each line that opens with the next number is the next item.
        let dotless: Option<Vec<&str>> = (numbered.is_none() && last_number > 0)
            .then(|| {
                lines
                    .iter()
                    .zip(last_number + 1..)
                    .map(|(l, n)| {
                        l.strip_prefix(n.to_string().as_str())
                            .filter(|r| r.starts_with(' '))
                            .map(str::trim_start)
                    })
                    .collect()
            })
            .flatten();
        if let Some(dotless) = dotless {
            last_number += dotless.len() as u32;
            items.extend(dotless.iter().map(|l| clean_item(l)));
        } else if one_per_line {
            marked |= same_mark;
            items.extend(
                lines
                    .iter()
                    .map(|l| clean_item(&l[misread_marker(l).unwrap_or(0)..])),
            );
        } else {
            items.push(clean_item(content));
        }
    }
    items.retain(|i| !i.is_empty());
    items
}

/// What a scan makes of an item's bullet or number, with the space after it: one or two
/// signs (`~`, `.`, `©`, `--` for `-` or `•`), or up to four characters without a lowercase
/// letter closed by `.`, `)`, `}` or `,` (`HL.` for `II.`, `2}` for `2)`, `©)` for `c)`, `1,`). `M.` and `MM.`
/// open a sentence about someone instead.
fn misread_marker(line: &str) -> Option<usize> {
    let token = &line[..line.find([' ', '\t'])?];
    let rest = &line[token.len()..];
    let sign = token.chars().count() <= 2
        && token
            .chars()
            .all(|c| !c.is_alphanumeric() && !"([\"'«“‘".contains(c));
    let number = token.chars().count() <= 4
        && token.len() > 1
        && token.ends_with(['.', ')', '}', ','])
        && !token.chars().any(char::is_lowercase)
        && !matches!(token, "M." | "MM.");
    (sign || number).then(|| line.len() - rest.trim_start().len())
}

/// A speck a scan read as a line of its own: two characters at most.
fn is_speck(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty() && line.chars().count() <= 2
}

/// Whether `item` says again what an item already listed says: the body's sections repeat
/// the agenda's items as their headings.
fn repeats(items: &[String], item: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() > 2)
            .map(str::to_lowercase)
            .collect()
    };
    let new = words(item);
    !new.is_empty()
        && items.iter().any(|old| {
            let old = words(old);
            new.iter().filter(|w| old.contains(w)).count() * 10 >= new.len() * 6
        })
}

/// An agenda given in a sentence: `… présente l'ordre du jour : le bilan ; les indicateurs ;
/// questions diverses.` (two items or more, split on semicolons, up to the sentence's end).
fn inline_agenda(text: &str, blocks: &[Block]) -> Vec<String> {
    static INLINE: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)ordre\s+du\s+jour\s*:").unwrap());
    for block in blocks.iter().filter(|b| b.kind == BlockKind::Paragraph) {
        let content = block.content_text(text);
        let Some(m) = INLINE.find(content) else {
            continue;
        };
        let rest = &content[m.end()..];
        let sentence = rest.find(". ").map_or(rest, |end| &rest[..end]);
        let items: Vec<String> = sentence
            .split(';')
            .map(clean_item)
            .filter(|i| !i.is_empty())
            .collect();
        if items.len() >= 2 {
            return items;
        }
    }
    Vec::new()
}

/// `3.`, `2)`, `IV.`, `b)` → its number.
fn item_number(marker: &str) -> Option<u32> {
    let marker = marker.trim_end_matches(['.', ')', '/', '-', '–', ' ']);
    if let Ok(n) = marker.parse() {
        return Some(n);
    }
    // `a)`, `b)`: a lowercase letter numbers items too (`i` after `h` is the ninth).
    if let [letter @ b'a'..=b'z'] = marker.as_bytes() {
        return Some(u32::from(letter - b'a') + 1);
    }
    let value = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        _ => None,
    };
    let digits: Option<Vec<u32>> = marker.chars().map(value).collect();
    let digits = digits.filter(|d| !d.is_empty())?;
    let mut total = 0;
    for (i, d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|next| next > d) {
            total -= *d as i64;
        } else {
            total += *d as i64;
        }
    }
    u32::try_from(total).ok()
}

fn clean_item(item: &str) -> String {
    static LEADING_MARK: Window =
        Window::anchored(r"^(?:[-–—•·*+¢>«]|\d{1,2}[.)]|[IVX]{1,4}[.)/])\s+");
    let item = collapse(item);
    let item = LEADING_MARK
        .find(&item)
        .map_or(&item[..], |m| &item[m.end()..]);
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
        assert_eq!(
            committee("Comité local des usagers et de l'amélioration continue"),
            Some("CLUAC".into())
        );
        assert_eq!(committee("COMPTE RENDU DU CLU"), Some("CLU".into()));
        assert_eq!(committee("Réunion de service"), None);
        assert_eq!(
            committee("COMPTE-RENDU DE LA REUNION DU COMITE LOCAL D'USAGERS (C.L.U.)"),
            Some("CLU".into())
        );
        assert_eq!(
            committee("Cumité local des usagers - réunion du jeudi 14 novembre 2024"),
            Some("CLU".into())
        );
        for damaged in [
            "Compte rendu du comité laçai des usagers",
            "Compte rendu du comité lucal des usagers (CL)",
            "PROCÈS-VERBAL DE LA RÉUNION DU COMITÉ LOCAL DES LISAGERS",
        ] {
            assert_eq!(committee(damaged), Some("CLU".into()), "{damaged}");
        }
        assert_eq!(committee("Comité de pilotage des partenaires"), None);
    }

    #[test]
    fn meeting_date_times_place_and_issue_date() {
        let t = "PRÉFET DU GERS\n\nAuch, le 3 avril 2023\n\nCOMPTE RENDU DU COMITÉ LOCAL DES USAGERS\n\nMardi 14 mars 2023\n14h30-16h15 – Salle Jean Moulin\n\nLe comité réuni le 20 septembre 2021 avait proposé …\n";
        let blocks = segment(t, &[]);
        let dates = vec![
            day(t, "3 avril 2023", "2023-04-03"),
            day(t, "14 mars 2023", "2023-03-14"),
            day(t, "20 septembre 2021", "2021-09-20"),
        ];
        let found = extract(t, &blocks, &dates);
        assert_eq!(found.meeting.date.as_deref(), Some("2023-03-14"));
        assert_eq!(found.meeting.start_time.as_deref(), Some("14:30"));
        assert_eq!(found.meeting.end_time.as_deref(), Some("16:15"));
        assert_eq!(found.meeting.place.as_deref(), Some("Salle Jean Moulin"));
        assert_eq!(found.document.issued_date.as_deref(), Some("2023-04-03"));
        assert_eq!(found.document.issued_place.as_deref(), Some("Auch"));
        assert_eq!(
            found.meeting.department.map(|d| d.code),
            Some("32".to_string())
        );
    }

    #[test]
    fn times_in_the_sentence_saying_where_the_meeting_was_held() {
        let t = "COMPTE RENDU\nRéunion du comité local des usagers du jeudi 7 mars 2024\n\nLa réunion s'est tenue de 14 H 30 à 16 H 30 dans la salle Clemenceau de la préfecture, sous la présidence de Monsieur Thierry VALLÉE, secrétaire général de la préfecture.\n";
        let blocks = segment(t, &[]);
        let found = extract(t, &blocks, &[day(t, "7 mars 2024", "2024-03-07")]);
        assert_eq!(found.meeting.start_time.as_deref(), Some("14:30"));
        assert_eq!(found.meeting.end_time.as_deref(), Some("16:30"));
        assert_eq!(
            found.meeting.place.as_deref(),
            Some("salle Clemenceau de la préfecture")
        );
    }

    #[test]
    fn times_in_the_opening_and_closing_sentences_as_ocr_reads_them() {
        let times = |t: &str, date: &str, value: &str| {
            let found = extract(t, &segment(t, &[]), &[day(t, date, value)]);
            (found.meeting.start_time, found.meeting.end_time)
        };
        let at = |start: &str, end: &str| (Some(start.to_string()), Some(end.to_string()));
        assert_eq!(
            times(
                "Réunion du jeudi 21 septembre 2023\n\nLe comité local des usagers s'est réuni de 9h30 a 11h45 dans le salon Montesquieu.\n",
                "21 septembre 2023",
                "2023-09-21"
            ),
            at("09:30", "11:45")
        );
        for (t, expected) in [
            (
                "Réunion du 9 février 2024\n\nM. LAMBERT ouvre la séance 4 10 h 05 et présente l'ordre du jour.\n\nLa séance est levée & 12 h 10.\n",
                at("10:05", "12:10"),
            ),
            // The `à` read as a `4` glued to the hours, an apostrophe lost (`sest`).
            (
                "Réunion du 9 février 2024\n\nLa séance s'ouvre 49h 45 en salle du conseil. Elle est levée 411h 30.\n",
                at("09:45", "11:30"),
            ),
            (
                "Réunion du 9 février 2024\n\nLa réunion sest tenue de 9h 30 à 11 h dans les locaux.\n",
                at("09:30", "11:00"),
            ),
        ] {
            assert_eq!(times(t, "9 février 2024", "2024-02-09"), expected, "{t}");
        }
    }

    #[test]
    fn times_whose_digits_a_scan_read_as_letters() {
        assert_eq!(
            time_range("de 9h30 a LLh30 en salle"),
            (Some("09:30".into()), Some("11:30".into()), 15)
        );
        assert_eq!(
            time_range("Horaires 9h30 – E1h30").1.as_deref(),
            Some("11:30")
        );
        assert_eq!(time_range("de 10hO0 à 11h45").0.as_deref(), Some("10:00"));
        // The `à` between the times read as a `4` glued to the minutes.
        assert_eq!(
            time_range("de 14h 304 16h 00"),
            (Some("14:30".into()), Some("16:00".into()), 17)
        );
        assert_eq!(time_range("à 14h4").0, None);
        let t = "Réunion du 9 février 2024\n\nLa séance est levée a 1G h 30.\n";
        assert_eq!(
            extract(
                t,
                &segment(t, &[]),
                &[day(t, "9 février 2024", "2024-02-09")]
            )
            .meeting
            .end_time
            .as_deref(),
            Some("16:30")
        );
        // Letters without two digits of minutes after the `h` are words, and times as written stay.
        assert_eq!(time_range("Il h le"), (None, None, 0));
        assert_eq!(
            time_range("de 14h30 à 16h"),
            (
                Some("14:30".into()),
                Some("16:00".into()),
                "de 14h30 à 16h".len()
            )
        );
    }

    #[test]
    fn agenda_whose_heading_and_first_number_the_scan_spoiled() {
        let t = "Orctre du jour :\n\nL. Bilan de l'audit\n\n2. Les espaces France Services\n\n3. Questions diverses\n\n1. Bilan de l'audit\n\nLe bureau a relevé 5 points forts.\n";
        assert_eq!(
            agenda(t, &segment(t, &[])),
            [
                "Bilan de l'audit",
                "Les espaces France Services",
                "Questions diverses"
            ]
        );
        let t = "ORDRE DU JOUR\n\n1. Indicateurs\n2 Budget et investissements\n3 Questions diverses\n\nL. Indicateurs\n";
        assert_eq!(
            agenda(t, &segment(t, &[])),
            [
                "Indicateurs",
                "Budget et investissements",
                "Questions diverses"
            ]
        );
        for first in ["&.", "1,", "3."] {
            let t = format!("Ordre du jour\n\n{first} Bilan\n\n2. Budget\n\n3. Questions diverses\n\n1. Bilan\n\nLe bureau a relevé 5 points forts.\n");
            assert_eq!(
                agenda(&t, &segment(&t, &[])),
                ["Bilan", "Budget", "Questions diverses"],
                "{first}"
            );
        }
    }

    #[test]
    fn agenda_whose_later_bullets_and_numbers_the_scan_misread() {
        let t = "Ordre du jour :\n\n1) Bilan\n\n2} Réclamations\n\n©) Questions diverses\n\n1) Bilan\n\nLe bureau …\n";
        assert_eq!(
            agenda(t, &segment(t, &[])),
            ["Bilan", "Réclamations", "Questions diverses"]
        );
        let t = "Ordre du jour +\n\nI. Bilan de l'audit\nHL. Accueil\n\nIV. Questions diverses\n\n}. Bilan de l'audit\n\nLe bureau …\n";
        assert_eq!(
            agenda(t, &segment(t, &[])),
            ["Bilan de l'audit", "Accueil", "Questions diverses"]
        );
        let t = "Ordre du jour :\n\n- le bilan ;\n~ les résultats ;\n\n~ questions diverses.\n\n1. Le bilan\n";
        assert_eq!(
            agenda(t, &segment(t, &[])),
            ["le bilan", "les résultats", "questions diverses"]
        );
        let t = "Ordre du jour\n\n. Indicateurs\n\nNw\n\n. Questions diverses\n\nBw Nm\n\n. Indicateurs\n";
        assert_eq!(
            agenda(t, &segment(t, &[])),
            ["Indicateurs", "Questions diverses"]
        );
        // As written: the sentence after the list is not an item, though it opens with `M.`.
        let t =
            "Ordre du jour :\n\n1. Bilan\n\n2. Questions diverses\n\nM. DUPONT ouvre la séance.\n";
        assert_eq!(agenda(t, &segment(t, &[])), ["Bilan", "Questions diverses"]);
    }

    #[test]
    fn agenda_items_numbered_in_a_tabbed_row() {
        let t = "ORDRE DU JOUR\n\t1.\tIndicateurs de l'accueil\n\t2.\tBudget\n\t3.\tQuestions diverses\n\n1. Indicateurs de l'accueil\nLe hall a reçu du monde.\n";
        assert_eq!(
            agenda(t, &segment(t, &[])),
            ["Indicateurs de l'accueil", "Budget", "Questions diverses"]
        );
    }

    #[test]
    fn a_signatory_whose_particle_is_elided() {
        assert_eq!(
            person_name("Paul-Antoine d'ORNANO").as_deref(),
            Some("Paul-Antoine d'ORNANO")
        );
        assert_eq!(
            person_name("Paul d’Estienne").as_deref(),
            Some("Paul d’ESTIENNE")
        );
    }

    #[test]
    fn issue_date_line_as_scans_read_it() {
        for (line, place) in [
            ("‘Toulouse, le 19 décembre 2023", "Toulouse"),
            ("Nantes, fe 20 février 2024", "Nantes"),
            ("Fait 3 Rethel, Je 16 février 2024", "Rethel"),
            ("“Rouen, le 15 octobre 2024", "Rouen"),
            ("Clermont-Ferrand, te 22 novembre 2024", "Clermont-Ferrand"),
            ("*Nîmes, le 29 novembre 2022", "Nîmes"),
            ("**Annecy, le 19 avril 2024", "Annecy"),
            ("Gap. le 11 avril 2024", "Gap"),
        ] {
            let t = format!("PRÉFET\n\n{line}\n\nCOMPTE RENDU\n");
            // The date is the line's last three words.
            let date_text = line.rsplitn(4, ' ').take(3).collect::<Vec<_>>();
            let date_text = date_text.into_iter().rev().collect::<Vec<_>>().join(" ");
            let date = day(&t, &date_text, "2024-01-01");
            assert_eq!(
                issued_date(&t, &[&date]).map(|(_, p)| p).as_deref(),
                Some(place),
                "{line}"
            );
        }
    }

    #[test]
    fn an_hours_field_gives_the_times() {
        let t = "Relevé de décisions de la réunion du 21 janvier 2025\n\nPrésents : M. X.\n\nHoraires : 10 h 00 – 12 h 15. Lieu : préfecture.\n";
        let blocks = segment(t, &[]);
        let found = extract(t, &blocks, &[day(t, "21 janvier 2025", "2025-01-21")]);
        assert_eq!(
            (
                found.meeting.start_time.as_deref(),
                found.meeting.end_time.as_deref()
            ),
            (Some("10:00"), Some("12:15"))
        );
        for field in ["**Lieu et horaires** :", "Lieu el horaires :"] {
            let t = format!("**Compte rendu de la réunion du 8 octobre 2024**\n\n{field} préfecture, salle Jeanne d'Arc, de 14 h à 16 h 30.\n");
            let found = extract(
                &t,
                &segment(&t, &[]),
                &[day(&t, "8 octobre 2024", "2024-10-08")],
            );
            assert_eq!(
                (
                    found.meeting.start_time.as_deref(),
                    found.meeting.end_time.as_deref()
                ),
                (Some("14:00"), Some("16:30")),
                "{field}"
            );
        }
    }

    #[test]
    fn minutes_mailed_are_dated_by_the_header_and_signed_below_the_sign_off() {
        let t = "De : DURAND Anne <anne.durand@x.gouv.fr>\nEnvoyé : mardi 12 mars 2024 16:42\nObjet : CR CLU du 5 mars 2024\n\nLe comité réuni le 5 mars 2024, de 10h00 à 11h45.\n\nCordialement,\n\nAnne DURAND\nRéférente qualité – Mission qualité\n";
        let blocks = segment(t, &[]);
        let dates = vec![
            day(t, "12 mars 2024", "2024-03-12"),
            day(t, "5 mars 2024", "2024-03-05"),
        ];
        let found = extract(t, &blocks, &dates);
        assert_eq!(found.document.issued_date.as_deref(), Some("2024-03-12"));
        assert_eq!(found.document.issued_place, None);
        assert_eq!(found.meeting.date.as_deref(), Some("2024-03-05"));
        assert_eq!(
            found.document.signatory.name.as_deref(),
            Some("Anne DURAND")
        );
        assert_eq!(
            found.document.signatory.role.as_deref(),
            Some("Référente qualité")
        );
        // A scan damages the header's words.
        let t = t.replace("Envoyé", "Envové");
        let found = extract(
            &t,
            &segment(&t, &[]),
            &[
                day(&t, "12 mars 2024", "2024-03-12"),
                day(&t, "5 mars 2024", "2024-03-05"),
            ],
        );
        assert_eq!(found.document.issued_date.as_deref(), Some("2024-03-12"));
        assert_eq!(found.meeting.date.as_deref(), Some("2024-03-05"));
        // A `Date :` field of ordinary minutes is no mail header.
        let t = "Date : 5 mars 2024\nObjet : bilan\n";
        assert_eq!(
            mail_sent_date(t, &[&day(t, "5 mars 2024", "2024-03-05")]),
            None
        );
    }

    #[test]
    fn a_place_field_gives_the_place() {
        assert_eq!(
            place_field("Date : 03/04/2025\nLieu : Vannes, salle Anne de Bretagne\n").as_deref(),
            Some("Vannes, salle Anne de Bretagne")
        );
        assert_eq!(place_field("Le lieu de la réunion sera précisé.\n"), None);
    }

    #[test]
    fn place_keeps_the_room_after_the_building() {
        assert_eq!(
            place(" – Préfecture, salon d'honneur").as_deref(),
            Some("Préfecture, salon d'honneur")
        );
        assert_eq!(
            place(", en salle 3, puis visite").as_deref(),
            Some("salle 3")
        );
    }

    #[test]
    fn time_ranges_in_other_notations() {
        assert_eq!(
            time_range(" à 10 heures, salle B"),
            (Some("10:00".into()), None, 13)
        );
        assert_eq!(time_range(", 14:00-16:00").1.as_deref(), Some("16:00"));
        assert_eq!(
            time_range(" de 9 h 30 à 11 h 45").1.as_deref(),
            Some("11:45")
        );
        assert_eq!(
            time_range(" à ]0h salle des délibérations").0.as_deref(),
            Some("10:00")
        );
        assert_eq!(
            time_range(" de j4h à 15h30, salle").0.as_deref(),
            Some("14:00")
        );
        assert_eq!(time_range(" de 14h à 15h30").0.as_deref(), Some("14:00"));
        // The range's end may lie past the reach where its start must be found.
        assert_eq!(
            time_range(" à la préfecture de l'Oise (salle Hachette), de 10h00 à 11h45")
                .1
                .as_deref(),
            Some("11:45")
        );
    }

    #[test]
    fn department_is_told_from_longer_names() {
        let t = "Préfecture du Val-de-Marne\nLe comité s'est réuni à la sous-préfecture de Nogent-sur-Marne.";
        assert_eq!(department(t).map(|d| d.code), Some("94"));
        let t = "PRÉFET DE LA HAUTE-MARNE\nréunion à Chaumont";
        assert_eq!(department(t).map(|d| d.code), Some("52"));
    }

    #[test]
    fn mail_domain_after_a_multibyte_character() {
        // Regression: the label start used to land inside `è` and panic.
        let t = "Contact : mylene@Corrèze.gouv.fr\nPréfecture de la Corrèze\n";
        assert_eq!(department(t).map(|d| d.code), Some("19"));
        assert_eq!(department("écrire à é.gouv.fr"), None);
    }

    #[test]
    fn signature_in_any_case() {
        let t = "Texte.\n\nPour le Préfet et par délégation,\nle Secrétaire Général.\n\n\nPIERRE DUVAL\n";
        let s = signatory(t);
        assert_eq!(s.name.as_deref(), Some("Pierre DUVAL"));
        assert_eq!(s.role.as_deref(), Some("le Secrétaire Général"));
        let t = "Fin.\n\nPour le préfet et par deiégation\nLé Secrétaure Général\n\nPaul DURAND\n";
        assert_eq!(
            signatory(t).name.as_deref(),
            Some("Paul DURAND"),
            "OCR damage in the role line"
        );
        let t = "Fin.\n\nLa préfète,\n\nClaire Martin\n";
        assert_eq!(signatory(t).name.as_deref(), Some("Claire MARTIN"));
    }

    #[test]
    fn signature_as_a_scan_reads_a_printed_markdown_file() {
        let t = "Fin.\n\n*Pour le préfet et par délégation, *\n*le secrétaire général, *\n\nPaul DURAND\n";
        assert_eq!(signatory(t).name.as_deref(), Some("Paul DURAND"));
        let t = "Fin.\n\n*La sous-préfète, secrétaire générale, *\n*Valérie DUCROZ*\n";
        assert_eq!(signatory(t).name.as_deref(), Some("Valérie DUCROZ"));
        let t =
            "Fin.\n\nPour le préfet et par délégation,”\n*le secrétaire général,*\n\nPaul DURAND\n";
        assert_eq!(signatory(t).name.as_deref(), Some("Paul DURAND"));
    }

    #[test]
    fn signature_role_holds_at_most_sixty_characters_after_its_title() {
        let more = "x".repeat(59);
        let t = format!("Fin.\n\nLe directeur {more}\n\nPaul DURAND\n");
        assert_eq!(signatory(&t).role, Some(format!("Le directeur {more}")));
        let t = format!("Fin.\n\nLe directeur {more}xx\n\nPaul DURAND\n");
        assert_eq!(signatory(&t).name, None);
    }

    #[test]
    fn authority_name_holds_at_most_forty_characters() {
        assert_eq!(
            authority("Préfecture de la région Grand Est, de la Marne\n"),
            None
        );
        assert_eq!(
            authority("PRÉFET DE LA MARNE\n").as_deref(),
            Some("PRÉFET DE LA MARNE")
        );
        // The department is the 41st to 45th characters after the article.
        assert_eq!(
            authority("Préfecture de la région Grand Est et du département de la Marne\n"),
            None
        );
        assert_eq!(
            authority("Préfecture de la région Grand Est et du département Marne\n").as_deref(),
            Some("Préfecture de la région Grand Est et du département Marne")
        );
    }

    #[test]
    fn contact_of_a_mail_body() {
        let t = "De : FOURNIER Élodie <elodie.fournier@oise.gouv.fr>\nEnvoyé : mardi 12 mars 2024\nÀ : <pref-clu@oise.gouv.fr>\n\nBonjour,\n";
        let c = contact(t);
        assert_eq!(c.name.as_deref(), Some("Élodie FOURNIER"));
        assert_eq!(c.email.as_deref(), Some("elodie.fournier@oise.gouv.fr"));
        // A `dossier suivi par` comes first.
        let t = "De : FOURNIER Élodie <elodie.fournier@oise.gouv.fr>\nDossier suivi par : Marc BERTRAND\nmarc.bertrand@oise.gouv.fr\n";
        assert_eq!(contact(t).name.as_deref(), Some("Marc BERTRAND"));
        assert_eq!(contact("De 9 h à 12 h : accueil <b>\n").email, None);
        assert_eq!(
            contact("De ; BERTRAND Marc <marc.bertrand@oise.gouv.fr>\n")
                .name
                .as_deref(),
            Some("Marc BERTRAND")
        );
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
        assert_eq!(
            agenda(t, &blocks),
            vec![
                "Bilan de l'année",
                "Résultats de l'enquête",
                "Questions diverses"
            ]
        );
        let t = "Sujets à l'ordre du jour :\n+ Pilotage de la qualité,\nRésultats des indicateurs,\nQuestions diverses.\n\nEn préambule, il est rappelé …\n";
        let blocks = segment(t, &[]);
        assert_eq!(
            agenda(t, &blocks),
            vec![
                "Pilotage de la qualité",
                "Résultats des indicateurs",
                "Questions diverses"
            ]
        );
        let t = "Ordre du jour\nI. Bilan annuel\nII. Accueil\nIII. Questions diverses\n\nI. Bilan annuel\n\nLe bilan …\n";
        let blocks = segment(t, &[]);
        assert_eq!(
            agenda(t, &blocks),
            vec!["Bilan annuel", "Accueil", "Questions diverses"]
        );
        let t = "Ordre du jour :\n« le bilan annuel ;\n« les résultats ;\n« questions diverses.\n\nTexte.\n";
        let blocks = segment(t, &[]);
        assert_eq!(
            agenda(t, &blocks),
            vec!["le bilan annuel", "les résultats", "questions diverses"]
        );
        let t = "Ordre du jour :\na) Indicateurs\nb) Audit\nc) Questions diverses\n\na) Indicateurs\n\nLe standard …\n";
        let blocks = segment(t, &[]);
        assert_eq!(
            agenda(t, &blocks),
            vec!["Indicateurs", "Audit", "Questions diverses"]
        );
    }

    #[test]
    fn agenda_given_in_a_sentence() {
        let t = "M. LAMBERT ouvre la séance et présente l'ordre du jour : bilan de l'accueil ; labellisation ; questions diverses. Il rappelle …\n";
        let blocks = segment(t, &[]);
        assert_eq!(
            agenda(t, &blocks),
            vec!["bilan de l'accueil", "labellisation", "questions diverses"]
        );
    }
}
