//! OCR repair: proposes [`Edit`]s that undo the typical damage Tesseract does to French
//! administrative prose. Each rule is about an OCR phenomenon; every word rule checks the
//! embedded [`Lexicon`]. Proposals below 0.5 confidence are suggestions for the pipeline.

mod addresses;
mod capitals;
mod context;
mod distance;
mod elision;
mod function;
mod layout;
mod marks;
mod names;
mod punct;
mod sentence;
mod split;
mod tokens;
mod vocab;
mod word;

pub(crate) use capitals::misread_for;

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::edit::Edit;
use crate::lexicon::Lexicon;
use tokens::{is_all_caps, is_capitalised, is_letter, Token};

pub use word::{correct, Fix, Kind, Reach};

/// Sorted, non-overlapping edits of `text`, both confident ones and suggestions.
pub fn propose(text: &str) -> Vec<Edit> {
    let doc = Doc::new(text);
    let mut done = vec![false; doc.tokens.len()];
    let mut edits = Vec::new();
    layout::propose(&doc, &mut done, &mut edits);
    addresses::propose(&doc, &mut done, &mut edits);
    elision::propose(&doc, &mut done, &mut edits);
    marks::propose(&doc, &mut done, &mut edits);
    context::propose(&doc, &mut done, &mut edits);
    capitals::propose(&doc, &mut done, &mut edits);
    function::propose(&doc, &mut done, &mut edits);
    names::propose(&doc, &mut done, &mut edits);
    split::propose(&doc, &mut done, &mut edits);
    punct::propose(&doc, &mut edits);
    sentence::propose(&doc, &mut edits);
    vocab::propose(&doc, &mut done, &mut edits);
    words(&doc, &done, &mut edits);
    resolve(text, edits)
}

/// The text with what the rules need to know about it.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token<'a>>,
    pub protected: Vec<(usize, usize)>,
    /// For each token, its entry in `words`.
    word_of: Vec<u32>,
    /// The distinct token spellings: each is lowercased and looked up once per document.
    words: Vec<Word<'a>>,
    /// The apostrophe the document types (see [`apostrophe`]), for the ones the repair inserts.
    pub apostrophe: char,
    /// The document writes accented capitals (`État`, `À`) clearly more often than it omits them.
    pub accents_capitals: bool,
    /// [`names::reads_like_a_scan`], computed when a rule first asks.
    scan: std::cell::OnceCell<bool>,
    /// [`vocab::document_words`], computed when a rule first asks.
    document_words: std::cell::OnceCell<HashMap<u32, String, FxBuild>>,
}

struct Word<'a> {
    text: &'a str,
    lower: Cow<'a, str>,
    freq: Option<u16>,
    /// Occurrences: a spelling seen often is probably deliberate.
    count: usize,
    /// [`worth_checking`], asked of every occurrence by the word rule and `Doc::settled`.
    worth: bool,
}

impl<'a> Doc<'a> {
    fn new(text: &'a str) -> Self {
        let tokens = tokens::tokenize(text);
        let lex = Lexicon::get();
        // Sized for a document's vocabulary, about a quarter of its tokens, to spare regrowth.
        let mut ids: HashMap<&str, u32, FxBuild> =
            HashMap::with_capacity_and_hasher(tokens.len() / 4, FxBuild::default());
        let mut words: Vec<Word> = Vec::with_capacity(tokens.len() / 4);
        let word_of = tokens
            .iter()
            .map(|t| {
                let id = *ids.entry(t.text).or_insert_with(|| {
                    words.push(Word {
                        text: t.text,
                        lower: lowercase(t.text),
                        freq: None,
                        count: 0,
                        worth: worth_checking(t.text),
                    });
                    // At most one entry per token, and token counts fit in u32 for any text under 4 GiB.
                    (words.len() - 1) as u32
                });
                words[id as usize].count += 1;
                id
            })
            .collect();
        // Looked up apart from the table's building, in a loop of independent probes: each is
        // a likely cache miss in the 8 MiB table, and the processor then overlaps them.
        for w in &mut words {
            w.freq = lex.freq(&w.lower);
        }
        let mut doc = Doc {
            text,
            protected: tokens::protected_spans(text),
            tokens,
            word_of,
            words,
            apostrophe: '\'',
            accents_capitals: false,
            scan: std::cell::OnceCell::new(),
            document_words: std::cell::OnceCell::new(),
        };
        doc.accents_capitals = accents_capitals(&doc);
        doc.apostrophe = apostrophe(&doc);
        doc
    }

    fn word(&self, i: usize) -> &Word<'a> {
        &self.words[self.word_of[i] as usize]
    }

    /// Token `i` in lowercase.
    pub fn lower(&self, i: usize) -> &str {
        &self.word(i).lower
    }

    /// Lexicon frequency of token `i` in lowercase, `None` for a word the lexicon lacks.
    pub fn freq(&self, i: usize) -> Option<u16> {
        self.word(i).freq
    }

    pub fn count(&self, i: usize) -> usize {
        self.word(i).count
    }

    /// Token `i` in lowercase as the word rules leave it: the second pass must see what the
    /// first pass will have written, so rules reading neighbours read them through this.
    pub fn settled(&self, i: usize) -> Cow<'_, str> {
        match self.settled_by_word_rule(i) {
            Cow::Borrowed(lower) if self.freq(i).is_none() && self.scan() => self
                .document_word(i)
                .map_or(Cow::Borrowed(lower), Cow::Borrowed),
            settled => settled,
        }
    }

    /// Token `i` in lowercase as the lexicon word rule leaves it.
    fn settled_by_word_rule(&self, i: usize) -> Cow<'_, str> {
        let lower = self.lower(i);
        if self.freq(i).is_some() || !self.word(i).worth {
            return Cow::Borrowed(lower);
        }
        match correct(lower, Reach::Full) {
            Some(fix) if fix.confidence >= 0.5 => Cow::Owned(fix.form),
            _ => Cow::Borrowed(lower),
        }
    }

    /// The document's word that the vocabulary rule gives token `i`, if any (lowercase).
    fn document_word(&self, i: usize) -> Option<&str> {
        self.document_words
            .get_or_init(|| vocab::document_words(self))
            .get(&self.word_of[i])
            .map(String::as_str)
    }

    /// Whether the text reads like a scan rather than a typed export (see
    /// [`names::reads_like_a_scan`]): rules that a typist's habits could contradict ask it.
    pub fn scan(&self) -> bool {
        *self.scan.get_or_init(|| names::reads_like_a_scan(self))
    }

    /// Text between token `i` and token `i + 1` (or the end). Inlined, like `gap_before`: the
    /// rules ask it of every token, and the call cost as much as the slicing.
    #[inline]
    pub fn gap_after(&self, i: usize) -> &'a str {
        let end = self.tokens.get(i + 1).map_or(self.text.len(), |t| t.start);
        &self.text[self.tokens[i].end..end]
    }

    /// Text between token `i - 1` (or the start) and token `i`.
    #[inline]
    pub fn gap_before(&self, i: usize) -> &'a str {
        let start = if i == 0 { 0 } else { self.tokens[i - 1].end };
        &self.text[start..self.tokens[i].start]
    }

    /// The first byte of the gap after token `i`, without slicing it: tokens are maximal runs
    /// of word characters, so the byte after one is its gap's (`None` at the end of the text).
    pub fn byte_after(&self, i: usize) -> Option<u8> {
        self.text.as_bytes().get(self.tokens[i].end).copied()
    }

    pub fn protected(&self, i: usize) -> bool {
        tokens::is_protected(&self.protected, self.tokens[i].start, self.tokens[i].end)
    }

    /// Whether token `i` opens a sentence, a line or a list item, where a capital is expected.
    pub fn sentence_start(&self, i: usize) -> bool {
        let before = self.text[..self.tokens[i].start].trim_end_matches([' ', '\t']);
        match before.chars().next_back() {
            None => true,
            Some(c) => matches!(
                c,
                '\n' | '.'
                    | '!'
                    | '?'
                    | ':'
                    | ';'
                    | '•'
                    | '·'
                    | '-'
                    | '–'
                    | '—'
                    | '*'
                    | '('
                    | ')'
                    | '«'
                    | '"'
            ),
        }
    }
}

/// Lowercase without allocating for the usual already-lowercase word.
fn lowercase(word: &str) -> Cow<'_, str> {
    let has_upper = if word.is_ascii() {
        word.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        word.chars().any(char::is_uppercase)
    };
    if has_upper {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// The apostrophe the document was typed with. A scan degrades a curly `’` into a straight
/// `'` (the curl is lost), never the reverse; so a document whose OCR shows curly apostrophes
/// inside words, even as a minority, was typed with them. One is proof enough in a text that
/// reads like a scan (at `medium`, one survives among ten or twenty straight ones); a typed
/// text may mix them by pasting, so it needs two and a third of its apostrophes.
fn apostrophe(doc: &Doc) -> char {
    let (curly, straight) = tokens::inner_apostrophes(doc.text);
    if curly >= 2 && curly * 3 >= straight || curly >= 1 && doc.scan() {
        '\u{2019}'
    } else {
        '\''
    }
}

/// The FxHash function (rustc's): the document's token table is hashed once per token, and
/// SipHash's resistance to chosen keys is not needed there.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8-byte chunk")));
        }
        // The last bytes as a zero-padded little-endian word, without a call to `memcpy`.
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(
                rest.iter()
                    .rev()
                    .fold(0, |word, &b| word << 8 | u64::from(b)),
            );
        }
    }

    /// `str` hashing ends with a `0xff` byte: one word, not a one-byte `write`.
    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;

/// Whether words written with an accented initial capital are at least twice as many as words
/// whose lexicon form has one but that are written without it (typists mix `Etat` and `État`:
/// only a clear habit is followed), or the text is an English-model scan. Words are counted by the lexicon's preferred spelling of
/// their folded key, so that the counts (and the decision) are the same after the repair.
fn accents_capitals(doc: &Doc) -> bool {
    let lex = Lexicon::get();
    let (mut with, mut without) = (0, 0);
    for w in &doc.words {
        let Some(first) = w.text.chars().next() else {
            continue;
        };
        if !matches!(
            first,
            'É' | 'À' | 'È' | 'Ê' | 'Ô' | 'Î' | 'Ç' | 'E' | 'A' | 'O' | 'I' | 'C'
        ) || !is_capitalised(w.text)
            || w.text.len() <= 2
        {
            continue;
        }
        let folded = crate::lexicon::fold(&w.lower);
        if !preferred_has_accented_initial(lex, folded) {
            continue;
        }
        if first.is_ascii() {
            without += w.count;
        } else {
            with += w.count;
        }
    }
    // The English model reads no accent on a capital: its scans keep no trace of the typist's
    // habit, and typists of minutes accent their capitals far more often than not.
    with >= 2 * without || with == 0 && context::grave_lost(doc)
}

thread_local! {
    /// [`preferred_has_accented_initial`] by folded key: every pass of every document asks it
    /// of the same capitalised words, and each answer is an `fst` range query.
    static ACCENTED_INITIAL: RefCell<HashMap<String, bool, FxBuild>> = RefCell::new(HashMap::default());
}

/// Whether the spelling the lexicon prefers for `folded` starts with an accent (its first
/// byte differs from the folded key's); false for a key the lexicon lacks.
fn preferred_has_accented_initial(lex: &Lexicon, folded: String) -> bool {
    if let Some(&hit) = ACCENTED_INITIAL
        .with(|m| m.borrow().get(&folded).copied())
        .as_ref()
    {
        return hit;
    }
    let accented = lex
        .forms_of_fold(&folded)
        .into_iter()
        .next()
        .is_some_and(|(best, _)| best.as_bytes().first() != folded.as_bytes().first());
    ACCENTED_INITIAL.with(|m| {
        let mut m = m.borrow_mut();
        // Bounded like the word memo, for long runs.
        if m.len() > 100_000 {
            m.clear();
        }
        m.insert(folded, accented);
    });
    accented
}

/// Lexicon corrections of unknown words no span rule has claimed.
fn words(doc: &Doc, done: &[bool], edits: &mut Vec<Edit>) {
    // The accented spelling of each distinct known word, looked up once per document.
    let mut accented: Vec<Option<Option<String>>> = vec![None; doc.words.len()];
    // Each distinct unknown word's correction, asked of the memo once per document.
    let mut fixes: Vec<Option<Option<Fix>>> = vec![None; doc.words.len()];
    for (i, t) in doc.tokens.iter().enumerate() {
        if done[i] || !doc.word(i).worth || doc.protected(i) {
            continue;
        }
        if in_compound(doc, i) || ABBREVIATIONS.contains(&t.text) {
            continue;
        }
        let lower = doc.lower(i);
        if let Some(freq) = doc.freq(i) {
            let id = doc.word_of[i] as usize;
            match accented[id].get_or_insert_with(|| rare_unaccented(t.text, freq)) {
                Some(form) => edits.push(Edit::new(
                    t.start,
                    t.end,
                    form.clone(),
                    "accent-real-word",
                    0.6,
                )),
                None => real_word(doc, i, lower, freq, edits),
            }
            continue;
        }
        let capitalised = is_capitalised(t.text);
        let reach = if capitalised && !first_is_confusable(t.text) {
            Reach::Safe
        } else {
            Reach::Full
        };
        let cached = fixes[doc.word_of[i] as usize]
            .get_or_insert_with(|| word::correct(lower, reach))
            .as_ref();
        // A capitalised word in prose (opening a sentence or a heading, before lowercase words)
        // is a common word more often than a name: it gets the full searches, but only a common
        // word is taken from them (`Parucipants`, `Préfeciure de la`).
        let full;
        let cached = if reach == Reach::Safe
            && cached.is_none_or(|f| f.confidence < 0.5)
            && capital_in_prose(doc, i)
        {
            // Keeping its first letter: a lost one is a glued article's (`Hobjectif` is `l’objectif`).
            let first = |w: &str| crate::lexicon::fold(w).chars().next();
            full = word::correct(lower, Reach::Full).filter(|f| {
                f.confidence >= 0.5
                    && first(&f.form) == first(lower)
                    && Lexicon::get().freq(&f.form).is_some_and(|q| q >= 400)
            });
            full.as_ref().or(cached)
        } else {
            cached
        };
        let Some(fix) = cached else {
            continue;
        };
        let mut confidence = fix.confidence;
        // A part of a hyphenated word (`Qual-e-pref`, `Saint-Denis`), or half of a word cut at
        // a line end that the layout rule did not join (`Finis-` / `tère`), is no word alone.
        let before = doc.gap_before(i);
        let hyphenated = before.ends_with('-')
            || before.starts_with('-') && before[1..].chars().all(char::is_whitespace)
            || doc.gap_after(i).starts_with('-');
        if fix.kind == Kind::Accent
            && hyphenated
            && !known_compound(doc, i, &fix.form)
            && coined_compound(doc, i)
        {
            // `Qual-e-pret`: a part of a compound whose other parts are no words is a name's.
            continue;
        }
        if fix.kind != Kind::Accent {
            // A spelling the document repeats, or a part of a hyphenated name, is deliberate
            // more often than not; so are short capitalised words.
            let short_capital =
                capitalised && !first_is_confusable(t.text) && lower.chars().count() < 5;
            match doc.count(i) {
                _ if hyphenated && !known_compound(doc, i, &fix.form) || short_capital => continue,
                n if n >= 3 => continue,
                2 => confidence -= 0.2,
                _ => {}
            }
        } else if capitalised
            && fix.form.chars().next() != lower.chars().next()
            && !doc.accents_capitals
        {
            // `Etat` → `État` only in a document that accents its capitals elsewhere.
            confidence = confidence.min(0.45);
        } else if capitalised && !hyphenated && scan_lost_marks(doc, i, lower, &fix.form) {
            // Kept: a scan drops and flattens accents, a typist's name does not gain them.
        } else if capitalised
            && (hyphenated || !doc.sentence_start(i) && next_is_capitalised(doc, i))
        {
            // Inside a run of capitalised words (`Allo Service Public`) or a hyphenated name
            // (`Seine-Saint-Denis`) the spelling is a name's.
            confidence = confidence.min(0.45);
        } else if capitalised && !doc.sentence_start(i) && accents(&fix.form) <= accents(lower) {
            // A capitalised word whose accent the lexicon lacks or places otherwise is a place
            // or a name (`Alès`, `salle Barbès`): scans lose accents far more often than they
            // invent them.
            confidence = confidence.min(0.45);
        }
        let mut form = fix.form.as_str();
        let conjugated;
        if fix.kind == Kind::Accent
            && after_elided_pronoun(doc, i)
            && is_participle(form)
            && !is_participle(lower)
        {
            // `s'éleve`: after `s'`, `m'`, `t'` comes a conjugated verb (`s'élève`), never a
            // participle (`s'élevé`).
            let Some(verb) = conjugated_form(lower) else {
                continue;
            };
            conjugated = verb;
            form = &conjugated;
        }
        let after = apply_case(t.text, form, doc.sentence_start(i));
        if after == t.text {
            continue;
        }
        let rule = match fix.kind {
            Kind::Accent => "accent",
            Kind::Confusion(_) => "ocr-confusion",
            Kind::Near => "ocr-near",
            Kind::Distance => "ocr-distance",
        };
        edits.push(Edit::new(t.start, t.end, after, rule, confidence));
    }
}

/// The token follows an elided object pronoun (`s'`, `m'`, `t'`).
fn after_elided_pronoun(doc: &Doc, i: usize) -> bool {
    i > 0
        && matches!(doc.gap_before(i), "'" | "\u{2019}")
        && matches!(doc.tokens[i - 1].text, "s" | "S" | "m" | "M" | "t" | "T")
}

fn is_participle(word: &str) -> bool {
    ["é", "ée", "és", "ées"]
        .iter()
        .any(|end| word.ends_with(end))
}

/// The most frequent accented spelling of `word` that is not a participle (`éleve` →
/// `élève`), if the lexicon has one.
fn conjugated_form(word: &str) -> Option<String> {
    let lex = Lexicon::get();
    lex.forms_of_fold(&crate::lexicon::fold(word))
        .into_iter()
        .map(|(form, _)| form)
        .find(|form| !is_participle(form) && form != word)
}

/// Whether the corrected part of a hyphenated word makes a lexicon compound with its
/// neighbour (`sous-prétecture` → `sous-préfecture`), which a name's part does not.
fn known_compound(doc: &Doc, i: usize, form: &str) -> bool {
    let lex = Lexicon::get();
    let before = i > 0
        && doc.gap_before(i) == "-"
        && lex.contains(&format!("{}-{form}", doc.settled(i - 1)));
    let after = doc.gap_after(i) == "-"
        && i + 1 < doc.tokens.len()
        && lex.contains(&format!("{form}-{}", doc.settled(i + 1)));
    before || after
}

/// Whether a part of the hyphenated chain around token `i` (other than `i`) is a single letter
/// or a capitalised word the lexicon lacks: the chain is a coined name (`Qual-e-pref`), not a
/// compound (`lauto-evaluation` is one, with its article glued).
fn coined_compound(doc: &Doc, i: usize) -> bool {
    let odd = |j: usize| {
        let text = doc.tokens[j].text;
        text.chars().count() < 2 || doc.freq(j).is_none() && text.starts_with(char::is_uppercase)
    };
    let mut j = i;
    while j > 0 && doc.gap_before(j) == "-" {
        j -= 1;
        if odd(j) {
            return true;
        }
    }
    let mut j = i;
    while j + 1 < doc.tokens.len() && doc.gap_after(j) == "-" {
        j += 1;
        if odd(j) {
            return true;
        }
    }
    false
}

/// Whether capitalised token `i` of a scan, no name the lexicon knows, stands where prose, not
/// a name, is likely: no civility or
/// capitalised word before it on its line (unless it opens a sentence), and a lowercase word
/// or punctuation after it, not another capitalised word or one in capitals.
fn capital_in_prose(doc: &Doc, i: usize) -> bool {
    let lex = Lexicon::get();
    let text = doc.tokens[i].text;
    // Only in a scan; a place or a given name is not prose.
    if !doc.scan()
        || lex.is_proper(text)
        || !lex.proper_of_fold(&crate::lexicon::fold(text)).is_empty()
    {
        return false;
    }
    let before = doc.gap_before(i);
    // After an elided `d’` or a hyphen, a capitalised word is a place's (`Sables-d’Olonne`).
    if before.ends_with(['\'', '\u{2019}', '-']) {
        return false;
    }
    let after_capital = i > 0
        && !before.contains('\n')
        && (is_capitalised(doc.tokens[i - 1].text) || is_all_caps(doc.tokens[i - 1].text))
        && !doc.sentence_start(i);
    if after_capital || (i > 0 && names::CIVILITIES.contains(&doc.tokens[i - 1].text)) {
        return false;
    }
    // Inside a sentence, a capital after a preposition is a place's (`de Chevreux`); after an
    // article it may be an institution's (`la Préfecture`).
    if !doc.sentence_start(i) && !(i > 0 && ARTICLES.contains(&doc.lower(i - 1))) {
        return false;
    }
    let gap = doc.gap_after(i);
    match doc.tokens.get(i + 1) {
        Some(next) if gap == " " => next.text.starts_with(char::is_lowercase),
        _ => {
            gap.trim_start_matches(' ')
                .starts_with([':', ',', ';', '.', '\n'])
                || i + 1 == doc.tokens.len()
        }
    }
}

const ARTICLES: &[&str] = &[
    "la", "le", "les", "l", "du", "des", "au", "aux", "une", "un", "cette", "ce", "ces",
];

/// How many letters of a word carry a diacritic.
/// Whether capitalised token `i` of a scan, corrected to `form`, only regains marks the scan
/// lost (`Secretaire`, `Géneral`, `Préféte` for `Préfète`: Tesseract drops accents and reads
/// grave and circumflex as acute, never the reverse), and is no name: the lexicon knows no
/// place or given name of its letters, and no civility or given name stands before it.
fn scan_lost_marks(doc: &Doc, i: usize, lower: &str, form: &str) -> bool {
    let regains = |read: char, meant: char| {
        read == meant
            || match read {
                'e' => matches!(meant, 'é' | 'è' | 'ê' | 'ë'),
                'é' => matches!(meant, 'è' | 'ê'),
                'a' => matches!(meant, 'à' | 'â'),
                'i' => matches!(meant, 'î' | 'ï'),
                'o' => meant == 'ô',
                'u' => matches!(meant, 'ù' | 'û'),
                'c' => meant == 'ç',
                _ => false,
            }
    };
    if !doc.scan()
        || lower.chars().count() != form.chars().count()
        || !lower.chars().zip(form.chars()).all(|(r, m)| regains(r, m))
    {
        return false;
    }
    let lex = Lexicon::get();
    let text = doc.tokens[i].text;
    let named = lex.is_proper(text) || !lex.proper_of_fold(&crate::lexicon::fold(text)).is_empty();
    let after_name = i > 0 && !doc.gap_before(i).contains('\n') && {
        let prev = doc.tokens[i - 1].text;
        names::CIVILITIES.contains(&prev) || lex.is_proper(prev)
    };
    !named && !after_name
}

fn accents(word: &str) -> usize {
    word.chars().filter(|c| !c.is_ascii()).count()
}

fn next_is_capitalised(doc: &Doc, i: usize) -> bool {
    doc.gap_after(i) == " "
        && doc
            .tokens
            .get(i + 1)
            .is_some_and(|n| is_capitalised(n.text) || is_all_caps(n.text))
}

/// Parts of a lexicon compound (`aujourd'hui`, `peut-être`) look unknown on their own.
fn in_compound(doc: &Doc, i: usize) -> bool {
    // Most gaps open with a blank or a mark that links no compound: one byte tells, tested
    // here so that the lookup is called only for the few that may (it was called for every
    // checked token, twice).
    let may_link = |a: usize| matches!(doc.byte_after(a), Some(b'-' | b'\'' | 0xE2));
    may_link(i) && joined(doc, i) || i > 0 && may_link(i - 1) && joined(doc, i - 1)
}

/// Whether tokens `a` and `a + 1`, linked by a hyphen or an apostrophe, make a lexicon word.
fn joined(doc: &Doc, a: usize) -> bool {
    let link = match doc.gap_after(a) {
        "-" => '-',
        // An elided article (`l’`, `qu’`) makes no compound; `prud’homme` has the shortest head.
        "'" | "\u{2019}" if doc.tokens[a].text.len() >= 4 => '\'',
        _ => return false,
    };
    if a + 1 >= doc.tokens.len() {
        return false;
    }
    // Built by hand: `format!` cost three times the lookup.
    let (head, tail) = (doc.lower(a), doc.lower(a + 1));
    let mut compound = String::with_capacity(head.len() + 1 + tail.len());
    compound.push_str(head);
    compound.push(link);
    compound.push_str(tail);
    Lexicon::get().contains(&compound)
}

/// Abbreviations the lexicon lacks, common in minutes.
const ABBREVIATIONS: &[&str] = &[
    "Mme", "Mmes", "Mlle", "Mlles", "MM", "Dr", "Me", "Pr", "Cie", "Sté", "Vve", "cf", "etc", "Ets",
];

/// A word written without accents that the lexicon knows, but whose accented spelling is far
/// more common (`comite` / `comité`, `accidentes` / `accidentés`), lost its accents to the scan.
/// Frequencies are logarithmic: a gap of 200 is a hundredfold. Lowercase words only: a name's
/// spelling is its own.
fn rare_unaccented(word: &str, freq: u16) -> Option<String> {
    const GAP: u16 = 200;
    if !word.is_ascii() || word.len() < 4 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let lex = Lexicon::get();
    // The folded key's best frequency is one probe; the spellings are listed only when it could differ.
    if lex
        .fold_freq(word)
        .is_none_or(|best| best < freq.saturating_add(GAP))
    {
        return None;
    }
    if let Some(known) = ACCENTED_FORM.with(|m| m.borrow().get(word).cloned()) {
        return known;
    }
    let form = lex
        .forms_of_fold(word)
        .into_iter()
        .find(|(_, f)| *f >= freq.saturating_add(GAP))
        .map(|(form, _)| form);
    ACCENTED_FORM.with(|m| {
        let mut m = m.borrow_mut();
        // Bounded like the word memo, for long runs.
        if m.len() > 100_000 {
            m.clear();
        }
        m.insert(word.to_string(), form.clone());
    });
    form
}

thread_local! {
    /// [`rare_unaccented`]'s answers past its probe, by word (its frequency is the word's): the
    /// spellings of a folded key are listed by a walk of the lexicon trie, about 3,000
    /// instructions, and every pass of every document asked it of the same common words.
    static ACCENTED_FORM: RefCell<HashMap<String, Option<String>, FxBuild>> = RefCell::new(HashMap::default());
}

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
    if word.is_ascii() {
        // The usual token: the same tests on bytes, without Unicode property tables.
        let b = word.as_bytes();
        let letters = b.iter().filter(|c| c.is_ascii_alphabetic()).count();
        let odd = b.len() - letters;
        if letters < 2 || b.iter().all(|c| !c.is_ascii_lowercase()) {
            return false;
        }
        if odd > 0
            && (letters < 3
                || odd > 1
                || b.iter().any(|c| c.is_ascii_digit() && !b"016".contains(c)))
        {
            return false;
        }
        return !b[1..].iter().any(u8::is_ascii_uppercase);
    }
    // The same tests in one pass over the characters (they were five passes, each decoding).
    let (mut chars, mut letters) = (0, 0);
    let (mut lowercase_letter, mut odd_digit, mut rest_upper) = (false, false, false);
    for (k, c) in word.chars().enumerate() {
        let upper = c.is_uppercase();
        chars += 1;
        if is_letter(c) {
            letters += 1;
            lowercase_letter |= !upper;
        }
        odd_digit |= c.is_ascii_digit() && !"016".contains(c);
        rest_upper |= k > 0 && upper;
    }
    // With two letters or more, `is_all_caps` is "no letter but capitals".
    if letters < 2 || !lowercase_letter {
        return false;
    }
    let odd = chars - letters;
    if odd > 0 && (letters < 3 || odd > 1 || odd_digit) {
        return false;
    }
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
    let upper = if first_is_confusable(orig) && orig_first.to_lowercase().next() != Some(form_first)
    {
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
    edits.sort_by(|a, b| {
        b.confidence
            .total_cmp(&a.confidence)
            .then(a.start.cmp(&b.start))
    });
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

    proptest::proptest! {
        #[test]
        fn worth_checking_answers_as_its_five_pass_form(word in "[aZé1É0|’ÇŒß6x]{0,7}") {
            let letters = word.chars().filter(|&c| is_letter(c)).count();
            let odd = word.chars().count() - letters;
            let five_passes = !(letters < 2 || is_all_caps(&word))
                && !(odd > 0
                    && (letters < 3
                        || odd > 1
                        || word.chars().any(|c| c.is_ascii_digit() && !"016".contains(c))))
                && !word.chars().skip(1).any(|c| c.is_uppercase());
            proptest::prop_assert_eq!(worth_checking(&word), five_passes);
        }
    }

    #[test]
    fn overlapping_edits_keep_the_confident_one() {
        let text = "abcdef";
        let out = resolve(
            text,
            vec![
                Edit::new(0, 3, "x", "a", 0.5),
                Edit::new(2, 4, "y", "b", 0.9),
                Edit::new(4, 6, "z", "c", 0.6),
            ],
        );
        assert_eq!(
            out.iter().map(|e| e.rule).collect::<Vec<_>>(),
            vec!["b", "c"]
        );
    }
}

/// The text with the confident edits of [`propose`] applied: the rules' unit tests read it.
#[cfg(test)]
pub(crate) fn applied(text: &str) -> String {
    let mut out = text.to_string();
    for e in propose(text)
        .into_iter()
        .rev()
        .filter(|e| e.confidence >= 0.5)
    {
        out.replace_range(e.start..e.end, &e.after);
    }
    out
}
