use crate::embed::{set_cpu_threads, BatchLimits, DeviceChoice, Embedder};
use crate::model::{ModelLocator, ModelSpec, PromptChoice, DEFAULT_MODEL};
use anyhow::Result;
use clap::Args;

/// Flags of every command that embeds.
#[derive(Debug, Clone, Args)]
pub struct ModelArgs {
    /// Hugging Face repo id (optionally @revision) or a local model directory.
    /// Looked up in: the directory itself; models/<name>/ (or $SILICA_MODELS_DIR/<name>/);
    /// the Hugging Face cache; the hub (not with HF_HUB_OFFLINE=1).
    #[arg(long, env = "SILICA_MODEL", default_value = DEFAULT_MODEL)]
    pub model: String,

    /// Prompt before each text: query, passage, none, or literal text.
    /// Default: what the command's task needs (see its help).
    #[arg(long)]
    pub prompt: Option<String>,

    /// Device: cpu, cuda, metal or auto (a GPU when this build and machine have one).
    #[arg(long, default_value = "auto")]
    pub device: DeviceChoice,

    /// CPU threads (default: one per physical core).
    #[arg(long)]
    pub threads: Option<usize>,

    /// Most tokens in one forward pass (texts x longest text, padding included).
    /// Default: 768 on a CPU, 16384 on a GPU.
    #[arg(long)]
    pub batch_tokens: Option<usize>,

    /// Most texts in one forward pass. Default: 64 on a CPU, 256 on a GPU.
    #[arg(long)]
    pub batch_size: Option<usize>,
}

impl ModelArgs {
    /// The prompt asked for, or the command's default.
    pub fn prompt_or(&self, default: PromptChoice) -> PromptChoice {
        self.prompt
            .as_deref()
            .map(PromptChoice::parse)
            .unwrap_or(default)
    }

    /// Sets threads, opens the device and loads the model.
    pub fn load_embedder(&self) -> Result<Embedder> {
        if let Some(threads) = self.threads {
            set_cpu_threads(threads)?;
        }
        let device = self.device.open()?;
        let default = BatchLimits::for_device(&device);
        let limits = BatchLimits {
            max_batch_tokens: self.batch_tokens.unwrap_or(default.max_batch_tokens),
            max_batch_size: self.batch_size.unwrap_or(default.max_batch_size),
        };
        anyhow::ensure!(
            limits.max_batch_tokens > 0 && limits.max_batch_size > 0,
            "--batch-tokens and --batch-size must be at least 1"
        );
        Embedder::load(
            &ModelSpec::parse(&self.model),
            &ModelLocator::from_env(),
            device,
            limits,
        )
    }
}
