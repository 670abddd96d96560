//! The item → rubric mapping points only at rubric items that exist in the knowledge base, so a
//! renamed or removed rubric item breaks this test rather than silently orphaning the mapping.

use std::collections::HashSet;

use blma_catalogue::Catalogue;

fn rubric_ids() -> HashSet<String> {
    let kb = blma_knowledge::KnowledgeBase::embedded();
    kb.rubric.items.iter().map(|item| item.id.clone()).collect()
}

#[test]
fn every_mapped_rubric_id_exists() {
    let ids = rubric_ids();
    assert_eq!(ids.len(), 38);
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
