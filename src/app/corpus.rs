//! Reading a corpus for a command: the inputs read, the documents outside the dates left
//! out, the rest cleaned and cut into passages; token counts remembered in the embedding
//! cache so that unchanged documents do not even load the tokenizer.

use crate::cache::{EmbeddingCache, RememberedCounter};
use crate::corpus::{
    build_passages, read_inputs, Corpus, DateRange, Document, PassageOptions, ReadOptions,
    TokenCounter,
};
use crate::embed::Embedder;
use crate::model::ModelInfo;
use anyhow::Result;
use std::path::PathBuf;

/// How documents are cut into passages, as asked: the window may be left to the model.
#[derive(Debug, Clone)]
pub struct PassageChoices {
    /// Most model tokens in a passage, prompt and special tokens included (default: the
    /// model's window; more than the window is cut to it).
    pub max_tokens: Option<usize>,
    pub overlap: usize,
    pub min_chars: usize,
    pub keep_all: bool,
    pub keep_duplicates: bool,
}

impl Default for PassageChoices {
    /// The model's window, no overlap, paragraphs under 40 characters merged (as
    /// [`PassageOptions::new`]): `silica passages`' defaults.
    fn default() -> Self {
        let options = PassageOptions::new(0);
        Self {
            max_tokens: None,
            overlap: options.overlap,
            min_chars: options.min_chars,
            keep_all: options.keep_all,
            keep_duplicates: options.keep_duplicates,
        }
    }
}

impl PassageChoices {
    /// How documents are cut for `info`'s window, the prompt and special tokens (counted
    /// by `counter`) included.
    pub fn options(&self, info: &ModelInfo, counter: &dyn TokenCounter) -> Result<PassageOptions> {
        let window = info.max_tokens;
        let max_tokens = match self.max_tokens {
            None => window,
            Some(n) if n > window => {
                tracing::warn!(
                    "at most {n} tokens a passage is more than {}'s window; using {window}",
                    info.name
                );
                window
            }
            Some(n) => n,
        };
        let floor = counter.count("") + 1;
        if max_tokens < floor {
            return Err(CorpusError::NoRoom {
                max_tokens,
                taken: floor - 1,
            }
            .into());
        }
        Ok(PassageOptions {
            max_tokens,
            overlap: self.overlap,
            min_chars: self.min_chars,
            keep_all: self.keep_all,
            keep_duplicates: self.keep_duplicates,
        })
    }
}

/// A corpus as a command names it: the inputs, how they are read, which documents by
/// date, how they are cut.
#[derive(Debug, Clone, Default)]
pub struct CorpusSpec {
    pub inputs: Vec<PathBuf>,
    pub read: ReadOptions,
    pub passages: PassageChoices,
    pub dates: DateRange,
}

impl CorpusSpec {
    /// The inputs as named, for messages ("seeds/ more.jsonl").
    pub fn names(&self) -> String {
        let names: Vec<String> = self
            .inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        names.join(" ")
    }

    /// Reads the inputs and cuts them into passages fitting `info`'s window, counting
    /// tokens (the prompt and special tokens included) with `counter`.
    pub fn read(&self, info: &ModelInfo, counter: &dyn TokenCounter) -> Result<Corpus> {
        let request = CorpusRequest {
            inputs: &self.inputs,
            read: &self.read,
            passages: &self.passages.options(info, counter)?,
            dates: self.dates,
        };
        read_corpus(&request, counter)
    }

    /// As [`CorpusSpec::read`] with the embedder's tokenizer after the prompt `prefix`,
    /// whose answers are remembered in `cache` when there is one: over unchanged documents
    /// the tokenizer is not even loaded.
    pub fn read_for(
        &self,
        embedder: &Embedder,
        prefix: &str,
        cache: Option<&mut EmbeddingCache>,
    ) -> Result<Corpus> {
        with_token_counter(embedder, prefix, cache, |counter| {
            self.read(embedder.info(), counter)
        })?
    }
}

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
    #[error("at most {max_tokens} tokens a passage leaves no room for text (the prompt and special tokens take {taken})")]
    NoRoom { max_tokens: usize, taken: usize },
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
