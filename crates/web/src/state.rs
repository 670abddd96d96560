//! What every handler can reach: the database, the guidance, the catalogue, the engine and the
//! interface strings.

use std::sync::Arc;

use blma_assessment::Engine;
use blma_catalogue::Catalogue;
use blma_documents::Document;
use blma_knowledge::KnowledgeBase;
use blma_search::{AgreementText, SearchIndex};
use blma_storage::{AgreementId, LibraryEntry, LibraryQuery, Store};

use crate::Config;
use crate::error::WebError;
use crate::i18n::Translations;

/// Cheap to clone: one `Arc`.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

struct Inner {
    store: Store,
    config: Config,
    kb: &'static KnowledgeBase,
    catalogue: &'static Catalogue,
    engine: &'static Engine,
    translations: &'static Translations,
    search: SearchIndex,
}

impl AppState {
    pub(crate) async fn new(store: Store, config: Config) -> Result<AppState, WebError> {
        let kb = KnowledgeBase::embedded();
        let catalogue = Catalogue::embedded()?;
        let engine = Engine::embedded();
        let search = SearchIndex::new()?;
        search.add_guidance(kb)?;
        let state = AppState(Arc::new(Inner {
            store,
            config,
            kb,
            catalogue,
            engine,
            translations: Translations::english(),
            search,
        }));
        state.index_stored_agreements().await?;
        Ok(state)
    }

    /// Indexes every stored agreement: the index lives in memory and is rebuilt at each start,
    /// so it never drifts from the database.
    async fn index_stored_agreements(&self) -> Result<(), WebError> {
        for entry in self.all_uploads().await? {
            if let Some(document) = self.store().document(entry.agreement.id).await? {
                self.add_to_index(entry.agreement.id, &document)?;
            }
        }
        self.0.search.commit()?;
        Ok(())
    }

    /// Every uploaded agreement, newest first, with its review counts.
    pub async fn all_uploads(&self) -> Result<Vec<LibraryEntry>, WebError> {
        let mut query = LibraryQuery {
            limit: 200,
            ..LibraryQuery::default()
        };
        let mut all = Vec::new();
        loop {
            let page = self.store().library(&query).await?;
            let n = page.items.len() as u64;
            all.extend(page.items);
            query.offset += n;
            if n == 0 || query.offset >= page.total {
                return Ok(all);
            }
        }
    }

    fn add_to_index(&self, id: AgreementId, document: &Document) -> Result<(), WebError> {
        let title = document.metadata.title.clone().unwrap_or_default();
        self.0.search.add_agreement(&AgreementText {
            id: id.0,
            title: &title,
            document,
        })?;
        Ok(())
    }

    /// Makes a newly stored agreement searchable.
    pub fn index_agreement(&self, id: AgreementId, document: &Document) -> Result<(), WebError> {
        self.add_to_index(id, document)?;
        self.0.search.commit()?;
        Ok(())
    }

    pub fn search(&self) -> &SearchIndex {
        &self.0.search
    }

    pub fn store(&self) -> &Store {
        &self.0.store
    }

    pub fn config(&self) -> &Config {
        &self.0.config
    }

    pub fn kb(&self) -> &'static KnowledgeBase {
        self.0.kb
    }

    pub fn catalogue(&self) -> &'static Catalogue {
        self.0.catalogue
    }

    pub fn engine(&self) -> &'static Engine {
        self.0.engine
    }

    pub fn translations(&self) -> &'static Translations {
        self.0.translations
    }
}
