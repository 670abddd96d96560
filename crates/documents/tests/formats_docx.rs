//! The DOCX reader on a generated Word file of a real agreement, and on Word's numbering.

mod support;

use blma_documents::formats::docx::DocxReader;
use blma_documents::formats::{Extractor, Limits};
use support::{Agreement, DOCX_FOOTNOTE, DOCX_TABLE, missing_paragraphs};

fn read(bytes: &[u8]) -> blma_documents::formats::RawText {
    DocxReader.extract(bytes, &Limits::default()).unwrap()
}

#[test]
fn paragraphs_numbered_headings_table_footnote_and_title() {
    let agreement = Agreement::load("nl-ie-stagiaires-1959");
    let raw = read(&support::docx(&agreement));
    let missing = missing_paragraphs(&agreement, &raw.text);
    assert!(
        missing.is_empty(),
        "missing {missing:#?}\n--- got:\n{}",
        raw.text
    );

    // The headings' text is empty in the file: "Article N" comes from numbering.xml.
    let headings: Vec<&str> = raw
        .text
        .lines()
        .filter(|l| l.starts_with("Article "))
        .collect();
    let expected: Vec<String> = (1..=10).map(|n| format!("Article {n}")).collect();
    assert_eq!(headings, expected);

    for cell in DOCX_TABLE.iter().flatten() {
        assert!(
            raw.text.lines().any(|line| line == *cell),
            "table cell {cell:?} as a paragraph"
        );
    }
    let last = agreement.paragraphs.last().unwrap();
    assert!(
        raw.text.contains(&format!("{last}[1]\n")),
        "footnote mark after the last paragraph"
    );
    assert!(
        raw.text.ends_with(&format!("[1] {DOCX_FOOTNOTE}\n")),
        "footnote at the end:\n{}",
        raw.text
    );
    assert_eq!(raw.title.as_deref(), Some(agreement.title.as_str()));
}

/// A document whose numbering restarts, nests and uses roman numerals and letters.
#[test]
fn numbering_formats_levels_and_start_values() {
    let numbering = r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="4"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="ARTICLE %1"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
        <w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
      </w:numbering>"#;
    let paragraph = |num: u8, level: u8, text: &str| {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    };
    let body = [
        paragraph(1, 0, "Scope"),
        paragraph(1, 1, "workers"),
        paragraph(1, 1, "trainees"),
        paragraph(1, 2, "bulleted"),
        paragraph(1, 0, "Recruitment"),
        paragraph(1, 1, "first"),
        paragraph(2, 0, "Annex"),
        r#"<w:p><w:r><w:t>Tab</w:t><w:tab/><w:t>and</w:t><w:br/><w:t>break &amp; entity</w:t></w:r></w:p>"#.into(),
    ]
    .concat();
    let document = format!(r#"<w:document xmlns:w="w"><w:body>{body}</w:body></w:document>"#);
    let bytes = support::zip_parts(&[
        ("word/document.xml", document.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
    ]);
    assert_eq!(
        read(&bytes).text,
        "ARTICLE IV Scope\na) workers\nb) trainees\nbulleted\nARTICLE V Recruitment\na) first\nARTICLE I Annex\nTab\tand\nbreak & entity\n"
    );
}
