//! [`PassageStore`] over a corpus embedded by this run and held in memory: what `neighbors
//! CORPUS` and `serve CORPUS` search. Every search is exact; a passage's key is its row.

use super::passage_store::{
    lexical_hits, LexicalSearcher, PassageSearcher, PassageStore, Recall, SearchRequest, StoreStats,
};
use super::record::{DocumentRow, Neighbor, Passage, PassagePair};
use super::{AnnQuery, IndexSettings, PassageFilters, SearchMode};
use crate::lexical::MemoryTerms;
use crate::search::{all_pairs, top_k_many};
use crate::vectors::Embeddings;
use anyhow::{bail, ensure, Result};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::HashSet;

/// A passage of a corpus in memory: the record, its document's key (its position in the
/// documents) and the text the model read.
pub struct MemoryPassage {
    pub passage: Passage,
    pub document: i64,
    pub input: String,
}

pub struct MemoryStore {
    name: String,
    documents: Vec<DocumentRow>,
    passages: Vec<MemoryPassage>,
    vectors: Embeddings,
    /// The passages' terms, indexed at the first lexical search.
    terms: OnceCell<MemoryTerms>,
}

impl MemoryStore {
    /// One vector per passage, in order; each passage's key is set to its row.
    pub fn new(
        name: impl Into<String>,
        documents: Vec<DocumentRow>,
        mut passages: Vec<MemoryPassage>,
        vectors: Embeddings,
    ) -> Result<Self> {
        ensure!(
            vectors.len() == passages.len(),
            "{} vectors for {} passages",
            vectors.len(),
            passages.len()
        );
        for (row, p) in passages.iter_mut().enumerate() {
            p.passage.key = row as i64;
        }
        Ok(Self {
            name: name.into(),
            documents,
            passages,
            vectors,
            terms: OnceCell::new(),
        })
    }

    fn terms(&self) -> Result<&MemoryTerms> {
        if let Some(terms) = self.terms.get() {
            return Ok(terms);
        }
        let built = MemoryTerms::build(
            self.passages
                .iter()
                .map(|p| (p.passage.text.as_str(), p.passage.lang.as_deref())),
        )?;
        Ok(self.terms.get_or_init(|| built))
    }

    /// The rows `filters` keep, or none (every row) when they keep every passage.
    fn kept_rows(&self, filters: &PassageFilters) -> Option<Vec<usize>> {
        (!filters.is_empty()).then(|| {
            (0..self.passages.len())
                .filter(|&r| self.keeps(filters, &self.passages[r].passage))
                .collect()
        })
    }

    fn keeps(&self, filters: &PassageFilters, p: &Passage) -> bool {
        let dates = crate::corpus::DateRange {
            since: filters.since,
            until: filters.until,
        };
        dates.keeps(p.date.as_deref().and_then(|d| d.parse().ok()))
            && (filters.sources.is_empty() || filters.sources.contains(&p.source))
            && (filters.langs.is_empty()
                || p.lang.as_ref().is_some_and(|l| filters.langs.contains(l)))
    }
}

impl PassageStore for MemoryStore {
    fn name(&self) -> String {
        self.name.clone()
    }

    fn noun(&self) -> &'static str {
        "corpus"
    }

    fn settings(&self) -> Option<&IndexSettings> {
        None
    }

    fn counts(&self) -> Result<(usize, usize)> {
        Ok((self.documents.len(), self.passages.len()))
    }

    fn documents(&self) -> Result<Vec<DocumentRow>> {
        Ok(self.documents.clone())
    }

    fn for_each_passage(
        &self,
        f: &mut dyn FnMut(Passage, i64, Vec<f32>) -> Result<()>,
    ) -> Result<()> {
        for (row, p) in self.passages.iter().enumerate() {
            f(
                p.passage.clone(),
                p.document,
                self.vectors.row(row).to_vec(),
            )?;
        }
        Ok(())
    }

    fn passage_by_id(&self, id: &str) -> Result<Option<(Passage, Vec<f32>)>> {
        Ok(self
            .passages
            .iter()
            .position(|p| p.passage.id == id)
            .map(|row| {
                (
                    self.passages[row].passage.clone(),
                    self.vectors.row(row).to_vec(),
                )
            }))
    }

    fn model_input(&self, passage: &Passage) -> String {
        match self.passages.get(passage.key as usize) {
            Some(p) => p.input.clone(),
            None => crate::corpus::model_input(crate::corpus::TextFormat::Plain, &passage.text),
        }
    }

    /// Exact whatever the mode asked (there is no graph); the filters keep rows.
    fn searcher<'a>(&'a self, request: &SearchRequest) -> Result<Box<dyn PassageSearcher + 'a>> {
        if request.mode == Some(SearchMode::Ann) {
            bail!(
                "{}: a corpus in memory is searched exactly (index it for an approximate search)",
                self.name
            );
        }
        if request.filters.is_empty() {
            return Ok(Box::new(MemorySearcher {
                store: self,
                rows: None,
                matrix: Cow::Borrowed(&self.vectors),
            }));
        }
        let rows = self.kept_rows(&request.filters).unwrap_or_default();
        let mut data = Vec::with_capacity(rows.len() * self.vectors.dim);
        for &r in &rows {
            data.extend_from_slice(self.vectors.row(r));
        }
        Ok(Box::new(MemorySearcher {
            store: self,
            rows: Some(rows),
            matrix: Cow::Owned(Embeddings {
                dim: self.vectors.dim,
                data,
            }),
        }))
    }

    fn lexical_searcher<'a>(
        &'a self,
        filters: &PassageFilters,
    ) -> Result<Box<dyn LexicalSearcher + 'a>> {
        let only = self
            .kept_rows(filters)
            .map(|rows| rows.into_iter().map(|r| r as i64).collect());
        Ok(Box::new(MemoryLexical {
            store: self,
            terms: self.terms()?,
            only,
        }))
    }

    /// No recall: a corpus in memory is searched exactly, with no approximate search to
    /// measure.
    fn verify(
        &self,
        _sample: usize,
        _k: usize,
        _ann: AnnQuery,
    ) -> Result<(Vec<String>, Option<Recall>)> {
        let mut problems = Vec::new();
        let documents = self.documents.len() as i64;
        let orphans = self
            .passages
            .iter()
            .filter(|p| p.document < 0 || p.document >= documents)
            .count();
        if orphans > 0 {
            problems.push(format!("{orphans} passages belong to no document"));
        }
        Ok((problems, None))
    }

    fn stats(&self) -> Result<StoreStats> {
        bail!(
            "{}: a corpus in memory keeps no settings (index it to keep them)",
            self.name
        )
    }
}

/// An exact search over every row, or over the rows the filters kept.
struct MemorySearcher<'a> {
    store: &'a MemoryStore,
    /// The store's row of each matrix row, when filtered.
    rows: Option<Vec<usize>>,
    matrix: Cow<'a, Embeddings>,
}

impl MemorySearcher<'_> {
    fn row(&self, i: usize) -> usize {
        self.rows.as_ref().map_or(i, |rows| rows[i])
    }

    fn passage(&self, i: usize) -> Passage {
        self.store.passages[self.row(i)].passage.clone()
    }
}

impl PassageSearcher for MemorySearcher<'_> {
    fn mode(&self) -> SearchMode {
        SearchMode::Exact
    }

    fn top_k(
        &self,
        queries: &[&[f32]],
        k: usize,
        skip: &[Option<i64>],
    ) -> Result<Vec<Vec<Neighbor>>> {
        let hits = top_k_many(&self.matrix, queries, k, |q, i| {
            skip.get(q).copied().flatten() == Some(self.row(i) as i64)
        });
        Ok(hits
            .into_iter()
            .map(|list| {
                list.into_iter()
                    .map(|h| Neighbor {
                        score: h.score,
                        passage: self.passage(h.index),
                    })
                    .collect()
            })
            .collect())
    }

    fn pairs(&self, threshold: f32, cross_document: bool) -> Result<Vec<PassagePair>> {
        let document = |i: usize| self.store.passages[self.row(i)].document;
        Ok(all_pairs(&self.matrix, threshold, |i, j| {
            !cross_document || document(i) != document(j)
        })
        .into_iter()
        .map(|(i, j, score)| PassagePair {
            score,
            a: self.passage(i),
            b: self.passage(j),
        })
        .collect())
    }
}

/// BM25 over the corpus's terms (an in-memory full-text table; keys are rows).
struct MemoryLexical<'a> {
    store: &'a MemoryStore,
    terms: &'a MemoryTerms,
    only: Option<HashSet<i64>>,
}

impl LexicalSearcher for MemoryLexical<'_> {
    fn top_k(&self, texts: &[&str], k: usize, skip: &[Option<i64>]) -> Result<Vec<Vec<Neighbor>>> {
        texts
            .iter()
            .enumerate()
            .map(|(q, text)| {
                let hits = lexical_hits(
                    |t, limit| {
                        Ok(self
                            .terms
                            .search(t, limit)?
                            .into_iter()
                            .map(|(row, s)| (row as i64, s))
                            .collect())
                    },
                    text,
                    k,
                    self.only.as_ref(),
                    skip.get(q).copied().flatten(),
                )?;
                Ok(hits
                    .into_iter()
                    .map(|(row, score)| Neighbor {
                        score,
                        passage: self.store.passages[row as usize].passage.clone(),
                    })
                    .collect())
            })
            .collect()
    }
}
