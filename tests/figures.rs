use clu_minutes::figures::{find_figures, FigureKind};
use proptest::prelude::*;

fn read(text: &str) -> Vec<(f64, FigureKind, Option<String>)> {
    find_figures(text)
        .into_iter()
        .map(|f| (f.value, f.kind, f.unit))
        .collect()
}

fn one(text: &str) -> (f64, FigureKind, Option<String>) {
    let found = read(text);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    found.into_iter().next().unwrap()
}

#[test]
fn french_thousands_separators() {
    assert_eq!(one("soit 245 310 demandes traitées").0, 245310.0);
    assert_eq!(one("soit 4\u{202f}512 appels").0, 4512.0);
    assert_eq!(one("soit 2\u{a0}300 visites").0, 2300.0);
    assert_eq!(one("avec 1 150 connexions").0, 1150.0);
}

#[test]
fn percentages() {
    assert_eq!(
        one("un taux de 64,2 % en hausse"),
        (64.2, FigureKind::Percent, Some("%".into()))
    );
    assert_eq!(
        one("atteint 31%."),
        (31.0, FigureKind::Percent, Some("%".into()))
    );
    assert_eq!(one("soit 12\u{a0}% des cas").0, 12.0);
}

#[test]
fn a_percent_sign_a_scan_misread_where_rates_are_spoken_of() {
    let found = read("le taux de décroché est passé de 78 26 à 85 %");
    assert_eq!(
        found,
        [
            (78.0, FigureKind::Percent, Some("%".into())),
            (85.0, FigureKind::Percent, Some("%".into()))
        ]
    );
    // Without a rate before it the token is left as read.
    assert_ne!(read("le groupe de 78 26 membres")[0].1, FigureKind::Percent);
}

#[test]
fn a_number_compared_with_contre_counts_the_same_thing() {
    let found = read("l'accueil a reçu 18 650 visiteurs en 2023, contre\n21 300 en 2022.");
    assert_eq!(
        found,
        [
            (18650.0, FigureKind::Count, Some("visiteurs".into())),
            (21300.0, FigureKind::Count, Some("visiteurs".into()))
        ]
    );
}

#[test]
fn points_of_a_rate_are_percentage_points() {
    let found = read("le taux est passé de 78 % à 85 %, soit +7 points");
    assert_eq!(
        found.last(),
        Some(&(7.0, FigureKind::Percent, Some("points".into())))
    );
    assert_eq!(
        one("le permis à points retire 4 points").1,
        FigureKind::Count
    );
}

#[test]
fn a_dash_from_a_bullet_is_not_a_minus() {
    assert_eq!(one("téléphonie, -72 % des appels").0, 72.0);
    assert_eq!(one("- 40 % de réponses").0, 40.0);
    assert_eq!(one("une évolution de -3 %").0, -3.0);
}

#[test]
fn money() {
    assert_eq!(
        one("un coût de 45 000 € par an"),
        (45000.0, FigureKind::Money, Some("EUR".into()))
    );
    assert_eq!(
        one("soit 9 € par habitant"),
        (9.0, FigureKind::Money, Some("EUR".into()))
    );
    assert_eq!(
        one("une aide de 300 euros"),
        (300.0, FigureKind::Money, Some("EUR".into()))
    );
    assert_eq!(
        one("la démarche a coûté 12 k€ en formation"),
        (12000.0, FigureKind::Money, Some("EUR".into()))
    );
    assert_eq!(
        one("un montant de 1,5 M€, débutera"),
        (1500000.0, FigureKind::Money, Some("EUR".into()))
    );
    assert_eq!(one("soit 3K€ par site").0, 3000.0);
    // The `€` read as an `E` by a scan.
    assert_eq!(
        one("d'un montant de 1,2 ME, seront achevés"),
        (1200000.0, FigureKind::Money, Some("EUR".into()))
    );
    assert!(read("soit 2 MESURES engagées").iter().all(|f| f.0 != 2e6));
}

#[test]
fn counts_take_the_noun_as_written() {
    assert_eq!(
        one("il a traité 3 412 titres en 2022"),
        (3412.0, FigureKind::Count, Some("titres".into()))
    );
    assert_eq!(
        one("ouverture de 4 nouvelles antennes"),
        (4.0, FigureKind::Count, Some("antennes".into()))
    );
    assert_eq!(
        one("autour de 6 grands thèmes"),
        (6.0, FigureKind::Count, Some("thèmes".into()))
    );
    assert_eq!(one("pour 12 DR installés").2, Some("DR".into()));
    assert_eq!(one("réponse en 1 seul appel").2, Some("appel".into()));
    assert_eq!(
        one("les 21 maisons France Services du département").2,
        Some("maisons France Services".into())
    );
    assert_eq!(
        one("dont 4 France services").2,
        Some("France services".into())
    );
}

#[test]
fn numbers_split_over_a_line() {
    assert_eq!(
        one("plus de 40 000\nconnexions par mois"),
        (40000.0, FigureKind::Count, Some("connexions".into()))
    );
    assert_eq!(
        one("un délai de 4\n jours"),
        (4.0, FigureKind::Duration, Some("days".into()))
    );
}

#[test]
fn durations_in_english_units() {
    for (text, unit) in [
        ("sous 2 jours ouvrés", "days"),
        ("en 12 jours", "days"),
        ("pendant 9 mois", "months"),
        ("depuis 4 ans", "years"),
        ("dans les 2 prochaines années", "years"),
        ("en 3 semaines", "weeks"),
        ("environ 15 minutes d'attente", "minutes"),
        ("une formation de 6 heures", "hours"),
    ] {
        let (_, kind, u) = one(text);
        assert_eq!(
            (kind, u.as_deref()),
            (FigureKind::Duration, Some(unit)),
            "{text}"
        );
    }
    let f = &find_figures("sous 2 jours ouvrés")[0];
    assert_eq!(f.text, "2 jours ouvrés");
}

#[test]
fn ages_are_other() {
    let found = read("des personnes de 18 à 75 ans");
    assert_eq!(
        found,
        vec![
            (18.0, FigureKind::Other, Some("years".into())),
            (75.0, FigureKind::Other, Some("years".into()))
        ]
    );
}

#[test]
fn ordinals_used_as_names_are_other() {
    assert_eq!(
        one("son 12ème guichet ouvert"),
        (12.0, FigureKind::Other, Some("guichet".into()))
    );
    assert_eq!(
        one("un 3ème atelier"),
        (3.0, FigureKind::Other, Some("atelier".into()))
    );
    assert_eq!(
        one("un accueil de 1er niveau"),
        (1.0, FigureKind::Other, Some("niveau".into()))
    );
}

#[test]
fn bare_numbers_introduced_as_quantities() {
    let found = read("Le nombre de guichets est passé de 12 début 2021 à 18 fin mars 2023.");
    assert_eq!(
        found,
        vec![
            (12.0, FigureKind::Count, Some("guichets".into())),
            (18.0, FigureKind::Count, Some("guichets".into()))
        ]
    );
    assert_eq!(one("le stock atteint plus de 450 000.").0, 450000.0);
    let (v, k, u) = one("Les médiateurs numériques sont au nombre de 4 dans le département.");
    assert_eq!(
        (v, k, u.as_deref()),
        (4.0, FigureKind::Count, Some("médiateurs numériques"))
    );
    let list = read("Les passages mensuels :\n- site de Laon : 1400\n- site de Vervins : 300\n");
    assert_eq!(
        list.iter().map(|f| f.0).collect::<Vec<_>>(),
        [1400.0, 300.0]
    );
}

#[test]
fn ocr_dot_after_a_number_in_running_text() {
    let found = read("(3 avis positifs,\n2. avis négatifs)");
    assert_eq!(found.iter().map(|f| f.0).collect::<Vec<_>>(), [3.0, 2.0]);
    assert!(read("Ordre du jour :\n1. présentation du bilan").is_empty());
}

#[test]
fn years_dates_times_phones_and_addresses_are_not_figures() {
    assert!(read("En 2021, le 3 mai 2022, le 4 juin, à 14h30, de 9h à 12h.").is_empty());
    assert!(read("Tél : 03 26 11 22 33, contact@pref51.gouv.fr, www.marne2.gouv.fr").is_empty());
    assert!(read("Bilan 2022 : plan 2022-2025").is_empty());
    assert!(read("au 3ème trimestre 2023").is_empty());
    assert!(read("Préfecture – 1 rue de la Préfecture – Limoges").is_empty());
    assert!(read("accueil au 10 place Foch ou au 2 bis avenue du Général").is_empty());
}

#[test]
fn street_types_in_the_plural_or_without_a_name_are_counts() {
    assert_eq!(one("réserver 3 places de parking").2, Some("places".into()));
    assert_eq!(one("il reste 1 place disponible").2, Some("place".into()));
}

#[test]
fn references_and_names_are_not_figures() {
    for text in [
        "1) Pilotage",
        "III/ Bilan",
        "le module n°3 « accueil »",
        "le module 2 – titres",
        "voir l'axe 2 et l'annexe 1",
        "la DDT51 et le SGCD52",
        "l'union départementale (UDAF) 94.",
        "le dispositif AP2022",
        "appelez le 34-00 ou le 3939",
        "le référentiel Qualipref 2.0",
        "M. DUPONT, France victimes 02, président",
        "La Porte du Der, Les 3 Forêts",
        "Une option. 11 existe aussi.",
    ] {
        assert!(read(text).is_empty(), "{text}: {:?}", read(text));
    }
}

#[test]
fn context_is_the_collapsed_sentence() {
    let f = &find_figures("Bilan. Le service a instruit\n42 dossiers en moyenne. Fin.")[0];
    assert_eq!(f.context, "Le service a instruit 42 dossiers en moyenne.");
    assert_eq!(f.text, "42 dossiers");
}

proptest! {
    #[test]
    fn never_panics_and_spans_are_char_boundaries(s in "\\PC{0,200}") {
        for f in find_figures(&s) {
            prop_assert!(s.is_char_boundary(f.span.start) && s.is_char_boundary(f.span.end));
        }
    }

    #[test]
    fn never_panics_on_number_like_noise(s in "[0-9 \u{a0}\u{202f},.%€°\"\\-:\\nàde]{0,80}") {
        let _ = find_figures(&s);
    }
}

#[test]
fn dont_takes_the_unit_of_the_count_it_is_part_of() {
    let f = find_figures("Le réseau compte 52 bureaux ouverts dans 2 villes, dont 31 à Brest.");
    let part = f
        .iter()
        .find(|f| f.value == 31.0)
        .expect("the part is a figure");
    assert_eq!(
        (part.kind, part.unit.as_deref()),
        (FigureKind::Count, Some("bureaux"))
    );
}

#[test]
fn ocr_digits_standing_for_words_are_not_figures() {
    // `à` read as `4`, the article `l’` as `1’`, the pronoun `Il` as `[1`.
    assert!(
        find_figures("des bornes destinées 4 guider les visiteurs et 4 une\nécoute attentive")
            .is_empty()
    );
    assert!(find_figures("un accès pour les personnes 4 mobilité réduite").is_empty());
    assert!(find_figures("le bureau de 1’ Ain").is_empty());
    assert!(find_figures("[1 rappelle la règle.").is_empty());
    // A real 4 takes a plural noun.
    assert_eq!(
        read("il reste 4 guichets"),
        [(4.0, FigureKind::Count, Some("guichets".to_string()))]
    );
}

#[test]
fn millions_and_billions_written_out() {
    assert_eq!(
        one("un budget de 2,4 millions d'euros voté"),
        (2_400_000.0, FigureKind::Money, Some("EUR".into()))
    );
    assert_eq!(
        one("soit 1,7 million d’euros"),
        (1_700_000.0, FigureKind::Money, Some("EUR".into()))
    );
    assert_eq!(
        one("environ 3 milliards €"),
        (3e9, FigureKind::Money, Some("EUR".into()))
    );
    assert_eq!(
        one("plus de 1,1 million de passagers"),
        (1_100_000.0, FigureKind::Count, Some("passagers".into()))
    );
}

#[test]
fn unit_first_indicators_count_the_labelled_noun() {
    assert_eq!(
        one("- nombre de dossiers traités : 87 ;"),
        (87.0, FigureKind::Count, Some("dossiers".into()))
    );
    assert_eq!(
        one("Nombre d'usagers reçus : 2 311"),
        (2311.0, FigureKind::Count, Some("usagers".into()))
    );
    assert_eq!(
        one("Nombre d’appels reçus : 61 204"),
        (61204.0, FigureKind::Count, Some("appels".into()))
    );
    assert!(read("Horaires : 9").is_empty());
}

#[test]
fn a_whole_hour_after_a_is_a_time_of_day() {
    assert!(read("la séance ouvre le jeudi à 9 heures en salle").is_empty());
    assert!(read("le 2 mars 2021 à 9 heures")
        .iter()
        .all(|f| f.1 != FigureKind::Duration));
    assert!(read("reprise vers 15 heures").is_empty());
    assert_eq!(one("une attente de 3 heures").2, Some("hours".into()));
    assert_eq!(read("de 1 à 4 heures d'attente").len(), 2);
}

#[test]
fn a_list_item_whose_bullet_ocr_lost() {
    let values: Vec<f64> = read("les flux mensuels sont les suivants :\n\n- préfecture : 1600\nsous-préfecture de Laon : 200\n\n- sous-préfecture de Vervins : 250\n").into_iter().map(|f| f.0).collect();
    assert_eq!(values, vec![1600.0, 200.0, 250.0]);
    assert!(read("Référence du dossier : 200\nSuite du texte.\n").is_empty());
}

#[test]
fn hours_joined_by_a_dash_are_times_of_day() {
    assert!(read("Réunion du 5 décembre 2023 (14 heures – 16 heures)").is_empty());
    assert_eq!(one("un délai de 48 heures – au plus").0, 48.0);
}

#[test]
fn semesters_are_periods_not_figures() {
    assert!(read("au 2e semestre on comptait").is_empty());
    assert!(read("bilan du 1er semestre").is_empty());
}

#[test]
fn a_number_ending_its_line_before_a_capitalised_line_is_read_alone() {
    let found = read("Nombre de courriers reçus : 3 480\nDélai moyen : 6 jours");
    assert_eq!(
        found[0],
        (3480.0, FigureKind::Count, Some("courriers".into()))
    );
}

#[test]
fn a_rate_per_thousand_is_kind_other() {
    assert_eq!(
        one("les réclamations : 1,8 ‰ des démarches"),
        (1.8, FigureKind::Other, Some("‰".into()))
    );
}

#[test]
fn points_after_a_direction_written_in_words_are_percentage_points() {
    assert_eq!(
        one("l'accueil est en baisse\nde 3 points"),
        (3.0, FigureKind::Percent, Some("points".into()))
    );
    assert_eq!(
        one("la CAF a ouvert 2 points d'accueil").1,
        FigureKind::Count
    );
}

#[test]
fn both_ends_of_a_range_opened_by_entre_take_its_unit() {
    assert_eq!(
        read("un taux entre 85 et\n90 % selon les sites"),
        [
            (85.0, FigureKind::Percent, Some("%".into())),
            (90.0, FigureKind::Percent, Some("%".into()))
        ]
    );
    assert_eq!(
        read("(entre 4 et 6 jeunes)"),
        [
            (4.0, FigureKind::Count, Some("jeunes".into())),
            (6.0, FigureKind::Count, Some("jeunes".into()))
        ]
    );
    // Without a unit at the other end, the first number says nothing.
    assert!(read("entre 12 et la fin").is_empty());
}

#[test]
fn digits_in_brackets_after_a_number_in_words_are_one_figure() {
    assert_eq!(
        one("ils dureront six (6)\nsemaines"),
        (6.0, FigureKind::Duration, Some("weeks".into()))
    );
    assert_eq!(
        one("cinquante-deux mille (52 000) visiteurs"),
        (52000.0, FigureKind::Count, Some("visiteurs".into()))
    );
}

#[test]
fn a_part_of_the_whole_a_sentence_opens_with() {
    let found = read("Sur les 45 exigences du référentiel, 43 sont satisfaites.");
    assert_eq!(
        found,
        [
            (45.0, FigureKind::Count, Some("exigences".into())),
            (43.0, FigureKind::Count, Some("exigences".into()))
        ]
    );
    let found = read(
        "un audit mené au 13 mars 2024, Sur les 45 exigences du référentiel, 43 sont satisfaites.",
    );
    assert_eq!(
        found[1],
        (43.0, FigureKind::Count, Some("exigences".into()))
    );
}

#[test]
fn a_per_mille_sign_a_scan_read_as_percent_o() {
    assert_eq!(
        one("restent rares : 1,8 %o des démarches"),
        (1.8, FigureKind::Other, Some("‰".into()))
    );
}

#[test]
fn a_list_number_after_a_blank_line_is_no_figure() {
    assert!(read("ORDRE DU JOUR\n\n1. indicateurs de l'accueil 2023\n").is_empty());
    // A wrapped sentence still goes on: `… soit\n1. avis neutre` has no blank line.
    assert_eq!(one("on relève au total\n1. avis neutre").0, 1.0);
}

#[test]
fn digits_a_scan_read_as_letters_before_a_unit() {
    assert_eq!(
        one("a recueilli G12 réponses ;"),
        (612.0, FigureKind::Count, Some("réponses".into()))
    );
    assert_eq!(
        one("Au 31 mai, 27 41B usagers ont été accueillis").0,
        27418.0
    );
    assert_eq!(one("le service a traité | 842 demandes").0, 1842.0);
    // A bar between table cells, a letter beside one digit, a verb after it: left as read.
    assert_eq!(read("| Visiteurs | 850 usagers |")[0].0, 850.0);
    assert!(read("niveau B2 requis").is_empty());
    assert!(read("1} souhaite un point").is_empty());
    // As written, the digits keep their value.
    assert_eq!(one("a recueilli 612 réponses ;").0, 612.0);
}

#[test]
fn a_percent_sign_a_scan_misread_after_a_decimal_number() {
    assert_eq!(
        one("et 87,5 Po des usagers interrogés"),
        (87.5, FigureKind::Percent, Some("%".into()))
    );
    assert_eq!(
        one("les usagers atteint 93,5 9%."),
        (93.5, FigureKind::Percent, Some("%".into()))
    );
    assert_eq!(one("atteint 75,9 °%, contre").0, 75.9);
    // An integer needs a rate spoken of, and a year is no rate.
    assert_ne!(read("chez 30 9% de ses allocataires")[0].0, 30.0);
    assert_eq!(
        read("en 2023 9% des usagers"),
        [(9.0, FigureKind::Percent, Some("%".into()))]
    );
    // As written.
    assert_eq!(one("et 87,5 % des usagers").0, 87.5);
}
