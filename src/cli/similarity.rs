//! `silica similarity`: the cosine between two texts, or of each pair of a CSV file.

use super::ModelArgs;
use crate::app::similarity::{pair_cosines, read_pairs, write_scored_pairs, TextPairs};
use crate::export::write_atomically;
use crate::model::PromptChoice;
use anyhow::{bail, Result};
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

/// The cosine similarity of two texts (symmetric: the query prompt for both).
///
/// Examples: silica similarity "Le chat dort." "The cat is sleeping."
///           silica similarity --pairs pairs.csv -o scored.csv
#[derive(Debug, Args)]
pub struct SimilarityArgs {
    /// Two texts.
    #[arg(num_args = 0..=2)]
    pub texts: Vec<String>,

    /// A CSV file whose first two columns are texts: each row gets a score column.
    #[arg(long, conflicts_with = "texts")]
    pub pairs: Option<PathBuf>,

    /// The CSV's first row is a header (it gets a "score" column).
    #[arg(long, requires = "pairs")]
    pub header: bool,

    /// Write the scored CSV here instead of stdout.
    #[arg(short, long, requires = "pairs")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub model: ModelArgs,
}

pub fn run(args: SimilarityArgs) -> Result<()> {
    let pairs = match &args.pairs {
        Some(path) => read_pairs(path, args.header)?,
        None => {
            if args.texts.len() != 2 {
                bail!("give two texts, or --pairs FILE.csv");
            }
            TextPairs::new(vec![args.texts.clone()], None)?
        }
    };
    let mut cache = args.model.open_cache()?;
    let embedder = args.model.load_embedder()?;
    let prompt = args.model.prompt_or(PromptChoice::Query);
    let scores = pair_cosines(&pairs, &embedder, &prompt, cache.as_mut())?;
    if args.pairs.is_none() {
        println!("{:.4}", scores[0]);
        return Ok(());
    }
    let write = |w: &mut dyn Write| write_scored_pairs(w, &pairs, &scores);
    match &args.output {
        Some(path) => write_atomically(path, write),
        None => write(&mut std::io::stdout().lock()),
    }
}
