//! The index use cases, over a directory or a PostgreSQL store alike: add a corpus, remove
//! documents, describe what is held, verify it.

use crate::corpus::{Listing, TokenCounter};
use crate::index::postgres::VectorChoice;
use crate::index::{
    open, open_for_add, open_for_removal, AddSummary, AnnQuery, DocumentSelector, IndexSettings,
    Recall, StoreStats, Target,
};
use crate::ingest::{AddOptions, AddProgress};
use crate::vectors::Embeddings;
use anyhow::Result;

/// What an add did, and what the index or store holds after it.
#[derive(Debug)]
pub struct Added {
    pub summary: AddSummary,
    /// What the search structures' update did ("ANN +3 -0", "HNSW index built").
    pub search_note: String,
    pub documents: usize,
    pub passages: usize,
    /// "index" or "store".
    pub noun: &'static str,
}

/// What to add, and where.
pub struct AddRequest<'a> {
    pub target: &'a Target,
    /// The settings of a new index or store (an existing one must have made its vectors
    /// with the same).
    pub settings: &'a IndexSettings,
    /// A new store's vector column.
    pub vectors: VectorChoice,
    pub listing: &'a Listing,
    pub options: &'a AddOptions,
}

/// Adds what the listing holds that the index or store lacks (created when new), embedding
/// with `embed` (passages counted with `counter`), then brings its search structures up to
/// date.
pub fn add(
    request: &AddRequest<'_>,
    counter: &dyn TokenCounter,
    embed: &mut dyn FnMut(&[&str]) -> Result<Embeddings>,
    progress: &mut dyn AddProgress,
) -> Result<Added> {
    let mut store = open_for_add(request.target, request.settings, request.vectors)?;
    let loading = store.begin_load()?;
    let summary = crate::ingest::add(
        store.as_mut(),
        request.listing,
        request.options,
        counter,
        embed,
        progress,
    )?;
    drop(loading);
    let search_note = store.finish_load(rayon::current_num_threads())?;
    let (documents, passages) = store.counts()?;
    Ok(Added {
        summary,
        search_note,
        documents,
        passages,
        noun: store.noun(),
    })
}

/// What a removal did, and what is left.
#[derive(Debug, Clone)]
pub struct Removed {
    pub documents_removed: usize,
    /// What the search structures' update did ("ANN -3"), when they need one.
    pub search_note: Option<String>,
    pub documents: usize,
    pub passages: usize,
    pub noun: &'static str,
}

/// Removes the documents `which` selects (an error naming the index when none matches).
pub fn remove(target: &Target, which: &DocumentSelector) -> Result<Removed> {
    let mut store = open_for_removal(target)?;
    let documents_removed = store.remove_selected(which)?;
    let search_note = store.after_removal(rayon::current_num_threads())?;
    let (documents, passages) = store.counts()?;
    Ok(Removed {
        documents_removed,
        search_note,
        documents,
        passages,
        noun: store.noun(),
    })
}

pub fn stats(target: &Target) -> Result<StoreStats> {
    open(target)?.stats()
}

/// What `index verify` found.
#[derive(Debug, Clone)]
pub struct Verification {
    pub name: String,
    pub passages: usize,
    /// One line per problem; none when all is well.
    pub problems: Vec<String>,
    /// Measured when the search structures are there to measure.
    pub recall: Option<Recall>,
}

impl Verification {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// The backend's invariants, and the recall@k of its approximate search against exact
/// search over `sample` stored passages as queries.
pub fn verify(target: &Target, sample: usize, k: usize, ann: AnnQuery) -> Result<Verification> {
    let store = open(target)?;
    let (problems, recall) = store.verify(sample, k, ann)?;
    let (_, passages) = store.counts()?;
    Ok(Verification {
        name: store.name(),
        passages,
        problems,
        recall,
    })
}
