//! What the rotary-position encoders (Qwen3, Gemma3, ModernBERT) share: RMS norms, rotary
//! position tables, attention masks over right-padded rows, and grouped-query attention
//! with optional per-head query/key norms, as transformers' `modeling_qwen3.py`,
//! `modeling_gemma3.py` and `modeling_modernbert.py` compute them.

use super::linear::Linear;
use super::token_table::TokenTable;
use super::{ModelConfig, TokenBatch};
use anyhow::{ensure, Context, Result};
use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

/// A checkpoint's safetensors file, mapped afresh for each part that is loaded: the
/// linear layers are copied out (transposed or quantized) as they load, and the file's pages
/// a layer touched leave the process's memory when its map is dropped, so loading peaks at
/// the copies plus one layer rather than the copies plus the whole file (Qwen3-0.6B's shape:
/// 3416 MiB peak with one map held through the load, against 2273 MiB of f32 weights).
pub(super) struct WeightFile {
    path: std::path::PathBuf,
    prefix: Option<String>,
    device: Device,
}

impl WeightFile {
    /// The weights under the checkpoint's prefix, memory-mapped.
    pub(super) fn open(&self) -> Result<VarBuilder<'static>> {
        // Safety: the file is memory-mapped read-only; silica never writes model files.
        let vb =
            unsafe { VarBuilder::from_mmaped_safetensors(&[&self.path], DType::F32, &self.device) }
                .context("not a readable safetensors file")?;
        Ok(match &self.prefix {
            Some(p) => vb.pp(p),
            None => vb,
        })
    }
}

/// Finds a checkpoint's token table under `embeddings` (`embed_tokens.weight` for Qwen3 and
/// Gemma3, `embeddings.tok_embeddings.weight` for ModernBERT), saved from the bare model or
/// from a task model that puts it under `model.`; returns the file, to be opened under that
/// prefix, and the table.
pub(super) fn open_weights(
    config: &ModelConfig,
    weights: &Path,
    device: &Device,
    embeddings: &str,
    hidden_size: usize,
) -> Result<(WeightFile, TokenTable)> {
    let whole = WeightFile {
        path: weights.to_path_buf(),
        prefix: None,
        device: device.clone(),
    };
    let vb = whole.open()?;
    let prefix = ["", "model."]
        .into_iter()
        .find(|p| vb.contains_tensor(&format!("{p}{embeddings}")))
        .with_context(|| {
            format!("no {embeddings} tensor: not a checkpoint of this architecture")
        })?;
    let word = TokenTable::open(weights, &format!("{prefix}{embeddings}"))
        .with_context(|| format!("{}: the token embeddings", weights.display()))?;
    ensure!(
        word.cols() == hidden_size && word.rows() >= config.vocab_size,
        "{}: the token embeddings are {} x {}, but config.json says vocab_size {} and hidden_size {}",
        weights.display(),
        word.rows(),
        word.cols(),
        config.vocab_size,
        hidden_size
    );
    let file = WeightFile {
        prefix: prefix.strip_suffix('.').map(str::to_string),
        ..whole
    };
    Ok((file, word))
}

/// One entry of transformers 5's `rope_parameters`, keyed by layer type.
#[derive(Debug, Clone, Deserialize)]
pub(super) struct RopeParameters {
    rope_theta: f64,
    rope_type: Option<String>,
}

/// The rotary bases of global (`full_attention`) and local (`sliding_attention`) layers
/// from transformers 5's `rope_parameters`; only unscaled (`default`) rotations.
pub(super) fn rope_bases_by_type(by_type: &HashMap<String, RopeParameters>) -> Result<(f64, f64)> {
    let base = |name: &str| -> Result<f64> {
        let p = by_type
            .get(name)
            .with_context(|| format!("rope_parameters has no {name}"))?;
        ensure!(
            p.rope_type.as_deref().unwrap_or("default") == "default",
            "rope_type {:?} is not supported",
            p.rope_type
        );
        Ok(p.rope_theta)
    };
    Ok((base("full_attention")?, base("sliding_attention")?))
}

/// An RMS norm over the last dimension.
pub(super) struct RmsNorm {
    weight: Tensor,
    eps: f32,
}

impl RmsNorm {
    /// A norm multiplying by its weight (Qwen3, Llama).
    pub(super) fn load(vb: &VarBuilder, eps: f64) -> Result<Self> {
        Ok(Self {
            weight: vb.get_unchecked("weight")?,
            eps: eps as f32,
        })
    }

    /// A norm multiplying by `1 + weight` (Gemma's, whose weights are stored centred on 0).
    pub(super) fn load_offset(vb: &VarBuilder, eps: f64) -> Result<Self> {
        Ok(Self {
            weight: (vb.get_unchecked("weight")? + 1.0)?,
            eps: eps as f32,
        })
    }

    pub(super) fn forward(&self, x: &Tensor) -> Result<Tensor> {
        Ok(candle_nn::ops::rms_norm(
            &x.contiguous()?,
            &self.weight,
            self.eps,
        )?)
    }
}

/// A LayerNorm over the last dimension, with a bias (NomicBERT) or without (ModernBERT).
pub(super) struct LayerNorm {
    weight: Tensor,
    bias: Tensor,
    eps: f32,
}

impl LayerNorm {
    pub(super) fn load(vb: &VarBuilder, eps: f64, with_bias: bool) -> Result<Self> {
        let weight: Tensor = vb.get_unchecked("weight")?;
        let bias = if with_bias {
            vb.get_unchecked("bias")?
        } else {
            weight.zeros_like()?
        };
        Ok(Self {
            weight,
            bias,
            eps: eps as f32,
        })
    }

    pub(super) fn forward(&self, x: &Tensor) -> Result<Tensor> {
        Ok(candle_nn::ops::layer_norm(
            &x.contiguous()?,
            &self.weight,
            &self.bias,
            self.eps,
        )?)
    }
}

/// `rows` rows of a fused weight (`Wqkv`, a gated MLP's input) from `first`, as a linear
/// layer without bias.
pub(super) fn rows_of(
    weight: &Tensor,
    first: usize,
    rows: usize,
    format: super::WeightFormat,
) -> Result<Linear> {
    let part = weight.narrow(0, first, rows)?.contiguous()?;
    let bias = Tensor::zeros(rows, DType::F32, weight.device())?;
    Linear::new(part, bias, format)
}

/// Rotary positions with halves rotated: `1 / theta^(2i / head_dim)` per pair.
struct Rotary {
    inverse_frequencies: Vec<f32>,
}

impl Rotary {
    fn new(theta: f64, head_dim: usize) -> Self {
        Self {
            inverse_frequencies: (0..head_dim / 2)
                .map(|i| 1.0 / theta.powf(2.0 * i as f64 / head_dim as f64) as f32)
                .collect(),
        }
    }

    /// `(cos, sin)`, each `[width, head_dim / 2]`, for positions `0..width`.
    fn tables(&self, width: usize, device: &Device) -> Result<(Tensor, Tensor)> {
        let half = self.inverse_frequencies.len();
        let angles: Vec<f32> = (0..width)
            .flat_map(|p| self.inverse_frequencies.iter().map(move |f| p as f32 * f))
            .collect();
        let angles = Tensor::from_vec(angles, (width, half), device)?;
        Ok((angles.cos()?, angles.sin()?))
    }
}

/// Which keys a query sees, besides the rule that padded keys are never seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Visibility {
    /// Keys at or before the query (a decoder read as it was trained: Qwen3-Embedding).
    Causal,
    /// Every key (EmbeddingGemma's global layers).
    Bidirectional,
    /// Keys less than `window` positions away on either side (EmbeddingGemma's local layers).
    Window(usize),
}

impl Visibility {
    fn sees(self, query: usize, key: usize) -> bool {
        match self {
            Self::Causal => key <= query,
            Self::Bidirectional => true,
            Self::Window(window) => query.abs_diff(key) < window,
        }
    }

    /// `[rows, 1, width, width]`: 0 where a query may see a key, the lowest f32 elsewhere.
    /// A padded query sees at least the first key, so no row of the softmax is empty.
    pub(super) fn mask(self, batch: &TokenBatch, device: &Device) -> Result<Tensor> {
        let width = batch.width;
        let mask: Vec<f32> = batch
            .lengths
            .iter()
            .flat_map(|&len| {
                (0..width).flat_map(move |query| {
                    (0..width).map(move |key| {
                        if key < len && self.sees(query.min(len.max(1) - 1), key) {
                            0.0
                        } else {
                            f32::MIN
                        }
                    })
                })
            })
            .collect();
        Ok(Tensor::from_vec(
            mask,
            (batch.rows(), 1, width, width),
            device,
        )?)
    }
}

/// One attention block's weights: projections without biases, and per-head norms on
/// queries and keys where the architecture has them (Qwen3 and Gemma3; ModernBERT not).
pub(super) struct AttentionWeights {
    pub(super) q: Linear,
    pub(super) k: Linear,
    pub(super) v: Linear,
    pub(super) o: Linear,
    pub(super) q_norm: Option<RmsNorm>,
    pub(super) k_norm: Option<RmsNorm>,
}

/// The shape of grouped-query attention.
#[derive(Debug, Clone, Copy)]
pub(super) struct Heads {
    pub(super) heads: usize,
    pub(super) kv_heads: usize,
    pub(super) head_dim: usize,
    /// What scores are multiplied by (`head_dim^-0.5`, or Gemma's `query_pre_attn_scalar^-0.5`).
    pub(super) scale: f64,
}

/// The per-batch inputs of an attention block.
pub(super) struct AttentionInputs {
    rows: usize,
    width: usize,
    cos: Tensor,
    sin: Tensor,
    mask: Tensor,
}

/// How one kind of layer attends: its rotary positions and which keys it sees (Qwen3's
/// causal layers, NomicBERT's bidirectional ones, Gemma3's and ModernBERT's global and
/// local layers).
pub(super) struct AttentionKind {
    rotary: Rotary,
    visibility: Visibility,
}

impl AttentionKind {
    pub(super) fn new(theta: f64, head_dim: usize, visibility: Visibility) -> Self {
        Self {
            rotary: Rotary::new(theta, head_dim),
            visibility,
        }
    }

    /// This batch's rotary tables and mask for the layers of this kind.
    pub(super) fn inputs(&self, batch: &TokenBatch, device: &Device) -> Result<AttentionInputs> {
        let (cos, sin) = self.rotary.tables(batch.width, device)?;
        Ok(AttentionInputs {
            rows: batch.rows(),
            width: batch.width,
            cos,
            sin,
            mask: self.visibility.mask(batch, device)?,
        })
    }
}

impl Heads {
    /// `[tokens, heads * head_dim]` to `[rows, heads, width, head_dim]`, each head's
    /// vector normed when `norm` is given and rotated when `rotate` (queries and keys).
    fn split(
        &self,
        x: &Tensor,
        heads: usize,
        norm: Option<&RmsNorm>,
        rotate: bool,
        at: &AttentionInputs,
    ) -> Result<Tensor> {
        let mut x = x.reshape((at.rows, at.width, heads, self.head_dim))?;
        if let Some(norm) = norm {
            x = norm.forward(&x)?;
        }
        let x = x.transpose(1, 2)?.contiguous()?;
        if !rotate {
            return Ok(x);
        }
        Ok(candle_nn::rotary_emb::rope(&x, &at.cos, &at.sin)?)
    }

    /// Keys or values `[rows, kv_heads, width, d]` repeated for the query heads they serve.
    fn repeat_kv(&self, x: Tensor, at: &AttentionInputs) -> Result<Tensor> {
        let groups = self.heads / self.kv_heads;
        if groups == 1 {
            return Ok(x);
        }
        Ok(x.unsqueeze(2)?
            .expand((at.rows, self.kv_heads, groups, at.width, self.head_dim))?
            .reshape((at.rows, self.heads, at.width, self.head_dim))?)
    }

    /// Attention over `h` (`[tokens, hidden]`, already normed), projected back out.
    pub(super) fn attend(
        &self,
        w: &AttentionWeights,
        h: &Tensor,
        at: &AttentionInputs,
    ) -> Result<Tensor> {
        let q = self.split(&w.q.matmul(h)?, self.heads, w.q_norm.as_ref(), true, at)?;
        let k = self.split(&w.k.matmul(h)?, self.kv_heads, w.k_norm.as_ref(), true, at)?;
        let v = self.split(&w.v.matmul(h)?, self.kv_heads, None, false, at)?;
        let (k, v) = (self.repeat_kv(k, at)?, self.repeat_kv(v, at)?);
        let scores = (q.matmul(&k.t()?.contiguous()?)? * self.scale)?.broadcast_add(&at.mask)?;
        let probs = candle_nn::ops::softmax_last_dim(&scores)?;
        let context = probs
            .matmul(&v)?
            .transpose(1, 2)?
            .contiguous()?
            .reshape((at.rows * at.width, self.heads * self.head_dim))?;
        w.o.matmul(&context)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(lengths: Vec<usize>, width: usize) -> TokenBatch {
        TokenBatch {
            ids: vec![0; lengths.len() * width],
            type_ids: vec![0; lengths.len() * width],
            lengths,
            width,
        }
    }

    fn seen(v: Visibility, len: usize, width: usize) -> Vec<Vec<bool>> {
        let m = v
            .mask(&batch(vec![len], width), &Device::Cpu)
            .unwrap()
            .flatten_all()
            .unwrap()
            .to_vec1::<f32>()
            .unwrap();
        m.chunks(width)
            .map(|r| r.iter().map(|&x| x == 0.0).collect())
            .collect()
    }

    #[test]
    fn masks_hide_padding_and_follow_the_rule() {
        let causal = seen(Visibility::Causal, 3, 4);
        assert_eq!(causal[0], [true, false, false, false]);
        assert_eq!(causal[2], [true, true, true, false]);
        // A padded query sees what the last real token sees: never an empty row.
        assert_eq!(causal[3], [true, true, true, false]);
        let window = seen(Visibility::Window(2), 4, 4);
        assert_eq!(window[1], [true, true, true, false]);
        let all = seen(Visibility::Bidirectional, 2, 3);
        assert_eq!(all[0], [true, true, false]);
    }
}
