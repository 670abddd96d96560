//! Dates and places of signature: "Done at Ankara on 10 March 1967", "Fait à Paris, le 2 juin
//! 1948", "en la Ciudad de Antofagasta … a los diez y siete días del mes de octubre de mil
//! novecientos setenta y uno".

use std::sync::LazyLock;

use regex::Regex;

use crate::numerals::{is_number_token, parse_number};

/// The ISO date of the first date in `text` (day, month and year all given), in English,
/// French or Spanish, in digits or words.
pub(crate) fn first_date(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '°' || c == 'º'))
        .filter(|t| !t.is_empty())
        .collect();
    tokens.iter().enumerate().find_map(|(i, token)| {
        let month = month(token)?;
        let (day, after_day) = match day_before(&tokens[..i]) {
            Some(day) => (day, i + 1),
            // "March 10, 1967".
            None => number_at(&tokens, i + 1, 1..=31).map(|(day, len)| (day, i + 1 + len))?,
        };
        let (year, _) = number_at(&tokens, skip(&tokens, after_day, YEAR_FILLER), 1000..=2200)?;
        valid(year, month, day).then(|| format!("{year:04}-{month:02}-{day:02}"))
    })
}

/// Words between a day and its month ("28th day of May", "diez y siete días del mes de
/// octubre") or before a year ("de 1971", "del año").
const DAY_FILLER: &[&str] = &[
    "de", "del", "mes", "of", "day", "días", "dias", "día", "dia", "the",
];
const YEAR_FILLER: &[&str] = &[
    "de", "del", "año", "ano", "of", "in", "the", "year", "en", "l", "an", "année",
];

fn skip(tokens: &[&str], mut at: usize, filler: &[&str]) -> usize {
    while tokens.get(at).is_some_and(|t| filler.contains(t)) {
        at += 1;
    }
    at
}

/// The day written just before a month, fillers skipped.
fn day_before(tokens: &[&str]) -> Option<u32> {
    let mut end = tokens.len();
    while end > 0 && DAY_FILLER.contains(&tokens[end - 1]) {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && end - start < 4 && is_number_token(tokens[start - 1]) {
        start -= 1;
    }
    // The longest run ending at the month that reads as a day ("diez y siete", "28th").
    (start..end).find_map(|s| parse_number(&tokens[s..end]).filter(|d| (1..=31).contains(d)))
}

/// The longest number starting at `at` within `range`, and how many tokens it takes.
fn number_at(
    tokens: &[&str],
    at: usize,
    range: std::ops::RangeInclusive<u32>,
) -> Option<(u32, usize)> {
    let mut end = at;
    while end < tokens.len() && end - at < 8 && is_number_token(tokens[end]) {
        end += 1;
    }
    (at + 1..=end).rev().find_map(|e| {
        parse_number(&tokens[at..e])
            .filter(|v| range.contains(v))
            .map(|v| (v, e - at))
    })
}

fn month(token: &str) -> Option<u32> {
    const MONTHS: [&[&str]; 12] = [
        &["january", "janvier", "enero"],
        &["february", "février", "fevrier", "febrero"],
        &["march", "mars", "marzo"],
        &["april", "avril", "abril"],
        &["may", "mai", "mayo"],
        &["june", "juin", "junio"],
        &["july", "juillet", "julio"],
        &["august", "août", "aout", "agosto"],
        &["september", "septembre", "septiembre", "setiembre"],
        &["october", "octobre", "octubre"],
        &["november", "novembre", "noviembre"],
        &["december", "décembre", "decembre", "diciembre"],
    ];
    MONTHS
        .iter()
        .position(|names| names.contains(&token))
        .map(|i| i as u32 + 1)
}

fn valid(year: u32, month: u32, day: u32) -> bool {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1..=days).contains(&day)
}

/// A capitalised place name: "Dublin", "Mexico City", "Buenos Aires", "The Hague".
const PLACE: &str =
    r"(\p{Lu}[\p{L}'’.-]*(?:[ ](?:(?:de|del|la|of|am|upon|sur|-)[ ])?\p{Lu}[\p{L}'’-]*)*)";

static PLACE_AFTER_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:\b(?:done|signed|made|fait|signé|hecho|firmado|dado|suscrito|celebrado)\b[^.;]{{0,40}}?\b(?:at|in|à|a|en))[ ](?i:(?:the city of|la ville de|la ciudad de)[ ])?{PLACE}"
    ))
    .expect("valid regex")
});

static PLACE_AFTER_CITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i:\b(?:in the city of|en la ciudad de|dans la ville de|à la ville de|en la villa de))[ ]{PLACE}"))
        .expect("valid regex")
});

/// The place of signature named in a signature clause.
pub(crate) fn place(text: &str) -> Option<String> {
    [&PLACE_AFTER_VERB, &PLACE_AFTER_CITY]
        .iter()
        .find_map(|pattern| {
            let place = pattern
                .captures(text)?
                .get(1)?
                .as_str()
                .trim_end_matches(['.', '-']);
            (!place.is_empty()).then(|| place.to_owned())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_three_languages() {
        assert_eq!(
            first_date("Done at Ankara on 10 March 1967.").as_deref(),
            Some("1967-03-10")
        );
        assert_eq!(
            first_date("DONE at Dublin, this 28th day of May 1959, in two").as_deref(),
            Some("1959-05-28")
        );
        assert_eq!(
            first_date("Fait à Paris, le 2 juin 1948.").as_deref(),
            Some("1948-06-02")
        );
        assert_eq!(
            first_date("le 1er août 1950").as_deref(),
            Some("1950-08-01")
        );
        assert_eq!(
            first_date("Washington, August 4, 1942").as_deref(),
            Some("1942-08-04")
        );
        assert_eq!(
            first_date(
                "a los diez y siete días del mes de octubre de mil novecientos setenta y uno."
            )
            .as_deref(),
            Some("1971-10-17")
        );
        assert_eq!(
            first_date("Hecho en Lima, el 17 de octubre de 1971").as_deref(),
            Some("1971-10-17")
        );
        assert_eq!(
            first_date("the twenty-eighth day of May, nineteen hundred and fifty-nine").as_deref(),
            Some("1959-05-28")
        );
        assert_eq!(
            first_date("le trente et un décembre mil neuf cent quarante-huit").as_deref(),
            Some("1948-12-31")
        );
        assert_eq!(first_date("on 31 February 1950"), None);
        assert_eq!(first_date("in May of that year"), None);
    }

    #[test]
    fn places() {
        assert_eq!(
            place("Done at Ankara on 10 March 1967").as_deref(),
            Some("Ankara")
        );
        assert_eq!(
            place("signed the present Agreement.DONE at Dublin, this 28th day").as_deref(),
            Some("Dublin")
        );
        assert_eq!(
            place("Fait à Paris, le 2 juin 1948").as_deref(),
            Some("Paris")
        );
        assert_eq!(
            place("Done in duplicate at Mexico City on").as_deref(),
            Some("Mexico City")
        );
        assert_eq!(
            place("sus respectivos sellos en la Ciudad de Antofagasta, República de Chile, a los")
                .as_deref(),
            Some("Antofagasta")
        );
        assert_eq!(
            place("Hecho en Buenos Aires, el 3 de mayo").as_deref(),
            Some("Buenos Aires")
        );
    }
}
