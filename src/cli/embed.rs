//! `silica embed`: texts in, vectors out, one per passage (default) or per document.

use super::args::{corpus_spec, DateArgs, InputArgs, PassageArgs};
use super::ModelArgs;
use crate::app::units::{embed_inputs, Embedded, Unit};
use crate::embed::device_name;
use crate::export::{write_embeddings, write_jsonl, EmbeddingFormat, ExportItem};
use crate::model::PromptChoice;
use crate::report::embed::{embedded_line, truncation_note};
use anyhow::Result;
use clap::Args;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

/// Embed texts into vectors.
///
/// Documents are cleaned of page furniture and cut into passages (see `silica passages`);
/// each passage gets a vector (`--unit document`: each document). The default prompt is
/// `passage` (a corpus to be searched); use `--prompt query` for questions and symmetric
/// tasks.
///
/// Example: silica embed seeds/ -o seeds.npy
#[derive(Debug, Args)]
pub struct EmbedArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output file: .jsonl, .npy (plus FILE.ids.json) or .safetensors. Default: JSONL on stdout.
    #[arg(short, long)]
    pub output: Option<PathBuf>,

    /// Leave the text out of JSONL output.
    #[arg(long)]
    pub no_text: bool,

    /// What to embed.
    #[arg(long, value_enum, default_value = "passage")]
    pub unit: Unit,

    #[command(flatten)]
    pub passages: PassageArgs,

    #[command(flatten)]
    pub model: ModelArgs,
}

pub fn run(args: EmbedArgs) -> Result<()> {
    // Check the output name before any work, so a typo does not cost a whole run.
    if let Some(path) = &args.output {
        EmbeddingFormat::from_path(path)?;
    }
    let loading = Instant::now();
    let mut cache = args.model.open_cache()?;
    let embedder = args.model.load_embedder()?;
    let prompt = args.model.prompt_or(PromptChoice::Passage);
    let info = embedder.info();
    tracing::info!(
        "loaded {} in {:.2?} on {}; prompt {}",
        info.name,
        loading.elapsed(),
        device_name(embedder.device()),
        prompt.label()
    );
    let spec = corpus_spec(&args.input, &args.passages, &DateArgs::default())?;
    let Embedded {
        units,
        embeddings,
        stats,
        documents,
        seconds,
    } = embed_inputs(&spec, args.unit, &embedder, &prompt, cache.as_mut())?;
    let items: Vec<ExportItem> = units
        .into_iter()
        .map(|u| ExportItem {
            id: u.id,
            source: u.source,
            text: u.text,
            span: u.span,
        })
        .collect();
    if let Some(note) = truncation_note(&stats, info.max_tokens) {
        eprintln!("{note}");
    }
    match &args.output {
        Some(path) => write_embeddings(path, &items, &embeddings, !args.no_text)?,
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            write_jsonl(&mut out, &items, &embeddings, !args.no_text)?;
            out.flush()?;
        }
    }
    eprintln!(
        "{}",
        embedded_line(
            items.len(),
            args.unit,
            documents,
            &stats,
            &info.name,
            seconds
        )
    );
    Ok(())
}
