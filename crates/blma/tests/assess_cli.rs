//! `blma assess`: the JSON contract, JSON lines, exit codes.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use common::{blma, stdout};

fn dev(slug: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/eval-dev")
        .join(format!("{slug}.txt"))
        .display()
        .to_string()
}

fn write_temp(name: &str, text: &str) -> String {
    let path = std::env::temp_dir().join(format!("blma-assess-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn json_holds_every_item_once_with_offsets_into_the_extracted_text() {
    let file = dev("fr-nl-labour-treaty-1948");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&blma(&["assess", &file, "--format", "json"]))).unwrap();
    let text = stdout(&blma(&["extract", &file]));
    let chars: Vec<char> = text.strip_suffix('\n').unwrap_or(&text).chars().collect();
    assert_eq!(json["document"]["language"], "fr");
    assert_eq!(json["document"]["kind"], "agreement");
    assert!(json["document"]["provisions"].as_u64().unwrap() > 10);
    let findings = json["findings"].as_array().unwrap();
    let items: BTreeSet<&str> = findings
        .iter()
        .map(|f| f["item"].as_str().unwrap())
        .collect();
    assert_eq!(findings.len(), 38);
    assert_eq!(items.len(), 38);
    let mut cited = 0;
    for f in findings {
        let verdict = f["verdict"].as_str().unwrap();
        assert!(["provides", "contradicts", "silent"].contains(&verdict));
        let evidence = f["evidence"].as_array().unwrap();
        assert_eq!(evidence.is_empty(), verdict == "silent", "{}", f["item"]);
        for e in evidence {
            let (start, end) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            let span: String = chars[start..end].iter().collect();
            assert_eq!(span, e["text"].as_str().unwrap());
            assert!(e["provision"].as_str().is_some_and(|p| !p.is_empty()));
            cited += 1;
        }
    }
    assert!(cited > 10);
}

#[test]
fn jsonl_prints_one_object_a_line_with_its_file() {
    let (a, b) = (
        dev("nl-ie-stagiaires-1959"),
        dev("ar-cl-labour-convention-1971"),
    );
    let out = stdout(&blma(&["assess", &a, &b, "--format", "jsonl"]));
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["file"], a.as_str());
    assert_eq!(lines[1]["file"], b.as_str());
    assert_eq!(lines[1]["document"]["language"], "es");
    assert_eq!(lines[1]["findings"].as_array().unwrap().len(), 38);
}

#[test]
fn text_lists_red_flags() {
    let out = stdout(&blma(&["assess", &dev("us-mx-agricultural-workers-1942")]));
    assert!(
        out.contains("remittances") || out.to_lowercase().contains("savings"),
        "{out}"
    );
}

#[test]
fn an_unsupported_language_exits_3_naming_it() {
    let dutch = write_temp(
        "nl.txt",
        "Overeenkomst tussen de Regering van het Koninkrijk en de Regering van de Republiek inzake de \
         tewerkstelling van buitenlandse werknemers.\n\nArtikel 1\nDe werkgever draagt de kosten van de \
         reis van de werknemer en van zijn gezin naar de plaats van tewerkstelling.\n\nArtikel 2\nDeze \
         overeenkomst treedt in werking op de dag van ondertekening en blijft van kracht gedurende vijf jaar.\n",
    );
    let output = blma(&["assess", &dutch, "--format", "json"]);
    assert_eq!(output.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("`nl`") && stderr.contains("en, fr, es"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn an_unreadable_file_exits_1_with_the_readers_message() {
    let output = blma(&["assess", "/nonexistent/agreement.pdf"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot open"));
}

#[test]
fn markdown_and_html_reports_put_the_red_flag_first() {
    // The Argentina–Chile convention confines seasonal workers to an assigned zone.
    let file = dev("ar-cl-labour-convention-1971");
    let markdown = stdout(&blma(&["assess", &file, "--format", "markdown"]));
    assert!(
        markdown.starts_with("# BLMA assessment: Convenio Laboral"),
        "{markdown}"
    );
    let flags = markdown.find("## Red flags").expect("a red-flag section");
    let provided = markdown.find("## Provided").expect("a provided section");
    assert!(flags < provided);
    assert!(markdown[flags..provided].contains("documents_and_movement"));
    let html = stdout(&blma(&["assess", &file, "--format", "html"]));
    assert!(
        html.starts_with("<!DOCTYPE html>"),
        "{}",
        &html[..80.min(html.len())]
    );
    assert!(html.contains("id=\"finding-documents_and_movement\"") && html.contains("<svg"));
}
