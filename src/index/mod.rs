//! The persistent index: a directory holding a corpus's passages, their vectors, the
//! settings that made them, and an approximate-nearest-neighbour graph over the vectors;
//! or the same in PostgreSQL.
//!
//! - [`passage_store`]: the read side every backend implements ([`PassageStore`]: counts,
//!   documents, passages, search, checks, recall), opened from a [`Target`]; the records
//!   they return ([`record`]: one [`Passage`], one [`Neighbor`]). Backends: the directory
//!   ([`PassageIndex`], `directory.rs`), PostgreSQL ([`postgres`]) and a corpus embedded in
//!   memory ([`memory`]).
//! - `index.sqlite` ([`tables`]): documents (keyed by id, with the hash of their text),
//!   passages (offsets, language, text, f32 vector) and the settings. Each batch of
//!   documents is one transaction: a killed `index add` leaves the index at its last commit
//!   and the next run adds what is missing.
//! - `ann.usearch` ([`ann`]) and `vectors.f32` ([`vectors`]): the HNSW graph and a flat
//!   copy of the f32 vectors for re-scoring its candidates, both derived from the tables.
//!   The tables record the generation they match; a stale or missing pair is brought up to
//!   date by the next `index add` (queries fall back to exact search meanwhile).
//!   [`searcher`] searches them.
//! - [`plan`]: the write side ([`DocumentSink`]): what an `index add` must do, carried out
//!   against either backend. Refusals are typed ([`IndexError`]).

pub mod ann;
mod directory;
mod errors;
pub mod memory;
pub mod passage_store;
pub mod plan;
pub mod postgres;
pub mod record;
pub mod searcher;
pub mod tables;
pub mod vectors;

pub use ann::{Ann, AnnParams};
pub use errors::{IndexError, Setting, SettingDifference};
pub use memory::{MemoryPassage, MemoryStore};
pub use passage_store::{
    open, open_for_add, open_for_removal, BackendStats, DocumentSelector, LexicalSearcher,
    PassageSearcher, PassageStore, Recall, SearchRequest, StoreStats, StoreWriter, Target,
};
pub use plan::{document_hash, file_of, AddSummary, DocumentSink, FileStamp, Shard, StoredEntry};
pub use record::{DocumentRow, Neighbor, Passage, PassagePair};
pub use searcher::{AnnQuery, IndexSearcher, KeyHit, PassageFilters, SearchMode};
pub use tables::{IndexTables, NewDocument, NewPassage, StoredDocument};
pub use vectors::VectorFile;

use crate::corpus::KnownPassages;
use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Everything that decides an index's vectors: a run with other settings is refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexSettings {
    /// The model as the user named it, and the fingerprint of its files.
    pub model: String,
    pub fingerprint: String,
    pub dim: usize,
    /// The prompt put before each passage.
    pub passage_prompt: String,
    pub max_tokens: usize,
    pub overlap: usize,
    pub min_chars: usize,
    pub keep_all: bool,
    pub keep_duplicates: bool,
    pub ann: AnnParams,
}

impl IndexSettings {
    /// Each setting that differs, the index's value and this run's.
    pub fn differences(&self, run: &IndexSettings) -> Vec<SettingDifference> {
        let pairs = [
            (
                Setting::Model,
                format!("{} ({})", self.model, self.fingerprint),
                format!("{} ({})", run.model, run.fingerprint),
            ),
            (
                Setting::Dimensions,
                self.dim.to_string(),
                run.dim.to_string(),
            ),
            (
                Setting::PassagePrompt,
                format!("{:?}", self.passage_prompt),
                format!("{:?}", run.passage_prompt),
            ),
            (
                Setting::MaxTokens,
                self.max_tokens.to_string(),
                run.max_tokens.to_string(),
            ),
            (
                Setting::Overlap,
                self.overlap.to_string(),
                run.overlap.to_string(),
            ),
            (
                Setting::MinChars,
                self.min_chars.to_string(),
                run.min_chars.to_string(),
            ),
            (
                Setting::KeepAll,
                self.keep_all.to_string(),
                run.keep_all.to_string(),
            ),
            (
                Setting::KeepDuplicates,
                self.keep_duplicates.to_string(),
                run.keep_duplicates.to_string(),
            ),
        ];
        pairs
            .into_iter()
            .filter(|(_, stored, this)| stored != this)
            .map(|(setting, stored, run)| SettingDifference {
                setting,
                stored,
                run,
            })
            .collect()
    }
}

/// An index directory, open.
pub struct PassageIndex {
    pub dir: PathBuf,
    /// The SQLite tables (`index.sqlite`).
    pub tables: IndexTables,
    pub settings: IndexSettings,
}

impl PassageIndex {
    pub fn tables_path(dir: &Path) -> PathBuf {
        dir.join("index.sqlite")
    }

    pub fn ann_path(dir: &Path) -> PathBuf {
        dir.join("ann.usearch")
    }

    pub fn vectors_path(dir: &Path) -> PathBuf {
        dir.join("vectors.f32")
    }

    /// Opens the index in `dir`, creating it with `settings` when new; an index made with
    /// other settings is refused, naming each difference.
    pub fn open_or_create(dir: &Path, settings: &IndexSettings) -> Result<Self> {
        if dir.exists() && !dir.is_dir() {
            bail!("{}: not a directory", dir.display());
        }
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create the index directory", dir.display()))?;
        let mut store = IndexTables::open(&Self::tables_path(dir), true)?;
        let settings = match store.settings()? {
            Some(existing) => {
                let differences = existing.differences(settings);
                if !differences.is_empty() {
                    return Err(IndexError::OtherSettings {
                        name: dir.display().to_string(),
                        noun: "index",
                        differences,
                    }
                    .into());
                }
                existing
            }
            None => {
                store.init(settings)?;
                settings.clone()
            }
        };
        Ok(Self {
            dir: dir.to_path_buf(),
            tables: store,
            settings,
        })
    }

    /// Opens an existing index.
    pub fn open(dir: &Path, read_only: bool) -> Result<Self> {
        let path = Self::tables_path(dir);
        if !path.is_file() {
            return Err(IndexError::NoIndex {
                dir: dir.to_path_buf(),
            }
            .into());
        }
        let store = if read_only {
            let store = IndexTables::open_read_only(&path)?;
            if store.needs_migration()? {
                // An older index is upgraded once (a writable open migrates it), then read.
                drop(store);
                IndexTables::open(&path, false)?;
                IndexTables::open_read_only(&path)?
            } else {
                store
            }
        } else {
            IndexTables::open(&path, false)?
        };
        let settings = store
            .settings()
            .with_context(|| format!("{}", dir.display()))?
            .with_context(|| format!("{}: the index is empty (no settings)", dir.display()))?;
        Ok(Self {
            dir: dir.to_path_buf(),
            tables: store,
            settings,
        })
    }

    /// Brings the ANN graph and the flat vector file up to the tables: removes from the
    /// graph what was removed, writes and adds what is missing (in chunks, so the build
    /// never holds every vector twice), saves the graph atomically, then records the
    /// generation both match. A missing file of the two rebuilds both. Returns (added,
    /// removed).
    pub fn sync_ann(&mut self, threads: usize) -> Result<(usize, usize)> {
        let generation = self.tables.generation()?;
        let path = Self::ann_path(&self.dir);
        let vectors_path = Self::vectors_path(&self.dir);
        let both = path.is_file() && vectors_path.is_file();
        if both && self.tables.ann_generation()? == Some(generation) {
            return Ok((0, 0));
        }
        let dim = self.settings.dim;
        let ann = if both {
            Ann::load(&path, dim, &self.settings.ann)?
        } else {
            Ann::create(dim, &self.settings.ann)?
        };
        let removed = self.tables.removed_passages()?;
        let mut removed_count = 0;
        for &k in &removed {
            if ann.contains(k) {
                ann.remove(k)?;
                removed_count += 1;
            }
        }
        // Only the vectors the graph lacks are read: an add to a large index reads the
        // new passages' vectors, not every stored one.
        const CHUNK: usize = 50_000;
        let missing: Vec<i64> = self
            .tables
            .passage_keys()?
            .into_iter()
            .filter(|&k| !ann.contains(k))
            .collect();
        for chunk in missing.chunks(CHUNK) {
            let rows = self.tables.vectors(chunk, dim)?;
            VectorFile::write(&vectors_path, dim, &rows)?;
            ann.add_all(&rows, threads)?;
        }
        if missing.is_empty() && !vectors_path.is_file() {
            VectorFile::write(&vectors_path, dim, &[])?;
        }
        let added = missing.len();
        ann.save(&path)?;
        self.tables.ann_synced(generation, &removed)?;
        Ok((added, removed_count))
    }

    /// Bytes of every file in the index directory.
    pub fn bytes_on_disk(&self) -> u64 {
        std::fs::read_dir(&self.dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok()?.metadata().ok())
                    .filter(|m| m.is_file())
                    .map(|m| m.len())
                    .sum()
            })
            .unwrap_or(0)
    }

    /// Whether the ANN graph and the vector file exist and match the tables.
    pub fn ann_current(&self) -> Result<bool> {
        Ok(Self::ann_path(&self.dir).is_file()
            && Self::vectors_path(&self.dir).is_file()
            && self.tables.ann_generation()? == Some(self.tables.generation()?))
    }
}

impl DocumentSink for PassageIndex {
    fn dim(&self) -> usize {
        self.settings.dim
    }

    fn stored(&self) -> Result<Vec<StoredEntry>> {
        Ok(self
            .tables
            .documents()?
            .into_iter()
            .map(|d| StoredEntry {
                id: d.id,
                file: d.file,
                hash: d.hash,
                lines_known: d.lines_known,
            })
            .collect())
    }

    /// By the ids' keys, looked up one by one (the plan already read every document; this
    /// does not read them all again).
    fn remove(&mut self, ids: &[String]) -> Result<usize> {
        let keys = self.tables.document_keys(ids)?;
        self.tables.remove_documents(&keys)
    }

    fn write(&mut self, docs: &[NewDocument<'_>]) -> Result<()> {
        self.tables.add_documents(docs)
    }

    fn file_stamps(&self, scope: &str) -> Result<HashMap<String, FileStamp>> {
        self.tables.file_stamps(scope)
    }

    fn record_stamps(&mut self, scope: &str, stamps: &[(String, FileStamp)]) -> Result<()> {
        self.tables.record_stamps(scope, stamps)
    }

    fn line_counts(&self, lines: &[u64]) -> Result<(usize, HashMap<u64, usize>)> {
        self.tables.line_counts(lines)
    }

    fn record_lines(&mut self, docs: &[(String, Vec<u64>)]) -> Result<()> {
        let ids: Vec<String> = docs.iter().map(|(id, _)| id.clone()).collect();
        let keys = self.tables.document_keys(&ids)?;
        anyhow::ensure!(
            keys.len() == docs.len(),
            "documents went while their lines were recorded"
        );
        let keyed: Vec<(i64, Vec<u64>)> = keys
            .into_iter()
            .zip(docs)
            .map(|(k, (_, lines))| (k, lines.clone()))
            .collect();
        self.tables.record_lines(&keyed)
    }

    fn fill_passage_keys(&mut self) -> Result<usize> {
        self.tables.fill_passage_keys()
    }

    fn known_passages(&self) -> Result<Box<dyn KnownPassages>> {
        let store = IndexTables::open_read_only(&Self::tables_path(&self.dir))?;
        let upto = store.last_passage_key()?;
        Ok(Box::new(StoredPassages {
            tables: store,
            upto,
        }))
    }
}

/// The passages an index held when an `index add` began, for judging duplicates.
struct StoredPassages {
    tables: IndexTables,
    /// The largest passage key then: later rows are the run's own.
    upto: i64,
}

impl KnownPassages for StoredPassages {
    fn exact(&self, keys: &[[u8; 16]]) -> Result<HashMap<[u8; 16], String>> {
        self.tables.passages_with_keys(keys, self.upto)
    }

    fn sketched(&self, hashes: &[u64]) -> Result<Vec<(u64, String, String)>> {
        self.tables.passages_sketched(hashes, self.upto)
    }
}
