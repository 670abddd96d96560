//! Filters and coverage statistics.

use serde::Serialize;

use crate::Catalogue;
use crate::error::CatalogueError;
use crate::model::{Agreement, Item, Party};

/// Which agreements to select. All conditions must hold; the default selects everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// A party, by name, ISO 3166 short name or ISO3 code, case-insensitive.
    pub country: Option<String>,
    /// Both parties, in either order.
    pub corridor: Option<(String, String)>,
    /// First year, inclusive. Agreements without a year drop out when a bound is set.
    pub from: Option<u16>,
    /// Last year, inclusive.
    pub to: Option<u16>,
    /// Only the hand-coded agreements.
    pub coded_only: bool,
}

impl Filter {
    /// Whether the filter narrows the selection at all.
    pub fn is_empty(&self) -> bool {
        self == &Filter::default()
    }
}

/// A country query resolved against the catalogue's names.
///
/// A party matches when the query equals its name, the ISO short name of that name, or its ISO3
/// code. Matching the ISO name lets "United States" find both spellings the data uses, and
/// "Germany" find West Germany too, while an ISO3 code follows the per-row codes (SUN for the
/// USSR rows listed as "Russia").
#[derive(Debug, Clone)]
struct CountryMatcher {
    query: String,
}

impl CountryMatcher {
    fn matches(&self, catalogue: &Catalogue, party: &Party) -> bool {
        let q = self.query.as_str();
        party.name.to_lowercase() == q
            || party.iso3.as_deref().is_some_and(|c| c.to_lowercase() == q)
            || catalogue
                .country(&party.name)
                .and_then(|c| c.iso_name.as_deref())
                .is_some_and(|n| n.to_lowercase() == q)
    }
}

impl Catalogue {
    fn matcher(&self, query: &str) -> Result<CountryMatcher, CatalogueError> {
        let matcher = CountryMatcher {
            query: query.trim().to_lowercase(),
        };
        let known = self
            .agreements()
            .iter()
            .flat_map(|a| &a.parties)
            .any(|p| matcher.matches(self, p));
        if known {
            Ok(matcher)
        } else {
            Err(CatalogueError::UnknownCountry {
                query: query.trim().to_owned(),
                suggestions: self.suggest_countries(query),
            })
        }
    }

    /// Up to five countries close to `query`, closest first, as "Name (ISO3)".
    ///
    /// A country is close when its name, ISO name or code is within a small edit distance of the
    /// query, or contains it ("Korea" → North and South Korea).
    pub fn suggest_countries(&self, query: &str) -> Vec<String> {
        let q = query.trim().to_lowercase();
        let q_len = q.chars().count();
        let closeness = |label: &str| {
            let l = label.to_lowercase();
            let distance = levenshtein(&q, &l);
            if distance <= (q_len / 3).max(1) {
                Some(distance)
            } else if q_len >= 3 && l.contains(&q) {
                Some(distance.max(q_len))
            } else {
                None
            }
        };
        let mut found: Vec<(usize, String)> = Vec::new();
        for country in self.countries() {
            // ISO names of historical states carry a bracketed note: compare the plain name.
            let iso_name = country
                .iso_name
                .as_deref()
                .map(|n| n.split(" [").next().unwrap_or(n));
            let best = [
                Some(country.name.as_str()),
                country.iso3.as_deref(),
                iso_name,
            ]
            .into_iter()
            .flatten()
            .filter_map(closeness)
            .min();
            if let Some(distance) = best {
                let label = match &country.iso3 {
                    Some(code) => format!("{} ({code})", country.name),
                    None => country.name.clone(),
                };
                found.push((distance, label));
            }
        }
        found.sort();
        found.into_iter().take(5).map(|(_, label)| label).collect()
    }

    /// The agreements the filter selects, in treatyID order.
    ///
    /// # Errors
    /// [`CatalogueError::UnknownCountry`] when a country matches no party, and
    /// [`CatalogueError::YearRange`] when `from` is after `to`.
    pub fn select(&self, filter: &Filter) -> Result<Vec<&Agreement>, CatalogueError> {
        if let (Some(from), Some(to)) = (filter.from, filter.to)
            && from > to
        {
            return Err(CatalogueError::YearRange { from, to });
        }
        let country = filter
            .country
            .as_deref()
            .map(|c| self.matcher(c))
            .transpose()?;
        let corridor = match &filter.corridor {
            Some((a, b)) => Some((self.matcher(a)?, self.matcher(b)?)),
            None => None,
        };
        let in_years = |a: &Agreement| match (filter.from, filter.to) {
            (None, None) => true,
            (from, to) => a
                .year
                .is_some_and(|y| from.is_none_or(|f| y >= f) && to.is_none_or(|t| y <= t)),
        };
        Ok(self
            .agreements()
            .iter()
            .filter(|a| !filter.coded_only || a.is_coded())
            .filter(|a| in_years(a))
            .filter(|a| {
                country
                    .as_ref()
                    .is_none_or(|m| a.parties.iter().any(|p| m.matches(self, p)))
            })
            .filter(|a| {
                corridor.as_ref().is_none_or(|(x, y)| {
                    let [p, q] = &a.parties;
                    (x.matches(self, p) && y.matches(self, q))
                        || (x.matches(self, q) && y.matches(self, p))
                })
            })
            .collect())
    }

    /// Per coded item: how many coded agreements have it, overall and among those selected.
    ///
    /// # Errors
    /// As [`Catalogue::select`].
    pub fn stats(&self, filter: &Filter) -> Result<Stats<'_>, CatalogueError> {
        let selected = self.select(filter)?;
        let all: Vec<&Agreement> = self.agreements().iter().collect();
        let items = self
            .items()
            .iter()
            .map(|item| ItemStats {
                item,
                overall: Share::count(&all, &item.column),
                selected: Share::count(&selected, &item.column),
            })
            .collect();
        Ok(Stats {
            agreements: self.agreements().len(),
            coded: self.coded().count(),
            selected_agreements: selected.len(),
            selected_coded: selected.iter().filter(|a| a.is_coded()).count(),
            items,
        })
    }
}

/// Coverage of the coded items: the answer of [`Catalogue::stats`].
#[derive(Debug, Clone, Serialize)]
pub struct Stats<'a> {
    /// All agreements in the catalogue.
    pub agreements: usize,
    /// All coded agreements.
    pub coded: usize,
    /// Agreements the filter selects, coded or not.
    pub selected_agreements: usize,
    /// Coded agreements among those selected: the denominator of the `selected` shares.
    pub selected_coded: usize,
    /// One entry per coded item, in `items.toml` order.
    pub items: Vec<ItemStats<'a>>,
}

/// How common one coded item is.
#[derive(Debug, Clone, Serialize)]
pub struct ItemStats<'a> {
    pub item: &'a Item,
    /// Among all coded agreements.
    pub overall: Share,
    /// Among the coded agreements the filter selects.
    pub selected: Share,
}

/// `count` of `coded` agreements have the item.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Share {
    pub count: usize,
    /// Coded agreements with a value for the item.
    pub coded: usize,
    /// `count / coded` in 0..=1; `None` when nothing selected is coded.
    pub share: Option<f64>,
}

impl Share {
    fn count(agreements: &[&Agreement], column: &str) -> Share {
        let values = agreements
            .iter()
            .filter_map(|a| a.coding.as_ref()?.item(column));
        let (count, coded) = values.fold((0, 0), |(n, d), v| (n + usize::from(v), d + 1));
        Share {
            count,
            coded,
            // Counts are at most a few thousand: exact in f64.
            #[allow(clippy::cast_precision_loss)]
            share: (coded > 0).then(|| count as f64 / coded as f64),
        }
    }
}

/// Edit distance over chars, for "did you mean" suggestions.
fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::levenshtein;

    #[test]
    fn edit_distance() {
        assert_eq!(levenshtein("philipines", "philippines"), 1);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("kitten", "sitting"), 3);
    }
}
