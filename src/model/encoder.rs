use super::{Architecture, ModelConfig};
use anyhow::{Context, Result};
use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::{bert, xlm_roberta};
use std::path::Path;

/// A transformer encoder from candle-transformers: token ids in, token vectors out.
pub enum Encoder {
    Bert(bert::BertModel),
    XlmRoberta(xlm_roberta::XLMRobertaModel),
}

impl Encoder {
    /// Loads f32 weights from a safetensors file (memory-mapped).
    pub fn load(config: &ModelConfig, weights: &Path, device: &Device) -> Result<Self> {
        // Safety: the file is memory-mapped read-only; silica never writes model files
        // while running, and a file changed underneath is the user's doing (as with any mmap).
        let vb = unsafe { VarBuilder::from_mmaped_safetensors(&[weights], DType::F32, device) }
            .context("not a readable safetensors file")?;
        Ok(match config.architecture {
            Architecture::Bert => {
                let cfg: bert::Config = serde_json::from_str(&config.json)
                    .with_context(|| format!("{}: not a BERT config", config.path.display()))?;
                Self::Bert(bert::BertModel::load(vb, &cfg)?)
            }
            Architecture::XlmRoberta => {
                let cfg: xlm_roberta::Config =
                    serde_json::from_str(&config.json).with_context(|| {
                        format!("{}: not an XLM-RoBERTa config", config.path.display())
                    })?;
                // Checkpoints saved from XLMRobertaModel have no prefix; from a task model, "roberta.".
                let model = xlm_roberta::XLMRobertaModel::new(&cfg, vb.clone())
                    .or_else(|_| xlm_roberta::XLMRobertaModel::new(&cfg, vb.pp("roberta")))?;
                Self::XlmRoberta(model)
            }
        })
    }

    /// Token vectors `[batch, seq, hidden]` for ids, type ids and attention mask `[batch, seq]`.
    pub fn forward(&self, ids: &Tensor, type_ids: &Tensor, mask: &Tensor) -> Result<Tensor> {
        Ok(match self {
            Self::Bert(m) => m.forward(ids, type_ids, Some(mask))?,
            Self::XlmRoberta(m) => m.forward(ids, mask, type_ids, None, None, None)?,
        })
    }
}
