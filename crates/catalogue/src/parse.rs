//! Parsers over `&str`: every malformed value becomes a [`CatalogueError::Row`] naming the file,
//! line and treaty, so a broken edit of the data is found by the test suite, not by a user.

use std::collections::{HashMap, HashSet};
use std::str::FromStr;

use csv::StringRecord;
use serde::Deserialize;

use crate::error::CatalogueError;
use crate::model::{Agreement, Coding, Country, Duration, Item, LANGUAGES, Party};

pub(crate) const FORMATION: &str = "formation.csv";
pub(crate) const CODING: &str = "coding.csv";
pub(crate) const COUNTRIES: &str = "countries-iso3.csv";

/// A CSV file read into records, with its header resolved to column indexes.
struct Table {
    file: &'static str,
    index: HashMap<String, usize>,
    rows: Vec<StringRecord>,
}

impl Table {
    /// Reads `text`, checking that every column in `required` is in the header.
    fn read(file: &'static str, text: &str, required: &[&str]) -> Result<Self, CatalogueError> {
        let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
        let header = reader.headers().map_err(|err| CatalogueError::File {
            file,
            message: err.to_string(),
        })?;
        let index: HashMap<String, usize> = header
            .iter()
            .enumerate()
            .map(|(i, name)| (name.to_owned(), i))
            .collect();
        if index.len() != header.len() {
            return Err(CatalogueError::File {
                file,
                message: "the header repeats a column name".to_owned(),
            });
        }
        if let Some(missing) = required.iter().find(|c| !index.contains_key(**c)) {
            return Err(CatalogueError::MissingColumn {
                file,
                column: (*missing).to_owned(),
            });
        }
        let rows = reader
            .records()
            .collect::<Result<Vec<_>, _>>()
            .map_err(|err| csv_row_error(file, &err))?;
        Ok(Table { file, index, rows })
    }

    fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(|record| Row {
            table: self,
            record,
            line: record.position().map_or(0, csv::Position::line),
        })
    }
}

fn csv_row_error(file: &'static str, err: &csv::Error) -> CatalogueError {
    let line = err.position().map_or(0, csv::Position::line);
    let message = match err.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("the row has {len} fields, the header has {expected_len}"),
        csv::ErrorKind::Utf8 { err, .. } => format!("invalid UTF-8 in field {}", err.field() + 1),
        _ => err.to_string(),
    };
    CatalogueError::Row {
        file,
        line,
        treaty: None,
        message,
    }
}

/// One record, with typed accessors whose errors name the row.
struct Row<'t> {
    table: &'t Table,
    record: &'t StringRecord,
    line: u64,
}

impl Row<'_> {
    /// The row's treatyID, refused when an earlier row of the same file has it.
    fn unique_treaty_id(&self, seen: &mut HashSet<u32>) -> Result<u32, CatalogueError> {
        let treaty_id = self.number("treatyID")?;
        if seen.insert(treaty_id) {
            Ok(treaty_id)
        } else {
            Err(self.error("the treatyID is used by an earlier row".to_owned()))
        }
    }

    fn error(&self, message: String) -> CatalogueError {
        let treaty = self
            .table
            .index
            .get("treatyID")
            .and_then(|&i| self.record.get(i))
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .map(str::to_owned);
        CatalogueError::Row {
            file: self.table.file,
            line: self.line,
            treaty,
            message,
        }
    }

    /// The trimmed cell; columns were checked when the table was read.
    fn cell(&self, column: &str) -> &str {
        self.table
            .index
            .get(column)
            .and_then(|&i| self.record.get(i))
            .map_or("", str::trim)
    }

    fn opt_text(&self, column: &str) -> Option<String> {
        Some(self.cell(column))
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    }

    fn text(&self, column: &str) -> Result<String, CatalogueError> {
        self.opt_text(column)
            .ok_or_else(|| self.error(format!("`{column}` is empty")))
    }

    fn opt_number<T: FromStr>(&self, column: &str) -> Result<Option<T>, CatalogueError> {
        match self.cell(column) {
            "" => Ok(None),
            raw => raw
                .parse()
                .map(Some)
                .map_err(|_| self.error(format!("`{column}` is `{raw}`, not a whole number"))),
        }
    }

    fn number<T: FromStr>(&self, column: &str) -> Result<T, CatalogueError> {
        self.opt_number(column)?
            .ok_or_else(|| self.error(format!("`{column}` is empty")))
    }

    fn opt_flag(&self, column: &str) -> Result<Option<bool>, CatalogueError> {
        match self.cell(column) {
            "" => Ok(None),
            "0" => Ok(Some(false)),
            "1" => Ok(Some(true)),
            raw => Err(self.error(format!("`{column}` is `{raw}`, not 0 or 1"))),
        }
    }

    fn flag(&self, column: &str) -> Result<bool, CatalogueError> {
        self.opt_flag(column)?
            .ok_or_else(|| self.error(format!("`{column}` is empty, expected 0 or 1")))
    }

    fn iso3(&self, column: &str) -> Result<Option<String>, CatalogueError> {
        match self.opt_text(column) {
            Some(code) if !is_iso3(&code) => Err(self.error(format!(
                "`{column}` is `{code}`, not three upper-case letters"
            ))),
            code => Ok(code),
        }
    }

    fn iso_date(&self, column: &str) -> Result<Option<String>, CatalogueError> {
        match self.opt_text(column) {
            Some(date) if !is_iso_date(&date) => {
                Err(self.error(format!("`{column}` is `{date}`, not a YYYY-MM-DD date")))
            }
            date => Ok(date),
        }
    }

    fn party(&self, side: char) -> Result<Party, CatalogueError> {
        Ok(Party {
            name: self.text(&format!("country{side}"))?,
            iso3: self.iso3(&format!("iso3{side}"))?,
            cow_code: self.number(&format!("code{side}"))?,
        })
    }
}

/// Three ASCII upper-case letters.
pub fn is_iso3(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_iso_date(date: &str) -> bool {
    let b = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) {
        return false;
    }
    let month: u8 = date[5..7].parse().unwrap_or(0);
    let day: u8 = date[8..10].parse().unwrap_or(0);
    digits(5..7) && digits(8..10) && (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// The columns both files carry; for one treatyID they must agree.
const SHARED_COLUMNS: [&str; 9] = [
    "treatyID", "countryA", "countryB", "codeA", "codeB", "dyadID", "year", "iso3A", "iso3B",
];

/// Parses `formation.csv`: every agreement, none coded yet.
pub fn parse_formation(text: &str) -> Result<Vec<Agreement>, CatalogueError> {
    let mut required = SHARED_COLUMNS.to_vec();
    required.extend([
        "datesigned",
        "ratified",
        "copy_available",
        "evidence_available",
        "dataset_original",
        "datesigned_iso",
        "ratified_iso",
    ]);
    required.extend(LANGUAGES.iter().map(|(column, _)| *column));
    let table = Table::read(FORMATION, text, &required)?;
    let mut seen = HashSet::new();
    table
        .rows()
        .map(|row| {
            let treaty_id = row.unique_treaty_id(&mut seen)?;
            let mut languages = Vec::new();
            for (column, name) in LANGUAGES {
                if row.flag(column)? {
                    languages.push(name);
                }
            }
            Ok(Agreement {
                treaty_id,
                parties: [row.party('A')?, row.party('B')?],
                dyad_id: row.number("dyadID")?,
                year: row.opt_number("year")?,
                signed: row.iso_date("datesigned_iso")?,
                signed_as_written: row.opt_text("datesigned"),
                ratified: row.iso_date("ratified_iso")?,
                ratified_as_written: row.opt_text("ratified"),
                copy_available: row.flag("copy_available")?,
                evidence_available: row.flag("evidence_available")?,
                languages,
                previous_dataset: row.opt_text("dataset_original"),
                coding: None,
            })
        })
        .collect()
}

/// One row of `coding.csv`: the coding, plus the fields that must agree with `formation.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct CodedRow {
    pub treaty_id: u32,
    pub parties: [Party; 2],
    pub dyad_id: u32,
    pub year: Option<u16>,
    pub coding: Coding,
}

/// Parses `coding.csv`; `items` names the binary item columns, which must all be 0 or 1.
pub fn parse_coding(text: &str, items: &[Item]) -> Result<Vec<CodedRow>, CatalogueError> {
    let mut required = SHARED_COLUMNS.to_vec();
    required.extend([
        "agreement_title",
        "coded_orig_lang",
        "coded_google_translation",
        "autorenew",
        "bla_duration",
        "bla_duration_other",
        "bla_duration_years",
    ]);
    required.extend(items.iter().map(|item| item.column.as_str()));
    let table = Table::read(CODING, text, &required)?;
    let mut seen = HashSet::new();
    table
        .rows()
        .map(|row| {
            let treaty_id = row.unique_treaty_id(&mut seen)?;
            let coded_from_translation = match row.cell("coded_google_translation") {
                "Translation" => true,
                // Sic: the authors' spelling, kept verbatim in the data.
                "Original langauge" | "Original language" => false,
                raw => {
                    return Err(row.error(format!(
                        "`coded_google_translation` is `{raw}`, expected `Translation` or `Original langauge`"
                    )));
                }
            };
            let mut values = std::collections::BTreeMap::new();
            for item in items {
                values.insert(item.column.clone(), row.flag(&item.column)?);
            }
            Ok(CodedRow {
                treaty_id,
                parties: [row.party('A')?, row.party('B')?],
                dyad_id: row.number("dyadID")?,
                year: row.opt_number("year")?,
                coding: Coding {
                    title: row.text("agreement_title")?,
                    original_language: row.text("coded_orig_lang")?,
                    coded_from_translation,
                    autorenew: row.opt_flag("autorenew")?,
                    duration: Duration {
                        kind: row.text("bla_duration")?,
                        other: row.opt_text("bla_duration_other"),
                        years: row.opt_number("bla_duration_years")?,
                    },
                    items: values,
                },
            })
        })
        .collect()
}

/// Parses `countries-iso3.csv`.
pub fn parse_countries(text: &str) -> Result<Vec<Country>, CatalogueError> {
    let table = Table::read(COUNTRIES, text, &["name", "iso3", "iso_name", "note"])?;
    let mut seen = HashSet::new();
    table
        .rows()
        .map(|row| {
            let name = row.text("name")?;
            if !seen.insert(name.clone()) {
                return Err(row.error(format!("country `{name}` is listed twice")));
            }
            Ok(Country {
                name,
                iso3: row.iso3("iso3")?,
                iso_name: row.opt_text("iso_name"),
                note: row.opt_text("note"),
            })
        })
        .collect()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemsFile {
    item: Vec<Item>,
}

/// Parses `items.toml` and checks what the rest relies on: unique columns, and a note for every
/// item that maps to no rubric item.
pub fn parse_items(text: &str) -> Result<Vec<Item>, CatalogueError> {
    let file: ItemsFile =
        toml::from_str(text).map_err(|err| CatalogueError::Items(err.to_string()))?;
    let mut seen = HashSet::new();
    for item in &file.item {
        if !seen.insert(item.column.as_str()) {
            return Err(CatalogueError::Items(format!(
                "column `{}` is listed twice",
                item.column
            )));
        }
        if item.title.trim().is_empty() {
            return Err(CatalogueError::Items(format!(
                "item `{}` has an empty title",
                item.column
            )));
        }
        if item.rubric.is_empty() && item.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
            return Err(CatalogueError::Items(format!(
                "item `{}` maps to no rubric item and has no `note` saying why",
                item.column
            )));
        }
    }
    Ok(file.item)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "treatyID,countryA,countryB,codeA,codeB,dyadID,year,datesigned,ratified,copy_available,evidence_available,evidence_notavailable,dataset_original,copy_english,copy_french,copy_german,copy_spanish,copy_arabic,copy_polish,copy_russian,copy_portugese,iso3A,iso3B,datesigned_iso,ratified_iso";
    const GOOD: &str =
        "1,Philippines,Japan,840,740,7,2006,9/9/2006,,1,0,0,,1,0,0,0,0,0,0,0,PHL,JPN,2006-09-09,";

    fn formation(rows: &[&str]) -> String {
        let mut text = HEADER.to_owned();
        for row in rows {
            text.push('\n');
            text.push_str(row);
        }
        text
    }

    fn row_error(err: CatalogueError) -> (u64, Option<String>, String) {
        match err {
            CatalogueError::Row {
                line,
                treaty,
                message,
                ..
            } => (line, treaty, message),
            other => panic!("expected a row error, got {other:?}"),
        }
    }

    #[test]
    fn parses_a_good_row() {
        let agreements = parse_formation(&formation(&[GOOD])).unwrap();
        let a = &agreements[0];
        assert_eq!(a.treaty_id, 1);
        assert_eq!(a.parties[1].iso3.as_deref(), Some("JPN"));
        assert_eq!(a.signed.as_deref(), Some("2006-09-09"));
        assert_eq!(a.ratified, None);
        assert_eq!(a.languages, ["English"]);
    }

    #[test]
    fn a_bad_year_names_the_row() {
        let bad = GOOD
            .replacen("1,Phil", "2,Phil", 1)
            .replace(",2006,", ",20o6,");
        let err = parse_formation(&formation(&[GOOD, &bad])).unwrap_err();
        let text = err.to_string();
        let (line, treaty, message) = row_error(err);
        assert_eq!(line, 3);
        assert_eq!(treaty.as_deref(), Some("2"));
        assert!(message.contains("`year` is `20o6`"), "{message}");
        assert!(
            text.starts_with("formation.csv, line 3 (treatyID 2):"),
            "{text}"
        );
    }

    #[test]
    fn a_short_row_names_the_line() {
        let err = parse_formation(&formation(&[GOOD, "2,Philippines,Japan"])).unwrap_err();
        let (line, _, message) = row_error(err);
        assert_eq!(line, 3);
        assert!(message.contains("3 fields"), "{message}");
    }

    #[test]
    fn bad_flags_codes_dates_and_duplicates_are_errors() {
        let cases = [
            (GOOD.replace(",1,0,0,,1,", ",yes,0,0,,1,"), "copy_available"),
            (GOOD.replace("PHL,JPN", "phl,JPN"), "iso3A"),
            (GOOD.replace("2006-09-09", "2006-13-09"), "datesigned_iso"),
            (GOOD.to_owned(), "earlier row"),
        ];
        for (row, needle) in cases {
            let rows = if needle == "earlier row" {
                vec![GOOD, row.as_str()]
            } else {
                vec![row.as_str()]
            };
            let err = parse_formation(&formation(&rows)).unwrap_err();
            assert!(err.to_string().contains(needle), "{needle}: {err}");
        }
    }

    #[test]
    fn a_missing_column_is_named() {
        let err = parse_formation("treatyID,countryA\n1,Japan").unwrap_err();
        assert!(matches!(err, CatalogueError::MissingColumn { .. }), "{err}");
    }

    #[test]
    fn an_item_value_other_than_0_or_1_is_an_error() {
        let items = parse_items(
            "[[item]]\ncolumn = \"joint_commit\"\nnumber = \"5\"\ntitle = \"Joint committee\"\ndescription = \"d\"\nrubric = [\"joint_committee\"]\n",
        )
        .unwrap();
        let text = "treatyID,countryA,countryB,codeA,codeB,dyadID,year,agreement_title,coded_orig_lang,coded_google_translation,autorenew,bla_duration,bla_duration_other,bla_duration_years,joint_commit,iso3A,iso3B\n\
                    5,Japan,Philippines,740,840,7,2006,T,English,Translation,,Other,,,2,JPN,PHL";
        let err = parse_coding(text, &items).unwrap_err();
        let (line, treaty, message) = row_error(err);
        assert_eq!((line, treaty.as_deref()), (2, Some("5")));
        assert!(message.contains("`joint_commit` is `2`"), "{message}");
    }

    #[test]
    fn an_unmapped_item_needs_a_note() {
        let err = parse_items(
            "[[item]]\ncolumn = \"ngos\"\nnumber = \"7e\"\ntitle = \"NGOs\"\ndescription = \"d\"\nrubric = []\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("no `note`"), "{err}");
    }
}
