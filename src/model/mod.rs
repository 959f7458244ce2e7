//! The model stage: where a model comes from (hub, local directory, offline copies), what
//! its files say (architecture, pooling, normalisation, prompts, maximum length), and
//! loading it into a [`Model`]: a candle encoder plus its tokenizer.

mod attention;
mod bert;
mod catalog;
mod config;
mod decoder;
mod encoder;
mod fingerprint;
mod gemma3;
mod int8;
mod kernels;
mod linear;
pub use linear::Int8OnGpu;
mod matryoshka;
mod modernbert;
mod nomic_bert;
mod pooling;
mod projection;
mod prompts;
mod qwen3;
mod resolve;
mod spec;
mod token_table;
mod tokenizer;
mod unigram;

pub use catalog::{
    architectures, Checked, DenseDescription, KnownModel, ModelDescription, KNOWN_MODELS,
};
pub(crate) use config::read_json as read_optional_json;
pub use config::{Architecture, ModelConfig, SentenceTransformersConfig};
pub use encoder::{Encoder, TokenBatch, WeightFormat};
pub use fingerprint::silica_cache_dir;
pub use int8::{Int8Kernel, Int8Weight};

pub use matryoshka::{check_dimensions, DimensionRule, MatryoshkaTraining};
pub use pooling::Pooling;
pub use projection::{DenseConfig, DenseModule, Projection};
pub use prompts::{PromptChoice, Prompts};
pub use resolve::{ModelFiles, ModelLocator, ModelOrigin};
pub use spec::{ModelSpec, DEFAULT_MODEL};
pub use tokenizer::{Encoded, PromptedCounter, TextTokenizer, TokenPiece};
pub use unigram::{CompactUnigram, UnigramError};

use anyhow::{Context, Result};
use candle_core::Device;

/// Everything the embedder needs to know about a model, beyond its weights.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelInfo {
    /// What the user asked for, for logs and outputs (`intfloat/multilingual-e5-small`).
    pub name: String,
    pub architecture: Architecture,
    pub hidden_size: usize,
    /// How many values a sentence vector has: the last Dense module's output, else the
    /// hidden size.
    pub dimension: usize,
    /// The Dense modules between pooling and normalisation.
    pub dense: Vec<DenseModule>,
    pub pooling: Pooling,
    pub normalize: bool,
    /// Longest input in tokens, special tokens included; longer inputs are truncated.
    pub max_tokens: usize,
    pub prompts: Prompts,
}

/// A model: what the files say, then the tokenizer and the encoder weights on a device,
/// each loaded on first use ([`Model::tokenizer`], [`Model::encoder`]): a run whose every
/// text is in the embedding cache, and whose token counts are remembered, reads neither
/// (multilingual-e5-small: a 17 MB tokenizer that takes most of a second to build, and 470 MB
/// of weights).
pub struct Model {
    pub info: ModelInfo,
    pub files: ModelFiles,
    tokenizer: std::sync::OnceLock<std::sync::Arc<TextTokenizer>>,
    config: ModelConfig,
    device: Device,
    format: WeightFormat,
    encoder: std::sync::OnceLock<Encoder>,
    projection: std::sync::OnceLock<Projection>,
}

impl Model {
    /// Loads the files found by [`ModelLocator`] onto `device`, the linear layers'
    /// weights held in `format`, weights included.
    pub fn load(files: &ModelFiles, device: &Device, format: WeightFormat) -> Result<Self> {
        let model = Self::open(files, device, format)?;
        model.encoder()?;
        Ok(model)
    }

    /// Reads the configuration; the tokenizer and the weights wait for their first use.
    pub fn open(files: &ModelFiles, device: &Device, format: WeightFormat) -> Result<Self> {
        let (info, config) = Self::read_info(files)?;
        Ok(Self {
            info,
            tokenizer: std::sync::OnceLock::new(),
            files: files.clone(),
            config,
            device: device.clone(),
            format,
            encoder: std::sync::OnceLock::new(),
            projection: std::sync::OnceLock::new(),
        })
    }

    /// The encoder, its weights loaded on the first call.
    pub fn encoder(&self) -> Result<&Encoder> {
        if let Some(encoder) = self.encoder.get() {
            return Ok(encoder);
        }
        let encoder = Encoder::load(&self.config, &self.files.weights, &self.device, self.format)
            .with_context(|| {
            format!("loading weights from {}", self.files.weights.display())
        })?;
        tracing::info!("weights loaded from {}", self.files.weights.display());
        Ok(self.encoder.get_or_init(|| encoder))
    }

    /// The Dense modules after pooling, loaded on the first call.
    pub fn projection(&self) -> Result<&Projection> {
        if let Some(projection) = self.projection.get() {
            return Ok(projection);
        }
        let projection = Projection::load(&self.info.dense, self.info.hidden_size, &self.device)?;
        Ok(self.projection.get_or_init(|| projection))
    }

    /// The tokenizer, loaded on the first call.
    pub fn tokenizer(&self) -> Result<&TextTokenizer> {
        self.shared_tokenizer_ref().map(|t| &**t)
    }

    /// The tokenizer as a handle other threads can hold (the service tokenizes for
    /// `/tokenize` while the model thread embeds).
    pub fn shared_tokenizer(&self) -> Result<std::sync::Arc<TextTokenizer>> {
        self.shared_tokenizer_ref().cloned()
    }

    fn shared_tokenizer_ref(&self) -> Result<&std::sync::Arc<TextTokenizer>> {
        if let Some(tokenizer) = self.tokenizer.get() {
            return Ok(tokenizer);
        }
        let tokenizer = TextTokenizer::load(
            &self.files.tokenizer,
            self.config.vocab_size,
            self.info.max_tokens,
        )?;
        tracing::info!("tokenizer loaded from {}", self.files.tokenizer.display());
        Ok(self
            .tokenizer
            .get_or_init(|| std::sync::Arc::new(tokenizer)))
    }

    /// Whether the weights have been loaded.
    pub fn weights_loaded(&self) -> bool {
        self.encoder.get().is_some()
    }

    /// How the linear layers' weights are held.
    pub fn weight_format(&self) -> WeightFormat {
        self.format
    }

    /// What a model says of itself and its tokenizer, without loading the weights: enough
    /// to count tokens and split passages.
    pub fn load_tokenizer(files: &ModelFiles) -> Result<(ModelInfo, TextTokenizer)> {
        let (info, config) = Self::read_info(files)?;
        let tokenizer = TextTokenizer::load(&files.tokenizer, config.vocab_size, info.max_tokens)?;
        Ok((info, tokenizer))
    }

    /// What the configuration files say (no tokenizer, no weights).
    fn read_info(files: &ModelFiles) -> Result<(ModelInfo, ModelConfig)> {
        let config = ModelConfig::read(&files.config)?;
        let st = SentenceTransformersConfig::read(&files.dir)?;
        let max_tokens = st
            .max_seq_length
            .unwrap_or(config.max_positions)
            .min(config.max_positions);
        let prompts = st
            .prompts
            .clone()
            .unwrap_or_else(|| Prompts::known_for(&files.name));
        let info = ModelInfo {
            name: files.name.clone(),
            architecture: config.architecture,
            hidden_size: config.hidden_size,
            dimension: st
                .dense
                .last()
                .map_or(config.hidden_size, |d| d.config.out_features),
            dense: st.dense.clone(),
            pooling: st.pooling,
            normalize: st.normalize,
            max_tokens,
            prompts,
        };
        Ok((info, config))
    }
}
