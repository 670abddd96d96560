//! Every interface string a template or handler asks for exists in `i18n/en.toml`, and every
//! string there is used: the file is the complete list a translator works from.

use std::collections::BTreeSet;
use std::path::Path;

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("rs" | "html")
        ) {
            out.push(path);
        }
    }
}

/// Keys looked up as `.s("group.key")` or `.f("group.key", …)`.
fn used_keys() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    files(&root.join("src"), &mut paths);
    files(&root.join("templates"), &mut paths);
    let pattern = regex::Regex::new(r#"\.(?:s|f)\(\s*"([a-z0-9_]+(?:\.[a-z0-9_]+)+)""#).unwrap();
    let mut keys = BTreeSet::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        for c in pattern.captures_iter(&text) {
            keys.insert(c[1].to_owned());
        }
    }
    keys
}

#[test]
fn every_key_used_is_translated_and_every_translation_is_used() {
    let t = blma_web::Translations::english();
    let defined: BTreeSet<String> = t.keys().map(str::to_owned).collect();
    let used = used_keys();
    assert!(
        used.len() > 50,
        "the scan finds the lookups ({} found)",
        used.len()
    );
    let missing: Vec<_> = used.difference(&defined).collect();
    assert!(
        missing.is_empty(),
        "keys used but not in i18n/en.toml: {missing:?}"
    );
    // Lookups built at run time (`verdict.{verdict}`) would escape the scan; there are none, so
    // every defined key must appear literally.
    let unused: Vec<_> = defined.difference(&used).collect();
    assert!(
        unused.is_empty(),
        "keys in i18n/en.toml that nothing uses: {unused:?}"
    );
}
