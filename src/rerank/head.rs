//! The sequence-classification heads over the first token's vector, as `transformers`
//! builds them: BERT's pooler (dense, tanh) then `classifier`; RoBERTa/XLM-R's
//! `classifier.dense`, tanh, `classifier.out_proj`. Dropout is off at inference.

use anyhow::{bail, Context, Result};
use candle_core::{DType, Device, Module, Tensor};
use candle_nn::{Linear, VarBuilder};
use std::path::Path;

pub(super) enum ClassificationHead {
    /// `bert.pooler.dense` + tanh, then `classifier`.
    BertPooler { pooler: Linear, classifier: Linear },
    /// `classifier.dense` + tanh, then `classifier.out_proj`.
    Roberta { dense: Linear, out_proj: Linear },
}

impl ClassificationHead {
    /// Reads the head from the model's weights, whichever of the two it has.
    pub(super) fn load(weights: &Path, hidden: usize, device: &Device) -> Result<Self> {
        // Safety: the file is memory-mapped read-only and not changed while the model lives.
        let vb = unsafe { VarBuilder::from_mmaped_safetensors(&[weights], DType::F32, device) }
            .with_context(|| format!("reading {}", weights.display()))?;
        let linear = |prefix: &str, out: usize| -> Result<Linear> {
            candle_nn::linear(hidden, out, vb.pp(prefix))
                .with_context(|| format!("{}: {prefix}", weights.display()))
        };
        if vb.contains_tensor("classifier.out_proj.weight") {
            return Ok(Self::Roberta {
                dense: linear("classifier.dense", hidden)?,
                out_proj: linear("classifier.out_proj", 1)?,
            });
        }
        if vb.contains_tensor("classifier.weight") {
            let pooler = ["bert.pooler.dense", "pooler.dense"]
                .into_iter()
                .find(|p| vb.contains_tensor(&format!("{p}.weight")));
            let Some(pooler) = pooler else {
                bail!(
                    "{}: a BERT classification head needs the pooler (bert.pooler.dense)",
                    weights.display()
                );
            };
            return Ok(Self::BertPooler {
                pooler: linear(pooler, hidden)?,
                classifier: linear("classifier", 1)?,
            });
        }
        bail!(
            "{}: no sequence-classification head (classifier.weight or classifier.out_proj.weight): \
             is this a CrossEncoder?",
            weights.display()
        )
    }

    /// `[rows, hidden]` first-token vectors to `[rows, 1]` logits.
    pub(super) fn forward(&self, first: &Tensor) -> Result<Tensor> {
        let (inner, outer) = match self {
            Self::BertPooler { pooler, classifier } => (pooler, classifier),
            Self::Roberta { dense, out_proj } => (dense, out_proj),
        };
        Ok(outer.forward(&inner.forward(first)?.tanh()?)?)
    }
}
