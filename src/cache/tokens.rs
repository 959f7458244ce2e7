//! Remembered token counts: the splitter's questions ("how many tokens is this paragraph
//! with the prompt?", "where are the token boundaries of this sentence?") answered from the
//! embedding cache when asked before, so that a run over unchanged documents, whose vectors
//! are cached too, never loads the tokenizer (most of a second for multilingual-e5's).
//!
//! Keys are blake3 hashes of the model's fingerprint, the prompt, the question and the text:
//! another model, prompt or text asks the tokenizer again.

use super::EmbeddingCache;
use crate::model::TextTokenizer;
use crate::tokens::TokenCounter;
use anyhow::Result;
use std::cell::RefCell;
use std::ops::Range;

/// A [`TokenCounter`] that answers from the cache, and asks the tokenizer (loaded by
/// `load` on the first miss) otherwise. New answers are kept until
/// [`RememberedCounter::finish`] stores them.
pub struct RememberedCounter<'a> {
    cache: &'a EmbeddingCache,
    namespace: blake3::Hasher,
    prefix: String,
    load: Box<dyn Fn() -> Result<&'a TextTokenizer> + 'a>,
    new: RefCell<Vec<([u8; 32], Vec<u8>)>>,
    /// The first failure (tokenizer load or cache read); counts after it are 0.
    failure: RefCell<Option<anyhow::Error>>,
}

impl<'a> RememberedCounter<'a> {
    pub fn new(
        cache: &'a EmbeddingCache,
        model_fingerprint: &str,
        prefix: &str,
        load: impl Fn() -> Result<&'a TextTokenizer> + 'a,
    ) -> Self {
        let mut namespace = blake3::Hasher::new();
        namespace.update(b"silica token counts v1\0");
        namespace.update(model_fingerprint.as_bytes());
        namespace.update(&[0]);
        namespace.update(prefix.as_bytes());
        namespace.update(&[0]);
        Self {
            cache,
            namespace,
            prefix: prefix.to_string(),
            load: Box::new(load),
            new: RefCell::new(Vec::new()),
            failure: RefCell::new(None),
        }
    }

    fn key(&self, question: u8, text: &str) -> [u8; 32] {
        let mut h = self.namespace.clone();
        h.update(&[question]);
        h.update(text.as_bytes());
        *h.finalize().as_bytes()
    }

    fn fail(&self, e: anyhow::Error) {
        self.failure.borrow_mut().get_or_insert(e);
    }

    /// The remembered answer, or the tokenizer's (remembered from now on).
    fn answer(
        &self,
        question: u8,
        text: &str,
        ask: impl FnOnce(&TextTokenizer) -> Vec<u8>,
    ) -> Option<Vec<u8>> {
        if self.failure.borrow().is_some() {
            return None;
        }
        let key = self.key(question, text);
        match self.cache.token_data(&key) {
            Ok(Some(data)) => return Some(data),
            Ok(None) => {}
            Err(e) => {
                self.fail(e);
                return None;
            }
        }
        match (self.load)() {
            Ok(tokenizer) => {
                let data = ask(tokenizer);
                self.new.borrow_mut().push((key, data.clone()));
                Some(data)
            }
            Err(e) => {
                self.fail(e);
                None
            }
        }
    }
}

impl RememberedCounter<'_> {
    /// What the tokenizer answered in this run, to store with
    /// [`EmbeddingCache::put_token_data`] once the counter is done; or the first failure.
    pub fn into_new(self) -> Result<Vec<([u8; 32], Vec<u8>)>> {
        if let Some(e) = self.failure.into_inner() {
            return Err(e);
        }
        Ok(self.new.into_inner())
    }
}

const COUNT: u8 = b'c';
const SPANS: u8 = b's';

impl TokenCounter for RememberedCounter<'_> {
    fn count(&self, text: &str) -> usize {
        self.answer(COUNT, text, |t| {
            (t.counter(&self.prefix).count(text) as u64)
                .to_le_bytes()
                .to_vec()
        })
        .and_then(|d| <[u8; 8]>::try_from(d.as_slice()).ok())
        .map_or(0, |b| u64::from_le_bytes(b) as usize)
    }

    fn token_spans(&self, text: &str) -> Vec<Range<usize>> {
        let Some(data) = self.answer(SPANS, text, |t| {
            t.counter(&self.prefix)
                .token_spans(text)
                .iter()
                .flat_map(|r| [(r.start as u64).to_le_bytes(), (r.end as u64).to_le_bytes()])
                .flatten()
                .collect()
        }) else {
            return Vec::new();
        };
        data.chunks_exact(16)
            .map(|c| {
                let start = u64::from_le_bytes(c[..8].try_into().unwrap_or([0; 8])) as usize;
                let end = u64::from_le_bytes(c[8..].try_into().unwrap_or([0; 8])) as usize;
                start..end
            })
            .filter(|r| r.start < r.end && r.end <= text.len())
            .collect()
    }
}
