//! Search over the embedded guidance and the seven development agreements (English, French,
//! Spanish): ranking, per-language stemming, negations, phrases, filters, paging, snippets.

mod support;

use blma_knowledge::{KnowledgeBase, Relation};
use blma_search::{Query, Scope, SearchIndex, Source};
use support::{agreement, agreements, element_ids, index, provisions, search, words};

fn element_text(id: &str) -> String {
    KnowledgeBase::index()
        .get(id)
        .expect("element")
        .plain_text()
}

#[test]
fn every_element_and_every_provision_with_words_is_indexed() {
    let index = SearchIndex::new().unwrap();
    let elements = index.add_guidance(KnowledgeBase::embedded()).unwrap();
    assert_eq!(elements, KnowledgeBase::index().elements().len());
    for a in agreements() {
        let indexed = index.add_agreement(&a.text()).unwrap();
        let with_words = a
            .document
            .provisions
            .iter()
            .filter(|p| a.own_text(&p.id).chars().any(char::is_alphanumeric))
            .count();
        assert_eq!(indexed, with_words, "{}", a.slug);
        assert!(indexed > 5, "{}: {indexed} provisions", a.slug);
    }
}

#[test]
fn recruitment_fees_finds_the_fair_recruitment_principle_and_annex_2() {
    let hits = search(
        Query::new("recruitment fees")
            .scope(Scope::Guidance)
            .page(0, 20),
    );
    let ids = element_ids(&hits);
    let principle = KnowledgeBase::index().get("III.B.1").unwrap();
    let related = |id: &str| {
        id == "III.B.1"
            || principle.links.iter().any(|l| l.target == id)
            || KnowledgeBase::index()
                .get(id)
                .is_some_and(|e| e.linked(Relation::Principle).any(|p| p == "III.B.1"))
    };
    assert!(
        ids[..5].iter().any(|id| related(id)),
        "no III.B.1-related element in the top 5: {ids:?}"
    );
    assert!(
        ids.iter().any(|id| id.starts_with("annex2")),
        "no Annex 2 stage in the top 20: {ids:?}"
    );
    // Every top hit is about recruitment or fees.
    for id in &ids {
        let text = element_text(id).to_lowercase();
        assert!(
            text.contains("recruit") || text.contains("fee"),
            "{id} matches neither word"
        );
    }
}

#[test]
fn english_stemming_finds_other_forms() {
    let hits = search(Query::new("recruiting").scope(Scope::Guidance).page(0, 50));
    let ids = element_ids(&hits);
    assert!(!ids.is_empty());
    let other_forms_only = ids.iter().filter(|id| {
        let words = words(&element_text(id));
        !words.iter().any(|w| w == "recruiting") && words.iter().any(|w| w == "recruitment")
    });
    assert!(
        other_forms_only.count() > 0,
        "\"recruiting\" found only itself: {ids:?}"
    );
}

#[test]
fn french_stemming_finds_recrutement() {
    let treaty = agreement("fr-nl-labour-treaty-1948");
    for text in ["frais de recrutement", "recrutements"] {
        let hits = search(Query::new(text).scope(Scope::Agreements).language("fr"));
        let found = provisions(&hits);
        assert!(!found.is_empty(), "{text}");
        assert!(found.iter().all(|(id, _)| *id == treaty.id));
        let (_, top) = found[0];
        assert!(
            words(&treaty.own_text(top)).contains(&"recrutement".to_owned()),
            "{text}: top provision {top} lacks \"recrutement\""
        );
    }
}

#[test]
fn spanish_stemming_finds_the_singular() {
    let convention = agreement("ar-cl-labour-convention-1971");
    let hits = search(
        Query::new("trabajadores")
            .agreement(convention.id)
            .page(0, 100),
    );
    let singular_only = provisions(&hits).into_iter().filter(|(_, p)| {
        let words = words(&convention.own_text(p));
        words.contains(&"trabajador".to_owned()) && !words.contains(&"trabajadores".to_owned())
    });
    assert!(singular_only.count() > 0);
}

/// The provisions matching a query under a filter, as `(agreement slug, provision id)`.
fn matching(query: Query) -> Vec<(&'static str, String)> {
    provisions(&search(query.page(0, 100)))
        .into_iter()
        .map(|(id, p)| {
            let slug = agreements().iter().find(|a| a.id == id).unwrap().slug;
            (slug, p.to_owned())
        })
        .collect()
}

#[test]
fn negations_are_not_dropped() {
    // English: "has not been" in one provision, "has been" in another.
    let negated = matching(Query::new("\"has not been\"").scope(Scope::Agreements));
    let affirmative = matching(Query::new("\"has been\"").scope(Scope::Agreements));
    assert_eq!(
        negated,
        [("nl-ie-stagiaires-1959", "art_6__para_3".to_owned())]
    );
    assert!(
        agreement("nl-ie-stagiaires-1959")
            .own_text("art_6__para_3")
            .contains("has not been")
    );
    // Were "not" dropped, the negated phrase would match these too.
    assert!(affirmative.contains(&("us-mx-agricultural-workers-1942", "point_a".to_owned())));
    assert!(!affirmative.contains(&negated[0]));

    // Spanish: "tareas no estacionales" against "tareas estacionales".
    let convention = agreement("ar-cl-labour-convention-1971");
    let negated = matching(Query::new("\"tareas no estacionales\"").agreement(convention.id));
    let affirmative = matching(Query::new("\"tareas estacionales\"").agreement(convention.id));
    assert_eq!(negated, [(convention.slug, "art_9".to_owned())]);
    assert!(affirmative.contains(&(convention.slug, "art_2".to_owned())));
    assert!(!affirmative.contains(&negated[0]));

    // French: "ne … pas" is indexed.
    let treaty = agreement("fr-nl-labour-treaty-1948");
    let found = matching(Query::new("\"ne pas mettre obstacle\"").agreement(treaty.id));
    assert_eq!(found.len(), 1);
    assert!(
        treaty
            .own_text(&found[0].1)
            .contains("ne pas mettre obstacle")
    );
}

#[test]
fn phrases_match_adjacent_words_only() {
    let all = index()
        .search(&Query::new("recruitment fees").scope(Scope::Guidance))
        .unwrap();
    let phrase = index()
        .search(
            &Query::new("\"recruitment fees\"")
                .scope(Scope::Guidance)
                .page(0, 100),
        )
        .unwrap();
    assert!(phrase.total > 0);
    assert!(
        phrase.total < all.total,
        "{} vs {}",
        phrase.total,
        all.total
    );
    for id in element_ids(&phrase.hits) {
        let words = words(&element_text(id));
        assert!(
            words
                .windows(2)
                .any(|w| w[0].starts_with("recruit") && w[1].starts_with("fee")),
            "{id} lacks the phrase"
        );
    }
}

#[test]
fn scope_language_and_agreement_filters() {
    let guidance = search(Query::new("workers").scope(Scope::Guidance));
    assert_eq!(guidance.len(), 10);
    assert!(
        guidance
            .iter()
            .all(|h| matches!(h.source, Source::Guidance { .. }))
    );

    let in_agreements = search(Query::new("workers").scope(Scope::Agreements));
    assert_eq!(in_agreements.len(), 10);
    assert!(
        in_agreements
            .iter()
            .all(|h| matches!(h.source, Source::Agreement { .. }))
    );

    let spanish = search(
        Query::new("trabajadores workers")
            .language("es")
            .page(0, 100),
    );
    let convention = agreement("ar-cl-labour-convention-1971");
    assert!(!spanish.is_empty());
    assert!(provisions(&spanish).len() == spanish.len());
    assert!(
        provisions(&spanish)
            .iter()
            .all(|(id, _)| *id == convention.id)
    );

    let model = agreement("ilo-r86-model-agreement-1949");
    let only = search(Query::new("migrants").agreement(model.id).page(0, 100));
    assert!(!only.is_empty());
    assert!(provisions(&only).len() == only.len());
    assert!(provisions(&only).iter().all(|(id, _)| *id == model.id));

    assert!(
        search(
            Query::new("workers")
                .scope(Scope::Guidance)
                .agreement(model.id)
        )
        .is_empty()
    );
    assert!(search(Query::new("workers").language("nl")).is_empty());
}

#[test]
fn pages_follow_each_other() {
    let query = Query::new("migrant workers rights");
    let first = index().search(&query.clone().page(0, 20)).unwrap();
    let page_1 = index().search(&query.clone().page(0, 10)).unwrap();
    let page_2 = index().search(&query.clone().page(10, 10)).unwrap();
    assert!(first.total > 20);
    assert_eq!(page_1.total, first.total);
    assert_eq!(page_2.total, first.total);
    let sources =
        |hits: &[blma_search::Hit]| hits.iter().map(|h| h.source.clone()).collect::<Vec<_>>();
    assert_eq!(sources(&page_1.hits), sources(&first.hits[..10]));
    assert_eq!(sources(&page_2.hits), sources(&first.hits[10..]));
    // Scores never increase down the ranking.
    assert!(first.hits.windows(2).all(|w| w[0].score >= w[1].score));

    let past_the_end = index()
        .search(&query.clone().page(first.total, 10))
        .unwrap();
    assert!(past_the_end.hits.is_empty());
    let count_only = index().search(&query.clone().page(0, 0)).unwrap();
    assert_eq!(count_only.total, first.total);
    assert!(count_only.hits.is_empty());
    let capped = index().search(&query.page(0, usize::MAX)).unwrap();
    assert_eq!(capped.hits.len(), blma_search::MAX_LIMIT.min(first.total));
}

#[test]
fn snippets_highlight_the_matched_words_in_the_hit_text() {
    let hits = search(Query::new("recruitment fees"));
    assert!(!hits.is_empty());
    for hit in &hits {
        let highlighted: Vec<&str> = hit
            .snippet
            .iter()
            .filter(|f| f.highlighted)
            .map(|f| f.text.as_str())
            .collect();
        let snippet: String = hit.snippet.iter().map(|f| f.text.as_str()).collect();
        let text = match &hit.source {
            Source::Guidance { element_id, .. } => element_text(element_id),
            Source::Agreement {
                agreement_id,
                start,
                end,
                ..
            } => {
                let a = agreements().iter().find(|a| a.id == *agreement_id).unwrap();
                a.span(*start, *end)
            }
        };
        assert!(text.contains(&snippet), "{:?} not in its hit", snippet);
        for word in highlighted {
            let word = word.to_lowercase();
            assert!(
                word.starts_with("recruit") || word.starts_with("fee"),
                "{word} is highlighted"
            );
        }
    }
    assert!(
        hits.iter()
            .any(|h| h.snippet.iter().filter(|f| f.highlighted).count() >= 2),
        "no snippet highlights both words"
    );
}

#[test]
fn agreement_hits_point_into_the_document() {
    let treaty = agreement("fr-nl-labour-treaty-1948");
    let hits = search(Query::new("recrutement").agreement(treaty.id));
    assert!(!hits.is_empty());
    for hit in hits {
        let Source::Agreement {
            provision_id,
            heading,
            start,
            end,
            title,
            ..
        } = hit.source
        else {
            panic!("a guidance hit under an agreement filter");
        };
        assert_eq!(title, treaty.slug);
        let provision = treaty
            .document
            .provisions
            .iter()
            .find(|p| p.id == provision_id)
            .unwrap();
        assert_eq!((start, end), (provision.start, provision.end));
        assert_eq!(heading, provision.heading);
        assert!(
            treaty
                .span(start, end)
                .contains(&treaty.own_text(&provision_id))
        );
    }
}

#[test]
fn replacing_and_removing_an_agreement() {
    let index = SearchIndex::new().unwrap();
    let treaty = agreement("fr-nl-labour-treaty-1948");
    let convention = agreement("ar-cl-labour-convention-1971");
    let count = |text: &str| index.search(&Query::new(text)).unwrap().total;

    index.add_agreement(&treaty.text()).unwrap();
    assert_eq!(count("recrutement"), 0, "visible before the commit");
    index.commit().unwrap();
    let french = count("recrutement");
    assert!(french > 0);

    // Same id, other text: the old provisions go, the new ones come.
    let mut replacement = convention.text();
    replacement.id = treaty.id;
    index.add_agreement(&replacement).unwrap();
    index.add_agreement(&replacement).unwrap();
    index.commit().unwrap();
    assert_eq!(count("recrutement"), 0);
    let spanish = count("trabajadores");
    assert!(spanish > 0);
    let provisions = index
        .search(&Query::new("trabajadores").page(0, 100))
        .unwrap();
    let mut ids: Vec<_> = support::provisions(&provisions.hits);
    let before = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), before, "indexed twice");

    index.remove_agreement(treaty.id).unwrap();
    index.remove_agreement(999).unwrap();
    index.commit().unwrap();
    assert_eq!(count("trabajadores"), 0);
}

#[test]
fn guidance_added_twice_is_indexed_once() {
    let index = SearchIndex::new().unwrap();
    index.add_guidance(KnowledgeBase::embedded()).unwrap();
    index.commit().unwrap();
    let once = index.search(&Query::new("recruitment")).unwrap().total;
    index.add_guidance(KnowledgeBase::embedded()).unwrap();
    index.commit().unwrap();
    assert_eq!(
        index.search(&Query::new("recruitment")).unwrap().total,
        once
    );
}

#[test]
fn searches_run_while_another_thread_writes() {
    let index = std::sync::Arc::new(SearchIndex::new().unwrap());
    index.add_guidance(KnowledgeBase::embedded()).unwrap();
    index.commit().unwrap();
    let writer = {
        let index = index.clone();
        std::thread::spawn(move || {
            for a in agreements() {
                index.add_agreement(&a.text()).unwrap();
                index.commit().unwrap();
            }
        })
    };
    let guidance_hits = index
        .search(&Query::new("recruitment").scope(Scope::Guidance))
        .unwrap();
    for _ in 0..20 {
        let again = index
            .search(&Query::new("recruitment").scope(Scope::Guidance))
            .unwrap();
        assert_eq!(again.total, guidance_hits.total);
    }
    writer.join().unwrap();
    assert!(index.search(&Query::new("recrutement")).unwrap().total > 0);
}
