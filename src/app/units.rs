//! Embedding what a command clusters or writes: passages, whole documents, or records as
//! read.

use super::corpus::CorpusSpec;
use crate::cache::EmbeddingCache;
use crate::corpus::{model_input, read_inputs, Corpus, Document, TokenCounter};
use crate::embed::{EmbedStats, Embedder};
use crate::index::{DocumentRow, MemoryPassage, MemoryStore, Passage};
use crate::model::PromptChoice;
use crate::themes::{Item, Twin};
use crate::vectors::{normalized_mean, Embeddings};
use anyhow::Result;
use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::HashMap;
use std::time::Instant;

/// What one vector stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// Each passage (see `silica passages`).
    Passage,
    /// Each document: its cleaned text embedded whole, or, when longer than the model's
    /// window, the mean of its passage vectors (normalised).
    Document,
    /// Each input record (a file, a JSONL or CSV row, a stdin line) exactly as read: no
    /// cleaning, splitting or deduplication, one vector per record, cut at the model's
    /// window as sentence-transformers does.
    Text,
}

impl Unit {
    /// "passage", "document" or "text".
    pub fn name(self) -> &'static str {
        match self {
            Unit::Passage => "passage",
            Unit::Document => "document",
            Unit::Text => "text",
        }
    }
}

/// Embeds texts with a progress bar on stderr (shown only on a terminal).
pub fn embed_with_bar<S: AsRef<str>>(
    embedder: &Embedder,
    texts: &[S],
    prompt: &PromptChoice,
    cache: Option<&mut EmbeddingCache>,
) -> Result<(Embeddings, EmbedStats)> {
    let bar = ProgressBar::with_draw_target(Some(texts.len() as u64), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} texts  {per_sec}  eta {eta}")
            .expect("static template"),
    );
    let result = embedder.embed_cached(texts, prompt, cache, |n| bar.inc(n as u64));
    bar.finish_and_clear();
    result
}

/// The corpus's units (passages or documents) and their vectors, in order.
pub fn embed_units(
    embedder: &Embedder,
    corpus: &Corpus,
    unit: Unit,
    prompt: &PromptChoice,
    cache: Option<&mut EmbeddingCache>,
) -> Result<(Vec<Item>, Embeddings, EmbedStats)> {
    match unit {
        Unit::Passage => embed_passages(embedder, corpus, prompt, cache),
        Unit::Document => embed_documents(embedder, corpus, prompt, cache),
        Unit::Text => embed_records(embedder, &corpus.documents, prompt, cache),
    }
}

/// Each record's text embedded as read, one vector per record, in order (`--unit text`).
pub fn embed_records(
    embedder: &Embedder,
    documents: &[Document],
    prompt: &PromptChoice,
    cache: Option<&mut EmbeddingCache>,
) -> Result<(Vec<Item>, Embeddings, EmbedStats)> {
    let texts: Vec<&str> = documents.iter().map(|d| d.text.as_str()).collect();
    let (vectors, stats) = embed_with_bar(embedder, &texts, prompt, cache)?;
    let items = documents
        .iter()
        .enumerate()
        .map(|(i, d)| Item {
            id: d.id.clone(),
            source: d.source.clone(),
            text: d.text.clone(),
            input: d.text.clone(),
            lang: d.lang.clone(),
            document: i,
            span: None,
        })
        .collect();
    Ok((items, vectors, stats))
}

fn embed_passages(
    embedder: &Embedder,
    corpus: &Corpus,
    prompt: &PromptChoice,
    cache: Option<&mut EmbeddingCache>,
) -> Result<(Vec<Item>, Embeddings, EmbedStats)> {
    let texts: Vec<&str> = corpus.passages.iter().map(|p| p.input.as_str()).collect();
    let (embeddings, stats) = embed_with_bar(embedder, &texts, prompt, cache)?;
    let items = corpus
        .passages
        .iter()
        .map(|p| Item {
            id: p.id.clone(),
            source: p.source.clone(),
            text: p.text.clone(),
            input: p.input.clone(),
            lang: p.lang.clone(),
            document: p.doc_index,
            span: Some((p.start, p.end)),
        })
        .collect();
    Ok((items, embeddings, stats))
}

/// One vector per document: its cleaned text whole when it fits the window, else the
/// normalised mean of its passage vectors.
fn embed_documents(
    embedder: &Embedder,
    corpus: &Corpus,
    prompt: &PromptChoice,
    cache: Option<&mut EmbeddingCache>,
) -> Result<(Vec<Item>, Embeddings, EmbedStats)> {
    let info = embedder.info();
    let prefix = prompt.prefix(&info.prompts);
    let counter = embedder.tokenizer()?.counter(prefix);
    let mut items = Vec::new();
    let mut whole_texts: Vec<String> = Vec::new();
    // For each item: Ok(index into whole_texts) or Err(passage indices to average).
    let mut plans: Vec<std::result::Result<usize, Vec<usize>>> = Vec::new();
    for (doc_index, doc) in corpus.documents.iter().enumerate() {
        let passages: Vec<usize> = (0..corpus.passages.len())
            .filter(|&i| corpus.passages[i].doc_index == doc_index)
            .collect();
        if passages.is_empty() {
            tracing::warn!(
                "{}: nothing left after cleaning (all of it page furniture, too short, or a \
                 duplicate of passages elsewhere), no vector",
                doc.source
            );
            continue;
        }
        let cleaned: Vec<&str> = passages
            .iter()
            .map(|&i| corpus.passages[i].text.as_str())
            .collect();
        let cleaned = cleaned.join("\n\n");
        let input = model_input(doc.format, &cleaned);
        if counter.count(&input) <= info.max_tokens {
            plans.push(Ok(whole_texts.len()));
            whole_texts.push(input.clone());
        } else {
            plans.push(Err(passages));
        }
        items.push(Item {
            id: doc.id.clone(),
            source: doc.source.clone(),
            text: cleaned,
            input,
            lang: doc.lang.clone(),
            document: doc_index,
            span: None,
        });
    }
    let needed: Vec<usize> = plans
        .iter()
        .filter_map(|p| p.as_ref().err())
        .flatten()
        .copied()
        .collect();
    let mut texts: Vec<&str> = whole_texts.iter().map(String::as_str).collect();
    texts.extend(needed.iter().map(|&i| corpus.passages[i].input.as_str()));
    let (vectors, stats) = embed_with_bar(embedder, &texts, prompt, cache)?;
    let position: std::collections::HashMap<usize, usize> = needed
        .iter()
        .enumerate()
        .map(|(k, &i)| (i, whole_texts.len() + k))
        .collect();
    let dim = vectors.dim;
    let mut data = Vec::with_capacity(plans.len() * dim);
    for plan in &plans {
        match plan {
            Ok(row) => data.extend_from_slice(vectors.row(*row)),
            Err(passages) => {
                let rows: Vec<usize> = passages.iter().map(|i| position[i]).collect();
                data.extend(normalized_mean(&vectors, &rows));
            }
        }
    }
    Ok((items, Embeddings { dim, data }, stats))
}

/// With `--unit document`: the documents that repeat another document whole (every passage
/// a duplicate of a passage of that one document) are taken out of the items, so that they
/// weigh once in clustering, and returned as twins of the item they repeat.
pub fn separate_twins(
    corpus: &Corpus,
    items: Vec<Item>,
    vectors: Embeddings,
) -> (Vec<Item>, Embeddings, Vec<Twin>) {
    let document_of: HashMap<&str, usize> = corpus
        .passages
        .iter()
        .map(|p| (p.id.as_str(), p.doc_index))
        .collect();
    // For each document, the one other document all its passages repeat, if any.
    let mut repeats: Vec<Option<usize>> = vec![None; corpus.documents.len()];
    for (d, slot) in repeats.iter_mut().enumerate() {
        let originals: Vec<Option<usize>> = corpus
            .passages
            .iter()
            .filter(|p| p.doc_index == d)
            .map(|p| {
                p.duplicate_of
                    .as_deref()
                    .and_then(|id| document_of.get(id).copied())
            })
            .collect();
        if let Some(Some(first)) = originals.first() {
            if *first != d && originals.iter().all(|o| *o == Some(*first)) {
                *slot = Some(*first);
            }
        }
    }
    let item_of_document: HashMap<usize, usize> = items
        .iter()
        .enumerate()
        .filter(|(_, item)| repeats[item.document].is_none())
        .enumerate()
        .map(|(kept, (_, item))| (item.document, kept))
        .collect();
    let mut kept_items = Vec::new();
    let mut data = Vec::with_capacity(vectors.data.len());
    let mut twins = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        // Duplicates point at a first occurrence, which is never a duplicate itself, so the
        // document repeated is never a twin.
        let original = repeats[item.document];
        match original.and_then(|o| item_of_document.get(&o)) {
            Some(&of) => {
                tracing::warn!(
                    "{}: repeats {}; reported with its cluster and theme",
                    item.source,
                    original.map_or("?", |o| corpus.documents[o].source.as_str())
                );
                twins.push(Twin { item, of });
            }
            None => {
                data.extend_from_slice(vectors.row(i));
                kept_items.push(item);
            }
        }
    }
    let dim = vectors.dim;
    (kept_items, Embeddings { dim, data }, twins)
}

/// A corpus's embedded units as a [`MemoryStore`] (what `neighbors CORPUS` and `serve
/// CORPUS` search): each item a passage, its document's date and key (its position in the
/// corpus) carried along.
pub fn memory_store(
    name: impl Into<String>,
    corpus: &Corpus,
    items: Vec<Item>,
    vectors: Embeddings,
) -> Result<MemoryStore> {
    let date_of = |document: usize| {
        corpus
            .documents
            .get(document)
            .and_then(|d| d.date)
            .map(|d| d.to_string())
    };
    let documents = corpus
        .documents
        .iter()
        .enumerate()
        .map(|(key, d)| DocumentRow {
            key: key as i64,
            id: d.id.clone(),
            source: d.source.clone(),
            title: d.title.clone(),
            date: d.date.map(|d| d.to_string()),
        })
        .collect();
    let passages = items
        .into_iter()
        .map(|item| MemoryPassage {
            passage: Passage {
                key: 0,
                date: date_of(item.document),
                document: corpus
                    .documents
                    .get(item.document)
                    .map(|d| d.id.clone())
                    .unwrap_or_default(),
                id: item.id,
                source: item.source,
                start: item.span.map(|s| s.0),
                end: item.span.map(|s| s.1),
                lang: item.lang,
                text: item.text,
            },
            document: item.document as i64,
            input: item.input,
        })
        .collect();
    MemoryStore::new(name, documents, passages, vectors)
}

/// A corpus read, split and embedded now with the passage prompt, held in memory for
/// search (`neighbors CORPUS`, `serve CORPUS`).
pub fn embed_corpus_store(
    spec: &CorpusSpec,
    embedder: &Embedder,
    mut cache: Option<&mut EmbeddingCache>,
) -> Result<MemoryStore> {
    let prompt = PromptChoice::Passage;
    let prefix = prompt.prefix(&embedder.info().prompts).to_string();
    let corpus = spec.read_for(embedder, &prefix, cache.as_deref_mut())?;
    let (items, vectors, _) = embed_units(embedder, &corpus, Unit::Passage, &prompt, cache)?;
    memory_store(spec.names(), &corpus, items, vectors)
}

/// What `embed` made: the units and their vectors, how the embedding went, from how many
/// documents, in how many seconds (reading and splitting not counted).
pub struct Embedded {
    pub units: Vec<Item>,
    pub embeddings: Embeddings,
    pub stats: EmbedStats,
    pub documents: usize,
    pub seconds: f64,
}

/// The inputs embedded in `unit`s: records as read (`Unit::Text`), or the corpus cut into
/// passages (and rolled up into documents).
pub fn embed_inputs(
    spec: &CorpusSpec,
    unit: Unit,
    embedder: &Embedder,
    prompt: &PromptChoice,
    mut cache: Option<&mut EmbeddingCache>,
) -> Result<Embedded> {
    let (units, embeddings, stats, documents, started) = if unit == Unit::Text {
        let documents = read_inputs(&spec.inputs, &spec.read)?;
        let started = Instant::now();
        let (units, embeddings, stats) = embed_records(embedder, &documents, prompt, cache)?;
        (units, embeddings, stats, documents.len(), started)
    } else {
        let mut spec = spec.clone();
        if unit == Unit::Document {
            // Every document keeps all its passages for its mean.
            spec.passages.keep_duplicates = true;
        }
        let prefix = prompt.prefix(&embedder.info().prompts).to_string();
        let corpus = spec.read_for(embedder, &prefix, cache.as_deref_mut())?;
        let started = Instant::now();
        let (units, embeddings, stats) = embed_units(embedder, &corpus, unit, prompt, cache)?;
        (units, embeddings, stats, corpus.documents.len(), started)
    };
    Ok(Embedded {
        units,
        embeddings,
        stats,
        documents,
        seconds: started.elapsed().as_secs_f64(),
    })
}
