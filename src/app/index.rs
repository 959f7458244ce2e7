//! The index use cases, over a directory or a PostgreSQL store alike: add a corpus, remove
//! documents, describe what is held, verify it.

use super::corpus::CorpusSpec;
use super::model::ModelSource;
use crate::cache::EmbeddingCache;
use crate::corpus::{list_inputs, Listing, TokenCounter};
use crate::embed::Embedder;
use crate::index::postgres::VectorChoice;
use crate::index::{
    open, open_for_add, open_for_removal, AddSummary, AnnParams, AnnQuery, DocumentSelector,
    IndexSettings, Recall, Shard, StoreStats, Target,
};
use crate::ingest::{AddOptions, AddProgress};
use crate::model::PromptChoice;
use crate::vectors::Embeddings;
use anyhow::Result;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::sync::Arc;

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

/// Passages embedded and committed together, unless asked otherwise (a killed add keeps
/// every committed batch).
pub const DEFAULT_COMMIT_EVERY: usize = 512;

/// `index add` of a corpus: what to read, with which model, into which index or store.
pub struct CorpusAdd<'a> {
    pub target: &'a Target,
    /// The inputs and how they are cut (its dates are not used: an index holds them all).
    pub corpus: &'a CorpusSpec,
    pub model: ModelSource<'a>,
    /// A new directory index's ANN graph.
    pub ann: AnnParams,
    /// A new store's vector column.
    pub vectors: VectorChoice,
    /// Documents not in the inputs are removed, changed ones replaced.
    pub sync: bool,
    pub shard: Shard,
    /// Passages embedded and committed together.
    pub commit_every: usize,
}

/// Reads and cuts the corpus with the model's tokenizer, and adds what the index or store
/// lacks (see [`add`]); the model's weights are loaded only when something must be
/// embedded, and vectors come from `cache` where it has them.
pub fn add_corpus(
    job: &CorpusAdd<'_>,
    mut cache: Option<EmbeddingCache>,
    progress: &mut dyn AddProgress,
) -> Result<Added> {
    let (info, tokenizer) = job.model.load_tokenizer()?;
    let prompt = PromptChoice::Passage;
    let prefix = prompt.prefix(&info.prompts).to_string();
    let counter = tokenizer.counter(&prefix);
    let passages = job.corpus.passages.options(&info, &counter)?;
    let settings = IndexSettings {
        model: info.name.clone(),
        fingerprint: job.model.fingerprint()?,
        dim: job.model.output_dimension(&info)?,
        passage_prompt: prefix.clone(),
        max_tokens: passages.max_tokens,
        overlap: passages.overlap,
        min_chars: passages.min_chars,
        keep_all: passages.keep_all,
        keep_duplicates: passages.keep_duplicates,
        ann: job.ann.clone(),
    };
    crate::index::Ann::create(settings.dim, &settings.ann)?; // checks the ANN settings early
    let listing = list_inputs(&job.corpus.inputs, &job.corpus.read)?;
    let mut embedder: Option<Arc<Embedder>> = None;
    let mut embed = |texts: &[&str]| -> Result<Embeddings> {
        if embedder.is_none() {
            embedder = Some(job.model.load()?);
        }
        let e = embedder.as_ref().expect("loaded above");
        let (vectors, _) = e.embed_cached(texts, &prompt, cache.as_mut(), |_| {})?;
        Ok(vectors)
    };
    let options = AddOptions {
        read: job.corpus.read.clone(),
        passages,
        sync: job.sync,
        shard: job.shard,
        commit_every: job.commit_every,
    };
    let request = AddRequest {
        target: job.target,
        settings: &settings,
        vectors: job.vectors,
        listing: &listing,
        options: &options,
    };
    add(&request, &counter, &mut embed, progress)
}

/// The progress of an add on stderr: documents, with their passages.
pub struct DocumentBar(ProgressBar);

impl DocumentBar {
    pub fn new() -> Self {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} documents  {per_sec}  eta {eta}")
                .expect("static template"),
        );
        Self(bar)
    }

    pub fn finish(&self) {
        self.0.finish_and_clear();
    }
}

impl Default for DocumentBar {
    fn default() -> Self {
        Self::new()
    }
}

impl AddProgress for DocumentBar {
    fn planned(&mut self, documents: usize) {
        self.0.set_length(documents as u64);
    }

    fn committed(&mut self, documents: usize, _passages: usize) {
        self.0.inc(documents as u64);
    }
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

/// The settings an index or store was built with (a store read from disk always has them).
pub fn stored_settings(store: &dyn crate::index::PassageStore) -> Result<IndexSettings> {
    let name = store.name();
    store
        .settings()
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("{name}: no settings"))
}

/// An index or store opened for queries, with the model that embeds them: the model is
/// checked against the one the index was built with before its weights load, and gives
/// vectors of the width the index holds.
pub fn open_for_queries(
    target: &Target,
    model: &super::model::ModelRequest,
) -> Result<(Box<dyn crate::index::PassageStore>, Embedder)> {
    let store = open(target)?;
    let settings = stored_settings(store.as_ref())?;
    let embedder = model.load_checked(&store.name(), &settings)?;
    Ok((store, embedder))
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
