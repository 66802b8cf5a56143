//! Patterns with Unicode classes (`\w`, `\W`, `\p{L}`, `\p{S}`, `\d`), built small for the text at hand.
//!
//! `\w` is a class of some 770 ranges: each copy of it in a pattern costs the regex crate a
//! large automaton to build, and building them was most of the start-up time. A text whose
//! characters are all [`latin`] (below U+0370, or punctuation and symbols that are no word
//! characters) gets the same matches from the pattern with those classes cut to their part
//! below U+0370; only a text with other characters needs the pattern as written.

use once_cell::sync::OnceCell;
use regex::Regex;
use regex_automata::meta;
use regex_automata::util::captures::Captures;
use regex_automata::Span as MetaSpan;

/// `\w` below U+0370 (the regex crate's word characters), as class items.
const WORD: &str = r"0-9A-Z_a-z\x{AA}\x{B5}\x{BA}\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{2C1}\x{2C6}-\x{2D1}\x{2E0}-\x{2E4}\x{2EC}\x{2EE}\x{300}-\x{36F}";
/// `\p{L}` below U+0370.
const LETTER: &str = r"A-Za-z\x{AA}\x{B5}\x{BA}\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{2C1}\x{2C6}-\x{2D1}\x{2E0}-\x{2E4}\x{2EC}\x{2EE}";
/// `\p{S}` among the [`latin_char`]s (its arrows, box drawing and dingbats included).
const SYMBOL: &str = r"\x{24}\x{2B}\x{3C}-\x{3E}\x{5E}\x{60}\x{7C}\x{7E}\x{A2}-\x{A6}\x{A8}-\x{A9}\x{AC}\x{AE}-\x{B1}\x{B4}\x{B8}\x{D7}\x{F7}\x{2C2}-\x{2C5}\x{2D2}-\x{2DF}\x{2E5}-\x{2EB}\x{2ED}\x{2EF}-\x{2FF}\x{2044}\x{2052}\x{20A0}-\x{20C0}\x{2190}-\x{2307}\x{230C}-\x{2328}\x{232B}-\x{23FF}\x{2500}-\x{2767}\x{2794}-\x{27BF}\x{FFFD}";

/// Whether `c` is one where the classes cut below U+0370 agree with the whole ones: below
/// U+0370 (but U+0345, a mark that case-folds to a Greek letter), or a space, punctuation mark or symbol of the blocks minutes use (typographic
/// quotes and dashes, bullets, the euro sign, arrows, box drawing, dingbats, private-use
/// bullets of word processors). The unit test checks the agreement character by character.
fn latin_char(c: char) -> bool {
    matches!(c as u32,
        0..=0x344
        | 0x346..=0x36F
        | 0x2000..=0x200B
        | 0x200E..=0x203E
        | 0x2041..=0x2053
        | 0x2055..=0x2064
        | 0x20A0..=0x20C0
        | 0x2190..=0x23FF
        | 0x2500..=0x27BF
        | 0xE000..=0xF8FF
        | 0xFEFF
        | 0xFFFD)
}

/// Whether every character of `text` is [`latin_char`]. Lead bytes below 0xCD start
/// characters below U+0340, so only the characters from 0xCD on are decoded.
pub fn latin(text: &str) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    // Added to the low seven bits of each byte, sets its high bit when they reach 0x4D.
    const FROM_4D: u64 = 0x3333_3333_3333_3333;
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // Eight bytes at a time while none reaches 0xCD (high bit set, low bits ≥ 0x4D).
        if let Some(chunk) = bytes.get(at..at + 8) {
            let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            if x & HIGH & ((x & LOW) + FROM_4D) == 0 {
                at += 8;
                continue;
            }
        }
        if bytes[at] < 0xCD {
            at += 1;
            continue;
        }
        // A lead byte: continuation bytes are below 0xC0.
        let c = text[at..]
            .chars()
            .next()
            .expect("a char starts at a lead byte");
        if !latin_char(c) {
            return false;
        }
        at += c.len_utf8();
    }
    true
}

/// A pattern compiled as written for texts that need it, and with its Unicode classes cut
/// for [`latin`] texts.
pub struct Pattern {
    pattern: &'static str,
    whole: OnceCell<Regex>,
    cut: OnceCell<Regex>,
}

impl Pattern {
    pub const fn new(pattern: &'static str) -> Self {
        Pattern {
            pattern,
            whole: OnceCell::new(),
            cut: OnceCell::new(),
        }
    }

    /// The regex to search `haystack` with: the same matches as the pattern as written.
    /// `haystack` must be all the text the regex is given (look-arounds see all of it).
    pub fn regex(&self, haystack: &str) -> &Regex {
        if latin(haystack) {
            self.cut
                .get_or_init(|| Regex::new(&cut(self.pattern)).expect("static regex"))
        } else {
            self.whole()
        }
    }

    /// The pattern as written, for any text.
    pub fn whole(&self) -> &Regex {
        self.whole
            .get_or_init(|| Regex::new(self.pattern).expect("static regex"))
    }
}

/// A [`Pattern`] for short texts (a line, the words before a date), built without the
/// literal prefilter the regex crate would build for it: most of the cost of building a
/// case-insensitive alternation, and of no use over a few words. Not for a pattern with a
/// Unicode `\b` over more than a line: it makes the DFAs give up at the first non-ASCII byte,
/// and with no prefilter to skip to the candidates, the slowest engine reads the whole text
/// (blocks of up to 400 bytes, searched once per date, cost more than the prefilter's build).
pub struct Window {
    pattern: &'static str,
    lazy_dfa: bool,
    whole: OnceCell<meta::Regex>,
    cut: OnceCell<meta::Regex>,
    /// An anchored pattern's build with the lazy DFAs, for haystacks past [`LONG_HAYSTACK`].
    long: OnceCell<meta::Regex>,
}

/// Haystacks longer than this get an anchored pattern's lazy DFAs: where a pattern reads on
/// (`^.*…` over a 10 MB line with no break), the PikeVM's cost per byte adds up to minutes.
const LONG_HAYSTACK: usize = 1 << 16;

impl Window {
    pub const fn new(pattern: &'static str) -> Self {
        Window {
            pattern,
            lazy_dfa: true,
            whole: OnceCell::new(),
            cut: OnceCell::new(),
            long: OnceCell::new(),
        }
    }

    /// A pattern anchored at the start of the text (`^` without `m`) and searched a few times
    /// per document: a search tries one position and mostly fails within a few characters,
    /// which the one-pass DFA or the PikeVM answer at once. Built without the lazy DFAs,
    /// whose reverse automaton and caches cost a third of the pattern's build, nor the
    /// backtracker, which clears a bit per character and state of the text before it starts.
    /// (A pattern tried on every line runs faster with the lazy DFAs.)
    pub const fn anchored(pattern: &'static str) -> Self {
        Window {
            pattern,
            lazy_dfa: false,
            whole: OnceCell::new(),
            cut: OnceCell::new(),
            long: OnceCell::new(),
        }
    }

    fn regex(&self, haystack: &str) -> &meta::Regex {
        let build = |pattern: &str, lazy_dfa: bool| {
            let config = meta::Config::new()
                .auto_prefilter(false)
                .hybrid(lazy_dfa)
                .backtrack(lazy_dfa);
            meta::Regex::builder()
                .configure(config)
                .build(pattern)
                .expect("static regex")
        };
        if !self.lazy_dfa && haystack.len() > LONG_HAYSTACK {
            // The whole pattern, which holds for any text.
            return self.long.get_or_init(|| build(self.pattern, true));
        }
        let build = |pattern: &str| build(pattern, self.lazy_dfa);
        if latin(haystack) {
            self.cut.get_or_init(|| build(&cut(self.pattern)))
        } else {
            self.whole.get_or_init(|| build(self.pattern))
        }
    }

    pub fn is_match(&self, haystack: &str) -> bool {
        self.regex(haystack).is_match(haystack)
    }

    pub fn find<'h>(&self, haystack: &'h str) -> Option<Found<'h>> {
        self.regex(haystack).find(haystack).map(|m| Found {
            text: haystack,
            span: m.span(),
        })
    }

    pub fn find_iter<'h>(
        &self,
        haystack: &'h str,
    ) -> impl Iterator<Item = Found<'h>> + use<'_, 'h> {
        self.regex(haystack)
            .find_iter(haystack)
            .map(move |m| Found {
                text: haystack,
                span: m.span(),
            })
    }

    /// The first match starting at or after `start`; look-arounds see all of `haystack`.
    pub fn find_at<'h>(&self, haystack: &'h str, start: usize) -> Option<Found<'h>> {
        self.bind(haystack).find_at(start)
    }

    /// The pattern for several searches of `haystack`, whose characters are then read once
    /// (by [`latin`]) instead of once per search.
    pub fn bind<'h>(&self, haystack: &'h str) -> Bound<'_, 'h> {
        Bound {
            re: self.regex(haystack),
            text: haystack,
        }
    }

    pub fn captures<'h>(&self, haystack: &'h str) -> Option<Groups<'h>> {
        let re = self.regex(haystack);
        let mut caps = re.create_captures();
        re.captures(haystack, &mut caps);
        caps.is_match().then_some(Groups {
            text: haystack,
            caps,
        })
    }

    pub fn captures_iter<'h>(
        &self,
        haystack: &'h str,
    ) -> impl Iterator<Item = Groups<'h>> + use<'_, 'h> {
        self.regex(haystack)
            .captures_iter(haystack)
            .map(move |caps| Groups {
                text: haystack,
                caps,
            })
    }
}

/// A [`Window`] bound to a haystack.
pub struct Bound<'w, 'h> {
    re: &'w meta::Regex,
    text: &'h str,
}

impl<'h> Bound<'_, 'h> {
    /// [`Window::find_at`] on the bound haystack.
    pub fn find_at(&self, start: usize) -> Option<Found<'h>> {
        let input = regex_automata::Input::new(self.text).range(start..);
        self.re.search(&input).map(|m| Found {
            text: self.text,
            span: m.span(),
        })
    }
}

/// The groups of a [`Window`] match.
pub struct Groups<'h> {
    text: &'h str,
    caps: Captures,
}

impl<'h> Groups<'h> {
    pub fn get(&self, group: usize) -> Option<Found<'h>> {
        self.caps.get_group(group).map(|span| Found {
            text: self.text,
            span,
        })
    }
}

/// A match or group of a [`Window`].
#[derive(Clone, Copy)]
pub struct Found<'h> {
    text: &'h str,
    span: MetaSpan,
}

impl<'h> Found<'h> {
    pub fn start(&self) -> usize {
        self.span.start
    }

    pub fn end(&self) -> usize {
        self.span.end
    }

    pub fn as_str(&self) -> &'h str {
        &self.text[self.span.start..self.span.end]
    }
}

/// `pattern` with `\w`, `\W`, `\p{L}` and `\d` replaced by their part below U+0370, `\p{S}` by
/// its part among the [`latin_char`]s.
fn cut(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 200);
    // Inside a bracketed class, the items go in as they are; outside, in brackets.
    let mut in_class = false;
    let mut chars = pattern.chars().peekable();
    let mut class_start = false;
    while let Some(c) = chars.next() {
        let at_class_start = std::mem::take(&mut class_start);
        match c {
            '\\' => {
                let Some(e) = chars.next() else { break };
                let items = match e {
                    'w' => Some((false, WORD)),
                    'W' => Some((true, WORD)),
                    'd' => Some((false, "0-9")),
                    'p' if chars.peek() == Some(&'{') => {
                        let name: String = chars.by_ref().take_while(|&c| c != '}').collect();
                        match name.as_str() {
                            "{L" => Some((false, LETTER)),
                            "{S" => Some((false, SYMBOL)),
                            _ => panic!("only \\p{{L}} and \\p{{S}} are cut"),
                        }
                    }
                    _ => None,
                };
                match items {
                    Some((negated, items)) if in_class => {
                        assert!(!negated, "\\W inside a class is not cut");
                        out.push_str(items);
                    }
                    Some((negated, items)) => {
                        out.push_str(if negated { "[^" } else { "[" });
                        out.push_str(items);
                        out.push(']');
                    }
                    None => {
                        out.push('\\');
                        out.push(e);
                    }
                }
            }
            '[' if !in_class => {
                in_class = true;
                class_start = true;
                out.push(c);
                if chars.peek() == Some(&'^') {
                    out.push(chars.next().expect("peeked"));
                }
            }
            ']' if in_class && !at_class_start => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_classes_agree_with_the_whole_ones_on_latin_characters() {
        let pairs = [
            (r"^\w$", format!("^[{WORD}]$")),
            (r"^\W$", format!("^[^{WORD}]$")),
            (r"^\p{L}$", format!("^[{LETTER}]$")),
            (r"^\p{S}$", format!("^[{SYMBOL}]$")),
            (r"^\d$", "^[0-9]$".to_string()),
        ];
        let mut buf = [0u8; 4];
        for (whole, cut) in pairs {
            for flags in ["", "(?i)"] {
                let (w, c) = (
                    Regex::new(&format!("{flags}{whole}")).unwrap(),
                    Regex::new(&format!("{flags}{cut}")).unwrap(),
                );
                for ch in (0..=0x10FFFF)
                    .filter_map(char::from_u32)
                    .filter(|&ch| latin_char(ch))
                {
                    let s = ch.encode_utf8(&mut buf);
                    assert_eq!(
                        w.is_match(s),
                        c.is_match(s),
                        "{flags}{whole} on U+{:04X}",
                        ch as u32
                    );
                }
            }
        }
    }

    #[test]
    fn windows_answer_as_the_pattern_does() {
        let unanchored = r"(?i)(\bcomit[ée])\s+(\w+)|(?m)^le$|x(y)?";
        let anchored = r"(?i)^(?:(\bcomit[ée])\s+(\w+)|le$|x(y)?)";
        for (pattern, window) in [
            (unanchored, Window::new(unanchored)),
            (anchored, Window::anchored(anchored)),
        ] {
            let plain = Regex::new(pattern).unwrap();
            for text in [
                "",
                "Le comité local",
                "COMITÉ  Ωμέγα",
                "xcomite a",
                "a\nle\nb",
                "le x comité",
                "xy comite b",
                "le",
            ] {
                assert_eq!(plain.is_match(text), window.is_match(text), "{text}");
                assert_eq!(
                    plain.find(text).map(|m| m.range()),
                    window.find(text).map(|m| m.start()..m.end()),
                    "{text}"
                );
                let groups = |c: &regex::Captures| {
                    c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>()
                };
                let window_groups = |c: &Groups| {
                    (0..4)
                        .map(|i| c.get(i).map(|m| m.start()..m.end()))
                        .collect::<Vec<_>>()
                };
                assert_eq!(
                    plain
                        .captures_iter(text)
                        .map(|c| groups(&c))
                        .collect::<Vec<_>>(),
                    window
                        .captures_iter(text)
                        .map(|c| window_groups(&c))
                        .collect::<Vec<_>>(),
                    "{text}"
                );
                assert_eq!(
                    plain.captures(text).map(|c| groups(&c)),
                    window.captures(text).map(|c| window_groups(&c)),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn latin_texts() {
        assert!(latin(
            "Préfecture de l’Aisne – « Qualipref » : 12 € • ✓ ► œuvre\u{a0}ok"
        ));
        assert!(!latin("Ελλάδα"));
        assert!(!latin("x\u{200D}y"));
        assert!(!latin("Kelvin \u{212A}"));
        for c in [
            '\u{36F}', '\u{370}', '\u{2013}', '\u{2122}', '\u{345}', '\u{3C9}',
        ] {
            for pad in 0..10 {
                let text = format!("{}é{c}{}", "a".repeat(pad), "é".repeat(pad));
                assert_eq!(latin(&text), latin_char(c), "{text}");
            }
        }
    }

    #[test]
    fn cut_rewrites_classes_in_and_out_of_brackets() {
        assert_eq!(
            cut(r"a\w+[\w’'-]\W{0,2}\d[^\w*]\p{L}\.\\w"),
            format!(r"a[{WORD}]+[{WORD}’'-][^{WORD}]{{0,2}}[0-9][^{WORD}*][{LETTER}]\.\\w")
        );
        assert_eq!(cut(r"[]\w]\s"), format!(r"[]{WORD}]\s"));
    }
}
