//! Queries against an index: exact cosines over every stored vector below a size where the
//! graph does not pay, else the ANN's candidates re-scored exactly with the f32 vectors.

use super::{Ann, PassageIndex, VectorFile};
use crate::search::{all_pairs, top_k_many};
use crate::vectors::dot;
use crate::vectors::Embeddings;
use anyhow::Result;
use serde::Serialize;
use std::collections::HashSet;

/// Below this many passages, queries read every vector and score it exactly: reading 20,000
/// vectors and scoring them costs a few milliseconds, and exact is exact.
pub const EXACT_BELOW: usize = 20_000;

/// Which passages a query may return; each set filter is one SQL condition
/// (in SQLite for an index directory, in PostgreSQL for a store).
#[derive(Debug, Clone, Default)]
pub struct PassageFilters {
    /// Documents dated on or after / on or before (undated documents are left out when
    /// either is set).
    pub since: Option<chrono::NaiveDate>,
    pub until: Option<chrono::NaiveDate>,
    /// Documents read from one of these files (or with one of these sources).
    pub sources: Vec<String>,
    /// Passages in one of these languages (ISO 639-1, as `silica passages` shows them).
    pub langs: Vec<String>,
}

impl PassageFilters {
    pub fn is_empty(&self) -> bool {
        self.since.is_none()
            && self.until.is_none()
            && self.sources.is_empty()
            && self.langs.is_empty()
    }
}

/// How an index is searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum SearchMode {
    /// Every stored vector scored exactly.
    Exact,
    /// The ANN graph's candidates, re-scored exactly.
    Ann,
}

/// How the graph is searched, when not as the index was built to be (`--ef`,
/// `--candidates`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AnnQuery {
    /// The graph's candidate list while searching (HNSW's ef_search).
    pub ef: Option<usize>,
    /// Candidates re-scored exactly per query.
    pub candidates: Option<usize>,
}

enum Backend {
    /// Every vector, with the passage key of each row.
    Exact { keys: Vec<i64>, matrix: Embeddings },
    Ann {
        ann: Ann,
        vectors: VectorFile,
        candidates: usize,
    },
}

/// A search over one open index.
pub struct IndexSearcher<'a> {
    index: &'a PassageIndex,
    backend: Backend,
    /// Only these passages are searched (`--since/--until`), when set.
    only: Option<HashSet<i64>>,
}

/// A passage key and its exact cosine to the query.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KeyHit {
    pub key: i64,
    pub score: f32,
}

impl<'a> IndexSearcher<'a> {
    /// Exact below [`EXACT_BELOW`] passages or when asked (`force`), else the ANN; an ANN
    /// file that is missing or behind the tables falls back to exact, with a warning.
    pub fn new(index: &'a PassageIndex, force: Option<SearchMode>) -> Result<Self> {
        Self::with_query(index, force, AnnQuery::default(), None)
    }

    /// As [`IndexSearcher::new`], searching the graph with `query`'s settings, and only the
    /// passages in `only` when given.
    pub fn with_query(
        index: &'a PassageIndex,
        force: Option<SearchMode>,
        query: AnnQuery,
        only: Option<HashSet<i64>>,
    ) -> Result<Self> {
        let passages = match &only {
            Some(keys) => keys.len(),
            None => index.tables.counts()?.1,
        };
        let ann_ok = index.ann_current()?;
        let mode = match force {
            Some(m) => m,
            None if passages < EXACT_BELOW => SearchMode::Exact,
            None if !ann_ok => {
                eprintln!(
                    "warning: {}: the ANN file is missing or behind the tables; searching exactly (run `silica index add` to update it)",
                    index.dir.display()
                );
                SearchMode::Exact
            }
            None => SearchMode::Ann,
        };
        if mode == SearchMode::Ann && !ann_ok {
            anyhow::bail!(
                "{}: the ANN file is missing or behind the tables; run `silica index add` to update it",
                index.dir.display()
            );
        }
        let dim = index.settings.dim;
        let backend = match mode {
            SearchMode::Exact => {
                let mut keys = Vec::with_capacity(passages);
                let mut data = Vec::with_capacity(passages * dim);
                index.tables.for_each_vector(dim, |k, v| {
                    if only.as_ref().is_none_or(|o| o.contains(&k)) {
                        keys.push(k);
                        data.extend_from_slice(v);
                    }
                })?;
                Backend::Exact {
                    keys,
                    matrix: Embeddings { dim, data },
                }
            }
            SearchMode::Ann => {
                let mut params = index.settings.ann.clone();
                if let Some(ef) = query.ef {
                    params.expansion_search = ef.max(1);
                }
                Backend::Ann {
                    ann: Ann::view(&PassageIndex::ann_path(&index.dir), dim, &params)?,
                    vectors: VectorFile::open(&PassageIndex::vectors_path(&index.dir), dim)?,
                    candidates: query.candidates.unwrap_or(params.candidates).max(1),
                }
            }
        };
        Ok(Self {
            index,
            backend,
            only,
        })
    }

    pub fn mode(&self) -> SearchMode {
        match self.backend {
            Backend::Exact { .. } => SearchMode::Exact,
            Backend::Ann { .. } => SearchMode::Ann,
        }
    }

    /// The `k` passages closest to each query, best first; `skip[q]` (a passage key) is
    /// left out of query q's hits. Ties go to the older passage.
    pub fn top_k(
        &self,
        queries: &[&[f32]],
        k: usize,
        skip: &[Option<i64>],
    ) -> Result<Vec<Vec<KeyHit>>> {
        match &self.backend {
            Backend::Exact { keys, matrix } => {
                let hits = top_k_many(matrix, queries, k, |q, row| {
                    skip.get(q).copied().flatten() == Some(keys[row])
                });
                Ok(hits
                    .into_iter()
                    .map(|list| {
                        list.into_iter()
                            .map(|h| KeyHit {
                                key: keys[h.index],
                                score: h.score,
                            })
                            .collect()
                    })
                    .collect())
            }
            Backend::Ann {
                ann,
                vectors,
                candidates,
            } => queries
                .iter()
                .enumerate()
                .map(|(q, query)| {
                    let skip = skip.get(q).copied().flatten();
                    self.ann_top_k(ann, vectors, *candidates, query, k, skip)
                })
                .collect(),
        }
    }

    fn ann_top_k(
        &self,
        ann: &Ann,
        vectors: &VectorFile,
        candidates: usize,
        query: &[f32],
        k: usize,
        skip: Option<i64>,
    ) -> Result<Vec<KeyHit>> {
        let wanted = candidates.max(k) + usize::from(skip.is_some());
        let mut hits = Vec::with_capacity(wanted);
        // A candidate the vector file does not reach (it should) is read from the tables.
        let mut unmapped = Vec::new();
        let found = match &self.only {
            Some(only) => ann.search_filtered(query, wanted, |k| only.contains(&k))?,
            None => ann.search(query, wanted)?,
        };
        for key in found {
            if Some(key) == skip {
                continue;
            }
            match vectors.get(key) {
                Some(v) => hits.push(KeyHit {
                    key,
                    score: dot(&v, query),
                }),
                None => unmapped.push(key),
            }
        }
        if !unmapped.is_empty() {
            for (key, v) in self
                .index
                .tables
                .vectors(&unmapped, self.index.settings.dim)?
            {
                hits.push(KeyHit {
                    key,
                    score: dot(&v, query),
                });
            }
        }
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.key.cmp(&b.key)));
        hits.truncate(k);
        Ok(hits)
    }

    /// Pairs of passages with cosine at least `threshold` (each pair once, lower key first),
    /// best first; `keep(a, b)` filters pairs. Exact: every pair is scored; ANN: each
    /// passage's candidates are.
    pub fn pairs(
        &self,
        threshold: f32,
        keep: impl Fn(i64, i64) -> bool,
    ) -> Result<Vec<(i64, i64, f32)>> {
        match &self.backend {
            Backend::Exact { keys, matrix } => {
                Ok(all_pairs(matrix, threshold, |i, j| keep(keys[i], keys[j]))
                    .into_iter()
                    .map(|(i, j, s)| (keys[i], keys[j], s))
                    .collect())
            }
            Backend::Ann {
                ann, candidates, ..
            } => {
                // Every vector is read once; candidates are re-scored from memory rather
                // than looked up again in the tables.
                let dim = self.index.settings.dim;
                let mut rows = Vec::new();
                let only = self.only.as_ref();
                self.index.tables.for_each_vector(dim, |k, v| {
                    if only.is_none_or(|o| o.contains(&k)) {
                        rows.push((k, v.to_vec()))
                    }
                })?;
                let row_of: std::collections::HashMap<i64, usize> =
                    rows.iter().enumerate().map(|(r, (k, _))| (*k, r)).collect();
                let wanted = candidates + 1;
                let mut out = Vec::new();
                for (key, v) in &rows {
                    let found = match only {
                        Some(o) => ann.search_filtered(v, wanted, |k| o.contains(&k))?,
                        None => ann.search(v, wanted)?,
                    };
                    for c in found {
                        let Some(&r) = row_of.get(&c) else { continue };
                        let score = dot(&rows[r].1, v);
                        if c > *key && score >= threshold && keep(*key, c) {
                            out.push((*key, c, score));
                        }
                    }
                }
                out.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
                Ok(out)
            }
        }
    }
}
