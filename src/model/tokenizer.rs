use crate::corpus::TokenCounter;
use anyhow::{anyhow, bail, Context, Result};
use std::ops::Range;
use std::path::Path;
use tokenizers::{Tokenizer, TruncationDirection, TruncationParams, TruncationStrategy};

/// A model's tokenizer, set up as sentence-transformers uses it: truncation at the model's
/// maximum length (special tokens kept) and no padding. `tokenizer.json` files carry their
/// own truncation and padding settings (all-MiniLM-L6-v2's truncate at 128 and pad to 128);
/// sentence-transformers overrides both, so silica does too.
pub struct TextTokenizer {
    inner: Tokenizer,
    /// The same tokenizer without truncation, to count tokens past the window.
    counting: Tokenizer,
    max_tokens: usize,
    pad_id: u32,
}

/// One tokenized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoded {
    pub ids: Vec<u32>,
    pub type_ids: Vec<u32>,
    /// Whether tokens past the maximum length were dropped.
    pub truncated: bool,
}

impl TextTokenizer {
    /// Loads `tokenizer.json` and checks that its vocabulary fits the model's.
    pub fn load(path: &Path, model_vocab_size: usize, max_tokens: usize) -> Result<Self> {
        let mut inner = Tokenizer::from_file(path)
            .map_err(|e| anyhow!("{}: not a usable tokenizer.json: {e}", path.display()))?;
        let vocab = inner.get_vocab_size(true);
        if vocab > model_vocab_size {
            bail!(
                "{}: the tokenizer has {vocab} tokens but the model's config.json has vocab_size {model_vocab_size}; \
                 they are not from the same model",
                path.display()
            );
        }
        if max_tokens < 2 {
            bail!(
                "{}: maximum length {max_tokens} leaves no room for text",
                path.display()
            );
        }
        inner.with_padding(None);
        let counting = {
            let mut t = inner.clone();
            t.with_truncation(None)
                .map_err(|e| anyhow!("{}: {e}", path.display()))?;
            t
        };
        inner
            .with_truncation(Some(TruncationParams {
                max_length: max_tokens,
                strategy: TruncationStrategy::LongestFirst,
                stride: 0,
                direction: TruncationDirection::Right,
            }))
            .map_err(|e| anyhow!("{}: {e}", path.display()))?;

        let pad_id = ["<pad>", "[PAD]", "<|endoftext|>"]
            .iter()
            .find_map(|t| inner.token_to_id(t))
            .unwrap_or(0);
        Ok(Self {
            inner,
            counting,
            max_tokens,
            pad_id,
        })
    }

    pub fn max_tokens(&self) -> usize {
        self.max_tokens
    }

    /// The id used to pad a batch; padded positions are masked out, so its value only
    /// needs to be a valid row of the embedding matrix.
    pub fn pad_id(&self) -> u32 {
        self.pad_id
    }

    /// Counts the tokens of `prefix + text` as the model would read them untruncated:
    /// a [`TokenCounter`] for passage splitting.
    pub fn counter<'a>(&'a self, prefix: &str) -> PromptedCounter<'a> {
        PromptedCounter {
            tokenizer: self,
            prefix: prefix.to_string(),
        }
    }

    /// Tokenizes texts (in parallel), with the model's special tokens.
    pub fn encode_batch(&self, texts: &[String]) -> Result<Vec<Encoded>> {
        let encodings = self
            .inner
            .encode_batch(texts.to_vec(), true)
            .map_err(|e| anyhow!("tokenizing: {e}"))
            .context("the tokenizer failed")?;
        Ok(encodings
            .into_iter()
            .map(|e| Encoded {
                truncated: !e.get_overflowing().is_empty(),
                ids: e.get_ids().to_vec(),
                type_ids: e.get_type_ids().to_vec(),
            })
            .collect())
    }
}

/// Token counts with a prompt before the text and the model's special tokens.
pub struct PromptedCounter<'a> {
    tokenizer: &'a TextTokenizer,
    prefix: String,
}

impl TokenCounter for PromptedCounter<'_> {
    fn count(&self, text: &str) -> usize {
        let input = format!("{}{text}", self.prefix);
        // A tokenizer that fails on a text gives it no tokens; the embedder reports the
        // failure when it tokenizes the same text.
        self.tokenizer
            .counting
            .encode(input, true)
            .map(|e| e.len())
            .unwrap_or(0)
    }

    fn token_spans(&self, text: &str) -> Vec<Range<usize>> {
        let Ok(encoding) = self.tokenizer.counting.encode(text, false) else {
            return Vec::new();
        };
        let mut spans: Vec<Range<usize>> = Vec::new();
        for &(start, end) in encoding.get_offsets() {
            if start >= end
                || end > text.len()
                || !text.is_char_boundary(start)
                || !text.is_char_boundary(end)
            {
                continue;
            }
            match spans.last_mut() {
                // Pieces of one character (byte-fallback tokens) share its offsets.
                Some(last) if start < last.end => last.end = last.end.max(end),
                _ => spans.push(start..end),
            }
        }
        spans
    }
}
