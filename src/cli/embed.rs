//! `silica embed`: texts in, vectors out, one per passage (default) or per document.

use super::args::{InputArgs, PassageArgs};
use super::ModelArgs;
use crate::app::units::{embed_records, embed_units, Unit};
use crate::embed::device_name;
use crate::export::{write_embeddings, write_jsonl, EmbeddingFormat, ExportItem};
use crate::model::PromptChoice;
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

pub fn run(mut args: EmbedArgs) -> Result<()> {
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
    if args.unit == Unit::Document {
        // Every document keeps all its passages for its mean.
        args.passages.keep_duplicates = true;
    }
    let started;
    let (units, embeddings, stats, documents) = if args.unit == Unit::Text {
        // Records as read: no cleaning or splitting, so no corpus is built.
        let documents = args.input.read()?;
        started = Instant::now();
        let (units, embeddings, stats) =
            embed_records(&embedder, &documents, &prompt, cache.as_mut())?;
        (units, embeddings, stats, documents.len())
    } else {
        let prefix = prompt.prefix(&info.prompts).to_string();
        let corpus = args.passages.build_for(
            &args.input,
            &embedder,
            &prefix,
            &super::args::DateArgs::default(),
            cache.as_mut(),
        )?;
        started = Instant::now();
        let (units, embeddings, stats) =
            embed_units(&embedder, &corpus, args.unit, &prompt, cache.as_mut())?;
        (units, embeddings, stats, corpus.documents.len())
    };
    let items: Vec<ExportItem> = units
        .into_iter()
        .map(|u| ExportItem {
            id: u.id,
            source: u.source,
            text: u.text,
            span: u.span,
        })
        .collect();
    let seconds = started.elapsed().as_secs_f64();
    if stats.truncated > 0 {
        let verb = if stats.truncated == 1 { "was" } else { "were" };
        eprintln!(
            "note: {} of {} texts {verb} longer than {} tokens and {verb} cut to that length (the model reads no further)",
            stats.truncated, stats.texts, info.max_tokens
        );
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
        "embedded {} {} from {} documents ({} from the cache, {} tokens computed) with {} in {:.2} s: {:.1} texts/s",
        items.len(),
        match args.unit {
            Unit::Passage => "passages",
            Unit::Document => "documents",
            Unit::Text => "texts",
        },
        documents,
        stats.cached,
        stats.tokens,
        info.name,
        seconds,
        stats.texts as f64 / seconds.max(1e-9)
    );
    Ok(())
}
