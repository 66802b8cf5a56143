//! Accent folding shared by `build.rs` (to key the folded maps) and the lexicon (to query them).

/// Lowercase, diacritics removed, ligatures spelt out, typographic apostrophe made ASCII: the key
/// under which OCR output that lost its accents still finds the word.
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        // No accents, ligatures or curly apostrophes: folding is lowercasing.
        return word.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        for l in c.to_lowercase() {
            match l {
                'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => out.push('a'),
                'é' | 'è' | 'ê' | 'ë' => out.push('e'),
                'î' | 'ï' | 'í' | 'ì' => out.push('i'),
                'ô' | 'ö' | 'ó' | 'ò' | 'õ' => out.push('o'),
                'ù' | 'û' | 'ü' | 'ú' => out.push('u'),
                'ÿ' | 'ý' => out.push('y'),
                'ç' => out.push('c'),
                'ñ' => out.push('n'),
                'œ' => out.push_str("oe"),
                'æ' => out.push_str("ae"),
                '\u{2019}' => out.push('\''),
                _ => out.push(l),
            }
        }
    }
    out
}
