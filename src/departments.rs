//! The vocabulary of French departments: INSEE codes, official names with the article a
//! prefecture takes, chefs-lieux and sous-préfectures, with lookups that forgive case,
//! accents, hyphens and apostrophes, and a finder of department names in free text.

use once_cell::sync::Lazy;
use std::collections::HashMap;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

#[derive(Debug, PartialEq, Eq)]
pub struct Department {
    /// INSEE code: "01".."95", "2A", "2B", "971".."976".
    pub code: &'static str,
    /// Official spelling, with accents and hyphens.
    pub name: &'static str,
    /// What stands between "préfecture " and the name: "de la ", "du ", "de l'", "d'", "des ", "de ".
    pub article: &'static str,
    /// Chef-lieu (seat of the prefecture).
    pub prefecture: &'static str,
    /// Every other chef-lieu d'arrondissement.
    pub subprefectures: &'static [&'static str],
}

/// A department name found in a text; `start..end` are byte offsets into that text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub dept: &'static Department,
    pub start: usize,
    pub end: usize,
}

/// Constructor kept short so that the table below reads one department a line.
const fn d(
    code: &'static str,
    name: &'static str,
    article: &'static str,
    prefecture: &'static str,
    subprefectures: &'static [&'static str],
) -> Department {
    Department {
        code,
        name,
        article,
        prefecture,
        subprefectures,
    }
}

/// The 101 departments in INSEE order. Sous-préfectures are the chefs-lieux
/// d'arrondissement other than the prefecture, as of 2024, under the current commune name
/// where a commune nouvelle renamed one (Vire Normandie, Cherbourg-en-Cotentin, ...);
/// `CITY_ALIASES` maps the older short names.
pub static DEPARTMENTS: &[Department] = &[
    d(
        "01",
        "Ain",
        "de l'",
        "Bourg-en-Bresse",
        &["Belley", "Gex", "Nantua"],
    ),
    d(
        "02",
        "Aisne",
        "de l'",
        "Laon",
        &["Château-Thierry", "Saint-Quentin", "Soissons", "Vervins"],
    ),
    d("03", "Allier", "de l'", "Moulins", &["Montluçon", "Vichy"]),
    d(
        "04",
        "Alpes-de-Haute-Provence",
        "des ",
        "Digne-les-Bains",
        &["Barcelonnette", "Castellane", "Forcalquier"],
    ),
    d("05", "Hautes-Alpes", "des ", "Gap", &["Briançon"]),
    d("06", "Alpes-Maritimes", "des ", "Nice", &["Grasse"]),
    d(
        "07",
        "Ardèche",
        "de l'",
        "Privas",
        &["Largentière", "Tournon-sur-Rhône"],
    ),
    d(
        "08",
        "Ardennes",
        "des ",
        "Charleville-Mézières",
        &["Rethel", "Sedan", "Vouziers"],
    ),
    d(
        "09",
        "Ariège",
        "de l'",
        "Foix",
        &["Pamiers", "Saint-Girons"],
    ),
    d(
        "10",
        "Aube",
        "de l'",
        "Troyes",
        &["Bar-sur-Aube", "Nogent-sur-Seine"],
    ),
    d(
        "11",
        "Aude",
        "de l'",
        "Carcassonne",
        &["Limoux", "Narbonne"],
    ),
    d(
        "12",
        "Aveyron",
        "de l'",
        "Rodez",
        &["Millau", "Villefranche-de-Rouergue"],
    ),
    d(
        "13",
        "Bouches-du-Rhône",
        "des ",
        "Marseille",
        &["Aix-en-Provence", "Arles", "Istres"],
    ),
    d(
        "14",
        "Calvados",
        "du ",
        "Caen",
        &["Bayeux", "Lisieux", "Vire Normandie"],
    ),
    d(
        "15",
        "Cantal",
        "du ",
        "Aurillac",
        &["Mauriac", "Saint-Flour"],
    ),
    d(
        "16",
        "Charente",
        "de la ",
        "Angoulême",
        &["Cognac", "Confolens"],
    ),
    d(
        "17",
        "Charente-Maritime",
        "de la ",
        "La Rochelle",
        &["Jonzac", "Rochefort", "Saint-Jean-d'Angély", "Saintes"],
    ),
    d(
        "18",
        "Cher",
        "du ",
        "Bourges",
        &["Saint-Amand-Montrond", "Vierzon"],
    ),
    d(
        "19",
        "Corrèze",
        "de la ",
        "Tulle",
        &["Brive-la-Gaillarde", "Ussel"],
    ),
    d("2A", "Corse-du-Sud", "de la ", "Ajaccio", &["Sartène"]),
    d("2B", "Haute-Corse", "de la ", "Bastia", &["Calvi", "Corte"]),
    d(
        "21",
        "Côte-d'Or",
        "de la ",
        "Dijon",
        &["Beaune", "Montbard"],
    ),
    d(
        "22",
        "Côtes-d'Armor",
        "des ",
        "Saint-Brieuc",
        &["Dinan", "Guingamp", "Lannion"],
    ),
    d("23", "Creuse", "de la ", "Guéret", &["Aubusson"]),
    d(
        "24",
        "Dordogne",
        "de la ",
        "Périgueux",
        &["Bergerac", "Nontron", "Sarlat-la-Canéda"],
    ),
    d(
        "25",
        "Doubs",
        "du ",
        "Besançon",
        &["Montbéliard", "Pontarlier"],
    ),
    d("26", "Drôme", "de la ", "Valence", &["Die", "Nyons"]),
    d("27", "Eure", "de l'", "Évreux", &["Les Andelys", "Bernay"]),
    d(
        "28",
        "Eure-et-Loir",
        "d'",
        "Chartres",
        &["Châteaudun", "Dreux", "Nogent-le-Rotrou"],
    ),
    d(
        "29",
        "Finistère",
        "du ",
        "Quimper",
        &["Brest", "Châteaulin", "Morlaix"],
    ),
    d("30", "Gard", "du ", "Nîmes", &["Alès", "Le Vigan"]),
    d(
        "31",
        "Haute-Garonne",
        "de la ",
        "Toulouse",
        &["Muret", "Saint-Gaudens"],
    ),
    d("32", "Gers", "du ", "Auch", &["Condom", "Mirande"]),
    d(
        "33",
        "Gironde",
        "de la ",
        "Bordeaux",
        &["Arcachon", "Blaye", "Langon", "Lesparre-Médoc", "Libourne"],
    ),
    d(
        "34",
        "Hérault",
        "de l'",
        "Montpellier",
        &["Béziers", "Lodève"],
    ),
    d(
        "35",
        "Ille-et-Vilaine",
        "d'",
        "Rennes",
        &["Fougères", "Redon", "Saint-Malo"],
    ),
    d(
        "36",
        "Indre",
        "de l'",
        "Châteauroux",
        &["Le Blanc", "La Châtre", "Issoudun"],
    ),
    d("37", "Indre-et-Loire", "d'", "Tours", &["Chinon", "Loches"]),
    d(
        "38",
        "Isère",
        "de l'",
        "Grenoble",
        &["La Tour-du-Pin", "Vienne"],
    ),
    d(
        "39",
        "Jura",
        "du ",
        "Lons-le-Saunier",
        &["Dole", "Saint-Claude"],
    ),
    d("40", "Landes", "des ", "Mont-de-Marsan", &["Dax"]),
    d(
        "41",
        "Loir-et-Cher",
        "de ",
        "Blois",
        &["Romorantin-Lanthenay", "Vendôme"],
    ),
    d(
        "42",
        "Loire",
        "de la ",
        "Saint-Étienne",
        &["Montbrison", "Roanne"],
    ),
    d(
        "43",
        "Haute-Loire",
        "de la ",
        "Le Puy-en-Velay",
        &["Brioude", "Yssingeaux"],
    ),
    d(
        "44",
        "Loire-Atlantique",
        "de la ",
        "Nantes",
        &["Châteaubriant", "Saint-Nazaire"],
    ),
    d(
        "45",
        "Loiret",
        "du ",
        "Orléans",
        &["Montargis", "Pithiviers"],
    ),
    d("46", "Lot", "du ", "Cahors", &["Figeac", "Gourdon"]),
    d(
        "47",
        "Lot-et-Garonne",
        "de ",
        "Agen",
        &["Marmande", "Nérac", "Villeneuve-sur-Lot"],
    ),
    d(
        "48",
        "Lozère",
        "de la ",
        "Mende",
        &["Florac Trois Rivières"],
    ),
    d(
        "49",
        "Maine-et-Loire",
        "de ",
        "Angers",
        &["Cholet", "Saumur", "Segré-en-Anjou Bleu"],
    ),
    d(
        "50",
        "Manche",
        "de la ",
        "Saint-Lô",
        &["Avranches", "Cherbourg-en-Cotentin", "Coutances"],
    ),
    d(
        "51",
        "Marne",
        "de la ",
        "Châlons-en-Champagne",
        &["Épernay", "Reims", "Sainte-Menehould", "Vitry-le-François"],
    ),
    d(
        "52",
        "Haute-Marne",
        "de la ",
        "Chaumont",
        &["Langres", "Saint-Dizier"],
    ),
    d(
        "53",
        "Mayenne",
        "de la ",
        "Laval",
        &["Château-Gontier-sur-Mayenne", "Mayenne"],
    ),
    d(
        "54",
        "Meurthe-et-Moselle",
        "de ",
        "Nancy",
        &["Lunéville", "Toul", "Val de Briey"],
    ),
    d(
        "55",
        "Meuse",
        "de la ",
        "Bar-le-Duc",
        &["Commercy", "Verdun"],
    ),
    d("56", "Morbihan", "du ", "Vannes", &["Lorient", "Pontivy"]),
    d(
        "57",
        "Moselle",
        "de la ",
        "Metz",
        &["Forbach", "Sarrebourg", "Sarreguemines", "Thionville"],
    ),
    d(
        "58",
        "Nièvre",
        "de la ",
        "Nevers",
        &["Château-Chinon", "Clamecy", "Cosne-Cours-sur-Loire"],
    ),
    d(
        "59",
        "Nord",
        "du ",
        "Lille",
        &[
            "Avesnes-sur-Helpe",
            "Cambrai",
            "Douai",
            "Dunkerque",
            "Valenciennes",
        ],
    ),
    d(
        "60",
        "Oise",
        "de l'",
        "Beauvais",
        &["Clermont", "Compiègne", "Senlis"],
    ),
    d(
        "61",
        "Orne",
        "de l'",
        "Alençon",
        &["Argentan", "Mortagne-au-Perche"],
    ),
    d(
        "62",
        "Pas-de-Calais",
        "du ",
        "Arras",
        &[
            "Béthune",
            "Boulogne-sur-Mer",
            "Calais",
            "Lens",
            "Montreuil-sur-Mer",
            "Saint-Omer",
        ],
    ),
    d(
        "63",
        "Puy-de-Dôme",
        "du ",
        "Clermont-Ferrand",
        &["Ambert", "Issoire", "Riom", "Thiers"],
    ),
    d(
        "64",
        "Pyrénées-Atlantiques",
        "des ",
        "Pau",
        &["Bayonne", "Oloron-Sainte-Marie"],
    ),
    d(
        "65",
        "Hautes-Pyrénées",
        "des ",
        "Tarbes",
        &["Argelès-Gazost", "Bagnères-de-Bigorre"],
    ),
    d(
        "66",
        "Pyrénées-Orientales",
        "des ",
        "Perpignan",
        &["Céret", "Prades"],
    ),
    d(
        "67",
        "Bas-Rhin",
        "du ",
        "Strasbourg",
        &["Haguenau", "Molsheim", "Saverne", "Sélestat"],
    ),
    d(
        "68",
        "Haut-Rhin",
        "du ",
        "Colmar",
        &["Altkirch", "Mulhouse", "Thann"],
    ),
    d("69", "Rhône", "du ", "Lyon", &["Villefranche-sur-Saône"]),
    d("70", "Haute-Saône", "de la ", "Vesoul", &["Lure"]),
    d(
        "71",
        "Saône-et-Loire",
        "de ",
        "Mâcon",
        &["Autun", "Chalon-sur-Saône", "Charolles", "Louhans"],
    ),
    d(
        "72",
        "Sarthe",
        "de la ",
        "Le Mans",
        &["La Flèche", "Mamers"],
    ),
    d(
        "73",
        "Savoie",
        "de la ",
        "Chambéry",
        &["Albertville", "Saint-Jean-de-Maurienne"],
    ),
    d(
        "74",
        "Haute-Savoie",
        "de la ",
        "Annecy",
        &["Bonneville", "Saint-Julien-en-Genevois", "Thonon-les-Bains"],
    ),
    d("75", "Paris", "de ", "Paris", &[]),
    d(
        "76",
        "Seine-Maritime",
        "de la ",
        "Rouen",
        &["Dieppe", "Le Havre"],
    ),
    d(
        "77",
        "Seine-et-Marne",
        "de ",
        "Melun",
        &["Fontainebleau", "Meaux", "Provins", "Torcy"],
    ),
    d(
        "78",
        "Yvelines",
        "des ",
        "Versailles",
        &["Mantes-la-Jolie", "Rambouillet", "Saint-Germain-en-Laye"],
    ),
    d(
        "79",
        "Deux-Sèvres",
        "des ",
        "Niort",
        &["Bressuire", "Parthenay"],
    ),
    d(
        "80",
        "Somme",
        "de la ",
        "Amiens",
        &["Abbeville", "Montdidier", "Péronne"],
    ),
    d("81", "Tarn", "du ", "Albi", &["Castres"]),
    d(
        "82",
        "Tarn-et-Garonne",
        "de ",
        "Montauban",
        &["Castelsarrasin"],
    ),
    d("83", "Var", "du ", "Toulon", &["Brignoles", "Draguignan"]),
    d("84", "Vaucluse", "de ", "Avignon", &["Apt", "Carpentras"]),
    d(
        "85",
        "Vendée",
        "de la ",
        "La Roche-sur-Yon",
        &["Fontenay-le-Comte", "Les Sables-d'Olonne"],
    ),
    d(
        "86",
        "Vienne",
        "de la ",
        "Poitiers",
        &["Châtellerault", "Montmorillon"],
    ),
    d(
        "87",
        "Haute-Vienne",
        "de la ",
        "Limoges",
        &["Bellac", "Rochechouart"],
    ),
    d(
        "88",
        "Vosges",
        "des ",
        "Épinal",
        &["Neufchâteau", "Saint-Dié-des-Vosges"],
    ),
    d("89", "Yonne", "de l'", "Auxerre", &["Avallon", "Sens"]),
    d("90", "Territoire de Belfort", "du ", "Belfort", &[]),
    d(
        "91",
        "Essonne",
        "de l'",
        "Évry-Courcouronnes",
        &["Étampes", "Palaiseau"],
    ),
    d(
        "92",
        "Hauts-de-Seine",
        "des ",
        "Nanterre",
        &["Antony", "Boulogne-Billancourt"],
    ),
    d(
        "93",
        "Seine-Saint-Denis",
        "de la ",
        "Bobigny",
        &["Le Raincy", "Saint-Denis"],
    ),
    d(
        "94",
        "Val-de-Marne",
        "du ",
        "Créteil",
        &["L'Haÿ-les-Roses", "Nogent-sur-Marne"],
    ),
    // The prefecture sits in Cergy; INSEE still records Pontoise as the legal chef-lieu,
    // which is also the chef-lieu of the arrondissement (see CITY_ALIASES).
    d(
        "95",
        "Val-d'Oise",
        "du ",
        "Cergy",
        &["Argenteuil", "Sarcelles"],
    ),
    d(
        "971",
        "Guadeloupe",
        "de la ",
        "Basse-Terre",
        &["Pointe-à-Pitre"],
    ),
    d(
        "972",
        "Martinique",
        "de la ",
        "Fort-de-France",
        &["La Trinité", "Le Marin", "Saint-Pierre"],
    ),
    d(
        "973",
        "Guyane",
        "de la ",
        "Cayenne",
        &["Saint-Laurent-du-Maroni"],
    ),
    d(
        "974",
        "La Réunion",
        "de ",
        "Saint-Denis",
        &["Saint-Benoît", "Saint-Paul", "Saint-Pierre"],
    ),
    d("976", "Mayotte", "de ", "Mamoudzou", &[]),
];

/// Other names a department goes by, for `by_name` and `find_mentions`.
const NAME_ALIASES: &[(&str, &str)] = &[
    // The article is part of the official name but often dropped in a lookup key.
    ("Réunion", "974"),
    ("Seine-St-Denis", "93"),
];

/// Older or shorter names of chefs-lieux, mostly communes merged into communes nouvelles,
/// which minutes still use.
const CITY_ALIASES: &[(&str, &str)] = &[
    ("Vire", "14"),
    ("Florac", "48"),
    ("Segré", "49"),
    ("Cherbourg", "50"),
    ("Château-Gontier", "53"),
    ("Briey", "54"),
    ("Évry", "91"),
    ("Pontoise", "95"),
    ("Cergy-Pontoise", "95"),
];

/// Names that are also ordinary French words ("la somme", "il orne", "qu'il vienne", "le
/// lot", "la marne" the clay): in free text they count only with an initial capital.
const NEEDS_CAPITAL: &[&str] = &[
    "Ain", "Allier", "Aube", "Calvados", "Cantal", "Creuse", "Gironde", "Jura", "Landes", "Manche",
    "Marne", "Nord", "Orne", "Paris", "Var", "Vienne",
];

/// Names whose capitalised form also opens sentences and lines ("Cher Monsieur", "Lot 2 :",
/// "Somme due") : there the capital proves nothing, so they also must not start a sentence.
const NEEDS_CAPITAL_MID_SENTENCE: &[&str] = &["Cher", "Lot", "Somme"];

pub fn by_code(code: &str) -> Option<&'static Department> {
    let code = code.trim();
    DEPARTMENTS
        .iter()
        .find(|d| d.code.eq_ignore_ascii_case(code))
}

pub fn by_name(name: &str) -> Option<&'static Department> {
    static INDEX: Lazy<HashMap<String, &'static Department>> = Lazy::new(|| {
        let mut index: HashMap<String, &'static Department> =
            DEPARTMENTS.iter().map(|d| (fold(d.name), d)).collect();
        for (alias, code) in NAME_ALIASES {
            index.insert(fold(alias), by_code(code).expect("alias of a known code"));
        }
        index
    });
    INDEX.get(&fold(name)).copied()
}

/// Department of a prefecture or sous-préfecture. Where two departments share a city name,
/// a prefecture wins over a sous-préfecture (Saint-Denis is La Réunion's, not
/// Seine-Saint-Denis'), then the first department in code order.
pub fn by_city(city: &str) -> Option<&'static Department> {
    static INDEX: Lazy<HashMap<String, &'static Department>> = Lazy::new(|| {
        let mut index = HashMap::new();
        for d in DEPARTMENTS {
            index.entry(fold(d.prefecture)).or_insert(d);
        }
        for d in DEPARTMENTS {
            for city in d.subprefectures {
                index.entry(fold(city)).or_insert(d);
            }
        }
        for (alias, code) in CITY_ALIASES {
            index
                .entry(fold(alias))
                .or_insert(by_code(code).expect("alias of a known code"));
        }
        index
    });
    INDEX.get(&fold(city)).copied()
}

/// Lookup key: lowercase, accents removed, every run of spaces, hyphens and apostrophes
/// made one space, trimmed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_folded(c, &mut out);
    }
    out.trim().to_string()
}

/// Hyphens as typed, by word processors (non-breaking) and by OCR (en dash).
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2013}')
}

fn is_separator(c: char) -> bool {
    c.is_whitespace() || is_hyphen(c) || matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

fn push_folded(c: char, out: &mut String) {
    if is_separator(c) {
        if !out.ends_with(' ') {
            out.push(' ');
        }
    } else if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if c != '\u{AD}' {
        // A soft hyphen is invisible: dropping it keeps "Haute-Mar\u{AD}ne" whole.
        for lower in c.to_lowercase() {
            decompose_canonical(lower, |part| {
                if !is_combining_mark(part) {
                    out.push(part);
                }
            });
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Case {
    Any,
    Capital,
    CapitalMidSentence,
    /// "La Réunion": "réunion" is the commonest word of minutes, and all-capital headings
    /// ("LA RÉUNION DU 3 MAI") are frequent, so the R must be the only capital.
    Title,
}

struct Pattern {
    dept: &'static Department,
    case: Case,
    /// Byte offset, in the folded pattern, of the word whose case is checked.
    cased_word: usize,
}

/// The folded names, found by their first two bytes: every folded name is at least three
/// bytes long and opens with two of `a`-`z` and the space. Building an Aho-Corasick DFA of the
/// names was a twentieth of the start-up; this table costs nothing to build and reads a
/// byte about as fast.
struct Finder {
    /// Folded names and their index in `patterns`, sorted by their first two bytes.
    keys: Vec<(String, usize)>,
    /// For each pair of [`PAIR_CLASS`]es, the range of `keys` opening with it.
    buckets: [(u16, u16); 27 * 27],
    patterns: Vec<Pattern>,
}

/// `a`-`z` as 0-25, the space as 26 (the bytes a folded name opens with), others 27.
const PAIR_CLASS: [u8; 256] = {
    let mut classes = [27u8; 256];
    let mut b = b'a';
    while b <= b'z' {
        classes[b as usize] = b - b'a';
        b += 1;
    }
    classes[b' ' as usize] = 26;
    classes
};

/// Index in [`Finder::buckets`] of a name or text position opening with `a`, `b`.
fn bucket(a: u8, b: u8) -> Option<usize> {
    let (a, b) = (
        usize::from(PAIR_CLASS[usize::from(a)]),
        usize::from(PAIR_CLASS[usize::from(b)]),
    );
    (a < 27 && b < 27).then_some(a * 27 + b)
}

static FINDER: Lazy<Finder> = Lazy::new(|| {
    let mut keys = Vec::new();
    let mut patterns = Vec::new();
    for d in DEPARTMENTS {
        let key = fold(d.name);
        let (case, cased_word) = if d.code == "974" {
            (Case::Title, key.rfind(' ').map_or(0, |i| i + 1))
        } else if NEEDS_CAPITAL.contains(&d.name) {
            (Case::Capital, 0)
        } else if NEEDS_CAPITAL_MID_SENTENCE.contains(&d.name) {
            (Case::CapitalMidSentence, 0)
        } else {
            (Case::Any, 0)
        };
        keys.push(key);
        patterns.push(Pattern {
            dept: d,
            case,
            cased_word,
        });
    }
    // "Réunion" alone is left out: the island takes its article in French ("à La Réunion"),
    // and the bare capitalised word is the title of minutes ("Réunion du 3 mai").
    for (alias, code) in NAME_ALIASES.iter().filter(|(a, _)| *a != "Réunion") {
        keys.push(fold(alias));
        patterns.push(Pattern {
            dept: by_code(code).expect("alias of a known code"),
            case: Case::Any,
            cased_word: 0,
        });
    }
    let mut keys: Vec<(String, usize)> = keys
        .into_iter()
        .enumerate()
        .map(|(i, key)| (key, i))
        .collect();
    let key_bucket = |key: &str| {
        assert!(key.len() >= 3, "a folded name of three bytes or more");
        bucket(key.as_bytes()[0], key.as_bytes()[1]).expect("a folded name opens with letters")
    };
    keys.sort_by_key(|(key, _)| key_bucket(key));
    let mut buckets = [(0u16, 0u16); 27 * 27];
    for (at, (key, _)) in keys.iter().enumerate() {
        let range = &mut buckets[key_bucket(key)];
        if range.0 == range.1 {
            range.0 = at as u16;
        }
        range.1 = at as u16 + 1;
    }
    Finder {
        keys,
        buckets,
        patterns,
    }
});

/// Every occurrence of every folded name in `folded`, overlapping ones included (the
/// longest valid one is chosen after the boundary checks, never before), in order of start:
/// start, end and index of the name.
fn occurrences(finder: &Finder, folded: &str, mut each: impl FnMut(usize, usize, usize)) {
    let bytes = folded.as_bytes();
    let Some(&first) = bytes.first() else { return };
    let mut class = usize::from(PAIR_CLASS[usize::from(first)]);
    for at in 0..bytes.len().saturating_sub(2) {
        let next = usize::from(PAIR_CLASS[usize::from(bytes[at + 1])]);
        let pair = (class, next);
        class = next;
        if pair.0 == 27 || pair.1 == 27 {
            continue;
        }
        let (from, to) = finder.buckets[pair.0 * 27 + pair.1];
        for (key, pattern) in &finder.keys[usize::from(from)..usize::from(to)] {
            // The third byte first: it tells most names of a bucket apart.
            let key = key.as_bytes();
            if bytes[at + 2] == key[2] && bytes[at..].starts_with(key) {
                each(at, at + key.len(), *pattern);
            }
        }
    }
}

/// Every department name in `text`, in order, without overlaps. Matching is done on a
/// folded copy of the text (see [`fold`]), so case, accents, hyphens written as spaces and
/// a space after an apostrophe do not matter; a name counts only as a whole: not glued to
/// a letter, a digit or a hyphen ("Nogent-sur-Marne", "Marne-la-Vallée"), nor after
/// "sur"/"sous" that follow a capitalised word ("Nogent sur Marne"). Where candidates
/// overlap, the leftmost then longest wins, so "Haute-Marne" is not also "Marne".
pub fn find_mentions(text: &str) -> Vec<Mention> {
    let finder = &*FINDER;
    let (folded, origin) = fold_with_origins(text);
    let mut found: Vec<Mention> = Vec::new();
    occurrences(finder, &folded, |m_start, m_end, index| {
        let pattern = &finder.patterns[index];
        let start = origin[m_start];
        let last = origin[m_end - 1];
        let end = last + text[last..].chars().next().map_or(0, char::len_utf8);
        let cased = origin[m_start + pattern.cased_word];
        if stands_alone(text, start, end) && case_fits(text, start, cased, pattern.case) {
            found.push(Mention {
                dept: pattern.dept,
                start,
                end,
            });
        }
    });
    found.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut mentions: Vec<Mention> = Vec::with_capacity(found.len());
    for m in found {
        if mentions.last().is_none_or(|prev| m.start >= prev.end) {
            mentions.push(m);
        }
    }
    mentions
}

/// `text` folded as [`push_folded`] does, and for each folded byte the offset of the
/// character it came from.
fn fold_with_origins(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Most characters are ASCII: one folded byte, none for a separator after a blank.
        if b.is_ascii() {
            let separator = matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' | b'-' | b'\'');
            if !separator || !folded.ends_with(' ') {
                folded.push(if separator {
                    ' '
                } else {
                    char::from(b.to_ascii_lowercase())
                });
                origin.push(i);
            }
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().expect("a char starts here");
        push_folded(c, &mut folded);
        origin.resize(folded.len(), i);
        i += c.len_utf8();
    }
    (folded, origin)
}

fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let glued = |c: char| c.is_alphanumeric() || is_hyphen(c);
    if text[..start].chars().next_back().is_some_and(glued)
        || text[end..].chars().next().is_some_and(glued)
    {
        return false;
    }
    // "Nogent sur Marne", "Bar sur Aube": a place name written without its hyphens.
    fn last_word(s: &str) -> &str {
        s.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("")
    }
    let before = text[..start].trim_end();
    let word = last_word(before);
    if word.eq_ignore_ascii_case("sur") || word.eq_ignore_ascii_case("sous") {
        let place = last_word(before[..before.len() - word.len()].trim_end());
        return !place.chars().next().is_some_and(char::is_uppercase);
    }
    true
}

fn case_fits(text: &str, start: usize, cased: usize, case: Case) -> bool {
    let mut letters = text[cased..].chars();
    let initial_capital = letters.next().is_some_and(char::is_uppercase);
    match case {
        Case::Any => true,
        Case::Capital => initial_capital,
        Case::CapitalMidSentence => initial_capital && !starts_sentence(text, start),
        Case::Title => initial_capital && letters.next().is_some_and(char::is_lowercase),
    }
}

/// Whether only blanks separate `pos` from the start of the text, of a line, or from
/// sentence-ending or list punctuation.
fn starts_sentence(text: &str, pos: usize) -> bool {
    match text[..pos]
        .trim_end_matches([' ', '\t'])
        .chars()
        .next_back()
    {
        None => true,
        Some(c) => matches!(
            c,
            '\n' | '\r'
                | '.'
                | '!'
                | '?'
                | ':'
                | ';'
                | '•'
                | '*'
                | '-'
                | '\u{2013}'
                | '\u{2014}'
                | ')'
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn occurrences_are_every_place_of_every_name() {
        let finder = &*FINDER;
        let names: std::collections::HashSet<&str> =
            finder.keys.iter().map(|(key, _)| key.as_str()).collect();
        assert_eq!(names.len(), finder.keys.len(), "each folded name once");
        let text = "la haute marne et la marne, haute savoie, savoiea, seine st denis seine saint denis, ain, vaine, gers, lot et garonne, ile de france, x";
        let mut expected: Vec<(usize, usize, usize)> = Vec::new();
        for (key, index) in &finder.keys {
            for at in 0..text.len() {
                if text[at..].starts_with(key.as_str()) {
                    expected.push((at, at + key.len(), *index));
                }
            }
        }
        let mut found = Vec::new();
        occurrences(finder, text, |start, end, index| {
            found.push((start, end, index))
        });
        found.sort();
        expected.sort();
        assert!(expected.len() > 10);
        assert_eq!(found, expected);
    }

    #[test]
    fn ascii_folds_as_any_character() {
        let ascii: String = (0u8..128).map(char::from).collect();
        for text in [
            ascii.as_str(),
            "  Haute -\x0b- Marne\u{a0}'d’Aisne  x",
            "\t-Puy-de-Dôme",
            "Œ - x",
        ] {
            let (mut folded, mut origin) = (String::new(), Vec::new());
            for (i, c) in text.char_indices() {
                push_folded(c, &mut folded);
                origin.resize(folded.len(), i);
            }
            assert_eq!(fold_with_origins(text), (folded, origin), "{text:?}");
        }
    }
    use std::collections::HashSet;

    /// (department code, mentioned text) for each mention, to compare in one assertion.
    fn found(text: &str) -> Vec<(&'static str, &str)> {
        find_mentions(text)
            .into_iter()
            .map(|m| (m.dept.code, &text[m.start..m.end]))
            .collect()
    }

    #[test]
    fn table_has_the_101_departments_once_each() {
        assert_eq!(DEPARTMENTS.len(), 101);
        let codes: HashSet<_> = DEPARTMENTS.iter().map(|d| d.code).collect();
        assert_eq!(codes.len(), 101);
        let names: HashSet<_> = DEPARTMENTS.iter().map(|d| fold(d.name)).collect();
        assert_eq!(names.len(), 101);
        let mainland = (1..=95).filter(|n| *n != 20).map(|n| format!("{n:02}"));
        let expected: HashSet<String> = mainland
            .chain(["2A", "2B", "971", "972", "973", "974", "976"].map(String::from))
            .collect();
        assert_eq!(codes, expected.iter().map(String::as_str).collect());
        for d in DEPARTMENTS {
            assert!(
                ["de la ", "du ", "de l'", "d'", "des ", "de "].contains(&d.article),
                "{}",
                d.name
            );
            assert!(!d.subprefectures.contains(&d.prefecture), "{}", d.name);
        }
    }

    #[test]
    fn spot_checks_of_the_data() {
        let marne = by_code("51").unwrap();
        assert_eq!(
            (marne.name, marne.article, marne.prefecture),
            ("Marne", "de la ", "Châlons-en-Champagne")
        );
        assert_eq!(
            marne.subprefectures,
            ["Épernay", "Reims", "Sainte-Menehould", "Vitry-le-François"]
        );
        let haute_marne = by_code("52").unwrap();
        assert_eq!(
            (haute_marne.prefecture, haute_marne.subprefectures),
            ("Chaumont", &["Langres", "Saint-Dizier"][..])
        );
        assert_eq!(
            by_code("02").unwrap().subprefectures,
            ["Château-Thierry", "Saint-Quentin", "Soissons", "Vervins"]
        );
        assert_eq!(
            by_code("94").unwrap().subprefectures,
            ["L'Haÿ-les-Roses", "Nogent-sur-Marne"]
        );
        assert_eq!(
            by_code("57").unwrap().subprefectures,
            ["Forbach", "Sarrebourg", "Sarreguemines", "Thionville"]
        );
        assert_eq!(
            by_code("83").unwrap().subprefectures,
            ["Brignoles", "Draguignan"]
        );
        assert_eq!(by_code("2a").unwrap().name, "Corse-du-Sud");
        assert_eq!(by_code("90").unwrap().name, "Territoire de Belfort");
        assert_eq!(by_code("75").unwrap().article, "de ");
        assert_eq!(by_code("976").unwrap().article, "de ");
        assert!(by_code("20").is_none() && by_code("975").is_none());
    }

    #[test]
    fn every_name_is_found_after_its_article() {
        for d in DEPARTMENTS {
            let text = format!("Le préfet {}{}, préfet de zone.", d.article, d.name);
            assert_eq!(found(&text), [(d.code, d.name)], "{text}");
            assert_eq!(by_name(d.name), Some(d));
            assert_eq!(by_city(d.prefecture), Some(d));
        }
    }

    #[test]
    fn fold_makes_one_key_of_every_spelling() {
        assert_eq!(fold("Côtes-d'Armor"), "cotes d armor");
        assert_eq!(fold("  CÔTES  D\u{2019} ARMOR "), "cotes d armor");
        assert_eq!(fold("L'Haÿ-les-Roses"), "l hay les roses");
        assert_eq!(fold("Saint-E\u{301}tienne"), "saint etienne");
    }

    #[test]
    fn by_name_forgives_case_accents_hyphens_and_apostrophes() {
        assert_eq!(by_name("HAUTE MARNE").unwrap().code, "52");
        assert_eq!(by_name("cotes d\u{2019}armor").unwrap().code, "22");
        assert_eq!(by_name("Cotes-d-Armor").unwrap().code, "22");
        assert_eq!(by_name("val d'oise").unwrap().code, "95");
        assert_eq!(by_name("territoire-de-belfort").unwrap().code, "90");
        assert_eq!(by_name("Réunion").unwrap().code, "974");
        assert_eq!(by_name("la reunion").unwrap().code, "974");
        assert_eq!(by_name("deux sevres").unwrap().code, "79");
        assert!(by_name("Garonne").is_none());
        assert!(by_name("Haute").is_none());
    }

    #[test]
    fn by_city_knows_prefectures_and_subprefectures() {
        assert_eq!(by_city("Chalons-en-Champagne").unwrap().code, "51");
        assert_eq!(by_city("CHÂLONS EN CHAMPAGNE").unwrap().code, "51");
        assert_eq!(by_city("Draguignan").unwrap().code, "83");
        assert_eq!(by_city("Metz").unwrap().code, "57");
        assert_eq!(by_city("l\u{2019}hay les roses").unwrap().code, "94");
        assert_eq!(by_city("Saint-Dizier").unwrap().code, "52");
        assert_eq!(by_city("Vire").unwrap().code, "14");
        assert_eq!(by_city("Pontoise").unwrap().code, "95");
        // A prefecture wins over a sous-préfecture of the same name.
        assert_eq!(by_city("Saint-Denis").unwrap().code, "974");
        assert!(by_city("Marne").is_none());
    }

    #[test]
    fn marne_is_told_apart_from_its_compounds() {
        let text = "En Haute-Marne comme dans la Marne et le Val-de-Marne ; Nogent-sur-Marne, \
                    Châlons-en-Champagne et Marne-la-Vallée ne sont pas des départements.";
        assert_eq!(
            found(text),
            [
                ("52", "Haute-Marne"),
                ("51", "Marne"),
                ("94", "Val-de-Marne")
            ]
        );
        assert_eq!(
            found("Les communes de Seine-et-Marne."),
            [("77", "Seine-et-Marne")]
        );
        assert_eq!(
            found("Le préfet de la haute marne et celui de Haute Marne."),
            [("52", "haute marne"), ("52", "Haute Marne")]
        );
        assert_eq!(found("La mairie de Nogent sur Marne."), []);
        assert_eq!(found("dans la MARNE"), [("51", "MARNE")]);
        assert_eq!(found("l'extraction de marne"), []);
    }

    #[test]
    fn compounds_of_other_names_are_whole() {
        let text =
            "La Loire, la Haute-Loire, la Loire-Atlantique, l'Indre-et-Loire, le Maine-et-Loire, \
                    la Saône-et-Loire et le Loiret.";
        let codes: Vec<_> = found(text).into_iter().map(|(code, _)| code).collect();
        assert_eq!(codes, ["42", "43", "44", "37", "49", "71", "45"]);
        let text = "Savoie, Haute-Savoie, Vienne, Haute-Vienne, Corse-du-Sud, Haute-Corse, Bas-Rhin, \
                    Haut-Rhin, Hautes-Alpes, Alpes-Maritimes, Pyrénées-Orientales, Hautes-Pyrénées, \
                    Charente, Charente-Maritime, Deux-Sèvres, Hauts-de-Seine, Seine-Maritime, Seine-Saint-Denis.";
        let codes: Vec<_> = found(text).into_iter().map(|(code, _)| code).collect();
        assert_eq!(
            codes,
            [
                "73", "74", "86", "87", "2A", "2B", "67", "68", "05", "06", "66", "65", "16", "17",
                "79", "92", "76", "93"
            ]
        );
        assert_eq!(
            found("la Haute-Garonne et la Garonne"),
            [("31", "Haute-Garonne")]
        );
        assert_eq!(
            found("la région Nord-Pas-de-Calais et Auvergne-Rhône-Alpes"),
            []
        );
    }

    #[test]
    fn apostrophes_accents_and_offsets() {
        let text =
            "préfecture de l' Aisne, des Côtes d\u{2019}Armor, du Val d'Oise et de l'Hérault";
        assert_eq!(
            found(text),
            [
                ("02", "Aisne"),
                ("22", "Côtes d\u{2019}Armor"),
                ("95", "Val d'Oise"),
                ("34", "Hérault")
            ]
        );
        assert_eq!(
            found("HERAULT, cotes d armor"),
            [("34", "HERAULT"), ("22", "cotes d armor")]
        );
        assert_eq!(found("Seine-St-Denis"), [("93", "Seine-St-Denis")]);
    }

    #[test]
    fn common_words_need_a_capital() {
        assert_eq!(
            found("la somme de 300 euros, un lot de chaises, il orne le nord de la ville"),
            []
        );
        assert_eq!(
            found("Cher Monsieur, la Somme et le Cher ; Lot 2 : Cahors (Lot)."),
            [("80", "Somme"), ("18", "Cher"), ("46", "Lot")]
        );
        assert_eq!(
            found("le département du Nord et l'Aube, à l'aube"),
            [("59", "Nord"), ("10", "Aube")]
        );
        assert_eq!(
            found("Réunion du 3 mai. LA RÉUNION DU COMITÉ. la réunion, à La Réunion"),
            [("974", "La Réunion")]
        );
        assert_eq!(found("qu'il vienne à Paris, des paris"), [("75", "Paris")]);
    }
}
