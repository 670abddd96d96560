//! The embedded data, checked against numbers counted independently of this crate (Python's
//! `csv` module over the same files; the commands are in the comments).

use blma_catalogue::{Catalogue, CatalogueError, Filter, Sources, is_iso3};

fn catalogue() -> &'static Catalogue {
    Catalogue::embedded().expect("the embedded catalogue parses")
}

fn country(name: &str) -> Filter {
    Filter {
        country: Some(name.to_owned()),
        ..Filter::default()
    }
}

fn ids(filter: &Filter) -> Vec<u32> {
    catalogue()
        .select(filter)
        .unwrap()
        .iter()
        .map(|a| a.treaty_id)
        .collect()
}

#[test]
fn row_counts_match_the_dataset() {
    assert_eq!(catalogue().agreements().len(), 1222);
    assert_eq!(catalogue().coded().count(), 570);
}

#[test]
fn every_coded_treaty_is_in_formation_and_agrees_with_it() {
    // from_sources refuses a coded row missing from formation.csv; check the join from the raw
    // coding file too, so the test does not only trust the code it tests.
    let items = blma_catalogue::parse_items(Sources::EMBEDDED.items).unwrap();
    let rows = blma_catalogue::parse_coding(Sources::EMBEDDED.coding, &items).unwrap();
    assert_eq!(rows.len(), 570);
    for row in rows {
        let agreement = catalogue()
            .get(row.treaty_id)
            .expect("coded treaty in formation");
        assert_eq!(agreement.parties, row.parties, "treatyID {}", row.treaty_id);
        assert_eq!(agreement.year, row.year, "treatyID {}", row.treaty_id);
        assert_eq!(agreement.coding.as_ref(), Some(&row.coding));
    }
}

#[test]
fn iso3_codes_are_three_capitals_or_empty_with_a_reason() {
    let mut empty = Vec::new();
    for agreement in catalogue().agreements() {
        for party in &agreement.parties {
            match &party.iso3 {
                Some(code) => assert!(is_iso3(code), "treatyID {}: {code}", agreement.treaty_id),
                None => {
                    let entry = catalogue().country(&party.name).expect("listed country");
                    assert!(
                        entry.iso3.is_none(),
                        "{} has a code in the list",
                        party.name
                    );
                    let note = entry.note.as_deref().unwrap_or("");
                    assert!(note.contains("no ISO"), "{}: no reason given", party.name);
                    empty.push((agreement.treaty_id, party.name.clone()));
                }
            }
        }
    }
    // Only Kosovo has no ISO 3166-1 code (README).
    assert_eq!(empty, [(433, "Kosovo".to_owned())]);
}

#[test]
fn items_are_exactly_the_34_binary_item_columns_of_coding_csv() {
    // The items are columns intl_instr..perm_resid, minus the text column recruit_auth_who.
    let header: Vec<&str> = Sources::EMBEDDED
        .coding
        .lines()
        .next()
        .unwrap()
        .split(',')
        .collect();
    let start = header.iter().position(|c| *c == "intl_instr").unwrap();
    let end = header.iter().position(|c| *c == "perm_resid").unwrap();
    let expected: Vec<&str> = header[start..=end]
        .iter()
        .copied()
        .filter(|c| *c != "recruit_auth_who")
        .collect();
    let columns: Vec<&str> = catalogue()
        .items()
        .iter()
        .map(|i| i.column.as_str())
        .collect();
    assert_eq!(columns, expected);
    assert_eq!(columns.len(), 34);
}

#[test]
fn shares_match_an_independent_count() {
    // python3: sum(r['joint_commit'] == '1' for r in csv.DictReader(open('coding.csv'))) -> 223
    //          ... 'recruit_cost_mig' -> 90, of 570 rows.
    let stats = catalogue().stats(&Filter::default()).unwrap();
    assert_eq!(stats.coded, 570);
    let find = |column: &str| {
        stats
            .items
            .iter()
            .find(|s| s.item.column == column)
            .unwrap()
    };
    let joint = find("joint_commit");
    assert_eq!((joint.overall.count, joint.overall.coded), (223, 570));
    assert!((joint.overall.share.unwrap() - 0.3912).abs() < 1e-4);
    let fees = find("recruit_cost_mig");
    assert_eq!((fees.overall.count, fees.overall.coded), (90, 570));
    assert!((fees.overall.share.unwrap() - 0.1579).abs() < 1e-4);
    assert_eq!(joint.selected, joint.overall, "no filter: selection = all");
}

#[test]
fn filtered_stats_use_the_selection_as_denominator() {
    // Philippines: 64 coded agreements, 40 with a joint committee (python count).
    let stats = catalogue().stats(&country("Philippines")).unwrap();
    assert_eq!((stats.selected_agreements, stats.selected_coded), (79, 64));
    let joint = stats
        .items
        .iter()
        .find(|s| s.item.column == "joint_commit")
        .unwrap();
    assert_eq!((joint.selected.count, joint.selected.coded), (40, 64));
    assert_eq!(joint.overall.count, 223);
}

#[test]
fn country_by_name_or_iso3_in_any_case() {
    let by_name = ids(&country("Philippines"));
    assert_eq!(by_name.len(), 79);
    assert_eq!(ids(&country("phl")), by_name);
    assert_eq!(ids(&country("  PHILIPPINES ")), by_name);
    // The ISO short name matches both spellings of the US (46 + 2 rows).
    assert_eq!(ids(&country("United States")).len(), 48);
    // "Germany" (ISO name) includes West Germany, like DEU; the USSR rows are "Russia" but SUN.
    assert_eq!(ids(&country("Germany")).len(), 128);
    assert_eq!(ids(&country("DEU")).len(), 128);
    assert_eq!(ids(&country("Russia")).len(), 25);
    assert_eq!(ids(&country("SUN")), [558, 646, 911]);
}

#[test]
fn corridor_in_either_order() {
    let corridor = |a: &str, b: &str| Filter {
        corridor: Some((a.to_owned(), b.to_owned())),
        ..Filter::default()
    };
    assert_eq!(
        ids(&corridor("Philippines", "Saudi Arabia")),
        [750, 751, 752]
    );
    assert_eq!(ids(&corridor("sau", "PHL")), [750, 751, 752]);
}

#[test]
fn years_and_coded_only() {
    let decade = Filter {
        from: Some(1990),
        to: Some(1999),
        ..Filter::default()
    };
    assert_eq!(ids(&decade).len(), 160);
    let coded = Filter {
        coded_only: true,
        ..country("Philippines")
    };
    assert_eq!(ids(&coded).len(), 64);
}

#[test]
fn unknown_country_and_empty_year_range_are_errors() {
    match catalogue().select(&country("Philipines")) {
        Err(CatalogueError::UnknownCountry { suggestions, .. }) => {
            assert_eq!(
                suggestions.first().map(String::as_str),
                Some("Philippines (PHL)")
            );
        }
        other => panic!("expected UnknownCountry, got {other:?}"),
    }
    let backwards = Filter {
        from: Some(2000),
        to: Some(1990),
        ..Filter::default()
    };
    assert!(matches!(
        catalogue().select(&backwards),
        Err(CatalogueError::YearRange {
            from: 2000,
            to: 1990
        })
    ));
}

#[test]
fn csv_export_round_trips_the_row_count() {
    let selected = catalogue().select(&country("PHL")).unwrap();
    let text = Catalogue::to_csv(&selected).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(reader.records().count(), 79);
}
