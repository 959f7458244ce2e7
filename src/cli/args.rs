use crate::app::corpus::{CorpusSpec, PassageChoices};
use crate::app::model::ModelRequest;
use crate::cache::EmbeddingCache;
use crate::corpus::{encoding_for_label, DateRange, ReadOptions};
use crate::embed::{DeviceChoice, Embedder};
use crate::lexical::{Fusion, HybridParams, RetrievalMethod};
use crate::model::{ModelInfo, PromptChoice, TextTokenizer, WeightFormat, DEFAULT_MODEL};
use anyhow::{bail, Result};
use clap::Args;
use std::path::PathBuf;

/// What to read: inputs and how to read them.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Files (.txt, .md, .html, .jsonl, .csv), directories (recursive), or - for stdin
    /// (one text per line).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,

    /// JSONL field holding the text.
    #[arg(long, default_value = "text")]
    pub text_field: String,

    /// JSONL field holding the id (default: FILE:LINE).
    #[arg(long, default_value = "id")]
    pub id_field: String,

    /// CSV column holding the text.
    #[arg(long, default_value = "text")]
    pub text_column: String,

    /// CSV column holding the id (default: FILE:LINE).
    #[arg(long)]
    pub id_column: Option<String>,

    /// Read only the files of input directories matching this glob (relative to the
    /// directory; repeatable; !GLOB leaves files out).
    #[arg(long = "glob", value_name = "GLOB")]
    pub globs: Vec<String>,

    /// Decode files with this encoding (utf-8, windows-1252, latin1, shift_jis, ...)
    /// instead of detecting it.
    #[arg(long)]
    pub encoding: Option<String>,
}

impl InputArgs {
    /// How the inputs are read.
    pub fn options(&self) -> Result<ReadOptions> {
        Ok(ReadOptions {
            text_field: self.text_field.clone(),
            id_field: self.id_field.clone(),
            text_column: self.text_column.clone(),
            id_column: self.id_column.clone(),
            globs: self.globs.clone(),
            encoding: self
                .encoding
                .as_deref()
                .map(encoding_for_label)
                .transpose()?,
        })
    }
}

/// Which documents by their publication date (found in their text; see `silica passages
/// --format json`, field date of each document).
#[derive(Debug, Clone, Default, Args)]
pub struct DateArgs {
    /// Only documents dated on or after this day (YYYY-MM-DD); undated ones are left out.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub since: Option<chrono::NaiveDate>,

    /// Only documents dated on or before this day (YYYY-MM-DD); undated ones are left out.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub until: Option<chrono::NaiveDate>,
}

impl DateArgs {
    pub fn range(&self) -> DateRange {
        DateRange {
            since: self.since,
            until: self.until,
        }
    }

    pub fn check(&self) -> Result<()> {
        if let (Some(s), Some(u)) = (self.since, self.until) {
            if s > u {
                bail!("--since {s} is after --until {u}");
            }
        }
        Ok(())
    }
}

/// How documents are cut into passages.
#[derive(Debug, Clone, Args)]
pub struct PassageArgs {
    /// Most model tokens in a passage, prompt and special tokens included
    /// (default: the model's window).
    #[arg(long)]
    pub max_tokens: Option<usize>,

    /// Sentences repeated at the start of the next chunk when a long paragraph is cut.
    #[arg(long, default_value_t = 0)]
    pub overlap: usize,

    /// Paragraphs shorter than this many characters are merged with a neighbour.
    #[arg(long, default_value_t = PassageChoices::default().min_chars)]
    pub min_chars: usize,

    /// Keep every line: no removal of page furniture.
    #[arg(long)]
    pub keep_all: bool,

    /// Keep duplicate passages as passages of their own.
    #[arg(long)]
    pub keep_duplicates: bool,
}

impl PassageArgs {
    /// How documents are cut, as these flags ask.
    pub fn choices(&self) -> PassageChoices {
        PassageChoices {
            max_tokens: self.max_tokens,
            overlap: self.overlap,
            min_chars: self.min_chars,
            keep_all: self.keep_all,
            keep_duplicates: self.keep_duplicates,
        }
    }
}

/// The corpus the flags name: the inputs, how they are read and cut, which dates.
pub fn corpus_spec(
    input: &InputArgs,
    passages: &PassageArgs,
    dates: &DateArgs,
) -> Result<CorpusSpec> {
    Ok(CorpusSpec {
        inputs: input.inputs.clone(),
        read: input.options()?,
        passages: passages.choices(),
        dates: dates.range(),
    })
}

/// Flags of every command that embeds.
#[derive(Debug, Clone, Args)]
pub struct ModelArgs {
    /// Hugging Face repo id (optionally @revision) or a local model directory.
    /// Looked up in: the directory itself; models/<name>/ (or $SILICA_MODELS_DIR/<name>/);
    /// the Hugging Face cache; the hub (not with HF_HUB_OFFLINE=1).
    #[arg(long, env = "SILICA_MODEL", default_value = DEFAULT_MODEL, global = true)]
    pub model: String,

    /// Prompt before each text: query, passage, none, a prompt the model names
    /// (`silica models show` lists them, e.g. Clustering), or literal text.
    /// Default: what the command's task needs (see its help).
    #[arg(long, global = true)]
    pub prompt: Option<String>,

    /// Shorter vectors: each cut to its first N values and normalised again, for models
    /// trained for it (Matryoshka: `silica models` lists their widths); refused for others.
    /// An index or store keeps the width it was built with, and queries follow it.
    #[arg(long, global = true, value_name = "N")]
    pub dimensions: Option<usize>,

    /// Device: cpu, cuda, metal or auto (a GPU when this build and machine have one).
    #[arg(long, default_value = "auto", global = true)]
    pub device: DeviceChoice,

    /// CPU threads (default: one per physical core).
    #[arg(long, global = true)]
    pub threads: Option<usize>,

    /// Most tokens in one forward pass (texts x longest text, padding included).
    /// Default: 768 on a CPU, 16384 on a GPU.
    #[arg(long, global = true)]
    pub batch_tokens: Option<usize>,

    /// Most texts in one forward pass. Default: 64 on a CPU, 256 on a GPU.
    #[arg(long, global = true)]
    pub batch_size: Option<usize>,

    /// Hold the linear layers' weights as f32, int8 (integer products on the CPU's
    /// dot-product units: faster), or q8_0 or q4_0 (GGML blocks: smaller only), quantized
    /// at load, at a small cost in quality (docs/performance.md).
    #[arg(long, default_value = "f32", global = true, value_name = "FORMAT")]
    pub quantize: WeightFormat,

    /// The embedding cache (SQLite). Default: $XDG_CACHE_HOME/silica/embeddings.sqlite.
    #[arg(long, env = "SILICA_CACHE", value_name = "PATH", global = true)]
    pub cache: Option<PathBuf>,

    /// Neither read nor write the embedding cache.
    #[arg(long, conflicts_with = "cache", global = true)]
    pub no_cache: bool,
}

impl ModelArgs {
    /// The prompt asked for, or the command's default.
    pub fn prompt_or(&self, default: PromptChoice) -> PromptChoice {
        self.prompt
            .as_deref()
            .map(PromptChoice::parse)
            .unwrap_or(default)
    }

    /// The embedding cache, unless `--no-cache`.
    pub fn open_cache(&self) -> Result<Option<EmbeddingCache>> {
        if self.no_cache {
            return Ok(None);
        }
        let path = self
            .cache
            .clone()
            .unwrap_or_else(EmbeddingCache::default_path);
        Ok(Some(EmbeddingCache::open(&path)?))
    }

    /// The model request these flags make.
    pub fn request(&self) -> ModelRequest {
        ModelRequest {
            model: self.model.clone(),
            device: self.device,
            batch_tokens: self.batch_tokens,
            batch_size: self.batch_size,
            quantize: self.quantize,
            dimensions: self.dimensions,
        }
    }

    /// See [`ModelRequest::load_tokenizer`].
    pub fn load_tokenizer(&self) -> Result<(ModelInfo, TextTokenizer)> {
        self.request().load_tokenizer()
    }

    /// See [`ModelRequest::load`] (`--threads` is already set: the CLI sets it before any
    /// command runs).
    pub fn load_embedder(&self) -> Result<Embedder> {
        self.request().load()
    }
}

/// `--format` of the commands that print a table for people or JSON for programs.
pub use crate::report::TextFormat as Format;

/// `--fusion`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FusionChoice {
    Rrf,
    Weighted,
}

/// How passages are ranked: `--retrieval` and the hybrid's fusion (the defaults chosen on
/// PIAF's dev half, docs/quality.md).
#[derive(Debug, Clone, Args)]
pub struct RetrievalArgs {
    /// How passages are ranked: dense (the model's cosines), lexical (BM25 over the words,
    /// each passage analysed in its language) or hybrid (both, fused). A lexical or hybrid
    /// hit's score is BM25's or the fusion's, not a cosine.
    #[arg(long, value_enum, default_value = "dense")]
    pub retrieval: RetrievalMethod,
    /// How hybrid fuses the two rankings: rrf (reciprocal rank, --rrf-k) or weighted
    /// (each list's scores scaled to 0..1, --dense-weight x dense + the rest x lexical).
    #[arg(long, value_enum, default_value = "weighted")]
    pub fusion: FusionChoice,
    /// Reciprocal rank fusion's constant (hybrid, --fusion rrf).
    #[arg(long, default_value_t = 60.0)]
    pub rrf_k: f64,
    /// The dense side's weight, 0 to 1 (hybrid, --fusion weighted).
    #[arg(long, default_value_t = 0.5)]
    pub dense_weight: f64,
    /// How many of each ranking's best the fusion takes (hybrid).
    #[arg(long, default_value_t = 200)]
    pub fusion_depth: usize,
}

impl RetrievalArgs {
    pub fn hybrid(&self) -> Result<HybridParams> {
        if !(self.rrf_k >= 0.0 && (0.0..=1.0).contains(&self.dense_weight)) {
            bail!("--rrf-k must be at least 0, --dense-weight between 0 and 1");
        }
        if self.fusion_depth == 0 {
            bail!("--fusion-depth must be at least 1");
        }
        Ok(HybridParams {
            fusion: match self.fusion {
                FusionChoice::Rrf => Fusion::ReciprocalRank { k: self.rrf_k },
                FusionChoice::Weighted => Fusion::Weighted {
                    dense_weight: self.dense_weight,
                },
            },
            depth: self.fusion_depth,
        })
    }
}
