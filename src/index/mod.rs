//! The persistent index: a directory holding a corpus's passages, their vectors, the
//! settings that made them, and an approximate-nearest-neighbour graph over the vectors.
//!
//! - `index.sqlite` ([`store`]): documents (keyed by id, with the hash of their text),
//!   passages (offsets, language, text, f32 vector) and the settings. Each batch of
//!   documents is one transaction: a killed `index add` leaves the index at its last commit
//!   and the next run adds what is missing.
//! - `ann.usearch` ([`ann`]) and `vectors.f32` ([`vectors`]): the HNSW graph and a flat
//!   copy of the f32 vectors for re-scoring its candidates, both derived from the tables.
//!   The tables record the generation they match; a stale or missing pair is brought up to
//!   date by the next `index add` (queries fall back to exact search meanwhile).

pub mod ann;
pub mod search;
pub mod store;
pub mod vectors;

pub use ann::{Ann, AnnParams};
pub use search::{AnnQuery, IndexSearcher, KeyHit, SearchMode};
pub use store::{DocumentRow, IndexStore, NewDocument, NewPassage, PassageRow, StoredDocument};
pub use vectors::VectorFile;

use crate::corpus::Corpus;
use crate::embed::Embeddings;
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
    /// One line per setting that differs: "model: index X, this run Y".
    pub fn differences(&self, run: &IndexSettings) -> Vec<String> {
        let mut out = Vec::new();
        let mut cmp = |name: &str, a: String, b: String| {
            if a != b {
                out.push(format!("{name}: the index has {a}, this run {b}"));
            }
        };
        cmp(
            "model",
            format!("{} ({})", self.model, self.fingerprint),
            format!("{} ({})", run.model, run.fingerprint),
        );
        cmp("dimensions", self.dim.to_string(), run.dim.to_string());
        cmp(
            "passage prompt",
            format!("{:?}", self.passage_prompt),
            format!("{:?}", run.passage_prompt),
        );
        cmp(
            "--max-tokens",
            self.max_tokens.to_string(),
            run.max_tokens.to_string(),
        );
        cmp(
            "--overlap",
            self.overlap.to_string(),
            run.overlap.to_string(),
        );
        cmp(
            "--min-chars",
            self.min_chars.to_string(),
            run.min_chars.to_string(),
        );
        cmp(
            "--keep-all",
            self.keep_all.to_string(),
            run.keep_all.to_string(),
        );
        cmp(
            "--keep-duplicates",
            self.keep_duplicates.to_string(),
            run.keep_duplicates.to_string(),
        );
        out
    }
}

/// What `index add` will do, decided before anything is embedded.
#[derive(Debug, Default)]
pub struct AddPlan {
    /// Corpus documents (indices) not in the index, or changed and replaced (`--sync`).
    pub to_add: Vec<usize>,
    /// Index documents (keys) to remove: gone from the inputs or changed (`--sync`).
    pub to_remove: Vec<i64>,
    pub unchanged: usize,
    /// Changed since indexed but kept as indexed (without `--sync`).
    pub changed_kept: usize,
    pub changed_replaced: usize,
    pub gone: usize,
    /// Passages of the documents in `to_add`.
    pub passages_to_add: usize,
}

/// What `index add` did.
#[derive(Debug, Default, Serialize)]
pub struct AddSummary {
    pub documents_added: usize,
    pub passages_embedded: usize,
    pub documents_removed: usize,
    pub unchanged: usize,
    pub changed_kept: usize,
}

/// The hash that tells a changed document: its decoded text and title.
pub fn document_hash(text: &str, title: Option<&str>) -> String {
    let mut h = blake3::Hasher::new();
    h.update(title.unwrap_or("").as_bytes());
    h.update(&[0]);
    h.update(text.as_bytes());
    h.finalize().to_hex()[..32].to_string()
}

/// The file a document came from: its source without a row's `:LINE`.
fn file_of(source: &str) -> &str {
    match source.rsplit_once(':') {
        Some((file, line)) if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) => file,
        _ => source,
    }
}

/// An index directory, open.
pub struct PassageIndex {
    pub dir: PathBuf,
    pub store: IndexStore,
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
        let mut store = IndexStore::open(&Self::tables_path(dir), true)?;
        let settings = match store.settings()? {
            Some(existing) => {
                let diff = existing.differences(settings);
                if !diff.is_empty() {
                    bail!(
                        "{}: the index was built with other settings: {}",
                        dir.display(),
                        diff.join("; ")
                    );
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
            store,
            settings,
        })
    }

    /// Opens an existing index.
    pub fn open(dir: &Path, read_only: bool) -> Result<Self> {
        let path = Self::tables_path(dir);
        if !path.is_file() {
            bail!(
                "{}: no index here (create one with `silica index add CORPUS --index {}`)",
                dir.display(),
                dir.display()
            );
        }
        let store = if read_only {
            let store = IndexStore::open_read_only(&path)?;
            if store.needs_migration()? {
                // An older index is upgraded once (a writable open migrates it), then read.
                drop(store);
                IndexStore::open(&path, false)?;
                IndexStore::open_read_only(&path)?
            } else {
                store
            }
        } else {
            IndexStore::open(&path, false)?
        };
        let settings = store
            .settings()
            .with_context(|| format!("{}", dir.display()))?
            .with_context(|| format!("{}: the index is empty (no settings)", dir.display()))?;
        Ok(Self {
            dir: dir.to_path_buf(),
            store,
            settings,
        })
    }

    /// Compares the corpus read now with the index.
    pub fn plan(&self, corpus: &Corpus, sync: bool) -> Result<AddPlan> {
        let stored: HashMap<String, StoredDocument> = self
            .store
            .documents()?
            .into_iter()
            .map(|d| (d.id.clone(), d))
            .collect();
        let has_passages = passage_counts(corpus);
        let mut plan = AddPlan::default();
        let mut seen = std::collections::HashSet::new();
        for (i, doc) in corpus.documents.iter().enumerate() {
            if has_passages[i] == 0 || !seen.insert(doc.id.as_str()) {
                continue;
            }
            let hash = document_hash(&doc.text, doc.title.as_deref());
            match stored.get(&doc.id) {
                None => {
                    plan.to_add.push(i);
                    plan.passages_to_add += has_passages[i];
                }
                Some(s) if s.hash == hash => plan.unchanged += 1,
                Some(s) if sync => {
                    plan.to_remove.push(s.key);
                    plan.to_add.push(i);
                    plan.passages_to_add += has_passages[i];
                    plan.changed_replaced += 1;
                }
                Some(_) => plan.changed_kept += 1,
            }
        }
        if sync {
            for (id, s) in &stored {
                if !seen.contains(id.as_str()) {
                    plan.to_remove.push(s.key);
                    plan.gone += 1;
                }
            }
            plan.to_remove.sort_unstable();
        }
        Ok(plan)
    }

    /// Carries out `plan`: removals first (one transaction), then the new documents in
    /// batches of about `batch_passages` passages, each embedded by `embed` and committed
    /// in one transaction. `progress` is told how many passages each batch held.
    pub fn apply(
        &mut self,
        corpus: &Corpus,
        plan: &AddPlan,
        batch_passages: usize,
        embed: &mut dyn FnMut(&[&str]) -> Result<Embeddings>,
        progress: &mut dyn FnMut(usize),
    ) -> Result<AddSummary> {
        let mut summary = AddSummary {
            unchanged: plan.unchanged,
            changed_kept: plan.changed_kept,
            ..Default::default()
        };
        if !plan.to_remove.is_empty() {
            summary.documents_removed = self.store.remove_documents(&plan.to_remove)?;
        }
        let mut by_doc: HashMap<usize, Vec<usize>> = HashMap::new();
        for (p, passage) in corpus.passages.iter().enumerate() {
            by_doc.entry(passage.doc_index).or_default().push(p);
        }
        let mut batch: Vec<usize> = Vec::new();
        let mut batch_len = 0;
        for (n, &d) in plan.to_add.iter().enumerate() {
            batch.push(d);
            batch_len += by_doc.get(&d).map_or(0, Vec::len);
            if batch_len >= batch_passages || n + 1 == plan.to_add.len() {
                let embedded = self.add_batch(corpus, &batch, &by_doc, embed)?;
                summary.documents_added += batch.len();
                summary.passages_embedded += embedded;
                progress(embedded);
                batch.clear();
                batch_len = 0;
            }
        }
        Ok(summary)
    }

    fn add_batch(
        &mut self,
        corpus: &Corpus,
        docs: &[usize],
        by_doc: &HashMap<usize, Vec<usize>>,
        embed: &mut dyn FnMut(&[&str]) -> Result<Embeddings>,
    ) -> Result<usize> {
        let passages: Vec<usize> = docs
            .iter()
            .flat_map(|d| by_doc.get(d).cloned().unwrap_or_default())
            .collect();
        let texts: Vec<&str> = passages
            .iter()
            .map(|&p| corpus.passages[p].input.as_str())
            .collect();
        let vectors = embed(&texts)?;
        anyhow::ensure!(
            vectors.len() == texts.len() && vectors.dim == self.settings.dim,
            "the model gave {} vectors of {} dimensions for {} passages; the index holds {}",
            vectors.len(),
            vectors.dim,
            texts.len(),
            self.settings.dim
        );
        let row_of: HashMap<usize, usize> =
            passages.iter().enumerate().map(|(r, &p)| (p, r)).collect();
        let hashes: Vec<String> = docs
            .iter()
            .map(|&d| {
                let doc = &corpus.documents[d];
                document_hash(&doc.text, doc.title.as_deref())
            })
            .collect();
        let new: Vec<NewDocument> = docs
            .iter()
            .zip(&hashes)
            .map(|(&d, hash)| {
                let doc = &corpus.documents[d];
                NewDocument {
                    id: &doc.id,
                    source: &doc.source,
                    file: file_of(&doc.source),
                    hash,
                    title: doc.title.as_deref(),
                    lang: doc.lang.as_deref(),
                    date: doc.date,
                    passages: by_doc
                        .get(&d)
                        .map(|ps| {
                            ps.iter()
                                .map(|&p| {
                                    let passage = &corpus.passages[p];
                                    NewPassage {
                                        id: &passage.id,
                                        start: passage.start,
                                        end: passage.end,
                                        lang: passage.lang.as_deref(),
                                        text: &passage.text,
                                        vector: vectors.row(row_of[&p]),
                                    }
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                }
            })
            .collect();
        self.store.add_documents(&new)?;
        Ok(passages.len())
    }

    /// Brings the ANN graph and the flat vector file up to the tables: removes from the
    /// graph what was removed, writes and adds what is missing (in chunks, so the build
    /// never holds every vector twice), saves the graph atomically, then records the
    /// generation both match. A missing file of the two rebuilds both. Returns (added,
    /// removed).
    pub fn sync_ann(&mut self, threads: usize) -> Result<(usize, usize)> {
        let generation = self.store.generation()?;
        let path = Self::ann_path(&self.dir);
        let vectors_path = Self::vectors_path(&self.dir);
        let both = path.is_file() && vectors_path.is_file();
        if both && self.store.ann_generation()? == Some(generation) {
            return Ok((0, 0));
        }
        let dim = self.settings.dim;
        let ann = if both {
            Ann::load(&path, dim, &self.settings.ann)?
        } else {
            Ann::create(dim, &self.settings.ann)?
        };
        let removed = self.store.removed_passages()?;
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
            .store
            .passage_keys()?
            .into_iter()
            .filter(|&k| !ann.contains(k))
            .collect();
        for chunk in missing.chunks(CHUNK) {
            let rows = self.store.vectors(chunk, dim)?;
            VectorFile::write(&vectors_path, dim, &rows)?;
            ann.add_all(&rows, threads)?;
        }
        if missing.is_empty() && !vectors_path.is_file() {
            VectorFile::write(&vectors_path, dim, &[])?;
        }
        let added = missing.len();
        ann.save(&path)?;
        self.store.ann_synced(generation, &removed)?;
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
            && self.store.ann_generation()? == Some(self.store.generation()?))
    }
}

/// Passages per corpus document.
fn passage_counts(corpus: &Corpus) -> Vec<usize> {
    let mut counts = vec![0; corpus.documents.len()];
    for p in &corpus.passages {
        counts[p.doc_index] += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_source_names_its_file() {
        assert_eq!(file_of("news.jsonl:12"), "news.jsonl");
        assert_eq!(file_of("seeds/001.txt"), "seeds/001.txt");
        assert_eq!(file_of("C:odd"), "C:odd");
    }

    #[test]
    fn a_changed_text_or_title_changes_the_hash() {
        let a = document_hash("text", Some("title"));
        assert_eq!(a, document_hash("text", Some("title")));
        assert_ne!(a, document_hash("text!", Some("title")));
        assert_ne!(a, document_hash("text", None));
    }
}
