//! `blma catalogue`, run as a user would: the built binary, its stdout, stderr and exit code.

mod common;

use common::{blma, stdout};

#[test]
fn lists_the_agreements_of_the_philippines() {
    let out = stdout(&blma(&["catalogue", "--country", "Philippines"]));
    // Header plus one line per agreement: 79 in formation.csv (independent python count).
    assert!(out.starts_with("  id  year  parties"), "{out}");
    let rows = out
        .lines()
        .filter(|l| l.contains("Philippines (PHL)"))
        .count();
    assert_eq!(rows, 79);
    assert!(out.contains("79 agreements (64 coded)"), "{out}");
    assert!(out.contains("doi:10.7910/DVN/QWSLYI"));
    // treatyID 751: Saudi Arabia – Philippines domestic workers agreement, signed 2013-05-19.
    let line = out
        .lines()
        .find(|l| l.trim_start().starts_with("751 "))
        .unwrap();
    assert!(line.contains("Saudi Arabia (SAU) – Philippines (PHL)") && line.contains("2013-05-19"));
    assert!(line.trim_end().ends_with('✓'), "{line}");
}

#[test]
fn stats_reproduce_the_dataset_shares() {
    // python3 over coding.csv: joint_commit 223/570 = 39.1 %, recruit_cost_mig 90/570 = 15.8 %.
    let out = stdout(&blma(&["catalogue", "stats"]));
    let line = |column: &str| {
        out.lines()
            .find(|l| l.split_whitespace().any(|w| w == column))
            .unwrap_or_else(|| panic!("no line for {column} in\n{out}"))
            .to_owned()
    };
    let joint = line("joint_commit");
    assert!(joint.contains("Joint committee") && joint.contains("joint_committee"));
    assert!(
        joint.contains("223/570") && joint.contains("39.1 %"),
        "{joint}"
    );
    let fees = line("recruit_cost_mig");
    assert!(fees.contains("no_worker_fees"));
    assert!(fees.contains("90/570") && fees.contains("15.8 %"), "{fees}");
    assert_eq!(out.lines().filter(|l| l.contains("/570")).count(), 34);
}

#[test]
fn stats_json_carries_counts_and_shares() {
    let out = stdout(&blma(&[
        "catalogue",
        "stats",
        "--format",
        "json",
        "--country",
        "PHL",
    ]));
    let stats: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(stats["coded"], 570);
    assert_eq!(stats["selected_coded"], 64);
    let joint = stats["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["item"]["column"] == "joint_commit")
        .unwrap();
    assert_eq!(joint["overall"]["count"], 223);
    assert_eq!(joint["selected"]["count"], 40);
}

#[test]
fn corridor_json_and_csv() {
    let out = stdout(&blma(&[
        "catalogue",
        "--corridor",
        "PHL,Saudi Arabia",
        "--format",
        "json",
    ]));
    let list: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<u64> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["treaty_id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, [750, 751, 752]);
    let csv = stdout(&blma(&[
        "catalogue",
        "--corridor",
        "sau,phl",
        "--format",
        "csv",
    ]));
    assert!(csv.starts_with("treaty_id,country_a,iso3_a,"), "{csv}");
    assert_eq!(csv.lines().count(), 4);
}

#[test]
fn a_bad_flag_is_a_usage_error() {
    let output = blma(&["catalogue", "--bogus"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--bogus"));
    assert!(output.stdout.is_empty());
}

#[test]
fn an_unknown_country_fails_with_close_matches() {
    let output = blma(&["catalogue", "--country", "Philipines"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no country `Philipines`"), "{stderr}");
    assert!(
        stderr.contains("did you mean Philippines (PHL)"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn an_empty_year_range_fails() {
    let output = blma(&["catalogue", "stats", "--from", "2000", "--to", "1990"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--from 2000 is after --to 1990"));
}
