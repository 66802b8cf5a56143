//! Words with damage the one-confusion and near-miss searches miss (`cornmunicatiom`: two
//! misread letters; `difbcile`: `fi` merged into `b`): an OCR-weighted edit distance searched
//! over the trie of the lexicon's folded keys. Each edit costs what the scan
//! makes likely: a glyph confusion its [`CONFUSIONS`] cost, a lookalike letter or a dropped thin
//! letter half an edit, any other letter a whole one. The trie prunes every path that is no
//! prefix of a French word, and the walk is capped in nodes, so a word nothing fixes costs a
//! bounded search. The lexicon frequency is the prior that ranks candidates of similar cost.

use fst::raw::{Fst, Node};

use super::word::{lookalikes, Fix, Kind, CONFUSIONS, DROPPED};
use crate::lexicon::Lexicon;

/// Edits in one word, and the cost it may carry: a word of six to nine letters has many
/// neighbours, so one edit (but of any kind: a merge, an unlike letter); a longer one two (two
/// misread letters in a long word are common at medium noise; three make a different word as
/// often as a damaged one). The walk's cost grows with the square of the length for two edits
/// and linearly for one, so the limit also keeps the search cheap where it is least useful.
fn reach(letters: usize) -> Option<(u8, f32)> {
    match letters {
        0..=5 => None,
        6..=9 => Some((1, 1.0)),
        _ => Some((2, 1.3)),
    }
}

/// Trie nodes one word may visit: a few thousand cover a 15-letter word's two-edit paths
/// (`cornmunicatiom`). 1,000 would give the corpus sample a tenth more repair throughput but
/// loses such words.
const MAX_VISITS: usize = 3_000;

pub(super) const LOOKALIKE: f32 = 0.5;
/// A letter the scan added (a speck, a split stem) that the word lacks.
pub(super) const EXTRA: f32 = 0.6;
/// A thin letter or `e` lost by the scan, or one of a doubled pair.
pub(super) const DROPPED_THIN: f32 = 0.5;
pub(super) const DROPPED_DOUBLE: f32 = 0.4;
/// Any other letter lost, or replaced by one that does not look like it.
pub(super) const ANY: f32 = 1.0;

/// Two letters printed close merge into one glyph (`ci` read as `a`, `vv` or `ur` as `w`,
/// the `fi` ligature as `b`): the same kind of misreading as `rn`/`m` in [`CONFUSIONS`], too
/// uncertain for the one- and two-confusion search but fair as one edit among two here.
pub(super) const MERGES: &[(&str, &str, f32)] = &[
    ("a", "ci", 0.6),
    ("w", "vv", 0.5),
    ("w", "ur", 0.6),
    ("b", "fi", 0.6),
];

/// Most confusions and merges of more than one letter whose observed side starts with one
/// byte (`n`: `n`/`ri`, `ni`/`m`, `nu`/`mi`, `n`/`ir`).
const MULTI_PER_BYTE: usize = 4;

/// For each byte, the confusions and merges of more than one letter whose observed side starts
/// with it, in the order of [`CONFUSIONS`] then [`MERGES`] (an index past the confusions is a
/// merge's), and how many there are: the walk tries only those at a node, instead of scanning
/// both lists at every node whose letter starts one.
pub(super) const MULTI_BY_FIRST_BYTE: [([u8; MULTI_PER_BYTE], u8); 256] = {
    let mut table = [([0u8; MULTI_PER_BYTE], 0u8); 256];
    let mut k = 0;
    while k < CONFUSIONS.len() + MERGES.len() {
        let (from, to, _) = multi_letter(k);
        if from.len() > 1 || to.len() > 1 {
            let entry = &mut table[from.as_bytes()[0] as usize];
            // Fails the build if a byte starts more of them than `MULTI_PER_BYTE`.
            entry.0[entry.1 as usize] = k as u8;
            entry.1 += 1;
        }
        k += 1;
    }
    table
};

/// Entry `k` of [`CONFUSIONS`] followed by [`MERGES`].
pub(super) const fn multi_letter(k: usize) -> (&'static str, &'static str, f32) {
    if k < CONFUSIONS.len() {
        CONFUSIONS[k]
    } else {
        MERGES[k - CONFUSIONS.len()]
    }
}

/// How far below the cost of the runner-up the best candidate must score: a near tie between
/// two words is left to the reader.
const MARGIN: f32 = 0.25;

/// The lexicon word nearest to `folded` (an ASCII, accent-folded unknown word) by OCR-weighted
/// distance, when one stands out; confident only when it is also a common word.
pub fn nearest(folded: &str, seen: &str) -> Option<Fix> {
    let word = folded.as_bytes();
    let (max_ops, budget) = reach(word.len())?;
    if !word.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    let lex = Lexicon::get();
    let fst = lex.fold_trie();
    let mut search = Search {
        fst,
        word,
        max_ops,
        budget,
        key: Vec::with_capacity(word.len() + 4),
        found: Vec::new(),
        visits: 0,
    };
    search.walk(fst.root(), 0, 0.0, 0, false);
    // A cut-off walk may have missed the runner-up that makes the best one doubtful.
    if search.visits > MAX_VISITS {
        return None;
    }

    // A frequency ten times higher (100 on the Zipf × 100 scale) is worth a tenth of an edit.
    let mut scored: Vec<(f32, u16, Vec<u8>)> = search
        .found
        .into_iter()
        .filter_map(|(key, cost)| {
            let freq = lex.fold_freq(std::str::from_utf8(&key).ok()?)?;
            Some((cost - f32::from(freq) / 1000.0, freq, key))
        })
        .collect();
    scored.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.2.cmp(&b.2)));
    let (score, freq, key) = scored.first()?.clone();
    if scored.get(1).is_some_and(|s| s.0 < score + MARGIN) {
        return None;
    }
    // The accents the scan did read choose among the spellings when the letters still line up.
    let seen = (key.len() == word.len()).then_some(seen);
    let (form, _) = super::word::accent_form(std::str::from_utf8(&key).ok()?, seen)?;
    let confidence = if freq >= 250 { 0.6 } else { 0.4 };
    Some(Fix {
        form,
        kind: Kind::Distance,
        confidence,
    })
}

struct Search<'a> {
    fst: &'a Fst<&'static [u8]>,
    word: &'a [u8],
    max_ops: u8,
    budget: f32,
    /// The candidate spelled so far (the path from the root).
    key: Vec<u8>,
    /// Complete keys reached, with their lowest cost.
    found: Vec<(Vec<u8>, f32)>,
    visits: usize,
}

impl<'a> Search<'a> {
    /// Extends the candidate at `node` having read `word[..i]` at `cost` with `ops` edits;
    /// `extra`: a letter of the word was already dropped as the scan's (two would as often
    /// be a glued word, `lacour`).
    fn walk(&mut self, node: Node<'a>, i: usize, cost: f32, ops: u8, extra: bool) {
        self.visits += 1;
        if self.visits > MAX_VISITS {
            return;
        }
        let word = self.word;
        // Keys are `folded \0 form`: a `\0` transition ends a lexicon key.
        if i == word.len() && ops > 0 && node.find_input(0).is_some() {
            match self.found.iter_mut().find(|(k, _)| *k == self.key) {
                Some((_, c)) => *c = c.min(cost),
                None => self.found.push((self.key.clone(), cost)),
            }
        }
        if let Some(&b) = word.get(i) {
            self.step(node, b, i + 1, cost, ops, extra);
        }
        if ops == self.max_ops {
            return;
        }
        let ops = ops + 1;
        if let Some(&b) = word.get(i) {
            if !extra && cost + EXTRA <= self.budget {
                self.walk(node, i + 1, cost + EXTRA, ops, true);
            }
            for &y in lookalikes(b) {
                if cost + LOOKALIKE <= self.budget {
                    self.step(node, y, i + 1, cost + LOOKALIKE, ops, extra);
                }
            }
            // Single letters are the lookalikes' and substitutions' business.
            let (multi, n) = &MULTI_BY_FIRST_BYTE[usize::from(b)];
            for &k in &multi[..usize::from(*n)] {
                let (from, to, c) = multi_letter(usize::from(k));
                if cost + c <= self.budget && word[i..].starts_with(from.as_bytes()) {
                    self.spell(node, to.as_bytes(), i + from.len(), cost + c, ops, extra);
                }
            }
        }
        // A letter dropped before `word[i]`, or `word[i]` replaced by an unlike letter: any
        // child of the node, so the trie bounds the branching. Decoding every child is the
        // costly step of the walk: when only a thin or doubled letter fits in the budget, those
        // few are looked up instead.
        let prev = self.key.last().copied();
        if cost + DROPPED_DOUBLE > self.budget {
            return;
        }
        if cost + ANY > self.budget {
            for &y in DROPPED {
                if Some(y) != prev && cost + DROPPED_THIN <= self.budget {
                    self.step(node, y, i, cost + DROPPED_THIN, ops, extra);
                }
            }
            if let Some(y) = prev {
                self.step(node, y, i, cost + DROPPED_DOUBLE, ops, extra);
            }
            return;
        }
        for t in node.transitions() {
            let y = t.inp;
            if !y.is_ascii_lowercase() {
                continue;
            }
            let dropped = if Some(y) == prev {
                DROPPED_DOUBLE
            } else if DROPPED.contains(&y) {
                DROPPED_THIN
            } else {
                ANY
            };
            if cost + dropped <= self.budget {
                self.key.push(y);
                self.walk(self.fst.node(t.addr), i, cost + dropped, ops, extra);
                self.key.pop();
            }
            if let Some(&b) = word.get(i) {
                if y != b && !lookalikes(b).contains(&y) && cost + ANY <= self.budget {
                    self.key.push(y);
                    self.walk(self.fst.node(t.addr), i + 1, cost + ANY, ops, extra);
                    self.key.pop();
                }
            }
        }
    }

    /// Follows the letter `y` from `node`, if a key continues so.
    fn step(&mut self, node: Node<'a>, y: u8, i: usize, cost: f32, ops: u8, extra: bool) {
        self.spell(node, &[y], i, cost, ops, extra);
    }

    fn spell(&mut self, node: Node<'a>, letters: &[u8], i: usize, cost: f32, ops: u8, extra: bool) {
        let mut node = node;
        for &y in letters {
            match node.find_input(y) {
                Some(t) => node = self.fst.node(node.transition_addr(t)),
                None => return,
            }
        }
        let len = self.key.len();
        self.key.extend_from_slice(letters);
        self.walk(node, i, cost, ops, extra);
        self.key.truncate(len);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(w: &str) -> Option<String> {
        nearest(w, w).map(|f| f.form)
    }

    #[test]
    fn multi_letter_table_lists_the_confusions_and_merges_in_order() {
        for b in 0..=255u8 {
            let listed: Vec<_> = CONFUSIONS
                .iter()
                .chain(MERGES)
                .filter(|(from, to, _)| (from.len() > 1 || to.len() > 1) && from.as_bytes()[0] == b)
                .copied()
                .collect();
            let (multi, n) = &MULTI_BY_FIRST_BYTE[usize::from(b)];
            let table: Vec<_> = multi[..usize::from(*n)]
                .iter()
                .map(|&k| multi_letter(usize::from(k)))
                .collect();
            assert_eq!(table, listed, "byte {b}");
        }
    }

    #[test]
    fn two_damaged_letters() {
        // `rn` for `m`, and an `m` for an `n`.
        assert_eq!(form("cornmunicatiom").as_deref(), Some("communication"));
        // `fi` read as `b`, with the accent lost.
        assert_eq!(form("difbcile").as_deref(), Some("difficile"));
        // `il` read as `r`.
        assert_eq!(form("travarleurs").as_deref(), Some("travailleurs"));
    }

    #[test]
    fn names_acronyms_and_glued_words_are_left() {
        let text =
            "Mme Kerbiriou (DDETSPP) et M. Tavernel ont vu la cornmunicatiom de lacommission.";
        let edits = crate::repair::propose(text);
        let changed: Vec<&str> = edits
            .iter()
            .filter(|e| e.confidence >= 0.5)
            .map(|e| &text[e.start..e.end])
            .collect();
        assert_eq!(changed, ["cornmunicatiom"]);
    }

    #[test]
    fn short_or_odd_words_are_left() {
        assert_eq!(form("xqzwt"), None);
        assert_eq!(form("kxwzqyvb"), None, "nothing within reach");
        assert_eq!(form("ab3def"), None);
    }
}
