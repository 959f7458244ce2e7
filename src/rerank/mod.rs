//! Cross-encoder reranking: a (query, passage) pair read together by a BERT or XLM-R
//! encoder with a sequence-classification head, one relevance score per pair, as
//! sentence-transformers' `CrossEncoder.predict` gives it (the mMiniLM and bge-reranker
//! families are such models).
//!
//! [`CrossEncoder::load`] reads a CrossEncoder folder (what `CrossEncoder.save` or the hub
//! holds): `config.json` with a `*ForSequenceClassification` architecture and one label,
//! the weights (encoder under `bert.`/`roberta.`, then the head), `tokenizer.json`, and the
//! activation `config_sentence_transformers.json` names (sigmoid for one label when it names
//! none, as sentence-transformers does). Pairs are tokenized with the tokenizer's pair
//! template and cut longest-first at the model's length ([`TextTokenizer::encode_pairs`]).

mod head;

use crate::model::{
    read_optional_json, ModelLocator, ModelSpec, TextTokenizer, TokenBatch, WeightFormat,
};
use anyhow::{bail, Context, Result};
use candle_core::{DType, Device, IndexOp};
use head::ClassificationHead;

/// What turns the head's logit into the score (`activation_fn`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activation {
    Sigmoid,
    Identity,
}

impl Activation {
    fn apply(self, logit: f32) -> f32 {
        match self {
            Self::Sigmoid => 1.0 / (1.0 + (-logit).exp()),
            Self::Identity => logit,
        }
    }

    /// From sentence-transformers' class path (`torch.nn.modules.activation.Sigmoid`).
    fn from_class(path: &str) -> Result<Self> {
        match path.rsplit('.').next().unwrap_or(path) {
            "Sigmoid" => Ok(Self::Sigmoid),
            "Identity" => Ok(Self::Identity),
            other => bail!("activation_fn {other:?} is not supported (Sigmoid or Identity)"),
        }
    }
}

/// Pairs scored in one forward pass, at most.
const PAIRS_PER_BATCH: usize = 16;

/// A loaded cross-encoder.
pub struct CrossEncoder {
    name: String,
    model: crate::model::Model,
    head: ClassificationHead,
    activation: Activation,
}

impl CrossEncoder {
    /// Finds (see [`ModelLocator`]) and loads a CrossEncoder folder.
    pub fn load(spec: &ModelSpec, locator: &ModelLocator, device: Device) -> Result<Self> {
        let files = locator.locate(spec)?;
        let dir = files.dir.clone();
        let within = |e: anyhow::Error| e.context(format!("reranker {}", dir.display()));
        let labels: Labels = read_optional_json(&files.config)
            .map_err(within)?
            .unwrap_or_default();
        let labels = labels.id2label.map_or(1, |l| l.len().max(1));
        if labels != 1 {
            return Err(within(anyhow::anyhow!(
                "{labels} labels: a reranker has one relevance score (this is a classifier)"
            )));
        }
        let mut model =
            crate::model::Model::open(&files, &device, WeightFormat::F32).map_err(within)?;
        // CrossEncoder reads its length from the tokenizer (`model_max_length`), not from a
        // sentence_bert_config.json.
        let tokenizer: Option<TokenizerConfig> =
            read_optional_json(&dir.join("tokenizer_config.json")).map_err(within)?;
        if let Some(length) = tokenizer.and_then(|t| t.model_max_length) {
            if length >= 1.0 && length < model.info.max_tokens as f64 {
                model.info.max_tokens = length as usize;
            }
        }
        let head = ClassificationHead::load(&files.weights, model.info.hidden_size, &device)
            .map_err(within)?;
        let st: Option<CrossEncoderConfig> =
            read_optional_json(&dir.join("config_sentence_transformers.json")).map_err(within)?;
        let activation = match st.and_then(|c| c.activation_fn) {
            Some(path) => Activation::from_class(&path).map_err(within)?,
            None => Activation::Sigmoid,
        };
        model.encoder().map_err(within)?;
        Ok(Self {
            name: files.name.clone(),
            model,
            head,
            activation,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The longest pair read, special tokens included; longer pairs are cut.
    pub fn max_tokens(&self) -> usize {
        self.tokenizer().map_or(0, TextTokenizer::max_tokens)
    }

    fn tokenizer(&self) -> Result<&TextTokenizer> {
        self.model.tokenizer()
    }

    /// One score per passage for `query`, in the passages' order (higher: more relevant).
    /// A pair's score does not depend on the others in its batch.
    pub fn score(&self, query: &str, passages: &[&str]) -> Result<Vec<f32>> {
        let scores = self.raw_scores(query, passages)?;
        Ok(scores
            .into_iter()
            .map(|s| self.activation.apply(s))
            .collect())
    }

    /// The head's logits, before the activation (text-embeddings-inference's `raw_scores`).
    pub fn raw_scores(&self, query: &str, passages: &[&str]) -> Result<Vec<f32>> {
        let pairs: Vec<(&str, &str)> = passages.iter().map(|p| (query, *p)).collect();
        let encoded = self.tokenizer()?.encode_pairs(&pairs)?;
        let pad = self.tokenizer()?.pad_id();
        let mut scores = Vec::with_capacity(encoded.len());
        for chunk in encoded.chunks(PAIRS_PER_BATCH) {
            let rows: Vec<&crate::model::Encoded> = chunk.iter().collect();
            let batch = TokenBatch::padded(&rows, pad);
            let hidden = self
                .model
                .encoder()?
                .forward(&batch)
                .context("the reranker's forward pass failed")?;
            // The first token ([CLS] / <s>) of each row.
            let first = hidden.i((.., 0, ..))?.contiguous()?;
            let logits = self.head.forward(&first)?;
            scores.extend(
                logits
                    .to_dtype(DType::F32)?
                    .flatten_all()?
                    .to_vec1::<f32>()?,
            );
        }
        Ok(scores)
    }
}

/// `config.json`'s labels: one for a reranker.
#[derive(Default, serde::Deserialize)]
struct Labels {
    id2label: Option<std::collections::BTreeMap<String, String>>,
}

/// `tokenizer_config.json`'s length (a float: some files hold 1e30 for "no limit").
#[derive(serde::Deserialize)]
struct TokenizerConfig {
    model_max_length: Option<f64>,
}

/// `config_sentence_transformers.json` of a CrossEncoder.
#[derive(serde::Deserialize)]
struct CrossEncoderConfig {
    activation_fn: Option<String>,
}

/// Indices of `scores` from the highest score to the lowest; ties keep the given order.
pub fn ranking(scores: &[f32]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    order
}
