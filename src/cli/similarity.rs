//! `silica similarity`: the cosine between two texts, or of each pair of a CSV file.

use super::ModelArgs;
use crate::app::units::embed_with_bar;
use crate::export::write_atomically;
use crate::model::PromptChoice;
use anyhow::{bail, Context, Result};
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
    let (rows, header) = match &args.pairs {
        Some(path) => read_pairs(path, args.header)?,
        None => {
            if args.texts.len() != 2 {
                bail!("give two texts, or --pairs FILE.csv");
            }
            (
                vec![vec![args.texts[0].clone(), args.texts[1].clone()]],
                None,
            )
        }
    };
    if let Some(i) = rows
        .iter()
        .position(|r| r[0].trim().is_empty() || r[1].trim().is_empty())
    {
        bail!("pair {} has an empty text", i + 1);
    }
    let mut cache = args.model.open_cache()?;
    let embedder = args.model.load_embedder()?;
    let prompt = args.model.prompt_or(PromptChoice::Query);
    let texts: Vec<&str> = rows
        .iter()
        .flat_map(|r| [r[0].as_str(), r[1].as_str()])
        .collect();
    let (vectors, _) = embed_with_bar(&embedder, &texts, &prompt, cache.as_mut())?;
    let cosine = |i: usize| -> f64 {
        vectors
            .row(2 * i)
            .iter()
            .zip(vectors.row(2 * i + 1))
            .map(|(a, b)| *a as f64 * *b as f64)
            .sum()
    };
    if args.pairs.is_none() {
        println!("{:.4}", cosine(0));
        return Ok(());
    }
    let write = |w: &mut dyn Write| -> Result<()> {
        let mut csv = csv::Writer::from_writer(w);
        if let Some(h) = &header {
            let mut h = h.clone();
            h.push("score".into());
            csv.write_record(&h)?;
        }
        for (i, row) in rows.iter().enumerate() {
            let mut row = row.clone();
            row.push(format!("{:.4}", cosine(i)));
            csv.write_record(&row)?;
        }
        csv.flush()?;
        Ok(())
    };
    match &args.output {
        Some(path) => write_atomically(path, write),
        None => write(&mut std::io::stdout().lock()),
    }
}

/// One CSV record, as strings.
type CsvRow = Vec<String>;

/// The rows of a pairs file, and its header row when `header`.
fn read_pairs(path: &std::path::Path, header: bool) -> Result<(Vec<CsvRow>, Option<CsvRow>)> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            anyhow::anyhow!("{}:{line}: bad CSV row ({e})", path.display())
        })?;
        if record.len() < 2 {
            let line = record.position().map(|p| p.line()).unwrap_or(0);
            bail!("{}:{line}: a row needs two text columns", path.display());
        }
        rows.push(record.iter().map(String::from).collect::<Vec<_>>());
    }
    let header = if header && !rows.is_empty() {
        Some(rows.remove(0))
    } else {
        None
    };
    if rows.is_empty() {
        bail!("{}: no pairs in the file", path.display());
    }
    Ok((rows, header))
}
