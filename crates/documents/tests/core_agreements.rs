//! The document core on seven real agreements (English, French, Spanish): language, metadata,
//! articles, tiling, and every gold quote inside one provision.

use std::path::Path;

use blma_documents::formats::RawText;
use blma_documents::segment::check_tiling;
use blma_documents::{AgreementKind, Document, Format, Language, ProvisionKind, from_raw};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/eval-dev");

fn read(slug: &str) -> Document {
    let text =
        std::fs::read_to_string(Path::new(FIXTURES).join(format!("{slug}.txt"))).expect("fixture");
    from_raw(
        RawText {
            text,
            ..RawText::default()
        },
        Format::Text,
    )
}

fn gold() -> serde_json::Value {
    let text = std::fs::read_to_string(Path::new(FIXTURES).join("gold.json")).expect("gold.json");
    serde_json::from_str(&text).expect("valid gold.json")
}

const SLUGS: [&str; 7] = [
    "ar-cl-labour-convention-1971",
    "fr-nl-labour-treaty-1948",
    "ilo-r86-model-agreement-1949",
    "nl-ie-stagiaires-1959",
    "ph-kr-eps-2004",
    "tr-se-employment-turkish-workers",
    "us-mx-agricultural-workers-1942",
];

fn article_headings(document: &Document) -> Vec<&str> {
    document
        .provisions
        .iter()
        .filter(|p| matches!(p.kind, ProvisionKind::Article | ProvisionKind::Definitions))
        .map(|p| p.heading.as_deref().unwrap_or(""))
        .collect()
}

fn headings(document: &Document, kind: ProvisionKind) -> Vec<&str> {
    document
        .provisions
        .iter()
        .filter(|p| p.kind == kind)
        .map(|p| p.heading.as_deref().unwrap_or(""))
        .collect()
}

fn count(document: &Document, kind: ProvisionKind) -> usize {
    document
        .provisions
        .iter()
        .filter(|p| p.kind == kind)
        .count()
}

#[test]
fn languages_match_the_gold() {
    let gold = gold();
    for slug in SLUGS {
        let expected = Language::from(
            gold[slug]["language"]
                .as_str()
                .expect("language")
                .to_owned(),
        );
        assert_eq!(read(slug).language, expected, "{slug}");
    }
}

#[test]
fn kinds_match_the_gold() {
    let gold = gold();
    for slug in SLUGS {
        let kind = match gold[slug]["kind"].as_str().expect("kind") {
            "agreement" => AgreementKind::Agreement,
            "mou" => AgreementKind::Mou,
            "model" => AgreementKind::Model,
            other => panic!("unexpected gold kind {other}"),
        };
        assert_eq!(read(slug).metadata.kind, kind, "{slug}");
    }
}

/// Parties as the gold names them, for every text that names them (the Bracero enclosure
/// never names its Parties: it must then report none rather than guess).
#[test]
fn parties_match_the_gold() {
    let gold = gold();
    for slug in SLUGS {
        let parties = read(slug).metadata.parties;
        if slug == "us-mx-agricultural-workers-1942" {
            assert!(parties.is_empty(), "{slug}: {parties:?}");
            continue;
        }
        let expected: Vec<&str> = gold[slug]["parties"]
            .as_array()
            .expect("parties")
            .iter()
            .map(|p| p.as_str().expect("party"))
            .collect();
        assert_eq!(parties, expected, "{slug}");
    }
}

/// Dates of signature where the text states one; none invented where it does not (the gold's
/// year for the ILO model, the MoU and the Bracero notes comes from outside the text).
#[test]
fn dates_and_places_of_signature() {
    let expected = [
        (
            "ar-cl-labour-convention-1971",
            Some("1971-10-17"),
            Some("Antofagasta"),
        ),
        (
            "fr-nl-labour-treaty-1948",
            Some("1948-06-02"),
            Some("Paris"),
        ),
        ("ilo-r86-model-agreement-1949", None, None),
        ("nl-ie-stagiaires-1959", Some("1959-05-28"), Some("Dublin")),
        ("ph-kr-eps-2004", None, None),
        ("tr-se-employment-turkish-workers", None, None),
        ("us-mx-agricultural-workers-1942", None, None),
    ];
    let gold = gold();
    for (slug, date, place) in expected {
        let metadata = read(slug).metadata;
        assert_eq!(metadata.date_signed.as_deref(), date, "{slug}");
        assert_eq!(metadata.place_signed.as_deref(), place, "{slug}");
        if let Some(date) = date {
            assert_eq!(
                gold[slug]["date_signed"].as_str(),
                Some(date),
                "{slug}: the gold agrees"
            );
        }
        assert_eq!(
            metadata.duration, None,
            "{slug}: no text states its own duration"
        );
    }
}

#[test]
fn titles() {
    assert_eq!(
        read("ar-cl-labour-convention-1971")
            .metadata
            .title
            .as_deref(),
        Some("Convenio Laboral entre las Repúblicas de Argentina y Chile")
    );
    assert_eq!(
        read("fr-nl-labour-treaty-1948").metadata.title.as_deref(),
        Some("TRAITE DE TRAVAIL ENTRE LA FRANCE ET LES PAYS-BAS")
    );
    assert_eq!(
        read("tr-se-employment-turkish-workers")
            .metadata
            .title
            .as_deref(),
        Some(
            "AGREEMENT BETWEEN THE GOVERNMENT OF THE REPUBLIC OF TURKEY AND THE GOVERNMENT OF THE KINGDOM OF SWEDEN CONCERNING THE EMPLOYMENT OF TURKISH WORKERS IN SWEDEN"
        )
    );
    assert_eq!(
        read("us-mx-agricultural-workers-1942")
            .metadata
            .title
            .as_deref(),
        Some("Mexican Agreement")
    );
}

#[test]
fn spanish_convention_structure() {
    let document = read("ar-cl-labour-convention-1971");
    let mut expected = vec!["Artículo 1°".to_owned()];
    expected.extend((2..=9).map(|n| format!("Art. {n}°")));
    expected.extend((10..=20).map(|n| format!("Art. {n}")));
    assert_eq!(article_headings(&document), expected);
    let parts = headings(&document, ProvisionKind::Part);
    assert_eq!(
        parts,
        [
            "TITULO I De los Trabajadores de Temporada",
            "TITULO II De los Trabajadores Temporarios",
            "TITULO III De las Disposiciones Comunes"
        ]
    );
    // Art. 2° defines "trabajadores de temporada"; Art. 4° lists points a) to h).
    assert_eq!(
        document
            .provisions
            .iter()
            .find(|p| p.id == "art_2")
            .unwrap()
            .kind,
        ProvisionKind::Definitions
    );
    let points: Vec<_> = document
        .provisions
        .iter()
        .filter(|p| p.parent.as_deref() == Some("art_4"))
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(
        points,
        [
            "art_4__point_a",
            "art_4__point_b",
            "art_4__point_c",
            "art_4__point_d",
            "art_4__point_e",
            "art_4__point_f",
            "art_4__point_g",
            "art_4__point_h"
        ]
    );
    assert_eq!(count(&document, ProvisionKind::Signatures), 1);
}

#[test]
fn french_treaty_structure() {
    let document = read("fr-nl-labour-treaty-1948");
    let mut expected = vec!["Article 1er".to_owned()];
    expected.extend((2..=14).map(|n| format!("Article {n}")));
    assert_eq!(article_headings(&document), expected);
    let ids: Vec<_> = document
        .provisions
        .iter()
        .filter(|p| p.parent.is_none())
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids.first(), Some(&"title"));
    assert_eq!(ids[1], "preamble");
    assert_eq!(ids[2], "art_1");
    // "En foi de quoi" starts the signatures inside Article 14's paragraph.
    let signatures = document
        .provisions
        .iter()
        .find(|p| p.kind == ProvisionKind::Signatures)
        .unwrap();
    let text: String = document
        .text
        .chars()
        .skip(signatures.start)
        .take(14)
        .collect();
    assert_eq!(text, "En foi de quoi");
}

#[test]
fn english_agreements_structure() {
    let ilo = read("ilo-r86-model-agreement-1949");
    assert_eq!(
        article_headings(&ilo),
        [
            "Article I.—Exchange of Information",
            "Article 16.—Settlement of Disputes",
            "Article 17.—Equality of Treatment",
            "Article 25.—Provisions Concerning Compulsory Return",
            "Article 26.—Return Journey"
        ]
    );
    assert_eq!(
        count(&ilo, ProvisionKind::Annex),
        0,
        "the model's own ANNEX heading is its title"
    );

    let nl_ie = read("nl-ie-stagiaires-1959");
    assert_eq!(
        article_headings(&nl_ie),
        (1..=10).map(|n| format!("Article {n}")).collect::<Vec<_>>()
    );
    let paragraphs: Vec<_> = nl_ie
        .provisions
        .iter()
        .filter(|p| p.parent.as_deref() == Some("art_10"))
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(
        paragraphs,
        [
            "art_10__para_1",
            "art_10__para_2",
            "art_10__para_3",
            "art_10__para_4"
        ]
    );

    let ph_kr = read("ph-kr-eps-2004");
    assert_eq!(
        article_headings(&ph_kr),
        ["PARAGRAPH 1. PURPOSE", "PARAGRAPH 2. DEFINITIONS"]
    );
    assert_eq!(
        ph_kr
            .provisions
            .iter()
            .find(|p| p.id == "art_2")
            .unwrap()
            .kind,
        ProvisionKind::Definitions
    );

    let tr_se = read("tr-se-employment-turkish-workers");
    assert_eq!(
        article_headings(&tr_se),
        ["Article 1", "Article 2", "Article 3", "Article 4"]
    );
    let sections = headings(&tr_se, ProvisionKind::Section);
    assert_eq!(
        sections,
        [
            "GENERAL PROVISIONS",
            "PROVISIONS CONCERNING EMPLOYMENT OF TURKISH WORKERS"
        ]
    );
    assert_eq!(
        tr_se
            .provisions
            .iter()
            .find(|p| p.id == "art_3")
            .unwrap()
            .parent
            .as_deref(),
        Some("sec_2")
    );

    // No articles: numbered principles, then sections set in capitals.
    let us_mx = read("us-mx-agricultural-workers-1942");
    assert!(article_headings(&us_mx).is_empty());
    let top: Vec<_> = us_mx
        .provisions
        .iter()
        .filter(|p| p.parent.is_none())
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(
        top,
        [
            "title", "preamble", "para_1", "para_2", "para_3", "para_4", "sec_1", "sec_2", "sec_3"
        ]
    );
}

#[test]
fn provisions_tile_every_text() {
    for slug in SLUGS {
        let document = read(slug);
        check_tiling(document.text.chars().count(), &document.provisions)
            .unwrap_or_else(|e| panic!("{slug}: {e}"));
    }
}

/// Char offsets of `quote` in `text`, whitespace ignored on both sides.
fn find_ignoring_whitespace(text: &str, quote: &str) -> Option<(usize, usize)> {
    let kept: Vec<(usize, char)> = text
        .chars()
        .enumerate()
        .filter(|(_, c)| !c.is_whitespace())
        .collect();
    let needle: Vec<char> = quote.chars().filter(|c| !c.is_whitespace()).collect();
    let hay: Vec<char> = kept.iter().map(|&(_, c)| c).collect();
    let at = hay
        .windows(needle.len())
        .position(|w| w == needle.as_slice())?;
    Some((kept[at].0, kept[at + needle.len() - 1].0 + 1))
}

#[test]
fn every_gold_quote_falls_inside_one_provision() {
    let gold = gold();
    let mut checked = 0;
    for slug in SLUGS {
        let document = read(slug);
        for (item, verdict) in gold[slug]["items"].as_object().expect("items") {
            for quote in verdict["quotes"].as_array().expect("quotes") {
                let quote = quote.as_str().expect("quote");
                let (start, end) =
                    find_ignoring_whitespace(&document.text, quote).unwrap_or_else(|| {
                        panic!("{slug} {item}: quote not in the normalized text: {quote}")
                    });
                let inside = document
                    .provisions
                    .iter()
                    .any(|p| p.start <= start && end <= p.end);
                assert!(inside, "{slug} {item}: quote crosses provisions: {quote}");
                checked += 1;
            }
        }
    }
    assert!(checked >= 180, "only {checked} quotes checked");
}

#[test]
fn json_shape() {
    let document = read("nl-ie-stagiaires-1959");
    let json = serde_json::to_value(&document).expect("serialisable");
    assert_eq!(json["language"], "en");
    assert_eq!(json["metadata"]["kind"], "agreement");
    assert_eq!(json["provisions"][2]["id"], "art_1");
    assert_eq!(json["provisions"][2]["kind"], "article");
    assert!(json.get("raw_offsets").is_none());
}
