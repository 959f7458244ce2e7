//! The read side of an index, whichever backend holds it: one interface ([`PassageStore`])
//! over a directory index ([`super::PassageIndex`]), a PostgreSQL store
//! ([`super::postgres::PgStore`]) and a corpus embedded in memory ([`MemoryStore`]), opened
//! from one [`Target`]. The write side is [`super::DocumentSink`] (and [`StoreWriter`] for
//! what comes before and after a load).
//!
//! The backends search differently (usearch's graph re-scored exactly, pgvector's HNSW or a
//! scan, exact cosines in memory) but answer the same question with the same records:
//! [`Neighbor`]s of [`Passage`]s, best first, ties to the older passage.

use super::postgres::{is_store_url, redact, LoadGuard, PgStore, VectorChoice};
use super::record::{DocumentRow, Neighbor, Passage, PassagePair};
use super::{AnnQuery, DocumentSink, IndexSettings, PassageFilters, PassageIndex, SearchMode};
use anyhow::Result;
use std::path::PathBuf;

/// Where an index lives: a directory, or a PostgreSQL store with pgvector.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Dir(PathBuf),
    Postgres(String),
}

impl Target {
    pub fn directory(dir: impl Into<PathBuf>) -> Self {
        Target::Dir(dir.into())
    }

    /// A PostgreSQL store, when `url` is a `postgres://` or `postgresql://` URL.
    pub fn store(url: &str) -> Option<Self> {
        is_store_url(url).then(|| Target::Postgres(url.to_string()))
    }

    /// Whether several processes may write it at once (a PostgreSQL store; a directory
    /// index has one writer).
    pub fn is_shared(&self) -> bool {
        matches!(self, Target::Postgres(_))
    }

    /// The directory, or the URL without its password, for messages.
    pub fn name(&self) -> String {
        match self {
            Target::Dir(dir) => dir.display().to_string(),
            Target::Postgres(url) => redact(url),
        }
    }
}

/// Opens an existing index or store for reading.
pub fn open(target: &Target) -> Result<Box<dyn PassageStore>> {
    Ok(match target {
        Target::Dir(dir) => Box::new(PassageIndex::open(dir, true)?),
        Target::Postgres(url) => Box::new(PgStore::open(url)?),
    })
}

/// Opens an index or store for writing, creating it with `settings` when new (a store's
/// vector column as `vectors` says); one made with other settings is refused.
pub fn open_for_add(
    target: &Target,
    settings: &IndexSettings,
    vectors: VectorChoice,
) -> Result<Box<dyn StoreWriter>> {
    Ok(match target {
        Target::Dir(dir) => Box::new(PassageIndex::open_or_create(dir, settings)?),
        Target::Postgres(url) => Box::new(PgStore::open_or_create(url, settings, vectors)?),
    })
}

/// Opens an existing index or store for removing documents.
pub fn open_for_removal(target: &Target) -> Result<Box<dyn StoreWriter>> {
    Ok(match target {
        Target::Dir(dir) => Box::new(PassageIndex::open(dir, false)?),
        Target::Postgres(url) => Box::new(PgStore::open(url)?),
    })
}

/// How a search runs: its mode (default: exact on small indexes), the graph's settings,
/// which passages it may return.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    pub mode: Option<SearchMode>,
    pub ann: AnnQuery,
    pub filters: PassageFilters,
}

/// What `index verify` measures: recall@k of the approximate search against exact search,
/// stored passages as the queries.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Recall {
    pub k: usize,
    pub queries: usize,
    pub recall: f64,
}

/// Which documents to remove.
#[derive(Debug, Clone, PartialEq)]
pub enum DocumentSelector {
    /// Read from this file (every row of a JSONL or CSV file), or with this source.
    Source(String),
    /// With this document id.
    Id(String),
}

impl std::fmt::Display for DocumentSelector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DocumentSelector::Source(s) => write!(f, "source {s:?}"),
            DocumentSelector::Id(id) => write!(f, "id {id:?}"),
        }
    }
}

/// What `index stats` shows: the counts and settings of every backend, and what only one
/// has.
#[derive(Debug, Clone)]
pub struct StoreStats {
    pub documents: usize,
    pub passages: usize,
    pub settings: IndexSettings,
    pub backend: BackendStats,
}

#[derive(Debug, Clone)]
pub enum BackendStats {
    Directory {
        dir: PathBuf,
        ann_current: bool,
        /// How a query searches by default at this size.
        search: SearchMode,
        bytes_on_disk: u64,
    },
    Postgres {
        name: String,
        server: String,
        pgvector: String,
        vector_type: String,
        table_bytes: u64,
        hnsw_bytes: Option<u64>,
        /// The Citus cluster the store is distributed over (None: one server).
        cluster: Option<crate::index::postgres::ClusterFacts>,
    },
}

/// An index's passages, searched and read the same way whatever holds them.
pub trait PassageStore: Send {
    /// The directory, or the URL without its password, for messages.
    fn name(&self) -> String;

    /// "index", "store" or "corpus", for messages.
    fn noun(&self) -> &'static str;

    /// The settings its vectors were made with (none for a corpus embedded by this run).
    fn settings(&self) -> Option<&IndexSettings>;

    /// (documents, passages).
    fn counts(&self) -> Result<(usize, usize)>;

    /// Every document, in the backend's stable order.
    fn documents(&self) -> Result<Vec<DocumentRow>>;

    /// Every passage with its document's key and its vector, in a stable order.
    fn for_each_passage(
        &self,
        f: &mut dyn FnMut(Passage, i64, Vec<f32>) -> Result<()>,
    ) -> Result<()>;

    /// A passage and its vector, by passage id.
    fn passage_by_id(&self, id: &str) -> Result<Option<(Passage, Vec<f32>)>>;

    /// The text the model read for a passage (its input, Markdown and extra spaces gone).
    fn model_input(&self, passage: &Passage) -> String {
        crate::corpus::model_input(crate::corpus::TextFormat::Plain, &passage.text)
    }

    /// A search with its mode, graph settings and filters fixed.
    fn searcher<'a>(&'a self, request: &SearchRequest) -> Result<Box<dyn PassageSearcher + 'a>>;

    /// A lexical (BM25) search over the passages `filters` keep.
    fn lexical_searcher<'a>(
        &'a self,
        filters: &PassageFilters,
    ) -> Result<Box<dyn LexicalSearcher + 'a>>;

    /// The backend's invariants, one line per problem (none: all is well), and recall@k of
    /// the approximate search against exact search, `sample` stored passages spread over
    /// the keys as queries (each left out of its own hits); no recall while the approximate
    /// search is not there to measure (not built, broken, or no approximate search).
    fn verify(
        &self,
        sample: usize,
        k: usize,
        ann: AnnQuery,
    ) -> Result<(Vec<String>, Option<Recall>)>;

    fn stats(&self) -> Result<StoreStats>;
}

/// A search over one store.
pub trait PassageSearcher {
    fn mode(&self) -> SearchMode;

    /// The `k` passages closest to each query, best first; `skip[q]` (a passage key) is
    /// left out of query q's hits.
    fn top_k(
        &self,
        queries: &[&[f32]],
        k: usize,
        skip: &[Option<i64>],
    ) -> Result<Vec<Vec<Neighbor>>>;

    /// The pairs of passages with cosine at least `threshold`, best first; with
    /// `cross_document`, only pairs from two documents.
    fn pairs(&self, threshold: f32, cross_document: bool) -> Result<Vec<PassagePair>>;
}

/// A lexical search over one store: BM25 over the passages' words.
pub trait LexicalSearcher {
    /// The `k` passages whose words best match each text, best BM25 first, ties to the
    /// older passage; `skip[q]` (a passage key) is left out of query q's hits. A text
    /// sharing no word with any passage has none.
    fn top_k(&self, texts: &[&str], k: usize, skip: &[Option<i64>]) -> Result<Vec<Vec<Neighbor>>>;
}

/// One query's best `k` (key, score) from a backend's term search, `search(text, limit)`:
/// only the keys in `only` when set (then every match is asked for and filtered, as the
/// full-text table cannot filter by document), `skip` left out.
pub fn lexical_hits(
    search: impl Fn(&str, Option<usize>) -> Result<Vec<(i64, f32)>>,
    text: &str,
    k: usize,
    only: Option<&std::collections::HashSet<i64>>,
    skip: Option<i64>,
) -> Result<Vec<(i64, f32)>> {
    let limit = if only.is_some() { None } else { Some(k + 1) };
    Ok(search(text, limit)?
        .into_iter()
        .filter(|(key, _)| Some(*key) != skip && only.is_none_or(|o| o.contains(key)))
        .take(k)
        .collect())
}

/// The write side's steps around [`crate::ingest::add`], and removal.
pub trait StoreWriter: DocumentSink + PassageStore {
    /// Held while this process loads (a PostgreSQL store leaves its HNSW build to the last
    /// of several loaders).
    fn begin_load(&self) -> Result<Option<LoadGuard>>;

    /// Brings the search structures up to the tables after a load or a removal; says what
    /// it did ("ANN +3 -0", "HNSW index built").
    fn finish_load(&mut self, threads: usize) -> Result<String>;

    /// Brings the search structures up to the tables after a removal, when they do not
    /// follow the rows themselves; says what it did ("ANN -3").
    fn after_removal(&mut self, threads: usize) -> Result<Option<String>>;

    /// Removes the documents `which` selects; their number (an error when none matched).
    fn remove_selected(&mut self, which: &DocumentSelector) -> Result<usize>;
}

/// "dated since 2025-01-01, from a.txt, in fr", for messages.
pub fn describe_filters(f: &PassageFilters) -> String {
    let mut parts = Vec::new();
    let dates = crate::corpus::DateRange {
        since: f.since,
        until: f.until,
    };
    if dates.is_set() {
        parts.push(format!("dated {}", dates.describe()));
    }
    if !f.sources.is_empty() {
        parts.push(format!("from {}", f.sources.join(" or ")));
    }
    if !f.langs.is_empty() {
        parts.push(format!("in {}", f.langs.join(" or ")));
    }
    parts.join(", ")
}

/// `sample` keys spread evenly over `keys` (the queries of a recall measurement).
pub fn spread_sample(keys: &[i64], sample: usize) -> Vec<i64> {
    let step = (keys.len() / sample.min(keys.len()).max(1)).max(1);
    keys.iter().step_by(step).take(sample).copied().collect()
}

/// Recall of `found` against `truth`, query by query (1 when there is no truth): each list
/// holds (key, score) pairs, best first. A hit counts when it is in the truth or scores at
/// least as well as the truth's last hit, as ann-benchmarks counts it: among passages tied
/// at the cut (duplicated texts have equal vectors) exact search keeps some by key order,
/// and an approximate search that returns another of them has not missed anything.
pub fn recall_of(truth: &[Vec<(i64, f32)>], found: &[Vec<(i64, f32)>]) -> f64 {
    /// Scores closer than this are ties (the same pair of vectors scored twice).
    const TIE: f32 = 1e-6;
    let mut hit = 0usize;
    let mut total = 0usize;
    for (t, f) in truth.iter().zip(found) {
        let Some(&(_, last)) = t.last() else {
            continue;
        };
        let keys: std::collections::HashSet<i64> = t.iter().map(|h| h.0).collect();
        total += t.len();
        hit += f
            .iter()
            .take(t.len())
            .filter(|(k, s)| keys.contains(k) || *s >= last - TIE)
            .count();
    }
    if total == 0 {
        1.0
    } else {
        hit as f64 / total as f64
    }
}

#[cfg(test)]
mod tests {
    use super::recall_of;

    #[test]
    fn a_hit_tied_with_the_last_true_one_is_not_a_miss() {
        let truth = vec![vec![(1, 0.9), (2, 0.8)]];
        assert_eq!(recall_of(&truth, &[vec![(1, 0.9), (2, 0.8)]]), 1.0);
        // Another passage with the same score as the cut: as good as key 2.
        assert_eq!(recall_of(&truth, &[vec![(3, 0.8), (1, 0.9)]]), 1.0);
        // A worse one is a miss.
        assert_eq!(recall_of(&truth, &[vec![(1, 0.9), (3, 0.7)]]), 0.5);
        assert_eq!(recall_of(&truth, &[vec![]]), 0.0);
        assert_eq!(recall_of(&[vec![]], &[vec![]]), 1.0);
    }
}
