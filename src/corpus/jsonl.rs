use super::decode::decode;
use super::{Document, ReadError, ReadOptions};
use anyhow::{bail, Result};
use serde_json::Value;
use std::path::Path;

/// One document per line of a JSONL file: the text field must be a string; the id field
/// (a string or a number) is optional and defaults to `FILE:LINE`. Blank lines are skipped;
/// a row with an empty text is skipped with a warning.
pub(super) fn read_jsonl(
    path: &Path,
    bytes: &[u8],
    options: &ReadOptions,
    out: &mut Vec<Document>,
) -> Result<()> {
    let decoded = decode(bytes, options.encoding, path)?;
    if let Some(name) = decoded.converted_from {
        tracing::warn!("{}: not UTF-8, decoded as {name}", path.display());
    }
    let shown = path.display();
    for (index, line) in decoded.text.split('\n').enumerate() {
        let number = index + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let row: Value = serde_json::from_str(line)
            .map_err(|e| anyhow::anyhow!("{shown}:{number}: not JSON ({e})"))?;
        let Value::Object(row) = row else {
            bail!("{shown}:{number}: expected a JSON object");
        };
        let text = match row.get(&options.text_field) {
            Some(Value::String(text)) => text,
            Some(_) => bail!(
                "{shown}:{number}: field {:?} is not a string",
                options.text_field
            ),
            None => {
                return Err(ReadError::NoTextField {
                    file: shown.to_string(),
                    line: number,
                    field: options.text_field.clone(),
                }
                .into())
            }
        };
        let source = format!("{shown}:{number}");
        if text.trim().is_empty() {
            tracing::warn!("{source}: empty text, skipped");
            continue;
        }
        let id = match row.get(&options.id_field) {
            Some(Value::String(id)) => id.clone(),
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Null) | None => source.clone(),
            Some(_) => bail!(
                "{shown}:{number}: field {:?} is not a string or number",
                options.id_field
            ),
        };
        out.push(Document::plain(id, source, text.as_str()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(content: &str) -> Result<Vec<Document>> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in.jsonl");
        std::fs::write(&path, content).unwrap();
        let mut out = Vec::new();
        read_jsonl(
            &path,
            &std::fs::read(&path)?,
            &ReadOptions::default(),
            &mut out,
        )?;
        Ok(out)
    }

    #[test]
    fn reads_ids_texts_and_skips_blank_lines() {
        let docs = read("{\"id\": 7, \"text\": \"a\"}\n\n{\"text\": \"b\"}\n").unwrap();
        assert_eq!(docs[0].id, "7");
        assert!(docs[1].id.ends_with("in.jsonl:3"), "{}", docs[1].id);
        assert_eq!(docs[1].text, "b");
    }

    #[test]
    fn a_line_without_the_text_field_is_named() {
        let err = read("{\"text\": \"a\"}\n{\"body\": \"b\"}\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("in.jsonl:2: no \"text\" field"), "{err}");
        let err = read("{\"text\": \"a\"}\nnot json\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("in.jsonl:2: not JSON"), "{err}");
    }
}
