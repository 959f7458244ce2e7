//! Queries against a PostgreSQL store: nearest neighbours ordered by pgvector's cosine
//! distance, through the HNSW index (its candidate list set per query with
//! `hnsw.ef_search`) or a sequential scan, the filters (source, language, date) in SQL.

use super::{db, Layout, PgConnection, PgStore};
use crate::index::passage_store::{recall_of, spread_sample};
use crate::index::searcher::EXACT_BELOW;
use crate::index::{DocumentRow, Passage, PassageFilters, SearchMode};
use anyhow::Result;
use pgvector::Vector;
use postgres::types::ToSql;

/// pgvector's bounds on `hnsw.ef_search`.
const EF_MAX: usize = 1000;

impl PassageFilters {
    /// The conditions, numbering their parameters from `first`, and the parameters.
    pub(super) fn sql(&self, first: usize) -> (String, Vec<Box<dyn ToSql + Sync>>) {
        let mut conditions = Vec::new();
        let mut params: Vec<Box<dyn ToSql + Sync>> = Vec::new();
        let next = |value: Box<dyn ToSql + Sync>, params: &mut Vec<_>| {
            params.push(value);
            format!("${}", first + params.len() - 1)
        };
        if let Some(d) = self.since {
            conditions.push(format!(
                "d.date >= {}::date",
                next(Box::new(d.to_string()), &mut params)
            ));
        }
        if let Some(d) = self.until {
            conditions.push(format!(
                "d.date <= {}::date",
                next(Box::new(d.to_string()), &mut params)
            ));
        }
        if !self.sources.is_empty() {
            let p = next(Box::new(self.sources.clone()), &mut params);
            conditions.push(format!("(d.file = ANY({p}) OR d.source = ANY({p}))"));
        }
        if !self.langs.is_empty() {
            let p = next(Box::new(self.langs.clone()), &mut params);
            conditions.push(format!("p.lang = ANY({p})"));
        }
        (conditions.join(" AND "), params)
    }
}

/// The columns [`passage_row`] reads, first in a query over `silica_passages p JOIN
/// silica_documents d`.
pub(super) const ROW_COLUMNS: &str =
    "p.key, p.id, d.source, d.id, p.start_byte, p.end_byte, p.lang, p.text, d.date::text";

pub(super) fn passage_row(r: &postgres::Row) -> Passage {
    Passage {
        key: r.get(0),
        id: r.get(1),
        source: r.get(2),
        document: r.get(3),
        start: Some(r.get::<_, i64>(4) as usize),
        end: Some(r.get::<_, i64>(5) as usize),
        lang: r.get(6),
        text: r.get(7),
        date: r.get(8),
    }
}

/// A search over one store, with its mode, candidate list and filters fixed.
pub struct PgSearch<'a> {
    store: &'a PgStore,
    mode: SearchMode,
    ef: usize,
    filters: PassageFilters,
}

impl PgStore {
    /// Exact when asked, when the HNSW index is not built (or invalid), or below
    /// [`EXACT_BELOW`] passages (as an index directory searches), else HNSW. `ef` is the
    /// candidate list (default: the store's `expansion_search`), at least k per query.
    pub fn searcher(
        &self,
        force: Option<SearchMode>,
        ef: Option<usize>,
        filters: PassageFilters,
    ) -> Result<PgSearch<'_>> {
        let mode = match force {
            Some(SearchMode::Exact) => SearchMode::Exact,
            Some(SearchMode::Ann) => {
                if self.with_conn(super::schema::hnsw_valid)? != Some(true) {
                    anyhow::bail!(
                        "{}: no valid HNSW index yet (run `silica index add` to build it)",
                        self.name
                    );
                }
                SearchMode::Ann
            }
            None => {
                let hnsw = self.with_conn(super::schema::hnsw_valid)? == Some(true);
                if hnsw && self.estimated_passages()? >= EXACT_BELOW {
                    SearchMode::Ann
                } else {
                    SearchMode::Exact
                }
            }
        };
        Ok(PgSearch {
            store: self,
            mode,
            ef: ef.unwrap_or(self.settings.ann.expansion_search),
            filters,
        })
    }

    /// The planner's row estimate (no count of every row), exact when never analysed.
    fn estimated_passages(&self) -> Result<usize> {
        self.with_conn(|c| {
            // A cluster's coordinator holds no rows of its own to estimate from.
            if self.layout == Layout::Single {
                let estimate: f32 = c
                    .query_one(
                        "SELECT reltuples FROM pg_class WHERE oid = 'silica_passages'::regclass",
                        &[],
                    )
                    .map_err(db)?
                    .get(0);
                if estimate >= 0.0 {
                    return Ok(estimate as usize);
                }
            }
            let n: i64 = c
                .query_one("SELECT count(*) FROM silica_passages", &[])
                .map_err(db)?
                .get(0);
            Ok(n as usize)
        })
    }

    /// A stored passage and its vector, by passage id.
    pub fn passage_by_id(&self, id: &str) -> Result<Option<(Passage, Vec<f32>)>> {
        self.with_conn(|c| {
            let row = c
                .query_opt(
                    &format!(
                        "SELECT {ROW_COLUMNS}, p.embedding::vector FROM silica_passages p
                         JOIN silica_documents d ON d.id = p.document WHERE p.id = $1
                         ORDER BY p.key LIMIT 1"
                    ),
                    &[&id],
                )
                .map_err(db)?;
            Ok(row.map(|r| (passage_row(&r), r.get::<_, Vector>(9).to_vec())))
        })
    }

    /// Every document's key, id, source, title and date, in id order (for reports).
    pub fn document_infos(&self) -> Result<Vec<DocumentRow>> {
        self.with_conn(|c| {
            let rows = c
                .query(
                    "SELECT key, id, source, title, date::text FROM silica_documents ORDER BY id",
                    &[],
                )
                .map_err(db)?;
            Ok(rows
                .iter()
                .map(|r| DocumentRow {
                    key: r.get(0),
                    id: r.get(1),
                    source: r.get(2),
                    title: r.get(3),
                    date: r.get(4),
                })
                .collect())
        })
    }

    /// Every passage with its document's key and its vector, in document id and passage
    /// order (the same whatever order shards loaded them in), read in chunks.
    pub fn for_each_passage(
        &self,
        mut f: impl FnMut(Passage, i64, Vec<f32>) -> Result<()>,
    ) -> Result<()> {
        self.with_conn(|c| {
            let mut tx = c.transaction().map_err(db)?;
            let portal = tx
                .bind(
                    &format!(
                        "SELECT {ROW_COLUMNS}, d.key, p.embedding::vector FROM silica_passages p
                         JOIN silica_documents d ON d.id = p.document ORDER BY d.id, p.ordinal"
                    ),
                    &[],
                )
                .map_err(db)?;
            loop {
                let rows = tx.query_portal(&portal, 10_000).map_err(db)?;
                if rows.is_empty() {
                    break;
                }
                for r in &rows {
                    f(passage_row(r), r.get(9), r.get::<_, Vector>(10).to_vec())?;
                }
            }
            Ok(())
        })
    }

    /// `sample` stored passages spread over the table (by key), with their vectors: the
    /// queries of `index verify`'s recall.
    pub fn sample_passages(&self, sample: usize) -> Result<Vec<(i64, Vec<f32>)>> {
        self.with_conn(|c| {
            let keys: Vec<i64> = c
                .query("SELECT key FROM silica_passages ORDER BY key", &[])
                .map_err(db)?
                .iter()
                .map(|r| r.get(0))
                .collect();
            let chosen = spread_sample(&keys, sample);
            let rows = c
                .query(
                    "SELECT key, embedding::vector FROM silica_passages WHERE key = ANY($1) ORDER BY key",
                    &[&chosen],
                )
                .map_err(db)?;
            Ok(rows
                .iter()
                .map(|r| (r.get(0), r.get::<_, Vector>(1).to_vec()))
                .collect())
        })
    }
}

/// A hit: its cosine to the query and the passage.
pub type PgHit = (f32, Passage);

impl PgSearch<'_> {
    pub fn mode(&self) -> SearchMode {
        self.mode
    }

    /// The candidate list HNSW searches with for `k` hits.
    pub fn ef_for(&self, k: usize) -> usize {
        self.ef.max(k).min(EF_MAX)
    }

    /// The `k` passages closest to each query, best first; `skip[q]` (a passage key) is
    /// left out of query `q`'s hits. With filters, HNSW's candidates are filtered after the
    /// graph search: pgvector 0.8 goes on searching until `k` pass (an iterative scan, up
    /// to its `hnsw.max_scan_tuples`), older ones stop at `ef_search`; either way a query
    /// that still gets fewer than `k` is answered again by a scan.
    pub fn top_k(
        &self,
        queries: &[&[f32]],
        k: usize,
        skip: &[Option<i64>],
    ) -> Result<Vec<Vec<PgHit>>> {
        let mut conn = self.store.conn()?;
        self.top_k_on(&mut conn, queries, k, skip)
            .map_err(|e| self.store.failed(e))
    }

    fn top_k_on(
        &self,
        conn: &mut PgConnection,
        queries: &[&[f32]],
        k: usize,
        skip: &[Option<i64>],
    ) -> Result<Vec<Vec<PgHit>>> {
        let mut out = self.run(conn, queries, k, skip, self.mode)?;
        if self.mode == SearchMode::Ann && !self.filters.is_empty() {
            let short: Vec<usize> = (0..out.len()).filter(|&q| out[q].len() < k).collect();
            if !short.is_empty() {
                tracing::info!(
                    "HNSW gave fewer than {k} hits after the filters for {} queries; scanning instead",
                    short.len()
                );
                let again: Vec<&[f32]> = short.iter().map(|&q| queries[q]).collect();
                let skips: Vec<Option<i64>> = short
                    .iter()
                    .map(|&q| skip.get(q).copied().flatten())
                    .collect();
                let hits = self.run(conn, &again, k, &skips, SearchMode::Exact)?;
                for (q, hits) in short.into_iter().zip(hits) {
                    out[q] = hits;
                }
            }
        }
        Ok(out)
    }

    /// Every query in one transaction, the search set up once (`hnsw.ef_search`, or index
    /// scans off for a scan) and the statement prepared once.
    fn run(
        &self,
        conn: &mut PgConnection,
        queries: &[&[f32]],
        k: usize,
        skip: &[Option<i64>],
        mode: SearchMode,
    ) -> Result<Vec<Vec<PgHit>>> {
        let (filter_sql, filter_params) = self.filters.sql(3);
        let mut conditions = vec!["($2::bigint IS NULL OR p.key <> $2)".to_string()];
        if !filter_sql.is_empty() {
            conditions.push(filter_sql);
        }
        // A scan orders ties by key, so that equal inputs give equal lists; HNSW must order
        // by the distance alone to be used. k is written into the statement, not passed:
        // a generic plan with an unknown LIMIT may prefer a scan to the index.
        let order = match mode {
            SearchMode::Exact => "p.embedding <=> $1, p.key",
            SearchMode::Ann => "p.embedding <=> $1",
        };
        let sql = format!(
            "SELECT {ROW_COLUMNS}, (p.embedding <=> $1)::float8 FROM silica_passages p
             JOIN silica_documents d ON d.id = p.document
             WHERE {} ORDER BY {order} LIMIT {k}",
            conditions.join(" AND ")
        );
        let mut tx = conn.transaction().map_err(db)?;
        let setup = match mode {
            // Without index scans the planner cannot use HNSW: every row is scored.
            SearchMode::Exact => "SET LOCAL enable_indexscan = off".to_string(),
            // HNSW when asked for it: a small table's plan would otherwise be a scan.
            SearchMode::Ann => {
                let mut set = format!(
                    "SET LOCAL enable_seqscan = off; SET LOCAL hnsw.ef_search = {}",
                    self.ef_for(k)
                );
                if !self.filters.is_empty() && self.store.has_iterative_scan() {
                    set.push_str("; SET LOCAL hnsw.iterative_scan = strict_order");
                }
                set
            }
        };
        tx.batch_execute(&self.store.layout.settings_sql(&setup))
            .map_err(db)?;
        let statement = tx.prepare(&sql).map_err(db)?;
        let mut out = Vec::with_capacity(queries.len());
        for (q, query) in queries.iter().enumerate() {
            let vector = self.store.vectors.value(query);
            let skip = skip.get(q).copied().flatten();
            let mut params: Vec<&(dyn ToSql + Sync)> = vec![vector.as_ref(), &skip];
            params.extend(
                filter_params
                    .iter()
                    .map(|p| p.as_ref() as &(dyn ToSql + Sync)),
            );
            let rows = tx.query(&statement, &params).map_err(db)?;
            out.push(
                rows.iter()
                    .map(|r| ((1.0 - r.get::<_, f64>(9)) as f32, passage_row(r)))
                    .collect(),
            );
        }
        tx.commit().map_err(db)?;
        Ok(out)
    }
}

/// Recall@k of HNSW against a scan, the queries being `sample` stored passages (each left
/// out of its own hits). Returns (recall, queries, milliseconds per HNSW query).
pub fn measure_recall(
    store: &PgStore,
    sample: usize,
    k: usize,
    ef: Option<usize>,
) -> Result<(f64, usize, Vec<f64>)> {
    let chosen = store.sample_passages(sample)?;
    let queries: Vec<&[f32]> = chosen.iter().map(|(_, v)| v.as_slice()).collect();
    let skip: Vec<Option<i64>> = chosen.iter().map(|(k, _)| Some(*k)).collect();
    let exact = store
        .searcher(Some(SearchMode::Exact), ef, PassageFilters::default())?
        .top_k(&queries, k, &skip)?;
    let ann = store.searcher(Some(SearchMode::Ann), ef, PassageFilters::default())?;
    let mut times = Vec::with_capacity(queries.len());
    let mut found = Vec::with_capacity(queries.len());
    for (i, q) in queries.iter().enumerate() {
        let start = std::time::Instant::now();
        let hits = ann.top_k(&[q], k, &skip[i..=i])?;
        times.push(start.elapsed().as_secs_f64() * 1e3);
        found.push(hits[0].iter().map(|(s, r)| (r.key, *s)).collect());
    }
    let truth: Vec<Vec<(i64, f32)>> = exact
        .iter()
        .map(|hits| hits.iter().map(|(s, r)| (r.key, *s)).collect())
        .collect();
    let recall = recall_of(&truth, &found);
    Ok((recall, queries.len(), times))
}
