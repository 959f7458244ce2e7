use super::write_atomically;
use crate::vectors::Embeddings;
use anyhow::{bail, ensure, Result};
use serde::Serialize;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// `--output FILE.ids.json` beside a `.npy` file: the row ids, in row order.
pub const NPY_IDS_SUFFIX: &str = ".ids.json";

/// An embedding file format, chosen by the output's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmbeddingFormat {
    /// One `{"id", "source", "text", "embedding"}` object per line.
    Jsonl,
    /// float32 rows `[n, dim]`, ids in `FILE.ids.json`.
    Npy,
    /// One tensor `embeddings` `[n, dim]` f32; ids (JSON) in the metadata key `ids`.
    Safetensors,
}

impl EmbeddingFormat {
    pub fn from_path(path: &Path) -> Result<Self> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        Ok(match ext.as_deref() {
            Some("jsonl" | "ndjson") => Self::Jsonl,
            Some("npy") => Self::Npy,
            Some("safetensors") => Self::Safetensors,
            _ => bail!(
                "{}: unknown output format (use .jsonl, .npy or .safetensors)",
                path.display()
            ),
        })
    }
}

/// What an embedding file says about each vector.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExportItem {
    pub id: String,
    pub source: String,
    pub text: String,
    /// Character offsets of a passage in its document.
    pub span: Option<(usize, usize)>,
}

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    embedding: &'a [f32],
}

fn check_rows(documents: &[ExportItem], embeddings: &Embeddings) -> Result<()> {
    ensure!(
        documents.len() == embeddings.len(),
        "{} documents but {} vectors",
        documents.len(),
        embeddings.len()
    );
    Ok(())
}

/// Writes one JSON object per document to `out`.
pub fn write_jsonl(
    out: &mut dyn Write,
    documents: &[ExportItem],
    embeddings: &Embeddings,
    with_text: bool,
) -> Result<()> {
    check_rows(documents, embeddings)?;
    for (doc, vector) in documents.iter().zip(embeddings.rows()) {
        let row = Row {
            id: &doc.id,
            source: &doc.source,
            start: doc.span.map(|s| s.0),
            end: doc.span.map(|s| s.1),
            text: with_text.then_some(doc.text.as_str()),
            embedding: vector,
        };
        serde_json::to_writer(&mut *out, &row)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Writes an embedding file (and, for `.npy`, its ids file), atomically.
pub fn write_embeddings(
    path: &Path,
    documents: &[ExportItem],
    embeddings: &Embeddings,
    with_text: bool,
) -> Result<()> {
    check_rows(documents, embeddings)?;
    let ids: Vec<&str> = documents.iter().map(|d| d.id.as_str()).collect();
    match EmbeddingFormat::from_path(path)? {
        EmbeddingFormat::Jsonl => {
            write_atomically(path, |w| write_jsonl(w, documents, embeddings, with_text))
        }
        EmbeddingFormat::Npy => {
            let mut ids_path = PathBuf::from(path.as_os_str());
            ids_path.as_mut_os_string().push(NPY_IDS_SUFFIX);
            write_atomically(path, |w| {
                let shape = [embeddings.len() as u64, embeddings.dim as u64];
                use npyz::WriterBuilder;
                let mut npy = npyz::WriteOptions::<f32>::new()
                    .default_dtype()
                    .shape(&shape)
                    .writer(w)
                    .begin_nd()?;
                npy.extend(embeddings.data.iter().copied())?;
                npy.finish()?;
                Ok(())
            })?;
            write_atomically(&ids_path, |w| Ok(serde_json::to_writer(w, &ids)?))
        }
        EmbeddingFormat::Safetensors => {
            let bytes: Vec<u8> = embeddings
                .data
                .iter()
                .flat_map(|v| v.to_le_bytes())
                .collect();
            let view = safetensors::tensor::TensorView::new(
                safetensors::Dtype::F32,
                vec![embeddings.len(), embeddings.dim],
                &bytes,
            )?;
            let metadata = HashMap::from([("ids".to_string(), serde_json::to_string(&ids)?)]);
            let file = safetensors::serialize([("embeddings", view)], Some(metadata))?;
            write_atomically(path, |w| Ok(w.write_all(&file)?))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> (Vec<ExportItem>, Embeddings) {
        let item = |id: &str, text: &str| ExportItem {
            id: id.into(),
            source: format!("{id}.txt"),
            text: text.into(),
            span: None,
        };
        let docs = vec![item("a", "first"), item("b", "second")];
        (
            docs,
            Embeddings {
                dim: 3,
                data: vec![0.5, -1.0, 0.25, 1.0, 2.0, 3.0],
            },
        )
    }

    #[test]
    fn jsonl_rows_round_trip() {
        let (docs, emb) = sample();
        let mut out = Vec::new();
        write_jsonl(&mut out, &docs, &emb, false).unwrap();
        let lines: Vec<serde_json::Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines[1]["id"], "b");
        assert!(lines[1].get("text").is_none());
        assert_eq!(lines[0]["embedding"], serde_json::json!([0.5, -1.0, 0.25]));
    }

    #[test]
    fn npy_and_safetensors_hold_the_rows_and_ids() {
        let (docs, emb) = sample();
        let dir = tempfile::tempdir().unwrap();
        let npy = dir.path().join("v.npy");
        write_embeddings(&npy, &docs, &emb, true).unwrap();
        let bytes = std::fs::read(&npy).unwrap();
        let array = npyz::NpyFile::new(&bytes[..]).unwrap();
        assert_eq!(array.shape(), &[2, 3]);
        assert_eq!(array.into_vec::<f32>().unwrap(), emb.data);
        let ids = std::fs::read_to_string(dir.path().join("v.npy.ids.json")).unwrap();
        assert_eq!(ids, r#"["a","b"]"#);

        let st = dir.path().join("v.safetensors");
        write_embeddings(&st, &docs, &emb, true).unwrap();
        let bytes = std::fs::read(&st).unwrap();
        let (_, meta) = safetensors::SafeTensors::read_metadata(&bytes).unwrap();
        assert_eq!(meta.metadata().as_ref().unwrap()["ids"], r#"["a","b"]"#);
        let tensors = safetensors::SafeTensors::deserialize(&bytes).unwrap();
        assert_eq!(tensors.tensor("embeddings").unwrap().shape(), &[2, 3]);
    }

    #[test]
    fn unknown_extensions_are_refused() {
        assert!(EmbeddingFormat::from_path(Path::new("out.parquet")).is_err());
    }
}
