//! `silica embed`: texts in, vectors out, one per passage (default) or per document.

use super::args::{InputArgs, PassageArgs};
use super::ModelArgs;
use crate::corpus::{model_input, Corpus};
use crate::embed::{device_name, EmbedStats, Embedder, Embeddings};
use crate::export::{write_embeddings, write_jsonl, EmbeddingFormat, ExportItem};
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
    /// Each passage (see `silica passages`).
    Passage,
    /// Each document: its cleaned text embedded whole, or, when longer than the model's
    /// window, the mean of its passage vectors (normalised).
    Document,
}

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
    let prefix = prompt.prefix(&info.prompts).to_string();
    let corpus = args
        .passages
        .build(&args.input, info, embedder.tokenizer(), &prefix)?;
    let started = Instant::now();
    let (items, embeddings, stats) = match args.unit {
        Unit::Passage => embed_passages(&embedder, &corpus, &prompt)?,
        Unit::Document => embed_documents(&embedder, &corpus, &prompt)?,
    };
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
        "embedded {} {} from {} documents ({} tokens) with {} in {:.2} s: {:.1} texts/s",
        items.len(),
        if args.unit == Unit::Passage {
            "passages"
        } else {
            "documents"
        },
        corpus.documents.len(),
        stats.tokens,
        info.name,
        seconds,
        stats.texts as f64 / seconds.max(1e-9)
    );
    Ok(())
}

/// Embeds texts with a progress bar on stderr (shown only on a terminal).
fn embed_with_bar(
    embedder: &Embedder,
    texts: &[&str],
    prompt: &PromptChoice,
) -> Result<(Embeddings, EmbedStats)> {
    let bar = ProgressBar::with_draw_target(Some(texts.len() as u64), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} texts  {per_sec}  eta {eta}")
            .expect("static template"),
    );
    let result = embedder.embed_with_progress(texts, prompt, |n| bar.inc(n as u64));
    bar.finish_and_clear();
    result
}

fn embed_passages(
    embedder: &Embedder,
    corpus: &Corpus,
    prompt: &PromptChoice,
) -> Result<(Vec<ExportItem>, Embeddings, EmbedStats)> {
    let texts: Vec<&str> = corpus.passages.iter().map(|p| p.input.as_str()).collect();
    let (embeddings, stats) = embed_with_bar(embedder, &texts, prompt)?;
    let items = corpus
        .passages
        .iter()
        .map(|p| ExportItem {
            id: p.id.clone(),
            source: p.source.clone(),
            text: p.text.clone(),
            span: Some((p.start, p.end)),
        })
        .collect();
    Ok((items, embeddings, stats))
}

/// One vector per document: its cleaned text whole when it fits the window, else the
/// normalised mean of its passage vectors.
fn embed_documents(
    embedder: &Embedder,
    corpus: &Corpus,
    prompt: &PromptChoice,
) -> Result<(Vec<ExportItem>, Embeddings, EmbedStats)> {
    let info = embedder.info();
    let prefix = prompt.prefix(&info.prompts);
    let counter = embedder.tokenizer().counter(prefix);
    let mut items = Vec::new();
    let mut whole_texts: Vec<String> = Vec::new();
    // For each item: Ok(index into whole_texts) or Err(passage indices to average).
    let mut plans: Vec<std::result::Result<usize, Vec<usize>>> = Vec::new();
    for (doc_index, doc) in corpus.documents.iter().enumerate() {
        let passages: Vec<usize> = (0..corpus.passages.len())
            .filter(|&i| corpus.passages[i].doc_index == doc_index)
            .collect();
        if passages.is_empty() {
            tracing::warn!("{}: nothing left after cleaning, no vector", doc.source);
            continue;
        }
        let cleaned: Vec<&str> = passages
            .iter()
            .map(|&i| corpus.passages[i].text.as_str())
            .collect();
        let cleaned = cleaned.join("\n\n");
        let input = model_input(doc.format, &cleaned);
        if crate::corpus::TokenCounter::count(&counter, &input) <= info.max_tokens {
            plans.push(Ok(whole_texts.len()));
            whole_texts.push(input);
        } else {
            plans.push(Err(passages));
        }
        items.push(ExportItem {
            id: doc.id.clone(),
            source: doc.source.clone(),
            text: cleaned,
            span: None,
        });
    }
    let needed: Vec<usize> = plans
        .iter()
        .filter_map(|p| p.as_ref().err())
        .flatten()
        .copied()
        .collect();
    let mut texts: Vec<&str> = whole_texts.iter().map(String::as_str).collect();
    texts.extend(needed.iter().map(|&i| corpus.passages[i].input.as_str()));
    let (vectors, stats) = embed_with_bar(embedder, &texts, prompt)?;
    let position: std::collections::HashMap<usize, usize> = needed
        .iter()
        .enumerate()
        .map(|(k, &i)| (i, whole_texts.len() + k))
        .collect();
    let dim = vectors.dim;
    let mut data = Vec::with_capacity(plans.len() * dim);
    for plan in &plans {
        match plan {
            Ok(row) => data.extend_from_slice(vectors.row(*row)),
            Err(passages) => {
                let mut mean = vec![0f32; dim];
                for i in passages {
                    for (m, v) in mean.iter_mut().zip(vectors.row(position[i])) {
                        *m += v;
                    }
                }
                let norm = mean.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-12);
                data.extend(mean.iter().map(|x| x / norm));
            }
        }
    }
    Ok((items, Embeddings { dim, data }, stats))
}
