//! [`PassageStore`] and [`StoreWriter`] for an index directory: the SQLite tables, the
//! usearch graph and the flat vector file of [`PassageIndex`].

use super::passage_store::{
    describe_filters, lexical_hits, recall_of, spread_sample, BackendStats, DocumentSelector,
    LexicalSearcher, PassageSearcher, PassageStore, Recall, SearchRequest, StoreStats, StoreWriter,
};
use super::postgres::LoadGuard;
use super::record::{DocumentRow, Neighbor, Passage, PassagePair};
use super::searcher::EXACT_BELOW;
use super::{
    Ann, AnnQuery, IndexSearcher, IndexSettings, PassageFilters, PassageIndex, SearchMode,
    VectorFile,
};
use anyhow::{bail, Result};
use std::collections::HashSet;

impl PassageIndex {
    /// The keys `filters` keep (none: every passage); an error when they keep none.
    fn filtered_keys(&self, filters: &PassageFilters) -> Result<Option<HashSet<i64>>> {
        if filters.is_empty() {
            return Ok(None);
        }
        let keys = self.tables.passage_keys_filtered(filters)?;
        if keys.is_empty() {
            bail!(
                "{}: no indexed passage {}",
                self.dir.display(),
                describe_filters(filters)
            );
        }
        Ok(Some(keys.into_iter().collect()))
    }

    /// The tables' invariants, then the graph and the vector file against them.
    fn problems(&self) -> Result<Vec<String>> {
        let dim = self.settings.dim;
        let mut problems = self.tables.check(dim)?;
        if !self.ann_current()? {
            problems.push(
                "the ANN file is missing or behind the tables (run `silica index add`)".into(),
            );
            return Ok(problems);
        }
        let ann = Ann::view(&PassageIndex::ann_path(&self.dir), dim, &self.settings.ann)?;
        let keys = self.tables.passage_keys()?;
        if ann.len() != keys.len() {
            problems.push(format!(
                "the ANN holds {} vectors, the tables {} passages",
                ann.len(),
                keys.len()
            ));
        }
        let missing = keys.iter().filter(|&&k| !ann.contains(k)).count();
        if missing > 0 {
            problems.push(format!("{missing} passages are not in the ANN"));
        }
        let file = VectorFile::open(&PassageIndex::vectors_path(&self.dir), dim)?;
        let mut differ = 0usize;
        self.tables.for_each_vector(dim, |k, v| {
            if file.get(k).as_deref() != Some(v) {
                differ += 1;
            }
        })?;
        if differ > 0 {
            problems.push(format!(
                "{differ} passages' vectors differ between the tables and vectors.f32"
            ));
        }
        Ok(problems)
    }

    /// The ANN (with its exact re-scoring) against exact search.
    fn recall(&self, sample: usize, k: usize, ann: AnnQuery) -> Result<Option<Recall>> {
        if !self.ann_current()? {
            return Ok(None);
        }
        let keys = self.tables.passage_keys()?;
        let chosen = spread_sample(&keys, sample);
        let vectors = self.tables.vectors(&chosen, self.settings.dim)?;
        let queries: Vec<&[f32]> = vectors.iter().map(|(_, v)| v.as_slice()).collect();
        let skip: Vec<Option<i64>> = vectors.iter().map(|(k, _)| Some(*k)).collect();
        let keys_of = |lists: Vec<Vec<super::KeyHit>>| -> Vec<Vec<(i64, f32)>> {
            lists
                .into_iter()
                .map(|l| l.into_iter().map(|h| (h.key, h.score)).collect())
                .collect()
        };
        let exact = IndexSearcher::new(self, Some(SearchMode::Exact))?.top_k(&queries, k, &skip)?;
        let approximate = IndexSearcher::with_query(self, Some(SearchMode::Ann), ann, None)?
            .top_k(&queries, k, &skip)?;
        Ok(Some(Recall {
            k,
            queries: queries.len(),
            recall: recall_of(&keys_of(exact), &keys_of(approximate)),
        }))
    }
}

impl PassageStore for PassageIndex {
    fn name(&self) -> String {
        self.dir.display().to_string()
    }

    fn noun(&self) -> &'static str {
        "index"
    }

    fn settings(&self) -> Option<&IndexSettings> {
        Some(&self.settings)
    }

    fn counts(&self) -> Result<(usize, usize)> {
        self.tables.counts()
    }

    fn documents(&self) -> Result<Vec<DocumentRow>> {
        self.tables.document_infos()
    }

    fn for_each_passage(
        &self,
        f: &mut dyn FnMut(Passage, i64, Vec<f32>) -> Result<()>,
    ) -> Result<()> {
        self.tables.for_each_passage(self.settings.dim, f)
    }

    fn passage_by_id(&self, id: &str) -> Result<Option<(Passage, Vec<f32>)>> {
        match self.tables.passage_by_id(id, self.settings.dim)? {
            Some((key, vector)) => {
                let row = self.tables.passage_rows(&[key])?.remove(0);
                Ok(Some((row, vector)))
            }
            None => Ok(None),
        }
    }

    fn searcher<'a>(&'a self, request: &SearchRequest) -> Result<Box<dyn PassageSearcher + 'a>> {
        let only = self.filtered_keys(&request.filters)?;
        let inner = IndexSearcher::with_query(self, request.mode, request.ann, only)?;
        Ok(Box::new(DirectorySearcher { index: self, inner }))
    }

    fn lexical_searcher<'a>(
        &'a self,
        filters: &PassageFilters,
    ) -> Result<Box<dyn LexicalSearcher + 'a>> {
        Ok(Box::new(DirectoryLexical {
            index: self,
            only: self.filtered_keys(filters)?,
        }))
    }

    /// The tables' invariants (the lexical table's among them), the graph and the vector
    /// file against them, then the graph's recall when it is current.
    fn verify(
        &self,
        sample: usize,
        k: usize,
        ann: AnnQuery,
    ) -> Result<(Vec<String>, Option<Recall>)> {
        let problems = self.problems()?;
        Ok((problems, self.recall(sample, k, ann)?))
    }

    fn stats(&self) -> Result<StoreStats> {
        let (documents, passages) = self.tables.counts()?;
        Ok(StoreStats {
            documents,
            passages,
            settings: self.settings.clone(),
            backend: BackendStats::Directory {
                dir: self.dir.clone(),
                ann_current: self.ann_current()?,
                search: if passages < EXACT_BELOW {
                    SearchMode::Exact
                } else {
                    SearchMode::Ann
                },
                bytes_on_disk: self.bytes_on_disk(),
            },
        })
    }
}

impl StoreWriter for PassageIndex {
    fn begin_load(&self) -> Result<Option<LoadGuard>> {
        Ok(None)
    }

    fn finish_load(&mut self, threads: usize) -> Result<String> {
        let (added, removed) = self.sync_ann(threads)?;
        Ok(format!("ANN +{added} -{removed}"))
    }

    fn after_removal(&mut self, threads: usize) -> Result<Option<String>> {
        let (_, removed) = self.sync_ann(threads)?;
        Ok(Some(format!("ANN -{removed}")))
    }

    fn remove_selected(&mut self, which: &DocumentSelector) -> Result<usize> {
        let keys: Vec<i64> = self
            .tables
            .documents()?
            .iter()
            .filter(|d| match which {
                DocumentSelector::Source(s) => &d.file == s || &d.source == s,
                DocumentSelector::Id(id) => &d.id == id,
            })
            .map(|d| d.key)
            .collect();
        if keys.is_empty() {
            bail!("{}: no document with {which}", self.dir.display());
        }
        self.tables.remove_documents(&keys)
    }
}

/// A search over an index directory: keys from [`IndexSearcher`], rows from the tables.
struct DirectorySearcher<'a> {
    index: &'a PassageIndex,
    inner: IndexSearcher<'a>,
}

impl PassageSearcher for DirectorySearcher<'_> {
    fn mode(&self) -> SearchMode {
        self.inner.mode()
    }

    fn top_k(
        &self,
        queries: &[&[f32]],
        k: usize,
        skip: &[Option<i64>],
    ) -> Result<Vec<Vec<Neighbor>>> {
        self.inner
            .top_k(queries, k, skip)?
            .into_iter()
            .map(|hits| {
                let keys: Vec<i64> = hits.iter().map(|h| h.key).collect();
                let rows = self.index.tables.passage_rows(&keys)?;
                Ok(hits
                    .iter()
                    .zip(rows)
                    .map(|(h, passage)| Neighbor {
                        score: h.score,
                        passage,
                    })
                    .collect())
            })
            .collect()
    }

    fn pairs(&self, threshold: f32, cross_document: bool) -> Result<Vec<PassagePair>> {
        let documents = if cross_document {
            Some(self.index.tables.passage_documents()?)
        } else {
            None
        };
        let pairs = self.inner.pairs(threshold, |a, b| {
            documents.as_ref().is_none_or(|d| d.get(&a) != d.get(&b))
        })?;
        let keys: Vec<i64> = pairs.iter().flat_map(|&(a, b, _)| [a, b]).collect();
        let mut rows = self.index.tables.passage_rows(&keys)?.into_iter();
        Ok(pairs
            .iter()
            .map(|&(_, _, score)| {
                let a = rows.next().expect("two rows a pair");
                let b = rows.next().expect("two rows a pair");
                PassagePair { score, a, b }
            })
            .collect())
    }
}

/// BM25 over the index's full-text table, in the tables' file.
struct DirectoryLexical<'a> {
    index: &'a PassageIndex,
    only: Option<HashSet<i64>>,
}

impl LexicalSearcher for DirectoryLexical<'_> {
    fn top_k(&self, texts: &[&str], k: usize, skip: &[Option<i64>]) -> Result<Vec<Vec<Neighbor>>> {
        let tables = &self.index.tables;
        texts
            .iter()
            .enumerate()
            .map(|(q, text)| {
                let hits = lexical_hits(
                    |t, limit| tables.lexical_search(t, limit),
                    text,
                    k,
                    self.only.as_ref(),
                    skip.get(q).copied().flatten(),
                )?;
                let keys: Vec<i64> = hits.iter().map(|h| h.0).collect();
                Ok(tables
                    .passage_rows(&keys)?
                    .into_iter()
                    .zip(hits)
                    .map(|(passage, (_, score))| Neighbor { score, passage })
                    .collect())
            })
            .collect()
    }
}
