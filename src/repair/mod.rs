//! OCR repair: proposes [`Edit`]s that undo the typical damage Tesseract does to French
//! administrative prose. Each rule is about an OCR phenomenon; every word rule checks the
//! embedded [`Lexicon`]. Proposals below 0.5 confidence are suggestions for the pipeline.

mod context;
mod elision;
mod layout;
mod names;
mod tokens;
mod word;

use std::collections::HashMap;

use crate::edit::Edit;
use crate::lexicon::Lexicon;
use tokens::{is_all_caps, is_capitalised, Token};

pub use word::{correct, Fix, Kind, Reach};

/// Sorted, non-overlapping edits of `text`, both confident ones and suggestions.
pub fn propose(text: &str) -> Vec<Edit> {
    let doc = Doc::new(text);
    let mut done = vec![false; doc.tokens.len()];
    let mut edits = Vec::new();
    layout::propose(&doc, &mut done, &mut edits);
    elision::propose(&doc, &mut done, &mut edits);
    context::propose(&doc, &mut done, &mut edits);
    names::propose(&doc, &mut done, &mut edits);
    words(&doc, &done, &mut edits);
    resolve(text, edits)
}

/// The text with what the rules need to know about it.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token<'a>>,
    pub protected: Vec<(usize, usize)>,
    /// Occurrences of each token spelling: a spelling seen often is probably deliberate.
    pub counts: HashMap<&'a str, usize>,
    /// The apostrophe the document mostly uses, for the ones the repair inserts.
    pub apostrophe: char,
    /// The document writes accented capitals (`État`, `À`) at least as often as it omits them.
    pub accents_capitals: bool,
}

impl<'a> Doc<'a> {
    fn new(text: &'a str) -> Self {
        let tokens = tokens::tokenize(text);
        let mut counts = HashMap::new();
        for t in &tokens {
            *counts.entry(t.text).or_insert(0) += 1;
        }
        let curly = text.matches('\u{2019}').count();
        let straight = text.matches('\'').count();
        let apostrophe = if curly > straight { '\u{2019}' } else { '\'' };
        let accents_capitals = accents_capitals(&tokens);
        Doc { text, protected: tokens::protected_spans(text), tokens, counts, apostrophe, accents_capitals }
    }

    /// Text between token `i` and token `i + 1` (or the end).
    pub fn gap_after(&self, i: usize) -> &'a str {
        let end = self.tokens.get(i + 1).map_or(self.text.len(), |t| t.start);
        &self.text[self.tokens[i].end..end]
    }

    /// Text between token `i - 1` (or the start) and token `i`.
    pub fn gap_before(&self, i: usize) -> &'a str {
        let start = if i == 0 { 0 } else { self.tokens[i - 1].end };
        &self.text[start..self.tokens[i].start]
    }

    pub fn protected(&self, i: usize) -> bool {
        tokens::is_protected(&self.protected, self.tokens[i].start, self.tokens[i].end)
    }

    /// Whether token `i` opens a sentence, a line or a list item, where a capital is expected.
    pub fn sentence_start(&self, i: usize) -> bool {
        let before = self.text[..self.tokens[i].start].trim_end_matches([' ', '\t']);
        match before.chars().next_back() {
            None => true,
            Some(c) => "\n.!?:;•·-–—*()«\"".contains(c),
        }
    }

    pub fn count(&self, i: usize) -> usize {
        self.counts.get(self.tokens[i].text).copied().unwrap_or(0)
    }
}

/// Compares words written with an accented initial capital to words whose lexicon form has
/// one but that are written without it.
fn accents_capitals(tokens: &[Token]) -> bool {
    let lex = Lexicon::get();
    let (mut with, mut without) = (0, 0);
    for t in tokens {
        match t.text.chars().next() {
            Some('É' | 'À' | 'È' | 'Ê' | 'Ô' | 'Î' | 'Ç') => with += 1,
            Some('E' | 'A' | 'O' | 'I' | 'C') if is_capitalised(t.text) && t.text.len() > 2 => {
                let lower = t.text.to_lowercase();
                if !lex.contains(&lower) && lex.forms_of_fold(&lower).first().is_some_and(|(f, _)| !f.starts_with(&lower[..1])) {
                    without += 1;
                }
            }
            _ => {}
        }
    }
    with >= without
}

/// Lexicon corrections of unknown words no span rule has claimed.
fn words(doc: &Doc, done: &[bool], edits: &mut Vec<Edit>) {
    let lex = Lexicon::get();
    for (i, t) in doc.tokens.iter().enumerate() {
        if done[i] || !worth_checking(t.text) || doc.protected(i) {
            continue;
        }
        if in_compound(doc, i) || ABBREVIATIONS.contains(&t.text) {
            continue;
        }
        let lower = t.text.to_lowercase();
        if let Some(freq) = lex.freq(&lower) {
            real_word(doc, i, &lower, freq, edits);
            continue;
        }
        let capitalised = is_capitalised(t.text);
        let reach = if capitalised && !first_is_confusable(t.text) { Reach::Safe } else { Reach::Full };
        let Some(fix) = word::correct(&lower, reach) else { continue };
        let mut confidence = fix.confidence;
        if fix.kind != Kind::Accent {
            // A spelling the document repeats, or a part of a hyphenated name (`Qual-e-pref`),
            // is deliberate more often than not; so are short capitalised words.
            let hyphenated = doc.gap_before(i).ends_with('-') || doc.gap_after(i).starts_with('-');
            let short_capital = capitalised && !first_is_confusable(t.text) && lower.chars().count() < 5;
            match doc.count(i) {
                _ if hyphenated || short_capital => continue,
                n if n >= 3 => continue,
                2 => confidence -= 0.2,
                _ => {}
            }
        } else if capitalised && fix.form.chars().next() != lower.chars().next() && !doc.accents_capitals {
            // `Etat` → `État` only in a document that accents its capitals elsewhere.
            confidence = confidence.min(0.45);
        }
        let after = apply_case(t.text, &fix.form, doc.sentence_start(i));
        if after == t.text {
            continue;
        }
        let rule = match fix.kind {
            Kind::Accent => "accent",
            Kind::Confusion(_) => "ocr-confusion",
            Kind::Near => "ocr-near",
        };
        edits.push(Edit::new(t.start, t.end, after, rule, confidence));
    }
}

/// Parts of a lexicon compound (`aujourd'hui`, `peut-être`) look unknown on their own.
fn in_compound(doc: &Doc, i: usize) -> bool {
    let joined = |a: usize| {
        let gap = doc.gap_after(a);
        a + 1 < doc.tokens.len()
            && matches!(gap, "-" | "'" | "\u{2019}")
            && Lexicon::get().contains(&format!("{}{}{}", doc.tokens[a].text, gap, doc.tokens[a + 1].text).to_lowercase().replace('\u{2019}', "'"))
    };
    joined(i) || (i > 0 && joined(i - 1))
}

/// Abbreviations the lexicon lacks, common in minutes.
const ABBREVIATIONS: &[&str] = &["Mme", "Mmes", "Mlle", "Mlles", "MM", "Dr", "Me", "Pr", "Cie", "Sté", "Vve", "cf", "etc", "Ets"];

/// A rare word one glyph confusion from a frequent one (`colts`/`coûts`) is only suggested.
fn real_word(doc: &Doc, i: usize, lower: &str, freq: u16, edits: &mut Vec<Edit>) {
    let t = doc.tokens[i];
    if freq >= 250 || doc.count(i) > 1 || t.text != lower || lower.chars().count() < 4 {
        return;
    }
    if let Some(form) = word::frequent_neighbour(lower, freq) {
        edits.push(Edit::new(t.start, t.end, form, "real-word", 0.35));
    }
}

/// Tokens the word rules consider: letters in lowercase or capitalised words, allowing the
/// glyphs OCR puts for letters; not acronyms, codes or numbers.
fn worth_checking(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || is_all_caps(word) {
        return false;
    }
    let odd = word.chars().filter(|c| !c.is_alphabetic()).count();
    if odd > 0 && (letters < 3 || odd > 1 || word.chars().any(|c| c.is_ascii_digit() && !"016".contains(c))) {
        return false;
    }
    let rest_upper = word.chars().skip(1).any(|c| c.is_uppercase());
    !rest_upper
}

/// `I`, `|`, `1`, `l` at the start of a word are often each other: their case says nothing.
fn first_is_confusable(word: &str) -> bool {
    word.starts_with(['I', '|', '1', 'l'])
}

/// Carry the input's capitalisation onto the corrected form.
pub(crate) fn apply_case(orig: &str, form: &str, sentence_start: bool) -> String {
    let orig_first = orig.chars().next().unwrap_or(' ');
    let form_first = form.chars().next().unwrap_or(' ');
    let upper = if first_is_confusable(orig) && orig_first.to_lowercase().next() != Some(form_first) {
        sentence_start
    } else {
        orig_first.is_uppercase()
    };
    if upper {
        capitalise(form)
    } else {
        form.to_string()
    }
}

pub(crate) fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Drop no-op edits, keep the most confident of overlapping ones, sort by position.
fn resolve(text: &str, mut edits: Vec<Edit>) -> Vec<Edit> {
    edits.retain(|e| text.get(e.start..e.end).is_some_and(|s| s != e.after));
    edits.sort_by(|a, b| b.confidence.total_cmp(&a.confidence).then(a.start.cmp(&b.start)));
    let mut kept: Vec<Edit> = Vec::with_capacity(edits.len());
    for e in edits {
        let i = kept.partition_point(|k| k.start < e.start);
        let clash_before = i > 0 && kept[i - 1].end > e.start;
        let clash_after = i < kept.len() && kept[i].start < e.end.max(e.start + 1);
        if !clash_before && !clash_after {
            kept.insert(i, e);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_is_carried() {
        assert_eq!(apply_case("Etat", "état", false), "État");
        assert_eq!(apply_case("Ia", "la", false), "la");
        assert_eq!(apply_case("lls", "ils", true), "Ils");
        assert_eq!(apply_case("reunion", "réunion", true), "réunion");
    }

    #[test]
    fn overlapping_edits_keep_the_confident_one() {
        let text = "abcdef";
        let out = resolve(
            text,
            vec![Edit::new(0, 3, "x", "a", 0.5), Edit::new(2, 4, "y", "b", 0.9), Edit::new(4, 6, "z", "c", 0.6)],
        );
        assert_eq!(out.iter().map(|e| e.rule).collect::<Vec<_>>(), vec!["b", "c"]);
    }
}
