//! Web and mail addresses of the administration, `….gouv.fr`, as a scan damages them: dots
//! read as spaces or spaced out (`www haute-marne.gouv fr`, `moselle. gouv.fr`), `www` glued or
//! hyphenated, the ends misread (`gouy`, `gour`, `f1`, `tr`, a lost `r`), a bracket before the
//! `@` (`roth{@`, `begue(@`), and a prefecture's domain, the department's name, one or two
//! letters off (`haute-mnarne`, `bas-thin`). Nothing else in these addresses is touched: a
//! mailbox's name has no lexicon to check it against.

use once_cell::sync::Lazy;
use regex::Regex;

use super::Doc;
use crate::departments::{self, DEPARTMENTS};
use crate::edit::Edit;

static ADDRESS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?x)
        (?:
            (?P<local>[a-z0-9][a-z0-9._-]*)(?P<bracket>[(\[{])?@(?P<mail_host>[a-z0-9-]+(?:[\ .][a-z0-9-]+)*?)
          | (?-u:\b)(?P<www>www|WWW)[\ .-]?(?P<web_host>[a-z0-9-]+(?:[\ .][a-z0-9-]+)*?)
        )
        (?:\ ?\.\ ?|\ )(?:gouv|gouy|gour|gou)(?:\ ?\.\ ?|\ )(?:fr|f1|tr|ft|f)(?-u:\b)",
    )
    .expect("static regex")
});

/// The domain names of the prefectures' sites: the department's name in lowercase, without
/// accents or apostrophes, hyphens for spaces (`val-doise`, `cotes-darmor`).
static PREFECTURE_HOSTS: Lazy<Vec<String>> = Lazy::new(|| {
    DEPARTMENTS
        .iter()
        .map(|d| departments::fold(&d.name.replace(['\'', '\u{2019}'], "")).replace(' ', "-"))
        .collect()
});

pub(super) fn propose(doc: &Doc, done: &mut [bool], edits: &mut Vec<Edit>) {
    let text = doc.text;
    // Every address ends in `gou…`: the regex runs only on the lines that have it.
    let mut searched_to = 0;
    for at in memchr::memmem::find_iter(text.as_bytes(), b"gou") {
        if at < searched_to {
            continue;
        }
        let start = text[..at].rfind('\n').map_or(0, |n| n + 1);
        let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
        searched_to = end;
        let line = &text[start..end];
        for m in ADDRESS.captures_iter(line) {
            let whole = m.get(0).expect("match");
            let Some(repaired) = canonical(doc, &m) else {
                continue;
            };
            let (from, to) = (start + whole.start(), start + whole.end());
            if let Some(edit) = narrowed(text, from, to, &repaired) {
                edits.push(edit);
                for (i, t) in doc.tokens.iter().enumerate() {
                    if t.start < to && t.end > from {
                        done[i] = true;
                    }
                }
            }
        }
    }
}

/// The address as it was typed, or `None` when its host cannot be read with confidence.
fn canonical(doc: &Doc, m: &regex::Captures) -> Option<String> {
    let (head, host) = match (m.name("local"), m.name("mail_host"), m.name("web_host")) {
        (Some(local), Some(host), _) => (format!("{}@", local.as_str()), host.as_str()),
        (None, _, Some(host)) => ("www.".to_string(), host.as_str()),
        _ => return None,
    };
    let host = prefecture_host(doc, host).or_else(|| {
        // Another site's host (`demarches.interieur`) keeps its labels, if it has no space.
        (!host.contains(' ')).then(|| host.to_string())
    })?;
    Some(format!("{head}{host}.gouv.fr"))
}

/// The prefecture's host that `host` was read from: exact, with spaces for its hyphens, or
/// nearest and one letter off (two for the department the minutes name, whose host is expected).
fn prefecture_host(doc: &Doc, host: &str) -> Option<String> {
    let joined = host.replace(' ', "-");
    let hosts = &*PREFECTURE_HOSTS;
    if joined.contains('.') {
        return None;
    }
    if hosts.contains(&joined) {
        return Some(joined);
    }
    if joined.len() < 4 {
        return None;
    }
    let mut near: Vec<(usize, usize)> = hosts
        .iter()
        .enumerate()
        .map(|(k, h)| (strsim::levenshtein(&joined, h), k))
        .filter(|&(distance, _)| distance <= 2)
        .collect();
    near.sort_unstable();
    let &(distance, k) = near.first()?;
    if near.get(1).is_some_and(|&(d, _)| d == distance) {
        return None;
    }
    let named = || {
        departments::find_mentions(doc.text)
            .iter()
            .any(|m| std::ptr::eq(m.dept, &DEPARTMENTS[k]))
    };
    (distance == 1 || joined.len() >= 6 && named()).then(|| hosts[k].clone())
}

/// One edit over the part of `text[from..to]` that differs from `repaired`.
fn narrowed(text: &str, from: usize, to: usize, repaired: &str) -> Option<Edit> {
    let seen = &text[from..to];
    if seen == repaired {
        return None;
    }
    let prefix = seen
        .bytes()
        .zip(repaired.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = seen[prefix..]
        .bytes()
        .rev()
        .zip(repaired[prefix..].bytes().rev())
        .take_while(|(a, b)| a == b)
        .count();
    // Addresses here are ASCII but for what the regex cannot match, so byte cuts fall
    // between characters.
    Some(Edit::new(
        from + prefix,
        to - suffix,
        &repaired[prefix..repaired.len() - suffix],
        "address",
        0.8,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repaired(text: &str) -> String {
        let doc = Doc::new(text);
        let mut done = vec![false; doc.tokens.len()];
        let mut edits = Vec::new();
        propose(&doc, &mut done, &mut edits);
        let mut out = text.to_string();
        for e in edits.iter().rev() {
            out.replace_range(e.start..e.end, &e.after);
        }
        out
    }

    #[test]
    fn separators_and_ends_of_gouv_fr_addresses() {
        for (seen, typed) in [
            ("www haute-marne.gouv fr", "www.haute-marne.gouv.fr"),
            ("wwwhaute-marne.gouv.fr", "www.haute-marne.gouv.fr"),
            ("www-haute-marne.gouv.fr", "www.haute-marne.gouv.fr"),
            ("www.moselle gouv.fr", "www.moselle.gouv.fr"),
            (
                "sophie.morin@charente-maritime. gouv.tr",
                "sophie.morin@charente-maritime.gouv.fr",
            ),
            (
                "sylvie.martiny@moselle.gour.f1",
                "sylvie.martiny@moselle.gouv.fr",
            ),
            (
                "mylene.begue@haute marne.gouv.f",
                "mylene.begue@haute-marne.gouv.fr",
            ),
            (
                "caroline.roth{@bas-rhin.gouv.fr",
                "caroline.roth@bas-rhin.gouv.fr",
            ),
            (
                "pref-qualite(@finistere. gouv.fr",
                "pref-qualite@finistere.gouv.fr",
            ),
        ] {
            assert_eq!(
                repaired(&format!("Contact : {seen} pour tout renseignement.")),
                format!("Contact : {typed} pour tout renseignement.")
            );
        }
    }

    #[test]
    fn a_prefecture_host_one_letter_off() {
        assert_eq!(
            repaired("<elodie.fournier@uise.gouv.fr>"),
            "<elodie.fournier@oise.gouv.fr>"
        );
        assert_eq!(
            repaired("caroline.coth@bas-thin.gouv.fr"),
            "caroline.coth@bas-rhin.gouv.fr"
        );
        // Two letters off only for the department the minutes name.
        assert_eq!(
            repaired("Préfecture de la Haute-Marne. Site : www haute-mame.gouy fr"),
            "Préfecture de la Haute-Marne. Site : www.haute-marne.gouv.fr"
        );
        assert_eq!(
            repaired("Site : www.haute-mame.gouv.fr"),
            "Site : www.haute-mame.gouv.fr"
        );
    }

    #[test]
    fn other_addresses_and_prose_are_left() {
        for text in [
            "Site : www.demarches.interieur.gouv.fr et www.aisne.gouv.fr",
            "kevin.tessier@val-doise.gouv.fr, pref-clu@cotes-darmor.gouv.fr",
            // Spaces inside a host that is no prefecture's: perhaps prose.
            "voir www la page du gouv fr",
            "Le gouvernement a pris la parole.",
        ] {
            assert_eq!(repaired(text), text);
        }
    }
}
