//! Approximate nearest neighbours over the index's vectors: an HNSW graph from usearch
//! with 8-bit vector storage; candidates are re-scored exactly with the f32 vectors kept in
//! the tables.
//!
//! Why usearch: measured on this 2-core machine, 100,000 clustered 384-d unit vectors, M 16,
//! ef_construction 128, 200 queries, recall@10 against exact:
//!
//! | crate | storage | build | memory | recall@10, p50 (ef 32) | crate build |
//! |---|---|---|---|---|---|
//! | usearch 2.26 | i8 + 40 re-scored | 26 s | 62 MiB | 0.994, 0.30 ms | 3 min 46 s (C++) |
//! | usearch 2.26 | f16 | 50 s | 98 MiB | 0.987, 0.36 ms | |
//! | hnsw_rs 0.3 | f32 only | 283 s | 434 MiB | 0.999, 1.24 ms | 1 min 7 s |
//!
//! usearch builds 10x faster in a seventh of the memory and answers 4x faster, and it maps
//! its file read-only for queries (`view`), so a query reads only the pages it visits; its
//! cost is a longer compile (measured with another build sharing the cores). arroy needs
//! LMDB and its own write transactions, which the SQLite tables already give us.

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use std::path::Path;
use usearch::{Index, IndexOptions, MetricKind, ScalarKind};

/// How the graph is built and searched. The defaults are measured at a million real-based
/// vectors (`cargo bench --bench index_scaling`, docs/guide.md): M 16 stalls at recall@10 0.93
/// whatever ef_search (0.923 at ef 256, 0.933 at 512), M 32 reaches 0.990 at ef 128 with a
/// p50 under 2 ms, builds in 5.4 min and maps 670 MiB.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnnParams {
    /// Links per node (HNSW's M).
    pub connectivity: usize,
    /// Candidate list while inserting (ef_construction).
    pub expansion_add: usize,
    /// Candidate list while searching (ef_search).
    pub expansion_search: usize,
    /// How vectors are held in the graph: "i8", "f16" or "f32".
    pub quantization: String,
    /// Candidates fetched per query and re-scored exactly (at least k).
    pub candidates: usize,
}

impl Default for AnnParams {
    fn default() -> Self {
        Self {
            connectivity: 32,
            expansion_add: 128,
            expansion_search: 128,
            quantization: "i8".into(),
            candidates: 40,
        }
    }
}

fn scalar_kind(name: &str) -> Result<ScalarKind> {
    Ok(match name {
        "i8" => ScalarKind::I8,
        "f16" => ScalarKind::F16,
        "f32" => ScalarKind::F32,
        other => anyhow::bail!("unknown ANN vector storage {other:?} (i8, f16 or f32)"),
    })
}

/// The HNSW graph (in memory, or memory-mapped read-only).
pub struct Ann {
    index: Index,
}

/// usearch reports C++ exceptions; their message is what we keep.
fn exception(e: impl std::fmt::Display) -> anyhow::Error {
    anyhow::anyhow!("{e}")
}

impl Ann {
    fn options(dim: usize, params: &AnnParams) -> Result<IndexOptions> {
        Ok(IndexOptions {
            dimensions: dim,
            // Vectors are unit length: inner product is the cosine.
            metric: MetricKind::IP,
            quantization: scalar_kind(&params.quantization)?,
            connectivity: params.connectivity,
            expansion_add: params.expansion_add,
            expansion_search: params.expansion_search,
            multi: false,
        })
    }

    /// An empty graph.
    pub fn create(dim: usize, params: &AnnParams) -> Result<Self> {
        let index = Index::new(&Self::options(dim, params)?).map_err(exception)?;
        Ok(Self { index })
    }

    /// The graph in `path`, read into memory to be changed.
    pub fn load(path: &Path, dim: usize, params: &AnnParams) -> Result<Self> {
        let ann = Self::create(dim, params)?;
        ann.index
            .load(&path.to_string_lossy())
            .map_err(exception)
            .with_context(|| format!("{}: cannot read the ANN file", path.display()))?;
        ann.check_dim(path, dim)?;
        Ok(ann)
    }

    /// The graph in `path`, memory-mapped read-only (queries).
    pub fn view(path: &Path, dim: usize, params: &AnnParams) -> Result<Self> {
        let ann = Self::create(dim, params)?;
        ann.index
            .view(&path.to_string_lossy())
            .map_err(exception)
            .with_context(|| format!("{}: cannot map the ANN file", path.display()))?;
        ann.check_dim(path, dim)?;
        ann.index.change_expansion_search(params.expansion_search);
        Ok(ann)
    }

    fn check_dim(&self, path: &Path, dim: usize) -> Result<()> {
        anyhow::ensure!(
            self.index.dimensions() == dim,
            "{}: the ANN file holds {}-d vectors, the index {dim}-d",
            path.display(),
            self.index.dimensions()
        );
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.index.size()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn contains(&self, key: i64) -> bool {
        self.index.contains(key as u64)
    }

    /// Adds vectors on `threads` threads (usearch's adds are thread-safe once capacity is
    /// reserved). The graph, hence approximate results, depends on insertion order across
    /// threads; exact re-scoring makes the reported top k stable in practice, and
    /// `silica index verify` measures recall.
    pub fn add_all(&self, rows: &[(i64, Vec<f32>)], threads: usize) -> Result<()> {
        let threads = threads.max(1);
        self.index
            .reserve_capacity_and_threads(self.len() + rows.len(), threads)
            .map_err(exception)?;
        let failure: std::sync::Mutex<Option<anyhow::Error>> = std::sync::Mutex::new(None);
        std::thread::scope(|s| {
            for t in 0..threads {
                let failure = &failure;
                s.spawn(move || {
                    for (key, v) in rows.iter().skip(t).step_by(threads) {
                        if let Err(e) = self.index.add(*key as u64, v) {
                            *failure.lock().unwrap_or_else(|p| p.into_inner()) = Some(exception(e));
                            return;
                        }
                    }
                });
            }
        });
        match failure.into_inner().unwrap_or_else(|p| p.into_inner()) {
            Some(e) => Err(e.context("adding vectors to the ANN")),
            None => Ok(()),
        }
    }

    pub fn remove(&self, key: i64) -> Result<()> {
        self.index.remove(key as u64).map_err(exception)?;
        Ok(())
    }

    /// Writes the graph to `path` atomically (a temporary file in the same folder, renamed).
    pub fn save(&self, path: &Path) -> Result<()> {
        let dir = path.parent().unwrap_or(Path::new("."));
        let tmp = tempfile::Builder::new()
            .prefix(".ann-")
            .tempfile_in(dir)
            .with_context(|| format!("{}: cannot write", dir.display()))?;
        self.index
            .save(&tmp.path().to_string_lossy())
            .map_err(exception)
            .with_context(|| format!("{}: cannot write the ANN file", path.display()))?;
        tmp.as_file().sync_all()?;
        tmp.persist(path)
            .with_context(|| format!("{}: cannot replace the ANN file", path.display()))?;
        Ok(())
    }

    /// The `count` nearest keys by the graph's (approximate) scores.
    pub fn search(&self, query: &[f32], count: usize) -> Result<Vec<i64>> {
        let m = self.index.search(query, count).map_err(exception)?;
        Ok(m.keys.iter().map(|&k| k as i64).collect())
    }

    /// The `count` nearest keys that `keep` accepts (the graph is walked past the others).
    pub fn search_filtered(
        &self,
        query: &[f32],
        count: usize,
        keep: impl Fn(i64) -> bool,
    ) -> Result<Vec<i64>> {
        let m = self
            .index
            .filtered_search(query, count, |k| keep(k as i64))
            .map_err(exception)?;
        Ok(m.keys.iter().map(|&k| k as i64).collect())
    }

    /// Bytes the graph holds in memory (or maps).
    pub fn memory_usage(&self) -> usize {
        self.index.memory_usage()
    }
}
