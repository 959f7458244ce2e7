//! Reading a corpus for a command: the inputs read, the documents outside the dates left
//! out, the rest cleaned and cut into passages; token counts remembered in the embedding
//! cache so that unchanged documents do not even load the tokenizer.

use crate::cache::{EmbeddingCache, RememberedCounter};
use crate::corpus::{
    build_passages, read_inputs, Corpus, DateRange, Document, PassageOptions, ReadOptions,
    TokenCounter,
};
use crate::embed::Embedder;
use anyhow::Result;
use std::path::PathBuf;

/// What to read and how to cut it.
pub struct CorpusRequest<'a> {
    pub inputs: &'a [PathBuf],
    pub read: &'a ReadOptions,
    pub passages: &'a PassageOptions,
    pub dates: DateRange,
}

/// Why a corpus came out empty, for front ends to word (and name their flags).
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("none of the {read} documents read is dated {dates} (dates are found near the top of each text)")]
    NoneDated { read: usize, dates: String },
    #[error("no passages left in the inputs after cleaning ({dropped} lines dropped)")]
    NoPassages { dropped: usize },
}

/// Reads the inputs and cuts the documents `request.dates` keeps into passages, counting
/// tokens (the prompt and special tokens included) with `counter`.
pub fn read_corpus(request: &CorpusRequest<'_>, counter: &dyn TokenCounter) -> Result<Corpus> {
    let documents = read_inputs(request.inputs, request.read)?;
    let read = documents.len();
    let documents: Vec<Document> = documents
        .into_iter()
        .filter(|d| request.dates.keeps(d.date))
        .collect();
    if documents.is_empty() {
        return Err(CorpusError::NoneDated {
            read,
            dates: request.dates.describe(),
        }
        .into());
    }
    let corpus = build_passages(documents, request.passages, counter);
    if corpus.passages.is_empty() {
        return Err(CorpusError::NoPassages {
            dropped: corpus.dropped.len(),
        }
        .into());
    }
    Ok(corpus)
}

/// Runs `f` with a counter of the embedder's tokens after the prompt `prefix`: answers are
/// remembered in `cache` when there is one (the tokenizer is loaded only for a text not
/// counted before), and the new ones stored when `f` is done.
pub fn with_token_counter<R>(
    embedder: &Embedder,
    prefix: &str,
    cache: Option<&mut EmbeddingCache>,
    f: impl FnOnce(&dyn TokenCounter) -> R,
) -> Result<R> {
    let Some(cache) = cache else {
        return Ok(f(&embedder.tokenizer()?.counter(prefix)));
    };
    let fingerprint = embedder.fingerprint()?.to_string();
    let (result, new) = {
        let counter = RememberedCounter::new(cache, &fingerprint, prefix, || embedder.tokenizer());
        let result = f(&counter);
        (result, counter.into_new())
    };
    cache.put_token_data(&new?)?;
    Ok(result)
}
