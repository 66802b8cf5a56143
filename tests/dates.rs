use clu_minutes::dates::{find_dates, DateRole, Precision};
use proptest::prelude::*;

fn values(text: &str) -> Vec<String> {
    find_dates(text).into_iter().map(|d| d.value).collect()
}

#[test]
fn day_month_year_in_capitals_and_with_weekday() {
    assert_eq!(values("RÉUNION DU 5 MARS 2021"), ["2021-03-05"]);
    let d = find_dates("Séance du Vendredi 14 octobre 2022 à 10h");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].text, "Vendredi 14 octobre 2022");
    assert_eq!(d[0].precision, Precision::Day);
}

#[test]
fn abbreviated_month_with_dot() {
    let d = find_dates("Reims, le 09 JANV. 2023");
    assert_eq!(d[0].value, "2023-01-09");
    assert_eq!(d[0].text, "09 JANV. 2023");
}

#[test]
fn first_of_month_ordinals() {
    assert_eq!(values("à compter du 1er avril 2024"), ["2024-04-01"]);
    assert_eq!(values("depuis le 1 er octobre 2021"), ["2021-10-01"]);
}

#[test]
fn first_of_month_whose_digit_ocr_read_as_a_letter() {
    assert_eq!(
        values("s'est réuni le mercredi ter juin 2022"),
        ["2022-06-01"]
    );
    assert_eq!(values("Séance du vendredi ler mars 2024"), ["2024-03-01"]);
    assert_eq!(values("depuis le Ier octobre 2021"), ["2021-10-01"]);
    // Without a month after it, `ter` is only a word (`12 ter rue`).
    assert!(values("au 12 ter rue du Port, 2022").is_empty());
}

#[test]
fn day_and_month_without_year_are_skipped() {
    assert!(values("réunion le 1 er juillet, puis début janvier et fin mai").is_empty());
}

#[test]
fn numeric_forms() {
    assert_eq!(values("clos le 30/06/21"), ["2021-06-30"]);
    assert_eq!(values("reçu le 3/2/2023"), ["2023-02-03"]);
    assert_eq!(values("signé le 15.09.2020"), ["2020-09-15"]);
    assert_eq!(values("export du 2023-11-05"), ["2023-11-05"]);
}

#[test]
fn impossible_days_are_rejected() {
    assert!(values("le 31/02/2023 ou le 30 février 2024").is_empty());
    assert_eq!(values("le 29 février 2024"), ["2024-02-29"]);
}

#[test]
fn phone_numbers_and_versions_are_not_dates() {
    assert!(values("Tél. : 03.12.05.22.69, version 1.2.2023.4").is_empty());
}

#[test]
fn ranges_borrow_month_and_year_from_their_end() {
    let d = find_dates("enquête menée du 12 mars au 4 avril 2022.");
    assert_eq!(
        d.iter().map(|d| d.value.as_str()).collect::<Vec<_>>(),
        ["2022-03-12", "2022-04-04"]
    );
    assert!(d.iter().all(|d| d.role == Some(DateRole::Period)));
    assert_eq!(d[0].text, "12 mars");
    assert_eq!(
        values("ouvert entre le 3 et le 5 mai 2022"),
        ["2022-05-03", "2022-05-05"]
    );
    assert_eq!(values("du 2 au 6 juin 2025"), ["2025-06-02", "2025-06-06"]);
    assert_eq!(
        values("du 20 décembre au 6 janvier 2024"),
        ["2023-12-20", "2024-01-06"]
    );
}

#[test]
fn month_precision_forms() {
    for (text, value, shown) in [
        ("refonte en avril 2022", "2022-04", "avril 2022"),
        (
            "les enquêtes se déroulent au mois de mars 2020.",
            "2020-03",
            "au mois de mars 2020",
        ),
        ("prévu fin octobre 2024", "2024-10", "fin octobre 2024"),
        ("à partir de mi-juin 2021", "2021-06", "mi-juin 2021"),
        ("dès début février 2025", "2025-02", "début février 2025"),
    ] {
        let d = find_dates(text);
        assert_eq!(d.len(), 1, "{text}");
        assert_eq!(d[0].value, value);
        assert_eq!(d[0].text, shown);
        assert_eq!(d[0].precision, Precision::Month);
    }
}

#[test]
fn quarters() {
    let d = find_dates("bilan du 2ème trimestre 2022 et du premier trimestre 2023");
    assert_eq!(
        d.iter().map(|d| d.value.as_str()).collect::<Vec<_>>(),
        ["2022-Q2", "2023-Q1"]
    );
    assert!(d.iter().all(|d| d.precision == Precision::Quarter));
}

#[test]
fn years_times_durations_and_year_spans_are_not_dates() {
    assert!(values("En 2019, à 9h30, pendant 3 mois, pour la période 2022-2025.").is_empty());
    assert!(values("Début 2024, puis fin de 2025").is_empty());
}

#[test]
fn ocr_damaged_month_names() {
    assert_eq!(values("le 4 fevrier 2022"), ["2022-02-04"]);
    assert_eq!(values("le 9 decembre 2021"), ["2021-12-09"]);
    assert_eq!(values("le 15 aoüt 2020"), ["2020-08-15"]);
    assert_eq!(values("le 2 jui11et 2020"), ["2020-07-02"]);
    assert_eq!(values("le 6 Jan-\nvier 2022"), ["2022-01-06"]);
    assert_eq!(values("le 3i mai 2022"), ["2022-05-31"]);
}

#[test]
fn dates_split_by_a_line_break() {
    assert_eq!(values("au plus tard le 31\ndécembre 2026"), ["2026-12-31"]);
}

#[test]
fn deadline_role() {
    for text in [
        "à déposer d'ici le 30 juin 2025",
        "à réaliser avant le 1er mars 2026",
        "au plus tard le 31/12/2025",
    ] {
        let d = find_dates(text);
        assert_eq!(d[0].role, Some(DateRole::Deadline), "{text}");
    }
}

#[test]
fn label_obtained_role() {
    let d = find_dates(
        "La sous-préfecture a été labellisée le 3 mai 2021. La réunion a eu lieu le 4 mai 2021.",
    );
    assert_eq!(d[0].role, Some(DateRole::LabelObtained));
    assert_eq!(d[1].role, None);
}

#[test]
fn spans_point_at_the_text() {
    let t = "Épernay, le 12 mars 2024";
    let d = &find_dates(t)[0];
    assert_eq!(&t[d.span.start..d.span.end], d.text);
}

#[test]
fn serialises_snake_case() {
    let d = &find_dates("jusqu'au 2 mai 2022")[0];
    let json = serde_json::to_string(d).unwrap();
    assert!(json.contains("\"precision\":\"day\""), "{json}");
    assert!(json.contains("\"role\":\"deadline\""), "{json}");
}

proptest! {
    #[test]
    fn never_panics_and_spans_are_char_boundaries(s in "\\PC{0,200}") {
        for d in find_dates(&s) {
            prop_assert!(s.is_char_boundary(d.span.start) && s.is_char_boundary(d.span.end));
        }
    }

    #[test]
    fn never_panics_on_date_like_noise(s in "[0-9 /.\\-'éèûjanvierfévmaisjuoctdéc1lIoOà\\n]{0,80}") {
        let _ = find_dates(&s);
    }
}

#[test]
fn des_opens_a_range_of_days() {
    assert_eq!(
        values("les visites des 9 et 10 juin 2021 ont eu lieu"),
        ["2021-06-09", "2021-06-10"]
    );
    assert!(values("des 9 sites").is_empty());
}

#[test]
fn ocr_u_split_into_two_strokes() {
    assert_eq!(values("le 14 aotit 2022"), ["2022-08-14"]);
}

#[test]
fn weekday_day_month_takes_the_year_of_the_date_before_it_when_the_weekday_agrees() {
    // 9 March 2021 was a Tuesday, 10 March 2021 a Wednesday.
    assert_eq!(
        values("Réunion du 2 février 2021. Prochaine séance le mardi 9 mars."),
        ["2021-02-02", "2021-03-09"]
    );
    assert_eq!(
        values("Réunion du 2 février 2021. Prochaine séance le mardi 10 mars."),
        ["2021-02-02"]
    );
    assert!(values("Prochaine séance le mardi 9 mars.").is_empty());
    assert_eq!(
        values("Vu le 12/01/21, rendez-vous le mardi 9 mars"),
        ["2021-01-12", "2021-03-09"]
    );
}

#[test]
fn ocr_rn_for_m_in_month_names() {
    assert_eq!(values("fait le 4 novernbre 2021"), ["2021-11-04"]);
    assert_eq!(values("au cours du mois de septernbre 2019"), ["2019-09"]);
}

#[test]
fn day_whose_one_ocr_read_as_a_bracket_or_an_exclamation_mark() {
    assert_eq!(values("Bordeaux, le }2 octobre 2023"), ["2023-10-12"]);
    assert_eq!(values("Réunion du jeudi 2! septembre 2023"), ["2023-09-21"]);
    assert_eq!(values("le ]5 mars 2024"), ["2024-03-15"]);
    assert_eq!(values("Carcassonne, le T1 mars 2024"), ["2024-03-11"]);
    assert_eq!(
        values("le T mars 2024"),
        ["2024-03"],
        "a day needs a real digit"
    );
}
