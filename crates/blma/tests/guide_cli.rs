//! `blma guide`, run as a user would: the built binary, its stdout, stderr and exit code.

mod common;

use common::{blma, stdout};

#[test]
fn show_prints_the_fair_recruitment_principle_with_sources_and_box_3() {
    let out = stdout(&blma(&["guide", "show", "III.B.1"]));
    assert!(
        out.starts_with(
            "III.B.1  ·  principle\nEnsure fair and ethical recruitment of migrant workers."
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "prohibition of charging recruitment fees and related costs to migrant workers"
        )
    );
    assert!(
        out.contains("Sources (Annex 1):")
            && out.contains("C181 — Private Employment Agencies Convention")
    );
    // Box 3 is printed in full under the principle it illustrates.
    assert!(out.contains("box3  ·  box"), "{out}");
    assert!(out.contains(
        "The DOLE will register and accredit the Employers to recruit and hire Workers."
    ));
    assert!(out.contains("no_worker_fees — No recruitment fees or costs for workers"));
    assert!(
        out.lines().all(|l| l.chars().count() <= 100),
        "lines are wrapped to the terminal width"
    );
}

#[test]
fn list_annex5_items_as_json_has_26_entries() {
    let out = stdout(&blma(&["guide", "list", "annex5-item", "--format", "json"]));
    let items: Vec<serde_json::Value> = serde_json::from_str(&out).expect("a JSON array");
    assert_eq!(items.len(), 26);
    assert!(
        items
            .iter()
            .all(|i| i["id"].is_string() && i["title"].is_string())
    );
    assert_eq!(items.iter().filter(|i| i["side"] == "origin").count(), 12);
}

#[test]
fn every_listed_kind_is_there() {
    for (kind, count) in [
        ("principle", 21),
        ("box", 12),
        ("table", 13),
        ("annex3-item", 24),
        ("annex4-item", 14),
        ("rubric-item", 38),
        ("definition", 8),
    ] {
        let out = stdout(&blma(&["guide", "list", kind, "--format", "json"]));
        let items: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
        assert_eq!(items.len(), count, "{kind}");
    }
    let indicators: Vec<serde_json::Value> = serde_json::from_str(&stdout(&blma(&[
        "guide",
        "list",
        "indicator",
        "--format",
        "json",
    ])))
    .unwrap();
    assert!(indicators.len() >= 40);
    assert!(
        indicators
            .iter()
            .all(|i| i["id"].as_str().unwrap().starts_with("table13."))
    );
}

#[test]
fn search_ranks_recruitment_fee_passages_first() {
    let out = stdout(&blma(&[
        "guide",
        "search",
        "recruitment",
        "fees",
        "--format",
        "json",
        "--limit",
        "5",
    ]));
    let hits: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(hits.len(), 5);
    let ids: Vec<&str> = hits.iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert!(
        ids.contains(&"no_worker_fees") || ids.contains(&"III.B.1"),
        "{ids:?}"
    );
    assert!(
        hits.iter()
            .all(|h| h["snippet"].as_str().unwrap().contains('«'))
    );
}

#[test]
fn json_export_reloads_and_markdown_export_covers_everything() {
    let json = stdout(&blma(&["guide", "export", "--format", "json"]));
    let kb = blma_knowledge::KnowledgeBase::from_json(&json).expect("the export re-loads");
    assert_eq!(&kb, blma_knowledge::KnowledgeBase::embedded());
    let markdown = stdout(&blma(&["guide", "export", "--format", "markdown"]));
    for needle in [
        "# Guidance on Bilateral Labour Migration Agreements",
        "III.K.1",
        "table13",
        "annex6",
        "no_worker_fees",
        "Box 12.",
    ] {
        assert!(markdown.contains(needle), "markdown export lacks {needle}");
    }
}

#[test]
fn unknown_ids_kinds_and_flags_fail_clearly() {
    let out = blma(&["guide", "show", "III.Z.9"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no guidance element has the id `III.Z.9`")
    );
    let out = blma(&["guide", "list", "widgets"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("known kinds: section"));
    let out = blma(&["guide", "show", "III.B.1", "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2), "clap usage error");
    let out = blma(&["guide", "search", "zzzqqq"]);
    assert_eq!(out.status.code(), Some(1));
}
