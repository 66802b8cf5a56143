//! Lines → blocks: headings, list items with their continuation lines, table rows and
//! paragraphs. Computed once; every extractor walks these blocks instead of re-splitting
//! the text its own way.

use crate::latin::{Pattern, Window};
use crate::markup::{Hint, HintKind};
use crate::span::Span;
use once_cell::sync::Lazy;
use regex::Regex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Heading,
    ListItem,
    TableRow,
    Paragraph,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// From the start of the first line to the end of the last (newlines inside).
    pub span: Span,
    /// The block without its bullet or numbering.
    pub content: Span,
    /// The bullet or number as written (`-`, `•`, `1.`, `II/`), if any.
    pub marker: Option<Span>,
    /// Each line, trimmed.
    pub lines: Vec<Span>,
    /// Tab-separated cells of a table row, trimmed, empty ones dropped.
    pub cells: Vec<Span>,
    /// Heading strength: markup level (1–6), 7 for a numbered or capitals heading, 8 for a
    /// short stand-alone line that is probably a heading; 0 for other blocks.
    pub level: u8,
    /// The line was bold in the export.
    pub bold: bool,
    /// A blank line (or the start of the text) comes right before the block.
    pub after_blank: bool,
}

impl Block {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.span.start..self.span.end]
    }

    pub fn content_text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.content.start..self.content.end]
    }
}

/// Bullets, including those Tesseract makes of `•` and `–`: `¢ « o v +`. A [`Pattern`]:
/// its Unicode `\d`s were most of its build (a third of a millisecond on a small text).
static BULLET: Pattern =
    Pattern::new(r"^(?:[-–—•·*+¢►▪■✓➢⇒→>❖◦]|o|v|«|\d{1,2}[.)]|[a-z]\)|\(\d{1,2}\))[ \t]+");

/// The bullet starting `s`. The pattern's `\d`s read only its first three characters, so
/// those alone (within its first 12 bytes) choose the cut or whole build: checking the
/// whole of every line cost more than the cut saves.
fn bullet(s: &str) -> Option<regex::Match<'_>> {
    BULLET.regex(&s[..s.floor_char_boundary(12)]).find(s)
}

/// `I.`, `II/`, `III -`, `IV)`: roman-numbered section headings (`^[IVX]{1,5}[ \t]*[/.)\-–][ \t]*\S`,
/// by hand: each part is followed by something it cannot match, so none gives back).
fn is_roman_heading(s: &str) -> bool {
    let rest = s.trim_start_matches(['I', 'V', 'X']);
    if !(1..=5).contains(&(s.len() - rest.len())) {
        return false;
    }
    let Some(rest) = rest
        .trim_start_matches([' ', '\t'])
        .strip_prefix(['/', '.', ')', '-', '–'])
    else {
        return false;
    };
    rest.trim_start_matches([' ', '\t'])
        .starts_with(|c: char| !c.is_whitespace())
}

/// A line that starts a new attendance entry even without a bullet (`Mine`, `M:` are what
/// OCR makes of `Mme`, `M.`).
static ENTRY_START: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:(?:M\.|MM\.|Mme|Mmes|Mlle|Monsieur|Madame|Messieurs|Mesdames|Dr|Pr|Docteur|Professeur)(?:[ \t.]|$)|(?:M|M:|Mine|Mmie|Mime|Mne|Mie)[ \t]+[A-ZÀ-Ý]|[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?[ \t]+[A-ZÀ-Ý]{2,}[A-ZÀ-Ý' -]*[, ])").unwrap()
});
/// A civility and a name in capitals inside a line: a table row whose tabs OCR lost
/// (`Association des Maires M. Bernard GUY, Président`) is an entry, not a heading.
static INNER_ENTRY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"[ \t](?:M\.?|Mme|Monsieur|Madame)[ \t]+(?:[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?[ \t]+)?[A-ZÀ-Ý]{2,}\b").unwrap()
});

/// Headings every minutes writer uses; OCR often loses the blank line before them.
static SECTION_HEADING: Pattern = Pattern::new(
    r"(?i)^(?:(?:sujets?\s+)?(?:[àa]\s+)?l?\W{0,2}\s*ordre\s+du\s+jour|participants|pr[ée]sents|excus[ée]e?s?|absente?s?(?:\s+excus[ée]e?s?)?|[ée]taient\s+(?:pr[ée]sents|excus[ée]s|absents)|invit[ée]s(?:\s+excus[ée]s)?|assistaient\s+[ée]galement|annexes?|questions\s+diverses|conclusion|introduction)\s*:?$",
);

pub fn segment(text: &str, hints: &[Hint]) -> Vec<Block> {
    let lines = split_lines(text);
    let aligned = aligned_rows(text, &lines);
    let mut blocks: Vec<Block> = Vec::new();
    let mut hint_index = 0;
    let mut after_blank = true;
    // Whether the previous non-blank line may be continued by the next one.
    let mut open: Option<BlockKind> = None;
    for (line, cells) in lines.into_iter().zip(aligned) {
        let trimmed = trim_span(text, line);
        if trimmed.is_empty() {
            after_blank = true;
            open = None;
            continue;
        }
        if let Some(cells) = cells {
            let mut row = classify(text, trimmed, None);
            (row.kind, row.cells, row.after_blank) = (BlockKind::TableRow, cells, after_blank);
            blocks.push(row);
            (open, after_blank) = (None, false);
            continue;
        }
        while hints
            .get(hint_index)
            .is_some_and(|h| h.line_start < line.start)
        {
            hint_index += 1;
        }
        let hint = hints
            .get(hint_index)
            .filter(|h| h.line_start <= trimmed.start && h.line_start >= line.start)
            .map(|h| h.kind);
        let s = &text[trimmed.start..trimmed.end];
        let classified = classify(text, trimmed, hint);
        let continues = !SECTION_HEADING.regex(s).is_match(s)
            && open.is_some_and(|kind| {
                matches!(classified.kind, BlockKind::Paragraph)
                    && !classified.bold
                    && match kind {
                        BlockKind::ListItem => !ENTRY_START.is_match(s),
                        // `… déléguée du Défenseur des droits,` / `M. Paul X, …` or `sous la
                        // présidence de` / `M. Paul X`: a sentence naming people goes on.
                        BlockKind::Paragraph => {
                            !ENTRY_START.is_match(s) || previous_left_open(text, &blocks)
                        }
                        _ => false,
                    }
            });
        if continues {
            if let Some(last) = blocks.last_mut() {
                last.span.end = trimmed.end;
                last.content.end = trimmed.end;
                last.lines.push(trimmed);
                after_blank = false;
                continue;
            }
        }
        let mut block = classified;
        block.after_blank = after_blank;
        open = match block.kind {
            BlockKind::ListItem | BlockKind::Paragraph => Some(block.kind),
            _ => None,
        };
        blocks.push(block);
        after_blank = false;
    }
    mark_standalone_lines(text, &mut blocks);
    blocks
}

/// Cells of the lines that are rows of a table laid out with spaces (`pdftotext -layout`,
/// fixed-width exports): three or more cells apart by two or more spaces, with at least two
/// of them starting at the same column as in a neighbouring row, which justified prose
/// with a few double spaces never does.
fn aligned_rows(text: &str, lines: &[Span]) -> Vec<Option<Vec<Span>>> {
    // Each line's cells with the column (in characters) where each starts.
    let split: Vec<Vec<(usize, Span)>> = lines
        .iter()
        .map(|line| {
            let s = &text[line.start..line.end];
            if s.contains('\t') || !s.trim().contains("  ") {
                return Vec::new();
            }
            let mut cells = Vec::new();
            let (mut column, mut start, mut spaces) = (0, None::<(usize, usize)>, 0);
            for (i, c) in s.char_indices() {
                if c == ' ' {
                    spaces += 1;
                } else {
                    if spaces >= 2 || start.is_none() {
                        if let Some((cell_start, cell_column)) = start {
                            cells.push((
                                cell_column,
                                trim_span(text, Span::new(line.start + cell_start, line.start + i)),
                            ));
                        }
                        start = Some((i, column));
                    }
                    spaces = 0;
                }
                column += 1;
            }
            if let Some((cell_start, cell_column)) = start {
                cells.push((
                    cell_column,
                    trim_span(text, Span::new(line.start + cell_start, line.end)),
                ));
            }
            if cells.len() >= 3 {
                cells
            } else {
                Vec::new()
            }
        })
        .collect();
    let aligned_with = |a: &[(usize, Span)], b: &[(usize, Span)]| {
        a.iter()
            .skip(1)
            .filter(|(column, _)| b.iter().any(|(other, _)| other == column))
            .count()
            >= 2
    };
    (0..split.len())
        .map(|i| {
            let row = &split[i];
            let neighbour = |j: Option<usize>| {
                j.and_then(|j| split.get(j))
                    .is_some_and(|other| aligned_with(row, other))
            };
            (!row.is_empty() && (neighbour(i.checked_sub(1)) || neighbour(Some(i + 1))))
                .then(|| row.iter().map(|&(_, span)| span).collect())
        })
        .collect()
}

/// The last line stops where a sentence cannot end: on a comma or on `de`, `par`, `et`.
fn previous_left_open(text: &str, blocks: &[Block]) -> bool {
    blocks.last().and_then(|b| b.lines.last()).is_some_and(|l| {
        let line = &text[l.start..l.end];
        line.ends_with(',') || matches!(line.rsplit(' ').next(), Some("de" | "par" | "et"))
    })
}

fn classify(text: &str, line: Span, hint: Option<HintKind>) -> Block {
    let s = &text[line.start..line.end];
    let mut block = Block {
        kind: BlockKind::Paragraph,
        span: line,
        content: line,
        marker: None,
        lines: vec![line],
        cells: Vec::new(),
        level: 0,
        bold: matches!(hint, Some(HintKind::Bold)),
        after_blank: false,
    };
    if let Some(HintKind::Heading(level)) = hint {
        block.kind = BlockKind::Heading;
        block.level = level;
        strip_marker(text, &mut block);
        return block;
    }
    if s.contains('\t') {
        let cells = split_cells(text, line);
        if cells.len() >= 2 {
            block.kind = BlockKind::TableRow;
            block.cells = cells;
            return block;
        }
    }
    if is_roman_heading(s) {
        block.kind = BlockKind::Heading;
        block.level = 7;
        strip_roman(text, &mut block);
        return block;
    }
    if let Some(m) = bullet(s) {
        let marker = m.as_str().trim();
        let rest = &s[m.end()..];
        let numbered = marker.chars().next().is_some_and(|c| c.is_ascii_digit());
        // `o`, `v` and `«` are bullets only where Tesseract put them: before a capital, and
        // `«` with no closing quote on the line.
        let ambiguous = matches!(marker, "o" | "v" | "«");
        let plausible = !ambiguous
            || (rest.starts_with(|c: char| c.is_uppercase())
                && (marker != "«" || !rest.contains('»')));
        if plausible {
            block.marker = Some(Span::new(line.start, line.start + marker.len()));
            block.content = Span::new(line.start + m.end(), line.end);
            let ends_like_item = rest.trim_end().ends_with([';', ',']);
            if numbered && !ends_like_item && rest.chars().count() <= 90 && !block.bold {
                block.kind = BlockKind::Heading;
                block.level = 7;
            } else {
                block.kind = BlockKind::ListItem;
            }
            if block.bold {
                block.kind = BlockKind::Heading;
                block.level = 7;
            }
            return block;
        }
    }
    if block.bold
        || is_capitals_heading(s)
        || SECTION_HEADING.regex(s).is_match(s)
        || (is_colon_heading(s) && !ENTRY_START.is_match(s) && !INNER_ENTRY.is_match(s))
    {
        block.kind = BlockKind::Heading;
        block.level = 7;
    }
    block
}

/// `PARTICIPANTS`, `ORDRE DU JOUR`: short lines in capitals.
fn is_capitals_heading(s: &str) -> bool {
    // Over 400 bytes is over 100 characters: a paragraph is turned down without a scan.
    if s.len() > 400 {
        return false;
    }
    let (mut chars, mut letters, mut upper) = (0, 0, 0);
    for (i, c) in s.char_indices() {
        chars += 1;
        letters += usize::from(c.is_alphabetic());
        upper += usize::from(c.is_uppercase());
        // 90 % capitals is `upper >= 9 * (letters - upper)`. Each character left, at most one
        // a byte, adds at most one to `upper` and takes at most one from the difference (an
        // uppercase symbol that is not a letter): once that cannot make up for the letters
        // in lowercase, prose is turned down part read.
        let left = s.len() - i;
        if upper + 10 * left < 9 * letters.saturating_sub(upper) {
            return false;
        }
    }
    letters >= 4 && upper * 10 >= letters * 9 && chars <= 100
}

/// `Excusés :`, `Représentants des services de l'État :` — a short label ending in a colon.
fn is_colon_heading(s: &str) -> bool {
    let body = s.trim_end();
    body.ends_with(':')
        && body.chars().count() <= 160
        && body.starts_with(|c: char| c.is_uppercase())
}

fn strip_marker(text: &str, block: &mut Block) {
    let s = &text[block.span.start..block.span.end];
    if let Some(m) = bullet(s) {
        block.marker = Some(Span::new(
            block.span.start,
            block.span.start + m.as_str().trim_end().len(),
        ));
        block.content = Span::new(block.span.start + m.end(), block.span.end);
    } else if is_roman_heading(s) {
        strip_roman(text, block);
    }
}

fn strip_roman(text: &str, block: &mut Block) {
    static ROMAN_MARKER: Window = Window::anchored(r"^[IVX]{1,5}[ \t]*[/.)\-–][ \t]*");
    let s = &text[block.span.start..block.span.end];
    if let Some(m) = ROMAN_MARKER.find(s) {
        block.marker = Some(Span::new(
            block.span.start,
            block.span.start + m.as_str().trim_end().len(),
        ));
        block.content = Span::new(block.span.start + m.end(), block.span.end);
    }
}

/// A short line standing alone between blank lines, without final punctuation, is how
/// plain exports write headings (`Participants`, `Absent excusé`, `Sous-préfecture de X`).
fn mark_standalone_lines(text: &str, blocks: &mut [Block]) {
    for i in 0..blocks.len() {
        let next_after_blank = blocks.get(i + 1).is_none_or(|b| b.after_blank);
        let block = &blocks[i];
        if block.kind != BlockKind::Paragraph
            || block.lines.len() != 1
            || !block.after_blank
            || !next_after_blank
        {
            continue;
        }
        let s = block.text(text).trim();
        let short = s.chars().count() <= 70;
        let unpunctuated = !s.ends_with(['.', ';', ',', '!', '?']);
        if short
            && unpunctuated
            && s.starts_with(|c: char| c.is_uppercase())
            && !ENTRY_START.is_match(s)
            && !INNER_ENTRY.is_match(s)
        {
            blocks[i].kind = BlockKind::Heading;
            blocks[i].level = 8;
        }
    }
}

fn split_lines(text: &str) -> Vec<Span> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' || b == 0x0c {
            lines.push(Span::new(start, i));
            start = i + 1;
        }
    }
    if start < text.len() {
        lines.push(Span::new(start, text.len()));
    }
    lines
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let start = span.start + (s.len() - s.trim_start_matches(is_space).len());
    let end = span.start + s.trim_end_matches(is_space).len();
    Span::new(start, end.max(start))
}

fn split_cells(text: &str, line: Span) -> Vec<Span> {
    let mut cells = Vec::new();
    let mut start = line.start;
    let s = &text[line.start..line.end];
    for (i, c) in s.char_indices() {
        if c == '\t' {
            cells.push(Span::new(start, line.start + i));
            start = line.start + i + 1;
        }
    }
    cells.push(Span::new(start, line.end));
    cells
        .into_iter()
        .map(|c| trim_span(text, c))
        .filter(|c| !c.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullet_finds_what_the_whole_pattern_finds() {
        let lines = [
            "1. Accueil",
            "12) Budget ٣",
            "(3)\tPoint",
            "١. Accueil",
            "(٣) Point",
            "٣٤) Point",
            "a) point — 🙂",
            "• puce",
            "o Item",
            "Accueil des participants",
            "",
        ];
        for line in lines {
            assert_eq!(
                bullet(line).map(|m| m.range()),
                BULLET.whole().find(line).map(|m| m.range()),
                "{line}"
            );
        }
        assert_eq!(bullet("١. Accueil").map(|m| m.as_str()), Some("١. "));
        assert_eq!(bullet("12) Budget ٣").map(|m| m.as_str()), Some("12) "));
    }

    #[test]
    fn roman_heading_as_the_pattern() {
        let pattern = Regex::new(r"^[IVX]{1,5}[ \t]*[/.)\-–][ \t]*\S").unwrap();
        for s in [
            "I. Bilan",
            "II/x",
            "III -\tSuite",
            "IV)",
            "IV) ",
            "XVIIII. a",
            "XVIII. a",
            "I –\u{a0}a",
            "I.\u{2003}",
            "Ia. b",
            "",
            "I",
            "V - - x",
        ] {
            assert_eq!(is_roman_heading(s), pattern.is_match(s), "{s:?}");
        }
    }

    fn kinds(text: &str) -> Vec<(BlockKind, String)> {
        segment(text, &[])
            .iter()
            .map(|b| (b.kind, b.content_text(text).to_string()))
            .collect()
    }

    #[test]
    fn list_items_keep_their_continuation_lines() {
        let t = "Excusés :\n\n- Jeanne ROUX, directrice du service de la\nréglementation ;\n- Paul MARTIN, maire ;\n";
        let k = kinds(t);
        assert_eq!(k[0].0, BlockKind::Heading);
        assert_eq!(
            k[1],
            (
                BlockKind::ListItem,
                "Jeanne ROUX, directrice du service de la\nréglementation ;".to_string()
            )
        );
        assert_eq!(
            k[2],
            (BlockKind::ListItem, "Paul MARTIN, maire ;".to_string())
        );
    }

    #[test]
    fn unbulleted_entries_start_new_blocks() {
        let t = "Présents :\nM. Jean DUPONT, maire\nMme Anne PETIT, directrice\n";
        let k = kinds(t);
        assert_eq!(k.len(), 3);
        assert_eq!(k[2].1, "Mme Anne PETIT, directrice");
    }

    #[test]
    fn tab_rows_and_headings() {
        let t = "PARTICIPANTS\n\nUDAF\tM. Luc MARTIN, président\n\nII/ Présentation du label\n\nAbsent excusé\n\nM. Yves COLIN\n";
        let k = kinds(t);
        assert_eq!(k[0].0, BlockKind::Heading);
        assert_eq!(k[1].0, BlockKind::TableRow);
        assert_eq!(
            k[2],
            (BlockKind::Heading, "Présentation du label".to_string())
        );
        assert_eq!(k[3].0, BlockKind::Heading);
        assert_eq!(k[4].0, BlockKind::Paragraph);
    }

    #[test]
    fn rows_aligned_with_spaces_are_a_table() {
        let t = "Liste\n\n   Nom        Prénom    Fonction\n   DUPONT     Jean      Maire\n   DA COSTA   Maria     Présidente\n\nLe texte  suit ici, justifié  avec des doubles  espaces.\nEt une  deuxième ligne  de  prose.\n";
        let k = segment(t, &[]);
        assert_eq!(
            k.iter().filter(|b| b.kind == BlockKind::TableRow).count(),
            3
        );
        let row = &k[3];
        assert_eq!(
            row.cells
                .iter()
                .map(|c| &t[c.start..c.end])
                .collect::<Vec<_>>(),
            ["DA COSTA", "Maria", "Présidente"]
        );
        assert!(k[4..].iter().all(|b| b.kind == BlockKind::Paragraph));
    }

    #[test]
    fn known_section_headings_start_blocks_without_blank_lines() {
        let t = "M. Paul MARTIN, président de la chambre\nOrdre du jour\n\n- Bilan\n";
        let k = kinds(t);
        assert_eq!(k[1], (BlockKind::Heading, "Ordre du jour".to_string()));
    }

    #[test]
    fn ocr_bullets_before_capitals() {
        let t = "¢ Les actions issues du label\n« La prise en compte :\no Deux modules\n\n« cité » ici\n";
        let k = kinds(t);
        assert_eq!(k[0].0, BlockKind::ListItem);
        assert_eq!(k[1].0, BlockKind::ListItem);
        assert_eq!(k[2].1, "Deux modules");
        assert_eq!(k[3].0, BlockKind::Paragraph);
    }

    #[test]
    fn attendance_entries_are_not_headings() {
        let t = "Présents :\n\nM Jean DUPONT, maire\n\nUnion des Familles M. Paul MARTIN, président\n\nMme Anne PETIT, directrice :\n";
        let k = kinds(t);
        assert_eq!(k[0].0, BlockKind::Heading);
        assert!(
            k[1..].iter().all(|(kind, _)| *kind == BlockKind::Paragraph),
            "{k:?}"
        );
    }

    #[test]
    fn inline_list_sentence_goes_on_after_a_comma() {
        let k = kinds("Présents : M. Paul ROUX, maire,\nMme Léa PETIT, trésorière.\nM. Yves COLIN, président\n");
        assert_eq!(k.len(), 2);
        assert_eq!(
            kinds("Réunion présidée par\nM. Paul ROUX, maire.\n").len(),
            1
        );
        assert_eq!(k[0].0, BlockKind::Paragraph);
    }

    #[test]
    fn ocr_civilities_start_entries() {
        let t = "Présents :\nM: Paul MARTIN, maire\nMine Anne PETIT, directrice\nMine de rien, le texte continue\n";
        let k = kinds(t);
        assert_eq!(k.len(), 3, "{k:?}");
        assert_eq!(
            k[2].1,
            "Mine Anne PETIT, directrice\nMine de rien, le texte continue"
        );
    }

    #[test]
    fn numbered_lines_short_are_headings_long_are_items() {
        let t = "1) Pilotage des démarches qualité :\n\n1. Présentation des démarches, par Jeanne ROUX, cheffe du pôle performance ;\n";
        let k = kinds(t);
        assert_eq!(k[0].0, BlockKind::Heading);
        assert_eq!(k[1].0, BlockKind::ListItem);
    }
}
