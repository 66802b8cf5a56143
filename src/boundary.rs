//! Patterns that must start a word. A Unicode `\b` makes the regex crate's DFAs give up at
//! the first non-ASCII byte, so over French text every search with one runs on its slowest
//! engine. These run the pattern without the `\b` and check the word start by hand, with
//! the results the pattern with `\b` would give. The pattern must only match from a word
//! character, so that `\b` before it means "no word character before".

use regex::{Match, Regex};

use crate::latin::{Found, Window};

/// Whether no word character (as the regex crate's `\w`) comes right before `at`.
pub fn word_starts_at(text: &str, at: usize) -> bool {
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(regex_syntax::is_word_character)
}

/// Whether no word character comes right after `at`: a `\b` after a match ending on one.
pub fn word_ends_at(text: &str, at: usize) -> bool {
    !text[at..]
        .chars()
        .next()
        .is_some_and(regex_syntax::is_word_character)
}

/// The first match starting at or after `from` that starts a word. After a match that does
/// not, the search resumes one character further, so that a match starting inside it is
/// not missed.
pub fn find_at<'t>(re: &Regex, text: &'t str, from: usize) -> Option<Match<'t>> {
    first_at_word_start(text, from, |at| re.find_at(text, at), Match::start)
}

/// [`find_at`] for a [`Window`].
pub fn find_window_at<'t>(re: &Window, text: &'t str, from: usize) -> Option<Found<'t>> {
    let re = re.bind(text);
    first_at_word_start(text, from, |at| re.find_at(at), |m| m.start())
}

fn first_at_word_start<M>(
    text: &str,
    mut from: usize,
    find_at: impl Fn(usize) -> Option<M>,
    start: impl Fn(&M) -> usize,
) -> Option<M> {
    loop {
        let m = find_at(from)?;
        let at = start(&m);
        if word_starts_at(text, at) {
            return Some(m);
        }
        from = at + text[at..].chars().next().map_or(1, char::len_utf8);
    }
}

/// Whether `re` matches where `whole` matches are whole words: the pattern with `\b` on both
/// sides of the alternatives `whole` accepts. A match that is not whole only moves the search
/// on by a character: the pattern must have no other match from the same start that could
/// be (an optional ending that does not fit leaves a word character after the shorter form).
pub fn has_word_match(re: &Window, text: &str, whole: impl Fn(&str) -> bool) -> bool {
    let re = re.bind(text);
    let mut from = 0;
    while let Some(m) = re.find_at(from) {
        if !whole(m.as_str()) || (word_starts_at(text, m.start()) && word_ends_at(text, m.end())) {
            return true;
        }
        from = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// The successive non-overlapping matches that start a word, as `find_iter` gives them.
pub fn find_iter<'r, 't>(
    re: &'r Regex,
    text: &'t str,
) -> impl Iterator<Item = Match<'t>> + use<'r, 't> {
    let mut from = Some(0);
    std::iter::from_fn(move || {
        let m = find_at(re, text, from?)?;
        // Patterns used here never match the empty string, so the search moves on.
        from = Some(m.end());
        Some(m)
    })
}

/// [`find_iter`] for a [`Window`].
pub fn find_window_iter<'r, 't>(
    re: &'r Window,
    text: &'t str,
) -> impl Iterator<Item = Found<'t>> + use<'r, 't> {
    let re = re.bind(text);
    let mut from = Some(0);
    std::iter::from_fn(move || {
        let m = first_at_word_start(text, from?, |at| re.find_at(at), |m| m.start())?;
        from = Some(m.end());
        Some(m)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_matches_as_a_leading_word_boundary() {
        let with = Regex::new(r"\b(?:Monsieur|Mme|M)\s").unwrap();
        let without = Regex::new(r"(?:Monsieur|Mme|M)\s").unwrap();
        for text in [
            "M Dupont et éMme Durand, Monsieur X",
            "xMonsieur M Y",
            "àM , Mme  M\tZ",
            "",
        ] {
            let expected: Vec<_> = with.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(
                find_iter(&without, text)
                    .map(|m| m.range())
                    .collect::<Vec<_>>(),
                expected,
                "{text}"
            );
        }
    }

    #[test]
    fn whole_word_matches_as_word_boundaries_on_both_sides() {
        let with =
            Regex::new(r"(?i)\bCLU(?:AC)?\b|comit[ée]|\b(?:prochaine?|lors\s+du)\b").unwrap();
        let without = Window::new(r"(?i)CLU(?:AC)?|comit[ée]|prochaine?|lors\s+du");
        let whole = |m: &str| !m.to_lowercase().starts_with("comit");
        for text in [
            "",
            "le CLU",
            "CLUACé",
            "éclu",
            "CLUACS et clu",
            "prochaines",
            "prochainé",
            "xcomité",
            "lors  du",
            "lors dux",
            "ſéance",
        ] {
            assert_eq!(
                has_word_match(&without, text, whole),
                with.is_match(text),
                "{text}"
            );
        }
    }
}
