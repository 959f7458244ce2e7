//! The encoder: token ids in, token vectors out, whatever the architecture
//! ([`super::bert`] for BERT and XLM-RoBERTa, [`super::qwen3`] for Qwen3,
//! [`super::gemma3`] for Gemma3, [`super::modernbert`] for ModernBERT,
//! [`super::nomic_bert`] for NomicBERT).

use super::bert::BertEncoder;
use super::gemma3::Gemma3Encoder;
use super::modernbert::ModernBertEncoder;
use super::nomic_bert::NomicBertEncoder;
use super::qwen3::Qwen3Encoder;
use super::{Architecture, ModelConfig};
use anyhow::Result;
use candle_core::{Device, Tensor};
use std::path::Path;
use std::str::FromStr;

/// How the linear layers' weights are held (`--quantize`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WeightFormat {
    /// The weights as stored, in f32.
    #[default]
    F32,
    /// 8-bit blocks of 32 with an f16 scale (GGML `Q8_0`): 4x smaller linear weights.
    Q8_0,
    /// 4-bit blocks of 32 with an f16 scale (GGML `Q4_0`): 8x smaller linear weights.
    Q4_0,
    /// i8 weights with a scale per output channel, activations quantized per row on the
    /// fly, products on the CPU's integer dot-product units ([`super::Int8Weight`]): 4x smaller
    /// linear weights and faster than f32. CPU only.
    Int8,
}

impl FromStr for WeightFormat {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "f32" | "none" => Ok(Self::F32),
            "q8_0" | "q8" => Ok(Self::Q8_0),
            "q4_0" | "q4" => Ok(Self::Q4_0),
            "int8" | "i8" => Ok(Self::Int8),
            other => Err(format!(
                "unknown weight format {other:?} (f32, int8, q8_0 or q4_0)"
            )),
        }
    }
}

impl std::fmt::Display for WeightFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::F32 => "f32",
            Self::Q8_0 => "q8_0",
            Self::Q4_0 => "q4_0",
            Self::Int8 => "int8",
        })
    }
}

impl WeightFormat {
    /// What a cache key says about the weights: the format, and for int8 the weights'
    /// bits on this CPU (7 where the kernel could overflow with 8), since the vectors
    /// differ between the two.
    pub fn cache_tag(self) -> String {
        match self {
            Self::Int8 if super::int8::Int8Kernel::detect().weight_limit() < 127 => {
                "int8-w7".into()
            }
            other => other.to_string(),
        }
    }
}

/// Ids of one padded batch, row-major `[rows, width]`; each row's real tokens come first.
#[derive(Debug, Clone)]
pub struct TokenBatch {
    pub ids: Vec<u32>,
    pub type_ids: Vec<u32>,
    /// Real tokens per row (the rest is padding).
    pub lengths: Vec<usize>,
    pub width: usize,
}

impl TokenBatch {
    pub fn rows(&self) -> usize {
        self.lengths.len()
    }

    /// Tokenized texts as one batch, each padded with `pad` to the longest.
    pub fn padded(rows: &[&super::Encoded], pad: u32) -> Self {
        let lengths: Vec<usize> = rows.iter().map(|e| e.ids.len()).collect();
        let width = lengths.iter().copied().max().unwrap_or(0);
        let mut batch = TokenBatch {
            ids: Vec::with_capacity(rows.len() * width),
            type_ids: Vec::with_capacity(rows.len() * width),
            lengths,
            width,
        };
        for e in rows {
            let padding = width - e.ids.len();
            let ids = e
                .ids
                .iter()
                .copied()
                .chain(std::iter::repeat_n(pad, padding));
            batch.ids.extend(ids);
            let types = e
                .type_ids
                .iter()
                .copied()
                .chain(std::iter::repeat_n(0, padding));
            batch.type_ids.extend(types);
        }
        batch
    }
}

/// A loaded encoder of one of the architectures silica runs.
pub enum Encoder {
    Bert(BertEncoder),
    Qwen3(Qwen3Encoder),
    Gemma3(Gemma3Encoder),
    ModernBert(ModernBertEncoder),
    NomicBert(NomicBertEncoder),
}

impl Encoder {
    /// Loads weights from a safetensors file (memory-mapped), quantizing the linear layers'
    /// weights when `format` asks for it.
    pub fn load(
        config: &ModelConfig,
        weights: &Path,
        device: &Device,
        format: WeightFormat,
    ) -> Result<Self> {
        Ok(match config.architecture {
            Architecture::Bert | Architecture::XlmRoberta => {
                Self::Bert(BertEncoder::load(config, weights, device, format)?)
            }
            Architecture::Qwen3 => {
                Self::Qwen3(Qwen3Encoder::load(config, weights, device, format)?)
            }
            Architecture::Gemma3Text => {
                Self::Gemma3(Gemma3Encoder::load(config, weights, device, format)?)
            }
            Architecture::ModernBert => {
                Self::ModernBert(ModernBertEncoder::load(config, weights, device, format)?)
            }
            Architecture::NomicBert => {
                Self::NomicBert(NomicBertEncoder::load(config, weights, device, format)?)
            }
        })
    }

    pub fn weight_format(&self) -> WeightFormat {
        match self {
            Self::Bert(e) => e.weight_format(),
            Self::Qwen3(e) => e.weight_format(),
            Self::Gemma3(e) => e.weight_format(),
            Self::ModernBert(e) => e.weight_format(),
            Self::NomicBert(e) => e.weight_format(),
        }
    }

    /// Token vectors `[rows, width, hidden]`; padded positions hold unspecified values.
    pub fn forward(&self, batch: &TokenBatch) -> Result<Tensor> {
        match self {
            Self::Bert(e) => e.forward(batch),
            Self::Qwen3(e) => e.forward(batch),
            Self::Gemma3(e) => e.forward(batch),
            Self::ModernBert(e) => e.forward(batch),
            Self::NomicBert(e) => e.forward(batch),
        }
    }

    /// [`Self::forward`] as plain candle ops even on a CPU: the reference the fused
    /// kernels are tested against (architectures without fused kernels run plain anyway).
    pub fn forward_unfused(&self, batch: &TokenBatch) -> Result<Tensor> {
        match self {
            Self::Bert(e) => e.forward_unfused(batch),
            Self::Qwen3(e) => e.forward(batch),
            Self::Gemma3(e) => e.forward(batch),
            Self::ModernBert(e) => e.forward(batch),
            Self::NomicBert(e) => e.forward(batch),
        }
    }
}
