//! The shape of the knowledge base: the counts the guidance itself gives, cross-references that
//! resolve, and spot checks of exact wording against the guidance.

use blma_knowledge::{Kind, KnowledgeBase, Relation};

fn kb() -> &'static KnowledgeBase {
    KnowledgeBase::embedded()
}

fn count(kind: Kind) -> usize {
    KnowledgeBase::index().of_kind(kind).count()
}

#[test]
fn the_data_files_parse_and_validate() {
    if let Err(err) = KnowledgeBase::try_embedded() {
        panic!("{err}");
    }
}

#[test]
fn counts_match_the_guidance() {
    let kb = kb();
    assert_eq!(kb.principle_areas.len(), 11, "areas III.A … III.K");
    assert_eq!(kb.principles.len(), 21, "principles III.A.1 … III.K.1");
    assert_eq!(kb.boxes.len(), 12);
    assert_eq!(count(Kind::Table), 13);
    assert_eq!(kb.information_tables.len(), 9);
    assert_eq!(kb.implementation_tables.len(), 3);
    assert_eq!(kb.structure_checklist.len(), 24, "Annex 3");
    assert_eq!(kb.negotiation_checklist.len(), 14, "Annex 4");
    assert_eq!(
        kb.implementation_checklist.len(),
        26,
        "Annex 5: 12 origin + 14 destination"
    );
    assert_eq!(kb.rubric.items.len(), 38);
    assert_eq!(kb.sectors.len(), 3, "seasonal, health and domestic workers");
    assert_eq!(kb.guidelines.len(), 5, "IV.A … IV.E");
    assert_eq!(kb.committee_terms.parts.len(), 6, "Annex 6 parts");
    let origin = kb
        .implementation_checklist
        .iter()
        .filter(|i| i.id.starts_with("annex5.origin."))
        .count();
    assert_eq!(origin, 12);
}

#[test]
fn principle_ids_follow_the_guidance_numbering() {
    let ids: Vec<&str> = kb().principles.iter().map(|p| p.id.as_str()).collect();
    let expected = [
        "III.A.1", "III.A.2", "III.A.3", "III.A.4", "III.A.5", "III.A.6", "III.A.7", "III.A.8",
        "III.B.1", "III.C.1", "III.C.2", "III.D.1", "III.D.2", "III.D.3", "III.E.1", "III.F.1",
        "III.G.1", "III.H.1", "III.I.1", "III.J.1", "III.K.1",
    ];
    assert_eq!(ids, expected);
}

#[test]
fn rubric_ids_are_the_public_contract() {
    // spec/rubric.md, in its order. Renaming one breaks stored assessments and reports.
    let expected = [
        "intl_standards",
        "freedom_of_association",
        "equal_treatment",
        "no_mandatory_testing",
        "access_to_justice",
        "consular_assistance",
        "violence_exploitation",
        "documents_and_movement",
        "family_rights",
        "job_loss_protection",
        "emergency_assistance",
        "licensed_recruitment",
        "no_worker_fees",
        "information_exchange",
        "worker_information",
        "entry_permits",
        "permit_renewal",
        "occupational_safety",
        "social_security",
        "health_care",
        "employment_contract",
        "wage_protection",
        "working_conditions",
        "implementing_authorities",
        "labour_inspection",
        "social_partners",
        "skills_recognition",
        "skills_training",
        "remittances",
        "return_reintegration",
        "scope_of_workers",
        "joint_committee",
        "monitoring_review",
        "dispute_settlement",
        "amendment",
        "duration",
        "gender_vulnerable_groups",
        "publication",
    ];
    let ids: Vec<&str> = kb().rubric.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, expected);
}

#[test]
fn every_rubric_item_derives_from_the_guidance() {
    let index = KnowledgeBase::index();
    for item in &kb().rubric.items {
        let element = index.get(&item.id).expect("rubric items are elements");
        let derived: Vec<&str> = element.linked(Relation::DerivedFrom).collect();
        assert!(!derived.is_empty(), "{} derives from nothing", item.id);
        for target in derived {
            let target = index
                .get(target)
                .unwrap_or_else(|| panic!("{} → {target} dangles", item.id));
            assert!(
                target.linked(Relation::AssessedBy).any(|r| r == item.id),
                "no back-link {} ← {}",
                target.id,
                item.id
            );
        }
    }
}

#[test]
fn annex_1_sources_every_principle_but_information_and_status() {
    // Annex 1 has no row for access to information (III.C) nor for documenting and renewing
    // migration status (III.D.1–2): those principles rest on the guidance's own text.
    let principles_with = |relation: Relation, linked: bool| -> Vec<&str> {
        let index = KnowledgeBase::index();
        kb().principles
            .iter()
            .filter(|p| index.get(&p.id).unwrap().linked(relation).next().is_some() == linked)
            .map(|p| p.id.as_str())
            .collect()
    };
    let unsourced = principles_with(Relation::Source, false);
    assert_eq!(unsourced, ["III.C.1", "III.C.2", "III.D.1", "III.D.2"]);
    let illustrated = principles_with(Relation::IllustratedBy, true).len();
    assert!(
        illustrated >= 6,
        "only {illustrated} principles are illustrated by a box"
    );
}

#[test]
fn fair_recruitment_principle_reads_as_in_the_guidance() {
    let index = KnowledgeBase::index();
    let b1 = index.get("III.B.1").expect("III.B.1");
    assert_eq!(
        b1.title,
        "Ensure fair and ethical recruitment of migrant workers."
    );
    assert!(
        b1.plain_text()
            .contains("BLMAs should safeguard migrant workers")
    );
    assert!(
        b1.linked(Relation::IllustratedBy).any(|b| b == "box3"),
        "box 3 illustrates III.B.1"
    );
    let sources: Vec<&str> = b1.linked(Relation::Source).collect();
    assert!(
        sources.contains(&"C181"),
        "III.B.1 draws on C181: {sources:?}"
    );
}

#[test]
fn checklists_read_as_in_the_guidance() {
    let kb = kb();
    assert_eq!(
        kb.structure_checklist[0].text,
        "Authorities in charge of negotiating the BLMA"
    );
    assert_eq!(
        kb.structure_checklist[23].text,
        "Duration of the agreement (if appropriate)"
    );
    assert_eq!(kb.negotiation_checklist[0].text, "Is the agreement a BLMA?");
    assert_eq!(
        kb.negotiation_checklist[13].text,
        "Will the agreement be published in the Official Journal?"
    );
}

#[test]
fn table_13_indicators_carry_their_breakdowns() {
    use blma_knowledge::model::Breakdown;
    let table = &kb().monitoring_table;
    let first = &table.rows[0];
    assert_eq!(
        first.clause,
        "Modalities for entry and residence of migrant workers"
    );
    let residence = &first.origin[0];
    assert!(
        residence
            .text
            .starts_with("Number of residence permits issued to migrant workers")
    );
    for b in [
        Breakdown::Age,
        Breakdown::SexGender,
        Breakdown::Duration,
        Breakdown::Channel,
    ] {
        assert!(
            residence.breakdowns.contains(&b),
            "{b:?} missing from {}",
            residence.id
        );
    }
    let indicators = table
        .rows
        .iter()
        .flat_map(|r| r.origin.iter().chain(&r.destination))
        .count();
    assert!(indicators >= 40, "only {indicators} indicators");
    let refusal = table
        .rows
        .iter()
        .flat_map(|r| r.origin.iter().chain(&r.destination));
    assert!(
        refusal
            .clone()
            .any(|i| i.breakdowns.contains(&Breakdown::ReasonForRefusal))
    );
}

#[test]
fn ids_are_found_however_users_type_them() {
    let index = KnowledgeBase::index();
    for (typed, id) in [
        ("iii.b.1", "III.B.1"),
        ("B.1", "III.B.1"),
        ("Box 8", "box8"),
        ("table-13", "table13"),
        ("ANNEX3", "annex3"),
    ] {
        assert_eq!(index.get(typed).map(|e| e.id.as_str()), Some(id), "{typed}");
    }
    let err = index.resolve("III.Z.9").unwrap_err().to_string();
    assert!(err.contains("III.Z.9"), "{err}");
}

#[test]
fn json_export_reloads_into_the_same_structures() {
    let json = serde_json::to_string(kb()).unwrap();
    let back: KnowledgeBase = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, kb());
}

#[test]
fn boxes_cited_in_a_text_illustrate_it() {
    // "see box 11 below" in III.B.1 means box 11 illustrates III.B.1: the link and the text agree.
    let index = KnowledgeBase::index();
    let cited = |text: &str| -> Vec<String> {
        let words: Vec<&str> = text.split_whitespace().collect();
        words
            .windows(2)
            .filter(|w| w[0].eq_ignore_ascii_case("box"))
            .filter_map(|w| {
                w[1].trim_end_matches(|c: char| !c.is_ascii_digit())
                    .parse::<u8>()
                    .ok()
            })
            .map(|n| format!("box{n}"))
            .collect()
    };
    let mut checked = 0;
    for element in index
        .elements()
        .iter()
        .filter(|e| matches!(e.kind, Kind::Principle | Kind::Sector))
    {
        for b in cited(&element.plain_text()) {
            checked += 1;
            assert!(
                element.linked(Relation::IllustratedBy).any(|l| l == b),
                "{} cites {b} but {b} does not illustrate it",
                element.id
            );
        }
    }
    assert!(checked >= 10, "only {checked} box citations found");
}

#[test]
fn every_cue_names_an_item_and_compiles() {
    let kb = blma_knowledge::KnowledgeBase::embedded();
    assert_eq!(kb.cues.len(), 3);
    let mut broken = kb.clone();
    broken.cues[0].cues[0].item = "no_such_item".into();
    broken.cues[0].cues[1].pattern = "(fee|".into();
    let problems = blma_knowledge::validate::problems(&broken);
    assert!(
        problems.iter().any(|p| p.contains("no_such_item")),
        "{problems:?}"
    );
    let id = &broken.cues[0].cues[1].id;
    assert!(
        problems
            .iter()
            .any(|p| p.contains(id.as_str()) && p.contains("does not compile")),
        "{problems:?}"
    );
}
