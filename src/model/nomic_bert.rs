//! NomicBERT (nomic-embed-text v1 and v1.5): BERT's post-norm layer with rotary positions
//! instead of a position table, one fused `Wqkv` projection without biases, and a SwiGLU
//! MLP (`fc2(fc11(x) * silu(fc12(x)))`), as nomic's `modeling_hf_nomic_bert.py` computes it.
//!
//! The layer: `norm1(x + attention(x))`, then `norm2(x + mlp(x))`; token and token-type
//! embeddings summed, then `emb_ln`; every layer sees every token; scores scaled by
//! `head_dim^-0.5`. Written here on [`super::decoder`]'s pieces for the int8 and GGML
//! weights of [`super::linear`]; candle-transformers' `nomic_bert` (candle's f32 linear
//! layers) is the oracle `tests/models.rs` checks it against, since nomic's PyTorch code
//! is remote code on the hub, which this machine cannot reach.

use super::decoder::{
    open_weights, rows_of, AttentionInputs, AttentionKind, AttentionWeights, Heads, LayerNorm,
    Visibility,
};
use super::linear::Linear;
use super::token_table::TokenTable;
use super::{ModelConfig, TokenBatch, WeightFormat};
use anyhow::{bail, ensure, Context, Result};
use candle_core::{Device, Tensor};
use candle_nn::VarBuilder;
use serde::Deserialize;
use std::path::Path;

/// The fields of a NomicBERT `config.json` (GPT-2's field names) the encoder reads.
#[derive(Debug, Clone, Deserialize)]
struct NomicBertConfig {
    n_embd: usize,
    n_head: usize,
    n_layer: usize,
    n_inner: usize,
    #[serde(default = "default_eps")]
    layer_norm_epsilon: f64,
    #[serde(default = "default_fraction")]
    rotary_emb_fraction: f64,
    #[serde(default = "default_base")]
    rotary_emb_base: f64,
    #[serde(default)]
    rotary_emb_interleaved: bool,
    rotary_scaling_factor: Option<f64>,
    #[serde(default)]
    qkv_proj_bias: bool,
    #[serde(default)]
    mlp_fc1_bias: bool,
    #[serde(default)]
    mlp_fc2_bias: bool,
    #[serde(default = "default_act")]
    activation_function: String,
    #[serde(default)]
    prenorm: bool,
    /// nomic-embed-text v2's mixture-of-experts layers.
    #[serde(default)]
    moe_every_n_layers: usize,
}

fn default_eps() -> f64 {
    1e-12
}

fn default_fraction() -> f64 {
    1.0
}

fn default_base() -> f64 {
    1000.0
}

fn default_act() -> String {
    "swiglu".into()
}

impl NomicBertConfig {
    fn head_dim(&self) -> usize {
        self.n_embd / self.n_head.max(1)
    }

    /// What silica does not run, refused by name: each changes the vectors.
    fn check(&self) -> Result<()> {
        ensure!(
            self.activation_function == "swiglu",
            "activation_function {:?} is not supported (nomic-embed-text uses swiglu)",
            self.activation_function
        );
        ensure!(
            self.rotary_emb_fraction == 1.0,
            "rotary_emb_fraction {} is not supported (only 1.0: every dimension rotated)",
            self.rotary_emb_fraction
        );
        ensure!(
            !self.rotary_emb_interleaved,
            "rotary_emb_interleaved true is not supported"
        );
        ensure!(
            self.rotary_scaling_factor.is_none(),
            "rotary_scaling_factor (scaled rotary positions) is not supported"
        );
        ensure!(
            self.moe_every_n_layers == 0,
            "mixture-of-experts layers (moe_every_n_layers) are not supported"
        );
        for (name, set) in [
            ("qkv_proj_bias", self.qkv_proj_bias),
            ("mlp_fc1_bias", self.mlp_fc1_bias),
            ("mlp_fc2_bias", self.mlp_fc2_bias),
            ("prenorm", self.prenorm),
        ] {
            ensure!(
                !set,
                "{name} true is not supported (nomic-embed-text has it false)"
            );
        }
        ensure!(
            self.n_head > 0
                && self.n_embd.is_multiple_of(self.n_head)
                && self.head_dim().is_multiple_of(2),
            "n_embd {} does not split into {} heads of an even width",
            self.n_embd,
            self.n_head
        );
        Ok(())
    }
}

struct Layer {
    attention: AttentionWeights,
    attention_norm: LayerNorm,
    value: Linear,
    gate: Linear,
    down: Linear,
    mlp_norm: LayerNorm,
}

impl Layer {
    fn load(vb: VarBuilder, cfg: &NomicBertConfig, format: WeightFormat) -> Result<Self> {
        let hidden = cfg.n_embd;
        let qkv: Tensor = vb.pp("attn").pp("Wqkv").get_unchecked("weight")?;
        ensure!(
            qkv.dims() == [3 * hidden, hidden],
            "attn.Wqkv.weight is {:?}, not [{}, {hidden}]",
            qkv.dims(),
            3 * hidden
        );
        let mlp = vb.pp("mlp");
        let fc11: Tensor = mlp.pp("fc11").get_unchecked("weight")?;
        ensure!(
            fc11.dims() == [cfg.n_inner, hidden],
            "mlp.fc11.weight is {:?}, not [{}, {hidden}]",
            fc11.dims(),
            cfg.n_inner
        );
        let linear = |name: &str| Linear::load_without_bias(&mlp.pp(name), format);
        Ok(Self {
            attention: AttentionWeights {
                q: rows_of(&qkv, 0, hidden, format)?,
                k: rows_of(&qkv, hidden, hidden, format)?,
                v: rows_of(&qkv, 2 * hidden, hidden, format)?,
                o: Linear::load_without_bias(&vb.pp("attn").pp("out_proj"), format)?,
                q_norm: None,
                k_norm: None,
            },
            attention_norm: LayerNorm::load(&vb.pp("norm1"), cfg.layer_norm_epsilon, true)?,
            value: linear("fc11")?,
            gate: linear("fc12")?,
            down: linear("fc2")?,
            mlp_norm: LayerNorm::load(&vb.pp("norm2"), cfg.layer_norm_epsilon, true)?,
        })
    }

    fn forward(&self, x: &Tensor, heads: &Heads, at: &AttentionInputs) -> Result<Tensor> {
        let attended = heads.attend(&self.attention, x, at)?;
        let x = self.attention_norm.forward(&(x + attended)?)?;
        let inner = (self.value.matmul(&x)? * self.gate.matmul(&x)?.silu()?)?;
        self.mlp_norm.forward(&(x + self.down.matmul(&inner)?)?)
    }
}

/// A loaded NomicBERT encoder.
pub struct NomicBertEncoder {
    word: TokenTable,
    token_type: Tensor,
    embedding_norm: LayerNorm,
    layers: Vec<Layer>,
    hidden: usize,
    heads: Heads,
    /// Every layer's: bidirectional, one rotary base.
    attention: AttentionKind,
    format: WeightFormat,
    device: Device,
}

impl NomicBertEncoder {
    pub fn load(
        config: &ModelConfig,
        weights: &Path,
        device: &Device,
        format: WeightFormat,
    ) -> Result<Self> {
        let path = config.path.display();
        let cfg: NomicBertConfig = serde_json::from_str(&config.json)
            .with_context(|| format!("{path}: not a NomicBERT config"))?;
        cfg.check().with_context(|| format!("{path}"))?;
        let (file, word) = open_weights(
            config,
            weights,
            device,
            "embeddings.word_embeddings.weight",
            cfg.n_embd,
        )?;
        let layers = (0..cfg.n_layer)
            .map(|i| {
                Layer::load(file.open()?.pp(format!("encoder.layers.{i}")), &cfg, format)
                    .with_context(|| format!("layer {i}"))
            })
            .collect::<Result<Vec<_>>>()?;
        let vb = file.open()?;
        let head_dim = cfg.head_dim();
        Ok(Self {
            word,
            token_type: vb
                .pp("embeddings")
                .get_unchecked("token_type_embeddings.weight")?,
            embedding_norm: LayerNorm::load(&vb.pp("emb_ln"), cfg.layer_norm_epsilon, true)?,
            layers,
            hidden: cfg.n_embd,
            heads: Heads {
                heads: cfg.n_head,
                kv_heads: cfg.n_head,
                head_dim,
                scale: (head_dim as f64).powf(-0.5),
            },
            attention: AttentionKind::new(cfg.rotary_emb_base, head_dim, Visibility::Bidirectional),
            format,
            device: device.clone(),
        })
    }

    pub fn weight_format(&self) -> WeightFormat {
        self.format
    }

    /// Token vectors `[rows, width, hidden]`; padded positions hold unspecified values.
    pub fn forward(&self, batch: &TokenBatch) -> Result<Tensor> {
        let (rows, width) = (batch.rows(), batch.width);
        if rows == 0 || width == 0 {
            bail!("an empty batch");
        }
        let n = rows * width;
        let words = Tensor::from_vec(
            self.word.gather(&batch.ids)?,
            (n, self.hidden),
            &self.device,
        )?;
        let types = Tensor::from_slice(&batch.type_ids, n, &self.device)?;
        let mut x = self
            .embedding_norm
            .forward(&(words + self.token_type.index_select(&types, 0)?)?)?;
        let at = self.attention.inputs(batch, &self.device)?;
        for layer in &self.layers {
            x = layer.forward(&x, &self.heads, &at)?;
        }
        Ok(x.reshape((rows, width, self.hidden))?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(extra: &str) -> NomicBertConfig {
        serde_json::from_str(&format!(
            r#"{{"n_embd":8,"n_head":2,"n_layer":1,"n_inner":12{extra}}}"#
        ))
        .unwrap()
    }

    #[test]
    fn nomic_defaults_are_accepted_and_variants_refused_by_name() {
        config("").check().unwrap();
        for (extra, name) in [
            (r#","prenorm":true"#, "prenorm"),
            (r#","rotary_emb_fraction":0.5"#, "rotary_emb_fraction"),
            (r#","rotary_scaling_factor":2.0"#, "rotary_scaling_factor"),
            (r#","moe_every_n_layers":2"#, "moe_every_n_layers"),
            (r#","activation_function":"gelu""#, "activation_function"),
        ] {
            let err = config(extra).check().unwrap_err().to_string();
            assert!(err.contains(name), "{extra}: {err}");
        }
    }
}
