//! Line ends and Unicode composition: `\r\n` and `\r` become `\n`, decomposed accents
//! (`e` + U+0301, common in text pasted from macOS) are composed (NFC), so that every later
//! stage sees one spelling of each letter.

use crate::edit::Edit;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

pub fn propose(text: &str) -> Vec<Edit> {
    let mut edits = Vec::new();
    let bytes = text.as_bytes();
    if !nfc_quick_yes(text) {
        compose(text, &mut edits);
    }
    for (i, _) in text.match_indices('\r') {
        let crlf = bytes.get(i + 1) == Some(&b'\n');
        let edit = if crlf {
            Edit::new(i, i + 1, "", "line-end", 1.0)
        } else {
            Edit::new(i, i + 1, "\n", "line-end", 1.0)
        };
        edits.push(edit);
    }
    edits.sort_by_key(|e| e.start);
    edits
}

/// Whether the NFC quick check says yes. Characters below U+0300 (lead bytes below 0xCC)
/// are NFC and start clusters, so the check starts afresh after each: only the stretches
/// from a character at or above U+0300 to the next ASCII one are checked.
fn nfc_quick_yes(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(k) = bytes[from..].iter().position(|&b| b >= 0xCC) {
        // A lead byte (continuation bytes are below 0xC0) and an ASCII byte: both are
        // character boundaries.
        let start = from + k;
        let end = bytes[start..]
            .iter()
            .position(u8::is_ascii)
            .map_or(bytes.len(), |e| start + e);
        if !matches!(is_nfc_quick(text[start..end].chars()), IsNormalized::Yes) {
            return false;
        }
        from = end;
    }
    true
}

/// Composes each cluster (a starter and its combining marks) that is not already NFC.
fn compose(text: &str, edits: &mut Vec<Edit>) {
    let mut cluster_start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if canonical_combining_class(c) == 0 {
            cluster_start = i;
        }
        let next_is_starter = chars
            .peek()
            .is_none_or(|&(_, n)| canonical_combining_class(n) == 0);
        if next_is_starter {
            let end = i + c.len_utf8();
            let cluster = &text[cluster_start..end];
            if cluster.chars().count() > 1
                || !matches!(is_nfc_quick(cluster.chars()), IsNormalized::Yes)
            {
                let composed: String = cluster.nfc().collect();
                if composed != cluster {
                    edits.push(Edit::new(cluster_start, end, composed, "nfc", 1.0));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Text;

    fn run(s: &str) -> String {
        Text::identity(s.to_string())
            .apply(&propose(s))
            .0
            .as_str()
            .to_string()
    }

    #[test]
    fn line_ends_become_newlines() {
        assert_eq!(run("a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn decomposed_accents_are_composed() {
        assert_eq!(run("Pre\u{301}fecture\r\n"), "Préfecture\n");
    }

    #[test]
    fn quick_check_by_stretches_agrees_with_the_whole_check() {
        for s in [
            "",
            "abc",
            "Préfet l’État — «",
            "Pre\u{301}fet",
            "l’e\u{301}",
            "a\u{323}\u{301}",
            "a\u{301}\u{323}",
            "\u{301}x",
            "x’\u{301}",
        ] {
            assert_eq!(
                nfc_quick_yes(s),
                matches!(is_nfc_quick(s.chars()), IsNormalized::Yes),
                "{s:?}"
            );
        }
    }

    #[test]
    fn clean_text_gives_no_edit() {
        assert!(propose("Préfecture de l'Aisne\n").is_empty());
    }
}
