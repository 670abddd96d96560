//! The catalogue of known bilateral labour agreements: Chilton & Woda (2022), *Bilateral Labor
//! Agreements Dataset – Version 2*, Harvard Dataverse, doi:10.7910/DVN/QWSLYI (CC0).
//!
//! 1,222 agreements (`formation.csv`), 570 of them hand-coded on 34 ILO good-practice items
//! (`coding.csv`), and blma's mapping of those items to the assessment rubric (`items.toml`).
//! The files under `data/catalogue/` are embedded at compile time: this crate does no IO, and the
//! parsers take `&str` so that malformed input can be tested without files.

mod error;
mod model;
mod parse;
mod query;

use std::collections::HashMap;
use std::sync::OnceLock;

pub use error::CatalogueError;
pub use model::{Agreement, Coding, Country, Duration, Item, LANGUAGES, Party};
pub use parse::{CodedRow, is_iso3, parse_coding, parse_countries, parse_formation, parse_items};
pub use query::{Filter, ItemStats, Share, Stats};

/// How to cite the data, for every output that shows it.
pub const CITATION: &str = "Chilton & Woda (2022), Bilateral Labor Agreements Dataset – Version 2, Harvard Dataverse, doi:10.7910/DVN/QWSLYI (CC0)";

/// The texts of the four data files.
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    pub formation: &'a str,
    pub coding: &'a str,
    pub countries: &'a str,
    pub items: &'a str,
}

impl Sources<'static> {
    /// The files compiled into this build.
    pub const EMBEDDED: Sources<'static> = Sources {
        formation: include_str!("../../../data/catalogue/formation.csv"),
        coding: include_str!("../../../data/catalogue/coding.csv"),
        countries: include_str!("../../../data/catalogue/countries-iso3.csv"),
        items: include_str!("../../../data/catalogue/items.toml"),
    };
}

/// Every agreement, the coded items and the country names, parsed and cross-checked.
#[derive(Debug, Clone)]
pub struct Catalogue {
    agreements: Vec<Agreement>,
    items: Vec<Item>,
    countries: Vec<Country>,
    by_id: HashMap<u32, usize>,
    by_country: HashMap<String, usize>,
}

impl Catalogue {
    /// The embedded catalogue, parsed once.
    ///
    /// # Errors
    /// Only if the embedded data is broken, which the test suite rules out; returned rather than
    /// panicking so that the CLI can report it.
    pub fn embedded() -> Result<&'static Catalogue, CatalogueError> {
        static CATALOGUE: OnceLock<Result<Catalogue, CatalogueError>> = OnceLock::new();
        CATALOGUE
            .get_or_init(|| Catalogue::from_sources(Sources::EMBEDDED))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Parses and joins the files, checking that they agree with each other.
    ///
    /// # Errors
    /// A malformed row or item, or files that disagree (a coded treaty not in `formation.csv`,
    /// different parties or year for the same treaty, a country name missing from the country
    /// list).
    pub fn from_sources(sources: Sources<'_>) -> Result<Catalogue, CatalogueError> {
        let items = parse_items(sources.items)?;
        let mut agreements = parse_formation(sources.formation)?;
        let coded = parse_coding(sources.coding, &items)?;
        let countries = parse_countries(sources.countries)?;

        let by_id: HashMap<u32, usize> = agreements
            .iter()
            .enumerate()
            .map(|(i, a)| (a.treaty_id, i))
            .collect();
        for row in coded {
            let Some(&i) = by_id.get(&row.treaty_id) else {
                return Err(CatalogueError::Inconsistent(format!(
                    "treatyID {} is in coding.csv but not in formation.csv",
                    row.treaty_id
                )));
            };
            let agreement = &mut agreements[i];
            if agreement.parties != row.parties
                || agreement.dyad_id != row.dyad_id
                || agreement.year != row.year
            {
                return Err(CatalogueError::Inconsistent(format!(
                    "treatyID {}: parties, dyadID or year differ between formation.csv and coding.csv",
                    row.treaty_id
                )));
            }
            agreement.coding = Some(row.coding);
        }

        let by_country: HashMap<String, usize> = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.name.clone(), i))
            .collect();
        for agreement in &agreements {
            for party in &agreement.parties {
                if !by_country.contains_key(&party.name) {
                    return Err(CatalogueError::Inconsistent(format!(
                        "treatyID {}: country `{}` is not in countries-iso3.csv",
                        agreement.treaty_id, party.name
                    )));
                }
            }
        }
        Ok(Catalogue {
            agreements,
            items,
            countries,
            by_id,
            by_country,
        })
    }

    /// Every agreement, in `formation.csv` order (treatyID order).
    pub fn agreements(&self) -> &[Agreement] {
        &self.agreements
    }

    /// The hand-coded agreements.
    pub fn coded(&self) -> impl Iterator<Item = &Agreement> {
        self.agreements.iter().filter(|a| a.is_coded())
    }

    /// The agreement with this `treatyID`.
    pub fn get(&self, treaty_id: u32) -> Option<&Agreement> {
        self.by_id.get(&treaty_id).map(|&i| &self.agreements[i])
    }

    /// The 34 coded items with their rubric mapping, in the authors' order.
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// Every country name used in the data.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// The country entry for a name exactly as the dataset spells it.
    pub fn country(&self, name: &str) -> Option<&Country> {
        self.by_country.get(name).map(|&i| &self.countries[i])
    }

    /// The agreements as CSV (header + one row per agreement), for export.
    ///
    /// # Errors
    /// Never in practice (writes to memory); the `csv` writer's error is passed on.
    pub fn to_csv(agreements: &[&Agreement]) -> Result<String, CatalogueError> {
        let to_err = |err: &dyn std::fmt::Display| CatalogueError::File {
            file: "csv export",
            message: err.to_string(),
        };
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer
            .write_record([
                "treaty_id",
                "country_a",
                "iso3_a",
                "country_b",
                "iso3_b",
                "year",
                "signed",
                "ratified",
                "languages",
                "copy_available",
                "evidence_available",
                "coded",
                "title",
            ])
            .map_err(|e| to_err(&e))?;
        let flag = |b: bool| if b { "1" } else { "0" };
        for a in agreements {
            let [p, q] = &a.parties;
            writer
                .write_record([
                    a.treaty_id.to_string().as_str(),
                    &p.name,
                    p.iso3.as_deref().unwrap_or(""),
                    &q.name,
                    q.iso3.as_deref().unwrap_or(""),
                    &a.year.map(|y| y.to_string()).unwrap_or_default(),
                    a.signed.as_deref().unwrap_or(""),
                    a.ratified.as_deref().unwrap_or(""),
                    &a.languages.join(";"),
                    flag(a.copy_available),
                    flag(a.evidence_available),
                    flag(a.is_coded()),
                    a.coding.as_ref().map_or("", |c| c.title.as_str()),
                ])
                .map_err(|e| to_err(&e))?;
        }
        let bytes = writer.into_inner().map_err(|e| to_err(&e))?;
        String::from_utf8(bytes).map_err(|e| to_err(&e))
    }
}
