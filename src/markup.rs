//! What the input looked like (plain, markdown, HTML, pdftotext, OCR) and the text a
//! reader would see: markup removed, HTML list items on their own lines, table cells
//! separated by tabs, page furniture of PDF extractions dropped. Headings and bold lines
//! the markup made explicit are kept as [`Hint`]s for the segmenter.

use crate::edit::Edit;
use crate::latin::Pattern;
use once_cell::sync::Lazy;
use regex::Regex;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Plain,
    Markdown,
    Html,
    Pdftotext,
    Ocr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HintKind {
    /// A markdown `#` or HTML `<hN>` heading, with its level.
    Heading(u8),
    /// A line whose text is entirely bold: a heading in word-processor exports.
    Bold,
}

/// A structural fact about the line starting at `line_start` (offset in the stage's input).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint {
    pub line_start: usize,
    pub kind: HintKind,
}

#[derive(Debug, Default)]
pub struct Stripped {
    pub edits: Vec<Edit>,
    pub hints: Vec<Hint>,
}

static MD_HEADING: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?m)^[ \t]{0,3}(#{1,6})[ \t]+").unwrap());
static MD_BOLD_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:[-*•][ \t]+)?(?:\d+\.[ \t]+)?\*\*[^*\n]+\*\*[ \t]*:?[ \t]*$")
        .unwrap()
});
static MD_LINK: Lazy<Regex> = Lazy::new(|| Regex::new(r"!?\[([^\]\n]*)\]\(([^)\s]*)\)").unwrap());
static MD_EMPHASIS: Lazy<Regex> = Lazy::new(|| Regex::new(r"\*\*|__").unwrap());
/// `*italic*` and `_italic_` (a star followed by a space is a bullet, not emphasis).
static MD_ITALIC: Pattern =
    Pattern::new(r"(?m)(?:^|[^\w*])([*_])([^*_\s](?:[^*_\n]*[^*_\s])?)([*_])(?:[^\w*]|$)");
static MD_ESCAPE: Lazy<Regex> = Lazy::new(|| Regex::new(r"\\([\\`*_{}\[\]()#+\-.!|>~])").unwrap());
static MD_TABLE_RULE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?m)^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*\|?[ \t]*\n?").unwrap()
});
static MD_TABLE_ROW: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?m)^[ \t]*\|.*\|[ \t]*$").unwrap());
/// Tags, comments, the doctype and the conditional markers Word leaves in its HTML
/// (`<![if !supportLists]>`, `<![endif]>`). The end of a tag's name is the character after it,
/// not a word character (or none before the `>`): a `\b` there would make the lazy DFA give
/// up at the first non-ASCII byte (an accent in a comment or an attribute), and the slower
/// engine then read the rest of the text for every tag after it.
static HTML_TAG: Pattern = Pattern::new(
    r"(?s)<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:[^\w<>][^<>]*?)??(/?)>|<!--.*?-->|<!DOCTYPE[^>]*>|<!\[(?:end)?if(?:[^\w<>][^<>]*)?>",
);
/// Word's HTML writes each list item's bullet or number as text between these markers.
static WORD_LIST_MARKER: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?s)<!\[if !supportLists\]>(.*?)<!\[endif\]>").unwrap());
/// Source line breaks and the indentation after them: in HTML a space, the tags alone
/// deciding where a line ends.
static HTML_SOURCE_BREAK: Lazy<Regex> = Lazy::new(|| Regex::new(r"[ \t]*\r?\n[ \t\r\n]*").unwrap());
static HTML_ENTITY: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});").unwrap());
static PAGE_NUMBER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?mi)^[ \t]*(?:page[ \t]+)?-?[ \t]*\d{1,3}[ \t]*(?:(?:/|sur)[ \t]*\d{1,3})?[ \t]*-?[ \t]*$").unwrap()
});

pub fn detect_format(text: &str) -> Format {
    let head = &text[..text.floor_char_boundary(200_000)];
    let lower_head = head.to_ascii_lowercase();
    if lower_head.trim_start().starts_with("<!doctype html")
        || lower_head.trim_start().starts_with("<html")
    {
        return Format::Html;
    }
    let markdown_signals = count_holding(head, "#", &MD_HEADING, 5)
        + count_holding(head, "**", &MD_BOLD_LINE, 5)
        + count_holding(head, "](", &MD_LINK, 5);
    if markdown_signals >= 2 {
        return Format::Markdown;
    }
    // The tags are counted only in a text holding one of these: building the pattern was
    // a twentieth of the start-up on a plain text.
    if ["<p", "<div", "<li", "<td", "<br", "<h1", "<h2", "<table"]
        .iter()
        .any(|t| lower_head.contains(t))
        && HTML_TAG.regex(head).find_iter(head).take(50).count() >= 6
    {
        return Format::Html;
    }
    // A page number matches a whole line, and counts with a `/` or `page` in it: only such
    // lines are tried, rather than the pattern walking every line.
    let page_line = |(line, lower): (&str, &str)| {
        (lower.contains('/') || lower.contains("page")) && PAGE_NUMBER.is_match(line)
    };
    if head.contains('\u{0c}')
        || head
            .split('\n')
            .zip(lower_head.split('\n'))
            .filter(|&pair| page_line(pair))
            .take(2)
            .count()
            >= 2
    {
        return Format::Pdftotext;
    }
    if ocr_signals(head) {
        return Format::Ocr;
    }
    Format::Plain
}

/// The matches of `re` in `text`, up to `limit`, where each match holds `needle`: a text
/// without it has none, and the pattern is neither built nor run for it (a plain text holds
/// no markdown, and a pattern with no literal to skip to would walk all of it).
fn count_holding(text: &str, needle: &str, re: &Lazy<Regex>, limit: usize) -> usize {
    if text.contains(needle) {
        re.find_iter(text).take(limit).count()
    } else {
        0
    }
}

/// Tesseract's tell-tale damage: `I'` or `|` for `l'`, `¢`, `«` bullets, mid-word
/// digit/letter mixes. A few are enough to tell an OCR'd file from an export.
fn ocr_signals(text: &str) -> bool {
    // Literal-led alternatives keep the scan on the regex engine's fast path; the first
    // 30 KB are enough to tell.
    static SIGNAL: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"I'[a-zA-ZÉé]|\|[lIi]|¢|(?m)^[«v] [A-Z]|[ld]' [a-z]").unwrap());
    SIGNAL
        .find_iter(&text[..text.floor_char_boundary(30_000)])
        .take(4)
        .count()
        >= 3
}

/// Proposes the edits that turn the input into reader text.
pub fn strip(text: &str, format: Format) -> Stripped {
    let mut out = Stripped::default();
    match format {
        Format::Markdown => {
            strip_markdown(text, &mut out);
            strip_html(text, false, &mut out);
        }
        Format::Html => strip_html(text, true, &mut out),
        Format::Pdftotext => {
            strip_pages(text, &mut out);
            move_sidebar(text, &mut out);
            split_attendance_columns(text, &mut out);
        }
        Format::Plain | Format::Ocr => {
            move_sidebar(text, &mut out);
            split_attendance_columns(text, &mut out);
            // Plain exports still carry the odd `<sup>` or form feed. Every tag starts
            // with `<`: without one, the pattern need not be built.
            if text.contains('<') && HTML_TAG.regex(text).is_match(text) {
                strip_html(text, false, &mut out);
            }
            if text.contains('\u{0c}') {
                strip_pages(text, &mut out);
            }
        }
    }
    out.edits.sort_by_key(|e| (e.start, e.end));
    // Overlaps can only come from two rules matching the same bytes: keep the first.
    let mut kept: Vec<Edit> = Vec::with_capacity(out.edits.len());
    for edit in out.edits.drain(..) {
        if kept.last().is_none_or(|last| edit.start >= last.end) {
            kept.push(edit);
        }
    }
    out.edits = kept;
    out.hints.sort_by_key(|h| h.line_start);
    out.hints.dedup_by_key(|h| h.line_start);
    out
}

fn strip_markdown(text: &str, out: &mut Stripped) {
    if text.contains("\n+-") || text.starts_with("+-") {
        strip_grid_tables(text, out);
    }
    for m in MD_BOLD_LINE.find_iter(text) {
        out.hints.push(Hint {
            line_start: m.start(),
            kind: HintKind::Bold,
        });
    }
    for c in MD_HEADING.captures_iter(text) {
        let whole = c.get(0).map_or(0..0, |m| m.range());
        let level = c.get(1).map_or(1, |m| m.len()) as u8;
        out.hints.push(Hint {
            line_start: whole.start,
            kind: HintKind::Heading(level),
        });
        out.edits.push(Edit::new(
            whole.start,
            whole.end,
            "",
            "markdown-heading",
            1.0,
        ));
    }
    for c in MD_LINK.captures_iter(text) {
        let (Some(whole), Some(label)) = (c.get(0), c.get(1)) else {
            continue;
        };
        out.edits.push(Edit::new(
            whole.start(),
            label.start(),
            "",
            "markdown-link",
            1.0,
        ));
        out.edits.push(Edit::new(
            label.end(),
            whole.end(),
            "",
            "markdown-link",
            1.0,
        ));
    }
    for m in MD_EMPHASIS.find_iter(text) {
        out.edits
            .push(Edit::new(m.start(), m.end(), "", "markdown-emphasis", 1.0));
    }
    for c in MD_ITALIC.regex(text).captures_iter(text) {
        let (Some(open), Some(close)) = (c.get(1), c.get(3)) else {
            continue;
        };
        if open.as_str() == close.as_str() {
            out.edits.push(Edit::new(
                open.start(),
                open.end(),
                "",
                "markdown-emphasis",
                1.0,
            ));
            out.edits.push(Edit::new(
                close.start(),
                close.end(),
                "",
                "markdown-emphasis",
                1.0,
            ));
        }
    }
    for c in MD_ESCAPE.captures_iter(text) {
        if let Some(m) = c.get(0) {
            out.edits.push(Edit::new(
                m.start(),
                m.start() + 1,
                "",
                "markdown-escape",
                1.0,
            ));
        }
    }
    for m in MD_TABLE_RULE.find_iter(text) {
        out.edits
            .push(Edit::new(m.start(), m.end(), "", "markdown-table", 1.0));
    }
    for m in MD_TABLE_ROW.find_iter(text) {
        if MD_TABLE_RULE.is_match(m.as_str()) {
            continue;
        }
        let row = m.as_str();
        let pipes: Vec<usize> = row.match_indices('|').map(|(i, _)| m.start() + i).collect();
        for (n, &p) in pipes.iter().enumerate() {
            let first = n == 0;
            let last = n + 1 == pipes.len();
            let after = if first || last { "" } else { "\t" };
            out.edits
                .push(Edit::new(p, p + 1, after, "markdown-table", 1.0));
        }
    }
}

/// Lines of the letterhead area where a sidebar may start.
const SIDEBAR_REACH: usize = 40;

/// A line of `pdftotext -layout` output split at a wide gap: the left part (from the margin)
/// and the column where the right part starts.
struct SplitLine {
    start: usize,
    len: usize,
    /// Byte offset (in the line) and character column of the right part.
    right: Option<(usize, usize)>,
    /// Characters before the first non-blank.
    indent: usize,
    words_right: usize,
}

fn split_line(line: &str) -> SplitLine {
    let indent = line.chars().take_while(|c| *c == ' ').count();
    let mut right = None;
    let mut gaps = 0;
    let (mut blanks, mut column, mut seen_text) = (0, 0, false);
    for (k, c) in line.char_indices() {
        if c == ' ' {
            blanks += 1;
        } else {
            if seen_text && blanks >= 3 {
                gaps += 1;
                right = Some((k, column));
            }
            seen_text = true;
            blanks = 0;
        }
        column += 1;
    }
    // Only a line cut in two by a single wide gap: more cells make a table.
    let right = right.filter(|_| gaps == 1);
    let words_right = right.map_or(0, |(k, _)| line[k..].split_whitespace().count());
    SplitLine {
        start: 0,
        len: line.len(),
        right,
        indent,
        words_right,
    }
}

/// `pdftotext -layout` of a letter with a sidebar (service, `Affaire suivie par`, phone)
/// beside the title and the first paragraphs: each line holds a piece of both columns. The
/// sidebar's pieces are taken out of the lines and put, in their order, before the
/// stretch, so that the body reads on (and keeps its exact offsets).
fn move_sidebar(text: &str, out: &mut Stripped) {
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n').take(SIDEBAR_REACH * 3) {
        let mut split = split_line(line.trim_end_matches(['\n', '\r']));
        split.start = offset;
        offset += line.len();
        split.len = line.len();
        lines.push((split, line));
    }
    // The body column: where most split lines start their right part.
    let mut columns: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for (split, _) in lines.iter().filter(|(s, _)| s.indent <= 2) {
        if let Some((_, column)) = split.right.filter(|&(_, c)| c >= 25) {
            *columns.entry(column).or_default() += 1;
        }
    }
    let Some((&column, &count)) = columns
        .iter()
        .max_by_key(|&(&c, &n)| (n, std::cmp::Reverse(c)))
    else {
        return;
    };
    let beside = |s: &SplitLine| s.indent <= 2 && s.right.is_some_and(|(_, c)| c == column);
    let Some(first) = lines.iter().position(|(s, _)| beside(s)) else {
        return;
    };
    // Prose on the right (a long piece) tells a sidebar from a two-column table.
    let prose = lines.iter().any(|(s, _)| beside(s) && s.words_right >= 6);
    if count < 3 || first >= SIDEBAR_REACH || !prose {
        return;
    }
    let last = lines.iter().rposition(|(s, _)| beside(s)).unwrap_or(first);
    let mut sidebar = Vec::new();
    for (split, line) in &lines[first..=last] {
        let body = line.trim_end_matches(['\n', '\r']);
        if body.trim().is_empty() || split.indent >= column {
            continue;
        }
        match split.right {
            Some((k, _)) if beside(split) => {
                sidebar.push(body[..k].trim_end().to_string());
                out.edits.push(Edit::new(
                    split.start,
                    split.start + k,
                    "",
                    "layout-sidebar",
                    1.0,
                ));
            }
            // A sidebar line with nothing beside it.
            _ if split.indent <= 2 && body.chars().count() < column => {
                sidebar.push(body.trim_end().to_string());
                out.edits.push(Edit::new(
                    split.start,
                    split.start + split.len,
                    "",
                    "layout-sidebar",
                    1.0,
                ));
            }
            _ => {}
        }
    }
    let at = lines[first].0.start;
    out.edits.push(Edit::new(
        at,
        at,
        format!("{}\n\n", sidebar.join("\n")),
        "layout-sidebar",
        1.0,
    ));
}

/// `pdftotext -layout` of attendance lists side by side (`Étaient présents :` on the left,
/// `Étaient excusés :` on the right, each entry wrapping inside its column): the right
/// column's pieces are taken out of the lines and put, in their order, after the stretch, so
/// that each list reads on (the left one keeps its exact offsets).
fn split_attendance_columns(text: &str, out: &mut Stripped) {
    use crate::participants::vocab::attendance_heading;
    let heading = |s: &str| {
        s.trim().ends_with(':') && attendance_heading(s.trim().trim_end_matches(':')).is_some()
    };
    let mut offset = 0;
    let mut lines = text.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        let line_start = offset;
        offset += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        // Checked first, as this runs on every line: the right heading ends the line with its
        // colon, after a wide gap.
        if !body.trim_end().ends_with(':') || !body.contains("   ") {
            continue;
        }
        let split = split_line(body);
        let Some((k, column)) = split.right else {
            continue;
        };
        if !heading(&body[..k]) || !heading(&body[k..]) {
            continue;
        }
        // The stretch: this line and the lines under it up to a blank one.
        let mut pieces = vec![body[k..].trim_end().to_string()];
        out.edits.push(Edit::new(
            line_start + body[..k].trim_end().len(),
            line_start + body.len(),
            "",
            "layout-columns",
            1.0,
        ));
        while let Some(next) = lines.peek().filter(|l| !l.trim().is_empty()) {
            let next_start = offset;
            offset += next.len();
            let body = next.trim_end_matches(['\n', '\r']);
            let split = split_line(body);
            let right_at = match split.right {
                Some((k, c)) if c + 2 >= column => Some((k, c)),
                // Nothing in the left column on this line.
                None if split.indent + 2 >= column => Some((split.indent, split.indent)),
                _ => None,
            };
            if let Some((k, c)) = right_at {
                let cut = if k == split.indent {
                    0
                } else {
                    body[..k].trim_end().len()
                };
                pieces.push(format!(
                    "{}{}",
                    " ".repeat(c.saturating_sub(column)),
                    body[k..].trim_end()
                ));
                out.edits.push(Edit::new(
                    next_start + cut,
                    next_start + body.len(),
                    "",
                    "layout-columns",
                    1.0,
                ));
            }
            lines.next();
        }
        out.edits.push(Edit::new(
            offset,
            offset,
            format!("\n{}\n", pieces.join("\n")),
            "layout-columns",
            1.0,
        ));
    }
}

/// A pandoc grid table's rule line: `+-----+------+`, `+=====+======+`.
static GRID_RULE: Lazy<Regex> = Lazy::new(|| Regex::new(r"^[ \t]*\+(?:[-=:]+\+)+[ \t]*$").unwrap());

/// Pandoc grid tables wrap each cell over as many lines as it needs, between `+---+` rules:
/// each row becomes one tab-separated line, a cell's lines joined by spaces. A row's
/// lines are rewritten as a whole (its cells are read column by column), from the rule
/// above it.
fn strip_grid_tables(text: &str, out: &mut Stripped) {
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        lines.push((offset, line));
        offset += line.len();
    }
    let mut i = 0;
    while i < lines.len() {
        let (rule_start, rule) = lines[i];
        let rule_text = rule.trim_end_matches(['\n', '\r']);
        if !GRID_RULE.is_match(rule_text) {
            i += 1;
            continue;
        }
        let bounds: Vec<usize> = rule_text
            .chars()
            .enumerate()
            .filter(|&(_, c)| c == '+')
            .map(|(k, _)| k)
            .collect();
        let rows_end = (i + 1..lines.len())
            .find(|&k| !lines[k].1.trim_start().starts_with('|'))
            .unwrap_or(lines.len());
        if rows_end == i + 1 {
            // The rule closing the table.
            out.edits.push(Edit::new(
                rule_start,
                rule_start + rule.len(),
                "",
                "markdown-grid-table",
                1.0,
            ));
            i += 1;
            continue;
        }
        let mut cells = vec![Vec::new(); bounds.len() - 1];
        for &(_, line) in &lines[i + 1..rows_end] {
            let chars: Vec<char> = line.trim_end_matches(['\n', '\r']).chars().collect();
            for (column, pair) in bounds.windows(2).enumerate() {
                let piece: String = chars
                    .get(pair[0] + 1..pair[1].min(chars.len()))
                    .unwrap_or_default()
                    .iter()
                    .collect();
                let piece = piece.replace("**", "").replace("__", "");
                if !piece.trim().is_empty() {
                    cells[column].push(piece.trim().to_string());
                }
            }
        }
        let row: Vec<String> = cells.iter().map(|c| format!(" {} ", c.join(" "))).collect();
        let (last_start, last) = lines[rows_end - 1];
        let end = last_start + last.len();
        out.edits.push(Edit::new(
            rule_start,
            end,
            format!("{}\n", row.join("\t")),
            "markdown-grid-table",
            1.0,
        ));
        i = rows_end;
    }
}

/// Tags that end a line of reader text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "ul",
    "ol",
    "table",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "dl",
    "dt",
    "dd",
    "tbody",
    "thead",
    "html",
    "body",
    "head",
];

/// `whole_document`: the input is an HTML page, where line breaks of the source are
/// spaces and a cell's paragraphs stay on its row; embedded tags in other formats only
/// lose their markup.
/// `<marc.bertrand@oise.gouv.fr>`, `<https://…>`: a mail's or a link's address between angle
/// brackets, as mail headers and plain-text mails write them, is text, not a tag.
fn is_bracketed_address(tag: &str) -> bool {
    let inner = &tag[1..tag.len() - 1];
    !inner.contains(char::is_whitespace)
        && (inner.contains('@') || inner.starts_with("http://") || inner.starts_with("https://"))
}

fn strip_html(text: &str, whole_document: bool, out: &mut Stripped) {
    // Word list markers become a bullet or the item's number; the tags inside them are
    // covered by that edit.
    let mut markers = Vec::new();
    if text.contains("<![if !supportLists]>") {
        for c in WORD_LIST_MARKER.captures_iter(text) {
            let (Some(whole), Some(inner)) = (c.get(0), c.get(1)) else {
                continue;
            };
            out.edits.push(Edit::new(
                whole.start(),
                whole.end(),
                word_list_marker(inner.as_str()),
                "html-list-marker",
                1.0,
            ));
            markers.push(whole.range());
        }
    }
    let mut next_marker = 0;
    let mut skip_until: Option<(usize, &'static str)> = None;
    let mut in_cell = false;
    let mut in_pre = false;
    let mut text_start = 0;
    for m in HTML_TAG.regex(text).captures_iter(text) {
        let Some(whole) = m.get(0) else { continue };
        if is_bracketed_address(whole.as_str()) {
            continue;
        }
        if whole_document && skip_until.is_none() && !in_pre {
            collapse_source_breaks(text, text_start, whole.start(), out);
        }
        text_start = whole.end();
        while markers
            .get(next_marker)
            .is_some_and(|m| m.end <= whole.start())
        {
            next_marker += 1;
        }
        if markers
            .get(next_marker)
            .is_some_and(|m| m.contains(&whole.start()))
        {
            continue;
        }
        let closing = m.get(1).is_some_and(|c| !c.as_str().is_empty());
        let name = m
            .get(2)
            .map_or(String::new(), |n| n.as_str().to_ascii_lowercase());
        if let Some((from, until)) = skip_until {
            if closing && name == until {
                out.edits
                    .push(Edit::new(from, whole.end(), "", "html-tag", 1.0));
                skip_until = None;
            }
            continue;
        }
        if !closing && (name == "script" || name == "style") {
            skip_until = Some((
                whole.start(),
                if name == "script" { "script" } else { "style" },
            ));
            continue;
        }
        match name.as_str() {
            "td" | "th" => in_cell = !closing,
            "tr" | "table" => in_cell = false,
            "pre" => in_pre = !closing,
            _ => {}
        }
        // A list item reads as a bullet, unless the export already wrote one.
        let bulleted = text[whole.end()..]
            .trim_start()
            .starts_with(['-', '–', '•', '*']);
        let after = match name.as_str() {
            "td" | "th" if closing => "\t",
            // A cell's line breaks (`<br>`, in HTML or a markdown pipe table) and the
            // paragraphs office suites wrap its text in keep the row on one line.
            "br" if (whole_document && in_cell)
                || (!whole_document && in_pipe_row(text, whole.start())) =>
            {
                CELL_LINE_BREAK
            }
            n if whole_document && in_cell && BLOCK_TAGS.contains(&n) => " ",
            "li" if !closing && bulleted => "\n",
            "li" if !closing => "\n- ",
            "li" => "",
            n if BLOCK_TAGS.contains(&n) => "\n",
            _ => "",
        };
        if !closing {
            if let Some(level) = name
                .strip_prefix('h')
                .and_then(|l| l.parse::<u8>().ok())
                .filter(|l| (1..=6).contains(l))
            {
                out.hints.push(Hint {
                    line_start: whole.end(),
                    kind: HintKind::Heading(level),
                });
            }
        }
        // `<li>- item`: the item already carries its bullet; keep a single one.
        out.edits.push(Edit::new(
            whole.start(),
            whole.end(),
            after,
            "html-tag",
            1.0,
        ));
    }
    if let Some((from, _)) = skip_until {
        out.edits
            .push(Edit::new(from, text.len(), "", "html-tag", 1.0));
    } else if whole_document && !in_pre {
        collapse_source_breaks(text, text_start, text.len(), out);
    }
    for c in HTML_ENTITY.captures_iter(text) {
        let (Some(whole), Some(name)) = (c.get(0), c.get(1)) else {
            continue;
        };
        if let Some(ch) = decode_entity(name.as_str()) {
            out.edits.push(Edit::new(
                whole.start(),
                whole.end(),
                ch.to_string(),
                "html-entity",
                1.0,
            ));
        }
    }
}

/// How a line break inside a table cell (`<br>`) is written: the row stays one line of
/// text, yet the cell's lines can still be told apart (U+2028 LINE SEPARATOR, which the
/// segmenter does not break lines on and the extractors read as a blank).
pub const CELL_LINE_BREAK: &str = "\u{2028}";

/// Whether `at` lies on a line of a markdown pipe table.
fn in_pipe_row(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..at].trim_start().starts_with('|')
}

fn collapse_source_breaks(text: &str, start: usize, end: usize, out: &mut Stripped) {
    for m in HTML_SOURCE_BREAK.find_iter(&text[start..end]) {
        out.edits.push(Edit::new(
            start + m.start(),
            start + m.end(),
            " ",
            "html-whitespace",
            1.0,
        ));
    }
}

/// What Word wrote as an item's marker (`1.`, `a)`, or a bullet glyph of a symbol font:
/// `·`, `o`, `§`) as plain text: the number kept, any glyph a dash.
fn word_list_marker(inner: &str) -> String {
    let without_tags = HTML_TAG.regex(inner).replace_all(inner, "");
    let decoded = HTML_ENTITY.replace_all(&without_tags, |c: &regex::Captures| {
        decode_entity(&c[1]).map_or_else(|| c[0].to_string(), String::from)
    });
    let marker = decoded.trim_matches(|c: char| c.is_whitespace());
    let numbered = marker.len() <= 5
        && marker.ends_with(['.', ')'])
        && marker[..marker.len() - 1]
            .chars()
            .all(|c| c.is_ascii_alphanumeric())
        && marker.len() > 1;
    if numbered {
        format!("{marker} ")
    } else {
        "- ".to_string()
    }
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let value = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(value).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "eacute" => 'é',
        "Eacute" => 'É',
        "egrave" => 'è',
        "Egrave" => 'È',
        "ecirc" => 'ê',
        "Ecirc" => 'Ê',
        "euml" => 'ë',
        "agrave" => 'à',
        "Agrave" => 'À',
        "acirc" => 'â',
        "ccedil" => 'ç',
        "Ccedil" => 'Ç',
        "icirc" => 'î',
        "iuml" => 'ï',
        "ocirc" => 'ô',
        "ugrave" => 'ù',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "oelig" => 'œ',
        "OElig" => 'Œ',
        "laquo" => '«',
        "raquo" => '»',
        "rsquo" => '’',
        "lsquo" => '‘',
        "ldquo" => '“',
        "rdquo" => '”',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "euro" => '€',
        "deg" => '°',
        "middot" => '·',
        "bull" => '•',
        "rArr" => '⇒',
        _ => return None,
    })
}

/// pdftotext output: form feeds, page numbers and running headers or footers repeated on
/// every page interrupt the text; a reader skips them.
fn strip_pages(text: &str, out: &mut Stripped) {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let pages = text.matches('\u{0c}').count() + 1;
    for line in text.split(['\n', '\u{0c}']) {
        let t = line.trim();
        if t.len() >= 8 {
            *counts.entry(t).or_default() += 1;
        }
    }
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let mut start = offset;
        offset += line.len();
        let mut body = line;
        while let Some(rest) = body.strip_prefix('\u{0c}') {
            out.edits
                .push(Edit::new(start, start + 1, "\n", "page-break", 1.0));
            start += 1;
            body = rest;
        }
        let t = body.trim();
        let repeated = pages >= 2 && counts.get(t).is_some_and(|&n| n >= 2 && n + 1 >= pages);
        let page_number = !t.is_empty() && PAGE_NUMBER.is_match(t);
        if repeated || page_number {
            out.edits
                .push(Edit::new(start, offset, "", "page-furniture", 1.0));
        }
        // A form feed at the end of a line (after the footer) starts the next page.
        if let Some(ff) = body.find('\u{0c}') {
            if !repeated && !page_number {
                let at = start + ff;
                out.edits
                    .push(Edit::new(at, at + 1, "\n", "page-break", 1.0));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Text;

    #[test]
    fn count_holding_counts_as_the_pattern_does() {
        let texts = [
            "# Titre\n\n## Ordre du jour\n**Présents :**\n[lien](http://x) ![image](a.png)\n",
            "Ordre du jour\n1. Accueil\n2. Questions diverses\n",
            "#hashtag, [crochets] (parenthèses)\n",
        ];
        for text in texts {
            for (needle, re) in [("#", &MD_HEADING), ("**", &MD_BOLD_LINE), ("](", &MD_LINK)] {
                for limit in [1, 5] {
                    let direct = re.find_iter(text).take(limit).count();
                    assert_eq!(
                        count_holding(text, needle, re, limit),
                        direct,
                        "{needle} {text}"
                    );
                }
            }
        }
        assert_eq!(count_holding(texts[0], "#", &MD_HEADING, 5), 2);
        assert_eq!(count_holding(texts[0], "](", &MD_LINK, 1), 1);
    }

    #[test]
    fn tags_match_as_with_a_word_boundary_after_the_name() {
        let with_boundary = Regex::new(r"(?s)<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?(/?)>|<!--.*?-->|<!DOCTYPE[^>]*>|<!\[(?:end)?if\b[^<>]*>").unwrap();
        let texts = [
            "<p>",
            "</p>",
            "<br/>",
            "<br />",
            "<p/x>",
            "<p//>",
            "<pé>",
            "<Préfecture>",
            "<p_x>",
            "<h1 class=\"é\">",
            "<p\nid=x>",
            "<p",
            "a < b > c",
            "<!-- é -->",
            "<![if !supportLists]>",
            "<![endif]>",
            "<![ifx]>",
            "<![if_]>",
            "<![if]>",
            "<!DOCTYPE html>",
            "x <b>é</b> <i >y</i> <a href='/é/'>z</a> <ω> <pΩ>",
            "<img src=x/>",
            "<a/ >",
            "<td/é>",
        ];
        for text in texts {
            let spans = |re: &Regex| {
                re.captures_iter(text)
                    .map(|c| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>())
                    .collect::<Vec<_>>()
            };
            assert_eq!(spans(HTML_TAG.regex(text)), spans(&with_boundary), "{text}");
            assert_eq!(spans(HTML_TAG.whole()), spans(&with_boundary), "{text}");
        }
    }

    #[test]
    fn addresses_in_angle_brackets_are_kept() {
        let mail = "De : FOURNIER Élodie <elodie.fournier@oise.gouv.fr>\nObjet : CLU <b>du</b> 12 mars\nVoir <https://www.oise.gouv.fr/clu>.\n";
        assert_eq!(
            run(mail).0,
            "De : FOURNIER Élodie <elodie.fournier@oise.gouv.fr>\nObjet : CLU du 12 mars\nVoir <https://www.oise.gouv.fr/clu>.\n"
        );
    }

    fn run(s: &str) -> (String, Vec<Hint>) {
        let format = detect_format(s);
        let stripped = strip(s, format);
        (
            Text::identity(s.to_string())
                .apply(&stripped.edits)
                .0
                .as_str()
                .to_string(),
            stripped.hints,
        )
    }

    #[test]
    fn markdown_headings_bold_and_links() {
        let s = "## **Ordre du jour :**\n\n- écrire à [a@b.fr](mailto:a@b.fr)\n- le 1<sup>er</sup> point\n*le préfet,*\n";
        assert_eq!(detect_format(s), Format::Markdown);
        let (t, hints) = run(s);
        assert_eq!(
            t,
            "Ordre du jour :\n\n- écrire à a@b.fr\n- le 1er point\nle préfet,\n"
        );
        assert_eq!(hints.first().map(|h| h.kind), Some(HintKind::Heading(2)));
    }

    #[test]
    fn markdown_table_becomes_tab_separated() {
        let s = "# T\n\n| Nom | Fonction |\n|---|---|\n| Jeanne MOREAU | directrice |\n**x**\n";
        let (t, _) = run(s);
        assert!(t.contains(" Nom \t Fonction \n"), "{t:?}");
        assert!(t.contains(" Jeanne MOREAU \t directrice \n"), "{t:?}");
    }

    #[test]
    fn line_breaks_inside_a_pipe_table_cell_keep_the_row() {
        let (t, _) = run("# T\n\n## Présents\n\n| Nom | Fonction |\n|---|---|\n| Anne ROUX | Sous-préfète,<br>secrétaire générale |\n");
        assert!(
            t.contains(" Anne ROUX \t Sous-préfète,\u{2028}secrétaire générale \n"),
            "{t:?}"
        );
    }

    #[test]
    fn grid_table_rows_become_one_line_each() {
        let s = "# T\n\n## Présents\n\n+-----------+-------------+\n| Nom       | Fonction    |\n+===========+=============+\n| Mme Anne  | Directrice, |\n| ROUX      | **CAF**     |\n+-----------+-------------+\n\nSuite.\n";
        let (t, _) = run(s);
        assert!(
            t.contains("\n Nom \t Fonction \n Mme Anne ROUX \t Directrice, CAF \n\nSuite."),
            "{t:?}"
        );
    }

    #[test]
    fn attendance_lists_side_by_side_are_read_one_after_the_other() {
        let s = "   Étaient présents :                    Étaient excusés :\n   – M. Paul DURAND, directeur           – Mme Anne ROUX, présidente\n\
                 \x20    de cabinet                            de l'UDAF\n   – Mme Lucie MOREL\n\nSuite.\n";
        let (t, _) = run(s);
        assert_eq!(
            t,
            "   Étaient présents :\n   – M. Paul DURAND, directeur\n     de cabinet\n   – Mme Lucie MOREL\n\n\
             Étaient excusés :\n– Mme Anne ROUX, présidente\n  de l'UDAF\n\nSuite.\n"
        );
    }

    #[test]
    fn a_letter_sidebar_is_read_before_the_body_beside_it() {
        let s = "PRÉFET\n\n\
Secrétariat général            COMPTE RENDU DE LA RÉUNION\n\
Direction de la citoyenneté    DU 21 NOVEMBRE 2023\n\
\n\
Affaire suivie par :           La réunion, présidée par M. Jean HEITZ, directeur de\n\
Mme Anne ROTH                  cabinet, s'est tenue de 14 h à 16 h en salle Kléber.\n\
Tél. : 03 88 21 67 68\n\
Mél : anne.roth@x.gouv.fr      Étaient présents :\n\
                               - M. Jean HEITZ, directeur de cabinet ;\n\
\n\
1. Accueil\n";
        let (t, _) = run(s);
        assert!(t.contains("Secrétariat général\nDirection de la citoyenneté\nAffaire suivie par :\nMme Anne ROTH\nTél. : 03 88 21 67 68\nMél : anne.roth@x.gouv.fr\n\n"), "{t:?}");
        assert!(t.contains("directeur de\ncabinet, s'est tenue de 14 h à 16 h en salle Kléber.\nÉtaient présents :\n"), "{t:?}");
    }

    #[test]
    fn html_list_items_and_cells() {
        let s = "<html><body><h2>Présents</h2><ul><li>Mme Anne ROUX</li><li>M. Paul DURAND</li></ul>\
                 <table><tr><td>UDAF</td><td>M. Luc MARTIN</td></tr></table>&eacute;t&eacute;</body></html>";
        let (t, hints) = run(s);
        assert!(t.contains("\n- Mme Anne ROUX"), "{t:?}");
        assert!(t.contains("UDAF\tM. Luc MARTIN\t"), "{t:?}");
        assert!(t.contains("été"));
        assert!(matches!(
            hints.first().map(|h| h.kind),
            Some(HintKind::Heading(2))
        ));
    }

    #[test]
    fn word_html_cells_source_breaks_and_list_markers() {
        let s = "<html>\r\n<body>\r\n<p class=MsoNormal>Carcassonne, le 11&nbsp;mars\r\n2024<o:p></o:p></p>\r\n\
                 <table><tr>\r\n  <td valign=top>\r\n  <p class=MsoNormal>Mme Anne <span>ROU</span><span lang=FR>X</span><o:p></o:p></p>\r\n  </td>\r\n\
                 <td><p class=MsoNormal>UDAF</p></td></tr></table>\r\n\
                 <p class=MsoListParagraph><![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt'>&nbsp;&nbsp;\r\n</span></span><![endif]>M. Paul DURAND</p>\r\n\
                 <p class=MsoListParagraph><![if !supportLists]><span style='mso-list:Ignore'>2.<span>&nbsp;</span></span><![endif]>Questions diverses</p>\r\n</body></html>";
        let (t, _) = run(s);
        let lines: Vec<&str> = t.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        assert!(
            lines.contains(&"Carcassonne, le 11\u{a0}mars 2024"),
            "{lines:?}"
        );
        let row_cells = |l: &&str| {
            l.split('\t').map(str::trim).collect::<Vec<_>>() == ["Mme Anne ROUX", "UDAF"]
        };
        assert!(lines.iter().any(row_cells), "{lines:?}");
        assert!(lines.contains(&"- M. Paul DURAND"), "{lines:?}");
        assert!(lines.contains(&"2. Questions diverses"), "{lines:?}");
    }

    #[test]
    fn source_breaks_stay_lines_in_markdown() {
        let (t, _) = run("# Titre\n\nPrésents :\nMme Anne ROUX<br>\nM. Paul DURAND\n");
        assert!(
            t.contains("Présents :\nMme Anne ROUX\n\nM. Paul DURAND"),
            "{t:?}"
        );
    }

    #[test]
    fn pdftotext_page_furniture_is_dropped() {
        let s = "CLU du 3 mai 2023 - Préfecture du Gers\nPremier paragraphe\n1/2\n\u{0c}CLU du 3 mai 2023 - Préfecture du Gers\nSuite du texte\n2/2\n";
        assert_eq!(detect_format(s), Format::Pdftotext);
        let (t, _) = run(s);
        assert!(!t.contains("1/2") && !t.contains("CLU du 3 mai"), "{t:?}");
        assert!(t.contains("Premier paragraphe\n") && t.contains("Suite du texte"));
    }
}
