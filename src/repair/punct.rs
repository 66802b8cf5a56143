//! Punctuation glyphs the scan misreads: a colon or a semicolon that lost its upper dot reads
//! as a period or a comma, Tesseract reads the spaced en dash as an em dash, a round bracket
//! as a curly one, and a speck as a period before a comma or a bracket.

use super::tokens::{is_protected, lines_inclusive};
use super::Doc;
use crate::edit::Edit;

pub(super) fn propose(doc: &Doc, edits: &mut Vec<Edit>) {
    colons(doc, edits);
    semicolons(doc, edits);
    list_colons(doc, edits);
    dashes(doc, edits);
    brackets(doc, edits);
    specks_before_a_closing_mark(doc, edits);
}

/// `M. Kévin ROUSSET., chargé d'accueil`, `(Mme Isabelle MOREL.)`: a speck read as a period
/// between a word in capitals (a name, an acronym) and a comma or a closing bracket. A period
/// never comes before a comma; before a bracket it may close a sentence in brackets, so only
/// a short aside (four words at most since its opening bracket, on the line) loses it.
fn specks_before_a_closing_mark(doc: &Doc, edits: &mut Vec<Edit>) {
    for i in 0..doc.tokens.len() {
        let gap = doc.gap_after(i);
        let closing = if gap.starts_with(".,") {
            ','
        } else if gap.starts_with(".)") {
            ')'
        } else {
            continue;
        };
        let t = doc.tokens[i];
        if t.text.chars().count() < 2 || !super::tokens::is_all_caps(t.text) {
            continue;
        }
        if closing == ')' {
            let line_start = doc.text[..t.start].rfind('\n').map_or(0, |n| n + 1);
            let Some(open) = doc.text[line_start..t.start].rfind('(') else {
                continue;
            };
            let aside = &doc.text[line_start + open + 1..t.end];
            if aside.split_whitespace().count() > 4 {
                continue;
            }
        }
        if !is_protected(&doc.protected, t.end, t.end + 1) {
            edits.push(Edit::new(t.end, t.end + 1, "", "speck-period", 0.7));
        }
    }
}

/// A round bracket whose curve the scan thickened reads as a curly one: `{CPAM des Ardennes)`,
/// `(APP France handicap}`. Minutes never open a bracket of one kind and close it with the
/// other, so a `{` before a word whose bracket on that line closes with `)` was `(`, and a `}`
/// closing a `(` was `)`.
fn brackets(doc: &Doc, edits: &mut Vec<Edit>) {
    let text = doc.text.as_bytes();
    // A mismatched pair needs a curly bracket: only the lines holding one are read.
    let mut next_line = 0;
    for curly in memchr::memchr2_iter(b'{', b'}', text) {
        if curly < next_line {
            continue;
        }
        let line_start = memchr::memrchr(b'\n', &text[..curly]).map_or(0, |n| n + 1);
        next_line = memchr::memchr(b'\n', &text[curly..]).map_or(text.len(), |n| curly + n + 1);
        let bytes = &text[line_start..next_line];
        let mut open: Option<(usize, u8)> = None;
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                b'(' | b'{' if bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) => {
                    open = Some((i, b))
                }
                b'(' | b'{' | b'[' => open = None,
                b')' | b'}' => {
                    let mismatched = match open {
                        Some((at, b'{')) if b == b')' => Some((at, "(")),
                        Some((_, b'(')) if b == b'}' => Some((i, ")")),
                        _ => None,
                    };
                    if let Some((at, round)) = mismatched {
                        let at = line_start + at;
                        if !is_protected(&doc.protected, at, at + 1) {
                            edits.push(Edit::new(at, at + 1, round, "curly-bracket", 0.7));
                        }
                    }
                    open = None;
                }
                _ => {}
            }
        }
    }
}

/// French sets a space before `:` but never before `.`; a colon whose upper dot the scan lost
/// reads as a period standing after a space. It was a colon when what follows goes on with the
/// sentence or opens a list: a lowercase word, a number, a dash, a bracket, a quote. Before a
/// capital it may as well end a sentence with a stray space, and is left alone. A list may
/// follow after a blank line.
fn colons(doc: &Doc, edits: &mut Vec<Edit>) {
    const LIST_MARKS: [char; 4] = ['-', '–', '—', '•'];
    let text = doc.text;
    // `memmem` rather than `match_indices`, whose two-way search of a two-byte pattern cost
    // several instructions a byte.
    for space in memchr::memmem::find_iter(text.as_bytes(), " .") {
        let dot = space + 1;
        let before = text[..space].trim_end_matches([' ', '\t']);
        // After a word of two letters or more (`p . 12` may be an abbreviation), a bracket or a sign.
        let word_len = before
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric())
            .count();
        let after_word = word_len >= 2 || before.ends_with([')', '»', '%']);
        let rest = &text[dot + 1..];
        // One space or one line break after it; `. .` and `...` are something else.
        let gap = rest.len() - rest.trim_start_matches([' ', '\t', '\r']).len();
        let rest = &rest[gap..];
        let (rest, broken) = match rest.strip_prefix('\n') {
            Some(r) => (r.trim_start_matches([' ', '\t']), true),
            None => (rest, false),
        };
        // A blank line may part a list from the line announcing it (`Points forts .`), not
        // from an item of another list, which may end with a stray mark.
        let line = &text[text[..space].rfind('\n').map_or(0, |k| k + 1)..space];
        let rest = if rest.starts_with('\n') && !line.trim_start().starts_with(LIST_MARKS) {
            rest.trim_start()
        } else {
            rest
        };
        if !after_word || (gap == 0 && !broken) || rest.starts_with('\n') {
            continue;
        }
        let Some(next) = rest.chars().next() else {
            continue;
        };
        // A line break is followed by a list item; within a line, the sentence goes on.
        let goes_on = if broken {
            LIST_MARKS.contains(&next)
        } else {
            next.is_lowercase()
                || next.is_ascii_digit()
                || matches!(next, '-' | '–' | '—' | '•' | '(' | '«')
        };
        if goes_on && !is_protected(&doc.protected, dot, dot + 1) {
            edits.push(Edit::new(dot, dot + 1, ":", "colon-read-period", 0.7));
        }
    }
}

/// French sets a space before `;` but never before `,`: a comma after a space at the end of a
/// line (`correspondant qualité ,`, an item of a list) is a semicolon whose upper dot was lost.
/// Inside a line the space may as well be the scan's, and the comma is left alone.
fn semicolons(doc: &Doc, edits: &mut Vec<Edit>) {
    let text = doc.text;
    for space in memchr::memmem::find_iter(text.as_bytes(), " ,") {
        let comma = space + 1;
        let line_end = text[comma + 1..].trim_start_matches([' ', '\t', '\r']);
        let after_word = text[..space]
            .trim_end_matches([' ', '\t'])
            .ends_with(|c: char| c.is_alphanumeric() || c == ')');
        if after_word
            && (line_end.is_empty() || line_end.starts_with('\n'))
            && !is_protected(&doc.protected, comma, comma + 1)
        {
            edits.push(Edit::new(
                comma,
                comma + 1,
                ";",
                "semicolon-read-comma",
                0.6,
            ));
        }
    }
}

/// Marks that open a list item, as the scan reads them (`+`, `=`, `*` for bullets).
fn list_mark(line: &str) -> bool {
    let line = line.trim_start_matches([' ', '\t']);
    let Some(c) = line.chars().next() else {
        return false;
    };
    matches!(c, '-' | '–' | '—' | '•' | '*' | '+' | '=' | '·' | '▪')
        && line[c.len_utf8()..].starts_with([' ', '\t'])
}

/// A line whose entry, after its list mark if it has one, opens with a civility (`- Mme Maëlle
/// CORRE, déléguée…`, `Mme Stéphanie LOUIS, secrétaire générale…`).
fn person(line: &str) -> bool {
    let entry = line.trim_start_matches([' ', '\t']);
    let entry = if list_mark(line) {
        entry[entry.chars().next().map_or(0, char::len_utf8)..].trim_start_matches([' ', '\t'])
    } else {
        entry
    };
    // `M:` too, the civility rule's `M.` once its period is mended.
    let first = entry.split([' ', '.', ':']).next().unwrap_or("");
    super::names::CIVILITIES.contains(&first)
}

/// A semicolon whose lower tail the scan lost reads as a colon. At the end of a list item
/// (`- la directrice de la CAF, Mme GUÉRIN :`) between two items of the same list, the
/// previous one ending with `;` (maybe wrapped over lines), it closes the item, it does not
/// open a sub-list: a sentence announcing a list is short and its items would follow under
/// another mark. A person's entry with its role (`Mme Anne LOUIS, secrétaire générale :`)
/// before another person's closes too, with or without marks.
fn list_colons(doc: &Doc, edits: &mut Vec<Edit>) {
    let text = doc.text;
    if memchr::memmem::find(text.as_bytes(), b" :").is_none() {
        return;
    }
    // (start offset, line) of the non-blank lines.
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for line in lines_inclusive(text) {
        if !line.trim().is_empty() {
            lines.push((at, line.trim_end()));
        }
        at += line.len();
    }
    for k in 1..lines.len().saturating_sub(1) {
        let (start, line) = lines[k];
        // As the stray-letter rule leaves it (`départemental : Ê`), so that a second pass
        // finds nothing left to do.
        let line = line
            .rsplit_once(' ')
            .filter(|(_, last)| {
                let mut chars = last.chars();
                chars.next().is_some_and(super::layout::never_alone) && chars.next().is_none()
            })
            .map_or(line, |(head, _)| head.trim_end());
        let Some(body) = line.strip_suffix(" :") else {
            continue;
        };
        let (prev, next) = (lines[k - 1].1, lines[k + 1].1);
        let words = body.split_whitespace().count() - 1;
        let marked = list_mark(line);
        if marked != list_mark(next) {
            continue;
        }
        // A person's entry announces no sub-list: before another person's, its colon closes it
        // (the entry before may be wrapped over lines, or be the list's first). Without marks,
        // the entry must give a role after the name, as a heading (`M. le Préfet :`) does not.
        let persons = person(line) && person(next) && (marked || body.contains(','));
        if !marked && !persons {
            continue;
        }
        // The line opening the previous item: `prev`, or the marked line it wraps.
        let item = (k.saturating_sub(3)..k)
            .rev()
            .map(|j| lines[j].1)
            .find(|l| list_mark(l));
        if !persons && (item.is_none() || !prev.ends_with(';') || words < 5) {
            continue;
        }
        // Items of one list open alike; sub-items often in lowercase under a capitalised one.
        let opens_upper = |l: &str| {
            l.trim_start()
                .chars()
                .skip(1)
                .find(|c| c.is_alphabetic())
                .map(char::is_uppercase)
        };
        if !persons
            && (opens_upper(line) != opens_upper(next)
                || opens_upper(line) != item.and_then(opens_upper))
        {
            continue;
        }
        let colon = start + line.len() - 1;
        if !is_protected(&doc.protected, colon, colon + 1) {
            edits.push(Edit::new(
                colon,
                colon + 1,
                ";",
                "semicolon-read-colon",
                0.6,
            ));
        }
    }
}

/// Tesseract reads the spaced en dash (`Bilan – juin`, what word processors put for ` - `) as
/// an em dash. Inside a line, between words, it is turned back; a document whose scan shows
/// spaced en dashes was read faithfully, and its em dashes are left alone. A hyphen glued to
/// the dash (`-—`) is the same stroke read twice.
fn dashes(doc: &Doc, edits: &mut Vec<Edit>) {
    let text = doc.text;
    if memchr::memmem::find(text.as_bytes(), " – ".as_bytes()).is_some() {
        return;
    }
    for (at, _) in text.match_indices('—') {
        let mut start = at;
        if text[..at].ends_with('-') {
            start -= 1;
        }
        let before = &text[..start];
        let after = &text[at + '—'.len_utf8()..];
        let line_before = before.rsplit('\n').next().unwrap_or(before);
        let spaced = before.ends_with(' ') && after.starts_with(' ');
        let inside_line = !line_before.trim().is_empty()
            && after
                .trim_start_matches(' ')
                .starts_with(|c: char| c != '\n');
        if spaced && inside_line && !is_protected(&doc.protected, start, at) {
            edits.push(Edit::new(start, at + '—'.len_utf8(), "–", "en-dash", 0.6));
        }
    }
    hyphen_dashes(doc, edits);
}

/// The French model never outputs an en dash: it reads the spaced one as an em dash or, in a
/// photocopy, as a hyphen (` - `, ` -- `). Typists put ` – ` between words (word processors
/// make it of ` - `), a bare spaced hyphen hardly ever; so in a text that reads like a scan
/// (and shows no en dash, which its OCR would have kept), a spaced hyphen between two words
/// of a line is the en dash. A typed export keeps its hyphens.
fn hyphen_dashes(doc: &Doc, edits: &mut Vec<Edit>) {
    let text = doc.text;
    let Some(first) = memchr::memmem::find(text.as_bytes(), b" -") else {
        return;
    };
    if !doc.scan() {
        return;
    }
    for space in memchr::memmem::find_iter(&text.as_bytes()[first..], b" -").map(|p| p + first) {
        let start = space + 1;
        let rest = &text[start..];
        let len = if rest.starts_with("-- ") {
            2
        } else if rest.starts_with("- ") {
            1
        } else {
            continue;
        };
        let before = text[..space].trim_end_matches(' ');
        let after = text[start + len..].trim_start_matches(' ');
        let line_before = before.rsplit('\n').next().unwrap_or(before);
        // Between a word (or a closing bracket, a figure) and what goes on on the same line.
        let word_before = line_before.trim().chars().count() >= 2
            && line_before.ends_with(|c: char| c.is_alphanumeric() || c == ')');
        let goes_on = after.starts_with(|c: char| c.is_alphanumeric() || c == '(');
        // Inside brackets it is a typist's hyphen in a name (`(UFC - que choisir)`).
        let in_brackets = line_before
            .rfind('(')
            .is_some_and(|open| line_before.rfind(')').is_none_or(|close| close < open));
        if word_before
            && goes_on
            && !in_brackets
            && !is_protected(&doc.protected, start, start + len)
        {
            edits.push(Edit::new(start, start + len, "–", "en-dash-hyphen", 0.6));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::repair::propose;

    fn applied(text: &str) -> Vec<(String, String)> {
        propose(text)
            .into_iter()
            .filter(|e| e.confidence >= 0.5)
            .map(|e| (text[e.start..e.end].to_string(), e.after))
            .collect()
    }

    #[test]
    fn spaced_period_before_the_rest_of_the_sentence_is_a_colon() {
        assert_eq!(
            applied("Points forts . la qualité"),
            [(".".into(), ":".into())]
        );
        assert_eq!(
            applied("les démarches .\n- titres de séjour"),
            [(".".into(), ":".into())]
        );
        assert_eq!(
            applied("réparti ainsi . 250 dossiers"),
            [(".".into(), ":".into())]
        );
        // A sentence end with a stray space, an ellipsis, a paragraph end, an abbreviation.
        assert!(applied("la fin . Le lendemain").is_empty());
        assert!(applied("et ainsi de suite . . . la fin").is_empty());
        assert_eq!(
            applied("Points forts .\n\n- implication des services"),
            [(".".into(), ":".into())]
        );
        assert!(applied("- les indicateurs de chaque site .\n\n- la stratégie").is_empty());
        assert!(applied("les démarches .\n\nLa suite").is_empty());
        assert!(applied("voir p . 12").is_empty());
    }

    #[test]
    fn spaced_comma_ending_a_line_is_a_semicolon() {
        assert_eq!(
            applied("- M. Durand, correspondant qualité ,\n- Mme Dupont"),
            [(",".into(), ";".into())]
        );
        // Inside a line, or without the space French sets before a semicolon.
        assert!(applied("M. DURAND , référent").is_empty());
        assert!(applied("correspondant qualité,\nsuite").is_empty());
    }

    #[test]
    fn spaced_em_dash_inside_a_line_is_an_en_dash() {
        assert_eq!(applied("Bilan — juin 2022"), [("—".into(), "–".into())]);
        assert_eq!(applied("14h30-16h30 -— Salle"), [("-—".into(), "–".into())]);
        // A dash opening a line, one glued to words, a document whose scan keeps en dashes.
        assert!(applied("— cette proposition").is_empty());
        assert!(applied("Bilan—juin").is_empty());
        assert!(applied("Bilan — juin, Audit – mai").is_empty());
    }

    /// A text with enough unknown words to read like a scan.
    const SCAN: &str = "La réunlon du comlté sest tenue dans la sallc.\n";

    #[test]
    fn spaced_hyphen_in_a_scan_is_an_en_dash() {
        let text = format!("{SCAN}Olivier DEVOS - Directeur -- CPAM de Lille\nJeudi 29 juin 2023, 10 h 00 - 12 h 00\n");
        let dashes: Vec<_> = applied(&text)
            .into_iter()
            .filter(|(_, a)| a == "–")
            .collect();
        assert_eq!(
            dashes,
            [
                ("-".into(), "–".into()),
                ("--".into(), "–".into()),
                ("-".into(), "–".into())
            ]
        );
        // A typed text, a hyphen inside brackets, one opening a line, a scan that keeps en dashes.
        assert!(applied(
            "Olivier DEVOS - Directeur de la caisse primaire, présent à la réunion du comité"
        )
        .is_empty());
        assert!(applied(&format!("{SCAN}Jean LAMARCHE (UFC - que choisir)"))
            .iter()
            .all(|(_, a)| a != "–"));
        assert!(applied(&format!("{SCAN}- Directeur de la CPAM"))
            .iter()
            .all(|(_, a)| a != "–"));
        assert!(applied(&format!("{SCAN}Bilan – juin, DEVOS - Directeur"))
            .iter()
            .all(|(_, a)| a != "–"));
    }

    #[test]
    fn colon_ending_a_list_item_between_items_is_a_semicolon() {
        let text = "- le président de l'UDAF de la Loire, M. Gilles JOUBERT ;\n\n- la directrice de l'accueil de la CAF, Mme Sylvie GUÉRIN :\n\n- le délégué du Défenseur des droits, M. SYLLA.";
        assert_eq!(applied(text), [(":".into(), ";".into())]);
        // A capitalised item announcing lowercase sub-items, a short one, the first of a list.
        assert!(applied("- Mettre en œuvre le plan de formation ;\n- Déployer des solutions innovantes et utiles :\n- déploiement d'une plate-forme ;").is_empty());
        assert!(
            applied("- le plan de formation ;\n- les solutions :\n- le déploiement ;").is_empty()
        );
        assert!(applied(
            "Ordre du jour du comité de ce jour :\n- le bilan de la démarche ;\n- le plan."
        )
        .is_empty());
    }

    #[test]
    fn colon_ending_an_item_after_a_wrapped_one_is_a_semicolon() {
        let text = "- Consolider l'articulation entre le SRU et la direction de l'immigration (DII),\nnotamment dans le cadre du guichet d'urgence ;\n- Étude relative à l'amélioration du parcours usagers :\n- Renouvellement du mobilier de l'accueil ;";
        assert_eq!(applied(text), [(":".into(), ";".into())]);
        // Lines ending with `;` under no mark are no item.
        assert!(applied("Il a été décidé de revoir la signalétique ;\nde plus, les horaires changent ;\n- Étude relative à l'amélioration du parcours usagers :\n- Renouvellement du mobilier de l'accueil ;").is_empty());
    }

    #[test]
    fn colon_ending_a_person_entry_without_marks_is_a_semicolon() {
        let text = "Étaient présents :\nMme Stéphanie LOUIS, secrétaire générale de la sous-préfecture de Thionville :\n\nMme Christine COLSON, secrétaire générale de la sous-préfecture de Forbach ;";
        assert_eq!(applied(text), [(":".into(), ";".into())]);
        // Before a speck the stray-letter rule drops, and a civility whose period was misread.
        let text = "Invités :\nM. Patrick WEITEN, président du conseil départemental : Ê\nM: Claude SOULLIER, directeur ;";
        assert!(applied(text).contains(&(":".into(), ";".into())));
        // A speaker's name heading what they said.
        assert!(applied("M. le Préfet :\nM. DUPONT rappelle les horaires.").is_empty());
    }

    #[test]
    fn colon_ending_a_person_entry_before_another_is_a_semicolon() {
        let text = "Étaient présents :\n- M. François HEITZ, directeur de cabinet :\n\n- Mme Caroline ROTH, référente qualité :\n- Mlle Léa BURGER, agent d'accueil.";
        assert_eq!(
            applied(text),
            [(":".into(), ";".into()), (":".into(), ";".into())]
        );
        // The last entry, an entry announcing a group, the clean form.
        assert!(applied("- M. François HEITZ, directeur de cabinet ;\n- Mme Caroline ROTH, référente :\nLa séance").is_empty());
        assert!(
            applied("- Pour la préfecture :\n- M. François HEITZ, directeur de cabinet ;")
                .is_empty()
        );
        assert!(applied(
            "- M. François HEITZ, directeur de cabinet ;\n- Mme Caroline ROTH, référente qualité ;"
        )
        .is_empty());
    }

    #[test]
    fn a_curly_bracket_closed_by_a_round_one_was_round() {
        assert_eq!(
            applied("M. Petit {CPAM des Ardennes), président"),
            [("{".into(), "(".into())]
        );
        assert_eq!(
            applied("Mme Roy (APP France handicap}\nM. Lenoir"),
            [("}".into(), ")".into())]
        );
        // Matching pairs, a bracket closed on another line, a curly pair around a placeholder.
        assert!(applied("le service (accueil) et {nom}").is_empty());
        assert!(applied("le service {accueil\net suite)").is_empty());
        assert!(applied("voir (ci-dessus [note}").is_empty());
    }
}
