//! A human summary of a corpus, built one record at a time (records as `clu extract`
//! writes them): documents per department and year, meetings per committee type, the
//! label timeline, and the most frequent organisations.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write;

#[derive(Debug, Default)]
pub struct Stats {
    pub documents: usize,
    pub errors: usize,
    pub participants: usize,
    /// Department (`code name`, or `?`) → year (or `?`) → documents.
    per_department: BTreeMap<String, BTreeMap<String, usize>>,
    committees: BTreeMap<String, usize>,
    /// (date, department, label): each obtained label once per department and date.
    timeline: BTreeSet<(String, String, String)>,
    /// Folded name → (spelling first seen, participants).
    organisations: HashMap<String, (String, usize)>,
}

fn text<'a>(v: &'a Value, pointer: &str) -> Option<&'a str> {
    v.pointer(pointer)
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
}

impl Stats {
    pub fn add(&mut self, record: &Value) {
        if record.get("error").is_some() {
            self.errors += 1;
            return;
        }
        self.documents += 1;
        let department = match (
            text(record, "/meeting/department/code"),
            text(record, "/meeting/department/name"),
        ) {
            (Some(code), Some(name)) => format!("{code} {name}"),
            _ => "?".to_string(),
        };
        // The meeting's year, else the year the minutes were issued.
        let date = text(record, "/meeting/date").or_else(|| text(record, "/document/issued_date"));
        let year = date.and_then(|d| d.get(..4)).unwrap_or("?").to_string();
        *self
            .per_department
            .entry(department.clone())
            .or_default()
            .entry(year)
            .or_default() += 1;
        let committee = text(record, "/meeting/committee")
            .unwrap_or("?")
            .to_string();
        *self.committees.entry(committee).or_default() += 1;
        for label in record
            .get("labels")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let name = text(label, "/name").unwrap_or("?");
            for event in label
                .get("events")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                if let (Some("obtained"), Some(date)) = (text(event, "/kind"), text(event, "/date"))
                {
                    self.timeline
                        .insert((date.to_string(), department.clone(), name.to_string()));
                }
            }
        }
        let participants = record
            .get("participants")
            .and_then(Value::as_array)
            .into_iter()
            .flatten();
        let unnamed = record
            .get("unnamed_representatives")
            .and_then(Value::as_array)
            .into_iter()
            .flatten();
        for p in participants.chain(unnamed) {
            self.participants += 1;
            if let Some(org) = text(p, "/organization") {
                let org = org.split_whitespace().collect::<Vec<_>>().join(" ");
                let key = crate::departments::fold(&org);
                self.organisations.entry(key).or_insert_with(|| (org, 0)).1 += 1;
            }
        }
    }

    /// The summary as text, with at most `top` organisations.
    pub fn render(&self, top: usize) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = self.write(&mut out, top);
        out
    }

    fn write(&self, out: &mut String, top: usize) -> std::fmt::Result {
        writeln!(
            out,
            "{} document(s), {} error(s), {} participant(s)",
            self.documents, self.errors, self.participants
        )?;
        writeln!(out, "\nDocuments per department and year")?;
        for (department, years) in &self.per_department {
            let total: usize = years.values().sum();
            let years: Vec<String> = years.iter().map(|(y, n)| format!("{y}: {n}")).collect();
            writeln!(out, "  {department:<32} {total:>6}   {}", years.join(", "))?;
        }
        writeln!(out, "\nMeetings per committee type")?;
        for (committee, n) in &self.committees {
            writeln!(out, "  {committee:<8} {n:>6}")?;
        }
        writeln!(out, "\nLabel timeline (obtained)")?;
        if self.timeline.is_empty() {
            writeln!(out, "  (none)")?;
        }
        for (date, department, label) in &self.timeline {
            writeln!(out, "  {date:<10}  {department:<32} {label}")?;
        }
        writeln!(out, "\nMost frequent organisations")?;
        let mut orgs: Vec<&(String, usize)> = self.organisations.values().collect();
        orgs.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        if orgs.is_empty() {
            writeln!(out, "  (none)")?;
        }
        for (name, n) in orgs.into_iter().take(top) {
            writeln!(out, "  {n:>6}  {name}")?;
        }
        Ok(())
    }
}
