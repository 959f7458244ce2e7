//! Qwen3 as Qwen3-Embedding uses it: a decoder read with causal attention, whose last
//! token's vector is the text's embedding ([`super::Pooling::LastToken`]).
//!
//! Written here rather than taken from candle-transformers' `qwen3::Model`, which is built
//! for generation: its forward pass takes `&mut self` (a key/value cache) and one batch
//! without a padding mask, where an embedder shares one model between threads and runs
//! padded batches. The layer is the one in transformers' `modeling_qwen3.py`: RMS norms
//! before attention and MLP, per-head RMS norms on queries and keys, rotary positions
//! (halves rotated), grouped-query attention, a SwiGLU MLP, a final RMS norm.
//!
//! Padding: rows are padded on the right. Under a causal mask a real token attends only
//! to tokens before it, all real, so its vector is the one it has alone; sentence-transformers
//! pads Qwen3-Embedding on the left instead and gives positions from the first (padded)
//! slot, which rotary attention does not see (it depends on relative positions only).

use super::decoder::{
    open_weights, AttentionInputs, AttentionKind, AttentionWeights, Heads, RmsNorm, Visibility,
};
use super::linear::Linear;
use super::token_table::TokenTable;
use super::{ModelConfig, TokenBatch, WeightFormat};
use anyhow::{bail, ensure, Context, Result};
use candle_core::{Device, Tensor};
use candle_nn::VarBuilder;
use serde::Deserialize;
use std::path::Path;

/// The fields of a Qwen3 `config.json` the encoder reads.
#[derive(Debug, Clone, Deserialize)]
struct Qwen3Config {
    hidden_size: usize,
    num_hidden_layers: usize,
    num_attention_heads: usize,
    num_key_value_heads: usize,
    /// Qwen3 sets it apart from `hidden_size / num_attention_heads` (0.6B: 128 with 16
    /// heads of a 1024 hidden size).
    head_dim: Option<usize>,
    #[serde(default = "default_rms_eps")]
    rms_norm_eps: f64,
    /// transformers 4 writes `rope_theta`; transformers 5 `rope_parameters.rope_theta`.
    rope_theta: Option<f64>,
    rope_parameters: Option<RopeParameters>,
    rope_scaling: Option<serde_json::Value>,
    #[serde(default = "default_act")]
    hidden_act: String,
    #[serde(default)]
    attention_bias: bool,
    #[serde(default)]
    use_sliding_window: bool,
}

#[derive(Debug, Clone, Deserialize)]
struct RopeParameters {
    rope_theta: Option<f64>,
    rope_type: Option<String>,
}

fn default_rms_eps() -> f64 {
    1e-6
}

fn default_act() -> String {
    "silu".into()
}

impl Qwen3Config {
    /// The rotary base, refusing scaled variants (YaRN and others), which no embedding
    /// model of the family uses.
    fn rope_theta(&self) -> Result<f64> {
        let scaled = self.rope_scaling.as_ref().is_some_and(|v| !v.is_null())
            || self
                .rope_parameters
                .as_ref()
                .and_then(|p| p.rope_type.as_deref())
                .is_some_and(|t| t != "default");
        ensure!(
            !scaled,
            "scaled rotary positions (rope_scaling) are not supported"
        );
        Ok(self
            .rope_parameters
            .as_ref()
            .and_then(|p| p.rope_theta)
            .or(self.rope_theta)
            .unwrap_or(1_000_000.0))
    }

    fn head_dim(&self) -> usize {
        self.head_dim
            .unwrap_or(self.hidden_size / self.num_attention_heads.max(1))
    }

    fn check(&self) -> Result<()> {
        ensure!(
            self.hidden_act == "silu",
            "hidden_act {:?} is not supported (Qwen3 uses silu)",
            self.hidden_act
        );
        ensure!(!self.attention_bias, "attention_bias is not supported");
        ensure!(
            !self.use_sliding_window,
            "use_sliding_window is not supported"
        );
        ensure!(
            self.num_attention_heads > 0
                && self.num_key_value_heads > 0
                && self
                    .num_attention_heads
                    .is_multiple_of(self.num_key_value_heads),
            "num_attention_heads {} is not a multiple of num_key_value_heads {}",
            self.num_attention_heads,
            self.num_key_value_heads
        );
        ensure!(
            self.head_dim().is_multiple_of(2),
            "head_dim {} is odd",
            self.head_dim()
        );
        Ok(())
    }
}

struct Layer {
    input_norm: RmsNorm,
    attention: AttentionWeights,
    post_attention_norm: RmsNorm,
    gate: Linear,
    up: Linear,
    down: Linear,
}

impl Layer {
    fn load(vb: VarBuilder, cfg: &Qwen3Config, format: WeightFormat) -> Result<Self> {
        let attention = vb.pp("self_attn");
        let mlp = vb.pp("mlp");
        let linear = |vb: &VarBuilder, name: &str| Linear::load_without_bias(&vb.pp(name), format);
        let eps = cfg.rms_norm_eps;
        Ok(Self {
            input_norm: RmsNorm::load(&vb.pp("input_layernorm"), eps)?,
            attention: AttentionWeights {
                q: linear(&attention, "q_proj")?,
                k: linear(&attention, "k_proj")?,
                v: linear(&attention, "v_proj")?,
                o: linear(&attention, "o_proj")?,
                q_norm: Some(RmsNorm::load(&attention.pp("q_norm"), eps)?),
                k_norm: Some(RmsNorm::load(&attention.pp("k_norm"), eps)?),
            },
            post_attention_norm: RmsNorm::load(&vb.pp("post_attention_layernorm"), eps)?,
            gate: linear(&mlp, "gate_proj")?,
            up: linear(&mlp, "up_proj")?,
            down: linear(&mlp, "down_proj")?,
        })
    }

    fn forward(&self, x: &Tensor, heads: &Heads, at: &AttentionInputs) -> Result<Tensor> {
        let h = self.input_norm.forward(x)?;
        let attended = (x + heads.attend(&self.attention, &h, at)?)?;
        let h = self.post_attention_norm.forward(&attended)?;
        let inner = (candle_nn::ops::silu(&self.gate.matmul(&h)?)? * self.up.matmul(&h)?)?;
        Ok((attended + self.down.matmul(&inner)?)?)
    }
}

/// A Qwen3 decoder read as an encoder.
pub struct Qwen3Encoder {
    word: TokenTable,
    layers: Vec<Layer>,
    norm: RmsNorm,
    hidden: usize,
    heads: Heads,
    /// Every layer's: causal, one rotary base.
    attention: AttentionKind,
    format: WeightFormat,
    device: Device,
}

impl Qwen3Encoder {
    /// Loads a Qwen3 checkpoint (saved from `Qwen3Model`, or with a `model.` prefix from a
    /// causal LM, whose head is not read).
    pub fn load(
        config: &ModelConfig,
        weights: &Path,
        device: &Device,
        format: WeightFormat,
    ) -> Result<Self> {
        let cfg: Qwen3Config = serde_json::from_str(&config.json)
            .with_context(|| format!("{}: not a Qwen3 config", config.path.display()))?;
        cfg.check()
            .with_context(|| format!("{}", config.path.display()))?;
        let rope_theta = cfg
            .rope_theta()
            .with_context(|| format!("{}", config.path.display()))?;
        let (file, word) = open_weights(
            config,
            weights,
            device,
            "embed_tokens.weight",
            cfg.hidden_size,
        )?;
        let layers = (0..cfg.num_hidden_layers)
            .map(|i| {
                Layer::load(file.open()?.pp(format!("layers.{i}")), &cfg, format)
                    .with_context(|| format!("layer {i}"))
            })
            .collect::<Result<Vec<_>>>()?;
        let vb = file.open()?;
        let head_dim = cfg.head_dim();
        Ok(Self {
            word,
            layers,
            norm: RmsNorm::load(&vb.pp("norm"), cfg.rms_norm_eps)?,
            hidden: cfg.hidden_size,
            heads: Heads {
                heads: cfg.num_attention_heads,
                kv_heads: cfg.num_key_value_heads,
                head_dim,
                scale: 1.0 / (head_dim as f64).sqrt(),
            },
            attention: AttentionKind::new(rope_theta, head_dim, Visibility::Causal),
            format,
            device: device.clone(),
        })
    }

    pub fn weight_format(&self) -> WeightFormat {
        self.format
    }

    /// Token vectors `[rows, width, hidden]` after the final norm; padded positions hold
    /// unspecified values.
    pub fn forward(&self, batch: &TokenBatch) -> Result<Tensor> {
        let (rows, width) = (batch.rows(), batch.width);
        if rows == 0 || width == 0 {
            bail!("an empty batch");
        }
        let at = self.attention.inputs(batch, &self.device)?;
        let mut x = Tensor::from_vec(
            self.word.gather(&batch.ids)?,
            (rows * width, self.hidden),
            &self.device,
        )?;
        for layer in &self.layers {
            x = layer.forward(&x, &self.heads, &at)?;
        }
        Ok(self.norm.forward(&x)?.reshape((rows, width, self.hidden))?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(extra: &str) -> Qwen3Config {
        serde_json::from_str(&format!(
            r#"{{"hidden_size":8,"num_hidden_layers":1,
                "num_attention_heads":4,"num_key_value_heads":2,"head_dim":4{extra}}}"#
        ))
        .unwrap()
    }

    #[test]
    fn rope_theta_is_read_from_either_transformers_layout() {
        assert_eq!(
            config(r#","rope_theta":10000.0"#).rope_theta().unwrap(),
            10000.0
        );
        assert_eq!(
            config(r#","rope_parameters":{"rope_theta":500.0,"rope_type":"default"}"#)
                .rope_theta()
                .unwrap(),
            500.0
        );
        assert!(
            config(r#","rope_scaling":{"rope_type":"yarn","factor":4.0}"#)
                .rope_theta()
                .is_err()
        );
    }

    #[test]
    fn unsupported_settings_are_named() {
        let err = config(r#","hidden_act":"gelu""#)
            .check()
            .unwrap_err()
            .to_string();
        assert!(err.contains("gelu"), "{err}");
        let mut uneven = config("");
        uneven.num_key_value_heads = 3;
        let err = uneven.check().unwrap_err().to_string();
        assert!(err.contains("num_key_value_heads"), "{err}");
        assert!(config("").check().is_ok());
    }
}
