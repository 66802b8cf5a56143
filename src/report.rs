//! The review report: one self-contained HTML page (inline CSS and JS, no network) that
//! shows, for each document, the original text beside the records extracted from it.
//!
//! Records carry byte spans into the original input, which may be Windows-1252 or UTF-16,
//! so the page shows the text decoded by [`decode::decode`] and maps each byte span to
//! that text through the decoder's own offset map. The text is cut at every span boundary
//! into flat runs (spans overlap: a date inside a participant entry inside a repaired
//! line), each run naming every record it belongs to in `data-ids`; highlighting a record
//! marks all its runs. Links to `#id` anchors make the records navigable without JS.

use crate::corpus::{self, Input};
use crate::decode;
use crate::error::Error;
use crate::pipeline::{self, Options};
use crate::record::{Record, Repair};
use crate::span::Span;
use crate::text::Text;
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt::Write;

const STYLE: &str = include_str!("report/style.css");
const SCRIPT: &str = include_str!("report/script.js");

/// One input as the report shows it: its records and its original text, or why it failed.
#[derive(Debug)]
pub struct Document {
    pub path: String,
    pub result: Result<(Record, SourceText), Error>,
}

impl Document {
    /// Runs the pipeline on `bytes` and decodes them for display the same way.
    pub fn new(path: &str, bytes: &[u8], options: &Options) -> Document {
        let result = pipeline::extract(path, bytes, options).and_then(|record| {
            let decoded = decode::decode(bytes, options.encoding.as_deref())?;
            Ok((record, SourceText::new(&decoded.text)))
        });
        Document {
            path: path.to_string(),
            result,
        }
    }

    /// Reads and extracts each input (in parallel, kept in input order).
    pub fn collect(inputs: &[Input], options: &Options, max_bytes: u64) -> Vec<Document> {
        inputs
            .par_iter()
            .map(|input| {
                let path = input.label();
                match corpus::read_input(input, max_bytes) {
                    Ok(bytes) => Document::new(&path, &bytes, options),
                    Err(error) => Document {
                        path,
                        result: Err(error),
                    },
                }
            })
            .collect()
    }
}

/// The decoded original text with, for each character, the input byte it starts at.
#[derive(Debug)]
pub struct SourceText {
    text: String,
    /// `(original byte, text position)` at every char boundary and at the end; both
    /// columns ascend because decoding reads the input in order.
    map: Vec<(usize, usize)>,
}

impl SourceText {
    pub fn new(decoded: &Text) -> SourceText {
        let text = decoded.as_str().to_string();
        let mut map: Vec<(usize, usize)> = text
            .char_indices()
            .map(|(i, _)| (decoded.map_start(i), i))
            .collect();
        map.push((decoded.original_len(), text.len()));
        SourceText { text, map }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The text range showing the original bytes `span`: the start rounds down to the
    /// character holding it, the end up to the next character boundary.
    pub fn range(&self, span: Span) -> (usize, usize) {
        let first = self
            .map
            .partition_point(|&(orig, _)| orig <= span.start)
            .saturating_sub(1);
        let last = self
            .map
            .partition_point(|&(orig, _)| orig < span.end)
            .min(self.map.len() - 1);
        let (start, end) = (self.map[first].1, self.map[last].1);
        (start, end.max(start))
    }
}

/// What a run of text belongs to, for styling.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Participant,
    Unnamed,
    Intervention,
    Date,
    Figure,
    Label,
    Repair,
    Suggestion,
}

impl Kind {
    fn class(self) -> &'static str {
        match self {
            Kind::Participant => "k-p",
            Kind::Unnamed => "k-u",
            Kind::Intervention => "k-i",
            Kind::Date => "k-d",
            Kind::Figure => "k-f",
            Kind::Label => "k-l",
            Kind::Repair => "k-r",
            Kind::Suggestion => "k-s",
        }
    }
}

/// A record's place in the displayed text. `ids` are the targets that highlight it: its
/// own, and for a label event also its label's.
struct Mark {
    start: usize,
    end: usize,
    kind: Kind,
    ids: Vec<String>,
}

pub fn render(documents: &[Document]) -> String {
    let mut body = String::new();
    index(&mut body, documents);
    for (n, document) in documents.iter().enumerate() {
        section(&mut body, n, document);
    }
    let script_hash = base64(&Sha256::digest(SCRIPT.as_bytes()));
    let mut page = String::with_capacity(body.len() + STYLE.len() + SCRIPT.len() + 1024);
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; \
         script-src 'sha256-{script_hash}'; img-src data:\">\n\
         <title>clu report — {} document(s)</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
         <header class=\"page\"><h1>Review report</h1><p>{} document(s) read by clu {}. Each record links to its \
         place in the original text; struck-through text was repaired, wavy-underlined text has a suggestion \
         that was not applied.</p></header>\n<main>\n{body}</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n",
        documents.len(),
        documents.len(),
        env!("CARGO_PKG_VERSION"),
    );
    page
}

fn index(out: &mut String, documents: &[Document]) {
    let mut departments: Vec<String> = Vec::new();
    let mut years: Vec<String> = Vec::new();
    for (record, _) in documents.iter().filter_map(|d| d.result.as_ref().ok()) {
        departments.extend(department(record));
        years.extend(year(record));
    }
    departments.sort();
    departments.dedup();
    years.sort();
    years.dedup();
    out.push_str("<section id=\"index\" aria-labelledby=\"index-title\">\n<h2 id=\"index-title\">Documents</h2>\n");
    out.push_str("<div class=\"filters\" hidden>");
    filter(out, "f-dept", "Department", &departments);
    filter(out, "f-year", "Year", &years);
    out.push_str("<output id=\"f-count\" aria-live=\"polite\"></output></div>\n");
    out.push_str("<div class=\"scroll\"><table id=\"index-table\"><thead><tr>");
    for (label, numeric) in [
        ("Document", false),
        ("Department", false),
        ("Committee", false),
        ("Meeting", false),
        ("Participants", true),
        ("Dates", true),
        ("Figures", true),
        ("Labels", true),
        ("Repairs", true),
        ("Warnings", true),
    ] {
        let _ = write!(
            out,
            "<th scope=\"col\"{}>{label}</th>",
            if numeric { " class=\"num\"" } else { "" }
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (n, document) in documents.iter().enumerate() {
        let link = format!("<a href=\"#doc-{n}\">{}</a>", esc(&document.path));
        match &document.result {
            Ok((record, _)) => {
                let _ = write!(
                    out,
                    "<tr data-dept=\"{}\" data-year=\"{}\" data-doc=\"doc-{n}\"><td>{link}</td><td>{}</td><td>{}</td><td>{}</td>",
                    esc(&department(record).unwrap_or_default()),
                    esc(&year(record).unwrap_or_default()),
                    esc(&department(record).unwrap_or_else(|| "—".into())),
                    esc(record.meeting.committee.as_deref().unwrap_or("—")),
                    esc(record.meeting.date.as_deref().unwrap_or("—")),
                );
                let counts = [
                    record.participants.len(),
                    record.dates.len(),
                    record.figures.len(),
                    record.labels.len(),
                    record.repairs.len(),
                    record.warnings.len(),
                ];
                for count in counts {
                    let _ = write!(out, "<td class=\"num\">{count}</td>");
                }
                out.push_str("</tr>\n");
            }
            Err(error) => {
                let _ = writeln!(
                    out,
                    "<tr class=\"failed\" data-dept=\"\" data-year=\"\" data-doc=\"doc-{n}\"><td>{link}</td><td colspan=\"9\">not extracted: {}</td></tr>",
                    esc(&error.message)
                );
            }
        }
    }
    out.push_str("</tbody></table></div>\n</section>\n");
}

fn filter(out: &mut String, id: &str, label: &str, values: &[String]) {
    let _ = write!(
        out,
        "<label for=\"{id}\">{label}</label> <select id=\"{id}\"><option value=\"\">all</option>"
    );
    for value in values {
        let _ = write!(out, "<option>{}</option>", esc(value));
    }
    out.push_str("</select> ");
}

fn department(record: &Record) -> Option<String> {
    record
        .meeting
        .department
        .as_ref()
        .map(|d| format!("{} ({})", d.name, d.code))
}

fn year(record: &Record) -> Option<String> {
    record
        .meeting
        .date
        .as_ref()
        .or(record.document.issued_date.as_ref())
        .map(|d| d.chars().take(4).collect())
}

fn section(out: &mut String, n: usize, document: &Document) {
    let _ = write!(
        out,
        "<section class=\"doc\" id=\"doc-{n}\" data-path=\"{}\" aria-labelledby=\"doc-{n}-title\">\n\
         <h2 id=\"doc-{n}-title\"><span class=\"docno\">{}.</span> {}</h2>\n",
        esc(&document.path),
        n + 1,
        esc(&document.path)
    );
    match &document.result {
        Err(error) => {
            let _ = writeln!(
                out,
                "<p class=\"failed\">Not extracted ({:?}): {}</p>",
                error.kind,
                esc(&error.message)
            );
        }
        Ok((record, source)) => {
            let prefix = format!("D{n}");
            out.push_str("<div class=\"doc-body\">\n");
            let _ = write!(
                out,
                "<div class=\"src\" tabindex=\"0\" role=\"region\" aria-label=\"Original text of {}\"><pre>",
                esc(&document.path)
            );
            source_html(out, source, record, &prefix);
            out.push_str("</pre></div>\n<div class=\"records\">\n");
            records_html(out, record, &prefix);
            out.push_str("</div>\n</div>\n");
        }
    }
    out.push_str("<p class=\"top\"><a href=\"#index\">↑ Documents</a></p>\n</section>\n");
}

fn marks(record: &Record, source: &SourceText, prefix: &str) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut add = |span: Span, kind: Kind, ids: Vec<String>| {
        let (start, end) = source.range(span);
        marks.push(Mark {
            start,
            end,
            kind,
            ids,
        });
    };
    for (i, p) in record.participants.iter().enumerate() {
        add(p.span, Kind::Participant, vec![format!("{prefix}-p{i}")]);
    }
    for (i, u) in record.unnamed_representatives.iter().enumerate() {
        add(u.span, Kind::Unnamed, vec![format!("{prefix}-u{i}")]);
    }
    for (i, t) in record.interventions.iter().enumerate() {
        add(t.span, Kind::Intervention, vec![format!("{prefix}-i{i}")]);
    }
    for (i, d) in record.dates.iter().enumerate() {
        add(d.span, Kind::Date, vec![format!("{prefix}-d{i}")]);
    }
    for (i, f) in record.figures.iter().enumerate() {
        add(f.span, Kind::Figure, vec![format!("{prefix}-f{i}")]);
    }
    for (i, label) in record.labels.iter().enumerate() {
        for (j, e) in label.events.iter().enumerate() {
            add(
                e.span,
                Kind::Label,
                vec![format!("{prefix}-l{i}e{j}"), format!("{prefix}-l{i}")],
            );
        }
    }
    for (i, r) in record.repairs.iter().enumerate() {
        add(r.span, Kind::Repair, vec![format!("{prefix}-r{i}")]);
    }
    for (i, s) in record.suggestions.iter().enumerate() {
        add(s.span, Kind::Suggestion, vec![format!("{prefix}-s{i}")]);
    }
    marks
}

/// The original text, cut into runs at every mark boundary. At each position come, in
/// order: the corrections of repairs ending there, the anchors of marks starting there,
/// then the run starting there.
fn source_html(out: &mut String, source: &SourceText, record: &Record, prefix: &str) {
    let text = source.as_str();
    let mut marks = marks(record, source, prefix);
    marks.sort_by_key(|m| m.start);
    let mut inserts: BTreeMap<usize, String> = BTreeMap::new();
    for (i, r) in record.repairs.iter().enumerate() {
        let (_, end) = source.range(r.span);
        let _ = write!(
            inserts.entry(end).or_default(),
            "<ins class=\"fix\" data-ids=\"{prefix}-r{i}\" title=\"{}\">{}</ins>",
            esc(&repair_title("repaired", r)),
            esc(&r.after)
        );
    }
    for (i, s) in record.suggestions.iter().enumerate() {
        let (_, end) = source.range(s.span);
        let _ = write!(
            inserts.entry(end).or_default(),
            "<ins class=\"sugg\" data-ids=\"{prefix}-s{i}\" title=\"{}\">{}?</ins>",
            esc(&repair_title("suggested, not applied", s)),
            esc(&s.after)
        );
    }
    let mut anchors: BTreeMap<usize, String> = BTreeMap::new();
    let mut anchored = std::collections::HashSet::new();
    for mark in &marks {
        for id in mark.ids.iter().filter(|id| anchored.insert(id.as_str())) {
            let _ = write!(
                anchors.entry(mark.start).or_default(),
                "<span class=\"anchor\" id=\"{id}\"></span>"
            );
        }
    }
    let mut cuts: Vec<usize> = marks
        .iter()
        .flat_map(|m| [m.start, m.end])
        .chain([0, text.len()])
        .collect();
    cuts.extend(inserts.keys());
    cuts.sort_unstable();
    cuts.dedup();
    // Sweep: `open` holds the marks covering the current run. Every mark end is a cut, so a
    // mark open at `a` covers the whole run up to the next cut.
    let mut open: Vec<&Mark> = Vec::new();
    let mut next = 0;
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        open.retain(|m| m.end > a);
        while next < marks.len() && marks[next].start <= a {
            if marks[next].end > a {
                open.push(&marks[next]);
            }
            next += 1;
        }
        if let Some(html) = inserts.get(&a) {
            out.push_str(html);
        }
        if let Some(html) = anchors.get(&a) {
            out.push_str(html);
        }
        let run = esc(&text[a..b]);
        if open.is_empty() {
            out.push_str(&run);
            continue;
        }
        let mut classes: Vec<&str> = open.iter().map(|m| m.kind.class()).collect();
        classes.sort_unstable();
        classes.dedup();
        let ids: Vec<&str> = open
            .iter()
            .flat_map(|m| m.ids.iter().map(String::as_str))
            .collect();
        let tag = if classes.contains(&Kind::Repair.class()) {
            "del"
        } else {
            "span"
        };
        let _ = write!(
            out,
            "<{tag} class=\"m {}\" data-ids=\"{}\">{run}</{tag}>",
            classes.join(" "),
            ids.join(" ")
        );
    }
    if let Some(html) = inserts.get(&text.len()) {
        out.push_str(html);
    }
}

fn repair_title(what: &str, r: &Repair) -> String {
    format!(
        "{what}: «{}» → «{}» ({}, confidence {:.2})",
        r.before, r.after, r.rule, r.confidence
    )
}

/// A record's link to its place in the text: a fragment link without JS, highlighting
/// with it. Records with an empty span have no place to show.
fn link(out: &mut String, target: &str, span: Span, text: &str) {
    if span.is_empty() {
        out.push_str(&esc(text));
    } else {
        let _ = write!(
            out,
            "<a class=\"rec\" href=\"#{target}\" data-target=\"{target}\">{}</a>",
            esc(text)
        );
    }
}

/// An enum's name as the JSON output spells it (`excused`, `label_obtained`).
fn json_name(value: impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn opt(value: &Option<String>) -> String {
    esc(value.as_deref().unwrap_or(""))
}

fn records_html(out: &mut String, record: &Record, prefix: &str) {
    meeting_html(out, record);
    if !record.agenda.is_empty() {
        out.push_str("<h3>Agenda</h3><ol class=\"agenda\">");
        for item in &record.agenda {
            let _ = write!(out, "<li>{}</li>", esc(item));
        }
        out.push_str("</ol>\n");
    }

    let _ = writeln!(out, "<h3>Participants ({})</h3>", record.participants.len());
    if !record.participants.is_empty() {
        out.push_str(
            "<div class=\"scroll\"><table class=\"people\"><thead><tr><th scope=\"col\">Name</th>\
             <th scope=\"col\">Role</th><th scope=\"col\">Organisation</th><th scope=\"col\">Attendance</th></tr></thead>\n",
        );
        // The group is the list heading: shown once above its entries, as the document does.
        let mut group: Option<&Option<String>> = None;
        for (i, p) in record.participants.iter().enumerate() {
            if group != Some(&p.group) {
                if group.is_some() {
                    out.push_str("</tbody>");
                }
                group = Some(&p.group);
                out.push_str("<tbody>");
                if let Some(heading) = &p.group {
                    let _ = write!(
                        out,
                        "<tr class=\"group\"><th colspan=\"4\" scope=\"rowgroup\">{}</th></tr>",
                        esc(heading)
                    );
                }
            }
            let name = match p.civility {
                Some(civility) => format!("{civility} {}", p.display_name()),
                None => p.display_name(),
            };
            let attendance = json_name(p.attendance);
            out.push_str("<tr class=\"row\"><td class=\"name\">");
            link(out, &format!("{prefix}-p{i}"), p.span, &name);
            let _ = writeln!(
                out,
                "</td><td>{}</td><td>{}</td><td class=\"att-{attendance}\">{attendance}</td></tr>",
                opt(&p.role),
                opt(&p.organization)
            );
        }
        out.push_str("</tbody></table></div>\n");
    }
    if !record.unnamed_representatives.is_empty() {
        out.push_str("<h4>Represented without a name</h4><ul>");
        for (i, u) in record.unnamed_representatives.iter().enumerate() {
            out.push_str("<li>");
            let attendance = json_name(u.attendance);
            link(
                out,
                &format!("{prefix}-u{i}"),
                u.span,
                u.organization.as_deref().unwrap_or("(unnamed)"),
            );
            let _ = write!(out, " — {attendance}</li>");
        }
        out.push_str("</ul>\n");
    }

    labels_html(out, record, prefix);

    let _ = writeln!(out, "<h3>Figures ({})</h3>", record.figures.len());
    if !record.figures.is_empty() {
        out.push_str(
            "<div class=\"scroll\"><table class=\"figures\"><thead><tr><th scope=\"col\">Figure</th><th scope=\"col\" class=\"num\">Value</th>\
             <th scope=\"col\">Kind</th><th scope=\"col\">Unit</th><th scope=\"col\">Sentence</th></tr></thead><tbody>\n",
        );
        for (i, f) in record.figures.iter().enumerate() {
            let kind = json_name(f.kind);
            out.push_str("<tr class=\"row\"><td>");
            link(out, &format!("{prefix}-f{i}"), f.span, &f.text);
            let _ = writeln!(
                out,
                "</td><td class=\"num\">{}</td><td>{kind}</td><td>{}</td><td class=\"sentence\">{}</td></tr>",
                f.value,
                opt(&f.unit),
                esc(&f.context)
            );
        }
        out.push_str("</tbody></table></div>\n");
    }

    let _ = writeln!(out, "<h3>Dates ({})</h3>", record.dates.len());
    if !record.dates.is_empty() {
        out.push_str(
            "<div class=\"scroll\"><table class=\"dates\"><thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Value</th>\
             <th scope=\"col\">Role</th></tr></thead><tbody>\n",
        );
        for (i, d) in record.dates.iter().enumerate() {
            let role = d.role.map(json_name).unwrap_or_default();
            out.push_str("<tr class=\"row\"><td>");
            link(out, &format!("{prefix}-d{i}"), d.span, &d.text);
            let _ = writeln!(
                out,
                "</td><td><time>{}</time></td><td>{}</td></tr>",
                esc(&d.value),
                esc(&role.replace('_', " "))
            );
        }
        out.push_str("</tbody></table></div>\n");
    }

    if !record.interventions.is_empty() {
        let _ = write!(
            out,
            "<h3>Interventions ({})</h3><ul class=\"interventions\">",
            record.interventions.len()
        );
        for (i, t) in record.interventions.iter().enumerate() {
            out.push_str("<li>");
            link(out, &format!("{prefix}-i{i}"), t.span, &t.speaker);
            let said: String = t.text.chars().take(160).collect();
            let more = if said.len() < t.text.len() { "…" } else { "" };
            let _ = write!(out, " {}{more}</li>", esc(&said));
        }
        out.push_str("</ul>\n");
    }

    repairs_html(out, "Repairs", "r", &record.repairs, prefix);
    repairs_html(
        out,
        "Suggestions not applied",
        "s",
        &record.suggestions,
        prefix,
    );

    let _ = writeln!(out, "<h3>Warnings ({})</h3>", record.warnings.len());
    if !record.warnings.is_empty() {
        out.push_str("<ul class=\"warnings\">");
        for w in &record.warnings {
            let _ = write!(out, "<li>{}</li>", esc(w));
        }
        out.push_str("</ul>\n");
    }
}

fn meeting_html(out: &mut String, record: &Record) {
    let m = &record.meeting;
    let d = &record.document;
    let times = match (&m.start_time, &m.end_time) {
        (Some(s), Some(e)) => Some(format!("{s}–{e}")),
        (Some(s), None) => Some(s.clone()),
        (None, Some(e)) => Some(format!("until {e}")),
        (None, None) => None,
    };
    let signatory = match (&d.signatory.name, &d.signatory.role) {
        (Some(n), Some(r)) => Some(format!("{n}, {r}")),
        (n, r) => n.clone().or(r.clone()),
    };
    let contact: Vec<&str> = [&d.contact.name, &d.contact.phone, &d.contact.email]
        .iter()
        .filter_map(|v| v.as_deref())
        .collect();
    let source = format!(
        "{} bytes, {}, {}, sha256 {}",
        record.source.bytes,
        record.source.encoding,
        json_name(record.source.format),
        &record.source.sha256[..12.min(record.source.sha256.len())]
    );
    let rows: [(&str, Option<String>); 12] = [
        ("Committee", m.committee.clone()),
        ("Authority", m.authority.clone()),
        ("Department", department(record)),
        ("Meeting date", m.date.clone()),
        ("Time", times),
        ("Place", m.place.clone()),
        ("Chair", m.chair.clone()),
        (
            "Issued",
            match (&d.issued_date, &d.issued_place) {
                (Some(date), Some(place)) => Some(format!("{place}, {date}")),
                (date, place) => date.clone().or(place.clone()),
            },
        ),
        ("Signatory", signatory),
        (
            "Contact",
            (!contact.is_empty()).then(|| contact.join(" · ")),
        ),
        ("Source", Some(source)),
        (
            "Suggestions",
            (!record.suggestions.is_empty()).then(|| record.suggestions.len().to_string()),
        ),
    ];
    out.push_str("<h3>Meeting</h3><dl class=\"meeting\">");
    for (label, value) in rows {
        if let Some(value) = value {
            let _ = write!(out, "<dt>{label}</dt><dd>{}</dd>", esc(&value));
        }
    }
    out.push_str("</dl>\n");
}

/// The labels, then all their dated events on one timeline in date order.
fn labels_html(out: &mut String, record: &Record, prefix: &str) {
    let _ = writeln!(out, "<h3>Labels ({})</h3>", record.labels.len());
    if record.labels.is_empty() {
        return;
    }
    out.push_str("<ul class=\"labels\">");
    for (i, label) in record.labels.iter().enumerate() {
        out.push_str("<li>");
        let span = label.events.first().map_or(Span::default(), |e| e.span);
        link(out, &format!("{prefix}-l{i}"), span, &label.name);
        let _ = write!(out, " <span class=\"muted\">{} mention(s)", label.mentions);
        if !label.modules.is_empty() {
            let modules: Vec<String> = label.modules.iter().map(|m| esc(m)).collect();
            let _ = write!(out, "; modules: {}", modules.join(", "));
        }
        out.push_str("</span></li>");
    }
    out.push_str("</ul>\n");
    let mut events: Vec<(&str, usize, usize)> = Vec::new();
    for (i, label) in record.labels.iter().enumerate() {
        for (j, event) in label.events.iter().enumerate() {
            events.push((event.date.as_str(), i, j));
        }
    }
    if events.is_empty() {
        return;
    }
    events.sort();
    out.push_str("<ol class=\"timeline\" aria-label=\"Label events by date\">");
    for (date, i, j) in events {
        let label = &record.labels[i];
        let event = &label.events[j];
        let kind = json_name(event.kind);
        let _ = write!(
            out,
            "<li class=\"ev-{kind}\"><time>{}</time> <span class=\"ev\">{kind}</span> ",
            esc(date)
        );
        link(out, &format!("{prefix}-l{i}e{j}"), event.span, &label.name);
        let _ = write!(
            out,
            " <span class=\"muted\">«{}»</span></li>",
            esc(&event.text)
        );
    }
    out.push_str("</ol>\n");
}

fn repairs_html(out: &mut String, title: &str, letter: &str, repairs: &[Repair], prefix: &str) {
    if repairs.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<h3>{title} ({})</h3>\n<div class=\"scroll\"><table class=\"repairs\"><thead><tr><th scope=\"col\">Original</th>\
         <th scope=\"col\">Correction</th><th scope=\"col\">Rule</th><th scope=\"col\" class=\"num\">Confidence</th></tr></thead><tbody>\n",
        repairs.len()
    );
    for (i, r) in repairs.iter().enumerate() {
        out.push_str("<tr class=\"row\"><td>");
        link(
            out,
            &format!("{prefix}-{letter}{i}"),
            r.span,
            &r.before.replace('\n', "⏎"),
        );
        let _ = writeln!(
            out,
            "</td><td>{}</td><td>{}</td><td class=\"num\">{:.2}</td></tr>",
            esc(&r.after.replace('\n', "⏎")),
            esc(&r.rule),
            r.confidence
        );
    }
    out.push_str("</tbody></table></div>\n");
}

/// Escapes text for HTML content and quoted attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Standard base64 with padding, for the script's hash in the Content-Security-Policy.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_known_values() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn byte_spans_map_to_decoded_text() {
        let bytes = b"Pr\xe9fet de l'\xc9tat";
        let decoded = decode::decode(bytes, None).unwrap();
        let source = SourceText::new(&decoded.text);
        let (start, end) = source.range(Span::new(12, 16));
        assert_eq!(&source.as_str()[start..end], "État");
    }
}
