//! Small text helpers shared by the fact extractors (dates, figures, labels): accent folding,
//! blank detection and sentence bounds. Kept here so the three extractors agree on what a
//! "sentence" is without each re-splitting the text its own way.

use unicode_normalization::UnicodeNormalization;

/// Horizontal blanks, including the no-break and narrow no-break spaces French typography puts
/// before `%`, `€`, `:` and inside numbers.
pub(crate) fn is_hspace(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}'
    )
}

/// Lower case without diacritics, so that `FÉVRIER`, `fevrier` and `février` compare equal
/// (OCR and capitals routinely drop accents). Typographic apostrophes become `'`.
pub(crate) fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match fold_latin(c) {
            Some(f) => out.push(f),
            // Rare outside French letters: full decomposition, combining marks dropped.
            None => out.extend(
                c.nfd()
                    .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
                    .flat_map(char::to_lowercase),
            ),
        }
    }
    out
}

/// Fold of the characters French text is made of, without the cost of a decomposition
/// (this runs on every sentence a fact is found in). `None`: ask the general path.
fn fold_latin(c: char) -> Option<char> {
    Some(match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        _ if c.is_ascii() => c,
        'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Ä' | 'Á' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'î' | 'ï' | 'í' | 'Î' | 'Ï' | 'Í' => 'i',
        'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' | 'Ó' => 'o',
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => 'u',
        'ç' | 'Ç' => 'c',
        'ÿ' | 'Ÿ' => 'y',
        '’' | 'ʼ' => '\'',
        '\u{a0}' | '\u{202f}' | '\u{2009}' | '«' | '»' | '–' | '—' | '•' | '€' | '°' | 'œ'
        | 'æ' => c,
        'Œ' => 'œ',
        'Æ' => 'æ',
        _ => return None,
    })
}

/// A short word folded into a stack buffer (no allocation): the key the date grammar compares
/// with month and weekday names. `None` when longer than the buffer or not foldable to ASCII.
pub(crate) fn fold_ascii(word: &str) -> Option<([u8; 24], usize)> {
    let mut buf = [0u8; 24];
    let mut n = 0;
    for c in word.chars() {
        let f = fold_latin(c).filter(char::is_ascii)?;
        *buf.get_mut(n)? = f as u8;
        n += 1;
    }
    Some((buf, n))
}

/// Whitespace runs collapsed to one space, ends trimmed.
pub(crate) fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Characters that open a list item when they start a line (including OCR renderings of
/// bullets such as `¢` or `v`, which only count when followed by a blank).
fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '-' | '–'
            | '—'
            | '•'
            | '·'
            | '✓'
            | '⇒'
            | '→'
            | '*'
            | '+'
            | '¢'
            | '▪'
            | '◦'
            | '○'
            | '►'
            | '❖'
    )
}

/// Bytes that may end a sentence.
static MARKS: [bool; 256] = {
    let mut marks = [false; 256];
    marks[b'\n' as usize] = true;
    marks[b'.' as usize] = true;
    marks[b'!' as usize] = true;
    marks[b'?' as usize] = true;
    marks
};

/// Whether one of the eight bytes of `word` is `b` (the classic zero-byte test on `word ^ b…b`).
fn has_byte(word: u64, b: u8) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let x = word ^ (ONES * u64::from(b));
    x.wrapping_sub(ONES) & !x & (ONES << 7) != 0
}

/// Start offsets of the sentences of a text, computed once; `around` is a binary search.
///
/// A sentence ends at `.`/`!`/`?` followed by a blank and an upper-case letter, digit or bullet
/// (unless the dot closes a one-letter or common abbreviation such as `M.`), at a blank line,
/// and at a line break that opens a list item or follows a line ending in `:`, `;` or `.`.
/// Single line breaks elsewhere are line wrapping, not boundaries.
pub(crate) struct Sentences {
    starts: Vec<usize>,
    len: usize,
}

impl Sentences {
    pub(crate) fn new(text: &str) -> Self {
        let mut starts = vec![0];
        // The marks are ASCII, so a byte scan finds them and every `k + 1` is a char boundary.
        let bytes = text.as_bytes();
        let mut k = 0;
        loop {
            // Tight skip over ordinary bytes, which are nearly all of them: eight at a time.
            while let Some(chunk) = bytes.get(k..k + 8) {
                let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
                if [b'\n', b'.', b'!', b'?'].iter().any(|&m| has_byte(word, m)) {
                    break;
                }
                k += 8;
            }
            while k < bytes.len() && !MARKS[usize::from(bytes[k])] {
                k += 1;
            }
            let Some(&b) = bytes.get(k) else { break };
            match b {
                b'\n' => {
                    let rest = &text[k + 1..];
                    let line = rest.trim_start_matches(is_hspace);
                    let before = text[..k].trim_end_matches(is_hspace);
                    let opens_item = line.starts_with('\n')
                        || line.chars().next().is_some_and(is_bullet)
                        || starts_numbered_item(line);
                    let closes = before.ends_with([':', ';', '.', '!', '?']);
                    if (opens_item && !paragraph_goes_on(before, line)) || closes {
                        starts.push(k + 1);
                    }
                }
                b'.' | b'!' | b'?' => {
                    let rest = &text[k + 1..];
                    if rest.starts_with(|n: char| is_hspace(n) || n == '\n') {
                        let after = rest.trim_start_matches(|n: char| is_hspace(n) || n == '\n');
                        let opens = after.chars().next().is_some_and(|n| {
                            n.is_uppercase()
                                || n.is_ascii_digit()
                                || is_bullet(n)
                                || n == '«'
                                || n == '|'
                        });
                        if opens && !(b == b'.' && ends_with_abbreviation(&text[..k])) {
                            starts.push(text.len() - after.len());
                        }
                    }
                }
                _ => {}
            }
            k += 1;
        }
        Sentences {
            starts: bounded(starts, text),
            len: text.len(),
        }
    }

    /// Byte range of the sentence containing `pos`.
    pub(crate) fn around(&self, pos: usize) -> (usize, usize) {
        let idx = self.starts.partition_point(|&s| s <= pos).saturating_sub(1);
        let start = self.starts.get(idx).copied().unwrap_or(0);
        let end = self.starts.get(idx + 1).copied().unwrap_or(self.len);
        (start, end)
    }
}

/// A blank line Tesseract put inside a paragraph: the line before is a long line of prose left
/// unfinished and the next goes on in lowercase, after a comma (`… labellisée le 15 avril
/// 2021,` / `puis celle de …`) or as the sentence's short tail (`… obtenu le label Services
/// publics +` / `le 4 octobre 2023.`). Short lines are list items or headings, which do end
/// there.
fn paragraph_goes_on(before: &str, blank_then_next: &str) -> bool {
    const PROSE_LINE: usize = 60;
    const TAIL: usize = 40;
    let last_line = before.rsplit('\n').next().unwrap_or(before);
    let next = blank_then_next.trim_start_matches(|c: char| is_hspace(c) || c == '\n');
    let tail = next.split('\n').next().unwrap_or(next);
    let short_tail = tail
        .find('.')
        .is_some_and(|end| end < TAIL && tail[end + 1..].trim().is_empty());
    blank_then_next.starts_with('\n')
        && last_line.len() >= PROSE_LINE
        && next.starts_with(|c: char| c.is_lowercase())
        && (before.ends_with(',') || short_tail)
}

/// A "sentence" longer than this (a table or a page without punctuation, a file with no line
/// breaks) is cut at a blank: extractors fold and scan the sentence around each mention, so an
/// unbounded one makes their work quadratic in the file size.
const LONGEST_SENTENCE: usize = 4096;

fn bounded(mut starts: Vec<usize>, text: &str) -> Vec<usize> {
    // A dot's sentence starts after the blanks and line breaks that follow it, so a line
    // break among them pushes a smaller start later: sort for the binary search in `around`.
    starts.sort_unstable();
    starts.dedup();
    let mut out = Vec::with_capacity(starts.len());
    let ends = starts
        .iter()
        .skip(1)
        .copied()
        .chain(std::iter::once(text.len()));
    for (start, end) in starts.iter().copied().zip(ends) {
        let mut at = start;
        out.push(at);
        while end - at > LONGEST_SENTENCE {
            let mut limit = at + LONGEST_SENTENCE;
            while !text.is_char_boundary(limit) {
                limit -= 1;
            }
            // `at..limit` lies on char boundaries; the cut goes after its last blank in the
            // second half, else at the limit, so it always moves forward.
            let window = &text[at..limit];
            let cut = window
                .char_indices()
                .rev()
                .take_while(|&(i, _)| i > LONGEST_SENTENCE / 2)
                .find(|(_, c)| c.is_whitespace())
                .map_or(limit, |(i, c)| at + i + c.len_utf8());
            out.push(cut);
            at = cut;
        }
    }
    out
}

/// `1.`, `2)`, `III/`, `IV.` at the start of a line.
fn starts_numbered_item(line: &str) -> bool {
    let head = line
        .bytes()
        .take_while(|c| c.is_ascii_digit() || matches!(c, b'I' | b'V' | b'X'))
        .count();
    head > 0 && line[head..].starts_with(['.', ')', '/'])
}

fn ends_with_abbreviation(before: &str) -> bool {
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(before.len(), |(k, _)| k);
    let word = &before[start..];
    word.chars().count() == 1
        || matches!(
            word,
            "Mme"
                | "Mmes"
                | "MM"
                | "Mlle"
                | "Dr"
                | "cf"
                | "Cf"
                | "ex"
                | "art"
                | "n"
                | "p"
                | "vol"
                | "St"
                | "Ste"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_test_finds_every_lane() {
        for lane in 0..8 {
            let mut bytes = *b"abcdefgh";
            bytes[lane] = b'.';
            assert!(has_byte(u64::from_le_bytes(bytes), b'.'));
        }
        assert!(!has_byte(u64::from_le_bytes(*b"abc\xc3\xa9fgh"), b'.'));
    }

    #[test]
    fn overlong_sentences_are_cut_at_blanks() {
        let t = "mot ".repeat(5000);
        let s = Sentences::new(&t);
        let (a, b) = s.around(0);
        assert_eq!(a, 0);
        assert!(b <= LONGEST_SENTENCE && b > LONGEST_SENTENCE / 2 && t[..b].ends_with(' '));
        assert_eq!(s.around(t.len() - 1).1, t.len());
        let t = "é".repeat(5000);
        let (_, b) = Sentences::new(&t).around(0);
        assert!(t.is_char_boundary(b) && b <= LONGEST_SENTENCE);
    }

    #[test]
    fn fold_drops_accents_and_case() {
        assert_eq!(fold("FÉVRIER d’août"), "fevrier d'aout");
        assert_eq!(fold("Ōsaka ŒUVRE"), "osaka œuvre");
        assert_eq!(
            fold_ascii("Décembre").map(|(b, n)| b[..n].to_vec()),
            Some(b"decembre".to_vec())
        );
        assert_eq!(fold_ascii("œuvre"), None);
    }

    #[test]
    fn sentences_split_on_dots_and_items_but_not_on_wrapping() {
        let t = "M. DUPONT ouvre la séance. Il a\ninstruit 12 dossiers :\n- un\n- deux";
        let s = Sentences::new(t);
        let (a, b) = s.around(t.find("instruit").unwrap());
        assert_eq!(&t[a..b], "Il a\ninstruit 12 dossiers :\n");
        let (a, _) = s.around(0);
        assert_eq!(a, 0);
        assert_eq!(s.around(3), (0, t.find("Il").unwrap()));
        let (a, b) = s.around(t.find("deux").unwrap());
        assert_eq!(&t[a..b], "- deux");
    }

    #[test]
    fn a_blank_line_inside_a_scanned_paragraph_does_not_end_its_sentence() {
        let t = "Mme LAFITTE rappelle que la préfecture a obtenu le label Services publics +\n\nle 4 octobre 2023.\n\nbilan 2023\n\nquestions diverses";
        let s = Sentences::new(t);
        let (a, b) = s.around(t.find("octobre").unwrap());
        assert_eq!((a, t[..b].trim_end()), (0, &t[..t.find(".").unwrap() + 1]));
        // Short lines are items or headings.
        let (a, _) = s.around(t.find("questions").unwrap());
        assert_eq!(t[a..].trim_start(), "questions diverses");
        // A new paragraph in lowercase after an unfinished long line, that is no sentence's
        // tail, starts a sentence.
        let t = "Le point 3 porte sur la labellisation Services publics + de la préfecture\n\nla démarche a été engagée en 2022 et se poursuit en 2024 avec un audit.";
        let (a, _) = Sentences::new(t).around(t.find("démarche").unwrap());
        assert!(t[a..].trim_start().starts_with("la démarche"));
    }
}
