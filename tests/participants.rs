//! One short example per attendance-list layout, written for the test, with the exact
//! records expected; interventions; and no panic on arbitrary input.

use clu_minutes::participants::{extract, Attendance, People};
use clu_minutes::segment::segment;
use proptest::prelude::*;

fn people(text: &str) -> People {
    extract(text, &segment(text, &[]))
}

/// (civility, given, family, role, organization, group, attendance) of each participant.
type Row = (
    Option<&'static str>,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Attendance,
);

fn rows(p: &People) -> Vec<Row> {
    p.participants
        .iter()
        .map(|p| {
            (
                p.civility,
                p.given_name.clone(),
                p.family_name.clone(),
                p.role.clone(),
                p.organization.clone(),
                p.group.clone(),
                p.attendance,
            )
        })
        .collect()
}

fn row(
    civility: Option<&'static str>,
    given: Option<&str>,
    family: &str,
    role: Option<&str>,
    org: Option<&str>,
    group: Option<&str>,
    attendance: Attendance,
) -> Row {
    (
        civility,
        given.map(String::from),
        family.to_string(),
        role.map(String::from),
        org.map(String::from),
        group.map(String::from),
        attendance,
    )
}

use Attendance::{Absent, Excused, Present};

#[test]
fn dash_list_with_continuations_and_ocr_bullets() {
    let t = "Participaient à la réunion :\n\nReprésentants des usagers :\nJeanne ROUX, présidente de l'association Lire Ensemble ;\n- Paul MARTIN, directeur du service de la\nvoirie ;\n. Luc PETIT, Maire de Trifouilly ;\n\nExcusés :\n\n- Anne DURAND, cheffe du bureau des élections ;\n";
    let p = people(t);
    assert_eq!(
        rows(&p),
        vec![
            row(
                None,
                Some("Jeanne"),
                "ROUX",
                Some("présidente"),
                Some("association Lire Ensemble"),
                Some("Représentants des usagers"),
                Present
            ),
            row(
                None,
                Some("Paul"),
                "MARTIN",
                Some("directeur du service de la voirie"),
                None,
                Some("Représentants des usagers"),
                Present
            ),
            row(
                None,
                Some("Luc"),
                "PETIT",
                Some("Maire de Trifouilly"),
                None,
                Some("Représentants des usagers"),
                Present
            ),
            row(
                None,
                Some("Anne"),
                "DURAND",
                Some("cheffe du bureau des élections"),
                None,
                None,
                Excused
            ),
        ]
    );
    let span = p.participants[1].span;
    assert_eq!(
        &t[span.start..span.end],
        "Paul MARTIN, directeur du service de la\nvoirie ;"
    );
}

#[test]
fn tab_table_with_chair() {
    let t = "Participants\n\nPrésidence : M. Henri BLANC, Secrétaire général de la préfecture\n\nUnion des Familles\tM. Paul MARTIN, Président\nDéfenseur des Droits\tMme Lucie NOIR\n\nAbsent excusé\n\nM. Yves COLIN, Président du club de lecture\n";
    let p = people(t);
    assert_eq!(
        rows(&p),
        vec![
            row(
                Some("M."),
                Some("Henri"),
                "BLANC",
                Some("Secrétaire général de la préfecture"),
                None,
                None,
                Present
            ),
            row(
                Some("M."),
                Some("Paul"),
                "MARTIN",
                Some("Président"),
                Some("Union des Familles"),
                None,
                Present
            ),
            row(
                Some("Mme"),
                Some("Lucie"),
                "NOIR",
                None,
                Some("Défenseur des Droits"),
                None,
                Present
            ),
            row(
                Some("M."),
                Some("Yves"),
                "COLIN",
                Some("Président du club de lecture"),
                None,
                None,
                Excused
            ),
        ]
    );
    assert_eq!(p.chair, Some(0));
}

#[test]
fn table_whose_tabs_ocr_lost() {
    let t = "Participants\n\nUnion des Familles M. Paul MARTIN, Président\n\nDirection des Services du Cabinet\nBureau du Courrier Mme Lucie NOIR, Adjointe\n";
    let p = people(t);
    assert_eq!(
        rows(&p),
        vec![
            row(
                Some("M."),
                Some("Paul"),
                "MARTIN",
                Some("Président"),
                Some("Union des Familles"),
                None,
                Present
            ),
            row(
                Some("Mme"),
                Some("Lucie"),
                "NOIR",
                Some("Adjointe"),
                Some("Direction des Services du Cabinet Bureau du Courrier"),
                None,
                Present
            ),
        ]
    );
}

#[test]
fn civility_in_full_with_acronym_under_a_preamble() {
    let t = "Participaient à ce comité en qualité de représentants des usagers :\n\n- Madame Claire BLEU, représentante locale de l'APF (APF, association de personnes handicapées) ;\n- Monsieur Jean-Marc LE GOFF, directeur de la maison des associations.\n";
    let p = people(t);
    assert_eq!(
        rows(&p),
        vec![
            row(
                Some("Mme"),
                Some("Claire"),
                "BLEU",
                Some("représentante locale"),
                Some("APF (APF, association de personnes handicapées)"),
                Some("Représentants des usagers"),
                Present
            ),
            row(
                Some("M."),
                Some("Jean-Marc"),
                "LE GOFF",
                Some("directeur de la maison des associations"),
                None,
                Some("Représentants des usagers"),
                Present
            ),
        ]
    );
}

#[test]
fn site_groups_without_bullets() {
    let t = "Présents :\n\nSous-préfecture de Belleville\n\nM. Marc LEBLANC, sous-préfecture de Belleville, secrétaire général\nMme Sophie VERT, Association des Amis du Parc, présidente\nM. Alain ROSE trésorier des finances publiques,\n\nIntroduction\n\nLa séance est ouverte par M. LEBLANC qui remercie les présents.\n";
    let p = people(t);
    let group = Some("Sous-préfecture de Belleville");
    assert_eq!(
        rows(&p),
        vec![
            row(
                Some("M."),
                Some("Marc"),
                "LEBLANC",
                Some("secrétaire général"),
                Some("sous-préfecture de Belleville"),
                group,
                Present
            ),
            row(
                Some("Mme"),
                Some("Sophie"),
                "VERT",
                Some("présidente"),
                Some("Association des Amis du Parc"),
                group,
                Present
            ),
            row(
                Some("M."),
                Some("Alain"),
                "ROSE",
                Some("trésorier des finances publiques"),
                None,
                group,
                Present
            ),
        ]
    );
}

#[test]
fn annex_list_with_invited_excused_and_chair_in_prose() {
    let t = "Le comité s'est tenu sous la présidence de Monsieur Jean Dupont, secrétaire général, le 3 mai.\n\nAnnexe\n\nListe des participants\n\nReprésentants des usagers :\n\nM. Paul MARTIN, conseiller, représentant du président de l'association Voisins ;\n\nInvités excusés :\n\nMme Anne PETIT, présidente du conseil départemental.\n";
    let p = people(t);
    assert_eq!(
        rows(&p),
        vec![
            row(
                Some("M."),
                Some("Jean"),
                "Dupont",
                Some("secrétaire général"),
                None,
                None,
                Present
            ),
            row(
                Some("M."),
                Some("Paul"),
                "MARTIN",
                Some("conseiller, représentant du président"),
                Some("association Voisins"),
                Some("Représentants des usagers"),
                Present
            ),
            row(
                Some("Mme"),
                Some("Anne"),
                "PETIT",
                Some("présidente du conseil départemental"),
                None,
                None,
                Excused
            ),
        ]
    );
    assert_eq!(p.chair, Some(0));
}

#[test]
fn other_common_forms() {
    let t = "Étaient présents : M. Paul MARTIN, maire ; Mme Anne PETIT\n\nPour l'administration :\n\nDUPONT Jean, chef du bureau du cabinet\nM. GIRARD, agent d'accueil\nMmes Lise BRUN et Marie-Angélique DA PAZ, référentes qualité\nM.Jean-François de VILLIERS, directeur\nNathalie BARNIER Responsable du standard, SGCD\nM. le représentant de l'UDAF\n\nAbsents :\n\nM. Luc NOIR, délégué\n";
    let p = people(t);
    let adm = Some("Pour l'administration");
    assert_eq!(
        rows(&p),
        vec![
            row(
                Some("M."),
                Some("Paul"),
                "MARTIN",
                Some("maire"),
                None,
                None,
                Present
            ),
            row(
                Some("Mme"),
                Some("Anne"),
                "PETIT",
                None,
                None,
                None,
                Present
            ),
            row(
                None,
                Some("Jean"),
                "DUPONT",
                Some("chef du bureau du cabinet"),
                None,
                adm,
                Present
            ),
            row(
                Some("M."),
                None,
                "GIRARD",
                Some("agent d'accueil"),
                None,
                adm,
                Present
            ),
            row(
                Some("Mme"),
                Some("Lise"),
                "BRUN",
                Some("référentes qualité"),
                None,
                adm,
                Present
            ),
            row(
                Some("Mme"),
                Some("Marie-Angélique"),
                "DA PAZ",
                Some("référentes qualité"),
                None,
                adm,
                Present
            ),
            row(
                Some("M."),
                Some("Jean-François"),
                "de VILLIERS",
                Some("directeur"),
                None,
                adm,
                Present
            ),
            row(
                None,
                Some("Nathalie"),
                "BARNIER",
                Some("Responsable du standard"),
                Some("SGCD"),
                adm,
                Present
            ),
            row(
                Some("M."),
                Some("Luc"),
                "NOIR",
                Some("délégué"),
                None,
                None,
                Absent
            ),
        ]
    );
    assert_eq!(p.unnamed_representatives.len(), 1);
    assert_eq!(
        p.unnamed_representatives[0].organization.as_deref(),
        Some("UDAF")
    );
    assert_eq!(p.unnamed_representatives[0].attendance, Present);
}

#[test]
fn organisation_first_tab_table_under_site_sub_headings() {
    let t = "Étaient présents :\n\nReprésentants des usagers\nOrganisation\tNom\tFonction\nUnion des Lecteurs\tMme Lise BRUN\tprésidente\n\nPour l'administration :\n\nPréfecture – site de Val-Haut\nBureau des titres\tM. Paul MARTIN\tchef de bureau\n\nSous-préfecture de Bas-Mont\nPôle accueil\tMme Anne PETIT\tresponsable\n\nInvités :\nOrganisation\tNom\tFonction\nLa Diligence, agence\tM. Luc NOIR\tdirecteur\n";
    let p = people(t);
    assert_eq!(
        rows(&p),
        vec![
            row(
                Some("Mme"),
                Some("Lise"),
                "BRUN",
                Some("présidente"),
                Some("Union des Lecteurs"),
                Some("Représentants des usagers"),
                Present
            ),
            row(
                Some("M."),
                Some("Paul"),
                "MARTIN",
                Some("chef de bureau"),
                Some("Bureau des titres"),
                Some("Préfecture – site de Val-Haut"),
                Present
            ),
            row(
                Some("Mme"),
                Some("Anne"),
                "PETIT",
                Some("responsable"),
                Some("Pôle accueil"),
                Some("Sous-préfecture de Bas-Mont"),
                Present
            ),
            row(
                Some("M."),
                Some("Luc"),
                "NOIR",
                Some("directeur"),
                Some("La Diligence, agence"),
                Some("Invités"),
                Present
            ),
        ]
    );
}

#[test]
fn presence_column_and_elided_particle() {
    let t = "Liste des participants\n\nNom\tQualité\tStructure\tPrésence\nM. Paul d'ARTOIS\tdélégué\tDéfenseur des droits\tPrésent\nMme Anne PETIT\tdirectrice\tCentre social\tExcusée\nM. Luc NOIR\tprésident\tClub de lecture\tAbsent(e)\n";
    let p = people(t);
    assert_eq!(
        rows(&p),
        vec![
            row(
                Some("M."),
                Some("Paul"),
                "d'ARTOIS",
                Some("délégué"),
                Some("Défenseur des droits"),
                None,
                Present
            ),
            row(
                Some("Mme"),
                Some("Anne"),
                "PETIT",
                Some("directrice"),
                Some("Centre social"),
                None,
                Excused
            ),
            row(
                Some("M."),
                Some("Luc"),
                "NOIR",
                Some("président"),
                Some("Club de lecture"),
                None,
                Absent
            ),
        ]
    );
}

#[test]
fn organisation_then_colon_then_person() {
    let t = "Étaient présents :\nUnion des Lecteurs : M. Paul MARTIN, président ;\nPréfecture, mission accueil : Mme Anne PETIT, référente qualité.\n";
    let p = people(t);
    assert_eq!(
        rows(&p),
        vec![
            row(
                Some("M."),
                Some("Paul"),
                "MARTIN",
                Some("président"),
                Some("Union des Lecteurs"),
                None,
                Present
            ),
            row(
                Some("Mme"),
                Some("Anne"),
                "PETIT",
                Some("référente qualité"),
                Some("Préfecture, mission accueil"),
                None,
                Present
            ),
        ]
    );
}

#[test]
fn service_sub_heading_is_the_organisation_of_a_bare_function() {
    let t = "ÉTAIENT PRÉSENTS\n\nReprésentants des usagers\nM. Paul MARTIN, président de l'association Lire\n\nDirection des titres\nMme Anne PETIT, directrice\nM. Luc NOIR, chef du bureau des permis de conduire\n";
    let p = people(t);
    let titres = Some("Direction des titres");
    assert_eq!(
        rows(&p),
        vec![
            row(
                Some("M."),
                Some("Paul"),
                "MARTIN",
                Some("président"),
                Some("association Lire"),
                Some("Représentants des usagers"),
                Present
            ),
            row(
                Some("Mme"),
                Some("Anne"),
                "PETIT",
                Some("directrice"),
                titres,
                titres,
                Present
            ),
            row(
                Some("M."),
                Some("Luc"),
                "NOIR",
                Some("chef du bureau des permis de conduire"),
                None,
                titres,
                Present
            ),
        ]
    );
}

#[test]
fn heavy_ocr_civilities_and_a_spoiled_first_entry() {
    let t = "Participants :\n\nReprésentants de la préfecture :\n\nNl. Paul MART1N, directeur ,\nMine Anne PETIT, directrice ;\n\nM: Luc NOIR, chef du bureau\n";
    let p = people(t);
    let group = Some("Représentants de la préfecture");
    assert_eq!(
        rows(&p),
        vec![
            row(
                Some("Mme"),
                Some("Anne"),
                "PETIT",
                Some("directrice"),
                None,
                group,
                Present
            ),
            row(
                Some("M."),
                Some("Luc"),
                "NOIR",
                Some("chef du bureau"),
                None,
                group,
                Present
            ),
        ]
    );
}

#[test]
fn ocr_table_separators_and_wrapped_role() {
    let t = "Participants\n\nDéfenseur des Droits ; Mme Lise BRUN\n\nSecrétariat Général ™M. Paul MARTIN, Chef\n\nM. Luc NOIR, Directeur des Libertés\nPubliques :\n\nM. Marc ROUX, adjoint\n";
    let p = people(t);
    assert_eq!(
        rows(&p),
        vec![
            row(
                Some("Mme"),
                Some("Lise"),
                "BRUN",
                None,
                Some("Défenseur des Droits"),
                None,
                Present
            ),
            row(
                Some("M."),
                Some("Paul"),
                "MARTIN",
                Some("Chef"),
                Some("Secrétariat Général"),
                None,
                Present
            ),
            row(
                Some("M."),
                Some("Luc"),
                "NOIR",
                Some("Directeur des Libertés Publiques"),
                None,
                None,
                Present
            ),
            row(
                Some("M."),
                Some("Marc"),
                "ROUX",
                Some("adjoint"),
                None,
                None,
                Present
            ),
        ]
    );
}

#[test]
fn attendance_word_over_a_joined_site_heading_and_a_wrapped_word() {
    let t = "Présents\nPréfecture du Val\n\nM. Paul MARTIN, préfecture du Val, Directeur des Libertés\nPubliques\n\nM., Luc NOIR, Communauté de communes, président\n";
    let p = people(t);
    let group = Some("Préfecture du Val");
    assert_eq!(
        rows(&p),
        vec![
            row(
                Some("M."),
                Some("Paul"),
                "MARTIN",
                Some("Directeur des Libertés Publiques"),
                Some("préfecture du Val"),
                group,
                Present
            ),
            row(
                Some("M."),
                Some("Luc"),
                "NOIR",
                Some("président"),
                Some("Communauté de communes"),
                group,
                Present
            ),
        ]
    );
}

#[test]
fn ocr_damaged_family_name_repaired_from_the_text() {
    let t = "Participants :\n\nM. Jean-Paul PIFRRON, Président\nMme Lucie NOIR, Adjointe\n\nDébats\n\nM. Jean-Paul PIERRON estime que le délai est long.\n";
    let p = people(t);
    assert_eq!(p.participants[0].family_name, "PIERRON");
    assert_eq!(p.interventions[0].participant, Some(0));
    // A letter added, a space inside: repaired; a name a letter shorter than another listed
    // one is another person.
    let t = "Participants :

Mme Pauline RESPONDEXK, cheffe
M. Emmanuel PILI OY, adjoint
M. Paul MARTIN, agent
Mme Anne MARTINY, agent

Débats

Madame RESPONDEK indique que… M. PILLOY ajoute que… M. MARTINY répond.
";
    let families: Vec<String> = people(t)
        .participants
        .into_iter()
        .map(|p| p.family_name)
        .collect();
    assert_eq!(families, ["RESPONDEK", "PILLOY", "MARTIN", "MARTINY"]);
    // The later mention is the damaged one: an `E` faded into `F` is not copied to the list.
    let t = "Participants :\n\nMme Nathalie BARNIER, responsable du standard\n\nDébats\n\nMme BARNIFR indique que 4 agents ont été recrutés.\n";
    assert_eq!(people(t).participants[0].family_name, "BARNIER");
    // An `I` read as `L` in the later mention: the same.
    let t = "Participants :\n\n- Mme Sandrine IRIGOYEN, secrétaire générale\n\nDébats\n\nMme LRIGOYEN précise que 3 agents ont été formés.\n";
    assert_eq!(people(t).participants[0].family_name, "IRIGOYEN");
    // The listed spelling is also the signature's: the one mention after a civility is the
    // damaged one.
    let t = "Participants :\n\nM. Thomas KIEFFER, sous-préfet\n\nDébats\n\nM. KIEFEER ouvre la séance.\n\nThomas KIEFFER\n";
    assert_eq!(people(t).participants[0].family_name, "KIEFFER");
}

#[test]
fn interventions() {
    let t = "Présents :\n\nM. Guy BLANC, président de l'UFC\nM. Karim NOIR, directeur\nMme Lucie ROSE, secrétaire générale\n\nÉchanges\n\nMonsieur BLANC soulève la question des horaires. Mme la secrétaire générale répond qu'ils seront élargis.\n\nM. Guy BLANC et M. Karim NOIR font part de leur satisfaction.\n\n- Madame ROSE précise que le PAN est ouvert le matin.\n\nLucie ROSE a présenté les indicateurs.\n\nLa parole est donnée à M. NOIR.\n";
    let p = people(t);
    let got: Vec<(Option<usize>, &str, &str)> = p
        .interventions
        .iter()
        .map(|i| (i.participant, i.speaker.as_str(), i.text.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some(0), "Guy BLANC", "soulève la question des horaires."),
            (Some(2), "Lucie ROSE", "répond qu'ils seront élargis."),
            (Some(0), "Guy BLANC", "font part de leur satisfaction."),
            (Some(1), "Karim NOIR", "font part de leur satisfaction."),
            (
                Some(2),
                "Lucie ROSE",
                "précise que le PAN est ouvert le matin."
            ),
            (Some(2), "Lucie ROSE", "a présenté les indicateurs."),
        ]
    );
    let span = p.interventions[0].span;
    assert_eq!(
        &t[span.start..span.end],
        "Monsieur BLANC soulève la question des horaires."
    );
}

#[test]
fn office_speakers_answer_lines_and_parenthesised_organisations() {
    let t = "Le comité s'est tenu sous la présidence de M. Jean DUPONT, secrétaire général de la préfecture.\n\nPrésents :\n\nMme Anne PETIT, secrétaire générale de la sous-préfecture de Val\nM. Paul MARTIN, président de l'association Lire\n\nÉchanges\n\nM. le Secrétaire Général ouvre la séance.\n\nM. Paul MARTIN (association Lire) interroge les services sur les délais.\n\n⇒ la direction de la citoyenneté du Val indique que les délais baissent.\n\n⇒ cette proposition est retenue.\n\nM. le Président clôt la séance.\n";
    let p = people(t);
    let got: Vec<(Option<usize>, &str, &str)> = p
        .interventions
        .iter()
        .map(|i| (i.participant, i.speaker.as_str(), i.text.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some(0), "Jean DUPONT", "ouvre la séance."),
            (
                Some(2),
                "Paul MARTIN",
                "interroge les services sur les délais."
            ),
            (
                None,
                "direction de la citoyenneté du Val",
                "indique que les délais baissent."
            ),
            (Some(0), "Jean DUPONT", "clôt la séance."),
        ]
    );
}

#[test]
fn chair_named_in_a_sentence_wrapped_over_two_lines() {
    let t = "La réunion s'est tenue en salle Clemenceau de la préfecture, sous la\nprésidence de Monsieur Paul DURAND, secrétaire général de la préfecture.\n\nPrésents :\n\nMme Anne PETIT, directrice de la CAF\nMonsieur Paul DURAND, secrétaire général de la préfecture\n";
    let p = people(t);
    let chair = p.chair.map(|i| p.participants[i].family_name.as_str());
    assert_eq!(chair, Some("DURAND"));
}

#[test]
fn prose_mentions_are_not_participants() {
    let t = "Ordre du jour :\n\n1. Présentation, par Sylvie Lombard, cheffe du pôle performance ;\n\nM. Paul MARTIN explique que la signalétique sera revue.\n";
    let p = people(t);
    assert!(p.participants.is_empty(), "{:?}", p.participants);
}

proptest! {
    #[test]
    fn never_panics_and_spans_stay_in_the_text(s in "(M\\. |Mme |Présents :|Excusés :|\t|\n|- |[A-ZÉ]{2,6} |[A-Z][a-zé]{1,6} |, |; |[a-z]{1,5} |é|’|\\(|\\)|:){0,60}") {
        let p = people(&s);
        for q in &p.participants {
            prop_assert!(q.span.start <= q.span.end && q.span.end <= s.len());
            prop_assert!(s.is_char_boundary(q.span.start) && s.is_char_boundary(q.span.end));
        }
        for i in &p.interventions {
            prop_assert!(i.span.start <= i.span.end && i.span.end <= s.len());
            prop_assert!(i.participant.map_or(true, |k| k < p.participants.len()));
        }
        prop_assert!(p.chair.map_or(true, |k| k < p.participants.len()));
    }

    #[test]
    fn never_panics_on_any_text(s in "\\PC{0,300}") {
        let _ = people(&s);
    }
}

#[test]
fn annex_table_with_separate_name_columns() {
    // A markdown table as markup stripping leaves it: one tab-separated row per line.
    let t = "Le comité s'est réuni.\n\nAnnexe – Liste des participants\n\nNom\tPrénom\tStructure\tPrésent/Excusé\nde VERNE\tLuc\tMairie de Trifouilly\tPrésent\nOKOYE\tAda\tClub de lecture\tExcusée\n";
    let p = people(t);
    assert_eq!(
        rows(&p),
        vec![
            row(
                None,
                Some("Luc"),
                "de VERNE",
                None,
                Some("Mairie de Trifouilly"),
                None,
                Present
            ),
            row(
                None,
                Some("Ada"),
                "OKOYE",
                None,
                Some("Club de lecture"),
                None,
                Excused
            ),
        ]
    );
}

#[test]
fn role_written_before_the_person() {
    let t = "Étaient présents :\n- le trésorier du club de lecture, M. Paul MARTIN ;\n- la directrice de la CAF du Cantal, Mme Ada OKOYE.\n";
    let p = people(t);
    let names: Vec<(String, Option<String>)> = p
        .participants
        .iter()
        .map(|p| (p.family_name.clone(), p.role.clone()))
        .collect();
    assert_eq!(
        names,
        vec![
            ("MARTIN".into(), Some("trésorier du club de lecture".into())),
            (
                "OKOYE".into(),
                Some("directrice de la CAF du Cantal".into())
            )
        ]
    );
    assert!(p.unnamed_representatives.is_empty());
}

#[test]
fn inline_list_with_names_wrapped_over_lines() {
    let t = "Étaient présents : M. Paul MARTIN (club de lecture), Mme Ada\nOKOYE, trésorière, et M. Luc\nVERNE, maire de Trifouilly.\n\nExcusés : Mme Léa PETIT (CAF), M. Yves\nCOLIN (UDAF de la Drôme).\n";
    let p = people(t);
    let names: Vec<String> = p.participants.iter().map(|p| p.display_name()).collect();
    assert_eq!(
        names,
        vec![
            "Paul MARTIN",
            "Ada OKOYE",
            "Luc VERNE",
            "Léa PETIT",
            "Yves COLIN"
        ]
    );
    assert_eq!(p.participants[4].attendance, Excused);
}

#[test]
fn attendance_sheet_ticked_in_columns() {
    // Tab-separated, then aligned with spaces: the tick's column says the attendance.
    let t = "Feuille d'émargement\n\nNom\tStructure\tPrésent\tExcusé\nM. Paul ROUX\tCAF\tX\t\nMme Anne PETIT\tUDAF\t\tx\n";
    let p = people(t);
    assert_eq!(
        rows(&p),
        vec![
            row(
                Some("M."),
                Some("Paul"),
                "ROUX",
                None,
                Some("CAF"),
                None,
                Present
            ),
            row(
                Some("Mme"),
                Some("Anne"),
                "PETIT",
                None,
                Some("UDAF"),
                None,
                Excused
            ),
        ]
    );
    let t = "Liste d'émargement\n\nNom              Prénom     Structure      Présent   Excusé   Absent\nROUX             Paul       CAF                        X\nPETIT            Anne       UDAF           X\n";
    let attendance: Vec<Attendance> = people(t)
        .participants
        .iter()
        .map(|p| p.attendance)
        .collect();
    assert_eq!(attendance, vec![Excused, Present]);
}

#[test]
fn sub_headings_under_a_participants_heading_and_bold_bullets_are_groups() {
    let t = "PARTICIPANTS\n\nMembres du comité :\nMme Jeanne ROUX, présidente de l'UDAF\n\nServices de l'État :\nM. Paul NOIR, secrétaire général\n";
    let groups: Vec<Option<String>> = people(t)
        .participants
        .iter()
        .map(|p| p.group.clone())
        .collect();
    assert_eq!(
        groups,
        vec![
            Some("Membres du comité".into()),
            Some("Services de l'État".into())
        ]
    );
    // Markdown: the bold bullets are read through the whole pipeline, which strips the markup.
    let t = "## Participants\n\n- **Préfecture**\n  - M. Paul NOIR, secrétaire général\n- **Associations**\n  - Mme Anne PETIT, présidente de l'association Lire\n";
    let record = clu_minutes::pipeline::extract(
        "list.md",
        t.as_bytes(),
        &clu_minutes::pipeline::Options::default(),
    )
    .unwrap();
    let p = &record.participants;
    assert_eq!(p[0].group.as_deref(), Some("Préfecture"));
    assert_eq!(p[0].role.as_deref(), Some("secrétaire général"));
    assert_eq!(p[1].group.as_deref(), Some("Associations"));
}

#[test]
fn inline_entries_between_dashes_and_a_second_heading_on_the_next_line() {
    let t = "Présents : M. Paul NOIR (sous-préfet de Rethel) – Mme Anne PETIT (UDAF des Ardennes).\nExcusés : Mme Julie ROUX (CPAM des Ardennes) – M. Luc BLANC (Défenseur des droits).\n\nM. NOIR ouvre la séance.\n";
    let p = people(t);
    assert_eq!(
        rows(&p),
        vec![
            row(
                Some("M."),
                Some("Paul"),
                "NOIR",
                Some("sous-préfet de Rethel"),
                None,
                None,
                Present
            ),
            row(
                Some("Mme"),
                Some("Anne"),
                "PETIT",
                None,
                Some("UDAF des Ardennes"),
                None,
                Present
            ),
            row(
                Some("Mme"),
                Some("Julie"),
                "ROUX",
                None,
                Some("CPAM des Ardennes"),
                None,
                Excused
            ),
            row(
                Some("M."),
                Some("Luc"),
                "BLANC",
                None,
                Some("Défenseur des droits"),
                None,
                Excused
            ),
        ]
    );
    assert_eq!(
        p.chair,
        Some(0),
        "the listed person who opens the meeting chairs it"
    );
}

#[test]
fn inline_entries_as_a_scan_leaves_them() {
    // A doubled dash, a dash lost after a closing bracket, `Mme` read as `Mine`, a given name
    // lowered, and the `l` of `la` lost before a function.
    let t = "Présents : M. Paul NOIR (sous-préfet) -- Mme Anne PETIT (UDAF) Mine Rose BLANC (CAF).\nExcusés : Mme julie ROUX (CPAM).\n\nParticipants :\n- a cheffe du service de l'accueil, Mme Claire VERT ;\n\nM. NOIR ouvre la séance.\n";
    let p = people(t);
    assert_eq!(
        rows(&p),
        vec![
            row(
                Some("M."),
                Some("Paul"),
                "NOIR",
                Some("sous-préfet"),
                None,
                None,
                Present
            ),
            row(
                Some("Mme"),
                Some("Anne"),
                "PETIT",
                None,
                Some("UDAF"),
                None,
                Present
            ),
            row(
                Some("Mme"),
                Some("Rose"),
                "BLANC",
                None,
                Some("CAF"),
                None,
                Present
            ),
            row(
                Some("Mme"),
                Some("julie"),
                "ROUX",
                None,
                Some("CPAM"),
                None,
                Excused
            ),
            row(
                Some("Mme"),
                Some("Claire"),
                "VERT",
                Some("cheffe du service de l'accueil"),
                None,
                None,
                Present
            ),
        ]
    );
}

#[test]
fn an_attendance_heading_a_scan_joined_to_the_title_above() {
    let t = "Compte rendu de la réunion du jeudi 7 mars 2024\nMembres présents\n\n- Mme Anne PETIT, secrétaire générale\n- M. Luc BLANC, président de l'UDAF\n\nLa séance est ouverte.\n";
    let p = people(t);
    assert_eq!(
        rows(&p),
        vec![
            row(
                Some("Mme"),
                Some("Anne"),
                "PETIT",
                Some("secrétaire générale"),
                None,
                None,
                Present
            ),
            row(
                Some("M."),
                Some("Luc"),
                "BLANC",
                Some("président de l'UDAF"),
                None,
                None,
                Present
            ),
        ]
    );
}

#[test]
fn an_inline_list_a_scan_cut_with_blank_lines() {
    let t = "Étaient présents : Mme Anne PETIT, responsable de la mission modernisation et\n\nqualité ; M. Luc BLANC, président de l'UDAF ; Mme Rose\nNOIR, délégué du Défenseur des droits.\n\nNom Prénom\n\nLa séance est ouverte.\n";
    let p = people(t);
    assert_eq!(
        rows(&p),
        vec![
            row(
                Some("Mme"),
                Some("Anne"),
                "PETIT",
                Some("responsable de la mission modernisation et qualité"),
                None,
                None,
                Present
            ),
            row(
                Some("M."),
                Some("Luc"),
                "BLANC",
                Some("président de l'UDAF"),
                None,
                None,
                Present
            ),
            row(
                Some("Mme"),
                Some("Rose"),
                "NOIR",
                Some("délégué du Défenseur des droits"),
                None,
                None,
                Present
            ),
        ]
    );
}

#[test]
fn represented_members_and_attendance_marks_on_entries() {
    let t = "Membres présents ou représentés :\n- M. Jean HENRY, président de l'UDAF de la Meuse, représenté par Mme Sandrine COLLIN ;\n- M. Claude VIARD, association Familles rurales (excusé) ;\n- Mme Odile WEBER, conciliatrice de justice.\n";
    let p = people(t);
    assert_eq!(
        rows(&p),
        vec![
            row(
                Some("M."),
                Some("Jean"),
                "HENRY",
                Some("président de l'UDAF de la Meuse"),
                None,
                None,
                Excused
            ),
            row(
                Some("Mme"),
                Some("Sandrine"),
                "COLLIN",
                None,
                Some("UDAF de la Meuse"),
                None,
                Present
            ),
            row(
                Some("M."),
                Some("Claude"),
                "VIARD",
                None,
                Some("association Familles rurales"),
                None,
                Excused
            ),
            row(
                Some("Mme"),
                Some("Odile"),
                "WEBER",
                Some("conciliatrice de justice"),
                None,
                None,
                Present
            ),
        ]
    );
}

#[test]
fn table_exported_one_cell_a_line() {
    // As exported, and with the header's words damaged by a scan: then they are the usual
    // columns, in the usual order.
    for header in ["Nom\nFonction\nStructure", "Nom\nFonctico\nSucre"] {
        let t = "Liste des présents\n\nHEADER\n\nMme Claire VIDAL\nSecrétaire générale adjointe\nPréfecture de l'Hérault\n\nM. Didier COMBES\nAdministrateur\nUDAF de l'Hérault\n\nExcusés\n\nM. Laurent PONS\nDélégué\nDéfenseur des droits\n\nLa séance est ouverte.\n"
        .replace("HEADER", header);
        let p = people(&t);
        assert_eq!(
            rows(&p),
            vec![
                row(
                    Some("Mme"),
                    Some("Claire"),
                    "VIDAL",
                    Some("Secrétaire générale adjointe"),
                    Some("Préfecture de l'Hérault"),
                    None,
                    Present
                ),
                row(
                    Some("M."),
                    Some("Didier"),
                    "COMBES",
                    Some("Administrateur"),
                    Some("UDAF de l'Hérault"),
                    None,
                    Present
                ),
                row(
                    Some("M."),
                    Some("Laurent"),
                    "PONS",
                    Some("Délégué"),
                    Some("Défenseur des droits"),
                    None,
                    Excused
                ),
            ]
        );
    }
}

#[test]
fn table_header_in_capitals_and_a_sentence_after_the_list() {
    let t = "Participants\n\nPrénom NOM\tOrganisme\tFonction\nJeanne BERTHIER\tPréfecture\tSecrétaire générale\n\nPoints abordés\n\nMme BERTHIER, présidente de séance, rappelle que le label a été obtenu.\n";
    let p = people(t);
    assert_eq!(
        rows(&p),
        vec![row(
            None,
            Some("Jeanne"),
            "BERTHIER",
            Some("Secrétaire générale"),
            Some("Préfecture"),
            None,
            Present
        )]
    );
    assert_eq!(p.chair, Some(0));
}

#[test]
fn attendance_heading_ending_a_sidebar_line() {
    // A scan reads a letter's sidebar and the body beside it as one line.
    let t = "Tél. : 03 88 21 67 68\n\nMél : anne.roth@bas-rhin.gouv.fr Étaient présents :\n- M. Paul HEITZ, directeur de cabinet ;\n\n- Mme Anne ROTH, référente qualité ;\n\nÉtaient excusés :\n\n- Mme Sophie WEBER, directrice ;\n";
    let p = people(t);
    let names: Vec<(&str, Attendance)> = p
        .participants
        .iter()
        .map(|p| (p.family_name.as_str(), p.attendance))
        .collect();
    assert_eq!(
        names,
        [("HEITZ", Present), ("ROTH", Present), ("WEBER", Excused)]
    );
}

#[test]
fn an_agenda_item_after_the_list_is_no_one() {
    // The scan lost the sentence's period: the item under it is not read as `Given Family`.
    let t = "Présents : M. Paul ROUX (UDAF), Mme Anne PEYRON (préfecture).\n\nLa séance est ouverte à 14h15 par Mme PEYRON, qui préside le comité\n1. Démarche Qual-e-pref\n\nLe taux de réponse est de 76 %.\n";
    let families: Vec<String> = people(t)
        .participants
        .into_iter()
        .map(|p| p.family_name)
        .collect();
    assert_eq!(families, ["ROUX", "PEYRON"]);
}

#[test]
fn an_entry_beside_the_next_column_heading_is_kept() {
    // Lists side by side, run together by a scan: the entry keeps its line, the heading
    // beside it is not read as this line's.
    let t = "Étaient présents :\n\n- M. Jean-Marie LEFEBVRE-DUQUESNE, directeur départemental Étaient excusés :\n\n- Mme Anne ROTH, référente qualité ;\n";
    let families: Vec<String> = people(t)
        .participants
        .into_iter()
        .map(|p| p.family_name)
        .collect();
    assert!(
        families.contains(&"LEFEBVRE-DUQUESNE".to_string()),
        "{families:?}"
    );
}
