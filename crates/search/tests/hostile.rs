//! No query string makes a search fail or panic, and one without words finds nothing.

mod support;

use blma_search::{MAX_QUERY_CHARS, Query, Scope};
use proptest::prelude::*;
use support::index;

#[test]
fn hostile_queries_never_fail() {
    let long_words = "recruitment fees ".repeat(10_000 / 17 + 1);
    let long_quotes = "\"".repeat(10_000);
    let nested = "(".repeat(5_000) + "fees" + &")".repeat(5_000);
    let queries = [
        "\"recruitment fees",
        "fees\"",
        "\"\"\"",
        "title_en:fees",
        "body_raw:",
        ":",
        "field:",
        "*",
        "fee*",
        "\"recruit* fee\"*",
        "AND OR NOT",
        "NOT",
        "fees AND",
        "OR fees OR",
        "-fees",
        "+",
        "-",
        "--fees ++fees",
        "fees^1000000",
        "fees~2",
        "\"recruitment fees\"~1000000000",
        "[a TO z]",
        "{* TO *}",
        "agreement_id:>5",
        "id: IN [a b]",
        "/.*/",
        "\\",
        "\\\"",
        "l'emploi d’un travailleur",
        "\u{0}\u{1}\u{7}\u{1b}[31m\r\n\t",
        "\u{feff}\u{200b}\u{202e}fees",
        "🦀 recruitment 🦀",
        "Ｒｅｃｒｕｉｔｍｅｎｔ",
        &long_words,
        &long_quotes,
        &nested,
    ];
    for text in queries {
        for scope in [Scope::All, Scope::Guidance, Scope::Agreements] {
            let query = Query::new(text).scope(scope).page(3, 7);
            if let Err(error) = index().search(&query) {
                panic!(
                    "{:?} failed: {error}",
                    text.chars().take(40).collect::<String>()
                );
            }
        }
    }
}

#[test]
fn queries_without_words_find_nothing() {
    for text in ["", "   ", "*", "\"\"", ":", "()", "-", "+-", "\u{0}\u{1f}"] {
        let results = index().search(&Query::new(text)).unwrap();
        assert_eq!(results.total, 0, "{text:?}");
        assert!(results.hits.is_empty());
    }
}

#[test]
fn foreign_syntax_is_read_as_words() {
    let plain = index().search(&Query::new("fees")).unwrap();
    assert!(plain.total > 0);
    for text in [
        "fees*", "*fees*", "fees:", "(fees)", "[fees]", "{fees}", "fees~", "^fees",
    ] {
        let results = index().search(&Query::new(text)).unwrap();
        assert_eq!(results.total, plain.total, "{text}");
    }
}

#[test]
fn long_queries_are_cut_not_refused() {
    // The words past the cap are ignored: a query whose first MAX_QUERY_CHARS chars are
    // spaces finds nothing, whatever follows.
    let hidden = " ".repeat(MAX_QUERY_CHARS) + "recruitment";
    assert_eq!(index().search(&Query::new(hidden)).unwrap().total, 0);
    let long = "recruitment ".repeat(1_000);
    assert!(index().search(&Query::new(long)).unwrap().total > 0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_string_searches(text in "\\PC{0,200}", offset in 0usize..50, limit in 0usize..20) {
        let results = index().search(&Query::new(text).page(offset, limit));
        prop_assert!(results.is_ok(), "{:?}", results.err());
        let results = results.unwrap();
        prop_assert!(results.hits.len() <= limit);
    }

    #[test]
    fn any_mix_of_syntax_searches(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("\""), Just("("), Just(")"), Just(":"), Just("*"), Just("AND"), Just("OR"),
                Just("NOT"), Just("-"), Just("+"), Just("^"), Just("~"), Just("["), Just("]"),
                Just("{"), Just("}"), Just("\\"), Just("'"), Just("TO"), Just("IN"), Just(" "),
                Just("fees"), Just("recrutement"), Just("title_en"), Just("body_fr"),
                Just("id"), Just("agreement_id"), Just("5"), Just("-1"), Just("\u{0}"),
            ],
            0..40,
        )
    ) {
        let text: String = parts.concat();
        let results = index().search(&Query::new(text));
        prop_assert!(results.is_ok(), "{:?}", results.err());
    }
}
