//! `blma eval`: figures on the vendored development set.

mod common;

use std::path::PathBuf;

use common::{blma, stdout};

fn dev_dir() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/eval-dev")
        .display()
        .to_string()
}

#[test]
fn text_report_has_the_headline_and_tables() {
    let out = stdout(&blma(&["eval", &dev_dir()]));
    for part in [
        "NLI-F1",
        "accuracy",
        "contradicts P",
        "evidence precision",
        "confusion",
        "per item",
        "per document",
        "per language",
    ] {
        assert!(out.contains(part), "missing {part}:\n{out}");
    }
    assert!(out.contains("no_worker_fees") && out.contains("fr-nl-labour-treaty-1948"));
}

#[test]
fn json_report_is_machine_readable() {
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&blma(&["eval", &dev_dir(), "--format", "json"]))).unwrap();
    assert_eq!(json["overall"]["pairs"], 7 * 38);
    assert!(json["overall"]["nli_f1"].as_f64().unwrap() >= 0.99);
    assert_eq!(json["per_item"].as_object().unwrap().len(), 38);
    assert_eq!(json["per_document"].as_object().unwrap().len(), 7);
}

#[test]
fn a_folder_without_gold_fails() {
    let output = blma(&["eval", env!("CARGO_MANIFEST_DIR")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("gold.json"));
}
