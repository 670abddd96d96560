//! `blma extract`, run as a user would: the built binary, its stdout, stderr and exit code.

use std::process::{Command, Output};

const NL_IE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../fixtures/eval-dev/nl-ie-stagiaires-1959.txt"
);

fn blma(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_blma"))
        .args(args)
        .output()
        .expect("the blma binary runs")
}

#[test]
fn prints_the_normalized_text() {
    let out = blma(&["extract", NL_IE]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Agreement between the Government of the Kingdom of The Netherlands"));
    assert!(text.contains("\n\nArticle 10\n\n(1). This Agreement shall enter into force"));
}

#[test]
fn prints_json_with_char_offsets() {
    let out = blma(&["extract", NL_IE, "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["language"], "en");
    assert_eq!(json["metadata"]["date_signed"], "1959-05-28");
    assert_eq!(json["metadata"]["parties"][1], "Government of Ireland");
    let text: Vec<char> = json["text"].as_str().unwrap().chars().collect();
    let article = json["provisions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "art_10")
        .unwrap();
    let start = article["start"].as_u64().unwrap() as usize;
    let heading: String = text[start..start + 10].iter().collect();
    assert_eq!(heading, "Article 10");
    assert_eq!(article["heading"], "Article 10");
}

#[test]
fn file_errors_are_clear() {
    let out = blma(&["extract", "no-such-agreement.pdf"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot open no-such-agreement.pdf"),
        "{stderr}"
    );

    let dir = std::env::temp_dir().join(format!("blma-extract-empty-{}", std::process::id()));
    std::fs::write(&dir, b"").unwrap();
    let out = blma(&["extract", dir.to_str().unwrap()]);
    std::fs::remove_file(&dir).ok();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("holds no text"));
}

#[test]
fn an_unsupported_language_is_reported_not_refused() {
    let path = std::env::temp_dir().join(format!("blma-extract-nl-{}.txt", std::process::id()));
    std::fs::write(
        &path,
        "Artikel 1\n\nDe werknemers van de ene Partij genieten op het grondgebied van de andere Partij \
         dezelfde bescherming als de eigen onderdanen wat betreft lonen, arbeidsvoorwaarden en huisvesting.\n",
    )
    .unwrap();
    let out = blma(&["extract", path.to_str().unwrap(), "--format", "json"]);
    std::fs::remove_file(&path).ok();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["language"], "nl");
    assert!(
        json["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["code"] == "language-unsupported")
    );
}
