//! `silica passages`: what silica will embed, and what it removed.

use super::args::{DateArgs, InputArgs, PassageArgs};
use super::ModelArgs;
use crate::corpus::Corpus;
use crate::model::PromptChoice;
use anyhow::Result;
use clap::{Args, ValueEnum};
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One line per passage for people.
    Table,
    /// One JSON object per passage (or dropped line).
    Jsonl,
}

/// Show the passages silica cuts documents into.
///
/// Documents are read, cleaned of page furniture (link and hashtag lines, credits, calls to
/// action, teasers, short lines around the article, boilerplate repeated across files),
/// split into paragraphs and cut to the model's window at sentence boundaries; duplicates
/// are kept once. Counts go to stderr. Tokens are counted with the model's tokenizer (the
/// weights are not loaded).
///
/// Each passage carries its document's publication date when the text states one near its
/// top (field date; --since/--until keep documents by it).
///
/// Example: silica passages seeds/ --format jsonl
#[derive(Debug, Args)]
pub struct PassagesArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format on stdout.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,

    /// List the dropped lines and why, instead of the passages.
    #[arg(long)]
    pub show_dropped: bool,

    #[command(flatten)]
    pub dates: DateArgs,

    #[command(flatten)]
    pub passages: PassageArgs,

    #[command(flatten)]
    pub model: ModelArgs,
}

pub fn run(args: PassagesArgs) -> Result<()> {
    args.dates.check()?;
    let (info, tokenizer) = args.model.load_tokenizer()?;
    let prompt = args.model.prompt_or(PromptChoice::Passage);
    let corpus = args.passages.build_dated(
        &args.input,
        &info,
        &tokenizer.counter(prompt.prefix(&info.prompts)),
        &args.dates,
    )?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match (args.format, args.show_dropped) {
        (Format::Jsonl, false) => {
            for p in &corpus.passages {
                serde_json::to_writer(&mut out, p)?;
                out.write_all(b"\n")?;
            }
        }
        (Format::Jsonl, true) => {
            for d in &corpus.dropped {
                serde_json::to_writer(&mut out, d)?;
                out.write_all(b"\n")?;
            }
        }
        (Format::Table, false) => write_passage_table(&mut out, &corpus)?,
        (Format::Table, true) => {
            for d in &corpus.dropped {
                writeln!(out, "{}:{}\t{}\t{}", d.source, d.line, d.reason, d.text)?;
            }
        }
    }
    out.flush()?;
    eprintln!(
        "{} documents ({} dated), {} passages, {} lines dropped, {} duplicate passages{}",
        corpus.documents.len(),
        corpus.documents.iter().filter(|d| d.date.is_some()).count(),
        corpus.passages.len(),
        corpus.dropped.len(),
        corpus.duplicates,
        if args.passages.keep_duplicates {
            " (kept)"
        } else {
            " (embedded once)"
        }
    );
    Ok(())
}

fn write_passage_table(out: &mut impl Write, corpus: &Corpus) -> Result<()> {
    writeln!(
        out,
        "{:<40} {:>4} {:>6} {:>13}  text",
        "id", "lang", "tokens", "chars"
    )?;
    for p in &corpus.passages {
        let flat = p.input.clone();
        let shown: String = flat.chars().take(90).collect();
        let more = if flat.chars().count() > 90 { "…" } else { "" };
        let dups = if p.duplicates.is_empty() {
            String::new()
        } else {
            format!("  (+{} duplicate)", p.duplicates.len())
        };
        writeln!(
            out,
            "{:<40} {:>4} {:>6} {:>13}  {shown}{more}{dups}",
            p.id,
            p.lang.as_deref().unwrap_or("?"),
            p.tokens,
            format!("{}-{}", p.start, p.end)
        )?;
    }
    Ok(())
}
