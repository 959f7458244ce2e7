//! `silica.Index`: a persistent index (a directory, or a PostgreSQL store by URL) that
//! Python adds a corpus to and searches, as `silica index add` and `silica neighbors
//! --index` do.

use crate::corpus::CorpusOptions;
use crate::errors::{raise, OrRaise};
use crate::model::Model;
use pyo3::prelude::*;
use silica::app::index::{add_corpus, stored_settings, CorpusAdd, DEFAULT_COMMIT_EVERY};
use silica::app::neighbors::{neighbors, IdQuery, NeighborsRequest};
use silica::index::postgres::VectorChoice;
use silica::index::{
    AnnParams, PassageFilters, PassageStore, SearchMode, SearchRequest, Shard, Target,
};
use silica::ingest::AddProgress;
use silica::lexical::{HybridParams, RetrievalMethod};
use silica::model::PromptChoice;
use std::path::PathBuf;
use std::sync::Mutex;

/// An index directory or a PostgreSQL store, opened for searches on first use and kept
/// open until the next add.
#[pyclass(frozen, module = "silica._silica", name = "Index")]
pub struct Index {
    target: Target,
    open: Mutex<Option<Box<dyn PassageStore>>>,
}

/// An add's progress, not shown (a notebook has no terminal for a bar).
struct Quiet;

impl AddProgress for Quiet {
    fn planned(&mut self, _documents: usize) {}
    fn committed(&mut self, _documents: usize, _passages: usize) {}
}

impl Index {
    /// Where the index is.
    pub(crate) fn target(&self) -> &Target {
        &self.target
    }

    /// Runs `f` with the store, opened now unless it is open already.
    fn with_store<R>(
        &self,
        f: impl FnOnce(&dyn PassageStore) -> anyhow::Result<R>,
    ) -> anyhow::Result<R> {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        if open.is_none() {
            *open = Some(silica::index::open(&self.target)?);
        }
        f(open.as_deref().expect("opened above"))
    }
}

#[pymethods]
impl Index {
    /// `location`: a directory (created by the first add) or a `postgresql://` URL.
    #[new]
    fn new(location: String) -> Self {
        let target =
            Target::store(&location).unwrap_or_else(|| Target::directory(PathBuf::from(location)));
        Self {
            target,
            open: Mutex::new(None),
        }
    }

    /// Adds what `paths` hold that the index lacks, embedded with `model` (passage prompt),
    /// and returns what was done as JSON text. `sync`: documents no longer in the inputs
    /// are removed and changed ones replaced.
    #[pyo3(signature = (paths, model, options, sync=false, commit_every=None))]
    fn add(
        &self,
        py: Python<'_>,
        paths: Vec<PathBuf>,
        model: Bound<'_, Model>,
        options: CorpusOptions,
        sync: bool,
        commit_every: Option<usize>,
    ) -> PyResult<String> {
        let spec = options.spec(paths)?;
        let commit_every = commit_every.unwrap_or(DEFAULT_COMMIT_EVERY);
        if commit_every == 0 {
            return Err(raise("commit_every must be at least 1"));
        }
        let model = model.get();
        // A store open for searches would not see the new passages' search structures.
        self.open.lock().unwrap_or_else(|e| e.into_inner()).take();
        let job = CorpusAdd {
            target: &self.target,
            corpus: &spec,
            model: model.source(),
            ann: AnnParams::default(),
            vectors: VectorChoice::Auto,
            sync,
            shard: Shard::ALL,
            commit_every,
        };
        let cache = model
            .cache_path()
            .map(|p| silica::cache::EmbeddingCache::open(p))
            .transpose()
            .or_raise()?;
        let added = py
            .detach(|| add_corpus(&job, cache, &mut Quiet))
            .or_raise()?;
        let s = &added.summary;
        Ok(serde_json::json!({
            "documents_added": s.documents_added,
            "passages_embedded": s.passages_embedded,
            "documents_removed": s.documents_removed,
            "unchanged": s.unchanged,
            "changed_kept": s.changed_kept,
            "search": added.search_note,
            "documents": added.documents,
            "passages": added.passages,
        })
        .to_string())
    }

    /// Each query's `k` nearest stored passages, best first, as JSON text: texts embedded
    /// with `model`'s query prompt (it must be the model the index was built with), and
    /// stored passages named by id searched with their own vectors.
    #[pyo3(signature = (texts, model=None, ids=Vec::new(), k=10, retrieval="dense", exact=false, min_score=None, langs=Vec::new(), sources=Vec::new()))]
    #[allow(clippy::too_many_arguments)]
    fn search(
        &self,
        py: Python<'_>,
        texts: Vec<String>,
        model: Option<Bound<'_, Model>>,
        ids: Vec<String>,
        k: usize,
        retrieval: &str,
        exact: bool,
        min_score: Option<f32>,
        langs: Vec<String>,
        sources: Vec<String>,
    ) -> PyResult<String> {
        let retrieval =
            crate::corpus::choice(Some(retrieval), "retrieval", RetrievalMethod::Dense)?;
        let request = NeighborsRequest {
            texts,
            ids,
            id_query: IdQuery::StoredVector,
            k,
            min_score,
            search: SearchRequest {
                mode: exact.then_some(SearchMode::Exact),
                filters: PassageFilters {
                    langs,
                    sources,
                    ..PassageFilters::default()
                },
                ..SearchRequest::default()
            },
            retrieval,
            hybrid: HybridParams::default(),
            rerank_top: None,
        };
        let model = model.as_ref().map(|m| m.get());
        let lists = py
            .detach(|| {
                self.with_store(|store| {
                    let mut embed = |queries: &[String]| -> anyhow::Result<Vec<Vec<f32>>> {
                        let Some(model) = model else {
                            anyhow::bail!(
                                "searching for text needs the index's model: pass model="
                            );
                        };
                        let settings = stored_settings(store)?;
                        let embedder = model.source().load_checked(&store.name(), &settings)?;
                        let (vectors, _) = model.with_cache(|cache| {
                            embedder.embed_cached(queries, &PromptChoice::Query, cache, |_| {})
                        })?;
                        Ok(vectors.rows().map(<[f32]>::to_vec).collect())
                    };
                    neighbors(store, &request, &mut embed)
                })
            })
            .or_raise()?;
        let lists: Vec<serde_json::Value> = lists
            .into_iter()
            .map(|list| serde_json::json!({"query": list.query, "hits": list.hits}))
            .collect();
        Ok(serde_json::Value::Array(lists).to_string())
    }

    /// The model the index was built with, as it recorded it (name and fingerprint).
    fn settings(&self, py: Python<'_>) -> PyResult<(String, String, usize)> {
        py.detach(|| self.with_store(|store| stored_settings(store)))
            .map(|s| (s.model, s.fingerprint, s.dim))
            .or_raise()
    }

    /// (documents, passages) held.
    fn counts(&self, py: Python<'_>) -> PyResult<(usize, usize)> {
        py.detach(|| self.with_store(|store| store.counts()))
            .or_raise()
    }

    fn __repr__(&self) -> String {
        match &self.target {
            Target::Dir(dir) => format!("silica.Index({:?})", dir.display().to_string()),
            Target::Postgres(_) => "silica.Index(<PostgreSQL store>)".to_string(),
        }
    }
}
