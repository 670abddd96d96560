//! Words hyphenated across a line break.
//!
//! A line ending in `letter-` followed by a line starting with a lower-case letter is one word
//! split by typesetting, or a real compound that happens to break at its hyphen. The rule:
//!
//! 1. if the document elsewhere writes the hyphenated form (`non-discrimination`), keep the
//!    hyphen;
//! 2. else if it elsewhere writes the closed form (`employment`), drop the hyphen;
//! 3. else keep the hyphen when the part before it is a common compound prefix (`non-`, `co-`,
//!    `self-`, `ex-`, `anti-`, `pre-`, `post-`, `inter-` … see [`COMPOUND_PREFIXES`]), and drop
//!    it otherwise.
//!
//! Either way the line break goes. A next line starting in upper case is left alone.

use std::collections::HashSet;

use super::Line;

/// Prefixes that in English, French and Spanish usually keep their hyphen.
const COMPOUND_PREFIXES: &[&str] = &[
    "non", "co", "self", "ex", "anti", "pre", "post", "inter", "intra", "multi", "semi", "quasi",
    "cross", "well", "vice", "sous", "demi", "auto", "extra", "contre", "mi", "socio", "franco",
];

/// Words of the document, for rules 1 and 2.
struct Lexicon {
    closed: HashSet<String>,
    hyphenated: HashSet<String>,
}

impl Lexicon {
    fn new(lines: &[Line]) -> Lexicon {
        let mut lexicon = Lexicon {
            closed: HashSet::new(),
            hyphenated: HashSet::new(),
        };
        for line in lines {
            let text: String = line
                .iter()
                .map(|&(c, _)| c)
                .collect::<String>()
                .to_lowercase();
            for token in text.split(|c: char| !(c.is_alphabetic() || c == '-')) {
                let parts: Vec<&str> = token.split('-').filter(|p| !p.is_empty()).collect();
                for pair in parts.windows(2) {
                    lexicon
                        .hyphenated
                        .insert(format!("{}-{}", pair[0], pair[1]));
                }
                lexicon.closed.extend(parts.iter().map(|p| (*p).to_owned()));
            }
        }
        lexicon
    }

    fn keeps_hyphen(&self, before: &str, after: &str) -> bool {
        if self.hyphenated.contains(&format!("{before}-{after}")) {
            return true;
        }
        if self.closed.contains(&format!("{before}{after}")) {
            return false;
        }
        COMPOUND_PREFIXES.contains(&before)
    }
}

/// Rejoins words split across lines (a page break between them allowed, as one blank line).
pub(super) fn rejoin_hyphenated(lines: Vec<Line>) -> Vec<Line> {
    let lexicon = Lexicon::new(&lines);
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut pending_blank: Option<Line> = None;
    for line in lines {
        if line.is_empty() {
            // Only one blank line may separate the two halves of a word.
            if let Some(blank) = pending_blank.replace(line) {
                out.push(blank);
            }
            continue;
        }
        let joined = out.last_mut().and_then(|previous| {
            let before = word_before_hyphen(previous)?;
            let after = leading_word(&line)?;
            let keep = lexicon.keeps_hyphen(&before, &after);
            if !keep {
                previous.pop();
            }
            previous.extend(line.iter().copied());
            Some(())
        });
        if joined.is_none() {
            out.extend(pending_blank.take());
            out.push(line);
        } else {
            pending_blank = None;
        }
    }
    out.extend(pending_blank);
    out
}

/// The lower-cased letters before a final hyphen (`employ` of `… employ-`), if the line ends so.
fn word_before_hyphen(line: &[super::MappedChar]) -> Option<String> {
    let (&(last, _), rest) = line.split_last()?;
    if last != '-' {
        return None;
    }
    let letters: String = rest
        .iter()
        .rev()
        .map(|&(c, _)| c)
        .take_while(|c| c.is_alphabetic())
        .collect();
    (!letters.is_empty()).then(|| letters.chars().rev().collect::<String>().to_lowercase())
}

/// The first word of a line that starts in lower case.
fn leading_word(line: &[super::MappedChar]) -> Option<String> {
    let first = line.first()?.0;
    if !first.is_lowercase() {
        return None;
    }
    Some(
        line.iter()
            .map(|&(c, _)| c)
            .take_while(|c| c.is_alphabetic())
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::super::normalize;

    #[test]
    fn split_words_are_rejoined() {
        assert_eq!(
            normalize("the employ-\nment of workers").text,
            "the employment of workers"
        );
    }

    #[test]
    fn compound_prefixes_keep_their_hyphen() {
        assert_eq!(
            normalize("equality and non-\ndiscrimination").text,
            "equality and non-discrimination"
        );
        assert_eq!(
            normalize("self-\nemployed persons").text,
            "self-employed persons"
        );
    }

    #[test]
    fn the_document_itself_decides_first() {
        // "sub-employer" is written with its hyphen elsewhere, so the hyphen stays.
        let text = "the sub-\nemployer and the sub-employer";
        assert_eq!(
            normalize(text).text,
            "the sub-employer and the sub-employer"
        );
        // "cooperation" is written closed elsewhere, so "co-" does not keep its hyphen here.
        let text = "co-\noperation and cooperation";
        assert_eq!(normalize(text).text, "cooperation and cooperation");
    }

    #[test]
    fn words_split_across_a_page_break_are_rejoined() {
        assert_eq!(
            normalize("the employ-\n\u{0C}ment of workers").text,
            "the employment of workers"
        );
    }

    #[test]
    fn capitalised_continuations_and_dashes_stay() {
        assert_eq!(normalize("Franco-\nBritish").text, "Franco-\n\nBritish");
        assert_eq!(
            normalize("as follows -\nthe end").text,
            "as follows - the end"
        );
    }
}
