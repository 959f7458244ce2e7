//! The embedding engine: texts in, one L2-normalised vector per text out, in input order.
//!
//! [`Embedder`] tokenizes, forms batches by a token budget over length-sorted texts,
//! runs the encoder with an attention mask, pools over the real tokens and normalises.
//! A text's vector does not depend on the batch it lands in (padding is masked out).

mod batching;
mod device;
mod pool;

pub use batching::{plan_batches, BatchLimits};
pub use device::{default_cpu_threads, device_name, set_cpu_threads, DeviceChoice};
pub use pool::{normalize, pool};

use crate::cache::{CacheKeyer, EmbeddingCache};
use crate::model::{
    DimensionRule, Encoded, Model, ModelInfo, ModelLocator, ModelSpec, PromptChoice, TokenBatch,
    WeightFormat,
};
use anyhow::{Context, Result};
use candle_core::{Device, Tensor};

/// The vectors one call returns (see [`crate::vectors`], where the type lives).
pub use crate::vectors::Embeddings;

/// One text's hidden states: one vector per token.
pub type TokenStates = Vec<Vec<f32>>;

/// What one call embedded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EmbedStats {
    pub texts: usize,
    /// Texts whose vector came from the cache (no forward pass).
    pub cached: usize,
    /// Real tokens, special tokens included, after truncation.
    pub tokens: usize,
    /// Texts longer than the model's maximum length, cut to it.
    pub truncated: usize,
    pub batches: usize,
}

/// The engine every command embeds with.
pub struct Embedder {
    model: Model,
    device: Device,
    limits: BatchLimits,
    fingerprint: std::sync::OnceLock<String>,
    /// The width the model computes; `model.info.dimension` is the width returned, smaller
    /// after [`Self::with_dimensions`]. The cache holds full-width vectors.
    native_dimension: usize,
}

/// How many texts are tokenized and sorted together: large enough that batches are well
/// filled, small enough that tokenized text never dominates memory.
const CHUNK_TEXTS: usize = 8192;

/// How many new vectors are committed to the cache at once.
const CACHE_CHUNK: usize = 256;

impl Embedder {
    pub fn new(model: Model, device: Device, limits: BatchLimits) -> Self {
        Self {
            native_dimension: model.info.dimension,
            model,
            device,
            limits,
            fingerprint: std::sync::OnceLock::new(),
        }
    }

    /// Returns vectors cut to their first `dimensions` values and normalised again, for a
    /// model trained for it ([`DimensionRule`]); [`Self::info`] then gives that width.
    pub fn with_dimensions(mut self, dimensions: usize) -> Result<Self> {
        self.dimension_rule().check(dimensions)?;
        self.model.info.dimension = dimensions;
        Ok(self)
    }

    /// The width the model computes, before any [`Self::with_dimensions`].
    pub fn native_dimension(&self) -> usize {
        self.native_dimension
    }

    /// The widths this model's full vectors may be cut to (for a request that asks).
    pub fn dimension_rule(&self) -> DimensionRule {
        let mut full = self.model.info.clone();
        full.dimension = self.native_dimension;
        DimensionRule::new(&self.model.files, &full)
    }

    /// Finds (see [`ModelLocator`]) and loads a model with f32 weights.
    pub fn load(
        spec: &ModelSpec,
        locator: &ModelLocator,
        device: Device,
        limits: BatchLimits,
    ) -> Result<Self> {
        Self::load_with_format(spec, locator, device, limits, WeightFormat::F32)
    }

    /// Like [`Self::load`], holding the linear layers' weights in `format`.
    pub fn load_with_format(
        spec: &ModelSpec,
        locator: &ModelLocator,
        device: Device,
        limits: BatchLimits,
        format: WeightFormat,
    ) -> Result<Self> {
        let files = locator.locate(spec)?;
        tracing::info!("model {spec}: {} ({:?})", files.dir.display(), files.origin);
        let model = Model::open(&files, &device, format)?;
        Ok(Self::new(model, device, limits))
    }

    pub fn info(&self) -> &ModelInfo {
        &self.model.info
    }

    /// How the linear layers' weights are held.
    /// Reads the weights now rather than on the first text that needs them (for timing
    /// the load on its own).
    pub fn load_weights(&self) -> Result<()> {
        self.model.encoder().map(|_| ())
    }

    pub fn weight_format(&self) -> WeightFormat {
        self.model.weight_format()
    }

    pub fn limits(&self) -> BatchLimits {
        self.limits
    }

    pub fn device(&self) -> &Device {
        &self.device
    }

    /// The model's tokenizer, loaded on first use.
    pub fn tokenizer(&self) -> Result<&crate::model::TextTokenizer> {
        self.model.tokenizer()
    }

    /// The model's tokenizer as a handle another thread can keep.
    pub fn shared_tokenizer(&self) -> Result<std::sync::Arc<crate::model::TextTokenizer>> {
        self.model.shared_tokenizer()
    }

    /// The model's fingerprint, with the weight format when not f32 (computed once;
    /// hashing a local model reads its files).
    pub fn fingerprint(&self) -> Result<&str> {
        if let Some(f) = self.fingerprint.get() {
            return Ok(f);
        }
        let computed = self
            .model
            .files
            .fingerprint_as(self.model.weight_format())?;
        Ok(self.fingerprint.get_or_init(|| computed))
    }

    /// Like [`Self::embed_with_progress`], through `cache` when there is one: cached
    /// vectors are read, the others computed and stored in chunks (each chunk committed,
    /// so an interrupted run keeps what it did).
    pub fn embed_cached<S: AsRef<str>>(
        &self,
        texts: &[S],
        prompt: &PromptChoice,
        cache: Option<&mut EmbeddingCache>,
        progress: impl FnMut(usize),
    ) -> Result<(Embeddings, EmbedStats)> {
        let Some(cache) = cache else {
            return self.embed_with_progress(texts, prompt, progress);
        };
        let (vectors, stats) = self.embed_cached_full(texts, prompt, cache, progress)?;
        Ok((vectors.truncated(self.model.info.dimension), stats))
    }

    /// [`Self::embed_cached`] at the model's full width (what the cache holds).
    fn embed_cached_full<S: AsRef<str>>(
        &self,
        texts: &[S],
        prompt: &PromptChoice,
        cache: &mut EmbeddingCache,
        mut progress: impl FnMut(usize),
    ) -> Result<(Embeddings, EmbedStats)> {
        let info = &self.model.info;
        let keyer = CacheKeyer::new(
            self.fingerprint()?,
            prompt.prefix(&info.prompts),
            &format!("{:?}", info.pooling),
            info.normalize,
            info.max_tokens,
        );
        let keys: Vec<[u8; 32]> = texts.iter().map(|t| keyer.key(t.as_ref())).collect();
        let found = cache.get_many(&keys)?;
        let dim = self.native_dimension;
        let mut data = vec![0f32; texts.len() * dim];
        let mut stats = EmbedStats {
            texts: texts.len(),
            ..Default::default()
        };
        let mut missing = Vec::new();
        for (i, vector) in found.into_iter().enumerate() {
            match vector {
                Some(v) if v.len() == dim => {
                    data[i * dim..(i + 1) * dim].copy_from_slice(&v);
                    stats.cached += 1;
                }
                _ => missing.push(i),
            }
        }
        progress(stats.cached);
        for chunk in missing.chunks(CACHE_CHUNK) {
            let chunk_texts: Vec<&str> = chunk.iter().map(|&i| texts[i].as_ref()).collect();
            let (vectors, s) =
                self.embed_counting_full(&chunk_texts, prompt, &mut progress, None)?;
            let entries: Vec<([u8; 32], &[f32])> = chunk
                .iter()
                .zip(vectors.rows())
                .map(|(&i, row)| (keys[i], row))
                .collect();
            cache.put_many(&entries)?;
            for (&i, row) in chunk.iter().zip(vectors.rows()) {
                data[i * dim..(i + 1) * dim].copy_from_slice(row);
            }
            stats.tokens += s.tokens;
            stats.truncated += s.truncated;
            stats.batches += s.batches;
        }
        Ok((Embeddings { dim, data }, stats))
    }

    /// Embeds texts with the given prompt.
    pub fn embed<S: AsRef<str>>(
        &self,
        texts: &[S],
        prompt: &PromptChoice,
    ) -> Result<(Embeddings, EmbedStats)> {
        self.embed_with_progress(texts, prompt, |_| {})
    }

    /// Embeds texts, calling `progress` with the number of texts done after each batch.
    pub fn embed_with_progress<S: AsRef<str>>(
        &self,
        texts: &[S],
        prompt: &PromptChoice,
        progress: impl FnMut(usize),
    ) -> Result<(Embeddings, EmbedStats)> {
        self.embed_counting(texts, prompt, progress, None)
    }

    /// Embeds texts and says how many tokens the model read of each (special tokens
    /// included, after truncation): what a service bills per request.
    pub fn embed_with_token_counts<S: AsRef<str>>(
        &self,
        texts: &[S],
        prompt: &PromptChoice,
    ) -> Result<(Embeddings, EmbedStats, Vec<usize>)> {
        let mut counts = vec![0; texts.len()];
        let (vectors, stats) = self.embed_counting(texts, prompt, |_| {}, Some(&mut counts))?;
        Ok((vectors, stats, counts))
    }

    fn embed_counting<S: AsRef<str>>(
        &self,
        texts: &[S],
        prompt: &PromptChoice,
        progress: impl FnMut(usize),
        token_counts: Option<&mut [usize]>,
    ) -> Result<(Embeddings, EmbedStats)> {
        let (vectors, stats) = self.embed_counting_full(texts, prompt, progress, token_counts)?;
        Ok((vectors.truncated(self.model.info.dimension), stats))
    }

    /// The vectors at the model's full width.
    fn embed_counting_full<S: AsRef<str>>(
        &self,
        texts: &[S],
        prompt: &PromptChoice,
        mut progress: impl FnMut(usize),
        mut token_counts: Option<&mut [usize]>,
    ) -> Result<(Embeddings, EmbedStats)> {
        let dim = self.native_dimension;
        let prefix = prompt.prefix(&self.model.info.prompts);
        let mut data = vec![0f32; texts.len() * dim];
        let mut stats = EmbedStats {
            texts: texts.len(),
            ..Default::default()
        };
        for (chunk_index, chunk) in texts.chunks(CHUNK_TEXTS).enumerate() {
            let offset = chunk_index * CHUNK_TEXTS;
            let prompted: Vec<String> = chunk
                .iter()
                .map(|t| format!("{prefix}{}", t.as_ref()))
                .collect();
            let encoded = self.model.tokenizer()?.encode_batch(&prompted)?;
            stats.tokens += encoded.iter().map(|e| e.ids.len()).sum::<usize>();
            stats.truncated += encoded.iter().filter(|e| e.truncated).count();
            let lengths: Vec<usize> = encoded.iter().map(|e| e.ids.len()).collect();
            if let Some(counts) = token_counts.as_deref_mut() {
                counts[offset..offset + lengths.len()].copy_from_slice(&lengths);
            }
            for batch in plan_batches(&lengths, self.limits) {
                let rows: Vec<&Encoded> = batch.iter().map(|&i| &encoded[i]).collect();
                let vectors = self
                    .forward(&rows)
                    .context("the model's forward pass failed")?;
                for (row, &index) in vectors.chunks_exact(dim).zip(&batch) {
                    let at = (offset + index) * dim;
                    data[at..at + dim].copy_from_slice(row);
                }
                stats.batches += 1;
                progress(batch.len());
            }
        }
        Ok((Embeddings { dim, data }, stats))
    }

    /// The encoder's last hidden state at every token of each text (prompt and special
    /// tokens included, truncated as for embedding): before pooling, Dense layers and
    /// normalisation, as text-embeddings-inference's `/embed_all` answers. Each text runs
    /// alone, so no row carries padding. Also the tokens read per text.
    pub fn token_embeddings<S: AsRef<str>>(
        &self,
        texts: &[S],
        prompt: &PromptChoice,
    ) -> Result<(Vec<TokenStates>, Vec<usize>)> {
        let prefix = prompt.prefix(&self.model.info.prompts);
        let prompted: Vec<String> = texts
            .iter()
            .map(|t| format!("{prefix}{}", t.as_ref()))
            .collect();
        let encoded = self.model.tokenizer()?.encode_batch(&prompted)?;
        let mut all = Vec::with_capacity(encoded.len());
        for e in &encoded {
            let batch = self.padded_batch(&[e])?;
            let hidden = self
                .model
                .encoder()?
                .forward(&batch)
                .context("the model's forward pass failed")?;
            all.push(
                hidden
                    .squeeze(0)?
                    .to_dtype(candle_core::DType::F32)?
                    .to_vec2::<f32>()?,
            );
        }
        let counts = encoded.iter().map(|e| e.ids.len()).collect();
        Ok((all, counts))
    }

    /// Rows of tokens padded to the longest, with their lengths.
    fn padded_batch(&self, rows: &[&Encoded]) -> Result<TokenBatch> {
        Ok(TokenBatch::padded(rows, self.model.tokenizer()?.pad_id()))
    }

    /// One padded batch through the encoder, pooled (and normalised): `[rows x hidden]`.
    fn forward(&self, rows: &[&Encoded]) -> Result<Vec<f32>> {
        let info = &self.model.info;
        let batch = self.padded_batch(rows)?;
        let width = batch.width;
        let hidden = self.model.encoder()?.forward(&batch)?;
        let mask: Vec<u32> = batch
            .lengths
            .iter()
            .flat_map(|&len| (0..width).map(move |i| u32::from(i < len)))
            .collect();
        let mask = Tensor::from_vec(mask, (rows.len(), width), &self.device)?;
        let mut pooled = pool(&hidden, &mask, &batch.lengths, info.pooling)?;
        if !info.dense.is_empty() {
            pooled = self.model.projection()?.forward(&pooled)?;
        }
        if info.normalize {
            pooled = normalize(&pooled)?;
        }
        Ok(pooled.flatten_all()?.to_vec1::<f32>()?)
    }
}
