//! The catalogue's data types: plain data with public fields, serialisable at the edge.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One bilateral labour agreement, a row of `formation.csv`, with its coding if it has one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    /// The dataset's `treatyID`: unique, stable across both files.
    pub treaty_id: u32,
    /// `countryA`, `countryB` in the dataset's order. The order is not documented (see README),
    /// so nothing here calls one the origin or destination.
    pub parties: [Party; 2],
    /// Unique id of the country pair (`dyadID`).
    pub dyad_id: u32,
    /// Year signed; `None` for the one row coded 9999 in the source.
    pub year: Option<u16>,
    /// Date signed as `YYYY-MM-DD`, when the source gives a single valid date.
    pub signed: Option<String>,
    /// `datesigned` as written (M/D/YYYY, sometimes two dates or a typo): kept for display.
    pub signed_as_written: Option<String>,
    /// Date ratified as `YYYY-MM-DD`, when the source gives a single valid date.
    pub ratified: Option<String>,
    /// `ratified` as written.
    pub ratified_as_written: Option<String>,
    /// A copy of the text is available to the authors.
    pub copy_available: bool,
    /// Only evidence (not a copy) of the agreement was found.
    pub evidence_available: bool,
    /// Languages a copy exists in (the `copy_*` flags), in the order of [`LANGUAGES`].
    pub languages: Vec<&'static str>,
    /// Dataset the treaty previously appeared in (`dataset_original`); `None` for new ones.
    pub previous_dataset: Option<String>,
    /// The hand coding, for the 570 agreements in `coding.csv`.
    pub coding: Option<Coding>,
}

impl Agreement {
    /// Whether the agreement is one of the hand-coded ones.
    pub fn is_coded(&self) -> bool {
        self.coding.is_some()
    }

    /// `"A – B"` with the dataset's names.
    pub fn parties_label(&self) -> String {
        format!("{} – {}", self.parties[0].name, self.parties[1].name)
    }
}

/// One party of an agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Party {
    /// Name as Chilton & Woda spell it ("South Korea", "West Germany" …).
    pub name: String,
    /// ISO 3166 alpha-3 (ISO 3166-3 former codes for historical states); `None` for Kosovo.
    pub iso3: Option<String>,
    /// Correlates of War code, as in the source (not always a COW state code, see README).
    pub cow_code: u32,
}

/// The hand coding of one agreement (`coding.csv`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coding {
    pub title: String,
    /// Language of the text that was coded (`coded_orig_lang`).
    pub original_language: String,
    /// The authors coded a Google translation rather than the original.
    pub coded_from_translation: bool,
    /// Renews automatically; `None` where the source leaves it empty (5 rows).
    pub autorenew: Option<bool>,
    pub duration: Duration,
    /// The 34 good-practice items, keyed by `coding.csv` column: `true` = the agreement has it.
    pub items: BTreeMap<String, bool>,
}

impl Coding {
    /// The value of one coded item; `None` for a column that is not an item.
    pub fn item(&self, column: &str) -> Option<bool> {
        self.items.get(column).copied()
    }
}

/// How long an agreement runs, as coded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Duration {
    /// `bla_duration`, verbatim ("The BLA is valid until terminated" …).
    pub kind: String,
    /// `bla_duration_other`: free text when `kind` is "Other".
    pub other: Option<String>,
    /// `bla_duration_years`, when a number of years is given.
    pub years: Option<u16>,
}

/// One coded good-practice item and the rubric items it is evidence for (`items.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// The `coding.csv` column, e.g. `joint_commit`.
    pub column: String,
    /// The authors' item number, e.g. `6a`.
    pub number: String,
    /// Short human label.
    pub title: String,
    /// The authors' label.
    pub description: String,
    /// Rubric item ids; empty when no rubric item corresponds (then `note` says why).
    pub rubric: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A country name used in the data, with its ISO code (`countries-iso3.csv`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Country {
    /// Name as the dataset spells it.
    pub name: String,
    /// ISO 3166 alpha-3; `None` where no code exists (then `note` says why).
    pub iso3: Option<String>,
    /// The ISO 3166 short name ("Côte d'Ivoire" for "Ivory Coast"); also accepted in filters.
    pub iso_name: Option<String>,
    pub note: Option<String>,
}

/// Languages of the `copy_*` columns, in column order: (column, name).
pub const LANGUAGES: [(&str, &str); 8] = [
    ("copy_english", "English"),
    ("copy_french", "French"),
    ("copy_german", "German"),
    ("copy_spanish", "Spanish"),
    ("copy_arabic", "Arabic"),
    ("copy_polish", "Polish"),
    ("copy_russian", "Russian"),
    ("copy_portugese", "Portuguese"),
];
