//! ModernBERT (gte-modernbert, modernbert-embed): a bidirectional encoder with rotary
//! positions, attention alternating between global layers (every token) and local ones
//! (a window centred on the query), and a GeGLU MLP, as transformers'
//! `modeling_modernbert.py` computes it.
//!
//! The layer: `x + attention(norm(x))`, then `x + mlp(norm(x))`, with LayerNorms without
//! biases (the first layer's attention norm is the identity); one fused `Wqkv` projection,
//! split here into queries, keys and values; scores scaled by `head_dim^-0.5`; the MLP's
//! `Wi` gives the input and the gate halves, `Wo(gelu(input) * gate)`. Embeddings are the
//! token table, normed; no position table. Written here on [`super::decoder`]'s pieces
//! rather than taken from candle-transformers' `modernbert`, whose linear layers are
//! candle's f32 ones (no int8 or GGML weights) and whose config reads transformers 4's
//! field names only.

use super::decoder::{
    open_weights, rope_bases_by_type, rows_of, AttentionInputs, AttentionKind, AttentionWeights,
    Heads, LayerNorm, RopeParameters, Visibility,
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

/// The fields of a ModernBERT `config.json` the encoder reads.
#[derive(Debug, Clone, Deserialize)]
struct ModernBertConfig {
    hidden_size: usize,
    num_hidden_layers: usize,
    num_attention_heads: usize,
    intermediate_size: usize,
    #[serde(default = "default_norm_eps")]
    norm_eps: f64,
    #[serde(default)]
    norm_bias: bool,
    #[serde(default)]
    attention_bias: bool,
    #[serde(default)]
    mlp_bias: bool,
    #[serde(default = "default_act")]
    hidden_activation: String,
    /// The local layers' window: keys at most `local_attention / 2` away on either side.
    #[serde(default = "default_local_attention")]
    local_attention: usize,
    /// The half window itself, where a file names it (transformers 5's alias).
    sliding_window: Option<usize>,
    /// `sliding_attention` or `full_attention` per layer (transformers 5); older files give
    /// the period of global layers instead.
    layer_types: Option<Vec<String>>,
    global_attn_every_n_layers: Option<usize>,
    /// transformers 4: one rotary base for global layers, one for local.
    global_rope_theta: Option<f64>,
    local_rope_theta: Option<f64>,
    /// transformers 5: the bases by layer type.
    rope_parameters: Option<HashMap<String, RopeParameters>>,
}

fn default_norm_eps() -> f64 {
    1e-5
}

fn default_act() -> String {
    "gelu".into()
}

fn default_local_attention() -> usize {
    128
}

impl ModernBertConfig {
    /// Whether each layer is local (a sliding window) rather than global.
    fn local_layers(&self) -> Result<Vec<bool>> {
        let local = match &self.layer_types {
            Some(types) => types
                .iter()
                .map(|t| match t.as_str() {
                    "sliding_attention" => Ok(true),
                    "full_attention" => Ok(false),
                    other => bail!("layer type {other:?} is not supported"),
                })
                .collect::<Result<Vec<_>>>()?,
            None => {
                let every = self.global_attn_every_n_layers.unwrap_or(3);
                ensure!(every > 0, "global_attn_every_n_layers is 0");
                (0..self.num_hidden_layers)
                    .map(|i| !i.is_multiple_of(every))
                    .collect()
            }
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
        if let Some(by_type) = &self.rope_parameters {
            return rope_bases_by_type(by_type);
        }
        Ok((
            self.global_rope_theta.unwrap_or(160_000.0),
            self.local_rope_theta.unwrap_or(10_000.0),
        ))
    }

    fn head_dim(&self) -> usize {
        self.hidden_size / self.num_attention_heads.max(1)
    }

    fn check(&self) -> Result<()> {
        ensure!(
            self.hidden_activation == "gelu",
            "hidden_activation {:?} is not supported (ModernBERT uses gelu)",
            self.hidden_activation
        );
        for (name, set) in [
            ("norm_bias", self.norm_bias),
            ("attention_bias", self.attention_bias),
            ("mlp_bias", self.mlp_bias),
        ] {
            ensure!(
                !set,
                "{name} true is not supported (ModernBERT's models have none)"
            );
        }
        ensure!(
            self.num_attention_heads > 0
                && self.hidden_size.is_multiple_of(self.num_attention_heads)
                && self.head_dim().is_multiple_of(2),
            "hidden_size {} does not split into {} heads of an even width",
            self.hidden_size,
            self.num_attention_heads
        );
        ensure!(self.local_attention > 0, "local_attention is 0");
        Ok(())
    }
}

struct Layer {
    /// `None` on the first layer, whose input is the normed embeddings already.
    attention_norm: Option<LayerNorm>,
    attention: AttentionWeights,
    mlp_norm: LayerNorm,
    input: Linear,
    gate: Linear,
    out: Linear,
    local: bool,
}

impl Layer {
    fn load(
        vb: VarBuilder,
        cfg: &ModernBertConfig,
        first: bool,
        local: bool,
        format: WeightFormat,
    ) -> Result<Self> {
        let hidden = cfg.hidden_size;
        let inner = cfg.intermediate_size;
        let qkv: Tensor = vb.pp("attn").pp("Wqkv").get_unchecked("weight")?;
        ensure!(
            qkv.dims() == [3 * hidden, hidden],
            "attn.Wqkv.weight is {:?}, not [{}, {hidden}]",
            qkv.dims(),
            3 * hidden
        );
        let wi: Tensor = vb.pp("mlp").pp("Wi").get_unchecked("weight")?;
        ensure!(
            wi.dims() == [2 * inner, hidden],
            "mlp.Wi.weight is {:?}, not [{}, {hidden}]",
            wi.dims(),
            2 * inner
        );
        Ok(Self {
            attention_norm: if first {
                None
            } else {
                Some(LayerNorm::load(&vb.pp("attn_norm"), cfg.norm_eps, false)?)
            },
            attention: AttentionWeights {
                q: rows_of(&qkv, 0, hidden, format)?,
                k: rows_of(&qkv, hidden, hidden, format)?,
                v: rows_of(&qkv, 2 * hidden, hidden, format)?,
                o: Linear::load_without_bias(&vb.pp("attn").pp("Wo"), format)?,
                q_norm: None,
                k_norm: None,
            },
            mlp_norm: LayerNorm::load(&vb.pp("mlp_norm"), cfg.norm_eps, false)?,
            input: rows_of(&wi, 0, inner, format)?,
            gate: rows_of(&wi, inner, inner, format)?,
            out: Linear::load_without_bias(&vb.pp("mlp").pp("Wo"), format)?,
            local,
        })
    }

    fn forward(&self, x: &Tensor, heads: &Heads, at: &AttentionInputs) -> Result<Tensor> {
        let attended = match &self.attention_norm {
            Some(norm) => heads.attend(&self.attention, &norm.forward(x)?, at)?,
            None => heads.attend(&self.attention, x, at)?,
        };
        let x = (x + attended)?;
        let h = self.mlp_norm.forward(&x)?;
        let inner = (self.input.matmul(&h)?.gelu_erf()? * self.gate.matmul(&h)?)?;
        Ok((x + self.out.matmul(&inner)?)?)
    }
}

/// A loaded ModernBERT encoder.
pub struct ModernBertEncoder {
    word: TokenTable,
    embedding_norm: LayerNorm,
    layers: Vec<Layer>,
    final_norm: LayerNorm,
    hidden: usize,
    heads: Heads,
    global: AttentionKind,
    local: AttentionKind,
    format: WeightFormat,
    device: Device,
}

impl ModernBertEncoder {
    pub fn load(
        config: &ModelConfig,
        weights: &Path,
        device: &Device,
        format: WeightFormat,
    ) -> Result<Self> {
        let path = config.path.display();
        let cfg: ModernBertConfig = serde_json::from_str(&config.json)
            .with_context(|| format!("{path}: not a ModernBERT config"))?;
        cfg.check().with_context(|| format!("{path}"))?;
        let local_layers = cfg.local_layers().with_context(|| format!("{path}"))?;
        let (global_base, local_base) = cfg.rope_bases().with_context(|| format!("{path}"))?;
        let (file, word) = open_weights(
            config,
            weights,
            device,
            "embeddings.tok_embeddings.weight",
            cfg.hidden_size,
        )?;
        let layers = local_layers
            .iter()
            .enumerate()
            .map(|(i, &local)| {
                Layer::load(
                    file.open()?.pp(format!("layers.{i}")),
                    &cfg,
                    i == 0,
                    local,
                    format,
                )
                .with_context(|| format!("layer {i}"))
            })
            .collect::<Result<Vec<_>>>()?;
        let vb = file.open()?;
        let head_dim = cfg.head_dim();
        // transformers lets a local layer's query see keys at most `local_attention / 2`
        // away (`sliding_window`): an exclusive bound of one more.
        let window = cfg.sliding_window.unwrap_or(cfg.local_attention / 2) + 1;
        Ok(Self {
            word,
            embedding_norm: LayerNorm::load(&vb.pp("embeddings").pp("norm"), cfg.norm_eps, false)?,
            layers,
            final_norm: LayerNorm::load(&vb.pp("final_norm"), cfg.norm_eps, false)?,
            hidden: cfg.hidden_size,
            heads: Heads {
                heads: cfg.num_attention_heads,
                kv_heads: cfg.num_attention_heads,
                head_dim,
                scale: (head_dim as f64).powf(-0.5),
            },
            global: AttentionKind::new(global_base, head_dim, Visibility::Bidirectional),
            local: AttentionKind::new(local_base, head_dim, Visibility::Window(window)),
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
        let embedded = Tensor::from_vec(
            self.word.gather(&batch.ids)?,
            (rows * width, self.hidden),
            &self.device,
        )?;
        let mut x = self.embedding_norm.forward(&embedded)?;
        for layer in &self.layers {
            let at = if layer.local { &local } else { &global };
            x = layer.forward(&x, &self.heads, at)?;
        }
        Ok(self
            .final_norm
            .forward(&x)?
            .reshape((rows, width, self.hidden))?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(extra: &str) -> ModernBertConfig {
        serde_json::from_str(&format!(
            r#"{{"hidden_size":8,"num_hidden_layers":4,"num_attention_heads":2,
                "intermediate_size":12{extra}}}"#
        ))
        .unwrap()
    }

    #[test]
    fn every_third_layer_is_global_unless_types_say_otherwise() {
        assert_eq!(
            config("").local_layers().unwrap(),
            [false, true, true, false]
        );
        let typed = config(
            r#","layer_types":["full_attention","sliding_attention","full_attention","sliding_attention"]"#,
        );
        assert_eq!(typed.local_layers().unwrap(), [false, true, false, true]);
    }

    #[test]
    fn rope_bases_from_either_transformers_layout() {
        assert_eq!(config("").rope_bases().unwrap(), (160_000.0, 10_000.0));
        let v5 = config(
            r#","rope_parameters":{"full_attention":{"rope_theta":5.0},"sliding_attention":{"rope_theta":2.0}}"#,
        );
        assert_eq!(v5.rope_bases().unwrap(), (5.0, 2.0));
    }

    #[test]
    fn biases_are_refused_by_name() {
        let err = config(r#","mlp_bias":true"#)
            .check()
            .unwrap_err()
            .to_string();
        assert!(err.contains("mlp_bias"), "{err}");
    }
}
