//! `silica embed`: texts in, vectors out.

use super::ModelArgs;
use crate::corpus::{read_inputs, ReadOptions};
use crate::embed::device_name;
use crate::export::{write_embeddings, write_jsonl, EmbeddingFormat};
use crate::model::PromptChoice;
use anyhow::Result;
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

/// What one vector stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Unit {
    /// Each input text (file, JSONL row, CSV row, stdin line) is embedded whole.
    Document,
}

/// Embed texts into vectors.
///
/// Inputs: .txt/.md files (one document each), .jsonl (one per line), .csv (one per row),
/// directories (recursive), or - for stdin (one text per line). The default prompt is
/// `passage` (a corpus to be searched); use `--prompt query` for questions and symmetric
/// tasks.
///
/// Example: silica embed seeds/ -o seeds.npy
#[derive(Debug, Args)]
pub struct EmbedArgs {
    /// Files, directories, or - for stdin.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,

    /// Output file: .jsonl, .npy (plus FILE.ids.json) or .safetensors. Default: JSONL on stdout.
    #[arg(short, long)]
    pub output: Option<PathBuf>,

    /// Leave the text out of JSONL output.
    #[arg(long)]
    pub no_text: bool,

    /// What to embed.
    #[arg(long, value_enum, default_value = "document")]
    pub unit: Unit,

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

    #[command(flatten)]
    pub model: ModelArgs,
}

pub fn run(args: EmbedArgs) -> Result<()> {
    // Check the output name before any work, so a typo does not cost a whole run.
    if let Some(path) = &args.output {
        EmbeddingFormat::from_path(path)?;
    }
    let options = ReadOptions {
        text_field: args.text_field.clone(),
        id_field: args.id_field.clone(),
        text_column: args.text_column.clone(),
        id_column: args.id_column.clone(),
    };
    let documents = read_inputs(&args.inputs, &options)?;
    let loading = Instant::now();
    let embedder = args.model.load_embedder()?;
    let info = embedder.info();
    let prompt = args.model.prompt_or(PromptChoice::Passage);
    tracing::info!(
        "loaded {} in {:.2?} on {}; prompt {}",
        info.name,
        loading.elapsed(),
        device_name(embedder.device()),
        prompt.label()
    );

    let bar =
        ProgressBar::with_draw_target(Some(documents.len() as u64), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} texts  {per_sec}  eta {eta}")
            .expect("static template"),
    );
    let started = Instant::now();
    let texts: Vec<&str> = documents.iter().map(|d| d.text.as_str()).collect();
    let (embeddings, stats) =
        embedder.embed_with_progress(&texts, &prompt, |n| bar.inc(n as u64))?;
    bar.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();

    if stats.truncated > 0 {
        let verb = if stats.truncated == 1 { "was" } else { "were" };
        eprintln!(
            "note: {} of {} texts {verb} longer than {} tokens and {verb} cut to that length (the model reads no further)",
            stats.truncated,
            stats.texts,
            info.max_tokens
        );
    }
    match &args.output {
        Some(path) => write_embeddings(path, &documents, &embeddings, !args.no_text)?,
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            write_jsonl(&mut out, &documents, &embeddings, !args.no_text)?;
            out.flush()?;
        }
    }
    eprintln!(
        "embedded {} texts ({} tokens) with {} in {:.2} s: {:.1} texts/s",
        stats.texts,
        stats.tokens,
        info.name,
        seconds,
        stats.texts as f64 / seconds.max(1e-9)
    );
    Ok(())
}
