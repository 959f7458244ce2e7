//! What silica can run: the architectures, a short list of known-good models, and a
//! description of one model folder as silica reads it (`silica models`).

use super::{Architecture, ModelFiles, ModelInfo, Pooling};
use serde::Serialize;

/// How far a known model has been checked here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Checked {
    /// Its real weights reproduce sentence-transformers' vectors (tests/reference.rs).
    RealWeights,
    /// Its architecture reproduces sentence-transformers on a random-weight model of the
    /// same layout (tests/models.rs); the checkpoint itself has not been run here.
    Architecture,
    /// Its architecture reproduces candle-transformers' port on a random-weight model
    /// (tests/models.rs): the reference PyTorch code is remote code on the hub.
    CandlePort,
}

/// A model known to run, for `silica models` and `--model NAME`.
#[derive(Debug, Clone, Serialize)]
pub struct KnownModel {
    pub id: &'static str,
    pub architecture: &'static str,
    pub dimension: usize,
    pub languages: &'static str,
    /// Longest input in tokens.
    pub context: usize,
    pub prompts: &'static str,
    pub licence: &'static str,
    pub checked: Checked,
    /// The vector widths it was trained to be cut to (Matryoshka), widest first; empty
    /// when it was not, and `--dimensions` is refused.
    pub matryoshka: &'static [usize],
}

/// The known-good models: the two checked on their real weights, and one or more of each
/// other architecture, whose files fetch through hf-hub where the hub is reachable.
pub const KNOWN_MODELS: &[KnownModel] = &[
    KnownModel {
        id: "intfloat/multilingual-e5-small",
        architecture: "bert",
        dimension: 384,
        languages: "~100",
        context: 512,
        prompts: "query: / passage:",
        licence: "MIT",
        checked: Checked::RealWeights,
        matryoshka: &[],
    },
    KnownModel {
        id: "sentence-transformers/all-MiniLM-L6-v2",
        architecture: "bert",
        dimension: 384,
        languages: "English",
        context: 256,
        prompts: "none",
        licence: "Apache-2.0",
        checked: Checked::RealWeights,
        matryoshka: &[],
    },
    KnownModel {
        id: "intfloat/multilingual-e5-base",
        architecture: "xlm-roberta",
        dimension: 768,
        languages: "~100",
        context: 512,
        prompts: "query: / passage:",
        licence: "MIT",
        checked: Checked::Architecture,
        matryoshka: &[],
    },
    KnownModel {
        id: "intfloat/multilingual-e5-large",
        architecture: "xlm-roberta",
        dimension: 1024,
        languages: "~100",
        context: 512,
        prompts: "query: / passage:",
        licence: "MIT",
        checked: Checked::Architecture,
        matryoshka: &[],
    },
    KnownModel {
        id: "BAAI/bge-m3",
        architecture: "xlm-roberta",
        dimension: 1024,
        languages: "100+",
        context: 8192,
        prompts: "none (CLS pooling; the dense vector only)",
        licence: "MIT",
        checked: Checked::Architecture,
        matryoshka: &[],
    },
    KnownModel {
        id: "Qwen/Qwen3-Embedding-0.6B",
        architecture: "qwen3",
        dimension: 1024,
        languages: "100+",
        context: 32768,
        prompts: "query: an instruction; documents: none",
        licence: "Apache-2.0",
        checked: Checked::Architecture,
        matryoshka: &[1024, 512, 256, 128, 64, 32],
    },
    KnownModel {
        id: "google/embeddinggemma-300m",
        architecture: "gemma3_text",
        dimension: 768,
        languages: "100+",
        context: 2048,
        prompts: "task prompts (query, document, clustering, ...)",
        licence: "Gemma (gated on the hub)",
        checked: Checked::Architecture,
        matryoshka: &[768, 512, 256, 128],
    },
    KnownModel {
        id: "Alibaba-NLP/gte-modernbert-base",
        architecture: "modernbert",
        dimension: 768,
        languages: "English",
        context: 8192,
        prompts: "none (CLS pooling)",
        licence: "Apache-2.0",
        checked: Checked::Architecture,
        matryoshka: &[],
    },
    KnownModel {
        id: "nomic-ai/modernbert-embed-base",
        architecture: "modernbert",
        dimension: 768,
        languages: "English",
        context: 8192,
        prompts: "search_query: / search_document:",
        licence: "Apache-2.0",
        checked: Checked::Architecture,
        matryoshka: &[768, 256],
    },
    KnownModel {
        id: "nomic-ai/nomic-embed-text-v1.5",
        architecture: "nomic_bert",
        dimension: 768,
        languages: "English",
        context: 8192,
        prompts: "search_query: / search_document: / clustering: / classification:",
        licence: "Apache-2.0",
        checked: Checked::CandlePort,
        matryoshka: &[768, 512, 256, 128, 64],
    },
];

/// One Dense module, as `silica models show` prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DenseDescription {
    pub path: String,
    pub in_features: usize,
    pub out_features: usize,
    pub bias: bool,
    pub activation: String,
}

/// What silica does with a model folder: everything that decides its vectors.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelDescription {
    pub name: String,
    pub directory: String,
    pub origin: String,
    pub architecture: &'static str,
    pub hidden_size: usize,
    pub dimension: usize,
    pub pooling: &'static str,
    pub dense: Vec<DenseDescription>,
    pub normalize: bool,
    pub max_tokens: usize,
    pub query_prompt: Option<String>,
    pub passage_prompt: Option<String>,
    /// Every prompt the folder names, for `--prompt NAME`.
    pub named_prompts: std::collections::BTreeMap<String, String>,
    /// sentence-transformers' `default_prompt_name`, shown; silica's commands choose.
    pub default_prompt_name: Option<String>,
    /// Whether `--dimensions` may cut the vectors (Matryoshka training), and how that is known.
    pub shorter_vectors: String,
}

impl ModelDescription {
    pub fn of(files: &ModelFiles, info: &ModelInfo) -> Self {
        Self {
            name: info.name.clone(),
            directory: files.dir.display().to_string(),
            origin: format!("{:?}", files.origin),
            architecture: info.architecture.model_type(),
            hidden_size: info.hidden_size,
            dimension: info.dimension,
            pooling: match info.pooling {
                Pooling::Mean => "mean",
                Pooling::Cls => "cls",
                Pooling::LastToken => "lasttoken",
            },
            dense: info
                .dense
                .iter()
                .map(|d| DenseDescription {
                    path: d
                        .dir
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    in_features: d.config.in_features,
                    out_features: d.config.out_features,
                    bias: d.config.bias,
                    activation: d
                        .config
                        .activation_function
                        .rsplit('.')
                        .next()
                        .unwrap_or_default()
                        .to_string(),
                })
                .collect(),
            normalize: info.normalize,
            max_tokens: info.max_tokens,
            query_prompt: info.prompts.query.clone(),
            passage_prompt: info.prompts.passage.clone(),
            named_prompts: info.prompts.named.clone(),
            default_prompt_name: info.prompts.default_name.clone(),
            shorter_vectors: match super::MatryoshkaTraining::of(files) {
                Some(super::MatryoshkaTraining::Known(widths)) => format!(
                    "trained at {} (a known model)",
                    widths
                        .iter()
                        .map(usize::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                Some(super::MatryoshkaTraining::ModelCard) => {
                    "trained for them (its model card names MatryoshkaLoss)".into()
                }
                None => "no (not trained for Matryoshka truncation)".into(),
            },
        }
    }
}

/// The architectures, by the `model_type` their `config.json` gives.
pub fn architectures() -> Vec<&'static str> {
    Architecture::SUPPORTED
        .iter()
        .map(|(name, _)| *name)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_model_has_a_supported_architecture() {
        let supported = architectures();
        for model in KNOWN_MODELS {
            assert!(supported.contains(&model.architecture), "{}", model.id);
        }
    }
}
