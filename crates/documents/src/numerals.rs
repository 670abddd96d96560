//! Numbers as agreements write them: roman numerals, and cardinal or ordinal words in English,
//! French and Spanish ("twenty-eighth", "premier", "diez y siete", "mil novecientos setenta y
//! uno"). Shared by the heading recogniser and the date reader.

/// The value of a roman numeral (`V`, `xiv`), in canonical form only, up to 3999.
pub(crate) fn roman(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 15 {
        return None;
    }
    let digit = |c: char| match c.to_ascii_uppercase() {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let values: Vec<u32> = text.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, &value) in values.iter().enumerate() {
        match values.get(i + 1) {
            Some(&next) if next > value => total -= value as i64,
            _ => total += value as i64,
        }
    }
    let total = u32::try_from(total)
        .ok()
        .filter(|t| (1..4000).contains(t))?;
    // Reject non-canonical spellings ("IIII", "VX") so ordinary words are not taken for numbers.
    (to_roman(total).eq_ignore_ascii_case(text)).then_some(total)
}

/// The canonical roman numeral of `value` (upper case).
pub(crate) fn to_roman(mut value: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (unit, letters) in TABLE {
        while value >= unit {
            out.push_str(letters);
            value -= unit;
        }
    }
    out
}

/// What one lower-case word contributes to a number written in words.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Word {
    /// Added to the running group ("seven", "vingt", "novecientos").
    Add(u32),
    /// Multiplies the running group ("hundred", "cent").
    Times(u32),
    /// Closes the group and multiplies it ("thousand", "mil", "mille").
    Scale(u32),
    /// "and", "et", "y": allowed between number words.
    Joiner,
}

fn word(token: &str) -> Option<Word> {
    use Word::*;
    let value = match token {
        "and" | "et" | "y" => return Some(Joiner),
        "hundred" => return Some(Times(100)),
        "thousand" | "mille" | "mil" => return Some(Scale(1000)),
        "zero" | "zéro" | "cero" => 0,
        "one" | "first" | "un" | "une" | "premier" | "première" | "uno" | "una" | "primero"
        | "primera" | "primer" | "único" | "unique" => 1,
        "two" | "second" | "deux" | "deuxième" | "seconde" | "dos" | "segundo" | "segunda" => 2,
        "three" | "third" | "trois" | "troisième" | "tres" | "tercero" | "tercera" | "tercer" => 3,
        "four" | "fourth" | "quatre" | "quatrième" | "cuatro" | "cuarto" | "cuarta" => 4,
        "five" | "fifth" | "cinq" | "cinquième" | "cinco" | "quinto" | "quinta" => 5,
        "six" | "sixth" | "sixième" | "seis" | "sexto" | "sexta" => 6,
        "seven" | "seventh" | "sept" | "septième" | "siete" | "séptimo" | "séptima" | "sétimo" => {
            7
        }
        "eight" | "eighth" | "huit" | "huitième" | "ocho" | "octavo" | "octava" => 8,
        "nine" | "ninth" | "neuf" | "neuvième" | "nueve" | "noveno" | "novena" | "nono" => 9,
        "ten" | "tenth" | "dix" | "dixième" | "diez" | "décimo" | "décima" => 10,
        "eleven" | "eleventh" | "onze" | "onzième" | "once" | "undécimo" | "decimoprimero" => 11,
        "twelve" | "twelfth" | "douze" | "douzième" | "doce" | "duodécimo" | "decimosegundo" => {
            12
        }
        "thirteen" | "thirteenth" | "treize" | "treizième" | "trece" | "decimotercero" => 13,
        "fourteen" | "fourteenth" | "quatorze" | "quatorzième" | "catorce" => 14,
        "fifteen" | "fifteenth" | "quinze" | "quinzième" | "quince" => 15,
        "sixteen" | "sixteenth" | "seize" | "seizième" | "dieciséis" | "dieciseis" => 16,
        "seventeen" | "seventeenth" | "diecisiete" => 17,
        "eighteen" | "eighteenth" | "dieciocho" => 18,
        "nineteen" | "nineteenth" | "diecinueve" => 19,
        "twenty" | "twentieth" | "vingt" | "vingts" | "vingtième" | "veinte" | "vigésimo" => 20,
        "veintiuno" | "veintiún" | "veintiuna" => 21,
        "veintidós" | "veintidos" => 22,
        "veintitrés" | "veintitres" => 23,
        "veinticuatro" => 24,
        "veinticinco" => 25,
        "veintiséis" | "veintiseis" => 26,
        "veintisiete" => 27,
        "veintiocho" => 28,
        "veintinueve" => 29,
        "thirty" | "thirtieth" | "trente" | "trentième" | "treinta" => 30,
        "forty" | "fortieth" | "quarante" | "cuarenta" => 40,
        "fifty" | "fiftieth" | "cinquante" | "cincuenta" => 50,
        "sixty" | "soixante" | "sesenta" => 60,
        "seventy" | "setenta" => 70,
        "eighty" | "ochenta" => 80,
        "ninety" | "noventa" => 90,
        "cent" | "cents" => return Some(Times(100)),
        "cien" | "ciento" => 100,
        "doscientos" | "doscientas" => 200,
        "trescientos" | "trescientas" => 300,
        "cuatrocientos" | "cuatrocientas" => 400,
        "quinientos" | "quinientas" => 500,
        "seiscientos" | "seiscientas" => 600,
        "setecientos" | "setecientas" => 700,
        "ochocientos" | "ochocientas" => 800,
        "novecientos" | "novecientas" => 900,
        _ => return None,
    };
    Some(Add(value))
}

/// Whether a lower-case token can be part of a number written in words or digits.
pub(crate) fn is_number_token(token: &str) -> bool {
    digits_value(token).is_some() || word(token).is_some()
}

/// `28`, `28th`, `1er`, `1°`, `2nd` → the number.
fn digits_value(token: &str) -> Option<u32> {
    let end = token
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(token.len());
    if end == 0 || end > 6 {
        return None;
    }
    let suffix = &token[end..];
    let known_suffix = matches!(
        suffix,
        "" | "st" | "nd" | "rd" | "th" | "er" | "re" | "e" | "ème" | "°" | "º" | "o" | "a"
    );
    known_suffix.then(|| token[..end].parse().ok()).flatten()
}

/// The value of a number written as lower-case tokens (already split on spaces and hyphens):
/// `["twenty", "eighth"]`, `["mil", "novecientos", "setenta", "y", "uno"]`, `["1er"]`.
/// `None` if any token is not part of a number, or the tokens do not form one.
pub(crate) fn parse_number(tokens: &[&str]) -> Option<u32> {
    if let [single] = tokens
        && let Some(value) = digits_value(single)
    {
        return Some(value);
    }
    let (mut total, mut group, mut any) = (0u32, 0u32, false);
    for (i, token) in tokens.iter().enumerate() {
        match word(token)? {
            Word::Joiner if i == 0 || i + 1 == tokens.len() => return None,
            Word::Joiner => {}
            Word::Add(value) => {
                group = group.checked_add(value)?;
                any = true;
            }
            Word::Times(factor) => {
                // "cent" alone means one hundred; "quatre-vingts" is four times twenty.
                group = group.max(1).checked_mul(factor)?;
                any = true;
            }
            Word::Scale(factor) => {
                total = total.checked_add(group.max(1).checked_mul(factor)?)?;
                group = 0;
                any = true;
            }
        }
        // French "quatre-vingt": a unit directly followed by "vingt" multiplies.
        if *token == "vingt" || *token == "vingts" {
            let previous = i.checked_sub(1).and_then(|p| word(tokens[p]));
            if let Some(Word::Add(unit @ 2..=9)) = previous {
                group = group - unit - 20 + unit * 20;
            }
        }
    }
    any.then_some(total + group)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Option<u32> {
        let tokens: Vec<&str> = text.split([' ', '-']).filter(|t| !t.is_empty()).collect();
        parse_number(&tokens)
    }

    #[test]
    fn romans_are_canonical() {
        assert_eq!(roman("XIV"), Some(14));
        assert_eq!(roman("v"), Some(5));
        assert_eq!(roman("MCMXLVIII"), Some(1948));
        assert_eq!(roman("IIII"), None);
        assert_eq!(roman("MIX"), Some(1009));
        assert_eq!(roman("Mix"), Some(1009));
        assert_eq!(roman("DIV"), Some(504));
        assert_eq!(roman("CIVIL"), None);
    }

    #[test]
    fn words_in_three_languages() {
        assert_eq!(words("twenty-eighth"), Some(28));
        assert_eq!(words("nineteen hundred and fifty-nine"), Some(1959));
        assert_eq!(words("one thousand nine hundred and forty-two"), Some(1942));
        assert_eq!(words("mil neuf cent quarante-huit"), Some(1948));
        assert_eq!(words("quatre-vingt-dix-sept"), Some(97));
        assert_eq!(words("soixante et onze"), Some(71));
        assert_eq!(words("diez y siete"), Some(17));
        assert_eq!(words("mil novecientos setenta y uno"), Some(1971));
        assert_eq!(words("dos mil cuatro"), Some(2004));
        assert_eq!(words("premier"), Some(1));
        assert_eq!(words("28th"), Some(28));
        assert_eq!(words("1er"), Some(1));
        assert_eq!(words("and"), None);
        assert_eq!(words("twenty people"), None);
    }
}
