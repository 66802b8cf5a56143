//! Attendance lists: found from their headings, read entry by entry, whatever the layout
//! (dash lists, tab tables, tables whose tabs OCR lost, unbulleted lines under site
//! headings, inline `Excusés : M. X, Mme Y`).

use super::names::{self, Context, Name};
use super::vocab::{self, fold};
use super::{Attendance, Participant, UnnamedRepresentative};
use crate::boundary;
use crate::latin::Window;
use crate::markup::CELL_LINE_BREAK;
use crate::segment::{Block, BlockKind};
use crate::span::Span;
use once_cell::sync::Lazy;
use regex::Regex;
use std::cell::OnceCell;
use std::collections::HashMap;

pub struct Found {
    pub participants: Vec<Participant>,
    pub unnamed: Vec<UnnamedRepresentative>,
    pub chair: Option<usize>,
    /// Blocks read as attendance lists (index into the blocks): not discussion.
    pub list_blocks: Vec<bool>,
}

#[derive(Clone)]
struct Ctx {
    attendance: Attendance,
    group: Option<String>,
}

/// An entry being read: its people, the organisation written before them (tables) and
/// its descriptor, which continuation lines extend.
struct Draft {
    names: Vec<Name>,
    prefix: Option<String>,
    desc: String,
    span: Span,
    ctx: Ctx,
    chair: bool,
}

impl Draft {
    /// The entry ends with `;` or `.` (or a closing parenthesis): a following capitalised
    /// line is not its continuation.
    fn closed(&self) -> bool {
        self.desc.trim_end().ends_with([';', '.', ')'])
    }

    /// `M. Paul X` / `Directeur de cabinet` / `Préfecture de Y` (an HTML paragraph with `<br>`
    /// between them): the name stands alone on the entry's first line, and the lines under it
    /// are its cells.
    fn name_alone(&self, text: &str) -> bool {
        let Some(name_end) = self.names.last().map(|n| n.end) else {
            return false;
        };
        let line_end = text[name_end..]
            .find('\n')
            .map_or(text.len(), |i| name_end + i);
        text[name_end..line_end]
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '*'))
            .is_empty()
    }
}

/// `Mme Anne-Sophie Directrice de la citoyenneté` / `SCHNEIDER la légalité, …`: the first line
/// of a table row whose narrow name column wrapped the family name onto the next line.
struct Headless {
    civility: &'static str,
    given: String,
    /// Where the row starts in the text.
    start: usize,
    desc: String,
    ctx: Ctx,
}

/// A civility and given names the lexicon knows, then no family name but the row's other
/// cells: the civility, the given names and where the rest starts.
fn headless_entry(line: &str) -> Option<(&'static str, &str, usize)> {
    let (civility, after) = names::civility_at(line, strip_lead(line))?;
    let lexicon = crate::lexicon::Lexicon::get();
    let given_word =
        |w: &str| w.split('-').all(|part| lexicon.is_proper(part)) && !vocab::is_role_noun(w);
    let mut end = after;
    for word in line[after..].split_whitespace().take(2) {
        if !given_word(word) {
            break;
        }
        end = after + line[after..].find(word)? + word.len();
    }
    let rest = &line[end..];
    let capitals = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    };
    let next = rest.split_whitespace().next()?;
    let cells_follow = next.starts_with(char::is_uppercase)
        && !capitals(next)
        && !rest.split_whitespace().any(capitals);
    (end > after && cells_follow).then(|| (civility, line[after..end].trim(), end))
}

/// Junk before an entry: bullets, including what OCR makes of them (`=`, `.`, `«`, `¢`).
fn strip_lead(s: &str) -> usize {
    s.len()
        - s.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '(')
            .len()
}

pub fn read(text: &str, blocks: &[Block]) -> Found {
    let mut reader = Reader {
        text,
        participants: Vec::new(),
        unnamed: Vec::new(),
        chair: None,
        draft: None,
        pending: None,
        ctx: None,
        columns: None,
        marks: Vec::new(),
        stacked: None,
        coded_attendance: false,
        headless: None,
        nested: None,
        mark_columns: Vec::new(),
    };
    let mut list_blocks = vec![false; blocks.len()];
    // Each block's heading, found once: the loop and its look-ahead both ask.
    let headings: Vec<_> = blocks
        .iter()
        .map(|b| attendance_heading_of(text, b))
        .collect();
    let any_heading = headings.iter().any(Option::is_some);
    let ahead = Ahead::new(text, blocks);
    // The attendance of the last attendance heading and how many people had been read then.
    let mut last_heading: Option<(Attendance, usize)> = None;
    // Blocks an inline list before them ran on into.
    let mut continued_until = 0;
    for (i, (block, found_heading)) in blocks.iter().zip(&headings).enumerate() {
        if i < continued_until {
            continue;
        }
        if let Some((attendance, heading, mut inline)) = *found_heading {
            reader.flush();
            reader.pending = None;
            // `PARTICIPANTS` then `Membres du comité :` before any entry: the second heading
            // names a part of the same list, a group, unless it only says who was there.
            let nested = last_heading
                == Some((attendance, reader.participants.len() + reader.unnamed.len()))
                && reader.ctx.is_some()
                && !vocab::only_states_attendance(heading);
            last_heading = Some((attendance, reader.participants.len() + reader.unnamed.len()));
            let group = if vocab::invited_heading(heading) || nested {
                clean_group(heading)
            } else {
                group_from_attendance(heading)
            };
            reader.ctx = Some(Ctx { attendance, group });
            reader.columns = None;
            reader.nested = None;
            list_blocks[i] = true;
            if let Some(span) = inline {
                let mut end = span.end;
                continued_until = i + 1;
                while let Some(next) = blocks
                    .get(continued_until)
                    .filter(|next| runs_on(text, end, next) && headings[continued_until].is_none())
                {
                    end = next.content.end;
                    list_blocks[continued_until] = true;
                    continued_until += 1;
                }
                inline = Some(Span::new(span.start, end));
            }
            if let Some(inline) = inline {
                inline_lists(&mut reader, inline);
            }
            continue;
        }
        // A header row whose cells a scan ran together (`Nom Fonction / structure Présence`)
        // is neither a group nor the end of the list.
        if reader.ctx.is_some() && block.kind != BlockKind::TableRow && block.lines.len() <= 1 {
            if is_table_rule_debris(block.content_text(text)) {
                list_blocks[i] = true;
                continue;
            }
            if reader.column_header(block.content) {
                list_blocks[i] = true;
                continue;
            }
        }
        // A heading that is itself an entry (`Mme X, directrice :`) is read as one.
        let entry_heading = reader.ctx.is_some() && ahead.has_entry(i);
        if block.kind == BlockKind::Heading && reader.wrapped_into_entry(block) {
            list_blocks[i] = true;
            continue;
        }
        if (block.kind == BlockKind::Heading || is_label_line(text, block)) && !entry_heading {
            let heading = block.content_text(text);
            // `Représentants de la préfecture :` announces members even when OCR spoils the
            // entry right after it.
            let entries_follow = next_has_entry(&ahead, &headings, i)
                || (reader.ctx.is_some() && vocab::present_group_heading(heading));
            match (reader.ctx.is_some(), entries_follow) {
                (true, true) => {
                    reader.flush();
                    reader.pending = None;
                    if let Some(ctx) = &mut reader.ctx {
                        ctx.group = clean_group(heading);
                    }
                    reader.nested = None;
                    list_blocks[i] = true;
                    continue;
                }
                (true, false) => {
                    reader.close();
                    continue;
                }
                (false, true) if vocab::present_group_heading(heading) => {
                    reader.ctx = Some(Ctx {
                        attendance: Attendance::Present,
                        group: clean_group(heading),
                    });
                    list_blocks[i] = true;
                    continue;
                }
                (false, _) => {}
            }
        }
        if reader.ctx.is_none()
            && !any_heading
            && ahead.has_entry(i)
            && next_has_entry(&ahead, &headings, i)
        {
            // Minutes without an attendance heading: a run of entries is the list of those
            // present.
            reader.ctx = Some(Ctx {
                attendance: Attendance::Present,
                group: None,
            });
        }
        if reader.ctx.is_none() {
            continue;
        }
        list_blocks[i] = true;
        if block.kind == BlockKind::TableRow {
            reader.table_row(block);
            continue;
        }
        if reader.cell_lines(block) {
            continue;
        }
        let first = Span::new(
            block.content.start,
            block
                .lines
                .first()
                .map_or(block.content.end, |l| l.end.max(block.content.start)),
        );
        let lines = std::iter::once(first).chain(block.lines.iter().skip(1).copied());
        for (k, line) in lines.enumerate() {
            let bulleted = k == 0 && block.marker.is_some();
            if !reader.line(line, bulleted, k > 0) {
                list_blocks[i] = false;
                break;
            }
        }
    }
    reader.flush();
    chair_from_prose(text, blocks, &list_blocks, &mut reader);
    Found {
        participants: reader.participants,
        unnamed: reader.unnamed,
        chair: reader.chair,
        list_blocks,
    }
}

/// Whether the paragraph `next` goes on with the inline list that ends at `end`: a scan put
/// blank lines between the wrapped lines of one paragraph (`… mission modernisation et` /
/// (blank) / `qualité ; M. Jean HOARAU, …`).
fn runs_on(text: &str, end: usize, next: &Block) -> bool {
    let before = text[..end].trim_end();
    let after = next.content_text(text);
    next.kind == BlockKind::Paragraph
        && !before.ends_with(['.', ':'])
        && (after.starts_with(char::is_lowercase)
            || before.ends_with([';', ',']) && names::civility_at(after, 0).is_some())
}

/// Entries inline after an attendance heading's colon, and the attendance headings that
/// open later lines of the same block (`Présents : …` then `Excusés : …` with no blank line
/// between).
fn inline_lists(reader: &mut Reader, span: Span) {
    let text = reader.text;
    let mut start = span.start;
    let mut line_start = span.start;
    for line in text[span.start..span.end].split_inclusive('\n') {
        let this = line_start;
        line_start += line.len();
        let Some(colon) = line.find(':').filter(|_| this > span.start) else {
            continue;
        };
        let head = &line[..colon];
        let Some(attendance) = (head.chars().count() <= 60)
            .then(|| vocab::attendance_heading(head))
            .flatten()
        else {
            continue;
        };
        reader.inline(Span::new(start, this));
        let group = if vocab::invited_heading(head) {
            clean_group(head)
        } else {
            group_from_attendance(head)
        };
        reader.ctx = Some(Ctx { attendance, group });
        start = this + colon + 1;
    }
    reader.inline(Span::new(start, span.end));
}

/// `Excusés :` and its inline entries. A heading block, or a line whose part before the
/// colon is an attendance heading.
fn attendance_heading_of<'t>(
    text: &'t str,
    block: &Block,
) -> Option<(Attendance, &'t str, Option<Span>)> {
    let content = block.content_text(text);
    if block.kind == BlockKind::Heading {
        return match vocab::attendance_heading(content) {
            Some(attendance) => Some((attendance, content, None)),
            None => heading_after_gap(text, block),
        };
    }
    if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem) {
        return None;
    }
    let first_end = block
        .lines
        .first()
        .map_or(block.content.end, |l| l.end.max(block.content.start));
    let first = &text[block.content.start..first_end];
    if let Some(heading) =
        heading_closing_paragraph(text, block).or_else(|| heading_after_gap(text, block))
    {
        return Some(heading);
    }
    if !first.contains(':') {
        // `Absent excusé` on its own line, right above the entries; `Présents` over a site
        // sub-heading the segmenter joined to it (the rest is read as list lines).
        let alone = first.chars().count() <= 40
            && first.split_whitespace().count() <= 3
            && !block_has_entry(text, block);
        let rest = Span::new(first_end, block.content.end);
        let inline = (block.lines.len() > 1).then_some(rest);
        return alone
            .then(|| vocab::attendance_heading(first))
            .flatten()
            .map(|a| (a, first, inline));
    }
    let colon = content.find(':')?;
    let head = &content[..colon];
    if head.chars().count() > 60 {
        return None;
    }
    let attendance = vocab::attendance_heading(head)?;
    let rest = Span::new(block.content.start + colon + 1, block.content.end);
    let inline = (!text[rest.start..rest.end].trim().is_empty()).then_some(rest);
    Some((attendance, head, inline))
}

/// `Compte rendu de la réunion du 7 mars 2024` / `Membres présents`: a scan lost the blank line
/// between a title and the attendance heading under it, which the segmenter then joined.
fn heading_closing_paragraph<'t>(
    text: &'t str,
    block: &Block,
) -> Option<(Attendance, &'t str, Option<Span>)> {
    let last = block
        .lines
        .last()
        .filter(|_| block.lines.len() > 1 && block.kind == BlockKind::Paragraph)?;
    // `Présents : M. X` / `Excusés`: the paragraph opens the list itself.
    let first = &text[block.content.start..block.lines[0].end.max(block.content.start)];
    if block_has_entry(text, block)
        || vocab::attendance_heading(first.split(':').next().unwrap_or(first)).is_some()
    {
        return None;
    }
    let line = text[last.start.max(block.content.start)..last.end].trim();
    let short = line.chars().count() <= 40 && line.split_whitespace().count() <= 3;
    if !short || line.contains(':') || !line.starts_with(char::is_uppercase) {
        return None;
    }
    vocab::attendance_heading(line).map(|a| (a, line, None))
}

/// A letter's sidebar read on the same line as the body beside it (`Mél : x@y.fr Étaient
/// présents :`): the block's last line ends with the heading, capitalised, and a colon. A
/// block naming someone is an entry beside the heading of another column (`M. Paul ROUX,
/// directeur    Étaient excusés :`), which the entry keeps.
fn heading_after_gap<'t>(
    text: &'t str,
    block: &Block,
) -> Option<(Attendance, &'t str, Option<Span>)> {
    let last = block.lines.last()?;
    let line = text[last.start.max(block.content.start)..last.end].trim();
    let head = line.strip_suffix(':')?.trim_end();
    let names_someone = text[block.content.start..block.content.end]
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.chars().count() >= 3 && !w.chars().any(char::is_lowercase));
    if names_someone {
        return None;
    }
    // The heading's words start after one of the last three spaces.
    let starts = head
        .rmatch_indices(char::is_whitespace)
        .take(3)
        .map(|(at, space)| at + space.len());
    starts
        .map(|at| head[at..].trim_start())
        .filter(|heading| heading.starts_with(char::is_uppercase) && heading.chars().count() <= 40)
        .filter_map(|heading| vocab::attendance_heading(heading).map(|a| (a, heading, None)))
        .last()
}

/// A short paragraph ending with a colon (`Pour l'administration :`) that the segmenter
/// did not take for a heading.
fn is_label_line(text: &str, block: &Block) -> bool {
    let s = block.content_text(text).trim_end();
    block.kind == BlockKind::Paragraph
        && block.lines.len() == 1
        && s.ends_with(':')
        && s.chars().count() <= 100
}

/// The group an attendance heading names after its preamble (`Participaient à ce comité
/// en qualité de représentants des usagers` → `Représentants des usagers`).
fn group_from_attendance(heading: &str) -> Option<String> {
    let cleaned = clean_group(heading)?;
    let caps = vocab::GROUP_PREAMBLE.captures(&cleaned)?;
    let group = caps.get(1)?.as_str().trim();
    capitalise(group)
}

fn capitalise(s: &str) -> Option<String> {
    let mut chars = s.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

/// A heading as a group name: no markup, no trailing colon, spaces collapsed.
fn clean_group(heading: &str) -> Option<String> {
    let s: String = heading
        .chars()
        .filter(|c| !matches!(c, '*' | '#' | '_'))
        .collect();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = s.trim().trim_end_matches([':', ' ', '.', ';']).trim();
    let s = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    (!s.is_empty()).then(|| s.to_string())
}

/// What the list reader and its look-ahead ask of each block, answered once per block: the
/// look-aheads of consecutive blocks read the same few blocks.
struct Ahead<'t> {
    text: &'t str,
    blocks: &'t [Block],
    entry: Vec<OnceCell<bool>>,
    debris: Vec<OnceCell<bool>>,
}

impl<'t> Ahead<'t> {
    fn new(text: &'t str, blocks: &'t [Block]) -> Self {
        Ahead {
            text,
            blocks,
            entry: vec![OnceCell::new(); blocks.len()],
            debris: vec![OnceCell::new(); blocks.len()],
        }
    }

    /// [`block_has_entry`] of block `i`.
    fn has_entry(&self, i: usize) -> bool {
        *self.entry[i].get_or_init(|| block_has_entry(self.text, &self.blocks[i]))
    }

    /// Whether block `i` is one line of a table's rule as a scan read it.
    fn debris(&self, i: usize) -> bool {
        *self.debris[i].get_or_init(|| {
            let block = &self.blocks[i];
            block.lines.len() <= 1 && is_table_rule_debris(block.content_text(self.text))
        })
    }
}

/// Whether the next entry-like block (at most two headings on) is an attendance entry.
/// A site sub-heading the segmenter left as a paragraph (`Préfecture – site de X`) and a
/// table's header row (`Organisation\tNom\tFonction`) sit between a heading and its
/// entries. `headings` holds each block's [`attendance_heading_of`].
fn next_has_entry(
    ahead: &Ahead,
    headings: &[Option<(Attendance, &str, Option<Span>)>],
    i: usize,
) -> bool {
    let text = ahead.text;
    for (k, (block, heading)) in ahead
        .blocks
        .iter()
        .zip(headings)
        .enumerate()
        .skip(i + 1)
        .filter(|&(k, _)| !ahead.debris(k))
        .take(3)
    {
        if block.kind == BlockKind::Heading {
            if heading.is_some() {
                return false;
            }
            continue;
        }
        if ahead.has_entry(k) || entry_under_wrapped_heading(text, block) {
            return true;
        }
        let header_row = block.kind == BlockKind::TableRow;
        if !header_row && !is_sub_heading_line(text, block) && !is_fragment_line(text, block) {
            return false;
        }
    }
    false
}

/// `administrations` / `Besnssnnne … +` / `M. Thomas X, …`: the rest of a heading a narrow
/// column wrapped and a scan's reading of the table's rule, before the first row.
fn entry_under_wrapped_heading(text: &str, block: &Block) -> bool {
    let mut lines = block_lines(text, block).filter(|l| !is_fragment(l));
    block.kind == BlockKind::Paragraph
        && block.lines.len() >= 2
        && lines.next().is_some_and(|l| entry_at_start(l).is_some())
}

/// A block of lines of one to three words without final punctuation (a heading's wrapped
/// end) or of a table's rule as a scan reads it.
fn is_fragment_line(text: &str, block: &Block) -> bool {
    block.kind == BlockKind::Paragraph && block_lines(text, block).all(is_fragment)
}

fn is_fragment(line: &str) -> bool {
    let line = line.trim_end();
    is_table_rule_debris(line)
        || line.split_whitespace().count() <= 3 && !line.ends_with(['.', ',', ';', ':'])
}

fn block_lines<'t>(text: &'t str, block: &'t Block) -> impl Iterator<Item = &'t str> {
    block
        .lines
        .iter()
        .map(move |l| &text[l.start.max(block.content.start)..l.end])
}

/// One short line without final punctuation: a sub-heading, not prose.
fn is_sub_heading_line(text: &str, block: &Block) -> bool {
    let s = block.content_text(text).trim_end();
    // An indented list item too: the organisation level of a nested list (`  - UDAF de X`).
    let nested_item =
        block.kind == BlockKind::ListItem && text[..block.span.start].ends_with([' ', '\t']);
    (block.kind == BlockKind::Paragraph || nested_item)
        && block.lines.len() == 1
        && s.chars().count() <= 80
        && s.starts_with(char::is_uppercase)
        && !s.ends_with(['.', ',', ';', '!', '?'])
}

fn block_has_entry(text: &str, block: &Block) -> bool {
    if block.kind == BlockKind::TableRow {
        return block
            .cells
            .iter()
            .any(|c| entry_at_start(&text[c.start..c.end]).is_some());
    }
    let first_line_end = block
        .lines
        .first()
        .map_or(block.content.end, |l| l.end.max(block.content.start));
    let line = &text[block.content.start..first_line_end];
    entry_at_start(line).is_some()
        || entry_mid_line(line).is_some()
        || role_first(line).is_some()
        || unnamed(line).is_some()
}

/// People named at the start of an entry line (after its bullet), and where they end.
fn entry_at_start(line: &str) -> Option<(Vec<Name>, usize)> {
    let lead = strip_lead(line);
    let (names, end) = names::parse_people(line, lead, Context::List)?;
    // `parse_people` returns at least the first name when it returns anything.
    let vouched = names[0].civility.is_some();
    let rest = line[end..].trim_start();
    // Without a civility, what follows the name must look like a descriptor, not the rest
    // of a sentence.
    let descriptor_like = rest.is_empty()
        || rest.starts_with([',', ';', '(', '-', '–', ':', '.'])
        || rest
            .split_whitespace()
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase) || vocab::is_role_noun(w));
    (vouched && rest_not_sentence(rest) && !apposition_then_clause(rest)
        || descriptor_like && !apposition_then_clause(rest))
    .then_some((names, end))
}

/// `Mme LAFITTE, présidente de séance, rappelle que …`: a name in apposition at the head of
/// a sentence whose verb opens a clause; list entries hold no `que`.
fn apposition_then_clause(rest: &str) -> bool {
    top_level_segments(rest).iter().skip(1).any(|segment| {
        let first = segment.split_whitespace().next().unwrap_or("");
        // `ainsi que le représentant de …` adds to the list.
        first.starts_with(char::is_lowercase)
            && !vocab::is_role_noun(first)
            && !matches!(first, "ainsi" | "de" | "et")
            && [" que ", " qu'", " qu’"]
                .iter()
                .any(|w| segment.contains(w))
    })
}

/// `M. LARREY explique que…` is prose even in a list.
fn rest_not_sentence(rest: &str) -> bool {
    let first = rest.split_whitespace().next().unwrap_or("");
    let verbish = first.chars().next().is_some_and(char::is_lowercase)
        && !vocab::is_role_noun(first)
        && !matches!(
            first,
            "de" | "du" | "des" | "à" | "au" | "aux" | "en" | "pour" | "et"
        );
    !verbish
}

/// `Association des Maires M. Bernard GUY, Président`: a table row whose tab OCR lost.
/// Returns the offset of the civility, the people and where they end.
fn entry_mid_line(line: &str) -> Option<(usize, Vec<Name>, usize)> {
    // OCR may glue a symbol to the civility (`(SGAD) ™M. Jimmy`).
    static CIVILITY: Window = Window::new(concat!(
        r"\s\p{S}?((?:",
        vocab::civility_pattern!(),
        r")\s)"
    ));
    for caps in CIVILITY.captures_iter(line) {
        let (Some(m), Some(civility)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        let at = civility.start();
        let prefix = line[..m.start()].trim_end();
        // `Défenseur des Droits ; Mme X`: a semicolon OCR read for a tab, unless what comes
        // before is itself an entry (`M. X, maire ; Mme Y`).
        let tab_read_as_semicolon =
            prefix.ends_with(';') && entry_at_start(prefix).is_none() && !prefix.contains(',');
        if prefix.ends_with([',', '.'])
            || (prefix.ends_with(';') && !tab_read_as_semicolon)
            || prefix.chars().count() > 200
        {
            continue;
        }
        // `Préfecture, mission qualité : M. X`: a colon right before the civility labels
        // the person with their organisation, whatever its words.
        let labelled = prefix.ends_with(':') && prefix.chars().count() <= 80;
        let prefix_words = prefix
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic));
        // A prefix in running text has verbs and articles in lowercase; an organisation's
        // name is mostly capitalised words joined by `de`, `la`, `des`…
        let lower = prefix_words
            .clone()
            .filter(|w| w.starts_with(char::is_lowercase) && w.chars().count() > 3)
            .count();
        // Nor does an organisation's name end on a preposition, conjunction or verb: `présidée par M. X` is prose.
        let ends_on_preposition = prefix.rsplit(char::is_whitespace).next().is_some_and(|w| {
            matches!(
                w,
                "par" | "de" | "du" | "des" | "à" | "avec" | "pour" | "et" | "que" | "est"
            )
        });
        if !labelled && (ends_on_preposition || lower * 2 > prefix_words.count()) {
            continue;
        }
        if let Some((names, end)) = names::parse_people(line, at, Context::List) {
            // Never empty: see `parse_people`.
            if names[0].civility.is_some() && rest_not_sentence(line[end..].trim_start()) {
                return Some((at, names, end));
            }
        }
    }
    None
}

/// `le président de l'UDAF, M. Jean DUPONT ;`, `Le directeur des finances publiques (M.
/// Pierre DURAND)`, `Madame la sous-préfète, Mme Nadia X, secrétaire générale`: an entry
/// whose function comes before the person. Returns the descriptor (the function, then what
/// follows the name), the people and where they end.
fn role_first(line: &str) -> Option<(String, Vec<Name>, usize)> {
    // `Madame la sous-préfète`: the form of address names the office, not yet the person. A
    // scan may lose the `l` of `la` (`a cheffe du service`): then a function must follow.
    static ARTICLE: Window =
        Window::anchored(r"^(?:(?:Monsieur|Madame)\s+)?(?:[Ll]e|[Ll]a|[Ll]['’]|(a)\s)\s*");
    let lead = strip_lead(line);
    let article = ARTICLE.captures(&line[lead..])?;
    let desc_start = lead + article.get(0)?.end();
    let function_noun = line[desc_start..]
        .split_whitespace()
        .next()
        .is_some_and(|w| vocab::is_role_noun(w.trim_end_matches([',', ';'])));
    if article.get(1).is_some() && !function_noun {
        return None;
    }
    for (cut, _) in line[desc_start..].rmatch_indices([',', '(']) {
        let bracketed = line[desc_start + cut..].starts_with('(');
        let at = desc_start
            + cut
            + 1
            + (line[desc_start + cut + 1..].len()
                - line[desc_start + cut + 1..].trim_start().len());
        if names::civility_at(line, at).is_none() {
            continue;
        }
        let (names, end) = names::parse_people(line, at, Context::List)?;
        let function = line[desc_start..desc_start + cut].trim_end();
        let mut tail = &line[end..];
        if bracketed {
            tail = tail.trim_start().strip_prefix(')')?;
        }
        // OCR reads the closing `;` as `:` as often as not.
        let rest = tail.trim().trim_matches([';', '.', ',', ':']);
        if rest.is_empty() {
            return Some((format!("{function}{tail}"), names, end));
        }
        // `…, Mme X, secrétaire générale`: a function after the name completes the one before.
        let completes = function_noun
            && tail.trim_start().starts_with(',')
            && rest_not_sentence(rest)
            && !apposition_then_clause(tail);
        return completes.then(|| (format!("{function}{tail}"), names, end));
    }
    None
}

/// `M. le représentant de l'UDAF`: organisation of an unnamed attendee.
fn unnamed(line: &str) -> Option<Option<String>> {
    let s = line[strip_lead(line)..].trim_end_matches([';', ',', '.', ' ']);
    if s.chars().count() > 120 {
        return None;
    }
    let caps = vocab::UNNAMED.captures(s)?;
    Some(
        caps.get(2)
            .map(|m| m.as_str().trim().to_string())
            .filter(|o| !o.is_empty()),
    )
}

struct Reader<'t> {
    text: &'t str,
    participants: Vec<Participant>,
    unnamed: Vec<UnnamedRepresentative>,
    chair: Option<usize>,
    draft: Option<Draft>,
    /// A capitalised line with no name, kept as the organisation of the next entry (a table
    /// row whose first cell OCR wrapped).
    /// Three such lines in a row are not an organisation's name: the list has ended.
    pending: Option<(String, Span, usize)>,
    ctx: Option<Ctx>,
    /// The header row of a table that gives family and given names their own columns.
    columns: Option<NameColumns>,
    /// The `Présent | Excusé` columns of an attendance sheet's header row, where a row
    /// ticks one with an `X`.
    marks: Vec<MarkColumn>,
    /// A table exported one cell a line (`Nom` / `Fonction` / `Structure`, then each row's
    /// cells on as many lines): what each line of a row holds.
    stacked: Option<Vec<StackedCell>>,
    /// The table's header has a column of one-letter attendance codes (`P/E/A`).
    coded_attendance: bool,
    /// A row whose family name the name column wrapped onto the next line.
    headless: Option<Headless>,
    /// The organisation item of a nested list and its column: the entries indented under it
    /// belong to it.
    nested: Option<(String, usize)>,
    /// `Présent   Excusé   Absent` over a sheet laid out with spaces: each column's position
    /// (in characters from the line start) and the attendance an `X` under it stands for.
    mark_columns: Vec<(usize, Attendance)>,
}

#[derive(Clone, Copy, PartialEq)]
enum StackedCell {
    Person,
    Role,
    Organisation,
}

impl StackedCell {
    /// What a header line names, if it is a column header.
    fn from_header(line: &str) -> Option<StackedCell> {
        // `Fonction / structure`: a column holding both reads as its first.
        let line = line.split(['/', '&']).next().unwrap_or(line);
        match fold(line.trim().trim_end_matches(':').trim()).as_str() {
            "nom" | "noms" | "nom et prenom" | "nom prenom" | "prenom nom" | "participant"
            | "participants" => Some(StackedCell::Person),
            "fonction" | "fonctions" | "qualite" | "role" | "titre" => Some(StackedCell::Role),
            "structure" | "organisme" | "organisation" | "service" | "administration"
            | "institution" | "entite" => Some(StackedCell::Organisation),
            _ => None,
        }
    }
}

/// A header cell naming an attendance (`Présent`, `Excusé`): where it stands in the row
/// (see [`cell_position`]) and how wide it is.
#[derive(Clone, Copy)]
struct MarkColumn {
    at: CellPosition,
    width: usize,
    attendance: Attendance,
}

/// Where a cell stands in its row: after how many tabs on a tab-separated line, at which
/// character on a line aligned with spaces (empty cells are dropped, so the cell's index
/// among the others says nothing).
#[derive(Clone, Copy, PartialEq)]
enum CellPosition {
    Tab(usize),
    Column(usize),
}

fn cell_position(text: &str, cell: Span) -> CellPosition {
    let line_start = text[..cell.start].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..cell.start];
    if text[line_start..]
        .split('\n')
        .next()
        .is_some_and(|line| line.contains('\t'))
    {
        CellPosition::Tab(before.matches('\t').count())
    } else {
        CellPosition::Column(before.chars().count())
    }
}

/// A tick in an attendance column: `X`, `x`, `✓`, `oui`.
fn is_tick(cell: &str) -> bool {
    matches!(
        cell.trim(),
        "X" | "x" | "✓" | "✔" | "☑" | "☒" | "oui" | "Oui" | "OUI"
    )
}

/// Where a `Nom | Prénom | Structure | Fonction` table puts each part of an entry, from its
/// header row; the remaining cells are organisation or attendance.
#[derive(Clone, Copy)]
struct NameColumns {
    count: usize,
    family: usize,
    given: usize,
    role: Option<usize>,
    civility: Option<usize>,
}

impl NameColumns {
    /// The columns a header row names, when it has both a `Nom` and a `Prénom` column.
    fn from_header(cells: &[&str]) -> Option<NameColumns> {
        let folded: Vec<String> = cells.iter().map(|c| fold(c.trim())).collect();
        let find = |names: &[&str]| folded.iter().position(|c| names.contains(&c.as_str()));
        Some(NameColumns {
            count: cells.len(),
            family: find(&["nom", "nom de famille", "noms"])?,
            given: find(&["prenom", "prenoms"])?,
            role: find(&["fonction", "fonctions", "qualite", "role"]),
            civility: find(&["civilite", "civ.", "civ"]),
        })
    }
}

impl Reader<'_> {
    fn close(&mut self) {
        self.flush();
        self.pending = None;
        self.nested = None;
        self.ctx = None;
        self.columns = None;
        self.marks.clear();
        self.stacked = None;
    }

    /// A block of a table exported one cell a line: its header (`Nom` / `Fonction` /
    /// `Structure`) or its rows, each line in its column. Returns whether the block was read
    /// so; a block that does not fit the columns is left to the line reader.
    fn cell_lines(&mut self, block: &Block) -> bool {
        if block.kind != BlockKind::Paragraph {
            return false;
        }
        let lines: Vec<Span> = block
            .lines
            .iter()
            .map(|l| Span::new(l.start.max(block.content.start).min(l.end), l.end))
            .collect();
        if let Some(cells) = self.stacked_header(&lines) {
            self.flush();
            self.pending = None;
            self.stacked = Some(cells);
            return true;
        }
        let Some(columns) = self.stacked.clone() else {
            return false;
        };
        if lines.is_empty() || lines.len() % columns.len() != 0 {
            return false;
        }
        let mut rows = Vec::new();
        for row in lines.chunks(columns.len()) {
            let mut names = None;
            let (mut role, mut organisation) = (String::new(), String::new());
            for (&line, &column) in row.iter().zip(&columns) {
                let cell = self.text[line.start..line.end].trim();
                match column {
                    StackedCell::Person => {
                        names = entry_at_start(&self.text[line.start..line.end])
                            .map(|(n, _)| absolute(n, line.start))
                    }
                    StackedCell::Role => role = cell.to_string(),
                    StackedCell::Organisation => organisation = cell.to_string(),
                }
            }
            let Some(names) = names else { return false };
            rows.push((
                names,
                role,
                organisation,
                Span::new(row[0].start, row[row.len() - 1].end),
            ));
        }
        let Some(ctx) = self.ctx.clone() else {
            return false;
        };
        for (names, desc, organisation, span) in rows {
            self.flush();
            // An empty prefix still marks the descriptor as the role alone.
            self.draft = Some(Draft {
                names,
                prefix: Some(organisation),
                desc,
                span,
                ctx: ctx.clone(),
                chair: false,
            });
        }
        self.flush();
        true
    }

    /// The header of a table exported one cell a line (`Nom` / `Fonction` / `Structure`).
    /// Under a `Nom` line, a scan's damaged header word (`Fonctico`, `Sucre`) is taken for
    /// the column the usual order puts there: the function, then the organisation.
    fn stacked_header(&self, lines: &[Span]) -> Option<Vec<StackedCell>> {
        let words: Vec<&str> = lines
            .iter()
            .map(|l| self.text[l.start..l.end].trim())
            .collect();
        if !(2..=4).contains(&words.len()) {
            return None;
        }
        let known: Vec<Option<StackedCell>> =
            words.iter().map(|w| StackedCell::from_header(w)).collect();
        if known.iter().all(Option::is_some) {
            let cells: Vec<StackedCell> = known.into_iter().flatten().collect();
            return cells.contains(&StackedCell::Person).then_some(cells);
        }
        let damaged_word = |w: &&str| {
            w.split_whitespace().count() == 1
                && w.chars().count() <= 12
                && w.starts_with(char::is_uppercase)
        };
        if known[0] != Some(StackedCell::Person) || !words[1..].iter().all(damaged_word) {
            return None;
        }
        // Unread columns take, in order, the usual ones no read word names.
        let mut usual = [StackedCell::Role, StackedCell::Organisation]
            .into_iter()
            .filter(|c| !known.contains(&Some(*c)));
        let mut cells = vec![StackedCell::Person];
        for cell in &known[1..] {
            cells.push(match cell {
                Some(StackedCell::Person) => return None,
                Some(cell) => *cell,
                None => usual.next()?,
            });
        }
        Some(cells)
    }

    /// The header row of an attendance sheet: the columns ticked for each attendance.
    /// Returns whether `cells` was one.
    fn mark_header(&mut self, cells: &[Span]) -> bool {
        let marks: Vec<MarkColumn> = cells
            .iter()
            .filter_map(|&c| {
                let cell = &self.text[c.start..c.end];
                let attendance = vocab::attendance_cell(cell)?;
                Some(MarkColumn {
                    at: cell_position(self.text, c),
                    width: cell.chars().count(),
                    attendance,
                })
            })
            .collect();
        if marks.len() < 2 {
            return false;
        }
        self.marks = marks;
        true
    }

    /// The attendance a ticked cell stands for: `Some(None)` for a tick under no
    /// attendance column, `None` for a cell that is not a tick.
    fn ticked(&self, cell: Span) -> Option<Option<Attendance>> {
        if !is_tick(&self.text[cell.start..cell.end]) {
            return None;
        }
        let at = cell_position(self.text, cell);
        let column = self.marks.iter().find(|m| match (m.at, at) {
            (CellPosition::Tab(a), CellPosition::Tab(b)) => a == b,
            (CellPosition::Column(a), CellPosition::Column(b)) => {
                b + 2 >= a && b <= a + m.width + 2
            }
            _ => false,
        });
        Some(column.map(|m| m.attendance))
    }

    /// One line of a list block (`bulleted`: it carries a bullet, so it starts something;
    /// `wrapped`: no blank line separates it from the line above). Returns false when the
    /// line ends the list (prose).
    fn line(&mut self, line: Span, bulleted: bool, wrapped: bool) -> bool {
        let Some(ctx) = self.ctx.clone() else {
            return false;
        };
        let s = &self.text[line.start..line.end];
        let lead = strip_lead(s);
        let body = &s[lead..];
        if body.is_empty() {
            return true;
        }
        if let Some(headless) = self.headless.take() {
            let family_len = body.split_whitespace().next().filter(|w| {
                w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !w.chars().any(char::is_lowercase)
                    && !vocab::is_org_marker(w)
            });
            if let Some(family) = family_len {
                let family_end = line.start + lead + family.len();
                let name = Name {
                    civility: Some(headless.civility),
                    given: Some(headless.given),
                    family: family.trim_end_matches([',', ';']).to_string(),
                    start: headless.start,
                    end: family_end,
                };
                let desc = format!("{} {}", headless.desc, &body[family.len()..]);
                self.draft = Some(Draft {
                    names: vec![name],
                    prefix: None,
                    desc,
                    span: Span::new(headless.start, line.end),
                    ctx: headless.ctx,
                    chair: false,
                });
                return true;
            }
        }
        if vocab::is_code_legend(body) {
            self.flush();
            return true;
        }
        if self.column_header(Span::new(line.start + lead, line.end)) {
            return true;
        }
        if let Some(m) =
            boundary::find_window_at(&vocab::CHAIR_INTRO, body, 0).filter(|m| m.start() == 0)
        {
            let at = lead + m.end();
            if let Some((names, end)) = names::parse_people(s, at, Context::List) {
                self.start(
                    line.start,
                    names,
                    end,
                    s,
                    None,
                    Ctx {
                        attendance: Attendance::Present,
                        group: None,
                    },
                    true,
                );
                return true;
            }
        }
        // `- Dr Paul MEYER, président de l'association Alsace` / `Handicap Accueil ;`: on a
        // wrapped line of an unfinished entry, capitalised words without a civility or a
        // name in capitals go on with it.
        let title_case_tail = |names: &[Name]| {
            let capitals =
                |w: &str| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase);
            wrapped
                && !bulleted
                && names[0].civility.is_none()
                && !names[0].family.split_whitespace().any(capitals)
                && self.draft.as_ref().is_some_and(|d| !d.closed())
        };
        if let Some((names, end)) = entry_at_start(s).filter(|(names, _)| !title_case_tail(names)) {
            // An entry that starts its line owns no organisation cell: a short line kept
            // before it is the heading of a site or service the segmenter did not see.
            let mut ctx = ctx;
            let organisation = self.nested_organisation(line.start + lead, &mut ctx);
            if organisation.is_none() {
                self.take_sub_heading(&mut ctx);
            }
            // `M. Julien WAGNER Chef du bureau, E`: the code of a presence column whose row a
            // scan joined into one line.
            let mut s = s;
            if let Some((cut, attendance)) = self.attendance_at_row_end(line.start + end, &s[end..])
            {
                s = &s[..end + cut];
                ctx.attendance = attendance;
            }
            self.start(line.start, names, end, s, organisation, ctx, false);
            return true;
        }
        if let Some((at, names, end)) = entry_mid_line(s) {
            let own = s[lead..at]
                .trim()
                .trim_end_matches(|c: char| !c.is_alphabetic() && c != ')')
                .trim();
            let prefix = match self.pending.take() {
                Some((p, _, _)) if !own.is_empty() => Some(format!("{p} {own}")),
                Some((p, _, _)) => Some(p),
                None => (!own.is_empty()).then(|| own.to_string()),
            };
            self.start(line.start, names, end, s, prefix, ctx, false);
            return true;
        }
        if let Some((desc, names, _)) = role_first(s) {
            self.flush();
            let span = Span::new(line.start + lead, line.start + s.len());
            self.draft = Some(Draft {
                names: absolute(names, line.start),
                prefix: None,
                desc,
                span,
                ctx,
                chair: false,
            });
            return true;
        }
        if let Some(org) = unnamed(s) {
            self.flush();
            self.unnamed.push(UnnamedRepresentative {
                organization: org,
                attendance: ctx.attendance,
                span: Span::new(line.start + lead, line.end),
            });
            return true;
        }
        if let Some((civility, given, rest)) = headless_entry(s) {
            self.flush();
            let mut ctx = ctx;
            self.take_sub_heading(&mut ctx);
            let mut desc = &s[rest..];
            if let Some((cut, attendance)) = self.attendance_at_row_end(line.start + rest, desc) {
                desc = &desc[..cut];
                ctx.attendance = attendance;
            }
            self.headless = Some(Headless {
                civility,
                given: given.to_string(),
                start: line.start + lead,
                desc: desc.to_string(),
                ctx,
            });
            return true;
        }
        if is_table_rule_debris(body) {
            return true;
        }
        // `… des Libertés` / `Publiques`: one or two words wrapped right under an
        // unfinished entry end it rather than head the next one.
        let short_tail = wrapped && body.split_whitespace().count() <= 2;
        let stacked = wrapped && self.draft.as_ref().is_some_and(|d| d.name_alone(self.text));
        // In a sheet laid out with spaces, a line less indented than the entry heads the next.
        let outdented = self
            .draft
            .as_ref()
            .is_some_and(|d| indent_of(self.text, line.start) < indent_of(self.text, d.span.start));
        let continues = !bulleted
            && !outdented
            && self.draft.as_ref().is_some_and(|d| {
                stacked
                    || body.starts_with(|c: char| !c.is_uppercase())
                    || (!d.closed() && (short_tail || open_ended(&d.desc, body)))
            });
        match &mut self.draft {
            Some(draft) if continues => {
                if stacked && !draft.desc.trim().is_empty() {
                    draft.desc.push(',');
                }
                draft.desc.push(' ');
                draft.desc.push_str(body);
                draft.span.end = line.end;
                true
            }
            _ if body.chars().count() <= 160
                && !body.trim_end().ends_with('.')
                && self.pending.as_ref().is_none_or(|p| p.2 < 2) =>
            {
                self.flush();
                let pending = match self.pending.take() {
                    Some((p, span, n)) => (
                        format!("{p} {}", body.trim()),
                        Span::new(span.start, line.end),
                        n + 1,
                    ),
                    None => (
                        body.trim().to_string(),
                        Span::new(line.start + lead, line.end),
                        1,
                    ),
                };
                self.pending = Some(pending);
                true
            }
            _ => {
                self.close();
                false
            }
        }
    }

    /// `… des Libertés` / `Publiques :`: the end of an unfinished entry wrapped onto a line
    /// the segmenter took for a heading (one or two words, no blank line before). Extends
    /// the entry and returns true.
    fn wrapped_into_entry(&mut self, block: &Block) -> bool {
        let s = block.content_text(self.text);
        let Some(draft) = self.draft.as_mut().filter(|d| !d.closed()) else {
            return false;
        };
        // A bulleted or bold line (`- **Associations d'usagers**`) starts something of its own.
        // So does a line less indented than the entry (a sheet laid out with spaces).
        let starts_own = block.marker.is_some()
            || block.bold
            || indent_of(self.text, block.content.start) < indent_of(self.text, draft.span.start);
        if starts_own
            || block.after_blank
            || s.split_whitespace().count() > 2
            || block.lines.len() > 1
            || vocab::present_group_heading(s)
        {
            return false;
        }
        draft.desc.push(' ');
        draft.desc.push_str(s);
        draft.span.end = block.content.end;
        true
    }

    /// A table's header row run together on one line: `Nom Fonction / structure Présence`
    /// (a column of one-letter codes) or `…   Présent   Excusé   Absent` laid out with spaces
    /// (columns ticked with an `X`). Remembers its columns; neither a group nor an entry.
    fn column_header(&mut self, line: Span) -> bool {
        if let Some(columns) = attendance_columns(self.text, line) {
            self.mark_columns = columns;
        } else if let Some(coded) = vocab::column_header_line(&self.text[line.start..line.end]) {
            self.coded_attendance = coded;
        } else {
            return false;
        }
        self.flush();
        self.pending = None;
        true
    }

    /// The attendance a row states at its end, under the header's columns (a `P`/`E`/`A` code
    /// or an `X` mark), and where the row's descriptor ends before it.
    fn attendance_at_row_end(&self, desc_at: usize, desc: &str) -> Option<(usize, Attendance)> {
        if self.coded_attendance {
            if let Some(found) = trailing_attendance_code(desc) {
                return Some(found);
            }
        }
        self.marked_column(desc_at, desc)
    }

    /// `…, secrétaire générale          X`: the attendance of the column the mark stands in,
    /// and where the entry ends before it.
    fn marked_column(&self, desc_at: usize, desc: &str) -> Option<(usize, Attendance)> {
        if self.mark_columns.is_empty() {
            return None;
        }
        let before = desc.trim_end().strip_suffix(['X', 'x'])?;
        if !before.ends_with("  ") {
            return None;
        }
        let column = column_of(self.text, desc_at + before.len());
        let (_, attendance) = self
            .mark_columns
            .iter()
            .min_by_key(|(c, _)| c.abs_diff(column))?;
        Some((before.trim_end().len(), *attendance))
    }

    /// `- **Collège des usagers**` / `  - UDAF de X` / `    - M. Y, …`: in a nested list, an
    /// indented item with no name over a more indented entry is the organisation of the
    /// people under it (the group is the level above). Taken for every entry under it.
    fn nested_organisation(&mut self, entry_at: usize, ctx: &mut Ctx) -> Option<String> {
        let column = |at: usize| column_of(self.text, at);
        let indented =
            |at: usize| self.text[line_start_of(self.text, at)..at].starts_with([' ', '\t']);
        // `  - CCI Rouen Métropole` read as `FAMILY Given`: with nothing after the name and an
        // entry indented under it, it was the organisation.
        let organisation_read_as_name = self.draft.as_ref().is_some_and(|d| {
            d.names.len() == 1
                && d.names[0].civility.is_none()
                && clean_descriptor(&d.desc).is_empty()
                && column(entry_at) > column(d.span.start)
        });
        if organisation_read_as_name {
            let draft = self.draft.take()?;
            self.pending = Some((
                self.text[draft.span.start..draft.span.end]
                    .trim()
                    .to_string(),
                draft.span,
                1,
            ));
        }
        if let Some((heading, span, lines)) = &self.pending {
            // `- Collège des usagers` / `  - UDAF de X`: the group item and the organisation
            // item, both kept as one pending heading.
            let (group, item_at) = match (lines, self.text[span.start..span.end].rfind('\n')) {
                (2, Some(nl)) => (
                    clean_group(&self.text[span.start..span.start + nl]),
                    span.start + nl + 1,
                ),
                _ => (None, span.start),
            };
            let item_at = item_at + strip_lead(&self.text[item_at..span.end]);
            let item = self.text[item_at..span.end].trim();
            let nested_under_group =
                *lines == 1 || group.is_some() && column(item_at) > column(span.start);
            if nested_under_group
                && indented(item_at)
                && column(entry_at) > column(item_at)
                && heading.chars().count() <= 120
            {
                if group.is_some() {
                    ctx.group = group;
                    self.ctx = Some(ctx.clone());
                }
                self.nested = Some((clean_group(item)?, column(item_at)));
                self.pending = None;
            }
        }
        let (organisation, level) = self.nested.clone()?;
        if column(entry_at) > level {
            Some(organisation)
        } else {
            self.nested = None;
            None
        }
    }

    /// A single short line kept before an entry that owns no organisation cell is the
    /// heading of a site or service the segmenter did not see: it becomes the group.
    fn take_sub_heading(&mut self, ctx: &mut Ctx) {
        // Two lines are one heading a narrow column wrapped (`Collège des` / `administrations`).
        if let Some((heading, _, lines)) = self.pending.take() {
            let short = heading.chars().count() <= 80
                && (lines == 1
                    || heading.chars().count() <= 50 && heading.split_whitespace().count() <= 5);
            if lines <= 2 && short && !heading.ends_with([',', ';']) {
                ctx.group = clean_group(&heading);
                self.ctx = Some(ctx.clone());
            }
        }
    }

    /// A tab-separated row: the cell with the person, the cells before it as organisation,
    /// a cell such as `Excusé` as the attendance.
    fn table_row(&mut self, block: &Block) {
        if let Some(rows) = self.stacked_people(block) {
            rows.iter().for_each(|row| self.table_row(row));
            return;
        }
        let Some(mut ctx) = self.ctx.clone() else {
            return;
        };
        let cells: Vec<&str> = block
            .cells
            .iter()
            .map(|c| &self.text[c.start..c.end])
            .collect();
        // `Prénom NOM | Organisme | Fonction`: a header row reads like a name in capitals.
        let header_cell =
            |c: &&str| StackedCell::from_header(c).is_some() || vocab::is_attendance_code_header(c);
        if cells.iter().all(header_cell)
            && cells.iter().any(|c| StackedCell::from_header(c).is_some())
            && NameColumns::from_header(&cells).is_none()
        {
            self.flush();
            self.coded_attendance = cells.iter().any(|c| vocab::is_attendance_code_header(c));
            self.mark_header(&block.cells);
            return;
        }
        if let Some(columns) = NameColumns::from_header(&cells) {
            self.flush();
            self.columns = Some(columns);
            self.mark_header(&block.cells);
            return;
        }
        if self.mark_header(&block.cells) {
            self.flush();
            return;
        }
        // Empty cells are dropped: a row ticks one of the sheet's attendance columns.
        let ticks_dropped = self.marks.len().saturating_sub(1);
        if let Some(columns) = self
            .columns
            .filter(|c| c.count == cells.len() || c.count == cells.len() + ticks_dropped)
        {
            self.split_name_row(block, &cells, columns, ctx);
            return;
        }
        let entries: Vec<(usize, Vec<Name>, usize)> = block
            .cells
            .iter()
            .enumerate()
            .filter_map(|(k, c)| {
                entry_at_start(&self.text[c.start..c.end]).map(|(names, end)| (k, names, end))
            })
            .collect();
        // `La Poste, direction\tM. Luc NOIR`: an organisation cell can read like a name in
        // title case; the cell with a civility is the person.
        let chosen = entries
            .iter()
            .position(|(_, names, _)| names[0].civility.is_some())
            .unwrap_or(0);
        let Some((k, names, end)) = entries.into_iter().nth(chosen) else {
            return;
        };
        let cell = block.cells[k];
        let s = &self.text[cell.start..cell.end];
        let org: Vec<&str> = block.cells[..k]
            .iter()
            .map(|c| &self.text[c.start..c.end])
            .collect();
        let org = (!org.is_empty()).then(|| org.join(" "));
        self.flush();
        self.take_sub_heading(&mut ctx);
        let mut desc = s[end..].to_string();
        for &span in &block.cells[k + 1..] {
            if let Some(tick) = self.ticked(span) {
                ctx.attendance = tick.unwrap_or(ctx.attendance);
                continue;
            }
            let later = &self.text[span.start..span.end];
            let coded = if self.coded_attendance {
                vocab::attendance_code(later)
            } else {
                None
            };
            if let Some(attendance) = vocab::attendance_cell(later).or(coded) {
                ctx.attendance = attendance;
                continue;
            }
            desc.push_str(", ");
            desc.push_str(later);
        }
        let span = Span::new(block.content.start, block.content.end);
        self.draft = Some(Draft {
            names: absolute(names, cell.start),
            prefix: org,
            desc,
            span,
            ctx,
            chair: false,
        });
    }

    /// `M. Marc ROSSET<br>Mme Lucie ROUX | UDAF | Président<br>Bénévole`: several people in
    /// one row, a line each within the cells ([`CELL_LINE_BREAK`]). One row per person, the
    /// cells with as many lines split alike, the others shared.
    fn stacked_people(&self, block: &Block) -> Option<Vec<Block>> {
        let parts = |cell: &Span| -> Vec<Span> {
            let mut out = Vec::new();
            let mut start = cell.start;
            for (i, _) in self.text[cell.start..cell.end].match_indices(CELL_LINE_BREAK) {
                out.push(trim_cell(self.text, Span::new(start, cell.start + i)));
                start = cell.start + i + CELL_LINE_BREAK.len();
            }
            out.push(trim_cell(self.text, Span::new(start, cell.end)));
            out
        };
        let split: Vec<Vec<Span>> = block.cells.iter().map(parts).collect();
        let people = split.iter().find(|p| {
            p.len() >= 2
                && p.iter()
                    .all(|s| entry_at_start(&self.text[s.start..s.end]).is_some())
        })?;
        let n = people.len();
        Some(
            (0..n)
                .map(|k| {
                    let cells = split
                        .iter()
                        .zip(&block.cells)
                        .map(|(p, whole)| if p.len() == n { p[k] } else { *whole })
                        .collect();
                    Block {
                        cells,
                        ..block.clone()
                    }
                })
                .collect(),
        )
    }

    /// A row of a table with separate name columns: `DUPONT\tMarie\tCAF\tPrésente`, the
    /// civility in a column of its own when there is one.
    fn split_name_row(
        &mut self,
        block: &Block,
        cells: &[&str],
        columns: NameColumns,
        mut ctx: Ctx,
    ) {
        let family = cells[columns.family].trim();
        let given = cells[columns.given].trim();
        if !family.chars().any(char::is_uppercase) || family.split_whitespace().count() > 4 {
            return;
        }
        let mut orgs = Vec::new();
        let mut desc = String::new();
        let civility = columns
            .civility
            .and_then(|k| cells.get(k))
            .and_then(|cell| {
                vocab::CIVILITIES
                    .iter()
                    .find(|(written, _)| *written == cell.trim())
                    .map(|&(_, value)| value)
            });
        for (k, cell) in cells.iter().enumerate() {
            if k == columns.family || k == columns.given || Some(k) == columns.civility {
                continue;
            }
            if let Some(tick) = self.ticked(block.cells[k]) {
                ctx.attendance = tick.unwrap_or(ctx.attendance);
            } else if let Some(attendance) = vocab::attendance_cell(cell) {
                ctx.attendance = attendance;
            } else if Some(k) == columns.role {
                desc = cell.to_string();
            } else {
                orgs.push(*cell);
            }
        }
        self.flush();
        let (f, g) = (block.cells[columns.family], block.cells[columns.given]);
        let name = Name {
            civility,
            given: (!given.is_empty()).then(|| given.to_string()),
            family: family.to_string(),
            start: f.start.min(g.start),
            end: f.end.max(g.end),
        };
        // An empty prefix still marks the descriptor as the role alone.
        let prefix = Some(orgs.join(" "));
        let span = Span::new(block.content.start, block.content.end);
        self.draft = Some(Draft {
            names: vec![name],
            prefix,
            desc,
            span,
            ctx,
            chair: false,
        });
    }

    /// Inline entries after an attendance heading's colon: `M. X, maire ; Mme Y`, `M. X (CAF)
    /// – Mme Y (UDAF)`. A scan may double the dash (`--`) or lose it after a closing bracket
    /// (`M. X (CAF) Mme Y`), and read `Mme` as `Mine`.
    fn inline(&mut self, span: Span) {
        static SPLIT: Lazy<Regex> = Lazy::new(|| {
            Regex::new(r";|(?:,\s*(?:et\s+)?|\s[–—-]{1,2}\s+|\)\s+|[:.]\s+)(?:Monsieur|Madame|Mmes|Mme|Mine|Mne|MM\.|M\.)\s").expect("static regex")
        });
        let s = &self.text[span.start..span.end];
        // The regex crate has no look-ahead: split before each civility by hand.
        let mut cuts = vec![0];
        for m in SPLIT.find_iter(s) {
            let piece = m.as_str();
            if piece == ";" {
                cuts.push(m.end());
            } else if piece.starts_with([':', '.']) {
                // `…, CAF du Gers : MM. Pierre X`: a `;` a scan read as `:` (or `,` as `.`), when
                // what comes before is itself an entry; `Défenseur des droits : M. X` is one.
                let last = *cuts.last().unwrap_or(&0);
                let before = s[last..m.start()].trim_start();
                if names::civility_at(before, 0).is_some() && before.contains(',') {
                    let civility = piece.trim_start_matches([':', '.']).trim_start();
                    cuts.push(m.end() - civility.len());
                }
            } else {
                let civility = piece
                    .trim_start_matches([',', ' ', '\n', '–', '—', '-', ')'])
                    .trim_start_matches("et ")
                    .trim_start();
                cuts.push(m.end() - civility.len());
            }
        }
        cuts.push(s.len());
        for pair in cuts.windows(2) {
            let piece = Span::new(span.start + pair[0], span.start + pair[1]);
            let piece_text = &self.text[piece.start..piece.end];
            let trimmed_start = piece.start + (piece_text.len() - piece_text.trim_start().len());
            // The dash that separated it from the next entry is no part of it.
            let trimmed_end = piece.start
                + piece_text
                    .trim_end_matches([' ', '\t', '\n', '–', '—'])
                    .len();
            let trimmed = Span::new(trimmed_start, trimmed_end.max(trimmed_start));
            if !self.text[trimmed.start..trimmed.end].trim().is_empty() {
                self.flush();
                self.line(trimmed, true, false);
            }
        }
        self.flush();
    }

    #[allow(clippy::too_many_arguments)]
    fn start(
        &mut self,
        line_start: usize,
        names: Vec<Name>,
        end: usize,
        s: &str,
        prefix: Option<String>,
        ctx: Ctx,
        chair: bool,
    ) {
        self.flush();
        let first = names.first().map_or(0, |n| n.start);
        let span = Span::new(line_start + first, line_start + s.len());
        let desc = s[end..].to_string();
        self.draft = Some(Draft {
            names: absolute(names, line_start),
            prefix,
            desc,
            span,
            ctx,
            chair,
        });
    }

    fn flush(&mut self) {
        let Some(mut draft) = self.draft.take() else {
            return;
        };
        let mut desc = clean_descriptor(&draft.desc);
        if let Some((rest, attendance)) = vocab::attendance_mark(&desc) {
            desc = rest.to_string();
            draft.ctx.attendance = attendance;
        }
        // `M. X, président de l'UDAF, représenté par Mme Y`: X did not come, Y came for the
        // same organisation.
        let mut substitutes = Vec::new();
        if let Some((clause, names_at)) = vocab::represented_by(&desc) {
            if let Some((names, _)) = names::parse_people(&desc, names_at, Context::List) {
                substitutes = names;
            }
            desc = clean_descriptor(&desc[..clause]);
            if draft.ctx.attendance == Attendance::Present {
                draft.ctx.attendance = Attendance::Excused;
            }
        }
        let (role, mut organization) = split_descriptor(&desc, draft.prefix.as_deref());
        // `Direction des titres` / `M. X, directeur`: a bare function is held within the
        // service the sub-heading names.
        let bare_role = role
            .as_deref()
            .is_some_and(|r| r.split_whitespace().count() <= 3);
        if organization.is_none() && bare_role {
            organization = draft
                .ctx
                .group
                .clone()
                .filter(|g| vocab::names_an_organisation(g));
        }
        for name in draft.names {
            if draft.chair && self.chair.is_none() {
                self.chair = Some(self.participants.len());
            }
            self.participants.push(Participant {
                civility: name.civility,
                given_name: name.given,
                family_name: name.family,
                role: role.clone(),
                organization: organization.clone(),
                group: draft.ctx.group.clone(),
                attendance: draft.ctx.attendance,
                span: draft.span,
            });
        }
        let body = organization
            .clone()
            .or_else(|| role.as_deref().and_then(body_of_function));
        for name in substitutes {
            self.participants.push(Participant {
                civility: name.civility,
                given_name: name.given,
                family_name: name.family,
                role: None,
                organization: body.clone(),
                group: draft.ctx.group.clone(),
                attendance: Attendance::Present,
                span: draft.span,
            });
        }
    }
}

/// What a scan makes of a table's ruled borders: `+ + + +`, `Eu + + +`, `ST`, a run of
/// letters no reader would write (`Besnssnnne socensnreneuunnnsee … +`), or of `e`s
/// (`ee eae enn ee eee rien be ee cee`).
fn is_table_rule_debris(line: &str) -> bool {
    let line = line.trim();
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    // A dashed rule is read as `e`s: 55–78 % of the letters on the held-out scans, where no
    // line of prose of 20 letters or more in the fixtures has over 34 %.
    let es = line
        .chars()
        // Lowercase only: names in capitals are full of `E` (`LEFEBVRE-DUQUESNE`).
        .filter(|c| matches!(c, 'e' | 'é' | 'è' | 'ê'))
        .count();
    if letters >= 20 && es * 100 >= letters * 45 {
        return true;
    }
    let rules = line
        .chars()
        .filter(|c| matches!(c, '+' | '|' | '_' | '=' | '-'))
        .count();
    if letters < 3
        || line.ends_with(" +")
        || line.starts_with("+ ")
        || rules * 2 >= line.chars().filter(|c| !c.is_whitespace()).count()
    {
        return true;
    }
    // Mostly long words neither the lexicon nor its names know (acronyms aside).
    let lexicon = crate::lexicon::Lexicon::get();
    let words: Vec<&str> = line
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4 && w.chars().any(char::is_lowercase))
        .collect();
    let unknown = words
        .iter()
        .filter(|w| !lexicon.contains(&w.to_lowercase()) && !lexicon.is_proper(w))
        .count();
    unknown >= 3 && unknown * 3 > words.len() * 2
}

/// The column of byte `at` on its line, in characters.
fn column_of(text: &str, at: usize) -> usize {
    text[line_start_of(text, at)..at].chars().count()
}

fn line_start_of(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// How far the line holding byte `at` is indented, in characters.
fn indent_of(text: &str, at: usize) -> usize {
    text[line_start_of(text, at)..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .count()
}

/// `Organisme / Nom, fonction      Présent   Excusé   Absent`: a sheet's header laid out with
/// spaces, with at least two attendance columns. Their positions (characters from the line
/// start) and attendances.
fn attendance_columns(text: &str, content: Span) -> Option<Vec<(usize, Attendance)>> {
    let line_start = line_start_of(text, content.start);
    let line = &text[line_start..content.end];
    let mut columns = Vec::new();
    let mut at = 0;
    for cell in line.split("  ") {
        let word = cell.trim();
        if let Some(attendance) = (!word.is_empty())
            .then(|| vocab::attendance_cell(word))
            .flatten()
        {
            let offset = at + (cell.len() - cell.trim_start().len());
            columns.push((line[..offset].chars().count(), attendance));
        }
        at += cell.len() + 2;
    }
    (columns.len() >= 2).then_some(columns)
}

/// `…, secrétaire général, P`: a one-letter attendance code closing an entry line, where it
/// starts (the entry without it ends there) and what it stands for.
fn trailing_attendance_code(desc: &str) -> Option<(usize, Attendance)> {
    let trimmed = desc.trim_end();
    let (before, code) = trimmed.rsplit_once([' ', '\t'])?;
    let attendance = vocab::attendance_code(code)?;
    Some((before.trim_end().len(), attendance))
}

fn trim_cell(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let start = span.start + (s.len() - s.trim_start().len());
    Span::new(start, (span.start + s.trim_end().len()).max(start))
}

/// A capitalised line continues the entry above when that entry stops on a joining word
/// (`de la Préfecture de la` / `Marne ;`) or the line itself ends like an entry.
fn open_ended(desc: &str, line: &str) -> bool {
    let desc = desc.trim_end();
    let last = desc
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let joining = matches!(
        fold(last).as_str(),
        "de" | "du"
            | "des"
            | "la"
            | "le"
            | "les"
            | "et"
            | "a"
            | "au"
            | "aux"
            | "en"
            | "pour"
            | "par"
            | "sur"
            | "dans"
    ) || last.ends_with(['\'', '’', ',', '-']);
    joining || line.trim_end().ends_with([';', ','])
}

fn absolute(mut names: Vec<Name>, offset: usize) -> Vec<Name> {
    for n in &mut names {
        n.start += offset;
        n.end += offset;
    }
    names
}

/// The descriptor as one line: OCR junk at the ends dropped, lines joined.
fn clean_descriptor(desc: &str) -> String {
    let joined = desc.split_whitespace().collect::<Vec<_>>().join(" ");
    let joined = joined.replace("- ", "-").replace(" -", " - ");
    let trimmed = joined
        // A leading `.` is a comma a scan misread (`LAURET. cheffe du bureau`).
        .trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '-' | '–' | ':' | ';' | ')' | '.')
        })
        .trim_end_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    ';' | ':' | ',' | '.' | '-' | '=' | '\'' | '’' | '|' | '_'
                )
        });
    trimmed.to_string()
}

/// Role and organisation of a descriptor: comma-separated segments starting with a role
/// noun are the role, the others the organisation; a table's first cell is the
/// organisation.
fn split_descriptor(desc: &str, prefix: Option<&str>) -> (Option<String>, Option<String>) {
    let non_empty = |s: String| (!s.trim().is_empty()).then(|| s.trim().to_string());
    if let Some(prefix) = prefix {
        return (non_empty(desc.to_string()), non_empty(prefix.to_string()));
    }
    let mut roles = Vec::new();
    let mut orgs = Vec::new();
    for segment in top_level_segments(desc) {
        let first = segment.split_whitespace().next().unwrap_or("");
        let first = first.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        if let Some(inner) = segment
            .strip_prefix('(')
            .and_then(|s| s.strip_suffix(')'))
            .filter(|s| !s.contains([')', '(']))
        {
            // `BLONDEL Sandrine (ADMR de la Somme), secrétaire`: the bracket after the name
            // holds the organisation, or the function when it starts with one (`(sous-préfet de Rethel)`).
            let inner_first = inner.split_whitespace().next().unwrap_or("");
            if vocab::is_role_noun(
                inner_first.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'),
            ) {
                roles.push(inner.trim().to_string());
            } else {
                orgs.push(inner.trim().to_string());
            }
        } else if vocab::is_role_noun(first) {
            roles.push(segment);
        } else if segment.starts_with(char::is_uppercase)
            || segment.split_whitespace().take(2).any(vocab::is_org_marker)
        {
            orgs.push(segment);
        } else {
            roles.push(segment);
        }
    }
    if orgs.is_empty() {
        if let Some(last) = roles.pop() {
            if let Some(c) = vocab::ROLE_ORG_SPLIT
                .captures(&last)
                .or_else(|| vocab::REPRESENTATIVE.captures(&last))
            {
                // Both regexes have two mandatory groups: present whenever they match.
                roles.push(c[1].to_string());
                orgs.push(c[2].to_string());
            } else {
                roles.push(last);
            }
        }
    }
    (non_empty(roles.join(", ")), non_empty(orgs.join(", ")))
}

/// The body a function belongs to (`président de l'UDAF de la Meuse` → `UDAF de la
/// Meuse`): what follows its first `de` when that is a name (a capital).
fn body_of_function(role: &str) -> Option<String> {
    static OF: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"^\S+(?:\s+\S+)?\s+(?:de\s+l['’]\s*|de\s+la\s+|du\s+|des\s+|d['’]\s*|de\s+)([A-ZÀ-Ý].*)$").expect("static regex")
    });
    OF.captures(role).map(|c| c[1].to_string())
}

/// Splits on commas outside parentheses.
fn top_level_segments(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut current = String::new();
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            _ => {}
        }
        if c == ',' && depth == 0 {
            out.push(std::mem::take(&mut current).trim().to_string());
        } else {
            current.push(c);
        }
    }
    out.push(current.trim().to_string());
    out.into_iter().filter(|s| !s.is_empty()).collect()
}

/// The chair named in running text (`sous la présidence de Monsieur X, secrétaire
/// général`): the listed participant if there is one, otherwise a present participant
/// put first.
fn chair_from_prose(text: &str, blocks: &[Block], list_blocks: &[bool], reader: &mut Reader) {
    if reader.chair.is_some() {
        return;
    }
    for (block, _) in blocks
        .iter()
        .zip(list_blocks)
        .filter(|(_, listed)| !**listed)
    {
        let s = block.content_text(text);
        for m in boundary::find_window_iter(&vocab::CHAIR_INTRO, s) {
            let Some((mut names, end)) = names::parse_people(s, m.end(), Context::Prose) else {
                continue;
            };
            let name = names.remove(0);
            let key = (family_key(&name.family), name.given.as_deref().map(fold));
            let existing = reader.participants.iter().position(|p| {
                family_key(&p.family_name) == key.0
                    && match (&key.1, &p.given_name) {
                        (Some(a), Some(b)) => a.chars().next() == fold(b).chars().next(),
                        _ => true,
                    }
            });
            if let Some(index) = existing {
                reader.chair = Some(index);
                return;
            }
            let role = s[end..]
                .trim_start_matches([',', ' '])
                .split([',', '.', ';', '\n', '('])
                .next()
                .map(str::trim)
                .filter(|r| {
                    !r.is_empty() && r.split_whitespace().next().is_some_and(vocab::is_role_noun)
                })
                .map(str::to_string);
            let span = Span::new(block.content.start + name.start, block.content.start + end);
            reader.participants.insert(
                0,
                Participant {
                    civility: name.civility,
                    given_name: name.given,
                    family_name: name.family,
                    role,
                    organization: None,
                    group: None,
                    attendance: Attendance::Present,
                    span,
                },
            );
            reader.chair = Some(0);
            return;
        }
    }
}

/// Repairs OCR damage in listed family names from the document's own vocabulary: a name
/// that occurs once, one letter away from a name the text gives elsewhere after a
/// civility (`PIFRRON` in the list, `M. Jean-Paul PIERRON estime` later).
pub fn reconcile_names(text: &str, participants: &mut [Participant]) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for m in boundary::find_window_iter(&vocab::CIVILITY, text) {
        if let Some((names, _)) = names::parse_people(text, m.start(), Context::Prose) {
            for n in names {
                *counts.entry(n.family).or_default() += 1;
            }
        }
    }
    let listed: Vec<String> = participants.iter().map(|p| p.family_name.clone()).collect();
    for p in participants.iter_mut() {
        if counts.get(&p.family_name).copied().unwrap_or(0) > 1 {
            continue;
        }
        let best = counts
            .iter()
            .filter(|(name, _)| {
                !listed.contains(name)
                    && one_misreading(name, &p.family_name)
                    && !misread_from(name, &p.family_name)
                    // The spelling the whole text writes more often (a signature, a table)
                    // is the printed one, whichever came after a civility.
                    && occurrences(text, &p.family_name) <= occurrences(text, name)
            })
            .max_by_key(|(name, count)| (**count, std::cmp::Reverse((*name).clone())));
        if let Some((name, _)) = best {
            p.family_name = name.clone();
        }
    }
}

/// How many times `word` stands in `text` as a whole word.
fn occurrences(text: &str, word: &str) -> usize {
    if word.is_empty() {
        return 0;
    }
    let is_word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    text.match_indices(word)
        .filter(|&(at, _)| {
            !is_word_char(text[..at].chars().next_back())
                && !is_word_char(text[at + word.len()..].chars().next())
        })
        .count()
}

/// `other` is `listed` with one of its capitals read as another a scan turns it into far more
/// often than the other way ([`crate::repair::misread_for`]): the listed spelling is the
/// printed one (`BARNIER` listed, `Mme BARNIFR indique` later; `IRIGOYEN`, `Mme LRIGOYEN`).
fn misread_from(other: &str, listed: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (other.chars().collect(), listed.chars().collect());
    a.len() == b.len()
        && a.iter()
            .zip(&b)
            .any(|(&x, &y)| x != y && crate::repair::misread_for(x).contains(y))
}

/// A family name for comparisons: case, accents, spaces and hyphens ignored (OCR splits
/// `GUIL LAUME`).
pub fn family_key(family: &str) -> String {
    fold(family)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// `listed` is `name` with one letter misread (`PIFRRON`), or, in a name of five letters or
/// more, one letter added or lost (`RESPONDEXK`); a space OCR put inside it (`PILI OY`) is
/// not counted.
fn one_misreading(name: &str, listed: &str) -> bool {
    let a: Vec<char> = name.chars().collect();
    let b: Vec<char> = listed
        .chars()
        .filter(|&c| c != ' ' || name.contains(' '))
        .collect();
    if a.len() == b.len() {
        // No letter misread, only a space put in: `PEY RON` listed, `Mme PEYRON` later.
        let misread = a.iter().zip(&b).filter(|(x, y)| x != y).count();
        return a.len() >= 4 && (misread == 1 || misread == 0 && name != listed);
    }
    let (short, long) = if a.len() < b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() != short.len() + 1 || short.len() < 5 {
        return false;
    }
    // The first difference is the added letter: the rest must then line up.
    let at = short
        .iter()
        .zip(long.iter())
        .position(|(x, y)| x != y)
        .unwrap_or(short.len());
    short[at..] == long[at + 1..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ahead_answers_as_the_tests_it_keeps() {
        let text = "Étaient présents :\n\n---------------\n\nM. Paul ROUX, directeur\n\n\
            Services de l'État\n\nMme Anne MARTIN, cheffe de service\n\nLa séance est ouverte.\n";
        let blocks = crate::segment::segment(text, &[]);
        let ahead = Ahead::new(text, &blocks);
        for _ in 0..2 {
            for (i, block) in blocks.iter().enumerate() {
                assert_eq!(ahead.has_entry(i), block_has_entry(text, block), "{i}");
                let debris =
                    block.lines.len() <= 1 && is_table_rule_debris(block.content_text(text));
                assert_eq!(ahead.debris(i), debris, "{i}");
            }
        }
        assert!((0..blocks.len()).any(|i| ahead.has_entry(i)));
        assert!((0..blocks.len()).any(|i| ahead.debris(i)));
    }

    #[test]
    fn misreadings_of_a_family_name() {
        assert!(one_misreading("PIERRON", "PIFRRON"));
        assert!(one_misreading("PEYRON", "PEY RON"), "a space a scan put in");
        assert!(!one_misreading("PEYRON", "PEYRON"));
        assert!(!one_misreading("COLLIN", "COLEAN"), "two letters");
    }

    #[test]
    fn descriptor_split() {
        assert_eq!(
            split_descriptor("préfecture de l'Aisne, secrétaire général", None),
            (
                Some("secrétaire général".into()),
                Some("préfecture de l'Aisne".into())
            )
        );
        assert_eq!(
            split_descriptor("vice-président de l'association UFC", None),
            (
                Some("vice-président".into()),
                Some("association UFC".into())
            )
        );
        assert_eq!(
            split_descriptor(
                "représentante locale de la CLCV (association, usagers)",
                None
            ),
            (
                Some("représentante locale".into()),
                Some("CLCV (association, usagers)".into())
            )
        );
        assert_eq!(
            split_descriptor("Président", Some("UDAF")),
            (Some("Président".into()), Some("UDAF".into()))
        );
        assert_eq!(
            split_descriptor("(ADMR de la Somme), secrétaire", None),
            (Some("secrétaire".into()), Some("ADMR de la Somme".into()))
        );
    }

    #[test]
    fn function_before_the_person() {
        let read =
            |line: &str| role_first(line).map(|(desc, names, _)| (desc, names[0].family.clone()));
        assert_eq!(
            read("- le président de l'UDAF, M. Jean DUPONT ;"),
            Some(("président de l'UDAF ;".into(), "DUPONT".into()))
        );
        assert_eq!(
            read("- Le directeur des finances publiques (M. Pierre DURAND)"),
            Some(("directeur des finances publiques".into(), "DURAND".into()))
        );
        assert_eq!(
            read("Madame la sous-préfète, Mme Nadia BOUZID, secrétaire générale"),
            Some(("sous-préfète, secrétaire générale".into(), "BOUZID".into()))
        );
        // A sentence going on after the name is prose, not an entry.
        assert_eq!(
            read("Le président de l'UDAF, M. Jean DUPONT, rappelle que les délais sont longs."),
            None
        );
    }

    #[test]
    fn a_coded_attendance_column_and_several_people_in_one_row() {
        let text = "Participants :\n\nNom\tStructure\tFonction\tP/E/A\nM. Paul DURAND\tCAF\tDirecteur\tA\n\
                    M. Marc ROSSET\u{2028}Mme Lucie ROUX\tUDAF\tPrésident\u{2028}Bénévole\tP\u{2028}E\n\n\
                    P : présent ; E : excusé ; A : absent.\n";
        let found = read(text, &crate::segment::segment(text, &[]));
        let people: Vec<(&str, Option<&str>, Option<&str>, Attendance)> = found
            .participants
            .iter()
            .map(|p| {
                (
                    p.family_name.as_str(),
                    p.role.as_deref(),
                    p.organization.as_deref(),
                    p.attendance,
                )
            })
            .collect();
        assert_eq!(
            people,
            [
                ("DURAND", Some("Directeur"), Some("CAF"), Attendance::Absent),
                (
                    "ROSSET",
                    Some("Président"),
                    Some("UDAF"),
                    Attendance::Present
                ),
                ("ROUX", Some("Bénévole"), Some("UDAF"), Attendance::Excused),
            ]
        );
    }

    #[test]
    fn capitalised_words_wrapped_under_an_entry_continue_it() {
        let text = "Étaient présents :\n- Dr Paul MEYER, président de l'association Alsace\n  Handicap Accueil ;\n- M. Luc ROTH, trésorier ;\n";
        let found = read(text, &crate::segment::segment(text, &[]));
        let people: Vec<(&str, Option<&str>)> = found
            .participants
            .iter()
            .map(|p| (p.family_name.as_str(), p.organization.as_deref()))
            .collect();
        assert_eq!(
            people,
            [
                ("MEYER", Some("association Alsace Handicap Accueil")),
                ("ROTH", None)
            ]
        );
    }

    #[test]
    fn a_ruled_table_read_back_from_a_scan() {
        // The table's rules read as junk, its header row on one line, a name column that wrapped
        // a heading and a family name, and the presence code at the end of each row.
        let text = "Participants\n\nNom Fonction : structure Présence\n\nCollège des\n\nadministrations\n\
                    Besnssnnne socensnreneuunnnsee Hesasieunssne vencrseceuceennmencnee +\n\
                    M. Thomas KIEFFER Sous-préfet, secrétaire général, P\npréfecture de la Moselle\n+ + + +\n\
                    Mme Anne-Sophie Directrice de la citoyenneté et de P\nSCHNEIDER la légalité, préfecture\n\n\
                    Hrsenesnaesineesnne num ninesseu esse ecesncuccetoncmcccne\n\n\
                    M. Julien WAGNER Chef du bureau de l'accueil, E\nsous-préfecture de Thionville\n";
        let found = read(text, &crate::segment::segment(text, &[]));
        let people: Vec<(Option<&str>, &str, Option<&str>, Attendance)> = found
            .participants
            .iter()
            .map(|p| {
                (
                    p.given_name.as_deref(),
                    p.family_name.as_str(),
                    p.group.as_deref(),
                    p.attendance,
                )
            })
            .collect();
        assert_eq!(
            people,
            [
                (
                    Some("Thomas"),
                    "KIEFFER",
                    Some("administrations"),
                    Attendance::Present
                ),
                (
                    Some("Anne-Sophie"),
                    "SCHNEIDER",
                    Some("administrations"),
                    Attendance::Present
                ),
                (
                    Some("Julien"),
                    "WAGNER",
                    Some("administrations"),
                    Attendance::Excused
                ),
            ]
        );
        assert_eq!(
            found.participants[1].role.as_deref(),
            Some("Directrice de la citoyenneté et de la légalité")
        );
    }

    fn people(
        text: &str,
    ) -> Vec<(
        Option<String>,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    )> {
        read(text, &crate::segment::segment(text, &[]))
            .participants
            .into_iter()
            .map(|p| (p.given_name, p.family_name, p.role, p.organization, p.group))
            .collect()
    }

    #[test]
    fn a_nested_list_gives_group_then_organisation() {
        let text = "Étaient présents\n\n- Collège des usagers\n  - UDAF de la Somme\n    - Mme Anne ROUX, administratrice\n\
                    \x20 - CCI Amiens Picardie\n    - M. Paul DURAND, élu\n";
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            people(text),
            [
                (
                    s("Anne"),
                    "ROUX".into(),
                    s("administratrice"),
                    s("UDAF de la Somme"),
                    s("Collège des usagers")
                ),
                (
                    s("Paul"),
                    "DURAND".into(),
                    s("élu"),
                    s("CCI Amiens Picardie"),
                    s("Collège des usagers")
                ),
            ]
        );
    }

    #[test]
    fn a_name_alone_on_its_line_then_its_cells() {
        // An HTML paragraph per person, `<br>` between name, function and organisation.
        let text = "Présents\n\nM. Paul DURAND\nDirecteur de cabinet du préfet\nPréfecture de la Somme\n\nMme Anne ROUX\nPrésidente\nUDAF de la Somme\n";
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            people(text),
            [
                (
                    s("Paul"),
                    "DURAND".into(),
                    s("Directeur de cabinet du préfet"),
                    s("Préfecture de la Somme"),
                    None
                ),
                (
                    s("Anne"),
                    "ROUX".into(),
                    s("Présidente"),
                    s("UDAF de la Somme"),
                    None
                ),
            ]
        );
    }

    #[test]
    fn marks_under_attendance_columns_laid_out_with_spaces() {
        let text = "FEUILLE D'ÉMARGEMENT\n\n  Organisme / Nom, fonction                               Présent   Excusé   Absent\n\n\
                    \x20 UDAF DE L'AIN\n     Mme Anne ROUX, administratrice                          X\n\
                    \x20    M. Paul DURAND, bénévole                                           X\n  CAF DE L'AIN\n\
                    \x20    Mme Lucie MOREL, directrice                                                 X\n";
        let found = read(text, &crate::segment::segment(text, &[]));
        let people: Vec<(&str, Option<&str>, Option<&str>, Attendance)> = found
            .participants
            .iter()
            .map(|p| {
                (
                    p.family_name.as_str(),
                    p.role.as_deref(),
                    p.group.as_deref(),
                    p.attendance,
                )
            })
            .collect();
        assert_eq!(
            people,
            [
                (
                    "ROUX",
                    Some("administratrice"),
                    Some("UDAF DE L'AIN"),
                    Attendance::Present
                ),
                (
                    "DURAND",
                    Some("bénévole"),
                    Some("UDAF DE L'AIN"),
                    Attendance::Excused
                ),
                (
                    "MOREL",
                    Some("directrice"),
                    Some("CAF DE L'AIN"),
                    Attendance::Absent
                ),
            ]
        );
    }

    #[test]
    fn an_inline_list_whose_semicolon_a_scan_read_as_a_colon() {
        let text = "Présents : M. Paul DURAND, CAF du Gers : MM. Pierre SARRAN et Luc ROUX, UDAF ; Défenseur des droits : Mme Anne PETIT.\n";
        let found = read(text, &crate::segment::segment(text, &[]));
        let people: Vec<(&str, Option<&str>)> = found
            .participants
            .iter()
            .map(|p| (p.family_name.as_str(), p.organization.as_deref()))
            .collect();
        assert_eq!(
            people,
            [
                ("DURAND", Some("CAF du Gers")),
                ("SARRAN", Some("UDAF")),
                ("ROUX", Some("UDAF")),
                ("PETIT", Some("Défenseur des droits"))
            ]
        );
    }

    #[test]
    fn table_rule_debris() {
        assert!(is_table_rule_debris("+ + + +"));
        assert!(is_table_rule_debris("Eu + + +"));
        assert!(is_table_rule_debris(
            "Vanessa ssmne mme sn Hesse nens mn munsa nes ememeene mme soummcune à"
        ));
        assert!(!is_table_rule_debris(
            "M. Peio IRIBARNE, directeur de l'association Atherbea"
        ));
        assert!(!is_table_rule_debris("Collège des usagers"));
        assert!(is_table_rule_debris(
            "Bn nn re ern ee re ne Hn ee ne ee meee née æ fée cet"
        ));
        assert!(!is_table_rule_debris(
            "Néant. La séance est levée. Elle reprend."
        ));
        assert_eq!(
            trailing_attendance_code(", secrétaire général, P"),
            Some((", secrétaire général,".len(), Attendance::Present))
        );
        assert_eq!(trailing_attendance_code(", UDAF de la Moselle"), None);
    }

    #[test]
    fn descriptor_cleaning() {
        assert_eq!(
            clean_descriptor(", Responsable qualité ; , ."),
            "Responsable qualité"
        );
        assert_eq!(
            clean_descriptor(" - Référent\n accessibilité ;"),
            "Référent accessibilité"
        );
    }
}
