use clu_minutes::dates::find_dates;
use clu_minutes::labels::{find_labels, EventKind, Label};
use proptest::prelude::*;

fn labels(text: &str) -> Vec<Label> {
    find_labels(text, &find_dates(text))
}

fn names(text: &str) -> Vec<String> {
    labels(text).into_iter().map(|l| l.name).collect()
}

fn events(text: &str, name: &str) -> Vec<(EventKind, String)> {
    labels(text)
        .into_iter()
        .filter(|l| l.name == name)
        .flat_map(|l| l.events)
        .map(|e| (e.kind, e.date))
        .collect()
}

#[test]
fn canonical_names_from_any_spelling() {
    for spelling in ["« Qual-e-pref »", "QUAL-E-PREF", "qual-e-pref", "qualepref"] {
        assert_eq!(
            names(&format!("le label {spelling} est suivi")),
            ["Qual-e-pref"],
            "{spelling}"
        );
    }
    for spelling in ["QUALI-ATE", "quali-ATE", "Quali-ATE"] {
        assert_eq!(
            names(&format!("la démarche {spelling}")),
            ["Quali-ATE"],
            "{spelling}"
        );
    }
    for spelling in [
        "SP+",
        "Services Publics+",
        "services publics +",
        "« SERVICES PUBLICS + »",
    ] {
        assert_eq!(
            names(&format!("le programme {spelling}")),
            ["Services publics +"],
            "{spelling}"
        );
    }
    assert_eq!(
        names("la préfecture était certifiée QualiPref 2.0"),
        ["Qualipref"]
    );
    assert_eq!(names("selon le référentiel ISO 9001"), ["ISO 9001"]);
    assert_eq!(
        names("le label Engagement de service"),
        ["Engagement de service"]
    );
}

#[test]
fn mentions_are_counted() {
    let l = labels("Le label Qual-e-pref. Suivi du QUAL-E-PREF. Bilan qualepref.");
    assert_eq!(l[0].mentions, 3);
}

#[test]
fn ordinary_prose_is_not_a_label() {
    assert!(names(
        "l'ensemble des services publics et le sous-préfet en charge des services publics"
    )
    .is_empty());
    assert!(names("Mme Marianne DURAND, présidente").is_empty());
    assert!(names("Monsieur Guy DUPONT, qualité de service").is_empty());
}

#[test]
fn marianne_needs_a_label_context() {
    assert_eq!(
        names("dans la continuité de la charte Marianne"),
        ["Marianne"]
    );
    assert_eq!(
        names("les services étaient labellisés Marianne"),
        ["Marianne"]
    );
}

#[test]
fn france_services_needs_labelling_or_recurrence() {
    assert!(names("ouverture d'un espace France Services à Givet").is_empty());
    assert_eq!(
        names("12 espaces France Services sont labellisés."),
        ["France Services"]
    );
    assert_eq!(
        names("le réseau France Services. Les 8 France services du département."),
        ["France Services"]
    );
}

#[test]
fn obtained_events_from_the_sentence() {
    let text = "La préfecture a été labellisée « Qual-e-pref » le 4 mars 2021.";
    assert_eq!(
        events(text, "Qual-e-pref"),
        [(EventKind::Obtained, "2021-03-04".to_string())]
    );
    let text = "La préfecture a obtenu la certification Qual-e-pref en juin 2021 sans réserve.";
    assert_eq!(
        events(text, "Qual-e-pref"),
        [(EventKind::Obtained, "2021-06".to_string())]
    );
}

#[test]
fn one_bare_year_dates_every_label_of_its_sentence() {
    let text = "En 2015, la préfecture était labellisée Qualipref 2.0 et les sous-préfectures étaient labellisées Marianne.";
    assert_eq!(
        events(text, "Qualipref"),
        [(EventKind::Obtained, "2015".to_string())]
    );
    assert_eq!(
        events(text, "Marianne"),
        [(EventKind::Obtained, "2015".to_string())]
    );
}

#[test]
fn events_without_a_named_label_go_to_the_label_under_discussion() {
    let text = "Le label qual-e-pref concerne le ministère.\n\nRésultats :\n- audit interne : 12/03/21\n- site labellisé depuis le 02/06/21 par l'organisme\n";
    let ev = events(text, "Qual-e-pref");
    assert!(
        ev.contains(&(EventKind::Audit, "2021-03-12".to_string())),
        "{ev:?}"
    );
    assert!(
        ev.contains(&(EventKind::Obtained, "2021-06-02".to_string())),
        "{ev:?}"
    );
}

#[test]
fn plans_and_deadlines_are_targets_never_obtained() {
    let text =
        "Le label « Quali-ATE » sera déployé. L'obtention de sa labellisation est prévue en 2026.";
    assert_eq!(
        events(text, "Quali-ATE"),
        [(EventKind::Target, "2026".to_string())]
    );
    let text = "Déploiement de Quali-ATE. Objectif : labellisation au plus tard le 31/12/2026";
    assert_eq!(
        events(text, "Quali-ATE"),
        [(EventKind::Target, "2026-12-31".to_string())]
    );
    let text = "Pour Quali-ATE, les préfectures doivent être labélisées avant le 31 décembre 2026.";
    assert_eq!(
        events(text, "Quali-ATE"),
        [(EventKind::Target, "2026-12-31".to_string())]
    );
}

#[test]
fn a_label_of_a_place_obtained_in_a_year() {
    let text = "Le département compte 20 structures France services, dont celle de Givry labellisée en 2021.";
    assert_eq!(
        events(text, "France Services"),
        [(EventKind::Obtained, "2021".to_string())]
    );
}

#[test]
fn modules_attach_to_the_label_under_discussion() {
    let text = "Le label qual-e-pref porte sur :\n- module 1 – relation générale avec les usagers\n- module n°3 « titres »\n";
    let l = labels(text);
    assert_eq!(
        l[0].modules,
        ["relation générale avec les usagers", "titres"]
    );
}

proptest! {
    #[test]
    fn never_panics(s in "\\PC{0,200}") {
        let _ = labels(&s);
    }

    #[test]
    fn never_panics_on_label_like_noise(s in "(Qual-e-pref|SP\\+|labellisée|le 3 mai 2021|en 2020|module 1 – x|\\. |\\n|audit|prévue| ){0,30}") {
        let _ = labels(&s);
    }
}

#[test]
fn each_date_takes_the_status_of_its_own_clause() {
    let t = "Le service a obtenu la certification ISO 9001 le 2 juin 2020, après un audit mené le 3 mars 2020.";
    assert_eq!(
        events(t, "ISO 9001"),
        [
            (EventKind::Obtained, "2020-06-02".to_string()),
            (EventKind::Audit, "2020-03-03".to_string())
        ]
    );
    let t = "Le label Qual-e-pref, obtenu le 8 février 2019, sera renouvelé ; le label Quali-ATE est visé pour le 1er mars 2026.";
    assert_eq!(
        events(t, "Qual-e-pref"),
        [(EventKind::Obtained, "2019-02-08".to_string())]
    );
    assert_eq!(events(t, "Quali-ATE"), []);
}

#[test]
fn a_date_belongs_to_the_label_named_last_before_it() {
    let t = "Le site, labellisé Qualipref en mai 2015, puis Marianne le 4 juin 2018, rejoint Services publics +.";
    assert_eq!(
        events(t, "Qualipref"),
        [(EventKind::Obtained, "2015-05".to_string())]
    );
    assert_eq!(
        events(t, "Marianne"),
        [(EventKind::Obtained, "2018-06-04".to_string())]
    );
    assert_eq!(events(t, "Services publics +"), []);
    // Coordinated names share the date; a date before all names dates them all.
    let t = "Les deux sites ont été labellisés Qualipref et Marianne le 5 mai 2014.";
    assert_eq!(events(t, "Qualipref").len(), 1);
    assert_eq!(events(t, "Marianne").len(), 1);
}

#[test]
fn a_date_introduced_by_au_is_a_state_not_an_event() {
    let t = "On compte 12 maisons France Services labellisées au 31/03/2023 dans le département. Le label France Services est suivi.";
    assert_eq!(events(t, "France Services"), []);
}

#[test]
fn marianne_as_a_given_name_is_not_the_label() {
    assert!(
        names("La préfecture est labellisée, et Marianne DURAND présente le bilan.").is_empty()
    );
}

#[test]
fn preparing_the_passage_to_a_label_is_no_event() {
    let text = "La préfecture, labellisée Marianne depuis le 3 juin 2019, prépare son passage au référentiel Quali-ATE pour le 30 juin 2026.";
    assert_eq!(
        events(text, "Marianne"),
        [(EventKind::Obtained, "2019-06-03".to_string())]
    );
    assert!(events(text, "Quali-ATE")
        .iter()
        .all(|e| e.0 != EventKind::Obtained));
}

#[test]
fn an_ocr_bar_for_il_opens_a_new_sentence() {
    let text = "Le site est labellisé Qualipref depuis le 2 mars 2020. |l rappelle l'objectif fixé avant le 31/12/2021.";
    assert_eq!(
        events(text, "Qualipref")[0],
        (EventKind::Obtained, "2020-03-02".to_string())
    );
}
