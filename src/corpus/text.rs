use super::decode::{decode, looks_binary};
use super::html::extract_article;
use super::markdown::first_heading;
use super::{Document, TextFormat};
use anyhow::{Context, Result};
use encoding_rs::Encoding;
use std::io::BufRead;
use std::path::Path;

/// One document per file; `None` for a file with only whitespace, or for a binary file
/// found in a directory (skipped with a warning naming it). A binary file named
/// explicitly (`explicit`) is an error.
pub(super) fn read_text_file(
    path: &Path,
    bytes: &[u8],
    id: &str,
    format: TextFormat,
    encoding: Option<&'static Encoding>,
    explicit: bool,
) -> Result<Option<Document>> {
    if looks_binary(bytes) {
        if explicit {
            anyhow::bail!("{}: a binary file, not text", path.display());
        }
        tracing::warn!("{}: binary file, skipped", path.display());
        return Ok(None);
    }
    let decoded = decode(bytes, encoding, path)?;
    if let Some(name) = decoded.converted_from {
        tracing::warn!("{}: not UTF-8, decoded as {name}", path.display());
    }
    let (text, title) = match format {
        TextFormat::Plain => (decoded.text, None),
        TextFormat::Markdown => {
            let title = first_heading(&decoded.text);
            (decoded.text, title)
        }
        TextFormat::Html => {
            let article = extract_article(&decoded.text, path)?;
            (article.text, article.title)
        }
    };
    if text.trim().is_empty() {
        return Ok(None);
    }
    Ok(Some(Document {
        id: id.to_string(),
        source: path.display().to_string(),
        text,
        title,
        lang: None,
        date: None,
        format,
    }))
}

/// One document per non-blank line of stdin.
pub(super) fn read_stdin_lines(out: &mut Vec<Document>) -> Result<()> {
    let stdin = std::io::stdin().lock();
    for (index, line) in stdin.split(b'\n').enumerate() {
        let number = index + 1;
        let line = line.context("reading stdin")?;
        let text = String::from_utf8(line)
            .map_err(|_| anyhow::anyhow!("<stdin>:{number}: not UTF-8 text"))?;
        let text = text.trim_end_matches('\r');
        if text.trim().is_empty() {
            continue;
        }
        out.push(Document::plain(
            format!("stdin:{number}"),
            format!("<stdin>:{number}"),
            text,
        ));
    }
    Ok(())
}
