use crate::tokens::TokenCounter;
use anyhow::{anyhow, bail, Context, Result};
use std::ops::Range;
use std::path::Path;
use tokenizers::{
    DecoderWrapper, NormalizerWrapper, PostProcessorWrapper, PreTokenizerWrapper, Tokenizer,
    TokenizerImpl, TruncationDirection,
};

use super::unigram::CompactUnigram;

/// A tokenizer whose model is [`CompactUnigram`]: everything else is the crate's.
type UnigramTokenizer = TokenizerImpl<
    CompactUnigram,
    NormalizerWrapper,
    PreTokenizerWrapper,
    PostProcessorWrapper,
    DecoderWrapper,
>;

/// The tokenizer behind a [`TextTokenizer`]: unigram vocabularies (multilingual-e5's
/// SentencePiece) through [`CompactUnigram`], which loads in a fraction of the crate's time,
/// and any other model (WordPiece, BPE) through the crate as it is.
enum Engine {
    Unigram(Box<UnigramTokenizer>),
    Crate(Box<Tokenizer>),
}

/// Runs the same code on either engine (both are a `TokenizerImpl`, with different models).
macro_rules! on_engine {
    ($engine:expr, $t:ident => $body:expr) => {
        match $engine {
            Engine::Unigram($t) => $body,
            Engine::Crate($t) => $body,
        }
    };
}

/// A model's tokenizer, set up as sentence-transformers uses it: truncation at the model's
/// maximum length (special tokens kept) and no padding. `tokenizer.json` files carry their
/// own truncation and padding settings (all-MiniLM-L6-v2's truncate at 128 and pad to 128);
/// sentence-transformers overrides both, so silica does too.
///
/// One tokenizer object serves both counting (untruncated) and the model's input
/// (truncated by hand, then given its special tokens, as the crate's own truncation does):
/// a second, truncating copy doubled the memory (multilingual-e5's 250,000-piece unigram
/// trie) and the load time.
pub struct TextTokenizer {
    inner: Engine,
    max_tokens: usize,
    /// Special tokens the post-processor adds to one sequence ([CLS] and [SEP]: 2).
    added_tokens: usize,
    pad_id: u32,
    /// Ids the tokenizer can produce (its model's and its added tokens').
    vocab_size: usize,
}

/// One token of a text, as a tokenize route shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenPiece {
    pub id: u32,
    /// The text the token covers; a special token's own name (`[CLS]`, `<s>`).
    pub text: String,
    /// Added by the post-processor, not read from the text.
    pub special: bool,
    /// Where in the text, in characters (not bytes); none for a special token.
    pub chars: Option<Range<usize>>,
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
        let mut inner = read_engine(path)?;
        // Ids the tokenizer can produce: its model's, then its added tokens'. (The crate's
        // `get_vocab_size(true)` copies the whole vocabulary to count it: 250,000 strings.)
        let vocab = on_engine!(&inner, t => t
            .get_added_tokens_decoder()
            .keys()
            .map(|&id| id as usize + 1)
            .fold(t.get_vocab_size(false), usize::max));
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
        on_engine!(&mut inner, t => {
            t.with_padding(None);
            t.with_truncation(None)
                .map_err(|e| anyhow!("{}: {e}", path.display()))?;
        });
        let added_tokens = on_engine!(&inner, t => t
            .get_post_processor()
            .map_or(0, |p| tokenizers::PostProcessor::added_tokens(p, false)));
        if max_tokens <= added_tokens {
            bail!(
                "{}: maximum length {max_tokens} leaves no room for text after {added_tokens} special tokens",
                path.display()
            );
        }

        let pad_id = ["<pad>", "[PAD]", "<|endoftext|>"]
            .iter()
            .find_map(|name| on_engine!(&inner, t => t.token_to_id(name)))
            .unwrap_or(0);
        Ok(Self {
            inner,
            max_tokens,
            added_tokens,
            pad_id,
            vocab_size: vocab,
        })
    }

    /// Tokenizes (query, passage) pairs as a cross-encoder reads them: both texts with the
    /// post-processor's pair template (`[CLS] q [SEP] p [SEP]`, `<s> q </s></s> p </s>`)
    /// and its type ids, cut to the maximum length longest-first (tokens come off the
    /// longer text), as `transformers` does for sentence-transformers' CrossEncoder.
    pub fn encode_pairs(&self, pairs: &[(&str, &str)]) -> Result<Vec<Encoded>> {
        use tokenizers::utils::truncation::{
            truncate_encodings, TruncationParams, TruncationStrategy,
        };
        let pair_tokens = on_engine!(&self.inner, t => t
            .get_post_processor()
            .map_or(0, |p| tokenizers::PostProcessor::added_tokens(p, true)));
        if self.max_tokens <= pair_tokens {
            bail!(
                "maximum length {} leaves no room for a pair after {pair_tokens} special tokens",
                self.max_tokens
            );
        }
        let params = TruncationParams {
            max_length: self.max_tokens - pair_tokens,
            strategy: TruncationStrategy::LongestFirst,
            ..TruncationParams::default()
        };
        pairs
            .iter()
            .map(|&(first, second)| {
                let one = |text: &str| {
                    on_engine!(&self.inner, t => t.encode(text, false))
                        .map_err(|e| anyhow!("tokenizing: {e}"))
                };
                let (a, b) = (one(first)?, one(second)?);
                let untruncated = a.len() + b.len();
                let (a, b) = truncate_encodings(a, Some(b), &params)
                    .map_err(|e| anyhow!("truncating a pair: {e}"))?;
                let truncated = a.len() + b.as_ref().map_or(0, |b| b.len()) < untruncated;
                self.with_special_tokens(a, b, truncated)
            })
            .collect()
    }

    /// Ids this tokenizer can produce: `0..vocab_size`.
    pub fn vocab_size(&self) -> usize {
        self.vocab_size
    }

    /// The tokens of one text as the model reads it (untruncated), with the special tokens
    /// when `add_special` and where each covers the text.
    pub fn pieces(&self, text: &str, add_special: bool) -> Result<Vec<TokenPiece>> {
        let encoding = on_engine!(&self.inner, t => t.encode_char_offsets(text, add_special))
            .map_err(|e| anyhow!("tokenizing: {e}"))?;
        let chars: Vec<char> = text.chars().collect();
        let pieces = encoding
            .get_ids()
            .iter()
            .zip(encoding.get_offsets())
            .zip(encoding.get_special_tokens_mask())
            .zip(encoding.get_tokens())
            .map(|(((&id, &(start, stop)), &special), token)| {
                if special == 1 {
                    return TokenPiece {
                        id,
                        text: token.clone(),
                        special: true,
                        chars: None,
                    };
                }
                let stop = stop.min(chars.len());
                let start = start.min(stop);
                TokenPiece {
                    id,
                    text: chars[start..stop].iter().collect(),
                    special: false,
                    chars: Some(start..stop),
                }
            })
            .collect();
        Ok(pieces)
    }

    /// The text of token ids; an id the tokenizer cannot produce is an error naming it.
    pub fn decode(&self, ids: &[u32], skip_special: bool) -> Result<String> {
        if let Some(&id) = ids.iter().find(|&&id| id as usize >= self.vocab_size) {
            bail!(
                "token id {id} is not in this tokenizer's vocabulary (ids 0 to {})",
                self.vocab_size - 1
            );
        }
        on_engine!(&self.inner, t => t.decode(ids, skip_special))
            .map_err(|e| anyhow!("decoding: {e}"))
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

    /// Tokenizes texts (in parallel), cut at the model's maximum length with its special
    /// tokens kept, as sentence-transformers does: the text's tokens are cut to leave room for
    /// the special tokens, which are then added.
    pub fn encode_batch(&self, texts: &[String]) -> Result<Vec<Encoded>> {
        let room = self.max_tokens - self.added_tokens;
        let encodings = on_engine!(&self.inner, t => t.encode_batch(texts.to_vec(), false))
            .map_err(|e| anyhow!("tokenizing: {e}"))
            .context("the tokenizer failed")?;
        encodings
            .into_iter()
            .map(|mut e| {
                let truncated = e.len() > room;
                e.truncate(room, 0, TruncationDirection::Right);
                self.with_special_tokens(e, None, truncated)
            })
            .collect()
    }

    /// A (cut) text, or pair, given the post-processor's special tokens and type ids.
    fn with_special_tokens(
        &self,
        first: tokenizers::Encoding,
        second: Option<tokenizers::Encoding>,
        truncated: bool,
    ) -> Result<Encoded> {
        let e = on_engine!(&self.inner, t => t.post_process(first, second, true))
            .map_err(|e| anyhow!("tokenizing: {e}"))?;
        Ok(Encoded {
            truncated,
            ids: e.get_ids().to_vec(),
            type_ids: e.get_type_ids().to_vec(),
        })
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
        on_engine!(&self.tokenizer.inner, t => t.encode(input, true))
            .map(|e| e.len())
            .unwrap_or(0)
    }

    fn token_spans(&self, text: &str) -> Vec<Range<usize>> {
        let Ok(encoding) = on_engine!(&self.tokenizer.inner, t => t.encode(text, false)) else {
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

    fn as_sync(&self) -> Option<&(dyn TokenCounter + Sync)> {
        Some(self)
    }
}

/// Reads `tokenizer.json` once: as a unigram tokenizer when its model is one, else through the
/// crate. A file that fails both is reported with the crate's reason.
fn read_engine(path: &Path) -> Result<Engine> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    if let Ok(unigram) = serde_json::from_slice::<UnigramTokenizer>(&bytes) {
        return Ok(Engine::Unigram(Box::new(unigram)));
    }
    let tokenizer = Tokenizer::from_bytes(&bytes)
        .map_err(|e| anyhow!("{}: not a usable tokenizer.json: {e}", path.display()))?;
    Ok(Engine::Crate(Box::new(tokenizer)))
}
