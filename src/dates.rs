//! Calendar dates written in French minutes, parsed with a small `nom` grammar.
//!
//! Reported: full dates (`2 FEVRIER 2024`, `Mercredi 20 décembre 2023`, `08 AVR. 2024`,
//! `1er mars 2024`, `31/12/22`, `28.04.2022`, `2024-03-27`), months (`mai 2023`,
//! `au mois de janvier 2024`, `fin novembre 2023`, `mi-juin 2021`), quarters
//! (`3ème trimestre 2023` → `2023-Q3`) and ranges whose first end borrows the month and year of
//! the second (`du 25 août au 29 septembre 2023`, `entre le 3 et le 5 mai 2022`).
//!
//! Not reported: bare years, times, durations, year spans (`2022-2025`), a month without a
//! year (`fin mai`, `depuis janvier`: too vague to date), a weekday and day without a month
//! (`lundi 4`). A weekday with its day and month (`mardi 3 mai`) takes the year of the nearest
//! full date before it when the weekday agrees with that year; a day and month alone
//! (`le 1er juillet`) take the meeting's year, once the meeting is dated ([`add_yearless`]),
//! as the fixtures' conventions decide.
//!
//! Roles set here: `period` (range ends), `deadline` (`d'ici le`, `avant le`, `au plus tard le`)
//! and `label_obtained` (the sentence says a label was obtained). `meeting` and `issued` are left
//! to the meeting extractor.

pub(crate) mod text;

use crate::span::Span;
use nom::{
    branch::alt,
    bytes::complete::{tag, tag_no_case, take_while_m_n},
    character::complete::one_of,
    combinator::opt,
    sequence::tuple,
    IResult,
};
use serde::Serialize;
use text::{fold, fold_ascii, is_hspace, Sentences};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Day,
    Month,
    Quarter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateRole {
    Meeting,
    Issued,
    LabelObtained,
    Deadline,
    Period,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct DateMention {
    pub text: String,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY-Qn` according to `precision`.
    pub value: String,
    pub precision: Precision,
    pub role: Option<DateRole>,
    pub span: Span,
}

type Res<'a, T> = IResult<&'a str, T>;

fn fail<T>(i: &str) -> Res<'_, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Verify,
    )))
}

/// Byte offset of `rest` (a suffix of `whole`) inside `whole`.
fn offset(whole: &str, rest: &str) -> usize {
    whole.len() - rest.len()
}

/// Blanks between the words of a date: spaces (no-break ones included) and at most one line
/// break, because wrapped lines split dates (`5\n jours`, `31\ndécembre`).
fn gap(i: &str) -> Res<'_, &str> {
    let mut newline = false;
    let mut end = 0;
    for (k, c) in i.char_indices() {
        if is_hspace(c) {
            end = k + c.len_utf8();
        } else if c == '\n' && !newline {
            newline = true;
            end = k + 1;
        } else {
            break;
        }
    }
    if end == 0 {
        fail(i)
    } else {
        Ok((&i[end..], &i[..end]))
    }
}

fn next_is_alnum(i: &str) -> bool {
    i.chars().next().is_some_and(char::is_alphanumeric)
}

/// Day of month: `7`, `07`, `1er`, `1 er` (OCR splits the superscript off), `1ᵉʳ`.
/// OCR reads `1` as `i`, `l`, `I`, `T`, `]`, `}` or `!` and `0` as `o` or `O` (`3i décembre`,
/// `}2 octobre`, `2! septembre`, `T1 mars`); a day needs at least one real digit.
fn day(i: &str) -> Res<'_, u32> {
    // `ler`, `Ier`, `ter`: the `1` of `1er` misread as a letter, which leaves no real
    // digit; the `er` and the month that must follow vouch for it. `fer` and `Let` are also
    // words, and `Jer` (`J` for `1`) or an `r` read `t` are rarer slips: the month must be
    // right after them.
    let misread_first: Res<_> = tuple((one_of("lItLTifJ"), alt((tag("er"), tag("et")))))(i);
    if let Ok((r, (letter, suffix))) = misread_first {
        let vouched = letter != 'f' && letter != 'J' && suffix == "er";
        if !next_is_alnum(r) && (vouched || tuple((gap, month))(r).is_ok()) {
            return Ok((r, 1));
        }
    }
    // `le S avril 2019`: a one-digit day a scan read as the letter it resembles; the month
    // right after vouches for it.
    let lookalike: Res<_> = one_of("SBZG")(i);
    if let Ok((r, c)) = lookalike {
        if !next_is_alnum(r) && tuple((gap, month))(r).is_ok() {
            return Ok((
                r,
                match c {
                    'S' => 5,
                    'B' => 8,
                    'Z' => 2,
                    _ => 6,
                },
            ));
        }
    }
    let is_digitish = |c: char| {
        c.is_ascii_digit() || matches!(c, 'i' | 'l' | 'I' | 'T' | 'o' | 'O' | ']' | '}' | '!')
    };
    let (rest, digits) = take_while_m_n(1, 2, is_digitish)(i)?;
    if rest.starts_with(is_digitish) || !digits.contains(|c: char| c.is_ascii_digit()) {
        return fail(i);
    }
    let d = digits.bytes().fold(0, |n, c| {
        n * 10
            + match c {
                b'i' | b'l' | b'I' | b'T' | b']' | b'}' | b'!' => 1,
                b'o' | b'O' => 0,
                c => u32::from(c - b'0'),
            }
    });
    if !(1..=31).contains(&d) {
        return fail(i);
    }
    if d == 1 {
        let suffixed: Res<_> = alt((tag_no_case("er"), tag("ᵉʳ"), tag("°")))(rest);
        if let Ok((r, _)) = suffixed {
            if !next_is_alnum(r) {
                return Ok((r, d));
            }
        }
        let spaced: Res<_> = tuple((gap, tag_no_case("er")))(rest);
        if let Ok((r, _)) = spaced {
            if !next_is_alnum(r) {
                return Ok((r, d));
            }
        }
    }
    if next_is_alnum(rest) {
        return fail(i);
    }
    Ok((rest, d))
}

/// End of a word that may hold OCR digit-for-letter confusions (`jui11et`, `0ctobre`).
fn word_end(i: &str) -> usize {
    let mut end = 0;
    for (k, c) in i.char_indices() {
        let ok = if k == 0 {
            c.is_alphabetic() || c == '0'
        } else {
            c.is_alphabetic() || matches!(c, '1' | '0' | '|')
        };
        if !ok || k > 24 {
            break;
        }
        end = k + c.len_utf8();
    }
    end
}

/// The month names, folded (lowercase, no accents), January first.
pub(crate) const MONTHS: [&str; 12] = [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];

/// Abbreviations, which may carry a dot (`AVR.`, `janv.`).
const ABBREVIATIONS: [(&str, u32); 13] = [
    ("jan", 1),
    ("janv", 1),
    ("fev", 2),
    ("fevr", 2),
    ("avr", 4),
    ("juil", 7),
    ("sept", 9),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("mar", 3),
    ("aou", 8),
];

/// Month number of a word, case- and accent-insensitive, repairing OCR digit/letter swaps and
/// accepting one edit on long names (`juiliet`). Returns whether it was an abbreviation.
fn month_number(word: &str, fuzzy: bool) -> Option<(u32, bool)> {
    // Cheap first-letter filter: this runs at every word of the text.
    let first = word.chars().next()?;
    if !matches!(
        first.to_ascii_lowercase(),
        'j' | 'f' | 'm' | 'a' | 's' | 'o' | 'n' | 'd' | '0'
    ) {
        return None;
    }
    if !(3..=24).contains(&word.len()) {
        return None;
    }
    let (mut buf, n) = fold_ascii(word)?;
    for b in &mut buf[..n] {
        *b = match *b {
            b'1' | b'|' => b'l',
            b'0' => b'o',
            b => b,
        };
    }
    let w = &buf[..n];
    if let Some(k) = MONTHS.iter().position(|m| m.as_bytes() == w) {
        return Some((k as u32 + 1, false));
    }
    if let Some((_, m)) = ABBREVIATIONS.iter().find(|(a, _)| a.as_bytes() == w) {
        return Some((*m, true));
    }
    // OCR splits `u`/`û` into two strokes (`aotit`, `aoiit` for `août`) and `m` into three.
    for k in 0..n.saturating_sub(1) {
        if matches!(&w[k..k + 2], b"ti" | b"li" | b"ii" | b"il") {
            let mut joined = w[..k].to_vec();
            joined.push(b'u');
            joined.extend_from_slice(&w[k + 2..]);
            if let Some(m) = MONTHS
                .iter()
                .position(|m| m.as_bytes() == joined.as_slice())
            {
                return Some((m as u32 + 1, false));
            }
        }
        // OCR reads `m` as `rn` (`novernbre`, `septernbre`).
        if &w[k..k + 2] == b"rn" {
            let mut joined = w[..k].to_vec();
            joined.push(b'm');
            joined.extend_from_slice(&w[k + 2..]);
            if let Some(m) = MONTHS
                .iter()
                .position(|m| m.as_bytes() == joined.as_slice())
            {
                return Some((m as u32 + 1, false));
            }
        }
    }
    if fuzzy && (6..=10).contains(&n) {
        return MONTHS
            .iter()
            .position(|m| m.len() >= 6 && within_one_edit(m.as_bytes(), w))
            .map(|k| (k as u32 + 1, false));
    }
    None
}

/// Levenshtein distance ≤ 1 between ASCII words.
fn within_one_edit(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        short[prefix..]
            .iter()
            .skip(1)
            .eq(long[prefix..].iter().skip(1))
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// A month name, possibly split over a line break (`Jan-\nvier`, `Jan\nvier`).
fn month(i: &str) -> Res<'_, u32> {
    let end = word_end(i);
    if end == 0 {
        return fail(i);
    }
    let rest = &i[end..];
    // A full name split by a line break wins over the abbreviation its first half may be.
    if let Some(tail) = rest.strip_prefix("-\n").or_else(|| rest.strip_prefix('\n')) {
        let end2 = word_end(tail);
        if end2 > 0 {
            let joined = [&i[..end], &tail[..end2]].concat();
            if let Some((m, false)) = month_number(&joined, false) {
                return Ok((&tail[end2..], m));
            }
        }
    }
    let Some((m, abbreviated)) = month_number(&i[..end], true) else {
        return fail(i);
    };
    let mut rest = rest;
    if abbreviated {
        if let Some(r) = rest.strip_prefix('.') {
            rest = r;
        }
    }
    Ok((rest, m))
}

/// Four-digit year in 1900–2099 not glued to a following digit or letter.
fn year4(i: &str) -> Res<'_, i32> {
    let (rest, digits) = take_while_m_n(4, 4, |c: char| c.is_ascii_digit())(i)?;
    if next_is_alnum(rest) {
        return fail(i);
    }
    let y: i32 = digits.parse().unwrap_or(0); // four ASCII digits always parse
    if !(1900..=2099).contains(&y) {
        return fail(i);
    }
    Ok((rest, y))
}

const WEEKDAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

/// A weekday name, as its index in [`WEEKDAYS`] (Monday = 0).
fn weekday(i: &str) -> Res<'_, usize> {
    if !i.starts_with(['l', 'm', 'j', 'v', 's', 'd', 'L', 'M', 'J', 'V', 'S', 'D']) {
        return fail(i);
    }
    let end = word_end(i);
    if !(5..=9).contains(&end) {
        return fail(i);
    }
    let Some((buf, n)) = fold_ascii(&i[..end]) else {
        return fail(i);
    };
    match WEEKDAYS.iter().position(|w| w.as_bytes() == &buf[..n]) {
        Some(k) => {
            let (rest, _) = gap(&i[end..])?;
            Ok((rest, k))
        }
        None => fail(i),
    }
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

fn valid(y: i32, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// Day of the week of a valid Gregorian date, Monday = 0 (Sakamoto's method).
fn weekday_of(y: i32, m: u32, d: u32) -> usize {
    const OFFSETS: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    let sunday_first =
        (y + y / 4 - y / 100 + y / 400 + OFFSETS[m as usize - 1] + d as i32).rem_euclid(7);
    ((sunday_first + 6) % 7) as usize
}

/// `mardi 3 mai` with no year: the weekday, day and month.
fn weekday_day_month(i: &str) -> Res<'_, (usize, u32, u32)> {
    let (i, w) = weekday(i)?;
    match day_month_year(i)? {
        (r, (d, Some(m), None)) => Ok((r, (w, d, m))),
        _ => fail(i),
    }
}

/// A yearless `weekday day month` takes the year of the nearest full date before it, only
/// when that year puts the day on the weekday written: the weekday pins the year, so a day
/// of another year (last year's figures, next year's deadlines) is left out.
fn borrow_year(text: &str, pos: usize, before: &[DateMention]) -> Option<(usize, DateMention)> {
    let (r, (w, d, m)) = weekday_day_month(&text[pos..]).ok()?;
    let y: i32 = before
        .iter()
        .rev()
        .find(|p| p.precision == Precision::Day)?
        .value[..4]
        .parse()
        .ok()?;
    let end = pos + offset(&text[pos..], r);
    (valid(y, m, d) && weekday_of(y, m, d) == w).then(|| {
        (
            end,
            mention(text, pos, end, day_value(y, m, d), Precision::Day, None),
        )
    })
}

/// `[weekday] day [month [year]]`: the pieces a range's first end may leave out.
fn day_month_year(i: &str) -> Res<'_, (u32, Option<u32>, Option<i32>)> {
    let (i, written_weekday) = opt(weekday)(i)?;
    let (i, d) = day(i)?;
    let month_read = tuple((gap, month))(i).or_else(|_| tuple((gap, misread_short_month))(i));
    let Ok((after_month, m)) = month_read.map(|(r, (_, m))| (r, m)) else {
        return Ok((i, (d, None, None)));
    };
    match tuple((gap, year4))(after_month).or_else(|_| short_year(after_month)) {
        Ok((r, (_, y))) => Ok((
            r,
            (
                d,
                Some(m),
                Some(year_the_weekday_confirms(written_weekday, y, m, d)),
            ),
        )),
        Err(_) => Ok((after_month, (d, Some(m), None))),
    }
}

/// `8 mais 2024`: a four-letter month (`mars`, `juin`, `août`) with one letter misread by a
/// scan, too short for [`month_number`]'s fuzzy reading; only with a year after it (and the day
/// before it that [`day_month_year`] read).
fn misread_short_month(i: &str) -> Res<'_, u32> {
    let end = word_end(i);
    let Some((buf, 4)) = fold_ascii(&i[..end]) else {
        return fail(i);
    };
    let one_letter_off =
        |name: &str| name.bytes().zip(&buf[..4]).filter(|(a, b)| a != *b).count() == 1;
    let Some(&(_, m)) = [("mars", 3), ("juin", 6), ("aout", 8)]
        .iter()
        .find(|(name, _)| one_letter_off(name))
    else {
        return fail(i);
    };
    let rest = &i[end..];
    tuple((gap, year4))(rest)?;
    Ok((rest, m))
}

/// Words that may follow a date; any other word after `5 mars 24` makes the number a count
/// (`le 5 mars 24 dossiers`).
const AFTER_SHORT_YEAR: [&str; 7] = ["à", "a", "au", "de", "dans", "en", "et"];

/// `5 mars 24`: a two-digit year on the month's line, read as 20xx (minutes of user
/// committees are all post-2000), unless a noun follows.
fn short_year(i: &str) -> Res<'_, (&str, i32)> {
    let blanks = i.len() - i.trim_start_matches(is_hspace).len();
    let (rest, digits) = take_while_m_n(2, 2, |c: char| c.is_ascii_digit())(&i[blanks..])?;
    if blanks == 0
        || next_is_alnum(rest)
        || rest.starts_with([',', '.']) && rest[1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return fail(i);
    }
    let next_word = rest
        .trim_start_matches(is_hspace)
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    if !next_word.is_empty() && !AFTER_SHORT_YEAR.contains(&next_word) {
        return fail(i);
    }
    Ok((
        rest,
        (&i[..blanks], 2000 + digits.parse::<i32>().unwrap_or(0)),
    ))
}

/// `[weekday] day month year`.
fn full_date(i: &str) -> Res<'_, (i32, u32, u32)> {
    match day_month_year(i)? {
        (r, (d, Some(m), Some(y))) if valid(y, m, d) => Ok((r, (y, m, d))),
        _ => fail(i),
    }
}

/// `réunion du 17 avril 2095` in minutes whose other dates fall in 2025: a year no minutes can
/// bear, one digit away from just one year of those the document's other dates span, is that
/// year misread by the scan.
fn set_right_misread_years(mentions: &mut [DateMention]) {
    let year_of = |m: &DateMention| m.value.get(..4).and_then(|v| v.parse::<i32>().ok());
    let years: Vec<i32> = mentions
        .iter()
        .filter_map(year_of)
        .filter(|y| PLAUSIBLE_YEARS.contains(y))
        .collect();
    let (Some(&first), Some(&last)) = (years.iter().min(), years.iter().max()) else {
        return;
    };
    // The years the minutes speak of, and the next ones their deadlines reach (`visé pour le
    // 30 juin 2095` in minutes of 2024).
    let span = first - 1..=last + 2;
    for m in mentions.iter_mut() {
        let Some(y) = year_of(m).filter(|y| !PLAUSIBLE_YEARS.contains(y)) else {
            continue;
        };
        let near: Vec<i32> = span.clone().filter(|&o| one_digit_apart(y, o)).collect();
        let [year] = near[..] else { continue };
        let rest = &m.value[4..];
        let day_ok = match m.precision {
            Precision::Day => {
                matches!((rest.get(1..3).map(str::parse), rest.get(4..6).map(str::parse)), (Some(Ok(mo)), Some(Ok(d))) if valid(year, mo, d))
            }
            Precision::Month | Precision::Quarter => true,
        };
        if day_ok {
            m.value = format!("{year:04}{rest}");
        }
    }
}

/// `juillet 202?` between `juin 2022` and `janvier 2023` in a dated list: the scan could not
/// read the year's last digit, and the dates around it leave it one year. Only after a month
/// (and a day) written out, and only when the dates before and after it are in order and
/// admit just one of the ten years.
fn add_years_the_neighbours_decide(text: &str, mentions: &mut Vec<DateMention>) {
    let month_key = |m: &DateMention| {
        matches!(m.precision, Precision::Day | Precision::Month).then(|| m.value[..7].to_string())
    };
    for (mark, _) in text.match_indices('?') {
        let Some(digits) = mark
            .checked_sub(3)
            .and_then(|at| text.get(at..mark))
            .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))
        else {
            continue;
        };
        let Ok(decade) = digits.parse::<i32>() else {
            continue;
        };
        let before = &text[..mark - 3];
        let month_end = before.trim_end_matches(is_hspace).len();
        if month_end == before.len() {
            continue;
        }
        let month_word = before[..month_end]
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or_default();
        let month_start = month_end - month_word.len();
        let Some((month, false)) = month_number(month_word, false) else {
            continue;
        };
        // The day before the month, if any.
        let day_text = before[..month_start].trim_end_matches(is_hspace);
        let day_word = day_text
            .rsplit(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap_or_default();
        let day = (day_text.len() < month_start)
            .then(|| day_word.parse::<u32>().ok())
            .flatten();
        let start = if day.is_some() {
            day_text.len() - day_word.len()
        } else {
            month_start
        };
        let end = mark + 1;
        let at = mentions.partition_point(|m| m.span.start < start);
        if mentions.get(at).is_some_and(|m| m.span.start < end) {
            continue;
        }
        let (Some(earlier), Some(later)) = (
            at.checked_sub(1).and_then(|k| month_key(&mentions[k])),
            mentions.get(at).and_then(month_key),
        ) else {
            continue;
        };
        let fits: Vec<i32> = (0..10)
            .map(|d| decade * 10 + d)
            .filter(|y| {
                let key = format!("{y:04}-{month:02}");
                earlier <= key && key <= later && day.is_none_or(|d| valid(*y, month, d))
            })
            .collect();
        let [year] = fits[..] else { continue };
        let (value, precision) = match day {
            Some(d) => (day_value(year, month, d), Precision::Day),
            None => (format!("{year:04}-{month:02}"), Precision::Month),
        };
        mentions.insert(at, mention(text, start, end, value, precision, None));
    }
}

/// Two four-digit years that differ in one digit.
fn one_digit_apart(a: i32, b: i32) -> bool {
    (0..4)
        .filter(|p| a / 10i32.pow(*p) % 10 != b / 10i32.pow(*p) % 10)
        .count()
        == 1
}

/// Years minutes of user committees can bear (the committees date from the 2000s).
const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 2000..=2039;

/// `jeudi 21 septembre 2093`: a year no minutes can bear is a scan's misread digit. When the
/// weekday written falls on the date in just one plausible year a digit away (2023), that
/// year is the printed one; otherwise the year stays as read.
fn year_the_weekday_confirms(written_weekday: Option<usize>, y: i32, m: u32, d: u32) -> i32 {
    let Some(w) = written_weekday else { return y };
    if PLAUSIBLE_YEARS.contains(&y) || !valid(y, m, d) || weekday_of(y, m, d) == w {
        return y;
    }
    let confirmed: Vec<i32> = PLAUSIBLE_YEARS
        .filter(|&c| one_digit_apart(y, c) && valid(c, m, d) && weekday_of(c, m, d) == w)
        .collect();
    match confirmed[..] {
        [year] => year,
        _ => y,
    }
}

/// `31/12/22`, `7/12/2023`, `28.04.2022`, `2024-03-27`, and OCR slips of the separators.
fn numeric(i: &str) -> Res<'_, (i32, u32, u32)> {
    let digits = |n, m| take_while_m_n(n, m, |c: char| c.is_ascii_digit());
    let iso: Res<_> = tuple((digits(4, 4), tag("-"), digits(2, 2), tag("-"), digits(2, 2)))(i);
    let (rest, (y, m, d)) = match iso {
        Ok((r, (y, _, m, _, d))) => (r, (y, m, d)),
        Err(_) => {
            // `1er/03/2024`: the first of the month keeps its ordinal suffix.
            let (r, (d, first, s1, m, s2)) = tuple((
                digits(1, 2),
                opt(tag("er")),
                alt((tag("/"), tag("."), tag("-"), tag("'"), tag(":"))),
                digits(1, 2),
                alt((tag("/"), tag("."), tag("-"), tag(":"))),
            ))(i)?;
            // OCR slips: `28'04/22`, `30/04:2024`, `31:12/2024` (a colon only beside a slash
            // and before a full year: `12/10:30` may be a time).
            let full_year = r
                .get(..4)
                .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()));
            let slip = s1 == "'" && s2 == "/"
                || (s1 == "/" && s2 == ":" || s1 == ":" && s2 == "/") && full_year;
            if s1 != s2 && !slip || first.is_some() && d != "1" {
                return fail(i);
            }
            let (r, y) = alt((digits(4, 4), digits(2, 2)))(r)?;
            (r, (y, m, d))
        }
    };
    // A further digit or `.5`-like group means a phone number, version or longer code.
    let mut tail = rest.chars();
    let glued = match (tail.next(), tail.next()) {
        (Some(c), _) if c.is_alphanumeric() => true,
        (Some('/' | '.' | '-'), Some(c)) => c.is_ascii_digit(),
        _ => false,
    };
    if glued {
        return fail(i);
    }
    let (m, d): (u32, u32) = (m.parse().unwrap_or(0), d.parse().unwrap_or(0)); // ASCII digits
    let y: i32 = match y.len() {
        2 => 2000 + y.parse::<i32>().unwrap_or(0), // minutes of user committees are all post-2000
        _ => y.parse().unwrap_or(0),
    };
    if !valid(y, m, d) || !(1900..=2099).contains(&y) {
        return fail(i);
    }
    Ok((rest, (y, m, d)))
}

/// `3ème trimestre 2023`, `second trimestre 2025`, `T3 2023` is not French minutes' style.
fn quarter(i: &str) -> Res<'_, (i32, u32)> {
    let end: usize = i
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .map(char::len_utf8)
        .sum();
    let Some((buf, n)) = fold_ascii(&i[..end]) else {
        return fail(i);
    };
    let q = match std::str::from_utf8(&buf[..n]).unwrap_or("") {
        "1er" | "1re" | "1ere" | "premier" => 1,
        "2e" | "2eme" | "2nd" | "second" | "deuxieme" => 2,
        "3e" | "3eme" | "troisieme" => 3,
        "4e" | "4eme" | "quatrieme" | "dernier" => 4,
        _ => return fail(i),
    };
    let (r, (_, _, _, y)) = tuple((gap, tag_no_case("trimestre"), gap, year4))(&i[end..])?;
    Ok((r, (y, q)))
}

/// `[au mois de | fin | début | courant | mi-] month year`.
fn month_year(i: &str) -> Res<'_, (i32, u32)> {
    let mut au_mois = tuple((
        tag_no_case("au"),
        gap,
        tag_no_case("mois"),
        gap,
        alt((tag_no_case("de"), tag_no_case("d'"), tag_no_case("d’"))),
    ));
    let (i, _) = opt(alt((
        |x| au_mois(x).map(|(r, _)| (r, ())),
        |x| {
            tuple((
                alt((
                    tag_no_case("fin"),
                    tag_no_case("début"),
                    tag_no_case("debut"),
                    tag_no_case("courant"),
                )),
                gap,
            ))(x)
            .map(|(r, _)| (r, ()))
        },
        |x| tuple((tag_no_case("mi"), alt((tag("-"), tag(" ")))))(x).map(|(r, _)| (r, ())),
    )))(i)?;
    let i = i.trim_start_matches(is_hspace);
    let (i, m) = month(i)?;
    let (i, (_, y)) = tuple((gap, year4))(i)?;
    Ok((i, (y, m)))
}

fn day_value(y: i32, m: u32, d: u32) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn mention(
    text: &str,
    start: usize,
    end: usize,
    value: String,
    precision: Precision,
    role: Option<DateRole>,
) -> DateMention {
    DateMention {
        text: text[start..end].to_string(),
        value,
        precision,
        role,
        span: Span::new(start, end),
    }
}

/// `du 25 août au 29 septembre 2023`, `du 3 au 5 mai`, `des 16 et 17 octobre 2023`, `entre le 3 et le 5 mai 2022`,
/// `de mars à juin 2023`: both ends, the first completed from the second.
fn range(text: &str, pos: usize) -> Option<(usize, Vec<DateMention>)> {
    let i = &text[pos..];
    let opener: Res<_> = alt((
        |x| tuple((tag_no_case("du"), gap))(x).map(|(r, _)| (r, true)),
        |x| tuple((tag_no_case("des"), gap))(x).map(|(r, _)| (r, true)),
        |x| tuple((tag_no_case("de"), gap))(x).map(|(r, _)| (r, false)),
        |x| {
            tuple((
                tag_no_case("entre"),
                gap,
                opt(tuple((tag_no_case("le"), gap))),
            ))(x)
            .map(|(r, _)| (r, true))
        },
    ))(i);
    let (first, days) = opener.ok()?;
    let first_start = pos + offset(i, first);
    let joiner = |x| -> Res<'_, ()> {
        let (x, _) = gap(x)?;
        let (x, _) = alt((
            tag_no_case("au"),
            tag_no_case("à"),
            tag_no_case("et le"),
            tag_no_case("et"),
        ))(x)?;
        let (x, _) = gap(x)?;
        Ok((x, ()))
    };
    if days {
        let (after_first, (d1, m1, y1)) = day_month_year(first).ok()?;
        let (second, _) = joiner(after_first).ok()?;
        let second_start = pos + offset(i, second);
        let (rest, (y2, m2, d2)) = full_date(second).ok()?;
        let m = m1.unwrap_or(m2);
        // `du 15 décembre au 10 janvier 2024` starts the year before.
        let y = y1.unwrap_or(if m > m2 { y2 - 1 } else { y2 });
        if !valid(y, m, d1) {
            return None;
        }
        let first_end = pos + offset(i, after_first);
        let end = pos + offset(i, rest);
        let role = Some(DateRole::Period);
        Some((
            end,
            vec![
                mention(
                    text,
                    first_start,
                    first_end,
                    day_value(y, m, d1),
                    Precision::Day,
                    role,
                ),
                mention(
                    text,
                    second_start,
                    end,
                    day_value(y2, m2, d2),
                    Precision::Day,
                    role,
                ),
            ],
        ))
    } else {
        let (after_first, m1) = month(first).ok()?;
        let (second, _) = joiner(after_first).ok()?;
        let second_start = pos + offset(i, second);
        let (rest, (y2, m2)) = month_year(second).ok()?;
        let y = if m1 > m2 { y2 - 1 } else { y2 };
        let first_end = pos + offset(i, after_first);
        let end = pos + offset(i, rest);
        let role = Some(DateRole::Period);
        Some((
            end,
            vec![
                mention(
                    text,
                    first_start,
                    first_end,
                    format!("{y:04}-{m1:02}"),
                    Precision::Month,
                    role,
                ),
                mention(
                    text,
                    second_start,
                    end,
                    format!("{y2:04}-{m2:02}"),
                    Precision::Month,
                    role,
                ),
            ],
        ))
    }
}

/// The longest date expression starting at `pos`, if any: its end and its mentions.
fn parse_at(text: &str, pos: usize) -> Option<(usize, Vec<DateMention>)> {
    if let Some(found) = range(text, pos) {
        return Some(found);
    }
    let i = &text[pos..];
    let end = |rest: &str| pos + offset(i, rest);
    if let Ok((r, (d, Some(m), Some(y)))) = day_month_year(i) {
        let e = end(r);
        // An impossible day (`30 février`) voids the expression rather than leaving its month.
        let found = if valid(y, m, d) {
            vec![mention(
                text,
                pos,
                e,
                day_value(y, m, d),
                Precision::Day,
                None,
            )]
        } else {
            Vec::new()
        };
        return Some((e, found));
    }
    if let Ok((r, (y, m, d))) = numeric(i) {
        let e = end(r);
        return Some((
            e,
            vec![mention(
                text,
                pos,
                e,
                day_value(y, m, d),
                Precision::Day,
                None,
            )],
        ));
    }
    if let Ok((r, (y, q))) = quarter(i) {
        let e = end(r);
        return Some((
            e,
            vec![mention(
                text,
                pos,
                e,
                format!("{y:04}-Q{q}"),
                Precision::Quarter,
                None,
            )],
        ));
    }
    if let Ok((r, (y, m))) = month_year(i).or_else(|e| misread_month_year(text, pos).ok_or(e)) {
        let e = end(r);
        return Some((
            e,
            vec![mention(
                text,
                pos,
                e,
                format!("{y:04}-{m:02}"),
                Precision::Month,
                None,
            )],
        ));
    }
    None
}

/// `en cars 2024`, `de murs 2016`: a four-letter month one letter off (see
/// [`misread_short_month`]) and its year, after the `en` or `de` that introduce a month:
/// without a day, the preposition vouches for the month.
fn misread_month_year(text: &str, pos: usize) -> Option<(&str, (i32, u32))> {
    let before = text[..pos].trim_end_matches(is_hspace);
    let word = before.rsplit(|c: char| !c.is_alphabetic()).next()?;
    if !(word.eq_ignore_ascii_case("en") || word.eq_ignore_ascii_case("de"))
        || before.len() == text[..pos].len()
    {
        return None;
    }
    let (r, m) = misread_short_month(&text[pos..]).ok()?;
    let (r, (_, y)) = tuple((gap, year4))(r).ok()?;
    Some((r, (y, m)))
}

/// Every date expression of `text`, in text order, with the roles this module can tell.
pub fn find_dates(text: &str) -> Vec<DateMention> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut skip_to = 0;
    // Every date holds a digit within its first few words (`au mois de septembre 2024`), so
    // only the words in the reach before each digit are tried: prose far from any digit is
    // skipped by a byte scan. Windows only move forward: linear.
    let mut cursor = 0;
    while let Some(k) = bytes[cursor.max(skip_to)..]
        .iter()
        .position(u8::is_ascii_digit)
    {
        cursor = cursor.max(skip_to);
        let digit = cursor + k;
        let mut from = digit.saturating_sub(DIGIT_REACH).max(cursor);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let mut back = text[..from].chars().rev();
        let (mut prev, mut prev2) = (back.next(), back.next());
        for (k, c) in text[from..=digit].char_indices() {
            let pos = from + k;
            // `}2 octobre`: a bracket OCR read for the day's `1` starts the date.
            let misread_one =
                matches!(c, ']' | '}') && text[pos + 1..].starts_with(|d: char| d.is_ascii_digit());
            let word_start =
                (c.is_alphanumeric() || misread_one) && !prev.is_some_and(char::is_alphanumeric);
            // `1.12.05.2023`, `3,14/12`: a digit right after a digit and a separator continues a number.
            let continues_number = c.is_ascii_digit()
                && prev.is_some_and(|p| matches!(p, '/' | '.' | ',' | '-'))
                && prev2.is_some_and(|p| p.is_ascii_digit());
            (prev2, prev) = (prev, Some(c));
            if pos < skip_to || !word_start || continues_number || !may_start_date(&text[pos..]) {
                continue;
            }
            if let Some((end, found)) = parse_at(text, pos) {
                out.extend(found);
                skip_to = end;
            } else if let Some((end, found)) = borrow_year(text, pos, &out) {
                out.push(found);
                skip_to = end;
            }
        }
        cursor = digit + 1;
    }
    set_right_misread_years(&mut out);
    add_years_the_neighbours_decide(text, &mut out);
    assign_roles(text, &mut out);
    out
}

/// `la semaine du 14 octobre`, `le 3 juin`, `le 1er/10`: a day and month written without a year
/// are dated in the meeting's `year`, once the meeting date is known, and added to `dates` in
/// text order.
/// Not after a weekday, which pins the year itself (see [`borrow_year`]), nor before a number
/// (`le 5 mars 24 dossiers`).
pub fn add_yearless(text: &str, dates: &mut Vec<DateMention>, year: i32) {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(k) = bytes[at..].iter().position(u8::is_ascii_digit) {
        let pos = at + k;
        at = pos
            + bytes[pos..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
        if text[..pos]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | ',' | '-'))
        {
            continue;
        }
        let known = dates.partition_point(|d| d.span.start <= pos);
        if known > 0 && dates[known - 1].span.end > pos {
            continue;
        }
        let previous_word = text[..pos]
            .trim_end_matches(is_hspace)
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let (rest, d, m) = match day_month_year(&text[pos..]) {
            Ok((rest, (d, Some(m), None))) => (rest, d, m),
            _ => match day_slash_month(&text[pos..]) {
                Ok((rest, (d, m))) if previous_word.eq_ignore_ascii_case("le") => (rest, d, m),
                _ => continue,
            },
        };
        let after_weekday = fold_ascii(previous_word)
            .is_some_and(|(buf, n)| WEEKDAYS.iter().any(|w| w.as_bytes() == &buf[..n]));
        if after_weekday
            || rest
                .trim_start_matches(is_hspace)
                .starts_with(|c: char| c.is_ascii_digit())
            || !valid(year, m, d)
        {
            continue;
        }
        let end = pos + offset(&text[pos..], rest);
        found.push(mention(
            text,
            pos,
            end,
            day_value(year, m, d),
            Precision::Day,
            None,
        ));
    }
    if found.is_empty() {
        return;
    }
    assign_roles(text, &mut found);
    dates.extend(found);
    dates.sort_by_key(|d| d.span.start);
}

/// `le 1er/10`, `le 15/06`: a day and month in figures without a year. The ordinal or a
/// two-digit month tells it from a fraction (`le 1/3 des dossiers`).
fn day_slash_month(i: &str) -> Res<'_, (u32, u32)> {
    let digits = |n, m| take_while_m_n(n, m, |c: char| c.is_ascii_digit());
    let (r, (d, first, _, m)) = tuple((digits(1, 2), opt(tag("er")), tag("/"), digits(1, 2)))(i)?;
    // A year a scan cut off by another mark (`31/12"2024`) is no missing year.
    let mut tail = r.chars();
    let glued = match (tail.next(), tail.next()) {
        (Some(c), _) if c.is_alphanumeric() || c == '/' => true,
        (Some(c), Some(next)) => !c.is_whitespace() && next.is_ascii_digit(),
        _ => false,
    };
    if glued || first.is_some() && d != "1" || first.is_none() && m.len() != 2 {
        return fail(i);
    }
    Ok((r, (d.parse().unwrap_or(0), m.parse().unwrap_or(0)))) // ASCII digits
}

/// Words a date expression can open with, besides digits and month names (folded): range
/// openers, weekdays, month prefixes and quarter ordinals.
const OPENERS: [&str; 22] = [
    "du",
    "des",
    "de",
    "entre",
    "au",
    "fin",
    "debut",
    "courant",
    "mi",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "premier",
    "second",
    "deuxieme",
    "troisieme",
    "quatrieme",
    "dernier",
];

/// Whether the word at the start of `i` may open a date: a cheap test that spares the grammar
/// the ordinary words of the text.
fn may_start_date(i: &str) -> bool {
    let b = i.as_bytes();
    // A day, possibly with an OCR letter for its first digit (`i5 mars`).
    if b[0].is_ascii_digit() || b.get(1).is_some_and(u8::is_ascii_digit) {
        return true;
    }
    let end = word_end(i);
    // `ler mars`: a `1er` whose digit OCR read as a letter; `S avril`: a day read as the
    // letter it resembles (see `day`).
    if end == 3 && b"lItLTifJ".contains(&b[0]) && matches!(&b[1..3], b"er" | b"et")
        || end == 1 && b"SBZG".contains(&b[0])
    {
        return true;
    }
    let Some((buf, n)) = fold_ascii(&i[..end]) else {
        return false;
    };
    let w = &buf[..n];
    OPENERS.iter().any(|o| o.as_bytes() == w)
        || month_number(&i[..end], true).is_some()
        // `en cars 2024` (see `misread_month_year`).
        || n == 4 && misread_short_month(i).is_ok()
        // The first half of a month name split by a line break (`Novem-\nbre`).
        || (n >= 3 && MONTHS.iter().any(|m| m.as_bytes().starts_with(w)))
}

/// Longest distance in bytes from the start of a date expression to its first digit
/// (`mercredi 20`, `entre le 3`, `au mois de septembre 2024`, `quatrième trimestre 2024`).
const DIGIT_REACH: usize = 40;

/// Phrases that make the following date a deadline.
const DEADLINE_CUES: [&str; 8] = [
    "d'ici le",
    "d'ici au",
    "d'ici",
    "avant le",
    "avant",
    "au plus tard le",
    "au plus tard",
    "jusqu'au",
];

fn assign_roles(text: &str, dates: &mut [DateMention]) {
    if dates.is_empty() {
        return;
    }
    let sentences = Sentences::new(text);
    let mut status = crate::labels::StatusReader::new(text);
    for d in dates.iter_mut().filter(|d| d.role.is_none()) {
        // The cues are short: the end of the line before the date is enough.
        let mut from = d.span.start.saturating_sub(CUE_REACH);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let line_start = text[from..d.span.start].rfind('\n').map(|k| from + k + 1);
        let before = fold(text[line_start.unwrap_or(from)..d.span.start].trim_end());
        let before = before.trim_end_matches([',', ':']).trim_end();
        let whole_line = line_start.is_some() || from == 0;
        if DEADLINE_CUES.iter().any(|cue| {
            before.ends_with(cue)
                && before[..before.len() - cue.len()].ends_with(|c: char| !c.is_alphanumeric())
        }) || (whole_line && DEADLINE_CUES.contains(&before))
        {
            d.role = Some(DateRole::Deadline);
            continue;
        }
        let obtained = status.at(sentences.around(d.span.start), d.span.start, false)
            == Some(crate::labels::EventKind::Obtained);
        if obtained {
            d.role = Some(DateRole::LabelObtained);
        }
    }
}

/// Bytes before a date searched for a deadline cue (the longest cue is 15 bytes).
const CUE_REACH: usize = 48;

#[cfg(test)]
mod tests {
    use super::*;

    /// The values of the dates found in `s`.
    fn values(s: &str) -> Vec<String> {
        find_dates(s).into_iter().map(|d| d.value).collect()
    }

    #[test]
    fn a_year_with_an_unreadable_digit_between_dates_in_order() {
        let list = "- juin 2022 : Bourg\n- juillet 202? : Ville\n- janvier 2023 : Val\n";
        assert_eq!(values(list), ["2022-06", "2022-07", "2023-01"]);
        let found = find_dates(list);
        assert_eq!(
            &list[found[1].span.start..found[1].span.end],
            "juillet 202?"
        );
        assert_eq!(
            values("le 3 mai 2021, le 20 juin 202? et le 1er juillet 2021"),
            ["2021-05-03", "2021-06-20", "2021-07-01"]
        );
        // Two years fit, or the neighbours are out of order, or there is only one: left.
        assert_eq!(
            values("juin 2022, juillet 202?, janvier 2024"),
            ["2022-06", "2024-01"]
        );
        assert_eq!(
            values("janvier 2023, juillet 202?, juin 2022"),
            ["2023-01", "2022-06"]
        );
        assert_eq!(
            values("le 20 juin 202?, puis le 1er juin 2022"),
            ["2022-06-01"]
        );
        assert_eq!(
            values("en 202? : juin 2022, mai 2023"),
            ["2022-06", "2023-05"]
        );
    }

    #[test]
    fn one_edit() {
        assert!(within_one_edit(b"juillet", b"juiliet"));
        assert!(within_one_edit(b"juillet", b"jullet"));
        assert!(!within_one_edit(b"juillet", b"juin"));
    }

    #[test]
    fn two_digit_year_after_a_month_name() {
        assert_eq!(values("Objet : CR CLU du 5 mars 24"), ["2024-03-05"]);
        assert_eq!(
            values("réuni le 5 janv. 24 à la préfecture"),
            ["2024-01-05"]
        );
        assert!(values("depuis le 5 mars 24 dossiers sont en attente").is_empty());
    }

    #[test]
    fn a_misread_year_digit_is_set_right_by_the_weekday() {
        // 21 September fell on a Thursday in 2023 alone of the plausible years a digit away.
        assert_eq!(values("Réunion du jeudi 21 septembre 2093"), ["2023-09-21"]);
        // Without a weekday, or with a plausible year, the year stays as read.
        assert_eq!(values("Réunion du 21 septembre 2093"), ["2093-09-21"]);
        assert_eq!(values("Réunion du lundi 21 septembre 2023"), ["2023-09-21"]);
    }

    #[test]
    fn a_misread_year_takes_the_one_year_of_the_document_a_digit_away() {
        assert_eq!(
            values("Réunion du 17 avril 2095. Panne depuis le 2 mars 2025."),
            ["2025-04-17", "2025-03-02"]
        );
        // Two years a digit away: no way to tell which was printed.
        assert_eq!(
            values("Réunion du 17 avril 2095. Bilans de mars 2025 et de mai 2015."),
            ["2095-04-17", "2025-03", "2015-05"]
        );
        assert_eq!(
            values("Réunion du 26 mars 2024. Label visé pour le 30 juin 2095."),
            ["2024-03-26", "2025-06-30"]
        );
    }

    #[test]
    fn a_day_read_as_the_letter_it_resembles() {
        assert_eq!(values("labellisée le S avril 2019"), ["2019-04-05"]);
        assert!(values("le groupe S a 12 membres").is_empty());
    }

    #[test]
    fn the_first_of_the_month_written_with_slashes() {
        assert_eq!(
            values("Réunion du 1er/03/2024, en visioconférence"),
            ["2024-03-01"]
        );
        assert!(values("le 2er/03/2024").is_empty());
    }

    #[test]
    fn separators_and_short_months_a_scan_misread() {
        assert_eq!(values("d'ici le 30/04:2024."), ["2024-04-30"]);
        assert!(values("le 12/10:30").is_empty());
        assert_eq!(values("Rennes, le 8 mais 2024"), ["2024-03-08"]);
        assert!(values("le 8 mais pas 2024").is_empty());
        assert_eq!(
            values("labellisée depuis le\nfer juillet 2020, a accueilli"),
            ["2020-07-01"]
        );
        assert!(values("le fer 2020").is_empty());
    }

    #[test]
    fn first_of_the_month_colons_and_month_years_a_scan_misread() {
        assert_eq!(
            values("labellisée le Let juillet 2022, une"),
            ["2022-07-01"]
        );
        assert_eq!(values("Jer février 2023."), ["2023-02-01"]);
        assert!(values("Let me 2024 go").is_empty());
        assert_eq!(values("au plus tard le 31:12/2024."), ["2024-12-31"]);
        assert!(values("de 10:30/45 minutes").is_empty());
        assert_eq!(values("un bilan en cars 2024."), ["2024-03"]);
        assert!(values("les cars 2024 sont neufs").is_empty());
        // As written.
        assert_eq!(
            values("le 1er juillet 2022, en mars 2024, le 31/12/2024"),
            ["2022-07-01", "2024-03", "2024-12-31"]
        );
    }

    #[test]
    fn a_day_and_month_without_year_take_the_meeting_year() {
        let text = "Réunion du 8 octobre 2024. Le marché sera notifié la semaine du 14 octobre. Le 5 mars 24 dossiers, lundi 4, début avril, mardi 3 juin.";
        let mut dates = find_dates(text);
        add_yearless(text, &mut dates, 2024);
        let values: Vec<&str> = dates.iter().map(|d| d.value.as_str()).collect();
        assert_eq!(values, ["2024-10-08", "2024-10-14"]);
        let text = "Réunion du 8 octobre 2024. Prochain comité le 1er/10 (à confirmer), puis le 15/06. Le 1/3 des dossiers, une note de 7/10, au plus tard le 31/12\"2024.";
        let mut dates = find_dates(text);
        add_yearless(text, &mut dates, 2024);
        let values: Vec<&str> = dates.iter().map(|d| d.value.as_str()).collect();
        assert_eq!(values, ["2024-10-08", "2024-10-01", "2024-06-15"]);
    }

    #[test]
    fn month_words() {
        assert_eq!(month_number("FEVRIER", true), Some((2, false)));
        assert_eq!(month_number("jui11et", true), Some((7, false)));
        assert_eq!(month_number("aoüt", true), Some((8, false)));
        assert_eq!(month_number("AVR", true), Some((4, true)));
        assert_eq!(month_number("maison", true), None);
        assert_eq!(month_number("aotit", true), Some((8, false)));
        assert_eq!(month_number("matin", true), None);
    }
}
