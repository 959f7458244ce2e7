//! Gemma3's text model as EmbeddingGemma uses it: read bidirectionally (global layers see
//! every token, local layers a window on both sides), then mean-pooled and projected by
//! the folder's Dense modules ([`super::Projection`]).
//!
//! The layer is the one in transformers' `modeling_gemma3.py`: token embeddings scaled by
//! `sqrt(hidden)`; RMS norms multiplying by `1 + weight` before and after both attention
//! and MLP; per-head norms on queries and keys; rotary positions with one base for local
//! layers and another for global ones; scores scaled by `query_pre_attn_scalar^-0.5`; a
//! GELU (tanh) gated MLP. Rows are padded on the right and padded keys masked out; the
//! rules depend on relative positions only, so a text's vector is the one it has alone.
//! Written here rather than taken from candle-transformers' `gemma3`, which is causal and
//! cached for generation, like its `qwen3` (see [`super::qwen3`]).

use super::decoder::{
    open_weights, rope_bases_by_type, AttentionInputs, AttentionKind, AttentionWeights, Heads,
    RmsNorm, RopeParameters, Visibility,
};
use super::linear::Linear;
use super::token_table::TokenTable;
use super::{ModelConfig, TokenBatch, WeightFormat};
use anyhow::{bail, ensure, Context, Result};
use candle_core::{Device, Tensor};
use candle_nn::VarBuilder;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

/// The fields of a Gemma3 text `config.json` the encoder reads.
#[derive(Debug, Clone, Deserialize)]
struct Gemma3Config {
    hidden_size: usize,
    num_hidden_layers: usize,
    num_attention_heads: usize,
    num_key_value_heads: usize,
    head_dim: usize,
    #[serde(default = "default_rms_eps")]
    rms_norm_eps: f64,
    query_pre_attn_scalar: f64,
    sliding_window: Option<usize>,
    /// `sliding_attention` or `full_attention` per layer; older files give the pattern.
    layer_types: Option<Vec<String>>,
    #[serde(alias = "_sliding_window_pattern")]
    sliding_window_pattern: Option<usize>,
    #[serde(default)]
    use_bidirectional_attention: bool,
    attn_logit_softcapping: Option<f64>,
    #[serde(default = "default_act")]
    hidden_activation: String,
    /// transformers 4: one base for global layers, one for local.
    rope_theta: Option<f64>,
    rope_local_base_freq: Option<f64>,
    rope_scaling: Option<serde_json::Value>,
    /// transformers 5: the bases by layer type.
    rope_parameters: Option<HashMap<String, RopeParameters>>,
}

fn default_rms_eps() -> f64 {
    1e-6
}

fn default_act() -> String {
    "gelu_pytorch_tanh".into()
}

impl Gemma3Config {
    /// Whether each layer is local (a sliding window) rather than global.
    fn local_layers(&self) -> Result<Vec<bool>> {
        let local = match (&self.layer_types, self.sliding_window_pattern) {
            (Some(types), _) => types
                .iter()
                .map(|t| match t.as_str() {
                    "sliding_attention" => Ok(true),
                    "full_attention" => Ok(false),
                    other => bail!("layer type {other:?} is not supported"),
                })
                .collect::<Result<Vec<_>>>()?,
            (None, Some(pattern)) if pattern > 0 => (0..self.num_hidden_layers)
                .map(|i| (i + 1) % pattern != 0)
                .collect(),
            _ => bail!("neither layer_types nor sliding_window_pattern"),
        };
        ensure!(
            local.len() == self.num_hidden_layers,
            "{} layer types for {} layers",
            local.len(),
            self.num_hidden_layers
        );
        Ok(local)
    }

    /// The rotary bases of global and local layers.
    fn rope_bases(&self) -> Result<(f64, f64)> {
        ensure!(
            self.rope_scaling.as_ref().is_none_or(|v| v.is_null()),
            "scaled rotary positions (rope_scaling) are not supported"
        );
        if let Some(by_type) = &self.rope_parameters {
            return rope_bases_by_type(by_type);
        }
        Ok((
            self.rope_theta.unwrap_or(1_000_000.0),
            self.rope_local_base_freq.unwrap_or(10_000.0),
        ))
    }

    fn check(&self) -> Result<()> {
        ensure!(
            self.hidden_activation == "gelu_pytorch_tanh",
            "hidden_activation {:?} is not supported (Gemma3 uses gelu_pytorch_tanh)",
            self.hidden_activation
        );
        ensure!(
            self.attn_logit_softcapping.is_none(),
            "attn_logit_softcapping is not supported"
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
            self.head_dim.is_multiple_of(2),
            "head_dim {} is odd",
            self.head_dim
        );
        Ok(())
    }
}

struct Layer {
    input_norm: RmsNorm,
    attention: AttentionWeights,
    post_attention_norm: RmsNorm,
    pre_mlp_norm: RmsNorm,
    gate: Linear,
    up: Linear,
    down: Linear,
    post_mlp_norm: RmsNorm,
    local: bool,
}

impl Layer {
    fn load(vb: VarBuilder, cfg: &Gemma3Config, local: bool, format: WeightFormat) -> Result<Self> {
        let attention = vb.pp("self_attn");
        let mlp = vb.pp("mlp");
        let linear = |vb: &VarBuilder, name: &str| Linear::load_without_bias(&vb.pp(name), format);
        let norm =
            |vb: &VarBuilder, name: &str| RmsNorm::load_offset(&vb.pp(name), cfg.rms_norm_eps);
        Ok(Self {
            input_norm: norm(&vb, "input_layernorm")?,
            attention: AttentionWeights {
                q: linear(&attention, "q_proj")?,
                k: linear(&attention, "k_proj")?,
                v: linear(&attention, "v_proj")?,
                o: linear(&attention, "o_proj")?,
                q_norm: Some(norm(&attention, "q_norm")?),
                k_norm: Some(norm(&attention, "k_norm")?),
            },
            post_attention_norm: norm(&vb, "post_attention_layernorm")?,
            pre_mlp_norm: norm(&vb, "pre_feedforward_layernorm")?,
            gate: linear(&mlp, "gate_proj")?,
            up: linear(&mlp, "up_proj")?,
            down: linear(&mlp, "down_proj")?,
            post_mlp_norm: norm(&vb, "post_feedforward_layernorm")?,
            local,
        })
    }

    fn forward(&self, x: &Tensor, heads: &Heads, at: &AttentionInputs) -> Result<Tensor> {
        let h = self.input_norm.forward(x)?;
        let attended = heads.attend(&self.attention, &h, at)?;
        let x = (x + self.post_attention_norm.forward(&attended)?)?;
        let h = self.pre_mlp_norm.forward(&x)?;
        let inner = (self.gate.matmul(&h)?.gelu()? * self.up.matmul(&h)?)?;
        let out = self.post_mlp_norm.forward(&self.down.matmul(&inner)?)?;
        Ok((x + out)?)
    }
}

/// A Gemma3 text model read as a bidirectional encoder.
pub struct Gemma3Encoder {
    word: TokenTable,
    embed_scale: f64,
    layers: Vec<Layer>,
    norm: RmsNorm,
    hidden: usize,
    heads: Heads,
    global: AttentionKind,
    local: AttentionKind,
    format: WeightFormat,
    device: Device,
}

impl Gemma3Encoder {
    pub fn load(
        config: &ModelConfig,
        weights: &Path,
        device: &Device,
        format: WeightFormat,
    ) -> Result<Self> {
        let path = config.path.display();
        let cfg: Gemma3Config = serde_json::from_str(&config.json)
            .with_context(|| format!("{path}: not a Gemma3 text config"))?;
        cfg.check().with_context(|| format!("{path}"))?;
        let local_layers = cfg.local_layers().with_context(|| format!("{path}"))?;
        let (global_base, local_base) = cfg.rope_bases().with_context(|| format!("{path}"))?;
        if !cfg.use_bidirectional_attention {
            // A causal Gemma3 is a generator, not an embedder silica knows how to read.
            bail!("{path}: use_bidirectional_attention is false; silica reads Gemma3 as EmbeddingGemma does");
        }
        // A bidirectional window of `sliding_window` is centred on the query: transformers
        // (`Gemma3TextConfig.__post_init__`) lets it see keys at most `sliding_window / 2`
        // away on either side, an exclusive bound of `sliding_window / 2 + 1`.
        let window = match cfg.sliding_window {
            Some(w) if w > 0 => w / 2 + 1,
            _ if local_layers.iter().any(|&l| l) => {
                bail!("{path}: local layers without a sliding_window")
            }
            _ => usize::MAX,
        };
        let (file, word) = open_weights(
            config,
            weights,
            device,
            "embed_tokens.weight",
            cfg.hidden_size,
        )?;
        let layers = local_layers
            .iter()
            .enumerate()
            .map(|(i, &local)| {
                Layer::load(file.open()?.pp(format!("layers.{i}")), &cfg, local, format)
                    .with_context(|| format!("layer {i}"))
            })
            .collect::<Result<Vec<_>>>()?;
        let vb = file.open()?;
        Ok(Self {
            word,
            embed_scale: (cfg.hidden_size as f64).sqrt(),
            layers,
            norm: RmsNorm::load_offset(&vb.pp("norm"), cfg.rms_norm_eps)?,
            hidden: cfg.hidden_size,
            heads: Heads {
                heads: cfg.num_attention_heads,
                kv_heads: cfg.num_key_value_heads,
                head_dim: cfg.head_dim,
                scale: cfg.query_pre_attn_scalar.powf(-0.5),
            },
            global: AttentionKind::new(global_base, cfg.head_dim, Visibility::Bidirectional),
            local: AttentionKind::new(local_base, cfg.head_dim, Visibility::Window(window)),
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
        let global = self.global.inputs(batch, &self.device)?;
        let local = self.local.inputs(batch, &self.device)?;
        let mut x = (Tensor::from_vec(
            self.word.gather(&batch.ids)?,
            (rows * width, self.hidden),
            &self.device,
        )? * self.embed_scale)?;
        for layer in &self.layers {
            let at = if layer.local { &local } else { &global };
            x = layer.forward(&x, &self.heads, at)?;
        }
        Ok(self.norm.forward(&x)?.reshape((rows, width, self.hidden))?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(extra: &str) -> Gemma3Config {
        serde_json::from_str(&format!(
            r#"{{"hidden_size":8,"num_hidden_layers":3,"num_attention_heads":2,
                "num_key_value_heads":1,"head_dim":4,"query_pre_attn_scalar":4{extra}}}"#
        ))
        .unwrap()
    }

    #[test]
    fn layer_kinds_come_from_types_or_the_pattern() {
        let typed =
            config(r#","layer_types":["sliding_attention","full_attention","sliding_attention"]"#);
        assert_eq!(typed.local_layers().unwrap(), [true, false, true]);
        let patterned = config(r#","sliding_window_pattern":3"#);
        assert_eq!(patterned.local_layers().unwrap(), [true, true, false]);
    }

    #[test]
    fn rope_bases_from_either_transformers_layout() {
        let v4 = config(r#","rope_theta":1000000.0,"rope_local_base_freq":10000.0"#);
        assert_eq!(v4.rope_bases().unwrap(), (1_000_000.0, 10_000.0));
        let v5 = config(
            r#","rope_parameters":{"full_attention":{"rope_theta":5.0},"sliding_attention":{"rope_theta":2.0}}"#,
        );
        assert_eq!(v5.rope_bases().unwrap(), (5.0, 2.0));
    }
}
