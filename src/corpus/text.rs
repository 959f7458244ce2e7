use super::Document;
use anyhow::{bail, Context, Result};
use std::io::BufRead;
use std::path::Path;

/// Decodes bytes as UTF-8 or fails naming the file and the line of the first bad byte.
pub(super) fn decode_utf8(bytes: Vec<u8>, path: &Path) -> Result<String> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = 1 + e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count();
            bail!(
                "{}:{line}: not UTF-8 text (invalid byte at offset {at})",
                path.display()
            )
        }
    }
}

/// One document per file; `None` for a file with only whitespace.
pub(super) fn read_text_file(path: &Path, id: &str) -> Result<Option<Document>> {
    let bytes = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    let text = decode_utf8(bytes, path)?;
    if text.trim().is_empty() {
        return Ok(None);
    }
    Ok(Some(Document {
        id: id.to_string(),
        source: path.display().to_string(),
        text,
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
        out.push(Document {
            id: format!("stdin:{number}"),
            source: format!("<stdin>:{number}"),
            text: text.to_string(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_file_and_line() {
        let err = decode_utf8(b"ok\nfine\nbad \xff here".to_vec(), Path::new("x.txt")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.txt:3: not UTF-8 text (invalid byte at offset 12)"
        );
    }
}
