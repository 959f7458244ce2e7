//! The model stage: where a model comes from (hub, local directory, offline copies), what
//! its files say (architecture, pooling, normalisation, prompts, maximum length), and
//! loading it into a [`Model`]: a candle encoder plus its tokenizer.

mod config;
mod encoder;
mod kernels;
mod pooling;
mod prompts;
mod resolve;
mod spec;
mod tokenizer;

pub use config::{Architecture, ModelConfig, SentenceTransformersConfig};
pub use encoder::{Encoder, TokenBatch, WeightFormat};
pub use kernels::{erf, exp, gelu};
pub use pooling::Pooling;
pub use prompts::{PromptChoice, Prompts};
pub use resolve::{ModelFiles, ModelLocator, ModelOrigin};
pub use spec::{ModelSpec, DEFAULT_MODEL};
pub use tokenizer::{Encoded, PromptedCounter, TextTokenizer};

use anyhow::{Context, Result};
use candle_core::Device;

/// Everything the embedder needs to know about a model, beyond its weights.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelInfo {
    /// What the user asked for, for logs and outputs (`intfloat/multilingual-e5-small`).
    pub name: String,
    pub architecture: Architecture,
    pub hidden_size: usize,
    pub pooling: Pooling,
    pub normalize: bool,
    /// Longest input in tokens, special tokens included; longer inputs are truncated.
    pub max_tokens: usize,
    pub prompts: Prompts,
}

/// A loaded model: encoder weights on a device, tokenizer, and what the files say.
pub struct Model {
    pub info: ModelInfo,
    pub encoder: Encoder,
    pub tokenizer: TextTokenizer,
    pub files: ModelFiles,
}

impl Model {
    /// Loads the files found by [`ModelLocator`] onto `device`, the linear layers'
    /// weights held in `format`.
    pub fn load(files: &ModelFiles, device: &Device, format: WeightFormat) -> Result<Self> {
        let (info, tokenizer, config) = Self::read_text_side(files)?;
        let encoder = Encoder::load(&config, &files.weights, device, format)
            .with_context(|| format!("loading weights from {}", files.weights.display()))?;
        Ok(Self {
            info,
            encoder,
            tokenizer,
            files: files.clone(),
        })
    }

    /// What a model says of itself and its tokenizer, without loading the weights: enough
    /// to count tokens and split passages.
    pub fn load_tokenizer(files: &ModelFiles) -> Result<(ModelInfo, TextTokenizer)> {
        let (info, tokenizer, _) = Self::read_text_side(files)?;
        Ok((info, tokenizer))
    }

    fn read_text_side(files: &ModelFiles) -> Result<(ModelInfo, TextTokenizer, ModelConfig)> {
        let config = ModelConfig::read(&files.config)?;
        let st = SentenceTransformersConfig::read(&files.dir)?;
        let max_tokens = st
            .max_seq_length
            .unwrap_or(config.max_positions)
            .min(config.max_positions);
        let tokenizer = TextTokenizer::load(&files.tokenizer, config.vocab_size, max_tokens)?;
        let prompts = st
            .prompts
            .clone()
            .unwrap_or_else(|| Prompts::known_for(&files.name));
        let info = ModelInfo {
            name: files.name.clone(),
            architecture: config.architecture,
            hidden_size: config.hidden_size,
            pooling: st.pooling,
            normalize: st.normalize,
            max_tokens,
            prompts,
        };
        Ok((info, tokenizer, config))
    }
}
