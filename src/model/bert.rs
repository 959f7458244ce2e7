//! The BERT-family encoder (BERT and XLM-RoBERTa): token ids in, token vectors out.
//!
//! Written here rather than taken from candle-transformers' `BertModel` because its CPU
//! forward pass was 3x slower than PyTorch on this workload (candle issues #2204, #2877),
//! and because it has no quantized weights. What differs, each step measured (docs/performance.md,
//! Performance): query, key and value are one matrix product; the attention scale is
//! folded into the query weights at load; linear layers run on `[tokens, hidden]` as one
//! 2-D product; bias, GELU, residual, layer norm and the attention mask run as fused,
//! in-place CPU kernels ([`super::kernels`]); linear weights can be held quantized
//! (`q8_0`, `q4_0`, candle's GGML blocks; see [`Weight`]). On other devices the same steps run as plain
//! candle ops. `tests/engine.rs` checks this encoder against candle-transformers' on
//! random models, and `tests/reference.rs` against sentence-transformers.

use super::attention::BatchAttention;
use super::kernels::{LayerNormParams, ResidualLayerNorm};
use super::linear::{AfterBias, Linear};
use super::token_table::TokenTable;
use super::{Architecture, ModelConfig, TokenBatch, WeightFormat};
use anyhow::{bail, ensure, Context, Result};
use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use serde::Deserialize;
use std::path::Path;

/// The fields of `config.json` the encoder needs.
#[derive(Debug, Clone, Deserialize)]
struct EncoderConfig {
    hidden_size: usize,
    num_hidden_layers: usize,
    num_attention_heads: usize,
    #[serde(default = "default_eps")]
    layer_norm_eps: f64,
    #[serde(default = "default_act")]
    hidden_act: String,
    #[serde(default)]
    pad_token_id: Option<u32>,
    #[serde(default)]
    position_embedding_type: Option<String>,
}

fn default_eps() -> f64 {
    1e-12
}

fn default_act() -> String {
    "gelu".into()
}

/// A layer norm, with the bias of the linear layer feeding it (for the fused kernel).
struct Norm {
    gamma: Tensor,
    beta: Tensor,
    fused: LayerNormParams,
}

impl Norm {
    fn load(vb: &VarBuilder, eps: f64, input_bias: &[f32]) -> Result<Self> {
        let gamma = vb.get_unchecked("weight")?;
        let beta = vb.get_unchecked("bias")?;
        let fused = LayerNormParams {
            bias: input_bias.to_vec(),
            gamma: gamma.to_vec1()?,
            beta: beta.to_vec1()?,
            eps: eps as f32,
        };
        Ok(Self { gamma, beta, fused })
    }

    fn forward(&self, x: &Tensor) -> Result<Tensor> {
        Ok(candle_nn::ops::layer_norm(
            &x.contiguous()?,
            &self.gamma,
            &self.beta,
            self.fused.eps,
        )?)
    }
}

struct Layer {
    /// Query, key and value stacked `[3 hidden, hidden]`; the query part pre-scaled.
    qkv: Linear,
    attention_out: Linear,
    attention_norm: Norm,
    up: Linear,
    down: Linear,
    output_norm: Norm,
}

impl Layer {
    fn load(vb: VarBuilder, cfg: &EncoderConfig, format: WeightFormat) -> Result<Self> {
        let attention = vb.pp("attention");
        let this = attention.pp("self");
        let scale = 1.0 / ((cfg.hidden_size / cfg.num_attention_heads) as f64).sqrt();
        let part = |name: &str| -> Result<(Tensor, Tensor)> {
            let p = this.pp(name);
            Ok((p.get_unchecked("weight")?, p.get_unchecked("bias")?))
        };
        let (qw, qb) = part("query")?;
        let (kw, kb) = part("key")?;
        let (vw, vbias) = part("value")?;
        let qkv = Linear::new(
            Tensor::cat(&[(qw * scale)?, kw, vw], 0)?,
            Tensor::cat(&[(qb * scale)?, kb, vbias], 0)?,
            format,
        )?;
        let attention_out = Linear::load(&attention.pp("output").pp("dense"), format)?;
        let attention_norm = Norm::load(
            &attention.pp("output").pp("LayerNorm"),
            cfg.layer_norm_eps,
            &attention_out.bias_host,
        )?;
        let up = Linear::load(&vb.pp("intermediate").pp("dense"), format)?;
        let down = Linear::load(&vb.pp("output").pp("dense"), format)?;
        let output_norm = Norm::load(
            &vb.pp("output").pp("LayerNorm"),
            cfg.layer_norm_eps,
            &down.bias_host,
        )?;
        Ok(Self {
            qkv,
            attention_out,
            attention_norm,
            up,
            down,
            output_norm,
        })
    }
}

/// Where position ids start, by architecture.
#[derive(Debug, Clone, Copy)]
enum Positions {
    /// 0, 1, 2, ... for every row.
    Bert,
    /// RoBERTa: `pad + 1 + i` for real tokens, `pad` for padding.
    Roberta { pad: u32 },
}

/// A BERT-family encoder.
pub struct BertEncoder {
    /// The token-embedding table, read row by row as batches need them.
    word: TokenTable,
    position: Tensor,
    token_type: Tensor,
    embedding_norm: Norm,
    layers: Vec<Layer>,
    heads: usize,
    hidden: usize,
    positions: Positions,
    format: WeightFormat,
    device: Device,
}

impl BertEncoder {
    /// Loads weights from a safetensors file (memory-mapped), quantizing the linear layers'
    /// weights when `format` asks for it.
    pub fn load(
        config: &ModelConfig,
        weights: &Path,
        device: &Device,
        format: WeightFormat,
    ) -> Result<Self> {
        // Safety: the file is memory-mapped read-only; silica never writes model files
        // while running, and a file changed underneath is the user's doing (as with any mmap).
        let vb = unsafe { VarBuilder::from_mmaped_safetensors(&[weights], DType::F32, device) }
            .context("not a readable safetensors file")?;
        let cfg: EncoderConfig = serde_json::from_str(&config.json)
            .with_context(|| format!("{}: not a BERT-family config", config.path.display()))?;
        if cfg.position_embedding_type.as_deref().unwrap_or("absolute") != "absolute" {
            bail!(
                "{}: position_embedding_type {:?} is not supported (only absolute)",
                config.path.display(),
                cfg.position_embedding_type.unwrap_or_default()
            );
        }
        if cfg.hidden_act != "gelu" {
            bail!(
                "{}: hidden_act {:?} is not supported (only gelu)",
                config.path.display(),
                cfg.hidden_act
            );
        }
        if cfg.num_attention_heads == 0 || !cfg.hidden_size.is_multiple_of(cfg.num_attention_heads)
        {
            bail!(
                "{}: hidden_size {} is not a multiple of num_attention_heads {}",
                config.path.display(),
                cfg.hidden_size,
                cfg.num_attention_heads
            );
        }
        // Checkpoints saved from the bare model have no prefix; from a task model, the
        // architecture's name.
        let prefix = ["", "bert.", "roberta.", "model."]
            .into_iter()
            .find(|p| vb.contains_tensor(&format!("{p}embeddings.word_embeddings.weight")))
            .context("no embeddings.word_embeddings.weight tensor: not a BERT-family checkpoint")?;
        let vb = match prefix.strip_suffix('.') {
            Some(p) => vb.pp(p),
            None => vb,
        };
        let emb = vb.pp("embeddings");
        let word = TokenTable::open(
            weights,
            &format!("{prefix}embeddings.word_embeddings.weight"),
        )
        .with_context(|| format!("{}: the word embeddings", weights.display()))?;
        ensure!(
            word.cols() == cfg.hidden_size && word.rows() >= config.vocab_size,
            "{}: the word embeddings are {} x {}, but config.json says vocab_size {} and hidden_size {}",
            weights.display(),
            word.rows(),
            word.cols(),
            config.vocab_size,
            cfg.hidden_size
        );
        let position = emb.get_unchecked("position_embeddings.weight")?;
        let token_type = emb.get_unchecked("token_type_embeddings.weight")?;
        let zero_bias = vec![0f32; cfg.hidden_size];
        let embedding_norm = Norm::load(&emb.pp("LayerNorm"), cfg.layer_norm_eps, &zero_bias)?;
        let layers = (0..cfg.num_hidden_layers)
            .map(|i| {
                Layer::load(vb.pp(format!("encoder.layer.{i}")), &cfg, format)
                    .with_context(|| format!("layer {i}"))
            })
            .collect::<Result<Vec<_>>>()?;
        let positions = match config.architecture {
            Architecture::XlmRoberta => Positions::Roberta {
                pad: cfg.pad_token_id.unwrap_or(1),
            },
            _ => Positions::Bert,
        };
        Ok(Self {
            word,
            position,
            token_type,
            embedding_norm,
            layers,
            heads: cfg.num_attention_heads,
            hidden: cfg.hidden_size,
            positions,
            format,
            device: device.clone(),
        })
    }

    pub fn weight_format(&self) -> WeightFormat {
        self.format
    }

    /// Token vectors `[rows, width, hidden]`; padded positions hold unspecified values.
    pub fn forward(&self, batch: &TokenBatch) -> Result<Tensor> {
        let fused = self.device.is_cpu();
        self.forward_with(batch, fused)
    }

    /// [`Self::forward`] as plain candle ops even on a CPU: the reference the fused
    /// kernels are tested against.
    pub fn forward_unfused(&self, batch: &TokenBatch) -> Result<Tensor> {
        self.forward_with(batch, false)
    }

    fn forward_with(&self, batch: &TokenBatch, fused: bool) -> Result<Tensor> {
        let (rows, width) = (batch.rows(), batch.width);
        let n = rows * width;
        let positions: Vec<u32> = batch
            .lengths
            .iter()
            .flat_map(|&len| {
                (0..width as u32).map(move |i| match self.positions {
                    Positions::Bert => i,
                    Positions::Roberta { pad } if (i as usize) < len => pad + 1 + i,
                    Positions::Roberta { pad } => pad,
                })
            })
            .collect();
        let words = Tensor::from_vec(
            self.word.gather(&batch.ids)?,
            (n, self.hidden),
            &self.device,
        )?;
        let types = Tensor::from_slice(&batch.type_ids, n, &self.device)?;
        let positions = Tensor::from_vec(positions, n, &self.device)?;
        let x = (words + self.token_type.index_select(&types, 0)?)?
            .add(&self.position.index_select(&positions, 0)?)?;
        let mut x = self.embedding_norm.forward(&x)?;
        let mask_bias = if fused {
            None
        } else {
            Some(self.mask_bias(&batch.lengths, width)?)
        };
        for layer in &self.layers {
            x = if fused {
                self.layer_fused(layer, &x, width, &batch.lengths)?
            } else {
                self.layer_plain(layer, &x, rows, width, mask_bias.as_ref().unwrap())?
            };
        }
        Ok(x.reshape((rows, width, self.hidden))?)
    }

    /// Splits `[tokens, 3 hidden]` into query, key and value `[rows * heads, width, head_dim]`.
    fn split_heads(&self, qkv: &Tensor, rows: usize, width: usize) -> Result<[Tensor; 3]> {
        let head_dim = self.hidden / self.heads;
        let qkv = qkv
            .reshape((rows, width, 3, self.heads, head_dim))?
            .permute((2, 0, 3, 1, 4))?
            .contiguous()?;
        let part = |i: usize| -> Result<Tensor> {
            Ok(qkv.get(i)?.reshape((rows * self.heads, width, head_dim))?)
        };
        Ok([part(0)?, part(1)?, part(2)?])
    }

    /// `[rows * heads, width, head_dim]` back to `[tokens, hidden]`.
    fn merge_heads(&self, context: &Tensor, rows: usize, width: usize) -> Result<Tensor> {
        let head_dim = self.hidden / self.heads;
        Ok(context
            .reshape((rows, self.heads, width, head_dim))?
            .transpose(1, 2)?
            .contiguous()?
            .reshape((rows * width, self.hidden))?)
    }

    /// One layer with the fused in-place CPU kernels.
    fn layer_fused(
        &self,
        layer: &Layer,
        x: &Tensor,
        width: usize,
        lengths: &[usize],
    ) -> Result<Tensor> {
        let qkv = layer.qkv.matmul_then(x, AfterBias::Nothing)?;
        let context = qkv.apply_op1_no_bwd(&BatchAttention {
            lengths,
            width,
            heads: self.heads,
        })?;
        let attended = layer.attention_out.matmul(&context)?;
        attended.inplace_op2(x, &ResidualLayerNorm(&layer.attention_norm.fused))?;
        let inner = layer.up.matmul_then(&attended, AfterBias::Gelu)?;
        let out = layer.down.matmul(&inner)?;
        out.inplace_op2(&attended, &ResidualLayerNorm(&layer.output_norm.fused))?;
        Ok(out)
    }

    /// One layer as plain candle ops (GPUs, and the reference for the fused path).
    fn layer_plain(
        &self,
        layer: &Layer,
        x: &Tensor,
        rows: usize,
        width: usize,
        mask_bias: &Tensor,
    ) -> Result<Tensor> {
        let qkv = layer.qkv.forward(x)?;
        let [q, k, v] = self.split_heads(&qkv, rows, width)?;
        let scores = q
            .matmul(&k.t()?)?
            .reshape((rows, self.heads, width, width))?
            .broadcast_add(mask_bias)?;
        let probs = candle_nn::ops::softmax_last_dim(&scores)?.reshape((
            rows * self.heads,
            width,
            width,
        ))?;
        let context = self.merge_heads(&probs.matmul(&v)?, rows, width)?;
        let attended = layer
            .attention_norm
            .forward(&(layer.attention_out.forward(&context)? + x)?)?;
        let inner = layer.up.forward(&attended)?.gelu_erf()?;
        let out = layer
            .output_norm
            .forward(&(layer.down.forward(&inner)? + &attended)?)?;
        Ok(out)
    }

    /// `[rows, 1, 1, width]`: 0 for real keys, the lowest f32 for padding.
    fn mask_bias(&self, lengths: &[usize], width: usize) -> Result<Tensor> {
        let bias: Vec<f32> = lengths
            .iter()
            .flat_map(|&len| (0..width).map(move |i| if i < len { 0.0 } else { f32::MIN }))
            .collect();
        Ok(Tensor::from_vec(
            bias,
            (lengths.len(), 1, 1, width),
            &self.device,
        )?)
    }
}
