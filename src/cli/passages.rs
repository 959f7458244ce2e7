//! `silica passages`: what silica will embed, and what it removed.

use super::args::{corpus_spec, DateArgs, InputArgs, PassageArgs};
use super::ModelArgs;
use crate::model::PromptChoice;
use crate::report::passages::{corpus_summary, write_corpus, Listing};
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
    let spec = corpus_spec(&args.input, &args.passages, &args.dates)?;
    let corpus = spec.read(&info, &tokenizer.counter(prompt.prefix(&info.prompts)))?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let listing = match (args.format, args.show_dropped) {
        (Format::Jsonl, false) => Listing::PassagesJsonl,
        (Format::Jsonl, true) => Listing::DroppedJsonl,
        (Format::Table, false) => Listing::PassagesTable,
        (Format::Table, true) => Listing::DroppedTable,
    };
    write_corpus(&mut out, &corpus, listing)?;
    out.flush()?;
    eprintln!("{}", corpus_summary(&corpus, args.passages.keep_duplicates));
    Ok(())
}
