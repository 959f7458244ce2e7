//! The similarity use case: the cosine of each pair of texts, given or read from a CSV
//! file, and the file written back with a score column.

use super::units::embed_with_bar;
use crate::cache::EmbeddingCache;
use crate::embed::Embedder;
use crate::model::PromptChoice;
use anyhow::{bail, Context, Result};
use std::io::Write;
use std::path::Path;

/// Rows of text whose first two columns are a pair (any further columns kept as they are).
pub struct TextPairs {
    pub rows: Vec<Vec<String>>,
    pub header: Option<Vec<String>>,
}

impl TextPairs {
    /// The pairs, refused when one has an empty text (before any model is loaded).
    pub fn new(rows: Vec<Vec<String>>, header: Option<Vec<String>>) -> Result<Self> {
        if let Some(i) = rows
            .iter()
            .position(|r| r[0].trim().is_empty() || r[1].trim().is_empty())
        {
            bail!("pair {} has an empty text", i + 1);
        }
        Ok(Self { rows, header })
    }
}

/// The cosine of each pair's two texts (both embedded with `prompt`), in order.
pub fn pair_cosines(
    pairs: &TextPairs,
    embedder: &Embedder,
    prompt: &PromptChoice,
    cache: Option<&mut EmbeddingCache>,
) -> Result<Vec<f64>> {
    let rows = &pairs.rows;
    let texts: Vec<&str> = rows
        .iter()
        .flat_map(|r| [r[0].as_str(), r[1].as_str()])
        .collect();
    let (vectors, _) = embed_with_bar(embedder, &texts, prompt, cache)?;
    Ok((0..rows.len())
        .map(|i| crate::vectors::dot_f64(vectors.row(2 * i), vectors.row(2 * i + 1)))
        .collect())
}

/// The pairs as CSV with a score column (4 decimals) after each row's own columns.
pub fn write_scored_pairs(w: &mut dyn Write, pairs: &TextPairs, scores: &[f64]) -> Result<()> {
    let mut csv = csv::Writer::from_writer(w);
    if let Some(h) = &pairs.header {
        let mut h = h.clone();
        h.push("score".into());
        csv.write_record(&h)?;
    }
    for (row, score) in pairs.rows.iter().zip(scores) {
        let mut row = row.clone();
        row.push(format!("{score:.4}"));
        csv.write_record(&row)?;
    }
    csv.flush()?;
    Ok(())
}

/// The rows of a pairs file, and its header row when `header`.
/// A CSV file's pairs: the first two columns of each row are the texts (the first row is
/// the header with `header`).
pub fn read_pairs(path: &Path, header: bool) -> Result<TextPairs> {
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
    TextPairs::new(rows, header)
}
