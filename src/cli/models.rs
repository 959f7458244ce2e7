//! `silica models`: the architectures silica runs, the known-good models, and what one
//! model folder says (`silica models show MODEL`).

use super::args::Format;
use crate::model::{Model, ModelDescription, ModelLocator, ModelSpec, WeightFormat};
use crate::report::models::{write_catalog, write_description};
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
    let mut out = std::io::stdout().lock();
    match args.action {
        None => write_catalog(&mut out, args.format),
        Some(ModelsAction::Show { model }) => {
            let files = ModelLocator::from_env().locate(&ModelSpec::parse(&model))?;
            let model = Model::open(&files, &Device::Cpu, WeightFormat::F32)?;
            let description = ModelDescription::of(&files, &model.info);
            write_description(&mut out, &description, args.format)
        }
    }
}
