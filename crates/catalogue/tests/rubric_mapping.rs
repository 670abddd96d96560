//! The item → rubric mapping points only at rubric items that exist.
//!
//! The rubric ids are read from `data/rubric/rubric.toml`, the rubric's one source of truth, so a
//! renamed or removed rubric item breaks this test rather than silently orphaning the mapping.

use std::collections::HashSet;

use blma_catalogue::Catalogue;

const RUBRIC: &str = include_str!("../../../data/rubric/rubric.toml");

fn rubric_ids() -> HashSet<String> {
    let rubric: toml::Table = toml::from_str(RUBRIC).expect("rubric.toml is valid TOML");
    let items = rubric
        .get("items")
        .and_then(toml::Value::as_array)
        .expect("rubric.toml has `items`");
    items
        .iter()
        .map(|item| {
            item.get("id")
                .and_then(toml::Value::as_str)
                .expect("every rubric item has an id")
                .to_owned()
        })
        .collect()
}

#[test]
fn every_mapped_rubric_id_exists() {
    let ids = rubric_ids();
    assert!(
        !ids.is_empty(),
        "data/rubric/rubric.toml has no [[items]] yet"
    );
    let items = Catalogue::embedded().unwrap().items();
    assert_eq!(items.len(), 34);
    for item in items {
        for id in &item.rubric {
            assert!(
                ids.contains(id),
                "{}: rubric id `{id}` is not in rubric.toml",
                item.column
            );
        }
    }
}

#[test]
fn the_documented_mappings_hold() {
    let items = Catalogue::embedded().unwrap().items();
    let rubric = |column: &str| {
        items
            .iter()
            .find(|i| i.column == column)
            .unwrap_or_else(|| panic!("no item {column}"))
            .rubric
            .clone()
    };
    assert_eq!(rubric("joint_commit"), ["joint_committee"]);
    assert_eq!(rubric("recruit_cost_mig"), ["no_worker_fees"]);
    assert_eq!(rubric("passport"), ["documents_and_movement"]);
    assert_eq!(rubric("prot_women"), ["gender_vulnerable_groups"]);
    for item in items.iter().filter(|i| i.rubric.is_empty()) {
        assert!(
            item.note.is_some(),
            "{} maps to nothing without a note",
            item.column
        );
    }
}
