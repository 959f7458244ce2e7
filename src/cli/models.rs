//! `silica models`: the architectures silica runs, the known-good models, and what one
//! model folder says (`silica models show MODEL`).

use super::args::Format;
use crate::model::{
    architectures, Model, ModelDescription, ModelLocator, ModelSpec, WeightFormat, KNOWN_MODELS,
};
use anyhow::Result;
use candle_core::Device;
use clap::{Args, Subcommand};

/// The architectures silica runs, known-good models, and how silica reads a model folder.
///
/// Examples: silica models; silica models show intfloat/multilingual-e5-small
#[derive(Debug, Args)]
pub struct ModelsArgs {
    #[command(subcommand)]
    pub action: Option<ModelsAction>,

    /// Output: a table for people, or JSON.
    #[arg(long, value_enum, default_value = "table", global = true)]
    pub format: Format,
}

#[derive(Debug, Subcommand)]
pub enum ModelsAction {
    /// What silica does with a model: architecture, pooling, Dense layers, normalisation,
    /// maximum length and prompts, as its folder says (its weights are not read).
    Show {
        /// A hub id (optionally @revision) or a model directory, found as --model is.
        model: String,
    },
}

pub fn run(args: ModelsArgs) -> Result<()> {
    match args.action {
        None => list(args.format),
        Some(ModelsAction::Show { model }) => show(&model, args.format),
    }
}

fn list(format: Format) -> Result<()> {
    if format == Format::Json {
        let out = serde_json::json!({
            "architectures": architectures(),
            "known_models": KNOWN_MODELS,
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(());
    }
    println!(
        "architectures (config.json model_type): {}",
        architectures().join(", ")
    );
    println!();
    println!(
        "{:<40} {:<12} {:>5} {:>6} {:<9} {:<18} checked",
        "model", "architecture", "dim", "ctx", "languages", "licence"
    );
    for m in KNOWN_MODELS {
        println!(
            "{:<40} {:<12} {:>5} {:>6} {:<9} {:<18} {}",
            m.id,
            m.architecture,
            m.dimension,
            m.context,
            m.languages,
            m.licence,
            match m.checked {
                crate::model::Checked::RealWeights => "real weights = sentence-transformers",
                crate::model::Checked::Architecture => "architecture on random weights",
                crate::model::Checked::CandlePort => "architecture = candle-transformers' port",
            }
        );
    }
    println!();
    println!("prompts:");
    for m in KNOWN_MODELS {
        println!("  {:<40} {}", m.id, m.prompts);
    }
    println!();
    println!("shorter vectors (--dimensions N, Matryoshka-trained widths):");
    for m in KNOWN_MODELS.iter().filter(|m| !m.matryoshka.is_empty()) {
        let widths: Vec<String> = m.matryoshka.iter().map(usize::to_string).collect();
        println!("  {:<40} {}", m.id, widths.join(", "));
    }
    Ok(())
}

fn show(model: &str, format: Format) -> Result<()> {
    let files = ModelLocator::from_env().locate(&ModelSpec::parse(model))?;
    let model = Model::open(&files, &Device::Cpu, WeightFormat::F32)?;
    let d = ModelDescription::of(&files, &model.info);
    if format == Format::Json {
        println!("{}", serde_json::to_string_pretty(&d)?);
        return Ok(());
    }
    let prompt = |p: &Option<String>| match p {
        Some(text) => format!("{text:?}"),
        None => "none".into(),
    };
    println!("model:        {}", d.name);
    println!("directory:    {} ({})", d.directory, d.origin);
    println!(
        "architecture: {} (hidden size {})",
        d.architecture, d.hidden_size
    );
    println!("pooling:      {}", d.pooling);
    for dense in &d.dense {
        println!(
            "dense:        {} {} -> {}{}, {}",
            dense.path,
            dense.in_features,
            dense.out_features,
            if dense.bias { " with bias" } else { "" },
            dense.activation
        );
    }
    println!(
        "normalize:    {}",
        if d.normalize { "yes (L2)" } else { "no" }
    );
    println!("dimension:    {}", d.dimension);
    println!("--dimensions: {}", d.shorter_vectors);
    println!("max tokens:   {}", d.max_tokens);
    println!("query prompt: {}", prompt(&d.query_prompt));
    println!("passage prompt: {}", prompt(&d.passage_prompt));
    for (name, text) in &d.named_prompts {
        println!("  --prompt {name}: {text:?}");
    }
    if let Some(name) = &d.default_prompt_name {
        println!("default prompt (sentence-transformers): {name}");
    }
    Ok(())
}
