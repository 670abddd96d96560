//! The Parties, as the text names them.
//!
//! In order of trust: the opening words of the preamble ("The Government of X and the
//! Government of Y, …", "Le Gouvernement de … et le Gouvernement de …", "El Gobierno de … y el
//! Gobierno de …"), then a "between X and Y" / "entre … et/y …" in the title, then, for a model
//! agreement, the roles it is written for ("territory of emigration" and "of immigration").

use std::sync::LazyLock;

use regex::Regex;

/// An article opening a noun phrase, in the three languages.
const ARTICLE: &str = r"(?:the|le|la|les|l['’]|el|los|las)";

static PREAMBLE_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^{ARTICLE}\s*(.{{5,600}}?)(?:,|:|\s+(?:have|has|agree|ont|sont|conviennent|han|acuerdan|convienen)\b|$)"
    ))
    .expect("valid regex")
});

static BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:between|entre)\s+(.+?)(?:\s+(?:concerning|relating|regarding|on|for the|in the field|relatif|relative|concernant|sur|pour|sobre|relativo|relativa|para|en materia|acerca)\b|[,;(]|$)",
    )
    .expect("valid regex")
});

/// " and the ", " et le ", " y el " …: the join between two named Parties.
static AND_ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\s+(?:and|et|y|e)\s+{ARTICLE}\s*")).expect("valid regex")
});

static AND: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\s+(?:and|et|y|e)\s+").expect("valid regex"));

static LEADING_ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^{ARTICLE}\s*")).expect("valid regex"));

static PARENTHESES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*\([^()]*\)").expect("valid regex"));

static HEREINAFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\s*,?\s*(?:hereinafter|ci-après|en lo sucesivo|en adelante|denominad[oa]s?)\b.*$",
    )
    .expect("valid regex")
});

static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:territory|country|state|territoire|pays|état|territorio|país|estado)\s+(?:of|d['’]|de)\s*(emigration|immigration|origin|destination|émigration|origine|emigración|inmigración|origen|destino)\b",
    )
    .expect("valid regex")
});

/// The Parties named in the preamble's first paragraph, or in the title.
pub(crate) fn parties(preamble: Option<&str>, title: Option<&str>) -> Vec<String> {
    if let Some(opening) = preamble.and_then(|p| PREAMBLE_OPENING.captures(p.trim_start()))
        && let found @ [_, _, ..] = split_parties(&opening[1], false).as_slice()
    {
        return found.to_vec();
    }
    title
        .and_then(|t| BETWEEN.captures(t))
        .map(|between| split_parties(&between[1], true))
        .filter(|found| found.len() >= 2)
        .unwrap_or_default()
}

/// "X (hereinafter …) and the Y" → ["X", "Y"]. Without an article after the "and", only when
/// `loose` (titles: "entre la France et les Pays-Bas" has one, "between Spain and Morocco" not).
fn split_parties(phrase: &str, loose: bool) -> Vec<String> {
    let phrase = PARENTHESES.replace_all(phrase, "");
    let mut parts: Vec<&str> = AND_ARTICLE.split(&phrase).collect();
    if parts.len() < 2 && loose {
        parts = AND.split(&phrase).collect();
    }
    let parts: Vec<String> = parts.into_iter().map(clean_party).collect();
    let plausible = parts.iter().all(|p| {
        p.starts_with(|c: char| c.is_uppercase()) && (2..=200).contains(&p.chars().count())
    });
    if plausible { parts } else { Vec::new() }
}

fn clean_party(party: &str) -> String {
    let party = LEADING_ARTICLE.replace(party.trim(), "");
    let party = HEREINAFTER.replace(&party, "");
    party
        .trim()
        .trim_matches(|c: char| c == ',' || c == '"' || c == '“' || c == '”' || c.is_whitespace())
        .to_owned()
}

/// For a model agreement: the roles it names, emigration side first ("territory of
/// emigration", "territory of immigration").
pub(crate) fn model_roles(text: &str) -> Vec<String> {
    let (mut origin, mut destination) = (None, None);
    for role in ROLE.captures_iter(text) {
        let side = role[1].to_lowercase();
        let slot =
            if ["immigration", "destination", "inmigración", "destino"].contains(&side.as_str()) {
                &mut destination
            } else {
                &mut origin
            };
        slot.get_or_insert_with(|| role[0].to_owned());
        if origin.is_some() && destination.is_some() {
            break;
        }
    }
    origin.into_iter().chain(destination).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preamble_openings() {
        let p = parties(
            Some(
                "The Government of the Republic of Turkey and the Government of the Kingdom of Sweden,",
            ),
            None,
        );
        assert_eq!(
            p,
            [
                "Government of the Republic of Turkey",
                "Government of the Kingdom of Sweden"
            ]
        );
        let p = parties(
            Some(
                "Le Gouvernement de la République Française et le Gouvernement de Sa Majesté la Reine des Pays-Bas, Soucieux",
            ),
            None,
        );
        assert_eq!(
            p,
            [
                "Gouvernement de la République Française",
                "Gouvernement de Sa Majesté la Reine des Pays-Bas"
            ]
        );
        let p = parties(
            Some(
                "The Department of Labor and Employment of the Philippines (hereinafter referred to as the \"DOLE\") and the Ministry of Labor of the Republic of Korea (hereinafter referred to as the \"MOL\"), hereinafter",
            ),
            None,
        );
        assert_eq!(
            p,
            [
                "Department of Labor and Employment of the Philippines",
                "Ministry of Labor of the Republic of Korea"
            ]
        );
    }

    #[test]
    fn titles_when_the_preamble_does_not_name_them() {
        let p = parties(
            Some("Considering the friendly relations,"),
            Some("Agreement between Spain and Morocco on labour migration"),
        );
        assert_eq!(p, ["Spain", "Morocco"]);
        assert!(
            parties(
                Some("Whereas the parties agree,"),
                Some("Mexican Agreement")
            )
            .is_empty()
        );
    }

    #[test]
    fn roles_of_a_model() {
        let text = "the territory of immigration shall inform the territory of emigration; the territory of emigration";
        assert_eq!(
            model_roles(text),
            ["territory of emigration", "territory of immigration"]
        );
    }
}
