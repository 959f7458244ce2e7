//! `silica embed`: texts in, vectors out, one per passage (default) or per document.

use super::args::{InputArgs, PassageArgs};
use super::ModelArgs;
use crate::app::units::{embed_records, embed_units, Unit};
use crate::cache::EmbeddingCache;
use crate::embed::{device_name, EmbedStats, Embedder};
use crate::export::{write_embeddings, write_jsonl, EmbeddingFormat, ExportItem};
use crate::model::PromptChoice;
use crate::themes::Item;
use crate::vectors::Embeddings;
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
    let Embedded {
        units,
        embeddings,
        stats,
        documents,
        seconds,
    } = embed_inputs(&args, &embedder, &prompt, cache.as_mut())?;
    let items: Vec<ExportItem> = units
        .into_iter()
        .map(|u| ExportItem {
            id: u.id,
            source: u.source,
            text: u.text,
            span: u.span,
        })
        .collect();
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

/// The units of the inputs and their vectors, with the stats, the number of documents and
/// the seconds the embedding took (reading apart).
struct Embedded {
    units: Vec<Item>,
    embeddings: Embeddings,
    stats: EmbedStats,
    documents: usize,
    seconds: f64,
}

/// Records as read with `--unit text` (no corpus built), else the corpus's passages or
/// documents.
fn embed_inputs(
    args: &EmbedArgs,
    embedder: &Embedder,
    prompt: &PromptChoice,
    mut cache: Option<&mut EmbeddingCache>,
) -> Result<Embedded> {
    let (units, embeddings, stats, documents, started) = if args.unit == Unit::Text {
        let documents = args.input.read()?;
        let started = Instant::now();
        let (units, embeddings, stats) = embed_records(embedder, &documents, prompt, cache)?;
        (units, embeddings, stats, documents.len(), started)
    } else {
        let prefix = prompt.prefix(&embedder.info().prompts).to_string();
        let corpus = args.passages.build_for(
            &args.input,
            embedder,
            &prefix,
            &super::args::DateArgs::default(),
            cache.as_deref_mut(),
        )?;
        let started = Instant::now();
        let (units, embeddings, stats) = embed_units(embedder, &corpus, args.unit, prompt, cache)?;
        (units, embeddings, stats, corpus.documents.len(), started)
    };
    Ok(Embedded {
        units,
        embeddings,
        stats,
        documents,
        seconds: started.elapsed().as_secs_f64(),
    })
}
