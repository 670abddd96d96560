//! Language of documents and of provisions, on real texts and a bilingual one made of two.

use blma_documents::formats::RawText;
use blma_documents::{Document, Format, Language, ProvisionKind, from_raw};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/eval-dev");

fn fixture(slug: &str) -> String {
    std::fs::read_to_string(format!("{FIXTURES}/{slug}.txt")).expect("fixture")
}

fn document(text: String) -> Document {
    from_raw(
        RawText {
            text,
            ..RawText::default()
        },
        Format::Text,
    )
}

#[test]
fn a_bilingual_text_marks_the_provisions_in_the_other_language() {
    // The French treaty followed by the English stagiaires agreement, as a bilingual print would.
    let text = format!(
        "{}\n\n{}",
        fixture("fr-nl-labour-treaty-1948"),
        fixture("nl-ie-stagiaires-1959")
    );
    let document = document(text);
    assert_eq!(document.language, Language::Fr);
    let english: Vec<&str> = document
        .provisions
        .iter()
        .filter(|p| p.kind == ProvisionKind::Article && p.language == Some(Language::En))
        .map(|p| p.id.as_str())
        .collect();
    // The English articles repeat numbers 1–10, so their ids carry a suffix. Articles 2, 3 and 5
    // are too short (under 150 letters) to be told apart reliably and stay unmarked.
    assert_eq!(
        english,
        [
            "art_1_2", "art_4_2", "art_6_2", "art_7_2", "art_8_2", "art_9_2", "art_10_2"
        ]
    );
    let french_marked = document
        .provisions
        .iter()
        .filter(|p| p.id == "art_3" && p.language.is_some())
        .count();
    assert_eq!(
        french_marked, 0,
        "French articles carry no mark in a French document"
    );
}

#[test]
fn other_languages_are_named_and_warned_about() {
    let dutch = "Artikel 1\n\nDe werknemers van de ene Overeenkomstsluitende Partij genieten op het grondgebied \
                 van de andere Partij dezelfde bescherming als de eigen onderdanen wat betreft lonen, \
                 arbeidsvoorwaarden en huisvesting.";
    let document = document(dutch.to_owned());
    assert_eq!(document.language, Language::Other("nl".to_owned()));
    assert!(
        document
            .warnings
            .iter()
            .any(|w| w.code == "language-unsupported")
    );

    let arabic = "يتمتع العمال المهاجرون في أراضي الطرف الآخر بنفس الحماية التي يتمتع بها المواطنون فيما يتعلق بالأجور وظروف العمل والسكن";
    assert_eq!(
        self::document(arabic.to_owned()).language,
        Language::Other("ar".to_owned())
    );
}

#[test]
fn too_little_text_is_unknown() {
    let document = document("Article 1\n\nDone.".to_owned());
    assert_eq!(document.language, Language::Unknown);
    assert!(
        document
            .warnings
            .iter()
            .any(|w| w.code == "language-unknown")
    );
}
