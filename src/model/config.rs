use super::pooling::PoolingConfig;
use super::projection::DenseModule;
use super::{Pooling, Prompts};
use anyhow::{bail, Context, Result};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The encoder families silica runs (through candle-transformers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Architecture {
    /// multilingual-e5-small, paraphrase-multilingual-MiniLM-L12-v2, LaBSE, all-MiniLM-L6-v2.
    Bert,
    /// multilingual-e5-base/large, bge-m3.
    XlmRoberta,
    /// Qwen3-Embedding 0.6B, 4B, 8B: a decoder read causally, last-token pooled.
    Qwen3,
    /// EmbeddingGemma: Gemma3's text model read bidirectionally, with Dense projections.
    Gemma3Text,
    /// gte-modernbert, modernbert-embed: rotary positions, local and global attention.
    ModernBert,
    /// nomic-embed-text v1 and v1.5: BERT with rotary positions and a SwiGLU MLP.
    NomicBert,
}

impl Architecture {
    /// The `model_type` values of `config.json` silica runs, for messages and `silica models`.
    pub const SUPPORTED: &'static [(&'static str, Architecture)] = &[
        ("bert", Architecture::Bert),
        ("xlm-roberta", Architecture::XlmRoberta),
        ("qwen3", Architecture::Qwen3),
        ("gemma3_text", Architecture::Gemma3Text),
        ("modernbert", Architecture::ModernBert),
        ("nomic_bert", Architecture::NomicBert),
    ];

    /// The `model_type` this architecture is read from.
    pub fn model_type(self) -> &'static str {
        Self::SUPPORTED
            .iter()
            .find(|(_, a)| *a == self)
            .map(|(name, _)| *name)
            .unwrap_or("?")
    }
}

/// What silica reads of `config.json`; the file's text is kept for candle's own config types.
#[derive(Debug, Clone)]
pub struct ModelConfig {
    pub path: PathBuf,
    pub architecture: Architecture,
    pub hidden_size: usize,
    pub vocab_size: usize,
    /// The longest input the position embeddings allow, special tokens included.
    pub max_positions: usize,
    pub json: String,
}

#[derive(Deserialize)]
struct ConfigFields {
    model_type: Option<String>,
    hidden_size: Option<usize>,
    vocab_size: usize,
    max_position_embeddings: Option<usize>,
    /// NomicBERT's config keeps GPT-2's names for the two (a file may carry both).
    n_embd: Option<usize>,
    n_positions: Option<usize>,
    pad_token_id: Option<usize>,
}

impl ModelConfig {
    pub fn read(path: &Path) -> Result<Self> {
        let json =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        Self::parse(path, json)
    }

    pub fn parse(path: &Path, json: String) -> Result<Self> {
        let fields: ConfigFields = serde_json::from_str(&json)
            .with_context(|| format!("{}: not a usable model config", path.display()))?;
        let (Some(hidden_size), Some(positions)) = (
            fields.hidden_size.or(fields.n_embd),
            fields.max_position_embeddings.or(fields.n_positions),
        ) else {
            bail!(
                "{}: not a usable model config: no hidden_size or no max_position_embeddings",
                path.display()
            );
        };
        let supported = || {
            Architecture::SUPPORTED
                .iter()
                .map(|(name, _)| *name)
                .collect::<Vec<_>>()
                .join(", ")
        };
        let architecture = match fields.model_type.as_deref() {
            Some("xlm_roberta") => Architecture::XlmRoberta,
            Some(name) => match Architecture::SUPPORTED.iter().find(|(n, _)| *n == name) {
                Some((_, architecture)) => *architecture,
                None => bail!(
                    "{}: model_type {name:?} is not supported (silica runs {})",
                    path.display(),
                    supported()
                ),
            },
            None => bail!(
                "{}: no model_type; silica runs {}",
                path.display(),
                supported()
            ),
        };
        // RoBERTa-style position ids start after the padding index, so two positions are lost.
        let max_positions = match architecture {
            Architecture::Bert
            | Architecture::Qwen3
            | Architecture::Gemma3Text
            | Architecture::ModernBert
            | Architecture::NomicBert => positions,
            Architecture::XlmRoberta => {
                positions.saturating_sub(fields.pad_token_id.unwrap_or(1) + 1)
            }
        };
        Ok(Self {
            path: path.to_path_buf(),
            architecture,
            hidden_size,
            vocab_size: fields.vocab_size,
            max_positions,
            json,
        })
    }
}

/// What the sentence-transformers files of a model directory say (all optional).
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceTransformersConfig {
    pub pooling: Pooling,
    pub normalize: bool,
    pub max_seq_length: Option<usize>,
    pub prompts: Option<Prompts>,
    /// The Dense modules after pooling, in order.
    pub dense: Vec<DenseModule>,
}

#[derive(Deserialize)]
struct Module {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    path: String,
}

#[derive(Deserialize)]
struct SentenceBertConfig {
    max_seq_length: Option<usize>,
}

/// `tokenizer_config.json`: where sentence-transformers 6 keeps the maximum length.
#[derive(Deserialize)]
struct TokenizerConfig {
    model_max_length: Option<f64>,
}

#[derive(Deserialize)]
struct StConfig {
    #[serde(default)]
    prompts: Option<std::collections::BTreeMap<String, String>>,
    #[serde(default)]
    default_prompt_name: Option<String>,
}

/// A JSON file, `None` when it is absent; unreadable or malformed is an error naming it.
pub(crate) fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Option<T>> {
    match std::fs::read_to_string(path) {
        Ok(text) => serde_json::from_str(&text)
            .map(Some)
            .with_context(|| format!("{}: not valid JSON for this file", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("reading {}", path.display())),
    }
}

impl SentenceTransformersConfig {
    /// Reads `modules.json`, the pooling config, `sentence_bert_config.json` and
    /// `config_sentence_transformers.json`. Without `modules.json`, mean pooling and L2
    /// normalisation (the embeddings are compared by cosine anyway).
    pub fn read(dir: &Path) -> Result<Self> {
        let modules: Option<Vec<Module>> = read_json(&dir.join("modules.json"))?;
        let (pooling_path, normalize) = match &modules {
            Some(modules) => (
                modules
                    .iter()
                    .find(|m| m.kind.ends_with(".Pooling"))
                    .map(|m| dir.join(&m.path).join("config.json")),
                modules.iter().any(|m| m.kind.ends_with(".Normalize")),
            ),
            None => (Some(dir.join("1_Pooling/config.json")), true),
        };
        let pooling_config = match &pooling_path {
            Some(path) => read_json::<PoolingConfig>(path)?,
            None => None,
        };
        let pooling = match (&pooling_config, &pooling_path) {
            (Some(config), Some(path)) => config
                .pooling()
                .with_context(|| format!("{}", path.display()))?,
            _ => Pooling::Mean,
        };
        if let (Some(false), Some(path)) = (
            pooling_config.as_ref().and_then(|c| c.include_prompt),
            &pooling_path,
        ) {
            bail!(
                "{}: include_prompt false (the prompt left out of the pool) is not supported",
                path.display()
            );
        }
        // sentence-transformers up to 5 writes max_seq_length; 6 leaves it to the
        // tokenizer's model_max_length (a huge placeholder when the tokenizer has none).
        let max_seq_length =
            read_json::<SentenceBertConfig>(&dir.join("sentence_bert_config.json"))?
                .and_then(|c| c.max_seq_length)
                .or(
                    read_json::<TokenizerConfig>(&dir.join("tokenizer_config.json"))?
                        .and_then(|c| c.model_max_length)
                        .filter(|n| (1.0..1e7).contains(n))
                        .map(|n| n as usize),
                );
        let prompts = read_json::<StConfig>(&dir.join("config_sentence_transformers.json"))?
            .and_then(|c| Some((c.prompts.filter(|p| !p.is_empty())?, c.default_prompt_name)))
            .map(|(named, default_name)| Prompts {
                query: named.get("query").cloned(),
                passage: named
                    .get("passage")
                    .or_else(|| named.get("document"))
                    .cloned(),
                default_name,
                named,
            });
        let dense = Self::dense_modules(dir, modules.as_deref().unwrap_or(&[]))?;
        Ok(Self {
            pooling,
            normalize,
            max_seq_length,
            prompts,
            dense,
        })
    }

    /// The Dense modules `modules.json` lists, which must come after the pooling (a Dense
    /// module on token vectors is not something sentence-transformers' embedding models use).
    fn dense_modules(dir: &Path, modules: &[Module]) -> Result<Vec<DenseModule>> {
        let mut pooled = false;
        let mut dense = Vec::new();
        for module in modules {
            let kind = module.kind.rsplit('.').next().unwrap_or(&module.kind);
            match kind {
                "Pooling" => pooled = true,
                "Dense" if !pooled => bail!(
                    "{}: a Dense module before the pooling is not supported",
                    dir.join("modules.json").display()
                ),
                "Dense" => dense.push(DenseModule::read(&dir.join(&module.path))?),
                "Transformer" | "Normalize" => {}
                other => bail!(
                    "{}: module {other} is not supported (Transformer, Pooling, Dense and Normalize are)",
                    dir.join("modules.json").display()
                ),
            }
        }
        Ok(dense)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_model_type_is_named_in_the_error() {
        let json =
            r#"{"model_type":"gpt2","hidden_size":8,"vocab_size":10,"max_position_embeddings":16}"#;
        let err = ModelConfig::parse(Path::new("m/config.json"), json.into())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("gpt2") && err.contains("m/config.json"),
            "{err}"
        );
    }

    #[test]
    fn gpt2_field_names_are_read_for_nomic_bert() {
        let json = r#"{"model_type":"nomic_bert","n_embd":8,"vocab_size":10,"n_positions":2048}"#;
        let c = ModelConfig::parse(Path::new("config.json"), json.into()).unwrap();
        assert_eq!((c.hidden_size, c.max_positions), (8, 2048));
        let both = r#"{"model_type":"nomic_bert","n_embd":8,"hidden_size":8,"vocab_size":10,"n_positions":16}"#;
        assert!(ModelConfig::parse(Path::new("config.json"), both.into()).is_ok());
    }

    #[test]
    fn xlm_roberta_loses_the_padding_positions() {
        let json = r#"{"model_type":"xlm-roberta","hidden_size":8,"vocab_size":10,"max_position_embeddings":514,"pad_token_id":1}"#;
        let c = ModelConfig::parse(Path::new("config.json"), json.into()).unwrap();
        assert_eq!(
            (c.architecture, c.max_positions),
            (Architecture::XlmRoberta, 512)
        );
    }

    #[test]
    fn sentence_transformers_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(
            d.join("modules.json"),
            r#"[{"type":"sentence_transformers.models.Transformer","path":""},
                {"type":"sentence_transformers.models.Pooling","path":"1_Pooling"}]"#,
        )
        .unwrap();
        std::fs::create_dir(d.join("1_Pooling")).unwrap();
        std::fs::write(
            d.join("1_Pooling/config.json"),
            r#"{"pooling_mode_cls_token":true}"#,
        )
        .unwrap();
        std::fs::write(
            d.join("sentence_bert_config.json"),
            r#"{"max_seq_length":128}"#,
        )
        .unwrap();
        std::fs::write(
            d.join("config_sentence_transformers.json"),
            r#"{"prompts":{"query":"q: ","passage":"p: "}}"#,
        )
        .unwrap();
        let st = SentenceTransformersConfig::read(d).unwrap();
        assert_eq!(st.pooling, Pooling::Cls);
        assert!(!st.normalize);
        assert_eq!(st.max_seq_length, Some(128));
        assert_eq!(st.prompts.unwrap().query.as_deref(), Some("q: "));
    }
}
