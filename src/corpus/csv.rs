use super::decode::decode;
use super::{Document, ReadOptions};
use anyhow::{bail, Context, Result};
use std::path::Path;

/// One document per row of a CSV file with a header row: `--text-column` names the text,
/// `--id-column` (optional) the id, which defaults to `FILE:LINE`.
pub(super) fn read_csv(
    path: &Path,
    bytes: &[u8],
    options: &ReadOptions,
    out: &mut Vec<Document>,
) -> Result<()> {
    let shown = path.display();
    let decoded = decode(bytes, options.encoding, path)?;
    if let Some(name) = decoded.converted_from {
        tracing::warn!("{shown}: not UTF-8, decoded as {name}");
    }
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(decoded.text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| anyhow::anyhow!("{shown}:1: bad CSV header ({e})"))?
        .clone();
    let column = |name: &str| -> Result<usize> {
        match headers.iter().position(|h| h.trim() == name) {
            Some(i) => Ok(i),
            None => bail!(
                "{shown}: no column {name:?} (columns: {})",
                headers.iter().collect::<Vec<_>>().join(", ")
            ),
        }
    };
    let text_at = column(&options.text_column)?;
    let id_at = options.id_column.as_deref().map(column).transpose()?;
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            anyhow::anyhow!("{shown}:{line}: bad CSV row ({e})")
        })?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let source = format!("{shown}:{line}");
        let text = record
            .get(text_at)
            .with_context(|| format!("{source}: row has no column {:?}", options.text_column))?;
        if text.trim().is_empty() {
            tracing::warn!("{source}: empty text, skipped");
            continue;
        }
        let id = match id_at {
            Some(i) => record
                .get(i)
                .with_context(|| format!("{source}: row has no id column"))?
                .to_string(),
            None => source.clone(),
        };
        out.push(Document::plain(id, source, text));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(content: &str, options: &ReadOptions) -> Result<Vec<Document>> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in.csv");
        std::fs::write(&path, content).unwrap();
        let mut out = Vec::new();
        read_csv(&path, &std::fs::read(&path)?, options, &mut out)?;
        Ok(out)
    }

    #[test]
    fn reads_named_columns_with_quoted_commas() {
        let options = ReadOptions {
            text_column: "body".into(),
            id_column: Some("key".into()),
            ..Default::default()
        };
        let docs = read("key,body\nk1,\"hello, world\"\nk2,second\n", &options).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(
            (docs[0].id.as_str(), docs[0].text.as_str()),
            ("k1", "hello, world")
        );
        assert!(docs[1].source.ends_with("in.csv:3"));
    }

    #[test]
    fn a_missing_column_lists_the_columns() {
        let err = read("a,b\n1,2\n", &ReadOptions::default())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("no column \"text\"") && err.contains("a, b"),
            "{err}"
        );
    }
}
