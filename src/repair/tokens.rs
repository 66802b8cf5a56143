//! Word tokens of the text and the spans no rule may touch (e-mail addresses, URLs).

use crate::latin::Pattern;

/// A run of letters, digits and the glyphs OCR substitutes for letters (`|`, `¢`).
#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

pub fn is_word_char(c: char) -> bool {
    is_letter(c) || c.is_numeric() || c == '|' || c == '¢'
}

/// `char::is_alphabetic` with the Latin-1 letters (French accented ones) answered without the
/// Unicode table search, which costs about a hundred instructions a character.
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7f}' => false,
        'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ÿ' | 'ª' | 'µ' | 'º' => true,
        '\u{80}'..='\u{bf}' | '×' | '÷' => false,
        _ => c.is_alphabetic(),
    }
}

/// ASCII bytes that are word characters (letters, digits, `|`): most of a French text is
/// ASCII, and a table test per byte is far cheaper than decoding each character.
const ASCII_WORD: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'|' as usize;
        b += 1;
    }
    table
};

pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    // About one token per six bytes of prose.
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut start = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (word, len) = if b < 0x80 {
            (ASCII_WORD[b as usize], 1)
        } else {
            // `i` is a character boundary: ASCII bytes and whole characters are stepped over.
            let c = text[i..].chars().next().unwrap_or_default();
            (is_word_char(c), c.len_utf8())
        };
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                tokens.push(Token {
                    start: s,
                    end: i,
                    text: &text[s..i],
                });
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(s) = start {
        tokens.push(Token {
            start: s,
            end: text.len(),
            text: &text[s..],
        });
    }
    tokens
}

/// The lines of `text`, each with its `\n`, as `text.split_inclusive('\n')` yields them. The
/// line rules walk every line of every pass: `memchr` finds the line ends in a fraction of the
/// instructions the standard searcher spends on lines a few dozen bytes long.
pub fn lines_inclusive(text: &str) -> LinesInclusive<'_> {
    LinesInclusive { text, start: 0 }
}

pub struct LinesInclusive<'a> {
    text: &'a str,
    start: usize,
}

impl<'a> Iterator for LinesInclusive<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = &self.text.as_bytes()[self.start..];
        if rest.is_empty() {
            return None;
        }
        let end = memchr::memchr(b'\n', rest).map_or(self.text.len(), |n| self.start + n + 1);
        // `\n` is ASCII, so both ends are character boundaries.
        let line = &self.text[self.start..end];
        self.start = end;
        Some(line)
    }
}

/// Byte ranges of e-mail addresses, URLs and domain names, sorted.
pub fn protected_spans(text: &str) -> Vec<(usize, usize)> {
    // ASCII word boundaries: with Unicode ones the regex crate falls back to its slowest
    // engine, and the addresses matched here are ASCII anyway. A `Pattern`, because `\w`
    // under `(?i)` made this the costliest regex to build (18 M instructions, 2 M cut).
    static RE: Pattern = Pattern::new(
        r"(?i)[\w.+-]+@[\w-]+(?:\.[\w-]+)*|(?-u:\b)(?:https?://|www\.)\S+|(?-u:\b)[\w-]+(?:\.[\w-]+)*\.(?:fr|com|org|net|eu|gouv|info)(?-u:\b)(?:/\S*)?",
    );
    // No match crosses a line, and each needs an `@`, a `://` or a dot before a letter: the
    // regex only runs on the few lines that have one.
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut searched_to = 0;
    for at in memchr::memchr3_iter(b'@', b'.', b':', bytes) {
        let next = bytes.get(at + 1).copied().unwrap_or(b' ');
        let candidate = match bytes[at] {
            b'@' => true,
            b'.' => next.is_ascii_alphabetic(),
            _ => bytes[at + 1..].starts_with(b"//"),
        };
        if !candidate || at < searched_to {
            continue;
        }
        let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |n| n + 1);
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(text.len(), |n| at + n);
        // Line ends are ASCII, so both bounds are character boundaries.
        let line = &text[start..end];
        spans.extend(
            RE.regex(line)
                .find_iter(line)
                .map(|m| (start + m.start(), start + m.end())),
        );
        searched_to = end;
    }
    spans
}

/// Apostrophes between two letters (elisions, `aujourd’hui`): (curly `’`, straight `'`).
pub fn inner_apostrophes(text: &str) -> (usize, usize) {
    let (mut curly, mut straight) = (0, 0);
    let bytes = text.as_bytes();
    // `'` and the first byte of `’` (E2 80 99), found with `memchr`.
    for i in memchr::memchr2_iter(b'\'', 0xE2, bytes) {
        let len = if bytes[i] == b'\'' {
            1
        } else if bytes[i..].starts_with("\u{2019}".as_bytes()) {
            3
        } else {
            continue;
        };
        if between_letters(text, i, len) {
            if len == 1 {
                straight += 1;
            } else {
                curly += 1;
            }
        }
    }
    (curly, straight)
}

/// Whether `text[i..i + len]` has a letter on both sides; `1` and `|` count on the left, where
/// they are the `l` of an article (`1'avis`) that another rule restores.
pub fn between_letters(text: &str, i: usize, len: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphabetic() || c == '1' || c == '|')
        && text[i + len..]
            .chars()
            .next()
            .is_some_and(char::is_alphabetic)
}

pub fn is_protected(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    let i = spans.partition_point(|s| s.1 <= start);
    i < spans.len() && spans[i].0 < end
}

/// Every letter is uppercase (acronyms, family names in capitals).
pub fn is_all_caps(word: &str) -> bool {
    if word.is_ascii() {
        // The same test on bytes, for the usual ASCII token, in one pass that stops at the
        // first lowercase letter.
        let mut capitals = 0;
        for &c in word.as_bytes() {
            if c.is_ascii_lowercase() {
                return false;
            }
            capitals += usize::from(c.is_ascii_uppercase());
        }
        return capitals >= 2;
    }
    word.chars().filter(|&c| is_letter(c)).count() >= 2
        && word.chars().all(|c| !is_letter(c) || c.is_uppercase())
}

/// First letter uppercase, the others lowercase. Inlined: the name rule asks it of every
/// token, and most answer at the first byte.
#[inline]
pub fn is_capitalised(word: &str) -> bool {
    let b = word.as_bytes();
    match b.first() {
        // An ASCII first byte decides the first letter without decoding (most tokens are
        // lowercase words); an ASCII rest is tested on bytes.
        Some(c) if c.is_ascii() && !c.is_ascii_uppercase() => return false,
        Some(c) if c.is_ascii_uppercase() && b[1..].is_ascii() => {
            return !b[1..].iter().any(u8::is_ascii_uppercase)
        }
        _ => {}
    }
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_uppercase()) && chars.all(|c| !c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::{is_letter, lines_inclusive, protected_spans};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn lines_are_split_inclusive(text in "[a\\né’ \r]{0,40}") {
            let ours: Vec<&str> = lines_inclusive(&text).collect();
            let std: Vec<&str> = text.split_inclusive('\n').collect();
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn latin1_letters_as_unicode_says() {
        for c in (0..0x250u32).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn addresses_found_line_by_line() {
        let text = "Contact : anne.dupont@aisne.gouv.fr\nSans adresse ici. Fin.\nSite www.aisne.gouv.fr et https://exemple.fr/page\n";
        let found: Vec<&str> = protected_spans(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(
            found,
            [
                "anne.dupont@aisne.gouv.fr",
                "www.aisne.gouv.fr",
                "https://exemple.fr/page"
            ]
        );
    }
}
