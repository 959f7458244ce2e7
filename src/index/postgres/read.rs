//! [`PassageStore`] and [`StoreWriter`] for a PostgreSQL store: searches through
//! [`PgSearch`] (pgvector's HNSW or a scan, the filters in SQL).

use super::query::{measure_recall, PgSearch};
use super::{HnswState, LoadGuard, PgStore};
use crate::index::passage_store::{
    BackendStats, DocumentSelector, LexicalSearcher, PassageSearcher, PassageStore, Recall,
    SearchRequest, StoreStats, StoreWriter,
};
use crate::index::record::{DocumentRow, Neighbor, Passage, PassagePair};
use crate::index::{AnnQuery, DocumentSink, IndexSettings, PassageFilters, SearchMode};
use anyhow::{bail, Result};

impl PassageStore for PgStore {
    fn name(&self) -> String {
        self.name.clone()
    }

    fn noun(&self) -> &'static str {
        "store"
    }

    fn settings(&self) -> Option<&IndexSettings> {
        Some(&self.settings)
    }

    fn counts(&self) -> Result<(usize, usize)> {
        PgStore::counts(self)
    }

    fn documents(&self) -> Result<Vec<DocumentRow>> {
        self.document_infos()
    }

    fn for_each_passage(
        &self,
        f: &mut dyn FnMut(Passage, i64, Vec<f32>) -> Result<()>,
    ) -> Result<()> {
        PgStore::for_each_passage(self, f)
    }

    fn passage_by_id(&self, id: &str) -> Result<Option<(Passage, Vec<f32>)>> {
        PgStore::passage_by_id(self, id)
    }

    /// HNSW scores its candidates exactly: a number of candidates to re-score does not
    /// apply and is refused.
    fn searcher<'a>(&'a self, request: &SearchRequest) -> Result<Box<dyn PassageSearcher + 'a>> {
        if request.ann.candidates.is_some() {
            bail!(
                "{}: a PostgreSQL store's HNSW scores its candidates exactly; a number of candidates to re-score does not apply (set the candidate list instead)",
                self.name
            );
        }
        let search =
            PgStore::searcher(self, request.mode, request.ann.ef, request.filters.clone())?;
        Ok(Box::new(search))
    }

    /// BM25 over the passages' terms ([`super::lexical`]), the filters in SQL.
    fn lexical_searcher<'a>(
        &'a self,
        filters: &PassageFilters,
    ) -> Result<Box<dyn LexicalSearcher + 'a>> {
        Ok(Box::new(self.lexical(filters.clone())?))
    }

    /// Recall is measured once the tables and the HNSW index pass [`PgStore::check`], over
    /// more than one passage.
    fn verify(
        &self,
        sample: usize,
        k: usize,
        ann: AnnQuery,
    ) -> Result<(Vec<String>, Option<Recall>)> {
        let problems = PgStore::check(self)?;
        if !problems.is_empty() || PgStore::counts(self)?.1 < 2 {
            return Ok((problems, None));
        }
        let (recall, queries, _) = measure_recall(self, sample, k, ann.ef)?;
        Ok((problems, Some(Recall { k, queries, recall })))
    }

    fn stats(&self) -> Result<StoreStats> {
        let (documents, passages) = PgStore::counts(self)?;
        let facts = self.server_facts()?;
        Ok(StoreStats {
            documents,
            passages,
            settings: self.settings.clone(),
            backend: BackendStats::Postgres {
                name: self.name.clone(),
                server: facts.server,
                pgvector: self.pgvector.clone(),
                vector_type: self.vectors.sql().to_string(),
                table_bytes: facts.table_bytes,
                hnsw_bytes: facts.hnsw_bytes,
                cluster: facts.cluster,
            },
        })
    }
}

impl StoreWriter for PgStore {
    fn begin_load(&self) -> Result<Option<LoadGuard>> {
        Ok(Some(self.loading()?))
    }

    fn finish_load(&mut self, _threads: usize) -> Result<String> {
        self.compact_totals()?;
        Ok(match self.ensure_hnsw()? {
            HnswState::Built => "HNSW index built",
            HnswState::Exists => "HNSW index up to date",
            HnswState::LeftToOtherLoaders => {
                "HNSW index left to the loads still running (the last one builds it)"
            }
        }
        .to_string())
    }

    /// None: the server's HNSW index follows the rows.
    fn after_removal(&mut self, _threads: usize) -> Result<Option<String>> {
        Ok(None)
    }

    fn remove_selected(&mut self, which: &DocumentSelector) -> Result<usize> {
        let ids = match which {
            DocumentSelector::Source(s) => self.matching_documents(Some(s), None)?,
            DocumentSelector::Id(id) => self.matching_documents(None, Some(id))?,
        };
        if ids.is_empty() {
            bail!("{}: no document with {which}", self.name);
        }
        DocumentSink::remove(self, &ids)
    }
}

impl PassageSearcher for PgSearch<'_> {
    fn mode(&self) -> SearchMode {
        PgSearch::mode(self)
    }

    fn top_k(
        &self,
        queries: &[&[f32]],
        k: usize,
        skip: &[Option<i64>],
    ) -> Result<Vec<Vec<Neighbor>>> {
        Ok(PgSearch::top_k(self, queries, k, skip)?
            .into_iter()
            .map(|hits| {
                hits.into_iter()
                    .map(|(score, passage)| Neighbor { score, passage })
                    .collect()
            })
            .collect())
    }

    /// Every pair scored is every stored passage against every other: not a query a
    /// shared store answers (an index directory or a corpus does).
    fn pairs(&self, _threshold: f32, _cross_document: bool) -> Result<Vec<PassagePair>> {
        bail!("all pairs compare every stored passage with every other: a PostgreSQL store does not list them (use an index directory or a corpus)")
    }
}
