//! The letter `l` read as a mark glued to a short word: `!e courrier`, `de !a Moselle` (the
//! English model's `!` for `l`), `i] est suggéré`, `s’i! ne semble` (`]` and `!` for the `l` of
//! `il`). French glues no `!` before a word, nor a `]` or `!` to a lone `i`. And a capital `I`
//! read as a curly bracket (`{sabelle`, `{ndicateurs`).

use super::tokens::is_all_caps;
use super::Doc;
use crate::edit::Edit;
use crate::lexicon::Lexicon;

/// A word restored this way must be this common: `le`, `la`, `les`, `leur`, `lui`.
const COMMON: u16 = 500;

pub(super) fn propose(doc: &Doc, done: &mut [bool], edits: &mut Vec<Edit>) {
    for (i, t) in doc.tokens.iter().enumerate() {
        if done[i]
            || t.text.len() > 3
            || !t.text.bytes().all(|b| b.is_ascii_lowercase() || b == b'I')
        {
            continue;
        }
        let edit = bang_before(doc, i).or_else(|| mark_after_i(doc, i));
        if let Some(edit) = edit {
            done[i] = true;
            edits.push(edit);
        }
    }
    brace_for_capital_i(doc, done, edits);
}

/// `{sabelle`, `{ndicateurs`: a capital `I` whose serifs the scan thickened into a curly
/// bracket glued to the rest of its word. Only in a scan, when no bracket closes after it on
/// the line (then the `{` was a `(`, see `punct`), and when with the `I` it is a word the rest
/// is not, or a given name before a family name in capitals (`sabelle` is also a word).
fn brace_for_capital_i(doc: &Doc, done: &mut [bool], edits: &mut Vec<Edit>) {
    if memchr::memchr(b'{', doc.text.as_bytes()).is_none() || !doc.scan() {
        return;
    }
    let lexicon = Lexicon::get();
    for (i, t) in doc.tokens.iter().enumerate() {
        if done[i]
            || !doc.gap_before(i).ends_with('{')
            || !t.text.starts_with(|c: char| c.is_lowercase())
        {
            continue;
        }
        let brace = t.start - 1;
        let head = &doc.text[..brace];
        let line_rest = doc.text[t.end..].split('\n').next().unwrap_or_default();
        if !(head.is_empty() || head.ends_with([' ', '\n', '\t'])) || line_rest.contains([')', '}'])
        {
            continue;
        }
        let word = format!("I{}", t.text);
        let before_family = || {
            doc.gap_after(i) == " "
                && doc
                    .tokens
                    .get(i + 1)
                    .is_some_and(|next| is_all_caps(next.text))
        };
        // A given name may carry other damage (`{sabeîle`): the name rule's repair of it.
        let repaired = if before_family() {
            super::names::given_name(&word)
        } else {
            (doc.freq(i).is_none()
                && (lexicon.freq(&word.to_lowercase()).is_some() || lexicon.is_proper(&word)))
            .then_some(word)
        };
        if let Some(repaired) = repaired {
            done[i] = true;
            edits.push(Edit::new(brace, t.end, repaired, "brace-read-i", 0.75));
        }
    }
}

/// ` !e ` → ` le `: a `!` between a space and a lowercase word that is a common word with an `l`
/// in front.
fn bang_before(doc: &Doc, i: usize) -> Option<Edit> {
    let t = doc.tokens[i];
    let gap = doc.gap_before(i);
    let head = gap.strip_suffix('!')?;
    if !(head.ends_with([' ', '\n', '\t']) || i == 0 && head.is_empty())
        || !t.text.bytes().all(|b| b.is_ascii_lowercase())
    {
        return None;
    }
    if doc.tokens.get(i + 1).is_none() || !doc.gap_after(i).starts_with([' ', '\n']) {
        return None;
    }
    Lexicon::get()
        .freq(&format!("l{}", t.text))
        .filter(|&f| f >= COMMON)?;
    let bang = t.start - 1;
    let l = if doc.text[..bang].trim_end().ends_with(['.', '!', '?'])
        || doc.text[..bang].trim_end().is_empty()
    {
        "L"
    } else {
        "l"
    };
    Some(Edit::new(bang, t.start, l, "mark-read-l", 0.8))
}

/// `i]`, `I]`, `i!` before a lowercase word: the pronoun `il`, its `l` read as a mark. A `]`
/// closing a bracket opened on the line is left.
fn mark_after_i(doc: &Doc, i: usize) -> Option<Edit> {
    let t = doc.tokens[i];
    if !matches!(t.text, "i" | "I") {
        return None;
    }
    let gap = doc.gap_after(i);
    let mark = gap.chars().next().filter(|c| matches!(c, ']' | '!'))?;
    let next = doc.tokens.get(i + 1)?;
    if &gap[1..] != " " || !next.text.starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    let line_start = doc.text[..t.start].rfind('\n').map_or(0, |k| k + 1);
    if mark == ']' && doc.text[line_start..t.start].contains('[') {
        return None;
    }
    Some(Edit::new(t.end, t.end + 1, "l", "mark-read-l", 0.75))
}

#[cfg(test)]
mod tests {
    use crate::repair::applied;

    #[test]
    fn l_read_as_a_mark() {
        assert_eq!(
            applied("le SGCD qui gère !e courrier"),
            "le SGCD qui gère le courrier"
        );
        assert_eq!(
            applied("la préfecture de !a Moselle"),
            "la préfecture de la Moselle"
        );
        assert_eq!(
            applied("Par ailleurs, i] est suggéré"),
            "Par ailleurs, il est suggéré"
        );
        assert_eq!(
            applied("pas l’usager. I] vise à offrir"),
            "pas l’usager. Il vise à offrir"
        );
        assert_eq!(
            applied("à ce propos même s’i! ne semble pas"),
            "à ce propos même s’il ne semble pas"
        );
    }

    #[test]
    fn capital_i_read_as_a_curly_bracket() {
        let scan = "Le comlté a exarniné les rnembres du burcau.\n\nMme {sabeîle DURAND\n{ndicateurs de qualité\nun {non} et {association des maires)\n";
        assert_eq!(
            applied(scan),
            "Le comité a examiné les membres du bureau.\n\nMme Isabelle DURAND\nIndicateurs de qualité\nun {non} et (association des maires)\n"
        );
    }

    #[test]
    fn marks_that_are_marks_stay() {
        for text in [
            "Bravo !Il part",
            "Attention ! le délai",
            "voir [point i] de la note",
            "la note [i] précise",
            "un !xz mot",
        ] {
            assert_eq!(applied(text), text);
        }
    }
}
